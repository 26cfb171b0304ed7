"""DOCX text in document order: paragraphs, tables, text boxes, headers."""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import CorruptDocument, LimitExceeded
from ..limits import Limits
from ..models import DocWarning, RawLine
from ..sections import STANDARD_HEADINGS
from .normalize import join_split_letters, normalize_text, split_letter_share

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word writes a text box twice: DrawingML in mc:Choice, VML in mc:Fallback.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BLOCK = {W + "p", W + "tbl", W + "sdt"}
_GLUED_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z &-]{2,30}?)(?: {2,}|\t)(\S.*)$")
_SPACE_RUN = re.compile(r"[ \t\u00a0]{3,}")
_DATES_ONLY = re.compile(
    r"^\(?(?:(?:[a-z]{3,9}\.?\s+|\d{1,2}/)?(?:19|20)\d{2}|present|current|now)"
    r"(?:\s*(?:[-–—]|to)\s*(?:(?:[a-z]{3,9}\.?\s+|\d{1,2}/)?(?:19|20)\d{2}|present|current|now|today))?\)?$", re.I)


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a ZIP whose members would inflate past the limits (zip bombs).

    Uses the sizes the archive declares, before inflating anything.
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"the file is not a readable ZIP/DOCX archive ({exc})") from None
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped:
        raise LimitExceeded(
            f"the archive would inflate to {total // (1024 * 1024)} MB, over the {limits.max_unzipped // (1024 * 1024)} MB limit",
            hint="it looks like a zip bomb; if it is a genuine resume, raise max_unzipped in the library")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio and info.file_size > 1024 * 1024:
            raise LimitExceeded(
                f"archive member {info.filename!r} compresses {info.file_size // max(1, info.compress_size)}:1, over the {limits.max_zip_ratio}:1 limit",
                hint="it looks like a zip bomb; re-save the document from Word")


