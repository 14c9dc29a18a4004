"""extract.text: documents from text -- a text rendering of a PDF, a PDF page's text layer, a
DOCX's paragraphs and tables, a spreadsheet's cells as tab rows -- into typed documents.

:mod:`segment` splits a text into lines, table blocks and documents; :mod:`tables` (cells
separated by tabs or pipes) and :mod:`layout` (a pdftotext-like layout, a cell a paragraph)
read the tables' rows; :mod:`rows` turns rows into indicators; :mod:`budget` and :mod:`levels`
read the budget lines and the realisasi levels; :mod:`parties` the signatories; :mod:`repeats`
folds a report's repeated measurement tables; :mod:`reader` ties them into documents.
"""
