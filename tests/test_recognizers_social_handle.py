import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, handle", [
    ("인스타그램 @sample_daily 에 후기 올렸어요", "@sample_daily"),
    ("인스타 아이디는 sample.daily 입니다", "sample.daily"),
    ("My Instagram is glowdiary if you want to see", "glowdiary"),
    ("follow me on insta @jane.doe_01", "@jane.doe_01"),
    ("틱톡 @dance_kim77 보시면 돼요", "@dance_kim77"),
    ("https://www.tiktok.com/@sample_user", "https://www.tiktok.com/@sample_user"),
    ("DM me @someone_here", "@someone_here"),
    ("제 인스타 glowlog에 전후 사진 있어요", "glowlog"),
    ("Before photos are on my Instagram glowlog. Thanks", "glowlog"),
    ("인스타 DM 주셔도 돼요 → glow_log", "glow_log"),
])
def test_handles(text, handle):
    assert handle in found(text, "SOCIAL_HANDLE")


@pytest.mark.parametrize("text", [
    "My Instagram is private, sorry.",
    "인스타에서 보고 연락드렸어요",
    "I saw your clinic on Instagram last year.",
    "Photos are on my Instagram page, see the highlights.",
    "메일 sample@example.com 로 주세요",
])
def test_no_handle(text):
    assert found(text, "SOCIAL_HANDLE") == []
