"""redact_file: JSONL in, anonymised JSONL out, structured fields by policy, explain file without text."""
import json

import pytest

from anonymise.redact_io import redact_file

RECORDS = [
    {"consultation_id": "C-001", "member_id": "yulm", "name": "맹지율", "phone": "010-5555-0101",
     "email": "jiyul.m@example.com", "sex": "F", "age": 27, "region": "서울 강남구", "interested_area": "eyes",
     "channel": "homepage", "language": "ko", "created_at": "2024-03-05T10:00:00+09:00", "ip_address": "192.0.2.8",
     "title": "눈매교정 문의", "question": "맹지율입니다. 눈매교정 비용이 궁금해요. 010.5555.0101로 연락주세요.",
     "answer": "지율 씨, 눈매교정은 상담 후 안내드립니다.", "answered_by": "도해온", "deleted": False,
     "favourite_colour": "blue"},
    {"consultation_id": "C-002", "member_id": None, "name": "Wren Solberg", "language": "en",
     "title": "Rhinoplasty", "question": "I'm Wren. Recovery time for rhinoplasty?", "answer": None},
]
MEMBERS = [{"member_id": "yulm", "name": "맹지율", "birth_date": "1997-02-14", "address": "서울 강남구 테헤란로 1"}]
ORIGINAL_VALUES = ("맹지율", "지율", "5555", "Wren", "Solberg", "도해온", "jiyul.m")


@pytest.fixture(scope="module")
def redacted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redact")
    source, members, out, explain = (folder / n for n in ("in.jsonl", "members.jsonl", "out.jsonl", "explain.jsonl"))
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS] + ["{not json"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    members.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in MEMBERS), encoding="utf-8")
    stats = redact_file(source, out, members_path=members, explain_path=explain, key=b"k" * 32)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return stats, rows, explain.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")


def test_one_line_per_record_with_id_unchanged_and_text_anonymised(redacted):
    stats, rows, _, output = redacted
    assert [r["consultation_id"] for r in rows] == ["C-001", "C-002"]
    assert rows[0]["question"].startswith("<PERSON>입니다. 눈매교정 비용이 궁금해요. <PHONE>")
    assert rows[1]["answer"] is None
    assert not any(value in output for value in ORIGINAL_VALUES)
    assert stats.records == 2 and stats.spans_by_type == {"PERSON": 3, "PHONE": 1} and stats.seconds > 0


def test_structured_fields_follow_the_policy(redacted):
    stats, rows, _, _ = redacted
    first = rows[0]
    for dropped in ("name", "phone", "email", "ip_address", "answered_by", "deleted", "favourite_colour"):
        assert dropped not in first
    assert first["interested_area"] == "eyes" and first["sex"] == "F"
    assert first["member_id"] not in (None, "yulm")
    assert stats.unknown_columns["consultations.favourite_colour"] == 1


def test_unparseable_line_is_counted_not_written(redacted):
    stats, rows, _, _ = redacted
    assert stats.rejected["not JSON"] == 1 and len(rows) == 2


def test_explain_lists_spans_and_never_the_original_text(redacted):
    _, _, explain, _ = redacted
    entries = [json.loads(line) for line in explain.splitlines()]
    assert [e["consultation_id"] for e in entries] == ["C-001", "C-002"]
    span = entries[0]["spans"][0]
    assert set(span) == {"field", "type", "start", "end", "recognizer", "score", "role"}
    assert any(s["type"] == "PHONE" and s["field"] == "question" for s in entries[0]["spans"])
    assert not any(value in explain for value in ORIGINAL_VALUES)


def test_a_text_column_the_policy_drops_is_null_in_the_output(tmp_path):
    from anonymise.settings import AnonymiseSettings

    policy = tmp_path / "policy.toml"
    policy.write_text('[consultations]\nconsultation_id = "keep"\ntitle = "drop"\nquestion = "text"\n', encoding="utf-8")
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    record = {"consultation_id": "C-9", "title": "맹지율 010-5555-0101", "question": "문의 010-5555-0101"}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    redact_file(source, out, settings=AnonymiseSettings(policy_file=policy), key=b"k" * 32)
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row == {"consultation_id": "C-9", "title": None, "question": "문의 <PHONE>", "answer": None}


def test_a_record_whose_analysis_fails_is_counted_not_written(tmp_path, monkeypatch):
    import anonymise.redactor
    from anonymise.engine import AnalysisError, analyze_texts

    def failing(texts, **kwargs):
        if any("수술" in text for text in texts):  # fails the batch, then that record alone
            raise AnalysisError("analysis failed")
        return analyze_texts(texts, **kwargs)

    monkeypatch.setattr(anonymise.redactor, "analyze_texts", failing)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"consultation_id": "A", "question": "맹지율 수술 문의"}, {"consultation_id": "B", "question": "문의"}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    stats = redact_file(source, out, key=b"k" * 32)
    assert stats.rejected["analysis failed"] == 1 and stats.records == 1
    assert "맹지율" not in out.read_text(encoding="utf-8")
    assert [json.loads(line)["consultation_id"] for line in out.read_text().splitlines()] == ["B"]


def test_strictest_form_by_default_and_the_academic_form_on_request(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"consultation_id": "C-9", "title": "코 문의", "answer": None,
                                  "question": "32살이고 강남역 근처 살아요. 삼성전자 다녀요."}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    strictest, academic, explain = tmp_path / "s.jsonl", tmp_path / "a.jsonl", tmp_path / "e.jsonl"
    redact_file(source, strictest, explain_path=explain, key=b"k" * 32)
    redact_file(source, academic, key=b"k" * 32, text_form="academic")
    assert json.loads(strictest.read_text())["question"] == "<AGE>이고 <PLACE> 근처 살아요. <WORKPLACE> 다녀요."
    assert json.loads(academic.read_text())["question"] == "30대이고 서울 근처 살아요. <WORKPLACE> 다녀요."
    spans = json.loads(explain.read_text())["spans"]
    assert {s["type"] for s in spans if s.get("quasi_identifier")} == {"AGE", "PLACE", "WORKPLACE"}
    assert "강남역" not in explain.read_text()
