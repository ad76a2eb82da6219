"""The employment and study frames (#13): whatever fills the employer's or the school's slot goes, even
a word every dictionary has; generic words of the frame, places and kinds of place stay. Every name
here is invented."""
import pytest

from anonymise.quasi_identifiers.frames import EmploymentFrame
from world_fixtures import check


def frame_spans(text):
    return [(s.qi_type, text[s.start:s.end]) for s in EmploymentFrame().find(text)]


@pytest.mark.parametrize("text, org, kept", [
    ("남편이 바람개비에서 근무해요.", "바람개비", ["에서 근무해요"]),     # a dictionary noun in a locative slot
    ("직장은 솔바람이에요.", "솔바람", ["직장은"]),
    ("동생이 솔바람 소속이에요.", "솔바람", ["소속"]),
    ("공무원입니다 (미래해양부)", "미래해양부", ["공무원입니다"]),
    ("라온누리 박서하입니다. 문의드립니다.", "라온누리", ["문의드립니다"]),     # a self-introduction's opening
    ("QXR에 근무하는 동생이에요.", "QXR", ["근무하는"]),
    ("ZN 하늘소재에서 일해요.", "ZN", ["일해요"]),                       # a group's capitals written apart
    ("딸이 다솜초 2학년이에요.", "다솜초", ["2학년"]),
    ("도담 아니고 바람개비에서 일해요.", "도담", ["아니고"]),             # the word contrasted with the slot
])
def test_the_filler_of_a_korean_frame_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", [
    "간호사로 근무해요.", "작은 공장에서 일해요.", "다니던 회사에서 일했어요.", "마케팅팀에서 근무해요.",
    "편의점에서 일해요.", "밖에서 일해요.", "오늘 처음입니다.", "환자 보호자입니다.", "영어학원 다녀요.",
    "서울에서 일해요.", "요즘 헬스장 다녀요.",
])
def test_a_generic_word_a_role_or_a_kind_of_place_in_a_korean_frame_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, org", [
    ("我老公在青禾集团深圳总部上班。", "青禾集团"),
    ("我在云杉。", "云杉"),
    ("她在墨竹传媒实习。", "墨竹"),
    ("父は白浜物産に勤めています。", "白浜物産"),
    ("姉はミズカ化粧品の美容部員なので肌が弱いです。", "ミズカ化粧品"),
    ("娘は北杜大の2年です。", "北杜大"),
    ("ナギサ物産営業部の田中です。", "ナギサ物産"),
])
def test_the_filler_of_a_chinese_or_japanese_frame_goes(text, org):
    check(text, [org], [])


@pytest.mark.parametrize("text", ["我在家休息。", "我在北京出差。", "東京の会社に勤めています。", "病院の看護師なので夜勤があります。"])
def test_a_generic_word_in_a_chinese_or_japanese_frame_is_no_workplace(text):
    assert frame_spans(text) == []  # the place goes as a place (<PLACE>), by its own detector


@pytest.mark.parametrize("text, org, kept", [
    ("I work at Quillon Radio 4 as a producer.", "Quillon Radio 4", ["as a producer"]),
    ("Senior Producer, Vantrel Media Group", "Vantrel", ["Senior Producer"]),
    ("I study at Marrowby University.", "Marrowby", []),
    ("I go to Pellsworth College.", "Pellsworth", []),
    ("Employer: Dunmere", "Dunmere", []),
    ("Я работаю в «Заречье» уже три года.", "Заречье", ["работаю"]),
    ("Би Цэнхэр Уул-д ажилладаг.", "Цэнхэр Уул", ["ажилладаг"]),
    ("أعمل في شركة الوادي منذ سنتين.", "الوادي", []),
    ("Saya bekerja di Sinar Kelapa Group.", "Sinar Kelapa", ["bekerja"]),
    ("Tôi làm ở Hoa Sen Xanh được ba năm.", "Hoa Sen Xanh", ["được ba năm"]),
])
def test_the_filler_of_a_frame_in_other_languages_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", ["I work at home.", "I go to the gym on Mondays.", "I work with Botox a lot.",
                                  "Я работаю в офисе.", "Tôi làm ở nhà."])
def test_a_generic_complement_of_a_frame_in_other_languages_stays(text):
    assert frame_spans(text) == []


def test_the_type_word_before_a_name_in_an_arabic_frame_is_no_part_of_it():
    assert frame_spans("أعمل في شركة الوادي منذ سنتين.") == [("WORKPLACE", "الوادي")]


def test_a_school_in_a_frame_of_attending_is_a_school_and_a_company_a_workplace():
    assert frame_spans("딸이 다솜초 2학년이에요.") == [("SCHOOL", "다솜초")]
    assert frame_spans("I go to Pellsworth College.") == [("SCHOOL", "Pellsworth College")]
    assert frame_spans("직장은 솔바람이에요.") == [("WORKPLACE", "솔바람")]


