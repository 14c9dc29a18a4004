"""extract: one input file in — a PDF (text layer, ruled and unruled tables, scans through OCR),
a DOCX, a spreadsheet (XLSX, XLSM, XLS, ODS: :mod:`extract.sheet`) or a text rendering — and its
typed :class:`Document` models out, the national SKP forms of every generation among them
(:mod:`extract.skp`), every value with its raw text and location, every doubt an issue;
:func:`read_file` never raises for a bad file."""

from extract.models import DocType, Document, FileResult, Period, Role, Status
from extract.read import read_file

__all__ = ["DocType", "Document", "FileResult", "Period", "Role", "Status", "read_file"]
