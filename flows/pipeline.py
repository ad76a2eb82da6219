"""The clinic-anon Prefect flow: ingest → eligibility → anonymise → build → check → promote.

Every task takes and returns paths, settings (no personal data) and counts; records move only as
files inside OUT/private. Results are never persisted and nothing is cached, so Prefect's
database and storage never hold record content.
"""
from __future__ import annotations

import json
import platform
import secrets
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from anonymise.keys import key_fingerprint, load_or_create_key
from anonymise.policy import FieldPolicy
from flows import expiry, key_epoch, log_redaction, progress, quarantine, retention, run_lock
from flows.anonymise_stage import ChunkPlan, anonymise_chunk, compact, plan_run_chunks
from flows.config import Settings
from contract.records import contract_columns
from flows import build_stage, gate_stage
from flows.fresh_process import run_in_fresh_process
from flows.release_process import release_process, run_in_release_process
from flows.review_stage import draw_review_sample, page_link, review_task
from flows.task_runners import make_task_runner
from flows.watermark import Watermark, read_watermark, write_watermark
from flows.workarea import WorkArea, make_private_dir, write_private_text

# persist_result=False + NO_CACHE: Prefect keeps no copy of what a task returns.
DATA_TASK = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}
RELEASES = ("faq", "academic", "publishing", "advertiser")
VERSIONED = ("clinic-anon", "presidio-analyzer", "presidio-anonymizer", "prefect", "duckdb", "spacy", "kiwipiepy")

log_redaction.install()


class ReleaseBlocked(RuntimeError):
    """The leak check (or its canary self-test) failed: nothing was promoted."""


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def _key(settings: Settings, work: WorkArea) -> bytes:
    return load_or_create_key(settings.anonymise.key_file or work.key_file, settings.anonymise.key_env)


# ---------------------------------------------------------------- tasks

@task(name="ingest", retries=2, retry_delay_seconds=5, **DATA_TASK)
def ingest_task(source: str, out: str, settings_json: str, run_id: str) -> dict:
    from flows.ingest import ingest
    from flows.open_source import open_source

    settings = Settings.model_validate_json(settings_json)
    src = open_source(source, settings.source)
    res = ingest(src, WorkArea(Path(out)), settings, run_id)
    return {"read": dict(res.read), "accepted": dict(res.accepted),
            "quarantined": {t: dict(r) for t, r in res.quarantine_reasons.items()},
            "exclusions_from_quarantine": dict(res.exclusions_from_quarantine),
            "unknown_columns": {f"{table}.{column}": n for table, columns in res.unknown_columns.items()
                                for column, n in columns.items()},
            "source": {"kind": src.kind,
                       "description": src.describe(), "fingerprint": res.fingerprint}}


@task(name="eligibility", **DATA_TASK)
def eligibility_task(out: str, settings_json: str, as_of: str) -> dict:
    from flows.eligibility import apply_eligibility

    settings = Settings.model_validate_json(settings_json)
    res = apply_eligibility(WorkArea(Path(out)), settings, date.fromisoformat(as_of))
    return {"excluded": dict(res.excluded), "aggregate_only": dict(res.aggregate_only),
            "eligible": res.eligible, "due_for_destruction": res.due_for_destruction, "destroy_list": res.destroy_list}


@task(name="plan-chunks", **DATA_TASK)
def plan_task(out: str, run_id: str, settings_json: str, chunk_key_seed: str, since: str | None) -> dict:
    # In a process of its own: the sort of full rows would stay in this one through the anonymise stage.
    return run_in_fresh_process(plan_run_chunks, out, run_id, settings_json, chunk_key_seed, since)


@task(name="anonymise-chunk", retries=2, retry_delay_seconds=2, **DATA_TASK)
def anonymise_task(chunk_file: str, out_file: str, out: str, settings_json: str) -> dict:
    logger = get_run_logger()
    counts_file = Path(out_file).with_suffix(".json")
    if Path(out_file).exists() and counts_file.exists():
        logger.info("chunk %s already anonymised for this source and policy: skipped", Path(chunk_file).name)
        return {**json.loads(counts_file.read_text()), "skipped": 1}
    settings = Settings.model_validate_json(settings_json)
    started = time.perf_counter()
    counts = anonymise_chunk(chunk_file, out_file, settings.anonymise, _key(settings, WorkArea(Path(out))))
    write_private_text(counts_file, json.dumps(counts))
    seconds = time.perf_counter() - started
    logger.info("chunk %s: %d records in %.1f s (%.0f records/s)", Path(chunk_file).name, counts["records"],
                seconds, counts["records"] / seconds if seconds else 0)
    return {**counts, "skipped": 0}


