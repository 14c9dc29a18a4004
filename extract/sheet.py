"""Spreadsheets in (XLSX, XLSM, XLS, ODS): every sheet rendered as the text reader's TAB rows,
then every value and issue located back to its cell as ``file!Sheet!B12``.

A sheet is read as it is printed: numbers as their number format shows them (``0%`` shows
0,1498 as ``15%``; an accounting format shows zero as ``-``), in the Indonesian notation the text
reader expects (``1.234.567``, ``34,94``), dates as ``30 Januari 2024``. Hidden rows and columns
are left out (they are not printed), and said so. A formula's cached value is used; a formula
with no cached value (a file saved by a tool that does not compute) is reported.

XLSX and XLSM are read with openpyxl (number formats, merged cells, hidden rows, formulas), and so is
an XLSX saved under another name, as archives hold; XLS (Excel 97-2003) with xlrd, which reads the same
from the old binary format (a BIFF file keeps each formula's last value: one written by a tool that
does not compute holds 0, read as it stands); ODS, and a BIFF file xlrd cannot parse, with
python-calamine, which gives values without their formats.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath

import regex as re
from pydantic import BaseModel

from core.problems import Location, Problem, Severity
from extract.models import MONTH_NAMES_ID, Document, Signature
from extract.text.reader import read_text_documents
from extract.text.tables import header_roles, is_header_row
from normalize.text import collapse, fold_key
from normalize.values import Value

SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
FORMULA_CHECK_MAX_BYTES = 20 * 1024 * 1024  # a second, formula-keeping load of a file larger than this is skipped


class SheetError(Exception):
    """A spreadsheet that cannot be opened; the message is the manifest reason."""


@dataclass
class SheetCell:
    text: str
    ref: str  # "B12"
    stored_number: bool = False  # the cell holds a number, not text: its "1.250" is the format's grouping, no doubt


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


@dataclass
class Sheet:
    """One sheet as printed: its visible rows (row number, cells) and what was left out."""

    name: str
    rows: list[tuple[int, list[SheetCell]]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)
    uncomputed: list[str] = field(default_factory=list)  # refs of formulas without a cached value
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (first row, first col, last row, last col)
    images: list[int] | None = None  # the rows pictures are anchored at (None: not known, as calamine reads)


# --- numbers as their format shows them -------------------------------------------------------


def display(value: object, number_format: str = "General") -> str:
    """A cell's value as the sheet shows it, in Indonesian notation.

    >>> display(1234567), display(0.1498, "0%"), display(34.944, "0.00"), display(0.9)
    ('1234567', '15%', '34,94', '0,9')
    >>> display(19869930990.0, '_(* #,##0_);_(* \\\\(#,##0\\\\);_(* "-"_);_(@_)'), display(0, '_(* #,##0_);_(* \\\\(#,##0\\\\);_(* "-"_);_(@_)')
    ('19.869.930.990', '-')
    >>> display(-5, "#,##0;(#,##0)"), display(14.987244897959181), display(dt.date(2024, 1, 30))
    ('(5)', '14,9872449', '30 Januari 2024')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.day} {MONTH_NAMES_ID[value.month - 1]} {value.year}"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float | Decimal):
        return _number(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), number_format or "General")
    return collapse(str(value))


_SECTION_SPLIT = re.compile(r';(?=(?:[^"]*"[^"]*")*[^"]*$)')
_LITERAL = re.compile(r'"([^"]*)"|\\(.)|_.|\*.|\[[^\]]*\]')


def _number(v: Decimal, fmt: str) -> str:
    sections = _SECTION_SPLIT.split(fmt)
    if fmt.strip().casefold() == "general" or not fmt.strip():
        return _general(v)
    if v < 0 and len(sections) >= 2:
        section, v = sections[1], -v
    elif v == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
    literal = _LITERAL.sub(lambda m: m.group(1) if m.group(1) is not None else (m.group(2) or ""), section)
    if not re.search(r"[0#?]", literal):
        return literal.strip() or _general(v)
    if "%" in literal:
        v = v * 100
    number = re.search(r"[#0?,.]*[0#?][#0?,.]*", literal)
    assert number is not None
    spec = number.group(0)
    whole, _, frac = spec.partition(".")
    places = sum(ch in "0#?" for ch in frac)
    text = _grouped(v, places, thousands="," in whole)
    return (literal[: number.start()] + text + literal[number.end():]).strip()


