"""Unruled tables (whitespace only) rebuilt from word positions and header anchors.

pdfplumber's whitespace strategy cuts one row per text line, so a wrapped cell doubles the
rows. Here a table starts at a header line whose wide-gap segments name known columns
(``No | Sasaran | Indikator Kinerja | Target``, ``Program | Anggaran | Keterangan``), or at
two or three lines set over one another that do together (labels middle-aligned beside
labels wrapped over two lines); the column boundaries are the whitespace gaps of the body
nearest to the header anchors; the table goes on while no word straddles a boundary; and
text lines are grouped into rows by their vertical spacing (a row gap is wider than the gap
between the lines of one cell) and by a new number in the first column, the lines of a
middle-aligned row gathered around its values. The result is a :class:`Table` with method
``pdf-words``; every such table is reported as guessed (``table_guessed``).
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass

import regex as re

from extract.models import TableMethod
from extract.pdf.model import Box, Cell, Table, Word
from extract.pdf.render import VisualLine, visual_lines
from extract.pdf.tablerows import is_value_line
from extract.text.parties import parse_place_date
from extract.text.tables import YEAR, is_header_row, is_subheader_row, role_of

BUDGET_HEADER = re.compile(r"\bAnggaran\b", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
ROW_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\.|[IVX]{1,4}\.)$")


def _header_like(texts: list[str]) -> bool:
    if len(texts) < 2:
        return False
    return is_header_row(texts) or numbered_header(texts) or _budget_header(texts)


def _budget_header(texts: list[str]) -> bool:
    words = " ".join(texts)
    return bool(BUDGET_HEADER.search(words)) and bool(re.search(r"\b(?:Program|Kegiatan)\b", words, re.IGNORECASE))


def numbered_header(texts: list[str]) -> bool:
    """Labels of a table of any kind: "No" and two labels or more, each a word, no digit among them
    (``NO | ASPEK PERILAKU | NILAI``). No body row opens with the label "No".

    Not such a header: a budget's (``No | Program | Anggaran``: its rows are read from their lines,
    ``extract.text.budget``; :func:`_header_like` still knows it); two "No" labels heading two blocks
    side by side (``NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA``: each row a number, a
    label and a value, which the columns of the labels would cut wrong), read from their lines.

    >>> numbered_header(["NO", "ASPEK PERILAKU", "NILAI"]), numbered_header(["No", "Komitmen", "89"])
    (True, False)
    >>> numbered_header(["NO", "PEGAWAI YANG DINILAI", "NO", "PEJABAT PENILAI KINERJA"]), numbered_header(["Nomor", ":", "......"])
    (False, False)
    """
    texts = [t for t in texts if t.strip()]
    roles = [role_of(t) for t in texts]
    return (len(texts) >= 3 and roles[0] == "no" and roles.count("no") == 1 and not any(re.search(r"\d", t) for t in texts)
            and all(re.search(r"\p{L}{2}", t) for t in texts[1:]) and not _budget_header(texts))


@dataclass(frozen=True)
class Layout:
    """The columns of an unruled table: its header labels, boundaries and line height, so a
    table that runs on over the next page without its header can be read there too."""

    anchors: list
    bounds: list[float]
    line_height: float


def find_tables(words: list[Word], page_width: float, carry: Layout | None = None) -> list[Table]:
    """The unruled tables among a page's loose words. ``carry`` is the layout of a table that
    ran to the foot of the page before: lines at the top of this page that fit its columns
    go on with it (a table without a header of its own, method ``pdf-words``)."""

    lines = visual_lines(words)
    tables: list[Table] = []
    i = 0
    if carry is not None and lines:
        table, i = _continue_table(lines, carry)
        if table is not None:
            tables.append(table)
    while i < len(lines):
        band = _header_band(lines, i)
        if not band:
            i += 1
            continue
        table, end = _read_table(lines, i, band)
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = end
        while (below := continue_below(lines, i, tables[-1]))[0] is not None:
            tables.append(below[0])
            i = below[1]
    return tables


def continue_below(lines, k: int, table: Table) -> tuple[Table | None, int]:
    """The rest of ``table`` set under it on the same page with other column widths and no
    header (a table cut by a page break in the document it was printed from goes on there):
    the lines just under it, when the left edges they share give as many columns as the table
    has. None when the lines under the table are no such rest."""
    layout = table.layout
    if layout is None or k >= len(lines) or lines[k].y0 - table.box.y1 > 4.0 * layout.line_height:
        return None, k
    block: list = []
    for n, ln in enumerate(lines[k:], k):
        if block and ln.y0 - block[-1].y1 > 2.5 * max(layout.line_height, ln.height):
            break
        if _header_like([s.text for s in ln.segments]) or _place_date(ln) or _stacked_header(lines, n):
            break  # (another table's header: one line, or lines of labels set over one another)
        block.append(ln)
    n_cols = len(layout.bounds) + 1
    # the left edges most lines share, one per column (a word inside a cell may line up by chance)
    starts = sorted(x for x, _ in sorted(_aligned_starts(block), key=lambda s: -s[1])[:n_cols])
    if len(block) < 2 or n_cols < 3 or len(starts) != n_cols or starts[0] > min(w.box.x0 for ln in block for w in ln.words) + 1:
        return None, k
    if any(_cuts(block, x - 0.5) > _tolerance(block) for x in starts[1:]):
        return None, k
    bounds = [x - 0.5 for x in starts[1:]]
    kept = _until_straddle(block, bounds)
    if len(kept) < 2:
        return None, k
    rows = _rows(kept, bounds, layout.line_height)
    cells_rows: list[list[Cell | None]] = [[_cell([w for ln in r for w in ln.words], bounds, c) for c in range(n_cols)] for r in rows]
    quality = _quality(cells_rows)
    if quality < 0.5:
        return None, k
    x0 = min(w.box.x0 for ln in kept for w in ln.words)
    x1 = max(w.box.x1 for ln in kept for w in ln.words)
    rest = Table(Box(x0 - 1, kept[0].y0 - 1, x1 + 1, kept[-1].y1 + 1), cells_rows, method=TableMethod.PDF_WORDS, quality=quality,
                 notes=[f"{n_cols} columns from the left edges its lines share: the rest of the table above, {len(rows)} rows by line spacing"])
    anchors = [(x, x + 1.0, a[2]) for x, a in zip(starts, layout.anchors, strict=False)]
    rest.layout = Layout(anchors, bounds, layout.line_height)
    return rest, k + len(kept)


def _continue_table(lines, carry: Layout) -> tuple[Table | None, int]:
    """The top of a page going on with the table of the page before (no header repeated). A
    header alone at the foot of the page before (:func:`_header_alone`) gets its boundaries here,
    from the whitespace of the lines that go on with it."""
    numbered = not carry.bounds and role_of(carry.anchors[0][2]) == "no"  # (a numbered_header's "No" over the rows' numbers)
    body = _collect_body(lines, 0, carry.anchors, carry.line_height, None, numbered)
    if not body:
        return None, 0
    alone = not carry.bounds  # the header alone on the page before: no row of it there
    if alone:
        carry = Layout(carry.anchors, _boundaries(carry.anchors, body), carry.line_height)
    opening = _opens_rows(body, carry.bounds)
    if opening is None:
        return None, 0
    body = _until_straddle(body, carry.bounds)
    if not body:
        return None, 0
    rows = _rows(body, carry.bounds, carry.line_height)
    if alone and opening:
        # lines in one column over the first row's, under a header with no row: the top of that row
        # (a name middle-aligned around its values: there is no row on the page before for them to end)
        got, n = [], 0
        while n < len(rows) - 1 and len(got) < opening:
            got += rows[n]
            n += 1
        if got == body[:opening] and _name_goes_on(got, rows[n], carry.bounds):
            rows = [[*got, *rows[n]], *rows[n + 1:]]
    n_cols = len(carry.bounds) + 1
    cells_rows: list[list[Cell | None]] = [[_cell([w for ln in r for w in ln.words], carry.bounds, c) for c in range(n_cols)] for r in rows]
    x0 = min(w.box.x0 for ln in body for w in ln.words)
    x1 = max(w.box.x1 for ln in body for w in ln.words)
    quality = _quality(cells_rows)
    table = Table(Box(x0 - 1, body[0].y0 - 1, x1 + 1, body[-1].y1 + 1), cells_rows, method=TableMethod.PDF_WORDS, quality=quality,
                  notes=[f"{n_cols} columns carried over from the table on the page before, {len(rows)} rows by line spacing"])
    table.layout = carry
    return table, len(body)


#: a label line over a header's first line at most this share of its height above it (the labels of a two-line
#: header cell over the years it spans, the one-line labels middle-aligned under: LKj reports seed 1 file 24 0.0,
#: seed 3 file 21 0.69); a caption stands further above, and over the header's labels (:func:`_label_over`)
OVER_GAP = 1.0
#: a page's first lines in one column may open the rows of the table carried over when set this close over a
#: line of several columns (share of their height): the lines of one cell (a name middle-aligned around its
#: row's values, seed 1 file 24 of the LKj reports: 0.2), not a caption or a line of prose over the table
OPEN_GAP = 0.55
#: ... and at most this many such lines (a name wrapped over three lines, its values beside the second)
OPEN_LINES = 2


def _name_goes_on(top, row, bounds: list[float]) -> bool:
    """The row's words in the column of ``top`` (lines in one column over it) go on with them: a
    name's wrapped rest begins in lower case (``Belanja negara yang`` / ``berkualitas dan
    akuntabel``); a value (``(lanjutan)`` over ``71%``) or a row of its own under a heading
    (``Perspektif Pelanggan`` over ``Sasaran 1``) does not."""
    columns = {_col(w.box, bounds) for ln in top for w in ln.words}
    words = [w for ln in row for w in sorted(ln.words, key=lambda w: w.box.x0) if _col(w.box, bounds) in columns]
    text = " ".join(w.text for w in words)
    return text[:1].islower() and not is_value_line(text)


def _opens_rows(body, bounds: list[float]) -> int | None:
    """How many of the page's first lines stand in one column before the first of several, when they
    open rows of the carried table: 0 when the first line's words stand in two columns at least, none
    across a boundary; n when the first n lines (at most ``OPEN_LINES``) stand in one column, each set
    tight over the next, down to a line that does. None when they open no rows."""
    column = None
    for n, ln in enumerate(body[:OPEN_LINES + 1]):
        if any(_straddles(w.box, bounds) for w in ln.words) and not _overhangs(ln, bounds):
            return None  # (a word across a boundary that only overhangs, as the table's body may: ``_until_straddle``)
        cols = {_col(w.box, bounds) for w in ln.words}
        if len(cols) >= 2:
            return n
        if column is not None and cols != column or n + 1 >= len(body) or body[n + 1].y0 - ln.y1 > OPEN_GAP * ln.height:
            return None
        column = cols
    return None


#: lines set over one another that may make one header between them: a label wrapped over two lines above
#: and below, the single-line labels middle-aligned between ("Anggaran" over "No. Program / Kegiatan %" over "(Rp)")
HEADER_BAND_LINES = 3
#: ... each over the one before by this share of the lower line's height at least: middle-aligned labels stand
#: half a line over the wrapped ones (seed 1 files 3, 4 and 7 of the LKj reports: 0.4-0.6); a caption or a note
#: whose box touches a header line by a point (0.1) makes no header with it
BAND_OVERLAP = 0.25


def _header_band(lines, i: int) -> int:
    """How many lines from ``i`` make a header: 1 when line ``i`` alone is header-like; 2 or 3 when
    it is not, but it and the lines under it are together, each set over the one before (labels of
    one line middle-aligned beside labels wrapped over two: the lines interleave) and holding labels
    only, no value (a year is a label); the fewest lines that are, the header's own reading takes
    the rest ("(Rp)" under "Anggaran"); 0 when there is no header at ``i``."""
    return 1 if _header_line(lines[i]) else _stacked_header(lines, i)


def _stacked_header(lines, i: int) -> int:
    """The 2 or 3 lines from ``i`` set over one another that make a header together (the fewest), or 0
    (:func:`_header_band`; cheap where the next line stands clear: a body's line asks it)."""
    end = i + 1
    while (end < len(lines) and end - i < HEADER_BAND_LINES
           and lines[end - 1].y1 - lines[end].y0 >= BAND_OVERLAP * lines[end].height):
        end += 1
    if end - i < 2 or any(_holds_value(ln) for ln in lines[i:end]):
        return 0
    return next((n for n in range(2, end - i + 1) if _header_like([a[2] for a in _header_anchors(_merged(lines[i : i + n]))])), 0)


def _header_line(line) -> bool:
    """The line alone is a header's (its segments or its labels)."""
    return _header_like([s.text for s in line.segments]) or _header_like([a[2] for a in _header_anchors(line)])


def _holds_value(line) -> bool:
    """A piece of the line is a value, not a year (``95.776.000``, ``87,8``: a body row's)."""
    return any(is_value_line(s.text) and not YEAR.match(s.text.strip()) for s in line.segments)


def _merged(lines) -> VisualLine:
    """The lines' words as one line (a header's labels over several lines: :func:`_header_anchors` stacks them)."""
    return VisualLine(words=sorted((w for ln in lines for w in ln.words), key=lambda w: (w.box.x0, w.box.y0)))


def _read_table(lines, start: int, band: int = 1, over: bool = True):
    header = lines[start]
    anchors = _header_anchors(header if band == 1 else _merged(lines[start : start + band]))
    header_lines = lines[start : start + band]
    over_line, late = _label_over(lines, start, anchors) if over else (None, [])  # late: the labels of the line over the header
    if over_line is not None:
        anchors = sorted(anchors + late)
        header_lines = [over_line, *header_lines]
    period_lines: list = []  # header lines of period labels: a second header row
    spans: list[tuple[float, float, float]] = []  # a label refined by the labels under it: its x0, x1 and its first's x0
    number_lines: list = []  # "(1) (2) (3)": a row under the header
    k = start + band
    # more header lines: period labels under "Target", or the wrapped rest of the labels
    while k < len(lines) and len(header_lines) < 6 and lines[k].y0 - header_lines[-1].y1 < 2.0 * header.height:
        if _over_values(lines[k], lines[k + 1] if k + 1 < len(lines) else None):
            break  # the first line of a name wrapped around its row's values, set at its middle: the body's
        wrapped_label = _wrapped_labels(lines[k], header_lines[-1], anchors)
        if len(header_lines) - bool(late) >= 3 and not wrapped_label:
            break  # past three lines only a label wrapped in its column goes on
        labels = [a[2] for a in _header_anchors(lines[k])]
        wrapped = _with_wrapped_labels(lines[k], lines[k + 1] if k + 1 < len(lines) else None)
        if not is_subheader_row(labels) and wrapped is not None and is_subheader_row([a[2] for a in _header_anchors(wrapped)]):
            # "s.d." over "Q3": a period label wrapped in its column; its second line joins it
            anchors = _refine(anchors, wrapped, spans)
            period_lines += [lines[k], lines[k + 1]]
            header_lines += [lines[k], lines[k + 1]]
            k += 2
            continue
        if is_subheader_row(labels):
            anchors = _refine(anchors, lines[k], spans)
            period_lines.append(lines[k])
        elif len(labels) >= 2 and all(_COLUMN_NUMBER.match(t) for t in labels):
            number_lines.append(lines[k])  # "(1) (2) (3) …": the columns' numbers, a row of their own
        elif wrapped_label:
            pass  # a label wrapped over several lines (up to six header lines in all)
        elif not (all(role_of(t) is None and not re.search(r"\d", t) for t in labels) and len(labels) <= len(anchors)):
            break
        header_lines.append(lines[k])
        k += 1
    if late and not any(x0 == a[0] for x0, _, _ in spans for a in late):
        # the line over the header is its only when the labels under it refine it (a note, a unit over
        # the table's right edge heads no column): the header read again without it
        return _read_table(lines, start, band, over=False)
    h = statistics.median(ln.height for ln in header_lines)
    body = _collect_body(lines, k, anchors, h, header_lines[-1], numbered_header([a[2] for a in anchors]))
    if not body and len(anchors) >= 3 and _only_footer(lines[k:], header_lines[-1], h):
        return _header_alone(header_lines, anchors, period_lines, number_lines, h, spans), len(lines)
    if not body:
        return None, start + 1
    bounds = _boundaries(anchors, body)
    kept = _until_straddle(body, bounds)
    for _ in range(2):  # lines after the table spoil the whitespace: recompute on the table alone
        if len(kept) == len(body) or not kept:
            break
        body = kept
        bounds = _boundaries(anchors, body)
        kept = _until_straddle(body, bounds)
    if len(kept) < 1:
        return None, start + 1
    rows = _rows(kept, bounds, h)
    # header words go to the label they stand in (labels may be centred over their columns,
    # and the body's boundaries then cut through them)
    top = [w for ln in header_lines if ln not in period_lines and ln not in number_lines for w in ln.words]
    cells_rows: list[list[Cell | None]] = [_label_row(top, anchors, spans)]
    for extra in (period_lines, number_lines):
        if extra:
            cells_rows.append(_label_row([w for ln in extra for w in ln.words], anchors))
    for row_lines in rows:
        ws = [w for ln in row_lines for w in ln.words]
        cells_rows.append([_cell(ws, bounds, c) for c in range(len(bounds) + 1)])
    x0 = min(w.box.x0 for ln in header_lines + kept for w in ln.words)
    x1 = max(w.box.x1 for ln in header_lines + kept for w in ln.words)
    box = Box(x0 - 1, header_lines[0].y0 - 1, x1 + 1, kept[-1].y1 + 1)
    quality = _quality(cells_rows[1:])
    table = Table(box, cells_rows, method=TableMethod.PDF_WORDS, quality=quality,
                  notes=[f"{len(bounds) + 1} columns from header anchors, {len(rows)} rows by line spacing"])
    table.layout = Layout(anchors, bounds, h)
    return table, start + len(header_lines) + len(kept)


def _label_over(lines, start: int, anchors):
    """The line set close over a header's first line with a column label over columns the header
    does not label: ``Realisasi`` over the years ``2021 2020 2019`` that the header's line under it
    leaves, the header's one-line labels set between the two (middle-aligned). None when there is no
    such line; :func:`_read_table` keeps it only when the labels under it refine it. Returned with its
    labels (its anchors)."""
    if start == 0:
        return None, []
    line, header = lines[start - 1], lines[start]
    if header.y0 - line.y1 > OVER_GAP * header.height or _holds_value(line):
        return None, []
    over = _header_anchors(line)
    if not over or any(role_of(a[2]) is None for a in over):
        return None, []
    if {_kind(a[2]) for a in over} & {_kind(b[2]) for b in anchors}:
        return None, []  # a label the header has already ("Realisasi Kinerja" over "... | Realisasi"): a caption
    if any(a[0] < b[1] and b[0] < a[1] for a in over for b in anchors) or min(a[0] for a in over) < max(b[1] for b in anchors):
        return None, []  # over a label of the header, or left of its last: a caption, a title
    return line, over


def _kind(label: str) -> str | None:
    """What a column label is about, its period and year aside (``Realisasi 2021`` and ``Realisasi
    Kinerja`` are both ``realisasi``)."""
    role = role_of(label)
    return None if role is None else re.split(r"[:@]", role)[0]


def _only_footer(rest, above, h: float) -> bool:
    """Nothing under ``above`` but a footer: no line, or a few short ones (a page number) standing far
    below it (further than a table's first row may: :func:`_collect_body`)."""
    return all(len(ln.words) <= 3 for ln in rest) and (not rest or rest[0].y0 - above.y1 > 4.0 * max(h, rest[0].height))


def _over_values(line, below) -> bool:
    """``below`` holds a value and overlaps ``line``: the values of a middle-aligned row set between
    the lines of its wrapped name, ``line`` that name's first line (no label: labels wrapped over
    lines under the header's never overlap a value)."""
    return below is not None and below.y0 < line.y1 and _holds_value(below)


def _header_alone(header_lines, anchors, period_lines, number_lines, h: float, spans=()) -> Table:
    """A header at the foot of the page, its rows all on the next: a table of the header's rows
    whose layout (anchors, no boundaries yet: the rows' whitespace gives them) the next page's
    top goes on with (:func:`_continue_table`)."""
    top = [w for ln in header_lines if ln not in period_lines and ln not in number_lines for w in ln.words]
    rows: list[list[Cell | None]] = [_label_row(top, anchors, spans)]
    rows += [_label_row([w for ln in extra for w in ln.words], anchors) for extra in (period_lines, number_lines) if extra]
    x0 = min(w.box.x0 for ln in header_lines for w in ln.words)
    x1 = max(w.box.x1 for ln in header_lines for w in ln.words)
    table = Table(Box(x0 - 1, header_lines[0].y0 - 1, x1 + 1, header_lines[-1].y1 + 1), rows, method=TableMethod.PDF_WORDS,
                  quality=0.0, notes=[f"{len(anchors)} columns from header anchors, no row under it on this page"])
    table.layout = Layout(anchors, [], h)
    return table


def _collect_body(lines, k: int, anchors, h: float, above, numbered: bool = False) -> list:
    """The lines of a table's body from ``lines[k]`` on: until a wide gap, a new header, the
    place and date of the signatures, or a line of prose across the columns. ``above`` is the
    header's last line (None at the top of a page, where a table goes on from the page before);
    ``numbered``: see :func:`_text_x0`."""
    body: list = []
    centres = [(a[0] + a[1]) / 2 for a in anchors]
    while k < len(lines):
        ln = lines[k]
        prev = body[-1] if body else above
        if prev is not None and ln.y0 - prev.y1 > (2.5 if body else 4.0) * max(h, ln.height):  # more space under a header
            break
        texts = [s.text for s in ln.segments]
        if (body or above is None) and (numbered_header(texts) or (_header_like(texts) and _mostly_labels(texts))
                                        or (body and _stacked_header(lines, k))):
            break  # the next table's header (one line, or lines of labels set over one another)
        if (body or above is None) and (_place_date(ln) or any(_place_date(seg) for seg in ln.segments)):
            break  # "Jakarta, 30 Januari 2024" (beside the other party's label, one piece of the line): the signatures start
        if body and _heading(ln, body[-1], anchors) and not any(_heading(b) for b in body):
            break  # "NILAI KINERJA PEGAWAI": the title of what follows, in a table of rows none so set
        spanning = any(sum(1 for c in centres if _text_x0(seg, numbered) < c < seg.x1) >= 2 for seg in ln.segments)
        starts = [a[0] for a in anchors] + ([x for x, _ in _aligned_starts(body)] if spanning else [])
        if spanning and not any(is_value_line(seg.text) or _holds_values(seg) or _reaches_column(seg, starts) for seg in ln.segments):
            break  # a line running across two columns (a paragraph, a signature heading) ends the table
        body.append(ln)
        k += 1
    return body


_HEADING_WORD = re.compile(r"^\p{Lu}{2,}$")


def _heading(line, above=None, anchors=()) -> bool:
    """A line of bold capitals alone, no number or mark (``NILAI KINERJA PEGAWAI``; not ``A. UTAMA``);
    given the line ``above`` it and the table's ``anchors``, also set apart from that line by more than
    the lines of one cell (a cell's wrapped capitals, "PROGRAM PENUNJANG URUSAN" over "PEMERINTAHAN
    DAERAH", go on with it) and starting in the first column (a programme's name in capitals stands
    in its own)."""
    if len(line.segments) != 1 or not all(w.bold and _HEADING_WORD.match(w.text) for w in line.words):
        return False
    if above is not None and line.y0 - above.y1 <= 0.6 * max(line.height, above.height):  # (a cell's lines: _wrapped_labels)
        return False
    return not anchors or line.x0 < anchors[0][1] + 1.0


_ITEM_MARK = re.compile(r"^(?:\d{1,3}|[a-zA-Z])[.)]$")
_ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")


def _text_x0(segment, numbered: bool = False) -> float:
    """Where a segment's text starts, after a row's item mark set close to it ("3. Program …":
    the mark in the number column, the name in the next; together they are no line across both).
    ``numbered``: the rows are known to open with their number in a column of its own ("1 Akuntabel …"
    under a "No" label), so a bare number is such a mark too."""
    words = segment.words
    if len(words) >= 2 and (_ITEM_MARK.match(words[0].text) or (numbered and _ROW_NUMBER.match(words[0].text))):
        return words[1].box.x0
    return segment.x0


def _mostly_labels(texts: list[str]) -> bool:
    """A repeated header, not a body line that happens to open a cell with a label's word
    (``pelayanan | Layanan | Indikator untuk mengukur``): two known column labels at least, and
    no more unknown texts than known ones."""
    roles = [role_of(t) for t in texts if t.strip()]
    known = sum(1 for r in roles if r is not None)
    return (known >= 2 and known >= len(roles) - known) or (_header_like(texts) and bool(BUDGET_HEADER.search(" ".join(texts))))


def _quality(rows: list[list[Cell | None]]) -> float:
    """Share of rows with at least two filled cells."""
    filled = [sum(1 for c in r if c is not None and c.text) for r in rows]
    return round(sum(1 for f in filled if f >= 2) / len(filled), 3) if filled else 0.0


def _holds_values(segment) -> bool:
    """A run of words set too tight to be cut into cells that still reads as a table row:
    ``4a-CP Tingkat keberhasilan 15,91% 45,45% … 100%`` (a name ending at the next column)."""
    words = segment.text.split()
    if not words or words[0].upper().startswith("NIP"):
        return False
    values = sum(1 for w in words if is_value_line(w))
    return values >= 2 and values >= 0.4 * len(words)


def _reaches_column(segment, starts: list[float]) -> bool:
    """A word after the first starts where a header label starts: a cell set close to the next
    column's cell (``… Kemenkeu 100%`` under ``Target``), not a line of prose across columns."""
    return any(abs(w.box.x0 - x) <= max(2.0, 0.4 * w.box.height) for w in segment.words[1:] for x in starts)  # OCR boxes wander


_ITEM_LETTER = re.compile(r"^[a-z]\.\s")  # "a. Kedelai": an item, not a wrapped line
_PERIOD_WORD = re.compile(r"^(?:I|II|III|IV|Q[1-4]|TW[1-4])$")


def _with_wrapped_labels(line, below):
    """``line`` with the few words of the line just under it that stand under its labels (a
    label wrapped in its column), as one line; None when the next line is no such wrap."""
    if below is None or len(below.words) > 3 or below.y0 - line.y1 > 0.6 * line.height:
        return None
    if not all(any(min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0) > 0 for o in line.words) for w in below.words):
        return None

    return VisualLine(words=sorted([*line.words, *below.words], key=lambda w: (w.box.x0, w.box.y0)))


