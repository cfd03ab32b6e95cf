"""What a sentence refers back to, and what it shares with the clause before it.

"the dam", "the crossing", "the summit" point at the one place of that kind just named; a town a
report is about is "the city" too; a section heading ends what a later agentless sentence may
borrow; a sponsor named in an apposition is not what "its units" means; a gapped item shares
its verb even with no force named; a headline's list before a bare participle is all taken; a
relative clause after "lies 35 km south-west of X" is about X, after "two towns on the M5" about the towns.
Sentences written for these tests.
"""

import pytest


@pytest.mark.parametrize("text, claim", [
    ("SNA units have been attacking toward the Tishrin Dam since Monday. The SDF says it still holds the dam.",
     ("tishrin_dam", "sdf", "controls")),
    ("Israeli commandos landed on Mount Hermon on Sunday. The summit is now held by Israeli troops.",
     ("mount_hermon", "israel", "controls")),
    ("Rebels fought near the Bab al-Hawa crossing on Friday. By evening the crossing was under rebel control.",
     ("bab_al_hawa_crossing", "opposition", "controls")),
])
def test_a_kind_word_points_at_the_one_place_of_that_kind_just_named(run, text, claim):
    assert claim in run(text)


def test_a_kind_word_with_two_candidates_points_at_neither(run):
    text = ("Fighting was reported at the Bab al-Hawa crossing and at the Bab al-Salameh crossing. "
            "By evening the crossing was under rebel control.")
    assert not {c for c in run(text) if c[2] == "controls"}


def test_the_town_a_report_is_about_is_the_city_unless_it_calls_it_a_town(run):
    about = "Turkish-backed fighters entered Manbij on Sunday. On Monday they took full control of the city. Manbij was quiet."
    assert ("manbij", "sna", "captured") in run(about)
    called_town = about.replace("entered Manbij", "entered the town of Manbij")
    assert ("manbij", "sna", "captured") not in run(called_town)


def test_a_section_heading_ends_what_an_agentless_sentence_borrows(run):
    before = "The Syrian National Army took Tal Rifaat on Dec. 1. Its units are now closing in on Manbij."
    assert ("hama", "sna", "captured") in run(before + "\n\nHama fell on Thursday.")
    assert not {c for c in run(before + "\n\nThe center\n\nHama fell on Thursday.") if c[0] == "hama"}
    # a diary's date line is no section: the story goes on under it
    assert ("hama", "sna", "captured") in run(before + "\n\nThursday, December 5\n\nHama fell on Thursday.")


def test_a_sponsor_in_an_apposition_is_not_its_units(run):
    text = ("The Syrian National Army, a coalition of factions paid and armed by Turkey, took Tal Rifaat on Dec. 1. "
            "Its units are now closing in on Manbij.")
    assert {("tal_rifaat", "sna", "captured"), ("manbij", "sna", "advancing")} <= run(text)
    assert not {c for c in run(text) if c[1] in ("turkey", "opposition")}


@pytest.mark.parametrize("text, places", [
    ("Rebels took Maarat al-Numan on Friday. Aleppo fell within three days and Hama on Thursday.", {"aleppo", "hama"}),
    ("Rebels took Maarat al-Numan on Friday. Aleppo fell within three days, Hama on Thursday.", {"aleppo", "hama"}),
    ("Rastan and Talbiseh captured by rebels.", {"rastan", "talbiseh"}),
])
def test_a_shared_verb_reaches_every_place(run, text, places):
    assert places <= {c[0] for c in run(text) if c[1:] == ("opposition", "captured")}


