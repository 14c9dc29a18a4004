"""The scan path as named passes (extract.pdf.scan): declared in order, each a function of one
page context, so that a subset runs on a page built by hand."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from extract.pdf import ocr, read_pdf, scan, tesseract
from extract.models import TableMethod
from extract.pdf.model import Box, PageContent, Table, Word
from extract.pdf.render import visual_lines
from extract.pdf.settings import DEFAULT


def test_the_scan_passes_are_declared_in_order() -> None:
    assert [p.__name__ for p in scan.SCAN_PASSES] == [
        "blank_pictures", "clean", "deskew", "find_rulings", "read_cells", "fill_tables", "keep_rules",
        "read_page_words", "flag_low_confidence", "cross_read", "find_ink"]
    assert [p.__name__ for p in ocr.PAGE_WORD_PASSES] == [
        "split_tall_words", "drop_page_specks", "drop_lone_doubtful", "drop_double_readings", "reread_short_boxes", "recover_missed_words",
        "split_missed_spaces", "fix_tokens",
        "fix_stroke_capitals", "fix_percent_signs", "reread_percent_figures", "fix_item_marks", "fix_quarter_numerals", "read_period_numerals", "fix_period_words", "fix_dash_marks",
        "recover_missed_dashes"]


def test_clean_deskew_and_rulings_run_alone_on_a_grey_skewed_grid() -> None:
    """Grey paper and a 3 x 3 ruled grid turned by 2 degrees: the three passes alone flatten the
    paper to white, turn the page back (within 0.05 degree) and find the grid; no tesseract run."""
    page = np.full((1200, 1600), 240, np.uint8)
    for y in (200, 500, 800, 1100):
        page[y : y + 3, 200:1400] = 20
    for x in (200, 600, 1000, 1400):
        page[200:1103, x : x + 3] = 20
    page = cv2.warpAffine(page, cv2.getRotationMatrix2D((800, 600), 2.0, 1.0), (1600, 1200), borderValue=240)
    content = PageContent(1, 1600 / DEFAULT.scale, 1200 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.clean, scan.deskew, scan.find_rulings))
    assert content.source == "ocr" and len(content.notes) == 1
    assert abs(float(content.notes[0].split()[2]) + 2.0) <= 0.05  # 'deskewed by -1.99 degrees'
    assert done.image[50, 50] == 255
    assert [(len(g.rows), g.width) for g in done.grids] == [(3, 3)]


def test_rules_and_shaded_bands_outside_the_grids_are_kept_for_the_reader_without_one() -> None:
    """A table ruled under its rows only and a banded one, on a skewed scan, have no grid: the
    passes keep their rules and the bands' edges (a header shaded darker over a light band is two
    bands) in page points, level; a rule inside a ruled table found on the page is the grid's."""
    page = np.full((1600, 2000), 255, np.uint8)
    for y in (200, 300, 400):
        page[y : y + 3, 200:1800] = 20
    page[600:660, 200:1800] = 191  # a shaded header ...
    page[660:760, 200:1800] = 224  # ... over a light band
    cv2.putText(page, "Indikator 75%", (300, 730), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 30, 3)  # (text on it)
    page[1300:1303, 200:1800] = 20  # a rule in a ruled table
    page = cv2.warpAffine(page, cv2.getRotationMatrix2D((1000, 800), 1.5, 1.0), (2000, 1600), borderValue=255)
    content = PageContent(1, 2000 / DEFAULT.scale, 1600 / DEFAULT.scale)
    grid = Table(Box(150 / DEFAULT.scale, 1250 / DEFAULT.scale, 1850 / DEFAULT.scale, 1350 / DEFAULT.scale), [], TableMethod.OCR)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.clean, scan.deskew, scan.find_rulings))
    content.tables = [grid]
    scan.keep_rules(done)
    s = DEFAULT.scale
    assert [round(r.cy * s / 10) * 10 for r in content.rules] == [200, 300, 400]
    assert all(abs(r.x0 * s - 200) < 15 and abs(r.x1 * s - 1800) < 15 for r in content.rules)
    assert [(round(b.y0 * s / 10) * 10, round(b.y1 * s / 10) * 10) for b in content.fills] == [(600, 660), (660, 760)]


