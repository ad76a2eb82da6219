"""The pseudonym key and keyed pseudonyms (HMAC-SHA256).

The key comes from an environment variable (hex) or a key file created on first use with mode
600 inside the private work area. It is never written to an output, a log or an exception.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from contract.durable import fsync_dir

KEY_BYTES = 32
MIN_KEY_BYTES = 16


class PseudonymKeyError(RuntimeError):
    """The key is unusable; the message never contains key material."""


def load_or_create_key(key_file: Path, env_var: str = "CLINIC_ANON_KEY") -> bytes:
    """The key from ``env_var`` (hex) if set, else from ``key_file``, created (mode 600) if absent."""
    from_env = os.environ.get(env_var)
    if from_env:
        return _hex_key(from_env, f"{env_var} is not a hex string",
                        f"{env_var} must hold at least {MIN_KEY_BYTES} bytes ({2 * MIN_KEY_BYTES} hex characters)")
    if not key_file.exists():
        _create_key_file(key_file)
    return read_key_file(key_file)


def read_key_file(key_file: Path) -> bytes:
    """The key in ``key_file``; PseudonymKeyError (no key material in it) if unreadable or short."""
    try:
        if key_file.stat().st_mode & 0o077:
            os.chmod(key_file, 0o600)  # tighten a key someone copied in with loose permissions
        text = key_file.read_text()
    except OSError as exc:
        raise PseudonymKeyError(f"cannot read key file {key_file}: {exc.strerror or type(exc).__name__}") from None
    return _hex_key(text, f"key file {key_file} does not hold a hex key", f"key file {key_file} is too short")


def _hex_key(text: str, not_hex: str, too_short: str) -> bytes:
    """The key written in hex in ``text``; PseudonymKeyError with the given message (never the text)."""
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise PseudonymKeyError(not_hex) from None
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(too_short)
    return key


def _create_key_file(key_file: Path) -> None:
    """Write a new key so that ``key_file`` is never seen half-written and two creators agree.

    The key goes to a private temporary file (create-exclusive, fsynced), which is then
    hard-linked to the final name: link(2) fails if the name exists, so of two concurrent
    creators one wins and the other reads the winner's key.
    """
    key_file.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(key_file.parent, 0o700)
    temp = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_bytes(KEY_BYTES).hex())
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o600)  # O_CREAT's mode is filtered by the umask; be explicit
        try:
            os.link(temp, key_file)
        except FileExistsError:
            pass  # another process created it first: theirs is the key
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(key_file.parent)


def pseudonym(key: bytes, value: str | None, purpose: str = "", length: int = 16) -> str | None:
    """Keyed pseudonym of ``value``; a different ``purpose`` gives an unlinkable pseudonym space."""
    if value is None:
        return None
    msg = f"{purpose}\x1f{value}".encode("utf-8")
    return hmac.new(key, msg, hashlib.sha256).hexdigest()[:length]


def key_fingerprint(key: bytes) -> str:
    """A short one-way fingerprint to tell keys apart in a manifest without revealing them."""
    return hashlib.sha256(b"clinic-anon key fingerprint\x00" + key).hexdigest()[:12]
