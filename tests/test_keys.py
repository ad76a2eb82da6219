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
