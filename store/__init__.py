"""store: a run on disk, read back typed.

The batch writes each document as it is read (``OUT/documents/<doc_id>.json``), indexes it in
SQLite (``OUT/.cache/run.sqlite``: its file, type, year, principal official, dossier key, a
small stub of its header and parties), and keeps each dossier's audit and scores in a
content-addressed cache (``OUT/.cache/dossiers/``). This package owns that layout and reads it
back as the stages' own models: the report and the workbook read a run through it, a dossier
at a time, so nothing has to hold a whole batch.

Layering: core < normalize < extract < audit < score < **store** < report < emit < pipeline.
"""

from store.index import DossierSpec, RunIndex
from store.layout import Layout, write_file
from store.models import DossierResult, Summary
from store.read import RunSnapshot, StoreRun

__all__ = ["DossierResult", "DossierSpec", "Layout", "RunIndex", "write_file", "RunSnapshot", "StoreRun", "Summary"]
