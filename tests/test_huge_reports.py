"""Huge and odd reports: a page with no sentence end is cut into pieces, a mention exports only
the part of a long sentence around its name, and the steps read each part of a report a bounded
number of times. Nothing here is timed (speed is measured by bench/hostile.py): the tests check
the bounds and the contracts that keep the cost linear."""

import csv
import json
import random
from pathlib import Path

import pytest
from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import build_map
from geo import text as text_mod
from geo.gazetteer import load
from geo.mapping.popups import _sentences as popup_sentences
from geo.mentions import Matcher, find_mentions
from geo.mentions import coordination as coordination_mod
from geo.places import mention_record
from geo.report_step import Engine, process_report
from geo.reports import Source, parse_report
from geo.text import (
    MAX_SENTENCE,
    WHOLE,
    WINDOW,
    _normalize_slow,
    _word_form_slow,
    normalize,
    padded_word_form_utf8,
    sentences,
    window,
    word_form,
)
from geo.unresolved import find_unresolved, summarise
from geo.unresolved.context import _lower_word, _lower_words

GAZ = load(ROOT / "gazetteer.csv")
MATCHER = Matcher(GAZ)
WORDS = ("rebels entered captured seized the town city near towards north of and fighters army "
         "government forces withdrew from said residents shelling road highway that links to").split()
NAMES = ["Aleppo", "Hama", "Idlib", "Homs", "Saraqib", "Damascus", "Russia", "Moscow", "Qomhana",
         "Tal Bijou", "Aleppo International Airport", "Maarat al-Numan"]


def report(text: str, rid: str = "r") -> object:
    return parse_report(Path(f"{rid}.txt"), text.encode("utf-8"), Source("W", "2024-12-01", "", ""))


def no_punctuation(size: int, seed: int = 0) -> str:
    """Words and place names, no mark and no line break, ``size`` characters or a few more."""
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        w = rng.choice(NAMES) if rng.random() < 0.15 else rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def check_pieces(text: str, bound: int) -> None:
    pieces = sentences(text)
    last = 0
    for s in pieces:
        assert 0 < len(s.text) <= bound
        assert text[s.start:s.end] == s.text == s.text.strip()
        assert s.start >= last
        last = s.end
    # nothing but spaces is left out
    kept = "".join(s.text for s in pieces)
    assert "".join(kept.split()) == "".join(text.split())


# Sentences -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    no_punctuation(50_000),
    "x" * 9_000,                                        # one word, no space to cut at
    ("word, " * 2_000),                                 # clause marks everywhere
    ("Aleppo " * 3_000),
    "." * 10_000 + " Next",                             # a run of marks
    " " * 5_000 + "Hama" + " " * 5_000,
])
def test_no_piece_is_longer_than_the_bound(text):
    check_pieces(text, MAX_SENTENCE)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Aleppo", "and", "the", "x" * 30, ",", ";", ".", "\n", "  ", "Hama",
                                 "Deir ez-Zor", "al-Bab", "’s", "—"]), max_size=300).map(" ".join),
       st.integers(20, 120))
def test_no_piece_is_longer_than_any_bound(text, bound):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(text_mod, "MAX_SENTENCE", bound)
        sentences.cache_clear()
        try:
            check_pieces(text, bound)
        finally:
            sentences.cache_clear()


def test_a_long_sentence_is_cut_after_a_clause_mark_else_before_a_word():
    clauses = ("rebels entered the town from the north " * 6 + "and then, ") * 20
    assert all(s.text.endswith(",") for s in sentences(clauses)[:-1])
    plain = "rebels entered the town from the north " * 200
    pieces = sentences(plain)
    assert len(pieces) > 1
    assert all(plain[s.end] == " " for s in pieces[:-1])                # between words
    assert all(plain[s.end + 1:].startswith(("the", "from")) for s in pieces[:-1])


def test_sentences_of_ordinary_reports_are_not_cut(monkeypatch):
    reports = sorted((ROOT / "seeds").glob("*.txt"))
    assert reports
    for path in reports:
        text = path.read_text(encoding="utf-8")
        cut = sentences(text)
        monkeypatch.setattr(text_mod, "MAX_SENTENCE", 10 ** 9)
        sentences.cache_clear()
        assert sentences(text) == cut
        monkeypatch.setattr(text_mod, "MAX_SENTENCE", MAX_SENTENCE)
        sentences.cache_clear()


# What a mention exports ----------------------------------------------------------------------

