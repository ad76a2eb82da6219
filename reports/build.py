"""Build the four release databases (faq, academic, publishing, advertiser) from anonymised staging.

Each database is built in a temporary file next to its final name and renamed into place only
once it is complete, documented and checked against the allowlist, so a reader never sees a
half-built release. The table logic is SQL (reports/sql/<release>/<table>.sql, run in order);
Python only clusters FAQ questions, searches the k-anonymity generalisation levels, draws DP
noise and decides complementary suppression.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from anonymise.keys import pseudonym
from contract.bounded_duckdb import bounded_duckdb
from reports.settings import ReleaseSettings
from contract.staging import ANONYMISED_CONSULTATIONS
from reports import cell_suppression, dp, information_loss, kanonymity, reidentification_risk
from reports.dictionary import assert_allowed, document
from reports.duckdb_extensions import load_fts
from reports.faq_clustering import cluster_questions, korean_tokenizer, search_texts
from reports.faq_question import core_question
from reports.row_sources import write_row_sources

SQL_DIR = Path(__file__).resolve().parent / "sql"
RELEASES = ("faq", "academic", "publishing", "advertiser")
FAQ_MIN_CONSULTATIONS = 2  # a question asked once is not a *frequently* asked one
RECOMMENDED_PER_AREA = 10
# The whole run must stay under 2 GiB and the build process also holds Python (FAQ clustering, Kiwi,
# UDF batches) beside DuckDB, so its connections get about a quarter of that; the rest spills.
BUILD_MEMORY_LIMIT = "512MB"
# Advertiser tables -> their dimension columns (two columns: a 2-D table whose rows and columns sum up).
# With DP each table is one noisy query, and the total consultations one more.
ADVERTISER_TABLES = {
    "by_month_area": ("month", "interested_area"),
    "by_age_sex": ("age_band", "sex"),
    "by_region": ("region",),
    "by_channel": ("channel",),
    "by_response_time": ("response_band",),
}
RESPONSE_BAND_EDGES = {"under 1h": (0, 1), "1-6h": (1, 6), "6-24h": (6, 24), "1-3 days": (24, 72),
                       "over 3 days": (72, None)}


class ReleaseBuildError(RuntimeError):
    """The releases cannot be built safely; the message names files or rules, never data."""


class ReleaseRiskExceeded(ReleaseBuildError):
    """The academic release's re-identification risk is above a configured limit: it must not go out."""


@dataclass(frozen=True)
class ReleaseSummary:
    path: Path
    bytes: int
    tables: dict[str, int]
    info: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class _Context:
    settings: ReleaseSettings
    run_info: dict
    dp_ledger: Path | None
    withheld: tuple[str, ...] = ()
    row_sources: Path | None = None


def build_releases(anonymised_dir: Path, release_dir: Path, settings: ReleaseSettings, key: bytes,
                   run_info: dict, dp_ledger: Path | None = None, *, row_sources: Path | None = None,
                   withheld: Sequence[str] = ()) -> dict[str, ReleaseSummary]:
    """Write release_dir/{faq,academic,publishing,advertiser}.duckdb; a summary per release.

    ``withheld``: staging pseudonyms (pseudo_consultation_id) the leak gate withholds: in no release.
    ``row_sources``: a private folder for the map from released rows to staging pseudonyms
    (reports/row_sources.py), which the gate needs to withhold a record a finding points at.
    """
    staging_files = sorted(Path(anonymised_dir).glob("*.parquet"))
    if not staging_files:
        raise ReleaseBuildError(f"no anonymised staging Parquet in {anonymised_dir}")
    release_dir.mkdir(parents=True, exist_ok=True)
    context = _Context(settings, run_info, dp_ledger, tuple(withheld), row_sources)
    builders: dict[str, Callable[[duckdb.DuckDBPyConnection, _Context], dict]] = {
        "faq": _build_faq, "academic": _build_academic, "publishing": _build_publishing,
        "advertiser": _build_advertiser}
    return {name: _build_one(name, builders[name], staging_files, release_dir, key, context) for name in RELEASES}


