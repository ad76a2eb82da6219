"""Korean title nouns, glued determiners and short names before an occupation: which go, which stay.

Every name and sentence here is made up for these tests; none comes from an evaluation set.
"""
import pytest

from anonymise.recognizers.person_korean import KoreanNameRecognizer, is_title_noun, not_a_known_word
from world_fixtures import redacted


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in KoreanNameRecognizer().analyze(text, ["PERSON"])]


# A title or role noun is not a surname with a given name (감+독님) or with a title (위+원장은).
@pytest.mark.parametrize("text, kept", [
    ("교수님 다음 강의도 기대할게요.", "교수님"),
    ("그날 사무총장은 회의에 오지 않았다.", "사무총장은"),
    ("총장님이 오신다고 했다.", "총장님이"),
    ("순경님이 길을 알려 주셨다.", "순경님이"),
])
def test_title_nouns_are_not_names(text, kept):
    assert names(text) == []
    assert kept in redacted(text)


def test_title_noun_is_read_by_kiwi():
    assert is_title_noun("교수님") and is_title_noun("사무총장은")
    # 이사 is a title, but Kiwi reads 이사과는 as 이 + 사과 + 는: not a title with particles
    assert not is_title_noun("이사과는")
    assert not is_title_noun("편하루")


# A name glued to or before a title still goes.
@pytest.mark.parametrize("text, gone", [
    ("편하루교수님 다음 강의도 기대할게요.", "편하루"),
    ("추한결 사무총장은 회의에 오지 않았다.", "추한결"),
])
def test_names_with_titles_still_go(text, gone):
    assert gone not in redacted(text)


# A determiner glued to one of the most frequent nouns is casual spacing, not 이 + given name.
@pytest.mark.parametrize("text, kept", [
    ("이학교가 제일 좋았어요.", "이학교가"),
    ("그사람은 왜 그랬을까.", "그사람은"),
    ("그친구는 착해요.", "그친구는"),
])
def test_determiner_glued_to_a_frequent_noun_stays(text, kept):
    assert kept in redacted(text)


def test_determiner_rule_keeps_rarer_noun_given_names():
    assert not not_a_known_word("이학교가")
    # 하늘 and 지원 are nouns too, but not among the most frequent: still possibly 이 + given name
    assert not_a_known_word("이하늘이")


# Two syllables no word list has, before an occupation: a short or foreign name.
@pytest.mark.parametrize("text, gone, kept", [
    ("이번 공연은 코레 감독의 세 번째 작품이다.", "코레", ["감독의", "작품이다"]),
    ("투리 작가가 새 책을 냈다.", "투리", ["작가가", "책을"]),
])
def test_short_unknown_name_before_an_occupation_goes(text, gone, kept):
    out = redacted(text)
    assert gone not in out, out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["축구 감독이 바뀌었다.", "여자 코치가 상을 받았다.", "담당 기자가 전화했다."])
def test_ordinary_word_before_an_occupation_stays(text):
    out = redacted(text)  # the occupation itself may go by the quasi-identifier policy
    assert out.startswith(text.split()[0] + " ") and "<PERSON>" not in out, out


# A foreign name in Hangul that Kiwi's dictionary of people knows but cuts into ordinary syllables.
def test_kiwi_dictionary_of_people_is_read():
    from anonymise import vocabulary
    from anonymise.vocabulary.name_lists import kiwi_person_name_words

    words = kiwi_person_name_words()
    # general knowledge: the painter Vincent van Gogh and the physicist Isaac Newton, in Hangul
    assert "고흐" in words and "뉴턴" in words
    assert "학교" not in words and "하늘" not in words
    assert vocabulary.is_known_person_name_word("뉴턴")


def test_known_foreign_names_read_as_syllables_go():
    """Names of Kiwi's dictionary of people that Kiwi cuts into one-syllable nouns and no word list has
    (taken from the dictionary here, so no name is written into the test)."""
    from anonymise import vocabulary
    from anonymise.recognizers.person_korean import kiwi
    from anonymise.vocabulary.name_lists import kiwi_person_name_words

    names = [w for w in sorted(kiwi_person_name_words()) if len(w) == 2 and not vocabulary.is_ordinary_word(w, "ko")
             and all(t.len == 1 and t.tag == "NNG" for t in kiwi().tokenize(w + "의")[:2])][:5]
    assert len(names) == 5
    for name in names:
        out = redacted(f"{name}의 그림을 좋아해요.")
        assert name not in out and "그림을 좋아해요" in out, out


