"""Extract stage: any supported input -> RawDocument (text lines in reading order).

This is the only stage that touches files. It refuses what it cannot read
with resumefit's own exceptions, each naming the file and what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import CorruptDocument, EmptyDocument, FileNotReadable, LimitExceeded, UnsupportedFormat
from ..limits import Limits
from ..models import DocWarning, RawDocument, RawLine
from .normalize import clean_line, unreadable_share
from .sniff import READABLE, describe, sniff

SUFFIX_FORMATS = {"pdf": "pdf", "docx": "docx", "txt": "txt", "text": "txt", "md": "md", "markdown": "md",
                  "json": "json-resume", "zip": "linkedin-export"}
MIN_WORDS = 40  # below this a resume is suspiciously short


def read_bytes(path: str | os.PathLike, limits: Limits) -> bytes:
    """Read a file within the size limit, with clear errors for bad paths."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileNotReadable("no such file", path=name, hint="check the path") from None
    except OSError as exc:
        raise FileNotReadable(f"cannot be opened ({exc.strerror or exc})", path=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileNotReadable("is a directory, not a file", path=name, hint="pass a file, or use 'resumefit batch' for a folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileNotReadable("is not a regular file", path=name, hint="pass a PDF, DOCX or text file")
    if info.st_size > limits.max_size:
        raise LimitExceeded(
            f"is {info.st_size / 1048576:.1f} MB, over the {limits.max_size / 1048576:.0f} MB size limit",
            path=name, hint="raise it with --max-size if this really is a resume")
    try:
        with open(path, "rb") as handle:
            return handle.read(limits.max_size + 1)
    except OSError as exc:
        raise FileNotReadable(f"cannot be read ({exc.strerror or exc})", path=name) from None


def read_document(source: str | os.PathLike | bytes, *, filename: str | None = None,
                  limits: Limits | dict | None = None, password: str | None = None) -> RawDocument:
    """Read a resume file (or its bytes) into text lines in reading order.

    ``filename`` names bytes input (its suffix is a hint only: the real
    format is told from the content). Raises an InputError subclass.
    """
    limits = Limits.resolve(limits)
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), filename or "<bytes>"
        if len(data) > limits.max_size:
            raise LimitExceeded(f"is {len(data) / 1048576:.1f} MB, over the {limits.max_size / 1048576:.0f} MB size limit",
                                path=name, hint="raise it with --max-size if this really is a resume")
    else:
        name = filename or str(source)
        data = read_bytes(source, limits)
    try:
        return _read(data, name, limits, password)
    except (CorruptDocument, EmptyDocument, UnsupportedFormat, LimitExceeded, FileNotReadable) as exc:
        exc.path = exc.path or name
        raise
    except Exception as exc:
        from ..errors import InputError
        if isinstance(exc, InputError):
            exc.path = exc.path or name
            raise
        raise CorruptDocument(f"could not be read ({type(exc).__name__})", path=name) from None


def _read(data: bytes, name: str, limits: Limits, password: str | None) -> RawDocument:
    if not data.strip():
        raise EmptyDocument("the file is empty")
    suffix = Path(name).suffix.lower().lstrip(".")
    kind = sniff(data[:4096] if not data.startswith(b"PK") else data[:4096], data if data.startswith(b"PK") else None, suffix)
    if kind == "json-resume" or (kind in ("txt",) and suffix == "json"):
        kind = "json-resume" if kind == "json-resume" else "txt"
    if kind not in READABLE:
        raise UnsupportedFormat(f"is {describe(kind)}, which resumefit does not read")
    warnings: list[DocWarning] = []
    expected = SUFFIX_FORMATS.get(suffix)
    if expected and expected != kind and not (expected in ("txt", "md") and kind in ("txt", "md")):
        warnings.append(DocWarning("wrong-extension", f"named .{suffix} but is really {kind.upper()}; read it as {kind.upper()}"))
    lines, pages = _dispatch(kind, data, limits, password, warnings)
    return _finish(name, kind, lines, warnings, pages, limits)


def _dispatch(kind, data, limits, password, warnings) -> tuple[list[RawLine], int | None]:
    if kind == "pdf":
        from .pdf import read_pdf
        lines, more, pages = read_pdf(data, limits, password)
        warnings.extend(more)
        return lines, pages
    if kind == "docx":
        from .docx import read_docx
        lines, more = read_docx(data, limits)
        warnings.extend(more)
        return lines, None
    if kind == "json-resume":
        from .profiles import read_json_resume
        return read_json_resume(data), None
    if kind == "linkedin-export":
        from .profiles import read_linkedin_export
        return read_linkedin_export(data, limits), None
    from .text import read_text
    return read_text(data, markdown=kind == "md"), None


def _finish(name, kind, lines, warnings, pages, limits) -> RawDocument:
    raw_text = "\n".join(line.text for line in lines)
    cleaned: list[RawLine] = []
    for line in lines[: limits.max_lines * 2]:
        text, bullet = clean_line(line.text)
        cleaned.append(RawLine(("• " + text) if bullet and text else text, line.heading_hint))
    if len(lines) > limits.max_lines * 2:
        warnings.append(DocWarning("lines-truncated", f"read the first {limits.max_lines * 2} lines only"))
    words = sum(len(line.text.split()) for line in cleaned)
    if words == 0:
        raise EmptyDocument("no text could be read from it")
    share = unreadable_share(raw_text)
    if share > 0.3:
        raise CorruptDocument(f"{share:.0%} of its characters are unreadable (icon fonts or broken encoding)",
                              hint="export it again as PDF with standard fonts, or as DOCX")
    if share > 0.05:
        warnings.append(DocWarning("unreadable-characters", f"{share:.0%} of the characters could not be read"))
    if words < MIN_WORDS:
        warnings.append(DocWarning("short", f"only {words} words were read; the report may miss much of the resume"))
    return RawDocument(name, kind, tuple(cleaned), tuple(warnings), pages)


def raw_from_text(text: str, source: str = "<text>") -> RawDocument:
    """Wrap resume text given in memory as a RawDocument."""
    from .text import read_text
    return _finish(source, "txt", read_text(text.encode("utf-8")), [], None, Limits())
