"""The fast analysis path finds exactly what Presidio's own AnalyzerEngine.analyze finds.

ClinicAnalyzerEngine.analyze skips recognizers by their text gates and the context pass on texts
without findings; analyze_texts batches English NER; redact_many batches records. None of that
may change a single span, type or score: each is compared with the plain path on synthetic records.
"""
import json

import pytest
from presidio_analyzer import AnalyzerEngine

from anonymise.engine import analyze_text, analyze_texts, get_analyzer
from anonymise.text_normalisation import normalise_with_offsets
from anonymise.redactor import Redactor
from data_samples.generator import generate

FIELDS = ("title", "question", "answer")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    generate(folder, n_consultations=40, seed=11)
    read = lambda name: [json.loads(line) for line in (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    return read("consultations"), {m["member_id"]: m for m in read("members")}


def _key(results):
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6),
                   (r.recognition_metadata or {}).get("recognizer_name")) for r in results)


def test_fast_analyze_equals_presidio_analyze(sample):
    records, _ = sample
    analyzer = get_analyzer()
    texts = [normalise_with_offsets(r[f])[0] for r in records for f in FIELDS if r.get(f)]
    assert len(texts) > 80
    for text in texts:  # every recognizer serves every language, so one language covers them all
        fast = analyzer.analyze(text, language="ko", score_threshold=0.5)
        plain = AnalyzerEngine.analyze(analyzer, text, language="ko", score_threshold=0.5)
        assert _key(fast) == _key(plain)


def test_text_gates_skip_recognizers_on_text_without_their_characters():
    skipped = [r.name for r in get_analyzer()._recognizers["ko"]
               if not all(g.search("쌍꺼풀 수술 상담 원해요") for g in getattr(r, "TEXT_GATES", ()))]
    assert {"PhoneNumbersRecognizer", "CardNumberRecognizer", "EmailRecognizer", "UrlRecognizer", "StdnumIbanRecognizer",
            "SsnRecognizer"} <= set(skipped)


def test_batched_analysis_equals_one_text_at_a_time(sample):
    records, _ = sample
    texts = [r.get(f) or "" for r in records for f in FIELDS]
    assert [_key(found) for found in analyze_texts(texts)] == [_key(analyze_text(t)) for t in texts]


def test_redact_many_equals_redact(sample):
    records, members = sample
    redactor = Redactor()
    batched = list(redactor.redact_many(records, members))
    single = [redactor.redact(r, members.get(r.get("member_id"))) for r in records]
    assert batched == single
