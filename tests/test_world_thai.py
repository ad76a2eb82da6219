"""W8: Thai nicknames and names after cues, words outside the Thai dictionary; Thai words stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("สวัสดีค่ะ หนูชื่อน้ำหวาน อยากฉีดโบท็อกซ์กรามค่ะ", "น้ำหวาน", ["สวัสดีค่ะ", "โบท็อกซ์", "กราม"]),
    ("ชื่อเล่นมิ้นท์ค่ะ อายุ 25", "มิ้นท์", ["ค่ะ"]),
    ("เพื่อนชื่อใบเตยแนะนำมาค่ะ", "ใบเตย", ["เพื่อน", "แนะนำมาค่ะ"]),
    ("คุณวันเพ็ญโทรมาเมื่อวาน", "วันเพ็ญ", ["โทรมาเมื่อวาน"]),
])
def test_thai_names_go(text, name, kept):
    check(text, [name], kept)


def test_thai_ordinary_sentence_stays():
    text = "อยากสอบถามเรื่องฟิลเลอร์ใต้ตาค่ะ ราคาเท่าไหร่คะ"
    assert check(text, [], []) == text


def test_thai_family_name_after_a_titled_name_goes():
    check("ดิฉันนางสาวมาลัยพร ทองประเสริฐ ค่ะ", ["มาลัยพร", "ทองประเสริฐ"], ["ดิฉัน", "นางสาว"])
