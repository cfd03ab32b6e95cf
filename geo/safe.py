"""The one place where text from reports and the gazetteer is made safe for the map page.

Every string that came from a report or the gazetteer passes through ``esc`` before it becomes
part of HTML. Beyond HTML escaping, the characters that mean something to JavaScript template
literals (backslash, backtick, ``$``) and to folium's Jinja templates (``{``, ``}``) become
character references, so a report can neither run script in the reader's browser nor run code
on the machine that builds the map.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

_EXTRA = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"})


def esc(value: object) -> str:
    """``value`` as inert HTML text: safe in element content, attribute values and JS literals."""
    return html.escape(str(value), quote=True).translate(_EXTRA)


def mark(text: str, spans: Iterable[tuple[int, int]], css_class: str = "hl") -> str:
    """``text`` escaped, with each (start, end) span wrapped in ``<mark>``; overlaps are skipped."""
    parts, pos = [], 0
    for a, b in sorted(spans):
        a, b = max(a, 0), min(b, len(text))
        if a < pos or b <= a:
            continue
        parts.append(esc(text[pos:a]))
        parts.append(f'<mark class="{css_class}">{esc(text[a:b])}</mark>')
        pos = b
    parts.append(esc(text[pos:]))
    return "".join(parts)


def web_url(url: str) -> str | None:
    """The URL escaped for an ``href`` if its scheme is http or https, else None."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return esc(url)


@lru_cache(maxsize=65536)
def file_link(target: Path, from_dir: Path) -> str:
    """A relative, percent-encoded, escaped link from ``from_dir`` to ``target`` (memoised: one
    report is linked from every place it names)."""
    rel = os.path.relpath(Path(target).resolve(), Path(from_dir).resolve())
    return esc(quote(Path(rel).as_posix()))