@task(name="compact-staging", **DATA_TASK)
def compact_task(out: str, plan: dict, settings_json: str, run_id: str) -> int:
    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    rows = compact(work, ChunkPlan(**plan), _key(settings, work))
    for chunk_file in plan["chunks"]:  # raw copies are no longer needed once folded into staging
        Path(chunk_file).unlink(missing_ok=True)
    for counts_file in (work.staging / "pending").glob("*.json"):
        counts_file.unlink()
    return rows


# The build and both leak checks run in the release process (flows/release_process.py), which
# holds Kiwi, DuckDB's buffers and the needles; this process holds no model.

@task(name="build-releases", **DATA_TASK)
def build_task(out: str, release_dir: str, settings_json: str, run_info: dict) -> dict:
    return run_in_release_process(build_stage.build, out, release_dir, settings_json, run_info)


@task(name="leak-check", **DATA_TASK)
def gate_task(out: str, release_dir: str, settings_json: str, run_id: str, run_info: dict) -> dict:
    result = run_in_release_process(gate_stage.check_and_withhold, out, release_dir, settings_json, run_id, run_info)
    if result["withheld"]["records"]:
        get_run_logger().info("leak check: %d records withheld over %d rebuilds of the releases",
                              result["withheld"]["records"], result["withheld"]["rounds"])
    return result


@task(name="leak-check-reports", **DATA_TASK)
def check_reports_task(release_dir: str, out: str, settings_json: str, run_id: str) -> dict:
    return run_in_release_process(gate_stage.check_reports, release_dir, out, settings_json, run_id)


# ---------------------------------------------------------------- flows

@flow(name="anonymise-chunks", persist_result=False, log_prints=False)
def anonymise_chunks_flow(chunks: list[str], outputs: list[str], todo: int, out: str, settings_json: str,
                          review_chunk: str | None = None, run_id: str = "") -> dict:
    """Map the chunks over this subflow's own task runner (processes or a Dask cluster).

    Its workers each hold the anonymiser's models (~1 GB); they end with this subflow, so the
    build and leak check that follow do not carry them. The steward's review sample is anonymised
    here too (flows/review_stage.py), on a worker that has the models already.
    """
    pii_removed: Counter = Counter()
    quasi_identifiers: Counter = Counter()
    policy_unknown: Counter = Counter()
    skipped = 0
    review = review_task.submit(review_chunk, out, settings_json, run_id) if review_chunk else None
    with progress.stage("anonymise", total=todo) as bar:
        futures = anonymise_task.map(chunks, outputs, unmapped(out), unmapped(settings_json))
        for future in as_completed(futures):
            counts = future.result()
            skipped += counts["skipped"]
            bar.advance(counts["records"])
            pii_removed.update(counts["pii"])
            quasi_identifiers.update(counts.get("quasi_identifiers", {}))
            policy_unknown.update(counts["unknown_columns"])
    return {"pii": dict(pii_removed), "quasi_identifiers": dict(quasi_identifiers),
            "unknown_columns": dict(policy_unknown), "skipped": skipped, "reviewed": review.result() if review else 0}


