"""Each dossier audited and scored on its own, from the store: the unit of work after extraction.

A dossier's result depends on its documents, the documents a batch check compares with (its
PKs' superiors, for cascading), the code of the stages and the scoring options; all of them go
into its fingerprint (:meth:`store.RunIndex.dossiers`), and the result is cached under it
(``OUT/.cache/dossiers/``). A rerun after new files arrive audits again only the dossiers whose
fingerprint changed: those the new documents joined, and those whose superiors changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from audit import audit_dossier
from extract.models import DocType, Document
from score import RealisasiRow, RuleSet, score_document
from store import DossierResult, DossierSpec, Layout

CODE_PACKAGES = ("core", "normalize", "extract", "audit", "score", "store")


@cache
def code_version() -> str:
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for pkg in CODE_PACKAGES:
        for path in sorted((root / pkg).rglob("*")):
            if path.suffix in (".py", ".toml"):
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def salt(rules: RuleSet, realisasi: Sequence[RealisasiRow]) -> str:
    """What besides its documents changes a dossier's result: the code, the rule set, the realisasi."""
    h = hashlib.sha256(code_version().encode())
    h.update(rules.model_dump_json().encode())
    for row in realisasi:
        h.update(row.model_dump_json().encode())
    return h.hexdigest()


@dataclass(frozen=True)
class DossierJob:
    """What a worker needs to audit and score one dossier: its spec, and the documents either as
    files on storage the worker shares (``out``) or as their JSON (``texts``, by doc_id)."""

    spec: DossierSpec
    rules: RuleSet
    realisasi: tuple[RealisasiRow, ...]
    out: str | None = None
    texts: tuple[tuple[str, bytes], ...] = ()

    def documents(self) -> dict[str, Document]:
        if self.texts:
            return {i: Document.model_validate_json(t) for i, t in self.texts}
        layout = Layout(Path(self.out or "."))
        return {i: Document.model_validate_json(layout.document(i).read_bytes())
                for i in (*self.spec.members, *self.spec.related)}


def audit_and_score(spec: DossierSpec, docs: dict[str, Document], rules: RuleSet,
                    realisasi: Sequence[RealisasiRow]) -> DossierResult:
    """The dossier's audit (its checks, and the batch checks against its related documents) and the
    capaian of each of its PKs."""
    members = [docs[i] for i in spec.members]
    context = [docs[i] for i in spec.context] if spec.context else members
    dossier, alignment = audit_dossier(spec.dossier_id, members, context)
    skp = next((d for d in members if d.doc_type is DocType.SKP), None)
    scores = [score_document(pk, realisasi, rules, dossier=spec.dossier_id, skp=skp)
              for pk in members if pk.doc_type is DocType.PK and pk.indicators]
    return DossierResult(fingerprint=spec.fingerprint, dossier=dossier, alignment=alignment, scores=scores)


def run_job(job: DossierJob) -> DossierResult:
    """The unit of work on any executor (also a Dask worker)."""
    return audit_and_score(job.spec, job.documents(), job.rules, job.realisasi)
