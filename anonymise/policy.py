"""The declared per-column field policy (anonymise/policy.toml) and its application to a record."""
from __future__ import annotations

import hashlib
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from anonymise.generalise import GENERALISERS
from anonymise.keys import pseudonym
from anonymise.quasi_identifiers.release_policy import TextQiPolicy, TextQiPolicyError

TEXT_QI_TABLE = "text_quasi_identifiers"

ACTIONS = ("drop", "pseudonymise", "keep", "text")
DEFAULT_POLICY_FILE = Path(__file__).resolve().parent / "policy.toml"


class PolicyError(ValueError):
    """The policy file itself is wrong (unknown action or generaliser)."""


@dataclass
class FieldPolicy:
    tables: dict[str, dict[str, str]]
    sha256: str
    text_quasi_identifiers: TextQiPolicy | None = None  # per release; None only for a policy without the table
    unknown_columns: Counter = field(default_factory=Counter)  # table.column -> records seen with it

    @classmethod
    def load(cls, path: Path) -> "FieldPolicy":
        raw = Path(path).read_bytes()
        tables = tomllib.loads(raw.decode("utf-8"))
        text_qis = tables.pop(TEXT_QI_TABLE, None)
        try:
            text_policy = TextQiPolicy.from_table(text_qis) if text_qis is not None else None
        except TextQiPolicyError as exc:
            raise PolicyError(f"policy [{TEXT_QI_TABLE}]: {exc}") from None
        for table, columns in tables.items():
            for column, action in columns.items():
                kind, _, how = action.partition(":")
                if kind == "generalise" and how in GENERALISERS:
                    continue
                if kind in ACTIONS and not how:
                    continue
                raise PolicyError(f"policy {table}.{column}: unknown action {action!r}")
        return cls(tables=tables, sha256=hashlib.sha256(raw).hexdigest(), text_quasi_identifiers=text_policy)

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
            else:  # keep, text
                out[column] = value
        return out
