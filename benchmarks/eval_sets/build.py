"""Build the hand-written evaluation sets from their annotated sources in `authoring/`.

    python benchmarks/eval_sets/build.py            # writes handwritten/, handwritten2/, handwritten3/, handwritten4/,
                                                    # handwritten5/, english_pii/, english_pii2/, korean_sentences/,
                                                    # korean_sentences2/, korean_sentences3/, korean_sentences4/,
                                                    # korean_sentences5/, handwritten6/, handwritten7/,
                                                    # handwritten8/, korean_sentences6/

The sources are plain UTF-8 text written by hand. Annotations sit inline, so that a gold value is
by construction the exact text of its field:

    ⟦value|TYPE⟧  ⟦value|TYPE|role⟧  ⟦value|TYPE|role|src⟧  ⟦value|TYPE|role|src|frag;frag⟧
                  a personal value (role: p patient, d doctor, o other, g guardian, s staff;
                  src: x structured_exact, v structured_variant, t text_only, empty = inferred)
    ⟪value|kind⟫  medical content that must survive (keep)
    ⦃value|QI⦄    a quasi-identifier (AGE, DATE, PLACE, OCCUPATION)

(TYPE, kind and QI may be written as the short codes of gold_format.py: P, PH, AD, ...; pr, dv, ...; A, D.)

Besides writing the sets, this refuses a source in which an annotated value (or one of its
fragments) also occurs in its field outside every annotated personal span, or a keep term occurs
only inside personal spans: either would make the score wrong for a correct detector.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUTHORING = HERE / "authoring"
sys.path.insert(0, str(HERE))
import gold_format as G  # noqa: E402

MARK = re.compile(r"⟦([^⟧]*)⟧|⟪([^⟫]*)⟫|⦃([^⦄]*)⦄")


class SourceError(ValueError):
    pass


def parse_marked(text: str, where: str):
    """(plain text, pii spans, keep spans, qi spans); spans are (start, end, parts)."""
    out, pii, keep, qi = [], [], [], []
    pos = length = 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        body = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        parts = body.split("|")
        value = parts[0]
        if not value or value != value.strip():
            raise SourceError(f"{where}: empty or padded value in {m.group(0)!r}")
        span = (length, length + len(value), parts)
        (pii if m.group(1) is not None else keep if m.group(2) is not None else qi).append(span)
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(text[pos:])
    plain = "".join(out)
    for ch in "⟦⟧⟪⟫⦃⦄":
        if ch in plain:
            raise SourceError(f"{where}: unbalanced annotation bracket {ch!r}")
    return plain, pii, keep, qi


def structured_values(rec: dict, member: dict | None) -> dict[str, list[str]]:
    vals = {"name": [rec.get("name")], "phone": [rec.get("phone")], "email": [rec.get("email")],
            "member_id": [rec.get("member_id")], "ip_address": [rec.get("ip_address")],
            "answered_by": [rec.get("answered_by")]}
    if member:
        for k in ("name", "phone", "email", "address", "birth_date", "guardian_name", "guardian_phone",
                  "guardian_rrn"):
            vals.setdefault(k, []).append(member.get(k))
    return {k: [v for v in vs if v] for k, vs in vals.items()}


def same_number(a: str, b: str) -> bool:
    """Equal digit strings, or the same phone written with and without its country code (+82 10... / 010...)."""
    if a == b:
        return True
    a, b = a.lstrip("0"), b.lstrip("0")
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 8 and long_.endswith(short) and len(long_) - len(short) <= 3


def infer_src(value: str, vtype: str, svals: dict[str, list[str]]) -> str:
    nv = G.norm(value).casefold()
    flat = [v for vs in svals.values() for v in vs]
    if any(G.norm(v).casefold() == nv for v in flat):
        return "structured_exact"
    d = G.digits(value)
    if len(d) >= 6 and any(same_number(G.digits(v), d) for v in flat):
        return "structured_variant"
    if vtype == "PERSON":
        for v in svals.get("name", []) + svals.get("answered_by", []) + svals.get("guardian_name", []):
            if len(nv) >= 2 and nv in G.norm(v).casefold():
                return "structured_variant"
    if vtype == "EMAIL":
        for v in svals.get("email", []):
            if G.norm(v).casefold().split("@")[0] == nv.split("@")[0]:
                return "structured_variant"
    return "text_only"


def field_annotations(field: str, marked: str, where: str, svals: dict[str, list[str]], default_role="patient"):
    plain, pii_sp, keep_sp, qi_sp = parse_marked(marked, where)
    pii, keep, qi = [], [], []
    seen = set()
    covered = [(s, e) for s, e, _ in pii_sp]
    for s, e, parts in pii_sp:
        value = parts[0]
        if len(parts) < 2:
            raise SourceError(f"{where}: personal value without a type: {value!r}")
        vtype = G.TYPE_CODES.get(parts[1], parts[1])
        if vtype not in G.PII_TYPES:
            raise SourceError(f"{where}: unknown type {parts[1]!r} for {value!r}")
        role = G.ROLE_CODES.get(parts[2], parts[2]) if len(parts) > 2 and parts[2] else default_role
        if role not in G.ROLES:
            raise SourceError(f"{where}: unknown role {parts[2]!r}")
        src = G.SRC_CODES.get(parts[3], parts[3]) if len(parts) > 3 and parts[3] else infer_src(value, vtype, svals)
        if src not in G.SRCS:
            raise SourceError(f"{where}: unknown src {parts[3]!r}")
        frags = [f for f in parts[4].split(";") if f] if len(parts) > 4 else G.auto_fragments(value, vtype)
        key = (value, vtype)
        if key in seen:
            continue
        seen.add(key)
        entry = {"field": field, "type": vtype, "value": value, "role": role, "src": src}
        if frags:
            entry["fragments"] = frags
        pii.append(entry)
    if len(G.norm(plain)) != len(plain):  # the scorer matches in NFKC text (Thai ำ, …): move the spans there
        covered = [(len(G.norm(plain[:cs])), len(G.norm(plain[:ce]))) for cs, ce in covered]
    for entry in pii:
        checks = [(entry["value"], entry["type"])] + [(f, "FRAGMENT") for f in entry.get("fragments", [])
                                                       if len(f) >= 3]
        for v, t in checks:
            spans = G.find_spans(v, t, plain)
            if not spans:
                raise SourceError(f"{where}: {t} {v!r} not found in its field")
            for a, b in spans:
                if not any(a < ce and cs < b for cs, ce in covered):
                    raise SourceError(f"{where}: {v!r} also occurs outside the personal spans at {a}: "
                                      f"{G.norm(plain)[max(0, a - 15):b + 15]!r}")
    for s, e, parts in keep_sp:
        kind = G.KIND_CODES.get(parts[1], parts[1]) if len(parts) > 1 else "term"
        if kind not in G.KINDS:
            raise SourceError(f"{where}: unknown keep kind {kind!r}")
        item = {"field": field, "value": parts[0], "kind": kind}
        if item not in keep:
            keep.append(item)
    for s, e, parts in qi_sp:
        qtype = G.QI_CODES.get(parts[1], parts[1]) if len(parts) > 1 else ""
        if qtype not in G.QI_TYPES:
            raise SourceError(f"{where}: unknown quasi-identifier type {qtype!r}")
        item = {"field": field, "type": qtype, "value": parts[0]}
        if item not in qi:
            qi.append(item)
    return plain, pii, keep, qi


# ---------------------------------------------------------------------------
# handwritten: one block per consultation
# ---------------------------------------------------------------------------
HEADER_KEYS = {"lang", "member", "name", "phone", "email", "sex", "age", "region", "area", "time", "channel",
               "language", "created", "ip", "by", "answered", "deleted", "m.birth", "m.address", "m.joined",
               "m.phone", "m.email", "m.name", "m.sex", "m.guardian_name", "m.guardian_phone", "m.guardian_rrn",
               "m.consent"}
AREAS = {"eyes", "nose", "face_contour", "breast", "body", "lifting", "skin", "hair", "other"}
SECTIONS = ("title", "question", "answer")
CHANNELS = {"homepage", "kakao", "phone", "realtime", "email", "fax", "board"}


def timestamp(s: str) -> str:
    s = s.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", s):
        return s.replace(" ", "T") + ":00+09:00"
    raise SourceError(f"bad timestamp {s!r} (write YYYY-MM-DD HH:MM, Korea time)")


def null(v):
    return None if v in (None, "", "-") else v


def parse_blocks(path: Path):
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r"^### ", text, flags=re.M)
    for b in blocks[1:]:
        head, _, body = b.partition("\n")
        cid = head.strip()
        yield cid, body, path.name


def read_handwritten(paths):
    consultations, members, golds = [], {}, []
    for path in paths:
        for cid, body, fname in parse_blocks(path):
            where = f"{fname}:{cid}"
            hdr, sections, cur = {}, {"title": [], "question": [], "answer": []}, None
            for line in body.split("\n"):
                # a section starts with its name, in order; later text that merely begins with one stays text
                starts = next((s for s in SECTIONS if line.startswith(s + ":")), None)
                if starts and SECTIONS.index(starts) > (SECTIONS.index(cur) if cur else -1):
                    cur = starts
                    rest = line.split(":", 1)[1].strip()
                    if rest:
                        sections[cur].append(rest)
                    continue
                if cur is None:
                    if not line.strip():
                        continue
                    k, sep, v = line.partition(":")
                    if not sep or k.strip() not in HEADER_KEYS:
                        raise SourceError(f"{where}: unexpected header line {line!r}")
                    hdr[k.strip()] = v.strip()
                    continue
                if cur == "title" and line.strip():
                    raise SourceError(f"{where}: title must be one line")
                sections[cur].append(line)
            for k in ("lang", "created", "area", "channel"):
                if k not in hdr:
                    raise SourceError(f"{where}: missing header {k}")
            if hdr["area"] not in AREAS or hdr["channel"] not in CHANNELS:
                raise SourceError(f"{where}: bad area/channel")
            texts = {k: "\n".join(v).strip("\n") for k, v in sections.items()}
            member_id = null(hdr.get("member"))
            rec = {
                "consultation_id": cid, "member_id": member_id, "name": null(hdr.get("name")),
                "phone": null(hdr.get("phone")), "email": null(hdr.get("email")), "sex": null(hdr.get("sex")),
                "age": int(hdr["age"]) if null(hdr.get("age")) else None, "region": null(hdr.get("region")),
                "interested_area": hdr["area"], "preferred_time": null(hdr.get("time")), "channel": hdr["channel"],
                "language": null(hdr.get("language", G.CONTRACT_LANGUAGE.get(hdr["lang"].split("+")[0]))),
                "created_at": timestamp(hdr["created"]), "updated_at": None, "ip_address": null(hdr.get("ip")),
                "title": None, "question": None, "answer": None, "answered_by": None, "answered_at": None,
                "deleted": hdr.get("deleted", "false") == "true",
            }
            member = None
            if member_id:
                member = members.get(member_id)
                if member is None:
                    member = {
                        "member_id": member_id, "name": hdr.get("m.name", rec["name"]),
                        "birth_date": null(hdr.get("m.birth")), "sex": hdr.get("m.sex", rec["sex"]),
                        "phone": hdr.get("m.phone", rec["phone"]), "email": hdr.get("m.email", rec["email"]),
                        "address": null(hdr.get("m.address")),
                        "joined_at": timestamp(hdr.get("m.joined", "2021-06-01 12:00")), "status": "active",
                        "withdrawn_at": None, "marketing_consent": hdr.get("m.consent", "false") == "true",
                        "guardian_name": null(hdr.get("m.guardian_name")),
                        "guardian_phone": null(hdr.get("m.guardian_phone")),
                        "guardian_rrn": null(hdr.get("m.guardian_rrn")),
                    }
                    members[member_id] = member
            svals = structured_values({**rec, "answered_by": null(hdr.get("by"))}, member)
            pii, keep, qi = [], [], []
            for field in ("title", "question", "answer"):
                marked = texts[field]
                if not marked.strip():
                    rec[field] = "" if field == "title" else None
                    continue
                plain, p, k, q = field_annotations(field, marked, f"{where}:{field}", svals)
                rec[field] = plain
                pii += p
                keep += k
                qi += q
            if rec["answer"]:
                rec["answered_by"] = null(hdr.get("by"))
                rec["answered_at"] = timestamp(hdr["answered"])
            rec["updated_at"] = rec["answered_at"] or rec["created_at"]
            consultations.append(rec)
            golds.append({"consultation_id": cid, "lang": hdr["lang"], "pii": pii, "keep": keep, "qi": qi})
    return consultations, list(members.values()), golds


# ---------------------------------------------------------------------------
# short texts: english_pii (blocks separated by a line '---'), korean_sentences (one per line)
# ---------------------------------------------------------------------------
def guest(cid: str, lang: str, created: str, title: str, question: str, answer: str | None, channel: str):
    return {
        "consultation_id": cid, "member_id": None, "name": None, "phone": None, "email": None, "sex": None,
        "age": None, "region": None, "interested_area": "other", "preferred_time": None, "channel": channel,
        "language": G.CONTRACT_LANGUAGE.get(lang), "created_at": created, "updated_at": created,
        "ip_address": None, "title": title, "question": question, "answer": answer, "answered_by": None,
        "answered_at": created if answer else None, "deleted": False,
    }


def created_at(i: int, year: int) -> str:
    day = (i * 7) % 365
    month, dom = 1 + day // 31 % 12, 1 + day % 28
    return f"{year}-{month:02d}-{dom:02d}T{8 + i % 13:02d}:{(i * 17) % 60:02d}:00+09:00"


def short_record(cid, lang, i, year, channel, parts: dict[str, str], default_role="patient"):
    rec = guest(cid, lang, created_at(i, year), "", "", None, channel)
    pii, keep, qi = [], [], []
    for field in ("title", "question", "answer"):
        marked = parts.get(field) or ""
        if not marked.strip():
            rec[field] = "" if field == "title" else None
            continue
        plain, p, k, q = field_annotations(field, marked, f"{cid}:{field}", {}, default_role)
        rec[field] = plain
        pii, keep, qi = pii + p, keep + k, qi + q
    return rec, {"consultation_id": cid, "lang": lang, "pii": pii, "keep": keep, "qi": qi}


CHANNEL_CYCLE = ("email", "homepage", "realtime", "board", "email", "homepage", "fax")


def read_english(paths, prefix="EP"):
    recs, golds, i = [], [], 0
    for path in paths:
        for block in re.split(r"^---\s*$", path.read_text(encoding="utf-8"), flags=re.M):
            lines = [ln for ln in block.strip("\n").split("\n")]
            if not "".join(lines).strip():
                continue
            i += 1
            parts = {"title": "", "question": [], "answer": ""}
            for ln in lines:
                if ln.startswith("T: "):
                    parts["title"] = ln[3:].strip()
                elif ln.startswith("A: "):
                    parts["answer"] = ln[3:].strip()
                else:
                    parts["question"].append(ln)
            parts["question"] = "\n".join(parts["question"]).strip()
            rec, gold = short_record(f"{prefix}{i:04d}", "en", i, 2023, CHANNEL_CYCLE[i % len(CHANNEL_CYCLE)], parts)
            recs.append(rec)
            golds.append(gold)
    return recs, [], golds


def read_korean(paths, prefix="KS"):
    recs, golds, i = [], [], 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip() or line.startswith("#"):
                continue
            i += 1
            # news and review sentences: the people in them are third parties
            rec, gold = short_record(f"{prefix}{i:04d}", "ko", i, 2024, "board", {"question": line.strip()}, "other")
            recs.append(rec)
            golds.append(gold)
    return recs, [], golds


def write_set(name: str, consultations, members, golds):
    out = HERE / name
    out.mkdir(exist_ok=True)
    ids = [r["consultation_id"] for r in consultations]
    if len(ids) != len(set(ids)):
        raise SourceError(f"{name}: duplicate consultation ids")
    for fname, rows in (("consultations.jsonl", consultations), ("members.jsonl", members), ("gold.jsonl", golds)):
        with open(out / fname, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{name}: {len(consultations)} consultations, {len(members)} members, "
          f"{sum(len(g['pii']) for g in golds)} pii, {sum(len(g['keep']) for g in golds)} keep")


def main():
    try:
        write_set("handwritten", *read_handwritten(sorted((AUTHORING / "handwritten").glob("*.txt"))))
        write_set("handwritten2", *read_handwritten(sorted((AUTHORING / "handwritten2").glob("*.txt"))))
        write_set("english_pii", *read_english(sorted((AUTHORING / "english_pii").glob("*.txt"))))
        write_set("english_pii2", *read_english(sorted((AUTHORING / "english_pii2").glob("*.txt")), "EQ"))
        write_set("korean_sentences", *read_korean(sorted((AUTHORING / "korean_sentences").glob("*.txt"))))
        write_set("korean_sentences2", *read_korean(sorted((AUTHORING / "korean_sentences2").glob("*.txt")), "KT"))
        write_set("handwritten3", *read_handwritten(sorted((AUTHORING / "handwritten3").glob("*.txt"))))
        write_set("korean_sentences3", *read_korean(sorted((AUTHORING / "korean_sentences3").glob("*.txt")), "KU"))
        write_set("handwritten4", *read_handwritten(sorted((AUTHORING / "handwritten4").glob("*.txt"))))
        write_set("korean_sentences4", *read_korean(sorted((AUTHORING / "korean_sentences4").glob("*.txt")), "KW"))
        write_set("handwritten5", *read_handwritten(sorted((AUTHORING / "handwritten5").glob("*.txt"))))
        write_set("korean_sentences5", *read_korean(sorted((AUTHORING / "korean_sentences5").glob("*.txt")), "KX"))
        write_set("korean_sentences6", *read_korean(sorted((AUTHORING / "korean_sentences6").glob("*.txt")), "KY"))
        write_set("handwritten6", *read_handwritten(sorted((AUTHORING / "handwritten6").glob("*.txt"))))
        write_set("handwritten7", *read_handwritten(sorted((AUTHORING / "handwritten7").glob("*.txt"))))
        write_set("handwritten8", *read_handwritten(sorted((AUTHORING / "handwritten8").glob("*.txt"))))
    except SourceError as e:
        sys.exit(f"error: {e}")


if __name__ == "__main__":
    main()
