"""Checks run on untrusted bytes before a parser sees them, and a time limit.

Each check looks at what a file declares or at a bounded stream of it, so a
hostile file is refused in milliseconds rather than after it has filled the
memory: ZIP members' declared sizes, XML prologs (Word never writes a DTD),
and how far a PDF's compressed streams inflate.
"""

from __future__ import annotations

import contextlib
import io
import re
import signal
import threading
import zipfile
import zlib
from collections.abc import Iterator

from ..errors import CorruptDocument, LimitExceeded
from ..limits import Limits

_MB = 1024 * 1024
_BOMB_HINT = "it looks like a decompression bomb; if it is a genuine resume, raise Limits.max_unzipped in the library"
_STREAM = re.compile(rb"(?<!end)stream\r?\n")


class Deadline(BaseException):
    """Raised inside a parser when the per-file time limit passes.

    A BaseException, so the broad ``except Exception`` that wraps damaged
    files cannot swallow it and report a slow file as a corrupt one.
    """


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Deadline if the block runs longer than ``seconds``.

    Uses SIGALRM, so it only acts in the main thread on POSIX; elsewhere
    (threads, Windows) the caller's own timeout (batch workers) applies.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield  # someone else's alarm is running: leave it alone
        return

    def expire(signum, frame):
        raise Deadline()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_pdf_streams(data: bytes, limits: Limits) -> None:
    """Refuse a PDF whose compressed streams inflate past max_unzipped.

    pdfminer inflates a content stream whole, so one small stream of zeros
    could take gigabytes; this inflates each in bounded steps and counts.
    """
    budget = limits.max_unzipped
    for match in _STREAM.finditer(data):
        budget -= _inflated_size(data, match.end(), budget + 1)
        if budget < 0:
            raise LimitExceeded(f"its compressed streams inflate past the {limits.max_unzipped // _MB} MB limit",
                                hint=_BOMB_HINT)


def _inflated_size(data: bytes, start: int, cap: int) -> int:
    """Bytes the zlib stream at ``start`` inflates to (0 if it is not zlib), stopping past ``cap``."""
    inflater = zlib.decompressobj()
    total, position, step = 0, start, 64 * 1024
    try:
        while total <= cap and position < len(data) and not inflater.eof:
            chunk = inflater.decompress(data[position:position + step], cap - total + 1)
            position += step
            total += len(chunk)
            while inflater.unconsumed_tail and total <= cap:
                total += len(inflater.decompress(inflater.unconsumed_tail, cap - total + 1))
    except zlib.error:
        pass  # not Flate, or damaged: pdfminer will judge it
    return total


def check_docx_parts(data: bytes, limits: Limits) -> None:
    """Refuse a DOCX with an oversized XML part or a DTD (entity tricks).

    python-docx parses every part whole with lxml, whose tree costs many
    times the text; Word never writes a DOCTYPE, so one means a crafted file.
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue
        if info.file_size > limits.max_xml_part:
            raise LimitExceeded(
                f"its part {info.filename!r} is {info.file_size / _MB:.0f} MB of XML, over the "
                f"{limits.max_xml_part / _MB:.0f} MB limit", hint="re-save it from Word, or raise Limits.max_xml_part in the library")
        with archive.open(info) as stream:
            _refuse_dtd(stream, info.filename)


class _RootSeen(Exception):
    """The root element started: the prolog, where a DTD must be, is over."""


class _StopAtRoot:
    def start(self, tag, attrs):
        raise _RootSeen()

    def close(self):
        return None


def _refuse_dtd(stream, name: str) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    # expat reads the XML's own encoding (UTF-8/16), which a byte search would miss.
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True)
    try:
        while chunk := stream.read(64 * 1024):
            parser.feed(chunk)
    except _RootSeen:
        return
    except DefusedXmlException:
        raise CorruptDocument(f"its part {name!r} declares XML entities or a DTD, which Word never writes; refused for safety",
                              hint="re-save the document from Word or export it as PDF") from None
    except Exception:
        return  # malformed XML: python-docx reports it as damaged