def _wrapped_labels(line, above, anchors) -> bool:
    """The rest of the header's labels, wrapped in their columns (``Indikator Kinerja`` over
    ``Utama``, ``Target`` over ``IKU``): set as close under the line above as the lines of one
    cell, no number in it, each piece under a label, and nothing in the first column."""
    if line.y0 - above.y1 > 0.6 * max(line.height, above.height) or any(re.search(r"\d", w.text) for w in line.words):
        return False
    pieces = _header_anchors(line)
    under = [next((i for i, a in enumerate(anchors) if a[0] - 2 <= p[0] and p[0] < (anchors[i + 1][0] if i + 1 < len(anchors) else float("inf"))), None) for p in pieces]
    return bool(pieces) and None not in under and 0 not in under and len(set(under)) == len(under)


def _header_anchors(line) -> list[tuple[float, float, str]]:
    """Column labels of a header line: its words cut where the gap is clearly wider than a word
    space (``No  Sasaran  Kode  Indikator Kinerja  Q1 … Smt 1  Q3  s.d. Q3  Q4  Y``)."""
    ws = sorted(line.words, key=lambda w: w.box.x0)
    gaps = [w.box.x0 - prev.box.x1 for prev, w in zip(ws, ws[1:], strict=False)]
    # a word space: the narrow end of the gaps, never more than 0.4 of the line height
    space = min(sorted(gaps)[len(gaps) // 4], 0.4 * line.height) if gaps else 0.0
    limit = max(2 * space, 0.45 * line.height)
    groups = [[ws[0]]]
    for gap, w in zip(gaps, ws[1:], strict=False):
        # two period labels set close ("III IV" over narrow quarter columns) are two labels
        if gap > limit or (gap > 0 and _PERIOD_WORD.match(w.text) and _PERIOD_WORD.match(groups[-1][-1].text) and len(groups[-1]) == 1):
            groups.append([w])
        else:
            groups[-1].append(w)
    top = min(w.box.y0 for w in ws)
    # a label wrapped onto a second line reads top line first
    return [(min(w.box.x0 for w in g), max(w.box.x1 for w in g),
             " ".join(w.text for w in sorted(g, key=lambda w: (w.box.y0 - top > 0.5 * line.height, w.box.x0))))
            for g in groups]


def _until_straddle(body, bounds: list[float]) -> list:
    kept = []
    for ln in body:
        if any(_straddles(w.box, bounds) for w in ln.words) and not _group_heading(ln, bounds) and not _overhangs(ln, bounds):
            break
        kept.append(ln)
    # a heading with no row under it is no heading of the table: the text after it (``Pegawai
    # yang Dinilai`` over the signatures), set a row's space below the last row
    while len(kept) > 1 and _group_heading(kept[-1], bounds) and kept[-1].y0 - kept[-2].y1 > kept[-1].height:
        kept.pop()
    return kept


def _overhangs(line, bounds: list[float]) -> bool:
    """Each word across a boundary only overhangs into a neighbour column that is empty on this
    line (``(Dekonsentrasi)`` centred under ``APBN``, wider than the column's other values), or
    belongs to a value that stands clear of that column's words (a wider amount, right-aligned,
    whose ``Rp`` reaches into the whitespace after a short name): the word stays in the column of
    its centre and the row goes on."""
    cols = [_col(w.box, bounds) for w in line.words]
    phrases = phrase_extents(line.words)
    for w, home in zip(line.words, cols, strict=True):
        if not _straddles(w.box, bounds):
            continue
        crossed = [b for b in bounds if w.box.x0 < b < w.box.x1]
        if len(crossed) != 1:
            return False
        other = home + 1 if crossed[0] > w.box.cx else home - 1
        if not any(c == other for c in cols):
            continue
        # (a phrase stands a word space clear of the words beside it: a value phrase across the
        # boundary is the value's own overhang, never two cells run together)
        x0, x1 = next(((a, b) for a, b in phrases if a <= w.box.cx <= b), (w.box.x0, w.box.x1))
        if not is_value_line(" ".join(v.text for v in sorted(line.words, key=lambda v: v.box.x0) if x0 <= v.box.cx <= x1)):
            return False
    return True


def _place_date(line) -> bool:
    pd = parse_place_date(" ".join(w.text for w in sorted(line.words, key=lambda w: w.box.x0)))
    return pd is not None and pd[0] is not None and pd[1] is not None


def _group_heading(line, bounds: list[float]) -> bool:
    """``A. UTAMA``: one short phrase from the first column, heading the rows under it (it may
    run past the first column's edge)."""
    phrases = phrase_extents(line.words)
    return len(phrases) == 1 and bool(bounds) and phrases[0][0] < bounds[0] and len(line.words) <= 4


def _refine(anchors, sub_line, spans: list | None = None):
    """Replace a spanning anchor ("Target", "Triwulan", "Trajectory") by the labels under it
    (periods; Kegiatan / Output): each belongs to the last top label starting left of it. Each label
    so replaced is noted in ``spans`` (its x0, x1 and its first sub-label's x0: where its words go)."""
    under: dict[int, list] = {}
    sub_labels = _header_anchors(sub_line)
    for sub in sub_labels:
        # the last top label starting left of it (or a little right: a centred label) that it refines
        owner = max((i for i, a in enumerate(anchors) if a[0] - 40 <= sub[0] and role_of(sub[2], a[2])), default=None)
        if owner is not None:
            under.setdefault(owner, []).append(sub)
    for i, subs in sorted(under.items()):
        if not subs:
            continue  # (its one label taken by a label centred over a run it ends)
        # a label centred over a run of labels wider than its reach (Realisasi over 2021 2020 2019) also
        # takes those of the run left of it while that brings the run's middle nearer its own: a label no
        # other label takes, or one a label takes alone (it is not refined by one), standing under no
        # other label (Target Renstra's years under it are its own, though it has no role for them)
        centre = (anchors[i][0] + anchors[i][1]) / 2
        for sub in sorted((s for s in sub_labels if s[0] < subs[0][0]), reverse=True):
            holder = next((j for j, taken in under.items() if sub in taken), None)
            if (holder is not None and len(under[holder]) > 1 or not role_of(sub[2], anchors[i][2])
                    or any(j != i and a[0] <= (sub[0] + sub[1]) / 2 <= a[1] for j, a in enumerate(anchors))
                    or abs((sub[0] + subs[-1][1]) / 2 - centre) >= abs((subs[0][0] + subs[-1][1]) / 2 - centre)):
                break
            if holder is not None:
                under[holder].remove(sub)
            subs.insert(0, sub)
    out = []
    for i, a in enumerate(anchors):
        if len(under.get(i, [])) >= 2:
            out.extend(under[i])
            if spans is not None:
                spans.append((a[0], a[1], under[i][0][0]))
        else:
            out.append(a)
    return sorted(out)


def _boundaries(anchors, body) -> list[float]:
    """One x between each pair of neighbouring columns, in the body's whitespace.

    A label stands over its column (left-aligned with it, or centred on it), so the boundary
    lies between the centres of the two labels; there it is the widest whitespace column (a
    space between two words of one cell, ``3,25 (skala 4)``, is narrower than the gutter).
    Whitespace is where (almost) no line of the body has a phrase: a few stray lines (a place
    and date under the table) may cross it, but a phrase that does stays whole.
    """
    matched = _matched_starts(anchors, body)
    if matched is not None:
        return [x - 0.5 for x in matched[1:]]
    bounds: list[float] = []
    starts = [x for x, _ in _aligned_starts(body)]
    for a, b in zip(anchors, anchors[1:], strict=False):
        lo, hi = (a[0] + a[1]) / 2, (b[0] + b[1]) / 2
        target = (a[1] + b[0]) / 2
        # where the right column's text starts, line after line (a left-aligned column), even
        # when its gutter is no wider than a word space
        aligned = [x for x in starts if lo < x <= hi and _cuts(body, x - 0.5) <= _tolerance(body)]
        if aligned:
            bounds.append(max(aligned) - 0.5)
            continue
        gaps = [g for g in _gaps(body, lo, hi) if g[1] > lo and g[0] < hi]
        if not gaps:
            bounds.append(target)
            continue
        best = max(gaps, key=lambda g: (g[1] - g[0], -abs((g[0] + g[1]) / 2 - target)))
        bound = min(max((best[0] + best[1]) / 2, lo), hi)
        cut = [p1 for ln in body for p0, p1 in phrase_extents(ln.words) if p0 < bound < p1]
        clear = _gaps(body, max(best[0], lo), min(best[1], hi), tolerance=0) if cut else []
        if clear:  # a few lines cross the gutter: cut between their phrases (``71   71`` in IV | Tahunan)
            free = max(clear, key=lambda g: (g[1] - g[0], -abs((g[0] + g[1]) / 2 - target)))
            bound = (free[0] + free[1]) / 2
        elif cut and max(cut) + 0.5 < min(best[1], hi):
            bound = max(cut) + 0.5
        bounds.append(bound)
    for i in range(1, len(bounds)):  # ascending, as _col expects
        bounds[i] = max(bounds[i], bounds[i - 1])
    return bounds


def _aligned_starts(body) -> list[tuple[float, int]]:
    """x positions where words of many lines start (within 1 pt), with how many lines: the
    left edges of left-aligned columns."""
    xs = sorted((w.box.x0, i) for i, ln in enumerate(body) for w in ln.words)
    need = max(3, 0.25 * len(body))
    out: list[tuple[float, int]] = []
    k = 0
    while k < len(xs):
        j = k
        while j + 1 < len(xs) and xs[j + 1][0] - xs[k][0] <= 1.0:
            j += 1
        n = len({i for _, i in xs[k : j + 1]})
        if n >= need:
            out.append((xs[k][0], n))
        k = j + 1
    return out


def _matched_starts(anchors, body) -> list[float] | None:
    """Every column left-aligned: the most used start positions, one per label and in the
    labels' order, each between the neighbouring labels' centres (a header may sit a little
    off its columns), and no boundary through a word. None when that does not hold."""
    starts = _aligned_starts(body)
    n = len(anchors)
    if len(starts) < n or n < 2:
        return None
    top = sorted(x for x, _ in sorted(starts, key=lambda s: -s[1])[:n])
    centres = [(a[0] + a[1]) / 2 for a in anchors]
    for i, x in enumerate(top):
        left = centres[i - 1] if i else float("-inf")
        right = centres[i + 1] if i + 1 < n else float("inf")
        if not left < x < right:
            return None
    if any(_cuts(body, x - 0.5) > _tolerance(body) for x in top[1:]):
        return None
    return top


def _cuts(body, x: float) -> int:
    """How many lines have a word running across ``x``."""
    return sum(1 for ln in body if any(w.box.x0 < x < w.box.x1 for w in ln.words))


def _tolerance(body) -> int:
    """Lines that may cross a column boundary (a place and date under the table)."""
    return max(1, int(0.08 * len(body))) if len(body) >= 4 else 0


def phrase_extents(words: list[Word]) -> list[tuple[float, float]]:
    """The x extents of a line's phrases: words a plain word space apart (``3,25 (skala 4)``)
    stay together, so no column boundary is put inside one."""
    ws = sorted(words, key=lambda w: w.box.x0)
    if not ws:
        return []
    space = 0.35 * statistics.median(w.box.height for w in ws)
    out = [[ws[0].box.x0, ws[0].box.x1]]
    for w in ws[1:]:
        if w.box.x0 - out[-1][1] <= space:
            out[-1][1] = max(out[-1][1], w.box.x1)
        else:
            out.append([w.box.x0, w.box.x1])
    return [(a, b) for a, b in out]


def _gaps(body, lo: float, hi: float, tolerance: int | None = None) -> list[tuple[float, float]]:
    """Intervals between lo and hi (1 pt steps) crossed by at most 8 % of the body's lines
    (or by at most ``tolerance`` lines)."""
    import numpy as np  # noqa: PLC0415

    x0 = int(lo)
    width = max(int(hi) - x0 + 1, 1)
    cover = np.zeros(width, dtype=int)
    for ln in body:
        row = np.zeros(width, dtype=bool)
        for p0, p1 in phrase_extents(ln.words):
            a, b = int(p0) - x0, int(p1 + 1) - x0
            if b > 0 and a < width:
                row[max(a, 0) : min(b, width)] = True
        cover += row
    free = cover <= (_tolerance(body) if tolerance is None else tolerance)
    out: list[tuple[float, float]] = []
    start = None
    for k, f in enumerate(free):
        if f and start is None:
            start = k
        if not f and start is not None:
            out.append((x0 + start, x0 + k))
            start = None
    if start is not None:
        out.append((x0 + start, x0 + width))
    return [g for g in out if g[1] - g[0] >= 2]


def _straddles(box: Box, bounds: list[float]) -> bool:
    """A word lies across a column boundary (not just touching it with its edge)."""
    w = max(box.width, 1.0)
    return any(b - box.x0 > max(2.0, 0.2 * w) and box.x1 - b > max(2.0, 0.2 * w) for b in bounds)


def _col(box: Box, bounds: list[float]) -> int:
    """The column of a word: how many boundaries lie left of its centre (bounds ascend)."""
    return bisect.bisect_left(bounds, box.cx)


def _rows(lines, bounds: list[float], h: float):
    """Group text lines into table rows. A row starts at a wider gap, at a number (or a
    ``Program``/``Kegiatan`` heading) in the first columns, or at a second value in a column
    that holds one value per row (an amount, a target) — OCR may have lost the number."""
    gaps = [b.y0 - a.y1 for a, b in zip(lines, lines[1:], strict=False)]
    positive = sorted(g for g in gaps if g >= 0)  # overlapping lines: a value centred beside a wrapped cell
    inner = positive[len(positive) // 4] if positive else 0.0
    n_cols = len(bounds) + 1
    value_cols = set()
    for c in range(n_cols):
        texts = [" ".join(w.text for w in ln.words if _col(w.box, bounds) == c) for ln in lines]
        texts = [t for t in texts if t]
        if texts and sum(is_value_line(t) for t in texts) >= 0.6 * len(texts) and len(texts) >= 2:
            value_cols.add(c)
    rows = [[lines[0]]]
    for gap, ln in zip(gaps, lines[1:], strict=False):
        lead = sorted((w for w in ln.words if _col(w.box, bounds) <= 1), key=lambda w: w.box.x0)
        so_far = [w.text for x in rows[-1] for w in x.words if _col(w.box, bounds) <= 1]
        numbered = bool(lead) and _col(lead[0].box, bounds) == 0 and bool(ROW_START.match(lead[0].text))
        heading = bool(lead) and lead[0].text in ("Program", "Kegiatan") and not (len(so_far) == 1 and ROW_START.match(so_far[0]))
        here: dict[int, list[str]] = {}
        for w in ln.words:
            here.setdefault(_col(w.box, bounds), []).append(w.text)
        cols_row = {_col(w.box, bounds) for x in rows[-1] for w in x.words}
        # a second whole value in a one-value-per-row column ("(skala" under "3,25" is not one)
        second_value = any(c in cols_row and is_value_line(" ".join(here[c])) for c in value_cols & here.keys())
        # ... unless every text beside it goes on in lower case: a wrapped row whose value wraps too ("34,9" / "4%")
        texts = [" ".join(ws) for c, ws in sorted(here.items()) if c not in value_cols]
        if second_value and texts and all(t[:1].islower() and not _ITEM_LETTER.match(t) for t in texts):
            second_value = False
        if numbered or heading or second_value or gap > inner + 0.35 * h:
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return _centred(rows, value_cols, bounds)


def _centred(rows: list[list[VisualLine]], value_cols: set[int], bounds: list[float]) -> list[list[VisualLine]]:
    """The rows of a table whose cells are middle-aligned: a name wrapped over lines stands centred
    on its row's values, half of it above them, so the lines over a row's values belong to it, not
    to the row before. Told by a line of values set between two text lines, over both, and
    holding nothing in their columns (two lines of a name, the values at their middle:
    top-aligned values share their name's first line, and a box a little taller than the line
    pitch overlaps the next line without standing between two). The text lines at the end of a row
    then go to the next when they stand nearer its values than their own, or, where the row before
    holds no value (a heading, the table's first line, a row of words only), when they overlap its
    top line.

    >>> def line(y, *texts):
    ...     return VisualLine(words=[Word(t, Box(x, y, x + 40, y + 10)) for t, x in zip(texts, (10, 200), strict=False)])
    >>> a, b, c, d = line(0, "Program A"), line(6, "", "95.000"), line(12, "wrapped"), line(30, "Program B")
    >>> # (b: the values between a and c, over both; d: a one-line name with its values)
    >>> b.words = b.words[1:]; e = line(30, "", "70.000"); e.words = e.words[1:]; d.words += e.words
    >>> [[w.text for ln in row for w in ln.words] for row in _centred([[a], [b, c], [d]], {1}, [150.0])]
    [['Program A', '95.000', 'wrapped'], ['Program B', '70.000']]
    """
    def valued(ln: VisualLine) -> bool:
        return any(_col(w.box, bounds) in value_cols for w in ln.words)

    def middle(ln: VisualLine) -> float:
        return (ln.y0 + ln.y1) / 2

    def columns(ln: VisualLine) -> set[int]:
        return {_col(w.box, bounds) for w in ln.words}

    def between(a: VisualLine, b: VisualLine, c: VisualLine) -> bool:
        """``b``, a line of values, set between the text lines ``a`` and ``c``, over both, nothing of it in their columns."""
        return (valued(b) and not valued(a) and not valued(c) and a.y1 > b.y0 and c.y0 < b.y1
                and not (columns(b) & (columns(a) | columns(c))))

    lines = [ln for row in rows for ln in row]
    if not any(between(a, b, c) for a, b, c in zip(lines, lines[1:], lines[2:], strict=False)):
        return rows
    for r in range(1, len(rows)):
        row, before = rows[r], rows[r - 1]
        if not valued(row[0]):
            continue
        values = row[0]
        own = [ln for ln in before if valued(ln)]
        while before and not valued(before[-1]):
            ln = before[-1]
            # (with no value of its own, a line goes when it overlaps the row's top line: its values, or
            # a line already moved over them, so a stack of lines set over one another moves whole)
            nearer = abs(middle(ln) - middle(values)) < abs(middle(ln) - middle(own[-1])) if own else ln.y1 > row[0].y0
            if not nearer:
                break
            row.insert(0, before.pop())
    return [row for row in rows if row]


def _label_row(words: list[Word], anchors, spans=()) -> list[Cell | None]:
    """A header row: each word in the column of the label it stands in, or the nearest one; a word of
    a label refined by the labels under it (``spans``: :func:`_refine`) in the column of the first."""
    def column(w: Word) -> int:
        first = next((x for x0, x1, x in spans if x0 <= w.box.cx <= x1), None)
        if first is not None:
            return min(range(len(anchors)), key=lambda i: abs(anchors[i][0] - first))
        return min(range(len(anchors)), key=lambda i: max(anchors[i][0] - w.box.cx, w.box.cx - anchors[i][1], 0.0))

    by_col: dict[int, list[Word]] = {}
    for w in words:
        by_col.setdefault(column(w), []).append(w)
    return [_cell(by_col.get(c, []), [], 0) for c in range(len(anchors))]


def _cell(words: list[Word], bounds: list[float], c: int) -> Cell:
    mine = [w for w in words if _col(w.box, bounds) == c]
    if not mine:
        return Cell(Box(0, 0, 0, 0))
    box = Box(min(w.box.x0 for w in mine), min(w.box.y0 for w in mine), max(w.box.x1 for w in mine), max(w.box.y1 for w in mine))
    lines: list[tuple[float, list[Word]]] = []
    for w in sorted(mine, key=lambda w: (w.box.cy, w.box.x0)):
        if lines and abs(lines[-1][0] - w.box.cy) < 0.5 * w.box.height:
            lines[-1][1].append(w)
        else:
            lines.append((w.box.cy, [w]))
    out = [(y, " ".join(x.text for x in sorted(ws, key=lambda w: w.box.x0))) for y, ws in lines]
    confs = [w.conf for w in mine if w.conf is not None]
    return Cell(box, " ".join(t for _, t in out), min(confs) if confs else None, out)
