"""Korean names that are ordinary words or read as a surname and a word, found by a position only a
person's name takes (anonymise/recognizers/person_korean_positions.py); the same words stay where
they are not in such a position.

Every name and sentence here is made up for these tests; none comes from an evaluation set.
"""
import pytest

from anonymise.recognizers.person_korean_positions import KoreanNamePositionRecognizer
from world_fixtures import redacted


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in KoreanNamePositionRecognizer().find(text)]


@pytest.mark.parametrize("text, name", [
    ("하늘 선수가 오늘 골을 넣었다.", "하늘"),
    ("바다 작가의 신작이 나왔어요.", "바다"),
    ("장미 씨가 어제 왔어요.", "장미"),
    ("가을 양이 예약했습니다.", "가을"),
    ("나무 군은 내일 와요.", "나무"),
    ("진주 씨 덕분이에요.", "진주"),  # a city too: the title decides
    ("한결 원장님 감사합니다.", "한결"),
    ("다솜 쌤 최고예요.", "다솜"),
])
def test_a_given_name_that_is_a_word_before_a_title(text, name):
    assert name in names(text)


def test_a_surname_written_apart_goes_with_the_given_name():
    assert names("김 하늘 작가가 썼다.") == ["김 하늘"]


@pytest.mark.parametrize("text", [
    "축구 선수가 되고 싶어요.",
    "그 작가는 유명해요.",
    "신인 배우가 나왔다.",  # a rank before an occupation, not a name
    "원로 작가의 강연",
    "복용 양이 많아요.",  # an amount
    "가평 군에서 왔어요.",  # a county
    "자두 씨를 뱉었다.",  # a fruit's seed
    "가을 신부가 예뻐요.",  # a bride: no title one addresses a given name by
    "보석 디자이너가 만들었다.",
])
def test_words_before_a_title_that_are_no_name_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("한가람 건축가는 설계를 맡았다.", "한가람"),  # Kiwi: 한 + 가람 (a word)
    ("조은채 피아니스트가 연주했다.", "조은채"),
    ("김다은 수석연구원이 발표했다.", "김다은"),  # a prefixed office
    ("박도윤 전 장관은 부인했다.", "박도윤"),  # former, written apart
    ("서하윤 신임 원장이 취임했다.", "서하윤"),
    ("편서윤 영양사가 식단을 짰다.", "편서윤"),  # a rare surname
    ("남궁하늘 바리스타가 커피를 내렸다.", "남궁하늘"),  # a compound surname
    ("오가람 기획팀장이 발표했다.", "오가람"),  # a compound ending in an office
    ("한가람 영화감독은 말했다.", "한가람"),
])
def test_a_full_name_before_any_occupation_or_office(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "전담 트레이너와 운동했다.",
    "유명 피아니스트가 연주했다.",
    "이번 통장으로 보냈어요.",
    "정말 건축가 같아요.",
    "한가람 주차장에 세웠어요.",  # a place: 주+차장 is no office
    "한가람 미술관에 갔어요.",
])
def test_words_before_an_occupation_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("노을이네 집에 놀러 갔어요.", "노을"),
    ("구름이네 가족이 왔어요.", "구름"),
    ("구름이네 강아지가 새끼를 낳았어요.", "구름"),  # X이네 and any noun: X's family's
    ("가온이 엄마예요.", "가온"),
    ("하늘이 생일이라 케이크를 샀어요.", "하늘"),
    ("은솔 엄마 혹시 내일 오세요?", "은솔"),
    ("보리 아빠가 데리러 와요.", "보리"),
    ("도담맘 입니다.", "도담"),
    ("호박이가 어제 열이 났어요.", "호박"),  # the hypocoristic 이 before a particle: any noun
    ("보름이는 유치원에 갔어요.", "보름"),
    ("솔이한테 물어봤어요.", "솔"),  # a one-syllable name parents give
    ("호떡네 강아지가 아파요.", "호떡"),  # X네 and a noun: X's family's
    ("하늘네는 이사 갔어요.", "하늘"),
    ("호떡 엄마인데요 예약 바꾸려고요.", "호떡"),  # a parent introducing themself
])
def test_a_childs_name_before_its_family(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "노을이 예쁘다.",
    "하늘이 맑아요.",
    "얼굴이 엄마 닮았어요.",
    "성격이 아빠를 닮아서 걱정이에요.",
    "아이 엄마가 왔어요.",
    "초보 엄마라서 걱정돼요.",
    "고양이네 집",  # the 이 belongs to the word
    "사람이 많네요.",
    "고양이가 아파요.", "먹이는 하루 두 번 줘요.", "필름이랑 같이 주세요.", "같이는 못 가요.", "영화가 진짜 죽이는 장면이 많다.",
    "우리네 인생이 그렇다.", "진짜네 이거 대박.", "비싸네 가격이.",
    "와 사람이네 대박.", "여기 물이네 진짜.", "고양이네 밥그릇이다.",  # 이네 of the copula, or of the word
    "아이 엄마인데요 문의드려요.", "쌍둥이 엄마예요.", "둘째 엄마인데요.", "중학생 엄마인데요.",
])
def test_words_before_family_words_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("[햇살] [오후 9:13] 네 알겠습니다", "햇살"),
    ("[다온] [오전 10:02] 예약했어요", "다온"),
    ("상담원 진주: 안녕하세요 고객님", "진주"),
    ("실장 하늘: 네 고객님", "하늘"),
    ("상담사 한가람: 네 고객님", "한가람"),
    ("2025년 3월 4일 오후 9:13, 바다 : 네 알겠어요", "바다"),
])
def test_a_chat_speaker_label(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "[상담사] [오후 9:13] 네",  # a role, not a person
    "고객센터 상담원: 네",
    "예약 상담원: 네",
    "고객 문의: 가격이 궁금해요",  # what the role wrote, not a name
    "상담사 답변: 가능합니다",
    "2025. 3. 4. 오후 9:14, 상담사 : 감사합니다",
])
def test_roles_as_speaker_labels_stay(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("제 이름은 햇살 010-1234-5678 입니다", "햇살"),
    ("이름 구름 900101-1234567", "구름"),
    ("저는 가온 010-2222-3333", "가온"),
])
def test_a_word_between_a_name_cue_and_an_id(text, name):
    assert name in names(text)