@pytest.mark.parametrize("text, claims", [
    # a garrison where it is based
    ("Russian troops remain at Hmeimim air base.", {("hmeimim_airbase", "russia", "controls")}),
    ("American occupation forces stationed at al-Tanf provided artillery cover.", {("al_tanf", "us", "controls")}),
    ("Russian personnel are still inside the Hmeimim base.", {("hmeimim_airbase", "russia", "controls")}),
    # ... not where it only stands near
    ("Israeli troops are at the foot of Mount Hermon.", set()),
    # a force's posts somewhere, abandoned: the force left that place
    ("Syrian army positions around Tal Kalakh had been abandoned overnight.", {("tell_kalakh", "government", "withdrew")}),
    ("Rebel positions around Hama came under fire.", set()),
    # the hold a sentence describes before its loss is no claim of its own
    ("Army units stationed in Hama withdrew on Thursday.", {("hama", "government", "withdrew")}),
    # the taker's clause, then a withdrawal with no place: from the place taken
    ("The SNA took Tel Rifaat on Monday, and the Kurdish-led forces pulled out along with most of its residents.",
     {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "withdrew")}),
    # "anti-" turns a name into its enemy's
    ("Anti-government forces took Saraqib.", {("saraqib", "opposition", "captured")}),
    ("Anti-Assad rebels took Saraqib.", {("saraqib", "opposition", "captured")}),
    # a status noun does not take the place of the verb after it
    ("The withdrawal almost certainly leaves Saraqib to the rebels.", set()),
])
def test_presence_descriptions_and_names(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a hold told before another force's gain is the state before it; one told after an event is a claim
    ("The SNA says Tel Rifaat, which the YPG has held since 2016, is now liberated.", {("tal_rifaat", "sna", "captured")}),
    ("The SDF said its forces had repelled several attacks on the Tishrin Dam, and that the dam remained under SDF control.",
     {("tishrin_dam", "sdf", "repelled"), ("tishrin_dam", "sdf", "controls")}),
    # the parts a list names, not the city an apposition locates them in
    ("Sheikh Maqsoud and al-Ashrafiyah, the Kurdish-majority districts of Aleppo, are still held by the SDF.",
     {("sheikh_maqsoud", "sdf", "controls"), ("ashrafiyah_aleppo", "sdf", "controls")}),
    # ... but a province listed with cities of its own is kept
    ("Latakia province, together with the cities of Tartus and Jableh, has been under the control of armed opposition units "
     "since Sunday.", {("latakia_governorate", "opposition", "controls"), ("tartus", "opposition", "controls"),
                       ("jableh", "opposition", "controls")}),
    ("Aleppo has been held by the rebels since Saturday.", {("aleppo", "opposition", "controls")}),
    # units pulled out with no place: out of the place the main clause took
    ("Rebels captured Hama after the army pulled its units out.",
     {("hama", "opposition", "captured"), ("hama", "government", "withdrew")}),
    # a column just introduced is what "it" is, not a force named sentences before
    ("The army sent reinforcements. A second column pushed north, and by evening it stood a few kilometres from Nubl.", set()),
    ("In the desert, the Syrian Free Army, a US-backed group based near al-Tanf, says it has taken Palmyra.",
     {("palmyra", "opposition", "captured")}),
    # a list's next item is no agent of the phrase before it
    ("Digest, day 5: Aleppo falls, Idlib fully rebel-held, SNA opens its own front at Tel Rifaat",
     {("tal_rifaat", "sna", "contested")}),
])
def test_states_before_events_and_what_pronouns_stand_for(run, text, claims):
    assert run(text) == claims


def test_a_year_in_a_where_clause_dates_that_clause_only(run):
    text = ("Rebel sources told Reuters that the army had agreed to an orderly withdrawal from Daraa, and that the "
            "factions now held the city where the uprising began in 2011.")
    assert ("daraa", "opposition", "controls") in run(text)


def test_units_around_a_place_pulled_back_from_it(run):
    assert run("Army units around Hama pulled back.") == {("hama", "government", "withdrew")}
    # a place in a relative clause after the subject is not where the subject was
    text = ("The SNA launched Dawn of Freedom after the Assad regime, which lost large areas to anti-regime armed "
            "groups around Aleppo within days, began handing positions over to the PKK/YPG.")
    assert not {c for c in run(text) if c[1] == "government" and c[2] == "withdrew"}


@pytest.fixture
def speakers(read):
    """(place, claimant side) of each claim of a report from ``outlet``."""
    return lambda text, outlet: {(c.place_id, c.claimant_side) for c in read(text, outlet)}


