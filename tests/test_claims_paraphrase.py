"""The same fact in other words gives the same claim; a statement that is no claim gives none.

Sentences written for these tests, grouped by what a reader needs: passives and nouns that
name their force inside the phrase, denials said after the fact, open questions, common-noun
forces that open a sentence, and the everyday phrasing of control.
"""

from pathlib import Path

import pytest
from helpers import ROOT

from geo.claims import ClaimVocabulary, extract_claims
from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import Source, parse_report

SAME_FACT = [
    # one fact, many phrasings: opposition captured Hama
    ("Rebels captured Hama on Thursday.", ("hama", "opposition", "captured")),
    # one fact: the army held off an attack on Qamhana
    ("Government troops fended off an attempt to storm Qamhana.", ("qamhana", "government", "repelled")),
    ("Army units rebuffed an assault on Qamhana on Thursday.", ("qamhana", "government", "repelled")),
    ("Loyalist units thwarted an incursion into Qamhana from the north.", ("qamhana", "government", "repelled")),
    ("The army said it had driven back attackers at Qamhana.", ("qamhana", "government", "repelled")),
    # one fact: rebels came into Khan Sheikhoun
    ("Insurgents marched into Khan Sheikhoun unopposed on Saturday.", ("khan_shaykhun", "opposition", "entered")),
    ("The rebels' incursion into Khan Sheikhoun met no resistance.", ("khan_shaykhun", "opposition", "entered")),
    ("Hama was captured by the rebels on Thursday.", ("hama", "opposition", "captured")),
    ("Hama was taken over by the rebels.", ("hama", "opposition", "captured")),
    ("Hama was taken without a fight by the rebels on Thursday.", ("hama", "opposition", "captured")),
    ("Hama was captured without a shot being fired by the rebels.", ("hama", "opposition", "captured")),
    ("Hama, captured by the rebels on Thursday, was calm by evening.", ("hama", "opposition", "captured")),
    ("The capture of Hama by the rebels came after a week of fighting.", ("hama", "opposition", "captured")),
    ("The fall of Hama to the rebels came on Thursday.", ("hama", "opposition", "captured")),
    ("Hama fell to the rebels on Thursday.", ("hama", "opposition", "captured")),
    # an insertion between the place and its verb, and the insertion's own time
    ("Hama, which the army had held since 2011, was captured by the rebels.", ("hama", "opposition", "captured")),
    ("Hama, a city that changed hands twice in 2012, fell to the rebels.", ("hama", "opposition", "captured")),
    ("Hama, the rebels said, is now under their control.", ("hama", "opposition", "controls")),
    ("The army, which had held Hama for years, withdrew from the city.", ("hama", "government", "withdrew")),
    # a relative clause's own time words; "the X suburb of Y" is Y
    ("Government troops who on Tuesday abandoned Hama were regrouping near Homs.", ("hama", "government", "withdrew")),
    ("Rebels captured the Aleppo district of Salah al-Din.", ("salaheddine_aleppo", "opposition", "captured")),
    # a list opened by "including", with or without a comma, after "more than a dozen villages"
    ("Rebels seized more than a dozen villages including Anjara and Kafr Basin.", ("anjara", "opposition", "captured")),
    ("Rebels seized several villages, including Anjara and Kafr Basin.", ("kafr_basin", "opposition", "captured")),
    ("Government troops pulled back from positions in Saraqib.", ("saraqib", "government", "withdrew")),
    ("Turkish-backed factions launched an attack on Tal Rifaat.", ("tal_rifaat", "sna", "contested")),
    ("Government forces were still holding out in Hama.", ("hama", "government", "controls")),
    # a force named inside a noun phrase
    ("The withdrawal of SDF fighters from Tal Rifaat was completed on Monday.", ("tal_rifaat", "sdf", "withdrew")),
    ("Tal Rifaat, seized by Turkish-backed fighters, was quiet on Monday.", ("tal_rifaat", "sna", "captured")),
    # a common noun opening the sentence is no proper name: "they" is the rebels
    ("Rebels say they are inside Hama.", ("hama", "opposition", "entered")),
    ("Insurgents said they had captured Khan al-Asal.", ("khan_al_asal", "opposition", "captured")),
    # everyday phrasing of control, presence, withdrawal and fighting
    ("Opposition fighters are now inside Saraqib, a monitor said.", ("saraqib", "opposition", "entered")),
    ("Government troops remain stationed in Homs, the ministry said.", ("homs", "government", "controls")),
    ("State television said the army remained in full control of Homs.", ("homs", "government", "controls")),
    ("Turkish-backed factions took Manbij a day after wresting Tal Rifaat from the SDF.", ("tal_rifaat", "sna", "captured")),
    ("Rebels reached the western outskirts of Hama.", ("hama", "opposition", "advancing")),
    ("Kurdish-led forces pulled their fighters out of Manbij.", ("manbij", "sdf", "withdrew")),
    ("Clashes are ongoing in Saraqib between rebels and the army.", ("saraqib", "opposition", "contested")),
    ("The revolutionaries have entered the town of Saraqib.", ("saraqib", "opposition", "entered")),
    ("Turkish-backed factions had occupied Tal Rifaat, the SDF said.", ("tal_rifaat", "sna", "captured")),
    ("The SNA is now threatening Kobani.", ("kobani", "sna", "advancing")),
    ("Kobani remains under the protection of the SDF.", ("kobani", "sdf", "controls")),
    # a passive withdrawal: its subject left the place after it
    ("Troops were redeployed out of Aleppo to absorb the assault.", ("aleppo", "government", "withdrew")),
    ("Government forces were compelled to leave Khan Shaykhun.", ("khan_shaykhun", "government", "withdrew")),
    ("Regime forces had evacuated positions in Mayadin, the monitor said.", ("mayadin", "government", "withdrew")),
    ("Clashes raged on the Tal Rifaat frontlines between the SNA and the SDF.", ("tal_rifaat", "sna", "contested")),
    ("The SDF said its fighters were holding their positions around the Tishrin Dam.", ("tishrin_dam", "sdf", "controls")),
    ("Insurgents raised their flag over Aleppo's citadel on Saturday.", ("aleppo_citadel", "opposition", "captured")),
    # "whose fighters": the force named before "whose"
    ("The Kurdish-led SDF, whose fighters hold the Sheikh Maqsoud district of Aleppo, said it would stay.",
     ("sheikh_maqsoud", "sdf", "controls")),
    # "the Homs countryside" is rural Homs governorate, not the city
    ("Russian troops vacated their bases in the eastern Deir ez-Zor countryside.",
     ("deir_ez_zor_governorate", "russia", "withdrew")),
    ("Inside Aleppo itself, the neighbourhood of Sheikh Maqsoud, guarded by Kurdish fighters, is calm.",
     ("sheikh_maqsoud", "sdf", "controls")),
    # "which" after "in the north of the city" describes what is in the north
    ("Kurds hold the Sheikh Maqsoud and Ashrafiyeh neighbourhoods in the north of the city, which remain "
     "under the control of the SDF.", ("sheikh_maqsoud", "sdf", "controls")),
    # a force placed by a phrase before its verb; a place coordinated with a non-place object
    ("Local opposition groups in Daraa province seized several checkpoints and the town of Jasim.",
     ("jasim", "opposition", "captured")),
    ("Government forces in Hama withdrew overnight.", ("hama", "government", "withdrew")),
    ("Rebels forced regime units out of Nawa.", ("nawa", "opposition", "captured")),
    ("Abu Kamal, the crossing on the Iraqi border, was handed over to the SDF on Friday.", ("abu_kamal", "sdf", "captured")),
    ("Regime soldiers had deserted their checkpoints in Kiswah.", ("kiswah", "government", "withdrew")),
    ("Syrian troops had abandoned their post on Mount Hermon.", ("mount_hermon", "government", "withdrew")),
    ("The army abandoned its positions on Saturday in Quneitra province.", ("quneitra_governorate", "government", "withdrew")),
    ("Troops had quit the town of Mahardah under a deal with local leaders.", ("mahardah", "government", "withdrew")),
    ("The factions have imposed their control over most of Aleppo city.", ("aleppo", "opposition", "controls")),
    ("Rebels hold most of Aleppo except the Sheikh Maqsoud neighbourhood, where the SDF is deployed.",
     ("sheikh_maqsoud", "sdf", "controls")),
    ("The Hmeimim airbase operates under the protection of Russian servicemen.", ("hmeimim_airbase", "russia", "controls")),
    ("The terrorists are using residents of the captured settlements of Halfaya as human shields.",
     ("halfaya", "opposition", "captured")),
    ("Iraqi militiamen crossed back into Iraq, abandoning their positions in Abu Kamal.", ("abu_kamal", "iran", "withdrew")),
    ("Fighters of Hayat Tahrir al-Sham were seen manning checkpoints at the entrances to Deir ez-Zor.",
     ("deir_ez_zor", "opposition", "controls")),
    ("SNA fighters entered Tadif after regime forces left it.", ("tadif", "government", "withdrew")),
    # a force driven out of a place left it
    ("The SNA drove the SDF out of Tal Rifaat on Sunday.", ("tal_rifaat", "sna", "captured")),
    ("SDF fighters were pushed out of Tal Rifaat.", ("tal_rifaat", "sdf", "withdrew")),
    # "..., and they": the main clause's force, not one named in its "after" clause
    ("Turkish-backed factions seized Anjara after regime forces pulled out of it, and they are now attacking Tal Rifaat.",
     ("tal_rifaat", "sna", "contested")),
    # a list opened by a dash or a colon after a plural place noun
    ("SDF fighters entered four villages - Hatla, Marrat and Khasham - after regime forces withdrew from them.",
     ("khasham", "government", "withdrew")),
    ("Rebels seized several towns: Anjara and Kafr Basin.", ("kafr_basin", "opposition", "captured")),
    # "among the villages taken were A and B": the list after the verb "to be"
    ("Among the villages captured by the rebels were Anjara and Kafr Basin.", ("kafr_basin", "opposition", "captured")),
    ("The factions entered Khan al-Asal and Anjara, both of which they now fully control.",
     ("anjara", "opposition", "controls")),
    # a passive repulse: the place attacked, the side that says it repelled it
    ("Rebels were driven back from the outskirts of Hama, the army said.", ("hama", "government", "repelled")),
    ("An attack on the village of Kafr Basin was repelled, the rebels said.", ("kafr_basin", "opposition", "repelled")),
    ("Attacks on Hama were repelled by the army.", ("hama", "government", "repelled")),
    # quotation marks around a word of the phrase are read through
    ('The army said troops had been "redeployed" out of Aleppo.', ("aleppo", "government", "withdrew")),
    ("The army is pressing on with operations against \u201cterrorist groups\u201d in Hama.",
     ("hama", "government", "contested")),
    # a pronoun with nothing before it stands for the force that says it
    ("Homs is entirely in their hands, opposition factions announce.", ("homs", "opposition", "controls")),
    ("They entered Hama overnight, the rebels said.", ("hama", "opposition", "entered")),
    # a withdrawal with no place of its own, subordinate to a claim: from that claim's place
    ("The SDF took control of Deir ez-Zor on Friday after government forces pulled out, a spokesperson said.",
     ("deir_ez_zor", "government", "withdrew")),
    ("Rebels captured Homs after the army melted away.", ("homs", "government", "withdrew")),
    ("HTS has controlled Idlib for years.", ("idlib", "opposition", "controls")),
    ("Rebels seized Hama after the regime withdrew its remaining units southward toward Homs.",
     ("hama", "government", "withdrew")),
    ("The Syrian Free Army advanced into Palmyra as government forces abandoned the desert city.",
     ("palmyra", "government", "withdrew")),
    # a list whose items each carry their date
    ("The rebels had seized Aleppo on 30 November, Hama on 5 December and, on Friday, the town of Rastan.",
     ("hama", "opposition", "captured")),
    ("The rebels had seized Aleppo on 30 November, Hama on 5 December and, on Friday, the town of Rastan.",
     ("rastan", "opposition", "captured")),
    # a list whose next item follows an insertion
    ("The SNA has taken Tal Rifaat and, after a five-day battle, Manbij.", ("manbij", "sna", "captured")),
    # holding, said with a noun or an authority
    ("Arab states condemned Israel's occupation of Mount Hermon.", ("mount_hermon", "israel", "controls")),
    ("Since Sunday, Manbij has been under the authority of the Turkish-backed factions.", ("manbij", "sna", "controls")),
    ("Manbij is now under the rule of the Turkish-backed factions.", ("manbij", "sna", "controls")),
    # a backer's adjective before a generic name for fighters names the backed force
    ("Turkish-backed armed groups took control of Tal Rifaat on Sunday.", ("tal_rifaat", "sna", "captured")),
    ("Turkish-affiliated armed factions took control of Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("Armed groups took control of Tal Rifaat on Sunday.", ("tal_rifaat", "opposition", "captured")),
    # two forces fighting in a place, with nothing between the verb and the place
    ("The SNA and the SDF clashed in Deir Hafer on Tuesday.", ("deir_hafer", "sdf", "contested")),
    ("The SNA and the SDF clashed in Deir Hafer on Tuesday.", ("deir_hafer", "sna", "contested")),
    # fighting reported in a place, the forces named after "between": the first
    ("Clashes were reported in Deir Hafer on Monday between the SNA and the SDF.", ("deir_hafer", "sna", "contested")),
    ("Heavy fighting was under way in Maskanah between Kurdish-led forces and Turkish-backed factions.",
     ("maskanah", "sdf", "contested")),
    # attacks and offensives named by their verb of waging or conducting
    ("Turkish-backed factions are waging a broad assault on Tal Rifaat.", ("tal_rifaat", "sna", "contested")),
    ("HTS continued offensive operations in the direction of Halfaya.", ("halfaya", "opposition", "advancing")),
    ("HTS continued offensive operations in the north of Hama province in the direction of Halfaya.",
     ("halfaya", "opposition", "advancing")),
    ("The militants succeeded in gaining a foothold in Halfaya.", ("halfaya", "opposition", "entered")),
    ("SDF units entered Mayadin after government forces pulled back across the river.",
     ("mayadin", "government", "withdrew")),
    ("Army officers left Hama for Damascus.", ("hama", "government", "withdrew")),
    ("The factions advanced east towards Saraqib.", ("saraqib", "opposition", "advancing")),
    ("The SNA attacked positions of Kurdish units near Tal Rifaat.", ("tal_rifaat", "sna", "contested")),
    ("Rebels began clearing the New Aleppo district of regime holdouts.", ("new_aleppo", "opposition", "contested")),
    # presence: spreading out, driving in, deploying inside, a foothold
    ("Opposition fighters fanned out across Homs after dawn.", ("homs", "opposition", "entered")),
    ("Opposition fighters were seen driving into Latakia.", ("latakia", "opposition", "entered")),
    ("Opposition fighters drove into Latakia from the north.", ("latakia", "opposition", "entered")),
    ("Israeli forces have deployed inside Quneitra.", ("quneitra", "israel", "entered")),
    ("The militants gained a foothold on the outskirts of Halfaya.", ("halfaya", "opposition", "entered")),
    # holding: reinforcing, checkpoints set up, troops stationed, governing
    ("The army reinforced its positions in Mayadin.", ("mayadin", "government", "controls")),
    ("Israeli troops set up checkpoints in and around Quneitra.", ("quneitra", "israel", "controls")),
    ("Russian troops are stationed at Hmeimim airbase.", ("hmeimim_airbase", "russia", "controls")),
    ("HTS now runs Aleppo.", ("aleppo", "opposition", "controls")),
    ("Aleppo is now governed by HTS.", ("aleppo", "opposition", "controls")),
    ("Regime militias started evacuating their positions around the Nayrab airbase.",
     ("nayrab_airbase", "government", "withdrew")),
    # a loss "to" a force is that force's gain
    ("The army lost Aleppo to the rebels.", ("aleppo", "opposition", "captured")),
    ("The army lost Aleppo to the rebels.", ("aleppo", "government", "failed_to_hold")),
    ("The SDF lost Tal Rifaat to Turkish-backed fighters last week.", ("tal_rifaat", "sna", "captured")),
    # a second verb of the same subject after "and have since"
    ("Israeli troops crossed the ceasefire line on Sunday and have since occupied Mount Hermon.",
     ("mount_hermon", "israel", "captured")),
    # a force's name in quotes, after "so-called"
    ("The factions of the so-called 'National Army' have been waging an assault on Tal Rifaat.",
     ("tal_rifaat", "sna", "contested")),
    ('The "National Army" attacked Tal Rifaat.', ("tal_rifaat", "sna", "contested")),
    # "the army" said by a side with an army of its own is that army
    ("Defence Minister Israel Katz said the army had seized the Syrian side of Mount Hermon.",
     ("mount_hermon", "israel", "captured")),
    ("The army had seized the Syrian side of Mount Hermon, the IDF said.", ("mount_hermon", "israel", "captured")),
    ("The army had recaptured Khanasir, the Defence Ministry said.", ("khanasir", "government", "captured")),
    ("Syrian troops had abandoned their post on Mount Hermon, according to the IDF.",
     ("mount_hermon", "government", "withdrew")),
    # names for forces in aid-agency, wire and map-thread shorthand
    ("AOGs led by HTS now control most of Aleppo city.", ("aleppo", "opposition", "controls")),
    ("GoS forces have vacated Kuweires airbase.", ("kuweires_airbase", "government", "withdrew")),
    ("TFSA groups occupied Kuweires airbase on Sunday.", ("kuweires_airbase", "sna", "captured")),
    ("The Kurdish-led forces (FDS) took over Deir ez-Zor.", ("deir_ez_zor", "sdf", "captured")),
    ("Israeli armour rolled into Quneitra on Monday.", ("quneitra", "israel", "entered")),
    ("The Islamist-led coalition entered Hama on Thursday.", ("hama", "opposition", "entered")),
    ("Turkish-backed factions wrested Tal Rifaat from Kurdish fighters.", ("tal_rifaat", "sna", "captured")),
    # presence and holding, in other words
    ("Israeli troops took up positions on Mount Hermon.", ("mount_hermon", "israel", "entered")),
    ("Israeli ground troops are operating openly inside Quneitra.", ("quneitra", "israel", "entered")),
    ("The ministry said terrorist groups had penetrated into Talbiseh.", ("talbiseh", "opposition", "entered")),
    ("Rebel fighters were filmed driving through New Aleppo.", ("new_aleppo", "opposition", "entered")),
    ("The SDF went into Deir ez-Zor after the army left.", ("deir_ez_zor", "sdf", "entered")),
    ("Israeli soldiers were sent into Quneitra on Sunday.", ("quneitra", "israel", "entered")),
    ("SNA units are also reported inside Tal Rifaat.", ("tal_rifaat", "sna", "entered")),
    ("Israeli soldiers are now sitting on Mount Hermon.", ("mount_hermon", "israel", "entered")),
    ("Local fighters were also running Jasim and Nawa.", ("nawa", "opposition", "controls")),
    ("The government still has Latakia and Tartus.", ("tartus", "government", "controls")),
    ("Russian troops are still at Hmeimim airbase.", ("hmeimim_airbase", "russia", "controls")),
    ("The Russians are consolidating at Hmeimim airbase.", ("hmeimim_airbase", "russia", "controls")),
    ("Khan Shaykhun has been in our hands since Sunday, the rebels said.", ("khan_shaykhun", "opposition", "controls")),
    ("Sheikh Maqsoud remains under SDF/Asayish.", ("sheikh_maqsoud", "sdf", "controls")),
    ("HTS and allied factions took control on Friday of the town of Rastan.", ("rastan", "opposition", "captured")),
    ("Aleppo passes almost entirely to the rebels.", ("aleppo", "opposition", "captured")),
    ("Halfaya is lost by the army.", ("halfaya", "government", "failed_to_hold")),
    ("Druze factions expel government forces from Suwayda.", ("as_suwayda", "opposition", "captured")),
    ("Kurdish-led forces move into Deir ez-Zor as the government garrison leaves.",
     ("deir_ez_zor", "government", "withdrew")),
    ("The HTS-led coalition grabs a string of villages, among them Anjara.", ("anjara", "opposition", "captured")),
    # the present of headlines and timelines
    ("HTS seizes Hama.", ("hama", "opposition", "captured")),
    ("The SNA storms Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("The army retakes Khanasir.", ("khanasir", "government", "captured")),
    ("The army regains control of Khanasir.", ("khanasir", "government", "captured")),
    ("The army withdraws from Hama.", ("hama", "government", "withdrew")),
    ("The army retreats from Hama.", ("hama", "government", "withdrew")),
    ("The SDF evacuates Tal Rifaat.", ("tal_rifaat", "sdf", "withdrew")),
    ("The army abandons Hama.", ("hama", "government", "withdrew")),
    ("HTS advances on Hama.", ("hama", "opposition", "advancing")),
    ("Rebels encircle Hama.", ("hama", "opposition", "advancing")),
    ("Rebels push into Hama.", ("hama", "opposition", "entered")),
    ("The SDF has reinforced Maskanah.", ("maskanah", "sdf", "controls")),
    # more ways of saying the same
    ("The rebels now hold sway over Hama.", ("hama", "opposition", "controls")),
    ("Hama is now rebel territory.", ("hama", "opposition", "controls")),
    ("Hama remains government-held.", ("hama", "government", "controls")),
    ("Khanasir returned to government control.", ("khanasir", "government", "captured")),
    ("Government troops lost their grip on Hama.", ("hama", "government", "failed_to_hold")),
    ("The army handed Hama over to the rebels without a fight.", ("hama", "opposition", "captured")),
    ("The army handed Hama over to the rebels without a fight.", ("hama", "government", "withdrew")),
    ("Daraa was handed over on Friday night to the Southern Operations Room.", ("daraa", "opposition", "captured")),
    ("Government forces evacuated their positions inside Hama overnight.", ("hama", "government", "withdrew")),
    ("Troops were seen leaving Hama in long convoys.", ("hama", "government", "withdrew")),
    ("The army was forced out of Hama.", ("hama", "government", "withdrew")),
    ("Rebel fighters streamed into Hama on Thursday.", ("hama", "opposition", "entered")),
    ("Rebels were fighting their way into Hama.", ("hama", "opposition", "entered")),
    ("Israeli forces seized positions in Quneitra.", ("quneitra", "israel", "entered")),
    ("Rebels are now within striking distance of Hama.", ("hama", "opposition", "advancing")),
    ("Rebels are bearing down on Hama.", ("hama", "opposition", "advancing")),
    ("Rebels were massing near Hama.", ("hama", "opposition", "advancing")),
    ("Rebels pushed toward Hama from the north.", ("hama", "opposition", "advancing")),
    ("Rebels are locked in fierce fighting in Hama.", ("hama", "opposition", "contested")),
    ("The army beat back a rebel offensive on Hama.", ("hama", "government", "repelled")),
    ("Government forces stopped the rebel advance on Hama.", ("hama", "government", "repelled")),
    ("The army is holding the line at Hama.", ("hama", "government", "repelled")),
    # "the city" with a word that does not tell places apart
    ("Rebels reached Hama on Thursday. They captured the strategic city on Friday.", ("hama", "opposition", "captured")),
    ("Rebels reached Homs on Thursday. The embattled city fell to them on Friday.", ("homs", "opposition", "captured")),
    ("Having captured Aleppo, the rebels pushed on to Hama.", ("hama", "opposition", "advancing")),
    ("The rebels' entry into Hama was filmed by residents.", ("hama", "opposition", "entered")),
    ("Members of the SDF left Deir ez-Zor.", ("deir_ez_zor", "sdf", "withdrew")),
    ("Iraqi militiamen crossed back into Iraq from Abu Kamal.", ("abu_kamal", "iran", "withdrew")),
    ("The rebels, having seized Hama, are now pressing toward Homs.", ("homs", "opposition", "advancing")),
    ("The SDF took over the positions abandoned by the regime in the city of Deir ez-Zor.",
     ("deir_ez_zor", "sdf", "captured")),
    ("Attacks on Manbij were beaten back by fighters of the Manbij Military Council.", ("manbij", "sdf", "repelled")),
    ("Non-state armed groups took control of Aleppo city.", ("aleppo", "opposition", "captured")),
    ("Fighters of the new authorities in Damascus took over Deir ez-Zor city.", ("deir_ez_zor", "opposition", "captured")),
    ("Government forces are still in charge of security in Qamishli.", ("qamishli", "government", "controls")),
    ("Regime loyalists are still holed up in Qamishli.", ("qamishli", "government", "controls")),
    ("Tal Rifaat has returned to the factions of the National Army.", ("tal_rifaat", "sna", "captured")),
    ("Hama had gone over to the rebels by evening.", ("hama", "opposition", "captured")),
    ("Rebel fighters walked into Hama unopposed.", ("hama", "opposition", "entered")),
    ("Soldiers deserted the army checkpoints in Douma.", ("douma", "government", "withdrew")),
    ("Tal Rifaat and Manbij are today held by the SNA.", ("manbij", "sna", "controls")),
    ("SDF units moved on Tuesday into the villages of Hatla and Marrat.", ("marrat", "sdf", "entered")),
    ("Troops loyal to Assad withdrew from Hama.", ("hama", "government", "withdrew")),
    ("The Tiger Forces withdrew from Hama.", ("hama", "government", "withdrew")),
    ("The Kurdish YPG militia withdrew from Tal Rifaat.", ("tal_rifaat", "sdf", "withdrew")),
    ("Assad's forces melted away from Hama.", ("hama", "government", "withdrew")),
    ("Opposition factions from the south entered Damascus.", ("damascus", "opposition", "entered")),
    ("Armed Druze groups took over Suwayda.", ("as_suwayda", "opposition", "captured")),
    ("Oil prices surged as rebels neared Homs.", ("homs", "opposition", "advancing")),
    ("The army won back Khanasir.", ("khanasir", "government", "captured")),
    ("The army recovered Khanasir.", ("khanasir", "government", "captured")),
    ("Rebels made gains in Hama province.", ("hama_governorate", "opposition", "contested")),
    ("Rebels gained ground in Hama.", ("hama", "opposition", "contested")),
    ("Rebels pushed deeper into Hama.", ("hama", "opposition", "entered")),
    ("Rebels overwhelmed the army's defences in Hama.", ("hama", "opposition", "entered")),
    ("Rebels broke through the army's lines at Hama.", ("hama", "opposition", "entered")),
    ("Rebels consolidated control over Hama.", ("hama", "opposition", "controls")),
    ("Rebels tightened their hold on Hama.", ("hama", "opposition", "controls")),
    ("The army was routed in Hama.", ("hama", "government", "failed_to_hold")),
    ("The army collapsed in Hama.", ("hama", "government", "failed_to_hold")),
    ("Syrian army units stationed in Abu Kamal had withdrawn into the desert.", ("abu_kamal", "government", "withdrew")),
    ("The factions kept moving down the highway towards Khan Shaykhun.", ("khan_shaykhun", "opposition", "advancing")),
    ("SNA units now hold the western bank of the river as far as the Tishrin Dam.", ("tishrin_dam", "sna", "controls")),
    ("Then Hama fell to the jihadi-led force, then Homs.", ("hama", "opposition", "captured")),
    ("Jolani's men now control Damascus.", ("damascus", "opposition", "controls")),
    ("Units of the Sultan Murad Division reached the western entrances of Manbij.", ("manbij", "sna", "advancing")),
    ("Members of the separatist militia are still present in Manbij.", ("manbij", "sdf", "controls")),
    ("His cousin said that the army had gone from Homs.", ("homs", "government", "withdrew")),
    ("Rebel commanders entered Mahardah last week.", ("mahardah", "opposition", "entered")),
    ("The terrorist groups were able to penetrate several axes into Hama city, the command said.",
     ("hama", "opposition", "entered")),
    ("Our units have taken up new positions outside Hama, a military source said.", ("hama", "government", "withdrew")),
    ("The army repelled an attack by the terrorist organisations on the town of Suqaylabiyah.",
     ("suqaylabiyah", "government", "repelled")),
    ("By Tuesday the rebels stood a few kilometres north of Hama.", ("hama", "opposition", "advancing")),
    ("Russian jets bombed Idlib, which the rebels have run since 2015.", ("idlib", "opposition", "controls")),
    ("HTS has controlled Idlib since 2017.", ("idlib", "opposition", "controls")),
    ("In Suwayda, Druze groups run the city's security after government forces left their posts on Saturday.",
     ("as_suwayda", "government", "withdrew")),
    ("The Daraa factions were already inside Daraa city by Saturday.", ("daraa", "opposition", "entered")),
    ("'The Tishrin Dam is still with us,' an SDF official said.", ("tishrin_dam", "sdf", "controls")),
    ("Government forces were also reported to have pulled out of Nubl.", ("nubl", "government", "withdrew")),
    ("Tal Rifaat and Manbij were also reported to be in SNA hands.", ("manbij", "sna", "controls")),
    ("Halfaya and Souran were also lost, the army said.", ("souran", "government", "failed_to_hold")),
    ("Troops in Aleppo had been redeployed, the army said.", ("aleppo", "government", "withdrew")),
    ("By Friday the rebels held nearly all of Aleppo except Sheikh Maqsoud.", ("aleppo", "opposition", "controls")),
    ("Government forces were losing ground to the SDF around Deir ez-Zor.", ("deir_ez_zor", "government", "contested")),
    ("The army said it had beaten back an insurgent push around Souran.", ("souran", "government", "repelled")),
    ("The SNA launched its own assault on Tal Rifaat.", ("tal_rifaat", "sna", "contested")),
    ("Kobani was still held by the Kurdish-led group.", ("kobani", "sdf", "controls")),
    ("The Syrian military said it had moved its forces outside Hama to protect civilians.",
     ("hama", "government", "withdrew")),
    ("It took the insurgents 48 hours to break the defences on Jabal Zayn al-Abidin.",
     ("jabal_zayn_al_abidin", "opposition", "entered")),
    ("In Suwayda, Druze fighters seized the provincial police headquarters.", ("as_suwayda", "opposition", "captured")),
    ("Local fighters took over the central prison and the governor's office in Daraa city.",
     ("daraa", "opposition", "captured")),
    ("He fled his post at the Hama military airport a day before rebels overran it.",
     ("hama_airbase", "opposition", "captured")),
    ("Rebels reached Saraqib on Thursday and took it on Friday.", ("saraqib", "opposition", "captured")),
    # leaving, in other words
    ("Customs officers and soldiers had slipped away from Nasib in the afternoon.", ("nasib", "government", "withdrew")),
    ('A military source said troops had been "repositioned" away from Daraa city.', ("daraa", "government", "withdrew")),
    ("The SDF said it was evacuating its fighters and civilians from Tal Rifaat.", ("tal_rifaat", "sdf", "withdrew")),
    ("Government troops had abandoned their positions in and around Homs.", ("homs", "government", "withdrew")),
    # lists joined by "then" or "+"; a sector of a place
    ("The rebels seized Aleppo, then Hama on Thursday.", ("hama", "opposition", "captured")),
    ("The SDF holds Mayadin + Abu Kamal.", ("abu_kamal", "sdf", "controls")),
    ("Turkish-backed factions seized the sector of Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("Clashes between the SDF and the SNA are reported in Deir Hafer.", ("deir_hafer", "sdf", "contested")),
    # "we" in what a force says is that force
    ("We liberated Hama, the rebels said.", ("hama", "opposition", "captured")),
    ("Hama is now entirely under our control, the rebels said.", ("hama", "opposition", "controls")),
    ("The army pushed the terrorists back from the northern approaches to Hama.", ("hama", "government", "repelled")),
    # a noun owned by a force ("the regime's ... Division"), "X-affiliated groups", "factions of the X operation"
    ("The regime's 47th Armoured Brigade pulled out of Rastan overnight.", ("rastan", "government", "withdrew")),
    ("The SDF's Manbij garrison withdrew from Manbij on Tuesday.", ("manbij", "sdf", "withdrew")),
    ("The rebels' offensive swept through Saraqib.", ("saraqib", "opposition", "entered")),
    ("HTS-affiliated groups entered Hama on Thursday.", ("hama", "opposition", "entered")),
    ("SNA-aligned factions seized Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("Fighters of the Deterrence of Aggression operation captured Saraqib.", ("saraqib", "opposition", "captured")),
    ("The SNA, backed by Turkish drones, took Manbij.", ("manbij", "sna", "captured")),
    ("Government troops, stationed at the Kuweires garrison, abandoned Deir Hafer.", ("deir_hafer", "government", "withdrew")),
    ("Army reinforcements reached Suqaylabiyah on Tuesday.", ("suqaylabiyah", "government", "entered")),
    ("Government forces have pulled out of Jasim, a source in the Syrian security services said.",
     ("jasim", "government", "withdrew")),
    # a noun's "of" names who: "after the withdrawal of X"
    ("Rebels took Nawa after the withdrawal of Syrian regime forces.", ("nawa", "government", "withdrew")),
    # "brought A, B and C under their control"; lists with ", as well as" and ", including"
    ("By Friday the insurgents had brought Saraqib, Maarat al-Numan and Khan Shaykhun under their control.",
     ("maarat_al_numan", "opposition", "controls")),
    ("Rebels seized Khan Shaykhun, as well as the Abu al-Duhur airbase.", ("abu_al_duhur_airbase", "opposition", "captured")),
    ("Rebels pushed into the western districts of Aleppo, including New Aleppo.", ("new_aleppo", "opposition", "entered")),
    ("Soldiers were manning defensive lines on the northern outskirts of Hama.", ("hama", "government", "repelled")),
    # a time before a speaker's label; offices and buildings left; posts taken up; vehicles of a force
    ("[06:40] SDF media office: our fighters have freed the town of Tabqa.", ("tabqa", "sdf", "captured")),
    ("Government forces vacated their offices and police stations in Daraa overnight.", ("daraa", "government", "withdrew")),
    ("Israeli troops took up former UN posts on Mount Hermon.", ("mount_hermon", "israel", "entered")),
    ("Columns of Republican Guard vehicles were seen leaving Homs at dawn.", ("homs", "government", "withdrew")),
    ("Army personnel abandoned their barracks in Qusayr.", ("qusayr", "government", "withdrew")),
    # a relative clause about the place a direction phrase locates
    ("Troops pulled out of Khan Shaykhun south of Idlib, which the rebels entered on Friday.",
     ("khan_shaykhun", "opposition", "entered")),
    ("HTS fighters impose control over Salamiyah.", ("salamiyah", "opposition", "controls")),
    # "forcing X to withdraw": X left the place just named
    ("The insurgents overran Saraqib, forcing regime troops to retreat.", ("saraqib", "government", "withdrew")),
    # "the city" for a town the same sentence names; "to halt X advancing" presupposes the advance
    ("Shops stayed shut in Saraqib after HTS fighters took control of the city.", ("saraqib", "opposition", "captured")),
    ("The army rushed tanks north to halt rebels advancing on Saraqib.", ("saraqib", "opposition", "advancing")),
    # more ways to say it
    ("Southern fighters drove up the highway as far as Kiswah.", ("kiswah", "opposition", "entered")),
    ("By Thursday the rebels were knocking on the gates of Hama.", ("hama", "opposition", "advancing")),
    ("Regime troops were digging in along Rastan.", ("rastan", "government", "controls")),
    ("Israel now has soldiers on the summit of Mount Hermon.", ("mount_hermon", "israel", "entered")),
    ("The regime garrison simply gave up Palmyra.", ("palmyra", "government", "withdrew")),
    ("Soldiers quietly walked out of Deir ez-Zor overnight.", ("deir_ez_zor", "government", "withdrew")),
    ("Turkish proxies took Manbij on Monday.", ("manbij", "sna", "captured")),
    ("Witnesses saw army convoys pulling out of Homs.", ("homs", "government", "withdrew")),
    ("The SDF pull-out from Deir ez-Zor was completed on Tuesday.", ("deir_ez_zor", "sdf", "withdrew")),
    ("Israeli tanks rolled into the buffer zone on the Golan Heights.", ("golan_buffer_zone", "israel", "entered")),
    ("Nawa and Jasim changed hands overnight, a rebel commander said.", ("jasim", "opposition", "captured")),
    ("The SNA op grabbed Tal Rifaat on Sunday.", ("tal_rifaat", "sna", "captured")),
    # a passive in a clause of its own after "and" is about its own subject
    ("Saraqib and Maarat al-Numan fell to HTS and Hama was encircled.", ("hama", "opposition", "advancing")),
    # a list after a colon, a quoted force name inside its phrase, a path between verb and goal
    ("The SDF still holds three villages west of the river: Hatla, Khasham and Marrat.", ("khasham", "sdf", "controls")),
    ('Units of the Ankara-backed "National Army" operations room overran Kuweires airbase.',
     ("kuweires_airbase", "sna", "captured")),
    ("Rebel columns moved south along the M5 motorway toward Hama.", ("hama", "opposition", "advancing")),
    # everyday verbs of entry, fighting and retaking
    ("Insurgents punched into Saraqib before dawn.", ("saraqib", "opposition", "entered")),
    ("Rebel gunmen were seen driving through New Aleppo.", ("new_aleppo", "opposition", "entered")),
    ("Rebels in pick-up trucks drove through New Aleppo at noon.", ("new_aleppo", "opposition", "entered")),
    ("Rebels straddled the M5 motorway south of Saraqib.", ("m5_highway", "opposition", "contested")),
    ("The army re-established control over Maardes after heavy clashes.", ("maardes", "government", "captured")),
    ("The army conducted a repositioning operation from Homs city.", ("homs", "government", "withdrew")),
    ("The army announced a pullback from positions inside Zarbah.", ("zarbah", "government", "withdrew")),
    ("Israel moved more troops into the buffer zone along the Golan Heights.", ("golan_buffer_zone", "israel", "entered")),
    ("Israeli soldiers remained deployed Sunday on the summit of Mount Hermon.", ("mount_hermon", "israel", "controls")),
    ("Halfaya and Souran slipped into rebel hands overnight.", ("souran", "opposition", "captured")),
    ("Manbij has fallen into SNA hands.", ("manbij", "sna", "captured")),
    # an opening "According to X," is no subject; a name given after "known as" is the object
    ("According to residents, Halfaya fell to the rebels.", ("halfaya", "opposition", "captured")),
    ("The SNA now controls the area known as Shahba.", ("shahba_region", "sna", "controls")),
    ("The SDF seized the city of Manbij and the border town of Albukamal.", ("abu_kamal", "sdf", "captured")),
    # "briefly" taken: held no longer
    ("Souran, which rebels had briefly seized, was back in army hands by noon.", ("souran", "opposition", "failed_to_hold")),
    ("Rebels briefly overran Khan al-Asal on Monday.", ("khan_al_asal", "opposition", "failed_to_hold")),
    ("Rebel groups raided army checkpoints in Jasim overnight.", ("jasim", "opposition", "contested")),
    # an organisation is "they" too
    ("HTS said their fighters had entered Souran.", ("souran", "opposition", "entered")),
    ("The SDF's media office claimed their units pushed the attackers back from Tishrin Dam.",
     ("tishrin_dam", "sdf", "repelled")),
    # "the factions" after "attacks by Turkish-backed factions" (inside a status phrase)
    ("The council said it had thwarted attacks by Turkish-backed factions near Manbij. The factions later entered "
     "Tal Rifaat.", ("tal_rifaat", "sna", "entered")),
    # a clause of its own after "and", past an insertion; a force owning the object; an adverb before the verb
    ("Saraqib had been retaken by Tuesday, and Hama, which the army had flattened in 1982, fell to HTS on Thursday.",
     ("hama", "opposition", "captured")),
    ("Rebels stormed the barracks of the regime's 46th Regiment.", ("base_46", "opposition", "captured")),
    ("SNA units first cleared Arima before pushing on.", ("arima", "sna", "captured")),
    ("The SDF still holds a large swathe of the east, including the cities of Raqqa and Kobani.",
     ("raqqa", "sdf", "controls")),
    # holding: "held" (not "held talks"), "sit on", "have occupied X since 2018"
    ("Kurdish fighters who have held Sheikh Maqsoud for years stayed put.", ("sheikh_maqsoud", "sdf", "controls")),
    ("Israeli soldiers sit atop Mount Hermon.", ("mount_hermon", "israel", "controls")),
    ("Turkish-backed factions have occupied Afrin since 2018.", ("afrin", "sna", "controls")),
    ("The SDF took over the regime's security squares in Qamishli.", ("qamishli", "sdf", "captured")),
    # a sponsor's adjective names the proxy; "and by <date> had"; an apposition with "who ... in 2018"
    ("Turkish-backed opposition groups took Manbij over the weekend.", ("manbij", "sna", "captured")),
    ("The SNA opened a new front on Saturday and by Monday had seized Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("Local armed groups, many of them fighters who made deals with Damascus in 2018, took control of Nawa on Friday.",
     ("nawa", "opposition", "captured")),
    # an outpost on a place is that place's
    ("Israeli troops seized the Syrian outpost on the summit of Mount Hermon.", ("mount_hermon", "israel", "captured")),
    # "still has troops at X" is a hold ("now has troops at X" an entry)
    ("Russian forces still keep a garrison at Hmeimim air base.", ("hmeimim_airbase", "russia", "controls")),
    # a long object between "repelled" and where
    ("Army units repelled a large attack mounted by Jabhat al-Nusra fighters towards Morek.",
     ("morek", "government", "repelled")),
    # a list item followed by a locating phrase is still listed
    ("Rebels spread into Harasta and Douma on the eastern edge of the capital.", ("douma", "opposition", "entered")),
    # re-entry, protection, a place slipping from a force's grip
    ("Government troops re-entered Husseiniya on Tuesday.", ("al_husayniyah_deir_ez_zor", "government", "entered")),
    ("The Asayish continue to protect Sheikh Maqsoud.", ("sheikh_maqsoud", "sdf", "controls")),
    ("Aleppo, which the army had taken back in 2016, slipped from its grip within three days.",
     ("aleppo", "government", "failed_to_hold")),
    # a bracket naming the group, with commas and a "formerly", before the verb
    ("Fighters of HTS (once Jabhat al-Nusra, a group Moscow calls terrorist) entered Damascus at dawn.",
     ("damascus", "opposition", "entered")),
    # the Kurdish press's names for the SNA
    ("Mercenaries of the Turkish occupation attacked Tal Rifaat at dawn.", ("tal_rifaat", "sna", "contested")),
    ("The army is holding firm along the line running through Rastan and Talbiseh.", ("talbiseh", "government", "controls")),
    ("Government troops held firm in Rastan on Friday.", ("rastan", "government", "controls")),
    ("Daesh terrorists attacked checkpoints in Palmyra overnight.", ("palmyra", "isis", "contested")),
    ("Islamic State fighters briefly seized Palmyra.", ("palmyra", "isis", "failed_to_hold")),
    # a unit's number between "of the" and its noun leaves the link whole
    ("IDF troops of the 210th Division took control of the Syrian summit of Mount Hermon.",
     ("mount_hermon", "israel", "captured")),
    ("Aleppo is held by the forces of the new government.", ("aleppo", "opposition", "controls")),
    ("The takfiri groups overran the city of Aleppo last week.", ("aleppo", "opposition", "captured")),
    ("Rebels reach the northern outskirts of Homs.", ("homs", "opposition", "advancing")),
    # ... but what was done: managed, forced, the first, the time it took, the reported
    ("Rebels managed to take Hama on Thursday.", ("hama", "opposition", "captured")),
    ("It took the factions three days to take Aleppo.", ("aleppo", "opposition", "captured")),
    ("The rebels were the first to enter Hama.", ("hama", "opposition", "entered")),
    ("Government forces had to withdraw from Hama.", ("hama", "government", "withdrew")),
    ("Kurdish-affiliated forces are reported to remain in Sheikh Maqsoud.", ("sheikh_maqsoud", "sdf", "controls")),
    ("The rebels captured three towns, bringing them to within about 10 km of Hama.",
     ("hama", "opposition", "advancing")),
    ("Hama was lost to the rebels.", ("hama", "opposition", "captured")),
    ("Rebels took Anjara on Wednesday. Fierce fighting continues around Atarib.", ("atarib", "opposition", "contested")),
    ("The army said it had cleared the militants out of Qalaat al-Madiq.", ("qalaat_al_madiq", "government", "captured")),
    ("Rebels stopped short of entering Homs.", ("homs", "opposition", "advancing")),
    ("Rebels edged closer to Homs.", ("homs", "opposition", "advancing")),
    ("Rebels are on the doorstep of Damascus.", ("damascus", "opposition", "advancing")),
    ("Rebels are within sight of Homs.", ("homs", "opposition", "advancing")),
    ("Rebels patrolled the streets of Hama.", ("hama", "opposition", "entered")),
    ("HTS imposed a curfew in Aleppo.", ("aleppo", "opposition", "controls")),
    ("Saraqib, taken by the army in 2020, fell to rebels on Friday.", ("saraqib", "opposition", "captured")),
    ("Moscow's allies lost Aleppo.", ("aleppo", "government", "failed_to_hold")),
    ("The army withdrew its troops from Hama.", ("hama", "government", "withdrew")),
    ("Reports that rebels had taken Hama were confirmed by the monitor.", ("hama", "opposition", "captured")),
    ("The army no longer controls Hama.", ("hama", "government", "failed_to_hold")),
    ("Government forces are no longer in Deir ez-Zor.", ("deir_ez_zor", "government", "failed_to_hold")),
    ("HTS took Hama and is heading for Homs.", ("homs", "opposition", "advancing")),
    ("Rebels bypassed Morek and headed straight for Hama.", ("hama", "opposition", "advancing")),
    ("Rebels push toward Hama", ("hama", "opposition", "advancing")),
    ("Rebels at gates of Homs", ("homs", "opposition", "advancing")),
    ("Syrian army quits Deir ez-Zor", ("deir_ez_zor", "government", "withdrew")),
    ("Rebels attacked government forces in Hama.", ("hama", "opposition", "contested")),
    ("Rebels said they were fighting inside Homs.", ("homs", "opposition", "contested")),
    ("The army withdrew from Hama but held Homs.", ("hama", "government", "withdrew")),
    ("The SNA captured the SDF-held town of Tal Rifaat on 1 December.", ("tal_rifaat", "sna", "captured")),
    ("Opposition units captured Maar Shahour on the northern outskirts of the city.",
     ("maarshahour", "opposition", "captured")),
    ("SOHR: regime forces withdrew from their positions in Sheikh Aqeel overnight.", ("sheikh_aqil", "government", "withdrew")),
    ("Ankara's allies took Manbij on Monday.", ("manbij", "sna", "captured")),
    ("Ankara said its allies had taken Manbij.", ("manbij", "sna", "captured")),
    ("Turkey and its allies seized Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("The Turkish state and its mercenaries occupied Tal Rifaat, the SDF said.", ("tal_rifaat", "sna", "captured")),
    ("Turkey's Syrian allies are massing near Manbij.", ("manbij", "sna", "advancing")),
    ("Once rebels took Homs, the coast was cut off.", ("homs", "opposition", "captured")),
    ("When rebels entered Hama, the army fled.", ("hama", "opposition", "entered")),
    ("The army held Aleppo until rebels stormed it on Saturday.", ("aleppo", "opposition", "captured")),
    ("Homs has been lost to HTS, a government official admitted.", ("homs", "opposition", "captured")),
    ("Almost all of Hama fell to the rebels.", ("hama", "opposition", "captured")),
    ("Rebels took Hama two days ago.", ("hama", "opposition", "captured")),
    # a headline's present tense, plural subject
    ("Rebels storm Hama", ("hama", "opposition", "captured")),
    ("Syrian rebels retake Saraqib", ("saraqib", "opposition", "captured")),
    ("Insurgents recapture Khan Shaykhun", ("khan_shaykhun", "opposition", "captured")),
    ("Rebels gain control of Hama", ("hama", "opposition", "captured")),
    ("Rebels sweep through most of Aleppo", ("aleppo", "opposition", "entered")),
    ("Opposition columns roll into Homs", ("homs", "opposition", "entered")),
    ("Regime troops flee Homs", ("homs", "government", "withdrew")),
    ("Government forces evacuate Deir ez-Zor", ("deir_ez_zor", "government", "withdrew")),
    ("Rebels tighten grip on Aleppo", ("aleppo", "opposition", "controls")),
    ("Rebels clash in Hama with army units", ("hama", "opposition", "contested")),
    ("The Turkish occupation's mercenaries attacked the town of Tall Rifaat, local sources said.",
     ("tal_rifaat", "sna", "contested")),
    ("Turkish-backed factions said they had begun an assault on Manbij.", ("manbij", "sna", "contested")),
    ("Turkish-backed Syrian National Army (SNA) factions seized Tel Rifaat.", ("tal_rifaat", "sna", "captured")),
    ("Tell Rifaat, which came under the control of SNA-affiliated groups on 1 December, is empty.",
     ("tal_rifaat", "sna", "captured")),
    ("IDF troops took control of the Syrian post on the summit of Mount Hermon.", ("mount_hermon", "israel", "captured")),
    ("Factions of the Military Operations Command reached the northern entrance of Homs.", ("homs", "opposition", "advancing")),
    ("Fighting raged around Hama, where rebels reached the city's northern outskirts overnight.",
     ("hama", "opposition", "advancing")),
    ("Further south, Maarat al-Numan is captured by HTS-led fighters.", ("maarat_al_numan", "opposition", "captured")),
    ("Tal Rifaat, north of Aleppo, is taken from Kurdish-led forces by Turkish-backed factions.",
     ("tal_rifaat", "sna", "captured")),
    ("The Syrian army said it had withdrawn its units from Hama.", ("hama", "government", "withdrew")),
    ("Kurdish-led fighters said they had pushed back an attack by Turkish-backed factions near the town of Deir Hafer.",
     ("deir_hafer", "sdf", "repelled")),
    ("The army fought the rebels, retaking Souran.", ("souran", "government", "captured")),
    ("SDF units then took control of Deir Ezzor city and Albu Kamal.", ("abu_kamal", "sdf", "captured")),
    ("Security forces regain control of Jableh after a day of clashes.", ("jableh", "government", "captured")),
    ("The SDF took control of the remaining positions of the former regime in Qamishli.", ("qamishli", "sdf", "captured")),
    ("The SDF took control of regime positions in Qamishli.", ("qamishli", "sdf", "captured")),
    ("After the forces of the former regime withdrew from Deir ez-Zor, the SDF entered Raqqa.",
     ("deir_ez_zor", "government", "withdrew")),
    ("The SDF continue to repel the attacks of Ankara's mercenaries on the Tishrin Dam.", ("tishrin_dam", "sdf", "repelled")),
    ("Government troops have pulled out of the whole province except the town of Saraqib.",
     ("saraqib", "government", "controls")),
    ('"We declare the city of Damascus free from the tyrant," the Military Operations Command said.',
     ("damascus", "opposition", "captured")),
    ("Israeli troops remain on the Syrian side of Mount Hermon.", ("mount_hermon", "israel", "controls")),
    ("SNA units are fighting PKK/YPG terrorists at the Tishrin Dam.", ("tishrin_dam", "sna", "contested")),
    # a bracket between the subject and its verb, even one naming another force
    ("Fighters of HTS (listed by Moscow as a terrorist group) took full control of Homs.", ("homs", "opposition", "captured")),
    # a list goes on past a phrase locating its item ("on the Syrian-Iraqi border")
    ("SDF fighters took full control of Albukamal city on the Syrian-Iraqi border and of the town of al-Mayadin.",
     ("mayadin", "sdf", "captured")),
    ("Government forces withdrew from Albukamal on the border and from the town of al-Mayadin.",
     ("mayadin", "government", "withdrew")),
    # a bulleted line's label names the place ("- Hims city:", "- Daraa and As-Suwayda:"), not a speaker
    ("- Hims city: HTS-led forces in control since 08/12.", ("homs", "opposition", "controls")),
    ("- Daraa and As-Suwayda: local armed groups in control.", ("as_suwayda", "opposition", "controls")),
    # a first object that is no named place, then a list ("the capital, as well as ..."); "retain" a district
    ("The government still controls the capital, as well as Latakia and Tartus on the coast.",
     ("tartus", "government", "controls")),
    ("Kurdish-led forces retain the Sheikh Maqsoud district in the north of the city.",
     ("sheikh_maqsoud", "sdf", "controls")),
    ("MOC forces entered Deir ez-Zor on Tuesday.", ("deir_ez_zor", "opposition", "entered")),
    # an example list inside the subject ("groups, including Iraqi factions,") is not the subject
    ("Iranian-backed groups, including the Fatemiyoun and Iraqi factions, pulled out of al-Bukamal.",
     ("abu_kamal", "iran", "withdrew")),
    ("The army repelled an attack on its positions near Zarbah.", ("zarbah", "government", "repelled")),
    ("The army said its units carried out a redeployment and repositioning outside Hama city.",
     ("hama", "government", "withdrew")),
    ("Tel Rifaat came under the control of Türkiye-affiliated armed groups on 1 December.",
     ("tal_rifaat", "sna", "captured")),
    # "clearing X (and Y) of terrorists" is taking X
    ("SNA units launched the operation a week after clearing Tel Rifat and the Shahba area of terrorists.",
     ("tal_rifaat", "sna", "captured")),
    # a faction's own name before a general noun
    ("Ahrar al-Sham fighters entered al-Qusayr on Saturday.", ("qusayr", "opposition", "entered")),
    ("Tahrir al-Sham fighters took full control of Homs.", ("homs", "opposition", "captured")),
    # "they" after a sentence that named a city as its government ("deals with Damascus"): the rebels
    ("These are former rebels who signed reconciliation deals with Damascus in 2018. Their commanders told us "
     "they now control Sheikh Miskin.", ("sheikh_miskin", "opposition", "controls")),
    # an apposition after the places says who holds them
    ("Atarib and Darat Izza, two opposition-held towns, were hit by air strikes overnight.",
     ("darat_izza", "opposition", "controls")),
    ("Rebels shelled Nubl and Zahraa, two government-held towns.", ("nubl", "government", "controls")),
    ("Daraa, a government-controlled city, was calm on Friday.", ("daraa", "government", "controls")),
    # a year inside a relative insertion dates the insertion, not the time clause after it
    ("Residents of Nubl, a town whose people lived under siege until 2016, fled after regime forces abandoned "
     "Nubl on Saturday.", ("nubl", "government", "withdrew")),
    # fighting said with an auxiliary or a time after its verb; a headline's present tense
    ("Rebels entered Daraa. Clashes continued on Friday evening around Izraa and al-Sanamayn.",
     ("sanamayn", "opposition", "contested")),
    ("Rebels entered Daraa. Battles are raging on Zayn al-Abidin mountain.",
     ("jabal_zayn_al_abidin", "opposition", "contested")),
    ("SDF opens corridor for civilians as Turkish-backed mercenaries attack Tel Rifat", ("tal_rifaat", "sna", "contested")),
    ("Local fighters seize Daraa; government forces abandon Suwayda.", ("as_suwayda", "government", "withdrew")),
    ("The army was forced to abandon Saraqib.", ("saraqib", "government", "withdrew")),
    ("Southern fighters close in on Damascus.", ("damascus", "opposition", "advancing")),
    ("Rebels launched attacks on Hama.", ("hama", "opposition", "contested")),
    # an Arabic article the gazetteer's spelling lacks is part of the name
    ("GoS forces reportedly withdrew from As-Sweida city on 6 December.", ("as_suwayda", "government", "withdrew")),
    ("Rebels entered Ar-Rastan on Thursday.", ("rastan", "opposition", "entered")),
    # a withdrawal without an object leaves where the subject was stationed
    ("The General Command added that units stationed in Maarrat al-Numan and Saraqib had pulled back to new lines "
     "south of the two towns.", ("maarat_al_numan", "government", "withdrew")),
    ("Sources said Iranian advisers and Iraqi factions deployed at the Shayrat airbase had pulled out.",
     ("shayrat_airbase", "iran", "withdrew")),
    # a phrase's own verb joins no two forces ("Israeli forces [sent] troops into")
    ("Israeli forces sent troops into Quneitra.", ("quneitra", "israel", "entered")),
    ("Israel sends troops into the Golan buffer zone.", ("golan_buffer_zone", "israel", "entered")),
    ("Israeli forces were now operating in the Golan buffer zone.", ("golan_buffer_zone", "israel", "entered")),
    ("Opposition commander Abu Yahya said his men had taken over all state institutions in Jableh and Baniyas.",
     ("baniyas", "opposition", "captured")),
    ("The army said that units deployed in Daraa and Nawa have carried out a redeployment and repositioning.",
     ("nawa", "government", "withdrew")),
    # "the mercenaries" in the SDF's voice are the SNA
    ("SDF spokesman Farhad Shami said the mercenaries had seized Tal Rifaat.", ("tal_rifaat", "sna", "captured")),
    # restoring control is taking; "overrunning"; "X was theirs"; an attack X came under
    ("Units of the Syrian Arab Army have restored control over the settlements of Souran and Halfaya.",
     ("halfaya", "government", "captured")),
    ("Rebels were within five kilometres of Homs after overrunning Rastan and Talbiseh.", ("talbiseh", "opposition", "captured")),
    ("This afternoon the rebels said Maarat al-Numan was theirs as well.", ("maarat_al_numan", "opposition", "controls")),
    ("Nubl came under attack by Ankara-backed militants on Saturday.", ("nubl", "sna", "contested")),
    ("Turkish-backed armed formations are conducting offensive actions in the area of Tal Rifaat.",
     ("tal_rifaat", "sna", "contested")),
    ("The General Command said its units had temporarily redeployed from Aleppo.", ("aleppo", "government", "withdrew")),
    # a status line's label is its place, whatever the next clause says about people
    ("Nubl and Zahraa: SNA control; residents had left for government areas.", ("zahraa", "sna", "controls")),
    ("Turkish forces continue to hold their positions in El Bab.", ("al_bab", "turkey", "controls")),
    ("Tartus slipped from government control on Sunday night.", ("tartus", "government", "failed_to_hold")),
    # a gain after a time clause's verb stays with the main subject; a quote's closing mark is no possessive
    ("HTS fighters swept into Hama when the army collapsed and took the city.", ("hama", "opposition", "captured")),
    ("A commander said the rebels had 'captured Homs' and the outskirts were next.", ("homs", "opposition", "captured")),
    # a backer named after the subject ("backed by Russian air strikes") is not the subject
    ("Government forces backed by Russian air strikes recaptured Souran.", ("souran", "government", "captured")),
    ("Troops backed by Russian jets repelled an attack on Homs.", ("homs", "government", "repelled")),
    # "its" right after the verb of its speaker is the speaker's, not the force of the sentence before
    ("The army said it repelled attacks on Hama. The rebels' operations command says its fighters have "
     "stormed Hama.", ("hama", "opposition", "captured")),
    ("The rebels' operations command says its fighters have begun storming Hama.", ("hama", "opposition", "contested")),
    # the "fighters" who repelled an attack, in a side's statement, are that side's
    ("SDF spokesman Baran Hesen said that fighters had repelled attacks by the mercenaries on Deir Jamal.",
     ("deir_jamal", "sdf", "repelled")),
    # a time clause after its main clause is not made history by a year in a later phrase
    ("Turkish-backed factions have occupied Tal Rifaat, after the SDF evacuated the town to protect civilians, "
     "forcing thousands, many of them displaced from Afrin in 2018, to flee.", ("tal_rifaat", "sdf", "withdrew")),
]


@pytest.mark.parametrize("text,claim", SAME_FACT, ids=[t for t, _ in SAME_FACT])
def test_same_fact_same_claim(run, text, claim):
    assert claim in run(text)


NO_CLAIM = [
    "Russian envoys held talks in Damascus on Monday.",
    "The rebels' stated goal is to topple Assad's government and capture Damascus.",
    "The army had held Deir ez-Zor throughout the war.",
    "Hezbollah's fighters left Qusayr overnight.",
    "Lebanese Hezbollah fighters withdrew from al-Qusayr on Saturday evening.",
    "The General Command affirms that the reports published by channels supporting terrorism about the fall of "
    "Hama city are false and baseless.",
    "The General Command said army units remain stationed in the vicinity of Hama.",
    "The ministry said talk of a withdrawal from Hama is, in its words, fake news.",
    "Rebels took over checkpoints on the road linking Zarbah with the highway.",
    "Critics of the 1967 occupation of the Golan Heights protested.",
    "The occupation of Hama would be a disaster, officials warned.",
    "Hama, which the rebels captured in 2012, is quiet today.",
    "Reports that the army has left Rastan are false, the ministry said.",
    "The ministry said reports of a withdrawal from Hama were completely untrue.",
    "There is no truth to reports that Homs has fallen, the army said.",
    "The monitor could not confirm whether HTS entered Hama.",
    "It remains unclear whether rebels entered Hama.",
    "If the rebels capture Hama, Homs will be next, an analyst said.",
    "The rebels threatened to storm Hama.",
    "The SDF had not, as of the time of writing, entered Mayadin, the monitor said.",
    "A military source said reinforcements have reached the Hama front.",
    "Hezbollah said it had sent 2,000 fighters to defend Qusayr.",
    "Aleppo changed hands in 2016; that year, a Russian-backed siege forced rebels out of the city's east.",
    "The army retook the city in 2016, after rebels withdrew from Aleppo.",
    "Sarmada, the largest town in the rebel-held enclave, was hit.",
    "The HTS leader vowed that his fighters would not stop until they reached Homs.",
    "They vowed never to abandon Hama.",
    "Should the terrorists reach Hama, one analyst warned, the security of the region would be threatened.",
    "Analysts said reports that the Syrian army had abandoned Hama province were psychological warfare.",
    '"Should the rebels take Homs, Assad is finished," a diplomat said.',
    "However, should the rebels take Homs, Assad is finished.",
    "ISIS attacks spike in Deir ez-Zor.",
    # an analyst's estimate
    "The desk assesses that the regime likely still controls Damascus.",
    "The Syrian Democratic Forces probably control most of Deir ez-Zor City.",
    # "terrorists" in the SDF's voice may be the Islamic State or the SNA: no force is guessed
    "The SDF said terrorists attacked Hajin.",
    "Army reinforcements arrived in Hama on Tuesday to back the units holding the front.",
    "When HTS fighters drove out of their Idlib enclave on 27 November, few expected them to get far.",
    "The ministry stressed that Turkey had no troops inside Manbij.",
    "After rebels withdrew from Aleppo, the army retook the city in 2016.",
    "Iranian militiamen bolstered the defences around Hama, where troops had fallen back to regroup.",
    "The M5 highway runs through Hama.",
    "The SDF runs a prison in Hasakah.",
    "The army lost two soldiers to sniper fire in Hama.",
    "Rebels are planning a broad assault on Hama.",
    "Clashes were reported in Hama in 2012 between the army and the rebels.",
    "We left Hama on Friday when the shelling began, a resident said.",
    "Hama is under our control, a resident said.",
    "A second claim, that Israeli tanks had reached the outskirts of Damascus, is misleading.",
    "Hama remains under curfew.",
    "Aleppo remains under heavy bombardment by Russian jets.",
    "The convoy passed to the west of Hama.",
    "Civilians still in Aleppo fear the shelling.",
    "Aid workers were leaving Hama on Thursday.",
    "Rebels have yet to enter Hama.",
    "Aid workers recovered bodies from the rubble in Hama.",
    "An attempt by terrorist groups to advance on Salamiyah was foiled.",
    "Our forces are still in the vicinity of Hama city, the minister said.",
    "For more than four decades the city of Hama had stayed firmly under government control.",
    "Troops were redeployed to Hama from the coast.",
    "The evacuation of civilians from Aleppo began on Sunday.",
    "In Jasim, the police stations were evacuated on Friday.",
    "Rebels now patrol the former regime-held districts.",
    "Residents of once rebel-held Douma returned.",
    "The SDF agreed to withdraw from Manbij under a US-brokered deal.",
    "Moscow urged the Syrian army to withdraw from Homs.",
    "The SDF refused to withdraw from Manbij.",
    "The rebels had given up hope of taking Hama that winter.",
    "Turkish drones struck the bridge to stop SDF reinforcements reaching Manbij.",
    "The army blew up the bridge to prevent the rebels entering Hama.",
    "The rebels captured Idlib in 2015.",
    "Rebels had run out of ammunition in Hama.",
    "So far the new authorities have left the churches of Mahardah alone, he said.",
    "Terrorists pushed out of the centre fled toward Fafin.",
    "A building collapsed in Hama after the strike.",
    "On the northern outskirts of Homs I counted eleven tanks abandoned along the road.",
    "Homs, which the regime besieged for two years, is quiet today.",
    "The army captured Hama a decade ago.",
    "Nasib was deserted by customs staff on Sunday.",
    "Displaced families returned to Tal Rifaat on Sunday.",
    "Life in Hama returned to normal on Sunday.",
    "The appeal fell on deaf ears in Hama.",
    "The ministry handed journalists a list of villages near Hama.",
    "We cannot independently confirm reports that rebels are operating inside Hama.",
    "The monitor could not confirm that the army had left Rastan.",
    "The army units once stationed at Hama airbase left it on Thursday.",
    "Troops remain on high alert in Hama.",
    "Thousands of residents of Hama fled south on Thursday.",
    "A resident of Hama reached by phone said the streets were empty.",
    "A story published on Dec. 11 incorrectly stated that the SDF had captured Mayadin.",
    "CORRECTION: An earlier version of this story said government forces had withdrawn from Homs.",
    "Russian Deputy Foreign Minister Mikhail Bogdanov said Moscow remained in contact with the new authorities.",
    "Rebels took control of Hawsh al-Sayyed Ali, a village that straddles the border near Qusayr.",
    # a direction after "pushed" is the way it went, not who was pushed out of where
    "The rebels pushed south from Aleppo overnight.",
    "HTS columns drove east from Saraqib.",
    "Some HTS commanders talked of reaching Aleppo, but the city is well defended.",
    "One commander said the factions were aiming to reach the M5 highway within days.",
    # a journalist's question in a transcript
    "The reports being circulated regarding IDF tanks advancing toward Damascus are false, the IDF said.",
    # a noun phrase with its force inside it, said to have consequences: hypothetical
    "Analysts say the entry of the army into Idlib would end the crisis.",
    "Any capture by the rebels of Homs would cut Damascus off from the coast.",
    # a place after the comma or "and" that closes an unnamed object opens a clause of its own
    "Rebels vowed to retake Hama.",
    "Rebels are preparing to storm Hama.",
    "Thousands were forced to flee Homs as rebels neared.",
    "The army ordered residents to evacuate Hama.",
    "A storm hit Hama on Tuesday.",
    # a near miss; an observer's "appears to"
    "Rebels nearly captured Morek.",
    "The army nearly lost Morek on Tuesday.",
    "Rebels almost took Morek.",
    "Rebels appear to have entered Homs.",
    "HTS seems to have taken the Hama airbase.",
    "It looks like rebels have taken Homs.",
    # a report said to be wrong, unconfirmed or retracted; a counterfactual
    "Earlier reports that rebels had entered Homs were wrong, the monitor said.",
    "Reports that rebels had taken Hama could not be confirmed.",
    "A rumour that Turkish troops had entered Manbij was later retracted.",
    "The report that rebels had captured Mahardah proved inaccurate.",
    "Initial reports that Israeli troops had entered Quneitra turned out to be wrong.",
    "It is not true that rebels have entered Homs.",
    "Had the rebels entered Homs, the army would have collapsed.",
    "Were the army still in Hama, the rebels could not pass.",
    # people a state moves are no forces; troops sent to reinforce a place do not advance on it
    "Russia evacuated its embassy staff from Damascus.",
    "Russia withdrew its ambassador from Damascus.",
    "Turkey evacuated its citizens from Aleppo.",
    "Troops from Homs were sent to reinforce Hama.",
    # a force after another clause's opener is not the agent of "fell"
    "Hama fell as Damascus scrambled to defend Homs.",
    # a time clause not in the past tells what is to come
    "Once rebels take Homs, the coast is cut off.",
    "When rebels take Homs, Damascus will be isolated.",
    "By the time rebels reach Homs, the army may have left.",
    # before the offensive, said without a year
    "Before the offensive, government forces held Saraqib.",
    "A year ago, Homs was firmly in government hands.",
    "Last year, the army controlled Saraqib.",
    "Until 2020, rebels held Saraqib.",
    "The army, in 2016, retook Aleppo.",
    "Engineers cleared mines out of the road near Hama.",
    # a status verb after "to" is a purpose or a wish
    "Rebels moved south to take Hama.",
    "The army launched a counteroffensive to take Aleppo.",
    "Turkey wants the SNA to take Tal Rifaat.",
    "The rebels had moved south to take Hama.",
    "After the SNA took the airport, Manbij was quiet.",
    "Once rebels seized the base, Hama was exposed.",
    "The SNA took the airport, and Manbij was cut off.",
]


def test_a_place_opening_its_own_clause_is_no_list_item(run):
    """"Rebels seized Hama and Homs is next": Homs is the subject of another clause."""
    assert run("Rebels seized Hama and Homs is next, analysts said.") == {("hama", "opposition", "captured")}


def test_the_list_after_areas_a_force_held_is_the_object(run):
    got = run("The Syrian army has withdrawn its units from the areas it held in Deir ez-Zor province, including "
              "al-Mayadin and al-Bukamal, and moved them west towards the capital.")
    assert got == {("mayadin", "government", "withdrew"), ("abu_kamal", "government", "withdrew")}


def test_a_retreat_towards_a_place_is_no_advance_on_it(run):
    assert run("Government units withdrew from Mayadin, heading west towards Damascus.") == {
        ("mayadin", "government", "withdrew")}
    assert run("Government units withdrew from Mayadin and are heading to Damascus.") == {
        ("mayadin", "government", "withdrew")}


def test_a_participle_clause_before_the_subject_is_no_relative(run):
    """"Having captured Aleppo, the rebels pushed on": no claim that they advance on Aleppo."""
    assert ("aleppo", "opposition", "advancing") not in run("Having captured Aleppo, the rebels pushed on to Hama.")


def test_a_noun_whose_of_names_no_force_gives_no_force(run):
    assert run("Rebels took Nawa after the departure of the local notables.") == {("nawa", "opposition", "captured")}


def test_a_withdrawal_reported_apart_is_not_moved_to_the_claim_before(run):
    """Only a clause subordinate to the claim ("after ...") shares its place; a reported one does not."""
    assert run("Rebels captured Hama; the army said troops withdrew.") == {("hama", "opposition", "captured")}


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(run, text):
    assert run(text) == set()


def test_denial_after_leaves_the_other_clause(run):
    """A denial said after a report covers the reported clause only."""
    out = run("Rebels captured Hama on Thursday, and reports that the army still holds Homs are false.")
    assert ("hama", "opposition", "captured") in out
    assert not any(place == "homs" for place, _, _ in out)


def test_a_true_claim_survives_a_denied_one(run):
    """A denied withdrawal does not swallow the confirmed one that follows."""
    out = run("Reports that the army has left Rastan are false, the ministry said on Monday. "
              "On Tuesday the army withdrew from Rastan, the ministry said.")
    assert ("rastan", "government", "withdrew") in out


def test_citing_after_the_speaker_is_the_speakers_reason(read):
    """"..., the army said, citing X": the army says so (and concedes its own withdrawal)."""
    (c,) = read("Government troops pulled out of Hama overnight, the army said in a statement, "
                "citing the need to protect civilians.")
    assert (c.claimant, c.claimant_side, c.admission) == ("the army", "government", True)


def test_an_ally_announcing_a_gain_concedes_nothing(read):
    """Turkey announcing an SNA gain is no admission; the army announcing a rebel gain is."""
    (c,) = read("Turkish state media said the Syrian National Army captured Tal Rifaat.")
    assert (c.actor, c.claimant_side, c.admission) == ("sna", "turkey", False)
    (c,) = read("The army said the rebels captured Hama.")
    assert (c.actor, c.claimant_side, c.admission) == ("opposition", "government", True)


def test_an_ally_announcing_a_loss_concedes_it(read):
    (c,) = read("Russian state media said the Syrian army withdrew from Hama.")
    assert (c.actor, c.claimant_side, c.admission) == ("government", "russia", True)


def test_an_unknown_ally_fails_with_file_and_line(tmp_path):
    from geo.errors import VocabularyError

    text = (ROOT / "geo" / "data" / "actors.toml").read_text(encoding="utf-8")
    (tmp_path / "actors.toml").write_text(text.replace('allies = ["turkey"]', 'allies = ["narnia"]'), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"actors\.toml line \d+: \[actors\.sna\] allies: 'narnia'"):
        ClaimVocabulary(tmp_path)


def test_the_suburb_of_a_place_is_not_the_place(run):
    assert run("Rebels encircled the Hama suburb of Qamhana.") == {("qamhana", "opposition", "advancing")}


@pytest.mark.parametrize("text", ["Fighters from the south reach the suburbs of Damascus.",
                                  "Rebels entered the southern suburbs of Damascus on Saturday."])
def test_reaching_the_suburbs_of_a_city_is_an_advance_on_it(run, text):
    assert run(text) == {("damascus", "opposition", "advancing")}


def test_a_neighbourhood_of_a_city_is_the_neighbourhood(run):
    """"the X neighbourhood of Y", where the gazetteer puts X inside Y: X, in an object, a subject,
    a list and the antecedent of "which"."""
    sheikh = {("sheikh_maqsoud", "sdf", "controls")}
    assert run("The SDF still holds the Sheikh Maqsoud neighbourhood of Aleppo.") == sheikh
    assert run("The Sheikh Maqsoud and Ashrafiyah neighbourhoods of Aleppo remain under the control of the SDF.") == sheikh
    assert run("Access to the Sheikh Maqsoud neighbourhood of Aleppo city, which remains under the "
               "control of Kurdish-led forces, has been cut.") == sheikh
    assert run("Rebels seized the Damascus suburb of Jaramana and the Aleppo district of Sheikh Maqsoud.") == {
        ("jaramana", "opposition", "captured"), ("sheikh_maqsoud", "opposition", "captured")}


@pytest.mark.parametrize("text, want", [
    ("Aleppo's Sheikh Maqsoud district remains under Kurdish control.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("The SDF withdrew from Aleppo's Sheikh Maqsoud.", {("sheikh_maqsoud", "sdf", "withdrew")}),
    ("Aleppo's New Aleppo district fell to rebels.", {("new_aleppo", "opposition", "captured")}),
    ("Rebels overran Aleppo's Kuweires airbase.", {("kuweires_airbase", "opposition", "captured")}),
    # the airport, which the gazetteer names so too
    ("Hama's military airport fell to rebels on Thursday.", {("hama_airbase", "opposition", "captured")}),
    ("Deir ez-Zor's military airport was abandoned by government troops.",
     {("deir_ez_zor_airbase", "government", "withdrew")}),
])
def test_a_place_a_name_possesses_is_the_place_not_its_possessor(run, text, want):
    assert run(text) == want


def test_who_was_lost_to_is_no_loser_and_a_shared_subject_repelled_is_no_defender(run):
    assert run("Hama was lost to the rebels.") == {("hama", "opposition", "captured")}
    assert run("Rebels attacked Qamhana but were repelled.") == {("qamhana", "opposition", "contested")}
    assert ("qamhana", "government", "repelled") in run("Rebels attacked Qamhana but were repelled, the army said.")


@pytest.mark.parametrize("text, want", [
    ("Rebels say they have cut the Homs-Hama road.", {("m5_highway", "opposition", "contested")}),
    ("Rebels cut the Hama-Homs highway.", {("m5_highway", "opposition", "contested")}),
    ("Rebels control the Homs-Tartus road.", set()),   # no such road in the gazetteer: no claim on Homs
    ("The SDF controls the Raqqa-Deir ez-Zor road.", set()),
    ("Rebels cut the Aleppo road.", set()),
])
def test_a_road_named_after_places_is_the_road_not_the_places(run, text, want):
    assert run(text) == want


def test_the_accused_did_it_and_the_accuser_says_so(read):
    got = {(c.place_id, c.actor, c.status, c.claimant_side)
           for c in read("The SDF accused Turkish-backed factions of attacking Manbij.")}
    assert got == {("manbij", "sna", "contested", "sdf")}
    got = {(c.place_id, c.actor, c.status, c.claimant_side) for c in read("Rebels accused the army of abandoning Hama.")}
    assert got == {("hama", "government", "withdrew", "opposition")}


@pytest.mark.parametrize("text, want", [
    ("Rebels took Saraqib. Aleppo fell within three days.", True),
    ("Rebels took Saraqib. Aleppo fell in a matter of hours.", True),
    ("Rebels took Saraqib. Hama fell on Thursday.", True),
    ("Rebels took Saraqib. Shells fell on Hama overnight.", False),
    ("Rebels took Saraqib. Rockets fell within the city limits of Hama.", False),
])
def test_a_place_fell_on_a_day_but_shells_fell_on_a_place(run, text, want):
    assert bool({c for c in run(text) if c[0] in ("aleppo", "hama")}) is want


def test_every_place_of_an_attack_turned_back_is_defended(run):
    want = {("kafr_naha", "government", "repelled"), ("khan_al_asal", "government", "repelled")}
    assert run('The army says attacks by "terrorist groups" on Kafr Naha and Khan al-Asal were repelled.') == want
    assert run("Attacks on Kafr Naha and Khan al-Asal were repelled, the army said.") == want


@pytest.mark.parametrize("text, side", [
    ("Damascus-based journalists said rebels had entered Homs.", "other"),   # where they work, not whose
    ("Ankara-based analysts said the SNA had taken Manbij.", "other"),
    ("Contrary to rebel claims, Morek remains under army control.", "outlet"),   # a noun, no speaker
    ("HTS fighters, who the government says are terrorists, entered Homs.", "outlet"),   # speaks for the insertion
])
def test_who_speaks_is_not_where_they_work_nor_a_noun_nor_an_insertions_speaker(read, text, side):
    assert {c.claimant_side for c in read(text)} == {side}


def test_the_latter_and_the_former_are_the_last_two_forces_named(run):
    assert run("HTS and the SNA advanced separately; the latter took Tal Rifaat.") == {("tal_rifaat", "sna", "captured")}
    assert ("hama", "opposition", "entered") in run(
        "Rebels and government forces fought for Hama. The former entered the city on Thursday.")
    assert run("The army, reinforced by the 25th Division (the former \"Tiger Forces\"), retook Qamhana.") == {
        ("qamhana", "government", "captured")}   # an adjective, no pronoun
    assert run("The former regime lost Hama.") == {("hama", "government", "failed_to_hold")}


@pytest.mark.parametrize("text, want", [
    ("Militants were driven out of Hama, the Russian defence ministry said.", ("hama", "government", "captured")),
    ("SDF fighters were expelled from Manbij, Ankara said.", ("manbij", "sna", "captured")),
    ("Tal Rifaat was liberated, the Turkish ministry said.", ("tal_rifaat", "sna", "captured")),
    ("Hama was captured, the army said.", ("hama", "government", "captured")),
])
def test_a_backer_announcing_an_agentless_gain_announces_its_allys(run, text, want):
    """Russia's or Turkey's word for a gain it names no agent for: the army's, the SNA's (actors.toml allies)."""
    got = run(text)
    assert want in got and not {c for c in got if c[1] in ("russia", "turkey") and c[2] == "captured"}


@pytest.mark.parametrize("text, want", [
    ("Rebels took Jaramana, a suburb of Damascus.", {("jaramana", "opposition", "captured")}),
    ("Rebels took Jaramana, a suburb of Damascus, and Harasta.",
     {("jaramana", "opposition", "captured"), ("harasta", "opposition", "captured")}),
    ("The army, not the rebels, controls Mahardah.", {("mahardah", "government", "controls")}),
    ("The SNA, unlike HTS, entered Manbij.", {("manbij", "sna", "entered")}),
])
def test_an_apposition_locating_a_place_and_a_force_ruled_out_claim_nothing(run, text, want):
    assert run(text) == want


def test_a_labelled_line_speaks_for_all_its_sentences(read):
    """A transcript: "we" in the commander's third sentence is not the SDF a journalist quoted before."""
    text = ("JOURNALIST: The SDF says it has entered the city of Deir ez-Zor.\n\n"
            "THE COMMANDER: We have heard this. If they stand in our way, they will meet what the regime met "
            "in Maarat al-Numan, which we liberated a week ago.")
    assert not [c for c in read(text) if c.place_id == "maarat_al_numan" and c.actor == "sdf"]


@pytest.mark.parametrize("text, want", [
    ("Madinat al-Baath, the Quneitra provincial centre, was taken over by rebels.",
     {("madinat_al_baath", "opposition", "captured")}),
    ("Madinat al-Baath, the provincial centre of Quneitra, was taken over on Saturday by rebels.",
     {("madinat_al_baath", "opposition", "captured")}),
    ("Saraqib, the Idlib town, was taken over by rebels.", {("saraqib", "opposition", "captured")}),
    ("Rebels now hold most of Daraa province, including the Nasib crossing.",
     {("daraa_governorate", "opposition", "controls"), ("nasib", "opposition", "controls")}),
])
def test_an_apposition_naming_a_place_as_an_adjective_is_no_list_item(run, text, want):
    assert run(text) == want


@pytest.mark.parametrize("text, want", [
    ("Rebels captured parts of Homs.", {("homs", "opposition", "entered")}),
    ("Rebels captured the outskirts of Homs.", {("homs", "opposition", "advancing")}),
    ("Rebels took the hills overlooking Hama.", {("hama", "opposition", "advancing")}),
    ("Rebels control parts of Daraa city.", {("daraa", "opposition", "contested")}),
    ("Rebels took the western districts of New Aleppo and Hamdaniyah.",
     {("new_aleppo", "opposition", "captured"), ("hamdaniyah_aleppo", "opposition", "captured")}),
])
def test_taking_part_of_a_place_is_not_taking_the_place(run, text, want):
    assert run(text) == want


@pytest.mark.parametrize("text, side", [
    ("Netanyahu said Israeli forces had seized Mount Hermon.", "israel"),
    ("Jolani said HTS fighters had entered Damascus.", "opposition"),
    ("Mazloum Abdi said the SDF still held Kobani.", "sdf"),
    ("Erdogan said the SNA had taken Tal Rifaat.", "turkey"),
])
def test_a_public_figure_speaks_for_the_side_actors_toml_gives_them(read, text, side):
    assert {c.claimant_side for c in read(text)} == {side}


def test_a_public_figure_is_no_force(run):
    assert run("Netanyahu visited Mount Hermon on Sunday.") == set()


def test_a_force_in_a_relative_insertion_is_not_the_subject(run):
    assert run("The insurgents, whom state media call terrorists, seized Aleppo.") == {("aleppo", "opposition", "captured")}
    assert run("The SDF, which the army fought for years, took Deir ez-Zor.") == {("deir_ez_zor", "sdf", "captured")}
    assert run("Rebels ambushed a government convoy near Homs.") == set()   # near, not in


def test_a_home_outlet_named_inside_the_outlets_name_owns_the_army(read):
    """"Army Radio" inside "Israeli Army Radio morning brief": "the military" and "our forces" are Israel's."""
    text = ("According to the military, troops are holding the summit. Outlets linked to Hezbollah go further "
            "and claim that our forces seized the Druze village of Hader.")
    got = {(c.place_id, c.actor) for c in read(text, "Israeli Army Radio morning brief", "2024-12-10")}
    assert got == {("hader", "israel")}


def test_mine_clearing_is_no_fight(run):
    assert run("SNA fighters entered Manbij. Mine-clearing teams began sweeping the town's streets.") == {
        ("manbij", "sna", "entered")}


def test_the_group_speaking_is_the_organisation_named_last(read):
    got = read("HTS released a video. In it, the group said its fighters had taken Homs.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in got} == {("homs", "opposition", "opposition")}


def test_a_part_named_after_a_place_is_not_the_place(run):
    """"Hama's airport", "Hama's countryside" are places of their own: no claim about Hama."""
    assert run("Rebels captured Hama's military airport.") == {("hama_airbase", "opposition", "captured")}
    assert run("Rebels captured villages in Hama's northern countryside.") == set()
    assert run("Rebels seized Aleppo's citadel.") == {("aleppo_citadel", "opposition", "captured")}


def test_a_force_then_held_is_no_rebel_held_compound(run):
    """"rebel-held X" names the force holding X; "the factions held X" is no such compound."""
    assert run("Residents of government-held Hama fled.") == {("hama", "government", "controls")}
    assert not any(actor == "opposition" for _, actor, _ in
                   run("Turkey-backed factions held Manbij on Monday."))


def test_an_attack_a_defence_turned_back_is_no_advance(run):
    """The attack "beat back" names (its attacker's words hyphen-suspended: "US- and
    Israeli-backed") is what was turned back, not an advance on the place."""
    assert run("Syrian army forces backed by allied air power beat back an attack by US- and Israeli-backed "
               "terrorists on the northern entrances of Homs.") == {("homs", "government", "repelled")}


def test_named_foreign_troops_are_their_country(run):
    assert run("US troops remain at bases in Hasakah province.") == {("al_hasakah_governorate", "us", "controls")}


def test_names_before_provinces_are_the_provinces(run):
    assert run("The SDF still controls large parts of Raqqa and Hasakah provinces.") == {
        ("raqqa_governorate", "sdf", "controls"), ("al_hasakah_governorate", "sdf", "controls")}


def test_a_passive_phrasal_verb_takes_its_by_agent(run):
    """"were driven out of X by Y": never the driven-out force's gain; Y's gain and the driven-out
    force's withdrawal."""
    assert run("Militants were driven out of Hama by the army.") == {
        ("hama", "government", "captured"), ("hama", "opposition", "withdrew")}


def test_a_part_of_a_place_lets_the_list_after_it_be_read(run):
    out = run("Rebels captured villages in Hama's northern countryside, including Souran and Taybat al-Imam.")
    assert out == {("souran", "opposition", "captured"), ("taybat_al_imam", "opposition", "captured")}


def test_only_a_plural_region_word_takes_the_names_before_it(run):
    """"Hasakah and Deir ez-Zor provinces" are two governorates; in "Homs and the Daraa
    countryside" only Daraa is."""
    got = run("The army is fighting terrorist groups in Hama, Homs and the Daraa countryside.")
    assert {p for p, _, _ in got} == {"hama", "homs", "daraa_governorate"}
    assert {p for p, _, _ in run("US troops remain at bases in Hasakah and Deir ez-Zor provinces.")} == {
        "al_hasakah_governorate", "deir_ez_zor_governorate"}


def test_the_countryside_of_a_city_is_no_claim_about_the_city(run):
    assert ("homs", "government", "withdrew") not in run("Government troops withdrew from positions in the Homs countryside.")
    assert run("Government troops withdrew from positions in the Homs countryside.") == {
        ("homs_governorate", "government", "withdrew")}


def test_our_forces_in_a_partys_statement_are_that_partys(read):
    """A communique series: the party named as speaker once, then "our forces" with no speaker."""
    out = read("The Military Operations Department announced the start of the battle. Communique No. 3: "
               "With God's help our forces have liberated Sheikh Aqil.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("sheikh_aqil", "opposition", "opposition")}
    assert read("Communique No. 3: With God's help our forces have liberated Sheikh Aqil.") == []


def test_an_addressee_before_we_is_no_speaker(read):
    """"To our Kurdish people in Sheikh Maqsoud we say": the speaker is "we" (the last speaker
    named), not the Kurds addressed."""
    out = read("The Military Operations Department announced the battle. To our Kurdish people in Sheikh "
               "Maqsoud we say: you are safe. Our fighters have liberated Hama airbase.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("hama_airbase", "opposition", "opposition")}


def test_according_to_inside_a_where_clause_speaks_for_that_clause(read):
    out = read("By Tuesday the rebels stood a few kilometres north of Hama, where, according to SANA, the army had "
               "rushed in reinforcements.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("hama", "opposition", "outlet")}


def test_a_coordinated_clause_is_no_trailing_speaker(read):
    out = read("Russian jets bombed Idlib, which the rebels have run since 2015, and the White Helmets report deaths.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("idlib", "opposition", "outlet")}


def test_a_possessed_part_in_a_list_is_no_claim_about_its_owner(run):
    assert run("The rebels had also taken the Nayrab airbase and Aleppo's international airport.") == {
        ("nayrab_airbase", "opposition", "captured"), ("aleppo_airport", "opposition", "captured")}
    assert run("The rebels had also taken the Nayrab airbase and Aleppo's central prison.") == {
        ("nayrab_airbase", "opposition", "captured")}


def test_a_long_trailing_speaker_is_the_speaker(read):
    out = read('"Manbij is now fully in the hands of our fighters," the Syrian National Army\'s Dawn of Freedom '
               'operations room said in a statement.')
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("manbij", "sna", "sna")}


def test_the_military_of_a_force_with_its_own_army_speaks_for_it(read):
    out = read("IDF troops took control of the Syrian side of Mount Hermon on Sunday, the military said.")
    assert {(c.place_id, c.actor, c.claimant_side, c.admission) for c in out} == {
        ("mount_hermon", "israel", "israel", False)}
    assert {c.claimant_side for c in read("Rebels captured Hama, the military said.")} == {"government"}


def test_a_passive_reporting_verb_names_no_speaker(read):
    out = read("Sheikh Miskin and Sanamayn were also reported to be in opposition hands.")
    assert {(c.place_id, c.claimant_side) for c in out} == {("sheikh_miskin", "outlet"), ("sanamayn", "outlet")}


def test_a_label_before_a_colon_names_the_speaker(read):
    out = read("Military source: terrorist groups reached the outskirts of Rastan.")
    assert {(c.place_id, c.actor, c.claimant, c.claimant_side) for c in out} == {
        ("rastan", "opposition", "Military source", "government")}
    assert {c.claimant_side for c in read("HOMS: rebels entered Rastan.")} == {"outlet"}


def test_a_countrys_ministry_is_that_countrys_side(read):
    """"the Turkish Ministry of Defence" speaks for Turkey, not for the government whose
    ministry shares the words."""
    out = read("The Turkish Ministry of Defence said Turkish-backed factions seized Tal Rifaat.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in out} == {("tal_rifaat", "sna", "turkey")}


def test_the_owner_after_of_is_the_speakers_side(read):
    got = read("The General Command of the Syrian Democratic Forces said Kurdish fighters had entered Manbij.")
    assert [(c.place_id, c.actor, c.claimant_side) for c in got] == [("manbij", "sdf", "sdf")]


def test_a_parenthesis_before_the_verb_is_not_the_speaker(read):
    got = read("Militants of Hayat Tahrir al-Sham (a terrorist organisation banned in the Russian Federation) "
               "announced that they had entered Damascus.")
    assert [(c.place_id, c.actor, c.claimant_side) for c in got] == [("damascus", "opposition", "opposition")]


@pytest.mark.parametrize("text, want", [
    # a force named inside a relative clause closed before the verb is not its subject
    ("Hezbollah, which fought at al-Qusayr alongside the Syrian army in 2013, has pulled its remaining advisers "
     "out of the town.", set()),
    ("The SDF, which had fought the army in 2016, has pulled its fighters out of Deir ez-Zor.",
     {("deir_ez_zor", "sdf", "withdrew")}),
    # nor does its time word date the clause after it
    ("The rebels, who had fought for years, said they had entered Hama.", {("hama", "opposition", "entered")}),
])
def test_a_relative_clause_closed_before_the_verb_is_aside(run, text, want):
    assert run(text) == want


def test_an_entry_with_no_object_is_into_the_opening_place(run):
    """"In X, troops entered on Monday and ...": X is where they entered; not when a relative
    pronoun is the object, nor when the opening is a time and the place comes after the phrase."""
    assert run("In Hama, rebel fighters entered on Thursday and raised their flag.") == {("hama", "opposition", "entered")}
    # (the provincial capital is the named province's: Daraa; never the province itself)
    assert run("In Daraa province, local factions now control the provincial capital, which they entered on Friday.") \
        == {("daraa", "opposition", "controls"), ("daraa", "opposition", "entered")}
    assert run("On Sunday morning the capital fell; Assad had already flown to Moscow, where he was granted asylum.") \
        == set()


@pytest.mark.parametrize("text, want", [
    # a body named like a force but none of the actors is no force (actors.toml `unaligned`)
    ("Sheikh Maqsoud remains under the protection of the Internal Security Forces (Asayish).",
     {("sheikh_maqsoud", "sdf", "controls")}),
    ("Jordanian troops were deployed near Nasib.", set()),
    ("The Lebanese army deployed along the border near Qusayr.", set()),
    ("The SDF said Sheikh Maqsoud remains under the protection of our Internal Security Forces.",
     {("sheikh_maqsoud", "sdf", "controls")}),
])
def test_an_unaligned_body_is_no_force(run, text, want):
    assert run(text) == want


@pytest.mark.parametrize("text, claim", [
    # a force's border guards and its Revolutionary Guard officers
    ("Lebanese security sources said Syrian border guards had left the Jdeidet Yabous post overnight.",
     ("jdeidet_yabous_crossing", "government", "withdrew")),
    ("Iranian Revolutionary Guard officers left al-Mayadin toward the Iraqi border.", ("mayadin", "iran", "withdrew")),
    # a year in the speaker's apposition does not date what the speaker says
    ("Commanders of the Southern Operations Room, a coalition that signed deals with the government in 2018, "
     "said army units had left Daraa.", ("daraa", "government", "withdrew")),
    # a list after a place located by a name the gazetteer lacks
    ("The SDF controls most of Syria east of the Euphrates, including Raqqa, Hasakah and Qamishli.",
     ("qamishli", "sdf", "controls")),
    # a first item that names no place, and an apposition after an item, do not end the list
    ("Insurgents swept through Aleppo, seizing government buildings, Aleppo International Airport and the citadel.",
     ("aleppo_airport", "opposition", "captured")),
    ("The fighters have taken Saraqib, a town at the junction of the M4 and M5 highways, as well as Maaret al-Numan "
     "and Khan Sheikhoun.", ("khan_shaykhun", "opposition", "captured")),
    ("Rebels captured Aleppo on Nov. 29-30, Hama on Dec. 5 and Homs on Dec. 8.", ("homs", "opposition", "captured")),
    # held since a year is held still
    ("Sheikh Maqsoud, which is still held by the SDF, is calm.", ("sheikh_maqsoud", "sdf", "controls")),
    # retaining a base, a base of its own, no presence left, on the road to a place
    ("Russia retains its naval facility at Tartus and Hmeimim air base near Latakia.", ("hmeimim_airbase", "russia", "controls")),
    ("Moscow said there was no threat to its bases at Hmeimim and Tartus.", ("hmeimim_airbase", "russia", "controls")),
    ("A spokesman said the regime no longer has any presence in Suwayda.", ("as_suwayda", "government", "withdrew")),
    ("Tonight the rebels are on the road south towards Homs.", ("homs", "opposition", "advancing")),
])
def test_more_everyday_phrasings(run, text, claim):
    assert claim in run(text)


@pytest.mark.parametrize("text", [
    "Aleppo had been fully under government control since 2016, when the army retook the city.",
    "About 900 U.S. troops remain in Syria alongside the SDF, plus a garrison at al-Tanf.",
    "Police set up checkpoints on the road to Homs.",
    # an apposition whose place is not right before it describes nothing here
    "The insurgents control Aleppo, except the neighborhoods of Sheikh Maqsoud and Ashrafieh, which are held by Kurds.",
])
def test_more_statements_that_are_no_such_claim(run, text):
    got = run(text)
    assert not {c for c in got if c[2] == "controls" and c[1] != "opposition"} and not {
        c for c in got if c[0] == "homs" or c[0] == "al_tanf"}, got


def test_two_forces_joined_by_and_are_two_phrases(run):
    """"between the Syrian army and terrorists": the terrorists are not the army's, so "the
    terrorists" later are the rebels."""
    got = run("Clashes continued between the Syrian army and terrorists in Saraqib. "
              "The terrorists, who overran Anjara on the first day, have since pushed toward Aleppo.")
    assert ("anjara", "opposition", "captured") in got and not {c for c in got if c[1] == "government" and c[0] != "saraqib"}


@pytest.mark.parametrize("text, want", [
    # "by" and a name that is no force: a participle's agent, not a force further on
    ("Israeli troops took over Mount Hermon on Sunday. Residents of Qatana reached by N24 said they had seen no "
     "Israeli forces in the town.", {("mount_hermon", "israel", "captured")}),
    ("Palmyra falls to US-backed fighters moving up from al-Tanf.", {("palmyra", "opposition", "captured")}),
    ("Mount Hermon was abandoned by Syrian army soldiers on Saturday.", {("mount_hermon", "government", "withdrew")}),
])
def test_the_agent_after_by_is_right_after_it(run, text, want):
    assert run(text) == want


def test_a_clause_after_comma_and_has_its_own_subject(run):
    """", and the Rmeilan fields are under SDF control": not the Conoco plant named before."""
    got = run("US troops are stationed at the Conoco gas plant, and the Rmeilan fields are also under SDF control.")
    assert got == {("conoco_gas_field", "us", "controls"), ("rmeilan_oil_fields", "sdf", "controls")}


@pytest.mark.parametrize("text, want, unwanted", [
    # an entry with no object after a withdrawal in the same clause is into the place left
    ("Regime forces pulled out of Deir Hafer on Monday, and units of the SDF moved in to protect residents.",
     ("deir_hafer", "sdf", "entered"), None),
    # not an object that is no place, a relative clause, an earlier entry, or past a semicolon
    ("The General Command said its units had redeployed outside Hama after militants breached several defensive lines.",
     ("hama", "government", "withdrew"), ("hama", "opposition", "entered")),
    ("The SDF had left Deir ez-Zor, five days after moving in as government troops fled.",
     ("deir_ez_zor", "sdf", "withdrew"), ("deir_ez_zor", "sdf", "entered")),
    ("In Hama on 5 December, the army announced that its units had redeployed outside the city; in Homs two days later, "
     "soldiers abandoned their checkpoints before the rebels arrived.",
     ("hama", "government", "withdrew"), ("hama", "opposition", "entered")),
])
def test_moving_in_after_a_withdrawal(run, text, want, unwanted):
    got = run(text)
    assert want in got and unwanted not in got, got


@pytest.mark.parametrize("text, want, unwanted", [
    # an area "that includes" a list: each place of it
    ("The Turkish-backed SNA holds a strip of territory along the Turkish border that includes Afrin, Azaz and Jarablus.",
     ("jarabulus", "sna", "controls"), None),
    # "but" and a verb goes on with the subject, past a subordinate clause of another force
    ("The SDF took over Deir ez-Zor city after government forces withdrew on Dec. 6 but pulled out on Tuesday.",
     ("deir_ez_zor", "sdf", "withdrew"), None),
    ("As government lines collapsed around Aleppo, SDF units entered Nubl and al-Zahraa, but withdrew from both towns "
     "within days.", ("nubl", "sdf", "withdrew"), ("nubl", "government", "withdrew")),
])
def test_lists_and_subjects_carried_on(run, text, want, unwanted):
    got = run(text)
    assert want in got and unwanted not in got, got


@pytest.mark.parametrize("text, want", [
    # a force's name that only modifies a noun ("government positions") is no antecedent of "it"
    ("A coalition led by HTS attacked government positions west of Aleppo. Within days it had taken Aleppo, and on "
     "5 December it captured Hama.", {("aleppo", "opposition", "captured"), ("hama", "opposition", "captured")}),
    ("HTS has long said it wants to stop government drone and artillery attacks on Idlib, which it has controlled "
     "since 2017.", {("idlib", "opposition", "controls")}),
])
def test_a_force_named_as_a_modifier_is_no_antecedent(run, text, want):
    assert run(text) == want


@pytest.mark.parametrize("text, claim", [
    ("Rebels entered the Shi'ite towns of Nubl and al-Zahraa.", ("zahraa", "opposition", "entered")),
    ("Rebels entered the Alawite villages of Nubl and al-Zahraa.", ("nubl", "opposition", "entered")),
    ("Jets struck Idlib city, which has been run by an HTS-backed administration.", ("idlib", "opposition", "controls")),
    ("The Semalka crossing, the main link with SDF-run Qamishli, was operating normally.", ("qamishli", "sdf", "controls")),
    ("In northern Syria, jihadists and rebels launch a surprise offensive on Aleppo", ("aleppo", "opposition", "contested")),
    ("The U.S.-led coalition, which keeps troops at the al-Omar oil field, has not commented.",
     ("al_omar_oil_field", "us", "controls")),
    ("Turkey maintains a dozen military posts in Idlib.", ("idlib", "turkey", "controls")),
    ("By evening, some fighters had pushed to the edge of Urum al-Kubra, according to SOHR.",
     ("urum_al_kubra", "opposition", "advancing")),
    ("Russian troops remained inside the Hmeimim air base, and the Russian flag still flew over the naval facility at Tartus.",
     ("tartus_naval_base", "russia", "controls")),
    ("Aleppo slips from Assad's grip as opposition sweeps into the city centre", ("aleppo", "government", "failed_to_hold")),
])
def test_more_phrasings_from_the_second_set(run, claim, text):
    assert claim in run(text)


def test_them_after_people_named_is_the_people(run):
    """"... to protect displaced Kurds, and was organising convoys to take them east": the Kurds."""
    got = run("The SDF said it had pulled its fighters out of Tal Rifaat to protect tens of thousands of displaced "
              "Kurds, and was organising convoys to take them east to Tabqa.")
    assert got == {("tal_rifaat", "sdf", "withdrew")}


@pytest.mark.parametrize("text, claim", [
    ("SOHR said there were heavy clashes between the fighters and regime forces around Saraqib.",
     ("saraqib", "opposition", "contested")),
    ("Fighters had been seen on the western outskirts of Deir ez-Zor.", ("deir_ez_zor", "opposition", "advancing")),
    ("US forces keep about 900 troops at al-Tanf.", ("al_tanf", "us", "controls")),
])
def test_clashes_sightings_and_the_us(run, text, claim):
    assert claim in run(text)


def test_a_ceasefire_between_two_parties_names_no_fighter(run):
    got = run("Fighting has erupted in Saraqib for the first time in years, on the same day a ceasefire between "
              "Israel and Hezbollah took effect in Lebanon.")
    assert not {c for c in got if c[1] == "israel"}


@pytest.mark.parametrize("text, claim, claimant", [
    # a relative clause with its speaker between "which" and the verb
    ("Rebels shelled Saraqib, which the army said it still held.", ("saraqib", "government", "controls"), "government"),
    ("Hama, which the rebels say they captured on Thursday, was calm.", ("hama", "opposition", "captured"), "opposition"),
    # and the speaker of such a clause is not the speaker of the clause before it
    ("Rebels seized Hama, which the army denied it had lost.", ("hama", "opposition", "captured"), "outlet"),
])
def test_a_relative_clause_with_its_speaker(read, text, claim, claimant):
    got = {(c.place_id, c.actor, c.status): c.claimant_side for c in read(text)}
    assert got.get(claim) == claimant, got


@pytest.mark.parametrize("text, want", [
    # "both", "the two towns" with no claim before them: the list of that many places named before
    ("The road south runs to Rastan and Talbiseh, two towns that rose early; fighters said they had taken both.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("Most residents left Nubl and al-Zahraa before armed opposition groups entered the two towns on Sunday.",
     {("nubl", "opposition", "entered"), ("zahraa", "opposition", "entered")}),
    # not a list of where people came from, nor a list of another count
    ("Envoys from Damascus and Amman met as rebels captured both towns.", set()),
    ("Rebels reached Hama, Homs and Rastan and captured both towns.", {("hama", "opposition", "entered"),
                                                                       ("homs", "opposition", "entered"),
                                                                       ("rastan", "opposition", "entered")}),
])
def test_a_counted_anaphor_is_the_list_of_that_count(run, text, want):
    assert run(text) == want


@pytest.mark.parametrize("text, want, unwanted", [
    # found by an independent review: the same words in another meaning
    ("Aleppo, held by the army since 2016, fell to rebels on Friday.", ("aleppo", "opposition", "captured"),
     ("aleppo", "government", "controls")),
    ("Government forces pulled out of Aleppo and moved in to secure Hama.", ("aleppo", "government", "withdrew"),
     ("aleppo", "government", "entered")),
    ("The army lost Hama on Thursday, shortly before Russian military police arrived.", ("hama", "government", "failed_to_hold"),
     ("hama", "russia", "entered")),
    ("Rebels took Saraqib and Maarat al-Numan, but residents said government forces recaptured them hours later.",
     ("saraqib", "government", "captured"), None),
    ("Kurdish fighters control the Ashrafieh district of Aleppo.", None, ("aleppo", "sdf", "controls")),
    ("The rebels captured two generals, Hama residents said.", None, ("hama", "opposition", "captured")),
    ("Rebels captured Saraqib, a town on the M5 highway, and Hama came under heavy shelling.",
     ("saraqib", "opposition", "captured"), ("hama", "opposition", "captured")),
    ("Aleppo, Hama, and the city of Homs are now under rebel control.", ("aleppo", "opposition", "controls"), None),
    ("Hama has not slipped from the army's grip, state media said.", None, ("hama", "government", "failed_to_hold")),
    ("Heavy fighting was reported around Manbij, between the SNA and the SDF.", ("manbij", "sna", "contested"), None),
    ("Clashes between Turkish-backed groups in Afrin and the SDF flared near Tal Rifaat.", None,
     ("afrin", "sna", "contested")),
    ("Hama was recaptured by Syrian and Russian forces on Friday.", ("hama", "russia", "captured"), None),
    ("Reports regarding the army's withdrawal from Hama are accurate, but claims that Homs has fallen are false.",
     ("hama", "government", "withdrew"), None),
    ("The entry of the rebels into Hama will change the course of the war, analysts said.",
     ("hama", "opposition", "entered"), None),
    ("Russian troops have pulled out of their bases at Qamishli.", ("qamishli", "russia", "withdrew"),
     ("qamishli", "russia", "controls")),
    ("The army advanced north of Hama, retaking several villages.", None, ("hama", "government", "advancing")),
    ("A video purporting to show fighters inside Hama was fake, the army said.", None, ("hama", "opposition", "entered")),
    ("In Beirut, Hezbollah officials said rebel fighters had entered on Sunday.", None, ("beirut", "opposition", "entered")),
    ("HTS attacks on Hama intensified, and by Thursday it had entered the city.", ("hama", "opposition", "entered"), None),
])
def test_what_the_review_found(run, text, want, unwanted):
    got = run(text)
    assert (want is None or want in got) and unwanted not in got, got


def test_a_body_of_no_actor_speaks_for_no_side(read):
    got = read("The Lebanese army said Syrian troops had withdrawn from Jdeidet Yabous.")
    assert [(c.place_id, c.actor, c.claimant_side, c.admission) for c in got] == [
        ("jdeidet_yabous_crossing", "government", "other", False)]


@pytest.mark.parametrize("text, want", [
    # a city's outskirts reached: an advance on the city, as "the northern outskirts of Hama" is
    ("Rebels reached Hama's northern outskirts on Thursday.", {("hama", "opposition", "advancing")}),
    ("A spokesperson for the Military Operations Command, which took Homs' northern approaches this week, spoke.",
     {("homs", "opposition", "advancing")}),
    ("Rebels reached the northern outskirts of Hama on Thursday.", {("hama", "opposition", "advancing")}),
    # a part that is no approach is still no claim about the city
    ("Rebels captured Aleppo's international airport.", {("aleppo_airport", "opposition", "captured")}),
])
def test_a_citys_outskirts_are_an_advance_on_it(run, text, want):
    assert run(text) == want


def test_a_backer_is_no_antecedent(read):
    """"The SDF, backed by Washington, said their fighters had deployed": the SDF's fighters."""
    got = read("The Kurdish-led Syrian Democratic Forces (SDF), backed by Washington, said their fighters had deployed "
               "in Deir Ezzor city.")
    assert [(c.place_id, c.actor, c.claimant, c.claimant_side) for c in got] == [("deir_ez_zor", "sdf", "SDF", "sdf")]


def test_what_a_battle_turned_on_is_no_advance(run):
    """"turned on" a place is what a battle depended on; forces turn towards a place."""
    assert run("Rebels took Aleppo. The battle for Hama turned on a ridge north of the city.") == {
        ("aleppo", "opposition", "captured")}
    assert ("hama", "opposition", "advancing") in run("The rebels then turned south towards Hama.")


def test_a_force_named_inside_a_parenthesis_is_no_antecedent(read):
    """"it" after the bracket is the speaker before it, not the country named inside it."""
    got = read("HTS (a group banned in Russia) announced it had captured Saraqib.")
    assert [(c.place_id, c.actor, c.claimant_side) for c in got] == [("saraqib", "opposition", "opposition")]
    got = read("The Turkish-backed Syrian National Army (SNA) held Tell Rifaat, which it seized from the SDF.")
    assert ("tal_rifaat", "sna", "captured") in {(c.place_id, c.actor, c.status) for c in got}


@pytest.mark.parametrize("text, want", [
    # another name of the speaker in brackets says whose it is, and stays in the name
    ("In Aleppo, the Internal Security Forces (Asayish) said Sheikh Maqsoud remains under their protection.",
     ("sheikh_maqsoud", "sdf", "sdf", "the Internal Security Forces (Asayish)")),
    ("The Syrian Democratic Forces (SDF) said they had withdrawn from Deir ez-Zor.",
     ("deir_ez_zor", "sdf", "sdf", "The Syrian Democratic Forces (SDF)")),
])
def test_a_name_in_brackets_after_the_speaker_is_the_speakers(read, text, want):
    assert [(c.place_id, c.actor, c.claimant_side, c.claimant) for c in read(text)] == [want]


def test_a_sides_word_for_its_enemies_is_never_its_own_force(run):
    """The SDF's "mercenary factions" are not the SDF (nor, unnamed, anyone the tool could name)."""
    got = run("The General Command of the Syrian Democratic Forces said the mercenary factions overran Fafin.")
    assert ("fafin", "sdf", "captured") not in got


def test_a_surname_speaks_for_the_side_of_the_person_named_in_full_before(read):
    claims = read("Major General Igor Konashenkov, spokesman of the Russian Defence Ministry, told reporters in Moscow. "
                  "Konashenkov said Syrian troops had repelled an assault on Morek.")
    assert [(c.place_id, c.claimant, c.claimant_side) for c in claims] == [("morek", "Konashenkov", "russia")]
    (c,) = read("Lister said the rebels had taken Hama.")   # no one of that name before: no side
    assert c.claimant_side == "other"


def test_a_time_before_a_label_is_not_the_label(read):
    (c,) = read("[21:10] Military Operations Command: our forces entered Homs.")
    assert (c.place_id, c.actor, c.claimant, c.claimant_side) == ("homs", "opposition", "Military Operations Command",
                                                                   "opposition")


def test_the_army_in_the_israeli_press_is_israels_army(read):
    """actors.toml `home_outlets`: in the voice of Israel's press, "the army" is the IDF; quoted
    Syrian sources and other outlets keep theirs."""
    def claims(outlet, text):
        return {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text, outlet, "2024-12-08")}

    text = "The army seized the Syrian side of Mount Hermon on Sunday."
    assert claims("Times of Israel", text) == {("mount_hermon", "israel", "captured", "outlet")}
    assert claims("Reuters", text) == {("mount_hermon", "government", "captured", "outlet")}
    assert claims("Haaretz", "The army said its troops had taken up positions on Mount Hermon.") == {
        ("mount_hermon", "israel", "entered", "israel")}
    assert claims("Haaretz", "The Syrian army withdrew from Quneitra, residents said.") == {
        ("quneitra", "government", "withdrew", "other")}
    assert claims("Kan News", "Troops of the 210th Division entered the abandoned city of Quneitra.") == {
        ("quneitra", "israel", "entered", "outlet")}


def test_a_passive_clause_after_and_is_about_its_own_subject_not_the_list_before(run):
    assert run("Saraqib and Maarat al-Numan fell to HTS and Hama was encircled.") == {
        ("saraqib", "opposition", "captured"), ("maarat_al_numan", "opposition", "captured"),
        ("hama", "opposition", "advancing")}
    assert run("Saraqib, Hama and Homs were taken by the rebels.") == {
        ("saraqib", "opposition", "captured"), ("hama", "opposition", "captured"), ("homs", "opposition", "captured")}


def test_a_time_label_is_no_part_of_the_speaker(read):
    """A live blog's "14:40 - X says": the speaker is X."""
    c = read("14:40 - Israel's military says it has moved troops into the buffer zone on the Golan Heights.")
    assert [(x.place_id, x.actor, x.claimant, x.claimant_side) for x in c] == [
        ("golan_buffer_zone", "israel", "Israel's military", "israel")]


def test_the_states_names_stand_for_the_new_authorities_from_their_era(read):
    """actors.toml [[eras]]: a report dated after the era began reads "government forces" as the
    HTS-led authorities; one dated before, as Assad's; "loyalists" are Assad's either way."""
    def claims(date, text):
        return {(c.place_id, c.actor, c.status) for c in read(text, "Wire", date)}

    retook = "Government forces retook Jableh after a day of fighting."
    assert claims("2024-12-02", retook) == {("jableh", "government", "captured")}
    assert claims("2025-03-09", retook) == {("jableh", "opposition", "captured")}
    attacked = "Loyalist gunmen attacked checkpoints in Baniyas overnight."
    assert claims("2025-03-09", attacked) == claims("2024-12-02", attacked) == {("baniyas", "government", "contested")}


@pytest.mark.parametrize("era,message", [
    ('from = "2025-13"\n[eras.names]\nopposition = ["army"]', r"\[\[eras\]\] from '2025-13' is no date"),
    ('from = "2025-01-01"\n[eras.names]\nnarnia = ["army"]', r"\[\[eras\]\] names 'narnia', which is no actor"),
    ('from = "2025-01-01"\nnames = 3', r"'names' in an \[\[eras\]\] table must be a table"),
])
def test_a_bad_era_fails_with_file_and_line(tmp_path, era, message):
    from geo.errors import VocabularyError

    text = (ROOT / "geo" / "data" / "actors.toml").read_text(encoding="utf-8")
    start, end = text.index("[[eras]]"), text.index("[anaphora]")
    (tmp_path / "actors.toml").write_text(text[:start] + "[[eras]]\n" + era + "\n\n" + text[end:], encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"actors\.toml( line \d+)?: " + message):
        ClaimVocabulary(tmp_path)


def test_a_clause_after_and_keeps_its_own_place(run):
    assert run("Rebels seized Tal Rifaat on Sunday and Manbij fell to the SNA on Monday.") == {
        ("tal_rifaat", "opposition", "captured"), ("manbij", "sna", "captured")}


def test_a_relative_pronoun_speaks_for_the_phrase_before_it(read):
    """"..., who insist ...": the speakers are the phrase before the comma."""
    c = read("Reporters spoke to rebel commanders, who insist their units still hold Qamhana.")
    assert [(x.place_id, x.actor, x.status, x.claimant, x.claimant_side) for x in c] == [
        ("qamhana", "opposition", "controls", "rebel commanders", "opposition")]


def test_our_forces_in_an_outlets_own_voice_are_the_force_its_name_names(read):
    """A state outlet's ticker ("SANA", "state TV" are government names): "our forces" are the
    government's; in an outlet whose name names no force they are no one's."""
    def claims(outlet, text):
        return {(c.place_id, c.actor, c.status) for c in read(text, outlet, "2024-12-02")}

    text = "Our forces repel an attack by terrorist groups on Maardes."
    assert claims("Syrian state TV", text) == {("maardes", "government", "repelled")}
    assert claims("Reuters", text) == set()


def test_its_own_forces_set_against_another_force_are_the_speakers(read):
    """"X said SDF fighters had left and its own forces had entered": "its own" is the speaker's."""
    out = read("On Tuesday the Military Operations Command said SDF fighters had pulled out of Manbij and that its own "
               "forces had entered the town.")
    assert ("manbij", "opposition", "entered") in {(c.place_id, c.actor, c.status) for c in out}
    assert ("manbij", "sdf", "entered") not in {(c.place_id, c.actor, c.status) for c in out}


def test_a_noun_of_a_force_keeps_the_nouns_number(run):
    """"Factions of the Syrian National Army say they ...": plural, so "they" are the factions, not
    the plural force of the sentence before."""
    assert run("The SDF said government troops pulled out of Deir ez-Zor. Turkish-backed factions of the Syrian "
               "National Army say they have pushed into Manbij from the north.") >= {("manbij", "sna", "entered")}
    assert ("manbij", "government", "entered") not in run(
        "Government troops left Tabqa. Units of the SNA say they have pushed into Manbij.")


def test_the_terrorists_are_the_enemy_its_side_names_so(read):
    """actors.toml `enemy`: in the voice of Turkish sources or press, "the terrorists" are the SDF;
    a force named in the phrase or before it still decides; in a neutral voice, the default."""
    def claims(text, outlet="Reuters"):
        return {(c.place_id, c.actor, c.status) for c in read(text, outlet, "2024-12-08")}

    assert claims("Terrorist elements fled Manbij, the sources added.", "Daily Sabah") == {("manbij", "sdf", "withdrew")}
    fled = "The SNA entered Manbij after the terrorists fled the city, Turkish security sources said."
    assert claims(fled) == {("manbij", "sna", "entered"), ("manbij", "sdf", "withdrew")}
    assert claims("Terrorist groups attacked Tal Rifaat overnight.", "Daily Sabah") == {("tal_rifaat", "sdf", "contested")}
    assert claims("Terrorist groups attacked Tal Rifaat overnight.") == {("tal_rifaat", "opposition", "contested")}
    assert claims("HTS terrorists attacked Tal Rifaat overnight.", "Daily Sabah") == {
        ("tal_rifaat", "opposition", "contested")}
    assert claims("The army said the terrorists had been driven out of Hama.") >= {("hama", "opposition", "withdrew")}


def test_an_enemy_that_is_no_actor_fails_with_file_and_line(tmp_path):
    from geo.errors import VocabularyError

    text = (ROOT / "geo" / "data" / "actors.toml").read_text(encoding="utf-8")
    (tmp_path / "actors.toml").write_text(text.replace('enemy = "sdf"', 'enemy = "narnia"', 1), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"actors\.toml line \d+: \[actors\.sna\] enemy: 'narnia'"):
        ClaimVocabulary(tmp_path)


def test_a_time_word_before_a_list_of_subjects_keeps_the_list(run):
    assert run("Today Aleppo, Hama and Homs are held by the rebels.") == {
        ("aleppo", "opposition", "controls"), ("hama", "opposition", "controls"), ("homs", "opposition", "controls")}


def test_a_unit_named_by_number_alone_is_no_ones(run):
    """"Troops of the 210th Division": whose division is not said; no claim rather than a guess."""
    assert run("Troops of the 210th Division entered the abandoned city of Quneitra.") == set()


def test_a_source_inside_a_relative_clause_speaks_for_that_clause(read):
    """"The groups, which are backed by the United States according to Syrian officials, overran
    X": the officials speak for the backing; "United States" holds no reporting verb."""
    (c,) = read("The takfiri groups, which are backed by the United States, Israel and Turkey according to Syrian "
                "officials, overran the city of Aleppo last week.")
    assert (c.place_id, c.actor, c.claimant_side) == ("aleppo", "opposition", "outlet")
    (c,) = read("The defence ministry states that the army took Hama.")
    assert (c.claimant, c.claimant_side) == ("The defence ministry", "government")


def test_the_subject_of_a_reported_clause_carries_on_after_and(read):
    """"Sources told TASS that army units had abandoned Homs and pulled back": the army pulled
    back ("that" opens what is reported, not a relative clause); TASS, spoken to, does nothing."""
    out = read("Syrian military sources told TASS that army units had abandoned Homs before dawn and pulled back "
               "towards the coast.", "TASS", "2024-12-08")
    assert {(c.place_id, c.actor, c.status) for c in out} == {("homs", "government", "withdrew")}


def test_a_signed_statement_speaks_for_its_signatory(read):
    """A statement whose last line only names a force, or whose title is a force's statement:
    its unattributed claims and its "our forces" are that force's."""
    signed = ("Our forces withdrew from Deir ez-Zor to the eastern bank of the Euphrates.\n"
              "The mercenaries of the occupation occupied Tal Rifaat.\n\n"
              "General Command of the Syrian Democratic Forces")
    got = {(c.place_id, c.actor, c.status, c.claimant_side, c.admission) for c in read(signed, "Wire", "2024-12-12")}
    assert got == {("deir_ez_zor", "sdf", "withdrew", "sdf", True), ("tal_rifaat", "sna", "captured", "sdf", True)}
    dashed = "Syrian National Army - Ministry of Defence | Official statement\n\nOur forces took control of Tal Rifaat."
    assert {(c.place_id, c.actor, c.claimant_side) for c in read(dashed, "Wire", "2024-12-09")} == {
        ("tal_rifaat", "sna", "sna")}
    titled = ("Statement from the General Command of the Syrian Democratic Forces\n\n"
              "Our forces have taken control of Qamishli.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in read(titled, "Wire", "2024-12-12")} == {
        ("qamishli", "sdf", "sdf")}
    news = "Rebels took Hama on Thursday.\n\nReporting by the Syrian Democratic Forces desk, edited by a wire"
    assert {c.claimant_side for c in read(news)} == {"outlet"}   # a credit line is no signature
    titled_last = "Rebels said the army fled.\n\nKurdish Forces Hold Kobani"
    assert {c.claimant for c in read(titled_last)} == {"Test Wire"}   # a title-case line that claims is no signature
    headline = "Rebels said the army fled.\n\nRebels mop up Aleppo."
    assert {c.claimant for c in read(headline)} == {"Test Wire"}   # a last line that is a sentence is no signature


def test_our_forces_speak_for_every_clause_of_their_sentence(read):
    out = read("The Military Operations Command announced the battle. Our forces have entered the city of Aleppo "
               "from several axes and have taken control of the neighbourhood of New Aleppo.")
    assert {(c.place_id, c.claimant_side) for c in out} == {("aleppo", "opposition"), ("new_aleppo", "opposition")}


def test_a_participle_after_a_comma_is_the_main_subjects(read):
    """"X continued to confront the terrorists, repelling an attack on Y": X repels, not the
    terrorists; "our armed forces" in a state agency's voice are the state's."""
    out = read("Units of our armed forces continued on Tuesday to confront the terrorist organisations, repelling "
               "a broad attack launched by terrorist groups from several axes towards the towns of Souran.", "SANA",
               "2024-12-03")
    assert {(c.place_id, c.actor, c.status) for c in out} == {("souran", "government", "repelled")}


def test_a_leading_day_is_no_part_of_the_speaker(read):
    (c,) = read("On Wednesday the army said it had repelled repeated attacks on Jabal Zayn al-Abidin.")
    assert (c.claimant, c.claimant_side) == ("the army", "government")


def test_people_who_flee_borrow_no_force_from_the_sentence_before(run):
    assert run("Rebels pushed back an attack near Saraqib. Thousands of residents of Hama fled south on Thursday.") == {
        ("saraqib", "opposition", "repelled")}


def test_after_an_after_clause_and_a_comma_the_main_subject_goes_on(run):
    """"X took A after Y withdrew, and reached B": X reached B; without the comma the clause's
    own subject goes on ("after the groups managed to breach ... and enter the city")."""
    assert run("HTS took over Maarat al-Numan after regime forces withdrew, and reached the outskirts of Morek.") >= {
        ("morek", "opposition", "advancing"), ("maarat_al_numan", "government", "withdrew")}
    assert ("hama", "opposition", "entered") in run(
        "Army units redeployed outside Hama after terrorist groups managed to breach its defences and enter the city.")


def test_a_list_items_label_is_its_place(run):
    """A numbered item or ticker line "<place> — ..." / "<place>: ...": the label is what a claim
    with no place of its own is about."""
    assert run("1. Damascus \u2014 opposition forces in control of the capital.") == {
        ("damascus", "opposition", "controls")}
    assert run("4. Hmeimim: Russian forces still inside the base.") == {("hmeimim_airbase", "russia", "controls")}
    assert run("Aleppo: rebels say the army shelled villages overnight.") == set()


def test_the_noun_a_relative_clause_defines_is_not_the_one_named_before(run):
    """"the armed factions that took the city": defined by the clause, not the SNA factions of
    the sentence before."""
    got = run("SNA factions took Tal Rifaat. The SDF said talks with the armed factions that took Aleppo were ongoing.")
    assert ("aleppo", "opposition", "captured") in got and ("aleppo", "sna", "captured") not in got


def test_holdings_listed_under_a_heading_are_that_forces(read):
    """"SDF holds:" over bullet lines (a map desk's note, a factbox): each line's first place is
    the force's; a line that is no item ends the list; a heading naming no force gives nothing."""
    text = ("Map desk note\n\nSDF holds:\n- Sheikh Maqsoud district of Aleppo.\n- Manbij.\n\n"
            "Government holds:\n- Hama city.\n- Homs.\nSaraqib was quiet.\n- Idlib.\n\n"
            "Local notables hold:\n- Salamiyah.\n")
    got = {(c.place_id, c.actor, c.status) for c in read(text)}
    assert got == {("sheikh_maqsoud", "sdf", "controls"), ("manbij", "sdf", "controls"),
                   ("hama", "government", "controls"), ("homs", "government", "controls")}


def test_the_groups_fighters_in_a_groups_words_are_its_own(run):
    """"An SDF official said the group's fighters ...": the SDF (a proper name ending in "Forces"
    is one organisation), not the force of the sentence before."""
    assert run("SNA factions attacked Tal Rifaat on Saturday. An official of the Kurdish-led Syrian Democratic Forces "
               "(SDF) said the group's fighters were holding Tal Rifaat.") >= {("tal_rifaat", "sdf", "controls")}
    assert run("Rebels took Hama. A senior SDF commander said on Sunday that the group's fighters had left Tel "
               "Rifaat.") == {("hama", "opposition", "captured"), ("tal_rifaat", "sdf", "withdrew")}


def test_a_change_of_hands_borrows_no_force(run):
    """"control of the city changed hands on 11 December": to whom is not said, so no force is
    taken from the claim before (claims.toml `borrows = false`)."""
    assert run("The SNA took Manbij. Access to Deir ez-Zor has been intermittent since the city changed hands on "
               "11 December.") == {("manbij", "sna", "captured")}
    assert ("deir_ez_zor", "sdf", "captured") in run("Deir ez-Zor changed hands on Friday, passing to the SDF.") | run(
        "Deir ez-Zor changed hands to the SDF on Friday.")


def test_a_forces_command_is_that_forces(read):
    (c,) = read("The SDF General Command said its forces had evacuated Tal Rifaat to protect civilians.")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("tal_rifaat", "sdf", "withdrew", "sdf")


def test_a_place_label_is_no_speaker(read):
    """"- Damascus city: ..." is the line's place, not the government speaking (no admission)."""
    [c] = read("- Damascus city: HTS-led forces in control since 08/12.")
    assert (c.place_id, c.actor, c.status, c.claimant_side, c.admission) == \
        ("damascus", "opposition", "controls", "outlet", False)


def test_what_a_defence_turned_back_is_no_fight_of_its_own(run):
    """"repelled an attack on its positions near X": the defender's claim only."""
    assert run("The army repelled an attack on its positions near Zarbah.") == {("zarbah", "government", "repelled")}


def test_a_bulleted_place_label_is_no_speaker(read):
    """"- Damascus: ..." is the place the line is about, not Damascus (the government) speaking."""
    [c] = read("- Damascus: Rebel fighters entered the capital in the early hours of Sunday.")
    assert (c.place_id, c.actor, c.status, c.claimant_side, c.admission) == \
        ("damascus", "opposition", "entered", "outlet", False)


def test_rural_x_is_the_countryside_not_the_city(run):
    """"northern rural Hama" is the governorate's countryside: no claim on the city of Hama."""
    assert run("Rebels fought in northern rural Hama.") == {("hama_governorate", "opposition", "contested")}


def test_a_speaker_after_its_relative_clause_is_the_one_named_before(read):
    """"..., the commander, who asked not to be named, said": the commander (the SDF's, named in
    the sentence before), not the relative clause."""
    claims = read("Fighting in the north\n\nThe SDF pulled out of Manbij on Sunday, an SDF commander told Rudaw. "
                  "\"Tal Rifaat is now in the hands of the Turkish-backed factions,\" the commander, who asked not to be "
                  "named, said.")
    [c] = [c for c in claims if c.place_id == "tal_rifaat"]
    assert (c.actor, c.status, c.claimant, c.claimant_side, c.admission) == \
        ("sna", "controls", "an SDF commander", "sdf", True)


def test_a_person_named_after_a_place_is_no_mention_of_it(run):
    """"Mazloum Abdi" (organisations.txt lists such people) is no mention of the village Mazlum,
    which the same spelling names elsewhere."""
    gaz = load(ROOT / "gazetteer.csv")
    r = parse_report(Path("t.txt"), b"SDF commander Mazloum Abdi said the SDF had taken Hatla and Mazloum.",
                     Source("Test Wire", "2024-12-05", "", ""))
    found = find_mentions(r, Matcher(gaz))
    assert [(m.surface, m.place_id) for m in found if m.role == "place"] == [("Hatla", "hatla"), ("Mazloum", "mazlum")]


def test_a_trailing_speaker_with_a_long_tail(read):
    """"..., X said in a statement posted on its Telegram channel": X, without the appositive's comma."""
    (c,) = read('"We have liberated Qubtan al-Jabal," Major Hassan Omar, a spokesman for the rebels\' '
                "military operations command, said in a statement posted on its Telegram channel.")
    assert (c.place_id, c.actor, c.status, c.claimant_side) == ("qubtan_al_jabal", "opposition", "captured", "opposition")
    assert c.claimant == "a spokesman for the rebels' military operations command"


def test_a_verb_coordinated_inside_a_time_clause_has_that_clause_s_subject(read):
    """"after the regime militias collapsed and fled": the militias fled, not the force that
    liberated the city; an enemy no force names is no one's withdrawal."""
    claims = {(c.place_id, c.actor, c.status) for c in read(
        "With God's help, our forces liberated the city of Maarat al-Nu'man after the regime militias collapsed "
        "and fled south.", outlet="Military Operations Command")}
    assert claims == {("maarat_al_numan", "opposition", "captured"), ("maarat_al_numan", "government", "withdrew")}
    claims = {(c.place_id, c.actor, c.status) for c in read(
        "Our forces liberated Saraqib after the enemy collapsed and fled.", outlet="Military Operations Command")}
    assert claims == {("saraqib", "opposition", "captured")}


def test_an_outlet_speaking_for_a_side_names_its_enemy_in_that_side_s_words(read):
    """ANHA, in its own voice, calls the Turkish-backed factions "the mercenaries"."""
    (c,) = read("The mercenaries attacked Manbij on Tuesday.", outlet="Hawar News Agency (ANHA)")
    assert (c.place_id, c.actor, c.status) == ("manbij", "sna", "contested")


def test_an_inverted_speaker_after_a_quote_is_the_speaker(read):
    """'"...," said X, a commander of Y': X (with the appositive) speaks, not the last speaker
    named paragraphs before; a civilian's "we" is no force."""
    (c,) = read('"We have liberated Qubtan al-Jabal," said Abu Mohammed, a commander of the Military Operations '
                "Command.")
    assert (c.place_id, c.actor, c.claimant_side) == ("qubtan_al_jabal", "opposition", "opposition")
    claims = read('Opposition commander Abu Yahya said his men took Jableh. Families are afraid to go home. '
                  '"We left Hims when the fighting reached al-Waer," said Umm Hassan, who is sheltering in a school.')
    assert {(c.place_id, c.actor, c.status) for c in claims} == {("jableh", "opposition", "captured")}


def test_our_forces_after_a_quoted_enemy_are_not_the_enemy_s(run):
    """A channel that quotes "Regime media" and then says "our fighters" is not the regime."""
    claims = run("Regime media claim the army retook Souran. Our fighters are on the outskirts of Hama.")
    assert ("souran", "government", "captured") in claims
    assert not any(place == "hama" for place, _, _ in claims)


def test_a_listed_subject_right_before_under_the_control_of_is_every_item(run):
    """"A and B are now under the control of X": both; a list in an opening phrase is not the
    subject ("With the capture of A and B, the whole province is now under the control of X")."""
    claims = run("Halfaya and Maardes are now under the control of the Military Operations Command.")
    assert {("halfaya", "opposition", "controls"), ("maardes", "opposition", "controls")} <= claims
    claims = run("With the capture of Khan Sheikhoun and Maarat al-Nu'man at the weekend, the whole of Idlib "
                 "province is now under the control of the factions.")
    assert {c for c in claims if c[2] == "controls"} == {("idlib_governorate", "opposition", "controls")}


def test_theirs_said_by_a_side_is_that_side_s(run):
    claims = run("Rebels entered Hama. The army said the city was still theirs.")
    assert ("hama", "government", "controls") in claims
    assert ("hama", "opposition", "controls") not in claims


def test_the_mercenaries_right_after_another_force_are_not_surely_the_sna(read):
    """In ANHA's voice "the mercenaries" are the SNA, unless another force was just named (ANHA
    also writes "ISIS mercenaries")."""
    claims = read("ISIS cells attacked an SDF post near Hajin. The mercenaries withdrew from Hajin after clashes.",
                  outlet="Hawar News Agency (ANHA)")
    assert not any(c.actor == "sna" for c in claims)
    (c,) = read("Turkish-backed factions shelled Manbij. The mercenaries then entered Arima.",
                outlet="Hawar News Agency (ANHA)")
    assert (c.place_id, c.actor, c.status) == ("arima", "sna", "entered")


def test_an_inverted_speaker_after_a_curly_single_quote(read):
    (c,) = read("\u2018We have liberated Qubtan al-Jabal,\u2019 said Abu Mohammed, a commander of the Military "
                "Operations Command.")
    assert (c.place_id, c.actor, c.claimant_side) == ("qubtan_al_jabal", "opposition", "opposition")


@pytest.mark.parametrize("letterhead, side", [
    ("MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION", "russia"),
    ("REPUBLIC OF TÜRKIYE — MINISTRY OF NATIONAL DEFENCE", "turkey"),
    ("Israel Defense Forces | IDF Spokesperson's Unit", "israel"),
    ("DEMOCRATIC AUTONOMOUS ADMINISTRATION OF NORTH AND EAST SYRIA\nExecutive Council — Press Office", "sdf"),
])
def test_a_letterhead_speaks_for_its_issuer(read, letterhead, side):
    """A report under a body's letterhead (a ministry, a command, an administration) is that
    body's statement: its "our forces" are the issuer's force."""
    got = read(f"{letterhead}\n5 December 2024\n\nOur forces hold their positions in Qamishli.", "unknown", "")
    assert {(c.place_id, c.actor, c.status, c.claimant_side) for c in got} == {("qamishli", side, "controls", side)}


@pytest.mark.parametrize("title", [
    "RUSSIAN DEFENCE MINISTRY BRIEFING ANGERS ANKARA",       # a headline about a body
    "The Defence Ministry's long war",                        # a headline in title case, no letterhead
    "THE LEVANT COURIER — Conflict Desk",                     # an outlet
])
def test_a_headline_naming_a_body_is_no_letterhead(read, title):
    got = read(f"{title}\n5 December 2024\n\nOur forces hold their positions in Qamishli.", "unknown", "")
    assert {c.claimant_side for c in got if c.quote.startswith("Our")} <= {"outlet"}


def test_operations_against_targets_are_strikes_not_fighting(run):
    assert run("Turkish forces continued operations against terrorist targets in Manbij.") == set()
    assert run("Turkish forces continued operations against the YPG in Manbij.") == {("manbij", "turkey", "contested")}


@pytest.mark.parametrize("text, claim", [
    ("Rebels were fighting in and around Hama.", ("hama", "opposition", "contested")),
    ("There has been fighting in and around Manbij between the SDF and Turkish-backed factions.",
     ("manbij", "sdf", "contested")),
    ("Clashes between the SNA and the SDF broke out in Manbij on Sunday.", ("manbij", "sna", "contested")),
])
def test_fighting_in_and_around_and_between_before_its_verb(run, text, claim):
    """The first force named "between A and B" is the one the fighting is credited to (the
    development set's reading)."""
    assert run(text) == {claim}


@pytest.mark.parametrize("text, claims", [
    ("For the first time since 2011, Hama has slipped out of the Syrian government's hands.",
     {("hama", "government", "failed_to_hold")}),
    ("A report that Israeli forces had reached Qatana was denied by the Israeli army.", set()),
    ("Reports that the army had left Homs were dismissed by the ministry.", set()),
    ("Reports that the army had left Homs were confirmed by the ministry.", {("homs", "government", "withdrew")}),
    # "Russia's defence ministry" is Russia's, and so are "its forces"
    ("Russia's defence ministry said its forces remain at Hmeimim.", {("hmeimim_airbase", "russia", "controls")}),
])
def test_hands_denied_reports_and_a_possessed_ministry(run, text, claims):
    assert run(text) == claims


def test_the_interim_governments_letterhead_is_the_sna(read):
    text = ("SYRIAN INTERIM GOVERNMENT - MINISTRY OF DEFENCE\n5 December 2024\n\n"
            "Our forces have liberated the village of Sheikh Issa.")
    assert {(c.place_id, c.actor, c.claimant_side) for c in read(text, "unknown", "")} == {
        ("sheikh_issa", "sna", "sna")}


@pytest.mark.parametrize("text, claims", [
    ("The army withdrew from Hama. Homs was also taken on Friday.", {("hama", "government", "withdrew")}),
    ("The army repelled an attack on Homs. Homs had fallen by evening, Gulf channels claimed.",
     {("homs", "government", "repelled")}),
    ("Rebels captured Hama on Thursday. Homs was also taken on Friday.",
     {("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
])
def test_a_gain_borrows_no_agent_that_just_lost_or_defended(run, text, claims):
    """An agentless gain takes the agent of the claim before unless that claim was its loss or
    its defence: who withdrew or repelled is not who takes the next place."""
    assert run(text) == claims


def test_an_incident_log_line_is_about_its_location_cell(read):
    """"Souran (N Hama) | 3 Dec | AOG units reached the outskirts of the town": a table row's
    first cell (with a note on where it is) is the place its incident is about."""
    got = read("Location | Date | Incident\nSouran (N Hama) | 3 Dec | AOG units reached the outskirts of the town.",
               "NGO platform", "2024-12-03")
    assert {(c.place_id, c.actor, c.status) for c in got} == {("souran", "opposition", "advancing")}


def test_coordinated_participles_share_their_agent(run):
    """"the Golan occupied and annexed by Israel": Israel's, not the subject of the sentence's."""
    assert run("The army withdrew from Quneitra, near the part of the Golan occupied and annexed by Israel.") == {
        ("quneitra", "government", "withdrew"), ("golan_heights", "israel", "captured")}


@pytest.mark.parametrize("text, claims", [
    # a general noun after a force's adjective is that force, not the noun's default
    ("Iranian fighters withdrew from Albukamal.", {("abu_kamal", "iran", "withdrew")}),
    ("Turkish soldiers entered Afrin.", {("afrin", "turkey", "entered")}),
    ("Russian units withdrew from Qamishli.", {("qamishli", "russia", "withdrew")}),
    ("The Iranian militias also fled from al-Bukamal on Friday.", {("abu_kamal", "iran", "withdrew")}),
    # ships leaving a port hold no ground and give none up (the development set gives "most Russian
    # warships had left their usual moorings in the port of Tartous" no row): no claim
    ("Russian ships have left the naval facility at Tartus.", set()),
    # a time between the verb and its object; "having" opens no subject of its own
    ("The rebels arrived at the gates of Homs, after having seized in one week Aleppo and Hama.",
     {("homs", "opposition", "advancing"), ("aleppo", "opposition", "captured"), ("hama", "opposition", "captured")}),
    ("Rebels captured on Friday Saraqib and Maarat al-Numan.",
     {("saraqib", "opposition", "captured"), ("maarat_al_numan", "opposition", "captured")}),
    ("Opposition fighters did enter Latakia on Monday.", {("latakia", "opposition", "entered")}),
    ("The entry of rebel fighters into Hama was confirmed.", {("hama", "opposition", "entered")}),
    ("We condemn the seizure by the SDF last week of the villages of Marrat and Khasham.",
     {("marrat", "sdf", "captured"), ("khasham", "sdf", "captured")}),
])
def test_adjective_forces_times_before_objects_and_noun_phrases(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The SNA and the SDF clash near the Tishrin Dam.",
     {("tishrin_dam", "sna", "contested"), ("tishrin_dam", "sdf", "contested")}),
    ("Unconfirmed reports say opposition fighters have crossed into Deir ez-Zor city from the west.",
     {("deir_ez_zor", "opposition", "entered")}),
    ("To the north, the Turkish-backed SNA opens its \"Dawn of Freedom\" offensive against the SDF around Tal Rifaat.",
     {("tal_rifaat", "sna", "contested")}),
    ("Turkish-backed factions are now within a few kilometres of the Tishrin Dam.", {("tishrin_dam", "sna", "advancing")}),
    # footage described: a named force's men at a place
    ("Videos posted online showed SDF fighters at the Deir ez-Zor military airport.",
     {("deir_ez_zor_airbase", "sdf", "entered")}),
    ("Footage released on Monday showed soldiers in the abandoned town of Quneitra.", set()),
    # "the force": the force named before
    ("The SDF took Hama. An SDF spokesman said that the force had also taken over the Hama military airport.",
     {("hama", "sdf", "captured"), ("hama_airbase", "sdf", "captured")}),
])
def test_clash_crossing_offensives_footage_and_the_force(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a label line's telegraphic predicate: the labelled places, the agent after a time
    ("Daraa and Suwayda: taken on Friday and Saturday by local factions in the south.",
     {("daraa", "opposition", "captured"), ("as_suwayda", "opposition", "captured")}),
    ("Hama and Homs: captured by the rebels.", {("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    ("Hama and Aleppo: under the rebel coalition's control since last week.",
     {("hama", "opposition", "controls"), ("aleppo", "opposition", "controls")}),
    ("Manbij remains under the SDF's control.", {("manbij", "sdf", "controls")}),
    ("Saraqib was captured on Friday by the rebels.", {("saraqib", "opposition", "captured")}),
])
def test_label_lines_and_possessive_control(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a phrase in apposition describes the place right before its comma, not the clause's subject
    ("Its fighters now controlled Busra al-Sham and Izraa, and were advancing on al-Sanamayn, the last "
     "government-held town in the province.",
     {("busra_al_sham", "opposition", "controls"), ("izraa", "opposition", "controls"),
      ("sanamayn", "opposition", "advancing"), ("sanamayn", "government", "controls")}),
    # "their fighters" right after the speaker's verb are the speaker's
    ("The Syrian Democratic Forces say their fighters control Deir ez-Zor city after government forces left.",
     {("deir_ez_zor", "sdf", "controls"), ("deir_ez_zor", "government", "withdrew")}),
    # a noun's object after its quotes and "out of"
    ('When Jabal Zayn al-Abidin fell to the rebels, the army announced a "redeployment" out of Hama.',
     {("jabal_zayn_al_abidin", "opposition", "captured"), ("hama", "government", "withdrew")}),
    # a loss borrows no agent whose last claim was a gain; civilians moved are no advance
    ("Rebels took Saraqib. For Hezbollah, the loss of Qusayr is heavy with symbolism.",
     {("saraqib", "opposition", "captured")}),
    ("The SDF evacuated Tal Rifaat and moved tens of thousands of civilians east toward Tabqa.",
     {("tal_rifaat", "sdf", "withdrew")}),
    # a heading borrows no agent from the lines before it
    ("The SDF took Tabqa.\n7 December: Homs surrounded", {("tabqa", "sdf", "captured")}),
    ('An HTS commander told Wire the group intended to "reach the gates of Aleppo within days".', set()),
])
def test_apposition_speakers_own_and_unborrowed_agents(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Rebels said they seized the hill, known locally as Zayn al-Abidin, before dawn on Thursday.",
     {("jabal_zayn_al_abidin", "opposition", "captured")}),
    ("The rebel alliance had fought for three days for Jabal Zayn al-Abidin, a strategic hill north of the city.",
     {("jabal_zayn_al_abidin", "opposition", "contested")}),
    ("Russian forces remain at the Hmeimim air base and the naval facility in Tartus, a Russian lawmaker said.",
     {("hmeimim_airbase", "russia", "controls"), ("tartus_naval_base", "russia", "controls")}),
    ("The rebels fought for freedom in the 1980s.", set()),
])
def test_appellatives_durations_and_facility_items(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The S.D.F. moved into Deir al-Zour on Friday.", {("deir_ez_zor", "sdf", "entered")}),
    ("Opposition fighters were seen in Zabadani on Sunday.", {("zabadani", "opposition", "entered")}),
    # seen there: entered; "the abandoned town" is no withdrawal by the tanks' side
    ("Israeli tanks were seen in the streets of the abandoned town of Quneitra.", {("quneitra", "israel", "entered")}),
    ("Local sources said the towns of Nubl and al-Zahraa were again under attack by Turkish-backed militants.",
     {("nubl", "sna", "contested"), ("zahraa", "sna", "contested")}),
    ("Fighting between the SNA and the SDF spreads to the Tishrin Dam on the Euphrates.",
     {("tishrin_dam", "sna", "contested")}),
    ("Russian troops stay inside the Hmeimim air base.", {("hmeimim_airbase", "russia", "controls")}),
    ("The Turkish-backed SNA launches Operation Dawn of Freedom against Kurdish forces around Tel Rifaat.",
     {("tal_rifaat", "sna", "contested")}),
    ("Rebels fight government troops around Souran and Morek.",
     {("souran", "opposition", "contested"), ("morek", "opposition", "contested")}),
    # the place a road is cut at is fought over too (five later sets annotate it; the devset's 103 does not)
    ("Rebels sever the Aleppo-Damascus M5 highway near Zarbah.",
     {("m5_highway", "opposition", "contested"), ("zarbah", "opposition", "contested")}),
    ("Rebels cut the M5 highway, residents of Hama said.", {("m5_highway", "opposition", "contested")}),
])
def test_wire_and_timeline_phrasings(run, text, claims):
    assert run(text) == claims


def test_a_definite_force_name_is_no_anaphor(read):
    """"The Syrian Democratic Forces say ...": a name with "the", not "the forces" named before."""
    text = ("Russian forces remain at the Hmeimim air base, a Russian lawmaker told state media.\n\n"
            "The Syrian Democratic Forces say their fighters control Deir ez-Zor city after government forces left.")
    got = {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text)}
    assert got == {("hmeimim_airbase", "russia", "controls", "russia"), ("deir_ez_zor", "sdf", "controls", "sdf"),
                   ("deir_ez_zor", "government", "withdrew", "sdf")}


def test_a_headline_reaching_outskirts_is_an_approach(run):
    assert run("Regime forces withdraw from al-Rastan as factions reach outskirts of Homs city") == {
        ("rastan", "government", "withdrew"), ("homs", "opposition", "advancing")}


@pytest.mark.parametrize("text, claims", [
    ("Hundreds of Iraqi militiamen withdrew from Albukamal.", {("abu_kamal", "iran", "withdrew")}),
    ("Rebels took Hama. Residents said thousands of people, many of them Alawites, had left Homs for Tartus.",
     {("hama", "opposition", "captured")}),
    ("Army units, in cooperation with the popular defence groups, repelled an attack on Hatla.",
     {("hatla", "government", "repelled")}),
    ("Regime forces have also begun to withdraw from their positions in and around Palmyra.",
     {("palmyra", "government", "withdrew")}),
    ("By Sunday morning government troops had vanished from Homs.", {("homs", "government", "withdrew")}),
    ("The Asayish said the neighbourhoods of Sheikh Maqsoud and Ashrafiyeh in Aleppo remain under "
     "their protection.", {("sheikh_maqsoud", "sdf", "controls"), ("ashrafiyah_aleppo", "sdf", "controls")}),
    ("The mercenaries of the so-called \"Syrian National Army\" have for the fourth day been attacking the Tel "
     "Rifaat area.", {("tal_rifaat", "sna", "contested")}),
    ("Rebels took control of Khan Shaykhun, bringing all of Idlib province under their control.",
     {("khan_shaykhun", "opposition", "captured"), ("idlib_governorate", "opposition", "controls")}),
])
def test_quantities_insertions_and_protection(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a force's adjective before a common force name ("Kurdish security forces")
    ("HTS-led forces control all of Aleppo except the district of Sheikh Maqsoud, which remains in the hands of "
     "Kurdish security forces.", {("aleppo", "opposition", "controls"), ("sheikh_maqsoud", "sdf", "controls")}),
    # "it" in a passive is the place; "the former army" is the government's
    ("Its fighters had taken over the Shayrat airbase after it was abandoned by the former army, the Military "
     "Operations Command said.",
     {("shayrat_airbase", "opposition", "captured"), ("shayrat_airbase", "government", "withdrew")}),
    # parts of a city in apposition to it: the parts, not the city
    ("The two Kurdish-majority neighbourhoods of Aleppo city, Sheikh Maqsoud and Ashrafieh, remain under the control "
     "of the SDF.", {("sheikh_maqsoud", "sdf", "controls"), ("ashrafiyah_aleppo", "sdf", "controls")}),
    ("Aleppo, Sheikh Maqsoud and Hama were taken by the rebels.",
     {("aleppo", "opposition", "captured"), ("sheikh_maqsoud", "opposition", "captured"),
      ("hama", "opposition", "captured")}),
])
def test_people_subjects_common_names_and_parts(run, text, claims):
    assert run(text) == claims


def test_people_nearer_the_verb_than_a_force_are_its_subject(run):
    got = run("In Tall Refaat and surrounding villages, which came under the control of Turkish-affiliated armed "
              "groups on 1 December, an estimated 100,000 people, most of them Kurds displaced from Afrin, have fled "
              "towards Tabqa.")
    assert not any(status == "withdrew" for _, _, status in got)


@pytest.mark.parametrize("text, claims", [
    ("Syrian media reported Israeli tanks in the abandoned town of Quneitra.", {("quneitra", "israel", "entered")}),
    ("In the east, the SDF moves into Deir ez-Zor as the army leaves the city.",
     {("deir_ez_zor", "sdf", "entered"), ("deir_ez_zor", "government", "withdrew")}),
    ("The army leaves Hama.", {("hama", "government", "withdrew")}),
    ("Turkey demands that the SDF leave Manbij.", set()),
    ("The rebels want to leave Hama.", set()),
    ("Syrian troops had withdrawn from Qusayr and from their positions in the Jousieh crossing.",
     {("qusayr", "government", "withdrew"), ("jusiyah", "government", "withdrew")}),
    ("Rebels seized Hama and the positions around Homs.", {("hama", "opposition", "captured")}),
])
def test_reported_columns_leaving_and_listed_positions(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Rebels entered Homs after the flight of the regime's forces.",
     {("homs", "opposition", "entered"), ("homs", "government", "withdrew")}),
    ("Assad's flight to Moscow shocked his supporters in Latakia.", set()),
    ("The flight of civilians from Homs continued.", set()),
])
def test_the_flight_of_a_force_is_its_withdrawal(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("Rebels said their fighters had taken the Citadel of Aleppo, the governorate building and Aleppo International "
     "Airport.", {("aleppo_citadel", "opposition", "captured"), ("aleppo_airport", "opposition", "captured")}),
    ("Rebels took Saraqib, the police headquarters and Maarat al-Numan.",
     {("saraqib", "opposition", "captured"), ("maarat_al_numan", "opposition", "captured")}),
    ("Rebels took Saraqib, killed three soldiers and entered Hama.",
     {("saraqib", "opposition", "captured"), ("hama", "opposition", "entered")}),
])
def test_a_list_item_that_names_no_place_does_not_end_the_list(run, text, claims):
    assert run(text) == claims


def test_fighting_that_reached_a_place_is_fighting_there(run):
    assert run("Rebels captured Anjara, and fighting has now reached Saraqeb.") == {
        ("anjara", "opposition", "captured"), ("saraqib", "opposition", "contested")}


def test_a_held_participle_in_apposition_is_a_hold_of_the_place_before(run):
    assert run("The Turkish-backed Syrian National Army says it has launched an attack on Manbij, held by the "
               "Kurdish-led SDF.") == {("manbij", "sna", "contested"), ("manbij", "sdf", "controls")}


@pytest.mark.parametrize("text, claims", [
    ("The Southern Operations Room says the army has pulled out of al-Sanamayn, on the highway north of Daraa, and "
     "that its units have entered the town.",
     {("sanamayn", "government", "withdrew"), ("sanamayn", "opposition", "entered")}),
    ("Sources said the SNA is preparing a new operation to liberate Manbij.", set()),
    ("HTS-led forces captured Jabal Zayn al-Abidin on December 4, which likely enabled the opposition to advance "
     "into eastern Hama City.", {("jabal_zayn_al_abidin", "opposition", "captured")}),
    ("The officers said Russian advisers stationed at Hama military airport had left the base on Tuesday.",
     {("hama_airbase", "russia", "withdrew")}),
])
def test_continued_speech_operations_estimates_and_advisers(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a general noun coordinated with a named force goes with it
    ("Militants of Hayat Tahrir al-Sham (a terrorist organisation banned in the Russian Federation) and allied groups "
     "took control of Damascus on Sunday.", {("damascus", "opposition", "captured")}),
    ("Army units and popular defence groups repelled an attack on Khasham.", {("khasham", "government", "repelled")}),
    ("Regime forces counterattacked Qamhana on December 4, but opposition forces retained control of the town.",
     {("qamhana", "government", "contested"), ("qamhana", "opposition", "controls")}),
    ("Iranian personnel reportedly evacuated from Deir ez-Zor City and Albukamal on December 5.",
     {("deir_ez_zor", "iran", "withdrew"), ("abu_kamal", "iran", "withdrew")}),
    ("The SNA also entered Nubl and opened the road to the SNA-held town of Marea.",
     {("nubl", "sna", "entered"), ("marea", "sna", "controls")}),
    ("Rebels had closed in on Hama, leaving regime forces just one road out.", {("hama", "opposition", "advancing")}),
])
def test_coordinated_general_nouns_counterattacks_and_evacuations(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("In the north, Turkish-backed factions launched an assault on Manbij, a city held by the Kurdish-led Syrian "
     "Democratic Forces (SDF).", {("manbij", "sna", "contested"), ("manbij", "sdf", "controls")}),
    ("Russia has a naval base at Tartus and an air base at Hmeimim, near Latakia.",
     {("tartus_naval_base", "russia", "controls"), ("hmeimim_airbase", "russia", "controls")}),
    ("Commercial satellite images showed several Russian warships had moved out of Tartus.", set()),
    ("A fourth source said troops had also been pulled out of the Ismaili-majority town of Salamiyah, east of Hama.",
     {("salamiyah", "government", "withdrew")}),
    ("Satellite pictures suggest Russia may have flown some aircraft out of Khmeimim and moved ships out of Tartus.",
     set()),
])
def test_held_appositions_bases_moving_out_and_estimates(run, text, claims):
    assert run(text) == claims


def test_an_estimate_does_not_reach_into_a_relative_clause(run):
    assert run("It is likely to face pressure from Turkey-backed factions that have already taken Tal Rifaat and may "
               "now be pushing towards Manbij.") == {("tal_rifaat", "sna", "captured")}


@pytest.mark.parametrize("outlet, head, actor", [
    ("Times of Israel", "", "israel"),           # Israel's press: "the army" and its "it" are Israel's
    ("Wire", "JERUSALEM, Dec 9 (Wire) - ", "israel"),   # datelined in Israel (actors.toml home_datelines)
    ("Wire", "BEIRUT, Dec 9 (Wire) - ", "government"),
])
def test_the_army_of_a_home_outlet_or_dateline(read, outlet, head, actor):
    text = (f"Israeli troops push deeper\n\n{head}The army said on Monday it had taken control of the Syrian army "
            "post on Mount Hermon.")
    assert {(c.place_id, c.actor, c.status) for c in read(text, outlet, "2024-12-09")} == {
        ("mount_hermon", actor, "captured")}


@pytest.mark.parametrize("text, claims", [
    ("Earlier on Friday the SDF took over the seven villages on the eastern bank of the Euphrates — including Hatla "
     "and Marrat — after government forces left.",
     {("hatla", "sdf", "captured"), ("marrat", "sdf", "captured"), ("hatla", "government", "withdrew"),
      ("marrat", "government", "withdrew")}),
    ("ISIS attacked an SDF checkpoint in Dhiban on December 4.", {("dhiban", "isis", "contested")}),
    ("Regime forces withdrew on Friday from the cities of al-Rastan and Talbiseh in the northern countryside of Homs, "
     "after HTS reached the outskirts of the two cities.",
     {("rastan", "government", "withdrew"), ("talbiseh", "government", "withdrew"),
      ("rastan", "opposition", "advancing"), ("talbiseh", "opposition", "advancing")}),
])
def test_dashed_lists_checkpoints_and_dated_withdrawals(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # an estimate is "may have", not the month May nor "could hear"
    ("In May rebels captured Hama.", {("hama", "opposition", "captured")}),
    ("Residents said they could hear gunfire as rebels entered Hama on Thursday.", {("hama", "opposition", "entered")}),
    # a participle after "from/in X," describes what the sentence is about, not X
    ("ISIS suspects from Raqqa, held by the SDF in al-Hol camp, were moved.", set()),
    # demands, a force's allies, "no base", a clause after a list, campaigns, casualty evacuation
    ("Turkey demands that the SDF leave Manbij.", set()),
    ("Washington's SDF allies withdrew from Manbij.", {("manbij", "sdf", "withdrew")}),
    ("Russia has no base in Qamishli.", set()),
    ("Rebels took Hama on Thursday, met little resistance and Homs residents braced for an assault.",
     {("hama", "opposition", "captured")}),
    ("Damascus began a campaign against corruption in Aleppo on Monday.", set()),
    ("Wounded SDF fighters were evacuated from Kobani.", set()),
    # a last sentence without its full stop still borrows its agent
    ("Rebels stormed Hama on Thursday. Saraqib was also captured on Friday",
     {("hama", "opposition", "captured"), ("saraqib", "opposition", "captured")}),
])
def test_reviewed_over_broad_rules(run, text, claims):
    assert run(text) == claims


