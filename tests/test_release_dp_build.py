"""The advertiser release with differential privacy on: noisy counts, suppression, budget ledger."""
import duckdb
from release_fixtures import write_anonymised_staging

from reports.settings import ReleaseSettings
from reports.build import build_releases

KEY = bytes(range(32))


def test_dp_release_draws_fresh_noise_and_records_its_budget(tmp_path):
    staging = write_anonymised_staging(tmp_path / "anonymised", n=600, seed=3, parts=1)
    settings = ReleaseSettings(dp_epsilon=0.5, dp_mechanism="laplace")
    ledger = tmp_path / "private" / "dp_ledger.json"
    published = []
    for run in ("run-1", "run-2"):
        summaries = build_releases(staging, tmp_path / run, settings, KEY,
                                   {"run_id": run, "as_of": "2026-11-01", "policy_hash": "p"}, dp_ledger=ledger)
        with duckdb.connect(str(summaries["advertiser"].path), read_only=True) as con:
            published.append(con.execute("""
                SELECT consultations, suppressed FROM by_month_area UNION ALL
                SELECT consultations, suppressed FROM by_age_sex UNION ALL
                SELECT consultations, suppressed FROM by_region UNION ALL
                SELECT consultations, suppressed FROM by_channel""").fetchall())
    true_total = duckdb.sql(f"SELECT count(*) FROM '{staging}/*.parquet'").fetchone()[0]
    with duckdb.connect(str(summaries["advertiser"].path), read_only=True) as con:
        entries = con.execute("SELECT run_id, epsilon, cumulative_epsilon FROM dp_budget_ledger").fetchall()
        info = dict(con.execute("SELECT key, value FROM release_info").fetchall())
        total = con.execute("SELECT value FROM totals WHERE measure = 'consultations'").fetchone()[0]
    assert entries == [("run-1", 0.5, 0.5), ("run-2", 0.5, 1.0)]
    assert info["dp_epsilon"] == "0.5" and info["dp_mechanism"] == "laplace"
    assert info["dp_suppression_decided_on"] == "noisy counts" and info["dp_cumulative_epsilon"] == "1.0"
    for cells in published:
        assert all(hidden or n >= settings.min_cell_size for n, hidden in cells)
    assert published[0] != published[1]  # each run draws its own noise
    assert abs(total - true_total) < 150  # Laplace scale 12 (ε/6 per query)
