"""The data lifecycle with real runs (issue 16): expiry, one run at a time, retention, erasure reaching
every copy under OUT, the list to destroy, key epochs and rotation, and `clinic-anon releases`.

One OUT lives through these `clinic-anon run`s, each with its own injected clock (never today's):
  1. 100 consultations; planted old and recent quarantine files and run folders: the old ones expire
  2. 130 consultations, keep_releases = 1: release 1 goes (retention); meanwhile a second run on the
     same OUT is refused (exit 2) and leaves no trace
  4. 160 consultations and a member withdraws, keep_releases = 2: release 2 held them and goes
     although it is among the 2 newest (erasure); no file under OUT holds the member any more
  5. a different key without rotation: refused (exit 2), nothing changes
  6. after `clinic-anon key rotate`: new pseudonyms, every table otherwise equal to run 4's
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from dateutil.relativedelta import relativedelta

from anonymise.keys import pseudonym
from data_samples.generator import generate
from flows.cli import main
from flows.workarea import make_private_dir
from test_flow import AS_OF, KEY_HEX, _env, read_jsonl, write_jsonl

pytestmark = pytest.mark.slow

OTHER_KEY_HEX = "a7" * 32
KEEP = {1: "2", 2: "1", 4: "2", 5: "2", 6: "2"}
CLOCK = {1: "2026-11-23T01:00:00+00:00", 2: "2026-11-24T01:00:00+00:00", 3: "2026-11-25T01:00:00+00:00",
         4: "2026-11-26T01:00:00+00:00", 5: "2026-11-27T01:00:00+00:00", 6: "2026-11-27T02:00:00+00:00"}
OLD, RECENT = "20261001T000000Z", "20261110T000000Z"  # 53 and 13 days before run 1: limit 30 days


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "flows.cli", *args]


def run_args(source: Path, out: Path) -> list[str]:
    return cli("run", "--source", str(source), "--out", str(out), "--as-of", AS_OF, "--no-progress")


def env_for(home: Path, step: int, key_hex: str = KEY_HEX) -> dict:
    env = _env(home)
    env.update(CLINIC_ANON_KEY=key_hex, CLINIC_ANON_LIFECYCLE__NOW=CLOCK[step],
               CLINIC_ANON_LIFECYCLE__KEEP_RELEASES=KEEP[step])
    return env


def releases_under(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "release").iterdir() if p.name != "latest" and not p.name.startswith("."))


def manifest_of(out: Path, run_id: str | None = None) -> dict:
    folder = out / "release" / run_id if run_id else (out / "release" / "latest").resolve()
    return json.loads((folder / "manifest.json").read_text())


def listing(out: Path) -> dict[str, tuple[int, int]]:
    """Every file under OUT (but the lock file, whose holder note any attempt rewrites) -> (size, mtime)."""
    return {str(p.relative_to(out)): (p.stat().st_size, p.stat().st_mtime_ns) for p in out.rglob("*")
            if p.is_file() and not p.is_symlink() and p.name != "run.lock"}


def staging_pid(value: str) -> str:
    return pseudonym(bytes.fromhex(KEY_HEX), value, "staging")


def plant(out: Path) -> None:
    """Leftovers of earlier runs, dated by their run ids: old (past every limit) and recent."""
    private = make_private_dir(out / "private")
    quarantine = make_private_dir(private / "quarantine")
    line = json.dumps({"table": "consultations", "row_number": 3, "source_id": "C9999999", "reason": "invalid:age",
                       "field": "age"}) + "\n"
    for stamp in (OLD, RECENT):
        (quarantine / f"{stamp}-0000aa.jsonl").write_text(line)
    old_run = make_private_dir(private / "runs" / f"{OLD}-0000bb" / "release")
    (old_run / "academic.duckdb").write_bytes(b"an old blocked build")
    recent_run = make_private_dir(private / "runs" / f"{RECENT}-0000cc" / "chunks")
    (recent_run / "chunk-000000.parquet").write_bytes(b"a killed run's raw chunk")
    (recent_run.parent / "leak_report.md").write_text("# Leak check: BLOCKED\n")
    blocked = make_private_dir(private / "runs" / f"{RECENT}-0000dd" / "release")
    (blocked / "manifest.json").write_text(json.dumps({"run_id": f"{RECENT}-0000dd", "status": "blocked"}))


@dataclass
class Story:
    source: Path
    out: Path
    home: Path
    results: dict[int, subprocess.CompletedProcess] = field(default_factory=dict)
    run_ids: dict[int, str] = field(default_factory=dict)
    manifests: dict[int, dict] = field(default_factory=dict)  # each promoted run's, read right after it
    after: dict[int, dict] = field(default_factory=dict)     # per step: what OUT looked like right after it
    competitor: subprocess.CompletedProcess | None = None
    competitor_saw: dict = field(default_factory=dict)        # the lock holder's note while run 2 ran
    withdrawer: str = ""
    duplicated: str = ""                                      # the withdrawer's consultation also sent twice
    rotation: subprocess.CompletedProcess | None = None
    before_refusal: dict = field(default_factory=dict)
    found: dict[int, list] = field(default_factory=dict)      # the withdrawn member's values found under OUT


def snapshot(out: Path) -> dict:
    return {"releases": releases_under(out), "quarantine": sorted(p.name for p in (out / "private" / "quarantine").iterdir()),
            "runs": sorted(p.name for p in (out / "private" / "runs").iterdir()),
            "chunks": sorted(str(p.relative_to(out)) for p in (out / "private" / "runs").glob("*/chunks/*"))}


def pick_withdrawer(source: Path, out: Path, first: int) -> str:
    """A member with record-level consultations in run 1's staging, none past retention (they would
    rightly be on the list to destroy), none aggregate-only."""
    consultations = read_jsonl(source / "consultations.jsonl")
    staged = pq.read_table(out / "private" / "staging" / "anonymised" / "current.parquet").to_pylist()
    record_level = {r["pseudo_consultation_id"] for r in staged if r["record_level"]}
    cutoff = date.fromisoformat(AS_OF) - relativedelta(years=5)
    per_member = Counter()
    spoiled = set()
    for c in consultations:
        if not c.get("member_id"):
            continue
        if datetime.fromisoformat(c["created_at"]).date() <= cutoff + relativedelta(days=7) or c.get("deleted"):
            spoiled.add(c["member_id"])
        elif staging_pid(c["consultation_id"]) in record_level:
            per_member[c["member_id"]] += 1
        else:
            spoiled.add(c["member_id"])
    in_first = {c["member_id"] for c in consultations[:first]}
    candidates = [(n, m) for m, n in per_member.items() if m not in spoiled and m in in_first]
    assert candidates, "the generated source has no member to withdraw"
    return max(candidates)[1]


def wait_for_lock_note(out: Path, process: subprocess.Popen, timeout: float = 300) -> dict:
    """The lock holder's note once the flow has named its run (the refusal message shows it)."""
    lock = out / "private" / "run.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            note = json.loads(lock.read_text() or "{}")
        except (OSError, ValueError):
            note = {}
        if note.get("run_id") and _runs_under(note.get("pid"), process.pid):
            return note
        time.sleep(0.2)
    raise AssertionError("run 2 never named itself in the lock file")


