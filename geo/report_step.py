"""The per-report step: one report -> its mentions, its claims and the names the gazetteer lacks.

``process_report`` is the one function every executor runs (one process, a process pool or
Dask, ``geo.parallel``); it reads nothing but the report and the ``Engine`` built once per
process from the gazetteer and the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .claims import ClaimVocabulary, extract_claims
from .gazetteer import Gazetteer
from .mentions import Matcher, find_mentions
from .model import Claim, Mention, PendingClaim, Report
from .unresolved import Unresolved, find_unresolved, with_claims


@dataclass
class Engine:
    gazetteer: Gazetteer
    matcher: Matcher
    claims: ClaimVocabulary
    vocab_dir: Path | None

    @classmethod
    def create(cls, gazetteer: Gazetteer, vocab_dir: Path | None = None) -> Engine:
        return cls(gazetteer, Matcher(gazetteer, vocab_dir), ClaimVocabulary(vocab_dir), vocab_dir)

    @property
    def not_forces(self) -> frozenset[str]:
        return self.claims.not_forces()


class ReportResult(NamedTuple):
    """What the per-report step found in one report."""
    mentions: list[Mention]
    claims: list[Claim]
    unresolved: list[Unresolved]     # names the gazetteer lacks, with the claims made about them


def process_report(report: Report, engine: Engine) -> ReportResult:
    found = find_mentions(report, engine.matcher)
    pending: list[PendingClaim] = []   # claims about names the gazetteer lacks, kept for unresolved.csv
    claims = extract_claims(report, found, engine.claims, engine.gazetteer, pending)
    unresolved = with_claims(report, find_unresolved(report, found, engine.matcher, engine.vocab_dir),
                             pending, engine.matcher, engine.not_forces, engine.vocab_dir)
    return ReportResult(found, claims, unresolved)
