"""Spreadsheets: every value read as the sheet shows it and located as ``file!Sheet!B12``."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from extract import Status, read_file
from extract.sheet import display, read_workbook, render

TITLE = ["PERJANJIAN KINERJA TAHUN 2025", "DINAS CONTOH KABUPATEN UJI"]
HEADER = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]


def _workbook(rows: list[list[object]], *, formats: dict[str, str] | None = None, hidden_rows: tuple[int, ...] = (),
              merged: tuple[str, ...] = (), sheet: str = "PK 2025") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    for r in hidden_rows:
        ws.row_dimensions[r].hidden = True
    for rng in merged:
        ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pk_rows() -> list[list[object]]:
    return [[TITLE[0]], [TITLE[1]], [], HEADER,
            [1, "Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", 3.25],
            [None, None, "Persentase pengaduan yang ditindaklanjuti", 0.9494],
            [2, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", 75.354],
            [None, None, "Baris tersembunyi", 1]]


def test_a_pk_sheet_reads_as_printed_and_every_value_names_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "pk.xlsx"
    path.write_bytes(_workbook(_pk_rows(), formats={"D6": "0.00%", "D7": "0.00"}, hidden_rows=(8,)))
    result = read_file(path)
    (doc,) = result.documents
    assert (doc.doc_type.value, doc.header.year) == ("pk", 2025)
    got = [(i.sasaran, i.name, i.targets[0].value.raw) for i in doc.indicators]
    assert got == [
        ("Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", "3,25"),
        ("Meningkatnya kualitas layanan", "Persentase pengaduan yang ditindaklanjuti", "94,94%"),
        ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "75,35"),
    ]
    assert [i.targets[0].value.value for i in doc.indicators] == [Decimal("3.25"), Decimal("94.94"), Decimal("75.35")]
    assert [i.targets[0].location.short().split(" table")[0] for i in doc.indicators] == [
        "pk.xlsx!PK 2025!D5", "pk.xlsx!PK 2025!D6", "pk.xlsx!PK 2025!D7"]
    assert [(i.location.sheet, i.location.ref) for i in doc.indicators] == [("PK 2025", "C5"), ("PK 2025", "C6"), ("PK 2025", "C7")]
    hidden = [p for p in doc.issues if p.check == "hidden_rows_skipped"]
    assert len(hidden) == 1 and hidden[0].severity.value == "info" and "rows 8" in hidden[0].message
    assert result.status is Status.OK, "an info note leaves the document ok"


def test_a_formula_saved_without_its_value_is_reported_at_its_cell(tmp_path: Path) -> None:
    rows = _pk_rows()[:7]
    rows[6][3] = "=D5*20"
    path = tmp_path / "pk.xlsx"
    path.write_bytes(_workbook(rows))  # openpyxl writes the formula without computing it
    (doc,) = read_file(path).documents
    (issue,) = [p for p in doc.issues if p.check == "formula_without_value"]
    assert issue.location.short() == "pk.xlsx!PK 2025!D7" and issue.severity.value == "warning"
    assert doc.status is Status.PARTIAL


def test_values_and_issues_on_a_later_sheet_name_their_own_row_and_cell(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Petunjuk"
    for row in [["Petunjuk pengisian"], ["Isi kolom target"], [], ["Catatan", "lihat lembar berikut"]]:
        notes.append(row)
    wb.create_sheet("Kosong")
    ws = wb.create_sheet("PK 2025")
    for row in _pk_rows()[:7]:
        ws.append(row)
    ws["D7"] = "=D5*20"  # saved without a value
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "pk.xlsx"
    path.write_bytes(buf.getvalue())
    (doc,) = read_file(path).documents
    assert [(i.name, i.location.sheet, i.location.ref, i.location.page) for i in doc.indicators] == [
        ("Indeks kepuasan masyarakat", "PK 2025", "C5", None),
        ("Persentase pengaduan yang ditindaklanjuti", "PK 2025", "C6", None),
        ("Nilai SAKIP", "PK 2025", "C7", None)]
    assert [i.targets[0].location.short().split(" table")[0] for i in doc.indicators[:2]] == [
        "pk.xlsx!PK 2025!D5", "pk.xlsx!PK 2025!D6"]
    (issue,) = [p for p in doc.issues if p.check == "formula_without_value"]
    assert issue.location.short() == "pk.xlsx!PK 2025!D7"


def test_every_sheet_is_a_page_and_its_lines_are_numbered_without_a_line_for_the_break() -> None:
    data = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(["a"])
    wb.active.append(["b", "c"])
    wb.create_sheet("Dua")
    wb.create_sheet("Tiga").append(["x", "y"])
    wb.save(data)
    rendering = render(read_workbook(data.getvalue(), ".xlsx"))
    assert rendering.text == "a\nb\tc\f\fx\ty"
    assert {n: (sheet, [c.ref for c in cells]) for n, (sheet, cells) in rendering.rows.items()} == {
        1: ("Sheet", ["A1", "B1"]), 2: ("Sheet", ["A2", "B2"]), 4: ("Tiga", ["A1", "B1"])}


def test_a_workbook_without_a_performance_table_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(_workbook([["Daftar hadir rapat"], ["Nama", "Jabatan"], ["Ani", "Staf"]]))
    result = read_file(path)
    assert (result.status, result.reason) == (Status.SKIPPED, "no performance table in the workbook's sheets")


def test_a_file_named_xlsx_that_is_no_workbook_fails_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = read_file(path)
    assert result.status is Status.FAILED and result.reason.startswith("unreadable spreadsheet")


def test_merged_header_cells_and_the_calamine_reader_give_the_same_rows(tmp_path: Path) -> None:
    data = _workbook([["No", "Target", None], [None, "TW I", "TW II"], [1, 10, 20]], merged=("B1:C1", "A1:A2"))
    by_openpyxl = render(read_workbook(data, ".xlsx")).text
    by_calamine = render(read_workbook(data, ".ods")).text  # calamine reads any workbook it is given
    assert by_openpyxl == by_calamine == "No\tTarget\t\n\tTW I\tTW II\n1\t10\t20"


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (0.1498, "0%", "15%"), (1234567.0, "#,##0", "1.234.567"), (1234567.891, "#,##0.00", "1.234.567,89"),
    (0, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', "-"), (-1500, "#,##0;(#,##0)", "(1.500)"),
    (2.5, "General", "2,5"), (100.0, "General", "100"), (0.333333333333, "General", "0,333333333"),
])
def test_numbers_are_shown_as_their_format_shows_them(value: float, fmt: str, shown: str) -> None:
    assert display(value, fmt) == shown
