"""Typed view models of the HTML report, built from a run's typed results (:class:`~report.input.RunData`).

The template only reads these frozen dataclasses: every word is already translated, every
number already formatted the Indonesian way, every colour already decided. Text from the
documents stays plain ``str`` here; the template escapes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from audit.align import AlignMethod
from audit.checks import BUDGET_SUM_MISMATCH, BUDGET_TOTAL_MISMATCH
from audit.models import Alignment, Dossier, Evidence, Finding
from core.problems import Location
from extract.models import (
    PERIODS,
    QUARTERS,
    BudgetNode,
    DocType,
    Document,
    Indicator,
    ManifestEntry,
    Period,
    Status,
    Target,
    budget_tree,
    tree_total,
)
from normalize.text import fold_key
from normalize.values import Kind, Value, format_number_id
from report import fmt
from report.charts import BarChart, BarInput, Sparkline, capaian_bars, sparkline
from report.i18n import Labels
from report.input import RunData
from score.models import IkuScore, ScoreResult
from score.skp import SkpScoreResult

# Where the period targets of a PK indicator are read, best first.
TARGET_SOURCES = (DocType.RINCIAN_TARGET, DocType.LAMPIRAN_SKP, DocType.PK, DocType.RENCANA_AKSI)
#: where a printed realisation or capaian is taken from, after the reference document itself: a report's
#: measurement table first, then a realisation sheet (an Evaluasi Renja), then what the agreements print
MEASURE_SOURCES = (DocType.LKJ, DocType.EVALUASI_RENJA, DocType.RINCIAN_TARGET, DocType.PK, DocType.LAMPIRAN_SKP,
                   DocType.SKP)
T = TypeVar("T")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EVIDENCE_SHOWN = 3


# ---------------------------------------------------------------- view models


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    status: str | None = None  # ok | partial | failed | skipped: the tile's colour


@dataclass(frozen=True)
class InputView:
    path: str
    status: str
    status_label: str
    documents: int
    extent: str  # "3 hlm." or "281 baris"
    reason: str | None


@dataclass(frozen=True)
class DocumentView:
    doc_id: str
    doc_type: str
    status: str
    status_label: str
    span: str
    issues: int


@dataclass(frozen=True)
class EvidenceView:
    doc_id: str
    doc_type: str
    where: str
    text: str | None


@dataclass(frozen=True)
class FindingView:
    check: str
    severity: str
    severity_label: str
    indicator: str | None
    message: str
    expected: str | None
    found: str | None
    evidence: tuple[EvidenceView, ...]
    more_evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class FindingGroup:
    check: str
    label: str
    severity: str  # the worst in the group
    severity_label: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class Overview:
    inputs_count: int
    documents_count: int
    findings_count: int
    tiles: tuple[Tile, ...]
    inputs: tuple[InputView, ...]
    failed: tuple[InputView, ...]
    outside: tuple[DocumentView, ...]
    outside_findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class OfficialView:
    name: str
    nip: str | None
    jabatan: str | None
    roles: str
    signed: str  # the signature evidence per document ("pk: ink over the name"), empty when none was looked for


@dataclass(frozen=True)
class TargetCell:
    text: str
    empty: bool


@dataclass(frozen=True)
class CapaianCell:
    value: Decimal | None
    text: str
    status: str | None  # hijau | kuning | merah
    status_label: str | None
    period: str


@dataclass(frozen=True)
class PrintedCell:
    """What a measurement table (an LKj's Pengukuran Kinerja, an Evaluasi Renja) prints for an
    indicator: its text as printed, the period it is for, and the document type it comes from."""

    text: str
    period: str
    source: str
    source_doc: str


@dataclass(frozen=True)
class IkuRow:
    sasaran_heading: str | None  # set on the first indicator of each sasaran
    code: str | None
    name: str
    satuan: str | None
    targets: tuple[TargetCell, ...]
    source: str | None  # the type of the document the period targets come from
    source_doc: str | None  # and its id
    sparkline: Sparkline | None
    capaian: CapaianCell | None
    realisasi: PrintedCell | None  # the realisation a measurement table prints (the year's, else the latest)
    printed_capaian: PrintedCell | None  # ... and the capaian (%) it prints


@dataclass(frozen=True)
class IkuTable:
    ref_doc: str
    ref_type: str
    periods: tuple[str, ...]
    rows: tuple[IkuRow, ...]
    sources: tuple[str, ...]
    has_capaian: bool
    has_realisasi: bool  # some row has a printed realisation (an LKj or a realisation sheet in the dossier)
    has_printed_capaian: bool  # ... or a printed capaian


@dataclass(frozen=True)
class BudgetRowView:
    depth: int
    level: str
    level_label: str
    label: str | None
    name: str
    amount: str | None
    children_sum: str | None
    difference: str | None
    mismatch: bool
    line: int | None


@dataclass(frozen=True)
class BudgetView:
    doc_id: str
    doc_type: str
    rows: tuple[BudgetRowView, ...]
    total: str | None
    jumlah_anggaran: str | None
    total_mismatch: bool


@dataclass(frozen=True)
class SkpRowView:
    element: str
    printed: str
    computed: str
    predikat: str  # printed, and the computed one when it differs
    agrees: bool | None
    note: str | None


@dataclass(frozen=True)
class SkpView:
    """An SKP's printed scores beside the ones its form's rule set gives (``tables/skp_scores``)."""

    doc_id: str
    rule_set: str
    rows: tuple[SkpRowView, ...]
    note: str | None = None  # what the score stage says of the document as a whole (the rule set's citation caveat, nothing to score)


@dataclass(frozen=True)
class FamilyScore:
    family: str
    label: str
    checked: int
    passed: int
    share_text: str
    passed_pct: float  # 0..100, for the bar


@dataclass(frozen=True)
class DossierView:
    anchor: str
    dossier_id: str
    unit: str
    year: int | None
    officials: tuple[OfficialView, ...]
    documents: tuple[DocumentView, ...]
    iku: IkuTable | None
    capaian_chart: BarChart | None
    finding_count: int
    finding_groups: tuple[FindingGroup, ...]
    budgets: tuple[BudgetView, ...]
    skp: tuple[SkpView, ...]
    scores: tuple[FamilyScore, ...]


@dataclass(frozen=True)
class ReportView:
    labels: Labels
    overview: Overview
    dossiers: tuple[DossierView, ...]


# ---------------------------------------------------------------- building


@dataclass
class _Context:
    """What the builders share: the labels, the documents by id, per dossier the alignment
    rows, the score of each scored PK and of each scored national SKP form by its doc_id."""

    labels: Labels
    docs: dict[str, Document]
    alignment: dict[str, list[Alignment]]
    scores: dict[str, ScoreResult]
    skp: dict[str, SkpScoreResult] = field(default_factory=dict)


def build(result: RunData, labels: Labels) -> ReportView:
    """The whole report's view of a run's results (the scores give the capaian column and chart)."""
    alignment: dict[str, list[Alignment]] = defaultdict(list)
    for a in result.audit.alignment:
        alignment[a.dossier].append(a)
    ctx = _Context(labels, {d.doc_id: d for d in result.documents}, alignment, {s.doc_id: s for s in result.scores},
                   {s.doc_id: s for s in result.skp_scores})
    dossiers = tuple(_dossier(ctx, d) for d in result.audit.dossiers)
    return ReportView(labels, _overview(ctx, result), dossiers)


# ---- overview


def _overview(ctx: _Context, result: RunData) -> Overview:
    lb = ctx.labels
    s, audit = result.summary, result.audit
    inputs = tuple(_input(ctx, e) for e in result.manifest)
    pages = [d.pages for d in ctx.docs.values() if d.pages is not None]
    tiles = (
        Tile(lb.inputs, str(s.inputs)),
        Tile(lb.documents, str(s.documents)),
        Tile(lb.of(lb.statuses, "ok"), str(s.ok), "ok"),
        Tile(lb.of(lb.statuses, "partial"), str(s.partial), "partial"),
        Tile(lb.of(lb.statuses, "failed"), str(s.failed), "failed"),
        Tile(lb.of(lb.statuses, "skipped"), str(s.skipped), "skipped"),
        Tile(lb.findings, str(s.findings)),
        Tile(lb.pages, str(sum(pages)) if pages else lb.none),
    )
    in_dossier = {i for d in audit.dossiers for i in d.doc_ids}
    known = {d.dossier_id for d in audit.dossiers}
    return Overview(
        inputs_count=s.inputs, documents_count=s.documents, findings_count=s.findings,
        tiles=tiles,
        inputs=inputs,
        failed=tuple(i for i in inputs if i.status == Status.FAILED.value),
        outside=tuple(_document(ctx, d) for d in ctx.docs.values() if d.doc_id not in in_dossier),
        outside_findings=tuple(_finding(ctx, f) for f in audit.findings if f.dossier not in known),
    )


def _input(ctx: _Context, entry: ManifestEntry) -> InputView:
    lb = ctx.labels
    docs = [ctx.docs[i] for i in entry.documents if i in ctx.docs]
    status = entry.status.value
    return InputView(
        path=entry.path, status=status, status_label=lb.of(lb.statuses, status),
        documents=len(docs), extent=_extent(lb, docs), reason=entry.reason,
    )


def _extent(lb: Labels, docs: list[Document]) -> str:
    pages = [d.pages for d in docs if d.pages is not None]
    if pages:
        return f"{sum(pages)} {lb.pages.lower()}"
    last = [d.span[1] for d in docs if d.span]
    return f"{max(last)} {lb.lines.lower()}" if last else lb.none


def _document(ctx: _Context, doc: Document) -> DocumentView:
    lb = ctx.labels
    if doc.span is None:
        span = lb.none
    else:
        unit = lb.page if doc.pages is not None else lb.line
        span = f"{unit} {doc.span[0]}–{doc.span[1]}"
    return DocumentView(
        doc_id=doc.doc_id, doc_type=lb.of(lb.doc_types, doc.doc_type.value), status=doc.status.value,
        status_label=lb.of(lb.statuses, doc.status.value), span=span, issues=len(doc.issues),
    )


# ---- findings


def _finding(ctx: _Context, f: Finding) -> FindingView:
    lb = ctx.labels
    evidence = tuple(_evidence(ctx, e) for e in f.evidence)
    indicator = " ".join(x for x in (f.indicator_code, f.indicator_name) if x) or None
    return FindingView(
        check=f.check, severity=f.severity.value, severity_label=lb.of(lb.severities, f.severity.value),
        indicator=indicator, message=f.message(lb.lang), expected=f.expected, found=f.found,
        evidence=evidence[:EVIDENCE_SHOWN], more_evidence=evidence[EVIDENCE_SHOWN:],
    )


def _evidence(ctx: _Context, e: Evidence) -> EvidenceView:
    lb = ctx.labels
    return EvidenceView(
        doc_id=e.doc_id, doc_type=lb.of(lb.doc_types, e.doc_type.value), where=where(lb, e.location), text=e.text,
    )


def where(lb: Labels, loc: Location) -> str:
    """Where to look, in words: ``001.txt, baris 158, tabel 2, baris tabel 3 [Target]``."""
    parts = [loc.file or "?"]
    if loc.page is not None:
        parts.append(f"{lb.page} {loc.page}")
    if loc.line is not None:
        parts.append(f"{lb.line} {loc.line}")
    if loc.table is not None:
        parts.append(f"{lb.table} {loc.table}")
    if loc.row is not None:
        parts.append(f"{lb.row} {loc.row}")
    text = ", ".join(parts)
    return f"{text} [{loc.column}]" if loc.column else text


def _groups(ctx: _Context, findings: Iterable[Finding]) -> tuple[FindingGroup, ...]:
    lb = ctx.labels
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_check[f.check].append(f)
    groups = []
    for check, fs in by_check.items():
        worst = min((f.severity.value for f in fs), key=lambda s: SEVERITY_ORDER.get(s, 9))
        groups.append(FindingGroup(
            check=check, label=lb.of(lb.checks, check), severity=worst,
            severity_label=lb.of(lb.severities, worst), findings=tuple(_finding(ctx, f) for f in fs),
        ))
    return tuple(sorted(groups, key=lambda g: (SEVERITY_ORDER.get(g.severity, 9), g.label)))


# ---- dossier


def _dossier(ctx: _Context, dossier: Dossier) -> DossierView:
    docs = [ctx.docs[i] for i in dossier.doc_ids if i in ctx.docs]
    ref = ctx.docs.get(dossier.reference) if dossier.reference else None
    iku = _iku_table(ctx, dossier, ref) if ref else None
    return DossierView(
        anchor=anchor(dossier.dossier_id),
        dossier_id=dossier.dossier_id,
        unit=dossier.unit or dossier.dossier_id,
        year=dossier.year,
        officials=tuple(_officials(ctx, dossier, docs)),
        documents=tuple(_document(ctx, d) for d in docs),
        iku=iku,
        capaian_chart=_capaian_chart(iku) if iku else None,
        finding_count=len(dossier.findings),
        finding_groups=_groups(ctx, dossier.findings),
        budgets=tuple(b for d in docs if (b := _budget(ctx, dossier, d, docs)) is not None),
        skp=tuple(v for d in docs if (v := _skp(ctx.skp.get(d.doc_id))) is not None),
        scores=_scores(ctx, dossier),
    )


def _officials(ctx: _Context, dossier: Dossier, docs: list[Document]) -> Iterable[OfficialView]:
    lb = ctx.labels
    for name in dossier.officials:
        key = fold_key(name)
        parties = [p for d in docs for p in d.parties if p.name_key == key]
        roles = dict.fromkeys(lb.of(lb.roles, p.role.value) for p in parties)
        yield OfficialView(
            name=name,
            nip=next((p.nip for p in parties if p.nip), None),
            jabatan=next((p.jabatan for p in parties if p.jabatan), None),
            roles=", ".join(roles),
            signed="; ".join(dict.fromkeys(
                f"{lb.of(lb.doc_types, d.doc_type.value)}: {lb.of(lb.signatures, p.signature.value)}"
                for d in docs for p in d.parties if p.name_key == key and p.signature is not None)),
        )


# ---- IKU table


def _iku_table(ctx: _Context, dossier: Dossier, ref: Document) -> IkuTable:
    lb = ctx.labels
    partners = _partners(ctx, dossier, ref)
    capaian = _latest_capaian(ctx.scores.get(ref.doc_id))
    rows, previous = [], None
    for pos, ind in enumerate(ref.indicators):
        source = _target_source(ind, partners.get(pos, []))
        heading = _sasaran_heading(ind) if (ind.sasaran_no, ind.sasaran) != previous else None
        previous = (ind.sasaran_no, ind.sasaran)
        measured = _measured(ref, ind, partners.get(pos, []))
        rows.append(_iku_row(lb, ind, heading, source, _capaian_cell(lb, capaian.get(pos)),
                             _printed(lb, measured, lambda i: i.realisasi), _printed(lb, measured, lambda i: i.capaian)))
    sources = dict.fromkeys(r.source_doc for r in rows if r.source_doc)
    return IkuTable(
        ref_doc=ref.doc_id, ref_type=lb.of(lb.doc_types, ref.doc_type.value),
        periods=tuple(lb.of(lb.periods, p.value) for p in PERIODS), rows=tuple(rows),
        sources=tuple(sources), has_capaian=any(r.capaian for r in rows),
        has_realisasi=any(r.realisasi for r in rows), has_printed_capaian=any(r.printed_capaian for r in rows),
    )


def _measured(ref: Document, ind: Indicator, partners: list[_Source]) -> list[_Source]:
    """Where a reference indicator's printed realisation may come from, in order: the reference
    itself, then its aligned partners of the same year by :data:`MEASURE_SOURCES` (a document of
    another year in the dossier prints another year's realisation)."""
    same_year = [p for p in partners if p.doc.header.year in (None, ref.header.year)]
    ranked = sorted(same_year, key=lambda p: MEASURE_SOURCES.index(p.doc.doc_type) if p.doc.doc_type in MEASURE_SOURCES
                    else len(MEASURE_SOURCES))
    return [_Source(ref, ind), *ranked]


def _printed(lb: Labels, measured: list[_Source], measure: Callable[[Indicator], list[Target]]) -> PrintedCell | None:
    """The first source that prints ``measure`` (an indicator's realisasi or capaian) in its own year:
    the latest period's (the year's when printed)."""
    for source in measured:
        printed = [t for t in measure(source.indicator) if t.year is None and not t.value.is_empty]
        if printed:
            t = latest(printed, lambda t: t.period)
            return PrintedCell(text=target_text(t.value), period=lb.of(lb.periods, t.period.value),
                               source=lb.of(lb.doc_types, source.doc.doc_type.value), source_doc=source.doc.doc_id)
    return None


def latest(items: Iterable[T], period: Callable[[T], Period]) -> T:
    """The item of the latest period, by :data:`PERIODS` (Q1 … Y); the first of equals."""
    return max(items, key=lambda item: PERIODS.index(period(item)))


@dataclass(frozen=True)
class _Source:
    """An indicator of another document, aligned to a reference indicator."""

    doc: Document
    indicator: Indicator


def _partners(ctx: _Context, dossier: Dossier, ref: Document) -> dict[int, list[_Source]]:
    """For each reference indicator (by position), its aligned indicators in the other documents."""
    out: dict[int, list[_Source]] = defaultdict(list)
    for a in ctx.alignment.get(dossier.dossier_id, ()):
        if a.ref_doc != ref.doc_id or a.method is AlignMethod.NONE or a.pk_position is None or a.position is None:
            continue
        doc = ctx.docs.get(a.doc_id)
        if doc is not None and a.position < len(doc.indicators):
            out[a.pk_position].append(_Source(doc, doc.indicators[a.position]))
    return out


def _target_source(ind: Indicator, partners: list[_Source]) -> _Source | None:
    """The first document (Rincian Target, Lampiran SKP, the PK itself, Rencana Aksi) that sets
    a target for this indicator in some period other than the year; None for the reference itself."""
    for doc_type in TARGET_SOURCES:
        for source in partners:
            if source.doc.doc_type is doc_type and _has_periods(source.indicator):
                return source
        if doc_type is DocType.PK and _has_periods(ind):
            return None
    return None


def _has_periods(ind: Indicator) -> bool:
    return any(t.period is not Period.Y and not t.value.is_empty for t in ind.targets)


def _sasaran_heading(ind: Indicator) -> str | None:
    if ind.sasaran and ind.sasaran_no:
        return f"{ind.sasaran_no}. {ind.sasaran}"
    return ind.sasaran or None


def _iku_row(lb: Labels, ind: Indicator, heading: str | None, source: _Source | None,
             capaian: CapaianCell | None, realisasi: PrintedCell | None, printed_capaian: PrintedCell | None) -> IkuRow:
    periodic = source.indicator if source else ind
    cells = []
    for period in PERIODS:
        target = ind.target(Period.Y) if period is Period.Y else None
        target = target or periodic.target(period)
        cells.append(_target_cell(lb, target.value if target else None))
    quarters = [_number(periodic, q) for q in QUARTERS]
    title = ", ".join(f"{lb.of(lb.periods, q.value)} {cells[PERIODS.index(q)].text}" for q in QUARTERS)
    return IkuRow(
        sasaran_heading=heading, code=ind.code, name=ind.name, satuan=ind.satuan, targets=tuple(cells),
        source=lb.of(lb.doc_types, source.doc.doc_type.value) if source else None,
        source_doc=source.doc.doc_id if source else None, sparkline=sparkline(quarters, title), capaian=capaian,
        realisasi=realisasi, printed_capaian=printed_capaian,
    )


def _number(ind: Indicator, period: Period) -> Decimal | None:
    t = ind.target(period)
    return t.value.value if t is not None else None


def _target_cell(lb: Labels, value: Value | None) -> TargetCell:
    if value is None or value.is_empty:
        return TargetCell(value.raw.strip() if value and value.raw.strip() else lb.none, True)
    return TargetCell(target_text(value), False)


def target_text(v: Value) -> str:
    """A target as a person writes it: ``34,94%``, ``0,23``, ``100 (4 skala 5)``, ``4 (WTP)``.

    Plain percents and numbers are re-printed from their reading (so ``34,9 4%`` reads
    ``34,94%``); anything richer keeps its printed text.
    """
    plain = (v.value is not None and v.comparator is None and v.low is None and v.scale is None and v.total is None
             and not v.label)
    if plain and v.kind is Kind.PERCENT:
        return fmt.decimal_id(v.value) + "%"  # type: ignore[arg-type]
    if plain and v.kind is Kind.NUMBER:
        return fmt.decimal_id(v.value)  # type: ignore[arg-type]
    return " ".join(v.raw.split())


# ---- capaian (from the score stage's results)


def _latest_capaian(result: ScoreResult | None) -> dict[int, IkuScore]:
    """Each indicator's capaian in the latest period that has one, by the indicator's position."""
    by_position: dict[int, list[IkuScore]] = defaultdict(list)
    for iku in result.ikus if result is not None else ():
        if iku.value is not None:
            by_position[iku.position].append(iku)
    # (reversed: of two scores of one period, the later the score stage gave, as the report always showed)
    return {pos: latest(reversed(scored), lambda iku: iku.period) for pos, scored in by_position.items()}


def _capaian_cell(lb: Labels, iku: IkuScore | None) -> CapaianCell | None:
    if iku is None or iku.value is None:
        return None
    status = iku.status.value if iku.status else None
    return CapaianCell(
        value=iku.value, text=fmt.percent(iku.value), status=status,
        status_label=lb.of(lb.colours, status) if status else None, period=lb.of(lb.periods, iku.period.value),
    )


def _capaian_chart(iku: IkuTable) -> BarChart | None:
    items = []
    for pos, row in enumerate(iku.rows, start=1):
        if row.capaian is None or row.capaian.value is None:
            continue
        items.append(BarInput(label=row.code or f"IKU-{pos:02d}", title=row.name, value=row.capaian.value,
                              value_text=row.capaian.text, status=row.capaian.status))
    return capaian_bars(items)


# ---- budget


def _budget(ctx: _Context, dossier: Dossier, doc: Document, docs: list[Document]) -> BudgetView | None:
    roots = budget_tree(doc.budget)
    if not roots:
        return None
    lb = ctx.labels
    flagged = {  # the lines whose items the audit found not to add up
        f.evidence[0].location.line for f in dossier.findings
        if f.check == BUDGET_SUM_MISMATCH.id and f.evidence and f.evidence[0].doc_id == doc.doc_id
    }
    rows: list[BudgetRowView] = []
    for root in roots:
        _flatten(lb, root, 0, flagged, rows)
    total = tree_total(roots)
    lampiran = next((d.header.jumlah_anggaran for d in docs
                     if d.doc_type is DocType.LAMPIRAN_SKP and d.header.jumlah_anggaran), None)
    return BudgetView(
        doc_id=doc.doc_id, doc_type=lb.of(lb.doc_types, doc.doc_type.value), rows=tuple(rows),
        total=fmt.rupiah(total), jumlah_anggaran=fmt.rupiah(lampiran.amount) if lampiran else None,
        total_mismatch=any(f.check == BUDGET_TOTAL_MISMATCH.id for f in dossier.findings),
    )


def _flatten(lb: Labels, node: BudgetNode, depth: int, flagged: set[int | None], out: list[BudgetRowView]) -> None:
    """The rows of a budget tree, a line marked where the audit found its items not to add up (the
    audit alone decides: a report's realisation table, which it does not check, is marked nowhere)."""
    line = node.line
    children_sum = node.children_total
    mismatch = line.location.line in flagged
    differs = mismatch and children_sum is not None and line.amount is not None and children_sum != line.amount
    out.append(BudgetRowView(
        depth=depth, level=line.level.value, level_label=lb.of(lb.budget_levels, line.level.value), label=line.label,
        name=line.name, amount=fmt.rupiah(line.amount), children_sum=fmt.rupiah(children_sum),
        difference=fmt.rupiah(children_sum - line.amount) if differs else None,  # type: ignore[operator]
        mismatch=mismatch, line=line.location.line,
    ))
    for child in node.children:
        _flatten(lb, child, depth + 1, flagged, out)


# ---- consistency


def _skp(result: SkpScoreResult | None) -> SkpView | None:
    """The scores of a national SKP form, with what is said of the document as a whole (why a target
    form has none); None for any other document."""
    if result is None:
        return None

    def num(x: Decimal | None) -> str:
        return format_number_id(x) if x is not None else ""

    rows = tuple(
        SkpRowView(
            element=s.element, printed=s.printed_raw or num(s.printed), computed=num(s.computed),
            predikat=" → ".join(dict.fromkeys(p for p in (s.predikat_printed, s.predikat_computed) if p)),
            agrees=s.agrees, note=s.note,
        )
        for s in result.scores
    )
    return SkpView(doc_id=result.doc_id, rule_set=result.rule_set, rows=rows, note="; ".join(dict.fromkeys(result.notes)) or None)


def _scores(ctx: _Context, dossier: Dossier) -> tuple[FamilyScore, ...]:
    lb = ctx.labels
    rows = [(s.family.value, lb.of(lb.families, s.family.value), s.checked, s.passed) for s in dossier.scores]
    if rows:
        rows.append(("total", lb.total, sum(r[2] for r in rows), sum(r[3] for r in rows)))
    return tuple(_family(*r) for r in rows)


def _family(family: str, label: str, checked: int, passed: int) -> FamilyScore:
    share = Decimal(100) if checked == 0 else Decimal(passed) * 100 / Decimal(checked)
    return FamilyScore(family, label, checked, passed, fmt.percent(share), float(share))


# ---------------------------------------------------------------- a large batch: pages


@dataclass(frozen=True)
class IndexRow:
    href: str
    dossier_id: str
    unit: str
    year: int | None
    documents: int
    findings: int
    errors: int
    warnings: int


@dataclass(frozen=True)
class SummaryView:
    """The first page of a large batch's report: the tallies, what failed, what fits no dossier, and
    an index of the dossiers (each on its own page)."""

    labels: Labels
    overview: Overview
    dossier_count: int
    failed_more: str | None  # "N more: see manifest.json"
    outside_more: str | None
    index: tuple[IndexRow, ...]
    index_pages: tuple[tuple[str, str], ...]  # (label, href) of every index page
    page: int  # this index page, from 1


@dataclass(frozen=True)
class DossierPage:
    labels: Labels
    dossier: DossierView
    back: str  # the summary page, relative to this one


def anchor(dossier_id: str) -> str:
    return "dossier-" + re.sub(r"[^a-z0-9-]+", "-", dossier_id.lower())


def build_dossier(dossier: Dossier, docs: Iterable[Document], alignment: Iterable[Alignment],
                  scores: Iterable[ScoreResult], skp: Iterable[SkpScoreResult], labels: Labels) -> DossierView:
    """One dossier's view, from its own documents, alignment rows and scores only."""
    by_dossier: dict[str, list[Alignment]] = defaultdict(list)
    for a in alignment:
        by_dossier[a.dossier].append(a)
    ctx = _Context(labels, {d.doc_id: d for d in docs}, by_dossier, {s.doc_id: s for s in scores},
                   {s.doc_id: s for s in skp})
    return _dossier(ctx, dossier)


def build_overview(labels: Labels, summary: RunData, failed: Iterable[ManifestEntry],
                   outside: Iterable[Document], outside_findings: Iterable[Finding]) -> Overview:
    """The overview of a large batch from its tallies and the few things it lists (failed inputs,
    documents and findings outside any dossier); the inputs table is ``manifest.json``'s."""
    ctx = _Context(labels, {}, {}, {})
    s = summary.summary
    tiles = (
        Tile(labels.inputs, str(s.inputs)),
        Tile(labels.documents, str(s.documents)),
        Tile(labels.of(labels.statuses, "ok"), str(s.ok), "ok"),
        Tile(labels.of(labels.statuses, "partial"), str(s.partial), "partial"),
        Tile(labels.of(labels.statuses, "failed"), str(s.failed), "failed"),
        Tile(labels.of(labels.statuses, "skipped"), str(s.skipped), "skipped"),
        Tile(labels.findings, str(s.findings)),
        Tile(labels.pages, str(s.pages) if s.pages else labels.none),
    )
    return Overview(
        inputs_count=s.inputs, documents_count=s.documents, findings_count=s.findings, tiles=tiles, inputs=(),
        failed=tuple(_input(ctx, e) for e in failed),
        outside=tuple(_document(ctx, d) for d in outside),
        outside_findings=tuple(_finding(ctx, f) for f in outside_findings),
    )
