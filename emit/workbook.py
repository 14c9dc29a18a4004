"""The workbook for people: one sheet per table, typed cells, Indonesian display formats.

* Sheets: Dokumen, Pihak, Indikator, Target, Realisasi, Anggaran, Temuan, Skor, Skor SKP, Isu (in
  English with ``--lang en``: Documents, Parties, ..., Issues; the rows of
  :mod:`extract.rows`, :mod:`audit.rows` and :mod:`score.rows`, columns as in the CSV files),
  each with a frozen header row and an auto-filter; findings worded in the run's language.
* Numbers are numbers: rupiah amounts are exact integers (``#,##0``), other integers plain
  (``0``, so a year is not grouped), Decimals (and a score's target or realisasi printed as a
  plain number) become numeric cells with their own decimals, percents keep their value (34.94, not 0.3494) and show two decimals and a
  ``%``. Number formats are locale-neutral: Excel in an Indonesian locale shows
  ``7.315.466.938.000`` and ``34,94%``.
* NIPs and identifiers stay text (an 18-digit NIP would lose digits as a number).
* Text that a spreadsheet could take for a formula (``=``, ``+``/``-`` not a number, ``@``,
  tab, CR) is stored as a string cell with Excel's quote prefix, never as a formula.
* Status cells are coloured: ok / partial / failed / skipped, hijau / kuning / merah, and the
  severity of findings.
* Written with XlsxWriter (constant memory) as the rows arrive (:class:`WorkbookWriter`), to a
  temporary file renamed into place at the end.
"""

from __future__ import annotations

import contextlib
import datetime
import signal
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font, PatternFill
from pydantic import BaseModel

from audit.rows import FindingRow
from core.files import atomic_path
from core.i18n import Text
from extract.rows import TABLES
from report.fmt import parse_plain
from report.input import RunData
from score.rows import ScoreRow, SkpScoreRow
from store.rows import run_tables

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
    DECIMAL = "decimal"  # a Decimal (or a raw text that is a plain number); a percent when the row's kind says so
    PERCENT = "percent"  # a Decimal that is a percentage
    STATUS = "status"
    BOOL = "bool"


# Columns whose meaning their type does not tell: by name in every table, or in one table.
COLUMN_KINDS: dict[str, ColumnKind] = {
    "amount": ColumnKind.AMOUNT,
    "nip": ColumnKind.CODE,
    "capaian": ColumnKind.PERCENT,
    "status": ColumnKind.STATUS,
    "severity": ColumnKind.STATUS,
}
TABLE_COLUMN_KINDS: dict[tuple[str, str], ColumnKind] = {
    ("scores", "target"): ColumnKind.DECIMAL,  # a score's target and realisasi as printed: a number when plain ("100")
    ("scores", "realisasi"): ColumnKind.DECIMAL,
    ("budget", "realisasi"): ColumnKind.AMOUNT,  # the rupiah a budget-realisation table says were spent
}


