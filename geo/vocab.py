"""Vocabulary data files (geo/data/*.toml, *.txt): loaded once, validated, never hard-coded.

A user mapping another conflict points ``--vocab DIR`` at a folder holding their own copies;
files missing there fall back to the ones shipped in ``geo/data``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .errors import VocabularyError

DATA = Path(__file__).parent / "data"


def path(name: str, folder: Path | None = None) -> Path:
    """The vocabulary file `name`: from `folder` when it has one, else geo/data."""
    return _path(name, folder)


def _path(name: str, folder: Path | None) -> Path:
    if folder is not None and (Path(folder) / name).is_file():
        return Path(folder) / name
    return DATA / name


@cache
def _toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise VocabularyError(f"{path}: {e}") from None
    except OSError as e:
        raise VocabularyError(f"{path}: cannot be read ({e.strerror})") from None


def toml(name: str, folder: Path | None = None) -> dict:
    return _toml(_path(name, folder))


@cache
def _lines(path: Path) -> tuple[str, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise VocabularyError(f"{path}: cannot be read ({e})") from None
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def lines(name: str, folder: Path | None = None) -> tuple[str, ...]:
    return _lines(_path(name, folder))


def require(data: dict, key: str, kind: type, source: str):
    value = data.get(key)
    if not isinstance(value, kind):
        raise VocabularyError(f"{source}: '{key}' is missing or not a {kind.__name__}")
    return value


def where(path: Path, needle: str, quoted: bool = False) -> str:
    """``file:line`` of the first line that sets key ``needle`` (or holds ``"needle"`` when
    ``quoted``), for error messages; just the file when no line does."""
    try:
        lines_ = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    for n, line in enumerate(lines_, 1):
        s = line.strip()
        if (quoted and (f'"{needle}"' in s or f"'{needle}'" in s)) or (
                not quoted and (s.startswith((f"{needle} ", f"{needle}=", f"[{needle}", f"[[{needle}"))
                                or s.startswith(f"[actors.{needle}]"))):
            return f"{path} line {n}"
    return str(path)


# A schema maps each allowed key of a table to the type of its value: a Python type, or one of
# these names for the kinds TOML values take.
STR_LIST = "list of strings"
LIST = "list"
TABLE = "table"
Schema = dict[str, str | type]


def _fits(value: object, kind: str | type) -> bool:
    if kind == STR_LIST:
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    if kind == LIST:
        return isinstance(value, list)
    if kind == TABLE:
        return isinstance(value, dict)
    return isinstance(kind, type) and isinstance(value, kind)


def check(table: dict, schema: Schema, path: Path, where_: str, required: tuple[str, ...] = ()) -> None:
    """Refuse unknown keys, wrong types and missing keys of ``table`` (called ``where_`` in
    messages), naming the file and line."""
    for key, value in table.items():
        kind = schema.get(key)
        if kind is None:
            raise VocabularyError(f"{where(path, key)}: unknown key {key!r} in {where_}"
                                  f" (expected one of: {', '.join(sorted(schema))})")
        if not _fits(value, kind):
            expected = kind if isinstance(kind, str) else kind.__name__
            raise VocabularyError(f"{where(path, key)}: {key!r} in {where_} must be a {expected}")
    for key in required:
        if key not in table:
            raise VocabularyError(f"{path}: {where_} has no {key!r}")
