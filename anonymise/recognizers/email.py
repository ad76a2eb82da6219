"""EMAIL: plain addresses and the obfuscated ways people write them (골뱅이, (at), [dot], 닷컴 ...)."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

LOCAL = r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}"
AT_WORD = r"(?:[ \t]*(?:골뱅이|앳)[ \t]*|[ \t]+at[ \t]+|[ \t]*[(\[{<][ \t]*(?:at|@|골뱅이)[ \t]*[)\]}>][ \t]*)"
DOT_WORD = r"(?:[ \t]*(?:닷|점)[ \t]*|[ \t]+dot[ \t]+|[ \t]*[(\[{<][ \t]*(?:dot|\.|닷|점)[ \t]*[)\]}>][ \t]*)"
KOREAN_PORTAL = r"(?:네이버|다음|한메일|지메일|네이트|카카오|핫메일|야후)"
DOMAIN_WORD = rf"(?:[A-Za-z0-9-]{{2,63}}|{KOREAN_PORTAL})"
TLD = r"(?:[A-Za-z]{2,6}|컴|넷|kr)"


class EmailRecognizer(PatternRecognizer):
    # Every pattern holds an @ or a spelt-out one (골뱅이, 앳, " at ", "(at)").
    TEXT_GATES = (gates.LATIN_OR_DIGIT, gates.gate(r"@|골뱅이|앳|[ \t]at[ \t]|[(\[{<][ \t]*at"))
    PATTERNS = [
        Pattern("email", r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", 0.9),
        Pattern("email_spaced_at",
                rf"{LOCAL}[ \t]*@[ \t]+[A-Za-z0-9-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9-]+)*[ \t]*\.[ \t]*[A-Za-z]{{2,}}", 0.8),
        # name 골뱅이 naver 닷 com / name(at)gmail(dot)com / name@gmail[dot]com / 네이버닷컴
        Pattern("email_obfuscated",
                rf"{LOCAL}(?:{AT_WORD}|@|[ \t]+@[ \t]+){DOMAIN_WORD}(?:(?:{DOT_WORD}|\.){DOMAIN_WORD})*(?:{DOT_WORD}|\.){TLD}"
                rf"(?:(?:{DOT_WORD}|\.)(?:kr|jp|cn|uk))?(?![A-Za-z])", 0.8),
        Pattern("email_portal_only", rf"{LOCAL}[ \t]*(?:골뱅이|@)[ \t]*{KOREAN_PORTAL}", 0.7),
    ]
    CONTEXT = ["메일", "이메일", "email", "e-mail", "mail", "邮箱", "メール"]

    def __init__(self):
        super().__init__(supported_entity="EMAIL", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="EmailRecognizer")


RECOGNIZERS = [EmailRecognizer]
