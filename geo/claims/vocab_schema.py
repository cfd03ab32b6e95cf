"""The schema of the claims vocabulary (actors.toml, claims.toml): every table's keys and their types."""

from __future__ import annotations

from ..vocab import LIST, STR_LIST, TABLE, Schema

# The schema of the two files: every table's allowed keys and the type of each value. Tables
# whose keys are all required: reporting, hedges, grammar, anaphora.
SCHEMA: dict[str, dict[str, Schema]] = {
    "claims.toml": {
        "": {"exclude_kinds": STR_LIST, "status": LIST, "reporting": TABLE, "hedges": TABLE,
             "grammar": TABLE, "shared": TABLE, "state": TABLE},
        "status": {"status": str, "label": str, "effect": str, "patterns": LIST},
        "pattern": {"pattern": str, "place": str, "agent": str, "noun": bool, "nominal": bool, "expels": str, "cedes": str,
                    "borrows": bool, "foiled": bool},
        "reporting": {k: STR_LIST for k in ("verbs", "denials", "before_claimant", "roles", "carry_over",
                                            "last_speaker_nouns", "outlet_words", "report_nouns",
                                            "denied_after", "issuers", "question_labels", "media_nouns", "title_nouns",
                                            "label_sources", "national_press", "claim_labels", "false_verdicts")},
        "hedges": {k: STR_LIST for k in ("intention", "estimates", "conditions", "history", "history_after", "history_not_before",
                                          "perfect", "lapsed", "prevention", "negations", "hedged", "reinforcing", "transient",
                                          "infinitive_facts", "infinitive_not", "background", "future_time",
                                          "future_time_with_modal", "irregular_past")},
        "grammar": {k: STR_LIST for k in ("passive_aux", "adverbs", "object_stops", "not_agent_after",
                                          "clause_starts", "list_joins", "item_heads", "locative", "directions",
                                          "list_intros", "place_anaphors", "subordinators", "shared_place_subordinators",
                                          "relatives", "part_nouns", "possessed_parts", "front_nouns", "road_nouns",
                                          "subject_gap",
                                          "subjectless_after", "modals", "time_clauses", "zone_heads", "people",
                                          "heading_verbs", "locator_nouns", "quantities", "insertion_openers",
                                          "speakers_own", "compound_adjectives")},
    },
    "actors.toml": {
        "": {"actors": TABLE, "anaphora": TABLE, "eras": LIST, "unaligned": STR_LIST},
        "era": {"from": str, "names": TABLE},
        "actor": {"label": str, "colour": str, "names": STR_LIST, "adjectives": STR_LIST, "allies": STR_LIST,
                  "own_army": bool, "home_outlets": STR_LIST, "enemy": str, "enemy_words": STR_LIST, "proxy": str,
                  "home_datelines": STR_LIST, "people": STR_LIST, "foe": str, "backs": STR_LIST,
                  "stranger_nouns": STR_LIST},
        "anaphora": {k: STR_LIST for k in ("nouns", "hostile_words", "determiners", "singular_determiners",
                                           "plural_determiners", "weak_determiners", "own_determiners",
                                           "singular_pronouns", "plural_pronouns", "own_pronouns", "order_pronouns",
                                           "army_words",
                                           "modifier_links", "identity_links", "owned_only", "modified_nouns",
                                           "sponsor_links", "time_words")},
    },
}
FULL_TABLES = {"claims.toml": ("reporting", "hedges", "grammar"), "actors.toml": ("anaphora",)}
# keys added later: an older vocabulary copy without them still loads
OPTIONAL = frozenset({"reinforcing", "transient", "media_nouns", "infinitive_facts", "infinitive_not", "background",
                       "future_time", "future_time_with_modal", "irregular_past", "road_nouns", "order_pronouns",
                       "sponsor_links", "title_nouns", "label_sources", "national_press", "claim_labels",
                       "false_verdicts"})
REQUIRED = {"claims.toml": ("status", "reporting", "hedges", "grammar"), "actors.toml": ("actors", "anaphora")}
