"""The PDF reader's paths one by one: rotation, the camelot fallback, nested rows, signature columns."""

from __future__ import annotations

import io
import itertools

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.models import Role, TableMethod
from extract.pdf import read_pdf
from extract.pdf import reader as pdf_reader
from extract.pdf.model import Box, Cell, PageContent, Table, Word
from extract.pdf.render import render_page
from extract.pdf.ruling import camelot_tables, grid_cells, grid_tables
from extract.pdf.tablerows import table_rows
from extract.pdf.textlayer import garbage_score, page_transform, page_words
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
KESENIAN = FIXTURES / "andri000me__aplikasi_esakip__LAMPIRAN_PERJANJIAN_KINERJA_BIDANG_KESENIAN.pdf"


def _rotated_pk(rotation: int = 90) -> bytes:
    """A landscape agreement stored as a portrait page turned by /Rotate."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setPageRotation(rotation)
    w, _ = A4
    c.translate(w, 0)
    c.rotate(90)  # draw in the displayed (landscape) frame
    y = w - 60
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "PERJANJIAN KINERJA TAHUN 2024")
    y -= 30
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], ["1", "Meningkatnya layanan", "Indeks kepuasan", "80"],
            ["", "", "Jumlah layanan", "4 Kali"]]
    xs = [60, 100, 400, 650, 760]
    top = y
    c.setFont("Helvetica", 9)
    for r in rows:
        for k, t in enumerate(r):
            c.drawString(xs[k] + 3, y - 13, t)
        y -= 20
    for i in range(len(rows) + 1):
        c.line(xs[0], top - 20 * i, xs[-1], top - 20 * i)
    for x in xs:
        c.line(x, top, x, y)
    for x, lines in ((60, ["PIHAK KEDUA", "", "", "Ir. AHMAD SUBAGJA", "NIP. 19600803 199003 1 005"]),
                     (500, ["PIHAK KESATU", "", "", "Drs. BUDI SANTOSO, M.Si", "NIP. 19650928 199010 1 001"])):
        for k, t in enumerate(lines):
            c.drawString(x, y - 40 - 14 * k, t)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_rotated_page_reads_in_display_orientation() -> None:
    data = _rotated_pk()
    page = pdfium.PdfDocument(data)[0]
    assert page.get_rotation() == 90
    _, width, height, _ = page_transform(page)
    image = page.render(scale=0.25).to_pil()
    assert abs(image.width / image.height - width / height) < 0.02  # coordinates are those of the displayed page
    doc = read_pdf(data, "rot.pdf", "rot").documents[0]
    assert doc.tables[0].rows == [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["1", "Meningkatnya layanan", "Indeks kepuasan", "80"],
        ["", "", "Jumlah layanan", "4 Kali"],
    ]
    assert (doc.party(Role.PIHAK_PERTAMA).name, doc.party(Role.PIHAK_KEDUA).name) == ("Drs. BUDI SANTOSO, M.Si", "Ir. AHMAD SUBAGJA")


def _turned_page(rotation: int) -> pdfium.PdfPage:
    """A few lines of text on an A4 page stored turned by ``rotation`` (/Rotate), drawn so that it
    displays upright: the same words at the same places of the displayed page's frame."""
    buf = io.BytesIO()
    w, h = A4
    c = canvas.Canvas(buf, pagesize=A4)  # (a portrait MediaBox; reportlab's own page rotation would swap it)
    c.translate(*{0: (0, 0), 90: (w, 0), 180: (w, h), 270: (0, h)}[rotation])
    c.rotate(rotation)
    c.setFont("Helvetica", 10)
    for k, line in enumerate(["PERJANJIAN KINERJA TAHUN 2024", "Indeks kepuasan masyarakat 82,5%", "Rp 7.315.466.938.000"]):
        c.drawString(60 + 40 * k, 500 - 18 * k, line)
    c.showPage()
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    page.set_rotation(rotation)
    return page


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_stored_turned_reads_the_words_of_the_displayed_page(rotation: int) -> None:
    """The same text displayed upright, stored without and with a quarter turn: the same words,
    each box in the displayed page's top-left frame (whose height is the stored page's width when
    the turn is a quarter or three)."""
    upright, turned = _turned_page(0), _turned_page(rotation)
    assert turned.get_rotation() == rotation
    _, _, height, _ = page_transform(upright)
    _, _, turned_height, _ = page_transform(turned)
    plain, moved = page_words(upright), page_words(turned)
    assert [x.text for x in moved] == [x.text for x in plain] == [
        "PERJANJIAN", "KINERJA", "TAHUN", "2024", "Indeks", "kepuasan", "masyarakat", "82,5%", "Rp", "7.315.466.938.000"]
    shift = turned_height - height  # (the same distance from the displayed page's bottom)
    for a, b in zip(plain, moved, strict=True):
        assert (b.box.x0, b.box.y0, b.box.x1, b.box.y1) == pytest.approx((a.box.x0, a.box.y0 + shift, a.box.x1, a.box.y1 + shift), abs=1e-3)


