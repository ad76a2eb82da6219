"""Check the evaluation sets: shape, gold against text, identifiers valid, scorer sanity.

    python benchmarks/eval_sets/check_sets.py [SET ...] [--score ../shared/eval/score.py]

For every set folder (default: every folder here holding gold.jsonl):
  * every line is JSON; consultations follow the source contract; ids unique; gold covers exactly the
    consultations; every member_id of a consultation has a member row;
  * every gold personal value, keep term and quasi-identifier occurs verbatim in its field (by the
    scorer's matching rules), with a known type / kind / role / src; no keep term occurs only inside
    personal values;
  * identifiers are valid where a validator exists: Luhn and length 13-19 for cards, mod-97 and the
    country's length for IBANs, US SSN shape, Korean RRN/FRN date and check digit, e-mail and IP
    shape, phone numbers with `phonenumbers` when it is installed;
  * with --score: scoring the raw input gives recall 0, an all-empty output recall 1 and keep-rate 0.
Exit status 1 on any problem. Prints counts only, never a value's text except for a failing check.
"""
from __future__ import annotations

import argparse
import datetime
import ipaddress
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import gold_format as G  # noqa: E402

try:
    import phonenumbers
except ImportError:  # the check of phones is skipped, and says so
    phonenumbers = None

CONSULTATION_KEYS = ["consultation_id", "member_id", "name", "phone", "email", "sex", "age", "region",
                     "interested_area", "preferred_time", "channel", "language", "created_at", "updated_at",
                     "ip_address", "title", "question", "answer", "answered_by", "answered_at", "deleted"]
MEMBER_KEYS = ["member_id", "name", "birth_date", "sex", "phone", "email", "address", "joined_at", "status",
               "withdrawn_at", "marketing_consent", "guardian_name", "guardian_phone", "guardian_rrn"]
