"""Text primitives shared by the matching steps: a length-preserving normal form and sentences.

``normalize(s)`` has exactly ``len(s)`` characters, so an offset found in the normal form is an
offset in the original text. It folds case, strips diacritics ("Ḩamāh" -> "hamah"), maps every
apostrophe-like mark ("’", "ʼ", "`") to "'" and every dash, hyphen and whitespace to a space
(so "Tahrir-al-Sham" and "Tahrir al-Sham" compare equal).

``word_form(s)`` goes one step further for the name matcher: every character that is not a
letter or digit after folding becomes a space, so a name wrapped in spaces (" al bab ") can only
match a whole word sequence. Same length again.

Both are computed on the UTF-8 bytes (one C pass folds the ASCII) and then fix each distinct
non-ASCII character with one ``str.replace``: ~340 MB/s on news text, against ~48 MB/s for a
per-character ``str.translate`` (bench/RESULTS.md). The result equals the per-character fold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

APOSTROPHES = "'\u2018\u2019\u02bc\u02bb\u02b9\u0060\u00b4\u2032\u02be\u02bf"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


# Latin letters with a stroke or dot that Unicode does not decompose ("Diyarbakır" = "Diyarbakir")
_LETTERS = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
            "ŧ": "t", "Ŧ": "t", "ð": "d", "Ð": "d"}


class _FoldTable(dict):
    """A str.translate table that computes each character's fold once, on first sight."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in APOSTROPHES:
            out = "'"
        elif ch in _LETTERS:
            out = _LETTERS[ch]
        elif ch in DASHES or ch.isspace():
            out = " "
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            low = base.lower() if base else ch.lower()
            out = low[0] if low else ch
            if unicodedata.category(ch) == "Lm" and ch not in APOSTROPHES:
                out = ch
        self[code] = out
        return out


_TABLE = _FoldTable()
_MAX_REPLACEMENTS = 12   # distinct non-ASCII characters fixed one ``str.replace`` each; more: per run
_SPARSE_RATIO = 16       # ... per run while at most one byte in this many is a non-ASCII one's extra
_SPACES = re.compile(r" {2,}")
_ASCII = bytes(range(128))


def _fold(ch: str) -> str:
    return _TABLE[ord(ch)]


def _word_char(ch: str) -> str:
    f = _TABLE[ord(ch)]
    return f if f.isalnum() else " "


def _byte_table(fold) -> bytes:
    # ASCII bytes folded (every ASCII character folds to ASCII); bytes >= 0x80, the parts of
    # UTF-8 sequences, pass through untouched.
    table = bytes(ord(fold(chr(c))) for c in range(128)) + bytes(range(128, 256))
    assert len(table) == 256
    return table


_FOLD_BYTES = _byte_table(_fold)
_WORD_BYTES = _byte_table(_word_char)


