"""Ruled tables on born-digital pages: grids from pdfplumber's ruling-line finder, camelot as fallback.

The edges come from the path objects pypdfium2 lists (:mod:`extract.pdf.vector`), so pdfminer
never parses the page on the fast path. A grid that fails validation — a single cell holding
most of the table, or a ragged grid — is retried with camelot's lattice parser on the PDF's
vector lines; if that fails too the words stay loose and the unruled reader gets them.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import io
import os
import tempfile

from extract.models import TableMethod
from extract.pdf.model import Box, Cell, Table, Word
from extract.pdf.render import visual_lines


def fill_cells(table: Table, words: list[Word]) -> None:
    """Put each word in the cell that holds its centre; record the cell's lines with their y."""
    cells = [c for r in table.rows for c in r if c is not None]
    buckets: dict[int, list[Word]] = {id(c): [] for c in cells}
    # cells listed by horizontal band: a word is tested against the few cells of its band,
    # in the order of the rows (the first cell holding the centre wins, as before)
    breaks = sorted({v for c in cells for v in (c.box.y0 - 0.5, c.box.y1 + 0.5)})
    bands: list[list[Cell]] = [[] for _ in breaks]
    for c in cells:
        for k in range(bisect.bisect_left(breaks, c.box.y0 - 0.5), bisect.bisect_left(breaks, c.box.y1 + 0.5)):
            bands[k].append(c)
    box = table.box
    for w in words:
        cx, cy = w.box.cx, w.box.cy
        if not box.contains_point(cx, cy, 0.5):
            continue
        k = bisect.bisect_right(breaks, cy) - 1
        for c in bands[k] if 0 <= k < len(bands) else ():
            if c.box.contains_point(cx, cy, 0.5):
                buckets[id(c)].append(w)
                break
    for c in cells:
        ws = buckets[id(c)]
        lines = visual_lines(ws) if ws else []
        c.lines = [((ln.y0 + ln.y1) / 2, " ".join(w.text for w in ln.words)) for ln in lines]
        c.text = " ".join(t for _, t in c.lines)
        c.heading = bold_heading([w for ln in lines for w in ln.words])
        confs = [w.conf for w in ws if w.conf is not None]
        c.conf = min(confs) if confs else None


def bold_heading(words: list[Word]) -> str | None:
    """The bold words that open a cell, when the words after them are not bold (a programme's
    name in bold over its kegiatan, in one ``PROGRAM dan KEGIATAN`` cell).

    >>> w = lambda t, b: Word(t, Box(0, 0, 1, 1), bold=b)
    >>> bold_heading([w("Program", True), w("Pengawasan", True), w("Evaluasi", False), w("EPPD", False)])
    'Program Pengawasan'
    >>> bold_heading([w("NO", True)]) is None, bold_heading([w("a", False), w("B", True)]) is None
    (True, True)
    """
    n = next((k for k, w in enumerate(words) if not w.bold), len(words))
    if n == 0 or n == len(words) or any(w.bold for w in words[n:]):
        return None
    return " ".join(w.text for w in words[:n])


def validate(table: Table) -> str | None:
    """Why a grid cannot be trusted (None when it can)."""
    n_rows, width = len(table.rows), table.width
    if n_rows < 1 or width < 2:
        return f"grid of {n_rows}x{width} cells is not a table"
    if n_rows == 1 and sum(1 for c in table.rows[0] if c is not None and c.text.strip()) < 2:
        return "a single row with fewer than two filled cells is a box, not a table"
    area = max(table.box.width * table.box.height, 1.0)
    for r in table.rows:
        for c in r:
            if c is not None and c.box.width * c.box.height > 0.5 * area and len(c.lines) > 3:
                return "one cell holds most of the table"
    filled = [sum(1 for c in r if c is not None and c.text.strip()) for r in table.rows]
    if sum(1 for f in filled if f >= 2) < 1:
        return "no row has two filled cells"
    return None


def grid_tables(page, words: list[Word], method: TableMethod = TableMethod.PDF_RULING) -> tuple[list[Table], list[str]]:
    """Ruled tables by pdfplumber's ruling-line finder over ``page.edges``; each validated.

    ``page`` is a pdfplumber page or a :class:`~extract.pdf.vector.EdgePage` holding the edges
    read from the path objects (the same finder, without pdfminer's parse of the page).
    """
    good: list[Table] = []
    rejected: list[str] = []
    settings: dict = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    closing = _page_break_closings(page.edges)
    if closing:
        settings["explicit_horizontal_lines"] = closing
    for found in _finder()(page, settings).tables:
        rows: list[list[Cell | None]] = []
        for r in found.rows:
            rows.append([None if bb is None else Cell(Box(*bb)) for bb in r.cells])
        table = Table(Box(*found.bbox), rows, method=method)
        table.open_bottom = any(abs(found.bbox[3] - y) < 1.5 for y in closing)
        table.open_top = any(abs(found.bbox[1] - y) < 1.5 for y in closing)
        fill_cells(table, words)
        why = validate(table)
        if why is None:
            good.append(table)
        else:
            rejected.append(f"{why} at {tuple(round(v) for v in found.bbox)}")
    return good, rejected


