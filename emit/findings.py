"""Audit findings flattened to rows (``tables/findings.csv``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel

from audit.models import Dossier, Finding


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


def finding_rows(findings: Iterable[Finding]) -> Iterator[FindingRow]:
    for f in findings:
        yield FindingRow(
            check=f.check, severity=f.severity.value, dossier=f.dossier,
            doc_id=f.doc_ids[-1] if f.doc_ids else None, indicator_code=f.indicator_code,
            indicator_name=f.indicator_name, message=f.message, expected=f.expected, found=f.found,
            location=f.location, doc_ids=" ".join(f.doc_ids),
        )


class ScoreRow(BaseModel):
    """``tables/scores.csv``: consistency per dossier and check family (level ``consistency``);
    capaian rows (levels iku / sasaran / perspektif / nko) come from the score stage."""

    dossier: str
    level: str
    key: str
    period: str | None = None
    target: str | None = None
    realisasi: str | None = None
    polaritas: str | None = None
    capaian: str | None = None
    status: str | None = None
    rule_set: str | None = None
    checked: int | None = None
    passed: int | None = None
    note: str | None = None


def consistency_rows(dossiers: Iterable[Dossier]) -> Iterator[ScoreRow]:
    for d in dossiers:
        checked = sum(s.checked for s in d.scores)
        passed = sum(s.passed for s in d.scores)
        for s in d.scores:
            yield ScoreRow(
                dossier=d.dossier_id, level="consistency", key=s.family, capaian=_pct(s.passed, s.checked),
                checked=s.checked, passed=s.passed,
            )
        yield ScoreRow(dossier=d.dossier_id, level="consistency", key="total", capaian=_pct(passed, checked),
                       checked=checked, passed=passed)


def _pct(passed: int, checked: int) -> str:
    if not checked:
        return "100.00"
    return str((Decimal(passed) * 100 / Decimal(checked)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
