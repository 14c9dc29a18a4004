"""The audit checks: the functions that look at a dossier's documents and what they report.

Each function is registered (:func:`audit.registry.runs`) with the checks it reports, so the
ids, families, severities and message templates live beside the code that finds them. A
function records how many things it looked at and how many passed, and adds a
:class:`Finding` for every discrepancy; checks never raise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from audit.align import AlignMethod, Pair, align, similarity
from audit.models import Alignment, CheckScore, Evidence, Finding
from audit.registry import Check, Family, declare, runs
from core.i18n import Text, name_terms
from core.problems import Location, Severity
from extract.models import (
    QUARTERS,
    BudgetLevel,
    DocType,
    Document,
    Indicator,
    Period,
    Role,
    Target,
    budget_tree,
    tree_total,
    walk,
)
from extract.text.levels import KEGIATAN, PROGRAM, SUB_KEGIATAN, Subject, subjects
from normalize.text import fold_key
from normalize.values import Kind, Value, format_number_id

MISSING_SEVERITY = {
    DocType.SKP: Severity.ERROR,
    DocType.LAMPIRAN_SKP: Severity.ERROR,
    DocType.RINCIAN_TARGET: Severity.WARNING,
    DocType.RENCANA_AKSI: Severity.WARNING,
    DocType.LKJ: Severity.WARNING,  # a report measures what its PK promised (PermenPANRB 53/2014)
}
#: An indicator a document measures beyond its PK, where that is no more than worth knowing: a report also
#: measures its programmes' indicators and those of its Renstra, which no PK promises; an Evaluasi Renja
#: measures every programme, kegiatan and sub-kegiatan of the work plan (Permendagri 86/2017), and no rule
#: makes it repeat the PK's indicators, so one it leaves out is no finding either.
EXTRA_SEVERITY = {DocType.LKJ: Severity.INFO, DocType.EVALUASI_RENJA: Severity.INFO}
#: A reference that promises nothing: a dossier with no agreement is checked against its Evaluasi Renja
#: (names, targets), but no document owes it an indicator, nor measures one beyond it.
UNPROMISED_REFERENCES = frozenset({DocType.EVALUASI_RENJA})
#: The documents a dossier's others are checked against, best first.
REFERENCE_TYPES = (DocType.PK, DocType.RINCIAN_TARGET, DocType.SKP, DocType.LAMPIRAN_SKP, DocType.EVALUASI_RENJA)


@dataclass
class Context:
    """One dossier under audit: its documents and year, and what the checks found."""

    dossier: str
    docs: list[Document]
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    tally: dict[Family, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    alignment: list[Alignment] = field(default_factory=list)

    def count(self, check: Check, passed: bool) -> None:
        if not check.scored:
            return
        t = self.tally[check.family]
        t[0] += 1
        t[1] += int(passed)

    def find(self, check: Check, *, evidence: list[Evidence], severity: Severity | None = None,
             expected: str | None = None, found: str | None = None, indicator: Indicator | None = None,
             variant: str | None = None, **params: Any) -> None:
        """Report one discrepancy of ``check``; ``params`` fill its message template."""
        self.count(check, False)
        self.findings.append(Finding(
            check=check.id, severity=severity or check.severity, dossier=self.dossier,
            doc_ids=list(dict.fromkeys(e.doc_id for e in evidence)),
            indicator_code=indicator.code if indicator else None, indicator_name=indicator.name if indicator else None,
            params=check.check_params(params), variant=variant, expected=expected, found=found, evidence=evidence,
        ))

    def scores(self) -> list[CheckScore]:
        return [CheckScore(family=f, checked=c, passed=p) for f, (c, p) in sorted(self.tally.items())]


def ev(doc: Document, loc: Location, text: str | None = None) -> Evidence:
    return Evidence(doc_id=doc.doc_id, doc_type=doc.doc_type, location=loc, text=text)


def _ind(i: Indicator) -> str:
    return f"{i.code} {i.name}" if i.code else i.name


def reference(docs: list[Document], *types: DocType) -> Document | None:
    """The first document of the first type in ``types`` that has indicators."""
    for t in types:
        for d in docs:
            if d.doc_type is t and d.indicators:
                return d
    return None


def reference_document(docs: list[Document]) -> Document | None:
    """The document a dossier's others are checked against: its PK, else its Rincian Target,
    SKP, Lampiran SKP or, with no agreement at all, its Evaluasi Renja (the first with indicators)."""
    return reference(docs, *REFERENCE_TYPES)


# --- indicators and targets -------------------------------------------------------------------


_BETWEEN = {"ref": DocType, "other": DocType}
#: what the two completeness checks cover, the one from the reference's side, the other from the document's
_COMPLETENESS = ("PK indicators absent from the SKP, Lampiran SKP, Rincian Target, Rencana Aksi, LKj; indicators those "
                 "(and an Inisiatif Strategis, an Evaluasi Renja) add (an LKj's, an Evaluasi Renja's: info)")


INDICATOR_MISSING = Check(
    "indicator_missing", Family.KELENGKAPAN, Severity.ERROR,
    Text("Indikator PK tidak ada", "PK indicator missing"),
    Text("Indikator {ref} tidak ada di {other}: {name}", "{ref} indicator missing from the {other}: {name}"),
    {**_BETWEEN, "name": str},
    _COMPLETENESS)
INDICATOR_EXTRA = Check(
    "indicator_extra", Family.KELENGKAPAN, Severity.WARNING,
    Text("Indikator tambahan", "Extra indicator"),
    Text("Indikator di {other} tidak ada di {ref}: {name}", "{other} indicator not in the {ref}: {name}"),
    {**_BETWEEN, "name": str},
    _COMPLETENESS)
INDICATOR_NAME_MISMATCH = Check(
    "indicator_name_mismatch", Family.NAMA, Severity.WARNING,
    Text("Nama indikator berbeda", "Indicator name differs"),
    Text("Nama indikator berbeda antara {ref} dan {other} (dipasangkan menurut {method}, kemiripan {similarity}%)",
         "Indicator name differs between the {ref} and the {other} (paired by {method}, similarity {similarity}%)"),
    {**_BETWEEN, "method": AlignMethod, "similarity": int},
    "wording of paired indicators and their sasaran")
SASARAN_NAME_MISMATCH = Check(
    "sasaran_name_mismatch", Family.NAMA, Severity.WARNING,
    Text("Nama sasaran berbeda", "Objective name differs"),
    Text("Rumusan sasaran berbeda antara {ref} dan {other}", "Sasaran wording differs between the {ref} and the {other}"),
    _BETWEEN,
    "wording of paired indicators and their sasaran")
TARGET_MISMATCH = Check(
    "target_mismatch", Family.TARGET, Severity.ERROR,
    Text("Target tahunan berbeda", "Annual target differs"),
    Text("Target tahunan berbeda antara {ref} dan {other}", "Annual target differs between the {ref} and the {other}"),
    _BETWEEN,
    "annual targets after normalization (`100` equals `100 (4 skala 5)`, `34,9 4%` equals `34,94%`)")
QUARTERLY_TARGET_MISMATCH = Check(
    "quarterly_target_mismatch", Family.TARGET, Severity.ERROR,
    Text("Target triwulan berbeda", "Quarterly target differs"),
    Text("Target {period} berbeda antara {ref} dan {other}", "{period} target differs between the {ref} and the {other}"),
    {**_BETWEEN, "period": Period},
    "Rincian Target against Lampiran SKP / Rencana Aksi, period by period")


@runs(
    INDICATOR_MISSING,
    INDICATOR_EXTRA,
    INDICATOR_NAME_MISMATCH,
    SASARAN_NAME_MISMATCH,
    TARGET_MISMATCH,
    QUARTERLY_TARGET_MISMATCH,
)
def check_alignment(ctx: Context) -> None:
    ref = reference_document(ctx.docs)
    if ref is None:
        return
    for other in ctx.docs:
        if other is ref or not other.indicators or other.doc_type is DocType.REGULATION:
            continue
        pairs = align(ref, other)
        ref_at = {id(i): k for k, i in enumerate(ref.indicators)}
        other_at = {id(i): k for k, i in enumerate(other.indicators)}
        for p in pairs:
            ctx.alignment.append(Alignment(
                dossier=ctx.dossier, ref_doc=ref.doc_id,
                pk_code=p.ref.code if p.ref else None, pk_name=p.ref.name if p.ref else None,
                doc_id=other.doc_id, doc_type=other.doc_type,
                code=p.other.code if p.other else None, name=p.other.name if p.other else None,
                similarity=p.similarity, method=p.method,
                pk_position=ref_at.get(id(p.ref)), position=other_at.get(id(p.other)),
            ))
        _completeness(ctx, ref, other, pairs)
        _names(ctx, ref, other, pairs)
        _targets(ctx, ref, other, pairs)
    quarterly = reference(ctx.docs, DocType.RINCIAN_TARGET)
    if quarterly is not None:
        for other in ctx.docs:
            if other is not quarterly and other.doc_type in (DocType.LAMPIRAN_SKP, DocType.RENCANA_AKSI):
                _quarterly(ctx, quarterly, other, align(quarterly, other))


def _completeness(ctx: Context, ref: Document, other: Document, pairs: list[Pair]) -> None:
    if ref.doc_type in UNPROMISED_REFERENCES:
        return
    severity = MISSING_SEVERITY.get(other.doc_type)
    for p in pairs:
        if p.ref is not None and severity is not None:
            if p.other is None:
                ctx.find(
                    INDICATOR_MISSING, severity=severity, ref=ref.doc_type, other=other.doc_type, name=_ind(p.ref),
                    evidence=[ev(ref, p.ref.location, p.ref.name), ev(other, _table_location(other), None)],
                    expected=_ind(p.ref), indicator=p.ref,
                )
            else:
                ctx.count(INDICATOR_MISSING, True)
        if p.ref is None and p.other is not None:
            ctx.find(
                INDICATOR_EXTRA, severity=EXTRA_SEVERITY.get(other.doc_type), ref=ref.doc_type, other=other.doc_type, name=_ind(p.other),
                evidence=[ev(other, p.other.location, p.other.name)], found=_ind(p.other), indicator=p.other,
            )
        elif p.other is not None:
            ctx.count(INDICATOR_EXTRA, True)


def _table_location(doc: Document) -> Location:
    """Where to look for a row that is not there: the document's indicator table."""
    first = doc.indicators[0].location if doc.indicators else None
    if first is not None and first.line is not None:
        return Location(file=first.file, page=first.page, line=first.line, table=first.table)
    return Location(file=doc.source_file, line=doc.span[0] if doc.span else None)


