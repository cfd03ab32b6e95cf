"""The matcher's names kept between builds, so that only its automaton is built again.

For a gazetteer of millions of names, computing the matcher's names (``MatcherNames.of``: every
name key folded to its word key, the names with marks at their edges sorted out) takes longer
than building the automaton from them, and the automaton cannot be pickled (nor should it be: a
cache must never run code). So the names are kept in the plain format of ``gazetteer.store``
beside the gazetteer cache, under a key of the gazetteer's sha256, the vocabulary files and the
code, and ``Matcher(gaz, vocab_dir, names=...)`` builds the automaton from them: the same
matcher ``Matcher(gaz, vocab_dir)`` makes (tests/test_gazetteer_cache.py). A kept file that does
not fit the gazetteer (counts, rows, ids) is a miss, and the names are computed again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import numpy as np

from ..fingerprint import add_files
from ..gazetteer import Gazetteer, store
from ..provenance import vocab_paths
from .big_names import ORG_ROW, RowValues, names_of
from .matcher import Matcher
from .names import ORG, Edged, MatcherNames
from .rules import Rules

log = logging.getLogger(__name__)

FORMAT = 2
SUFFIX = ".matcher"


def matcher_key(gaz: Gazetteer, vocab_dir: Path | None) -> str:
    """The key of a matcher's names: the gazetteer's bytes, every vocabulary file, the code."""
    h = hashlib.sha256()
    for part in (f"matcher {FORMAT}", gaz.sha256, store.code_fingerprint()):
        h.update(part.encode() + b"\0")
    add_files(h, vocab_paths(vocab_dir))
    return h.hexdigest()


def build_matcher(gaz: Gazetteer, vocab_dir: Path | None, cache: Path | None, rules: Rules | None = None) -> Matcher:
    """The gazetteer's matcher; with ``cache`` (a folder), its names read from there or kept
    there. ``rules``: ``Rules(gaz, vocab_dir)`` if already made."""
    if cache is None:
        return Matcher(gaz, vocab_dir, rules=rules)
    key = matcher_key(gaz, vocab_dir)
    path = Path(cache) / f"{key}{SUFFIX}"
    with store.no_gc():
        names = _read(path, key, gaz)
        if names is None:
            names = names_of(gaz, vocab_dir)
            _write(path, key, names, gaz)
        return Matcher(gaz, vocab_dir, names=names, rules=rules)


def _write(path: Path, key: str, names: MatcherNames, gaz: Gazetteer) -> None:
    if isinstance(names.values, RowValues):         # already rows of the gazetteer's ids
        rows = names.values.rows
    else:
        row = {eid: i for i, eid in enumerate(gaz.entries)}
        rows = np.fromiter((ORG_ROW if v == ORG else row[v] for v in names.values), np.int32, len(names.values))
    sections = (
        ("words", names.words),
        ("rows", rows),
        ("edges", json.dumps([[n, [list(v) for v in e.variants], e.plain] for n, e in names.edges.items()],
                             ensure_ascii=False).encode("utf-8", "surrogatepass")),
    )
    try:
        store.write(path, key, {"count": len(names.values)}, sections)
        store.prune(path.parent, SUFFIX, path.name)
    except OSError as e:
        log.debug("the matcher's names are not kept in %s (%s)", path.parent, e.strerror)


def _read(path: Path, key: str, gaz: Gazetteer) -> MatcherNames | None:
    """The names kept at ``path``, checked against the gazetteer, or None."""
    try:
        found = store.read(path, key)
    except OSError:
        return None
    if found is None:
        return None
    meta, sections = found
    count, rows, words = meta.get("count"), sections.get("rows"), sections.get("words")
    ids = list(gaz.entries)
    if (type(count) is not int or not isinstance(rows, np.ndarray) or rows.dtype != np.int32 or len(rows) != count
            or not isinstance(words, bytes) or words.count(b"\0") != max(count - 1, 0)
            or (count and (rows.min() < -1 or rows.max() >= len(ids)))
            or (count and (b"\0\0" in words or words.startswith(b"\0") or words.endswith(b"\0") or not words))):
        return None
    edges = _edges(sections.get("edges"), count, gaz)
    if edges is None:
        return None
    return MatcherNames(words, RowValues(rows, ids), edges)     # no list of millions of references


def _edges(blob: object, count: int, gaz: Gazetteer) -> dict[int, Edged] | None:
    """The kept ``Edged`` names, or None unless each is a position below ``count`` with
    variants (three strings, the last an entry id) and a plain entry id or null."""
    if not isinstance(blob, bytes):
        return None
    try:
        items = json.loads(blob.decode("utf-8", "surrogatepass"))
        edges = {n: Edged([(lead, tail, eid) for lead, tail, eid in variants], plain)
                 for n, variants, plain in items}
    except (ValueError, TypeError):
        return None
    entries = gaz.entries

    def known(eid: object) -> bool:
        return isinstance(eid, str) and (eid == ORG or eid in entries)

    for n, e in edges.items():
        if not (type(n) is int and 0 <= n < count and (e.plain is None or known(e.plain))
                and all(isinstance(x, str) for v in e.variants for x in v) and all(known(v[2]) for v in e.variants)):
            return None
    return edges
