import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, plate", [
    ("차량번호 12가 3456 주차 등록해주세요", "12가 3456"),
    ("제 차는 123가4567입니다", "123가4567"),
    ("서울12가3456 차량", "서울12가3456"),
    ("parking for car 34나 5678 please", "34나 5678"),
    ("The plate was 57허 2093, a white sedan.", "57허 2093"),  # a comma after the plate
    ("Смотрите номер 208도1174, это моя машина.", "208도1174"),
])
def test_plates(text, plate):
    assert plate in found(text, "VEHICLE_NO")


@pytest.mark.parametrize("text", [
    "30만원에 1000샷 해주세요",
    "2주 뒤 1회 더 받으세요",
    "100cc 2000원",
    "12가 3456,789원",  # a longer number, not a plate
])
def test_not_plates(text):
    assert found(text, "VEHICLE_NO") == []
