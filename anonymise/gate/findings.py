"""What the gate found: findings with masked values, counted by kind, and the report of one check."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["block", "warn"]
MAX_LISTED_PER_KIND = 200   # every finding is counted; the report lists this many per kind
MAX_KEPT = 200_000          # blocking findings kept (in memory) to tie them to records


@dataclass(frozen=True)
class Finding:
    kind: str
    release: str
    table: str
    column: str
    row_id: str
    masked: str
    severity: Severity = "block"
    # What matched, in the searched view, for tying the finding to a record (anonymise.gate.withhold).
    # Held in memory only: never in a report, a result or a log.
    evidence: str = field(default="", compare=False, repr=False)


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)            # listed (MAX_LISTED_PER_KIND per kind)
    findings_by_kind: dict[str, int] = field(default_factory=dict)   # blocking findings
    warnings_by_kind: dict[str, int] = field(default_factory=dict)   # weak, non-blocking
    seconds: float = 0.0
    needles: int = 0
    cells_rescanned: int = 0
    distinct_tokens: int = 0                                         # judged by the released-text rule
    blocking: list[Finding] = field(default_factory=list, repr=False)  # every blocking finding (up to MAX_KEPT)
    overflow: bool = False                                           # more blocking findings than MAX_KEPT

    @property
    def passed(self) -> bool:
        return not self.findings_by_kind

    def add(self, finding: Finding) -> None:
        counts = self.findings_by_kind if finding.severity == "block" else self.warnings_by_kind
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
        if counts[finding.kind] <= MAX_LISTED_PER_KIND:
            self.findings.append(finding)
        if finding.severity == "block":
            if len(self.blocking) < MAX_KEPT:
                self.blocking.append(finding)
            else:
                self.overflow = True

    def to_dict(self) -> dict:
        return {"passed": self.passed, "seconds": round(self.seconds, 3),
                "findings_by_kind": dict(self.findings_by_kind), "warnings_by_kind": dict(self.warnings_by_kind),
                "needles": self.needles, "cells_rescanned": self.cells_rescanned,
                "distinct_tokens": self.distinct_tokens,
                "findings": [_public(f) for f in self.findings]}

    def to_markdown(self) -> str:
        lines = [f"# Leak check: {'PASSED' if self.passed else 'BLOCKED'}", "",
                 f"{self.needles} source values searched, {self.distinct_tokens} distinct words judged by the "
                 f"released-text rule, {self.cells_rescanned} cells re-scanned with Presidio, {self.seconds:.1f} s.", ""]
        for title, counts in (("Blocking findings", self.findings_by_kind),
                              ("Warnings (not blocking)", self.warnings_by_kind)):
            lines += [f"## {title}", ""]
            lines += [f"- {kind}: {n}" for kind, n in sorted(counts.items())] or ["none"]
            lines.append("")
        if self.findings:
            lines += ["## Findings (masked; at most %d listed per kind)" % MAX_LISTED_PER_KIND, "",
                      "| severity | kind | release | table | column | row | value |", "|---|---|---|---|---|---|---|"]
            lines += [f"| {f.severity} | {f.kind} | {f.release} | {f.table} | {f.column} | {_md(f.row_id)} | "
                      f"{_md(f.masked)} |" for f in self.findings]
        return "\n".join(lines) + "\n"


def _public(finding: Finding) -> dict:
    out = asdict(finding)
    del out["evidence"]
    return out


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
