"""What each release writes instead of each text quasi-identifier (policy.toml [text_quasi_identifiers]).

Actions per type: ``keep``; ``generalise:<level>`` (the detector's coarser form of that level, e.g.
age decade: 32살 -> 30대); ``remove`` (a typed placeholder, <AGE>, or its label in publishing's
surrogate text). A span that has no form of the asked level is removed: never kept by default.
One release is the strictest for every type (faq by default): its text is the staging default and
what `clinic-anon redact` writes; the loader refuses a table where it is not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the detectors import Presidio; the run's own process loads the policy, not them
    from anonymise.quasi_identifiers.base import QuasiSpan

# Type in policy.toml -> detector type, and its generalisation levels from finest to coarsest.
TYPES = {"age": "AGE", "date": "DATE", "place": "PLACE", "workplace": "WORKPLACE", "school": "SCHOOL",
         "occupation": "OCCUPATION", "body_measure": "BODY_MEASURE"}
LEVELS = {"AGE": ("decade",), "DATE": ("quarter", "year"), "PLACE": ("province",), "WORKPLACE": (),
          "SCHOOL": ("level",), "OCCUPATION": ("category",), "BODY_MEASURE": ("band",)}
STRICTEST = "faq"
TEXT_RELEASES = ("faq", "academic", "publishing")


class TextQiPolicyError(ValueError):
    """The [text_quasi_identifiers] table is wrong (unknown release, type or action, faq not strictest)."""


def _rank(qi_type: str, action: str) -> int:
    levels = LEVELS[qi_type]
    if action == "keep":
        return 0
    if action == "remove":
        return len(levels) + 1
    kind, _, level = action.partition(":")
    if kind != "generalise" or level not in levels:
        raise TextQiPolicyError(f"{qi_type.lower()}: unknown action {action!r} (levels: {', '.join(levels) or 'none'})")
    return levels.index(level) + 1


@dataclass(frozen=True)
class TextQiPolicy:
    actions: dict[str, dict[str, str]]   # release -> detector type -> action

    @classmethod
    def from_table(cls, table: dict) -> "TextQiPolicy":
        actions: dict[str, dict[str, str]] = {}
        for release in TEXT_RELEASES:
            given = table.get(release)
            if not isinstance(given, dict):
                raise TextQiPolicyError(f"[text_quasi_identifiers.{release}] is missing")
            unknown = set(given) - set(TYPES)
            missing = set(TYPES) - set(given)
            if unknown or missing:
                raise TextQiPolicyError(f"{release}: unknown types {sorted(unknown)}, missing {sorted(missing)}")
            actions[release] = {TYPES[name]: str(action) for name, action in given.items()}
            for qi_type, action in actions[release].items():
                _rank(qi_type, action)
        unknown_releases = set(table) - set(TEXT_RELEASES)
        if unknown_releases:
            raise TextQiPolicyError(f"unknown releases {sorted(unknown_releases)}")
        for release in TEXT_RELEASES:
            for qi_type in TYPES.values():
                if _rank(qi_type, actions[release][qi_type]) > _rank(qi_type, actions[STRICTEST][qi_type]):
                    raise TextQiPolicyError(f"{STRICTEST} must be the strictest release: {release} does more "
                                            f"to {qi_type.lower()}")
        return cls(actions)

    @classmethod
    def remove_all(cls) -> "TextQiPolicy":
        """What a field policy without the table gets: every quasi-identifier removed in every release."""
        return cls({release: dict.fromkeys(TYPES.values(), "remove") for release in TEXT_RELEASES})

    def replacement(self, release: str, span: QuasiSpan) -> str | None:
        """What ``release`` writes for ``span``: its coarser form, None to keep it, "" for the placeholder."""
        action = self.actions[release][span.qi_type]
        if action == "keep":
            return None
        if action.startswith("generalise:"):
            return span.forms.get(action.partition(":")[2], "")
        return ""
