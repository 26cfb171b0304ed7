"""Bounded fuzz: mutated PDF and DOCX bytes raise only resumefit's own errors, quickly."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import hostile  # noqa: E402

from resumefit.errors import InputError  # noqa: E402
from resumefit.extract import read_document  # noqa: E402
from resumefit.limits import Limits  # noqa: E402

SEED = 20240611
MUTATIONS = 24  # per format: a few seconds in all
LIMITS = Limits(timeout=5)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip, delete, duplicate or truncate a few spans of the bytes."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buf))
        kind = rng.choice(("flip", "delete", "repeat", "truncate", "zero"))
        span = rng.randint(1, 64)
        if kind == "flip":
            buf[at] ^= 1 << rng.randrange(8)
        elif kind == "delete":
            del buf[at:at + span]
        elif kind == "repeat":
            buf[at:at] = buf[at:at + span] * rng.randint(2, 50)
        elif kind == "truncate" and at > 16:
            del buf[at:]
        else:
            buf[at:at + span] = bytes(len(buf[at:at + span]))
        if not buf:
            buf = bytearray(b"%")
    return bytes(buf)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_mutated_files_give_a_document_or_our_own_error(fmt):
    original = hostile.pdf_bytes() if fmt == "pdf" else hostile.docx_bytes()
    rng = random.Random(f"{SEED}-{fmt}")
    outcomes = {"read": 0, "refused": 0}
    for i in range(MUTATIONS):
        data = mutate(original, rng)
        start = time.perf_counter()
        try:
            doc = read_document(data, filename=f"fuzz{i}.{fmt}", limits=LIMITS)
            assert doc.lines
            outcomes["read"] += 1
        except InputError as exc:
            assert exc.path == f"fuzz{i}.{fmt}" and exc.hint, exc
            outcomes["refused"] += 1
        assert time.perf_counter() - start < LIMITS.timeout + 1
    assert outcomes["read"] + outcomes["refused"] == MUTATIONS