def _grouped(v: Decimal, places: int, *, thousands: bool) -> str:
    q = v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + frac if frac else "")


def _general(v: Decimal) -> str:
    """Excel's General format: a whole number as is, else up to ten significant digits."""
    if v == v.to_integral_value():
        return f"{int(v)}"
    digits = max(0, 10 - len(str(int(abs(v)))))
    q = v.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP).normalize()
    return f"{q:f}".replace(".", ",")


# --- reading the workbook ---------------------------------------------------------------------


def column_letter(index: int) -> str:
    """1-based column index to its letters: 1 -> A, 28 -> AB."""
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def read_workbook(data: bytes, suffix: str) -> list[Sheet]:
    """Every visible sheet of the workbook, as printed (raises :class:`SheetError`)."""
    if suffix in (".xlsx", ".xlsm") or _is_ooxml(data):
        return _openpyxl_sheets(data)
    if data[:8] == _BIFF_MAGIC:
        try:
            return _xlrd_sheets(data)
        except SheetError:
            pass  # (a container xlrd will not parse may still give calamine its values)
    return _calamine_sheets(data)


#: The first bytes of an OLE2 compound file, the container of an Excel 97-2003 (BIFF) workbook
_BIFF_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def _is_ooxml(data: bytes) -> bool:
    """An Office Open XML workbook (XLSX, XLSM), whatever the file is called."""
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "xl/workbook.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _openpyxl_sheets(data: bytes) -> list[Sheet]:
    import openpyxl  # noqa: PLC0415 - only spreadsheets need it
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise SheetError(f"unreadable spreadsheet: {type(exc).__name__}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a zip that is not a workbook, a broken part: the file's reason
        raise SheetError(f"unreadable spreadsheet: {type(exc).__name__}: {exc}") from None
    formulas = _formula_cells(data) if len(data) <= FORMULA_CHECK_MAX_BYTES else {}
    sheets = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = Sheet(ws.title)
        sheet.merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        sheet.images = [_anchor_row(img) for img in getattr(ws, "_images", [])]  # openpyxl keeps them there only
        hidden_cols = {k for k, d in ws.column_dimensions.items() if d.hidden}
        sheet.hidden_columns = sorted(hidden_cols, key=lambda c: (len(c), c))
        for row in ws.iter_rows():
            if not row:
                continue
            r = row[0].row
            dim = ws.row_dimensions.get(r)
            cells = [c for c in row if column_letter(c.column) not in hidden_cols]
            texts = [SheetCell(display(c.value, c.number_format), c.coordinate, _is_number(c.value)) for c in cells]
            if dim is not None and dim.hidden:
                if any(t.text for t in texts):
                    sheet.hidden_rows.append(r)
                continue
            for c in cells:
                if c.value is None and c.coordinate in formulas.get(ws.title, set()):
                    sheet.uncomputed.append(c.coordinate)
            sheet.rows.append((r, texts))
        sheets.append(sheet)
    return sheets


def _anchor_row(image: object) -> int:
    """The 1-based row a picture's top-left corner is anchored at (0 when unknown)."""
    anchor = getattr(image, "anchor", None)
    start = getattr(anchor, "_from", None)
    return int(getattr(start, "row", -1)) + 1


def _formula_cells(data: bytes) -> dict[str, set[str]]:
    """The cells of each sheet that hold a formula (a second load that keeps formulas)."""
    import openpyxl  # noqa: PLC0415

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except Exception:  # noqa: BLE001 - the values were read; without this check nothing is lost
        return {}
    out: dict[str, set[str]] = {}
    for ws in wb.worksheets:
        refs = set()
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("=") and hasattr(c, "coordinate"):
                    refs.add(c.coordinate)
        out[ws.title] = refs
    wb.close()
    return out


def _xlrd_sheets(data: bytes) -> list[Sheet]:
    """An Excel 97-2003 workbook as printed: its number formats, merged cells, hidden rows and columns."""
    import xlrd  # (only .xls files need it)

    try:
        # (a container whose sector chains overlap, as some writers leave them, is read all the same, as
        # calamine reads it; xlrd's own log would go to stdout, which a sandbox keeps for its replies)
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  ignore_workbook_corruption=True, logfile=io.StringIO())
    except Exception as exc:  # noqa: BLE001 - xlrd's own errors and a broken stream: the file's reason
        raise SheetError(f"unreadable spreadsheet: {type(exc).__name__}: {exc}") from None

    def value(ws: xlrd.sheet.Sheet, r: int, c: int) -> tuple[object, str]:
        cell = ws.cell(r, c)
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
        fmt_str = fmt.format_str if fmt is not None else "General"
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None, fmt_str
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                when = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                return (when.time() if 0 <= cell.value < 1 else when), fmt_str  # (a time of day alone: 12:00)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return cell.value, "General"  # a date out of Excel's range: the number stored
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value), fmt_str
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(cell.value, "#ERR"), fmt_str
        return cell.value, fmt_str

    sheets = []
    try:
        for k in range(book.nsheets):
            ws = book.sheet_by_index(k)
            if ws.visibility != 0:  # 1 hidden, 2 very hidden
                continue
            sheet = Sheet(ws.name)
            sheet.merged = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in ws.merged_cells]  # (xlrd's ends are exclusive)
            hidden_cols = {c for c, info in ws.colinfo_map.items() if info.hidden}
            sheet.hidden_columns = [column_letter(c + 1) for c in sorted(hidden_cols)]
            for r in range(ws.nrows):
                cells = [SheetCell(display(*(v := value(ws, r, c))), f"{column_letter(c + 1)}{r + 1}", _is_number(v[0]))
                         for c in range(ws.ncols) if c not in hidden_cols]
                info = ws.rowinfo_map.get(r)
                if info is not None and info.hidden:
                    if any(t.text for t in cells):
                        sheet.hidden_rows.append(r + 1)
                    continue
                sheet.rows.append((r + 1, cells))
            sheets.append(sheet)
    except Exception as exc:  # noqa: BLE001 - a record xlrd cannot parse: the file's reason
        raise SheetError(f"unreadable spreadsheet: {type(exc).__name__}: {exc}") from None
    finally:
        book.release_resources()
    return sheets


