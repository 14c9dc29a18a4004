"""The audit stage's output as flat rows: ``tables/findings.csv`` (one row per finding, its
message in the run's language) and ``tables/alignment.csv`` (the :class:`Alignment` rows)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from audit.models import Alignment, Finding


class FindingRow(BaseModel):
    check: str
    severity: str
    dossier: str
    doc_id: str | None
    indicator_code: str | None
    indicator_name: str | None
    message: str
    expected: str | None
    found: str | None
    location: str
    doc_ids: str


def finding_rows(findings: Iterable[Finding], lang: str = "id") -> Iterator[FindingRow]:
    """One row per finding, its message worded in ``lang``."""
    for f in findings:
        yield FindingRow(
            check=f.check, severity=f.severity.value, dossier=f.dossier,
            doc_id=f.doc_ids[-1] if f.doc_ids else None, indicator_code=f.indicator_code,
            indicator_name=f.indicator_name, message=f.message(lang), expected=f.expected, found=f.found,
            location=f.location, doc_ids=" ".join(f.doc_ids),
        )


#: The tables of the audit stage and their row models.
TABLES: dict[str, type[BaseModel]] = {"findings": FindingRow, "alignment": Alignment}


def audit_tables(findings: Iterable[Finding], alignment: Iterable[Alignment], lang: str = "id") -> dict[str, list[BaseModel]]:
    """The rows of every table of :data:`TABLES` for these findings and alignment rows (a dossier's,
    or a batch's): the writers stream each table from here, whatever tables the registry holds."""
    return {"findings": list(finding_rows(findings, lang)), "alignment": list(alignment)}