def _fill(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


@dataclass(frozen=True)
class Look:
    fill_rgb: str
    font_rgb: str


_GOOD = Look("C6EFCE", "006100")
_NEUTRAL = Look("FFEB9C", "9C5700")
_BAD = Look("FFC7CE", "9C0006")
_GREY = Look("EDEDED", "595959")
STATUS_LOOKS: dict[str, Look] = {
    "ok": _GOOD, "partial": _NEUTRAL, "failed": _BAD, "skipped": _GREY,
    "hijau": _GOOD, "kuning": _NEUTRAL, "merah": _BAD,
    "error": _BAD, "warning": _NEUTRAL, "info": _GREY,
}
HEADER_LOOK = Look("D9E1F2", "000000")


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind


@dataclass(frozen=True)
class SheetSpec:
    title: str
    model: type[BaseModel]
    table: str

    @property
    def columns(self) -> list[Column]:
        return [Column(name, column_kind(name, info.annotation, self.table)) for name, info in self.model.model_fields.items()]


def column_kind(name: str, annotation: Any, table: str = "") -> ColumnKind:
    """The kind of a column, from its name in its table or in any (``amount``, ``nip``, ...), or else its type."""
    if (table, name) in TABLE_COLUMN_KINDS:
        return TABLE_COLUMN_KINDS[(table, name)]
    if name in COLUMN_KINDS:
        return COLUMN_KINDS[name]
    types = set(getattr(annotation, "__args__", ())) | {annotation}
    if bool in types:
        return ColumnKind.BOOL
    if Decimal in types:
        return ColumnKind.DECIMAL
    if int in types:
        return ColumnKind.INTEGER
    return ColumnKind.TEXT


#: The sheets, in order: the table each shows (the rows of :mod:`extract.rows`, :mod:`audit.rows`
#: and :mod:`score.rows`, columns as in the CSV files) and its title in each language.
SHEETS: dict[str, Text] = {
    "documents": Text("Dokumen", "Documents"), "parties": Text("Pihak", "Parties"),
    "indicators": Text("Indikator", "Indicators"), "targets": Text("Target", "Targets"),
    "measures": Text("Realisasi", "Measures"), "budget": Text("Anggaran", "Budget"),
    "findings": Text("Temuan", "Findings"), "scores": Text("Skor", "Scores"), "skp_scores": Text("Skor SKP", "SKP scores"),
    "issues": Text("Isu", "Issues"),
}
MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header included
WIDTH_SAMPLE = 500  # rows read to size the columns


def sheet_specs(lang: str = "id") -> list[SheetSpec]:
    models = {**TABLES, "findings": FindingRow, "scores": ScoreRow, "skp_scores": SkpScoreRow}
    return [SheetSpec(title(lang), models[table], table) for table, title in SHEETS.items()]


def write_workbook(result: RunData, path: Path, *, lang: str = "id") -> Path:
    """Write the workbook of a run held in memory to ``path`` atomically (temporary file, then
    rename); returns ``path``. The batch streams its rows into a :class:`WorkbookWriter` instead.
    Skor holds the consistency of each dossier and the capaian of each PK, as
    ``tables/scores.csv``; Isu the extraction issues and the score stage's, as
    ``tables/issues.csv``; Temuan the findings worded in ``lang``."""
    with WorkbookWriter(path, lang=lang) as book:
        for table, rows in run_tables(result, lang):
            book.add(table, rows)
    return path


class WorkbookWriter:
    """The workbook, written as its rows arrive, table by table and in any interleaving.

    XlsxWriter in constant-memory mode keeps one row per sheet in memory and writes the rest to
    a temporary file per sheet: an archive of any size neither fills the memory nor waits for
    the end of the batch (openpyxl took 0.27 ms a row and held every cell). Columns are sized on
    a sheet's first :data:`WIDTH_SAMPLE` rows; a sheet that reaches Excel's 1,048,576 rows
    continues in a sheet of the same title numbered ``(2)``, ``(3)``, ... The file is written to
    a temporary name and renamed into place by :meth:`close`; leaving the ``with`` block with an
    exception leaves no file and the old workbook untouched.

    ``into`` and ``rows_dir``: the temporary file to write and the folder for XlsxWriter's own
    files (a sheet's rows each), made, renamed and removed by their owner (:class:`WorkbookProcess`);
    by default the writer makes both and removes them, closed or aborted."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS, lang: str = "id", into: Path | None = None,
                 rows_dir: str | None = None) -> None:
        import xlsxwriter

        self.path = path
        self.max_rows = max_rows
        self._stack = contextlib.ExitStack()
        tmp = into if into is not None else self._stack.enter_context(atomic_path(path))
        rows = rows_dir if rows_dir is not None else self._stack.enter_context(tempfile.TemporaryDirectory(prefix="kinerja-xlsx-"))
        self.wb = xlsxwriter.Workbook(str(tmp), {
            "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "nan_inf_to_errors": True, "tmpdir": rows,
        })
        self.wb.set_properties({"created": _EPOCH})  # a rerun writes the same bytes
        self._closed = False
        self.formats = _Formats(self.wb)
        self.sheets = {spec.table: _Sheet(self, spec) for spec in sheet_specs(lang)}

    def add(self, table: str, rows: Iterable[BaseModel]) -> None:
        sheet = self.sheets.get(table)
        if sheet is not None:
            for row in rows:
                sheet.add(row)

    def add_dumped(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Rows as their models dump them (``model_dump()``)."""
        sheet = self.sheets.get(table)
        if sheet is not None:
            model = sheet.spec.model
            for row in rows:
                sheet.add(model.model_construct(**row))

    def write(self) -> None:
        """Write the whole file under its temporary name (:meth:`close` puts it in place)."""
        try:
            for sheet in self.sheets.values():
                sheet.finish()
            self.wb.close()
        except BaseException:
            self.abort()
            raise

    def close(self) -> Path:
        self.write()
        self._stack.close()  # the rename (none when the file is another's: ``into``)
        self._closed = True
        return self.path

    def abort(self) -> None:
        """Leave no file (the old workbook untouched)."""
        if not self._closed:
            self._closed = True
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)

    def __enter__(self) -> WorkbookWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self._stack.__exit__(*exc)