def _calamine_sheets(data: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine's own error types: the file's reason
        raise SheetError(f"unreadable spreadsheet: {exc}") from None
    sheets = []
    for name in wb.sheet_names:
        try:
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # noqa: BLE001
            raise SheetError(f"unreadable sheet {name!r}: {exc}") from None
        sheet = Sheet(name)
        try:
            ranges = wb.get_sheet_by_name(name).merged_cell_ranges or []
        except Exception:  # noqa: BLE001 - a format calamine keeps no merges for: the header as printed
            ranges = []
        sheet.merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges]
        for r, values in enumerate(rows, start=1):
            sheet.rows.append((r, [SheetCell(display(v if v != "" else None), f"{column_letter(c)}{r}", _is_number(v))
                                   for c, v in enumerate(values, start=1)]))
        sheets.append(sheet)
    return sheets


# --- the rendering and its way back ----------------------------------------------------------


@dataclass
class Rendering:
    text: str
    rows: dict[int, tuple[str, list[SheetCell]]]  # rendering line -> (sheet, the row's cells)
    # per sheet, each folded header's first row and its columns' roles (column number -> role), top to bottom
    roles: dict[str, list[tuple[int, dict[int, str]]]] = field(default_factory=dict)


_NUMBERING_CELL = re.compile(r"^\(?\d{1,2}\)?(?:\s*=\s*[\d\s+\-x*/×:()]+)?$")
_UNIT_LABELS = frozenset({"k", "rp", "rp.", "(rp)", "%", "(%)", "kinerja", "keuangan", "fisik", "volume", "satuan", "vol", "vol."})


def _column(ref: str) -> int:
    """A cell reference's 1-based column: ``AB12`` -> 28."""
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + ord(ch.upper()) - 64
    return n


def _numbering_row(texts: list[str]) -> bool:
    """The row under a header that numbers its columns: ``1 2 3``, ``(1) (2) (3)``, ``13 = 9 + 10``."""
    filled = [t for t in texts if t]
    return len(filled) >= 3 and all(_NUMBERING_CELL.match(t) for t in filled) and any(t.strip("()").isdigit() for t in filled)


