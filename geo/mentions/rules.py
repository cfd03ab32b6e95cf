"""The rule families that decide what each name found in a report is, read once from the
vocabulary files: roles (metonymy.toml), and re-pointing, context phrases and roads
(context.toml)."""

from __future__ import annotations

from pathlib import Path

from .. import vocab
from ..gazetteer import Gazetteer
from ..reports.outlets import load_outlets
from ..text import name_key
from .context import ContextRules
from .context_vocab import SOURCE as CONTEXT_SOURCE
from .context_vocab import ContextVocab
from .datelines import Datelines
from .metonymy import SOURCE as METONYMY_SOURCE
from .metonymy import MetonymVocab
from .related import Related
from .repoint import Repointing
from .roads import RoadRules
from .roles import RoleRules


class Rules:
    """The rules of ``gaz``'s matcher, in the order ``find_mentions`` applies them."""

    def __init__(self, gaz: Gazetteer, vocab_dir: Path | None):
        m = vocab.toml(METONYMY_SOURCE, vocab_dir)
        words = MetonymVocab(m)
        outlets = load_outlets(vocab_dir).outlets
        outlet_names = frozenset(name_key(n) for o in outlets for n in (o.name, *o.tags))
        self.roles = RoleRules(gaz, words, Datelines(m, words), outlet_names)
        c = vocab.toml(CONTEXT_SOURCE, vocab_dir)
        context_vocab = ContextVocab(c)
        self.related = related = Related(gaz)
        self.roads = roads = RoadRules(gaz, c, CONTEXT_SOURCE, context_vocab.road_words)
        self.repointing = Repointing(c, CONTEXT_SOURCE, related)
        self.context = ContextRules(gaz, context_vocab, roads, related)

    def prepare(self) -> None:
        """Read now what the rules otherwise read from the gazetteer at their first use (every
        entry's names, the roads), so that worker processes forked after it share it."""
        self.related.prepare()
        self.roads.prepare()
