"""PDF input: page triage, ruled/unruled/scanned tables, rendered as text for the text reader."""

from extract.pdf.reader import PdfError, PdfReading, open_pdf, read_pdf

__all__ = ["PdfError", "PdfReading", "open_pdf", "read_pdf"]
