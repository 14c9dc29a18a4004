"""Render one page's words and tables as the text rendering the text reader understands.

Tables become TAB-separated rows (one line per row, a blank line before and after); loose
words become lines in reading order: visual lines top to bottom, cut into segments at
wide gaps. Two-column signature blocks (``PIHAK KEDUA`` left, ``PIHAK KESATU`` right) are
read column by column, so each official's name, rank and NIP stay together.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from extract.pdf.model import Box, PageContent, Table, Word
from extract.pdf.tablerows import table_rows
from extract.text.budget import AMOUNT_CELL, COLUMN_AMOUNT_CELL, SHARE_CELL
from extract.text.parties import parse_place_date

KV_LABEL = re.compile(r"^(?:Nama|NIP|Jabatan|Unit\s+Kerja|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?(?:\s*Ruang)?)?|Instansi)$", re.IGNORECASE)
SIGNATURE_HINT = re.compile(
    r"\bNIP\b|\bPIHAK\s*(?:KE)?(?:DUA|SATU|PERTAMA)\b|Pegawai\s+yang\s+Dinilai|Pejabat\s+Penilai|\bPembina\b|\bPenata\b",
    re.IGNORECASE,
)


class Span:
    """The extent of a run of words; the dataclasses built on it hold the ``words``."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.box.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.box.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.box.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.box.y1 for w in self.words)


@dataclass
class Segment(Span):
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class VisualLine(Span):
    """One line of words across the page. Its words do not change once it is built: its extent and
    height are computed once, and so are the readings the table readers keep in ``memo``."""

    words: list[Word] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    #: readings of the line computed once by the table readers (its labels, whether it is a header
    #: line): a header search asks them again and again
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def _extent(self) -> tuple[float, float, float, float]:
        extent = self.memo.get("extent")
        if extent is None:
            boxes = [w.box for w in self.words]
            extent = self.memo["extent"] = (min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                                            max(b.x1 for b in boxes), max(b.y1 for b in boxes))
        return extent

    @property
    def x0(self) -> float:
        return self._extent()[0]

    @property
    def y0(self) -> float:
        return self._extent()[1]

    @property
    def x1(self) -> float:
        return self._extent()[2]

    @property
    def y1(self) -> float:
        return self._extent()[3]

    @property
    def height(self) -> float:
        height = self.memo.get("height")
        if height is None:
            height = self.memo["height"] = _median([w.box.height for w in self.words])
        return height

    def _type(self) -> tuple[float, float, float]:
        found = self.memo.get("type")
        if found is None:
            found = self.memo["type"] = type_extent(self.words) or (self.y0, self.y1, self.height)
        return found

    @property
    def type_y0(self) -> float:
        """The top of the line as a text layer gives it (:func:`type_extent`): an OCR line's ink top
        lies lower."""
        return self._type()[0]

    @property
    def type_y1(self) -> float:
        return self._type()[1]

    @property
    def type_height(self) -> float:
        """A word's height as a text layer gives it on this line: the table readers measure gaps in these."""
        return self._type()[2]


#: A text layer's word box spans the ascent and descent its font declares about the baseline (pdfium's loose
#: character boxes, which the digital pages are read by); OCR's spans the word's ink, so that the gaps between OCR
#: lines measured in their heights are wider than a text layer's. Measured (10-pt text drawn with reportlab and
#: read by the project): 0.94 em for embedded Liberation Sans (0.73 above the baseline, 0.21 below), 0.91 for
#: Liberation Serif, 1.0 for DejaVu Sans, 1.17 for the standard Helvetica; the real fixtures' text layers 0.94 on
#: 9 of 15. How far ink reaches from the baseline, in ems: capitals, figures and ascenders 0.72, the x-height
#: 0.52, descenders 0.21 below.
TEXT_ASCENT, TEXT_DESCENT = 0.73, 0.21
INK_CAP, INK_X, INK_DESCENT = 0.72, 0.52, 0.21
_INK_UP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhijklt()/%[]{}!?&$|")
_INK_DOWN = frozenset("gjpqy(),;[]{}|Q")