def _replacements(b: bytes, fold) -> list[tuple[str, str]] | None:
    """(character, fold) for each distinct non-ASCII character of the UTF-8 ``b`` that folds to
    something else; None when one folds into another of them (a chain: never seen, but exactness
    first) or when there are so many (GeoNames alternate names in many scripts) that the
    per-character path is cheaper."""
    distinct = set(b.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    if len(distinct) > _MAX_REPLACEMENTS:
        return None
    pairs = [(ch, fold(ch)) for ch in distinct]
    pairs = [(ch, f) for ch, f in pairs if f != ch]
    return None if any(f in distinct for _, f in pairs) else pairs


def _translate(s: str, table: bytes, fold, chars: dict) -> str:
    b = s.encode("utf-8", "surrogatepass")
    if len(b) == len(s):
        return b.translate(table).decode("ascii")
    pairs = _replacements(b, fold)
    if pairs is None:
        return _sparse(b, s, table, chars)
    out = b.translate(table).decode("utf-8", "surrogatepass")
    for ch, f in pairs:
        out = out.replace(ch, f)
    return out


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _sparse(b: bytes, s: str, table: bytes, chars: dict) -> str:
    """``s.translate(chars)`` for the UTF-8 ``b`` of ``s`` with many distinct non-ASCII
    characters: when they are few among ASCII ones (news with names in many scripts), the ASCII
    folded on the bytes and each run of the others by ``chars``; else per character."""
    if (len(b) - len(s)) * _SPARSE_RATIO > len(s):
        return s.translate(chars)
    return _NON_ASCII.sub(lambda m: m.group().translate(chars),
                          b.translate(table).decode("utf-8", "surrogatepass"))


def normalize(s: str) -> str:
    """Case-, diacritic-, apostrophe- and dash-folded copy of ``s`` with the same length."""
    return _translate(s, _FOLD_BYTES, _fold, _TABLE)


def _normalize_slow(s: str) -> str:
    return s.translate(_TABLE)


def padded_word_form_utf8(s: str) -> bytes:
    """``" " + word_form(s) + " "`` as UTF-8, built on the bytes (the automaton runs over bytes)."""
    b = s.encode("utf-8", "surrogatepass")
    out = b.translate(_WORD_BYTES)
    if len(b) != len(s):
        pairs = _replacements(b, _word_char)
        if pairs is None:
            return f" {_sparse(b, s, _WORD_BYTES, _WORD_TABLE)} ".encode("utf-8", "surrogatepass")
        # UTF-8 is self-synchronising: a character's bytes only ever match that character
        for ch, w in pairs:
            out = out.replace(ch.encode("utf-8", "surrogatepass"), w.encode("utf-8", "surrogatepass"))
    return b" " + out + b" "


def word_form(s: str) -> str:
    """``normalize(s)`` with every character that is not a letter or digit as a space."""
    return _translate(s, _WORD_BYTES, _word_char, _WORD_TABLE)


class _WordTable(dict):
    def __missing__(self, code: int) -> str:
        self[code] = out = _word_char(chr(code))
        return out


_WORD_TABLE = _WordTable()


def _word_form_slow(s: str) -> str:
    return s.translate(_WORD_TABLE)


def word_keys(keys: list[str]) -> list[str]:
    """``word_key`` of many names already in ``name_key`` form, with one fold for all of them."""
    joined = word_form("\n".join(keys))   # per character, so each key keeps its place
    out, pos = [], 0
    for k in keys:
        out.append(joined[pos:pos + len(k)].strip(" "))
        pos += len(k) + 1
    return out


def word_key(name: str) -> str:
    """The matcher's key of a name: its word form, trimmed ("Ma’arrat al-Nu'man" -> "ma arrat al nu man")."""
    return word_form(name_key(name)).strip(" ")


def name_key(name: str) -> str:
    """The index key of a gazetteer name: normalised, spaces collapsed, trimmed."""
    key = normalize(name)
    if "  " in key:            # (most names have no run of spaces to collapse)
        key = _SPACES.sub(" ", key)
    return key.strip(" ")


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


# Sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col maj sgt capt "
    "gov sen rep prof no vs etc inc ltd co corp jr sr mt ft".split()
)
# a run of marks is tried once, at its start (a try from inside the run fails wherever the one
# from its start does): no run of "....." costs the square of its length. Either a run of marks
# (not after a mark) and of closing quotes before a space and a capital, or a run of line breaks:
# r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n+", written to open with a
# character class, which lets the regex engine skip to the next candidate character instead of
# trying both branches at every position (five times faster on news)
# A sentence may end with footnote marks before the space ("... the citadel.[8][9] Government").
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<![.!?].)[.!?]*[\"'”’)\]]*(?:\[[^\]\n]{1,30}\])*"
                       r"(?=\s+[\"“‘'(\[]?[A-Z0-9]))")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_WINDOW = 64   # enough for any abbreviation; keeps each boundary check O(1)

MAX_SENTENCE = 2000   # characters: a longer "sentence" (a page with no full stop) is cut into pieces
# where a piece may end, best first: after a clause mark; before a word that opens a clause or
# follows one; before a word in lower case (these rarely fall inside a place name); at any space.
# The last such place in the second half of the bound is taken; with none there, the piece ends
# at the bound.
_CUTS = (
    re.compile(r"[,;:\u2013\u2014)\]](?=\s)"),
    re.compile(r"\s(?=(?:and|but|or|the|which|who|that|while|when|was|were|said|with|for|by|after|before)\s)", re.I),
    re.compile(r"\s(?=[a-z])"),
    re.compile(r"\s"),
)