def _names(ctx: Context, ref: Document, other: Document, pairs: list[Pair]) -> None:
    seen_sasaran: set[tuple[str, str]] = set()
    for p in pairs:
        if p.ref is None or p.other is None:
            continue
        if p.ref.name_key == p.other.name_key:
            ctx.count(INDICATOR_NAME_MISMATCH, True)
        else:
            severity = Severity.INFO if p.similarity >= 95 else Severity.WARNING
            ctx.find(
                INDICATOR_NAME_MISMATCH, severity=severity, ref=ref.doc_type, other=other.doc_type, method=p.method,
                similarity=round(p.similarity),
                evidence=[ev(ref, p.ref.location, p.ref.name), ev(other, p.other.location, p.other.name)],
                expected=p.ref.name, found=p.other.name, indicator=p.ref,
            )
        if p.ref.sasaran and p.other.sasaran:
            key = (fold_key(p.ref.sasaran), fold_key(p.other.sasaran))
            if key in seen_sasaran:
                continue
            seen_sasaran.add(key)
            if key[0] == key[1]:
                ctx.count(SASARAN_NAME_MISMATCH, True)
            else:
                ctx.find(
                    SASARAN_NAME_MISMATCH, ref=ref.doc_type, other=other.doc_type,
                    evidence=[ev(ref, p.ref.location, p.ref.sasaran), ev(other, p.other.location, p.other.sasaran)],
                    expected=p.ref.sasaran, found=p.other.sasaran, indicator=p.ref,
                )


def _show(t: Target | None) -> str | None:
    return None if t is None else t.value.raw


def _set(t: Target | None) -> bool:
    return t is not None and not t.value.is_empty


