"""Run every hostile or broken input through the real CLI and print a table.

Each case is built at run time in a temporary folder (nothing large is
committed), then checked with ``resumefit check`` as a subprocess; the table
shows the exit code, the first line of stderr, wall seconds and the child's
peak RSS (from ``wait4``). The same builders feed ``tests/test_hostile.py``.

    python benchmarks/hostile.py [--keep DIR]
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "samples" / "example-layouts.txt"
SECRET = "TOPSECRET-XXE-CANARY"


def sample_text() -> str:
    """Return a real-looking TPM resume as plain text."""
    return SAMPLE.read_text(encoding="utf-8")


# --- PDFs ---------------------------------------------------------------

def _canvas(path: Path, **kwargs):
    from reportlab.pdfgen import canvas
    return canvas.Canvas(str(path), invariant=1, **kwargs)


def _draw_text(c, text: str, top: float = 760) -> None:
    y = top
    for line in text.splitlines():
        c.drawString(40, y, line[:110])
        y -= 13
        if y < 40:
            c.showPage()
            y = top


def pdf_bytes(text: str | None = None, **kwargs) -> bytes:
    """Return a one-column text PDF of the sample resume."""
    buffer = io.BytesIO()
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(buffer, invariant=1, **kwargs)
    _draw_text(c, text or sample_text())
    c.save()
    return buffer.getvalue()


def docx_bytes(text: str | None = None) -> bytes:
    """Return a DOCX holding the sample resume, one paragraph per line."""
    import docx
    document = docx.Document()
    for line in (text or sample_text()).splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_encrypted_pdf(path: Path, user: str = "s3cret", owner: str = "owner") -> None:
    from reportlab.lib import pdfencrypt
    path.write_bytes(pdf_bytes(encrypt=pdfencrypt.StandardEncryption(user, owner, canPrint=0)))


def build_owner_only_pdf(path: Path) -> None:
    build_encrypted_pdf(path, user="", owner="owner-only")


def build_scanned_pdf(path: Path) -> None:
    from reportlab.lib.utils import ImageReader
    png = _png(400, 500)
    c = _canvas(path)
    c.drawImage(ImageReader(io.BytesIO(png)), 40, 100, width=500, height=600)
    c.showPage()
    c.save()


def build_many_pages_pdf(path: Path, pages: int = 1500) -> None:
    c = _canvas(path)
    lines = sample_text().splitlines()
    for i in range(pages):
        c.drawString(40, 760, lines[i % len(lines)][:100] or "Experience")
        c.showPage()
    c.save()


def build_huge_page_pdf(path: Path) -> None:
    # 200 inches square, the largest page PDF readers accept, with a little text.
    c = _canvas(path, pagesize=(14400, 14400))
    _draw_text(c, sample_text(), top=14000)
    c.save()


def build_vector_pdf(path: Path, paths: int = 600_000) -> None:
    """One page of text and a content stream full of tiny line paths (3.5 MB; ~15 s to parse).

    200,000 paths took ~20 s until the PDF reader stopped building an object
    per path; now they parse in ~5 s, under the time limit this case is for.
    """
    ops = "\n".join(f"{i % 500} {i % 700} m {i % 500 + 3} {i % 700 + 2} l S" for i in range(paths))
    body = pdf_bytes()
    # Append the paths as a second page through reportlab's raw stream hook.
    c = _canvas(path)
    _draw_text(c, sample_text())
    c.showPage()
    c._code.append(ops)
    c.showPage()
    c.save()
    del body


def build_flate_bomb_pdf(path: Path, inflated_mb: int = 400) -> None:
    """A valid-looking PDF whose page content inflates to hundreds of MB."""
    comp = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * 75_000  # ~1 MB of trivial operators
    stream = b"".join(comp.compress(chunk) for _ in range(inflated_mb)) + comp.flush()
    _write_raw_pdf(path, stream, b"/Filter /FlateDecode")


def _write_raw_pdf(path: Path, stream: bytes, extra: bytes = b"") -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(stream), extra) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())


def build_page_loop_pdf(path: Path) -> None:
    """A page tree whose Kids point back at itself."""
    out = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>\nendobj\n"
           b"3 0 obj\n<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>\nendobj\n"
           b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
    path.write_bytes(out)


def _png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


# --- ZIP and DOCX -------------------------------------------------------

def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """Return a copy of a ZIP with some members' contents replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def _document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def build_zip_bomb_docx(path: Path, inflated_mb: int = 300) -> None:
    """A real DOCX whose document.xml is followed by hundreds of MB of spaces."""
    base = docx_bytes()
    source = zipfile.ZipFile(io.BytesIO(base))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(source.read("word/document.xml"))
            block = b" " * (1 << 20)
            for _ in range(inflated_mb):
                member.write(block)


