"""A parenthesis right after a name is the same person's name in another form; other parentheses stay."""
import pytest

from anonymise.name_neighbours import beside_names


def inside(text: str, name: str) -> list[str]:
    start = text.index(name)
    return [text[s:e] for s, e in beside_names(text, [(start, start + len(name), "PERSON")], [])]


@pytest.mark.parametrize("text, name, other", [
    ("Em là Vy (Đoàn Thị Tường Vy), muốn hỏi.", "Vy", "Đoàn Thị Tường Vy"),
    ("윤가람 (Faith Yoon) 예약했어요.", "윤가람", "Faith Yoon"),
    ("편소리(Melody Pyeon)입니다.", "편소리", "Melody Pyeon"),
    ("น้องเมย์ (เมษา รุ่งเรือง) อยากทำจมูก", "น้องเมย์", "เมษา รุ่งเรือง"),
    ("友人の蒋（蒋 雨桐）です", "友人の蒋", "蒋 雨桐"),
    ("私はファム（Phạm Thu Giang）です。", "ファム", "Phạm Thu Giang"),
])
def test_name_shaped_parenthesis_after_a_name_is_a_name(text, name, other):
    assert inside(text, name) == [other]


@pytest.mark.parametrize("text, name", [
    ("윤가람 (Patient) 예약했어요.", "윤가람"),
    ("윤가람 (Open Technique) 했어요.", "윤가람"),
    ("윤가람 (32세) 예약", "윤가람"),
    ("น้องเมย์ (ลูกสาว) อยากทำจมูก", "น้องเมย์"),
    ("王芳（妈妈）来了", "王芳"),
    ("윤가람 (엄마) 같이 가요", "윤가람"),
])
def test_other_parentheses_after_a_name_stay(text, name):
    assert inside(text, name) == []


def test_a_parenthesis_after_an_ordinary_word_is_not_read():
    text = "I had rhinoplasty (Faith Yoon) last year."
    assert beside_names(text, [], []) == []


def beside(text: str, name: str) -> list[str]:
    start = text.index(name)
    return [text[s:e] for s, e in beside_names(text, [(start, start + len(name), "PERSON")], [])]


@pytest.mark.parametrize("text, name, other", [
    ("予約者：宮脇 柚葉", "宮脇", "柚葉"),
    ("宮脇　ゆずはです。", "宮脇", "ゆずは"),
    ("玄恵琳（ヒョン・ヘリン）と申します。", "ヒョン", "玄恵琳"),
])
def test_the_rest_of_a_cjk_name_beside_it_goes(text, name, other):
    assert beside(text, name) == [other]


@pytest.mark.parametrize("text, name", [
    ("宮脇 手術の相談です", "宮脇"),
    ("金額（ヒョン）", "ヒョン"),
])
def test_words_beside_a_cjk_name_stay(text, name):
    assert beside(text, name) == []


def test_spans_of_another_kind_are_not_overlapped():
    text = "윤가람 (Faith Yoon) 예약"
    start = text.index("Faith")
    assert beside_names(text, [(0, 3, "PERSON")], [(start, start + 5)]) == []


def test_an_honorific_after_the_space_is_no_given_name():
    assert beside("宮脇 様、ご予約", "宮脇") == []


@pytest.mark.parametrize("text, name, other", [
    ("菅原 柚葉（すがわら ゆずは）", "柚葉", "菅原"),
    ("山本（やまもと）と申します。", "やまもと", "山本"),
])
def test_the_surname_before_a_found_given_name_or_reading_goes(text, name, other):
    assert other in beside(text, name)