def _targets(ctx: Context, ref: Document, other: Document, pairs: list[Pair]) -> None:
    for p in pairs:
        if p.ref is None or p.other is None:
            continue
        a, b = p.ref.target(Period.Y), p.other.target(Period.Y)
        if a is None or b is None or (not _set(a) and not _set(b)):
            continue
        if _set(a) and _set(b) and a.value.same_as(b.value):
            ctx.count(TARGET_MISMATCH, True)
            continue
        ctx.find(
            TARGET_MISMATCH, severity=Severity.ERROR if _set(a) and _set(b) else Severity.WARNING,
            ref=ref.doc_type, other=other.doc_type,
            evidence=[ev(ref, a.location, a.value.raw), ev(other, b.location, b.value.raw)],
            expected=_show(a), found=_show(b), indicator=p.ref,
        )


def _quarterly(ctx: Context, ref: Document, other: Document, pairs: list[Pair]) -> None:
    periods = [p for p in Period if p is not Period.Y]
    for pair in pairs:
        if pair.ref is None or pair.other is None:
            continue
        for period in periods:
            a, b = pair.ref.target(period), pair.other.target(period)
            if a is None or b is None:
                continue
            if (not _set(a) and not _set(b)) or (_set(a) and _set(b) and a.value.same_as(b.value)):
                ctx.count(QUARTERLY_TARGET_MISMATCH, True)
                continue
            ctx.find(
                QUARTERLY_TARGET_MISMATCH, ref=ref.doc_type, other=other.doc_type, period=period,
                evidence=[ev(ref, a.location, a.value.raw), ev(other, b.location, b.value.raw)],
                expected=a.value.raw, found=b.value.raw, indicator=pair.ref,
            )


# --- trajectory -------------------------------------------------------------------------------


TRAJECTORY_INCONSISTENT = Check(
    "trajectory_inconsistent", Family.TRAJECTORY, Severity.WARNING,
    Text("Lintasan target tidak konsisten", "Inconsistent target trajectory"),
    Text("Target {period} tidak sesuai dengan target {source} pada {doc}",
         "The {period} target of the {doc} does not follow its {source} target"),
    {"period": Period, "source": Period, "doc": DocType},
    "Smt1 against Q2, s.d.Q3 against Q3, Y against Q4 (cumulative), or Y as the sum of quarters",
    variants={"quarters": Text("Target tahunan pada {doc} bukan target triwulan terakhir dan bukan jumlah target triwulan",
                               "The annual target of the {doc} is neither the last quarter's nor their sum")},
)


@runs(TRAJECTORY_INCONSISTENT)
def check_trajectory(ctx: Context) -> None:
    """Y against Q4, Smt1 against Q2, s.d.Q3 against Q3, as the document's logic implies.

    With Smt1 / s.d.Q3 columns a document states cumulative targets: a cumulative cell
    repeats the latest quarter that has a target. With quarters only, the year is either
    the last quarter (cumulative) or, for counts and percentages, their sum (additive).
    """
    for doc in ctx.docs:
        for ind in doc.indicators:
            got = {t.period: t for t in ind.targets if t.year is None}
            if not any(p in got for p in QUARTERS):
                continue
            cumulative_columns = Period.SMT1 in got or Period.SDQ3 in got
            rules = [(Period.SMT1, (Period.Q2, Period.Q1)), (Period.SDQ3, (Period.Q3, Period.SMT1, Period.Q2, Period.Q1))]
            for target, sources in rules:
                if target in got:
                    _cumulative(ctx, doc, ind, got, target, sources)
            if Period.Y in got:
                sources = (Period.Q4, Period.SDQ3, Period.Q3, Period.SMT1, Period.Q2, Period.Q1)
                if cumulative_columns:
                    _cumulative(ctx, doc, ind, got, Period.Y, sources)
                else:
                    _year_of_quarters(ctx, doc, ind, got)


def _latest(got: dict[Period, Target], sources: tuple[Period, ...]) -> Target | None:
    return next((got[p] for p in sources if _set(got.get(p))), None)


def _cumulative(ctx: Context, doc: Document, ind: Indicator, got: dict[Period, Target], target: Period,
                sources: tuple[Period, ...]) -> None:
    cell = got[target]
    expect = _latest(got, sources)
    own = got.get(sources[0])
    if not _set(cell):
        ok = not _set(own)
    else:
        ok = expect is not None and cell.value.same_as(expect.value)
    if ok:
        ctx.count(TRAJECTORY_INCONSISTENT, True)
        return
    basis = expect or own
    ctx.find(
        TRAJECTORY_INCONSISTENT, period=target, source=sources[0], doc=doc.doc_type,
        evidence=[ev(doc, cell.location, cell.value.raw)] + ([ev(doc, basis.location, basis.value.raw)] if basis else []),
        expected=basis.value.raw if basis else f"{sources[0].value} = -", found=cell.value.raw, indicator=ind,
    )


def _year_of_quarters(ctx: Context, doc: Document, ind: Indicator, got: dict[Period, Target]) -> None:
    year = got[Period.Y]
    if not _set(year):
        ctx.count(TRAJECTORY_INCONSISTENT, True)
        return
    latest = _latest(got, (Period.Q4, Period.Q3, Period.Q2, Period.Q1))
    ok = latest is not None and year.value.same_as(latest.value)
    if not ok and year.value.kind in (Kind.NUMBER, Kind.PERCENT) and year.value.value is not None:
        quarter_values = [got[p].value.value for p in QUARTERS if _set(got.get(p))]
        ok = bool(quarter_values) and all(v is not None for v in quarter_values) and sum(quarter_values) == year.value.value  # type: ignore[arg-type]
    if ok:
        ctx.count(TRAJECTORY_INCONSISTENT, True)
        return
    ctx.find(
        TRAJECTORY_INCONSISTENT, variant="quarters", period=Period.Y, source=Period.Q4, doc=doc.doc_type,
        evidence=[ev(doc, year.location, year.value.raw)],
        expected=latest.value.raw if latest else "Q4 = -", found=year.value.raw, indicator=ind,
    )


# --- printed capaian ---------------------------------------------------------------------------

CAPAIAN_CAP = Decimal(120)  # KEP-36/AG/2012: capaian counts up to 120%


def capaian_candidates(target: Decimal, realisasi: Decimal) -> list[Decimal]:
    """What a printed capaian may be: realisasi/target for a higher-is-better indicator, and for a
    lower-is-better one target/realisasi or (2 - realisasi/target), each also capped at 120%.

    >>> [str(round(c, 2)) for c in capaian_candidates(Decimal(21), Decimal("19.70"))]
    ['93.81', '106.60', '106.19']
    """
    out = [realisasi / target * 100]
    if realisasi:
        out.append(target / realisasi * 100)
    out.append((2 - realisasi / target) * 100)
    return out + [min(c, CAPAIAN_CAP) for c in out if c > CAPAIAN_CAP]


