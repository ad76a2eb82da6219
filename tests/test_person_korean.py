"""Korean PERSON recognizer: names with honorifics, particles, cues; look-alike words survive."""
import pytest

from anonymise.recognizers.person_korean import KoreanNameRecognizer

RECOGNIZER = KoreanNameRecognizer()


def names(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RECOGNIZER.analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, name", [
    ("안녕하세요 표하람님, 답변드립니다", "표하람"),
    ("탁윤슬 고객님 예약 확인되었습니다", "탁윤슬"),
    ("담당 실장 도해온(010-0000-0000)에게 연락주세요", "도해온"),
    ("담당 코디네이터 봉세린 실장이 연락드릴게요", "봉세린"),
    ("친구 맹지율이 소개해줬어요", "맹지율"),
    ("엄마(편도윤)도 같이 상담받고 싶어요", "편도윤"),
    ("저는 차하윤입니다", "차하윤"),
    ("제 이름은 구예린이에요", "구예린"),
    ("예약자명: 옥서진", "옥서진"),
    ("담당 상담사 탁지원이 안내해 드릴게요", "탁지원"),  # 지원 is also a word: the staff title settles it
    ("가족인 최종윤이 대신 글 올려요", "최종윤"),  # Kiwi reads 최종 (final) + 윤; the kin word speaks for a name
    ("선우다온 환자분 수술 일정 안내드립니다", "선우다온"),
    ("지난번 상담해주신 석민재 원장님께 받고 싶어요", "석민재"),
    ("请加中文咨询师연하늘的微信", "연하늘"),
    ("부탁드려요. - 탁윤슬 (010-0000-0000)", "탁윤슬"),
])
def test_full_names_with_context_are_found(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, given", [
    ("하람 씨 요즘 붓기는 어떠세요?", "하람"),
    ("윤슬님 답변 감사합니다", "윤슬"),
    ("다온 씨가 예약하셨어요", "다온"),
    ("동생 재온이 같이 갈 거예요", "재온"),
    ("제니퍼 님, 예약 확인되었습니다", "제니퍼"),
])
def test_given_name_alone_needs_an_honorific(text, given):
    assert given in names(text)


def test_surname_with_title_is_a_person():
    assert names("박원장님께 수술받았어요") == ["박"]
    assert names("김 실장님이 안내해주셨어요") == ["김"]


@pytest.mark.parametrize("text", [
    "정말 조금 이번에 강남 김치 오늘 이상 전부 우선 다 좋아요",
    "원장님, 실장님, 상담실장님, 고객님, 부모님, 선생님 모두 감사합니다",
    "이 원장님이 직접 하시나요? 전 원장님은 퇴사하셨나요?",
    "유방암 검사 결과 이상은 없었고 이중턱이 고민이에요",
    "고주파가 좋은지 하안검이랑 같이 할지 고민입니다",
    "여드름 흉터에 진통제를 먹어도 되나요? 복용해도 되나요?",
    "석회화가 생길 수 있나요? 목주름이 심해요",
    "날씨가 좋네요. 섭씨 30도라 아가씨들 솜씨가 좋아요",
    "민수",  # a bare given name without any context
    "김민수",  # a bare full name without any context: left to the record's deny list
    "남편 회사가 바빠서 동생 수술은 다음에 할게요",  # a relation word before an ordinary word
    "I stayed near 강남역 and 신사동 last time.",  # places in English text
    "제 이상형이 연예인인데 저는 이번에 꼭 하고 싶어요",  # a cue word before an ordinary word
    "담당자님, 상담사님, 센터장님, 할머님, 어머님께서 확인 부탁드려요",
])
def test_look_alike_words_and_bare_words_survive(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("동생 재현이 같이 갈 거예요.", "재현"),        # a given name that is also a word, with company
    ("동생 준수랑 같이 받고 싶어요", "준수"),
    ("가족인 한지은이 글 올려요.", "한지은"),        # 한지+은이 also reads as a word and particles
    ("친구 최고은이랑 같이 받으면 할인되나요?", "최고은"),
    ("남동생 이하나 는 학생이에요.", "이하나"),  # 이하+나 too; its particle written apart
])
def test_a_name_after_a_relation_word_with_company_or_its_own_particle(text, name):
    from anonymise.recognizers.person_korean import KoreanNameRecognizer

    found = [text[r.start:r.end] for r in KoreanNameRecognizer().analyze(text, ["PERSON"])]
    assert name in found


@pytest.mark.parametrize("text", ["친구 오늘은 안 와요", "남편 회사가 멀어서요", "엄마 건강이 걱정돼요",
                                  "동생 수술도 같이 하고 싶어요", "친구 소개로 왔어요", "동생 이번에 는 안 와요",
                                  "친구 이하나 나 줘"])
def test_words_after_a_relation_word_stay(text):
    from anonymise.recognizers.person_korean import KoreanNameRecognizer

    assert KoreanNameRecognizer().analyze(text, ["PERSON"]) == []
