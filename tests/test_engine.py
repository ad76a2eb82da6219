import pytest
from presidio_analyzer import RecognizerResult

from anonymise.engine import AnalysisError, analyze_text, analyze_texts, get_analyzer, resolve_overlaps
from anonymise.text_normalisation import normalise_with_offsets
from anonymise.text_script import LANGUAGES, detect_language


def types(text: str, **kwargs) -> set[str]:
    return {r.entity_type for r in analyze_text(text, **kwargs)}


def test_analyzer_is_built_once_per_process():
    assert get_analyzer() is get_analyzer()


def test_every_custom_recognizer_serves_every_language():
    analyzer = get_analyzer()
    names = {language: {r.name for r in analyzer.get_recognizers(language)} for language in LANGUAGES}
    assert names["ko"] == names["en"] == names["zh"] == names["ja"]
    assert {"PhoneNumbersRecognizer", "SpacyRecognizer", "EmailRecognizer", "CardNumberRecognizer"} <= names["ko"]


@pytest.mark.parametrize("text, language", [
    ("쌍꺼풀 수술 비용이 궁금합니다", "ko"),
    ("How long is the recovery after rhinoplasty?", "en"),
    ("双眼皮手术多少钱？", "zh"),
    ("二重整形の費用はいくらですか？", "ja"),
    ("Hi, 쌍꺼풀 수술 상담 받고 싶어요", "ko"),
])
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_english_ner_finds_people_in_latin_text_and_in_mixed_text():
    text = "Hi, my sister Rebecca Thornton will come too. 저도 같이 가요."
    persons = [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == "PERSON"]
    assert "Rebecca Thornton" in persons


def test_english_ner_does_not_run_over_hangul():
    artifacts = get_analyzer().nlp_engine.process_text("수술 후 붓기는 2주 정도 갑니다. 강남역 근처예요.", "ko")
    assert artifacts.entities == []
    assert len(artifacts.tokens) > 0  # tokens still exist for context words


@pytest.mark.parametrize("text", [
    "Swelling goes down in 3 months; stitches out after 7 days.",
    "보톡스 20 units, 필러 1cc, 6개월 유지, 비용 30만원",
    "e.g. rhinoplasty and i.e. septoplasty on 2024-05-01",
    "The price is $3,000 and the surgery is on Monday.",
])
def test_presidio_defaults_that_eat_medical_content_are_off(text):
    assert not types(text) & {"DATE_TIME", "NRP", "LOCATION", "ORGANIZATION", "URL", "US_SSN", "US_BANK_NUMBER",
                              "PHONE", "PHONE_NUMBER"}


def test_entity_names_are_canonical():
    text = "mail sample@example.com, call 010-2345-6789, ip 203.0.113.9, card 4111 1111 1111 1111"
    assert types(text) == {"EMAIL", "PHONE", "IP_ADDRESS", "CREDIT_CARD"}


def test_score_threshold_filters():
    text = "139 1234 5678"  # a Chinese mobile without a phone word scores between the two thresholds
    assert "PHONE" in types(text, score_threshold=0.5)
    assert "PHONE" not in types(text, score_threshold=0.99)


def test_normalise_maps_offsets_back_to_the_original():
    text = "ａ\u200bｂ"
    normalised, origin = normalise_with_offsets(text)
    assert normalised == "ab"
    assert origin == [0, 2]


def test_results_are_sorted_and_do_not_overlap():
    text = "연락처 010-2345-6789, 메일 sample@example.com, 주소 서울 강남구 테헤란로 152 5층"
    results = analyze_text(text)
    assert [r.start for r in results] == sorted(r.start for r in results)
    assert all(a.end <= b.start for a, b in zip(results, results[1:]))


def test_resolve_overlaps_takes_the_union_typed_by_the_widest():
    wide = RecognizerResult("ADDRESS", 0, 20, 0.7)
    inside = RecognizerResult("PERSON", 5, 8, 0.85)
    later = RecognizerResult("PHONE", 25, 30, 0.9)
    resolved = resolve_overlaps([inside, later, wide])
    assert [(r.entity_type, r.start, r.end) for r in resolved] == [("ADDRESS", 0, 20), ("PHONE", 25, 30)]


