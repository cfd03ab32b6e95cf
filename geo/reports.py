"""Reading report files: the only module that opens article files.

A report is a UTF-8 text file (BOM and CRLF tolerated). An optional header line
`` date YYYY-MM-DD`` may start the file (its text may continue on the same line); it is
stripped from the text shown. A short first line without final punctuation is the title.
Outlet, date and URL come from ``sources.csv`` in the reports folder when it lists the file.
A date it does not give comes from the header or the first full date in the text. An outlet it
does not give is inferred from the text's own tags (``infer_outlet``: a dateline "BEIRUT
(Reuters) -", a sign-off "– AFP", a copyright or credit line), using the vocabulary in
``geo/data/outlets.toml``; the outlet is "unknown" when the text names none of them that way.

Only regular files inside the reports folder are read, and each is checked with ``lstat`` and
``stat`` before it is opened (a FIFO is never opened, so nothing can block the build). A report is
skipped with a one-line warning (``ReportError``; the build goes on) when it is a symbolic link
whose target lies outside the folder, a file under ``/proc`` or ``/sys``, a folder, FIFO, socket
or device, a broken link, larger than ``MAX_REPORT_BYTES`` (50 MiB, checked on the size before
reading; no more than that is ever read), has a file name that is not UTF-8, or has a header date
that is not a calendar date (``date 2024-13-45``: the report is skipped, as the manifest refuses
the same value). The build stops (``ReportFolderError``, one line per problem, after the warnings
of the files skipped) when the folder is missing or cannot be listed, holds no readable report, or
holds two files with one id (the id is the file name without ``.txt``: ``dup.txt`` and
``dup.TXT``). ``sources.csv`` is optional, but when present it gets the same checks and a failed
one stops the build (``ManifestError``), as does a manifest over ``MAX_MANIFEST_BYTES`` (20 MiB):
a build without the outlets and dates it gives would label reports wrongly.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from . import vocab
from .errors import ManifestError, ReportError, ReportFolderError, VocabularyError
from .model import Report

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ("file", "outlet", "date", "url", "outlet_basis")
REPORT_SUFFIXES = (".txt",)
MAX_REPORT_BYTES = 50 * 2**20      # a larger report is skipped unread, with a warning naming its size
MAX_MANIFEST_BYTES = 20 * 2**20    # a larger sources.csv stops the build
PSEUDO_FILE_SYSTEMS = ("/proc", "/sys")   # kernel files: size 0 or 4096 whatever they hold, may block

_HEADER = re.compile(r"\A[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})[ \t]*(?:\n)?")
_ISO = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}
_MONTH = r"(?P<m>[A-Za-z]{3,9})\.?"
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b")
_DMY = re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b")


# Characters that change nothing a reader sees but would split a name ("Ha\u200bma"): zero-width
# space, word joiner, a BOM inside the text, soft hyphen. Removed when a report is read (offsets
# index the text without them). Bidi controls are kept: they are shown as written.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Source:
    outlet: str
    date: str
    url: str
    outlet_basis: str


def _valid_date(y: int, m: int, d: int) -> bool:
    import datetime

    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def find_date(text: str) -> str:
    """The first full calendar date written in ``text`` as ISO ``YYYY-MM-DD``, or ""."""
    found = []
    for rx in (_ISO, _MDY, _DMY):
        for m in rx.finditer(text):
            if rx is _ISO:
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            else:
                mo = _MONTHS.get(m["m"].lower())
                if mo is None:
                    continue
                y, d = int(m["y"]), int(m["d"])
            if _valid_date(y, mo, d):
                found.append((m.start(), f"{y:04d}-{mo:02d}-{d:02d}"))
                break
    return min(found)[1] if found else ""


# --- The outlet a report's own text names ------------------------------------------------------

OUTLETS_FILE = "outlets.toml"
OUTLET_WINDOW = 400           # characters read at each end of a report to find its outlet
OUTLET_FORMS = ("dateline", "lead", "byline", "signoff")
_OUTLET_KEYS = {"name": str, "tags": list, "forms": list, "credits": list}
_DASH = r"(?:--|[-‐‑‒–—―−])"
_GAP = r"[ \t\u00a0]"
_JOIN = re.compile(r"[\s\-‐‑]+")                   # a space or hyphen inside a tag
_NEVER = r"(?!)"


def _tag_key(tag: str) -> str:
    return _JOIN.sub(" ", tag.strip())


def _tag_pattern(tags) -> str:
    """One alternation of ``tags`` (longest first), spaces and hyphens matching either."""
    alts = sorted({_tag_key(t) for t in tags}, key=lambda t: (-len(t), t))
    joiner = rf"(?:{_GAP}*[-‐‑]{_GAP}*|{_GAP}+)"
    return "|".join(joiner.join(re.escape(p) for p in t.split(" ")) for t in alts) or _NEVER


@dataclass(frozen=True)
class Outlet:
    id: str                      # the table's id in outlets.toml ("reuters")
    name: str                    # shown as the report's outlet
    tags: tuple[str, ...]        # as written in outlets.toml
    forms: frozenset[str]        # which of OUTLET_FORMS count for it
    credits: tuple[str, ...]     # phrases its closing "( ... )" credit line holds, or ()


class Outlets:
    """outlets.toml, checked and compiled into the regexes ``infer_outlet`` runs."""

    def __init__(self, outlets: list[Outlet], captions=(), source: str = OUTLETS_FILE):
        self.source = source
        self.outlets = tuple(outlets)
        words = "|".join(re.escape(c.strip()) for c in sorted(captions, key=len, reverse=True))
        self.caption = re.compile(rf"[ \t]*(?:{words or _NEVER})(?!\w)", re.I)   # "Photo: X/AFP"
        self._by_key: dict[str, Outlet] = {}
        for o in self.outlets:                     # tags as written first: they win over capitals
            for t in o.tags:
                self._by_key.setdefault(_tag_key(t), o)
        for o in self.outlets:
            for t in o.tags:
                self._by_key.setdefault(_tag_key(t).upper(), o)

        def tags(form: str) -> str:
            keys = [k for k, o in self._by_key.items() if form in o.forms]
            return f"(?P<tag>{_tag_pattern(keys)})"

        d, g = _DASH, _GAP
        t = tags("dateline")
        # A dateline's place and date: words in capitals, numbers and month names ("BEIRUT, Dec 1",
        # "HAMA, Syria", "BEIRUT/AMMAN", "MOSCOW, November 29."), at a line's start or after a
        # place in capitals that a title line runs into ("... seize Hama BEIRUT (Reuters) -").
        months = "|".join(sorted(_MONTHS, key=len, reverse=True))
        word = rf"(?:[A-ZÀ-Þ][^\s,()/]*|\d[^\s,()/]*|(?i:(?:{months})\b)\.?)"
        place = rf"{word}(?:[ \t,/]+{word}){{0,7}}?"
        at = rf"(?:^{g}*(?:{place}[ \t,.]*)?|\b[A-Z][A-Z'’.-]{{2,}}\b(?:[ \t,/]+{word}){{0,6}}?[ \t,.]*)"
        self.datelines = [re.compile(p, re.M) for p in (
            rf"{at}(?P<form>\({t}\)){g}*\.?{g}*(?:{d}|:)",                              # BEIRUT (Reuters) -
            rf"{at}(?P<form>/{t}/)",                                                    # MOSCOW, Nov 29. /TASS/.
            rf"^{g}*{place},{g}*(?P<form>{t}{g}*{d})",                                  # Damascus, SANA –
            rf"^{g}*{place}{g}+(?P<form>{d}{g}*{t}{g}*\.)(?=\s|$)",                     # MOSCOW, Nov 29 - RIA Novosti.
        )]
        # "The Syrian Arab News Agency (SANA) - ..." introduces an acronym; it is not a dateline
        every = _tag_pattern(self._by_key)
        self.spelt_out = re.compile(rf"(?:^|\W)(?:{every})[ \t,.]*\Z")
        self.lead = re.compile(rf"\A\s*(?P<form>{tags('lead')}{g}*(?:/|{d}|:))(?={g}|$)", re.M)
        self.byline = re.compile(rf"^{g}*(?P<form>(?:By{g}+)?{tags('byline')}){g}*(?=\n\s*\S)", re.M)
        t = tags("signoff")
        after = r"(?:(?<=[\s.,;:!?\"”’')\]])|^)"       # not inside a word or a name ("Kadour/AFP")
        self.signoffs = [re.compile(p, re.M) for p in (
            rf"{after}(?P<form>{d}{g}*{t}){g}*\.?\Z",                                   # ... said. – Reuters
            rf"{after}(?P<form>/{g}?{t})/?{g}*\.?\Z",                                   # ... /AFP
            rf"^{g}*(?P<form>(?P<open>\()?{t}(?(open)\))){g}*\.?\Z",                    # (AFP) / AFP alone
        )]
        self.copyright = re.compile(
            rf"^(?P<form>(?:©|\([cC]\)|(?i:copyright)){g}*(?:©{g}*)?(?:\d{{4}}{g}*,?{g}*)?"
            rf"(?:The{g}+)?{t})(?!\w)")
        self.credit = re.compile(r"^\((?P<body>[^()\n]{3,400})\)\.?$")
        self._credited = [o for o in self.outlets if o.credits]

    def outlet(self, tag: str) -> Outlet:
        key = _tag_key(tag)
        return self._by_key.get(key) or self._by_key[key.upper()]

    def credited(self, body: str) -> Outlet | None:
        low = body.casefold()
        return next((o for o in self._credited if all(c.casefold() in low for c in o.credits)), None)


def _where(path: Path, table: str, key: str = "") -> str:
    """``file line N`` of ``[table]`` (or of ``key =`` inside it), for error messages."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    header = re.compile(rf"^\[\s*{re.escape(table)}\s*\]")
    found = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if found is None:
            if header.match(s):
                found = n
                if not key:
                    break
        elif s.startswith("["):
            break
        elif re.match(rf"{re.escape(key)}\s*=", s):
            return f"{path} line {n}"
    return f"{path} line {found}" if found else str(path)


