"""The score stage's output as flat rows: ``tables/scores.csv``.

One table holds every score of a run: the consistency of each dossier per check family (level
``consistency``, from the audit's tallies) and the capaian of each PK (levels ``iku``,
``sasaran``, ``perspektif``, ``nko``, ``ckp``). Decimals become plain decimal strings here,
and only here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel

from audit.models import Dossier
from extract.models import Period
from score.models import Colour, ScoreResult


class ScoreRow(BaseModel):
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
    """Per dossier, the share of passed checks in each family and in all of them."""
    for d in dossiers:
        checked = sum(s.checked for s in d.scores)
        passed = sum(s.passed for s in d.scores)
        for s in d.scores:
            yield ScoreRow(
                dossier=d.dossier_id, level="consistency", key=s.family.value, capaian=_pct(s.passed, s.checked),
                checked=s.checked, passed=s.passed,
            )
        yield ScoreRow(dossier=d.dossier_id, level="consistency", key="total", capaian=_pct(passed, checked),
                       checked=checked, passed=passed)


def _pct(passed: int, checked: int) -> str:
    if not checked:
        return "100.00"
    return str((Decimal(passed) * 100 / Decimal(checked)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def score_rows(result: ScoreResult) -> list[ScoreRow]:
    """Rows for ``tables/scores.csv``: levels iku, sasaran, perspektif, nko and ckp."""
    rows: list[ScoreRow] = []

    def add(level: str, key: str, period: Period, value: Decimal | None, status: Colour | None, notes: list[str],
            **extra: str | None) -> None:
        rows.append(ScoreRow(
            dossier=result.dossier, level=level, key=key, period=period.value,
            capaian=None if value is None else str(value), status=None if status is None else status.value,
            rule_set=result.rule_set, note="; ".join(notes) or None, **extra,
        ))

    for i in result.ikus:
        add("iku", i.key, i.period, i.value, i.status, i.notes, target=i.target.raw if i.target else None,
            realisasi=(i.realisasi.raw or None) if i.realisasi else None, polaritas=i.polaritas.value)
    for s in result.sasaran:
        add("sasaran", s.key, s.period, s.value, s.status, s.notes)
    for p in result.perspectives:
        extra = [f"bobot {p.weight:f}%"] if p.weight is not None else []
        if p.contribution is not None:
            extra.append(f"contribution {p.contribution}")
        add("perspektif", p.key, p.period, p.value, p.status, extra + p.notes)
    for o in result.nko:
        add("nko", "nko", o.period, o.value, o.status, o.notes + result.notes)
    for c in result.ckp:
        add("ckp", "ckp", c.period, c.value, c.status, c.notes)
    return rows


def all_score_rows(dossiers: Iterable[Dossier], results: Iterable[ScoreResult]) -> list[ScoreRow]:
    """The whole ``scores`` table of a run: consistency rows first, then each PK's capaian rows."""
    return [*consistency_rows(dossiers), *(r for s in results for r in score_rows(s))]


#: The table of the score stage and its row model.
TABLES: dict[str, type[BaseModel]] = {"scores": ScoreRow}


def score_tables(dossiers: Iterable[Dossier], results: Iterable[ScoreResult]) -> dict[str, list[BaseModel]]:
    """The rows of every table of :data:`TABLES` for these dossiers and their scores: the writers stream
    each table from here, a dossier at a time, whatever tables the registry holds."""
    return {"scores": all_score_rows(dossiers, results)}
