"""Roles of mentions (place / metonym / dateline), one phenomenon per test.

The sentences are written for these tests; the gazetteer is a small one made here, so the
tests do not move when gazetteer.csv grows. The rules live in geo/data/metonymy.toml."""

from pathlib import Path

import pytest
from helpers import HEADER

from geo.gazetteer import load
from geo.mentions import Matcher, find_mentions
from geo.reports import parse_report

ROWS = """\
syria,Syria,Syrian Arab Republic,country,35.0,38.5,SY,,,300,test
turkey,Turkey,Turkiye,country,39.0,35.0,TR,,,400,test
russia,Russia,,country,60.0,90.0,RU,,,1000,test
iran,Iran,,country,32.0,54.0,IR,,,400,test
iraq,Iraq,,country,33.0,43.0,IQ,,,150,test
israel,Israel,,country,31.4,34.8,IL,,,100,test
jordan,Jordan,,country,31.2,36.5,JO,,,100,test
lebanon,Lebanon,,country,33.9,35.9,LB,,,50,test
united_states,United States,U.S.,country,39.0,-98.0,US,,,1000,test
damascus,Damascus,,city,33.51,36.29,SY,,,5,test
moscow,Moscow,,city,55.75,37.62,RU,russia,,10,test
ankara,Ankara,,city,39.92,32.85,TR,turkey,,10,test
tehran,Tehran,,city,35.69,51.42,IR,iran,,10,test
beirut,Beirut,,city,33.89,35.49,LB,lebanon,,10,test
washington,Washington,,city,38.9,-77.04,US,united_states,,10,test
kremlin,Kremlin,,landmark,55.752,37.618,RU,moscow,,1,test
aleppo,Aleppo,,city,36.2,37.16,SY,,,5,test
hama,Hama,,city,35.13,36.75,SY,,,5,test
homs,Homs,,city,34.73,36.71,SY,,,5,test
idlib,Idlib,,city,35.93,36.63,SY,,,5,test
latakia,Latakia,,city,35.52,35.79,SY,,,5,test
mayadin,Mayadin,Al Mayadeen|Al-Mayadin,town,35.02,40.45,SY,,,5,test
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return Matcher(load(path))


def roles(matcher, text: str, surface: str) -> list[str]:
    report = parse_report(Path("t.txt"), text.encode("utf-8"))
    found = [m.role for m in find_mentions(report, matcher) if m.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return found


def role(matcher, text: str, surface: str) -> str:
    (r,) = set(roles(matcher, text, surface))
    return r


# Datelines -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("BEIRUT, Jan 14 (Reuters) - Heavy clashes were reported overnight near Homs.", "BEIRUT"),
    ("DAMASCUS, Feb 2 (SANA) -- Officials met on Sunday to discuss the crossing into Syria.", "DAMASCUS"),
    ("TEHRAN: The foreign ministry spoke again about Aleppo on Monday.", "TEHRAN"),
    ("ANKARA — Officials said the crossing near Idlib would reopen.", "ANKARA"),
    ("Homs, Syria — Residents returned to the old market on Tuesday.", "Homs"),
    ("Damascus, 12 March – The ministry said the curfew in Hama had ended.", "Damascus"),
    ("MOSCOW, March 12. The defence ministry published new figures on Idlib.", "MOSCOW"),
])
def test_dateline_formats(matcher, text, surface):
    assert roles(matcher, "Heading of the story\n\n" + text, surface)[0] == "dateline"


def test_dateline_after_a_heading_stuck_to_the_first_sentence(matcher):
    text = ("Fighters push deeper into the countryside of Hama province amid heavy losses "
            "BEIRUT – The fighting spread to three more villages on Friday, a monitor said.")
    assert role(matcher, text, "BEIRUT") == "dateline"
    text = ("Warplanes pound positions across Idlib province, dozens of fighters killed "
            "MOSCOW, March 3. Strikes continued overnight, the ministry said.")
    assert role(matcher, text, "MOSCOW") == "dateline"


def test_region_of_a_dateline_is_part_of_it(matcher):
    text = "Heading\n\nHAMA, Syria, March 4 – Shelling resumed at dawn.\n\nMore fighting was reported in Syria."
    assert roles(matcher, text, "Syria") == ["dateline", "place"]


def test_a_heading_about_a_place_is_not_a_dateline(matcher):
    assert role(matcher, "LIVE: Battle for Homs – Tuesday updates\n\nShelling went on.", "Homs") == "place"
    assert role(matcher, "Top story\nDamascus: crowds gather in the squares\n", "Damascus") == "place"


# Actors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Ankara said the talks would resume next week.", "Ankara"),                 # speech verb
    ("Israel struck an arms depot overnight.", "Israel"),                        # action verb
    ("Iran has sent more advisers this month.", "Iran"),                         # auxiliary
    ("Russia is quietly moving its warships out of port.", "Russia"),            # progressive
    ("Russia retains control of the base for now.", "Russia"),                   # a verb, not "Syria talks"
    ("Moscow keeps hold of its port in Latakia.", "Moscow"),
    ("The government of Iran denied any role.", "Iran"),                         # its government
    ("The leaders of Turkey and Russia met in Doha.", "Turkey"),
    ("Tehran will firmly support its allies.", "Tehran"),                        # modal + adverb
    ("Washington has 1,200 troops stationed in the east.", "Washington"),        # possession
    ("Turkey on Tuesday closed two more crossings.", "Turkey"),                  # time adverbial
    ("Moscow continues to fly sorties over Idlib.", "Moscow"),
    ("Iraq was not involved in the fighting, its minister said.", "Iraq"),       # actor adjective
    ("Jordan, which borders Syria, reinforced its frontier posts.", "Jordan"),   # relative clause
])
def test_country_or_seat_as_subject_is_an_actor(matcher, text, surface):
    assert role(matcher, text, surface) == "metonym"


@pytest.mark.parametrize("text, surface", [
    ("Russia's air force flew more sorties.", "Russia"),
    ("Turkey's foreign minister spoke to reporters.", "Turkey"),
    ("Ankara's priority is the border, officials said.", "Ankara"),
    ("Iran's commitment to the alliance was questioned.", "Iran"),
])
def test_possessor_of_a_force_or_office_is_an_actor(matcher, text, surface):
    assert role(matcher, text, surface) == "metonym"


@pytest.mark.parametrize("text, surface", [
    ("The militias, armed by Iran, dug in around Hama.", "Iran"),
    ("Rebels received support from Ankara for months.", "Ankara"),
    ("Officials held talks with Damascus about the prisoners.", "Damascus"),
    ("The group, banned in Russia, claimed the attack.", "Russia"),
    ("Ankara has waged a long campaign against Israel in the courts.", "Israel"),
    ("Foreign ministers from Iran, Russia and Turkey are meeting in Doha tomorrow.", "Turkey"),
    ("Envoys from Tehran arrived late.", "Tehran"),
    # an agreement named after the city that hosted it
    ("The front froze after the Moscow agreement of March 2020.", "Moscow"),
])
def test_object_of_an_agentive_preposition_is_an_actor(matcher, text, surface):
    assert role(matcher, text, surface) == "metonym"


@pytest.mark.parametrize("text, surface", [
    ("Moscow had reassured Ankara that the base would stay.", "Ankara"),
    ("The sudden collapse stunned Tehran and its partners.", "Tehran"),
    ("Russia wants Damascus to open talks.", "Damascus"),
    ("Officials asked Jordan to reopen the crossing.", "Jordan"),
])
def test_object_of_a_verb_done_to_a_person_is_an_actor(matcher, text, surface):
    assert role(matcher, text, surface) == "metonym"


def test_hyphen_compounds(matcher):
    assert role(matcher, "Iran-aligned militias moved north.", "Iran") == "metonym"
    assert role(matcher, "Pro-Turkey factions entered the town.", "Turkey") == "metonym"
    assert role(matcher, "The Lebanon-based group denied it.", "Lebanon") == "place"
    assert role(matcher, "The Syria-Turkey border was closed.", "Turkey") == "place"


def test_coordinated_names_share_their_verb(matcher):
    text = "Russia, Iran and Turkey agreed to meet again."
    assert {role(matcher, text, s) for s in ("Russia", "Iran", "Turkey")} == {"metonym"}
    text = "Western capitals, including the United States and Britain, called for calm."
    assert role(matcher, text, "United States") == "metonym"


def test_appositive_and_parenthesis(matcher):
    assert role(matcher, "Tehran, the government's main ally, kept silent.", "Tehran") == "metonym"
    text = "Officials said Russia, despite heavy losses elsewhere, would keep its bases."
    assert role(matcher, text, "Russia") == "metonym"
    text = "Clashes continue, as Assad's two patrons, Russia and Iran, look elsewhere."
    assert role(matcher, text, "Iran") == "metonym"


def test_institution_and_government_noun(matcher):
    assert role(matcher, "A source in the Kremlin said the talks had stalled.", "Kremlin") == "metonym"
    assert role(matcher, "The Israel Defense Forces said the raid was over.", "Israel") == "metonym"


def test_person_named_like_a_place(matcher):
    assert role(matcher, "Interior Minister Jordan Peters resigned.", "Jordan") == "metonym"


# Places ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Air strikes in Idlib and in Syria killed 12 people.", "Syria"),
    ("Thousands fled to Turkey over the weekend.", "Turkey"),
    ("Flights to Moscow were cancelled.", "Moscow"),
    ("Militias crossed into Syria from Iraq at night.", "Iraq"),
    ("Rebel units were 15 kilometres from Damascus.", "Damascus"),
    ("Families camped along the border with Lebanon.", "Lebanon"),
    ("Fighting in northern Syria continued.", "Syria"),
    ("Insurgents entered Damascus before dawn.", "Damascus"),
    ("The capital Damascus was quiet on Monday.", "Damascus"),
    ("Damascus fell to the insurgents on Sunday.", "Damascus"),
    ("Damascus was captured within hours.", "Damascus"),
    ("The fall of Damascus ended decades of rule.", "Damascus"),
    ("Residents of Damascus said the shelling had stopped.", "Damascus"),
    ("The former president and his family are in Moscow, where they were given asylum.", "Moscow"),
    ("Observers expect Damascus to fall within days.", "Damascus"),
    ("People fleeing Syria have crossed into Lebanon.", "Syria"),
])
def test_country_or_seat_where_something_happens_is_a_place(matcher, text, surface):
    assert role(matcher, text, surface) == "place"


@pytest.mark.parametrize("text, surface", [
    ("Insurgents took Syria's third city on Thursday.", "Syria"),
    ("Strikes hit Syria's Latakia province overnight.", "Syria"),
    ("Crowds filled Damascus's main square.", "Damascus"),
])
def test_possessor_of_a_place_is_a_place(matcher, text, surface):
    assert role(matcher, text, surface) == "place"


def test_one_report_uses_a_name_both_ways(matcher):
    text = "Russia said its jets would stay. The former president flew to Russia on Sunday."
    assert roles(matcher, text, "Russia") == ["metonym", "place"]


def test_copula_keeps_a_place_unless_it_names_a_backer(matcher):
    assert role(matcher, "Damascus was quiet on Tuesday morning.", "Damascus") == "place"
    assert role(matcher, "The target is Damascus, a commander said.", "Damascus") == "place"
    assert role(matcher, "Turkey is the main backer of the northern factions.", "Turkey") == "metonym"


def test_a_name_as_a_noun_modifier_is_not_a_subject(matcher):
    assert role(matcher, "Syria talks were held in Geneva.", "Syria") == "place"
    assert role(matcher, "Iraq closes border as Syria fighting rages.", "Syria") == "place"
    assert role(matcher, "The highway linking Aleppo with Damascus was cut.", "Damascus") == "place"


def test_rules_are_data(tmp_path, matcher):
    """A user's own metonymy.toml (here one without the newer optional lists) is used as is."""
    (tmp_path / "metonymy.toml").write_text(
        'kinds = ["country"]\nseats = ["Moscow"]\nverbs = ["say/said"]\nauxiliaries = ["has"]\n'
        'government_nouns = ["spokesman"]\nhyphen_suffixes = ["backed"]\npreceding = ["backed by"]\n',
        encoding="utf-8")
    own = Matcher(matcher.gazetteer, tmp_path)
    assert role(own, "Moscow said the talks would resume.", "Moscow") == "metonym"
    assert role(own, "Moscow struck an arms depot.", "Moscow") == "place"   # "strike" is not listed
    assert role(own, "Ankara said the talks would resume.", "Ankara") == "place"   # not a seat there


