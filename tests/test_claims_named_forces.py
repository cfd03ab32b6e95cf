"""Which force a phrase stands for: "the army" after "the Syrian National Army" in the Turkish press, a
force after a sponsor ("the US-backed force", "fighters of the US-backed SDF"), a withdrawal agreed
with a force; and two countrysides named together. Sentences written for these tests.
"""

import pytest


@pytest.mark.parametrize("text, claims", [
    # a force named "... Army" is "the army" after it, in the next sentences too
    ("The Syrian National Army (SNA) took full control of Tal Rifaat on Sunday. The army also liberated "
     "the village of Hirbil and is advancing on other villages.",
     {("tal_rifaat", "sna", "captured"), ("harbul", "sna", "captured")}),
    ("Turkish-backed Syrian National Army units seized Tal Rifaat. The army then captured Hirbil. The "
     "army also took Kafr Naya on Monday.",
     {("tal_rifaat", "sna", "captured"), ("harbul", "sna", "captured"), ("kafr_naya", "sna", "captured")}),
    # the Syrian army named after it is "the army" from then on
    ("The Syrian National Army took Tal Rifaat. The Syrian army said it had reinforced its lines in Hama. "
     "The army later withdrew from Souran.",
     {("tal_rifaat", "sna", "captured"), ("hama", "government", "controls"),
      ("souran", "government", "withdrew")}),
    # with no other army named, "the army" is Syria's
    ("Rebels seized Saraqib on Friday. The army withdrew from Maarat al-Numan.",
     {("saraqib", "opposition", "captured"), ("maarat_al_numan", "government", "withdrew")}),
])
def test_the_army_after_a_force_named_army_in_its_press(read, text, claims):
    assert {(c.place_id, c.actor, c.status) for c in read(text, outlet="Anadolu Agency")} == claims


def test_in_neutral_copy_the_army_stays_syrias(read):
    text = ("The Syrian National Army took Tal Rifaat on Monday. The army withdrew from Hama on Thursday.")
    got = {(c.place_id, c.actor, c.status) for c in read(text)}
    assert got == {("tal_rifaat", "sna", "captured"), ("hama", "government", "withdrew")}
    # the same words in a Turkish daily's copy: its "army" is the National Army
    got = {(c.place_id, c.actor, c.status) for c in read(text, outlet="Turkish pro-government daily")}
    assert ("hama", "sna", "withdrew") in got


def test_in_a_press_hostile_to_it_a_named_army_is_not_the_army(read):
    text = ("The so-called Syrian National Army took Kuweires airbase. SAA units are gathering south of "
            "Aleppo. The army has already recaptured Khanasir.")
    got = {(c.place_id, c.actor, c.status) for c in read(text, outlet="Russian military blogger's channel")}
    assert ("khanasir", "government", "captured") in got


@pytest.mark.parametrize("text", [
    "Two Syrian army sources said the US-backed force had also taken the Albu Kamal crossing.",
    "An army source said Turkish-backed fighters had taken Tal Rifaat.",
])
def test_a_sponsored_force_is_not_the_speakers_own(run, text):
    assert not {c for c in run(text) if c[1] == "government"}


def test_a_withdrawal_agreed_with_a_force_is_that_forces(run):
    text = ("The Southern Operations Room said its fighters had taken over the Nasib crossing after reaching an "
            "agreement with government forces for an orderly withdrawal.")
    assert run(text) == {("nasib", "opposition", "captured"), ("nasib", "government", "withdrew")}


@pytest.mark.parametrize("text, claim", [
    ("Local sources said fighters of the US-backed Syrian Democratic Forces (SDF) moved into Deir ez-Zor.",
     ("deir_ez_zor", "sdf", "entered")),
    ("Fighters of the Turkish-backed Syrian National Army entered Manbij.", ("manbij", "sna", "entered")),
])
def test_a_force_of_a_sponsored_name_is_the_named_forces(run, text, claim):
    assert run(text) == {claim}


