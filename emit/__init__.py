"""emit: write a run's results to the output folder as they arrive -- each stage's tables as CSV,
SQLite and Parquet (typed, with keys, described by ``datapackage.json``), documents and dossiers
as JSON, the report and the workbook, the manifest last -- every file atomically or as a stream
renamed into place when complete. The stages hand typed rows (Decimals, ints, enums' values);
the text of a number is made here, at the writers."""

from emit.outputs import (
    RunWriter,
    dossier_json,
    write_manifest,
    write_realisasi_template,
)
from emit.pages import write_report
from emit.workbook import WORKBOOK_NAME, write_workbook

__all__ = ["WORKBOOK_NAME", "RunWriter", "dossier_json", "write_manifest", "write_realisasi_template", "write_report",
           "write_workbook"]
