"""`clinic-anon check` on a real release folder with the run's snapshot beside it: values that are in
no source column, planted one at a time into FAQ text, each block the release with a masked finding.

All values here are made up for these tests (the card, SSN, phone and IBAN are valid in form only).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from gate_fixtures import KEY, build_clean_release, plant, write_snapshot

from flows.cli import main

# (planted sentence, the value in clear, expected kind, expected masked value)
PLANTED = {
    "Luhn-valid card": ("결제는 카드 4556 7375 8689 9855 로 했어요", "7375", "identifier:card", "****-****-****-9855"),
    "US SSN": ("My SSN is 536-22-8726 for the insurance form", "536-22", "identifier:ssn", "5**-**-****"),
    "North American phone": ("Please call me at +1 415-555-0173 tomorrow", "555-0173", "identifier:phone",
                             "141-****-0173"),
    "IBAN": ("Refund to IBAN DE44 5001 0517 5407 3249 31 please", "5407 3249", "identifier:iban",
             "D*** 5*** 0*** 5*** 3*** 3*"),
    "messenger ID after its label": ("카톡 아이디: zeta_hana99 로 연락 주세요", "zeta_hana99", "identifier:messenger_id",
                                     "z**********"),
    "made-up Korean name": ("어제 권은진 씨가 상담 받았어요", "권은진", "text:korean_name", "권*진"),
    "made-up English name": ("Yesterday Marigold Pettigrew asked about the recovery", "Pettigrew", "text:name",
                             "P********"),
}


@pytest.fixture(scope="module")
def out_template(tmp_path_factory) -> Path:
    """OUT/release/r1 (a clean release) and OUT/private/staging/accepted (the snapshot it was built from)."""
    out = tmp_path_factory.mktemp("out")
    build_clean_release(out / "release" / "r1")
    write_snapshot(out / "private" / "staging" / "accepted")
    return out


@pytest.fixture
def out(tmp_path, out_template) -> Path:
    return Path(shutil.copytree(out_template, tmp_path / "out"))


def check(release: Path, monkeypatch) -> tuple[int, str]:
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY.hex())
    monkeypatch.setenv("CLINIC_ANON_RELEASES__K_ANONYMITY", "3")
    result = CliRunner().invoke(main, ["check", str(release)])
    return result.exit_code, result.output


def test_the_clean_release_passes(out, monkeypatch):
    code, output = check(out / "release" / "r1", monkeypatch)
    assert code == 0, output
    assert "PASSED" in output


@pytest.mark.parametrize("planted", list(PLANTED), ids=list(PLANTED))
def test_a_value_in_no_source_column_blocks_with_a_masked_finding(out, monkeypatch, planted):
    sentence, clear, kind, masked = PLANTED[planted]
    release = out / "release" / "r1"
    plant(release, "faq", "UPDATE faq_entries SET answer = ?", [sentence])
    code, output = check(release, monkeypatch)
    assert code == 1, output
    rows = [line for line in output.splitlines() if f"| {kind} |" in line]
    assert rows and all("| faq | faq_entries | answer | f1 |" in row for row in rows), output
    assert f"| {masked} |" in rows[0]
    assert clear not in output


def test_a_release_without_its_snapshot_needs_a_source(tmp_path, monkeypatch):
    release = build_clean_release(tmp_path / "elsewhere" / "r1")
    monkeypatch.setenv("CLINIC_ANON_KEY", KEY.hex())
    result = CliRunner().invoke(main, ["check", str(release)])
    assert result.exit_code == 2 and "pass --source" in result.output
