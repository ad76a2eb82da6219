"""Workplaces and schools written in English, Chinese, Japanese, Thai, Russian and Vietnamese: the
forms anonymise.quasi_identifiers.workplaces and .schools (Korean, listed employers) do not read.

Found by the organisation's form or by a work cue, never by a list of names:
- English: a capitalised name after a work cue (works at, employer is, <role> at, <role> of, with
  the, joined, quit, interview at, shift at, boss at) or a school cue (graduated from, alumna of,
  transferred to), ending in an organisation word (… Bank, … Brigade, … Ltd, … High, … Primary,
  … Foundation, … Conservatory), or before a word only an employer has (the X staff, X HQ); after
  a strong work cue even a project term that is a company (engineer at Google);
- Chinese: 在X上班/工作/当/做, 喺X做嘢, X银行/航空/集团/公司 … (X not a word that names no one, 在家),
  毕业于X, 就职于X, 入职X, 跳槽到X;
- Japanese: 株式会社X / X株式会社, X勤務 / Xに勤め / Xで働 / Xの客室乗務員 …, Xクリニック;
- Thai: ทำงานที่ X, ธนาคารX, โรงแรมX, มหาวิทยาลัยX, เรียนอยู่ X …: the name after the type word;
- Russian and Vietnamese: the capitalised name after работаю в / учусь в, làm (việc) ở/tại, học ở/tại.
Only the organisation's name is replaced, never the role word (nurse at <WORKPLACE>).
"""
from __future__ import annotations

import re

from anonymise import vocabulary
from anonymise.quasi_identifiers.base import QuasiSpan, alternation, read_words
from anonymise.quasi_identifiers.schools import CJK_TIME_WORD, sentence_words_before_name

NAME = "WorldWorkplace"
WORKPLACE, SCHOOL = "WORKPLACE", "SCHOOL"

# --- English -------------------------------------------------------------------------------------
CAP = r"(?:[A-Z][\w&'’.-]*|[A-Z]{2,6}|\d{1,3}(?:st|nd|rd|th))"
ORG = rf"{CAP}(?:[ \t](?:of|and|&|the|de|for)?[ \t]?{CAP}){{0,4}}"
# A role before "at/with/for <Org>": a word of a job's shape (banker, accountant, chemist, waitress; not
# tenderness or abscess) or a listed one;
# "of/in <Org>" only after a listed one (catheter in Ward 6B is no job).
ROLE_SHAPE = r"[a-z]+(?:er|or|ist|ian|ant|ent|tress|stess|dess|man|woman)"
ROLE = (r"(?:nurse|teacher|chef|cook|clerk|staff|intern|student|resident|fellow|associate|barista|cashier|"
        r"receptionist|secretary|partner|trainee|volunteer|employee|officer|professor|lecturer|director|coach|tutor|"
        r"pupil|sophomore|freshman|junior|senior|undergrad|undergraduate|postgrad|postgraduate|postdoc|classmate|"
        r"alumn(?:us|a|i|ae)|analyst|engineer|manager|developer|designer|consultant|accountant|lawyer|"
        r"technician|assistant|worker|banker|pharmacist|dentist|surgeon|physician|doctor|researcher|scientist|"
        r"ceo|cto|cfo|vp|founder|owner|sergeant|soldier|pilot|attendant|agent|crew|team|department|division)")
# Joining, leaving and working shifts at an employer; graduating from or transferring to a school.
EMPLOYER_CUE = (r"\b(?:hired[ \t]+(?:by|at)|laid[ \t]+off[ \t]+(?:from|by|at)|(?:fired|resigned|retired)[ \t]+from|"
                r"interview(?:s|ed|ing)?[ \t]+(?:at|with)|(?:job[ \t]+)?offer[ \t]+from|contract(?:s|ing|or)?[ \t]+(?:at|for)|"
                r"(?:placement|internship|residency|fellowship)[ \t]+(?:at|with)|shifts?[ \t]+at|boss[ \t]+at|"
                r"colleagues?[ \t]+at|co-?workers?[ \t]+at|office[ \t]+at)")
# Weaker: one joins or quits a gym or a habit too (quit Botox), so no project term is taken after these.
EMPLOYMENT = rf"(?:{EMPLOYER_CUE}|\b(?:joined|joining|quit|quitting|been[ \t]+at))"
SCHOOLING = (r"\b(?:graduated|graduating|graduate|grad|alumn(?:us|a|i|ae)|degree|diploma|mba|phd|bachelor['’]?s|"
             r"master['’]?s|masters|transferred|dropped[ \t]+out)[ \t]+(?:from|of|at|to)")
SCHOOL_CUE_WORDS = re.compile(r"(?i)stud|attend|enrol|\bgo|went|grad|alumn|degree|diploma|mba|phd|bachelor|master|"
                              r"transfer|dropped|pupil|freshman|sophomore|junior|senior|postdoc|classmate")
# After these a project term that is a company (Google, Naver, Allergan) is the employer's name.
STRONG_EMPLOYMENT = re.compile(rf"(?i:\b(?:work(?:s|ed|ing)?|job|employed)[ \t]+(?:at|for|by)|employer|"
                               rf"\b{ROLE}s?[ \t]+(?:at|for)|{EMPLOYER_CUE})")
