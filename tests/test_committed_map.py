"""The map committed in maps/ is what the code builds from seeds/ and gazetteer.csv.

If this fails after an intended change, regenerate on purpose:
    REGENERATE_MAPS=1 .venv/bin/python -m pytest tests/test_committed_map.py
"""

import os
import shutil

import pytest
from helpers import ROOT

import build_map

FILES = ("situation_map.html", "places.geojson", "claims.geojson", "control.geojson", "areas.geojson", "fronts.geojson",
         "unresolved.csv", "build.json")   # every file a build writes


def test_committed_map_matches_a_fresh_build(tmp_path):
    # same layout as the repository, so the report links (../seeds/...) are the same
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "gazetteer.csv", tmp_path / "gazetteer.csv")
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(tmp_path / "seeds"), "--gazetteer", str(tmp_path / "gazetteer.csv"),
                           "--out-dir", str(out)]) == 0
    if os.environ.get("REGENERATE_MAPS") == "1":
        for name in FILES:
            shutil.copy(out / name, ROOT / "maps" / name)
        pytest.skip("maps/ regenerated on request")
    stale = [n for n in FILES if not (ROOT / "maps" / n).is_file()
             or (ROOT / "maps" / n).read_bytes() != (out / n).read_bytes()]
    assert not stale, f"maps/ is out of date: {stale}; rebuild with `make map` (or REGENERATE_MAPS=1) and commit"
