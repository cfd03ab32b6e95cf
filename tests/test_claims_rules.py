"""Claims extraction on small hand-written reports: negation, hedging, history, attribution."""

from pathlib import Path

import pytest
from helpers import ROOT

from geo.claims import ClaimVocabulary, extract_claims
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import Source, parse_report


@pytest.fixture(scope="module")
def run():
    gaz = load(ROOT / "gazetteer.csv")
    matcher, vocab = Matcher(gaz), ClaimVocabulary()

    def claims(text, outlet="Test Wire"):
        r = parse_report(Path("t.txt"), text.encode(), Source(outlet, "2024-12-02", "", ""))
        return [(c.place_id, c.actor, c.status, c.claimant_side, c.admission)
                for c in extract_claims(r, find_mentions(r, matcher), vocab, gaz)]
    return claims


def test_negation_is_failed_to_hold_not_control(run):
    out = run("The army said the insurgents had not been able to establish fixed positions in Hama.")
    assert out == [("hama", "opposition", "failed_to_hold", "government", False)]


def test_negated_capture_is_no_claim(run):
    assert run("The rebels have not captured Saraqib, witnesses said.") == []


def test_hedged_advance_is_advancing(run):
    out = run("The rebels claim to be advancing towards Homs.")
    assert out == [("homs", "opposition", "advancing", "opposition", False)]


def test_history_is_not_a_current_claim(run):
    assert run("Government forces drove rebels from Aleppo in 2016.") == []
    assert run("Government forces had won control of Aleppo in 2016.") == []
    assert run("Hama had been under state control since government forces seized it years ago.") == []


def test_intention_is_not_a_claim(run):
    assert run("The army is preparing to recapture Saraqib.") == []


def test_question_is_not_a_claim(run):
    assert run("Will the regime let HTS keep control of Idlib?") == []


def test_unattributed_claim_belongs_to_outlet(run):
    assert run("Rebels captured Saraqib on Monday.") == [("saraqib", "opposition", "captured", "outlet", False)]


def test_according_to_and_trailing_attribution(run):
    assert run("Rebels entered Hama, according to the Syrian Observatory for Human Rights.") == [
        ("hama", "opposition", "entered", "other", False)]
    assert run("Insurgents have seized Khan Shaykhun, the Defence Ministry said.") == [
        ("khan_shaykhun", "opposition", "captured", "government", True)]


def test_fell_to_and_held(run):
    assert ("saraqib", "opposition", "controls", "outlet", False) in run(
        "Fighting continued south of rebel-held Saraqib.")


def test_withdrawal_admission(run):
    out = run("The Syrian army announced a withdrawal from Hama.")
    assert out == [("hama", "government", "withdrew", "government", True)]


def test_nested_speech_belongs_to_inner_speaker(run):
    out = run("State TV said the army said rebels had entered Homs.")
    assert out == [("homs", "opposition", "entered", "government", True)]


def test_prefix_filter_skips_only_patterns_that_cannot_match():
    """Status patterns run only on sentences holding their literal prefix; the triggers found
    must be those of running every pattern on every sentence."""
    from geo.claims import find_triggers, literal_prefix, literal_prefixes
    from geo.text import normalize, sentences

    vocab = ClaimVocabulary()
    everything = ClaimVocabulary()
    everything.prefixes, everything.always = None, list(range(len(everything.statuses)))
    import re
    assert literal_prefix(re.compile("(?<![a-z])took control of(?![a-z])")) == "took control of"
    assert literal_prefix(re.compile("(?:had )?not able")) == ""
    assert literal_prefix(re.compile("under (?:full )?x")) == "under "
    assert literal_prefixes(re.compile("(?:had )?not able")) == ["had not able", "not able"]
    assert literal_prefixes(re.compile("(?:fell|falls) (?:in)?to")) == ["falls into", "falls to", "fell into", "fell to"]
    assert literal_prefixes(re.compile(r"(?:\w+ )?held")) == []
    from geo.claims import required_literals
    assert required_literals(re.compile(r"(?P<held>\w+) (?:held|controlled)")) == ["held", "controlled"]
    assert required_literals(re.compile(r"\d+ ?(?:km|miles) from")) == [" from"]
    assert required_literals(re.compile(r"\w+ \w+")) == []
    assert sum(1 for s in vocab.statuses if s.prefixes) > len(vocab.statuses) * 0.9
    n = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for s in sentences(path.read_text(encoding="utf-8")):
            norm = normalize(s.text)
            got = [(t.start, t.end, t.pattern.status) for t in find_triggers(norm, vocab)]
            assert got == [(t.start, t.end, t.pattern.status) for t in find_triggers(norm, everything)]
            n += len(got)
    assert n > 20


def test_pattern_index_finds_what_running_every_pattern_finds():
    """What ``pattern_matches`` finds with its shortcuts (the always-run patterns tried only where
    a literal start occurs or on a sentence holding a required literal; a prefix pattern not tried
    inside a word nor without its required literal) is what trying each pattern finds: at every
    occurrence of one of its prefixes, or everywhere (``finditer``) when it has none."""
    from geo.claims.triggers import pattern_matches
    from geo.text import normalize, sentences

    def occurrences(s: str, x: str) -> list[int]:
        out, k = [], s.find(x)
        while k >= 0:
            out.append(k)
            k = s.find(x, k + 1)
        return out

    vocab = ClaimVocabulary()
    assert vocab.always_index.patterns and vocab.prefix_needs.patterns
    n = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for s in sentences(path.read_text(encoding="utf-8")):
            norm = normalize(s.text)
            want = set()
            for i, sp in enumerate(vocab.statuses):
                if sp.prefixes:
                    starts = {a for x in sp.prefixes for a in occurrences(norm, x)}
                    want |= {(i, m.span()) for a in starts if (m := sp.rx.match(norm, a))}
                else:
                    want |= {(i, m.span()) for m in sp.rx.finditer(norm)}
            got = [(i, m.span()) for i, m in pattern_matches(norm, vocab)]
            assert sorted(got) == sorted(want)
            n += len(got)
    assert n > 20

def test_timelines_equal_place_states_of_each_day():
    """The incremental per-place timelines give, on each day, exactly place_states of the claims
    made up to that day."""
    import random
    from dataclasses import replace

    from geo.claims import ClaimVocabulary
    from geo.model import Claim
    from geo.state import place_states, states_on, timelines

    rng = random.Random(7)
    vocab = ClaimVocabulary()
    effect, statuses = vocab.effect, tuple(vocab.effect_of)   # the statuses claims.toml defines
    claims = []
    for _ in range(600):
        status = rng.choice(statuses)
        claims.append(Claim(article=f"a{rng.randrange(40)}", outlet="W", date=f"2024-12-{rng.randrange(1, 12):02d}",
                            place_id=rng.choice("pqrs"), place="P", actor=rng.choice(["hts", "army", "sdf"]),
                            status=status, claimant="W", claimant_side="outlet", quote="q",
                            admission=False, hedged=False, trigger="t", start=rng.randrange(500),
                            effect=effect(status)))
    # one place only ever said to be held by one force: held throughout
    claims = [c if c.place_id != "s" else replace(c, actor="hts", status="captured", effect="gain") for c in claims]
    lines = timelines(claims)
    dates = sorted({c.date for c in claims})
    seen = set()
    for d in dates:
        day = states_on(lines, d)
        assert day == place_states([c for c in claims if c.date <= d])
        seen |= {s.state for s in day.values()}
        assert day["s"].key == "held:hts"
    assert {"contested", "held"} <= seen
