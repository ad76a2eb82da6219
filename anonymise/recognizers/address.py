"""ADDRESS: Korean road-name and lot-number addresses down to 동/호/층, bare apartment units, and
US / Chinese / Japanese street addresses.

A Korean road ("...로", "...길") only counts after a province or a 시/군/구: on its own "레이저로 2회"
would look like a road and a number.
"""
from __future__ import annotations

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.address_fragments import STREET_TYPES
from anonymise.recognizers import gates

PROVINCE = (r"(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|충청북|충청남|"
            r"전라북|전라남|경상북|경상남)(?:특별시|광역시|특별자치시|특별자치도|도|시)?")
SIGUNGU = r"[가-힣]{1,5}(?:시|군|구)"
EMD = r"[가-힣0-9]{1,8}(?:동|읍|면|리|가)"
ROAD = r"[가-힣0-9]{1,12}(?:로|길|거리)(?:[ \t]*\d{1,4}[ \t]?번?(?:가길|길))?"  # 월드컵북로 12길, 강남대로94길
NUMBER = r"(?:지하[ \t]?)?\d{1,5}(?:-\d{1,5})?"
# Not a house number when it runs on into more digits (카톡으로 010-...) or a counter follows
# (레이저로 2회, 소개로 3명, 3주).
NOT_A_MEASURE = (r"(?![\d-])(?![ \t]*(?:회|번째|번(?![지길])|개|명|건|곳|군데|병|알|장|통|줄|대|단계|가지|cc|ml|%|시|일|주|개월|"
                 r"달|년|분|초|박|샷|유닛|unit|만|천|원|세|살|kg|mm|cm|mg|차|배|인))")
# Building name, 동/호/층 and a parenthesised 동/building: "SK뷰 115동 1104호", ", 104호 (부전동, 빌라)".
UNIT_BODY = r"(?:제[ \t]?)?(?:\d{1,4}|[A-Za-z](?=[ \t]?동))[ \t]?(?:동(?!안)|층|호실|호|F(?![A-Za-z]))"
UNIT = rf"(?:[ \t]*{UNIT_BODY})"
BUILDING = (rf"(?:[ \t]*,?[ \t]*[가-힣A-Za-z0-9]{{1,15}}(?:아파트|빌딩|빌라|타워|오피스텔|맨션|하이츠|캐슬|레지던스|센터|프라자|플라자)?"
            rf"(?=[ \t]*,?[ \t]*{UNIT_BODY}))")
PARENS = r"(?:[ \t]*\([가-힣A-Za-z0-9 ,.-]{1,30}\))"
# The unit after the parenthesis too (…로 34 (망원동) 202호): the whole home is one span.
TAIL = rf"(?:{BUILDING}?(?:[ \t]*,?{UNIT})+)?(?:{PARENS}(?:{BUILDING}?(?:[ \t]*,?{UNIT})+)?)?"
POSTCODE = r"(?:\(?\d{5}\)?[ \t]*)?"

ROAD_ADDRESS = rf"{POSTCODE}(?:{PROVINCE}[ \t]+)?(?:{SIGUNGU}[ \t]+){{1,2}}(?:{EMD}[ \t]+)?{ROAD}[ \t]*{NUMBER}{NOT_A_MEASURE}{TAIL}"
PROVINCE_ROAD_ADDRESS = rf"{POSTCODE}{PROVINCE}[ \t]+(?:{SIGUNGU}[ \t]+)*{ROAD}[ \t]*{NUMBER}{NOT_A_MEASURE}{TAIL}"
LOT_ADDRESS = rf"{POSTCODE}(?:{PROVINCE}[ \t]+)?(?:{SIGUNGU}[ \t]+){{1,2}}{EMD}[ \t]+(?:산[ \t]?)?{NUMBER}(?:[ \t]*번지)?{NOT_A_MEASURE}{TAIL}"
# "신림동 123-45": a 동/읍/면 with a hyphenated lot number is an address even without its 구.
BARE_LOT_ADDRESS = rf"(?<![가-힣]){EMD}[ \t]+(?:산[ \t]?)?\d{{1,5}}-\d{{1,5}}(?:[ \t]*번지)?{TAIL}"
APARTMENT_UNIT = r"(?<!\d)\d{1,4}[ \t]?동[ \t]*\d{1,5}[ \t]?호(?!\d)"

US_SUFFIX = "(?:%s)" % "|".join(STREET_TYPES)
US_UNIT = r"(?:,?[ \t]*(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Room|Rm\.?|#)[ \t]*#?[A-Za-z0-9-]+)"
US_CITY_STATE = r"(?:,?[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2},[ \t]*[A-Z]{2}(?:[ \t]+\d{5}(?:-\d{4})?)?)"
US_ADDRESS = rf"(?<![A-Za-z0-9_])\d{{1,6}}[A-Z]?[ \t]+(?:[A-Z][A-Za-z'.-]*[ \t]+){{1,4}}{US_SUFFIX}\.?(?![A-Za-z]){US_UNIT}?{US_CITY_STATE}?"
# Any street name (suffixes vary endlessly) when a unit or "City, ST 12345" follows the street.
US_ANY_STREET = (r"(?<![A-Za-z0-9_])\d{1,6}[A-Z]?[ \t]+(?:[A-Z][A-Za-z'.-]*[ \t]+){0,4}[A-Z][A-Za-z'.-]*"
                 rf"(?:{US_UNIT}{US_CITY_STATE}?|{US_CITY_STATE})")