# I'm cabin crew at skyjet, works for zentro: after a strong work cue a lower-case word no dictionary has
# is a brand written as its users write it.
EN_LOWER_BRAND = re.compile(rf"(?i:\b(?:work(?:s|ed|ing)?|job|employed)[ \t]+(?:at|for|by)|\b{ROLE}s?[ \t]+(?:at|for))"
                            r"[ \t]+(?:the[ \t]+)?([a-z][a-z0-9&'-]{2,})\b(?![.@/_-]\w)")
EN_CUE = re.compile(rf"(?i:\b(?:work(?:s|ed|ing)?|job|employed|interning|stationed|based|placed)[ \t]+(?:at|for|with|by)"
                    rf"|\bemployer(?:[ \t]+is|[ \t]*[:,-])|\b{ROLE}s?[ \t]+(?:at|with|for|of|in)|\b{ROLE_SHAPE}[ \t]+(?:at|with|for|of)"
                    rf"|\bwith[ \t]+the"
                    rf"|\b(?:go(?:es)?|went|study|studies|studied|attend(?:s|ed)?|enrolled)[ \t]+(?:to|at|in)"
                    rf"|{EMPLOYMENT}|{SCHOOLING})"
                    rf"[ \t]+(?:the[ \t]+)?(?=[A-Z0-9])")
EN_SCHOOL_END = (r"(?:School|High|Primary|College|University|Uni|Academy|Institute|Kindergarten|Elementary|Prep|Polytechnic|"
                 r"Conservatory|Seminary|Preschool|Nursery|Montessori)")
# A practice named before its specialty (Willow Creek Dermatology, Bellmont Plastic Surgery).
EN_SPECIALTY_END = (r"(?:Dermatology|Aesthetics|Orthopa?edics|Pa?ediatrics|Ophthalmology|Optometry|Chiropractic|Physiotherapy|"
                    r"Dentistry|Orthodontics|Plastic[ \t]+Surgery|Cosmetic[ \t]+Surgery|Eye[ \t]+Care|Skin[ \t]*[Cc]are|"
                    r"Med[ \t]?[Ss]pa)")
EN_WORK_END = (r"(?:Bank|Hospital|Medical[ \t]+Cent(?:er|re)|Medical|Clinic|Brigade|Regiment|Battalion|Corps|Spa|Ltd|Inc|LLP|"
               r"Associates|Attorneys|Law|Legal|Analytics|Dynamics|Ventures|Media|Publishing|Press|Robotics|"
               r"LLC|GmbH|PLC|Group|Health|Healthcare|Airlines?|Airways|Hotel|Logistics|Labs?|Motors|Systems|Solutions|"
               r"Technologies|Tech|Insurance|Consulting|Partners|Pharma(?:ceuticals)?|Bakery|Salon|Studio|Foods|Energy|"
               r"Electric|Telecom|Capital|Holdings|Industries|Restaurant|Caf[eé]|Agency|Council|Ministry|Department|"
               r"Police|Services|Store|Stores|Market|Supermarket|Corporation|Company|Co\.?|Firm|Works|Dental|Pharmacy|"
               r"Foundation|Trust|Authority|Bureau|Cent(?:er|re)|Gym|Fitness|Boutique|Biotech|Electronics|Chemicals?|"
               r"Construction|Engineering|Manufacturing|Realty|Properties|Securities|Investments?|Finance|Financial|"
               r"Bancorp|Hospitality|Resorts?|Casino|Brewery|Winery|Bistro|Grill|Diner|Pizzeria|Factory|"
               rf"{EN_SPECIALTY_END})")
EN_ORG_END = re.compile(rf"(?<![\w.])((?:{CAP}[ \t](?:of[ \t]|&[ \t])?){{1,4}})({EN_SCHOOL_END}|{EN_WORK_END})\b")
GENERIC = read_words("generic_org_words_en.txt")
EN_ORG_AFTER_CUE = re.compile(ORG)
CONNECTORS = frozenset({"of", "and", "&", "the", "de", "for"})
# "the Vantrex staff", "our Corvane office": a name before words only an employer has.
# "a Brookvale grad", "Corvane alumni": a name before words only a school has.
EN_ORG_BEFORE_STUDENTS = re.compile(rf"(?<![\w.])((?:{CAP}[ \t]){{0,3}}{CAP})[ \t]+(?=(?:grad|grads|graduate|graduates|"
                                    r"alum|alums|alumna|alumnus|alumni|alumnae|undergrad|undergrads|freshman|"
                                    r"sophomore|dropout)\b)")
EN_ORG_BEFORE_STAFF = re.compile(rf"(?<![\w.])((?:{CAP}[ \t]){{0,3}}{CAP})[ \t]+(?=(?:staff|employees?|colleagues|coworkers|"
                                 r"co-workers|headquarters|HQ|HR|payroll|badge|factory|plant|warehouse|branch)\b)")

# --- Chinese ---------------------------------------------------------------------------------------
HAN = r"\u4e00-\u9fff\u3400-\u4dbf"
ZH_AT_WORK = re.compile(rf"(?<![现正实存所好自还内外就都])[在喺]([{HAN}A-Za-z]{{2,10}}?)"
                        rf"(?=上班|工作|做事|做嘢|返工|实习|實習|任职|任職|打工|当|當|做)")