@pytest.mark.parametrize("text", [
    "Rebels were attacking the Hama and Aleppo countrysides.",
    # one "the" before both names: one countryside word for both
    "Rebels were attacking the Hama and Aleppo countryside.",
])
def test_two_countrysides_are_two_governorates(run, text):
    assert run(text) == {("hama_governorate", "opposition", "contested"), ("aleppo_governorate", "opposition", "contested")}


def test_a_city_and_the_countryside_of_another(run):
    assert run("Rebels were attacking Homs and the Daraa countryside.") == {
        ("homs", "opposition", "contested"), ("daraa_governorate", "opposition", "contested")}


@pytest.mark.parametrize("text, claims", [
    # "these groups" in the army's own words are the rebels, not the army
    ('Rebels attacked Hama on Wednesday. The army command said in a statement that "these groups were able to '
     'breach a number of axes in the city of Hama and entered it".',
     {("hama", "opposition", "contested"), ("hama", "opposition", "entered")}),
    # with no other force named there is no one to say
    ('The army command said that "these groups were able to enter Hama".', set()),
    # its own men are its own
    ("The army said its forces had repelled an attack on Souran and that these forces still held the town.",
     {("souran", "government", "repelled"), ("souran", "government", "controls")}),
])
def test_a_demonstrative_in_a_sides_words_is_not_that_side(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text", [
    "Rebels were now fighting on Hama's northern outskirts.",
    "Rebels took Souran, north of Hama, and were now fighting on the city's northern outskirts.",
])
def test_fighting_on_a_places_outskirts_is_fighting_for_it(run, text):
    assert ("hama", "opposition", "contested") in run(text)


def test_a_relative_clause_after_a_place_itself(run):
    assert run("Aleppo itself, which the rebels stormed on Friday, remained calm.") == {
        ("aleppo", "opposition", "captured")}


def test_the_towns_edges_are_not_a_village_named_before(run):
    got = run("The SNA said the village of Hirbil had also been taken, and that clashes were going on at the "
              "town's edges through the night.")
    assert not {c for c in got if c[2] == "contested"}


@pytest.mark.parametrize("text, claim", [
    ("Egypt condemns Israeli seizure of Golan buffer zone", ("golan_buffer_zone", "israel", "captured")),
    ("The Israeli capture of Mount Hermon drew criticism.", ("mount_hermon", "israel", "captured")),
    ("The army said it was in its positions in and around Homs.", ("homs", "government", "controls")),
])
def test_a_force_adjective_before_a_noun_and_a_force_in_its_positions(run, text, claim):
    assert run(text) == {claim}


@pytest.mark.parametrize("text, claims", [
    ("Rebels captured Jabal Zayn al-Abidin, the hill overlooking Hama, on Tuesday; the army said its troops "
     "still held it.", {("jabal_zayn_al_abidin", "opposition", "captured"),
                        ("jabal_zayn_al_abidin", "government", "controls")}),
    ("Government forces still held Khan al-Asal, a suburb on the western edge of Aleppo, state media said, "
     "although rebels claimed to have stormed it.", {("khan_al_asal", "government", "controls"),
                                    ("khan_al_asal", "opposition", "captured")}),
])
def test_it_after_an_apposition_is_the_place_it_describes(run, text, claims):
    assert run(text) == claims


def test_villages_on_a_rivers_bank_then_their_list(run):
    text = ("The army was repelling an SDF assault on seven villages on the east bank of the Euphrates, among "
            "them Hatla and Marrat.")
    assert run(text) == {("hatla", "government", "repelled"), ("marrat", "government", "repelled")}
    text = "SDF fighters attacked army positions on the east bank of the Euphrates in Khasham and Marrat."
    assert run(text) == {("khasham", "sdf", "contested"), ("marrat", "sdf", "contested")}


def test_a_bank_at_the_end_of_a_sentence(run):
    assert run("The SDF took three villages on the east bank.") == set()
    assert run("The SDF took three villages on the east bank of the") == set()


