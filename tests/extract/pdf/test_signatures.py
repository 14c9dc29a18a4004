"""Signed means signed on digital pages: a picture over a signer's name is a signature (extract.pdf.signatures)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extract.models import Role, Signature
from extract.pdf import read_pdf
from extract.pdf.signatures import SignatureSettings


def _scribble() -> ImageReader:
    image = Image.new("RGB", (120, 60), "white")
    ImageDraw.Draw(image).line([(5, 50), (30, 5), (55, 45), (80, 10), (115, 40)], fill="navy", width=4)
    return ImageReader(image)


def _pk(signed: tuple[bool, bool]) -> bytes:
    """A one-page PK whose two signature blocks have a signature picture over the name or not."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    h = A4[1]
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, h - 60, "PERJANJIAN KINERJA TAHUN 2024")
    c.setFont("Helvetica", 9)
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], ["1", "Meningkatnya layanan", "Indeks kepuasan", "80"]]
    xs, top = [60, 90, 250, 450, 530], h - 90
    for k, r in enumerate(rows):
        for j, t in enumerate(r):
            c.drawString(xs[j] + 3, top - 20 * k - 13, t)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - 20 * i, xs[-1], top - 20 * i)
    for x in xs:
        c.line(x, top, x, top - 20 * len(rows))
    y = top - 100
    for (x, lines), sign in zip(((60, ["PIHAK KEDUA", "Kepala Dinas Contoh", "Ir. AHMAD SUBAGJA"]),
                                 (350, ["PIHAK KESATU", "Kepala Bidang Contoh", "Drs. BUDI SANTOSO, M.Si"])), signed, strict=True):
        c.drawString(x, y, lines[0])
        c.drawString(x, y - 14, lines[1])
        if sign:
            c.drawImage(_scribble(), x, y - 68, width=80, height=40)
        c.drawString(x, y - 80, lines[2])
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("signed", [(True, True), (True, False), (False, False)])
def test_a_picture_over_the_name_is_a_signature_and_blank_lines_are_none(signed: tuple[bool, bool]) -> None:
    (doc,) = read_pdf(_pk(signed), "pk.pdf", "pk").documents
    kedua, kesatu = doc.party(Role.PIHAK_KEDUA), doc.party(Role.PIHAK_PERTAMA)
    assert (kedua.name, kesatu.name) == ("Ir. AHMAD SUBAGJA", "Drs. BUDI SANTOSO, M.Si")
    expect = [Signature.IMAGE if s else Signature.NONE for s in signed]
    assert [kedua.signature, kesatu.signature] == expect
    assert [kedua.signed, kesatu.signed] == list(signed)


def test_each_document_of_a_file_is_judged_on_its_own_pages() -> None:
    # the Dompu file holds three PKs over six pages: the third's pictures are on pages 5-6, and the
    # signatures of every document were looked for on page 1 (its span in lines taken for pages)
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for part in (_pk((False, False)), _pk((True, True))):
        merged.import_pages(pdfium.PdfDocument(part))
    buf = io.BytesIO()
    merged.save(buf)
    first, second = read_pdf(buf.getvalue(), "two.pdf", "two").documents
    roles = (Role.PIHAK_KEDUA, Role.PIHAK_PERTAMA)
    assert [first.party(r).signature for r in roles] == [Signature.NONE, Signature.NONE]
    assert [second.party(r).signature for r in roles] == [Signature.IMAGE, Signature.IMAGE]


def test_signature_settings_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="invalid signature settings"):
        SignatureSettings(reach=0)


def _as_scan(pdf: bytes, dpi: int = 200) -> bytes:
    """The PDF as an image-only scan: each page a grey picture, no text layer."""
    import pypdfium2 as pdfium

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in pdfium.PdfDocument(pdf):
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.ocr
def test_on_a_scan_ink_over_the_name_is_a_signature_and_a_clean_band_is_none() -> None:
    from extract.pdf import tesseract

    if not tesseract.available():
        pytest.skip("tesseract with ind+eng is not installed")
    (doc,) = read_pdf(_as_scan(_pk((True, False))), "scan.pdf", "scan").documents
    kedua, kesatu = doc.party(Role.PIHAK_KEDUA), doc.party(Role.PIHAK_PERTAMA)
    assert (kedua.name, kesatu.name) == ("Ir. AHMAD SUBAGJA", "Drs. BUDI SANTOSO, M.Si")
    assert (kedua.signature, kesatu.signature) == (Signature.INK, Signature.NONE)