@pytest.mark.parametrize("text", [
    "교통사고 기사를 읽었어요.",   # dictionary nouns (교통+사고)
    "감기약을 먹었다고 했어요.",    # a verb
    "코치가 직접 나왔다.",
])
def test_words_that_are_part_of_some_name_stay(text):
    assert redacted(text) == text


# Proper or unknown nouns that Kiwi's morphology also vouches for as common nouns stay.
@pytest.mark.parametrize("text, kept", [
    ("간호기록지를 확인했어요.", "간호기록지를"),   # unknown to Kiwi, cut into 간호 + 기록지
    ("살수차가 길을 청소했다.", "살수차가"),        # NNP first, one dictionary noun among its best readings
])
def test_compounds_kiwi_reads_as_common_nouns_stay(text, kept):
    assert kept in redacted(text)


@pytest.mark.parametrize("text, gone", [
    ("편하루가 어제 왔어요.", "편하루"),          # a name's shape is never vouched for as nouns
    ("라벤토스코가 어제 왔어요.", "라벤토스코"),  # an invented foreign name: no dictionary nouns in it
])
def test_names_are_not_vouched_for_as_nouns(text, gone):
    assert gone not in redacted(text)


@pytest.mark.parametrize("text, gone, kept", [
    ("편 교육감에 관한 감사가 시작됐다.", "편", ["교육감에", "감사가"]),     # title + 에
    ("변누리아저씨 너무 좋아요.", "변누리", ["아저씨", "좋아요"]),          # a name glued to a kin-like title
    ("투리 씨는 어제 출국했다.", "투리", ["씨는", "출국했다"]),            # two syllables before a spaced 씨
])
def test_names_before_titles_in_more_forms_go(text, gone, kept):
    out = redacted(text)
    assert gone not in out.replace("아저씨", "").replace("교육감", ""), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["고객 님 감사합니다.", "솜씨 좋은 요리사였다."])
def test_role_words_before_honorifics_stay(text):
    assert "<PERSON>" not in redacted(text)


# A name's shape listed beside a name that goes.
@pytest.mark.parametrize("text, gone", [
    ("편하루, 채가을, 국민준 씨가 함께 왔다.", ["편하루", "채가을", "국민준"]),
    ("편하루와 채가을이 함께 왔다.", ["편하루", "채가을"]),
    ("국솔과 편하루가 함께 왔다.", ["국솔", "편하루"]),      # a two-syllable name before 과 and a name
    # across single spaces only between two names that go
    ("변나래님 추한결 국민준님이 왔다.", ["변나래", "추한결", "국민준"]),
])
def test_names_listed_beside_names_go(text, gone):
    out = redacted(text)
    assert not any(g in out for g in gone), out


@pytest.mark.parametrize("text", ["편하루, 정말 고마워요.", "편하루 우리가 최고야.", "편하루, 이번에 또 봐요.", "우유와 편하루가 왔다.",
                                  "편하루, 고모부가 또 봐요."])
def test_words_beside_a_listed_name_stay(text):
    out = redacted(text)
    assert out.count("<PERSON>") == 1, out
    assert all(w in out for w in text.split() if "편하루" not in w), out


def test_compound_cut_needs_a_dictionary_noun_as_its_head():
    from anonymise.korean_safe_list import _cuts_into_nouns

    assert _cuts_into_nouns("온라인쇼핑몰")      # dictionary noun + dictionary noun
    assert _cuts_into_nouns("블루투스이어폰")    # an ordinary word (wordfreq), no dictionary noun + a dictionary noun
    assert not _cuts_into_nouns("이어폰블루투스")  # the head (last part) must be a dictionary noun
    assert not _cuts_into_nouns("라벤토스코")


@pytest.mark.parametrize("text, kept", [
    ("구글에 검색했어요.", "구글에"),         # a brand everyone writes, tagged NNP by Kiwi
    ("일본어학원에서 일해요.", "일본어학원에서"),   # a language
])
def test_common_words_kiwi_calls_proper_nouns_stay(text, kept):
    assert kept in redacted(text)


@pytest.mark.parametrize("text, kept", [
    ("시어머니가 반대하셨어요.", "시어머니가"),   # 시 is a surname and 어머니 follows a surname as a title,
    ("시아버님께서 오셨어요.", "시아버님께서"),   # but the word is a kin word
])
def test_kin_words_that_start_with_a_surname_stay(text, kept):
    assert kept in redacted(text)


def test_a_surname_before_a_mothers_title_still_goes():
    assert "변어머니" not in redacted("변어머니가 전화하셨어요.")