@pytest.mark.parametrize("outlet", [
    "Turkish pro-government daily's English website ('PKK/YPG terrorist organization', 'liberates', 'regime')",
    'Turkish daily (house style: "SDF terrorists", "Assad regime")',
])
def test_forces_quoted_in_an_outlets_description_are_its_wording_not_its_name(read, outlet):
    # the quoted words are samples of how the paper writes; the paper is Turkish, not the SDF's
    text = ("The Syrian National Army (SNA) has taken full control of Tal Rifaat, security sources said. "
            "The army also liberated the village of Hirbil.")
    got = {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text, outlet=outlet)}
    assert ("harbul", "sna", "captured", "outlet") in got
    assert ("tal_rifaat", "sna", "captured", "turkey") in got
    assert not any(c[3] == "sdf" or c[1] == "government" for c in got)


@pytest.mark.parametrize("text, claim", [
    # a side's own media ("rebel channels") speak of their side's fighters
    ("Government forces were still holding Khan al-Asal, pro-government media said, although rebel channels "
     "claimed their fighters had stormed it.", ("khan_al_asal", "opposition", "captured")),
    ("Opposition channels said late on 4 December that their fighters had taken Khitab.",
     ("khitab", "opposition", "captured")),
    ("Pro-government television said its troops had recaptured Khanasir.", ("khanasir", "government", "captured")),
])
def test_a_partisan_mediums_own_fighters_are_its_sides(read, text, claim):
    got = {(c.place_id, c.actor, c.status) for c in read(text, outlet="Syrian defence ministry channel digest")}
    assert claim in got
    assert not any(g[0] == claim[0] and g[2] == claim[2] and g[1] != claim[1] for g in got)


def test_after_a_neutral_or_foreign_medium_they_are_not_the_medium(read):
    got = {(c.place_id, c.actor, c.status) for c in read(
        "SNA fighters pushed east from al-Bab. Turkish state media reported they had taken Tal Rifaat.")}
    assert ("tal_rifaat", "sna", "captured") in got and not any(g[1] == "turkey" for g in got)


@pytest.mark.parametrize("first, actor", [
    ("SDF fighters pushed east from al-Bab on Sunday.", "sdf"),
    ("Syrian National Army fighters massed near al-Bab on Sunday.", "sna"),
    ("Kurdish fighters massed near al-Bab on Sunday.", "sdf"),
])
def test_they_after_a_sentence_naming_a_forces_fighters(read, first, actor):
    # a sentence with no claim in it still names the force "they" refers to: "SDF fighters" are the SDF's
    got = {(c.place_id, c.actor, c.status) for c in read(first + " They took Tal Rifaat the next day.")}
    assert ("tal_rifaat", actor, "captured") in got


@pytest.mark.parametrize("text, claim", [
    # an adverb between a passive participle and its "by" keeps the agent
    ("Sheikh Najjar had been captured earlier by HTS.", ("sheikh_najjar", "opposition", "captured")),
    ("SNA units reached the Sheikh Najjar industrial zone, which had been captured earlier by anti-regime "
     "factions.", ("sheikh_najjar", "opposition", "captured")),
    ("Kuweires was retaken later by Turkish-backed factions.", ("kuweires_airbase", "sna", "captured")),
])
def test_a_passive_agent_after_an_adverb(read, text, claim):
    got = {(c.place_id, c.actor, c.status) for c in read(text)}
    assert claim in got and not any(g[0] == claim[0] and g[2] == claim[2] and g[1] != claim[1] for g in got)



def test_our_fighters_are_not_remembered_as_the_last_force_named(read):
    # "our fighters" are the speaker's; a later "they" does not fall back on them as the regime's
    text = ("SDF COMMANDER: When the regime collapsed in Aleppo, we decided to pull our fighters back to the east.\n\n"
            "Q: Turkish-backed factions have announced an operation on Manbij.\n\n"
            "SDF COMMANDER: They attacked Manbij on Friday from the west.\n")
    got = {(c.place_id, c.actor, c.status) for c in read(text, outlet="Rudaw English")}
    assert ("manbij", "sna", "contested") in got
    assert not any(g[0] == "manbij" and g[1] == "government" for g in got)


