"""All four releases from a 100,000-consultation synthetic staging set (slow: ~30-60 s on 2 cores)."""
import duckdb
import pytest
from release_fixtures import write_anonymised_staging

from reports.settings import ReleaseSettings
from reports.build import build_releases

pytestmark = pytest.mark.slow


def test_releases_at_100k(tmp_path):
    staging = write_anonymised_staging(tmp_path / "anonymised", n=100_000, seed=5, parts=4)
    settings = ReleaseSettings()
    summaries = build_releases(staging, tmp_path / "release", settings, bytes(range(32)),
                               {"run_id": "scale", "as_of": "2026-11-01", "policy_hash": "p"})
    with duckdb.connect(str(summaries["academic"].path), read_only=True) as con:
        smallest = con.execute("""SELECT min(n) FROM (SELECT count(*) AS n FROM consultations
                                  GROUP BY age_band, sex, region, interested_area, month)""").fetchone()[0]
        research = con.execute("""SELECT interested_area, age_band, median(response_hours)
                                  FROM consultations GROUP BY ALL""").fetchall()
        info = dict(con.execute("SELECT key, value FROM release_info").fetchall())
    assert smallest >= settings.k_anonymity and research
    assert float(info["suppression_rate"]) <= 0.05
    assert info["level.month"] != "*" and info["level.region"] != "*"  # enough data to keep time and place
    with duckdb.connect(str(summaries["advertiser"].path), read_only=True) as con:
        eyes = con.execute("""SELECT month, consultations FROM by_month_area
                              WHERE interested_area = 'eyes' ORDER BY month""").fetchall()
        small_visible = con.execute("""
            SELECT count(*) FROM (
                SELECT consultations, suppressed FROM by_month_area UNION ALL SELECT consultations, suppressed FROM by_age_sex
                UNION ALL SELECT consultations, suppressed FROM by_region UNION ALL SELECT consultations, suppressed FROM by_channel
                UNION ALL SELECT consultations, suppressed FROM by_response_time)
            WHERE NOT suppressed AND consultations < ?""", [settings.min_cell_size]).fetchone()[0]
    assert len(eyes) >= 48 and all(n is not None for _, n in eyes)
    assert small_visible == 0
    assert summaries["faq"].tables["faq_entries"] > 0 and summaries["publishing"].tables["cases"] > 50_000
