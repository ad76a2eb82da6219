"""What the anonymiser keeps, the leak gate releases, and what it removes the gate would have refused:
each shape here was kept by one side and flagged by the other, so its record was withheld for
nothing (#13). Every text goes the production path (world_fixtures.redacted) and its redacted form
through check_release on a small real release. All people and codes here are invented."""
from __future__ import annotations

from pathlib import Path

import pytest

from gate_fixtures import build_clean_release, text_findings, write_snapshot
from world_fixtures import redacted


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_clean_release(tmp_path_factory.mktemp("template") / "release")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    return write_snapshot(tmp_path_factory.mktemp("accepted"))


@pytest.mark.parametrize("text, kept", [
    # A disease by its ending where Kiwi reads the stretch before it as a proper noun (아구창/NNP + 염).
    ("아이 입안에 아구창염이 생겨서 연고를 받았어요.", "아구창염이"),
    ("편도결석증 때문에 입냄새가 심해요.", "편도결석증"),
    # A 시/도 glued to an ordinary noun that Kiwi reads as one proper noun.
    ("서울지하철 타고 갈게요.", "서울지하철"),
    # A scale that is not in the eponym list, before a grade with its grade word, in either script.
    ("정수리는 로젠탈 4단계라고 들었어요.", "로젠탈"),
    ("색소 침착은 미야모토 3형이에요.", "미야모토"),
    ("Laxity was Velmarsh grade 3 on the left.", "Velmarsh"),
])
def test_a_kept_word_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, gone", [
    ("아구창 씨가 예약을 바꿨어요.", "아구창"),          # the same stretch as a person's name, no disease word
    ("김서윤 3단계 진행 중이에요.", "김서윤"),            # a name's shape before a grade is a person
    ("Dr. Velmarsh 3단계라고 했어요.", "Velmarsh"),       # a title before it: a doctor
    ("탈모는 Kertanov 3단계예요.", "Kertanov"),          # Latin before a Korean grade word: only a listed scale
    ("미야모토 씨는 3시에 와요.", "미야모토"),              # no grade word after it
])
def test_the_near_miss_is_removed(text, gone):
    assert gone not in redacted(text)


def test_a_province_compound_needs_a_word_after_the_province():
    from anonymise import vocabulary

    assert vocabulary.is_province_compound("서울지하철") and vocabulary.is_province_compound("부산버스")
    assert not vocabulary.is_province_compound("서울대")          # one syllable: a school's short name
    assert not vocabulary.is_province_compound("부산쿠르텍")      # no ordinary word after the province


@pytest.mark.parametrize("text, surname", [
    ("介紹人是陳小明先生。", "陳"),     # a surname + given name after 是, before the title
    ("介紹人是華建國先生。", "華"),     # a Traditional form of a listed surname (华)
    ("我問了時志遠老師。", "時"),
])
def test_a_titled_chinese_name_goes_whole(text, surname):
    assert surname not in redacted(text)


def test_the_gate_refuses_a_traditional_surname_before_a_title():
    from anonymise import vocabulary
    from anonymise.gate.released_text import titled_cjk_names

    text = "請問華建國先生在嗎"
    assert [text[s:e] for s, e in titled_cjk_names(text, vocabulary)] == ["華建國"]


@pytest.mark.parametrize("text, code", [
    ("예약번호는 QT48213입니다.", "QT48213"),          # a code glued to the copula
    ("모델명 ZK730으로 적어 주세요.", "ZK730"),          # ... to a particle
    ("코드는 RW55102-B로 조회돼요.", "RW55102-B"),         # a hyphenated one
])
def test_a_letter_digit_code_glued_to_hangul_goes(text, code):
    assert code not in redacted(text)


@pytest.mark.parametrize("text, kept", [
    ("보톡스 5mg입니다.", "5mg입니다"),                  # a dose with its copula
    ("보톡스50U 맞았어요.", "50U"),
    ("SPF50이상 발라 주세요.", "SPF50이상"),               # dosing notation
    ("CO2레이저 받았어요.", "CO2레이저"),                  # a listed device
    ("1064nm로 토닝해요.", "1064nm로"),                    # a device setting
    ("코엔자임Q10크림 발라요.", "Q10"),                     # a listed supplement
])
def test_a_glued_unit_dose_or_listed_term_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, gone", [
    # The flat and building before a Vietnamese street: left standing, the gate read them as names.
    ("Căn hộ 1207, Chung cư Hoa Lan Tower, 45 Nguyễn Văn Cừ, Phường 3, Quận 5", "Hoa Lan"),
    ("Địa chỉ: Căn hộ B-803, Chung cư Sao Khuê, 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM", "Sao Khuê"),
    ("아들이 육군 제27보병사단 상병이에요.", "27보병사단"),
    ("직장: 한결테크 기획과", "한결테크"),
    ("勤務先：青波物産", "青波物産"),
])
def test_a_removed_unit_workplace_or_home_leaves_nothing_the_gate_refuses(tmp_path, template, snapshot, text, gone):
    out = redacted(text)
    assert gone not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []
