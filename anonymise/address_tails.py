"""What stands right after (or before) an address a recognizer found and belongs to the same home.

People go on writing after the street: the estate or building and its block, floor and flat
(…道88號明珠苑 B座 10樓 5室, 和平東路100號 富貴大廈 5樓之3), the Singapore floor-unit and postcode
(… Street 42 #08-123, Singapore 520456), a Japanese building and floor glued to the block number
(六本木6-10-1山田商事ビル5階), an Indian address's building, estate and locality before the city and
its PIN (Flat 12, Lotus Heights, Rose Gardens, Andheri West, Mumbai 400058), a Hong Kong district and
territory (…Road, Sheung Wan, Hong Kong); and before it the Singapore block (Blk 456) and, in English,
a Hong Kong flat, floor, block and estate (Flat B, 15/F, Block 3, Harbour View Garden, 88 Tai Po Road). Each of these alone is no address (5樓, Heights, #08-123), so they count
only beside a found one (so do the North-American unit, town, state and ZIP after the street, and the
unit before its number: 502-1234 W 4th Avenue #502, Vancouver, BC V6K 1A1); a unit left standing is a strict-recall leak, so the span grows over them.
Plain ``re``: spans are extended on the normalised text, before overlaps are resolved.
"""
from __future__ import annotations

import re

HAN = r"\u4e00-\u9fff\u3400-\u4dbf"
KANA = r"\u3040-\u30ff"
GAP = r"[ \t\u3000]*[,，、]?[ \t\u3000]*"
# An estate or building in Han script: a short name and the word for what it is.
# Its name holds no grammar character (旁边的商场 is a sentence going on, not a building).
NAME_CHAR = rf"(?:(?![的我你他她在是了和与與就也都要去来來])[{HAN}A-Za-z])"  # SOHO现代城
HAN_BUILDING = (rf"{NAME_CHAR}{{1,8}}?(?:花園|花园|大廈|大厦|大樓|大楼|中心|廣場|广场|商場|商场|公寓|小區|小区|新村|山莊|山庄|"
                rf"苑|邨|閣|阁|軒|轩|樓|楼|臺|台|居|城|廈|厦|庭|園|园|峰)(?![{HAN}])")
# Block, phase, floor, flat and shop (3座, 2期, 15樓, 20字樓, 5樓之3, 12樓C, B室, 1203室, 8/F).
HAN_UNIT = (r"(?:[A-Za-z0-9]{1,4}[座栋棟幢塔]|第?[0-9一二三四五六七八九十]{1,3}期|"
            r"[0-9]{1,3}(?:字樓|字楼|/F|F|樓|楼|層|层)(?:之[0-9]{1,3}|-[0-9]{1,2}(?![0-9])|[A-Za-z](?![A-Za-z室])|[0-9]{1,4}(?:室|號室|号室))?|"
            r"(?:[A-Za-z]{1,2}[0-9]{0,4}|[0-9]{1,4}[A-Za-z]?)(?:室|號室|号室|號舖|号铺|舖|铺)|"
            # 2单元501: the flat's bare number after the stairway's
            r"[0-9]{1,4}(?:单元|單元|単元)(?:[0-9]{2,4}(?![0-9])(?:室|号|號)?)?|[0-9]{1,4}(?:號樓|号楼)|"
            # …2|単元301号: the stairway word and flat after a number the address already took
            r"(?<=[0-9])(?:单元|單元|単元)[0-9]{2,4}(?![0-9])(?:室|号|號)?|"
            # 302号房, 3號房: a flat called a room
            r"[0-9]{1,4}(?:号房|號房))")
# Japanese: a building glued to the block number or after a space, its floor and room (サンハイツ302号室, 5階).
JP_BUILDING = (rf"[{HAN}{KANA}A-Za-z]{{1,14}}?(?:ビル|ビルディング|マンション|ハイツ|コーポ|レジデンス|タワー|ハウス|"
               r"アパート|荘|会館|センター|プラザ|商事|株式会社|事務所)")