ZH_ORG_END = re.compile(r"(?:银行|銀行|航空|电力|電力|集团|集團|公司|股份|控股|实业|實業|娱乐|娛樂|科技|证券|證券|保险|保險|地产|地產|传媒|傳媒|"
                        r"酒店|事务所|事務所|贸易|貿易|电子|電子|汽车|汽車|制药|製藥|物流|通信|电视台|電視台|报社|報社)")
ZH_SCHOOL_END = re.compile(r"(?:大学|大學|中学|中學|小学|小學|高中|学院|學院|幼儿园|幼兒園)")
# Characters that end a name going left from an organisation word (我在|华信银行, 去了|东方航空).
ZH_STOP = frozenset("在喺去到是了从從于於做当當我你他她们們的和与與跟也都就要说說给給请請个個这這那家读讀念")
ZH_ADDRESS_UNITS = "区區市省县縣镇鎮路号號楼樓层層栋棟"
ZH_LEGAL_TAIL = re.compile(r"股份有限公司|有限责任公司|有限責任公司|有限公司|股份公司|集团|集團|股份|控股|公司|科技|信息")
# Stop characters that also begin names (家乐, 和泰, 同仁).
ZH_STOP_OR_NAME = "家和与與同"
# 我在复旦读研究生, 我是浙大的学生, 在交大读书: a school by what is said of it.
ZH_AT_SCHOOL = re.compile(rf"(?<![现正实存所好自还内外就都])[在是]([{HAN}A-Za-z]{{2,8}}?)"
                          rf"(?=读书|讀書|读研|讀研|读博|讀博|读大|讀大|念书|念書|上学|上學|留学|留學|读|讀|念|的学生|的學生|"
                          rf"的研究生|毕业|畢業|的老师|的老師)")
# 毕业于复旦, 就职于华信, 入职了腾讯, 跳槽到美团: the organisation after a verb of joining or graduating.
ZH_AFTER_VERB = re.compile(rf"(?:(?P<school>毕业于|畢業於|就读于|就讀於|考上了?|考进了?|考進了?|在读于)|"
                           rf"(?:就职于|就職於|任职于|任職於|供职于|供職於|入职了?|入職了?|跳槽到|跳槽去|受雇于|受僱於|"
                           rf"实习于|實習於))[ \t]?([{HAN}A-Za-z]{{2,8}}?)"
                           rf"(?=[，。,.!！?？、\s]|的|了|做|当|當|工作|上班|读|讀|$)")
ZH_NOT_SCHOOLS = read_words("not_schools_zh.txt")
ZH_NOT_ORGS = read_words("not_orgs_zh.txt")
# Words that are where or when someone works, not who employs them (在外面上班, 在晚上工作): an ordinary
# word after 在 names an employer (在星河上班) unless it is one of these or a kind of place (…店, …科).
ZH_NOT_EMPLOYERS = ZH_NOT_ORGS | read_words("not_employers_zh.txt")
ZH_KIND_END = "店院科部室厂廠局所站场場馆館行业業里裡边邊面内內外上下中"
ZH_PLACE_KIND_END = "园園房楼樓台厅廳城区區村镇鎮市线線网網吧屋车車船机機堂"
# 仁和医院, 安康診所: a hospital or clinic by its name before the word; only the name part goes (the kind
# of clinic before the word stays: 仁和|皮肤科|诊所), and none when only a kind or a place is left.
ZH_HOSPITAL_END = re.compile(r"(?:医院|醫院|诊所|診所|门诊部|門診部|卫生院|衛生院)")
ZH_CLINIC_KINDS = re.compile(r"(?:整形外科|整形|美容外科|美容|医疗美容|醫療美容|医美|醫美|皮肤科|皮膚科|皮肤|皮膚|牙科|齿科|齒科|口腔|"
                             r"眼科|中医|中醫|妇产科|婦產科|妇产|婦產|儿童|兒童|综合|綜合|专科|專科|私人|公立|私立|附属|附屬|"
                             r"人民|第[一二三四五六七八九十]|肿瘤|腫瘤|骨科|外科|内科|內科|妇幼|婦幼|大学|大學|国际|國際)+$")
ZH_NOT_HOSPITALS = read_words("not_hospitals_zh.txt")

# --- Japanese --------------------------------------------------------------------------------------
JA_WORD = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-z0-9&・]"
JA_CORPORATE = re.compile(rf"(?:株式会社|有限会社|\(株\)|（株）|㈱)[ \u3000]?({JA_WORD}{{2,14}})|({JA_WORD}{{2,14}}?)[ \u3000]?"
                          r"(?:株式会社|有限会社|\(株\)|（株）|㈱)")
JA_WORK_CUE = re.compile(rf"({JA_WORD}{{2,14}})(?=勤務|勤め|に勤め|に勤務|で勤務|で働|の事務|で事務|でエンジニア|の客室乗務員|の社員|"
                         r"に就職|に入社|でパート|でアルバイト|でバイト|の看護師|で看護師|の受付|に在籍|の営業|で営業|の研究員)")