def test_an_official_source_unnamed_speaks_for_the_side_of_the_outlet_that_quotes_it(speakers):
    text = "A field source said army units repelled an attack on Qamhana."
    assert speakers(text, "SANA-style state agency") == {("qamhana", "government")}
    assert speakers(text, "Test Wire") == {("qamhana", "other")}
    # "pro-government" in a Turkish paper's description names no Syrian government paper: its unnamed
    # security sources are Turkey's (a country's press speaks from its state's side)
    assert speakers("Security sources said the SNA entered Tal Rifaat.", "Turkish pro-government daily") == \
        {("tal_rifaat", "turkey")}


def test_claimants_named_in_labels_and_accounts(speakers):
    assert speakers("SOHR: regime forces withdrew from their positions in Sheikh Aqeel overnight.", "Test Wire") == \
        {("sheikh_aqil", "other")}
    assert speakers("TOM: Israel moved into the Golan Heights on Sunday.", "Test Wire") == {("golan_heights", "outlet")}
    text = "The state news agency SANA gave a different account, saying the army had repelled an attack on Hatla."
    assert speakers(text, "Test Wire") == {("hatla", "government")}
    text = "Russian troops have also left their positions in Manbij, according to The Washington Post."
    assert speakers(text, "Test Wire") == {("manbij", "other")}
    text = "In a separate development, the US-backed Syrian Free Army said it had taken Palmyra."
    assert speakers(text, "Test Wire") == {("palmyra", "opposition")}


@pytest.mark.parametrize("text, claims", [
    # the main verb after a relative clause with a verb of its own is the subject's
    ("The fighters who took Aleppo entered Hama on Thursday.",
     {("aleppo", "opposition", "captured"), ("hama", "opposition", "entered")}),
    ("SNA units that had taken Tal Rifaat entered Manbij on Monday.",
     {("tal_rifaat", "sna", "captured"), ("manbij", "sna", "entered")}),
    ("Government troops that were stationed in Albu Kamal withdrew on Friday.", {("abu_kamal", "government", "withdrew")}),
    # "left X cut off" is no withdrawal from X
    ("The jihadist groups that overran Aleppo last week left the Shehba region cut off from every side.",
     {("aleppo", "opposition", "captured")}),
])
def test_a_main_verb_after_a_relative_clause(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a verb joined by "and" inside a relative clause shares the relative clause's subject
    ("Rebels seized Hama, which the army had held since 2011 and lost on Thursday.",
     {("hama", "opposition", "captured"), ("hama", "government", "failed_to_hold")}),
    ("Rebels seized Hama, which the army had defended for weeks and abandoned on Thursday.",
     {("hama", "opposition", "captured"), ("hama", "government", "withdrew"), ("hama", "government", "repelled")}),
    # ... while "after" before a clause still opens it
    ("Rebels took Hama after the army withdrew.", {("hama", "opposition", "captured"), ("hama", "government", "withdrew")}),
])
def test_verbs_joined_inside_a_relative_clause(run, text, claims):
    assert run(text) == claims


def test_a_passive_in_a_time_clause_is_not_the_speakers_own_gain(run):
    text = ("Syrian military sources told Reuters that Hezbollah fighters had left Qusayr in convoys "
            "in the hours before it was taken.")
    assert not {c for c in run(text) if c[2] == "captured"}
    assert run("Syrian military sources said Qusayr was retaken.") == {("qusayr", "government", "captured")}


def test_pushed_back_after_entering_is_no_defence_of_the_attackers(run):
    assert run("Rebels briefly entered Morek before being pushed back.") == {("morek", "opposition", "failed_to_hold")}


def test_reported_to_and_said_to_hedge_a_claim(read):
    (c,) = read("Opposition forces are reported to have reached the gates of Homs.")
    assert (c.place_id, c.status, c.hedged) == ("homs", "advancing", True)


def test_a_force_name_that_only_describes_a_medium_is_no_antecedent(run):
    text = 'Pro-government television spent Monday night celebrating what it called the "liberation" of Manbij.'
    assert run(text) == set()
    assert run("Syrian state television said the army had retaken Hama.") == {("hama", "government", "captured")}


