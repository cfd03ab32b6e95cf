"""The per-place state over time (geo/state.py): one small made-up claim history per rule."""

from __future__ import annotations

import itertools

import pytest

from geo.errors import VocabularyError
from geo.model import Claim
from geo.state import StateRules, as_of, changes, place_states, states_on, timelines

EFFECT = {"captured": "gain", "controls": "hold", "repelled": "defence", "entered": "presence",
          "contested": "fighting", "withdrew": "loss", "advancing": "approach"}
_n = itertools.count()


def claim(date, actor, status, *, side="outlet", outlet=None, admission=False, hedged=False, place="x"):
    k = next(_n)
    return Claim(article=f"a{k}", outlet=outlet or f"Outlet{k}", date=date, place_id=place, place=place.title(),
                 actor=actor, status=status, claimant=side, claimant_side=side, quote="q", admission=admission,
                 hedged=hedged, trigger=status, start=k, effect=EFFECT[status])


DEFAULT_RULES = StateRules()


def timeline(*claims, rules=DEFAULT_RULES):
    return timelines(list(claims), rules)["x"]


def test_the_latest_claims_win_over_older_ones():
    tl = timeline(claim("2024-12-01", "government", "controls"),
                  claim("2024-12-05", "opposition", "captured"))
    assert as_of(tl, "2024-12-03").key == "held:government"
    now = as_of(tl, "2024-12-08")
    assert now.key == "held:opposition" and now.since == "2024-12-05"
    assert now.previous == "held:government" and now.previous_date == "2024-12-01"


def test_before_the_first_claim_there_is_no_state():
    assert as_of(timeline(claim("2024-12-05", "opposition", "captured")), "2024-12-04") is None


def test_a_gain_cancels_earlier_claims_of_another_force_in_the_window():
    # the army held it yesterday, the rebels took it today: it changed hands, not contested
    tl = timeline(claim("2024-12-04", "government", "controls"),
                  claim("2024-12-05", "opposition", "captured"))
    assert tl[-1].key == "held:opposition"


def test_disagreement_on_one_day_is_contested_and_stops_when_claims_agree_again():
    tl = timeline(claim("2024-12-04", "government", "controls", side="government"),
                  claim("2024-12-04", "opposition", "captured", side="opposition"),
                  claim("2024-12-07", "opposition", "controls"))
    assert as_of(tl, "2024-12-04").state == "contested"
    assert set(as_of(tl, "2024-12-04").actors) == {"government", "opposition"}
    later = as_of(tl, "2024-12-07")
    assert later.key == "held:opposition" and later.since == "2024-12-07"
    assert later.previous == "contested" and later.previous_date == "2024-12-04"


def test_a_hold_claim_after_a_recent_gain_by_another_force_is_a_dispute():
    tl = timeline(claim("2024-12-05", "opposition", "captured"),
                  claim("2024-12-06", "government", "controls"))
    assert tl[-1].state == "contested"


def test_recent_days_is_a_setting():
    claims = [claim("2024-12-05", "opposition", "controls"), claim("2024-12-06", "government", "controls")]
    assert timeline(*claims)[-1].state == "contested"                      # default: 2 days
    assert timeline(*claims, rules=StateRules(recent_days=1))[-1].key == "held:government"


def test_an_admission_outweighs_a_claim_by_the_side_that_gains():
    tl = timeline(claim("2024-12-05", "government", "controls", side="government"),
                  claim("2024-12-05", "opposition", "captured", side="government", admission=True))
    st = tl[-1]
    assert st.key == "held:opposition" and st.disputed and st.confidence == "low"
    # without the admission the same two claims are a dispute
    tl = timeline(claim("2024-12-05", "government", "controls", side="government"),
                  claim("2024-12-05", "opposition", "captured", side="opposition"))
    assert tl[-1].state == "contested"


def test_hedged_claims_weigh_less():
    tl = timeline(claim("2024-12-05", "government", "controls"),
                  claim("2024-12-05", "opposition", "captured", hedged=True),
                  claim("2024-12-05", "government", "repelled"))
    assert tl[-1].key == "held:government"     # 2 against 0.5


def test_a_force_inside_a_place_another_holds_makes_it_contested():
    tl = timeline(claim("2024-11-29", "government", "controls"),
                  claim("2024-11-29", "opposition", "entered"))
    assert tl[-1].state == "contested"


def test_a_force_advancing_on_a_place_or_reportedly_inside_does_not_contest_it():
    tl = timeline(claim("2024-12-02", "government", "repelled"),
                  claim("2024-12-03", "opposition", "advancing"),
                  claim("2024-12-03", "opposition", "entered", hedged=True))
    assert tl[-1].key == "held:government"
    assert timeline(claim("2024-12-03", "opposition", "advancing"))[-1].state == "presence"


def test_presence_alone_is_presence_not_control():
    st = timeline(claim("2024-12-03", "opposition", "entered"))[-1]
    assert st.state == "presence" and st.controller == "" and st.actors == ("opposition",)
    assert st.presence_only


def test_a_controller_stays_until_contradicted():
    tl = timeline(claim("2024-12-01", "opposition", "captured"),
                  claim("2024-12-01", "opposition", "controls"),
                  claim("2024-12-09", "opposition", "entered"))
    st = tl[-1]
    assert st.key == "held:opposition" and st.since == "2024-12-01"
    assert st.outlets == 3     # the two claims that made it held, and the one since


def test_a_loss_with_nobody_named_is_unclear_and_a_retake_cancels_the_loss():
    tl = timeline(claim("2024-12-01", "government", "controls"),
                  claim("2024-12-05", "government", "withdrew"))
    assert tl[-1].state == "unclear" and tl[-1].controller == ""
    tl = timeline(claim("2024-12-04", "government", "withdrew"),
                  claim("2024-12-05", "government", "captured"))
    assert tl[-1].key == "held:government"