def test_a_headline_quoting_a_ministry_is_no_letterhead(read):
    text = ("PKK/YPG terrorists flee Tal Rifaat - Defence Ministry\n5 December 2024\n\n"
            "Terrorists fled Tal Rifaat after the operation. The Syrian National Army entered the town.")
    assert {c.claimant_side for c in read(text, "Anadolu Agency", "")} <= {"outlet"}


def test_a_dateline_in_israel_does_not_make_every_army_israels(read):
    text = ("Rebels push south\n\nJERUSALEM (Wire) - Syrian rebels pushed into Daraa on Saturday. The army withdrew "
            "from the city overnight.")
    assert ("daraa", "government", "withdrew") in {(c.place_id, c.actor, c.status) for c in read(text, "Wire", "2024-12-07")}


@pytest.mark.parametrize("text, claims", [
    # "left X under Y control" is a result, no withdrawal; a list before it is every item
    ("The army's collapse left Hama and Homs in rebel hands.",
     {("hama", "opposition", "controls"), ("homs", "opposition", "controls")}),
    ("The army left Aleppo on Saturday.", {("aleppo", "government", "withdrew")}),
    # an event of an earlier year as the subject dates its verb; not past a new clause
    ("The March 2020 ceasefire, brokered by Russia and Turkey, left the M5 highway, Saraqib and Maarat "
     "al-Numan under regime control.", set()),
    ("The 2020 truce collapsed on Wednesday as rebels took Saraqib.", {("saraqib", "opposition", "captured")}),
    ("A 2018 deal left Daraa under government control, but rebels seized the city on Friday.",
     {("daraa", "opposition", "captured")}),
    # reinforcements sent to a place hold it, they do not advance on it; fighters sent there do
    ("The army said reinforcements had been dispatched to Hama.", set()),
    ("Government reinforcements were rushed to Hama on Sunday.", set()),
    ("Rebel fighters were sent to Hama.", {("hama", "opposition", "advancing")}),
    # the troops guarding a place are where they withdraw from; the participle's object is no subject
    ("The soldiers guarding Kuweires air base withdrew as rebels approached.",
     {("kuweires_airbase", "government", "withdrew")}),
    ("Rebels stormed Kuweires air base on Monday after the soldiers guarding it withdrew.",
     {("kuweires_airbase", "opposition", "captured"), ("kuweires_airbase", "government", "withdrew")}),
    # a force defending a place, described before its verb, repelled nothing
    ("The SDF said troops defending Deir ez-Zor had pulled out.", {("deir_ez_zor", "government", "withdrew")}),
    ("Troops defending Hama repelled the attack.", {("hama", "government", "repelled")}),
    # clashes reported between two forces in named villages: the villages (the first force, as "between" does)
    ("Clashes were reported between the SDF and government forces in the villages of Hatla and Marrat in "
     "Deir ez-Zor province.", {("hatla", "sdf", "contested"), ("marrat", "sdf", "contested")}),
])
def test_results_reinforcements_guards_and_reported_clashes(run, text, claims):
    assert run(text) == claims