def _ink_reach(text: str) -> tuple[float, float] | None:
    """How far a word's ink reaches above and below its baseline, in ems; None for a word with fewer
    than two letters or figures (a dash, a numeral: its height tells little of the type's)."""
    if sum(ch.isalnum() for ch in text) < 2:
        return None
    up = INK_CAP if any(ch in _INK_UP for ch in text) else INK_X
    return up, INK_DESCENT if any(ch in _INK_DOWN for ch in text) else 0.0


def _median(values: list[float]) -> float:
    """``statistics.median`` for a list of floats, without its generality: the same value, the same
    error for none (a line's height is asked of every cell of a ruled table).

    >>> _median([3.0, 1.0, 2.0]), _median([4.0, 1.0, 2.0, 3.0])
    (2.0, 2.5)
    """
    if not values:
        return statistics.median(values)
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _em(words: Sequence[Word]) -> float | None:
    """The type's em on a line of OCR words: the median over its words of their ink heights over
    what their letters reach (:func:`_ink_reach`); None for a text layer's line or one with no word
    to measure."""
    if any(w.conf is None for w in words):
        return None
    ems = [w.box.height / sum(r) for w in words if (r := _ink_reach(w.text)) is not None]
    return statistics.median(ems) if ems else None


#: A line's em is taken within this factor of the page's median line em: a shaded band or a stamp
#: touching a line's words makes their ink boxes taller (a header line in a band of seed 1 file 20: 13.7
#: pt of ink where the page's lines hold 7-8), and a title in larger type stands 1.3 times the body's
TYPE_EM_SPREAD = 1.35


def type_extent(words: Sequence[Word], em: float | None = None) -> tuple[float, float, float] | None:
    """The top, bottom and word height a text layer would give a line of OCR words: the type's em
    (``em``, or the line's own, :func:`_em`), each word's baseline from its foot, and the font's ascent
    over the highest and descent under the lowest. None for a text layer's line (its boxes are those
    already) or one with no word to measure.

    >>> ws = [Word("Sasaran", Box(0, 100, 30, 107.2), 90), Word("yang", Box(32, 101.6, 50, 109.3), 90)]
    >>> [round(v, 1) for v in type_extent(ws)]
    [99.6, 109.4, 9.7]
    """
    if any(w.conf is None for w in words):
        return None
    em = em or _em(words)
    if em is None:
        return None
    feet = [w.box.y1 - r[1] * em for w in words if (r := _ink_reach(w.text)) is not None]
    if not feet:
        return None
    return min(feet) - TEXT_ASCENT * em, max(feet) + TEXT_DESCENT * em, (TEXT_ASCENT + TEXT_DESCENT) * em


def _reading_order(w: Word) -> tuple[float, float]:
    b = w.box
    return (b.y0 + b.y1) / 2, b.x0


def _left(w: Word) -> float:
    return w.box.x0


def visual_lines(words: list[Word]) -> list[VisualLine]:
    """Group words into lines by vertical overlap, then cut each line at wide gaps."""
    groups: list[list[Word]] = []
    spans: list[list[float]] = []  # each group's top and bottom so far
    # (the boxes' coordinates read once into locals, comparisons for min and max: every table reader
    # groups its words here, a ruled table once a cell, 29,000 calls on the 60 built PDFs)
    for w in sorted(words, key=_reading_order):
        b = w.box
        wy0, wy1 = b.y0, b.y1
        wh = wy1 - wy0
        for k in range(len(groups) - 1, max(len(groups) - 7, -1), -1):  # the last six lines, nearest first
            span = spans[k]
            y0, y1 = span
            sh = y1 - y0
            overlap = (wy1 if wy1 < y1 else y1) - (wy0 if wy0 > y0 else y0)  # noqa: FURB136
            if overlap >= 0.5 * (sh if sh < wh else wh):  # noqa: FURB136
                if wy0 < y0:
                    span[0] = wy0
                if wy1 > y1:
                    span[1] = wy1
                groups[k].append(w)
                break
        else:  # (on no line yet: a line of its own)
            groups.append([w])
            spans.append([wy0, wy1])
    lines = [VisualLine(words=sorted(g, key=_left)) for g in groups]
    for line in lines:
        wide = 1.8 * line.height  # (a gap that parts two segments)
        ws = line.words
        segs: list[Segment] = [Segment([ws[0]])]
        last = segs[0].words
        for k in range(1, len(ws)):
            w = ws[k]
            if w.box.x0 - ws[k - 1].box.x1 > wide:
                last = [w]
                segs.append(Segment(last))
            else:
                last.append(w)
        line.segments = segs
    lines.sort(key=lambda ln: ln.y0)
    ems = {id(ln): em for ln in lines if (em := _em(ln.words)) is not None}
    if ems:  # (each OCR line's em kept near the page's)
        page = statistics.median(ems.values())
        for ln in lines:
            if id(ln) in ems:
                ln.memo["type"] = type_extent(ln.words, min(max(ems[id(ln)], page / TYPE_EM_SPREAD), page * TYPE_EM_SPREAD))
    return lines


