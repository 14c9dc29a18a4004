"""The workbook for people: one sheet per table, typed cells, Indonesian display formats.

* Sheets: Dokumen, Pihak, Indikator, Target, Anggaran, Temuan, Skor, Isu (the rows of
  :mod:`emit.rows` and :mod:`emit.findings`, columns as in the CSV files), each with a frozen
  header row and an auto-filter.
* Numbers are numbers: rupiah amounts are exact integers (``#,##0``), other integers plain
  (``0``, so a year is not grouped), decimal strings (``34.94``) become numeric cells with their
  own decimals, percents keep their value (34.94, not 0.3494) and show two decimals and a
  ``%``. Number formats are locale-neutral: Excel in an Indonesian locale shows
  ``7.315.466.938.000`` and ``34,94%``.
* NIPs and identifiers stay text (an 18-digit NIP would lose digits as a number).
* Text that a spreadsheet could take for a formula (``=``, ``+``/``-`` not a number, ``@``,
  tab, CR) is stored as a string cell with Excel's quote prefix, never as a formula.
* Status cells are coloured: ok / partial / failed / skipped, hijau / kuning / merah, and the
  severity of findings.
* Written to a temporary file and renamed into place.
"""

from __future__ import annotations

import contextlib

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from emit.findings import FindingRow, ScoreRow, consistency_rows, finding_rows
from emit.rows import TABLES, all_tables, issue_row
from emit.writers import atomic_path
from report.fmt import parse_plain

if TYPE_CHECKING:
    from pipeline.models import RunResult

WORKBOOK_NAME = "kinerja.xlsx"
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

AMOUNT_FORMAT = "#,##0"
INTEGER_FORMAT = "0"
PERCENT_FORMAT = '#,##0.00"%"'
TEXT_FORMAT = "@"


class ColumnKind(Enum):
    TEXT = "text"
    CODE = "code"  # text that must never become a number (NIP)
    INTEGER = "integer"
    AMOUNT = "amount"  # exact rupiah
    DECIMAL = "decimal"  # a plain decimal string; a percent when the row's kind says so
    PERCENT = "percent"  # a plain decimal string that is a percentage
    STATUS = "status"
    BOOL = "bool"


# Columns whose meaning their type does not tell.
COLUMN_KINDS: dict[str, ColumnKind] = {
    "amount": ColumnKind.AMOUNT,
    "nip": ColumnKind.CODE,
    "value": ColumnKind.DECIMAL,
    "target": ColumnKind.DECIMAL,
    "realisasi": ColumnKind.DECIMAL,
    "capaian": ColumnKind.PERCENT,
    "status": ColumnKind.STATUS,
    "severity": ColumnKind.STATUS,
}


def _fill(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


@dataclass(frozen=True)
class Look:
    fill: PatternFill
    font: Font


_GOOD = Look(_fill("C6EFCE"), Font(color="006100"))
_NEUTRAL = Look(_fill("FFEB9C"), Font(color="9C5700"))
_BAD = Look(_fill("FFC7CE"), Font(color="9C0006"))
_GREY = Look(_fill("EDEDED"), Font(color="595959"))
STATUS_LOOKS: dict[str, Look] = {
    "ok": _GOOD, "partial": _NEUTRAL, "failed": _BAD, "skipped": _GREY,
    "hijau": _GOOD, "kuning": _NEUTRAL, "merah": _BAD,
    "error": _BAD, "warning": _NEUTRAL, "info": _GREY,
}
HEADER_LOOK = Look(_fill("D9E1F2"), Font(bold=True))
HEADER_BORDER = Border(bottom=Side(style="thin", color="8EA9DB"))


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind


@dataclass(frozen=True)
class SheetSpec:
    title: str
    model: type[BaseModel]
    rows: Sequence[BaseModel]

    @property
    def columns(self) -> list[Column]:
        return [Column(name, column_kind(name, info.annotation)) for name, info in self.model.model_fields.items()]


def column_kind(name: str, annotation: Any) -> ColumnKind:
    """The kind of a column, from its name (``amount``, ``nip``, ...) or else its type."""
    if name in COLUMN_KINDS:
        return COLUMN_KINDS[name]
    types = set(getattr(annotation, "__args__", ())) | {annotation}
    if bool in types:
        return ColumnKind.BOOL
    if int in types:
        return ColumnKind.INTEGER
    return ColumnKind.TEXT


def sheets(result: RunResult, scores: Sequence[ScoreRow] | None = None) -> list[SheetSpec]:
    """The sheets of one run, in order. Skor holds the consistency rows of the audit and the given
    score rows (rows of level ``consistency`` among them are not repeated); Isu the extraction
    issues and the score stage's, as ``tables/issues.csv``."""
    tables = all_tables(result.documents)
    score_rows = [*consistency_rows(result.audit.dossiers), *(r for r in scores or () if r.level != "consistency")]
    score_issues = [*result.score_issues, *(p for s in result.scores for p in s.issues)]
    issues = [*tables["issues"], *(issue_row(p) for p in score_issues)]
    return [
        SheetSpec("Dokumen", TABLES["documents"], tables["documents"]),
        SheetSpec("Pihak", TABLES["parties"], tables["parties"]),
        SheetSpec("Indikator", TABLES["indicators"], tables["indicators"]),
        SheetSpec("Target", TABLES["targets"], tables["targets"]),
        SheetSpec("Anggaran", TABLES["budget"], tables["budget"]),
        SheetSpec("Temuan", FindingRow, list(finding_rows(result.audit.findings))),
        SheetSpec("Skor", ScoreRow, score_rows),
        SheetSpec("Isu", TABLES["issues"], issues),
    ]


def build_workbook(result: RunResult, *, scores: Sequence[ScoreRow] | None = None) -> Workbook:
    """The workbook in openpyxl's write-only mode: rows stream to the file as it is saved, so
    an archive of thousands of documents neither fills the memory nor takes minutes."""
    wb = Workbook(write_only=True)
    for spec in sheets(result, scores):
        _write_sheet(wb.create_sheet(spec.title), spec)
    return wb


def write_workbook(result: RunResult, path: Path, *, scores: Sequence[ScoreRow] | None = None) -> Path:
    """Write the workbook to ``path`` atomically (temporary file, then rename); returns ``path``."""
    wb = build_workbook(result, scores=scores)
    try:
        with atomic_path(path) as tmp:
            wb.save(tmp)
    except BaseException:
        for ws in wb.worksheets:  # end the write-only streams, or they complain when collected
            with contextlib.suppress(Exception):
                ws.close()
        raise
    return path


# ---------------------------------------------------------------- one sheet


def _write_sheet(ws, spec: SheetSpec) -> None:
    columns = spec.columns
    _widths(ws, spec, columns)  # write-only: sheet properties go before the rows
    last = get_column_letter(len(columns))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{max(len(spec.rows) + 1, 2)}"
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws)
        _header(cell, column.name)
        header.append(cell)
    ws.append(header)
    names = [column.name for column in columns]
    for row in spec.rows:
        data = row.model_dump(include=set(names) | {"kind"})
        out = []
        for column in columns:
            value = data[column.name]
            if value is None:
                out.append(None)
                continue
            cell = WriteOnlyCell(ws)
            write_cell(cell, value, column.kind, row_kind=data.get("kind"))
            out.append(cell)
        ws.append(out)