_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class WorkbookProcess:
    """A :class:`WorkbookWriter` in a process of its own, fed rows (as dumped by their models)
    through a pipe: XlsxWriter's cost per cell leaves the batch process, which only pickles. A
    full pipe makes the batch wait (the memory stays bounded).

    This process owns the workbook's temporary file and the folder of XlsxWriter's own files (a
    sheet's rows each), both beside the workbook: the writer only writes them. Closing takes two
    steps: :meth:`finish` has the file written while the batch goes on (it draws the report
    meanwhile), :meth:`close` waits for it and renames it into place. :meth:`abort` stops the writer
    whatever it is doing (SIGTERM, then SIGKILL) and removes both: no file under the final name. A
    batch killed outright leaves them (the writer dies with it on Linux): the next run into the folder
    removes them (``Layout.clean_temporaries``)."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS, lang: str = "id") -> None:
        import multiprocessing as mp  # noqa: PLC0415

        self._files = contextlib.ExitStack()  # entered first, left last: the rename
        tmp = self._files.enter_context(atomic_path(path))
        # (beside the file, named as a temporary file is: a killed batch's are removed by the next run; one
        # that cannot be removed is left to it, and keeps no workbook from its place)
        rows_dir = self._files.enter_context(tempfile.TemporaryDirectory(
            prefix=f".{path.name}.rows.", suffix=".tmp", dir=path.parent, ignore_cleanup_errors=True))
        ctx = mp.get_context(_start_method())
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve_workbook, args=(child, str(path), str(tmp), rows_dir, max_rows, lang),
                                daemon=True, name="kinerja-workbook")
        try:
            self.proc.start()
        except BaseException:
            self._files.__exit__(RuntimeError, RuntimeError("not started"), None)
            raise
        child.close()
        self.path = path
        self._closed = False
        self._finishing = False
        self._batch: list[tuple[str, list[dict[str, Any]]]] = []
        self._rows = 0

    def add_dumped(self, table: str, rows: list[dict[str, Any]]) -> None:
        if table in _WANTED and rows:
            self._batch.append((table, rows))
            self._rows += len(rows)
            if self._rows >= 2000:
                self._flush()

    def _flush(self) -> None:
        if self._batch:
            self.conn.send(("rows", self._batch))
            self._batch, self._rows = [], 0

    def finish(self) -> None:
        """Send the last rows and the order to write the file: the workbook's process writes it
        while this one goes on; :meth:`close` puts it in place."""
        if not self._finishing:
            self._flush()
            self.conn.send(("close", None))
            self._finishing = True

    def close(self) -> Path:
        """Wait for the file to be written, then rename it into place."""
        self.finish()
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError) as exc:
            status, detail = "error", f"its process ended ({exc!r})"
        self.proc.join()
        if status != "written":
            self.abort()
            raise RuntimeError(f"the workbook could not be written: {detail}")
        self._files.close()  # the row files removed, the file renamed into place
        self._closed = True
        return self.path

    def abort(self) -> None:
        """Stop the writer at once, whatever it is doing (an order sent through the pipe could land
        in the middle of rows cut off mid-send), and remove its files: no file under the final name."""
        if not self._closed:
            self._closed = True
            if self.proc.is_alive():
                self.proc.terminate()
            self.proc.join(30)
            if self.proc.is_alive():
                self.proc.kill()
                self.proc.join()
            self._files.__exit__(RuntimeError, RuntimeError("aborted"), None)


_WANTED = frozenset(SHEETS)


def _start_method() -> str:
    """Fork while the process is single-threaded (cheap, and it works from any ``__main__``); a batch
    that runs threads (a Dask client) must not fork: spawn."""
    import multiprocessing as mp  # noqa: PLC0415

    return "fork" if "fork" in mp.get_all_start_methods() and threading.active_count() == 1 else "spawn"


def _serve_workbook(conn, path: str, tmp: str, rows_dir: str, max_rows: int, lang: str) -> None:
    """The workbook's process: rows in, the file written at ``tmp`` on the order to close, then
    ``written`` (or the error) sent back. The files are the batch's: it renames or removes them."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (abort's SIGTERM stops it, whatever the batch was started with)
    try:
        import ctypes  # noqa: PLC0415

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # die with the batch (Linux)
    except (OSError, AttributeError):  # pragma: no cover
        pass
    try:
        book = WorkbookWriter(Path(path), max_rows=max_rows, lang=lang, into=Path(tmp), rows_dir=rows_dir)
        while True:
            try:
                kind, data = conn.recv()
            except (EOFError, OSError):
                return  # the batch is gone
            if kind == "rows":
                for table, rows in data:
                    book.add_dumped(table, rows)
            elif kind == "close":
                book.write()
                conn.send(("written", None))
                return
            else:
                return
    except BaseException as exc:  # noqa: BLE001 - reported to the batch
        try:
            conn.send(("error", repr(exc)))
        except OSError:
            pass