LANGS = {"ko", "en", "zh", "ja", "ru", "vi", "th", "mn", "id", "ar", "ms", "kk"}
IBAN_LENGTHS = {"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
                "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FR": 27,
                "GB": 22, "GE": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30,
                "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22,
                "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
                "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29}
PHONE_REGIONS = {"ko": ["KR"], "en": ["US", "GB", "CA", "AU", "SG", "IE", "NZ", "IN", "PH", "NG", "AE", "DE",
                                      "ZA", "MY", "HK", "FR", "ES", "IT", "NL", "MX", "BR", "KR"],
                 "zh": ["CN", "TW", "HK", "SG", "MO", "MY", "KR"], "ja": ["JP", "KR"], "ru": ["RU", "KZ", "UZ", "KR"],
                 "vi": ["VN", "KR"], "th": ["TH", "KR"], "mn": ["MN", "KR"], "id": ["ID", "KR"], "ms": ["MY", "SG", "KR"], "kk": ["KZ", "RU", "KR"],
                 "ar": ["SA", "AE", "KR"]}


def read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                problems.append(f"{path.name}:{i}: not JSON ({e})")
    return rows


def luhn_ok(d: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_ok(v: str) -> bool:
    s = re.sub(r"[\s-]", "", v).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def kr_id_ok(v: str, foreigner: bool) -> bool:
    d = G.digits(v)
    if len(d) != 13:
        return False
    g = d[6]
    if g not in ("5678" if foreigner else "1234"):
        return False
    century = 1900 if g in "1256" else 2000
    try:
        datetime.date(century + int(d[:2]), int(d[2:4]), int(d[4:6]))
    except ValueError:
        return False
    s = sum(w * int(c) for w, c in zip((2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), d))
    checks = {(11 - s % 11) % 10}
    if foreigner:  # the pre-2020 foreigner formula, as well as the citizen one python-stdnum applies
        checks.add((13 - s % 11) % 10)
    return int(d[12]) in checks


def ssn_ok(v: str) -> bool:
    d = G.digits(v)
    return (len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000")


def phone_ok(v: str, lang: str) -> bool | None:
    if phonenumbers is None or len(G.digits(v)) < 7:
        return None
    s = G.norm(v)
    s = re.sub(r"^\s*00(?=[1-9])", "+", s)
    if s.strip().startswith("+"):
        regions = [None]
    else:  # the text's own countries first, then any country of these sets (a Korean text may give a US number)
        regions = PHONE_REGIONS.get(lang.split("+")[0], []) + sorted({r for rs in PHONE_REGIONS.values() for r in rs})
    for r in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(s, r)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def validate_identifier(e: dict, lang: str) -> str | None:
    t, v = e["type"], e["value"]
    d = G.digits(v)
    if t == "CREDIT_CARD" and not (13 <= len(d) <= 19 and luhn_ok(d)):
        return "card fails Luhn/length"
    if t == "IBAN" and not iban_ok(v):
        return "IBAN fails mod-97/length"
    if t == "SSN" and not ssn_ok(v):
        return "SSN shape invalid"
    if t in ("RRN", "FRN") and not kr_id_ok(v, t == "FRN"):
        return f"{t} date/check digit invalid"
    if t == "EMAIL" and "@" in v and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v):
        return "e-mail shape invalid"
    if t == "IP_ADDRESS":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            return "IP invalid"
    if t == "PHONE" and phone_ok(v, lang) is False:
        return "phone not valid for its country"
    return None


def check_set(folder: Path) -> tuple[list[str], Counter]:
    problems: list[str] = []
    info = Counter()
    cons = read_jsonl(folder / "consultations.jsonl", problems)
    mems = read_jsonl(folder / "members.jsonl", problems)
    gold = read_jsonl(folder / "gold.jsonl", problems)
    by_id = {}
    for r in cons:
        if list(r) != CONSULTATION_KEYS:
            problems.append(f"{r.get('consultation_id')}: consultation keys differ from the contract")
        if r["consultation_id"] in by_id:
            problems.append(f"duplicate consultation id {r['consultation_id']}")
        by_id[r["consultation_id"]] = r
        if r["language"] not in (None, "ko", "en", "zh", "ja"):
            problems.append(f"{r['consultation_id']}: language {r['language']!r} outside the contract")
    member_ids = set()
    for m in mems:
        if list(m) != MEMBER_KEYS:
            problems.append(f"member {m.get('member_id')}: keys differ from the contract")
        if m["member_id"] in member_ids:
            problems.append(f"duplicate member id {m['member_id']}")
        member_ids.add(m["member_id"])
    for r in cons:
        if r["member_id"] and r["member_id"] not in member_ids:
            problems.append(f"{r['consultation_id']}: member {r['member_id']} has no member row")
    gold_ids = [g["consultation_id"] for g in gold]
    if sorted(gold_ids) != sorted(by_id) or len(set(gold_ids)) != len(gold_ids):
        problems.append("gold ids do not match consultation ids one to one")
    for g in gold:
        cid = g["consultation_id"]
        src = by_id.get(cid, {})
        if g.get("lang", "").split("+")[0] not in LANGS:
            problems.append(f"{cid}: lang {g.get('lang')!r}")
        spans: dict[str, list[tuple[int, int]]] = {}
        for e in g["pii"]:
            text = src.get(e["field"]) or ""
            where = f"{cid}:{e['field']}"
            if e["type"] not in G.PII_TYPES or e.get("role") not in G.ROLES or e.get("src") not in G.SRCS:
                problems.append(f"{where}: bad type/role/src {e['type']}/{e.get('role')}/{e.get('src')}")
            found = G.find_spans(e["value"], e["type"], text)
            if not found:
                problems.append(f"{where}: {e['type']} value not in its field: {e['value']!r}")
            spans.setdefault(e["field"], []).extend(found)
            bad = validate_identifier(e, g["lang"])
            if bad:
                problems.append(f"{where}: {bad}: {e['value']!r}")
            if e["type"] == "PHONE" and phone_ok(e["value"], g["lang"]) is None:
                info["phones not checked"] += 1
            info["pii"] += 1
        for k in g["keep"]:
            text = src.get(k["field"]) or ""
            if k.get("kind") not in G.KINDS:
                problems.append(f"{cid}: keep kind {k.get('kind')!r}")
            if not G.keep_present(k["value"], text):
                problems.append(f"{cid}:{k['field']}: keep term not in its field: {k['value']!r}")
                continue
            nt, nv = G.norm(text).casefold(), G.norm(k["value"]).casefold()
            occ = [m.start() for m in re.finditer(re.escape(nv), nt)]
            inside = [any(a <= o and o + len(nv) <= b for a, b in spans.get(k["field"], [])) for o in occ]
            if occ and all(inside):
                problems.append(f"{cid}:{k['field']}: keep term only inside personal values: {k['value']!r}")
            info["keep"] += 1
        for q in g.get("qi", []):
            if q.get("type") not in G.QI_TYPES or not G.keep_present(q["value"], src.get(q["field"]) or ""):
                problems.append(f"{cid}:{q['field']}: quasi-identifier missing or badly typed: {q['value']!r}")
            info["qi"] += 1
    info["consultations"] = len(cons)
    info["members"] = len(mems)
    return problems, info


def score_sanity(folder: Path, score: Path, python: str) -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        raw, empty = Path(tmp, "raw.json"), Path(tmp, "empty.json")
        empty_pred = Path(tmp, "empty.jsonl")
        with open(folder / "consultations.jsonl", encoding="utf-8") as f, open(empty_pred, "w") as out:
            for line in f:
                if line.strip():
                    cid = json.loads(line)["consultation_id"]
                    out.write(json.dumps({"consultation_id": cid, "title": "", "question": "", "answer": ""}) + "\n")
        for pred, rep in ((folder / "consultations.jsonl", raw), (empty_pred, empty)):
            subprocess.run([python, str(score), "eval", "--split", str(folder), "--pred", str(pred),
                            "--report", str(rep)], check=True, capture_output=True)
        r, e = json.loads(raw.read_text()), json.loads(empty.read_text())
    if r["recall"] > 0.001:
        problems.append(f"raw input scores recall {r['recall']} (should be 0)")
    if e["recall"] != 1 or e["strict_recall"] != 1 or e["keep_rate"] not in (0, None):
        problems.append(f"empty output scores recall {e['recall']}, keep-rate {e['keep_rate']} (should be 1, 0)")
    print(f"  score.py: raw input recall {r['recall']}, keep-rate {r['keep_rate']}; "
          f"empty output recall {e['recall']}, strict {e['strict_recall']}, keep-rate {e['keep_rate']}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--score", type=Path, help="score.py; when given, run the scorer sanity checks")
    a = ap.parse_args()
    sets = a.sets or sorted(p for p in HERE.iterdir() if (p / "gold.jsonl").exists())
    failed = False
    if phonenumbers is None:
        print("note: phonenumbers is not installed; phone numbers are not validated")
    for folder in sets:
        problems, info = check_set(folder)
        print(f"{folder.name}: {info['consultations']} consultations, {info['members']} members, {info['pii']} pii, "
              f"{info['keep']} keep, {info['qi']} qi" + (f", {info['phones not checked']} phones without digits"
                                                        if info["phones not checked"] else ""))
        if a.score and not problems:
            problems += score_sanity(folder, a.score, sys.executable)
        for p in problems:
            print("  PROBLEM", p)
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
