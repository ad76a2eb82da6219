"""The anonymise stage: plan chunks, anonymise one chunk, and compact staging.

Incremental and resumable by construction:
- every staged row carries the keyed content fingerprint of the record it was made from (an HMAC
  over the whole eligible row, its member's row, the detector version and the anonymise
  settings); a consultation is anonymised again whenever its fingerprint differs from the
  staged one, or it is missing from staging, whatever its timestamps say. The watermark decides
  nothing any more: a backdated edit (clock skew, a bulk import, a restored backup) is found like
  any other and counted as ``changed_behind_watermark``;
- each chunk's output is named by a key over (source fingerprint, policy, key, watermark, the
  chunk's ids and fingerprints), so a rerun after a crash skips chunks already written and
  never reuses one made from other contents;
- compaction rebuilds ``staging/anonymised/current.parquet`` from the previous current rows that
  are still eligible plus the new chunks, so erasure (deletion, withdrawal, retention) propagates
  to the next release even for records anonymised long ago.
Everything here reads and writes files in the private area; nothing returns record content.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from anonymise.detector_version import detector_version
from anonymise.generalise import age_band, month
from anonymise.keys import load_or_create_key, pseudonym
from anonymise.policy import FieldPolicy
from anonymise.regions import province_or_country
from contract.bounded_duckdb import bounded_duckdb
from anonymise.settings import AnonymiseSettings
from contract.records import contract_columns
from contract import staging
from contract.staging import ANONYMISED_CONSULTATIONS
from flows.config import Settings
from flows.workarea import WorkArea, make_private_dir

STAGING_PURPOSE = "staging"
CURRENT = "current.parquet"
FINGERPRINT = "content_fingerprint"
_ROW_CODE = (Path(__file__).resolve(), Path(staging.__file__).resolve())  # they shape staged rows


@dataclass
class ChunkPlan:
    chunks: list[str]                 # chunk input files (raw records + member struct), private area
    outputs: list[str]                # where each chunk's anonymised rows go (skipped if present)
    todo: int                         # consultations to anonymise in this run
    kept: int                         # previously anonymised rows still eligible and unchanged
    dropped: int                      # previously anonymised rows now erased or ineligible
    rows_per_chunk: list[int] = field(default_factory=list)
    changed_behind_watermark: int = 0  # content changed although no timestamp is after the watermark


def _sql_str(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def _connect(work: WorkArea, key: bytes) -> Iterator[duckdb.DuckDBPyConnection]:
    with bounded_duckdb(work.private) as con:
        con.create_function("staging_pseudonym", lambda v: pseudonym(key, v, STAGING_PURPOSE),
                            [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"), null_handling="special")
        yield con


def fingerprint_key(key: bytes, settings: AnonymiseSettings) -> bytes:
    """The key of content fingerprints: the pseudonym key bound to what shapes the anonymised output.

    A new detector (code, word lists, libraries), policy or score threshold gives every record a
    new fingerprint, so nothing anonymised by an older one is kept.
    """
    shape = {"detector": detector_version(_ROW_CODE), "policy": FieldPolicy.load(settings.policy_file).sha256,
             "settings": settings.model_dump(mode="json", exclude={"workers", "chunk_records", "key_env", "key_file", "policy_file"})}
    label = b"clinic-anon content fingerprint\x00" + json.dumps(shape, sort_keys=True).encode()
    return hmac.new(key, label, hashlib.sha256).digest()


def _add_fingerprint_function(con: duckdb.DuckDBPyConnection, fp_key: bytes) -> None:
    """content_fingerprint(json) -> 32 hex characters of HMAC-SHA256 under ``fp_key`` (vectorised)."""
    def fingerprints(texts: pa.Array) -> pa.Array:
        return pa.array([hmac.new(fp_key, t.encode(), hashlib.sha256).hexdigest()[:32]
                         for t in texts.to_pylist()], pa.string())

    con.create_function("content_fingerprint", fingerprints, ["VARCHAR"], "VARCHAR", type="arrow",
                        side_effects=False)


def _member_join(members: Path) -> str:
    if members.exists():
        return f"LEFT JOIN read_parquet({_sql_str(members)}) m ON m.member_id = t.member_id"
    return "LEFT JOIN (SELECT NULL::VARCHAR AS member_id) m ON FALSE"


def _has_column(con: duckdb.DuckDBPyConnection, parquet: Path, column: str) -> bool:
    return column in {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM read_parquet({_sql_str(parquet)})").fetchall()}


def plan_chunks(work: WorkArea, run_id: str, key: bytes, chunk_key_seed: str,
                watermark: datetime | None, chunk_records: int, fp_key: bytes | None = None) -> ChunkPlan:
    """Split the consultations to (re)anonymise into chunk files; count what staging keeps and drops.

    A consultation is to do when its content fingerprint (``fp_key``, see fingerprint_key) is not
    the staged one. Only ids and fingerprints are held in tables; the records stream from the
    eligible Parquet (sorted by consultation_id, spilling if need be) into chunk files, so memory
    does not grow with N.
    """
    fp_key = fp_key or fingerprint_key(key, AnonymiseSettings())
    eligible = work.eligible / "consultations.parquet"
    members = work.accepted / "members.parquet"
    current = work.anonymised / CURRENT
    chunk_dir = make_private_dir(work.run_scratch(run_id) / "chunks")
    pending = make_private_dir(work.staging / "pending")
    with _connect(work, key) as con:
        _add_fingerprint_function(con, fp_key)
        member = "CASE WHEN m.member_id IS NULL THEN NULL ELSE m END"
        # Everything the anonymiser reads of a record: the whole eligible row and its member's row,
        # as JSON written in UTC (to_json writes timestamps in the session's zone, the machine's).
        con.execute("SET TimeZone = 'UTC'")
        con.execute(f"""CREATE TEMP TABLE eligible AS
            SELECT t.consultation_id, t.created_at, t.updated_at, staging_pseudonym(t.consultation_id) AS pid,
                   content_fingerprint(to_json(struct_pack(record := t, member := {member}))) AS fp
            FROM read_parquet({_sql_str(eligible)}) t {_member_join(members)}
            WHERE t.exclusion_reason IS NULL""")
        con.execute("RESET TimeZone")  # the chunk files keep the zone they always had
        if current.exists():
            staged_fp = FINGERPRINT if _has_column(con, current, FINGERPRINT) else "NULL::VARCHAR"
            con.execute(f"CREATE TEMP TABLE staged AS SELECT pseudo_consultation_id AS pid, {staged_fp} AS fp "
                        f"FROM read_parquet({_sql_str(current)})")
        else:
            con.execute("CREATE TEMP TABLE staged (pid VARCHAR, fp VARCHAR)")
        con.execute("""CREATE TEMP TABLE todo AS SELECT e.consultation_id, e.pid, e.fp, e.created_at, e.updated_at
            FROM eligible e LEFT JOIN staged s USING (pid) WHERE s.fp IS DISTINCT FROM e.fp""")
        todo = con.execute("SELECT count(*) FROM todo").fetchone()[0]
        kept = con.execute("SELECT count(*) FROM staged WHERE pid IN (SELECT pid FROM eligible) "
                           "AND pid NOT IN (SELECT pid FROM todo)").fetchone()[0]
        dropped = con.execute("SELECT count(*) FROM staged WHERE pid NOT IN (SELECT pid FROM eligible)").fetchone()[0]
        behind = 0
        if watermark is not None:
            behind = con.execute("""SELECT count(*) FROM todo WHERE pid IN (SELECT pid FROM staged)
                AND NOT (coalesce(updated_at > $wm, false) OR created_at > $wm)""", {"wm": watermark}).fetchone()[0]

        reader = con.execute(f"""
            SELECT t.*, {member} AS member, d.fp AS {FINGERPRINT}
            FROM read_parquet({_sql_str(eligible)}) t {_member_join(members)}
            JOIN todo d ON d.consultation_id = t.consultation_id
            WHERE t.exclusion_reason IS NULL
            ORDER BY t.consultation_id""").to_arrow_reader(chunk_records)
        plan = ChunkPlan(chunks=[], outputs=[], todo=todo, kept=kept, dropped=dropped, changed_behind_watermark=behind)
        for table in _exact_chunks(reader, chunk_records):
            contents = "\x1f".join(f"{i}\x1d{f}" for i, f in zip(table.column("consultation_id").to_pylist(),
                                                                 table.column(FINGERPRINT).to_pylist()))
            digest = hashlib.sha256(f"{chunk_key_seed}\x1e{contents}".encode()).hexdigest()[:24]
            chunk_file = chunk_dir / f"chunk-{len(plan.chunks):06d}.parquet"
            pq.write_table(table, chunk_file)
            os.chmod(chunk_file, 0o600)
            plan.chunks.append(str(chunk_file))
            plan.outputs.append(str(pending / f"{digest}.parquet"))
            plan.rows_per_chunk.append(table.num_rows)
    return plan


def plan_run_chunks(out: str, run_id: str, settings_json: str, chunk_key_seed: str, since: str | None) -> dict:
    """``plan_chunks`` for a run, with its key and settings, as a dict: the flow runs it in a fresh
    process (flows/fresh_process.py), so the sort's memory leaves with that process."""
    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    key = load_or_create_key(settings.anonymise.key_file or work.key_file, settings.anonymise.key_env)
    plan = plan_chunks(work, run_id, key, chunk_key_seed, datetime.fromisoformat(since) if since else None,
                       settings.anonymise.chunk_records, fingerprint_key(key, settings.anonymise))
    return plan.__dict__