def _plumber_cells(intersections: dict) -> list:
    from pdfplumber.table import intersections_to_cells

    return intersections_to_cells(intersections)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_the_cells_of_ruling_lines_are_pdfplumbers_cells(data) -> None:
    """:func:`grid_cells` finds the cells pdfplumber's ``intersections_to_cells`` finds, in its order,
    on grids with lines missing, lines that stop short and merged cells."""
    from pdfplumber.table import edges_to_intersections

    xs = sorted(data.draw(st.sets(st.integers(0, 12), min_size=2, max_size=6)))
    ys = sorted(data.draw(st.sets(st.integers(0, 12), min_size=2, max_size=6)))
    edges = []
    for y in ys:  # each horizontal line in pieces, some left out
        cuts = sorted(data.draw(st.sets(st.sampled_from(xs), min_size=2, max_size=len(xs))))
        for a, b in itertools.pairwise(cuts):
            if data.draw(st.booleans()) or len(edges) == 0:
                edges.append({"x0": a * 10.0, "x1": b * 10.0, "top": y * 10.0, "bottom": y * 10.0, "orientation": "h"})
    for x in xs:
        cuts = sorted(data.draw(st.sets(st.sampled_from(ys), min_size=2, max_size=len(ys))))
        for a, b in itertools.pairwise(cuts):
            if data.draw(st.booleans()):
                edges.append({"x0": x * 10.0, "x1": x * 10.0, "top": a * 10.0, "bottom": b * 10.0, "orientation": "v"})
    points = edges_to_intersections(edges, 1, 1)
    assert grid_cells(points) == _plumber_cells(points)


def test_the_cells_of_a_full_grid_with_a_merged_cell() -> None:
    """A 3 x 2 grid whose two lower-left cells are one (the vertical line between them left out)."""
    from pdfplumber.table import edges_to_intersections

    def line(x0, top, x1, bottom):
        return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "orientation": "h" if top == bottom else "v"}

    edges = [line(0, y, 30, y) for y in (0, 10, 20)] + [line(x, 0, x, 20) for x in (0, 30)] + [line(10, 0, 10, 10), line(20, 0, 20, 20)]
    assert grid_cells(edges_to_intersections(edges, 1, 1)) == [
        (0, 0, 10, 10), (0, 10, 20, 20), (10, 0, 20, 10), (20, 0, 30, 10), (20, 10, 30, 20)]


def test_camelot_lattice_gives_the_same_grid_as_pdfplumber() -> None:
    import pdfplumber

    data = KESENIAN.read_bytes()
    page = pdfium.PdfDocument(data)[0]
    words = page_words(page)
    _, _, height, _ = page_transform(page)
    (cam,) = camelot_tables(data, 1, height, words)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (plumb,), _ = grid_tables(pdf.pages[0], words)
    assert cam.method == "camelot"
    assert table_rows(cam) == table_rows(plumb)


def test_rejected_grid_falls_back_to_camelot(monkeypatch) -> None:
    monkeypatch.setattr(pdf_reader, "grid_tables", lambda page, words: ([], ["forced for the test"]))
    reading = read_pdf(KESENIAN.read_bytes(), KESENIAN.name, KESENIAN.stem)
    doc = reading.documents[0]
    assert doc.tables[0].method == "camelot"
    assert [i.targets[0].value.raw for i in doc.indicators] == ["7 Jenis", "36 Kategori dan 4 Jenis", "27 Set/Unit, 20 Lokasi dan 2 Dokumen"]
    assert any("camelot lattice gave" in n for n in reading.pages[0].notes)


def _cell(x0: float, x1: float, lines: list[tuple[float, str]]) -> Cell:
    return Cell(Box(x0, lines[0][0] - 5 if lines else 0, x1, lines[-1][0] + 5 if lines else 0), " ".join(t for _, t in lines), None, lines)


def test_nested_values_beside_their_items_are_split_into_rows() -> None:
    """``1.1 Jumlah produksi (ton): - Daging 768.495`` as one ruled row: each value keeps its item."""
    header = [_cell(0, 50, [(10, "No")]), _cell(50, 200, [(10, "Sasaran Strategis")]),
              _cell(200, 400, [(10, "Indikator Kinerja")]), _cell(400, 480, [(10, "Target")])]
    body = [
        _cell(0, 50, [(30, "1.1")]),
        _cell(50, 200, [(30, "Meningkatnya produksi")]),
        _cell(200, 400, [(30, "1.1 Jumlah produksi (ton):"), (42, "- Daging"), (54, "- Telur"), (66, "1.2 Jumlah kunjungan"), (78, "ke UPTD")]),
        _cell(400, 480, [(42, "768.495"), (54, "210.664"), (78, "4 Kali")]),
    ]
    table = Table(Box(0, 0, 480, 90), [header, body], method="pdf-ruling")
    assert table_rows(table) == [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["1.1", "Meningkatnya produksi", "1.1 Jumlah produksi (ton):", ""],
        ["", "", "- Daging", "768.495"],
        ["", "", "- Telur", "210.664"],
        ["", "", "1.2 Jumlah kunjungan ke UPTD", "4 Kali"],
    ]
    text = "PERJANJIAN KINERJA TAHUN 2016\n\n" + "\n".join("\t".join(r) for r in table_rows(table))
    from extract.text.reader import read_text_documents

    doc = read_text_documents(text, "x.txt", "x")[0]
    assert [(i.item_no, i.name, i.parent, i.targets[0].value.raw) for i in doc.indicators] == [
        ("1.1", "Daging", "Jumlah produksi (ton)", "768.495"),
        ("1.1", "Telur", "Jumlah produksi (ton)", "210.664"),
        ("1.2", "Jumlah kunjungan ke UPTD", None, "4 Kali"),
    ]


