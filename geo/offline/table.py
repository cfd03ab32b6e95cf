"""Which local file serves which CDN URL: the table in geo/data/assets.json, and the installed
npm and Python packages the files come from (checked against the pinned versions)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import posixpath
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import AssetError

ASSETS_JSON = Path(__file__).resolve().parent.parent / "data" / "assets.json"
#: ``node_modules`` of the project root (``npm ci`` is run there).
DEFAULT_NODE_MODULES = Path(__file__).resolve().parent.parent.parent / "node_modules"

NPM_CI_HINT = "run `npm ci` in the project root"
_REMOTE_RE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def is_remote(url: str) -> bool:
    return bool(_REMOTE_RE.match(url.strip()))


def norm_url(url: str) -> str:
    """Scheme-less form used as the table key: ``//host/path`` (query and fragment dropped)."""
    url = url.strip()
    url = re.sub(r"^https?:", "", url, flags=re.IGNORECASE)
    return re.split(r"[?#]", url, maxsplit=1)[0]


@cache
def _load_table(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    return {
        "assets": {norm_url(k): v for k, v in raw["assets"].items()},
        "css_urls": {norm_url(k): v for k, v in raw.get("css_urls", {}).items()},
    }


def load_asset_table(path: Path | str = ASSETS_JSON) -> dict[str, Any]:
    """The URL -> local source table from geo/data/assets.json, keys normalised to ``//host/path``."""
    return _load_table(str(Path(path).resolve()))


def safe_join(root: Path, rel: str, url: str) -> Path:
    rel_norm = posixpath.normpath(rel)
    if rel_norm.startswith("../") or rel_norm == ".." or posixpath.isabs(rel_norm):
        raise AssetError(f"asset path {rel!r} for {url} leaves its package")
    return root.joinpath(*rel_norm.split("/"))


@cache
def _npm_version(pkg_dir: str) -> str | None:
    try:
        with open(Path(pkg_dir) / "package.json", encoding="utf-8") as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None


def _package_root(spec: Mapping[str, Any], node_modules: Path, url: str) -> Path:
    if "npm" in spec:
        root = node_modules.joinpath(*spec["npm"].split("/"))
        version = _npm_version(str(root))
        if version is None:
            raise AssetError(
                f"no local copy of {url}: npm package {spec['npm']} is not installed "
                f"in {node_modules}; {NPM_CI_HINT}"
            )
        if spec.get("version") and version != spec["version"]:
            raise AssetError(
                f"local copy of {url} is {spec['npm']}@{version}, expected {spec['version']}; "
                f"{NPM_CI_HINT}"
            )
        return root
    if "python" in spec:
        found = importlib.util.find_spec(spec["python"])
        if found is None or not found.submodule_search_locations:
            raise AssetError(f"no local copy of {url}: Python package {spec['python']} is not installed")
        version = importlib.metadata.version(spec["python"])
        if spec.get("version") and version != spec["version"]:
            raise AssetError(
                f"local copy of {url} comes from {spec['python']} {version}, expected "
                f"{spec['version']}; update geo/data/assets.json"
            )
        return Path(list(found.submodule_search_locations)[0])
    raise AssetError(f"asset table entry for {url} names no source")


class LocalFile(NamedTuple):
    root: Path   # the package's folder
    path: Path   # the file inside it


def source_file(spec: Mapping[str, Any], node_modules: Path, url: str) -> LocalFile:
    """(package root, file) for a table entry; raises AssetError if it is not on disk."""
    root = _package_root(spec, node_modules, url)
    path = safe_join(root, spec["path"], url)
    if not path.is_file():
        raise AssetError(f"no local copy of {url}: {path} is missing; {NPM_CI_HINT}")
    return LocalFile(root, path)


def asset_label(spec: Mapping[str, Any]) -> str:
    """How the page names an inlined asset (``data-asset``); an asset with the same label is
    inlined once."""
    if "generated" in spec:
        return f"generated:{spec['generated']}"
    src = spec.get("npm") or spec.get("python")
    return f"{src}@{spec.get('version', '')}/{spec['path']}"

