"""The claims vocabulary: actors.toml and claims.toml, checked against one schema and compiled.

Every phrase and word list the claims step uses comes from these two files (geo/data, or a
user's ``--vocab`` folder); a typo fails the build with the file and line.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from .. import vocab as data_files
from ..errors import VocabularyError
from ..state import StateRules
from ..text import name_key, normalize
from ..vocab import STR_LIST, check
from .clauses import ActorName, Reader
from .clauses.words import TOKEN
from .patterns import PatternIndex, literals, rx_words, wb
from .vocab_schema import FULL_TABLES, OPTIONAL, REQUIRED, SCHEMA

# What a status can mean for who holds a place (claims.toml explains each); geo/state.py
# derives the per-place state from these.
EFFECTS = ("gain", "hold", "defence", "presence", "approach", "fighting", "loss")
APPOSITION = "(?<=, )"   # a pattern that opens so is in apposition to the place before its comma
PLACE_SIDES = ("after", "before", "either")    # where a pattern's place sits
AGENT_SIDES = ("subject", "after", "inside")   # where a pattern's agent sits
DEFAULT_COLOUR = "#888888"   # an actor without a colour of its own
_SHARED = re.compile(r"\{(\w+)\}")
_NEVER = re.compile(r"(?!)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")



ACRONYM_LETTERS = 3   # a name of this many capitals or fewer names a force only in capitals ("US", not "us")


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
    expels: str = ""     # the status of the force it drives out ("drove the SDF out of X": the SDF withdrew)
    cedes: str = ""      # the status of the force named after "to" ("lost X to the rebels": the rebels captured)
    borrows: bool = True   # with no agent named, the agent of the claim before is taken ("X changed hands": not)
    apposition: bool = False   # it opens "(?<=, )": it describes the place (or list) right before its comma
    nominal: bool = False   # a noun phrase naming its force inside ("the entry of X into"): a modal after it is a supposition
    foiled: bool = False    # its force tried and failed ("failed to take X"): the claim is the force that faced it
    needs: tuple[str, ...] = ()   # literal texts one of which every match contains (() when none is known)


def _load(name: str, folder: Path | None) -> tuple[dict, Path]:
    """The file ``name``, its top level and its fully specified tables checked."""
    path, data = data_files.path(name, folder), data_files.toml(name, folder)
    check(data, SCHEMA[name][""], path, "the file", required=REQUIRED[name])
    return data, path


def _check_tables(name: str, data: dict, path: Path) -> None:
    for table in FULL_TABLES[name]:
        schema = SCHEMA[name][table]
        check(data[table], schema, path, f"[{table}]", required=tuple(k for k in schema if k not in OPTIONAL))


def _is_word(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")


class ClaimVocabulary:
    """actors.toml + claims.toml, checked against their schema and compiled."""

    def __init__(self, folder: Path | None = None):
        a, a_path = _load("actors.toml", folder)
        c, c_path = _load("claims.toml", folder)
        _check_tables("claims.toml", c, c_path)
        _check_tables("actors.toml", a, a_path)
        self._load_actors(a, a_path)
        self._load_statuses(c, c_path)
        self._index_prefixes()
        self.exclude_kinds = set(c.get("exclude_kinds", []))
        self.side_cache: dict[tuple[str, str], str] = {}   # (claimant, outlet) -> side
        self._views: dict[int, ClaimVocabulary] = {}   # for_date: this vocabulary as each era reads
        self._load_reporting(c["reporting"], c["hedges"], c["grammar"])
        self.labels = {spec["status"]: spec.get("label", spec["status"]) for spec in c["status"]}
        self.state_rules = StateRules.from_table(c.get("state", {}), c_path)
        rep, hedges = c["reporting"], c["hedges"]
        self.reader = Reader(c["grammar"], a["anaphora"], [name_key(v) for v in rep["verbs"]],
                             [name_key(d) for d in rep["denials"]], [name_key(n) for n in hedges["negations"]])
        self.reader.read_denials_after([name_key(n) for n in rep["report_nouns"]],
                                       [name_key(d) for d in rep["denied_after"]])
        # names written in lower case ("rebels", "government forces") are common nouns: their
        # capital at the start of a sentence does not make them a proper name
        era_lists = [n for era in a.get("eras", []) for listed in era["names"].values() for n in listed]
        self.reader.common_names = frozenset(name_key(n) for spec in a["actors"].values()
                                             for n in [*spec["names"], *era_lists] if n == n.lower())
        # the last words of those names ("army", "rebels"): a force named with another is a proper name
        self.reader.common_heads = frozenset(n.split()[-1] for n in self.reader.common_names if n)
        # "the army", said by a side with an army of its own, is that side's army
        self.reader.enemy_of = self.enemy_of
        # "Iranian militias", "Turkish soldiers": a general noun after a force's one-word adjective is that force
        # (an acronym is no such adjective: "US troops" is the name "US" and a noun; "told us the army": no one's)
        self.reader.noun_adjectives = {k: v for k, v in self.adjective_of.items() if " " not in k and k not in self.acronyms}
        self.reader.enemy_words_of = self.enemy_words_of
        self.reader.stranger_nouns_of = {aid: frozenset(name_key(w) for w in spec.get("stranger_nouns", []))
                                         for aid, spec in a["actors"].items()}
        self.reader.allies_of = {aid: frozenset(others) for aid, others in self._allies.items()}
        self.reader.proxy_of = self.proxy_of
        self.reader.cited_sources = self.label_sources   # "(Anadolu)" after a force: a citation
        # the force a backer fights for: the one whose own `allies` name it (Russia: the government), its proxy first
        backed = {b: [aid for aid, spec in a["actors"].items() if b in spec.get("allies", [])] for b in self.actors}
        self.reader.principal_of = {b: self.proxy_of.get(b) or ps[0] for b, ps in backed.items()
                                    if self.proxy_of.get(b) or len(ps) == 1}
        self.reader.own_army_sides = frozenset(aid for aid, spec in a["actors"].items() if spec.get("own_army"))
        # ... and in a report of its home press, speaking in its own voice ("home_outlets")
        self.home_army_of = {name_key(o): aid for aid, spec in a["actors"].items() if spec.get("own_army")
                             for o in spec.get("home_outlets", [])}
        self.home_side_of = {name_key(o): aid for aid, spec in a["actors"].items() for o in spec.get("home_outlets", [])}
        self.army_of_dateline = {name_key(c): aid for aid, spec in a["actors"].items() if spec.get("own_army")
                                 for c in spec.get("home_datelines", [])}
        self.reader.army_words = frozenset(name_key(w) for w in a["anaphora"]["army_words"])
        # "Hezbollah fighters": an organisation that is no actor owns the general noun after its name
        self.reader.organisations = frozenset(tuple(TOKEN.findall(name_key(o)))
                                              for o in data_files.lines("organisations.txt", folder))
        self.reader.organisation_words = max(map(len, self.reader.organisations), default=0)

    def _load_actors(self, a: dict, a_path: Path) -> None:
        self.actors: dict[str, Actor] = {}
        self.actor_of: dict[str, str] = {}
        self.adjective_of: dict[str, str] = {}   # "rebel" in "under rebel control"
        for aid, spec in a["actors"].items():
            if not isinstance(spec, dict):
                raise VocabularyError(f"{data_files.where(a_path, aid)}: [actors.{aid}] must be a table")
            check(spec, SCHEMA["actors.toml"]["actor"], a_path, f"[actors.{aid}]", required=("names",))
            self.actors[aid] = Actor(aid, spec.get("label", aid), spec.get("colour", DEFAULT_COLOUR))
            for n in spec["names"]:
                self.actor_of.setdefault(name_key(n), aid)
            for n in spec.get("adjectives", []):
                self.adjective_of.setdefault(name_key(n), aid)
        # acronyms ("US", "SDF"): written in capitals to name a force (see actor_names)
        self.acronyms = frozenset(name_key(n) for spec in a["actors"].values() for n in spec["names"]
                                  if n.isalpha() and n.isupper() and len(n) <= ACRONYM_LETTERS)
        self._allies: dict[str, set[str]] = {aid: set() for aid in self.actors}
        for aid, spec in a["actors"].items():
            for other in spec.get("allies", []):
                if other not in self.actors or other == aid:
                    raise VocabularyError(f"{data_files.where(a_path, 'allies')}: [actors.{aid}] allies: "
                                          f"{other!r} is not another actor of actors.toml")
                self._allies[aid].add(other)
                self._allies[other].add(aid)   # alliances go both ways
        self._backed = {aid: frozenset(spec.get("backs", ())) for aid, spec in a["actors"].items()}
        for aid, spec in a["actors"].items():
            if not self._backed[aid] <= set(self.actors) - {aid}:
                raise VocabularyError(f"{data_files.where(a_path, 'backs')}: [actors.{aid}] backs: "
                                      f"{sorted(self._backed[aid] - set(self.actors))!r} is not another actor of actors.toml")
            for key in ("enemy", "proxy", "foe"):
                other = spec.get(key)
                if other is not None and (other not in self.actors or other == aid):
                    raise VocabularyError(f"{data_files.where(a_path, key)}: [actors.{aid}] {key}: "
                                          f"{other!r} is not another actor of actors.toml")
        self.proxy_of = {aid: spec["proxy"] for aid, spec in a["actors"].items() if "proxy" in spec}
        self.foe_of = {aid: spec["foe"] for aid, spec in a["actors"].items() if "foe" in spec}   # who it mostly fights
        # public figures who speak for a force ("Netanyahu said"): speakers only, never a force in a claim
        self.person_of = {name_key(n): aid for aid, spec in a["actors"].items() for n in spec.get("people", []) if name_key(n)}
        self.rx_person = wb(rx_words(list(self.person_of))) if self.person_of else _NEVER
        self.enemy_of = {aid: spec["enemy"] for aid, spec in a["actors"].items() if "enemy" in spec}
        # the hostile words that name that enemy in its voice (all of them when not listed)
        self.enemy_words_of = {aid: frozenset(name_key(w) for w in spec["enemy_words"])
                               for aid, spec in a["actors"].items() if "enemy_words" in spec}
        self._eras = self._load_eras(a.get("eras", []), a_path)
        era_names = [n for _, names in self._eras for n in names]
        ana = a["anaphora"]
        pronouns = ana["singular_pronouns"] + ana["plural_pronouns"] + ana["own_pronouns"] + ana.get("order_pronouns", [])
        # bodies named like a force that are none of the actors ("Internal Security Forces"): no force
        self.unaligned = frozenset(name_key(w) for w in a.get("unaligned", [])) - set(self.actor_of)
        self.actor_words = sorted({name_key(w) for w in list(self.actor_of) + era_names + ana["nouns"] + pronouns
                                   + list(self.unaligned) if name_key(w)})
        self.actor_automaton = ahocorasick_rs.AhoCorasick(self.actor_words)
        self.generic = frozenset(name_key(n) for n in ana["nouns"])
        self.pronouns = frozenset(name_key(p) for p in pronouns)
        self.actor_alt = rx_words(list(self.actor_of) + era_names)
        self.actor_or_adjective = rx_words(list(self.actor_of) + era_names + list(self.adjective_of))
        self.rx_adjective = wb(rx_words(self.adjective_of)) if self.adjective_of else _NEVER
        self.rx_actor_or_adjective = wb(self.actor_or_adjective)

    def _load_eras(self, eras: list, a_path: Path) -> list[tuple[str, dict[str, str]]]:
        """``[[eras]]``: from a date on, names that stand for another force (name key -> actor)."""
        out: list[tuple[str, dict[str, str]]] = []
        for era in eras:
            if not isinstance(era, dict):
                raise VocabularyError(f"{data_files.where(a_path, 'eras')}: [[eras]] entries must be tables")
            check(era, SCHEMA["actors.toml"]["era"], a_path, "an [[eras]] table", required=("from", "names"))
            if not _ISO_DATE.fullmatch(era["from"]):
                raise VocabularyError(f"{data_files.where(a_path, era['from'], quoted=True)}: [[eras]] from "
                                      f"{era['from']!r} is no date (YYYY-MM-DD)")
            names: dict[str, str] = {}
            for aid, listed in era["names"].items():
                check({aid: listed}, {aid: STR_LIST}, a_path, "an [[eras]] names table")
                if aid not in self.actors:
                    raise VocabularyError(f"{data_files.where(a_path, aid)}: [[eras]] names {aid!r}, which is "
                                          f"no actor of actors.toml")
                names.update((name_key(n), aid) for n in listed if name_key(n))
            out.append((era["from"], names))
        return sorted(out, key=lambda e: e[0])

    def for_date(self, date: str) -> ClaimVocabulary:
        """This vocabulary as it reads a report of ``date``: with the names of the latest era
        begun by then (``[[eras]]`` of actors.toml); itself when none has."""
        era = next((k for k in range(len(self._eras) - 1, -1, -1) if self._eras[k][0] <= date), None) \
            if _ISO_DATE.match(date or "") else None
        if era is None:
            return self
        if era not in self._views:
            view = copy.copy(self)   # (shares _views with this one)
            view.actor_of = {**self.actor_of, **self._eras[era][1]}
            view.side_cache = {}
            self._views[era] = view
        return self._views[era]

    def _load_statuses(self, c: dict, c_path: Path) -> None:
        shared = c.get("shared", {})
        for k, v in shared.items():
            if not isinstance(v, str):
                raise VocabularyError(f"{data_files.where(c_path, k)}: [shared] {k!r} must be a string")
        self.effect_of: dict[str, str] = {}
        self.statuses: list[StatusPattern] = []
        for spec in c["status"]:
            if not isinstance(spec, dict):
                raise VocabularyError(f"{data_files.where(c_path, 'status')}: [[status]] entries must be tables")
            check(spec, SCHEMA["claims.toml"]["status"], c_path, "a [[status]] table",
                  required=("status", "effect", "patterns"))
            status, effect = spec["status"], spec["effect"]
            if effect not in EFFECTS:
                raise VocabularyError(f"{data_files.where(c_path, effect, quoted=True)}: status {status!r} has effect "
                                      f"{effect!r}; expected one of {', '.join(EFFECTS)}")
            self.effect_of[status] = effect
            for pat in spec["patterns"]:
                p = pat if isinstance(pat, dict) else {"pattern": pat}
                self.statuses.append(self._status_pattern(p, status, effect, shared, c_path))
        for sp in self.statuses:
            for key, value in (("expels", sp.expels), ("cedes", sp.cedes)):
                if value and value not in self.effect_of:
                    raise VocabularyError(f"{data_files.where(c_path, value, quoted=True)}: a pattern of status "
                                          f"{sp.status!r} {key} to {value!r}, which is no status")

    def _status_pattern(self, p: dict, status: str, effect: str, shared: dict, c_path: Path) -> StatusPattern:
        """One pattern of a status: checked, its ``{actor}`` and ``{shared}`` parts filled in, compiled."""
        check(p, SCHEMA["claims.toml"]["pattern"], c_path, f"a pattern of status {status!r}", required=("pattern",))
        place, agent = p.get("place", "after"), p.get("agent", "subject")
        if place not in PLACE_SIDES or agent not in AGENT_SIDES:
            raise VocabularyError(f"{data_files.where(c_path, p['pattern'], quoted=True)}: pattern "
                                  f"{p['pattern']!r}: place must be {'/'.join(PLACE_SIDES)} and agent "
                                  f"{'/'.join(AGENT_SIDES)}")
        src = p["pattern"].replace("\\{actor\\}", f"(?:{self.actor_or_adjective})")
        src = _SHARED.sub(lambda m: f"(?:{shared[m.group(1)]})" if m.group(1) in shared else m.group(), src)
        try:
            rx = wb(src)
        except re.error as e:
            raise VocabularyError(f"{data_files.where(c_path, p['pattern'], quoted=True)}: status "
                                  f"{status!r} pattern {p['pattern']!r}: {e}") from None
        prefixes, needs = literals(rx)
        return StatusPattern(status, effect, rx, place, agent, tuple(prefixes), bool(p.get("noun", False)),
                             p.get("expels", ""), p.get("cedes", ""), bool(p.get("borrows", True)),
                             p["pattern"].startswith(APPOSITION), bool(p.get("noun", False) or p.get("nominal", False)),
                             bool(p.get("foiled", False)), tuple(needs))

    def _index_prefixes(self) -> None:
        """Which status patterns can match a sentence (``patterns.PatternIndex``)."""
        idx = PatternIndex([(sp.rx, sp.prefixes, sp.needs) for sp in self.statuses])
        self.always, self.prefix_patterns, self.prefixes = idx.always, idx.by_prefix, idx.automaton
        self.prefix_whole_words, self.always_index, self.prefix_needs = idx.whole_words, idx.always_index, idx.needs

    def _load_reporting(self, rep: dict, hedges: dict, grammar: dict) -> None:
        # "SDF holds:" over a list (headed.py), read on a line's folded text
        self.rx_heading = re.compile(rf"(?P<force>.{{2,80}}?) (?P<verb>{rx_words(grammar['heading_verbs'])}) ?:")
        # "the United States" and "Gulf states" hold no reporting verb "states"
        self.rx_verb = wb(rf"(?<!united )(?<!gulf )(?<!arab )(?<!member )(?:{rx_words(rep['verbs'])})")
        self.rx_before_claimant = wb(rx_words(rep["before_claimant"]))
        # a fact-check's "Claim 1: ..." line rated false in its block ("Rating: False", "Verdict: Misleading")
        self.rx_claim_label = re.compile(rf"\s*[\"']?(?:{rx_words(rep.get('claim_labels', []))})(?: \d+)?\s*:", re.I) \
            if rep.get("claim_labels") else _NEVER
        self.rx_false_verdict = re.compile(rf"(?:[^\n]|\n(?!\s*\n)){{0,400}}?\b(?:rating|verdict|ruling|our verdict)\s*:\s*"
                                           rf"(?:{rx_words(rep.get('false_verdicts', []))})\b", re.I) \
            if rep.get("false_verdicts") else _NEVER
        self.carry_over = {name_key(w) for w in rep["carry_over"]}
        self.last_speaker_nouns = frozenset(name_key(w) for w in rep["last_speaker_nouns"])
        self.rx_role = wb(rf"(?:{rx_words(rep['roles'])}) (?:for|of|in|with|from)")
        self.speaker_roles = frozenset(name_key(r) for r in rep["roles"]) | frozenset(
            name_key(r) + "s" for r in rep["roles"])
        self.outlet_words = [normalize(w) for w in rep["outlet_words"]]
        # a letterhead: a name ending in an issuing body's noun, or in it and "of ..." (speakers.py)
        self.issuer_heads = frozenset(normalize(w).split(" ")[-1] for w in rep["issuers"]) | {"ministry"}
        # a line a transcript labels as a journalist's question asks, it claims nothing
        self.rx_question_label = re.compile(rf"\s*(?:{rx_words(rep['question_labels'])})\s*[:.\u2014-]", re.I) \
            if rep["question_labels"] else _NEVER
        self.rx_media_after = re.compile(rf"\s*(?:{rx_words(rep.get('media_nouns', []))})\b") \
            if rep.get("media_nouns") else _NEVER   # "state television": a medium, no force
        self.media_heads = frozenset(name_key(w).split(" ")[-1] for w in rep.get("media_nouns", []))
        self.label_sources = frozenset(name_key(w) for w in rep.get("label_sources", []))   # "SOHR: ..."
        self.national_press = frozenset(normalize(w) for w in rep.get("national_press", []))   # "Israeli media"
        # "The Washington Post", "the Jerusalem Post": a newspaper named after a place is no force
        self.rx_title_after = re.compile(rf" (?:{rx_words(rep['title_nouns'])})\b") if rep.get("title_nouns") else _NEVER
        self.rx_issuer = re.compile(rf"(?:\S+ ){{0,8}}(?:{rx_words(rep['issuers'])})(?: of \S.*)?")
        self.rx_intention = wb("|".join(hedges["intention"]))
        self.rx_infinitive_fact = wb("|".join(hedges.get("infinitive_facts", []))) if hedges.get("infinitive_facts") else _NEVER
        self.infinitive_not = frozenset(normalize(w) for w in hedges.get("infinitive_not", []))
        self.rx_estimate = wb(rx_words([normalize(w) for w in hedges["estimates"]]))   # cover their whole clause
        self.rx_condition = wb("|".join(hedges["conditions"]))
        self.rx_future_time = wb(rx_words(hedges.get("future_time", []))) if hedges.get("future_time") else _NEVER
        self.rx_future_time_modal = wb(rx_words(hedges.get("future_time_with_modal", []))) \
            if hedges.get("future_time_with_modal") else _NEVER
        self.irregular_past = frozenset(hedges.get("irregular_past", []))
        not_before = rx_words(hedges.get("history_not_before", []))   # "the former regime": a name, not a time
        self.rx_history = wb(rf"(?:{rx_words(hedges['history'])})" + (rf"(?! (?:{not_before})\b)" if not_before else ""))
        self.rx_hedged = wb(rx_words(hedges["hedged"]))
        self.rx_history_after = wb("|".join(hedges["history_after"])) if hedges["history_after"] else _NEVER
        self.rx_background = wb("|".join(hedges.get("background", []))) if hedges.get("background") else _NEVER
        self.rx_history_before = re.compile(   # "previously seized" (not "the former entered": a pronoun)
            rf"(?<![a-z0-9])(?!(?<=the )former\b)(?:{rx_words(hedges['history'])})\s*$")
        self.rx_prevention = wb(rx_words(hedges["prevention"])) if hedges["prevention"] else _NEVER
        self.reinforcing = frozenset(name_key(w).split(" ")[-1] for w in hedges.get("reinforcing", []))
        self.transient = frozenset(name_key(w).split(" ")[-1] for w in hedges.get("transient", []))
        self.rx_perfect = re.compile(rf"\b(?:{rx_words(hedges['perfect'])})\b")   # "had been under state control"
        self.rx_lapsed = re.compile(rf"\b(?:{rx_words(hedges['lapsed'])})\s*$")   # "had long held"
        self.rx_modal_after = re.compile(rf"(?:\s*\S+){{0,4}}?\s+(?:{rx_words(grammar['modals'])})\b")
        self.rx_time_clause = wb(rx_words(grammar["time_clauses"]))

    def not_forces(self) -> frozenset[str]:
        """Name keys that name a force (or its adjective) or a time: never an unknown place."""
        return frozenset(self.actor_of) | frozenset(self.adjective_of) | self.reader.time_words

    def force_named(self, words: str) -> str | None:
        """The actor a name or an adjective stands for ("rebels", "rebel"), or None."""
        return self.actor_of.get(words) or self.adjective_of.get(words)

    def effect(self, status: str) -> str:
        return self.effect_of.get(status, "")

    def allies_of(self, side: str) -> frozenset[str]:
        """The actors allied with ``side`` (none for "outlet" and "other")."""
        return frozenset(self._allies.get(side, ()))

    def not_conceded_by(self, side: str) -> frozenset[str]:
        """The actors whose gains ``side`` announces without conceding anything: its allies and
        the forces it backs (actors.toml "backs", one way)."""
        return self.allies_of(side) | self._backed.get(side, frozenset())

    def actor_names(self, norm: str, text: str | None = None) -> list[ActorName]:
        """Every actor name in the folded text ``norm``, whole words, the longest where names
        overlap ("the Military Operations Command" is the opposition's, not "the military").
        One automaton pass over the text. Given ``text`` (what ``norm`` folds, same offsets), an
        acronym ("US") is a name only where it is written in capitals ("told us" names no one)."""
        words = self.actor_words
        cands = []
        for k, a, b in self.actor_automaton.find_matches_as_indexes(norm, overlapping=True):
            if (a == 0 or not _is_word(norm[a - 1])) and (b == len(norm) or not _is_word(norm[b])) \
                    and (words[k] in self.actor_of or words[k] in self.generic or words[k] in self.pronouns
                         or words[k] in self.unaligned) \
                    and (text is None or words[k] not in self.acronyms or text[a:b].isupper()):
                cands.append((a, b, words[k]))   # (a name of an era not begun names no force here)
        cands.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(len(norm))
        chosen: list[tuple[int, int, str]] = []
        for a, b, w in cands:
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                chosen.append((a, b, w))
        # (not a name negated by "anti-": "anti-government forces", "anti-Assad rebels" are not the government's)
        out = [ActorName(a, b, self.actor_of.get(w), w) for a, b, w in sorted(chosen)
               if not (norm.endswith("anti ", 0, a) and (text is None or text[a - 1:a] == "-"))]
        for k in range(1, len(out)):   # "Russia's defence ministry": the owner's, not the Syrian one
            owner, owned = out[k - 1], out[k]
            if owner.actor and owned.actor and norm[owner.end:owned.start] == "'s " \
                    and owned.name.split(" ")[-1] in self.issuer_heads:   # a ministry or command, not a force
                out[k] = owned._replace(actor=owner.actor)
        return out