@pytest.mark.parametrize("text, claims", [
    # the force that launched an operation gains what the operation's relative clause says it took
    ("Rebels launched an offensive that captured Saraqib.", {("saraqib", "opposition", "captured")}),
    ("Army units launched a counterattack that recaptured the villages of Kafraa and Maarshahour, a military "
     "source said.", {("kafraa", "government", "captured"), ("maarshahour", "government", "captured")}),
    ("An insurgent offensive that captured most of Aleppo has stunned the region.",
     {("aleppo", "opposition", "captured")}),
    ("Turkish-backed factions launched a new operation that seized Manbij.", {("manbij", "sna", "captured")}),
    # a force that stopped the operation did not launch it
    ("Government forces halted an offensive that had captured Saraqib.", set()),
])
def test_an_operation_that_took_a_place_is_its_launchers_gain(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Syrian Army Restores Kafraa and Maarshahour", {("kafraa", "government", "captured"),
                                                     ("maarshahour", "government", "captured")}),
    ("Army units restored the village of Kafraa on Wednesday.", {("kafraa", "government", "captured")}),
    # "counter-attacked" is the army's own verb: its fight does not fall to the force that gained just before
    ("Rebel sources said Hama military airport had been taken. On Wednesday the army counter-attacked with air "
     "support and, according to the monitor, restored Kafraa.",
     {("hama_airbase", "opposition", "captured"), ("kafraa", "government", "captured")}),
    # power, order or ties restored are no place retaken
    ("Engineers restored electricity to Aleppo on Monday.", set()),
    ("Turkey and Syria restored ties in Damascus.", set()),
])
def test_a_place_restored_is_retaken(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claim", [
    # a general noun with an adjective ("Islamist factions") is of the force named after "of"
    ("The Islamist factions of the so-called Syrian National Army (SNA) entered Tal Rifaat on Sunday.",
     ("tal_rifaat", "sna", "entered")),
    ("Rebel fighters of the Syrian National Army entered Tal Rifaat.", ("tal_rifaat", "sna", "entered")),
    # "allies of the US" are not the US
    ("Kurdish-led allies of the U.S. lose Deir ez-Zor to rebels", ("deir_ez_zor", "sdf", "failed_to_hold")),
])
def test_a_general_noun_of_a_named_force(run, text, claim):
    got = run(text)
    assert claim in got and not any(g[0] == claim[0] and g[2] == claim[2] and g[1] != claim[1] for g in got)


@pytest.mark.parametrize("text, claims", [
    # "the groups" in the army's words are the force it fights, not its own men
    ("Rebels advanced on Hama. The General Command of the Syrian Army said that the groups had entered Hama.",
     {("hama", "opposition", "advancing"), ("hama", "opposition", "entered")}),
    # with no other force named, no one
    ("The General Command of the Syrian Army said that the groups had entered Hama.", set()),
    # a side's own words for its men stay its own
    ("The operations room said the factions had entered Hama.", {("hama", "opposition", "entered")}),
    ("Government forces held Homs. The operations room said the groups had entered Hama.",
     {("homs", "government", "controls"), ("hama", "opposition", "entered")}),
    # no side calls its own men "gunmen"
    ("Rebels advanced on Hama. The operations room said the gunmen had been driven out of Souran.",
     {("hama", "opposition", "advancing"), ("souran", "opposition", "captured")}),
    ("The SDF said its groups had entered Raqqa.", {("raqqa", "sdf", "entered")}),
])
def test_a_sides_word_for_men_not_its_own(run, text, claims):
    assert run(text) == claims


