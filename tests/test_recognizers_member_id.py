import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, login", [
    ("회원아이디는 sample_lee07 입니다", "sample_lee07"),
    ("아이디: happyuser 로 가입했어요", "happyuser"),
    ("로그인 아이디 kim.sample 이 안돼요", "kim.sample"),
    ("My account ID on your website is jane.roe", "jane.roe"),
    ("username: jroe1990", "jroe1990"),
    ("mint_lee42 아이디로 적립금 쓸 수 있나요?", "mint_lee42"),
    ("I registered as jroe.77 on your site.", "jroe.77"),
    ("my user ID is sunnyday", "sunnyday"),
])
def test_login_ids(text, login):
    assert login in found(text, "MEMBER_ID")


@pytest.mark.parametrize("text", [
    "I'm allergic to lidocaine.",
    "아이디를 잊어버렸어요",
    "Bring your ID card to the consultation.",
    "Your patient ID will be sent later.",
    "I registered as a new member last week.",
])
def test_no_login_id(text):
    assert found(text, "MEMBER_ID") == []
