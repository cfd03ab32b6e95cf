"""The five sample reports through reading, mentions, metonymy, places and claims."""

import pytest
from helpers import km

from geo.claims import ClaimVocabulary, extract_claims
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import read_reports
from geo.state import place_states

TRUE_POSITIONS = {  # (lat, lon) from independent sources: Wikipedia / GeoNames
    "aleppo": (36.2021, 37.1343), "idlib": (35.9306, 36.6339), "hama": (35.1318, 36.7578),
    "abu_al_duhur_airbase": (35.7320, 37.1040), "hmeimim_airbase": (35.4011, 35.9486),
    "tartus": (34.8890, 35.8866), "damascus": (33.5131, 36.2919),
    "aleppo_citadel": (36.1993, 37.1628), "aleppo_airport": (36.1807, 37.2244),
}


@pytest.fixture(scope="module")
def sample(root):
    gaz = load(root / "gazetteer.csv")
    reports, problems = read_reports(root / "seeds")
    assert problems == []
    matcher = Matcher(gaz)
    vocab = ClaimVocabulary()
    mentions = {r.id[:3]: find_mentions(r, matcher) for r in reports}
    claims = [c for r in reports for c in extract_claims(r, mentions[r.id[:3]], vocab, gaz)]
    return gaz, {r.id[:3]: r for r in reports}, mentions, claims


def places_in(mentions, role="place"):
    return {m.place_id for m in mentions if m.role == role}


def test_reports_metadata(sample):
    _, reports, _, _ = sample
    assert [r.outlet for r in reports.values()] == [
        "Reuters", "Al Jazeera", "unattributed (Reuters-based)", "RT", "The Epoch Times"]
    assert {r.date for r in reports.values()} == {"2024-11-30"}
    assert not reports["000"].text.lstrip().startswith("date")
    assert reports["004"].title == "Syrian Government Forces Regrouping After Surprise Attack on Aleppo"


@pytest.mark.parametrize("article, place_id", [
    ("000", "aleppo"), ("001", "aleppo"), ("002", "aleppo"), ("003", "aleppo"), ("004", "aleppo"),
    ("001", "idlib"), ("001", "hama"), ("001", "abu_al_duhur_airbase"), ("001", "aleppo_airport"),
    ("001", "damascus"), ("001", "m5_highway"), ("001", "idlib_governorate"),
    ("001", "aleppo_governorate"), ("003", "hmeimim_airbase"), ("003", "tartus_naval_base"),
    ("003", "aleppo_citadel"), ("004", "idlib_governorate"), ("000", "northwestern_syria"),
])
def test_places_found_with_attribution(sample, article, place_id):
    _, _, mentions, _ = sample
    assert place_id in places_in(mentions[article])


def test_places_absent_where_not_named(sample):
    _, _, mentions, _ = sample
    assert "hama" not in places_in(mentions["000"]) | places_in(mentions["004"])
    assert "aleppo_citadel" not in places_in(mentions["001"])


def test_longest_match_and_governorates(sample):
    _, _, mentions, _ = sample
    m = next(m for m in mentions["004"] if m.surface == "Idlib Province")
    assert m.place_id == "idlib_governorate"
    gov = [m for m in mentions["001"] if "governorates of" in m.sentence and m.role == "place"]
    assert {m.place_id for m in gov} == {"aleppo_governorate", "idlib_governorate"}


def test_context_references(sample):
    _, _, mentions, _ = sample
    citadel = [m for m in mentions["003"] if m.place_id == "aleppo_citadel"]
    assert "the city’s historic citadel" in {m.surface for m in citadel}
    road = next(m for m in mentions["001"] if m.place_id == "m5_highway")
    assert road.surface == "highway" and "links Aleppo to the capital Damascus" in road.sentence
    city = [m for m in mentions["002"] if m.surface == "the city"]
    assert city and {m.place_id for m in city} == {"aleppo"}


@pytest.mark.parametrize("article, surface, role", [
    ("000", "Moscow", "metonym"), ("000", "Kremlin", "metonym"), ("002", "Kremlin", "metonym"),
    ("003", "Damascus", "metonym"), ("003", "Moscow", "metonym"), ("001", "Turkiye", "metonym"),
    ("001", "Damascus", "place"), ("001", "Hama", "place"),
])
def test_roles(sample, article, surface, role):
    _, _, mentions, _ = sample
    roles = {m.role for m in mentions[article] if m.surface == surface}
    assert roles == {role}


