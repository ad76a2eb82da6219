"""Quasi-identifiers in free text: every type found in Korean and English (some in Chinese/Japanese),
its look-alikes left alone, coarser forms, overlaps, and the per-release policy table."""
from __future__ import annotations

import pytest

from anonymise.policy import DEFAULT_POLICY_FILE, FieldPolicy, PolicyError
from anonymise.quasi_identifiers.detector import find_quasi_identifiers
from anonymise.quasi_identifiers.release_policy import TextQiPolicy, TextQiPolicyError


def found(text: str) -> list[tuple[str, str, dict]]:
    return [(s.qi_type, text[s.start:s.end], s.forms) for s in find_quasi_identifiers(text)]


def types_and_text(text: str) -> list[tuple[str, str]]:
    return [(t, part) for t, part, _ in found(text)]


POSITIVE = [
    # (text, type, the exact part found, its coarser forms)
    ("32살 직장인이에요", "AGE", "32살", {"decade": "30대"}),
    ("만 45세입니다.", "AGE", "만 45세", {"decade": "40대"}),
    ("서른두 살인데 괜찮을까요", "AGE", "서른두 살", {"decade": "30대"}),
    ("여/27 상담 원해요", "AGE", "27", {"decade": "20대"}),
    ("15/F 쌍꺼풀 문의입니다.", "AGE", "15", {"decade": "10대"}),      # age/sex, the sex after the age
    ("상담자 32/M, 코 재수술 문의", "AGE", "32", {"decade": "30대"}),
    ("I am 45. Is it too late?", "AGE", "45", {"decade": "40s"}),
    ("I'm a 52-year-old woman", "AGE", "52-year-old", {"decade": "50s"}),
    ("私は32歳です", "AGE", "32歳", {"decade": "30代"}),
    ("我今年28岁", "AGE", "28岁", {"decade": "20多岁"}),
    ("3월 14일에 수술했어요", "DATE", "3월 14일", {"quarter": "1분기"}),
    ("2024년 11월 2일 내원", "DATE", "2024년 11월 2일", {"quarter": "2024년 4분기", "year": "2024년"}),
    ("2024.03.14에 재내원했어요", "DATE", "2024.03.14", {"quarter": "2024년 1분기", "year": "2024년"}),
    ("I had the surgery on March 3, 2021.", "DATE", "March 3, 2021", {"quarter": "the first quarter of 2021", "year": "2021"}),
    ("Booked for 14 July.", "DATE", "14 July", {"quarter": "the third quarter"}),
    ("Seen on 7/21/2025 at your clinic", "DATE", "7/21/2025", {"quarter": "the third quarter of 2025", "year": "2025"}),
    ("5月20日做的手术", "DATE", "5月20日", {"quarter": "4-6月"}),
    ("강남역 근처 살아요", "PLACE", "강남역", {"province": "서울"}),
    ("홍대입구역에서 가까워요", "PLACE", "홍대입구역", {"province": "서울"}),
    ("역삼동에 살고 있어요", "PLACE", "역삼동", {"province": "서울"}),
    ("수원 영통구 거주", "PLACE", "영통구", {"province": "경기"}),
    ("해운대 살아요", "PLACE", "해운대", {"province": "부산"}),
    ("래미안 3단지 살아요", "PLACE", "래미안 3단지", {}),
    ("I'm staying near Hongdae for a week", "PLACE", "Hongdae", {"province": "Seoul"}),
    ("I live in Seattle and fly in next month", "PLACE", "Seattle", {"province": "the US"}),
    ("我住在上海", "PLACE", "上海", {"province": "中国"}),
    ("大阪から行きます", "PLACE", "大阪", {"province": "日本"}),
    ("삼성전자 다니고 있어요", "WORKPLACE", "삼성전자", {}),
    ("네이버에서 일해요", "WORKPLACE", "네이버", {}),
    ("(주)한빛소프트 재직 중입니다", "WORKPLACE", "(주)한빛소프트", {}),
    ("현대 다니는데 휴가가 짧아요", "WORKPLACE", "현대", {}),
    ("I work at Google, so weekends only", "WORKPLACE", "Google", {}),
    ("I'm an engineer at Acme Robotics Inc. in Seoul", "WORKPLACE", "Acme Robotics Inc.", {}),
    ("연세대 다니는 학생이에요", "SCHOOL", "연세대", {"level": "대학교"}),
    ("한양대학교 졸업했어요", "SCHOOL", "한양대학교", {"level": "대학교"}),
    ("서울고 3학년이에요", "SCHOOL", "서울고", {"level": "고등학교"}),
    ("I study at Yonsei University now", "SCHOOL", "Yonsei University", {"level": "a university"}),
    ("I graduated from the University of Washington", "SCHOOL", "University of Washington", {"level": "a university"}),
    ("저는 아나운서라서 붓기가 걱정돼요", "OCCUPATION", "아나운서", {"category": "방송인"}),
    ("승무원인데 비행 일정 때문에요", "OCCUPATION", "승무원", {"category": "항공 종사자"}),
    ("국회의원 보좌가 아니라 제가 국회의원이에요", "OCCUPATION", "국회의원", {"category": "정치인"}),
    ("I'm a flight attendant so I travel a lot", "OCCUPATION", "flight attendant", {"category": "aviation worker"}),
    ("I work as a news anchor", "OCCUPATION", "news anchor", {"category": "broadcaster"}),
    ("키 158cm에 48kg이에요", "BODY_MEASURE", "158cm에 48kg", {"band": "150cm대 40kg대"}),
    ("몸무게 62키로인데 지방흡입 될까요", "BODY_MEASURE", "62키로", {"band": "60kg대"}),
    ("키 192cm라서 눈에 띄어요", "BODY_MEASURE", "192cm", {}),
    ("My height is 165 cm", "BODY_MEASURE", "165 cm", {"band": "160s cm"}),
    ("I weigh 130 lbs", "BODY_MEASURE", "130 lbs", {"band": "50s kg"}),
]


