"""Plain text and Markdown: encoding detection and Markdown clean-up."""

from __future__ import annotations

import codecs
import re

from ..errors import CorruptDocument
from ..models import RawLine
from .normalize import normalize_text

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then UTF-8, UTF-16 by NULs, then cp1252."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        even_nuls = sample[0::2].count(b"\x00")
        name = "utf-16-be" if even_nuls > len(sample) // 4 else "utf-16-le"
        return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(text: str) -> bool:
    """True when too many characters are control codes or undecodable."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) > 0.05


def read_text(data: bytes, markdown: bool = False) -> list[RawLine]:
    """Return the lines of a text or Markdown file."""
    text, _ = decode(data)
    if looks_binary(text):
        raise CorruptDocument("the file holds binary data, not text", hint="check that it is the resume you meant; save it as PDF, DOCX or .txt")
    text = normalize_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for line in text.split("\n"):
        if markdown:
            heading = _MD_HEADING.match(line)
            if heading:
                lines.append(RawLine(_md_inline(heading.group(1)), heading_hint=True))
                continue
            line = _md_inline(line)
        lines.append(RawLine(line))
    return lines


def _md_inline(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line)