@pytest.mark.parametrize("text, want", [
    ("Military sources told Al-Mayadeen that the attack was repelled.", "metonym"),
    ("Al Mayadeen's correspondent in Homs said the line held.", "metonym"),
    ("Al Mayadeen reported heavy shelling near Hama.", "metonym"),
    ("Rebels entered Al-Mayadeen on Friday.", "place"),
    ("Fighting raged in Al Mayadeen overnight.", "place"),
])
def test_a_town_written_as_a_news_outlets_name_is_the_outlet_where_it_speaks(matcher, text, want):
    """The Lebanese channel Al Mayadeen (outlets.toml) shares the Syrian town's name: a town is
    no metonym, but the outlet is, where it speaks or is spoken to."""
    surface = "Al Mayadeen" if "Al Mayadeen" in text else "Al-Mayadeen"
    assert role(matcher, text, surface) == want


def test_a_place_followed_by_who_is_a_team_or_people(matcher):
    """"Hama, who finished third": a club (or its people), not the city; "Hama, which fell" stays."""
    assert role(matcher, "Hama, who finished third, have lost two players.", "Hama") == "metonym"
    assert role(matcher, "Rebels took Hama, which fell on Thursday.", "Hama") == "place"


def test_the_help_of_a_country_is_the_country_acting(matcher):
    assert role(matcher, "The group seized the city in 2016 with the help of Russia.", "Russia") == "metonym"


