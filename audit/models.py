"""The output of the audit stage: dossiers (documents of one unit and year) and findings."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from audit.align import AlignMethod
from audit.registry import CHECKS, Family
from core.problems import Location, Severity
from extract.models import DocType


class Evidence(BaseModel):
    """One side of a discrepancy: which document, where, and the raw text found there."""

    doc_id: str
    doc_type: DocType
    location: Location
    text: str | None = None


class Finding(BaseModel):
    """A discrepancy an auditor can check in the source in a minute.

    ``check`` names its :class:`~audit.registry.Check`, ``params`` fill that check's message
    template (:meth:`message` words it in either language); ``expected`` is what the reference
    document (usually the PK) says, ``found`` what the other document says, both as printed.
    """

    check: str
    severity: Severity
    dossier: str
    doc_ids: list[str] = Field(default_factory=list)
    indicator_code: str | None = None
    indicator_name: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    variant: str | None = None  # which of the check's message variants
    expected: str | None = None
    found: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    def message(self, lang: str = "id") -> str:
        """The finding in words, in ``lang`` (``id`` or ``en``)."""
        check = CHECKS.get(self.check)
        if check is None:
            return f"{self.check}: {self.params}"
        return check.render(self.params, lang, self.variant)

    @property
    def location(self) -> str:
        return " <> ".join(e.location.short() for e in self.evidence)


class CheckScore(BaseModel):
    family: Family
    checked: int
    passed: int

    @property
    def share(self) -> float:
        return 1.0 if self.checked == 0 else round(self.passed / self.checked, 4)


class Dossier(BaseModel):
    dossier_id: str
    unit: str | None
    year: int | None
    doc_ids: list[str] = Field(default_factory=list)
    reference: str | None = None  # the doc_id the others are checked against (the PK, when there is one)
    officials: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    scores: list[CheckScore] = Field(default_factory=list)


class Alignment(BaseModel):
    """One row of the indicator alignment: a reference indicator and its partner in another document."""

    dossier: str
    ref_doc: str
    pk_code: str | None
    pk_name: str | None
    doc_id: str
    doc_type: DocType
    code: str | None
    name: str | None
    similarity: float
    method: AlignMethod
    pk_position: int | None = None  # the reference indicator's place among its document's indicators (from 0)
    position: int | None = None  # the partner's place among its document's indicators


class AuditResult(BaseModel):
    dossiers: list[Dossier] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    alignment: list[Alignment] = Field(default_factory=list)
    unassigned: list[str] = Field(default_factory=list)  # documents that fit no dossier