def _exact_chunks(reader: pa.RecordBatchReader, rows: int) -> Iterator[pa.Table]:
    """Tables of exactly ``rows`` rows (the last one shorter): a chunk's key depends on which ids it holds."""
    buffered = pa.Table.from_batches([], schema=reader.schema)
    for batch in reader:
        buffered = pa.concat_tables([buffered, pa.Table.from_batches([batch])])
        while buffered.num_rows >= rows:
            yield buffered.slice(0, rows)
            buffered = buffered.slice(rows)
    if buffered.num_rows:
        yield buffered


@cache
def _policy(path: str) -> FieldPolicy:
    return FieldPolicy.load(Path(path), contract_columns())


def _consultation_texts(settings_json: str):
    """The worker's text anonymiser (Presidio engine, spaCy, kiwipiepy), built on first use; the same
    path `clinic-anon redact` takes."""
    from anonymise.consultation_redaction import ConsultationTexts

    settings = AnonymiseSettings.model_validate_json(settings_json)
    return ConsultationTexts(settings, _policy(str(settings.policy_file)))


def _hours_between(start, end) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 3600, 2)


def _person_key(rec: dict) -> str:
    """Whom k counts: the member, else a guest known by a structured value (phone digits, then e-mail),
    else the consultation alone. Two guests sharing a phone count as one person: fewer persons per
    class, so k errs on the safe side; one guest writing under two numbers counts twice (not linkable)."""
    if rec.get("member_id"):
        return f"member\x1f{rec['member_id']}"
    digits = re.sub(r"\D", "", str(rec.get("phone") or ""))
    if len(digits) >= 8:
        return f"guest-phone\x1f{digits[-10:]}"  # the last ten digits: the same number with or without +82 0
    email = str(rec.get("email") or "").strip().casefold()
    if "@" in email:
        return f"guest-email\x1f{email}"
    return f"guest-consultation\x1f{rec['consultation_id']}"


