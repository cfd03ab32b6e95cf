"""Make folium's rendered HTML self-contained: no request leaves the page.

folium 0.20.0 links about 10 JS/CSS files from four CDN hosts (26 with common plugins);
opened without network such a page is blank. ``inline_assets`` replaces each of those
``<script src>`` / ``<link rel="stylesheet">`` tags by an inline ``<script>`` / ``<style>``
block read from ``node_modules`` (installed with ``npm ci`` from the pinned package-lock.json),
and turns every ``url(...)`` in that CSS (fonts, marker sprites, control icons) into a
``data:`` URI. Which file serves which URL is data: ``geo/data/assets.json``.

``countries_geojson`` gives Natural Earth country shapes (npm ``world-atlas``) as GeoJSON, to
draw as an offline basemap under the data when no tile server is reachable.

Tile URLs inside the map's JavaScript (``https://{s}.tile.openstreetmap.org/...``) are not
assets: they are only fetched when the viewer is online, and are left alone.
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import json
import posixpath
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

try:
    from geo.errors import AssetError
except ImportError:  # pragma: no cover - geo.errors not written yet

    class AssetError(OSError):  # TODO move to geo.errors (it now lives there; this is the fallback)
        """A page asset has no local copy (or the local copy is missing/at the wrong version)."""


__all__ = [
    "AssetError",
    "ASSETS_JSON",
    "DEFAULT_NODE_MODULES",
    "inline_assets",
    "missing_assets",
    "remote_asset_urls",
    "load_asset_table",
    "awesome_rotate_css",
    "countries_geojson",
]

ASSETS_JSON = Path(__file__).resolve().parent / "data" / "assets.json"
#: ``node_modules`` of the project root (``npm ci`` is run there).
DEFAULT_NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"

_NPM_CI_HINT = "run `npm ci` in the project root"

# --------------------------------------------------------------------------- HTML scanning
# A small tokenizer over folium's output. Script and style bodies are raw text in HTML, so a
# `<script src=...>` that appears *inside* an inline script (e.g. in a popup string) is not a tag
# and is skipped, exactly as a browser would.
_TOKEN_RE = re.compile(
    r"<!--.*?-->"  # comment
    r"|<(?P<raw>script|style)\b(?P<rawattrs>[^>]*)>(?P<body>.*?)</(?P=raw)\s*>"  # raw-text element
    r"|<link\b(?P<linkattrs>[^>]*)>",
    re.IGNORECASE | re.DOTALL,
)
_ATTR_RE = re.compile(
    r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""",
    re.DOTALL,
)
_REMOTE_RE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def _attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR_RE.finditer(text):
        name = m.group(1).lower()
        if name not in out:
            value = next((g for g in m.group(2, 3, 4) if g is not None), "")
            out[name] = value
    return out


def _is_remote(url: str) -> bool:
    return bool(_REMOTE_RE.match(url.strip()))


def _norm_url(url: str) -> str:
    """Scheme-less form used as the table key: ``//host/path`` (query and fragment dropped)."""
    url = url.strip()
    url = re.sub(r"^https?:", "", url, flags=re.IGNORECASE)
    return re.split(r"[?#]", url, maxsplit=1)[0]


def _scan(html: str):
    """Yield (match, kind, url) for every asset-ish tag; kind in script/css/link/style."""
    for m in _TOKEN_RE.finditer(html):
        if m.group("raw"):
            tag = m.group("raw").lower()
            attrs = _attrs(m.group("rawattrs"))
            if tag == "script" and "src" in attrs:
                yield m, "script", attrs["src"]
            elif tag == "style":
                yield m, "style", ""
        elif m.group("linkattrs") is not None:
            attrs = _attrs(m.group("linkattrs"))
            href = attrs.get("href")
            if href is None:
                continue
            rels = attrs.get("rel", "").lower().split()
            yield m, ("css" if "stylesheet" in rels else "link"), href


def remote_asset_urls(html: str) -> list[str]:
    """Remote URLs the page would fetch: script src, link href, url()/@import in inline styles."""
    urls: list[str] = []
    for m, kind, url in _scan(html):
        if kind == "style":
            urls.extend(u for u in _css_refs(m.group("body")) if _is_remote(u))
        elif _is_remote(url):
            urls.append(url)
    return urls


