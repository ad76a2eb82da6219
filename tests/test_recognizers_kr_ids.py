import pytest

from anonymise.engine import analyze_text
from anonymise.recognizers.kr_ids import BusinessRegistrationRecognizer, RrnRecognizer


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, value", [
    ("주민등록번호 850214-1234567 로 발급해주세요", "850214-1234567"),
    ("주민번호는 8502142234568입니다", "8502142234568"),
    ("RRN: 021130 3456789", "021130 3456789"),
    ("주민번호 850214-1****** 입니다", "850214-1******"),
])
def test_rrn(text, value):
    assert value in found(text, "RRN")


@pytest.mark.parametrize("text, value", [
    ("외국인등록번호 900512-5123456", "900512-5123456"),
    ("My ARC (alien registration card) number is 8812316234567.", "8812316234567"),
])
def test_frn(text, value):
    assert value in found(text, "FRN")


def test_rrn_check_digit_raises_score_but_is_not_required():
    recognizer = RrnRecognizer()
    assert recognizer.validate_result("800101-1000008") is True  # valid check digit
    assert recognizer.validate_result("800101-1000000") is None  # post-2020 style: no check digit
    assert found("주민번호 800101-1000000", "RRN") == ["800101-1000000"]


@pytest.mark.parametrize("text, value", [
    ("여권번호 M12345678 입니다", "M12345678"),
    ("신여권 M123A4567 로 예약", "M123A4567"),
    ("My passport number is 483920174.", "483920174"),
    ("护照号码：E87654321", "E87654321"),
    ("パスポート番号はTK7654321です", "TK7654321"),
])
def test_passport(text, value):
    assert value in found(text, "PASSPORT")


@pytest.mark.parametrize("text, value", [
    ("운전면허증 번호 11-12-345678-90 입니다", "11-12-345678-90"),
    ("면허번호 서울-12-345678-90", "서울-12-345678-90"),
    ("driver's license 21-19-123456-78", "21-19-123456-78"),
    ("면허증이에요. 번호 충북 82-123456-78", "충북 82-123456-78"),
    ("driver license no. 123456789012", "123456789012"),
])
def test_driver_license(text, value):
    assert value in found(text, "DRIVER_LICENSE")


def test_business_registration_number():
    assert found("사업자등록번호 123-45-67890", "BRN") == ["123-45-67890"]
    assert BusinessRegistrationRecognizer().validate_result("220-81-62517") is True
    assert BusinessRegistrationRecognizer().validate_result("220-81-62510") is None


@pytest.mark.parametrize("text", [
    "수술은 2023년 10월 15일에 했어요",
    "Stitches out after 7 days, swelling 3 months.",
    "M사이즈 보형물 280cc",
    "The clinic has 12 doctors and 3,400 patients a year.",
])
def test_non_identifiers_stay(text):
    assert [r for r in analyze_text(text) if r.entity_type in {"RRN", "FRN", "PASSPORT", "DRIVER_LICENSE", "BRN"}] == []
