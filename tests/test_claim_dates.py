"""A claim is dated by the event it reports where the text says when: a timeline line's label,
a date opening the sentence, a date or weekday in the phrase's clause; else by the report."""

from pathlib import Path

import pytest
from helpers import ROOT

from geo.claims import ClaimVocabulary, extract_claims
from geo.claims.when import event_date
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import Source, parse_report


def dated(sentence: str, phrase: str, report_date: str, before: str = "") -> str:
    text = before + sentence
    a = sentence.index(phrase)
    return event_date(text, len(before), sentence, a, a + len(phrase), report_date)


@pytest.mark.parametrize("sentence, phrase, report_date, expected", [
    # a weekday in the phrase's clause: the last such day on or before the report's (2024-12-07 is a Saturday)
    ("Rebels entered Hama on Thursday.", "entered", "2024-12-07", "2024-12-05"),
    # numeric dates: day.month.year (a range: its last day) and ISO, in the clause or as a line's label
    ("The SNA took Tal Rifaat on 01.12.2024.", "took", "2024-12-10", "2024-12-01"),
    ("2024-12-01: The SNA takes Tal Rifaat.", "takes", "2024-12-10", "2024-12-01"),
    ("B.6 02-04.12.2024. Fighting on the northern approaches to Hama.", "Fighting", "2024-12-10", "2024-12-04"),
    ("Version 2.1.2024 came out. Rebels took Hama.", "took", "2024-12-10", "2024-12-10"),
    ("Rebels entered Hama on Saturday.", "entered", "2024-12-07", "2024-12-07"),
    ("Rebels entered Hama on Sunday evening.", "entered", "2024-12-07", "2024-12-01"),
    # a day and month in the clause, or opening the sentence; "since" dates the start of a hold
    ("Rebels reportedly took Rastan on 6 December.", "took", "2024-12-07", "2024-12-06"),
    ("On Dec. 5, rebels entered Hama.", "entered", "2024-12-07", "2024-12-05"),
    ("On Thursday, rebels captured Hama.", "captured", "2024-12-07", "2024-12-05"),
    ("Rebels entered Hama yesterday.", "entered", "2024-12-07", "2024-12-06"),
    ("Rebels entered Hama on Dec. 5.", "entered", "2024-12-07", "2024-12-05"),
    ("Rebels captured Homs on Sunday 1 December.", "captured", "2024-12-09", "2024-12-01"),
    ("Rebels entered Hama on 3-4 December.", "entered", "2024-12-07", "2024-12-04"),
    # the phrase's own clause outranks an opening date; a relative clause's date is another event's
    ("On 5 December, rebels entered Hama, and on Saturday they captured Homs.", "captured", "2024-12-07", "2024-12-07"),
    ("Rebels entered Hama in an offensive that began on 27 November.", "entered", "2024-12-07", "2024-12-07"),
    # a verb after "and" starts another phrase; a second place after "and" does not
    ("The army still holds Homs and withdrew from Hama on Thursday.", "holds", "2024-12-07", "2024-12-07"),
    ("Rebels entered Hama and Homs on Thursday.", "entered", "2024-12-07", "2024-12-05"),
    # a hold "since" a day is said as of the report
    ("Aleppo has been under their control since 30 November.", "under their control", "2024-12-07", "2024-12-07"),
    # the report's year, or the year before when that would be after the report
    ("Rebels took Damascus on 8 December.", "took", "2025-01-02", "2024-12-08"),
    ("Rebels took Damascus on 8 December 2024.", "took", "2025-01-02", "2024-12-08"),
    # a day in another clause, after the report, or no report date: the report's; an old day: that day
    ("Rebels entered Hama, the army said on Thursday.", "entered", "2024-12-07", "2024-12-07"),
    ("Rebels will enter Hama on 20 December.", "enter", "2024-12-07", "2024-12-07"),
    ("Rebels took the town on 8 March 2024.", "took", "2024-12-07", "2024-03-08"),
    ("Rebels entered Hama on Thursday.", "entered", "", ""),
])
def test_a_date_the_sentence_gives(sentence, phrase, report_date, expected):
    assert dated(sentence, phrase, report_date) == expected


def test_a_timeline_line_dates_every_sentence_on_it():
    before = "Timeline\n\n"
    for label, expected in [("NOV 29 - ", "2024-11-29"), ("DEC 3-4 - ", "2024-12-04"), ("- 2 December: ", "2024-12-02"),
                            ("Dec. 6, 2024 -- ", "2024-12-06")]:
        line = label + "Rebels take Saraqib. The army says it has pulled out of Saraqib."
        second = line.index("The army")
        sentence = line[second:]
        a = sentence.index("pulled out of")
        assert event_date(before + line, len(before) + second, sentence, a, a + 13, "2024-12-10") == expected, label


def report_claims(text: str, report_date: str):
    """The claims of a whole report ``text`` dated ``report_date``."""
    gaz = load(ROOT / "gazetteer.csv")
    r = parse_report(Path("t.txt"), text.encode(), Source("Test Wire", report_date, "", ""))
    return extract_claims(r, find_mentions(r, Matcher(gaz)), ClaimVocabulary(), gaz)


def test_claims_of_a_timeline_carry_their_lines_dates():
    text = ("Key dates of the offensive\n\nNOV 29 - Rebels take the town of Saraqib.\n\n"
            "DEC 5 - Rebels enter Hama. The army says its units have pulled out of Hama.\n\n"
            "Rebels took Homs on Sunday.\n")
    claims = report_claims(text, "2024-12-10")
    assert {(c.place_id, c.status, c.date) for c in claims} == {
        ("saraqib", "captured", "2024-11-29"), ("hama", "entered", "2024-12-05"),
        ("hama", "withdrew", "2024-12-05"), ("homs", "captured", "2024-12-08")}


def test_a_timeline_repeating_a_claim_on_another_day_keeps_both():
    text = "Timeline\n\nDEC 2 - The army takes Hama.\n\nDEC 5 - Rebels capture Hama.\n\nDEC 7 - The army takes Hama.\n"
    claims = report_claims(text, "2024-12-09")
    assert sorted((c.date, c.actor) for c in claims) == [
        ("2024-12-02", "government"), ("2024-12-05", "opposition"), ("2024-12-07", "government")]


def test_a_heading_line_that_is_a_date_dates_the_paragraphs_under_it():
    """A day-by-day account ("Saturday, November 30" over a paragraph): the heading's date, the
    last day of a range; a date in the sentence itself still wins; text before any heading keeps
    the report's date."""
    text = ("Twelve days\n\nRebels entered Anjara.\n\nSaturday, November 30\n"
            "The rebels took Saraqib. The army said its units had pulled out of Saraqib.\n\n"
            "Sunday, December 1 \u2013 Wednesday, December 4\n"
            "The army took back Kafraa. Rebels entered Hama on Thursday.\n")
    claims = report_claims(text, "2024-12-10")
    assert {(c.place_id, c.status, c.date) for c in claims} == {
        ("anjara", "entered", "2024-12-10"), ("saraqib", "captured", "2024-11-30"),
        ("saraqib", "withdrew", "2024-11-30"), ("kafraa", "captured", "2024-12-04"),
        ("hama", "entered", "2024-12-05")}