def check_records(r, found):
    windows = {}
    records = [mention_record(m, r, windows) for m in found]
    for m, rec in zip(found, records):
        s, s0 = rec["sentence"], rec["sentence_start"]
        assert r.text[s0:s0 + len(s)] == s                               # the report's own text
        assert s[rec["start"] - s0:rec["end"] - s0] == m.surface            # the name, marked
        assert len(s) <= (WHOLE if s == m.sentence else max(WINDOW, len(m.surface)))
    for sentence, spans in popup_sentences(records):                          # as the popup reads them
        for a, b in spans:
            assert 0 <= a < b <= len(sentence)
    return records


def test_a_mention_in_a_long_sentence_exports_the_window_around_its_name():
    r = report(no_punctuation(20_000))
    found = find_mentions(r, MATCHER)
    assert len(found) > 100
    records = check_records(r, found)
    assert max(len(rec["sentence"]) for rec in records) <= WINDOW
    # names close to each other share a window (one string, shown once in the popup)
    assert len({(rec["sentence_start"], rec["sentence"]) for rec in records}) < len(records)


def test_a_name_across_a_cut_stays_highlightable_and_nothing_breaks():
    # the only spaces in reach of the first cut are inside the name: it is cut there
    text = "X" * 1980 + " Aleppo International Airport was captured by rebels near Hama " + "y" * 2500
    r = report(text)
    pieces = sentences(r.text)
    name = r.text.index("Aleppo International")
    assert any(s.start < name + 10 < s.end for s in pieces) and any(s.start == name + 7 for s in pieces)
    found, claims, unresolved = process_report(r, Engine.create(GAZ))
    airport = [m for m in found if m.surface == "Aleppo International Airport"]
    assert airport and airport[0].end > airport[0].sentence_start + len(airport[0].sentence)
    check_records(r, found)


def test_a_short_sentence_is_exported_whole():
    r = report("Rebels entered Aleppo and Hama on Monday, the army said. " * 3)
    found = find_mentions(r, MATCHER)
    for m, rec in zip(found, check_records(r, found)):
        assert (rec["sentence"], rec["sentence_start"]) == (m.sentence, m.sentence_start)


@settings(max_examples=300, deadline=None)
@given(st.integers(601, 2000), st.integers(0, 2 ** 32), st.floats(0, 1), st.integers(1, 400))
def test_every_window_holds_its_name(n, seed, where, length):
    rng = random.Random(seed)
    sentence = "".join(rng.choice(["ab ", "c", "  ", "defgh", " ", "x" * 50]) for _ in range(n))[:n].strip()
    a = int(where * (len(sentence) - 1))
    b = min(len(sentence), a + length)
    x, y = window(sentence, 1000, 1000 + a, 1000 + b)
    assert x <= 1000 + a and 1000 + b <= y
    assert y - x <= max(WINDOW, b - a) or len(sentence) <= WHOLE


def test_unresolved_example_is_the_part_around_the_name():
    text = no_punctuation(6_000, seed=3) + " rebels entered Zeitouna and the village of Barqoum " + \
        no_punctuation(6_000, seed=4)
    r = report(text)
    found = find_mentions(r, MATCHER)
    rows = {row.name: row for row in summarise(find_unresolved(r, found, MATCHER))}
    assert "Zeitouna" in rows
    for row in rows.values():
        assert len(row.example_sentence) <= WINDOW + 60 and row.name in row.example_sentence


# Linear reading -------------------------------------------------------------------------------

def test_a_list_as_long_as_the_report_is_read_once(monkeypatch):
    """Roles read the run of coordinated names around a name once per run, not once per name."""
    calls = []
    original = coordination_mod.coordinated

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(coordination_mod, "coordinated", counting)
    names = ["Russia", "Iran", "Turkey", "Moscow", "Syria"]      # all may be actors: each gets a role
    r = report(", ".join(names[i % 5] for i in range(3_000)) + " and Iraq said so.")
    found = find_mentions(r, MATCHER)
    assert len(found) > 3_000
    assert len(calls) < 4 * len(found)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab AB_1é-'\n", max_size=60), st.sampled_from(["a", "ab", "b", "ba", "abab"]))
def test_lower_words_in_one_pass_answer_as_the_search_does(text, word):
    assert (word in _lower_words(text)) == _lower_word(text, word)


EXOTIC = "ḨāéüØłıß’“”‐–—İΣΔЖжあ中ʼ\u0301"     # more distinct than the replace path takes


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Aleppo ", "rebels ", "al-Bab ", "  ", "X'Y "]),
                          st.sampled_from(list(EXOTIC))), max_size=200).map("".join))