def missing_assets(html: str, node_modules: Path | str = DEFAULT_NODE_MODULES) -> list[str]:
    """Remote asset URLs in ``html`` with no usable local copy (unknown URL or not installed)."""
    table = load_asset_table()
    missing = []
    for url in remote_asset_urls(html):
        spec = table["assets"].get(_norm_url(url))
        try:
            if spec is None:
                raise AssetError(url)
            if "generated" not in spec or "npm" in spec:
                _source_file(spec, Path(node_modules), url)
        except AssetError:
            if url not in missing:
                missing.append(url)
    return missing


# --------------------------------------------------------------------------- asset table
@cache
def _load_table(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    return {
        "assets": {_norm_url(k): v for k, v in raw["assets"].items()},
        "css_urls": {_norm_url(k): v for k, v in raw.get("css_urls", {}).items()},
    }


def load_asset_table(path: Path | str = ASSETS_JSON) -> dict[str, Any]:
    """The URL -> local source table from geo/data/assets.json, keys normalised to ``//host/path``."""
    return _load_table(str(Path(path).resolve()))


def _safe_join(root: Path, rel: str, url: str) -> Path:
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
                f"in {node_modules}; {_NPM_CI_HINT}"
            )
        if spec.get("version") and version != spec["version"]:
            raise AssetError(
                f"local copy of {url} is {spec['npm']}@{version}, expected {spec['version']}; "
                f"{_NPM_CI_HINT}"
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


def _source_file(spec: Mapping[str, Any], node_modules: Path, url: str) -> tuple[Path, Path]:
    """(package root, file) for a table entry; raises AssetError if it is not on disk."""
    root = _package_root(spec, node_modules, url)
    path = _safe_join(root, spec["path"], url)
    if not path.is_file():
        raise AssetError(f"no local copy of {url}: {path} is missing; {_NPM_CI_HINT}")
    return root, path


# --------------------------------------------------------------------------- CSS
_MIME = {
    ".png": "image/png",
    ".gif": "image/gif",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".cur": "image/x-icon",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
}
# Preferred font formats, best first: every browser that runs Leaflet 1.9 reads woff2.
_FONT_RANK = {"woff2": 0, "woff": 1, "truetype": 2, "ttf": 2, "opentype": 3, "otf": 3, "svg": 4,
              "embedded-opentype": 5, "eot": 5}
_FONT_FORMAT = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype",
                ".svg": "svg", ".eot": "embedded-opentype"}

_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
_FORMAT_RE = re.compile(r"""\s*format\(\s*["']?([^"')]+)["']?\s*\)""", re.IGNORECASE)
_IMPORT_RE = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
_FONT_FACE_RE = re.compile(r"@font-face\s*\{([^{}]*)\}", re.IGNORECASE)
_SOURCEMAP_RE = re.compile(r"\n?(?://[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\s*$")


def _css_refs(css: str) -> list[str]:
    refs = [next(g for g in m.groups() if g is not None) for m in _URL_RE.finditer(css)]
    refs += [m.group(1) for m in _IMPORT_RE.finditer(css)]
    return refs


def _url_value(m: re.Match) -> str:
    return next(g for g in m.groups() if g is not None)


def _split_decls(body: str) -> list[str]:
    """Split a declaration block on ';' outside quotes and parentheses."""
    decls, buf, depth, quote = [], [], 0, ""
    for ch in body:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            decls.append("".join(buf).strip())
            buf = []
            continue
        buf.append(ch)
    decls.append("".join(buf).strip())
    return [d for d in decls if d]


