"""Denials: a phrase that a denial governs ("denied reports that the rebels had taken X"), or
that a report noun introduces and a denial follows ("talk of a withdrawal from X is fake news")."""

from __future__ import annotations

from .grammar import Grammar, past_insertion
from .words import Words, ends_with, starts_with

DENIAL_REACH = 60       # words between a denial and the phrase it governs (a page with no full stop stays linear)
REPORT_NOUN_REACH = 6   # words from a report noun to the "that" or "of" of what it reports
INSERTION_WORDS = 6     # words of an insertion between a copula and its denial ("is, in its words, fake news")
# what joins a report noun to what it reports ("reports that", "a statement by rebels announcing")
REPORT_LINKS = frozenset({"that", "of", "about", "regarding", "concerning", "announcing", "claiming", "saying"})
NAMING_VERBS = frozenset({"calls", "called", "calling", "call", "branded", "brands", "branding", "labelled", "labeled"})


class DenialReader(Grammar):
    """Whether a status phrase is denied."""

    def denied(self, toks: Words, i: int) -> bool:
        """The phrase at token ``i`` sits in what a denial governs ("denied reports that the
        rebels had taken X", "dismissed rumours of a withdrawal from X"): a denial word before
        it in the sentence with no semicolon between, at most ``DENIAL_REACH`` words back."""
        for k in range(i - 1, max(-1, i - 1 - DENIAL_REACH), -1):
            t = toks[k]
            if t.word == ";" or (t.word in self.verbs and t.word not in self.denials and k > 0
                                 and toks[k - 1].word in (",", "and")):
                break   # a new statement (", stressing that", "and said") ends the denial
            if t.word in self.denials or (t.word in self.denial_ends
                                           and any(ends_with(toks, k, p) for p in self.denial_phrases)):
                return True
        return self._denied_after(toks, i)

    def read_denials_after(self, report_nouns: list[str], denied_after: list[str]) -> None:
        self.report_nouns = frozenset(report_nouns)
        self.denied_after = [tuple(d.split()) for d in denied_after]

    def _denied_after(self, toks: Words, i: int) -> bool:
        """"Reports that the army has left X are false": a report noun + "that"/"of"/"about" before the
        phrase at token ``i``, and after it a copula and a denial, with no semicolon between."""
        k, lo = i - 1, max(0, i - DENIAL_REACH)
        while k >= lo and toks[k].word != ";":   # "reports (circulated by the media) that"
            if toks[k].word in REPORT_LINKS and any(t.word in self.report_nouns for t in toks[max(0, k - REPORT_NOUN_REACH):k]):
                break
            k -= 1
        else:
            return False
        if k < lo:
            return False
        # "calls reports that X ... 'lies'": a verb naming the report, and the denial after it
        naming = any(t.word in NAMING_VERBS for t in toks[max(0, k - REPORT_NOUN_REACH - 2):k])
        for j in range(i + 1, min(len(toks), i + 1 + DENIAL_REACH)):
            if toks[j].word == ";":
                return False
            if any(starts_with(toks, j, p) for p in self.denied_after if naming or len(p) >= 2):
                return True   # ("calls reports that X 'lies'"; "reports that X could not be confirmed")
            if toks[j].word in ("is", "are", "was", "were", "be", "been"):
                m = past_insertion(toks, j + 1, INSERTION_WORDS)
                # "are false", "are completely false"; only the first copula ("... are accurate, but ... are false")
                return any(starts_with(toks, m + skip, p) for p in self.denied_after for skip in (0, 1))
        return False
