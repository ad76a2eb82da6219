"""A real `clinic-anon run` on a generated sample whose texts hold words the anonymiser keeps only by
their context (a listed eponym in the possessive, an ICD code after an ICD word, a ward label, a
Vietnamese month): the leak gate withholds none of those records and they are released.

All people and values here are synthetic.
"""
from __future__ import annotations

import json
import random

import duckdb
import pytest
from test_flow import latest, read_jsonl, run_cli, write_jsonl

from data_samples.generator import generate

pytestmark = pytest.mark.slow  # a whole run

QUESTIONS = ("I was told I have Hashimoto's, is eyelid surgery still fine?",
             "After the Bell's palsy my left eyelid droops a little.",
             "My letter says ICD-10 K21.9, does that matter for sedation?",
             "I was on Ward 6B last year for the knee, can I book a consult?",
             "Tôi muốn đặt lịch phẫu thuật vào tháng Mười Hai.")
ANSWERS = ("Please bring your latest blood results to the consultation.", "Yes, we will check it at the visit.")


def test_records_holding_words_kept_by_context_are_released_not_withheld(tmp_path):
    source = tmp_path / "source"
    generate(source, n_consultations=120, seed=5)
    rng = random.Random(5)
    consultations = read_jsonl(source / "consultations.jsonl")
    for i, c in enumerate(consultations):
        c["question"], c["answer"] = QUESTIONS[i % len(QUESTIONS)], rng.choice(ANSWERS)
    write_jsonl(source / "consultations.jsonl", consultations)
    out = tmp_path / "out"
    result = run_cli(source, out, tmp_path / "home")
    assert result.returncode == 0, result.stderr[-3000:]
    release = latest(out)
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["check"]["withheld"]["records"] == 0, manifest["check"]["withheld"]
    with duckdb.connect(str(release / "academic.duckdb"), read_only=True) as con:
        released = " ".join(q for (q,) in con.execute("SELECT question FROM consultations").fetchall() if q)
    for words in ("Hashimoto's", "Bell's palsy", "ICD-10 K21.9", "Ward 6B", "tháng Mười Hai"):
        assert words in released
