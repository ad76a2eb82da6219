import pytest

from anonymise.regions import province_or_country


@pytest.mark.parametrize("value, expected", [
    ("서울 마포구 서교동 395-1", "서울"), ("서울특별시 강남구 테헤란로 1", "서울"), ("경기도 광주시 오포읍", "경기"),
    ("경기 성남시 분당구 정자동", "경기"), ("광주 서구 치평동", "광주"), ("세종시 어진동", "세종"),
    ("제주특별자치도 제주시 연동", "제주"), ("충청북도 청주시", "충북"), ("Seoul, Korea", "서울"),
    ("Portland, OR", "US"), ("Vancouver, BC", "CA"), ("大阪", "JP"), ("深圳", "CN"), ("Melbourne", "AU"),
    ("Reykjavik", "abroad"), ("강남구 역삼동", None), ("", None), (None, None),
])
def test_region_is_generalised_to_province_or_country(value, expected):
    assert province_or_country(value) == expected


def test_nothing_finer_than_province_survives():
    for value in ("서울 강남구 신사동 952-38", "부산 해운대구 우동 1408", "123 Main St, Seattle, WA"):
        out = province_or_country(value) or ""
        assert not any(ch.isdigit() for ch in out) and len(out) <= 6
