"""Copied forms, wristbands, receipts and tables: the value after a label goes, the label stays (#13).
Every text goes the production path; all people, numbers and logins here are invented."""
from __future__ import annotations

import pytest

from world_fixtures import check, redacted


@pytest.mark.parametrize("text, gone, kept", [
    ("성명: 윤 다 온\n연락처: 문의 바랍니다", ["윤 다 온", "다 온"], ["성명:", "연락처:"]),
    ("환자명 : 변 서 율 / 담당의 : 최예린", ["변 서 율", "서 율", "최예린"], ["환자명", "담당의"]),
    ("氏名：森 本 花 凛\n住所：未記入", ["森 本", "花 凛"], ["氏名", "住所"]),
    ("姓名：周 思 远", ["周 思", "思 远"], ["姓名"]),
    ("Name: T O R V A L D", ["T O R V A L D"], ["Name:"]),
    ("Name: R U N E  O S K A R", ["R U N E", "O S K A R"], ["Name:"]),
])
def test_a_letter_spaced_value_after_a_name_label_goes_whole(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text, gone, kept", [
    ("担当医 鈴木花音", ["鈴木花音"], ["担当医"]),
    ("主治医师：刘志远", ["刘志远"], ["主治医师"]),
    ("院長 佐藤健吾", ["佐藤健吾"], ["院長"]),
    ("Attending: Dr. Marlow Quenby", ["Marlow", "Quenby"], ["Attending:"]),
    ("Surgeon: Petra Lindqvar", ["Petra", "Lindqvar"], ["Surgeon:"]),
])
def test_a_name_after_a_doctor_label_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text, gone, kept", [
    ("会員番号 4471 でお願いします", ["4471"], ["会員番号"]),
    ("番号：3382", ["3382"], ["番号"]),
    ("면허번호 제 12345 호", ["12345"], ["면허번호"]),
    ("No. 4471 is on the wristband", ["4471"], ["No."]),
    ("병실: 512", ["512"], ["병실"]),
    ("printed by u8812 at the desk", ["u8812"], ["printed by"]),
    ("출력자: kim_h", ["kim_h"], ["출력자"]),
    ("printed by: jdoe", ["jdoe"], ["printed by"]),
    ("병실\t구분\n305\t상담 대기", ["305"], ["병실", "구분", "상담 대기"]),
    ("Bed | 구분\n12 | 상담 대기", ["12"], ["Bed", "구분", "상담 대기"]),   # a table's bed column: any number
])
def test_a_short_id_right_after_an_id_label_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text, kept", [
    ("Use a No. 2 syringe for the filler.", ["No. 2 syringe"]),   # a size, one digit
    ("12번 방에서 기다렸어요", ["12번 방"]),                           # a count, no label
    ("보톡스 No. 300 units 맞았어요", ["300 units"]),                 # a quantity after the label
    ("병실 3개가 비어 있대요", ["3개"]),
    ("電話番号：未記入", ["電話番号"]),                               # no 番号 inside a longer word
    ("printed by the front desk", ["printed by the front desk"]),   # ordinary words after a user label
    ("Attending: None", ["Attending: None"]),
    ("No.\t시술\n1\t보톡스\n2\t필러", ["1\t보톡스", "2\t필러"]),    # a No. column counts the rows
    ("원장 한 번 더 뵙고 싶어요", ["원장 한 번 더"]),                    # a doctor label opening prose
    ("성명: \n연락처: ", ["성명:", "연락처:"]),                       # a label with no value stays
])
def test_what_only_looks_like_a_value_stays(text, kept):
    check(text, [], kept)


@pytest.mark.parametrize("text, label", [
    ("既往歴：なし", "既往歴"),
    ("服薬：なし", "服薬"),
    ("勤務先：未記入", "勤務先"),
    ("氏名：", "氏名"),
    ("住所：未記入", "住所"),
    ("직장명: 없음", "직장명"),
    ("주소지: 미기재", "주소지"),
    ("보호자: 없음", "보호자"),
    ("工作单位：无", "工作单位"),
    ("既往史：无", "既往史"),
    ("联系人：无", "联系人"),
    ("출력자: 접수처", "출력자"),
])
def test_a_form_label_stays(text, label):
    assert label in redacted(text)


def test_labels_of_a_form_stay_while_its_values_go():
    out = check("氏名：森 本 花 凛\n既往歴：なし\n服薬：なし\n会員番号：4471", ["森 本", "4471"],
                ["氏名", "既往歴", "服薬", "会員番号"])
    assert out.count("<PERSON>") == 1, out


def test_the_label_list_is_one_vocabulary_both_sides_read():
    from anonymise import vocabulary
    from anonymise.gate.released_text import TextRule

    assert vocabulary.is_form_label("既往歴") and vocabulary.is_form_label("환자 성명") and vocabulary.is_form_label("환자성명")
    assert not vocabulary.is_form_label("김하늘")
    rule = TextRule.default()
    assert rule.flagged(["출력자:", "수진자:", "既往歴：なし"]) == {}
