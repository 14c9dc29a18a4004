"""One entry point per input file: dispatch on the file's kind, never raise for a bad file."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from extract.docx import DocxError, read_docx
from extract.models import FileResult, Status
from extract.pdf import PdfError, PdfReading, read_pdf
from extract.text.reader import read_text_documents

TEXT_SUFFIXES = {".txt", ".md", ".text"}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _nothing_found(reading: PdfReading) -> str:
    sources = [p.source for p in reading.pages]
    if all(s in ("empty", "error") for s in sources):
        notes = "; ".join(dict.fromkeys(n for p in reading.pages for n in p.notes)) or "no text layer"
        return f"unrecognised: no page of the PDF could be read ({notes})"
    return "unrecognised: no agreement, target table or regulation found in the PDF"


def read_file(path: str | Path, *, display: str | None = None) -> FileResult:
    """Read one input file into its documents. Every failure becomes a reason, not an exception."""
    path = Path(path)
    name = display or path.name
    started = time.perf_counter()
    result = FileResult(path=str(path), status=Status.FAILED)
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.reason = f"unreadable: {exc.strerror or exc}"
        return result
    result.sha256 = sha256_of(data)
    try:
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            if b"\x00" in data[:4096]:
                result.reason = "unrecognised: binary content in a text file"
            else:
                result.documents = read_text_documents(decode_text(data), name, path.stem)
                if not result.documents:
                    result.reason = "unrecognised: no agreement, target table or regulation found"
        elif b"%PDF-" in data[:1024] or suffix == ".pdf":
            try:
                reading = read_pdf(data, name, path.stem)
            except PdfError as exc:
                result.reason = str(exc)
            else:
                result.documents = reading.documents
                if not result.documents:
                    result.reason = _nothing_found(reading)
        elif suffix == ".docx":
            try:
                result.documents = read_docx(data, name, path.stem)
            except DocxError as exc:
                result.reason = str(exc)
            else:
                if not result.documents:
                    result.reason = "unrecognised: no agreement, target table or regulation found in the DOCX"
        else:
            result.status = Status.SKIPPED
            result.reason = f"unsupported file type '{suffix or '(none)'}'"
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a batch
        result.documents = []
        result.reason = f"internal error while reading: {type(exc).__name__}: {exc}"
        result.status = Status.FAILED
    if result.documents:
        statuses = {d.status for d in result.documents}
        result.status = Status.OK if statuses == {Status.OK} else Status.PARTIAL
        result.reason = None if result.status is Status.OK else "some documents have extraction issues"
    result.seconds = round(time.perf_counter() - started, 4)
    return result
