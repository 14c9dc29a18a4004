"""The scan image before OCR (extract.pdf.raster): paper flattened, specks removed, skew found
from the lines of text; and the settings object that carries their thresholds (extract.pdf.settings)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import cv2
import numpy as np
import pytest

from extract.pdf import raster
from extract.pdf.settings import DEFAULT, PdfSettings


def _text_page(lines: int = 12, width: int = 1600, height: int = 1400) -> np.ndarray:
    """A white page with lines of black text (OpenCV's Hershey font, ~10 pt at 300 dpi)."""
    page = np.full((height, width), 255, np.uint8)
    for k in range(lines):
        cv2.putText(page, "Persentase capaian kinerja 85,77% (skala 4)", (80, 120 + k * 95),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.4, 0, 3, cv2.LINE_AA)
    return page


def test_shaded_cell_and_grey_paper_become_white_and_the_text_stays_black() -> None:
    page = np.full((300, 600), 235, np.uint8)  # grey paper
    page[50:150, 50:550] = 190  # a shaded header cell
    cv2.putText(page, "Indikator Kinerja", (80, 115), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3)
    flat = raster.flatten_paper(page, DEFAULT.scale)
    assert flat[20, 20] == 255 and flat[60, 60] == 255  # paper and shade
    text = flat[90:120, 80:400]
    assert text.min() < 60  # the strokes keep their contrast
    _, otsu = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    assert (otsu[50:150, 50:550] == 255).mean() > 0.8  # one global threshold no longer takes the shade for ink


def test_isolated_specks_go_and_dots_of_text_stay() -> None:
    page = _text_page(lines=3)
    rng = np.random.default_rng(1)
    for y in range(420, 1300, 45):  # dust below the text, one speck 1-3 px wide in every 45 px square
        for x in range(10, 1590, 45):
            if abs(y - 600) > 30 or abs(x - 700) > 40:
                d = int(rng.integers(1, 4))
                page[y : y + d, x : x + d] = int(rng.integers(20, 200))
    page[600:603, 700:712] = 0  # a lone hyphen in a cell: long and flat, kept
    cleaned = raster.despeckle(page, DEFAULT.scale)
    assert (cleaned[400:1300] < 128).sum() == (page[600:603, 700:712] < 128).sum()  # only the hyphen is left
    assert np.array_equal(cleaned[:400], page[:400])  # the text, its comma, dots and percent signs untouched


@pytest.mark.parametrize("skew", [2.5, -1.7, 0.6])
def test_skew_is_found_from_the_lines_of_text_when_no_ruling_is_long_enough(skew: float) -> None:
    page = _text_page()
    h, w = page.shape
    tilted = cv2.warpAffine(page, cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0), (w, h), borderValue=255)
    angle = raster.skew_angle(tilted)
    assert abs(angle + skew) <= 0.1  # the turn that levels it back
    level, turned = raster.deskew(tilted)
    assert abs(turned + skew) <= 0.1 and level.shape == page.shape


def test_settings_are_frozen_and_swept_by_replace() -> None:
    with pytest.raises(FrozenInstanceError):
        DEFAULT.garbage_limit = 0.5  # type: ignore[misc]
    sweep = replace(DEFAULT, speck_gap_pt=4.0)
    assert sweep.speck_gap_pt == 4.0 and DEFAULT.speck_gap_pt == 2.9
    assert DEFAULT.scale == 300 / 72
    assert [DEFAULT.with_prefer_ocr(v).prefer_ocr for v in (True, False, None, "never")] == ["always", "never", "auto", "never"]
    with pytest.raises(ValueError):
        DEFAULT.with_prefer_ocr("sometimes")


def test_a_scan_read_with_ocr_off_is_reported_unread() -> None:
    """The settings reach the page: ``ocr=False`` leaves an image-only page unread, with the reason."""
    from corpus.synth import generate
    from extract.pdf.reader import read_pdf

    pdf = generate(1, 4, scan=True).pdf
    reading = read_pdf(pdf, "scan.pdf", "scan", settings=PdfSettings(ocr=False))
    assert [p.source for p in reading.pages] == ["empty"]
    assert "OCR disabled" in reading.pages[0].notes[0]


def test_a_slide_deck_is_read_from_its_own_text_not_by_ocr_of_its_pictures(monkeypatch) -> None:
    """A slide exported to PDF (a title and a footer as text, a picture of a table, a photograph or a
    chart over 55-65 % of the page) is a digital page with pictures, not a scan with an OCR layer:
    its words stand beside its pictures. No tesseract run at all (OCR of such a deck ran past 300 s)."""
    from extract.pdf import ocr, reader, tesseract
    from tests.extract.pdf.slides import deck

    def no_ocr(*_a, **_k):
        raise AssertionError("tesseract was run on a slide with its own text")

    monkeypatch.setattr(tesseract, "run", no_ocr)
    monkeypatch.setattr(ocr, "run", no_ocr)
    reading = reader.read_pdf(deck(pages=3), "deck.pdf", "deck")
    assert [p.source for p in reading.pages] == ["text", "text", "text"]
    assert all("not read by OCR" in p.notes[0] for p in reading.pages)
    assert "Capaian Kinerja Triwulan 2" in reading.text


