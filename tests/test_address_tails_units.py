"""An address's unit, town, state and postcode beside it belong to it (#13): the strict score counts a
fragment left standing as a leak. Invented addresses."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, parts, kept", [
    ("Please ship to 4821 W 7th Avenue #502, Vancouver, BC V6K 2B3 by Friday.", ["4821", "#502", "V6K 2B3", "W 7th"],
     ["Please ship to", "by Friday"]),
    ("I live at 77 Larch Street, Apt 3B, Austin, TX 78701 now.", ["Apt 3B", "78701", "Larch"], ["now"]),
    ("Mail: 304-1190 Birch Road, Toronto, ON", ["304-", "1190 Birch"], ["Mail"]),
])
def test_a_north_american_unit_town_and_postcode_go_with_the_street(text, parts, kept):
    check(text, parts, kept)


@pytest.mark.parametrize("text, parts", [
    ("地址：香港北角英皇道318號 海悅城 3座 12樓B室", ["海悅城", "3座", "12樓B室"]),
    ("寄到台北市大安區和平東路二段106號5F-3", ["5F-3"]),
])
def test_a_han_estate_block_floor_and_flat_go_with_the_street(text, parts):
    check(text, parts, [])


def test_a_street_word_and_a_state_abbreviation_alone_stay():
    check("Walk 20 minutes a day, OK? The 4th floor lab is open.", [], ["Walk 20 minutes a day, OK?", "4th floor lab"])