def _row_text(line: VisualLine) -> list[str]:
    """The output lines of one visual line: its segments, re-joined where they belong together."""
    segs = [s.text for s in line.segments]
    budget_row = _budget_realisation_row(cells := _value_cells(segs))
    if len(segs) == 1 and not budget_row:
        return segs
    joined = " ".join(segs)
    pd = parse_place_date(joined)
    if pd is not None and pd[1]:
        return [joined]
    if AMOUNT_CELL.match(segs[-1]) or (len(segs) > 2 and segs[-2].rstrip(".") == "Rp" and re.match(r"^\d[\d.,]*$", segs[-1])):
        return ["\t".join(segs)]  # a budget line: name … Rp amount, one row
    if len(segs) == 3 and AMOUNT_CELL.match(segs[1]) and not AMOUNT_CELL.match(segs[0]) and not re.search(r"\d", segs[2]):
        return ["\t".join(segs)]  # name, amount, a word after it (the Keterangan: "APBD"): one budget row
    if budget_row:
        return ["\t".join(cells)]
    if _label_and_values(segs):
        return [" ".join(segs)]
    out: list[str] = []
    i = 0
    while i < len(segs):
        s = segs[i]
        if KV_LABEL.match(s.rstrip(" :")) and i + 1 < len(segs):
            j = i + 1
            # a colon standing apart (OCR may read it as a stray mark) sits between label and value
            while j + 1 < len(segs) and len(segs[j].strip()) <= 2 and not segs[j].strip().isalpha():
                j += 1
            value = segs[j].lstrip(": ").strip()
            out.append(f"{s.rstrip(' :')} : {value}")
            i = j + 1
            continue
        out.append(s)
        i += 1
    return out


def _value_cells(segs: list[str]) -> list[str]:
    """The amounts and shares a segment ends with, one cell each (narrow columns of numbers set closer
    than a segment's gap: ``28.918.000 26.344.298 91,1``).

    >>> _value_cells(["Penyusunan Dokumen", "28.918.000 26.344.298 91,1"])
    ['Penyusunan Dokumen', '28.918.000', '26.344.298', '91,1']
    >>> _value_cells(["Penyediaan Jasa 8.073.000 5.869.071 72,7"]), _value_cells(["Nilai 85"])
    (['Penyediaan Jasa', '8.073.000', '5.869.071', '72,7'], ['Nilai 85'])
    """
    out: list[str] = []
    for sg in segs:
        words = sg.split()
        # the numbers a segment ends with (a name set close to its amounts: "Penyediaan Jasa 8.073.000 5.869.071 72,7")
        k = len(words)
        while k > 0 and (COLUMN_AMOUNT_CELL.match(words[k - 1]) or SHARE_CELL.match(words[k - 1])):
            k -= 1
        if len(words) - k > 1:
            out.extend([" ".join(words[:k])] if k else [])
            out.extend(words[k:])
        else:
            out.append(sg)
    return out


