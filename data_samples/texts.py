"""Renders one consultation's title, question and answer from the templates, and records every
personal value it inserts (the gold ``pii``) and every medical word that must survive (``keep``).

Slots are computed lazily and cached per record, so the same phone or name is reused across
title, question and answer, as in a real thread.
"""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, field
from datetime import date

from data_samples import identifiers as ids
from data_samples import medical, online, places
from data_samples import templates as T
from data_samples.names import Person, person, roman_full

LANG_INDEX = {"ko": 0, "en": 1, "zh": 2, "ja": 3}
TOKEN = re.compile(r"\{(\w+)(?:\|([^/}]*)/([^}]*))?\}|\[([^|\]]+)\|(\w+)\]")
DIGIT_READINGS = "영일이삼사오육칠팔구"  # how a final digit is read decides the Korean particle

# How often each kind of personal sentence is picked, by the slot that carries it.
PERSONAL_WEIGHTS = {
    "o_full": 8, "o_given": 3, "o_phone": 5, "o_bizphone": 2, "d_other": 3,
    "p_phone": 6, "p_phone_fmt": 8, "p_landline": 3, "p_safe": 2, "p_email": 4, "p_email_obf": 2,
    "p_member_id": 3, "p_address": 5, "p_dob": 4, "p_rrn": 3, "p_frn": 7, "p_passport": 3, "p_license": 2,
    "p_brn": 3, "p_account": 2.5, "p_card": 3, "p_kakao": 5, "p_openchat": 1.5, "p_line": 2, "p_wechat": 2,
    "p_insta": 3, "p_url": 2, "p_ip": 1.5, "p_chart": 4, "p_car": 1.5, "g_full": 6, "g_phone": 6, "c_rrn": 4,
}


# strftime patterns, or functions where strftime would zero-pad
DOB_STYLES = {
    "ko": ("%Y.%m.%d", "%Y-%m-%d", lambda b: f"{b.year}년 {b.month}월 {b.day}일", "%y%m%d", "%Y/%m/%d"),
    "en": (lambda b: f"{b:%B} {b.day}, {b.year}", "%m/%d/%Y", "%Y-%m-%d", lambda b: f"{b.day} {b:%b} {b.year}"),
    "zh": (lambda b: f"{b.year}年{b.month}月{b.day}日", "%Y-%m-%d"),
    "ja": (lambda b: f"{b.year}年{b.month}月{b.day}日", "%Y/%m/%d"),
}
DOB_STYLES["mixed"] = DOB_STYLES["ko"]
MIXED_PERSONAL = {**T.PERSONAL["ko"], **T.PERSONAL["mixed"]}
GUARDIAN_SLOTS = ("g_full", "g_phone", "c_rrn")


