"""The declared per-column field policy (anonymise/policy.toml) and its application to a record."""
from __future__ import annotations

import hashlib
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from anonymise.generalise import GENERALISERS
from anonymise.keys import pseudonym
from anonymise.quasi_identifiers.release_policy import TextQiPolicy, TextQiPolicyError
from anonymise.strict_config import ConfigError, did_you_mean

TEXT_QI_TABLE = "text_quasi_identifiers"

ACTIONS = ("drop", "pseudonymise", "keep", "text")
ALL_ACTIONS = (*ACTIONS, *(f"generalise:{how}" for how in GENERALISERS))
DEFAULT_POLICY_FILE = Path(__file__).resolve().parent / "policy.toml"
# The free-text columns the anonymiser redacts: the only ones "text" applies to.
TEXT_COLUMNS = {"consultations": ("title", "question", "answer")}
# Every free-text column of the contract. Free text leaves only through the anonymiser, so each of
# these is "text" (where the anonymiser reads it) or "drop"; keeping, pseudonymising or
# generalising one would let it out as written.
FREE_TEXT_COLUMNS = {"consultations": ("title", "question", "answer", "preferred_time")}


class PolicyError(ConfigError):
    """The policy file itself is wrong (unknown table, column, action or generaliser, free text not
    anonymised); one line."""


def _check(where: str, table: str, column: str, action: object) -> None:
    if action not in ALL_ACTIONS:
        shown = action if isinstance(action, str) else type(action).__name__
        raise PolicyError(f"{where}: [{table}] {column}: unknown action {shown!r}{did_you_mean(str(action), ALL_ACTIONS)}")
    redacted = TEXT_COLUMNS.get(table, ())
    if column in FREE_TEXT_COLUMNS.get(table, ()) and action not in ("text", "drop"):
        raise PolicyError(f"{where}: [{table}] {column} is free text: it must be \"text\" (anonymised) or \"drop\", "
                          f"not {action!r}")
    if action == "text" and column not in redacted:
        raise PolicyError(f"{where}: [{table}] {column}: \"text\" applies only to the columns the anonymiser reads "
                          f"({', '.join(redacted) or 'none in this table'}); use \"drop\"")


@dataclass
class FieldPolicy:
    tables: dict[str, dict[str, str]]
    sha256: str
    text_quasi_identifiers: TextQiPolicy | None = None  # per release; None only for a policy without the table
    unknown_columns: Counter = field(default_factory=Counter)  # table.column -> records seen with it

    @classmethod
    def load(cls, path: Path, contract: Mapping[str, Iterable[str]] | None = None) -> "FieldPolicy":
        """Read the policy; PolicyError (one line, with the nearest valid name) for anything unknown.

        ``contract`` (table -> source columns) makes an unknown table or column an error too: a
        misspelt column would otherwise leave the real one unlisted, hence silently dropped.
        """
        raw = Path(path).read_bytes()
        where = f"policy {path}"
        try:
            tables = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise PolicyError(f"{where}: not valid TOML: {exc}") from None
        text_qis = tables.pop(TEXT_QI_TABLE, None)
        try:
            text_policy = TextQiPolicy.from_table(text_qis) if text_qis is not None else None
        except TextQiPolicyError as exc:
            raise PolicyError(f"{where}: [{TEXT_QI_TABLE}] {exc}") from None
        for table, columns in tables.items():
            if contract is not None and table not in contract:
                raise PolicyError(f"{where}: unknown table [{table}]{did_you_mean(table, contract)}")
            if not isinstance(columns, dict):
                raise PolicyError(f"{where}: {table} must be a table of column = \"action\"")
            known = list(contract[table]) if contract is not None else None
            for column, action in columns.items():
                if known is not None and column not in known:
                    raise PolicyError(f"{where}: [{table}] unknown column {column}{did_you_mean(column, known)}")
                _check(where, table, column, action)
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
            else:  # keep; text (the anonymiser's input, replaced by its output)
                out[column] = value
        return out