def test_an_adverb_between_a_name_cue_and_a_number_stays():
    assert names("저는 지금 010-1234-5678 로 연락 가능해요") == []


@pytest.mark.parametrize("text, name", [
    ("제갈 서진 교수가 강연했다.", "제갈 서진"),  # the surname goes with the given name
    ("황보 지원 원장님께 문의드려요.", "황보 지원"),  # a word too (support): the title decides
    ("남궁 민수 씨가 왔어요.", "남궁 민수"),
    ("선우 하은이 왔어요.", "선우 하은"),
    ("사공 윤 교수가 왔어요.", "사공 윤"),  # a one-syllable given name: no other rule takes the surname
])
def test_a_compound_surname_written_apart(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, name", [
    ("나래 선수는 오늘 두 골을 넣었다.", "나래"),  # a given name opening the sentence, a title and its particle
    ("어제 가게에 갔더니 누리 사장님이 반겨 주셨다.", "누리"),  # a clause after a connective ending
    ("비가 왔는데, 솔빛 과장님이 우산을 주셨다.", "솔빛"),  # after a comma; an office with 님
    ("호떡 씨는 오늘 결근했어요.", "호떡"),  # any noun before 씨
    ("은빛 스님은 새벽 예불을 마쳤다.", "은빛"),  # an office whose own word ends in 님
    ("산에 올랐더니 은빛 스님께서 차를 내주셨다.", "은빛"),
])
def test_a_given_name_opening_a_clause_before_a_person_word(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "축구 선수는 체력이 중요하다.", "신인 선수가 골을 넣었다.", "외국인 선수가 두 명이다.",
    "회사 사장님이 바뀌었다.", "동네 사장님이 친절하다.", "옆집 사장님이 오셨다.", "담임 선생님이 전화하셨다.",
    "영어 선생님이 숙제를 내주셨다.", "간호사 선생님이 친절했다.", "수박 씨는 먹어도 되나요?",
    "올해 최고 선수는 누구일까.",  # not at a clause's start
    "최고 선수는 누가 될까?",  # a frequent noun: the office's kind
    "회사 과장님의 업무가 많다.",  # an office with 님 and no subject's particle
    "시골 스님은 조용히 웃었다.", "젊은 스님이 차를 따랐다.",
])
def test_a_modifier_before_a_person_word_stays(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("한가람 환경미화원은 새벽부터 거리를 쓸었다.", "한가람"),  # an occupation no title list holds
    ("편보람 기수는 세 번째 경주에서 이겼다.", "편보람"),
    ("한소망 집배원이 편지를 전해 주었다.", "한소망"),  # Kiwi: 한/MM + 소망, the surname read as "one"
])
def test_a_full_name_before_an_unlisted_occupation(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "신인상 수상자는 무대에 올랐다.",  # one dictionary word before the person noun
    "최우수 수상자는 상금을 받았다.",  # a prefix and a noun
    "신기록 보유자는 웃었다.",
    "구청 관계자는 대책을 말했다.",
    "한가람 환경미화원의 하루",  # not the clause's person: no subject's or topic's particle
])
def test_a_word_before_an_unlisted_occupation_stays(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ('한결 통장은 "주민들이 좋아한다"고 말했다.', "한결"),
    ("은솔 이장은 마을 회관을 새로 지었다.", "은솔"),
])
def test_a_name_opening_a_sentence_before_an_office(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "마을 통장은 좋다고 말했다.",
    "동네 반장은 바쁘다고 말했다.",
    "한결 통장은 편하다.",  # no verb of saying or doing in the past: a word (한결 = much more)
])
def test_words_opening_a_sentence_before_an_office_stay(text):
    assert names(text) == []


def test_the_whole_pipeline_removes_them_and_keeps_the_ordinary_reading():
    out = redacted("노을이네 집에서 하늘 선수를 만났는데 노을이 예뻤어요.")
    assert "노을이네" not in out and "하늘 선수" not in out, out
    assert "노을이 예뻤어요" in out, out
