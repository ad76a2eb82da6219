import pytest

from anonymise.engine import analyze_text

WEB_TYPES = {"URL", "SOCIAL_HANDLE", "MESSENGER_ID"}


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, url", [
    ("후기 https://blog.example.com/post/123 참고해주세요", "https://blog.example.com/post/123"),
    ("사진은 www.example.com/gallery/77에 있어요", "www.example.com/gallery/77"),
    ("제 블로그 blog.naver.com/sample_diary 입니다", "blog.naver.com/sample_diary"),
    ("see my page myhome.example.net/about", "myhome.example.net/about"),
    ("short link bit.ly/3abcXYZ", "bit.ly/3abcXYZ"),
])
def test_urls(text, url):
    assert url in found(text, "URL")


def test_profile_and_open_chat_links_get_their_specific_type():
    assert found("instagram.com/sample.user_1 보세요", "SOCIAL_HANDLE") == ["instagram.com/sample.user_1"]
    assert found("오픈채팅 https://open.kakao.com/o/sAbCdEf1 로 와주세요", "MESSENGER_ID") == [
        "https://open.kakao.com/o/sAbCdEf1"]


@pytest.mark.parametrize("text", [
    "Swelling lasts about 2 weeks, e.g. after rhinoplasty.",
    "i.e. the cost is 3.5 million won.",
    "수술 후 1.5개월 지나면 괜찮아요",
])
def test_abbreviations_and_decimals_are_not_urls(text):
    assert [r for r in analyze_text(text) if r.entity_type in WEB_TYPES] == []