# Korean addresses romanised in English text: "12 Teheran-ro 5-gil", "Gangnam-daero 94-gil 9, Gangnam-gu".
ROMAN_ROAD = r"[A-Z][a-z]+(?:-[a-z0-9]+)*-(?:daero|ro|gil)(?:[ \t]+\d{1,4}(?:beon)?-gil)?(?![A-Za-z])"
ROMAN_TAIL = r"(?:,?[ \t]*[A-Z][a-z]+-(?:gu|si|gun|dong|eup|myeon|do)(?![A-Za-z]))*(?:,?[ \t]*(?:Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Sejong|Jeju)(?![A-Za-z]))?"
ROMAN_KR_ADDRESS = (rf"(?<![A-Za-z0-9])(?:\d{{1,5}}(?:-\d{{1,5}})?,?[ \t]+{ROMAN_ROAD}|{ROMAN_ROAD}[ \t]+\d{{1,5}}(?:-\d{{1,5}})?)"
                    rf"{US_UNIT}?{ROMAN_TAIL}")
# A number running on into thousands (botox 40 unit 150,000 won) or before a word of money (per unit 20 ribu)
# is a price after a dose counted in units, not a flat's number.
ROOM = (r"(?<![A-Za-z])(?:[Aa]pt\.?|[Aa]partment|[Ss]uite|[Rr]oom|[Uu]nit|[Ff]lat)[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?"
        r"(?![\d]|[.,]\d{3}|[ \t]*(?i:ribu|rb|juta|jt|ringgit|rm|rupiah|rp|won|sen)(?![A-Za-z]))")

HAN = r"[\u4e00-\u9fff]"
# After the street: its number, a building (…大厦, …花园) and block, unit, floor and room (3栋2单元1203室, A座).
# Taiwan numbers the section, lane and alley before the house (和平東路二段100巷5弄3號之1).
CN_SECTION = r"(?:[一二三四五六七八九十0-9]{1,3}段)?(?:[0-9]{1,4}巷)?(?:[0-9]{1,4}弄)?"
CN_HOUSE = r"\d{1,5}(?:-\d{1,4})?[号號](?:之\d{1,3})?(?:院|楼|樓)?"
CN_BUILDING = rf"(?:{HAN}{{1,8}}?(?:大厦|大廈|花园|花園|中心|广场|廣場|大楼|大樓|公寓|小区|小區|苑|阁|閣|新村|山庄|山莊))?"
CN_UNIT = r"(?:[A-Za-z0-9]{1,4}[座栋棟幢]|\d{1,4}(?:栋|棟|幢|号楼|號樓|单元|單元|楼|樓|层|層|室)|[A-Za-z]?\d{1,4}室)*"
CN_TAIL = rf"(?:[A-Za-z0-9]{{1,4}}座|{CN_HOUSE}{CN_BUILDING})?{CN_UNIT}"
# Province, then one to three city/county/district levels, then a street, then number, building, unit, postcode.
# A place's name starts after the sentence's words before it (我想去|首尔市…, 地址是|北京市…).
CN_PLACE_CHAR = r"(?:(?![在住于於到去是的我你他她们們从從搬])[\u4e00-\u9fff])"
CN_ADDRESS = (rf"(?:{CN_PLACE_CHAR}{{2,4}}(?:省|自治区))?(?:{CN_PLACE_CHAR}{{1,6}}?(?:市|县|縣|区|區|州|旗)){{1,3}}{HAN}{{0,10}}"
              rf"(?:路|街|大道|道|巷|胡同|村|镇)"
              rf"{CN_SECTION}{CN_TAIL}(?:[ \t]*\d{{6}}(?!\d))?")
# A street and its house number without the city (住在建国路88号3栋; 澳門…馬路123號…花園3樓A座, Macau's
# streets written in Han); the street's name starts after the sentence's words (住在, 我家, 地址係, 住喺).
CN_NAME_CHAR = r"(?:(?![在住于於到去是的我你他她们們和与與从從搬离離近家係喺址])[\u4e00-\u9fff])"
CN_STREET_ADDRESS = (rf"(?:澳門|澳门|香港)?{CN_NAME_CHAR}{{1,10}}?(?:大馬路|大马路|馬路|马路|大道|路|街|巷|胡同|圍|围|前地|里|道)"
                     rf"{CN_SECTION}{CN_HOUSE}{CN_BUILDING}{CN_UNIT}")
