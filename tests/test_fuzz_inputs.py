"""Fuzzing the inputs a user hands over: report bytes and file names, manifest rows, gazetteer
rows. Whatever they hold, a build ends with exit 0 or 1, never a traceback; every line on stderr
is one problem ("warning: " or "error: ..."); a failed build leaves the previous outputs as they
were. Bounded (derandomized, a fixed number of examples) so CI time stays fixed."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st

import build_map  # noqa: E402

HEADER = ["id", "name", "aliases", "kind", "lat", "lon", "country", "parent", "geometry", "precision_km", "source"]
GOOD_ROWS = [
    ["hama", "Hama", "Hamah", "city", "35.13179", "36.75783", "SY", "", "", "4", "manual"],
    ["saraqib", "Saraqib", "", "town", "35.8622", "36.8061", "SY", "", "", "", "manual"],
]
GOOD_REPORT = " date 2024-12-01\nRebels captured Saraqib and entered Hama, the rebels said.\n"
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

nasty_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.sampled_from([
    "{{7*7}}", "{#", "{% if %}", "</script><script>alert(1)</script>", "POLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY",
    "POLYGON M ((0 0 1, 1 0 1, 1 1 1, 0 0 1))", "1e300", "nan", "-inf", "²", "The", "said", "2024", "a\u200bb",
    "x" * 200_000, "\u2028", "line\nbreak", "2024-13-45", "../../etc/passwd", "/proc/self/status",
])
file_name = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00"),
                    min_size=1, max_size=40).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def write_gazetteer(path: Path, rows) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """A good build: its output folder is copied before each fuzzed build."""
    base = tmp_path_factory.mktemp("fuzz-base")
    reports = base / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(GOOD_REPORT, encoding="utf-8")
    gaz = base / "g.csv"
    write_gazetteer(gaz, GOOD_ROWS)
    out = base / "maps"
    assert build_map.main(["--reports", str(reports), "--gazetteer", str(gaz), "--out-dir", str(out), "--cdn"]) == 0
    return base, gaz, out


def run_fuzzed(tmp: Path, baseline, reports: Path, gaz: Path, capsys) -> None:
    _, _, good_out = baseline
    out = tmp / "maps"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(good_out, out)
    before = snapshot(out)
    capsys.readouterr()
    rc = build_map.main(["--reports", str(reports), "--gazetteer", str(gaz), "--out-dir", str(out), "--cdn"])
    captured = capsys.readouterr()
    assert rc in (0, 1), rc
    for line in captured.err.splitlines():
        assert line.startswith(("warning: ", "error: ")), line
    assert "Traceback" not in captured.err
    if rc == 1:
        assert snapshot(out) == before


@SETTINGS
@given(names=st.lists(file_name, min_size=1, max_size=3, unique=True),
       bodies=st.lists(st.binary(max_size=600) | nasty_text.map(lambda s: s.encode("utf-8")), min_size=1, max_size=3))
def test_report_bytes_and_file_names(tmp_path_factory, baseline, capsys, names, bodies):
    tmp = tmp_path_factory.mktemp("fuzz-r")
    reports = tmp / "r"
    reports.mkdir()
    for name, body in zip(names, bodies):
        try:
            (reports / f"{name}.txt").write_bytes(body)
        except OSError:
            continue
    run_fuzzed(tmp, baseline, reports, baseline[1], capsys)


def one_good_report(factory, prefix: str):
    """A fresh folder and its reports folder holding one ordinary report."""
    tmp = factory.mktemp(prefix)
    reports = tmp / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(GOOD_REPORT, encoding="utf-8")
    return tmp, reports


@SETTINGS
@given(rows=st.lists(st.lists(nasty_text, min_size=11, max_size=11), min_size=1, max_size=3))
def test_gazetteer_rows(tmp_path_factory, baseline, capsys, rows):
    tmp, reports = one_good_report(tmp_path_factory, "fuzz-g")
    gaz = tmp / "g.csv"
    write_gazetteer(gaz, GOOD_ROWS + rows)
    run_fuzzed(tmp, baseline, reports, gaz, capsys)


@SETTINGS
@given(rows=st.lists(st.lists(nasty_text, min_size=5, max_size=5), min_size=1, max_size=3))
def test_manifest_rows(tmp_path_factory, baseline, capsys, rows):
    tmp, reports = one_good_report(tmp_path_factory, "fuzz-m")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "outlet", "date", "url", "outlet_basis"])
    w.writerows([["a.txt", *rows[0][1:]]] + rows[1:])
    (reports / "sources.csv").write_text(buf.getvalue(), encoding="utf-8")
    run_fuzzed(tmp, baseline, reports, baseline[1], capsys)
