"""Status patterns as regular expressions: word lists compiled to one alternation, and the literal
texts a pattern's matches start with or contain (to skip patterns a sentence cannot match)."""

from __future__ import annotations

import re

import ahocorasick_rs

from ..text import name_key

# More literal prefixes than this for one pattern: treated as having none (it runs everywhere).
MAX_PREFIXES = 64
# A literal shorter than this selects too many sentences to be worth looking for.
MIN_LITERAL = 2


def rx_words(words) -> str:
    """One alternation of the name keys of ``words``, the longest first."""
    keys = sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


WORD_START = "(?<![a-z0-9])"   # how a pattern of whole words opens: no match starts inside a word
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def wb(pattern: str) -> re.Pattern:
    """``pattern`` as whole words of a folded text."""
    return re.compile(rf"{WORD_START}(?:{pattern})(?![a-z0-9])")


def literal_prefixes(rx: re.Pattern, limit: int = MAX_PREFIXES, parsed=None) -> list[str]:
    """Literal texts one of which every match of ``rx`` starts with ([] when there is no
    bound: the pattern must run on every sentence).

    Lets a sentence skip a pattern whose prefixes it does not contain: exact, and much cheaper
    than running ~200 status patterns over every sentence. Alternations and optional groups
    give several prefixes ("(?:had )?not able" -> "had not able", "not able"). ``parsed``: the
    pattern as ``re._parser.parse`` reads it, when already parsed."""
    import re._constants as sre_c
    import re._parser as sre_p

    if rx.flags & re.IGNORECASE:
        return []

    def expand(items, prefixes: list[str]) -> tuple[list[str], bool]:
        """Extend each prefix along ``items``; the flag says whether all of ``items`` was literal."""
        run = ""   # the literal characters read since the last other item (added to the prefixes at once)
        for op, av in items:
            if op is sre_c.LITERAL:
                run += chr(av)
                continue
            if run:
                prefixes, run = [p + run for p in prefixes], ""
            if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
                continue  # zero-width
            elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
                prefixes, whole = expand(av[3], prefixes)
                if not whole:
                    return prefixes, False
            elif op is sre_c.BRANCH:
                out: list[str] = []
                whole = True
                for branch in av[1]:
                    got, w = expand(branch, prefixes)
                    out += got
                    whole = whole and w
                    if len(out) > limit:   # (more branches only add to them)
                        return prefixes, False
                prefixes = out
                if not whole:
                    return prefixes, False
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
                got, w = expand(av[2], prefixes)   # optional: with it or without it
                if not w or len(got) + len(prefixes) > limit:
                    return prefixes, False
                prefixes = got + prefixes
            else:
                return prefixes, False
        if run:
            prefixes = [p + run for p in prefixes]
        return prefixes, True

    prefixes, _ = expand(sre_p.parse(rx.pattern) if parsed is None else parsed, [""])
    if any(len(p) < MIN_LITERAL for p in prefixes):
        return []
    return sorted(set(prefixes))


def required_literals(rx: re.Pattern, parsed=None) -> list[str]:
    """Literal texts one of which every match of ``rx`` contains somewhere ([] when none of at
    least two characters is found): lets a pattern with no literal prefix skip a sentence.
    ``parsed`` as for ``literal_prefixes``."""
    import re._constants as sre_c
    import re._parser as sre_p

    def literal(items) -> str | None:
        out = []
        for op, av in items:
            if op is sre_c.LITERAL:
                out.append(chr(av))
            elif op is sre_c.SUBPATTERN and not av[2]:
                inner = literal(av[3])
                if inner is None:
                    return None
                out.append(inner)
            else:
                return None
        return "".join(out)

    best: list[str] = []

    def consider(options: list[str]) -> None:
        nonlocal best
        if options and min(map(len, options)) >= MIN_LITERAL and (not best or min(map(len, options)) > min(map(len, best))):
            best = options

    def walk(items) -> None:
        run: list[str] = []
        for op, av in items:
            if op is sre_c.LITERAL:
                run.append(chr(av))
                continue
            consider(["".join(run)])
            run = []
            if op is sre_c.SUBPATTERN and not av[2]:
                walk(av[3])
            elif op is sre_c.BRANCH:
                options = [literal(b) for b in av[1]]
                known = [o for o in options if o is not None]
                if len(known) == len(options):
                    consider(known)
        consider(["".join(run)])

    if rx.flags & re.IGNORECASE:
        return []
    walk(sre_p.parse(rx.pattern) if parsed is None else parsed)
    return best


def literals(rx: re.Pattern, limit: int = MAX_PREFIXES) -> tuple[list[str], list[str]]:
    """``literal_prefixes(rx, limit)`` and ``required_literals(rx)``, the pattern parsed once for both."""
    import re._parser as sre_p

    parsed = sre_p.parse(rx.pattern)
    return literal_prefixes(rx, limit, parsed), required_literals(rx, parsed)


