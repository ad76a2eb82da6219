"""Round 3 of detection outside Korean (#13), one block per class; every name here is invented.

Japanese kanji given names with no listed surname and no cue (IPADIC by Janome); Thai nicknames by
role and Thai names that only begin like a safe term; handles with neither @ nor a site word;
workplaces and schools by employment and schooling cues; and what must stay: device settings, doses,
dilutions, ICD-11 and procedure codes, eponymous conditions and scales, months in Vietnamese and
Russian, clinic vocabulary in each language.
"""
import pytest

from world_fixtures import check, redacted


# --- Japanese given names by morphology -----------------------------------------------------------
@pytest.mark.parametrize("text, name, kept", [
    ("彩花から聞いたクリニックです。", "彩花", ["から聞いたクリニック"]),
    ("大輔が予約しました。麻酔から覚めて鼻先が痛いです。", "大輔", ["予約", "麻酔", "鼻先"]),
    ("真由美と一緒にカウンセリングに行きます。", "真由美", ["カウンセリング"]),
])
def test_japanese_given_name_without_surname_or_cue_goes(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "埋没法と切開法の違い、腫れはどのくらいですか？ダウンタイムは1週間です。",
    "ヒアルロン酸とボトックスを同じ日にできますか。二重整形の後、目元が腫れています。",
    "光が強いレーザーですか？勇気を出して予約しました。",
    "仁川空港から直接行きます。血液検査と心電図は必要ですか。",
])
def test_japanese_clinic_sentences_stay(text):
    assert redacted(text) == text


# --- Thai ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, kept", [
    ("พลอยบอกว่าคลินิกนี้ดีค่ะ", "พลอย", ["คลินิก"]),
    ("ดิฉันชื่อกระจ่างศรี มาจากกรุงเทพค่ะ", "กระจ่างศรี", ["ดิฉัน"]),
    ("วันนี้มิ้นท์กับต้นจะไปปรึกษาหมอค่ะ", "ต้น", ["ปรึกษาหมอ"]),
])
def test_thai_names_by_role_go(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text", [
    "ฉีดโบท็อกซ์ 50 ยูนิต กับฟิลเลอร์ 2 ซีซี ราคาเท่าไหร่คะ",
    "อยากทำเลเซอร์พิโคเวย์ลดฝ้า และฉีดรีจูรันค่ะ",
    "เสริมจมูกด้วยกระดูกอ่อนซี่โครง ปลายจมูกพุ่ง ใช้เวลาพักฟื้นกี่วัน",
    "หมอบอกว่าต้องตรวจเลือดก่อนผ่าตัดค่ะ",
])
def test_thai_clinic_sentences_stay(text):
    assert redacted(text) == text


# --- handles with neither @ nor a site word --------------------------------------------------------
@pytest.mark.parametrize("text, handle", [
    ("You can follow me at glowwithminae for the before and after photos.", "glowwithminae"),
    ("Or find me under sunnydaypeachy there.", "sunnydaypeachy"),
    ("加我vx: peach_minae2024 就可以", "peach_minae2024"),
    ("ไลน์: peachyminae ค่ะ แอดมาได้เลย", "peachyminae"),
    ("Мой телеграм: ivanovamedo, пишите.", "ivanovamedo"),
])
def test_handles_after_contact_phrases_and_platform_slang_go(text, handle):
    check(text, [handle], [])


def test_contact_phrases_before_ordinary_words_keep_them():
    text = "Follow me on Instagram and add me on LINE, I reply fast."
    assert redacted(text) == text


# --- workplaces and schools ------------------------------------------------------------------------
@pytest.mark.parametrize("text, org, kept", [
    ("My boss at Quillmark said I can take a week off.", "Quillmark", ["boss at", "week off"]),
    ("She joined Vantrexo last spring and likes it.", "Vantrexo", ["joined", "spring"]),
    ("I graduated from Brookvale and now I work nights.", "Brookvale", ["graduated from"]),
    ("The Corvanel staff were kind to me.", "Corvanel", ["staff"]),
    ("She studies at Hollinsby Conservatory.", "Hollinsby", ["studies at"]),
])
def test_workplaces_and_schools_by_cue_go(text, org, kept):
    check(text, [org], kept)


def test_working_with_products_keeps_them():
    text = "I work with Botox and Juvederm daily, and I am based in Seoul."
    assert redacted(text) == text


# --- what must stay --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Lidocaine 1:100,000 with epinephrine, 1064nm at 10J/cm2, 20W, 3ms pulses, SPF50 daily.",
    "Botox 50U x2 sessions, q4h, 0.5mL per side, 27G cannula, 755nm alexandrite.",
    "Diagnosis ICD-11 ED80, billed under HCPCS J0585.",
    "She has Hashimoto's and Raynaud's, a nevus of Ota and Fitzpatrick III skin.",
    "We use Bellagel implants, Lumecca, Tixel and Sofwave.",
    "Tôi muốn làm Thermage và Botox vào tháng Năm.",
    "Я хочу сделать Ботокс в Мае, 50 ЕД, и ещё Термаж.",
    "我想五月去首尔打水光针，再做皮秒激光和冷冻溶脂，大概多少韩元？",
])
def test_clinic_terms_units_and_codes_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, value", [
    ("Call me at ext 1:1234567 tomorrow.", "1234567"),
    ("Dr. Parkinson's clinic called.", "Parkinson"),
    ("My code is J05851 and my ID E11X92.", "J05851"),
    ("Пишите Едигееву или Мельникову.", "Едигееву"),
])
def test_look_alikes_of_safe_shapes_still_go(text, value):
    check(text, [value], [])


