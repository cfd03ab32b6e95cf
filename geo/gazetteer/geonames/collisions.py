"""The collision rule: which GeoNames entry a name key shared by several places denotes.

When one key (``name_key``) fits several entries, the winner is the first by, in order:
(a) the key is the entry's own name/asciiname, rather than an alternate name;
(b) the entry is a country;
(c) the entry is in a ``focus`` country (default ``("SY",)``);
(d) higher feature rank: PPLC, PPLA, ADM1, PPLA2, PPLA3-5, ADM2, other P, anything else;
(e) larger population; (f) smaller geonameid.
The losing candidates for the key that is the winner's own name are recorded in its
``alternatives`` in the same order (at most ``MAX_ALTERNATIVES``, then "... and N more"), e.g.
"geonames:4352728 Damascus, US (pop 15257)". Entries that win no key stay in ``entries``.

The rule is applied to all shared keys at once by ``table._Groups`` (a ``numpy.lexsort`` of the
fields (a)-(f), the first of each key's candidates winning).
"""

MAX_ALTERNATIVES = 10
