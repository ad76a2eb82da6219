"""Free-form region/address → 시/도 (province) or ISO country code; nothing finer ever survives.

Anything not recognised becomes None (Hangul) or 'abroad' (other scripts): an unknown value is
generalised away, never passed through.
"""
from __future__ import annotations

import re
import unicodedata

# Canonical short 시/도 names and the spellings seen in addresses and forms.
PROVINCES: dict[str, tuple[str, ...]] = {
    "서울": ("서울특별시", "서울시", "서울", "seoul"),
    "부산": ("부산광역시", "부산시", "부산", "busan"),
    "대구": ("대구광역시", "대구시", "대구", "daegu"),
    "인천": ("인천광역시", "인천시", "인천", "incheon"),
    "광주": ("광주광역시", "광주시", "광주", "gwangju"),
    "대전": ("대전광역시", "대전시", "대전", "daejeon"),
    "울산": ("울산광역시", "울산시", "울산", "ulsan"),
    "세종": ("세종특별자치시", "세종시", "세종", "sejong"),
    "경기": ("경기도", "경기", "gyeonggi"),
    "강원": ("강원특별자치도", "강원도", "강원", "gangwon"),
    "충북": ("충청북도", "충북", "chungbuk", "chungcheongbuk"),
    "충남": ("충청남도", "충남", "chungnam", "chungcheongnam"),
    "전북": ("전북특별자치도", "전라북도", "전북", "jeonbuk", "jeollabuk"),
    "전남": ("전라남도", "전남", "jeonnam", "jeollanam"),
    "경북": ("경상북도", "경북", "gyeongbuk", "gyeongsangbuk"),
    "경남": ("경상남도", "경남", "gyeongnam", "gyeongsangnam"),
    "제주": ("제주특별자치도", "제주도", "제주", "jeju"),
}

# 광주시 in 경기 exists too; the leading token decides, and "경기 광주시" starts with 경기.
_PROVINCE_PREFIX = sorted(((alias, canon) for canon, aliases in PROVINCES.items() for alias in aliases),
                          key=lambda p: -len(p[0]))

# Well-known foreign cities and country names → ISO 3166 alpha-2.
_COUNTRY_WORDS: dict[str, str] = {
    **dict.fromkeys(["usa", "united states", "u.s.", "america", "미국", "los angeles", "la", "new york", "nyc",
                     "seattle", "san francisco", "chicago", "boston", "houston", "dallas", "atlanta", "honolulu",
                     "hawaii", "las vegas", "san diego", "san jose", "washington", "philadelphia", "miami",
                     "denver", "portland", "irvine", "fullerton"], "US"),
    **dict.fromkeys(["canada", "캐나다", "toronto", "vancouver", "montreal", "calgary", "ottawa"], "CA"),
    **dict.fromkeys(["china", "중국", "中国", "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou",
                     "chengdu", "qingdao", "dalian", "harbin", "北京", "上海", "深圳", "广州", "杭州", "成都",
                     "青岛", "大连", "哈尔滨", "天津", "南京", "武汉", "西安"], "CN"),
    **dict.fromkeys(["hong kong", "香港", "홍콩"], "HK"),
    **dict.fromkeys(["taiwan", "taipei", "台北", "臺北", "台湾", "臺灣", "대만"], "TW"),
    **dict.fromkeys(["japan", "일본", "日本", "tokyo", "osaka", "kyoto", "fukuoka", "nagoya", "sapporo",
                     "yokohama", "kobe", "東京", "大阪", "京都", "福岡", "名古屋", "札幌", "横浜", "神戸"], "JP"),
    **dict.fromkeys(["vietnam", "베트남", "hanoi", "ho chi minh", "saigon", "da nang"], "VN"),
    **dict.fromkeys(["thailand", "태국", "bangkok", "phuket"], "TH"),
    **dict.fromkeys(["singapore", "싱가포르"], "SG"),
    **dict.fromkeys(["philippines", "manila", "cebu"], "PH"),
    **dict.fromkeys(["indonesia", "jakarta", "bali"], "ID"),
    **dict.fromkeys(["malaysia", "kuala lumpur"], "MY"),
    **dict.fromkeys(["mongolia", "몽골", "ulaanbaatar"], "MN"),
    **dict.fromkeys(["kazakhstan", "카자흐스탄", "almaty", "astana"], "KZ"),
    **dict.fromkeys(["uzbekistan", "tashkent"], "UZ"),
    **dict.fromkeys(["russia", "러시아", "moscow", "saint petersburg", "vladivostok"], "RU"),
    **dict.fromkeys(["australia", "호주", "sydney", "melbourne", "brisbane", "perth"], "AU"),
    **dict.fromkeys(["new zealand", "auckland"], "NZ"),
    **dict.fromkeys(["united kingdom", "uk", "england", "영국", "london", "manchester"], "GB"),
    **dict.fromkeys(["france", "프랑스", "paris"], "FR"),
    **dict.fromkeys(["germany", "독일", "berlin", "munich", "frankfurt"], "DE"),
    **dict.fromkeys(["uae", "dubai", "abu dhabi"], "AE"),
    **dict.fromkeys(["saudi arabia", "riyadh"], "SA"),
}
_US_STATE = re.compile(r",\s*(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
                       r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])\b")
_CA_PROVINCE = re.compile(r",\s*(?:ON|BC|QC|AB|MB|NS|NB|SK|PE|NL)\b")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def province_or_country(value: str | None) -> str | None:
    """'서울 강남구 신사동 1-2' → '서울'; 'Seattle, WA' → 'US'; '福岡' → 'JP'; unknown Hangul → None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    low = text.lower()
    for alias, canon in _PROVINCE_PREFIX:
        if low.startswith(alias) and (len(low) == len(alias) or not low[len(alias)].isalnum()
                                      or _HANGUL.match(alias)):
            return canon
    if "korea" in low or low in ("한국", "대한민국"):
        return None  # a country-level Korean value says nothing about the 시/도
    if _US_STATE.search(text):
        return "US"
    if _CA_PROVINCE.search(text):
        return "CA"
    for part in [low, *re.split(r"[,/()\s]+", low)]:
        code = _COUNTRY_WORDS.get(part.strip(" ."))
        if code:
            return code
    for word, code in _COUNTRY_WORDS.items():
        if len(word) >= 4 and word in low:
            return code
    return None if _HANGUL.search(text) else "abroad"