# 会社（ミドリ精工）, 勤務先は青葉商事です: the employer named in parentheses or after a workplace word.
JA_DEPARTMENT = re.compile(rf"(?:{alternation(read_words('departments_ja.txt'))})"
                           rf"(?:{alternation(read_words('department_units_ja.txt'))})$")
# バイト先は渋谷のスタバ: a shop named by its place and its short name after the workplace word, both go.
JA_NAMED_EMPLOYER = re.compile(rf"(?:会社|勤務先|勤め先|職場|所属|就職先|勤務|バイト先|アルバイト先|パート先|働き先|働いている所)"
                               rf"(?:[（(][ \u3000]?({JA_WORD}{{2,14}}?)[ \u3000]?[)）]|"
                               rf"(?:は|：|:)[ \u3000]?((?:{JA_WORD}{{1,8}}の)?{JA_WORD}{{2,14}}?)"
                               rf"(?=です|でした|で|に|の|、|。|$|株式会社|有限会社|\(株\)|（株）|㈱|\s))")
# さくら株式会社, 私はあおば株式会社: a Hiragana name before the legal form; a particle before it is the sentence's.
JA_LEADING_PARTICLES = ("には", "では", "とは", "のは", "から", "は", "が", "を", "に", "で", "へ", "と", "の", "も")
JA_KANA_CORPORATE = re.compile(r"([\u3041-\u3096\u30fc]{2,10})[ \u3000]?(?:株式会社|有限会社|\(株\)|（株）|㈱)")
JA_CLINIC = re.compile(rf"({JA_WORD}{{1,10}}?)(?=(?:皮膚科|美容皮膚科|形成外科|美容外科|歯科|内科)?クリニック)")
# さくら眼科, 青空皮膚科, サクラ歯科: the run of one script right before a clinic's kind is its name; a
# particle starting a Hiragana run after Kanji is the sentence's (妻はさくら眼科, 近くの眼科: no name).
JA_CLINIC_KINDS = ("産婦人科", "耳鼻咽喉科", "形成外科", "整形外科", "美容外科", "皮膚科", "耳鼻科", "小児科", "婦人科", "眼科",
                   "歯科", "内科", "外科", "医院", "病院", "医療センター")
JA_CLINIC_KIND = re.compile(rf"(?:{'|'.join(JA_CLINIC_KINDS)})")
JA_SCRIPT_RUNS = (re.compile(r"[\u3041-\u3096]+$"), re.compile(r"[\u30a1-\u30fa\u30fc]+$"), re.compile(r"[\u4e00-\u9fff々]+$"))
JA_PARTICLES = "のはがをにでへともや"
JA_NOT_CLINIC_NAMES = read_words("not_clinic_names_ja.txt")
# 青葉証券, 丸星商事, みずほら銀行, 国税庁: the run of one script before an organisation ending names it with
# no work cue; the name and the ending go (a kind before it, 地方銀行, stays).
JA_ORG_END = re.compile(alternation(read_words("org_endings_ja.txt")))
JA_NOT_ORG_NAMES = read_words("not_org_names_ja.txt")
# 慶應に通っています, 早稲田の3年生, ソウル大学校: a school by what is said of it or a Katakana name + 大学.
JA_SCHOOL_CUE = re.compile(rf"({JA_WORD}{{2,10}})(?=に通って|に通う|に通い|に在学|の学生|の生徒|の[0-9０-９一二三四]年生|に進学|を卒業|"
                           r"卒業|出身|に入学|の大学院|の院生|の新入生|で勉強)")
JA_KATAKANA_SCHOOL = re.compile(r"([\u30a1-\u30fa\u30fc]{2,10})(?=大学校|大学|大學|高校|学院)")
JA_NOT_SCHOOLS = read_words("not_schools_ja.txt")
JA_NOT_ORGS = read_words("not_orgs_ja.txt")

# --- Thai ------------------------------------------------------------------------------------------
TH_TYPE = re.compile(r"(ธนาคาร|โรงแรม|บริษัท|โรงงาน|ร้าน|โรงพยาบาล|มหาวิทยาลัย|โรงเรียน|วิทยาลัย|สถาบัน|ห้าง)[ \t]?"
                     r"(?=[\u0e00-\u0e7fA-Za-z])")
TH_CUE = re.compile(r"(?:ทำงาน(?:อยู่)?(?:ที่|กับ)|ทำงานให้|เป็นพนักงาน|พนักงาน|เรียน(?:อยู่)?(?:ที่)?|จบจาก|ทำที่|นิสิต|นักศึกษา)[ \t]?"
                    r"(?=[\u0e00-\u0e7fA-Za-z])")
TH_SCHOOL_TYPES = ("มหาวิทยาลัย", "โรงเรียน", "วิทยาลัย", "สถาบัน")
# Where the name after a type word ends: particles, branch/year words, place words, function words.
TH_END = ("ค่ะ", "คะ", "ครับ", "นะ", "จ้า", "สาขา", "ปี", "แถว", "ที่", "ของ", "และ", "แต่", "มา", "ได้", "อยู่", "เป็น",
          "ตอนนี้", "เลย", "ด้วย", "แล้ว", "ใน", "ย่าน", "ชั้น", "ตำแหน่ง", "แผนก", "คณะ", "เมื่อ", "จะ", "ก็", "ไป")