def test_a_medium_is_no_force_and_a_statement_speaks_for_its_issuer(read):
    got = read("State television broadcast a statement by rebels announcing the liberation of Damascus.")
    assert {(c.place_id, c.actor, c.status, c.claimant, c.claimant_side) for c in got} == {
        ("damascus", "opposition", "captured", "rebels", "opposition")}


def test_the_command_is_the_command_named_last(read):
    text = ("The Military Operations Command pushed south on Friday. A spokesman for the command said its "
            "fighters had entered Homs.")
    assert {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text)} == {
        ("homs", "opposition", "entered", "opposition")}
    text = "The army's General Command said units had withdrawn from Homs. The command said troops had redeployed from Hama."
    assert {(c.place_id, c.actor, c.claimant_side) for c in read(text)} == {
        ("homs", "government", "government"), ("hama", "government", "government")}


@pytest.mark.parametrize("text, claims", [
    # driving away from a place is leaving it, not driving someone out of it
    ("Russian military police drove away from Qamishli airport on Sunday.", {("qamishli_airport", "russia", "withdrew")}),
    # a force named as driven out failed to hold the place (six sets annotate so); one only described ("the
    # militants", "the terrorists") gets none (the development set and four sets annotate none); in the passive
    # the expelled force is the subject ("SDF fighters were pushed out of X": withdrew)
    ("The SNA drove the SDF out of Tal Rifaat.", {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "failed_to_hold")}),
    ("The SNA has chased the Kurdish-led Syrian Democratic Forces (SDF) out of Tal Rifaat.",
     {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "failed_to_hold")}),
    ("Government troops drove the militants out of Saraqib.", {("saraqib", "government", "captured")}),
    # an agentless fall does not borrow the agent of a loss before it in the sentence
    ("Control of the coast slips from Assad's grip as Latakia falls.", set()),
    ("The army repelled an attack on Hama and Souran was recaptured.",
     {("hama", "government", "repelled"), ("souran", "government", "captured")}),
    # the next sentence's agentless capture borrows the main clause's agent, not the time clause's
    ("Rebels took Hama after the army withdrew. Homs was captured on Friday.",
     {("hama", "opposition", "captured"), ("hama", "government", "withdrew"), ("homs", "opposition", "captured")}),
    ("The army withdrew from Hama. Homs was captured on Friday.", {("hama", "government", "withdrew")}),
])
def test_driving_away_and_borrowed_agents(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a headline's verb in -s between two forces parts them ("Syrian army battles militants")
    ("Syrian army battles militants north of Hama\n\nAccording to the observatory, the militants seized Halfaya on Tuesday.",
     {("halfaya", "opposition", "captured")}),
    # a pluperfect after an earlier year of the sentence is background
    ("The north-west had been largely frozen since March 2020, when Moscow and Ankara brokered a ceasefire that "
     "ended a government campaign which had retaken Maarat al-Numan and Saraqib.", set()),
    # a withdrawal in a time clause takes the places of the gain before it only when it names no object of its own
    ("Rebels entered Nawa and Inkhil after government forces pulled out of checkpoints.",
     {("nawa", "opposition", "entered"), ("inkhil", "opposition", "entered")}),
    ("Rebels entered Hama after government forces withdrew towards Homs.",
     {("hama", "opposition", "entered"), ("hama", "government", "withdrew")}),
    ("Kurdish forces are advancing towards Tal Aran after regime forces withdrew.", {("tel_aran", "sdf", "advancing")}),
    # an expectation, an avoided fight, an entry into the outskirts (an approach), ships
    ("Others expect the army to dig in around Damascus airport.", set()),
    ("The army said it had pulled its units out to avoid fighting in Hama.", set()),
    ("Turkish media reported that the SNA had entered the outskirts of Manbij.", {("manbij", "sna", "advancing")}),
    ("Several Russian ships have reportedly left Tartus.", set()),
    ("Russia withdrew its warships from Tartus.", {("tartus", "russia", "withdrew")}),
    # "it" after an apposition is the name the apposition describes
    ("The Syrian Free Army, a U.S.-trained unit of several hundred fighters, said it had taken Palmyra.",
     {("palmyra", "opposition", "captured")}),
    ("That changed last week. The Syrian Free Army, a U.S.-trained unit of several hundred to a few thousand "
     "fighters, pushed north out of the zone on Friday and said on Saturday that it had taken Palmyra.",
     {("palmyra", "opposition", "captured")}),
    # Syrian state media's "QSD" is the SDF
    ('The army said the "QSD" militia had withdrawn from Hatla.', {("hatla", "sdf", "withdrew")}),
])
def test_headlines_backgrounds_objects_and_appositions(run, text, claims):
    assert run(text) == claims


