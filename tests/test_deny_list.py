"""Record-aware deny list: the record's own values found in its text whatever their formatting."""
import pytest

from anonymise.deny_list import RecordDenyList

RECORD = {"consultation_id": "T1", "member_id": "haram.pyo", "name": "표하람", "phone": "010-2468-1357",
          "email": "hpyo1987@example.com", "ip_address": "203.0.113.77", "region": "서울 중구",
          "answered_by": "탁윤슬"}
MEMBER = {"member_id": "haram.pyo", "name": "표하람", "birth_date": "1987-03-09", "phone": "+82 10 2468 1357",
          "email": "hpyo1987@example.com", "address": "서울 중구 세종대로 99 한빛빌 301동 1204호",
          "guardian_name": "Corin Aldane", "guardian_phone": "+1-212-555-0199", "guardian_rrn": "750102-1234567"}
DENY = RecordDenyList.build(RECORD, MEMBER)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(s.entity_type, text[s.start:s.end], s.role) for s in DENY.find(text)]


@pytest.mark.parametrize("phone", [
    "010-2468-1357", "01024681357", "010 2468 1357", "010.2468.1357", "+82 10-2468-1357", "+82-10-2468-1357",
    "(010) 2468 1357", "０１０－２４６８－１３５７", "010\u200b2468\u200b1357", "+82 (0)10 2468 1357",
])
def test_phone_in_any_formatting(phone):
    text = f"연락처는 {phone} 입니다"
    hits = [h for h in found(text) if h[0] == "PHONE"]
    assert hits and hits[0][2] == "patient"
    assert "2468" not in text.replace(hits[0][1], "")


def test_phone_not_found_inside_a_longer_number():
    assert not [h for h in found("주문번호 9010246813570") if h[0] == "PHONE"]


def test_phone_right_after_another_number_is_still_found():
    # The digits before it make a run of the phone's length that is not the phone; the search must
    # not skip past that run's end.
    assert ("PHONE", "010-2468-1357", "patient") in found("ID: pyo298 010-2468-1357로 문자 주세요")


@pytest.mark.parametrize("text, value", [
    ("메일 HPYO1987@EXAMPLE.COM 로", "HPYO1987@EXAMPLE.COM"),   # e-mail literal, any case
    ("아이디 Haram.Pyo 입니다", "Haram.Pyo"),                  # login ID, any case
    ("접속 IP 203.0.113.77 이었어요", "203.0.113.77"),
])
def test_literal_values_in_any_case(text, value):
    assert value in [h[1] for h in found(text)]


def test_literal_values_not_inside_longer_words():
    assert "haram.pyo" not in [h[1].lower() for h in found("xharam.pyo_2 and haram.pyox")]


def test_foreign_phone_without_country_code_is_the_guardians():
    assert ("PHONE", "212) 555-0199", "guardian") in found("Call (212) 555-0199 please")


def test_name_with_particles_and_given_name_alone():
    text = "표하람이 예약했어요. 하람 씨도 오나요? 표하람님께 연락 부탁드려요"
    hits = [h[1] for h in found(text) if h[0] == "PERSON"]
    assert hits.count("표하람") == 2 and "하람" in hits


def test_romanised_forms_of_a_hangul_name():
    text = "Dear Ms. Pyo. Ha-ram Pyo / Pyo Haram / HARAM / Dr. Tak Yun-seul"
    hits = {(h[1], h[2]) for h in found(text) if h[0] == "PERSON"}
    assert {("Ms. Pyo", "patient"), ("Ha-ram Pyo", "patient"), ("Pyo Haram", "patient"),
            ("Tak Yun-seul", "doctor")} <= hits
    assert any(h[0].upper() == "HARAM" for h in hits)


def test_latin_name_parts_and_its_hangul_spelling():
    record = {"name": "Haram Pyo"}
    deny = RecordDenyList.build(record)
    text = "예금주 표하람으로 부탁드립니다. Thanks, Haram"
    assert {text[s.start:s.end] for s in deny.find(text)} == {"표하람", "Haram"}


