"""Pseudonym key epochs: which key OUT's staging was built with, and starting a new one.

``OUT/private/keys/epoch.json`` records the current epoch (a number, the key's one-way
fingerprint, since when) and the earlier ones; it never holds a key. A run refuses a key that is
not the epoch's (``CLINIC_ANON_KEY`` changed, the key file lost or replaced): it would silently
re-pseudonymise everything and break every researcher's join. ``clinic-anon key rotate`` is the
one way to change it:

- the new key is a fresh random one written over the key file, or, when the key comes from the
  environment, the new value the operator has put there;
- staging is rebuilt, not re-keyed: the anonymised rows, pending chunks, the raw staging and
  the watermark are discarded, so the next run anonymises every record again under the new key
  (its pseudonyms, watermark and chunk keys then all belong to one epoch by construction);
- releases stay as they are: those made after the rotation carry pseudonyms that match nothing
  in those before (both ``release_info`` and the manifest name the epoch and fingerprint).
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from anonymise.keys import KEY_BYTES, key_fingerprint, load_or_create_key
from contract.durable import fsync_dir
from flows.config import Settings
from flows.workarea import WorkArea, make_private_dir, write_private_text

EPOCH_FILE = "epoch.json"


class KeyMismatch(RuntimeError):
    """The key in use is not the key OUT's staging was built with; the message holds fingerprints only."""


@dataclass(frozen=True)
class KeyEpoch:
    epoch: int
    key_fingerprint: str
    since: str

    def to_manifest(self) -> dict:
        return asdict(self)


def epoch_file(work: WorkArea) -> Path:
    return work.keys / EPOCH_FILE


def read_epoch(work: WorkArea) -> KeyEpoch | None:
    """The recorded epoch; for an OUT from before epochs, the key of its last successful run (watermark)."""
    path = epoch_file(work)
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return KeyEpoch(data["epoch"], data["key_fingerprint"], data["since"])
    if work.watermark.exists():
        try:
            fingerprint = json.loads(work.watermark.read_text())["key_fingerprint"]
        except (ValueError, KeyError, TypeError):
            return None
        return KeyEpoch(1, fingerprint, "")
    return None


def check_key(work: WorkArea, settings: Settings) -> None:
    """Raise KeyMismatch when the configured key is not the one OUT was built with; writes nothing,
    so the CLI can refuse before a run starts (an OUT with no epoch yet accepts any key)."""
    recorded = read_epoch(work)
    if recorded is None:
        return
    env_var = settings.anonymise.key_env
    key_file = _key_file(work, settings)
    if not os.environ.get(env_var) and not key_file.exists():
        raise KeyMismatch(f"the pseudonym key file {key_file} is missing, but {work.out} was built with key "
                          f"{recorded.key_fingerprint} (epoch {recorded.epoch}): restore the file (or set {env_var}), "
                          f"or start a new epoch with `clinic-anon key rotate --out {work.out}`")
    fingerprint = key_fingerprint(load_or_create_key(key_file, env_var))  # it exists, or the variable wins
    if recorded.key_fingerprint != fingerprint:
        source = f"${env_var}" if os.environ.get(env_var) else str(key_file)
        raise KeyMismatch(f"the pseudonym key in use ({source}, fingerprint {fingerprint}) is not the key {work.out} "
                          f"was built with (fingerprint {recorded.key_fingerprint}, epoch {recorded.epoch}): restore "
                          f"that key, or start a new epoch with `clinic-anon key rotate --out {work.out}`")


def key_for_run(work: WorkArea, settings: Settings, now: datetime) -> tuple[bytes, KeyEpoch]:
    """The key a run on OUT must use and its epoch; raises KeyMismatch for any other key.

    A key file is created only for an OUT that has no epoch yet: a lost key file must not be
    replaced silently by a new key.
    """
    check_key(work, settings)
    key = load_or_create_key(_key_file(work, settings), settings.anonymise.key_env)
    recorded = read_epoch(work)
    if recorded is None:
        recorded = KeyEpoch(1, key_fingerprint(key), now.isoformat(timespec="seconds"))
        _write(work, recorded, history=[])
    elif not epoch_file(work).exists():
        _write(work, recorded, history=[])  # an OUT from before epochs: its watermark's key is epoch 1
    return key, recorded


@dataclass(frozen=True)
class Rotation:
    previous: KeyEpoch | None
    current: KeyEpoch
    key_source: str                   # "a new key file" or "$<environment variable>"
    discarded: list[str]              # staging parts removed, relative to OUT


def rotate(work: WorkArea, settings: Settings, now: datetime) -> Rotation:
    """Start a new epoch: a new key (or adopt the new one in the environment) and rebuilt staging.

    The caller holds OUT's run lock. The old key file is overwritten: afterwards nobody, the clinic
    included, can recompute an old epoch's pseudonyms.
    """
    env_var = settings.anonymise.key_env
    previous = read_epoch(work)
    if os.environ.get(env_var):
        key = load_or_create_key(_key_file(work, settings), env_var)
        if previous and key_fingerprint(key) == previous.key_fingerprint:
            raise KeyMismatch(f"${env_var} still holds the key of epoch {previous.epoch} "
                              f"({previous.key_fingerprint}): put the new key in ${env_var}, then rotate")
        source = f"${env_var}"
        if settings.anonymise.key_file is None:
            work.key_file.unlink(missing_ok=True)  # an earlier epoch's key file in OUT: not needed, not kept
    else:
        key = secrets.token_bytes(KEY_BYTES)
        _replace_key_file(_key_file(work, settings), key)
        source = "a new key file"
    discarded = _discard_staging(work)
    current = KeyEpoch((previous.epoch + 1) if previous else 1, key_fingerprint(key), now.isoformat(timespec="seconds"))
    earlier = _history(work)
    if previous:
        earlier.append({**previous.to_manifest(), "until": current.since})
    _write(work, current, earlier)
    return Rotation(previous, current, source, discarded)


def history(work: WorkArea) -> list[dict]:
    """Every epoch of OUT, oldest first, the current one last (fingerprints and dates only)."""
    current = read_epoch(work)
    return _history(work) + ([current.to_manifest()] if current else [])


def _key_file(work: WorkArea, settings: Settings) -> Path:
    return settings.anonymise.key_file or work.key_file


def _history(work: WorkArea) -> list[dict]:
    path = epoch_file(work)
    return list(json.loads(path.read_text(encoding="utf-8")).get("history", [])) if path.exists() else []


def _write(work: WorkArea, epoch: KeyEpoch, history: list[dict]) -> None:
    make_private_dir(work.keys)
    path = epoch_file(work)
    tmp = path.with_name(f".{path.name}.tmp")
    write_private_text(tmp, json.dumps({**epoch.to_manifest(), "history": history}, indent=1))
    os.replace(tmp, path)


def _replace_key_file(key_file: Path, key: bytes) -> None:
    """Write the new key beside the old one (mode 600 from the start), then rename it over it."""
    make_private_dir(key_file.parent)
    tmp = key_file.with_name(f".{key_file.name}.new-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key.hex())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, key_file)
    fsync_dir(key_file.parent)


def _discard_staging(work: WorkArea) -> list[str]:
    """Remove everything derived under the old key (and the raw staging the next run rewrites)."""
    removed = []
    for folder in (work.anonymised, work.staging / "pending", work.accepted, work.eligible):
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.is_file():
                path.unlink()
                removed.append(str(path.relative_to(work.out)))
    if work.watermark.exists():
        work.watermark.unlink()
        removed.append(str(work.watermark.relative_to(work.out)))
    return removed