JP_ADDRESS = (rf"(?:東京都|北海道|(?:大阪|京都)府|{HAN}{{2,3}}県)[\u4e00-\u9fff\u3040-\u30ff]{{1,12}}?(?:市|区|町|村|郡)"
              r"[\u4e00-\u9fff\u3040-\u30ff]{0,12}?\d{1,4}(?:丁目|-|－)?\d{0,4}(?:番地?|-|－)?\d{0,4}号?"
              r"(?:[ \t]*[\u4e00-\u9fff\u3040-\u30ffA-Za-z]{0,12}[ \t]?\d{1,5}(?:号室|号|階|F)?)?")
# Without the prefecture: a ward/city, a district name and a full block number (神南1-2-3, 六本木6丁目10番1号).
JP_WARD_ADDRESS = (rf"{HAN}{{1,4}}(?:区|市)[\u4e00-\u9fff\u3040-\u30ff]{{1,8}}?\d{{1,4}}(?:丁目|-)\d{{1,4}}(?:番地?|-)\d{{1,4}}号?"
                   r"(?:[ \t]*[\u4e00-\u9fff\u3040-\u30ffA-Za-z]{0,12}[ \t]?\d{1,5}(?:号室|号|階|F)?)?")
# A ward or city, a district and its 丁目 with what follows of the block number, or none
# (青葉区美しが丘3丁目5番地, 港南区日野2丁目); no particle in the district (横浜市に住んで… is a sentence).
JP_CHOME_ADDRESS = (rf"{HAN}{{1,4}}(?:区|市|町)(?:(?![にでをはへ])[\u4e00-\u9fff\u3040-\u30ff]){{1,8}}?\d{{1,4}}丁目"
                    r"(?:\d{1,4}(?:番地?|-)?(?:\d{1,4}号?)?)?")
# Sapporo's grid: a ward, then N/S block row and E/W column (札幌市中央区北3条西12丁目4-7, 南5条東2丁目3番5号).
JP_GRID_ADDRESS = (rf"{HAN}{{1,4}}市(?:{HAN}{{1,3}}区)?[北南東西]\d{{1,2}}条(?:[東西南北]\d{{1,2}}丁目)?"
                   r"(?:\d{1,4}(?:番地?|-)\d{1,4}号?|\d{1,4}番地?)?")


class KoreanAddressRecognizer(PatternRecognizer):
    # Every pattern holds a number and a Hangul part (시/구/동, 로/길, 동/호), and a number right after
    # a road, 동/읍/면/리 or apartment block (강남대로 12, 신림동 123-45, 101동 202호).
    TEXT_GATES = (gates.DIGIT, gates.HANGUL, gates.gate(r"(?:로|길|거리|동|읍|면|리|가)[ \t]*(?:산[ \t]?)?(?:지하[ \t]?)?\d"))
    PATTERNS = [
        Pattern("kr_road_address", ROAD_ADDRESS, 0.7),
        Pattern("kr_province_road_address", PROVINCE_ROAD_ADDRESS, 0.8),
        Pattern("kr_lot_address", LOT_ADDRESS, 0.7),
        Pattern("kr_bare_lot_address", BARE_LOT_ADDRESS, 0.6),
        Pattern("kr_apartment_unit", APARTMENT_UNIT, 0.7),
    ]
    CONTEXT = ["주소", "거주", "사는", "살아", "배송", "우편", "자택", "집", "address"]

    def __init__(self):
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="KoreanAddressRecognizer")


class ForeignAddressRecognizer(PatternRecognizer):
    # Every pattern holds a number, except the Chinese one, which holds Han characters; and a number
    # before a capitalised street (12 Main St, 5, Teheran-ro), a romanised road word, a unit word
    # before a number, or a Chinese street / Japanese prefecture or ward character.
    TEXT_GATES = (gates.gate(r"\d|[\u4e00-\u9fff]"),
                  gates.gate(r"(?-i:\d[A-Z]?,?[ \t]+[A-Z])|-(?:daero|ro|gil)|(?:apt\.?|apartment|suite|room|unit|flat)"
                             r"[ \t]*#?[ \t]*\d|[路街道巷村镇都府県区市号號]|胡同"))
    PATTERNS = [
        Pattern("us_street_address", US_ADDRESS, 0.7),
        Pattern("us_any_street_with_city", US_ANY_STREET, 0.7),
        Pattern("kr_romanised_address", ROMAN_KR_ADDRESS, 0.7),
        Pattern("room_number", ROOM, 0.5),
        Pattern("cn_address", CN_ADDRESS, 0.75),
        Pattern("cn_street_address", CN_STREET_ADDRESS, 0.7),
        Pattern("jp_address", JP_ADDRESS, 0.7),
        Pattern("jp_ward_address", JP_WARD_ADDRESS, 0.7),
        Pattern("jp_grid_address", JP_GRID_ADDRESS, 0.7),
        Pattern("jp_chome_address", JP_CHOME_ADDRESS, 0.7),
    ]
    CONTEXT = ["address", "live", "stay", "hotel", "주소", "地址", "住所", "住址"]

    def __init__(self):
        # Case matters: capitalised words are what tells "123 Main Street" from "3 more days".
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="ForeignAddressRecognizer", global_regex_flags=regex.DOTALL | regex.MULTILINE)


RECOGNIZERS = [KoreanAddressRecognizer, ForeignAddressRecognizer]