TH_NOT_ORGS = read_words("not_orgs_th.txt")

# --- Russian and Vietnamese ------------------------------------------------------------------------
RU_CUE = re.compile(r"(?i:работа\w*|служ\w*|тружусь|учусь|учится|училась|учился|студент\w*)[ \t]+(?:в|во|на)[ \t]+"
                    # работаю в компании «…», учусь в университете Н…: the kind's word before the name stays.
                    r"(?:(?:компании|фирме|банке|магазине|клинике|больнице|ресторане|салоне|школе|университете|институте|"
                    r"колледже|лицее|гимназии|агентстве|корпорации|холдинге|заводе|организации)[ \t]+)?"
                    r"(«[^»\n]{2,40}»|\"[^\"\n]{2,40}\"|[А-ЯЁA-Z][\w-]*(?:[ \t][А-ЯЁA-Z][\w-]*){0,3})")
VI_SCHOOL = re.compile(r"(?:[Tt]rường|[Đđ]ại[ \t]+[Hh]ọc|ĐH|[Cc]ao[ \t]+đẳng|THPT|THCS|[Tt]iểu[ \t]+học|[Hh]ọc[ \t]+viện)"
                       r"[ \t]+((?:(?:[A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8][\w\u00c0-\u1ef9&-]*|THPT|THCS)[ \t]?){1,6})")
VI_CUE = re.compile(r"(?i:làm[ \t]+(?:việc[ \t]+)?(?:ở|tại|cho)|học[ \t]+(?:ở|tại)|công[ \t]+tác[ \t]+(?:ở|tại)|"
                    r"nhân[ \t]+viên)[ \t]+((?:[A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8][\w\u00c0-\u1ef9&-]*[ \t]?){1,5})")
RU_VI_SCHOOL = re.compile(r"(?i:уч\w+|студент\w*|học)")
# ООО «Северный ветер», АО Ромашка (Russian) and Алтан ХХК-д, «Номин» ХК (Mongolian): a legal form before
# or after the name; the name with the form goes, a case ending after it (-д, -т) stays.
CYR_CAP = r"[А-ЯЁӨҮ][\wӨөҮү-]*"
CYR_NAME = rf"(?:«[^»\n]{{1,40}}»|\"[^\"\n]{{1,40}}\"|{CYR_CAP}(?:[ \t]{CYR_CAP}){{0,3}})"
CYR_LEGAL_FORM = re.compile(rf"(?<![\w«])(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|ГУП|МУП|ФГУП|НКО)[ \t]+{CYR_NAME}|"
                            rf"(?<![\w«]){CYR_NAME}[ \t]+(?:ХХК|ХК|ТӨК|ТББ|ОНӨҮГ)(?![\w])")
# Công ty Minh Phát, Công ty TNHH Hoàng Long, Tập đoàn Sao Mai: the capitalised name after the type word.
VI_UPPER = "A-ZĐ\u00c0-\u00dd\u1ea0-\u1ef8"
VI_COMPANY = re.compile(rf"(?:[Cc]ông[ \t]+ty|[Tt]ập[ \t]+đoàn|[Nn]gân[ \t]+hàng|[Kk]hách[ \t]+sạn|[Nn]hà[ \t]+hàng|"
                        rf"[Bb]ệnh[ \t]+viện|[Pp]hòng[ \t]+khám|[Tt]hẩm[ \t]+mỹ[ \t]+viện|[Ss]iêu[ \t]+thị|[Cc]ửa[ \t]+hàng)"
                        rf"(?:[ \t]+(?:TNHH|CP|[Cc]ổ[ \t]+phần|[Tt]rách[ \t]+nhiệm[ \t]+hữu[ \t]+hạn)(?:[ \t]+MTV)?)?[ \t]+"
                        rf"((?:[{VI_UPPER}0-9][\w\u00c0-\u1ef9&-]*[ \t]?){{1,5}})")
VI_TYPE_WORD = re.compile(r"(?i:công|tập|ngân|khách|nhà|trường|đại|bệnh|phòng|thẩm|siêu|cửa)\b")


class WorldWorkplace:
    """Finds WORKPLACE and SCHOOL spans of other languages than Korean (see the module docstring)."""
    name = NAME
    qi_type = WORKPLACE

    def find(self, text: str) -> list[QuasiSpan]:
        spans: list[QuasiSpan] = []
        if re.search(r"[A-Za-z]", text):
            spans += _english(text)
        if re.search(rf"[{HAN}]", text):
            spans += _japanese(text) if re.search(r"[\u3040-\u30ff]", text) else _chinese(text)
        if re.search(r"[\u0e00-\u0e7f]", text):
            spans += _thai(text)
        if re.search(r"[\u0400-\u04ff]", text):
            spans += [_span(text, m.start(1), m.end(1), SCHOOL if RU_VI_SCHOOL.match(m.group()) else WORKPLACE)
                      for m in RU_CUE.finditer(text)]
            spans += [_span(text, *m.span(), WORKPLACE) for m in CYR_LEGAL_FORM.finditer(text)]
        # làm ở Công ty …: the type word is no name; VI_COMPANY takes the name after it.
        spans += [_span(text, m.start(1), m.start(1) + len(m.group(1).rstrip()),
                        SCHOOL if RU_VI_SCHOOL.match(m.group()) else WORKPLACE) for m in VI_CUE.finditer(text)
                  if not VI_TYPE_WORD.match(m.group(1))]
        spans += [_span(text, m.start(1), m.start(1) + len(m.group(1).rstrip()), WORKPLACE) for m in VI_COMPANY.finditer(text)]
        spans += [_span(text, m.start(1), m.start(1) + len(m.group(1).rstrip()), SCHOOL) for m in VI_SCHOOL.finditer(text)]
        return [s for s in spans if s.end > s.start]


