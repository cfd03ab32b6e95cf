"""Claims in the present tense of headlines, live pages and chronologies, and the near misses that claim nothing."""

import pytest


@pytest.mark.parametrize("text, claims", [
    # a headline's plural present
    ("Government forces leave Deir ez-Zor city.", {("deir_ez_zor", "government", "withdrew")}),
    ("Rebels take Hama and Rastan and Talbiseh fall, the monitor says.",
     {("hama", "opposition", "captured"), ("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("Rebels announce control of Homs.", {("homs", "opposition", "captured")}),
    ("In the east, the SDF moves into Deir ez-Zor as government troops leave.",
     {("deir_ez_zor", "sdf", "entered"), ("deir_ez_zor", "government", "withdrew")}),
    ("Our parish told us that the factions had entered Hama and that the army had left during the day.",
     {("hama", "opposition", "entered"), ("hama", "government", "withdrew")}),
    ("The operations command said Homs was \"completely liberated\".", {("homs", "opposition", "captured")}),
    ("The IDF digs in on Mount Hermon.", {("mount_hermon", "israel", "controls")}),
    ("The US keeps about 900 troops at al-Tanf.", {("al_tanf", "us", "controls")}),
    ("Clashes are ongoing inside Daraa city between local factions and the army.", {("daraa", "opposition", "contested")}),
    ("Vanguards of the factions reached the outskirts of Rastan.", {("rastan", "opposition", "advancing")}),
    ("Kurdish-led forces take control of Deir ez-Zor after the army pulls out.",
     {("deir_ez_zor", "sdf", "captured"), ("deir_ez_zor", "government", "withdrew")}),
    ("The factions had come into Talbiseh overnight, and the soldiers had gone.",
     {("talbiseh", "opposition", "entered"), ("talbiseh", "government", "withdrew")}),
    ("The soldiers had gone to Talbiseh to reinforce it.", set()),
    # a force that "is in" a place is there; "in control of", "in talks", "it was in X that" are no presence
    ("The neighbours say the rebels are already in Hamdaniyah and in New Aleppo.",
     {("hamdaniyah_aleppo", "opposition", "entered"), ("new_aleppo", "opposition", "entered")}),
    ("The rebels were in Homs by midnight.", {("homs", "opposition", "entered")}),
    ("Rebel columns passed through Rastan on their way south.", {("rastan", "opposition", "entered")}),
    ("The rebels are in control of Hama.", {("hama", "opposition", "controls")}),
    ("The rebels were in talks with notables from Homs.", set()),
    ("It was in Daraa, in March 2011, that the first protests broke out.", set()),
    # near misses: asked, told or allowed to leave is no leaving; "leave it" names no place
    ("The army told residents to leave Deir ez-Zor.", set()),
    ("Government forces will leave Deir ez-Zor city.", set()),
    ("Civilians were allowed to leave Aleppo.", set()),
    ("The rebels entered Hama, but the army did not leave.", {("hama", "opposition", "entered")}),
    # a demand's subjunctive is no claim
    ("Turkey demanded that the Kurdish fighters withdraw from Manbij.", set()),
    ("Ankara urges that the SDF leave Manbij.", set()),
    # "fall," opens no capture when a modal comes before it
    ("If Homs should fall, the road to the coast is cut.", set()),
])
def test_present_tense_headlines_and_live_entries(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a locating insertion between the places and their relative clause
    ("Many went to Latakia and Tartus, on the coast, which are still held by the regime.",
     {("latakia", "government", "controls"), ("tartus", "government", "controls")}),
    ("The rebels entered Rastan, in the north, which the army had left.",
     {("rastan", "opposition", "entered"), ("rastan", "government", "withdrew")}),
    # a declaration in the passive names the place as its subject
    ("The rebels said Homs was declared liberated before dawn.", {("homs", "opposition", "captured")}),
    ("Regime forces halt the advance at Jabal Zayn al-Abidin.", {("jabal_zayn_al_abidin", "government", "repelled")}),
    ("The Turkish-backed SNA has been fighting the Kurdish-led SDF for Manbij since Friday.",
     {("manbij", "sna", "contested")}),
    ("The Kurdish-led SDF has been running Deir ez-Zor since Friday.", {("deir_ez_zor", "sdf", "controls")}),
    ("The first pick-ups of Hayat Tahrir al-Sham rolled into Latakia on Sunday.", {("latakia", "opposition", "entered")}),
    # a place's parts named after "of" are the places meant; unnamed, the parts stand for the place
    ("Fighters push into Aleppo's western districts of New Aleppo and Hamdaniya.",
     {("new_aleppo", "opposition", "entered"), ("hamdaniyah_aleppo", "opposition", "entered")}),
    ("Fighters pushed into Aleppo's western districts.", {("aleppo", "opposition", "entered")}),
    ("In Aleppo itself, the Kurds still control Sheikh Maqsoud.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("Manbij city: SDF retains control.", {("manbij", "sdf", "controls")}),
    ("Thousands of Kurds fled Tal Rifaat.", set()),   # people, not a force
    # a label's participle after an adverb; a list subject after an opening place phrase
    ("- As-Safira: Reportedly taken by SNA on 1 Dec.", {("safira", "sna", "captured")}),
    ("On the road to Homs, Rastan and Talbiseh are captured by the rebels.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    # a river's bank is no place of the claim; where on it is
    ("The SDF attacked army positions on the east bank of the Euphrates in Khasham, al-Salihiyah and Marrat.",
     {("khasham", "sdf", "contested"), ("salihiyah_deir_ez_zor", "sdf", "contested"), ("marrat", "sdf", "contested")}),
    ("The rebels entered the Hama countryside town of Souran.", {("souran", "opposition", "entered")}),
    ("The SDF launched an offensive on villages on the east bank of the Euphrates on 3 December.", set()),
    ("The rebels attacked Hama. Fierce fighting is going on at the foot of Jabal Zayn al-Abidin.",
     {("hama", "opposition", "contested"), ("jabal_zayn_al_abidin", "opposition", "contested")}),
    # near misses: fighting for a length of time or for survival names no place fought for
    ("The army has been fighting for weeks.", set()),
    ("The SNA has been fighting the SDF for control.", set()),
])
def test_insertions_declarations_and_ways_of_fighting_and_running(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a purpose in quotes, a span of years back, a place left outside a force's control, outskirts after a name
    ("Russia's defence ministry says it is helping the Syrian army to \"repel\" the offensive in Idlib.", set()),
    ("Maarat al-Numan was recaptured by the rebels the same day, nearly five years after the regime took it.",
     {("maarat_al_numan", "opposition", "captured")}),
    ("Idlib is now outside government control.", {("idlib", "government", "failed_to_hold")}),
    ("Rebels reach Damascus outskirts as the army melts away in the south.", {("damascus", "opposition", "advancing")}),
    ("Opposition forces now control Hama's northern and western approaches.", set()),
])
def test_purposes_years_back_and_what_surrounds_a_place(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a place described by a noun and a clause with no relative word
    ("The picture was taken in Khan al-Asal, a town the factions seized on Thursday.",
     {("khan_al_asal", "opposition", "captured")}),
    ("Rebels posted footage from Rastan and Talbiseh, two towns north of Homs that they captured Friday.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("They drive through Hama and Homs, both taken by the rebels in the last week.",
     {("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    # a force's name in a "-held" compound before the place
    ("The SNA closes in on PKK/YPG-held Tel Rifaat.", {("tal_rifaat", "sna", "advancing")}),
    ("The SNA consolidated its control over Tal Rifaat and the surrounding villages, which it seized from the SDF.",
     {("tal_rifaat", "sna", "controls"), ("tal_rifaat", "sna", "captured")}),
    # a headline's participle with no object: the force named was repelled, by whom it does not say
    ("US-backed militants repelled in Deir Ezzor", set()),
    ("The army repelled an attack near Hama.", {("hama", "government", "repelled")}),
    # a list goes on past "between A and B" that locates its item
    ("Regime forces still hold the stretch of the M5 between Hama and Homs, including the towns of Rastan and Talbiseh.",
     {("m5_highway", "government", "controls"), ("rastan", "government", "controls"),
      ("talbiseh", "government", "controls")}),
    # moving out of a place drives no one out of it; what nothing confirms is no claim
    ("Since Wednesday, armed factions have pushed out of Idlib in a way nobody expected.", set()),
    ("The rebels drove out the army from Hama.", {("hama", "opposition", "captured"), ("hama", "government", "failed_to_hold")}),
    ("We have seen nothing confirming that fighters have entered Mahardah.", set()),
    ("There is no evidence that rebels entered Hama.", set()),
    ("There was no sign of government troops as rebels entered Hama.", {("hama", "opposition", "entered")}),
    ("The rebels took Saraqib after the army ran away.",
     {("saraqib", "opposition", "captured"), ("saraqib", "government", "withdrew")}),
    # a facility named after a town is not the town; what "any" names is what may come
    ("The destruction or capture of the Rastan bridge would slow any opposition advance toward Homs.", set()),
    ("In Tabqa, a city on the Euphrates run by the Kurdish-led Autonomous Administration, officials opened shelters.",
     {("tabqa", "sdf", "controls")}),
    ("Kurdish fighters based in the Sheikh Maqsoud district also took over army checkpoints in neighbouring Ashrafieh.",
     {("ashrafiyah_aleppo", "sdf", "captured")}),
    ("Regime forces had emptied their remaining positions around Izraa overnight.", {("izraa", "government", "withdrew")}),
    ("On the Golan Heights, Israeli troops remain in the buffer zone and on the Syrian slopes of Mount Hermon.",
     {("golan_buffer_zone", "israel", "controls"), ("mount_hermon", "israel", "controls")}),
    ("Syrian sources said Israeli patrols had entered the village of Khan Arnabah.", {("khan_arnabah", "israel", "entered")}),
    ("Rebels took Aleppo airport. Kurdish-led forces had moved onto the airfield after government troops left it.",
     {("aleppo_airport", "opposition", "captured"), ("aleppo_airport", "sdf", "entered"),
      ("aleppo_airport", "government", "withdrew")}),
    ("HTS fighters patrolled Damascus.", {("damascus", "opposition", "controls")}),
    ("Russian military police patrol the border.", set()),
    # a state that ended, a pull-back forced on a force, a force holding out
    ("Tel Aran was under government control until last week.", set()),
    ("A rebel commander said his men had been forced to pull back from Jabal Zayn al-Abidin.",
     {("jabal_zayn_al_abidin", "opposition", "withdrew")}),
    ("The SDF said its fighters were still holding out in parts of Manbij.", {("manbij", "sdf", "contested")}),
    ("Hama slipped from President Bashar al-Assad's hands.", {("hama", "government", "failed_to_hold")}),
    ("It was too early to talk about the future of Russia's air base at Hmeimim and its naval facility in Tartus.",
     {("hmeimim_airbase", "russia", "controls"), ("tartus_naval_base", "russia", "controls")}),
    ("Russia's bases in Syria are safe.", set()),
    # a gapped item dated "today"
    ("Saraqib fell to the rebels on Friday and Maarat al-Numan today.",
     {("saraqib", "opposition", "captured"), ("maarat_al_numan", "opposition", "captured")}),
    ("Fighters filmed in Maarat al-Numan", {("maarat_al_numan", "opposition", "entered")}),
    ("Opposition fighters captured Morek, pushing the front line south towards Hama city.",
     {("morek", "opposition", "captured"), ("hama", "opposition", "advancing")}),
    ("Local sources said the army had begun emptying its own positions in Palmyra on Saturday.",
     {("palmyra", "government", "withdrew")}),
])
def test_described_places_held_compounds_and_more_verbs(run, text, claims):
    assert run(text) == claims


def test_a_sidebars_upper_case_labels_head_items_not_datelines(read):
    """Past a report's opening, "ALEPPO:" at a line's start heads an item of a list ("Where things
    stand"), not a dateline: its verbless line claims control."""
    text = ("Rebels reach Damascus outskirts as the army melts away\n\n" + "The day in brief. " * 30 + "\n\n"
            "Where things stand\n\nALEPPO: Held by HTS-led rebels since Nov. 30.\n\nHAMA: Rebel-held since Thursday.\n\n"
            "DEIR EZ-ZOR: Kurdish-led SDF since Friday.\n")
    got = {(c.place_id, c.actor, c.status) for c in read(text)}
    assert {("aleppo", "opposition", "controls"), ("hama", "opposition", "controls"),
            ("deir_ez_zor", "sdf", "controls")} <= got


def test_they_after_a_mediums_reporting_verb_is_not_the_medium(read):
    """"Turkish state media reported they had taken X": not Turkey; with a force named before, that force."""
    assert not read("Turkish state media reported they had also taken Khan Sheikhoun.")
    got = {(c.place_id, c.actor) for c in read("The rebels advanced on Saturday. Turkish state media reported "
                                                "they had also taken Khan Sheikhoun.")}
    assert got == {("khan_shaykhun", "opposition")}
    (c,) = read("Rebel military sources said that they had retaken Qalaat al-Madiq, a town the government had claimed.")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("qalaat_al_madiq", "opposition", "captured", "opposition")
    (c,) = read("SANA said its forces had repelled an attack on Hama.")
    assert c.actor == "government"


def test_these_groups_are_a_force_named_in_the_plural_not_the_army_that_speaks(read):
    got = {(c.place_id, c.actor, c.status) for c in read(
        "The rebels attacked Hama overnight. In a statement, the army said that these groups were able to breach "
        "a number of axes in the city and entered it.")}
    assert ("hama", "opposition", "entered") in got and ("hama", "government", "entered") not in got


def test_a_relative_clause_between_a_speaker_and_its_verb(read):
    """"Rebels who took Rastan and Talbiseh on Friday say ...": the rebels speak, not the last place named."""
    got = {(c.place_id, c.status): (c.claimant, c.claimant_side)
           for c in read("Rebels who took Rastan and Talbiseh on Friday say they are now marching on Homs.")}
    assert got[("homs", "advancing")][1] == "opposition" and "Talbiseh" not in got[("homs", "advancing")][0]
    # ", who said" after a speaker still names that speaker
    got = {(c.place_id, c.status, c.claimant_side)
           for c in read("Hama is now held by HTS-led fighters, who said on Saturday they had taken it.")}
    assert got == {("hama", "controls", "outlet"), ("hama", "captured", "opposition")}
