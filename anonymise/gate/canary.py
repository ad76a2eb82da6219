"""Canary self-test: plant one known leak of every kind into a scratch copy of the release and
require the leak check to catch each of them. A check that cannot fail is worse than none.

Two families: values of the source (a name, a phone, an e-mail: the needles must find them) and
values that are in no source column, made up for this run (a Luhn-valid card, a US SSN, a North
American phone in international form, an IBAN, a messenger ID after its label, made-up Korean and
English names in ordinary sentences: the identifier validators and the released-text rule must
find them). Each canary is recognised by where it was planted (its row id, column or file), so a
leak the release really has cannot stand in for a canary the check missed.
"""
from __future__ import annotations

import random
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import duckdb

from stdnum import iban as stdnum_iban
from stdnum import luhn

from anonymise.gate.findings import CheckReport, Finding
from anonymise.gate.needles import Needle, NeedleSet
from anonymise.gate.released_text import TextRule
from anonymise.gate.scan import ALLOWLIST_FILE, check_release
from anonymise.gate.settings import CheckSettings

CANARY_FILE = "canary-key.bin"
SAMPLE_ROWS = 500   # rows per table of the copy the canaries are planted in


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


def canary_self_test(release_dir: Path, scratch_dir: Path, needles: NeedleSet, key: bytes | None = None,
                     settings: CheckSettings = CheckSettings(), *, allowlist: Path = ALLOWLIST_FILE,
                     text_rule: TextRule | None = None) -> CanaryResult:
    """Copy ``release_dir`` to ``scratch_dir``, plant the canaries, check the copy; every canary must be caught.

    The copy holds every file, table and column of the release but at most ``SAMPLE_ROWS`` rows
    per table: the check runs the same code on it, in seconds rather than the minutes the whole
    release takes at 1M consultations. Without a ``key`` a throwaway one is used: the canary
    tests that key material is found, whichever key it is.
    """
    key = key if key is not None else secrets.token_bytes(32)
    copy = Path(scratch_dir) / "release"
    shutil.rmtree(copy, ignore_errors=True)
    sample_copy(Path(release_dir), copy)
    canaries = _canaries(needles, settings, key) + _weak_path_canaries(random.Random(secrets.randbits(64)))
    planted: list[_Canary] = []
    missed: list[str] = []
    for canary in canaries:
        try:
            canary.plant(copy)
            planted.append(canary)
        except Exception:  # noqa: BLE001 - a canary that cannot be planted is a canary not caught
            missed.append(canary.kind)
    report: CheckReport = check_release(copy, needles, key, settings, allowlist=allowlist, text_rule=text_rule)
    blocking = report.blocking
    missed += [c.kind for c in planted if not any(c.caught(f) for f in blocking)]
    caught = len(canaries) - len(missed)
    return CanaryResult(planted=len(canaries), caught=caught, passed=not missed, missed_kinds=tuple(missed))


def sample_copy(release_dir: Path, copy: Path, rows: int = None) -> None:
    """``release_dir`` with each database cut to its first ``rows`` rows per table (schemas, columns
    and comments of tables kept); other files copied as they are."""
    rows = SAMPLE_ROWS if rows is None else rows
    copy.mkdir(parents=True)
    for path in sorted(release_dir.iterdir()):
        if path.suffix != ".duckdb":
            if path.is_file():
                shutil.copy2(path, copy / path.name)
            continue
        with duckdb.connect(str(copy / path.name)) as con:
            con.execute(f"ATTACH {_literal(str(path))} AS source (READ_ONLY)")
            tables = con.execute("SELECT schema_name, table_name, comment FROM duckdb_tables() "
                                 "WHERE database_name = 'source'").fetchall()
            for schema, table, comment in tables:
                name = f'"{schema}"."{table}"'
                con.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM source.{name} LIMIT {int(rows)}")
                if comment:
                    con.execute(f"COMMENT ON TABLE {name} IS {_literal(comment)}")
            con.execute("DETACH source")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _canaries(needles: NeedleSet, settings: CheckSettings, key: bytes) -> list[_Canary]:
    name = _pick(needles, "name", ("plain", "ascii_word"))
    phone = _pick(needles, "phone", ("digits",))
    email = _pick(needles, "email", ("ascii_word",))
    minimum = settings.min_cell_size

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


