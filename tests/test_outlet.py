"""A report's outlet read from its own tags (dateline, sign-off, lead, byline, copyright, credit
line) when sources.csv does not give it; geo/data/outlets.toml is the vocabulary."""

import pytest

from geo.errors import GeoError, VocabularyError
from geo.reports import OUTLET_WINDOW, infer_outlet, load_outlets, read_report, read_reports

BODY = "Rebels entered the city on Saturday after a week of fighting, residents said."


@pytest.fixture(scope="module")
def outlets():
    return load_outlets()


@pytest.mark.parametrize("text, outlet, basis", [
    # datelines, at the start of the text or of the first paragraph after a title
    (f"BEIRUT (Reuters) - {BODY}", "Reuters", 'the dateline tag "(Reuters)"'),
    (f"DAMASCUS, Dec 1 (SANA) – {BODY}", "SANA", 'the dateline tag "(SANA)"'),
    (f"ANKARA (AA) — {BODY}", "Anadolu Agency", 'the dateline tag "(AA)"'),
    (f"MOSCOW, November 29. /TASS/. {BODY}", "TASS", 'the dateline tag "/TASS/"'),
    (f"(AFP) - {BODY}", "AFP", 'the dateline tag "(AFP)"'),
    (f"Rebels take Hama\n\nHAMA, Syria, Dec 5 (Reuters) - {BODY}", "Reuters", 'the dateline tag "(Reuters)"'),
    (f"BEIRUT/AMMAN, Dec 5 (REUTERS) - {BODY}", "Reuters", 'the dateline tag "(REUTERS)"'),
    (f"DAMASCUS, Dec. 1 (Xinhua) -- {BODY}", "Xinhua", 'the dateline tag "(Xinhua)"'),
    (f"Beirut (EFE).- {BODY}", "EFE", 'the dateline tag "(EFE)"'),
    (f"QAMISHLI, Syria (North Press) – {BODY}", "North Press", 'the dateline tag "(North Press)"'),
    (f"Damascus, SANA – {BODY}", "SANA", 'the dateline tag "SANA –"'),
    (f"MOSCOW, Nov 29 - RIA Novosti. {BODY}", "RIA Novosti", 'the dateline tag "- RIA Novosti."'),
    (f"Aleppo slips from Assad's grip BEIRUT (AFP): {BODY}", "AFP", 'the dateline tag "(AFP)"'),
    # sign-offs at the end
    (f"{BODY}\n\n{BODY} – Reuters", "Reuters", 'the sign-off "– Reuters"'),
    (f"{BODY}\n\n{BODY} — AFP", "AFP", 'the sign-off "— AFP"'),
    (f"{BODY}\n\n{BODY} /AFP", "AFP", 'the sign-off "/AFP"'),
    (f"{BODY}\n\n(AFP)", "AFP", 'the sign-off "(AFP)"'),
    (f"{BODY}\n\n© Agence France-Presse", "AFP", 'the copyright line "© Agence France-Presse"'),
    (f"{BODY}\n\nCopyright 2024 The Associated Press. All rights reserved.", "AP",
     'the copyright line "Copyright 2024 The Associated Press"'),
    (f"{BODY} – Reuters\n\nPhoto caption: Fighters in Hama on Dec. 5, 2024.", "Reuters",
     'the sign-off "– Reuters"'),
    # an outlet name leading the first line, or a byline
    (f"Reuters/ {BODY}", "Reuters", 'the outlet name opening the text "Reuters/"'),
    (f"AFP - {BODY}", "AFP", 'the outlet name opening the text "AFP -"'),
    (f"Anadolu Agency: {BODY}", "Anadolu Agency", 'the outlet name opening the text "Anadolu Agency:"'),
    (f"Rebels take Hama\nBy Reuters\n{BODY}", "Reuters", 'the byline "By Reuters"'),
])
def test_recognised_forms(outlets, text, outlet, basis):
    assert infer_outlet(text, outlets) == (outlet, f"outlet inferred from {basis}")


def test_reuters_credit_line(outlets):
    text = f"{BODY}\n\n(Reporting by Maya Gebeily in Beirut; Writing by Timour Azhari; editing by Alex Richardson)"
    name, basis = infer_outlet(text, outlets)
    assert name == "Reuters"
    assert basis == ('outlet inferred from the closing credit line "(Reporting by …; Editing by …)", '
                     "the house style of Reuters")


def test_a_credit_line_naming_other_staff_is_not_the_house_style(outlets):
    """"(Reporting by Meridian Wire staff; Editing by ...)" names its own outlet's staff: not
    Reuters' house style; "(Reporting by Reuters staff; ...)" still is."""
    assert infer_outlet(f"{BODY}\n\n(Reporting by Meridian Wire staff; Editing by Clare Holt)", outlets) == ("unknown", "")
    assert infer_outlet(f"{BODY}\n\n(Reporting by Reuters staff; Editing by Clare Holt)", outlets)[0] == "Reuters"