def _build_one(name: str, builder, staging_files: list[Path], release_dir: Path, key: bytes,
               context: _Context) -> ReleaseSummary:
    final = release_dir / f"{name}.duckdb"
    tmp = release_dir / f".{name}.duckdb.tmp"
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        # Memory-limited, spilling to a folder of its own that goes with the connection: flat in N.
        with bounded_duckdb(release_dir, str(tmp), BUILD_MEMORY_LIMIT) as con:
            _prepare(con, name, staging_files, key, context)
            info = builder(con, context)
            if context.row_sources is not None:
                write_row_sources(con, name, context.row_sources)
            tables = _row_counts(con)
            _write_release_info(con, name, context.run_info, tables, info)
            document(con, name)
            assert_allowed(con, name)
            tables = _row_counts(con)
            con.execute("CHECKPOINT")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, final)
    return ReleaseSummary(final, final.stat().st_size, tables, info)


def _prepare(con: duckdb.DuckDBPyConnection, name: str, staging_files: list[Path], key: bytes,
             context: _Context) -> None:
    """UDFs, variables and the staging view: all per connection or TEMP, none stored in the file."""
    def pseudonyms(purposes: pa.Array, values: pa.Array) -> pa.Array:
        return pa.array([pseudonym(key, v, p) for p, v in zip(purposes.to_pylist(), values.to_pylist())], pa.string())

    con.create_function("pseudonym", pseudonyms, ["VARCHAR", "VARCHAR"], "VARCHAR", type="arrow",
                        side_effects=False)
    # Per release, so an id of one file joins to nothing in another file, unless configured. Stable
    # across runs of the same key: the same source gives identical tables (researchers can re-run).
    space = "shared" if context.settings.same_pseudonyms_across_releases else name
    con.execute("SET VARIABLE pseudonym_purpose = ?", [space])
    con.execute("SET VARIABLE staging_glob = ?", [[str(p) for p in staging_files]])
    con.execute("CREATE OR REPLACE TEMP TABLE withheld (pseudo_consultation_id VARCHAR)")
    if context.withheld:
        con.execute("INSERT INTO withheld SELECT unnest(?)", [list(context.withheld)])
    present = {row[0] for row in con.execute("DESCRIBE SELECT * FROM read_parquet(getvariable('staging_glob'))").fetchall()}
    missing = [f.name for f in ANONYMISED_CONSULTATIONS if f.name not in present]
    if missing:
        raise ReleaseBuildError(f"anonymised staging lacks columns {missing}")
    _run_sql(con, "staging.sql")


def _run_sql(con: duckdb.DuckDBPyConnection, relative: str) -> None:
    con.execute((SQL_DIR / relative).read_text(encoding="utf-8"))


def _set(con: duckdb.DuckDBPyConnection, **variables) -> None:
    for variable, value in variables.items():
        con.execute(f"SET VARIABLE {variable} = ?", [value])


def _row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                         "AND schema_name = 'main' AND NOT temporary ORDER BY table_name").fetchall()
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tables}


def _write_release_info(con: duckdb.DuckDBPyConnection, name: str, run_info: dict, tables: dict[str, int],
                        info: dict) -> None:
    facts = {"release": name, "run_id": run_info["run_id"], "as_of": run_info["as_of"],
             "policy_hash": run_info["policy_hash"]}
    # Pseudonyms join only within one key epoch: researchers read here whether two releases can link.
    facts |= {k: run_info[k] for k in ("key_epoch", "key_fingerprint") if k in run_info}
    facts |= {f"rows.{table}": n for table, n in tables.items()}
    facts |= info
    con.execute("CREATE TABLE release_info (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO release_info SELECT unnest(?) AS key, unnest(?) AS value",
                [list(facts), [str(v) for v in facts.values()]])


# --- faq ---------------------------------------------------------------------------------------

