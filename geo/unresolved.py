"""Names the gazetteer lacks: capitalised names in place-like contexts ("the town of X",
"X airbase", "in X province", "near X") that matched nothing, so a user knows what to add."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import vocab
from .mentions import Matcher, Mention
from .reports import Report
from .text import name_key, sentences

_NAME = r"(?:(?:al|el|ad|as|ash|ar|an|at|az|ad|deir|tal|tel|jabal|jebel|bab|ras|ain|ayn)[- ])?[A-Z][\w'’]+(?:[- ](?:(?:al|el|ad|as|ash|ar|an|at|az)[- ])?[A-Z][\w'’]+){0,3}"
_FEATURES = (r"airbase|air base|military airport|airport|province|governorate|district|countryside|"
             r"border crossing|crossing|dam|highway|suburb|neighbourhood|neighborhood|front|valley|mountains?")
_CONTEXTS = [
    re.compile(rf"\bthe (?:[a-z-]+ ){{0,2}}(?:town|city|village|district|province|governorate|region|area|"
               rf"suburb|neighbou?rhood|airbase|air base|port|countryside) of (?P<n>{_NAME})"),
    re.compile(rf"(?P<n>{_NAME}) (?:{_FEATURES})\b"),
    re.compile(rf"\b(?:in|near|around|outside|towards|toward|into|through|across|besieged|captured|seized|entered) (?P<n>{_NAME})"),
]


@dataclass(frozen=True)
class Unresolved:
    name: str
    article: str
    sentence: str


@lru_cache(maxsize=None)
def _skip_keys(vocab_dir: Path | None) -> frozenset[str]:
    """Keys of words that are never places (built once per vocabulary folder)."""
    return frozenset(name_key(w) for name in ("not_places.txt", "organisations.txt")
                     for w in vocab.lines(name, vocab_dir))


def find_unresolved(report: Report, mentions: list[Mention], matcher: Matcher,
                    vocab_dir: Path | None = None) -> list[Unresolved]:
    skip = _skip_keys(vocab_dir)
    spans = [(m.start, m.end) for m in mentions]
    out = []
    for s in sentences(report.text):
        for rx in _CONTEXTS:
            for m in rx.finditer(s.text):
                a, b = s.start + m.start("n"), s.start + m.end("n")
                name = m.group("n").strip()
                key = name_key(name)
                words = key.split()
                if (key in matcher.gazetteer.index or any(w in skip for w in words[:1]) or key in skip
                        or any(not (b <= x or a >= y) for x, y in spans) or len(key) < 3):
                    continue
                out.append(Unresolved(name, report.id, s.text))
    return out


def summarise(items: list[Unresolved]) -> list[tuple[str, int, int, str, str]]:
    """(name, mentions, articles, example article, example sentence), most frequent first."""
    by: dict[str, list[Unresolved]] = {}
    for u in items:
        by.setdefault(name_key(u.name), []).append(u)
    rows = []
    for key, us in by.items():
        us = sorted(us, key=lambda u: (u.article, u.sentence))
        rows.append((us[0].name, len(us), len({u.article for u in us}), us[0].article, us[0].sentence))
    return sorted(rows, key=lambda r: (-r[1], r[0]))
