"""Exit codes mean one thing each (issue #20): 0 released, 1 blocked, 2 bad input or configuration,
3 failed or interrupted; every path ends in one line and no traceback.

The input paths run the real CLI in-process (they end before a run starts); the run's own outcomes
are walked by making run_pipeline raise what the flow can raise. Full runs that end in 1 and 3 are in
test_flow (blocked), test_faults (disk full, PostgreSQL going away, SIGKILL) and test_signals.
"""
from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.outcomes import outcome

SAMPLE = Path(__file__).resolve().parent.parent / "data_samples" / "sample"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in list(os.environ):
        if name.startswith("CLINIC_ANON_"):
            monkeypatch.delenv(name)


def run(*args, source=SAMPLE, env=None):
    return CliRunner().invoke(main, ["run", "--source", str(source), *args, "--no-progress"], env=env)


def one_line(result, code: int, expected: str) -> None:
    assert result.exit_code == code, result.output
    assert result.output.count("\n") == 1, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output


def loop(folder: Path) -> Path:
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    return folder / "a"


# --------------------------------------------------------------------------- 2: bad input or configuration


def test_source_that_is_a_symlink_loop(tmp_path):
    one_line(run("--out", str(tmp_path / "out"), source=loop(tmp_path)), 2, "symlink loop")


def test_source_that_does_not_exist(tmp_path):
    one_line(run("--out", str(tmp_path / "out"), source=tmp_path / "nowhere"), 2, "cannot read source")


def test_out_that_is_a_symlink_loop(tmp_path):
    one_line(run("--out", str(loop(tmp_path))), 2, "symlink loop")


def test_out_that_is_a_file(tmp_path):
    (tmp_path / "out").write_text("")
    result = run("--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "is a file" in result.output and "Traceback" not in result.output


def test_out_that_cannot_be_written(tmp_path, monkeypatch):
    from flows.workarea import WorkArea

    def refuse(self, mode=0o755):
        raise PermissionError(errno.EACCES, "Permission denied", str(self.out))

    monkeypatch.setattr(WorkArea, "ensure_releases", refuse)  # as root a mode would not stop us
    one_line(run("--out", str(tmp_path / "out")), 2, "Permission denied")


@pytest.mark.parametrize("what", ["latest is a folder", "release is a file"])
def test_release_area_that_cannot_take_a_promotion(tmp_path, what):
    out = tmp_path / "out"
    if what == "latest is a folder":
        (out / "release" / "latest").mkdir(parents=True)
    else:
        out.mkdir()
        (out / "release").write_text("")
    one_line(run("--out", str(out)), 2, "cannot promote into")


def test_a_pseudonym_key_variable_that_is_not_hex(tmp_path):
    one_line(run("--out", str(tmp_path / "out"), env={"CLINIC_ANON_KEY": "not-a-key"}), 2,
             "invalid configuration: CLINIC_ANON_KEY is not a hex string")


def test_a_key_file_that_is_too_short(tmp_path):
    keys = tmp_path / "out" / "private" / "keys"
    keys.mkdir(parents=True)
    (keys / "pseudonym.key").write_text("abcd")
    one_line(run("--out", str(tmp_path / "out")), 2, "is too short")


def test_a_misspelt_setting(tmp_path):
    one_line(run("--out", str(tmp_path / "out"), env={"CLINIC_ANON_RELEASES__K_ANONIMITY": "10"}), 2,
             "did you mean CLINIC_ANON_RELEASES__K_ANONYMITY")


def test_a_missing_policy_file(tmp_path):
    one_line(run("--out", str(tmp_path / "out"), env={"CLINIC_ANON_ANONYMISE__POLICY_FILE": str(tmp_path / "none")}),
             2, "cannot read the field policy")


def test_check_with_an_unreadable_source(tmp_path):
    release = tmp_path / "release"
    release.mkdir()
    result = CliRunner().invoke(main, ["check", "--source", str(loop(tmp_path)), str(release)])
    one_line(result, 2, "symlink loop")


# --------------------------------------------------------------------------- the run's own outcomes


def raising(exc: BaseException):
    def run_pipeline(*args, **kwargs):
        raise exc
    return run_pipeline


@pytest.mark.parametrize(("exc", "code", "expected"), [
    ("blocked", 1, "BLOCKED: leak check failed (3 findings)"),
    ("refused", 2, "cannot promote: release/latest is a folder; nothing was promoted, the previous release stays"),
    (OSError(errno.ENOSPC, "No space left on device"), 3, "run failed: disk full under"),
    (RuntimeError("boom for 010-1234-5678"), 3, "run failed: RuntimeError: boom for [masked]"),
    (KeyboardInterrupt(), 3, "interrupted by SIGINT: nothing was promoted, the previous release stays"),
    ("termination", 3, "interrupted by SIGTERM: nothing was promoted"),
    ("run-interrupted", 3, "interrupted by SIGHUP: nothing was promoted"),
])
def test_every_run_outcome_is_one_code_and_one_line(tmp_path, monkeypatch, exc, code, expected):
    from prefect.exceptions import TerminationSignal

    import flows.runner
    from flows.outcomes import RunInterrupted
    from flows.pipeline import ReleaseBlocked
    from flows.promote import PromotionRefused

    exc = {"blocked": ReleaseBlocked("leak check failed (3 findings)"),
           "refused": PromotionRefused("release/latest is a folder"),
           "termination": TerminationSignal(signal.SIGTERM),
           "run-interrupted": RunInterrupted(signal.SIGHUP)}.get(exc, exc)
    monkeypatch.setattr(flows.runner, "run_pipeline", raising(exc))
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}

    result = run("--out", str(tmp_path / "out"), "--in-run-group")  # this process is the run

    one_line(result, code, expected)
    assert {s: signal.getsignal(s) for s in handlers} == handlers  # the run's handlers are gone with it


def test_an_interrupted_command_is_exit_3_not_clicks_aborted(tmp_path, monkeypatch):
    import data_samples.generator

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(data_samples.generator, "generate", interrupted)
    result = CliRunner().invoke(main, ["sample", "--out", str(tmp_path)])
    one_line(result, 3, "interrupted by SIGINT")
    assert "Aborted" not in result.output


def test_an_unexpected_error_in_any_command_is_exit_3_in_one_line(tmp_path, monkeypatch):
    import reports.render

    def broken(*args, **kwargs):
        raise ValueError("cannot render\nsecond line")

    monkeypatch.setattr(reports.render, "render_all", broken)
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert result.output == "report failed: ValueError: cannot render second line\n"


def test_outcome_masks_and_shortens_what_it_quotes():
    code, line = outcome(RuntimeError("x" * 1000 + " haneul@example.org"))
    assert code == 3 and len(line) < 340 and "@" not in line
