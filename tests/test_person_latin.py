"""Latin-script PERSON recognizer: romanised Korean names and names after English cues."""
import pytest

from anonymise.recognizers.person_latin import LatinNameRecognizer, is_korean_given

RECOGNIZER = LatinNameRecognizer()


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RECOGNIZER.analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, name", [
    ("Dear Ms. Pyo, thank you for your inquiry.", "Pyo"),
    ("Hi Dr. Tak, I have a question.", "Tak"),
    ("My cousin had surgery with Dr. Son last year.", "Son"),
    ("Thanks a lot! - Corin", "Corin"),
    ("Hello Corin, we received your photos.", "Corin"),
    ("I'm Maribel and I live in Ohio.", "Maribel"),
    ("My name is Aldous Quist.", "Aldous Quist"),
    ("My husband Thorne Halvik will come too.", "Thorne Halvik"),
    ("Please contact Wren Solberg at the desk.", "Wren Solberg"),
    ("Best regards,\nIsolde Varga", "Isolde Varga"),
    ("Consultation request - Odile Brandt", "Odile Brandt"),
    ("Our coordinator Bong Se-rin will call you.", "Bong Se-rin"),
    ("I came with Ha-ram Pyo last time.", "Ha-ram Pyo"),
    ("Maeng Jiyul and Yunseul Tak", "Maeng Jiyul"),
])
def test_names_after_cues_and_romanised_korean_names(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Hi there, I'm interested in rhinoplasty.",
    "Dear Sir or Madam, I'm Korean-American and I'm planning a trip.",
    "I had a follow-up and an X-ray; can I re-do the anti-aging laser?",
    "Question about Botox - Double Eyelid",
    "Best regards,\nThanks",
])
def test_common_words_after_cues_survive(text):
    assert names(text) == []


def test_romanised_given_name_shape():
    assert is_korean_given("Min-su") and is_korean_given("Chae-eun") and is_korean_given("Jiyul")
    assert not is_korean_given("Follow-up") and not is_korean_given("Anti-aging") and not is_korean_given("Re-do")


@pytest.mark.parametrize("text, name", [
    ("Sua here. Last time lidocaine made me dizzy.", "Sua"),
    ("hey, ito haruka here. How long is the swelling?", "ito haruka"),
    ("Gavin Reed told me about your clinic.", "Gavin Reed"),
    ("이하은 told me about your clinic.", "이하은"),
    ("Can I pay the bill separately?\nCheers, Jia", "Jia"),
    ("I'll be coming with my partner, 이하은.", "이하은"),
    ("I'll be coming with my partner, 清水菜々子. Before photos are attached.", "清水菜々子"),
])
def test_more_english_cues_for_a_name(text, name):
    from anonymise.recognizers.person_latin import LatinNameRecognizer

    found = [text[r.start:r.end] for r in LatinNameRecognizer().analyze(text, ["PERSON"])]
    assert name in found


@pytest.mark.parametrize("text", ["Everything here. Botox is fine.", "Cheers, Botox", "Same here, thanks!"])
def test_words_in_those_cue_positions_stay(text):
    from anonymise.recognizers.person_latin import LatinNameRecognizer

    assert LatinNameRecognizer().analyze(text, ["PERSON"]) == []


@pytest.mark.parametrize("text, name", [
    ("저는 베트남 사람 Khúc Thị Diệu 입니다.", "Khúc Thị Diệu"),
    ("我的朋友Lạc Minh Khôi推荐的。", "Lạc Minh Khôi"),
    ("I came with Trinh Bao Chau last year.", "Trinh Bao Chau"),
    ("My husband Zulkifli bin Harun will come.", "Zulkifli bin Harun"),
    ("Nur Syahirah binti Azman is my sister.", "Nur Syahirah binti Azman"),
    ("Contact Selvam a/l Arumugam for payment.", "Selvam a/l Arumugam"),
])
def test_vietnamese_full_names_and_patronymics(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "The recycle bin is full.",
    "Do Not Disturb",
    "I live in Lâm Đồng now.",
    "Cao Bằng is far.",
])
def test_place_names_and_words_are_no_vietnamese_or_patronymic_names(text):
    found = names(text)
    assert not any(n in ("Do Not Disturb", "Lâm Đồng", "Cao Bằng") or " bin " in f" {n} " for n in found)
