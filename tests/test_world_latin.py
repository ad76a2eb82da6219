"""W4-W10 and the keep classes: English names by chat and role cues, addresses, dates of birth in
words, plates, Vietnamese full names; eponyms, ward and ICD codes, devices and drug brands stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("hey its marisol, can i move my botox to friday?", "marisol", ["botox", "friday"]),
    ("Everybody calls me Zuzu.", "Zuzu", ["Everybody calls me"]),
    ("Account holder Wren Castellano, card ending soon.", "Castellano", ["Account holder"]),
    ("Participant Odalys Varga joined late.", "Odalys", ["joined late"]),
])
def test_english_names_by_cue_go(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, value, kept", [
    ("My billing zip is 60614 if that helps.", "60614", ["billing zip"]),
    ("Plot 44, Sector 9, Noida.", "Plot 44", []),
    ("Adresse: Seestrasse 41, 8702 Zollikon.", "Seestrasse 41", []),
    ("живу: г. Самара, ул. Садовая, д. 7, кв. 19, 443010.", "Садовая", ["живу"]),
    ("ul. Lipowa 8/2, 31-542 Kraków", "Lipowa", []),
    ("Parking plate XRT 5521 K please.", "5521", ["Parking plate"]),
])
def test_foreign_addresses_and_plates_go(text, value, kept):
    check(text, [value], kept)


@pytest.mark.parametrize("text, value", [
    ("Tôi sinh ngày 17 tháng 4 năm 1993, muốn tiêm filler.", "1993"),
    ("เกิดวันที่ 3 กันยายน 2536 ค่ะ", "2536"),
])
def test_dates_of_birth_in_words_go(text, value):
    check(text, [value], [])


def test_vietnamese_full_name_goes_whole():
    check("Tôi tên là Đoàn Thị Bích Ngọc, muốn hỏi về filler.", ["Đoàn", "Bích", "Ngọc"], ["filler"])


def test_eponyms_codes_devices_and_drugs_stay():
    check("Bell's palsy, a Baker's cyst, a Hartmann procedure and a Swan-Ganz catheter in Ward 6B; ICD K21.9; "
          "HbA1c 6.1; Ozempic and Mounjaro, atorvastatin.", [],
          ["Bell's palsy", "Baker's cyst", "Hartmann procedure", "Swan-Ganz catheter", "Ward 6B", "K21.9", "HbA1c",
           "Ozempic", "Mounjaro", "atorvastatin"])


@pytest.mark.parametrize("text, handle, kept", [
    ("Instagram - velvet.moth_31 if you want photos", "velvet.moth_31", ["Instagram"]),
    ("微博：青柠_2046", "青柠_2046", ["微博"]),
    ("user kbr_1988 on the app", "kbr_1988", ["on the app"]),
    ("username: lanternbyte", "lanternbyte", ["username"]),
])
def test_handles_and_logins_go(text, handle, kept):
    check(text, [handle], kept)


def test_a_plain_word_after_user_stays():
    check("The user interface is nice, the owner said thanks.", [], ["user interface", "owner said thanks"])


@pytest.mark.parametrize("text, value", [
    ("我生于1994年，想做热玛吉。", "1994"),
    ("1987 г.р., хочу узнать о ботоксе.", "1987"),
    ("เกิดปี 2534 ค่ะ", "2534"),
])
def test_birth_years_go(text, value):
    check(text, [value], [])


@pytest.mark.parametrize("text, kept", [
    ("Мне кололи Ботокс и Ювидерм, потом пила Нурофен.", ["Ботокс", "Ювидерм", "Нурофен"]),
    ("Tôi đã tiêm Restylane và uống Panadol.", ["Restylane", "Panadol"]),
    ("ฉีดจูวีเดิร์มกับโบท็อกซ์ แล้วกินทรานซามินค่ะ", ["จูวีเดิร์ม", "ทรานซามิน"]),
    ("ロキソニンを飲みました。トラネキサム酸も。", ["ロキソニン", "トラネキサム酸"]),
    ("吃了氨甲环酸和异维A酸。", ["氨甲环酸", "和异维A酸"]),
    ("I took Tylenol and Lipitor, then Zyrtec.", ["Tylenol", "Lipitor", "Zyrtec"]),
])
def test_drug_and_device_brands_stay_in_every_language(text, kept):
    check(text, [], kept)
