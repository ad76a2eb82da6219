"""The release builders' own settings section (``[releases]``): what ``build_releases`` takes.

flows/config.py loads it from TOML and CLINIC_ANON_RELEASES__* variables; tests and notebooks
make one with plain keyword arguments.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from anonymise.strict_config import StrictModel


class RiskSettings(StrictModel):
    """Limits on the academic release's re-identification risk per person (reports/reidentification_risk.py).
    A release above any of them is not built: the run stops and the previous release stays."""
    record_threshold: float = Field(0.1, gt=0, le=1, description="A person-class is 'at risk' when its "
                                    "re-identification probability is above this (ARX's threshold)")
    max_highest: float | None = Field(None, gt=0, le=1, description="Highest prosecutor risk allowed; unset: 1/k "
                                      "(what k-anonymity over persons promises)")
    max_average: float | None = Field(None, gt=0, le=1, description="Average prosecutor risk allowed; unset: 1/k. "
                                      "Tighten it for a real release (the bundled sample measures 0.036, 100k generated "
                                      "consultations 0.032, a 60-consultation test source 0.14)")
    max_at_risk: float = Field(1.0, ge=0, le=1, description="Share of person-classes above record_threshold allowed")
    min_l_diversity: int = Field(1, ge=1, description="Fewest distinct interested_area values a class of the other "
                                 "quasi-identifiers may have")


class ReleaseSettings(StrictModel):
    k_anonymity: int = Field(5, ge=2, description="k for the academic release's quasi-identifiers")
    k_max_suppression: float = Field(0.05, ge=0, le=1, description="Highest share of academic rows the generalisation "
                                     "search may suppress: more would bias the research sample more than coarser cells do")
    min_cell_size: int = Field(10, ge=1, description="Advertiser cells below this are suppressed")
    dp_epsilon: float | None = Field(None, gt=0, description="Differential-privacy epsilon for advertiser counts; off when unset")
    dp_mechanism: Literal["laplace", "gaussian"] = "laplace"
    same_pseudonyms_across_releases: bool = Field(False, description="Use one pseudonym space for all releases")
    faq_similarity: float = Field(0.5, gt=0, le=1, description="Cosine similarity at which two questions are one FAQ")
    risk: RiskSettings = RiskSettings()
