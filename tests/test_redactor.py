"""Redactor: engine + deny list merged, placeholders and role-consistent surrogates, spans without text."""
import pytest

from anonymise.redactor import Redactor, Span, _refine_ner, merge_spans

RECORD = {
    "consultation_id": "T7", "member_id": "seri.bong", "name": "봉세린", "phone": "010-3141-5926",
    "email": "serib@example.com", "answered_by": "맹지율", "ip_address": "198.51.100.23",
    "title": "봉세린 쌍꺼풀 문의",
    "question": "안녕하세요 봉세린입니다. 쌍꺼풀 수술 후 붓기는 얼마나 가나요? 친구 탁윤슬이 소개해줬어요. "
                "연락은 010 3141 5926 으로 주세요.",
    "answer": "세린 씨 안녕하세요. 붓기는 2주 정도면 빠집니다. 친구 탁윤슬님께도 안부 전해주세요. 원장 맹지율",
}
MEMBER = {"member_id": "seri.bong", "name": "봉세린", "guardian_name": "구예린", "guardian_phone": "010-2718-2818"}


@pytest.fixture(scope="module")
def redaction():
    return Redactor().redact(RECORD, MEMBER)


def test_placeholders_replace_every_personal_value(redaction):
    for field in ("title", "question", "answer"):
        text = redaction.text[field]
        for value in ("봉세린", "세린", "탁윤슬", "맹지율", "3141", "5926"):
            assert value not in text
    assert "<PERSON>" in redaction.text["question"] and "<PHONE>" in redaction.text["question"]


def test_medical_content_and_role_words_survive(redaction):
    assert "쌍꺼풀 수술 후 붓기는" in redaction.text["question"]
    assert "2주 정도면" in redaction.text["answer"] and "원장" in redaction.text["answer"]


def test_surrogates_are_consistent_within_a_record(redaction):
    title, question, answer = (redaction.surrogate[f] for f in ("title", "question", "answer"))
    assert title.startswith("환자 A")
    assert "환자 A입니다" in question and "친구 인물 B이" in question
    assert answer.startswith("환자 A 씨") and "인물 B님께도" in answer and answer.endswith("의사 C")
    assert "[전화번호]" in question


def test_spans_hold_offsets_into_the_original_and_no_text(redaction):
    question = RECORD["question"]
    people = [s for s in redaction.spans["question"] if s.entity_type == "PERSON"]
    assert [question[s.start:s.end] for s in people] == ["봉세린", "탁윤슬"]
    assert [s.role for s in people] == ["patient", "other"]
    assert all(isinstance(v, (str, int, float)) and "봉세린" not in str(v)
               for s in people for v in vars(s).values())
    assert redaction.counts["PERSON"] == sum(
        1 for f in ("title", "question", "answer") for s in redaction.spans[f] if s.entity_type == "PERSON")


def test_none_text_stays_none_and_english_uses_english_labels():
    record = {"consultation_id": "T8", "name": "Thorne Halvik", "answered_by": "맹지율", "title": None,
              "question": "Hi Dr. Maeng, I'm Thorne. My wife Isolde Varga will join.",
              "answer": "Dear Mr. Halvik, see you soon. Dr. Maeng Ji-yul"}
    redaction = Redactor().redact(record)
    assert redaction.text["title"] is None and redaction.surrogate["title"] is None
    assert redaction.surrogate["question"].startswith("Hi Doctor A, I'm Patient B.")
    assert "Person C" in redaction.surrogate["question"]
    assert "Patient B" in redaction.surrogate["answer"] and "Doctor A" in redaction.surrogate["answer"]


def test_overlapping_spans_merge_into_their_union_typed_by_the_longest():
    spans = [Span("EMAIL", 10, 30, "EmailRecognizer", 0.9, "other"),
             Span("PERSON", 10, 16, "RecordDenyList", 1.0, "patient"),
             Span("PHONE", 40, 52, "KoreanPhoneRecognizer", 0.7, "other"),
             Span("PHONE", 38, 50, "RecordDenyList", 1.0, "guardian")]
    assert merge_spans(spans) == [Span("EMAIL", 10, 30, "EmailRecognizer", 0.9, "patient"),
                                  Span("PHONE", 38, 52, "RecordDenyList", 1.0, "guardian")]


def test_ner_names_are_cut_to_their_name_like_parts():
    ner = [Span("PERSON", 0, 28, "SpacyRecognizer", 0.85, "other"), Span("PERSON", 30, 39, "SpacyRecognizer", 0.85,
                                                                         "other")]
    text = "laser toning - Corin Aldane, Ultherapy"
    assert [text[s.start:s.end] for span in ner for s in _refine_ner(span, text)] == ["Corin Aldane"]


def test_identifiers_of_other_countries_get_their_own_placeholders_and_labels():
    record = {"consultation_id": "T9", "language": "en",
              "question": "Refund to IBAN GB29 NWBK 6016 1331 9268 19 please. SSN 536-90-4399, "
                          "身份证 110105198805031234, card 6011-1111-1111-1117, call +44 20 7946 0958.",
              "answer": "환불은 IBAN GB29 NWBK 6016 1331 9268 19 계좌로 진행합니다."}
    redaction = Redactor().redact(record)
    assert redaction.text["question"] == ("Refund to IBAN <IBAN> please. SSN <SSN>, 身份证 <ID>, card <CREDIT_CARD>, "
                                          "call <PHONE>.")
    assert "[IBAN]" in redaction.surrogate["question"] and "[social security no.]" in redaction.surrogate["question"]
    assert redaction.surrogate["answer"] == "환불은 IBAN [계좌번호] 계좌로 진행합니다."
    assert redaction.counts == {"IBAN": 2, "SSN": 1, "ID": 1, "CREDIT_CARD": 1, "PHONE": 1}
