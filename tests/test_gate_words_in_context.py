"""The leak gate's released-text rule vouches for a word the token rule refuses only where its
neighbours make it no name or code, as the anonymiser keeps it: a listed eponym in the possessive
after no personal title (Hashimoto's, Bell's palsy), a code of ICD's shape right after an ICD word,
a CPT/HCPCS code right after its word,
a ward/bed label with its word, a Vietnamese month after "tháng", a currency sign glued to its amount
(Rp4.200.000), an Indonesian or Mongolian word or a Russian polite imperative opening a sentence, a
listed eponym in Hangul with its disease word (가와사키병, 하시모토 갑상선염).
Near-misses stay findings.

Checked through check_release on a small real release. All people here are invented for these tests.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gate_fixtures import KEY, build_clean_release, plant, text_findings, write_snapshot

from anonymise.gate import CheckSettings, check_release, snapshot_needles
from anonymise.gate.scan import ALLOWLIST_FILE


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_clean_release(tmp_path_factory.mktemp("template") / "release")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    return write_snapshot(tmp_path_factory.mktemp("accepted"))


@pytest.mark.parametrize("answer", [
    "Your thyroid results fit Hashimoto's, so we will check again in spring.",
    "Since the Bell's palsy last year the left side of the face is weaker.",
    "The swelling behind the knee is a Baker's cyst.",
    "She was treated for Graves' before the eyelid surgery.",
    "Crohn’s flares are not a reason to cancel.",
    "The referral lists ICD K21.9 and the note ICD-11 ED80.",
    "Coded as ICD-10: E11.9 (ICD-11 5A11).",
    "습진(L30.9)으로 보이며 연고를 처방합니다.",                               # a code with its decimals, no ICD word
    "The letter gives E11.65 as the diagnosis.",
    "Billed as CPT 0479T, the injection as HCPCS J0585.",
    "Your insurer lists CPT code: 0001F for the follow-up.",
    "Please come to Ward 6B, Bed 12 after the procedure.",
    "Tôi muốn đặt lịch vào tháng Hai hoặc tháng Mười Hai.",
    "Biayanya Rp4.200.000 untuk dua sesi botox.",                          # a currency sign glued to its amount
    "Biayanya RM2,150.50 sudah termasuk pajak.",
    "Tolong kirim harga filler hidung ya.",                                 # an Indonesian word opening a sentence
    "Посоветуйте, пожалуйста, крем после пилинга.",                          # a polite imperative opening one
    "어릴 때 가와사키병을 앓았고 지금은 괜찮아요.",                           # a listed eponym glued to its disease word
    "쿠싱증후군 검사 결과를 가져갈게요.",
    "하시모토 갑상선염이 있어서 약을 먹고 있어요.",                           # one space before it
    "겨울마다 레이노 증후군 때문에 손끝이 하얘져요.",
])
def test_words_the_anonymiser_keeps_in_context_are_released(tmp_path, template, snapshot, answer):
    assert text_findings(tmp_path, template, snapshot, answer) == []


@pytest.mark.parametrize("answer, kind", [
    ("The surgeon said Mirelka's cyst is harmless.", "text:name"),            # a made-up name, possessive
    ("Dr. Graves's clinic moved last year.", "text:name"),                  # an eponym after a title
    ("The referral number was K21.9987 on the letter.", "text:identifier_shape"),  # longer than ICD's decimals
    ("The referral number was K21 on the letter.", "text:code"),              # no decimals, no ICD word before it
    ("Please quote ED80 at the desk.", "text:code"),
    ("ICD ED80X9 is what the letter says.", "text:code"),                      # not ICD's shape
    ("Please quote J0585 at the desk.", "text:code"),                         # HCPCS shape, no code word
    ("CPT J05851 is what the letter says.", "text:code"),                     # not the code's shape
    ("Please ask for Ward Hale at the desk.", "text:name"),                   # Ward before a name
    ("The ward nurse said Bed Hale was free.", "text:name"),
    ("Tôi gặp anh Hai hôm qua.", "text:name"),                                # Hai, no month word before
    ("Totalnya Qx4.200.000 untuk botox.", "text:identifier_shape"),           # letters no currency has
    ("Harga filler Tolong ya.", "text:name"),                               # an opener word mid-sentence
    ("Крем Посоветуйте мне.", "text:name"),
    ("하시모토 선생님께 여쭤볼게요.", "text:unknown_word"),                   # the eponym as a person's name
    ("가와사키 씨가 예약을 바꿨어요.", "text:unknown_word"),
])
def test_near_misses_are_still_findings(tmp_path, template, snapshot, answer, kind):
    assert kind in [k for k, _ in text_findings(tmp_path, template, snapshot, answer)]


def faq_findings(tmp_path: Path, template: Path, snapshot: Path, question: str, search_text: str) -> list[str]:
    release = Path(shutil.copytree(template, tmp_path / "r1"))
    plant(release, "faq", "UPDATE faq_entries SET question = ?, search_text = ?", [question, search_text])
    report = check_release(release, snapshot_needles(snapshot), KEY, CheckSettings(k_anonymity=3, min_cell_size=10),
                           allowlist=ALLOWLIST_FILE)
    return [f"{f.column}:{f.kind}" for f in report.findings if f.kind.startswith("text:")]


def test_the_faq_search_words_of_a_vouched_question_pass(tmp_path, template, snapshot):
    """The search index holds the question's morphemes without their context (Hashimoto, 6B): the
    question beside them is where the context is judged."""
    question = "Is Hashimoto's a problem? I stayed on Ward 6B (ICD-10 K21.9)."
    assert faq_findings(tmp_path, template, snapshot, question, "Hashimoto problem Ward 6B ICD-10 K21.9") == []


def test_a_made_up_name_in_the_faq_search_words_is_still_a_finding(tmp_path, template, snapshot):
    found = faq_findings(tmp_path, template, snapshot, "Is Mirelka's cyst a problem?", "Mirelka cyst problem")
    assert "question:text:name" in found and "search_text:text:name" in found
