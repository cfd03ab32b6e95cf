"""Written files: GeoJSON exports and the output folder that changes all at once.

A build writes every output into a staging folder beside the output folder (same file
system), copies in (as hard links) whatever else the output folder holds, and then swaps the two
folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``): a crash, a ``kill -9`` or a failed
build at any moment leaves either the previous outputs, all of them, or the new ones, never a
mix. Where the exchange is not available (another OS, a file system without it, the output
folder a mount point) the files are moved in one by one, ``build.json`` last, which is the only
window where a crash can mix two builds. A lock file beside the output folder keeps two builds
from writing it at once; staging folders left by killed builds are removed by the next build.
"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import errno
import io
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from shapely.geometry import mapping

from .errors import OutputError
from .unresolved import COLUMNS as UNRESOLVED_COLUMNS


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 6) if math.isfinite(obj) else None
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    return obj


def _plain(value):
    """numpy/pandas scalars and containers -> JSON-ready Python values."""
    if value is None:
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


_SCALARS = frozenset({str, int, bool, type(None)})   # JSON-ready as they are


def _values(column) -> list:
    """A frame column as JSON-ready Python values (``_plain`` only where a value needs it)."""
    return [v if type(v) in _SCALARS else _plain(v) for v in column.tolist()]


def feature_collection(gdf, properties: list[str]) -> dict:
    """A GeoJSON FeatureCollection of ``gdf`` rows, in row order, coordinates at 6 decimals."""
    columns = [_values(gdf[k]) for k in properties]
    features = []
    shapes: dict[int, dict] = {}   # rows sharing one geometry object (a place's claims) share its JSON
    rows = zip(*columns) if columns else [()] * len(gdf)
    for shape, values in zip(gdf.geometry.array, rows):
        geom = shapes.get(id(shape))
        if geom is None:
            g = mapping(shape)
            geom = shapes[id(shape)] = {"type": g["type"], "coordinates": _round(g["coordinates"])}
        features.append({"type": "Feature", "geometry": geom, "properties": dict(zip(properties, values))})
    return {"type": "FeatureCollection", "features": features}


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def geojson_chunks(fc: dict) -> Iterator[bytes]:
    """Deterministic GeoJSON, feature by feature (the file is never one string in memory): one
    feature per line, UTF-8, no trailing spaces. A geometry several features share (a place's
    claims) is encoded once."""
    yield b'{"type": "FeatureCollection", "features": [\n'
    shapes: dict[int, str] = {}
    for k, f in enumerate(fc["features"]):
        if list(f) == ["type", "geometry", "properties"] and f["type"] == "Feature":
            geom = f["geometry"]
            g = shapes.get(id(geom))
            if g is None:
                g = shapes[id(geom)] = _ENCODER.encode(geom)
            text = f'{{"type": "Feature", "geometry": {g}, "properties": {_ENCODER.encode(f["properties"])}}}'
        else:
            text = _ENCODER.encode(f)
        yield ((",\n" if k else "") + text).encode("utf-8")
    yield b"\n]}\n"


def geojson_bytes(fc: dict) -> bytes:
    """``geojson_chunks`` as one byte string."""
    return b"".join(geojson_chunks(fc))


def json_bytes(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def unresolved_csv(rows) -> bytes:
    """unresolved.csv: its header (``unresolved.COLUMNS``), then one line per row."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(UNRESOLVED_COLUMNS)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.EBUSY, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


class Outputs:
    """Stage files, then put them all into ``out_dir`` at once.

    with Outputs(out_dir) as out:
        out.write("places.geojson", data)
    # out_dir changes only if the block completes without an exception, and then all at once
    """

    STAGING = ".{}.staging-"
    LAST = "build.json"     # written last where files are moved one by one

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.names: list[str] = []
        self._tmp: Path | None = None
        self._lock = None

    def __enter__(self) -> Outputs:
        parent, name = self.out_dir.parent, self.out_dir.name or "out"
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(parent / f".{name}.lock", self.out_dir)
            for stale in sorted(parent.glob(self.STAGING.format(name) + "*")):
                shutil.rmtree(stale, ignore_errors=True)
            for stale in sorted(self.out_dir.glob(".tmp-build-*")) if self.out_dir.is_dir() else ():
                shutil.rmtree(stale, ignore_errors=True)   # left by builds of earlier versions
            self._tmp = Path(tempfile.mkdtemp(prefix=self.STAGING.format(name), dir=parent))
        except OutputError:
            raise
        except OSError as e:
            self._unlock()
            raise OutputError(f"{self.out_dir}: cannot write here ({e.strerror})") from None
        return self

    def path(self, name: str) -> Path:
        assert self._tmp is not None
        return self._tmp / name

    def write(self, name: str, data: bytes | Iterable[bytes]) -> Path:
        """Write ``name`` (bytes, or chunks of them written as they come) into the staging folder."""
        try:
            with open(self.path(name), "wb") as f:
                if isinstance(data, bytes):
                    f.write(data)
                else:
                    for chunk in data:
                        f.write(chunk)
        except OSError as e:
            raise OutputError(f"{self.out_dir / name}: cannot be written ({e.strerror})") from None
        self.names.append(name)
        return self.out_dir / name

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._tmp is not None
        try:
            if exc_type is None:
                try:
                    self._publish()
                except OSError as e:
                    raise OutputError(f"{self.out_dir}: cannot be replaced ({e.strerror})") from None
        finally:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._unlock()

    def _publish(self) -> None:
        tmp, out = self._tmp, self.out_dir
        assert tmp is not None
        if out.is_dir() and not out.is_symlink():
            ours = set(self.names)
            for item in sorted(out.iterdir()):   # keep what else the folder holds
                if item.name in ours or item.name.startswith(".tmp-build-"):
                    continue
                if item.is_dir() and not item.is_symlink():
                    shutil.copytree(item, tmp / item.name, symlinks=True, copy_function=_link_or_copy)
                else:
                    _link_or_copy(item, tmp / item.name)
            os.chmod(tmp, os.stat(out).st_mode & 0o7777)
            if _exchange(tmp, out):
                return             # tmp now holds the previous outputs, removed in __exit__
        elif not out.exists():
            os.chmod(tmp, 0o777 & ~_umask())
            try:
                os.rename(tmp, out)    # __exit__ then finds nothing left to remove
                return
            except OSError:
                out.mkdir(parents=True, exist_ok=True)
        names = [n for n in self.names if n != self.LAST] + [n for n in self.names if n == self.LAST]
        for name in names:
            os.replace(tmp / name, out / name)

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _link_or_copy(src, dst) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _lock(path: Path, out_dir: Path):
    """An exclusive lock on ``path`` for as long as the returned file is open; another build
    holding it is an error, not a wait."""
    f = open(path, "a+b")
    try:
        import fcntl
    except ImportError:     # not POSIX: no lock
        return f
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise OutputError(f"{out_dir}: another build is writing this folder now (lock {path.name}); "
                          f"wait for it to finish") from None
    return f