@pytest.mark.parametrize("text", [
    f"Reuters could not verify the claims. {BODY}",
    f"BEIRUT - Reuters could not independently verify the footage. {BODY}",
    f"{BODY}\n\n\"We will hold the line,\" a commander told AFP.",
    f"{BODY}\n\nA 36-year-old driver in Hama, Wassim, tells AFP the bombardment was terrifying.",
    f"{BODY} Reuters reported that the army withdrew. AFP and AP also carried the footage.",
    f"{BODY}\n\nThe Associated Press contributed to this report.",
    f"{BODY}\n\n(With AFP)",
    f"{BODY} – with Reuters",
    f"Title\nAn anti-government fighter in Aleppo. Bakr Alkasem/AFP via Getty Images\n{BODY}",
    f"{BODY}\n\nPhoto: Muhammad Haj Kadour / AFP",
    f"Reuters/Ipsos poll finds most Syrians back talks\n\n{BODY}",
    f"SOHR: 300 killed in three days\n\n{BODY}",              # a headline quoting the monitor
    f"BEIRUT, Nov 27 - {BODY} the news agency (AFP) - which",  # an agency named in the body
    f"BEIRUT (afp) - {BODY}",                                  # tags are case-sensitive
    f"{BODY}\n\n{BODY} – aa",
    f"HAMA, Syria, Dec 5 – {BODY}",
    BODY,
])
def test_mentions_are_not_tags(outlets, text):
    assert infer_outlet(text, outlets) == ("unknown", "")


def test_sohr_only_from_its_own_dateline(outlets):
    assert infer_outlet(f"IDLIB (SOHR) – {BODY}", outlets)[0] == "SOHR"
    assert infer_outlet(f"{BODY} — SOHR", outlets) == ("unknown", "")