def test_resolve_overlaps_prefers_the_specific_type_on_a_tie():
    same = [RecognizerResult("MEMBER_ID", 3, 10, 1.0), RecognizerResult("MESSENGER_ID", 3, 10, 1.0)]
    assert [r.entity_type for r in resolve_overlaps(same)] == ["MESSENGER_ID"]


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text(text):
    assert analyze_text(text) == []


def test_analysis_errors_never_carry_the_text(monkeypatch):
    def fail(text, **kwargs):
        raise ValueError(f"Did not find word '{text}'")

    monkeypatch.setattr(get_analyzer(), "analyze", fail)
    with pytest.raises(AnalysisError) as raised:
        analyze_text("제 번호는 010-2345-6789")
    assert "010" not in str(raised.value) and raised.value.__cause__ is None


def test_a_union_that_a_pattern_also_claims_is_not_left_to_ner_trimming():
    from presidio_analyzer import RecognizerResult

    from anonymise.engine import resolve_overlaps

    ner = RecognizerResult("PERSON", 0, 30, 0.85, recognition_metadata={"recognizer_name": "SpacyRecognizer"})
    passport = RecognizerResult("PASSPORT", 17, 26, 0.85, recognition_metadata={"recognizer_name": "KoreanIdRecognizer"})
    [merged] = resolve_overlaps([ner, passport])
    assert (merged.start, merged.end) == (0, 30)
    assert merged.recognition_metadata["recognizer_name"] == "KoreanIdRecognizer"


def test_a_passport_inside_an_ner_span_in_chinese_text_is_removed():
    from anonymise.redactor import Redactor

    text = "你好呀，\n我朋友推荐我来的。\n预约用的护照号是E48504916。\n—— Zihan Zhu"
    out = Redactor().redact({"consultation_id": "c", "question": text}).text["question"]
    assert "E48504916" not in out and "Zihan" not in out


def test_ner_reads_only_around_names_nothing_else_claimed():
    from anonymise.engine import ner_windows

    # NER reads only names that are also ordinary words (Grace, Hill): the safe-list pass cannot
    # tell those from the words; a name no dictionary has (Priya Raman) it removes by itself.
    text = "Thanks for your question. The team at the clinic will call. My friend Grace Hill came too."
    windows = [text[s:e] for s, e in ner_windows(text, [])]
    assert len(windows) == 1 and "Grace Hill" in windows[0] and "Thanks" not in windows[0]
    claimed = [(text.index("Grace"), text.index("Grace") + len("Grace Hill"), "PERSON")]
    assert ner_windows(text, claimed) == []
    assert ner_windows("My friend Priya Raman came too.", []) == []


def test_ner_still_reads_a_listed_word_after_a_title_or_a_found_name():
    from anonymise.engine import ner_windows

    text = "I saw Dr. Son yesterday."
    assert ner_windows(text, [])  # "Son" is a listed word, but a title comes right before it
    text = "with my partner, Owen Price. See you"
    owen = (text.index("Owen"), text.index("Owen") + 4, "PERSON")
    assert ner_windows(text, [owen])  # Price is a listed word, but it continues a name found before


def test_the_english_model_is_reloaded_before_its_vocabulary_grows_without_bound(monkeypatch):
    import anonymise.engine as engine

    nlp_engine = get_analyzer().nlp_engine
    monkeypatch.setattr(engine, "VOCAB_REFRESH_TEXTS", 2)
    nlp_engine.texts_since_load = 0
    before = nlp_engine.nlp
    analyze_texts(["Hi, I am Rebecca Thornton.", "Zyxwvut qwertyuiop asdfghjkl."])
    assert nlp_engine.nlp is before  # two texts: not yet due
    found = analyze_texts(["My sister Rebecca Thornton will come too."])
    assert nlp_engine.nlp is not before and nlp_engine.texts_since_load == 0
    assert any(r.entity_type == "PERSON" for r in found[0])  # the fresh model works as the old one did