def header_bands(sheet: Sheet) -> dict[int, dict[int, str] | None]:
    """The header rows of the sheet's tables, folded into the rows the text reader understands.

    A header starts at a row that names an indicator column (:func:`extract.text.tables.is_header_row`)
    and goes on over the rows its merged cells reach down to, the numbering rows under it (``1 2 3``,
    ``(1) (2)``, ``13 = 9 + 10 + 11 + 12``: skipped) and the rows of unit labels (K, Rp, %). Each
    column's labels, top to bottom, are those of the cells stacked over it, a merged cell's label
    standing over every column it spans; a label repeated down a merged cell counts once. The
    labels are then laid out as a printed header shows them: the top label, the period under it,
    the unit (K, Rp, %) last, each at the first column it spans. Returns, per header row, its
    labels by column, or None for a row folded away; a header of one row is left as it is.

    >>> sheet = Sheet("S", [(1, [SheetCell("No", "A1"), SheetCell("Indikator", "B1"), SheetCell("Realisasi Triwulan", "C1"), SheetCell("", "D1")]),
    ...                     (2, [SheetCell("", "A2"), SheetCell("", "B2"), SheetCell("I", "C2"), SheetCell("", "D2")]),
    ...                     (3, [SheetCell("(1)", "A3"), SheetCell("(2)", "B3"), SheetCell("(3)", "C3"), SheetCell("", "D3")]),
    ...                     (4, [SheetCell("", "A4"), SheetCell("", "B4"), SheetCell("K", "C4"), SheetCell("Rp", "D4")])],
    ...               merged=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (2, 3, 2, 4)])
    >>> header_bands(sheet)
    {1: {1: 'No', 2: 'Indikator', 3: 'Realisasi Triwulan'}, 2: {3: 'I'}, 3: {3: 'K', 4: 'Rp'}, 4: None}
    """
    texts = {r: {_column(c.ref): c.text for c in cells if c.text} for r, cells in sheet.rows}
    order = [r for r, _ in sheet.rows]
    visible = {_column(c.ref) for _, cells in sheet.rows for c in cells}
    owner: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for m in sheet.merged:
        for r in range(m[0], m[2] + 1):
            for c in range(m[1], m[3] + 1):
                owner[(r, c)] = m
    bands: dict[int, dict[int, str] | None] = {}
    k = 0
    while k < len(order):
        r = order[k]
        if not texts[r] or not is_header_row(list(texts[r].values())):
            k += 1
            continue
        band, reach, j = [r], max((m[2] for m in sheet.merged if m[0] == r), default=r), k + 1
        while j < len(order):
            nxt = order[j]
            labels = list(texts[nxt].values())
            numbering = _numbering_row(labels)
            units = bool(labels) and all(t.casefold() in _UNIT_LABELS for t in labels)
            if nxt > reach and not numbering and not units:
                break
            band.append(nxt)
            reach = max(reach, max((m[2] for m in sheet.merged if m[0] == nxt), default=nxt))
            j += 1
        label_rows = [b for b in band if not _numbering_row(list(texts[b].values()))]
        if len(label_rows) > 1:
            bands.update(_fold(band, label_rows, texts, visible, owner))
        k = j
    return bands


def _fold(band: list[int], label_rows: list[int], texts: dict[int, dict[int, str]], visible: set[int],
          owner: dict[tuple[int, int], tuple[int, int, int, int]]) -> dict[int, dict[int, str] | None]:
    columns = sorted(visible)
    # each column's stack of (label, the cell or merge it comes from), top to bottom
    stacks: dict[int, list[tuple[str, tuple[int, int, int, int]]]] = {}
    for c in columns:
        stack: list[tuple[str, tuple[int, int, int, int]]] = []
        for r in label_rows:
            m = owner.get((r, c), (r, c, r, c))
            label = texts.get(m[0], {}).get(m[1], "") if m[0] in label_rows else ""  # not a number's merge
            if label and (not stack or stack[-1][1] != m):
                stack.append((label, m))
        stacks[c] = stack
    depth = min(3, max(len(s) for s in stacks.values()))
    out: list[dict[int, str]] = [{} for _ in range(depth)]
    printed: set[tuple[int, tuple[int, int, int, int]]] = set()
    for c, stack in stacks.items():
        if not stack:
            continue
        unit = stack[-1] if len(stack) > 1 and stack[-1][0].casefold() in _UNIT_LABELS else None
        levels = stack[:-1] if unit else stack
        placed = levels[: depth - 1] if unit else levels[:depth]
        for level, (label, m) in enumerate(placed):
            if (level, m) not in printed:  # at the first visible column it spans
                printed.add((level, m))
                out[level][c] = label
        if unit:
            out[depth - 1][c] = unit[0]
    folded: dict[int, dict[int, str] | None] = dict.fromkeys(band)
    for level, labels in enumerate(out):
        folded[band[level]] = labels
    return folded


