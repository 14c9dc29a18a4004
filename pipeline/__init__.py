"""pipeline: the batch. Inputs (files, folders, zip archives) are read by the extract stage in
isolated workers (or on Dask) with a time and memory limit each, cached by content, and each
result streamed to the outputs as it arrives; then each dossier is audited and scored on its
own (cached by the fingerprint of what it read), the report and the manifest are written last.
Every input gets a manifest entry with its status and reason."""

from pipeline.models import ManifestEntry, RunResult, Summary
from pipeline.run import RunOptions, run

__all__ = ["ManifestEntry", "RunOptions", "RunResult", "Summary", "run"]