def _runs_under(pid, command_pid: int) -> bool:
    """Whether ``pid`` is the command's process or one it started (the supervised run holds the lock)."""
    import psutil

    try:
        return pid == command_pid or any(child.pid == pid for child in psutil.Process(command_pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return False


def _is_pseudonym(value: str) -> bool:
    return len(value) == 16 and all(ch in "0123456789abcdef" for ch in value)


def member_needles(story: "Story", key_hex: str) -> set[str]:
    """The withdrawn member's values as the source holds them, and every pseudonym a release under
    ``key_hex`` gives them (staging, and each release's own space)."""
    members = read_jsonl(story.source / "members.jsonl")
    consultations = read_jsonl(story.source / "consultations.jsonl")
    gold = {g["consultation_id"]: g for g in read_jsonl(story.source.parent / "full" / "gold.jsonl")}
    member = next(m for m in members if m["member_id"] == story.withdrawer)
    theirs = [c for c in consultations if c.get("member_id") == story.withdrawer]
    values = {v for k, v in member.items() if isinstance(v, str) and k not in ("status", "sex", "birth_date")
              and not k.endswith("_at")}
    for c in theirs:
        values |= {c[k] for k in ("consultation_id", "name", "phone", "email", "ip_address") if c.get(k)}
        values |= {e["value"] for e in gold[c["consultation_id"]]["pii"]}
    others: set[str] = set()  # a value someone else also has (a common name) proves nothing either way
    for m in members:
        if m["member_id"] != story.withdrawer:
            others |= {v for v in m.values() if isinstance(v, str)}
    for c in consultations:
        if c.get("member_id") != story.withdrawer:
            others |= {v for v in c.values() if isinstance(v, str)}
            others |= {e["value"] for e in gold.get(c["consultation_id"], {"pii": []})["pii"]}
    values = {v for v in values if len(v) >= 4 and not any(v in o for o in others)}
    key = bytes.fromhex(key_hex)
    for value in [story.withdrawer] + [c["consultation_id"] for c in theirs]:
        staged = pseudonym(key, value, "staging")
        values |= {staged} | {pseudonym(key, staged, space) for space in ("academic", "publishing", "shared")}
    return values


def _texts_of(path: Path) -> list[str]:
    """A file's bytes as text, and for DuckDB and Parquet files (compressed) every value they hold."""
    texts = [path.read_bytes().decode("utf-8", errors="replace")]
    if path.suffix == ".duckdb":
        with duckdb.connect(str(path), read_only=True) as con:
            for schema, table in con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall():
                texts.append(repr(con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()))
            texts.append(repr(con.execute("SELECT comment FROM duckdb_columns() WHERE comment IS NOT NULL").fetchall()))
    elif path.suffix == ".parquet":
        texts.append(repr(duckdb.sql(f"SELECT * FROM read_parquet('{path}')").fetchall()))
    elif path.suffix == ".jsonl":
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def scan(folder: Path, needles: set[str]) -> list[tuple[str, str]]:
    """(file, value) for every needle found in any file under ``folder`` (symlinks not followed)."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        texts = _texts_of(path)
        found += [(str(path.relative_to(folder)), n) for n in sorted(needles) if any(n in t for t in texts)]
    return found


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    base = tmp_path_factory.mktemp("lifecycle")
    full = base / "full"
    generate(full, n_consultations=160, seed=11)
    consultations = read_jsonl(full / "consultations.jsonl")
    members = read_jsonl(full / "members.jsonl")
    source = base / "source"
    source.mkdir()
    s = Story(source, base / "out", base / "prefect-home")
    plant(s.out)

    def run(step: int, n: int, extra_rows: list[dict] = (), key_hex: str = KEY_HEX) -> None:
        write_jsonl(source / "consultations.jsonl", consultations[:n] + list(extra_rows))
        result = subprocess.run(run_args(source, s.out), env=env_for(s.home, step, key_hex), capture_output=True,
                                text=True, timeout=900)
        s.results[step] = result
        if result.returncode == 0:
            s.manifests[step] = manifest_of(s.out)
            s.run_ids[step] = s.manifests[step]["run_id"]
        s.after[step] = snapshot(s.out)

    write_jsonl(source / "members.jsonl", members)
    run(1, 100)
    assert s.results[1].returncode == 0, s.results[1].stderr[-3000:]
    s.withdrawer = pick_withdrawer(full, s.out, 100)
    s.duplicated = next(c for c in consultations[:100] if c.get("member_id") == s.withdrawer)["consultation_id"]
    duplicate = [next(c for c in consultations if c["consultation_id"] == s.duplicated)]

    # Run 2, and while it runs a second run on the same OUT.
    write_jsonl(source / "consultations.jsonl", consultations[:130] + duplicate)
    with open(base / "run2.log", "w") as log:
        second = subprocess.Popen(run_args(source, s.out), env=env_for(s.home, 2), stdout=log, stderr=subprocess.STDOUT)
        s.competitor_saw = wait_for_lock_note(s.out, second)
        s.competitor = subprocess.run(run_args(source, s.out), env=env_for(s.home, 2), capture_output=True, text=True,
                                      timeout=120)
        second.wait(timeout=900)
    s.results[2] = subprocess.CompletedProcess(second.args, second.returncode, (base / "run2.log").read_text(), "")
    assert second.returncode == 0, s.results[2].stdout[-3000:]
    s.manifests[2] = manifest_of(s.out)
    s.run_ids[2] = s.manifests[2]["run_id"]
    s.after[2] = snapshot(s.out)

    for m in members:
        if m["member_id"] == s.withdrawer:
            m["status"], m["withdrawn_at"] = "withdrawn", "2026-11-20T10:00:00+09:00"
    write_jsonl(source / "members.jsonl", members)
    run(4, 160, duplicate)
    assert s.results[4].returncode == 0, s.results[4].stderr[-3000:]
    s.found[4] = scan(s.out, member_needles(s, KEY_HEX))

    s.before_refusal = listing(s.out)
    run(5, 160, duplicate, key_hex=OTHER_KEY_HEX)
    rotate_env = env_for(s.home, 6, OTHER_KEY_HEX)
    s.rotation = subprocess.run(cli("key", "rotate", "--out", str(s.out), "--yes"), env=rotate_env,
                                capture_output=True, text=True, timeout=120)
    run(6, 160, duplicate, key_hex=OTHER_KEY_HEX)
    assert s.results[6].returncode == 0, s.results[6].stderr[-3000:]
    s.found[6] = scan(s.out, member_needles(s, KEY_HEX) | member_needles(s, OTHER_KEY_HEX))
    return s


# ---------------------------------------------------------------- expiry (run 1)

def test_quarantine_and_scratch_older_than_the_limit_are_gone_after_a_run(story):
    after = story.after[1]
    assert f"{OLD}-0000aa.jsonl" not in after["quarantine"] and f"{RECENT}-0000aa.jsonl" in after["quarantine"]
    assert f"{OLD}-0000bb" not in after["runs"]
    assert f"{RECENT}-0000cc" in after["runs"]  # not old yet, but its raw chunk copy is gone at once
    assert after["chunks"] == []
    assert story.manifests[1]["lifecycle"]["private_area_expired"] == {"quarantine_files": 1, "run_folders": 1,
                                                                       "raw_chunk_folders": 1}


def test_a_recent_leftover_is_kept_until_it_is_older_than_the_limit(story):
    # Run 6's clock is 2026-11-27: the planted recent leftovers (2026-11-10) are 17 days old.
    assert f"{RECENT}-0000aa.jsonl" in story.after[6]["quarantine"]
    assert f"{RECENT}-0000cc" in story.after[6]["runs"]


def test_a_blocked_build_nobody_can_vouch_for_is_removed_on_promotion(story):
    assert f"{RECENT}-0000dd" not in story.after[1]["runs"]
    assert story.manifests[1]["lifecycle"]["releases_removed_on_promotion"] == [
        {"run_id": f"{RECENT}-0000dd", "kind": "private build", "reason": "unverifiable", "erased_records": 0}]


# ---------------------------------------------------------------- one run at a time (run 2)

def test_a_second_run_on_the_same_out_exits_2_naming_the_running_one(story):
    refused = story.competitor
    assert refused.returncode == 2, refused.stderr[-2000:]
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, refused.stderr
    assert story.competitor_saw["run_id"] in lines[0] and f"pid {story.competitor_saw['pid']}" in lines[0]
    assert "started 2026-11-24" in lines[0]
    assert "Traceback" not in refused.stderr and refused.stdout == ""


def test_the_refused_run_corrupted_nothing(story):
    after = story.after[2]
    assert story.competitor_saw["run_id"] == story.run_ids[2]
    assert after["releases"] == [story.run_ids[2]]
    assert set(after["runs"]) == {story.run_ids[2], f"{RECENT}-0000cc"}  # the refused run made no run folder ...
    assert set(after["quarantine"]) == {f"{story.run_ids[1]}.jsonl", f"{story.run_ids[2]}.jsonl",
                                        f"{RECENT}-0000aa.jsonl"}  # ... nor a quarantine file
    m = story.manifests[2]
    assert m["status"] == "promoted" and m["check"]["passed"]
    assert m["counts"]["kept_from_previous_runs"] == story.manifests[1]["counts"]["eligible"]


# ---------------------------------------------------------------- retention (run 2)

def test_only_the_newest_releases_are_kept(story):
    assert story.after[1]["releases"] == [story.run_ids[1]] and story.after[2]["releases"] == [story.run_ids[2]]
    assert story.manifests[2]["lifecycle"]["releases_removed_on_promotion"] == [
        {"run_id": story.run_ids[1], "kind": "release", "reason": "retention", "erased_records": 0}]
    assert story.run_ids[1] not in story.after[2]["runs"]  # its run folder (leak report) went with it
    assert not (story.out / "private" / "contents" / f"{story.run_ids[1]}.parquet").exists()


# ---------------------------------------------------------------- erasure (run 4)

def test_older_releases_holding_the_withdrawn_member_are_removed_and_listed(story):
    removed = story.manifests[4]["lifecycle"]["releases_removed_on_promotion"]
    assert [(r["run_id"], r["kind"], r["reason"]) for r in removed] == [(story.run_ids[2], "release", "erasure")]
    theirs = [c for c in read_jsonl(story.source / "consultations.jsonl")[:130] if c.get("member_id") == story.withdrawer]
    assert removed[0]["erased_records"] == len(theirs) >= 1
    assert story.after[4]["releases"] == [story.run_ids[4]]
    text = (story.out / "release" / story.run_ids[4] / "manifest.md").read_text()
    assert "Removed when this release was promoted" in text and story.run_ids[2] in text


def test_the_withdrawn_member_is_in_no_file_under_out_after_the_next_run(story):
    assert story.found[4] == []


def test_nor_after_a_key_rotation_rebuilt_staging(story):
    assert story.found[6] == []


def test_the_scan_finds_the_member_where_they_still_are(story):
    # The scan proves something only if it finds the member where they are: in the source folder.
    needles = member_needles(story, KEY_HEX)
    values = {n for n in needles if not _is_pseudonym(n)}
    assert len(values) >= 8 and len(needles) - len(values) >= 7
    assert {n for _, n in scan(story.source, values)} == values


def test_staging_holds_no_ineligible_record_after_compaction(story):
    staging = story.out / "private" / "staging"
    eligible = pq.read_table(staging / "eligible" / "consultations.parquet").to_pylist()
    assert eligible and all(r["exclusion_reason"] is None for r in eligible)
    eligible_ids = {r["consultation_id"] for r in eligible}
    accepted = pq.read_table(staging / "accepted" / "consultations.parquet").column("consultation_id").to_pylist()
    assert set(accepted) == eligible_ids
    accepted_members = set(pq.read_table(staging / "accepted" / "members.parquet").column("member_id").to_pylist())
    assert story.withdrawer not in accepted_members
    assert accepted_members == {r["member_id"] for r in eligible if r["member_id"]}
    key = bytes.fromhex(OTHER_KEY_HEX)  # staging is run 6's, after the rotation
    staged = set(pq.read_table(staging / "anonymised" / "current.parquet").column("pseudo_consultation_id").to_pylist())
    assert staged == {pseudonym(key, cid, "staging") for cid in eligible_ids}
    m = story.manifests[4]
    assert m["lifecycle"]["staging_pruned"]["consultations"] == sum(m["counts"]["excluded"].values())


def test_quarantine_entries_of_the_withdrawn_member_are_erased_from_every_file(story):
    m = story.manifests[4]
    assert m["lifecycle"]["quarantine_entries_erased"] == 2  # runs 2 and 4 each quarantined the duplicate
    for path in (story.out / "private" / "quarantine").glob("*.jsonl"):
        assert story.duplicated not in path.read_text()
    assert m["counts"]["quarantined"]["consultations"] == {"duplicate:consultation_id": 1}


def test_the_list_to_destroy_holds_the_ids_past_retention_and_the_report_shows_it(story):
    m = story.manifests[4]
    destroy = m["lifecycle"]["destroy_list"]
    assert destroy == {"path": "private/due_for_destruction.csv", "consultations": m["counts"]["due_for_destruction"]}
    listed = (story.out / destroy["path"]).read_text().split()
    seoul, cutoff = ZoneInfo("Asia/Seoul"), date.fromisoformat(AS_OF) - relativedelta(years=5)
    expected = {c["consultation_id"] for c in read_jsonl(story.source / "consultations.jsonl")
                if datetime.fromisoformat(c["created_at"]).astimezone(seoul).date() <= cutoff}
    assert listed[0] == '"consultation_id"' and {v.strip('"') for v in listed[1:]} == expected
    assert len(expected) == destroy["consultations"] > 0
    assert oct((story.out / destroy["path"]).stat().st_mode & 0o777) == "0o600"
    report = (story.out / "release" / story.run_ids[4] / "run_report.html").read_text()
    assert "private/due_for_destruction.csv" in report and f">{destroy['consultations']}<" in report


def test_ip_addresses_older_than_three_months_are_not_stored(story):
    accepted = pq.read_table(story.out / "private" / "staging" / "accepted" / "consultations.parquet").to_pylist()
    cutoff = datetime(2026, 8, 22, tzinfo=ZoneInfo("Asia/Seoul"))
    assert any(r["ip_address"] for r in accepted)  # recent ones are kept (the deny list uses them)
    assert all(r["ip_address"] is None for r in accepted if r["created_at"] < cutoff)
    assert sum(1 for r in accepted if r["created_at"] < cutoff) > 10


# ---------------------------------------------------------------- keys (runs 5 and 6)

def test_a_different_key_without_rotation_is_refused_and_changes_nothing(story):
    refused = story.results[5]
    assert refused.returncode == 2
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "key rotate" in lines[0] and "fingerprint" in lines[0], refused.stderr
    assert KEY_HEX not in refused.stderr and OTHER_KEY_HEX not in refused.stderr
    assert story.after[5]["releases"] == story.after[4]["releases"]


def test_rotation_starts_a_new_epoch(story):
    assert story.rotation.returncode == 0, story.rotation.stderr
    assert "epoch 1" in story.rotation.stdout and "-> epoch 2" in story.rotation.stdout
    epochs = json.loads((story.out / "private" / "keys" / "epoch.json").read_text())
    assert epochs["epoch"] == 2 and [e["epoch"] for e in epochs["history"]] == [1]
    m4, m6 = story.manifests[4], story.manifests[6]
    assert m4["lifecycle"]["key_epoch"]["epoch"] == 1 and m6["lifecycle"]["key_epoch"]["epoch"] == 2
    assert m6["counts"]["anonymised"] == m6["counts"]["eligible"]  # staging was rebuilt under the new key
    assert story.after[6]["releases"] == sorted([story.run_ids[4], story.run_ids[6]])  # nobody was erased


PSEUDONYMS = {"academic": {"consultations": ("pseudo_id", "pseudo_member_id")}, "publishing": {"cases": ("case_id",)}}


def _rows(db: Path, exclude: tuple[str, ...] = ()) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()]
        out = {}
        for table in tables:
            columns = [c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                                 "AND schema_name = 'main' ORDER BY column_index", [table]).fetchall()]
            keep = [c for c in columns if c not in exclude]
            rows = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in keep)} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out


def test_after_rotation_pseudonyms_differ_and_the_tables_are_otherwise_equal(story):
    before, after = story.out / "release" / story.run_ids[4], story.out / "release" / story.run_ids[6]
    for release in ("faq", "academic", "publishing", "advertiser"):
        columns = tuple(c for cols in PSEUDONYMS.get(release, {}).values() for c in cols)
        a, b = _rows(before / f"{release}.duckdb", columns), _rows(after / f"{release}.duckdb", columns)
        info_a, info_b = dict(a.pop("release_info")), dict(b.pop("release_info"))
        assert a == b, release
        assert any(a.values()), release
        assert (info_a["key_epoch"], info_b["key_epoch"]) == ("1", "2")
        assert info_a["key_fingerprint"] != info_b["key_fingerprint"]
        assert {k: v for k, v in info_a.items() if not k.startswith(("key_", "run_id"))} == \
            {k: v for k, v in info_b.items() if not k.startswith(("key_", "run_id"))}
        for table, cols in PSEUDONYMS.get(release, {}).items():
            for column in cols:
                with duckdb.connect(str(before / f"{release}.duckdb"), read_only=True) as con:
                    old = {r[0] for r in con.execute(f"SELECT {column} FROM {table}").fetchall()} - {None}
                with duckdb.connect(str(after / f"{release}.duckdb"), read_only=True) as con:
                    new = {r[0] for r in con.execute(f"SELECT {column} FROM {table}").fetchall()} - {None}
                assert old and new and not old & new, f"{release}.{column}: researchers could join across epochs"


# ---------------------------------------------------------------- clinic-anon releases, for real and in-process

def test_releases_list_shows_both_epochs_and_latest(story):
    result = CliRunner().invoke(main, ["releases", "list", "--out", str(story.out), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["run_id"], r["latest"], r["key_epoch"], r["status"]) for r in rows] == [
        (story.run_ids[6], True, "2", "promoted"), (story.run_ids[4], False, "1", "promoted")]
    assert all(r["k"] != "–" and r["epsilon"] == "off" and r["bytes"] > 0 for r in rows)
    table = CliRunner().invoke(main, ["releases", "list", "--out", str(story.out)])
    assert table.exit_code == 0 and table.output.splitlines()[1].startswith("*  " + story.run_ids[6])


def test_releases_show_prints_one_release(story):
    result = CliRunner().invoke(main, ["releases", "show", "--out", str(story.out), story.run_ids[4]])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["run_id"] == story.run_ids[4] and shown["check"]["passed"] is True
    assert "academic.duckdb" in shown["files"] and shown["lifecycle"]["key_epoch"]["epoch"] == 1
    missing = CliRunner().invoke(main, ["releases", "show", "--out", str(story.out), "20200101T000000Z-000000"])
    assert missing.exit_code == 2 and "no release" in missing.output


def test_releases_prune_and_verify_for_real(story):
    env = env_for(story.home, 6, OTHER_KEY_HEX)
    dry = subprocess.run(cli("releases", "prune", "--out", str(story.out), "--keep", "1", "--dry-run"), env=env,
                         capture_output=True, text=True, timeout=120)
    assert dry.returncode == 0 and f"would remove: release {story.run_ids[4]}: retention" in dry.stdout, dry.stderr
    assert releases_under(story.out) == sorted([story.run_ids[4], story.run_ids[6]])
    verify = subprocess.run(cli("releases", "verify", "--out", str(story.out), "--source", str(story.source)),
                            env=env, capture_output=True, text=True, timeout=600)
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]
    assert f"release {story.run_ids[6]}: PASSED" in verify.stdout
    copy = story.out.parent / "pruned"
    shutil.copytree(story.out, copy, symlinks=True)
    pruned = subprocess.run(cli("releases", "prune", "--out", str(copy), "--keep", "1"), env=env, capture_output=True,
                            text=True, timeout=120)
    assert pruned.returncode == 0, pruned.stderr
    assert releases_under(copy) == [story.run_ids[6]]
    assert not (copy / "private" / "contents" / f"{story.run_ids[4]}.parquet").exists()
