"""Control claims: who says which force holds, entered, captured or left which place.

``extract_claims(report, mentions, vocab, gazetteer)`` is pure. For each sentence it finds the
status phrases ("captured", "fell to", "under the control of", "failed to establish"), reads each
in its clause (geo/clauses.py): the force doing it (the agent: the subject, "by X", "fell to X",
"X-held"), the places it governs (the object, lists expanded; the subject in the passive), and
who asserts it (the claimant: the speaker of the nearest reporting verb, "according to X", a
trailing "..., X said", else the outlet). Negated, denied, intended ("preparing to regain"),
questioned and historic ("in 2016") statements are not current claims. Names in argument
positions that the gazetteer lacks come back as ``PendingClaim``s for unresolved.csv.
Every phrase and word list lives in geo/data/claims.toml and geo/data/actors.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from . import vocab as vocab_mod
from .clauses import ActorHit, PlaceRef, Reader, Token, Words, tokenize
from .errors import VocabularyError
from .gazetteer import Gazetteer
from .model import Claim, Mention, PendingClaim, Report
from .state import StateRules
from .text import name_key, normalize, sentences

EFFECTS = ("gain", "hold", "defence", "presence", "approach", "fighting", "loss")
# The statuses the shipped vocabulary defines; a user's claims.toml may define others, each
# with an effect.
STATUSES = ("captured", "controls", "entered", "advancing", "withdrew", "failed_to_hold",
            "repelled", "contested")


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class StatusPattern:
    status: str
    effect: str
    rx: re.Pattern
    place: str     # "after" | "before" | "either"
    agent: str     # "subject" | "after" | "inside"
    prefixes: tuple[str, ...]   # literal texts one of which every match starts with (() when none)
    noun: bool = False   # a noun ("withdrawal", "capture of"): its agent is its possessor or the sentence's subject


@dataclass
class _Trigger:
    start: int
    end: int
    pattern: StatusPattern
    inner_actor: str | None
    held: bool = False   # "rebel-held X": the place follows at once


def _rx_words(words) -> str:
    keys = sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


def _wb(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


def literal_prefixes(rx: re.Pattern, limit: int = 64) -> list[str]:
    """Literal texts one of which every match of ``rx`` starts with ([] when there is no
    bound: the pattern must run on every sentence).

    Lets a sentence skip a pattern whose prefixes it does not contain: exact, and much cheaper
    than running ~200 status patterns over every sentence. Alternations and optional groups
    give several prefixes ("(?:had )?not able" -> "had not able", "not able")."""
    import re._constants as sre_c
    import re._parser as sre_p

    if rx.flags & re.IGNORECASE:
        return []

    def expand(items, prefixes: list[str]) -> tuple[list[str], bool]:
        """Extend each prefix along ``items``; the flag says whether all of ``items`` was literal."""
        for _n, (op, av) in enumerate(items):
            if op is sre_c.LITERAL:
                prefixes = [p + chr(av) for p in prefixes]
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
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
                if len(out) > limit:
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
        return prefixes, True

    prefixes, _ = expand(sre_p.parse(rx.pattern), [""])
    if any(len(p) < 2 for p in prefixes):
        return []
    return sorted(set(prefixes))


def required_literals(rx: re.Pattern) -> list[str]:
    """Literal texts one of which every match of ``rx`` contains somewhere ([] when none of at
    least two characters is found): lets a pattern with no literal prefix skip a sentence."""
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
        if options and min(map(len, options)) >= 2 and (not best or min(map(len, options)) > min(map(len, best))):
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
                if all(o is not None for o in options):
                    consider(options)
        consider(["".join(run)])

    if rx.flags & re.IGNORECASE:
        return []
    walk(sre_p.parse(rx.pattern))
    return best


def literal_prefix(rx: re.Pattern) -> str:
    """The one literal text every match of ``rx`` starts with ("" when there is none)."""
    import os.path
    return os.path.commonprefix(literal_prefixes(rx))


# The schema of the two files: every table's allowed keys and the type of each value.
_STR_LIST = "list of strings"
_SHARED = re.compile(r"\{(\w+)\}")
_CLAIMS_SCHEMA = {
    "": {"exclude_kinds": _STR_LIST, "status": "list", "reporting": "table", "hedges": "table",
         "grammar": "table", "shared": "table", "state": "table"},
    "status": {"status": str, "label": str, "effect": str, "patterns": "list"},
    "pattern": {"pattern": str, "place": str, "agent": str, "noun": bool},
    "reporting": {"verbs": _STR_LIST, "denials": _STR_LIST, "before_claimant": _STR_LIST, "roles": _STR_LIST,
                  "carry_over": _STR_LIST, "other": _STR_LIST, "outlet_words": _STR_LIST},
    "hedges": {"intention": _STR_LIST, "history": _STR_LIST, "negations": _STR_LIST, "hedged": _STR_LIST},
    "grammar": {k: _STR_LIST for k in ("passive_aux", "adverbs", "object_stops", "not_agent_after",
                                       "clause_starts", "list_joins", "item_heads", "locative", "directions",
                                       "list_intros", "place_anaphors", "subordinators", "relatives",
                                       "subjectless_after", "modals", "time_clauses")},
}
_ACTORS_SCHEMA = {
    "": {"actors": "table", "anaphora": "table"},
    "actor": {"label": str, "colour": str, "names": _STR_LIST, "adjectives": _STR_LIST},
    "anaphora": {k: _STR_LIST for k in ("nouns", "determiners", "singular_determiners",
                                        "plural_determiners", "weak_determiners", "own_determiners", "singular_pronouns",
                                        "plural_pronouns",
                                        "modifier_links", "time_words")},
}


def _check(table: dict, schema: dict, path: Path, where: str, required=()) -> None:
    """Refuse unknown keys, wrong types and missing keys, naming the file and line."""
    for key, value in table.items():
        kind = schema.get(key)
        if kind is None:
            raise VocabularyError(f"{vocab_mod.where(path, key)}: unknown key {key!r} in {where}"
                                  f" (expected one of: {', '.join(sorted(schema))})")
        ok = (isinstance(value, list) and all(isinstance(x, str) for x in value) if kind == _STR_LIST
              else isinstance(value, list) if kind == "list"
              else isinstance(value, dict) if kind == "table" else isinstance(value, kind))
        if not ok:
            expected = kind if isinstance(kind, str) else kind.__name__
            raise VocabularyError(f"{vocab_mod.where(path, key)}: {key!r} in {where} must be a {expected}")
    for key in required:
        if key not in table:
            raise VocabularyError(f"{path}: {where} has no {key!r}")


class ClaimVocabulary:
    """actors.toml + claims.toml, checked against their schema and compiled."""

    def __init__(self, folder: Path | None = None):
        a_path, c_path = vocab_mod.path("actors.toml", folder), vocab_mod.path("claims.toml", folder)
        a = vocab_mod.toml("actors.toml", folder)
        c = vocab_mod.toml("claims.toml", folder)
        _check(a, _ACTORS_SCHEMA[""], a_path, "the file", required=("actors", "anaphora"))
        _check(c, _CLAIMS_SCHEMA[""], c_path, "the file", required=("status", "reporting", "hedges", "grammar"))
        for name in ("reporting", "hedges", "grammar"):
            _check(c[name], _CLAIMS_SCHEMA[name], c_path, f"[{name}]", required=tuple(_CLAIMS_SCHEMA[name]))
        _check(a["anaphora"], _ACTORS_SCHEMA["anaphora"], a_path, "[anaphora]",
               required=tuple(_ACTORS_SCHEMA["anaphora"]))
        self.actors: dict[str, Actor] = {}
        self.actor_of: dict[str, str] = {}
        self.adjective_of: dict[str, str] = {}   # "rebel" in "under rebel control"
        for aid, spec in a["actors"].items():
            if not isinstance(spec, dict):
                raise VocabularyError(f"{vocab_mod.where(a_path, aid)}: [actors.{aid}] must be a table")
            _check(spec, _ACTORS_SCHEMA["actor"], a_path, f"[actors.{aid}]", required=("names",))
            self.actors[aid] = Actor(aid, spec.get("label", aid), spec.get("colour", "#888888"))
            for n in spec["names"]:
                self.actor_of.setdefault(name_key(n), aid)
            for n in spec.get("adjectives", []):
                self.adjective_of.setdefault(name_key(n), aid)
        ana = a["anaphora"]
        pronouns = ana["singular_pronouns"] + ana["plural_pronouns"]
        self.actor_words = sorted({name_key(w) for w in list(self.actor_of) + ana["nouns"] + pronouns if name_key(w)})
        self.actor_automaton = ahocorasick_rs.AhoCorasick(self.actor_words)
        self.generic = frozenset(name_key(n) for n in ana["nouns"])
        self.pronouns = frozenset(name_key(p) for p in pronouns)
        self.actor_alt = _rx_words(self.actor_of)
        self.actor_or_adjective = _rx_words(list(self.actor_of) + list(self.adjective_of))
        self.rx_adjective = _wb(_rx_words(self.adjective_of)) if self.adjective_of else re.compile(r"(?!)")
        self.rx_actor_or_adjective = _wb(self.actor_or_adjective)
        shared = c.get("shared", {})
        for k, v in shared.items():
            if not isinstance(v, str):
                raise VocabularyError(f"{vocab_mod.where(c_path, k)}: [shared] {k!r} must be a string")
        self.effect_of: dict[str, str] = {}
        self.statuses: list[StatusPattern] = []
        for spec in c["status"]:
            if not isinstance(spec, dict):
                raise VocabularyError(f"{vocab_mod.where(c_path, 'status')}: [[status]] entries must be tables")
            _check(spec, _CLAIMS_SCHEMA["status"], c_path, "a [[status]] table", required=("status", "effect", "patterns"))
            status, effect = spec["status"], spec["effect"]
            if effect not in EFFECTS:
                raise VocabularyError(f"{vocab_mod.where(c_path, effect, quoted=True)}: status {status!r} has effect "
                                      f"{effect!r}; expected one of {', '.join(EFFECTS)}")
            self.effect_of[status] = effect
            for pat in spec["patterns"]:
                p = pat if isinstance(pat, dict) else {"pattern": pat}
                _check(p, _CLAIMS_SCHEMA["pattern"], c_path, f"a pattern of status {status!r}", required=("pattern",))
                place, agent = p.get("place", "after"), p.get("agent", "subject")
                if place not in ("after", "before", "either") or agent not in ("subject", "after", "inside"):
                    raise VocabularyError(f"{vocab_mod.where(c_path, p['pattern'], quoted=True)}: pattern "
                                          f"{p['pattern']!r}: place must be after/before/either and agent "
                                          f"subject/after/inside")
                src = p["pattern"].replace("\\{actor\\}", f"(?:{self.actor_or_adjective})")
                src = _SHARED.sub(lambda m: f"(?:{shared[m.group(1)]})" if m.group(1) in shared else m.group(), src)
                try:
                    rx = _wb(src)
                except re.error as e:
                    raise VocabularyError(f"{vocab_mod.where(c_path, p['pattern'], quoted=True)}: status "
                                          f"{status!r} pattern {p['pattern']!r}: {e}") from None
                self.statuses.append(StatusPattern(status, effect, rx, place, agent, tuple(literal_prefixes(rx)),
                                                   bool(p.get("noun", False))))
        # Which status patterns can match a sentence: one automaton pass over its literal
        # prefixes; the patterns without one always run.
        by_prefix: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, sp in enumerate(self.statuses):
            for prefix in sp.prefixes:
                by_prefix.setdefault(prefix, []).append(i)
            if not sp.prefixes:
                self.always.append(i)
        self.prefix_patterns = list(by_prefix.values())
        self.always_needs = {i: required_literals(self.statuses[i].rx) for i in self.always}
        self.prefixes = ahocorasick_rs.AhoCorasick(list(by_prefix)) if by_prefix else None
        self.exclude_kinds = set(c.get("exclude_kinds", []))
        self._sides: dict[tuple[str, str], str] = {}
        rep, hedges = c["reporting"], c["hedges"]
        self.rx_verb = _wb(_rx_words(rep["verbs"]))
        self.rx_before_claimant = _wb(_rx_words(rep["before_claimant"]))
        self.carry_over = {name_key(w) for w in rep["carry_over"]}
        self.rx_role = _wb(rf"(?:{_rx_words(rep['roles'])}) (?:for|of|in|with|from)")
        self.other_words = [normalize(w) for w in rep["other"]]
        self.outlet_words = [normalize(w) for w in rep["outlet_words"]]
        self.rx_intention = _wb("|".join(hedges["intention"]))
        self.rx_history = _wb(_rx_words(hedges["history"]))
        self.rx_hedged = _wb(_rx_words(hedges["hedged"]))
        self.rx_history_before = re.compile(rf"(?<![a-z0-9])(?:{_rx_words(hedges['history'])})\s*$")  # "previously seized"
        grammar = c["grammar"]
        self.rx_modal_after = re.compile(rf"(?:\s*\S+){{0,4}}?\s+(?:{_rx_words(grammar['modals'])})\b")
        self.rx_time_clause = _wb(_rx_words(grammar["time_clauses"]))
        self.labels = {spec["status"]: spec.get("label", spec["status"]) for spec in c["status"]}
        self.state_rules = StateRules.from_table(c.get("state", {}), c_path)
        self.reader = Reader(c["grammar"], ana, [name_key(v) for v in rep["verbs"]],
                             [name_key(d) for d in rep["denials"]], [name_key(n) for n in hedges["negations"]])

    def not_forces(self) -> frozenset[str]:
        """Name keys that name a force (or its adjective) or a time: never an unknown place."""
        return frozenset(self.actor_of) | frozenset(self.adjective_of) | self.reader.time_words

    def force_named(self, words: str) -> str | None:
        """The actor a name or an adjective stands for ("rebels", "rebel"), or None."""
        return self.actor_of.get(words) or self.adjective_of.get(words)

    def effect(self, status: str) -> str:
        return self.effect_of.get(status, "")

    def side_of(self, claimant: str, outlet: str) -> str:
        """An actor id, "outlet" or "other" for a claimant phrase: its first force named (the
        longest name where names overlap: "the Military Operations Command" is not "the military")."""
        key = (claimant, outlet)
        if key not in self._sides:
            if len(self._sides) > 4096:
                self._sides.clear()
            self._sides[key] = self._side_of(claimant, outlet)
        return self._sides[key]

    def _side_of(self, claimant: str, outlet: str) -> str:
        name, _, appositive = claimant.partition(", ")
        side = self._side_of_phrase(name, outlet)
        if side == "other" and appositive:
            # "X, a military spokesman for the opposition": the side the role is for
            m = self.rx_role.search(normalize(appositive))
            if m:
                got = self._side_of_phrase(appositive[m.end():], outlet)
                if got not in ("other", "outlet"):
                    return got
        return side

    def _side_of_phrase(self, claimant: str, outlet: str) -> str:
        n = " " + normalize(claimant) + " "
        for _, _, aid, _ in _actor_names(n, self):
            if aid:
                return aid
        for m in self.rx_adjective.finditer(n):   # "an army source", "rebel sources"
            return self.adjective_of[m.group()]
        if outlet and outlet != "unknown" and f" {name_key(outlet)} " in f" {name_key(claimant)} ":
            return "outlet"
        if any(w in n for w in self.outlet_words):
            return "outlet"
        return "other"


# Extraction --------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[,;:“”\"(]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$")
_POSSESSIVE = re.compile(r"\b(?:them|their|its|the group's)\b")   # "under their control"
_STRIP = re.compile(r"^(?:the country's\s+)?|(?:\s+(?:has|have|had|also|now|reportedly|earlier|later|previously|on \w+day))+$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MAX_SENTENCE = 4000     # characters: a longer "sentence" (no full stop for a page) is not read for
                        # claims; its places are still drawn. Keeps the cost linear in the text.
_RECENT_SENTENCES = 3   # an agentless phrase ("Hirbil was also liberated") takes the agent of a
                        # claim at most this many sentences back


@dataclass
class _Discourse:
    """What carries from one sentence to the next: the last speaker, the forces named (for
    "its units", "the same factions", "they") and the last agent of a claim."""
    vocab: ClaimVocabulary = None
    claimants: list = None       # every sentence with a speaker so far: its phrase, or (text, norm) until read
    forces: list = None          # (actor id, plural) in order of mention
    agent: tuple | None = None   # (actor id, sentence number)

    def __post_init__(self):
        self.forces = []
        self.claimants = []

    def said(self, sentence) -> None:
        if sentence is not None:
            self.claimants = (self.claimants + [sentence])[-20:]

    def speaker(self, k: int) -> str | None:
        """The speaker of the k-th remembered sentence (read from its text the first time)."""
        c = self.claimants[k]
        if isinstance(c, tuple):
            c = self.claimants[k] = _first_claimant(c[0], c[1], self.vocab)
        return c

    @property
    def claimant(self) -> str | None:
        """The last speaker named."""
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c:
                return c
        return None

    def earlier(self, phrase: str) -> str | None:
        """The speaker a phrase such as "the ministry" or "it" refers to: the last speaker whose
        name ends with the same noun, else the last speaker."""
        words = name_key(phrase).split(" ")
        head = words[-1]
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c and head in name_key(c).split(" ") and name_key(c) != name_key(phrase):
                return c
        if len(words) == 1 or head in ("statement", "report", "spokesman", "spokesperson"):
            return self.claimant   # "it", "the statement": the last speaker
        return phrase              # "the monitor" with no monitor named before: as written

    def resolve(self, number: str, before: list[tuple[str, bool, str]], head: str = "") -> str | None:
        """The force an anaphor stands for: the last one named with the same noun ("armed
        groups" ... "the groups"), else the last one named agreeing in number when the anaphor
        fixes it; in this sentence before it, then earlier."""
        named = self.forces + before
        if head and number in ("head", "any"):
            for aid, _, h in reversed(named):
                if h == head:
                    return aid
        if number == "head":   # "the fighters": only the same noun, else the noun's default
            return None
        for aid, plural, _ in reversed(named):
            if number == "any" or (number == "pl") == plural:
                return aid
        return None


def extract_claims(report: Report, mentions: list[Mention], vocab: ClaimVocabulary,
                   gazetteer: Gazetteer, pending: list[PendingClaim] | None = None) -> list[Claim]:
    """Every control claim in ``report``, once per (place, actor, status, claimant side).

    Claims about names the gazetteer lacks are appended to ``pending`` when it is given."""
    by_sentence: dict[int, list[Mention]] = {}
    blocked_spans: dict[int, list[Mention]] = {}
    mentions_at: dict[int, list[Mention]] = {}
    for m in mentions:
        mentions_at.setdefault(m.sentence_start, []).append(m)
        if m.role == "place" and gazetteer.entries[m.place_id].kind not in vocab.exclude_kinds:
            by_sentence.setdefault(m.sentence_start, []).append(m)
        else:   # metonyms, datelines, countries: not places of a claim, and not unknown names
            blocked_spans.setdefault(m.sentence_start, []).append(m)
    year = int(report.date[:4]) if report.date[:4].isdigit() else None
    claims: list[Claim] = []
    seen: set[tuple] = set()
    talk = _Discourse(vocab)
    report_norm = normalize(report.text)   # per character: a slice's fold is the fold's slice
    reader = vocab.reader
    names = _actor_names(report_norm, vocab)           # one pass over the report
    name_starts = [n[0] for n in names]
    for n_sent, sent in enumerate(sentences(report.text)):
        text = sent.text
        if len(text) > MAX_SENTENCE:
            continue
        norm = report_norm[sent.start:sent.end]
        lo_n, hi_n = bisect_left(name_starts, sent.start), bisect_left(name_starts, sent.end)
        # a name the mentions step read as a place or a dateline is no force ("seized Damascus",
        # "DAMASCUS –"); only metonyms ("Damascus said") are
        not_force = [(m.start, m.end) for m in mentions_at.get(sent.start, ()) if m.role != "metonym"]
        raw = [(a - sent.start, b - sent.start, aid, w) for a, b, aid, w in names[lo_n:hi_n]
               if b <= sent.end and not any(x <= a and b <= y for x, y in not_force)]   # but "Deir ez-Zor Military Council" is
        claimant_here = ((text, norm) if vocab.rx_verb.search(norm) or vocab.rx_before_claimant.search(norm)
                         else None)   # read when needed
        known = sorted(by_sentence.get(sent.start, []), key=lambda m: m.start)
        places = [PlaceRef(m.start - sent.start, m.end - sent.start, m) for m in known]
        triggers = []
        if (places or pending is not None) and not text.rstrip().rstrip("”\"'’").endswith("?"):
            triggers = _triggers(norm, vocab)
        named_here: list[tuple[str, bool, str]] = []
        if not triggers:
            # nothing to read: only remember the forces named, for "they" and "its units" later
            for _a, _b, aid, w in raw:
                if aid and w not in vocab.pronouns:
                    named_here.append((aid, w.split(" ")[-1].endswith("s"), w.split(" ")[-1]))
            talk.said(claimant_here)
            talk.forces = (talk.forces + named_here)[-12:]
            continue
        toks = tokenize(text, norm)
        verbs = list(vocab.rx_verb.finditer(norm))
        said: dict[tuple[int, int], tuple[str, str]] = {}
        actors = reader.actor_phrases(toks, raw)
        blocked = [(m.start - sent.start, m.end - sent.start) for m in blocked_spans.get(sent.start, [])]
        named = actors   # every force named, for what "they" refers to
        actors = _outside(actors, triggers, norm, vocab)
        reader.forces_at = frozenset(t.start for a in actors for t in toks.between(a.start, a.end))
        reader.sentence_places = places
        reader.place_starts = frozenset(p.start for p in places)
        found = []
        previous_agent: str | None = None
        for t in triggers:
            if _intended(norm, t, vocab, actors) or _historic(norm, t, vocab, year):
                continue
            reader.previous_places = tuple(found[-1][1]) if found else ()
            ti = _token_at(toks, t.start)
            te = _token_at(toks, t.end)
            if ti is None:
                continue
            lo = reader.clause_start(toks, ti)
            if t.pattern.noun and vocab.rx_modal_after.match(norm, t.end):
                continue   # "the fall of Homs would cut Damascus off": hypothetical
            if t.pattern.effect not in ("loss", "defence") or t.inner_actor is None:
                if reader.denied(toks, ti) or reader.negated(toks, _negation_start(toks, ti, reader), ti):
                    continue
            targets, agent = _arguments(t, ti, te, lo, toks, places, actors, reader)
            if (not targets and t.pattern.effect in ("loss", "defence") and found
                    and (t.pattern.agent == "inside" or t.pattern.noun or reader.subjectless(toks, ti))
                    and (t.pattern.noun or not vocab.rx_verb.search(norm, found[-1][0].end, t.start))):
                targets = found[-1][1]   # "entered X but failed to establish positions"
            targets = [p for p in targets if not any(a < p.end and p.start < b for a, b in blocked)]
            key = (sum(1 for m in verbs if m.end() <= t.start), sum(1 for m in verbs if m.start() < t.end))
            if key not in said:   # triggers between the same reporting verbs share a speaker
                said[key] = _claimant_for(t, text, norm, vocab, report, talk, verbs)
            claimant, side = said[key]
            actor = _resolve(agent, t, ti, lo, toks, actors, talk, previous_agent, n_sent, reader, side, named)
            if actor is not None and not t.held and not (lo > 0 and toks[lo - 1].word in reader.relatives
                                                          and lo != ti):
                previous_agent = actor   # (a relative clause's own subject does not carry on)
            if actor is None or not targets:
                continue
            found.append((t, targets, actor, claimant, side))
            subj = reader.subject(toks, ti, actors, lo) if agent is None and not t.inner_actor else None
            co = reader.co_subject(toks, subj, actors) if subj is not None else None
            if co is not None and co.kind != "anaphor" and co.actor and co.actor != actor:
                found.append((t, targets, co.actor, claimant, side))   # both forces of "A and B took X"
        # "insurgents entered the government-held city of Aleppo": the adjective describes
        # the state before the event the sentence reports; the event is the claim.
        events = {p.key.place_id for t, ps, *_ in found if not t.held for p in ps if p.key is not None}
        for t, targets, actor, claimant, side in found:
            if not t.held:
                talk.agent = (actor, n_sent)
            for p in targets:
                if p.key is None:
                    if pending is not None:
                        pending.append(PendingClaim(text[p.start:p.end], report.id, actor,
                                                    t.pattern.status, side, text,
                                                    sent.start + p.start, sent.start + p.end))
                    continue
                m = p.key
                if t.held and m.place_id in events:
                    continue
                key = (m.place_id, actor, t.pattern.status, side)
                if key in seen:
                    continue
                seen.add(key)
                claims.append(Claim(
                    article=report.id, outlet=report.outlet, date=report.date,
                    place_id=m.place_id, place=gazetteer.entries[m.place_id].name,
                    actor=actor, status=t.pattern.status, claimant=claimant, claimant_side=side,
                    quote=text, admission=_admission(actor, t.pattern.effect, side),
                    hedged=bool(vocab.rx_hedged.search(norm)),
                    trigger=text[t.start:t.end], start=sent.start, effect=t.pattern.effect,
                ))
        # carry to the next sentence: the last speaker and the forces named
        talk.said(claimant_here)
        for a in actors:
            aid = a.actor if a.kind != "anaphor" else talk.resolve(a.number, named_here, a.head)
            if aid:
                named_here.append((aid, a.plural, a.head))
        talk.forces = (talk.forces + named_here)[-12:]
    return claims


def _is_word(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")


def _actor_names(norm: str, vocab: ClaimVocabulary) -> list[tuple[int, int, str | None, str]]:
    """(start, end, actor id or None, name) of every actor name, whole words, the longest where
    names overlap ("the Military Operations Command" is the opposition's, not "the military").
    One automaton pass over the text."""
    words = vocab.actor_words
    cands = []
    for k, a, b in vocab.actor_automaton.find_matches_as_indexes(norm, overlapping=True):
        if (a == 0 or not _is_word(norm[a - 1])) and (b == len(norm) or not _is_word(norm[b])):
            cands.append((a, b, words[k]))
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(len(norm))
    chosen: list[tuple[int, int, str]] = []
    for a, b, w in cands:
        if not any(taken[a:b]):
            taken[a:b] = b"\x01" * (b - a)
            chosen.append((a, b, w))
    return [(a, b, vocab.actor_of.get(w), w) for a, b, w in sorted(chosen)]


def _negation_start(toks: list[Token], ti: int, reader: Reader) -> int:
    """Where a negation of the phrase at token ``ti`` may start: up to five words back, across
    a reporting verb ("the SDF has not confirmed the withdrawal") but not across punctuation or
    a clause word ("met no resistance as they moved into X")."""
    k = ti
    while (k > 0 and ti - k < 5 and toks[k - 1].word not in (",", ";", ":", "\u2014", "(", ")")
           and toks[k - 1].word not in reader.clause_starts):
        k -= 1
    return k


def _token_at(toks: Words, pos: int) -> int | None:
    k = toks.at(pos)
    return k if k < len(toks) else None


def _arguments(t: _Trigger, ti: int, te: int | None, lo: int, toks, places, actors, reader: Reader):
    """(places, agent phrase or None) of the status phrase ``t`` spanning tokens ti..te."""
    te = len(toks) if te is None else te
    sp = t.pattern
    if t.held:
        return reader.objects(toks, te, places, max_gap=3), None
    aux = ti - 1
    while aux >= 0 and toks[aux].word in reader.adverbs:
        aux -= 1
    passive = (aux >= 0 and toks[aux].word in reader.passive_aux and sp.place == "after"
               and toks[te - 1].word.endswith(("ed", "en", "wn", "un", "ne")))
    agent = None
    if sp.agent == "after" or passive:
        # "fell to X", "under the control of X", "was captured by X": the force after
        k = te + 1 if passive and te < len(toks) and toks[te].word == "by" else te
        if passive and not (te < len(toks) and toks[te].word == "by"):
            k = None
        if k is not None:
            agent = next((a for a in actors if toks[k].start <= a.start if k < len(toks)
                          and a.start - toks[k].start <= 40), None) if k < len(toks) else None
    where = sp.effect in ("defence", "fighting")
    if passive or sp.place == "before":
        targets = reader.subject_places(toks, lo, ti, places) or reader.antecedent(toks, lo, places)
    elif sp.place == "either":
        targets = (reader.objects(toks, te, places) or reader.near_before(toks, ti, places)
                   or reader.subject_places(toks, lo, ti, places) or reader.antecedent(toks, lo, places))
    else:
        targets = reader.objects(toks, te, places, noun=sp.noun, where=where)
        if not targets and not sp.noun:
            # "Tel Rifaat liberated from PKK/YPG": a participle right after a place, no object
            if ti > 0 and any(p.end <= toks[ti].start and toks[ti].start - p.end <= 2 and p.key is not None
                              for p in places) and toks[ti].word.endswith(("ed", "en")):
                targets = [p for p in places if p.end <= toks[ti].start and toks[ti].start - p.end <= 2][-1:]
                passive = True
            elif reader.listed_before(toks, ti, places):
                targets = reader.listed_before(toks, ti, places)   # "A, B and C among the villages taken"
                passive = True
            else:
                # a relative clause: "Tal Rifaat, which it seized", "Aleppo, the city his fighters seized"
                rel = reader.antecedent(toks, lo, places)
                if not rel:
                    subj = reader.subject(toks, ti, actors, lo)
                    if subj is not None:
                        si = _token_at(toks, subj.start)
                        rel = reader.antecedent(toks, si, places) if si else []
                targets = rel
    if not targets and (where or (sp.agent == "inside" and sp.effect == "loss")):
        targets = reader.scene(toks, places)   # "On the Saraqib front, the army repelled the attack"
    if passive and agent is None:
        agent = "passive"
    return targets, agent


def _resolve(agent, t: _Trigger, ti: int, lo: int, toks, actors: list[ActorHit], talk: _Discourse,
             previous: str | None, n_sent: int, reader: Reader, side: str = "",
             named: list[ActorHit] | None = None) -> str | None:
    """The force a status phrase is about. ``side``: the claimant's side, for "our forces" and
    for a side announcing an agentless gain ("X has been captured", says the opposition)."""
    vocab_nouns = reader.generic

    def force(a: ActorHit) -> str | None:
        if a.number == "own":   # "our forces": the speaker's
            return side if side not in ("outlet", "other", "") else None
        if a.kind == "anaphor":
            return talk.resolve(a.number, resolved_before(a.start), a.head if a.head in vocab_nouns else "") or a.actor
        if a.actor is None and a.kind == "generic" and side not in ("outlet", "other", ""):
            return side   # "units" in a side's own statement are its units
        return a.actor

    def resolved_before(pos: int) -> list[tuple[str, bool, str]]:
        """The forces named in the sentence before ``pos``, anaphors resolved in order."""
        out: list[tuple[str, bool, str]] = []
        for x in (named if named is not None else actors):
            if x.end > pos:
                break
            aid = x.actor if x.kind != "anaphor" else (
                talk.resolve(x.number, out, x.head if x.head in vocab_nouns else "") or x.actor)
            if aid:
                out.append((aid, x.plural, x.head))
        return out

    if t.inner_actor in ("them", "it"):
        number = "pl" if t.inner_actor == "them" else "sg"
        return previous or talk.resolve(number, resolved_before(toks[ti].start))
    if t.inner_actor:
        return t.inner_actor
    if isinstance(agent, ActorHit):
        return force(agent)
    if t.pattern.noun:
        # "its withdrawal from X"; "the army announced a withdrawal"; "Russia ..., with bases in X"
        own = reader.possessor(toks, ti, actors)
        if own is not None:
            return force(own)
        if t.pattern.effect == "loss" and side not in ("outlet", "other", ""):
            return side   # "the army said ... prompting a redeployment": a side's own withdrawal
        for a in reversed(actors):
            ai = _token_at(toks, a.start)
            if a.end <= toks[ti].start and ai is not None and not reader.blocked(toks, ai):
                return force(a)
        if talk.agent and n_sent - talk.agent[1] <= 2:
            return talk.agent[0]   # "the capture of X" right after a sentence saying who captured
        return None
    if agent == "passive" or t.pattern.agent == "after":
        # agentless: "Hirbil was also liberated"; the agent of a claim just before, or the
        # side that announces its own gain
        if side not in ("outlet", "other", "") and t.pattern.effect in ("gain", "hold"):
            return side
        if previous:
            return previous
        if talk.agent and n_sent - talk.agent[1] <= _RECENT_SENTENCES:
            return talk.agent[0]
        return None
    subj = reader.subject(toks, ti, actors, lo)
    if subj is not None:
        return force(subj)
    if t.pattern.effect == "fighting":
        # "clashes on the X front between A and B": the first named; "much of the fighting
        # centred on X": who fights is not said
        k = next((k for k in range(ti, min(len(toks), ti + 25)) if toks[k].word == "between"), None)
        if k is not None:
            after = [a for a in (named if named is not None else actors) if a.start > toks[k].start]
            if after:
                return force(after[0])
        if not reader.subjectless(toks, ti):
            return previous
    if 0 < lo < len(toks) and toks[lo - 1].word in reader.relatives:
        # "factions of the SNA, which seized X": the force the relative clause describes
        k = lo - 2
        while k >= 0 and toks[k].word in (",", ")"):
            k -= 1
        owner = next((a for a in actors if k >= 0 and a.start <= toks[k].start < a.end), None)
        if owner is not None and reader.subject(toks, ti, actors, lo) is None and lo == ti:
            return force(owner)
    if reader.subjectless(toks, ti):
        j = ti - 1
        while j >= 0 and toks[j].word in reader.soft:
            j -= 1
        if (j > 0 and toks[j].word == "," and t.pattern.effect in ("presence", "approach")
                and not toks[ti].word.endswith(("ed", "ing"))
                and any(p.end <= toks[j].start and toks[j].start - p.end <= 1 for p in reader.sentence_places)):
            return None   # "Khan al-Asal, less than 7 miles from the city": describes the place
        j = ti - 1
        while j >= 0 and toks[j].word in reader.soft:
            j -= 1
        if j >= 0 and toks[j].word == "to":
            # an infinitive belongs to the nearest force ("leaving the regime no choice but to give it up")
            for a in reversed([a for a in actors if a.end <= toks[ti].start]):
                ai = _token_at(toks, a.start)
                if ai is not None and not reader.blocked(toks, ai):
                    return force(a)
        if previous:
            return previous
        # the subject of the sentence: its first force not after a preposition and not a
        # speaker, unless the phrase is the speaker's own infinitive ("rebels claim to be advancing")
        j = ti - 1
        while j >= 0 and toks[j].word in reader.soft:
            j -= 1
        infinitive = j >= 0 and toks[j].word == "to"
        before = [a for a in actors if a.end <= toks[ti].start]
        # an infinitive belongs to the nearest force ("the forces have been able to enter");
        # a phrase after a comma or "and" to the sentence's first force
        for a in (reversed(before) if infinitive else before):
            ai = _token_at(toks, a.start)
            if ai is not None and not reader.blocked(toks, ai) and (infinitive or not _is_claimant(a, toks, reader)):
                return force(a)
        if toks[0].word in reader.subordinators:
            # "Before pushing into the city, the groups fought ...": the main clause's subject
            comma = next((k for k, x in enumerate(toks) if x.word == "," and k > ti), None)
            if comma is not None:
                main = [a for a in actors if a.start > toks[comma].start]
                if main and not reader.blocked(toks, toks.at(main[0].start)):
                    return force(main[0])
        if talk.agent and n_sent - talk.agent[1] <= _RECENT_SENTENCES and toks[0].start >= toks[ti].start - 1:
            return talk.agent[0]   # only for a sentence that opens with the phrase ("Took X, too.")
    return None


def _is_claimant(a: ActorHit, toks, reader: Reader) -> bool:
    """The force is the speaker of a reporting verb ("the army said")."""
    k = toks.at(a.end)
    return k < len(toks) and toks[k].word in reader.verbs


def _pattern_matches(norm: str, vocab: ClaimVocabulary) -> list:
    """(pattern index, match) of every status pattern in ``norm``: a pattern with literal
    prefixes is tried only where one of them occurs (anchored there), the rest everywhere."""
    out = []
    statuses, by_prefix = vocab.statuses, vocab.prefix_patterns
    if vocab.prefixes is not None:
        tried: set[tuple[int, int]] = set()
        for k, a, _ in vocab.prefixes.find_matches_as_indexes(norm, overlapping=True):
            for i in by_prefix[k]:
                if (i, a) not in tried:
                    tried.add((i, a))
                    m = statuses[i].rx.match(norm, a)
                    if m:
                        out.append((i, m))
    for i in vocab.always:
        needs = vocab.always_needs.get(i)
        if not needs or any(x in norm for x in needs):
            out.extend((i, m) for m in statuses[i].rx.finditer(norm))
    return out


def _triggers(norm: str, vocab: ClaimVocabulary) -> list[_Trigger]:
    cands = []
    for i, m in _pattern_matches(norm, vocab):
        sp = vocab.statuses[i]
        inner = None
        if "held" in m.groupdict() and m.group("held") is not None:
            prefix = m.group("held")
            inner = (vocab.force_named(prefix) or vocab.force_named(re.sub(r" (?:led|backed)$", "", prefix))
                     or vocab.force_named(prefix + " forces"))
            if inner is None:
                continue
        cands.append(_Trigger(m.start(), m.end(), sp, inner, held=inner is not None))
    cands.sort(key=lambda t: (t.start - t.end, t.start))
    chosen: list[_Trigger] = []
    for t in cands:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    for t in chosen:
        if t.inner_actor is None and t.pattern.agent == "inside":
            inside = [vocab.force_named(m.group()) for m in vocab.rx_actor_or_adjective.finditer(norm, t.start, t.end)]
            t.inner_actor = inside[0] if inside else None
            pronoun = _POSSESSIVE.search(norm, t.start, t.end)
            if t.inner_actor is None and pronoun:
                # the force named before ("under their control", "under the group's occupation")
                t.inner_actor = "them" if pronoun.group() in ("them", "their") else "it"
    return sorted(chosen, key=lambda t: t.start)


def _outside(actors: list[ActorHit], triggers, norm: str, vocab: ClaimVocabulary) -> list[ActorHit]:
    """Actor names that are neither part of a status phrase ("government-held") nor of an
    attribution ("according to a statement by the Defense Ministry")."""
    spans = [(t.start, t.end) for t in triggers]
    for m in vocab.rx_before_claimant.finditer(norm):
        end = _BOUNDARY.search(norm, m.end())
        spans.append((m.start(), end.start() if end else len(norm)))
    return [a for a in actors if all(a.end <= s or a.start >= e for s, e in spans)]


def _intended(norm: str, t: _Trigger, vocab: ClaimVocabulary, actors=()) -> bool:
    """An intention governs the phrase ("preparing to recapture X"), unless a force stands
    between them as the phrase's own subject ("in a bid to halt insurgents advancing")."""
    lo = max(0, t.start - 45)
    before = norm[lo:t.start]
    cut = max(before.rfind(","), before.rfind(";"))
    lo += cut + 1
    cues = list(vocab.rx_intention.finditer(norm, lo, t.start))
    if not cues:
        return False
    return not any(cues[-1].end() <= a.start and a.end <= t.start for a in actors)


def _historic(norm: str, t: _Trigger, vocab: ClaimVocabulary, year: int | None) -> bool:
    """Background, not a current claim: "won control of the city in 2016", "... a decade after
    government forces drove rebels from the city", "had been under state control since ..."."""
    old_year = year is not None and any(int(y) < year for y in _YEAR.findall(norm))
    cue = old_year or bool(vocab.rx_history.search(norm))
    if not cue:
        return False
    clause_after = re.split(r"[,;]", norm[t.end:])[0]
    if year is not None and any(int(y) < year for y in _YEAR.findall(clause_after)):
        return True
    head = norm[:t.start]
    conj = list(vocab.rx_time_clause.finditer(head))
    if conj:
        if not re.search(r"[,;]", head[conj[-1].end():]) or vocab.rx_history.search(head):
            return True
    if year is not None and any(int(y) < year for y in re.findall(r"\bin (?:\w+ )?(1[89]\d\d|20\d\d)\b", head)):
        return True
    if re.search(r"\bhad been\b", head[-30:]) or vocab.rx_history_before.search(head):
        return True
    return False


def _phrase_before(text: str, norm: str, end: int) -> str:
    """The speaker before a reporting verb: back to the previous clause boundary, skipping an
    appositive ("The Syrian Civil Defence, a rescue service ..., said")."""
    base = max(0, end - 400)   # a speaker's phrase is short: look back a bounded window
    cuts = list(_BOUNDARY.finditer(norm, base, end))
    cut = cuts[-1].end() if cuts else base
    if not _clean(text[cut:end]) and cuts and cuts[-1].group() == ",":
        earlier = [m for m in cuts[:-1] if m.group() == ","]
        if earlier:
            prev = [m for m in cuts if m.end() <= earlier[-1].start()]
            a = prev[-1].end() if prev else base
            name = _clean(text[a:earlier[-1].start()])
            appositive = text[earlier[-1].end():cuts[-1].start()].strip()
            return f"{name}, {appositive}" if name and appositive else name
    return _clean(text[cut:end])


def _clean(phrase: str) -> str:
    phrase = _STRIP.sub("", " " + phrase.strip(" ,“”\"'’")).strip()
    return " ".join(phrase.split()[-12:])


def _phrase_after(text: str, norm: str, start: int) -> str:
    m = _BOUNDARY.search(norm, start)
    end = m.start() if m else len(text)
    phrase = text[start:end].strip(" ,.“”\"'’")
    return " ".join(phrase.split()[:12])


def _first_claimant(text: str, norm: str, vocab: ClaimVocabulary) -> str | None:
    """The first speaker a sentence names ("X said", "according to X")."""
    for m in vocab.rx_verb.finditer(norm):
        p = _phrase_before(text, norm, m.start())
        if p and name_key(p) not in vocab.carry_over:
            return p
    m = vocab.rx_before_claimant.search(norm)
    if m:
        p = _phrase_after(text, norm, m.end())
        if p and name_key(p) not in vocab.carry_over:
            return p
    return None


def _claimant_for(t: _Trigger, text: str, norm: str, vocab: ClaimVocabulary, report: Report, state,
                  verbs: list | None = None):
    """Who asserts the claim of status phrase ``t``, and their side. ``verbs``: the sentence's
    reporting verbs (found once per sentence)."""
    claimant = None
    if verbs is None:
        verbs = list(vocab.rx_verb.finditer(norm))
    verbs = [m for m in verbs if not _PASSIVE_BEFORE.search(norm, max(0, m.start() - 12), m.start())]
    verbs_before = [m for m in verbs if m.end() <= t.start]   # ("were reported to be" has no speaker)
    for m in reversed(verbs_before):
        if m.group().endswith("ing") and norm[:m.start()].rstrip().endswith(","):
            continue   # "..., stressing that": the same speaker as the verb before
        p = _phrase_before(text, norm, m.start())
        if p:
            claimant = p
            break
    if claimant is None:
        m = vocab.rx_before_claimant.search(norm)
        if m:
            claimant = _phrase_after(text, norm, m.end()) or None
    if claimant is None:
        for m in (m for m in verbs if m.start() >= t.end):
            tail = re.split(r"[,;]", norm[m.end():])[0]
            if not re.search(r"[.;]", norm[m.end():].strip(" .”\"'")) \
                    and len(tail.split()) <= 5 and not re.search(r"\bthat\b", tail):
                # "..., the Observatory said": the phrase after the last comma (or, when that is
                # an appositive "X, a monitor, said", after the one before)
                commas = [k for k in range(t.end, m.start()) if norm[k] == ","]
                for comma in reversed(commas[-2:]):
                    p = _STRIP.sub("", " " + text[comma + 1:m.start()].strip(" “”\"")).strip()
                    if p and len(p.split()) <= 8:
                        claimant = p
                        break
                if claimant:
                    break
    if claimant is not None and name_key(claimant) in vocab.carry_over:
        claimant = state.earlier(claimant)
    if claimant is None:
        return report.outlet, "outlet"
    side = vocab.side_of(claimant, report.outlet)
    head = name_key(claimant).split(" ")[-1]
    if head in vocab.generic and name_key(claimant).startswith(("the ", "these ", "those ")):
        # "The groups, led by HTS, announced": the force those words stand for
        side = state.resolve("head", [], head) or side
    return claimant.partition(", ")[0], side   # the name as written, without its appositive


def _admission(actor: str, effect: str, side: str) -> bool:
    """A side conceding: the army saying the rebels entered, or that it withdrew."""
    if side in ("outlet", "other"):
        return False
    return (actor != side and effect in ("gain", "hold", "presence", "approach")) or (actor == side and effect == "loss")

