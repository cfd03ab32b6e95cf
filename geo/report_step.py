"""The per-report step: one report -> its mentions, its claims and the names the gazetteer lacks.

``process_report`` is the one function every executor runs (one process, a process pool or
Dask, ``geo.parallel``); it reads nothing but the report and the ``Engine`` built once per
process from the gazetteer and the vocabulary.
"""

from __future__ import annotations

import logging
import resource
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from .claims import ClaimVocabulary, extract_claims
from .gazetteer import Gazetteer
from .mentions import Matcher, find_mentions
from .mentions.matcher_cache import build_matcher
from .mentions.rules import Rules
from .model import Claim, Mention, PendingClaim, Report
from .unresolved import Unresolved, find_unresolved, with_claims

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """What the per-report step reads besides the report: the gazetteer, its matcher and the
    claim vocabulary. Created with a ``cache`` folder (a build), only the matcher's rules are
    made at once (they check their vocabulary files); its names and automaton are made when a
    report is first read (a rebuild whose reports are all in the per-report cache needs none),
    the names kept in that folder between builds (``mentions.matcher_cache``)."""
    gazetteer: Gazetteer
    claims: ClaimVocabulary
    vocab_dir: Path | None
    cache: Path | None = None
    _matcher: Matcher | None = field(default=None, repr=False)
    _rules: Rules | None = field(default=None, repr=False)

    @classmethod
    def create(cls, gazetteer: Gazetteer, vocab_dir: Path | None = None, cache: Path | None = None) -> Engine:
        engine = cls(gazetteer, ClaimVocabulary(vocab_dir), vocab_dir, cache)
        if cache is None:
            engine._matcher = Matcher(gazetteer, vocab_dir)
        else:
            engine._rules = Rules(gazetteer, vocab_dir)
        return engine

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            start = time.perf_counter()
            self._matcher = build_matcher(self.gazetteer, self.vocab_dir, self.cache, self._rules)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            log.info("made the matcher (%.2f s, peak %.0f MB)", time.perf_counter() - start, peak_mb)
        return self._matcher

    def prepare(self) -> None:
        """Make now all that the per-report step makes from the gazetteer at its first use (the
        matcher, the index, the parents, every entry's names, the roads): worker processes forked
        after this share it instead of each making its own."""
        gaz = self.gazetteer
        _ = gaz.index, gaz.parents
        self.matcher.rules.prepare()

    @property
    def not_forces(self) -> frozenset[str]:
        return self.claims.not_forces()


class ReportResult(NamedTuple):
    """What the per-report step found in one report."""
    mentions: list[Mention]
    claims: list[Claim]
    unresolved: list[Unresolved]     # names the gazetteer lacks, with the claims made about them


PIECE_CHARS = 1_000_000   # a longer report is read in pieces of about this size, cut at a paragraph end


def pieces(report: Report) -> list[tuple[int, Report]]:
    """(offset, piece) of a report: itself when it is short; else pieces of about ``PIECE_CHARS``
    characters cut at a paragraph end (a line end, a sentence end or a space where it has none), so
    that a huge report is read in linear time and memory and its pieces on several cores. What
    a sentence says about the one before ("they", "the city") is not carried across a cut."""
    text = report.text
    if len(text) <= PIECE_CHARS * 3 // 2:
        return [(0, report)]
    out, a = [], 0
    while a < len(text):
        b = len(text) if len(text) - a <= PIECE_CHARS * 3 // 2 else _paragraph_end(text, a + PIECE_CHARS)
        out.append((a, replace(report, text=text[a:b])))
        a = b
    return out


def _paragraph_end(text: str, at: int) -> int:
    """A cut near ``at`` (within the half piece before it): after a blank line, a line end, a
    sentence end or a space, the first found."""
    lo = at - PIECE_CHARS // 2
    for mark in ("\n\n", "\n", ". ", " "):
        k = text.rfind(mark, lo, at)
        if k >= 0:
            return k + len(mark)
    return at


def merged(parts: list[ReportResult]) -> ReportResult:
    """One report's result from its pieces' results (offsets already into the whole text,
    ``process_piece``): a claim made in two pieces kept once (as one report makes it once)."""
    if len(parts) == 1:
        return parts[0]
    out = ReportResult([], [], [])
    seen: set[tuple[str, str, str, str]] = set()
    for res in parts:
        out.mentions.extend(res.mentions)
        for c in res.claims:
            key = (c.place_id, c.actor, c.status, c.claimant_side)
            if key not in seen:
                seen.add(key)
                out.claims.append(c)
        out.unresolved.extend(res.unresolved)
    return out


def _shifted(res: ReportResult, off: int) -> ReportResult:
    """A piece's result with offsets into the whole report (the piece starts at ``off``)."""
    if not off:
        return res
    return ReportResult(
        [Mention(m.article, m.place_id, m.surface, m.start + off, m.end + off, m.sentence, m.sentence_start + off,
                 m.role, m.via) for m in res.mentions],
        [replace(c, start=c.start + off) for c in res.claims],
        [replace(u, start=u.start + off, end=u.end + off,
                 sentence_start=u.sentence_start + off if u.sentence_start >= 0 else -1) for u in res.unresolved])


def process_report(report: Report, engine: Engine) -> ReportResult:
    """Mentions, claims and names the gazetteer lacks of one report (read piece by piece when it
    is huge, ``pieces``)."""
    return merged([process_piece(piece, engine, off) for off, piece in pieces(report)])


def process_piece(report: Report, engine: Engine, offset: int = 0) -> ReportResult:
    """What ``process_report`` finds in one piece of a report that starts at ``offset`` in it
    (offsets in the result are into the whole report)."""
    found = find_mentions(report, engine.matcher)
    pending: list[PendingClaim] = []   # claims about names the gazetteer lacks, kept for unresolved.csv
    claims = extract_claims(report, found, engine.claims, engine.gazetteer, pending)
    unresolved = with_claims(report, find_unresolved(report, found, engine.matcher, engine.vocab_dir),
                             pending, engine.matcher, engine.not_forces, engine.vocab_dir)
    return _shifted(ReportResult(found, claims, unresolved), offset)