def test_sasaran_set_apart_by_a_blank_line_in_one_ruled_row_become_rows() -> None:
    """PK_Kadis_2016: row '3.' holds two sasaran, each with its indicator and target, one blank line
    between them and no ruling. A blank line that only one column shows is no cut."""
    header = [_cell(0, 50, [(10, "No")]), _cell(50, 200, [(10, "Sasaran Strategis")]),
              _cell(200, 400, [(10, "Indikator Kinerja")]), _cell(400, 480, [(10, "Target")])]
    body = [
        _cell(0, 50, [(30, "3.")]),
        _cell(50, 200, [(30, "Meningkatnya Penerapan"), (42, "Sistem Mutu"), (80, "Meningkatnya Margin")]),
        _cell(200, 400, [(30, "Jumlah Kelompok yang"), (42, "Menerapkan Sistem Mutu"), (80, "Persentase Margin :"), (92, "a. Padi (%)"),
                         (104, "b. Palawija (%)")]),
        _cell(400, 480, [(30, "20 Kelompok"), (92, "32"), (104, "29,4")]),
    ]
    table = Table(Box(0, 0, 480, 120), [header, body], method="ocr")
    assert table_rows(table)[1:] == [
        ["3.", "Meningkatnya Penerapan Sistem Mutu", "Jumlah Kelompok yang Menerapkan Sistem Mutu", "20 Kelompok"],
        ["", "Meningkatnya Margin", "Persentase Margin :", ""],
        ["", "", "a. Padi (%)", "32"],
        ["", "", "b. Palawija (%)", "29,4"],
    ]
    paragraph = [_cell(0, 50, [(30, "4.")]), _cell(50, 200, [(30, "Meningkatnya mutu")]),
                 _cell(200, 400, [(30, "Jumlah unit"), (80, "(catatan di bawah)")]), _cell(400, 480, [(30, "5")])]
    assert table_rows(Table(Box(0, 0, 480, 100), [header, paragraph], method="ocr"))[1:] == [
        ["4.", "Meningkatnya mutu", "Jumlah unit (catatan di bawah)", "5"],
    ]


def _words(spec: list[tuple[str, float, float]]) -> list[Word]:
    out = []
    for text, x, y in spec:
        for k, part in enumerate(text.split()):
            x0 = x + sum(len(p) * 5 + 3 for p in text.split()[:k])
            out.append(Word(part, Box(x0, y, x0 + len(part) * 5, y + 10)))
    return out


def test_signature_columns_are_read_column_by_column() -> None:
    words = _words([
        ("Bandung, 22 April 2016", 350, 100),
        ("PIHAK KEDUA", 80, 120), ("PIHAK KESATU", 350, 120),
        ("Ir. DODY FIRMAN NUGRAHA", 60, 180), ("H. RENDRADI, S.Pt., MP", 340, 180),
        ("Pembina Utama Muda", 70, 192), ("Pembina Tk. I", 360, 192),
        ("NIP. 19591030 198503 1 008", 60, 204), ("NIP. 19591117 198003 1 003", 340, 204),
    ])
    lines = render_page(PageContent(1, 600, 800, words=words)).lines
    content = [ln for ln in lines if ln]
    assert content == [
        "PIHAK KEDUA", "Ir. DODY FIRMAN NUGRAHA", "Pembina Utama Muda", "NIP. 19591030 198503 1 008",
        "Bandung, 22 April 2016", "PIHAK KESATU", "H. RENDRADI, S.Pt., MP", "Pembina Tk. I", "NIP. 19591117 198003 1 003",
    ]


def test_signature_blocks_set_at_different_heights_are_read_column_by_column() -> None:
    # two blocks side by side, the right one lower (generated file s1/22): no line holds both a gap
    # and a signature hint ("Bupati Boyolali," beside the place and date; the NIP under the right-hand
    # name only), so the names came out on two consecutive lines and were read as one signer
    words = _words([
        ("Bupati Boyolali,", 120, 100), ("Boyolali, 7 Februari 2024", 420, 100),
        ("Kepala Dinas Kesehatan,", 410, 110),
        ("DRS. AHMAD WIJAYA", 110, 150), ("HENDRA SAPUTRA, S.H.", 415, 160),
        ("NIP 19861018 201306 2 006", 405, 170),
    ])
    content = [ln for ln in render_page(PageContent(1, 600, 800, words=words)).lines if ln]
    assert content == [
        "Bupati Boyolali,", "DRS. AHMAD WIJAYA",
        "Boyolali, 7 Februari 2024", "Kepala Dinas Kesehatan,", "HENDRA SAPUTRA, S.H.", "NIP 19861018 201306 2 006",
    ]


def test_two_columns_of_text_over_the_signatures_keep_their_rows() -> None:
    """Near miss: rows of two text cells (no number) over a stacked signature block are no pair of
    signature columns: their lines hold no signer's head (a jabatan closed by a comma, a place and date)."""
    words = _words([
        ("Sasaran Strategis", 60, 100), ("Indikator Kinerja", 380, 100),
        ("Meningkatnya kualitas layanan", 60, 114), ("Indeks kepuasan masyarakat", 380, 114),
        ("PIHAK PERTAMA,", 380, 140), ("Dr. Maya Wijaya, S.T., M.T.", 365, 190), ("NIP 19830412 201210 1 001", 365, 202),
    ])
    content = [ln for ln in render_page(PageContent(1, 600, 800, words=words)).lines if ln]
    assert content[:4] == ["Sasaran Strategis", "Indikator Kinerja", "Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat"]


def test_a_table_row_over_the_signatures_is_no_signature_column() -> None:
    """Near miss: a budget line whose amount stands apart over a stacked signature block keeps its
    name and amount on one line (generated file s2/57)."""
    words = _words([
        ("c. Komunikasi, Edukasi, dan Standardisasi", 60, 100), ("15.376.000,00", 470, 100),
        ("PIHAK PERTAMA,", 380, 130), ("Kepala Dinas Koperasi,", 370, 142),
        ("Dr. Maya Wijaya, S.T., M.T.", 365, 190), ("NIP 19830412 201210 1 001", 365, 202),
    ])
    content = [ln for ln in render_page(PageContent(1, 600, 800, words=words)).lines if ln]
    assert content == ["c. Komunikasi, Edukasi, dan Standardisasi\t15.376.000,00", "PIHAK PERTAMA,", "Kepala Dinas Koperasi,",
                       "Dr. Maya Wijaya, S.T., M.T.", "NIP 19830412 201210 1 001"]


