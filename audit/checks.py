"""The audit checks. Each check records how many things it looked at and how many passed,
and yields a :class:`Finding` for every discrepancy — checks never raise.

Stable check ids: indicator_missing, indicator_extra, indicator_name_mismatch,
sasaran_name_mismatch, target_mismatch, quarterly_target_mismatch, trajectory_inconsistent,
budget_sum_mismatch, budget_total_mismatch, signatory_mismatch, nip_invalid, year_mismatch,
cascade_mismatch, capaian_printed_mismatch, realisasi_sum_mismatch.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import regex as re

from audit.align import Pair, align, similarity
from audit.models import Alignment, CheckScore, Evidence, Finding
from core.problems import Location, Severity
from extract.models import BudgetLine, DocType, Document, Indicator, Period, Role, Target
from extract.text.levels import KEGIATAN, PROGRAM, SUB_KEGIATAN, Subject, subjects
from normalize.text import fold_key
from normalize.values import Kind, format_number_id

FAMILIES = {
    "indicator_missing": "kelengkapan",
    "indicator_extra": "kelengkapan",
    "indicator_name_mismatch": "nama",
    "sasaran_name_mismatch": "nama",
    "target_mismatch": "target",
    "quarterly_target_mismatch": "target",
    "trajectory_inconsistent": "trajectory",
    "budget_sum_mismatch": "anggaran",
    "budget_total_mismatch": "anggaran",
    "signatory_mismatch": "penandatangan",
    "nip_invalid": "nip",
    "year_mismatch": "tahun",
    "cascade_mismatch": "cascading",
    "capaian_printed_mismatch": "capaian",
    "realisasi_sum_mismatch": "realisasi",
}
QUARTERS = (Period.Q1, Period.Q2, Period.Q3, Period.Q4)
MISSING_SEVERITY = {
    DocType.SKP: Severity.ERROR,
    DocType.LAMPIRAN_SKP: Severity.ERROR,
    DocType.RINCIAN_TARGET: Severity.WARNING,
    DocType.RENCANA_AKSI: Severity.WARNING,
}
LABEL = {
    DocType.PK: "PK",
    DocType.RINCIAN_TARGET: "Rincian Target",
    DocType.INISIATIF_STRATEGIS: "Inisiatif Strategis",
    DocType.SKP: "SKP",
    DocType.LAMPIRAN_SKP: "Lampiran SKP",
    DocType.RENCANA_AKSI: "Rencana Aksi",
}


@dataclass
class Context:
    dossier: str
    docs: list[Document]
    findings: list[Finding] = field(default_factory=list)
    tally: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    alignment: list[Alignment] = field(default_factory=list)

    def count(self, check: str, passed: bool) -> None:
        t = self.tally[FAMILIES[check]]
        t[0] += 1
        t[1] += int(passed)

    def find(self, check: str, severity: Severity, message: str, *, evidence: list[Evidence], expected: str | None = None,
             found: str | None = None, indicator: Indicator | None = None) -> None:
        self.count(check, False)
        self.findings.append(Finding(
            check=check, severity=severity, dossier=self.dossier, doc_ids=list(dict.fromkeys(e.doc_id for e in evidence)),
            indicator_code=indicator.code if indicator else None, indicator_name=indicator.name if indicator else None,
            message=message, expected=expected, found=found, evidence=evidence,
        ))

    def scores(self) -> list[CheckScore]:
        return [CheckScore(family=f, checked=c, passed=p) for f, (c, p) in sorted(self.tally.items())]


def ev(doc: Document, loc: Location, text: str | None = None) -> Evidence:
    return Evidence(doc_id=doc.doc_id, doc_type=doc.doc_type.value, location=loc, text=text)


def _label(doc: Document) -> str:
    return LABEL.get(doc.doc_type, doc.doc_type.value)


def _ind(i: Indicator) -> str:
    return f"{i.code} {i.name}" if i.code else i.name


def reference(docs: list[Document], *types: DocType) -> Document | None:
    for t in types:
        for d in docs:
            if d.doc_type is t and d.indicators:
                return d
    return None


# --- indicators and targets -------------------------------------------------------------------


def check_alignment(ctx: Context) -> None:
    ref = reference(ctx.docs, DocType.PK, DocType.RINCIAN_TARGET, DocType.SKP, DocType.LAMPIRAN_SKP)
    if ref is None:
        return
    for other in ctx.docs:
        if other is ref or not other.indicators or other.doc_type is DocType.REGULATION:
            continue
        pairs = align(ref, other)
        for p in pairs:
            ctx.alignment.append(Alignment(
                dossier=ctx.dossier, ref_doc=ref.doc_id,
                pk_code=p.ref.code if p.ref else None, pk_name=p.ref.name if p.ref else None,
                doc_id=other.doc_id, doc_type=other.doc_type.value,
                code=p.other.code if p.other else None, name=p.other.name if p.other else None,
                similarity=p.similarity, method=p.method,
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
    severity = MISSING_SEVERITY.get(other.doc_type)
    for p in pairs:
        if p.ref is not None and severity is not None:
            if p.other is None:
                ctx.find(
                    "indicator_missing", severity,
                    f"Indikator {_label(ref)} tidak ada di {_label(other)} "
                    f"({_label(ref)} indicator missing from the {_label(other)}): {_ind(p.ref)}",
                    evidence=[ev(ref, p.ref.location, p.ref.name), ev(other, _table_location(other), None)],
                    expected=_ind(p.ref), indicator=p.ref,
                )
            else:
                ctx.count("indicator_missing", True)
        if p.ref is None and p.other is not None:
            ctx.find(
                "indicator_extra", Severity.WARNING,
                f"Indikator di {_label(other)} tidak ada di {_label(ref)} "
                f"({_label(other)} indicator not in the {_label(ref)}): {_ind(p.other)}",
                evidence=[ev(other, p.other.location, p.other.name)], found=_ind(p.other), indicator=p.other,
            )
        elif p.other is not None:
            ctx.count("indicator_extra", True)


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
            ctx.count("indicator_name_mismatch", True)
        else:
            severity = Severity.INFO if p.similarity >= 95 else Severity.WARNING
            ctx.find(
                "indicator_name_mismatch", severity,
                f"Nama indikator berbeda antara {_label(ref)} dan {_label(other)} "
                f"(indicator name differs; paired by {p.method}, similarity {p.similarity:.0f}%)",
                evidence=[ev(ref, p.ref.location, p.ref.name), ev(other, p.other.location, p.other.name)],
                expected=p.ref.name, found=p.other.name, indicator=p.ref,
            )
        if p.ref.sasaran and p.other.sasaran:
            key = (fold_key(p.ref.sasaran), fold_key(p.other.sasaran))
            if key in seen_sasaran:
                continue
            seen_sasaran.add(key)
            if key[0] == key[1]:
                ctx.count("sasaran_name_mismatch", True)
            else:
                ctx.find(
                    "sasaran_name_mismatch", Severity.WARNING,
                    f"Rumusan sasaran berbeda antara {_label(ref)} dan {_label(other)} (sasaran wording differs)",
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
            ctx.count("target_mismatch", True)
            continue
        ctx.find(
            "target_mismatch", Severity.ERROR if _set(a) and _set(b) else Severity.WARNING,
            f"Target tahunan berbeda antara {_label(ref)} dan {_label(other)} (annual target differs)",
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
                ctx.count("quarterly_target_mismatch", True)
                continue
            ctx.find(
                "quarterly_target_mismatch", Severity.ERROR,
                f"Target {period.value} berbeda antara {_label(ref)} dan {_label(other)} ({period.value} target differs)",
                evidence=[ev(ref, a.location, a.value.raw), ev(other, b.location, b.value.raw)],
                expected=a.value.raw, found=b.value.raw, indicator=pair.ref,
            )


# --- trajectory -------------------------------------------------------------------------------


def check_trajectory(ctx: Context) -> None:
    """Y against Q4, Smt1 against Q2, s.d.Q3 against Q3, as the document's logic implies.

    With Smt1 / s.d.Q3 columns a document states cumulative targets: a cumulative cell
    repeats the latest quarter that has a target. With quarters only, the year is either
    the last quarter (cumulative) or, for counts and percentages, their sum (additive).
    """
    for doc in ctx.docs:
        for ind in doc.indicators:
            got = {t.period: t for t in ind.targets}
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
        ctx.count("trajectory_inconsistent", True)
        return
    basis = expect or own
    ctx.find(
        "trajectory_inconsistent", Severity.WARNING,
        f"Target {target.value} tidak sesuai dengan target {sources[0].value} pada {_label(doc)} "
        f"({target.value} does not follow the quarterly targets)",
        evidence=[ev(doc, cell.location, cell.value.raw)] + ([ev(doc, basis.location, basis.value.raw)] if basis else []),
        expected=basis.value.raw if basis else f"{sources[0].value} = -", found=cell.value.raw, indicator=ind,
    )


def _year_of_quarters(ctx: Context, doc: Document, ind: Indicator, got: dict[Period, Target]) -> None:
    year = got[Period.Y]
    if not _set(year):
        ctx.count("trajectory_inconsistent", True)
        return
    latest = _latest(got, (Period.Q4, Period.Q3, Period.Q2, Period.Q1))
    ok = latest is not None and year.value.same_as(latest.value)
    if not ok and year.value.kind in (Kind.NUMBER, Kind.PERCENT) and year.value.value is not None:
        quarter_values = [got[p].value.value for p in QUARTERS if _set(got.get(p))]
        ok = bool(quarter_values) and all(v is not None for v in quarter_values) and sum(quarter_values) == year.value.value  # type: ignore[arg-type]
    if ok:
        ctx.count("trajectory_inconsistent", True)
        return
    ctx.find(
        "trajectory_inconsistent", Severity.WARNING,
        f"Target tahunan tidak sesuai dengan target triwulan pada {_label(doc)} "
        f"(annual target is neither the last quarter's nor their sum)",
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


def _decimals(raw: str) -> int:
    m = re.search(r",(\d+)", raw)
    return len(m.group(1)) if m else 0


def check_capaian(ctx: Context) -> None:
    """A capaian the document prints (an LKj measurement table) against its own target and
    realisasi: it must equal one of the usual formulas, to the decimals printed (one unit of the
    last printed decimal is allowed for the writer's rounding)."""
    for doc in ctx.docs:
        for ind in doc.indicators:
            targets, realised = {t.period: t for t in ind.targets}, {t.period: t for t in ind.realisasi}
            for printed in ind.capaian:
                t, r = targets.get(printed.period), realised.get(printed.period)
                values = (printed.value.value, t.value.value if t else None, r.value.value if r else None)
                if any(v is None for v in values) or not values[1]:
                    continue
                shown, target, realisasi = values
                step = Decimal(1).scaleb(-_decimals(printed.value.raw))
                candidates = capaian_candidates(target, realisasi)
                if any(abs(c - shown) <= step for c in candidates):
                    ctx.count("capaian_printed_mismatch", True)
                    continue
                ratio = candidates[0].quantize(step) if step < 1 else round(candidates[0])
                ctx.find(
                    "capaian_printed_mismatch", Severity.WARNING,
                    f"Capaian {printed.period.value} tercetak {printed.value.raw} tidak sesuai dengan realisasi "
                    f"{r.value.raw} terhadap target {t.value.raw} pada {_label(doc)} "  # type: ignore[union-attr]
                    f"(the printed capaian follows from no usual formula)",
                    evidence=[ev(doc, printed.location, printed.value.raw), ev(doc, t.location, t.value.raw),  # type: ignore[union-attr]
                              ev(doc, r.location, r.value.raw)],  # type: ignore[union-attr]
                    expected=f"{format_number_id(ratio)} (realisasi / target × 100)", found=printed.value.raw, indicator=ind,
                )


# --- realised spending (an Evaluasi Renja) -------------------------------------------------------


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
                    ctx.count("realisasi_sum_mismatch", True)
                    continue
                ctx.find(
                    "realisasi_sum_mismatch", Severity.WARNING,
                    f"Realisasi {period} '{parent.name}' tercetak {cell.value.raw}, jumlah {len(children)} "
                    f"{'kegiatan' if child_level == KEGIATAN else 'sub kegiatan'} di bawahnya {_rp(total)}; selisih "
                    f"{_rp(parent.rp[k] - total)} (the realised Rp is not the sum of the rows under it)",
                    evidence=[ev(doc, cell.location, cell.value.raw)] + [ev(doc, t.location, t.value.raw) for t in printed],
                    expected=_rp(total), found=cell.value.raw, indicator=parent.indicators[0],
                )


def _rp_read(cell: Target) -> bool:
    """An amount, or a printed '-' (nothing spent); not a cell whose amount could not be read."""
    return cell.value.amount is not None or cell.value.raw.strip() in ("-", "")


def _rp_cell(row: Subject, period: str) -> Target | None:
    return next((t for i in row.indicators for t in i.realisasi_rp if t.period.value == period), None)


# --- budget -----------------------------------------------------------------------------------


def _rp(amount: int | None) -> str:
    return "-" if amount is None else "Rp " + format_number_id(Decimal(amount))


def check_budget(ctx: Context) -> None:
    for doc in ctx.docs:
        if doc.doc_type is not DocType.PK or not doc.budget:
            continue
        lines = [b for b in doc.budget if b.level in ("program", "output", "kegiatan")]
        for i, parent in enumerate(lines):
            children = _children(lines, i)
            if not children or parent.amount is None:
                continue
            total = sum(c.amount or 0 for c in children)
            if total == parent.amount and all(c.amount is not None for c in children):
                ctx.count("budget_sum_mismatch", True)
                continue
            ctx.find(
                "budget_sum_mismatch", Severity.ERROR,
                f"Jumlah rincian anggaran '{parent.name}' tidak sama dengan pagunya; selisih "
                f"{_rp(total - parent.amount)} (children do not add up to the parent amount)",
                evidence=[ev(doc, parent.location, parent.value.raw)] + [ev(doc, c.location, c.value.raw) for c in children],
                expected=_rp(parent.amount), found=_rp(total),
            )
    pk = reference(ctx.docs, DocType.PK) or next((d for d in ctx.docs if d.doc_type is DocType.PK and d.budget), None)
    if pk is None or not pk.budget:
        return
    programs = [b for b in pk.budget if b.level == "program"]
    pk_total = sum(b.amount or 0 for b in programs)
    for doc in ctx.docs:
        stated = doc.header.jumlah_anggaran
        if stated is None or stated.amount is None:
            continue
        if stated.amount == pk_total:
            ctx.count("budget_total_mismatch", True)
            continue
        ctx.find(
            "budget_total_mismatch", Severity.ERROR,
            f"Jumlah Anggaran pada {_label(doc)} tidak sama dengan total anggaran PK "
            f"(the stated budget total differs from the PK's programs)",
            evidence=[ev(pk, programs[0].location if programs else Location(file=pk.source_file), _rp(pk_total)),
                      ev(doc, doc.header.jumlah_anggaran_location or Location(file=doc.source_file), stated.raw)],
            expected=_rp(pk_total), found=stated.raw,
        )


def _children(lines: list[BudgetLine], i: int) -> list[BudgetLine]:
    parent = lines[i]
    out = []
    for line in lines[i + 1 :]:
        if line.level == parent.level or (parent.level == "output" and line.level == "program"):
            break
        if line.parent == parent.name:
            out.append(line)
    return out


# --- people -----------------------------------------------------------------------------------

EXPECTED_SIGNERS = {
    DocType.SKP: ((Role.PEGAWAI, Role.PIHAK_PERTAMA), (Role.PEJABAT_PENILAI, Role.PIHAK_KEDUA)),
    DocType.LAMPIRAN_SKP: ((Role.PEGAWAI, Role.PIHAK_PERTAMA), (Role.PEJABAT_PENILAI, Role.PIHAK_KEDUA)),
    DocType.RINCIAN_TARGET: ((Role.PENANDATANGAN, Role.PIHAK_PERTAMA),),
    DocType.INISIATIF_STRATEGIS: ((Role.PENANDATANGAN, Role.PIHAK_PERTAMA),),
    DocType.RENCANA_AKSI: ((Role.PIHAK_PERTAMA, Role.PIHAK_PERTAMA), (Role.PIHAK_KEDUA, Role.PIHAK_KEDUA)),
}


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
                ctx.count("signatory_mismatch", True)
                continue
            what = "nama" if not same_name else "NIP"
            ctx.find(
                "signatory_mismatch", Severity.ERROR if not same_name else Severity.WARNING,
                f"{what.capitalize()} {own_role.value} pada {_label(doc)} berbeda dengan {pk_role.value} pada PK "
                f"({'name' if not same_name else 'NIP'} of the {own_role.value} differs from the PK's {pk_role.value})",
                evidence=[ev(pk, theirs.location, f"{theirs.name} {theirs.nip or ''}".strip()),
                          ev(doc, mine.location, f"{mine.name} {mine.nip or ''}".strip())],
                expected=theirs.name if not same_name else theirs.nip, found=mine.name if not same_name else mine.nip,
            )


def nip_problems(nip: str) -> list[str]:
    """Why an 18-digit NIP (YYYYMMDD birth, YYYYMM TMT, sex, sequence) is not valid.

    >>> nip_problems("203001012050011001")[:1]
    ['birth date 2030-01-01 is not plausible']

    >>> nip_problems("197003271995031002")
    []
    >>> nip_problems("197013271995031002")
    ['birth date 1970-13-27 is not a real date']
    >>> nip_problems("200003271995031002")
    ['TMT 1995-03 is before the 18th birthday (2018-03-27)']
    >>> nip_problems("19700327199503300")
    ['17 digits, not 18']
    """
    if not nip.isdigit() or len(nip) != 18:
        return [f"{len(nip)} digits, not 18" if nip.isdigit() else "not all digits"]
    out = []
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        out.append(f"birth date {nip[0:4]}-{nip[4:6]}-{nip[6:8]} is not a real date")
        birth = None
    today = dt.date.today()
    if birth is not None and not dt.date(1900, 1, 1) <= birth <= today:
        out.append(f"birth date {birth.isoformat()} is not plausible")
        birth = None
    year, month = int(nip[8:12]), int(nip[12:14])
    if (year, month) > (today.year + 1, today.month):
        out.append(f"TMT {year}-{month:02d} lies in the future")
    if not 1 <= month <= 12:
        out.append(f"TMT month {nip[12:14]} is not a month")
    elif birth is not None:
        try:
            adult = birth.replace(year=birth.year + 18)
        except ValueError:  # 29 February
            adult = dt.date(birth.year + 18, 3, 1)
        if (year, month) < (adult.year, adult.month):
            out.append(f"TMT {year}-{month:02d} is before the 18th birthday ({adult.isoformat()})")
    if nip[14] not in "12":
        out.append(f"sex digit {nip[14]} is neither 1 nor 2")
    if nip[15:18] == "000":
        out.append("sequence number 000")
    return out


def check_nips(ctx: Context) -> None:
    seen: set[str] = set()
    for doc in ctx.docs:
        for party in doc.parties:
            if not party.nip or party.nip in seen:
                continue
            seen.add(party.nip)
            problems = nip_problems(party.nip)
            if not problems:
                ctx.count("nip_invalid", True)
                continue
            ctx.find(
                "nip_invalid", Severity.ERROR,
                f"NIP {party.name} tidak valid (invalid NIP): " + "; ".join(problems),
                evidence=[ev(doc, party.location, party.nip)], found=party.nip,
            )


def check_years(ctx: Context, year: int | None) -> None:
    if year is None:
        return
    for doc in ctx.docs:
        if doc.header.year is None:
            continue
        if doc.header.year == year:
            ctx.count("year_mismatch", True)
            continue
        ctx.find(
            "year_mismatch", Severity.ERROR,
            f"Tahun {_label(doc)} ({doc.header.year}) berbeda dengan tahun berkas ({year}) (year differs from the dossier's)",
            evidence=[ev(doc, Location(file=doc.source_file, line=doc.span[0] if doc.span else None), str(doc.header.year))],
            expected=str(year), found=str(doc.header.year),
        )


# --- cascading (across dossiers) --------------------------------------------------------------

CASCADE_ACCEPT = 70.0


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
            ctx.count("cascade_mismatch", True)
            continue
        ctx.find(
            "cascade_mismatch", Severity.WARNING,
            f"Sasaran tidak ditemukan sebagai indikator atasan (pihak kedua) "
            f"(sasaran is not an indicator of the superior's PK; best similarity {best:.0f}%)",
            evidence=[ev(subordinate, ind.location, ind.sasaran), ev(superior, Location(file=superior.source_file), None)],
            expected=None, found=ind.sasaran, indicator=ind,
        )
