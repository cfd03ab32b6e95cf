"""Whether a mention of a place name is the place, a metonym standing for its government
("Moscow regarded", "Ankara-backed", "Kremlin spokesman") or a dateline. Only countries, capitals,
seats of government and places written as a news outlet's name (outlets.toml: "told Al Mayadeen",
the Lebanese channel, not the Syrian town) can be metonyms; their role comes from the words around them, in the
order of geo/data/metonymy.toml: a hyphen compound, a possessive, the words just before (here)
and just after (``Predicates``)."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..model import Entry, Mention
from ..text import DASHES, name_key
from .coordination import Around
from .datelines import Datelines
from .metonymy import DATELINE, METONYM, PLACE, MetonymVocab
from .predicates import Predicates
from .scanning import Token, tokens

LEFT_WINDOW = 80      # characters before a name (in its sentence) read for its role
RIGHT_WINDOW = 200    # characters after a name (in its sentence) read for its role
HYPHEN_WINDOW = 40    # characters read for the word a hyphen joins to a name
COMPOUND_WINDOW = 60  # characters read after a hyphen compound for a place noun
COMPOUND_WORDS = 5    # ... of which this many words
LIST_VERB_WORDS = 3   # words before a list opener ("neighbours such as") read for its verb

_WHO = re.compile(r"\s*,\s*who\b")
_AND_NAME = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")
_UPPER_WORD = re.compile(r"\s*[\"“‘']?[A-Z]")
_WORD = re.compile(r"[^\W_]+")
_LAST_WORD = re.compile(r"[^\W_]+$")


class RoleRules:
    """The role of each mention of a report: dateline, metonym or place."""

    def __init__(self, gaz: Gazetteer, vocab: MetonymVocab, datelines: Datelines,
                 outlet_names: frozenset[str] = frozenset()):
        """``outlet_names``: the name keys of the news outlets a report may cite."""
        self.gaz = gaz
        self.vocab = vocab
        self.outlet_names = outlet_names
        self.datelines = datelines
        self.predicates = Predicates(vocab)
        self._eligible: dict[str, bool] = {}
        self._eligible_ids: dict[str, bool] = {}     # place_id -> eligible(gaz.entries[place_id])
        self._institutions: dict[str, bool] = {}
        self._institution_surfaces: dict[str, bool] = {}
        self._outlet_surfaces: dict[str, bool] = {}

    def _institution(self, e: Entry) -> bool:
        if e.id not in self._institutions:
            self._institutions[e.id] = name_key(e.name) in self.vocab.institutions
        return self._institutions[e.id]

    def _institution_surface(self, surface: str) -> bool:
        if surface not in self._institution_surfaces:
            self._institution_surfaces[surface] = name_key(surface) in self.vocab.institutions
        return self._institution_surfaces[surface]

    def eligible(self, e: Entry) -> bool:
        """Whether ``e`` may stand for a government: a country, a capital or a seat."""
        if e.id not in self._eligible:
            self._eligible[e.id] = e.kind in self.vocab.metonym_kinds or name_key(e.name) in self.vocab.seats
        return self._eligible[e.id]

    def _outlet(self, m: Mention) -> bool:
        """The name is written as a news outlet's, capitalised ("Al-Mayadeen")."""
        if not (self.outlet_names and m.surface[:1].isupper()):
            return False
        known = self._outlet_surfaces.get(m.surface)
        if known is None:
            known = self._outlet_surfaces[m.surface] = name_key(m.surface) in self.outlet_names
        return known

    def roles(self, found: list[Mention], text: str, norm: str) -> list[str]:
        """The role of each of ``found`` (in text order). ``norm`` is ``normalize(text)``: the
        fold is per character, so its slices are the slices' folds."""
        out: list[str] = []
        around = Around(found, text, norm)
        for i, m in enumerate(found):
            prev = found[i - 1] if i else None
            if self.datelines.found_at(m, text, norm) or (
                    prev is not None and out[-1] == DATELINE and self.datelines.continues(prev, m, text)):
                out.append(DATELINE)   # "HAMA, Syria, Dec 5 -": the region is part of it
            else:
                eligible = self._eligible_ids.get(m.place_id)
                if eligible is None:
                    eligible = self._eligible_ids[m.place_id] = self.eligible(self.gaz.entries[m.place_id])
                eligible = eligible or self._outlet(m) or bool(_WHO.match(text, m.end))
                # role() is "place" for a name that cannot be a metonym
                out.append(self.role(m, found, text, norm, i, around) if eligible else PLACE)
        return out

    def role(self, m: Mention, all_: list[Mention], text: str, norm: str,
             index: int | None = None, around: Around | None = None) -> str:
        """Place or metonym (datelines are found by ``roles``); see geo/data/metonymy.toml.
        ``all_``: the report's mentions in text order, ``m`` the ``index``-th of them;
        ``around``: ``Around(all_, ...)``, made once for all of them (else here)."""
        v = self.vocab
        entry = self.gaz.entries[m.place_id]
        if _WHO.match(text, m.end):
            return METONYM           # "Jableh, who finished third": a team or a people, not the town
        if not (self.eligible(entry) or self._outlet(m)):
            return PLACE
        if self._institution(entry) or (m.surface[:1].isupper() and self._institution_surface(m.surface)):
            return METONYM
        if around is None:
            around = Around(all_, text, norm)
        hyphen = self._hyphen(m, around, text, norm)
        if hyphen:
            return hyphen
        first, last = around.group(m, index)
        sent_end = first.sentence_start + len(first.sentence)
        left = tokens(norm, max(first.sentence_start, first.start - LEFT_WINDOW), first.start)
        right = _past_unknown_names(tokens(norm, last.end, min(sent_end, last.end + RIGHT_WINDOW)), text)
        if left and left[-1][0] in v.titles and right and right[0][0].isalpha() \
                and _UPPER_WORD.match(text, m.end) and (right[0][0],) not in v.gov_nouns:
            return METONYM           # "Defence Minister Israel Katz": a person, not the place
        if right and right[0][0] == "'s":     # before "in": "of Russia's fleet", "in Syria's north"
            span = self.predicates.possessed_span([w for w, _ in right[1:]])
            end = right[1 + len(span)][1] if 1 + len(span) < len(right) else sent_end
            inner = around.first_inside(last.end, end)
            if inner is not None:   # "Syria's Latakia province": a place in it; "Russia's Hmeimim Air Base": its owner
                return METONYM if self._abroad(m, inner) else PLACE
            return PLACE if v.has_place_noun(span) else METONYM
        if len(left) > 1 and left[-1][0] == "with" and left[-1][1] - 1 in around.ends:
            return PLACE              # "the road linking Aleppo with Damascus": two places
        if self._fragment(left, right, m is not last or first is not m, entry) or self._asked(left, right) \
                or self._seat_opening(left, right) or self._between_parties(left, last, text, around):
            return METONYM
        r = self._left(left)
        if r == METONYM and left[-1][0] in v.object_verb_forms and len(right) > 1 and right[0][0] == "to":
            r = None      # "expect Damascus to fall": the verb after "to" decides (in Predicates.after)
        if r:
            return r
        # after a verb other than one of saying, the name is its object, not a subject
        prev = left[-1][0] if left else ""
        subject = not (prev in v.verb_forms and prev not in v.speech_forms)
        words = [w for w, _ in left if w not in v.articles]
        # in a list inside its clause, or an appositive ("Syria's neighbours, Jordan and
        # Lebanon, closed ..."): the verb after the closing comma is the clause's
        listed = any(tuple(words[-n:]) in v.list_openers for n in v.list_opener_lengths) \
            or words[-1:] == [","]
        country = entry.kind in v.metonym_kinds
        return self.predicates.after(right, text, subject, listed, country) or PLACE

    def _fragment(self, left: list[Token], right: list[Token], grouped: bool, entry: Entry) -> bool:
        """The sentence is only the name, or names ("NADIA: Russia.", "And Iran?", "What about Russia?",
        "Israel first.", "Moscow and Tehran"): a country so named is the state; a capital only when asked about
        or named with another (a capital alone may head a section of news from it)."""
        v = self.vocab
        before = [w for w, _ in left]
        if ":" in before:
            before = before[len(before) - before[::-1].index(":"):]   # past a speaker's label
        if before and tuple(before) not in v.fragment_openers:
            return False
        after = [w for w, _ in right]
        end = next((n for n, w in enumerate(after) if w in v.fragment_ends), len(after))
        if any(w not in v.fragment_closers for w in after[:end]):
            return False
        return entry.kind == "country" or grouped or bool(before) or "?" in after[end:end + 1]

    def _asked(self, left: list[Token], right: list[Token]) -> bool:
        """The subject of a question ("What are Russia and Iran doing?", "How does Moscow assess ...")."""
        v = self.vocab
        return len(left) >= 2 and (left[-1][0] in v.aux or left[-1][0] in v.copulas) \
            and left[-2][0] in v.question_words and bool(right) and right[0][0].isalpha()

    def _seat_opening(self, left: list[Token], right: list[Token]) -> bool:
        """"In Ankara, officials have ...", "In Moscow, the Kremlin spokesman said": the seat of a government
        opening the sentence, its officials right after the comma; "For Ankara, the calculus ..." (its view);
        "Moscow, whose military police patrolled ..." (its forces)."""
        v = self.vocab
        before = [w for w, _ in left]
        if len(right) < 2 or right[0][0] != ",":
            return False
        if right[1][0] == "whose":
            after = [w for w, _ in right[2:5]]
            return any(tuple(after[:n]) in v.gov_nouns for n in (1, 2, 3))
        if before == ["for"]:
            return True
        if before != ["in"]:
            return False
        rest = [w for w, _ in right[1:1 + 4] if w not in v.articles]
        if rest and rest[0] in v.titles:
            return False   # "In Damascus, President Bashar al-Assad received ...": a person there, an event in the city
        return any(tuple(rest[:n]) in v.gov_nouns for n in (1, 2, 3)) or bool(rest) and rest[0] in v.institutions

    @staticmethod
    def _between_parties(left: list[Token], last: Mention, text: str, around: Around) -> bool:
        """"a ceasefire took hold between Israel and Hezbollah", "between Türkiye and the SDF": set beside a
        party that is no place, the name is a party too (not "the road between Damascus and Beirut")."""
        if not left or left[-1][0] != "between":
            return False
        other = _AND_NAME.match(text, last.end)
        return other is not None and other.end() - 1 not in around.starts_set

    def _abroad(self, owner: Mention, place: Mention) -> bool:
        """``owner`` is a country and ``place`` lies in another one ("Russia's Hmeimim Air Base")."""
        o, p = self.gaz.entries.get(owner.place_id), self.gaz.entries.get(place.place_id)
        return o is not None and p is not None and o.kind == "country" and bool(p.country) and p.country != o.country

    def _hyphen(self, m: Mention, around: Around, text: str, norm: str) -> str | None:
        """"Ankara-backed", "pro-Turkey" -> metonym; "Britain-based", "Aleppo-Damascus highway",
        "Syria-Turkey border" -> place; None when the name is not joined by a hyphen."""
        after = text[m.end:m.end + 1]
        before = text[m.start - 1:m.start] if m.start else ""
        if after and after in DASHES and text[m.end + 1:m.end + 2].isalpha():
            word = _WORD.match(norm[m.end + 1:m.end + HYPHEN_WINDOW])
            if word and word.group() in self.vocab.hyphen_suffixes:
                return METONYM
            return self._compound(m, around, norm, m.end + 1)
        if before and before in DASHES and m.start > 1 and text[m.start - 2].isalpha():
            word = _LAST_WORD.search(norm[max(0, m.start - HYPHEN_WINDOW):m.start - 1])
            if word and word.group() in self.vocab.hyphen_prefixes:
                return METONYM
            return self._compound(m, around, norm, m.end)
        return None

    def _compound(self, m: Mention, around: Around, norm: str, pos: int) -> str:
        """A hyphen compound of the name: a place, unless it joins two names and what follows
        is not a place noun ("Russia-Turkey talks")."""
        # (``m`` itself neither starts at ``pos``, which is past its end, nor ends before it starts)
        other = pos in around.starts_set or m.start - 1 in around.ends
        words = [w for w, _ in tokens(norm, pos, min(len(norm), pos + COMPOUND_WINDOW))][:COMPOUND_WORDS]
        if other and not self.vocab.has_place_noun(words[1:] if words and pos in around.starts_set else words):
            return METONYM
        return PLACE

    def _left(self, toks: list[Token]) -> str | None:
        """The role what comes just before the name gives it, or None."""
        v = self.vocab
        words = [w for w, _ in toks]
        i, adjective = len(words), False
        while i:
            if words[i - 1] in v.articles:
                i -= 1
                continue
            for n in (3, 2, 1):
                if i >= n and tuple(words[i - n:i]) in v.loc_adjectives:
                    i -= n
                    adjective = True
                    break
            else:
                break
        core = words[:i]
        for n in range(min(v.before_max, len(core)), 0, -1):
            role = v.before.get(tuple(core[-n:]))
            if role:
                if role == METONYM and core[-1] == "with" and n == 1 and len(core) > 1 \
                        and (core[-2],) in v.place_nouns:
                    return PLACE      # "its border crossings with Syria"
                return role
        if adjective:
            return PLACE          # "northern Syria", "neighbouring Turkey"
        if not core:
            return None
        prev = core[-1]
        if prev in v.object_verb_forms:
            return METONYM        # "assured Ankara", "promised Damascus"
        if prev in v.affected_forms:
            return PLACE          # "entered Syria", "seized Damascus"
        if (prev,) in v.place_nouns:
            return PLACE          # "the capital Damascus"
        for opener in v.list_openers:    # "harm neighbours such as Iraq"
            n = len(opener)
            if tuple(core[-n:]) == opener:
                for w in reversed(core[max(0, len(core) - n - LIST_VERB_WORDS):len(core) - n]):
                    if w in v.object_verb_forms:
                        return METONYM
                    if w in v.affected_forms:
                        return PLACE
        j = len(core) - 1
        if core[j] == "," and j:
            j -= 1
        if core[j] in v.actor_nouns:
            return METONYM        # "his main backers, Russia and Iran"
        return None


def _past_unknown_names(right: list[Token], text: str) -> list[Token]:
    """The words after a list that goes on with names the gazetteer lacks ("Jordan, Egypt and
    Saudi Arabia also condemned", "Turkey and the SNA have held"): what follows the list; else
    ``right`` as it is."""
    j, names, joined = 0, 0, False
    while j < len(right):
        word, pos = right[j]
        if word in (",", "and", "or"):
            joined = joined or word != ","
            j += 1
        elif word == "the" and j and right[j - 1][0] in (",", "and", "or") and j + 1 < len(right) \
                and text[right[j + 1][1]:right[j + 1][1] + 1].isupper():
            j += 1        # "and the SNA": the article of the next name
        elif text[pos:pos + 1].isupper():
            while j < len(right) and text[right[j][1]:right[j][1] + 1].isupper():
                j += 1
            names += 1
        else:
            break
    return right[j:] if names and joined and j < len(right) and right[j - 1][0] not in (",", "and", "or") else right
