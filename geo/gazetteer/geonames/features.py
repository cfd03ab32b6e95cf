"""GeoNames feature class and code -> the entry's kind, precision and rank.

======================================  ==================  =========
GeoNames feature                        kind                precision
======================================  ==================  =========
P.PPLC (capital)                        capital             8
P.* other, population >= 100,000        city                5
P.* other, population < 100,000 or 0    town                3
P.PPLX (section of a populated place)   area                2
A.PCLI PCLD PCLF PCLS PCL TERR          country             300
A.ADM1                                  governorate         50
A.ADM2                                  region              20
A.ADM3 ADM4 ADM5 ADMD                   region              10
L.RGN                                   region              50
L.AREA                                  area                10
S.AIRB S.AIRF (air base, airfield)      airbase             2
S.AIRP S.AIRH (airport, heliport)       airport             2
S.NVB (naval base)                      naval_base          1
S.PRT (port)                            port                1
S.PSTB (border post)                    border_crossing     1
S.DAM                                   dam                 1
S.CSTL FT MNMT HSTS RUIN ANS TMPL PAL   landmark            0.5
  BDG (castle, fort, monument, ...)
R.RD R.ST (road, street)                road                5
anything else (H.*, T.*, V.*, U.*, ...) other               5
======================================  ==================  =========

The rank is rule (d) of the collision rule (see ``collisions``): PPLC, PPLA, ADM1, PPLA2,
PPLA3-5, ADM2, other P, anything else.
"""

from __future__ import annotations

from typing import NamedTuple

CITY_POPULATION = 100_000

# (feature class, feature code) -> kind; then feature class -> kind
KINDS: dict[tuple[str, str], str] = {
    ("P", "PPLC"): "capital",
    ("P", "PPLX"): "area",
    **{("A", c): "country" for c in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR")},
    ("A", "ADM1"): "governorate",
    **{("A", c): "region" for c in ("ADM2", "ADM3", "ADM4", "ADM5", "ADMD")},
    ("L", "RGN"): "region",
    ("L", "AREA"): "area",
    ("S", "AIRB"): "airbase",
    ("S", "AIRF"): "airbase",
    ("S", "AIRP"): "airport",
    ("S", "AIRH"): "airport",
    ("S", "NVB"): "naval_base",
    ("S", "PRT"): "port",
    ("S", "PSTB"): "border_crossing",
    ("S", "DAM"): "dam",
    **{("S", c): "landmark" for c in ("CSTL", "FT", "MNMT", "HSTS", "RUIN", "ANS", "TMPL", "PAL", "BDG")},
    ("R", "RD"): "road",
    ("R", "ST"): "road",
}
PRECISION_KM: dict[str, float] = {
    "capital": 8, "city": 5, "town": 3, "area": 2, "country": 300, "governorate": 50,
    "airbase": 2, "airport": 2, "naval_base": 1, "port": 1, "border_crossing": 1, "dam": 1,
    "landmark": 0.5, "road": 5, "other": 5,
}
REGION_PRECISION_KM = {"ADM2": 20, "RGN": 50}
OTHER_REGION_PRECISION_KM = 10      # ADM3-5, ADMD
# (d) feature rank: lower wins
FEATURE_RANK = {"PPLC": 0, "PPLA": 1, "ADM1": 2, "PPLA2": 3, "PPLA3": 4, "PPLA4": 4, "PPLA5": 4, "ADM2": 5}
P_RANK, OTHER_RANK = 6, 7


class Kind(NamedTuple):
    kind: str
    precision_km: float


def kind_of(fclass: str, fcode: str, population: int) -> Kind:
    kind = KINDS.get((fclass, fcode))
    if kind is None:
        if fclass == "P":
            kind = "city" if population >= CITY_POPULATION else "town"
        else:
            kind = "other"
    if kind == "region":
        return Kind(kind, REGION_PRECISION_KM.get(fcode, OTHER_REGION_PRECISION_KM))
    return Kind(kind, PRECISION_KM[kind])


def rank_of(fclass: str, fcode: str) -> int:
    r = FEATURE_RANK.get(fcode)
    if r is not None:
        return r
    return P_RANK if fclass == "P" else OTHER_RANK