def test_gunmen_in_a_sides_words_are_not_its_own(read):
    got = read("A Syrian army source said gunmen who had infiltrated the Nasib crossing opened fire on army posts.")
    assert not any(c.actor == "government" for c in got)


@pytest.mark.parametrize("text, claims", [
    # a list announced after a relative clause on the plural place noun
    ("The SDF announced that it had taken over seven villages on the eastern bank that had been held by regime "
     "forces - Hatla, Marrat and Khasham.",
     {("hatla", "sdf", "captured"), ("marrat", "sdf", "captured"), ("khasham", "sdf", "captured")}),
    # a counted anaphor in the next sentence stands for the last claim's places when there are that many
    ("Rebels took Rastan and Talbiseh on Friday. The army later recaptured both.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured"),
      ("rastan", "government", "captured"), ("talbiseh", "government", "captured")}),
    ("Militants attacked army positions in Hatla, Marrat and Khasham. All three remain under the control of the "
     "Syrian army, a correspondent said.",
     {("hatla", "opposition", "contested"), ("marrat", "opposition", "contested"), ("khasham", "opposition", "contested"),
      ("hatla", "government", "controls"), ("marrat", "government", "controls"), ("khasham", "government", "controls")}),
    ("Rebels took Rastan and Talbiseh on Friday. All three villages were shelled.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    # a factbox: a heading naming only places, and the bullet lines under it
    ("FACTBOX\n\nKUWEIRES AIR BASE\n* The SNA said it seized the military airport east of Aleppo on Dec. 1, cutting "
     "a corridor between SDF-held areas.\n\nHAMA\n* The rebels said they had freed hundreds of prisoners.",
     {("kuweires_airbase", "sna", "captured")}),
    ("SARAQIB\n* Rebels took the town on the night of Nov. 29-30.\n\nRebels said on Monday they held it firmly.",
     {("saraqib", "opposition", "captured")}),
])
def test_lists_counted_anaphors_and_factbox_sections(run, text, claims):
    assert run(text) == claims