JP_UNIT = r"(?:[0-9]{1,3}(?:階|F)(?:[0-9]{1,4}号室?)?|[0-9]{1,5}号室)"
# A bare room number only right after the building's name (サクラビル201).
JP_BUILDING_ROOM = rf"{JP_BUILDING}(?:[ \t]?(?:{JP_UNIT}|[0-9]{{2,5}}(?![0-9])))?"
# Singapore: a street's number before the unit (Tampines Street 42 #08-123), the unit, the postcode.
SG_STREET_NUMBER = r"[ \t]+[0-9]{1,3}[A-Z]?(?=,?[ \t]*(?:#[0-9]|Singapore))"
SG_UNIT = r",?[ \t]*#[ \t]?[0-9]{1,3}-[0-9]{1,5}[A-Za-z]?(?![0-9])"
SG_POSTCODE = r",?[ \t]*(?:Singapore|S'pore|SINGAPORE)[ \t]*\(?[0-9]{6}\)?(?![0-9])"
SG_BLOCK_BEFORE = re.compile(r"(?<![A-Za-z])(?:Blk|BLK|blk|Block|Bk)\.?[ \t]*$")
# India: comma-separated named parts (building, estate, locality, city) ending in a six-digit PIN.
LATIN_PART = r"[A-Z][A-Za-z.'’-]*(?:[ \t]+(?:[A-Z][A-Za-z.'’-]*|[0-9]{1,3}(?![0-9])))*"
IN_PARTS_TO_PIN = rf"(?:,[ \t]*{LATIN_PART}){{1,6}}[ \t]*[-–,]?[ \t]*[0-9]{{3}}[ \t]?[0-9]{{3}}(?![0-9])"
IN_BUILDING_WORDS = (r"(?:Heights|Towers?|Residency|Residences|Apartments?|Enclave|Gardens?|Nagar|Colony|Society|"
                     r"Complex|Layout|Vihar|Estate|Mansion|Villas?|Niwas|Sadan|Bhavan|Court|Plaza|Park)")
IN_BUILDING = rf",[ \t]*(?:[A-Z][A-Za-z.'’-]*[ \t]+){{1,3}}{IN_BUILDING_WORDS}(?![A-Za-z])"

# North America: the unit after the street (1234 W 4th Avenue #502, 88 Pine St, Apt 3B, Suite 210), then the
# town, state or province and ZIP or postal code (, Vancouver, BC V6K 1A1; , Austin, TX 78701); before the
# number, a unit joined by a hyphen (502-1234 W 4th Avenue).
NA_UNIT = (r",?[ \t]*(?:#[ \t]?[0-9]{1,5}[A-Za-z]?|(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Fl|Floor)\.?[ \t]*#?[ \t]?"
           r"[0-9]{1,5}[A-Za-z]?|(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room)\.?[ \t]*[A-Z](?![A-Za-z]))(?![\w-])")
NA_POSTCODE = r"(?:[0-9]{5}(?:-[0-9]{4})?|[A-Z][0-9][A-Z][ \t]?[0-9][A-Z][0-9])(?![A-Za-z0-9])"
NA_TOWN_STATE = (rf",[ \t]*{LATIN_PART},?[ \t]+(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|"
                 r"MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|BC|AB|SK|MB|ON|QC|NB|NS|PE|"
                 rf"NL|YT|NT|NU)(?:[ \t]+{NA_POSTCODE})?(?![A-Za-z0-9])")
NA_UNIT_BEFORE = re.compile(r"(?<![\w#-])(?:#[ \t]?)?[0-9]{1,5}[A-Za-z]?[ \t]?-[ \t]?$")
# Before a town, state and postcode a recognizer found, the street it belongs to (4821 W 7th Avenue #502, | Vancouver).
NA_STREET_BEFORE = re.compile(r"(?<![\w-])(?:[0-9]{1,5}[A-Za-z]?-)?[0-9]{1,6}[ \t]+(?:(?:[NSEW]\.?|NE|NW|SE|SW)[ \t]+)?"
                              r"(?:[A-Z0-9][\w'’-]*[ \t]+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|"
                              r"Ln|Way|Court|Ct|Place|Pl|Terrace|Crescent|Highway|Hwy|Parkway|Pkwy)\.?"
                              r"(?:[ \t]*#[ \t]?[0-9]{1,5}[A-Za-z]?|,?[ \t]*(?:Apt|Suite|Unit|Ste)\.?[ \t]*#?[0-9A-Z]{1,5})?"
                              r",[ \t]*$")
# A house number and a compass letter left before the street a recognizer found (1234 W | 4th Avenue).
NA_NUMBER_BEFORE = re.compile(r"(?<![\w-])[0-9]{1,6}[ \t]+(?:[NSEW]\.?|NE|NW|SE|SW)[ \t]+$")

# Kazakh and Russian: the flat after the house (…10, 34 пәтер; 45-үй, 12-пәтер; кв. 45).
CYRILLIC_FLAT = r",?[ \t]*(?:(?:кв|пәтер|оф)\.?[ \t]?[0-9]{1,4}[а-я]?|[0-9]{1,4}[ \t]?-?[ \t]?(?:пәтер|үй|кв\.?))(?![\w])"

