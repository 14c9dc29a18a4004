"""What the store keeps beside the documents: each dossier's result, and the run's tallies."""

from __future__ import annotations

from pydantic import BaseModel, Field

from audit.models import Alignment, Dossier
from score.models import ScoreResult
from score.skp import SkpScoreResult


class DossierResult(BaseModel):
    """One dossier audited and scored on its own: the unit of work after extraction, cached by
    the fingerprint of everything it read."""

    fingerprint: str
    dossier: Dossier
    alignment: list[Alignment] = Field(default_factory=list)
    scores: list[ScoreResult] = Field(default_factory=list)
    skp: list[SkpScoreResult] = Field(default_factory=list)  # the scores of its national SKP forms


class Summary(BaseModel):
    inputs: int = 0
    documents: int = 0
    pages: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    findings: int = 0
    dossiers: int = 0
    seconds: float = 0.0