def _build_faq(con: duckdb.DuckDBPyConnection, context: _Context) -> dict:
    load_fts(con)
    con.create_function("core_question", lambda texts: pa.array([core_question(t) for t in texts.to_pylist()], pa.string()),
                        ["VARCHAR"], "VARCHAR", type="arrow", side_effects=False)
    _set(con, faq_min_consultations=FAQ_MIN_CONSULTATIONS, recommended_per_area=RECOMMENDED_PER_AREA)
    _run_sql(con, "faq/source.sql")
    # One area at a time, memberships straight back into DuckDB: Python holds one area's questions, never all.
    con.execute("CREATE OR REPLACE TEMP TABLE faq_membership (row_id BIGINT, cluster_id BIGINT, centrality DOUBLE)")
    areas = [area for (area,) in con.execute(
        "SELECT DISTINCT interested_area FROM faq_source ORDER BY interested_area NULLS LAST").fetchall()]
    next_cluster = 0
    for area in areas:
        rows = con.execute("SELECT row_id, question FROM faq_source WHERE interested_area IS NOT DISTINCT FROM ? "
                           "ORDER BY row_id", [area]).to_arrow_table()
        clustering = cluster_questions(rows["question"].to_pylist(), context.settings.faq_similarity)
        con.register("area_membership", pa.table({"row_id": rows["row_id"],
                                                  "cluster_id": clustering.labels + next_cluster,
                                                  "centrality": clustering.centrality}))
        con.execute("INSERT INTO faq_membership SELECT * FROM area_membership")
        con.unregister("area_membership")
        next_cluster += int(clustering.labels.max()) + 1 if len(clustering.labels) else 0
    _run_sql(con, "faq/members.sql")
    _create_faq_entries(con)
    _run_sql(con, "faq/recommended_consultations.sql")
    _run_sql(con, "faq/search_index.sql")
    covered = con.execute("SELECT coalesce(sum(n_consultations), 0) FROM faq_entries").fetchone()[0]
    answered = con.execute("SELECT count(*) FROM faq_source").fetchone()[0]
    return {"faq_similarity": context.settings.faq_similarity, "faq_min_consultations": FAQ_MIN_CONSULTATIONS,
            "answered_consultations": answered, "clusters": next_cluster,
            "consultations_in_faq_entries": covered}


def _create_faq_entries(con: duckdb.DuckDBPyConnection) -> None:
    """faq_entries.sql with its Korean tokenizer, loaded after clustering and freed on return."""
    kiwi = korean_tokenizer()
    con.create_function("korean_search_text",
                        lambda texts: pa.array(search_texts(texts.to_pylist(), kiwi), pa.string()),
                        ["VARCHAR"], "VARCHAR", type="arrow", side_effects=False)
    _run_sql(con, "faq/faq_entries.sql")
    con.remove_function("korean_search_text")


# --- academic ----------------------------------------------------------------------------------

def _build_academic(con: duckdb.DuckDBPyConnection, context: _Context) -> dict:
    settings = context.settings
    k = settings.k_anonymity
    _run_sql(con, "academic/generalise_macros.sql")
    _run_sql(con, "academic/base.sql")
    chosen, measured = kanonymity.choose_levels(con, "academic_base", k, settings.k_max_suppression)
    _set(con, k=k, **{f"level_{qi}": level for qi, level in chosen.levels.items()})
    _run_sql(con, "academic/consultations.sql")
    staged = con.execute("SELECT count(*) FROM academic_base").fetchone()[0]
    released = con.execute("SELECT count(*) FROM consultations").fetchone()[0]
    k_achieved = kanonymity.measured_k(con)
    if released and k_achieved < k:  # cannot happen by construction; if it does, nothing is released
        raise ReleaseBuildError(f"academic: measured k {k_achieved} is below the target {k}")
    as_staged, _ = kanonymity.rows_below_k(con, "academic_base", dict.fromkeys(kanonymity.LEVEL_LOSS, 0), k)
    facts = {
        "k_target": k,
        "k_achieved": k_achieved,
        "k_counts": "distinct persons per class (a member, or a guest linked by phone or e-mail; "
                    "an unlinked guest consultation is a person of its own)",
        "quasi_identifiers": ",".join(kanonymity.QUASI_IDENTIFIERS),
        "generalisation": chosen.describe(),
        **{f"level.{qi}": kanonymity.LEVEL_NAMES[qi][level] for qi, level in chosen.levels.items()},
        "information_loss": round(chosen.information_loss, 4),
        "suppression": "local: age_band, sex, region, month set to '*' in classes of fewer than k persons; "
                       "starred rows still fewer than k persons per interested_area dropped",
        "suppression_rate": round(chosen.suppression_rate, 6),
        "suppression_rate_without_generalisation": round(as_staged / staged, 6) if staged else 0.0,
        "rows_suppressed": chosen.suppressed_rows,
        "rows_dropped": staged - released,
        "generalisation_candidates_measured": measured,
    }
    facts |= _academic_risk(con, settings)
    facts |= information_loss.facts(information_loss.per_column(con, "academic_base", "academic_released",
                                                                chosen.levels))
    facts |= _academic_coarse(con, k, settings.k_max_suppression)
    return facts