# A building after a comma only when its unit follows (…201號, 金輝閣, 9樓D): else the sentence may go on.
# Hong Kong and Macau in English: the district and territory after the street (…Road, Sheung Wan, Hong Kong),
# and before it the flat, floor, block and estate (Flat B, 15/F, Block 3, Harbour View Garden, 88 Tai Po Road).
HK_TERRITORY = r"(?:Hong Kong|Kowloon|New Territories|N\.T\.|H\.K\.|HK|Macau|Macao|Taipa|Coloane)(?![A-Za-z])"
HK_DISTRICT_TAIL = rf"(?:[ \t]+(?:Central|East|West|North|South))?(?:,[ \t]*{LATIN_PART}){{0,2}},?[ \t]*{HK_TERRITORY}"
HK_PART = (r"(?:(?:Flat|Rm\.?|Room|Unit|Shop|Suite)[ \t]*[A-Z0-9]{1,4}|\d{1,2}/F|(?:\d{1,2}(?:st|nd|rd|th)|G/F)[ \t]+Floor|"
           r"(?:Block|Blk|Tower|Phase|Wing)[ \t]*[A-Z0-9]{1,3}|"
           r"(?:[A-Z][A-Za-z'’-]*[ \t]+){1,4}(?:Gardens?|Court|Mansion|Building|Bldg\.?|Centre|Center|Estate|Plaza|Towers?|"
           r"House|Villas?|Heights|Terrace|Apartments?|Residences?|Residency|Garden))")
HK_PARTS_BEFORE = re.compile(rf"(?<![A-Za-z0-9])(?:{HK_PART}[ \t]*,[ \t]*)+$")
# The flat's bare number right after its stairway, block or floor (3栋2单元|501, A座|1208, 3层|305).
HAN_BARE_FLAT = (r"(?:(?:(?<=单元)|(?<=單元)|(?<=単元)|(?<=[栋棟幢座塔]))[0-9]{2,4}|(?<=[层層楼樓])[0-9]{3,4})"
                 r"(?![0-9元块塊万萬%])(?:室|号|號)?")
TAILS = [re.compile(rf"[ \t\u3000]*{HAN_BUILDING}|{GAP}{HAN_BUILDING}(?={GAP}{HAN_UNIT})"), re.compile(GAP + HAN_UNIT),
         re.compile(HAN_BARE_FLAT)] + \
    [re.compile(r"[ \t\u3000]?" + p) for p in (JP_BUILDING_ROOM, JP_UNIT)] + \
    [re.compile(p) for p in (SG_STREET_NUMBER, SG_UNIT, SG_POSTCODE, IN_PARTS_TO_PIN, IN_BUILDING, HK_DISTRICT_TAIL,
                             NA_UNIT, NA_TOWN_STATE, CYRILLIC_FLAT)]
HAN_OR_KANA_TAILS = TAILS[:5]  # the Han and Japanese ones
HAN_OR_KANA = re.compile(rf"[{HAN}{KANA}]")


def address_end(text: str, end: int) -> int:
    """Where the address ending at ``end`` really ends, once every tail right after it is taken."""
    grown = True
    while grown:
        grown = False
        # Han and Japanese tails only after an address written in Han or Kana (5F after "Rd 12" is not).
        han = end > 0 and HAN_OR_KANA.search(text, max(0, end - 6), end) is not None
        for tail in TAILS:
            if tail in HAN_OR_KANA_TAILS and not han:
                continue
            match = tail.match(text, end)
            if match and match.end() > end:
                end, grown = match.end(), True
                break
    return end


def address_start(text: str, start: int) -> int:
    """Where the address starting at ``start`` really starts: the Singapore block word before its number,
    the Hong Kong flat, floor, block and estate before the street."""
    street = NA_STREET_BEFORE.search(text, max(0, start - 90), start) if text[start:start + 1].isupper() else None
    if street:
        start = street.start()
    number = NA_NUMBER_BEFORE.search(text, max(0, start - 12), start)
    if number and start < len(text) and text[start].isalnum():
        start = number.start()
    if start < len(text) and text[start].isdigit():
        match = SG_BLOCK_BEFORE.search(text, max(0, start - 8), start) or NA_UNIT_BEFORE.search(text, max(0, start - 9), start)
        if match:
            start = match.start()
    match = HK_PARTS_BEFORE.search(text, max(0, start - 160), start)
    return match.start() if match else start
