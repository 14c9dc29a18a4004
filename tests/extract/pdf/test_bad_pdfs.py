"""Bad PDFs give a clear reason (status failed) and never raise; one bad file never stops a batch."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from extract import read_file
from extract.models import Status
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
REAL = FIXTURES / "andri000me__aplikasi_esakip__PK_KADIS_2017.pdf"


def _pdf(encrypt=None, text: str = "PERJANJIAN KINERJA TAHUN 2016") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _zero_pages() -> bytes:
    doc = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


BAD = {
    "encrypted.pdf": (lambda: _pdf(pdfencrypt.StandardEncryption("secret", "owner")), "encrypted PDF: a password is required"),
    "corrupt.pdf": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20, "corrupt or truncated PDF"),
    "truncated.pdf": (lambda: REAL.read_bytes()[: REAL.stat().st_size // 2], "corrupt or truncated PDF"),
    "zero_pages.pdf": (_zero_pages, "PDF has no pages"),
    "not_a_pdf.pdf": (lambda: b"PERJANJIAN KINERJA\nthis is plain text\n", "not a PDF"),
    "empty.pdf": (lambda: b"", "empty file"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_pdf_fails_with_reason(tmp_path: Path, name: str) -> None:
    make, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = read_file(path)
    assert result.status is Status.FAILED
    assert result.reason is not None and result.reason.startswith(reason), result.reason
    assert result.documents == []


@pytest.mark.parametrize("before", ["encrypted.pdf", "good.pdf", "corrupt.pdf"])
def test_a_pdf_without_pages_has_no_pages_whatever_file_was_read_before(tmp_path: Path, before: str) -> None:
    """PDFium refuses a document with no page with its last error code, left by the load before it."""
    first = tmp_path / before
    first.write_bytes(REAL.read_bytes() if before == "good.pdf" else BAD[before][0]())
    read_file(first)
    path = tmp_path / "zero_pages.pdf"
    path.write_bytes(_zero_pages())
    result = read_file(path)
    assert (result.status, result.reason) == (Status.FAILED, "PDF has no pages")


def test_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "owner_only.pdf"
    path.write_bytes(_pdf(pdfencrypt.StandardEncryption("", "owner")))
    result = read_file(path)
    assert result.status is not Status.FAILED or "password" not in (result.reason or "")
    assert "encrypted" not in (result.reason or "")


def test_a_readable_pdf_without_a_performance_table_is_skipped_not_failed(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(_pdf(text="Surat undangan rapat koordinasi"))
    result = read_file(path)
    assert result.status is Status.SKIPPED
    assert result.reason == "no performance table (seems to be: narrative text)"


@pytest.mark.parametrize(("text", "kind"), [
    ("DAFTAR ISI   KATA PENGANTAR  i   BAB I PENDAHULUAN  1", "table of contents"),
    ("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2022   BAB I PENDAHULUAN", "LKj report chapter"),
    ("KATA PENGANTAR   Puji syukur kami panjatkan", "foreword"),
])
def test_a_chapter_of_a_report_is_skipped_with_the_kind_it_seems_to_be(tmp_path: Path, text: str, kind: str) -> None:
    path = tmp_path / "bab.pdf"
    path.write_bytes(_pdf(text=text))
    result = read_file(path)
    assert (result.status, result.reason) == (Status.SKIPPED, f"no performance table (seems to be: {kind})")


def test_one_bad_file_never_stops_a_batch(tmp_path: Path) -> None:
    paths = []
    for name, (make, _) in sorted(BAD.items()):
        p = tmp_path / name
        p.write_bytes(make())
        paths.append(p)
    good = tmp_path / "good.pdf"
    good.write_bytes(REAL.read_bytes())
    paths.insert(3, good)
    results = [read_file(p) for p in paths]
    assert [r.status for r in results].count(Status.FAILED) == len(BAD)
    assert next(r for r in results if r.path.endswith("good.pdf")).documents