_CAPTION = re.compile(r"^[^\W\d][\w ./()-]{1,40}?\s*:\s*\S")


def lines_of_text(sheet: Sheet, headers: dict[int, dict[int, str] | None] | None = None) -> set[int]:
    """The rows of one value, wherever it stands, that are text and no table row: those outside a
    table (right above or under no row of several values, as a signature block set apart under the
    table), and a caption that names a field and its value (``Perangkat Daerah : Dinas …``). A row
    of one value right against a row of several is a table row that prints one cell (a sebutan
    under its score).

    >>> rows = [(1, [SheetCell("", "A1"), SheetCell("", "B1"), SheetCell("Bupati Contoh", "C1")]),
    ...         (2, [SheetCell("No", "A2"), SheetCell("Indikator", "B2"), SheetCell("Target", "C2")]),
    ...         (3, [SheetCell("", "A3"), SheetCell("Unit : Dinas Uji", "B3"), SheetCell("", "C3")]),
    ...         (4, [SheetCell("1", "A4"), SheetCell("", "B4"), SheetCell("Catatan", "C4")]),
    ...         (5, [SheetCell("2", "A5"), SheetCell("IKM", "B5"), SheetCell("80", "C5")]),
    ...         (6, [SheetCell("", "A6"), SheetCell("", "B6"), SheetCell("(Baik)", "C6")]),
    ...         (8, [SheetCell("", "A8"), SheetCell("", "B8"), SheetCell("Kepala", "C8")])]
    >>> sorted(lines_of_text(Sheet("S", rows)))
    [3, 8]
    """
    headers = headers or {}
    filled = [(r, [c.text for c in cells if c.text]) for r, cells in sheet.rows]
    filled = [(r, t) for r, t in filled if t and headers.get(r, {}) is not None]
    out = set()
    for k, (r, texts) in enumerate(filled):
        if len(texts) != 1:
            continue
        before = k > 0 and filled[k - 1][0] == r - 1 and len(filled[k - 1][1]) > 1
        after = k + 1 < len(filled) and filled[k + 1][0] == r + 1 and len(filled[k + 1][1]) > 1
        if not (before or after) or _CAPTION.match(texts[0]):
            out.add(r)
    return out


#: a row that opens with one of these is a note to the table, never a heading over its rows
_NOTE = re.compile(r"^(?:catatan|keterangan|ket\.|sumber(?:\s+data)?|nb|\*)\s*[:.)]?", re.IGNORECASE)


def heading_bands(sheet: Sheet, headers: dict[int, dict[int, str] | None] | None = None) -> set[int]:
    """The rows of one value in the table's first column with a row of several values right above
    and right below (a header's included): a heading printed across the table over the rows under
    it (a sasaran set as a band over its indicators, often one cell merged across the row). Such a
    row stays a row of the table, its text in the first column, where the reader of tables takes
    it for a heading; set as a line of text, it was passed over and the indicators under it had no
    sasaran (generated workbooks, seeds 1 and 2: 269 sasaran lost in 260 files). A note between two
    rows (``Catatan: …``, ``Keterangan …``) is no heading.

    >>> rows = [(1, [SheetCell("Judul", "A1"), SheetCell("", "B1"), SheetCell("", "C1")]),
    ...         (2, [SheetCell("No", "A2"), SheetCell("Indikator", "B2"), SheetCell("Target", "C2")]),
    ...         (3, [SheetCell("Meningkatnya mutu layanan", "A3"), SheetCell("", "B3"), SheetCell("", "C3")]),
    ...         (4, [SheetCell("1", "A4"), SheetCell("IKM", "B4"), SheetCell("80", "C4")]),
    ...         (5, [SheetCell("", "A5"), SheetCell("(Baik)", "B5"), SheetCell("", "C5")]),
    ...         (6, [SheetCell("2", "A6"), SheetCell("IPM", "B6"), SheetCell("70", "C6")]),
    ...         (7, [SheetCell("Catatan: diukur tiap semester", "A7"), SheetCell("", "B7"), SheetCell("", "C7")]),
    ...         (8, [SheetCell("3", "A8"), SheetCell("IPG", "B8"), SheetCell("90", "C8")])]
    >>> sorted(heading_bands(Sheet("S", rows)))
    [3]
    """
    headers = headers or {}
    filled = [[i for i, c in enumerate(cells) if c.text] for _, cells in sheet.rows]  # each row's columns with text

    def several(k: int) -> bool:  # (a header's row, folded or not, is one of several labels)
        return sheet.rows[k][0] in headers or len(filled[k]) > 1

    out = set()
    for k in range(1, len(sheet.rows) - 1):
        r, cells = sheet.rows[k]
        here = filled[k]
        if len(here) != 1 or r in headers or _NOTE.match(cells[here[0]].text):
            continue
        if not (sheet.rows[k - 1][0] == r - 1 and sheet.rows[k + 1][0] == r + 1 and several(k - 1) and several(k + 1)):
            continue
        if here[0] == min(filled[k - 1] + filled[k + 1], default=here[0]):  # in the table's first column
            out.add(r)
    return out


