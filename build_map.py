#!/usr/bin/env python3
"""Build the situation map from a folder of reports and the pinned gazetteer.

    python build_map.py                      # seeds/ + gazetteer.csv -> maps/
    python build_map.py --reports DIR --gazetteer FILE --out-dir DIR

Exit status: 0 built, 1 bad input (nothing written; the previous map is left as it was),
2 usage error, 3 unresolved names with --strict.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import unicodedata
from pathlib import Path

from geo.errors import GeoError
from geo.pipeline import Config, build

_UNSAFE = re.compile(r"[^\x20-\x7e]")          # candidates; printable non-ASCII letters stay as they are
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}   # controls, format (bidi), surrogates, line breaks
PROGRESS_FROM = 200        # reports from which a build shows a progress bar (on a terminal)
SUMMARY_UNRESOLVED = 10    # unresolved names the summary line names; unresolved.csv has them all


def _escape(m: re.Match) -> str:
    ch = m[0]
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:                     # a byte of an undecodable (surrogateescape) file name
        return f"\\x{o - 0xDC00:02x}"
    if unicodedata.category(ch) not in _HIDDEN:
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"


def one_line(text) -> str:
    """``text`` as one safe line: line breaks, tabs, control and format characters (``\\x1b``,
    U+2028, bidi overrides) and the bytes of an undecodable file name are written as escapes
    (``\\n``, ``\\t``, ``\\x1b``, ``\\u2028``, ``\\xe9``), so text from a file name or an input
    can neither split a message into two lines nor start a line of its own (a forged ``error:``)."""
    return _UNSAFE.sub(_escape, str(text))


def say(prefix: str, text, file=None) -> None:
    """Print ``prefix`` + ``text`` as exactly one line (``one_line``) on ``file`` (default stderr);
    characters the stream cannot encode are written as escapes rather than raising."""
    file = file if file is not None else sys.stderr
    line = one_line(f"{prefix}{text}")
    enc = getattr(file, "encoding", None) or "utf-8"
    try:
        line = line.encode(enc, "backslashreplace").decode(enc)
    except LookupError:
        line = line.encode("ascii", "backslashreplace").decode("ascii")
    print(line, file=file)


def problems(e: BaseException) -> list[str]:
    """One line per problem of an error: its ``problems`` when it has them, else its message
    (made one line by ``say``, never split: a file name's newline must not make a second line)."""
    return [str(p) for p in getattr(e, "problems", None) or [e]]


def make_parser() -> argparse.ArgumentParser:
    """The command's options (README.md's table lists each of them)."""
    d = Config()
    p = argparse.ArgumentParser(
        prog="build_map.py",
        description="Turn a folder of news reports into a situation map (HTML + GeoJSON).",
    )
    p.add_argument("--reports", type=Path, default=d.reports, metavar="DIR",
                   help="folder of report .txt files, with an optional sources.csv (default: seeds/)")
    p.add_argument("--gazetteer", type=Path, default=d.gazetteer, metavar="FILE",
                   help="gazetteer CSV or GeoNames dump (default: gazetteer.csv)")
    p.add_argument("--out-dir", type=Path, default=d.out_dir, metavar="DIR",
                   help="where the map and exports are written (default: maps/)")
    p.add_argument("--vocab", type=Path, default=None, metavar="DIR",
                   help="folder with your own vocabulary files (organisations.txt, metonymy.toml, "
                        "context.toml, ...); files not found there come from geo/data")
    p.add_argument("--cdn", action="store_true",
                   help="link scripts and styles from CDNs instead of inlining them (a small file "
                        "that needs a network connection to display)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 3 when reports name places the gazetteer lacks "
                        "(listed in unresolved.csv); the map is still written")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="process reports in N processes (same output as 1); default 0: one per core "
                        "when there are at least 200 reports, else 1")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run the per-report step on a Dask cluster: a scheduler address (tcp://host:8786) "
                        "or 'local' for a LocalCluster of one worker per core; the same outputs. Needs "
                        "the optional packages dask[bag] and distributed")
    p.add_argument("--no-cache", action="store_true",
                   help="read every report again instead of reusing the results an earlier build kept for "
                        "unchanged reports (in .DIR.cache beside the output folder)")
    p.add_argument("--fill-gazetteer", metavar="SERVICE",
                   help="look the unresolved names up with a geopy geocoder (e.g. nominatim), rate-limited "
                        "and cached, and append them to the gazetteer as kind 'unreviewed' for you to "
                        "review; the only use of the network. Needs --user-agent")
    p.add_argument("--user-agent", metavar="NAME", help="user agent for --fill-gazetteer (required by Nominatim)")
    p.add_argument("--fill-cache", type=Path, metavar="FILE",
                   help="cache of online lookups (default: .geocode-cache.json beside the gazetteer)")
    p.add_argument("--title", default=d.title, metavar="TEXT", help="title shown on the map")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="log each step's progress on stderr (what it made, how long it took); show tracebacks on errors")
    return p


