"""maps/build.json: what went into a build, so a committed map can be checked and trusted.

No timestamps and no absolute paths: the same inputs give the same bytes."""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from . import vocab

LIBRARIES = ("folium", "branca", "geopandas", "shapely", "geopy", "ahocorasick-rs", "jinja2")
VOCAB_FILES = ("actors.toml", "claims.toml", "metonymy.toml", "context.toml", "outlets.toml", "organisations.txt",
               "not_places.txt", "unresolved.toml", "geonames_stopwords.txt")


def vocab_paths(folder: Path | None) -> list[Path]:
    """The vocabulary files a build read: from ``folder`` (``--vocab DIR``) where it has them."""
    return [vocab.path(name, folder) for name in VOCAB_FILES]


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _npm_versions(node_modules: Path) -> dict[str, str]:
    lock = node_modules.parent / "package-lock.json"
    try:
        packages = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
    except (OSError, ValueError):
        return {}
    return {k.removeprefix("node_modules/"): v.get("version", "") for k, v in sorted(packages.items())
            if k.startswith("node_modules/") and k.count("node_modules/") == 1}


def _manifest(reports) -> str:
    """sha256 of the reports folder's sources.csv, or "" when it has none."""
    folders = {r.path.parent for r in reports}
    found = [f / "sources.csv" for f in sorted(folders) if (f / "sources.csv").is_file()]
    return _sha(found[0]) if found else ""


def record(reports, gazetteer_path: Path, gazetteer_sha: str, vocab_files: list[Path],
           node_modules: Path, counts: dict, self_contained: bool) -> dict:
    return {
        "inputs": {
            "reports": {r.path.name: r.sha256 or _sha(r.path) for r in sorted(reports, key=lambda r: r.path.name)},
            "manifest": _manifest(reports),
            "gazetteer": {"file": Path(gazetteer_path).name, "sha256": gazetteer_sha},
            "vocabulary": {p.name: _sha(p) for p in sorted(vocab_files, key=lambda p: p.name)},
        },
        "software": {
            "python": platform.python_version(),
            **{lib: _version(lib) for lib in LIBRARIES},
            "npm": _npm_versions(node_modules) if self_contained else {},
        },
        "self_contained": self_contained,
        "counts": counts,
    }
