"""Tell a file's real format from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import json
import zipfile

READABLE = ("pdf", "docx", "txt", "md", "json-resume", "linkedin-export")

_NAMES = {
    "doc": "a legacy Word .doc file",
    "rtf": "an RTF document",
    "odt": "an OpenDocument text file",
    "pages": "an Apple Pages document",
    "image": "an image",
    "zip": "a ZIP archive that is not a Word document or a LinkedIn export",
    "binary": "a binary file",
    "xlsx": "a spreadsheet",
    "pptx": "a presentation",
}


def describe(kind: str) -> str:
    """A phrase naming an unreadable kind, for error messages."""
    return _NAMES.get(kind, kind)


def sniff(head: bytes, data_for_zip: bytes | None = None, suffix: str = "") -> str:
    """Return the format of a file from its leading bytes (and ZIP listing).

    ``suffix`` (lower-case, no dot) breaks ties between plain-text kinds.
    """
    if head.lstrip()[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")) or head[4:12] in (b"ftypheic", b"ftypmif1") or head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data_for_zip)
    return _sniff_text(head, suffix)


def _sniff_zip(data: bytes | None) -> str:
    if data is None:
        return "zip"
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "zip"
    lowered = {n.rsplit("/", 1)[-1].lower() for n in names}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    if any(n.endswith(".iwa") for n in names) or "index.xml" in names:
        return "pages"
    if "profile.csv" in lowered or "positions.csv" in lowered:
        return "linkedin-export"
    return "zip"


def _sniff_text(head: bytes, suffix: str) -> str:
    if suffix == "json" or head.lstrip()[:1] in (b"{",):
        try:
            data = json.loads(head.decode("utf-8-sig"))
            if isinstance(data, dict) and ("basics" in data or "work" in data):
                return "json-resume"
        except (ValueError, UnicodeDecodeError):
            pass
    return "md" if suffix in ("md", "markdown") else "txt"
