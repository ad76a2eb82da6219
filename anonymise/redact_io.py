"""`clinic-anon redact`: anonymise a JSON Lines file of consultation records (the steward's audit tool).

It takes the anonymise stage's own path (anonymise.consultation_redaction): the same Redactor, batches,
text columns and cleaning, so what it shows is what a run releases.

Streams the input a batch of records at a time (memory does not grow with the file); members are read into
a dict by member_id because any record may refer to any member. Each output line holds the
record's consultation_id unchanged, title/question/answer anonymised (null where the policy drops one),
and the structured columns
as the field policy transforms them. The optional explain file lists per record the spans removed
(field, type, offsets, recognizer, score, role) and never any of the original text. A line that
is not a JSON object, or whose analysis fails, is not written out; it is counted with its reason.
"""
from __future__ import annotations

import json
import secrets
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from anonymise.consultation_redaction import ConsultationTexts
from anonymise.policy import FREE_TEXT_COLUMNS, FieldPolicy
from anonymise.redactor import TEXT_FIELDS
from anonymise.settings import AnonymiseSettings


@dataclass
class RedactStats:
    records: int = 0
    spans_by_type: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)         # reason -> lines not written
    unknown_columns: Counter = field(default_factory=Counter)  # table.column -> records (dropped)
    seconds: float = 0.0

    @property
    def texts_per_second(self) -> float:
        return self.records * len(TEXT_FIELDS) / self.seconds if self.seconds else 0.0


def read_members(path: Path | None) -> dict[str, dict]:
    members: dict[str, dict] = {}
    if path is None:
        return members
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                member = json.loads(line)
            except json.JSONDecodeError:
                continue  # a broken member line only costs that member's deny-list entries
            if isinstance(member, dict) and member.get("member_id") is not None:
                members[str(member["member_id"])] = member
    return members


def _anonymise_settings(settings) -> AnonymiseSettings:
    if settings is None:
        return AnonymiseSettings()
    return getattr(settings, "anonymise", settings)  # a full Settings or its anonymise section


# --form: which release's text goes into title/question/answer (prefix of ConsultationTexts.text_columns).
FORM_PREFIX = {"strictest": "", "academic": "academic_", "publishing": "pub_"}


def redact_file(input_path: Path, output_path: Path, members_path: Path | None = None,
                explain_path: Path | None = None, settings=None, key: bytes | None = None,
                text_form: str = "strictest") -> RedactStats:
    """Anonymise ``input_path`` (JSONL consultations) into ``output_path``; see the module docstring.

    ``text_form``: which release's text goes into title/question/answer (FORM_PREFIX): by default the
    strictest, with every quasi-identifier of the text removed.

    ``key`` is the pseudonym key for the policy's pseudonymised columns; without one a random key
    is used, so pseudonyms are consistent within this file and unlinkable to anything else.
    """
    settings = _anonymise_settings(settings)
    policy = FieldPolicy.load(settings.policy_file)
    key = key or secrets.token_bytes(32)
    members = read_members(Path(members_path) if members_path else None)
    texts = ConsultationTexts(settings, policy)
    stats = RedactStats()
    started = time.perf_counter()
    explain = open(explain_path, "w", encoding="utf-8") if explain_path else None
    try:
        with open(input_path, encoding="utf-8") as source, open(output_path, "w", encoding="utf-8") as out:
            for record, redaction in texts.redact(_records(source, stats), members):
                if redaction is None:
                    stats.rejected["analysis failed"] += 1  # never written unredacted
                    continue
                row = policy.apply("consultations", record, key=key)
                for column in FREE_TEXT_COLUMNS["consultations"]:
                    row.pop(column, None)  # the policy passes "text" columns on as written
                row["consultation_id"] = record.get("consultation_id")
                columns = texts.text_columns(redaction)
                row.update({name: columns[f"{FORM_PREFIX[text_form]}{name}"] for name in TEXT_FIELDS})
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                if explain:
                    spans = [{"field": name, "type": s.entity_type, "start": s.start, "end": s.end,
                              "recognizer": s.recognizer, "score": s.score, "role": s.role}
                             for name in texts.columns for s in redaction.spans[name]]
                    spans += [{"field": name, "type": q.qi_type, "start": q.start, "end": q.end,
                               "recognizer": q.detector, "quasi_identifier": True}
                              for name in texts.columns for q in redaction.quasi.get(name, [])]
                    explain.write(json.dumps({"consultation_id": record.get("consultation_id"), "spans": spans},
                                             ensure_ascii=False, default=str) + "\n")
                stats.records += 1
                stats.spans_by_type.update(redaction.counts)
    finally:
        if explain:
            explain.close()
    stats.unknown_columns = Counter(policy.unknown_columns)
    stats.seconds = time.perf_counter() - started
    return stats


def _records(lines: Iterable[str], stats: RedactStats) -> Iterator[dict]:
    """The JSON objects of ``lines``; any other line is counted in ``stats.rejected`` and skipped."""
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            stats.rejected["not JSON"] += 1
            continue
        if not isinstance(record, dict):
            stats.rejected["not a JSON object"] += 1
            continue
        yield record