def anonymise_chunk(chunk_file: str, out_file: str, settings: AnonymiseSettings, key: bytes) -> dict:
    """Anonymise one chunk file into ``out_file`` (written atomically). Returns counts only:
    records, redacted, pii (entity type -> spans), quasi_identifiers (text quasi-identifier type ->
    spans), unknown_columns (columns the policy does not list)."""
    policy = _policy(str(settings.policy_file))
    texts = _consultation_texts(settings.model_dump_json())
    records = pq.read_table(chunk_file).to_pylist()
    members = {r["member_id"]: r["member"] for r in records if r.get("member")}
    text_records = [r for r in records if not r["aggregate_only"]]
    redactions = {}
    for record, redaction in texts.redact(text_records, members):
        if redaction is None:  # fail closed: the chunk fails (and is retried), nothing of it is written
            from anonymise.engine import AnalysisError

            raise AnalysisError("analysis of a record failed")
        redactions[record["consultation_id"]] = redaction

    totals: dict[str, int] = {}
    quasi_totals: dict[str, int] = {}
    unknown_before = Counter(policy.unknown_columns)  # the policy object lives as long as the worker
    rows = []
    for rec in records:
        member = rec.get("member") or {}
        structured = policy.apply("consultations", {k: v for k, v in rec.items()
                                                    if k not in ("member", "exclusion_reason", "aggregate_only",
                                                                 "age_at_consultation", FINGERPRINT)},
                                  key, STAGING_PURPOSE)
        res = redactions.get(rec["consultation_id"])
        age = rec.get("age_at_consultation")
        region = structured.get("region") if "region" in structured else None
        if region is None and member.get("address") and "region" in structured:
            region = province_or_country(member["address"])
        answered = bool((rec.get("answer") or "").strip()) and rec.get("answered_at") is not None
        counts = dict(res.counts) if res else {}
        for t, n in (res.quasi_counts if res else {}).items():
            quasi_totals[t] = quasi_totals.get(t, 0) + n
        for t, n in counts.items():
            totals[t] = totals.get(t, 0) + n
        rows.append({
            "pseudo_consultation_id": structured.get("consultation_id"),
            "pseudo_member_id": structured.get("member_id"),
            "pseudo_person_id": pseudonym(key, _person_key(rec), STAGING_PURPOSE),
            "record_level": not rec["aggregate_only"],
            "sex": structured.get("sex"),
            "age": age,
            "age_band": age_band(age) if "age" in structured else None,
            "region": region,
            "interested_area": structured.get("interested_area"),
            "channel": structured.get("channel"),
            "language": structured.get("language"),
            "created_month": month(rec.get("created_at")) if "created_at" in structured else None,
            "answered": answered,
            "response_hours": _hours_between(rec.get("created_at"), rec.get("answered_at")) if answered else None,
            **texts.text_columns(res),
            "pii_found": json.dumps(counts, sort_keys=True),
            FINGERPRINT: rec.get(FINGERPRINT),
            "qi_found": json.dumps(res.quasi_counts if res else {}, sort_keys=True),
        })
    table = pa.Table.from_pylist(rows, schema=ANONYMISED_CONSULTATIONS)
    tmp = Path(out_file).with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.chmod(tmp, 0o600)
    os.replace(tmp, out_file)  # a chunk is either fully written or absent: the resume test relies on it
    return {"records": len(records), "redacted": len(text_records), "pii": totals, "quasi_identifiers": quasi_totals,
            "unknown_columns": dict(Counter(policy.unknown_columns) - unknown_before)}