def _outlets_from(data: dict, path: Path) -> Outlets:
    def fail(message: str, table: str = "", key: str = ""):
        raise VocabularyError(f"{_where(path, table, key) if table else path}: {message}")

    extra = sorted(set(data) - {"outlets", "captions"})
    if extra:
        fail(f"unknown key {extra[0]!r} (expected captions and [outlets.<id>] tables)")
    captions = data.get("captions", [])
    if not (isinstance(captions, list) and all(isinstance(c, str) and c.strip() for c in captions)):
        raise VocabularyError(f"{vocab.where(path, 'captions')}: captions must be a list of non-empty strings")
    tables = data.get("outlets")
    if not isinstance(tables, dict) or not tables:
        fail("no [outlets.<id>] tables; see the comment at the top of geo/data/outlets.toml")
    outlets: list[Outlet] = []
    owner: dict[str, str] = {}
    for oid, entry in tables.items():
        table = f"outlets.{oid}"
        if not isinstance(entry, dict):
            fail(f"{table} must be a table ([{table}] with name and tags)", table)
        for key, value in entry.items():
            kind = _OUTLET_KEYS.get(key)
            if kind is None:
                fail(f"unknown key {key!r} in [{table}] (expected one of: {', '.join(_OUTLET_KEYS)})",
                     table, key)
            if kind is list and not (isinstance(value, list) and value
                                     and all(isinstance(v, str) and v.strip() for v in value)):
                fail(f"{table}.{key} must be a non-empty list of non-empty strings", table, key)
            if kind is str and not (isinstance(value, str) and value.strip()):
                fail(f"{table}.{key} must be a non-empty string", table, key)
        for key in ("name", "tags"):
            if key not in entry:
                fail(f"[{table}] has no {key!r}", table)
        for tag in entry["tags"]:
            if not re.search(r"\w", tag):
                fail(f"{table}.tags: {tag!r} has no letter or digit", table, "tags")
            other = owner.setdefault(_tag_key(tag), oid)
            if other != oid:
                fail(f"{table}.tags: {tag!r} is also a tag of outlets.{other}", table, "tags")
        forms = entry.get("forms", list(OUTLET_FORMS))
        bad = [f for f in forms if f not in OUTLET_FORMS]
        if bad:
            fail(f"{table}.forms: {bad[0]!r} is not one of {', '.join(OUTLET_FORMS)}", table, "forms")
        outlets.append(Outlet(
            id=oid, name=entry["name"].strip(), tags=tuple(t.strip() for t in entry["tags"]),
            forms=frozenset(forms), credits=tuple(c.strip() for c in entry.get("credits", ())),
        ))
    return Outlets(outlets, captions, str(path))


