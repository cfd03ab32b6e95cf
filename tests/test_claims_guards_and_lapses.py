"""Holds told by guarding and by halting an attacker, fighting with no verb or with a date, a facility
"at" a place, and holds that still last ("has long held", "has run X for years") against those that
lapsed ("had long held"). Sentences written for these tests.
"""

import pytest


@pytest.mark.parametrize("text, claims", [
    ("Russian troops still guard Hmeimim air base.", {("hmeimim_airbase", "russia", "controls")}),
    ("SDF fighters guarding Sheikh Maqsoud say they will not leave.", {("sheikh_maqsoud", "sdf", "controls")}),
    # a guard sent is no guard yet
    ("Soldiers were sent to guard the prisoners at Sednaya.", set()),
])
def test_guarding_a_place_holds_it(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The army halted the rebels north of Hama.", {("hama", "government", "repelled")}),
    ("Loyalist units stopped the insurgents at Souran on Monday.", {("souran", "government", "repelled")}),
    # holding the attackers at a place is holding the place
    ("Government troops hold the rebels at Souran, north of Hama.", {("souran", "government", "controls")}),
    # "held ... responsible" stops no one anywhere
    ("Damascus held the rebels responsible for the attack on Hama.", set()),
])
def test_halting_or_holding_the_attackers_at_a_place(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, places", [
    ("Rebels pushed south towards Hama on Monday. Clashes now inside Souran.", {"souran"}),
    ("The rebels have reached the outskirts of Aleppo. Clashes at the southern entrance of Anadan.", {"anadan"}),
    ("Rebels pushed south towards Hama on Monday. Hostilities were reported on 2 and 3 December in Souran and "
     "Halfaya.", {"souran", "halfaya"}),
])
def test_fighting_with_no_verb_or_with_a_date_borrows_the_attacker(run, text, places):
    got = run(text)
    assert {p for p, a, s in got if s == "contested" and a == "opposition"} == places
    assert not {c for c in got if c[2] == "contested" and c[1] != "opposition"}


@pytest.mark.parametrize("text, claim", [
    ("The rebels seized the border crossing at Nasib.", ("nasib", "opposition", "captured")),
    ("The SDF took the crossing at Albu Kamal on Friday.", ("abu_kamal", "sdf", "captured")),
])
def test_a_crossing_at_a_place(run, text, claim):
    assert run(text) == {claim}


@pytest.mark.parametrize("text, claims", [
    ("The SDF has long held Sheikh Maqsoud.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("The SDF, which have long held the Sheikh Maqsoud district of Aleppo, moved fighters east.",
     {("sheikh_maqsoud", "sdf", "controls")}),
    ("HTS has run Idlib for years.", {("idlib", "opposition", "controls")}),
    # a hold that lapsed before the time reported
    ("The SDF had long held Sheikh Maqsoud.", set()),
    ("The army had for years controlled Hama.", set()),
    ("HTS ran Idlib for years.", set()),
])
def test_holds_that_last_and_holds_that_lapsed(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Buses headed towards Tabqa and Raqqa, both held by the SDF.",
     {("tabqa", "sdf", "controls"), ("raqqa", "sdf", "controls")}),
    ("Convoys moved to Tabqa and Raqqa, two cities held by the SDF.",
     {("tabqa", "sdf", "controls"), ("raqqa", "sdf", "controls")}),
    ("The SDF holds several towns on the east bank, including in Hajin.", {("hajin", "sdf", "controls")}),
])
def test_places_described_together_as_held(run, text, claims):
    assert run(text) == claims


def test_places_that_fell_one_after_another(run):
    got = run("The rebels entered Saraqib on 29 November. In twelve days, Aleppo, Hama and Homs fell one after "
              "another.")
    assert {p for p, a, s in got if a == "opposition" and s == "captured"} == {"aleppo", "hama", "homs"}


