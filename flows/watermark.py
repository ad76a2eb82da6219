"""The incremental-run watermark: what the last successful run covered (private area).

A watermark only applies to a run with the same field policy and pseudonym key: changing either
means everything must be anonymised again, so a mismatch reads as "no watermark".
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Watermark:
    run_id: str
    updated_until: str          # ISO timestamp: max(created_at, updated_at) of the run's accepted consultations
    policy_hash: str
    key_fingerprint: str

    def since(self) -> datetime:
        return datetime.fromisoformat(self.updated_until)


def read_watermark(path: Path, policy_hash: str, key_fingerprint: str) -> Watermark | None:
    if not path.exists():
        return None
    try:
        wm = Watermark(**json.loads(path.read_text()))
    except (ValueError, TypeError):
        return None  # unreadable watermark: a full run is the safe answer
    if wm.policy_hash != policy_hash or wm.key_fingerprint != key_fingerprint:
        return None
    return wm


def write_watermark(path: Path, wm: Watermark) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(wm), indent=1))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
