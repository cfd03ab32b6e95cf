"""A gazetteer file read as a stream of lines (geo/gazetteer/reading.py): the same lines, sha256,
errors and gazetteer as reading it whole; and --jobs workers that inherit the loaded engine
(geo/parallel.py) instead of loading the gazetteer again."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import shutil

import pytest
from helpers import HEADER, ROOT

import geo.parallel as par
from geo import gazetteer
from geo.errors import GazetteerError
from geo.gazetteer import geonames, reading
from geo.gazetteer.geonames import halves
from geo.report_step import Engine
from geo.reports import read_reports

ROW = "\t".join(["{gid}", "{name}", "{name}", "{alts}", "36.2", "37.1", "P", "PPL", "SY", "", "01", "", "", "",
                 "1000", "", "100", "Asia/Damascus", "2020-01-01"])


def dump_text(n: int) -> str:
    names = ["Ḩalab", "Ḥamāh", "Dayr az-Zawr", "Sana'a", "Ma’arrat al-Nu'man", "Ṭarṭūs", "Ðà Nẵng", "Łódź"]
    rows = [ROW.format(gid=i + 1, name=f"{names[i % len(names)]} {i}",
                       alts=f"{names[(i + 1) % len(names)]} {i} Alt,Алеппо {i},حلب,HTS,halab {i}") for i in range(n)]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("text", [
    "a\nb\n", "a\r\nb\r\n", "a\nb", "\ufeffa\nb\n", "\n\n\na\n\n", "x", "é\n" * 50, "a\u2028b\x85c\rd\n",
])
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_lines_are_those_of_the_whole_text(tmp_path, monkeypatch, text, chunk):
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk)
    p = tmp_path / "f.txt"
    p.write_bytes(text.encode("utf-8"))
    lines = reading.Lines(p)
    assert list(lines) == list(io.StringIO(text.removeprefix("\ufeff")))
    assert lines.sha256 == hashlib.sha256(p.read_bytes()).hexdigest() == reading.file_sha256(p)


@pytest.mark.parametrize("chunk", [1, 5, 64, 1 << 20])
def test_invalid_utf8_names_its_line_and_byte_whatever_the_chunks(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk)
    p = tmp_path / "latin.csv"
    p.write_bytes(HEADER.encode() + b"aleppo,Aleppo,,city,36.2,37.1\nhama,Ham" + b"\xe9h,,city,35.1,36.7\n")
    with pytest.raises(GazetteerError, match=r"latin\.csv line 3: invalid UTF-8 byte 0xe9; save the file as UTF-8"):
        gazetteer.load(p)


@pytest.mark.parametrize("chunk", [3, 97, 1 << 20])
def test_a_dump_read_in_chunks_is_the_dump_read_whole(tmp_path, monkeypatch, chunk):
    text = dump_text(300)
    p = tmp_path / "dump.txt"
    p.write_text(text, encoding="utf-8")
    whole = geonames.parse(p, text)
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk)
    streamed = gazetteer.load(p)
    assert repr(list(streamed.entries.items())) == repr(list(whole.entries.items()))
    assert list(streamed.index.items()) == list(whole.index.items())
    assert streamed.warnings == whole.warnings
    assert streamed.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("rows", [1, 2, 3, 300])
def test_a_dump_read_in_halves_is_the_dump_read_whole(tmp_path, monkeypatch, rows):
    """Two processes, each reading half of the lines: the entries (line numbers included),
    index order, warnings and sha256 of one reader."""
    text = dump_text(rows)
    p = tmp_path / "dump.txt"
    p.write_text(text, encoding="utf-8")
    whole = geonames.parse(p, text)
    monkeypatch.setattr(halves, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(reading, "CHUNK_BYTES", 97)
    assert halves.can_halve(p)
    split = gazetteer.load(p)
    assert repr(list(split.entries.items())) == repr(list(whole.entries.items()))
    assert list(split.index.items()) == list(whole.index.items())
    assert split.warnings == whole.warnings
    assert split.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("bad", [
    {2: "x\tbroken", 250: "y\tbroken"},                                  # a bad row in each half
    {40: ROW.format(gid=7, name="Again", alts="")},                      # a duplicate id in its own half
    {260: ROW.format(gid=7, name="Again", alts="")},                     # a duplicate id across the halves
    {1: ROW.format(gid=299, name="Early", alts=""), 3: "x\tbroken"},     # the later row across, reported by line
])
def test_problems_of_a_dump_read_in_halves_are_those_of_one_reader(tmp_path, monkeypatch, bad):
    lines = dump_text(300).splitlines()
    for n, row in bad.items():
        lines[n - 1] = row
    text = "\n".join(lines) + "\n"
    p = tmp_path / "dump.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as whole:
        geonames.parse(p, text)
    monkeypatch.setattr(halves, "PARALLEL_BYTES", 0)
    with pytest.raises(GazetteerError) as split:
        gazetteer.load(p)
    assert str(split.value) == str(whole.value)
    assert all(f"line {n}:" in str(whole.value) for n in bad if n > 1)
    assert ("line 299:" in str(whole.value)) == (1 in bad)


def test_invalid_utf8_in_the_second_half_names_its_line(tmp_path, monkeypatch):
    lines = dump_text(300).encode("utf-8").split(b"\n")
    lines[279] = lines[279].replace(b"\t36.2", b"\t3\xe96.2")
    p = tmp_path / "dump.txt"
    p.write_bytes(b"\n".join(lines))
    monkeypatch.setattr(halves, "PARALLEL_BYTES", 0)
    with pytest.raises(GazetteerError, match=r"dump\.txt line 280: invalid UTF-8 byte 0xe9"):
        gazetteer.load(p)


def _halves_allowed(conn, path) -> None:
    conn.send(halves.can_halve(path))


def test_a_daemonic_process_reads_a_big_dump_with_one_reader(tmp_path, monkeypatch):
    """A Dask worker is daemonic and may start no process: there, a big dump is read by one reader."""
    p = tmp_path / "dump.txt"
    p.write_text(dump_text(50), encoding="utf-8")
    monkeypatch.setattr(halves, "PARALLEL_BYTES", 0)
    assert halves.can_halve(p)
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_halves_allowed, args=(send, p), daemon=True)
    worker.start()
    assert receive.recv() is False
    worker.join()


def test_a_dump_whose_second_reader_dies_is_read_by_one(tmp_path, monkeypatch):
    """The child reading the second half is killed: the file is read again by one reader."""
    import os
    import signal
    text = dump_text(300)
    p = tmp_path / "dump.txt"
    p.write_text(text, encoding="utf-8")
    whole = geonames.parse(p, text)
    parent = os.getpid()
    read = geonames.Reader.read

    def dying(self, lines, first=1):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return read(self, lines, first)

    monkeypatch.setattr(halves, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(geonames.Reader, "read", dying)
    again = gazetteer.load(p)
    assert repr(list(again.entries.items())) == repr(list(whole.entries.items()))
    assert list(again.index.items()) == list(whole.index.items())


@pytest.mark.parametrize("chunk", [1, 4, 1 << 20])
def test_lines_of_a_byte_range(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk)
    p = tmp_path / "f.txt"
    p.write_bytes("\ufeffab\ncd\né\nlast".encode("utf-8"))
    start = p.read_bytes().index(b"cd")
    assert list(reading.Lines(p, 0, start)) == ["ab\n"]
    tail = reading.Lines(p, start, None, 1)
    assert list(tail) == ["cd\n", "é\n", "last"] and tail.line == 4
    assert list(reading.Lines(p, start, start + 3)) == ["cd\n"]


def test_a_csv_read_in_chunks_is_the_csv_read_whole(tmp_path, monkeypatch):
    text = (ROOT / "gazetteer.csv").read_text(encoding="utf-8-sig")
    p = tmp_path / "g.csv"
    p.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    whole = gazetteer.parse_csv(p, text.replace("\n", "\r\n"))
    monkeypatch.setattr(reading, "CHUNK_BYTES", 101)
    streamed = gazetteer.load(p)
    assert repr(list(streamed.entries.items())) == repr(list(whole.entries.items()))
    assert list(streamed.index.items()) == list(whole.index.items()) and streamed.warnings == whole.warnings


@pytest.mark.parametrize("text", ["", "\n \n\t\n", "\ufeff\n"])
def test_blank_file_is_empty(tmp_path, text):
    p = tmp_path / "g.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"empty file; expected a header line"):
        gazetteer.load(p)


def test_folder_and_missing_file_are_one_line(tmp_path):
    for cache in (None, tmp_path / "c"):
        with pytest.raises(GazetteerError, match=r": is a folder; expected a gazetteer CSV or GeoNames file"):
            gazetteer.load(tmp_path, cache=cache)
        with pytest.raises(GazetteerError, match=r"missing\.csv: cannot be read \(No such file or directory\)"):
            gazetteer.load(tmp_path / "missing.csv", cache=cache)


needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


@pytest.fixture
def many_reports(tmp_path):
    folder = tmp_path / "r"
    shutil.copytree(ROOT / "seeds", folder)
    for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt")) * 3):
        (folder / f"copy{i:02d}_{p.name}").write_bytes(p.read_bytes())
    reports, _ = read_reports(folder)
    return reports


@needs_fork
def test_forked_workers_inherit_the_engine(tmp_path, monkeypatch, many_reports):
    """With fork, the workers use the engine this process loaded: loading the gazetteer in a
    worker would fail here."""
    gaz_path = ROOT / "gazetteer.csv"
    one = par.process_all(many_reports, Engine.create(gazetteer.load(gaz_path)), gaz_path, jobs=1)
    engine = Engine.create(gazetteer.load(gaz_path, cache=tmp_path / "c"), cache=tmp_path / "c")
    engine.gazetteer.entries = gazetteer.load(gaz_path, cache=tmp_path / "c").entries   # read back: lazy

    def no_load(*args, **kwargs):
        raise AssertionError("a worker loaded the gazetteer")

    monkeypatch.setattr(par, "load", no_load)
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda *a, **k: "fork")
    assert par.process_all(many_reports, engine, gaz_path, jobs=2) == one
    assert par._ENGINE is None


def test_workers_started_otherwise_load_it_from_the_cache(tmp_path, monkeypatch, many_reports):
    gaz_path = ROOT / "gazetteer.csv"
    one = par.process_all(many_reports, Engine.create(gazetteer.load(gaz_path)), gaz_path, jobs=1)
    engine = Engine.create(gazetteer.load(gaz_path, cache=tmp_path / "c"), cache=tmp_path / "c")
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda *a, **k: "spawn")
    assert par.process_all(many_reports, engine, gaz_path, jobs=2) == one