def _faq_row(row_id: str, text: str) -> Callable[[Path], None]:
    def plant(copy: Path) -> None:
        with duckdb.connect(str(copy / "faq.duckdb")) as con:
            con.execute("INSERT INTO faq_entries (faq_id, question, answer) VALUES (?, '상담 문의', ?)", [row_id, text])
    return plant


def _weak_path_canaries(rng: random.Random) -> list[_Canary]:
    """Values in no source column, made up for this run, each in an ordinary sentence of an FAQ answer."""
    def caught(row_id: str, *kinds: str) -> Callable[[Finding], bool]:
        return lambda f: f.release == "faq" and f.row_id == row_id and f.kind.startswith(kinds)

    planted = {
        "identifier:card": f"결제는 카드 {_spaced(_luhn_card(rng))} 로 했어요",
        "identifier:ssn": f"My SSN is {rng.randint(101, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)} if needed",
        "identifier:phone": f"Please call me at +1 {rng.randint(201, 989)}-{rng.randint(200, 989)}-"
                            f"{rng.randint(1000, 9999)} tomorrow",
        "identifier:iban": f"Refund to IBAN {_spaced(_iban(rng))} please",
        "identifier:messenger_id": f"카톡 아이디: {rng.choice('qxzvk')}{rng.choice('aeiou')}{rng.randint(100, 999)}_"
                                   f"{rng.choice('mnprt')} 로 연락 주세요",
        "text:korean_name": f"어제 {_korean_name(rng)} 씨가 상담 받았어요",
        "text:latin_name": f"Yesterday {_latin_name(rng)} asked about the recovery",
    }
    canaries = []
    for kind, text in planted.items():
        row_id = "canary-" + kind.split(":")[1].replace("_", "-")
        prefix = "text:" if kind.startswith("text:") else kind
        canaries.append(_Canary(kind, _faq_row(row_id, text), caught(row_id, prefix)))
    return canaries


def _luhn_card(rng: random.Random) -> str:
    body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    return body + luhn.calc_check_digit(body)


def _iban(rng: random.Random) -> str:
    bban = "".join(str(rng.randint(0, 9)) for _ in range(18))
    return "DE" + stdnum_iban.calc_check_digits("DE00" + bban) + bban


def _spaced(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


# Common surnames and given-name syllables: a made-up name shaped like the ones people have.
_SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
_GIVEN_SYLLABLES = "민서지현수영준도윤하은재성우예진호연아채"


def _korean_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN_SYLLABLES) for _ in range(2))


def _latin_name(rng: random.Random) -> str:
    def word(length: int) -> str:
        consonants, vowels = "bdfgklmnprstvz", "aeiou"
        return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(length)).capitalize() + "x"
    return f"{word(3)} {word(4)}"


def _pick(needles: NeedleSet, kind: str, rules: tuple[str, ...]) -> Needle | None:
    # Lazily: at 1M consultations the index holds millions of needles, the first fitting one will do.
    return next((n for n in chain(needles.text.values(), needles.digits.values())
                 if n.kind == kind and n.strength == "strong" and n.rule in rules), None)


def _reformat_phone(digits: str) -> str:
    """'01012345678' -> '+82 10 1234.5678': other separators and the international form."""
    national = digits[1:] if digits.startswith("0") else digits
    return f"+82 {national[:-8]} {national[-8:-4]}.{national[-4:]}" if len(national) > 8 else \
        f"{national[:-4]}.{national[-4:]}"