@pytest.mark.parametrize("text, span", [
    ("직장: 바람개비", ("WORKPLACE", "바람개비")),
    ("학교: 다솜고", ("SCHOOL", "다솜고")),        # the level character is the school's, not the particle 고
    ("학교는 다솜고예요.", ("SCHOOL", "다솜고")),
    ("School: Marrowby Academy", ("SCHOOL", "Marrowby Academy")),
])
def test_a_field_of_a_form_or_a_topic_names_the_workplace_or_school_after_it(text, span):
    assert span in frame_spans(text)


def test_a_generic_word_after_a_topic_of_school_is_none():
    assert frame_spans("학교는 집 근처예요.") == []


@pytest.mark.parametrize("text, org, kept", [
    ("직장: 한결테크 기획과", "한결테크", ["직장", "기획과"]),                 # the department stays, a role
    ("회사: 도담온 마케팅팀", "도담온", ["마케팅팀"]),
    ("Работа: Северный Ключ", "Северный", ["Работа"]),
    ("Ажил: Хөх Тэнгэр", "Тэнгэр", []),
    ("勤務先：青波物産", "青波物産", []),                                        # a Japanese label without Kana
    ("勤務先みなと精機", "みなと", []),
    ("母の勤務先あさひ工業です。", "あさひ", ["です"]),
    ("工作单位：青岚科技", "青岚", []),
    ("ORG:Tarnow Brice\nTITLE:Senior Analyst", "Tarnow", ["TITLE:Senior Analyst"]),
    ("Công ty: Minh Khôi", "Minh Khôi", ["Công ty"]),
    ("Perusahaan: Tirta Jaya", "Tirta", []),
])
def test_the_value_of_an_employer_field_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text, org, kept", [
    ("전 직장 한결테크에서 3년 일했어요.", "한결테크", ["전 직장", "3년 일했어요"]),
    ("도담온에서 지금 솔빛상사로 옮겨서 바빠요.", "솔빛상사", ["옮겨서 바빠요"]),
    ("누리온 퇴직했고 지금은 쉬어요.", "누리온", ["퇴직했고"]),
    ("솔빛마트에서 알바해요.", "솔빛마트", ["알바해요"]),
    ("가게 이름은 달빛상회 입니다.", "달빛상회", ["가게 이름은"]),
    ("我喺德盛返工。", "德盛", ["返工"]),
    ("みなと精機で働いています。", "みなと", ["働いています"]),   # the Hiragana part of the name too
    ("父はさざなみ商会に勤めています。", "さざなみ", ["父は", "勤めています"]),
    ("남편이 Daewoo E&C에서 근무해요.", "Daewoo", ["근무해요"]),
    ("我在Hanmi ICT上班。", "Hanmi ICT", ["上班"]),
])
def test_the_filler_of_a_slot_of_working_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", [
    "직장: 없음", "회사: 프리랜서", "직장: 회사원", "기획팀에서 일해요.", "본원에서 근무하는 간호사입니다.", "정년 퇴직했어요.", "편의점에서 알바해요.", "서울로 옮겼어요.",
    "병원을 옮겨서 다시 상담받아요.", "勤務先は近くのスーパーです。", "ここの工場で働いています。",
    "Работа: удалённо", "TITLE:Senior Analyst", "전 직장 동료가 추천해 줬어요.", "Nơi làm việc: ở nhà", "Tôi làm ở đây.",
])
def test_a_generic_value_of_a_field_or_slot_stays(text):
    assert [span for span in frame_spans(text) if span[0] == "WORKPLACE"] == []


@pytest.mark.parametrize("text, org, kept", [
    ("솔빛마트 에서 알바해요.", "솔빛마트", ["에서 알바해요"]),            # the particle written apart
    ("みなと精機 で働いています。", "精機", ["で働いています"]),
    ("한빛에서 누리온으로 이직했어요.", "한빛", ["이직했어요"]),            # the employer one moved from
])
def test_a_slot_written_apart_or_moved_from_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", ["집 에서 일해요.", "서울에서 부산으로 옮겼어요.", "집에서 병원으로 옮겼어요.", "近く で働いています。"])
def test_a_generic_word_written_apart_or_moved_from_stays(text):
    assert frame_spans(text) == []


@pytest.mark.parametrize("text, org, kept", [
    ("My husband is at Daewoo E&C.", "E&C", ["My husband is at"]),        # an acronym ends the name
    ("I'm with Corvane ICT now.", "Corvane", ["now"]),
    ("My shop is called Tindle & Rowe.", "Tindle", ["My shop is called"]),
])
def test_an_english_slot_of_being_with_an_employer_or_a_shop_name_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", ["I'm at home today.", "She is at the clinic.", "My son is at Seoul.",
                                  "I am with Botox fans."])
def test_a_generic_word_where_one_is_stays(text):
    assert frame_spans(text) == []


def test_a_shop_named_after_its_kind_goes_and_an_ordinary_word_after_it_stays():
    assert frame_spans("카페 누리온 운영해요.") == [("WORKPLACE", "누리온")]
    for text in ("카페 라떼 좋아해요.", "카페 창업 준비 중이에요.", "카페 가서 쉬었어요.", "가게 오픈했어요."):
        assert frame_spans(text) == [], text