@pytest.mark.parametrize("text, claims", [
    # a relative clause after a place that only says where the subject lies is about that place
    ("Qusayr lies some 35 kilometres south-west of Homs, which fell to the rebels on Sunday.",
     {("homs", "opposition", "captured")}),
    ("The village is located north of Hama, which the rebels captured on Thursday.",
     {("hama", "opposition", "captured")}),
    # a relative clause after "two towns on the M5" is about the towns, not the road
    ("Maarat al-Numan and Khan Sheikhoun, two towns on the M5 that the army abandoned the next day, were quiet.",
     {("maarat_al_numan", "government", "withdrew"), ("khan_shaykhun", "government", "withdrew")}),
    ("Saraqib, a town on the M5 that the army abandoned, was quiet.", {("saraqib", "government", "withdrew")}),
    ("The two towns on the M5 that the army abandoned were quiet.", set()),
])
def test_what_a_relative_clause_after_a_locating_phrase_describes(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Assad's forces still hold Damascus and the provinces of Latakia and Tartus.",
     {("damascus", "government", "controls"), ("latakia_governorate", "government", "controls"),
      ("tartus_governorate", "government", "controls")}),
    ("Fighters of the factions were manning the Nasib crossing on Saturday.", {("nasib", "opposition", "controls")}),
    ("The Third Division has abandoned its barracks outside al-Qutayfah.",
     {("qutayfah", "government", "withdrew")}),
])
def test_plural_place_nouns_manned_posts_and_numbered_divisions(run, text, claims):
    assert run(text) == claims


def test_a_countrys_press_speaks_for_no_side_but_from_its_side(read):
    # "Israeli media": the country's press, not its state; the soldiers it reports are still Israel's
    (c,) = read("Israeli media reported that soldiers from an elite unit had taken over the Syrian army post "
                "on Mount Hermon.")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("mount_hermon", "israel", "captured", "other")
    (c,) = read("Turkish state media said the SNA had entered Tal Rifaat.")
    assert c.claimant_side == "turkey"
    (c,) = read("An Israeli army spokesman said troops had taken Mount Hermon.")
    assert c.claimant_side == "israel"


@pytest.mark.parametrize("text, claims", [
    # a force moving in, with no place of its own, right after a sentence whose claim is a withdrawal
    ("The army pulled out of Deir ez-Zor on Friday. The SDF moved in hours later.",
     {("deir_ez_zor", "government", "withdrew"), ("deir_ez_zor", "sdf", "entered")}),
    ("The army pulled out of Deir ez-Zor. The SDF moved in on Saturday.",
     {("deir_ez_zor", "government", "withdrew"), ("deir_ez_zor", "sdf", "entered")}),
    ("The army left Hama overnight. The rebels took over hours later.",
     {("hama", "government", "withdrew"), ("hama", "opposition", "captured")}),
    ("The SNA took Tal Rifaat on Sunday. The SDF pulled out overnight.",
     {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "withdrew")}),
    # ... not a withdrawal to somewhere else, nor things left behind
    ("The SNA entered Hirbil on Sunday. Search-and-clear work goes on because the SDF left behind tunnels.",
     {("harbul", "sna", "entered")}),
    ("Rebels stormed Hatla on Tuesday. State television said the attackers had withdrawn to their positions.",
     {("hatla", "opposition", "captured")}),
    # "It" opening a clause: the one place of the claim before
    ("The SNA attacked Tal Rifaat on Saturday. It fell on Sunday.",
     {("tal_rifaat", "sna", "contested"), ("tal_rifaat", "sna", "captured")}),
    ("Rebels reached the outskirts of Homs on Friday. It was taken on Saturday night.",
     {("homs", "opposition", "advancing"), ("homs", "opposition", "captured")}),
    ("The rebels took Hama and Homs. It fell on Sunday.",
     {("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    ("Rebels captured Hama on Thursday. It was a long day for the residents.", {("hama", "opposition", "captured")}),
])
def test_what_the_sentence_after_a_claim_shares_with_it(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # sources or officials claiming control claim it for their side
    ("SDF sources claimed control of Khasham.", {("khasham", "sdf", "controls")}),
    ("A rebel commander claimed control of Khasham.", {("khasham", "opposition", "controls")}),
    # the force a place was lost to, in a relative clause too
    ("Manbij, which the SDF lost to the SNA on 9 December, is now shaded olive on most maps.",
     {("manbij", "sdf", "failed_to_hold"), ("manbij", "sna", "captured")}),
])
def test_claimed_control_and_the_force_a_place_was_lost_to(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text", [
    "Tal Rifaat fell to factions backed by Turkey.",
    "Tal Rifaat fell to the factions that Ankara finances and arms.",
    "Tal Rifaat was taken by groups that Turkey backs.",
])
def test_a_states_clients_are_its_proxy(run, text):
    assert run(text) == {("tal_rifaat", "sna", "captured")}


