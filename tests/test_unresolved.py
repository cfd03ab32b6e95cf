"""The list of names the gazetteer lacks (unresolved.csv): place names in the contexts reports
use, and not people, organisations, months or words that open sentences.

Every sentence here is written for this test; the place names in them are real or made up, and
none is in the small gazetteer below except Hama, Aleppo, Idlib, Damascus, Manbij, Moscow, Ankara
and Syria."""

from pathlib import Path

import pytest

from geo.errors import VocabularyError
from geo.export import unresolved_csv as _unresolved_csv
from geo.gazetteer import Gazetteer
from geo.mentions import Matcher, find_mentions
from geo.model import Entry, Report
from geo.unresolved import COLUMNS, Row, find_unresolved, summarise


def entry(eid, name, kind="town", aliases=()):
    return Entry(id=eid, name=name, aliases=tuple(aliases), kind=kind, lat=35.0, lon=37.0, country="SY")


GAZ = Gazetteer(path=Path("small.csv"), sha256="", entries={e.id: e for e in [
    entry("hama", "Hama", "city"), entry("aleppo", "Aleppo", "city"), entry("idlib", "Idlib", "city"),
    entry("damascus", "Damascus", "city"), entry("manbij", "Manbij", "city"),
    entry("moscow", "Moscow", "city"), entry("ankara", "Ankara", "city"), entry("syria", "Syria", "country"),
]})
MATCHER = Matcher(GAZ)


def report(text: str, rid: str = "r1") -> Report:
    return Report(id=rid, path=Path(f"{rid}.txt"), title="", text=text, date="", outlet="", outlet_basis="", url="")


def found(text: str, rid: str = "r1", vocab_dir=None):
    r = report(text, rid)
    return find_unresolved(r, find_mentions(r, MATCHER), MATCHER, vocab_dir)


def names(text: str) -> list[str]:
    return [u.name for u in found(text)]


# Lists -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "the villages of A, B, C and D"
    ("Fighters overran the villages of Zeitouna, Barqoum, Kherbet Haj and Tal Hadiya before dawn.",
     ["Zeitouna", "Barqoum", "Kherbet Haj", "Tal Hadiya"]),
    # "A, B and C fell"
    ("Zeitouna, Barqoum and Maarzita fell within hours, the group said.", ["Zeitouna", "Barqoum", "Maarzita"]),
    # "A, B, and C were seized" (serial comma, fronted)
    ("Zeitouna, Barqoum, and Maarzita were also seized in the push.", ["Zeitouna", "Barqoum", "Maarzita"]),
    # "took over A, B, C and the X base"
    ("The factions took over Zeitouna, Barqoum, Maarzita and the Wadi Deif base.",
     ["Zeitouna", "Barqoum", "Maarzita", "Wadi Deif"]),
    # "listed A, B and C among the villages taken"
    ("Activists listed Zeitouna, Barqoum and Maarzita among the villages captured overnight.",
     ["Zeitouna", "Barqoum", "Maarzita"]),
    # a numbered list after a plural place noun and a colon
    ("The factions have captured these areas: (1) Zeitouna, (2) Barqoum and (3) Maarzita.",
     ["Zeitouna", "Barqoum", "Maarzita"]),
    # "ten districts, among them A and B"
    ("Fighters took several districts overnight, among them Bustan Zahra and Jamiliyeh.",
     ["Bustan Zahra", "Jamiliyeh"]),
    # coordinated with a place the gazetteer knows
    ("Shelling hit Hama and Qomhana on Tuesday.", ["Qomhana"]),
    ("Jets struck Idlib, Maarzita and Barqoum overnight.", ["Maarzita", "Barqoum"]),
    # "the A and B districts"
    ("Fighters pushed into the Hamdaniyeh and Zahraa Jadida districts.", ["Hamdaniyeh", "Zahraa Jadida"]),
    # "A and B, two towns"
    ("The army was a few kilometres from Zeitouna and Barqoum, two Shi'ite towns.", ["Zeitouna", "Barqoum"]),
])
def test_lists(text, expected):
    assert names(text) == expected


