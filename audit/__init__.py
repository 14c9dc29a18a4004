"""audit: group documents into dossiers, align their indicators, and report every discrepancy.

The checks are a registry (:mod:`audit.registry`): each declares its id, family, severity and
message template, and :func:`audit_documents` runs every registered check over every dossier
(and the batch-wide ones, such as cascading, over all of them).
"""

from __future__ import annotations

from audit import checks
from audit.dossiers import dossier_id, dossier_unit, dossier_year, group
from audit.models import AuditResult, CheckScore, Dossier, Evidence, Finding
from audit.registry import CHECKS, FAMILY_NAMES, Check, Family, runners
from core.problems import Location
from extract.models import DocType, Document


def audit_documents(docs: list[Document]) -> AuditResult:
    """Dossiers, findings, alignment and consistency scores of a batch of documents."""
    result = AuditResult()
    taken: set[str] = set()
    contexts: dict[str, checks.Context] = {}
    for members in group(docs):
        ident = dossier_id(members, taken)
        ctx = checks.Context(dossier=ident, docs=members, year=dossier_year(members))
        for runner in runners("dossier"):
            runner.fn(ctx)
        contexts[ident] = ctx
        ref = checks.reference_document(members)
        result.dossiers.append(Dossier(
            dossier_id=ident, unit=dossier_unit(members), year=ctx.year, doc_ids=[d.doc_id for d in members],
            reference=ref.doc_id if ref else None, officials=sorted({p.name for d in members for p in d.parties}),
        ))
        if len(members) == 1 and members[0].doc_type is not DocType.PK:
            result.unassigned.append(members[0].doc_id)
    dossier_of = {doc_id: ds.dossier_id for ds in result.dossiers for doc_id in ds.doc_ids}
    for runner in runners("batch"):
        runner.fn(docs, contexts, dossier_of)
    for dossier in result.dossiers:
        ctx = contexts[dossier.dossier_id]
        dossier.findings = ctx.findings
        dossier.scores = ctx.scores()
        result.findings.extend(ctx.findings)
        result.alignment.extend(ctx.alignment)
    by_id = {d.doc_id: d for d in docs}
    for doc_id in result.unassigned:
        doc = by_id[doc_id]
        result.findings.append(Finding(
            check=checks.DOSSIER_UNASSIGNED, severity=CHECKS[checks.DOSSIER_UNASSIGNED].severity, dossier="",
            doc_ids=[doc_id], evidence=[checks.ev(doc, Location(file=doc.source_file))],
        ))
    return result


__all__ = [
    "CHECKS", "FAMILY_NAMES", "AuditResult", "Check", "CheckScore", "Dossier", "Evidence", "Family", "Finding",
    "audit_documents",
]