def test_a_tv_channel_named_after_a_town_is_no_place(read):
    got = read("Gunmen attacked army posts in Hatla, the correspondent of Lebanon's Al Mayadeen television reported.")
    assert "mayadin" not in {c.place_id for c in got}


@pytest.mark.parametrize("text, claims", [
    # "they" in the next sentence is the main clause's force, not one named in its time clause
    ("Rebels seized Aleppo last weekend. On Thursday they captured Hama, after the Syrian army said it had pulled "
     "its units out to avoid fighting in the streets.\n\nOn Friday they took Rastan and Talbiseh.",
     {("aleppo", "opposition", "captured"), ("hama", "opposition", "captured"), ("rastan", "opposition", "captured"),
      ("talbiseh", "opposition", "captured"), ("hama", "government", "withdrew")}),
    # Hezbollah is none of the actors: its fighters, and bare fighters right after it, claim nothing
    ("Hezbollah withdrew its fighters from Qusayr on Saturday night. At least 150 armored vehicles carrying several "
     "hundred fighters left Qusayr in phases. Its fighters later fought in Aleppo.", set()),
    ("Hezbollah withdrew from Qusayr. Rebels entered the town on Sunday.", {("qusayr", "opposition", "entered")}),
])
def test_main_clause_forces_and_bodies_of_no_actor(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "factions of the Turkish-backed SNA" are the SNA's, also in a sentence read for nothing else
    ("Separately, factions of the Turkish-backed Syrian National Army launched an operation they called Dawn of "
     "Freedom. The factions announced on Saturday that they had captured Tadef.", {("tadif", "sna", "captured")}),
    # a state's "mercenary factions" are its proxy's (the SDF's words for the SNA); its soldiers are its own
    ("The mercenary factions of the Turkish occupation have been attacking the Tishrin Dam.",
     {("tishrin_dam", "sna", "contested")}),
    ("Groups of Turkish soldiers entered Manbij.", {("manbij", "turkey", "entered")}),
    # a time clause after a comma is no trailing speaker
    # (and the units pulled out are out of the place the main clause took)
    ("Rebels took Aleppo. On Thursday they captured Hama, after the Syrian army said it had pulled its units out.",
     {("aleppo", "opposition", "captured"), ("hama", "opposition", "captured"), ("hama", "government", "withdrew")}),
])
def test_linked_factions_proxies_and_time_clauses(run, text, claims):
    assert run(text) == claims


def test_a_proxy_must_be_another_actor(tmp_path):
    import shutil

    from geo.errors import VocabularyError
    for name in ("claims.toml", "actors.toml"):
        shutil.copy(ROOT / "geo" / "data" / name, tmp_path / name)
    actors = tmp_path / "actors.toml"
    actors.write_text(actors.read_text(encoding="utf-8").replace('proxy = "sna"', 'proxy = "nobody"'), encoding="utf-8")
    with pytest.raises(VocabularyError, match="proxy: 'nobody' is not another actor"):
        ClaimVocabulary(tmp_path)


@pytest.mark.parametrize("text, claims", [
    # found by an independent review of this group of rules: each a case that must hold
    ("HAMA\n* Rebels entered the city on Thursday.\n* Government forces took heavy losses.\n* The army lost its "
     "commander.\n* Rebels captured 12 tanks.", {("hama", "opposition", "entered")}),
    ("The fall of Hama was not a defeat, the army insisted.", set()),
    ("The seizure of Tal Rifaat was illegal, the SDF said.", set()),
    ("The SDF lost Deir Hafer and Maskanah, and Manbij is now under SNA control.",
     {("deir_hafer", "sdf", "failed_to_hold"), ("maskanah", "sdf", "failed_to_hold"), ("manbij", "sna", "controls")}),
    ("The army left Deir ez-Zor, which had been under their control since 2017.",
     {("deir_ez_zor", "government", "withdrew")}),
    ("Clashes were reported between protesters and security forces in As-Suwayda.", set()),
    ("Clashes erupted between rival rebel factions in Idlib.", set()),
    ("Rebels avoided Homs and pushed toward Damascus.", {("damascus", "opposition", "advancing")}),
    ("Rebels press on toward Homs after taking Hama.",
     {("homs", "opposition", "advancing"), ("hama", "opposition", "captured")}),
    ("Government forces in Hama pulled out on Thursday.", {("hama", "government", "withdrew")}),
    ("Soldiers defending Hama pulled out on Thursday.", {("hama", "government", "withdrew")}),
    ("Rebels took Hama after government forces withdrew, and Homs fell days later.",
     {("hama", "opposition", "captured"), ("hama", "government", "withdrew"), ("homs", "opposition", "captured")}),
    ("Eight years after their 2016 defeat, rebels had retaken Aleppo by Saturday.", {("aleppo", "opposition", "captured")}),
    ("The 2020 truce collapsed and rebels took the city of Saraqib on Friday.", {("saraqib", "opposition", "captured")}),
    ("The 2000 fighters who stormed Hama on Thursday met little resistance.", {("hama", "opposition", "captured")}),
    ("Rebel reinforcements reached the outskirts of Homs.", {("homs", "opposition", "advancing")}),
    ("The Southern Front, a rebel alliance in Daraa, said it had taken Nasib crossing.",
     {("nasib", "opposition", "captured")}),
    ("Rebels drove government troops off from Maarat al-Numan.",
     {("maarat_al_numan", "opposition", "captured"), ("maarat_al_numan", "government", "failed_to_hold")}),
])
def test_what_the_second_review_found(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a place named past a direction before a participle is a locator: the base was taken, not Aleppo
    ("Kuweires military airport east of Aleppo, taken by Turkish-backed fighters.", {("kuweires_airbase", "sna", "captured")}),
    # "N km from X" inside an apposition describing a place says where it lies
    ("Sources said Israeli forces have reached Qatana, a town about 10 kilometers east of the demilitarized zone and "
     "roughly 25 kilometers from Damascus.", {("qatana", "israel", "entered")}),
    ("Rebels reached Qusayr, a town near Homs, and were a few kilometres from Homs by dawn.",
     {("qusayr", "opposition", "entered"), ("homs", "opposition", "advancing")}),
    # a report called lies is denied; the ops room is the rebels'
    ('State TV calls reports that fighters have entered Aleppo city "lies".', set()),
    ("The ops room says it has captured Dadikh and Kafr Batikh.",
     {("dadikh", "opposition", "captured"), ("kafr_batikh", "opposition", "captured")}),
])
def test_locators_appositions_and_named_reports(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "secured" a place is its capture; a release, a deal or a road secured is none
    ("Government forces secured Qalaat al-Madiq and Maardes on Monday.",
     {("qalaat_al_madiq", "government", "captured"), ("maardes", "government", "captured")}),
    ("The deal secured the release of prisoners from Hama.", set()),
    # a place left to a force is that force's capture
    ("Regime forces left Aleppo International Airport to the rebels on Friday night.",
     {("aleppo_airport", "opposition", "captured"), ("aleppo_airport", "government", "withdrew")}),
    # "has also deployed at"; "it" after a place named after "at" is that place when no other was named
    ("Kurdish forces have also deployed at Aleppo International Airport, after regime forces withdrew from it.",
     {("aleppo_airport", "sdf", "entered"), ("aleppo_airport", "government", "withdrew")}),
])
def test_secured_left_to_and_deployed_at(run, text, claims):
    assert run(text) == claims


def test_an_interviewee_labelled_by_name_speaks_for_the_side_the_report_gave_him(read):
    text = ("HASAKAH - A reporter spoke by phone with Ciwan Derik, a commander of the SDF's Deir ez-Zor Military "
            "Council, about the situation.\n\nReporter: What happened in Deir ez-Zor?\n\n"
            "Ciwan Derik: We took over al-Bukamal the same night. Sheikh Maqsoud is still under the protection of "
            "our forces.")
    got = {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text)}
    assert got == {("abu_kamal", "sdf", "captured", "sdf"), ("sheikh_maqsoud", "sdf", "controls", "sdf")}


@pytest.mark.parametrize("text, claims", [
    # a participle phrase between a subject and its verb
    ("Rebels pushing south took Saraqib on Friday.", {("saraqib", "opposition", "captured")}),
    ("Rebels pushing south along the M5 highway took Saraqib on Friday evening.", {("saraqib", "opposition", "captured")}),
    ("Rebels attacking from the north entered Hama.", {("hama", "opposition", "entered")}),
    # "most importantly" opens a list
    ("The army took control of a number of areas, most importantly Qalaat al-Madiq and Maardes.",
     {("qalaat_al_madiq", "government", "captured"), ("maardes", "government", "captured")}),
])
def test_participle_phrases_and_list_openers(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "slip from X's grip" in the base form, and a possessive written with an apostrophe only
    ("Daraa and Suwayda slip from Damascus' grip.",
     {("daraa", "government", "failed_to_hold"), ("as_suwayda", "government", "failed_to_hold")}),
    # an opening adverbial before a list subject leaves the list whole
    ("In 24 hours, Daraa and Suwayda slip from Damascus' grip",
     {("daraa", "government", "failed_to_hold"), ("as_suwayda", "government", "failed_to_hold")}),
    ("Within days, Rastan and Talbiseh were captured by the rebels.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
])
def test_slipping_from_a_grip(run, text, claims):
    assert run(text) == claims


def test_a_statement_called_a_fake_is_denied(run):
    assert run("A statement by rebels announcing the liberation of Hama was a fake, the army said.") == set()
    assert run("A statement by the SDF saying its fighters had entered Deir ez-Zor was accurate.") == {
        ("deir_ez_zor", "sdf", "entered")}


@pytest.mark.parametrize("text, claims", [
    # unit nouns: commandos, paratroopers, special forces; a unit named after "from the (elite)"
    ("Israeli commandos captured Mount Hermon on Sunday.", {("mount_hermon", "israel", "captured")}),
    ("Israeli Air Force commandos from the elite Shaldag unit captured Mount Hermon on Sunday.",
     {("mount_hermon", "israel", "captured")}),
    ("Turkish special forces entered Manbij.", {("manbij", "turkey", "entered")}),
    # having or claiming control of a place is holding it ("claimed": the subject says so)
    ("The opposition has full control over Latakia province, including the cities of Tartus and Jableh.",
     {("latakia_governorate", "opposition", "controls"), ("tartus", "opposition", "controls"),
      ("jableh", "opposition", "controls")}),
    ("The SDF claimed control of Khasham on Tuesday.", {("khasham", "sdf", "controls")}),
    # operating or running a base is holding it
    ("Russia operates the Hmeimim air base.", {("hmeimim_airbase", "russia", "controls")}),
    ("The US runs the al-Tanf garrison near the Jordanian border.", {("al_tanf", "us", "controls")}),
])
def test_units_control_and_bases(run, text, claims):
    assert run(text) == claims


def test_an_acronym_names_a_force_only_in_capitals(read):
    assert {(c.place_id, c.actor) for c in read("The US controls al-Tanf.")} == {("al_tanf", "us")}
    said = read("A commander told us the army still holds Hama.")
    assert {(c.place_id, c.actor) for c in said} == {("hama", "government")}


@pytest.mark.parametrize("text", [
    # a sponsor is not the force it backs ("the US-backed group": the US has no `proxy` in actors.toml)
    "The US-backed group took Palmyra on Saturday.",
    "The U.S.-backed group took Palmyra on Saturday.",
    "A Washington-backed group entered Deir ez-Zor.",
    # running or operating anything but a base holds nothing
    "Russia operates flights from Moscow to Latakia.",
])
def test_a_sponsor_or_an_operator_of_no_base_claims_nothing(run, text):
    assert run(text) == set()


def test_claiming_control_names_the_claimant(read):
    (c,) = read("The SDF claimed control of Khasham on Tuesday.")
    assert (c.claimant, c.claimant_side) == ("The SDF", "sdf")


@pytest.mark.parametrize("text, claims", [
    # a force placed by a participle phrase holding a list: every place of the list, for a defence too
    ("Army units stationed in the towns of Souran, Taybat al-Imam and Halfaya thwarted attempts by terrorists to infiltrate.",
     {("souran", "government", "repelled"), ("taybat_al_imam", "government", "repelled"),
      ("halfaya", "government", "repelled")}),
    ("Government units stationed in Albu Kamal, Mayadin and Deir ez-Zor withdrew on Friday.",
     {("abu_kamal", "government", "withdrew"), ("mayadin", "government", "withdrew"),
      ("deir_ez_zor", "government", "withdrew")}),
    ("In Hama, the army repelled an attack.", {("hama", "government", "repelled")}),
    # a noun led by a force, set off by commas, is that force's
    ("The offensive, led by Hayat Tahrir al-Sham, took Aleppo within four days.", {("aleppo", "opposition", "captured")}),
    ("A government counter-attack retook Kafraa early on Wednesday.", {("kafraa", "government", "captured")}),
    # "moved in behind them": into the place just left
    ("Government troops pulled out of Deir ez-Zor today, and the SDF moved in behind them.",
     {("deir_ez_zor", "government", "withdrew"), ("deir_ez_zor", "sdf", "entered")}),
    # leaving a base outside a town is leaving the town
    ("Russian military police left their base outside Kobani in recent days.", {("kobani", "russia", "withdrew")}),
])
def test_participle_lists_led_nouns_and_bases_left(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "for the first time since 2016" measures how new an event is; it does not date it
    ("Rebels captured Aleppo for the first time since 2016.", {("aleppo", "opposition", "captured")}),
    ("Rebels captured Aleppo in the biggest advance since March 2020.", {("aleppo", "opposition", "captured")}),
    ("The rebels entered Maarat al-Numan, giving them control of Idlib province for the first time since 2019.",
     {("maarat_al_numan", "opposition", "entered"), ("idlib_governorate", "opposition", "controls")}),
    # ... but what a "when" after that year tells happened then
    ("Opposition fighters entered Aleppo on Friday for the first time since 2016, when government forces "
     "backed by Iran-backed militias retook it.", {("aleppo", "opposition", "entered")}),
    # a share of a place: nearly all of it is held; less is still fought over
    ("Local factions now control around 90 percent of Daraa province.", {("daraa_governorate", "opposition", "controls")}),
    ("The SNA now controls about 80% of Manbij.", {("manbij", "sna", "contested")}),
    # reported inside, near, a patrol
    ("SDF units have also been reported inside al-Mayadin.", {("mayadin", "sdf", "entered")}),
    ("Israeli tanks had advanced beyond the buffer zone and were near the village of Qatana.",
     {("qatana", "israel", "advancing")}),
    ("Local sources said an Israeli patrol entered the town of Khan Arnabah.", {("khan_arnabah", "israel", "entered")}),
])
def test_measured_years_shares_and_presence(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text", [
    "Rebels captured Aleppo in 2012.",
    "The army took Aleppo in 2016, its first big win since 2012.",
    "The fighting is the heaviest since March 2020, when a ceasefire froze the front lines in rebel-held Idlib.",
    "Hama, which is near Homs, was calm.",
])
def test_dated_and_descriptive_sentences_claim_nothing(run, text):
    assert run(text) == set()


@pytest.mark.parametrize("text, claims", [
    # number words in distances
    ("Opposition forces came within roughly five kilometers of Nubl.", {("nubl", "opposition", "advancing")}),
    # kept forces, knocked out of, resisting in, restored positions, positions around, relinquished, mopped up
    ("The SDF kept its forces in the Sheikh Maqsoud neighbourhood of Aleppo.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("Government forces have knocked the militants out of Qalaat al-Madiq and Maardes.",
     {("qalaat_al_madiq", "government", "captured"), ("maardes", "government", "captured")}),
    ("The Manbij Military Council was still resisting in several neighborhoods of Manbij.", {("manbij", "sdf", "contested")}),
    ("The regime forces withdrew from their positions around Kuweires and al-Safira.",
     {("kuweires_airbase", "government", "withdrew"), ("safira", "government", "withdrew")}),
    ("In practice, the army had relinquished Aleppo.", {("aleppo", "government", "withdrew")}),
    ("Turkish-backed fighters had mopped up Manbij.", {("manbij", "sna", "captured")}),
    # the provincial capital of the province just named
    ("In the southern province of Daraa, local fighters took control of the provincial capital on Friday.",
     {("daraa", "opposition", "captured")}),
    # an apposition ranking a place in a region describes it: no claim about the region
    ("On Saturday, the factions swept into Maarat al-Numan, the largest town of the southern Idlib countryside.",
     {("maarat_al_numan", "opposition", "entered")}),
    ("Rebels took Khitab, the town of Souran and Halfaya.",
     {("khitab", "opposition", "captured"), ("souran", "opposition", "captured"), ("halfaya", "opposition", "captured")}),
])
def test_more_phrasings_of_gains_holds_and_losses(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a relative clause after a force and where it comes from
    ("Rebels from the south, who took Daraa on Friday, reached Damascus first.",
     {("daraa", "opposition", "captured"), ("damascus", "opposition", "entered")}),
    # a withdrawal with no object joined by ", and" to a gain: from the place gained
    ("Insurgents stormed into Aleppo, Syria's largest city, on Nov. 29, and within a day the army had withdrawn.",
     {("aleppo", "opposition", "entered"), ("aleppo", "government", "withdrew")}),
    ("Rebels entered Hama, and the army withdrew from Salamiyah.",
     {("hama", "opposition", "entered"), ("salamiyah", "government", "withdrew")}),
    # a long apposition with a relative clause between a place and its passive verb
    ("Rebels seized Anjara on Wednesday. The 46th Regiment base, a sprawling compound west of the city that the "
     "army had used for years to shell the Idlib countryside, was overrun in the morning.",
     {("anjara", "opposition", "captured"), ("base_46", "opposition", "captured")}),
])
def test_relatives_coordination_and_long_appositions(run, text, claims):
    assert run(text) == claims


def test_done_clearing_and_a_medium_spoken_on(run, read):
    # "after clearing X": the clearing is done
    assert run("The SNA entered Manbij after clearing the Arima area to the west and the village of Awn al-Dadat.") == {
        ("manbij", "sna", "entered"), ("arima", "sna", "captured"), ("awn_al_dadat", "sna", "captured")}
    # the medium a speaker spoke on names no side: state television's name is no agent of "the liberation of"
    assert read("A group of men appeared on Syrian state television to announce the liberation of Damascus.") == []
    (c,) = read("A commander said on state television that the army had retaken Hama.")
    assert (c.actor, c.claimant_side) == ("government", "other")


@pytest.mark.parametrize("text, claims", [
    # a gain told in a relative clause's pluperfect, undone by the gain told before it, is no claim
    ("The army retook Kafraa, which rebels had captured on Tuesday.", {("kafraa", "government", "captured")}),
    ("The source recalled that army units had yesterday restored security and stability to the villages of "
     "Kafraa and Maarshahour, after eliminating the terrorists who had infiltrated them.",
     {("kafraa", "government", "captured"), ("maarshahour", "government", "captured")}),
    # ... but one not undone stays
    ("The army retook Kafraa, which rebels had captured on Tuesday, and rebels who had entered Hama held it.",
     {("kafraa", "government", "captured"), ("hama", "opposition", "entered"), ("hama", "opposition", "controls")}),
])
def test_a_gain_undone_in_the_same_sentence(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "they" after a force fought with is the fighting force
    ("Factions led by HTS took control of Maardes after violent clashes with regime forces, and consolidated "
     "their control over Taybat al-Imam, which they seized the day before.",
     {("maardes", "opposition", "captured"), ("taybat_al_imam", "opposition", "controls"),
      ("taybat_al_imam", "opposition", "captured")}),
    # "has kept forces at" is a hold, not an arrival
    ("Russia has kept forces at Hmeimim since 2015.", {("hmeimim_airbase", "russia", "controls")}),
    # "whose" after a force fought against is the fighting force's
    ("The US-led coalition against ISIS, whose troops are stationed at the Conoco gas field, said nothing.",
     {("conoco_gas_field", "us", "controls")}),
])
def test_the_force_fighting_not_the_one_fought(run, text, claims):
    assert run(text) == claims


def test_a_tickers_time_before_a_speakers_label(read):
    (c,) = read('01:10 - Factions: we have entered Homs "from several directions".')
    assert (c.place_id, c.actor, c.status, c.claimant) == ("homs", "opposition", "entered", "Factions")


@pytest.mark.parametrize("text, claims", [
    ("The takfiri outfits overran large parts of Aleppo last week.", {("aleppo", "opposition", "captured")}),
    ("The revolutionaries have entered Hama from the Tariq Halab direction.", {("hama", "opposition", "entered")}),
    ("Patrols of the armed opposition have appeared on the streets of Latakia city.", {("latakia", "opposition", "entered")}),
    ("Rebels pushed on. They are a few hundred metres from Hama.", {("hama", "opposition", "advancing")}),
    ("By Monday, Israeli troops were holding positions atop the Hermon.", {("mount_hermon", "israel", "controls")}),
    # a force placed in a region the gazetteer draws no place for ("in southern Syria")
    ("The SDF moved as local armed groups in southern Syria took over Daraa.", {("daraa", "opposition", "captured")}),
])
def test_outfits_revolutionaries_streets_and_heights(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "the capital" is the city context.toml names for this conflict
    ("By Saturday afternoon, fighters were within 20 kilometres of the capital.", {("damascus", "opposition", "advancing")}),
    ("The army abandoned its positions in and around the Syrian capital.", {("damascus", "government", "withdrew")}),
    # ... but not one named right before it, nor "the capital of ..."
    ("Rebels took Idlib, the capital of Idlib province.", {("idlib", "opposition", "captured")}),
])
def test_the_capital(run, text, claims):
    assert run(text) == claims


def test_there_after_a_subject_is_where_the_last_claim_was(run):
    assert run("The SDF took Khasham and Hatla on Friday. Regime troops there left without a fight.") == {
        ("khasham", "sdf", "captured"), ("hatla", "sdf", "captured"),
        ("khasham", "government", "withdrew"), ("hatla", "government", "withdrew")}
    assert run("Rebels entered Hama. Shops there were closed.") == {("hama", "opposition", "entered")}


@pytest.mark.parametrize("text, claims", [
    # what the review found: no claims from these
    ("The army redeployed its troops in Homs ahead of an expected assault.", set()),   # moved within Homs
    ("Turkey demanded that the SDF relinquish Manbij.", set()),   # a demand
    ("The SDF controls about 30% of Syria, including Raqqa and Hasakah.", set()),   # a share of the country
    ("Rebels were five km from Homs. Government troops there withdrew.", {("homs", "opposition", "advancing")}),
    ("Rebels entered Hama's northern districts, and the army withdrew to the city centre.",
     {("hama", "opposition", "entered")}),
    # a share of a province is a lasting partition, not a fight
    ("The SDF holds 70 percent of Deir ez-Zor province.", {("deir_ez_zor_governorate", "sdf", "controls")}),
    # "the capital's Mezzeh air base": the named part, not the capital
    ("Rebels captured the capital's Mezzeh air base.", {("mezzeh_airbase", "opposition", "captured")}),
    ("Rebels entered the capital's Kafr Sousa district.", {("kafr_sousa", "opposition", "entered")}),
])
def test_what_the_third_review_found(run, text, claims):
    assert run(text) == claims


def test_a_month_and_year_heading_names_no_day():
    gaz = load(ROOT / "gazetteer.csv")
    r = parse_report(Path("t.txt"), b"November 2024\nRebels took Aleppo.\n", Source("W", "2024-12-05", "", ""))
    assert [(c.place_id, c.date) for c in extract_claims(r, find_mentions(r, Matcher(gaz)), ClaimVocabulary(), gaz)] == [
        ("aleppo", "2024-12-05")]


def test_the_capital_beside_its_name_is_that_name(read):
    (c,) = read("Rebels took a key highway that links Aleppo to the capital Damascus.")
    assert c.place_id == "m5_highway"


def test_a_participle_after_an_unnamed_object_opens_its_own_clause(run):
    assert run("Over the past 48 hours the factions have pushed into the northern countryside, taking Souran and Maardes.") == {
        ("souran", "opposition", "captured"), ("maardes", "opposition", "captured")}
    # ... while an apposition naming the object still names it
    assert run("Rebels took the provincial capital, Deir ez-Zor, on Friday.") == {("deir_ez_zor", "opposition", "captured")}


@pytest.mark.parametrize("text, claims", [
    ("The counter-attack by government troops retook Suqaylabiyah on Thursday.", {("suqaylabiyah", "government", "captured")}),
    ("The offensive, spearheaded by HTS, overran Saraqib.", {("saraqib", "opposition", "captured")}),
    ("Rebels were fifteen km from Homs.", {("homs", "opposition", "advancing")}),
    ("Rebels came within twenty kilometres of Homs.", {("homs", "opposition", "advancing")}),
])
def test_owned_nouns_by_a_force_and_larger_number_words(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a state's adjective linked to a noun ("Kurdish-affiliated forces"): that side's, a state's proxy's
    ("Kurdish-affiliated forces are reported to remain in Sheikh Maqsoud.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("Turkish-affiliated armed groups reportedly took control of Tal Rifaat on 1 December.",
     {("tal_rifaat", "sna", "captured")}),
    ("Iranian-aligned militias withdrew from Albu Kamal.", {("abu_kamal", "iran", "withdrew")}),
])
def test_a_state_adjective_linked_to_a_force_noun(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # an apposition describing a list item does not end the list
    ("Local fighters take Daraa, the cradle of the 2011 uprising, and Sweida, the heartland of the Druze minority.",
     {("daraa", "opposition", "captured"), ("as_suwayda", "opposition", "captured")}),
    ("The SNA seized Tal Rifaat, the last Kurdish enclave west of the Euphrates, and Manbij, a mainly Arab city.",
     {("tal_rifaat", "sna", "captured"), ("manbij", "sna", "captured")}),
    ("Rebels captured Rastan, a town north of Homs, and Talbiseh on Friday.",
     {("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    # ... unless a clause of its own follows it
    ("Rebels seized Daraa, the cradle of the uprising, and Hama remained under government control.",
     {("daraa", "opposition", "captured"), ("hama", "government", "controls")}),
    # gapping: places that share the verb before them, each with its own date
    ("Aleppo fell to the rebels on Nov. 30, Hama on Dec. 5 and Homs early on Sunday.",
     {("aleppo", "opposition", "captured"), ("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    ("Aleppo was captured by HTS on November 30, Hama on December 5, and Homs in the early hours of December 8.",
     {("aleppo", "opposition", "captured"), ("hama", "opposition", "captured"), ("homs", "opposition", "captured")}),
    ("Aleppo fell to the rebels on Saturday, Damascus on Sunday.",
     {("aleppo", "opposition", "captured"), ("damascus", "opposition", "captured")}),
    # ... not a place with a clause of its own, nor one without a date
    ("Aleppo fell to the rebels on Nov. 30, and Hama was quiet on Dec. 5.", {("aleppo", "opposition", "captured")}),
    ("Aleppo fell to the rebels on Nov. 30, Hama residents said on Dec. 5.", {("aleppo", "opposition", "captured")}),
    ("Aleppo fell to the rebels, Hama is next.", {("aleppo", "opposition", "captured")}),
    # a relative clause opened by a preposition: "from which", "into which"
    ("Rebels entered Hama, from which the army withdrew on Thursday.",
     {("hama", "opposition", "entered"), ("hama", "government", "withdrew")}),
    ("Druze factions control Sweida province, from which government forces withdrew on Saturday.",
     {("as_suwayda_governorate", "opposition", "controls"), ("as_suwayda_governorate", "government", "withdrew")}),
])
def test_appositions_in_lists_gapping_and_prepositional_relatives(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "in the rebels' hands" as "in rebel hands" and "in the hands of the rebels"
    ("The Nasib crossing has been in the rebels' hands since Friday.", {("nasib", "opposition", "controls")}),
    ("The Nasib crossing has been in the hands of the rebels since Friday.", {("nasib", "opposition", "controls")}),
    ("Tartus remains in Russian hands for now.", {("tartus", "russia", "controls")}),
    # being in a city's suburbs is coming near it
    ("Rebels are now in the suburbs of Hama.", {("hama", "opposition", "advancing")}),
    ("Rebels are on the northern outskirts of Hama.", {("hama", "opposition", "advancing")}),
    # a relative clause after a list is about the whole list
    ("The rebels took Hama and Homs, which the army abandoned.",
     {("hama", "opposition", "captured"), ("homs", "opposition", "captured"),
      ("hama", "government", "withdrew"), ("homs", "government", "withdrew")}),
])
def test_hands_suburbs_and_relatives_after_a_list(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a backer's word for its ally's loss: the ally lost it
    ("A Russian war-correspondent channel said the loss of al-Rastan had cut the road.",
     {("rastan", "government", "failed_to_hold")}),
    ("The army said the loss of Rastan was temporary.", {("rastan", "government", "failed_to_hold")}),
    # a province the sentence opens with is not taken with an unnamed object in it
    ("In the Idlib countryside, the factions wrested the city of Saraqib from the regime forces on Friday, "
     "taking control of the junction where the M4 and M5 meet.", {("saraqib", "opposition", "captured")}),
])
def test_a_backers_loss_and_a_province_as_scene(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a list whose items repeat the preposition
    ("Army units withdrew from Deir ez-Zor, from al-Mayadin and from Albu Kamal on the Iraqi border.",
     {("deir_ez_zor", "government", "withdrew"), ("mayadin", "government", "withdrew"),
      ("abu_kamal", "government", "withdrew")}),
    # "in and around X"; "chased X out of Y"; "rolled into"; "pulled its warships out of"; "the perimeter of"
    ("Fighting between the SNA and the SDF continued in and around Manbij.", {("manbij", "sna", "contested")}),
    ("In the north, the Turkish-backed SNA has chased the Kurdish-led SDF out of Tal Rifaat.",
     {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "failed_to_hold")}),
    ("HTS fighters rolled into Latakia on Sunday.", {("latakia", "opposition", "entered")}),
    ("Russia has pulled most of its warships out of Tartus.", {("tartus", "russia", "withdrew")}),
    ("Rebels reached the perimeter of Hama military airport.", {("hama_airbase", "opposition", "advancing")}),
    # a number of troops with "about" before it: a garrison holds where it is
    ("The US has about 900 troops at al-Tanf.", {("al_tanf", "us", "controls")}),
    ("The operations room said it had taken 32 villages, among them Urm al-Kubra and Anjara.",
     {("urum_al_kubra", "opposition", "captured"), ("anjara", "opposition", "captured")}),
])
def test_repeated_prepositions_and_more_verbs_of_moving(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a sponsor's adjective before a nationality and a force name still names the proxy
    ("Turkish-backed Syrian rebels wrested Manbij from the SDF.", {("manbij", "sna", "captured")}),
    ("Turkish-backed Syrian opposition factions wrested Manbij from the SDF.", {("manbij", "sna", "captured")}),
    # "Ankara-funded factions" are the proxy, not Ankara: "its fighters" are the SNA's
    ("The Syrian National Army (SNA), an umbrella of Ankara-funded factions, said its fighters had taken full "
     "control of Manbij on Monday.", {("manbij", "sna", "captured")}),
    # "from the direction of X" only says where from: "it" is the town entered
    ("Rebels entered Tal Rifaat from the direction of Deir Jamal and liberated it.",
     {("tal_rifaat", "opposition", "entered"), ("tal_rifaat", "opposition", "captured")}),
    # "the fall of X" names no taker: none is borrowed from the sentence before
    ("The SDF took Deir ez-Zor on Friday. Since the fall of Damascus on Sunday, the SDF has kept its positions.",
     {("deir_ez_zor", "sdf", "captured")}),
])
def test_sponsored_names_directions_and_the_fall_of(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a subordinate clause opener ends the speaker's phrase: "... after the army said": the army
    ("Syrian army soldiers stand at a position in Qalaat al-Madiq after the army said it had driven the insurgents "
     "out of the town.", {("qalaat_al_madiq", "government", "captured", "the army"),
                          ("qalaat_al_madiq", "opposition", "failed_to_hold", "the army")}),
    # guarding a place's entrance or streets is holding it
    ("Members of the Syrian Democratic Forces guard the entrance of Sheikh Maqsoud.",
     {("sheikh_maqsoud", "sdf", "controls", "Test Wire")}),
    # ... and an apposition naming the district's city claims nothing about the city
    ("Members of the Syrian Democratic Forces guard the entrance of Sheikh Maqsoud, the Kurdish-majority district of "
     "Aleppo they still hold.", {("sheikh_maqsoud", "sdf", "controls", "Test Wire")}),
    ("Rebels took Sheikh Maqsoud, the Kurdish district of Aleppo, and Hama.",
     {("sheikh_maqsoud", "opposition", "captured", "Test Wire"), ("hama", "opposition", "captured", "Test Wire")}),
    ("Russian soldiers still guard the gates of the Hmeimim air base.",
     {("hmeimim_airbase", "russia", "controls", "Test Wire")}),
    # "and at X" goes on with a list of where a force is
    ("U.S. forces remain in eastern Syria and at the al-Tanf garrison.", {("al_tanf", "us", "controls", "Test Wire")}),
])
def test_speakers_after_a_subordinator_guards_and_lists_with_at(read, text, claims):
    assert {(c.place_id, c.actor, c.status, c.claimant) for c in read(text)} == claims


