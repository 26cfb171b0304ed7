#!/usr/bin/env python
"""Measure `resumefit batch` against a plain extraction loop, and a single check's start-up.

Renders the labelled text resumes (fixtures/eval/dev/*.txt) as PDF and DOCX,
single and two-column, into N files (and 4N for the memory check) in a temp
folder, then prints, side by side:

* resumes/s of ``resumefit batch`` with 1 worker and with every core;
* resumes/s of a plain one-process loop that only extracts text
  (pdfplumber ``extract_text``, python-docx paragraphs), start-up included;
* p50/p95 per-file latency inside a worker;
* peak RSS of the whole process tree (parent and workers) at N and 4N;
* wall time of one ``resumefit check`` against the bare import of its libraries.

Targets on a 2-core machine: batch (all cores) wall <= 0.7x the plain loop's;
peak RSS at 4N <= 1.3x at N; one check <= 1.5x the bare import. Exit 1 if
one is missed.

    python benchmarks/bench_batch.py [--n 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))

import render  # noqa: E402

BIN = Path(sys.executable).parent
LAYOUTS = {"pdf-single": ".pdf", "pdf-two-column": ".pdf", "docx-single": ".docx", "docx-table": ".docx"}
PLAIN_LOOP = """
import sys, pathlib, pdfplumber, docx
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    if path.suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            text = "\\n".join(page.extract_text() or "" for page in pdf.pages)
    else:
        document = docx.Document(path)
        text = "\\n".join(p.text for p in document.paragraphs)
        text += "\\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
"""
BARE_IMPORT = "import click, yaml, pdfplumber, docx, rich.console"


def make_corpus(folder: Path, n: int) -> None:
    """Render distinct (resume, layout) pairs once, then copy them under new names up to n files."""
    folder.mkdir(parents=True)
    cache = folder.parent / "rendered"
    cache.mkdir(exist_ok=True)
    sources = sorted((ROOT / "fixtures" / "eval" / "dev").glob("*.txt"))
    pairs = [(s, layout) for s in sources for layout in LAYOUTS]
    for i in range(n):
        source, layout = pairs[i % len(pairs)]
        rendered = cache / f"{source.stem}.{layout}{LAYOUTS[layout]}"
        if not rendered.exists():
            render.render(render.parse_resume_file(source), layout, rendered)
        os.link(rendered, folder / f"{i:05d}-{rendered.name}")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Run cmd; return (wall seconds, peak RSS in MB summed over the process and its children)."""
    start = time.perf_counter()
    process = psutil.Popen(cmd, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process] + process.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    return time.perf_counter() - start, peak / 1048576


def batch(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    if out.exists():
        out.unlink()
    return timed([str(BIN / "resumefit"), "batch", str(folder), "-q", "-o", str(out), "--jobs", str(jobs)])


def latencies(folder: Path, jobs: int) -> list[float]:
    from resumefit.batch import check_folder

    return sorted(r.seconds for r in check_folder(folder, jobs=jobs))


def median_wall(cmd: list[str], runs: int = 5) -> float:
    return statistics.median(timed(cmd)[0] for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100, help="resumes in the main run (4N for the memory check)")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus here and keep it")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="resumefit-bench-"))
    try:
        small, large = work / "n", work / "4n"
        if not small.exists():
            make_corpus(small, args.n)
            make_corpus(large, 4 * args.n)
        n = args.n
        plain, _ = timed([sys.executable, "-c", PLAIN_LOOP, str(small)])
        one, _ = batch(small, work / "one.jsonl", 1)
        every, rss_n = batch(small, work / "all.jsonl", cores)
        every_4n, rss_4n = batch(large, work / "all4.jsonl", cores)
        lat = latencies(small, cores)
        sample = next(p for p in sorted(small.iterdir()) if p.suffix == ".pdf")
        check = median_wall([str(BIN / "resumefit"), "check", str(sample), "--format", "json"])
        bare = median_wall([sys.executable, "-c", BARE_IMPORT])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    rows = [
        ("plain extract loop, 1 process", plain, n / plain),
        ("resumefit batch --jobs 1", one, n / one),
        (f"resumefit batch --jobs {cores}", every, n / every),
    ]
    print(f"{n} resumes ({', '.join(LAYOUTS)}), {cores} cores\n")
    print(f"{'run':<34} {'wall s':>8} {'resumes/s':>10}")
    for name, wall, rate in rows:
        print(f"{name:<34} {wall:8.2f} {rate:10.1f}")
    print(f"\nper-file latency in a worker: p50 {1000 * lat[len(lat) // 2]:.0f} ms, "
          f"p95 {1000 * lat[int(len(lat) * 0.95)]:.0f} ms")
    print(f"peak RSS (tree): {rss_n:.0f} MB at N={n} ({every:.1f} s), {rss_4n:.0f} MB at 4N={4 * n} ({every_4n:.1f} s)")
    print(f"one 'resumefit check': {1000 * check:.0f} ms; bare import of its libraries: {1000 * bare:.0f} ms\n")
    targets = [
        ("batch wall <= 0.7x plain loop", every / plain, 0.7),
        ("peak RSS 4N <= 1.3x N", rss_4n / rss_n, 1.3),
        ("one check <= 1.5x bare import", check / bare, 1.5),
    ]
    for name, ratio, limit in targets:
        print(f"{name:<32} {ratio:5.2f}x  {'ok' if ratio <= limit else 'MISSED'}")
    return 0 if all(ratio <= limit for _, ratio, limit in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
