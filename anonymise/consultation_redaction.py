"""The one path a consultation's free text takes out: `clinic-anon redact` and the flow's anonymise stage.

Both get their Redactor here (built once per process and settings), clean every string of a record
and of its member as ingest does (contract.invisible), analyse the policy's text columns of
``BATCH_RECORDS`` records at a time (English NER batched over all of them), and render each text
column as the policy says: anonymised where it says "text", absent where it says "drop". The policy
refuses free text marked anything else when it loads (anonymise.policy).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from anonymise.engine import AnalysisError
from contract.invisible import strip_invisible
from anonymise.policy import TEXT_COLUMNS, FieldPolicy
from anonymise.redactor import BATCH_RECORDS, Redaction, Redactor

TABLE = "consultations"
# Synthetic values only: a record in each script, with identifiers whose recognizers load lazily, and
# a Han and a Latin name for its deny list (their readings load pykakasi's and pypinyin's dictionaries).
WARM_UP_RECORD = {"consultation_id": "warm-up", "name": "王小明", "answered_by": "Jane Doe",
                  "title": "쌍꺼풀 수술 문의 Rhinoplasty question",
                  "question": "안녕하세요 김하늘입니다. 010-0000-0000 My name is Jane Doe. 我叫王小明。私は田中です。",
                  "answer": "상담 감사합니다. Thank you, Dr. Smith will call."}
# Column prefix of each rendered form -> the Redaction attribute holding it.
TEXT_FORMS = {"": "text", "academic_": "academic", "pub_": "surrogate"}
_redactors: dict[str, Redactor] = {}


def redactor_for(settings) -> Redactor:
    """This process's Redactor for ``settings`` (the anonymise section): its models load once."""
    key = settings.model_dump_json()
    if key not in _redactors:
        _redactors[key] = Redactor(settings)
    return _redactors[key]


def clean(record: Mapping | None) -> dict | None:
    """Every string as ingest keeps it: invisible characters out, outer whitespace off, blank = null."""
    if record is None:
        return None
    return {k: (strip_invisible(v) or None) if isinstance(v, str) else v for k, v in record.items()}


class ConsultationTexts:
    """Anonymises the free text of consultation records under one field policy."""

    def __init__(self, settings, policy: FieldPolicy):
        self.redactor = redactor_for(settings)
        self.columns = tuple(c for c in TEXT_COLUMNS[TABLE] if c in policy.text_columns(TABLE))

    def redact(self, records: Iterable[Mapping], members: Mapping[str, Mapping]
               ) -> Iterator[tuple[dict, Redaction | None]]:
        """(cleaned record, its redaction) in input order, each joined to its member by member_id.

        The redaction is None when analysis of that record failed: its text must not be written.
        """
        batch: list[dict] = []
        for record in records:
            batch.append(clean(record))
            if len(batch) == BATCH_RECORDS:
                yield from self._redact_batch(batch, members)
                batch = []
        yield from self._redact_batch(batch, members)

    def _redact_batch(self, records: list[dict], members: Mapping[str, Mapping]) -> Iterator[tuple[dict, Redaction | None]]:
        if not records:
            return
        ids = {str(r["member_id"]) for r in records if r.get("member_id") is not None}
        joined = {i: clean(members[i]) for i in ids if members.get(i)}
        try:
            redactions = list(self.redactor.redact_many(records, joined, self.columns))
        except AnalysisError:
            # One bad text must not cost the batch: find it record by record.
            redactions = [self._redact_alone(record, joined) for record in records]
        yield from zip(records, redactions)

    def _redact_alone(self, record: dict, members: Mapping[str, Mapping]) -> Redaction | None:
        try:
            return next(self.redactor.redact_many([record], members, self.columns))
        except AnalysisError:
            return None

    def text_columns(self, redaction: Redaction | None) -> dict[str, str | None]:
        """Each text column in the three forms the releases read: ``title`` (strictest: every text
        quasi-identifier removed), ``academic_title`` (generalised for research), ``pub_title``
        (publishing surrogates); anonymised for the policy's text columns, None for the others and
        for a record without a redaction."""
        out: dict[str, str | None] = {}
        for column in TEXT_COLUMNS[TABLE]:
            redacted = redaction is not None and column in self.columns
            for prefix, form in TEXT_FORMS.items():
                out[f"{prefix}{column}"] = getattr(redaction, form)[column] if redacted else None
        return out


def warm_up(settings, policy: FieldPolicy) -> ConsultationTexts:
    """This process's ConsultationTexts for ``settings`` with every model loaded, also those that load
    on first use (Kiwi, pykakasi, pypinyin, lazy word tables): it has redacted WARM_UP_RECORD."""
    texts = ConsultationTexts(settings, policy)
    list(texts.redact([WARM_UP_RECORD], {}))
    return texts
