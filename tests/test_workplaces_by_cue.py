"""Workplaces, schools and addresses named by their slot or form, not by a list (#13); ordinary words
in the same slot stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, org, kept", [
    ("아내는 푸른빛에 근무하고 있어요.", "푸른빛", ["근무하고"]),
    ("오빠가 새벽별 재직 중이에요.", "새벽별", ["재직"]),
    ("동생은 누리솔 소속이에요.", "누리솔", ["소속"]),
    ("삼촌이 가온누리 다녀요.", "가온누리", ["다녀요"]),
    ("남편이 푸른빛 공장에서 일해요.", "푸른빛", ["공장에서 일해요"]),
    ("아내는 새벽별 본사 소속이에요.", "새벽별", ["본사 소속"]),
])
def test_the_word_in_a_korean_employment_slot_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", [
    "집에서 일해요.", "재택 근무 중이에요.", "야간 근무가 많아요.", "대기업 다녀요.", "같은 회사 다녀요.",
    "할머니댁 다녀왔어요.", "열심히 일해요.", "주말에 일해요.", "현재 재직 중이에요.", "헬스장 다녀요.",
    "요양병원에서 근무해요.", "물류센터에서 일해요.", "치과에 근무해요.", "같은 회사에서 일해요.", "서울 본사에서 근무해요.",
    "외국계 회사 다녀요.", "남편 회사에서 일해요.", "삼촌네 식당에서 일해요.", "작은 공장에서 일해요.",
])
def test_an_ordinary_complement_of_an_employment_phrase_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, name, kind", [
    ("맑은숲안과 다녀왔어요.", "맑은숲", "안과"),
    ("고운이치과에서 스케일링 받았어요.", "고운이", "치과"),
    ("바른허리병원에서 MRI 찍었어요.", "바른허리", "병원"),
    ("튼튼뼈대정형외과 갔어요.", "튼튼뼈대", "정형외과"),
])
def test_a_clinic_named_by_an_adjective_or_an_unknown_word_goes_its_kind_stays(text, name, kind):
    check(text, [name], [kind])


@pytest.mark.parametrize("text", [
    "소아치과 가야 해요.", "동물병원 다녀왔어요.", "대학병원에서 검사했어요.", "가까운병원 가세요.",
    "다른병원 가봤어요.", "미용피부과에서 레이저 받았어요.", "큰병원 가보라고 했어요.", "가정의학과에서 진료 봤어요.",
    "여성병원에서 출산했어요.", "새로운치과 가봤어요.",
])
def test_a_clinic_word_with_a_kind_word_before_it_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, org, kept", [
    ("父は白樺精機勤めです。", "白樺精機", ["勤め"]),
    ("妻はこもれび眼科に通っています。", "こもれび", ["妻は", "眼科"]),
    ("ミナモ歯科で治療しました。", "ミナモ", ["歯科"]),
    ("若草皮膚科でレーザーを受けました。", "若草", ["皮膚科", "レーザー"]),
])
def test_a_japanese_employer_or_clinic_by_its_cue_or_kind_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text", [
    "小児歯科に行きました。", "近くの眼科に行きました。", "美容皮膚科で相談しました。", "新しい歯科に行きました。",
    "内科医院で薬をもらいました。", "心療内科に通っています。",
])
def test_a_japanese_clinic_word_without_a_name_stays(text):
    check(text, [], [text.rstrip("。")])


@pytest.mark.parametrize("text, school, kept", [
    ("息子は若葉台高2です。", "若葉台", ["息子は", "2です"]),
    ("娘は白萩中3です。", "白萩", ["娘は"]),
    ("兄は翠川大2です。", "翠川", ["兄は"]),
    ("他是明远高二的学生。", "明远", ["的学生"]),
])
def test_a_cjk_school_before_a_one_character_level_and_a_year_goes(text, school, kept):
    check(text, [school], kept)


@pytest.mark.parametrize("text", ["息子は高2です。", "画像は最大2倍です。", "血中3回測定しました。", "途中2回休みました。",
                                  "最高3点でした。"])
def test_a_level_character_with_a_count_or_no_name_stays(text):
    check(text, [], [text.rstrip("。")])


def test_a_role_ending_in_tress_or_stess_is_a_job_before_its_employer():
    check("She's a waitress at Pellbrook's.", ["Pellbrook"], ["waitress at"])
    from anonymise.quasi_identifiers.workplaces_world import WorldWorkplace

    assert WorldWorkplace().find("Tenderness at Corlan's point and an abscess at Site B.") == []
