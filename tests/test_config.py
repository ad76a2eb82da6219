"""Settings: defaults < TOML < environment, and nothing unknown passes silently (issue #20).

Every key of every section, misspelt in the TOML file or in a CLINIC_ANON_* variable, is refused by
`clinic-anon run` with exit 2 and one line that names the misspelt key and the real one.
"""
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from anonymise.strict_config import ConfigError, StrictModel, load_toml, nearest, validate
from flows.cli import main
from flows.config import NOT_SETTINGS_ENV, Settings, load_settings

SECTIONS = {name: field.annotation for name, field in Settings.model_fields.items()
            if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)}
KEYS = [(section, key) for section, model in SECTIONS.items() for key in model.model_fields]


@pytest.fixture(autouse=True)
def no_clinic_anon_environment(monkeypatch):
    import os

    for name in list(os.environ):
        if name.startswith("CLINIC_ANON_"):
            monkeypatch.delenv(name)


def typo(key: str) -> str:
    """``key`` with one letter dropped from its middle (k_anonymity -> k_anonmity)."""
    i = len(key) // 2
    return key[:i] + key[i + 1:]


def run_cli(tmp_path, *args, env=None):
    return CliRunner().invoke(main, ["run", "--source", str(tmp_path), "--out", str(tmp_path / "out"),
                                     "--no-progress", *args], env=env)


def test_defaults_run_the_sample():
    s = load_settings()
    assert s.releases.k_anonymity == 5
    assert s.releases.min_cell_size == 10
    assert s.eligibility.retention_years == 5
    assert s.eligibility.min_age_record_level == 14
    assert s.anonymise.policy_file.exists()
    assert (s.output.release_dir_mode, s.output.release_file_mode) == (0o755, 0o644)


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


def test_every_section_is_strict():
    assert set(SECTIONS) >= {"source", "eligibility", "anonymise", "releases", "output"}
    for section, model in SECTIONS.items():
        assert issubclass(model, StrictModel), f"[{section}] would ignore unknown keys"
    for section, key in KEYS:
        assert nearest(typo(key), SECTIONS[section].model_fields) == key, (section, key)  # the typo is telling


@pytest.mark.parametrize(("section", "key"), KEYS)
def test_a_misspelt_key_in_the_toml_file_is_refused_in_one_line(tmp_path, section, key):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[{section}]\n{typo(key)} = 1\n")

    result = run_cli(tmp_path, "--config", str(cfg))

    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert f"unknown key {section}.{typo(key)} (did you mean {section}.{key}?)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("section", "key"), KEYS)
def test_a_misspelt_environment_variable_is_refused_in_one_line(tmp_path, section, key):
    name = f"CLINIC_ANON_{section.upper()}__{typo(key).upper()}"

    result = run_cli(tmp_path, env={name: "1"})

    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert f"unknown variable {name} (did you mean CLINIC_ANON_{section.upper()}__{key.upper()}?)" in result.output
    assert "=1" not in result.output  # values are never echoed: a misplaced one may be a secret


def test_the_issue_typos(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[releases]\nk_anonimity = 10\n")
    with pytest.raises(ConfigError, match=r"unknown key releases\.k_anonimity \(did you mean releases\.k_anonymity\?\)"):
        load_settings(cfg)
    monkeypatch.setenv("CLINIC_ANON_RELEASES__K_ANONIMITY", "10")
    with pytest.raises(ConfigError, match="did you mean CLINIC_ANON_RELEASES__K_ANONYMITY"):
        load_settings()


@pytest.mark.parametrize(("text", "expected"), [
    ("[releasez]\nk = 5\n", "unknown section releasez (did you mean releases?)"),
    ("as_off = 2026-01-01\n", "unknown key as_off (did you mean as_of?)"),
    ("[releases]\nk_anonymity = 1\n", "releases.k_anonymity: Input should be greater than or equal to 2"),
    ("[releases]\nmin_cell_size = 0\n", "releases.min_cell_size: Input should be greater than or equal to 1"),
    ("[releases]\nk_anonymity = -3\nmin_cell_size = 0\n", "greater than or equal to 2 (and 1 more problem)"),
    ("[releases]\ndp_mechanism = 'laplase'\n", "releases.dp_mechanism: Input should be 'laplace' or 'gaussian'"),
    ("[output]\nrelease_dir_mode = 0o777\n", "output.release_dir_mode: must be 0o755 or stricter"),
    ("[output]\nrelease_dir_mode = 755\n", "755 is a decimal number here: write the mode as 0o755"),
    ("[output]\nrelease_file_mode = 0o666\n", "output.release_file_mode: must be 0o644 or stricter"),
    ("[releases\n", "not valid TOML"),
])
def test_bad_values_and_sections_are_one_line_naming_the_key(tmp_path, text, expected):
    cfg = tmp_path / "c.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as error:
        load_settings(cfg)
    assert expected in str(error.value) and "\n" not in str(error.value)
    result = run_cli(tmp_path, "--config", str(cfg))
    assert result.exit_code == 2 and result.output.count("\n") == 1 and expected in result.output


def test_an_out_of_range_environment_value_names_its_variable(monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_RELEASES__K_ANONYMITY", "1")
    with pytest.raises(ConfigError, match=r"releases\.k_anonymity \(from CLINIC_ANON_RELEASES__K_ANONYMITY\): "
                                          "Input should be greater than or equal to 2"):
        load_settings()


def test_variables_of_the_prefix_that_are_not_settings_are_allowed(monkeypatch):
    for name in NOT_SETTINGS_ENV:
        monkeypatch.setenv(name, "ab" * 16)
    monkeypatch.setenv("CLINIC_ANON_ANONYMISE__KEY_ENV", "CLINIC_ANON_SITE_KEY")
    monkeypatch.setenv("CLINIC_ANON_SITE_KEY", "cd" * 16)  # a key variable of another name may share the prefix
    monkeypatch.setenv("CLINIC_ANON_OUTPUT__RELEASE_DIR_MODE", "750")  # an octal mode from the environment
    s = load_settings()
    assert s.anonymise.key_env == "CLINIC_ANON_SITE_KEY" and s.output.release_dir_mode == 0o750


def test_a_key_variable_named_in_the_file_may_share_the_prefix(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[anonymise]\nkey_env = "CLINIC_ANON_SITE_KEY"\n')
    monkeypatch.setenv("CLINIC_ANON_SITE_KEY", "cd" * 16)
    assert load_settings(cfg).anonymise.key_env == "CLINIC_ANON_SITE_KEY"
    with pytest.raises(ConfigError, match="unknown variable CLINIC_ANON_SITE_KEY"):
        load_settings()  # without that file it is just an unknown variable


def test_a_whole_section_from_the_environment_is_checked_too(monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_RELEASES", '{"k_anonimity": 3}')
    with pytest.raises(ConfigError, match=r"unknown key releases\.k_anonimity \(did you mean releases\.k_anonymity\?\)"):
        load_settings()


def test_example_config_is_valid_and_equals_the_defaults():
    example = Path(__file__).resolve().parent.parent / "clinic-anon.example.toml"
    assert load_settings(example) == load_settings()


class Mapping(StrictModel):
    """A stand-in for another configuration file read through the same helper."""

    class Column(StrictModel):
        source: str
        target: str

    table: str
    columns: list[Column] = []


def test_the_strict_helper_serves_any_configuration_file(tmp_path):
    path = tmp_path / "mapping.toml"
    path.write_text('table = "board"\n[[columns]]\nsource = "wr_name"\ntarjet = "name"\n')
    with pytest.raises(ConfigError) as error:
        load_toml(path, Mapping, "mapping board.toml")
    assert str(error.value) == ("mapping board.toml: unknown key columns.0.tarjet (did you mean columns.0.target?) "
                                "(and 1 more problem)")
    assert validate(Mapping, {"table": "board"}, "mapping").table == "board"
