"""PDF text in reading order, from pdfplumber's word positions.

Columns are found from where the words are, not from a fixed page fraction:
a vertical strip that no word crosses splits the page; a narrow strip of
short lines aligned with the main text (dates in a margin) is read row by
row instead, so each date stays with its entry.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import statistics
from dataclasses import dataclass
from operator import itemgetter
from typing import Iterator

from ..errors import CorruptDocument, EncryptedDocument, ScannedDocument
from ..limits import Limits
from ..models import DocWarning, RawLine
from .normalize import normalize_text

# Tight horizontal tolerance: LaTeX output sets words with small gaps that
# pdfplumber's default (3pt), and even 1.5pt (Awesome-CV), runs together.
X_TOLERANCE = 1
Y_TOLERANCE = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\bpresent\b", re.I)
_PAGE_REF = re.compile(r"\bpage\s*\d+(?:\s*(?:/|of)\s*\d+)?|\b\d{1,3}\s*(?:/|of)\s*\d{1,3}\b|(?<![\d.,])\d{1,3}$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.I)


@dataclass
class _Line:
    top: float
    bottom: float
    x0: float
    x1: float
    words: list[dict]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


def read_pdf(data: bytes, limits: Limits, password: str | None = None) -> tuple[list[RawLine], list[DocWarning], int]:
    """Return (lines, warnings, pages read) for PDF bytes."""
    import logging

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    # pdfminer logs font quirks of real files ("Could not get FontBBox") to
    # stderr; they say nothing the user can act on.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    warnings: list[DocWarning] = []
    try:
        pdf = _open(pdfplumber, data, password)
    except PDFPasswordIncorrect:
        raise EncryptedDocument("the PDF is password-protected" if password is None
                                else "the password given does not open this PDF") from None
    except Exception as exc:  # pdfminer raises many types on damaged files
        if "encrypt" in type(exc).__name__.lower() or "password" in str(exc).lower():
            raise EncryptedDocument("the PDF is encrypted in a way resumefit cannot open") from None
        raise CorruptDocument(f"the PDF is damaged and cannot be read ({type(exc).__name__})") from None
    with pdf:
        try:
            total = len(pdf.pages)
        except Exception as exc:
            raise CorruptDocument(f"the PDF's page tree is damaged ({type(exc).__name__})") from None
        if total > limits.max_pages:
            warnings.append(DocWarning("pages-truncated", f"read the first {limits.max_pages} of {total} pages (raise --max-pages to read more)"))
        pages: list[list[_Line]] = []
        columns = 0
        for page in pdf.pages[: limits.max_pages]:
            try:
                words = page_words(page)
            except Exception as exc:
                raise CorruptDocument(f"a page of the PDF is damaged ({type(exc).__name__})") from None
            ordered, split = order_page(words, float(page.width))
            columns += split
            pages.append(ordered)
        read = min(total, limits.max_pages)
    if not any(pages):
        if read:
            raise ScannedDocument("the PDF has no text layer; it looks scanned or made of images")
    empty_pages = sum(1 for p in pages if not p)
    if empty_pages and empty_pages < len(pages):
        warnings.append(DocWarning("page-without-text", f"{empty_pages} page(s) have no text layer and were skipped"))
    if columns:
        warnings.append(DocWarning("columns", f"detected a multi-column layout on {columns} page(s); read column by column"))
    return _to_raw_lines(drop_running_lines(pages)), warnings, read


def _open(pdfplumber, data: bytes, password: str | None):
    # An empty owner/user password opens many "protected" PDFs; try it first.
    attempts = [""] if password is None else ["", password]
    last: Exception | None = None
    for attempt in attempts:
        try:
            pdf = pdfplumber.open(io.BytesIO(data), password=attempt)
            pdf.pages  # forces the document (and decryption) to load
            return pdf
        except Exception as exc:
            # pdfplumber wraps pdfminer's errors; unwrap so a wrong password is told apart.
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else None
            last = inner if type(exc).__name__ == "PdfminerException" and inner else exc
    assert last is not None
    raise last


# Characters as plain tuples: pdfplumber's dict per character (about twenty
# attributes) is half of its reading time, and words need only these.
_TEXT, _X0, _X1, _TOP, _BOTTOM, _UPRIGHT, _SIZE, _FONT = range(8)
_LIGATURES = {"\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb01": "fi", "\ufb02": "fl", "\ufb06": "st",
              "\ufb05": "st"}


def page_words(page) -> list[dict]:
    """Return a pdfplumber page's words, as ``page.extract_words`` gives them with our tolerances.

    Same result (text, x0, x1, top, bottom, upright, size, fontname) from
    pdfminer's layout objects directly: characters of one font and size, in
    stream order, are clustered into lines, sorted along the line, and split
    where the gap exceeds the tolerance (``tests/test_extract_pdf.py``
    compares the two).
    """
    words: list[dict] = []
    for (upright, _size, _font), run in itertools.groupby(_page_chars(page), key=itemgetter(_UPRIGHT, _SIZE, _FONT)):
        for line in _char_lines(list(run), upright):
            words.extend(_merge_chars(chars) for chars in _split_words(line, upright))
    return words


def _page_chars(page) -> list[tuple]:
    """Return the page's characters as tuples, in pdfplumber's page coordinates, in stream order."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    device = _char_device()(page.pdf.rsrcmgr)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    chars: list[tuple] = []
    for text, x0, y0, x1, y1, upright, size, font in device.chars:
        if isinstance(font, bytes):  # rare byte-encoded names, decoded as pdfplumber does
            from pdfplumber.page import fix_fontname_bytes
            font = fix_fontname_bytes(font)
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        chars.append((text, x0, x1, (height - y1) + mb_top, (height - y0) + mb_top, upright, size, font))
    return chars


