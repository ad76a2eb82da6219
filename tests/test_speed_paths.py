"""The faster paths render and find exactly what the plain ones do (issue #19: speed without changing output)."""
from __future__ import annotations

import random

import anonymise.redactor
from anonymise.text_normalisation import CHANGEABLE, INVISIBLE, LOOKALIKES, _is_symbol
from anonymise.operators import _presidio_replace, _replace, apply_placeholders
from anonymise.redactor import Redactor


def test_direct_replacement_renders_what_presidio_renders():
    chooser = random.Random(19)
    for _ in range(5_000):
        text = "".join(chooser.choice("ab  \n김x.") for _ in range(chooser.randint(0, 30)))
        replacements = []
        for index in range(chooser.randint(0, 6)):
            start = chooser.randint(-1, len(text) + 1)
            replacements.append((chooser.choice(["PERSON", "PHONE", f"LITERAL#{index}"]), start,
                                 start + chooser.randint(-1, 5), chooser.choice(["<PERSON>", "환자 A", "[x]", ""])))
        try:
            expected = _presidio_replace(text, replacements)
        except Exception as error:  # Presidio refuses offsets outside the text: so must the fast path
            expected = type(error)
        try:
            got = _replace(text, replacements)
        except Exception as error:
            got = type(error)
        assert got == expected, (text, replacements)


def test_two_names_with_only_spaces_between_become_one_placeholder_as_in_presidio():
    text = "Anna  Lee and Bo"
    spans = [("PERSON", 0, 4), ("PERSON", 6, 9), ("PERSON", 14, 16)]
    assert apply_placeholders(text, spans) == "<PERSON> and <PERSON>"


def test_changeable_characters_are_those_normalise_tests_one_by_one():
    one_by_one = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and _is_symbol(chr(c)))
    assert CHANGEABLE == frozenset((*LOOKALIKES, *INVISIBLE, *one_by_one))


def test_a_repeated_text_is_analysed_once_and_redacted_alike(monkeypatch):
    analysed = []
    real = anonymise.redactor.analyze_texts

    def counting(texts, **kwargs):
        analysed.extend(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(anonymise.redactor, "analyze_texts", counting)
    redactor = Redactor()
    title = "코 재수술 문의드립니다 010-2741-8830"
    records = [{"consultation_id": str(i), "title": title, "question": f"저는 {name}입니다. 상담 원해요."}
               for i, name in enumerate(["서하준", "Mia Lopez", "서하준"])]
    first = list(redactor.redact_many(records, {}))
    again = list(redactor.redact_many(records[:1], {}))
    assert analysed.count(title) == 1 and analysed.count(records[0]["question"]) == 1
    assert again[0] == first[0] == first[2]
    assert "010-2741-8830" not in first[1].text["title"] and "서하준" not in first[0].text["question"]
    assert [r.text for r in first] == [redactor.redact(r).text for r in records]


def test_the_engine_cache_stays_bounded_and_a_full_cache_still_serves_its_batch(monkeypatch):
    monkeypatch.setattr(anonymise.redactor, "ENGINE_CACHE_TEXTS", 3)
    redactor = Redactor()
    records = [{"consultation_id": str(i), "title": f"문의 {i}번"} for i in range(5)]
    first = [r.text["title"] for r in redactor.redact_many(records, {}, ("title",))]
    again = [r.text["title"] for r in redactor.redact_many(records[::-1], {}, ("title",))]
    assert again == first[::-1] and len(redactor._engine_cache) == 3
