from datetime import date

import pytest
from pydantic import ValidationError

from flows.config import load_settings


def test_defaults_run_the_sample():
    s = load_settings()
    assert s.releases.k_anonymity == 5
    assert s.releases.min_cell_size == 10
    assert s.eligibility.retention_years == 5
    assert s.eligibility.min_age_record_level == 14
    assert s.anonymise.policy_file.exists()


def test_toml_then_environment_then_overrides(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[releases]\nk_anonymity = 7\nmin_cell_size = 20\n[eligibility]\nretention_years = 3\n')
    s = load_settings(cfg)
    assert (s.releases.k_anonymity, s.releases.min_cell_size, s.eligibility.retention_years) == (7, 20, 3)
    monkeypatch.setenv("CLINIC_ANON_RELEASES__K_ANONYMITY", "11")
    s = load_settings(cfg, as_of=date(2026, 1, 2))
    assert s.releases.k_anonymity == 11          # environment beats the file
    assert s.releases.min_cell_size == 20        # file value kept for keys the environment does not set
    assert s.as_of == date(2026, 1, 2)


def test_unknown_keys_and_bad_values_are_rejected(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[releases]\nk_anonymity = 1\n')
    with pytest.raises(ValidationError):
        load_settings(cfg)
    cfg.write_text('[releasez]\nk = 5\n')
    with pytest.raises(ValidationError):
        load_settings(cfg)


def test_example_config_is_valid_and_equals_the_defaults():
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "clinic-anon.example.toml"
    assert load_settings(example) == load_settings()
