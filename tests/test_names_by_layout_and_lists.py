"""Person names told by their neighbours and the text's layout: an item of a list of names, a chat
transcript's speaker column and its echoes, a name after a staff role, a letter-spaced Hangul name, a
surname outside the lists before a Chinese title of address. Every person here is invented; the
procedure and drug lists, the schedules and the words with a surname character must stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, gone, kept", [
    ("同事：王丽华、李明、禤翔一起来咨询。", ["禤翔"], ["同事", "一起来咨询"]),
    ("我朋友張美玲、陳志明、禤翔想一起來做雙眼皮", ["禤翔"], ["我朋友", "想一起來", "雙眼皮"]),
    ("参加者：佐藤花子・鈴木一郎・勅使河原蓮", ["勅使河原蓮", "蓮"], ["参加者"]),
    ("친구 김하늘, 박서준, 탁무겸이랑 같이 가요", ["탁무겸"], ["이랑 같이 가요"]),
    ("Friends coming: Anna Berg, Tomas Lind, Kip", ["Kip"], ["Friends coming"]),
])
def test_an_item_of_a_list_of_names_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", [
    "想做雙眼皮、眼袋、開眼頭",
    "双眼皮、眼袋、开眼角都想做",
    "보톡스, 필러, 스킨부스터 가격 알려주세요",
    "ボトックス、ヒアルロン酸、ピコレーザーの料金",
    "Botox, Juvederm, Restylane prices",
])
def test_lists_of_procedures_and_drugs_stay(text):
    words = [w.strip() for w in text.replace("、", ",").split(",")]
    check(text, [], [w.split()[0][:2] for w in words])


@pytest.mark.parametrize("text, gone, kept", [
    ("19:40\t滕 翔\t明天几点到？\n19:41\tKip\tok 3点吧\n19:42\t滕 翔\t好的，滕翔知道了",
     ["滕 翔", "Kip", "滕翔"], ["明天几点到", "好的"]),
    ("21:10\t勅使河原 蓮\t明日行きます\n21:11\tゆき\tはーい", ["勅使河原 蓮", "ゆき"], ["明日行きます", "はーい"]),
    ("[2024/03/05, 21:10] Bo Lundqvist: see you tomorrow\n[2024/03/05, 21:11] Mira: ok Bo, bring the form",
     ["Lundqvist", "Mira", "ok Bo"], ["see you tomorrow", "bring the form"]),
    ("08:02\tОксана\tбуду в 10\n08:05\tТарас\tдобре", ["Оксана", "Тарас"], ["буду в 10", "добре"]),
])
def test_a_transcripts_speaker_column_and_its_echoes_go(text, gone, kept):
    check(text, gone, kept)


def test_a_schedules_column_of_words_stays():
    check("10:00\t상담\t가능해요\n11:00\t시술\t가능", [], ["상담", "시술", "가능해요"])


@pytest.mark.parametrize("text, gone, kept", [
    ("상담 예약이 확정되었습니다 (담당 Rowan)", ["Rowan"], ["담당", "예약"]),
    ("ご予約を承りました。（担当 ヴェラ）", ["ヴェラ"], ["担当", "ご予約"]),
    ("코디 林小雨 선생님이 연락드릴게요", ["林小雨"], ["코디", "선생님이 연락드릴게요"]),
    ("코디 Marisol 님이 안내해 드려요", ["Marisol"], ["코디", "안내해"]),
])
def test_a_name_after_a_staff_role_goes(text, gone, kept):
    check(text, gone, kept)


def test_a_staff_role_with_a_word_stays():
    check("예약 변경은 (담당 상담실)로 연락 주세요", [], ["담당 상담실"])


@pytest.mark.parametrize("text, gone, kept", [
    ("김 하 늘\n대표원장\n서울 강남구", ["김 하 늘"], ["대표원장"]),
    ("남 궁 지 안 실장", ["남 궁 지 안"], ["실장"]),
])
def test_a_letter_spaced_hangul_name_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text", ["이 두 개 주세요", "그 후 두 달 지났어요", "또 한 번 받고 싶어요"])
def test_korean_one_syllable_words_stay(text):
    check(text, [], [text.split()[0] + " " + text.split()[1]])


@pytest.mark.parametrize("text, gone, kept", [
    ("禤先生您好，关于手术时间", ["禤"], ["先生您好", "手术时间"]),
    ("郗女士您好，预约已确认", ["郗"], ["女士您好", "预约"]),
    ("覃太太，明天见", ["覃"], ["太太", "明天见"]),
    ("您好，欧阳女士，手术在周五", ["欧阳"], ["您好", "女士", "周五"]),
    ("亲爱的禤小姐，您的预约已确认", ["禤"], ["小姐", "预约"]),
])
def test_a_surname_outside_the_lists_before_a_title_of_address_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text, kept", [
    ("老太太说恢复得很好", ["老太太"]),
    ("各位女士您好，活动下周开始", ["各位女士"]),
    ("先生您好，我想咨询", ["先生您好"]),
    ("大小姐脾气也没关系", ["大小姐"]),
    ("山田先生の説明で安心しました", ["先生の説明"]),
])
def test_words_before_a_title_stay(text, kept):
    check(text, [], kept)


@pytest.mark.parametrize("text, gone, kept", [
    ("山田 ひまりです。よろしくお願いします", ["山田", "ひまり"], ["よろしく"]),
    ("森 さくらと一緒に行きます", ["森", "さくら"], ["一緒に行きます"]),
    ("予約は佐藤 アンナさんです", ["佐藤", "アンナ"], ["予約は"]),
])
def test_a_kana_given_name_after_a_japanese_surname_and_a_space_goes(text, gone, kept):
    check(text, gone, kept)


@pytest.mark.parametrize("text, kept", [("田中 また来ます", "また来ます"), ("山本 ですか？", "ですか"),
                                        ("原 それです", "それです")])
def test_a_function_word_after_a_surname_and_a_space_stays(text, kept):
    check(text, [], [kept])


@pytest.mark.parametrize("text, gone, kept", [
    ("予約者：勅使河原\n希望日：3月5日", ["勅使河原"], ["予約者", "希望日"]),
    ("联系人：禤丽华", ["禤丽华", "华"], ["联系人"]),
    ("我朋友滕建国想咨询", ["滕建国", "国"], ["我朋友", "想咨询"]),
    ("介绍人是禤小明，谢谢", ["禤小明", "明"], ["介绍人是", "谢谢"]),
])
def test_the_whole_name_goes_after_a_label_or_a_cue(text, gone, kept):
    check(text, gone, kept)