def _budget_realisation_row(segs: list[str]) -> bool:
    """A row of a budget-realisation table set without rulings: [number] name, its pagu and what was spent
    (one of them at least a million's thousands groups), maybe the share, each a segment of its own. (More
    amounts are a row of measures: an indicator's rupiah target and realisations.)

    >>> _budget_realisation_row(["Penyusunan Dokumen Perencanaan", "28.918.000", "26.344.298", "91,1"])
    True
    >>> _budget_realisation_row(["1.", "PROGRAM PENUNJANG", "700.000", "354.002"]), _budget_realisation_row(["Indeks", "85%", "90%"])
    (False, False)
    >>> _budget_realisation_row(["pajak", "8.166.000.000", "6.532.800.000", "8.574.300.000", "6.859.440.000"])
    False
    """
    first = next((k for k, sg in enumerate(segs) if COLUMN_AMOUNT_CELL.match(sg)), None)
    if first is None or not any(re.search(r"\p{L}{2}", sg) for sg in segs[:first]):
        return False
    tail = segs[first:-1] if SHARE_CELL.match(segs[-1]) and len(segs) - first > 2 else segs[first:]
    return len(tail) == 2 and all(COLUMN_AMOUNT_CELL.match(t) for t in tail) and any(AMOUNT_CELL.match(t) for t in tail)


_VALUE_WORD = re.compile(r"^(?:[x×*%]|[<>≤≥]|\(?-?\d[\d.,]*\s*%?\)?)$")


def _label_and_values(segs: list[str]) -> bool:
    """A label and up to three numbers set apart on one line (``1. Nilai SKP | 112,34 x 67,40``: a
    score, or a base, a weight and their product) is one line of text, not pieces of two blocks side
    by side. More numbers are a row's cells (``... | 85% | 85% | ...``: the text reader takes those as
    a row from their own lines).

    >>> _label_and_values(["1. Nilai SKP", "112,34 x 67,40"]), _label_and_values(["NILAI KINERJA", "91,15"])
    (True, True)
    >>> _label_and_values(["Pegawai yang Dinilai", "Pejabat Penilai"]), _label_and_values(["Indeks", "85%", "85%", "85%", "85%"])
    (False, False)
    """
    first, rest = segs[0], segs[1:]
    if not re.search(r"\p{L}{2}", first) or not rest or any(KV_LABEL.match(sg.rstrip(" :")) for sg in segs):
        return False  # (a party's "NIP | 1968…" is read as a label and its value: "NIP : 1968…")
    values = [w for sg in rest for w in sg.split()]
    return all(_VALUE_WORD.match(w) for w in values) and sum(1 for w in values if re.search(r"\d", w)) <= 3


def _split_points(line: VisualLine, lo: float, hi: float) -> list[float]:
    """Centres of the wide gaps of a line that fall in the middle of the text width."""
    out = []
    for a, b in zip(line.segments, line.segments[1:], strict=False):
        mid = (a.x1 + b.x0) / 2
        if lo <= mid <= hi:
            out.append(mid)
    return out


def _straddles(line: VisualLine, split: float) -> bool:
    return any(s.x0 < split - 2 and s.x1 > split + 2 for s in line.segments)


def _hinted(line: VisualLine) -> bool:
    """The line carries a signature hint (a NIP, a party's label, a rank)."""
    return SIGNATURE_HINT.search(" ".join(sg.text for sg in line.segments)) is not None


def _signer_line(line: VisualLine) -> bool:
    """A line of two signature blocks' heads: each of its pieces a jabatan or label closed by a
    comma ("Bupati Boyolali,") or the place and date; a table's row over the signatures is neither
    ("Sasaran Strategis" beside "Indikator Kinerja", a name beside its amount)."""
    return all(sg.text.rstrip().endswith(",") or parse_place_date(sg.text) is not None for sg in line.segments)


#: A signature band grows up over lines this close (in line heights) above it: the place and date
#: over the right-hand signer. Lines further up are the rows above the signatures, set apart the same
#: way ("1. Nilai SKP ... 92,42 x 64,69" over "Pegawai yang Dinilai", 3.7 h above it).
UP_GAP = 2.0