@pytest.mark.parametrize(("text", "qi_type", "part", "forms"), POSITIVE)
def test_each_quasi_identifier_is_found_with_its_coarser_forms(text, qi_type, part, forms):
    assert (qi_type, part, forms) in found(text)


NEGATIVE = [
    # Medical content, bands, durations, relative dates, ordinary words that look like the types.
    "30대 후반인데 괜찮을까요?", "I'm in my 40s.", "3주 뒤에 실밥 풀어요", "300샷, 30만원", "5년 전에 했어요",
    "10살 어려 보이고 싶어요", "21세기 최신 장비", "I'm 45 minutes away from the clinic", "age 3 weeks post-op",
    "지난주 화요일에 수술했어요", "last Tuesday I had a consultation", "3월에 수술 예정이에요", "14일간 입원해요",
    "I may 5 times ask", "보톡스 2.5cc, 1~2주", "오전 10:30 예약",
    "서울에 살아요", "지역 병원에서", "면역력이 약해요", "관할구역", "서구적인 얼굴을 원해요", "신사 숙녀 여러분",
    "I live in Korea now", "Seoul is where I stay", "대학병원에서 진료받았어요",
    "회사 다니는데 주말만 가능해요", "현대 의학으로 가능한가요", "I work from home", "Apple juice after surgery?",
    "대학 때부터 고민했어요", "고등학교 때 다쳤어요", "in high school I broke my nose", "최고의 결과", "수술 중에",
    "배우고 싶어요", "직장인이에요", "a pilot study of fillers", "the judge of results is you",
    "코 보형물 3mm", "지방흡입 2,000cc", "3kg 빠졌어요", "귀연골 2x1cm", "가슴 보형물 250cc",
    "a 3 cm scar on my chin", "I lost 5 kg after the diet", "Botox 20 units costs $300",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_look_alikes_and_medical_facts_are_not_quasi_identifiers(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "part"), [
    ("I work at Acme Widgets Inc. I am 34.", "Acme Widgets Inc"),         # the dot is also the full stop
    ("I am an engineer at Brindle Co. We ship tools.", "Brindle Co"),
    ("She works for Corvane Ltd. and likes it.", "Corvane Ltd."),          # the abbreviation's own dot
    ("I work at Acme. My knee hurts.", "Acme"),
    ("I work for J.P. Norvell Bank now.", "J.P. Norvell Bank"),            # an initial goes on to the name
    ("My husband works at St. Brennan Hospital.", "St. Brennan Hospital"),
])
def test_an_english_workplace_ends_at_its_own_dot_and_the_next_sentence_stays(text, part):
    workplaces = [p for t, p in types_and_text(text) if t == "WORKPLACE"]
    assert workplaces == [part]


def test_a_word_ending_the_sentence_before_an_organisation_is_no_part_of_it():
    assert [p for t, p in types_and_text("I moved to Seoul. Hana Bank hired me.") if t == "WORKPLACE"] == ["Hana Bank"]


