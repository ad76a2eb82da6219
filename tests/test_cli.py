"""The CLI is thin: every command is documented and fails with one clear line on bad input."""
import pytest
from click.testing import CliRunner

from flows.cli import main

COMMANDS = ["run", "redact", "check", "sample", "report", "deploy", "releases", "key"]
SUBCOMMANDS = [["releases", "list"], ["releases", "show"], ["releases", "prune"], ["releases", "verify"],
               ["key", "rotate"]]


@pytest.mark.parametrize("command", COMMANDS + SUBCOMMANDS, ids=str)
def test_every_command_has_complete_help(command):
    result = CliRunner().invoke(main, [*([command] if isinstance(command, str) else command), "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 6
    for line in result.output.splitlines():
        if line.strip().startswith("--") and "--help" not in line:
            assert len(line.split(None, 1)) == 2, f"option without help text: {line}"


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_unreadable_source_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["run", "--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"),
                                       "--no-progress"])
    assert result.exit_code == 2
    assert "cannot read source" in result.output
    assert "Traceback" not in result.output


def test_bad_config_is_one_line_and_exit_2(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[releases]\nk_anonymity = 0\n")
    result = CliRunner().invoke(main, ["run", "--source", str(tmp_path), "--out", str(tmp_path / "o"),
                                       "--config", str(cfg)])
    assert result.exit_code == 2 and "invalid configuration" in result.output


def test_deploy_requires_a_server(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(main, ["deploy", "--source", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "PREFECT_API_URL" in result.output


@pytest.mark.parametrize("command", ["run", "redact"])
def test_a_policy_that_keeps_free_text_is_refused_before_any_work(tmp_path, command):
    from anonymise.policy import DEFAULT_POLICY_FILE

    policy = tmp_path / "policy.toml"
    policy.write_text(DEFAULT_POLICY_FILE.read_text().replace('question = "text"', 'question = "keep"'))
    cfg = tmp_path / "cfg.toml"
    cfg.write_text(f"[anonymise]\npolicy_file = {str(policy)!r}\n")
    (tmp_path / "in.jsonl").write_text('{"consultation_id": "C1", "question": "맹지율 010-5555-0101"}\n')
    args = (["run", "--source", str(tmp_path), "--out", str(tmp_path / "o"), "--no-progress"] if command == "run"
            else ["redact", str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")])
    result = CliRunner().invoke(main, [*args, "--config", str(cfg)])
    assert result.exit_code == 2, result.output
    assert "[consultations] question is free text" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "o").exists()