def _signature_bands(
    lines: list[VisualLine], x_lo: float, x_hi: float, tables: list[Table] | None = None
) -> list[tuple[int, int, float]]:
    """Runs of lines split in two columns at one x (no segment straddles it) that carry signature hints.

    A band starts at a line with a wide gap in the middle of the text width; it grows down
    over lines that do not straddle the split (signature space may be several lines tall)
    and up over close lines (the place and date above the right-hand signer). Two blocks set at
    different heights share no line with both a gap and a hint ("Bupati Boyolali," beside the place
    and date, the NIP under the right-hand name only): a line of signers' heads (:func:`_signer_line`)
    with a hint on a line under it in the band will do.
    """
    span = max(x_hi - x_lo, 1.0)
    lo, hi = x_lo + 0.25 * span, x_lo + 0.75 * span
    bands: list[tuple[int, int, float]] = []
    i = 0
    while i < len(lines):
        splits = _split_points(lines[i], lo, hi)
        if not splits:
            i += 1
            continue
        start = end = i

        def gap(a: VisualLine, b: VisualLine) -> float:
            if any(a.y1 <= t.box.cy <= b.y0 for t in tables or []):
                return float("inf")  # a table between the two lines: not one block
            return (b.y0 - a.y1) / max(a.height, b.height, 1.0)

        def run(x: float) -> int:
            """How many lines from this one down keep clear of a split at x."""
            n = i
            while n + 1 < len(lines) and gap(lines[n], lines[n + 1]) <= 10 and not _straddles(lines[n + 1], x):
                n += 1
            return n - i

        # the split the block keeps all the way down (a long value on a lower line may close the gap
        # nearest the middle of this one: two side-by-side label/value blocks)
        nearby = [x for ln in lines[i : i + 12] for x in _split_points(ln, lo, hi) if not _straddles(lines[i], x)]
        split = max(nearby or splits, key=lambda x: (run(x), -abs(x - (x_lo + x_hi) / 2)))

        while end + 1 < len(lines) and gap(lines[end], lines[end + 1]) <= 10 and not _straddles(lines[end + 1], split):
            end += 1
        if not _hinted(lines[i]) and not (_signer_line(lines[i]) and any(_hinted(ln) for ln in lines[i + 1 : end + 1])):
            i += 1
            continue
        floor = bands[-1][1] + 1 if bands else 0
        while start - 1 >= floor and gap(lines[start - 1], lines[start]) <= UP_GAP and not _straddles(lines[start - 1], split):
            start -= 1
        if end > start:
            bands.append((start, end, split))
            i = end + 1
        else:
            i += 1
    return bands


