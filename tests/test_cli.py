"""The command end to end: outputs, summary, exit codes, atomicity, reproducibility, escaping."""

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import HEADER, ROOT

import build_map


def run(*args):
    return build_map.main([*map(str, args)])


@pytest.fixture
def built(tmp_path):
    out = tmp_path / "maps"
    assert run("--out-dir", out) == 0
    return out


def test_default_build_writes_map_and_exports(capsys, built):
    assert {p.name for p in built.iterdir()} >= {"situation_map.html", "places.geojson", "claims.geojson"}
    places = json.loads((built / "places.geojson").read_text(encoding="utf-8"))
    ids = {f["properties"]["id"] for f in places["features"]}
    assert {"aleppo", "idlib", "hama", "abu_al_duhur_airbase", "hmeimim_airbase", "damascus",
            "aleppo_citadel", "aleppo_airport"} <= ids
    assert ids & {"tartus", "tartus_naval_base"}
    assert not ids & {"moscow", "kremlin"}
    aleppo = next(f for f in places["features"] if f["properties"]["id"] == "aleppo")
    assert aleppo["properties"]["articles"] == [
        "000_47b67cdd8376785a", "001_43686b2d192f5961", "002_51cd8b3fb137eace",
        "003_d8acdea6ba6ec6bd", "004_8f07b3f52cefeb36"]
    m = aleppo["properties"]["mentions"][0]
    assert set(m) >= {"article", "outlet", "date", "surface", "sentence", "start", "end", "role"}
    lon, lat = aleppo["geometry"]["coordinates"]
    assert abs(lat - 36.2) < 0.05 and abs(lon - 37.15) < 0.05
    claims = json.loads((built / "claims.geojson").read_text(encoding="utf-8"))
    assert len(claims["features"]) >= 20
    assert {"place_id", "actor", "status", "claimant", "claimant_side", "admission", "quote",
            "outlet", "date", "article"} <= set(claims["features"][0]["properties"])
    html = (built / "situation_map.html").read_text(encoding="utf-8")
    assert "<script src=\"http" not in html and "Control claims" in html
    printed = capsys.readouterr().out
    assert "5 report(s) read" in printed and "contested: Aleppo" in printed
    assert "Moscow (3)" in printed


def test_metonyms_listed_not_drawn(built):
    places = json.loads((built / "places.geojson").read_text(encoding="utf-8"))
    damascus = next(f for f in places["features"] if f["properties"]["id"] == "damascus")
    assert all(m["role"] == "place" for m in damascus["properties"]["mentions"])
    assert [m["article"][:3] for m in damascus["properties"]["mentions"]] == ["001"]


def test_failed_build_leaves_previous_map(built, tmp_path, capsys):
    before = {p.name: p.read_bytes() for p in built.iterdir()}
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "x,X,,city,91.2,37,SY,,,,manual\n", encoding="utf-8")
    assert run("--out-dir", built, "--gazetteer", bad) == 1
    err = capsys.readouterr().err
    assert "bad.csv line 2: lat '91.2' is outside -90..90" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in built.iterdir()} == before


def test_bad_report_is_skipped_with_one_line(tmp_path, capsys):
    reports = tmp_path / "r"
    shutil.copytree(ROOT / "seeds", reports)
    (reports / "bad.txt").write_bytes(b"\xff\xfe broken")
    assert run("--reports", reports, "--out-dir", tmp_path / "o") == 0
    err = capsys.readouterr().err
    assert "bad.txt: not UTF-8" in err and "Traceback" not in err


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as e:
        build_map.main(["--no-such-flag"])
    assert e.value.code == 2


def digest(folder: Path) -> dict:
    return {n: hashlib.sha256((folder / n).read_bytes()).hexdigest()
            for n in ("situation_map.html", "places.geojson", "claims.geojson")}


def test_byte_identical_across_file_order_and_hash_seed(tmp_path):
    """Two builds in separate processes, files copied in different orders, different hash seeds."""
    outs = []
    for seed, order in (("1", 1), ("987", -1)):
        reports = tmp_path / seed / "reports"
        reports.mkdir(parents=True)
        files = sorted((ROOT / "seeds").iterdir())[::order]
        random.Random(seed).shuffle(files)
        for f in files:
            shutil.copy(f, reports / f.name)
        out = tmp_path / seed / "maps"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(ROOT / "build_map.py"), "--reports", str(reports),
                        "--out-dir", str(out)], check=True, env=env, capture_output=True, cwd=tmp_path)
        outs.append(out)
    a, b = (digest(o) for o in outs)
    assert a == b


def test_report_text_cannot_reach_templates_or_scripts(tmp_path):
    """Braces, backticks and tags in a report stay text: folium's Jinja never evaluates them."""
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "evil.txt").write_text(
        "Rebels entered Hama {{7*7}} {% if 1 %}X{% endif %} `${alert(1)}` <script>alert(2)</script> "
        "{{ cycler.__init__.__globals__.os.getpid() }}.\n", encoding="utf-8")
    (reports / "sources.csv").write_text(
        'file,outlet,date,url,outlet_basis\nevil.txt,"<img src=x onerror=alert(3)>",2024-12-01,javascript:alert(4),x\n',
        encoding="utf-8")
    out = tmp_path / "o"
    assert run("--reports", reports, "--out-dir", out, "--cdn") == 0
    html = (out / "situation_map.html").read_text(encoding="utf-8")
    # popup HTML travels as JSON, where "&" is written \u0026
    assert "{{7*7}}" not in html and "&#123;&#123;7*7&#125;&#125;" in html.replace("\\u0026", "&")
    assert "<script>alert(2)" not in html and "onerror=alert(3)>" not in html
    assert "javascript:alert(4)" not in html
    assert str(os.getpid()) not in html.split("Rebels entered Hama", 1)[-1][:400]