def test_a_photograph_on_a_page_is_blanked_and_printed_text_is_not() -> None:
    from tests.extract.pdf.slides import photo

    page = _text_page(lines=4, height=1800)
    picture = photo(np.random.default_rng(3))
    page[600:1500, 100:1500] = picture[:900, :1400]
    out, covered = raster.blank_pictures(page, DEFAULT.scale)
    assert (out[650:1450, 150:1450] == 255).mean() > 0.95  # the photograph is gone
    assert np.array_equal(out[:450], page[:450])  # the text above it is left as printed
    assert 0.3 < covered < 0.5
    grey_text = np.where(_text_page() < 128, 120, 245).astype(np.uint8)  # grey toner on grey paper: no picture
    assert raster.blank_pictures(grey_text, DEFAULT.scale)[1] == 0.0


def test_components_are_opencvs_whether_their_labels_fit_sixteen_bits_or_not() -> None:
    """raster.components gives OpenCV's 32-bit result, also past 65,534 components (a page of
    noise: one speck every third pixel, 93,636 of them)."""
    text = _text_page(lines=3)
    binary = (text < 128).astype(np.uint8)
    noise = np.zeros((918, 918), np.uint8)
    noise[::3, ::3] = 1  # 306 x 306 = 93,636 specks, none touching: more labels than 16 bits hold
    for image in (binary, noise):
        n, labels, stats, centroids = raster.components(image, 8)
        n32, labels32, stats32, centroids32 = cv2.connectedComponentsWithStats(image, connectivity=8, ltype=cv2.CV_32S)
        assert n == n32 and (labels == labels32).all() and (stats == stats32).all() and (centroids == centroids32).all()
        count, only_labels = raster.component_labels(image, 8)
        assert count == n32 and (only_labels == labels32).all()
    assert raster.components(noise, 8)[0] == 306 * 306 + 1
    fast = np.uint16 if raster.sixteen_bit_overflow_raises() else np.int32  # (an OpenCV before 4.13: 32 bits)
    assert raster.components(binary, 8)[1].dtype == fast


