"""pipeline: the batch over all stages (extract → audit → emit), with a manifest entry per input."""

from pipeline.models import ManifestEntry, RunResult, Summary
from pipeline.run import RunOptions, run

__all__ = ["ManifestEntry", "RunOptions", "RunResult", "Summary", "run"]
