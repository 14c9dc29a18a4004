"""Made-up scores for the report tests: a run's result with the capaian a test chooses."""

from __future__ import annotations

from decimal import Decimal

from extract.models import Period
from normalize.values import parse_value
from score import Colour, IkuScore, ScoreResult
from store import RunSnapshot, StoreRun

Capaian = tuple[str, Period, str | None, Colour | None]  # (code or IKU-nn, period, capaian, colour)


def with_capaian(result: StoreRun | RunSnapshot, dossier: str, items: list[Capaian],
                 raws: dict[str, tuple[str, str]] | None = None) -> RunSnapshot:
    """``result`` with a score of the dossier's reference PK that gives each (code or IKU-nn,
    period) the capaian and colour given, and, for the codes in ``raws``, that (target,
    realisasi) as printed."""
    if isinstance(result, StoreRun):
        result = result.snapshot()
    (ds,) = [d for d in result.audit.dossiers if d.dossier_id == dossier]
    pk = next(d for d in result.documents if d.doc_id == ds.reference)
    keys = [ind.code or f"IKU-{n + 1:02d}" for n, ind in enumerate(pk.indicators)]
    ikus = []
    for key, period, value, colour in items:
        target, realisasi = (raws or {}).get(key, (None, None))
        ikus.append(IkuScore(
            key=key, position=keys.index(key), indicator_name=pk.indicators[keys.index(key)].name, period=period,
            value=None if value is None else Decimal(value), status=colour,
            target=parse_value(target) if target else None, realisasi=parse_value(realisasi) if realisasi else None,
        ))
    score = ScoreResult(doc_id=pk.doc_id, dossier=dossier, rule_set="kep36_ag_2012", ikus=ikus)
    return result.model_copy(update={"scores": [score]})
