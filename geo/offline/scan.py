"""Finding the asset tags in folium's rendered HTML: ``<script src>``, ``<link>`` and inline
``<style>``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

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


def _attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR_RE.finditer(text):
        name = m.group(1).lower()
        if name not in out:
            value = next((g for g in m.group(2, 3, 4) if g is not None), "")
            out[name] = value
    return out


class AssetTag(NamedTuple):
    match: re.Match        # the whole tag (for a style: with its body, group "body")
    kind: str              # "script" | "css" (a stylesheet link) | "link" (another link) | "style"
    url: str               # src or href; "" for an inline style


def scan(html: str) -> Iterator[AssetTag]:
    """Every asset-ish tag of ``html``, in order."""
    for m in _TOKEN_RE.finditer(html):
        if m.group("raw"):
            tag = m.group("raw").lower()
            attrs = _attrs(m.group("rawattrs"))
            if tag == "script" and "src" in attrs:
                yield AssetTag(m, "script", attrs["src"])
            elif tag == "style":
                yield AssetTag(m, "style", "")
        elif m.group("linkattrs") is not None:
            attrs = _attrs(m.group("linkattrs"))
            href = attrs.get("href")
            if href is None:
                continue
            rels = attrs.get("rel", "").lower().split()
            yield AssetTag(m, "css" if "stylesheet" in rels else "link", href)

