"""Batch stage: score every resume under a folder on all cores, streaming results.

Discovery -> scoring in worker processes -> one flat row per file -> CSV or
JSONL written as each file finishes. Nothing here holds more than one file
per worker in memory; a file that fails, hangs or crashes its worker gets a
row with the reason and the batch goes on.

    >>> from resumefit.batch import check_folder
    >>> for result in check_folder("resumes/", jobs=2):
    ...     print(result.path, result.report.score if result.ok else result.error)
"""

from __future__ import annotations

import csv
import fnmatch
import gc
import hashlib
import io
import json
import os
import signal
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import BatchError, InputError, OutputError
from .limits import BATCH_TIMEOUT, Limits

if TYPE_CHECKING:  # heavy at import time; workers load them, the parent never needs to
    from .models import Report
    from .taxonomy import Taxonomy

SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".json", ".zip"})  # what resumefit reads
# Names that look like a resume someone meant to include. Each gets a row, so
# a .doc, a scan saved as .png, a broken link or a folder named x.pdf is
# reported with the reason `check` gives, never silently left out.
DOCUMENT_SUFFIXES = SUFFIXES | frozenset({".doc", ".rtf", ".odt", ".pages", ".png", ".jpg", ".jpeg", ".heic", ".gif",
                                          ".tif", ".tiff", ".xls", ".xlsx", ".ppt", ".pptx"})
ROW_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
REPORT_SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}
# Spreadsheets run a cell starting with these as a formula (CSV injection);
# "'" is included so that neutralising is reversible when reading rows back.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_PRELOAD = ["resumefit.batch", "resumefit.api", "resumefit.scoring", "pdfplumber", "docx"]


@dataclass(frozen=True)
class FileResult:
    """One file's outcome.

    Fields: path (relative to the folder, POSIX separators), report (None
    when it failed), error (reason and what to do, None when scored),
    error_type (the exception's class name), seconds (wall time in the
    worker), rendered (the report as text, when a format was asked for).
    """

    path: str
    report: "Report | None" = None
    error: str | None = None
    error_type: str | None = None
    seconds: float = 0.0
    rendered: str | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.report is not None


# -- discovery -----------------------------------------------------------------------------------

def discover(folder: str | os.PathLike, glob: str | None = None,
             exclude: Iterable[str | os.PathLike] = ()) -> Iterator[str]:
    """Yield the relative paths of everything under folder named like a document, sorted, lazily.

    That includes what resumefit cannot read (``DOCUMENT_SUFFIXES``: a .doc,
    an image, a link to nowhere, a folder named ``x.pdf``), so that scoring
    gives each its reason. Hidden files and folders are skipped, as are paths
    under ``exclude`` (the batch's own output). ``glob`` matches the relative
    path, or the name when it holds no ``/``. Links to folders are not
    followed (a link can lead outside the folder, or in a circle).
    """
    root = Path(folder)
    skipped = {os.path.realpath(p) for p in exclude}
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(current, d)) not in skipped)
        # os.walk lists links to folders with the folders; one named like a document gets a row too.
        for name in sorted(files + [d for d in dirs if Path(d).suffix.lower() in DOCUMENT_SUFFIXES]):
            full = os.path.join(current, name)
            if name.startswith(".") or Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            rel = Path(os.path.relpath(full, root)).as_posix()
            if glob and not fnmatch.fnmatch(rel if "/" in glob else name, glob):
                continue
            if os.path.realpath(full) in skipped:
                continue
            yield rel


# -- scoring one file (runs in a worker) ---------------------------------------------------------

_SCORERS: dict[str, Any] = {}


def _scorer_for(taxonomy: "Taxonomy | None"):
    """Build the Scorer once per process and taxonomy (loads weights, fits nothing twice)."""
    from .scoring import Scorer

    key = taxonomy.digest if taxonomy is not None else ""
    if key not in _SCORERS:
        _SCORERS[key] = Scorer(taxonomy)
    return _SCORERS[key]