class _Sheet:
    """One sheet being written (and the sheets it continues in past Excel's row limit)."""

    def __init__(self, book: WorkbookWriter, spec: SheetSpec) -> None:
        self.book, self.spec = book, spec
        self.columns = spec.columns
        self.pending: list[BaseModel] | None = []  # rows held until the columns are sized
        self.widths: list[float] = []
        self.parts = 0
        self._open()

    def _open(self) -> None:
        self.parts += 1
        title = self.spec.title if self.parts == 1 else f"{self.spec.title} ({self.parts})"
        self.ws = self.book.wb.add_worksheet(title)
        self.row = 0
        self.ws.freeze_panes(1, 0)
        for c, column in enumerate(self.columns):
            self.ws.write_string(0, c, column.name, self.book.formats.header)
        if self.widths:
            self._size()

    def _size(self) -> None:
        for c, width in enumerate(self.widths):
            self.ws.set_column(c, c, width)

    def add(self, row: BaseModel) -> None:
        if self.pending is not None:
            self.pending.append(row)
            if len(self.pending) >= WIDTH_SAMPLE:
                self._release()
            return
        self._write(row)

    def _release(self) -> None:
        pending, self.pending = self.pending or [], None
        self.widths = _widths(self.columns, pending)
        self._size()
        for row in pending:
            self._write(row)

    def _write(self, row: BaseModel) -> None:
        if self.row + 1 >= self.book.max_rows:
            self._close_part()
            self._open()
        self.row += 1
        _write_row(self.ws, self.row, self.columns, row, self.book.formats)

    def _close_part(self) -> None:
        self.ws.autofilter(0, 0, max(self.row, 1), len(self.columns) - 1)

    def finish(self) -> None:
        if self.pending is not None:
            self._release()
        self._close_part()


