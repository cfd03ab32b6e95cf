"""Properties that must hold for any text: offsets slice back, nothing crashes, escaping is total."""

from pathlib import Path

from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.claims import ClaimVocabulary, extract_claims
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import INVISIBLE, Source, parse_report
from geo.safe import esc, mark
from geo.text import normalize

GAZ = load(ROOT / "gazetteer.csv")
MATCHER = Matcher(GAZ)
VOCAB = ClaimVocabulary()
WORDS = ["Aleppo", "Hama", "Hamas", "the city", "rebels", "captured", "Moscow", "said", "Idlib province",
         "Hayʼat Tahrir al-Sham", "’s", "-held", ",", ".", "\n", "{{", "`", "$", "<script>", "Tartu", "ß", "İ"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join)


@given(st.text())
def test_normalize_keeps_length(s):
    assert len(normalize(s)) == len(s)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_mentions_slice_back_and_claims_never_crash(text):
    if not INVISIBLE.sub("", text).strip() or "\x00" in text:   # empty (invisible characters only) and
        return                                                      # NUL-carrying files are rejected by design
    r = parse_report(Path("x.txt"), text.encode("utf-8", "surrogatepass"), Source("W", "2024-12-01", "", ""))
    ms = find_mentions(r, MATCHER)
    for m in ms:
        assert r.text[m.start:m.end] == m.surface
        assert r.text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
        assert m.role in ("place", "metonym", "dateline")
    for c in extract_claims(r, ms, VOCAB, GAZ):
        assert c.place_id in GAZ.entries


@given(st.text())
def test_escaped_text_has_no_active_characters(s):
    out = esc(s)
    for ch in "<>\"'`${}\\":
        assert ch not in out


@given(st.text(), st.integers(0, 50), st.integers(0, 50))
def test_mark_is_escaped_around_the_mark(s, a, b):
    out = mark(s, [(a, b)])
    stripped = out.replace('<mark class="hl">', "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped
