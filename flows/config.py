"""The one typed place for configuration: defaults < TOML file < CLINIC_ANON_* environment.

Every knob of the pipeline lives here so a data steward can review a run's settings in one file.
Nested sections map to TOML tables (``[eligibility]``, ``[releases]`` ...) and to environment
variables with a double underscore, e.g. ``CLINIC_ANON_RELEASES__K_ANONYMITY=10``.

Nothing unknown passes silently: a key no section declares, a ``CLINIC_ANON_*`` variable that
names no setting, or a value out of range is a ``ConfigError`` of one line naming the key and the
nearest valid name (anonymise/strict_config.py). A new setting is a field in its section; done.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from pydantic import AwareDatetime, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, TomlConfigSettingsSource

from anonymise.settings import AnonymiseSettings
from anonymise.strict_config import ConfigError, StrictModel, one_line, read_toml, unknown_environment
from reports.settings import ReleaseSettings

ENV_PREFIX = "CLINIC_ANON_"
# CLINIC_ANON_* variables that are not settings: the default pseudonym key variable
# (anonymise.key_env) and the CLI's switch for its worker processes (flows/log_redaction.py).
NOT_SETTINGS_ENV = ("CLINIC_ANON_KEY", "CLINIC_ANON_QUIET_CONSOLE")


class SourceSettings(StrictModel):
    csv_encoding: str | None = Field(None, description="Force a CSV encoding (utf-8, cp949, euc-kr); detected when unset")
    chunk_rows: int = Field(10_000, gt=0, description="Rows read per chunk; memory is bounded by this, not the source size")
    text_max_chars: int = Field(20_000, gt=0, description="Longer title/question/answer text is quarantined")
    timezone: str = Field("Asia/Seoul", description="Zone assumed for timestamps without one")
    mapping: Path | None = Field(None, description="Board mapping (TOML, see mappings/) for a mysql:// source or a "
                                 "folder holding a board's CSV dump; unset: the contract's members/consultations")
    mysql_option_file: Path | None = Field(None, description="MySQL option file with the [client] password; "
                                           "default ~/.my.cnf (MYSQL_PWD in the environment wins)")


class EligibilitySettings(StrictModel):
    retention_years: int = Field(5, ge=0, description="Consultations older than this (from created_at) are due for destruction")
    min_age_record_level: int = Field(14, ge=0, description="People younger than this never appear in record-level releases")


class LifecycleSettings(StrictModel):
    keep_releases: int = Field(3, ge=1, description="Promoted releases kept under OUT/release, newest first; older "
                               "ones are removed at the end of each promoted run (flows/retention.py)")
    quarantine_max_age_days: int = Field(30, ge=0, description="Quarantine files (OUT/private/quarantine) are removed "
                                         "this many days after their run")
    scratch_max_age_days: int = Field(30, ge=0, description="Run folders (OUT/private/runs: blocked and failed builds, "
                                      "leak reports) are removed this many days after their run")
    access_log_max_age_months: int = Field(3, ge=0, le=3, description="IP addresses of consultations created longer ago "
                                           "than this before as-of are never stored; the terms allow 3 months at most")
    now: AwareDatetime | None = Field(None, description="The run's clock for run ids and expiry; default the "
                                      "system clock. Set it only to replay or test a run")


class OutputSettings(StrictModel):
    """Modes of what a run publishes under OUT/release (the private area is always 700/600)."""

    release_dir_mode: int = Field(0o755, description="Mode of OUT, OUT/release and each release folder "
                                  "(0o755 or stricter, e.g. 0o750 for one group)")
    release_file_mode: int = Field(0o644, description="Mode of every file in a release (0o644 or stricter)")

    @field_validator("release_dir_mode", "release_file_mode", mode="before")
    @classmethod
    def _octal(cls, value):
        """0o755 (TOML), "755" or "0o755" (environment) as an int."""
        if isinstance(value, str):
            try:
                return int(value.strip().lower().removeprefix("0o"), 8)
            except ValueError:
                raise ValueError("must be an octal mode such as 0o755") from None
        if isinstance(value, int) and value > 0o777 and set(str(value)) <= set("01234567"):
            raise ValueError(f"{value} is a decimal number here: write the mode as 0o{value}")
        return value

    @field_validator("release_dir_mode")
    @classmethod
    def _dir_mode(cls, mode: int) -> int:
        # Never writable by others (they could repoint `latest`); the owner must be able to work in it.
        if mode & ~0o755 or mode & 0o700 != 0o700:
            raise ValueError("must be 0o755 or stricter and keep 0o700 for the owner (e.g. 0o750)")
        return mode

    @field_validator("release_file_mode")
    @classmethod
    def _file_mode(cls, mode: int) -> int:
        if mode & ~0o644 or mode & 0o600 != 0o600:
            raise ValueError("must be 0o644 or stricter and keep 0o600 for the owner (e.g. 0o640)")
        return mode


class GateSettings(StrictModel):
    withhold_max_share: float = Field(0.01, ge=0, le=1, description="Highest share of the run's records the leak "
                                      "gate may withhold (findings tied to one record); more blocks the run")
    withhold_rounds: int = Field(3, ge=0, description="Times the releases are rebuilt without withheld records and "
                                 "checked again before the run blocks")
    review_sample_size: int = Field(50, ge=0, description="Anonymised records drawn at random for the steward's "
                                    "review page (private area); 0 = none")
    presidio_rescan: bool = Field(False, description="Also re-run the anonymiser's Presidio analyzer on cells with "
                                  "long digit runs or '@' (loads spaCy and Presidio into the check)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid")

    as_of: date | None = Field(None, description="Reference date for retention and ages; default today (Asia/Seoul)")
    source: SourceSettings = SourceSettings()
    eligibility: EligibilitySettings = EligibilitySettings()
    anonymise: AnonymiseSettings = AnonymiseSettings()
    releases: ReleaseSettings = ReleaseSettings()
    lifecycle: LifecycleSettings = LifecycleSettings()
    output: OutputSettings = OutputSettings()
    gate: GateSettings = GateSettings()


def load_settings(config_file: Path | None = None, **overrides) -> Settings:
    """Settings from defaults, then the TOML file, then CLINIC_ANON_* variables, then explicit overrides.

    Raises ConfigError (one line) for an unknown key or variable and for a value out of range.
    """
    # A syntax error in one line, before pydantic-settings reads the file.
    toml = read_toml(config_file, f"configuration {config_file}") if config_file is not None else {}
    # A key variable of another name (anonymise.key_env) may share the prefix.
    key_envs = {os.environ.get(f"{ENV_PREFIX}ANONYMISE__KEY_ENV"), (toml.get("anonymise") or {}).get("key_env")}
    unknown_environment(ENV_PREFIX, Settings, os.environ, {*NOT_SETTINGS_ENV, *(k for k in key_envs if isinstance(k, str))})

    class _Loaded(Settings):
        model_config = SettingsConfigDict(toml_file=config_file)

        @classmethod
        def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                       file_secret_settings):
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    where = f"configuration {config_file}" if config_file else "configuration"
    try:
        loaded = _Loaded(**{k: v for k, v in overrides.items() if v is not None})
        return Settings.model_validate(loaded.model_dump())
    except ValidationError as exc:
        raise ConfigError(one_line(exc, Settings, where, _spell_with_variable)) from None


def _spell_with_variable(loc: tuple) -> str:
    """``releases.k_anonymity``, naming the variable too when the environment set it."""
    dotted = ".".join(str(p) for p in loc)
    variable = ENV_PREFIX + "__".join(str(p) for p in loc).upper()
    set_names = {name.upper() for name in os.environ}
    return f"{dotted} (from {variable})" if variable in set_names and loc else dotted
