"""The pieces of an address that identify a home on their own: a road or lot with its number
(테헤란로 12, 역삼동 123-45), a building and unit (101동 1203호), a Latin house number and street.

The record's deny list and the leak gate's needles both cut a member's known address into these
fragments, and the ADDRESS recognizer shares the street types. Plain ``re`` patterns: the gate
imports this module without loading spaCy or Presidio.
"""
from __future__ import annotations

import re

ROAD_NAME = r"[가-힣A-Za-z0-9]+(?:로|길)"  # 테헤란로, 서초중앙길
SIDE_STREET = r"(?:\s?\d+(?:번)?길)?"  # 테헤란로 5길 12, 강남대로94번길 9
LOT_NAME = r"[가-힣]+(?:동|리|가)"  # 역삼동, 봉담리, 충무로2가
HOUSE_NUMBER = r"\d+(?:-\d+)?"

# Whole fragments, as the deny list matches them again in text.
ROAD_AND_NUMBER = re.compile(rf"{ROAD_NAME}{SIDE_STREET}\s*{HOUSE_NUMBER}")
LOT_AND_NUMBER = re.compile(rf"{LOT_NAME}\s*{HOUSE_NUMBER}(?:번지)?")
UNIT_NUMBER = re.compile(r"(?<![\d-])\d+\s*호")
# (road or lot, number), which the gate writes with and without the space between them.
ROAD_NUMBER_PARTS = re.compile(rf"({ROAD_NAME})\s*({HOUSE_NUMBER})")
LOT_NUMBER_PARTS = re.compile(rf"({LOT_NAME})\s*({HOUSE_NUMBER})(?:번지)?")
# (building, unit): 101동 1203호.
BUILDING_UNIT = re.compile(r"(\d+)\s*동\s*(\d+)\s*호")

# Street types of Latin-script addresses, the common ones first. The recognizer takes all of them
# after a capitalised street name; the gate cuts a member's address at the common ones.
COMMON_STREET_TYPES = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Boulevard", "Dr", "Drive", "Ln", "Lane",
                       "Way", "Ct", "Court", "Pl", "Place")
STREET_TYPES = COMMON_STREET_TYPES + (
    "Pkwy", "Parkway", "Hwy", "Highway", "Ter", "Terrace", "Cir", "Circle", "Sq", "Square", "Trl", "Trail", "Loop",
    "Row", "Crossing", "Plaza", "Park", "Path", "Pike", "Run", "Walk")
# A house number, one to three words and a common street type: "221b Baker Street".
LATIN_STREET = re.compile(r"\b\d+[A-Za-z]?\s+(?:[A-Za-z]+\s+){1,3}(?:%s)\b\.?" % "|".join(COMMON_STREET_TYPES),
                          re.IGNORECASE)
