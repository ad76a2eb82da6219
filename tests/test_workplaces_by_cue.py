"""Workplaces, schools and addresses named by their slot or form, not by a list (#13); ordinary words
in the same slot stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, org, kept", [
    ("아내는 푸른빛에 근무하고 있어요.", "푸른빛", ["근무하고"]),
    ("오빠가 새벽별 재직 중이에요.", "새벽별", ["재직"]),
    ("동생은 누리솔 소속이에요.", "누리솔", ["소속"]),
    ("삼촌이 가온누리 다녀요.", "가온누리", ["다녀요"]),
])
def test_the_word_in_a_korean_employment_slot_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", [
    "집에서 일해요.", "재택 근무 중이에요.", "야간 근무가 많아요.", "대기업 다녀요.", "같은 회사 다녀요.",
    "할머니댁 다녀왔어요.", "열심히 일해요.", "주말에 일해요.", "현재 재직 중이에요.", "헬스장 다녀요.",
    "요양병원에서 근무해요.", "물류센터에서 일해요.", "치과에 근무해요.",
])
def test_an_ordinary_complement_of_an_employment_phrase_stays(text):
    check(text, [], [text.rstrip(".")])