@functools.cache
def personal_choices(lang: str, under_14: bool) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Personal-sentence keys of a language and their weights; guardian sentences only for children,
    and likely for them (a child's consultation names the parent)."""
    keys = tuple(T.PERSONAL[lang] if lang != "mixed" else MIXED_PERSONAL)
    weights = tuple((PERSONAL_WEIGHTS[k] * 4 if under_14 else 0) if k in GUARDIAN_SLOTS else PERSONAL_WEIGHTS[k]
                    for k in keys)
    return keys, weights


@dataclass(frozen=True)
class Slot:
    text: str                      # as inserted into the text
    type: str | None = None        # entity type when personal
    role: str = "patient"
    src: str = "text_only"
    value: str | None = None       # the gold value when it differs from text ('Ms. Kim' -> 'Kim')
    fragments: tuple[str, ...] = ()
    keep: str | None = None        # keep kind when medical


@dataclass
class Patient:
    """What the record (and its member row) says about the person asking."""
    person: Person
    name: str                      # the record's name field, exactly
    phone: str                     # the record's phone field, exactly
    email: str | None
    sex: str | None
    age: int | None
    birth_date: date | None
    member_id: str | None = None
    address: places.Address | None = None
    guardian: Person | None = None
    guardian_phone: str | None = None
    under_14: bool = False
    ip_address: str = ""


@dataclass
class RenderedField:
    text: str
    pii: dict = field(default_factory=dict)   # (type, value) -> gold entry
    keep: dict = field(default_factory=dict)  # value -> kind


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    last = word[-1] if word else "a"
    if last.isdigit():
        last = DIGIT_READINGS[int(last)]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        if final == 0 or (final == 8 and after_consonant == "으로"):  # ㄹ takes 로
            return after_vowel
        return after_consonant
    return after_vowel


class ConsultationText:
    def __init__(self, rng: random.Random, lang: str, area: str, patient: Patient, *, created: date,
                 clinic: tuple[str, str], doctor: Person | None, colleagues: tuple[Person, ...],
                 staff: tuple[Person, ...]):
        self.rng, self.lang, self.patient = rng, lang, patient
        # mixed text: English procedure names inside Korean sentences
        self.li = LANG_INDEX["en" if lang == "mixed" else lang]
        self.word_li = LANG_INDEX["ko" if lang == "mixed" else lang]
        self.created = created
        self.clinic = clinic
        self.doctor, self.colleagues, self.staff = doctor, colleagues, staff
        self.procedure, self.body_part = rng.choice(medical.PROCEDURES[area])
        self._cache: dict[str, Slot | None] = {}
        self._drawn: dict[str, object] = {}  # people and values that several slots share

    def once(self, key: str, draw):
        """Draw a shared value (a person, a handle) the first time it is needed."""
        if key not in self._drawn:
            self._drawn[key] = draw()
        return self._drawn[key]

    # ---- rendering -------------------------------------------------------------------------
    def slot(self, name: str) -> Slot | None:
        if name not in self._cache:
            self._cache[name] = getattr(self, f"_{name}")()
        return self._cache[name]

    def usable(self, template: str) -> bool:
        return all(self.slot(m.group(1)) is not None for m in TOKEN.finditer(template) if m.group(1))

    def pick(self, templates: tuple[str, ...]) -> str | None:
        """A random template whose slots this record can fill (tried lazily: slots cost time)."""
        start = self.rng.randrange(len(templates))
        for j in range(len(templates)):
            t = templates[(start + j) % len(templates)]
            if self.usable(t):
                return t
        return None

    def render(self, template: str, out: RenderedField) -> str:
        def sub(m: re.Match) -> str:
            if m.group(4):
                out.keep.setdefault(m.group(4), m.group(5))
                return m.group(4)
            s = self.slot(m.group(1))
            if s.type:
                value = s.value or s.text
                out.pii.setdefault((s.type, value), {"type": s.type, "value": value, "role": s.role, "src": s.src,
                                                     **({"fragments": list(s.fragments)} if s.fragments else {})})
            elif s.keep:
                out.keep.setdefault(s.text, s.keep)
            text = s.text
            if m.group(2) is not None:
                text += particle(text, m.group(2), m.group(3))
            return text
        return TOKEN.sub(sub, template)

    def compose(self, parts: list[str]) -> RenderedField:
        out = RenderedField("")
        sep = "\n" if self.rng.random() < 0.4 else " "
        out.text = sep.join(self.render(p, out) for p in parts)
        return out

    def title(self) -> RenderedField:
        return self.compose([self.pick(T.TITLES[self.lang])])

    def question(self) -> RenderedField:
        rng, lang = self.rng, self.lang
        named = rng.random() < 0.45 and self.pick(T.NAMED_OPENINGS[lang])
        parts = [named or rng.choice(T.OPENINGS[lang])]
        parts += rng.sample(T.MEDICAL_QUESTIONS[lang], k=rng.choice((1, 1, 2)))
        keys, weights = personal_choices(lang, self.patient.under_14)
        chosen: list[str] = []
        for key in rng.choices(keys, weights, k=rng.choice((0, 1, 1, 2, 2, 3))):
            if key not in chosen and self.slot(key) is not None:
                chosen.append(key)
        personal = T.PERSONAL[lang] if lang != "mixed" else MIXED_PERSONAL
        parts += [t for t in (self.pick(personal[k]) for k in chosen) if t]
        if rng.random() < 0.35:
            parts.append(self.pick(T.NAMED_CLOSINGS[lang]) or rng.choice(T.CLOSINGS[lang]))
        else:
            parts.append(rng.choice(T.CLOSINGS[lang]))
        return self.compose(parts)

    def answer(self) -> RenderedField:
        rng, lang = self.rng, self.lang
        parts = [self.pick(T.ANSWER_OPENINGS[lang])]
        parts += rng.sample(T.MEDICAL_ANSWERS[lang], k=rng.choice((1, 1, 2)))
        if rng.random() < 0.45:
            extra = self.pick(T.ANSWER_PERSONAL[lang])
            if extra:
                parts.append(extra)
        parts.append(self.pick(T.ANSWER_CLOSINGS[lang]))
        return self.compose(parts)

    # ---- medical slots ---------------------------------------------------------------------
    def _word(self, entries: tuple, kind: str) -> Slot:
        return Slot(self.rng.choice(entries)[self.word_li], keep=kind)

    def _proc(self) -> Slot:
        return Slot(self.procedure[self.li], keep="procedure")

    def _body(self) -> Slot:
        return Slot(self.body_part[self.word_li], keep="body")

    def _drug(self) -> Slot:
        return self._word(medical.DRUGS, "drug")

    def _anesthetic(self) -> Slot:
        return self._word(medical.ANESTHETICS, "drug")

    def _term(self) -> Slot:
        return self._word(medical.TERMS, "term")

    def _dur(self) -> Slot:
        return self._word(medical.DURATIONS, "duration")

    def _dose(self) -> Slot:
        t = self.rng.choice(medical.DOSES)[self.word_li]
        return Slot(t.format(n=self.rng.choice((20, 50, 100, 200)), c=self.rng.choice((1, 2, 3, 5)),
                             s=self.rng.choice((200, 400, 500, 800))), keep="dose")

    def _price(self) -> Slot:
        m = self.rng.choice((18, 35, 45, 70, 99, 140, 280, 390, 520, 750))
        t = self.rng.choice(medical.PRICES)[self.word_li]
        return Slot(t.format(m=m, d=max(1, m // 130), y=m * 550, y0=max(1, m // 10)), keep="price")

    def _clinic(self) -> Slot:
        return Slot(self.clinic[0])

    def _clinic_en(self) -> Slot:
        return Slot(self.clinic[1])

    # ---- patient ---------------------------------------------------------------------------
    def _p_full(self) -> Slot:
        return Slot(self.patient.name, "PERSON", src="structured_exact")

    def _p_given(self) -> Slot | None:
        p = self.patient.person
        given = p.roman_given if self.lang == "en" else p.given
        if given == self.patient.name:
            return None
        return Slot(given, "PERSON", src="structured_variant")

    def _p_lower(self) -> Slot:
        """People typing fast skip capitals: 'emily carter'."""
        p = self.patient.person
        text = roman_full(p, self.rng).lower()
        given = next(t for t in text.split() if t != p.roman_surname.lower())
        return Slot(text, "PERSON", src="structured_variant", fragments=(given,) if len(given) >= 3 else ())

    def _p_surname(self) -> Slot:
        return Slot(self.patient.person.surname, "PERSON", src="structured_variant")

    def _p_title(self) -> Slot:
        p = self.patient.person
        honorific = {"F": "Ms.", "M": "Mr."}.get(self.patient.sex or p.sex, "Mx.")
        return Slot(f"{honorific} {p.roman_surname}", "PERSON", src="structured_variant", value=p.roman_surname)

    def _p_roman(self) -> Slot:
        p = self.patient.person
        text = roman_full(p, self.rng)
        src = "structured_exact" if text == self.patient.name else "structured_variant"
        given = text.split()[-1] if text.split()[0].upper() == p.roman_surname.upper() else text.split()[0]
        return Slot(text, "PERSON", src=src, fragments=(given,) if len(given) >= 3 else ())

    def _p_sex_age(self) -> Slot | None:
        if self.patient.age is None or self.patient.sex is None:
            return None
        return Slot(f"{'여' if self.patient.sex == 'F' else '남'}/{self.patient.age}")

    def _p_phone(self) -> Slot:
        return Slot(self.patient.phone, "PHONE", src="structured_exact")

    def _p_phone_fmt(self) -> Slot:
        phone = ids.canonical_mobile(self.patient.phone)
        if phone.startswith("010-"):
            text = ids.reformat_mobile(phone, self.rng.randrange(ids.MOBILE_STYLES))
        else:
            text = re.sub(r"[\s\-()]", "", phone) if self.rng.random() < 0.5 else phone.replace("-", " ")
        src = "structured_exact" if text == self.patient.phone else "structured_reformatted"
        return Slot(text, "PHONE", src=src)

    def _p_landline(self) -> Slot:
        return Slot(ids.landline(self.rng), "PHONE")

    def _p_safe(self) -> Slot:
        return Slot(ids.internet_phone(self.rng), "PHONE")

    def _p_email(self) -> Slot:
        e = self.patient.email
        if e:
            return Slot(e, "EMAIL", src="structured_exact", fragments=(e.split("@")[0],))
        e = online.email(self.patient.person, self.rng)
        return Slot(e, "EMAIL", fragments=(e.split("@")[0],))

    def _p_email_obf(self) -> Slot:
        e = self.patient.email or online.email(self.patient.person, self.rng)
        src = "structured_variant" if self.patient.email else "text_only"
        return Slot(online.obfuscate_email(e, self.rng), "EMAIL", src=src, fragments=(e.split("@")[0],))

    def _p_member_id(self) -> Slot | None:
        if not self.patient.member_id:
            return None
        return Slot(self.patient.member_id, "MEMBER_ID", src="structured_exact")

    def _address(self) -> tuple[places.Address, str]:
        """The patient's address (the member's when known) and its gold source."""
        if self.patient.address:
            return self.patient.address, "structured_exact"
        origin = self.patient.person.origin
        return self.once("address", lambda: places.korean_address(self.rng) if origin == "ko" or self.lang == "ko"
                         else places.foreign_address(self.rng, origin)), "text_only"

    def _p_address(self) -> Slot:
        a, src = self._address()
        return Slot(a.text, "ADDRESS", src=src, fragments=a.fragments)

    def _p_unit(self) -> Slot:
        """Just the building unit ('103동 1502호'): still enough to find the person."""
        a, src = self._address()
        return Slot(a.fragments[-1], "ADDRESS", src="structured_variant" if src != "text_only" else src)

    def _birth(self) -> tuple[date, bool]:
        """The patient's birth date (one per record, so DOB and RRN agree) and whether it is structured."""
        if self.patient.birth_date:
            return self.patient.birth_date, True
        return self.once("birth", self._draw_birth), False

    def _draw_birth(self) -> date:
        age = self.patient.age or 20 + int(self.rng.random() * 30)
        return date(self.created.year - age, self.rng.randrange(1, 13), self.rng.randrange(1, 29))

    def _p_dob(self) -> Slot:
        b, structured = self._birth()
        style = self.rng.choice(DOB_STYLES[self.lang])
        text = style(b) if callable(style) else b.strftime(style)
        if not structured:
            return Slot(text, "DOB")
        return Slot(text, "DOB", src="structured_exact" if text == f"{b:%Y-%m-%d}" else "structured_reformatted")

    def _p_rrn(self) -> Slot | None:
        if self.patient.person.origin != "ko" or self.patient.under_14:
            return None
        b, _ = self._birth()
        return Slot(ids.registration_number(self.rng, b, self.patient.person.sex, False, self.rng.random() < 0.7),
                    "RRN")

    def _p_rrn_masked(self) -> Slot | None:
        """Birth date and gender digit, the rest starred: what people think is safe to post."""
        rrn = self.slot("p_rrn")
        if rrn is None:
            return None
        digits = rrn.text.replace("-", "")
        return Slot(f"{digits[:6]}-{digits[6]}******", "RRN")

    def _c_rrn(self) -> Slot | None:
        if not self.patient.under_14:
            return None
        b, _ = self._birth()
        return Slot(ids.registration_number(self.rng, b, self.patient.person.sex, False, self.rng.random() < 0.7),
                    "RRN")

    def _p_frn(self) -> Slot | None:
        if self.patient.person.origin == "ko":
            return None
        b, _ = self._birth()
        return Slot(ids.registration_number(self.rng, b, self.patient.person.sex, True, self.rng.random() < 0.6),
                    "FRN")

    def _p_passport(self) -> Slot:
        return Slot(ids.passport(self.rng, self.patient.person.origin), "PASSPORT")

    def _p_license(self) -> Slot | None:
        return None if self.patient.under_14 else Slot(ids.driver_license(self.rng), "DRIVER_LICENSE")

    def _p_brn(self) -> Slot | None:
        return None if self.patient.under_14 else Slot(ids.business_number(self.rng), "BRN")

    def _p_bank(self) -> Slot:
        return Slot(self.once("account", lambda: ids.bank_account(self.rng))[0])

    def _p_account(self) -> Slot:
        return Slot(self.once("account", lambda: ids.bank_account(self.rng))[1], "BANK_ACCOUNT")

    def _p_card(self) -> Slot:
        return Slot(ids.card_number(self.rng), "CREDIT_CARD")

    def _p_kakao(self) -> Slot:
        return Slot(online.kakao_id(self.patient.person, self.rng), "MESSENGER_ID")

    def _p_openchat(self) -> Slot:
        return Slot(online.open_chat_link(self.rng), "MESSENGER_ID")

    def _p_line(self) -> Slot:
        return Slot(online.line_id(self.patient.person, self.rng), "MESSENGER_ID")

    def _p_wechat(self) -> Slot:
        return Slot(online.wechat_id(self.rng), "MESSENGER_ID")

    def _handle(self) -> str:
        return self.once("handle", lambda: online.instagram_handle(self.patient.person, self.rng))

    def _p_insta(self) -> Slot:
        h = self._handle()
        if self.rng.random() < 0.6:
            return Slot(f"@{h}", "SOCIAL_HANDLE", fragments=(h,))
        return Slot(h, "SOCIAL_HANDLE")

    def _p_url(self) -> Slot:
        h = self._handle()
        return Slot(online.personal_url(h, self.rng), "URL", fragments=(h,))

    def _p_ip(self) -> Slot:
        return Slot(self.patient.ip_address, "IP_ADDRESS", src="structured_exact")

    def _p_chart(self) -> Slot:
        return Slot(ids.chart_number(self.rng, self.created.year), "CHART_NO")

    def _p_car(self) -> Slot | None:
        return None if self.patient.under_14 else Slot(ids.vehicle_plate(self.rng), "VEHICLE_NO")

    # ---- other people ----------------------------------------------------------------------
    def _other(self) -> Person:
        origin = self.patient.person.origin if self.lang != "mixed" else "ko"
        return self.once("other", lambda: person(self.rng, origin))

    def _o_full(self) -> Slot:
        return Slot(self._other().full, "PERSON", role="other")

    def _o_given(self) -> Slot | None:
        o = self._other()
        return Slot(o.given, "PERSON", role="other") if o.origin == "ko" else None

    def _o_phone(self) -> Slot:
        phone = ids.mobile(self.rng) if self.patient.person.origin == "ko" else \
            ids.foreign_phone(self.rng, self.patient.person.origin)
        return Slot(phone, "PHONE", role="other")

    def _o_bizphone(self) -> Slot:
        return Slot(ids.business_phone(self.rng), "PHONE", role="other")

    def _g_full(self) -> Slot | None:
        g = self.patient.guardian
        return Slot(g.full, "PERSON", role="other", src="structured_exact") if g else None

    def _g_phone(self) -> Slot | None:
        p = self.patient.guardian_phone
        return Slot(p, "PHONE", role="other", src="structured_exact") if p else None

    # ---- clinic people ---------------------------------------------------------------------
    def _staff_person(self) -> Person:
        return self.once("staff", lambda: self.rng.choice(self.staff))

    def _s_full(self) -> Slot:
        return Slot(self._staff_person().full, "PERSON", role="staff")

    def _s_phone(self) -> Slot:
        return Slot(ids.mobile(self.rng), "PHONE", role="staff")

    def _s_kakao(self) -> Slot:
        return Slot(online.kakao_id(self._staff_person(), self.rng), "MESSENGER_ID", role="staff")

    def _d_full(self) -> Slot | None:
        return Slot(self.doctor.full, "PERSON", role="doctor", src="structured_exact") if self.doctor else None

    def _d_dr(self) -> Slot | None:
        if not self.doctor:
            return None
        d = self.doctor
        if self.rng.random() < 0.5:
            return Slot(f"Dr. {d.roman_surname}", "PERSON", role="doctor", src="structured_variant",
                        value=d.roman_surname)
        text = f"{d.roman_surname} {d.roman_hyphen}"
        return Slot(f"Dr. {text}", "PERSON", role="doctor", src="structured_variant", value=text,
                    fragments=(d.roman_hyphen,))

    def _colleague(self) -> Person:
        return self.once("colleague", lambda: self.rng.choice(self.colleagues))

    def _d_other(self) -> Slot:
        return Slot(self._colleague().full, "PERSON", role="doctor")

    def _d_other_roman(self) -> Slot:
        c = self._colleague()
        return Slot(c.roman_surname, "PERSON", role="doctor")
