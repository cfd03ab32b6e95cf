"""What comes just after a name decides its role: a government noun ("Kremlin spokesman"), an
appositive ("Moscow, Assad's main backer,"), a possessive ("Russia's air force"), or the verb
whose subject it is ("Moscow said" is an actor, "Damascus fell" a place); see metonymy.toml."""

from __future__ import annotations

from typing import NamedTuple

from .metonymy import METONYM, PLACE, MetonymVocab
from .scanning import Token

POSSESSED_WORDS = 4      # words of the noun phrase after a possessive ("second city")
APPOSITIVE_WORDS = 8     # words of an appositive with an actor noun ("Assad's main backer")
PARENTHESIS_PARTS = 3    # comma-separated parts of a parenthesis before the verb
PARENTHESIS_WORDS = 40   # tokens read past the comma for them
UNKNOWN_NAME_WORDS = 3   # capitalised words of a name the gazetteer lacks ("the United States")
PREDICATE_WORDS = 12     # tokens of a verb phrase read
PREDICATE_LEAD = 10      # of them, auxiliaries, adverbs and time phrases before the verb
COPULA_WORDS = 5         # words after a copula read for an actor noun ("is the SNA's main backer")
_QUOTES = {'"', "“", "”", "'", "‘"}


class _Lead(NamedTuple):
    """What stands before a verb phrase's main word: its index (``at``), and whether a copula, an
    auxiliary or "has" came first."""
    at: int
    copula: bool
    aux: bool
    have: bool