def _band_roles(headers: dict[int, dict[int, str] | None]) -> list[tuple[int, dict[int, str]]]:
    """Each folded header's first row and the role of each of its columns, as the text reader gives them."""
    out: list[tuple[int, dict[int, str]]] = []
    band: list[tuple[int, dict[int, str]]] = []
    rows = sorted(headers)
    for k, r in enumerate(rows):
        if headers[r] is not None:
            band.append((r, headers[r] or {}))
        if band and (k + 1 == len(rows) or rows[k + 1] != r + 1):  # the band's last row
            columns = sorted({c for _, labels in band for c in labels})
            if columns:
                span = range(columns[0], columns[-1] + 1)
                found = header_roles([[labels.get(c, "") for c in span] for _, labels in band])
                out.append((band[0][0], {c: role for c, role in zip(span, found, strict=True) if role}))
            band = []
    return out


def render(sheets: list[Sheet]) -> Rendering:
    """The sheets as one text rendering: a row with one value is a line of text (a title), any
    other row a TAB row over the sheet's used columns; each sheet a page of its own.

    The rendering's lines are numbered as :func:`extract.text.segment.read_lines` numbers them: a
    page break ends a line and takes none of its own (an empty sheet is one empty line), so the
    row of every line, on every sheet, is known.

    >>> r = render([Sheet("A", [(1, [SheetCell("x", "A1")])]), Sheet("B", [(3, [SheetCell("y", "A3"), SheetCell("z", "B3")])])])
    >>> r.text, {n: (s, [c.ref for c in cells]) for n, (s, cells) in r.rows.items()}
    ('x\\x0cy\\tz', {1: ('A', ['A1']), 2: ('B', ['A3', 'B3'])})
    """
    pages: list[str] = []
    rows: dict[int, tuple[str, list[SheetCell]]] = {}
    roles: dict[str, list[tuple[int, dict[int, str]]]] = {}
    line_no = 0
    for sheet in sheets:
        lines: list[str] = []
        used = [i for _, cells in sheet.rows for i, c in enumerate(cells) if c.text]
        if used:
            first, last = min(used), max(used)
            headers = header_bands(sheet)
            lone = lines_of_text(sheet, headers)
            bands = heading_bands(sheet, headers)
            roles[sheet.name] = _band_roles(headers)
            for r, cells in sheet.rows:
                span = cells[first : last + 1]
                if r in headers:
                    labels = headers[r]
                    if labels is None:  # a header row folded into the band's first rows
                        lines.append("\t" * max(1, len(span) - 1))
                        continue
                    rows[line_no + len(lines) + 1] = (sheet.name, span)
                    lines.append("\t".join(labels.get(_column(c.ref), "") for c in span))
                    continue
                filled = [c for c in span if c.text]
                if not filled:
                    lines.append("")
                    continue
                rows[line_no + len(lines) + 1] = (sheet.name, span)
                lines.append(filled[0].text if len(filled) == 1 and r not in bands and (span.index(filled[0]) <= 1 or r in lone) else
                             "\t".join(c.text for c in span))
        pages.append("\n".join(lines))
        line_no += max(1, len(lines))
    return Rendering("\f".join(pages), rows, roles)