_COMPILED: dict[Path, Outlets] = {}     # like vocab.toml: each file read once per process


def load_outlets(folder: Path | None = None) -> Outlets:
    """``outlets.toml`` from ``folder`` (a user's ``--vocab DIR``) when it has one, else from
    geo/data; raises VocabularyError with a one-line message naming the file and the key."""
    path = vocab.path(OUTLETS_FILE, folder)
    if path not in _COMPILED:
        _COMPILED[path] = _outlets_from(vocab.toml(OUTLETS_FILE, folder), path)
    return _COMPILED[path]


def _dateline(head: str, outlets: Outlets) -> re.Match | None:
    """The first dateline tag in ``head`` that does not follow its own spelt-out name."""
    hits = []
    for rx in outlets.datelines:
        for m in rx.finditer(head):
            before = head[head.rfind("\n", 0, m.start("form")) + 1:m.start("form")]
            if not outlets.spelt_out.search(before):
                hits.append(m)
                break
    return min(hits, key=lambda m: m.start("form"), default=None)


def infer_outlet(text: str, outlets: Outlets) -> tuple[str, str]:
    """``(outlet name, basis)`` from the tags a report's text gives itself, or ``("unknown", "")``.

    Only the first and last ``OUTLET_WINDOW`` characters are read (bounded work on huge reports),
    and an outlet counts only inside a tag form (outlets.toml lists them: dateline, lead, byline,
    sign-off, copyright and credit lines), never when the body merely mentions it ("Reuters could
    not verify", "told AFP"). ``basis`` is a short sentence saying which tag it came from.
    """
    w = OUTLET_WINDOW
    long = len(text) > w
    head = text[:w]
    if long and text[w] != "\n":                     # only whole lines: "AFP" cut from "AFP staff"
        cut = head.rfind("\n")
        head = head[:cut] if cut > 0 else head
    tail = text[-w:]
    if long and text[-w - 1] != "\n":
        cut = tail.find("\n")
        tail = tail[cut + 1:] if cut >= 0 else tail
    lines = tail.rstrip().split("\n")
    while lines and (not lines[-1].strip() or outlets.caption.match(lines[-1])):
        lines.pop()                                  # a closing picture caption is not a sign-off
    tail = "\n".join(lines).rstrip()

    def found(m: re.Match, how: str) -> tuple[str, str]:
        return outlets.outlet(m["tag"]).name, f'outlet inferred from {how} "{m["form"].strip()}"'

    m = _dateline(head, outlets)
    if m:
        return found(m, "the dateline tag")
    m = outlets.lead.match(head)
    if m:
        return found(m, "the outlet name opening the text")
    m = outlets.byline.search(head)
    if m:
        return found(m, "the byline")
    for rx in outlets.signoffs:
        m = rx.search(tail)
        if m:
            return found(m, "the sign-off")
    last = [line.strip() for line in lines if line.strip()][-3:]
    for line in reversed(last):
        m = outlets.copyright.match(line)
        if m:
            return found(m, "the copyright line")
        m = outlets.credit.match(line)
        o = outlets.credited(m["body"]) if m else None
        if o:
            style = "; ".join(f"{c} …" for c in o.credits)
            return o.name, f'outlet inferred from the closing credit line "({style})", the house style of {o.name}'
    return "unknown", ""


