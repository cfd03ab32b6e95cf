"""The matching core against a plain reference: one regular expression per name, the slow way.

The matcher (geo/mentions/matcher.py) finds every whole-word occurrence of every name with one automaton
and keeps the longest where they overlap. The reference below states the same rule directly:
for each name, each place where its normal form stands in the text's normal form between two
non-letters; then the longest first, then the leftmost. They must agree on any text."""

import re
from pathlib import Path

from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import vocab
from geo.gazetteer import Gazetteer, load
from geo.mentions import ORG, Matcher
from geo.model import Entry
from geo.text import _normalize_slow, _word_form_slow, name_key, normalize, word_form, word_key


def reference(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    keys = dict(gaz.index)
    for org in vocab.lines("organisations.txt"):
        keys.setdefault(name_key(org), ORG)
    form = _word_form_slow(text)
    cands = []
    for key, eid in keys.items():
        wk = word_key(key)
        for m in re.finditer(rf"(?<![^ ])(?={re.escape(wk)}(?![^ ]))", form):
            a, b = m.start(), m.start() + len(wk)
            # a name with marks at its edges ("'Afrin", "D.C.") matches only with them
            i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
            lead, tail = key[:i], key[j:]
            if lead or tail:
                if not (a >= len(lead) and _normalize_slow(text[a - len(lead):a]) == lead
                        and _normalize_slow(text[b:b + len(tail)]) == tail):
                    continue
                a, b = a - len(lead), b + len(tail)
            cands.append((a, b, eid))
    chosen: list[tuple[int, int, str]] = []
    for a, b, eid in sorted(set(cands), key=lambda c: (c[0] - c[1], c[0])):
        if all(b <= x or a >= y for x, y, _ in chosen):
            chosen.append((a, b, eid))
    return sorted(chosen)


def entry(eid, name, aliases=()):
    return Entry(id=eid, name=name, aliases=tuple(aliases), kind="town", lat=35.0, lon=37.0, country="SY")


SMALL = Gazetteer(path=Path("small.csv"), sha256="", entries={e.id: e for e in [
    entry("a", "Tal", ["Tall"]), entry("b", "Tal Abyad"), entry("c", "Abyad Ras"), entry("d", "Ras al-Ain", ["Ra's al-'Ayn"]),
    entry("e", "Al Bab", ["al-Bāb"]), entry("f", "Bab"), entry("g", "'Afrin", ["Afrin", "ʿAfrīn"]),
    entry("h", "Washington, D.C.", ["Washington"]), entry("i", "Diyarbakır"), entry("j", "Ḩamāh", ["Hama"]),
    entry("k", "Москва"), entry("l", "Arak", ["`Iraq"]), entry("m", "Usman'"),
]})
SMALL_MATCHER = Matcher(SMALL)
WORDS = ["Tal", "Tall", "Abyad", "Ras", "al-Ain", "Ra’s", "al-‘Ayn", "Al", "Bab", "al-Bāb", "'Afrin", "ʿAfrīn",
         "Afrin", "Washington", "D.C.", "Diyarbakir", "DİYARBAKIR", "Ḩamāh", "HAMA", "Москва", "Hayat", "Tahrir",
         "al-Sham", "-", ",", ".", " ", "’s", "\n", "x", "é", "Iraq", "‘Iraq", "Usman", "Usman’", "'"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=30).map(lambda ws: " ".join(ws))
texts_tight = st.lists(st.sampled_from(WORDS), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, texts_tight))
def test_matcher_agrees_with_one_regex_per_name(text):
    assert SMALL_MATCHER.raw_matches(text) == reference(text, SMALL)


def test_overlapping_names_keep_the_longest_and_marks_at_edges():
    text = "From Tal Abyad Ras al-Ain to 'Afrin and Washington, D.C. via al-Bāb and DİYARBAKIR."
    got = [(text[a:b], eid) for a, b, eid in SMALL_MATCHER.raw_matches(text)]
    assert got == [("Tal Abyad", "b"), ("Ras al-Ain", "d"), ("'Afrin", "g"), ("Washington, D.C.", "h"),
                   ("al-Bāb", "e"), ("DİYARBAKIR", "i")]


def test_marks_at_the_edges_of_a_name_must_be_written():
    """"`Iraq" is an alias of Arak (Iran): plain "Iraq" is not Arak; "Usman'" needs its mark."""
    text = "Iraq and ‘Iraq, Usman and Usman’."
    got = [(text[a:b], eid) for a, b, eid in SMALL_MATCHER.raw_matches(text)]
    assert got == [("‘Iraq", "l"), ("Usman’", "m")]


def test_words_inside_words_are_not_names():
    assert SMALL_MATCHER.raw_matches("Talbab Babel Hamat Tallinn") == []


def test_matcher_agrees_with_reference_on_the_sample_reports():
    gaz = load(ROOT / "gazetteer.csv")
    matcher = Matcher(gaz)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    total = 0
    for text in texts:
        got = matcher.raw_matches(text)
        assert got == reference(text, gaz)
        total += len(got)
    assert total > 100


@settings(max_examples=300)
@given(st.text())
def test_fast_folds_equal_the_per_character_fold(s):
    assert normalize(s) == _normalize_slow(s)
    assert word_form(s) == _word_form_slow(s)
    assert len(word_form(s)) == len(s)


def test_folds_of_unusual_letters():
    assert normalize("Diyarbakır Łódź Ørsta Đakovo") == "diyarbakir lodz orsta dakovo"
    assert word_form("Ma’arrat al-Nu'man (Idlib)") == "ma arrat al nu man  idlib "


@settings(max_examples=300)
@given(st.text())
def test_padded_word_form_bytes_decode_to_the_word_form(s):
    from geo.text import padded_word_form_utf8

    assert padded_word_form_utf8(s).decode("utf-8", "surrogatepass") == f" {_word_form_slow(s)} "
