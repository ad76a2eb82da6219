"""The steward's view of the builds under OUT: list, show, verify and prune (``clinic-anon releases``).

A build is a published release (``OUT/release/<run-id>/``) or a blocked or failed run's private
build (``OUT/private/runs/<run-id>/release/``). Everything shown comes from manifests and file
sizes: run ids, dates, counts, privacy measures, never a record value.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from flows import retention
from flows.config import Settings
from flows.promote import current_release
from flows.workarea import WorkArea


class UnknownRelease(LookupError):
    """No build with that run id under OUT."""


@dataclass(frozen=True)
class ReleaseEntry:
    run_id: str
    status: str            # promoted / blocked / failed, from the manifest; "incomplete" without one
    published: bool        # under OUT/release (else a private build under OUT/private/runs)
    latest: bool
    path: Path
    started_at: str
    bytes: int
    k: str                 # academic k achieved
    epsilon: str           # advertiser differential-privacy epsilon, or "off"
    key_epoch: str         # pseudonym key epoch (ids of two builds join only within one)
    manifest: dict

    def row(self) -> dict:
        return {"run_id": self.run_id, "status": self.status, "where": "release" if self.published else "private",
                "latest": self.latest, "started_at": self.started_at, "bytes": self.bytes, "k": self.k,
                "epsilon": self.epsilon, "key_epoch": self.key_epoch}


def list_releases(work: WorkArea) -> list[ReleaseEntry]:
    """Every build under OUT, newest first."""
    latest = current_release(work.releases)
    entries = [_entry(work.release_dir(r), r, True, latest) for r in retention.promoted_releases(work)]
    entries += [_entry(work.private / "runs" / r / retention.RUN_FOLDER_BUILD, r, False, latest)
                for r in retention.private_builds(work)]
    return sorted(entries, key=lambda e: e.run_id, reverse=True)


def find_release(work: WorkArea, run_id: str | None) -> ReleaseEntry:
    """The build ``run_id``, or the one ``latest`` points to when None."""
    entries = list_releases(work)
    for entry in entries:
        if (run_id is None and entry.latest) or entry.run_id == run_id:
            return entry
    raise UnknownRelease(f"no release {run_id} under {work.out}" if run_id else f"no promoted release under {work.out}")


def details(entry: ReleaseEntry) -> dict:
    """What `releases show` prints: the manifest's summary and the folder's files."""
    m = entry.manifest
    check = m.get("check") or {}
    return {
        **entry.row(),
        "path": str(entry.path),
        "as_of": m.get("as_of", ""),
        "finished_at": m.get("finished_at", ""),
        "key_fingerprint": m.get("key_fingerprint", ""),
        "policy_hash": m.get("policy_hash", ""),
        "files": {p.name: p.stat().st_size for p in sorted(entry.path.iterdir()) if p.is_file()},
        "tables": {name: r.get("tables", {}) for name, r in (m.get("releases") or {}).items()},
        "counts": {k: v for k, v in (m.get("counts") or {}).items()
                   if k in ("read", "eligible", "anonymised", "due_for_destruction", "excluded")},
        "check": {"passed": check.get("passed"), "findings_by_kind": check.get("findings_by_kind", {}),
                  "canary": {k: (check.get("canary") or {}).get(k) for k in ("planted", "caught", "passed")}},
        "lifecycle": m.get("lifecycle") or {},
    }


def verify(entry: ReleaseEntry, settings: Settings, key: bytes | None, source=None):
    """Re-run the leak check on an existing build against an opened ``source``, or the accepted
    snapshot; returns its CheckReport."""
    from flows.gate_stage import check_built_release

    return check_built_release(entry.path, settings, key, source)


def prune(work: WorkArea, keep: int, dry_run: bool = False) -> list[retention.Removal]:
    """Apply the retention rule now, measured against the release ``latest`` points to.

    The caller holds OUT's run lock.
    """
    latest = current_release(work.releases)
    if latest is None:
        raise UnknownRelease(f"no promoted release under {work.out}: nothing to measure the others against")
    if not retention.contents_file(work, latest.name).exists():
        raise UnknownRelease(f"release {latest.name} was made before contents were recorded: run "
                             f"`clinic-anon run` once, then prune")
    removals = retention.plan(work, latest.name, keep)
    if not dry_run:
        retention.apply(work, removals)
    return removals


def _entry(path: Path, run_id: str, published: bool, latest: Path | None) -> ReleaseEntry:
    manifest_file = path / "manifest.json"
    m = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.is_file() else {}
    infos = {name: (r.get("info") or {}) for name, r in (m.get("releases") or {}).items()}
    epoch = ((m.get("lifecycle") or {}).get("key_epoch") or {}).get("epoch")
    return ReleaseEntry(
        run_id=run_id, status=m.get("status", "incomplete"), published=published,
        latest=published and latest is not None and latest.name == run_id, path=path,
        started_at=m.get("started_at", ""), bytes=sum(p.stat().st_size for p in path.rglob("*") if p.is_file()),
        k=str(infos.get("academic", {}).get("k_achieved", "–")),
        epsilon=str(infos.get("advertiser", {}).get("dp_epsilon", "–")),
        key_epoch=str(epoch) if epoch is not None else f"key {m.get('key_fingerprint', '?')}",
        manifest=m)