def read_sheets(data: bytes, source_file: str, stem: str, suffix: str) -> tuple[list[Document], list[Problem]]:
    """Every document in a workbook, located by cell; and the problems of the workbook itself
    (hidden rows left out, formulas without a cached value), each at its cell."""
    sheets = read_workbook(data, suffix)
    rendering = render(sheets)
    issues = _workbook_issues(sheets, source_file)
    docs = read_text_documents(rendering.text, source_file, stem)
    marks = _SheetMarks.of(sheets)
    numbers = {(s.name, c.ref) for s in sheets for _, cells in s.rows for c in cells if c.stored_number}
    for doc in docs:
        doc.pages = len({s for s, _ in rendering.rows.values()}) or None
        _relocate(doc, lambda loc, owner: _cell_location(loc, owner, rendering, source_file))
        _no_separator_doubt(doc, numbers)
        _signatures(doc, marks)
        doc.issues.extend(issues)
        doc.settle_status()
    return docs, issues


def _no_separator_doubt(doc: Document, numbers: set[tuple[str | None, str | None]]) -> None:
    """A value read from a cell that stores a number has no ``ambiguous_separator`` doubt: its ``1.250``
    is the cell's format grouping 1250, not a writer's notation (a number typed as text keeps it). Dropped
    from the values (``value.issues``) and from the document's issues at those cells, in place."""
    def at_number(loc: Location) -> bool:
        return (loc.sheet, loc.ref) in numbers

    doc.issues[:] = [p for p in doc.issues if not (p.check == "ambiguous_separator" and at_number(p.location))]
    for model in _models(doc):
        value, loc = getattr(model, "value", None), getattr(model, "location", None)
        if isinstance(value, Value) and isinstance(loc, Location) and at_number(loc) and not model.model_config.get("frozen") \
                and any(i.check == "ambiguous_separator" for i in value.issues):
            model.value = value.model_copy(update={"issues": tuple(i for i in value.issues if i.check != "ambiguous_separator")})


SIGNATURE_ROWS_ABOVE = 6  # a picture anchored this many rows above a signer's name, or up to a row below, signs it


@dataclass(frozen=True)
class _SheetMarks:
    """What the signature evidence reads of a workbook, counted once for all its documents: each
    sheet's picture rows (None where the reader keeps no pictures) and filled cells per row."""

    images: dict[str, list[int] | None]
    filled: dict[str, dict[int, int]]
    alone: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # a text alone in its row -> (sheet, row)

    @classmethod
    def of(cls, sheets: list[Sheet]) -> _SheetMarks:
        if all(s.images is None for s in sheets):
            return cls({}, {})  # XLS, ODS: nothing to look for
        alone: dict[str, list[tuple[str, int]]] = {}
        for s in sheets:
            for r, cells in s.rows:
                texts = [c.text for c in cells if c.text.strip()]
                if len(texts) == 1:
                    alone.setdefault(fold_key(texts[0]), []).append((s.name, r))
        return cls({s.name: s.images for s in sheets},
                   {s.name: {r: sum(bool(c.text.strip()) for c in cells) for r, cells in s.rows} for s in sheets}, alone)


def _signatures(doc: Document, marks: _SheetMarks) -> None:
    """A signer is signed (IMAGE) when a picture (a scanned signature, a stamp) is anchored over the
    name on each of their signature lines: from :data:`SIGNATURE_ROWS_ABOVE` rows above it to the
    row below; unsigned (NONE) when some line has none. A signature line is a row where the name
    stands alone: the party's own row, else (a party read from an identity table, "Nama | …") the
    rows on the document's sheets where the name stands alone. A name alone on no row (two signers'
    names side by side in one row) is signed by a picture over its own row, else not judged; nor is
    anything where the reader keeps no pictures (XLS, ODS), nor a data row of an e-Kinerja export."""
    images, filled = marks.images, marks.filled
    sheets = _sheets_of(doc)
    for party in doc.parties:
        loc = party.location
        if party.signature is not None or not loc.ref or images.get(loc.sheet or "") is None:
            continue
        row = int(re.sub(r"\D", "", loc.ref.split(":")[0]) or 0)
        if filled.get(loc.sheet or "", {}).get(row) == 1:
            lines = [(loc.sheet or "", row)]
        else:
            lines = [(sh, r) for sh, r in marks.alone.get(fold_key(party.name), []) if sh in sheets]
        if not lines:  # the name alone on no row (names side by side in one row): a picture over it still signs it
            if any(row - SIGNATURE_ROWS_ABOVE <= a <= row + 1 for a in images.get(loc.sheet or "") or []):
                party.signature = Signature.IMAGE
            continue
        found = [(images.get(sh), r) for sh, r in lines]
        if any(pictures is None for pictures, _ in found):
            continue
        signed = all(any(r - SIGNATURE_ROWS_ABOVE <= a <= r + 1 for a in pictures) for pictures, r in found)
        party.signature = Signature.IMAGE if signed else Signature.NONE