def test_traps_not_matched(sample):
    _, reports, mentions, _ = sample
    all_surfaces = {m.surface.lower() for ms in mentions.values() for m in ms}
    assert "hamas" not in all_surfaces
    for ms in mentions.values():
        for m in ms:
            # nothing inside "Hayat Tahrir al-Sham" or other organisation names
            assert "tahrir" not in m.sentence[max(0, m.start - m.sentence_start - 15):m.start - m.sentence_start].lower()


def test_positions_within_a_few_km(root):
    gaz = load(root / "gazetteer.csv")
    for pid, true in TRUE_POSITIONS.items():
        e = gaz.entries[pid]
        assert km((e.lat, e.lon), true) < 5, pid


# Claims ------------------------------------------------------------------------------------

def has(claims, article, place_ids, actor, statuses, side=None, admission=None):
    place_ids = {place_ids} if isinstance(place_ids, str) else set(place_ids)
    statuses = {statuses} if isinstance(statuses, str) else set(statuses)
    return [c for c in claims if c.article.startswith(article) and c.place_id in place_ids
            and c.actor == actor and c.status in statuses
            and (side is None or c.claimant_side == side)
            and (admission is None or c.admission == admission)]


@pytest.mark.parametrize("article, place, actor, status, side", [
    ("001", "abu_al_duhur_airbase", "opposition", "captured", "opposition"),
    ("001", "m5_highway", "opposition", ("captured", "controls"), "opposition"),
    ("001", "aleppo", "opposition", "controls", "outlet"),
    ("001", "hama", "opposition", "advancing", "opposition"),
    ("001", ("idlib", "idlib_governorate"), "opposition", "controls", None),
    ("003", "hmeimim_airbase", "russia", "controls", None),
    ("003", ("tartus", "tartus_naval_base"), "russia", "controls", None),
])
def test_required_claims(sample, article, place, actor, status, side):
    found = has(sample[3], article, place, actor, status, side)
    assert found, "claim missing"
    ids = [c.place_id for c in found]
    assert len(ids) == len(set(ids)), "the same claim twice in one article"


@pytest.mark.parametrize("article", ["000", "001", "002", "003"])
def test_army_admits_rebels_entered_aleppo(sample, article):
    found = has(sample[3], article, "aleppo", "opposition", "entered", "government", admission=True)
    assert len(found) == 1


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_army_says_rebels_failed_to_hold_aleppo(sample, article):
    found = has(sample[3], article, "aleppo", "opposition", "failed_to_hold", "government")
    assert len(found) == 1 and not found[0].admission


@pytest.mark.parametrize("article", ["000", "004"])
def test_army_withdrew_from_aleppo(sample, article):
    found = has(sample[3], article, "aleppo", "government", "withdrew", "government", admission=True)
    assert len(found) == 1


def test_claimants_named_as_in_text(sample):
    claims = sample[3]
    serdar = has(claims, "001", "aleppo", "opposition", "controls", "outlet")[0]
    assert serdar.claimant == "Al Jazeera’s Resul Serdar"
    assert "central and northwestern parts of the city" in serdar.quote
    rebels = has(claims, "001", "abu_al_duhur_airbase", "opposition", "captured")[0]
    assert rebels.claimant == "The rebels"
    idlib = has(claims, "001", "idlib", "opposition", "controls")[0]
    assert idlib.claimant == "The Syrian Civil Defence" and idlib.claimant_side == "other"


def test_no_claims_from_history_or_intention(sample):
    claims = sample[3]
    # "whose forces had won control of the city in 2016" (004), "Aleppo had been under full
    # state control since ..." (001), "a focus on regaining control and securing Aleppo" (002)
    assert not has(claims, "", "aleppo", "government", ("captured", "controls"))
    assert not [c for c in claims if "2016" in c.quote]


def test_few_spurious_claims(sample):
    claims = sample[3]
    assert len(claims) <= 35
    assert {c.place_id for c in claims} <= {   # ("battles ... in the governorates of Aleppo and Idlib": both)
        "aleppo", "aleppo_citadel", "hama", "idlib", "idlib_governorate", "aleppo_governorate", "abu_al_duhur_airbase",
        "m5_highway", "hmeimim_airbase", "tartus_naval_base"}


def test_aleppo_contested_others_not(sample):
    states = place_states(sample[3])
    assert states["aleppo"].state == "contested"
    assert states["abu_al_duhur_airbase"].state == "held"
    assert states["abu_al_duhur_airbase"].controller == "opposition"
    assert states["hama"].presence_only
