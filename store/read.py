"""A run read back from its output folder, as the stages' typed models.

:class:`StoreRun` is a :class:`report.input.RunData` (the report's structural type) whose parts
are read from disk when first asked for: ``summary`` and ``index`` cost nothing, a dossier's
documents cost that dossier, and ``documents`` / ``audit`` load the whole run (for small runs,
tests and tools; the batch asks for them only to draw a small batch's one report page).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, Field, TypeAdapter

from audit import unassigned_finding
from audit.models import AuditResult, Finding
from core.problems import Problem
from extract.models import Document, ManifestEntry
from score.models import ScoreResult
from score.skp import SkpScoreResult
from store.index import RunIndex
from store.layout import Layout
from store.models import DossierResult, Summary

_PROBLEMS = TypeAdapter(list[Problem])


def load_document(layout: Layout, doc_id: str) -> Document:
    return Document.model_validate_json(layout.document(doc_id).read_bytes())


def load_documents(layout: Layout, doc_ids: Iterable[str]) -> list[Document]:
    return [load_document(layout, i) for i in doc_ids]


def load_dossier(layout: Layout, fingerprint: str) -> DossierResult:
    return DossierResult.model_validate_json(layout.dossier_result(fingerprint).read_bytes())


class RunSnapshot(BaseModel):
    """A whole run held in memory (a :class:`report.input.RunData`): for tests and small tools."""

    manifest: list[ManifestEntry] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    audit: AuditResult = Field(default_factory=AuditResult)
    scores: list[ScoreResult] = Field(default_factory=list)
    skp_scores: list[SkpScoreResult] = Field(default_factory=list)
    score_issues: list[Problem] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)


class StoreRun:
    """A finished (or finishing) run in ``out``, read through its index."""

    def __init__(self, out: Path, index: RunIndex | None = None) -> None:
        self.layout = Layout(out)
        self.index = index or RunIndex.open(self.layout.index)

    # ---- cheap

    @property
    def summary(self) -> Summary:
        return Summary.model_validate(self.index.meta("summary", {}))

    @cached_property
    def score_issues(self) -> list[Problem]:
        return _PROBLEMS.validate_python(self.index.meta("score_issues", []))

    def dossier_results(self) -> Iterator[DossierResult]:
        """Each dossier's result, in batch order, one at a time."""
        for row in self.index.dossier_rows():
            yield load_dossier(self.layout, row[8])

    def documents_of(self, doc_ids: Iterable[str]) -> list[Document]:
        return load_documents(self.layout, doc_ids)

    def unassigned(self) -> list[str]:
        return [row[9] for row in self.index.dossier_rows() if row[9]]

    # ---- the whole run (RunData)

    @cached_property
    def manifest(self) -> list[ManifestEntry]:
        return list(self.index.manifest())

    @cached_property
    def documents(self) -> list[Document]:
        return load_documents(self.layout, self.index.doc_ids())

    @cached_property
    def _all_dossier_results(self) -> list[DossierResult]:
        """Every dossier's result, read once for ``audit``, ``scores`` and ``skp_scores`` (read once for
        each, the three reads took about a third of the report's time on the 60 built PDFs: drawing it
        1.12 -> 0.87 s). Read when first asked for: a run still being written gives what it holds then."""
        return list(self.dossier_results())

    @cached_property
    def audit(self) -> AuditResult:
        result = AuditResult()
        for r in self._all_dossier_results:
            result.dossiers.append(r.dossier)
            result.findings.extend(r.dossier.findings)
            result.alignment.extend(r.alignment)
        result.unassigned = self.unassigned()
        result.findings.extend(self.unassigned_findings())
        return result

    def unassigned_findings(self, limit: int | None = None) -> list[Finding]:
        """The ``dossier_unassigned`` notes (the first ``limit``), in batch order."""
        where = "WHERE doc_id IN (SELECT unassigned FROM dossiers)"
        if limit is not None:
            where += f" ORDER BY position LIMIT {int(limit)}"
            stubs = [Document.model_validate_json(t) for (t,) in self.index.con.execute(f"SELECT stub FROM docs {where}")]
        else:
            stubs = list(self.index.stubs(where))
        return [unassigned_finding(d) for d in stubs]

    @cached_property
    def scores(self) -> list[ScoreResult]:
        return [s for r in self._all_dossier_results for s in r.scores]

    @cached_property
    def skp_scores(self) -> list[SkpScoreResult]:
        return [s for r in self._all_dossier_results for s in r.skp]

    def snapshot(self) -> RunSnapshot:
        """The whole run, read into memory."""
        return RunSnapshot(manifest=self.manifest, documents=self.documents, audit=self.audit, scores=self.scores,
                           skp_scores=self.skp_scores, score_issues=self.score_issues, summary=self.summary)