def parse_args(argv):
    return make_parser().parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(message)s", stream=sys.stderr)
    cfg = Config(reports=args.reports, gazetteer=args.gazetteer, out_dir=args.out_dir,
                 vocab=args.vocab, title=args.title,
                 self_contained=not args.cdn, jobs=max(0, args.jobs), progress=progress_bar,
                 dask=args.dask, cache=not args.no_cache)
    if args.fill_gazetteer:
        return fill_gazetteer(args, cfg)
    try:
        result = build(cfg)
    except (GeoError, OSError) as e:
        if args.verbose:
            raise
        for line in getattr(e, "skipped", ()):
            say("warning: skipped ", line)
        if isinstance(e, GeoError):
            for line in problems(e):
                say("error: ", line)
        else:                                       # a path the system refuses (too long, no permission)
            say("error: ", (f"{_path(e.filename)}: " if e.filename else "") + str(e.strerror or e))
        say("error: ", "nothing was written; the previous map is unchanged")
        return 1
    for line in result.skipped:
        say("warning: skipped ", line)
    for line in result.warnings:
        say("warning: ", line)
    for path in result.written:
        say("wrote ", path, sys.stdout)
    say("", summary(result), sys.stdout)
    if args.strict and result.unresolved:
        say("error: ", f"{len(result.unresolved)} unresolved name(s) (--strict); add them to the gazetteer")
        return 3
    return 0


def fill_gazetteer(args, cfg, geocoder=None) -> int:
    """--fill-gazetteer: look up unresolved names online and append them for review."""
    import datetime

    from geopy.exc import GeopyError
    from geopy.geocoders import get_geocoder_for_service

    from geo.fill import append_rows, fill
    from geo.pipeline import unresolved_names

    if not args.user_agent and geocoder is None:
        say("error: ", "--fill-gazetteer needs --user-agent NAME (geocoding services require one)")
        return 2
    from geo.fill import check_writable

    try:
        check_writable(cfg.gazetteer)    # a GeoNames dump is refused before any work
        gaz, names = unresolved_names(cfg)
        if geocoder is None:
            geocoder = get_geocoder_for_service(args.fill_gazetteer)(user_agent=args.user_agent, timeout=10)
        cache = args.fill_cache or Path(cfg.gazetteer).with_name(".geocode-cache.json")
        rows = fill(names, gaz, geocoder, args.fill_gazetteer, cache, datetime.date.today().isoformat())
    except GeoError as e:
        for line in getattr(e, "skipped", ()):
            say("warning: skipped ", line)
        for line in problems(e):
            say("error: ", line)
        return 1
    except GeopyError as e:
        say("error: ", f"{args.fill_gazetteer}: {e}")
        return 1
    if rows:
        try:
            append_rows(cfg.gazetteer, rows)
        except (GeoError, OSError) as e:
            say("error: ", f"{_path(cfg.gazetteer)}: cannot append ({getattr(e, 'strerror', None) or e})")
            return 1
    for r in rows:
        say("", f"appended {r.id}: {r.name} -> {r.lat}, {r.lon} ({r.address}) [{r.source}]", sys.stdout)
    say("", f"{len(rows)} of {len(names)} unresolved name(s) appended to {cfg.gazetteer} as kind 'unreviewed'; "
        "check each row, set its kind, then rebuild.", sys.stdout)
    return 0


def _path(name) -> str:
    """A path for a message, its middle cut when it is very long (ENAMETOOLONG)."""
    s = str(name)
    return s if len(s) <= 300 else f"{s[:120]}…{s[-120:]} ({len(s)} characters)"


def progress_bar(total: int):
    """A progress bar on stderr for long builds; silent when stderr is not a terminal."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return None
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if done[0] % max(1, total // 100) == 0 or done[0] == total:
            width = 30
            filled = width * done[0] // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done[0]}/{total} reports")
            if done[0] == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
    return tick


def summary(r) -> str:
    def names(d):
        return ", ".join(f"{k} ({v})" for k, v in d.items()) or "none"

    parts = [
        f"{r.report_count} report(s) read" + (f", {len(r.skipped)} skipped" if r.skipped else ""),
        f"{r.place_count} place(s) drawn",
        f"{r.claim_count} control claim(s), contested: {', '.join(r.contested) or 'none'}",
        f"named as actors, not drawn: {names(r.metonyms)}",
    ]
    if r.datelines:
        parts.append(f"datelines: {names(r.datelines)}")
    top = ", ".join(f"{row.name} ({row.mentions})" for row in r.unresolved[:SUMMARY_UNRESOLVED])
    more = f" and {len(r.unresolved) - SUMMARY_UNRESOLVED} more" if len(r.unresolved) > SUMMARY_UNRESOLVED else ""
    parts.append(f"not in the gazetteer: {top + more or 'none'}")
    parts.append(r.changes.summary())
    return "; ".join(parts) + "."


if __name__ == "__main__":
    sys.exit(main())
