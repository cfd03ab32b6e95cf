"""Reading the forces of a clause: force phrases, subjects, blocked positions, negation and denial."""

from __future__ import annotations

import re

from .grammar import DASHES, PERFECT_AUX, Grammar
from .sponsors import RELATION_HEADS, fused
from .words import (
    GUARDING,
    LOCATIVE_HEADS,
    SUBJECT_LOCATIVES,
    SUBJECT_PARTICIPLES,
    ActorHit,
    ActorName,
    Words,
    adverb,
    bracket_spans,
    coordinated_lead,
    initial,
    not_subject,
    past_backing,
    plural_name,
    unbracketed,
    verb_s,
    whose,
)


class ForceReader(Grammar):
    """Who does what in a clause: the force phrases and the subject of a status phrase."""

    def actor_phrases(self, toks: Words, raw_hits: list[ActorName]) -> list[ActorHit]:
        """Actor names found in the sentence (``raw_hits``, offsets in the sentence) read as
        noun phrases: adjacent names are one phrase whose force is the first specific one
        ("Turkish-backed mercenary factions", "PKK/YPG terrorists"); "factions of the SNA"
        and "fighters led by HTS" are that force; "its units", "the same factions", "they"
        are anaphors."""
        hits: list[ActorHit] = []
        for raw in raw_hits:
            start, end, aid, word = raw.start, raw.end, raw.actor, raw.name
            last = word.split()[-1]
            j = toks.at(end) - 1   # the name's last word: a capitalised one is a proper noun ("Damascus", "SDF")
            common = word in self.common_names or word in self.generic   # "Units of the SNA say": no proper name
            proper = 0 <= j < len(toks) and toks[j].cap and not (common and initial(toks, j))
            # "Syrian Democratic Forces" is one organisation ("its fighters", "the group's")
            plural = plural_name(last, proper)
            if word in self.pronouns and (self.pronouns[word] not in ("latter", "former") or self.pronoun_use(toks, end)):
                hits.append(ActorHit(start, end, None, "anaphor", self.pronouns[word] != "sg", self.pronouns[word]))
                continue
            kind = "generic" if word in self.generic else "name"
            number = ""
            i = toks.at(start)
            if kind == "generic" and self._owned_by_other(toks, i, hits):
                hits.append(ActorHit(start, end, None, "name", plural, "", last))   # "Hezbollah('s) fighters": no actor's
                continue
            adjective = (toks[i - 1].word if (kind == "generic" or word in self.common_names)
                         and 0 < i < len(toks) and toks[i].start == start else "")
            linked = adjective in self.identity_links and i > 1 and toks[i - 2].word in self.noun_adjectives   # "Kurdish-led"
            if (adjective in self.noun_adjectives or linked) and not (hits and hits[-1].end > toks[i - 1 - linked].start):
                aid = self.noun_adjectives[toks[i - 1 - linked].word]
                hits.append(ActorHit(toks[i - 1 - linked].start, end, self.proxy_of.get(aid, aid) if linked else aid, "name",
                                     plural, "", last))
                continue   # "Iranian militias", "Turkish soldiers": that force's (not the noun's default)
            owner = whose(toks, i, hits) if kind == "generic" else None
            if owner is not None:   # "the SDF, whose fighters hold X": the SDF's fighters
                hits.append(ActorHit(start, end, owner, "name", plural, "", last))
                continue
            if i < len(toks) and toks[i].start == start:
                det = self._determiner(toks, i)
                after = toks.at(end)
                if det == "head" and after < len(toks) and toks[after].word in ("that", "who", "which"):
                    det = None   # "the armed factions that took the city": defined here, not the ones named before
                elif det == "head" and toks[i].word.endswith("'s"):
                    det = "sg"   # "the group's fighters": the one group named before
                if det == "own" or (det is not None and kind == "generic"):
                    kind, number = "anaphor", det   # "its units", "the same factions", "our forces"
            hits.append(ActorHit(start, end, aid, kind, plural, number, last))
        merged = self._merge(toks, fused(toks, hits, self.proxy_of))
        return [h for h in merged if h.kind == "name" or h.head not in self.owned_only]

    def _owned_by_other(self, toks, i: int, hits: list[ActorHit]) -> bool:
        """The general noun at token ``i`` follows a proper name's "'s", or an organisation's name
        (``organisations.txt``: "Hezbollah fighters"), that names no actor."""
        if not (0 < i < len(toks) and toks[i - 1].cap) or (hits and hits[-1].end >= toks[i - 1].start):
            return False
        return toks[i - 1].word.endswith("'s") or any(
            tuple(t.word for t in toks[i - n:i]) in self.organisations for n in range(1, min(i, self.organisation_words) + 1))

    def hostile(self, toks: Words, a: ActorHit) -> bool:
        """A force phrase a side uses only for its enemies ("the mercenary factions", "terrorist groups")."""
        return any(t.word in self.hostile_words for t in toks.between(a.start, a.end))

    def _determiner(self, toks, i) -> str | None:
        for n in (2, 1):
            if i - n >= 0:
                phrase = " ".join(t.word for t in toks[i - n:i])
                if phrase in self.determiners:
                    return self.determiners[phrase]
        return None

    def _merge(self, toks, hits: list[ActorHit]) -> list[ActorHit]:
        out: list[ActorHit] = []
        linked: set[tuple[int, int]] = set()   # phrases whose head came before a link ("factions of ...")
        for h in hits:
            if out:
                prev = out[-1]
                # quote marks are no gap: 'the "Dawn of Freedom" operations room'
                gap = [t for t in toks.between(prev.end, h.start) if t.word not in QUOTE_MARKS]
                # one adjective at most between them ("Turkish-backed mercenary factions"); a verb or an article starts another
                pronoun = h.kind == "anaphor" and not h.head   # "regime forces left it": "it" is no part of them
                sponsored = prev.head in PROXY_HEADS and len(gap) == 1 and gap[0].cap   # "Turkish-backed Syrian rebels"
                adjacent = (not gap or h.kind != "name" or sponsored) and not pronoun and len(gap) <= 1 and all(
                                                 t.word.isalpha() and t.word not in self.not_agent_after
                                                 and t.word not in self.clause_starts and t.word not in self.verbs
                                                 and t.word not in ("the", "a", "an", "and", "or")   # (two forces)
                                                 and t.start not in self.trigger_starts   # "forces [sent] troops"
                                                 and (t.cap or not t.word.endswith(("ed", "ing")) and not verb_s(t.word))
                                                 for t in gap)   # ("Syrian army [battles] militants": two)
                near = len(gap) <= LINK_GAP   # (a bracket or a link is a few words: no regex over a long gap)
                # "the Syrian National Army (SNA) factions"; "troops of the 210th Division"; "the counter-attack by X"
                bracket = near and [t.word for t in gap] in (["("], ["(", "the"], [")"]) and not self.cited_source(toks, h)
                words = tuple(t.word for t in gap if t.word not in LINK_TRANSPARENT and not (t.cap and h.actor is None)
                              and not (t.word[:1].isdigit() and _ORDINAL.fullmatch(t.word)))
                link = near and (words in self.modifier_links or (words == ("by",) and prev.head in self.owned_heads))
                owned = prev.kind == "name" and h.kind == "generic" and (
                    self._possessive(toks, prev, gap) or (len(gap) == 1 and gap[0].word in self.identity_links))
                if (proxy := self.sponsored(toks, prev, h, gap)) is not None:   # "factions backed by Turkey"
                    out[-1] = ActorHit(prev.start, h.end, proxy, "name", prev.plural, prev.number, prev.head)
                    continue
                if prev.kind == "name" and h.kind == "generic" and [t.word for t in gap] in SPONSORED:
                    # "US-backed fighters": not the sponsor's; its proxy's (actors.toml), else the noun's own
                    proxy = self.proxy_of.get(prev.actor or "")
                    out[-1] = ActorHit(prev.start, h.end, proxy, "name", h.plural, "", h.head) if proxy else h
                    continue
                # "tribal fighters allied with the army": the army's; "the army of the Zionist regime": Israel's
                if link and (ally := self.ally_of(words, h) or (
                        h.actor if words == ("of",) and prev.head in self.army_words and h.kind == "name" else None)):
                    out[-1] = ActorHit(prev.start, h.end, ally, "name", prev.plural, prev.number, prev.head)
                    continue
                if adjacent or bracket or link or owned:
                    # ("factions of the Turkish-backed Syrian National Army": the factions, plural, stay the head)
                    out[-1] = self._join(prev, h, modifier_first=not (link or (prev.start, prev.end) in linked))
                    if link or (prev.start, prev.end) in linked:
                        linked.add((out[-1].start, out[-1].end))
                    continue
            out.append(h)
        return out

    def _possessive(self, toks: Words, owner: ActorHit, gap: list) -> bool:
        """"the regime's 25th Division", "the rebels' campaign": a noun owned by the force named before it."""
        k = toks.at(owner.end)
        inside = 0 < k <= len(toks) and toks[k - 1].end > owner.end and toks[k - 1].word.endswith("'s")
        if not inside and not (gap and gap[0].word == "'"):
            return False
        words = gap if inside else gap[1:]
        return len(words) <= POSSESSED_WORDS and all(
            t.word.isalnum() and t.word not in self.verbs and t.word not in self.clause_starts
            and t.word not in self.not_agent_after and t.word not in ("the", "a", "an") for t in words)

    def _join(self, a: ActorHit, b: ActorHit, modifier_first: bool) -> ActorHit:
        """One phrase from two adjacent names; the specific name decides the force."""
        head = b if modifier_first else a   # (its number: "SNA fighters", "factions of the SNA")
        # the head decides between two names, but a general noun ("Islamist factions") yields to the name it is of
        order = (b, a) if modifier_first or (a.head in self.generic and a.head not in RELATION_HEADS and b.kind == "name"
                                             and b.actor) else (a, b)   # (but "allies of the US" are not the US)
        # a sponsor's adjective names the proxy and decides ("Turkish-backed opposition groups": the SNA)
        named = sorted((h for h in order if h.kind == "name"), key=lambda h: not h.actor)   # (a force before a body of none)
        force = next((h for h in named if h.head in PROXY_HEADS), None) or next(iter(named), None)
        if force is None:   # no name: the noun linked decides ("troops of the 210th Division": whose, unsaid)
            force = b if not modifier_first else next((h for h in order if h.kind == "generic"), order[0])
        kind = force.kind if force.kind == "name" else (a.kind if a.kind == "anaphor" else force.kind)
        actor = force.actor
        if head.head in PROXY_NOUNS and force.head not in self.generic and head is not force and actor in self.proxy_of:
            actor = self.proxy_of[actor]   # "the mercenary factions of the Turkish occupation": the SNA
        return ActorHit(a.start, b.end, actor, kind, head.plural, a.number or b.number, head.head)

    # Positions ------------------------------------------------------------------------------

    def blocked(self, toks: Words, i: int) -> bool:
        """The phrase starting at token ``i`` follows a preposition that makes it not an agent
        ("against the Assad regime", "seized from the SDF"). Looks back over articles, names and
        participles ("the allied", "the Assad"), at most three words; a time phrase ("On Thursday
        the rebels") or a verb ("to halt insurgents") in between means the preposition governs
        something else."""
        k = i - 1
        while k >= 0 and i - k <= 4:
            t = toks[k]
            if t.word in self.not_agent_after:
                # "hundreds of Iraqi militiamen": a number of them, not a preposition governing them
                return not (t.word == "of" and k > 0 and toks[k - 1].word in self.quantities and toks[i].word != "them")
            if not (t.word in ("the", "a", "an", "its", "their", "his", "her") or t.word.endswith("ed")
                    or (t.cap and t.word not in self.time_words)):
                return False
            k -= 1
        return False

    def clause_start(self, toks: Words, i: int) -> int:
        """The first token of the clause of token ``i``: after the last ";", ":", dash, bracket, clause word or reporting verb."""
        j = i - 1
        self.insertions = []
        while j >= 0:
            w = toks[j].word
            if w == ")":   # a bracket closed before: skip over it ("the SNA (Turkish-backed) took")
                while j >= 0 and toks[j].word != "(":
                    j -= 1
            elif w in DASHES and (pair := self.dash_pair(toks, j)) is not None:   # "Hama — Syria's fourth city — fell"
                self.insertions.append((toks[pair].start, toks[j].end))
                j = pair
            elif w in (";", ":", "\u2014", "(", '"', "\u201c", "\u201d") or (w == "," and self._attribution_before(toks, j)):
                return j + 1
            elif self.clause_word(toks, j, i) or (w in self.verbs and not self._raised(toks, j)
                                                  and toks[j].start not in self.forces_at):   # (not "United States forces")
                opening = self._insertion(toks, j, i)
                if opening is None:
                    return j + 1
                closing = next(k for k in range(j + 1, i) if toks[k].word == ",")
                self.insertions.append((toks[opening].start, toks[closing].end))
                j = opening   # "X, which the army had held, was seized": the clause goes on before it
            j -= 1
        return 0

    @staticmethod
    def _attribution_before(toks: Words, j: int) -> bool:
        """The comma at token ``j`` closes an opening "According to X" ("According to the monitor, Halfaya fell")."""
        k = j - 1
        while k >= 0 and toks[k].word not in (",", ";", ":", "(", "-", "\u2013", "\u2014"):
            k -= 1
        return k + 2 < j and toks[k + 1].word == "according" and toks[k + 2].word == "to"

    def _raised(self, toks: Words, j: int) -> bool:
        """The reporting verb at token ``j`` is a passive before "to" ("were reported to have pulled out of X")."""
        k = j - 1
        while k >= 0 and toks[k].word in self.adverbs:
            k -= 1
        return k >= 0 and toks[k].word in self.passive_aux and j + 1 < len(toks) and toks[j + 1].word == "to"

    def _insertion(self, toks: Words, j: int, i: int) -> int | None:
        """The opening comma when the clause word or reporting verb at token ``j`` starts an
        insertion closed by a comma before token ``i`` (", which the army had held,", ", a town
        that changed hands,", ", the rebels said,"), else None."""
        closing = [k for k in range(j + 1, i) if toks[k].word == ","]
        if len(closing) != 1 or any(toks[k].word in (";", ":", "(", ")") for k in range(j + 1, i)):
            return None
        o = j
        while o > 0 and toks[o].word not in (",", ";", ":", "(", ")"):
            o -= 1
        if o <= 0 or toks[o].word != ",":
            return None
        head = [t.word for t in toks[o + 1:o + 1 + INSERTION_HEAD]]
        if not any(w in self.clause_starts or w in self.verbs for w in head):
            return None   # "Saraqib, Hama and Homs were taken": a list, not an insertion
        return o

    def negated(self, toks: Words, lo: int, hi: int) -> bool:
        """A negation between tokens ``lo`` and ``hi`` of one clause ("had not captured",
        "no fighters had entered")."""
        words = [t.word for t in toks[lo:hi]]
        if not self.negation_words.intersection(words):
            return False
        for neg in self.negations:
            n = len(neg)
            if any(tuple(words[k:k + n]) == neg for k in range(len(words) - n + 1)):
                return True
        return False

    def subjectless(self, toks: Words, i: int) -> bool:
        """Token ``i`` (a status phrase) has no subject of its own: it follows a comma, "and",
        "then", "before"/"after" (+ -ing), "to" (infinitive), or opens the sentence."""
        j = i - 1
        while j >= 0 and (toks[j].word in self.soft or toks[j].word.isdigit()
                          or (toks[j].word == "since" and j > 0 and toks[j - 1].word in PERFECT_AUX)
                          or (toks[j].word == "by" and j + 1 < i and (toks[j + 1].word.isdigit()
                                                                      or toks[j + 1].word in self.time_words))):
            j -= 1   # (past "by 2 December", "by Friday": "... and by 2 December had seized X")
        if j < 0:
            return True
        return toks[j].word in self.subjectless_after

    def subject(self, toks: Words, i: int, actors: list[ActorHit], lo: int) -> ActorHit | None:
        """The force right before token ``i`` in subject position, back to token ``lo``: only
        auxiliaries, adverbs, negations, time words and a bracket may stand between."""
        pos = toks[i].start
        skip: set[int] = set()   # tokens of forces after a preposition ("insurgents led by HTS had entered")
        brackets = bracket_spans(toks, lo, i)
        for a in reversed([a for a in actors if a.end <= pos and a.start >= toks[lo].start if lo < len(toks)]):
            if any(x <= a.start and a.end <= y for x, y in brackets) or not_subject(toks, a, pos) \
                    or self.in_relative_insertion(toks, a.start, pos):
                continue   # "HTS (banned in Russia as a terrorist organisation) took X": HTS
            end = next((y for x, y in brackets if x < a.end < y), a.end)   # "fighters (HTS, a group banned ...)"
            gap = self._past_locative(past_backing(unbracketed([t for t in toks.between(end, pos)
                                                                  if t.start not in skip])))
            commas = [k for k, t in enumerate(gap) if t.word == ","]
            if len(commas) >= 2 and commas[0] == 0 and len(gap) <= 20:
                gap = gap[commas[-1] + 1:]   # "terrorist groups, backed by X, had entered"
            ok = all(t.word in self.soft or t.word in self.subject_gap or t.word in SUBJECT_MARKS
                     or t.word.isdigit() or adverb(t) for t in gap)
            if [t.word for t in gap] == [","] and self._in_participle_insertion(toks, a):
                continue   # "the SFA, based at the al-Tanf garrison, captured X": the SFA
            if not ok or len(gap) > 8 or len(gap) > 1 and gap[0].word == "," and not self.apposed_name(toks, a, actors):
                return None   # (but "a US-backed group, the Syrian Free Army, has taken X": the name)
            start_i = toks.at(a.start)
            if self.blocked(toks, start_i):
                # skip the phrase back to its preposition and a participle before it ("led by")
                k = start_i - 1
                while k > 0 and toks[k].word not in self.not_agent_after:
                    k -= 1
                if k > 0 and toks[k - 1].word.endswith("ed"):
                    k -= 1
                skip.update(t.start for t in toks.between(toks[k].start, a.end))
                continue
            return (coordinated_lead(toks, a, actors, brackets) if a.kind == "generic" and a.actor is None else None) or a
        return None

    def _in_participle_insertion(self, toks: Words, a: ActorHit) -> bool:
        """The force phrase ``a`` closes an insertion opened by a comma and a participle
        (", based at the al-Tanf garrison,") or an example ("groups, including Iraqi factions,")."""
        opener = self.insertion_opener(toks, a.start)
        return opener is not None and (opener.endswith("ed") or opener in self.insertion_openers)   # ", including X,"

    def _past_locative(self, gap: list) -> list:
        """``gap`` without a leading phrase placing the force ("groups [in Daraa province] seized",
        "factions [from the south] entered")."""
        if len(gap) > 1 and gap[0].word in SUBJECT_PARTICIPLES and gap[1].word in SUBJECT_LOCATIVES:
            gap = gap[1:]   # "units [stationed] in Albu Kamal withdrew"
        if gap and gap[0].word.endswith("ing") and not gap[0].cap and len(gap) <= PARTICIPLE_PHRASE \
                and not any(t.word in (",", ";", "that") for t in gap):
            return []   # "Rebels [pushing south along the M5 highway] took X"
        if len(gap) > 1 and gap[0].word in GUARDING and gap[1].word in ("it", "them"):
            return gap[2:]   # "the troops [guarding it] withdrew"; "the soldiers [guarding the base]": as "in"
        if not gap or not (gap[0].word in SUBJECT_LOCATIVES or gap[0].word in GUARDING):
            return gap
        if len(gap) >= 3 and gap[0].word == "from" and gap[1].word == "the" and gap[2].word in self.directions:
            return gap[3:]
        k, named = 1, False
        while k < len(gap):
            inside = any(p.start <= gap[k].start < p.end for p in self.sentence_places)
            listed = named and gap[k].word in ("and", ",") and k + 1 < len(gap) and any(
                p.start == gap[k + 1].start for p in self.sentence_places)   # "stationed in A and B"
            region = gap[k].word in self.directions or (gap[k].cap and gap[k].word.isalpha())   # "in southern Syria"
            if not (inside or listed or region or gap[k].word == "the" or gap[k].word in LOCATIVE_HEADS):
                break
            named = named or inside or (region and gap[k].cap)
            k += 1
        # "tanks near Qatana, about 20 km from Damascus": after a comma the phrase describes the place
        if named:
            return gap[k:] if not (k < len(gap) and gap[k].word == ",") else gap
        return self._past_means(gap)

    def _past_means(self, gap: list) -> list:
        """``gap`` without a short phrase saying how the force came ("gunmen [in pick-up trucks] were seen",
        "troops [in armoured vehicles] entered"): lower-case nouns only, then an auxiliary or a time word."""
        k = 1
        while k < len(gap) and k <= MEANS_WORDS and (gap[k].word in ("the", "a", "an") or (
                gap[k].word.replace("-", "").isalpha() and not gap[k].cap and gap[k].word not in ("and", "or", "but")
                and gap[k].word not in self.soft and gap[k].word not in self.subject_gap
                and gap[k].word not in self.verbs and gap[k].word not in self.clause_starts)):
            k += 1
        rest = gap[k:]
        return rest if 1 < k and all(t.word in self.soft or t.word in self.subject_gap for t in rest) else gap

    def co_subject(self, toks: Words, subj: ActorHit, actors: list[ActorHit]) -> ActorHit | None:
        """The force coordinated before a subject ("Jihadists and their Turkish-backed allies
        breached X": the jihadists too); only "and", a comma, "the", "its", "their" between."""
        before = [a for a in actors if a.end <= subj.start]
        if not before:
            return None
        a = before[-1]
        gap = [t.word for t in toks.between(a.end, subj.start)]
        if "and" in gap and all(w in ("and", ",", "the", "its", "their", "his", "allied", "local", "tribal") for w in gap) \
                and not self.blocked(toks, toks.at(a.start)):
            return a
        return None

    def possessor(self, toks: Words, i: int, actors: list[ActorHit]) -> ActorHit | None:
        """The force a noun phrase at token ``i`` belongs to ("its withdrawal", "the army's
        pullback", "the SDF's loss of"): a force at most three words before it."""
        pos = toks[i].start
        for a in reversed([a for a in actors if a.end <= pos]):
            gap = toks.between(a.end, pos)
            if len(gap) <= 3 and all(t.word.isalpha() and t.word not in self.verbs and t.word not in self.not_agent_after
                                     and t.word not in self.clause_starts for t in gap):
                return a
            return None
        return None


