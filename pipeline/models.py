"""The result of a batch run: its summary, and the whole run read back from the store on demand.

:class:`RunResult` is a :class:`store.StoreRun` (so a :class:`report.input.RunData`): the
summary and the exit status cost nothing; ``manifest``, ``documents``, ``audit`` and ``scores``
are read from the output folder when first asked for (a large batch's caller should read the
output files instead). Nothing below the pipeline imports this module.
"""

from __future__ import annotations

from pathlib import Path

from extract.models import ManifestEntry
from store import StoreRun, Summary


class RunResult(StoreRun):
    def __init__(self, out: Path, summary: Summary) -> None:
        super().__init__(out)
        self._summary = summary

    @property
    def summary(self) -> Summary:
        return self._summary

    @property
    def exit_code(self) -> int:
        return 1 if self._summary.failed else 0


__all__ = ["ManifestEntry", "RunResult", "Summary"]