def _span(text: str, start: int, end: int, kind: str) -> QuasiSpan:
    forms = {"level": "a school"} if kind == SCHOOL and text[start:end].isascii() else {}
    return QuasiSpan(kind, start, end, NAME, forms)


def _english(text: str) -> list[QuasiSpan]:
    spans = []
    for cue in EN_CUE.finditer(text):
        match = EN_ORG_AFTER_CUE.match(text, cue.end())
        if not match:
            continue
        # A name ends with its sentence (joined Instagram. I've ...).
        name = re.split(r"(?<=[.!?])[ \t]", match.group(), maxsplit=1)[0].rstrip(".'’!?")
        # Trailing words that are no part of a name (at Acme Monday, with the ICU team): cut them off.
        while " " in name and name.rsplit(None, 1)[1].casefold() in GENERIC | CONNECTORS | {"on", "in", "since", "as"}:
            name = name.rsplit(None, 1)[0].rstrip()
        words = name.split()
        if all(w.casefold() in GENERIC for w in words):
            continue
        # work with Botox and Juvederm: project terms, not an employer, unless a strong cue says so.
        named = [w for w in words if w.casefold() not in CONNECTORS]
        if all(vocabulary.is_safe_term(w) and not w.isupper() and not _employer_term(w, cue.group()) for w in named):
            continue
        school = re.search(rf"\b{EN_SCHOOL_END}\b", name) or SCHOOL_CUE_WORDS.search(cue.group())
        spans.append(_span(text, match.start(), match.start() + len(name), SCHOOL if school else WORKPLACE))
    spans += [_span(text, *m.span(1), WORKPLACE) for m in EN_LOWER_BRAND.finditer(text)
              if not vocabulary.is_ordinary_word(m.group(1), "en") and not vocabulary.is_safe_term(m.group(1))]
    for pattern, kind in ((EN_ORG_BEFORE_STAFF, WORKPLACE), (EN_ORG_BEFORE_STUDENTS, SCHOOL)):
        spans += _before_role_nouns(text, pattern, kind)
    for match in EN_ORG_END.finditer(text):
        words = match.group(1).split()
        # A word ending a sentence is no part of the name after it (moved to Seoul. Hana Bank).
        ends = [i for i, w in enumerate(words) if w.endswith(".") and len(w) > 3 and w.casefold() not in GENERIC]
        words = words[ends[-1] + 1:] if ends else words
        while words and words[0].casefold() in GENERIC:
            words.pop(0)
        # Pediatric Dermatology, Laser Aesthetics: medical words before a specialty name no practice (before
        # other organisation words a safe place still names one: Busan Bank).
        if not words or re.fullmatch(EN_SPECIALTY_END, match.group(2)) and all(vocabulary.is_safe_term(w) for w in words):
            continue
        start = match.start(1) + match.group(1).index(words[0])
        school = re.fullmatch(EN_SCHOOL_END, match.group(2)) is not None
        spans.append(_span(text, start, match.end(), SCHOOL if school else WORKPLACE))
    return spans


def _before_role_nouns(text: str, pattern: re.Pattern, kind: str) -> list[QuasiSpan]:
    """A capitalised name before a noun only an employer or a school has (the Vantrex staff, a
    Brookvale grad); generic words in front are cut off, and one ordinary word or term is no name."""
    spans = []
    for match in pattern.finditer(text):
        words = match.group(1).split()
        while words and words[0].casefold() in GENERIC:
            words.pop(0)
        if not words or (len(words) == 1 and (vocabulary.is_ordinary_word(words[0], "en") or
                                              vocabulary.is_safe_term(words[0]))):
            continue
        start = match.start(1) + match.group(1).index(words[0])
        spans.append(_span(text, start, match.end(1), kind))
    return spans


def _employer_term(word: str, cue: str) -> bool:
    """A project term after a strong employment cue names the employer (engineer at Google, works for
    Allergan, boss at Google) unless it is a place (work with Botox, based in Seoul stay: no strong cue)."""
    from anonymise.regions import province_or_country

    if not STRONG_EMPLOYMENT.search(cue):
        return False
    return province_or_country(word) == "abroad"