def compact(work: WorkArea, plan: ChunkPlan, key: bytes) -> int:
    """Rebuild current.parquet = still-eligible unchanged rows + this run's chunks. Returns rows."""
    current = work.anonymised / CURRENT
    eligible = work.eligible / "consultations.parquet"
    tmp = work.anonymised / (CURRENT + ".tmp")
    with _connect(work, key) as con:
        con.execute(f"""CREATE TEMP TABLE keep_ids AS
            SELECT staging_pseudonym(consultation_id) AS pid FROM read_parquet({_sql_str(eligible)})
            WHERE exclusion_reason IS NULL""")
        if plan.outputs:
            outputs = ", ".join(_sql_str(Path(o)) for o in plan.outputs)
            con.execute(f"CREATE TEMP VIEW fresh AS SELECT * FROM read_parquet([{outputs}])")
        parts = []
        if current.exists():
            not_fresh = " AND pseudo_consultation_id NOT IN (SELECT pseudo_consultation_id FROM fresh)" if plan.outputs else ""
            # Rows staged before fingerprints existed have none: the planner re-did them all.
            fp = "" if _has_column(con, current, FINGERPRINT) else f", NULL::VARCHAR AS {FINGERPRINT}"
            parts.append(f"""SELECT *{fp} FROM read_parquet({_sql_str(current)})
                WHERE pseudo_consultation_id IN (SELECT pid FROM keep_ids){not_fresh}""")
        if plan.outputs:
            parts.append("SELECT * FROM fresh")
        if parts:
            query = " UNION ALL BY NAME ".join(parts)
            con.execute(f"COPY ({query} ORDER BY pseudo_consultation_id) TO {_sql_str(tmp)} (FORMAT parquet)")
        else:
            pq.write_table(ANONYMISED_CONSULTATIONS.empty_table(), tmp)
    rows = pq.read_metadata(tmp).num_rows
    os.chmod(tmp, 0o600)
    os.replace(tmp, current)
    # Chunk outputs are folded into current.parquet now; leftovers of abandoned runs go too.
    for leftover in (work.staging / "pending").glob("*.parquet"):
        leftover.unlink()
    return rows