def test_an_opencv_that_cannot_say_its_labels_overflow_is_asked_for_32_bit_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before OpenCV 4.13 a 16-bit overflow overwrote memory instead of raising (opencv/opencv#27582)."""
    binary = (_text_page(lines=1) < 128).astype(np.uint8)
    try:
        raster.sixteen_bit_overflow_raises.cache_clear()
        monkeypatch.setattr(cv2, "__version__", "4.12.0")
        assert not raster.sixteen_bit_overflow_raises()
        assert raster.components(binary, 8)[1].dtype == np.int32
        assert raster.component_labels(binary, 8)[1].dtype == np.int32
        raster.sixteen_bit_overflow_raises.cache_clear()
        monkeypatch.setattr(cv2, "__version__", "4.13.0")
        assert raster.sixteen_bit_overflow_raises()
    finally:
        raster.sixteen_bit_overflow_raises.cache_clear()  # (the real version's answer for the tests after)


def _ruled_rows_of_blurred_bold_type(height: int = 3000) -> tuple[np.ndarray, list[tuple[int, int]], list[tuple[int, int]]]:
    """Rows of bold type between ruling lines, blurred as a 150-dpi scan blurs them (generated scan s2/16):
    the page, the rows of its rulings (top, bottom) and the rows of its type's middle (top, bottom)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 30)
    page = Image.new("L", (2400, height), 255)
    draw = ImageDraw.Draw(page)
    rulings, middles = [], []
    for k, text in enumerate(["Meningkatnya partisipasi masyarakat dalam pembangunan desa",
                              "Terwujudnya tata kelola pemerintahan yang baik dan bersih",
                              "Meningkatnya kualitas infrastruktur jalan dan jembatan"]):
        top = 60 + k * 200
        draw.rectangle((40, top, 2360, top + 4), fill=90)
        draw.text((60, top + 70), text, font=font, fill=110)
        _, y0, _, y1 = draw.textbbox((60, top + 70), "xxxx", font=font)
        rulings.append((top, top + 5))
        middles.append(((y0 + y1) // 2 - 3, (y0 + y1) // 2 + 3))
    blurred = cv2.GaussianBlur(np.asarray(page), (0, 0), 2.6)
    return blurred, rulings, middles


@pytest.mark.parametrize("height", [700, 1200, 3000])
def test_the_ruling_masks_leave_a_line_of_blurred_bold_type_whole(height: int) -> None:
    """Whatever the image's height: the vertical runs of a short image (a 40th of its height) take in the type's
    stems, which are no vertical ruling the run through the type would end on."""
    page, rulings, middles = _ruled_rows_of_blurred_bold_type(height)
    across, _ = raster.line_masks(page, without_type=True)
    assert all(across[top:bottom, 100:2300].any(axis=0).mean() > 0.99 for top, bottom in rulings)
    assert all(not across[top:bottom, 60:2300].any() for top, bottom in middles)


def test_a_run_through_blurred_bold_type_is_a_ruling_to_the_plain_masks() -> None:
    """The case above is real: blurred bold type runs its letters together at mid-height over a ruling's length."""
    page, _, middles = _ruled_rows_of_blurred_bold_type()
    across, _ = raster.line_masks(page)
    assert any(across[top:bottom, 60:2300].any() for top, bottom in middles)


def test_a_ruling_one_cell_long_between_rows_of_blurred_bold_type_set_tight_stays_a_ruling() -> None:
    """The near miss: a short ruling with bold type right above and below it has ink on both sides as a run
    through type has; it runs from one vertical ruling to the next, and stays."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 40)
    page = Image.new("L", (2400, 3000), 255)
    draw = ImageDraw.Draw(page)
    _, top, right, bottom = draw.textbbox((0, 0), "MENINGKATNYA MUTU", font=font)
    for x in (300, 308 + right):  # one cell's vertical rulings, as far apart as its type is wide
        draw.rectangle((x, 200, x + 4, 600), fill=60)
    draw.rectangle((300, 398, 312 + right, 402), fill=60)  # the ruling between its two rows, 2 px from the type's caps
    draw.text((304, 396 - bottom), "MENINGKATNYA MUTU", font=font, fill=40)
    draw.text((304, 405 - top), "MENINGKATNYA MUTU", font=font, fill=40)
    blurred = cv2.GaussianBlur(np.asarray(page), (0, 0), 2.6)
    across, _ = raster.line_masks(blurred, without_type=True)
    assert across[396:405, 320:290 + right].any(axis=0).mean() > 0.99


def _grid_with_a_group_under_a_thick_border(group_line_end: int) -> np.ndarray:
    """A ruled table at 300 dpi: four columns, a thick outer border (30 px: a double line blurred by the scan into
    one band), and a ``Target`` header over the last two columns whose line under it runs from the third column's
    ruling to ``group_line_end`` (shorter than the lines a table's rows are told by alone, 0.3 of its width); the
    last column's ruling starts under that line. The page is 1,400 px high: a vertical ruling is a run of a 40th
    of it (35 px), and the border's 30 px across make no such run."""
    page = np.full((1400, 2480), 255, np.uint8)
    xs, top, group, rows = [100, 900, 1700, 2000, 2300], 100, 175, [250, 350, 450]
    for x in (xs[0], xs[-1]):
        page[top - 15 : rows[-1] + 15, x - 15 : x + 15] = 0
    for y in (top, rows[-1]):
        page[y - 15 : y + 15, xs[0] - 15 : xs[-1] + 15] = 0
    for x in xs[1:3]:
        page[top : rows[-1], x - 1 : x + 2] = 0
    page[group : rows[-1], xs[3] - 1 : xs[3] + 2] = 0
    for y in rows[:-1]:
        page[y - 1 : y + 2, xs[0] : xs[-1]] = 0
    page[group - 1 : group + 2, xs[2] : group_line_end] = 0
    return page


def test_a_group_label_line_that_runs_into_a_thick_border_parts_the_header_rows() -> None:
    """The line under a group's label ends on a column ruling at both its ends (raster._closed); at a thick outer
    border it runs on to the border's outer edge, 15 px from the border's middle here (13 px in a generated
    Rincian Target scanned at 150 dpi whose ``Target`` took the row of its periods into its own cell).
    The near misses: lines that stop inside the last column, 40 px short of the border's middle (the allowance
    is the tolerance and half the border's thickness, 27 px here) or far from it, end on no ruling, and part nothing."""
    scale = 300 / 72
    table = raster.find_grids(_grid_with_a_group_under_a_thick_border(2315), scale=scale)[0]
    assert [[cell is not None for cell in row] for row in table.rows] == [
        [True, True, True, False], [False, False, True, True], [True, True, True, True], [True, True, True, True]]
    assert [c.box.x0 * scale for c in table.rows[1][2:]] == pytest.approx([1700, 2000], abs=2)
    for end in (2260, 2150):
        short = raster.find_grids(_grid_with_a_group_under_a_thick_border(end), scale=scale)[0]
        assert [[cell is not None for cell in row] for row in short.rows] == [
            [True, True, True, False], [True, True, True, True], [True, True, True, True]]