def _decimals(value: Value) -> int:
    """The decimals a value prints, from its reading (``98,30`` -> 2): a value read once a scan's marks were
    put right (``97;80%``, ``value_repaired``) prints them as its reading has them, not as its raw text."""
    exponent = value.value.as_tuple().exponent if value.value is not None else 0
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _printed_step(value: Value) -> Decimal:
    """One unit of the last decimal printed: the rounding a writer's figure is allowed ("98,30" -> 0.01)."""
    return Decimal(1).scaleb(-_decimals(value))


CAPAIAN_PRINTED_MISMATCH = Check(
    "capaian_printed_mismatch", Family.CAPAIAN, Severity.WARNING,
    Text("Capaian tercetak tidak sesuai realisasi dan target", "Printed capaian does not follow from realisasi and target"),
    Text("Capaian {period} tercetak {printed} tidak sesuai dengan realisasi {realisasi} terhadap target {target} pada {doc}",
         "The printed {period} capaian {printed} of the {doc} follows from no usual formula of realisasi {realisasi} "
         "and target {target}"),
    {"period": Period, "printed": str, "realisasi": str, "target": str, "doc": DocType},
    "a printed capaian (LKj measurement table) against its own realisasi / target × 100, or the lower-is-better "
    "formulas, to the decimals printed",
)


@runs(CAPAIAN_PRINTED_MISMATCH)
def check_capaian(ctx: Context) -> None:
    """A capaian the document prints (an LKj measurement table) against its own target and
    realisasi: it must equal one of the usual formulas, to the decimals printed (one unit of the
    last printed decimal is allowed for the writer's rounding)."""
    for doc in ctx.docs:
        for ind in doc.indicators:
            # by period and year: a report's realisasi of the years before stands beside the year's own
            targets = {(t.period, t.year): t for t in ind.targets}
            realised = {(t.period, t.year): t for t in ind.realisasi}
            for printed in ind.capaian:
                t, r = targets.get((printed.period, printed.year)), realised.get((printed.period, printed.year))
                values = (printed.value.value, t.value.value if t else None, r.value.value if r else None)
                if any(v is None for v in values) or not values[1]:
                    continue
                shown, target, realisasi = values
                step = _printed_step(printed.value)
                candidates = capaian_candidates(target, realisasi)
                if any(abs(c - shown) <= step for c in candidates):
                    ctx.count(CAPAIAN_PRINTED_MISMATCH, True)
                    continue
                ratio = candidates[0].quantize(step) if step < 1 else round(candidates[0])
                ctx.find(
                    CAPAIAN_PRINTED_MISMATCH, period=printed.period, printed=printed.value.raw,
                    realisasi=r.value.raw, target=t.value.raw, doc=doc.doc_type,  # type: ignore[union-attr]
                    evidence=[ev(doc, printed.location, printed.value.raw), ev(doc, t.location, t.value.raw),  # type: ignore[union-attr]
                              ev(doc, r.location, r.value.raw)],  # type: ignore[union-attr]
                    expected=f"{format_number_id(ratio)} (realisasi / target × 100)", found=printed.value.raw, indicator=ind,
                )


# --- budget -----------------------------------------------------------------------------------


def _rp(amount: int | None) -> str:
    return "-" if amount is None else "Rp " + format_number_id(Decimal(amount))


BUDGET_SUM_MISMATCH = Check(
    "budget_sum_mismatch", Family.ANGGARAN, Severity.ERROR,
    Text("Jumlah rincian anggaran tidak sama dengan pagu", "Budget items do not add up to the parent"),
    Text("Jumlah rincian anggaran '{name}' tidak sama dengan pagunya; selisih {difference}",
         "The items under '{name}' do not add up to its amount; difference {difference}"),
    {"name": str, "difference": str},
    "children against parent in exact rupiah; the Lampiran SKP's Jumlah Anggaran against the PK")
BUDGET_TOTAL_MISMATCH = Check(
    "budget_total_mismatch", Family.ANGGARAN, Severity.ERROR,
    Text("Jumlah anggaran tidak sama dengan PK", "Budget total differs from the PK"),
    Text("Jumlah Anggaran pada {doc} tidak sama dengan total anggaran PK",
         "The budget total stated in the {doc} differs from the total of the PK's programmes"),
    {"doc": DocType},
    "children against parent in exact rupiah; the Lampiran SKP's Jumlah Anggaran against the PK")


@runs(
    BUDGET_SUM_MISMATCH,
    BUDGET_TOTAL_MISMATCH,
)
def check_budget(ctx: Context) -> None:
    for doc in ctx.docs:
        # (not a report's budget-realisation table: its sub-kegiatan rows are not told from its kegiatan)
        if doc.doc_type is not DocType.PK or not doc.budget:
            continue
        for node in walk(budget_tree(doc.budget)):
            adds_up = node.adds_up
            if adds_up is None:
                continue
            if adds_up:
                ctx.count(BUDGET_SUM_MISMATCH, True)
                continue
            parent, children = node.line, [c.line for c in node.children]
            total = node.children_total or 0
            ctx.find(
                BUDGET_SUM_MISMATCH, name=parent.name, difference=_rp(total - parent.amount),  # type: ignore[operator]
                evidence=[ev(doc, parent.location, parent.value.raw)] + [ev(doc, c.location, c.value.raw) for c in children],
                expected=_rp(parent.amount), found=_rp(total),
            )
    pk = reference(ctx.docs, DocType.PK) or next((d for d in ctx.docs if d.doc_type is DocType.PK and d.budget), None)
    if pk is None or not pk.budget:
        return
    roots = budget_tree(pk.budget)
    pk_total = tree_total(roots) or 0
    for doc in ctx.docs:
        stated = doc.header.jumlah_anggaran
        if stated is None or stated.amount is None:
            continue
        if stated.amount == pk_total:
            ctx.count(BUDGET_TOTAL_MISMATCH, True)
            continue
        ctx.find(
            BUDGET_TOTAL_MISMATCH, doc=doc.doc_type,
            evidence=[ev(pk, roots[0].line.location if roots else Location(file=pk.source_file), _rp(pk_total)),
                      ev(doc, doc.header.jumlah_anggaran_location or Location(file=doc.source_file), stated.raw)],
            expected=_rp(pk_total), found=stated.raw,
        )


