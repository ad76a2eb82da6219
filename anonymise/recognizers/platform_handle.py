"""SOCIAL_HANDLE and MEMBER_ID after a platform or account word when the handle has a shape the
site recognizers do not read: written after a dash (Instagram - x.y_97), holding Han or Kana
(微博：小鹿_9527), or after user/owner/login (user jkw_1987, owner: marco_77). The handle must hold a
digit, an underscore or a dot: a plain word after "user" is English. After a site or messenger word
and a separator, or after a contact phrase (follow me at, add me on, DM me, find me under), a
handle of letters only counts when no dictionary has it (follow me at glowwithmina, my page is
glowbymina, glowbymina on insta).
Handles that carry their site in their shape (u/name, $name) need no site word.
Platform words include the slang of other languages: vx/wx/V信 (WeChat), QQ, ไลน์ (LINE in Thai),
телеграм/тг/ватсап/вайбер, инстаграм/инста.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

SITE = (r"(?i:(?<![A-Za-z])(?:instagram|insta|ig|tiktok|twitter|youtube|threads|facebook|fb|snapchat|snap|pinterest|"
        r"weibo|bilibili|twitch|reddit|discord|github|linkedin|tumblr|venmo|cashapp|cash[ \t]app|soundcloud|bluesky|"
        r"mastodon)(?![A-Za-z])|小红书|小紅書|微博|抖音|快手|B站|インスタ|ティックトック|"
        r"(?<![\w])(?:инстаграм\w*|инста|тикток\w*|вконтакте|вк)(?![\w])|อินสตาแกรม|ไอจี|ติ๊กต๊อก)")
MESSENGER = (r"(?i:(?<![A-Za-z])(?:line|wechat|telegram|zalo|viber|kakao(?:talk)?|whatsapp|vx|wx|qq|v信)(?![A-Za-z])|"
             r"微信|微信号|薇信|威信|绿泡泡|扣扣|ライン|ไลน์|ไอดีไลน์|"
             r"(?<![\w])(?:телеграм\w*|телега|тг|ватсап\w*|вотсап\w*|вацап\w*|вайбер\w*)(?![\w]))")
LABEL = r"(?:[ \t]*(?i:id|account|acct|handle|username|name)|号|账号|帳號|アカウント|名)?"
SEPARATOR = r"[ \t]*(?:[:：=]|[-–—]|(?i:is))[ \t]*@?"
# A handle: 3+ letters of any script, digits, _ and ., with a letter and a digit, _ or . inside.
HANDLE = r"(?=[^\s，。,、！？!?]*[^\W\d_])(?=[^\s，。,、！？!?]*[\d_.])[\w.]{2,}(?<![.])"
ACCOUNT = r"(?i:(?<![A-Za-z])(?:user(?:name)?|user[ \t]id|login|log-in|owner|account[ \t]name|nick(?:name)?)(?![A-Za-z]))"
STRONG_ACCOUNT = r"(?i:(?<![A-Za-z])(?:user[ \t]?name|user[ \t]id|login|screen[ \t]name|handle|gamertag|nickname)(?![A-Za-z]))"
ASCII_HANDLE = r"(?=[A-Za-z0-9._]*[A-Za-z])(?=[A-Za-z0-9._]*[\d_])[A-Za-z0-9][A-Za-z0-9._]{1,30}(?<![.])"


# A plain word as a handle: only where a separator or a contact phrase says one follows.
WORD_HANDLE = r"[A-Za-z][A-Za-z0-9._]{3,30}(?<![.])(?![\w])"
STRICT_SEPARATOR = r"[ \t]*(?:[:：=]|[-–—])[ \t]*@?"
CONTACT = (r"(?i:(?<![A-Za-z])(?:follow[ \t]+(?:me|us)(?:[ \t]+(?:at|on|as))?|add[ \t]+(?:me|us)(?:[ \t]+(?:at|on|as))?|"
           r"(?:dm|message|msg|text)[ \t]+(?:me|us)[ \t]+(?:at|on)|find[ \t]+(?:me|us)[ \t]+(?:at|on|as|under)|"
           r"look[ \t]+(?:me|us)[ \t]+up(?:[ \t]+(?:as|under))?|i[ \t]+go[ \t]+by|under[ \t]+the[ \t]+(?:name|handle)|"
           r"(?:my|our)[ \t]+(?:page|account|profile|channel|blog|shop)[ \t]+(?:is|:))"
           r"[ \t]*:?[ \t]*@?)")


def _dictionary_word(pattern_text: str) -> bool:
    """A word some dictionary has or a project term: English, not a handle."""
    from anonymise import vocabulary

    word = pattern_text.casefold()
    return word.isalpha() and (vocabulary.is_ordinary_word(word, "en") or vocabulary.is_safe_term(word))


class PlatformHandleRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(rf"{SITE}|{CONTACT}"))
    PATTERNS = [Pattern("handle_after_site_separator", rf"(?<={SITE}{LABEL}{SEPARATOR})(?<![\w.]){HANDLE}(?![\w])", 0.75),
                Pattern("word_after_site_separator", rf"(?<={SITE}{LABEL}{STRICT_SEPARATOR})(?<![\w.]){WORD_HANDLE}", 0.6),
                Pattern("handle_after_contact_phrase", rf"(?<={CONTACT})(?<![\w.]){WORD_HANDLE}", 0.6),
                # "minaglowy on insta": the handle before its site.
                Pattern("handle_before_site", rf"(?<![\w.@]){WORD_HANDLE}(?=[ \t]+(?:on|at)[ \t]+{SITE})", 0.6)]

    def __init__(self):
        super().__init__(supported_entity="SOCIAL_HANDLE", patterns=self.PATTERNS, name="PlatformHandleRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        return _dictionary_word(pattern_text)


class HandleShapeRecognizer(PatternRecognizer):
    """Handles that carry their site in their shape: u/name (Reddit), $name (Cash App)."""
    TEXT_GATES = (gates.gate(r"u/|\$[A-Za-z]"),)
    PATTERNS = [Pattern("reddit_user", r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}(?![\w])", 0.8),
                Pattern("cashtag", r"(?<![\w$])\$[A-Za-z][A-Za-z0-9_-]{2,19}(?![\w])", 0.7)]

    def __init__(self):
        super().__init__(supported_entity="SOCIAL_HANDLE", patterns=self.PATTERNS, name="HandleShapeRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        # $USD, $CAD: a currency code, not a cashtag.
        return pattern_text.startswith("$") and pattern_text[1:].isupper() and len(pattern_text) == 4


class MessengerHandleRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(MESSENGER))
    PATTERNS = [Pattern("id_after_messenger", rf"(?<={MESSENGER}{LABEL}{SEPARATOR})(?<![\w.]){HANDLE}(?![\w])", 0.75),
                Pattern("word_after_messenger_separator",
                        rf"(?<={MESSENGER}{LABEL}{STRICT_SEPARATOR})(?<![\w.]){WORD_HANDLE}", 0.6)]

    def __init__(self):
        super().__init__(supported_entity="MESSENGER_ID", patterns=self.PATTERNS, name="MessengerHandleRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        return _dictionary_word(pattern_text)


class AccountNameRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.gate(r"user|login|log-in|owner|account|nick|handle|screen|gamertag"),)
    PATTERNS = [Pattern("login_after_account_word",
                        rf"(?<={ACCOUNT}[ \t]*(?:[:：=#]|is|was)?[ \t]*@?)(?<![\w.]){ASCII_HANDLE}(?![\w])", 0.7),
                # "username: moonlitwriter": after a username word and a separator any word that no
                # dictionary has (checked in invalidate_result).
                Pattern("word_after_username", rf"(?<={STRONG_ACCOUNT}[ \t]*(?:[:：=#]|is|was)[ \t]*@?)(?<![\w.])"
                                               r"[A-Za-z][A-Za-z0-9._]{3,30}(?<![.])(?![\w])", 0.6)]

    def __init__(self):
        super().__init__(supported_entity="MEMBER_ID", patterns=self.PATTERNS, name="AccountNameRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        from anonymise import vocabulary

        word = pattern_text.casefold()
        return word.isalpha() and (vocabulary.is_ordinary_word(word, "en") or vocabulary.is_safe_term(word))


RECOGNIZERS = [PlatformHandleRecognizer, HandleShapeRecognizer, MessengerHandleRecognizer, AccountNameRecognizer]
