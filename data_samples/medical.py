"""Medical vocabulary of consultations in four languages: the content that must survive anonymisation.

Each entry is (ko, en, zh, ja). Procedures are grouped by the contract's ``interested_area``.
"""
from __future__ import annotations


# area -> ((procedure ko, en, zh, ja), (body part ko, en, zh, ja))
PROCEDURES = {
    "eyes": (
        (("쌍꺼풀 수술", "double eyelid surgery", "双眼皮手术", "二重整形"), ("눈꺼풀", "eyelids", "眼皮", "まぶた")),
        (("눈매교정", "ptosis correction", "上睑下垂矫正", "眼瞼下垂手術"), ("눈", "eyes", "眼睛", "目")),
        (("뒤트임", "lateral canthoplasty", "开外眼角", "目尻切開"), ("눈꼬리", "outer eye corners", "眼尾", "目尻")),
        (("눈밑지방재배치", "under-eye fat repositioning", "眼袋手术", "目の下のクマ取り"), ("눈밑", "under-eyes", "眼袋", "目の下")),
    ),
    "nose": (
        (("코 성형", "rhinoplasty", "隆鼻手术", "鼻整形"), ("코", "nose", "鼻子", "鼻")),
        (("코끝 성형", "tip plasty", "鼻尖整形", "鼻尖形成"), ("코끝", "nasal tip", "鼻尖", "鼻先")),
        (("매부리코 교정", "dorsal hump reduction", "驼峰鼻矫正", "ワシ鼻修正"), ("콧대", "nasal bridge", "鼻梁", "鼻筋")),
    ),
    "face_contour": (
        (("사각턱 수술", "square jaw reduction", "下颌角手术", "エラ削り"), ("턱", "jaw", "下颌", "エラ")),
        (("광대 축소술", "cheekbone reduction", "颧骨缩小", "頬骨削り"), ("광대", "cheekbones", "颧骨", "頬骨")),
        (("양악 수술", "double jaw surgery", "双颚手术", "両顎手術"), ("턱", "jaw", "下巴", "顎")),
        (("턱끝 성형", "genioplasty", "下巴整形", "顎先形成"), ("턱끝", "chin", "下巴", "顎先")),
    ),
    "breast": (
        (("가슴 확대", "breast augmentation", "隆胸手术", "豊胸手術"), ("가슴", "breasts", "胸部", "胸")),
        (("가슴 축소", "breast reduction", "缩胸手术", "乳房縮小術"), ("가슴", "breasts", "胸部", "胸")),
        (("여유증 수술", "gynecomastia surgery", "男性乳房发育症手术", "女性化乳房手術"), ("가슴", "chest", "胸部", "胸")),
    ),
    "body": (
        (("복부 지방흡입", "abdominal liposuction", "腹部吸脂", "腹部脂肪吸引"), ("복부", "abdomen", "腹部", "お腹")),
        (("허벅지 지방흡입", "thigh liposuction", "大腿吸脂", "太もも脂肪吸引"), ("허벅지", "thighs", "大腿", "太もも")),
        (("팔뚝 지방흡입", "arm liposuction", "手臂吸脂", "二の腕脂肪吸引"), ("팔뚝", "upper arms", "手臂", "二の腕")),
    ),
    "lifting": (
        (("실리프팅", "thread lift", "线雕提升", "糸リフト"), ("볼", "cheeks", "脸颊", "頬")),
        (("안면거상", "facelift", "面部拉皮", "フェイスリフト"), ("얼굴", "face", "面部", "顔")),
        (("울쎄라", "Ultherapy", "超声刀", "ウルセラ"), ("턱선", "jawline", "下颌线", "フェイスライン")),
    ),
    "skin": (
        (("보톡스", "Botox", "肉毒素注射", "ボトックス"), ("이마", "forehead", "额头", "おでこ")),
        (("필러", "filler", "玻尿酸填充", "ヒアルロン酸注入"), ("팔자주름", "smile lines", "法令纹", "ほうれい線")),
        (("레이저 토닝", "laser toning", "激光祛斑", "レーザートーニング"), ("피부", "skin", "皮肤", "肌")),
        (("여드름 흉터 치료", "acne scar treatment", "痘坑治疗", "ニキビ跡治療"), ("볼", "cheeks", "脸颊", "頬")),
    ),
    "hair": (
        (("모발이식", "hair transplant", "植发", "植毛"), ("두피", "scalp", "头皮", "頭皮")),
        (("헤어라인 교정", "hairline correction", "发际线调整", "生え際修正"), ("이마", "forehead", "额头", "おでこ")),
    ),
    "other": (
        (("흉터 재건술", "scar revision", "疤痕修复", "傷跡修正"), ("피부", "skin", "皮肤", "肌")),
        (("귀 성형", "otoplasty", "耳朵整形", "耳整形"), ("귀", "ears", "耳朵", "耳")),
    ),
}
AREAS = tuple(PROCEDURES)
AREA_WEIGHTS = (18, 15, 10, 9, 10, 10, 16, 6, 6)

ANESTHETICS = (("프로포폴", "propofol", "丙泊酚", "プロポフォール"), ("리도카인", "lidocaine", "利多卡因", "リドカイン"),
               ("케타민", "ketamine", "氯胺酮", "ケタミン"))
# medicines patients take themselves (and must pause before surgery)
DRUGS = (("아스피린", "aspirin", "阿司匹林", "アスピリン"), ("항생제", "antibiotics", "抗生素", "抗生物質"),
         ("타이레놀", "Tylenol", "泰诺", "タイレノール"), ("이부프로펜", "ibuprofen", "布洛芬", "イブプロフェン"),
         ("와파린", "warfarin", "华法林", "ワーファリン"), ("이소트레티노인", "isotretinoin", "异维A酸", "イソトレチノイン"))
TERMS = (("붓기", "swelling", "肿胀", "腫れ"), ("멍", "bruising", "淤青", "内出血"), ("실밥", "stitches", "拆线", "抜糸"),
         ("흉터", "scarring", "疤痕", "傷跡"), ("부작용", "side effects", "副作用", "副作用"),
         ("염증", "inflammation", "炎症", "炎症"), ("비대칭", "asymmetry", "不对称", "左右差"))
DURATIONS = (("3일", "3 days", "三天", "3日"), ("1주일", "one week", "一周", "1週間"), ("2주", "2 weeks", "两周", "2週間"),
             ("10일", "10 days", "十天", "10日"), ("한 달", "a month", "一个月", "1ヶ月"),
             ("3개월", "3 months", "三个月", "3ヶ月"), ("6개월", "6 months", "半年", "半年"),
             ("4~6일", "4 to 6 days", "四到六天", "4〜6日"))
# (ko, en, zh, ja) templates of a dose; {n} is filled with a plausible amount
DOSES = (("{n}유닛", "{n} units", "{n}单位", "{n}単位"), ("{c}cc", "{c} cc", "{c}毫升", "{c}cc"),
         ("{s}샷", "{s} shots", "{s}发", "{s}ショット"))
# price templates; {m} is in units of 10,000 won
PRICES = (("{m}만원", "{m}0,000 won", "{m}万韩元", "{m}万ウォン"), ("계약금 {m}만원", "a {m}0,000 won down payment",
          "订金{m}万韩元", "手付金{m}万ウォン"), ("VAT 포함 {m}만원", "${d},000", "{y}元", "{y0}万円"))
