"""audit: group documents into dossiers, align their indicators, and report every discrepancy."""

from __future__ import annotations

from audit import checks
from audit.dossiers import dossier_id, dossier_unit, dossier_year, group
from audit.models import AuditResult, CheckScore, Dossier, Evidence, Finding
from core.problems import Location, Severity
from extract.models import DocType, Document, Role


def audit_documents(docs: list[Document]) -> AuditResult:
    result = AuditResult()
    taken: set[str] = set()
    contexts: dict[str, checks.Context] = {}
    for members in group(docs):
        ident = dossier_id(members, taken)
        year = dossier_year(members)
        ctx = checks.Context(dossier=ident, docs=members)
        checks.check_alignment(ctx)
        checks.check_trajectory(ctx)
        checks.check_capaian(ctx)
        checks.check_budget(ctx)
        checks.check_realisasi_sums(ctx)
        checks.check_signatories(ctx)
        checks.check_nips(ctx)
        checks.check_years(ctx, year)
        contexts[ident] = ctx
        officials = sorted({p.name for d in members for p in d.parties})
        result.dossiers.append(Dossier(
            dossier_id=ident, unit=dossier_unit(members), year=year, doc_ids=[d.doc_id for d in members],
            officials=officials,
        ))
        if len(members) == 1 and members[0].doc_type is not DocType.PK:
            result.unassigned.append(members[0].doc_id)
        elif not any(d.doc_type is DocType.PK for d in members):
            ctx.findings.append(Finding(
                check="dossier_without_pk", severity=Severity.INFO, dossier=ident, doc_ids=[d.doc_id for d in members],
                message="Berkas ini tidak memuat PK; dokumen tidak dapat dibandingkan dengan PK "
                        "(this dossier has no PK to compare its documents with)",
                evidence=[Evidence(doc_id=d.doc_id, doc_type=d.doc_type.value, location=Location(file=d.source_file))
                          for d in members],
            ))
    _cascade(docs, result, contexts)
    for dossier in result.dossiers:
        ctx = contexts[dossier.dossier_id]
        dossier.findings = ctx.findings
        dossier.scores = ctx.scores()
        result.findings.extend(ctx.findings)
        result.alignment.extend(ctx.alignment)
    for doc_id in result.unassigned:
        doc = next(d for d in docs if d.doc_id == doc_id)
        result.findings.append(Finding(
            check="dossier_unassigned", severity=Severity.INFO, dossier="", doc_ids=[doc_id],
            message="Dokumen tidak masuk berkas mana pun (document fits no dossier: no PK of the same official and year)",
            evidence=[Evidence(doc_id=doc_id, doc_type=doc.doc_type.value, location=Location(file=doc.source_file))],
        ))
    return result


def _cascade(docs: list[Document], result: AuditResult, contexts: dict[str, checks.Context]) -> None:
    """A subordinate's PK whose pihak kedua signs another PK in the batch as pihak pertama."""
    pks = [d for d in docs if d.doc_type is DocType.PK and d.indicators]
    dossier_of = {doc_id: ds.dossier_id for ds in result.dossiers for doc_id in ds.doc_ids}
    for sub in pks:
        boss = sub.party(Role.PIHAK_KEDUA)
        if boss is None:
            continue
        for sup in pks:
            head = sup.party(Role.PIHAK_PERTAMA)
            if sup is sub or head is None or head.name_key != boss.name_key:
                continue
            if sub.header.year and sup.header.year and sub.header.year != sup.header.year:
                continue
            checks.check_cascade(contexts[dossier_of[sub.doc_id]], sub, sup)


__all__ = ["AuditResult", "CheckScore", "Dossier", "Evidence", "Finding", "audit_documents"]