# A template expression that, evaluated as Jinja on the building machine, creates a folder.
MKDIR_PAYLOAD = "{{7*7}} {{ cycler.__init__.__globals__.os.mkdir(dict(PWNEDDIR=1)|first) }}"


def _assert_inert(tmp_path, out, payloads):
    html = (out / "situation_map.html").read_text(encoding="utf-8")
    assert not (tmp_path / "PWNEDDIR").exists() and not Path("PWNEDDIR").exists()
    assert "49 None" not in html and "Qux 49" not in html
    from geo.safe import esc

    for p in payloads:   # shown literally: escaped text in the page's data
        assert esc(p) in html, p


def test_gazetteer_text_is_never_a_template(tmp_path, monkeypatch):
    """Names and kinds from a hostile gazetteer reach the page as data: nothing in them runs
    as a template at build time (a '{#' does not even break the build)."""
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text("Fighting in Quxville, Badtown and Shapeland on Monday.\n", encoding="utf-8")
    qux, bad = f"Qux {MKDIR_PAYLOAD}", "Bad {# unclosed comment {% if %}"
    gaz = tmp_path / "g.csv"
    gaz.write_text(HEADER
                   + f'qux,"{qux}",Quxville,town,35.5,38.5,SY,,,3,manual\n'
                   + f'bad,"{bad}",Badtown,town,35.6,38.6,SY,,,3,manual\n'
                   + f'shape,Shapeland,Shapeland,"{MKDIR_PAYLOAD}",35.2,39.0,SY,,'
                     '"POLYGON ((38.8 35.0, 39.2 35.0, 39.2 35.4, 38.8 35.4, 38.8 35.0))",20,manual\n',
                   encoding="utf-8")
    out = tmp_path / "o"
    assert run("--reports", reports, "--gazetteer", gaz, "--out-dir", out, "--cdn") == 0
    _assert_inert(tmp_path, out, [qux, bad, MKDIR_PAYLOAD])


def test_geonames_names_are_never_templates(tmp_path, monkeypatch):
    from tests.test_geonames import dump, row

    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text("Rebels entered Quxville on Monday.\n", encoding="utf-8")
    name = f"Qux {MKDIR_PAYLOAD}"
    gaz = dump(tmp_path, row(101, name, "Quxville", lat="35.5", lon="38.5"))
    out = tmp_path / "o"
    assert run("--reports", reports, "--gazetteer", gaz, "--out-dir", out, "--cdn") == 0
    _assert_inert(tmp_path, out, [name])


STEP_LINES = ("loaded the gazetteer", "read ", "built the matcher", "recognised ", "placed ", "derived the states",
              "estimated ", "drew the map", "wrote ")


def _command(cwd: Path, *args) -> subprocess.CompletedProcess:
    cwd.mkdir()
    return subprocess.run([sys.executable, str(ROOT / "build_map.py"), "--out-dir", "maps", "--cdn", *args],
                          cwd=cwd, capture_output=True, text=True, check=True)


def test_verbose_logs_one_line_per_step_and_quiet_output_is_unchanged(tmp_path):
    """-v logs each step (what it made, how long it took) on stderr; without it nothing is logged,
    and the files and stdout are the same either way."""
    quiet, verbose = _command(tmp_path / "quiet"), _command(tmp_path / "verbose", "-v")
    assert quiet.stderr == ""
    assert verbose.stdout == quiet.stdout
    logged = verbose.stderr.splitlines()
    assert all(re.fullmatch(r"INFO .+ \(\d+\.\d\d s, peak \d+ MB\)", line) for line in logged), logged
    steps = [next(i for i, line in enumerate(logged) if line[len("INFO "):].startswith(s)) for s in STEP_LINES]
    assert steps == sorted(steps), logged
    assert "INFO read 5 reports, 0 skipped (" in verbose.stderr
    assert digest(tmp_path / "quiet" / "maps") == digest(tmp_path / "verbose" / "maps")


def _help_options() -> list[tuple[str, ...]]:
    """Each option of ``build_map.py --help`` as its spellings (``("-v", "--verbose")``); argparse's
    own ``-h/--help`` left out."""
    return [tuple(a.option_strings) for a in build_map.make_parser()._actions
            if a.option_strings and "--help" not in a.option_strings]


def _readme_flags() -> set[str]:
    """The ``--flags`` README.md names, outside lines about other commands (bench, pip, npm, make)."""
    import re

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return {f for line in lines if not re.search(r"bench/|\bpip |\bnpm |\bmake ", line)
            for f in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", line)}


def test_readme_and_help_name_the_same_flags():
    """Every option of --help is in README.md (by one of its spellings), and every --flag the
    README names exists in --help."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = [opts for opts in _help_options()
                    if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", readme) for o in opts)]
    known = {o for opts in _help_options() for o in opts}
    assert undocumented == [] and sorted(_readme_flags() - known) == []
