"""score: capaian per IKU, status colours, NSS, NKp, NKO and CKP by the rules of the regulation
documents, and the consistency of each dossier per check family, as the rows of ``scores``.

Rule sets are data (``score/rules/*.toml``, every number cited); the arithmetic is exact
``Decimal``; nothing unknown is invented (a missing realisasi or weight gives ``None`` and a note).

    from score import load, read_realisasi, score_document, score_rows
    rules = load("kep36_ag_2012")
    real = read_realisasi("realisasi.csv")          # rows + problems, never an exception
    result = score_document(pk, real.rows, rules)   # ScoreResult: ikus, sasaran, perspectives, nko, ckp
    rows = score_rows(result)                       # score.rows.ScoreRow for tables/scores.csv

Importing :mod:`score` also registers the checks of an SKP's printed scores (:mod:`score.skp_checks`)
in the audit's registry: they recompute by the rule sets, this stage's job.
"""

from score.aggregate import nkp_pegawai
from score.document import score_document
from score.models import (
    CkpScore,
    Colour,
    IkuScore,
    NkpScore,
    OrgScore,
    PerspectiveScore,
    Polarity,
    PolarityOrigin,
    SasaranScore,
    ScoreResult,
)
from score.realisasi import RealisasiFile, RealisasiRow, read_realisasi
from score.rows import ScoreRow, all_score_rows, consistency_rows, score_rows
from score.rules import RuleSet, RuleSetError, available, load
from score.skp import SkpScoreResult, score_skp, score_skps
from score.skp_checks import (
    check_skp_scores,  # registers the SKP score checks in the audit registry
)

__all__ = [
    "CkpScore", "Colour", "IkuScore", "NkpScore", "OrgScore", "PerspectiveScore", "Polarity", "PolarityOrigin",
    "RealisasiFile", "RealisasiRow", "RuleSet", "RuleSetError", "SasaranScore", "ScoreResult", "ScoreRow",
    "SkpScoreResult", "all_score_rows", "available", "check_skp_scores", "consistency_rows", "load", "nkp_pegawai",
    "read_realisasi", "score_document", "score_rows", "score_skp", "score_skps",
]