def test_garbage_text_layer_score() -> None:
    clean = _words([("PERJANJIAN KINERJA TAHUN 2016 Dalam rangka mewujudkan", 0, 0)])
    junk = [Word(t, Box(0, 0, 1, 1)) for t in "~;.. '\"!~I .: ,,; _. -{,. ••".split()]
    assert garbage_score(clean) == 0.0
    assert garbage_score(junk) > pdf_reader.GARBAGE_LIMIT


def _ruled_pages():
    for path in sorted(FIXTURES.glob("*.pdf")):
        yield path.name, path.read_bytes()
    yield "rotated-90", _rotated_pk(90)


def test_edges_from_path_objects_give_pdfplumbers_grids() -> None:
    """The fast path (edges read by pypdfium2) finds exactly the grids pdfplumber finds after
    pdfminer's parse, on every page of the real fixtures that has ruling lines and no shaded
    cells (where the two differ on purpose: see the LAMPIRAN_3_RENCANA_AKSI test)."""
    import pdfplumber

    from extract.pdf.vector import EdgePage, page_objects

    compared = 0
    for name, data in _ruled_pages():
        doc = pdfium.PdfDocument(data)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in range(len(doc)):
                page = doc[i]
                tf, width, height, _ = page_transform(page)
                objects = page_objects(page, tf, width, height)
                if not objects.present or objects.image_cover >= 0.5 or objects.backgrounds:
                    continue  # shaded cells: the two differ on purpose (tests/test_pdf_real.py)
                words = page_words(page)
                fast, _ = grid_tables(EdgePage(objects.edges, width, height), words)
                slow, _ = grid_tables(pdf.pages[i], words)
                assert [table_rows(t) for t in fast] == [table_rows(t) for t in slow], (name, i + 1)
                for a, b in zip(fast, slow, strict=True):
                    assert (a.box.x0, a.box.y0, a.box.x1, a.box.y1) == pytest.approx((b.box.x0, b.box.y0, b.box.x1, b.box.y1), abs=0.05)
                compared += 1
    assert compared >= 8


def test_page_objects_turn_a_stroked_line_into_one_edge_in_top_left_coordinates() -> None:
    import pypdfium2.raw as pdfium_c

    from extract.pdf.vector import page_objects

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(200, 100)
    path = pdfium_c.FPDFPageObj_CreateNewPath(10, 20)
    pdfium_c.FPDFPath_LineTo(path, 110, 20)
    pdfium_c.FPDFPath_SetDrawMode(path, 0, True)
    pdfium_c.FPDFPage_InsertObject(page, path)
    pdfium_c.FPDFPage_GenerateContent(page)
    tf, width, height, _ = page_transform(page)
    objects = page_objects(page, tf, width, height)
    assert objects.horizontal == 1
    assert objects.edges == [{"x0": 10.0, "x1": 110.0, "top": 80.0, "bottom": 80.0, "width": 100.0, "height": 0.0,
                              "orientation": "h", "object_type": "line"}]



def test_unruled_period_label_wrapped_in_its_column_and_a_value_wrapped_with_its_name() -> None:
    """The built Lampiran SKP (unruled): 's.d.' over 'Q3' in a narrow column, and '34,9' over '4%'
    beside a name that goes on in lower case. Column x positions as the builder sets them."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    xs = {"No": 50, "IKI": 190, "Q1": 310, "Q2": 350, "Smt. 1": 390, "Q3": 435, "s.d.": 470, "Q4": 510, "Y": 545}
    spec = [("No", 50, 100), ("IKI", 190, 100), ("Target", 310, 100)]
    spec += [(t, xs[t], 116) for t in ("Q1", "Q2", "Smt. 1", "Q3", "s.d.", "Q4", "Y")] + [("Q3", 470, 126)]
    row1 = ["-", "-", "-", "-", "-", "88", "88"]
    row2 = ["-", "-", "-", "-", "-", "34,9", "34,9"]
    spec += [("1.", 50, 145), ("Indeks kualitas belanja", 190, 145)] + [(v, x, 145) for v, x in zip(row1, list(xs.values())[2:], strict=True)]
    spec += [("2.", 50, 170), ("Rasio TKD yang", 190, 170)] + [(v, x, 170) for v, x in zip(row2, list(xs.values())[2:], strict=True)]
    spec += [("kinerja terhadap TKD", 190, 180), ("4%", 510, 180), ("4%", 545, 180)]
    spec += [("3.", 50, 205), ("Indeks ketimpangan", 190, 205)] + [(v, x, 205) for v, x in zip(row1, list(xs.values())[2:], strict=True)]
    (table,) = find_tables(_words(spec), 595)
    rows = table_rows(table)
    assert rows[1] == ["", "", "Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y"]
    assert rows[3] == ["2.", "Rasio TKD yang kinerja terhadap TKD", "-", "-", "-", "-", "-", "34,9 4%", "34,9 4%"]
    assert len(rows) == 5


def test_unruled_close_quarter_labels_each_get_their_column() -> None:
    """The built 003 PK (unruled): 'III' and 'IV' stand closer than a column gutter under
    'Triwulan', and 'IV' starts within 40 pt of 'Tahunan': each is still its own quarter."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    spec = [("Nomor", 45, 100), ("Indikator", 100, 100), ("Triwulan", 324, 100), ("Tahunan", 453, 100), ("Keterangan", 498, 100)]
    spec += [("I", 324, 116), ("II", 369, 116), ("III", 392, 116), ("IV", 415, 116)]
    spec += [("1", 45, 140), ("Indeks sistem merit", 100, 140), ("N/A", 324, 140), ("N/A", 369, 140), ("N/A", 392, 140),
             ("319,53", 415, 140), ("319,53", 453, 140), ("Nilai", 498, 140)]
    spec += [("2", 45, 160), ("Nilai Dimensi", 100, 160), ("N/A", 324, 160), ("N/A", 369, 160), ("N/A", 392, 160),
             ("50,24", 415, 160), ("50,24", 453, 160), ("Nilai", 498, 160)]
    (table,) = find_tables(_words(spec), 595)
    rows = table_rows(table)
    assert rows[1] == ["", "", "I", "II", "III", "IV", "", ""]
    assert rows[2] == ["1", "Indeks sistem merit", "N/A", "N/A", "N/A", "319,53", "319,53", "Nilai"]


