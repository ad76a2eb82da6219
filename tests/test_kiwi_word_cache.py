"""The per-word caches of the Korean rules: bounded, the same answers cold and warm, context kept outside.

Invented names and sentences only."""
from __future__ import annotations

import pytest

from anonymise import korean_safe_list, kiwi_words
from anonymise.kiwi_model import shared_kiwi
from anonymise.quasi_identifiers import workplaces
from anonymise.safe_list import SafeListPass

TEXTS = ["천도겸, 강다운 두 분이 상담을 받으셨어요.", "강다운 두 분이 오셨어요.", "청솔테크에서 근무하는데 주말에만 시간이 돼요.",
         "오늘 코끝성형 상담 예약했어요. 천도겸 님께 감사드려요.", "유미소가 추천해서 왔어요, 레이저 토닝 문의드립니다."]
PER_WORD_CACHES = [kiwi_words.kiwi_tokens, korean_safe_list.word_verdict, korean_safe_list._listed_name_length,
                   workplaces._korean_candidates]


def _clear() -> None:
    for cache in PER_WORD_CACHES:
        cache.cache_clear()


def _findings(text: str) -> tuple:
    spans = SafeListPass().find(text)
    return (tuple((s.start, s.end, s.entity_type, s.reason) for s in spans),
            tuple((q.start, q.end, q.qi_type) for q in workplaces.Workplace().find(text)))


@pytest.mark.parametrize("cache", PER_WORD_CACHES, ids=lambda c: c.__name__)
def test_per_word_caches_are_bounded(cache):
    maxsize = cache.cache_info().maxsize
    assert maxsize is not None and 0 < maxsize <= 100_000


def test_kiwi_tokens_hold_at_most_their_bound():
    """Past its bound the cache drops the least recent words instead of growing."""
    _clear()
    words = [chr(0xAC00 + i) + chr(0xAC00 + 7 * i % 11172) for i in range(kiwi_words.CACHED_WORDS + 50)]
    for word in words:
        kiwi_words.kiwi_tokens(word)
    assert kiwi_words.kiwi_tokens.cache_info().currsize == kiwi_words.CACHED_WORDS
    _clear()


def test_kiwi_tokens_are_kiwis_reading_read_once():
    _clear()
    word = "청솔테크에서"
    cold = kiwi_words.kiwi_tokens(word)
    fresh = shared_kiwi().tokenize(word)
    assert [(t.form, t.tag, t.start, t.len, t.id) for t in cold] == [(t.form, t.tag, t.start, t.len, t.id) for t in fresh]
    assert kiwi_words.kiwi_tokens(word) is cold  # warm: no second Kiwi call
    assert isinstance(cold, tuple)  # shared by every caller: read-only


def test_same_findings_cold_and_warm():
    _clear()
    cold = [_findings(t) for t in TEXTS]
    warm = [_findings(t) for t in TEXTS]
    _clear()
    backwards = [_findings(t) for t in reversed(TEXTS)][::-1]  # other words first in the caches
    assert cold == warm == backwards
    assert any(cold[0][0]) and cold[2][1]  # the texts do hold findings: the comparison means something


def test_context_decides_outside_the_cache():
    """The same word, cached once, goes beside a removed name and stays alone."""
    _clear()
    listed = korean_safe_list.korean_spans(TEXTS[0])
    alone = korean_safe_list.korean_spans(TEXTS[1])
    assert (5, 8, "PERSON", "listed-name") in listed
    assert not alone


def test_workplace_stems_ask_kiwi_only_when_a_form_or_cue_makes_them_candidates():
    _clear()
    assert workplaces.Workplace().find("주말에만 시간이 돼요 감사합니다") == []
    assert kiwi_words.kiwi_tokens.cache_info().currsize == 0  # no company form, no work cue: Kiwi not asked
    found = workplaces.Workplace().find("청솔테크에서 근무해요")
    assert [(q.start, q.end) for q in found] == [(0, 4)]
    assert kiwi_words.kiwi_tokens.cache_info().currsize > 0
