"""Ordinary words the fail-closed pass keeps although their first letter looks like a name's (#13):
Chinese words that begin with a surname character; and the names in the same places that still go.
Every example is invented; each text goes the production path (world_fixtures.redacted)."""
from __future__ import annotations

import pytest

from world_fixtures import check


# ---------------------------------------------------------------- Chinese words that begin with a surname
@pytest.mark.parametrize("text, kept", [
    ("宝宝有点黄疸，医生说再观察。", ["黄疸"]),
    ("检查发现黄斑变性，还要补叶酸。", ["黄斑", "叶酸"]),
    ("毛囊炎反复发作怎么办？", ["毛囊"]),
])
def test_a_dictionary_word_that_begins_with_a_surname_stays(text, kept):
    check(text, gone=[], kept=kept)


@pytest.mark.parametrize("text, gone", [
    ("昨天黄斐妍陪我来的。", ["黄斐妍"]),      # surname + a given name no word covers
    ("叶骁然说要补叶酸。", ["叶骁然"]),          # the word 叶酸 vouches only for itself
])
def test_a_surname_and_given_name_in_the_same_place_still_go(text, gone):
    check(text, gone=gone, kept=[])
