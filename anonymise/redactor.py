"""The one entry point that anonymises a consultation's free text.

For each of title/question/answer it takes the Presidio engine's findings (patterns, PERSON
recognizers, English NER) and the record's own deny list, joins overlapping spans into their union
(when two detectors disagree about the extent, removing more is the safe side), finds the text's
quasi-identifiers (anonymise.quasi_identifiers: ages, dates, fine places, workplaces ...) in what they
left, then runs the fail-closed safe-list pass (anonymise.safe_list) over the rest: it leaves the
claimed quasi-identifier spans alone. It renders three forms: typed placeholders (<PERSON>, <PHONE>,
<NAME>, <ID>) with every quasi-identifier treated as the strictest release says; the same for the
academic release (32살 -> 30대, 강남역 -> 서울); publishing surrogates (환자 A, [전화번호]) with publishing's.
Spans keep offsets into the original text and never the text itself, so they can be logged.

Other layers that claim spans before the safe-list pass are given to the Redactor as
``ClaimingLayer``s: their spans are merged with the personal-data ones, and the pass leaves them alone.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from anonymise.chinese_name_echoes import chinese_name_echoes
from anonymise.deny_list import OTHER, DenySpan, RecordDenyList
from anonymise.engine import analyze_text, analyze_texts, get_analyzer
from anonymise.eponyms import is_eponym
from anonymise.name_data import LATIN_NOT_NAMES, LATIN_TITLE
from anonymise.korean_name_echoes import name_echoes
from anonymise.listed_names import listed_names
from anonymise.name_neighbours import beside_names
from anonymise.operators import PersonLetters, apply_placeholders, apply_surrogates
from anonymise.quasi_identifiers.base import QuasiSpan
from anonymise.quasi_identifiers.detector import find_quasi_identifiers
from anonymise.quasi_identifiers.places import facility_place
from anonymise.quasi_identifiers.release_policy import STRICTEST, TextQiPolicy
from anonymise.quasi_identifiers.render import literals
from anonymise.settings import AnonymiseSettings
from anonymise.text_script import detect_language
from anonymise.safe_list import RECOGNIZER as SAFE_LIST, SafeListPass, SafeListSpan
from anonymise.policy import TEXT_COLUMNS

TEXT_FIELDS = TEXT_COLUMNS["consultations"]
DENY_LIST = "RecordDenyList"
PARENTHESISED = "ParenthesisedName"
# Records whose texts redact_many analyses together: enough for NER batching, little memory.
BATCH_RECORDS = 200
# Distinct texts whose engine findings a Redactor keeps (a few MB): repeated titles and greetings
# are met again long after they were first analysed.
ENGINE_CACHE_TEXTS = 20_000


@dataclass(frozen=True)
class Span:
    """One removed stretch of a text: offsets into the original, never its content."""
    entity_type: str
    start: int
    end: int
    recognizer: str
    score: float
    role: str


@dataclass
class Redaction:
    text: dict[str, str | None]        # placeholder form, text quasi-identifiers as the strictest release (faq) says
    surrogate: dict[str, str | None]   # publishing form (surrogates, publishing's quasi-identifier policy)
    spans: dict[str, list[Span]]
    counts: dict[str, int]
    academic: dict[str, str | None] = field(default_factory=dict)   # placeholders, academic's policy
    quasi: dict[str, list[QuasiSpan]] = field(default_factory=dict)  # text quasi-identifiers per field
    quasi_counts: dict[str, int] = field(default_factory=dict)


class ClaimingLayer(Protocol):
    """Finds spans of its own kind in one text of a record before the safe-list pass runs."""

    def claim(self, text: str, record: Mapping) -> Iterable[Span]:
        ...


def merge_spans(spans: list[Span]) -> list[Span]:
    """Overlapping spans become one spanning their union.

    The type comes from the longest member (an e-mail holding a name is an e-mail), the role from
    the deny list when it took part (it knows whose value this is); a span no deny-list entry
    touched belongs to "other".
    """
    merged: list[Span] = []
    group: list[Span] = []

    def close() -> None:
        if not group:
            return
        best = max(group, key=lambda s: (s.end - s.start, s.recognizer == DENY_LIST, s.score))
        owners = [s for s in group if s.recognizer == DENY_LIST and s.entity_type == best.entity_type] or \
            [s for s in group if s.recognizer == DENY_LIST]
        role = owners[0].role if owners else OTHER
        merged.append(Span(best.entity_type, min(s.start for s in group), max(s.end for s in group),
                           best.recognizer, best.score, role))
        group.clear()

    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if group and span.start >= max(s.end for s in group):
            close()
        group.append(span)
    close()
    return merged


# The small English NER model calls product and procedure words names (Ultherapy, Botox - Anna Lee,
# "gynecomastia surgery is ..."). A name is capitalised, is not a listed non-name word and does
# not end like a procedure or product.
NER_SEGMENT_BREAK = re.compile(r"\s+[-–—:|/]\s+|,\s*|\n+")
AFTER_TITLE = re.compile(rf"\b{LATIN_TITLE}\.?\s+$")  # Dr. Son: a surname, whatever else it means
PROCEDURE_ENDING = re.compile(r"(?i)(?:plasty|therapy|tomy|ectomy|lift|tox|derm|sculpt|peel|laser|filler)s?$")


def _refine_ner(span: Span, text: str) -> list[Span]:
    """A spaCy PERSON span cut down to its parts that look like a name (none if no part does)."""
    if span.entity_type != "PERSON" or span.recognizer != "SpacyRecognizer" or AFTER_TITLE.search(text[:span.start]):
        return [span]
    kept, cursor = [], span.start
    for piece in NER_SEGMENT_BREAK.split(text[span.start:span.end]) + [""]:
        start = text.index(piece, cursor) if piece else span.end
        words = piece.split()
        if words and any(w[:1].isupper() for w in words) and not all(w.casefold() in LATIN_NOT_NAMES for w in words) \
                and not any(PROCEDURE_ENDING.search(w) for w in words):
            kept.append(Span(span.entity_type, start, start + len(piece), span.recognizer, span.score, span.role))
        cursor = start + len(piece)
    return kept


def _engine_span(result) -> Span:
    metadata = result.recognition_metadata or {}
    return Span(result.entity_type, result.start, result.end, metadata.get("recognizer_name", "unknown"),
                round(float(result.score), 3), OTHER)


def _deny_span(span: DenySpan) -> Span:
    return Span(span.entity_type, span.start, span.end, DENY_LIST, 1.0, span.role)


def _safe_list_span(span: SafeListSpan) -> Span:
    return Span(span.entity_type, span.start, span.end, f"{SAFE_LIST}:{span.reason}", 1.0, OTHER)


class Redactor:
    """Builds the analyzer once; ``redact`` then anonymises one record's texts, ``redact_many`` many.

    ``settings`` is the anonymiser's own section; without one, ``AnonymiseSettings`` fields may be
    given as keywords (``Redactor(score_threshold=0.6)``) and the rest keep their defaults. No file
    and no environment variable is read.
    """

    def __init__(self, settings: AnonymiseSettings | None = None, claiming_layers: Sequence[ClaimingLayer] = (),
                 **settings_fields):
        settings = settings or AnonymiseSettings(**settings_fields)
        self.score_threshold = settings.score_threshold
        self.text_qis = _text_qi_policy(getattr(settings, "policy_file", None))
        self.safe_list = SafeListPass()
        self.claiming_layers = tuple(claiming_layers)
        self._engine_cache: OrderedDict[str, tuple] = OrderedDict()  # text -> engine findings, least recent first
        get_analyzer()  # build (and load spaCy) now, not on the first record

    @staticmethod
    def _detected(text: str, engine_results: list, deny_list: RecordDenyList,
                  claimed: Sequence[Span] = ()) -> list[Span]:
        """The engine's findings (NER PERSON spans refined), the deny list's and ``claimed`` ones, overlaps merged."""
        found = [_engine_span(r) for r in engine_results]
        found = [part for s in found for part in _refine_ner(s, text)
                 if not (part.entity_type == "PERSON" and is_eponym(text, part.start, part.end))]
        found += [_deny_span(s) for s in deny_list.find(text)]
        return merge_spans(found + list(claimed))

    def _with_safe_list(self, text: str, found: list[Span], quasi: list[QuasiSpan] = ()) -> list[Span]:
        """``found`` and what the safe-list pass removes of the rest; quasi-identifier spans are claimed
        too (the pass leaves them to their release's treatment) but are not personal-data spans."""
        claimed = [(s.start, s.end) for s in found] + [(q.start, q.end) for q in quasi]
        spans = merge_spans(found + [_safe_list_span(s) for s in self.safe_list.find(text, claimed)])
        # 김하늘 (Grace Kim), 吉野 真理子: what stands beside a name and belongs to that person.
        names = [(s.start, s.end, s.entity_type) for s in spans if s.entity_type in ("PERSON", "NAME")]
        again = beside_names(text, names, [(q.start, q.end) for q in quasi])
        # 同事：王丽华、李明、X: an item of a list of names is a name.
        again += listed_names(text, names)
        again += name_echoes(text, [(s.start, s.end, s.recognizer == DENY_LIST) for s in spans if s.entity_type == "PERSON"])
        again += chinese_name_echoes(text, [(s.start, s.end) for s in spans if s.entity_type == "PERSON"])
        return merge_spans(spans + [Span("PERSON", s, e, PARENTHESISED, 0.85, OTHER) for s, e in again])

    def _spans_and_quasi(self, text: str, engine_results: list, deny_list: RecordDenyList,
                         claimed: Sequence[Span] = ()) -> tuple[list[Span], list[QuasiSpan]]:
        """Personal-data spans and text quasi-identifiers of one text: the quasi-identifier layer runs
        after the engine and the deny list (their spans win) and before the safe-list pass, so 강남역
        becomes 서울 in academic instead of a generic <NAME>."""
        found = self._detected(text, engine_results, deny_list, claimed)
        quasi = find_quasi_identifiers(text, [(s.start, s.end) for s in found])
        spans = self._with_safe_list(text, found, quasi)
        # 김포대교, 무안공항: a facility named by its place that the safe list took for a <NAME> is a place.
        places = {id(s): facility_place(text, s.start, s.end) for s in spans
                  if s.entity_type == "NAME" and s.recognizer.startswith(SAFE_LIST)}
        if any(places.values()):
            spans = [s for s in spans if places.get(id(s)) is None]
            quasi = sorted(quasi + [q for q in places.values() if q], key=lambda q: q.start)
        return spans, quasi

    def redact(self, record: Mapping, member: Mapping | None = None, fields: tuple[str, ...] = TEXT_FIELDS) -> Redaction:
        texts = _texts(record, fields)
        found = {name: analyze_text(text, score_threshold=self.score_threshold) if text else []
                 for name, text in texts.items()}
        return self._redaction(record, member, texts, found)

    def redact_many(self, records: Iterable[Mapping], members: Mapping[str, Mapping],
                    fields: tuple[str, ...] = TEXT_FIELDS) -> Iterator[Redaction]:
        """Redactions of ``fields`` of ``records`` in order; each joined to its member by member_id.

        The texts of up to ``BATCH_RECORDS`` records are analysed together, so English NER runs in batches.
        """
        batch: list[Mapping] = []
        for record in records:
            batch.append(record)
            if len(batch) == BATCH_RECORDS:
                yield from self._redact_batch(batch, members, fields)
                batch = []
        yield from self._redact_batch(batch, members, fields)

    def _redact_batch(self, records: list[Mapping], members: Mapping[str, Mapping],
                      fields: tuple[str, ...]) -> Iterator[Redaction]:
        texts = [_texts(record, fields) for record in records]
        flat = [text or "" for record_texts in texts for text in record_texts.values()]
        results = iter(self._engine_results(flat))
        for record, record_texts in zip(records, texts):
            found = {name: next(results) for name in record_texts}
            member_id = record.get("member_id")
            member = members.get(str(member_id)) if member_id is not None else None
            yield self._redaction(record, member, record_texts, found)

    def _engine_results(self, texts: list[str]) -> list[tuple]:
        """The engine's findings for each of ``texts``: a text seen lately is not analysed again.

        The engine's findings depend on the text alone (the record's own values come later, from
        its deny list), and consultation text repeats (titles, greetings, templated answers: a
        quarter of the benchmark's texts). Each distinct new text of the batch is analysed once,
        all of them in one ``analyze_texts`` call. The cached results are shared, never changed.
        """
        cache = self._engine_cache
        distinct = list(dict.fromkeys(texts))
        new = [text for text in distinct if text not in cache]
        found = dict(zip(new, (tuple(r) for r in analyze_texts(new, score_threshold=self.score_threshold)))) if new else {}
        for text in distinct:
            if text in cache:
                found[text] = cache[text]
                cache.move_to_end(text)  # this batch's texts are the most recent: never evicted below
            else:
                cache[text] = found[text]
        while len(cache) > ENGINE_CACHE_TEXTS:
            cache.popitem(last=False)
        return [found[text] for text in texts]

    def _redaction(self, record: Mapping, member: Mapping | None, texts: dict[str, str | None],
                   found: dict[str, list]) -> Redaction:
        deny_list = RecordDenyList.build(dict(record), dict(member) if member else None)
        letters = PersonLetters()
        placeholders, surrogates, academic, all_spans, counts = {}, {}, {}, {}, Counter()
        quasi, quasi_counts = {}, Counter()
        for name, text in texts.items():
            if text is None:
                placeholders[name] = surrogates[name] = academic[name] = None
                all_spans[name], quasi[name] = [], []
                continue
            claimed = [span for layer in self.claiming_layers for span in layer.claim(text, record)] if text else []
            spans, quasi[name] = self._spans_and_quasi(text, found[name], deny_list, claimed) if text else ([], [])
            placeholders[name], academic[name], surrogates[name] = self._render(text, spans, quasi[name], letters)
            all_spans[name] = spans
            counts.update(s.entity_type for s in spans)
            quasi_counts.update(q.qi_type for q in quasi[name])
        return Redaction(placeholders, surrogates, all_spans, dict(counts), academic, quasi, dict(quasi_counts))

    def _render(self, text: str, spans: list[Span], quasi: list[QuasiSpan],
                letters: PersonLetters) -> tuple[str, str, str]:
        """(strictest placeholder form, academic placeholder form, publishing surrogate form) of one text."""
        typed = [(s.entity_type, s.start, s.end) for s in spans]
        strictest = apply_placeholders(text, typed, literals(self.text_qis, STRICTEST, quasi))
        academic = apply_placeholders(text, typed, literals(self.text_qis, "academic", quasi))
        korean = detect_language(text) == "ko"
        publishing = apply_surrogates(text, [(s.entity_type, s.start, s.end, s.role) for s in spans], letters,
                                      literals(self.text_qis, "publishing", quasi, labels_korean=korean))
        return strictest, academic, publishing


def _text_qi_policy(policy_file) -> TextQiPolicy:
    """The field policy's per-release table of text quasi-identifiers; all removed when it has none."""
    from anonymise.policy import FieldPolicy

    if policy_file is None:
        from anonymise.policy import DEFAULT_POLICY_FILE

        policy_file = DEFAULT_POLICY_FILE
    return FieldPolicy.load(Path(policy_file)).text_quasi_identifiers or TextQiPolicy.remove_all()


def _texts(record: Mapping, fields: tuple[str, ...]) -> dict[str, str | None]:
    # A number or list in a text column is still redacted, never passed through.
    return {name: None if record.get(name) is None else str(record.get(name)) for name in fields}
