"""DOCX agreements read with python-docx into the same text reader."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from extract import read_file
from extract.docx import render_docx
from extract.models import Role, Status
from tests.golden import GOLDEN, ROOT, diff, load_golden

FIXTURE = ROOT / "tests" / "fixtures" / "pdf" / "andri000me__aplikasi_esakip__1506761997_perjanjian_kinerja_2017_kadis.docx"


def test_perjanjian_kinerja_2017_kadis_docx_reads_like_the_page() -> None:
    result = read_file(FIXTURE)
    assert [d.doc_id.split("--")[1] for d in result.documents] == ["01-pk"]
    doc = result.documents[0]
    first, second = doc.party(Role.PIHAK_PERTAMA), doc.party(Role.PIHAK_KEDUA)
    assert (first.name, first.nip, first.pangkat, first.jabatan) == (
        "dr. H. DODO SUHENDAR, MM.", "196509281990101001", "Pembina Utama Muda", "KEPALA DINAS KESEHATAN PROVINSI JAWA BARAT",
    )
    assert (second.name, second.jabatan) == ("AHMAD HERYAWAN", "GUBERNUR PROVINSI JAWA BARAT")
    # vertically merged sasaran cells: the continuation slots are empty, the sasaran carries down
    assert [(i.sasaran_no, i.targets[0].value.raw) for i in doc.indicators][:5] == [
        ("1", "60%"), ("2", "88/100.000 KH"), ("2", "5,6 /1000 KH"), ("2", "0,56"), ("2", "87%"),
    ]
    assert len(doc.indicators) == 11
    assert doc.tables[0].method == "docx"
    assert doc.tables[0].rows[:3] == [
        ["NO.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["1.", "Meningkatnya kemandirian masyarakat untuk Hidup Sehat",
         "Persentase Rumah Tangga yang Berprilaku Hidup Bersih dan Sehat (PHBS)", "60%"],
    ]
    assert len(doc.budget) == 13 and {b.level for b in doc.budget} == {"program"}
    assert doc.budget[2].amount == 160427065470


def test_perjanjian_kinerja_2017_kadis_docx_matches_hand_golden() -> None:
    path = GOLDEN / "real" / "andri000me__aplikasi_esakip__1506761997_perjanjian_kinerja_2017_kadis--01-pk.json"
    if not path.exists():
        pytest.skip("golden/real is written by hand and not there yet")
    doc = read_file(FIXTURE).documents[0]
    assert diff(load_golden(path), doc) == []


def _docx(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_merged_cells_kv_table_and_page_break(tmp_path: Path) -> None:
    def build(d):
        d.add_paragraph("PERJANJIAN KINERJA TAHUN 2024")
        kv = d.add_table(rows=2, cols=3)
        for r, (k, v) in enumerate([("Nama", "Drs. BUDI SANTOSO, M.Si"), ("Jabatan", "KEPALA DINAS")]):
            kv.cell(r, 0).text, kv.cell(r, 1).text, kv.cell(r, 2).text = k, ":", v
        d.add_paragraph("selanjutnya disebut PIHAK KESATU")
        d.add_page_break()
        t = d.add_table(rows=4, cols=4)
        for c, h in enumerate(["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]):
            t.cell(0, c).text = h
        t.cell(1, 0).merge(t.cell(3, 0)).text = "1"
        t.cell(1, 1).merge(t.cell(3, 1)).text = "Meningkatnya layanan"
        for r, (ind, tgt) in enumerate([("Indeks kepuasan", "80"), ("Jumlah layanan", "4 Kali"), ("Persentase", "98 %")], start=1):
            t.cell(r, 2).text, t.cell(r, 3).text = ind, tgt

    data = _docx(build)
    text = render_docx(data)
    assert "Nama : Drs. BUDI SANTOSO, M.Si" in text.splitlines()
    assert "\f" in text
    assert "\t\tJumlah layanan\t4 Kali" in text.splitlines()
    path = tmp_path / "pk.docx"
    path.write_bytes(data)
    doc = read_file(path).documents[0]
    assert [(i.sasaran_no, i.sasaran, i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("1", "Meningkatnya layanan", "Indeks kepuasan", "80"),
        ("1", "Meningkatnya layanan", "Jumlah layanan", "4 Kali"),
        ("1", "Meningkatnya layanan", "Persentase", "98 %"),
    ]
    assert doc.party(Role.PIHAK_PERTAMA).jabatan == "KEPALA DINAS"
    assert doc.pages == 2


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"this is an old Word 97 document", "not a DOCX"),
    (b"PK\x03\x04" + b"\x00" * 64, "not a DOCX"),
])
def test_bad_docx_fails_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    result = read_file(path)
    assert result.status is Status.FAILED
    assert result.reason.startswith(reason), result.reason


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    result = read_file(path)
    assert result.status is Status.FAILED
    assert result.reason.startswith("corrupt DOCX"), result.reason


def test_a_picture_over_the_name_is_a_signature_and_no_picture_is_none(tmp_path: Path) -> None:
    """Word holds no ink: a signer is signed when a picture (a scanned signature, a stamp) sits on
    or just over the name, and unsigned otherwise — never 'not looked for'."""
    from PIL import Image  # noqa: PLC0415

    png = io.BytesIO()
    Image.new("RGB", (60, 20), "navy").save(png, format="PNG")

    def build(d):
        d.add_paragraph("PERJANJIAN KINERJA TAHUN 2024")
        d.add_paragraph("DINAS CONTOH KABUPATEN CONTOH")
        t = d.add_table(rows=2, cols=3)
        for c, h in enumerate(["No", "Indikator Kinerja", "Target"]):
            t.cell(0, c).text = h
        t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1", "Indeks kepuasan masyarakat", "80"
        d.add_paragraph("Contoh, 2 Januari 2024")
        d.add_paragraph("PIHAK KEDUA")
        d.add_paragraph("Bupati Contoh")
        d.add_paragraph("")
        d.add_paragraph("BUDI SANTOSO")
        d.add_paragraph("PIHAK PERTAMA")
        d.add_paragraph("Kepala Dinas Contoh")
        png.seek(0)
        d.add_paragraph().add_run().add_picture(png)
        d.add_paragraph("SITI AMINAH")
        d.add_paragraph("NIP. 198001012005012001")

    path = tmp_path / "pk.docx"
    path.write_bytes(_docx(build))
    doc = read_file(path).documents[0]
    got = {p.name: (p.signature.value, p.signed) for p in doc.parties}
    assert got == {"SITI AMINAH": ("image", True), "BUDI SANTOSO": ("none", False)}


def test_a_column_numbering_row_printed_in_brackets_is_no_indicator(tmp_path: Path) -> None:
    """``(1) (2) (3)`` under the header was bracketed again (``((2))``) and read as an indicator named ``((2))``."""
    rows = [["No.", "IKU", "Target 2025"], ["(1)", "(2)", "(3)"], ["1", "Indeks kepuasan masyarakat", "3,25 (skala 4)"],
            ["2", "Nilai SAKIP", "BB"]]

    def build(d) -> None:
        d.add_paragraph("PERJANJIAN KINERJA TAHUN 2025")
        d.add_paragraph("KEPALA DINAS CONTOH KABUPATEN UJI")
        table = d.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text

    path = tmp_path / "pk.docx"
    path.write_bytes(_docx(build))
    (doc,) = read_file(path).documents
    assert [(i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("Indeks kepuasan masyarakat", "3,25 (skala 4)"), ("Nilai SAKIP", "BB")]
