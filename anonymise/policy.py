"""The declared per-column field policy (anonymise/policy.toml) and its application to a record."""
from __future__ import annotations

import hashlib
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from anonymise.generalise import GENERALISERS
from anonymise.keys import pseudonym

ACTIONS = ("drop", "pseudonymise", "keep", "text")
# The free-text columns the anonymiser redacts: the only ones "text" applies to.
TEXT_COLUMNS = {"consultations": ("title", "question", "answer")}
# Every free-text column of the contract. Free text leaves only through the anonymiser, so each of
# these is "text" (where the anonymiser reads it) or "drop"; keeping, pseudonymising or
# generalising one would let it out as written.
FREE_TEXT_COLUMNS = {"consultations": ("title", "question", "answer", "preferred_time")}


class PolicyError(ValueError):
    """The policy file itself is wrong (unknown action or generaliser, free text not anonymised)."""


def _check(table: str, column: str, action: object) -> None:
    kind, _, how = action.partition(":") if isinstance(action, str) else (repr(action), "", "")
    if not (kind == "generalise" and how in GENERALISERS or kind in ACTIONS and not how):
        raise PolicyError(f"policy {table}.{column}: unknown action {action!r}")
    redacted = TEXT_COLUMNS.get(table, ())
    if column in FREE_TEXT_COLUMNS.get(table, ()) and kind not in ("text", "drop"):
        raise PolicyError(f"policy {table}.{column} is free text: it must be \"text\" (anonymised) or \"drop\", "
                          f"not {action!r}")
    if kind == "text" and column not in redacted:
        raise PolicyError(f"policy {table}.{column}: \"text\" applies only to the columns the anonymiser reads "
                          f"({', '.join(redacted) or 'none in this table'}); use \"drop\"")


@dataclass
class FieldPolicy:
    tables: dict[str, dict[str, str]]
    sha256: str
    unknown_columns: Counter = field(default_factory=Counter)  # table.column -> records seen with it

    @classmethod
    def load(cls, path: Path) -> "FieldPolicy":
        raw = Path(path).read_bytes()
        tables = tomllib.loads(raw.decode("utf-8"))
        for table, columns in tables.items():
            for column, action in columns.items():
                _check(table, column, action)
        return cls(tables=tables, sha256=hashlib.sha256(raw).hexdigest())

    def columns(self, table: str, action: str) -> list[str]:
        return [c for c, a in self.tables.get(table, {}).items() if a == action]

    def text_columns(self, table: str) -> list[str]:
        return self.columns(table, "text")

    def apply(self, table: str, record: dict, key: bytes, purpose: str = "") -> dict:
        """Structured columns transformed; text columns passed through for the anonymiser; the rest dropped.

        Columns absent from the policy are dropped and counted in ``unknown_columns``.
        """
        rules = self.tables.get(table, {})
        out: dict = {}
        for column, value in record.items():
            action = rules.get(column)
            if action is None:
                self.unknown_columns[f"{table}.{column}"] += 1
                continue
            kind, _, how = action.partition(":")
            if kind == "drop":
                continue
            if kind == "pseudonymise":
                out[column] = pseudonym(key, None if value is None else str(value), purpose)
            elif kind == "generalise":
                out[column] = GENERALISERS[how](value)
            else:  # keep; text (the anonymiser's input, replaced by its output)
                out[column] = value
        return out
