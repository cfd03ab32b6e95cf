"""A guard, not the target: the development set of 36 reports (outside the repository, in
../shared/devset or $DEVSET) must not fall below these figures. They sit a little under what the
rules reach today (bench/RESULTS.md); a change that loses claims or places on unseen reports
fails here. Skipped where the set is not present."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

DEVSET = Path(os.environ.get("DEVSET", ROOT.parent / "shared" / "devset"))

# measure -> lowest acceptable share (higher is better) or highest (lower is better)
FLOORS = {
    "claims recall": 0.80,            # 82.0% on 2026-12-01 (afternoon)
    "claims precision": 0.91,         # 92.8% on 2026-12-02 (92.1% on 2026-12-01); 7 of its 22 false claims are true
                                      # statements the gold leaves out (205: "waging their offensive
                                      # on the countryside of Aleppo, Idlib and Hama"; 208: the
                                      # authorities "setting up checkpoints in Damascus and in Deir
                                      # al-Zour"; 206, 207: "broke through regime defences in the
                                      # (northern/western) Hama countryside")
    "claimant side correct": 0.87,    # 88.8%
    "admission flag correct": 0.95,   # 97.0%
    "event places drawn": 0.93,       # 95.4%
    "missing, in unresolved": 0.95,   # 100%
}
CEILINGS = {
    "datelines drawn as places": 0.0,  # 0 of 24
    "metonyms drawn as places": 0.05,  # 0 of 82
}


@pytest.fixture(scope="module")
def figures():
    if not (DEVSET / "score.py").is_file():
        pytest.skip(f"no development set at {DEVSET}")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval.py"), "--devset", str(DEVSET), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return {k: v[0] / v[1] if v[1] else 0.0 for k, v in json.loads(out).items()}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_at_least(figures, measure):
    assert figures[measure] >= FLOORS[measure], f"{measure}: {figures[measure]:.1%} < {FLOORS[measure]:.0%}"


@pytest.mark.parametrize("measure", sorted(CEILINGS))
def test_at_most(figures, measure):
    assert figures[measure] <= CEILINGS[measure], f"{measure}: {figures[measure]:.1%} > {CEILINGS[measure]:.0%}"


# The later sets kept in bench/sets (in-sample now: rules were written from their misses), scored
# by the development set's scorer; a guard against losing what they gained, a little under today:
# (claims recall, claims precision, most metonyms drawn as places).
SET_FLOORS = {
    "R": (0.75, 0.85, 5),   # 78.8% / 87.9% on 2026-12-03, eleventh session (first build 58.1% / 77.7%)
    "S": (0.75, 0.84, 4),   # 79.0% / 86.1% (first build 56.9% / 76.9%)
    "T": (0.75, 0.88, 8),   # 78.0% / 90.8% (first build 60.8% / 79.5%)
    "U": (0.77, 0.88, 4),   # 79.8% / 91.1% (first build 53.1% / 85.7%)
    "V": (0.76, 0.83, 4),   # 78.6% / 85.3% (first build 63.1% / 79.5%)
    "W": (0.64, 0.81, 7),   # 67.3% / 83.4% (first build 54.7% / 79.5%)
    "X": (0.73, 0.89, 6),   # 75.6% / 91.3% (first build 59.4% / 90.1%)
    "Y": (0.69, 0.89, 6),   # 72.3% / 91.4% (first build 59.7% / 90.6%)
    "Z": (0.64, 0.88, 8),   # 67.8% / 90.5% (first build 51.9% / 83.3%)
    "ZA": (0.75, 0.90, 9),  # 78.7% / 93.1% (first build 58.9% / 85.2%)
    "ZB": (0.50, 0.85, 10), # 53.5% / 87.6% (first build 35.1% / 71.6% at da19dfa)
    "ZC": (0.61, 0.90, 5),  # 64.1% / 93.0% (first build 47.7% / 86.1% at 83aa188)
    "ZD": (0.58, 0.84, 2),  # 61.3% / 86.3% (first build 53.9% / 86.8% at 83aa188; 55.4% / 87.8% at 07943cc)
    "ZE": (0.64, 0.86, 2),  # 68.2% / 88.7% (first build 55.4% / 81.4% at 7d3a25c)
    "ZF": (0.73, 0.91, 5),  # 76.6% / 93.7% (first build 69.8% / 93.0% at 7d3a25c; 70.3% / 92.4% at 52bbe22)
    "ZG": (0.77, 0.90, 6),  # 80.5% / 93.2% (first build 77.1% / 94.0% at bb6594c; blind: no rule written from it)
    "ZH": (0.74, 0.86, 6),  # 77.0% / 89.4% (first build 71.7% / 89.7% at bb6594c; blind: no rule written from it)
    "ZI": (0.75, 0.82, 11), # 79.5% / 85.7% (first build 76.8% / 86.2% at 364747e; blind: no rule written from it)
    "ZJ": (0.66, 0.84, 13), # 70.0% / 88.5% (first build 56.0% / 79.5% at 364747e, 56.8% / 79.7% at c24469d; then seen)
    "ZK": (0.67, 0.86, 6),  # 70.5% / 89.5% (first build 66.3% / 86.2% at eb3cc64, blind; then seen)
    "ZL": (0.70, 0.88, 7),  # 73.3% / 90.7% (first build 72.4% / 90.6% at eb3cc64; blind: no rule written from it)
    "ZM": (0.82, 0.90, 8),  # 86.3% / 94.3% (first build 81.3% / 92.3% at 7693812, blind; then seen)
    "ZN": (0.77, 0.88, 8),  # 81.9% / 91.6% (first build 79.4% / 89.5% at 7693812; blind: no rule written from it)
    "ZO": (0.68, 0.78, 6),  # 71.6% / 81.6% (first build 68.0% / 78.4% at 8a8dab3, blind; then seen)
}


@pytest.mark.parametrize("name", sorted(SET_FLOORS))
def test_later_sets_keep_their_floor(name):
    if not (DEVSET / "score.py").is_file():
        pytest.skip(f"no development set at {DEVSET} (its scorer scores the later sets)")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval.py"), "--devset", str(DEVSET), "--json",
                          "--set", str(ROOT / "bench" / "sets" / name)], capture_output=True, text=True, check=True).stdout
    got = {k: v[0] / v[1] if v[1] else 0.0 for k, v in json.loads(out).items()}
    recall, precision, metonyms = SET_FLOORS[name]
    assert got["claims recall"] >= recall and got["claims precision"] >= precision, (name, got)
    assert json.loads(out)["metonyms drawn as places"][0] <= metonyms, (name, got)


def test_recording_the_table_keeps_the_rest_of_its_section(tmp_path):
    """bench/eval.py --results replaces the development set's heading, line and table only: the
    later sets' table under it stays."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_eval", ROOT / "bench" / "eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = tmp_path / "RESULTS.md"
    results.write_text("# R\n\n## Development set (../shared/devset)\n\nold line\n\n```\nold table\n```\n\n"
                       "Later sets:\n\n| set |\n\n## Next\n\nmore\n", encoding="utf-8")
    module.record(results, "new table")
    text = results.read_text(encoding="utf-8")
    assert "new table" in text and "old table" not in text
    assert "Later sets:\n\n| set |" in text and text.endswith("## Next\n\nmore\n")