def _academic_risk(con: duckdb.DuckDBPyConnection, settings: ReleaseSettings) -> dict:
    """Risk per person of the released rows; a release above a configured limit is not built."""
    limits = settings.risk
    # Unset limits are what k-anonymity over persons promises: no person-class smaller than k.
    highest = limits.max_highest if limits.max_highest is not None else round(1 / settings.k_anonymity, 6)
    average = limits.max_average if limits.max_average is not None else round(1 / settings.k_anonymity, 6)
    report = reidentification_risk.measure(con, "academic_released", "academic_population", limits.record_threshold)
    broken = reidentification_risk.exceeded(report, max_highest=highest, max_average=average,
                                            max_at_risk=limits.max_at_risk, min_l=limits.min_l_diversity)
    if broken:
        raise ReleaseRiskExceeded("academic: " + "; ".join(broken))
    return {**report.facts(), "l_diversity": report.l_diversity,
            "risk.limits": f"highest <= {highest}, average <= {average}, "
                           f"at risk <= {limits.max_at_risk}, l >= {limits.min_l_diversity}"}


def _academic_coarse(con: duckdb.DuckDBPyConnection, k: int, max_suppression: float) -> dict:
    """consultations_coarse: per quasi-identifier, counts by area at the finest level without '*' that
    leaves out at most ``max_suppression`` of the rows (else the coarsest such level)."""
    staged = con.execute("SELECT count(*) FROM academic_base").fetchone()[0]
    chosen, facts = {}, {}
    for qi, losses in kanonymity.LEVEL_LOSS.items():
        expression = {"age_band": "generalise_age(age_band, $level)", "sex": "generalise_sex(sex, $level)",
                      "region": "generalise_region(region, $level)", "month": "generalise_month(month, $level)"}[qi]
        best = None
        for level in range(len(losses) - 1):  # the last level is '*'
            (hidden,) = con.execute(f"""
                SELECT coalesce(sum(n) FILTER (WHERE persons < $k), 0) FROM (
                    SELECT count(*) AS n, count(DISTINCT pseudo_person_id) AS persons
                    FROM academic_base GROUP BY {expression}, interested_area)""", {"level": level, "k": k}).fetchone()
            share = hidden / staged if staged else 0.0
            if best is None or share < best[1]:
                best = (level, share)
            if share <= max_suppression:
                best = (level, share)
                break
        chosen[qi] = best[0]
        facts[f"coarse.{qi}"] = kanonymity.LEVEL_NAMES[qi][best[0]]
        facts[f"coarse.{qi}.rows_left_out"] = round(best[1], 6)
    _set(con, **{f"coarse_{qi}": level for qi, level in chosen.items()})
    _run_sql(con, "academic/consultations_coarse.sql")
    return {"coarse.generalisation": ", ".join(f"{qi}={facts[f'coarse.{qi}']}" for qi in chosen), **facts}


# --- publishing --------------------------------------------------------------------------------

def _build_publishing(con: duckdb.DuckDBPyConnection, context: _Context) -> dict:
    _run_sql(con, "academic/generalise_macros.sql")  # the same age hierarchy
    _run_sql(con, "publishing/cases.sql")
    return {"text": "surrogates (pub_question/pub_answer)", "finest_date": "year", "age_band": "10-year",
            "region": "not released"}


# --- advertiser --------------------------------------------------------------------------------

