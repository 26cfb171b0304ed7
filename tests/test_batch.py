"""resumefit batch: discovery, parallel scoring, failures, timeouts, streaming rows, resume."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumefit.batch import (ResultsFile, Summary, build_row, check_folder, csv_cell, discover, report_name,
                             row_columns, score_file, write_report, FileResult)
from resumefit.cli import cli
from resumefit.errors import OutputError
from resumefit.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "fixtures" / "eval" / "dev"
RESUMEFIT = str(Path(sys.executable).with_name("resumefit"))


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy(None)


def slow_pdf(chars: int) -> bytes:
    """A valid one-page PDF holding ``chars`` characters of text: pathological to parse, not broken."""
    line = b"(Led the roadmap for payments platform) Tj 0 -1 Td\n"
    stream = b"BT /F1 1 Tf 10 800 Td\n" + line * (chars // 38) + b"ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def good_folder(path: Path, count: int = 4) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for source in sorted(DEV.glob("*.txt"))[:count]:
        shutil.copy(source, path / source.name)
    return path


def mixed_folder(path: Path) -> Path:
    """Three good resumes (txt, md, docx) and three that must fail, one in a subfolder."""
    sys.path.insert(0, str(ROOT))
    from fixtures.render import parse_resume_file, render

    good_folder(path, 1)
    (path / "sub").mkdir()
    shutil.copy(sorted(DEV.glob("*.txt"))[1], path / "sub" / "notes.md")
    render(parse_resume_file(sorted(DEV.glob("*.txt"))[2]), "docx-single", path / "sub" / "word.docx")
    (path / "empty.txt").write_text("")
    (path / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (path / "scan.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    return path


def rows_of(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# -- discovery -----------------------------------------------------------------------------------

def test_discover_walks_subfolders_in_sorted_order_and_skips_hidden_undocumentlike_and_excluded(tmp_path):
    for rel in ["b.pdf", "a.TXT", "z/c.docx", "z/d.json", "e.zip", "notes.rtf", "img.png", ".hidden.txt",
                ".git/x.txt", "out/r.md", "f.md", "data.csv", "script.py", "README"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = list(discover(tmp_path, exclude=[tmp_path / "out"]))
    assert found == ["a.TXT", "b.pdf", "e.zip", "f.md", "img.png", "notes.rtf", "z/c.docx", "z/d.json"]
    assert list(discover(tmp_path, "*.pdf")) == ["b.pdf"]
    assert list(discover(tmp_path, "z/*")) == ["z/c.docx", "z/d.json"]


def unreadable_folder(path: Path) -> dict[str, str]:
    """Files a coach may drop in a folder that resumefit cannot read; returns their names and error types."""
    path.mkdir()
    (path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (path / "cv.rtf").write_text("{\\rtf1\\ansi Jane Doe, Product Manager}")
    (path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (path / "cv.odt").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    (path / "folder.pdf").mkdir()  # a folder named like a document...
    shutil.copy(sorted(DEV.glob("*.txt"))[0], path / "folder.pdf" / "inside.txt")  # ...whose content is still read
    (path / "gone.pdf").symlink_to(path / "nowhere.pdf")
    (path / "linked.txt").symlink_to(sorted(DEV.glob("*.txt"))[1])
    return {"old.doc": "UnsupportedFormat", "cv.rtf": "UnsupportedFormat", "scan.png": "UnsupportedFormat",
            "cv.odt": "UnsupportedFormat", "folder.pdf": "FileNotReadable", "gone.pdf": "FileNotReadable"}


def test_every_file_named_like_a_document_gets_a_row_with_the_reason_check_gives(tmp_path, tax):
    expected = unreadable_folder(tmp_path / "in")
    results = {r.path: r for r in check_folder(tmp_path / "in", jobs=1)}
    assert sorted(results) == sorted([*expected, "folder.pdf/inside.txt", "linked.txt"])
    assert {path: r.error_type for path, r in results.items() if not r.ok} == expected
    assert results["folder.pdf/inside.txt"].ok and results["linked.txt"].ok
    for name in expected:  # the same one line as `resumefit check FILE`, without the file name
        checked = CliRunner().invoke(cli, ["check", str(tmp_path / "in" / name)], catch_exceptions=False)
        assert checked.exit_code == 3
        assert checked.stderr.strip() == f"resumefit: {tmp_path / 'in' / name}: {results[name].error}"
    assert "legacy Word .doc" in results["old.doc"].error and "directory" in results["folder.pdf"].error


# -- scoring a folder ----------------------------------------------------------------------------

def test_check_folder_accounts_for_every_file_and_a_slow_file_times_out_without_stopping_the_batch(tmp_path, tax):
    folder = mixed_folder(tmp_path / "in")
    (folder / "0-slow.pdf").write_bytes(slow_pdf(1_000_000))  # ~9 s of parsing, stopped at 4 s
    # One worker, and the slow file comes first: the files after it prove the worker was replaced.
    results = {r.path: r for r in check_folder(folder, jobs=1, limits={"timeout": 4})}
    assert sorted(results) == sorted(discover(folder))
    failed = {path: r.error_type for path, r in results.items() if not r.ok}
    assert failed == {"0-slow.pdf": "LimitExceeded", "empty.txt": "EmptyDocument",
                      "legacy.docx": "UnsupportedFormat", "scan.pdf": "CorruptDocument"}
    assert "4 s time limit" in results["0-slow.pdf"].error
    assert results["sub/word.docx"].report.format == "docx"
    assert all(0 <= r.report.score <= 100 for r in results.values() if r.ok)


def test_rows_have_the_same_keys_for_scored_and_failed_files(tax):
    report_row = build_row(FileResult("x.txt", error="the file is empty (hint)", error_type="EmptyDocument"), tax)
    assert list(report_row) == row_columns(tax)
    assert report_row["status"] == "failed" and report_row["score"] is None
    assert len([c for c in row_columns(tax) if c in tax.ids]) == 23


def test_rows_do_not_depend_on_suggestions_so_the_command_skips_them(tax):
    for source in sorted(DEV.glob("*.txt"))[:6]:
        full, lean = (score_file(source.name, str(source), tax, suggest=flag) for flag in (True, False))
        assert build_row(lean, tax) == build_row(full, tax)
        assert not any(r.suggestions for r in lean.report.responsibilities)


# -- rows on disk --------------------------------------------------------------------------------

@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'quoted", "''quoted"), ("plain.pdf", "plain.pdf"), ("a=b", "a=b"),
    (None, ""), (73, "73"), (["short", "columns"], "short;columns"),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_rows_read_back_exactly_and_a_torn_last_line_is_cut_on_resume(tmp_path, tax, suffix):
    out = tmp_path / f"results{suffix}"
    nasty = build_row(FileResult("=cmd|' /C calc'!A0.txt\nx", error="-bad\r\nthing", error_type="X"), tax)
    plain = build_row(FileResult("'quoted/@file.pdf", error="broken", error_type="X"), tax)
    with ResultsFile(out, row_columns(tax)) as results:
        results.write(nasty)
        results.write(plain)
    whole = out.read_bytes()
    out.write_bytes(whole + whole.splitlines(keepends=True)[-1][:25])  # a row cut off by a kill
    with ResultsFile(out, row_columns(tax), resume=True) as results:
        assert results.done == {nasty["path"]: nasty, plain["path"]: plain}
        results.write(build_row(FileResult("third.txt", error="e", error_type="X"), tax))
    lines = out.read_bytes().splitlines(keepends=True)
    assert b"".join(lines[:-1]) == whole and lines[-1].startswith((b"third.txt", b'{"path": "third.txt"'))
    assert "\n" not in nasty["path"] and nasty["error"] == "-bad??thing"


def test_an_existing_results_file_is_not_overwritten_unless_asked(tmp_path, tax):
    out = tmp_path / "r.csv"
    out.write_text("path,score\nold.pdf,80\n")
    with pytest.raises(OutputError, match="already holds results"):
        ResultsFile(out, row_columns(tax))
    with pytest.raises(OutputError, match="other columns"):
        ResultsFile(out, row_columns(tax), resume=True)
    ResultsFile(out, row_columns(tax), overwrite=True).close()
    assert out.read_text().startswith("path,status,")


# -- reports -------------------------------------------------------------------------------------

def test_report_names_are_unique_and_can_never_leave_the_report_folder(tmp_path):
    rels = ["a/b.pdf", "a_b.pdf", "a__b.pdf", "../../etc/passwd", "..", ".bashrc", "x/../../y.txt",
            "ü/naïve résumé.pdf", "C:\\evil\\x.pdf", "a" * 300 + ".txt", "\0nul.txt", "/abs/olute.md"]
    names = [report_name(rel, "markdown") for rel in rels]
    assert len(set(names)) == len(rels)
    (tmp_path / "reports").mkdir()
    for rel, name in zip(rels, names):
        assert "/" not in name and "\\" not in name and not name.startswith(".") and len(name) < 110
        assert write_report(tmp_path / "reports", rel, "# report", "markdown").parent == (tmp_path / "reports").resolve()
    assert len(os.listdir(tmp_path / "reports")) == len(rels)
    assert sorted(os.listdir(tmp_path)) == ["reports"]
    assert report_name("a/b.pdf", "html") == report_name("a/b.pdf", "html")  # same run, same name: resume-safe


# -- the summary ---------------------------------------------------------------------------------

def test_summary_is_the_same_whatever_order_the_rows_finish_in(tax):
    rows = [build_row(FileResult(f"f{i:02}.txt", error="x", error_type="X"), tax) for i in range(3)]
    for i in range(40):
        row = dict.fromkeys(row_columns(tax))
        row.update(path=f"r{i:02}.pdf", status="scored", score=i % 7, warnings=[],
                   **{f"cat:{c.id}": 50 for c in tax.categories})
        rows.append(row)
    first, second = Summary(tax, top=3), Summary(tax, top=3)
    for row in rows:
        first.add(row)
    for row in reversed(rows):
        second.add(row)
    assert first.render() == second.render()
    assert first.top == [("r06.pdf", 6), ("r13.pdf", 6), ("r20.pdf", 6)]
    assert "Scored 40 of 43 file(s); 3 failed." in first.render() and " 50.0" in first.render()


# -- the command ---------------------------------------------------------------------------------

def test_batch_command_writes_every_row_and_report_and_exits_3_when_some_failed(tmp_path, tax):
    folder = mixed_folder(tmp_path / "in")
    out, reports = tmp_path / "rows.jsonl", folder / "reports"  # reports inside the input: must not be re-read
    result = CliRunner().invoke(cli, ["batch", str(folder), "-o", str(out), "--report-dir", str(reports),
                                      "--report-format", "json", "--top", "2"], catch_exceptions=False)
    assert result.exit_code == 3, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["path"] for r in rows) == sorted(discover(folder, exclude=[reports]))
    scored = [r for r in rows if r["status"] == "scored"]
    assert len(scored) == 3 and sorted(os.listdir(reports)) == sorted(report_name(r["path"], "json") for r in scored)
    assert json.loads((reports / report_name("sub/word.docx", "json")).read_text())["format"] == "docx"
    text = result.stdout
    assert "Scored 3 of 6 file(s); 3 failed." in text and "Top 2 by score:" in text
    failures = text.split("Failed (3):\n")[1].splitlines()
    assert [line.split(":")[0].strip() for line in failures] == ["empty.txt", "legacy.docx", "scan.pdf"]


def test_batch_command_exits_0_when_every_file_scored_and_2_on_an_empty_folder(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(good_folder(tmp_path / "ok", 2)), "-q"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")
    (tmp_path / "none").mkdir()
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "none")], catch_exceptions=False)
    assert result.exit_code == 2 and "no resumes found" in result.stderr


def test_a_killed_batch_resumed_gives_the_same_rows_as_an_uninterrupted_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, source in enumerate(sorted(DEV.glob("*.txt"))[:10] * 2):
        shutil.copy(source, folder / f"{i:02}-{source.name}")
    whole, broken = tmp_path / "whole.csv", tmp_path / "broken.csv"
    subprocess.run([RESUMEFIT, "batch", str(folder), "-o", str(whole), "-q"], check=False, timeout=120)
    process = subprocess.Popen([RESUMEFIT, "batch", str(folder), "-o", str(broken), "-q", "--jobs", "1"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not broken.exists() or broken.read_text().count("\n") < 4):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = len(rows_of(broken))
    assert 3 <= partial < 20
    resumed = subprocess.run([RESUMEFIT, "batch", str(folder), "-o", str(broken), "--resume", "--top", "3"],
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert "Scored 20 of 20 file(s)" in resumed.stdout  # the summary counts the rows from before the kill
    by_path = lambda rows: sorted(rows, key=lambda r: r["path"])  # noqa: E731
    assert by_path(rows_of(broken)) == by_path(rows_of(whole)) and len(rows_of(whole)) == 20


def test_help_and_explain_do_not_import_the_heavy_libraries():
    code = ("import sys; from resumefit.cli import cli\n"
            "for args in (['--help'], ['batch', '--help'], ['explain', 'roadmap']):\n"
            "    try: cli.main(args, standalone_mode=False)\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('pdfplumber', 'docx', 'sklearn', 'rich', 'distributed') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# -- time limits and the leaderboard -------------------------------------------------------------

def _timeout_default(command: str) -> float:
    return next(p.default for p in cli.commands[command].params if p.name == "timeout")


def test_check_gives_a_file_8_s_and_batch_30_s_by_default_and_both_say_so(monkeypatch, tmp_path):
    import resumefit.api
    import resumefit.batch
    from resumefit.limits import BATCH_TIMEOUT, CHECK_TIMEOUT, Limits

    assert (_timeout_default("check"), _timeout_default("batch")) == (CHECK_TIMEOUT, BATCH_TIMEOUT) == (8.0, 30.0)
    assert Limits().timeout == CHECK_TIMEOUT  # the library reads one file as `check` does
    for command, seconds in (("check", "8.0"), ("batch", "30.0")):
        help_text = " ".join(CliRunner().invoke(cli, [command, "--help"]).stdout.split())
        assert f"[default: {seconds};" in help_text
    seen: dict[str, float] = {}

    def fake_check(file, *, limits, **kwargs):
        seen["check"] = limits.timeout
        raise resumefit.errors.EmptyDocument("the file is empty", path=file)

    def fake_run_local(tasks, jobs, args, timeout):
        seen["batch"], seen["batch-read"] = timeout, args[1].timeout
        return (result for result in ())

    monkeypatch.setattr(resumefit.api, "check_resume", fake_check)
    monkeypatch.setattr(resumefit.batch, "_run_local", fake_run_local)
    sample = tmp_path / "cv.txt"
    sample.write_text("x")
    CliRunner().invoke(cli, ["check", str(sample)], catch_exceptions=False)
    CliRunner().invoke(cli, ["batch", str(tmp_path), "-q"], catch_exceptions=False)
    list(check_folder(tmp_path))  # the library's batch default is the command's
    list(check_folder(tmp_path, limits={"max_pages": 3}))
    assert seen == {"check": 8.0, "batch": 30.0, "batch-read": 30.0}
    list(check_folder(tmp_path, limits={"timeout": 5}))
    assert seen["batch"] == 5


def test_leaderboard_columns_are_headed_by_category_titles_not_row_keys(tax):
    from resumefit.report.summary import render_summary

    rows = [build_row(score_file(s.name, str(s), tax, suggest=False), tax) for s in sorted(DEV.glob("*.txt"))[:2]]
    page = render_summary(rows)
    for category in tax.categories:
        assert f">{category.title}</th>" in page
        assert f"cat:{category.id}</th>" not in page


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_workers_fork_only_while_the_caller_runs_one_thread_and_both_ways_give_the_same_rows(tmp_path, tax):
    import threading

    from resumefit.batch import _context

    folder = good_folder(tmp_path / "in", 3)
    assert _context().get_start_method() == "fork"
    forked = sorted((r.path, r.report.score) for r in check_folder(folder, jobs=2))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # e.g. a progress bar: forking now could copy a held lock
    thread.start()
    try:
        assert _context().get_start_method() == "forkserver"
        served = sorted((r.path, r.report.score) for r in check_folder(folder, jobs=2))
    finally:
        stop.set()
        thread.join()
    assert forked == served and len(forked) == 3
