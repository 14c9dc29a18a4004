"""The score stage's output as flat rows: ``tables/scores.csv`` and ``tables/skp_scores.csv``.

One table holds every score of a run: the consistency of each dossier per check family (level
``consistency``, from the audit's tallies) and the capaian of each PK (levels ``iku``,
``sasaran``, ``perspektif``, ``nko``, ``ckp``). A second holds each national SKP form's scores,
the printed value beside the computed one (``skp_scores``). Numbers stay Decimals; the writers
(:mod:`emit`) make their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel

from audit.models import Dossier
from extract.models import Period
from score.models import Colour, ScoreResult
from score.skp import SkpScoreResult


class ScoreRow(BaseModel):
    dossier: str
    level: str
    key: str
    period: str | None = None
    target: str | None = None
    realisasi: str | None = None
    polaritas: str | None = None
    capaian: Decimal | None = None
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


def _pct(passed: int, checked: int) -> Decimal:
    if not checked:
        return Decimal("100.00")
    return (Decimal(passed) * 100 / Decimal(checked)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def score_rows(result: ScoreResult) -> list[ScoreRow]:
    """Rows for ``tables/scores.csv``: levels iku, sasaran, perspektif, nko and ckp."""
    rows: list[ScoreRow] = []

    def add(level: str, key: str, period: Period, value: Decimal | None, status: Colour | None, notes: list[str],
            **extra: str | None) -> None:
        rows.append(ScoreRow(
            dossier=result.dossier, level=level, key=key, period=period.value,
            capaian=value, status=None if status is None else status.value,
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


class SkpScoreRow(BaseModel):
    """One element of an SKP: what the document prints and what its rule set gives, side by side.

    ``element`` is stable: PP 46 ``kegiatan:<no>``, ``tugas_tambahan``, ``kreativitas``,
    ``nilai_capaian_skp``, ``perilaku:<aspect>``, ``nilai_perilaku``, ``nilai_prestasi_kerja``;
    8/2021 ``iki:<no>``, ``nilai_skp``, ``nilai_perilaku``, ``nilai_kinerja``; 6/2022
    ``rhk:<no>`` (``rhk:<no>.<k>`` when one RHK has several IKI), ``rating_hasil_kerja``,
    ``rating_perilaku``, ``predikat``; a B. TAMBAHAN item is ``iki:tambahan.<no>`` /
    ``rhk:tambahan.<no>``; ``document`` (first, when there is something to say) what the score stage
    says of the document as a whole: the rule set's ambiguities that touch every score, a target form
    with nothing to score, a form that could not be scored. ``agrees`` is empty when there is nothing
    to compare.
    """

    doc_id: str
    source_file: str
    generation: str
    element: str
    period: str
    printed: Decimal | None = None
    computed: Decimal | None = None
    predikat_printed: str | None = None
    predikat_computed: str | None = None
    agrees: bool | None = None
    note: str | None = None


def skp_score_rows(results: Iterable[SkpScoreResult]) -> list[SkpScoreRow]:
    """Rows for ``tables/skp_scores.csv``: one per element of every scored SKP document, after its
    ``document`` row when the score stage says something of the document as a whole (a document
    with no score at all is never left without a row saying why)."""
    out: list[SkpScoreRow] = []
    for r in results:
        if r.notes or not r.scores:
            out.append(SkpScoreRow(doc_id=r.doc_id, source_file=r.source_file, generation=r.generation.value,
                                   element="document", period=r.period.value,
                                   note="; ".join(dict.fromkeys(r.notes)) or None))
        out += [
            SkpScoreRow(
                doc_id=r.doc_id, source_file=r.source_file, generation=r.generation.value, element=s.element,
                period=s.period.value, printed=s.printed,
                computed=s.computed, predikat_printed=s.predikat_printed,
                predikat_computed=s.predikat_computed, agrees=s.agrees, note=s.note,
            )
            for s in r.scores
        ]
    return out


#: The tables of the score stage and their row models.
TABLES: dict[str, type[BaseModel]] = {"scores": ScoreRow, "skp_scores": SkpScoreRow}


def score_tables(dossiers: Iterable[Dossier], results: Iterable[ScoreResult]) -> dict[str, list[BaseModel]]:
    """The rows of the dossier-level tables of :data:`TABLES` for these dossiers and their scores: the
    writers stream each table from here, a dossier at a time. An SKP's own scores need no dossier:
    :func:`skp_score_rows` gives them document by document."""
    return {"scores": all_score_rows(dossiers, results)}
