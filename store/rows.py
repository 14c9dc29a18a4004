"""The run's own tables: the dossiers, which documents each holds, and the inputs.

``dossiers`` and ``dossier_documents`` make the audit's grouping queryable (and give the
``dossier`` columns of ``findings``, ``alignment`` and ``scores`` a table to refer to);
``inputs`` is the manifest as a table (without timings, so reruns compare equal).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from audit.models import Alignment, Dossier
from audit.rows import audit_tables
from core.problems import Problem, Severity
from extract.models import Document, ManifestEntry
from extract.rows import extract_tables, issue_row
from score.models import ScoreResult
from score.rows import score_tables, skp_score_rows
from score.skp import score_skps


class DossierRow(BaseModel):
    dossier_id: str
    unit: str | None
    year: int | None
    reference: str | None  # the doc_id the others were checked against
    documents: int
    findings: int
    errors: int
    warnings: int


class DossierDocumentRow(BaseModel):
    dossier_id: str
    doc_id: str
    position: int  # the document's place in its dossier


class InputRow(BaseModel):
    position: int
    path: str
    sha256: str | None
    status: str
    reason: str | None
    documents: int


def dossier_rows(dossier: Dossier) -> Iterator[BaseModel]:
    yield DossierRow(
        dossier_id=dossier.dossier_id, unit=dossier.unit, year=dossier.year, reference=dossier.reference,
        documents=len(dossier.doc_ids), findings=len(dossier.findings),
        errors=sum(f.severity is Severity.ERROR for f in dossier.findings),
        warnings=sum(f.severity is Severity.WARNING for f in dossier.findings),
    )


def input_row(position: int, entry: ManifestEntry) -> InputRow:
    return InputRow(position=position, path=entry.path, sha256=entry.sha256, status=entry.status.value,
                    reason=entry.reason, documents=len(entry.documents))


def store_tables(dossier: Dossier) -> dict[str, list[BaseModel]]:
    """The rows of :data:`TABLES` that one dossier gives (``inputs`` come from the manifest)."""
    return {
        "dossiers": list(dossier_rows(dossier)),
        "dossier_documents": [DossierDocumentRow(dossier_id=dossier.dossier_id, doc_id=d, position=n)
                              for n, d in enumerate(dossier.doc_ids)],
    }


#: The run's tables and their row models.
TABLES: dict[str, type[BaseModel]] = {"dossiers": DossierRow, "dossier_documents": DossierDocumentRow,
                                      "inputs": InputRow}


# ---------------------------------------------------------------- a run's rows, in the order they stream


def document_tables(docs: Iterable[Document]) -> dict[str, list[BaseModel]]:
    """The rows a document gives as it is read: every table of :data:`extract.rows.TABLES`, and an
    SKP form's own scores (``skp_scores``: they need no other document)."""
    docs = list(docs)
    return {**extract_tables(docs), "skp_scores": skp_score_rows(score_skps(docs))}


def score_issue_rows(problems: Iterable[Problem]) -> dict[str, list[BaseModel]]:
    return {"issues": [issue_row(p) for p in problems]}


def dossier_tables(dossier: Dossier, alignment: Iterable[Alignment], scores: Iterable[ScoreResult],
                   lang: str) -> dict[str, list[BaseModel]]:
    """The rows one audited and scored dossier gives: its findings and alignment, its consistency and
    capaian rows, the score stage's issues, and its rows of ``dossiers`` and ``dossier_documents``."""
    scores = list(scores)
    tables = {**audit_tables(dossier.findings, alignment, lang), **score_tables([dossier], scores),
              **store_tables(dossier)}
    tables["issues"] = [issue_row(p) for s in scores for p in s.issues]
    return tables


def run_tables(run: Any, lang: str = "id") -> Iterator[tuple[str, list[BaseModel]]]:
    """Every row of a whole run held in memory (a ``report.input.RunData``), table by table, in the
    order the batch streams them: each document's, the realisasi file's issues, each dossier's,
    the findings outside any dossier, the inputs."""
    for doc in run.documents:
        yield from document_tables([doc]).items()
    yield from score_issue_rows(run.score_issues).items()
    alignment: dict[str, list[Alignment]] = defaultdict(list)
    for a in run.audit.alignment:
        alignment[a.dossier].append(a)
    scores: dict[str, list[ScoreResult]] = defaultdict(list)
    for s in run.scores:
        scores[s.dossier].append(s)
    known = set()
    for d in run.audit.dossiers:
        known.add(d.dossier_id)
        yield from dossier_tables(d, alignment[d.dossier_id], scores[d.dossier_id], lang).items()
    outside = [f for f in run.audit.findings if f.dossier not in known]
    yield from audit_tables(outside, [], lang).items()
    yield "inputs", [input_row(n, e) for n, e in enumerate(run.manifest)]
