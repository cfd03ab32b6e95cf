"""Folium's rendered HTML made self-contained: each remote ``<script src>`` and stylesheet
``<link>`` replaced by an inline ``<script>`` / ``<style>`` block read from ``node_modules``
(or generated), so no request leaves the page."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import AssetError
from .css import SOURCEMAP_RE, CssInliner, awesome_rotate_css, css_refs, glyphicons_css, prune_unused_font_faces
from .scan import scan
from .table import (
    ASSETS_JSON,
    DEFAULT_NODE_MODULES,
    NPM_CI_HINT,
    asset_label,
    is_remote,
    load_asset_table,
    norm_url,
    safe_join,
    source_file,
)


def remote_asset_urls(html: str) -> list[str]:
    """Remote URLs the page would fetch: script src, link href, url()/@import in inline styles."""
    urls: list[str] = []
    for tag in scan(html):
        if tag.kind == "style":
            urls.extend(u for u in css_refs(tag.match.group("body")) if is_remote(u))
        elif is_remote(tag.url):
            urls.append(tag.url)
    return urls


def missing_assets(html: str, node_modules: Path | str = DEFAULT_NODE_MODULES) -> list[str]:
    """Remote asset URLs in ``html`` with no usable local copy (unknown URL or not installed)."""
    table = load_asset_table()
    missing = []
    for url in remote_asset_urls(html):
        spec = table["assets"].get(norm_url(url))
        try:
            if spec is None:
                raise AssetError(url)
            if "generated" not in spec or "npm" in spec:
                source_file(spec, Path(node_modules), url)
        except AssetError:
            if url not in missing:
                missing.append(url)
    return missing


def _script_body(js: str) -> str:
    js = SOURCEMAP_RE.sub("", js)
    # `</script` would end the <script> element early. `<\/` means the same in JS strings,
    # regular expressions, comments and template literals.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    if "<!--" in js and re.search(r"<script", js, re.IGNORECASE):
        # `<!--` followed by `<script` switches the HTML parser into the "double escaped"
        # state, in which `</script>` no longer closes the element. No pinned library does
        # this; refuse rather than emit a page that swallows itself.
        raise AssetError("inlined script contains '<!--' and '<script'; cannot inline it safely")
    return js


def _icon_default_fix(spec: Mapping[str, Any], root: Path, url: str, css: CssInliner) -> str:
    opts = {}
    for key in sorted(spec["icon_default"]):
        path = safe_join(root, spec["icon_default"][key], url)
        if not path.is_file():
            raise AssetError(f"no local copy of {path} for {url}; {NPM_CI_HINT}")
        opts[key] = css.data_uri(path, str(path))
    return (
        "\n;(function(){/* geo.offline: leaflet.css now holds data: URIs, from which "
        "L.Icon.Default cannot derive its image folder */"
        "L.Icon.Default.imagePath='';"
        f"L.Icon.Default.mergeOptions({json.dumps(opts, sort_keys=True)});}})();"
    )



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
    css = CssInliner(table, node_modules)
    seen: set[str] = set()
    out: list[str] = []
    pos = 0
    for tag in scan(html):
        m, kind, url = tag.match, tag.kind, tag.url
        if kind == "style":
            remote = [u for u in css_refs(m.group("body")) if is_remote(u)]
            if remote:
                raise AssetError(f"no local copy of {remote[0]} (in an inline <style>); {NPM_CI_HINT}")
            continue
        if not is_remote(url):
            continue
        if kind == "link":
            raise AssetError(f"no local copy of {url} (<link> that is not a stylesheet)")
        spec = table["assets"].get(norm_url(url))
        if spec is None:
            raise AssetError(
                f"no local copy of {url}: not in geo/data/assets.json; add its npm package to "
                f"package.json and the URL to the table, then {NPM_CI_HINT}"
            )
        out.append(html[pos : m.start()])
        pos = m.end()
        label = asset_label(spec)
        if label in seen:  # e.g. jQuery from two CDNs: load it once
            out.append(f"<!-- {label}: inlined above -->")
            continue
        seen.add(label)
        out.append(_render_asset(kind, url, spec, label, node_modules, css, html))
    out.append(html[pos:])
    doc = "".join(out)
    return prune_unused_font_faces(doc) if drop_unused_fonts else doc


def _render_asset(kind: str, url: str, spec: Mapping[str, Any], label: str, node_modules: Path, css: CssInliner,
                  html: str) -> str:
    """The inline block that replaces one asset tag (a script, a stylesheet, or a comment saying
    why there is none)."""
    generated = spec.get("generated")
    if generated == "awesome_rotate":
        return f'<style data-asset="{label}">{awesome_rotate_css()}</style>'
    if generated == "glyphicons":
        marker = spec.get("drop_unless_page_contains")
        if marker and marker not in html.replace(url, ""):
            return f"<!-- {label}: unused on this page, dropped -->"
        root, path = source_file(spec, node_modules, url)
        text = glyphicons_css(path.read_text(encoding="utf-8"))
        return f'<style data-asset="{label}">{css.inline(text, path, root, url)}</style>'
    if generated:
        raise AssetError(f"unknown generated asset {generated!r} for {url}")
    root, path = source_file(spec, node_modules, url)
    text = path.read_text(encoding="utf-8")
    if kind == "script":
        body = _script_body(text)
        if "icon_default" in spec:
            body += _icon_default_fix(spec, root, url, css)
        return f'<script data-asset="{label}">{body}</script>'
    return f'<style data-asset="{label}">{css.inline(text, path, root, url)}</style>'
