"""Synthetic online identities derived from a person's romanised name: login IDs, e-mail
addresses (and the obfuscated ways people write them), messenger IDs, open-chat links,
Instagram handles and personal URLs."""
from __future__ import annotations

import random

from data_samples.names import Person

EMAIL_DOMAINS = {
    "ko": ("naver.com", "naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com", "nate.com"),
    "en": ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com"),
    "zh": ("qq.com", "163.com", "126.com", "gmail.com"),
    "ja": ("yahoo.co.jp", "gmail.com", "docomo.ne.jp", "icloud.com"),
}
OPEN_CHAT_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"


def name_stem(p: Person, rng: random.Random) -> str:
    """A handle-like stem from a name: 'minsu.kim', 'kim_minsu', 'mkim', 'minsuk'."""
    g, s = p.roman_given.lower().replace(" ", ""), p.roman_surname.lower()
    return rng.choice((f"{g}.{s}", f"{s}_{g}", f"{g[0]}{s}", f"{g}{s[0]}", f"{s}{g}", f"{g}_{s}"))


def login_id(p: Person, rng: random.Random, unique_number: int) -> str:
    """A login ID; ``unique_number`` makes it unique (the stem never ends in a digit)."""
    return f"{name_stem(p, rng)}{unique_number}"


def email(p: Person, rng: random.Random) -> str:
    local = name_stem(p, rng)
    if rng.random() < 0.6:
        local += str(rng.randrange(1, 100))
    return f"{local}@{rng.choice(EMAIL_DOMAINS[p.origin])}"


def obfuscate_email(address: str, rng: random.Random) -> str:
    """How people dodge spam filters: '골뱅이', '(at)', '[dot]'."""
    local, domain = address.split("@")
    style = rng.randrange(4)
    if style == 0:
        return f"{local} 골뱅이 {domain}"
    if style == 1:
        return f"{local}(at){domain}"
    if style == 2:
        return f"{local}@{domain.replace('.', '[dot]')}"
    return f"{local} at {domain.replace('.', ' dot ')}"


def kakao_id(p: Person, rng: random.Random) -> str:
    return f"{name_stem(p, rng)}{rng.randrange(10, 1000)}"


def line_id(p: Person, rng: random.Random) -> str:
    return f"{p.roman_given.lower()}_{rng.randrange(100, 10000)}"


def wechat_id(rng: random.Random) -> str:
    return "wxid_" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))


def open_chat_link(rng: random.Random) -> str:
    return "https://open.kakao.com/o/" + "".join(rng.choice(OPEN_CHAT_CHARS) for _ in range(8))


def instagram_handle(p: Person, rng: random.Random) -> str:
    """Without the '@'."""
    stem = name_stem(p, rng)
    return rng.choice((stem, f"{stem}_{rng.randrange(1, 100)}", f"{stem}.daily", f"{stem}__"))


def personal_url(handle: str, rng: random.Random) -> str:
    return rng.choice((f"https://www.instagram.com/{handle}/", f"blog.naver.com/{handle}",
                       f"https://m.blog.naver.com/{handle}", f"https://www.youtube.com/@{handle}",
                       f"https://www.tiktok.com/@{handle}", f"https://x.com/{handle}"))
