"""A GeoNames dump written as a gazetteer CSV: ``python -m geo.gazetteer.geonames DUMP OUT.csv``.

For ``--fill-gazetteer``, which appends only to CSVs. Each entry keeps the names the dump's index
gives it (alternate names that lost their key to another place are left out, as names that
differ only in punctuation from an earlier row's); entries not found under their own name are
left out, since a CSV may not give one name to two rows.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import NamedTuple

from ...errors import GeoError
from ...text import name_key, word_key
from .. import load
from ..csvfile import ALIAS_SEPARATOR, COLUMNS
from ..index import Gazetteer

USAGE = "usage: python -m geo.gazetteer.geonames DUMP OUT.csv  (write a GeoNames dump as a gazetteer CSV)"


class Written(NamedTuple):
    rows: int         # rows written
    left_out: int     # entries not found under their own name


def to_csv(gaz: Gazetteer, out: Path) -> Written:
    """Write a gazetteer read from a dump as a gazetteer CSV (see above)."""
    keys_of: dict[str, list[str]] = {}
    for key, eid in gaz.index.items():
        keys_of.setdefault(eid, []).append(key)
    owner: dict[str, str] = {}           # word key -> id of the row that has it
    written = left_out = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for eid, e in gaz.entries.items():
            keys = keys_of.get(eid, [])
            own = name_key(e.name)
            wk = word_key(e.name)
            if own not in keys or owner.get(wk, eid) != eid:
                left_out += 1
                continue
            owner[wk] = eid
            names = {own}
            aliases = []
            # alternate names as written, then keys of other own names (asciiname) in key form
            for a in (*e.aliases, *keys):
                k = name_key(a)
                if k in names or gaz.index.get(k) != eid or ALIAS_SEPARATOR in a:
                    continue
                wk = word_key(a)
                if owner.setdefault(wk, eid) != eid:
                    continue
                names.add(k)
                aliases.append(a)
            w.writerow([eid, e.name, ALIAS_SEPARATOR.join(aliases), e.kind, repr(e.lat), repr(e.lon), e.country,
                        "", "", f"{e.precision_km:g}", e.source])
            written += 1
    return Written(written, left_out)


def main(argv: list[str] | None = None) -> int:
    """``python -m geo.gazetteer.geonames DUMP OUT.csv``: a GeoNames dump as a gazetteer CSV."""
    args = sys.argv[1:] if argv is None else list(argv)
    if len(args) != 2 or args[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    src, out = Path(args[0]), Path(args[1])
    if out.exists():
        print(f"error: {out} exists; give a new file name (it is never overwritten)", file=sys.stderr)
        return 1
    try:
        gaz = load(src)
    except GeoError as e:
        for line in getattr(e, "problems", [str(e)]):
            print(f"error: {line}", file=sys.stderr)
        return 1
    if gaz.format != "geonames":
        print(f"error: {src} is not a GeoNames dump (19 tab-separated columns)", file=sys.stderr)
        return 1
    try:
        written = to_csv(gaz, out)
    except OSError as e:
        print(f"error: {out}: cannot be written ({e.strerror})", file=sys.stderr)
        return 1
    print(f"wrote {out}: {written.rows} rows; {written.left_out} entries left out (not found under their own name)")
    return 0