def test_unruled_item_lines_beside_a_wrapped_sasaran_stay_rows() -> None:
    """A second value starts a row unless every text beside it goes on in lower case; an item
    letter ('a. Kedelai') is a row of its own even beside a wrapped sasaran ('pangan')."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    spec = [("No", 45, 100), ("Sasaran", 80, 100), ("Indikator", 250, 100), ("Target", 450, 100)]
    spec += [("1", 45, 120), ("Meningkatnya", 80, 120), ("Padi", 250, 120), ("32", 450, 120)]
    spec += [("produksi", 80, 132), ("Jagung", 250, 132), ("15", 450, 132)]
    spec += [("pangan", 80, 144), ("a. Kedelai", 250, 144), ("7", 450, 144)]
    (table,) = find_tables(_words(spec), 595)
    assert [r[2:] for r in table_rows(table)[1:]] == [["Padi", "32"], ["Jagung", "15"], ["a. Kedelai", "7"]]


def test_unruled_header_label_wrapped_over_four_lines_stays_in_the_header() -> None:
    """The built 003 Rencana Aksi (unruled): 'Rencana Aksi dan/atau Rencana Mitigasi yang
    ditetapkan' wraps over four lines in its column, and 'IKU' under 'Target' names a column
    of its own: every wrapped line is the header's, and row 1 is the first body row."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    spec = [("NO", 50, 100), ("Sasaran", 80, 100), ("Indikator", 160, 100), ("Target", 240, 100), ("Rencana Aksi", 290, 100),
            ("Waktu", 480, 100)]
    spec += [("Kinerja Utama", 160, 112), ("IKU", 240, 112), ("dan/atau Rencana", 290, 112)]
    spec += [("Mitigasi yang", 290, 124), ("ditetapkan", 290, 136)]
    spec += [("1", 50, 160), ("Perbaikan", 80, 160), ("Indeks merit", 160, 160), ("319,53", 240, 160), ("RA1. Penyusunan", 290, 160),
             ("Tw 3", 480, 160)]
    spec += [("Penerapan", 290, 172), ("2", 50, 200), ("Peningkatan", 80, 200), ("Nilai SDI", 160, 200), ("50,24", 240, 200),
             ("RA1. Pengelolaan", 290, 200), ("Tw 1", 480, 200)]
    (table,) = find_tables(_words(spec), 595)
    rows = table_rows(table)
    assert rows[0] == ["NO", "Sasaran", "Indikator Kinerja Utama", "Target IKU", "Rencana Aksi dan/atau Rencana Mitigasi yang ditetapkan",
                       "Waktu"]
    assert rows[1:] == [["1", "Perbaikan", "Indeks merit", "319,53", "RA1. Penyusunan Penerapan", "Tw 3"],
                        ["2", "Peningkatan", "Nilai SDI", "50,24", "RA1. Pengelolaan", "Tw 1"]]


def test_unruled_body_line_that_opens_a_cell_with_a_label_word_goes_on() -> None:
    """The built 003 PK (unruled): a row's second line reads 'pelayanan | Layanan | Indikator
    untuk' -- one known label word among cell text is no repeated header, and the row goes on."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    spec = [("No", 45, 100), ("Sasaran", 80, 100), ("Indikator Kinerja", 200, 100), ("Pengukuran", 320, 100), ("Target", 470, 100)]
    spec += [("1", 45, 120), ("Terwujudnya", 80, 120), ("Indeks Kepuasan", 200, 120), ("Definisi :", 320, 120), ("94", 470, 120)]
    spec += [("pelayanan", 80, 132), ("Layanan", 200, 132), ("Indikator untuk", 320, 132)]
    spec += [("yang baik", 80, 144), ("mengukur kepuasan", 320, 144)]
    spec += [("2", 45, 170), ("Meningkatnya", 80, 170), ("Nilai SDI", 200, 170), ("Rumus", 320, 170), ("3,25", 470, 170)]
    (table,) = find_tables(_words(spec), 595)
    assert table_rows(table)[1:] == [
        ["1", "Terwujudnya pelayanan yang baik", "Indeks Kepuasan Layanan", "Definisi : Indikator untuk mengukur kepuasan", "94"],
        ["2", "Meningkatnya", "Nilai SDI", "Rumus", "3,25"],
    ]


def test_unruled_two_close_values_in_neighbour_columns_are_cut_between_them() -> None:
    """The built 003 PK (unruled), row 11: '71' under 'IV' and '71' under 'Tahunan' stand 10 pt
    apart beside a tall text cell. The gutter is the clear space between the two values, not
    after the second one (that read '71 71' in IV and nothing in Tahunan)."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    spec = [("No", 45, 100), ("Indikator", 100, 100), ("Pengukuran", 300, 100), ("IV", 444, 100), ("Tahunan", 464, 100),
            ("Keterangan", 510, 100)]
    spec += [("11", 45, 120), ("Persentase NKA", 100, 120), ("Dasar Hukum", 300, 120), ("71", 444, 120), ("71", 464, 120),
             ("Persen", 510, 120)]
    spec += [("t" * (3 + k % 8) + " nilai", 300, 120 + 12 * k) for k in range(1, 16)]
    (table,) = find_tables(_words(spec), 595)
    rows = table_rows(table)
    assert rows[1][3:] == ["71", "71", "Persen"]


