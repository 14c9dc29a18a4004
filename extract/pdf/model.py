"""What the PDF stage knows about a page before it is rendered as text.

All coordinates are in PDF points with the origin at the top left of the page *as it is
displayed* (after ``/Rotate``), ``x`` to the right and ``y`` downwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.models import TableMethod


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def contains_point(self, x: float, y: float, pad: float = 0.0) -> bool:
        return self.x0 - pad <= x <= self.x1 + pad and self.y0 - pad <= y <= self.y1 + pad

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))


@dataclass
class Word:
    """One word (or OCR token) with its box; ``conf`` is the OCR confidence 0-100 (None: text layer)."""

    text: str
    box: Box
    conf: float | None = None
    bold: bool = False  # the text layer's font weight (700 and more); OCR cannot tell


@dataclass
class Cell:
    box: Box
    text: str = ""
    conf: float | None = None  # lowest word confidence in the cell (OCR only)
    lines: list[tuple[float, str]] = field(default_factory=list)  # (centre y, text) per line
    heading: str | None = None  # bold words that open a cell whose other words are not bold


@dataclass
class Table:
    """A table found on a page: rows of cells; ``None`` where a spanning cell covers the slot."""

    box: Box
    rows: list[list[Cell | None]]
    method: TableMethod
    quality: float = 1.0
    notes: list[str] = field(default_factory=list)
    open_bottom: bool = False  # cut by the page break: no ruling closes its last row
    open_top: bool = False
    layout: object | None = field(default=None, repr=False)  # unruled tables: their columns (extract.pdf.unruled.Layout)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class PageContent:
    """Everything read from one page: loose words (outside tables) and tables."""

    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    source: str = "text"  # text | ocr | empty
    rotation: int = 0
    notes: list[str] = field(default_factory=list)
    low_confidence: list[tuple[str, float, Box]] = field(default_factory=list)  # OCR words below threshold
    uncertain_digits: list[tuple[Word, str, float]] = field(default_factory=list)  # an amount read two ways (ocr.cross_read_amounts)
    rules: list[Box] = field(default_factory=list)  # horizontal ruling lines (digital pages), thin boxes
    fills: list[Box] = field(default_factory=list)  # shaded backgrounds: bands, shaded cells and headers
    pictures: list[Box] = field(default_factory=list)  # pictures smaller than the page (signatures, stamps, logos)
    scanned: bool = False  # the page is (or lies on) one page-sized image
    ink: list[Box] | None = None  # a scan's marks no word explains (signatures, stamps); None: not looked for
