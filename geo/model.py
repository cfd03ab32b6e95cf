"""The records passed between the steps: frozen, with named fields.

A ``Report`` is read (geo.reports), its ``Mention``s of gazetteer ``Entry``s found (geo.mentions),
its ``Claim``s read (geo.claims; ``PendingClaim`` for names the gazetteer lacks). Each step
makes new records and changes none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Report:
    id: str            # file stem, e.g. "001_43686b2d192f5961"
    path: Path         # where the file was read from
    title: str         # "" when the report has no title line
    text: str          # the text, header stripped, LF line ends; mention offsets index this
    date: str          # ISO date or "" when none is known
    outlet: str        # from the manifest, else named by the text's tags, else "unknown"
    outlet_basis: str  # why the outlet is believed (manifest's outlet_basis or the tag), or ""
    url: str           # the article's URL from the manifest, or ""
    sha256: str = ""   # of the bytes read (build.json records it; the file is not read twice)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    country: str = ""
    parent: str = ""
    geometry: str = ""         # WKT (lon lat) for lines and areas, "" for points
    precision_km: float | None = None
    source: str = ""
    line: int = 0              # line in the gazetteer file, for messages
    alternatives: tuple[str, ...] = ()  # other candidates a GeoNames name could have meant

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def xy(self) -> tuple[float, float]:
        """(x, y) = (lon, lat): the order of shapely, GeoJSON and WKT; the one place it is swapped."""
        return (self.lon, self.lat)


@dataclass(frozen=True, slots=True)   # slots: a huge report has millions
class Mention:
    article: str      # report id
    place_id: str     # gazetteer entry id
    surface: str      # the text as written, report.text[start:end]
    start: int
    end: int
    sentence: str     # the sentence around the mention
    sentence_start: int
    role: str         # "place" | "metonym" | "dateline"
    via: str = "name"  # "name" | "context" (resolved from an anaphor, feature or road phrase)


@dataclass(frozen=True)
class Claim:
    article: str
    outlet: str
    date: str
    place_id: str
    place: str
    actor: str           # actor id from actors.toml
    status: str          # a status of claims.toml
    claimant: str        # as the text names them, or the outlet for unattributed claims
    claimant_side: str   # an actor id, "outlet" or "other"
    quote: str           # the sentence
    admission: bool      # the claimant concedes something against its own side
    hedged: bool         # "reportedly", "claim to", "unverified", "appear to"
    trigger: str         # the phrase that made it a claim, as written
    start: int           # offset of the sentence in the report text
    effect: str = ""     # what the status means for control (claims.toml): gain, hold, loss ...


@dataclass(frozen=True)
class PendingClaim:
    """A claim about a name the gazetteer lacks: kept for unresolved.csv."""
    name: str
    article: str
    actor: str
    status: str
    claimant_side: str
    sentence: str
    start: int = 0       # the name's offsets in the report text
    end: int = 0