def score_file(rel: str, source: str | bytes, taxonomy: "Taxonomy | None" = None, limits: Limits | None = None,
               password: str | None = None, render_format: str | None = None, suggest: bool = True) -> FileResult:
    """Score one file (a path or its bytes) and never raise: a failure becomes the result's error.

    ``suggest=False`` skips suggested bullets and rewrites: a third of the
    scoring time, and nothing a row holds depends on them.
    """
    from .extract import read_document
    from .sections import split_sections

    start = time.perf_counter()
    try:
        doc = read_document(source, filename=rel, limits=limits, password=password)
        report = _scorer_for(taxonomy).score(split_sections(doc), suggest=suggest or bool(render_format))
        rendered = None
        if render_format:
            from .report import render
            rendered = render(report, render_format)
    except InputError as exc:
        return FileResult(rel, None, str(exc), type(exc).__name__, time.perf_counter() - start)
    except Exception as exc:  # a bug on one file must not stop the other thousand
        return FileResult(rel, None, f"internal error ({type(exc).__name__}: {exc}); please report it",
                          "InternalError", time.perf_counter() - start)
    return FileResult(rel, report, None, None, time.perf_counter() - start, rendered)


def timeout_result(rel: str, seconds: float) -> FileResult:
    """The result of a file stopped at the per-file time limit."""
    return FileResult(rel, None, f"took longer than the {seconds:g} s time limit and was stopped "
                      "(raise it with --timeout if this really is a resume)", "LimitExceeded", seconds)


def crash_result(rel: str, what: str) -> FileResult:
    """The result of a file whose worker died while scoring it."""
    return FileResult(rel, None, f"{what} while reading it (the file may be malformed; "
                      "check it with 'resumefit check')", "WorkerCrashed")


# -- the local process pool ----------------------------------------------------------------------

def _worker_main(conn, taxonomy, limits, password, render_format, suggest) -> None:
    """Serve tasks over a pipe until it closes: (rel, path) in, FileResult out."""
    # The parent handles Ctrl-C and stops the workers; they must not die mid-row.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _preload(taxonomy)  # a no-op when forked from a parent that did it
    # What is loaded now lives as long as the worker: keep the collector from
    # rescanning it after every few files (and from touching forked pages).
    gc.freeze()
    # Each file leaves reference cycles (pdfminer's parser and document) that
    # only the collector frees: collect at Python's default pace, even when
    # the parent (the CLI) raised the threshold for its own start-up.
    gc.set_threshold(700, 10, 10)
    conn.send(None)  # ready: the time limit starts only once set-up is done
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        conn.send(score_file(task[0], task[1], taxonomy, limits, password, render_format, suggest))


def _preload(taxonomy: "Taxonomy | None") -> None:
    """Import the readers and build the scorer."""
    import importlib

    for name in _PRELOAD:
        importlib.import_module(name)
    _scorer_for(taxonomy)


