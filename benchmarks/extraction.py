#!/usr/bin/env python
"""Measure extraction quality per layout on rendered resumes whose true text is known.

Renders the labelled text resumes (fixtures/eval/{dev,test}/*.txt) into every
layout of fixtures/render.py, reads each file back with resumefit, and prints
per layout:

* word recall: the share of true words (multiset, case-folded) that come out;
* unbroken lines: the share of true lines of four or more words whose words
  come out as one contiguous run (interleaved columns break it);
* sections correct: the share of documents whose section headings come out
  exactly as written, in order, with each heading's first line under it;
* ms/doc: extraction time (read_document + split_sections).

Targets: recall >= 0.99, unbroken >= 0.95 per layout; sections >= 0.95 overall.
Exit status 1 when a target is missed.

    python benchmarks/extraction.py [--limit N] [--layouts a,b] [--show-failures]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))

import render  # noqa: E402

from resumefit.extract import read_document  # noqa: E402
from resumefit.sections import canonical_section, split_sections  # noqa: E402

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation and bullets dropped."""
    return _WORD.findall(text.lower())


def word_recall(truth: list[str], got: list[str]) -> float:
    """Share of true words found, counting repeats."""
    want, have = Counter(truth), Counter(got)
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def unbroken(lines: list[str], stream: list[str]) -> tuple[int, int]:
    """Count (true lines of 4+ words, those found as one contiguous run)."""
    joined = " " + " ".join(stream) + " "
    long = [words(ln) for ln in lines if len(words(ln)) >= 4]
    return len(long), sum(1 for toks in long if " " + " ".join(toks) + " " in joined)


def sections_correct(resume: render.Resume, truth: list[str], parsed) -> bool:
    """Every true heading opens a section, in reading order, with its first line under it."""
    order = {line: i for i, line in reversed(list(enumerate(truth)))}
    want = [(s.heading, s.lines[0].text if s.lines else None) for s in resume.sections if s.heading]
    want.sort(key=lambda pair: order.get(pair[0], len(truth)))
    drawn = {h for h, _ in want}
    # The renderer draws a heading followed by a blank source line as body
    # text; finding it as a heading anyway ("Experience") is not an error.
    got = [s for s in parsed.sections if s.heading in drawn or (s.heading and not canonical_section(s.heading))]
    if [h for h, _ in want] != [s.heading for s in got]:
        return False
    for (heading, first), section in zip(want, got):
        if first and words(first)[:4] != words(section.lines[0].text)[:4]:
            return False
    return True


def measure(sources: list[Path], layouts: list[str], show: bool) -> dict[str, dict[str, float]]:
    """Render, read back and score every source in every layout."""
    stats = {name: {"recall": [], "long": 0, "kept": 0, "sections": [], "ms": []} for name in layouts}
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            resume = render.parse_resume_file(src)
            for layout in layouts:
                ext = render.LAYOUTS[layout][1]
                path = Path(tmp) / f"{src.stem}.{layout}.{ext}"
                truth = render.render(resume, layout, path)
                start = time.perf_counter()
                doc = read_document(path)
                parsed = split_sections(doc)
                stats[layout]["ms"].append((time.perf_counter() - start) * 1000)
                stream = words(doc.text)
                row = stats[layout]
                row["recall"].append(word_recall(words(" ".join(truth)), stream))
                n, ok = unbroken(truth, stream)
                row["long"] += n
                row["kept"] += ok
                good = sections_correct(render._pdf_safe_resume(resume) if ext == "pdf" else resume, truth, parsed)
                row["sections"].append(good)
                if show and (ok < n or not good or row["recall"][-1] < 0.99):
                    print(f"-- {src.stem} {layout}: recall {row['recall'][-1]:.3f} unbroken {ok}/{n} sections {good}")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N resumes")
    parser.add_argument("--layouts", default="all")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(argv)
    sources = sorted((ROOT / "fixtures" / "eval").glob("*/*.txt"))
    if args.limit:
        sources = sources[: args.limit]
    layouts = list(render.LAYOUTS) if args.layouts == "all" else args.layouts.split(",")
    stats = measure(sources, layouts, args.show_failures)
    print(f"{len(sources)} resumes x {len(layouts)} layouts")
    print(f"{'layout':18} {'recall':>7} {'unbroken':>9} {'sections':>9} {'ms/doc':>7}")
    failed = False
    all_sections: list[bool] = []
    for layout, row in stats.items():
        recall = min(row["recall"])
        mean_recall = sum(row["recall"]) / len(row["recall"])
        share = row["kept"] / row["long"] if row["long"] else 1.0
        sections = sum(row["sections"]) / len(row["sections"])
        all_sections += row["sections"]
        ms = sorted(row["ms"])[len(row["ms"]) // 2]
        print(f"{layout:18} {mean_recall:7.4f} {share:9.4f} {sections:9.3f} {ms:7.0f}   (min recall {recall:.3f})")
        failed |= mean_recall < 0.99 or share < 0.95
    overall = sum(all_sections) / len(all_sections)
    print(f"sections correct overall: {overall:.3f} ({sum(all_sections)}/{len(all_sections)})")
    return 1 if failed or overall < 0.95 else 0


if __name__ == "__main__":
    sys.exit(main())