@flow(name="clinic-anon", persist_result=False, log_prints=False)
@run_lock.one_run_per_out
def clinic_anon_flow(source: str, out: str, settings_json: str = "{}", as_of: str | None = None,
                     dask_address: str | None = None, dask_workers: int = 0) -> dict:
    """Run every stage; raise ReleaseBlocked when the leak check fails (the previous release stays).

    Chunks are anonymised on local processes, or on a Dask cluster (``dask_address``, or a local one
    with ``dask_workers`` processes) that lives only as long as that stage.
    """
    logger = get_run_logger()
    run = _start_run(out, settings_json, as_of, logger)
    timings: dict[str, float] = {}
    ingested, eligibility = _ingest_and_select(source, out, run.settings_json, run.run_id, run.as_of, timings, logger)
    staged = _anonymise_and_stage(out, run, ingested, eligibility, dask_address, dask_workers, timings, logger)

    build_dir = make_private_dir(run.work.run_scratch(run.run_id) / "release")
    run_info = {"run_id": run.run_id, "as_of": run.as_of, "policy_hash": run.policy.sha256,
                "key_epoch": run.epoch.epoch, "key_fingerprint": run.epoch.key_fingerprint}
    # From the build to the reports' check; the source's needles are in the release process's memory
    # only, and leave with it.
    with release_process():
        t = time.perf_counter()
        with progress.stage("build", total=len(RELEASES), unit="releases") as bar:
            releases = _build_or_block(out, str(build_dir), run.settings_json, run_info)
            bar.advance(len(RELEASES))
        timings["build"] = time.perf_counter() - t

        t = time.perf_counter()
        with progress.stage("leak check", total=1, unit="checks") as bar:
            check = gate_task(out, str(build_dir), run.settings_json, run.run_id, run_info)
            releases = check.pop("releases", releases)  # rebuilt without withheld records
            bar.advance(1)
        timings["check"] = time.perf_counter() - t
        passed = bool(check["passed"]) and bool(check["canary"]["passed"])
        removals = retention.plan(run.work, run.run_id, run.settings.lifecycle.keep_releases) if passed else []
        staged.lifecycle["releases_removed_on_promotion"] = [r.to_manifest() for r in removals]
        manifest = _manifest(run, ingested, eligibility, staged, releases, check, passed, timings)
        write_private_text(run.work.run_scratch(run.run_id) / "leak_report.md", check["markdown"])
        passed, final = _finish(run.work, run.run_id, build_dir, manifest, passed, run.settings_json)
    check = manifest["check"]
    if not passed:
        raise _blocked(check, run.work.run_scratch(run.run_id) / "leak_report.md", logger)
    write_watermark(run.work.watermark, Watermark(run_id=run.run_id, updated_until=_max_updated(run.work),
                                                  policy_hash=run.policy.sha256, key_fingerprint=run.key_fp))
    retention.apply(run.work, removals)
    logger.info("release %s promoted: %s; %s", run.run_id, final, retention.describe(removals))
    return {"run_id": run.run_id, "status": "promoted", "release_dir": str(final), "latest": str(run.work.latest),
            "counts": manifest["counts"], "timings": timings}


@dataclass(frozen=True)
class _Run:
    """What every stage of one run shares: its id and as-of day, settings, work area, policy and key."""
    run_id: str
    started: datetime
    as_of: str
    settings: Settings
    settings_json: str
    work: WorkArea
    policy: FieldPolicy
    epoch: key_epoch.KeyEpoch
    key_fp: str
    expired: dict