def _build_advertiser(con: duckdb.DuckDBPyConnection, context: _Context) -> dict:
    settings = context.settings
    epsilon = settings.dp_epsilon
    per_query = epsilon / (len(ADVERTISER_TABLES) + 1) if epsilon else None
    _run_sql(con, "advertiser/cells.sql")
    suppressed_cells = 0
    released_counts: dict[str, list[int]] = {}
    for table, dims in ADVERTISER_TABLES.items():
        cells = con.execute(f"SELECT * FROM cells_{table} ORDER BY cell_no").df()
        counts = cells["n"].astype(int).tolist()
        if per_query:
            counts = dp.noisy_counts(counts, per_query, settings.dp_mechanism)
        lines = (cell_suppression.two_way_lines(cells[dims[0]].tolist(), cells[dims[1]].tolist()) if len(dims) == 2
                 else cell_suppression.one_way_lines(len(counts)))
        hidden = cell_suppression.suppress(counts, lines, settings.min_cell_size)
        suppressed_cells += sum(hidden)
        released_counts[table] = counts
        protected = pd.DataFrame({"cell_no": range(len(counts)),
                                  "consultations": [None if h else c for c, h in zip(counts, hidden)],
                                  "suppressed": hidden}).astype({"consultations": "Int64"})
        con.register("protected_cells", protected)
        _run_sql(con, f"advertiser/{table}.sql")
        con.unregister("protected_cells")

    con.register("released_totals", _released_totals(con, released_counts["by_response_time"], per_query,
                                                     settings.dp_mechanism))
    _run_sql(con, "advertiser/totals.sql")
    con.unregister("released_totals")

    ledger = []
    if epsilon:
        ledger = (dp.append_to_ledger(context.dp_ledger, context.run_info["run_id"], epsilon, settings.dp_mechanism)
                  if context.dp_ledger else
                  [{"run_id": context.run_info["run_id"], "released_at": pd.Timestamp.utcnow().tz_localize(None),
                    "epsilon": epsilon, "mechanism": dp.mechanism_label(settings.dp_mechanism),
                    "cumulative_epsilon": epsilon}])
    con.register("ledger_entries", pd.DataFrame(ledger, columns=["run_id", "released_at", "epsilon", "mechanism",
                                                                 "cumulative_epsilon"]))
    _run_sql(con, "advertiser/dp_budget_ledger.sql")
    con.unregister("ledger_entries")
    return {
        "min_cell_size": settings.min_cell_size,
        "suppressed_cells": suppressed_cells,
        "complementary_suppression": "no line (1-D table, row or column) with exactly one suppressed cell "
                                     "or with suppressed cells adding up to less than min_cell_size; "
                                     "linear-programming audit: no suppressed small cell bounded below "
                                     "min_cell_size by the visible cells and line sums",
        "dp_epsilon": epsilon if epsilon else "off",
        "dp_mechanism": dp.mechanism_label(settings.dp_mechanism) if epsilon else "off",
        "dp_epsilon_per_query": per_query if per_query else "off",
        "dp_suppression_decided_on": "noisy counts" if epsilon else "true counts",
        "dp_cumulative_epsilon": ledger[-1]["cumulative_epsilon"] if ledger else "off",
    }


def _released_totals(con: duckdb.DuckDBPyConnection, response_counts: list[int], per_query: float | None,
                     mechanism: str) -> pd.DataFrame:
    """Totals: true values, or with DP a noisy total and shares/median post-processed from noisy bands."""
    if not per_query:
        return con.execute("SELECT * FROM true_totals").df()
    true_total = con.execute("SELECT consultations FROM true_totals").fetchone()[0]
    (total,) = dp.noisy_counts([int(true_total)], per_query, mechanism)
    bands = dict(zip(con.execute("SELECT response_band FROM cells_by_response_time").df()["response_band"],
                     response_counts))
    banded = sum(bands.values())
    answered = banded - bands["unanswered"]
    return pd.DataFrame({"consultations": [total],
                         "answered_share": [answered / banded if banded else None],
                         "median_response_hours": [_median_from_bands(bands)]})


def _median_from_bands(bands: dict[str, int]) -> float | None:
    """Median response hours interpolated within the response-time histogram of answered consultations."""
    answered = sum(n for band, n in bands.items() if band in RESPONSE_BAND_EDGES)
    if not answered:
        return None
    seen = 0
    for band, (low, high) in RESPONSE_BAND_EDGES.items():
        n = bands[band]
        if seen + n >= answered / 2 and n:
            return float(low) if high is None else low + (high - low) * (answered / 2 - seen) / n
        seen += n
    return None
