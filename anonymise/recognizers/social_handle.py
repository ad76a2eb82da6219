"""SOCIAL_HANDLE: @handles and profile names on Instagram, TikTok, X, YouTube ..., and profile links."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates
from anonymise.recognizers.account_names import ACCOUNT_NAME, ID_LIKE

SITE_NAMES = (r"instagram|인스타그램|인스타|insta|IG|틱톡|tiktok|트위터|twitter|X|유튜브|youtube|스레드|threads|"
              r"페이스북|facebook|블로그|blog|小红书|微博|weibo|抖音|インスタ|ツイッター|snapchat|스냅챗")
SITE = rf"(?<![A-Za-z])(?:{SITE_NAMES})"
MARK = r"(?:[ \t]*(?:아이디|id|계정|account|handle|username|号|アカウント))?(?:[ \t]*(?:[:：=]|는|은|is|是|は)[ \t]*|[ \t]+)"
STRICT_MARK = r"(?:[ \t]*(?:아이디|id|계정|account|handle|username|号|アカウント))?[ \t]*(?:[:：=]|는|은|is|是|は)[ \t]*"
# "photos are on my Instagram x": the possessive makes the site name a label.
MY_SITE = r"(?<=(?<![A-Za-z])my[ \t]+(?:instagram|insta|IG|tiktok|twitter|X|youtube|threads|facebook)[ \t]*(?:[:：]|is)?[ \t]+@?)"
# Words that follow "my Instagram (is)" without being a handle.
NOT_HANDLES = frozenset({"private", "public", "closed", "open", "down", "not", "also", "the", "my", "here", "below",
                         "above", "linked", "same", "active", "new", "empty", "deleted", "this", "that", "page",
                         "profile", "account", "handle", "story", "stories", "feed", "post", "posts", "bio", "dm",
                         "dms", "highlights", "reels", "too", "and", "or", "for", "so", "but", "with", "where", "if"})
# After a Hangul site word any Latin token is the account: Korean sentences do not go on in Latin.
HANGUL_SITE_PREFIX = (r"(?<=(?:인스타그램|인스타|틱톡|트위터|유튜브|스레드|페이스북|스냅챗)"
                      r"(?:[ \t]*(?:아이디|계정|ID|id))?(?:[ \t]*(?:[:：=]|은|는|이|가|도))?[ \t]*@?)")
# "인스타 DM 주셔도 돼요 → x": an account-shaped token a few words after a Hangul site word.
NEAR_HANGUL_SITE = r"(?<=(?:인스타그램|인스타|틱톡|트위터|유튜브|스레드|페이스북)[^\n.!?]{0,20}?(?<![A-Za-z0-9._-]))"
HANDLE_CHARS = r"[A-Za-z0-9._]"


class SocialHandleRecognizer(PatternRecognizer):
    # A site word (profile links name their site too) or the @ of a bare handle.
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(rf"{SITE_NAMES}|@"))
    PATTERNS = [
        Pattern("at_handle_after_site", rf"(?<={SITE}[^\n]{{0,40}}?)(?<![A-Za-z0-9_.@])@{HANDLE_CHARS}{{2,30}}(?<!\.)", 0.85),
        Pattern("handle_after_site", rf"(?<={SITE}{MARK}@?){ID_LIKE}", 0.75),
        # "My Instagram is heyyeongkil": after an explicit "is"/":" any handle-shaped token.
        Pattern("word_handle_after_site_marker", rf"(?<={SITE}{STRICT_MARK}@?){ACCOUNT_NAME}", 0.6),
        Pattern("handle_after_my_site", rf"{MY_SITE}{ACCOUNT_NAME}", 0.6),
        Pattern("handle_after_hangul_site", rf"{HANGUL_SITE_PREFIX}{ACCOUNT_NAME}", 0.7),
        Pattern("handle_near_hangul_site", rf"{NEAR_HANGUL_SITE}@?{ID_LIKE}", 0.65),
        # A bare @handle: "@" not inside an e-mail is a mention of an account.
        Pattern("at_handle", rf"(?<![A-Za-z0-9_.@])@(?=[A-Za-z0-9._]*[A-Za-z])[A-Za-z0-9_]{HANDLE_CHARS}{{1,29}}"
                             r"(?<!\.)(?![A-Za-z0-9_@])", 0.6),
        Pattern("profile_link", r"(?<![A-Za-z0-9_.])(?:https?://)?(?:www\.|m\.)?(?:instagram\.com|tiktok\.com|twitter\.com|"
                                r"x\.com|threads\.net|youtube\.com|facebook\.com)/@?[A-Za-z0-9._-]+/?", 0.95),
    ]
    CONTEXT = ["인스타", "instagram", "insta", "tiktok", "틱톡", "twitter", "트위터", "youtube", "유튜브", "팔로우",
               "follow", "dm"]

    def __init__(self):
        super().__init__(supported_entity="SOCIAL_HANDLE", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="SocialHandleRecognizer")

    def invalidate_result(self, pattern_text: str) -> bool:
        return pattern_text.lower() in NOT_HANDLES


RECOGNIZERS = [SocialHandleRecognizer]