def test_folds_of_mostly_ascii_text_in_many_scripts_equal_the_per_character_fold(s):
    s = s + EXOTIC + "plain ascii text " * 300      # (so that the sparse path is taken)
    assert normalize(s) == _normalize_slow(s)
    assert word_form(s) == _word_form_slow(s)
    assert padded_word_form_utf8(s).decode("utf-8", "surrogatepass") == f" {_word_form_slow(s)} "


# A whole build -------------------------------------------------------------------------------

def test_a_300_kb_report_without_punctuation_builds_with_bounded_exports(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    text = no_punctuation(300_000, seed=7)
    (reports / "page.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(reports), "--out-dir", str(out), "--cdn"]) in (0, 3)
    places = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    records = [m for f in places["features"] for m in f["properties"]["mentions"]]
    assert len(records) > 1_000
    for rec in records:
        s, s0 = rec["sentence"], rec["sentence_start"]
        assert len(s) <= WINDOW
        assert s[rec["start"] - s0:rec["end"] - s0] == rec["surface"] == text[rec["start"]:rec["end"]]
    # a record is the name's window and a few fields: not the page (1.8 GB for 200 KB before)
    assert (out / "places.geojson").stat().st_size < 15 * len(text)
    with open(out / "unresolved.csv", encoding="utf-8", newline="") as f:
        assert all(len(row["example_sentence"]) <= WINDOW + 60 for row in csv.DictReader(f))
    claims = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))
    assert all(len(f["properties"]["quote"]) <= MAX_SENTENCE for f in claims["features"])


PARAGRAPHS = [
    "Rebels captured Saraqib on Monday, a monitor said. The army said it withdrew from Saraqib.",
    "Fighting raged around Hama, where insurgents entered the northern districts, residents said.",
    "Government forces still control Homs, state media said. Russia said its jets struck Idlib.",
    "Turkish-backed fighters seized Tal Rifaat, Anadolu reported. Qomhana was shelled overnight.",
]


def huge(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[k % len(PARAGRAPHS)] for k in range(n)) + "\n"


def test_a_huge_report_is_read_in_pieces_cut_at_paragraph_ends(monkeypatch):
    import geo.report_step as step

    monkeypatch.setattr(step, "PIECE_CHARS", 1000)
    r = report(huge(60))
    parts = step.pieces(r)
    assert len(parts) > 3
    assert "".join(p.text for _, p in parts) == r.text                      # nothing lost, nothing twice
    assert all(off == sum(len(q.text) for _, q in parts[:k]) for k, (off, _) in enumerate(parts))
    assert all(p.text.endswith("\n\n") for _, p in parts[:-1])              # cut after a blank line
    assert all(len(p.text) <= 1500 for _, p in parts)
    assert step.pieces(report(huge(2))) == [(0, report(huge(2)))]          # a short report is itself


def test_pieces_give_offsets_into_the_whole_report_and_each_claim_once(monkeypatch):
    """Read in pieces, a report gives the mentions and claims of its pieces read one by one, at
    their places in the whole text; a claim made in several pieces is kept once."""
    import geo.report_step as step

    monkeypatch.setattr(step, "PIECE_CHARS", 1000)
    engine = Engine.create(GAZ)
    r = report(huge(60))
    res = process_report(r, engine)
    assert len(step.pieces(r)) > 3
    for m in res.mentions:
        assert r.text[m.start:m.end] == m.surface
        assert r.text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
    for u in res.unresolved:
        assert r.text[u.start:u.end] == u.name
    one_by_one = [process_report(report(p.text), engine) for _, p in step.pieces(r)]
    keys = [(c.place_id, c.actor, c.status, c.claimant_side) for x in one_by_one for c in x.claims]
    assert [(c.place_id, c.actor, c.status, c.claimant_side) for c in res.claims] == list(dict.fromkeys(keys))
    assert len(keys) > len(res.claims)   # the same claims in several pieces, kept once
    assert len(res.mentions) == sum(len(x.mentions) for x in one_by_one)
    assert all(r.text[c.start:].startswith(c.quote) for c in res.claims)


def test_pieces_on_two_processes_give_what_one_process_gives(monkeypatch, tmp_path):
    import geo.report_step as step
    from geo.parallel import process_all

    monkeypatch.setattr(step, "PIECE_CHARS", 1000)
    engine = Engine.create(GAZ)
    reports = [report(huge(40), "a"), report(huge(3), "b"), report(huge(30), "c")]
    one = process_all(reports, engine, ROOT / "gazetteer.csv", jobs=1)
    two = process_all(reports, engine, ROOT / "gazetteer.csv", jobs=2)
    assert one == two
    assert [len(x.mentions) for x in one] == [len(process_report(r, engine).mentions) for r in reports]
