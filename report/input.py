"""What the report and the workbook read of a run.

A structural type (:class:`RunData`): the batch's result (``pipeline.RunResult``) is one, and
so is anything else that holds the same typed parts, so the report depends on the stages'
models and on nothing above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from audit.models import AuditResult
from core.problems import Problem
from extract.models import Document, ManifestEntry
from score.models import ScoreResult
from score.skp import SkpScoreResult


class Counts(Protocol):
    """The batch's tallies shown on the overview."""

    @property
    def inputs(self) -> int: ...
    @property
    def documents(self) -> int: ...
    @property
    def ok(self) -> int: ...
    @property
    def partial(self) -> int: ...
    @property
    def failed(self) -> int: ...
    @property
    def skipped(self) -> int: ...
    @property
    def findings(self) -> int: ...


class RunData(Protocol):
    """A run's typed results: one manifest entry per input, the documents, the audit, the scores."""

    @property
    def manifest(self) -> Sequence[ManifestEntry]: ...
    @property
    def documents(self) -> Sequence[Document]: ...
    @property
    def audit(self) -> AuditResult: ...
    @property
    def scores(self) -> Sequence[ScoreResult]: ...
    @property
    def skp_scores(self) -> Sequence[SkpScoreResult]: ...
    @property
    def score_issues(self) -> Sequence[Problem]: ...
    @property
    def summary(self) -> Counts: ...
