"""The control claims made about names the gazetteer lacks, added to the names found
(``with_claims``): a name a claim is about is listed even when the finder did not list it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from ..mentions import Matcher
from ..model import PendingClaim, Report
from ..text import WHOLE, Sentence, name_key, sentences
from .forms import MIN_KEY
from .records import Unresolved
from .vocabulary import Cues, cues

Offsets = tuple[int, int]       # (start, end) of a name in the report


def with_claims(report: Report, found: list[Unresolved], pending: Sequence[PendingClaim], matcher: Matcher,
                not_forces: frozenset[str] = frozenset(), vocab_dir: Path | None = None) -> list[Unresolved]:
    """``found`` with the control claims made about names the gazetteer lacks (``pending``:
    geo.claims.PendingClaim, with the name's offsets). A name a claim is about that the finder did
    not list is listed too (cue "claim"), unless it is a skip word, a force or too short."""
    said: dict[Offsets, list[str]] = {}
    for p in pending:
        said.setdefault((p.start, p.end), []).append(f"{p.actor} {p.status} ({p.claimant_side})")
    covered: set[Offsets] = set()
    out = _claimed(found, said, covered)
    starts = _SentenceStarts(report.text)
    listable = _Listable(cues(vocab_dir), not_forces, matcher.gazetteer.index or {})
    for p in pending:
        if (p.start, p.end) in covered or not listable(p.name):
            continue
        covered.add((p.start, p.end))
        out.append(Unresolved(p.name, report.id, p.sentence, p.start, p.end, "claim",
                              tuple(sorted(set(said[(p.start, p.end)]))), starts.of(p)))
    return sorted(out, key=lambda u: u.start)


def _claimed(found: list[Unresolved], said: dict[Offsets, list[str]], covered: set[Offsets]) -> list[Unresolved]:
    """``found``, each with the claims made about a name overlapping it (added to ``covered``)."""
    out = []
    keys = sorted(said)                      # (start, end) of the names claims are about
    key_starts = [a for a, _ in keys]
    longest = max((b - a for a, b in keys), default=0)
    for u in found:
        # those overlapping the name start after u.start - longest and before u.end
        lo, hi = bisect_right(key_starts, u.start - longest), bisect_left(key_starts, u.end)
        over = [(a, b) for a, b in keys[lo:hi] if u.start < b]
        if over:
            covered.update(over)
            u = replace(u, claims=tuple(sorted({c for k in over for c in said[k]})))
        out.append(u)
    return out


class _Listable:
    """Can a name a claim is about be listed: not a skip word, a force, a gazetteer name, an
    organisation or a title, nor too short?"""

    def __init__(self, vocabulary: Cues, not_forces: frozenset[str], index: Mapping[str, str]):
        self.cues, self.not_forces, self.index = vocabulary, not_forces, index

    def __call__(self, name: str) -> bool:
        cues, key = self.cues, name_key(name)
        words = key.split()
        return not (len(key) < MIN_KEY or key in cues.skip or key in self.not_forces or key in self.index
                    or words[0] in cues.skip_words or words[0] in cues.openers or key in cues.stopwords
                    or any(w in cues.org_words or w in cues.titles for w in words))


class _SentenceStarts:
    """Where the sentence of a claim starts in the report, found once needed."""

    def __init__(self, text: str):
        self.text = text
        self.sents: tuple[Sentence, ...] | None = None
        self.starts: list[int] = []

    def of(self, p: PendingClaim) -> int:
        """Where the sentence of ``p`` (one of text.sentences) starts, or -1."""
        if len(p.sentence) <= WHOLE:
            return -1                 # (shown whole: not needed)
        if self.sents is None:
            self.sents = sentences(self.text)
            self.starts = [s.start for s in self.sents]
        k = bisect_right(self.starts, p.start) - 1
        return self.sents[k].start if k >= 0 and self.sents[k].text == p.sentence else -1
