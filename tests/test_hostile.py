"""Hostile and broken input: every bad file gets one clear line, exit 3, quickly.

The cases are built at test time by ``benchmarks/hostile.py`` (which also runs
them through the real CLI and measures memory); here they run in-process.
"""

from __future__ import annotations

import csv
import io
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import hostile  # noqa: E402

from resumefit.cli import cli  # noqa: E402
from resumefit.errors import CorruptDocument, EncryptedDocument, FileNotReadable, LimitExceeded  # noqa: E402
from resumefit.extract import read_document  # noqa: E402
from resumefit.limits import Limits  # noqa: E402

# Too slow for the unit suite at full size; smaller versions are tested below.
SLOW = {"600k vector paths", "one 10 MB line", "PDF flate bomb", "DOCX huge XML"}
CASES = [c for c in hostile.CASES if c.name not in SLOW]


def run_check(path: Path, *args: str):
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["check", str(path), "--no-color", *args])
    return result, time.perf_counter() - start


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gets_a_report_or_one_clear_line(case, tmp_path):
    if "needs-non-root" in case.tags and hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0:
        pytest.skip("root can read a chmod 000 file")
    path = case.build(tmp_path)
    result, seconds = run_check(path, *case.args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == case.expect, result.output + result.stderr
    assert seconds < 10
    if case.expect == 3:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"resumefit: {path}: ")
        assert lines[0].endswith(")"), "the line ends with what to do, in parentheses"
        for word in case.says:
            assert word.lower() in lines[0].lower()
        assert "Traceback" not in result.output
    else:
        assert "/100" in result.output
    if case.warns:
        codes = [w.code for w in read_document(path, password="s3cret").warnings]
        assert case.warns in codes


def test_wrong_extension_is_scored_like_the_right_one(tmp_path):
    right = tmp_path / "resume.pdf"
    right.write_bytes(hostile.pdf_bytes())
    wrong = tmp_path / "resume.docx"
    wrong.write_bytes(hostile.pdf_bytes())
    a, b = read_document(right), read_document(wrong)
    assert a.lines == b.lines and b.format == "pdf"
    assert [w.code for w in b.warnings] == ["wrong-extension"] + [w.code for w in a.warnings]


def test_external_entity_is_never_read(tmp_path):
    path = hostile.CASES[[c.name for c in hostile.CASES].index("external entity")].build(tmp_path)
    result, _ = run_check(path, "-f", "json")
    assert result.exit_code == 3
    assert hostile.SECRET not in result.output + result.stderr


