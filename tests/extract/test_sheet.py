"""Spreadsheets: every value read as the sheet shows it and located as ``file!Sheet!B12``."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from extract import Status, read_file
from extract.models import Role, Signature
from extract.sheet import display, read_workbook, render

XLS = Path(__file__).parents[1] / "fixtures" / "sheets" / "pk_2025.xls"  # written by make_pk_xls.py beside it
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


def _ods(sheet: str, rows: list[list[object]]) -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves, without styles): one sheet,
    numbers as floats, text as strings."""
    def cell(v: object) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, int | float):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="{escape(sheet)}">{body}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")  # stored, first
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
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


def test_an_ods_sheet_is_read_by_calamine_with_every_value_at_its_cell(tmp_path: Path) -> None:
    """An OpenDocument file goes through python-calamine, which keeps no number formats: a number
    reads as stored (0,9494, not 94,94 %), a value typed as text as typed."""
    rows = _pk_rows()[:-1]
    rows[6][3] = "75,35%"  # typed as text, as Indonesian sheets often hold their values
    path = tmp_path / "pk.ods"
    path.write_bytes(_ods("PK 2025", rows))
    result = read_file(path)
    (doc,) = result.documents
    assert (result.status, doc.doc_type.value, doc.header.year) == (Status.OK, "pk", 2025)
    got = [(i.name, i.targets[0].value.raw, i.targets[0].value.value, i.targets[0].location.short().split(" table")[0])
           for i in doc.indicators]
    assert got == [
        ("Indeks kepuasan masyarakat", "3,25", Decimal("3.25"), "pk.ods!PK 2025!D5"),
        ("Persentase pengaduan yang ditindaklanjuti", "0,9494", Decimal("0.9494"), "pk.ods!PK 2025!D6"),
        ("Nilai SAKIP", "75,35%", Decimal("75.35"), "pk.ods!PK 2025!D7"),
    ]


def test_an_xls_workbook_reads_as_printed_with_every_value_at_its_cell() -> None:
    """An Excel 97-2003 file: its number formats shown (0,9494 as 94,94%, 1250 as 1.250), a value
    typed as text as typed, the merged two-row header (Target over 2025), the signing date from a
    date cell; the hidden column, the hidden row and the hidden sheet left out, the first two noted."""
    result = read_file(XLS)
    (doc,) = result.documents
    assert (result.status, doc.doc_type.value, doc.header.year, str(doc.header.date)) == (Status.OK, "pk", 2025, "2025-01-30")
    got = [(i.name, i.targets[0].value.raw, i.targets[0].value.value, i.targets[0].location.short().split(" table")[0])
           for i in doc.indicators]
    assert got == [
        ("Indeks kepuasan masyarakat", "3,25", Decimal("3.25"), "pk_2025.xls!PK 2025!E6"),
        ("Persentase pengaduan yang ditindaklanjuti", "94,94%", Decimal("94.94"), "pk_2025.xls!PK 2025!E7"),
        ("Nilai SAKIP", "75,35", Decimal("75.35"), "pk_2025.xls!PK 2025!E8"),
        ("Jumlah dokumen perencanaan", "1.250", Decimal(1250), "pk_2025.xls!PK 2025!E9"),
    ]
    notes = {p.check: (p.message, p.location.short()) for p in doc.issues if p.check.startswith("hidden_")}
    assert notes == {"hidden_rows_skipped": ("1 hidden rows with values left out (rows 10)", "pk_2025.xls!PK 2025!10:10"),
                     "hidden_columns_skipped": ("hidden columns left out: D", "pk_2025.xls!PK 2025!D:D")}
    (sheet,) = read_workbook(XLS.read_bytes(), ".xls")  # (the hidden sheet "Bantu" is not printed)
    assert (sheet.name, sorted(sheet.merged)) == ("PK 2025", [(4, 1, 5, 1), (4, 2, 5, 2), (4, 3, 5, 3), (4, 4, 5, 4)])