@functools.cache
def _char_device():
    """Return a pdfminer device class that records each character's box and font, and nothing else.

    pdfminer's own device builds an LTChar object per character (and objects
    for every line and image); that was a quarter of reading a PDF. The box
    is computed exactly as LTChar computes it.
    """
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class CharDevice(PDFLayoutAnalyzer):
        def __init__(self, rsrcmgr) -> None:
            super().__init__(rsrcmgr, pageno=1, laparams=None)
            self.chars: list[tuple] = []

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            adv = font.char_width(cid) * fontsize * scaling
            vertical = font.is_vertical()
            if vertical:
                vx, vy = font.char_disp(cid)
                vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                vy = (1000 - vy) * fontsize * 0.001
                bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
            else:
                descent = font.get_descent() * fontsize
                bbox = (0, descent + rise, adv, descent + rise + fontsize)
            a, b, c, d, _e, _f = matrix
            x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
            size = x1 - x0 if vertical else y1 - y0
            self.chars.append((text, x0, y0, x1, y1, a * d * scaling > 0 and b * c <= 0, size, font.fontname))
            return adv

        def render_image(self, name, stream) -> None:
            pass  # images and paths say nothing about the text

        def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
            pass

    return CharDevice


def _char_lines(chars: list[tuple], upright: bool) -> list[list[tuple]]:
    """Cluster characters into lines (by top, or x0 for rotated text), each sorted along the line."""
    key, tolerance = (_TOP, Y_TOLERANCE) if upright else (_X0, X_TOLERANCE)
    # Chained clustering, as pdfplumber's cluster_objects: a value within the tolerance of the previous joins it.
    cluster: dict[float, int] = {}
    index, last = -1, None
    for value in sorted({c[key] for c in chars}):
        if last is None or value > last + tolerance:
            index += 1
        cluster[value] = index
        last = value
    along = (lambda c: c[_X0]) if upright else (lambda c: (c[_TOP], c[_BOTTOM]))
    lines: list[list[tuple]] = []
    for _, members in itertools.groupby(sorted(chars, key=lambda c: cluster[c[key]]), key=lambda c: cluster[c[key]]):
        lines.append(sorted(members, key=along))
    return lines


