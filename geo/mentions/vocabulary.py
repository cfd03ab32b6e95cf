"""Word lists of the vocabulary files (metonymy.toml, context.toml) in the forms the rules use:
normal-form keys, verb forms, phrases as word tuples, regex alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import VocabularyError
from ..text import name_key


def alternation_keys(words: Iterable[str]) -> list[str]:
    """The literals of ``alternation(words)``, longest first."""
    return sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(k) for k in alternation_keys(words))


def starting_literals(literals: list[str]) -> list[str]:
    """``literals`` without those that begin with another of them ("bases" with "base"): where
    any of them starts, one of the rest starts."""
    return [w for w in literals if not any(v != w and w.startswith(v) for v in literals)]


def forms(entries: Iterable[object]) -> set[str]:
    """Every form of the verbs written as "base" or "base/irregular/forms" (normal form):
    the base, its -s, -ed and -ing forms made by the regular rules (both with and without a
    doubled last consonant, and "-y" -> "-ies"/"-ied"), and the irregular forms as written."""
    out: set[str] = set()
    for entry in entries:
        parts = [name_key(p) for p in str(entry).split("/") if name_key(p)]
        if not parts:
            continue
        base = parts[0]
        out.update(parts)
        if " " in base:
            continue
        stems = {base}
        if base.endswith("e"):
            stems.add(base[:-1])
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
            stems.add(base + base[-1])               # signal -> signalled, ship -> shipped
        for st in stems:
            out.update({st + "ed", st + "ing"})
        out.add(base + "d" if base.endswith("e") else base + "ed")
        if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            out.update({base[:-1] + "ies", base[:-1] + "ied"})
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            out.add(base + "es")
        else:
            out.add(base + "s")
    return out


def phrases(entries: Iterable[str]) -> set[tuple[str, ...]]:
    """Vocabulary entries as tuples of words in normal form ("air force" -> ("air", "force"))."""
    return {tuple(name_key(e).replace("-", " ").split()) for e in entries if name_key(e)}


def words(entries: Iterable[str]) -> set[str]:
    return {w for p in phrases(entries) for w in p}


def optional(data: dict, key: str, src: str, kind: type = list):
    """An optional key of a vocabulary file (a user's older copy may not have it)."""
    value = data.get(key, kind())
    if not isinstance(value, kind):
        raise VocabularyError(f"{src}: '{key}' is not a {kind.__name__}")
    return value