# --- round 3, second pass: Chinese verbs of joining and graduating, shaped handles, Thai roles -----
@pytest.mark.parametrize("text, org, kept", [
    ("我毕业于璟华，现在就职于澜星科创。", "璟华", ["毕业于", "就职于"]),
    ("去年跳槽到澜星了，工作很忙。", "澜星", ["跳槽到"]),
    ("我考上了云湖大学的研究生。", "云湖大学", ["我考上了", "的研究生"]),
])
def test_chinese_workplaces_and_schools_after_verbs_go(text, org, kept):
    check(text, [org], kept)


def test_chinese_school_words_without_a_name_stay():
    text = "我毕业于大学，就职于公司，想做双眼皮。"
    assert redacted(text) == text


@pytest.mark.parametrize("text, handle", [
    ("I posted my results on reddit as u/glow_minae22 yesterday.", "glow_minae22"),
    ("You can send the deposit to $MinaeGlowy on the app.", "MinaeGlowy"),
    ("Snap: minaeglowy if you want more photos.", "minaeglowy"),
])
def test_shaped_handles_go(text, handle):
    check(text, [handle], [])


def test_currency_before_a_number_is_no_cashtag():
    assert "$USD" in redacted("It costs $USD 300 or $500 in total.")


@pytest.mark.parametrize("text, name", [
    ("ฉันกับพลอยจะไปเกาหลีเดือนหน้าค่ะ", "พลอย"),
    ("พรุ่งนี้จะพาพลอยมาปรึกษาด้วยค่ะ", "พลอย"),
])
def test_thai_names_joined_or_brought_along_go(text, name):
    check(text, [name], ["ค่ะ"])


@pytest.mark.parametrize("text", ["พรุ่งนี้จะพาแม่มาด้วย และพาเพื่อนไปด้วยค่ะ", "ฉันกับแฟนจะไปทำตาสองชั้นค่ะ"])
def test_thai_kin_words_in_the_same_places_stay(text):
    assert redacted(text) == text


@pytest.mark.parametrize("text, name", [("พลอยค่ะ สนใจฉีดโบท็อกซ์ค่ะ", "พลอย"), ("ดิฉันพลอยค่ะ อยากสอบถามค่ะ", "พลอย")])
def test_thai_name_introducing_itself_goes(text, name):
    check(text, [name], ["ค่ะ"])


def test_thai_greetings_with_particles_stay():
    assert redacted("สวัสดีค่ะ ขอบคุณค่ะ ได้ค่ะ") == "สวัสดีค่ะ ขอบคุณค่ะ ได้ค่ะ"


def test_look_alike_words_before_device_and_lesion_words_stay():
    text = "Botox 2x50U, Ruby laser and a Jessner's peel, Cherry angioma removal."
    assert redacted(text) == text


@pytest.mark.parametrize("text", ["ขอบคุณมากค่ะ แล้วเจอกันเดือนหน้านะคะ", "แม่อยากทำร้อยไหมค่ะ", "เพื่อนเคยไปทำที่โซลค่ะ"])
def test_thai_words_ending_like_a_title_or_verbs_after_kin_words_stay(text):
    assert redacted(text) == text


def test_thai_nickname_after_a_kin_word_before_a_verb_goes():
    check("เพื่อนแพรวบอกว่าดีค่ะ", ["แพรว"], ["เพื่อน"])


@pytest.mark.parametrize("text, handle", [
    ("My page is glowbyminae and I posted on Instagram yesterday.", "glowbyminae"),
    ("You can find photos from minaeglowy on insta.", "minaeglowy"),
])
def test_handles_named_as_a_page_or_before_their_site_go(text, handle):
    check(text, [handle], ["Instagram"] if "Instagram" in text else ["insta"])


def test_words_before_a_site_stay():
    text = "Photos are posted on IG and results on YouTube."
    assert redacted(text) == text


@pytest.mark.parametrize("text, org", [
    ("I'm a junior at Brookvale and love it.", "Brookvale"),
    ("My sister is a Westmere grad.", "Westmere"),
    ("He is a Corvane alumnus.", "Corvane"),
])
def test_schools_by_student_words_go(text, org):
    check(text, [org], [])


def test_student_words_after_ordinary_words_stay():
    text = "I am a nursing student and a Korean student; a senior at the clinic said ok."
    assert redacted(text) == text


def test_quitting_or_joining_a_product_or_site_keeps_it():
    text = "I quit Botox last year and joined Instagram. I've been at Seoul twice."
    assert redacted(text) == text


def test_a_company_that_is_a_project_term_goes_after_a_strong_work_cue():
    check("My boss at Google and I were hired by Naver.", ["Google", "Naver"], ["My boss at", "were hired by"])


def test_japanese_family_and_given_name_side_by_side_go():
    check("佐藤健太郎です。よろしくお願いします。", ["佐藤", "健太郎"], ["よろしく"])


def test_a_name_shaped_piece_of_a_longer_japanese_word_stays():
    from anonymise.japanese_names import japanese_name_spans

    # IPADIC cuts ユニ|クロ and 明美|容外科 with a given name in front: the piece is no name.
    assert japanese_name_spans("ユニクロの服を買いました。") == []
    text = "明美容外科の口コミを見ました。"
    assert redacted(text) == text


@pytest.mark.parametrize("text, name", [
    ("Anna's body is still swollen after the lipo.", "Anna"),
    ("Mirelka's cyst came back.", "Mirelka"),
    ("Jorunn's implants feel hard.", "Jorunn"),
])
def test_a_possessive_before_a_body_word_is_a_persons(text, name):
    check(text, [name], [])


def test_listed_eponyms_stay_in_the_possessive():
    check("A Baker's cyst, Beau's lines and a Jessner's peel.", [], ["Baker's cyst", "Beau's lines", "Jessner's peel"])
