import stat

import pytest

from anonymise.keys import PseudonymKeyError, key_fingerprint, load_or_create_key, pseudonym


def test_key_file_created_once_with_mode_600(tmp_path, monkeypatch):
    monkeypatch.delenv("CLINIC_ANON_KEY", raising=False)
    key_file = tmp_path / "keys" / "pseudonym.key"
    key = load_or_create_key(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert load_or_create_key(key_file) == key and len(key) == 32


def test_environment_key_wins_and_is_validated(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_ANON_KEY", "ab" * 32)
    assert load_or_create_key(tmp_path / "k") == bytes.fromhex("ab" * 32)
    assert not (tmp_path / "k").exists()
    monkeypatch.setenv("CLINIC_ANON_KEY", "not-hex")
    with pytest.raises(PseudonymKeyError) as err:
        load_or_create_key(tmp_path / "k")
    assert "not-hex" not in str(err.value)


def test_pseudonyms_are_keyed_and_purpose_bound():
    k1, k2 = b"1" * 32, b"2" * 32
    assert pseudonym(k1, "minsu") == pseudonym(k1, "minsu")
    assert pseudonym(k1, "minsu") != pseudonym(k2, "minsu")
    assert pseudonym(k1, "minsu", "academic") != pseudonym(k1, "minsu", "publishing")
    assert pseudonym(k1, None) is None
    assert k1.hex() not in key_fingerprint(k1) and len(key_fingerprint(k1)) == 12


CREATE_AT_ONCE = """
import sys, time
from pathlib import Path
from anonymise.keys import load_or_create_key
start = float(sys.argv[2])
while time.time() < start:
    pass  # every process leaves this loop at the same moment: a real race
print(load_or_create_key(Path(sys.argv[1])).hex())
"""


def test_concurrent_creations_all_end_with_the_same_key(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    monkeypatch.delenv("CLINIC_ANON_KEY", raising=False)
    repo = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k != "CLINIC_ANON_KEY"}
    for trial in range(8):
        key_file = tmp_path / f"trial{trial}" / "keys" / "pseudonym.key"
        start = time.time() + 1.0  # after every interpreter has started
        processes = [subprocess.Popen([sys.executable, "-c", CREATE_AT_ONCE, str(key_file), str(start)], cwd=repo,
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(4)]
        results = [p.communicate(timeout=60) for p in processes]
        assert [p.returncode for p in processes] == [0] * 4, [err for _, err in results]
        keys = {out.strip() for out, _ in results}
        assert keys == {key_file.read_text().strip()}, trial  # one key, the one on disk
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert sorted(p.name for p in key_file.parent.iterdir()) == ["pseudonym.key"]  # no temporary left


def test_a_key_file_is_created_private_whatever_the_umask(tmp_path, monkeypatch):
    import os

    monkeypatch.delenv("CLINIC_ANON_KEY", raising=False)
    previous = os.umask(0)
    try:
        load_or_create_key(tmp_path / "keys" / "pseudonym.key")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "keys" / "pseudonym.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700


@pytest.mark.parametrize("content", ["", "abcd", "not hex at all", "ab" * 8 + "zz"])
def test_an_unusable_key_file_is_one_line_without_key_material(tmp_path, monkeypatch, content):
    monkeypatch.delenv("CLINIC_ANON_KEY", raising=False)
    key_file = tmp_path / "pseudonym.key"
    key_file.write_text(content)
    with pytest.raises(PseudonymKeyError) as error:
        load_or_create_key(key_file)
    assert "\n" not in str(error.value) and (not content or content not in str(error.value))
