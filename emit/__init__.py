"""emit: write a run's results to the output folder — each stage's tables as CSV, SQLite and
Parquet, documents and dossiers as JSON, the report and the workbook, the manifest — every
file atomically, and strings made from the typed values only here."""

from emit.outputs import write_outputs

__all__ = ["write_outputs"]
