"""Off-the-shelf table readers run on the synthetic files, each giving tables of cell texts per page.

Every reader returns ``{page (1-based): [table, …]}`` with a table as rows of strings, and never
raises (a reader that fails on a file gives no tables for it, and the failure is counted).
Readers and their settings:

``img2table``        img2table's PDF reader, ``borderless_tables=True``, ``implicit_rows=True``; on
                     scans with its TesseractOCR wrapper (``ind+eng``), on digital files from the text layer
``camelot_stream``   camelot ``flavor="stream"`` (text-position columns)
``camelot_network``  camelot ``flavor="network"`` (text-alignment network)
``pdfplumber_text``  pdfplumber ``extract_tables`` with the text strategy both ways

camelot and pdfplumber need a text layer: on an image-only scan they find nothing, which is
what a user of them on a scan gets. They install from the ``bench`` extra (pyproject.toml).
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Callable
from pathlib import Path

Tables = dict[int, list[list[list[str]]]]


def _cells(rows) -> list[list[str]]:
    """Cell texts; None and NaN (img2table's empty cells) become empty strings."""
    return [["" if c is None or c != c else str(c) for c in row] for row in rows]


def read_img2table(path: Path, scan: bool) -> Tables:
    from img2table.document import PDF  # noqa: PLC0415

    ocr = None
    if scan:
        from img2table.ocr import TesseractOCR  # noqa: PLC0415

        ocr = TesseractOCR(n_threads=1, lang="ind+eng")
    doc = PDF(src=str(path), pdf_text_extraction=not scan)
    found = doc.extract_tables(ocr=ocr, implicit_rows=True, borderless_tables=True, min_confidence=50)
    return {page + 1: [_cells(t.df.values.tolist()) if t.df is not None else [] for t in tables] for page, tables in found.items()}


def _camelot(path: Path, flavor: str) -> Tables:
    import camelot  # noqa: PLC0415

    out: Tables = {}
    for t in camelot.read_pdf(str(path), pages="all", flavor=flavor):
        out.setdefault(int(t.page), []).append(_cells(t.df.values.tolist()))
    return out


def read_camelot_stream(path: Path, scan: bool) -> Tables:
    return _camelot(path, "stream")


def read_camelot_network(path: Path, scan: bool) -> Tables:
    return _camelot(path, "network")


def read_pdfplumber_text(path: Path, scan: bool) -> Tables:
    import pdfplumber  # noqa: PLC0415

    out: Tables = {}
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            tables = page.extract_tables(table_settings={"vertical_strategy": "text", "horizontal_strategy": "text"})
            out[n] = [_cells(t) for t in tables]
    return out


READERS: dict[str, Callable[[Path, bool], Tables]] = {
    "img2table": read_img2table,
    "camelot_stream": read_camelot_stream,
    "camelot_network": read_camelot_network,
    "pdfplumber_text": read_pdfplumber_text,
}


def run_reader(name: str, path: Path, scan: bool) -> tuple[Tables, str | None]:
    """The reader's tables, or no tables and the error it raised (its chatter silenced)."""
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            return READERS[name](path, scan), None
    except Exception as exc:  # noqa: BLE001 - a competitor's failure on one file is a result, not a crash
        return {}, f"{type(exc).__name__}: {exc}"[:200]
    finally:
        logging.disable(logging.NOTSET)
