"""The parsed gazetteer and the matcher's names kept between builds (geo/gazetteer/cache.py,
stored.py, store.py, matcher_cache.py): read back, they are what parsing gives, in the same
order; the outputs are byte-identical with and without the cache; a damaged, foreign or hostile
cache file is a miss (never code run, never a failed build); a rebuild of unchanged reports
makes no matcher."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest
from helpers import HEADER, ROOT, cities15000

import build_map
import geo.cache
import geo.pipeline
import geo.report_step
from geo import gazetteer
from geo.gazetteer import cache as cache_mod
from geo.gazetteer import store
from geo.gazetteer.stored import StoredEntries
from geo.mentions import Matcher, matcher_cache
from geo.reports import read_reports

SEEDS = ROOT / "seeds"
HOSTILE_CSV = (
    HEADER
    + "aleppo,Aleppo,Halab|Ḥalab|The,city,36.2021,37.1343,SY,,,5,manual\n"
    + "citadel,Citadel of Aleppo,Qal'at Halab,landmark,36.1993,37.1626,SY,aleppo,,0.5,https://example.org/c\n"
    + "hama,Ha\u200bma,Hamah|Ḥamāh,city,35.1318,36.7578,SY,,,,\n"
    + 'm5,M5 highway,,road,35.5,36.8,SY,,"LINESTRING (37.1 36.2, 36.7 35.1, 36.3 33.5)",5,manual\n'
    + "said,Said,Said Town,town,34.0,36.0,SY,,,3,\n"
)


CITIES = cities15000()
needs_cities = pytest.mark.skipif(CITIES is None, reason="geotext (with cities15000.txt) not installed")


@pytest.fixture
def hostile_csv(tmp_path) -> Path:
    p = tmp_path / "hostile.csv"
    p.write_text(HOSTILE_CSV, encoding="utf-8")
    return p


def same(a: gazetteer.Gazetteer, b: gazetteer.Gazetteer) -> None:
    """Two gazetteers alike in every part the build reads, order and types included (3 is
    written "3" in the outputs, 3.0 "3.0")."""
    assert repr(list(a.entries.items())) == repr(list(b.entries.items()))
    assert list(a.index.items()) == list(b.index.items())
    assert (a.warnings, a.format, a.sha256, a.path, a.parents) == (b.warnings, b.format, b.sha256, b.path, b.parents)


@pytest.fixture
def parses(monkeypatch) -> list[Path]:
    """The files parsed (not read back from the cache) by ``gazetteer.load`` during the test."""
    done: list[Path] = []
    real = gazetteer._parse

    def counted(path: Path):
        done.append(path)
        return real(path)

    monkeypatch.setattr(gazetteer, "_parse", counted)
    return done


def cache_file(folder: Path) -> Path:
    [p] = folder.glob("*" + cache_mod.SUFFIX)
    return p


@pytest.mark.parametrize("source", ["project", "hostile", pytest.param("cities", marks=needs_cities)])
def test_read_back_is_what_parsing_gives(tmp_path, hostile_csv, source, parses):
    path = {"project": ROOT / "gazetteer.csv", "hostile": hostile_csv, "cities": CITIES}[source]
    parsed = gazetteer.load(path)
    first = gazetteer.load(path, cache=tmp_path / "c")      # a miss: parsed, kept, read back
    kept = gazetteer.load(path, cache=tmp_path / "c")       # a hit
    assert parses == [path, path]
    assert isinstance(kept.entries, StoredEntries) and isinstance(first.entries, StoredEntries)
    same(parsed, first)
    same(parsed, kept)
    fresh = gazetteer.load(path, cache=tmp_path / "c")
    names = [n for e in list(parsed.entries.values())[:300] for n in e.names] + ["Nowhere", "the"]
    assert [fresh.lookup(n) for n in names] == [parsed.lookup(n) for n in names]
    if source == "hostile":
        assert kept.warnings and kept.parents == {"citadel": "aleppo"}
        assert kept.entries["hama"].precision_km is None and kept.entries["m5"].geometry.startswith("LINESTRING")


def test_entries_are_built_when_asked_for(tmp_path):
    path = ROOT / "gazetteer.csv"
    parsed = gazetteer.load(path)
    gazetteer.load(path, cache=tmp_path / "c")
    kept = gazetteer.load(path, cache=tmp_path / "c")
    entries = kept.entries
    assert isinstance(entries, StoredEntries)
    some = next(iter(parsed.entries))
    assert entries[some] == parsed.entries[some] and entries[some] is entries[some]
    assert some in entries and "no such id" not in entries and None not in entries
    assert entries.get("no such id") is None and entries.get("") is None
    assert len(entries) == len(parsed.entries) and list(entries) == list(parsed.entries)
    assert entries._all is None and kept._index is None        # nothing else built yet
    for name in ("Halab", "Aleppo", "ALEPPO", "Ḥalab", "Hama", "Nowhere at all", "", "Sana'a"):
        assert kept.lookup(name) == parsed.lookup(name), name
    assert kept._index is None                                  # found through the key hashes
    assert list(entries.values()) == list(parsed.entries.values())
    assert entries[some] == parsed.entries[some]


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def build(reports: Path, gaz: Path, out: Path, *extra: str) -> dict[str, bytes]:
    assert build_map.main(["--reports", str(reports), "--gazetteer", str(gaz), "--out-dir", str(out), "--cdn",
                           "--jobs", "1", *extra]) == 0
    return files(out)


@pytest.mark.parametrize("source", ["project", pytest.param("cities", marks=needs_cities)])
def test_outputs_are_byte_identical_with_and_without_the_cache(tmp_path, monkeypatch, source):
    gaz = ROOT / "gazetteer.csv" if source == "project" else CITIES
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    out = tmp_path / "maps"
    cold = build(reports, gaz, out)                              # parsed, kept
    folder = gazetteer.cache_folder(out)
    assert len(list(folder.glob("*" + cache_mod.SUFFIX))) == 1
    assert len(list(folder.glob("*" + matcher_cache.SUFFIX))) == 1
    shutil.rmtree(geo.cache.folder_for(out))                     # every report read again, with
    assert build(reports, gaz, out) == cold                      # the gazetteer and names read back
    assert build(reports, gaz, out) == cold                      # and no report read again
    for p in folder.iterdir():                                   # damaged: a miss, the same outputs
        p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    shutil.rmtree(geo.cache.folder_for(out))
    assert build(reports, gaz, out) == cold
    shutil.rmtree(folder)
    assert build(reports, gaz, out, "--no-cache") == cold        # --no-cache: no gazetteer cache either
    assert not folder.exists()
    monkeypatch.setattr(geo.pipeline.gazetteer_mod, "cache_folder", lambda out_dir: None)
    assert build(reports, gaz, tmp_path / "plain") == cold       # no cache at all, as before


def test_unchanged_reports_make_no_matcher(tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    shutil.copytree(SEEDS, reports)
    cold = build(reports, ROOT / "gazetteer.csv", tmp_path / "maps")

    def no_matcher(*args):
        raise AssertionError("a matcher was made")

    monkeypatch.setattr(geo.report_step, "build_matcher", no_matcher)
    assert build(reports, ROOT / "gazetteer.csv", tmp_path / "maps") == cold


def write_damaged(path: Path, how: str) -> None:
    good = path.read_bytes()
    if how == "truncated":
        path.write_bytes(good[:-100])
    elif how == "payload byte":
        path.write_bytes(good[:10] + bytes([good[10] ^ 1]) + good[11:])
    elif how == "header byte":
        k = len(good) - store.FOOTER.size - 20
        path.write_bytes(good[:k] + bytes([good[k] ^ 1]) + good[k + 1:])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(b"\x00\xff" * 5000)
    elif how == "folder":
        path.unlink()
        path.mkdir()
    elif how == "symlink":
        other = path.with_name("elsewhere")
        other.write_bytes(good)
        path.unlink()
        path.symlink_to(other)


@pytest.mark.parametrize("how", ["truncated", "payload byte", "header byte", "empty", "garbage", "folder", "symlink"])
def test_damaged_cache_file_is_a_miss(tmp_path, hostile_csv, how, parses):
    parsed = gazetteer.load(hostile_csv)
    gazetteer.load(hostile_csv, cache=tmp_path / "c")
    write_damaged(cache_file(tmp_path / "c"), how)
    again = gazetteer.load(hostile_csv, cache=tmp_path / "c")
    assert len(parses) == 3
    if how == "folder":                                          # in the way of the file: one warning
        assert again.warnings[-1].startswith(f"{tmp_path / 'c'}: cannot be written")
        again.warnings.pop()
    same(parsed, again)                                          # a miss is no problem to report
    if how == "folder":
        return
    kept = gazetteer.load(hostile_csv, cache=tmp_path / "c")     # kept again, and read back
    assert isinstance(kept.entries, StoredEntries) and len(parses) == 3
    same(parsed, kept)


class _Boom:
    def __reduce__(self):
        return (Path.touch, (Path(__file__).parent / "PWNED-BY-CACHE",))


def test_a_pickle_in_place_of_the_cache_is_never_loaded(tmp_path, hostile_csv):
    gazetteer.load(hostile_csv, cache=tmp_path / "c")
    p = cache_file(tmp_path / "c")
    p.write_bytes(pickle.dumps(_Boom()))
    again = gazetteer.load(hostile_csv, cache=tmp_path / "c")
    assert not (Path(__file__).parent / "PWNED-BY-CACHE").exists()
    same(gazetteer.load(hostile_csv), again)


def rewrite(path: Path, key: str, change) -> None:
    """Write the file again with ``change(meta, sections)`` applied and a valid digest: a file
    that passes the format's checks but not the gazetteer's."""
    found = store.read(path, key)
    assert found is not None
    meta, sections = found
    change(meta, sections)
    store.write(path, key, meta, sections.items())


def moved_field(records: bytes) -> bytes:
    """The first record one field short, the second one field long: as many separators in all."""
    i = records.index(b"\x01")
    j = records.index(b"\0")
    return records[:i] + b"x" + records[i + 1:j + 1] + b"\x01" + records[j + 2:]


@pytest.mark.parametrize("change", [
    lambda m, s: s.__setitem__("record_ends", s["record_ends"] + 1),
    lambda m, s: s.__setitem__("kinds", np.full_like(s["kinds"], 99)),
    lambda m, s: s.__setitem__("key_rows", s["key_rows"] * 1000),
    lambda m, s: s.__setitem__("ids", s["ids"][::-1]),
    lambda m, s: s.__setitem__("lat", s["lat"][:-1]),
    lambda m, s: s.__setitem__("records", np.zeros(3, np.int8)),
    lambda m, s: m.__setitem__("count", "5"),
    lambda m, s: m.__setitem__("format", "pickle"),
    lambda m, s: m.__setitem__("warnings", [1]),
    lambda m, s: s.pop("keys"),
    lambda m, s: s.__setitem__("key_hashes", s["key_hashes"].astype(np.int32)),
    lambda m, s: s.__setitem__("lat", np.full_like(s["lat"], np.nan)),
    lambda m, s: s.__setitem__("records", moved_field(s["records"])),
], ids=["ends", "codes", "rows", "ids order", "short column", "records kind", "count", "format", "warnings",
        "missing section", "hash type", "nan", "fields moved"])
def test_inconsistent_columns_are_a_miss(tmp_path, hostile_csv, change, parses):
    gazetteer.load(hostile_csv, cache=tmp_path / "c")
    p = cache_file(tmp_path / "c")
    sha = gazetteer.reading.file_sha256(hostile_csv)
    rewrite(p, cache_mod.cache_key(sha, hostile_csv), change)
    again = gazetteer.load(hostile_csv, cache=tmp_path / "c")
    assert len(parses) == 2
    same(gazetteer.load(hostile_csv), again)


def test_another_file_path_or_code_is_another_key(tmp_path, hostile_csv, parses):
    sha = gazetteer.reading.file_sha256(hostile_csv)
    key = cache_mod.cache_key(sha, hostile_csv)
    assert key != cache_mod.cache_key(sha, hostile_csv.with_name("moved.csv"))
    assert key != cache_mod.cache_key("0" * 64, hostile_csv)
    gazetteer.load(hostile_csv, cache=tmp_path / "c")
    hostile_csv.write_text(HOSTILE_CSV.replace("36.2021", "36.3021"), encoding="utf-8")
    changed = gazetteer.load(hostile_csv, cache=tmp_path / "c")
    assert changed.entries["aleppo"].lat == 36.3021 and len(parses) == 2
    assert [p.name for p in (tmp_path / "c").iterdir()] == [cache_file(tmp_path / "c").name]   # the old one pruned


def test_a_cache_that_cannot_be_written_is_one_warning(tmp_path, hostile_csv):
    blocked = tmp_path / "c"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    gaz = gazetteer.load(hostile_csv, cache=blocked)
    parsed = gazetteer.load(hostile_csv)
    assert gaz.warnings[:-1] == parsed.warnings
    assert gaz.warnings[-1].startswith(f"{blocked}: cannot be written")
    assert list(gaz.entries.items()) == list(parsed.entries.items())


def test_strings_the_format_cannot_keep_apart_are_not_cached(tmp_path):
    p = tmp_path / "odd.csv"
    p.write_text(HEADER + "a,Aleppo,,city,36.2,37.1,SY,,,5,manual\x01source\n", encoding="utf-8")
    gaz = gazetteer.load(p, cache=tmp_path / "c")
    assert gaz.entries["a"].source == "manual\x01source" and not gaz.warnings
    assert not list((tmp_path / "c").glob("*" + cache_mod.SUFFIX))


def test_matcher_from_kept_names_finds_what_the_matcher_finds(tmp_path):
    gaz = gazetteer.load(ROOT / "gazetteer.csv")
    plain = Matcher(gaz)
    made = matcher_cache.build_matcher(gaz, None, tmp_path / "c")        # computed, kept
    read = matcher_cache.build_matcher(gaz, None, tmp_path / "c")        # read back
    assert len(list((tmp_path / "c").glob("*" + matcher_cache.SUFFIX))) == 1
    reports, _ = read_reports(SEEDS)
    texts = [r.text for r in reports] + ["'Afrin, Sana'a and Washington, D.C.; Hayat Tahrir al-Sham in Aleppo."]
    for m in (made, read):
        assert set(vars(m)) == set(vars(plain))
        assert (m._values, m._edges) == (plain._values, plain._edges)
        assert [m.raw_matches(t) for t in texts] == [plain.raw_matches(t) for t in texts]
    p = next((tmp_path / "c").glob("*" + matcher_cache.SUFFIX))
    p.write_bytes(p.read_bytes()[:-1])                                   # damaged: computed again
    again = matcher_cache.build_matcher(gaz, None, tmp_path / "c")
    assert [again.raw_matches(t) for t in texts] == [plain.raw_matches(t) for t in texts]