def test_a_force_named_in_a_relative_clause_is_not_what_its_means_next(run):
    text = ("The SNA announced an operation to break the corridor that the PKK/YPG wanted to open from Tal Rifaat. "
            "Within a day its units had seized the Kuweires military airport.")
    assert run(text) == {("kuweires_airbase", "sna", "captured")}


@pytest.mark.parametrize("text, claims", [
    # "it" with no claim before: the one place the sentence before named, or the one it opens with
    ("Aleppo, the largest city in the north. Shade it green: since last weekend it has been controlled by "
     "opposition groups.", {("aleppo", "opposition", "controls")}),
    ("Tal Rifaat, a small town north of Aleppo. Shade it yellow: on 1 December it was taken by the Syrian "
     "National Army.", {("tal_rifaat", "sna", "captured")}),
    # "they" when the force is named after the phrase: the places of the claim before
    ("The SDF held Sheikh Maqsoud and al-Ashrafiyah. According to the UN, they remain under the control of "
     "Kurdish forces.", {("sheikh_maqsoud", "sdf", "controls"), ("ashrafiyah_aleppo", "sdf", "controls")}),
    # no place for a pronoun that is no place
    ("The fighters reached Homs. They were captured on Sunday.", {("homs", "opposition", "entered")}),
    ("The offensive began near Idlib on Wednesday. It was taken by surprise.", set()),
])
def test_it_and_they_for_a_place_named_before(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # going in after an attack or an approach on the place of the sentence before
    ("The SNA attacked Tal Rifaat at dawn. Its fighters went in from the west and pushed through to the main square.",
     {("tal_rifaat", "sna", "contested"), ("tal_rifaat", "sna", "entered")}),
    ("Rebels reached the outskirts of Homs on Friday. They went in on Saturday.",
     {("homs", "opposition", "advancing"), ("homs", "opposition", "entered")}),
    ("Terrorist groups got into Hama.", {("hama", "opposition", "entered")}),
    # units "in" a place that carried out a redeployment left it
    ("The army said its units in Daraa and Sweida have carried out a \"redeployment and repositioning\".",
     {("daraa", "government", "withdrew"), ("as_suwayda", "government", "withdrew")}),
])
def test_going_in_and_units_that_redeployed(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("SNA opens its own front at Tel Rifaat", {("tal_rifaat", "sna", "contested")}),
    ("The factions have taken charge of the checkpoints in al-Aziziyeh.", {("aziziyah_aleppo", "opposition", "captured")}),
    ("The level of the lake behind the Tabqa Dam, also run by the SDF's administration, is low.",
     {("tabqa_dam", "sdf", "controls")}),
    ("At the Tishrin Dam, which remains under the management of the SDF-affiliated administration, all is calm.",
     {("tishrin_dam", "sdf", "controls")}),
    ("The area around al-Bab, where Turkish troops are deployed alongside the SNA, is calm.",
     {("al_bab", "turkey", "controls")}),
])
def test_fronts_charge_management_and_deployments(run, text, claims):
    assert run(text) == claims


def test_a_name_in_apposition_to_a_sponsored_group_is_the_force(run):
    assert run("A US-backed opposition group, the Syrian Free Army, has taken Palmyra.") == {
        ("palmyra", "opposition", "captured")}


def test_a_transcripts_speaker_label_and_the_paragraphs_under_it(read):
    """"THE COMMANDER:" speaks as the report introduced him ("a field commander of the Military
    Operations Command"), and the paragraphs under his label with no label of their own are his too."""
    text = ("TRANSCRIPT: Press conference by a field commander of the Military Operations Command, Hama.\n\n"
            "THE COMMANDER: Yesterday our forces liberated the city of Hama completely.\n\n"
            "This morning our forces entered Rastan without fighting.\n\n"
            "JOURNALIST (Gulf television channel): Have your forces entered Homs?\n")
    got = {(c.place_id, c.actor, c.claimant_side) for c in read(text)}
    assert got == {("hama", "opposition", "opposition"), ("rastan", "opposition", "opposition")}