def test_dtd_in_utf16_part_is_refused(tmp_path):
    # A byte search for "<!DOCTYPE" would miss a UTF-16 part; the XML parser does not.
    base = hostile.docx_bytes()
    xml = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml").decode("utf-8")
    xml = xml.replace("encoding='UTF-8'", "encoding='UTF-16'").replace("?>", '?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
    data = hostile._rezip(base, {"word/document.xml": xml.encode("utf-16")})
    with pytest.raises(CorruptDocument, match="DTD"):
        read_document(data, filename="u16.docx")


def test_zip_bomb_is_refused_from_declared_sizes_fast(tmp_path):
    path = tmp_path / "bomb.docx"
    hostile.build_zip_bomb_docx(path, inflated_mb=300)
    assert path.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(LimitExceeded, match="64 MB limit"):
        read_document(path)
    assert time.perf_counter() - start < 0.5


def test_oversized_xml_part_names_its_limit():
    data = hostile.docx_bytes()
    with pytest.raises(LimitExceeded, match="max_xml_part"):
        read_document(data, filename="r.docx", limits=Limits(max_xml_part=10_000))


def test_pdf_flate_bomb_is_refused_before_pdfminer_inflates_it(tmp_path):
    path = tmp_path / "bomb.pdf"
    hostile.build_flate_bomb_pdf(path, inflated_mb=40)
    start = time.perf_counter()
    with pytest.raises(LimitExceeded, match="inflate past the 16 MB limit"):
        read_document(path, limits=Limits(max_unzipped=16 * 1024 * 1024))
    assert time.perf_counter() - start < 1


def test_normal_pdf_passes_the_stream_check():
    doc = read_document(hostile.pdf_bytes(), filename="ok.pdf", limits=Limits(max_unzipped=1024 * 1024))
    assert doc.format == "pdf" and any("Castillo" in line.text for line in doc.lines)


def test_slow_pdf_hits_the_time_limit_named_with_its_option(tmp_path):
    path = tmp_path / "paths.pdf"
    hostile.build_vector_pdf(path, paths=60_000)
    result, seconds = run_check(path, "--timeout", "0.3")
    assert result.exit_code == 3
    assert "0.3 s, the per-file time limit (raise it with --timeout" in result.stderr
    assert seconds < 3


def test_time_limit_leaves_no_alarm_behind(tmp_path):
    import signal
    read_document(hostile.pdf_bytes(), filename="ok.pdf")
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_long_pdf_reads_max_pages_with_a_warning(tmp_path):
    path = tmp_path / "long.pdf"
    hostile.build_many_pages_pdf(path, pages=300)
    doc = read_document(path, limits={"max_pages": 3})
    assert doc.pages == 3
    warning = next(w for w in doc.warnings if w.code == "pages-truncated")
    assert "3 of 300" in warning.message and "--max-pages" in warning.message


def test_size_limit_names_option_and_is_settable(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(hostile.sample_text() * 30)
    result, _ = run_check(path, "--max-size", "0.01")
    assert result.exit_code == 3 and "size limit (raise it with --max-size" in result.stderr
    result, _ = run_check(path, "--max-size", "1")
    assert result.exit_code == 0


def test_one_huge_line_is_wrapped_and_capped():
    words = hostile.sample_text().split()
    line = " ".join(words[i % len(words)] for i in range(60_000))
    doc = read_document(line.encode(), filename="one.txt", limits={"max_chars": 100_000})
    codes = {w.code for w in doc.warnings}
    assert {"long-lines", "text-truncated"} <= codes
    assert max(len(ln.text) for ln in doc.lines) <= 1002  # wrapped, plus a bullet mark at most
    assert sum(len(ln.text) for ln in doc.lines) <= 100_000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-8-sig"])
def test_text_encodings_read_the_same_words(encoding):
    text = hostile.sample_text().replace("—", "-").replace("–", "-") + "\nCafé résumé naïve\n"
    doc = read_document(text.encode(encoding), filename="r.txt")
    joined = " ".join(line.text for line in doc.lines)
    assert "Café résumé naïve" in joined and "Jordan Castillo" in joined


def test_unreadable_file_says_permission(tmp_path, monkeypatch):
    import resumefit.extract as extract

    path = tmp_path / "r.pdf"
    path.write_bytes(hostile.pdf_bytes())

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(extract, "open", denied, raising=False)
    with pytest.raises(FileNotReadable, match="Permission denied"):
        read_document(path)


def test_wrong_password_is_told_apart_from_no_password(tmp_path):
    path = tmp_path / "locked.pdf"
    hostile.build_encrypted_pdf(path)
    with pytest.raises(EncryptedDocument, match="password-protected"):
        read_document(path)
    with pytest.raises(EncryptedDocument, match="does not open"):
        read_document(path, password="wrong")
    assert read_document(path, password="s3cret").format == "pdf"


def test_html_report_escapes_resume_markup(tmp_path):
    path = tmp_path / "x.txt"
    evil = "<script>alert(1)</script> <img src=x onerror=alert(2)>"
    path.write_text(f"{evil}\n" + hostile.sample_text() + f"\n• Led launches {evil}\n")
    result, _ = run_check(path, "-f", "html")
    assert result.exit_code == 0
    assert "<script>alert" not in result.output and "<img src=x" not in result.output
    assert "&lt;script&gt;" in result.output


def test_batch_csv_neutralises_formula_cells(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("=HYPERLINK(1).txt", "+1.txt", "-2.txt", "@SUM.txt"):
        (folder / name).write_text("=cmd|' /C calc'!A0\n" + hostile.sample_text())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n")
    out = tmp_path / "rows.csv"
    result = CliRunner().invoke(cli, ["batch", str(folder), "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 3, result.output + result.stderr  # one file failed, the rest went on
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert len(rows) == 1 + 5
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), row
