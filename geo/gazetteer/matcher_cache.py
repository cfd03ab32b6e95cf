"""The matcher's names kept between builds, so that only its automaton is built again.

``mentions.Matcher(gaz)`` turns every name key of the gazetteer into a word key, sorts out the
names with marks at their edges, and builds an Aho-Corasick automaton over the word keys. For a
dump of millions of names the first part takes longer than the automaton, and the automaton
cannot be pickled (nor should it be: a cache must never run code). So this keeps the first
part's result, the word keys in order with the entry (or organisation) each stands for and the
edge variants, in the plain format of ``store`` beside the gazetteer cache, under a key of the
gazetteer's sha256, the vocabulary files and the code; the automaton is rebuilt from the kept
pattern list (``Names.matcher``), exactly as ``Matcher.__init__`` builds it.

This reaches into ``mentions.matcher``'s private parts (``_name_keys``, ``_by_word_key``,
``_Edged``, ``_NFA``, the attributes ``__init__`` sets); when they are not there the matcher is
built the ordinary way, and tests/test_gazetteer_cache.py checks that a matcher made here
finds what ``Matcher(gaz)`` finds.
"""

from __future__ import annotations

import dis
import functools
import hashlib
import json
import logging
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs
import numpy as np

from ..mentions import matcher as matcher_mod
from ..mentions.matcher import ORG, Matcher
from ..mentions.rules import Rules
from ..provenance import vocab_paths
from . import store
from .index import Gazetteer

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".matcher"
CHUNK = 1_000_000
_ASSEMBLY = ("gazetteer", "_values", "_edges", "_automaton", "rules")   # what Matcher.__init__ sets

Edge = tuple[list[tuple[str, str, str]], str | None]   # variants (lead, tail, id), the plain id


def matcher_key(gaz: Gazetteer, vocab_dir: Path | None) -> str:
    h = hashlib.sha256()
    for part in (f"matcher {FORMAT}", gaz.sha256, store.code_fingerprint()):
        h.update(part.encode() + b"\0")
    for p in sorted(vocab_paths(vocab_dir), key=lambda p: p.name):
        h.update(p.name.encode() + b"\0")
        try:
            h.update(hashlib.sha256(p.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()


class Names(NamedTuple):
    """What the automaton is built over, in order: each word key, the entry id (or ``ORG``) it
    stands for, and the edge variants by position."""
    words: bytes                 # the word keys, NUL-separated UTF-8
    values: list[str]
    edges: dict[int, Edge]

    @classmethod
    def of(cls, gaz: Gazetteer, vocab_dir: Path | None) -> Names | None:
        """Computed as ``Matcher.__init__`` does; None when a word key cannot be kept apart."""
        keys = matcher_mod._by_word_key(matcher_mod._name_keys(gaz, vocab_dir))
        edges = {n: (sorted(((lead, tail, eid) for (lead, tail), eid in keys.edge_sets[k].items()),
                            key=lambda e: (-len(e[0]) - len(e[1]), e)), keys.plain.get(k))
                 for n, k in enumerate(keys.values) if k in keys.edge_sets}
        try:
            words = store.joined(list(keys.values))
        except UnicodeEncodeError:
            words = None
        return None if words is None else cls(words, list(keys.values.values()), edges)

    def matcher(self, gaz: Gazetteer, rules: Rules) -> Matcher:
        """The matcher ``Matcher(gaz, vocab_dir)`` would be, its automaton built from the words;
        ``rules`` are ``Rules(gaz, vocab_dir)``."""
        m = Matcher.__new__(Matcher)
        m.gazetteer = gaz
        m._values = self.values
        m._edges = {n: matcher_mod._Edged(variants, plain) for n, (variants, plain) in self.edges.items()}
        patterns = (b" " + self.words.replace(b"\0", b" \0 ") + b" ").split(b"\0") if self.values else []
        m._automaton = ahocorasick_rs.BytesAhoCorasick(patterns, implementation=matcher_mod._NFA)
        m.rules = rules
        return m

    def sections(self, gaz: Gazetteer):
        row = {eid: i for i, eid in enumerate(gaz.entries)}
        yield "words", self.words
        yield "rows", np.fromiter((-1 if v == ORG else row[v] for v in self.values), np.int32, len(self.values))
        yield "edges", json.dumps([[n, variants, plain] for n, (variants, plain) in self.edges.items()],
                                  ensure_ascii=False).encode("utf-8")


def _read(path: Path, key: str, gaz: Gazetteer) -> Names | None:
    """The names kept at ``path`` (checked against the gazetteer), or None."""
    try:
        found = store.read(path, key)
    except OSError:
        return None
    if found is None:
        return None
    meta, sections = found
    count, rows, words, edges = meta.get("count"), sections.get("rows"), sections.get("words"), sections.get("edges")
    ids = list(gaz.entries)
    if (type(count) is not int or not isinstance(rows, np.ndarray) or rows.dtype != np.int32 or len(rows) != count
            or not isinstance(words, bytes) or not isinstance(edges, bytes) or words.count(b"\0") != max(count - 1, 0)
            or (count and (rows.min() < -1 or rows.max() >= len(ids)))):
        return None
    try:
        items = json.loads(edges.decode("utf-8"))
        kept = {n: ([(a, b, c) for a, b, c in variants], plain) for n, variants, plain in items}
    except (ValueError, TypeError):
        return None
    if not all(type(n) is int and 0 <= n < count and all(isinstance(x, str) for v in vs for x in v)
               and (p is None or isinstance(p, str)) for n, (vs, p) in kept.items()):
        return None
    values: list[str] = []
    for a in range(0, count, CHUNK):                    # a chunk at a time: no list of millions of ints
        values.extend([ids[r] if r >= 0 else ORG for r in rows[a:a + CHUNK].tolist()])
    return Names(words, values, kept)


@functools.cache
def _fits() -> bool:
    """Whether ``Matcher`` is still made of the parts this module assembles: the helpers exist
    and ``__init__`` sets exactly the attributes ``Names.matcher`` sets."""
    stored = {i.argval for i in dis.get_instructions(Matcher.__init__) if i.opname == "STORE_ATTR"}
    return stored == set(_ASSEMBLY) and all(hasattr(matcher_mod, n) for n in ("_name_keys", "_by_word_key",
                                                                               "_Edged", "_NFA"))


def build_matcher(gaz: Gazetteer, vocab_dir: Path | None, cache: Path | None, rules: Rules | None = None) -> Matcher:
    """The gazetteer's matcher; with ``cache``, its names read from there or kept there.
    ``rules``: ``Rules(gaz, vocab_dir)`` if already made."""
    if cache is None or not _fits():
        return Matcher(gaz, vocab_dir)
    key = matcher_key(gaz, vocab_dir)
    path = Path(cache) / f"{key}{SUFFIX}"
    with store.no_gc():
        names = _read(path, key, gaz)
        if names is None:
            names = Names.of(gaz, vocab_dir)
            if names is None:
                return Matcher(gaz, vocab_dir)
            try:
                store.write(path, key, {"count": len(names.values)}, names.sections(gaz))
                store.prune(path.parent, SUFFIX, path.name)
            except OSError as e:
                log.debug("the matcher's names are not kept in %s (%s)", cache, e.strerror)
        return names.matcher(gaz, rules if rules is not None else Rules(gaz, vocab_dir))