class _Worker:
    def __init__(self, ctx, args):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.task: str | None = None
        self.deadline = 0.0

    def give(self, task: tuple[str, str], timeout: float) -> None:
        self.conn.send(task)
        self.task, self.deadline = task[0], time.monotonic() + timeout

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(0.5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(1)
        self.conn.close()


def _context():
    import multiprocessing
    import sys
    import threading

    methods = multiprocessing.get_all_start_methods()
    # fork starts a worker in milliseconds, with the parent's modules and
    # taxonomy already loaded (a forkserver first starts an interpreter and
    # imports everything: ~0.3 s of a 100-file batch). Forking is safe only
    # while the parent runs a single thread; once the progress bar runs,
    # replacement workers come from a forkserver instead. (macOS system
    # libraries are not fork-safe: Linux only.)
    if "fork" in methods and threading.active_count() == 1 and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _run_local(tasks: Iterator[tuple[str, str]], jobs: int, args: tuple, timeout: float) -> Iterator[FileResult]:
    """Start the workers now (before the caller starts any thread) and return the results' iterator."""
    ctx = _context()
    if ctx.get_start_method() == "fork":
        # Load once here what every worker needs: forked workers then share
        # these pages instead of each importing and building its own copy.
        _preload(args[0])
    workers = [_Worker(ctx, args) for _ in range(jobs)]
    results = _serve(tasks, workers, args, timeout)
    # An iterator dropped unstarted never runs its finally: stop the workers when it is collected.
    weakref.finalize(results, _stop_all, workers)
    return results


def _stop_all(workers: list["_Worker"]) -> None:
    for worker in workers:
        if worker.process.is_alive() or not worker.conn.closed:
            worker.stop(kill=True)


def _serve(tasks: Iterator[tuple[str, str]], workers: list["_Worker"], args: tuple, timeout: float) -> Iterator[FileResult]:
    from multiprocessing.connection import wait

    startup_failures = 0
    exhausted = False
    try:
        while True:
            for worker in workers:
                if worker.ready and worker.task is None and not exhausted:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                    else:
                        worker.give(task, timeout)
            if exhausted and all(w.task is None for w in workers):
                return
            deadlines = [w.deadline for w in workers if w.task is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers], wait_for))
            for i, worker in enumerate(workers):
                result = None
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        message = _DEAD
                    if message is None:
                        worker.ready = True
                        continue
                    if message is not _DEAD:
                        worker.task = None
                        yield message
                        continue
                if worker.process.sentinel in ready or worker.conn in ready:
                    if not worker.ready:
                        startup_failures += 1
                        if startup_failures > 3:
                            raise BatchError("worker processes could not start",
                                             hint="check that resumefit imports cleanly: python -c 'import resumefit.api'")
                    result = crash_result(worker.task, "the worker process died") if worker.task else None
                elif worker.task is not None and time.monotonic() >= worker.deadline:
                    result = timeout_result(worker.task, timeout)
                else:
                    continue
                # A stuck or dead worker cannot be trusted with another file: replace it.
                worker.stop(kill=True)
                workers[i] = _Worker(_context(), args)
                if result is not None:
                    yield result
    finally:
        for worker in workers:
            worker.stop(kill=worker.task is not None)


_DEAD = object()


# -- the library entry point ---------------------------------------------------------------------

def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_folder(folder: str | os.PathLike, *, jobs: int | None = None, glob: str | None = None,
                 taxonomy: "Taxonomy | str | os.PathLike | None" = None, limits: Limits | dict | None = None,
                 password: str | None = None, render_format: str | None = None, skip: Iterable[str] = (),
                 exclude: Iterable[str | os.PathLike] = (), scheduler: Any = None,
                 suggest: bool = True) -> Iterator[FileResult]:
    """Score every resume under folder in parallel, yielding each result as it completes.

    ``jobs`` worker processes (default: every core) each build the scorer
    once. A file over ``limits.timeout`` seconds (default: ``BATCH_TIMEOUT``,
    30, unless ``limits`` sets it) is stopped and its worker replaced. ``skip`` holds relative paths already done (resuming);
    ``render_format`` (markdown, json, html) also renders each report in the
    worker; ``suggest=False`` leaves out suggested bullets (rows do not
    need them; reports rendered in the worker always have them). ``scheduler`` (a Dask address or Client) runs the same work on
    a Dask cluster instead (``pip install resumefit[dask]``).
    Raises BatchError if no worker can run; per-file failures are results.
    """
    from .taxonomy import Taxonomy, load_taxonomy

    if not Path(folder).is_dir():
        raise BatchError("is not a folder", path=str(folder), hint="pass the folder that holds the resumes")
    if limits is None or isinstance(limits, dict):
        limits = {"timeout": BATCH_TIMEOUT, **(limits or {})}
    limits = Limits.resolve(limits)
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    done = set(skip)
    paths = (rel for rel in discover(folder, glob, exclude) if clean_text(rel) not in done)
    tasks = ((rel, os.path.join(folder, rel)) for rel in paths)
    if scheduler is not None:
        from .dask_backend import run_dask
        return run_dask(tasks, scheduler, tax, limits, password, render_format, suggest)
    return _run_local(tasks, jobs or default_jobs(), (tax, limits, password, render_format, suggest), limits.timeout)


# -- rows ----------------------------------------------------------------------------------------