# Features --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Troops dug in on Sheikh Saad hill overnight.", ["Sheikh Saad"]),                 # X hill
    ("Rebels shelled Jabal Arbaeen from the valley.", ["Jabal Arbaeen"]),               # Jabal X
    ("The Zeyzoun dam was damaged by the shelling.", ["Zeyzoun"]),                      # X dam
    ("Drones struck the Qara Qozak bridge on Monday.", ["Qara Qozak"]),                  # X bridge
    ("Crowds gathered at the Saatiya roundabout at noon.", ["Saatiya"]),                 # X roundabout
    ("Protesters filled Saadallah al-Jabiri Square.", ["Saadallah al-Jabiri Square"]),   # X Square
    ("Detainees were freed from Balouna prison.", ["Balouna"]),                          # X prison
    ("Jets bombed the Shayrat base overnight.", ["Shayrat"]),                            # X base
    ("Gunmen attacked the Omar field on the east bank.", ["Omar"]),                      # X field
    ("Clashes erupted in the Salah al-Din district.", ["Salah al-Din"]),                 # X district
    ("The Bab al-Salameh crossing was closed to traffic.", ["Bab al-Salameh"]),          # X crossing
    ("Israeli troops climbed Mount Hermon on Sunday.", ["Mount Hermon"]),                # Mount X
    ("Residents fled the Sheikh Maqsoud neighbourhood.", ["Sheikh Maqsoud"]),            # the X neighbourhood
    ("Fires broke out in the Sheikh Najjar industrial zone.", ["Sheikh Najjar"]),        # X industrial zone
    ("Mortars fell on the Shahba region all night.", ["Shahba"]),                        # X region
    ("The regime shelled the Jisr al-Shughur countryside.", ["Jisr al-Shughur"]),        # X countryside
])
def test_feature_phrases(text, expected):
    assert names(text) == expected


# Verbs and prepositions ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Government forces entered Ariha after a brief battle.", ["Ariha"]),
    ("Rebels captured Souran before noon.", ["Souran"]),
    ("The army reached Khan Shaykhun at noon.", ["Khan Shaykhun"]),
    ("Heavy fighting was reported in the town of Morek.", ["Morek"]),
    ("Fighters massed on the outskirts of Suqaylabiyah.", ["Suqaylabiyah"]),
    ("Artillery pounded positions west of Mhardeh.", ["Mhardeh"]),
    ("The army said it pulled out of Halfaya overnight.", ["Halfaya"]),
    ("Clashes continued near Taftanaz.", ["Taftanaz"]),
    ("The group claimed the capture of Hazano.", ["Hazano"]),
    ("Families displaced from Zarzour arrived in the camps.", ["Zarzour"]),
    ("Rebels stormed Bennsh, a town east of Idlib, at dawn.", ["Bennsh"]),          # apposition
    ("Fighting continued around Tal Bijou, some 8 km north-west of the city.", ["Tal Bijou"]),
    ("Khattab fell to the rebels on Thursday.", ["Khattab"]),                        # fronted, "fell"
    ("Residents of Kafrnaha said the shelling had stopped.", ["Kafrnaha"]),          # not the speaker
    ("Protesters gathered in Jaramana on Sunday.", ["Jaramana"]),                    # weak: "in X"
])
def test_movement_and_location(text, expected):
    assert names(text) == expected


# Arabic-style names ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kurdish fighters withdrew from al-Ashrafiyeh on Sunday.", ["al-Ashrafiyeh"]),
    ("The rebels took Qalaat al-Madiq and Kafr Basin.", ["Qalaat al-Madiq", "Kafr Basin"]),
    ("Regime forces withdrew from Urum al-Sughra.", ["Urum al-Sughra"]),
    ("Fighters advanced from Deir Jamal to the west.", ["Deir Jamal"]),
    ("Um Dadat and Awn al-Dadat changed hands twice.", ["Um Dadat", "Awn al-Dadat"]),
    ("Jets struck near Qalaat al Madiq overnight.", ["Qalaat al Madiq"]),
    ("Fighters seized Ma'arat al-Nu'man on Friday.", ["Ma'arat al-Nu'man"]),
    ("Rebels said they had captured the 46th Regiment base.", ["46th Regiment"]),
    # a prefix before a known name is another place ("Kafr Hama" is not Hama)
    ("Shells landed on Kafr Hama at dawn.", ["Kafr Hama"]),
])
def test_arabic_style_names(text, expected):
    assert names(text) == expected