@pytest.mark.parametrize("text, surface, want", [
    ("Jordan, Egypt and Saudi Arabia also condemned the move.", "Jordan", "metonym"),   # names it lacks
    ("Aid reached Aleppo, Kobani and Qamishli on Monday.", "Aleppo", "place"),
    ("Turkey and the SNA have held Tal Abyad since 2019.", "Turkey", "metonym"),   # "and the" + a name
    ("Fighters from Jordan and the Golan Heights entered Daraa.", "Jordan", "place"),
    ("A ceasefire between Israel and Hezbollah took effect in Lebanon.", "Israel", "metonym"),
    ("By Sunday evening Damascus was behind rebel lines and under opposition control.", "Damascus", "place"),
    ("Moscow likely lacks the capacity to reinforce its contingent.", "Moscow", "metonym"),
    ("Turkey has long demanded that Washington end its support for the group.", "Washington", "metonym"),
])
def test_more_ways_a_government_acts(matcher, text, surface, want):
    assert role(matcher, text, surface) == want


@pytest.mark.parametrize("text, surface, want", [
    # a country before a place abroad it owns is the state; before a place inside it, the country
    ("The airport shares its runway with Russia's Latakia air base.", "Russia", "metonym"),
    ("Fighting reached Syria's Latakia province.", "Syria", "place"),
])
def test_a_countrys_possession_abroad_is_the_state(matcher, text, surface, want):
    assert role(matcher, text, surface) == want