class _CssInliner:
    def __init__(self, table: Mapping[str, Any], node_modules: Path):
        self.table = table
        self.node_modules = node_modules
        self._cache: dict[Path, str] = {}

    def data_uri(self, path: Path, url: str) -> str:
        if path not in self._cache:
            mime = _MIME.get(path.suffix.lower())
            if mime is None:
                raise AssetError(f"cannot embed {url}: unknown file type {path.suffix!r}")
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            self._cache[path] = f"data:{mime};base64,{data}"
        return self._cache[path]

    def resolve(self, ref: str, base: Path, root: Path, owner: str) -> Path:
        """Local file for a url() reference in a CSS file at ``base`` inside package ``root``."""
        if _is_remote(ref):
            spec = self.table["css_urls"].get(_norm_url(ref))
            if spec is None:
                raise AssetError(
                    f"no local copy of {ref} (referenced by {owner}); add it to css_urls in "
                    f"geo/data/assets.json and {_NPM_CI_HINT}"
                )
            return _source_file(spec, self.node_modules, ref)[1]
        rel_dir = base.parent.relative_to(root).as_posix()
        rel = posixpath.join(rel_dir, re.split(r"[?#]", ref, maxsplit=1)[0])
        path = _safe_join(root, rel, ref)
        if not path.is_file():
            raise AssetError(f"no local copy of {ref} (referenced by {owner}): {path} is missing; {_NPM_CI_HINT}")
        return path

    @staticmethod
    def _keep(ref: str) -> bool:
        return ref.startswith("#") or ref.lower().startswith("data:") or ref == ""

    def _font_face(self, m: re.Match, base: Path, root: Path, owner: str) -> str:
        decls = _split_decls(m.group(1))
        best = None  # (rank, ref, format); the first of equally ranked sources wins
        kept = []
        for decl in decls:
            name = decl.split(":", 1)[0].strip().lower()
            if name != "src":
                kept.append(decl)
                continue
            for um in _URL_RE.finditer(decl):
                ref = _url_value(um)
                fm = _FORMAT_RE.match(decl, um.end())
                fmt = fm.group(1).lower() if fm else ""
                if not fmt:
                    if ref.lower().startswith("data:"):
                        fmt = ref[5:].split(";", 1)[0].split("/")[-1].lower()
                    else:
                        ext = posixpath.splitext(re.split(r"[?#]", ref, maxsplit=1)[0])[1].lower()
                        fmt = _FONT_FORMAT.get(ext, ext.lstrip("."))
                cand = (_FONT_RANK.get(fmt, 9), ref, fmt)
                if best is None or cand[0] < best[0]:
                    best = cand
        if best is None:
            return m.group(0)
        _, ref, fmt = best
        if not ref.lower().startswith("data:"):
            path = self.resolve(ref, base, root, owner)
            ref = self.data_uri(path, ref)
            fmt = _FONT_FORMAT.get(path.suffix.lower(), fmt)
        src = f'src:url({ref}) format("{fmt}")' if fmt else f"src:url({ref})"
        return "@font-face{" + ";".join(kept + [src]) + "}"

    def inline(self, css: str, base: Path, root: Path, owner: str) -> str:
        for im in _IMPORT_RE.finditer(css):
            raise AssetError(f"@import {im.group(1)} in {owner} is not supported by geo.offline")
        css = _FONT_FACE_RE.sub(lambda m: self._font_face(m, base, root, owner), css)

        def repl(m: re.Match) -> str:
            ref = _url_value(m)
            if self._keep(ref):
                return m.group(0)
            return f"url({self.data_uri(self.resolve(ref, base, root, owner), ref)})"

        css = _URL_RE.sub(repl, css)
        css = _SOURCEMAP_RE.sub("", css)
        # `</style` would end the <style> element early; `\/` is a valid CSS escape for '/'.
        return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


def awesome_rotate_css() -> str:
    """folium's leaflet.awesome.rotate CSS: ``.fa-rotate-N`` for N = 1..360 (folium.Icon(angle=N))."""
    return "".join(
        f".fa-rotate-{n}{{-ms-transform:rotate({n}deg);-webkit-transform:rotate({n}deg);"
        f"transform:rotate({n}deg)}}"
        for n in range(1, 361)
    )


_GLYPH_SELECTOR_RE = re.compile(r"^\.glyphicon(?:-[a-z0-9-]+:before)?$")


def _glyphicons_css(bootstrap3_css: str) -> str:
    """Bootstrap 3's glyphicon rules and @font-face, cut out of its full bootstrap.css."""
    out = []
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", bootstrap3_css):
        selector = m.group(1).strip()
        if selector.lower() == "@font-face":
            if "glyphicons halflings" in m.group(2).lower():
                out.append(f"@font-face{{{m.group(2).strip()}}}")
            continue
        parts = [s.strip() for s in selector.split(",")]
        if all(_GLYPH_SELECTOR_RE.match(p) for p in parts):
            body = ";".join(_split_decls(m.group(2)))
            out.append(f"{','.join(parts)}{{{body}}}")
    if not any(s.startswith("@font-face") for s in out) or len(out) < 100:
        raise AssetError("could not extract glyphicons from bootstrap3/dist/css/bootstrap.css; " + _NPM_CI_HINT)
    return "\n".join(out)


