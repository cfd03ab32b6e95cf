"""Rewrites for speed give what the plain forms they replace give: each fast form here is checked
against the plain one, kept in this file as the reference."""

import math
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geo import text as text_mod
from geo.mentions.roads import _chord_km
from geo.unresolved import tokens as tokens_mod

# the sentence boundary as first written (geo/text.py: _BOUNDARY opens with a character class)
PLAIN_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?:\[[^\]\n]{1,30}\])*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n+")

BOUNDARY_TEXT = st.text(alphabet=".!?\n \t\"'”’)]“‘([Aa0é\u2003", max_size=80)
SENTENCE_TEXT = st.lists(st.sampled_from(["Mr", "Dr", "St", "a", "U.S", "e.g", "no", "Hama", "rebels", "2024",
                                          ". ", "! ", "?", "...", ".\n", "\n\n", " ", "  ", '" ', "(", ")",
                                          "’", "A", "x" * 30]), max_size=120).map("".join)


def plain_sentences(text: str) -> list[text_mod.Sentence]:
    """geo/text.py's sentences as first written."""
    out: list[text_mod.Sentence] = []
    start = 0
    for m in PLAIN_BOUNDARY.finditer(text):
        if m.group().startswith(("\n",)):
            cut = m.start()
        else:
            seg = text[max(start, m.start() - text_mod._WORD_WINDOW):m.start()]
            parts = seg.rsplit(None, 1)
            word = parts[-1].lower().strip("\"'“‘(") if parts else ""
            if word in text_mod._ABBREVIATIONS or (len(word) == 1 and word.isalpha()) \
                    or text_mod._INITIALS.fullmatch(word):
                continue
            cut = m.end()
        text_mod._emit(text, start, cut, out)
        start = m.end()
    text_mod._emit(text, start, len(text), out)
    return out


@settings(max_examples=2000, deadline=None)
@given(BOUNDARY_TEXT)
def test_the_sentence_boundary_matches_where_the_plain_pattern_does(s):
    def spans(rx: re.Pattern) -> list[tuple[int, int]]:
        return [m.span() for m in rx.finditer(s)]

    assert spans(text_mod._BOUNDARY) == spans(PLAIN_BOUNDARY)


@settings(max_examples=1500, deadline=None)
@given(SENTENCE_TEXT)
def test_sentences_split_as_first_written(s):
    assert list(text_mod.sentences(s)) == plain_sentences(s)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aB -–'’é  \t\u00a0İ", max_size=30))
def test_name_key_is_the_collapsed_trimmed_normal_form(s):
    assert text_mod.name_key(s) == re.sub(r" {2,}", " ", text_mod.normalize(s)).strip(" ")


def test_the_sentence_boundary_on_news():
    s = ('HAMA (Reuters) - Rebels entered Hama... "They left!" he said. (Aleppo.) Mr. Smith\n\n'
         "said so?! 2024. a. B. U.S. Forces left e.g. Homs.\n")
    assert [m.span() for m in text_mod._BOUNDARY.finditer(s)] == [m.span() for m in PLAIN_BOUNDARY.finditer(s)]
    assert list(text_mod.sentences(s)) == plain_sentences(s)


def test_footnote_marks_end_a_sentence():
    """An encyclopedia's "...citadel.[8][9] Government sources ..." is two sentences, so what
    one says ("denied") does not govern the other."""
    s = "Rebels took the citadel.[8][9] Government sources denied it.[citation needed] Rebels took Hama.[11]"
    assert [x.text for x in text_mod.sentences(s)] == [
        "Rebels took the citadel.[8][9]", "Government sources denied it.[citation needed]", "Rebels took Hama.[11]"]


def test_a_chord_is_never_longer_than_the_geodesic():
    """Roads skip the geodesic of a place whose chord to a road is longer than the road distance:
    sound only if a chord is never longer than the geodesic."""
    from geopy.distance import geodesic

    rng = random.Random(7)
    for i in range(3000):
        lat1, lon1 = rng.uniform(-90, 90), rng.uniform(-180, 180)
        if i % 2:
            lat2 = max(-90.0, min(90.0, lat1 + rng.uniform(-0.2, 0.2)))
            lon2 = lon1 + rng.uniform(-0.2, 0.2)
        else:
            lat2, lon2 = rng.uniform(-90, 90), rng.uniform(-180, 180)
        g = geodesic((lat1, lon1), (lat2, lon2)).km
        c = _chord_km(lat1, lon1, lat2, lon2)
        assert c <= g + 1e-9
        if g < 50:          # and as good as the geodesic at the distances that matter
            assert math.isclose(c, g, abs_tol=0.01)


def plain_kind(word: str) -> str:
    """geo/unresolved/tokens.py's _kind as first written."""
    first = word[0]
    if first.isdigit():
        return "ORD"
    if first.islower() and "-" not in word and "\u2010" not in word and "\u2011" not in word:
        return "PART" if word in tokens_mod._JOINERS else "LOW"
    if any(c.isdigit() for c in word):
        return "LOW"
    parts = [p for p in tokens_mod._HYPHEN_SPLIT.split(word) if p]
    if first.isupper():
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "ACRO"
        if len(parts) > 1 and parts[-1][0].islower() and tokens_mod.fold(parts[-1]) not in tokens_mod.PARTICLES:
            return "ADJ"
        return "NAME"
    if len(parts) > 1 and tokens_mod.fold(parts[0]) in tokens_mod.PARTICLES and parts[-1][0].isupper():
        return "NAME"
    return "LOW"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aAlbBZ-\u2010'’5²ǅあÉéİ_", min_size=1, max_size=8))
def test_word_kinds_as_first_written(w):
    assert tokens_mod._kind.__wrapped__(w) == plain_kind(w)
