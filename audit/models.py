"""The output of the audit stage: dossiers (documents of one unit and year) and findings."""

from __future__ import annotations

from pydantic import BaseModel, Field

from core.problems import Location, Severity


class Evidence(BaseModel):
    """One side of a discrepancy: which document, where, and the raw text found there."""

    doc_id: str
    doc_type: str
    location: Location
    text: str | None = None


class Finding(BaseModel):
    """A discrepancy an auditor can check in the source in a minute.

    ``message`` is Indonesian with an English gloss; ``expected`` is what the reference
    document (usually the PK) says, ``found`` what the other document says.
    """

    check: str
    severity: Severity
    dossier: str
    doc_ids: list[str] = Field(default_factory=list)
    indicator_code: str | None = None
    indicator_name: str | None = None
    message: str
    expected: str | None = None
    found: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def location(self) -> str:
        return " <> ".join(e.location.short() for e in self.evidence)


class CheckScore(BaseModel):
    family: str
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
    doc_type: str
    code: str | None
    name: str | None
    similarity: float
    method: str  # code | name | fuzzy | position | none


class AuditResult(BaseModel):
    dossiers: list[Dossier] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    alignment: list[Alignment] = Field(default_factory=list)
    unassigned: list[str] = Field(default_factory=list)  # documents that fit no dossier