@pytest.mark.parametrize("text, claims", [
    # what a place owns or names is not the place: "Hama's water station", "the Homs oil refinery"
    ("Rebels took Hama's water station on Friday.", set()),
    ("Rebels seized Aleppo's power plant on Friday.", set()),
    ("The army withdrew from Homs's military college.", set()),
    ("Fighters took over the Homs oil refinery.", set()),
    ("Insurgents occupied the Hama central prison.", set()),
    ("HTS took Idlib's last government-held villages.", set()),
    ("The rebels took Aleppo's Christians under their protection.", set()),
    # ... but the parts of a place are it, and a facility's own name is its entry's
    ("Rebels broke into Aleppo's western districts.", {("aleppo", "opposition", "entered")}),
    ("SNA fighters seized the Kuweires military airport.", {("kuweires_airbase", "sna", "captured")}),
    # a base named before "base in X" is that base; a base left is no base held
    ("Russian forces remain at the Hmeimim air base in Latakia province.", {("hmeimim_airbase", "russia", "controls")}),
    ("The Russian military was withdrawing equipment from its base in Tartus.", set()),
    ("Russian personnel continue to hold the Hmeimim air base in Latakia province and the Tartus naval base.",
     {("hmeimim_airbase", "russia", "controls"), ("tartus_naval_base", "russia", "controls")}),
    # idioms of "take"
    ("The rebel offensive took Damascus by surprise.", set()),
    ("The army took Hama's civilians hostage, activists claimed.", set()),
    # on the verge of taking a place is coming near it
    ("The insurgents are on the verge of capturing Hama.", {("hama", "opposition", "advancing")}),
    ("The SNA was on the brink of taking Manbij.", {("manbij", "sna", "advancing")}),
    ("Rebels came close to capturing Hama but were driven back.", {("hama", "opposition", "advancing")}),
    # the force after a comma closing "After X fell" is another clause's subject, not the taker
    ("After Aleppo fell, the army regrouped in Hama.", set()),
    ("After Aleppo fell, Russia moved its jets to Hmeimim.", set()),
    # defending a place is holding it (an attack beaten back is "repelled")
    ("The Syrian army was defending Homs with its last elite units.", {("homs", "government", "controls")}),
    # allegiance decides the force
    ("Factions allied with Turkey captured Tal Rifaat.", {("tal_rifaat", "sna", "captured")}),
    ("Tribal fighters allied with the army attacked SDF positions in Deir ez-Zor.",
     {("deir_ez_zor", "government", "contested")}),
])
def test_owned_things_idioms_near_misses_and_allegiance(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("The army stopped the rebels from reaching Hama.", {("hama", "government", "repelled")}),
    ("Aleppo is no longer in government hands.", {("aleppo", "government", "failed_to_hold")}),
    ("Abu Mohammed al-Jolani's HTS now rules Aleppo.", {("aleppo", "opposition", "controls")}),
    ("HTS tightened its grip on Aleppo.", {("aleppo", "opposition", "controls")}),
    ("Assad's forces retain only Damascus.", {("damascus", "government", "controls")}),
    ("Government troops held on to Homs for another day.", {("homs", "government", "controls")}),
    ("Israeli soldiers are stationed on Mount Hermon.", {("mount_hermon", "israel", "controls")}),
    ('"We are in Homs now," the rebel commander said.', {("homs", "opposition", "entered")}),
    ("Rebels likewise captured Talbiseh.", {("talbiseh", "opposition", "captured")}),
    ("HTS said its fighters had taken full control of Aleppo's international airport.",
     {("aleppo_airport", "opposition", "captured")}),
    ("Hama's military airport fell to the rebels.", {("hama_airbase", "opposition", "captured")}),
    # ... and not these
    ("The SDF ruled out talks on Manbij.", set()),
    ("We are not in Homs yet, the commander said.", set()),
])
def test_more_ways_of_holding_and_losing(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "only to": what happened next, not a purpose
    ("Syrian troops retook Souran on Monday, only to lose it again on Tuesday.",
     {("souran", "government", "captured"), ("souran", "government", "failed_to_hold")}),
    ("Rebels entered Hama only to withdraw hours later.",
     {("hama", "opposition", "entered"), ("hama", "opposition", "withdrew")}),
    ("The army wants only to hold Hama.", set()),
])
def test_only_to_tells_what_happened_next(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # an insertion between dashes is no clause boundary
    ("On Thursday, Hama — Syria's fourth city — fell to the rebels.", {("hama", "opposition", "captured")}),
    ("The SNA said Tal Rifaat — a Kurdish enclave since 2016 — was now under its control.",
     {("tal_rifaat", "sna", "controls")}),
    # ... but a dash before a clause of its own still is
    ("Rebels took Hama — the army says it lost Homs.",
     {("hama", "opposition", "captured"), ("homs", "government", "failed_to_hold")}),
])
def test_insertions_between_dashes(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a phrase opening the sentence with where it happens is not its subject
    ("In northern Aleppo, the Tell Refaat area came under the control of Turkish-backed groups on 1 December.",
     {("tal_rifaat", "sna", "captured")}),
    ("In Aleppo, Sheikh Maqsoud remains under SDF control.", {("sheikh_maqsoud", "sdf", "controls")}),
    ("In Hama, the army withdrew on Thursday.", {("hama", "government", "withdrew")}),
])
def test_an_opening_place_phrase_is_no_subject(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a year in a relative clause after the phrase dates that clause, not the phrase
    ("The SNA took Tal Rifaat on Dec. 1 from Kurdish forces who had held it since 2016.",
     {("tal_rifaat", "sna", "captured")}),
    ("The army retook eastern Aleppo, which rebels had held since 2012, in December 2016.", set()),
    # "its partners" are the force's own
    ("HTS and its partners now hold Idlib.", {("idlib", "opposition", "controls")}),
    # "falls in a single day", "in the evening": not shells falling in a place
    ("Halfaya, Taybat al-Imam and Souran fall to the rebels in a single day.",
     {("halfaya", "opposition", "captured"), ("taybat_al_imam", "opposition", "captured"),
      ("souran", "opposition", "captured")}),
    ("Saraqib falls to the rebels in the evening.", {("saraqib", "opposition", "captured")}),
    ("Shells fell in Hama.", set()),
    ("Rebels fought their way into Khan al-Asal.", {("khan_al_asal", "opposition", "entered")}),
    ("By Saturday evening rebel fighters were on the northern and eastern outskirts of Homs.",
     {("homs", "opposition", "advancing")}),
    ("Israeli forces pushed into Madinat al-Baath and into the Druze village of Hader.",
     {("madinat_al_baath", "israel", "entered"), ("hader", "israel", "entered")}),
    # gapped lists and days
    ("Hama fell to the rebels on Thursday, Rastan and Talbiseh on Friday.",
     {("hama", "opposition", "captured"), ("rastan", "opposition", "captured"), ("talbiseh", "opposition", "captured")}),
    ("Halfaya fell to the rebels on Tuesday, Souran the same night.",
     {("halfaya", "opposition", "captured"), ("souran", "opposition", "captured")}),
    # an adjective or an owner before a listed place
    ("HTS has overrun Anjara and the sprawling Base 46, the army's largest garrison west of Aleppo.",
     {("anjara", "opposition", "captured"), ("base_46", "opposition", "captured")}),
    ("The militants had seized dozens of villages and the army's 46th Regiment base near the town of Atarib.",
     {("base_46", "opposition", "captured")}),
])
def test_relative_years_partners_falls_gapped_lists_and_item_adjectives(run, text, claims):
    assert run(text) == claims


def test_what_a_journalists_question_line_asserts_is_claimed_and_what_it_asks_is_not(read):
    """Four later sets annotate the declaratives of a reporter's question line: the side quoted, else the
    reporter ("other"); the question itself claims nothing."""
    got = read("QUESTION: There are reports that the opposition has entered the outskirts of Hama. Can you confirm?")
    assert {(c.place_id, c.actor, c.claimant_side) for c in got} == {("hama", "opposition", "other")}
    got = read("Q: Rebels say they have entered Hama. Can you confirm that?")
    assert {(c.place_id, c.actor, c.status, c.claimant_side) for c in got} == {("hama", "opposition", "entered", "opposition")}
    assert not read("QUESTION: Have the rebels entered Hama?")


def test_what_a_source_rejects_or_an_attribution_names_is_no_claim(run):
    """A report a speaker rejects claims nothing; a force named in "a Syrian military source said"
    is the speaker, not the agent of "fell"; a local network named after its town is no place."""
    assert run("Government forces still control Mayadin, a military source said, rejecting reports of a pullout.") == {
        ("mayadin", "government", "controls")}
    assert run("Russian troops abandoned the Kuweires airbase before it fell, a Syrian military source said.") == {
        ("kuweires_airbase", "russia", "withdrew")}
    assert run("Local rebel gunmen seized Salkhad and Qanawat, the Suwayda 24 news network reported.") == {
        ("salkhad", "opposition", "captured"), ("qanawat", "opposition", "captured")}


@pytest.mark.parametrize("text, claims", [
    ("Taqad and Kafr Naya were the latest villages to fall to the fighters.",
     {("taqad", "opposition", "captured"), ("kafr_naya", "opposition", "captured")}),
    ("After capturing Daraa, rebels drove north toward Damascus.",
     {("daraa", "opposition", "captured"), ("damascus", "opposition", "advancing")}),
    # a hold since an earlier year is current: in the present perfect, or "under X rule since" set apart
    ("Jarabulus and Azaz have been under SNA control since Turkish operations in 2016 and 2018.",
     {("jarabulus", "sna", "controls"), ("azaz", "sna", "controls")}),
    ("Afrin, under Turkish-backed rule since 2018, has been spared the fighting.", {("afrin", "sna", "controls")}),
    # ... but not a town that only was ("spent eight years under ...") or is next to fall
    ("Homs could be the next city to fall to the rebels.", set()),
    ("Afrin, captured by Turkish-backed forces in 2018, has been spared the fighting.", set()),
])
def test_falls_advances_and_holds_since_a_year(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a participle opening the sentence belongs to the main clause's force
    ("Seizing al-Safira on Sunday, the SNA cut off the defence factories south-east of Aleppo.",
     {("safira", "sna", "captured")}),
    # a force "in control" with no object holds the place the sentence opens with, or names after "in"
    ("In Tal Tamr, Kurdish-led forces are firmly in control, a resident said.", {("tal_tamr", "sdf", "controls")}),
    ("The SDF remains in control in Tal Tamr.", {("tal_tamr", "sdf", "controls")}),
    ("In Hama, the rebels are in control of the situation.", set()),
    # places that only say where a road runs are not what it says is held
    ("The road between Saraqib and Ariha is now under rebel control.", set()),
    ("Saraqib and Ariha are now under rebel control.",
     {("saraqib", "opposition", "controls"), ("ariha", "opposition", "controls")}),
    # a hold since a clause dated with an earlier year is current in the present perfect
    ("Idlib city has been run by HTS since the opposition expelled government forces in 2015.",
     {("idlib", "opposition", "controls")}),
    # the taker after "lost ... to" past an apposition describing the places
    ("Government forces lost Nubl and al-Zahraa, two Shiite towns north of Aleppo, to the Turkish-backed rebels.",
     {("nubl", "government", "failed_to_hold"), ("zahraa", "government", "failed_to_hold"),
      ("nubl", "sna", "captured"), ("zahraa", "sna", "captured")}),
])
def test_openings_scenes_and_takers_past_an_apposition(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a list after a noun phrase that describes it: "the country's three biggest cities, A, B and C"
    ("The rebels now control the country's three biggest cities, Aleppo, Homs and Hama.",
     {("aleppo", "opposition", "controls"), ("homs", "opposition", "controls"), ("hama", "opposition", "controls")}),
    ("Rebels took Syria's fourth city, Hama.", {("hama", "opposition", "captured")}),
    # running a place, and checkpoints at its entrance
    ("HTS and its allies administer Aleppo through a civil authority brought in from Idlib.",
     {("aleppo", "opposition", "controls")}),
    ("The Military Operations Command has set up its own checkpoint at the entrance to Nabk.",
     {("nabk", "opposition", "controls")}),
    ("Aleppo is now under the de facto control of Hayat Tahrir al-Sham.", {("aleppo", "opposition", "controls")}),
    ("Aid workers administered first aid in Aleppo.", set()),
])
def test_described_lists_and_ways_to_run_a_place(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, places", [
    # a counted object whose list follows a colon, past what locates it
    ("SDF fighters on Tuesday took seven villages on the eastern bank of the Euphrates, facing Deir ez-Zor city, "
     "that had been held by the government: Hatla, Marrat, Mazloum and Khasham.", {"hatla", "marrat", "mazlum", "khasham"}),
    ("The SDF said it had become \"responsible for safeguarding\" four villages: Hatla, Marrat, Mazloum and Khasham.",
     {"hatla", "marrat", "mazlum", "khasham"}),
    # a list goes on past a participle describing an item
    ("The SNA captures Tal Rifaat, held by Kurdish forces since 2016, and the Kuweires air base.",
     {"tal_rifaat", "kuweires_airbase"}),
])
def test_lists_past_colons_and_descriptions(run, text, places):
    assert {c[0] for c in run(text) if c[2] == "captured"} == places


@pytest.mark.parametrize("text, claims", [
    # a foreign state's base is held by that state; "US" is the state, not the speaker's "us"
    ("The US garrison at al-Tanf is marked with its own symbol.", {("al_tanf", "us", "controls")}),
    ("Journalists visited the Russian air base at Hmeimim on Monday.", {("hmeimim_airbase", "russia", "controls")}),
    ("Also: the army base at al-Waer is empty.", set()),
])
def test_a_foreign_states_base(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    ("None of the reports circulating on Telegram that opposition fighters had entered Hama could be confirmed.", set()),
    ("There is no evidence, despite days of speculation on television, that Israeli forces have advanced toward Qatana.",
     set()),
    ("Opposition fighters entered Salamiyah on Friday, residents said. An earlier report that they had also entered "
     "al-Saan was later withdrawn.", {("salamiyah", "opposition", "entered")}),
])
def test_reports_nothing_confirms_or_that_were_withdrawn(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a restrictive relative clause with a verb of its own between a force and the phrase: the force's
    ("Government forces that guarded the road pulled out of Albu Kamal.", {("abu_kamal", "government", "withdrew")}),
    ("Rebel fighters who had massed north of the city entered Hama on Thursday.", {("hama", "opposition", "entered")}),
    ("Syrian government forces and the Iran-backed groups that guarded the road pulled out of Albu Kamal.",
     {("abu_kamal", "government", "withdrew"), ("abu_kamal", "iran", "withdrew")}),
    # ... and a withdrawal with no object leaves the place the relative clause says the force held
    ("The soldiers who manned the posts on Mount Hermon left on Saturday night.",
     {("mount_hermon", "government", "withdrew")}),
    ("The Kurdish-led forces that had run Tal Rifaat since 2016 pulled out.", {("tal_rifaat", "sdf", "withdrew")}),
    ("Turkish-backed fighters took Tel Rifaat on Monday, and the Kurdish-led forces that had run the town since 2016 "
     "pulled out with most of its residents.", {("tal_rifaat", "sna", "captured"), ("tal_rifaat", "sdf", "withdrew")}),
    # "that" after a reporting verb's object opens what it reports, no relative clause
    ("A military source told SANA that fierce fighting was under way in Halfaya.", set()),
])
def test_a_restrictive_relative_between_a_force_and_its_verb(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # an advance told by where it comes from or runs along before where it heads
    ("HTS and allied factions pushed south from Hama towards Homs.", {("homs", "opposition", "advancing")}),
    ("Opposition fighters were reported on Monday to be pressing along the Palmyra road towards Deir ez-Zor.",
     {("deir_ez_zor", "opposition", "advancing")}),
    # a force driven from a place towards another is no advance of the one driving it
    ("The army drove the rebels from Hama towards Idlib.",
     {("hama", "government", "captured"), ("hama", "opposition", "failed_to_hold")}),
])
def test_an_advance_from_a_place_or_along_a_road(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a flag raised over a place, in the passive: the force is the flag's
    ("The rebels' flag was raised over the citadel of Aleppo.", {("aleppo_citadel", "opposition", "captured")}),
    # the revolution's flag is every anti-Assad faction's: the force is who raises it
    ("Footage showed SNA fighters raising the opposition flag over a government building in Manbij.",
     {("manbij", "sna", "captured")}),
    ("The SDF flag had been raised over the governorate building in Deir ez-Zor.",
     {("deir_ez_zor", "sdf", "captured")}),
    # a building or terminal "at"/"in" a place stands for the place
    ("Opposition fighters moved into the terminal at Damascus International Airport.",
     {("damascus_airport", "opposition", "entered")}),
    # seen or reported inside a place is presence ("in control" is no sighting)
    ("Opposition fighters were reported in Latakia city on Monday.", {("latakia", "opposition", "entered")}),
    ("Rebels were seen in the streets of Hama.", {("hama", "opposition", "entered")}),
    ("Clashes were reported in Hama.", set()),
    # a relative clause after a place that a comma-set locator follows
    ("The SNA attacked Tal Rifaat, some 30 km north of Aleppo, which Kurdish forces abandoned over the weekend.",
     {("tal_rifaat", "sna", "contested"), ("tal_rifaat", "sdf", "withdrew")}),
    # a stretch of land with no name, then the list it includes
    ("That pocket is now under SDF control, including Khasham and Hatla.",
     {("khasham", "sdf", "controls"), ("hatla", "sdf", "controls")}),
    ("The villages are in rebel hands, including Khitab and Souran.",
     {("khitab", "opposition", "controls"), ("souran", "opposition", "controls")}),
])
def test_flags_buildings_sightings_and_included_places(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a force that claims a place claims to have taken it, in its own words
    ("Rebels claimed Hama on Thursday.", {("hama", "opposition", "captured", "opposition")}),
    ("The SNA claimed Tal Rifaat after a two-day push.", {("tal_rifaat", "sna", "captured", "sna")}),
    # not a claim "that", of responsibility, of a noun phrase read on its own, nor one whose object opens a clause
    ("The SDF claimed Tal Rifaat was calm.", set()),
    ("The rebels claimed responsibility for the attack on Hama.", set()),
    ("The strike claimed the lives of ten people in Hama.", set()),
    ("The rebels claimed the capture of Hama.", {("hama", "opposition", "captured", "opposition")}),
])
def test_a_force_claiming_a_place(read, text, claims):
    assert {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text)} == claims


@pytest.mark.parametrize("text, claims", [
    # an attacker's failure to take a place is its defender's repulse: the attacker's foe (actors.toml "foe")
    ("The factions failed to take control of Jabal Zain al-Abidin despite fierce battles.",
     {("jabal_zayn_al_abidin", "government", "repelled")}),
    ("The rebels failed to capture Qamhana.", {("qamhana", "government", "repelled")}),
    ("The army failed to retake Morek.", {("morek", "opposition", "repelled")}),
    # ... or the force the report has named that faced it
    ("The SDF attacked government-held villages on Tuesday. The SDF failed to take Khasham.",
     {("khasham", "government", "repelled")}),
    # the attacker stays the subject for what follows
    ("The rebels failed to take Qamhana. They entered Hama on Thursday.",
     {("qamhana", "government", "repelled"), ("hama", "opposition", "entered")}),
    # a failure denied, or long past, is none
    ("The rebels have not failed to take Hama.", set()),
    ("The rebels took Hama after they had failed to take it in 2016.", set()),
])
def test_a_failure_to_take_a_place_is_its_defenders_repulse(run, text, claims):
    assert {c for c in run(text) if c[2] != "captured"} == claims


@pytest.mark.parametrize("text, claims", [
    # a prison's inmates freed, its gates opened: the force is inside it
    ("Rebels opened the gates of Saydnaya prison on Sunday.", {("sednaya_prison", "opposition", "entered")}),
    ("The rebels said they had freed hundreds of prisoners from Sednaya prison.",
     {("sednaya_prison", "opposition", "entered")}),
    # (the prison, not the town of a bulleted label)
    ("- Sednaya: Rebels said they had freed thousands of detainees from the notorious Sednaya military prison.",
     {("sednaya_prison", "opposition", "entered")}),
    # prisoners "released" may be released by their jailers: no claim from that
    ("The government released 500 prisoners from Sednaya prison under an amnesty.", set()),
    # the city's outskirts are those of the place the sentence named before
    ("Rebels take Halfaya north of Hama and reach the city's northern outskirts.",
     {("halfaya", "opposition", "captured"), ("hama", "opposition", "advancing")}),
    # walking through a place is being in it
    ("Video showed insurgent fighters walking through the great gate of the Citadel of Aleppo.",
     {("aleppo_citadel", "opposition", "entered")}),
])
def test_prisons_opened_outskirts_of_the_city_and_walking_through(run, text, claims):
    assert run(text) == claims


def test_a_place_that_changed_hands_often_has_no_taker(run):
    text = ("Rebels advanced on Idlib. Ebla lies a few kilometres from Saraqeb, a town that has changed hands so often "
            "that archaeologists stopped counting.")
    assert ("saraqib", "opposition", "captured") not in run(text)


@pytest.mark.parametrize("text, claims", [
    # spoken copy's contractions: "they're", "we're", "they've" read as "they are", "we are", "they have"
    ("The rebels say they're already in Rastan.", {("rastan", "opposition", "entered")}),
    ("We're in Homs now, a rebel commander said.", {("homs", "opposition", "entered")}),
    ("Rebels say they've captured Hama.", {("hama", "opposition", "captured")}),
    ("The rebels've entered Homs.", {("homs", "opposition", "entered")}),
    # a withdrawal to a compass point takes no object: under a place's label, it leaves that place
    ("- Daraa: RED. Opposition factions took control of the city on 6 December. Government forces withdrew north.",
     {("daraa", "opposition", "captured"), ("daraa", "government", "withdrew")}),
])
def test_contractions_and_a_withdrawal_to_a_compass_point(run, text, claims):
    assert run(text) == claims


def test_a_fronted_scene_after_and_in_ends_the_list(run):
    got = run("In Sweida, Druze militias drove government forces out of the provincial capital, and in Quneitra, "
              "local groups took over.")
    assert ("quneitra", "opposition", "captured") not in got and ("quneitra", "government", "failed_to_hold") not in got
    assert ("as_suwayda", "government", "failed_to_hold") in got


@pytest.mark.parametrize("text, claims", [
    # a transcript line's speaker label speaks for every sentence of its line: "our forces" are the SDF's
    ("SDF SPOKESMAN: We made the decision. Our forces withdrew from Tal Rifaat.", {("tal_rifaat", "sdf", "withdrew", "sdf")}),
    # a force that "has fallen" is beaten, and takes no place (under a place's label either)
    ("Damascus: The regime has fallen.", set()),
    # "Government of Syria", "retained X", "under control of" with no article, "in the X direction"
    ("The Government of Syria withdrew its forces from Daraa.", {("daraa", "government", "withdrew", "outlet")}),
    ("The government retained Mhardeh through the week.", {("mahardah", "government", "controls", "outlet")}),
    ("Daraa and Izraa: under control of opposition factions.",
     {("daraa", "opposition", "controls", "outlet"), ("izraa", "opposition", "controls", "outlet")}),
    ("The Syrian armed forces have repelled attacks in the Hama direction.", {("hama", "government", "repelled", "outlet")}),
    # an attack on a place's outskirts repelled is the place's defence
    ("The army said it had repelled attacks on Hama's northern outskirts.", {("hama", "government", "repelled", "government")}),
    ("We've been inside Maarat al-Numan since this morning, a rebel commander said.",
     {("maarat_al_numan", "opposition", "entered", "opposition")}),
])
def test_transcripts_advisories_and_briefing_phrases(read, text, claims):
    assert {(c.place_id, c.actor, c.status, c.claimant_side) for c in read(text)} == claims


@pytest.mark.parametrize("text, claims", [
    # "the attack" beaten back is the one the sentence before made; "allied" fighters are the army's
    ("The SDF attacked Hatla on Tuesday. State media say the army and allied tribal fighters beat the attack back.",
     {("hatla", "sdf", "contested"), ("hatla", "government", "repelled")}),
    # close to a place is an approach (not "close to capturing" read as a capture)
    ("Today the armed groups gained ground again and are now very close to Hama.", {("hama", "opposition", "advancing")}),
    ("Qamhana is close to Hama.", set()),
    # a list goes on past "the same day"
    ("The SNA took the Kuweires airbase the same day and the Menagh airbase on 1 December.",
     {("kuweires_airbase", "sna", "captured"), ("menagh_airbase", "sna", "captured")}),
    # "and said" goes on about the place the same speaker just named
    ("The army said the rebels had entered Hama and said its units had withdrawn.",
     {("hama", "opposition", "entered"), ("hama", "government", "withdrew")}),
])
def test_the_attack_before_allies_closeness_and_the_same_speaker(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # "the army of X" is X's army; its enemies' names for Israel
    ("Since yesterday the army of the Zionist regime has moved into the Golan buffer zone.",
     {("golan_buffer_zone", "israel", "entered")}),
    # a plural withdrawal noun; a date right after a withdrawal is no object
    ("The army's withdrawals from Kanaker were reported on Saturday.", {("kanaker", "government", "withdrew")}),
    ("The SDF moved into Deir ez-Zor after government forces pulled out Dec. 6.",
     {("deir_ez_zor", "sdf", "entered"), ("deir_ez_zor", "government", "withdrew")}),
    # footage of a force doing something in a place puts it there
    ("Video from central Damascus shows opposition fighters celebrating in Umayyad Square.",
     {("umayyad_square", "opposition", "entered")}),
])
def test_whose_army_dates_after_a_withdrawal_and_footage(run, text, claims):
    assert run(text) == claims


@pytest.mark.parametrize("text, claims", [
    # a forecast right after the phrase is no claim; a forecast of something else after "and" leaves it
    ("An SNA move on Manbij also looks likely within days.", set()),
    ("Rebels entered Hama and a push on Homs is expected.", {("hama", "opposition", "entered")}),
    # "measures have been taken": no place taken; a "safe exit" offered is no withdrawal
    ("The Turkish Armed Forces continue their duties at their bases in northern Syria, including al-Bab, and all "
     "necessary measures have been taken.", {("al_bab", "turkey", "controls")}),
    ("The SNA offered the SDF a safe exit from Manbij.", set()),
])
def test_forecasts_measures_taken_and_offers(run, text, claims):
    assert run(text) == claims


def test_a_fall_shared_by_items_with_dates_of_their_own(run):
    got = run("Opposition forces took Aleppo city. Saraqeb fell on 29 November, Maarat al-Numan and the Abu al-Duhur "
              "airbase on 30 November, and Khan Shaykhun that evening.")
    assert {p for p, a, s in got if a == "opposition" and s == "captured"} == {
        "aleppo", "saraqib", "maarat_al_numan", "abu_al_duhur_airbase", "khan_shaykhun"}


def test_their_after_a_reporting_verb_and_its_time(run):
    assert run("The army said it held Hama. Opposition channels said late on 4 December that their fighters had "
               "taken Khitab.") == {("hama", "government", "controls"), ("khitab", "opposition", "captured")}


def test_a_holder_named_just_before_takes_no_other_place(run):
    got = run("Rebels entered Aleppo on Friday and seized the airport. The SDF holds Sheikh Maqsoud.\n\nIdlib\n"
              "Saraqeb fell on Saturday.")
    assert ("saraqib", "sdf", "captured") not in got and ("saraqib", "opposition", "captured") in got


@pytest.mark.parametrize("text, claims", [
    # a speaker's correction: the place corrected to
    ("We have also seen reports that the SNA took Tal Abyad - sorry, Tal Rifaat, north of the city.",
     {("tal_rifaat", "sna", "captured")}),
    # a necessity is no claim
    ("The minister said that the security of Turkey's borders required Manbij to be cleared as well.", set()),
    # a signature in brackets names who "our forces" are
    ("[22:15] Our forces repelled a new attack on Tishrin Dam.\n(SDF Media Center)", {("tishrin_dam", "sdf", "repelled")}),
])
def test_corrections_necessities_and_bracketed_signatures(run, text, claims):
    assert run(text) == claims


def test_a_reporting_verb_inside_a_forces_name_opens_no_clause(run):
    # "United States" holds "states": no reporting verb inside a force's name
    assert run("United States forces remain at al-Tanf.") == {("al_tanf", "us", "controls")}


def test_people_who_leave_a_place_a_force_holds_claim_nothing(run):
    assert run("Some families from Sheikh Maqsoud, which remains under SDF control, left for the north-east.") == {
        ("sheikh_maqsoud", "sdf", "controls")}
