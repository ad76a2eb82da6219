"""What an account name (login ID, messenger ID, social handle) looks like, shared by their recognizers.

A trailing dot or hyphen is sentence punctuation, never part of the name.
"""
from __future__ import annotations

# Any name-shaped Latin token: only safe right after an explicit label ("카톡 아이디:", "username").
ACCOUNT_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]{2,29}(?<![.-])(?![A-Za-z0-9_])"
# A token that could not be an ordinary word: starts with a letter and holds an underscore, an inner
# dot or two digits. Safe with looser context ("카카오톡 상담 원하시면 x 추가").
ID_LIKE = r"(?=[A-Za-z0-9._-]*(?:_|\.[A-Za-z0-9]|\d{2}))[A-Za-z][A-Za-z0-9._-]{2,29}(?<![.-])(?![A-Za-z0-9_])"
