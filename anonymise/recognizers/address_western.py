"""ADDRESS outside Korea, the parts anonymise.recognizers.address does not read: postcodes and the
town-and-postcode line of UK, Canadian, Australian and US addresses, PO boxes, German, Swiss and
Austrian streets (Hauptstraße 5, 10115 Berlin; Bahnhofstrasse 12, 8001 Zürich), whose number follows
the street; a postcode after its cue (billing zip 98107, PLZ 8001); plot/sector/house numbers
(Plot 12, Sector 7; Haus 4); Russian and other Slavic addresses in Cyrillic or romanised
(г. Казань, ул. Ленина, д. 5, кв. 12, 420111; ul. Polna 5/3, 00-950 Warszawa; vul. Franka 22); French,
Spanish, Italian and Dutch streets (15 rue de la Paix, 75002 Paris; Calle Mayor 12, 3º B; Keizersgracht 12).

Postcodes count where their shape cannot be anything else (the UK's SW1A 1AA, Canada's K1M 1M4,
Japan's 〒150-0002) or beside a state or town (Sydney NSW 2000, Seattle, WA 98101, 10115 Berlin).
Case matters: capitals are what tells "NSW 2000" from "now 2000".
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.address_fragments import STREET_TYPES
from anonymise.recognizers import gates
from anonymise.recognizers.address_patterns import AddressPatternRecognizer

TOWN = r"[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2}"
UK_POSTCODE = r"(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ \t]?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])"
CA_POSTCODE_BODY = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d"
CA_POSTCODE = rf"(?<![A-Za-z0-9]){CA_POSTCODE_BODY}(?![A-Za-z0-9])"
CA_PROVINCE = r"(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)"
AU_STATE = r"(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)"
US_STATE = (r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|"
            r"V[AIT]|W[AIVY])")
DE_STREET_SUFFIX = r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|steig|pfad)"
DE_STREET = (rf"(?<![A-Za-zÄÖÜäöüß])[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*{DE_STREET_SUFFIX}[ \t]+\d{{1,4}}[a-z]?"
             r"(?![\d])")
DE_PLZ_TOWN = r"(?<!\d)\d{4,5}[ \t]+[A-ZÄÖÜ][a-zäöüß]+(?:[ \t-][A-ZÄÖÜ][a-zäöüß]+)?"


class UkAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"(?-i:[A-Z]\d[A-Z\d]?[ \t]?\d[A-Z]{2})"),)
    PATTERNS = [Pattern("uk_town_postcode", rf"(?<![A-Za-z]){TOWN},?[ \t]+{UK_POSTCODE}", 0.7),
                Pattern("uk_postcode", UK_POSTCODE, 0.55)]
    CONTEXT = ["postcode", "address", "live", "flat", "street", "road", "uk", "london"]


class CanadianAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"(?-i:[A-Z]\d[A-Z])"),)
    PATTERNS = [Pattern("ca_town_province_postcode", rf"(?<![A-Za-z]){TOWN},?[ \t]+{CA_PROVINCE}[ \t]+{CA_POSTCODE}", 0.8),
                Pattern("ca_postcode", CA_POSTCODE, 0.6)]
    CONTEXT = ["postal", "address", "canada", "live"]


class AustralianAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(rf"(?-i:{AU_STATE})[ \t]+\d{{4}}|\d/\d"),)
    PATTERNS = [Pattern("au_town_state_postcode", rf"(?<![A-Za-z]){TOWN},?[ \t]+{AU_STATE}[ \t]+\d{{4}}(?!\d)", 0.75),
                # 5/12 Smith St: unit 5 of number 12
                Pattern("au_unit_street", r"(?<![\d/])\d{1,4}/\d{1,5}[A-Z]?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}"
                                          r"(?:St|Street|Rd|Road|Ave|Avenue|Pde|Parade|Cres|Crescent|Dr|Drive|Hwy|Tce|Pl|Ct|Ln)\.?(?![A-Za-z])", 0.75)]
    CONTEXT = ["address", "australia", "live", "stay"]


class UsPostalRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"(?-i:[A-Z]{2})[ \t]+\d{5}|box[ \t]+\d"),)
    PATTERNS = [Pattern("us_town_state_zip", rf"(?<![A-Za-z]){TOWN},[ \t]*{US_STATE}[ \t]+\d{{5}}(?:-\d{{4}})?(?!\d)", 0.75),
                Pattern("po_box", r"(?i:(?<![A-Za-z])P\.?[ \t]?O\.?[ \t]?Box)[ \t]+\d{1,6}(?!\d)", 0.7)]
    CONTEXT = ["address", "mail", "zip", "live", "ship"]


# "12 elm st apt 3, springfield il 62701": a North American address typed in lower case. Without capitals a
# house number, words and a street type are no address on their own (3 laps around the park), so a unit or
# the town, state or province and postcode must follow.
_LC_WORD = r"[A-Za-z][A-Za-z'.-]*"
LC_STREET = (rf"(?<![A-Za-z0-9_])\d{{1,6}}[A-Za-z]?[ \t]+(?:{_LC_WORD}[ \t]+){{1,4}}(?i:{'|'.join(STREET_TYPES)})\.?"
             r"(?![A-Za-z])(?:[ \t]+(?i:north|south|east|west|[nsew]|ne|nw|se|sw)\.?(?![A-Za-z]))?")
LC_UNIT = r"(?:,?[ \t]*(?i:apt\.?|apartment|suite|ste\.?|unit|#)[ \t]*#?[A-Za-z0-9-]{1,6}(?![A-Za-z0-9]))"
LC_TOWN_STATE_POSTCODE = (rf"(?:,?[ \t]*(?:{_LC_WORD}[ \t]+){{1,3}}(?i:{US_STATE}|{CA_PROVINCE}),?[ \t]+"
                          rf"(?:\d{{5}}(?:-\d{{4}})?|(?i:{CA_POSTCODE_BODY}))(?![A-Za-z0-9]))")


class LowerCaseNorthAmericanAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"\d{5}|[a-z]\d[a-z][ \t]?\d|apt|apartment|suite|ste|unit|#"))
    PATTERNS = [Pattern("na_lower_case_street_town", rf"{LC_STREET}{LC_UNIT}?{LC_TOWN_STATE_POSTCODE}", 0.7),
                Pattern("na_lower_case_street_unit", rf"{LC_STREET}{LC_UNIT}", 0.6)]
    CONTEXT = ["address", "live", "ship", "mail"]


class GermanAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(rf"{DE_STREET_SUFFIX}[ \t]+\d|\d{{5}}[ \t]+[A-ZÄÖÜ]"))
    PATTERNS = [Pattern("de_street", rf"{DE_STREET}(?:,?[ \t]*{DE_PLZ_TOWN})?", 0.7),
                # "Am Markt 3, 20095 Hamburg": any street, then postcode and town
                Pattern("de_any_street_plz_town", r"(?<![A-Za-zÄÖÜäöüß])[A-ZÄÖÜ][a-zäöüß]+(?:[ \t][A-ZÄÖÜ]?[a-zäöüß]+){0,2}[ \t]+"
                                                  rf"\d{{1,4}}[a-z]?,[ \t]*{DE_PLZ_TOWN}", 0.7)]
    CONTEXT = ["adresse", "wohne", "address", "straße", "live"]


POSTCODE_CUE = r"(?i:(?:billing[ \t]+|home[ \t]+|my[ \t]+)?(?:zip(?:[ \t]?code)?|postal[ \t]?code|post[ \t]?code|PLZ|CAP|CEP|индекс|почтовый[ \t]индекс|mã[ \t]bưu[ \t]chính|รหัสไปรษณีย์))"
POSTCODE = r"(?:\d{5}(?:-\d{4})?|\d{6}|\d{4}|\d{3}-\d{4}|\d{2}-\d{3})"
# One part of a Cyrillic address: a town, street, house, flat or postcode with its abbreviation.
RU_NAMED_PART = (r"(?:г\.|гор\.|город|ул\.|улица|пр\.|пр-т|проспект|пер\.|переулок|пл\.|наб\.|ш\.|шоссе|б-р|бульвар|"
                 r"мкр\.?|микрорайон|обл\.|область|р-н|пос\.|с\.|дер\.)[ \t]*[А-ЯЁ0-9][\w.-]*(?:[ \t][А-ЯЁ][\w-]*){0,2}"
                 # проспект Абая 150/230, улица Навои 28а: the house number after the street's name
                 r"(?:[ \t]+\d{1,4}[а-яА-Я]?(?:/\d{1,4})?(?![\d/]))?")
RU_NUMBER_PART = r"(?:д\.|дом|кв\.|квартира|корп\.|к\.|стр\.|строение|оф\.|офис|эт\.)[ \t]*\d{1,4}[а-яА-Я]?(?:/\d{1,4})?"
RU_PART = rf"(?:{RU_NAMED_PART}|{RU_NUMBER_PART}|(?<!\d)\d{{6}}(?!\d))"
# Romanised Slavic streets: ul. Polna 5/3, vul. Khreshchatyk 22, pr. Mira 10, al. Jerozolimskie 44.
SLAVIC_STREET = (r"(?<![A-Za-z])(?:ul\.|ulica|ulitsa|vul\.|vulytsia|pr\.|prospekt|pr-t|al\.|aleja|os\.|pl\.|nab\.|per\.)"
                 r"[ \t]*[A-ZŁŚŻŹĆŃÓ][\wąćęłńóśźż'-]*(?:[ \t][A-ZŁŚŻŹĆŃÓ][\wąćęłńóśźż'-]*){0,2}[ \t]+\d{1,4}[a-zA-Z]?"
                 r"(?:/\d{1,4})?(?:,?[ \t]*(?:kv\.|m\.|apt\.?)[ \t]*\d{1,4})?"
                 r"(?:,[ \t]*(?:\d{2}-\d{3}[ \t]+)?[A-ZŁŚŻ][\wąćęłńóśźż-]+(?:[ \t]+\d{5,6})?)?")

# Kazakh streets: the name before the street word, then the house (Абай көшесі 45-үй, Сарыарқа даңғылы 12).
KAZAKH_STREET = (r"[А-ЯЁӘӨҮҰҚҒҢҺІ][\w-]*(?:[ \t][А-ЯЁӘӨҮҰҚҒҢҺІ][\w-]*)?[ \t]+(?:көшесі|даңғылы|шағын[ \t]ауданы)"
                 r",?[ \t]*\d{1,4}[а-я]?(?:/\d{1,4})?(?:-?[ \t]?үй)?(?![\w/])")


class PostcodeAfterCueRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(POSTCODE_CUE))
    PATTERNS = [Pattern("postcode_after_cue", rf"(?<={POSTCODE_CUE}[ \t]*(?:is|was|:|#|=|-)?[ \t]*){POSTCODE}(?!\d)", 0.8)]


class PlotAndHouseRecognizer(AddressPatternRecognizer):
    """Plot 12, Sector 7, Gurugram; House No. 5; Haus 4; Block C-12: numbered lots people live on."""
    TEXT_GATES = (gates.DIGIT, gates.gate(r"plot|sector|house|haus|block|phase|khasra|h\.\s?no"))
    PART = r"(?:Plot|Sector|House|Haus|Block|Phase|Khasra|H\.[ \t]?No\.?)(?:[ \t]+No\.?)?[ \t]*#?[ \t]*[A-Z]?-?\d{1,4}[A-Z]?"
    PATTERNS = [Pattern("plot_sector", rf"(?i:{PART}(?:,?[ \t]+{PART})*)(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?", 0.7)]


class SlavicAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"[а-яё]\.|ul\.|vul\.|pr\.|al\.|ulica|ulitsa|prospekt|индекс|\d{6}|улица|"
                                          r"проспект|переулок|микрорайон|квартира|город|шоссе|бульвар|дом|көшесі|даңғылы"))
    PATTERNS = [Pattern("ru_address", rf"{RU_PART}(?:[ \t]*,[ \t]*{RU_PART})+", 0.8),
                Pattern("ru_street_house", rf"(?:ул\.|улица|пр-т|проспект|пр\.|переулок|пер\.|бульвар|б-р|шоссе|мкр\.?|"
                                           rf"микрорайон)[ \t]*[А-ЯЁ][\w-]*(?:[ \t][А-ЯЁ][\w-]*)?"
                                           rf",?[ \t]*(?:д\.|дом)?[ \t]*\d{{1,4}}[а-я]?(?:/\d{{1,4}})?"
                                           rf"(?:,?[ \t]*(?:кв\.|квартира|оф\.|офис)[ \t]*\d{{1,4}})?", 0.75),
                Pattern("slavic_street", SLAVIC_STREET, 0.75),
                Pattern("kazakh_street_house", KAZAKH_STREET, 0.75)]


# French, Spanish, Italian and Dutch streets: the French number before the street (15 rue de la Paix,
# 75002 Paris), the others after it (Calle Mayor 12, 3º B, 28013 Madrid; Via Roma 8; Keizersgracht 12,
# 1015 CX Amsterdam). The street word must be followed by a capitalised name and the number.
ROMANCE_LINK = r"(?:(?:de|del|de[ \t]la|du|des|la|le|les|dei|della|di|do|da)[ \t]+|l'|d')?"
ROMANCE_NAME = rf"{ROMANCE_LINK}[A-ZÀ-Ý][\w'’-]+(?:[ \t]+{ROMANCE_LINK}[A-ZÀ-Ý][\w'’-]+){{0,3}}"
FR_STREET = (r"(?<![\w])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai|"
             rf"route|cours)[ \t]+{ROMANCE_NAME}(?:,?[ \t]*\d{{5}}[ \t]+[A-ZÀ-Ý][\w'’-]+)?")
ES_IT_STREET = (r"(?<![\w])(?:Calle|C/|Avenida|Avda\.?|Paseo|Plaza|Carrer|Camino|Ronda|Via|Viale|Piazza|Corso|Vicolo)"
                rf"[ \t]+{ROMANCE_NAME},?[ \t]*(?:n[º°o]\.?[ \t]*)?\d{{1,4}}[A-Za-z]?(?![\w])"
                r"(?:,[ \t]*\d{1,2}[º°ª]?[ \t]?[A-Z]?(?![\w]))?(?:,?[ \t]*\d{5}[ \t]+[A-ZÀ-Ý][\w'’-]+)?")
NL_STREET = (r"(?<![\w])[A-Z][a-z]+(?:straat|weg|laan|gracht|plein|kade|singel|dijk)[ \t]+\d{1,4}[a-z]?(?![\w])"
             r"(?:,?[ \t]*\d{4}[ \t]?[A-Z]{2}[ \t]+[A-Z][a-z]+)?")


class RomanceAndDutchAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai|route|cours|calle|c/|"
                                          r"avenida|avda|paseo|plaza|carrer|camino|ronda|via|viale|piazza|corso|vicolo|straat|"
                                          r"weg|laan|gracht|plein|kade|singel|dijk"))
    PATTERNS = [Pattern("fr_street", FR_STREET, 0.7), Pattern("es_it_street", ES_IT_STREET, 0.7),
                Pattern("nl_street", NL_STREET, 0.7)]


# India: a flat or house number, then comma-separated building, road, locality and city up to the six-digit
# PIN (502, Sai Krupa Apartments, MG Road, Pune 411001; Flat No. 12, Shanti Kunj, 4th Cross, Bengaluru - 560038).
# The PIN after two or more named parts is what says address; the number may stand alone (502, A-1203).
IN_WORD = r"(?:[A-Z][A-Za-z.'’-]*|\d{1,3}(?:st|nd|rd|th)|\d{1,3}(?![\d,]))"
IN_PART = rf"{IN_WORD}(?:[ \t]+{IN_WORD}){{0,4}}"
IN_ADDRESS = (r"(?<![\w-])(?:(?:Flat|House|Plot|Door|Shop|Villa|Room)(?:[ \t]+No\.?)?[ \t]*)?[A-Z]?-?\d{1,5}[A-Z]?"
              rf"(?:[ \t]*,[ \t]*{IN_PART}){{2,6}}[ \t]*[-–,]?[ \t]*\d{{3}}[ \t]?\d{{3}}(?!\d)")


class IndianAddressRecognizer(AddressPatternRecognizer):
    TEXT_GATES = (gates.gate(r"\d{3}[ \t]?\d{3}"), gates.gate(r",[ \t]*[A-Z]"))
    PATTERNS = [Pattern("in_address_to_pin", IN_ADDRESS, 0.7)]


class JapanesePostcodeRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(r"〒"),)
    PATTERNS = [Pattern("jp_postcode", r"〒[ \t]?\d{3}-?\d{4}(?!\d)", 0.8)]

    def __init__(self):
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, name="JapanesePostcodeRecognizer")


RECOGNIZERS = [UkAddressRecognizer, CanadianAddressRecognizer, AustralianAddressRecognizer, UsPostalRecognizer,
               LowerCaseNorthAmericanAddressRecognizer,
               GermanAddressRecognizer, RomanceAndDutchAddressRecognizer, IndianAddressRecognizer,
               JapanesePostcodeRecognizer, PostcodeAfterCueRecognizer, PlotAndHouseRecognizer,
               SlavicAddressRecognizer]
