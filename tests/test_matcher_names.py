"""The matcher's names made a chunk at a time (geo/mentions/names.py) are what the one-pass
rule gives, and the related-entry lookup through the name index (geo/mentions/related.py) is
what reading every entry gives; a forged names file is a miss."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import HEADER, ROOT, cities15000

from geo import gazetteer, vocab
from geo.gazetteer import store
from geo.mentions import Matcher, big_names, matcher_cache, names
from geo.mentions.related import Related, _scan
from geo.text import name_key, word_keys


def reference(keys: list[tuple[str, str]]) -> tuple[list[str], list[str], dict]:
    """The rule as one pass over every key (the matcher's first form): word keys, values, edges."""
    values: dict[str, str] = {}
    edge_sets: dict[str, dict[tuple[str, str], str]] = {}
    plain: dict[str, str] = {}
    wks = word_keys([k for k, _ in keys])
    for n in sorted(range(len(keys)), key=lambda n: wks[n] != keys[n][0]):
        (key, eid), wk = keys[n], wks[n]
        if wk and wk == key:
            values.setdefault(wk, eid)
            plain.setdefault(wk, eid)
        elif wk:
            i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
            values.setdefault(wk, eid)
            if key[:i] or key[j:]:
                edge_sets.setdefault(wk, {}).setdefault((key[:i], key[j:]), eid)
            else:
                plain.setdefault(wk, eid)
    edges = {n: (sorted(((a, b, e) for (a, b), e in edge_sets[k].items()), key=lambda v: (-len(v[0]) - len(v[1]), v)),
                 plain.get(k)) for n, k in enumerate(values) if k in edge_sets}
    return list(values), list(values.values()), edges


def check(keys: list[tuple[str, str]]) -> None:
    made = names.by_word_key(keys)
    words, values, edges = reference(keys)
    assert made.words.split(b"\0") == [w.encode() for w in words] if words else made.words == b""
    assert made.values == values
    assert {n: (e.variants, e.plain) for n, e in made.edges.items()} == edges
    assert list(made.patterns()) == [f" {w} ".encode() for w in words]
    # the same from keys with rows, as a gazetteer of millions of keys makes them (big_names.py)
    ids = list(dict.fromkeys(e for _, e in keys if e != names.ORG))
    rows = np.array([big_names.ORG_ROW if e == names.ORG else ids.index(e) for _, e in keys], np.int32)
    half = len(keys) // 2
    big = big_names.by_word_key_rows([([k for k, _ in keys[:half]], rows[:half]),
                                      ([k for k, _ in keys[half:]], rows[half:])], ids)
    assert big.words == made.words and list(big.values) == made.values and big.values == made.values
    assert big.edges == made.edges and list(big.edges) == list(made.edges)


def test_marks_and_order_as_the_one_pass_rule(monkeypatch):
    keys = [("'afrin", "a1"), ("afrin", "a2"), ("sana'a", "s"), ("sana a", "s2"), ("`iraq", "arak"),
            ("washington, d.c.", "w"), ("washington d c", "w2"), ("'afrin'", "a3"), ("pe'kin", "p1"),
            ("pekin", "p2"), ("-", "dash"), ("", "empty"), ("al-bab", "b"), ("al bab", "b2"), ("'x", "x1"),
            ("x", "x2"), ("'y", "y1"), ("y'", "y2"), ("y", names.ORG)]
    check(keys)
    monkeypatch.setattr(names, "CHUNK", 3)              # the same across chunk edges
    monkeypatch.setattr(big_names, "CHUNK", 3)
    monkeypatch.setattr(names, "PATTERN_WINDOW", 5)
    check(keys)
    check(keys[::-1])
    check([])
    check([("al bab", "a"), ("hama", "c"), ("al bab", "b"), ("al-bab", "d")])   # a plain key twice: the first


def test_names_of_the_project_gazetteer_as_the_one_pass_rule():
    gaz = gazetteer.load(ROOT / "gazetteer.csv")
    index = gaz.index
    keys = list(index.items()) + [(name_key(o), names.ORG) for o in vocab.lines("organisations.txt", None)
                                  if name_key(o) not in index]
    check(keys)
    made = names.MatcherNames.of(gaz)
    assert made == names.by_word_key(keys)


def test_forged_names_are_a_miss(tmp_path):
    gaz = gazetteer.load(ROOT / "gazetteer.csv")
    plain = Matcher(gaz)
    matcher_cache.build_matcher(gaz, None, tmp_path)
    [p] = tmp_path.glob("*" + matcher_cache.SUFFIX)
    key = matcher_cache.matcher_key(gaz, None)
    found = store.read(p, key)
    assert found is not None
    meta, sections = found
    for change in ({"edges": b'[[0, [["\'", "", "no such id"]], null]]'}, {"edges": b'{"a": 1}'},
                   {"edges": b'[[0, [], ["list"]]]'}, {"words": sections["words"] + b"\0"}):
        store.write(p, key, meta, {**sections, **change}.items())
        assert matcher_cache._read(p, key, gaz) is None
        m = matcher_cache.build_matcher(gaz, None, tmp_path)     # computed again
        assert (m._values, m._edges) == (plain._values, plain._edges)




RELATED_CSV = HEADER + (
    "aleppo,Aleppo,Halab,city,36.2,37.1,SY,,,5,manual\n"
    "citadel,Citadel of Aleppo,Qal'at Halab,landmark,36.19,37.16,SY,aleppo,,0.5,manual\n"
    "gov,Aleppo Governorate,Halab  Province,governorate,36.2,37.5,SY,,,50,manual\n"
    "air,Aleppo International Airport, Nayrab Airport ,airbase,36.18,37.22,SY,,,2,manual\n"
    "kuweires,Kuweires,,town,36.18,37.58,SY,gov,,3,manual\n"
    "base,Kuweires Military Airbase,,airbase,36.18,37.58,SY,,,2,manual\n"
    "hama,Hama,,city,35.1,36.7,SY,,,5,manual\n"
    "hamaair,Hama Military Airport,,airbase,35.11,36.71,SY,,,2,manual\n"
    "hamagov,Hama Governorate,,governorate,35.2,36.8,SY,,,50,manual\n"
    "hamagov2,Hama Governorate East,,governorate,35.2,36.9,SY,,,50,manual\n"
)


@pytest.mark.parametrize("source", ["project", "small", "cities"])
def test_related_through_the_index_as_reading_every_entry(tmp_path, source):
    if source == "cities" and cities15000() is None:
        pytest.skip("geotext (with cities15000.txt) not installed")
    if source == "small":
        path = tmp_path / "g.csv"
        path.write_text(RELATED_CSV, encoding="utf-8")
    else:
        path = ROOT / "gazetteer.csv" if source == "project" else cities15000()
    gaz = gazetteer.load(path)
    related = Related(gaz)
    entries = list(gaz.entries.values())
    if source == "cities":
        entries = entries[::400]
    for e in entries:
        for kinds, word in ((frozenset(), ""), (frozenset({"airbase"}), ""), (frozenset({"governorate"}), ""),
                            (frozenset(), "citadel"), (frozenset(), "airport"), (frozenset({"landmark"}), "old")):
            own = name_key(e.name)
            expected = _scan(gaz, e, kinds, (own, _pattern(own)), (name_key(word), _pattern(name_key(word)))
                             if word else ("", None))
            got = related._find(e, kinds, word)
            assert got == expected, (e.id, kinds, word)


def _pattern(key: str):
    import re

    return re.compile(rf"\b{re.escape(key)}\b")


def test_kinds_and_names_read_from_the_cache_columns(tmp_path):
    parsed = gazetteer.load(ROOT / "gazetteer.csv")
    gazetteer.load(ROOT / "gazetteer.csv", cache=tmp_path)
    kept = gazetteer.load(ROOT / "gazetteer.csv", cache=tmp_path)   # read back
    assert kept.entries.__class__.__name__ == "StoredEntries"
    assert list(kept.name_lists(7)) == list(parsed.name_lists(7))
    for kind in ("road", "city", "airbase", "no such kind"):
        assert kept.of_kind(kind) == parsed.of_kind(kind)
    assert kept.entries._all is None                          # no entry built for either
    related, plain = Related(kept), Related(parsed)
    for e in parsed.entries.values():
        for kinds, word in ((frozenset(), ""), (frozenset({"airbase"}), ""), (frozenset(), "citadel")):
            assert related._find(e, kinds, word) == plain._find(e, kinds, word)