@pytest.mark.parametrize(("text", "part"), [
    ("去年桜丘高校を卒業しました。", "桜丘高校"),      # a time word before the name is the sentence's
    ("息子は来春青葉中学に入学します。", "青葉中学"),
    ("昨年明星大学卒業です。", "明星大学"),
    ("弟は現在明星大学の学生です。", "明星大学"),
    ("2019年明星大学卒業。", "明星大学"),
    ("娘は桜丘高校に通っています。", "桜丘高校"),
    ("東京大学の学生です。", "東京大学"),
    ("我儿子在读青松中学。", "青松中学"),              # 读 ends the name going left
    ("现在青松中学的老师很好。", "青松中学"),
    ("我去年考上了清溪大学。", "清溪大学"),
    ("我妹妹高中毕业以后去了清溪大学。", "清溪大学"),  # 妹妹高中: a person word and a school word, no name
])
def test_a_cjk_school_starts_at_its_name_not_at_the_clause(text, part):
    assert [p for t, p in types_and_text(text) if t == "SCHOOL"] == [part]


@pytest.mark.parametrize(("text", "part"), [("去年ヤマセ精工に入社しました。", "ヤマセ精工"),
                                            ("我去年去了华信银行工作。", "华信银行")])
def test_a_cjk_workplace_starts_at_its_name(text, part):
    assert [p for t, p in types_and_text(text) if t == "WORKPLACE"] == [part]


def test_the_planted_sentence_of_the_issue_yields_every_type_once():
    text = "32살 직장인인데 삼성전자 다니고 강남역 근처 살아요, 3월 14일에 수술했어요"
    assert types_and_text(text) == [("AGE", "32살"), ("WORKPLACE", "삼성전자"), ("PLACE", "강남역"),
                                    ("DATE", "3월 14일")]


def test_claimed_personal_data_wins_over_a_quasi_identifier():
    text = "생일이 1990년 3월 14일이에요"
    start = text.index("1990")
    assert found(text)[0][0] == "DATE"
    assert find_quasi_identifiers(text, [(start, start + len("1990년 3월 14일"))]) == []


def test_policy_table_is_per_release_and_faq_is_the_strictest(tmp_path):
    policy = FieldPolicy.load(DEFAULT_POLICY_FILE)
    actions = policy.text_quasi_identifiers.actions
    assert actions["academic"]["AGE"] == "generalise:decade" and actions["academic"]["WORKPLACE"] == "remove"
    assert set(actions["faq"].values()) == {"remove"}
    table = {release: dict(zip(["age", "date", "place", "workplace", "school", "occupation", "body_measure"],
                               ["remove"] * 7)) for release in ("faq", "academic", "publishing")}
    assert TextQiPolicy.from_table(table).actions["academic"]["PLACE"] == "remove"
    table["faq"]["place"] = "generalise:province"  # now academic does more to places than faq
    with pytest.raises(TextQiPolicyError, match="strictest"):
        TextQiPolicy.from_table(table)
    table["faq"]["place"] = "generalise:street"
    with pytest.raises(TextQiPolicyError, match="unknown action"):
        TextQiPolicy.from_table(table)
    broken = tmp_path / "policy.toml"
    broken.write_text('[consultations]\nquestion = "text"\n[text_quasi_identifiers.faq]\nage = "remove"\n',
                      encoding="utf-8")
    with pytest.raises(PolicyError, match="text_quasi_identifiers"):
        FieldPolicy.load(broken)


GENERALISED = ["30대 직장인", "I am 40s", "1분기에 수술", "2024년 1분기", "the first quarter of 2024", "2024年1-3月",
               "서울 근처", "near Seoul", "the US", "미국", "中国", "대학교 졸업", "a university", "방송인이에요",
               "항공 종사자", "콘텐츠 제작자", "broadcaster", "키 150cm대 40kg대", "160s cm"]


@pytest.mark.parametrize("text", GENERALISED)
def test_generalised_forms_are_safe_tokens_the_safe_list_pass_keeps(text):
    from anonymise.safe_list import SafeListPass

    assert SafeListPass().find(text, []) == []


@pytest.mark.parametrize(("text", "place"), [("김포대교 건너서 가요.", "김포대교"), ("광안대교 야경 보고 가요.", "광안대교"),
                                             ("무안공항에서 출발해요.", "무안공항")])
def test_a_facility_named_by_its_place_is_a_place_not_a_name(text, place):
    """Kiwi reads these as proper nouns of no dictionary: the safe list took them for names (<NAME>)."""
    from anonymise import Redactor

    redaction = Redactor().redact({"question": text})
    assert [(q.qi_type, text[q.start:q.end]) for q in redaction.quasi["question"]] == [("PLACE", place)]
    assert "<NAME>" not in redaction.text["question"] and "<PERSON>" not in redaction.text["question"]
    assert redaction.text["question"].startswith("<PLACE>")


@pytest.mark.parametrize("text", ["김포공항에서 내려요.", "인천공항 도착해서 택시 타요.", "전세계에서 인기래요.", "국유화된 병원인가요?"])
def test_words_kiwi_vouches_for_stay_words(text):
    from anonymise import Redactor

    assert Redactor().redact({"question": text}).text["question"] == text
