"""The run manifest round-trips through manifest.json, and manifest.md shows the numbers an auditor asks for."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from reports.manifest import RunManifest, read_manifest, write_manifest

MANIFEST = {
    "run_id": "20261122T061500Z-ab12cd", "as_of": "2026-11-22", "started_at": "2026-11-22T06:15:00+00:00",
    "finished_at": "2026-11-22T06:19:30+00:00", "status": "blocked",
    "source": {"kind": "files", "description": "files in /data/clinic", "fingerprint": "f" * 64},
    "policy_hash": "a" * 64, "key_fingerprint": "0123456789ab",
    "settings": {"releases": {"k_anonymity": 5, "min_cell_size": 10}},
    "versions": {"clinic-anon": "0.1.0", "python": "3.11.7", "duckdb": "1.5.5"},
    "counts": {
        "read": {"members": 4321, "consultations": 98765}, "accepted": {"members": 4300, "consultations": 98000},
        "quarantined": {"members": {"bad_date": 21}, "consultations": {"too_long": 700, "nul_byte": 65}},
        "unknown_columns": {"fax_number": 12},
        "excluded": {"deleted": 310, "withdrawn": 205, "unknown_member": 3, "retention_expired": 1402},
        "due_for_destruction": 1402, "aggregate_only": {"under_14": 17}, "eligible": 96063, "anonymised": 96063,
        "staged": 96063,  # a stage may add counts the model does not name
    },
    "pii_removed": {"PERSON": 51234, "PHONE": 20111},
    "releases": {
        "academic": {"file": "academic.duckdb", "bytes": 12345678, "tables": {"consultations": 95000},
                     "info": {"k_target": "5", "k_achieved": "7", "suppression_rate": "0.0123"}},
        "advertiser": {"file": "advertiser.duckdb", "bytes": 40960, "tables": {"by_channel": 7},
                       "info": {"min_cell_size": "10", "suppressed_cells": "4", "dp_epsilon": "off"}},
    },
    "check": {"passed": False, "seconds": 42.5, "findings_by_kind": {"source:phone": 1},
              "findings": [{"kind": "source:phone", "release": "academic", "table": "consultations",
                            "column": "question", "row_id": "9f2c", "masked": "010-****-5678",
                            "severity": "block"}],
              "canary": {"planted": 7, "caught": 7, "passed": True}},
    "timings": {"ingest": 3.2, "eligibility": 0.4, "anonymise": 120.0, "build": 8.1, "check": 42.5, "promote": 0.0},
}


def test_manifest_round_trips(tmp_path):
    manifest = RunManifest.model_validate(MANIFEST)
    json_path, md_path = write_manifest(tmp_path, manifest)
    assert (json_path.name, md_path.name) == ("manifest.json", "manifest.md")
    assert read_manifest(tmp_path) == manifest
    assert json.loads(json_path.read_text())["counts"]["staged"] == 96063
    assert not list(tmp_path.glob(".*.tmp"))


def test_manifest_md_holds_the_key_numbers(tmp_path):
    _, md_path = write_manifest(tmp_path, RunManifest.model_validate(MANIFEST))
    md = md_path.read_text()
    for expected in ["20261122T061500Z-ab12cd", "BLOCKED", "98,765", "| consultations | too_long | 700 |",
                     "| retention_expired | 1,402 |", "| aggregate only (under 14) | 17 |", "96,063", "| PERSON | 51,234 |",
                     "12,345,678 bytes", "| k_achieved | 7 |", "| dp_epsilon | off |", "7/7 caught",
                     "| source:phone | 1 |", "010-****-5678", "| check | 42.5 |", "0123456789ab", "f" * 64,
                     "\"k_anonymity\": 5"]:
        assert expected in md, expected


def test_manifest_rejects_an_unknown_status():
    with pytest.raises(ValidationError):
        RunManifest.model_validate({**MANIFEST, "status": "maybe"})
