"""Synthetic addresses and regions: Korean road-name (and old lot-number) addresses down to 동/호,
and a few foreign ones. Street names are common Korean road words; the numbers are random."""
from __future__ import annotations

import random
from typing import NamedTuple

# 시/도 (short form, official form) -> a few 시/군/구
SIDO = (
    ("서울", "서울특별시", ("강남구", "서초구", "송파구", "마포구", "용산구", "성동구", "노원구", "관악구", "은평구", "강서구")),
    ("경기", "경기도", ("성남시 분당구", "수원시 영통구", "고양시 일산동구", "용인시 수지구", "화성시", "부천시", "안양시 동안구")),
    ("인천", "인천광역시", ("연수구", "남동구", "부평구", "서구")),
    ("부산", "부산광역시", ("해운대구", "수영구", "부산진구", "동래구")),
    ("대구", "대구광역시", ("수성구", "달서구", "중구")),
    ("대전", "대전광역시", ("유성구", "서구")),
    ("광주", "광주광역시", ("서구", "북구", "광산구")),
    ("울산", "울산광역시", ("남구", "중구")),
    ("세종", "세종특별자치시", ("",)),
    ("강원", "강원특별자치도", ("춘천시", "원주시", "강릉시")),
    ("충북", "충청북도", ("청주시 흥덕구", "충주시")),
    ("충남", "충청남도", ("천안시 서북구", "아산시")),
    ("전북", "전북특별자치도", ("전주시 완산구", "익산시")),
    ("전남", "전라남도", ("여수시", "순천시")),
    ("경북", "경상북도", ("포항시 남구", "구미시")),
    ("경남", "경상남도", ("창원시 성산구", "김해시")),
    ("제주", "제주특별자치도", ("제주시", "서귀포시")),
)
SIDO_WEIGHTS = (30, 26, 6, 7, 4, 3, 3, 2, 1, 2, 2, 3, 2, 2, 2, 3, 1)
ROAD_WORDS = ("중앙로", "번영로", "문화로", "평화로", "새말로", "솔빛로", "은행나무길", "하늘길", "푸른숲로", "한빛로",
              "미래로", "청운로", "동산로", "큰골길", "별빛로", "가람로", "느티로", "매화로", "장미로", "새솔길")
ROAD_SUFFIX = ("", "", "번길", "길")
DONG = ("신촌동", "중앙동", "대화동", "반송동", "송정동", "원당동", "매곡동", "신월동", "효자동", "청림동")
BUILDINGS = ("래미안", "푸르지오", "힐스테이트", "자이", "더샵", "롯데캐슬", "아이파크", "e편한세상", "센트럴빌",
             "한신휴플러스", "우성아파트", "현대아파트", "스카이빌", "그린빌라")


class Address(NamedTuple):
    text: str                   # as written
    fragments: tuple[str, ...]  # parts that identify on their own (street + number, 동/호)
    sido: str                   # short 시/도, for the region column


def _road(rng: random.Random) -> str:
    word = rng.choice(ROAD_WORDS)
    suffix = rng.choice(ROAD_SUFFIX)
    if suffix:
        return f"{word[:-1] if word.endswith('로') else word}{rng.randrange(1, 60)}{suffix}"
    return word


def sido_and_district(rng: random.Random) -> tuple[str, str, str]:
    short, official, districts = rng.choices(SIDO, weights=SIDO_WEIGHTS)[0]
    return short, official, rng.choice(districts)


def korean_address(rng: random.Random) -> Address:
    short, official, district = sido_and_district(rng)
    sido = official if rng.random() < 0.4 else short
    head = f"{sido} {district}".replace("  ", " ").strip()
    building = rng.choice(BUILDINGS)
    unit = f"{rng.randrange(101, 120)}동 {rng.randrange(1, 25)}{rng.randrange(1, 8):02d}호"
    if rng.random() < 0.2:  # old lot-number (지번) address
        lot = f"{rng.choice(DONG)} {rng.randrange(1, 999)}-{rng.randrange(1, 40)}"
        return Address(f"{head} {lot} {building} {unit}", (lot, unit), short)
    street = f"{_road(rng)} {rng.randrange(1, 900)}"
    style = rng.randrange(4)
    if style == 0:
        text = f"{head} {street} {building} {unit}"
    elif style == 1:
        text = f"{head} {street}, {unit} ({rng.choice(DONG)}, {building})"
    elif style == 2:
        text = f"({rng.randrange(10000, 64000)}) {head} {street} {building} {unit}"
    else:  # 빌라/원룸: a room number only
        unit = f"{rng.randrange(1, 6)}0{rng.randrange(1, 5)}호"
        text = f"{head} {street}-{rng.randrange(1, 30)} {unit}"
    return Address(text, (street, unit), short)


US_CITIES = (("San Jose", "CA"), ("Austin", "TX"), ("Denver", "CO"), ("Portland", "OR"), ("Atlanta", "GA"),
             ("Irvine", "CA"), ("Boston", "MA"), ("Honolulu", "HI"))
US_STREETS = ("Maple Ave", "Oak St", "Cedar Ln", "Sunset Blvd", "Lakeview Dr", "Hillcrest Rd", "Pine St", "Elm Ct")
ZH_CITIES = (("上海市", "浦东新区"), ("北京市", "朝阳区"), ("深圳市", "南山区"), ("广州市", "天河区"), ("杭州市", "西湖区"))
ZH_ROADS = ("世纪大道", "建国路", "科技路", "中山路", "文三路")
JA_CITIES = (("東京都", "新宿区"), ("東京都", "渋谷区"), ("大阪府", "大阪市北区"), ("神奈川県", "横浜市港北区"), ("福岡県", "福岡市中央区"))


def foreign_address(rng: random.Random, origin: str) -> Address:
    if origin == "zh":
        city, district = rng.choice(ZH_CITIES)
        street = f"{rng.choice(ZH_ROADS)}{rng.randrange(1, 2000)}号"
        unit = f"{rng.randrange(1, 30)}栋{rng.randrange(1, 30)}0{rng.randrange(1, 6)}室"
        return Address(f"{city}{district}{street}{unit}", (street, unit), city)
    if origin == "ja":
        pref, city = rng.choice(JA_CITIES)
        block = f"{rng.randrange(1, 9)}-{rng.randrange(1, 30)}-{rng.randrange(1, 20)}"
        room = f"{rng.randrange(1, 12)}0{rng.randrange(1, 9)}号室"
        return Address(f"{pref}{city}{block} {room}", (block, room), pref)
    city, state = rng.choice(US_CITIES)
    street = f"{rng.randrange(100, 9999)} {rng.choice(US_STREETS)}"
    apt = f"Apt {rng.randrange(1, 40)}{rng.choice('ABCD')}"
    return Address(f"{street}, {apt}, {city}, {state} {rng.randrange(10000, 99999)}", (street, apt), state)


def region_text(rng: random.Random, origin: str) -> str:
    """The free-form 'region' a person types into a form: usually coarse, sometimes a full address."""
    if origin != "ko":
        if origin == "zh":
            return rng.choice(ZH_CITIES)[0]
        if origin == "ja":
            return rng.choice(JA_CITIES)[0]
        city, state = rng.choice(US_CITIES)
        return f"{city}, {state}"
    short, official, district = sido_and_district(rng)
    r = rng.random()
    if r < 0.1:
        return korean_address(rng).text
    if r < 0.25:
        return short
    return f"{short if r < 0.8 else official} {district}".strip()
