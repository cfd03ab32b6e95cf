"""The pinned gazetteer: a file read into a ``Gazetteer`` with a name/alias index.

``load(path)`` reads a gazetteer CSV (the project's format, ``csvfile``) or a GeoNames dump
(recognised from its content, ``geonames``) as a stream of lines (``reading``: a dump of
gigabytes is never held whole); either way every value is checked, all problems are raised
together as one ``GazetteerError``, one line each naming file, line, column, value and what
was expected (``checks``). ``load(path, cache=FOLDER)`` keeps the parsed gazetteer in FOLDER
(``cache``) and reads it from there while the file, its path and the code are unchanged. The
modules:

- ``index``: the ``Gazetteer`` (entries by id, name key -> entry id, warnings);
- ``names``: which names are indexed (invisible characters removed, the noise rule);
- ``checks``: the checks both formats share (coordinates, precision) and the problem list;
- ``geometry``: the WKT of a CSV's ``geometry`` cell;
- ``csvfile``: gazetteer CSVs;
- ``geonames``: GeoNames dumps (kinds, the collision rule, the conversion to a CSV);
- ``reading``: the file as lines, its sha256 and UTF-8 checked as they come;
- ``cache``, ``stored``, ``store``: the parsed gazetteer kept between builds;
- (the matcher's names are kept beside it by ``mentions.matcher_cache``).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from ..errors import GazetteerError
from .cache import GazetteerCache
from .cache import folder_for as cache_folder
from .checks import MAX_PRECISION_KM, MAX_PROBLEMS, capped
from .csvfile import MAX_FIELD_CHARS, OPTIONAL, REQUIRED, parse_csv, swapped_warnings
from .geometry import GEOMETRY_TYPES, check_geometry
from .geonames import DETECTION_LINES, looks_like_geonames
from .geonames import parse as parse_geonames
from .geonames import parse_file as parse_geonames_file
from .geonames.halves import can_halve
from .index import Gazetteer, build_index
from .names import MIN_NAME_CHARS, STOPWORDS_FILE, clean_name, describe_removed, load_stopwords, noise
from .reading import Lines, file_sha256
from .store import no_gc
from .stored import StoredEntries

__all__ = [
    "GEOMETRY_TYPES", "MAX_FIELD_CHARS", "MAX_PRECISION_KM", "MAX_PROBLEMS", "MIN_NAME_CHARS", "OPTIONAL",
    "REQUIRED", "STOPWORDS_FILE", "Gazetteer", "build_index", "cache_folder", "capped", "check_geometry", "clean_name",
    "describe_removed", "load", "load_stopwords", "looks_like_geonames", "noise", "parse_csv", "parse_geonames",
    "swapped_warnings",
]


def load(path: str | Path, cache: Path | None = None) -> Gazetteer:
    """Load a gazetteer CSV or GeoNames dump; raises GazetteerError listing every problem.

    With ``cache`` (a folder), the parsed gazetteer is kept there and read back by later loads of
    the same file (same bytes, same path, same code); what went wrong with the cache, if anything,
    is one more line in ``warnings`` (the gazetteer is then read from its file)."""
    path = Path(path)
    if cache is None:
        return _parse(path)
    kept = GazetteerCache(cache)
    sha256 = file_sha256(path)
    gaz = kept.get(path, sha256)
    if gaz is None:
        gaz = _parse(path)
        # kept unless the file changed while it was read; then, unless parsed into columns already
        # (a GeoNames dump), read back: the same gazetteer in columns, a fraction of the memory of
        # millions of entries, which the build holds to its end
        if gaz.sha256 == sha256 and kept.put(gaz) and not isinstance(gaz.entries, StoredEntries):
            del gaz
            gaz = kept.get(path, sha256) or _parse(path)
    gaz.warnings.extend(kept.problems)
    return gaz


def _parse(path: Path) -> Gazetteer:
    """The gazetteer in the file at ``path``, read line by line (``store.no_gc``: no cycles)."""
    with no_gc():
        return _parsed(path)


def _parsed(path: Path) -> Gazetteer:
    lines = Lines(path)
    stream = iter(lines)
    head: list[str] = []              # the lines up to the DETECTION_LINES-th that is not blank
    filled = 0
    for line in stream:
        head.append(line)
        if line.strip():
            filled += 1
            if filled == DETECTION_LINES:
                break
    if not filled:
        raise GazetteerError(f"{path}: empty file; expected a header line {','.join(REQUIRED)}")
    geonames = looks_like_geonames("".join(head))
    if geonames and can_halve(path):  # a big dump: read by two processes, each from the file
        del stream                    # (closes the file)
        gaz = parse_geonames_file(path)
        gaz.sha256 = file_sha256(path)
        return gaz
    rest = itertools.chain(head, stream)
    gaz = parse_geonames(path, rest) if geonames else parse_csv(path, rest)
    for _ in stream:                  # read to the end: the sha256 is of every byte
        pass
    gaz.sha256 = lines.sha256
    return gaz
