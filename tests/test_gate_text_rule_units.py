"""The gate's released-text rule accepts what the invariant now allows in doses and device settings
(vocabulary/README.md rules 1-2) and still refuses codes and IDs of the same shapes."""
import pytest

from anonymise.gate.released_text import TextRule, unsafe_numbers


@pytest.mark.parametrize("token", ["1064nm", "10J/cm2", "20W", "3ms", "1MHz", "5mmol", "SPF50", "x2", "q4h", "0.5mL",
                                   "2.5mg", "27G", "50U"])
def test_units_and_dosing_notation_pass(token):
    assert TextRule.default().flagged([token]) == {}


@pytest.mark.parametrize("token", ["kim1990", "AB12345", "x2b", "q4", "0.5kim", "jisoo.kim", "nm1064ab"])
def test_codes_and_ids_of_similar_shape_are_refused(token):
    assert token in TextRule.default().flagged([token])


def test_a_dilution_is_a_quantity_and_a_longer_ratio_is_not():
    assert list(unsafe_numbers("lidocaine 1:100,000 with epinephrine")) == []
    assert list(unsafe_numbers("code 1:123456 please")) != []


def test_a_vietnamese_word_is_judged_whole():
    """Letters of Latin Extended Additional (ệ, ễ, ằ) are part of the word: split there, giới thiệu left
    'thi' to be read as a given name; whole, a surname only Vietnamese writes is a name though its
    dictionary has it too (nguyễn, trần)."""
    flagged = TextRule.default().flagged(["thiệu", "Việt", "Nguyễn", "Trần"])
    assert "thiệu" not in flagged and "Việt" not in flagged
    assert flagged.get("Nguyễn") == flagged.get("Trần") == "name"   # a surname only Vietnamese writes