def _split_words(line: list[tuple], upright: bool) -> Iterator[list[tuple]]:
    """Split a sorted line of characters into words at blanks and at gaps over the tolerance."""
    lo, hi, cross, along_tol, cross_tol = ((_X0, _X1, _TOP, X_TOLERANCE, Y_TOLERANCE) if upright
                                           else (_TOP, _BOTTOM, _X0, Y_TOLERANCE, X_TOLERANCE))
    word: list[tuple] = []
    for char in line:
        text = char[_TEXT]
        if text.isspace():
            if word:
                yield word
            word = []
        elif text == "":
            # pdfplumber's punctuation test ("" in "") makes an empty glyph a word of its own.
            if word:
                yield word
            yield [char]
            word = []
        elif word and (char[lo] < word[-1][lo] or char[lo] > word[-1][hi] + along_tol
                       or abs(char[cross] - word[-1][cross]) > cross_tol):
            yield word
            word = [char]
        else:
            word.append(char)
    if word:
        yield word


def _merge_chars(chars: list[tuple]) -> dict:
    first = chars[0]
    return {"text": "".join(_LIGATURES.get(c[_TEXT], c[_TEXT]) for c in chars),
            "x0": min(c[_X0] for c in chars), "x1": max(c[_X1] for c in chars),
            "top": min(c[_TOP] for c in chars), "bottom": max(c[_BOTTOM] for c in chars),
            "upright": first[_UPRIGHT], "size": first[_SIZE], "fontname": first[_FONT]}


