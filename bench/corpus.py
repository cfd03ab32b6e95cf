"""A reproducible synthetic news corpus for the newsroom-scale benchmark.

``generate(out_dir, n, seed)`` writes ``n`` report files plus ``sources.csv`` into
``out_dir/reports`` and a ground-truth file ``out_dir/truth.jsonl`` (outside the reports
folder, so the pipeline never reads it). The same ``n`` and ``seed`` give byte-identical files.

Reports are built from news-style sentence templates: datelines ("ALEPPO, Syria (Reuters) -"),
attribution ("the army said", "according to the Syrian Observatory for Human Rights"), control
phrases ("captured", "rebel-held", "withdrew from", "entered"), metonyms ("Moscow said",
"a Kremlin spokesman"), intentions and history ("preparing to regain", "in 2016"), context
phrases ("bases in Hmeimim and Tartus", "the city's historic citadel"), distractors ("Hamas",
organisation names containing place names) and filler. Place names are drawn from

- the project's ``gazetteer.csv`` (Syria-heavy; own names, aliases and spelling variants), and
- the GeoNames extract shipped in the geotext wheel (``geotext/data/cities15000.txt``),
  half from the region (SY, IQ, TR, LB, JO, IL, PS, IR, RU, UA, EG, SA), half worldwide.

Dates are spread over 30 days so the claims date slider has many steps.

Truth per report (``truth.jsonl``): the surfaces written into place slots (``place``), datelines
(``dateline``), metonym slots (``metonym``) and distractors (``distractor``), so that recall of
each geoparser can be compared on the same text.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER_CSV = ROOT / "gazetteer.csv"
START_DATE = datetime.date(2024, 11, 20)
DAYS = 30

REGION = {"SY", "IQ", "TR", "LB", "JO", "IL", "PS", "IR", "RU", "UA", "EG", "SA"}
OUTLETS = ["Reuters", "AP", "AFP", "Al Jazeera", "BBC", "The Guardian", "RT", "SANA", "Al-Monitor",
           "Enab Baladi", "Anadolu", "TASS"]
AGENCY = {"Reuters": "Reuters", "AP": "AP", "AFP": "AFP", "Anadolu": "AA", "TASS": "TASS"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

ACTORS = ["rebels", "the army", "government forces", "insurgents", "HTS-led fighters", "Syrian troops",
          "opposition fighters", "Turkish-backed forces", "the Syrian army", "jihadists",
          "pro-government forces", "Russian forces", "militants", "regime forces"]
HELD = ["rebel", "government", "opposition", "regime", "HTS"]
SOURCES_SAID = ["the army said", "the Syrian Observatory for Human Rights said", "state media reported",
                "a rebel commander told Reuters", "the Defence Ministry said in a statement",
                "SANA reported", "a war monitor said", "residents said", "the military said",
                "activists said", "a spokesman for the opposition said", "state TV said"]
ACCORDING = ["according to the Syrian Observatory for Human Rights", "according to state media",
             "according to a statement by the General Command", "according to activists",
             "according to the Russian Defence Ministry", "according to a rebel spokesman",
             "according to the Britain-based war monitor"]
METONYMS = [  # (surface, sentence template with {M})
    ("Moscow", "{M} said it was monitoring the situation closely and called for restraint."),
    ("Moscow", "{M} regarded the attack as a violation of Syrian sovereignty, a statement said."),
    ("Kremlin", "A {M} spokesman said <<Russia>> would continue to support the government."),
    ("Ankara", "{M}-backed factions joined the offensive, according to activists."),
    ("Damascus", "{M} acknowledged that its troops had suffered heavy losses."),
    ("Tehran", "{M} said it would send more military advisers if asked."),
    ("Washington", "{M} said it had no involvement in the offensive."),
    ("Russia", "Russia deployed additional warplanes, two sources said."),
    ("Turkey", "Turkey urged an end to the attacks on civilians, its foreign ministry said."),
    ("Iran", "Iran and <<Russia>> pledged to stand by their ally, officials said."),
]
DISTRACTORS = [
    ("Hamas", "Hamas and Hezbollah issued statements of support for the government."),
    ("Syrian Observatory for Human Rights",
     "The Syrian Observatory for Human Rights, a Britain-based monitor, put the death toll at {N}."),
    ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham, which leads the offensive, was once linked to al-Qaeda."),
    ("Syrian Democratic Forces", "The Syrian Democratic Forces said they were on high alert."),
    ("Free Syrian Army", "Fighters of the Free Syrian Army were also involved, officials said."),
    ("Syrian Arab Red Crescent", "The Syrian Arab Red Crescent said its teams could not reach the wounded."),
    ("Washington Post", "The Washington Post reported that the offensive had been months in planning."),
    ("Hamas", "Humanitarian groups warned of Hamas-style tunnel warfare, without evidence."),
]
PLACE_TEMPLATES = [
    "{A} captured {P} on {W}, {S}.",
    "{Ac} seized control of {P} and pushed into {P2}, {S}.",
    "{Ac} withdrew from {P} overnight, {S}.",
    "The {H}-held town of {P} came under heavy shelling on {W}.",
    "{Ac} entered {P} from several sides, {ACC}.",
    "Residents of {P} said bakeries had closed and power had been cut for {N} hours.",
    "Aid convoys reached {P} and {P2}, the United Nations said.",
    "Air strikes hit {P}, killing at least {N} civilians, {ACC}.",
    "{Ac} said they had repelled an attack on {P}.",
    "Videos that could not be independently verified appeared to show fighters in the centre of {P}.",
    "{P} fell to the rebels late on {W}, {S}.",
    "The road between {P} and {P2} was cut, {S}.",
    "Thousands of people fled {P} towards {P2}, aid agencies said.",
    "Government forces are preparing to regain {P}, {S}.",
    "In 2016 the army recaptured {P} after a long siege.",
    "Russian warplanes struck targets near {P}, {S}.",
    "Fighting raged around {P} as {A} advanced towards {P2}.",
    "{Ac} now control {P}, {ACC}.",
    "{Ac} reportedly reached the outskirts of {P} on {W}.",
    "Clashes in {P} killed {N} fighters, {ACC}.",
    "{Ac} did not enter {P}, {S}.",
    "The offensive is the biggest since {A} took {P} in 2020.",
    "Hospitals in {P} were overwhelmed, a doctor told Al Jazeera.",
    "Shelling continued in the countryside of {P} and {P2}.",
    "{Ac} have tightened their grip on {P}, {S}.",
]
CONTEXT_TEMPLATES = [  # fixed phrases that exercise the context rules; [[X]] place, <<X>> metonym
    "<<Russia>> has bases in [[Hmeimim]] and [[Tartus]], which it uses to support the government.",
    "The offensive spread to the governorates of [[Aleppo]] and [[Idlib]] within days.",
    "In [[Aleppo]], rebels were filmed outside the city's historic citadel.",
    "They cut a key highway that links [[Aleppo]] to the capital [[Damascus]], {S}.",
    "Insurgents stormed the [[Abu al-Duhur airbase]], {ACC}.",
    "Flights at [[Aleppo International Airport]] were suspended, {S}.",
    "Fighting was reported in [[Hama]] and in [[northwestern Syria]], {ACC}.",
    "[[Khmeimim]] airbase was put on alert, Russian media said.",
    "Rebels entered [[Maarat al-Numan]] and [[Khan Sheikhoun]], {S}.",
    "Kurdish-led forces moved into [[Deir al-Zour]] after government troops left, {S}.",
    "Fighters advanced on [[Tartous]] and [[Hamah]], {ACC}.",
    "Turkish-backed forces shelled [[Tel Rifaat]] and [[Saraqib]], {S}.",
]
FILLER = [
    "The United Nations called for an immediate ceasefire and unhindered humanitarian access.",
    "Prices of bread and fuel have doubled in a week, residents said.",
    "The conflict, which began in 2011, has killed hundreds of thousands of people.",
    "Officials did not respond to requests for comment.",
    "The claims could not be independently verified.",
    "Communications were down in several districts, making it hard to confirm reports.",
    "Analysts said the speed of the advance had surprised many observers.",
    "Schools and universities suspended classes until further notice.",
    "Aid workers said the number of displaced people was rising by the hour.",
    "The statement gave no details about casualties.",
    "It was not immediately clear how many people had been detained.",
    "Diplomats met behind closed doors on {W} to discuss the crisis.",
]
TITLES = [
    "Rebels advance on {P} as {A} regroup",
    "Fighting reaches {P} for the first time in years",
    "Thousands flee {P} amid heavy shelling",
    "Army says it repelled attack near {P}",
    "Aid agencies warn of crisis in {P}",
    "What we know about the offensive in {P}",
]
CHECKLIST = {  # name -> surfaces (as written in reports) that count as finding it
    "Aleppo": ["Aleppo", "Halab"],
    "Damascus": ["Damascus"],
    "Hama": ["Hama", "Hamah"],
    "Idlib": ["Idlib", "Idleb"],
    "Homs": ["Homs"],
    "Hmeimim": ["Hmeimim", "Khmeimim", "Hmeimim Air Base", "Hmeimim airbase"],
    "Tartus": ["Tartus", "Tartous", "Tartouss"],
    "Abu al-Duhur": ["Abu al-Duhur", "Abu al-Dhuhur", "Abu Zuhur", "Abu al-Duhur airbase"],
    "Aleppo International Airport": ["Aleppo International Airport"],
    "Khan Shaykhun": ["Khan Shaykhun", "Khan Sheikhoun"],
    "Maarat al-Numan": ["Maarat al-Numan", "Ma'arrat al-Nu'man"],
    "Deir ez-Zor": ["Deir ez-Zor", "Deir al-Zour"],
    "Tal Rifaat": ["Tal Rifaat", "Tel Rifaat"],
    "Saraqib": ["Saraqib"],
    "Syria": ["Syria"],
    "northwestern Syria": ["northwestern Syria"],
}


def _gazetteer_places() -> list[tuple[str, list[str]]]:
    """(name, [name and aliases]) per project gazetteer row."""
    out = []
    with open(GAZETTEER_CSV, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names = [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a.strip()]
            out.append((row["name"], names))
    return out


def geonames_path() -> Path:
    import geotext

    return Path(geotext.__file__).parent / "data" / "cities15000.txt"


def _geonames_places() -> tuple[list[list[str]], list[list[str]]]:
    """([names] of regional rows, [names] of all rows): own name and ASCII name."""
    region, world = [], []
    with open(geonames_path(), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or not cols[1].strip():
                continue
            names = [cols[1]] + ([cols[2]] if cols[2] and cols[2] != cols[1] else [])
            world.append(names)
            if cols[8] in REGION:
                region.append(names)
    return region, world


_PLACE_MARK = re.compile(r"\[\[(.+?)\]\]")
_METONYM_MARK = re.compile(r"<<(.+?)>>")


class _Writer:
    """Builds one report's text and records where each truth surface went."""

    def __init__(self):
        self.parts: list[str] = []
        self.truth: list[tuple[str, str]] = []  # (kind, surface)

    def fill(self, template: str, rng: random.Random, pick_place, kind_of_slot="place") -> str:
        out = template
        if "{Ac}" in out:
            a = rng.choice(ACTORS)
            out = out.replace("{Ac}", a[0].upper() + a[1:], 1)
        for key, values in (("{A}", ACTORS), ("{S}", SOURCES_SAID), ("{ACC}", ACCORDING),
                            ("{H}", HELD), ("{W}", WEEKDAYS)):
            while key in out:
                out = out.replace(key, rng.choice(values), 1)
        while "{N}" in out:
            out = out.replace("{N}", str(rng.randint(2, 400)), 1)
        for kind, rx in (("place", _PLACE_MARK), ("metonym", _METONYM_MARK)):
            for m in rx.finditer(out):
                self.truth.append((kind, m.group(1)))
            out = rx.sub(lambda m: m.group(1), out)
        for key in ("{P}", "{P2}"):
            if key in out:
                surface = pick_place()
                self.truth.append((kind_of_slot, surface))
                out = out.replace(key, surface, 1)
        return out


