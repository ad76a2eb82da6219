"""MESSENGER_ID: KakaoTalk, LINE, WeChat, Telegram IDs after their app's name, and open-chat links.

An ID is only recognised next to an app word: on its own "sunny.log" is not distinguishable from
text. Right after an explicit label ("카톡 아이디:", "LINE ID", "my kakao is") any name-shaped token
counts; with looser context ("카카오톡 상담 원하시면 x 추가") only an ID-shaped one.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates
from anonymise.recognizers.account_names import ACCOUNT_NAME, ID_LIKE

APP_NAMES = (r"카카오톡|카톡|카카오|kakao[ \t]?talk|kakao|katalk|ka-talk|라인|line|ライン|wechat|we[ \t]chat|weixin|"
             r"微信|위챗|vx|telegram|텔레그램|テレグラム|whatsapp|왓츠앱|viber|skype|스카이프|zalo|QQ")
APP = rf"(?<![A-Za-z])(?:{APP_NAMES})"
ID_WORD = r"(?:[ \t]*(?:아이디|id|ID|号|號|번호|账号|アカウント|handle|username|user[ \t]?name))"
MARK = r"(?:[ \t]*(?:[:：=\-→]|는|은|이|가|이에요|is|是|は)[ \t]*\(?|[ \t]+\(?|\()"
HANDLE = rf"@?{ACCOUNT_NAME}"
# "add me on LINE: xyz" / "LINE ID xyz": an ID glued to a bare "line" needs ID word or colon.
STRONG_PREFIX = rf"(?<={APP}(?:の|的)?{ID_WORD}{MARK}|{APP}[ \t]*[:：][ \t]*)"
# "카카오톡 상담 원하시면 x 추가": an ID-shaped token a few words after a Hangul/Han app word.
NEAR_CJK_APP = r"(?<=(?:카카오톡|카톡|카카오|微信|위챗|라인|텔레그램)[^\n.!?。]{0,20}?(?<![A-Za-z0-9._-]))"
# "I'm on LINE as x", "message me on KakaoTalk at x"
ENGLISH_APP_AS = rf"(?<={APP}[ \t]+(?:as|at)[ \t]+)"
# "my kakao is x": the possessive makes the app name a label.
MY_APP_PREFIX = rf"(?<=(?<![A-Za-z])my[ \t]+{APP}(?:[ \t]*(?:id|ID))?[ \t]+is[ \t]+)"
WEAK_PREFIX = rf"(?<=(?<![A-Za-z])(?:kakao[ \t]?talk|kakao|katalk|wechat|telegram){MARK})"
# After an app word in Hangul/Han/Kana any ASCII token is an ID: no Korean sentence continues in Latin.
CJK_GAP = (r"(?:[ \t]*(?:아이디|ID|id|계정|号|號|账号)?[ \t]*(?:친구[ \t]?추가|추가|검색|은|는|이|가|:|：|=|으로|로|是|は)?"
           r"[ \t]*\(?)")
CJK_PREFIX = rf"(?<=(?:카카오톡|카톡|카카오|微信|위챗|라인|ライン|텔레그램){CJK_GAP})"


class MessengerIdRecognizer(PatternRecognizer):
    # An app word, or the host of an open-chat link.
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(rf"{APP_NAMES}|t\.me"))
    PATTERNS = [
        Pattern("id_after_app_and_marker", rf"{STRONG_PREFIX}{HANDLE}", 0.85),
        # Without an explicit marker the token must look like an ID (digit, dot or underscore).
        Pattern("id_after_app", rf"{WEAK_PREFIX}{ID_LIKE}", 0.7),
        Pattern("id_near_cjk_app", rf"{NEAR_CJK_APP}{ID_LIKE}", 0.7),
        Pattern("id_after_app_as", rf"{ENGLISH_APP_AS}{ID_LIKE}", 0.75),
        Pattern("id_after_my_app", rf"{MY_APP_PREFIX}{HANDLE}", 0.75),
        Pattern("id_after_cjk_app", rf"{CJK_PREFIX}{HANDLE}", 0.75),
        Pattern("open_chat_link", r"(?<![A-Za-z0-9_.])(?:https?://)?(?:open\.kakao\.com/o|pf\.kakao\.com|qr\.kakao\.com|"
                                  r"line\.me/(?:ti/p|R/ti/p)?|u\.wechat\.com|t\.me)/[A-Za-z0-9_~%@./-]+", 0.95),
    ]
    CONTEXT = ["카톡", "카카오", "kakao", "line", "라인", "wechat", "微信", "telegram", "텔레그램", "오픈채팅", "openchat"]

    def __init__(self):
        super().__init__(supported_entity="MESSENGER_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="MessengerIdRecognizer")


RECOGNIZERS = [MessengerIdRecognizer]
