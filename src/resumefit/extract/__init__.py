"""Extract stage: any supported input -> RawDocument (text lines in reading order).

This is the only stage that touches files. It refuses what it cannot read
with resumefit's own exceptions, each naming the file and what to do.
"""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

from ..errors import CorruptDocument, EmptyDocument, FileNotReadable, InputError, LimitExceeded, UnsupportedFormat
from ..limits import Limits
from ..models import DocWarning, RawDocument, RawLine
from .guards import Deadline, check_docx_parts, check_pdf_streams, time_limit
from .normalize import clean_line, unreadable_share
from .sniff import READABLE, describe, sniff

SUFFIX_FORMATS = {"pdf": "pdf", "docx": "docx", "txt": "txt", "text": "txt", "md": "md", "markdown": "md",
                  "json": "json-resume", "zip": "linkedin-export"}
MIN_WORDS = 40  # below this a resume is suspiciously short
MAX_LINE_CHARS = 1000  # longer lines are wrapped: scoring cost grows with line length


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
        with time_limit(limits.timeout):
            return _read(data, name, limits, password)
    except InputError as exc:
        exc.path = exc.path or name
        raise
    except Deadline:
        raise LimitExceeded(f"reading it took over {limits.timeout:g} s, the per-file time limit", path=name,
                            hint="raise it with --timeout if this really is a resume") from None
    except RecursionError:
        raise CorruptDocument("it is nested too deeply to read", path=name) from None
    except Exception as exc:  # parsers raise many types on damaged files
        raise CorruptDocument(f"could not be read ({type(exc).__name__})", path=name) from None


def _read(data: bytes, name: str, limits: Limits, password: str | None) -> RawDocument:
    if not data.strip():
        raise EmptyDocument("the file is empty")
    suffix = Path(name).suffix.lower().lstrip(".")
    kind = sniff(data[:4096], data if data.startswith(b"PK") else None, suffix)
    if kind == "json-resume" or (kind in ("txt",) and suffix == "json"):
        kind = "json-resume" if kind == "json-resume" else "txt"
    if kind not in READABLE:
        raise UnsupportedFormat(f"is {describe(kind)}, which resumefit does not read")
    expected = SUFFIX_FORMATS.get(suffix)
    if expected in ("pdf", "docx") and kind in ("txt", "md"):
        _refuse_binary_posing_as(suffix, data)
    warnings: list[DocWarning] = []
    if expected and expected != kind and not (expected in ("txt", "md") and kind in ("txt", "md")):
        warnings.append(DocWarning("wrong-extension", f"named .{suffix} but is really {kind.upper()}; read it as {kind.upper()}"))
    lines, pages = _dispatch(kind, data, limits, password, warnings)
    return _finish(name, kind, lines, warnings, pages, limits)


def _refuse_binary_posing_as(suffix: str, data: bytes) -> None:
    """Name the real problem when a .pdf/.docx holds neither that format nor text."""
    from .text import decode, looks_binary
    if looks_binary(decode(data[:20000])[0]):
        raise CorruptDocument(f"is named .{suffix} but is not a {suffix.upper()} file (its content is unrecognised binary data)",
                              hint="check that it is the resume you meant; export it again as PDF or DOCX")


def _dispatch(kind, data, limits, password, warnings) -> tuple[list[RawLine], int | None]:
    if kind == "pdf":
        from .pdf import read_pdf
        check_pdf_streams(data, limits)
        lines, more, pages = read_pdf(data, limits, password)
        warnings.extend(more)
        return lines, pages
    if kind == "docx":
        from .docx import check_archive, read_docx
        check_archive(data, limits)
        check_docx_parts(data, limits)
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
    lines = _bound_text(lines, warnings, limits)
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


def _bound_text(lines: list[RawLine], warnings: list[DocWarning], limits: Limits) -> list[RawLine]:
    """Keep at most max_chars of text, and wrap lines no resume has (one 10 MB line)."""
    kept: list[RawLine] = []
    budget = limits.max_chars
    wrapped = False
    for line in lines:
        if len(line.text) > budget:
            warnings.append(DocWarning("text-truncated", f"read the first {limits.max_chars:,} characters only"))
            wrapped = wrapped or budget > MAX_LINE_CHARS
            kept.extend(RawLine(piece) for piece in textwrap.wrap(line.text[:max(budget, 0)], MAX_LINE_CHARS))
            break
        text = line.text
        budget -= len(text) + 1
        if len(text) <= MAX_LINE_CHARS:
            kept.append(line)
            continue
        wrapped = True
        kept.extend(RawLine(piece) for piece in textwrap.wrap(text, MAX_LINE_CHARS, break_on_hyphens=False))
    if wrapped:
        warnings.append(DocWarning("long-lines", f"lines over {MAX_LINE_CHARS} characters were wrapped"))
    return kept


def raw_from_text(text: str, source: str = "<text>") -> RawDocument:
    """Wrap resume text given in memory as a RawDocument."""
    from .text import read_text
    return _finish(source, "txt", read_text(text.encode("utf-8")), [], None, Limits())
