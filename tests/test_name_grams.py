"""A big gazetteer's names looked up by hash (geo/mentions/grams.py) and its name index kept in
columns (geo/gazetteer/keys.py) answer exactly as the automaton and the dict they replace."""

from __future__ import annotations

import random

import ahocorasick_rs
import numpy as np
import pytest
from helpers import ROOT, cities15000

from geo import gazetteer
from geo.gazetteer import geonames
from geo.gazetteer import keys as keys_mod
from geo.gazetteer.keys import KeyIndex
from geo.gazetteer.stored import BIG_INDEX
from geo.mentions import Matcher
from geo.mentions.big_names import names_of
from geo.mentions.grams import NameGrams
from geo.mentions.names import MatcherNames, by_word_key
from geo.reports import read_reports
from geo.text import name_key, padded_word_form_utf8

WORDS = ["al", "bab", "tal", "rifaat", "aleppo", "homs", "deir", "ez", "zor", "ma", "arrat", "nu", "man",
         "ḩalab", "şam", "kafr", "x", "1", "2024"]


def automaton_hits(names: MatcherNames, padded: bytes) -> set[tuple[int, int, int]]:
    automaton = ahocorasick_rs.BytesAhoCorasick(list(names.patterns()))
    return set(automaton.find_matches_as_indexes(padded, overlapping=True))


def random_names(rng: random.Random) -> MatcherNames:
    keys = set()
    while len(keys) < 300:
        n = rng.choice([1, 1, 2, 2, 3, 4, 6])
        seps = [rng.choice([" ", " ", "-", ", ", "'", " - "]) for _ in range(n)]
        keys.add(name_key("".join(w + s for w, s in zip((rng.choice(WORDS) for _ in range(n)), seps))[:-1]))
    return by_word_key((k, f"e{i}") for i, k in enumerate(sorted(keys)))


def random_text(rng: random.Random) -> str:
    pieces = [rng.choice(WORDS + ["the", "of", "Al-Bab", "Tal-Rifaat,", "(Aleppo)", "—", "  ", "Deir ez-Zor."])
              for _ in range(rng.randint(0, 120))]
    return " ".join(pieces)


@pytest.mark.parametrize("seed", range(40))
def test_hash_lookup_finds_what_the_automaton_finds(seed, monkeypatch):
    if seed % 2:       # keys hashed and text read a few at a time: windows and their edges
        monkeypatch.setattr("geo.mentions.grams.KEYS_AT_ONCE", 7)
        monkeypatch.setattr("geo.mentions.grams.WORDS_AT_ONCE", 3)
    rng = random.Random(seed)
    names = random_names(rng)
    grams = NameGrams(names.words, len(names.values))
    for _ in range(25):
        padded = padded_word_form_utf8(random_text(rng))
        hits = grams.hits(padded)
        assert set(hits) == automaton_hits(names, padded)
        assert hits == sorted(hits, key=lambda h: (h[2], h[1]))       # by end, longest first
        assert len(set(hits)) == len(hits)


def test_hash_lookup_with_colliding_hashes_compares_the_bytes(monkeypatch):
    """Every key and run under one CRC-32: hits still only where the bytes are a key."""
    names = by_word_key([("al bab", "a"), ("al", "b"), ("tal rifaat", "c")])
    monkeypatch.setattr("geo.gazetteer.keys.B", 1)       # a hash that ignores the order of the bytes
    monkeypatch.setattr("geo.gazetteer.keys.B_INVERSE", 1)
    grams = NameGrams(names.words, len(names.values))
    padded = padded_word_form_utf8("In al-Bab and Tal Rifaat, not tal bab nor bab al or rifaat tal")
    assert set(grams.hits(padded)) == automaton_hits(names, padded)
    assert {names.values[i] for i, _, _ in grams.hits(padded)} == {"a", "b", "c"}


def test_matcher_by_hash_gives_the_same_mentions_on_the_samples():
    gaz = gazetteer.load(ROOT / "gazetteer.csv")
    names = MatcherNames.of(gaz)
    by_automaton, by_hash = Matcher(gaz, names=names), Matcher(gaz, names=names, big_names=0)
    assert by_hash._automaton is None and by_automaton._grams is None
    reports, _ = read_reports(ROOT / "seeds")
    assert reports
    for r in reports:
        found = by_automaton.raw_matches(r.text)
        assert found and by_hash.raw_matches(r.text) == found


