"""ADDRESS in Thai, Vietnamese, Indonesian and Mongolian: a chain of two or more of the parts each
writes with its own words, so one part alone (ถนนสุขุมวิท, Quận 1, Jakarta) stays a place name.

- Thai: house number (123/45, บ้านเลขที่ 88), หมู่/ม. N, ซอย/ซ., ถนน/ถ., ตำบล/ต./แขวง, อำเภอ/อ./เขต,
  จังหวัด/จ. and a five-digit postcode (123/45 หมู่ 5 ต.บางพระ อ.ศรีราชา จ.ชลบุรี 20110);
- Vietnamese: the flat, floor and building before them (Căn hộ 12A, Chung cư Sao Mai, Tầng 3), house
  number and street (25 Lê Lợi), then Phường/P., Quận/Q., Huyện, Xã, TP./Thành phố, Tỉnh (25 Lê Lợi,
  Phường 7, Quận 5, TP. Hồ Chí Minh);
- Indonesian: Jl./Jalan/Gg. name No. N, RT/RW, Kel./Kec./Kab./Kota name, a postcode;
- Mongolian: a district (… дүүрэг), a khoroo, building or flat (8-р хороо, 12-р байр, 34 тоот);
- Macau in Portuguese: Rua/Avenida/Travessa … and a house number, then a building (Edifício …), a floor
  (3 andar, 5.º andar) and a flat, and the district (Macau, Taipa, Coloane). Its Han form is read with
  the Chinese street address in anonymise.recognizers.address.
"""
from __future__ import annotations

from presidio_analyzer import Pattern

from anonymise.recognizers import gates
from anonymise.recognizers.address_patterns import AddressPatternRecognizer

SEPARATOR = r"[ \t]*,?[ \t]*"

THAI_NAME = r"[\u0e00-\u0e7f]+"
TH_PART = (r"(?:(?:บ้านเลขที่|เลขที่)[ \t]?\d{1,4}(?:/\d{1,4})?|(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])|หมู่(?:ที่)?[ \t]?\d{1,2}|"
           rf"ม\.[ \t]?\d{{1,2}}|(?:ซอย|ซ\.)[ \t]?(?:{THAI_NAME}|\d{{1,3}})(?:[ \t]?\d{{1,3}})?|(?:ถนน|ถ\.)[ \t]?{THAI_NAME}|"
           rf"(?:ตำบล|ต\.|แขวง)[ \t]?{THAI_NAME}|(?:อำเภอ|อ\.|เขต)[ \t]?{THAI_NAME}|(?:จังหวัด|จ\.)[ \t]?{THAI_NAME}|"
           # a village estate (หมู่บ้านสวนสวย) and Bangkok without จังหวัด
           rf"หมู่บ้าน[ \t]?{THAI_NAME}|กรุงเทพ(?:ฯ|มหานคร)?|กทม\.?|"
           r"(?<!\d)\d{5}(?!\d))")

VI_WORDS = r"\p{Lu}\p{Ll}*(?:[ \t]\p{Lu}\p{Ll}*){0,3}"
VI_PART = (rf"(?:(?:[Ss]ố[ \t])?(?<![\d/])\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?[ \t](?:(?:[Đđ]ường|[Pp]hố)[ \t])?{VI_WORDS}|"
           rf"(?:[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]hu[ \t]phố|KP\.|[Tt]ổ|[Ấấ]p|[Tt]hôn)[ \t]?(?:\d{{1,4}}|{VI_WORDS})|"
           rf"(?:Phường|P\.|Quận|Q\.|Huyện|Xã|Thị[ \t]xã|Thị[ \t]trấn|TP\.|Tp\.|Thành[ \t]phố|Tỉnh)[ \t]?(?:\d{{1,2}}|"
           r"\p{Lu}{2,4}(?!\p{L})|"  # TP.HCM, TP. HN
           rf"{VI_WORDS})|"
           # the flat, floor and block and the building's name before the street (Căn hộ B-803, Chung cư Sao Mai),
           # capitalised as an address writes them (a clinic's phòng 3, tầng 2 in a sentence stay)
           r"(?:[Cc]ăn[ \t]hộ|Phòng|Tầng|Lầu|Tòa|Block|Lô)[ \t]?(?:số[ \t])?[A-Z0-9]{1,4}(?:[-.][A-Z0-9]{1,4})?(?![\p{L}\d])|"
           rf"(?:[Cc]hung[ \t]cư|[Tt]òa[ \t]nhà|[Cc]ao[ \t]ốc|[Kk]hu[ \t]đô[ \t]thị|[Kk]hu[ \t]căn[ \t]hộ)[ \t]+{VI_WORDS}(?:[ \t][A-Z0-9]{{1,3}}(?![\p{{L}}\d]))?)")

