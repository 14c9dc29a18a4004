"""OCR repairs in extract.pdf.ocr, each pinned on what tesseract gave for a real page of the
built scans (``python -m corpus.build --layout scan``) or of the real archive."""

from __future__ import annotations

import numpy as np
import pytest

from extract.pdf import lexicon
from extract.pdf.model import Box, Cell, Table
from extract.pdf.ocr import _bang, _dash, fix_period_header

# Seed 001's Lampiran SKP (built scan, page 9), row 3 under Q3: the cell's only ink, a hyphen
# blurred by the 200 dpi scan and read at 300 dpi. Tesseract sees nothing in it.
BLURRED_HYPHEN = np.array([
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255],
    [235, 153, 118, 115, 116, 117, 118, 119, 175, 243, 255],
    [221, 79, 17, 11, 12, 12, 13, 13, 87, 186, 237],
    [219, 70, 7, 0, 0, 0, 0, 0, 15, 64, 194],
    [219, 69, 7, 0, 0, 0, 0, 0, 57, 141, 221],
    [228, 116, 69, 64, 63, 63, 63, 62, 137, 228, 251],
    [250, 233, 225, 223, 222, 221, 220, 219, 233, 252, 255],
], dtype=np.uint8)


def _in_cell(ink: np.ndarray) -> np.ndarray:
    crop = np.full((57, 190), 255, dtype=np.uint8)
    crop[20 : 20 + ink.shape[0], 12 : 12 + ink.shape[1]] = ink
    return crop


def test_a_blurred_hyphen_alone_in_a_cell_is_a_dash() -> None:
    word = _dash(_in_cell(BLURRED_HYPHEN), 0, 0, 1.0)
    assert word is not None and word.text == "-"


def test_a_dot_or_a_letter_alone_in_a_cell_is_no_dash() -> None:
    dot = np.zeros((5, 5), dtype=np.uint8)
    letter = np.zeros((12, 9), dtype=np.uint8)
    assert _dash(_in_cell(dot), 0, 0, 1.0) is None
    assert _dash(_in_cell(letter), 0, 0, 1.0) is None


def _row(*texts: str) -> list[Cell]:
    return [Cell(Box(k * 10, 0, k * 10 + 9, 9), t, lines=[(4.5, t)]) for k, t in enumerate(texts)]


def test_period_labels_misread_beside_the_other_labels_of_the_header() -> None:
    """Seed 001's Lampiran SKP (built scan): one header row holds No, Kode and Indikator Kinerja
    beside the periods, read 'Ql Q2 Smt 1 03 s.d. 93 04 Y'."""
    header = _row("No", "Kode", "Indikator Kinerja", "Ql", "Q2", "Smt 1", "03", "s.d. 93", "04", "Y")
    body = _row("3", "", "Indeks integritas organisasi", "-", "-", "-", "03", "-", "100", "100")
    fix_period_header(Table(Box(0, 0, 100, 20), [header, body], method="ocr"))
    assert [c.text for c in header] == ["No", "Kode", "Indikator Kinerja", "Q1", "Q2", "Smt 1", "Q3", "s.d. Q3", "Q4", "Y"]
    assert [c.text for c in body][6] == "03"  # a body row is left alone


def test_values_like_period_labels_in_a_body_row_stay() -> None:
    row = _row("3", "Indeks", "03", "04", "02", "100", "100", "100")
    fix_period_header(Table(Box(0, 0, 100, 10), [row], method="ocr"))
    assert [c.text for c in row] == ["3", "Indeks", "03", "04", "02", "100", "100", "100"]


@pytest.mark.skipif(not lexicon.words(), reason="tesseract's word lists are not installed")
def test_a_broken_l_or_i_read_as_an_exclamation_mark() -> None:
    """Seed 001 and 003 (built scans): 'interna!', 'DK!', '!bukota'; a real exclamation stays."""
    assert [_bang(t) for t in ("interna!", "DK!", "!bukota", "Bersatu!", "!", "Rp.")] == [
        "internal", "DKI", "Ibukota", "Bersatu!", "!", "Rp."]
