"""Where things live under OUT: a private work area (mode 700) and the releases.

OUT/private/                  raw-derived data never leaves here
    keys/pseudonym.key        HMAC key (mode 600), created on first use unless CLINIC_ANON_KEY is set
    staging/accepted/         validated source records (members.parquet, consultations.parquet)
    staging/eligible/         consultations.parquet with eligibility decisions
    staging/anonymised/       anonymised chunks (part-*.parquet), the input of the release builders
    quarantine/               <run-id>.jsonl: rejected records with their reason
    watermark.json            last successful run (incremental runs)
    publishing.json           journal of a publication in progress (flows/promote.py)
    runs/<run-id>/            per-run scratch (canary copies, logs)
OUT/release/<run-id>/         faq/academic/publishing/advertiser.duckdb, manifest.*, *.html
OUT/release/latest            symlink to the newest release that passed the leak check

Modes are explicit, whatever the umask: the private area is 700 (folders) and 600 (files); OUT,
OUT/release and each release folder take ``output.release_dir_mode`` (755 or stricter) and
release files ``output.release_file_mode`` (644 or stricter).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import IO


def make_private_dir(path: Path) -> Path:
    """Create a directory readable only by its owner (700), tightening it if it already exists."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def open_private(path: Path, mode: str, **kwargs) -> IO:
    """Open for writing, created with mode 600 (never briefly readable by others), truncated."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT
    return os.fdopen(fd, mode, **kwargs)


def write_private_text(path: Path, text: str) -> None:
    with open_private(path, "w", encoding="utf-8") as f:
        f.write(text)


@dataclass(frozen=True)
class WorkArea:
    out: Path

    @property
    def private(self) -> Path:
        return self.out / "private"

    @property
    def keys(self) -> Path:
        return self.private / "keys"

    @property
    def key_file(self) -> Path:
        return self.keys / "pseudonym.key"

    @property
    def staging(self) -> Path:
        return self.private / "staging"

    @property
    def accepted(self) -> Path:
        return self.staging / "accepted"

    @property
    def eligible(self) -> Path:
        return self.staging / "eligible"

    @property
    def anonymised(self) -> Path:
        return self.staging / "anonymised"

    @property
    def quarantine(self) -> Path:
        return self.private / "quarantine"

    @property
    def watermark(self) -> Path:
        return self.private / "watermark.json"

    def run_scratch(self, run_id: str) -> Path:
        """Per-run scratch folder (chunk copies of raw records, canary copies, a blocked release): 700."""
        return make_private_dir(self.private / "runs" / run_id)

    @property
    def releases(self) -> Path:
        return self.out / "release"

    @property
    def latest(self) -> Path:
        return self.releases / "latest"

    def release_dir(self, run_id: str) -> Path:
        return self.releases / run_id

    @property
    def publish_journal(self) -> Path:
        return self.private / "publishing.json"

    def ensure_releases(self, dir_mode: int = 0o755) -> "WorkArea":
        """Create OUT and OUT/release with ``dir_mode``; never leave either writable by others.

        A folder that exists keeps what it has of ``dir_mode`` (a stricter OUT stays stricter).
        """
        for folder in (self.out, self.releases):
            created = not folder.exists()
            folder.mkdir(parents=True, exist_ok=True)
            current = stat.S_IMODE(folder.stat().st_mode)
            wanted = dir_mode if created else current & dir_mode
            if wanted != current:
                try:
                    os.chmod(folder, wanted)
                except PermissionError:
                    if current & 0o022:
                        raise PermissionError(f"{folder} is writable by others and not ours to tighten") from None
        return self

    def ensure(self) -> "WorkArea":
        """Create the layout; every private folder is mode 700."""
        if not self.out.exists():
            self.ensure_releases()
        for d in (self.private, self.keys, self.staging, self.accepted, self.eligible, self.anonymised,
                  self.quarantine, self.private / "runs"):
            make_private_dir(d)
        if not self.releases.exists():
            self.ensure_releases()
        return self
