"""Generate the `sibling` evaluation set: consultations from templates and name pools of its own.

    python benchmarks/eval_sets/make_sibling.py [--seed 2026] [--n 300] [--out benchmarks/eval_sets/sibling]

Standard library only, deterministic for a seed. Every person is drawn from invented pools; every
identifier is synthetic but valid where a checksum exists (RRN check digit, Luhn, IBAN mod 97).
The record's structured values (name, phone, e-mail, login ID, address, birth date) are echoed in
its text in other shapes: phone with or without separators or country code, name with honorifics,
given name alone, romanised name in English text, pinyin/romaji in Chinese/Japanese text.
The texts carry the same inline annotations as the hand-written sources and go through the same
builder checks (build.field_annotations), so gold values are exact by construction.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build as B  # noqa: E402

# --------------------------------------------------------------------------- pools (invented)
KO_SURNAMES = [("탁", "Tak"), ("봉", "Bong"), ("여", "Yeo"), ("추", "Choo"), ("국", "Kook"), ("편", "Pyeon"),
               ("석", "Seok"), ("설", "Seol"), ("길", "Gil"), ("연", "Yeon"), ("피", "Pi"), ("위", "Wi"),
               ("표", "Pyo"), ("육", "Yuk"), ("인", "In"), ("경", "Kyung"), ("용", "Yong"), ("반", "Ban"),
               ("맹", "Maeng"), ("복", "Bok"), ("빈", "Bin"), ("천", "Cheon"), ("함", "Ham"), ("엄", "Eom"),
               ("옥", "Ok"), ("온", "On"), ("음", "Eum"), ("채", "Chae"), ("명", "Myung"), ("범", "Beom"),
               ("제갈", "Jegal"), ("남궁", "Namgung"), ("황보", "Hwangbo"), ("선우", "Sunwoo"), ("독고", "Dokgo"),
               ("왕", "Wang"), ("방", "Bang"), ("우", "Woo"), ("진", "Jin"), ("지", "Ji"), ("도", "Do"), ("마", "Ma")]
KO_GIVEN = [("서담", "Seo-dam"), ("하결", "Ha-gyeol"), ("지온", "Ji-on"), ("도하", "Do-ha"), ("은채", "Eun-chae"),
            ("태린", "Tae-rin"), ("시온", "Si-on"), ("가윤", "Ga-yun"), ("재겸", "Jae-gyeom"), ("나은", "Na-eun"),
            ("유찬", "Yu-chan"), ("다율", "Da-yul"), ("하엘", "Ha-el"), ("서후", "Seo-hu"), ("예담", "Ye-dam"),
            ("민결", "Min-gyeol"), ("소율", "So-yul"), ("건희", "Geon-hui"), ("아라", "A-ra"), ("준오", "Jun-o"),
            ("세아", "Se-a"), ("로운", "Ro-un"), ("이든", "I-deun"), ("채원", "Chae-won"), ("해온", "Hae-on"),
            ("윤슬", "Yun-seul"), ("태오", "Tae-o"), ("하린", "Ha-rin"), ("정후", "Jeong-hu"), ("보늬", "Bo-nui")]
ZH_NAMES = [("祁梦瑶", "Qi Mengyao"), ("薛子墨", "Xue Zimo"), ("甘若曦", "Gan Ruoxi"), ("卜文博", "Bu Wenbo"),
            ("冼嘉怡", "Xian Jiayi"), ("阮志远", "Ruan Zhiyuan"), ("苗雨桐", "Miao Yutong"), ("籍浩宇", "Ji Haoyu"),
            ("钭思琪", "Tou Siqi"), ("闵晨阳", "Min Chenyang"), ("巫诗雅", "Wu Shiya"), ("褚一鸣", "Chu Yiming")]
JA_NAMES = [("榊原 美月", "さかきばら みつき", "Mitsuki Sakakibara"), ("宇佐美 蓮", "うさみ れん", "Ren Usami"),
            ("千葉 琴音", "ちば ことね", "Kotone Chiba"), ("城戸 湊", "きど みなと", "Minato Kido"),
            ("鳴海 紗季", "なるみ さき", "Saki Narumi"), ("柏木 悠真", "かしわぎ ゆうま", "Yuma Kashiwagi"),
            ("新垣 陽菜", "あらかき ひな", "Hina Arakaki"), ("蓮見 颯", "はすみ はやて", "Hayate Hasumi"),
            ("久遠 七海", "くおん ななみ", "Nanami Kuon"), ("真壁 凪", "まかべ なぎ", "Nagi Makabe")]
EN_FIRST = ["Harlow", "Ezra", "Marisol", "Tobias", "Ifeoma", "Rasmus", "Delphine", "Kofi", "Anouk", "Callum",
            "Yara", "Mateus", "Saoirse", "Dashiell", "Nilufar", "Bastian", "Odalys", "Lorcan", "Zuri", "Emeric"]
EN_LAST = ["Thistlewood", "Okorafor", "Vantongeren", "Castellanos", "Brightwater", "Nakashima-Reyes", "Kowalczuk",
           "Abernethy", "Oyelowo", "Drummond", "Szabo", "Fairweather", "Mbeki-Hart", "Lindgren", "Quaresma"]
DOCTORS = [("좌윤택", "Jwa Yun-taek"), ("승하원", "Seung Ha-won"), ("묵지현", "Muk Ji-hyeon"), ("당서진", "Dang Seo-jin"),
           ("견도환", "Gyeon Do-hwan"), ("시나연", "Si Na-yeon")]
STAFF = ["미소", "하나", "지니", "로아", "다해"]
REGIONS = [("서울 강남구", "강남대로", "역삼"), ("서울 마포구", "양화로", "합정"), ("경기 고양시", "중앙로", "일산"),
           ("부산 수영구", "광안해변로", "광안"), ("대구 중구", "국채보상로", "반월당"), ("인천 남동구", "인하로", "구월"),
           ("경기 수원시", "인계로", "인계"), ("대전 서구", "둔산로", "둔산"), ("광주 서구", "상무대로", "상무"),
           ("경기 성남시", "판교역로", "판교"), ("울산 남구", "삼산로", "삼산"), ("제주 제주시", "노형로", "노형")]
APTS = ["하늘채", "푸르지오", "자이", "힐스테이트", "래미안", "더샵", "e편한세상", "센트럴파크"]
KO_BANKS = [("국민", "{6}-{2}-{6}"), ("신한", "110-{3}-{6}"), ("우리", "1002-{3}-{6}"), ("하나", "{3}-{6}-{5}"),
            ("농협", "352-{4}-{4}-{2}"), ("카카오뱅크", "3333-{2}-{7}")]
EMAIL_DOMAINS = ["naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net", "outlook.com", "icloud.com"]
WORKPLACES_KO = ["한빛물산", "미래로직스", "새솔제약", "동해중공업", "누리텔레콤", "가온은행"]
SCHOOLS_KO = ["한결대학교", "새빛여자고등학교", "누리대 간호학과", "가람중학교"]
WORKPLACES_EN = ["Brightline Logistics", "Harbor & Finch LLP", "Norvale Bank", "Quillon Games", "Meridian Health"]

# area -> per language (procedure, device or method, dose, price), and a Korean body part
AREAS = {
    "eyes": {"ko": ("쌍꺼풀 수술", "매몰법", "양쪽", "120만원"), "en": ("double eyelid surgery", "suture method", "both eyes", "KRW 1,200,000"),
             "zh": ("双眼皮手术", "埋线法", "双眼", "120万韩元"), "ja": ("二重整形", "埋没法", "両目", "12万円"), "bp": "눈꺼풀"},
    "nose": {"ko": ("코 성형", "실리콘 보형물", "3mm", "350만원"), "en": ("rhinoplasty", "silicone implant", "3 mm", "KRW 3,500,000"),
             "zh": ("隆鼻", "硅胶假体", "3毫米", "350万韩元"), "ja": ("鼻整形", "シリコンプロテーゼ", "3mm", "35万円"), "bp": "콧대"},
    "face_contour": {"ko": ("사각턱 수술", "보톡스", "50유닛", "900만원"), "en": ("jaw reduction", "Botox", "50 units", "KRW 9,000,000"),
                     "zh": ("下颌角手术", "肉毒素", "50单位", "900万韩元"), "ja": ("エラ削り", "ボトックス", "50単位", "90万円"), "bp": "턱"},
    "breast": {"ko": ("가슴 성형", "코히시브 젤", "300cc", "850만원"), "en": ("breast augmentation", "cohesive gel implant", "300 cc", "KRW 8,500,000"),
               "zh": ("隆胸", "硅凝胶假体", "300cc", "850万韩元"), "ja": ("豊胸", "シリコンバッグ", "300cc", "85万円"), "bp": "가슴"},
    "body": {"ko": ("지방흡입", "압박복", "3000cc", "400만원"), "en": ("liposuction", "compression garment", "3,000 cc", "KRW 4,000,000"),
             "zh": ("吸脂", "塑身衣", "3000毫升", "400万韩元"), "ja": ("脂肪吸引", "圧迫着", "3000cc", "40万円"), "bp": "복부"},
    "lifting": {"ko": ("실리프팅", "울쎄라", "300샷", "150만원"), "en": ("thread lift", "Ultherapy", "300 shots", "KRW 1,500,000"),
                "zh": ("埋线提升", "超声刀", "300发", "150万韩元"), "ja": ("糸リフト", "ウルセラ", "300ショット", "15万円"), "bp": "턱선"},
    "skin": {"ko": ("레이저 토닝", "피코레이저", "10회", "90만원"), "en": ("laser toning", "pico laser", "10 sessions", "KRW 900,000"),
             "zh": ("激光嫩肤", "皮秒激光", "10次", "90万韩元"), "ja": ("レーザートーニング", "ピコレーザー", "10回", "9万円"), "bp": "광대"},
    "hair": {"ko": ("모발이식", "미녹시딜", "2000모", "500만원"), "en": ("hair transplant", "minoxidil", "2,000 grafts", "KRW 5,000,000"),
             "zh": ("植发", "米诺地尔", "2000单位", "500万韩元"), "ja": ("植毛", "ミノキシジル", "2000株", "50万円"), "bp": "정수리"},
}
DURATIONS = {"ko": ["일주일", "2주", "3개월", "5일"], "en": ["one week", "2 weeks", "3 months", "5 days"],
             "zh": ["一周", "两周", "三个月", "五天"], "ja": ["1週間", "2週間", "3ヶ月", "5日"]}


def josa(word: str, with_batchim: str, without: str) -> str:
    """The Korean particle that fits the last syllable of word (은/는, 이라고/라고, ...)."""
    last = word[-1]
    final = (ord(last) - 0xAC00) % 28 if "\uac00" <= last <= "\ud7a3" else 0
    if with_batchim == "으로" and final == 8:  # ㄹ takes 로
        return without
    return with_batchim if final else without


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.used = set()

    def pick(self, seq):
        return self.r.choice(seq)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def unique(self, make):
        for _ in range(1000):
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v
        raise RuntimeError("pool exhausted")

    # ---- identifiers
    def kr_mobile(self) -> str:
        # 010-59[7-9]x is not an assigned range; avoiding 010-5 keeps every number valid
        return self.unique(lambda: f"010{self.pick('2346789')}{self.digits(7)}")

    def birth(self, lo=1962, hi=2004) -> tuple[int, int, int]:
        return self.r.randint(lo, hi), self.r.randint(1, 12), self.r.randint(1, 28)

    def rrn(self, y, m, d, sex) -> str:
        g = ("1" if sex == "M" else "2") if y < 2000 else ("3" if sex == "M" else "4")
        body = f"{y % 100:02d}{m:02d}{d:02d}{g}{self.r.randint(0, 95):02d}{self.digits(3)}"
        s = sum(w * int(c) for w, c in zip((2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), body))
        return f"{body[:6]}-{body[6:]}{(11 - s % 11) % 10}"

    def card(self) -> str:
        prefix, length = self.pick([("4", 16), ("51", 16), ("2221", 16), ("37", 15), ("3528", 16), ("6011", 16),
                                    ("62", 19), ("4", 13), ("36", 14)])
        body = prefix + self.digits(length - len(prefix) - 1)
        total = 0
        for i, ch in enumerate(reversed(body)):
            n = int(ch)
            if i % 2 == 0:
                n = n * 2 - 9 if n > 4 else n * 2
            total += n
        num = body + str((10 - total % 10) % 10)
        groups = {15: (4, 6, 5), 14: (4, 6, 4), 13: (4, 4, 5), 19: (4, 4, 4, 4, 3)}.get(len(num), (4, 4, 4, 4))
        parts, i = [], 0
        for n in groups:
            parts.append(num[i:i + n])
            i += n
        return self.pick([" ", "-", ""]).join(parts)

    def iban(self) -> str:
        cc, bban = self.pick([("DE", lambda: self.digits(18)), ("GB", lambda: "NWBK" + self.digits(14)),
                              ("FR", lambda: self.digits(23)), ("NL", lambda: "RABO" + self.digits(10))])
        b = bban()
        n = int("".join(str(int(c, 36)) for c in b + cc + "00"))
        v = f"{cc}{98 - n % 97:02d}{b}"
        return " ".join(v[i:i + 4] for i in range(0, len(v), 4))

    def account(self) -> tuple[str, str]:
        bank, pat = self.pick(KO_BANKS)
        out, i = "", 0
        while i < len(pat):
            if pat[i] == "{":
                j = pat.index("}", i)
                out += self.digits(int(pat[i + 1:j]))
                i = j + 1
            else:
                out += pat[i]
                i += 1
        return bank, out

    def ip(self) -> str:
        return f"{self.pick([211, 175, 118, 223, 39, 121])}.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}.{self.r.randint(1, 254)}"

    def time(self, year=2024) -> tuple[str, str]:
        m, d, h = self.r.randint(1, 12), self.r.randint(1, 27), self.r.randint(8, 22)
        return f"{year}-{m:02d}-{d:02d} {h:02d}:{self.r.randint(0, 59):02d}", f"{year}-{m:02d}-{d + 1:02d} 10:{self.r.randint(10, 59):02d}"


def phone_shapes(digits: str) -> list[str]:
    a, b, c = digits[:3], digits[3:7], digits[7:]
    return [f"{a}-{b}-{c}", digits, f"{a} {b} {c}", f"{a}.{b}.{c}", f"+82 {a[1:]}-{b}-{c}", f"+82{digits[1:]}",
            f"({a}) {b}-{c}"]


# --------------------------------------------------------------------------- templates
def ko_question(g: Gen, p: dict) -> tuple[str, str]:
    proc, dev, dose, _ = AREAS[p["area"]]["ko"]
    bp = AREAS[p["area"]]["bp"]
    name, given, sur = p["name"], p["given"], p["sur"]
    ph, src = p["phone_text"], p["src"]
    pieces = [g.pick([f"안녕하세요 ⟦{name}|P⟧입니다", f"⟦{given}|P⟧{josa(given, '이에요', '예요')}~",
                      f"저는 ⟦{name}|P⟧{josa(name, '이라고', '라고')} 합니다", f"⟦{sur}|P⟧{josa(sur, '이', '가')}에요 ㅎㅎ 성만 말해도 아시죠",
                      f"문의드려요 (⟦{name}|P⟧)", f"⟦{name}|P⟧ 고객입니다"])]
    pieces.append(g.pick([f"⟪{proc}|pr⟫ 상담 받고 싶어요", f"⟪{bp}|bp⟫ 때문에 ⟪{proc}|pr⟫ 알아보고 있어요",
                          f"⟪{dev}|dv⟫{josa(dev, '으로', '로')} ⟪{proc}|pr⟫ 가능한지 궁금합니다"]))
    extras = p["extras"]
    if "dob" in extras:
        y, m, d = p["birth"]
        pieces.append(g.pick([f"생년월일은 ⟦{y}.{m:02d}.{d:02d}|DOB|p|{src}⟧ 이에요",
                              f"⟦{y % 100:02d}년 {m}월 {d}일|DOB|p|{src}⟧생이에요", f"⟦{y}년생|DOB|p|{src}⟧입니다"]))
    if "rrn" in extras:
        pieces.append(f"보험 청구용 주민번호 ⟦{p['rrn']}|RRN⟧ 적어요")
    if "qi" in extras:
        pieces.append(g.pick([f"⦃{p['age']}살|A⦄이고 ⦃{p['dong']}|PL⦄ 살아요", f"⦃{p['visit']}|D⦄에 시간 돼요",
                              f"직업이 ⦃{p['job_ko']}|O⦄라 ⦃{p['dong']}역|PL⦄ 근처가 편해요"]))
    if "address" in extras:
        pieces.append(f"주소는 ⟦{p['address_text']}|AD|p|{p['address_src']}|{p['address_frag']}⟧ 입니다")
    if "friend" in extras:
        fsur, fgiv = p["friend"]
        pieces.append(g.pick([f"친구 ⟦{fsur}{fgiv}|P|o⟧도 같이 가요", f"⟦{fgiv}|P|o⟧ 소개로 연락드려요",
                              f"엄마(⟦{fsur}{fgiv}|P|o⟧)랑 같이 상담 원해요", f"언니 ⟦{fgiv}|P|o⟧{josa(fgiv, '이', '')}도 같이 해요"]))
    if "work" in extras:
        w = p["work"]
        pieces.append(g.pick([f"⟦{w}|WP⟧ 다녀서 주말만 돼요", f"회사가 ⟦{w}|WP⟧{josa(w, '이라서', '라서')} 평일 저녁 원해요"]))
    if "school" in extras:
        pieces.append(f"⟦{p['school']}|SC⟧ 학생인데 학생 할인 되나요")
    if "kakao" in extras:
        pieces.append(g.pick([f"카톡 아이디 ⟦{p['handle']}|MSG⟧", f"인스타 ⟦@{p['handle']}|SOC⟧ 로 DM 주세요",
                              f"카카오톡ID: ⟦{p['handle']}|MSG⟧"]))
    if "account" in extras:
        bank, acc = p["account"]
        pieces.append(f"환불은 {bank} ⟦{acc}|BA⟧ 로 부탁드려요")
    if "card" in extras:
        pieces.append(f"예약금은 카드 ⟦{p['card']}|CC⟧ 로 결제해주세요")
    if "login" in extras:
        pieces.append(f"아이디 ⟦{p['member_id']}|MID⟧ 로 가입했어요")
    if "email" in extras and p["email"]:
        pieces.append(f"메일은 ⟦{p['email_text']}|EM⟧")
    pieces.append(g.pick([f"연락은 ⟦{ph}|PH⟧ 로 주세요", f"번호 ⟦{ph}|PH⟧ 입니다", f"⟦{ph}|PH⟧ 문자 부탁드려요"]))
    pieces.append(g.pick([f"회복 기간은 ⟪{DURATIONS['ko'][1]}|du⟫ 정도면 될까요?", "가격도 알려주세요 ㅠㅠ",
                          f"⟪{dose}|do⟫ 기준 비용이 궁금해요"]))
    sep = g.pick([" ", "\n", ". ", "  "])
    title = g.pick([f"⟪{proc}|pr⟫ 문의", f"⟦{given}|P⟧님 상담 신청", f"⟪{proc}|pr⟫ 가격이요", "상담 요청드립니다"])
    return title, sep.join(pieces)


def ko_answer(g: Gen, p: dict) -> str:
    proc, dev, dose, price = AREAS[p["area"]]["ko"]
    doc, _ = p["doctor"]
    addr = g.pick([f"⟦{p['name']}|P⟧ 고객님", f"⟦{p['given']}|P⟧님", f"⟦{p['name']}|P⟧님"])
    body = g.pick([f"⟪{proc}|pr⟫{josa(proc, '은', '는')} ⟪{dose}|do⟫ 기준 ⟪{price}|pc⟫이며 회복은 ⟪{DURATIONS['ko'][0]}|du⟫ 정도입니다.",
                   f"⟪{dev}|dv⟫ 사용 시 비용은 ⟪{price}|pc⟫이고 ⟪{DURATIONS['ko'][3]}|du⟫ 후 실밥을 제거합니다."])
    sign = g.pick([f"⟦{doc}|P|d⟧ 원장님 진료로 예약 도와드리겠습니다.", f"상담은 ⟦{doc}|P|d⟧ 원장이 직접 진행합니다.",
                   f"상담실장 ⟦{g.pick(STAFF)}|P|s⟧ 드림 (대표번호 1670-3040)"])
    echo = g.pick(["", f" 남겨주신 ⟦{p['phone_text2']}|PH⟧{josa(p['phone_text2'], '으로', '로')} 연락드릴게요."])
    return f"{addr}, 안녕하세요. {body} {sign}{echo}"


def en_texts(g: Gen, p: dict) -> tuple[str, str, str]:
    proc, dev, dose, price = AREAS[p["area"]]["en"]
    full, first, last = p["roman_full"], p["roman_given"], p["roman_sur"]
    v, src = ("v" if p["sur"] else ""), p["src"]  # a romanised Korean name is a variant of the structured one
    q = [g.pick([f"Hi, this is ⟦{full}|P|p|{v}⟧.", f"Hello! My name is ⟦{full}|P|p|{v}⟧ ({p['native_mark']}).",
                 f"hey it's ⟦{first}|P|p|{v}⟧ 🙂", f"⟦{full.upper()}|P|p|v⟧ here (as on my passport)."])]
    q.append(g.pick([f"I'm interested in ⟪{proc}|pr⟫.", f"Could I get a quote for ⟪{proc}|pr⟫ (⟪{dose}|do⟫)?",
                     f"Is ⟪{dev}|dv⟫ used for ⟪{proc}|pr⟫?"]))
    extras = p["extras"]
    if "dob" in extras:
        y, m, d = p["birth"]
        month = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"][m - 1]
        q.append(g.pick([f"DOB ⟦{m:02d}/{d:02d}/{y}|DOB|p|{src}⟧.", f"I was born on ⟦{month} {d}, {y}|DOB|p|{src}⟧.",
                         f"Date of birth: ⟦{d} {month[:3]} {y}|DOB|p|{src}⟧."]))
    if "work" in extras:
        q.append(f"I work at ⟦{p['work_en']}|WP⟧, so weekends are best.")
    if "qi" in extras:
        q.append(g.pick([f"I'm ⦃{p['age']}|A⦄ and staying near ⦃{p['dong']} station|PL⦄.", f"I'm a ⦃{p['job_en']}|O⦄."]))
    if "iban" in extras:
        q.append(f"For a refund use IBAN ⟦{p['iban']}|IBAN⟧.")
    if "card" in extras:
        q.append(f"Deposit card: ⟦{p['card']}|CC⟧.")
    if "friend" in extras:
        q.append(f"My friend ⟦{p['friend_en']}|P|o⟧ may join.")
    if "kakao" in extras:
        q.append(g.pick([f"Instagram ⟦instagram.com/{p['handle']}|URL⟧", f"WhatsApp or Kakao: ⟦{p['handle']}|MSG⟧"]))
    if "email" in extras and p["email"]:
        q.append(f"Email ⟦{p['email_text']}|EM⟧.")
    q.append(g.pick([f"Phone: ⟦{p['phone_text']}|PH⟧", f"Call me at ⟦{p['phone_text']}|PH⟧, thanks!"]))
    title = g.pick([f"⟪{proc}|pr⟫ enquiry", "Consultation request", f"Quote for ⟪{proc}|pr⟫"])
    _, doc_en = p["doctor"]
    salutation = g.pick(["Mr. ", "Ms. ", ""])
    a = (f"Dear {salutation}⟦{last}|P|p|{v}⟧, ⟪{proc}|pr⟫ ({dose}) is ⟪{price}|pc⟫ and recovery "
         f"takes about ⟪{DURATIONS['en'][1]}|du⟫. Dr. ⟦{doc_en}|P|d|v⟧ will see you.")
    return title, g.pick([" ", "\n"]).join(q), a


def zh_texts(g: Gen, p: dict) -> tuple[str, str, str]:
    proc, dev, dose, price = AREAS[p["area"]]["zh"]
    name, pinyin, src = p["name"], p["roman_full"], p["src"]
    q = [g.pick([f"你好，我是⟦{name}|P⟧。", f"您好，我叫⟦{name}|P⟧（⟦{pinyin}|P|p|v⟧）。", f"你好，我是⟦{name}|P⟧，朋友都叫我⟦{name[1:]}|P|p|v⟧。"])]
    q.append(g.pick([f"想咨询⟪{proc}|pr⟫，⟪{dose}|do⟫大概多少钱？", f"请问⟪{dev}|dv⟫做⟪{proc}|pr⟫效果好吗？"]))
    if "kakao" in p["extras"]:
        q.append(f"微信号：⟦{p['handle']}|MSG⟧")
    if "dob" in p["extras"]:
        y, m, d = p["birth"]
        q.append(f"出生日期⟦{y}年{m}月{d}日|DOB|p|{src}⟧。")
    if "passport" in p["extras"]:
        q.append(f"护照号⟦{p['passport']}|PP⟧。")
    q.append(f"电话⟦{p['phone_text']}|PH⟧。")
    title = f"⟪{proc}|pr⟫咨询"
    a = (f"⟦{name}|P⟧{g.pick(['女士', '先生', ''])}您好，⟪{proc}|pr⟫费用⟪{price}|pc⟫，恢复期⟪{DURATIONS['zh'][1]}|du⟫。"
         f"⟦{p['doctor'][0]}|P|d⟧院长主刀。")
    return title, "".join(q), a


def ja_texts(g: Gen, p: dict) -> tuple[str, str, str]:
    proc, dev, dose, price = AREAS[p["area"]]["ja"]
    name, kana, src = p["name"], p["kana"], p["src"]
    family = name.split(" ")[0]
    q = [g.pick([f"はじめまして、⟦{name}|P⟧と申します。", f"⟦{family}|P⟧です（⟦{kana}|P|p|v⟧）。",
                 f"⟦{p['roman_full']}|P|p|v⟧（⟦{name.replace(' ', '')}|P|p|v⟧）です。"])]
    q.append(g.pick([f"⟪{proc}|pr⟫について相談したいです。", f"⟪{dev}|dv⟫の⟪{proc}|pr⟫は⟪{dose}|do⟫でいくらですか？"]))
    if "kakao" in p["extras"]:
        q.append(f"LINE ID：⟦{p['handle']}|MSG⟧")
    if "dob" in p["extras"]:
        y, m, d = p["birth"]
        q.append(f"生年月日：⟦{y}年{m}月{d}日|DOB|p|{src}⟧")
    if "passport" in p["extras"]:
        q.append(f"パスポート番号⟦{p['passport']}|PP⟧")
    q.append(f"電話：⟦{p['phone_text']}|PH⟧")
    title = f"⟪{proc}|pr⟫の相談"
    a = f"⟦{family}|P⟧様、⟪{proc}|pr⟫は⟪{price}|pc⟫、ダウンタイムは⟪{DURATIONS['ja'][0]}|du⟫です。"
    return title, "\n".join(q), a


# --------------------------------------------------------------------------- records
def person(g: Gen, lang: str) -> dict:
    p: dict = {"area": g.pick(list(AREAS)), "sex": g.pick(["F", "F", "M"])}
    p["birth"] = g.birth()
    y, m, d = p["birth"]
    if lang in ("ko", "en", "ko+en"):
        sur, rsur = g.pick(KO_SURNAMES)
        giv, rgiv = g.pick(KO_GIVEN)
        if lang == "en" and g.r.random() < 0.5:
            rgiv, rsur = g.pick(EN_FIRST), g.pick(EN_LAST)
            sur = giv = None
        p.update(sur=sur, given=giv, name=(sur + giv) if sur else f"{rgiv} {rsur}",
                 roman_full=g.pick([f"{rgiv} {rsur}", f"{rsur} {rgiv}"]) if sur else f"{rgiv} {rsur}",
                 roman_given=rgiv, roman_sur=rsur)
        p["native_mark"] = f"⟦{p['name']}|P⟧" if sur else f"⟦{rgiv}|P⟧ for short"
        local = f"{rgiv.replace('-', '').lower()}.{rsur.lower().replace('-', '')}{g.digits(2)}"
    elif lang == "zh":
        p["name"], p["roman_full"] = g.pick(ZH_NAMES)
        local = p["roman_full"].replace(" ", "").lower() + g.digits(3)
    else:
        p["name"], p["kana"], p["roman_full"] = g.pick(JA_NAMES)
        local = p["roman_full"].split()[0].lower() + "." + p["roman_full"].split()[1].lower()
    p["email"] = f"{local}@{g.pick(EMAIL_DOMAINS)}" if g.r.random() < 0.7 else None
    p["phone"] = g.kr_mobile()
    p["rrn"] = g.rrn(y, m, d, p["sex"])
    region, road, dong = g.pick(REGIONS)
    building, unit = g.r.randint(1, 999), f"{g.r.randint(101, 115)}동 {g.r.randint(1, 25)}{g.r.randint(1, 4):02d}호"
    p["region"], p["dong"] = region, dong
    p["age"] = 2024 - y
    p["visit"] = f"{g.r.randint(1, 12)}월 {g.r.randint(1, 28)}일"
    p["job_ko"], p["job_en"] = g.pick(JOBS)
    p["address"] = f"{region} {road} {building} {dong}{g.pick(APTS)} {unit}"
    p["address_frag"] = f"{road} {building};{unit.split()[1]}"
    p["handle"] = g.unique(lambda: f"{local.split('.')[0][:8]}_{g.digits(2)}")
    p["member_id"] = g.unique(lambda: f"{local.split('.')[0][:6]}{g.digits(3)}")
    p["doctor"] = g.pick(DOCTORS)
    p["work"], p["work_en"] = g.pick(WORKPLACES_KO), g.pick(WORKPLACES_EN)
    p["school"] = g.pick(SCHOOLS_KO)
    p["account"] = g.account()
    p["card"] = g.card()
    p["iban"] = g.iban()
    p["passport"] = g.unique(lambda: g.pick(["E", "EA", "TK", "M"]) + g.digits(7))
    fs, _ = g.pick(KO_SURNAMES)
    fg, _ = g.pick(KO_GIVEN)
    p["friend"] = (fs, fg)
    p["friend_en"] = f"{g.pick(EN_FIRST)} {g.pick(EN_LAST)}"
    return p


JOBS = [("간호사", "nurse"), ("약사", "pharmacist"), ("소방관", "firefighter"), ("피아노 강사", "piano teacher"),
        ("항공 정비사", "aircraft mechanic"), ("웹툰 작가", "webtoon artist")]
EXTRAS = ["qi", "qi", "dob", "rrn", "address", "friend", "work", "school", "kakao", "account", "card", "login", "email",
          "iban", "passport"]


def make_record(g: Gen, i: int, lang: str) -> tuple[dict, dict | None, dict]:
    p = person(g, lang)
    is_member = g.r.random() < 0.5
    p["extras"] = set(g.r.sample(EXTRAS, g.r.randint(2, 6)))
    if not is_member:
        p["extras"].discard("login")
    if p["age"] > 25:  # only the young are asked about student discounts
        p["extras"].discard("school")
    shapes = phone_shapes(p["phone"])
    p["phone_text"], p["phone_text2"] = g.pick(shapes), g.pick(shapes)
    if p["email"]:
        p["email_text"] = p["email"] if g.r.random() < 0.8 else p["email"].upper()
    p["address_text"] = p["address"] if g.r.random() < 0.5 else p["address"].replace(p["region"].split()[0],
                                                                                {"서울": "서울특별시", "부산": "부산광역시",
                                                                                 "경기": "경기도"}.get(
                                                                                     p["region"].split()[0],
                                                                                     p["region"].split()[0]), 1)
    p["src"] = "v" if is_member else "t"  # birth date and address are structured values of members only
    p["address_src"] = ("x" if p["address_text"] == p["address"] else "v") if is_member else "t"
    if lang == "ko":
        title, question = ko_question(g, p)
        answer = ko_answer(g, p)
    elif lang == "ko+en":
        title, question = ko_question(g, p)
        _, eq, ea = en_texts(g, p)
        question = question + "\n" + eq
        answer = ko_answer(g, p) + "\n" + ea
    elif lang == "en":
        title, question, answer = en_texts(g, p)
    elif lang == "zh":
        title, question, answer = zh_texts(g, p)
    else:
        title, question, answer = ja_texts(g, p)
    if g.r.random() < 0.15:
        answer = ""
    created, answered = g.time()
    cid = f"S{i:04d}"
    hdr_lang = lang
    rec = {
        "consultation_id": cid, "member_id": p["member_id"] if is_member else None, "name": p["name"],
        "phone": g.pick([p["phone"], shapes[0]]), "email": p["email"], "sex": p["sex"],
        "age": 2024 - p["birth"][0], "region": p["region"], "interested_area": p["area"],
        "preferred_time": g.pick(["평일 저녁", "주말 오전", "상관없음", "weekday evening", None]),
        "channel": g.pick(["homepage", "kakao", "realtime", "email", "board", "phone"]),
        "language": B.G.CONTRACT_LANGUAGE.get(lang.split("+")[0]), "created_at": B.timestamp(created),
        "updated_at": None, "ip_address": g.ip(), "title": None, "question": None, "answer": None,
        "answered_by": None, "answered_at": None, "deleted": False,
    }
    member = None
    if is_member:
        y, m, d = p["birth"]
        member = {"member_id": p["member_id"], "name": p["name"], "birth_date": f"{y}-{m:02d}-{d:02d}",
                  "sex": p["sex"], "phone": rec["phone"], "email": p["email"], "address": p["address"],
                  "joined_at": B.timestamp("2022-03-01 09:00"), "status": "active", "withdrawn_at": None,
                  "marketing_consent": False, "guardian_name": None, "guardian_phone": None, "guardian_rrn": None}
    svals = B.structured_values({**rec, "answered_by": p["doctor"][0]}, member)
    pii, keep, qi = [], [], []
    for field, marked in (("title", title), ("question", question), ("answer", answer)):
        if not marked.strip():
            rec[field] = "" if field == "title" else None
            continue
        plain, pp, kk, qq = B.field_annotations(field, marked, f"{cid}:{field}", svals)
        rec[field] = plain
        pii, keep, qi = pii + pp, keep + kk, qi + qq
    if rec["answer"]:
        rec["answered_by"], rec["answered_at"] = p["doctor"][0], B.timestamp(answered)
    rec["updated_at"] = rec["answered_at"] or rec["created_at"]
    return rec, member, {"consultation_id": cid, "lang": hdr_lang, "pii": pii, "keep": keep, "qi": qi}


LANG_PLAN = ["ko"] * 12 + ["en"] * 6 + ["ko+en"] * 5 + ["zh"] * 4 + ["ja"] * 3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--out", type=Path, default=HERE / "sibling")
    a = ap.parse_args()
    g = Gen(a.seed)
    cons, members, golds = [], {}, []
    for i in range(1, a.n + 1):
        lang = LANG_PLAN[(i - 1) % len(LANG_PLAN)]
        for _ in range(50):  # a draw whose text puts a value where the gold cannot tell it apart is redrawn
            try:
                rec, member, gold = make_record(g, i, lang)
                break
            except B.SourceError:
                continue
        else:
            raise SystemExit(f"could not draw record {i}")
        cons.append(rec)
        golds.append(gold)
        if member:
            members[member["member_id"]] = member
    a.out.mkdir(parents=True, exist_ok=True)
    for fname, rows in (("consultations.jsonl", cons), ("members.jsonl", list(members.values())),
                        ("gold.jsonl", golds)):
        with open(a.out / fname, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{a.out.name}: {len(cons)} consultations, {len(members)} members, "
          f"{sum(len(x['pii']) for x in golds)} pii, {sum(len(x['keep']) for x in golds)} keep")


if __name__ == "__main__":
    main()