@pytest.mark.parametrize("text, claims", [
    ("SNA factions launched an operation against Tal Rifaat.", {("tal_rifaat", "sna", "contested")}),
    ("The rebels opened a second axis, from eastern Idlib towards Saraqib.", {("saraqib", "opposition", "advancing")}),
    # an operation against cells or remnants hunts them; it fights no one for the place
    ("Government forces launched an operation against ISIS cells in Deir ez-Zor.", set()),
    ("The SDF is fighting ISIS remnants in the desert near Raqqa.", set()),
])
def test_operations_and_axes_against_places_not_cells(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The rebels have taken 32 villages since Wednesday, among them Basratoun and Ajil.",
     {("basratun", "opposition", "captured"), ("ajil", "opposition", "captured")}),
    ("Azaz and Afrin (SNA-held areas): calm.", {("azaz", "sna", "controls"), ("afrin", "sna", "controls")}),
])
def test_a_list_past_a_time_and_a_bracket_that_says_who_holds(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claim", [
    ("The army insisted that the line at Khan al-Asal was holding.", ("khan_al_asal", "government", "controls")),
    ("Government sources said the defensive lines around Hama were still holding.", ("hama", "government", "controls")),
])
def test_a_line_at_a_place_that_holds(run, text, claim):
    assert run(text) == {claim}


@pytest.mark.parametrize("text, admission", [
    # Turkey's press announcing the gains of the factions it backed concedes nothing
    ("Anadolu reported that Saraqib fell to the rebels on Friday.", False),
    ("Anadolu reported that the SNA captured Tal Rifaat.", False),
    # a side announcing its enemy's gain concedes it
    ("Syrian state television said the rebels had entered Hama.", True),
])
def test_what_a_side_concedes(read, text, admission):
    claims = read(text)
    assert claims and all(c.admission is admission for c in claims)


def test_a_backed_force_must_be_another_actor(tmp_path):
    import shutil

    from helpers import ROOT

    from geo.claims import ClaimVocabulary
    from geo.errors import VocabularyError
    for name in ("claims.toml", "actors.toml"):
        shutil.copy(ROOT / "geo" / "data" / name, tmp_path / name)
    actors = tmp_path / "actors.toml"
    actors.write_text(actors.read_text(encoding="utf-8").replace('backs = ["opposition"]', 'backs = ["nobody"]'),
                      encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"actors\.toml.*backs: \['nobody'\] is not another actor"):
        ClaimVocabulary(tmp_path)


@pytest.mark.parametrize("text, claim", [
    ("By Saturday, insurgents were moving freely through most of Aleppo.", ("aleppo", "opposition", "controls")),
    ("The SDF moved fighters into Manbij on Monday.", ("manbij", "sdf", "entered")),
    ("SNA fighters were advancing along the western approaches to the Tishreen Dam.",
     ("tishrin_dam", "sna", "advancing")),
    ("The Deir ez-Zor Military Airport was by evening held by the opposition factions.",
     ("deir_ez_zor_airbase", "opposition", "controls")),
    ("Rebel columns passed through Ghabaghib without a fight.", ("ghabaghib", "opposition", "entered")),
    ("America has about 900 troops at al-Tanf.", ("al_tanf", "us", "controls")),
    # the squares and the heart of a city are the city
    ("Within hours, rebel columns were in Damascus's central squares.", ("damascus", "opposition", "entered")),
    ("Rebel fighters were in the heart of Damascus.", ("damascus", "opposition", "entered")),
])
def test_presence_and_holds_in_everyday_words(run, text, claim):
    assert run(text) == {claim}


@pytest.mark.parametrize("text", [
    "The convoy passed through the checkpoints at Hama.",
    "Latin America has condemned the strikes on Damascus.",
])
def test_passing_checkpoints_and_latin_america_claim_nothing(run, text):
    assert run(text) == set()