def _report(rng: random.Random, gaz, geo_region, geo_world, outlet: str):
    w = _Writer()

    def pick_place() -> str:
        r = rng.random()
        if r < 0.65:
            name, names = rng.choice(gaz)
            return name if rng.random() < 0.55 else rng.choice(names)
        names = rng.choice(geo_region if r < 0.85 else geo_world)
        return rng.choice(names)

    title = w.fill(rng.choice(TITLES), rng, pick_place)
    # dateline: a Syrian or regional place in capitals
    dl_name, dl_names = rng.choice(gaz[:])
    dl = rng.choice(dl_names)
    agency = AGENCY.get(outlet, outlet)
    w.truth.append(("dateline", dl.upper()))
    paragraphs = []
    n_sent = rng.randint(28, 48)
    sents = []
    for _ in range(n_sent):
        r = rng.random()
        if r < 0.58:
            sents.append(w.fill(rng.choice(PLACE_TEMPLATES), rng, pick_place))
        elif r < 0.68:
            t = rng.choice(CONTEXT_TEMPLATES)
            sents.append(w.fill(t, rng, pick_place))
        elif r < 0.78:
            surface, t = rng.choice(METONYMS)
            w.truth.append(("metonym", surface))
            sents.append(w.fill(t.replace("{M}", surface), rng, pick_place))
        elif r < 0.84:
            surface, t = rng.choice(DISTRACTORS)
            w.truth.append(("distractor", surface))
            sents.append(w.fill(t, rng, pick_place))
        else:
            sents.append(w.fill(rng.choice(FILLER), rng, pick_place))
    i = 0
    while i < len(sents):
        k = rng.randint(1, 3)
        paragraphs.append(" ".join(sents[i:i + k]))
        i += k
    paragraphs[0] = f"{dl.upper()}, Syria ({agency}) - " + paragraphs[0]
    w.truth.append(("place", "Syria"))
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return text, w.truth


