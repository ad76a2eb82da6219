"""The packed needle index (anonymise.gate.needles.NeedleIndex) against the plain dict it replaced: same
needle per key (first strong, else first) across packs and merges, exact lookups under hash
collisions, every occurrence found in text, bounded memory per needle, never pickled.

All values here are invented for these tests.
"""
from __future__ import annotations

import builtins
import pickle
import random
import tracemalloc

import pytest

import anonymise.gate.needles as needles
from anonymise.gate.needles import Needle, NeedleIndex, NeedleSet, add_key, build_needles

SYLLABLES = "민서지현수영준도윤하은재성우예진호연아채"
KINDS = ("name", "given_name", "email", "address", "member_id")


def random_needles(count: int, seed: int = 1) -> list[tuple[str, Needle]]:
    """(key, needle) pairs with many repeated keys, both strengths, Hangul and Latin, value == key or not."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        if rng.random() < 0.5:
            key = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        else:
            key = f"user{rng.randint(0, count // 3)}.x"
        value = key if rng.random() < 0.6 else key.upper() + "!"
        pairs.append((key, Needle(rng.choice(KINDS), value, rng.choice(("strong", "weak")),
                                  rng.choice(needles.RULES))))
    return pairs


def reference(pairs: list[tuple[str, Needle]]) -> dict[str, Needle]:
    """The rule the index must keep: the first needle of a key, unless a later one is strong and it is weak."""
    index: dict[str, Needle] = {}
    for key, needle in pairs:
        known = index.get(key)
        if known is None or (known.strength == "weak" and needle.strength == "strong"):
            index[key] = needle
    return index


@pytest.fixture
def small_packs(monkeypatch):
    """Packs of 64 needles: a few thousand needles go through many packs."""
    monkeypatch.setattr(needles, "PACK_NEEDLES", 64)


def test_packed_index_keeps_the_needle_the_dict_kept(small_packs):
    pairs = random_needles(5000)
    index = NeedleIndex()
    for key, needle in pairs:
        index.add(key, needle)
    expected = reference(pairs)
    assert len(index) == len(expected)
    assert dict(zip(index.keys(), index.values())) == expected
    assert all(index.get(key) == needle for key, needle in expected.items())
    assert index.get("nobody") is None and index.get("민") is None


def test_adding_after_a_merge_replaces_weak_and_keeps_strong(small_packs):
    index = NeedleIndex()
    for key, needle in random_needles(1000):
        index.add(key, needle)
    len(index)  # merged
    index.add("도윤", Needle("given_name", "도윤", "weak", "given_name"))
    index.add("도윤", Needle("name", "도윤", "strong", "plain"))
    index.add("도윤", Needle("email", "later", "strong", "plain"))
    assert index.get("도윤") == Needle("name", "도윤", "strong", "plain")


def test_lookups_are_exact_when_hashes_collide(small_packs, monkeypatch):
    # Every key of one length has the same first hash: only the stored key can tell them apart.
    monkeypatch.setattr(needles, "hash", lambda s: builtins.hash(s) if s.startswith("\0") else len(s),
                        raising=False)
    pairs = random_needles(3000, seed=2)
    expected = reference(pairs)
    found = NeedleSet()
    for key, needle in pairs:
        found.text.add(key, needle)
    assert dict(zip(found.text.keys(), found.text.values())) == expected
    assert all(found.text.get(key) == needle for key, needle in expected.items())
    assert found.text.get("zz") is None  # same length, hence same hash, as many keys

    text = " ".join(rng_choice for rng_choice in list(expected)[:50]) + " 무관한 글자 user999999.x"
    matcher, _ = found.matchers()
    assert sorted((start, end) for start, end, _ in matcher.find(text)) == brute_force(expected, text)


def brute_force(keys, text: str) -> list[tuple[int, int]]:
    return sorted({(i, i + len(key)) for key in keys for i in range(len(text)) if text.startswith(key, i)})


def test_matcher_finds_every_occurrence_of_every_key(small_packs):
    pairs = random_needles(4000, seed=3)
    expected = reference(pairs)
    found = NeedleSet()
    for key, needle in pairs:
        found.text.add(key, needle)
    rng = random.Random(4)
    keys = list(expected)
    text = "".join(rng.choice(keys) + rng.choice(("", " ", "님 ", "x")) for _ in range(300))
    matcher, _ = found.matchers()
    hits = list(matcher.find(text))
    assert sorted((start, end) for start, end, _ in hits) == brute_force(keys, text)
    assert all(expected[text[start:end]] == needle for start, end, needle in hits)


def test_bounded_seen_values_change_nothing(monkeypatch):
    members = [[{"member_id": f"id{i % 700:04d}x", "name": f"김{SYLLABLES[i % 20]}{SYLLABLES[i % 7]}",
                 "phone": f"010-{i % 900 + 1000}-{i % 7000 + 1000}", "email": f"p{i % 800}@example.org"}
                for i in range(start, start + 500)] for start in range(0, 5000, 500)]
    unbounded = build_needles({"members": members})
    monkeypatch.setattr(needles, "SEEN_VALUES", 10)
    monkeypatch.setattr(needles, "PACK_NEEDLES", 100)
    bounded = build_needles({"members": members})
    for view in ("text", "digits"):
        a, b = getattr(unbounded, view), getattr(bounded, view)
        assert dict(zip(a.keys(), a.values())) == dict(zip(b.keys(), b.values()))


def test_memory_per_needle_is_bounded():
    """At 1M consultations there are millions of needles: each must cost tens of bytes, not hundreds."""
    count = 100_000
    tracemalloc.start()
    try:
        index = NeedleIndex()
        for i in range(count):
            key = f"member{i:07d}@example.org"
            index.add(key, Needle("email", key, "strong", "ascii_word"))
        assert len(index) == count
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held / count < 80, f"{held / count:.0f} bytes per needle"  # ~320 as a dict of Needle tuples


def test_needles_never_leave_the_process():
    found = NeedleSet()
    add_key(found, bytes(range(32)))
    with pytest.raises(TypeError):
        pickle.dumps(found)
