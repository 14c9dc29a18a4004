"""emit: write a run's results to the output folder as they arrive -- each stage's tables as CSV,
SQLite and Parquet (typed, with keys, described by ``datapackage.json``), documents and dossiers
as JSON, the report and the workbook, the manifest last -- every file atomically or as a stream
renamed into place when complete, and strings made from the typed values only here."""

from emit.outputs import RunWriter, dossier_json, write_manifest

__all__ = ["RunWriter", "dossier_json", "write_manifest"]