def test_an_xls_whose_container_chains_overlap_is_read_all_the_same() -> None:
    """Some writers leave an OLE2 container whose sector chains overlap (xlrd: "Workbook corruption:
    seen[...]"): the root entry's mini-stream pointed at the Workbook stream's first sector here. Its
    values read as in the sound file, formats and all."""
    data = bytearray(XLS.read_bytes())
    directory = 512 + 512 * int.from_bytes(data[0x30:0x34], "little")  # the first directory sector
    workbook_start = data[directory + 128 + 0x74:directory + 128 + 0x78]  # entry 1, "Workbook"
    data[directory + 0x74:directory + 0x78] = workbook_start  # entry 0, the root
    data[directory + 0x78:directory + 0x7C] = (64).to_bytes(4, "little")
    assert render(read_workbook(bytes(data), ".xls")).text == render(read_workbook(XLS.read_bytes(), ".xls")).text


def test_a_time_of_day_in_an_xls_shows_as_a_time() -> None:
    """0,5 in an ``h:mm`` cell is noon, not the last day of 1899."""
    (sheet,) = read_workbook(XLS.read_bytes(), ".xls")
    assert [c.text for r, cells in sheet.rows if r == 13 for c in cells if c.text] == ["12:00"]


def test_a_stored_number_shown_with_a_thousands_separator_is_no_doubt_and_a_typed_one_is(tmp_path: Path) -> None:
    """1250 stored as a number in a ``#,##0`` cell shows ``1.250``: no ``ambiguous_separator`` (the
    format groups it, no writer's notation); the same ``1.250`` typed as text keeps its doubt (the near miss)."""
    (doc,) = read_file(XLS).documents
    stored = doc.indicators[-1].targets[0]
    assert (stored.value.raw, stored.value.value, stored.value.issues) == ("1.250", Decimal(1250), ())
    assert not [p for p in doc.issues if p.check == "ambiguous_separator"]
    rows = _pk_rows()[:-1]
    rows[6][3] = "1.250"  # typed as text
    path = tmp_path / "pk.xlsx"
    path.write_bytes(_workbook(rows))
    (typed_doc,) = read_file(path).documents
    typed = typed_doc.indicators[-1].targets[0]
    assert [i.check for i in typed.value.issues] == ["ambiguous_separator"]
    assert [p.location.short().split(" table")[0] for p in typed_doc.issues if p.check == "ambiguous_separator"] == [
        "pk.xlsx!PK 2025!D7"]


