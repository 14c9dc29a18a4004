"""The word list that judges a scan's own OCR layer against ours (tesseract's ind and eng models)."""

from __future__ import annotations

import pytest

from extract.pdf import lexicon, tesseract


@pytest.fixture(scope="module")
def known() -> frozenset[str]:
    if not tesseract.available():
        pytest.skip("tesseract with ind+eng is not installed")
    words = lexicon.words()
    if not words:
        pytest.skip("combine_tessdata / dawg2wordlist are not installed")
    return words


def test_the_models_know_the_words_and_not_the_misreadings(known: frozenset[str]) -> None:
    assert {"ternak", "meningkatnya", "perkantoran", "kabupaten", "prosentase", "domba"} <= known
    assert not {"lernak", "meningkalnya", "perkanloran", "petemakan"} & known


def test_share_of_a_vendor_layer_line_against_our_reading(known: frozenset[str]) -> None:
    # PK Kabid Produksi page 2, the sasaran cell: the vendor layer, then our OCR of the same cell
    assert lexicon.known_share(["Meningkatnya produksi dan populasitemak"]) == 0.667
    assert lexicon.known_share(["Meningkatnya produksi dan populasi ternak"]) == 1.0
    assert lexicon.known_share(["DODY FIRMAN 2016"]) is None  # capitals and numbers are not counted