def _caps(line: VisualLine) -> bool:
    letters = [c for w in line.words for c in w.text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.9


def _paragraph_gap(prev: VisualLine, line: VisualLine, spacing: float) -> bool:
    """A blank line between paragraphs: clearly more than the page's usual line spacing
    (``spacing``, the lower quartile of the gaps between lines; 1.5-spaced text has wide gaps
    everywhere, a rendering with a blank line after every paragraph has them only between).
    Upper-case heading lines (a title over two or three lines) stay together up to a larger gap."""
    gap = line.y0 - prev.y1
    h = max(line.height, prev.height)
    if _caps(prev) and _caps(line):
        return gap > max(2.0 * h, 2.0 * spacing)
    return gap > max(0.6 * h, 1.8 * spacing)


def _line_spacing(lines: list[VisualLine]) -> float:
    gaps = [b.y0 - a.y1 for a, b in zip(lines, lines[1:], strict=False)]
    gaps = [g for g, a in zip(gaps, lines, strict=False) if 0 <= g < 2 * a.height]
    if not gaps:
        return 0.0
    gaps.sort()
    return gaps[len(gaps) // 4]  # lower quartile: the spacing inside paragraphs


@dataclass
class Rendered:
    lines: list[str]
    table_lines: dict[int, int]  # index of a table on the page -> 0-based line of its first row


_WRAPPED_SIGN = frozenset({"Rp", "Rp."})
_AMOUNT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")
#: The lines of a wrapped amount's sign and number stand at most this many of the row's line heights
#: apart (measured: 0.05 on the centred cells of generated file s1/118, the lines overlapping the row's;
#: a row of three wrapped lines between them would be 2).
WRAP_REACH = 3.0


def join_wrapped_amounts(words: list[Word]) -> list[Word]:
    """An amount wrapped in its cell around its row's line, the cell centred on the row ("Rp" on the
    line over the row's, the number on the line under it, nothing of the row's line between them): one
    word ("Rp 40.002.000") on the row's line, so that the row reads as one line of text."""
    if not any(w.text in _WRAPPED_SIGN for w in words):
        return words  # (most pages: no lone sign, no second pass over the lines)
    lines = visual_lines(words)
    taken: set[int] = set()
    joined: list[Word] = []
    for above, row, below in zip(lines, lines[1:], lines[2:], strict=False):
        h = max(row.height, 1.0)
        if below.y0 - above.y1 > WRAP_REACH * h:
            continue
        for sign in above.segments:
            if sign.text not in _WRAPPED_SIGN or any(id(w) in taken for w in sign.words):
                continue
            under = [s for s in below.segments if _AMOUNT.match(s.text) and min(s.x1, sign.x1) > max(s.x0, sign.x0)]
            if len(under) != 1 or any(min(m.x1, max(sign.x1, under[0].x1)) > max(m.x0, min(sign.x0, under[0].x0)) for m in row.segments):
                continue
            amount = under[0]
            taken.update(id(w) for w in (*sign.words, *amount.words))
            joined.append(Word(f"{sign.text} {amount.text}", Box(min(sign.x0, amount.x0), row.y0, max(sign.x1, amount.x1), row.y1)))
    if not joined:
        return words
    return [w for w in words if id(w) not in taken] + joined


def render_page(page: PageContent) -> Rendered:
    """The page as lines; tables as TAB rows, placed where they stand on the page."""
    items: list[tuple[float, int, list[str] | Table]] = []  # (y, order, lines | table)
    loose = [w for w in page.words if not any(t.box.contains_point(w.box.cx, w.box.cy, 1.0) for t in page.tables)]
    lines = visual_lines(join_wrapped_amounts(loose))
    if lines:
        x_lo, x_hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
        x_lo, x_hi = min(x_lo, page.width * 0.08), max(x_hi, page.width * 0.92)
        bands = _signature_bands(lines, x_lo, x_hi, page.tables)
    else:
        bands = []
    in_band = {k: b for b in bands for k in range(b[0], b[1] + 1)}
    spacing = _line_spacing(lines)
    done: set[int] = set()
    prev_line: VisualLine | None = None
    order = 0
    for k, line in enumerate(lines):
        if k in done:
            continue
        gap_blank = prev_line is not None and _paragraph_gap(prev_line, line, spacing)
        if k in in_band:
            start, end, split = in_band[k]
            out: list[str] = [""] if gap_blank else []
            for side in ("left", "right"):
                for ln in lines[start : end + 1]:
                    segs = [s for s in ln.segments if (s.x1 <= split + 2) == (side == "left")]
                    if segs:
                        out.extend(_row_text(VisualLine(words=[w for s in segs for w in s.words], segments=segs)))
                out.append("")
            items.append((line.y0, order, out))
            done.update(range(start, end + 1))
            prev_line = lines[end]
        else:
            out = ([""] if gap_blank else []) + _row_text(line)
            items.append((line.y0, order, out))
            prev_line = line
        order += 1
    for t in page.tables:
        items.append((t.box.y0, order, t))
        order += 1
    items.sort(key=lambda it: (it[0], it[1]))
    rendered: list[str] = []
    table_lines: dict[int, int] = {}
    for _, _, item in items:
        if isinstance(item, Table):
            rows = table_rows(item)
            if not rows:
                continue
            if rendered and rendered[-1] != "":
                rendered.append("")
            table_lines[page.tables.index(item)] = len(rendered)
            rendered.extend("\t".join(r) for r in rows)
            rendered.append("")
        else:
            rendered.extend(item)
    return Rendered(rendered, table_lines)


def words_in(words: list[Word], box: Box, pad: float = 1.0) -> list[Word]:
    return [w for w in words if box.contains_point(w.box.cx, w.box.cy, pad)]
