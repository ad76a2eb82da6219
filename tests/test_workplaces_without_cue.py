"""Workplaces and schools named by their form with no work cue around them (#13, round 10): an
organisation ending (새벽물산, 수원시청), a university named after a city (부산대학교). The ending alone,
the city alone and a rank or kind before the ending stay. All names here are invented."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("남편은 푸른해상 보험 설계사예요.", "푸른해상", ["보험 설계사예요"]),
    ("한결증권 친구가 소개했어요.", "한결증권", ["친구가 소개했어요"]),
    ("새벽물산 사람들이 친절해요.", "새벽물산", ["사람들이 친절해요"]),
    ("수원시청에서 민원 담당이에요.", "수원시청", ["에서 민원 담당이에요"]),
    ("강남구청 옆 건물이에요.", "강남구청", ["옆 건물이에요"]),
    ("한국해양연구원 연구원이에요.", "한국해양연구원", ["연구원이에요"]),
])
def test_a_korean_organisation_by_its_ending_goes_without_a_cue(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "직장상사 때문에 스트레스 받아요.", "선임연구원으로 승진했어요.", "인테리어공사 소음 때문에 잠을 못 자요.",
    "유가증권 얘기는 나중에 해요.", "시청에 서류 떼러 가요.", "연구원 생활이 힘들어요.", "보톡스 맞고 붓기가 있어요.",
])
def test_the_ending_alone_or_after_a_kind_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, school, kept", [
    ("부산대학교 다녀요.", "부산대학교", ["다녀요"]),
    ("광주고등학교 나왔어요.", "광주고등학교", ["나왔어요"]),
    ("제주대학교 병원에서 진료받았어요.", "제주대학교", ["병원에서 진료받았어요"]),
])
def test_a_school_named_after_a_city_goes(text, school, kept):
    check(text, [school], kept)


@pytest.mark.parametrize("text", ["부산에 살아요.", "대구에 있는 대학교 다녀요.", "지방대학교 나왔어요.", "대학병원 가요."])
def test_the_city_alone_or_a_kind_of_school_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, name, kept", [
    ("夫はみずほら銀行の窓口にいます。", "みずほら", ["夫は", "の窓口にいます"]),
    ("兄は青葉証券にいます。", "青葉証券", ["兄は", "にいます"]),
    ("叔父は丸星商事です。", "丸星商事", ["叔父は"]),
    ("丸星物産の健康診断で指摘されました。", "丸星物産", ["の健康診断で"]),
    ("国税庁からの書類です。", "国税庁", ["からの書類です"]),
    ("（株）ひかり商会の者です。", "ひかり商会", ["の者です"]),
])
def test_a_japanese_organisation_by_its_ending_goes_without_a_cue(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", ["銀行に行ってから来院します。", "官公庁の書類です。", "県庁の近くです。", "銀行員の夫が付き添います。"])
def test_a_japanese_ending_alone_or_after_a_kind_stays(text):
    check(text, [], [text.rstrip("。")])


@pytest.mark.parametrize("text, name, kept", [
    ("I'm cabin crew at skyjet.", "skyjet", ["at "]),
    ("I work for zentro as a driver.", "zentro", ["I work for", "as a driver"]),
    ("I'm a nurse at brightpath.", "brightpath", ["a nurse at"]),
    ("I'm on the QA team at Quorvane.", "Quorvane", ["team at"]),
    ("My husband works at Velonix Co., Ltd. in Seoul.", "Ltd", ["works at", "in Seoul"]),
    ("I work at Harbin Pte Ltd now.", "Pte", ["now"]),
])
def test_a_lower_case_brand_after_a_strong_cue_and_a_two_word_legal_form_go(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", ["I work at home on fridays.", "I work for myself now.", "I'm a nurse at night mostly.",
                                  "The team at the clinic was kind."])
def test_an_ordinary_word_after_the_cue_stays(text):
    check(text, [], [text.rstrip(".")])


@pytest.mark.parametrize("text, tail", [
    ("我住在北京市朝阳区建国路88号3号房。", "号房"),
    ("我住在广州市天河区天河路100号5栋302号房。", "房"),
    ("大阪市北区梅田1丁目2単元301号", "単元"),
    ("Алматы, ул. Абая 10, 34 пәтер", "пәтер"),
    ("Астана, Кенесары көшесі 12, 34 пәтер", "көшесі"),
    ("Алматы қаласы, Абай көшесі 45-үй, 12-пәтер", "пәтер"),
])
def test_the_flat_after_an_address_goes_with_it(text, tail):
    out = check(text, [], [])
    assert tail not in out and "<ADDRESS>" in out, out


@pytest.mark.parametrize("text", ["Мен 3 пәтер көрдім.", "我住在三号房附近的宾馆。"])
def test_a_flat_word_with_no_address_before_it_stays(text):
    check(text, [], ["пәтер" if "пәтер" in text else "号房"])


@pytest.mark.parametrize("text, name, kept", [
    ("해누리에서 3교대 해요.", "해누리", ["에서 3교대 해요"]),
    ("새벽별 야간조라서 힘들어요.", "새벽별", ["라서 힘들어요"]),
])
def test_the_organisation_before_a_shift_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", ["주말 야간조라서 힘들어요.", "3교대 근무해요.", "병원에서 3교대 해요.", "요즘 야간조라서 피곤해요."])
def test_a_shift_after_an_ordinary_word_keeps_the_word(text):
    check(text, [], [text.split()[0]])
