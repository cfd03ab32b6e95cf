"""Phrases resolved from context ("the city", "the town", "the city's citadel", "a facility at
Tartus"), one rule per test, with cases where the phrase must be left unresolved: a claim on the
wrong place is worse than no claim.

The sentences are written for these tests; the gazetteer is a small one made here, so the tests
do not move when gazetteer.csv grows. The rules live in geo/data/context.toml."""

from pathlib import Path

import pytest
from helpers import HEADER

from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import parse_report

ROWS = """\
syria,Syria,,country,35.0,38.5,SY,,,300,test
aleppo_governorate,Aleppo Governorate,Aleppo province,governorate,36.2,37.5,SY,syria,,60,test
aleppo,Aleppo,,city,36.2,37.16,SY,aleppo_governorate,,5,test
hama,Hama,,city,35.13,36.75,SY,,,5,test
homs,Homs,,city,34.73,36.71,SY,,,5,test
latakia,Latakia,,city,35.52,35.79,SY,,,5,test
tartus,Tartus,,city,34.89,35.89,SY,,,5,test
saraqib,Saraqib,,town,35.86,36.8,SY,,,2,test
khanasir,Khanasir,Khanaser,town,35.78,37.48,SY,aleppo_governorate,,2,test
salamiyah,Salamiyah,,town,35.01,37.05,SY,,,3,test
tal_rifaat,Tal Rifaat,Tel Rifaat,town,36.47,37.1,SY,aleppo_governorate,,2,test
deir_jamal,Deir Jamal,,town,36.44,37.03,SY,aleppo_governorate,,1.5,test
khan_al_asal,Khan al-Asal,,town,36.17,37.02,SY,aleppo_governorate,,1.5,test
kafr_halab,Kafr Halab,,village,36.15,36.85,SY,aleppo_governorate,,1,test
aleppo_citadel,Citadel of Aleppo,Aleppo Citadel,landmark,36.199,37.163,SY,aleppo,,0.5,test
aleppo_airport,Aleppo International Airport,,airport,36.18,37.22,SY,aleppo_governorate,,2,test
hmeimim_airbase,Hmeimim Air Base,Khmeimim Air Base|Hmeimim|Latakia airport,airbase,35.4,35.95,SY,,,2,test
tartus_naval_base,Tartus naval base,,naval_base,34.91,35.87,SY,tartus,,1,test
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return Matcher(load(path))


def resolved(matcher, text: str, phrase: str, nth: int = -1) -> str | None:
    """The place the ``nth`` occurrence of ``phrase`` (case ignored) was resolved to, or None."""
    report = parse_report(Path("t.txt"), text.encode("utf-8"))
    starts, i = [], text.lower().find(phrase.lower())
    while i >= 0:
        starts.append(i)
        i = text.lower().find(phrase.lower(), i + 1)
    assert starts, f"{phrase!r} not in {text!r}"
    at = starts[nth]
    hits = [m.place_id for m in find_mentions(report, matcher) if m.via == "context" and m.start == at]
    return hits[0] if hits else None


# the most recent settlement of the phrase's kind -------------------------------------------------


def test_the_city_is_the_last_city_named(matcher):
    assert resolved(matcher, "Rebels entered Aleppo on Friday. Residents said the city was quiet.",
                    "the city") == "aleppo"


def test_the_town_is_the_last_town_named(matcher):
    assert resolved(matcher, "Rebels reached Saraqib on Monday. A capture of the town would cut the road.",
                    "the town") == "saraqib"


@pytest.mark.parametrize("text, phrase, want", [
    ("Rebels reached Kafr Halab at dawn. By noon the army had left the village.", "the village", "kafr_halab"),
    ("Families returned to Tal Rifaat on Tuesday, days after the SNA liberated the district center.",
     "the district center", "tal_rifaat"),
    ("Rebels neared Aleppo on Friday. Troops left the provincial capital overnight.", "the provincial capital",
     "aleppo"),
    ("Rebels reached Tal Rifaat on Friday. Troops left the provincial capital overnight.", "the provincial capital",
     None),   # a town is no provincial capital
    ("Rebels seized Homs. The SDF took the provincial capital, Aleppo, and Saraqib.", "the provincial capital",
     None),   # the name after the comma is the place
])
def test_other_words_for_a_settlement_named_before(matcher, text, phrase, want):
    assert resolved(matcher, text, phrase) == want


def test_the_town_of_x_is_the_antecedent_not_a_city_named_in_passing(matcher):
    text = ("Troops retook the town of Khanaser, on the road linking Aleppo with the south. "
            "Rebels had entered the town at the weekend.")
    assert resolved(matcher, text, "the town") == "khanasir"


def test_the_texts_own_word_for_a_place_overrides_the_gazetteer_kind(matcher):
    text = "Rebels said they had taken the strategic town of Kafr Halab. Troops shelled the town overnight."
    assert resolved(matcher, text, "the town") == "kafr_halab"


def test_apposition_names_the_place(matcher):
    text = ("Rebels entered Homs on Monday.\n"
            "Their leader toured the citadel of Aleppo, the city his men took last week.")
    assert resolved(matcher, text, "the city") == "aleppo"


def test_a_part_of_a_city_stands_for_the_city(matcher):
    text = ("Troops left Saraqib on Friday. Kurdish units entered Aleppo International Airport and "
            "districts on the edge of the city.")
    assert resolved(matcher, text, "the city") == "aleppo"


def test_the_citys_feature_follows_the_same_rules(matcher):
    text = "Rebels entered Aleppo on Friday. They raised a flag over the city's historic citadel."
    assert resolved(matcher, text, "the city's historic citadel") == "aleppo_citadel"


def test_a_town_of_the_sentence_may_be_called_the_city(matcher):
    text = "Rebels entered Homs last week.\nCivilians remain in Saraqib after the factions took over the city."
    assert resolved(matcher, text, "the city") == "saraqib"


def test_a_town_of_the_sentence_is_not_the_city_after_a_city_of_the_paragraph(matcher):
    text = ("Hama is where the offensive met resistance. The factions took Salamiyah and fought for a hill "
            "that overlooks the city. They say they are 10 km from the city's edge.")
    assert resolved(matcher, text, "the city", 0) is None
    assert resolved(matcher, text, "the city", 1) is None


# places named in passing -------------------------------------------------------------------------


def test_a_place_named_towards_which_something_goes_is_not_the_topic(matcher):
    text = ("Hama fell to the rebels on Thursday, opening the road south towards Homs. The army said "
            "the rebels had entered the city and that its units had left Hama.")
    assert resolved(matcher, text, "the city") == "hama"


def test_a_place_located_relative_to_another_is_not_the_antecedent(matcher):
    text = "Rebels pushed into Salamiyah, south-east of Hama, and the army left its posts in the town."
    assert resolved(matcher, text, "the town") == "salamiyah"


def test_where_a_move_starts_is_not_where_it_arrives(matcher):
    text = ("Fighters took full control of Tal Rifaat on Sunday. Advancing from Deir Jamal, they "
            "fought their way to the town's main square.")
    assert resolved(matcher, text, "the town") == "tal_rifaat"


def test_the_reference_point_of_an_appositive_is_excluded(matcher):
    text = ("Rebels attacked Aleppo on Wednesday. Fighting reached Khan al-Asal, less than 10 km from "
            "the city centre.")
    assert resolved(matcher, text, "the city") == "aleppo"


def test_a_village_does_not_stand_in_the_way_of_the_town(matcher):
    text = ("Fighters entered Tal Rifaat on Sunday. The village of Hirbil, east of the district, was "
            "also taken. Mines were found in and around the town.")
    assert resolved(matcher, text, "the town") == "tal_rifaat"


def test_the_topic_decides_between_places_of_one_sentence(matcher):
    text = ("Rebels took Hama, Syria's fourth-largest city, days after the army lost Aleppo. Before "
            "pushing into the city, they overran villages west of Hama.")
    assert resolved(matcher, text, "the city") == "hama"


# left unresolved ---------------------------------------------------------------------------------


def test_unresolved_when_the_town_named_last_is_unknown(matcher):
    text = ("Rebels took Saraqib on Monday. On Tuesday they seized the town of Zorbaya. "
            "Residents fled the town overnight.")
    assert resolved(matcher, text, "the town", 1) is None


def test_unresolved_when_the_city_follows_a_town(matcher):
    text = ("Rebels captured Aleppo last week. On Thursday they took Salamiyah, south-east of Hama, "
            "after troops left their posts in the city.")
    assert resolved(matcher, text, "the city") is None


def test_unresolved_when_the_town_follows_a_city(matcher):
    text = "Rebels took Saraqib on Monday. On Tuesday they entered Hama. Residents of the town fled."
    assert resolved(matcher, text, "the town") is None


def test_unresolved_after_the_capital(matcher):
    text = ("Rebels entered Homs last week. On Sunday they reached the capital, and by noon they were "
            "inside the city.")
    assert resolved(matcher, text, "the city") is None


def test_unresolved_when_a_later_sentence_moves_towards_another_city(matcher):
    text = "Rebels took Aleppo last week. On Monday they advanced towards Hama. They were 5 km from the city."
    assert resolved(matcher, text, "the city") is None


def test_unresolved_when_two_cities_compete_and_neither_is_the_topic(matcher):
    text = "Rebels who took Aleppo last week entered Homs on Thursday. Shops in the city were shut."
    assert resolved(matcher, text, "the city") is None


def test_the_seat_of_authorities_is_named_in_passing(matcher):
    text = ("Rebels entered Aleppo on Friday. Fighters loyal to the new authorities in Homs were entering "
            "the city.")
    assert resolved(matcher, text, "the city") is None


def test_unresolved_without_any_antecedent(matcher):
    assert resolved(matcher, "Rebels said they had entered the city.", "the city") is None


# bases -------------------------------------------------------------------------------------------


def test_a_town_after_a_base_word_stands_for_the_base(matcher):
    text = "The Russian Navy also uses a facility at Tartus."
    report = parse_report(Path("t.txt"), text.encode("utf-8"))
    assert [m.place_id for m in find_mentions(report, matcher) if m.surface == "Tartus"] == ["tartus_naval_base"]


def test_a_town_near_a_named_base_stays_the_town(matcher):
    text = "Russian jets flew from the Khmeimim air base near Latakia."
    report = parse_report(Path("t.txt"), text.encode("utf-8"))
    found = {m.surface: m.place_id for m in find_mentions(report, matcher)}
    assert found["Latakia"] == "latakia" and found["Khmeimim air base"] == "hmeimim_airbase"