def test_confidence_from_outlets_sides_and_admissions():
    one = timeline(claim("2024-12-05", "opposition", "captured", side="opposition"))[-1]
    assert one.confidence == "low" and one.outlets == 1
    same_side = timeline(claim("2024-12-05", "opposition", "captured", side="opposition"),
                         claim("2024-12-05", "opposition", "controls", side="opposition"))[-1]
    assert same_side.confidence == "medium" and same_side.sides == 1
    both = timeline(claim("2024-12-05", "opposition", "captured", side="opposition"),
                    claim("2024-12-05", "opposition", "controls", side="outlet"))[-1]
    assert both.confidence == "high" and (both.outlets, both.sides) == (2, 2)
    one_outlet = timeline(claim("2024-12-05", "opposition", "captured", side="opposition", outlet="AFP"),
                          claim("2024-12-05", "opposition", "controls", side="government", outlet="AFP",
                                admission=True))[-1]
    assert one_outlet.confidence == "medium" and one_outlet.admissions == 1
    hedged = timeline(claim("2024-12-05", "opposition", "captured", hedged=True),
                      claim("2024-12-05", "opposition", "captured", hedged=True, side="opposition"))[-1]
    assert hedged.confidence == "low"


def test_changes_list_each_change_of_state_once():
    claims = [claim("2024-12-01", "government", "controls"),
              claim("2024-12-02", "government", "controls"),
              claim("2024-12-05", "opposition", "captured"),
              claim("2024-12-03", "opposition", "entered", place="y")]
    got = [(c.date, c.place_id, c.before, c.after) for c in changes(timelines(claims))]
    assert got == [("2024-12-01", "x", "", "held:government"),
                   ("2024-12-03", "y", "", "presence"),
                   ("2024-12-05", "x", "held:government", "held:opposition")]


def test_states_on_a_day_and_place_states_agree():
    claims = [claim("2024-12-01", "government", "controls"), claim("2024-12-05", "opposition", "captured"),
              claim("2024-12-03", "opposition", "entered", place="y")]
    lines = timelines(claims)
    assert set(states_on(lines, "2024-12-02")) == {"x"}
    assert states_on(lines, "2024-12-02")["x"].key == "held:government"
    assert {k: v.key for k, v in states_on(lines).items()} == {k: v.key for k, v in place_states(claims).items()}
    assert states_on(lines)["x"].claim_count == 2


def test_claim_order_on_input_does_not_matter():
    claims = [claim("2024-12-01", "government", "controls"), claim("2024-12-04", "opposition", "entered"),
              claim("2024-12-05", "opposition", "captured"), claim("2024-12-05", "government", "withdrew")]
    assert timelines(claims) == timelines(list(reversed(claims)))


@pytest.mark.parametrize("table, msg", [
    ({"recent_day": 2}, "unknown key 'recent_day'"),
    ({"recent_days": 0}, "recent_days = 0"),
    ({"recent_days": 1.5}, "recent_days = 1.5"),
    ({"dominance": -1}, "dominance = -1"),
    ({"admission_weight": "3"}, "admission_weight = '3'"),
])
def test_state_settings_are_checked(tmp_path, table, msg):
    path = tmp_path / "claims.toml"
    path.write_text("[state]\n" + "".join(f"{k} = {v!r}\n".replace("'", '"') for k, v in table.items()))
    with pytest.raises(VocabularyError, match=msg.replace("(", r"\(")) as e:
        StateRules.from_table(table, path)
    assert str(path) in str(e.value) and "\n" not in str(e.value)


def test_a_force_only_its_own_side_places_inside_a_well_attested_hold_disputes_it():
    # two outlets, two sides and the army's own admission say the rebels took it; days later only
    # the army says it is still fighting there: held, disputed by the army, not contested
    tl = timeline(claim("2024-12-05", "opposition", "captured", side="opposition"),
                  claim("2024-12-05", "opposition", "captured", side="outlet"),
                  claim("2024-12-05", "government", "withdrew", side="government", admission=True),
                  claim("2024-12-08", "government", "contested", side="government"))
    st = tl[-1]
    assert st.key == "held:opposition" and st.disputed and st.actors == ("opposition", "government")
    assert st.since == "2024-12-05" and st.confidence == "medium"
    # the same words from anyone else, or on top of a hold resting on one outlet, contest it
    tl = timeline(claim("2024-12-05", "opposition", "captured", side="opposition"),
                  claim("2024-12-05", "opposition", "captured", side="outlet"),
                  claim("2024-12-05", "government", "withdrew", side="government", admission=True),
                  claim("2024-12-08", "government", "contested", side="outlet"))
    assert tl[-1].state == "contested"
    tl = timeline(claim("2024-12-05", "opposition", "captured", side="opposition", outlet="A"),
                  claim("2024-12-08", "government", "contested", side="government"))
    assert tl[-1].state == "contested"


def test_a_force_its_own_side_places_inside_on_the_day_of_a_well_attested_capture_disputes_it():
    tl = timeline(claim("2024-12-07", "opposition", "captured", side="opposition"),
                  claim("2024-12-07", "opposition", "controls", side="outlet"),
                  claim("2024-12-07", "government", "entered", side="government"))
    assert tl[-1].key == "held:opposition" and tl[-1].disputed
    tl = timeline(claim("2024-12-07", "opposition", "captured", side="opposition"),
                  claim("2024-12-07", "opposition", "controls", side="outlet"),
                  claim("2024-12-07", "government", "entered", side="government"),
                  claim("2024-12-07", "government", "contested", side="opposition"))
    assert tl[-1].state == "contested"
