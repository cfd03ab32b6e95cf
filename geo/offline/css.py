"""Stylesheets made self-contained: every ``url(...)`` (fonts, marker sprites, control icons)
becomes a ``data:`` URI, one font format is kept per ``@font-face``, and font faces the page
never uses are dropped. Also the two stylesheets no published package carries (folium's
rotation classes, Bootstrap 3's glyphicons alone)."""

from __future__ import annotations

import base64
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import AssetError
from .table import NPM_CI_HINT, is_remote, norm_url, safe_join, source_file

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
SOURCEMAP_RE = re.compile(r"\n?(?://[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\s*$")


def css_refs(css: str) -> list[str]:
    refs = [next(g for g in m.groups() if g is not None) for m in _URL_RE.finditer(css)]
    refs += [m.group(1) for m in _IMPORT_RE.finditer(css)]
    return refs


def _url_value(m: re.Match) -> str:
    return next(g for g in m.groups() if g is not None)


def _split_decls(body: str) -> list[str]:
    """Split a declaration block on ';' outside quotes and parentheses."""
    decls: list[str] = []
    buf: list[str] = []
    depth, quote = 0, ""
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


class CssInliner:
    """Inlines the stylesheets of one page: each file an asset's CSS refers to becomes a data:
    URI (made once per file)."""

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
        if is_remote(ref):
            spec = self.table["css_urls"].get(norm_url(ref))
            if spec is None:
                raise AssetError(
                    f"no local copy of {ref} (referenced by {owner}); add it to css_urls in "
                    f"geo/data/assets.json and {NPM_CI_HINT}"
                )
            return source_file(spec, self.node_modules, ref).path
        rel_dir = base.parent.relative_to(root).as_posix()
        rel = posixpath.join(rel_dir, re.split(r"[?#]", ref, maxsplit=1)[0])
        path = safe_join(root, rel, ref)
        if not path.is_file():
            raise AssetError(f"no local copy of {ref} (referenced by {owner}): {path} is missing; {NPM_CI_HINT}")
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
        css = SOURCEMAP_RE.sub("", css)
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


def glyphicons_css(bootstrap3_css: str) -> str:
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
        raise AssetError("could not extract glyphicons from bootstrap3/dist/css/bootstrap.css; " + NPM_CI_HINT)
    return "\n".join(out)


_ASSET_STYLE_RE = re.compile(r'(<style data-asset="[^"]*">)(.*?)(</style>)', re.DOTALL)
_FAMILY_RE = re.compile(r"""font-family\s*:\s*(?:"([^"]*)"|'([^']*)'|([^;}]*))""", re.IGNORECASE)


def _face_family(face: str) -> str:
    m = _FAMILY_RE.search(face)
    return next((g for g in m.groups() if g is not None), "").strip() if m else ""


def prune_unused_font_faces(doc: str) -> str:
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