BUDGET_SHARE_MISMATCH = Check(
    "budget_share_mismatch", Family.ANGGARAN, Severity.WARNING,
    Text("Persentase realisasi anggaran tercetak tidak sesuai", "Printed budget share does not follow from the amounts"),
    Text("Persentase realisasi '{name}' tercetak {printed}, sedangkan realisasi {realisasi} dari pagu {amount} adalah {share}",
         "The printed share of '{name}', {printed}, is not its realisasi {realisasi} of the pagu {amount}, {share}"),
    {"name": str, "printed": str, "realisasi": str, "amount": str, "share": str},
    "a budget-realisation table (LKj): each line's printed % against its realisasi / pagu × 100, to the decimals printed",
)


@runs(BUDGET_SHARE_MISMATCH)
def check_budget_shares(ctx: Context) -> None:
    """Each line of a budget-realisation table prints what share of its pagu was spent: it must be
    realisasi / pagu × 100 to the decimals printed (one unit of the last printed decimal allowed for
    the writer's rounding)."""
    for doc in ctx.docs:
        for line in doc.budget:
            spent, printed = line.realisasi, line.persen
            if spent is None or printed is None or spent.amount is None or printed.value is None or not line.amount:
                continue
            share = Decimal(spent.amount) * 100 / Decimal(line.amount)
            if abs(share - printed.value) <= _printed_step(printed):
                ctx.count(BUDGET_SHARE_MISMATCH, True)
                continue
            shown = share.quantize(Decimal(1).scaleb(-max(_decimals(printed), 2)))
            at = line.location
            ctx.find(
                BUDGET_SHARE_MISMATCH, name=line.name, printed=printed.raw, realisasi=_rp(spent.amount),
                amount=_rp(line.amount), share=format_number_id(shown),
                evidence=[ev(doc, at.model_copy(update={"column": "persen", "cell": printed.raw}), printed.raw),
                          ev(doc, at, line.value.raw),
                          ev(doc, at.model_copy(update={"column": "realisasi_rp", "cell": spent.raw}), spent.raw)],
                expected=f"{format_number_id(shown)} (realisasi / pagu × 100)", found=printed.raw,
            )


# --- realised spending (an Evaluasi Renja) -------------------------------------------------------


REALISASI_SUM_MISMATCH = Check(
    "realisasi_sum_mismatch", Family.REALISASI, Severity.WARNING,
    Text("Realisasi Rp tidak sama dengan jumlah rinciannya", "Realised Rp differs from the sum of the rows under it"),
    Text("Realisasi {period} '{name}' tercetak {printed}, jumlah {count} {level} di bawahnya {total}; selisih {difference}",
         "The realised Rp of '{name}' in {period} is printed {printed}; the {count} {level} rows under it sum to "
         "{total}, a difference of {difference}"),
    {"period": Period, "name": str, "printed": str, "count": int, "level": BudgetLevel, "total": str, "difference": str},
    "a realisasi sheet (Evaluasi Renja): each programme's Rp against the sum of its kegiatan's, each kegiatan's "
    "against its sub-kegiatan's, period by period",
)


@runs(REALISASI_SUM_MISMATCH)
def check_realisasi_sums(ctx: Context) -> None:
    """In a realisasi sheet each programme's Rp is the sum of its kegiatan's and each kegiatan's the
    sum of its sub-kegiatan's, period by period. A sheet that leaves rows out, or a wrong total,
    shows here. (The levels were told apart by these very sums where the sheet does not print them,
    so a row whose sums never hold was already reported as ``level_inferred`` by the extract stage.)"""
    for doc in ctx.docs:
        if not any(i.realisasi_rp for i in doc.indicators):
            continue
        periods = [p.value for p in Period if any(t.period is p for i in doc.indicators for t in i.realisasi_rp)]
        rows = subjects([i for i in doc.indicators if i.kategori in (PROGRAM, KEGIATAN, SUB_KEGIATAN)], periods)
        below = {PROGRAM: KEGIATAN, KEGIATAN: SUB_KEGIATAN}
        for n, parent in enumerate(rows):
            level = parent.indicators[0].kategori
            child_level = below.get(level or "")
            if child_level is None:
                continue
            children = []
            for row in rows[n + 1:]:
                row_level = row.indicators[0].kategori
                if row_level == level or row_level == PROGRAM:
                    break
                if row_level == child_level:
                    children.append(row)
            if not children:
                continue
            for k, period in enumerate(periods):
                cell = _rp_cell(parent, period)
                printed = [t for c in children if (t := _rp_cell(c, period)) is not None]
                if cell is None or not _rp_read(cell) or not all(_rp_read(t) for t in printed):
                    continue  # the row prints nothing for the period, or an amount could not be read (reported already)
                total = sum(c.rp[k] for c in children)
                if parent.rp[k] == total:
                    ctx.count(REALISASI_SUM_MISMATCH, True)
                    continue
                ctx.find(
                    REALISASI_SUM_MISMATCH, period=period, name=parent.name, printed=cell.value.raw,
                    count=len(children), level=child_level, total=_rp(total), difference=_rp(parent.rp[k] - total),
                    evidence=[ev(doc, cell.location, cell.value.raw)] + [ev(doc, t.location, t.value.raw) for t in printed],
                    expected=_rp(total), found=cell.value.raw, indicator=parent.indicators[0],
                )


def _rp_read(cell: Target) -> bool:
    """An amount, or a printed '-' (nothing spent); not a cell whose amount could not be read."""
    return cell.value.amount is not None or cell.value.raw.strip() in ("-", "")


def _rp_cell(row: Subject, period: str) -> Target | None:
    return next((t for i in row.indicators for t in i.realisasi_rp if t.period.value == period), None)


# --- people -----------------------------------------------------------------------------------

EXPECTED_SIGNERS = {
    DocType.SKP: ((Role.PEGAWAI, Role.PIHAK_PERTAMA), (Role.PEJABAT_PENILAI, Role.PIHAK_KEDUA)),
    DocType.LAMPIRAN_SKP: ((Role.PEGAWAI, Role.PIHAK_PERTAMA), (Role.PEJABAT_PENILAI, Role.PIHAK_KEDUA)),
    DocType.RINCIAN_TARGET: ((Role.PENANDATANGAN, Role.PIHAK_PERTAMA),),
    DocType.EVALUASI_RENJA: ((Role.PENANDATANGAN, Role.PIHAK_PERTAMA),),  # the head of the perangkat daerah
    DocType.INISIATIF_STRATEGIS: ((Role.PENANDATANGAN, Role.PIHAK_PERTAMA),),
    DocType.RENCANA_AKSI: ((Role.PIHAK_PERTAMA, Role.PIHAK_PERTAMA), (Role.PIHAK_KEDUA, Role.PIHAK_KEDUA)),
}