def grid_cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """The cells that ruling lines' crossings describe: pdfplumber's ``intersections_to_cells``, the
    same cells in the same order, each point's neighbours below and to its right looked up rather
    than searched for among all the points after it, and each crossing's edges made a set once
    (pdfplumber does both again for every pair it tests: a ruled page's points squared).

    ``intersections``: (x, top) -> {"v": edges, "h": edges}, as ``edges_to_intersections`` gives.

    >>> e = lambda x0, top, x1, bottom: {"x0": x0, "top": top, "x1": x1, "bottom": bottom}
    >>> top, mid, bot = e(0, 0, 20, 0), e(0, 5, 20, 5), e(0, 10, 20, 10)
    >>> left, right = e(0, 0, 0, 10), e(20, 0, 20, 10)
    >>> pts = {(x, y): {"v": [left if x == 0 else right], "h": [{0: top, 5: mid, 10: bot}[y]]}
    ...        for x in (0, 20) for y in (0, 5, 10)}
    >>> grid_cells(pts)
    [(0, 0, 20, 5), (0, 5, 20, 10)]
    """
    def bbox(edge: dict) -> tuple[float, float, float, float]:
        return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])

    points = sorted(intersections)
    vertical = {p: {bbox(e) for e in intersections[p]["v"]} for p in points}
    horizontal = {p: {bbox(e) for e in intersections[p]["h"]} for p in points}

    def connects(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return bool((p[0] == q[0] and not vertical[p].isdisjoint(vertical[q]))
                    or (p[1] == q[1] and not horizontal[p].isdisjoint(horizontal[q])))

    column: dict[float, list[tuple[float, float]]] = {}  # the points of each x, top to bottom
    row: dict[float, list[tuple[float, float]]] = {}  # of each top, left to right
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    cells = []
    for pt in points:
        xs, ys = column[pt[0]], row[pt[1]]
        below, right = xs[xs.index(pt) + 1:], ys[ys.index(pt) + 1:]
        cell = next(((pt[0], pt[1], r[0], b[1]) for b in below if connects(pt, b) for r in right
                     if connects(pt, r) and (r[0], b[1]) in intersections
                     and connects((r[0], b[1]), r) and connects((r[0], b[1]), b)), None)
        if cell is not None:
            cells.append(cell)
    return cells


@functools.cache
def _finder() -> type:
    """pdfplumber's ``TableFinder``, its cells found by :func:`grid_cells` (loaded at the first ruled page)."""
    # (pdfplumber loads at the first ruled page)
    from pdfplumber.table import Table as Found
    from pdfplumber.table import (
        TableFinder,
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
    )

    class Finder(TableFinder):
        """``TableFinder.__init__`` as pdfplumber 0.11 writes it, with :func:`grid_cells` for ``intersections_to_cells``."""

        def __init__(self, page, settings: dict | None = None) -> None:  # page: a pdfplumber page or an EdgePage
            self.page = page
            self.settings = TableSettings.resolve(settings)
            self.edges = self.get_edges()
            self.intersections = edges_to_intersections(
                self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
            self.cells = grid_cells(self.intersections)
            self.tables = [Found(self.page, group) for group in cells_to_tables(self.cells)]

    return Finder


def _page_break_closings(edges: list[dict]) -> list[float]:
    """A table cut by a page break has no line closing its last (or first) row on the page:
    its column rulings run past the last horizontal ruling. Return where to close it."""
    vs = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 4]
    hs = [e for e in edges if e["orientation"] == "h"]
    if len(vs) < 2 or not hs:
        return []
    out: list[float] = []
    v_bottom = max(e["bottom"] for e in vs)
    if v_bottom - max(e["top"] for e in hs) > 5 and sum(abs(e["bottom"] - v_bottom) < 2 for e in vs) >= 2:
        out.append(v_bottom)
    v_top = min(e["top"] for e in vs)
    if min(e["top"] for e in hs) - v_top > 5 and sum(abs(e["top"] - v_top) < 2 for e in vs) >= 2:
        out.append(v_top)
    return out


def camelot_tables(data: bytes, page_no: int, page_height: float, words: list[Word]) -> list[Table]:
    """camelot lattice on the page's vector ruling lines; [] when camelot is missing or finds nothing."""
    try:
        import camelot  # noqa: PLC0415 - optional, heavy
    except ImportError:
        return []
    fd, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        with contextlib.redirect_stderr(io.StringIO()):
            found = camelot.read_pdf(path, pages=str(page_no), flavor="lattice", engine="vector")
    except Exception:  # noqa: BLE001 - a fallback must never break the page
        return []
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
    out: list[Table] = []
    for t in found:
        out_rows: list[list[Cell | None]] = []
        for r_i, row in enumerate(t.cells):
            out_row: list[Cell | None] = []
            for c_i, cell in enumerate(row):
                covered = (c_i > 0 and not cell.left) or (r_i > 0 and not cell.top)
                if covered:
                    out_row.append(None)
                    continue
                out_row.append(Cell(_camelot_box(t, r_i, c_i, page_height)))
            out_rows.append(out_row)
        x0, y0, x1, y1 = t._bbox  # noqa: SLF001 - camelot keeps the table box here
        table = Table(Box(x0, page_height - y1, x1, page_height - y0), out_rows, method=TableMethod.CAMELOT)
        fill_cells(table, words)
        if validate(table) is None:
            out.append(table)
    return out


def _camelot_box(t, r_i: int, c_i: int, page_height: float) -> Box:
    """The box of a camelot cell grown over the neighbours it spans (missing right/bottom edges)."""
    cells = t.cells
    r_end, c_end = r_i, c_i
    while c_end + 1 < len(cells[r_i]) and not cells[r_i][c_end].right:
        c_end += 1
    while r_end + 1 < len(cells) and not cells[r_end][c_i].bottom:
        r_end += 1
    a, b = cells[r_i][c_i], cells[r_end][c_end]
    return Box(a.x1, page_height - a.y2, b.x2, page_height - b.y1)
