"""FAQ entries show what was asked, not who asked it or where to call back."""
import pytest

from reports.faq_question import core_question


@pytest.mark.parametrize("text, expected", [
    ("<PERSON> 본인 대신 가족인 <PERSON>이 글 올려요.\n쌍꺼풀 재수술은 언제 가능한가요? 택배는 <ADDRESS>로 보내주세요.",
     "쌍꺼풀 재수술은 언제 가능한가요?"),
    ("Hi, I am <PERSON>. How long is the downtime after rhinoplasty? Call me at <PHONE>. Thanks!",
     "How long is the downtime after rhinoplasty?"),
    ("안녕하세요. 사각턱 수술 비용 알려주세요", "사각턱 수술 비용 알려주세요"),
    ("隆鼻手术后多久可以化妆呢？我叫<PERSON>。", "隆鼻手术后多久可以化妆呢？"),
])
def test_the_asking_sentences_without_placeholders_are_kept(text, expected):
    assert core_question(text) == expected


def test_without_a_question_the_sentences_naming_nobody_stay():
    assert core_question("<PERSON>입니다. 코 성형 상담 원합니다.") == "코 성형 상담 원합니다."


def test_nothing_but_placeholders_is_left_as_it_was():
    assert core_question("<PERSON>입니다") == "<PERSON>입니다"
    assert core_question(None) is None