@pytest.mark.parametrize("text, claims", [
    # a news source cited in brackets after a force is no name of it
    ("The 46th Regiment base west of Aleppo falls to the opposition (Anadolu).",
     {("base_46", "opposition", "captured")}),
    # a force after a comma and before "said" is the speaker, not the agent of "fell"; a loss's speaker is the loser
    ("Hama fell on Thursday, the rebels said.", {("hama", "opposition", "captured")}),
    ("Halfaya was also lost, the army said.", {("halfaya", "government", "failed_to_hold")}),
    # a relative clause after "a small town beside X" is about the town
    ("On Saturday SNA units entered Tadef, a small town beside al-Bab that had been in government hands.",
     {("tadif", "sna", "entered")}),
])
def test_cited_sources_trailing_speakers_and_towns_beside(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Government forces pulled out of Albu Kamal and out of Deir ez-Zor city.",
     {("abu_kamal", "government", "withdrew"), ("deir_ez_zor", "government", "withdrew")}),
    ("Rebel channels listed Halfaya among the places their fighters had taken in recent days.",
     {("halfaya", "opposition", "captured")}),
    # a list item that repeats the preposition after a time word
    ("The army redeployed from Aleppo, then from Hama, and today from Rastan.",
     {("aleppo", "government", "withdrew"), ("hama", "government", "withdrew"), ("rastan", "government", "withdrew")}),
    ("Israel sends troops into the buffer zone and onto Mount Hermon.",
     {("golan_buffer_zone", "israel", "entered"), ("mount_hermon", "israel", "entered")}),
    # a clause of its own after the comma is no list item
    ("The army withdrew from Aleppo, then Hama fell to the rebels.",
     {("aleppo", "government", "withdrew"), ("hama", "opposition", "captured")}),
])
def test_repeated_prepositions_and_places_listed_among_those_taken(run, text, claims):
    assert run(text) == claims


GAP = " The army said it was sending reinforcements. Residents fled south. Aid groups warned of shortages."


def test_an_unsaid_taker_is_the_attacker_the_report_follows_near_the_place(run):
    """"Hama fell on Thursday" sentences after the last claim: the force the report has said
    took or holds places nearby, not the last force named, and none when it fought elsewhere."""
    text = "Rebels took Saraqib on Friday and pushed into Maarat al-Numan." + GAP + " Hama fell on Thursday."
    assert ("hama", "opposition", "captured") in run(text)
    # a force that fought only on another front takes nothing here
    other_front = "SNA fighters took Tal Rifaat on Dec. 1 and now hold it." + GAP + " Hama fell on Thursday."
    assert not {c for c in run(other_front) if c[0] == "hama"}
    # of two attackers, the one the report follows most; one claim of the other's last does not decide
    both = ("Rebels took Saraqib and Maarat al-Numan on Friday and Khan Sheikhoun on Saturday. "
            "The SNA took Tal Rifaat on Sunday." + GAP + " Hama fell on Thursday.")
    assert ("hama", "opposition", "captured") in run(both)
    assert ("hama", "sna", "captured") not in run(both)


def test_a_force_in_a_relative_clause_is_not_they_in_the_next_sentence(run):
    text = ("Within three days, opposition forces had taken Aleppo city, except Sheikh Maqsoud, which remains "
            "in the hands of Kurdish forces. They are now on the northern outskirts of Hama.")
    got = run(text)
    assert ("hama", "opposition", "advancing") in got
    assert ("hama", "sdf", "advancing") not in got


@pytest.mark.parametrize("text, places", [
    ("Rebels took Saraqib and Maarat al-Numan. Both towns on the M5 were abandoned by the army.",
     {"saraqib", "maarat_al_numan"}),
    ("Rebels took Saraqib and Maarat al-Numan. Both towns on the M5 in southern Idlib were abandoned by the army.",
     {"saraqib", "maarat_al_numan"}),
    ("SARAQIB\n* The Idlib province town, at the junction of the M5 and the M4, was abandoned by the army on Friday.",
     {"saraqib"}),
])
def test_a_place_that_only_locates_or_qualifies_the_subject_is_not_it(run, text, places):
    assert {c[0] for c in run(text) if c[1:] == ("government", "withdrew")} == places