def read_docx(data: bytes, limits: Limits) -> tuple[list[RawLine], list[DocWarning]]:
    """Return (lines, warnings) for DOCX bytes."""
    check_archive(data, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptDocument(f"the Word document is damaged ({type(exc).__name__})") from None
    except Exception as exc:  # lxml syntax errors, entity refusals, ...
        raise CorruptDocument(f"the Word document's XML cannot be read ({type(exc).__name__})") from None
    warnings: list[DocWarning] = []
    header = _header_footer_lines(document, "header")
    footer = _header_footer_lines(document, "footer")
    body: list[RawLine] = []
    boxes: list[RawLine] = []
    for child in document.element.body.iterchildren():
        _walk_block(child, body, boxes)
    boxed = sum(1 for b in boxes if b.text)
    if boxed:
        warnings.append(DocWarning("text-boxes", f"read {boxed} line(s) from text boxes"))
    if (header or footer or boxed) and sum(1 for line in body if line.text) <= boxed:
        warnings.append(DocWarning("text-outside-body", "all the text is in headers, footers or text boxes"))
    lines = header + [RawLine("")] + body + [RawLine("")] + footer
    if split_letter_share([line.text for line in lines]) > 0.08:
        # A PDF converted to Word often splits the first letter off each word.
        warnings.append(DocWarning("split-letters", "words were broken apart by stray spaces; rejoined them"))
        lines = [RawLine(join_split_letters(line.text), line.heading_hint) for line in lines]
    return lines, warnings


def _header_footer_lines(document, kind: str) -> list[RawLine]:
    seen: set[str] = set()
    lines: list[RawLine] = []
    for section in document.sections:
        for part in (getattr(section, kind), getattr(section, f"first_page_{kind}")):
            try:
                if part.is_linked_to_previous and lines:
                    continue
                element = part._element
            except Exception:
                continue
            chunk: list[RawLine] = []
            for child in element.iterchildren():
                _walk_block(child, chunk, chunk)
            text = "\n".join(line.text for line in chunk)
            if text.strip() and text not in seen:
                seen.add(text)
                lines.extend(chunk)
    return lines


def _walk_block(element, out: list[RawLine], boxes: list[RawLine]) -> None:
    tag = element.tag
    if tag == W + "p":
        _paragraph(element, out, boxes)
    elif tag == W + "tbl":
        for row in element.iterchildren(W + "tr"):
            _table_row(row, out, boxes)
        out.append(RawLine(""))
    elif tag == W + "sdt":
        content = element.find(W + "sdtContent")
        if content is not None:
            for child in content.iterchildren():
                _walk_block(child, out, boxes)
    elif tag == W + "customXml" or tag.endswith("}smartTag"):
        for child in element.iterchildren():
            _walk_block(child, out, boxes)


def _table_row(row, out: list[RawLine], boxes: list[RawLine]) -> None:
    """Read a row's cells left to right; a date cell joins the entry beside it."""
    cells: list[list[RawLine]] = []
    for cell in row.iter(W + "tc"):
        if cell.getparent() is not row or _is_merge_continuation(cell):
            continue  # nested tables are read through their own cell
        chunk: list[RawLine] = []
        for child in cell.iterchildren():
            _walk_block(child, chunk, boxes)
        cells.append(chunk)
    for i, chunk in enumerate(cells):
        text = [line for line in chunk if line.text.strip()]
        after = next((c for c in cells[i + 1:] if any(line.text.strip() for line in c)), None)
        if len(text) == 1 and after is not None and _DATES_ONLY.match(text[0].text.strip()):
            # Dates in a narrow left cell belong to the entry header on their right.
            first = next(j for j, line in enumerate(after) if line.text.strip())
            after[first] = RawLine(f"{after[first].text.rstrip()} | {text[0].text.strip()}", after[first].heading_hint)
            continue
        out.extend(chunk)


def _is_merge_continuation(cell) -> bool:
    props = cell.find(W + "tcPr")
    if props is None:
        return False
    merge = props.find(W + "vMerge")
    return merge is not None and merge.get(W + "val") in (None, "continue")


def _paragraph(p, out: list[RawLine], boxes: list[RawLine]) -> None:
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == W + "txbxContent":
            continue
        if _inside_textbox(node, p):
            continue
        if tag == W + "t" and node.text:
            parts.append(node.text)
        elif tag == W + "tab":
            parts.append("\t")  # kept until clean-up, so a tabbed-off heading can be split
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
    text = normalize_text("".join(parts))
    hint = _is_heading_style(p)
    numbered = p.find(f"{W}pPr/{W}numPr") is not None or _style_name(p).startswith("list")
    for piece in _split_long(text):
        out.append(RawLine(("• " + piece) if numbered and piece.strip() else piece, heading_hint=hint))
    # Text boxes anchored in this paragraph are read once, where they are anchored.
    for box in p.iter(W + "txbxContent"):
        if _inside_textbox(box, p):
            continue  # nested box, or the VML copy of a box: read through its parent
        chunk: list[RawLine] = [RawLine("")]
        for child in box.iterchildren():
            _walk_block(child, chunk, chunk)
        chunk.append(RawLine(""))
        out.extend(chunk)
        boxes.extend(chunk)


def _split_long(text: str) -> list[str]:
    """Split a paragraph into lines at soft breaks, and a whole resume typed as
    one paragraph also at the runs of spaces its author used to lay it out."""
    lines = []
    for piece in text.split("\n"):
        glued = _GLUED_HEADING.match(piece)
        if len(piece.split()) >= 20 and len(_SPACE_RUN.findall(piece)) >= 2:
            lines += [part for part in _SPACE_RUN.split(piece) if part.strip()]
        elif glued and glued.group(1).lower() in STANDARD_HEADINGS:
            lines += [glued.group(1), glued.group(2)]  # "Skills  C#, .NET, ..." typed on one line
        else:
            lines.append(piece)
    return lines


def _inside_textbox(node, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (W + "txbxContent", MC_FALLBACK):
            return True
        parent = parent.getparent()
    return False


def _style_name(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return (style.get(W + "val") or "").lower() if style is not None else ""


def _is_heading_style(p) -> bool:
    name = _style_name(p)
    if name.startswith(("heading", "title")) or "heading" in name:
        return True
    runs = [r for r in p.iterchildren(W + "r") if (r.findtext(W + "t") or "").strip()]
    return bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)
