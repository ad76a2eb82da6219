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
