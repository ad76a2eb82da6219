"""Seeded synthetic clinic data: ``members``, ``consultations`` (the source data contract of
DESIGN.md) and ``gold.jsonl`` (every personal value put into the text, and the medical words that
must survive, in the evaluation set's format).

Streams in constant memory: member *i* is a pure function of (seed, i), so a consultation can
refer to any member without the generator holding the member table; consultations come from one
sequential random stream. Same seed and arguments give byte-identical files.
"""
from __future__ import annotations

import json
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from data_samples import identifiers as ids
from data_samples import medical, online, places
from data_samples.names import Person, person
from data_samples.texts import ConsultationText, Patient
from data_samples.writers import open_writer

DEFAULT_AS_OF = date(2026, 11, 22)
FIRST_DAY = datetime(2019, 1, 1)
CONSULTATIONS_PER_MEMBER = 1.5

MEMBERS_SCHEMA = pa.schema([
    ("member_id", pa.string()), ("name", pa.string()), ("birth_date", pa.string()), ("sex", pa.string()),
    ("phone", pa.string()), ("email", pa.string()), ("address", pa.string()), ("joined_at", pa.string()),
    ("status", pa.string()), ("withdrawn_at", pa.string()), ("marketing_consent", pa.bool_()),
    ("guardian_name", pa.string()), ("guardian_phone", pa.string()), ("guardian_rrn", pa.string()),
])
CONSULTATIONS_SCHEMA = pa.schema([
    ("consultation_id", pa.string()), ("member_id", pa.string()), ("name", pa.string()), ("phone", pa.string()),
    ("email", pa.string()), ("sex", pa.string()), ("age", pa.int32()), ("region", pa.string()),
    ("interested_area", pa.string()), ("preferred_time", pa.string()), ("channel", pa.string()),
    ("language", pa.string()), ("created_at", pa.string()), ("updated_at", pa.string()),
    ("ip_address", pa.string()), ("title", pa.string()), ("question", pa.string()), ("answer", pa.string()),
    ("answered_by", pa.string()), ("answered_at", pa.string()), ("deleted", pa.bool_()),
])

ORIGINS, ORIGIN_WEIGHTS = ("ko", "en", "zh", "ja"), (82, 8, 5, 5)
# language of the text by the writer's origin
TEXT_LANGS = {"ko": (("ko", "mixed", "en"), (82, 9, 9)), "en": (("en",), (1,)),
              "zh": (("zh", "en"), (7, 3)), "ja": (("ja", "en"), (7, 3))}
CHANNELS = ("homepage", "kakao", "phone", "realtime", "email", "fax", "board")
CHANNEL_WEIGHTS = (34, 20, 10, 16, 7, 3, 10)
PREFERRED_TIMES = {"ko": ("평일 오전", "평일 오후", "평일 저녁 6시 이후", "주말", "점심시간", "아무 때나"),
                   "en": ("anytime", "weekday mornings", "after 6pm KST", "weekends"),
                   "zh": ("随时", "工作日下午"), "ja": ("いつでも", "平日の午後")}
CLINICS = (("하늘빛성형외과", "Haneulbit Plastic Surgery"), ("새봄성형외과", "Saebom Plastic Surgery"),
           ("라온제나의원", "Raonjena Clinic"), ("미소담성형외과", "Misodam Plastic Surgery"))


@dataclass
class GenerateSummary:
    files: dict[str, Path]
    n_members: int
    n_consultations: int
    n_pii: int
    pii_by_type: dict[str, int] = field(default_factory=dict)


