"""Where the anonymise stage's CPU goes, phase by phase, on the anonymiser benchmark's texts.

    DO_NOT_TRACK=1 .venv/bin/python benchmarks/profile_anonymiser.py [--chunks 8] [--consultations 15000]
        [--seed 5] [--pyinstrument OUT.html]

Runs the flow's ``anonymise_chunk`` in this one process over the first --chunks chunk files that
``bench_anonymiser.py`` prepares (same sample, ingest, eligibility and chunk plan; prepared once,
untimed) and prints the CPU seconds (user + system of this process) spent in each phase: the
Presidio engine (recognizers, context enhancement, English NER), the record's deny list, the text
quasi-identifiers, the safe-list pass, rendering, and the start-up of the worker's models. Phases
nest (the engine's parts are indented under it), so the percentages do not add up to 100.
With --pyinstrument it also writes a sampling profile of the same work (kiwipiepy is imported
before the profiler starts: importing it under the sampler crashes).
"""
from __future__ import annotations

import argparse
import functools
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _timed(owner, name: str, label: str, cost: Counter) -> None:
    function = getattr(owner, name)

    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            cost[label] += time.process_time() - started

    setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--consultations", type=int, default=15_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--chunk-records", type=int, default=500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-anon"))
    parser.add_argument("--pyinstrument", type=Path, help="also write a pyinstrument HTML profile here")
    args = parser.parse_args()

    import bench_anonymiser

    work = args.work / f"c{args.consultations}-s{args.seed}-r{args.chunk_records}"
    work.mkdir(parents=True, exist_ok=True)
    job = bench_anonymiser.prepare(work, args.consultations, args.seed, args.chunk_records)

    import anonymise.deny_list as deny_list
    import anonymise.engine as engine
    import anonymise.redactor as redactor
    import anonymise.safe_list as safe_list
    import flows.anonymise_stage as stage
    from flows.config import AnonymiseSettings

    settings = AnonymiseSettings.model_validate_json(job["settings"])
    key = bytes.fromhex(job["key"])
    cost: Counter = Counter()
    for owner, name, label in (
            (stage, "anonymise_chunk", "anonymise_chunk (all)"),
            (redactor, "analyze_texts", "engine: analyze_texts"),
            (engine.ClinicAnalyzerEngine, "_run", "  recognizers"),
            (engine.ClinicAnalyzerEngine, "_enhance_using_context", "  context enhancement"),
            (engine.ScriptRoutedNlpEngine, "persons_in", "  English NER (spaCy)"),
            (engine, "ner_windows", "  NER windows"),
            (redactor.Redactor, "_redaction", "redactor: per record (all)"),
            (deny_list.RecordDenyList, "build", "  deny list: build"),
            (deny_list.RecordDenyList, "find", "  deny list: find"),
            (redactor, "find_quasi_identifiers", "  text quasi-identifiers"),
            (safe_list.SafeListPass, "find", "  safe-list pass"),
            (redactor.Redactor, "_render", "  render (three forms)"),
            (stage.pq, "read_table", "chunk read"),
            (stage.pq, "write_table", "chunk write")):
        _timed(owner, name, label, cost)

    started = time.process_time()
    from anonymise.kiwi_model import shared_kiwi

    shared_kiwi()
    from anonymise.consultation_redaction import warm_up

    warm_up(settings, stage._policy(str(settings.policy_file)))
    startup = time.process_time() - started
    cost.clear()

    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    out = work / "profile-out"
    out.mkdir(exist_ok=True)
    chunks = job["chunks"][:args.chunks]
    for index, chunk in enumerate(chunks):
        stage.anonymise_chunk(chunk, str(out / f"{index}.parquet"), settings, key)
    if profiler:
        profiler.stop()
        args.pyinstrument.write_text(profiler.output_html())

    import pyarrow.parquet as pq

    records = sum(pq.read_metadata(chunk).num_rows for chunk in chunks)
    total = cost["anonymise_chunk (all)"]
    print(f"{len(chunks)} chunks, {records} records; start-up (models, warm-up record) {startup:.2f} CPU-s, "
          f"then {total:.2f} CPU-s ({records / total:.0f} records/CPU-s)")
    for label, seconds in cost.items():
        print(f"{label:32s} {seconds:7.2f} s {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
