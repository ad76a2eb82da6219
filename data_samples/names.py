"""Synthetic people's names: Korean (with romanisation), English, Chinese and Japanese.

Faker's ko_KR locale has few given names and no romanisation, so the lists live here and are
drawn with a plain ``random.Random`` (much faster than Faker). Names are common ones, combined at
random: nobody in particular.
"""
from __future__ import annotations

import itertools
import random
from typing import NamedTuple

# (hangul, usual romanisation, relative frequency): frequent surnames dominate, as in Korea.
KO_SURNAMES = (
    ("김", "Kim", 21), ("이", "Lee", 15), ("박", "Park", 8), ("최", "Choi", 5), ("정", "Jung", 5),
    ("강", "Kang", 2), ("조", "Cho", 2), ("윤", "Yoon", 2), ("장", "Jang", 2), ("임", "Lim", 2),
    ("한", "Han", 1), ("오", "Oh", 1), ("서", "Seo", 1), ("신", "Shin", 1), ("권", "Kwon", 1),
    ("황", "Hwang", 1), ("안", "Ahn", 1), ("송", "Song", 1), ("류", "Ryu", 1), ("전", "Jeon", 1),
    ("홍", "Hong", 1), ("고", "Ko", 1), ("문", "Moon", 1), ("양", "Yang", 1), ("손", "Son", 1),
    ("배", "Bae", 1), ("백", "Baek", 1), ("허", "Heo", 1), ("남", "Nam", 1), ("심", "Shim", 1),
    ("노", "Noh", 1), ("하", "Ha", 1), ("곽", "Kwak", 1), ("성", "Sung", 1), ("차", "Cha", 1),
    ("주", "Joo", 1), ("우", "Woo", 1), ("구", "Koo", 1), ("민", "Min", 1), ("나", "Na", 1),
    ("진", "Jin", 1), ("엄", "Eom", 1), ("채", "Chae", 1), ("원", "Won", 1), ("천", "Cheon", 1),
    ("방", "Bang", 1), ("공", "Kong", 1), ("현", "Hyun", 1), ("함", "Ham", 1), ("변", "Byun", 1),
    ("염", "Yeom", 1), ("여", "Yeo", 1), ("추", "Choo", 1), ("도", "Do", 1), ("석", "Seok", 1),
    ("설", "Seol", 1), ("마", "Ma", 1), ("길", "Gil", 1), ("표", "Pyo", 1), ("탁", "Tak", 1),
)
_SURNAME_CUM = list(itertools.accumulate(s[2] for s in KO_SURNAMES))

