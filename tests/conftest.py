"""Shared fixtures: the repository root on sys.path, sample paths, the claims of a short report."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def read():
    """The claims of a short report (the project's gazetteer and vocabulary), as records."""
    from geo.claims import ClaimVocabulary, extract_claims
    from geo.gazetteer import load
    from geo.mentions import Matcher, find_mentions
    from geo.reports import Source, parse_report
    gaz = load(ROOT / "gazetteer.csv")
    matcher, vocab = Matcher(gaz), ClaimVocabulary()

    def claims(text, outlet="Test Wire", date="2024-12-05"):
        r = parse_report(Path("t.txt"), text.encode(), Source(outlet, date, "", ""))
        return extract_claims(r, find_mentions(r, matcher), vocab, gaz)
    return claims


@pytest.fixture(scope="session")
def run(read):
    """The claims of a short report as (place, actor, status)."""
    return lambda text: {(c.place_id, c.actor, c.status) for c in read(text)}
