"""The leak gate: checks the finished release files with code of its own and decides what may leave.

Imports nothing from ``flows``, and neither spaCy nor Presidio unless the optional re-scan is on:

    from anonymise.gate import CheckSettings, check_release, snapshot_needles
    report = check_release(release_dir, snapshot_needles(accepted_dir), key, CheckSettings(k_anonymity=5))

Modules: ``needles`` (the source's personal values), ``snapshot`` (needles from the accepted
Parquet), ``identifiers`` (validators for identifiers in any text), ``released_text`` (the rule
every released word must pass), ``scan`` (the check), ``withhold`` (findings -> records),
``canary`` (the self-test), ``masking`` (findings show masked values only).
"""
from anonymise.gate.canary import CanaryResult, canary_self_test
from anonymise.gate.findings import CheckReport, Finding
from anonymise.gate.needles import build_needles
from anonymise.gate.scan import check_release
from anonymise.gate.settings import CheckSettings
from anonymise.gate.snapshot import snapshot_needles
from anonymise.gate.withhold import Withholding, tie_findings

__all__ = ["CanaryResult", "CheckReport", "CheckSettings", "Finding", "Withholding", "build_needles", "canary_self_test",
           "check_release", "snapshot_needles", "tie_findings"]
