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
    # A form's label (form_labels.tsv) before its colon, which both sides read as a label.
    ("출력자: 접수처\n수진자: 본인", "출력자"),
    ("既往歴：なし\n服薬：なし", "既往歴"),
    ("既往史：无\n联系人：无", "既往史"),
    # A club or class: an ordinary noun and 部/班, a name's shape by its first syllable (방+송부).
    ("방송부 친구들이랑 같이 왔어요.", "방송부"),
    ("한국어반 수업 끝나고 갈게요.", "한국어반"),
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
    ("정민부 선수가 골을 넣었어요.", "정민부"),              # a name's shape ending in 부 before a title
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


@pytest.mark.parametrize("text, name, kept", [
    ("等了30分钟小明老师才来。", "小明", "30分钟"),     # the surname 钟 is the unit's: the given name still goes
    ("我打了3针周医生说没问题。", "周", "3针"),          # a surname alone after a unit, before a title
    ("韩币50万王建国先生已经付了。", "王建国", "50万"),   # 万 (also a surname) is the number's
    ("3小時陳先生會來", "陳", "3小時"),
])
def test_a_han_name_beside_a_quantity_goes_and_the_quantity_stays(tmp_path, template, snapshot, text, name, kept):
    out = redacted(text)
    assert name not in out and kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


def test_what_is_left_of_a_han_name_beside_a_quantity():
    from anonymise import vocabulary

    def clear(text, name):
        start = text.index(name)
        span = vocabulary.han_name_clear_of_quantities(text, start, start + len(name), vocabulary.han_quantity_words(text))
        return text[span[0]:span[1]] if span else None

    assert clear("等了30分钟小明老师", "钟小明") == "小明"
    assert clear("做完手术2小時嗎", "時嗎") is None        # one character left, no surname: the question's 嗎
    assert clear("3小時陳先生", "小時陳") == "陳"           # one character left, a surname
    assert clear("花了3小时", "小时") is None               # all of it the quantity
    assert clear("王小明先生", "王小明") == "王小明"         # no quantity near it


@pytest.mark.parametrize("text, kept", [
    ("HbA1c가 6.8이라서 당뇨 조절 중이에요.", "HbA1c가"),   # a listed lab code glued to a particle
    ("HbA1c 6.5% 이상이면 수술 어렵나요?", "HbA1c"),
    ("eGFR은 정상이라고 들었어요.", "eGFR은"),
    ("T3는 높고 TSH는 낮게 나왔어요.", "T3는"),
    ("SpO2가 95였어요.", "SpO2가"),
    ("CA19-9가 정상이래요.", "CA19-9가"),
])
def test_a_lab_code_glued_to_a_particle_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


def test_the_gate_still_refuses_a_name_glued_to_a_lab_code():
    from anonymise.gate.released_text import TextRule

    flagged = TextRule.default().flagged(["HbA1c-Jennifer", "Jennifer-HbA1c", "HbA1cKX77"])
    assert set(flagged) == {"HbA1c-Jennifer", "Jennifer-HbA1c", "HbA1cKX77"}


@pytest.mark.parametrize("text, code", [
    ("보험코드KD3381은 뭔가요?", "KD3381"),              # a label glued before a code, in Hangul
    ("编号XK2291的预约能改吗？", "XK2291"),               # ... in Han
    ("我的会员号是QX58213，请帮我查一下。", "QX58213"),
    ("予約番号KT8812でお願いします。", "KT8812"),          # ... in Kana and Han
    ("차트번호AB1234로 조회해 주세요.", "AB1234"),
])
def test_a_code_glued_after_hangul_or_han_goes_and_the_rest_is_released(tmp_path, template, snapshot, text, code):
    out = redacted(text)
    assert code not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    ("维生素B12不足", "B12"),                              # a listed vitamin glued after Han
    ("비타민B12 주사 맞았어요.", "B12"),
    ("레이저1064nm로 토닝해요.", "1064nm"),                # a device setting glued after Hangul
])
def test_a_unit_or_listed_term_glued_after_hangul_or_han_stays(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    ("They used a Swan-Ganz catheter in the ICU.", "Swan-Ganz"),
    ("I was told I have Hashimoto thyroiditis.", "Hashimoto"),         # listed, without the possessive
    ("The surgeon did a Hartmann procedure last year.", "Hartmann"),  # a name too, listed as an eponym
    ("I have a nevus of Ota on my cheek.", "Ota"),                     # after its head
    ("탈모가 Ludwig grade 2 정도래요.", "Ludwig"),
])
def test_an_eponym_by_its_head_noun_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, gone", [
    ("I was told it is Jessica grade 3.", "Jessica"),         # a given name before a grade: a person
    ("Jessica grade 3 기미라고 하셨어요.", "Jessica"),
    ("My melasma was called Jessica type 2.", "Jessica"),
    ("Then Emily line fillers were mentioned.", "Emily"),
    ("She has Marvelin syndrome since childhood.", "Marvelin"),   # unlisted: it may be a name no list has
    ("Dr. Hartmann procedure notes are here.", "Hartmann"),     # a title before a listed one: a doctor
])
def test_a_name_before_a_head_noun_goes_unless_listed(tmp_path, template, snapshot, text, gone):
    out = redacted(text)
    assert gone not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