def _size(n: int) -> str:
    """``n`` bytes for a message: "60.0 MiB (62914560 bytes)"."""
    if n < 2**20:
        return f"{n} bytes"
    if n >= 2**30:
        return f"{n / 2**30:.1f} GiB ({n} bytes)"
    return f"{n / 2**20:.1f} MiB ({n} bytes)"


def _shown(path) -> str:
    """A path for a message, its middle cut when it is very long (ENAMETOOLONG)."""
    s = str(path)
    return s if len(s) <= 300 else f"{s[:120]}…{s[-120:]} ({len(s)} characters)"


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _read_inside(path: Path, root: str, limit: int, what: str) -> bytes:
    """The bytes of ``path`` when it is a regular file (or a link to one) inside the folder whose
    real path is ``root``, of at most ``limit`` bytes; else ReportError with a one-line message.

    Everything is decided from ``lstat``/``stat`` before the file is opened; the file is then
    opened without following a link and without blocking, checked to be the same regular file,
    and read up to ``limit`` bytes, so a file that changes meanwhile is refused, never waited on."""
    link = False
    try:
        st = os.lstat(path)
        link = stat.S_ISLNK(st.st_mode)
        if link:
            st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(f"{path}: broken symbolic link" if link else f"{path}: no such file") from None
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    real = os.path.realpath(path)
    if link and not _inside(real, root):
        raise ReportError(f"{path}: symbolic link to {real}, outside the reports folder; not read")
    for top in PSEUDO_FILE_SYSTEMS:
        if _inside(real, top):
            raise ReportError(f"{path}: {real} is a kernel file under {top}; not read")
    if not stat.S_ISREG(st.st_mode):          # a folder, FIFO, socket or device: never opened
        raise ReportError(f"{path}: not a regular file")
    if st.st_size > limit:
        raise ReportError(f"{path}: {_size(st.st_size)} is over the {_size(limit)} limit for {what}; not read")
    if st.st_size == 0:
        return b""                      # nothing to read; kernel files that say 0 are never opened
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise ReportError(f"{path}: changed while being read; not read")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    finally:
        os.close(fd)
    if total > limit:
        raise ReportError(f"{path}: grew over the {_size(limit)} limit for {what} while being read; not read")
    return b"".join(chunks)


