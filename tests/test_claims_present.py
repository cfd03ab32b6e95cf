"""Claims in the present tense of headlines, live pages and chronologies, and the near misses that claim nothing."""

import pytest


@pytest.mark.parametrize("text, claims", [
    # a headline's plural present
    ("Government forces leave Deir ez-Zor city.", {("deir_ez_zor", "government", "withdrew")}),
    ("Rebels take Hama and Rastan and Talbiseh fall, the monitor says.",
     {("hama", "opposition", "captured"), ("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("Rebels announce control of Homs.", {("homs", "opposition", "captured")}),
    ("The operations command said Homs was \"completely liberated\".", {("homs", "opposition", "captured")}),
    ("The IDF digs in on Mount Hermon.", {("mount_hermon", "israel", "controls")}),
    ("The US keeps about 900 troops at al-Tanf.", {("al_tanf", "us", "controls")}),
    ("Clashes are ongoing inside Daraa city between local factions and the army.", {("daraa", "opposition", "contested")}),
    ("Vanguards of the factions reached the outskirts of Rastan.", {("rastan", "opposition", "advancing")}),
    # near misses: asked, told or allowed to leave is no leaving; "leave it" names no place
    ("The army told residents to leave Deir ez-Zor.", set()),
    ("Government forces will leave Deir ez-Zor city.", set()),
    ("Civilians were allowed to leave Aleppo.", set()),
    # a demand's subjunctive is no claim
    ("Turkey demanded that the Kurdish fighters withdraw from Manbij.", set()),
    ("Ankara urges that the SDF leave Manbij.", set()),
    # "fall," opens no capture when a modal comes before it
    ("If Homs should fall, the road to the coast is cut.", set()),
])
def test_present_tense_headlines_and_live_entries(run, text, claims):
    assert run(text) == claims