def build_billion_laughs_docx(path: Path) -> None:
    lol = b'<!DOCTYPE w:document [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b"]>"
    xml = _document_xml(docx_bytes())
    xml = xml.replace(b"?>", b"?>" + lol, 1).replace(b"Jordan Castillo", b"&lol9;", 1)
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def build_xxe_docx(path: Path, secret_file: Path) -> None:
    secret_file.write_text(SECRET)
    dtd = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://%s">]>' % str(secret_file).encode()
    xml = _document_xml(docx_bytes())
    xml = xml.replace(b"?>", b"?>" + dtd, 1).replace(b"Jordan Castillo", b"&xxe;", 1)
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def build_big_xml_docx(path: Path, paragraphs: int = 400_000) -> None:
    """A DOCX under the inflate limit whose XML is still enormous to parse."""
    para = b"<w:p><w:r><w:t>Owned the roadmap</w:t></w:r></w:p>"
    xml = _document_xml(docx_bytes())
    xml = xml.replace(b"<w:body>", b"<w:body>" + para * paragraphs, 1)
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def build_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


# --- the cases ----------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One hostile input: name, builder(folder) -> path, CLI args, expected exit, words the message must hold."""

    name: str
    build: Callable[[Path], Path]
    expect: int
    says: tuple[str, ...] = ()
    args: tuple[str, ...] = ()
    warns: str = ""
    tags: tuple[str, ...] = field(default=())


