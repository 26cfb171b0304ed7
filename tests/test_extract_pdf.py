"""PDF layouts read in the right order: columns, sidebars, margin dates, running lines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from resumefit.api import parse_resume
from resumefit.extract import read_document
from resumefit.extract.normalize import clean_line
from resumefit.extract.pdf import drop_running_lines, group_lines, order_page

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
PDF_LAYOUTS = ["pdf-single", "pdf-two-column", "pdf-sidebar", "pdf-margin-dates"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def truth(layout: str) -> list[str]:
    return (LAYOUTS / f"example-layouts.{layout}.truth.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("layout", PDF_LAYOUTS)
def test_every_true_word_and_line_comes_out_in_reading_order(layout):
    doc = read_document(LAYOUTS / f"example-layouts.{layout}.pdf")
    got = words(doc.text)
    want = Counter(words(" ".join(truth(layout))))
    assert sum(min(n, Counter(got)[w]) for w, n in want.items()) == sum(want.values())
    stream = " " + " ".join(got) + " "
    for line in truth(layout):
        if len(words(line)) >= 4:
            assert " " + " ".join(words(line)) + " " in stream, line
    # Whole-document order: each true line starts after the one before it.
    position = 0
    for line in truth(layout):
        found = stream.find(" " + " ".join(words(line)) + " ", position)
        assert found >= 0, line
        position = found


@pytest.mark.parametrize("layout", PDF_LAYOUTS)
def test_sections_found_in_every_layout(layout):
    resume = parse_resume(LAYOUTS / f"example-layouts.{layout}.pdf")
    names = [s.name for s in resume.sections]
    for name in ("summary", "experience", "skills", "education", "certifications"):
        assert name in names
    experience = next(s for s in resume.sections if s.name == "experience")
    assert experience.lines[0].text.startswith("Senior Technical Product Manager, Lumenstack")
    assert experience.lines[0].kind == "entry"


def test_two_column_layout_is_reported():
    doc = read_document(LAYOUTS / "example-layouts.pdf-two-column.pdf")
    assert "columns" in {w.code for w in doc.warnings}
    single = read_document(LAYOUTS / "example-layouts.pdf-single.pdf")
    assert "columns" not in {w.code for w in single.warnings}


def _word(text, x0, top, size=10.0):
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + size, "size": size, "fontname": "F"}


def _column(x0, top, rows, per_row=5, gap=14.0, label="w"):
    out = []
    for r in range(rows):
        x = x0
        for i in range(per_row):
            out.append(_word(f"{label}{r}x{i}", x, top + r * gap))
            x += 6 * len(f"{label}{r}x{i}") + 4
    return out


def test_sidebar_of_wrapped_text_is_read_as_its_own_column():
    side = _column(20, 100, rows=12, per_row=2, label="s")
    main = _column(220, 100, rows=30, per_row=6, label="m")
    lines, split = order_page(side + main, 612)
    assert split == 1
    # Word order, not line count: a wrapped column may come out as one joined line.
    tokens = [w["text"][0] for ln in lines for w in ln.words]
    assert tokens == ["s"] * 24 + ["m"] * 180


def test_margin_dates_stay_on_their_entry_row():
    main = _column(150, 100, rows=30, per_row=6, label="m")
    dates = [_word("2019–2023", 40, 100 + r * 14) for r in range(0, 30, 6)]
    lines, split = order_page(main + dates, 612)
    assert split == 0
    assert lines[0].text.startswith("2019–2023 m0x0")


def test_ragged_right_edge_is_not_a_gutter():
    # Lines of very different lengths leave an empty strip on the right; no
    # column starts after it, so the page stays one column.
    page = []
    for r in range(40):
        per_row = 8 if r % 3 else 3
        page += _column(50, 100 + r * 14, rows=1, per_row=per_row, label=f"r{r}-")
    lines, split = order_page(page, 612)
    assert split == 0
    assert len(lines) == 40


def test_full_width_heading_cuts_the_columns_into_bands():
    top = _column(50, 100, rows=5, per_row=3, label="a") + _column(330, 100, rows=5, per_row=3, label="b")
    banner = [_word("FULL-WIDTH-SECTION-HEADING-ACROSS-THE-PAGE-XXXXXXXXXXXXXXXXXX", 50, 200)]
    low = _column(50, 230, rows=5, per_row=3, label="c") + _column(330, 230, rows=5, per_row=3, label="d")
    lines, split = order_page(top + banner + low, 612)
    assert split == 1
    order = [w["text"][0] for ln in lines for w in ln.words]
    assert order == ["a"] * 15 + ["b"] * 15 + ["F"] + ["c"] * 15 + ["d"] * 15


def test_repeated_headers_and_page_numbers_are_dropped():
    pages = []
    for n in (1, 2, 3):
        page = [_word("Jordan", 50, 20), _word(f"Page {n} of 3", 300, 20)]
        page += _column(50, 60, rows=10, per_row=4, label=f"p{n}-")
        page += [_word(str(n), 300, 760)]
        pages.append(group_lines(page))
    kept = drop_running_lines(pages)
    texts = [ln.text for page in kept for ln in page]
    assert not any("Page" in t or t.strip().isdigit() for t in texts)
    assert sum(1 for t in texts if t.startswith("p")) == 30


@pytest.mark.parametrize("raw, clean", [
    ("(cid:127) Led the launch", "Led the launch"),
    ("\uf0b7 Built the API", "Built the API"),
    ("Python ● ● ● ○ ○", "Python"),
    ("E X P E R I E N C E", "EXPERIENCE"),
    ("Ofﬁce workﬂow", "Office workflow"),
])
def test_glyph_bullets_icons_and_ligatures_do_not_leak(raw, clean):
    from resumefit.extract.normalize import normalize_text
    assert clean_line(normalize_text(raw))[0] == clean


def test_lines_a_narrow_column_wrapped_are_joined():
    from resumefit.extract.pdf import _merge_wrapped

    wrapped = group_lines([_word("B.Sc.", 20, 100), _word("Telecommunications-Engineering", 60, 100),
                           _word("Kwame", 20, 112), _word("Nkrumah", 60, 112),
                           _word("Skills", 20, 140)])
    merged = [ln.text for ln in _merge_wrapped(wrapped)]
    assert merged == ["B.Sc. Telecommunications-Engineering Kwame Nkrumah", "Skills"]


def test_a_wrapped_paragraph_does_not_swallow_the_plain_heading_under_it():
    # The paragraph's first line reaches the edge, its last line does not:
    # "Career history" (same font, no bold) starts a new block.
    from resumefit.extract.pdf import _merge_wrapped

    lines = group_lines([_word("Seven", 20, 100), _word("years-in-online-travel-search", 60, 100),
                         _word("rather", 20, 112), _word("early.", 62, 112),
                         _word("Career", 20, 124), _word("history", 62, 124)])
    assert [ln.text for ln in _merge_wrapped(lines)] == [
        "Seven years-in-online-travel-search rather early.", "Career history"]


def test_a_bullet_wrapped_under_its_text_not_its_glyph_is_joined():
    from resumefit.extract.pdf import _merge_wrapped

    # "•" at x=20, its text at x=31; the wrapped line hangs at x=31. The first
    # line stops short of the edge because "(learning-to-rank" did not fit.
    lines = group_lines([_word("•", 20, 100), _word("Wrote", 31, 100), _word("the-spec-for", 71, 100),
                         _word("(learning-to-rank-model)", 31, 112), _word("and", 181, 112),
                         _word("•", 20, 124), _word("Ran", 31, 124), _word("pilots", 55, 124)])
    assert [ln.text for ln in _merge_wrapped(lines)] == [
        "• Wrote the-spec-for (learning-to-rank-model) and", "• Ran pilots"]
