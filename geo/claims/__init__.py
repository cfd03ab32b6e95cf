"""Control claims: who says which force holds, entered, captured or left which place.

``extract_claims(report, mentions, vocab, gazetteer)`` is pure. For each sentence it finds the
status phrases ("captured", "fell to", "under the control of", "failed to establish"), reads each
in its clause (clauses/): the force doing it (the agent: the subject, "by X", "fell to X",
"X-held"), the places it governs (the object, lists expanded; the subject in the passive), and
who asserts it (the claimant: the speaker of the nearest reporting verb, "according to X", a
trailing "..., X said", else the outlet). Negated, denied, intended ("preparing to regain"),
questioned and historic ("in 2016") statements are not current claims. Names in argument
positions that the gazetteer lacks come back as ``PendingClaim``s for unresolved.csv.
Every phrase and word list lives in geo/data/claims.toml and geo/data/actors.toml.

The modules, in the order the data flows: ``vocabulary`` (the two files, checked and compiled;
``patterns`` the regular-expression helpers), ``triggers`` (status phrases in a sentence),
``extract`` (the report's sentences in order) and ``sentence`` (one sentence's phrases), which
use ``hedges`` (intended, historic), ``arguments`` (places and agent phrase), ``actors`` (the
force), ``speakers`` (claimant and side) and ``discourse`` (what carries between sentences).
"""

from .extract import MAX_SENTENCE, extract_claims
from .patterns import literal_prefix, literal_prefixes, required_literals
from .triggers import Trigger, find_triggers
from .vocabulary import EFFECTS, Actor, ClaimVocabulary, StatusPattern

__all__ = ["EFFECTS", "MAX_SENTENCE", "Actor", "ClaimVocabulary", "StatusPattern", "Trigger", "extract_claims",
           "find_triggers", "literal_prefix", "literal_prefixes", "required_literals"]