@pytest.mark.parametrize("closing", [
    "Hama changed hands on Thursday.",
    "The fall of Hama on Thursday stunned Damascus.",
])
def test_a_change_of_hands_goes_to_the_attacker_the_report_follows(run, closing):
    text = "Rebels took Saraqib on Friday and pushed into Maarat al-Numan." + GAP + " " + closing
    assert ("hama", "opposition", "captured") in run(text)
    assert not {c for c in run(GAP.strip() + " " + closing) if c[0] == "hama"}   # no attacker: whose, unsaid


def test_a_place_that_changed_hands_again_and_again_has_no_taker(run):
    text = "Rebels took Saraqib on Friday and pushed into Maarat al-Numan." + GAP
    for closing in ("Hama changed hands twice on Thursday.", "Hama has changed hands several times since 2012."):
        assert not {c for c in run(text + " " + closing) if c[0] == "hama"}


@pytest.mark.parametrize("text, claims", [
    # a compound direction before "outskirts" is still an approach
    ("Rebels took Anadan on Friday. By evening they had reached the northwestern outskirts of Aleppo.",
     {("anadan", "opposition", "captured"), ("aleppo", "opposition", "advancing")}),
    # a part "of northern Aleppo" is the part
    ("Kurdish-led forces still hold the Sheikh Maqsoud neighbourhood of northern Aleppo.",
     {("sheikh_maqsoud", "sdf", "controls")}),
    # "all three villages" after an opening time phrase stands for the three just named
    ("SNA factions attacked Hirbil, Tal Qarah and al-Salloum on Saturday. By nightfall all three villages were "
     "under their control.", {("harbul", "sna", "contested"), ("tal_qarah_aleppo", "sna", "contested"),
                              ("al_salloum", "sna", "contested"), ("harbul", "sna", "controls"),
                              ("tal_qarah_aleppo", "sna", "controls"), ("al_salloum", "sna", "controls")}),
    # "militias backed by Iran" are Iran's, as "Iran-backed militias" are; "moved in" goes where they left
    ("Shi'ite militias backed by Iran withdrew from Nubl and al-Zahraa. Rebels moved in hours later.",
     {("nubl", "iran", "withdrew"), ("zahraa", "iran", "withdrew"), ("nubl", "opposition", "entered"),
      ("zahraa", "opposition", "entered")}),
    # a withdrawal from "their enclaves in" two cities; "both cities" after it
    ("Government forces withdrew from their enclaves in Qamishli and Hasakah on Saturday. The SDF moved into both "
     "cities within hours.", {("qamishli", "government", "withdrew"), ("al_hasakah", "government", "withdrew"),
                               ("qamishli", "sdf", "entered"), ("al_hasakah", "sdf", "entered")}),
    ("Hama slipped from the government's grasp on Thursday.", {("hama", "government", "failed_to_hold")}),
    ("The city of Hama had stayed firmly under government control through more than a decade of civil war.", set()),
])
def test_what_a_paragraph_carries(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "entered it" with no place before it: the one town the sentence before named
    ("Elders in Masyaf negotiated the handover of their town on Saturday. Rebel fighters entered it without a shot "
     "being fired.", {("masyaf", "opposition", "entered")}),
    ("Rebels took Hama and Homs. The army said it had held it for a week.",
     {("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    # a list item that describes its place before a comma: "and the provincial capital, Quneitra"
    ("Rebels said they had taken Madinat al-Baath and the provincial capital, Quneitra.",
     {("madinat_al_baath", "opposition", "captured"), ("quneitra", "opposition", "captured")}),
    # "fell shortly afterwards" is a fall; "shells fell short of" is not
    ("Rebels seized al-Nabk on Sunday morning. Deir Atiyah, a few kilometres to the north, fell shortly afterwards.",
     {("nabk", "opposition", "captured"), ("deir_atiyah", "opposition", "captured")}),
    ("Shells fell short of Hama.", set()),
])
def test_pronouns_described_items_and_falls(run, text, claims):
    assert run(text) == claims