# --------------------------------------------------------------------------- JS
def _script_body(js: str) -> str:
    js = _SOURCEMAP_RE.sub("", js)
    # `</script` would end the <script> element early. `<\/` means the same in JS strings,
    # regular expressions, comments and template literals.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    if "<!--" in js and re.search(r"<script", js, re.IGNORECASE):
        # `<!--` followed by `<script` switches the HTML parser into the "double escaped"
        # state, in which `</script>` no longer closes the element. No pinned library does
        # this; refuse rather than emit a page that swallows itself.
        raise AssetError("inlined script contains '<!--' and '<script'; cannot inline it safely")
    return js


def _icon_default_fix(spec: Mapping[str, Any], root: Path, url: str, css: _CssInliner) -> str:
    opts = {}
    for key in sorted(spec["icon_default"]):
        path = _safe_join(root, spec["icon_default"][key], url)
        if not path.is_file():
            raise AssetError(f"no local copy of {path} for {url}; {_NPM_CI_HINT}")
        opts[key] = css.data_uri(path, str(path))
    return (
        "\n;(function(){/* geo.offline: leaflet.css now holds data: URIs, from which "
        "L.Icon.Default cannot derive its image folder */"
        "L.Icon.Default.imagePath='';"
        f"L.Icon.Default.mergeOptions({json.dumps(opts, sort_keys=True)});}})();"
    )


# --------------------------------------------------------------------------- main entry
def _label(spec: Mapping[str, Any]) -> str:
    if "generated" in spec:
        return f"generated:{spec['generated']}"
    src = spec.get("npm") or spec.get("python")
    return f"{src}@{spec.get('version', '')}/{spec['path']}"


def inline_assets(
    html: str,
    node_modules: Path | str = DEFAULT_NODE_MODULES,
    *,
    assets_json: Path | str = ASSETS_JSON,
    drop_unused_fonts: bool = True,
) -> str:
    """Return ``html`` with every remote script/stylesheet inlined from ``node_modules``.

    Raises AssetError (one line, naming the URL) for a remote asset with no local copy.
    Deterministic: the same input and node_modules give the same bytes.
    With ``drop_unused_fonts``, inlined ``@font-face`` rules whose family name the page never
    mentions are removed (Font Awesome 6 declares its fonts again under the legacy names
    "FontAwesome" and "Font Awesome 5 Free/Brands"; embedding those copies would add ~0.75 MB).
    """
    node_modules = Path(node_modules)
    table = load_asset_table(assets_json)
    css = _CssInliner(table, node_modules)
    seen: set[str] = set()
    out: list[str] = []
    pos = 0
    for m, kind, url in _scan(html):
        if kind == "style":
            remote = [u for u in _css_refs(m.group("body")) if _is_remote(u)]
            if remote:
                raise AssetError(f"no local copy of {remote[0]} (in an inline <style>); {_NPM_CI_HINT}")
            continue
        if not _is_remote(url):
            continue
        if kind == "link":
            raise AssetError(f"no local copy of {url} (<link> that is not a stylesheet)")
        spec = table["assets"].get(_norm_url(url))
        if spec is None:
            raise AssetError(
                f"no local copy of {url}: not in geo/data/assets.json; add its npm package to "
                f"package.json and the URL to the table, then {_NPM_CI_HINT}"
            )
        out.append(html[pos : m.start()])
        pos = m.end()
        label = _label(spec)
        if label in seen:  # e.g. jQuery from two CDNs: load it once
            out.append(f"<!-- {label}: inlined above -->")
            continue
        seen.add(label)
        out.append(_render_asset(kind, url, spec, label, node_modules, css, html))
    out.append(html[pos:])
    doc = "".join(out)
    return _prune_unused_font_faces(doc) if drop_unused_fonts else doc


_ASSET_STYLE_RE = re.compile(r'(<style data-asset="[^"]*">)(.*?)(</style>)', re.DOTALL)
_FAMILY_RE = re.compile(r"""font-family\s*:\s*(?:"([^"]*)"|'([^']*)'|([^;}]*))""", re.IGNORECASE)


def _face_family(face: str) -> str:
    m = _FAMILY_RE.search(face)
    return next((g for g in m.groups() if g is not None), "").strip() if m else ""


