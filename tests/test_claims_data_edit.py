"""A new status or a new actor is a data edit: added to copies of claims.toml and actors.toml
only, it reaches claims.geojson and the map's page data through the whole build."""

import json
import re
import shutil
from pathlib import Path

from helpers import ROOT

import build_map

NEW_STATUS = '''[[status]]
status = "besieged"
label = "laid siege to"
effect = "fighting"
patterns = ["laid siege to", "laying siege to", { pattern = "under siege by", place = "before", agent = "after" }]

'''

NEW_ACTOR = '''
[actors.wagner]
label = "Wagner Group"
colour = "#123456"
names = ["Wagner Group", "Wagner mercenaries", "Wagner"]

'''


def _vocab(folder: Path) -> Path:
    """geo/data copied to ``folder``, with the new status and the new actor added."""
    shutil.copytree(ROOT / "geo" / "data", folder)
    claims = folder / "claims.toml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("[reporting]", NEW_STATUS + "[reporting]", 1), encoding="utf-8")
    actors = folder / "actors.toml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("[anaphora]", NEW_ACTOR.lstrip("\n") + "[anaphora]", 1), encoding="utf-8")
    return folder


def _page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="sm-data">(.*?)</script>', html, re.S)
    assert m, "the map has no page data"
    return json.loads(m.group(1))


def test_new_status_and_actor_reach_the_map(tmp_path):
    vocab = _vocab(tmp_path / "vocab")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "sources.csv").write_text("file,outlet,date,url,outlet_basis\n"
                                         "001_siege.txt,Test Wire,2024-12-05,,\n", encoding="utf-8")
    (reports / "001_siege.txt").write_text("The Wagner Group laid siege to Hama on Thursday, witnesses said.\n",
                                           encoding="utf-8")
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(reports), "--out-dir", str(out), "--vocab", str(vocab)]) == 0

    features = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    got = [(f["properties"]["place_id"], f["properties"]["actor"], f["properties"]["status"],
            f["properties"]["effect"]) for f in features]
    assert got == [("hama", "wagner", "besieged", "fighting")]

    page = _page_data((out / "situation_map.html").read_text(encoding="utf-8"))
    assert page["actors"]["wagner"] == ["Wagner Group", "#123456"]
    assert "laid siege to" in page["claims"]["hama"]          # the status's label in the popup
    assert "Wagner Group" in page["claims"]["hama"]
    assert "wagner" in page["states"]["hama"][0][2]           # the place's state names the new force


def test_without_the_edit_the_sentence_has_no_such_claim(tmp_path):
    """The same report with the shipped vocabulary: no status "besieged", no actor "wagner"."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "001_siege.txt").write_text("The Wagner Group laid siege to Hama on Thursday, witnesses said.\n",
                                           encoding="utf-8")
    out = tmp_path / "maps"
    assert build_map.main(["--reports", str(reports), "--out-dir", str(out)]) == 0
    features = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    assert not [f for f in features if f["properties"]["status"] == "besieged" or f["properties"]["actor"] == "wagner"]


def test_a_copy_made_before_the_optional_keys_still_loads(tmp_path):
    """A user's --vocab copy from before the optional keys (vocab_schema.OPTIONAL) were added loads,
    with those rules empty."""
    from geo.claims import ClaimVocabulary
    from geo.claims.vocab_schema import OPTIONAL
    folder = tmp_path / "old"
    shutil.copytree(ROOT / "geo" / "data", folder)
    for name in ("claims.toml", "actors.toml"):
        path = folder / name
        lines, out, skipping = path.read_text(encoding="utf-8").splitlines(), [], False
        for line in lines:   # drop each optional key's whole (possibly multi-line) list
            if re.match(rf"({'|'.join(OPTIONAL)}) = ", line):
                skipping = not line.rstrip().endswith("]")
                continue
            if skipping:
                skipping = not line.rstrip().endswith("]")
                continue
            out.append(line)
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    assert "infinitive_facts" not in (folder / "claims.toml").read_text(encoding="utf-8")
    vocab = ClaimVocabulary(folder)
    assert vocab.rx_infinitive_fact.search("managed") is None and not vocab.irregular_past
