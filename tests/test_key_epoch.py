"""Key epochs: OUT refuses a key it was not built with; `key rotate` starts a new epoch and rebuilds staging."""
from __future__ import annotations

import json
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymise.keys import key_fingerprint
from flows.cli import main
from flows.config import Settings
from flows.key_epoch import KeyMismatch, history, key_for_run, read_epoch, rotate
from flows.workarea import WorkArea

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 12, 1, 1, 0, tzinfo=timezone.utc)
KEY_A, KEY_B = "5e" * 32, "a7" * 32
SAMPLE = Path(__file__).resolve().parent.parent / "data_samples" / "sample"


@pytest.fixture
def work(tmp_path, monkeypatch) -> WorkArea:
    monkeypatch.delenv("CLINIC_ANON_KEY", raising=False)
    return WorkArea(tmp_path / "out").ensure()


def fill_staging(work: WorkArea) -> list[Path]:
    files = [work.anonymised / "current.parquet", work.staging / "pending" / "abc.parquet",
             work.accepted / "members.parquet", work.eligible / "consultations.parquet"]
    for f in files:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"staging")
    work.watermark.write_text(json.dumps({"run_id": "r", "updated_until": "2026-01-01T00:00:00+00:00",
                                          "policy_hash": "p", "key_fingerprint": "f"}))
    return files


def test_the_first_run_records_epoch_1_and_the_same_key_passes_again(work):
    key, epoch = key_for_run(work, Settings(), NOW)
    assert (epoch.epoch, epoch.key_fingerprint, epoch.since) == (1, key_fingerprint(key), "2026-11-23T01:00:00+00:00")
    assert key_for_run(work, Settings(), LATER) == (key, epoch)
    recorded = (work.keys / "epoch.json").read_text()
    assert key.hex() not in recorded and stat.S_IMODE((work.keys / "epoch.json").stat().st_mode) == 0o600


def test_a_different_key_is_refused_with_fingerprints_only(work, monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_A)
    key_for_run(work, Settings(), NOW)
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_B)
    with pytest.raises(KeyMismatch) as refused:
        key_for_run(work, Settings(), LATER)
    message = str(refused.value)
    assert key_fingerprint(bytes.fromhex(KEY_A)) in message and key_fingerprint(bytes.fromhex(KEY_B)) in message
    assert KEY_A not in message and KEY_B not in message and "key rotate" in message


def test_a_lost_key_file_is_refused_and_not_replaced_by_a_new_one(work):
    key_for_run(work, Settings(), NOW)
    work.key_file.unlink()
    with pytest.raises(KeyMismatch, match="is missing"):
        key_for_run(work, Settings(), LATER)
    assert not work.key_file.exists()


def test_an_out_from_before_epochs_takes_its_watermark_key_as_epoch_1(work, monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_A)
    work.watermark.write_text(json.dumps({"run_id": "r", "updated_until": "2026-01-01T00:00:00+00:00",
                                          "policy_hash": "p", "key_fingerprint": key_fingerprint(bytes.fromhex(KEY_B))}))
    with pytest.raises(KeyMismatch):
        key_for_run(work, Settings(), NOW)
    assert not (work.keys / "epoch.json").exists()
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_B)
    _, epoch = key_for_run(work, Settings(), NOW)
    assert epoch.epoch == 1 and read_epoch(work) == epoch and (work.keys / "epoch.json").exists()


def test_rotating_a_key_file_writes_a_new_key_and_discards_staging(work):
    old_key, _ = key_for_run(work, Settings(), NOW)
    staging = fill_staging(work)
    result = rotate(work, Settings(), LATER)
    new_key = bytes.fromhex(work.key_file.read_text())
    assert new_key != old_key and len(new_key) == 32
    assert stat.S_IMODE(work.key_file.stat().st_mode) == 0o600
    assert not any(f.exists() for f in staging) and not work.watermark.exists()
    assert sorted(result.discarded) == sorted([str(f.relative_to(work.out)) for f in staging] + ["private/watermark.json"])
    assert (result.previous.epoch, result.current.epoch) == (1, 2)
    assert result.current.key_fingerprint == key_fingerprint(new_key)
    assert key_for_run(work, Settings(), LATER) == (new_key, result.current)
    assert [e["epoch"] for e in history(work)] == [1, 2] and history(work)[0]["until"] == result.current.since
    assert not list(work.keys.glob(".*"))  # no temporary key file left behind


def test_rotating_an_environment_key_adopts_the_new_value_only(work, monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_A)
    key_for_run(work, Settings(), NOW)
    with pytest.raises(KeyMismatch, match="still holds the key of epoch 1"):
        rotate(work, Settings(), LATER)
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_B)
    result = rotate(work, Settings(), LATER)
    assert result.current.key_fingerprint == key_fingerprint(bytes.fromhex(KEY_B)) and result.current.epoch == 2
    assert result.key_source == "$CLINIC_ANON_KEY"
    assert key_for_run(work, Settings(), LATER)[1].epoch == 2


def test_an_earlier_epochs_key_file_goes_when_the_key_moves_to_the_environment(work, monkeypatch):
    key_for_run(work, Settings(), NOW)
    assert work.key_file.exists()
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY_B)
    rotate(work, Settings(), LATER)
    assert not work.key_file.exists()


# ---------------------------------------------------------------- through the CLI

def test_run_on_an_out_whose_key_file_is_lost_exits_2_in_one_line(work):
    key_for_run(work, Settings(), NOW)
    work.key_file.unlink()
    result = CliRunner().invoke(main, ["run", "--source", str(SAMPLE), "--out", str(work.out), "--no-progress"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "is missing" in lines[0] and "key rotate" in lines[0]
    assert not work.key_file.exists()


def test_key_rotate_through_the_cli(work):
    key_for_run(work, Settings(), NOW)
    old = work.key_file.read_text()
    declined = CliRunner().invoke(main, ["key", "rotate", "--out", str(work.out)], input="n\n")
    assert declined.exit_code == 2 and "not confirmed" in declined.output and work.key_file.read_text() == old
    done = CliRunner().invoke(main, ["key", "rotate", "--out", str(work.out), "--yes"])
    assert done.exit_code == 0, done.output
    assert "epoch 1" in done.output and "-> epoch 2" in done.output and work.key_file.read_text() != old
    assert old not in done.output and work.key_file.read_text() not in done.output
