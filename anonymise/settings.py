"""The anonymiser's own settings section: what ``Redactor`` and ``redact_file`` take.

Plain defaults, no file and no environment: ``AnonymiseSettings()`` is what a notebook gets.
flows/config.py loads the same section from TOML and CLINIC_ANON_ANONYMISE__* variables.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from anonymise.policy import DEFAULT_POLICY_FILE
from anonymise.strict_config import StrictModel


class AnonymiseSettings(StrictModel):
    policy_file: Path = Field(DEFAULT_POLICY_FILE, description="Per-column field policy (TOML)")
    score_threshold: float = Field(0.5, ge=0, le=1, description="Presidio findings below this score are ignored")
    key_env: str = Field("CLINIC_ANON_KEY", description="Environment variable holding the pseudonym key (hex)")
    key_file: Path | None = Field(None, description="Pseudonym key file; default OUT/private/keys/pseudonym.key")
    chunk_records: int = Field(2_000, gt=0, description="Records per anonymisation chunk (unit of retry and resume)")
    workers: int = Field(0, ge=0, description="Processes for anonymisation; 0 = one per core")
