"""Finding place names in report text and deciding what each mention is.

``find_mentions(report, matcher)`` is pure: it returns ``Mention``s with character offsets into
``report.text`` and the sentence around each. A mention's ``role`` is

- ``place``: somewhere something happened or is described;
- ``metonym``: a capital, seat of power or country standing for its government
  ("Moscow regarded", "Damascus acknowledged", "Kremlin spokesman", "Ankara-backed");
- ``dateline``: where the report was filed ("DAMASCUS (Reuters) -", "MOSCOW, December 9.",
  "Hama, Syria —", or one stuck to the end of a heading line).

Only countries, capitals and seats of government can be metonyms. Their role comes from the
words around them, in the order of geo/data/metonymy.toml: a hyphen compound ("Ankara-backed",
"Britain-based"), a possessive ("Russia's air force", "Syria's second city"), the words just
before (an agentive or a locative preposition, the verb whose object it is) and just after (a
government noun, an appositive, the verb it is the subject of). Each list of words is data.

Names are found with one Aho-Corasick automaton over every name and alias (built once; cost
linear in the text, independent of gazetteer size), in a case-, diacritic- and dash-folded copy
of the text of the same length. Whole words only; longest match first; names inside organisation
names ("Hayat Tahrir al-Sham") are not places. Phrases such as "the city", "the city's historic
citadel" and "a highway that links Aleppo to Damascus" are resolved from context (geo/data/context.toml):
"the city" points at the settlement the report named last in the foreground (not "towards Homs",
"south-east of Hama"), and is left unresolved when that place is of another kind, unknown to the
gazetteer, or one of several the report's topic does not decide between.

The steps, one module each: ``matcher`` (the automaton and its raw matches), ``find`` (the
per-report function), ``rules`` (the rule families, read once): ``roles`` with ``predicates``,
``datelines`` and ``coordination`` (metonyms and datelines, words from ``metonymy``),
``repoint`` (bases and regions), ``context`` with ``evocations`` ("the city", features, words
from ``context_vocab``) and ``roads`` (road phrases)."""

from ..model import Mention
from .find import find_mentions
from .matcher import ORG, Matcher

__all__ = ["ORG", "Matcher", "Mention", "find_mentions"]