def test_an_xlsx_workbook_saved_under_the_name_xls_is_read_all_the_same(tmp_path: Path) -> None:
    """Archives rename files: an XLSX called .xls is no Excel 97-2003 file, and is read by what reads it."""
    path = tmp_path / "pk.xls"
    path.write_bytes(_workbook(_pk_rows()[:-1]))
    (doc,) = read_file(path).documents
    assert [(i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("Indeks kepuasan masyarakat", "3,25"), ("Persentase pengaduan yang ditindaklanjuti", "0,9494"), ("Nilai SAKIP", "75,354")]


def test_a_broken_xls_fails_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xls"
    path.write_bytes(XLS.read_bytes()[:1500])  # the file cut short, as a failed download leaves it
    result = read_file(path)
    assert result.status is Status.FAILED and result.reason.startswith("unreadable spreadsheet"), result.reason


def test_a_hidden_column_is_left_out_and_noted(tmp_path: Path) -> None:
    rows = [r + [None] for r in _pk_rows()[:-1]]
    rows[3] = [*HEADER[:3], "Catatan", HEADER[3]]  # a hidden working column between the indicator and its target
    for r in rows[4:]:
        r[3], r[4] = "coretan", r[3]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PK 2025"
    for row in rows:
        ws.append(row)
    ws.column_dimensions["D"].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "pk.xlsx"
    path.write_bytes(buf.getvalue())
    (doc,) = read_file(path).documents
    assert [(i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("Indeks kepuasan masyarakat", "3,25"), ("Persentase pengaduan yang ditindaklanjuti", "0,9494"), ("Nilai SAKIP", "75,354")]
    (note,) = [p for p in doc.issues if p.check == "hidden_columns_skipped"]
    assert (note.severity.value, note.message, note.location.sheet, note.location.ref) == (
        "info", "hidden columns left out: D", "PK 2025", "D:D")


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


# --- a Permendagri 86 Evaluasi Renja: a header of four rows, merged cells, column numbers -----------

_RENJA_TOP = ["No", "Sasaran Perangkat Daerah", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
              "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "Satuan",
              "Target Renstra Perangkat Daerah Pada Tahun 2030 (Akhir Periode Renstra Perangkat Daerah)", None,
              "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun 2025) yang dievaluasi", None,
              "Realisasi Kinerja Pada Triwulan", *[None] * 11,
              "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi", None]
_RENJA_MERGED = ("A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:G6", "H5:I6", "J5:U5", "J6:L6", "M6:O6", "P6:R6", "S6:U6",
                 "V5:W6", "A7:A8", "B7:B8", "C7:C8", "D7:D8", "E7:E8", "F7:G7", "H7:I7", "J7:L7", "M7:O7", "P7:R7", "S7:U7",
                 "V7:W7")


def _renja_row(no: int, subject: str, indicator: str | None, satuan: str | None, k: list[float], share: list[float],
               rp: list[int], pagu: int) -> list[object]:
    quarters = [v for q in range(4) for v in (k[q], share[q], rp[q])]
    return [no, None, subject, indicator, satuan, 100, pagu * 2, 100, pagu, *quarters, sum(k), sum(rp)]


def _renja_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi TW IV"
    for row in [["Evaluasi Terhadap Hasil Renja Perangkat Daerah"], ["Kabupaten Uji"], ["Tahun 2025"], [], _RENJA_TOP,
                [None] * 9 + ["I", None, None, "II", None, None, "III", None, None, "IV"],
                [1, 2, 3, 4, 5, 6, None, 7, None, 8, None, None, 9, None, None, 10, None, None, 11, None, None, "12 = 8+9+10+11"],
                [None] * 5 + ["K", "Rp.", "K", "Rp."] + ["K", "%", "Rp."] * 4 + ["K", "Rp."],
                [None, "Perangkat Daerah : Dinas Contoh Kabupaten Uji"],
                _renja_row(1, "URUSAN PEMERINTAHAN BIDANG CONTOH", None, None, [25, 25, 25, 25], [0.25, 0.5, 0.75, 1],
                           [15_000_000, 20_000_000, 15_000_000, 40_000_000], 120_000_000),
                _renja_row(2, "Program Penunjang Urusan Pemerintahan Daerah", "Nilai SAKIP Perangkat Daerah", "Nilai",
                           [25, 25, 25, 25], [0.25, 0.5, 0.75, 1], [15_000_000, 20_000_000, 15_000_000, 40_000_000], 120_000_000),
                _renja_row(3, "Administrasi Keuangan Perangkat Daerah", "Persentase Tertib Administrasi Keuangan", "%",
                           [20, 30, 25, 25], [0.2, 0.5, 0.75, 1], [15_000_000, 20_000_000, 15_000_000, 40_000_000], 120_000_000),
                _renja_row(4, "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji", "Orang / Bulan",
                           [11.25, 11.25, 11.25, 11.25], [0.25, 0.5, 0.75, 1], [10_000_000, 20_000_000, 0, 30_000_000], 80_000_000),
                _renja_row(5, "Penyediaan Administrasi Pelaksanaan Tugas ASN", "Jumlah Dokumen Administrasi", "Dok",
                           [0, 0, 0, 1], [0, 0, 0, 1], [5_000_000, 0, 15_000_000, 10_000_000], 40_000_000),
                [], [None] * 16 + ["Kota Uji, 30 Desember 2025"], [None] * 16 + ["KEPALA DINAS CONTOH"],
                [None] * 16 + ["KABUPATEN UJI"], [], [], [None] * 16 + ["Budi Contoh, S.T."], [None] * 16 + ["PEMBINA"],
                [None] * 16 + ["NIP. 19700101 199503 1 001"]]:
        ws.append(row)
    for rng in _RENJA_MERGED:
        ws.merge_cells(rng)
    for r in range(10, 15):
        for col in ("G", "I", "L", "O", "R", "U", "W"):
            ws[f"{col}{r}"].number_format = "#,##0"
        for col in ("J", "M", "P", "S", "V"):
            ws[f"{col}{r}"].number_format = "0"
        for col in ("K", "N", "Q", "T"):
            ws[f"{col}{r}"].number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_header_of_stacked_merged_rows_is_folded_into_one_label_stack_per_column() -> None:
    lines = render(read_workbook(_renja_workbook(), ".xlsx")).text.split("\n")
    top, period, unit, numbers = (line.split("\t") for line in lines[4:8])
    assert (top[0], top[5], top[6], top[9], top[10], top[21]) == (
        "No", _RENJA_TOP[5], "", "Realisasi Kinerja Pada Triwulan", "",
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi")
    assert period[9:21] == ["I", "", "", "II", "", "", "III", "", "", "IV", "", ""]
    assert unit[5:] == ["K", "Rp.", "K", "Rp.", *["K", "%", "Rp."] * 4, "K", "Rp."]
    assert set(numbers) == {""}, "the column numbers (1) … (12) are no header label"


def test_an_evaluasi_renja_sheet_with_a_four_row_header_is_read_cell_by_cell(tmp_path: Path) -> None:
    path = tmp_path / "renja.xlsx"
    path.write_bytes(_renja_workbook())
    result = read_file(path)
    assert result.status is Status.OK, result.reason
    (doc,) = result.documents
    assert (doc.doc_type.value, doc.header.instansi, doc.header.year, doc.header.place, str(doc.header.date)) == (
        "evaluasi_renja", "Dinas Contoh Kabupaten Uji", 2025, "Kota Uji", "2025-12-30")
    got = [(i.item_no, i.kategori, i.sasaran, i.name, i.satuan) for i in doc.indicators]
    assert got == [  # the urusan row above the programme is no indicator
        ("2", "program", "Program Penunjang Urusan Pemerintahan Daerah", "Nilai SAKIP Perangkat Daerah", "Nilai"),
        ("3", "kegiatan", "Administrasi Keuangan Perangkat Daerah", "Persentase Tertib Administrasi Keuangan", "%"),
        ("4", "sub_kegiatan", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji", "Orang / Bulan"),
        ("5", "sub_kegiatan", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "Jumlah Dokumen Administrasi", "Dok"),
    ]
    gaji = doc.indicators[2]
    assert [(t.period.value, t.year, t.value.raw) for t in gaji.targets] == [("Y", None, "100"), ("Y", 2030, "100")]
    assert [(t.period.value, t.value.raw) for t in gaji.realisasi] == [("Q1", "11"), ("Q2", "11"), ("Q3", "11"), ("Q4", "11"), ("Y", "45")]
    assert [(t.period.value, t.value.raw, t.value.value) for t in gaji.capaian] == [
        ("Q1", "25%", Decimal(25)), ("Q2", "50%", Decimal(50)), ("Q3", "75%", Decimal(75)), ("Q4", "100%", Decimal(100))]
    assert [(t.period.value, t.value.amount) for t in gaji.realisasi_rp] == [
        ("Q1", 10_000_000), ("Q2", 20_000_000), ("Q3", 0), ("Q4", 30_000_000), ("Y", 60_000_000)]
    assert [(t.location.sheet, t.location.ref) for t in gaji.realisasi] == [
        ("Realisasi TW IV", "J13"), ("Realisasi TW IV", "M13"), ("Realisasi TW IV", "P13"), ("Realisasi TW IV", "S13"),
        ("Realisasi TW IV", "V13")]
    assert [(b.level.value, b.label, b.name, b.amount, b.realisasi.amount if b.realisasi else None, b.parent) for b in doc.budget] == [
        ("program", "2", "Program Penunjang Urusan Pemerintahan Daerah", 120_000_000, 90_000_000, None),
        ("kegiatan", "3", "Administrasi Keuangan Perangkat Daerah", 120_000_000, 90_000_000,
         "Program Penunjang Urusan Pemerintahan Daerah"),
        ("sub_kegiatan", "4", "Penyediaan Gaji dan Tunjangan ASN", 80_000_000, 60_000_000, "Administrasi Keuangan Perangkat Daerah"),
        ("sub_kegiatan", "5", "Penyediaan Administrasi Pelaksanaan Tugas ASN", 40_000_000, 30_000_000,
         "Administrasi Keuangan Perangkat Daerah"),
    ]
    (signer,) = doc.parties
    assert (signer.role.value, signer.name, signer.nip, signer.jabatan, signer.pangkat, signer.signed) == (
        "penandatangan", "Budi Contoh, S.T.", "197001011995031001", "KEPALA DINAS CONTOH KABUPATEN UJI", "PEMBINA", False)
    assert (signer.location.sheet, signer.location.ref) == ("Realisasi TW IV", "Q21")


def test_a_picture_anchored_over_the_signers_name_signs_it(tmp_path: Path) -> None:
    from openpyxl.drawing.image import Image  # noqa: PLC0415
    from PIL import Image as Picture  # noqa: PLC0415

    signature = tmp_path / "ttd.png"
    Picture.new("RGB", (60, 30), "blue").save(signature)
    wb = openpyxl.load_workbook(io.BytesIO(_renja_workbook()))
    wb.active.add_image(Image(str(signature)), "Q18")  # over the signing space, three rows above the name (Q21)
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "renja.xlsx"
    path.write_bytes(buf.getvalue())
    (signer,) = read_file(path).documents[0].parties
    assert (signer.name, signer.signature.value, signer.signed) == ("Budi Contoh, S.T.", "image", True)


def test_a_name_in_a_data_row_is_no_signature_line(tmp_path: Path) -> None:
    """An e-Kinerja export names each pegawai and penilai in a row of data, never alone in a row: no
    signature is judged (None, never 'none') and no party_unsigned follows."""
    import score  # noqa: F401 - the audit's SKP checks
    from audit import audit_documents
    from corpus.synth import ekinerja_export

    export, _ = ekinerja_export(7, n_pegawai=1)
    path = tmp_path / "ekinerja.xlsx"
    path.write_bytes(export)
    docs = read_file(path).documents
    assert docs and {p.signature for d in docs for p in d.parties} == {None}
    assert [f for f in audit_documents(docs).findings if f.check == "party_unsigned"] == []


def test_a_party_read_from_an_identity_table_is_judged_on_its_signature_lines(tmp_path: Path) -> None:
    """A PP 46 workbook: the pegawai and the penilai are read from the identity table ("Nama | …"),
    the atasan from its signature block; each is judged on every row of the document's sheets where
    the name stands alone: the penilai signs three sheets (A25 of Hal 1, A23 of Hal 2, A24 of Hal 3),
    the pegawai one (Hal 1 A30), the atasan one (Hal 3 A29). A picture over each of the penilai's
    lines signs it; near miss: the pegawai's picture on one sheet over another's line does not."""
    import score  # noqa: F401 - the audit's SKP checks
    from openpyxl.drawing.image import Image  # noqa: PLC0415
    from PIL import Image as Picture  # noqa: PLC0415

    from audit import audit_documents
    from corpus.synth import generate_skp

    form = generate_skp(7, 0, "skp_pp46", medium="xlsx")
    unsigned_path = tmp_path / "pp46.xlsx"
    unsigned_path.write_bytes(form.data)
    (doc,) = read_file(unsigned_path).documents
    assert [(p.role, p.signature, p.location.sheet, p.location.ref) for p in doc.parties] == [
        (Role.PEGAWAI, Signature.NONE, "Hal 1", "5:5"), (Role.PEJABAT_PENILAI, Signature.NONE, "Hal 1", "5:5"),
        (Role.ATASAN_PEJABAT_PENILAI, Signature.NONE, "Hal 3", "A29")]
    assert sorted(f.params["role"] for f in audit_documents([doc]).findings if f.check == "party_unsigned") == [
        "atasan_pejabat_penilai", "pegawai", "pejabat_penilai"]

    picture = tmp_path / "ttd.png"
    Picture.new("RGB", (60, 30), "blue").save(picture)
    wb = openpyxl.load_workbook(io.BytesIO(form.data))
    for sheet, anchor in (("Hal 1", "A22"), ("Hal 2", "A20"), ("Hal 3", "A21"),  # over the penilai's three names
                          ("Hal 2", "A27")):  # the pegawai signs on Hal 1 (A30): a picture on Hal 2 is not over it
        wb[sheet].add_image(Image(str(picture)), anchor)
    buf = io.BytesIO()
    wb.save(buf)
    signed_path = tmp_path / "pp46_signed.xlsx"
    signed_path.write_bytes(buf.getvalue())
    (doc,) = read_file(signed_path).documents
    assert [(p.role, p.signature) for p in doc.parties] == [
        (Role.PEGAWAI, Signature.NONE), (Role.PEJABAT_PENILAI, Signature.IMAGE), (Role.ATASAN_PEJABAT_PENILAI, Signature.NONE)]


def test_a_sasaran_merged_across_the_row_heads_the_indicators_under_it(tmp_path: Path) -> None:
    """A table with no sasaran column sets each sasaran as a band: one cell merged across the row, its text
    in the first column (the generated workbooks of corpus.synth lost 269 such sasaran in 260 files)."""
    rows = [*([t] for t in TITLE), [],
            ["No.", "IKU", "Target 2025"],
            ["Meningkatnya kualitas layanan publik"],
            ["1", "Indeks kepuasan masyarakat", "3,25 (skala 4)"],
            ["2", "Persentase pengaduan yang ditindaklanjuti", "95%"],
            ["Meningkatnya akuntabilitas kinerja"],
            ["3", "Nilai SAKIP", "BB"],
            [], ["Kepala Dinas Contoh,"]]
    path = tmp_path / "pk.xlsx"
    path.write_bytes(_workbook(rows, merged=("A5:C5", "A8:C8")))
    (doc,) = read_file(path).documents
    assert [(i.sasaran, i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("Meningkatnya kualitas layanan publik", "Indeks kepuasan masyarakat", "3,25 (skala 4)"),
        ("Meningkatnya kualitas layanan publik", "Persentase pengaduan yang ditindaklanjuti", "95%"),
        ("Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "BB"),
    ]


def test_a_title_over_the_header_and_a_note_under_the_table_stay_lines_of_text() -> None:
    """The near miss: a row of one value in the first column is a band only between two rows of the table."""
    wb = read_workbook(_workbook([["PERJANJIAN KINERJA TAHUN 2025"], ["No.", "IKU", "Target 2025"], ["1", "Nilai SAKIP", "BB"],
                                  ["Catatan: target tahunan"]]), ".xlsx")
    assert render(wb).text.split("\n") == ["PERJANJIAN KINERJA TAHUN 2025", "No.\tIKU\tTarget 2025", "1\tNilai SAKIP\tBB",
                                           "Catatan: target tahunan"]
