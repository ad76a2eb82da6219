"""Counts of the evaluation sets, as Markdown tables (pasted into README.md).

    python benchmarks/eval_sets/stats.py [--json]

Per set: records, records with a member, personal values, keep terms, quasi-identifiers; personal
values by type, by language, by src and by role; records by language; keep terms by kind.
Counts only, no values.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def primary(lang: str) -> str:
    return lang.split("+")[0]


def set_stats(folder: Path) -> dict:
    cons = read_jsonl(folder / "consultations.jsonl")
    gold = read_jsonl(folder / "gold.jsonl")
    pii = [e for g in gold for e in g["pii"]]
    return {
        "records": len(cons), "with_member": sum(1 for r in cons if r["member_id"]),
        "records_without_pii": sum(1 for g in gold if not g["pii"]),
        "pii": len(pii), "keep": sum(len(g["keep"]) for g in gold), "qi": sum(len(g.get("qi", [])) for g in gold),
        "by_type": Counter(e["type"] for e in pii), "by_src": Counter(e["src"] for e in pii),
        "by_role": Counter(e["role"] for e in pii),
        "pii_by_lang": Counter(g["lang"] for g in gold for _ in g["pii"]),
        "records_by_lang": Counter(g["lang"] for g in gold),
        "records_by_primary_lang": Counter(primary(g["lang"]) for g in gold),
        "keep_by_kind": Counter(k["kind"] for g in gold for k in g["keep"]),
        "qi_by_type": Counter(q["type"] for g in gold for q in g.get("qi", [])),
    }


def matrix(title: str, key: str, stats: dict[str, dict]) -> list[str]:
    names = list(stats)
    rows = sorted({k for s in stats.values() for k in s[key]},
                  key=lambda k: (-sum(s[key][k] for s in stats.values()), k))
    out = [f"| {title} | " + " | ".join(names) + " | total |", "|" + "---|" * (len(names) + 2)]
    for k in rows:
        vals = [stats[n][key][k] for n in names]
        out.append(f"| {k} | " + " | ".join(str(v) if v else "" for v in vals) + f" | {sum(vals)} |")
    totals = [sum(stats[n][key].values()) for n in names]
    out.append("| **total** | " + " | ".join(str(t) for t in totals) + f" | {sum(totals)} |")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    stats = {p.name: set_stats(p) for p in sorted(HERE.iterdir()) if (p / "gold.jsonl").exists()}
    if a.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return
    lines = ["| set | records | with a member | without personal values | personal values | keep terms | "
             "quasi-identifiers |", "|---|---|---|---|---|---|---|"]
    for n, s in stats.items():
        lines.append(f"| {n} | {s['records']} | {s['with_member']} | {s['records_without_pii']} | {s['pii']} | "
                     f"{s['keep']} | {s['qi']} |")
    for title, key in (("records by language", "records_by_lang"),
                       ("records by main language", "records_by_primary_lang"),
                       ("personal values by language", "pii_by_lang"), ("personal values by type", "by_type"),
                       ("by src", "by_src"), ("by role", "by_role"), ("keep terms by kind", "keep_by_kind"),
                       ("quasi-identifiers by type", "qi_by_type")):
        lines += [""] + matrix(title, key, stats)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