def test_unruled_table_going_on_under_itself_with_other_columns_and_no_header() -> None:
    """The built 000 Lampiran SKP (unruled): the seed's table was cut by a page break, so rows
    13-17 stand under row 12 on the same page, in narrower columns and without a header, opening
    with the rest of row 12's name. They are the same table; a heading with no row under it
    ('Pegawai yang Dinilai' over the signatures) is not."""
    from extract.pdf.unruled import find_tables
    from extract.pdf.tablerows import table_rows

    xs = [50, 190, 300, 340, 380, 420]  # No, IKI, Q1, Q3, Q4, Y
    spec = [("No", xs[0], 100), ("IKI", xs[1], 100), ("Q1", xs[2], 100), ("Q3", xs[3], 100), ("Q4", xs[4], 100), ("Y", xs[5], 100)]
    for n, y in ((11, 120), (12, 140)):
        spec += [(f"{n}.", xs[0], y), (f"Indikator nomor {n}", xs[1], y)] + [(v, x, y) for v, x in zip(["-", "40", "85", "85"], xs[2:], strict=True)]
    narrow = [50, 140, 260, 300, 340, 380]
    spec += [("Pemerintah Pusat", narrow[1], 180)]  # a row's gap and more under row 12: the table above ends
    for n, name, y in ((13, "Indeks SDM", 200), (14, "Nilai evaluasi", 220), (15, "Tingkat kualitas TIK", 240)):
        spec += [(f"{n}.", narrow[0], y), (name, narrow[1], y)] + [(v, x, y) for v, x in zip(["60%", "60%", "96%", "96%"], narrow[2:], strict=True)]
    spec += [("Pegawai yang Dinilai", 50, 262)]  # a row's space under row 15, the table's column 1
    first, rest = find_tables(_words(spec), 595)
    assert table_rows(first)[-1] == ["12.", "Indikator nomor 12", "-", "40", "85", "85"]
    assert table_rows(rest) == [
        ["", "Pemerintah Pusat", "", "", "", ""],
        ["13.", "Indeks SDM", "60%", "60%", "96%", "96%"],
        ["14.", "Nilai evaluasi", "60%", "60%", "96%", "96%"],
        ["15.", "Tingkat kualitas TIK", "60%", "60%", "96%", "96%"],
    ]


def test_a_ruling_line_between_a_number_and_a_letter_splits_the_word_and_an_overflow_stays_whole() -> None:
    """An amount that overflows its cell so far that it touches the next cell's word
    ("5.378.000.000Kegiatan"): the ruling line between them ends the first word; the next cell's
    amount, running on past the table's right edge, stays one word (digits on both sides of that line)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 9)
    top = A4[1] - 100
    for x in (100, 180, 260):
        c.line(x, top, x, top - 30)
    for y in (top, top - 30):
        c.line(100, y, 260, y)
    amount = "Rp 5.378.000.000"
    width = c.stringWidth(amount, "Helvetica", 9)
    c.drawString(180 - width + 1.0, top - 20, amount)  # overflows the first cell by 1 pt, onto the second's start
    c.drawString(181.0, top - 20, "Kegiatan 45.378.000.000")  # and the second runs on past the table's right edge
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    walls = [(float(x), 100.0, 130.0) for x in (100, 180, 260)]
    assert [w.text for w in page_words(page)] == ["Rp", "5.378.000.000Kegiatan", "45.378.000.000"]  # no wall: one word
    words = page_words(page, walls=walls)
    assert [w.text for w in words] == ["Rp", "5.378.000.000", "Kegiatan", "45.378.000.000"]
    assert words[1].box.x1 < 181.5 < words[2].box.x0 + 1.5 and words[3].box.x0 < 260 < words[3].box.x1


def test_a_number_set_against_a_rupiah_sign_ends_there_without_a_ruling_line() -> None:
    """Two cells touching with no line between ("Rp 5.226.000.000Rp 5.226.000.000", generated file
    s2/22): "Rp" after a number's last digit opens the next value. Near misses: a number against
    another letter, and "Rp" that goes on as a word, stay one token without a wall."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 9)
    for y, (left, right) in enumerate((("Rp 5.226.000.000", "Rp 5.226.000.000"), ("Lantai 12", "Rb"), ("Kode 7", "Rpx"))):
        width = c.stringWidth(left, "Helvetica", 9)
        c.drawString(100, 700 - 20 * y, left)
        c.drawString(100 + width, 700 - 20 * y, right)  # touching: no space, no ruling line
    c.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    assert [w.text for w in page_words(page)] == [
        "Rp", "5.226.000.000", "Rp", "5.226.000.000", "Lantai", "12Rb", "Kode", "7Rpx"]


def test_an_unruled_budget_list_ends_where_the_place_and_date_stand_beside_a_partys_label() -> None:
    """A generated PK (s1/25): its budget list, read by the whitespace reader, ran on over the first
    line of the signatures ("PIHAK KEDUA," beside "Samarinda, Maret 2020"): one piece of a line that
    is the place and date ends the table, as a whole line of it did."""
    from corpus.synth import generate  # noqa: PLC0415

    g = generate(1, 25)
    reading = read_pdf(g.pdf, g.truth.file, "synth")
    rows = [[c.text if c else "" for c in r] for t in reading.contents[0].tables for r in t.rows]
    budget = rows[-4:]
    assert budget == [
        ["1. Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Rp Kekayaan Intelektual",
         "99.246.000"],
        ["a. Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah Rp", "58.980.000"],
        ["b. Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah Rp", "29.622.000"],
        ["c. Koordinasi dan Sinkronisasi Penerapan SPIP Rp", "10.644.000"],
    ]
    assert [(p.role.value, p.name) for p in reading.documents[0].parties] == [
        ("pihak_pertama", "HJ. ARIF SURYADI, M.AK."), ("pihak_kedua", "IR. LESTARI HIDAYAT, S.H.")]


