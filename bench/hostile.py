#!/usr/bin/env python3
"""One huge or odd report, built end to end: how wall time and peak memory grow with its size.

    .venv/bin/python bench/hostile.py 4 --kind nopunct            # 4 MB with no sentence end
    .venv/bin/python bench/hostile.py 40 --kind prose --out /tmp/prose40
    .venv/bin/python bench/hostile.py 2 --kind names --profile     # plus the top of a cProfile run

Kinds of report (deterministic for a size and ``--seed``):

- ``prose``: ordinary news: the reports of the newsroom benchmark (bench/corpus.py) one after
  another, as in a digest;
- ``nopunct``: the same prose with every mark and line break taken out: one line with no full
  stop, no comma, no quote (a page with no sentence end);
- ``noise``: one line of random words with no mark: filler words, many control verbs, gazetteer
  names ("Aleppo", "Hama", "Idlib", ...) and capitalised names the gazetteer lacks ("Qomhana",
  "Tal Bijou"): far more claims and names per megabyte than any news;
- ``names``: a list with no end: gazetteer and unknown names joined by ", " and " and " (one
  coordinated run as long as the report).

It writes the report into ``OUT/reports``, runs ``build_map.py --reports OUT/reports --out-dir
OUT/maps --cdn`` under ``/usr/bin/time -v`` (resource.getrusage otherwise), and prints wall
seconds, peak RSS and the size of places.geojson. A measurement, not a test: run it on an idle
machine, and read the figures as that machine's. ``--limit-gb`` caps the build's address space
(default 12 GB) so that a runaway build fails instead of taking the machine down; ``--timeout``
stops it (default 900 s).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

MB = 1024 * 1024
FILLER_WORDS = ("the of and in to a on was were said that by with from for as near after before "
                "fighters rebels troops forces government army residents shelling clashes town village "
                "city road highway countryside north south east west outskirts heavy overnight reported "
                "captured seized entered withdrew advanced control took held opposition regime").split()
UNKNOWN_NAMES = ["Qomhana", "Tal Bijou", "Maardis", "Khanaser", "Qalaat al-Madiq", "Deir Jamal",
                 "Kafr Nabuda", "Tal Sukkar", "Jabal Zawiya", "Umm Jurn"]


def gazetteer_names(path: Path = ROOT / "gazetteer.csv") -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    names = [r["name"] for r in rows] + [a for r in rows for a in (r.get("aliases") or "").split("|") if a]
    # no sentence-ending or list marks inside a name ("Washington, D.C."): the kinds control those
    return sorted({n for n in names if not re.search(r"[.!?,;:\n]", n)})


def _words(rng: random.Random, names: list[str], size: int, sep) -> str:
    out, n = [], 0
    while n < size:
        r = rng.random()
        w = (rng.choice(names) if r < 0.12 else rng.choice(UNKNOWN_NAMES) if r < 0.16
             else rng.choice(FILLER_WORDS))
        out.append(w)
        out.append(sep(rng))
        n += len(w.encode("utf-8")) + 1
    return "".join(out)


def noise(rng: random.Random, size: int) -> str:
    return _words(rng, gazetteer_names(), size, lambda rng: " ")


_PUNCTUATION = re.compile(r"(?:[^\w\s'’-]|\s)+")


def nopunct(rng: random.Random, size: int) -> str:
    """Prose with every mark and line break taken out: one "sentence" as long as the report."""
    return _PUNCTUATION.sub(" ", prose(rng, size + size // 10))[:size].strip() + "\n"


def names(rng: random.Random, size: int) -> str:
    pool = gazetteer_names() + UNKNOWN_NAMES
    out, n = [], 0
    while n < size:
        w = rng.choice(pool)
        sep = ", " if rng.random() < 0.6 else " and "
        out.append(w + sep)
        n += len(w.encode("utf-8")) + len(sep)
    return "".join(out)


def prose(rng: random.Random, size: int) -> str:
    """News reports of the newsroom benchmark (bench/corpus.py: datelines, attribution, control
    phrases, metonyms, filler; places from gazetteer.csv and GeoNames) one after another."""
    import corpus

    gaz = corpus._gazetteer_places()
    try:
        region, world = corpus._geonames_places()
    except ImportError:                  # geotext (benchmark only) not installed: gazetteer places
        region = world = [ns for _, ns in gaz]
    parts, n = [], 0
    while n < size:
        text, _ = corpus._report(rng, gaz, region, world, rng.choice(corpus.OUTLETS))
        parts.append(text)
        n += len(text.encode("utf-8")) + 1
    return "\n".join(parts)


KINDS = {"nopunct": nopunct, "prose": prose, "names": names, "noise": noise}


def write_report(folder: Path, size_mb: float, kind: str, seed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    text = KINDS[kind](random.Random(seed), int(size_mb * MB))
    path = folder / f"hostile_{kind}.txt"
    path.write_text(" date 2024-12-01\n" + text, encoding="utf-8")
    return path


_TIME_FIELDS = {"Elapsed (wall clock) time (h:mm:ss or m:ss)": "wall",
                "Maximum resident set size (kbytes)": "rss_kb"}


def _clock(s: str) -> float:
    secs = 0.0
    for part in s.split(":"):
        secs = secs * 60 + float(part)
    return secs


def run_build(reports: Path, out: Path, limit_gb: float, timeout: float, profile: Path | None) -> dict:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += [str(ROOT / "build_map.py"), "--reports", str(reports), "--out-dir", str(out), "--cdn", "--no-cache"]
    timed = Path("/usr/bin/time").exists()
    if timed:
        cmd = ["/usr/bin/time", "-v"] + cmd

    def limit():
        if limit_gb > 0:
            n = int(limit_gb * 1024 ** 3)
            resource.setrlimit(resource.RLIMIT_AS, (n, n))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, preexec_fn=limit)
        code, err = p.returncode, p.stderr
    except subprocess.TimeoutExpired as e:
        code, err = "timeout", (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = {"code": code, "wall": wall, "rss_kb": after.ru_maxrss if after.ru_maxrss > before.ru_maxrss else None,
           "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)}
    if timed:
        for line in err.splitlines():
            key, _, value = line.strip().partition(": ")
            if key in _TIME_FIELDS:
                res[_TIME_FIELDS[key]] = _clock(value) if _TIME_FIELDS[key] == "wall" else int(value)
        err = "\n".join(line for line in err.splitlines() if not line.startswith("\t"))
    res["stderr"] = err.strip()
    places = out / "places.geojson"
    res["places_bytes"] = places.stat().st_size if places.exists() else None
    return res


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("size", type=float, help="report size in MB (2**20 bytes)")
    p.add_argument("--kind", choices=sorted(KINDS), default="nopunct")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "hostile",
                   help="folder for the report (OUT/reports) and the build (OUT/maps); default bench/out/hostile "
                        "(git-ignored)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--limit-gb", type=float, default=12.0, help="address-space cap of the build (0: none)")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds before the build is stopped")
    p.add_argument("--profile", action="store_true", help="build once more under cProfile and print the top")
    args = p.parse_args(argv)

    path = write_report(args.out / "reports", args.size, args.kind, args.seed)
    print(f"report: {path} ({path.stat().st_size / MB:.1f} MB, {args.kind}); machine: {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    res = run_build(args.out / "reports", args.out / "maps", args.limit_gb, args.timeout, None)
    rss = f"{res['rss_kb'] / 1024:.0f} MB" if res["rss_kb"] else "?"
    places = f"{res['places_bytes'] / MB:.1f} MB" if res["places_bytes"] is not None else "-"
    print(f"{args.size:g} MB {args.kind}: exit {res['code']}, {res['wall']:.1f} s wall, {res['cpu']:.1f} s cpu, "
          f"peak RSS {rss}, places.geojson {places}")
    if res["code"] not in (0, 3):
        print("stderr: " + "\n".join(res["stderr"].splitlines()[-5:]))
    if args.profile:
        import pstats

        prof = args.out / "build.prof"
        run_build(args.out / "reports", args.out / "maps", args.limit_gb, args.timeout, prof)
        pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(30)
        pstats.Stats(str(prof)).sort_stats("tottime").print_stats(20)
    return 0 if res["code"] in (0, 3) else 1


if __name__ == "__main__":
    sys.exit(main())
