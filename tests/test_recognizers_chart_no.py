import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, chart", [
    ("차트번호 A21-00345입니다", "A21-00345"),
    ("환자번호: 20230045로 조회해주세요", "20230045"),
    ("등록번호 2017-123456 입니다", "2017-123456"),
    ("My chart no. is 77120345", "77120345"),
    ("Patient ID: PT-0098123", "PT-0098123"),
    ("カルテ番号は55012です", "55012"),
    ("챠트번호 778812 입니다", "778812"),
    ("의무기록번호: 2021-44810", "2021-44810"),
    ("病历号：BL20230018", "BL20230018"),
])
def test_chart_numbers(text, chart):
    assert chart in found(text, "CHART_NO")


@pytest.mark.parametrize("text", [
    "차트를 보니 3개월 전에 오셨네요",
    "The patient should rest for 14 days.",
    "차트 2019년 기록을 보면 괜찮아요",
    "Per your chart 12 weeks have passed.",
    "주민등록번호 850214-1234567",
])
def test_not_chart_numbers(text):
    assert found(text, "CHART_NO") == []
