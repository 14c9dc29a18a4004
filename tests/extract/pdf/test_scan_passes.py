"""The scan path as named passes (extract.pdf.scan): declared in order, each a function of one
page context, so that a subset runs on a page built by hand."""

from __future__ import annotations

import cv2
import numpy as np

from extract.pdf import ocr, scan
from extract.pdf.model import PageContent
from extract.pdf.settings import DEFAULT


def test_the_scan_passes_are_declared_in_order() -> None:
    assert [p.__name__ for p in scan.SCAN_PASSES] == [
        "blank_pictures", "clean", "deskew", "find_rulings", "read_cells", "fill_tables", "read_page_words",
        "flag_low_confidence", "cross_read", "find_ink"]
    assert [p.__name__ for p in ocr.PAGE_WORD_PASSES] == [
        "split_tall_words", "drop_page_specks", "recover_missed_words", "split_missed_spaces", "fix_tokens",
        "fix_stroke_capitals", "fix_percent_signs", "fix_item_marks"]


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
    import pytest  # noqa: PLC0415

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