def test_every_invented_consultation_anonymised_passes_the_gate(tmp_path, template, snapshot):
    """The invented corpus (tests/agreement_corpus.txt: mixed languages, lab codes, quantities, eponyms,
    names, codes glued to words), each line anonymised, then all of it checked as one released answer:
    a word the anonymiser keeps and the gate refuses would withhold its record."""
    lines = [line for line in (Path(__file__).parent / "agreement_corpus.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(lines) > 150
    out = "\n".join(redacted(line) for line in lines)
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    ("IPL3회 받고 나서 기미가 옅어졌어요.", "IPL3회"),        # a listed treatment with its session count glued on
    ("PRP2회 하고 경과 보기로 했어요.", "PRP2회"),
    ("HIFU1번만 해도 효과 있나요?", "HIFU1번"),
    ("마취크림EMLA5% 바르고 오세요.", "EMLA5%"),              # a listed product and its strength
    ("乔雅登VOLUMA2支多少钱？", "VOLUMA2支"),                  # ... and its syringes, after Han
])
def test_a_treatment_with_its_glued_count_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, code", [
    ("QX4회 예약번호로 확인해 주세요.", "QX4"),               # letters no list vouches for: a code before a count
    ("IPL45678회원번호로 조회돼요?", "IPL45678"),              # more digits than a count
])
def test_a_code_before_a_count_word_still_goes(tmp_path, template, snapshot, text, code):
    out = redacted(text)
    assert code not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    # Three-letter given names of the lists are Vietnamese words too (bao nhiêu: how much; hoa: flower)
    ("Làm mũi giá bao nhiêu vậy ạ?", "bao"),
    ("Em muốn xăm môi màu hoa hồng.", "hoa"),
])
def test_a_short_lower_case_given_name_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    ("I take Xelvora 10 mg bid for the rash.", "Xelvora"),          # a made-up brand right before its dose
    ("Was told to use Drenavil bid until it clears.", "Drenavil"),  # ... or its dosing frequency
])
def test_a_brand_before_its_dose_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, gone", [
    ("hôm qua jennifer hỏi giá làm mũi", "jennifer"),     # a longer one goes, in any Latin-script text
    ("my friend margaret had the same filler", "margaret"),
])
def test_a_lower_case_given_name_goes_and_the_gate_refuses_it(tmp_path, template, snapshot, text, gone):
    out = redacted(text)
    assert gone not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


def test_the_gate_refuses_a_lower_case_given_name_left_in(tmp_path, template, snapshot):
    assert "text:name" in [kind for kind, _ in text_findings(tmp_path, template, snapshot, "hôm qua jennifer hỏi giá")]


@pytest.mark.parametrize("text, kept", [
    ("I had Ultherapy S3 last month.", "Ultherapy S3"),             # a device's model code
    ("울쎄라 S3 모델로 해 주세요.", "울쎄라 S3"),
])
def test_a_device_model_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, kept", [
    ("필러 5ml3만원이에요?", "5ml3만원"),                  # a dose glued to its price
    ("부스터 2cc2병 주문했어요.", "2cc2병"),                # ... to its count
    ("여드름[L700]으로 진료받았어요.", "L700"),             # an undotted ICD code in square brackets
    ("我得了痤疮(L700)很久了。", "L700"),                   # ... after a Han disease word
    ("皮肤炎[L30]复发了。", "L30"),
])
def test_a_glued_dose_or_bracketed_diagnosis_code_stays_and_is_released(tmp_path, template, snapshot, text, kept):
    out = redacted(text)
    assert kept in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []


@pytest.mark.parametrize("text, code", [
    ("코드 5ml3 확인해 주세요.", "5ml3"),                   # no price or count after it: a code
    ("회원[L700]으로 조회돼요.", "L700"),                   # no disease word before the brackets
    ("会员号[K219]请查一下。", "K219"),
])
def test_a_code_without_its_unit_or_disease_word_still_goes(tmp_path, template, snapshot, text, code):
    out = redacted(text)
    assert code not in out, out
    assert text_findings(tmp_path, template, snapshot, out) == []
