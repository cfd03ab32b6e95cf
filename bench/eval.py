#!/usr/bin/env python3
"""Build the development set and score it: how right the places and claims are on reports the
rules were not written against.

    .venv/bin/python bench/eval.py                        # ../shared/devset, the scorer's table
    .venv/bin/python bench/eval.py --devset DIR -v        # plus every miss and every false claim
    .venv/bin/python bench/eval.py --results bench/RESULTS.md   # also record the table there
    .venv/bin/python bench/eval.py --set bench/sets/R            # a later set, by the same scorer

The development set (reports, gold annotations and its own ``score.py``) lives outside the
repository; this script only runs the project's own ``build_map.py`` on its reports into a
temporary folder and hands that folder to the set's scorer. ``--json`` prints the figures as
JSON instead (used by tests/test_devset_floor.py).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "devset"
_ROW = re.compile(r"^(?P<name>[a-z][a-z ,]+?)\s+(?P<num>\d+)/(?P<den>\d+)")


def build_and_score(devset: Path, verbose: bool = False, gold: Path | None = None) -> tuple[str, dict[str, tuple[int, int]]]:
    """The scorer's printed table and its figures as {measure: (numerator, denominator)}; with
    ``gold``, the reports and gold of that folder (a later set), scored by ``devset``'s scorer."""
    reports = (gold or devset) / "reports"
    with tempfile.TemporaryDirectory(prefix="devset-") as tmp:
        out = Path(tmp) / "out"
        build = subprocess.run([sys.executable, str(ROOT / "build_map.py"), "--reports", str(reports),
                                "--out-dir", str(out)], cwd=ROOT, capture_output=True, text=True)
        if build.returncode not in (0, 3):
            raise SystemExit(f"build of {reports} failed: {build.stderr.strip().splitlines()[-1:]}")
        args = [sys.executable, str(devset / "score.py"), str(out)] + (["-v"] if verbose else []) + (
            ["--gold", str(gold)] if gold else [])
        table = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in table.splitlines():
        m = _ROW.match(line.strip())
        if m:
            figures[m.group("name").strip()] = (int(m.group("num")), int(m.group("den")))
    return table, figures


def record(results: Path, table: str) -> None:
    """Replace the development-set section of RESULTS.md with this run's table."""
    head = "## Development set (../shared/devset)"
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    section = (f"{head}\n\n`python bench/eval.py` on {when}: the 36 reports of the offensive, built with "
               f"this checkout and scored by the set's own `score.py`.\n\n```\n{table.strip()}\n```\n")
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    if head in text:
        # only the heading, its line and its table: what follows in the section is kept
        start = text.index(head)
        fence = text.find("```", start)
        end = text.find("```", fence + 3) + 3 if fence >= 0 else -1
        nxt = text.find("\n## ", start + len(head))
        if end < 3 or (0 <= nxt < end):
            end = nxt + 1 if nxt >= 0 else len(text)
        rest = text[end:].lstrip("\n")
        text = text[:start] + section + ("\n" + rest if rest else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="folder with reports/, gold CSVs, score.py")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false claim")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--results", type=Path, help="write the table into this RESULTS.md")
    ap.add_argument("--set", type=Path, help="score this later set instead (reports/, gold_*.csv; bench/sets/*)")
    a = ap.parse_args(argv)
    if not (a.devset / "score.py").is_file():
        print(f"{a.devset}: no development set here (expected reports/, gold_*.csv and score.py)", file=sys.stderr)
        return 2
    if a.set is not None:
        if not (a.set / "gold_claims.csv").is_file():
            print(f"{a.set}: no set here (expected reports/ and gold_*.csv)", file=sys.stderr)
            return 2
        table, figures = build_and_score(a.devset, a.verbose, a.set)
        print(json.dumps(figures, indent=1) if a.json else table, end="" if a.json is False else "\n")
        return 0
    table, figures = build_and_score(a.devset, a.verbose)
    print(json.dumps(figures, indent=1) if a.json else table, end="" if a.json is False else "\n")
    if a.results:
        record(a.results, table if not a.verbose else build_and_score(a.devset)[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