class Identity(StrEnum):
    """What of a signer differs: the name, or only the NIP."""

    NAME = "name"
    NIP = "nip"


IDENTITY_NAMES = name_terms(Identity, {Identity.NAME: Text("Nama", "name"), Identity.NIP: Text("NIP", "NIP")})


SIGNATORY_MISMATCH = Check(
    "signatory_mismatch", Family.PENANDATANGAN, Severity.ERROR,
    Text("Penanda tangan berbeda", "Signatory differs"),
    Text("{what} {role} pada {doc} berbeda dengan {pk_role} pada PK",
         "The {what} of the {role} in the {doc} differs from the PK's {pk_role}"),
    {"what": Identity, "role": Role, "doc": DocType, "pk_role": Role},
    "SKP pegawai / pejabat penilai and the Rincian (or Evaluasi Renja) signer against the PK's parties",
)


@runs(SIGNATORY_MISMATCH)
def check_signatories(ctx: Context) -> None:
    pk = reference(ctx.docs, DocType.PK)
    if pk is None:
        return
    for doc in ctx.docs:
        for own_role, pk_role in EXPECTED_SIGNERS.get(doc.doc_type, ()):
            mine, theirs = doc.party(own_role), pk.party(pk_role)
            if mine is None or theirs is None:
                continue
            same_name = mine.name_key == theirs.name_key
            same_nip = not (mine.nip and theirs.nip) or mine.nip == theirs.nip
            if same_name and same_nip:
                ctx.count(SIGNATORY_MISMATCH, True)
                continue
            ctx.find(
                SIGNATORY_MISMATCH, severity=Severity.ERROR if not same_name else Severity.WARNING,
                what=Identity.NAME if not same_name else Identity.NIP, role=own_role, doc=doc.doc_type, pk_role=pk_role,
                evidence=[ev(pk, theirs.location, f"{theirs.name} {theirs.nip or ''}".strip()),
                          ev(doc, mine.location, f"{mine.name} {mine.nip or ''}".strip())],
                expected=theirs.name if not same_name else theirs.nip, found=mine.name if not same_name else mine.nip,
            )


class NipFault(StrEnum):
    """Why a NIP is not valid."""

    LENGTH = "length"
    NOT_DIGITS = "not_digits"
    BIRTH_NOT_A_DATE = "birth_not_a_date"
    BIRTH_IMPLAUSIBLE = "birth_implausible"
    TMT_FUTURE = "tmt_future"
    TMT_MONTH = "tmt_month"
    TMT_BEFORE_ADULT = "tmt_before_adult"
    SEX_DIGIT = "sex_digit"
    SEQUENCE_ZERO = "sequence_zero"


NIP_FAULTS: dict[NipFault, Text] = {
    NipFault.LENGTH: Text("{n} digit, bukan 18", "{n} digits, not 18"),
    NipFault.NOT_DIGITS: Text("tidak semuanya angka", "not all digits"),
    NipFault.BIRTH_NOT_A_DATE: Text("tanggal lahir {date} tidak ada di kalender", "birth date {date} is not a real date"),
    NipFault.BIRTH_IMPLAUSIBLE: Text("tanggal lahir {date} tidak masuk akal", "birth date {date} is not plausible"),
    NipFault.TMT_FUTURE: Text("TMT {tmt} belum tiba", "TMT {tmt} lies in the future"),
    NipFault.TMT_MONTH: Text("bulan TMT {month} bukan bulan", "TMT month {month} is not a month"),
    NipFault.TMT_BEFORE_ADULT: Text("TMT {tmt} sebelum ulang tahun ke-18 ({adult})",
                                    "TMT {tmt} is before the 18th birthday ({adult})"),
    NipFault.SEX_DIGIT: Text("digit jenis kelamin {digit} bukan 1 atau 2", "sex digit {digit} is neither 1 nor 2"),
    NipFault.SEQUENCE_ZERO: Text("nomor urut 000", "sequence number 000"),
}


class NipProblem(BaseModel):
    """One reason a NIP is not valid, with the parts of the NIP it is about."""

    fault: NipFault
    values: dict[str, str] = {}

    def render(self, lang: str) -> str:
        return NIP_FAULTS[self.fault].format(lang, **self.values)


