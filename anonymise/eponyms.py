"""Eponyms: a capitalised word right before a medical head noun names a disease, sign, procedure or
instrument (Bell's palsy, Baker's cyst, Hartmann procedure, Swan-Ganz catheter, Valsalva maneuver),
not a person of the record; nor does a hospital location label (Ward 6B, Bed 12). Detectors ask ``is_eponym(text, start, end)`` before removing a lone
capitalised word as a name.
"""
from __future__ import annotations

import re

from anonymise.name_data import LATIN_EPONYM_TITLES

HEADS = ("palsy|cyst|cysts|disease|syndrome|sign|signs|test|tests|maneuver|manoeuvre|procedure|procedures|operation|"
         "surgery|score|scale|classification|catheter|catheters|tube|line|fracture|flap|incision|technique|method|"
         "ligament|node|nodes|cell|cells|gland|glands|duct|reflex|phenomenon|repair|stitch|suture|position|point|"
         "points|criteria|index|law|triad|effect|rule|hernia|tumou?r|lymphoma|ulcer|contracture|thyroiditis|"
         "disorder|anomaly|deformity|lines|fold|folds|space|pouch|canal|membrane|body|bodies|nerve|muscle|"
         "approach|retractor|forceps|clamp|needle|lens|implant|implants|plane|lift|block|angle|type|types|"
         "grade|staging|stage|dressing|mask|bag|valve|shunt|drain|filter|dilator|speculum|curette|elevator|"
         "osteotomy|plasty|anastomosis|pessary|sphincter|capsule|area|zone|triangle|ratio|equation|formula|"
         "protocol|regimen|solution|infusion")
AFTER = re.compile(rf"(?:['’]s)?[ \t]+(?:{HEADS})\b", re.IGNORECASE)
# Ward 6B, Bed 12, Bay C: a hospital location label, not a surname.
LOCATION_LABEL = re.compile(r"(?:Ward|Bed|Bay|Theatre|Theater|Pod)[ \t]+[0-9A-Z][0-9A-Za-z]{0,3}\b")
TITLE_BEFORE = re.compile(r"\b(?:%s)\.?[ \t]+$" % "|".join(LATIN_EPONYM_TITLES))


def is_eponym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], one capitalised word (its 's included or not), is an eponym: a medical
    head noun follows and no personal title precedes it (Dr. Baker's test results name a doctor)."""
    word = text[start:end]
    if LOCATION_LABEL.match(text, start) and LOCATION_LABEL.match(text, start).end() > end:
        return True
    if not word[:1].isupper() or " " in word.strip() or TITLE_BEFORE.search(text, max(0, start - 8), start):
        return False
    return AFTER.match(text, end - 2 if word.endswith(("'s", "’s")) else end) is not None
