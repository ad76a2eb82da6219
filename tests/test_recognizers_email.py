import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, email", [
    ("이메일은 test.user99@example.co.kr 입니다", "test.user99@example.co.kr"),
    ("메일:sample_kim@naver.com로 보내주세요", "sample_kim@naver.com"),
    ("write to jane.roe+clinic@mail.example.org.", "jane.roe+clinic@mail.example.org"),
    ("sample77 골뱅이 naver 닷 com 으로 주세요", "sample77 골뱅이 naver 닷 com"),
    ("sample77골뱅이네이버닷컴", "sample77골뱅이네이버닷컴"),
    ("jdoe(at)gmail(dot)com", "jdoe(at)gmail(dot)com"),
    ("jdoe [at] gmail [dot] com", "jdoe [at] gmail [dot] com"),
    ("reach me: jdoe at gmail dot com", "jdoe at gmail dot com"),
    ("메일은 sample77 @ daum.net", "sample77 @ daum.net"),
    ("메일: sample_77@naver[dot]com 으로", "sample_77@naver[dot]com"),
])
def test_email_forms(text, email):
    assert email in found(text, "EMAIL")


@pytest.mark.parametrize("text", [
    "I had surgery 5 years ago at another clinic.",
    "Look at the result in 3 months.",
    "수술 후 3일 점심부터 식사 가능합니다",
    "follow me on insta @jane.doe_01",
])
def test_english_at_and_dot_words_stay(text):
    assert found(text, "EMAIL") == []
