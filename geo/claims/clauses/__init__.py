"""Reading one sentence for control claims: its words, the forces it names, and the arguments of
each status phrase (who does it, to which places), by small rules over words.

No parser and no model: the rules read a clause the way a careful reader of wire copy does.

- The **agent** of an active phrase is the force in subject position: the force right before it
  (auxiliaries, adverbs and time words may stand between: "the SNA on Sunday took"); a phrase with
  no subject of its own ("..., capturing", "and took", "before advancing into") shares the subject
  of the phrase before it, or of the sentence. A force after "against", "from", "with", "by" ...
  is never the subject. Passive phrases ("X was captured by Y", "X fell to Y") take the force after
  "by"/"to". "Its units", "the same factions", "they" are the force last named (number agreeing).
- The **places** of a phrase are the object after it ("took control of the town of X"), up to a
  word that starts something else ("seized the airport east of Aleppo": Aleppo only locates the
  airport), with lists expanded ("the villages of A, B, C and D"); in the passive, the subject
  before it ("The air base east of Aleppo fell": the base, not Aleppo); in a relative clause, the
  place it describes ("Tal Rifaat, which it seized").
- Capitalised names in those positions that the gazetteer lacks are returned too, so a user can
  add them and see the claim.

All word lists come from the vocabulary files (claims.toml [grammar], actors.toml [anaphora]).

``words``: tokens and the records passed; ``grammar``: the word lists; ``forces`` and ``places``:
the rules for each argument; ``reader``: the ``Reader`` that applies both.
"""

from .reader import Reader
from .words import ActorHit, ActorName, PlaceRef, Token, Words, token_at, tokenize

__all__ = ["ActorHit", "ActorName", "PlaceRef", "Reader", "Token", "Words", "token_at", "tokenize"]
