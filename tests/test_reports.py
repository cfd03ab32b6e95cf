"""Reading report files: encodings, headers, manifest, and bad files."""

import os

import pytest

from geo.errors import ManifestError, ReportError
from geo.reports import find_date, read_report, read_reports


def test_bom_crlf_and_date_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeff date 2024-12-01\r\nTitle line\r\n\r\nRebels entered Hama.\r\n".encode())
    r = read_report(p)
    assert r.date == "2024-12-01" and r.title == "Title line" and "\r" not in r.text
    assert r.text.startswith("Title line") and r.outlet == "unknown"


def test_date_from_dateline_when_no_header(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("BEIRUT, Dec 1 (AFP) - Clashes. Updated Dec. 2, 2024 10:00\n", encoding="utf-8")
    assert read_report(p).date == "2024-12-02"
    assert find_date("on 3 December 2024 and November 30, 2024") == "2024-12-03"


@pytest.mark.parametrize("text, date", [
    ("Rebels seize Aleppo airport\n\n30/11/2024\n\nALEPPO (AFP) - Rebels took the airport.", "2024-11-30"),
    ("Anadolu Agency\n09.12.2024\nANKARA (AA) - The SNA entered Manbij.", "2024-12-09"),
    ("ANHA\n10-12-2024\nMANBIJ - Clashes continue.", "2024-12-10"),
    ("Issued on: 08/12/2024 - 14:20 Modified: 08/12/2024 - 18:05", "2024-12-08"),
    # day first, as most of the world writes it; month first only when day first is no date
    ("Posted 12/13/2024 at 9:00", "2024-12-13"),
    # both readings are dates: the one whose month the text names
    ("Posted 12/08/2024\nOn Sunday, December 8, the rebels entered Damascus.", "2024-12-08"),
    ("Posted 08/12/2024\nThe rebels entered Damascus on 8 December.", "2024-12-08"),
    ("Posted 07/12/2024\nThe offensive began on 27 November.", "2024-12-07"),
    # a written date before it comes first; no year, a fraction, a reference number: no date
    ("On 1 December 2024 they left. Updated 02/12/2024", "2024-12-01"),
    ("Ref: SYR-ADV-2024-112, 3/4 of the town, 24/7 patrols, 1.2.3", ""),
    ("Posted 31/02/2024, 13/13/2024 and 0/1/2024", ""),
])
def test_numeric_dates(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("name, content, message", [
    ("latin1.txt", "Hama caf\xe9".encode("latin-1"), r"latin1\.txt: not UTF-8 \(invalid byte 0xe9 at offset 8\)"),
    ("empty.txt", b"", r"empty\.txt: empty file"),
    ("blank.txt", b"  \n\n", r"blank\.txt: empty file"),
    ("header.txt", b" date 2024-12-01\n", r"header\.txt: no text after the date header"),
])
def test_bad_files_one_line_errors(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ReportError, match=message) as e:
        read_report(p)
    assert "\n" not in str(e.value)


def test_not_a_regular_file(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "ok.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    reports, problems = read_reports(tmp_path)
    assert [r.id for r in reports] == ["ok"]
    assert sorted(p.split(": ", 1)[1] for p in problems) == [
        "broken symbolic link", "not a regular file", "not a regular file"]


def test_manifest_supplies_outlet(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date,url,outlet_basis\na.txt,Wire,2024-12-05,https://x.test/a,inferred\n", encoding="utf-8")
    (r,), _ = read_reports(tmp_path)
    assert (r.outlet, r.date, r.url, r.outlet_basis) == ("Wire", "2024-12-05", "https://x.test/a", "inferred")


def test_bad_manifest(tmp_path):
    (tmp_path / "sources.csv").write_text("file,outlet,date\na.txt,W,30/11/2024\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"sources\.csv line 2: date '30/11/2024' is not YYYY-MM-DD"):
        read_reports(tmp_path)
