"""What cache keys share: a digest of the package's code and data files, and of vocabulary files."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=4)
def package_digest(package: Path = PACKAGE) -> bytes:
    """sha256 over the package's Python files and shipped data files (path and bytes); read once
    per process."""
    h = hashlib.sha256()
    for p in sorted(package.rglob("*")):
        if p.is_file() and (p.suffix == ".py" or p.parent.name == "data") and "__pycache__" not in p.parts:
            h.update(p.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.digest()


def add_files(h, files) -> None:
    """Each file's name and sha256 (``missing`` when unreadable) into ``h``, by name."""
    for p in sorted(files, key=lambda p: p.name):
        h.update(p.name.encode() + b"\0")
        try:
            h.update(hashlib.sha256(p.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
