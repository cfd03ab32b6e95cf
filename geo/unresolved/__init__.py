"""Names the gazetteer lacks (maps/unresolved.csv), so a user knows what to add.

Every run of capitalised words that matched no gazetteer name is a candidate ("Qalaat
al-Madiq", "al-Harir", "Tal Bijou", "46th Regiment"). It is listed when its context says it is a
place (cues, strongest first; the vocabulary is in geo/data/unresolved.toml):

- a feature word after it ("the Mahrada dam", "the al-Harir base", "the Shehba region", "the A
  and B districts": the name is listed without the word) or capitalised in it ("Umayyad
  Square"); a word that begins place names ("Jabal Kafra", "Mount Hermon", "Kafr Basin"); a
  place noun or relation before it ("the villages of A, B and C", "the outskirts of X", "the
  capture of X") or an apposition after it ("Qomhana, the village north of the city");
- a verb of movement or control before it ("entered X", "pulled out of X", "raids on X") or a
  passive after it ("A, B and C were seized", "X fell"); a direction ("near X", "west of X",
  "X, 5 km north of ..."); an introducer after a plural place noun ("ten districts, among them
  X and Y"; "the following areas: (1) A, (2) B");
- a list ("A, B, C and D", "(1) A, (2) B") shares the cues before its first name and after its
  last ("listed A, B and C among the villages taken"), and a name of it with a feature or a
  prefix makes the others places too ("Qalaat al-Madiq and Maardis");
- weak: "in X", "at X", or a list with a gazetteer place ("Hama and Qomhana"); not enough for a
  name shaped like a person's ("in Walid Hasso's home"); nothing before a possessive counts.

A candidate is never listed when it is a person's (a title before it or in it, a given name
first, "X said", "X, the group's spokesman"), an organisation's (organisations.txt, a word such
as Forces, Council, Agency or Liwa in it or after it), in not_places.txt (months, weekdays,
peoples, outlets), a common word opening a sentence ("After", "Both"), or in a Title Case
headline. Upper-case datelines of unknown places ("QAMISHLO –") are listed too.

Modules, in the order a report flows through them: ``vocabulary`` (the cues, loaded), ``tokens``, ``runs``
and ``chunks`` (the runs of capitalised words), ``sentence`` (each sentence's names, read by
``candidate``, ``shape``, ``surroundings`` and ``lists``), ``finder`` (a report's names),
``claimed`` (the claims made about them), ``summary`` (the rows of unresolved.csv).
"""

from __future__ import annotations

from .claimed import with_claims
from .finder import find_unresolved
from .records import RANK, WEAK, Unresolved
from .summary import COLUMNS, Row, group, summarise
from .vocabulary import CUES_FILE

__all__ = ["COLUMNS", "CUES_FILE", "RANK", "WEAK", "Row", "Unresolved", "find_unresolved", "group", "summarise",
           "with_claims"]