# Common given names: (hangul, romanised first syllable, romanised second syllable).
KO_GIVEN_F = (
    ("민지", "min", "ji"), ("연희", "yeon", "hui"), ("지은", "ji", "eun"), ("수빈", "su", "bin"), ("예린", "ye", "rin"),
    ("하은", "ha", "eun"), ("지현", "ji", "hyeon"), ("유진", "yu", "jin"), ("보은", "bo", "eun"), ("채원", "chae", "won"),
    ("다은", "da", "eun"), ("소희", "so", "hui"), ("은비", "eun", "bi"), ("혜진", "hye", "jin"), ("수정", "su", "jeong"),
    ("지선", "ji", "seon"), ("선희", "seon", "hui"), ("은아", "eun", "a"), ("고은", "go", "eun"), ("나연", "na", "yeon"),
    ("보람", "bo", "ram"), ("아름", "a", "reum"), ("수연", "su", "yeon"), ("현주", "hyeon", "ju"), ("정란", "jeong", "ran"),
    ("순자", "sun", "ja"), ("경희", "gyeong", "hui"), ("미숙", "mi", "suk"), ("정희", "jeong", "hui"), ("가은", "ga", "eun"),
    ("다연", "da", "yeon"), ("지아", "ji", "a"), ("예나", "ye", "na"), ("소정", "so", "jeong"), ("다인", "da", "in"),
    ("수아", "su", "a"), ("세영", "se", "yeong"), ("진아", "jin", "a"), ("은영", "eun", "yeong"), ("진주", "jin", "ju"),
    ("효주", "hyo", "ju"), ("채린", "chae", "rin"), ("다희", "da", "hui"), ("미란", "mi", "ran"), ("은숙", "eun", "suk"),
    ("지수", "ji", "su"), ("예원", "ye", "won"), ("혜리", "hye", "ri"), ("현정", "hyeon", "jeong"),
)
KO_GIVEN_M = (
    ("민규", "min", "gyu"), ("서진", "seo", "jin"), ("도윤", "do", "yun"), ("예준", "ye", "jun"), ("시우", "si", "woo"),
    ("하준", "ha", "jun"), ("지호", "ji", "ho"), ("준기", "jun", "gi"), ("건우", "geon", "woo"), ("현우", "hyeon", "woo"),
    ("우진", "woo", "jin"), ("선우", "seon", "woo"), ("연우", "yeon", "woo"), ("정우", "jeong", "woo"),
    ("승현", "seung", "hyeon"), ("동현", "dong", "hyeon"), ("성훈", "seong", "hun"), ("재현", "jae", "hyeon"),
    ("태윤", "tae", "yun"), ("영호", "yeong", "ho"), ("상훈", "sang", "hun"), ("정훈", "jeong", "hun"),
    ("성호", "seong", "ho"), ("준수", "jun", "su"), ("민석", "min", "seok"), ("재원", "jae", "won"), ("태민", "tae", "min"),
    ("동하", "dong", "ha"), ("진혁", "jin", "hyeok"), ("경수", "gyeong", "su"), ("영수", "yeong", "su"),
    ("철수", "cheol", "su"), ("병수", "byeong", "su"), ("종민", "jong", "min"), ("기훈", "gi", "hun"),
    ("형준", "hyeong", "jun"), ("승우", "seung", "woo"), ("한결", "han", "gyeol"), ("은호", "eun", "ho"),
    ("시후", "si", "hu"), ("유찬", "yu", "chan"), ("도훈", "do", "hun"), ("윤재", "yun", "jae"), ("준영", "jun", "yeong"),
    ("대현", "dae", "hyeon"), ("석진", "seok", "jin"), ("용준", "yong", "jun"), ("재훈", "jae", "hun"),
    ("광수", "gwang", "su"), ("재석", "jae", "seok"),
)

EN_GIVEN_F = ("Emily", "Olivia", "Sophia", "Hannah", "Grace", "Chloe", "Megan", "Rachel", "Laura", "Jessica",
              "Ashley", "Natalie", "Camille", "Claire", "Jenna", "Amber", "Brooke", "Caitlin", "Danielle", "Fiona",
              "Heather", "Lindsey", "Rebecca", "Paige", "Tessa", "Valerie", "Whitney", "Yvonne", "Isabel", "Nora")
EN_GIVEN_M = ("James", "Daniel", "Michael", "Stuart", "Kevin", "Brian", "Jason", "Eric", "Tyler", "Nathan",
              "Adam", "Lucas", "Owen", "Ethan", "Marcus", "Derek", "Sean", "Colin", "Trevor", "Blake",
              "Gavin", "Henry", "Ian", "Julian", "Keith", "Logan", "Miles", "Oscar", "Preston", "Victor")
EN_SURNAMES = ("Smith", "Johnson", "Carter", "Bennett", "Foster", "Hughes", "Reed", "Collins", "Sheridan",
               "Sullivan", "Ward", "Brooks", "Hayes", "Price", "Russell", "Griffin", "Hamilton", "Fletcher",
               "Lawson", "Nguyen", "Garcia", "Castillo", "Lopez", "Walsh", "Kowalski", "Novak", "Schmidt",
               "Dubois", "Rossi", "Patel", "Okafor", "Lindqvist", "Moreau", "Harrington", "Whitaker", "Donovan")

