"""Ruling lines straight from the page's path objects (pypdfium2), and tables from them.

pdfplumber's ruling-line finder needs pdfminer to parse the whole page first — every glyph
of it — only to learn where the lines are; that parse was 90% of the time spent on a ruled
page. pypdfium2 lists the page's path objects without touching the text, so this module
reads their segments, turns the axis-aligned ones into edges shaped like pdfplumber's
(``x0 top x1 bottom orientation``, top-left origin of the displayed page), and hands them
to pdfplumber's own :class:`~pdfplumber.table.TableFinder`. The grids are the ones
pdfplumber would find, at a small part of the cost; pdfplumber proper stays the fallback.

What counts as an edge follows pdfminer and pdfplumber: every straight segment of every
painted path (a rectangle gives four), taken from the path's points without the stroke
width; ``n`` (clip-only) paths are not page objects in PDFium, as they are not in pdfminer.
One departure: a filled shape with no stroke that is wider and taller than a ruling is a
background (real PKs shade every cell with a box inset from its borders, and pdfplumber then
cuts each column into three); its outline gives no edges.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.pdf.textlayer import Transform

#: A segment this close to horizontal or vertical (points) is a ruling line.
AXIS_TOLERANCE = 0.5
#: Nested Form XObjects deeper than this are not searched (a hostile file may nest thousands).
MAX_FORM_DEPTH = 8
#: A filled shape without a stroke, wider and taller than this (points), is a background
#: (a shaded cell, a panel, a picture drawn in vectors), not a ruling line drawn as a rectangle.
BACKGROUND_MIN = 3.0
#: A page with more path segments than this is a drawing, not a form: it is not searched.
MAX_SEGMENTS = 200_000

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class PageObjects:
    """What one pass over a page's objects found: edges, counts for triage, image coverage."""

    edges: list[dict] = field(default_factory=list)
    horizontal: int = 0  # thin path objects, by their bounds
    vertical: int = 0
    rects: int = 0
    image_cover: float = 0.0  # share of the page covered by the largest image
    backgrounds: int = 0  # filled, unstroked shapes wider and taller than a ruling: not edges
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)  # their boxes (x0, y0, x1, y1)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # every picture's box (x0, y0, x1, y1)
    truncated: bool = False  # too many segments: edges are incomplete

    @property
    def present(self) -> bool:
        return self.horizontal + self.vertical + 2 * self.rects >= 4


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def page_objects(page: pdfium.PdfPage, tf: Transform, width: float, height: float) -> PageObjects:
    """Walk the page's objects once (forms included): path edges, ruling counts, image cover."""
    out = PageObjects()
    area = max(width * height, 1.0)
    budget = [MAX_SEGMENTS]
    x = ctypes.c_float()
    y = ctypes.c_float()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()

    def walk(count: int, get, parent, outer: Matrix, depth: int) -> None:
        for i in range(count):
            obj = get(parent, i)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH:
                    walk(pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj,
                         _compose(_matrix(obj), outer), depth + 1)
                continue
            if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
                continue
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
                continue
            m = _compose(_matrix(obj), outer) if kind == pdfium_c.FPDF_PAGEOBJ_PATH else outer
            corners = [_apply(outer, px, py) for px, py in ((left.value, bottom.value), (right.value, top.value))]
            (bx0, by0), (bx1, by1) = (tf(*p) for p in corners)
            w, h = abs(bx1 - bx0), abs(by1 - by0)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                out.image_cover = max(out.image_cover, min(w * h / area, 1.0))
                out.images.append((min(bx0, bx1), min(by0, by1), max(bx0, bx1), max(by0, by1)))
                continue
            if h <= 2.5 and w >= 6:
                out.horizontal += 1
            elif w <= 2.5 and h >= 6:
                out.vertical += 1
            elif w > 6 and h > 6:
                out.rects += 1
            if w > BACKGROUND_MIN and h > BACKGROUND_MIN and not _stroked(obj, fill_mode, stroke):
                out.backgrounds += 1  # a shaded cell or panel: its outline is not a ruling
                out.fills.append((min(bx0, bx1), min(by0, by1), max(bx0, bx1), max(by0, by1)))
                continue
            n = pdfium_c.FPDFPath_CountSegments(obj)
            if n <= 0:
                continue
            budget[0] -= n
            if budget[0] < 0:
                out.truncated = True
                return
            _path_edges(obj, n, m, tf, out.edges, x, y)

    walk(pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject, page, _IDENTITY, 0)
    return out


def _stroked(obj, fill_mode: ctypes.c_int, stroke: ctypes.c_int) -> bool:
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return True
    return bool(stroke.value)


def _apply(m: Matrix, px: float, py: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * px + c * py + e, b * px + d * py + f


def _path_edges(obj, n: int, m: Matrix, tf: Transform, edges: list[dict], x, y) -> None:
    """The axis-aligned straight segments of one path, as pdfplumber-shaped edges."""
    start = prev = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = tf(*_apply(m, x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            _edge(prev, point, edges)
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _edge(point, start, edges)
            prev = start


def _edge(p: tuple[float, float], q: tuple[float, float], edges: list[dict]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= AXIS_TOLERANCE and abs(x0 - x1) > AXIS_TOLERANCE:
        lo, hi = sorted((x0, x1))
        edges.append({"x0": lo, "x1": hi, "top": y0, "bottom": y0, "width": hi - lo, "height": 0.0,
                      "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) <= AXIS_TOLERANCE and abs(y0 - y1) > AXIS_TOLERANCE:
        lo, hi = sorted((y0, y1))
        edges.append({"x0": x0, "x1": x0, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo,
                      "orientation": "v", "object_type": "line"})


class EdgePage:
    """Just enough of a pdfplumber page for :class:`pdfplumber.table.TableFinder`: edges and a bbox."""

    def __init__(self, edges: list[dict], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)
