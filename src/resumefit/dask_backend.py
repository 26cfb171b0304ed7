"""Run a batch on a Dask cluster: the same rows as the local pool, past one machine.

Optional: ``pip install 'resumefit[dask]'``, and resumefit installed on every
worker. The client reads each file (within the size limit) and ships its
bytes, so workers need no shared filesystem. Each worker process builds the
scorer once (see ``resumefit.batch._scorer_for``); the taxonomy is sent to
every worker once. At most one file per worker thread is in flight, so the
client's memory stays flat however many files there are.

A file over the time limit gets a timeout row and its task is cancelled; Dask
cannot interrupt a running thread, so a truly stuck file keeps its thread
busy until it ends (run workers with ``--lifetime`` to recycle them).
"""

from __future__ import annotations

import time
from typing import Any, Iterator

from .batch import FileResult, crash_result, score_file, timeout_result
from .errors import BatchError, InputError
from .limits import Limits


def _client(scheduler: Any):
    """Return (client, owned): connect to an address, or use a Client given."""
    try:
        from distributed import Client
    except ImportError:
        raise BatchError("Dask is not installed", hint="pip install 'resumefit[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout="10s"), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__})",
                         hint="start it with 'dask scheduler' and check the address") from None


def _read(rel: str, path: str, limits: Limits) -> bytes | FileResult:
    from .extract import read_bytes

    try:
        return read_bytes(path, limits)
    except InputError as exc:
        return FileResult(rel, None, str(exc), type(exc).__name__)


def run_dask(tasks: Iterator[tuple[str, str]], scheduler: Any, taxonomy, limits: Limits, password: str | None,
             render_format: str | None, suggest: bool = True) -> Iterator[FileResult]:
    """Score (relative path, path) tasks on a Dask cluster, yielding results as they complete."""
    from distributed import wait

    client, owned = _client(scheduler)
    inflight: dict[Any, tuple[str, float]] = {}
    try:
        taxonomy_future = client.scatter(taxonomy, broadcast=True)
        window = max(1, sum(client.nthreads().values()))
        exhausted = False
        while True:
            while not exhausted and len(inflight) < window:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                data = _read(task[0], task[1], limits)
                if isinstance(data, FileResult):
                    yield data
                    continue
                future = client.submit(score_file, task[0], data, taxonomy_future, limits, password, render_format,
                                       suggest, pure=False)
                inflight[future] = (task[0], time.monotonic() + limits.timeout)
            if not inflight:
                return
            yield from _collect(inflight, wait, limits.timeout)
    finally:
        for future in inflight:
            future.cancel()
        if owned:
            client.close()


def _collect(inflight: dict, wait, timeout: float) -> Iterator[FileResult]:
    """Wait for the first finished or overdue file; yield its result and drop it."""
    nearest = min(deadline for _, deadline in inflight.values())
    try:
        done = wait(list(inflight), timeout=max(0.01, nearest - time.monotonic()), return_when="FIRST_COMPLETED").done
    except TimeoutError:
        done = set()
    now = time.monotonic()
    for future in list(inflight):
        rel, deadline = inflight[future]
        if future in done:
            del inflight[future]
            yield _outcome(future, rel)
        elif now >= deadline:
            del inflight[future]
            future.cancel()
            yield timeout_result(rel, timeout)


def _outcome(future, rel: str) -> FileResult:
    try:
        return future.result()
    except Exception as exc:  # a worker died or the task was lost: that file fails, the batch goes on
        return crash_result(rel, f"the Dask worker failed ({type(exc).__name__})")