def _sheets_of(doc: Document) -> set[str]:
    """The sheets a document's values, rows and people were read from."""
    return {loc.sheet for loc in _locations(doc) if loc.sheet}


def _locations(model: BaseModel) -> Iterator[Location]:
    """Every :class:`Location` inside ``model`` (fields, lists, nested models), read only: the walk
    :func:`_relocate` makes to replace them."""
    for m in _models(model):
        if isinstance(m, Location):
            yield m


def _models(model: BaseModel) -> Iterator[BaseModel]:
    """``model`` and every model inside it (fields, lists, nested models), depth first."""
    yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, BaseModel):
                yield from _models(item)


def _workbook_issues(sheets: list[Sheet], file: str) -> list[Problem]:
    out = []
    for s in sheets:
        if s.hidden_rows:
            out.append(Problem(
                check="hidden_rows_skipped", severity=Severity.INFO,
                message=f"{len(s.hidden_rows)} hidden rows with values left out (rows "
                        f"{', '.join(map(str, s.hidden_rows[:20]))}{' …' if len(s.hidden_rows) > 20 else ''})",
                location=Location(file=file, sheet=s.name, ref=f"{s.hidden_rows[0]}:{s.hidden_rows[0]}"),
            ))
        if s.hidden_columns:
            out.append(Problem(
                check="hidden_columns_skipped", severity=Severity.INFO,
                message=f"hidden columns left out: {', '.join(s.hidden_columns)}",
                location=Location(file=file, sheet=s.name, ref=f"{s.hidden_columns[0]}:{s.hidden_columns[0]}"),
            ))
        for ref in s.uncomputed:
            out.append(Problem(
                check="formula_without_value", severity=Severity.WARNING,
                message="the cell holds a formula the file was saved without computing: its value is unknown",
                location=Location(file=file, sheet=s.name, ref=ref),
            ))
    return out


def _cell_location(loc: Location, owner: BaseModel, rendering: Rendering, file: str) -> Location:
    """The rendering's line made a sheet and cell: the cell that holds the location's raw text (or,
    for an indicator, party or budget line, its name), else the whole row."""
    if loc.sheet is not None or loc.line is None:
        return loc
    hit = rendering.rows.get(loc.line)
    if hit is None:
        return loc
    sheet, cells = hit
    row = int(re.sub(r"\D", "", cells[0].ref)) if cells else None
    ref = f"{row}:{row}"
    wanted = collapse(loc.cell or getattr(owner, "name", None) or "")
    if wanted:
        same = [c for c in cells if collapse(c.text) == wanted]
        if len(same) > 1 and loc.column:  # the same text in several columns: the one under the value's own
            bands = [b for start, b in rendering.roles.get(sheet, []) if row is not None and start < row]
            if bands:
                same = [c for c in same if bands[-1].get(_column(c.ref)) == loc.column] or same
        found = same[0] if same else None
        found = found or next((c for c in cells if wanted in collapse(c.text)), None)
        if found is not None:
            ref = found.ref
    return loc.model_copy(update={"file": file, "sheet": sheet, "ref": ref, "line": None, "page": None})


def _relocate(model: BaseModel, fix: Callable[[Location, BaseModel], Location]) -> BaseModel:
    """``model`` with every :class:`Location` inside it (fields, lists, nested models) replaced by
    ``fix(loc, the model holding it)``: changed in place, or copied where the model is frozen."""
    updates = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Location):
            updates[name] = fix(value, model)
        elif isinstance(value, BaseModel):
            new = _relocate(value, fix)
            if new is not value:
                updates[name] = new
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Location):
                    value[i] = fix(item, model)
                elif isinstance(item, BaseModel):
                    value[i] = _relocate(item, fix)
    if not updates:
        return model
    if model.model_config.get("frozen"):
        return model.model_copy(update=updates)
    for name, value in updates.items():
        setattr(model, name, value)
    return model


def is_sheet(path: PurePath, data: bytes) -> bool:
    """A spreadsheet by its name, or by its bytes: an OOXML zip with a workbook part, an OLE2 file."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        return True
    return (data[:4] == b"PK\x03\x04" and b"xl/workbook" in data[:65536]) or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
