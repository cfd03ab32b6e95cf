"""The output folder changes all at once: killed, failed or concurrent builds never leave a
mix of two builds' files (geo/export.py Outputs)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

import build_map


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def seeds(tmp_path: Path, name: str, n: int) -> Path:
    d = tmp_path / name
    d.mkdir()
    files = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")[:n]
    for f in files:
        shutil.copy(f, d / f.name)
    return d


def test_a_rebuild_swaps_the_folder_and_keeps_other_files(tmp_path):
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(seeds(tmp_path, "a", 2)), "--out-dir", str(out), "--cdn"]) == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "keep").mkdir()
    (out / "keep" / "x.txt").write_text("also mine", encoding="utf-8")
    before = os.stat(out).st_ino
    assert build_map.main(["--reports", str(seeds(tmp_path, "b", 5)), "--out-dir", str(out), "--cdn"]) == 0
    if sys.platform.startswith("linux"):
        assert os.stat(out).st_ino != before        # one exchange, not files moved one by one
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "keep" / "x.txt").read_text(encoding="utf-8") == "also mine"
    assert not list(tmp_path.glob(".maps.staging-*")) and not list(out.glob(".tmp-build-*"))


def test_a_build_killed_at_any_moment_leaves_one_build_whole(tmp_path):
    out = tmp_path / "maps"
    old_reports, new_reports = seeds(tmp_path, "old", 2), seeds(tmp_path, "new", 5)
    cmd = [sys.executable, str(ROOT / "build_map.py"), "--out-dir", str(out), "--cdn", "--reports"]
    subprocess.run(cmd + [str(old_reports)], check=True, capture_output=True)
    old = snapshot(out)
    fresh = tmp_path / "fresh"
    subprocess.run(cmd[:2] + ["--out-dir", str(fresh), "--cdn", "--reports", str(new_reports)], check=True,
                   capture_output=True)
    new = snapshot(fresh)
    assert old != new
    t0 = time.monotonic()
    subprocess.run(cmd + [str(new_reports)], check=True, capture_output=True)
    full = time.monotonic() - t0
    subprocess.run(cmd + [str(old_reports)], check=True, capture_output=True)
    seen = set()
    for k in range(12):                       # kill at moments spread over a whole build
        p = subprocess.Popen(cmd + [str(new_reports)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full * (0.3 + k * 0.07))
        p.send_signal(signal.SIGKILL)
        p.wait()
        now = snapshot(out)
        assert now in (old, new), f"a mix of two builds after a kill at {0.3 + k * 0.07:.2f} of a build"
        seen.add("new" if now == new else "old")
        if now == new:                        # back to the old outputs for the next round
            subprocess.run(cmd + [str(old_reports)], check=True, capture_output=True)
    assert "old" in seen
    # the next build clears what killed builds left behind
    subprocess.run(cmd + [str(new_reports)], check=True, capture_output=True)
    assert snapshot(out) == new
    assert not list(tmp_path.glob(".maps.staging-*"))


def test_a_second_build_into_the_same_folder_is_refused_while_one_runs(tmp_path, capsys):
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "maps"
    with open(tmp_path / ".maps.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert build_map.main(["--reports", str(seeds(tmp_path, "a", 1)), "--out-dir", str(out), "--cdn"]) == 1
    err = capsys.readouterr().err
    assert "another build is writing this folder" in err.splitlines()[0]
    assert "previous map is unchanged" in err and len(err.strip().splitlines()) == 2
    assert not out.exists()


def test_a_failed_build_leaves_the_previous_outputs(tmp_path):
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(seeds(tmp_path, "a", 2)), "--out-dir", str(out), "--cdn"]) == 0
    old = snapshot(out)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,aliases,kind,lat,lon\nx,X,,town,95,10\n", encoding="utf-8")
    assert build_map.main(["--reports", str(seeds(tmp_path, "b", 5)), "--out-dir", str(out), "--cdn",
                           "--gazetteer", str(bad)]) == 1
    assert snapshot(out) == old
