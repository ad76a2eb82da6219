"""URL: http(s)/www links and bare links to sites where a path names a person (blogs, social profiles).

A URL ends at whitespace, quotes, brackets or Hangul (Korean text is often glued to the link).
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

URL_CHARS = r"[^\s<>\"'()\[\]{}\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3000-\u303f\u4e00-\u9fff\u3040-\u30ff\uff01-\uff5e]"
# Sites whose paths are personal pages (profiles, blogs, channels).
PERSONAL_SITES = (r"(?:[a-z0-9-]+\.)*(?:instagram|facebook|fb|twitter|x|tiktok|youtube|youtu|threads|linkedin|pinterest|"
                  r"blog\.naver|cafe\.naver|naver|tistory|brunch|velog|medium|band|linktr|weibo|xiaohongshu|xhslink|"
                  r"douyin|bilibili|ameblo|note|lit|vk|snapchat|github|open\.kakao|pf\.kakao|story\.kakao|line|t)"
                  r"\.(?:com|net|me|co\.kr|kr|co|be|ee|us|cn|jp|io|ly|link)")

COMMON_TLD = r"(?:com|net|org|co\.kr|kr|me|io|jp|cn|ly|gl|to|tv|be|cc|info|biz|xyz|app|page|site)"


class UrlRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.URL_MARK,)
    PATTERNS = [
        Pattern("url_scheme", rf"(?<![A-Za-z0-9_@])(?:https?://|www\.){URL_CHARS}+(?<![.,!?;:])", 0.9),
        Pattern("url_personal_site", rf"(?<![A-Za-z0-9_@./]){PERSONAL_SITES}/{URL_CHARS}+(?<![.,!?;:])", 0.85),
        # Any other bare domain with a path: personal pages hide under many hosts.
        Pattern("url_bare_with_path",
                rf"(?<![A-Za-z0-9_@./])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{COMMON_TLD}/{URL_CHARS}+(?<![.,!?;:])", 0.6),
    ]
    CONTEXT = ["링크", "주소", "사이트", "블로그", "url", "link", "site", "blog", "http"]

    def __init__(self):
        super().__init__(supported_entity="URL", patterns=self.PATTERNS, context=self.CONTEXT, name="UrlRecognizer")


RECOGNIZERS = [UrlRecognizer]
