"""Names outside Korean by their place: a sign-off after the last sentence, a Chinese name glued to a
role word, a one-kanji chat speaker, a Latin name after a Chinese cue, a romanised or lower-case
surname beside a given name found already. Every person here is invented; the words around them stay."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, name, kept", [
    ("ご質問ありがとうございます。術後の腫れは一週間ほどで引きます。裵", "裵", ["術後", "一週間"]),
    ("您好，已为您预约周六上午十点。请提前十分钟到。韩", "韩", ["预约", "十分钟"]),
    ("상담 예약 도와드렸습니다. 당일 뵙겠습니다.\n윤", "윤", ["예약", "뵙겠습니다"]),
    ("当日は受付でお名前をお伝えください。\nあやめ", "あやめ", ["受付", "お名前"]),
    ("ราคานี้รวมยาชาแล้วค่ะ แล้วพบกันนะคะ มณีรัตน์ (ผู้ประสานงาน)", "มณีรัตน์", ["ราคา", "ผู้ประสานงาน"]),
])
def test_a_name_alone_after_the_last_sentence_is_the_writer(text, name, kept):
    check(text, [name], kept)


@pytest.mark.parametrize("text, kept", [
    ("ご来院をお待ちしております。敬具", ["敬具"]),
    ("ご来院をお待ちしております。以上", ["以上"]),
    ("有问题随时联系。明天见", ["明天见"]),
    ("好的，收到。谢谢", ["谢谢"]),
])
def test_closing_words_after_the_last_sentence_stay(text, kept):
    check(text, [], kept)


@pytest.mark.parametrize("text, name, kept", [
    ("主刀邱振宇说恢复得不错", "邱振宇", ["主刀", "恢复"]),
    ("主治医生蒋文已经看过片子了", "蒋文", ["主治医生", "已经"]),
    ("这次是助理鲍晓婷帮我办的手续", "鲍晓婷", ["助理", "手续"]),
    ("术后复查找医生韦思齐", "韦思齐", ["复查", "医生"]),
])
def test_a_chinese_name_glued_to_its_role_word_goes_and_the_sentence_stays(text, name, kept):
    check(text, [name], kept)


def test_a_one_kanji_speaker_after_a_time_stamp_goes():
    check("21:03 湊：明日のカウンセリング何時？\n21:04 ほのか：14時だよ", ["湊", "ほのか"], ["カウンセリング", "14時"])


@pytest.mark.parametrize("text, name, kept", [
    ("09:10 陽：ねえ聞いて\n09:11 ちなつ：なに\n09:12 陽：ちなつ、来週ボトックス行く？", "ちなつ", ["ボトックス"]),
    ("22:40 蒼：たくみ本気？\n22:41 たくみ：うん、予約した", "たくみ", ["予約した"]),
])
def test_a_kana_nickname_said_to_someone_in_a_chat_goes(text, name, kept):
    check(text, [name], kept)


def test_clause_openers_in_a_chat_stay():
    check("22:40 蒼：それ本気？\n22:41 湊：でも、高いよ。うん、まあね", [], ["それ本気", "でも、", "うん、まあ"])


@pytest.mark.parametrize("text, name, kept", [
    ("我朋友Ah Keong介紹我嚟做激光", "Ah Keong", ["介紹", "激光"]),
    ("英文名：Leung Wing Sze，想約下星期", "Leung Wing Sze", ["想約"]),
    ("同事Fiona推荐的医生", "Fiona", ["推荐"]),
])
def test_a_latin_name_after_a_chinese_cue_goes(text, name, kept):
    check(text, [name], kept)


def test_a_romanised_surname_before_a_found_given_name_goes():
    check("My cousin Mei Ling came last year; her full name is Cheong Mei Ling.", ["Cheong", "Mei Ling"], ["cousin"])


@pytest.mark.parametrize("text, gone, kept", [
    ("hi my name is emily wozniakowa and i want lip filler", ["emily", "wozniakowa"], ["lip filler"]),
    ("hey my name jessica pfanzelter, do u do botox", ["jessica", "pfanzelter"], ["botox"]),
    ("hi im emily btw and i want lip filler", ["emily"], ["btw", "lip filler"]),
])
def test_a_lower_case_surname_after_a_found_given_name_goes(text, gone, kept):
    check(text, gone, kept)


def test_form_field_labels_stay_and_chat_speakers_go():
    out = check("电话：13900001111\n备注：想做热玛吉\n住所：未定", [], ["电话：", "备注：", "住所："])
    assert "13900001111" not in out
    check("美咲：明日行く？\n陽菜：うん", ["美咲", "陽菜"], ["明日行く"])