@pytest.mark.parametrize("text, claims", [
    # a year that names a line or an accord does not date the claim
    ("Israeli forces hold the UN buffer zone along the 1974 line.", {("golan_buffer_zone", "israel", "controls")}),
    # "for the first time since 1974" measures how new a gain is; "most of X since 1967" is a hold since then
    ("Israeli forces have taken over the buffer zone on the Syrian side of the Golan for the first time since 1974.",
     {("golan_buffer_zone", "israel", "captured")}),
    ("Israel has occupied most of the Golan Heights since 1967.", {("golan_heights", "israel", "controls")}),
    ("In Aleppo, which the rebels have occupied since the weekend, Jolani toured the citadel.",
     {("aleppo", "opposition", "controls")}),
    ("The army retook Daraa in 2018.", set()),
])
def test_years_that_date_a_claim_and_years_that_do_not(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Base 46 fell to the rebels, along with Anjara and Hawr.",
     {("base_46", "opposition", "captured"), ("anjara", "opposition", "captured"),
      ("hawar_aleppo", "opposition", "captured")}),
    ("December 4: Rebels are three to four kilometres from Hama.", {("hama", "opposition", "advancing")}),
    ("The SDF have kept their grip on the Sheikh Maqsoud district.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("Rebel fighters gathered in Umayyad Square, firing into the air.", {("umayyad_square", "opposition", "entered")}),
    ("Opposition fighters drive along the main street of Maarat al-Numan.",
     {("maarat_al_numan", "opposition", "entered")}),
    ("Syrian activists said Israeli tanks had also been seen near Quneitra.", {("quneitra", "israel", "advancing")}),
    # seen near a place: an approach to it, not to the capital it is measured from
    ("Israeli tanks were seen near Qatana, about 20 kilometres from Damascus.", {("qatana", "israel", "advancing")}),
    # the attackers' failure to advance is the defenders' repulse
    ("Rebels attacked Souran. The attackers failed to advance on Souran.",
     {("souran", "opposition", "contested"), ("souran", "government", "repelled")}),
    # people or reinforcements arriving take no place
    ("Crowds gathered in Umayyad Square.", set()),
    ("Reinforcements continued to arrive in Hama, the source added.", set()),
])
def test_lists_ranges_grips_and_sightings(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a sponsor's adjective names who backs the force, not the force
    ("Manbij is held by the US-backed, Kurdish-led Syrian Democratic Forces.", {("manbij", "sdf", "controls")}),
    ("Manbij is held by the US-backed Kurdish-led SDF.", {("manbij", "sdf", "controls")}),
    ("Manbij was captured by Turkish-backed factions.", {("manbij", "sna", "captured")}),
    # pushing the attackers back from a place is its defence, not a capture
    ("Syrian Army Pushes Terrorists Back from Hama Outskirts", {("hama", "government", "repelled")}),
    ("The army pushes the rebels back from the outskirts of Hama.", {("hama", "government", "repelled")}),
])
def test_sponsors_and_attackers_pushed_back(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "they" after a force's name in its sentence is that force, though the name is one organisation
    ("Rebels took Aleppo. In the east, the Syrian Democratic Forces say they are in full control of Deir ez-Zor.",
     {("aleppo", "opposition", "captured"), ("deir_ez_zor", "sdf", "controls")}),
    ("Rebels took Aleppo. Meanwhile the Syrian Democratic Forces have kept their grip on Sheikh Maqsoud, which they "
     "have held for years.", {("aleppo", "opposition", "captured"), ("sheikh_maqsoud", "sdf", "controls")}),
    # ... not a medium, not a name in a relative clause closed before it, not a side that concedes
    ("Rebels took Homs. By mid-morning, the opposition had announced on state television that they had entered "
     "Damascus.", {("homs", "opposition", "captured"), ("damascus", "opposition", "entered")}),
])
def test_they_after_a_forces_name(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a report that places a force near or in a place
    ("Lebanese outlet Al Mayadeen reported Israeli tanks near Qatana, about 20 kilometers from Damascus.",
     {("qatana", "israel", "advancing")}),
    ("The monitor reported rebel fighters in Souran.", {("souran", "opposition", "entered")}),
    ("The army reported heavy losses in Hama.", set()),
])
def test_a_report_that_places_a_force(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("outlet, actor", [
    # a country's press, described rather than named, speaks in its state's words: the Turkish press's "terrorists"
    ("Turkish-press-style rewrite", "sdf"),
    ("Turkish pro-government daily, English edition", "sdf"),
    # no national press named: "the terrorists" are the default's
    ("international-wire-style rewrite", "opposition"),
    ("Kurdish-press-style rewrite", "opposition"),
])
def test_a_national_press_described_by_its_outlet(read, outlet, actor):
    got = {(c.place_id, c.actor, c.status) for c in read("The terrorists fled Tal Rifaat.", outlet, "2024-12-02")}
    assert got == {("tal_rifaat", actor, "withdrew")}


@pytest.mark.parametrize("text, claims", [
    # a gain on a place's outskirts, edge or gates nears the place; it does not take it
    ("The rebels captured checkpoints on the outskirts of Homs.", {("homs", "opposition", "advancing")}),
    ("Insurgents overran army checkpoints on the southern outskirts of the town of Souran.",
     {("souran", "opposition", "advancing")}),
    ("Rebels captured the town of Souran.", {("souran", "opposition", "captured")}),
    # an entry there is one
    ("The militants gained a foothold on the outskirts of Halfaya.", {("halfaya", "opposition", "entered")}),
])
def test_a_gain_on_a_places_outskirts(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a force placed at a place as the subject of its sentence holds it
    ("Russian servicemen at Hmeimim air base are safe, the ministry said.", {("hmeimim_airbase", "russia", "controls")}),
    ("Government troops in Hama are ready to repel any attack.", {("hama", "government", "controls")}),
    # not a country, nor troops told to leave
    ("Russian troops in Syria are on alert.", set()),
    ("Troops in Hama were ordered to withdraw.", set()),
])
def test_a_force_placed_at_a_place_as_its_sentences_subject(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a map desk's words for control
    ("Sheikh Maqsoud and al-Ashrafiyah stay SDF-held.",
     {("sheikh_maqsoud", "sdf", "controls"), ("ashrafiyah_aleppo", "sdf", "controls")}),
    ("Map update: Deir ez-Zor city now shown as SDF-held.", {("deir_ez_zor", "sdf", "controls")}),
    ("Tal Rifaat recoloured to SNA control.", {("tal_rifaat", "sna", "controls")}),
    # a place that could not be held
    ("The army could not hold Morek, a loyalist Telegram channel admitted on Sunday.",
     {("morek", "government", "failed_to_hold")}),
    # a hold in an apposition after the place, whatever the sentence's subject
    ("Convoys of displaced Kurds passed al-Bab, under SNA control since 2017, on their way east.",
     {("al_bab", "sna", "controls")}),
    ("Rebels entered Hama, under cover of darkness.", {("hama", "opposition", "entered")}),
])
def test_map_desk_words_lost_holds_and_apposed_holds(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a fact-check's quoted claim rated false in its block claims nothing
    ('Claim 1: "The Syrian army has recaptured Aleppo."\nRating: False\nWhat we found: the video dates from 2017.', set()),
    ("Claim: Israeli tanks reached Qatana, 25 km from Damascus. Verdict: False. No footage places Israeli armour "
     "in the town.", set()),
    # ... rated true, it stands; and a verdict in another block rates nothing here
    ('Claim 3: "The Syrian National Army has taken Tel Rifaat."\nRating: Correct', {("tal_rifaat", "sna", "captured")}),
    ('Claim 3: "The Syrian National Army has taken Tel Rifaat."\n\nClaim 4: "The army retook Aleppo."\nRating: False',
     {("tal_rifaat", "sna", "captured")}),
])
def test_a_fact_checks_claims_rated_false(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Rebels seized Saraqib on Friday night, and then pushed on south towards Maarat al-Numan.",
     {("saraqib", "opposition", "captured"), ("maarat_al_numan", "opposition", "advancing")}),
    ("Rebels took Souran. Battles raged on Wednesday for Jabal Zayn al-Abidin.",
     {("souran", "opposition", "captured"), ("jabal_zayn_al_abidin", "opposition", "contested")}),
])
def test_a_push_on_towards_a_place_and_battles_for_it(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The whole of Idlib is now outside the control of the Syrian government.", {("idlib", "government", "failed_to_hold")}),
    # a place that stays outside a force's control was never its
    ("Sheikh Maqsoud remains outside the control of HTS.", set()),
    # a hold said to be, reported to be
    ("Today Maarat al-Numan too is reported to be in the factions' hands.", {("maarat_al_numan", "opposition", "controls")}),
    ("Sheikh Miskin and Sanamayn were also reported to be in opposition hands.",
     {("sheikh_miskin", "opposition", "controls"), ("sanamayn", "opposition", "controls")}),
])
def test_outside_a_forces_control_and_holds_reported_to_be(run, text, claims):
    assert run(text) == claims


def test_places_described_as_parts_of_a_city_say_nothing_of_the_city(run):
    # "two neighbourhoods of Aleppo" says where they lie: no claim on Aleppo
    got = run("HTS now controls al-Furqan and Jamiliyah, two neighbourhoods of Aleppo, after regime forces pulled out "
              "of them.")
    assert not {c for c in got if c[0] == "aleppo"}
    assert ("furqan_aleppo", "opposition", "controls") in got
