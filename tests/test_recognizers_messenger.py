import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, messenger_id", [
    ("카톡 아이디: sample_kim88 으로 연락주세요", "sample_kim88"),
    ("카카오톡 ID는 testuser 입니다", "testuser"),
    ("카톡 happyday로 상담 가능할까요?", "happyday"),
    ("Add me on Kakao: sample.log", "sample.log"),
    ("My KakaoTalk ID is jane_doe7", "jane_doe7"),
    ("LINE ID: tanaka_0101", "tanaka_0101"),
    ("LINE IDはtanaka0101です", "tanaka0101"),
    ("请加我微信wxid_abc123", "wxid_abc123"),
    ("我的微信号是li.hua88，请加我。", "li.hua88"),
    ("라인 아이디 sato.k 입니다", "sato.k"),
    ("카톡 친구추가 glow_day 해주세요", "glow_day"),
    ("add me on KakaoTalk (kim_sample)", "kim_sample"),
    ("카카오톡 상담 원하시면 mint.lee42 추가 후 상담실장 찾아주세요", "mint.lee42"),
    ("I'm on LINE as hana_0912.", "hana_0912"),
    ("message our coordinator on KakaoTalk at coord_park77", "coord_park77"),
    ("my kakao is sunnyday", "sunnyday"),
    ("카카오톡 아이디가 sunnyday 예요", "sunnyday"),
])
def test_ids_after_app_words(text, messenger_id):
    assert messenger_id in found(text, "MESSENGER_ID")


def test_open_chat_link():
    assert found("open.kakao.com/o/gXyZ123 로 들어오세요", "MESSENGER_ID") == ["open.kakao.com/o/gXyZ123"]


@pytest.mark.parametrize("text", [
    "Can I combine hairline lowering and FUE?",
    "카톡으로 상담 가능할까요?",
    "We can talk on KakaoTalk later about the schedule.",
    "Please stand in line at the front desk.",
    "카톡 상담 시 CO2 레이저 비용도 알려드려요",
])
def test_app_words_without_an_id_find_nothing(text):
    assert found(text, "MESSENGER_ID") == []