def _chinese(text: str) -> list[QuasiSpan]:
    spans = []
    for match in ZH_AT_WORK.finditer(text):
        org = match.group(1)
        # 在星巴克上班, 在阿里巴巴工作: an ordinary word names the employer (a brand) unless it is a kind of
        # place (在健身房, 在幼儿园, 在加油站) or listed as where or when one works.
        if org in ZH_NOT_EMPLOYERS or ZH_HOSPITAL_END.search(org) or org[0] in ZH_STOP or org[-1] in "家" or vocabulary.is_safe_term(org, "zh") or \
                (vocabulary.is_ordinary_word(org, "zh") and org[-1] in ZH_KIND_END + ZH_PLACE_KIND_END):
            continue
        spans.append(_span(text, match.start(1), match.end(1), WORKPLACE))
    for match in ZH_AT_SCHOOL.finditer(text):
        org = match.group(1)
        if org in ZH_NOT_SCHOOLS or org[0] in ZH_STOP or vocabulary.is_ordinary_word(org, "zh") and len(org) > 2:
            continue
        spans.append(_span(text, match.start(1), match.end(1), SCHOOL))
    for match in ZH_AFTER_VERB.finditer(text):
        org = match.group(2)
        # After these verbs even a project term is the organisation (跳槽到美团); places and kinds stay.
        if org in ZH_NOT_ORGS or org in ZH_NOT_SCHOOLS or (vocabulary.is_ordinary_word(org, "zh") and len(org) > 2
                                                           and not vocabulary.is_safe_term(org, "zh")):
            continue
        spans.append(_span(text, match.start(2), match.end(2), SCHOOL if match.group("school") else WORKPLACE))
    spans += _chinese_hospitals(text)
    for ending, kind in ((ZH_ORG_END, WORKPLACE), (ZH_SCHOOL_END, SCHOOL)):
        for match in ending.finditer(text):
            start, work = match.start(), kind == WORKPLACE
            # A company's name may run longer (腾达信息|科技); it ends going left at an address's unit (市, 区, 路).
            while start > 0 and start > match.start() - (8 if work else 6) and re.match(rf"[{HAN}A-Za-z]", text[start - 1]) \
                    and text[start - 1] not in ZH_STOP and not (work and text[start - 1] in ZH_ADDRESS_UNITS):
                start -= 1
            if 0 < start < match.start() and CJK_TIME_WORD.match(text, start - 1):
                start -= 1  # 去|年: the stop character begins a time word
            else:  # 在|家乐集团, 和泰科技: a name of one character is none; the stops begin it
                while match.start() - start < 2 and start > 0 and text[start - 1] in ZH_STOP_OR_NAME:
                    start -= 1
            start += sentence_words_before_name(text[start:match.start()])
            org = text[start:match.end()]
            if match.start() - start < 2 or org in ZH_NOT_ORGS or text[start:match.start()] in ZH_NOT_ORGS:
                continue
            end = match.end()
            while work and (tail := ZH_LEGAL_TAIL.match(text, end)):
                end = tail.end()  # 腾达科技|有限公司, 宏远|股份有限公司: the legal form is the name's
            spans.append(_span(text, start, end, kind))
    return spans


def _chinese_hospitals(text: str) -> list[QuasiSpan]:
    spans = []
    for match in ZH_HOSPITAL_END.finditer(text):
        start = match.start()
        while start > 0 and start > match.start() - 8 and re.match(rf"[{HAN}A-Za-z]", text[start - 1]) \
                and text[start - 1] not in ZH_STOP:
            start -= 1
        if start >= 2 and text[start - 1] in "和与與" and text[start - 2] in "在去到了于於":
            start -= 1  # 在|和平医院: 和 begins the name, it joins nothing
        start += sentence_words_before_name(text[start:match.start()])
        run = text[start:match.start()]
        kinds = ZH_CLINIC_KINDS.search(run)
        name = run[:kinds.start()] if kinds else run
        while name[:2] in ZH_NOT_HOSPITALS or name[:1] in ZH_NOT_HOSPITALS:
            name = name[2:] if name[:2] in ZH_NOT_HOSPITALS else name[1:]
        if len(name) < 2 or name in ZH_NOT_HOSPITALS or name in ZH_NOT_ORGS or vocabulary.is_safe_term(name, "zh"):
            continue
        begin = match.start() - len(run) + run.index(name)
        spans.append(_span(text, begin, begin + len(name), WORKPLACE))
    return spans


