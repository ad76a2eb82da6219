import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, ip", [
    ("제 IP가 203.0.113.45 로 나와요", "203.0.113.45"),
    ("blocked from 198.51.100.7 again", "198.51.100.7"),
    ("IPv6 2001:db8:85a3::8a2e:370:7334 에서 접속", "2001:db8:85a3::8a2e:370:7334"),
])
def test_ip_addresses(text, ip):
    assert ip in found(text, "IP_ADDRESS")


def test_version_like_numbers_are_not_ips():
    assert found("보형물 사이즈 1.2.3 단계 중 2단계입니다", "IP_ADDRESS") == []
