"""A gazetteer file read as a stream of lines, never whole: its sha256 and its UTF-8 checked as
they come.

A GeoNames dump can be gigabytes (``allCountries.txt``: 1.5 GB); holding its bytes, its text and
its lines at once cost three copies of it before a row was read. ``Lines`` reads ``CHUNK_BYTES``
at a time, hashes each chunk, decodes only whole lines (a line end is always a character
boundary in UTF-8) and hands out the lines one by one, each with its line end, as iterating
``io.StringIO(text)`` would. A byte order mark at the start is dropped, as
``utf-8-sig`` does. An invalid byte raises the same one line as decoding the whole file did:
``FILE line N: invalid UTF-8 byte 0xNN``.

``file_sha256`` hashes a file without reading it into memory (the cache key, computed before
deciding whether to parse at all).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import GazetteerError

CHUNK_BYTES = 4 * 1024 * 1024
BOM = "\ufeff"


def _open_error(path: Path, e: OSError) -> GazetteerError:
    if isinstance(e, IsADirectoryError):
        return GazetteerError(f"{path}: is a folder; expected a gazetteer CSV or GeoNames file")
    return GazetteerError(f"{path}: cannot be read ({e.strerror})")


def file_sha256(path: Path) -> str:
    """sha256 of the file's bytes; GazetteerError (one line) when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as e:
        raise _open_error(path, e) from None


class Lines:
    """The lines of a UTF-8 file, read ``CHUNK_BYTES`` at a time; ``sha256`` of every byte read
    once the lines are exhausted. Iterate it once."""

    def __init__(self, path: Path, start: int = 0, stop: int | None = None, line: int = 0):
        """The lines of the bytes [``start``, ``stop``) (each end at a line's start), the first
        of them line ``line`` + 1; ``sha256`` is then of those bytes."""
        self.path = path
        self._hash = hashlib.sha256()
        self.line = line       # lines handed out so far (and before ``start``)
        self._bom_seen = start > 0
        self._start, self._stop = start, stop

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def __iter__(self) -> Iterator[str]:
        try:
            f = open(self.path, "rb")
        except OSError as e:
            raise _open_error(self.path, e) from None
        with f:
            if self._start:
                try:
                    f.seek(self._start)
                except OSError as e:
                    raise _open_error(self.path, e) from None
            yield from self._read(f)

    def _read(self, f) -> Iterator[str]:
        rest = b""
        left = -1 if self._stop is None else self._stop - self._start     # -1: to the end
        while left:
            try:
                chunk = f.read(CHUNK_BYTES if left < 0 else min(CHUNK_BYTES, left))
            except OSError as e:
                raise _open_error(self.path, e) from None
            if not chunk:
                break
            if left > 0:
                left -= len(chunk)
            self._hash.update(chunk)
            data = rest + chunk if rest else chunk
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            if cut:
                yield from self._decoded(data[:cut], final=False)
        if rest:
            yield from self._decoded(rest, final=True)

    def _decoded(self, data: bytes, final: bool) -> Iterator[str]:
        """The lines of ``data`` (whole lines, ending with a line end unless ``final``), each with
        its line end."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            number = self.line + data[: e.start].count(b"\n") + 1
            raise GazetteerError(
                f"{self.path} line {number}: invalid UTF-8 byte 0x{data[e.start]:02x}; save the file as UTF-8"
            ) from None
        if not self._bom_seen:
            self._bom_seen = True
            text = text.removeprefix(BOM)
        lines = text.split("\n")
        last = lines.pop()        # "" after the last line end, or a final line without one
        for line in lines:
            self.line += 1
            yield line + "\n"
        if final and last:
            self.line += 1
            yield last
