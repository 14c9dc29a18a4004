"""The audit checks of SKP forms: printed scores, their arithmetic and predikat, cascading, period.

* ``skp_score_mismatch`` — a score an SKP prints for one kegiatan, IKI or RHK (from its own
  target and realisasi) differs from the one its rule set gives, beyond rounding;
* ``skp_arithmetic`` — a printed total that does not follow from the printed numbers it is made
  of (a jumlah that is not its sum, a nilai rata-rata that is not jumlah / n, an NPK that is not
  SKP × 60 % + perilaku × 40 % of the printed parts);
* ``predikat_mismatch`` — a printed sebutan, kategori or predikat that is not the band of the
  printed value, or not the matrix's for the printed ratings;
* ``cascade_uncovered`` — a PK IKU of an atasan that no SKP of the people the atasan appraises
  (same year) intervenes or carries;
* ``cascade_unknown_parent`` — an RHK that cites an atasan RHK or IKU found in none of the atasan's
  documents of the year;
* ``skp_period_mismatch`` — an SKP whose period lies outside the year of the PK it carries out
  (the pegawai's own PK, else the pejabat penilai's); an SKP filed in its PK's dossier whose
  period lies in one year is left to ``year_mismatch``, which compares that year already.

The scores come from :func:`score.skp.score_skp`, a leaf of the score stage that imports nothing
of the audit, so the audit and the ``skp_scores`` table compare the same numbers. Like every
check, these never raise: a document that cannot be scored is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.align import similarity
from audit.checks import CASCADE_ACCEPT, Context, ev
from audit.registry import Check, Family, runs
from core.i18n import Text
from core.problems import Location, Severity
from extract.models import DocType, Document, Indicator, Role
from extract.skp.model import SkpItem
from normalize.values import format_number_id
from score.skp import SkpScoreResult, SumRelation, score_skp

__all__ = ["check_skp_cascades", "check_skp_periods", "check_skp_scores"]


def _fmt(x: object) -> str:
    return format_number_id(x) if isinstance(x, Decimal) else str(x)


def _scores(doc: Document) -> SkpScoreResult | None:
    try:
        return score_skp(doc)
    except Exception:  # noqa: BLE001 - a document that cannot be scored is not a finding, and never stops the audit
        return None


# --- printed scores ------------------------------------------------------------------------------


@runs(
    Check("skp_score_mismatch", Family.SKP, Severity.WARNING,
          Text("Nilai SKP tercetak berbeda dengan hitungan ulang", "Printed SKP score differs from the recomputed one"),
          Text("{element}: tercetak {printed}, hitungan ulang menurut {rule_set} {computed}",
               "{element}: printed {printed}, recomputed by {rule_set} {computed}"),
          {"element": str, "printed": str, "computed": str, "rule_set": str},
          "a score an SKP prints for a kegiatan, IKI or RHK against the one its rule set gives from the printed "
          "target and realisasi, beyond rounding (one unit of the last printed decimal)"),
    Check("skp_arithmetic", Family.SKP, Severity.ERROR,
          Text("Hitungan SKP tidak sesuai angka tercetak", "SKP arithmetic does not add up"),
          Text("{element}: tercetak {printed}, sedangkan {relation} dari angka tercetak {parts} adalah {result}",
               "{element}: printed {printed}, but {relation} of the printed {parts} is {result}"),
          {"element": str, "printed": str, "relation": SumRelation, "parts": str, "result": str},
          "a printed total against the printed numbers it is made of: jumlah, nilai rata-rata, perhitungan / 4, "
          "SKP × 60 % and perilaku × 40 %, NPK, nilai akhir SKP, nilai kinerja"),
    Check("predikat_mismatch", Family.SKP, Severity.ERROR,
          Text("Sebutan atau predikat tidak sesuai", "Printed rating label does not fit"),
          Text("{element}: tercetak '{printed}', seharusnya '{should}' untuk {basis}",
               "{element}: printed '{printed}', where {basis} calls for '{should}'"),
          {"element": str, "printed": str, "should": str, "basis": str},
          "a printed sebutan, kategori or predikat against the band of the printed value, or the 6/2022 matrix "
          "of the printed ratings"),
)
def check_skp_scores(ctx: Context) -> None:
    for doc in ctx.docs:
        result = _scores(doc) if doc.doc_type is DocType.SKP else None
        if result is None:
            continue
        for s in result.scores:
            if s.leaf and s.value_agrees is not None:
                if s.value_agrees:
                    ctx.count("skp_score_mismatch", True)
                else:
                    ctx.find(
                        "skp_score_mismatch", element=s.element, printed=s.printed_raw or _fmt(s.printed),
                        computed=_fmt(s.computed), rule_set=result.rule_set,
                        evidence=[ev(doc, s.location, s.printed_raw)], expected=_fmt(s.computed), found=s.printed_raw,
                    )
            if s.predikat_printed and s.predikat_agrees is not None:
                if s.predikat_agrees:
                    ctx.count("predikat_mismatch", True)
                    continue
                basis = s.printed_raw or ("rating hasil kerja dan perilaku" if s.element == "predikat" else s.element)
                ctx.find(
                    "predikat_mismatch", element=s.element, printed=s.predikat_printed, should=s.predikat_expected or "-",
                    basis=basis, evidence=[ev(doc, s.location, s.predikat_printed)], expected=s.predikat_expected,
                    found=s.predikat_printed,
                )
        for total in result.sums:
            if total.agrees:
                ctx.count("skp_arithmetic", True)
                continue
            places = -total.printed.as_tuple().exponent if isinstance(total.printed.as_tuple().exponent, int) else 2
            shown = round(total.expected, max(places, 0))
            ctx.find(
                "skp_arithmetic", element=total.element, printed=total.printed_raw, relation=total.relation,
                parts=", ".join(total.parts), result=_fmt(shown),
                evidence=[ev(doc, total.location, total.printed_raw)] + [ev(doc, loc) for loc in total.part_locations[:6]],
                expected=_fmt(shown), found=total.printed_raw,
            )


# --- cascading --------------------------------------------------------------------------------------


def _year(doc: Document) -> int | None:
    if doc.header.year is not None:
        return doc.header.year
    return doc.skp.period.year if doc.skp is not None and doc.skp.period is not None else None


def _same_year(a: Document, b: Document) -> bool:
    ya, yb = _year(a), _year(b)
    return ya is None or yb is None or ya == yb


def _key(doc: Document, role: Role) -> str | None:
    p = doc.party(role)
    return p.name_key if p is not None else None


def _skps(docs: list[Document]) -> Iterator[Document]:
    return (d for d in docs if d.doc_type is DocType.SKP)


def _items(doc: Document) -> list[SkpItem]:
    return list(doc.skp.items) if doc.skp is not None else []


def _carried(doc: Document) -> list[str]:
    """What an SKP carries: its RHK (rencana kinerja) and IKI, or its indicators and sasaran."""
    texts = [t for i in _items(doc) for t in (i.rhk, i.name) if t]
    texts += [t for i in doc.indicators for t in (i.sasaran, i.name) if t]
    return list(dict.fromkeys(texts))


def _best(text: str, candidates: list[str]) -> float:
    return max((similarity(text, c) for c in candidates), default=0.0)


@runs(
    Check("cascade_uncovered", Family.CASCADING, Severity.WARNING,
          Text("IKU atasan tidak diturunkan ke SKP bawahan", "Atasan's IKU carried by no subordinate SKP"),
          Text("IKU '{name}' pada PK {atasan} tidak diintervensi atau dilaksanakan oleh {count} SKP bawahannya",
               "The IKU '{name}' of {atasan}'s PK is intervened or carried by none of the {count} SKP of the people "
               "{atasan} appraises"),
          {"name": str, "atasan": str, "count": int},
          "a PK IKU of an atasan against the SKP of the people the atasan appraises in the same year: some RHK "
          "must intervene it (or its sasaran) or carry it"),
    Check("cascade_unknown_parent", Family.CASCADING, Severity.WARNING,
          Text("RHK atasan yang diintervensi tidak ditemukan", "Intervened atasan RHK not found"),
          Text("RHK atasan yang diintervensi '{parent}' tidak ditemukan pada PK atau SKP {atasan}; kemiripan terbaik {best}%",
               "The atasan RHK '{parent}' this SKP intervenes is in none of {atasan}'s PK or SKP; best similarity {best}%"),
          {"parent": str, "atasan": str, "best": int},
          "the atasan RHK or IKU an SKP row intervenes against the atasan's PK and SKP of the year"),
    scope="batch",
)
def check_skp_cascades(docs: list[Document], contexts: dict[str, Context], dossier_of: dict[str, str]) -> None:
    """A PK's IKU against the SKP of the people its pihak pertama appraises; each intervened RHK
    against the documents of the pejabat penilai who appraises the SKP."""
    pks = [d for d in docs if d.doc_type is DocType.PK and d.indicators and d.party(Role.PIHAK_PERTAMA) is not None]
    skps = list(_skps(docs))
    for pk in pks:
        atasan = pk.party(Role.PIHAK_PERTAMA)
        assert atasan is not None
        subordinates = [s for s in skps if _key(s, Role.PEJABAT_PENILAI) == atasan.name_key and _same_year(s, pk)]
        if not subordinates or pk.doc_id not in dossier_of:
            continue
        ctx = contexts[dossier_of[pk.doc_id]]
        own = [s for s in skps if _key(s, Role.PEGAWAI) == atasan.name_key and _same_year(s, pk)]
        below = [t for s in subordinates for i in _items(s) for t in (i.parent, i.rhk, i.name) if t]
        below += [t for s in subordinates for i in s.indicators for t in (i.sasaran, i.name) if t]
        for iku in pk.indicators:
            targets = [iku.name] + ([iku.sasaran] if iku.sasaran else []) + _carrying(iku, own)
            if any(_best(t, targets) >= CASCADE_ACCEPT for t in below):
                ctx.count("cascade_uncovered", True)
                continue
            ctx.find(
                "cascade_uncovered", name=iku.name, atasan=atasan.name, count=len(subordinates),
                evidence=[ev(pk, iku.location, iku.name)] + [ev(s, _first_row(s)) for s in subordinates[:4]],
                expected=iku.name, found=None, indicator=iku,
            )
    for skp in skps:
        penilai = _key(skp, Role.PEJABAT_PENILAI)
        if penilai is None or skp.doc_id not in dossier_of:
            continue
        theirs = [d for d in docs if d is not skp and _same_year(d, skp) and (
            (d.doc_type is DocType.PK and _key(d, Role.PIHAK_PERTAMA) == penilai)
            or (d.doc_type is DocType.SKP and _key(d, Role.PEGAWAI) == penilai))]
        if not theirs:
            continue  # the atasan's documents are not in the batch: nothing to say
        candidates = [t for d in theirs for t in _carried(d)]
        ctx = contexts[dossier_of[skp.doc_id]]
        seen: set[str] = set()
        atasan = skp.party(Role.PEJABAT_PENILAI)
        for item in _items(skp):
            parent = (item.parent or "").strip()
            if not parent or parent in ("-", "–") or parent.casefold() in seen:
                continue
            seen.add(parent.casefold())
            best = _best(parent, candidates)
            if best >= CASCADE_ACCEPT:
                ctx.count("cascade_unknown_parent", True)
                continue
            ctx.find(
                "cascade_unknown_parent", parent=parent, atasan=atasan.name if atasan else "-", best=round(best),
                evidence=[ev(skp, item.location, parent)] + [ev(d, _first_row(d)) for d in theirs[:3]],
                expected=None, found=parent,
            )


def _carrying(iku: Indicator, own: list[Document]) -> list[str]:
    """The atasan's own SKP rows that carry a PK IKU: their RHK is what subordinates intervene."""
    out = []
    for skp in own:
        for item in _items(skp):
            if any(similarity(iku.name, t) >= CASCADE_ACCEPT for t in (item.name, item.rhk) if t):
                out += [t for t in (item.rhk, item.name) if t]
        for ind in skp.indicators:
            if similarity(iku.name, ind.name) >= CASCADE_ACCEPT and ind.sasaran:
                out.append(ind.sasaran)
    return out


