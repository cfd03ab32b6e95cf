"""Gazetteer CSVs, the project's own format, read into a ``Gazetteer``.

Columns: ``id,name,aliases,kind,lat,lon`` (required) and
``country,parent,geometry,precision_km,source`` (optional). ``aliases`` is ``|``-separated;
``geometry`` is WKT in WGS84 (lon lat order) for lines and areas (``geometry.check_geometry``).
Every row is checked and all problems are raised together, one line each (``checks.Problems``).
A row whose ``parent`` is a row refused for another problem is not reported on its own: one line
per refused parent counts them.

A gazetteer is input like any other, and careless or hostile values are refused or cleaned:

- a field may hold up to ``MAX_FIELD_CHARS`` (10 MB) characters, beyond Python's csv default of
  131,072; a longer one is refused with one line and reading stops there.
- ``lat``, ``lon`` and ``precision_km``: ``checks.coordinate`` and ``checks.precision`` (a
  finite number from 0 to ``MAX_PRECISION_KM``, 5000 km).
- names and aliases: invisible and control characters are removed with a warning
  (``names.clean_name``). An alias that is noise by the one rule shared with GeoNames dumps
  (``names.noise``, with at least ``MIN_NAME_CHARS`` characters) is ignored with a warning and
  the row kept; a row's own name that is noise stays its name but is not indexed.
- a name denotes one entry (``_alias_clashes``); a point that falls outside its country's area
  but inside it when lat and lon are swapped gets a warning (``swapped_warnings``).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import GazetteerError
from ..model import Entry
from ..text import name_key, word_key
from .checks import LAT, LON, Checked, Problems, capped, coordinate, precision
from .geometry import check_geometry
from .index import Gazetteer, build_index
from .names import MIN_NAME_CHARS, clean_name, describe_removed, load_stopwords, noise

REQUIRED = ("id", "name", "aliases", "kind", "lat", "lon")
OPTIONAL = ("country", "parent", "geometry", "precision_km", "source")
COLUMNS = REQUIRED + OPTIONAL         # the order a written gazetteer CSV uses
MAX_FIELD_CHARS = 10 * 1024 * 1024    # csv field limit while reading (a long WKT); default 131,072
SHOWN_GEOMETRY_CHARS = 60             # of a geometry's WKT, in a message
ALIAS_SEPARATOR = "|"
COUNTRY_MARGIN_DEG = 0.1              # a country's area widened by this (about 11 km) for the swap test
# delimiters a header written for another locale or tool uses -> how a message calls them
OTHER_DELIMITERS = {";": repr(";"), "\t": "tab", "|": repr("|")}


def parse_csv(path: Path, text: str | Iterable[str]) -> Gazetteer:
    """Read a gazetteer CSV, its whole text or its lines (each with its line end, as
    ``reading.Lines`` gives them); raises GazetteerError listing every problem."""
    if isinstance(text, str):
        lines: Iterator[str] = iter(io.StringIO(text))
    else:
        lines = iter(text)
    first = next(lines, "")
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        stop = load_stopwords()
        reader = csv.reader(itertools.chain((first,), lines))
        rows = _Rows(path, _header(reader, path, first.split("\n", 1)[0]), stop)
        for row in _records(reader, rows.problems):
            rows.read(row, reader.line_num)
        return rows.gazetteer()
    finally:
        csv.field_size_limit(old_limit)


def _header(reader, path: Path, first_line: str) -> list[str]:
    """The header's column names; raises GazetteerError (one line) when a required one is missing."""
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error:
        header = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        hint = ""
        for delim, called in OTHER_DELIMITERS.items():
            if delim in first_line and all(c in first_line for c in REQUIRED):
                hint = f"; the header looks {called}-separated, expected commas"
        raise GazetteerError(
            f"{path} line 1: missing required column(s) {', '.join(missing)}"
            f" (found {', '.join(repr(h) for h in header) or 'nothing'}){hint}"
        )
    return header