def _file(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path
    return build


def _with(name: str, builder: Callable[[Path], None]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        builder(path)
        return path
    return build


def _dir_named(folder: Path) -> Path:
    path = folder / "folder.pdf"
    path.mkdir(exist_ok=True)
    return path


def _symlink_loop(folder: Path) -> Path:
    a, b = folder / "loop-a.pdf", folder / "loop-b.pdf"
    for link, target in ((a, b), (b, a)):
        if not link.is_symlink():
            link.symlink_to(target)
    return a


def _missing(folder: Path) -> Path:
    return folder / "does-not-exist.pdf"


def _unreadable(folder: Path) -> Path:
    path = folder / "unreadable.pdf"
    path.write_bytes(pdf_bytes())
    path.chmod(0)
    return path


def _xxe(folder: Path) -> Path:
    path = folder / "xxe.docx"
    build_xxe_docx(path, folder / "secret.txt")
    return path


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _big_line() -> bytes:
    words = sample_text().split()
    line = " ".join(words[i % len(words)] for i in range(1_600_000)).encode()
    return line[: 10 * 1024 * 1024 - 1]


def _huge_text() -> bytes:
    block = (sample_text() + "\n").encode()
    return block * (11 * 1024 * 1024 // len(block) + 1)


_HTML_RESUME = ("<script>alert('x')</script>\n=HYPERLINK(\"http://evil\")\n+1+2\n@SUM(A1)\n"
                "<img src=x onerror=alert(1)>\n" + "x" * 0)

CASES: list[Case] = [
    Case("empty file", _file("empty.pdf", b""), 3, ("empty",)),
    Case("whitespace only", _file("blank.txt", b"  \n\n \t\n"), 3, ("empty",)),
    Case("random bytes .pdf", _file("random.pdf", lambda: _random(50_000, 1)), 3, ("not a PDF", "PDF or DOCX")),
    Case("random bytes .docx", _file("random.docx", lambda: _random(50_000, 2)), 3, ("not a DOCX", "PDF or DOCX")),
    Case("truncated PDF", _file("truncated.pdf", lambda: pdf_bytes()[:1500]), 3, ("PDF",)),
    Case("PDF header only", _file("header.pdf", b"%PDF-1.7\n"), 3, ("PDF",)),
    Case("PDF named .docx", _file("really-pdf.docx", pdf_bytes), 0, warns="wrong-extension"),
    Case("DOCX named .pdf", _file("really-docx.pdf", docx_bytes), 0, warns="wrong-extension"),
    Case("legacy .doc", _file("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _random(4000, 3)), 3, ("Word .doc", "PDF or DOCX")),
    Case("RTF", _file("resume.rtf", b"{\\rtf1\\ansi Jordan Castillo\\par}"), 3, ("RTF", "PDF or DOCX")),
    Case("ODT", _with("resume.odt", lambda p: build_zip(p, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})), 3, ("OpenDocument", "PDF or DOCX")),
    Case("Pages", _with("resume.pages", lambda p: build_zip(p, {"Index/Document.iwa": b"\x00" * 50, "Metadata/Properties.plist": b""})), 3, ("Pages", "PDF or DOCX")),
    Case("PNG image", _file("photo.png", lambda: _png(64, 64)), 3, ("image", "PDF or DOCX")),
    Case("JPEG named .pdf", _file("photo.pdf", b"\xff\xd8\xff\xe0" + _random(3000, 4)), 3, ("image",)),
    Case("ZIP not Word", _with("archive.docx", lambda p: build_zip(p, {"notes.txt": b"hello", "a/b.bin": b"\x00" * 10})), 3, ("ZIP",)),
    Case("DOCX zip bomb", _with("bomb.docx", build_zip_bomb_docx), 3, ("limit", "bomb")),
    Case("DOCX huge XML", _with("big-xml.docx", build_big_xml_docx), 3, ("limit",)),
    Case("billion laughs", _with("laughs.docx", build_billion_laughs_docx), 3, ("entit",)),
    Case("external entity", _xxe, 3, ("entit",)),
    Case("encrypted PDF", _with("locked.pdf", build_encrypted_pdf), 3, ("password",)),
    Case("encrypted PDF + --password", _with("locked2.pdf", build_encrypted_pdf), 0, args=("--password", "s3cret")),
    Case("encrypted PDF, wrong password", _with("locked3.pdf", build_encrypted_pdf), 3, ("password",), args=("--password", "nope")),
    Case("owner-password-only PDF", _with("owner-only.pdf", build_owner_only_pdf), 0),
    Case("scanned PDF", _with("scan.pdf", build_scanned_pdf), 3, ("scanned", "text PDF")),
    Case("1,500-page PDF", _with("long.pdf", build_many_pages_pdf), 0, warns="pages-truncated"),
    Case("huge page PDF", _with("huge-page.pdf", build_huge_page_pdf), 0),
    Case("600k vector paths", _with("paths.pdf", build_vector_pdf), 3, ("time limit", "--timeout")),
    Case("PDF flate bomb", _with("flate-bomb.pdf", build_flate_bomb_pdf), 3, ("limit",)),
    Case("PDF page-tree loop", _with("page-loop.pdf", build_page_loop_pdf), 3, ("PDF",)),
    Case("11 MB text file", _file("huge.txt", _huge_text), 3, ("size limit", "--max-size")),
    Case("one 10 MB line", _file("one-line.txt", _big_line), 0),
    Case("binary garbage .txt", _file("garbage.txt", lambda: _random(20_000, 5)), 3, ("binary",)),
    Case("UTF-16 text", _file("utf16.txt", lambda: sample_text().encode("utf-16")), 0),
    Case("UTF-16 no BOM", _file("utf16le.txt", lambda: sample_text().encode("utf-16-le")), 0),
    Case("Latin-1 text", _file("latin1.txt", lambda: (sample_text() + "\nCafé résumé naïve\n").encode("cp1252")), 0),
    Case("directory named x.pdf", _dir_named, 3, ("directory",)),
    Case("symlink loop", _symlink_loop, 3, ("path",)),
    Case("missing path", _missing, 3, ("no such file",)),
    Case("unreadable file", _unreadable, 3, ("permission",), tags=("needs-non-root",)),
    Case("HTML/script in text", _file("=cmd+x.txt", lambda: (_HTML_RESUME + sample_text()).encode()), 0, args=("-f", "html")),
    Case("deep JSON", _file("deep.json", b'{"basics": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), 3, ("JSON",)),
]


# --- running through the CLI ---------------------------------------------

@dataclass(frozen=True)
class Row:
    """One result: case, exit code, stderr lines, seconds, peak RSS in MB."""

    case: str
    code: int
    stderr: list[str]
    seconds: float
    rss_mb: float


def run_cli(path: Path, args: tuple[str, ...] = (), timeout: float = 60) -> tuple[int, str, str, float, float]:
    """Run ``resumefit check PATH ARGS``; return (code, stdout, stderr, seconds, peak RSS MB)."""
    exe = Path(sys.executable).with_name("resumefit")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "resumefit"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command + ["check", str(path), "--no-color", *args], stdout=out, stderr=err,
                                env={**os.environ, "COLUMNS": "100"})
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"), seconds, usage.ru_maxrss / 1024


def build_all(folder: Path) -> dict[str, str]:
    """Build every case in ``folder``; return case name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    return {case.name: str(case.build(folder)) for case in CASES}


def main(argv: list[str]) -> int:
    if "--build" in argv:  # child: build the files, so their memory is not counted as the CLI's
        print(json.dumps(build_all(Path(argv[argv.index("--build") + 1]))))
        return 0
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    folder = keep or Path(tempfile.mkdtemp(prefix="resumefit-hostile-"))
    built = subprocess.run([sys.executable, __file__, "--build", str(folder)], capture_output=True, text=True, check=True)
    paths = json.loads(built.stdout)
    worst, failures = 0.0, 0
    print(f"| case | exit | s | peak MB | message / result |\n|---|---|---|---|---|")
    for case in CASES:
        code, out, err, seconds, rss = run_cli(Path(paths[case.name]), case.args)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        if code == 0:
            score = next((ln.strip() for ln in out.splitlines() if "/100" in ln), "report")
            message = f"report: {score[:50]}" + (f" [stderr: {' | '.join(lines)[:70]}]" if lines else "")
        else:
            message = " | ".join(lines).replace(str(folder) + "/", "")
        ok = code == case.expect and (code == 0 or len(lines) == 1) and seconds < 10 and rss < 500
        failures += not ok
        worst = max(worst, seconds)
        print(f"| {case.name} | {code} | {seconds:.2f} | {rss:.0f} | {'' if ok else '**UNEXPECTED** '}{message[:170]} |")
    if keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nslowest case: {worst:.2f} s; unexpected: {failures} (the unreadable-file case needs a non-root user)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