def _prune_unused_font_faces(doc: str) -> str:
    families = {
        _face_family(f.group(0))
        for b in _ASSET_STYLE_RE.finditer(doc)
        for f in _FONT_FACE_RE.finditer(b.group(2))
    }
    families.discard("")
    if not families:
        return doc
    # Where could a family be used? Anywhere in the page except in @font-face rules themselves,
    # our data-asset labels and CSS comments (licence banners name "fontawesome").
    rest = _FONT_FACE_RE.sub("", doc)
    rest = re.sub(r'data-asset="[^"]*"', "", rest)
    rest = re.sub(
        r"<style\b[^>]*>.*?</style\s*>",
        lambda m: re.sub(r"/\*.*?\*/", "", m.group(0), flags=re.DOTALL),
        rest,
        flags=re.DOTALL | re.IGNORECASE,
    ).lower()
    unused = {f for f in families if f.lower() not in rest}
    if not unused:
        return doc

    def prune_block(b: re.Match) -> str:
        css = _FONT_FACE_RE.sub(lambda f: "" if _face_family(f.group(0)) in unused else f.group(0), b.group(2))
        return b.group(1) + css + b.group(3)

    return _ASSET_STYLE_RE.sub(prune_block, doc)


def _render_asset(kind, url, spec, label, node_modules, css: _CssInliner, html: str) -> str:
    generated = spec.get("generated")
    if generated == "awesome_rotate":
        return f'<style data-asset="{label}">{awesome_rotate_css()}</style>'
    if generated == "glyphicons":
        marker = spec.get("drop_unless_page_contains")
        if marker and marker not in html.replace(url, ""):
            return f"<!-- {label}: unused on this page, dropped -->"
        root, path = _source_file(spec, node_modules, url)
        text = _glyphicons_css(path.read_text(encoding="utf-8"))
        return f'<style data-asset="{label}">{css.inline(text, path, root, url)}</style>'
    if generated:
        raise AssetError(f"unknown generated asset {generated!r} for {url}")
    root, path = _source_file(spec, node_modules, url)
    text = path.read_text(encoding="utf-8")
    if kind == "script":
        body = _script_body(text)
        if "icon_default" in spec:
            body += _icon_default_fix(spec, root, url, css)
        return f'<script data-asset="{label}">{body}</script>'
    return f'<style data-asset="{label}">{css.inline(text, path, root, url)}</style>'


# --------------------------------------------------------------------------- basemap


def countries_geojson(
    node_modules: Path | str = DEFAULT_NODE_MODULES,
    simplify_deg: float = 0.0,
    *,
    resolution: str = "50m",
) -> dict:
    """Natural Earth countries (npm world-atlas) as GeoJSON: ``name`` only, 5 decimals, sorted by name.

    1:50m by default: 241 countries, about 2.1 MB of compact GeoJSON at 5 decimals (1.5 MB with
    ``simplify_deg=0.01``, 1.1 MB with 0.02). The 1:110m file (177 countries, 0.23 MB) drops
    small states and its Syria/Lebanon/Israel borders are visibly crude at the zoom of a regional
    situation map; 1:10m (3.7 MB of TopoJSON) is more than a basemap needs.
    ``resolution`` may be "110m", "50m" or "10m". ``simplify_deg`` simplifies each country on its
    own (shared borders may then show hairline gaps). Raises AssetError if world-atlas is missing.
    """
    import geopandas as gpd  # heavy; only needed here
    import numpy as np
    import shapely

    path = Path(node_modules) / "world-atlas" / f"countries-{resolution}.json"
    if not path.is_file():
        raise AssetError(f"no local copy of world-atlas/{path.name} in {node_modules}; {_NPM_CI_HINT}")
    gdf = gpd.read_file(path, layer="countries")
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    geoms = gdf.geometry.values
    if simplify_deg > 0:
        geoms = shapely.simplify(geoms, simplify_deg, preserve_topology=True)
    geoms = shapely.transform(geoms, lambda c: np.round(c, 5))
    features = []
    for name, geom in zip(gdf["name"].astype(str), geoms):
        if geom is None or geom.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": json.loads(json.dumps(shapely.geometry.mapping(geom))),
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])  # stable: file order breaks ties
    return {"type": "FeatureCollection", "features": features}