def test_email_and_its_local_part():
    text = "메일 HPYO1987@EXAMPLE.COM 또는 hpyo1987 골뱅이 example 닷컴"
    assert {h[1] for h in found(text) if h[0] == "EMAIL"} == {"HPYO1987@EXAMPLE.COM", "HPYO1987", "hpyo1987"}


def test_login_id_ip_address_and_guardian_rrn():
    text = "아이디 haram.pyo, 접속 IP 203.0.113.77, 보호자 주민번호 750102 - 1234567"
    assert {(h[0], h[1]) for h in found(text)} >= {("MEMBER_ID", "haram.pyo"), ("IP_ADDRESS", "203.0.113.77"),
                                                    ("RRN", "750102 - 1234567")}


def test_address_and_its_fragments():
    text = "택배는 세종대로 99, 301동 1204호로 보내주세요 (301-1204). 1204호 경비실에 맡겨주세요"
    assert {h[1] for h in found(text) if h[0] == "ADDRESS"} == {"세종대로 99", "301동 1204호", "301-1204", "1204호"}


@pytest.mark.parametrize("birth", ["1987-03-09", "1987.3.9", "87.03.09", "870309", "1987년 3월 9일", "March 9, 1987",
                                   "9th March 1987", "03/09/1987", "1987年3月9日"])
def test_birth_date_in_common_forms(birth):
    assert ("DOB", birth, "patient") in found(f"생년월일 {birth} 입니다")


def test_guardian_name_parts_and_doctor_surname_with_title():
    text = "Guardian: CORIN ALDANE (Corin), 탁 원장님께 감사드려요"
    hits = {(h[1], h[2]) for h in found(text) if h[0] == "PERSON"}
    assert {("CORIN ALDANE", "guardian"), ("Corin", "guardian"), ("탁", "doctor")} <= hits


def test_unrelated_text_and_lowercase_words_are_left_alone():
    assert found("쌍꺼풀 수술 후 붓기는 2주 정도 갑니다. 8 days of rest, corin is not a word here") == []


def test_chinese_and_japanese_names_in_latin_letters_and_back():
    deny = RecordDenyList.build({"name": "窦嘉怡", "answered_by": "Yui Sugawara"},
                                {"member_id": "x", "guardian_name": "菅原 あかね"})
    text = "Dear Ms. Dou Jiayi (Jiayi), 菅原ゆい先生 Akane Sugawara"
    hits = {(text[s.start:s.end], s.role) for s in deny.find(text)}
    assert {("Dou Jiayi", "patient"), ("Jiayi", "patient"), ("Akane Sugawara", "guardian")} <= hits
    assert ("菅原ゆい", "doctor") not in hits  # Hiragana is not read back to Latin; Han is:
    text = "朋友窦嘉怡介绍的，菅原先生"
    assert ("窦嘉怡", "patient") in {(text[s.start:s.end], s.role) for s in deny.find(text)}


def test_latin_record_name_found_written_in_han():
    deny = RecordDenyList.build({"name": "Jiayi Dou"})
    text = "我是窦嘉怡，想咨询双眼皮"
    assert [text[s.start:s.end] for s in deny.find(text)] == ["窦嘉怡"]


@pytest.mark.parametrize("text, expected", [
    ("my guardian is corin aldane.", "corin aldane"),        # full name in any case
    ("guardian: corin,aldane", "corin,aldane"),             # spaces/commas between may vary
    ("signed Aldane, Corin", "Aldane, Corin"),              # family name first
    ("please call mrs.  aldane tomorrow", "mrs.  aldane"),  # a title before the surname, any case
])
def test_latin_name_forms(text, expected):
    assert (expected, "guardian") in {(h[1], h[2]) for h in found(text)}


def test_latin_name_parts_not_inside_other_words():
    assert not [h for h in found("xaldane and Corinth, aldanes") if h[0] == "PERSON"]
    assert ("corinaldane", "guardian") in {(h[1], h[2]) for h in found("id corinaldane")}  # run together: still the name