def row_columns(taxonomy: "Taxonomy") -> list[str]:
    """Return the row keys, in order: path, status, format, score, category subscores, the ids, warnings, error."""
    return (["path", "status", "format", "score"] + [f"cat:{c.id}" for c in taxonomy.categories]
            + list(taxonomy.ids) + ["warnings", "error"])


def clean_text(value: str) -> str:
    """Make a string safe for one CSV line and UTF-8: control characters and undecodable bytes become '?'."""
    value = value.encode("utf-8", "replace").decode("utf-8")
    return "".join("?" if ord(ch) < 32 or ch == "\x7f" else ch for ch in value)


def build_row(result: FileResult, taxonomy: "Taxonomy") -> dict[str, Any]:
    """Flatten a result into one row: the same keys, in the same order, for every file."""
    row: dict[str, Any] = dict.fromkeys(row_columns(taxonomy))
    row.update(path=clean_text(result.path), warnings=[])
    report = result.report
    if report is None:
        row.update(status="failed", error=clean_text(result.error or "failed"))
        return row
    row.update(status="scored", format=report.format, score=report.score,
               warnings=[w.code for w in report.warnings])
    for category in report.categories:
        row[f"cat:{category.id}"] = category.score
    row.update(report.statuses())
    return row


def csv_cell(value: Any) -> str:
    """Render one CSV cell; text that a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _from_cell(key: str, cell: str) -> Any:
    if cell.startswith("'") and cell[1:2] and cell[1:2] in "".join(_FORMULA_START):
        cell = cell[1:]
    if key == "warnings":
        return [w for w in cell.split(";") if w]
    if cell == "":
        return None
    if key == "score" or key.startswith("cat:"):
        return int(cell)
    return cell


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def row_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """Pick csv or jsonl from --format, else from the file's suffix."""
    if fmt:
        return fmt
    chosen = ROW_FORMATS.get(Path(path).suffix.lower())
    if chosen is None:
        raise OutputError("has no .csv or .jsonl suffix", path=str(path), hint="name it results.csv or results.jsonl, or pass --format")
    return chosen


class ResultsFile:
    """Append rows to a CSV or JSONL file, one line each, flushed as written.

    Open with ``resume=True`` to keep the rows already there (a torn last
    line from a killed run is cut off); ``done`` maps their paths to rows.
    """

    def __init__(self, path: str | os.PathLike, columns: list[str], fmt: str | None = None, *,
                 resume: bool = False, overwrite: bool = False):
        self.path, self.columns, self.fmt = Path(path), columns, row_format(path, fmt)
        self.done: dict[str, dict[str, Any]] = {}
        exists = self.path.exists() and self.path.stat().st_size > 0
        if exists and not (resume or overwrite):
            raise OutputError("already holds results", path=str(path),
                              hint="pass --resume to continue that batch, or --overwrite to start again")
        keep = self._load() if exists and resume else 0
        try:
            self._handle = open(self.path, "r+b" if keep else "wb")
            self._handle.truncate(keep)
            self._handle.seek(keep)
            if not keep and self.fmt == "csv":
                self._write(_csv_line(columns))
        except OSError as exc:
            raise OutputError(f"cannot be written ({exc.strerror or exc})", path=str(path)) from None

    def _load(self) -> int:
        """Read the whole rows already written; return the byte length they fill."""
        kept = 0
        with open(self.path, "rb") as handle:
            for number, raw in enumerate(handle):
                if not raw.endswith(b"\n"):
                    break  # torn by a kill or a full disk: rewritten below
                row = self._parse(raw.decode("utf-8", "replace"), number)
                if row is None:
                    break
                if row is not True:
                    self.done[row["path"]] = row
                kept += len(raw)
        return kept

    def _parse(self, line: str, number: int) -> "dict[str, Any] | bool | None":
        if self.fmt == "jsonl":
            try:
                row = json.loads(line)
            except ValueError:
                return None
            return row if isinstance(row, dict) and "path" in row else None
        cells = next(csv.reader([line]))
        if number == 0:
            if cells != self.columns:
                raise OutputError("was written with other columns (another taxonomy?)", path=str(self.path),
                                  hint="write to a new file, or pass --overwrite")
            return True
        if len(cells) != len(self.columns):
            return None
        return {key: _from_cell(key, cell) for key, cell in zip(self.columns, cells)}

    def write(self, row: dict[str, Any]) -> None:
        """Append one row and flush it, so a kill after this line cannot lose it."""
        if self.fmt == "jsonl":
            self._write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            self._write(_csv_line([csv_cell(row.get(key)) for key in self.columns]))

    def _write(self, text: str) -> None:
        try:
            self._handle.write(text.encode("utf-8"))
            self._handle.flush()
        except OSError as exc:
            raise OutputError(f"cannot be written ({exc.strerror or exc}); the rows before this one are intact",
                              path=str(self.path), hint="free some space and run again with --resume") from None

    def close(self) -> None:
        try:
            os.fsync(self._handle.fileno())
        except OSError:
            pass
        self._handle.close()

    def __enter__(self) -> "ResultsFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- per-file reports ----------------------------------------------------------------------------