def test_common_word_rule_spares_given_names_and_people():
    from anonymise import vocabulary
    from anonymise.korean_safe_list import _kiwi_vouches_as_nouns

    assert _kiwi_vouches_as_nouns("구글에", 0, 2)
    # two syllables that make a given name are never vouched for by frequency
    assert vocabulary.is_frequent_korean_word("은지", common=True) and not _kiwi_vouches_as_nouns("은지가", 0, 2)
    # a word of a person's name in Kiwi's dictionary of people is never vouched for
    assert vocabulary.is_known_person_name_word("뉴턴") and not _kiwi_vouches_as_nouns("뉴턴이", 0, 2)


# A surname written apart from its given name.
@pytest.mark.parametrize("text, gone, kept", [
    ("예약자 편 서윤 입니다.", ["편", "서윤"], ["예약자", "입니다"]),
    ("성함은 국 도하입니다.", ["국", "도하"], ["성함은"]),
    ("편 하루 님 안녕하세요.", ["편", "하루"], ["님 안녕하세요"]),      # a given name that is a word, before 님
    ("엄마 변 미숙 씨랑 갈게요.", ["변", "미숙"], ["엄마", "씨랑"]),
])
def test_surname_apart_from_its_given_name_goes(text, gone, kept):
    out = redacted(text)
    assert not any(f"{g} " in out or out.startswith(g) or f" {g}" in out for g in gone), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["이 사람이 누구예요?", "한 번 더 해요.", "대략 150만 원 예산입니다.", "신 제품이 나왔어요.",
                                  "원 예산입니다."])
def test_determiners_and_units_before_a_word_stay(text):
    assert redacted(text) == text


def test_referral_takes_the_whole_word():
    out = redacted("친구 변은비가 소개해줬어요.")
    assert "은" not in out.replace("친구", "").split("<PERSON>")[0], out
    out = redacted("은비가 소개해줬어요.")
    assert out.startswith("<PERSON>가 소개해"), out


@pytest.mark.parametrize("text, kept", [
    ("목회자님의 말씀이 좋았어요.", "목회자님의"),     # a role noun of Kiwi's dictionary with 님
    ("300여 명의 시청자가 모였다.", "시청자가"),       # 명의 after a number: "of N people"
    ("수십 명의 노동자가 모였다.", "노동자가"),
])
def test_role_nouns_and_counters_are_not_name_cues(text, kept):
    assert kept in redacted(text)


@pytest.mark.parametrize("text, gone", [("예금주 명의 편하루가 맞아요.", "편하루"), ("하늘님 감사합니다.", "하늘")])
def test_holder_label_and_given_name_with_honorific_still_go(text, gone):
    assert gone not in redacted(text)


def _people_words_read(predicate, count):
    """Words of Kiwi's dictionary of people (3+ syllables, no ordinary word) whose reading by Kiwi fits
    ``predicate``: taken from the dictionary so that no name is written into the test."""
    from anonymise import vocabulary
    from anonymise.recognizers.person_korean import kiwi
    from anonymise.vocabulary.name_lists import kiwi_person_name_words

    found = []
    for word in sorted(kiwi_person_name_words()):
        if len(word) == 3 and not vocabulary.is_ordinary_word(word, "ko") and predicate(kiwi().tokenize(word)):
            found.append(word)
            if len(found) == count:
                break
    return found


def test_known_foreign_names_read_as_odd_verbs_go():
    # one-syllable pieces with a verb among them (X/MAG + Y/VV + Z/EC): Kiwi guessing at a name
    names = _people_words_read(lambda ts: len(ts) == 3 and all(t.len == 1 for t in ts)
                               and any(t.tag == "VV" for t in ts) and ts[-1].tag.startswith("E"), 3)
    assert len(names) == 3
    for name in names:
        out = redacted(f"어제 {name} 측이 발표했다.")
        assert name not in out and "측이 발표했다" in out, out


def test_verb_forms_that_are_also_name_words_stay():
    # a verb stem of two syllables or more is an ordinary verb form, whatever name also has it
    words = _people_words_read(lambda ts: any(t.len >= 2 and t.tag == "VV" for t in ts) and ts[-1].tag.startswith("E"), 3)
    assert words
    for word in words:
        assert word in redacted(f"어제 {word} 말했다.")


# A verb or adjective with its ending is no name with a title (군, 님 are endings there).
@pytest.mark.parametrize("text", ["오늘은 정말 피곤하군.", "하루 종일 뛰어다님.", "정말 조용하군."])
def test_predicates_ending_like_titles_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, gone", [("편하루군이 왔어요.", "편하루"), ("민수예요.", "민수")])
def test_names_with_endings_still_go(text, gone):
    assert gone not in redacted(text)