def test_an_amount_wrapped_around_its_rows_line_is_one_budget_value() -> None:
    """A generated PK's budget table (s1/118: "No / Program / Anggaran Keterangan", cells centred on
    their rows): each amount wraps, "Rp" over the row's line and the number under it; joined on the
    row's line the row reads "name | Rp amount | APBD", under a stacked header whose last line holds
    "Anggaran" and "Keterangan" set close. Both programmes were lost."""
    from corpus.synth import generate  # noqa: PLC0415

    g = generate(1, 118)
    pk = read_pdf(g.pdf, g.truth.file, "synth").documents[0]
    assert [(b.label, b.name, b.amount) for b in pk.budget] == [
        ("1", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", 40_002_000),
        ("2", "Program Kepegawaian Daerah", 40_693_000)]


def test_a_wrapped_amount_is_joined_only_around_an_empty_cell_of_the_rows_line() -> None:
    """Near misses: "Rp" over an amount that the row's line reaches over (a value of its own in that
    column), and "Rp" over a number that is no amount, stay as they are."""
    from extract.pdf.render import join_wrapped_amounts  # noqa: PLC0415

    def texts(spec: list[tuple[str, float, float]]) -> list[str]:
        return sorted(w.text for w in join_wrapped_amounts(_words(spec)))

    around = [("Rp", 400, 100), ("1 Program Kepegawaian Daerah", 60, 106), ("40.693.000", 360, 112)]
    assert "Rp 40.693.000" in texts(around)
    assert not any(t.startswith("Rp ") for t in texts([*around, ("12", 380, 106)]))  # the row's line has a value there
    assert not any(t.startswith("Rp ") for t in texts([("Rp", 400, 100), ("1 Program Kepegawaian Daerah", 60, 106),
                                                        ("40693", 380, 112)]))  # no amount under the sign


def test_a_budget_table_going_on_over_a_page_keeps_rows_whose_number_touches_a_long_name() -> None:
    """A generated PK's budget table runs on to the next page without its header; "3. Program
    Pemberdayaan … Mikro" (the item mark set close to a name that reaches past the middle of its
    column) used to end it as a line across two columns."""
    from corpus.synth import generate  # noqa: PLC0415

    g = generate(2, 0)
    rows = [[c.text if c else None for c in r] for r in read_pdf(g.pdf, g.truth.file, "synth").contents[6].tables[0].rows]
    assert rows == [
        ["b.", "Pengelolaan Sistem Informasi dan Teknologi", "Rp. 52.481.000"],
        ["3.", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro", "Rp. 104.412.000"],
        ["", "Output Program: Kebijakan Bidang Perencanaan", "Rp. 31.266.000"],
        ["a.", "Komunikasi, Edukasi, dan Standardisasi", "Rp. 31.266.000"],
        ["", "Output Program: Sistem Pengendalian dan Pengawasan Institusi", "Rp. 73.146.000"],
        ["a.", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Rp. 18.134.000"],
        ["b.", "Monitoring dan Evaluasi Kinerja Anggaran", "Rp. 55.012.000"],
    ]


def test_a_wider_amount_reaching_past_its_columns_edge_keeps_the_budget_table_going() -> None:
    """A generated PK's budget in bands, amounts right-aligned: "Rp 154.005.000" starts left of the
    narrower amounts above it, across the column's edge into the whitespace after its short name;
    the table used to end there and lose its last four lines."""
    from corpus.synth import generate  # noqa: PLC0415

    g = generate(1, 84)
    pk = read_pdf(g.pdf, g.truth.file, "synth").documents[0]
    assert [(b.label, b.amount) for b in pk.budget][-4:] == [
        ("3.", 154_005_000), ("a.", 54_980_000), ("b.", 46_396_000), ("c.", 52_629_000)]
    assert pk.budget[-4].name == "Program Pengelolaan Keuangan Daerah"


def test_a_header_printed_again_over_the_next_page_and_read_as_noise_is_the_page_befores() -> None:
    """A Rincian Target going on over a second page under its header printed again, the period
    labels of the second read as OCR made them of a blurred 150-dpi scan (generated scan seed 1,
    file 11: 'qi 2 Sm. 1 93 sdg Qs x'); the second page's indicators had their Y target only."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.lib.styles import getSampleStyleSheet  # noqa: PLC0415
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    def table(periods: list[str], body: list[list[str]]) -> Table:
        rows = [["No", "Indikator Kinerja Utama", "Target", "", "", "", "", "", ""], ["", "", *periods], *body]
        t = Table(rows, colWidths=[30, 250, *[60] * 7])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("SPAN", (2, 0), (8, 0)),
                               ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
        return t

    def two_pages(second_periods: list[str], second_body: list[str]) -> bytes:
        """The Rincian Target of one indicator, then a page break and a table of the same shape."""
        styles = getSampleStyleSheet()
        pdf = io.BytesIO()
        SimpleDocTemplate(pdf, pagesize=landscape(A4)).build([
            Paragraph("RINCIAN TARGET KINERJA", styles["Title"]), Paragraph("TAHUN 2023", styles["Title"]),
            table(["Q1", "Q2", "Smt. 1", "Q3", "s.d.Q3", "Q4", "Y"],
                  [["1", "Persentase laporan keuangan tepat waktu", "25%", "50%", "50%", "75%", "75%", "100%", "100%"]]),
            PageBreak(), table(second_periods, [second_body])])
        return pdf.getvalue()

    pdf = two_pages(["qi", "2", "Sm. 1", "93", "sdg", "Qs", "x"],
                    ["2", "Nilai evaluasi akuntabilitas kinerja", "-", "-", "-", "-", "-", "A", "A"])
    doc = read_pdf(pdf, "repeated.pdf", "repeated").documents[0]
    assert [(t.period.value, t.value.raw) for t in doc.indicators[1].targets] == [
        ("Q1", "-"), ("Q2", "-"), ("Smt1", "-"), ("Q3", "-"), ("sdQ3", "-"), ("Q4", "A"), ("Y", "A")]

    # another table of the same shape on the next page keeps its labels: years under Target name
    # the years' targets (read under their parent), not the quarters of the page before (review)
    pdf = two_pages(["2019", "2020", "2021", "2022", "2023", "2024", "2025"],
                    ["2", "Nilai evaluasi akuntabilitas kinerja", "60", "62", "64", "66", "68", "70", "72"])
    second = read_pdf(pdf, "other.pdf", "other").contents[1].tables[0]
    assert [c.text for c in second.rows[1][2:]] == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]


def _ocr_table(values: list[list[str]], header: tuple[str, ...] = ("Kode", "Indikator Kinerja", "TW I", "Target")) -> Table:
    def cell(text: str) -> Cell:
        return Cell(Box(0, 0, 10, 10), text, conf=90.0, lines=[(5.0, text)])

    return Table(Box(0, 0, 400, 100), [[cell(h) for h in header], *[[cell(t) for t in row] for row in values]],
                 TableMethod.OCR)


def test_a_scan_that_prints_decimal_commas_has_its_dots_read_for_commas_put_back() -> None:
    table = _ocr_table([["1.1", "Indeks A", "24.66%", "34,94%"], ["1.2", "Indeks B", "3,5 (skala 4)", "3.5 (skala 4)"],
                        ["1.3", "Jumlah C", "1.250", "80,5"], ["1.4", "Nilai D", "21.0 3%", "12,05"],
                        ["1.5", "Nilai E", "1,5", "2,25"]])
    page = PageContent(1, 595, 842, tables=[table], source="ocr")
    pdf_reader.restore_decimal_commas([page])  # 6 commas against 3 dots
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["1.1", "Indeks A", "24,66%", "34,94%"], ["1.2", "Indeks B", "3,5 (skala 4)", "3,5 (skala 4)"],
        ["1.3", "Jumlah C", "1.250", "80,5"], ["1.4", "Nilai D", "21,0 3%", "12,05"],
        ["1.5", "Nilai E", "1,5", "2,25"]]  # the codes and the thousands of 1.250 kept
    assert table.rows[1][2].lines == [(5.0, "24,66%")]


def test_a_scan_that_prints_decimal_dots_keeps_them() -> None:
    rows = [["1.1", "Indeks A", "24.66%", "34.94%"], ["1.2", "Indeks B", "3,5", "3.5"], ["1.3", "Nilai C", "7.25", "12,05"]]
    table = _ocr_table(rows)
    pdf_reader.restore_decimal_commas([PageContent(1, 595, 842, tables=[table], source="ocr")])
    assert [[c.text for c in row] for row in table.rows[1:]] == rows  # 2 commas against 4 dots: the file's own
    digital = _ocr_table([["1.1", "Indeks A", "24.66%", "34,94%"], ["1.2", "B", "3,5", "8,5"], ["1.3", "C", "1,5", "2,5"]])
    pdf_reader.restore_decimal_commas([PageContent(1, 595, 842, tables=[digital], source="text")])
    assert digital.rows[1][2].text == "24.66%"  # a text layer's dot is what was printed


def test_a_scans_n_a_with_its_slash_read_as_a_letter_or_lost_is_put_back() -> None:
    """Narrow type at 150 dpi (seed 2, file 14): the slash of N/A read as Y or I, or lost. NYA and NIA are
    no value, so they are N/A; NA is, where the file reads a slash in half its not-applicable cells."""
    table = _ocr_table([["1.1", "Indeks A", "NYA", "N/A"], ["1.2", "Indeks B", "NA", "NIA"], ["1.3", "Nama NIA", "Nya", "NA"]])
    pdf_reader.restore_not_applicable([PageContent(1, 595, 842, tables=[table], source="ocr")])  # 4 slashed, 2 bare
    assert [[c.text for c in row] for row in table.rows[1:]] == [  # (an indicator's name is no value cell: its NIA stays)
        ["1.1", "Indeks A", "N/A", "N/A"], ["1.2", "Indeks B", "N/A", "N/A"], ["1.3", "Nama NIA", "N/A", "N/A"]]
    assert table.rows[1][2].lines == [(5.0, "N/A")]


def test_a_scan_that_prints_na_keeps_it() -> None:
    rows = [["1.1", "Indeks A", "NA", "NA"], ["1.2", "Indeks B", "NA", "NYA"], ["1.3", "Nilai C", "NA", "12"]]
    table = _ocr_table(rows)
    pdf_reader.restore_not_applicable([PageContent(1, 595, 842, tables=[table], source="ocr")])  # 1 slashed, 4 bare
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["1.1", "Indeks A", "NA", "NA"], ["1.2", "Indeks B", "NA", "N/A"], ["1.3", "Nilai C", "NA", "12"]]
    digital = _ocr_table([["1.1", "Indeks A", "NYA", "N/A"]])
    pdf_reader.restore_not_applicable([PageContent(1, 595, 842, tables=[digital], source="text")])
    assert digital.rows[1][2].text == "NYA"  # a text layer's letters are what was printed