def test_the_speaker_of_said_adding_that_is_carried_to_the_next_sentence(read):
    # "..., the source said, adding that ...": the speaker is the source named before, not the clause before the verb
    text = ("A military source told SANA that army units had foiled an attack on Anadan. Another attack targeting "
            "the town of Saraqib in the eastern countryside of Idlib was also repelled, the source said, adding that "
            "artillery units continued to shell the terrorists' supply lines. The source acknowledged that terrorist "
            "groups had infiltrated the town of al-Zarbah.")
    got = {(c.place_id, c.actor, c.status, c.claimant, c.claimant_side) for c in read(text)}
    assert ("zarbah", "opposition", "entered", "A military source", "government") in got


@pytest.mark.parametrize("speaker, side", [
    ("Iranian state television", "iran"), ("IRNA", "iran"), ("Tasnim", "iran"),
    ("Turkish state media", "turkey"), ("state television", "government"),
])
def test_a_states_own_media_speak_for_it(read, speaker, side):
    (c,) = read(f"The rebels entered Damascus, {speaker} reported.")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("damascus", "opposition", "entered", side)


@pytest.mark.parametrize("text, claims", [
    # a noun of what may come claims nothing
    ("Russian troops are being gathered at Hmeimim for possible evacuation.", set()),
    ("Russia announced a planned withdrawal from Tartus.", set()),
    ("Diplomats warned of an imminent pullout from Tartus.", set()),
    ("Russian troops withdrew from Tartus.", {("tartus", "russia", "withdrew")}),
])
def test_a_possible_or_planned_move_is_no_claim(run, text, claims):
    assert run(text) == claims


def test_the_city_a_place_is_located_from_is_not_that_place(run):
    # "Khan al-Asal area, six kilometres west of the city": the city is Aleppo, not Khan al-Asal
    got = run("Rebels entered Aleppo on Friday. Footage showed fighters in the Khan al-Asal area, six kilometres "
              "west of the city.")
    assert ("aleppo", "opposition", "entered") in got
    assert not any(g[0] == "khan_al_asal" and g[2] == "advancing" for g in got)


@pytest.mark.parametrize("intro", ["the most important of them", "the most important of which", "including"])
def test_a_list_after_a_general_noun_of_places(run, intro):
    assert run(f"The Syrian army regained control of a number of areas, {intro} the towns of Qalaat al-Madiq and "
               "Maardis.") == {("qalaat_al_madiq", "government", "captured"), ("maardes", "government", "captured")}


def test_plain_fighters_beside_a_named_force_are_its_allies(run):
    # "Army units and tribal fighters repelled the attack": the army's repulse, not the opposition's
    for second in ("Army units and tribal fighters repelled the attack.", "The army and local fighters repelled the attack."):
        got = run("The SDF attacked army positions in Hatla on Tuesday. " + second)
        assert got == {("hatla", "sdf", "contested"), ("hatla", "government", "repelled")}, second


def test_a_semicolon_ends_what_a_speaker_says(run):
    # "the army announces a redeployment; X falls": the fall is not the army's word, so not the army's gain
    got = run('Rebels take most of Aleppo; the army announces a "redeployment" from the city; Maarat al-Numan falls.')
    assert ("aleppo", "government", "withdrew") in got
    assert not any(g[0] == "maarat_al_numan" and g[1] == "government" for g in got)


def test_it_is_not_a_place_named_in_a_relative_clause(run):
    # "Saraqib, which stands where the M4 meets the M5 linking Aleppo with Damascus, ... had taken it": Saraqib
    got = run("Rebel commanders said government troops had withdrawn from Saraqib, which stands where the M4 highway "
              "meets the M5 linking Aleppo with Damascus, and the Observatory confirmed that the factions had taken it.")
    assert ("saraqib", "opposition", "captured") in got
    assert not any(g[0] in ("aleppo", "damascus") for g in got)


def test_a_military_diplomatic_source_in_a_states_press_speaks_for_that_state(read):
    (c,) = read("Russian forces remain at the Khmeimim air base, a military-diplomatic source told Izvestia.",
                outlet="Izvestia English")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("hmeimim_airbase", "russia", "controls", "russia")
