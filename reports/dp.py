"""Optional differential privacy for the advertiser counts (OpenDP), and the ε budget ledger.

Unit of privacy: one consultation (adding or removing one changes one cell of each table by 1,
so L1 and L2 sensitivity are 1). The run's ε is split evenly over the noisy queries (sequential
composition). Noise is added before suppression and suppression is decided on the noisy
counts: deciding on true counts would make the suppression pattern itself leak. Everything
derived from noisy counts afterwards (shares, medians, sums) is post-processing and free.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import opendp.prelude as dp

dp.enable_features("contrib")

GAUSSIAN_DELTA = 1e-6  # per query; the gaussian mechanism gives (ε, δ)-DP


def mechanism_label(mechanism: str) -> str:
    return f"gaussian (delta={GAUSSIAN_DELTA:g} per query)" if mechanism == "gaussian" else "laplace"


def _laplace(scale: float) -> dp.Measurement:
    return dp.m.make_laplace(dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int), scale=scale)


def _gaussian(scale: float) -> dp.Measurement:
    return dp.c.make_zCDP_to_approxDP(
        dp.m.make_gaussian(dp.vector_domain(dp.atom_domain(T=int)), dp.l2_distance(T=int), scale=scale))


@cache
def noise_scale(epsilon: float, mechanism: str) -> float:
    """Smallest noise scale giving ``epsilon`` for one count query of sensitivity 1."""
    if mechanism == "gaussian":
        def private_enough(scale: float) -> bool:
            try:
                return _gaussian(scale).map(1).epsilon(GAUSSIAN_DELTA) <= epsilon
            except dp.OpenDPException:  # ε overflows for tiny scales: certainly not private enough
                return False
        return dp.binary_search(private_enough, bounds=(1e-3, 1e6))
    return dp.binary_search_param(_laplace, d_in=1, d_out=epsilon)


def noisy_counts(counts: Sequence[int], epsilon: float, mechanism: str) -> list[int]:
    """``counts`` with OpenDP noise worth ``epsilon``, clamped at 0 (post-processing)."""
    if not counts:
        return []
    scale = noise_scale(epsilon, mechanism)
    release = (_gaussian if mechanism == "gaussian" else _laplace)(scale)
    return [max(0, int(v)) for v in release([int(c) for c in counts])]


def read_ledger(ledger: Path) -> list[dict]:
    return json.loads(ledger.read_text()) if ledger.exists() else []


def append_to_ledger(ledger: Path, run_id: str, epsilon: float, mechanism: str) -> list[dict]:
    """Add this release's ε to the private ledger (written atomically, mode 600); all entries.

    Every build that draws noise is recorded, even one that is later not promoted: spending is
    counted when noise is drawn, which can only overstate the budget used.
    """
    entries = read_ledger(ledger)
    cumulative = (entries[-1]["cumulative_epsilon"] if entries else 0.0) + epsilon
    entries.append({"run_id": run_id, "released_at": datetime.now(timezone.utc).replace(tzinfo=None).isoformat(),
                    "epsilon": epsilon, "mechanism": mechanism_label(mechanism), "cumulative_epsilon": cumulative})
    ledger.parent.mkdir(parents=True, exist_ok=True)
    tmp = ledger.with_name(ledger.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(entries, f, indent=1)
    os.replace(tmp, ledger)
    return entries