# (hanzi, pinyin)
ZH_SURNAMES = (("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
               ("黄", "Huang"), ("赵", "Zhao"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
               ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("林", "Lin"), ("何", "He"),
               ("高", "Gao"), ("罗", "Luo"))
ZH_GIVEN = (("伟", "Wei"), ("婉", "Wan"), ("倩", "Qian"), ("慧", "Hui"), ("静", "Jing"), ("秀英", "Xiuying"),
            ("强", "Qiang"), ("斌", "Bin"), ("艳", "Yan"), ("勇", "Yong"), ("杰", "Jie"), ("娟", "Juan"),
            ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("霞", "Xia"), ("婷婷", "Tingting"), ("欣怡", "Xinyi"),
            ("梓涵", "Zihan"), ("雨萱", "Yuxuan"), ("子轩", "Zixuan"), ("浩然", "Haoran"), ("思雨", "Siyu"),
            ("佳琪", "Jiaqi"), ("一诺", "Yinuo"), ("晓雯", "Xiaowen"))
# (kanji, romaji)
JA_SURNAMES = (("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("伊藤", "Ito"),
               ("渡辺", "Watanabe"), ("山本", "Yamamoto"), ("中村", "Nakamura"), ("小林", "Kobayashi"),
               ("山田", "Yamada"), ("佐々木", "Sasaki"), ("松本", "Matsumoto"), ("井上", "Inoue"),
               ("木村", "Kimura"), ("清水", "Shimizu"), ("山崎", "Yamazaki"), ("池田", "Ikeda"), ("橋本", "Hashimoto"))
JA_GIVEN = (("陽菜", "Hina"), ("結衣", "Yui"), ("さくら", "Sakura"), ("美咲", "Misaki"), ("楓", "Kaede"),
            ("真由", "Mayu"), ("遥", "Haruka"), ("由美", "Yumi"), ("香織", "Kaori"), ("翔太", "Shota"),
            ("大輔", "Daisuke"), ("健太", "Kenta"), ("拓也", "Takuya"), ("蓮", "Ren"), ("悠人", "Yuto"),
            ("直樹", "Naoki"), ("菜々子", "Nanako"), ("玲奈", "Reina"))


class Person(NamedTuple):
    """A synthetic person. ``full`` is how the name is written in their own script."""
    full: str          # 김민수 / Emily Carter / 王伟 / 田中結衣
    given: str         # 민수 / Emily / 伟 / 結衣
    surname: str       # 김 / Carter / 王 / 田中
    roman_given: str   # Minsu / Emily / Wei / Yui
    roman_surname: str  # Kim / Carter / Wang / Tanaka
    roman_hyphen: str  # Min-su (Korean given names are often written with a hyphen); else = roman_given
    sex: str           # F / M
    origin: str        # ko / en / zh / ja


def korean(rng: random.Random, sex: str) -> Person:
    sur, rsur, _ = rng.choices(KO_SURNAMES, cum_weights=_SURNAME_CUM)[0]
    given, a, b = rng.choice(KO_GIVEN_F if sex == "F" else KO_GIVEN_M)
    return Person(sur + given, given, sur, (a + b).capitalize(), rsur, f"{a.capitalize()}-{b}", sex, "ko")


def english(rng: random.Random, sex: str) -> Person:
    given = rng.choice(EN_GIVEN_F if sex == "F" else EN_GIVEN_M)
    sur = rng.choice(EN_SURNAMES)
    return Person(f"{given} {sur}", given, sur, given, sur, given, sex, "en")


def chinese(rng: random.Random, sex: str) -> Person:
    sur, rsur = rng.choice(ZH_SURNAMES)
    given, rgiven = rng.choice(ZH_GIVEN)
    return Person(sur + given, given, sur, rgiven, rsur, rgiven, sex, "zh")


def japanese(rng: random.Random, sex: str) -> Person:
    sur, rsur = rng.choice(JA_SURNAMES)
    given, rgiven = rng.choice(JA_GIVEN)
    return Person(sur + given, given, sur, rgiven, rsur, rgiven, sex, "ja")


MAKERS = {"ko": korean, "en": english, "zh": chinese, "ja": japanese}


def person(rng: random.Random, origin: str, sex: str | None = None) -> Person:
    return MAKERS[origin](rng, sex or rng.choice("FM"))


def roman_full(p: Person, rng: random.Random) -> str:
    """How a non-Latin name is written in Latin letters: 'Minsu Kim', 'Kim Min-su', 'KIM MINSU'."""
    if p.origin == "en":
        return p.full
    style = rng.randrange(3)
    if style == 0:
        return f"{p.roman_given} {p.roman_surname}"
    if style == 1:
        return f"{p.roman_surname} {p.roman_hyphen}"
    return f"{p.roman_surname.upper()} {p.roman_given.upper()}"

