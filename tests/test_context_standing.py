"""Phrases that in this conflict's reports name one place ("the buffer zone": the Golan's, in a report
that speaks of Israel or the Golan; context.toml [[standing]]), and present-tense chronology verbs.
Sentences written for these tests."""

import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from geo.errors import VocabularyError
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import parse_report


@pytest.fixture(scope="module")
def gaz():
    return load(ROOT / "gazetteer.csv")


def _places(matcher, text):
    return {m.place_id for m in find_mentions(parse_report(Path("t.txt"), text.encode()), matcher)}


@pytest.mark.parametrize("text, claims", [
    ("Israeli troops entered the buffer zone on Sunday.", {("golan_buffer_zone", "israel", "entered")}),
    ("Israeli troops remained inside the demilitarised buffer zone on the Syrian side of the Golan Heights.",
     {("golan_buffer_zone", "israel", "controls")}),
    ("Israel deployed troops into the buffer zone on the Golan Heights.", {("golan_buffer_zone", "israel", "entered")}),
])
def test_the_buffer_zone_in_a_report_on_israel_is_the_golans(run, text, claims):
    assert run(text) == claims


def test_another_buffer_zone_is_no_place(gaz):
    matcher = Matcher(gaz)
    assert "golan_buffer_zone" not in _places(matcher, "Turkey wants the buffer zone along its border, Ankara said.")
    assert "golan_buffer_zone" in _places(matcher, "Turkey wants the buffer zone along its border. Israel is in another.")


def test_a_standing_phrase_without_its_lists_is_a_clear_error(gaz, tmp_path):
    folder = tmp_path / "vocab"
    shutil.copytree(ROOT / "geo" / "data", folder)
    context = folder / "context.toml"
    context.write_text(context.read_text(encoding="utf-8") + '\n[[standing]]\nphrases = "the zone"\n', encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"context\.toml.*standing"):
        Matcher(gaz, folder)


@pytest.mark.parametrize("text, claims", [
    # a chronology's present tense
    ("Rastan and Talbiseh, north of Homs, pass to the opposition.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("Local factions assume control of Daraa city.", {("daraa", "opposition", "captured")}),
    ("Israel deploys troops into the buffer zone on the Golan.", {("golan_buffer_zone", "israel", "entered")}),
    # troops deployed in a place hold it; "redeployed its forces from X" leaves it
    ("Turkish soldiers are nonetheless deployed in Azez, al-Bab and Afrin.",
     {("azaz", "turkey", "controls"), ("al_bab", "turkey", "controls"), ("afrin", "turkey", "controls")}),
    ("The Syrian army has stated that it redeployed its forces from Aleppo.", {("aleppo", "government", "withdrew")}),
    ("Rebels have deployed in Hama.", {("hama", "opposition", "entered")}),
])
def test_present_tense_and_deployments(run, text, claims):
    assert run(text) == claims