def _records(reader, problems: Problems) -> Iterator[list[str]]:
    """The reader's rows; a csv error (a field over MAX_FIELD_CHARS) is one problem and ends it."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if "field limit" in str(e):
                problems.at(reader.line_num,
                            f"a field is longer than {MAX_FIELD_CHARS:,} characters"
                            " (the limit for one value, e.g. a geometry's WKT: simplify the shape); reading stopped here")
            else:
                problems.at(reader.line_num, f"not readable as CSV ({e}); reading stopped here")
            return
        yield row


class _Rows:
    """The rows of one gazetteer CSV, read in order: the entries kept, the problems and warnings."""

    def __init__(self, path: Path, header: list[str], stop: frozenset[str]):
        self.path = path
        self.width = len(header)
        self.col = {name: header.index(name) for name in header if name}
        self.stop = stop
        self.problems = Problems(path)
        self.warnings: list[str] = []
        self.entries: dict[str, Entry] = {}
        self.lines_of: dict[str, int] = {}   # id -> line of its entry
        self.refused: dict[str, int] = {}    # id -> line of a row refused for a problem
        self.unindexed: set[str] = set()     # ids whose own name is noise: not indexed

    def warn(self, line: int, text: str) -> None:
        self.warnings.append(f"{self.path} line {line}: {text}")

    def cleaned(self, line: int, column: str, value: str) -> str:
        clean, removed = clean_name(value)
        if removed:
            self.warn(line, f"{column} {value!r} holds invisible or control character(s) "
                            f"{describe_removed(removed)}; removed (read as {clean.strip()!r})")
        return clean.strip()

    def read(self, row: list[str], line: int) -> None:
        """Keep one row as an entry, or record why it is refused."""
        if not any(c.strip() for c in row):
            return
        if len(row) != self.width:
            self.problems.at(line, f"{len(row)} fields, expected {self.width} as in the header"
                                   " (an unquoted comma in a name?)")
            if len(row) > self.col["id"] and row[self.col["id"]].strip():
                self.refused.setdefault(row[self.col["id"]].strip(), line)
            return
        cell: defaultdict[str, str] = defaultdict(str, {c: row[i].strip() for c, i in self.col.items()})
        entry = self.checked(cell, line)
        if entry is None:
            if cell["id"] and cell["id"] not in self.lines_of:
                self.refused.setdefault(cell["id"], line)
            return
        entry = replace(entry, aliases=self.aliases(line, entry.id, cell["aliases"]))
        why = noise(name_key(entry.name), self.stop, MIN_NAME_CHARS)
        if why:
            self.unindexed.add(entry.id)
            self.warn(line, f"name {entry.name!r} of {entry.id!r} {why}; not indexed "
                            "(the row is found only by its aliases)")
        self.lines_of[entry.id] = line
        self.entries[entry.id] = entry

    def checked(self, cell: defaultdict[str, str], line: int) -> Entry | None:
        """The row's entry (without aliases), or None when a value is refused (each one a problem)."""
        before = len(self.problems)
        eid, kind = cell["id"], cell["kind"]
        name = self.cleaned(line, "name", cell["name"])
        for column, value, empty in (("id", eid, not eid), ("name", cell["name"], not name), ("kind", kind, not kind)):
            if empty:
                self.problems.bad(line, column, value, "is empty; every row needs one")
        lat, lon = coordinate(cell["lat"], LAT), coordinate(cell["lon"], LON)
        for column, checked in (("lat", lat), ("lon", lon)):
            if checked.problem:
                self.problems.bad(line, column, cell[column], checked.problem)
        geometry = self.geometry(line, cell["geometry"])
        prec = precision(cell["precision_km"]) if cell["precision_km"] else Checked(None, "")
        if prec.problem:
            self.problems.bad(line, "precision_km", cell["precision_km"], prec.problem)
        if eid in self.lines_of:
            self.problems.bad(line, "id", eid, f"is a duplicate of line {self.lines_of[eid]}; ids must be unique")
        if len(self.problems) > before or lat.value is None or lon.value is None:
            return None
        return Entry(id=eid, name=name, aliases=(), kind=kind, lat=lat.value, lon=lon.value,
                     country=cell["country"].upper(), parent=cell["parent"], geometry=geometry,
                     precision_km=prec.value, source=cell["source"], line=line)

    def geometry(self, line: int, wkt: str) -> str:
        """The WKT to keep ("" for a point); a refused one is a problem, a rewritten one a warning."""
        if not wkt:
            return ""
        checked = check_geometry(wkt)
        if checked.problem:
            self.problems.bad(line, "geometry", wkt[:SHOWN_GEOMETRY_CHARS], checked.problem)
        elif checked.warning:
            self.warn(line, f"geometry {wkt[:SHOWN_GEOMETRY_CHARS]!r} {checked.warning}")
        return checked.wkt

    def aliases(self, line: int, eid: str, cell: str) -> tuple[str, ...]:
        """The aliases of a kept row, cleaned; those that are noise are ignored with a warning."""
        kept = []
        for raw in cell.split(ALIAS_SEPARATOR):
            alias = self.cleaned(line, "alias", raw)
            if not alias:
                continue
            why = noise(name_key(alias), self.stop, MIN_NAME_CHARS)
            if why:
                self.warn(line, f"alias {alias!r} of {eid!r} {why}; ignored")
            else:
                kept.append(alias)
        return tuple(kept)

    def gazetteer(self) -> Gazetteer:
        """The entries kept, sorted by id; raises GazetteerError listing every problem."""
        if not self.entries and not self.problems:
            self.problems.whole_file("no entries after the header; expected one place per line")
        self.check_parents()
        _alias_clashes(self.entries.values(), self.unindexed, self.problems)
        self.problems.raise_if_any()
        entries = dict(sorted(self.entries.items()))
        gaz = Gazetteer(path=self.path, sha256="", entries=entries, index=build_index(entries.values(), self.unindexed))
        gaz.warnings.extend(capped(self.warnings + swapped_warnings(self.path, gaz), "warning(s)"))
        return gaz

    def check_parents(self) -> None:
        """A ``parent`` must name a kept row; the rows naming one refused row give one line."""
        orphans: dict[str, list[int]] = {}   # refused parent id -> lines of the rows naming it
        for e in self.entries.values():
            if e.parent and e.parent not in self.entries:
                if e.parent in self.refused:
                    orphans.setdefault(e.parent, []).append(e.line)
                else:
                    self.problems.bad(e.line, "parent", e.parent, "names no entry; expected an id from this file or empty")
        for pid, lines in orphans.items():
            more = f", and {len(lines) - 1} more row(s) whose parent is that row" if len(lines) > 1 else ""
            self.problems.at(lines[0], f"parent {pid!r} is the row refused at line {self.refused[pid]}{more}")


