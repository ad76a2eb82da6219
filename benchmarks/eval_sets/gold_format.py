"""The gold vocabulary of these sets and the matching rules of the project's score.py.

`find_spans` / `present` follow `../shared/eval/pii_match.py` (the scorer's rules) so that the sets
can be built and checked in a clone without that folder: digit-bearing identifiers match by their
digit sequence with short separators, everything else as a case-insensitive NFKC substring that
does not continue an ASCII word.
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

PII_TYPES = {"PERSON", "PHONE", "EMAIL", "ADDRESS", "RRN", "FRN", "PASSPORT", "DRIVER_LICENSE", "CREDIT_CARD",
             "BANK_ACCOUNT", "IBAN", "SSN", "NATIONAL_ID", "DOB", "IP_ADDRESS", "URL", "MESSENGER_ID",
             "SOCIAL_HANDLE", "MEMBER_ID", "CHART_NO", "VEHICLE_NO", "WORKPLACE", "SCHOOL"}
TYPE_CODES = {"P": "PERSON", "PH": "PHONE", "EM": "EMAIL", "AD": "ADDRESS", "PP": "PASSPORT",
              "DL": "DRIVER_LICENSE", "CC": "CREDIT_CARD", "BA": "BANK_ACCOUNT", "NID": "NATIONAL_ID",
              "IP": "IP_ADDRESS", "MSG": "MESSENGER_ID", "SOC": "SOCIAL_HANDLE", "MID": "MEMBER_ID",
              "CH": "CHART_NO", "VN": "VEHICLE_NO", "WP": "WORKPLACE", "SC": "SCHOOL"}
ROLES = {"patient", "doctor", "other", "guardian", "staff"}
ROLE_CODES = {"p": "patient", "d": "doctor", "o": "other", "g": "guardian", "s": "staff"}
SRCS = {"structured_exact", "structured_variant", "text_only"}
SRC_CODES = {"x": "structured_exact", "v": "structured_variant", "t": "text_only"}
KINDS = {"procedure", "device", "drug", "dose", "duration", "price", "body_part", "term", "tricky"}
KIND_CODES = {"pr": "procedure", "dv": "device", "dr": "drug", "do": "dose", "du": "duration", "pc": "price",
              "bp": "body_part", "tm": "term", "tr": "tricky"}
QI_TYPES = {"AGE", "DATE", "PLACE", "OCCUPATION"}
QI_CODES = {"A": "AGE", "D": "DATE", "PL": "PLACE", "O": "OCCUPATION"}
# The source contract knows ko, en, zh, ja; other languages are stored as null.
CONTRACT_LANGUAGE = {"ko": "ko", "en": "en", "zh": "zh", "ja": "ja"}

DIGIT_TYPES = {"PHONE", "RRN", "FRN", "PASSPORT", "DRIVER_LICENSE", "BANK_ACCOUNT", "CREDIT_CARD", "DOB",
               "IP_ADDRESS", "CHART_NO", "VEHICLE_NO"}
MIN_DIGITS = 6
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam"}


def norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "")


def digits(s: str) -> str:
    return re.sub(r"\D", "", norm(s))


def _pattern(value: str, vtype: str) -> re.Pattern:
    v = norm(value).strip()
    ds = [(m.start(), m.group()) for m in re.finditer(r"\d", v)]
    if vtype in DIGIT_TYPES and len(ds) >= MIN_DIGITS and ":" not in v:
        parts = [r"(?<!\d)"]
        for i, (pos, d) in enumerate(ds):
            if i:
                parts.append(r"\D{0,%d}" % max(3, pos - ds[i - 1][0] - 1))
            parts.append(d)
        parts.append(r"(?!\d)")
        return re.compile("".join(parts))
    pat = re.escape(v)
    if v and v[0].isascii() and v[0].isalnum():
        pat = r"(?<![A-Za-z0-9])" + pat
    if v and v[-1].isascii() and v[-1].isalnum():
        pat += r"(?![A-Za-z0-9])"
    return re.compile(pat, re.IGNORECASE)


def find_spans(value: str, vtype: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _pattern(value, vtype).finditer(norm(text))]


def present(value: str, vtype: str, text: str) -> bool:
    return bool(text) and _pattern(value, vtype).search(norm(text)) is not None


def keep_present(value: str, text: str) -> bool:
    return bool(text) and norm(value).casefold() in norm(text).casefold()


def auto_fragments(value: str, vtype: str) -> list[str]:
    """Parts whose survival alone still identifies: words of a name written with spaces (Latin, Cyrillic, Thai), an e-mail's local part,
    the handle in a URL or behind an @."""
    v = norm(value)
    if vtype == "PERSON" and not re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]", v):
        words = [w.strip(".,") for w in v.split()]
        if len(words) >= 2:
            return [w for w in words if len(w) >= 3 and w.lower().rstrip(".") not in HONORIFICS]
    if vtype == "EMAIL" and "@" in v:
        local = v.split("@")[0]
        return [local] if len(local) >= 3 else []
    if vtype == "URL":
        u = urlsplit(v if "://" in v else "https://" + v)
        segs = [s for s in u.path.split("/") if s]
        cands = [s.lstrip("@~") for s in segs[-1:]]
        cands += [q.split("=", 1)[1] for q in u.query.split("&") if "=" in q]
        return [c for c in cands if len(c) >= 3 and re.fullmatch(r"[\w.\-]+", c) and not c.isdigit()
                and "." not in c[-5:]]
    if vtype in ("SOCIAL_HANDLE", "MESSENGER_ID") and v.startswith("@") and len(v) > 4:
        return [v[1:]]
    return []
