"""The checks of an SKP's own printed scores, recomputed by its form's rule set.

* ``skp_score_mismatch`` — a score an SKP prints for one kegiatan, IKI or RHK (from its own
  target and realisasi) differs from the one its rule set gives, beyond rounding;
* ``skp_arithmetic`` — a printed total that does not follow from the printed numbers it is made
  of (a jumlah that is not its sum, a nilai rata-rata that is not jumlah / n, an NPK that is not
  SKP × 60 % + perilaku × 40 % of the printed parts);
* ``predikat_mismatch`` — a printed sebutan, kategori or predikat that is not the band of the
  printed value, or not the matrix's for the printed ratings.

They recompute by :func:`score.skp.score_skp`, so these findings and the ``skp_scores`` table
compare the same numbers. The score stage registers them in the audit's check registry (an import
downward: the audit never imports the score stage), when :mod:`score` is imported. Like every
check, they never raise: a document that cannot be scored is skipped.
"""

from __future__ import annotations

from decimal import Decimal

from audit.checks import Context, ev
from audit.registry import Check, Family, runs
from core.i18n import Text
from core.problems import Severity
from extract.models import DocType, Document
from normalize.values import format_number_id
from score.skp import SkpScoreResult, SumRelation, score_skp

__all__ = ["check_skp_scores"]


def _fmt(x: object) -> str:
    return format_number_id(x) if isinstance(x, Decimal) else str(x)


def _scores(doc: Document) -> SkpScoreResult | None:
    try:
        return score_skp(doc)
    except Exception:  # noqa: BLE001 - a document that cannot be scored is not a finding, and never stops the audit
        return None


SKP_SCORE_MISMATCH = Check(
    "skp_score_mismatch", Family.SKP, Severity.WARNING,
    Text("Nilai SKP tercetak berbeda dengan hitungan ulang", "Printed SKP score differs from the recomputed one"),
    Text("{element}: tercetak {printed}, hitungan ulang menurut {rule_set} {computed}",
         "{element}: printed {printed}, recomputed by {rule_set} {computed}"),
    {"element": str, "printed": str, "computed": str, "rule_set": str},
    "a score an SKP prints for a kegiatan, IKI or RHK against the one its rule set gives from the printed "
    "target and realisasi, beyond rounding (one unit of the last printed decimal)")
SKP_ARITHMETIC = Check(
    "skp_arithmetic", Family.SKP, Severity.ERROR,
    Text("Hitungan SKP tidak sesuai angka tercetak", "SKP arithmetic does not add up"),
    Text("{element}: tercetak {printed}, sedangkan {relation} dari angka tercetak {parts} adalah {result}",
         "{element}: printed {printed}, but {relation} of the printed {parts} is {result}"),
    {"element": str, "printed": str, "relation": SumRelation, "parts": str, "result": str},
    "a printed total against the printed numbers it is made of: jumlah, nilai rata-rata, perhitungan / 4, "
    "SKP × 60 % and perilaku × 40 %, NPK, nilai akhir SKP, nilai kinerja")
PREDIKAT_MISMATCH = Check(
    "predikat_mismatch", Family.SKP, Severity.ERROR,
    Text("Sebutan atau predikat tidak sesuai", "Printed rating label does not fit"),
    Text("{element}: tercetak '{printed}', seharusnya '{should}' untuk {basis}",
         "{element}: printed '{printed}', where {basis} calls for '{should}'"),
    {"element": str, "printed": str, "should": str, "basis": str},
    "a printed sebutan, kategori or predikat against the band of the printed value, or the 6/2022 matrix "
    "of the printed ratings")


@runs(
    SKP_SCORE_MISMATCH,
    SKP_ARITHMETIC,
    PREDIKAT_MISMATCH,
)
def check_skp_scores(ctx: Context) -> None:
    for doc in ctx.docs:
        result = _scores(doc) if doc.doc_type is DocType.SKP else None
        if result is None:
            continue
        for s in result.scores:
            if s.leaf and s.value_agrees is not None:
                if s.value_agrees:
                    ctx.count(SKP_SCORE_MISMATCH, True)
                else:
                    ctx.find(
                        SKP_SCORE_MISMATCH, element=s.element, printed=s.printed_raw or _fmt(s.printed),
                        computed=_fmt(s.computed), rule_set=result.rule_set,
                        evidence=[ev(doc, s.location, s.printed_raw)], expected=_fmt(s.computed), found=s.printed_raw,
                    )
            if s.predikat_printed and s.predikat_agrees is not None:
                if s.predikat_agrees:
                    ctx.count(PREDIKAT_MISMATCH, True)
                    continue
                basis = s.printed_raw or ("rating hasil kerja dan perilaku" if s.element == "predikat" else s.element)
                ctx.find(
                    PREDIKAT_MISMATCH, element=s.element, printed=s.predikat_printed, should=s.predikat_expected or "-",
                    basis=basis, evidence=[ev(doc, s.location, s.predikat_printed)], expected=s.predikat_expected,
                    found=s.predikat_printed,
                )
        for total in result.sums:
            if total.agrees:
                ctx.count(SKP_ARITHMETIC, True)
                continue
            places = -total.printed.as_tuple().exponent if isinstance(total.printed.as_tuple().exponent, int) else 2
            shown = round(total.expected, max(places, 0))
            ctx.find(
                SKP_ARITHMETIC, element=total.element, printed=total.printed_raw, relation=total.relation,
                parts=", ".join(total.parts), result=_fmt(shown),
                evidence=[ev(doc, total.location, total.printed_raw)] + [ev(doc, loc) for loc in total.part_locations[:6]],
                expected=_fmt(shown), found=total.printed_raw,
            )