def _start_run(out: str, settings_json: str, as_of: str | None, logger) -> _Run:
    """Fix the run's id and as-of day, prepare OUT, load the policy, check the key, expire old files."""
    settings = Settings.model_validate_json(settings_json)
    started = (settings.lifecycle.now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    run_id = new_run_id(started)
    as_of = as_of or (settings.as_of or datetime.now(ZoneInfo("Asia/Seoul")).date()).isoformat()
    # One as-of day for every task (validation's "future", eligibility), decided once here.
    settings = settings.model_copy(update={"as_of": date.fromisoformat(as_of)})
    work, raw_chunks_removed = _prepare_work_area(Path(out), settings, run_id, logger)
    run_lock.note_run(work.out, run_id, started)
    policy = FieldPolicy.load(settings.anonymise.policy_file, contract_columns())
    _, epoch = key_epoch.key_for_run(work, settings, started)  # refuses a key OUT was not built with
    key_fp = key_fingerprint(_key(settings, work))
    expired = {**expiry.expire_private_area(work, started, settings.lifecycle, run_id),
               "raw_chunk_folders": raw_chunks_removed}
    logger.info("run %s: as-of %s", run_id, as_of)
    return _Run(run_id, started, as_of, settings, settings.model_dump_json(), work, policy, epoch, key_fp, expired)


@dataclass
class _Staged:
    """What the anonymise stage leaves for the manifest."""
    plan: dict
    anonymised: dict
    staged: int
    lifecycle: dict


def _anonymise_and_stage(out: str, run: _Run, ingested: dict, eligibility: dict, dask_address: str | None,
                         dask_workers: int, timings: dict, logger) -> _Staged:
    """Anonymise what changed since the watermark, fold it into staging, erase what must go; timed."""
    t = time.perf_counter()
    work, settings = run.work, run.settings
    watermark = read_watermark(work.watermark, run.policy.sha256, run.key_fp)
    seed = "\x1e".join([ingested["source"]["fingerprint"], run.policy.sha256, run.key_fp,
                        watermark.updated_until if watermark else "full", run.as_of])
    plan = plan_task(out, run.run_id, run.settings_json, seed, watermark.updated_until if watermark else None)
    logger.info("anonymise: %d to process in %d chunks (%d changed behind the watermark), %d unchanged kept, "
                "%d erased from staging", plan["todo"], len(plan["chunks"]), plan["changed_behind_watermark"],
                plan["kept"], plan["dropped"])
    runner = make_task_runner(settings, dask_address, dask_workers)
    review_chunk = draw_review_sample(out, run.run_id, settings.gate.review_sample_size)
    anonymised = anonymise_chunks_flow.with_options(task_runner=runner)(
        plan["chunks"], plan["outputs"], plan["todo"], out, run.settings_json, review_chunk, run.run_id)
    staged = compact_task(out, plan, run.settings_json, run.run_id)
    retention.record_contents(work, run.run_id)
    # Compaction has folded the raw records in: from here on staging keeps eligible ones only.
    erased_entries, pruned = quarantine.scrub(work), expiry.prune_staging(work)
    lifecycle = {"key_epoch": run.epoch.to_manifest(), "private_area_expired": run.expired,
                 "destroy_list": {"path": eligibility["destroy_list"], "consultations": eligibility["due_for_destruction"]},
                 "quarantine_entries_erased": erased_entries, "staging_pruned": pruned,
                 "keep_releases": settings.lifecycle.keep_releases, "releases_removed_on_promotion": []}
    timings["anonymise"] = time.perf_counter() - t
    return _Staged(plan, anonymised, staged, lifecycle)


def _manifest(run: _Run, ingested: dict, eligibility: dict, staged: _Staged, releases: dict, check: dict,
              passed: bool, timings: dict) -> dict:
    """The run's manifest: what was read, removed, built and checked, and how long each stage took."""
    anonymised = staged.anonymised
    return {
        "run_id": run.run_id, "as_of": run.as_of, "started_at": run.started.isoformat(),
        "status": "promoted" if passed else "blocked",
        "source": ingested["source"], "policy_hash": run.policy.sha256, "key_fingerprint": run.key_fp,
        "settings": json.loads(run.settings_json),
        "versions": {"python": platform.python_version(), **{p: _version(p) for p in VERSIONED}},
        "counts": _counts(ingested, eligibility, staged.plan, anonymised["unknown_columns"], anonymised["skipped"],
                          staged.staged),
        "pii_removed": dict(Counter(anonymised["pii"]).most_common()),
        "text_quasi_identifiers": dict(Counter(anonymised.get("quasi_identifiers", {})).most_common()),
        "releases": releases,
        "check": {k: v for k, v in check.items() if k != "markdown"},
        "lifecycle": staged.lifecycle,
        "review_sample": {"records": anonymised["reviewed"], "page": page_link(run.run_id, passed), "private": True},
        "timings": timings,
    }


def _ingest_and_select(source: str, out: str, settings_json: str, run_id: str, as_of: str, timings: dict,
                       logger) -> tuple[dict, dict]:
    """The ingest and eligibility stages, timed into ``timings``: their summaries."""
    t = time.perf_counter()
    with progress.stage("ingest") as bar:
        ingested = ingest_task(source, out, settings_json, run_id)
        bar.total(sum(ingested["read"].values()))
        bar.advance(sum(ingested["read"].values()))
    timings["ingest"] = time.perf_counter() - t
    logger.info("ingest: read %s, quarantined %s", ingested["read"],
                {tb: sum(r.values()) for tb, r in ingested["quarantined"].items()})

    t = time.perf_counter()
    with progress.stage("eligibility") as bar:
        eligibility = eligibility_task(out, settings_json, as_of)
        bar.total(ingested["accepted"].get("consultations", 0))
        bar.advance(ingested["accepted"].get("consultations", 0))
    timings["eligibility"] = time.perf_counter() - t
    logger.info("eligibility: %d eligible, excluded %s", eligibility["eligible"], eligibility["excluded"])
    return ingested, eligibility


def _counts(ingested: dict, eligibility: dict, plan: dict, policy_unknown: dict, skipped: int, staged: int) -> dict:
    """The manifest's record counts, stage by stage (read = accepted + quarantined)."""
    return {
        "read": ingested["read"], "accepted": ingested["accepted"], "quarantined": ingested["quarantined"],
        "unknown_columns": {**ingested["unknown_columns"], **policy_unknown},
        "exclusions_from_quarantine": ingested["exclusions_from_quarantine"],
        "excluded": eligibility["excluded"], "due_for_destruction": eligibility["due_for_destruction"],
        "aggregate_only": eligibility["aggregate_only"], "eligible": eligibility["eligible"],
        "anonymised": plan["todo"], "anonymised_chunks_resumed": skipped,
        "changed_behind_watermark": plan["changed_behind_watermark"],
        "kept_from_previous_runs": plan["kept"], "erased_from_staging": plan["dropped"], "staged": staged,
    }


def _blocked(check: dict, report: Path, logger) -> ReleaseBlocked:
    """The error that ends a blocked run (logged first), saying why and where the report is."""
    logger.error("release BLOCKED by the leak check: %s; canary %s/%s caught; the previous release stays",
                 check.get("findings_by_kind"), check["canary"]["caught"], check["canary"]["planted"])
    findings = sum(check.get("findings_by_kind", {}).values())
    why = f"{findings} findings" if findings else \
        f"the canary self-test caught only {check['canary']['caught']} of {check['canary']['planted']}"
    return ReleaseBlocked(f"leak check failed ({why}); report: {report}")


def _prepare_work_area(out: Path, settings: Settings, run_id: str, logger) -> tuple[WorkArea, int]:
    """Create the layout with its modes, undo a publication a killed run cut short, remove what dead
    runs left (raw chunk files, spill folders), and mark this run's scratch as ours; the work area
    and how many raw chunk folders were removed."""
    from flows.leftovers import claim_run, remove_leftovers
    from flows.promote import recover_interrupted_publish

    work = WorkArea(out).ensure_releases(settings.output.release_dir_mode).ensure()
    if undone := recover_interrupted_publish(work.releases, work.publish_journal):
        logger.warning("the publication of %s was cut short by a killed run: moved back to the private area", undone)
    claim_run(work, run_id)
    removed = remove_leftovers(work, run_id)
    if removed.total():
        logger.info("removed what dead runs left: %d scratch folders, %d spill folders, %d partial files",
                    len(removed.scratch), removed.spill, removed.partial)
    return work, sum(1 for what in removed.scratch if what.endswith("/chunks"))


def _build_or_block(out: str, release_dir: str, settings_json: str, run_info: dict) -> dict:
    """The build, where a release above the configured re-identification risk blocks the run like a
    failed leak check: nothing is promoted and the previous release stays."""
    from reports.build import ReleaseRiskExceeded

    try:
        return build_task(out, release_dir, settings_json, run_info)
    except ReleaseRiskExceeded as exc:
        raise ReleaseBlocked(f"re-identification risk above the configured limits ({exc})") from None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _max_updated(work: WorkArea) -> str:
    import duckdb

    path = str(work.accepted / "consultations.parquet").replace("'", "''")
    value = duckdb.sql(f"SELECT max(greatest(created_at, coalesce(updated_at, created_at))) "
                       f"FROM read_parquet('{path}')").fetchone()[0]
    return (value or datetime(1970, 1, 1, tzinfo=timezone.utc)).isoformat()


def _finish(work: WorkArea, run_id: str, build_dir: Path, manifest: dict, passed: bool,
            settings_json: str) -> tuple[bool, Path]:
    """Write manifest and reports, check them, then publish a passing release; a blocked one stays private."""
    from flows.promote import PromotionRefused, publish
    from reports.manifest import RunManifest, write_manifest
    from reports.render import render_all

    def write() -> None:
        manifest["finished_at"] = datetime.now(timezone.utc).isoformat()
        write_manifest(build_dir, RunManifest.model_validate(manifest))
        render_all(build_dir)

    write()
    if passed:
        files = check_reports_task(str(build_dir), str(work.out), settings_json, run_id)
        if not files["passed"]:
            passed = False
            check = manifest["check"]
            check["passed"] = False
            check["findings"] = list(check.get("findings", [])) + list(files.get("findings", []))
            for kind, n in files.get("findings_by_kind", {}).items():
                check["findings_by_kind"][kind] = check["findings_by_kind"].get(kind, 0) + n
            manifest["status"] = "blocked"
            manifest["review_sample"]["page"] = page_link(run_id, promoted=False)
            write_private_text(work.run_scratch(run_id) / "leak_report.md", files["markdown"])
            write()
    if not passed:
        return False, build_dir  # stays under OUT/private/runs/<run-id>/: a blocked release is never published
    output = Settings.model_validate_json(settings_json).output
    try:
        final = publish(build_dir, work.releases, run_id, work.publish_journal,
                        output.release_dir_mode, output.release_file_mode)
    except (PromotionRefused, OSError) as exc:
        # Nothing moved: the build stays private, and its manifest must not claim a promotion.
        manifest["status"] = "failed"
        manifest["promotion_refused"] = str(exc)
        write()
        raise
    return True, final
