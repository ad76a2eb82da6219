"""MEMBER_ID: site login IDs after 아이디 / 회원 ID / login / username."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates
from anonymise.recognizers.account_names import ACCOUNT_NAME, ID_LIKE

ID_WORD = (r"(?<![A-Za-z])(?:회원[ \t]?(?:아이디|ID|id)|아이디|로그인[ \t]?(?:아이디|ID)?|ID|login(?:[ \t]?id)?|"
           r"user[ \t]?(?:name|id)|username|member[ \t]?id|account(?:[ \t]?id)?|ユーザーID|会员ID|用户名|账号)")
# Labels that name a login and nothing else, so any name-shaped token after them is one.
LOGIN_WORD = r"(?<![A-Za-z])(?:아이디|username|user[ \t]?name|user[ \t]?id|login[ \t]?id|member[ \t]?id)"
SIGNED_UP = (r"(?<![A-Za-z])(?:registered|signed[ \t]?up|sign[ \t]?up|joined|logged[ \t]?in|log[ \t]?in)"
             r"[ \t]+(?:as|with|under)[ \t]+")
# "ID on your website is x": a few words may sit between the label and its verb.
MARK = r"(?:(?:[ \t]+(?:on|for|at|in|of)[ \t]+[A-Za-z ]{1,25}?)?[ \t]*(?:[:：=]|는|은|이|가|is|是|は)[ \t]*)"
LOGIN = rf"(?=[A-Za-z]){ACCOUNT_NAME}"


class MemberIdRecognizer(PatternRecognizer):
    # The words every label is made of.
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(r"아이디|로그인|계정|ID|login|log[ \t]?in|user|member|account|"
                                                    r"ユーザーID|会员ID|用户名|账号|registered|sign|joined|logged"))
    PATTERNS = [
        # "x 아이디로 적립금", "x 계정으로 로그인": the label may follow the ID in Korean.
        Pattern("login_before_id_word",
                rf"(?<![A-Za-z0-9._-]){ID_LIKE}(?=[ \t]*(?:이라는[ \t]*|라는[ \t]*)?(?:회원[ \t]?)?(?:아이디|계정|ID))", 0.7),
        Pattern("login_after_signed_up", rf"(?<={SIGNED_UP}){ID_LIKE}", 0.7),
        # "아이디 abc 로", "username abc": a Latin token right after an unambiguous login word.
        Pattern("login_after_login_word", rf"(?<={LOGIN_WORD}[ \t]+){LOGIN}", 0.6),
        Pattern("login_after_login_word_marker", rf"(?<={LOGIN_WORD}{MARK}){LOGIN}", 0.7),
        Pattern("login_after_marker", rf"(?<={ID_WORD}{MARK}[(\[]?){ID_LIKE}", 0.75),
        Pattern("login_after_word", rf"(?<={ID_WORD}[ \t]*(?:\(|\[)?){ID_LIKE}", 0.6),
        Pattern("word_login_after_marker", rf"(?<={ID_WORD}[ \t]*[:：=][ \t]*){LOGIN}", 0.7),
    ]
    CONTEXT = ["아이디", "회원", "로그인", "login", "username", "member", "account"]

    def __init__(self):
        super().__init__(supported_entity="MEMBER_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="MemberIdRecognizer")


RECOGNIZERS = [MemberIdRecognizer]