ID_WORDS = r"\p{Lu}[\p{L}.']*(?:[ \t]\p{Lu}\p{L}*){0,3}"
ID_PART = (rf"(?:(?:Jl\.|Jln\.|Jalan|Gg\.|Gang)[ \t]?{ID_WORDS}(?:[ \t]?,?[ \t]?No\.?[ \t]?\d{{1,4}}[A-Za-z]?)?|"
           r"RT\.?[ \t]?\d{1,3}[ \t]?/[ \t]?RW\.?[ \t]?\d{1,3}|RT\.?[ \t]?\d{1,3}|RW\.?[ \t]?\d{1,3}|"
           rf"(?:Kel\.|Kelurahan|Kec\.|Kecamatan|Desa|Kab\.|Kabupaten|Kota)[ \t]{ID_WORDS}|(?<!\d)\d{{5}}(?!\d))")

MN_PART = (r"(?:\p{Lu}\p{Ll}+[ \t](?:дүүрэг|аймаг|сум|хороолол)|\d{1,3}(?:-р|-р)?[ \t](?:хороо|хороолол|байр|гудамж)|"
           r"\d{1,4}[ \t]тоот|(?:байр|тоот)[ \t]\d{1,4})")

PT_WORDS = r"\p{Lu}[\p{L}'.-]*(?:[ \t]+(?:(?:de|da|do|dos|das|e)[ \t]+)?\p{Lu}[\p{L}'.-]*){0,4}"
PT_STREET = (r"(?<!\p{L})(?:Rua|Avenida|Av\.|Travessa|Estrada|Calçada|Largo|Beco|Praça|Alameda|Rampa|Pátio|Caminho)"
             rf"[ \t]+(?:(?:de|da|do|dos|das)[ \t]+)?{PT_WORDS},?[ \t]*(?:n\.?[º°o]\.?[ \t]*)?\d{{1,4}}[A-Z]?(?:-\d{{1,4}})?(?!\d)")
PT_PART = (rf"(?:(?:Edifício|Edif\.|Ed\.|Bloco|Torre|Prédio|Jardim)[ \t]+{PT_WORDS}|"
           r"\d{1,2}[ \t]?(?:\.?[º°o])?[ \t]?andar(?:[ \t]+[A-Z0-9]{1,3}(?![\p{L}\d]))?|(?:andar|Bloco|Flat|Apt\.?)[ \t]?[A-Z0-9]{1,3}(?![\p{L}\d])|"
           r"(?:Macau|Macao|Taipa|Coloane|Cotai)(?!\p{L}))")

class ThaiAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"[\u0e00-\u0e7f]"))
    PATTERNS = [Pattern("th_address", rf"{TH_PART}(?:{SEPARATOR}{TH_PART})+", 0.8)]


class VietnameseAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.gate(r"phường|p\.|quận|q\.|huyện|xã|tp\.|thành phố|tỉnh|ngõ|hẻm|thôn|căn hộ|chung cư|tòa|tầng"),)
    PATTERNS = [Pattern("vi_address", rf"{VI_PART}(?:{SEPARATOR}{VI_PART})+", 0.8)]


class IndonesianAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.gate(r"jl\.|jln\.|jalan|gg\.|gang|\brt\b|\brw\b|kel\.|kec\.|kab\.|kelurahan|kecamatan"),)
    PATTERNS = [Pattern("id_address", rf"{ID_PART}(?:{SEPARATOR}{ID_PART})+", 0.8)]


class MongolianAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.gate(r"дүүрэг|аймаг|хороо|байр|тоот"),)
    PATTERNS = [Pattern("mn_address", rf"{MN_PART}(?:{SEPARATOR}{MN_PART})+", 0.8)]


class MacauAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"rua|avenida|av\.|travessa|estrada|calçada|largo|beco|praça|alameda|rampa|"
                                          r"pátio|caminho"))
    PATTERNS = [Pattern("pt_macau_address", rf"{PT_STREET}(?:{SEPARATOR}{PT_PART})*", 0.75)]


RECOGNIZERS = [ThaiAddressRecognizer, VietnameseAddressRecognizer, IndonesianAddressRecognizer,
               MongolianAddressRecognizer, MacauAddressRecognizer]
