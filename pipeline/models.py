"""The result of a batch run: one manifest entry per input, the documents, the audit, the scores.

The writers (:mod:`emit`) and the report (:mod:`report`) read it through the structural type
:class:`report.input.RunData`; nothing below the pipeline imports this module.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from audit import AuditResult
from core.problems import Problem
from extract import Document, Status
from extract.models import ManifestEntry
from score import ScoreResult


class Summary(BaseModel):
    inputs: int = 0
    documents: int = 0
    pages: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    findings: int = 0
    seconds: float = 0.0


class RunResult(BaseModel):
    manifest: list[ManifestEntry] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    audit: AuditResult = Field(default_factory=AuditResult)
    scores: list[ScoreResult] = Field(default_factory=list)
    score_issues: list[Problem] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    @property
    def exit_code(self) -> int:
        return 1 if any(e.status is Status.FAILED for e in self.manifest) else 0


__all__ = ["ManifestEntry", "RunResult", "Summary"]
