"""Incremental builds: a report whose result an earlier build kept is not read again, and the
outputs are byte-identical to a build that reads everything."""

import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from helpers import ROOT, write

import build_map
import geo.parallel
from geo import cache as cache_mod
from geo import result_store
from geo.model import Claim, Mention
from geo.report_step import ReportResult
from geo.unresolved import Unresolved

SEEDS = ROOT / "seeds"


@pytest.fixture
def reports(tmp_path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """The ids of the reports the per-report step reads (in this process: --jobs 1)."""
    seen: list[str] = []
    real = geo.parallel.process_report

    def counting(report, engine):
        seen.append(report.id)
        return real(report, engine)

    monkeypatch.setattr(geo.parallel, "process_report", counting)
    return seen


def run(reports: Path, out: Path, *extra: str, gazetteer: Path = ROOT / "gazetteer.csv") -> None:
    code = build_map.main(["--reports", str(reports), "--gazetteer", str(gazetteer), "--out-dir", str(out),
                           "--cdn", "--jobs", "1", *extra])
    assert code == 0


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def store_of(out: Path) -> Path:
    return cache_mod.folder_for(out) / result_store.NAME


def rows(out: Path) -> dict[str, bytes]:
    """The store's rows: key -> blob."""
    with sqlite3.connect(store_of(out)) as con:
        return dict(con.execute("SELECT key, blob FROM results"))


def set_blob(out: Path, key: str, blob: bytes) -> None:
    con = sqlite3.connect(store_of(out))
    with con:
        con.execute("UPDATE results SET blob = ? WHERE key = ?", (blob, key))
    con.close()


def test_warm_build_reads_nothing_and_writes_the_same_bytes(tmp_path, reports, calls):
    run(reports, tmp_path / "cold", "--no-cache")
    assert not cache_mod.folder_for(tmp_path / "cold").exists()
    n = len(calls)
    assert n == len(list(reports.glob("*.txt")))
    run(reports, tmp_path / "warm")
    assert len(calls) == 2 * n
    assert len(rows(tmp_path / "warm")) == n
    assert sorted(p.name for p in cache_mod.folder_for(tmp_path / "warm").iterdir()) == [
        "previous-build.json", result_store.NAME]     # one store, not a file per report
    run(reports, tmp_path / "warm")
    assert len(calls) == 2 * n            # nothing read again
    assert files(tmp_path / "warm") == files(tmp_path / "cold")


def test_a_new_or_edited_report_is_the_only_one_read(tmp_path, reports, calls):
    run(reports, tmp_path / "maps")
    first = set(calls)
    write(reports / "zz_new.txt", "date: 2024-12-01\n\nRebels captured Hama on Thursday, the monitor said.\n")
    edited = sorted(reports.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe army withdrew from Saraqib.\n", encoding="utf-8")
    calls.clear()
    run(reports, tmp_path / "maps")
    assert sorted(calls) == sorted(["zz_new", edited.stem])
    run(reports, tmp_path / "cold", "--no-cache")
    assert files(tmp_path / "maps") == files(tmp_path / "cold")
    assert first | {"zz_new"} >= set(calls)


def test_a_changed_gazetteer_or_vocabulary_reads_every_report_again(tmp_path, reports, calls):
    run(reports, tmp_path / "maps")
    n = len(calls)
    gaz = tmp_path / "g.csv"
    gaz.write_text((ROOT / "gazetteer.csv").read_text(encoding="utf-8").replace("Saraqib", "Saraqeb", 1), encoding="utf-8")
    run(reports, tmp_path / "maps", gazetteer=gaz)
    assert len(calls) == 2 * n
    vocab = tmp_path / "vocab"
    write(vocab / "not_places.txt", (ROOT / "geo/data/not_places.txt").read_text(encoding="utf-8") + "Qwertyville\n")
    run(reports, tmp_path / "maps", "--vocab", str(vocab), gazetteer=gaz)
    assert len(calls) == 3 * n


def test_the_cache_keeps_only_the_reports_of_the_last_build(tmp_path, reports):
    run(reports, tmp_path / "maps")
    before = rows(tmp_path / "maps")
    sorted(reports.glob("*.txt"))[0].unlink()
    run(reports, tmp_path / "maps")
    after = rows(tmp_path / "maps")
    assert len(after) == len(before) - 1 and after.items() <= before.items()


def test_damaged_or_forged_cache_files_are_misses(tmp_path, reports, calls):
    run(reports, tmp_path / "cold", "--no-cache")
    run(reports, tmp_path / "maps")
    n = len(calls) // 2
    kept = sorted(rows(tmp_path / "maps").items())
    set_blob(tmp_path / "maps", kept[0][0], b"not zlib at all")
    good = json.loads(zlib.decompress(kept[1][1]))
    assert good["mentions"]["start"]
    forged = {**good, "mentions": {**good["mentions"], "start": ["not a number"] * len(good["mentions"]["start"])}}
    set_blob(tmp_path / "maps", kept[1][0], zlib.compress(json.dumps(forged).encode()))
    calls.clear()
    run(reports, tmp_path / "maps")
    assert len(calls) == 2 and n >= 2
    assert files(tmp_path / "maps") == files(tmp_path / "cold")


def test_an_unwritable_cache_is_a_warning_not_a_failure(tmp_path, reports, capsys):
    folder = cache_mod.folder_for(tmp_path / "maps")
    folder.write_text("a file where the cache folder would be")
    run(reports, tmp_path / "maps")
    err = capsys.readouterr().err
    assert "cannot be written" in err and str(folder) in err
    assert (tmp_path / "maps" / "situation_map.html").is_file()


def test_records_round_trip_exactly():
    result = ReportResult(
        [Mention("r1", "aleppo", "Aleppo", 3, 9, "In Aleppo, \u00e9t\u00e9.", 0, "place", "context")],
        [Claim("r1", "Outlet", "2024-11-30", "aleppo", "Aleppo", "opposition", "captured", "the monitor", "other",
               "Rebels took Aleppo.", False, True, "took", 0, "gain")],
        [Unresolved("Qomhana", "r1", "near Qomhana", 5, 12, "spatial", ("opposition captured (outlet)",), 0)])
    back = cache_mod.decode(cache_mod.encode(result))
    assert back == result
    assert isinstance(back.unresolved[0].claims, tuple)


def test_a_sentence_many_records_repeat_is_read_back_once():
    sentence = "Rebels entered Aleppo and Hama and Homs on Friday, the monitor said."
    mentions = [Mention("r1", p, p.title(), k, k + 4, sentence, 0, "place") for k, p in enumerate(["aleppo", "hama", "homs"])]
    back = cache_mod.decode(cache_mod.encode(ReportResult(mentions, [], [])))
    assert back.mentions == mentions
    assert back.mentions[0].sentence is back.mentions[2].sentence


@pytest.mark.parametrize("blob", [b"", b"x" * 10, cache_mod.encode(ReportResult([], [], []))[:-3]])
def test_decode_refuses_what_encode_did_not_write(blob):
    with pytest.raises(ValueError):
        cache_mod.decode(blob)


def _forged(mentions_article) -> bytes:
    """A cache file whose mentions' report-id column is ``mentions_article``, every other column
    as ``encode`` wrote it for two mentions."""
    import json
    import zlib
    ms = [Mention("r1", "hama", "Hama", k, k + 4, "In Hama and Hama.", 0, "place") for k in (3, 12)]
    data = json.loads(zlib.decompress(cache_mod.encode(ReportResult(ms, [], []))))
    assert data["mentions"]["article"] == {"same": "r1", "n": 2}    # a column of one value is written once
    data["mentions"]["article"] = mentions_article
    return zlib.compress(json.dumps(data).encode())


@pytest.mark.parametrize("column", [{"same": "r1", "n": 10**12}, {"same": "r1", "n": True}, {"same": 7, "n": 2},
                                    {"same": "r1", "n": 3}, {"same": "r1"}, {"same": "r1", "n": 2, "x": 1}, "r1"])
def test_a_forged_repeated_column_is_a_miss(column):
    assert cache_mod.decode(_forged(["r1", "r1"])).mentions[1].article == "r1"
    with pytest.raises(ValueError):
        cache_mod.decode(_forged(column))


def test_a_tiny_file_of_huge_repeated_columns_is_a_miss_before_any_is_expanded():
    import json
    import zlib
    data = json.loads(zlib.decompress(cache_mod.encode(ReportResult([], [], []))))
    data["mentions"] = {n: {"same": 1 if n in ("start", "end", "sentence_start") else "x", "n": 5_000_000}
                        for n in data["mentions"]}
    with pytest.raises(ValueError):
        cache_mod.decode(zlib.compress(json.dumps(data).encode()))


# -- the store: one SQLite file; damaged, foreign, locked or old-format ones ------------------

@pytest.mark.parametrize("garbage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_store_is_made_anew_with_a_warning(tmp_path, reports, calls, capsys, garbage):
    run(reports, tmp_path / "cold", "--no-cache")
    n = len(calls)
    store_of(tmp_path / "maps").parent.mkdir()
    store_of(tmp_path / "maps").write_bytes(garbage)
    run(reports, tmp_path / "maps")
    assert len(calls) == 2 * n
    if garbage:
        assert "made anew" in capsys.readouterr().err
    assert len(rows(tmp_path / "maps")) == n          # made anew, every result kept
    assert files(tmp_path / "maps") == files(tmp_path / "cold")
    run(reports, tmp_path / "maps")
    assert len(calls) == 2 * n


def test_a_store_truncated_half_way_is_a_miss_not_a_crash(tmp_path, reports, calls, capsys):
    run(reports, tmp_path / "cold", "--no-cache")
    run(reports, tmp_path / "maps")
    path = store_of(tmp_path / "maps")
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2] + b"\x00" * (len(data) - len(data) // 2))
    calls.clear()
    run(reports, tmp_path / "maps")
    assert files(tmp_path / "maps") == files(tmp_path / "cold")
    calls.clear()
    run(reports, tmp_path / "maps")
    assert calls == []                                # whatever happened, the store is whole again


@pytest.mark.parametrize("schema", [
    ["CREATE TABLE results (key TEXT PRIMARY KEY NOT NULL, blob BLOB NOT NULL) WITHOUT ROWID",
     "CREATE TABLE log (x)",
     "CREATE TRIGGER t AFTER INSERT ON results BEGIN INSERT INTO log VALUES (new.key); END"],
    ["CREATE TABLE results (key TEXT, blob BLOB)"],
    ["CREATE TABLE other (x)"],
])
def test_a_foreign_database_is_never_used_nor_run(tmp_path, reports, calls, capsys, schema):
    run(reports, tmp_path / "cold", "--no-cache")
    n = len(calls)
    path = store_of(tmp_path / "maps")
    path.parent.mkdir()
    con = sqlite3.connect(path)
    for sql in schema:
        con.execute(sql)
    con.execute(f"PRAGMA application_id = {result_store.APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {result_store.VERSION}")
    con.commit()
    con.close()
    run(reports, tmp_path / "maps")
    assert "not a result store" in capsys.readouterr().err
    assert len(calls) == 2 * n
    with sqlite3.connect(path) as con:            # made anew: this module's schema only, no trigger run
        assert con.execute("SELECT type, name FROM sqlite_master").fetchall() == [("table", "results")]
    assert files(tmp_path / "maps") == files(tmp_path / "cold")


def test_a_store_another_build_holds_locked_is_a_warning(tmp_path, reports, capsys, monkeypatch):
    run(reports, tmp_path / "cold", "--no-cache")
    monkeypatch.setattr(result_store, "BUSY_S", 0.1)
    write(reports / "zz_new.txt", "date: 2024-12-01\n\nRebels captured Hama on Thursday, the monitor said.\n")
    run(reports, tmp_path / "maps")
    before = rows(tmp_path / "maps")
    other = sqlite3.connect(store_of(tmp_path / "maps"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")               # another build writing
    try:
        (reports / "zz_new.txt").unlink()
        run(reports, tmp_path / "maps")
        assert "in use by another build" in capsys.readouterr().err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert rows(tmp_path / "maps") == before          # nothing kept, nothing lost
    run(reports, tmp_path / "maps")
    assert files(tmp_path / "maps") == files(tmp_path / "cold")


def test_a_failed_write_keeps_the_rows_of_earlier_builds(tmp_path):
    path = tmp_path / result_store.NAME
    result_store.write(path, [("a", b"1"), ("b", b"2")])
    with pytest.raises(result_store.StoreError):
        result_store.write(path, [("c", b"3"), ("d", None)])     # NOT NULL: fails half way
    assert result_store.read(path, ["a", "b", "c", "d"], 10) == {"a": b"1", "b": b"2"}
    assert result_store.read(path, ["a", "b"], 0) == {}            # over the size limit: not read
    assert result_store.keep_only(path, {"b"}) == 1
    assert result_store.read(path, ["a", "b"], 10) == {"b": b"2"}


def test_the_files_of_the_one_file_per_report_cache_are_removed(tmp_path, reports):
    folder = cache_mod.folder_for(tmp_path / "maps")
    folder.mkdir()
    (folder / ("0" * 64 + cache_mod.SUFFIX)).write_bytes(b"old")
    (folder / ".tmp-x").write_bytes(b"")
    run(reports, tmp_path / "maps")
    assert sorted(p.name for p in folder.iterdir()) == ["previous-build.json", result_store.NAME]


def test_decode_many_refuses_only_the_bad_blobs():
    ok = [ReportResult([Mention(f"r{k}", "hama", "Hama", 3, 7, "In Hama.", 0, "place")] * k, [], []) for k in range(4)]
    blobs = [cache_mod.encode(r) for r in ok]
    bad = _forged(["r1", 7])                      # a report id that is not a string
    got = cache_mod.decode_many([blobs[0], None, bad, blobs[1], b"junk", blobs[2], blobs[3]])
    assert got == [ok[0], None, None, ok[1], None, ok[2], ok[3]]
    assert cache_mod.decode_many([]) == []


def test_a_warm_build_on_two_processes_decodes_while_they_work_and_writes_the_same_bytes(tmp_path, reports):
    run(reports, tmp_path / "maps", "--jobs", "2")
    write(reports / "zz_new.txt", "date: 2024-12-01\n\nRebels captured Hama on Thursday, the monitor said.\n")
    write(reports / "zz_newer.txt", "date: 2024-12-02\n\nThe army withdrew from Saraqib, state media said.\n")
    run(reports, tmp_path / "maps", "--jobs", "2")
    run(reports, tmp_path / "cold", "--no-cache")
    assert files(tmp_path / "maps") == files(tmp_path / "cold")
    assert len(rows(tmp_path / "maps")) == len(list(reports.glob("*.txt")))