def _alias_clashes(entries: Iterable[Entry], unindexed: set[str], problems: Problems) -> None:
    """One problem per name that two entries claim. The rule: a name denotes exactly one entry,
    and names that differ only in punctuation ("Sana'a", "Sana a") are the same name. Own names
    that are not indexed (``unindexed``) claim nothing."""
    owner: dict[str, Entry] = {}          # word key -> the first entry that claims it
    for e in sorted(entries, key=lambda e: e.line):
        for n in (e.aliases if e.id in unindexed else e.names):
            key = word_key(n)   # what the matcher compares: "Sana'a" and "Sana a" are one name
            if not key:
                continue
            first = owner.setdefault(key, e)
            if first.id != e.id:
                problems.at(e.line, f"aliases {n!r} of {e.id!r} is already a name of {first.id!r} "
                                    f"(line {first.line}); a name must denote one entry: remove it from one row")


def swapped_warnings(path: Path, gaz: Gazetteer) -> list[str]:
    """Warnings for points that fall outside their country's area but inside it when swapped."""
    from shapely import wkt as shapely_wkt
    from shapely.geometry import Point

    areas = {}
    for e in gaz.entries.values():
        if e.kind == "country" and e.country and e.geometry:
            areas[e.country] = shapely_wkt.loads(e.geometry).buffer(COUNTRY_MARGIN_DEG)
    out = []
    for e in gaz.entries.values():
        area = areas.get(e.country)
        if area is None or e.kind == "country":
            continue
        if not area.contains(Point(e.xy)) and area.contains(Point(e.lat, e.lon)):   # written swapped?
            out.append(
                f"{path} line {e.line}: lat/lon {e.lat}, {e.lon} of {e.id!r} fall outside {e.country} "
                f"but {e.lon}, {e.lat} fall inside: lat and lon swapped?"
            )
    return out
