"""Workplaces and schools named by form (#13, round of the quasi-identifier misses): named clinics
and hospitals in a signature, a sender line, a doctor's parenthesis or before a verb of working or of
an operation; university hospitals; clinics named by a city glued to a word. Generic words stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("도곡 벨리안성형외과 원장 김도하 드림", "벨리안", ["성형외과 원장", "드림"]),
    ("발신: 새날병원 원무과", "새날", ["발신:", "병원 원무과"]),
    ("보낸 곳: 솔빛치과의원", "솔빛", ["보낸 곳:", "치과의원"]),
    ("(새날병원 호흡기내과 정이수 교수)", "새날", ["병원 호흡기내과", "교수)"]),
    ("봄내치과에서 일하는데 야근이 많아요.", "봄내", ["치과에서 일하는데"]),
    ("작년에 해든병원에서 수술했어요.", "해든", ["병원에서 수술했어요"]),
])
def test_a_clinic_said_to_be_one_goes_its_kind_stays(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, name, kept", [
    ("라온대학교병원에서 검사했어요.", "라온대학교", ["병원에서"]),
    ("라온대 병원 다녀왔어요.", "라온대", ["병원 다녀왔어요"]),
    ("라온대병원 교수님이 보셨어요.", "라온대", ["병원 교수님"]),
])
def test_a_university_hospital_goes_written_whole_or_cut(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, name, kind", [
    ("부산새날병원에서 근무합니다.", "부산새날", "병원"),
    ("한빛병원에서 MRI 찍었어요.", "한빛", "병원에서"),
    ("수원고운피부과에서 레이저 받았어요.", "수원고운", "피부과에서"),
])
def test_a_clinic_named_by_a_city_glued_to_a_word_goes(text, name, kind):
    check(text, [name], [kind])


@pytest.mark.parametrize("text", [
    "대학병원 교수님이 그러셨어요.", "소화기내과 교수님 진료 봤어요.", "새로운치과 원장님 친절해요.",
    "저희병원 원장님이 설명드릴게요.", "여성병원에서 수술했어요.", "지방대 병원 가도 되나요?", "가까운병원에서 수술했어요.",
    "그냥 동네 병원 갔어요.", "피부과 가기 싫어요.", "회사에서 스트레스 받아요.", "국립대병원 가볼까요?",
    "시립병원에서 근무해요.",
])
def test_a_clinic_word_that_names_no_clinic_stays(text):
    check(text, [], [text.rstrip(".?")])


@pytest.mark.parametrize("text, body, kept", [
    ("환경부 공무원이에요.", "환경부", ["공무원"]),
    ("남편이 기상청 공무원이라 바빠요.", "기상청", ["공무원이라"]),
    ("인사혁신처 사무관으로 일해요.", "인사혁신처", ["사무관"]),
    ("국민연금공단 직원입니다.", "국민연금공단", ["직원"]),
    ("한국수자원공사 다녀요.", "한국수자원공사", ["다녀요"]),
])
def test_a_public_body_by_its_ending_before_a_work_cue_or_a_title_goes(text, body, kept):
    check(text, [body], kept)


@pytest.mark.parametrize("text", ["거래처 직원이 소개해줬어요.", "하복부 지방흡입 문의해요.", "회사(재택)라서 시간 돼요."])
def test_an_ordinary_word_of_the_same_ending_or_in_the_parenthesis_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, company, kept", [
    ("회사(QR케미칼) 다녀요.", "QR케미칼", ["회사(", ") 다녀요"]),
    ("직장(ZN바이오텍)에서 야근 많아요.", "ZN바이오텍", ["직장(", ")에서 야근"]),
    ("회사(다온누리)에서 일해요.", "다온누리", ["회사("]),
    ("TX소프트에서 일해요.", "TX소프트", ["에서 일해요"]),
])
def test_a_company_in_mixed_script_or_in_a_parenthesis_after_the_workplace_word_goes(text, company, kept):
    check(text, [company], kept)


@pytest.mark.parametrize("text, school, kept", [
    ("새벽고등학교 졸업했어요.", "새벽", ["졸업했어요"]),
    ("하늘대학 다녀요.", "하늘대학", ["다녀요"]),
    ("딸이 별빛초등학교 다녀요.", "별빛", ["다녀요"]),
])
def test_a_school_named_by_an_ordinary_word_goes(text, school, kept):
    check(text, [school], kept)


@pytest.mark.parametrize("text", [
    "의과대학 교수님께 물어봤어요.", "인문계고등학교 다녀요.", "좋은대학교 가고 싶어요.", "대학 다녀요.", "초등학교에 다녀요.",
    "CT촬영 했어요.",
])
def test_a_school_word_after_a_kind_or_a_modifier_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, org, kept", [
    ("我在家和集团上班", "家和", ["我在", "上班"]),
    ("我在深圳市腾飞信息科技有限公司上班", "腾飞信息", ["我在", "上班"]),
    ("工作单位：苏州工业园区恒达精密股份有限公司", "恒达精密", []),
    ("公司在杭州凌云科技大厦", "凌云", ["大厦"]),
])
def test_a_chinese_company_by_its_ending_and_legal_form_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text, org, kept", [
    ("こずえ株式会社 営業部の者です", "こずえ", ["株式会社", "営業部"]),
    ("私はみなも株式会社の経理です", "みなも", ["株式会社の経理"]),
    ("株式会社アオシマ 営業部", "アオシマ", ["株式会社", "営業部"]),
    ("バイト先は池袋のコメダです", "コメダ", ["バイト先は", "です"]),
    ("職場は天神のスタバ", "スタバ", ["職場は"]),
])
def test_a_japanese_company_or_shop_goes_its_department_stays(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text, org, kept", [
    ("Би Өглөө ХХК-д ажилладаг", "Өглөө", ["-д ажилладаг"]),
    ("Работаю в ООО «Тихая гавань»", "гавань", ["Работаю в"]),
    ("Tôi làm ở Công ty Phú Hưng", "Phú Hưng", ["Công ty"]),
])
def test_a_company_by_its_legal_form_or_type_word_in_other_languages_goes(text, org, kept):
    check(text, [org], kept)


@pytest.mark.parametrize("text, name, kept", [
    ("광주피부과의원에서 레이저 받았어요.", "광주", ["피부과의원에서"]),
    ("새날병원 간호사로 일해요.", "새날", ["병원 간호사로"]),
    ("쿠로바에서 알바해요.", "쿠로바", ["에서 알바해요"]),
    ("아이가 해솔빛어린이집 다녀요.", "해솔빛", ["다녀요"]),
    ("Sent from the Amberleigh Dermatology front desk.", "Amberleigh", ["Sent from the", "front desk"]),
])
def test_more_named_workplaces_go(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "광주 피부과 추천해주세요.", "서울시의원 출신이에요.", "편의점에서 알바해요.", "영어학원 다녀요.", "국공립어린이집 보내요.",
    "I saw Pediatric Dermatology last week.",
])
def test_a_place_apart_a_council_member_a_kind_of_shop_or_school_and_a_specialty_stay(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, name, kept", [
    ("벨로아 성형외과 원장 드림", "벨로아", ["성형외과 원장"]),
    ("Verano 피부과 원장 드림", "Verano", ["피부과 원장"]),
    ("若葉台病院で手術しました", "若葉台", ["病院で手術"]),
])
def test_a_clinic_written_apart_from_its_kind_or_a_japanese_hospital_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", ["동네 병원 원장님이 그러셨어요.", "요즘 병원 가기 무서워요.", "この病院は初めてです",
                                  "大学病院で検査しました", "総合病院に行きました", "精神病院の話です"])
def test_a_kind_or_a_phrase_before_a_clinic_word_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, org", [("我在星巴克上班", "星巴克"), ("我在麦当劳工作", "麦当劳")])
def test_a_brand_after_the_chinese_work_frame_goes(text, org):
    check(text, [org], ["我在"])


@pytest.mark.parametrize("text", ["我在健身房上班", "我在幼儿园工作", "我在办公室上班", "我在外面上班"])
def test_a_kind_of_place_in_the_chinese_work_frame_stays(text):
    check(text, [], [text])


def test_a_safe_place_before_an_organisation_word_still_names_one():
    check("My sister is a teller at Busan Bank.", ["Busan Bank"], ["teller at"])


@pytest.mark.parametrize("text, org, kept", [
    ("Я работаю в компании «Зелёный луг»", "луг", ["работаю в компании"]),
    ("Муж работает в банке Заря", "Заря", ["в банке"]),
    ("Tôi làm ở bệnh viện Phúc An", "Phúc An", ["bệnh viện"]),
])
def test_a_name_after_a_russian_or_vietnamese_kind_word_goes(text, org, kept):
    check(text, [org], kept)


def test_a_russian_kind_word_without_a_name_stays():
    check("Я работаю в больнице уже 5 лет", [], ["работаю в больнице уже 5 лет"])


@pytest.mark.parametrize("text, school", [("새벽고 졸업했어요.", "새벽고"), ("노을대 다녀요.", "노을대")])
def test_a_short_school_name_of_an_ordinary_word_before_a_school_cue_goes(text, school):
    check(text, [school], [])


@pytest.mark.parametrize("text", ["전문대 졸업했어요.", "지방대 다녀요.", "과학고 다녀요.", "일반고 다녀요.", "먹고 다녀요."])
def test_a_short_school_word_of_a_kind_stays(text):
    check(text, [], [text.rstrip(".")])