@pytest.mark.parametrize("text, surface, want", [
    ("The United States and Turkey list it as a terrorist organization.", "Turkey", "metonym"),
    ("There was no immediate comment from the government in Damascus.", "Damascus", "metonym"),
    ("Lavrov discussed the situation with his counterparts in Ankara and Tehran.", "Tehran", "metonym"),
    ("Kremlin: Moscow working to secure its bases", "Moscow", "metonym"),
    # a line that is only a state's name; a question's subject; a capital opening with its officials
    ("NADIA: Russia.", "Russia", "metonym"),
    ("What about Russia?", "Russia", "metonym"),
    ("- United States.", "United States", "metonym"),
    ("What are Russia and Iran doing?", "Iran", "metonym"),
    ("In Ankara, officials have so far avoided any comment.", "Ankara", "metonym"),
    ("For Ankara, the calculus is not complicated.", "Ankara", "metonym"),
    ("Moscow, whose military police patrolled the area, has been preoccupied.", "Moscow", "metonym"),
    ("A ceasefire came into force between Israel and Hezbollah in Lebanon.", "Israel", "metonym"),
    ("HTS is designated a terrorist organization by Syria, Russia, the United States and others.", "Russia", "metonym"),
    ("No one in Damascus has confirmed it.", "Damascus", "metonym"),
    ("Fidan said Ankara was in contact with all sides.", "Ankara", "metonym"),
    ("Diplomats say Washington is unlikely to move quickly.", "Washington", "metonym"),
    ("Damascus will have to choose between Hama and Homs.", "Damascus", "metonym"),
    ("Israel denies reports that its tanks have advanced.", "Israel", "metonym"),
    ("Assad's allies were caught off guard: Russia is bogged down in Ukraine.", "Russia", "metonym"),
    ("A senior U.S. defense official said commanders were watching.", "U.S.", "metonym"),
    ("The rebels run a state now, while Israel, Turkey and Russia each move to protect their interests.", "Turkey",
     "metonym"),
    # the people of a capital are no government; a noun's modifier is no verb; a capital alone may head its news
    ("Residents in Damascus said the night was quiet.", "Damascus", "place"),
    ("Syria fighting rages.", "Syria", "place"),
    ("Damascus", "Damascus", "place"),
    ("In Damascus, President Bashar al-Assad received the Iranian foreign minister.", "Damascus", "place"),
    ("In Damascus, residents celebrated in the streets.", "Damascus", "place"),
    ("Damascus, whose streets were empty, woke up to a new era.", "Damascus", "place"),
    ("The road between Damascus and Beirut was closed.", "Damascus", "place"),
    ("Where is Damascus?", "Damascus", "place"),
])
def test_a_seat_after_its_officials_and_a_headlines_participle(matcher, text, surface, want):
    assert role(matcher, text, surface) == want
