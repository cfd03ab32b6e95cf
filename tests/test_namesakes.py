"""A name the sentence places in another country is another place of that name, not the
gazetteer's entry: no mention, so no marker and no claim on it."""

from pathlib import Path

import pytest
from helpers import ROOT

from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import Source, parse_report


@pytest.fixture(scope="module")
def places():
    matcher = Matcher(load(ROOT / "gazetteer.csv"))

    def read(text: str) -> list[str]:
        r = parse_report(Path("t.txt"), text.encode(), Source("Test Wire", "2024-12-05", "", ""))
        return [m.place_id for m in find_mentions(r, matcher) if m.role == "place"]
    return read


@pytest.mark.parametrize("text, ids", [
    # Beirut's Ashrafieh is not Aleppo's (the gazetteer's entry is in Syria, Beirut in Lebanon)
    ("Protesters gathered in Ashrafieh in Beirut on Sunday.", ["beirut"]),
    ("Beirut's Ashrafieh district was quiet.", ["beirut"]),
    # ... while Aleppo's is
    ("The districts of Sheikh Maqsoud and Ashrafieh in Aleppo remain under SDF control.",
     ["sheikh_maqsoud", "ashrafiyah_aleppo", "aleppo"]),
    ("Aleppo's Ashrafieh district was quiet.", ["aleppo", "ashrafiyah_aleppo"]),
    # a list of cities of several countries places none of them
    ("Flights from Amman, Beirut and Baghdad resumed.", ["amman", "beirut", "baghdad"]),
    ("Refugees crossed from Qusayr in Syria to Lebanon.", ["qusayr", "syria", "lebanon"]),
])
def test_a_name_placed_in_another_country_is_another_place(places, text, ids):
    assert places(text) == ids


def test_no_claim_on_a_namesake():
    from geo.claims import ClaimVocabulary, extract_claims
    gaz = load(ROOT / "gazetteer.csv")
    r = parse_report(Path("t.txt"), b"The army took control of Ashrafieh in Beirut on Sunday.",
                     Source("Test Wire", "2024-12-05", "", ""))
    claims = extract_claims(r, find_mentions(r, Matcher(gaz)), ClaimVocabulary(), gaz)
    assert claims == []   # (without "in Beirut" the same sentence is a claim on Aleppo's district)


def test_a_list_of_names_places_none_of_them(places):
    assert places("Talks in Moscow, Syria and Iraq were cancelled.") == ["moscow", "syria", "iraq"]
