"""GeoNames dumps (the standard 19 tab-separated columns) as a gazetteer. Filled in by issue 4."""

from __future__ import annotations


def looks_like_geonames(text: str) -> bool:
    first = text.split("\n", 1)[0]
    cols = first.split("\t")
    return len(cols) == 19 and cols[0].isdigit()


def parse(path, text):
    raise NotImplementedError("GeoNames dumps are not supported yet")
