"""The fail-closed safe-list pass: what no one vouches for goes, medical content stays.

Every name, code and handle here is made up for these tests; none comes from an evaluation set.
"""
import json

import pytest

from anonymise.redact_io import redact_file
from anonymise.redactor import Redactor
from anonymise.safe_list import RECOGNIZER, SafeListPass

ZERO_WIDTH = "\u200b"


@pytest.fixture(scope="module")
def redactor():
    return Redactor()


@pytest.fixture(scope="module")
def safe_list():
    return SafeListPass()


def both(redactor, text: str) -> tuple[str, str]:
    redaction = redactor.redact({"consultation_id": "S1", "title": None, "question": text, "answer": None})
    return redaction.text["question"], redaction.surrogate["question"]


@pytest.mark.parametrize("text, secret", [
    ("어제 표서린이 같이 상담 받으러 온대요.", "표서린"),                          # bare Korean name, no 님/씨
    ("나탈리아가 다음 주에 예약했어요.", "나탈리아"),                             # a foreign name in Hangul
    ("Thanks to Vasquorin for the advice about the scar.", "Vasquorin"),        # a Latin surname alone
    ("Okafor, Brennagh and Delacroix asked about fillers.", "Brennagh"),        # surnames listed together
    ("My reference is 5830291746, please check.", "5830291746"),                # a 10-digit code
    ("DM me at @mirelle_qx for the photos.", "mirelle_qx"),                     # a handle
    ("Add me on kakao: tovelin93", "tovelin93"),                                # a letter-digit ID
    ("The file is at clinic-share.net/p/8xk2", "8xk2"),                         # a URL with a path
    ("Ich heiße Quintarra und komme im Mai.", "Quintarra"),                     # a capitalised name in another Latin language
    ("王思远和我一起来做双眼皮手术。", "王思远"),                                    # Chinese name without a cue
    ("턱끝 성형 문의드려요 - 蒋雨桐 (카톡 주세요)", "蒋雨桐"),                          # ... standing alone in Korean text
    ("田村あかねです。ボトックスの料金を教えてください。", "あかね"),                   # Japanese name before です
    ("Меня зовут Олеся Карпенко, хочу ринопластику.", "Карпенко"),               # Russian
    ("Tôi là Trần Thị Nhàn, muốn hỏi về nâng mũi.", "Nhàn"),                     # Vietnamese
    ("Toi la Tran Van An, muon hoi ve nang mui.", " An,"),                       # ... typed without diacritics
    ("Светлана спросила про ботокс.", "Светлана"),                               # a Russian given name opening a sentence
    ("คุณสมศรี ต้องการทำตาสองชั้น", "สมศรี"),                                       # Thai after a title
    ("Γεια σας, είμαι η Ξανθίππη, θέλω botox.", "Ξανθίππη"),                     # a script no rule reads
    ("مرحبا، اسمي ليلى وأريد الفيلر", "ليلى"),
])
def test_what_no_one_vouches_for_is_removed_in_both_renderings(redactor, text, secret):
    placeholders, surrogates = both(redactor, text)
    assert secret not in placeholders and secret not in surrogates, (placeholders, surrogates)


