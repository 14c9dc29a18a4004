"""audit: group documents into dossiers, align their indicators, and report every discrepancy.

The checks are a registry (:mod:`audit.registry`): each declares its id, family, severity and
message template, and :func:`audit_documents` runs every registered check over every dossier
(and the batch-wide ones, such as cascading, over all of them).
"""

from __future__ import annotations

from audit import (
    checks,
    skp_checks,  # noqa: F401 - registers the SKP checks, after those of checks (the registry keeps the order)
)
from audit.dossiers import DossierNames, dossier_id, dossier_unit, dossier_year, file_keys, group
from audit.models import Alignment, AuditResult, CheckScore, Dossier, Evidence, Finding
from audit.registry import CHECKS, FAMILY_NAMES, Check, Family, runners
from core.problems import Location
from extract.models import DocType, Document


def audit_documents(docs: list[Document]) -> AuditResult:
    """Dossiers, findings, alignment and consistency scores of a batch of documents."""
    result = AuditResult()
    names = DossierNames()
    contexts: dict[str, checks.Context] = {}
    for members in group(docs):
        ident = dossier_id(members, names)
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
        result.findings.append(unassigned_finding(by_id[doc_id]))
    return result


def audit_dossier(ident: str, members: list[Document], context: list[Document] | None = None) -> tuple[Dossier, list[Alignment]]:
    """One dossier on its own, as :func:`audit_documents` audits it inside a batch: the dossier
    runners over ``members``, then the batch runners over ``context``: the members and the
    documents of other dossiers a batch check compares with (for cascading, the PKs whose pihak
    pertama is the pihak kedua of a PK here), in batch order (default: the members). Findings of
    the batch runners go to this dossier only. Returns the dossier (findings, consistency tallies) and its
    alignment rows; a lone document other than a PK is the caller's ``dossier_unassigned``."""
    ctx = checks.Context(dossier=ident, docs=members, year=dossier_year(members))
    for runner in runners("dossier"):
        runner.fn(ctx)
    ref = checks.reference_document(members)
    dossier_of = {d.doc_id: ident for d in members}
    for runner in runners("batch"):
        runner.fn(members if context is None else context, {ident: ctx}, dossier_of)
    dossier = Dossier(
        dossier_id=ident, unit=dossier_unit(members), year=ctx.year, doc_ids=[d.doc_id for d in members],
        reference=ref.doc_id if ref else None, officials=sorted({p.name for d in members for p in d.parties}),
        findings=ctx.findings, scores=ctx.scores(),
    )
    return dossier, ctx.alignment


def unassigned_finding(doc: Document) -> Finding:
    """The ``dossier_unassigned`` note of a document that fits no dossier."""
    return Finding(
        check=checks.DOSSIER_UNASSIGNED.id, severity=checks.DOSSIER_UNASSIGNED.severity, dossier="",
        doc_ids=[doc.doc_id], evidence=[checks.ev(doc, Location(file=doc.source_file))],
    )


__all__ = [
    "CHECKS", "FAMILY_NAMES", "Alignment", "AuditResult", "Check", "CheckScore", "Dossier", "Evidence", "Family",
    "Finding", "audit_documents", "audit_dossier", "file_keys", "unassigned_finding",
]
