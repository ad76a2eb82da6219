"""What the gate needs to know about a run, as plain values: the gate reads no settings file.

``flows`` builds one from its settings (``flows.gate_stage.check_settings``); a notebook makes
one directly, e.g. ``CheckSettings(k_anonymity=5, min_cell_size=10)``.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckSettings:
    k_anonymity: int = 5            # academic groups over the quasi-identifiers must hold at least k rows
    min_cell_size: int = 10         # advertiser counts below this must be suppressed
    # The anonymiser's own Presidio analyzer re-run on cells with a long digit run or an '@'. Off by
    # default: the gate's identifier validators and released-text rule cover those cells with code
    # of their own, and the re-scan loads spaCy and Presidio into the checking process.
    presidio_rescan: bool = False
    score_threshold: float = 0.5    # the re-scan's Presidio threshold