def _japanese(text: str) -> list[QuasiSpan]:
    spans = []
    for match in JA_CORPORATE.finditer(text):
        group = 1 if match.group(1) else 2
        # 株式会社カエデ営業部, さくら株式会社 営業部: the department after the name is no part of it.
        department = JA_DEPARTMENT.search(match.group(group))
        end = match.start(group) + department.start() if department else match.end(group)
        if end > match.start(group):
            spans.append(_span(text, match.start(group), end, WORKPLACE))
    for match in JA_KANA_CORPORATE.finditer(text):
        name, start = match.group(1), match.start(1)
        if start > 0 and re.match(r"[\u4e00-\u9fff々]", text[start - 1]):
            # 私は|あおば: after a Kanji word the run starts with its particle (none: it ends that word).
            particle = next((p for p in JA_LEADING_PARTICLES if name.startswith(p)), None)
            cut = len(particle) if particle else len(name)
            name, start = name[cut:], start + cut
        if len(name) >= 2:
            spans.append(_span(text, start, start + len(name), WORKPLACE))
    for pattern in (JA_SCHOOL_CUE, JA_KATAKANA_SCHOOL):
        for match in pattern.finditer(text):
            school = match.group(1)
            if school in JA_NOT_SCHOOLS or school.endswith(("会社", "病院", "クリニック") + JA_CLINIC_KINDS) or \
                    (pattern is JA_SCHOOL_CUE and vocabulary.is_safe_term(school, "ja")):
                continue
            lead = sentence_words_before_name(school)
            if lead < len(school):
                spans.append(_span(text, match.start(1) + lead, match.end(1), SCHOOL))
    for match in JA_NAMED_EMPLOYER.finditer(text):
        group = 1 if match.group(1) else 2
        if match.group(group) not in JA_NOT_ORGS and not vocabulary.is_safe_term(match.group(group), "ja"):
            spans.append(_span(text, match.start(group), match.end(group), WORKPLACE))
    for pattern in (JA_WORK_CUE, JA_CLINIC):
        for match in pattern.finditer(text):
            org = match.group(1)
            if org in JA_NOT_ORGS or org.endswith(("病院の", "会社")) and org in JA_NOT_ORGS:
                continue
            if pattern is JA_CLINIC and (vocabulary.is_safe_term(org, "ja") or org in JA_NOT_ORGS):
                continue
            lead = sentence_words_before_name(org)
            if lead < len(org):
                spans.append(_span(text, match.start(1) + lead, match.end(1), WORKPLACE))
    spans += _japanese_clinics(text)
    spans += _japanese_organisations(text)
    return spans


def _japanese_name_before(text: str, end: int) -> tuple[int, str]:
    """Where the name right before ``end`` starts and what it is: the run of one script before it (さくら,
    サクラ, 青空), less a particle that starts a Hiragana run after Kanji (妻は|さくら) and what comes
    before a の (近くの|); empty for the ending of a word in Kanji (新しい)."""
    before = text[max(0, end - 10):end]
    run = next((m.group() for pattern in JA_SCRIPT_RUNS if (m := pattern.search(before))), "")
    start = end - len(run)
    if run and JA_SCRIPT_RUNS[0].fullmatch(run) and start > 0 and re.match(r"[\u4e00-\u9fff々]", text[start - 1]):
        if run[0] not in JA_PARTICLES:
            return end, ""
        cut = max(i for i, c in enumerate(run) if c in JA_PARTICLES) + 1
        run, start = run[cut:], start + cut
    elif "の" in run:
        cut = run.rindex("の") + 1
        run, start = run[cut:], start + cut
    return start, run


def _japanese_clinics(text: str) -> list[QuasiSpan]:
    spans = []
    for match in JA_CLINIC_KIND.finditer(text):
        start, run = _japanese_name_before(text, match.start())
        if len(run) < 2 or run.endswith("科") or run in JA_NOT_CLINIC_NAMES or run in JA_NOT_ORGS or \
                vocabulary.is_safe_term(run, "ja") \
                or sentence_words_before_name(run) == len(run):
            continue
        spans.append(_span(text, start, match.start(), WORKPLACE))
    return spans


def _japanese_organisations(text: str) -> list[QuasiSpan]:
    spans = []
    for match in JA_ORG_END.finditer(text):
        start, run = _japanese_name_before(text, match.start())
        lead = sentence_words_before_name(run)
        run, start = run[lead:], start + lead
        if len(run) < 2 or run in JA_NOT_ORG_NAMES or run in JA_NOT_ORGS or vocabulary.is_safe_term(run, "ja") or \
                vocabulary.is_ordinary_word(run + match.group(), "ja"):
            continue
        spans.append(_span(text, start, match.end(), WORKPLACE))
    return spans


def _thai(text: str) -> list[QuasiSpan]:
    from anonymise.thai_safe_list import thai_tokens

    spans = []
    for pattern in (TH_TYPE, TH_CUE):
        for match in pattern.finditer(text):
            start, end = match.end(), match.end()
            line_end = text.find("\n", start)
            stretch = text[start:line_end if line_end != -1 else len(text)]
            for token_start, token_end, token in thai_tokens(stretch)[:6]:
                if token.isspace() or token in TH_END or token.startswith(TH_END[:5]) or \
                        not re.match(r"[\u0e00-\u0e7fA-Za-z0-9]", token):
                    break
                end = start + token_end
            name = text[start:end]
            # ทำที่โซล: a place or project term after the cue is where, not who employs.
            if not name or name in TH_NOT_ORGS or vocabulary.is_safe_term(name, "th"):
                continue
            type_word = match.group(1) if pattern is TH_TYPE else match.group()
            kind = SCHOOL if type_word.startswith(TH_SCHOOL_TYPES) or "เรียน" in type_word or "จบ" in type_word \
                or type_word.startswith(("นิสิต", "นักศึกษา")) \
                else WORKPLACE
            # ทำงานที่ธนาคารกสิกร: the type word after the cue is kept, the name after it goes.
            if pattern is TH_CUE and TH_TYPE.match(text, start):
                continue
            spans.append(_span(text, start, end, kind))
    return spans
