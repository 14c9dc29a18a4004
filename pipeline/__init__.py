"""pipeline: the batch. Inputs (files, folders, zip archives) are read by the extract stage in
isolated workers (or on Dask) with a time and memory limit each, cached by content; then the
audit, the score and the writers (emit, which draws the report) run over the one result, and
every input gets a manifest entry with its status and reason."""

from pipeline.models import ManifestEntry, RunResult, Summary
from pipeline.run import RunOptions, run

__all__ = ["ManifestEntry", "RunOptions", "RunResult", "Summary", "run"]
