"""The one typed place for configuration: defaults < TOML file < CLINIC_ANON_* environment.

Every knob of the pipeline lives here so a data steward can review a run's settings in one file.
Nested sections map to TOML tables (``[eligibility]``, ``[releases]`` ...) and to environment
variables with a double underscore, e.g. ``CLINIC_ANON_RELEASES__K_ANONYMITY=10``.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict, TomlConfigSettingsSource

DEFAULT_POLICY = Path(__file__).resolve().parent.parent / "anonymise" / "policy.toml"


class SourceSettings(BaseModel):
    csv_encoding: str | None = Field(None, description="Force a CSV encoding (utf-8, cp949, euc-kr); detected when unset")
    chunk_rows: int = Field(10_000, gt=0, description="Rows read per chunk; memory is bounded by this, not the source size")
    text_max_chars: int = Field(20_000, gt=0, description="Longer title/question/answer text is quarantined")
    timezone: str = Field("Asia/Seoul", description="Zone assumed for timestamps without one")


class EligibilitySettings(BaseModel):
    retention_years: int = Field(5, ge=0, description="Consultations older than this (from created_at) are due for destruction")
    min_age_record_level: int = Field(14, ge=0, description="People younger than this never appear in record-level releases")


class AnonymiseSettings(BaseModel):
    policy_file: Path = Field(DEFAULT_POLICY, description="Per-column field policy (TOML)")
    score_threshold: float = Field(0.5, ge=0, le=1, description="Presidio findings below this score are ignored")
    key_env: str = Field("CLINIC_ANON_KEY", description="Environment variable holding the pseudonym key (hex)")
    key_file: Path | None = Field(None, description="Pseudonym key file; default OUT/private/keys/pseudonym.key")
    chunk_records: int = Field(2_000, gt=0, description="Records per anonymisation chunk (unit of retry and resume)")
    workers: int = Field(0, ge=0, description="Processes for anonymisation; 0 = one per core")


class ReleaseSettings(BaseModel):
    k_anonymity: int = Field(5, ge=2, description="k for the academic release's quasi-identifiers")
    k_max_suppression: float = Field(0.05, ge=0, le=1, description="Highest share of academic rows the generalisation "
                                     "search may suppress: more would bias the research sample more than coarser cells do")
    min_cell_size: int = Field(10, ge=1, description="Advertiser cells below this are suppressed")
    dp_epsilon: float | None = Field(None, gt=0, description="Differential-privacy epsilon for advertiser counts; off when unset")
    dp_mechanism: Literal["laplace", "gaussian"] = "laplace"
    same_pseudonyms_across_releases: bool = Field(False, description="Use one pseudonym space for all releases")
    faq_similarity: float = Field(0.5, gt=0, le=1, description="Cosine similarity at which two questions are one FAQ")


class GateSettings(BaseModel):
    withhold_max_share: float = Field(0.01, ge=0, le=1, description="Highest share of the run's records the leak "
                                      "gate may withhold (findings tied to one record); more blocks the run")
    withhold_rounds: int = Field(3, ge=0, description="Times the releases are rebuilt without withheld records and "
                                 "checked again before the run blocks")
    review_sample_size: int = Field(50, ge=0, description="Anonymised records drawn at random for the steward's "
                                    "review page (private area); 0 = none")
    presidio_rescan: bool = Field(False, description="Also re-run the anonymiser's Presidio analyzer on cells with "
                                  "long digit runs or '@' (loads spaCy and Presidio into the check)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLINIC_ANON_", env_nested_delimiter="__", extra="forbid")

    as_of: date | None = Field(None, description="Reference date for retention and ages; default today (Asia/Seoul)")
    source: SourceSettings = SourceSettings()
    eligibility: EligibilitySettings = EligibilitySettings()
    anonymise: AnonymiseSettings = AnonymiseSettings()
    releases: ReleaseSettings = ReleaseSettings()
    gate: GateSettings = GateSettings()


def load_settings(config_file: Path | None = None, **overrides) -> Settings:
    """Settings from defaults, then the TOML file, then CLINIC_ANON_* variables, then explicit overrides."""

    class _Loaded(Settings):
        model_config = SettingsConfigDict(toml_file=config_file)

        @classmethod
        def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                       file_secret_settings):
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    loaded = _Loaded(**{k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(loaded.model_dump())
