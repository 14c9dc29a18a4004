"""pipeline: the batch over all stages (extract → audit → emit), with a manifest entry per input."""

from pipeline.run import ManifestEntry, RunOptions, RunResult, expand_inputs, run

__all__ = ["ManifestEntry", "RunOptions", "RunResult", "expand_inputs", "run"]