def report_name(rel: str, fmt: str) -> str:
    """Return a file name for rel's report: readable, unique per path, and free of separators.

    The hash of the full relative path keeps ``a/b.pdf`` and ``a_b.pdf``
    apart; only ``[A-Za-z0-9._-]`` survive and a leading dot is dropped, so
    the name can never climb out of, or hide in, the report folder.
    """
    readable = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in rel.replace("/", "__"))
    readable = readable.lstrip("._-")[:80] or "report"
    digest = hashlib.sha256(rel.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable}.{digest}{REPORT_SUFFIXES[fmt]}"


def write_report(folder: str | os.PathLike, rel: str, text: str, fmt: str) -> Path:
    """Write one report under folder, whole or not at all; return its path."""
    from .outputs import atomic_write_text

    root = Path(folder).resolve()
    target = root / report_name(rel, fmt)
    if target.parent != root:  # cannot happen with report_name; refuse rather than trust it
        raise OutputError("would be written outside the report folder", path=str(target))
    atomic_write_text(target, text)
    return target


# -- the end-of-run summary ----------------------------------------------------------------------

class Summary:
    """Running totals for the end-of-batch summary, in memory that does not grow with scored files.

    Keeps the top N rows, category sums and the failures (path and reason).
    """

    def __init__(self, taxonomy: "Taxonomy", top: int = 10):
        self.taxonomy, self.top_n = taxonomy, top
        self.scored = 0
        self._top: list[tuple[int, str]] = []
        self._sums = {c.id: 0 for c in taxonomy.categories}
        self.failures: list[tuple[str, str]] = []

    def add(self, row: dict[str, Any]) -> None:
        if row["status"] != "scored":
            self.failures.append((row["path"], row["error"] or ""))
            return
        self.scored += 1
        for category in self._sums:
            self._sums[category] += row.get(f"cat:{category}") or 0
        self._top.append((-row["score"], row["path"]))
        if len(self._top) > 2 * self.top_n + 64:
            self._top = sorted(self._top)[: self.top_n]

    @property
    def top(self) -> list[tuple[str, int]]:
        """The best rows as (path, score), by score then path."""
        return [(path, -neg) for neg, path in sorted(self._top)[: self.top_n]]

    def averages(self) -> dict[str, float]:
        return {c: (total / self.scored if self.scored else 0.0) for c, total in self._sums.items()}

    def render(self) -> str:
        """Return the summary as plain text, in an order that depends only on the rows."""
        total = self.scored + len(self.failures)
        lines = [f"Scored {self.scored} of {total} file(s); {len(self.failures)} failed."]
        if self.scored:
            lines += ["", f"Top {min(self.top_n, self.scored)} by score:"]
            lines += [f"  {rank:>3}. {score:>3}  {path}" for rank, (path, score) in enumerate(self.top, 1)]
            titles = {c.id: c.title for c in self.taxonomy.categories}
            lines += ["", "Category averages:"]
            lines += [f"  {titles[c]:<34} {avg:5.1f}" for c, avg in self.averages().items()]
        if self.failures:
            lines += ["", f"Failed ({len(self.failures)}):"]
            lines += [f"  {path}: {reason}" for path, reason in sorted(self.failures)]
        return "\n".join(lines)
