"""General knowledge about personal names that the PERSON recognizers and the deny list share.

Everything here is ordinary Korean/English/Chinese/Japanese language knowledge (common surnames,
honorifics, particles, words that merely look like names); nothing is taken from any data set.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
VOCABULARY = Path(__file__).resolve().parent / "vocabulary"
FILES: set[Path] = set()  # the word files read below (anonymise.vocabulary.packed hashes them)


def _lines(file_name: str) -> list[str]:
    """The lines of ``vocabulary/<file_name>`` that are neither blank nor ``#`` comments."""
    FILES.add(VOCABULARY / file_name)
    return [line for line in (VOCABULARY / file_name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _words(file_name: str, marked: str | None = None) -> list[str]:
    """The first column of each line of ``vocabulary/<file_name>``, only lines whose second column
    (space-separated marks) holds ``marked`` when given."""
    rows = (line.split("	") for line in _lines(file_name))
    return [row[0].strip() for row in rows if marked is None or (len(row) > 1 and marked in row[1].split())]


# --- Korean -----------------------------------------------------------------------------------

def _korean_surname_table() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(one-syllable, two-syllable, rare) surnames from vocabulary/surnames_ko.txt, the one list of them."""
    rare = frozenset(_words("surnames_ko.txt", "rare"))
    common = frozenset(_words("surnames_ko.txt")) - rare
    return (frozenset(s for s in common if len(s) == 1), frozenset(s for s in common if len(s) == 2), rare)


# Two-syllable surnames first so the longest surname wins when a name is split. The rare ones count
# only where the position already says a name (a title after it, 성은 …).
KOREAN_SURNAMES, KOREAN_DOUBLE_SURNAMES, KOREAN_RARE_SURNAMES = _korean_surname_table()
KOREAN_ANY_SURNAMES = KOREAN_SURNAMES | KOREAN_DOUBLE_SURNAMES | KOREAN_RARE_SURNAMES

# Korean titles, one file (vocabulary/titles_ko.txt), a mark for each use (see its header).
# Offices and occupations that follow a name (김 선수, 편하루 작가).
KOREAN_PERSON_TITLES = frozenset(_words("titles_ko.txt", "office"))
# Those that are also written glued to a name (X감독의, X선수가).
KOREAN_GLUED_TITLES = frozenset(_words("titles_ko.txt", "glued"))
# Occupations written before a name in apposition too (배우 X가, 가수 X와).
KOREAN_APPOSITION_TITLES = frozenset(_words("titles_ko.txt", "before"))
# Titles that also follow a given name alone that is an ordinary word (하늘 선수, 보람 씨).
KOREAN_GIVEN_NAME_TITLES = frozenset(_words("titles_ko.txt", "given"))
# Occupations and offices that make a full name before them a person, not a bare surname (한가람 건축가).
KOREAN_ROLE_TITLES = frozenset(_words("titles_ko.txt", "role"))
# Ordinary words that are also given names (하늘, 보람, 진주), and those of them whose 씨 is a seed too.
KOREAN_GIVEN_NAME_WORDS = frozenset(_words("given_name_words_ko.txt"))
KOREAN_FRUIT_NAME_WORDS = frozenset(_words("given_name_words_ko.txt", "fruit"))
# Sino-Korean suffixes that make a noun of a noun (섬유+화, 배액+관, 고정+술), and those a given name may
# end in too (정서+진): vocabulary/compound_suffixes_ko.txt.
KOREAN_COMPOUND_SUFFIXES = frozenset(_words("compound_suffixes_ko.txt"))
KOREAN_GIVEN_FINAL_SUFFIXES = frozenset(_words("compound_suffixes_ko.txt", "given"))
# Device brands whose Hangul spelling reads as a person's name (아그네스, 스칼렛): kept only where a device stands.
KOREAN_DEVICES_NAMED_LIKE_PEOPLE = frozenset(_words("devices_named_like_people_ko.txt"))

# Syllables that Korean given names are commonly built from. A three-syllable word is only taken
# for a name on weak evidence (a bare particle) when both given-name syllables come from here,
# which keeps medical words such as 고주파, 하안검, 여드름 out.
KOREAN_GIVEN_SYLLABLES = frozenset(
    "가 각 간 강 건 겸 경 계 고 관 광 교 구 국 군 권 규 균 근 금 기 길 나 남 다 단 담 대 덕 도 돈 동 두 라 란 람 래 량 려 "
    "련 렬 령 례 로 록 룡 루 류 륜 률 름 리 린 림 마 만 매 명 모 목 무 문 미 민 바 박 반 배 백 범 벽 병 보 복 봉 부 분 "
    "비 빈 빛 사 산 상 새 샘 서 석 선 설 섭 성 세 소 솔 송 수 숙 순 술 슬 승 시 식 신 실 심 아 안 애 야 양 언 엽 여 연 "
    "열 염 엽 영 예 오 옥 온 완 왕 요 용 우 욱 운 웅 원 월 위 유 육 윤 율 은 을 음 의 이 익 인 일 임 자 재 전 정 제 조 "
    "종 주 준 중 지 진 찬 창 채 천 철 청 초 총 추 춘 충 치 태 택 파 평 표 필 하 학 한 해 향 허 헌 혁 현 형 혜 호 홍 "
    "화 환 황 회 효 후 훈 휘 흠 희 힘 결 람 별 솜 봄 늘 찬 둘 슬 란 름 새 솔 설 얀 율 하 예 담 린 온 말 끝 갑 쁨 누 물 "
    "겨 롬 롱 든 뜸 꽃 단 샛 갈 옹 쁜 언".split())

# Words that stand for a role, never for a person's name (and that may carry 님/씨 themselves).
KOREAN_ROLE_WORDS = frozenset(
    "원장 대표원장 부원장 원장님 실장 상담실장 실장님 팀장 과장 부장 차장 대리 주임 사원 매니저 코디 코디네이터 상담사 "
    "상담원 간호사 간호조무사 선생 선생님 교수 교수님 의사 전문의 마취과 마취의 담당 담당자 담당의 주치의 고객 고객님 "
    "환자 환자분 회원 회원님 보호자 작성자 신청자 예약자 본인 대표 사장 사모 사모님 기사 작가 손님 여러분 직원 "
    "데스크 통역사 통역 상담팀 관리자 운영자 센터장 병원장 이사 이사장 약사 치료사 실무자 코디님".split())

# Kin, friends and colleagues: a name often follows (친구 김민서가, 엄마(이지영)), but so does a thing
# of theirs (엄마 진료비가), so a name after them must not be one dictionary word.
KOREAN_KIN_WORDS = frozenset(
    "친구 지인 동료 언니 오빠 누나 형 동생 여동생 남동생 엄마 아빠 어머니 아버지 어머님 아버님 남편 아내 와이프 신랑 "
    "남친 여친 남자친구 여자친구 애인 약혼자 딸 아들 이모 고모 삼촌 외삼촌 숙모 할머니 할아버지 사촌 조카 시누이 "
    "시어머니 시어머님 시아버지 시아버님 시부모 시부모님 시동생 시할머니 시할아버지 장모 장인 며느리 사위 동서 선배 후배 룸메 룸메이트 직장동료 동창 회사동료 가족 식구".split())
# Labels and staff titles that announce a name outright (성함: 배수지, 상담사 엄지원, 예금주 류준혁).
KOREAN_NAME_LABELS = frozenset(
    "이름 성함 이름은 성함은 성명 보낸사람 받는사람 예약자명 신청자명 보호자명 작성자명 회원명 수신자 발신자 대표자 "
    "담당자명 예금주 명의 명의자 수취인 입금자 받는분 신청인 환자명 고객명 예약자 신청자 작성자 원장 실장 상담실장 "
    "코디네이터 코디 매니저 간호사 선생님 대표원장 팀장 과장 통역사 상담사 주치의 집도의 담당의".split())
# Self-references and generic roles: they precede the writer's name (저는 김민수입니다) but as often any
# noun (제 이상형이, 환자 정보, 담당 의사).
KOREAN_WEAK_CUES = frozenset("저 제 전 저는 본인 본인은 저희 사람 보호자 환자 고객 회원 담당".split())
KOREAN_RELATION_WORDS = KOREAN_KIN_WORDS | KOREAN_NAME_LABELS | KOREAN_WEAK_CUES

# Honorific or title words that follow a name, glued or after one space (김민수님, 민수 씨, 이지은 실장),
# those that make a bare surname one person too (박원장님, 김씨), and those the deny list looks for
# after a record member's surname (김 원장).
KOREAN_NAME_TITLES = tuple(_words("titles_ko.txt", "name"))
KOREAN_SURNAME_TITLES = tuple(_words("titles_ko.txt", "surname"))
KOREAN_DENY_SURNAME_TITLES = tuple(_words("titles_ko.txt", "deny"))
KOREAN_ONE_SYLLABLE_NAME_TITLES = tuple(_words("titles_ko.txt", "one-syllable"))
KOREAN_STAFF_TITLES = tuple(_words("titles_ko.txt", "staff"))

# Particles and copula endings that glue onto a noun (the name), longest first when matched.
KOREAN_PARTICLES = (
    "이에요", "예요", "이었어요", "였어요", "입니다", "이었습니다", "였습니다", "인데요", "인데", "이고", "이며", "이라고",
    "라고", "이라는", "라는", "이랑", "랑", "이나", "나", "이요", "요", "이가", "이는", "이를", "이의", "이도", "이와",
    "한테서", "한테", "에게서", "에게", "께서는", "께서", "께", "으로부터", "로부터", "으로", "로", "에서", "부터", "보다",
    "와", "과", "하고", "처럼", "만",
    "이", "가", "은", "는", "을", "를", "의", "도")

# Cues that introduce the writer's own name: "저는 김민수입니다", "제 이름은 …", "김민수라고 합니다".
KOREAN_SELF_INTRO_BEFORE = ("저는", "전", "제 이름은", "이름은", "성함은", "제 이름", "저", "작성자", "신청자",
                            "예약자", "환자명", "고객명", "이름", "성함", "성명", "본인")
KOREAN_SELF_INTRO_AFTER = ("입니다", "이에요", "예요", "이라고 합니다", "라고 합니다", "이라고 해요", "라고 해요",
                           "이고요", "인데요")

# Common words that begin with a surname syllable and so look like names; never names on their
# own, and not even with a particle glued on (정말이, 이번에, 오늘은).
KOREAN_LOOKALIKES = frozenset(
    "정말 조금 이번 강남 김치 유치원 한의원 오늘 이상 전부 우선 이미 이제 이후 이전 이유 이마 이중 이런 이거 이것 이쪽 이하 이용 "
    "이동 이외 이날 이틀 이름 이어 이래 이상함 정도 정확 정상 정보 정리 정기 정말로 정면 정밀 정식 조직 조심 조절 조금씩 "
    "조기 조치 조언 조정 조건 김밥 박사 박피 최대 최소 최근 최종 최고 최선 최초 강도 강화 강북 강의 한번 한쪽 한국 한달 "
    "한방 한두 한동안 한참 한편 한계 오전 오후 오른쪽 오래 오랜 오늘도 오히려 전체 전후 전신 전혀 전화 전문 전날 전달 "
    "전반 전에 신경 신청 신사 신체 신규 신기 신뢰 유지 유방 유형 유명 유난 유독 유효 유리 윤곽 윤기 장기 장점 장단점 "
    "장시간 장기간 장소 임신 임시 황금 안면 안쪽 안전 안정 안내 안녕 안녕하세요 홍조 고민 고객 고정 고통 고주파 고려 "
    "문의 문제 문자 양쪽 양악 양해 손상 손목 배꼽 백옥 허리 허벅지 남자 남편 남성 남은 노화 노력 하루 하안검 하지만 "
    "주사 주의 주말 주변 주름 지방 지금 지난 지난번 지속 진행 진료 진짜 진통제 진정 차이 차트 차라리 구축 구입 우리 "
    "우측 원래 원장 원하는 방법 방문 변화 변경 공복 공부 석회 설명 성형 성형외과 소개 소요 수술 시술 시간 심한 심해 "
    "엄마 여기 여드름 여름 여자 여러 여성 연락 연골 예약 예정 위치 위험 은근 인중 인상 인터넷 제일 제가 제거 표정 "
    "피부 함께 현재 기간 기존 기분 기억 나이 나중 도움 도착 명확 민감 반영구 반드시 사진 서울 선택 어디 용량 마취 "
    "마지막 가격 가능 가슴 감사 경우 경과 계속 국소 금액 금지 길이 목 부분 부작용 부위 부기 상담 상태 상처 세안 "
    "송곳니 육아 인하 모양 모두 모든 방금 배우 편하게 편안 표시 호텔 화장 화요일 동안 동시 두번째 범위 봉합 사실 "
    "시작 시기 라인 리프팅 로션 연장 예전 오른 옆 위쪽 이물감 이중턱 염증 염색 유두 육류 은행 천천히 추가 추천 "
    "탁월 태국 하나 하면 하고 한지 함몰 현상 형태 화장품 확인 황달 기능 기준 단계 단순 당일 당장 도수 동일 두께 "
    "맹장 목요일 민원 복용 복부 봉사 부담 부모 부모님 사이 사용 상처 석달 선생 설사 성분 손등 순서 시력 신발 심장 "
    "양쪽 어제 연고 예상 온도 왕복 용도 우울 원인 위장 유착 인원 인공 장액 전화번호 정맥 제모 조직검사 좌우 주로 "
    "지인 진단 차량 채혈 천식 추후 태반 편도 표피 피곤 하루종일 한약 허용 혹시 홍보 화상 효과 간단 감염 견적 "
    "계획 공간 구체 국내 금요일 기다림 길게 남아 노출 단기 도중 동생 마음 명절 목표 반복 방식 배려 변비 복원 "
    "봉투 빈혈 사례 상황 서류 선명 성장 소문 수면 순간 승인 시선 신랑 심리 안심 양측 어깨 엄청 연휴 영상 예민 "
    "오랫동안 옥수수 온몸 우연 원본 유사 음식 인기 임상 장애 전문의 제품 조리 주름살 지원 진하게 채소 초기 추위 "
    "탈모 편의 피지 하체 한쪽만 현금 형성 호전 화이트 황토 강조 고가 공포 구매 국가 기침 나비 남녀 노랑 단발 "
    "당뇨 도전 동네 라면 마스크 명함 모발 문신 박스 반대 방향 배송 백신 변형 보통 부족 비용 사진상 상승 석고 선물 "
    "설탕 성격 소독 손님 송금 수박 시설 신분증 심각 안경 양말 어색 엄지 여권 연세 예쁘게 오차 옥상 온라인 왕 "
    "우유 원룸 위로 유행 육회 은퇴 음주 이슈 인정 임플란트 장갑 전용 정장 제주 조카 주차 지하철 진주 차이점 "
    "천연 추석 탁구 편지 표준 하객 한숨 함량 허락 현실 형광 호수 홍삼 화면 황사 "
    # provinces, metropolitan cities and well-known districts (place names Kiwi tags as proper nouns)
    "서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주 청담 압구정 신사 강남 강북 "
    "강서 강동 서초 송파 마포 용산 종로 성수 홍대 명동 잠실 분당 일산 수원 성남 용인 고양 천안 청주 전주 포항 창원 "
    "김해 안양 부천 의정부 평택 구미 목포 여수 순천 진주 원주 춘천 강릉 속초 경주 안동 남양주 하남 동탄 판교 광교".split())

# --- Latin script (English and romanised Korean) ----------------------------------------------

# Romanisations of Korean surnames as people actually write them (not only Revised Romanization);
# the common ones are shared by millions, so on their own they are weak evidence of who is meant.
ROMANISED_KOREAN_SURNAMES = frozenset(_words("romanised_korean_surnames.txt")) - frozenset(
    _words("romanised_korean_surnames.txt", "only-spelling"))
COMMON_ROMANISED_KOREAN_SURNAMES = frozenset(_words("romanised_korean_surnames.txt", "common"))

# Titles before a name (Ms. Kim, Dr. Park) and greetings/closings that put a name next to them.
LATIN_TITLES = tuple(_words("latin_titles.txt"))
LATIN_TITLE = "(?:" + "|".join(LATIN_TITLES) + ")"  # one of them, for a pattern
LATIN_EPONYM_TITLES = tuple(_words("latin_titles.txt", "before-eponym"))
# Eponymous conditions and scales named alone: kept in the possessive (Hashimoto's) or before a
# grade (Fitzpatrick III) by anonymise/eponyms.py.
EPONYMOUS_CONDITIONS = frozenset(w.casefold() for w in _words("eponymous_conditions.txt"))
# The grade after a listed scale's name in Latin letters (Fitzpatrick III, Fitzpatrick skin type IV, Norwood 4,
# Glogau type II, Fitzpatrick V-VI), or with a Korean grade word glued on (Ludwig 2단계): the anonymiser's
# eponyms.py and the leak gate both read a scale so.
SCALE_GRADE_AFTER = re.compile(
    r"[ \t]+(?:(?:(?i:skin)[ \t]+)?(?i:photo)?(?i:type)[ \t]*|(?i:phototype|grade|stage|class|scale|level)[ \t]+)?"
    r"(?:[IV]{1,3}|VI|[1-7][a-dA-D]?)(?:[ \t]?[-–/~][ \t]?(?:[IV]{1,3}|VI|[1-7]))?"
    r"(?:(?![\w])|(?=[ \t]?(?:단계|형(?!제)|등급)))")
# Vietnamese surnames (vocabulary/surnames_vi.txt), and those no other language writes so even without
# their marks (Nguyen, Tran), which mark a name in any text.
def _plain(word: str) -> str:
    """The word without its Vietnamese marks (Nguyễn -> nguyen)."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
                   if not unicodedata.combining(c))


VIETNAMESE_SURNAMES = frozenset(w.casefold() for w in _words("surnames_vi.txt")) | \
    frozenset(_plain(w) for w in _words("surnames_vi.txt"))
VIETNAMESE_ONLY_SURNAMES = frozenset(_plain(w) for w in _words("surnames_vi.txt", "distinct"))
# Provinces and cities whose names begin with a surname (Hà Nội, Cao Bằng).
VIETNAMESE_PLACES = frozenset(w.casefold() for w in _words("vietnamese_places.txt"))
# Ordinary words from reviewed lists, for languages wordfreq lacks (Mongolian) or whose wordfreq list
# holds given names as often as words (Indonesian): see anonymise/vocabulary/packed.py.
REVIEWED_ORDINARY_WORDS = {lang: frozenset(w.casefold() for w in _words(f"ordinary_{lang}.txt")) for lang in ("mn", "id")}
# Month names after "tháng" (tháng Năm, tháng Mười Hai).
VIETNAMESE_MONTH_WORDS = frozenset(_words("vietnamese_months.txt"))
# Endings of drug names (WHO INN stems) in Latin, Hangul and Cyrillic, without their "-".
# Drug-name endings per script, one reviewed file each (vocabulary/drug_stems_<script>.txt).
DRUG_STEM_SCRIPTS = ("latin", "ko", "ru", "ja", "th")
DRUG_STEMS = {script: tuple(w[1:].casefold() for w in _words(f"drug_stems_{script}.txt") if w.startswith("-") and len(w) > 1)
              for script in DRUG_STEM_SCRIPTS}
LATIN_GREETINGS = ("Hi", "Hello", "Dear", "Hey", "Thanks", "Thank you", "Attn", "Attention")
LATIN_SELF_INTRO = ("I'm", "I am", "Im", "My name is", "my name is", "This is", "this is", "name is", "Name:",
                    "name:", "Name :", "NAME:", "It's", "it's", "call me", "Call me", "Patient:", "Guardian:",
                    "Contact person:", "Full name:", "From:", "My name's", "my name's", "I go by", "Signed,",
                    "signed,")
LATIN_RELATIONS = (
    "friend", "husband", "wife", "mom", "mum", "mother", "dad", "father", "sister", "brother", "daughter", "son",
    "cousin", "aunt", "uncle", "niece", "nephew", "boyfriend", "girlfriend", "partner", "fiance", "fiancé", "fiancée",
    "colleague", "coworker", "co-worker", "roommate", "grandmother", "grandma", "grandfather", "grandpa", "guardian",
    "coordinator", "consultant", "manager", "interpreter", "nurse", "surgeon", "director", "assistant", "counselor",
    "counsellor", "representative", "staff", "patient", "client", "doctor", "specialist", "therapist", "agent",
    "planner", "translator", "guide", "kid", "child", "baby", "bestie", "bff", "buddy", "mate", "neighbor",
    "neighbour", "boss", "sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "stepmother",
    "stepfather", "stepmom", "stepdad", "twin", "teammate", "classmate")
LATIN_SIGN_OFFS = ("Best regards", "Kind regards", "Regards", "Best wishes", "Sincerely", "Thanks", "Thank you",
                   "Many thanks", "Cheers", "Best", "Warm regards", "Warmly", "Yours", "Yours sincerely",
                   "Respectfully", "Love", "Thx")

# Capitalised words that follow a name cue in English without being a name.
LATIN_NOT_NAMES = frozenset(
    "i i'm im a an the this that there here all everyone everybody team sir madam doctor doctors dr mr ms mrs miss "
    "clinic hospital korea korean koreans seoul gangnam busan japan japanese china chinese american america usa us uk "
    "english canada canadian australia australian vietnam vietnamese thai thailand singapore taiwan hong kong "
    "interested planning looking writing wondering asking curious considering currently still also just not so very "
    "really sorry happy glad thankful grateful ready available free busy fine okay ok good well new back here now "
    "today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december please kakao kakaotalk whatsapp line wechat instagram "
    "facebook telegram email e-mail phone mobile tel call text message dm yes no hello hi dear thanks thank regards "
    "best kind sincerely cheers what when where why how which who is are am was were do does did can could would "
    "should will shall my your our his her their its me you we they he she it botox filler lasik rhinoplasty "
    "blepharoplasty liposuction surgery consultation question questions inquiry price cost booking reservation "
    "appointment after before about regarding re fw fwd subject note ps p.s international coordinator manager "
    "customer patient patients staff department center centre office desk service services care support "
    "female male woman man women men girl boy lady gentleman mom dad mother father friend husband wife daughter son "
    "sister brother single married age aged years old year month months week weeks day days my ex "
    # cosmetic-surgery vocabulary that turns up capitalised in titles ("Question - Double Eyelid")
    "double eyelid eyelids eye eyes nose job tip bridge fat grafting graft breast breasts lift lifting face facial "
    "contour contouring jaw chin cheekbone cheek skin laser hair transplant revision surgery surgical implant implants "
    "augmentation reduction thread threads filler fillers injection injections neck body liposuction lipo tummy tuck "
    "abdomen abdominal thigh arm arms forehead lip lips dark circles acne scar scars pigmentation melasma whitening "
    "toning peel peeling ulthera thermage shurink inmode juvederm restylane dysport xeomin rejuran profhilo "
    "sculptra radiesse hyaluronic acid local general anesthesia anaesthesia sedation recovery swelling bruising "
    "downtime aftercare follow-up followup checkup check-up before-and-after results result photos photo pictures "
    "quote estimate pricing package discount deposit refund schedule visit trip stay hotel airport flight "
    "ptosis epicanthoplasty canthoplasty mentoplasty genioplasty mammoplasty septoplasty otoplasty fat-grafting "
    "v-line squared square small big large natural dramatic asian western urgent help request inquiry enquiry "
    "re: info information details korean-american ultherapy mommy makeover mini lift brazilian butt bbl".split())

# --- Chinese and Japanese ---------------------------------------------------------------------

CHINESE_SURNAMES = frozenset(
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 "
    "蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 "
    "雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 "
    "庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 "
    "盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 "
    "芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 "
    "荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 "
    "谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 "
    "計 張 劉 關 賴 溫 龍 萬 顏 齊 喬 龐 湯 項 簡 車 連 麥 竇 閻 閔 衛 駱 藍 韋 賀 鮑 傅 歐 鄔 鄺 紀 陳 楊 黃 趙 吳 孫 馬 郭 羅 鄭 謝 許 韓 馮 鄧 蕭 董 蔣 蘇 魏 呂 沈 盧 鍾 譚 陸 汪 賈 葉 鄒 邱 顧 龔 錢 嚴 戴 莊 聶 "
    "歐陽 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 司徒 令狐 欧阳".split()) | frozenset(_words("surnames_zh_traditional.txt"))
CHINESE_NAME_CUES_BEFORE = ("我叫", "我是", "叫", "名叫", "姓名是", "我的名字是", "名字是", "名字叫", "姓名", "姓名：", "朋友", "我朋友", "介绍人",
                            "咨询师", "医生", "院长", "主刀", "主治医生", "主治医师", "医师", "醫生", "醫師", "助理", "护士",
                            "護士", "顾问", "顧問", "客服", "翻译", "翻譯", "患者", "客户", "联系人", "本人", "老公", "老婆", "丈夫", "妻子",
                            "妈妈", "母亲", "爸爸", "父亲", "姐姐", "妹妹", "哥哥", "弟弟", "女儿", "儿子", "同事", "负责人",
                            "担当", "担当の", "友人の", "友達の", "主人の", "夫の", "妻の", "母の", "父の", "姉の", "妹の",
                            "私は", "わたしは", "名前は", "氏名", "院長", "医師", "患者", "カウンセラー", "担当者")
# Titles, honorifics and phrases after a Chinese or Japanese name, one file (vocabulary/titles_zh_ja.txt),
# a mark for each use (see its header).
# Characters of procedures and conditions that no given name uses (全切, 冷敷: no surname + given name).
CHINESE_PROCEDURE_CHARACTERS = frozenset("".join(_lines("procedure_characters_zh.txt")).replace(" ", ""))
CHINESE_NAME_CUES_AFTER = tuple(_words("titles_zh_ja.txt", "after"))
CJK_PERSON_TITLES = tuple(_words("titles_zh_ja.txt", "title"))
CJK_HONORIFICS = tuple(_words("titles_zh_ja.txt", "honorific"))
CHINESE_SURNAME_TITLES = tuple(_words("titles_zh_ja.txt", "surname"))
CHINESE_TITLES = tuple(_words("titles_zh_ja.txt", "zh"))
JAPANESE_HONORIFICS = tuple(_words("titles_zh_ja.txt", "ja"))
# The frames that introduce or address a person, one file a language (read by anonymise.person_frames).
PERSON_FRAME_LANGUAGES = ("ja", "zh", "th", "en", "vi")
PERSON_FRAME_LINES = {lang: tuple(_lines(f"frames_{lang}.txt")) for lang in PERSON_FRAME_LANGUAGES}


def _frame_lists(lines: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The named word lists of a frame file (``name word word ...``: a mark's words, a cue list)."""
    return {name: tuple(words) for name, *words in (line.split() for line in lines
                                                    if "{X}" not in line and not line.startswith("= "))}


# The cue and word lists of each language's frames, by name (greeting, cue, kin-cue, name-end ...).
PERSON_FRAME_LISTS = {lang: _frame_lists(lines) for lang, lines in PERSON_FRAME_LINES.items()}
ROMANISED_CHINESE_SURNAMES = frozenset(PERSON_FRAME_LISTS["zh"]["romanised-surname"])
JAPANESE_NAME_TITLES = tuple(_words("titles_zh_ja.txt", "ja-name"))
# Words in Han script that follow those cues without being names.
CJK_NOT_NAMES = frozenset(
    "医生 医院 院长 先生 女士 小姐 朋友 患者 客户 您好 你好 咨询 手术 我们 这里 那里 自己 中国 韩国 日本 首尔 江南 "
    "医師 病院 患者 友人 友達 先生 日本人 中国人 韓国 韓国人 ソウル 江南 手術 費用 相談 私 皆様 皆さん 担当 院長 "
    "一个 一位 学生 公司 上班族 女生 男生 妈妈 爸爸 老师".split())

# Common Japanese surnames (kanji), for names that stand without an honorific (私は山田花子です).
JAPANESE_SURNAMES = frozenset(
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 "
    "森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 "
    "藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 内田 柴田 酒井 宮崎 横山 "
    "高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 "
    "松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 菊地 杉本 市川 古川 大西 島田 水野 桜井 高野 渡部 吉川 山内 西田 "
    "飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 関 中田 久保田 服部 東 岩田 土屋 川崎 福島 本田 辻 樋口 秋山 "
    "田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 浜田 森本 星野 矢野 浅野 大久保 松下 吉岡 小池 野田 荒木 大谷 "
    "内藤 松浦 熊谷 黒田 尾崎 永田 川村 望月 田辺 松村 荒井 堀 大石 中尾 岡 白石 桑原 片山 小西 北川 上原 早川".split())

# Korean surnames in their Hanja as Koreans write them in Japanese or Chinese text (裵さん, 權美淑様) that
# the Chinese list lacks (金, 朴, 李, 崔 ... are there); not those that are also common words (都, 千, 表).
KOREAN_HANJA_SURNAMES = frozenset("曺 權 裵 愼 邊 咸 魯 洪 琴 玄 南宮 獨孤 西門 諸葛 鮮于".split())
# Surnames of one character that stand alone before a title or honorific (刘医生, 朴さん, 森様).
ONE_CHARACTER_SURNAMES = frozenset(s for s in CHINESE_SURNAMES | KOREAN_HANJA_SURNAMES | JAPANESE_SURNAMES
                                   if len(s) == 1)

# --- Romanisation of Hangul names --------------------------------------------------------------
# Each jamo with the spellings people use for it (Revised Romanization first, then McCune-Reischauer
# and informal ones), so "민수" is found as Min-su, Minsoo, Min Su.
INITIAL_SPELLINGS = ("g|k", "kk|gg|k", "n", "d|t", "tt|dd", "r|l", "m", "b|p", "pp|bb", "s|sh", "ss|s", "",
                     "j|ch", "jj|tch", "ch", "k", "t", "p", "h")
VOWEL_SPELLINGS = ("a", "ae|e|ai", "ya", "yae|ye", "eo|u|o", "e", "yeo|yu|yo", "ye", "o|oh", "wa", "wae|we",
                   "oe|we", "yo", "u|oo|woo", "wo|weo", "we", "wi|wee", "yu|yoo|you", "eu|u", "ui|eui|ee", "i|ee|yi")
FINAL_SPELLINGS = ("", "k|g", "k", "k", "n", "n", "n", "t|d", "l|r", "k", "m", "l", "l", "l", "p", "l", "m",
                   "p|b", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")



def _surname_spellings() -> dict[str, str]:
    """Hangul surname -> regex alternation of its customary spellings, from romanised_korean_surnames.txt."""
    spellings: dict[str, list[str]] = {}
    for spelling, marks, surnames in (line.split("\t") for line in _lines("romanised_korean_surnames.txt")):
        if "only-word" not in marks.split():
            for surname in surnames.split():
                spellings.setdefault(surname, []).append(spelling.strip())
    return {surname: "|".join(spelled) for surname, spelled in spellings.items()}


# Surnames are spelled by custom rather than by rule (이 -> Lee/Yi/Rhee, 박 -> Park).
SURNAME_SPELLINGS = _surname_spellings()


def syllable_spellings(syllable: str) -> str:
    """A regex alternation for one Hangul syllable's Latin spellings."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return re.escape(syllable)
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    return "(?:%s)(?:%s)(?:%s)" % (INITIAL_SPELLINGS[initial], VOWEL_SPELLINGS[vowel], FINAL_SPELLINGS[final])


def romanised_pattern(hangul: str) -> str:
    """Regex for a Hangul given name in Latin letters, syllables joined by nothing, a hyphen or a space."""
    return r"[-\s]?".join(syllable_spellings(s) for s in hangul)


def surname_pattern(surname: str) -> str:
    return SURNAME_SPELLINGS.get(surname) or romanised_pattern(surname)