# ---------------------------------------------------------------- one sheet


class _Formats:
    """XlsxWriter formats, one per (number format, look, quote prefix), made once."""

    def __init__(self, wb) -> None:
        self.wb = wb
        self.cache: dict[tuple, object] = {}
        self.header = wb.add_format({
            "bold": True, "bg_color": f"#{HEADER_LOOK.fill_rgb}", "pattern": 1, "bottom": 1, "bottom_color": "#8EA9DB",
        })

    def get(self, number_format: str | None, look: Look | None, quote: bool) -> object | None:
        key = (number_format, look, quote)
        if key == (None, None, False):
            return None
        if key not in self.cache:
            props: dict[str, object] = {}
            if number_format:
                props["num_format"] = number_format
            if look is not None:
                props.update(bg_color=f"#{look.fill_rgb}", pattern=1, font_color=f"#{look.font_rgb}")
            if quote:
                props["quote_prefix"] = True
            self.cache[key] = self.wb.add_format(props)
        return self.cache[key]


def _write_row(ws, r: int, columns: list[Column], row: BaseModel, formats: _Formats) -> None:
    row_kind = getattr(row, "kind", None)
    for c, column in enumerate(columns):
        value = getattr(row, column.name)
        if value is None:
            continue
        value, number_format, look, quote = cell_plan(value, column.kind, row_kind=row_kind)
        fmt = formats.get(number_format, look, quote)
        if isinstance(value, bool):
            ws.write_boolean(r, c, value, fmt)
        elif isinstance(value, int | float | Decimal):
            ws.write_number(r, c, value if isinstance(value, int) else float(value), fmt)
        else:
            ws.write_string(r, c, value, fmt)


def _widths(columns: list[Column], rows: Sequence[BaseModel]) -> list[float]:
    out = []
    for column in columns:
        lengths = [len(column.name)]
        lengths += [len(str(v)) for row in rows if (v := getattr(row, column.name)) is not None]
        out.append(min(max(lengths) + 2, 60))
    return out


# ---------------------------------------------------------------- one cell


def cell_plan(value: Any, kind: ColumnKind, *, row_kind: str | None = None) -> tuple[Any, str | None, Look | None, bool]:
    """How one value is stored: (the value to write, its number format, its look, quote prefix).
    Text that cannot be a number stays text."""
    if kind is ColumnKind.BOOL and isinstance(value, bool):
        return value, None, None, False
    if kind in (ColumnKind.INTEGER, ColumnKind.AMOUNT) and isinstance(value, int) and not isinstance(value, bool):
        return value, AMOUNT_FORMAT if kind is ColumnKind.AMOUNT else INTEGER_FORMAT, None, False
    if kind in (ColumnKind.DECIMAL, ColumnKind.PERCENT) and (number := _decimal(value)) is not None:
        percent = kind is ColumnKind.PERCENT or row_kind == "percent"
        return number, PERCENT_FORMAT if percent else decimal_format(number), None, False
    text = safe_text(str(value))
    look = STATUS_LOOKS.get(text) if kind is ColumnKind.STATUS else None
    return text, TEXT_FORMAT if kind is ColumnKind.CODE else None, look, looks_like_formula(text)


def safe_text(text: str) -> str:
    """Characters XML cannot hold replaced, the length capped at Excel's limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


def write_cell(cell: Cell, value: Any, kind: ColumnKind, *, row_kind: str | None = None) -> None:
    """The same plan into an openpyxl cell (for tools that build their own workbook)."""
    if value is None:
        return
    value, number_format, look, quote = cell_plan(value, kind, row_kind=row_kind)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl types a text starting with "=" as a formula
    if number_format:
        cell.number_format = number_format
    if look is not None:
        cell.fill, cell.font = _fill(look.fill_rgb), Font(color=look.font_rgb)
    if quote:
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
