"""Canary self-test: plant one known leak of every kind into a scratch copy of the release and
require the leak check to catch each of them. A check that cannot fail is worse than none.

Each canary is recognised by where it was planted (its row id, column or file), so a leak the
release really has cannot stand in for a canary the check missed.
"""
from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from anonymise.leak_scan import ALLOWLIST_FILE, CheckReport, Finding, check_release, resolve_key, source_needles
from anonymise.needles import Needle, NeedleSet
from flows.config import Settings

CANARY_FILE = "canary-key.bin"


@dataclass(frozen=True)
class CanaryResult:
    planted: int
    caught: int
    passed: bool
    missed_kinds: tuple[str, ...]


@dataclass(frozen=True)
class _Canary:
    kind: str                                 # what the check must report
    plant: Callable[[Path], None]             # writes the canary into the release copy
    caught: Callable[[Finding], bool]         # recognises the finding it must cause


def canary_self_test(release_dir: Path, scratch_dir: Path, source_spec: str, settings: Settings,
                     key: bytes | None = None, *, needles: NeedleSet | None = None,
                     allowlist: Path = ALLOWLIST_FILE) -> CanaryResult:
    """Copy ``release_dir`` to ``scratch_dir``, plant the canaries, check the copy; every canary must be caught.

    Without a ``key`` the settings' key is used, or a throwaway one: the canary tests that key
    material is found, whichever key it is.
    """
    if key is None:
        try:
            key = resolve_key(settings)
        except (LookupError, ValueError):
            key = secrets.token_bytes(32)
    if needles is None:
        needles = source_needles(source_spec, settings)
    copy = Path(scratch_dir) / "release"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(release_dir, copy, symlinks=True)
    canaries = _canaries(needles, settings, key)
    planted: list[_Canary] = []
    missed: list[str] = []
    for canary in canaries:
        try:
            canary.plant(copy)
            planted.append(canary)
        except Exception:  # noqa: BLE001 - a canary that cannot be planted is a canary not caught
            missed.append(canary.kind)
    report: CheckReport = check_release(source_spec, copy, settings, key, needles=needles, allowlist=allowlist)
    blocking = [f for f in report.findings if f.severity == "block"]
    missed += [c.kind for c in planted if not any(c.caught(f) for f in blocking)]
    caught = len(canaries) - len(missed)
    return CanaryResult(planted=len(canaries), caught=caught, passed=not missed, missed_kinds=tuple(missed))


def _canaries(needles: NeedleSet, settings: Settings, key: bytes) -> list[_Canary]:
    name = _pick(needles, "name", ("plain", "ascii_word"))
    phone = _pick(needles, "phone", ("digits",))
    email = _pick(needles, "email", ("ascii_word",))
    minimum = settings.releases.min_cell_size

    def sql(release: str, statement: str, *params) -> Callable[[Path], None]:
        def plant(copy: Path) -> None:
            with duckdb.connect(str(copy / f"{release}.duckdb")) as con:
                con.execute(statement, [p() if callable(p) else p for p in params])
        return plant

    def value(needle: Needle | None, shape: Callable[[str], str]) -> Callable[[], str]:
        def get() -> str:
            if needle is None:
                raise LookupError("the source has no value of this kind")
            return shape(needle.value)
        return get

    def key_file(copy: Path) -> None:
        (copy / CANARY_FILE).write_bytes(key)

    return [
        _Canary("source:name", sql("faq", "INSERT INTO faq_entries (faq_id, question, answer) VALUES "
                                          "('canary-name', '상담 문의', ?)", value(name, lambda v: f"{v}님 안녕하세요")),
                lambda f: f.kind == "source:name" and f.release == "faq" and f.row_id == "canary-name"),
        _Canary("source:phone", sql("academic", "INSERT INTO consultations (pseudo_id, question) VALUES "
                                                "('canary-phone', ?)", value(phone, _reformat_phone)),
                lambda f: f.kind == "source:phone" and f.release == "academic" and f.row_id == "canary-phone"),
        _Canary("source:email", sql("publishing", "INSERT INTO cases (case_id, answer) VALUES ('canary-email', ?)",
                                    value(email, lambda v: f"회신은 {v.upper()} 로 부탁드립니다")),
                lambda f: f.kind == "source:email" and f.release == "publishing" and f.row_id == "canary-email"),
        _Canary("small_cell", sql("advertiser", "INSERT INTO by_channel (channel, consultations, suppressed) "
                                                "VALUES ('canary', ?, false)", max(minimum - 1, 0)),
                lambda f: f.kind == "small_cell" and f.release == "advertiser" and f.row_id == "canary"),
        _Canary("forbidden_column", sql("faq", "ALTER TABLE faq_entries ADD COLUMN canary_phone VARCHAR"),
                lambda f: f.kind == "forbidden_column" and f.release == "faq" and f.column == "canary_phone"),
        _Canary("k_anonymity", sql("academic", "INSERT INTO consultations (pseudo_id, age_band, sex, region, "
                                               "interested_area, month) VALUES ('canary-k', '00-04', 'F', "
                                               "'canary', 'other', '1900-01')"),
                lambda f: f.kind == "k_anonymity" and f.release == "academic" and "canary" in f.row_id),
        _Canary("key_material", key_file, lambda f: f.kind == "key_material" and f.row_id == CANARY_FILE),
    ]


def _pick(needles: NeedleSet, kind: str, rules: tuple[str, ...]) -> Needle | None:
    return next((n for n in (*needles.text.values(), *needles.digits.values())
                 if n.kind == kind and n.strength == "strong" and n.rule in rules), None)


def _reformat_phone(digits: str) -> str:
    """'01012345678' -> '+82 10 1234.5678': other separators and the international form."""
    national = digits[1:] if digits.startswith("0") else digits
    return f"+82 {national[:-8]} {national[-8:-4]}.{national[-4:]}" if len(national) > 8 else \
        f"{national[:-4]}.{national[-4:]}"
