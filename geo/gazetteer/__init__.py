"""The pinned gazetteer: a file read into a ``Gazetteer`` with a name/alias index.

``load(path)`` reads a gazetteer CSV (the project's format, ``csvfile``) or a GeoNames dump
(recognised from its content, ``geonames``); either way every value is checked, all problems
are raised together as one ``GazetteerError``, one line each naming file, line, column, value
and what was expected (``checks``). The modules:

- ``index``: the ``Gazetteer`` (entries by id, name key -> entry id, warnings);
- ``names``: which names are indexed (invisible characters removed, the noise rule);
- ``checks``: the checks both formats share (coordinates, precision) and the problem list;
- ``geometry``: the WKT of a CSV's ``geometry`` cell;
- ``csvfile``: gazetteer CSVs;
- ``geonames``: GeoNames dumps (kinds, the collision rule, the conversion to a CSV).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import GazetteerError
from .checks import MAX_PRECISION_KM, MAX_PROBLEMS, capped
from .csvfile import MAX_FIELD_CHARS, OPTIONAL, REQUIRED, parse_csv, swapped_warnings
from .geometry import GEOMETRY_TYPES, check_geometry
from .geonames import looks_like_geonames
from .geonames import parse as parse_geonames
from .index import Gazetteer, build_index
from .names import MIN_NAME_CHARS, STOPWORDS_FILE, clean_name, describe_removed, load_stopwords, noise

__all__ = [
    "GEOMETRY_TYPES", "MAX_FIELD_CHARS", "MAX_PRECISION_KM", "MAX_PROBLEMS", "MIN_NAME_CHARS", "OPTIONAL",
    "REQUIRED", "STOPWORDS_FILE", "Gazetteer", "build_index", "capped", "check_geometry", "clean_name",
    "describe_removed", "load", "load_stopwords", "looks_like_geonames", "noise", "parse_csv", "parse_geonames",
    "swapped_warnings",
]


def load(path: str | Path) -> Gazetteer:
    """Load a gazetteer CSV or GeoNames dump; raises GazetteerError listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise GazetteerError(f"{path}: is a folder; expected a gazetteer CSV or GeoNames file") from None
    except OSError as e:
        raise GazetteerError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise GazetteerError(
            f"{path} line {line}: invalid UTF-8 byte 0x{raw[e.start]:02x}; save the file as UTF-8"
        ) from None
    if not text.strip():
        raise GazetteerError(f"{path}: empty file; expected a header line {','.join(REQUIRED)}")
    gaz = parse_geonames(path, text) if looks_like_geonames(text) else parse_csv(path, text)
    gaz.sha256 = hashlib.sha256(raw).hexdigest()
    return gaz
