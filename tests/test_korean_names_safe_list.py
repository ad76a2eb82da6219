"""Korean names the fail-closed pass must remove by their form, with the ordinary words around them kept.

Every name and sentence here is made up for these tests (surnames + ordinary words as given names);
none comes from an evaluation set. One case per class of leak.
"""
import pytest

from world_fixtures import redacted


@pytest.mark.parametrize("text, gone, kept", [
    # K1: a rarer surname + a given name that is itself a word, before a title
    ("국새벽 작가는 새 책을 냈다.", ["국새벽", "새벽"], ["작가는", "새 책을"]),
    ("채가을 연구원의 발표가 좋았어요.", ["채가을", "가을"], ["연구원의", "발표가"]),
    # ... and every name of a list the title ends
    ("변나래·추한결 감독이 무대에 섰다.", ["변나래", "추한결"], ["감독이", "무대에"]),
])
def test_full_name_before_a_title_goes(text, gone, kept):
    out = redacted(text)
    assert not any(g in out for g in gone), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text, surname, kept", [
    # K3: a surname alone, a space, then a title or office
    ("편 선수가 두 골을 넣었다.", "편", ["선수가", "두 골을"]),
    ("육 지청장은 오늘 출근했다.", "육", ["지청장은", "출근했다"]),
])
def test_surname_before_a_title_goes(text, surname, kept):
    out = redacted(text)
    assert out.startswith("<PERSON> "), out
    assert surname not in out.split()[0], out
    assert all(k in out for k in kept), out


def test_my_teacher_is_not_a_surname():
    assert redacted("제 선생님이 추천했어요.") == "제 선생님이 추천했어요."


@pytest.mark.parametrize("text, gone, kept", [
    # K4: a surname Kiwi knows and a given name it reads as words: no syllable stays glued
    ("어제 류나무와 만났어요.", "나무", ["와", "만났어요"]),
    ("모임에서 송바다의 얘기를 들었다.", "바다", ["의", "얘기를"]),
])
def test_no_syllables_stay_glued_to_a_name_placeholder(text, gone, kept):
    out = redacted(text)
    assert gone not in out and ("<PERSON>" in out or "<NAME>" in out), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text, gone, kept", [
    # K1 without a title: a surname Kiwi reads as a determiner or adverb, then a word (온+소망, 채+가을)
    ("온소망과 같이 상담 받았어요.", "소망", ["같이", "상담"]),
    ("어제 채가을은 안 왔어요.", "가을", ["어제", "안 왔어요"]),
])
def test_surname_plus_word_with_a_particle_goes(text, gone, kept):
    out = redacted(text)
    assert gone not in out and "<PERSON>" in out, out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["고혈압이 있어요.", "신제품을 써봤어요.", "이사람 말이 맞아요."])
def test_prefix_and_determiner_words_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, gone, kept", [
    # K5: a foreign name Kiwi cuts into one-syllable pieces, and a Han-character name in parentheses
    ("라디엘런의 신작이 좋았다.", "라디엘런", ["신작이"]),
    ("왕샤오밍(王小明) 부장이 방한했다.", "王小明", ["부장이", "방한했다"]),
])
def test_foreign_names_go(text, gone, kept):
    out = redacted(text)
    assert gone not in out, out
    assert all(k in out for k in kept), out


def test_a_hanja_gloss_of_a_word_stays():
    assert "(經濟)" in redacted("정부는 경제(經濟) 방침을 밝혔다.")


@pytest.mark.parametrize("text", [
    "무쌍이라 인아웃 라인이 고민이에요.",
    "승모근 보톡스랑 심부볼 제거 문의드려요.",
])
def test_clinic_words_and_slang_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, gone, kept", [
    # K2: a given name that is a word, named by its position
    ("늘봄 드림", "늘봄", ["드림"]),
    ("성함은 여름이고 다음 주에 가요.", "여름", ["성함은", "다음 주에"]),
    ("저는 한울이고 부산 살아요.", "한울", ["저는", "부산 살아요"]),
    ("다솜이가 먼저 상담받았어요.", "다솜", ["먼저", "상담받았어요"]),
    ("실장 누리가 전화 준대요.", "누리", ["실장", "전화"]),
    ("새솔 소개로 왔어요.", "새솔", ["소개로"]),
    # K3: a surname said as one
    ("성은 국이고 이름은 나중에 말할게요.", "국", ["이름은", "나중에"]),
])
def test_given_names_and_surnames_in_name_positions_go(text, gone, kept):
    out = redacted(text)
    assert gone not in out.replace("<PERSON>", ""), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["고양이가 아파요.", "저는 학생이고 서울 살아요.", "친구 소개로 왔어요.",
                                  "한마디로 요약해드림.", "처음이네요 이런 후기."])
def test_words_in_those_positions_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, gone, kept", [
    # a name glued to an occupation title, a letter standing for a person before a title
    ("라울감독의 신작이 좋았다.", "라울", ["감독의", "신작이"]),
    ("B 경장은 현장에 있었다.", "B", ["경장은", "현장에"]),
    # a Han-character gloss after a name that goes, whatever its first character
    ("부인 하나코(蔦花子.88)씨가 왔다.", "蔦花子", ["부인", "씨가"]),
])
def test_glued_titles_letters_and_glosses(text, gone, kept):
    out = redacted(text)
    assert gone not in out, out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize("text", ["축구감독의 역할이 크다.", "국가대표선수가 왔다.", "영화배우가 되고 싶어요."])
def test_common_nouns_glued_to_titles_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("word", ["한결전자", "하늘초등학교", "소나무여고"])
def test_a_name_before_an_organisations_kind_is_not_vouched_for_by_its_nouns(word):
    from anonymise.korean_safe_list import word_verdict
    assert word_verdict(word), word


@pytest.mark.parametrize("word", ["간호기록지", "대학병원", "초등학교에"])
def test_compounds_of_common_nouns_stay(word):
    from anonymise.korean_safe_list import word_verdict
    assert word_verdict(word) == (), word
