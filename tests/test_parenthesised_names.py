"""A parenthesis right after a name is the same person's name in another form; other parentheses stay."""
import pytest

from anonymise.parenthesised_names import names_in_parentheses


def inside(text: str, name: str) -> list[str]:
    start = text.index(name)
    return [text[s:e] for s, e in names_in_parentheses(text, [(start, start + len(name))], [])]


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
    assert names_in_parentheses(text, [], []) == []