class Member(NamedTuple):
    member_id: str
    person: Person
    name: str
    birth_date: date | None
    sex: str | None
    phone: str
    email: str | None
    address: places.Address | None
    joined_at: datetime
    withdrawn_at: datetime | None
    marketing_consent: bool
    guardian: Person | None
    guardian_phone: str | None
    guardian_rrn: str | None

    @property
    def under_14(self) -> bool:
        return self.guardian is not None


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds") + "+09:00"


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def random_time(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max(0, int((end - start).total_seconds()))
    return start + timedelta(seconds=int(rng.random() * (span + 1)))


def written_name(p: Person, rng: random.Random) -> str:
    """Foreigners fill in forms in their own script or in Latin letters."""
    if p.origin in ("zh", "ja") and rng.random() < 0.4:
        return f"{p.roman_given} {p.roman_surname}"
    return p.full


def contact_phone(p: Person, rng: random.Random) -> str:
    if p.origin == "ko" or rng.random() < 0.3:  # foreigners living in Korea have Korean mobiles
        return ids.landline(rng) if rng.random() < 0.05 else ids.mobile(rng)
    return ids.foreign_phone(rng, p.origin)


class MemberTable:
    """Member *i* computed on demand from (seed, i): nothing is held in memory."""

    def __init__(self, seed: int, n_members: int, as_of: date):
        self.seed, self.n, self.as_of = seed, n_members, as_of
        # login IDs get a number unique per member: an affine permutation of 0..modulus-1
        self.modulus = max(1000, 10 ** math.ceil(math.log10(n_members + 1)))
        self.offset = random.Random(seed).randrange(self.modulus)
        self.last_join = datetime.combine(as_of, datetime.min.time()) - timedelta(days=1)

    def __getitem__(self, i: int) -> Member:
        rng = random.Random(self.seed * 10_000_019 + i)
        origin = rng.choices(ORIGINS, ORIGIN_WEIGHTS)[0]
        sex = "F" if rng.random() < 0.72 else "M"
        p = person(rng, origin, sex)
        under_14 = origin == "ko" and rng.random() < 0.08
        if under_14:
            birth = self.as_of - timedelta(days=rng.randrange(int(4 * 365.25), int(13.9 * 365.25)))
        else:
            age = rng.choice((17, 19)) if rng.random() < 0.04 else int(rng.triangular(18, 72, 29))
            birth = self.as_of - timedelta(days=int(age * 365.25) + rng.randrange(365))
        first_join = max(datetime(2018, 6, 1), datetime.combine(birth, datetime.min.time()) + timedelta(days=365))
        joined = random_time(rng, first_join, self.last_join)
        # withdrawn after the first consultations can exist, so none of them postdates the withdrawal
        withdrawn = random_time(rng, max(joined, FIRST_DAY), self.last_join) if rng.random() < 0.08 else None
        guardian = guardian_phone = guardian_rrn = None
        if under_14:
            guardian = person(rng, "ko", "F" if rng.random() < 0.7 else "M")
            guardian_phone = ids.mobile(rng)
            g_birth = birth - timedelta(days=rng.randrange(25 * 365, 42 * 365))
            guardian_rrn = ids.registration_number(rng, g_birth, guardian.sex, False)
        phone = contact_phone(p, rng)
        if phone.startswith("010-") and rng.random() < 0.15:
            phone = phone.replace("-", "")
        number = (i * 7919 + self.offset) % self.modulus
        return Member(
            member_id=online.login_id(p, rng, number), person=p, name=written_name(p, rng),
            birth_date=birth if under_14 or rng.random() < 0.85 else None,
            sex=sex if rng.random() < 0.93 else None, phone=phone,
            email=online.email(p, rng) if rng.random() < 0.9 else None,
            address=places.korean_address(rng) if origin == "ko" and rng.random() < 0.45 else None,
            joined_at=joined, withdrawn_at=withdrawn, marketing_consent=rng.random() < 0.35,
            guardian=guardian, guardian_phone=guardian_phone, guardian_rrn=guardian_rrn)

    @staticmethod
    def row(m: Member) -> dict:
        return {
            "member_id": m.member_id, "name": m.name,
            "birth_date": m.birth_date.isoformat() if m.birth_date else None, "sex": m.sex,
            "phone": m.phone, "email": m.email, "address": m.address.text if m.address else None,
            "joined_at": iso(m.joined_at), "status": "withdrawn" if m.withdrawn_at else "active",
            "withdrawn_at": iso(m.withdrawn_at) if m.withdrawn_at else None,
            "marketing_consent": m.marketing_consent,
            "guardian_name": m.guardian.full if m.guardian else None,
            "guardian_phone": m.guardian_phone, "guardian_rrn": m.guardian_rrn,
        }


class Clinic(NamedTuple):
    names: tuple[str, str]
    doctors: tuple[Person, ...]
    staff: tuple[Person, ...]


def make_clinic(seed: int) -> Clinic:
    rng = random.Random(f"clinic:{seed}")
    return Clinic(rng.choice(CLINICS), tuple(person(rng, "ko") for _ in range(5)),
                  tuple(person(rng, "ko", "F") for _ in range(5)))


def consultation(k: int, rng: random.Random, members: MemberTable, clinic: Clinic, as_of: date) -> tuple[dict, dict]:
    """One consultation row and its gold line."""
    end = datetime.combine(as_of, datetime.min.time()) + timedelta(hours=rng.randrange(0, 10))
    m = members[rng.randrange(members.n)] if rng.random() < 0.7 else None
    if m:
        p, name, phone, email, sex = m.person, m.name, m.phone, m.email, m.sex
        created = random_time(rng, max(FIRST_DAY, m.joined_at), m.withdrawn_at or end)
        age = age_on(m.birth_date, created.date()) if m.birth_date and rng.random() < 0.85 else None
    else:
        p = person(rng, rng.choices(ORIGINS, ORIGIN_WEIGHTS)[0])
        name, phone = written_name(p, rng), contact_phone(p, rng)
        email = online.email(p, rng) if rng.random() < 0.7 else None
        sex = p.sex if rng.random() < 0.8 else None
        created = random_time(rng, FIRST_DAY, end)
        age = int(rng.triangular(18, 65, 28)) if rng.random() < 0.7 else None
    langs, weights = TEXT_LANGS[p.origin]
    lang = rng.choices(langs, weights)[0]
    area = rng.choices(medical.AREAS, medical.AREA_WEIGHTS)[0]
    answered_at = created + timedelta(minutes=rng.randrange(20, 72 * 60))
    answered = rng.random() < 0.85 and answered_at <= end  # nothing is answered after as_of
    doctor = rng.choice(clinic.doctors) if answered else None
    ip = ids.ipv4(rng) if rng.random() < 0.9 else ids.ipv6(rng)
    patient = Patient(p, name, phone, email, sex, age, m.birth_date if m else None,
                      member_id=m.member_id if m else None, address=m.address if m else None,
                      guardian=m.guardian if m else None, guardian_phone=m.guardian_phone if m else None,
                      under_14=bool(m and m.under_14), ip_address=ip)
    text = ConsultationText(rng, lang, area, patient, created=created.date(), clinic=clinic.names,
                            doctor=doctor, colleagues=tuple(d for d in clinic.doctors if d is not doctor),
                            staff=clinic.staff)
    fields = {"title": text.title(), "question": text.question()}
    if answered:
        fields["answer"] = text.answer()
    answered_at = answered_at if answered else None
    last_change = answered_at or created
    updated = random_time(rng, last_change, min(last_change + timedelta(days=10), max(end, last_change)))
    column_lang = {"mixed": "ko"}.get(lang, lang) if rng.random() < 0.9 else None
    text_origin = "ko" if lang in ("ko", "mixed") else p.origin
    region = m.address.sido if m and m.address and rng.random() < 0.5 else places.region_text(rng, text_origin)
    row = {
        "consultation_id": f"C{k + 1:07d}", "member_id": m.member_id if m else None, "name": name,
        "phone": phone, "email": email, "sex": sex, "age": age, "region": region,
        "interested_area": area, "preferred_time": rng.choice(PREFERRED_TIMES[{"mixed": "ko"}.get(lang, lang)])
        if rng.random() < 0.8 else None,
        "channel": rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0], "language": column_lang,
        "created_at": iso(created), "updated_at": iso(updated), "ip_address": ip,
        "title": fields["title"].text, "question": fields["question"].text,
        "answer": fields["answer"].text if answered else None,
        "answered_by": doctor.full if doctor else None,
        "answered_at": iso(answered_at) if answered_at else None,
        "deleted": rng.random() < 0.02,
    }
    gold = {"consultation_id": row["consultation_id"], "lang": lang,
            "pii": [{"field": f, **e} for f, rf in fields.items() for e in rf.pii.values()],
            "keep": [{"field": f, "value": v, "kind": kind} for f, rf in fields.items() for v, kind in rf.keep.items()]}
    return row, gold