class Predicates:
    """The rules that read the words after a name (``vocab``: metonymy.toml)."""

    def __init__(self, vocab: MetonymVocab):
        self.vocab = vocab

    def after(self, toks: list[Token], text: str, subject: bool = True,
              listed: bool = False, country: bool = True) -> str | None:
        """The role what comes just after the name gives it, or None. ``subject``: whether
        the name may be the subject of a verb after it; ``listed``: whether it is in a list
        inside its clause ("governments, including the US and France, urged"); ``country``: see
        ``_predicate``."""
        v = self.vocab
        words = [w for w, _ in toks]
        if not words:
            return None
        if words[0] in v.conjunctions and len(toks) > 2 and text[toks[1][1]].isupper():
            k = 1     # "the United States and France, urged": past a name not in the gazetteer
            while k < len(toks) and text[toks[k][1]].isupper():
                k += 1
            if k > 1 and k < len(toks) and k <= UNKNOWN_NAME_WORDS + 1:
                return self.after(toks[k:], text, subject, listed, country)
        if words[0] == "'s" or (words[0] == "'" and len(words) > 1):
            return self._possessed(words[1:])
        if words[0] in v.conjunctions and len(words) > 2 and words[1] in v.group_possessives:
            return self._possessed(words[2:])     # "Turkey and its allied factions"
        for n in (3, 2, 1):
            if tuple(words[:n]) in v.gov_nouns:
                return METONYM                    # "Kremlin spokesman", "Israel Defense Forces"
        if words[0] == "," and listed and subject:
            r = self._predicate(words[1:], toks[1:], text, strict=True, country=country)
            if r:
                return r
        if words[0] == ",":
            return self._after_comma(words[1:], toks[1:], text, country) if subject else None
        if words[0] == "to" and len(words) > 1 and words[1].isalpha() and words[1] not in v.determiners \
                and text[toks[1][1]].islower():
            # "Russia wants Damascus to restore order"; but "expect Damascus to fall"
            return PLACE if self._predicate(words[1:], toks[1:], text, strict=True) == PLACE else METONYM
        return self._predicate(words, toks, text, country=country) if subject else None

    def _possessed(self, words: list[str]) -> str:
        """"Syria's second city" -> place; "Russia's air force", "Ankara's priority" -> metonym."""
        return PLACE if self.vocab.has_place_noun(self.possessed_span(words)) else METONYM

    def possessed_span(self, words: list[str]) -> list[str]:
        """The first words of the noun phrase after a possessive: "second city", "Mediterranean
        fleet" (up to four words, to a mark, preposition or verb)."""
        v = self.vocab
        span: list[str] = []
        for w in words[:POSSESSED_WORDS]:     # the possessed noun phrase: "second city", "Mediterranean fleet"
            if (not w[:1].isalnum() or (w,) in v.before or w in v.copulas or w in v.aux
                    or (span and (w in v.verb_forms or w in v.affected_forms) and (w,) not in v.place_nouns)):
                break
            span.append(w)
        return span

    def _after_comma(self, words: list[str], toks: list[Token], text: str,
                     country: bool = True) -> str | None:
        """", where ..." (place); ", which/who <verb>"; an appositive with an actor or place noun
        ("Moscow, Assad's main military backer,"); a parenthesis then the verb ("Russia, at the
        request of the Syrian authorities, is doing everything")."""
        v = self.vocab
        if not words:
            return None
        if words[0] in v.where:
            return PLACE
        relative = None
        if words[0] in v.relatives:
            # the main clause's verb after the relative clause speaks first: "Jordan, which
            # borders Syria, closed the crossing"; else the relative clause's: "Damascus,
            # which fell on Sunday"
            relative = self._predicate(words[1:], toks[1:], text, country=country) or "none"
        if not relative:
            seg: list[str] = []     # an appositive: "Moscow, Assad's main backer,"
            for w in words:
                if w in (",", ";", ":", "(", ")") or not (w[:1].isalnum() or w in ("'s", "'")):
                    break
                seg.append(w)
            if len(seg) <= APPOSITIVE_WORDS and any(w in v.actor_nouns for w in seg):
                return METONYM
        # a parenthesis of up to three comma-separated parts, then the verb
        k, parts = 0, 0
        while k < len(words) and parts < PARENTHESIS_PARTS and k < PARENTHESIS_WORDS:
            while k < len(words) and words[k] != ",":
                k += 1
            k += 1
            parts += 1
            if k < len(words):
                r = self._predicate(words[k:], toks[k:], text, strict=True, country=country)
                if r:
                    return r
        return relative if relative != "none" else None

    def _time_phrase(self, words: list[str], i: int) -> int:
        """The index after a time adverbial starting at ``words[i]`` ("on Monday", "late on
        Sunday evening", "on December 9", "in 2015", "last week", "overnight"), or ``i``."""
        v = self.vocab
        j = i
        while j < len(words) and words[j] in v.time_leaders:
            j += 1
        if j < len(words) and (words[j] in v.time_words or (j > i and words[j].isdigit())):
            j += 1
            while j < len(words) and (words[j] in v.time_words or words[j].isdigit() or words[j] == ","):
                j += 1
            return j
        return i

    def _lead(self, words: list[str]) -> _Lead:
        """Past the auxiliaries, adverbs, copulas and time phrases a verb phrase begins with."""
        v = self.vocab
        i, copula, aux, have = 0, False, False, False
        while i < len(words) and i < PREDICATE_LEAD:
            w = words[i]
            t = self._time_phrase(words, i)
            if t > i:                     # "Israel on Monday said", "Russia late on Sunday"
                i = t
                continue
            if w in v.copulas:
                copula = True
            elif w in v.have and words[i + 1:i + 2] == ["to"]:
                aux, i = True, i + 1      # "Damascus will have to choose": a modal, no possession
            elif w in v.have:
                have = aux = True
            elif w in v.aux or w in v.adverbs or (w.endswith("ly") and len(w) > 4 and w not in v.verb_forms
                                                  and w not in v.actor_adjectives):   # ("is unlikely to")
                aux = aux or w in v.aux
            else:
                break
            i += 1
        return _Lead(i, copula, aux, have)

    def _predicate(self, words: list[str], toks: list[Token], text: str, strict: bool = False,
                   country: bool = True) -> str | None:
        """The name as the subject of the verb phrase ``words`` begins with: an actor when the
        verb is an action or speech ("said", "has been passing", "will firmly support"), a place
        when it is a place's verb ("fell"), a passive of a verb done to places ("was captured")
        or a copula ("is quiet"); None when ``words`` does not begin with a verb phrase.
        ``country``: whether "has" and any noun makes it a possessor ("Russia has bases"; for a
        city, "Damascus has a population of ..." says what the place is)."""
        v = self.vocab
        words = [w for w in words[:PREDICATE_WORDS] if w not in _QUOTES]   # 'Russia would "of course" keep'
        toks = [t for t in toks[:PREDICATE_WORDS] if t[0] not in _QUOTES]
        lead = self._lead(words)
        i = lead.at
        if i >= len(words) or not words[i][:1].isalnum():
            return PLACE if lead.copula and not strict else None
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if lead.copula:
            return self._after_copula(words, i, strict)
        if w in v.place_verb_forms:
            return PLACE                  # "Damascus fell"
        verb = (w in v.verb_forms or w in v.object_verb_forms or w in v.affected_forms) \
            and (lead.aux or not w.endswith("ing") or nxt == "to")  # "Syria fighting rages": a noun's modifier
        # (but a headline's "Moscow working to secure its bases")
        noun = w.endswith("s") and not w.endswith("ies") and w != "says"   # ("Israel denies reports": a verb)
        if verb and noun and not i and (nxt in v.copulas or nxt in v.aux or nxt in v.verb_forms or nxt.endswith("ed")) \
                and words[i + 2:i + 3] != ["of"]:   # (not "Russia retains control of", "keeps hold of")
            verb = False                  # "Syria talks were held", "Ankara talks ended": a noun
        if verb:
            return METONYM
        if w.endswith("ed") and len(w) > 4 and nxt != "by":
            return METONYM                # "Russia redeployed", "Moscow granted"
        if lead.have and (country or w in v.determiners or w.isdigit()):
            return METONYM                # "Washington has 900 troops", "Russia has bases"
        if lead.aux and not lead.have and w.isalpha() and text[toks[i][1]].islower():
            return METONYM                # "Tehran will ... support", "Russia did not take"
        return None

    def _after_copula(self, words: list[str], i: int, strict: bool) -> str | None:
        """The role of a name that is the subject of a copula, ``words[i]`` the word after it."""
        v = self.vocab
        w = words[i]
        if w.endswith("ing") and w not in v.place_verb_forms and w not in v.affected_forms:
            return METONYM                # "Russia is giving", "Turkey has been passing"
        if w in v.place_verb_forms or w in v.affected_forms:
            return PLACE                  # "Damascus was captured"
        if w in v.actor_adjectives or w in v.object_verb_forms or w in v.verb_forms or (
                w == "in" and words[i + 1:i + 2] in (["contact"], ["talks"], ["touch"])):
            return METONYM                # "Türkiye was not involved", "Syria was urged", "Ankara was in contact"
        for x in words[i:i + COPULA_WORDS]:
            if not (x[:1].isalnum() or x == "'s") or (x,) in v.before:
                break
            if x in v.actor_nouns:
                return METONYM            # "Turkey is the SNA's main backer"
        return None if strict else PLACE  # "the capital is Damascus", "Damascus is quiet"