def test_key_index_answers_as_the_dict(tmp_path, monkeypatch):
    path = cities15000()
    if path is None:
        pytest.skip("geotext (with cities15000.txt) not installed")
    gaz = gazetteer.load(path)
    as_dict = gaz.index
    assert isinstance(as_dict, dict) and len(as_dict) < BIG_INDEX
    monkeypatch.setattr("geo.gazetteer.stored.BIG_INDEX", 0)
    compact = gazetteer.load(path).index
    assert isinstance(compact, KeyIndex)
    assert list(compact.items()) == list(as_dict.items()) and list(compact) == list(as_dict)
    assert len(compact) == len(as_dict)
    rng = random.Random(5)
    for key in rng.sample(list(as_dict), 2000):
        assert compact[key] == as_dict[key] and key in compact and compact.get(key) == as_dict[key]
    # the matcher's names made from the columns (big_names.py) are the ones made from the dict
    assert names_of(gazetteer.load(path)) == MatcherNames.of(gaz)
    for missing in ("aleppo x", "", "zzzz", "damascus ", 5, None):
        assert missing not in compact and compact.get(missing, "-") == "-"     # type: ignore[arg-type]
        with pytest.raises(KeyError):
            compact[missing]                                                    # type: ignore[index]


def test_key_index_with_colliding_hashes_compares_the_bytes(monkeypatch):
    """Every key under one CRC-32: found by its bytes."""
    monkeypatch.setattr("geo.gazetteer.keys.hash_of", lambda data: 0)
    keys = ["aleppo", "hama", "homs", "al bab"]
    index = KeyIndex("\0".join(keys).encode(), np.arange(4, dtype=np.int32), np.zeros(4, np.int64),
                     ["e0", "e1", "e2", "e3"])
    assert [index.get(k) for k in keys] == ["e0", "e1", "e2", "e3"]
    assert index.get("idlib") is None and "alepp" not in index


def test_a_dump_parsed_into_columns_keeps_its_entries_and_index(tmp_path):
    """The columnar parse gives the entries, aliases, alternatives and index order a row-by-row
    reading gives (written out here for a small dump with a shared name)."""
    rows = [
        "170063\tAleppo\tAleppo\tHalab,Haleb,ALP\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\t\t390\tAsia/Damascus\t2023-01-01",
        "4352728\tAleppo\tAleppo\t\t39.0\t-76.0\tP\tPPL\tUS\t\tMD\t\t\t\t1500\t\t10\tAmerica/New_York\t2023-01-01",
        "12\tHaleb Town\tHaleb Town\tAleppo\t35.0\t36.0\tP\tPPL\tSY\t\t\t\t\t\t10\t\t\t\t2023-01-01",
    ]
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    gaz = geonames.parse(path, path.read_text(encoding="utf-8"))
    assert list(gaz.entries) == ["geonames:12", "geonames:170063", "geonames:4352728"]
    aleppo = gaz.entries["geonames:170063"]
    assert aleppo.aliases == ("Halab", "Haleb") and aleppo.line == 1 and aleppo.kind == "city"
    assert aleppo.alternatives == ("geonames:4352728 Aleppo, US (pop 1500)", "geonames:12 Haleb Town, SY (pop 10)")
    assert list(gaz.index.items()) == [("aleppo", "geonames:170063"), ("halab", "geonames:170063"),
                                       ("haleb", "geonames:170063"), ("haleb town", "geonames:12")]
    assert gaz.warnings == ["SY.txt: 1 names fit several places; chose by rule (own name, country, focus SY, "
                            "rank, population); alternatives recorded"]


@pytest.mark.parametrize("seed", range(5))
def test_one_key_hashed_alone_is_hashed_as_in_a_blob(seed, monkeypatch):
    """``hash_of`` (a lookup) gives the number ``hashes`` gives the same bytes in a blob, whatever
    the chunks (by count and by bytes) the blob is hashed in."""
    rng = random.Random(seed)
    if seed % 2:
        monkeypatch.setattr(keys_mod, "HASHED_AT_ONCE", 3)
        monkeypatch.setattr(keys_mod, "HASHED_BYTES", 7)
    words = ["".join(rng.choice("abcé ḩ日") for _ in range(rng.randint(0, 30))) for _ in range(60)]
    blob = "\0".join(words).encode("utf-8")
    got = keys_mod.hashes(blob, *keys_mod.key_bounds(blob, len(words)))
    assert got.dtype == np.int64
    assert got.tolist() == [keys_mod.hash_of(w.encode("utf-8")) for w in words]
    assert len(set(got.tolist())) == len(set(words))