def _first_row(doc: Document) -> Location:
    if doc.indicators:
        return doc.indicators[0].location
    return Location(file=doc.source_file, line=doc.span[0] if doc.span else None)


# --- the period ----------------------------------------------------------------------------------


@runs(Check(
    "skp_period_mismatch", Family.TAHUN, Severity.ERROR,
    Text("Periode SKP di luar tahun PK", "SKP period outside the PK's year"),
    Text("Periode SKP '{period}' berada di luar tahun {year} PK yang dilaksanakannya (PK {whose})",
         "The SKP's period '{period}' lies outside {year}, the year of the PK it carries out (the {whose}'s PK)"),
    {"period": str, "year": int, "whose": Role},
    "an SKP's period (its start and end) against the year of the PK it carries out: the pegawai's own PK, "
    "else the pejabat penilai's (an SKP in its PK's dossier with a one-year period is year_mismatch's)",
), scope="batch")
def check_skp_periods(docs: list[Document], contexts: dict[str, Context], dossier_of: dict[str, str]) -> None:
    pks = [d for d in docs if d.doc_type is DocType.PK and d.header.year is not None]
    for skp in _skps(docs):
        period = skp.skp.period if skp.skp is not None else None
        if period is None or skp.doc_id not in dossier_of:
            continue
        years = {y for y in ((period.start.year if period.start else None), (period.end.year if period.end else None),
                             period.year) if y is not None}
        if not years:
            continue
        for role in (Role.PEGAWAI, Role.PEJABAT_PENILAI):
            who = _key(skp, role)
            own = [pk for pk in pks if who is not None and _key(pk, Role.PIHAK_PERTAMA) == who]
            if not own:
                continue
            if len(years) == 1 and any(dossier_of.get(pk.doc_id) == dossier_of[skp.doc_id] for pk in own):
                break  # the SKP is in its PK's dossier and its period in one year: year_mismatch compares that year
            ctx = contexts[dossier_of[skp.doc_id]]
            if any(years == {pk.header.year} for pk in own):
                ctx.count("skp_period_mismatch", True)
                break
            pk = min(own, key=lambda d: min(abs((d.header.year or 0) - y) for y in years))
            ctx.find(
                "skp_period_mismatch", period=period.raw, year=pk.header.year, whose=role,
                evidence=[ev(skp, period.location, period.raw), ev(pk, _first_row(pk), str(pk.header.year))],
                expected=str(pk.header.year), found=period.raw,
            )
            break
