"""Differential privacy of the advertiser counts (OpenDP) and the ε budget ledger."""
import json
import statistics

import pytest

from reports.dp import append_to_ledger, noise_scale, noisy_counts


def test_laplace_scale_is_sensitivity_over_epsilon():
    assert noise_scale(0.5, "laplace") == pytest.approx(2.0, rel=1e-3)
    assert noise_scale(0.5, "gaussian") > noise_scale(1.0, "gaussian") > 0


@pytest.mark.parametrize("mechanism", ["laplace", "gaussian"])
def test_noise_is_unbiased_and_counts_stay_non_negative(mechanism):
    noisy = noisy_counts([100] * 400, 1.0, mechanism)
    assert noisy != [100] * 400
    assert abs(statistics.mean(noisy) - 100) < 1.0
    assert min(noisy_counts([0] * 200, 0.5, mechanism)) == 0


def test_ledger_accumulates_epsilon_across_runs(tmp_path):
    ledger = tmp_path / "private" / "dp_ledger.json"
    append_to_ledger(ledger, "run-1", 0.5, "laplace")
    entries = append_to_ledger(ledger, "run-2", 0.25, "gaussian")
    assert [e["run_id"] for e in entries] == ["run-1", "run-2"]
    assert entries[-1]["cumulative_epsilon"] == pytest.approx(0.75)
    assert json.loads(ledger.read_text()) == entries
    assert ledger.stat().st_mode & 0o077 == 0