def read_manifest(folder: Path, root: str | None = None) -> dict[str, Source]:
    """``sources.csv`` as {file name: Source}; {} when the folder has none.

    Raises ManifestError (one line) when it is there but is not a regular file inside the folder
    (``root``: the folder's real path), is over MAX_MANIFEST_BYTES, cannot be read or is malformed."""
    path = Path(folder) / MANIFEST
    try:
        os.lstat(path)
    except FileNotFoundError:
        return {}
    except OSError as e:
        raise ManifestError(f"{_shown(path)}: cannot be read ({e.strerror})") from None
    try:
        raw = _read_inside(path, root or os.path.realpath(folder), MAX_MANIFEST_BYTES, MANIFEST)
    except ReportError as e:
        raise ManifestError(str(e)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ManifestError(f"{path}: not UTF-8 (byte {e.start}); save it as UTF-8") from None
    rows = csv.DictReader(io.StringIO(text, newline=""))  # not splitlines(): U+2028 is not a row end
    out: dict[str, Source] = {}
    try:
        missing = [c for c in ("file", "outlet", "date") if c not in (rows.fieldnames or [])]
        if missing:
            raise ManifestError(
                f"{path} line 1: missing column(s) {', '.join(missing)}; expected {','.join(MANIFEST_COLUMNS)}"
            )
        for row in rows:
            line = rows.reader.line_num           # the row's last line (a quoted field may span lines)
            name = (row.get("file") or "").strip()
            date = (row.get("date") or "").strip()
            if not name:
                raise ManifestError(f"{path} line {line}: empty 'file'")
            if date and not (_ISO.fullmatch(date) and _valid_date(*map(int, date.split("-")))):
                raise ManifestError(f"{path} line {line}: date {date!r} is not YYYY-MM-DD")
            out[name] = Source(
                outlet=(row.get("outlet") or "").strip() or "unknown",
                date=date,
                url=(row.get("url") or "").strip(),
                outlet_basis=(row.get("outlet_basis") or "").strip(),
            )
    except csv.Error as e:                        # a field over the csv module's limit, a stray quote
        raise ManifestError(f"{path} line {rows.reader.line_num}: {e}") from None
    return out


def _title(text: str) -> str:
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.strip() and 0 < len(first) <= 150 and first[-1] not in ".!?\"”’:":
        return first
    return ""


def parse_report(path: Path, raw: bytes, source: Source | None = None,
                 outlets: Outlets | None = None) -> Report:
    """Decode and parse one report's bytes; raises ReportError with a one-line message.

    The outlet is the manifest's (``source``) when it gives one, else the one the text names
    (``infer_outlet`` with ``outlets``; the shipped outlets.toml when None)."""
    if not raw.strip():
        raise ReportError(f"{path}: empty file; a report needs text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReportError(
            f"{path}: not UTF-8 (invalid byte 0x{raw[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise ReportError(f"{path}: contains NUL bytes; not a text file")
    text = INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    header_date = ""
    m = _HEADER.match(text)
    if m:
        header_date = m[1]
        if not _valid_date(*map(int, header_date.split("-"))):
            raise ReportError(f"{path} line 1: header date {header_date!r} is not a calendar date YYYY-MM-DD")
        text = text[m.end():]
    text = text.strip("\n")
    if not text.strip():
        raise ReportError(f"{path}: no text after the date header")
    date = (source.date if source else "") or header_date or find_date(text)
    if source and source.outlet != "unknown":
        outlet, basis = source.outlet, source.outlet_basis
    else:
        outlet, basis = infer_outlet(text, outlets if outlets is not None else load_outlets())
        if outlet == "unknown" and source:
            basis = source.outlet_basis
    return Report(
        id=path.stem,
        path=path,
        title=_title(text),
        text=text,
        date=date,
        outlet=outlet,
        outlet_basis=basis,
        url=source.url if source else "",
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def read_report(path: Path, source: Source | None = None, outlets: Outlets | None = None,
                root: str | None = None) -> Report:
    """Read and parse one report file; raises ReportError with a one-line message.

    ``root`` is the real path of the reports folder (default: the file's own folder): the file
    must be a regular file inside it, or a link to one, of at most MAX_REPORT_BYTES."""
    path = Path(path)
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise ReportError(f"{path}: the file name is not UTF-8; rename the file") from None
    raw = _read_inside(path, root or os.path.realpath(path.parent), MAX_REPORT_BYTES, "a report")
    return parse_report(path, raw, source, outlets)


def report_paths(folder: Path) -> list[Path]:
    """Candidate report files in ``folder`` (not recursive), sorted by name.

    Raises ReportFolderError when the folder is missing, not a folder or cannot be listed."""
    folder = Path(folder)
    shown = _shown(folder)
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        raise ReportFolderError(f"{shown}: no such folder; --reports names a folder of report .txt files") from None
    except OSError as e:
        raise ReportFolderError(f"{shown}: cannot be used as the reports folder ({e.strerror})") from None
    if not stat.S_ISDIR(st.st_mode):
        raise ReportFolderError(f"{shown}: not a folder of reports")
    try:
        str(folder).encode("utf-8")
    except UnicodeEncodeError:
        raise ReportFolderError(f"{shown}: the folder's path is not UTF-8; rename it") from None
    try:
        names = os.listdir(folder)
    except OSError as e:
        raise ReportFolderError(f"{shown}: the folder cannot be listed ({e.strerror})") from None
    return [folder / n for n in sorted(names)
            if os.path.splitext(n)[1].lower() in REPORT_SUFFIXES and not n.startswith(".")]


def read_reports(folder: Path, vocab_folder: Path | None = None) -> tuple[list[Report], list[str]]:
    """All readable reports in ``folder`` sorted by id, and one line per file that was skipped.

    ``vocab_folder`` (``--vocab DIR``) may hold an outlets.toml replacing the shipped one.
    Raises ReportFolderError (carrying the skip lines) when no report can be read or two files
    have one id, ManifestError when sources.csv is refused."""
    folder = Path(folder)
    paths = report_paths(folder)
    root = os.path.realpath(folder)
    manifest = read_manifest(folder, root)
    outlets = load_outlets(vocab_folder)
    reports: list[Report] = []
    problems: list[str] = []
    for path in paths:
        try:
            reports.append(read_report(path, manifest.get(path.name), outlets, root))
        except ReportError as e:
            problems.append(str(e))
    by_id: dict[str, list[Report]] = {}
    for r in reports:
        by_id.setdefault(r.id, []).append(r)
    errors = [f"{', '.join(str(r.path) for r in same[:-1])} and {same[-1].path}: one id {rid!r} for "
              f"{len(same)} reports (the id is the file name without .txt); rename all but one"
              for rid, same in by_id.items() if len(same) > 1]
    if not reports:
        shown = _shown(folder)
        errors.append(f"{shown}: no readable report (.txt) files; {len(problems)} skipped" if problems else
                      f"{shown}: no report (.txt) files in the folder")
    if errors:
        raise ReportFolderError(errors, skipped=problems)
    return sorted(reports, key=lambda r: r.id), problems
