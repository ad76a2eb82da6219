"""Ordinary words the fail-closed pass keeps although they look like a name's (#13): Chinese words that
begin with a surname character, Korean compounds that begin with a surname syllable, and Russian,
Mongolian and Indonesian words capitalised at a sentence start; and the names in the same places
that still go.
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


# ---------------------------------------------------------------- Korean compounds that begin with a surname
@pytest.mark.parametrize("text, kept", [
    ("작년에 신인상을 받았던 배우예요.", ["신인상을"]),        # Kiwi reads 신인상 alone as one dictionary noun
    ("이식은 그라프트로 세나요, 모낭단위로 세나요?", ["그라프트로", "모낭단위로"]),
])
def test_a_korean_compound_kiwi_reads_as_one_common_noun_stays(text, kept):
    check(text, gone=[], kept=kept)


@pytest.mark.parametrize("text, gone", [
    ("작년에 최종민을 만났어요.", ["최종민"]),          # a surname and a given name Kiwi cuts into nouns
    ("신인상을 탁윤결이 받았대요.", ["탁윤결"]),
])
def test_a_name_kiwi_cuts_into_nouns_still_goes(text, gone):
    check(text, gone=gone, kept=[])


# ---------------------------------------------------------------- capitalised at a sentence start
@pytest.mark.parametrize("text, kept", [
    ("Добрый день. Посоветуйте, что делать с шрамом? Уточните цену.", ["Посоветуйте", "Уточните"]),
    ("Өчигдөр арьс улайсан. Маргааш эмчид очно. Баярлалаа.", ["Өчигдөр", "Маргааш", "Баярлалаа"]),
    ("Halo dokter, saya mau tanya. Berapa biaya laser? Kapan bisa datang? Terima kasih.",
     ["Berapa", "Kapan", "Terima", "tanya"]),
])
def test_an_ordinary_word_opening_a_sentence_stays(text, kept):
    check(text, gone=[], kept=kept)


@pytest.mark.parametrize("text, gone", [
    ("Посоветуйте, Ксенофонт Ильич, что делать?", ["Ксенофонт"]),     # a name after an imperative
    ("Маргааш Төгсжаргал эмчид очно.", ["Төгсжаргал"]),                # a Mongolian name mid-sentence
    ("Kemarin Sutarjo datang ke klinik, saya tidak bisa ikut.", ["Sutarjo"]),
    ("Dia said it was fine. Karena is my friend.", ["Dia", "Karena"]),  # English text: names, not Indonesian
])
def test_a_name_opening_or_inside_the_same_sentences_still_goes(text, gone):
    check(text, gone=gone, kept=[])


# ---------------------------------------------------------------- loanwords by their transcription shape
def test_a_loanwords_shape_before_a_particle_of_place_or_means_stays_and_the_gate_agrees():
    from test_keep_medical_vocabulary import _gate_findings

    from anonymise.vocabulary import is_loanword_before_thing_particle
    from anonymise.vocabulary.loanword_shape import is_loanword_shaped

    out = check("어제 프렌치톤스에서 만나고 브루텍스로 결제했어요.", gone=[], kept=["프렌치톤스에서", "브루텍스로"])
    assert not _gate_findings(out), out
    assert is_loanword_shaped("프렌치톤스") and is_loanword_before_thing_particle("브루텍스로")
    assert not is_loanword_shaped("김민수") and not is_loanword_shaped("제니퍼")   # a name's shape, a listed name


def test_the_same_shape_where_a_person_stands_still_goes():
    check("프렌치톤스가 어제 왔고 브루텍스에게 전화했어요.", gone=["프렌치톤스", "브루텍스"], kept=[])


def test_a_listed_citys_station_or_port_in_a_compound_stays_and_a_finer_place_still_goes():
    from test_keep_medical_vocabulary import _gate_findings

    out = check("광주역버스 타고 인천항여객선 쪽으로 갔어요.", gone=[], kept=["광주역버스", "인천항여객선"])
    assert not _gate_findings(out), out
    check("역삼역에서 내려서 왔어요.", gone=["역삼역"], kept=[])      # a station below the 시/도 level
