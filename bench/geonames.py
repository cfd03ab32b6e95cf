"""A big GeoNames dump as the gazetteer: first build, rebuild and ``--jobs 2`` of the sample reports.

    python bench/geonames.py [--rows 3000000] [--reports seeds] [--out DIR] [--results bench/RESULTS.md]

Writes a synthetic GeoNames dump of ``--rows`` rows (``cities15000.txt`` from geotext many times
over, new ids, every name with a made-up suffix word, as ``run.py`` makes its "GeoNames x3"),
then runs ``build_map.py`` on the reports under ``/usr/bin/time -v``, one run at a time:

1. first build into a fresh folder (the gazetteer parsed, its cache and the matcher's names kept);
2. rebuild, same dump, same reports (everything read back from the caches);
3. the reports read again with the gazetteer read back (the per-report cache deleted);
4. ``--jobs 2`` first build into another fresh folder (workers forked after the parent loaded);
5. ``--no-cache`` (the dump parsed again, nothing kept).

Each run's CPU seconds (user + system, every process), wall seconds and peak RSS (largest
process) go into the "Big GeoNames gazetteer" section of RESULTS.md, with the issue's targets.
The outputs of every run are compared byte for byte with the first build's.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402
from run import machine  # noqa: E402

HEAD = "## Big GeoNames gazetteer"
SYLLABLES = ["ka", "lo", "mi", "ra", "to", "ve", "su", "ne", "di", "ba", "po", "ze"]
OUTPUTS = ("situation_map.html", "places.geojson", "claims.geojson", "control.geojson", "areas.geojson",
           "fronts.geojson", "unresolved.csv", "build.json")
TARGETS = {"first": (150, 4.0), "rebuild": (15, None), "jobs2": (None, 5.0)}   # CPU s, peak GB


def suffix(k: int) -> str:
    """The k-th copy's suffix word: "" for the first, then " Kavar", " Lovar", ..."""
    if k == 0:
        return ""
    s, n = "", k
    while True:
        s += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
        if not n:
            return " " + s.capitalize() + "var"


def write_dump(rows: int, out: Path) -> Path:
    """``rows`` GeoNames rows from cities15000.txt, copy after copy; kept if already written."""
    if out.is_file() and sum(1 for _ in open(out, "rb")) == rows:
        return out
    src = corpus.geonames_path().read_text(encoding="utf-8").splitlines()
    written, k = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < rows:
            sfx = suffix(k)
            for line in src[:rows - written]:
                c = line.split("\t")
                c[0] = str(int(c[0]) + k * 100_000_000)
                c[1], c[2] = c[1] + sfx, c[2] + sfx
                c[3] = ",".join(a + sfx for a in c[3].split(",") if a) if c[3] else ""
                f.write("\t".join(c) + "\n")
                written += 1
            k += 1
    return out


def timed(args: list[str]) -> dict:
    """One ``build_map.py`` run under ``/usr/bin/time -v``: CPU s, wall s, peak GB (largest process)."""
    cmd = ["/usr/bin/time", "-v", sys.executable, str(ROOT / "build_map.py"), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    field = dict(line.strip().rsplit(": ", 1) for line in proc.stderr.splitlines() if ": " in line)
    wall = field["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    return {"cpu_s": float(field["User time (seconds)"]) + float(field["System time (seconds)"]),
            "wall_s": sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall))),
            "peak_gb": int(field["Maximum resident set size (kbytes)"]) / 1024 ** 2}


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / n).exists() == (b / n).exists() and (not (a / n).exists() or
               (a / n).read_bytes() == (b / n).read_bytes()) for n in OUTPUTS)


def run_all(dump: Path, reports: Path, out: Path) -> list[tuple[str, dict, bool]]:
    one, two = out / "maps", out / "maps-jobs2"
    for folder in (one, two):
        for p in (folder, folder.parent / f".{folder.name}.cache", folder.parent / f".{folder.name}.gazetteer.cache"):
            shutil.rmtree(p, ignore_errors=True)
    base = ["--reports", str(reports), "--gazetteer", str(dump), "--cdn"]
    rows = [("first", "first build (dump parsed, caches written)", timed([*base, "--out-dir", str(one), "--jobs", "1"]))]
    rows.append(("rebuild", "rebuild, same dump and reports", timed([*base, "--out-dir", str(one), "--jobs", "1"])))
    shutil.rmtree(one.parent / f".{one.name}.cache")
    rows.append(("reread", "reports read again, gazetteer from its cache",
                 timed([*base, "--out-dir", str(one), "--jobs", "1"])))
    rows.append(("jobs2", "first build with `--jobs 2`", timed([*base, "--out-dir", str(two), "--jobs", "2"])))
    reference = out / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    shutil.copytree(one, reference)
    rows.append(("nocache", "`--no-cache` (dump parsed, nothing kept)",
                 timed([*base, "--out-dir", str(one), "--jobs", "1", "--no-cache"])))
    return [(key, {**res, "label": label}, same_outputs(two if key == "jobs2" else one, reference))
            for key, label, res in rows]


def section(dump: Path, rows_n: int, results: list[tuple[str, dict, bool]], reports: Path) -> str:
    m = machine()
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    lines = [HEAD, "",
             f"`python bench/geonames.py {' '.join(sys.argv[1:])}` on {when}: a synthetic GeoNames dump of {rows_n:,} rows "
             f"({dump.stat().st_size / 1e6:,.0f} MB; cities15000.txt many times over, each copy's names with a "
             f"suffix word) as the gazetteer of the {len(list(reports.glob('*.txt')))} reports in `{reports}`. "
             f"{m['cpu']}, {m['cores']} logical cores, RAM {m['ram']}, Python {platform.python_version()}; "
             "a shared machine: CPU seconds are steadier than wall seconds. Peak = the largest process's maximum "
             "RSS (`/usr/bin/time -v`); with `--jobs 2` the forked workers share the parent's pages.", "",
             "| run | CPU s | wall s | peak GB | target | outputs as the first build |", "|---|---|---|---|---|---|"]
    for key, res, same in results:
        cpu_t, gb_t = TARGETS.get(key, (None, None))
        target = " and ".join(t for t in (
            f"< {cpu_t} s {'met' if res['cpu_s'] < cpu_t else 'MISSED'}" if cpu_t else "",
            f"< {gb_t} GB {'met' if res['peak_gb'] < gb_t else 'MISSED'}" if gb_t else "") if t) or "-"
        lines.append(f"| {res['label']} | {res['cpu_s']:.1f} | {res['wall_s']:.1f} | {res['peak_gb']:.2f} | {target} | "
                     f"{'byte-identical' if same else 'DIFFERENT'} |")
    return "\n".join(lines) + "\n"


def record(results_md: Path, text: str) -> None:
    """Replace (or add) this section of RESULTS.md; the other sections stay as they are."""
    old = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
    if HEAD in old:
        start = old.index(HEAD)
        nxt = old.find("\n## ", start + len(HEAD))
        old = old[:start] + text + (old[nxt:] if nxt >= 0 else "")
    else:
        old = old.rstrip("\n") + "\n\n" + text
    results_md.write_text(old, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=3_000_000)
    ap.add_argument("--reports", type=Path, default=ROOT / "seeds")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "geonames")
    ap.add_argument("--dump", type=Path, help="an existing dump to use instead of writing one")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    dump = a.dump or write_dump(a.rows, a.out / f"geonames-{a.rows}.txt")
    results = run_all(dump, a.reports.resolve(), a.out)
    text = section(dump, a.rows, results, a.reports)
    print(text)
    record(a.results, text)
    return 0 if all(same for _, _, same in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
