"""One entry point per input file: dispatch on the file's kind, never raise for a bad file.

The outcome says what happened, in the terms an auditor sorts an archive by:

* ``ok``: every document read without a doubt;
* ``partial``: documents read, some with doubts; the reason names the issues (``table_guessed ×2``);
* ``skipped``: nothing to read (a cover, a table of contents, a narrative chapter: ``no
  performance table``, with the kind the file seems to be) or a file type not read;
* ``failed``: the file could not be read (corrupt, encrypted, not what its name says).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from extract.docx import DocxError, read_docx, render_docx
from extract.kinds import guess_kind
from extract.models import Document, FileResult, Status, checks_counted
from extract.pdf import PdfError, PdfReading, read_pdf
from extract.pdf.settings import PdfSettings
from extract.sheet import SheetError, is_sheet, read_sheets
from extract.text.reader import read_text_documents

TEXT_SUFFIXES = {".txt", ".md", ".text"}
WIDESCREEN = 1.6  # width / height: a 16:9 slide is 1.78, a landscape A4 page 1.41
NOTHING_TO_READ = "no performance table"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _nothing_found(reading: PdfReading) -> tuple[Status, str]:
    """Why a readable PDF gave no document: no page could be read (failed), or none holds a
    performance table (skipped, with the kind the file seems to be)."""
    sources = [p.source for p in reading.pages]
    if all(s == "error" for s in sources):
        notes = "; ".join(dict.fromkeys(n for p in reading.pages for n in p.notes))
        return Status.FAILED, f"unreadable: no page of the PDF could be read ({notes})"
    if all(s in ("empty", "error") for s in sources):
        notes = "; ".join(dict.fromkeys(n for p in reading.pages for n in p.notes)) or "no text layer"
        return Status.SKIPPED, f"{NOTHING_TO_READ}: no page holds text ({notes})"
    wide = bool(reading.contents) and all(c.height and c.width / c.height >= WIDESCREEN for c in reading.contents)
    return Status.SKIPPED, f"{NOTHING_TO_READ} (seems to be: {guess_kind(reading.text, widescreen=wide)})"


def _partial_reason(docs: list[Document]) -> str:
    """``partial: table_guessed ×2, ocr_low_confidence`` — the issues that made documents partial."""
    return "partial: " + checks_counted(p for d in docs for p in d.doubts())


#: How a result's reason opens when its file ran out of memory (the batch's workers replace a worker after such a file).
OUT_OF_MEMORY = "memory limit exceeded"


def _out_of_memory(exc: BaseException) -> bool:
    """The reading ran out of memory: Python's MemoryError, or a library's own (OpenCV: "Insufficient
    memory", "Failed to allocate"; NumPy's is a MemoryError).

    >>> _out_of_memory(MemoryError()), _out_of_memory(ValueError("bad page"))
    (True, False)
    """
    text = str(exc).casefold()
    return isinstance(exc, MemoryError) or "insufficient memory" in text or "failed to allocate" in text \
        or "out of memory" in text


def read_file(path: str | Path, *, display: str | None = None, pdf: PdfSettings | None = None) -> FileResult:
    """Read one input file into its documents. Every failure becomes a reason, not an exception.

    ``pdf``: the PDF reader's thresholds (:mod:`extract.pdf.settings`; default: its defaults)."""
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
                result.reason = "not a text file: binary content"
            else:
                text = decode_text(data)
                result.documents = read_text_documents(text, name, path.stem)
                if not result.documents:
                    result.status, result.reason = Status.SKIPPED, f"{NOTHING_TO_READ} (seems to be: {guess_kind(text)})"
        elif is_sheet(path, data):
            try:
                result.documents, workbook_issues = read_sheets(data, name, path.stem, suffix if suffix in (".xls", ".ods", ".xlsm") else ".xlsx")
            except SheetError as exc:
                result.reason = str(exc)
            else:
                if not result.documents:
                    result.issues = workbook_issues
                    result.status, result.reason = Status.SKIPPED, f"{NOTHING_TO_READ} in the workbook's sheets"
        elif b"%PDF-" in data[:1024] or suffix == ".pdf":
            try:
                reading = read_pdf(data, name, path.stem, settings=pdf)
            except PdfError as exc:
                result.reason = str(exc)
            else:
                result.documents = reading.documents
                if not result.documents:
                    result.status, result.reason = _nothing_found(reading)
        elif suffix == ".docx":
            try:
                result.documents = read_docx(data, name, path.stem)
            except DocxError as exc:
                result.reason = str(exc)
            else:
                if not result.documents:
                    kind = guess_kind(render_docx(data))
                    result.status, result.reason = Status.SKIPPED, f"{NOTHING_TO_READ} (seems to be: {kind})"
        else:
            result.status = Status.SKIPPED
            result.reason = f"unsupported file type '{suffix or '(none)'}'"
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a batch
        result.documents = []
        why = f"{OUT_OF_MEMORY} while reading" if _out_of_memory(exc) else "internal error while reading"
        result.reason = f"{why}: {type(exc).__name__}: {exc}"
        result.status = Status.FAILED
    if result.documents:
        statuses = {d.status for d in result.documents}
        result.status = Status.OK if statuses == {Status.OK} else Status.PARTIAL
        result.reason = None if result.status is Status.OK else _partial_reason(result.documents)
    result.seconds = round(time.perf_counter() - started, 4)
    return result