@pytest.mark.parametrize("text, kept", [
    ("울쎄라 300샷이랑 써마지 FLX 가격이 150만원 맞나요? 붓기는 2주 정도 가요.",
     ["울쎄라", "300샷", "써마지", "150만원", "붓기는 2주"]),
    ("비중격 연장술 후 콧볼 축소도 같이 하면 회복기간이 얼마나 되나요?", ["연장술", "콧볼 축소", "회복기간"]),
    ("쌍꺼풀 재수술은 보통 6개월 뒤에 가능하고 리도카인 마취 크림을 발라요.", ["쌍꺼풀 재수술", "6개월", "리도카인"]),
    ("Botox 50 units costs 300,000 won; swelling after rhinoplasty lasts 10 days.",
     ["Botox 50 units", "300,000 won", "swelling after rhinoplasty lasts 10 days"]),
    ("Surgery on 2024.03.15 10:30, clinic open 10:00~18:00, take 500mg ibuprofen.",
     ["2024.03.15 10:30", "10:00~18:00", "500mg ibuprofen"]),
    ("Double Eyelid Surgery Question - Recovery Time", ["Double Eyelid Surgery Question - Recovery Time"]),
    ("我想做双眼皮手术，热玛吉多少钱？恢复期大概两周。", ["双眼皮手术", "热玛吉", "恢复期"]),
    ("ヒアルロン酸の注射は何ccですか？ダウンタイムは一週間です。", ["ヒアルロン酸", "ダウンタイム"]),
    ("I live in Seoul and my friend is from Hong Kong.", ["Seoul", "Hong Kong"]),
    ("The Doctor's Post-Op advice: Follow-Up in 2 weeks.", ["The Doctor's Post-Op advice: Follow-Up in 2 weeks."]),
    ("Операция прошла хорошо, спасибо за ответ.", ["Операция прошла хорошо, спасибо за ответ."]),
])
def test_medical_terms_doses_prices_and_ordinary_words_stay(redactor, text, kept):
    placeholders, surrogates = both(redactor, text)
    for term in kept:
        assert term in placeholders and term in surrogates, (term, placeholders)


def test_a_person_is_typed_when_the_evidence_says_so(redactor):
    placeholders, surrogates = both(redactor, "My colleague Jennifer and Dr. Vasquorin came.")
    assert placeholders == "My colleague <PERSON> and Dr. <PERSON> came."
    assert surrogates.count("Person ") == 2
    placeholders, _ = both(redactor, "We stayed at the Qorlindane near the clinic.")
    assert "<NAME>" in placeholders  # a proper noun of unknown kind


def test_a_claiming_layer_runs_before_the_pass_and_keeps_its_spans():
    from anonymise.redactor import Span

    class Workplaces:  # what a quasi-identifier layer does: claim its own kind of span
        def claim(self, text, record):
            at = text.find("Brixtonvale Hall")
            return [Span("WORKPLACE", at, at + 16, "Workplaces", 1.0, "other")] if at >= 0 else []

    redaction = Redactor(claiming_layers=[Workplaces()]).redact(
        {"consultation_id": "Q1", "question": "Vasquorin works at Brixtonvale Hall, 2 weeks after Botox."})
    spans = redaction.spans["question"]
    assert [(s.entity_type, s.recognizer.split(":")[0]) for s in spans] == [("NAME", RECOGNIZER), ("WORKPLACE", "Workplaces")]
    assert redaction.text["question"] == "<NAME> works at <WORKPLACE>, 2 weeks after Botox."


def test_claimed_spans_are_left_to_the_layer_that_claimed_them(safe_list):
    text = "Vasquorin works at Brixtonvale Hall"
    claimed = [(19, 35)]  # as a quasi-identifier layer would claim a workplace
    spans = safe_list.find(text, claimed)
    assert [(s.start, s.end) for s in spans] == [(0, 9)]
    assert safe_list.find(text, [(0, len(text))]) == []


def test_offsets_see_through_invisible_characters(safe_list, redactor):
    text = f"ref 583{ZERO_WIDTH}029{ZERO_WIDTH}1746 and Vas{ZERO_WIDTH}quorin"
    spans = safe_list.find(text)
    assert [text[s.start:s.end].replace(ZERO_WIDTH, "") for s in spans] == ["5830291746", "Vasquorin"]
    placeholders, surrogates = both(redactor, text)
    assert "583" not in placeholders and "quorin" not in placeholders and "quorin" not in surrogates


def test_spans_reach_the_explanation_without_text(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"consultation_id": "S9", "question": "Ask Vasquorin, code 5830291746"}) + "\n")
    explain = tmp_path / "spans.jsonl"
    redact_file(source, tmp_path / "out.jsonl", explain_path=explain)
    spans = json.loads(explain.read_text())["spans"]
    assert {s["recognizer"].split(":")[0] for s in spans} == {RECOGNIZER}
    assert "ID" in {s["type"] for s in spans} and {s["type"] for s in spans} <= {"NAME", "PERSON", "ID"}
    assert "Vasquorin" not in explain.read_text() and "5830291746" not in explain.read_text()
    out = json.loads((tmp_path / "out.jsonl").read_text())
    assert "Vasquorin" not in out["question"] and "5830291746" not in out["question"]
