"""Realisasi files in (CSV or XLSX), and the template people fill in.

Columns (header names are case- and space-insensitive; Indonesian aliases accepted):

* ``indicator_code`` (kode): the PK's indicator code, or ``IKU-nn`` (its position) when it has none;
* ``period`` (periode): Y (default), Q1-Q4, Smt1, sdQ3; ``TW I``, ``Triwulan II``, ``Semester I``,
  ``Tahunan`` are read too;
* ``realisasi``: as printed, Indonesian formats (``13,41``, ``95 %``, ``3,8 (skala 5)``, ``WTP``);
* optional ``polaritas`` (max / min / stabil), ``cannot_exceed`` (ya / tidak: the IKU cannot
  exceed its target), ``bobot`` (weight, percent), ``validitas`` (E / P / A) and ``kendali``
  (H / M / L) for the weight table, ``perspektif``, ``cascading`` (ya / tidak);
* ``doc_id``: the PK the row belongs to (the template fills it; a batch has several PKs whose
  codes repeat, e.g. ``1a-CP``); a row without it applies to any PK;
* ``indicator_name`` matches a row whose code fits nothing; ``target``, ``sasaran_no`` and
  ``sasaran`` (written by the template for reference) are ignored.

A bad row becomes a :class:`~core.problems.Problem` (component ``score``), never an exception.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field

from core.problems import Location, Problem, Severity
from extract.models import Document, Indicator, Period
from normalize.text import clean_text, fold_key
from normalize.values import Kind, Value, parse_value
from score.models import Polarity

__all__ = [
    "TEMPLATE_COLUMNS", "RealisasiFile", "RealisasiRow", "indicator_keys", "parse_period", "parse_records",
    "read_realisasi", "template_rows",
]


class RealisasiRow(BaseModel):
    doc_id: str | None = None  # the PK (or its dossier) the row is for; None: any
    indicator_code: str
    indicator_name: str | None = None
    period: Period = Period.Y
    realisasi: Value
    polaritas: Polarity | None = None
    cannot_exceed: bool | None = None
    bobot: Decimal | None = None
    validitas: str | None = None
    kendali: str | None = None
    perspektif: str | None = None
    cascading: bool | None = None
    location: Location = Location()


class RealisasiFile(BaseModel):
    path: str
    rows: list[RealisasiRow] = Field(default_factory=list)
    issues: list[Problem] = Field(default_factory=list)


TEMPLATE_COLUMNS = (
    "doc_id", "indicator_code", "indicator_name", "sasaran_no", "sasaran", "period", "target", "realisasi",
    "polaritas", "cannot_exceed", "bobot", "validitas", "kendali", "perspektif", "cascading",
)

_ALIASES = {
    "doc_id": ("doc_id", "dokumen", "dossier"),
    "indicator_code": ("indicator_code", "kode", "kode_indikator", "kode_iku", "code", "key"),
    "indicator_name": ("indicator_name", "indikator", "nama_indikator", "indikator_kinerja", "iku", "name"),
    "period": ("period", "periode", "triwulan"),
    "realisasi": ("realisasi", "realization"),
    "polaritas": ("polaritas", "polarisasi", "polarity"),
    "cannot_exceed": ("cannot_exceed", "tidak_dapat_melebihi", "tidak_dapat_melebihi_target"),
    "bobot": ("bobot", "weight", "bobot_iku"),
    "validitas": ("validitas", "validity"),
    "kendali": ("kendali", "controllability"),
    "perspektif": ("perspektif", "perspective"),
    "cascading": ("cascading", "jenis_cascading"),
    "_ignored": ("target", "sasaran_no", "sasaran", "no", "satuan"),
}
_COLUMN = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PERIODS = {
    "": Period.Y, "y": Period.Y, "tahunan": Period.Y, "tahun": Period.Y, "annual": Period.Y, "year": Period.Y,
    "smt1": Period.SMT1, "s1": Period.SMT1, "semester1": Period.SMT1, "sem1": Period.SMT1,
    "sdq3": Period.SDQ3, "sdtw3": Period.SDQ3, "sdtriwulan3": Period.SDQ3,
    **{f"{p}{n}": Period(f"Q{n}") for n in "1234" for p in ("q", "tw", "triwulan", "")},
}
_POLARITY = {
    "max": Polarity.MAXIMIZE, "maximize": Polarity.MAXIMIZE, "maksimal": Polarity.MAXIMIZE,
    "maksimum": Polarity.MAXIMIZE, "maksimalisasi": Polarity.MAXIMIZE, "naik": Polarity.MAXIMIZE,
    "min": Polarity.MINIMIZE, "minimize": Polarity.MINIMIZE, "minimal": Polarity.MINIMIZE,
    "minimum": Polarity.MINIMIZE, "minimalisasi": Polarity.MINIMIZE, "turun": Polarity.MINIMIZE,
    "stabil": Polarity.STABILIZE, "stabilize": Polarity.STABILIZE, "stabilisasi": Polarity.STABILIZE,
}
_TRUE = frozenset({"ya", "y", "yes", "true", "1", "benar", "x", "v"})
_FALSE = frozenset({"tidak", "t", "no", "n", "false", "0", "salah", "bukan"})


def parse_period(text: str | None) -> Period | None:
    """A period as written by people, or None when it is not one.

    >>> [parse_period(t).value for t in ("", "Y", "TW I", "Triwulan IV", "q2", "Semester I", "s.d. TW III")]
    ['Y', 'Y', 'Q1', 'Q4', 'Q2', 'Smt1', 'sdQ3']
    >>> parse_period("bulan 13") is None
    True
    """
    key = fold_key(text)
    for roman, digit in sorted(_ROMAN.items(), key=lambda kv: -len(kv[0])):
        if key.endswith(roman) and not key.endswith("y"):
            key = key[: -len(roman)] + digit
            break
    return _PERIODS.get(key)


def _column(header: str) -> str | None:
    key = "_".join(clean_text(header).casefold().replace("-", " ").replace(".", " ").split())
    return _COLUMN.get(key)


# --- reading -----------------------------------------------------------------------------------


def read_realisasi(path: str | Path) -> RealisasiFile:
    """Read a realisasi file (``.csv`` / ``.tsv`` / ``.xlsx`` / ``.xlsm``); problems are collected."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            records, issues = _xlsx_records(path)
        elif suffix in (".csv", ".tsv", ".txt"):
            records, issues = _csv_records(path.read_bytes(), name)
        else:
            return RealisasiFile(path=str(path), issues=[_problem(
                "realisasi_unreadable", Severity.ERROR, f"'{name}': not a CSV or XLSX file", name)])
    except Exception as exc:  # noqa: BLE001 - OSError, csv.Error, BadZipFile, openpyxl's own: never stop a batch
        return RealisasiFile(path=str(path), issues=[_problem(
            "realisasi_unreadable", Severity.ERROR, f"'{name}' cannot be read: {type(exc).__name__}: {exc}", name)])
    result = parse_records(records, file=name)
    result.path = str(path)
    result.issues[:0] = issues
    return result


