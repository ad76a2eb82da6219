"""A Chinese/Japanese name as its owner spells it in their own login ID or e-mail is redacted."""
import pytest

from anonymise.deny_list import RecordDenyList
from anonymise.id_name_readings import given_readings


@pytest.mark.parametrize("identifiers, expected", [
    (["inoue_hina68"], ["hina"]),
    (["kobayashihina@docomo.ne.jp"], ["hina"]),
    (["hina.inoue@mail.jp", "inoue_hina68"], ["hina"]),
    (["hinakobayashi"], ["hina"]),
    (["skin_lover", "beauty.queen@mail.com"], []),          # no family name beside it: nothing learnt
    (["inoue_yu"], []),                                     # too short to tell from an initial
])
def test_given_readings_come_only_from_beside_the_family_name(identifiers, expected):
    assert given_readings(["Inoue", "Kobayashi"], identifiers) == expected


def test_deny_list_finds_the_id_spelling_in_any_case():
    record = {"consultation_id": "c1", "name": "中村楓", "member_id": "nakamura_kaede329",
              "email": "kaeden9@docomo.ne.jp"}
    text = "hey, kaede nakamura here. Rhinoplasty swelling? Thanks, Kaede"
    spans = RecordDenyList.build(record).find(text)
    found = {text[s.start:s.end].lower() for s in spans if s.entity_type == "PERSON"}
    assert "kaede nakamura" in found and "kaede" in found
    assert "rhinoplasty" not in " ".join(found)


def test_an_unrelated_id_adds_no_name():
    record = {"consultation_id": "c2", "name": "小林陽菜", "member_id": "skin_lover", "email": "x@y.com"}
    text = "skin care after laser, lover of Botox"
    assert [s for s in RecordDenyList.build(record).find(text) if s.entity_type == "PERSON"] == []