# What is not a place ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # people
    "SDF commander Mazloum Abdi said on Monday that talks had stalled.",
    "Abu Mohammad al-Jolani told the crowd that the war was over.",
    "The fighters received a message from Hassan Abdulghani before the assault.",
    "Walid Hasso, a resident of the village, said the shelling had not stopped.",
    "Foreign Minister Sergei Lavrov arrived in Ankara on Saturday.",
    "Sheikhmous Ahmed, who fled Manbij this week, said the road was cut.",
    '"This is a new dawn," said Umm Saleh, a mother of four from Idlib.',
    # organisations
    "Fighters from Jaysh al-Izza and Faylaq al-Sham joined the assault.",
    "The Nujabaa movement said it would send fighters.",
    "Witnesses said the Tiger Forces had abandoned their positions near Hama.",
    "The Syrian Observatory for Human Rights said 26 fighters had died near Idlib.",
    "The Afrin Military Council said its fighters had entered the town.",
    "Formerly known as al-Nusra Front, the group later changed its name.",
    # outlets, platforms, months and weekdays
    "According to Enab Baladi, the factions entered Idlib.",
    "Witnesses told Reuters that jets struck the area.",
    "In a statement on Telegram, the group said it had taken the hill.",
    "Fighting has raged in December and again on Sunday.",
    # words that open sentences
    "After crossing the river, the fighters entered Hama.",
    "Both towns sit on the main highway.",
    "Meanwhile, Moscow urged restraint.",
    # peoples and adjectives
    "Rebels captured Iranian-made drones and seized Kurdish villages.",
    # a name in the possessive is not what the preposition is about
    "The decision was announced in Erdogan's palace.",
    # a headline in Title Case
    "Rebels Seize Key Town Of Zeitouna As Army Retreats",
])
def test_not_places(text):
    assert names(text) == []


def test_acronyms_and_known_places_are_not_listed():
    assert names("The SDF and the YPG withdrew from Manbij and Aleppo.") == []


def test_unknown_dateline_is_listed_but_a_known_one_is_not():
    assert names("QAMISHLO – Kurdish forces regrouped on Monday.") == ["QAMISHLO"]
    assert names("DAMASCUS – Government forces regrouped on Monday.") == []


# Occurrences and the summary -------------------------------------------------------------------

def test_other_occurrences_of_a_listed_name_count_and_the_clearest_is_the_example():
    text = ("Qomhana was quiet in the morning. Later, regime forces pulled out of Qomhana, the village "
            "north of the city. Residents said Qomhana had no power.")
    items = found(text)
    assert [u.name for u in items] == ["Qomhana", "Qomhana", "Qomhana"]
    assert all(text[u.start:u.end] == "Qomhana" for u in items)
    (row,) = summarise(items)
    assert isinstance(row, Row) and row.name == "Qomhana" and (row.mentions, row.articles) == (3, 1)
    assert row.example_sentence.startswith("Later, regime forces pulled out of Qomhana")


def test_summary_counts_articles_and_sorts_by_mentions():
    items = found("Rebels entered Zeitouna and Barqoum.", "a") + found("Rebels entered Zeitouna.", "b")
    rows = summarise(items)
    assert [(r.name, r.mentions, r.articles, r.example_article) for r in rows] == [
        ("Zeitouna", 2, 2, "a"), ("Barqoum", 1, 1, "a")]


def test_csv_columns():
    assert COLUMNS == ("name", "mentions", "articles", "example_article", "example_sentence", "claims")
    rows = summarise(found("Rebels entered Zeitouna, the town said to be empty."))
    header, line = _unresolved_csv(rows).decode("utf-8").splitlines()
    assert header == ",".join(COLUMNS)
    assert line.startswith("Zeitouna,1,1,r1,")


# Vocabulary ------------------------------------------------------------------------------------

def test_cue_words_come_from_the_vocabulary_folder(tmp_path):
    text = "Shelling hit Wardeh Raml all night."
    assert names(text) == []
    src = (Path(__file__).resolve().parent.parent / "geo" / "data" / "unresolved.toml").read_text(encoding="utf-8")
    (tmp_path / "unresolved.toml").write_text(src.replace('"jabal", "jebel",', '"wardeh", "jabal", "jebel",'),
                                               encoding="utf-8")
    assert [u.name for u in found(text, vocab_dir=tmp_path)] == ["Wardeh Raml"]


def test_a_malformed_vocabulary_is_reported(tmp_path):
    (tmp_path / "unresolved.toml").write_text('[features]\nsites = "hill"\n', encoding="utf-8")
    with pytest.raises(VocabularyError, match="sites"):
        found("Troops entered Zeitouna.", vocab_dir=tmp_path)


# Claims about names the gazetteer lacks ---------------------------------------------------------

def test_claims_about_unknown_names_are_kept_with_them(tmp_path):
    """A user who adds the row and rebuilds sees the claim on the map: until then it is in
    unresolved.csv beside the name, and a name the finder alone would not list is listed for it."""
    from geo.pipeline import Config, build

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(" date 2024-12-05 \nThe rebels captured the villages of Zorbina and "
                                   "Qatrafa near Hama on Monday, the monitor said.\n", encoding="utf-8")
    out = tmp_path / "out"
    build(Config(reports=reports, out_dir=out))
    import csv as csv_mod
    rows = {r["name"]: r for r in csv_mod.DictReader((out / "unresolved.csv").open(encoding="utf-8"))}
    assert rows["Zorbina"]["claims"] == "opposition captured (other)"
    assert rows["Qatrafa"]["claims"] == "opposition captured (other)"