def nip_problems(nip: str) -> list[NipProblem]:
    """Why an 18-digit NIP (YYYYMMDD birth, YYYYMM TMT, sex, sequence) is not valid.

    >>> def en(nip): return [p.render("en") for p in nip_problems(nip)]
    >>> en("203001012050011001")[:1]
    ['birth date 2030-01-01 is not plausible']
    >>> en("197003271995031002")
    []
    >>> en("197013271995031002")
    ['birth date 1970-13-27 is not a real date']
    >>> en("200003271995031002")
    ['TMT 1995-03 is before the 18th birthday (2018-03-27)']
    >>> en("19700327199503300"), [p.render("id") for p in nip_problems("19700327199503300")]
    (['17 digits, not 18'], ['17 digit, bukan 18'])
    """
    if not nip.isdigit() or len(nip) != 18:
        return [NipProblem(fault=NipFault.LENGTH, values={"n": str(len(nip))}) if nip.isdigit()
                else NipProblem(fault=NipFault.NOT_DIGITS)]
    out = []
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        out.append(NipProblem(fault=NipFault.BIRTH_NOT_A_DATE, values={"date": f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}"}))
        birth = None
    today = dt.date.today()
    if birth is not None and not dt.date(1900, 1, 1) <= birth <= today:
        out.append(NipProblem(fault=NipFault.BIRTH_IMPLAUSIBLE, values={"date": birth.isoformat()}))
        birth = None
    year, month = int(nip[8:12]), int(nip[12:14])
    tmt = f"{year}-{month:02d}"
    if (year, month) > (today.year + 1, today.month):
        out.append(NipProblem(fault=NipFault.TMT_FUTURE, values={"tmt": tmt}))
    if not 1 <= month <= 12:
        out.append(NipProblem(fault=NipFault.TMT_MONTH, values={"month": nip[12:14]}))
    elif birth is not None:
        try:
            adult = birth.replace(year=birth.year + 18)
        except ValueError:  # 29 February
            adult = dt.date(birth.year + 18, 3, 1)
        if (year, month) < (adult.year, adult.month):
            out.append(NipProblem(fault=NipFault.TMT_BEFORE_ADULT, values={"tmt": tmt, "adult": adult.isoformat()}))
    if nip[14] not in "12":
        out.append(NipProblem(fault=NipFault.SEX_DIGIT, values={"digit": nip[14]}))
    if nip[15:18] == "000":
        out.append(NipProblem(fault=NipFault.SEQUENCE_ZERO))
    return out


#: The agreements whose parties must sign (the mission's documents are signed agreements).
SIGNED_DOCS = frozenset({DocType.PK, DocType.SKP})


PARTY_UNSIGNED = Check(
    "party_unsigned", Family.PENANDATANGAN, Severity.WARNING,
    Text("Tidak ditandatangani", "Not signed"),
    Text("{role} {name} pada {doc} tidak menunjukkan tanda tangan (tidak ada tanda tangan elektronik, gambar tanda tangan"
         " atau cap di atas nama, atau tinta di atas garis tanda tangan)",
         "The {role} {name} of the {doc} shows no signature (no electronic-signature mark, no signature or stamp image"
         " over the name, no ink over the signature line)"),
    {"role": Role, "name": str, "doc": DocType},
    "each party of a PK or SKP: an electronic-signature mark, a picture over the name (digital page; in a workbook, over"
    " every row where the name stands alone), ink over it (scan)",
)


@runs(PARTY_UNSIGNED)
def check_signed(ctx: Context) -> None:
    """A party whose block was looked at and shows nothing (``Signature.NONE``) is unsigned; one not
    looked at (a text rendering: ``None``) is not judged, and an electronic signature covers the whole
    document (BSrE's "Ditandatangani secara elektronik")."""
    for doc in ctx.docs:
        if doc.doc_type not in SIGNED_DOCS:
            continue
        for party in doc.parties:
            if party.signature is None:
                continue
            if party.signed or doc.header.e_signed:
                ctx.count(PARTY_UNSIGNED, True)
                continue
            ctx.find(PARTY_UNSIGNED, role=party.role, name=party.name, doc=doc.doc_type,
                     evidence=[ev(doc, party.location, party.name)], expected="signed", found=party.signature.value)


@dataclass(frozen=True)
class SigningSettings:
    """When a PK is signed, from the regulations in the seeds.

    A PK promises one year's targets (Permendesa 22/2017 Pasal 12 (1): "dalam 1 (satu) tahun
    periode"), so it is signed in its year, or in the December before it, once the DIPA/DPA of the
    year is approved (Pasal 13 (2): submitted "paling lambat 1 (satu) bulan setelah Daftar Isian
    Pelaksanaan Anggaran disahkan"; the DIPA's own date is printed in no agreement). The latest
    deadline the seeds name is KEP-36/AG/2012's for the Kontrak Kinerja of DJA: 1 March
    (Kemenkeu-Two), 8 March (-Three), 30 March (-Four and -Five); other regulations are silent on a
    day, so a date after it is a note (INFO), a date outside the year a WARNING.

    An SKP is held to the same window, its year or the December before it, and to no day: it carries
    out the PK of its year, and no regulation in the seeds names a day for it (issue #20: "cite the
    regulation, or say it is silent").
    """

    months_before: int = 1  # the December before the year
    deadline: tuple[int, int] = (3, 30)  # (month, day) of the latest deadline: KEP-36/AG/2012

    def __post_init__(self) -> None:
        dt.date(2000, *self.deadline)  # a real day
        if not 0 <= self.months_before <= 12:
            raise ValueError(f"months_before must be 0-12, not {self.months_before}")


SIGNING = SigningSettings()


SIGNING_DATE_UNUSUAL = Check(
    "signing_date_unusual", Family.TAHUN, Severity.WARNING,
    Text("Tanggal penandatanganan tidak lazim", "Unusual signing date"),
    Text("{doc} tahun {year} ditandatangani {date}, di luar tahunnya",
         "The {doc} of {year} was signed on {date}, outside its year"),
    {"doc": DocType, "year": int, "date": dt.date, "deadline": str},
    "a PK's or SKP's signing date against its year; a PK's also against the latest deadline a regulation sets "
    "(KEP-36/AG/2012: 30 March; the regulations in the seeds set no day for an SKP; an SKP's evaluation is signed after its period)",
    variants={"late": Text("{doc} tahun {year} ditandatangani {date}, setelah batas waktu {deadline}",
                           "The {doc} of {year} was signed on {date}, after the deadline of {deadline}")},
)


#: The documents whose signing date is checked: the agreement and the SKP that carries it out (issue #20:
#: "for every PK and SKP"). The deadline is a PK's alone: KEP-36/AG/2012 sets it for the Kontrak Kinerja, and
#: neither regulation in the seeds sets a day for an SKP, so an SKP is only held to its year. An SKP that prints
#: realisasi (a penilaian or an evaluasi) is signed when its period has ended, in the year after it as often as
#: not, and is not held to its year (``skp_period_mismatch`` holds its period against the PK's year).
SIGNED_IN_THEIR_YEAR = (DocType.PK, DocType.SKP)


@runs(SIGNING_DATE_UNUSUAL)
def check_signing_date(ctx: Context) -> None:
    for doc in ctx.docs:
        date, year = doc.header.date, doc.header.year
        if doc.doc_type not in SIGNED_IN_THEIR_YEAR or date is None or year is None or (doc.skp is not None and doc.skp.evaluation):
            continue
        first_month = 12 - SIGNING.months_before + 1
        deadline = dt.date(year, *SIGNING.deadline)
        where = [ev(doc, Location(file=doc.source_file, line=doc.span[1] if doc.span else None), doc.header.date_raw or date.isoformat())]
        if not (date.year == year or (date.year == year - 1 and date.month >= first_month)):
            ctx.find(SIGNING_DATE_UNUSUAL, doc=doc.doc_type, year=year, date=date, deadline=deadline.isoformat(),
                     evidence=where, expected=str(year), found=date.isoformat())
        elif doc.doc_type is DocType.PK and date > deadline:
            ctx.find(SIGNING_DATE_UNUSUAL, variant="late", severity=Severity.INFO, doc=doc.doc_type, year=year, date=date,
                     deadline=f"{deadline.isoformat()} (KEP-36/AG/2012)", evidence=where,
                     expected=f"<= {deadline.isoformat()}", found=date.isoformat())
        else:
            ctx.count(SIGNING_DATE_UNUSUAL, True)


NIP_INVALID = Check(
    "nip_invalid", Family.NIP, Severity.ERROR,
    Text("NIP tidak valid", "Invalid NIP"),
    Text("NIP {name} tidak valid: {problems}", "Invalid NIP of {name}: {problems}"),
    {"name": str, "problems": list[NipProblem]},
    "18 digits, a real birth date, TMT after the 18th birthday, sex digit 1 or 2, sequence not 000",
)


@runs(NIP_INVALID)
def check_nips(ctx: Context) -> None:
    seen: set[str] = set()
    for doc in ctx.docs:
        for party in doc.parties:
            if not party.nip or party.nip in seen:
                continue
            seen.add(party.nip)
            problems = nip_problems(party.nip)
            if not problems:
                ctx.count(NIP_INVALID, True)
                continue
            ctx.find(
                NIP_INVALID, name=party.name, problems=problems,
                evidence=[ev(doc, party.location, party.nip)], found=party.nip,
            )


YEAR_MISMATCH = Check(
    "year_mismatch", Family.TAHUN, Severity.ERROR,
    Text("Tahun berbeda", "Year differs"),
    Text("Tahun {doc} ({year}) berbeda dengan tahun berkas ({dossier_year})",
         "The year of the {doc} ({year}) differs from the dossier's ({dossier_year})"),
    {"doc": DocType, "year": int, "dossier_year": int},
    "a document's year against its dossier's",
)


@runs(YEAR_MISMATCH)
def check_years(ctx: Context) -> None:
    year = ctx.year
    if year is None:
        return
    for doc in ctx.docs:
        if doc.header.year is None:
            continue
        if doc.header.year == year:
            ctx.count(YEAR_MISMATCH, True)
            continue
        ctx.find(
            YEAR_MISMATCH, doc=doc.doc_type, year=doc.header.year, dossier_year=year,
            evidence=[ev(doc, Location(file=doc.source_file, line=doc.span[0] if doc.span else None), str(doc.header.year))],
            expected=str(year), found=str(doc.header.year),
        )


# --- cascading (across dossiers) --------------------------------------------------------------

CASCADE_ACCEPT = 70.0


CASCADE_MISMATCH = Check(
    "cascade_mismatch", Family.CASCADING, Severity.WARNING,
    Text("Cascading tidak selaras", "Cascading out of line"),
    Text("Sasaran tidak ditemukan sebagai indikator atasan (pihak kedua); kemiripan terbaik {best}%",
         "The sasaran is not an indicator of the superior's PK; best similarity {best}%"),
    {"best": int},
    "a subordinate's sasaran should be an indicator of the superior who signs as pihak kedua",
)


@runs(CASCADE_MISMATCH, scope="batch")
def check_cascades(docs: list[Document], contexts: dict[str, Context], dossier_of: dict[str, str]) -> None:
    """A subordinate's PK whose pihak kedua signs another PK in the batch as pihak pertama."""
    pks = [d for d in docs if d.doc_type is DocType.PK and d.indicators]
    for sub in pks:
        boss = sub.party(Role.PIHAK_KEDUA)
        if boss is None or sub.doc_id not in dossier_of:  # a superior brought in for a dossier audited alone
            continue
        for sup in pks:
            head = sup.party(Role.PIHAK_PERTAMA)
            if sup is sub or head is None or head.name_key != boss.name_key:
                continue
            if sub.header.year and sup.header.year and sub.header.year != sup.header.year:
                continue
            check_cascade(contexts[dossier_of[sub.doc_id]], sub, sup)


def check_cascade(ctx: Context, subordinate: Document, superior: Document) -> None:
    """Each sasaran of a subordinate's PK should be an indicator (or sasaran) of the superior's PK."""
    targets = [i.name for i in superior.indicators] + [i.sasaran for i in superior.indicators if i.sasaran]
    seen: set[str] = set()
    for ind in subordinate.indicators:
        if not ind.sasaran or fold_key(ind.sasaran) in seen:
            continue
        seen.add(fold_key(ind.sasaran))
        best = max((similarity(ind.sasaran, t) for t in targets), default=0.0)
        if best >= CASCADE_ACCEPT:
            ctx.count(CASCADE_MISMATCH, True)
            continue
        ctx.find(
            CASCADE_MISMATCH, best=round(best),
            evidence=[ev(subordinate, ind.location, ind.sasaran), ev(superior, Location(file=superior.source_file), None)],
            expected=None, found=ind.sasaran, indicator=ind,
        )


# --- dossiers ---------------------------------------------------------------------------------


DOSSIER_WITHOUT_PK = Check(
    "dossier_without_pk", Family.BERKAS, Severity.INFO,
    Text("Berkas tanpa PK", "Dossier without a PK"),
    Text("Berkas ini tidak memuat PK; dokumen tidak dapat dibandingkan dengan PK",
         "This dossier has no PK to compare its documents with"),
    {}, "a dossier with no PK to compare its documents against", scored=False,
)


@runs(DOSSIER_WITHOUT_PK)
def check_dossier_has_pk(ctx: Context) -> None:
    if len(ctx.docs) == 1 and ctx.docs[0].doc_type is not DocType.PK:
        return  # a document alone: reported as dossier_unassigned
    if not any(d.doc_type is DocType.PK for d in ctx.docs):
        ctx.find(DOSSIER_WITHOUT_PK, evidence=[ev(d, Location(file=d.source_file)) for d in ctx.docs])


DOSSIER_UNASSIGNED = Check(
    "dossier_unassigned", Family.BERKAS, Severity.INFO,
    Text("Dokumen tanpa berkas", "Document in no dossier"),
    Text("Dokumen tidak masuk berkas mana pun: tidak ada PK dengan pejabat dan tahun yang sama",
         "The document fits no dossier: no PK of the same official and year"),
    {}, "a document that fits no dossier (no PK of the same official and year)", scored=False,
)
declare(DOSSIER_UNASSIGNED)  # found by the batch (audit.unassigned_finding), not by a runner