def literal_prefix(rx: re.Pattern) -> str:
    """The one literal text every match of ``rx`` starts with ("" when there is none)."""
    import os.path
    return os.path.commonprefix(literal_prefixes(rx))


# More literal starts than this for a pattern that runs on every sentence (``LiteralIndex``):
# it is searched only for the literals it needs somewhere.
MAX_STARTS = 1000


class LiteralIndex:
    """The matches of patterns that have no few literal prefixes (``MAX_PREFIXES``), found without
    running each over every sentence: a pattern whose every match starts with one of at most
    ``MAX_STARTS`` literals is tried only where one starts (as ``finditer`` would find it: left to
    right, each match after the last), one whose every match contains one of its
    ``required_literals`` is run only on a text holding one. One automaton pass over the text finds
    both. Patterns with neither are not in it (they run everywhere)."""

    def __init__(self, patterns: dict[int, re.Pattern]):
        self.patterns: dict[int, re.Pattern] = {}
        number: dict[str, int] = {}
        self._needs: list[list[int]] = []    # per literal: the patterns that need it somewhere
        self._starts: list[list[int]] = []   # per literal: the patterns whose matches can start with it
        self._whole_words = {i: rx.pattern.startswith(WORD_START) for i, rx in patterns.items()}
        for i, rx in patterns.items():
            starts, needs = literals(rx, MAX_STARTS)
            if starts or needs:
                self.patterns[i] = rx
            for x in sorted(set(starts or needs)):
                if x not in number:
                    number[x] = len(number)
                    self._needs.append([])
                    self._starts.append([])
                (self._starts if starts else self._needs)[number[x]].append(i)
        self._automaton = ahocorasick_rs.AhoCorasick(list(number)) if number else None

    def matches(self, text: str) -> dict[int, list[re.Match]]:
        """The matches in ``text`` of each pattern of the index that has any, as ``finditer`` finds them."""
        needed: set[int] = set()
        starts: dict[int, set[int]] = {}
        if self._automaton is not None:
            for k, a, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                needed.update(self._needs[k])
                inside = a > 0 and text[a - 1] in WORD_CHARS   # (where a whole-word pattern cannot start)
                for i in self._starts[k]:
                    if not (inside and self._whole_words[i]):
                        starts.setdefault(i, set()).add(a)
        out = {i: found for i in needed if (found := list(self.patterns[i].finditer(text)))}
        for i, at in starts.items():
            found, end = [], 0
            for a in sorted(at):
                if a >= end and (m := self.patterns[i].match(text, a)):
                    found.append(m)
                    end = m.end()
            if found:
                out[i] = found
        return out


class RequiredLiterals:
    """The patterns a text cannot match because it holds none of their ``required_literals``,
    found in one automaton pass over the text."""

    def __init__(self, needs: dict[int, tuple[str, ...]]):
        self.patterns = frozenset(i for i, n in needs.items() if n)
        number: dict[str, int] = {}
        self._owners: list[list[int]] = []   # per literal: the patterns that need it
        for i in sorted(self.patterns):
            for x in sorted(set(needs[i])):
                if x not in number:
                    number[x] = len(number)
                    self._owners.append([])
                self._owners[number[x]].append(i)
        self._automaton = ahocorasick_rs.AhoCorasick(list(number)) if number else None

    def ruled_out(self, text: str) -> frozenset[int]:
        """The patterns none of whose literals ``text`` holds."""
        if self._automaton is None:
            return self.patterns
        hits = {k for k, _, _ in self._automaton.find_matches_as_indexes(text, overlapping=True)}
        return self.patterns.difference(*[self._owners[k] for k in hits])


class PatternIndex:
    """Which status patterns can match a sentence: one automaton pass over their literal prefixes
    (``automaton``, each prefix's patterns in ``by_prefix``); the patterns without one (``always``)
    run everywhere, or as ``always_index`` says; a pattern with prefixes whose required literals
    add to them is not tried on a sentence without one of those (``needs``)."""

    def __init__(self, patterns: list[tuple[re.Pattern, tuple[str, ...], tuple[str, ...]]]):
        """``patterns``: (regular expression, literal prefixes, required literals) of each."""
        prefixed: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, prefixes, _) in enumerate(patterns):
            for prefix in prefixes:
                prefixed.setdefault(prefix, []).append(i)
            if not prefixes:
                self.always.append(i)
        self.by_prefix = list(prefixed.values())
        # per prefix: all its patterns open with WORD_START (none can start inside a word)
        self.whole_words = [all(patterns[i][0].pattern.startswith(WORD_START) for i in p) for p in self.by_prefix]
        self.always_index = LiteralIndex({i: patterns[i][0] for i in self.always})
        self.needs = RequiredLiterals({i: needs for i, (_, prefixes, needs) in enumerate(patterns)
                                       if prefixes and not set(needs) <= set(prefixes)})
        self.automaton = ahocorasick_rs.AhoCorasick(list(prefixed)) if prefixed else None