@lru_cache(maxsize=16)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; offsets index ``text``. Newlines always end a sentence,
    and a sentence longer than ``MAX_SENTENCE`` characters is cut into pieces of at most that
    many (after a clause mark, else before a word such as "and", else at a space: ``_cut``),
    so that no step downstream pays for a sentence's length.

    Memoised: mentions, claims and unresolved names all split the same report."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        at, end = m.span()
        if text[at] == "\n":
            cut = at
        else:
            seg = text[max(start, at - _WORD_WINDOW):at]
            parts = seg.rsplit(None, 1)
            word = parts[-1].lower().strip("\"'“‘(") if parts else ""
            if (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                    or ("." in word and _INITIALS.fullmatch(word))):    # (initials hold a full stop)
                continue
            cut = end
        _emit(text, start, cut, out)
        start = end
    _emit(text, start, len(text), out)
    return tuple(out)


def _emit(text: str, a: int, b: int, out: list[Sentence]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:      # cut, so that nothing downstream pays for a sentence's length
        cut = _cut(text, a, a + MAX_SENTENCE)
        out.append(tuple.__new__(Sentence, (a, cut, text[a:cut])))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append(tuple.__new__(Sentence, (a, b, text[a:b])))


def _cut(text: str, a: int, limit: int) -> int:
    """Where a piece of a long sentence that starts at ``a`` ends: at most ``limit``, at least
    half way there, at the best place ``_CUTS`` finds (the piece keeps a clause mark, not the
    space after it)."""
    lo = a + (limit - a) // 2
    for rx in _CUTS:
        last = None
        for last in rx.finditer(text, lo, limit):  # noqa: B007 (the last match is wanted)
            pass
        if last is not None:
            end = last.end() if rx is _CUTS[0] else last.start()
            while end > a and text[end - 1].isspace():
                end -= 1
            if end > a:
                return end
    return limit


# A long sentence shown around a name -------------------------------------------------------

WHOLE = 600      # characters: a sentence up to this long is shown whole with a name it holds
WINDOW = 300     # ... and of a longer one, the part this long around the name
_STEP = WINDOW // 2
_SNAP = 30       # a window's edge moves at most this far to fall between words


def window(sentence: str, start: int, a: int, b: int) -> tuple[int, int]:
    """The part of ``sentence`` (which starts at ``start`` in its report) shown with the name at
    [a, b) (offsets in the report, inside the sentence), as report offsets [x, y).

    The whole sentence when it has at most ``WHOLE`` characters. Of a longer one, one of the
    windows of ``WINDOW`` characters that start every ``WINDOW // 2`` characters from its start,
    each narrowed to whole words: the one that holds the name with the name nearest its middle.
    Names close to each other so share a window, and a name longer than a window's overlap
    gets its own, around it."""
    n = len(sentence)
    if n <= WHOLE:
        return start, start + n
    a, b = a - start, b - start
    best = None
    last = -(-(n - WINDOW) // _STEP)                                 # the last window ends the sentence
    for k in range(max(0, -(-(b - WINDOW) // _STEP)), min(last, a // _STEP) + 1):
        x, y = _snapped(sentence, k * _STEP, min(n, k * _STEP + WINDOW))
        if x <= a and b <= y:
            off = abs((x + y) - (a + b))
            if best is None or off < best[0]:
                best = (off, x, y)
    if best is None:
        pad = max(0, (WINDOW - (b - a)) // 2)
        x, y = _snapped(sentence, max(0, a - pad), min(n, b + pad))
        x, y = min(x, a), max(y, b)
    else:
        _, x, y = best
    return start + x, start + y


def _snapped(s: str, x: int, y: int) -> tuple[int, int]:
    """[x, y) of ``s`` narrowed to whole words, without spaces at its ends (an edge at the end
    of ``s`` stays; one inside a word longer than ``_SNAP`` too)."""
    if 0 < x < y and not s[x - 1].isspace() and not s[x].isspace():
        k = next((i for i in range(x, min(y, x + _SNAP)) if s[i].isspace()), None)
        if k is not None:
            x = k
    if x < y < len(s) and not s[y - 1].isspace() and not s[y].isspace():
        k = next((i for i in range(y - 1, max(x, y - _SNAP), -1) if s[i].isspace()), None)
        if k is not None:
            y = k
    while x < y and s[x].isspace():
        x += 1
    while y > x and s[y - 1].isspace():
        y -= 1
    return x, y
