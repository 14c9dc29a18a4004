"""The audit checks of SKP forms across documents: cascading and the period.

(The checks of an SKP's own printed scores — ``skp_score_mismatch``, ``skp_arithmetic``,
``predikat_mismatch`` — recompute them by the rule sets, the score stage's job: they are
registered by :mod:`score.skp_checks`.)

* ``cascade_uncovered`` — a PK IKU of an atasan that no SKP of the people the atasan appraises
  (same year) intervenes or carries;
* ``cascade_unknown_parent`` — an RHK that cites an atasan RHK or IKU found in none of the atasan's
  documents of the year;
* ``skp_period_mismatch`` — an SKP whose period lies outside the year of the PK it carries out
  (the pegawai's own PK, else the pejabat penilai's); an SKP filed in its PK's dossier whose
  period lies in one year is left to ``year_mismatch``, which compares that year already.

Like every check, these never raise.
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

__all__ = ["check_skp_cascades", "check_skp_periods"]


def _fmt(x: object) -> str:
    return format_number_id(x) if isinstance(x, Decimal) else str(x)


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


CASCADE_UNCOVERED = Check(
    "cascade_uncovered", Family.CASCADING, Severity.WARNING,
    Text("IKU atasan tidak diturunkan ke SKP bawahan", "Atasan's IKU carried by no subordinate SKP"),
    Text("IKU '{name}' pada PK {atasan} tidak diintervensi atau dilaksanakan oleh {count} SKP bawahannya",
         "The IKU '{name}' of {atasan}'s PK is intervened or carried by none of the {count} SKP of the people "
         "{atasan} appraises"),
    {"name": str, "atasan": str, "count": int},
    "a PK IKU of an atasan against the SKP of the people the atasan appraises in the same year: some RHK "
    "must intervene it (or its sasaran) or carry it")
CASCADE_UNKNOWN_PARENT = Check(
    "cascade_unknown_parent", Family.CASCADING, Severity.WARNING,
    Text("RHK atasan yang diintervensi tidak ditemukan", "Intervened atasan RHK not found"),
    Text("RHK atasan yang diintervensi '{parent}' tidak ditemukan pada PK atau SKP {atasan}; kemiripan terbaik {best}%",
         "The atasan RHK '{parent}' this SKP intervenes is in none of {atasan}'s PK or SKP; best similarity {best}%"),
    {"parent": str, "atasan": str, "best": int},
    "the atasan RHK or IKU an SKP row intervenes against the atasan's PK and SKP of the year")


@runs(
    CASCADE_UNCOVERED,
    CASCADE_UNKNOWN_PARENT,
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
                ctx.count(CASCADE_UNCOVERED, True)
                continue
            ctx.find(
                CASCADE_UNCOVERED, name=iku.name, atasan=atasan.name, count=len(subordinates),
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
                ctx.count(CASCADE_UNKNOWN_PARENT, True)
                continue
            ctx.find(
                CASCADE_UNKNOWN_PARENT, parent=parent, atasan=atasan.name if atasan else "-", best=round(best),
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


SKP_PERIOD_MISMATCH = Check(
    "skp_period_mismatch", Family.TAHUN, Severity.ERROR,
    Text("Periode SKP di luar tahun PK", "SKP period outside the PK's year"),
    Text("Periode SKP '{period}' berada di luar tahun {year} PK yang dilaksanakannya (PK {whose})",
         "The SKP's period '{period}' lies outside {year}, the year of the PK it carries out (the {whose}'s PK)"),
    {"period": str, "year": int, "whose": Role},
    "an SKP's period (its start and end) against the year of the PK it carries out: the pegawai's own PK, "
    "else the pejabat penilai's (an SKP in its PK's dossier with a one-year period is year_mismatch's)",
)


@runs(SKP_PERIOD_MISMATCH, scope="batch")
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
                ctx.count(SKP_PERIOD_MISMATCH, True)
                break
            pk = min(own, key=lambda d: min(abs((d.header.year or 0) - y) for y in years))
            ctx.find(
                SKP_PERIOD_MISMATCH, period=period.raw, year=pk.header.year, whose=role,
                evidence=[ev(skp, period.location, period.raw), ev(pk, _first_row(pk), str(pk.header.year))],
                expected=str(pk.header.year), found=period.raw,
            )
            break