def group_lines(words: list[dict]) -> list[_Line]:
    """Group words into lines by their vertical position, left to right."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        for line in reversed(lines[-3:]):
            if abs(line.top - word["top"]) <= Y_TOLERANCE and word["x0"] >= line.x0 - 1:
                line.words.append(word)
                line.x1 = max(line.x1, word["x1"])
                line.bottom = max(line.bottom, word["bottom"])
                break
        else:
            lines.append(_Line(word["top"], word["bottom"], word["x0"], word["x1"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.x0 = line.words[0]["x0"]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def find_gutter(words: list[dict], width: float) -> float | None:
    """Return the x of a vertical gap that splits the page into columns, or None.

    A candidate is a strip at least 8pt wide that (almost) no word crosses.
    Ragged line ends also leave empty strips, so a real gutter must have a
    column edge right after it: several text runs starting at the same x.
    """
    if len(words) < 20:
        return None
    step = 2.0
    bins = int(width / step) + 2
    cover = [0] * bins
    for w in words:
        for b in range(max(0, int(w["x0"] / step)), min(bins, int(w["x1"] / step) + 1)):
            cover[b] += 1
    left_edge, right_edge = min(w["x0"] for w in words), max(w["x1"] for w in words)
    # A name or rule may span both columns; more than two words across a strip
    # means text, even in a sparse sidebar.
    allowed = max(1, min(2, len(words) // 60))
    starts = _run_starts(words)
    best: tuple[int, float] | None = None
    for lo, hi in _empty_strips(cover, allowed, step, left_edge + 20, right_edge - 20):
        x = _emptiest(cover, lo, hi, step)
        left = sum(1 for w in words if w["x1"] <= x)
        right = sum(1 for w in words if w["x0"] >= x)
        # A short sidebar (a few skills, one degree) is still a column.
        if min(left, right) < max(5, len(words) // 60):
            continue
        aligned = sum(1 for s in starts if hi - step - 1 <= s <= hi + step + 1)
        if aligned >= 3 and (best is None or aligned > best[0]):
            best = (aligned, x)
    return None if best is None else best[1]


def _emptiest(cover: list[int], lo: float, hi: float, step: float) -> float:
    """Return the middle of the least-covered run inside a strip.

    A long line may poke into the strip; cutting where nothing is keeps it whole.
    """
    first, last = int(lo / step), int(hi / step)
    low = min(cover[first:last])
    runs: list[tuple[int, int]] = []
    for b in range(first, last):
        if cover[b] == low:
            if runs and runs[-1][1] == b:
                runs[-1] = (runs[-1][0], b + 1)
            else:
                runs.append((b, b + 1))
    a, z = max(runs, key=lambda r: r[1] - r[0])
    return (a + z) / 2 * step


def _empty_strips(cover: list[int], allowed: int, step: float, lo: float, hi: float) -> list[tuple[float, float]]:
    """Return (x0, x1) of strips >= 8pt wide whose coverage stays within ``allowed``."""
    strips = []
    start = None
    for b in range(len(cover) + 1):
        empty = b < len(cover) and cover[b] <= allowed and lo < b * step < hi
        if empty and start is None:
            start = b
        elif not empty and start is not None:
            if (b - start) * step >= 8:
                strips.append((start * step, b * step))
            start = None
    return strips


def _run_starts(words: list[dict]) -> list[float]:
    """Return the x0 of every run of text: a word with no word just before it on its row."""
    starts = []
    for line in group_lines(words):
        previous = None
        for w in line.words:
            if previous is None or w["x0"] - previous["x1"] > 6:
                starts.append(w["x0"])
            previous = w
    return starts


def order_page(words: list[dict], width: float) -> tuple[list[_Line], int]:
    """Return the page's lines in reading order and 1 if it was split into columns.

    Rows that cross the gutter (a name banner, a full-width section) cut the
    page into bands; each band is read left column, then right column.
    """
    gutter = find_gutter(words, width)
    if gutter is None:
        return group_lines(words), 0
    rows = group_lines(words)
    full = [ln for ln in rows if any(w["x0"] < gutter < w["x1"] for w in ln.words)]
    crossing = {id(w) for ln in full for w in ln.words}
    rest = [w for w in words if id(w) not in crossing]
    left = group_lines([w for w in rest if w["x1"] <= gutter])
    right = group_lines([w for w in rest if w["x0"] >= gutter])
    if _is_margin_column(left, right, gutter, width) or _is_margin_column(right, left, width - gutter, width):
        return rows, 0
    left, right = _merge_wrapped(left), _merge_wrapped(right)
    ordered: list[_Line] = []
    above = float("-inf")
    for cut in full + [None]:
        below = cut.top if cut is not None else float("inf")
        ordered += [ln for ln in left if above <= ln.top < below]
        ordered += [ln for ln in right if above <= ln.top < below]
        if cut is not None:
            ordered.append(cut)
            above = cut.top
    return ordered, 1


_GLYPHS = set("•●○◦▪▫■□◆◇►▶▸‣⁃∙·➢➤✓✔✦★-–—*")


def _style(line: _Line) -> tuple[bool, float]:
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in line.words)
    return bold, round(min(float(w.get("size", 0) or 0) for w in line.words), 1)


def _merge_wrapped(lines: list[_Line]) -> list[_Line]:
    """Join the lines a narrow column wrapped ("B.Sc. Telecommunications" / "Engineering, ...").

    A line continues the one above when that one ran to the column's right
    edge, it starts where the text above starts (under the words, not the
    glyph, of a bullet), sits one line-height below and shares a style.
    A bold job line may wrap before its "— Company | dates" tail.
    """
    if len(lines) < 2:
        return lines
    right = max(ln.x1 for ln in lines)
    width = right - min(ln.x0 for ln in lines)
    merged = [lines[0]]
    last = lines[0]  # the physical line last joined: its right edge, not the block's, decides
    for line in lines[1:]:
        block = merged[-1]
        height = last.bottom - last.top
        opener = line.words[0]["text"]
        # Wrapped: the line above ran to the edge, or the next word would not have fitted on it.
        first_width = line.words[0]["x1"] - line.words[0]["x0"]
        ran_out = last.x1 >= right - max(20.0, 0.15 * width) or last.x1 + first_width + 4 >= right
        if (ran_out and _starts_under(line, block)
                and 0 <= line.top - last.bottom <= height * 0.8
                and (opener[:1] not in _GLYPHS or (opener in ("—", "–") and _style(line)[0]))
                and _style(line) == _style(last)):
            merged[-1] = _Line(block.top, line.bottom, block.x0, max(block.x1, line.x1), block.words + line.words)
        else:
            merged.append(line)
        last = line
    return merged


def _starts_under(line: _Line, block: _Line) -> bool:
    if abs(line.x0 - block.x0) <= 2.5:
        return True
    # A hanging indent: "• Own hotel search ..." / "11m searches a day ..."
    first = block.words[0]["text"]
    return (len(block.words) > 1 and len(first) == 1 and first in _GLYPHS
            and abs(line.x0 - block.words[1]["x0"]) <= 2.5)


def _is_margin_column(side: list[_Line], main: list[_Line], side_width: float, width: float) -> bool:
    """A narrow column of short labels aligned with main lines (dates, years)."""
    if not side or side_width > width * 0.3:
        return False
    short = sum(1 for ln in side if len(ln.words) <= 5) / len(side)  # "Jan 2017 – Jun 2020"
    tops = [ln.top for ln in main]
    aligned = sum(1 for ln in side if any(abs(ln.top - t) <= Y_TOLERANCE for t in tops)) / len(side)
    if short < 0.8 or aligned < 0.7:
        return False
    # A narrow sidebar of wrapped text also has short lines that happen to
    # line up; margin labels stand apart from each other, or are dates.
    dated = sum(1 for ln in side if _YEAR.search(ln.text)) / len(side)
    return dated >= 0.5 or _stacked_share(side) < 0.5


def _stacked_share(lines: list[_Line]) -> float:
    """Share of lines that sit right under the previous one (no blank row between)."""
    if len(lines) < 2:
        return 0.0
    stacked = sum(1 for a, b in zip(lines, lines[1:]) if b.top - a.bottom < (a.bottom - a.top) * 0.8)
    return stacked / (len(lines) - 1)


def drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and headers/footers repeated on several pages."""
    def key(line: _Line) -> str:
        # Only page numbers vary between copies of a running line; other
        # digits must match, or "2019 – 2021" lines would be dropped as repeats.
        return _PAGE_REF.sub("#", line.text.lower()).strip()

    repeated: set[str] = set()
    if len(pages) > 1:
        counts: dict[str, int] = {}
        for lines in pages:
            edge = lines[:2] + lines[-2:]
            for k in {key(ln) for ln in edge}:
                counts[k] = counts.get(k, 0) + 1
        repeated = {k for k, n in counts.items() if n >= 2 and n >= len(pages) // 2 + 1}
    out = []
    for lines in pages:
        kept = []
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (key(line) in repeated or _PAGE_NUMBER.match(line.text.strip())):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _to_raw_lines(pages: list[list[_Line]]) -> list[RawLine]:
    sizes = [w.get("size", 0) for lines in pages for ln in lines for w in ln.words]
    body = statistics.median(sizes) if sizes else 0
    raw: list[RawLine] = []
    for lines in pages:
        previous: _Line | None = None
        for line in lines:
            if previous is not None and line.top - previous.bottom > (line.bottom - line.top) * 0.9:
                raw.append(RawLine(""))  # a visible gap separates blocks
            bold = all("bold" in str(w.get("fontname", "")).lower() for w in line.words)
            large = body and min(w.get("size", 0) for w in line.words) >= body + 1.5
            raw.append(RawLine(normalize_text(line.text), heading_hint=bool(bold or large)))
            previous = line
        raw.append(RawLine(""))
    return raw
