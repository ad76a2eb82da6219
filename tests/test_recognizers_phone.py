import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, phone", [
    ("연락처는 010-2345-6789입니다", "010-2345-6789"),
    ("번호 01023456789로 문자 주세요", "01023456789"),
    ("010 2345 6789 으로 연락주세요", "010 2345 6789"),
    ("010.2345.6789", "010.2345.6789"),
    ("제 번호는 +82 10-2345-6789 입니다", "+82 10-2345-6789"),
    ("call +82-10-2345-6789 please", "+82-10-2345-6789"),
    ("82-10-2345-6789로 주세요", "82-10-2345-6789"),
    ("사무실 (02) 521-2657", "(02) 521-2657"),
    ("집 전화 031-765-4321 입니다", "031-765-4321"),
    ("인터넷전화 070-1234-5678", "070-1234-5678"),
    ("안심번호 0505-123-4567", "0505-123-4567"),
    ("대표번호 1588-1234로 전화", "1588-1234"),
    ("Please call me at (415) 555-0134.", "(415) 555-0134"),
    ("My number is +1-206-555-0199", "+1-206-555-0199"),
    ("手机：+86 139 1234 5678", "+86 139 1234 5678"),
    ("电话：139 1234 5678", "139 1234 5678"),
    ("办公室 0755-2345678", "0755-2345678"),
    ("携帯は090-1234-5678です", "090-1234-5678"),
    ("電話 +81-90-1234-5678", "+81-90-1234-5678"),
    ("WhatsApp +44 7700 900123", "+44 7700 900123"),
    ("휴대폰 (010) 2345-6789", "(010) 2345-6789"),
    ("mobile: 07700 900123", "07700 900123"),
    ("Text me on 4155550134 please", "4155550134"),
    ("연락 가능한 번호: 010)2345-6789", "010)2345-6789"),
    ("Best number to reach me: 2065550199", "2065550199"),
])
def test_phone_forms_are_found(text, phone):
    assert phone in found(text, "PHONE")


def test_full_width_and_zero_width_digits_map_back_to_original_offsets():
    full_width = "전화 ０１０－２３４５－６７８９ 주세요"
    assert found(full_width, "PHONE") == ["０１０－２３４５－６７８９"]
    hidden = "전화 010\u200b2345\u200b6789 주세요"
    assert found(hidden, "PHONE") == ["010\u200b2345\u200b6789"]


@pytest.mark.parametrize("text", [
    "비용은 2,500,000원이고 6개월 뒤 재시술합니다",
    "The package is $3,000 for 20 units and 3 months follow-up.",
    "2023-10-15에 수술했고 2024-01-05에 내원했어요",
    "보톡스 100유닛, 필러 1cc, 울쎄라 300샷",
    "예약번호 20231015",
    "전화 상담은 2024-05-10 오후에 가능해요",
])
def test_numbers_that_are_not_phones_stay(text):
    assert found(text, "PHONE") == []