def _csv_records(data: bytes, name: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    issues: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        issues.append(_problem("realisasi_encoding", Severity.WARNING,
                               f"'{name}' is not UTF-8; read as Windows-1252", name))
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    records = []
    for cells in reader:
        records.append((reader.line_num, cells))
    return records, issues


def _xlsx_records(path: Path) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        records = [(n, [_cell_text(c.value, getattr(c, "number_format", None)) for c in row])
                   for n, row in enumerate(ws.iter_rows(), start=1)]
    finally:
        wb.close()
    return records, []


def _cell_text(value: object, number_format: str | None) -> str:
    """A spreadsheet cell as the text a person sees (percent cells as ``95%``, no float noise).

    >>> _cell_text(0.95, "0%"), _cell_text(13.41, "General"), _cell_text(88.0, "General"), _cell_text(None, None)
    ('95%', '13.41', '88', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        percent = bool(number_format and "%" in number_format)
        if percent:
            number *= 100
        text = format(number.normalize(), "f") if number == number.to_integral_value() else format(number, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text + ("%" if percent else "")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def parse_records(records: Iterable[tuple[int, list[str]]], *, file: str = "realisasi") -> RealisasiFile:
    """Rows from ``(line, cells)`` records, the first non-blank one being the header."""
    result = RealisasiFile(path=file)
    it: Iterator[tuple[int, list[str]]] = iter(records)
    header: list[str | None] | None = None
    for line, cells in it:
        if any(c.strip() for c in cells):
            header = [_column(c) for c in cells]
            unknown = [c for c, col in zip(cells, header) if col is None and c.strip()]
            if unknown:
                result.issues.append(_problem("realisasi_column_ignored", Severity.INFO,
                                              f"columns ignored: {', '.join(unknown)}", file, line=line))
            break
    if header is None:
        result.issues.append(_problem("realisasi_empty", Severity.ERROR, "no header row", file))
        return result
    for needed in ("realisasi",):
        if needed not in header:
            result.issues.append(_problem("realisasi_column_missing", Severity.ERROR,
                                          f"no '{needed}' column (header: {', '.join(h or '?' for h in header)})", file))
            return result
    if "indicator_code" not in header and "indicator_name" not in header:
        result.issues.append(_problem("realisasi_column_missing", Severity.ERROR,
                                      "no 'indicator_code' (or 'indicator_name') column", file))
        return result
    seen: dict[tuple[str, str, Period], int] = {}
    for line, cells in it:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            result.issues.append(_problem(
                "realisasi_row_shape", Severity.ERROR,
                f"{len(cells)} cells for {len(header)} columns (a decimal comma in an unquoted CSV? quote the "
                f"value or use ';' between columns); row skipped", file, line=line, cell=",".join(cells)))
            continue
        fields = {col: clean_text(c) for col, c in zip(header, cells) if col and col != "_ignored"}
        row = _row(fields, file, line, result.issues)
        if row is None:
            continue
        dup = (row.doc_id or "", fold_key(row.indicator_code), row.period)
        if dup in seen:
            result.issues.append(_problem(
                "realisasi_duplicate", Severity.ERROR,
                f"{row.indicator_code} {row.period} already given on line {seen[dup]}; this row is skipped",
                file, line=line, column="indicator_code", cell=row.indicator_code))
            continue
        seen[dup] = line
        result.rows.append(row)
    return result


def _row(fields: dict[str, str], file: str, line: int, issues: list[Problem]) -> RealisasiRow | None:
    def problem(check: str, severity: Severity, message: str, column: str) -> None:
        issues.append(_problem(check, severity, message, file, line=line, column=column, cell=fields.get(column)))

    code = fields.get("indicator_code") or ""
    name = fields.get("indicator_name") or None
    if not code and not name:
        problem("realisasi_no_indicator", Severity.ERROR, "no indicator_code (or indicator_name); row skipped",
                "indicator_code")
        return None
    period = parse_period(fields.get("period"))
    if period is None:
        problem("realisasi_bad_period", Severity.ERROR,
                f"period '{fields.get('period')}' is not one of Y Q1 Q2 Smt1 Q3 sdQ3 Q4; row skipped", "period")
        return None
    raw = fields.get("realisasi", "")
    value = parse_value(raw)
    for issue in value.issues:
        severity = Severity.WARNING if value.value is not None else Severity.ERROR
        problem(f"realisasi_{issue.check}", severity, f"realisasi '{raw}': {issue.message}", "realisasi")
    if value.kind is Kind.TEXT:
        problem("realisasi_not_a_number", Severity.ERROR, f"realisasi '{raw}' is text, not a value", "realisasi")

    polaritas = None
    if text := fields.get("polaritas"):
        polaritas = _POLARITY.get(fold_key(text))
        if polaritas is None:
            problem("realisasi_bad_polaritas", Severity.WARNING,
                    f"polaritas '{text}' is not max / min / stabil; ignored", "polaritas")
    bobot = None
    if text := fields.get("bobot"):
        w = parse_value(text)
        if w.value is None or not 0 < w.value <= 100:
            problem("realisasi_bad_bobot", Severity.WARNING, f"bobot '{text}' is not a percentage in (0, 100]; ignored",
                    "bobot")
        else:
            bobot = w.value
    flags: dict[str, bool | None] = {}
    for col in ("cannot_exceed", "cascading"):
        text = fields.get(col, "")
        flags[col] = None
        if text:
            folded = fold_key(text)
            flags[col] = True if folded in _TRUE else False if folded in _FALSE else None
            if flags[col] is None:
                problem(f"realisasi_bad_{col}", Severity.WARNING, f"{col} '{text}' is not ya / tidak; ignored", col)
    letters: dict[str, str | None] = {}
    for col in ("validitas", "kendali"):
        text = fields.get(col, "").strip().upper()
        letters[col] = text or None
        if text and len(text) != 1:
            problem(f"realisasi_bad_{col}", Severity.WARNING,
                    f"{col} '{text}' should be one letter as printed in the weight table; ignored", col)
            letters[col] = None
    return RealisasiRow(
        doc_id=fields.get("doc_id") or None, indicator_code=code or name or "", indicator_name=name, period=period, realisasi=value,
        polaritas=polaritas, cannot_exceed=flags["cannot_exceed"], bobot=bobot, validitas=letters["validitas"],
        kendali=letters["kendali"], perspektif=fields.get("perspektif") or None, cascading=flags["cascading"],
        location=Location(file=file, line=line, column="realisasi", cell=raw or None),
    )


def _problem(check: str, severity: Severity, message: str, file: str, *, line: int | None = None,
             column: str | None = None, cell: str | None = None) -> Problem:
    return Problem(check=check, severity=severity, message=message, component="score",
                   location=Location(file=file, line=line, column=column, cell=cell))


# --- the template ------------------------------------------------------------------------------


def indicator_keys(indicators: Iterable[Indicator]) -> list[str]:
    """The key of each indicator: its code, or ``IKU-nn`` (1-based position) when it has none;
    a repeated code gets ``#2``, ``#3``.

    >>> indicator_keys([Indicator(name="a", code="1a-CP"), Indicator(name="b"), Indicator(name="c", code="1a-CP")])
    ['1a-CP', 'IKU-02', '1a-CP#2']
    """
    keys: list[str] = []
    for n, ind in enumerate(indicators, start=1):
        key = (ind.code or "").strip() or f"IKU-{n:02d}"
        base, k = key, 1
        while key in keys:
            k += 1
            key = f"{base}#{k}"
        keys.append(key)
    return keys


_PERIOD_ORDER = list(Period)


def template_rows(pk: Document) -> list[dict[str, str]]:
    """One row per indicator and period with a target (at least Y), realisasi left blank."""
    rows = []
    for key, ind in zip(indicator_keys(pk.indicators), pk.indicators):
        targets = {t.period: t for t in ind.targets if not t.value.is_empty and t.year is None}
        periods = sorted(set(targets) | {Period.Y}, key=_PERIOD_ORDER.index)
        for period in periods:
            target = targets.get(period)
            rows.append({
                "doc_id": pk.doc_id, "indicator_code": key, "indicator_name": ind.name, "sasaran_no": ind.sasaran_no or "",
                "sasaran": ind.sasaran or "", "period": period.value, "target": target.value.raw if target else "",
                "perspektif": ind.perspektif or "",
            })
    return rows