# Words between a noun and "of"/"led by" and its force that leave the link whole ("factions of the so-called 'National Army'")
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})
LINK_TRANSPARENT = frozenset({"the", "our", "its", "their", "so", "called", "elite", ",", "'", "\u2018", "\u2019"}) | QUOTE_MARKS
PROXY_HEADS = frozenset({"backed", "affiliated", "aligned", "sponsored", "supported", "funded"})   # "Turkish-backed"
SPONSORED = (["backed"], ["sponsored"], ["supported"], ["funded"])   # "US-backed fighters"
PROXY_NOUNS = frozenset({"mercenaries", "factions", "militias", "gangs", "groups"})   # a state's: its proxy's
SUBJECT_MARKS = frozenset({"(", ")", ",", "'", '"', "\u201d", "\u2019"})   # "the 'National Army' attacked"
PARTICIPLE_PHRASE = 8   # words of a participle phrase between a subject and its verb ("pushing south along the M5")
MEANS_WORDS = 3         # words of a phrase saying how a force came ("in armoured pick-up trucks")
POSSESSED_WORDS = 4     # modifiers between a force's "'s" and the noun it owns ("the regime's 25th Special Missions Forces")
INSERTION_HEAD = 9      # words between the comma opening an insertion and its clause word ("a town that")
LINK_GAP = 6   # words between a noun and the force it is linked to ("fighters of the so-called 'National Army'")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?")