def test_flag_low_confidence_keeps_the_words_read_below_the_threshold() -> None:
    from extract.pdf.model import Box, Word

    content = PageContent(1, 100, 100)
    content.words = [Word("12,5", Box(0, 0, 10, 5), 41.0), Word("Target", Box(0, 10, 10, 15), 95.0)]
    scan.flag_low_confidence(scan.ScanPage(content, np.zeros((1, 1), np.uint8), DEFAULT))
    assert [(t, c) for t, c, _ in content.low_confidence] == [("12,5", 41.0)]


def test_find_ink_keeps_the_marks_no_word_or_ruling_explains() -> None:
    """The last pass leaves the page's ink marks for the signature evidence: a scrawl is a mark, a ruling
    line and the words read on the page are not."""
    from extract.pdf.model import Box, Word  # noqa: PLC0415

    image = np.full((400, 600), 255, np.uint8)
    cv2.line(image, (20, 350), (580, 350), 0, 2)  # a ruling across the page
    cv2.polylines(image, [np.array([(100, 200), (140, 120), (180, 210), (220, 130), (260, 200)], np.int32)], False, 0, 3)
    cv2.putText(image, "NAMA", (400, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    content = PageContent(1, 600 / DEFAULT.scale, 400 / DEFAULT.scale)
    content.words = [Word("NAMA", Box(395 / DEFAULT.scale, 170 / DEFAULT.scale, 480 / DEFAULT.scale, 205 / DEFAULT.scale))]
    page = scan.ScanPage(content, image, DEFAULT)
    scan.find_rulings(page)
    scan.find_ink(page)
    assert [[round(v * DEFAULT.scale) for v in (b.x0, b.y0, b.x1, b.y1)] for b in content.ink] == [[97, 117, 264, 214]]


def test_a_reading_in_real_words_is_upright_and_garbage_or_a_few_words_ask_the_orientation() -> None:
    """Whether a page's orientation is asked of tesseract: its reading is checked against the word
    lists (settings.upright_known_share of at least settings.upright_min_words words)."""

    from extract.pdf import lexicon  # noqa: PLC0415
    from extract.pdf.model import Box, Word  # noqa: PLC0415

    if not lexicon.words():
        pytest.skip("tesseract's word lists are not installed")

    def page(text: str) -> PageContent:
        content = PageContent(1, 100, 100)
        content.words = [Word(t, Box(0, 0, 1, 1)) for t in text.split()]
        return content

    upright = "Meningkatnya kualitas pelayanan publik dan persentase penyelesaian tindak lanjut hasil pengawasan daerah"
    assert scan.reads_upright(page(upright))
    assert not scan.reads_upright(page("ueyeequed ipnbwy ueoquep Yesqnd dnqsep uedeBeyeg ueyejqo yeusk lewd Bunpeg"))
    assert not scan.reads_upright(page("Meningkatnya kualitas pelayanan publik"))  # too few words to tell


AGREEMENT_ROWS = [["No", "Indikator Kinerja", "Target"],
                  ["1", "Persentase laporan keuangan tepat waktu", "100"],
                  ["2", "Nilai evaluasi akuntabilitas kinerja instansi pemerintah", "85"],
                  ["3", "Jumlah dokumen perencanaan yang ditetapkan", "4 Dokumen"]]


def _agreement_page() -> np.ndarray:
    """A one-page agreement (a title, a paragraph, AGREEMENT_ROWS ruled) rendered upright at the scan dpi."""
    import io  # noqa: PLC0415

    import pypdfium2 as pdfium  # noqa: PLC0415
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import getSampleStyleSheet  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: PLC0415

    styles = getSampleStyleSheet()
    table = Table(AGREEMENT_ROWS, colWidths=[40, 360, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 11)]))
    pdf = io.BytesIO()
    SimpleDocTemplate(pdf, pagesize=A4).build([
        Paragraph("PERJANJIAN KINERJA TAHUN 2024", styles["Title"]),
        Paragraph("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                  "berorientasi pada hasil, kami yang bertanda tangan di bawah ini berjanji akan mewujudkan target "
                  "kinerja tahunan sesuai lampiran perjanjian ini.", styles["Normal"]),
        Spacer(1, 20), table])
    page = pdfium.PdfDocument(pdf.getvalue())[0]
    return np.asarray(page.render(scale=DEFAULT.dpi / 72, grayscale=True).to_pil().convert("L"))


@pytest.mark.ocr
def test_a_page_scanned_upside_down_is_turned_and_reads_its_table_cell_by_cell() -> None:
    """A one-page agreement scanned upside down (turned 180 degrees, no /Rotate says so; stored
    losslessly, so that the page turned back is the upright page, pixel for pixel): tesseract's
    orientation detection is asked because the first reading is no language, the page is turned back
    and the table reads as printed."""
    from PIL import Image  # noqa: PLC0415

    from corpus.imagepdf import image_pdf  # noqa: PLC0415

    if not (tesseract.available() and tesseract.has_osd()):
        pytest.skip("tesseract with ind+eng+osd is not installed")
    upright = _agreement_page()
    height, width = (n * 72 / DEFAULT.dpi for n in upright.shape)
    scanned = image_pdf([(width, height, Image.fromarray(np.rot90(upright, k=2)))])
    reading = read_pdf(scanned, "upside_down.pdf", "upside_down")
    assert [n.split(" (")[0] for n in reading.pages[0].notes] == ["scanned sideways: turned 180 degrees clockwise"]
    assert [[c.text if c else None for c in r] for t in reading.contents[0].tables for r in t.rows] == AGREEMENT_ROWS
    assert " ".join(w.text for w in reading.contents[0].words).startswith("PERJANJIAN KINERJA TAHUN 2024 Dalam rangka")


@pytest.mark.ocr
def test_a_page_turned_a_quarter_is_read_only_turned_upright() -> None:
    """The same agreement turned a quarter: its ink runs down, so the orientation is asked before any
    reading and the passes run once, on the page turned upright (reading the sideways page first cost
    four times the page's time); the table reads as printed."""
    if not (tesseract.available() and tesseract.has_osd()):
        pytest.skip("tesseract with ind+eng+osd is not installed")
    upright = _agreement_page()
    sideways = np.rot90(upright, k=1).copy()
    seen: list[tuple[int, ...]] = []

    def record(page: scan.ScanPage) -> None:
        seen.append(page.image.shape)

    content = PageContent(1, sideways.shape[1] / DEFAULT.scale, sideways.shape[0] / DEFAULT.scale)
    scan.read_scan(content, sideways, DEFAULT, passes=(record, *scan.SCAN_PASSES))
    assert seen == [upright.shape]
    assert [n.split(" (")[0] for n in content.notes][:1] == ["scanned sideways: turned 90 degrees clockwise"]
    assert [[c.text if c else None for c in r] for t in content.tables for r in t.rows] == AGREEMENT_ROWS


@pytest.mark.ocr
def test_a_tables_row_read_as_noise_against_one_baseline_is_read_again_word_by_word() -> None:
    """A generated banded Lampiran SKP scanned at 150 dpi, blurred and skewed (seed 1, file 24,
    page 1; no grid): tesseract's page layout took the first line of a wrapped indicator and the
    values centred beside it for one line and read it 'MN POON OME AN' / '5, ngk soni (i080 SKS
    SOD 57.592 57.592'. The doubtful words, read again where they stand, are the row as printed."""
    from pathlib import Path  # noqa: PLC0415

    from extract.pdf import read_pdf, tesseract  # noqa: PLC0415
    from extract.pdf.render import visual_lines  # noqa: PLC0415

    if not tesseract.available():
        pytest.skip("tesseract is not installed")
    path = Path(__file__).parents[2] / "fixtures" / "pdf" / "synth_s1_00024_banded_lampiran_skp_scan--p1.pdf"
    content = read_pdf(path.read_bytes(), path.name, path.stem).contents[0]
    lines = [[w.text for w in ln.words] for ln in visual_lines(content.words)]
    row = next(k for k, ln in enumerate(lines) if ln[:1] == ["Jumlah"])
    assert lines[row : row + 3] == [
        ["Jumlah", "laporan", "monitoring", "dan"],
        ["5,", "11.518", "23.037", "23.037", "51.833", "51.833", "57.592", "57.592"],
        ["evaluasi", "pada", "unit", "kerja", "eselon", "I"],  # its I, read as a stroke, kept (ocr._stroke_after)
    ]


def _lined_page() -> np.ndarray:
    """Two lines of text, a ruling under each (set tight: the letters stand on it), on a page 300 dpi."""
    page = np.full((800, 2000), 255, np.uint8)
    for y, text in ((300, "Jumlah desa mandiri 12 Dokumen"), (400, "Nilai tukar petani 75 Laporan")):
        cv2.putText(page, text, (200, y - 4), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 20, 3)
        page[y : y + 3, 150:1850] = 20
    return page


def _line_words(y: float, texts: list[str]) -> list:
    from extract.pdf.model import Word

    s = DEFAULT.scale
    return [Word(t, Box((200 + 120 * k) / s, (y - 40) / s, (300 + 120 * k) / s, (y - 4) / s), 90.0) for k, t in enumerate(texts)]


def test_lines_page_layout_passed_over_are_counted_outside_the_tables_and_the_rulings() -> None:
    """seed 2 file 13 (a Rincian Target at 150 dpi, a ruling under each row set tight): tesseract's page
    layout dropped ten rows whole. The ink of a line no word covers is a line passed over; a ruling
    alone, or a line inside a table read cell by cell, is not."""
    page, s = _lined_page(), DEFAULT.scale
    page[600:620, 150:1850] = 20  # (a thick ruling, as high as half a line: the masks take it, not the blobs' size)
    first = _line_words(300, ["Jumlah", "desa", "mandiri", "12", "Dokumen", "x"])
    assert ocr.missed_lines(page, first, s) == 1
    assert ocr.missed_lines(page, first, s, masks=(np.zeros_like(page), np.zeros_like(page))) == 2
    assert ocr.missed_lines(page, first, s, [Box(100 / s, 330 / s, 1900 / s, 420 / s)]) == 0
    assert ocr.missed_lines(page, first + _line_words(400, ["Nilai", "tukar", "petani", "75", "Laporan"]), s) == 0


def test_a_page_whose_layout_passed_over_lines_is_read_again_without_its_rulings(monkeypatch) -> None:
    """The page is read again with its rulings blanked, and that reading kept when it holds more
    real words by ``reread_known_share`` and reads no number of the first as letters; the first
    reading's sure words where the second reads none join it, unless they stand on a ruling; a page
    that lost no line is read once."""
    from extract.pdf import lexicon

    if not lexicon.words():
        pytest.skip("tesseract's word lists are not installed")
    page = np.vstack([_lined_page(), np.full((2700, 2000), 255, np.uint8)])  # (an A4 page's height: a digit's stroke is no ruling)
    ruled = _line_words(300, ["Jumlah", "desa", "mandiri", "12", "Dokumen", "x"])
    unruled = ruled + _line_words(400, ["Nilai", "tukar", "petani", "75", "Laporan"])
    reads: list[bool] = []

    def ocr_page_words(image, scale, blank=None):  # (the two readings, told apart by the ruling under the first line)
        reads.append(bool(image[301, 1000] < 128))
        return list(ruled if reads[-1] else unruled)

    monkeypatch.setattr(ocr, "ocr_page_words", ocr_page_words)
    content = PageContent(1, 2000 / DEFAULT.scale, 3500 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.find_rulings, scan.read_page_words))
    assert reads == [True, False]
    assert [w.text for w in done.content.words] == [w.text for w in unruled]
    assert content.notes[-1] == "read again with its ruling lines blanked: 8 real words, not 4"
    reads.clear()  # a second reading that read the first's numbers as something else is not kept
    unruled_all = unruled
    unruled = [Word("lz" if w.text == "12" else "ls" if w.text == "75" else w.text, w.box, w.conf) for w in unruled_all]
    content = PageContent(1, 2000 / DEFAULT.scale, 3500 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.find_rulings, scan.read_page_words))
    assert reads == [True, False]
    assert [w.text for w in done.content.words] == [w.text for w in ruled] and not content.notes
    reads.clear()  # ... one that read nothing where the first read a number sure is kept, with that number
    unruled = [w for w in unruled_all if w.text not in ("12", "75")]
    content = PageContent(1, 2000 / DEFAULT.scale, 3500 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.find_rulings, scan.read_page_words))
    assert [w.text for w in done.content.words] == [w.text for w in unruled] + ["12"]
    reads.clear()  # a ruling the first reading took for a "1" is no word the second passed over
    page[220:480, 1800:1804] = 20  # (a column's edge down the page)
    ruled = [*_line_words(300, ["Jumlah", "desa", "mandiri", "12", "Dokumen", "x"]),
             Word("1", Box(1799 / DEFAULT.scale, 262 / DEFAULT.scale, 1805 / DEFAULT.scale, 296 / DEFAULT.scale), 70.0)]
    content = PageContent(1, 2000 / DEFAULT.scale, 3500 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.find_rulings, scan.read_page_words))
    assert [w.text for w in done.content.words] == [w.text for w in unruled] + ["12"]
    reads.clear()  # a page that lost no line is read once
    ruled = unruled
    content = PageContent(1, 2000 / DEFAULT.scale, 3500 / DEFAULT.scale)
    scan.read_scan(content, page, DEFAULT, passes=(scan.find_rulings, scan.read_page_words))
    assert reads == [True]


def _page_lines(name: str) -> list[list[str]]:
    if not tesseract.available():
        pytest.skip("tesseract is not installed")
    path = Path(__file__).parents[2] / "fixtures" / "pdf" / name
    content = read_pdf(path.read_bytes(), path.name, path.stem).contents[0]
    return [[w.text for w in ln.words] for ln in visual_lines(content.words)]


@pytest.mark.ocr
def test_a_second_doubtful_reading_of_a_line_and_the_ink_its_boxes_left_out_are_no_words() -> None:
    """A generated SKP (PermenPANRB 6/2022) scanned at 300 dpi, uneven toner (seed 2, file 9; no grid):
    tesseract's page layout read the line 'Opini BPK … unit kerja' twice, the second time as a line of its
    own at 39 by letters ('aga k ATA h jaka'), and the two came out interleaved in the indicator's name;
    the ink its boxes left out (the 'k' of 'keuangan', the 'h' of 'pemerintah') read again alone gave
    'ke' and 'ih'. The line reads as printed."""
    lines = _page_lines("synth_s2_00009_skp_scan.pdf")
    row = next(k for k, ln in enumerate(lines) if ln[:1] == ["Opini"])
    assert lines[row] == ["Opini", "BPK", "atas", "laporan", "keuangan", "pemerintah", "daerah", "pada", "unit", "kerja",
                          "Penerima"]
    assert lines[row + 2] == ["eselon", "I", "Layanan"]


@pytest.mark.ocr
def test_a_word_whose_box_tesseract_drew_short_is_read_again_whole() -> None:
    """A generated Inisiatif Strategis scanned at 300 dpi with heavy blur (seed 1, file 9; lines under its
    rows): tesseract read 'ngendalian' and 'erbasis' with boxes that leave out the 'pe' and the 'b' they
    print; the ink left out, read alone, gave 'per'. Each word read again with that ink reads whole."""
    lines = _page_lines("synth_s1_00009_inisiatif_strategis_scan.pdf")
    row = next(k for k, ln in enumerate(lines) if "intern" in ln)
    assert lines[row][3:6] == ["petani", "pengendalian", "intern"]  # (beside the row's first column)
    assert lines[row + 1] == ["berbasis", "risiko"]


@pytest.mark.ocr
def test_the_narrow_hyphens_of_a_speckled_scan_are_dashes() -> None:
    """A generated Lampiran SKP scanned at 150 dpi in narrow type, heavy speckle (seed 1, file 39; ruled):
    the hyphens of the empty periods keep 5 x 3 px of dark ink at 300 dpi (one, rounded by the scan, 5 x 4
    px), and tesseract, seeing nothing in their cells, left them empty. Each is a dash."""
    if not tesseract.available():
        pytest.skip("tesseract is not installed")
    path = Path(__file__).parents[2] / "fixtures" / "pdf" / "synth_s1_00039_lampiran_skp_scan.pdf"
    (table,) = read_pdf(path.read_bytes(), path.name, path.stem).contents[0].tables
    rows = [[c.text if c else None for c in row] for row in table.rows]
    assert rows[2][2:] == ["-", "-", "-", "-", "-", "Rp 3.934.000.000", "Rp 3.934.000.000"]
    assert rows[4][2:] == ["-", "-", "-", "-", "-", "Rp 2.479.000.000", "Rp 2.479.000.000"]


def _speckled_grid(cells: dict[tuple[int, int], list[tuple[int, int, int, int]]], specks: int = 200) -> np.ndarray:
    """A 300-dpi page with a ruled grid of 2 x 3 cells (300 x 150 px each) and ``specks`` specks of grain
    outside it (3 x 3 px: a speckled scan, whose specks the cleaning removes); ``cells``: the blots (x, y, w,
    h, in the cell) printed pale (grey 190) in each cell."""
    page = np.full((1400, 1800), 255, np.uint8)
    xs, ys = [300, 600, 900, 1200], [300, 450, 600]
    for y in ys:
        page[y : y + 3, xs[0] : xs[-1] + 3] = 30
    for x in xs:
        page[ys[0] : ys[-1] + 3, x : x + 3] = 30
    rng = np.random.default_rng(7)
    for _ in range(specks):
        x, y = int(rng.integers(20, 1780)), int(rng.integers(800, 1380))
        page[y : y + 3, x : x + 3] = 120
    for (r, c), blots in cells.items():
        for x, y, w, h in blots:
            page[ys[r] + y : ys[r] + y + h, xs[c] + x : xs[c] + x + w] = 190
    return page


def test_a_pale_dash_the_cleaning_took_for_a_speck_is_the_cells_dash() -> None:
    """A generated PK scanned at 150 dpi with grey toner and heavy JPEG (seed 1 file 8): its empty periods'
    hyphens are blots of 6-8 x 4-6 px at 300 dpi, as small as grain, and the cleaning of the speckled page
    removed them: 15 cells read empty. The blot clearly the largest of its cell, flat and in the middle of
    its width, is the cell's dash (7 x 5 px here, removed by the cleaning: the cell in row 0, column 0; and in
    column 1, beside a smaller grain), on the page as scanned and on the page skewed 1.5 degrees.
    Near misses: a cell whose blots are grain of one size (column 2 of row 0), or whose one blot stands off
    the middle (row 1, column 0), stays empty; and on a page with no specks, so is a pale blot alone. No
    tesseract run: no cell holds text."""
    page = _speckled_grid({(0, 0): [(146, 72, 7, 5)], (0, 1): [(146, 72, 7, 5), (40, 20, 4, 4)],
                           (0, 2): [(146, 72, 6, 5), (60, 30, 6, 5), (200, 100, 5, 5)], (1, 0): [(230, 72, 7, 5)]})
    cleaned = scan.read_scan(PageContent(1, 1800 / DEFAULT.scale, 1400 / DEFAULT.scale), page, DEFAULT, passes=(scan.clean,))
    assert cleaned.specks is not None and int((cleaned.specks < 224).sum()) >= 150 * 9  # (specks set close are no specks)
    assert (cleaned.specks[372:377, 446:453] == 190).all() and (cleaned.image[372:377, 446:453] == 255).all()  # the dash, removed
    content = PageContent(1, 1800 / DEFAULT.scale, 1400 / DEFAULT.scale)
    done = scan.read_scan(content, page, DEFAULT, passes=(scan.clean, scan.find_rulings, scan.read_cells))
    assert [(w.text, round(w.box.cx * DEFAULT.scale)) for w in done.cell_words] == [("-", 449), ("-", 749)]
    assert done.specks is None  # (let go once the cells are read)
    skewed = cv2.warpAffine(page, cv2.getRotationMatrix2D((900, 700), 1.5, 1.0), (1800, 1400), borderValue=255)
    turned = scan.read_scan(PageContent(1, 1800 / DEFAULT.scale, 1400 / DEFAULT.scale), skewed, DEFAULT,
                            passes=(scan.clean, scan.deskew, scan.find_rulings, scan.read_cells))
    assert [w.text for w in turned.cell_words] == ["-", "-"]  # (the specks turned with the page)
    clean = scan.read_scan(PageContent(1, 1800 / DEFAULT.scale, 1400 / DEFAULT.scale), _speckled_grid({(0, 0): [(146, 72, 8, 5)]}, 0),
                           DEFAULT, passes=(scan.clean, scan.find_rulings, scan.read_cells))
    assert clean.cell_words == []  # a page with no specks: a pale smudge alone is no dash (as _faint_dash says)