def test_only_the_ends_are_read(outlets):
    """A tag beyond OUTLET_WINDOW characters from either end is never seen, on a 5 MB report."""
    filler = (BODY + "\n") * (5_000_000 // (len(BODY) + 1))
    middle = f"{filler}\nBEIRUT (Reuters) - {BODY}\n{filler}"
    assert len(middle) > 5_000_000
    assert infer_outlet(middle, outlets) == ("unknown", "")
    late = "x" * OUTLET_WINDOW + f"\nBEIRUT (Reuters) - {BODY}\n" + filler
    assert infer_outlet(late, outlets) == ("unknown", "")
    early_signoff = filler + f"{BODY} – AFP\n" + "y" * OUTLET_WINDOW
    assert infer_outlet(early_signoff, outlets) == ("unknown", "")
    assert infer_outlet(f"BEIRUT (Reuters) - {BODY}\n{filler}", outlets)[0] == "Reuters"
    assert infer_outlet(f"{filler}{BODY} – AFP", outlets)[0] == "AFP"


class _Probe(str):
    """A text that records how it is read: only slices, none longer than the window."""

    def __new__(cls, text):
        self = super().__new__(cls, text)
        self.reads = []
        return self

    def __getitem__(self, key):
        self.reads.append(key)
        return str.__getitem__(self, key)

    def _refuse(self, *a, **k):
        raise AssertionError("infer_outlet read the whole text")

    __iter__ = __contains__ = split = splitlines = find = rfind = index = strip = rstrip = _refuse
    lower = casefold = upper = count = replace = _refuse


def test_reads_bounded_slices_only(outlets):
    text = _Probe(f"BEIRUT, Dec 1 - {BODY}\n" + (BODY + "\n") * 100_000 + f"{BODY} — AFP")
    assert infer_outlet(text, outlets)[0] == "AFP"
    assert text.reads, "expected slices of the text"
    for key in text.reads:
        if isinstance(key, slice):
            assert len(range(*key.indices(len(text)))) <= OUTLET_WINDOW
        else:
            assert isinstance(key, int)


def test_read_reports_infers_when_the_manifest_does_not_say(tmp_path):
    (tmp_path / "listed.txt").write_text(f"BEIRUT (Reuters) - {BODY}", encoding="utf-8")
    (tmp_path / "no_outlet.txt").write_text(f"ANKARA (AA) — {BODY}", encoding="utf-8")
    (tmp_path / "unlisted.txt").write_text(f"{BODY} — AFP", encoding="utf-8")
    (tmp_path / "plain.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date,url,outlet_basis\n"
        "listed.txt,Wire Service,2024-12-01,,given by the editor\n"
        "no_outlet.txt,,2024-12-01,,\n"
        "plain.txt,,2024-12-01,,no outlet named\n", encoding="utf-8")
    reports, problems = read_reports(tmp_path)
    assert problems == []
    got = {r.id: (r.outlet, r.outlet_basis) for r in reports}
    assert got == {
        "listed": ("Wire Service", "given by the editor"),          # the manifest wins
        "no_outlet": ("Anadolu Agency", 'outlet inferred from the dateline tag "(AA)"'),
        "unlisted": ("AFP", 'outlet inferred from the sign-off "— AFP"'),
        "plain": ("unknown", "no outlet named"),
    }


def test_read_report_alone_uses_the_shipped_vocabulary(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f" date 2024-12-01\nDAMASCUS, Dec 1 (SANA) – {BODY}\n", encoding="utf-8")
    r = read_report(p)
    assert (r.outlet, r.date) == ("SANA", "2024-12-01")


def test_user_vocabulary_overrides_the_shipped_one(tmp_path):
    vocab, reports = tmp_path / "vocab", tmp_path / "reports"
    vocab.mkdir()
    reports.mkdir()
    (vocab / "outlets.toml").write_text(
        '[outlets.gazette]\nname = "Aleppo Gazette"\ntags = ["AG"]\nforms = ["dateline"]\n', encoding="utf-8")
    (reports / "a.txt").write_text(f"ALEPPO (AG) - {BODY}", encoding="utf-8")
    (reports / "b.txt").write_text(f"BEIRUT (Reuters) - {BODY}", encoding="utf-8")
    (a, b), _ = read_reports(reports, vocab_folder=vocab)
    assert (a.outlet, b.outlet) == ("Aleppo Gazette", "unknown")      # the user's file replaces ours
    (a, b), _ = read_reports(reports)
    assert (a.outlet, b.outlet) == ("unknown", "Reuters")
    (a, b), _ = read_reports(reports, vocab_folder=tmp_path / "empty")  # no outlets.toml there: ours
    assert (a.outlet, b.outlet) == ("unknown", "Reuters")


@pytest.mark.parametrize("content, message", [
    ('[outlets.x]\nname = "X"\ntags = "X"\n', r"outlets\.toml line 3: outlets\.x\.tags must be a non-empty list"),
    ('[outlets.x]\nname = "X"\ntags = []\n', r"outlets\.toml line 3: outlets\.x\.tags must be a non-empty list"),
    ('[outlets.x]\ntags = ["X"]\n', r"outlets\.toml line 1: \[outlets\.x\] has no 'name'"),
    ('[outlets.x]\nname = "X"\ntags = ["X"]\ncolour = "red"\n', r"outlets\.toml line 4: unknown key 'colour' in \[outlets\.x\]"),
    ('[outlets.x]\nname = "X"\ntags = ["X"]\nforms = ["footer"]\n',
     r"outlets\.toml line 4: outlets\.x\.forms: 'footer' is not one of dateline, lead, byline, signoff"),
    ('[outlets.x]\nname = "X"\ntags = ["X Y"]\n\n[outlets.y]\nname = "Y"\ntags = ["X-Y"]\n',
     r"outlets\.toml line 7: outlets\.y\.tags: 'X-Y' is also a tag of outlets\.x"),
    ('[outlets.x]\nname = "X"\ntags = ["()"]\n', r"outlets\.toml line 3: outlets\.x\.tags: '\(\)' has no letter"),
    ('[outlet.x]\nname = "X"\n', r"outlets\.toml: unknown key 'outlet'"),
    ('', r"outlets\.toml: no \[outlets\.<id>\] tables"),
    ('[outlets.x]\nname = "X"\ntags = ["X"\n', r"outlets\.toml: "),                   # not TOML
    ('captions = "Photo"\n[outlets.x]\nname = "X"\ntags = ["X"]\n', r"outlets\.toml line 1: captions must be"),
])
def test_malformed_vocabulary_one_line_error(tmp_path, content, message):
    (tmp_path / "outlets.toml").write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message) as e:
        load_outlets(tmp_path)
    assert isinstance(e.value, GeoError)
    assert "\n" not in str(e.value) and str(tmp_path / "outlets.toml") in str(e.value)


def test_malformed_vocabulary_stops_read_reports(tmp_path):
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / "outlets.toml").write_text('[outlets.x]\nname = 3\ntags = ["X"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"outlets\.toml line 2: outlets\.x\.name must be a non-empty string"):
        read_reports(tmp_path, vocab_folder=vocab)


def test_shipped_vocabulary_loads(outlets):
    names = {o.name for o in outlets.outlets}
    assert {"Reuters", "AFP", "AP", "Anadolu Agency", "SANA", "TASS", "RIA Novosti", "Al Jazeera",
            "Al-Monitor", "Kurdistan24", "Rudaw", "North Press", "Enab Baladi", "Xinhua", "dpa", "EFE",
            "BBC", "CNN", "Asharq Al-Awsat", "The National", "Arab News", "Daily Sabah",
            "Hürriyet Daily News", "Syria TV", "Al-Watan", "ISW", "SOHR"} <= names


@pytest.mark.parametrize("text", [
    f"The Syrian Observatory for Human Rights (SOHR) — a Britain-based monitor — said {BODY}",
    f"The Syrian Arab News Agency (SANA) – the state's mouthpiece – said {BODY}",
    f"Rebels took Hama\nAgence France-Presse (AFP) - {BODY}",
    f"Fighters said on Saturday they had taken the town (AFP) - {BODY}",
])
def test_acronyms_and_prose_are_not_datelines(outlets, text):
    assert infer_outlet(text, outlets) == ("unknown", "")
