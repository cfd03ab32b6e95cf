"""Hostile and odd report folders and manifests (issue 13, items 4, 6, 7, 9, 10).

Each case ends with exit 0 and one warning line (the build goes on) or exit 1 with one line per
problem naming the file and the value, never a traceback, and a failed build writes nothing."""

import errno
import io
import os
import shutil
import signal
import socket
import stat
from pathlib import Path

import pytest
from helpers import ROOT

import build_map
from geo.errors import GeoError, ManifestError, ReportError, ReportFolderError
from geo.reports import files as report_files
from geo.reports import read_manifest, read_report, read_reports

SEED = "000_47b67cdd8376785a.txt"          # one seed report: the fastest build that draws places


def _permissions_apply() -> bool:
    """False for root (uid 0 with CAP_DAC_OVERRIDE reads a file of mode 000)."""
    import tempfile

    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return True
    with tempfile.TemporaryDirectory() as d:
        probe = Path(d) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return True
        return False


ROOT_USER = not _permissions_apply()


def run(*args):
    return build_map.main([*map(str, args)])


@pytest.fixture(autouse=True)
def no_hang():
    """A test that opens a FIFO or /proc/kmsg would block for ever: fail it after 60 s instead."""
    def hung(*_):
        raise TimeoutError("blocked: a FIFO or kernel file was opened")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def folder(tmp_path):
    """A reports folder with one good report (no manifest)."""
    r = tmp_path / "reports"
    r.mkdir()
    shutil.copy(ROOT / "seeds" / SEED, r / SEED)
    return r


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous map, to check that a failed build leaves it as it was."""
    out = tmp_path / "maps"
    out.mkdir()
    (out / "situation_map.html").write_text("OLD MAP", encoding="utf-8")
    (out / "build.json").write_text("{}", encoding="utf-8")
    return out


def contents(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def build_ok(folder, tmp_path, capsys):
    """Build ``folder``; exit 0; the stderr lines."""
    assert run("--reports", folder, "--out-dir", tmp_path / "out", "--cdn") == 0
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err + cap.out
    return cap.err.splitlines()


def build_fails(folder, out, capsys, *extra):
    """Build ``folder`` into ``out``; exit 1; ``out`` unchanged; the stderr lines."""
    before = contents(out) if out.exists() else None
    assert run("--reports", folder, "--out-dir", out, "--cdn", *extra) == 1
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err + cap.out and cap.out == ""
    lines = cap.err.splitlines()
    assert lines[-1] == "error: nothing was written; the previous map is unchanged"
    assert (contents(out) if out.exists() else None) == before
    return lines


def skip_lines(lines):
    return [line for line in lines if line.startswith("warning: skipped ")]


# --- 1. only regular files inside the folder ---------------------------------------------------

def test_symlink_leaving_the_folder_is_skipped_and_its_text_never_reaches_the_map(folder, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-7f3a Rebels entered Hama and Aleppo on 1 December 2024.\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    lines = build_ok(folder, tmp_path, capsys)
    assert skip_lines(lines) == [
        f"warning: skipped {folder / 'leak.txt'}: symbolic link to {secret}, outside the reports folder; not read"]
    for p in (tmp_path / "out").iterdir():
        data = p.read_bytes()
        assert b"SECRET-7f3a" not in data and b"secret.txt" not in data, p.name


def test_symlink_inside_the_folder_is_read(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "sub" / "a.txt")
    (tmp_path / "c.txt").symlink_to("b.txt")                    # relative, through another link
    reports, problems = read_reports(tmp_path)
    assert [r.id for r in reports] == ["b", "c"] and problems == []
    assert reports[0].text == "Rebels entered Hama."


def test_fifo_socket_device_folder_and_kernel_files_are_skipped_unopened(folder, tmp_path, monkeypatch):
    os.mkfifo(folder / "fifo.txt")
    (folder / "dir.txt").mkdir()
    (folder / "kmsg.txt").symlink_to("/proc/kmsg")
    (folder / "status.txt").symlink_to("/proc/self/status")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "loop.txt").symlink_to("loop.txt")
    monkeypatch.chdir(folder)                                    # AF_UNIX paths are short
    sock = socket.socket(socket.AF_UNIX)
    sock.bind("sock.txt")
    try:
        os.mknod(folder / "dev.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except OSError:
        pass                                                     # no CAP_MKNOD here
    opened = []
    real_open = os.open
    monkeypatch.setattr(report_files.os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    try:
        reports, problems = read_reports(folder)
    finally:
        sock.close()
    assert [r.id for r in reports] == [SEED[:-4]]
    assert opened == [os.path.realpath(folder / SEED)]           # nothing else was opened
    got = {p.split(": ", 1)[0].rsplit("/", 1)[1]: p.split(": ", 1)[1] for p in problems}
    assert got.pop("fifo.txt") == "not a regular file"
    assert got.pop("dir.txt") == "not a regular file"
    assert got.pop("sock.txt") == "not a regular file"
    if (folder / "dev.txt").exists():
        assert got.pop("dev.txt") == "not a regular file"
    assert got.pop("kmsg.txt") == "symbolic link to /proc/kmsg, outside the reports folder; not read"
    assert got.pop("status.txt").startswith("symbolic link to /proc/")
    assert got.pop("null.txt") == "symbolic link to /dev/null, outside the reports folder; not read"
    assert got.pop("loop.txt") == "cannot be read (Too many levels of symbolic links)"
    assert got == {}
    assert all("\n" not in p for p in problems)


@pytest.mark.parametrize("path", ["/proc/kmsg", "/proc/self/status", "/sys/kernel/uevent_seqnum"])
def test_files_under_proc_and_sys_are_never_read(path):
    """Even inside the folder named (here the kernel's own), /proc and /sys files are refused."""
    if not os.path.lexists(path):
        pytest.skip(f"{path} is not there")
    with pytest.raises(ReportError, match=r"is a kernel file under /(proc|sys); not read") as e:
        read_report(Path(path))
    assert "\n" not in str(e.value)


def test_fifo_and_special_files_in_the_cli_are_one_line_warnings(folder, tmp_path, capsys):
    os.mkfifo(folder / "fifo.txt")
    (folder / "dir.txt").mkdir()
    (folder / "kmsg.txt").symlink_to("/proc/kmsg")
    lines = build_ok(folder, tmp_path, capsys)
    assert sorted(skip_lines(lines)) == sorted([
        f"warning: skipped {folder / 'dir.txt'}: not a regular file",
        f"warning: skipped {folder / 'fifo.txt'}: not a regular file",
        f"warning: skipped {folder / 'kmsg.txt'}: symbolic link to /proc/kmsg, outside the reports folder; not read",
    ])


@pytest.mark.parametrize("make, message", [
    (lambda f, t: (f / "sources.csv").symlink_to(t / "elsewhere.csv"),
     "sources.csv: symbolic link to {t}/elsewhere.csv, outside the reports folder; not read"),
    (lambda f, t: os.mkfifo(f / "sources.csv"), "sources.csv: not a regular file"),
    (lambda f, t: (f / "sources.csv").mkdir(), "sources.csv: not a regular file"),
    (lambda f, t: (f / "sources.csv").symlink_to("/proc/kmsg"),
     "sources.csv: symbolic link to /proc/kmsg, outside the reports folder; not read"),
    (lambda f, t: (f / "sources.csv").symlink_to(f / "missing.csv"), "sources.csv: broken symbolic link"),
])
def test_manifest_that_is_not_a_regular_file_inside_stops_the_build(folder, tmp_path, previous, capsys,
                                                                     make, message):
    (tmp_path / "elsewhere.csv").write_text(f"file,outlet,date\n{SEED},Leak,2024-12-01\n", encoding="utf-8")
    make(folder, tmp_path)
    lines = build_fails(folder, previous, capsys)
    assert lines == [f"error: {folder}/" + message.format(t=tmp_path),
                     "error: nothing was written; the previous map is unchanged"]


def test_manifest_linked_inside_the_folder_is_read(folder):
    (folder / "meta").mkdir()
    (folder / "meta" / "s.csv").write_text(f"file,outlet,date\n{SEED},Wire,2024-12-05\n", encoding="utf-8")
    (folder / "sources.csv").symlink_to(folder / "meta" / "s.csv")
    (r,), _ = read_reports(folder)
    assert (r.outlet, r.date) == ("Wire", "2024-12-05")


# --- 2. size limits, checked before reading --------------------------------------------------

def test_oversized_sparse_report_is_skipped_unread_with_its_size(folder, tmp_path, capsys, monkeypatch):
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(70 * 2**20)
    try:
        with open(folder / "giant.txt", "wb") as f:
            f.truncate(40 * 2**30)                               # 40 GiB, sparse
    except OSError:
        (folder / "giant.txt").unlink(missing_ok=True)
    lines = build_ok(folder, tmp_path, capsys)
    assert f"warning: skipped {folder / 'huge.txt'}: 70.0 MiB (73400320 bytes) is over the 64.0 MiB " \
           "(67108864 bytes) limit for a report; not read" in lines
    if (folder / "giant.txt").exists():
        assert f"warning: skipped {folder / 'giant.txt'}: 40.0 GiB (42949672960 bytes) is over the 64.0 MiB " \
               "(67108864 bytes) limit for a report; not read" in lines
    assert len(skip_lines(lines)) == 1 + (folder / "giant.txt").exists()


def test_report_size_limit_is_a_module_constant_and_reads_stop_at_it(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("Rebels entered Hama. " * 10, encoding="utf-8")   # 210 bytes
    monkeypatch.setattr(report_files, "MAX_REPORT_BYTES", 100)
    with pytest.raises(ReportError, match=r"a\.txt: 210 bytes is over the 100 bytes limit for a report; not read$"):
        read_report(p)
    monkeypatch.setattr(report_files, "MAX_REPORT_BYTES", 210)
    assert read_report(p).text.startswith("Rebels")


def test_reading_stops_at_the_limit_even_when_the_size_lied(tmp_path, monkeypatch):
    (tmp_path / "real.txt").write_bytes(b"Rebels entered Hama. " * 10)
    (tmp_path / "a.txt").symlink_to("real.txt")
    real_stat = os.stat

    def small(p, *a, **k):                       # a file that says 10 bytes and holds 210
        st = real_stat(p, *a, **k)
        return os.stat_result((*st[:6], 10, *st[7:10]))
    monkeypatch.setattr(report_files.os, "stat", small)
    monkeypatch.setattr(report_files, "MAX_REPORT_BYTES", 100)
    reads = []
    real_read = os.read
    monkeypatch.setattr(report_files.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(ReportError, match=r"a\.txt: grew over the 100 bytes limit for a report while being read"):
        read_report(tmp_path / "a.txt")
    assert sum(reads) <= 101


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(ReportError, match=r"gone\.txt: no such file$"):
        read_report(tmp_path / "gone.txt")


def test_oversized_manifest_stops_the_build(folder, previous, capsys):
    with open(folder / "sources.csv", "wb") as f:
        f.write(b"file,outlet,date\n")
        f.truncate(21 * 2**20)
    lines = build_fails(folder, previous, capsys)
    assert lines[0] == (f"error: {folder / 'sources.csv'}: 21.0 MiB (22020096 bytes) is over the 20.0 MiB "
                        "(20971520 bytes) limit for sources.csv; not read")
    assert len(lines) == 2


def test_manifest_field_over_the_csv_limit_is_one_line(folder, previous, capsys):
    (folder / "sources.csv").write_text(f"file,outlet,date\n{SEED},{'W' * 200_000},2024-12-01\n", encoding="utf-8")
    lines = build_fails(folder, previous, capsys)
    assert lines[0].startswith(f"error: {folder / 'sources.csv'} line 2: field larger than field limit")
    assert len(lines) == 2


# --- 3. two files, one id ----------------------------------------------------------------------

def test_two_files_with_one_id_stop_the_build_naming_both(folder, previous, capsys):
    (folder / "dup.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    (folder / "dup.TXT").write_text("Troops left Aleppo.", encoding="utf-8")
    lines = build_fails(folder, previous, capsys)
    assert lines == [
        f"error: {folder / 'dup.TXT'} and {folder / 'dup.txt'}: one id 'dup' for 2 reports "
        "(the id is the file name without .txt); rename all but one",
        "error: nothing was written; the previous map is unchanged"]


def test_one_id_is_checked_among_readable_reports_only(tmp_path):
    (tmp_path / "dup.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    (tmp_path / "dup.TXT").write_bytes(b"")                    # skipped: no collision left
    reports, problems = read_reports(tmp_path)
    assert [r.id for r in reports] == ["dup"] and problems == [f"{tmp_path / 'dup.TXT'}: empty file; a report needs text"]


# --- 4. header date ----------------------------------------------------------------------------

def test_impossible_header_date_skips_the_report_naming_line_and_value(folder, tmp_path, capsys):
    (folder / "bad_date.txt").write_bytes(b"\xef\xbb\xbf date 2024-13-45\nRebels entered Hama.\n")
    with pytest.raises(ReportError) as e:
        read_report(folder / "bad_date.txt")
    assert str(e.value) == f"{folder / 'bad_date.txt'} line 1: header date '2024-13-45' is not a calendar date YYYY-MM-DD"
    lines = build_ok(folder, tmp_path, capsys)
    assert skip_lines(lines) == [f"warning: skipped {e.value}"]
    html = (tmp_path / "out" / "situation_map.html").read_text(encoding="utf-8")
    assert "2024-13-45" not in html


def test_header_date_needs_ascii_digits(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date ٢٠٢٤-١٢-٠١\nRebels entered Hama on 2 December 2024.", encoding="utf-8")
    r = read_report(p)
    assert r.date == "2024-12-02" and r.text.startswith(" date")   # not a header: it stays text


# --- 5. file names with control characters ------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("a\nerror: forged", "a\\nerror: forged"),
    ("b\tc\r", "b\\tc\\r"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("d\u2028e\u2029f\x85g", "d\\u2028e\\u2029f\\x85g"),
    ("rtl\u202eexe.txt", "rtl\\u202eexe.txt"),
    ("caf\udce9.txt", "caf\\xe9.txt"),                           # an undecodable byte (surrogateescape)
    ("café Ḥamā 'x'", "café Ḥamā 'x'"),                          # printable text stays as it is
])
def test_one_line_escapes_whatever_could_break_or_forge_a_line(text, shown):
    assert build_map.one_line(text) == shown


def test_say_never_raises_on_a_stream_that_cannot_encode(capsys):
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    build_map.say("warning: ", "caf\udce9 café\n", stream)
    stream.flush()
    assert stream.buffer.getvalue() == b"warning: caf\\xe9 caf\\xe9\\n\n"


def test_control_characters_in_file_names_stay_on_one_line(folder, tmp_path, capsys):
    names = ["a\nerror: forged.txt", "b\tc.txt", "\x1b[31mred.txt", "d\u2028e.txt", "f\rg.txt"]
    for n in names:
        (folder / n).write_bytes(b"")                            # each gives one warning
    lines = build_ok(folder, tmp_path, capsys)
    skipped = skip_lines(lines)
    assert len(skipped) == len(names)
    assert all(line.startswith(("warning: ", "error: ")) for line in lines)
    assert not any(line.startswith("error") for line in lines)
    joined = "\n".join(skipped)
    for shown in ("a\\nerror: forged.txt", "b\\tc.txt", "\\x1b[31mred.txt", "d\\u2028e.txt", "f\\rg.txt"):
        assert f"{shown}: empty file; a report needs text" in joined
    assert "\x1b" not in joined and "\r" not in joined and "\u2028" not in joined


def test_errors_with_control_characters_stay_on_one_line(tmp_path, previous, capsys):
    folder = tmp_path / "x\nerror: all good"
    folder.mkdir()
    lines = build_fails(folder, previous, capsys)
    assert lines == [f"error: {tmp_path}/x\\nerror: all good: no report (.txt) files in the folder",
                     "error: nothing was written; the previous map is unchanged"]


def test_latin1_file_name_is_skipped_without_crashing(folder, tmp_path, capsys):
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    try:
        with open(raw, "wb") as f:
            f.write(b"Rebels entered Hama.")
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 file names")
    if not any(0xDC80 <= ord(c) <= 0xDCFF for p in folder.iterdir() for c in p.name):
        pytest.skip("this file system re-encodes file names")
    lines = build_ok(folder, tmp_path, capsys)
    assert skip_lines(lines) == [
        f"warning: skipped {folder}/caf\\xe9.txt: the file name is not UTF-8; rename the file"]


# --- 6. empty, missing, unreadable folders -----------------------------------------------------

def test_empty_folder_is_one_error_line(tmp_path, previous, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    (tmp_path / "empty" / "notes.md").write_text("Rebels entered Hama.", encoding="utf-8")
    lines = build_fails(tmp_path / "empty", previous, capsys)
    assert lines == [f"error: {tmp_path / 'empty'}: no report (.txt) files in the folder",
                     "error: nothing was written; the previous map is unchanged"]


def test_folder_of_skipped_files_prints_the_warnings_then_one_error(tmp_path, previous, capsys):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"\xff\xfe")
    os.mkfifo(folder / "c.txt")
    lines = build_fails(folder, previous, capsys)
    assert lines == [
        f"warning: skipped {folder / 'a.txt'}: empty file; a report needs text",
        f"warning: skipped {folder / 'b.txt'}: not UTF-8 (invalid byte 0xff at offset 0); save it as UTF-8",
        f"warning: skipped {folder / 'c.txt'}: not a regular file",
        f"error: {folder}: no readable report (.txt) files; 3 skipped",
        "error: nothing was written; the previous map is unchanged"]


def test_skipped_warnings_survive_an_error_in_read_reports(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(ReportFolderError) as e:
        read_reports(tmp_path)
    assert e.value.problems == [f"{tmp_path}: no readable report (.txt) files; 1 skipped"]
    assert e.value.skipped == [f"{tmp_path / 'a.txt'}: empty file; a report needs text"]
    assert isinstance(e.value, GeoError)


@pytest.mark.parametrize("name, message", [
    ("missing", "{p}: no such folder; --reports names a folder of report .txt files"),
    ("file.txt", "{p}: not a folder of reports"),
    ("file.txt/below", "{p}: cannot be used as the reports folder (Not a directory)"),
])
def test_missing_folder_is_one_error_line(tmp_path, previous, capsys, name, message):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    p = tmp_path / name
    lines = build_fails(p, previous, capsys)
    assert lines == [f"error: {message.format(p=p)}", "error: nothing was written; the previous map is unchanged"]


@pytest.mark.parametrize("path", [lambda t: t / ("x" * 5000), lambda t: t.joinpath(*["y" * 200] * 25)])
def test_path_too_long_is_one_error_line(tmp_path, previous, capsys, path):
    p = path(tmp_path)
    assert len(str(p)) > 4096
    lines = build_fails(p, previous, capsys)
    assert len(lines) == 2 and lines[0].endswith("(File name too long)")
    assert lines[0].startswith(f"error: {str(p)[:120]}…") and len(lines[0]) < 400


@pytest.mark.skipif(ROOT_USER, reason="root reads whatever the permissions say")
def test_unreadable_folder_is_one_error_line(folder, previous, capsys):
    folder.chmod(0)
    try:
        lines = build_fails(folder, previous, capsys)
    finally:
        folder.chmod(0o755)
    assert lines[0] == f"error: {folder}: the folder cannot be listed (Permission denied)"


@pytest.mark.skipif(ROOT_USER, reason="root reads whatever the permissions say")
def test_unreadable_manifest_is_one_error_line(folder, previous, capsys):
    (folder / "sources.csv").write_text("file,outlet,date\n", encoding="utf-8")
    (folder / "sources.csv").chmod(0)
    lines = build_fails(folder, previous, capsys)
    assert lines[0] == f"error: {folder / 'sources.csv'}: cannot be read (Permission denied)"


def _denied(*args, **kwargs):
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(args[0]))


def test_permission_errors_are_one_line_even_as_root(folder, previous, capsys, monkeypatch):
    """The same paths as the two tests above, with the refusal simulated (they skip as root)."""
    (folder / "sources.csv").write_text("file,outlet,date\n", encoding="utf-8")
    real_open = os.open
    monkeypatch.setattr(report_files.os, "open",
                        lambda p, *a, **k: _denied(p) if str(p).endswith("sources.csv") else real_open(p, *a, **k))
    with pytest.raises(ManifestError, match=r"sources\.csv: cannot be read \(Permission denied\)$"):
        read_manifest(folder)
    monkeypatch.setattr(report_files.os, "open", real_open)
    real_listdir = os.listdir
    monkeypatch.setattr(report_files.os, "listdir",
                        lambda p=".": _denied(p) if Path(p) == folder else real_listdir(p))
    lines = build_fails(folder, previous, capsys)
    assert lines == [f"error: {folder}: the folder cannot be listed (Permission denied)",
                     "error: nothing was written; the previous map is unchanged"]


def test_unreadable_report_is_a_warning_even_as_root(folder, tmp_path, monkeypatch):
    (folder / "locked.txt").write_text("Rebels entered Hama.", encoding="utf-8")
    real_open = os.open
    monkeypatch.setattr(report_files.os, "open",
                        lambda p, *a, **k: _denied(p) if str(p).endswith("locked.txt") else real_open(p, *a, **k))
    reports, problems = read_reports(folder)
    assert len(reports) == 1 and problems == [f"{folder / 'locked.txt'}: cannot be read (Permission denied)"]


def test_invisible_characters_in_report_text_do_not_split_names(tmp_path):
    from geo.reports import parse_report

    rep = parse_report(tmp_path / "z.txt", "Rebels entered Ha\u200bma and Sara\u2060qib on Mon\u00adday.\n".encode())
    assert rep.text == "Rebels entered Hama and Saraqib on Monday."