def generate(out_dir: Path, n: int, seed: int) -> dict:
    """Write the corpus; returns {"reports": folder, "truth": file, "bytes": total text bytes, ...}."""
    out_dir = Path(out_dir)
    reports_dir = out_dir / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    for old in reports_dir.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    gaz = _gazetteer_places()
    geo_region, geo_world = _geonames_places()
    rows = []
    total = 0
    with open(out_dir / "truth.jsonl", "w", encoding="utf-8") as truth_f:
        for i in range(n):
            outlet = rng.choice(OUTLETS)
            date = START_DATE + datetime.timedelta(days=rng.randrange(DAYS))
            text, truth = _report(rng, gaz, geo_region, geo_world, outlet)
            data = text.encode("utf-8")
            name = f"{i:06d}_{hashlib.sha1(data).hexdigest()[:12]}.txt"
            (reports_dir / name).write_bytes(data)
            total += len(data)
            url = f"https://news.example.org/{outlet.lower().replace(' ', '-')}/{date.isoformat()}/{i}" \
                if rng.random() < 0.8 else ""
            rows.append([name, outlet, date.isoformat(), url, "synthetic benchmark corpus"])
            truth_f.write(json.dumps({"file": name, "truth": truth}, ensure_ascii=False) + "\n")
    with open(reports_dir / "sources.csv", "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["file", "outlet", "date", "url", "outlet_basis"])
        wr.writerows(rows)
    return {"reports": reports_dir, "truth": out_dir / "truth.jsonl", "bytes": total, "count": n,
            "dates": DAYS, "start_date": START_DATE.isoformat()}


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description="Write the synthetic benchmark corpus.")
    p.add_argument("--reports", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    a = p.parse_args()
    info = generate(a.out, a.reports, a.seed)
    print(f"wrote {info['count']} reports, {info['bytes'] / 1e6:.1f} MB, to {info['reports']}")
