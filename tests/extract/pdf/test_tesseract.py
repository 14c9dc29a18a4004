"""The two ways of running tesseract (the binary, the API in this process) read the same words."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest

from extract.pdf import tesseract
from tests.golden import ROOT

SEKDIS = ROOT / "tests" / "fixtures" / "pdf" / "andri000me__aplikasi_esakip__PK_Sekdis--p2.pdf"


@pytest.fixture(scope="module")
def table_crop() -> np.ndarray:
    """The top of the real PK Sekdis scan's table at 300 dpi: ruled cells, a percentage, a number."""
    page = pdfium.PdfDocument(SEKDIS)[0]
    image = np.asarray(page.render(scale=300 / 72, grayscale=True).to_pil().convert("L"))
    return image[: image.shape[0] // 3]


@pytest.mark.parametrize(("psm", "whitelist"), [(3, None), (6, None), (7, "0123456789.")])
def test_the_api_in_process_and_the_binary_give_the_same_tsv(table_crop: np.ndarray, psm: int, whitelist: str | None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    if not tesseract.in_process():
        pytest.skip("tesserocr is not installed against this tesseract (setup.sh builds it)")
    inside = tesseract.tsv(table_crop, "ind+eng", psm, whitelist)
    monkeypatch.setattr(tesseract, "in_process", lambda: False)
    binary = tesseract.tsv(table_crop, "ind+eng", psm, whitelist)
    assert inside.splitlines()[0] == tesseract.TSV_HEADER
    assert inside.splitlines() == binary.splitlines()
    words = [line.split("\t")[-1] for line in inside.splitlines()[1:] if line.startswith("5\t")]
    assert len(words) > 10 if whitelist is None else all(set(w) <= set(whitelist) for w in words)


def test_a_whitelist_does_not_outlive_its_reading(table_crop: np.ndarray) -> None:
    """The API is kept between readings: a whitelist set for one must not hold for the next."""
    if not tesseract.in_process():
        pytest.skip("tesserocr is not installed against this tesseract")
    tesseract.tsv(table_crop, "ind+eng", 6, "0123456789")
    words = [line.split("\t")[-1] for line in tesseract.tsv(table_crop, "ind+eng", 6).splitlines() if line.startswith("5\t")]
    assert any(any(ch.isalpha() for ch in w) for w in words)


def test_the_setup_builds_the_api_against_the_binarys_tesseract() -> None:
    """CI runs setup.sh, which builds tesserocr from source: the reading runs in process there."""
    import os

    if not os.environ.get("CI"):
        pytest.skip("checked in CI, where setup.sh has run")
    assert tesseract.in_process()
