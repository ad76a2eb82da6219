"""The leak-gate stage of the flow: check, withhold what a finding ties to one record, rebuild, check again.

1. The needles come from the run's accepted snapshot (OUT/private/staging/accepted), read once per
   run and kept in the release process only (flows/release_process.py; never a task parameter or
   result): they leave with it.
2. ``anonymise.gate.check_release`` checks the built releases. If it passes, done.
3. Otherwise every blocking finding is tied to the staging records it is in (anonymise.gate.withhold,
   through the build's private row map). A finding tied to no record (a forbidden column, key
   material, an aggregate cell, a report ...) blocks the run. So does withholding more than
   ``gate.withhold_max_share`` of the run's record-level consultations, or still finding something
   after ``gate.withhold_rounds`` rebuilds.
4. Else the releases are rebuilt without the withheld records and checked again (step 2).
5. The canary self-test runs on the final release.
Withheld records are listed by staging pseudonym and finding kind (never a value) in
OUT/private/runs/<run-id>/withheld.jsonl; the manifest counts them by reason.
"""
from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

import duckdb

from anonymise.gate import (CheckReport, CheckSettings, Withholding, build_needles, canary_self_test, check_release,
                            snapshot_needles, tie_findings)
from anonymise.keys import load_or_create_key
from flows.build_stage import build, row_sources_dir
from flows.config import Settings
from flows.workarea import WorkArea, make_private_dir, write_private_text

WITHHELD_FILE = "withheld.jsonl"

_needles_cache: dict[str, object] = {}


class NoSnapshot(LookupError):
    """An existing release was to be checked against its run's snapshot, and there is none."""


def check_built_release(release_dir: Path, settings: Settings, key: bytes | None, source=None) -> CheckReport:
    """The leak check of a release already built (`clinic-anon check`, `clinic-anon releases verify`):
    needles from ``source`` (an opened source) when given, else from the accepted snapshot beside
    OUT/release/<run-id>. Without the run's key a random one stands in: nothing of it can leak."""
    from flows.sources import UnparsedRow

    if source is not None:
        needles = build_needles({table: ([row for row in chunk if not isinstance(row, UnparsedRow)]
                                         for chunk in source.iter_chunks(table))
                                 for table in ("members", "consultations")})
    else:
        accepted = WorkArea(Path(release_dir).resolve().parent.parent).accepted
        if not accepted.is_dir():
            raise NoSnapshot(f"no accepted snapshot at {accepted}: pass --source")
        needles = snapshot_needles(accepted)
    return check_release(Path(release_dir), needles, key or secrets.token_bytes(32), check_settings(settings))


def check_settings(settings: Settings) -> CheckSettings:
    return CheckSettings(k_anonymity=settings.releases.k_anonymity, min_cell_size=settings.releases.min_cell_size,
                         presidio_rescan=settings.gate.presidio_rescan,
                         score_threshold=settings.anonymise.score_threshold)


def run_needles(run_id: str, work: WorkArea):
    """The snapshot's personal values, read once per run and kept in this process's memory only."""
    if run_id not in _needles_cache:
        _needles_cache.clear()
        _needles_cache[run_id] = snapshot_needles(work.accepted)
    return _needles_cache[run_id]


def _key(settings: Settings, work: WorkArea) -> bytes:
    return load_or_create_key(settings.anonymise.key_file or work.key_file, settings.anonymise.key_env)


def check_and_withhold(out: str, release_dir: str, settings_json: str, run_id: str, run_info: dict) -> dict:
    """Check, withhold and rebuild until clean or blocked; then the canary. Counts and masked findings only."""
    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    key = _key(settings, work)
    needles = run_needles(run_id, work)
    gate = check_settings(settings)
    build_dir, sources = Path(release_dir), row_sources_dir(work, run_id)
    records = _record_level(work)
    withheld: dict[str, set[str]] = {}
    rounds, blocked_because, releases = 0, None, None
    while True:
        report = check_release(build_dir, needles, key, gate)
        if report.passed:
            break
        tie = tie_findings(report, sources, build_dir)
        new = {pid: kinds for pid, kinds in tie.records.items() if pid not in withheld}
        if tie.untied:
            blocked_because = f"{len(tie.untied)} findings tied to no record"
        elif not new:
            blocked_because = "findings remain in records already withheld"
        elif len(withheld) + len(new) > settings.gate.withhold_max_share * records:
            blocked_because = (f"{len(withheld) + len(new)} records would be withheld, more than "
                               f"{settings.gate.withhold_max_share:.1%} of {records}")
        elif rounds >= settings.gate.withhold_rounds:
            blocked_because = f"still findings after {rounds} rebuilds"
        if blocked_because:
            break
        for pid, kinds in new.items():
            withheld.setdefault(pid, set()).update(kinds)
        rounds += 1
        releases = build(out, release_dir, settings_json, run_info, withheld=sorted(withheld))
    write_private_text(work.run_scratch(run_id) / WITHHELD_FILE,
                       "".join(json.dumps({"pseudo_consultation_id": pid, "reasons": sorted(kinds)}) + "\n"
                               for pid, kinds in sorted(withheld.items())))
    scratch = make_private_dir(work.run_scratch(run_id) / "canary")
    canary = canary_self_test(build_dir, scratch, needles, key, gate)
    shutil.rmtree(scratch, ignore_errors=True)
    result = report.to_dict()
    result["canary"] = {"planted": canary.planted, "caught": canary.caught, "passed": canary.passed,
                        "missed_kinds": list(canary.missed_kinds)}
    result["withheld"] = {"records": len(withheld), "by_reason": Withholding(withheld).by_reason(), "rounds": rounds,
                          "record_level_consultations": records, "max_share": settings.gate.withhold_max_share,
                          "list": f"private/runs/{run_id}/{WITHHELD_FILE}"}
    if blocked_because:
        result["blocked_because"] = blocked_because
    result["markdown"] = report.to_markdown()
    if releases is not None:
        result["releases"] = releases
    return result


def check_reports(release_dir: str, out: str, settings_json: str, run_id: str) -> dict:
    """The manifest and reports are rendered after the databases were checked: check them too."""
    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    report = check_release(Path(release_dir), run_needles(run_id, work), _key(settings, work),
                           check_settings(settings), files_only=True)
    return {**report.to_dict(), "markdown": report.to_markdown()}


def _record_level(work: WorkArea) -> int:
    """Record-level consultations of the run's staging: the base of the withheld share."""
    files = [str(p) for p in sorted(work.anonymised.glob("*.parquet"))]
    if not files:
        return 0
    with duckdb.connect() as con:
        return con.execute("SELECT count(*) FROM read_parquet(?) WHERE record_level", [files]).fetchone()[0]