def _header(cell: Cell, name: str) -> None:
    cell.value = name
    cell.font = HEADER_LOOK.font
    cell.fill = HEADER_LOOK.fill
    cell.border = HEADER_BORDER


def _widths(ws: Worksheet, spec: SheetSpec, columns: list[Column], sample: int = 500) -> None:
    for c, column in enumerate(columns, start=1):
        lengths = [len(column.name)]
        lengths += [len(str(v)) for row in spec.rows[:sample] if (v := getattr(row, column.name)) is not None]
        ws.column_dimensions[get_column_letter(c)].width = min(max(lengths) + 2, 60)


# ---------------------------------------------------------------- one cell


def write_cell(cell: Cell, value: Any, kind: ColumnKind, *, row_kind: str | None = None) -> None:
    """Put one value in ``cell`` as its column kind says; text that cannot be a number stays text."""
    if value is None:
        return
    if kind is ColumnKind.BOOL and isinstance(value, bool):
        cell.value = value
    elif kind in (ColumnKind.INTEGER, ColumnKind.AMOUNT) and isinstance(value, int) and not isinstance(value, bool):
        cell.value = value
        cell.number_format = AMOUNT_FORMAT if kind is ColumnKind.AMOUNT else INTEGER_FORMAT
    elif kind in (ColumnKind.DECIMAL, ColumnKind.PERCENT) and (number := _decimal(value)) is not None:
        cell.value = number
        percent = kind is ColumnKind.PERCENT or row_kind == "percent"
        cell.number_format = PERCENT_FORMAT if percent else decimal_format(number)
    else:
        write_text(cell, str(value))
        if kind is ColumnKind.CODE:
            cell.number_format = TEXT_FORMAT
        if kind is ColumnKind.STATUS and (look := STATUS_LOOKS.get(str(value))):
            cell.fill, cell.font = look.fill, look.font


def write_text(cell: Cell, text: str) -> None:
    """A string cell, always: characters XML cannot hold are replaced, the length is capped, and
    a formula-looking text gets the string type and Excel's quote prefix (shown as typed, never
    evaluated, not even after the cell is edited)."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    cell.value = text  # openpyxl types a text starting with "=" as a formula ...
    cell.data_type = "s"  # ... so the type is set back to string
    if looks_like_formula(text):
        cell.quotePrefix = True


def looks_like_formula(text: str) -> bool:
    """
    >>> [looks_like_formula(t) for t in ("=HYPERLINK(1)", "+62 21", "-", "-5", "+1,5", "@SUM", "Rp 1")]
    [True, True, True, False, False, True, False]
    """
    if not text.startswith(FORMULA_START):
        return False
    if text[0] in "+-":
        return _decimal(text[1:].replace(",", ".")) is None
    return True


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    return parse_plain(value) if isinstance(value, str) else None


def decimal_format(number: Decimal) -> str:
    """
    >>> decimal_format(Decimal("88")), decimal_format(Decimal("84.10")), decimal_format(Decimal("0.23"))
    ('#,##0', '#,##0.00', '#,##0.00')
    """
    places = -number.as_tuple().exponent if isinstance(number.as_tuple().exponent, int) else 0
    return AMOUNT_FORMAT if places <= 0 else f"#,##0.{'0' * places}"