def generate(out_dir: Path, n_consultations: int, seed: int, fmt: str = "jsonl", *,
             as_of: date = DEFAULT_AS_OF) -> GenerateSummary:
    """Write members.<fmt>, consultations.<fmt> and gold.jsonl into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    n_members = max(1, math.ceil(n_consultations / CONSULTATIONS_PER_MEMBER))
    members = MemberTable(seed, n_members, as_of)
    files = {"members": out_dir / f"members.{fmt}", "consultations": out_dir / f"consultations.{fmt}",
             "gold": out_dir / "gold.jsonl"}

    writer = open_writer(files["members"], fmt, MEMBERS_SCHEMA)
    try:
        for i in range(n_members):
            writer.write(MemberTable.row(members[i]))
    finally:
        writer.close()

    clinic = make_clinic(seed)
    rng = random.Random(f"consultations:{seed}")
    by_type: Counter[str] = Counter()
    writer = open_writer(files["consultations"], fmt, CONSULTATIONS_SCHEMA)
    try:
        with open(files["gold"], "w", encoding="utf-8", newline="\n") as gold_file:
            for k in range(n_consultations):
                row, gold = consultation(k, rng, members, clinic, as_of)
                writer.write(row)
                gold_file.write(json.dumps(gold, ensure_ascii=False) + "\n")
                by_type.update(e["type"] for e in gold["pii"])
    finally:
        writer.close()
    return GenerateSummary(files, n_members, n_consultations, sum(by_type.values()), dict(by_type.most_common()))
