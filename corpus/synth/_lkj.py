"""An LKj report (Laporan Kinerja Instansi Pemerintah) drawn from a dossier, with its truth by construction.

What a report prints that the agreements do not: the year's measurement table (target, realisasi,
capaian per indicator), often again the realisation of the years before (``Realisasi`` over three
year columns, sometimes with indicators only that table prints), a table of efficiency beside the
budget (the capaian again), and the budget-realisation table (pagu, realisasi and % per programme and
kegiatan, closed by its JUMLAH), among narrative pages, under the head of the unit's signature.

The report's indicator is one however many tables print it: the truth is its union of periods. A
report may print one value differently in its second table (a slip copied from last year's report):
the reader keeps the value most tables print, the first table's on a tie, and so does the truth.
Drawn only when asked for (``kinds=LKJ_KINDS``), so the default pool and every file of the accuracy
sample stay as they were.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from corpus.synth import _vocab as V
from corpus.synth._draw import Dossier, Ind, _indicator_name, _party, _signer
from corpus.synth._spec import (
    DocSpec,
    Gap,
    PageBreak,
    Para,
    Signatures,
    TableSpec,
    Title,
)
from corpus.synth._style import Style
from corpus.synth._truth import TruthBudget, TruthDocument, TruthIndicator, TruthTarget
from corpus.synth._values import Kind, Printed, draw_kind, fmt_decimal, printed, rupiah

LKJ_KINDS = ("lkj",)
#: Draws for a value printed differently (a count whose target is 1 may realise 1 every time: then no slip).
SLIP_DRAWS = 20

#: The kinds a realisation is printed in: a target's "Min. 85%" or "34,9 4%" is realised as a plain percent.
_AS_PERCENT = frozenset({"comparator", "dash_late", "percent_split", "percent_space"})

_NARRATIVE = (
    ("Laporan Kinerja ini merupakan bentuk pertanggungjawaban atas pelaksanaan tugas dan fungsi yang dipercayakan "
     "kepada instansi pemerintah atas penggunaan anggaran, dan disusun berdasarkan Peraturan Presiden Nomor 29 "
     "Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah."),
    ("Pengukuran kinerja dilakukan dengan membandingkan realisasi kinerja dengan target kinerja yang telah "
     "ditetapkan dalam Perjanjian Kinerja, sebagaimana disajikan pada tabel berikut."),
    ("Capaian kinerja tersebut didukung oleh pelaksanaan program dan kegiatan yang telah direncanakan, dengan "
     "realisasi anggaran sebagaimana diuraikan di bawah ini."),
)


def _realised(rng: random.Random, kind: Kind) -> Printed:
    """What an indicator realised, written its kind's way (a percent kind as a plain percent)."""
    as_kind = replace(kind, name="percent") if kind.name in _AS_PERCENT else kind
    if as_kind.annual is None:
        return printed(as_kind, None)
    x = (as_kind.annual * Decimal(rng.randint(80, 110)) / 100)
    if as_kind.name in ("count", "count_unit", "thousands", "number", "rupiah", "opinion_number", "index_scale_double"):
        x = x.quantize(Decimal(1), ROUND_HALF_UP)
    return printed(as_kind, x)


def _capaian(rng: random.Random, target: Printed, realised: Printed, percent_sign: bool) -> Printed:
    """The capaian the report prints: realisasi / target × 100 where both are numbers (the audit checks
    that it follows), else a figure of the writer's (a grade, an opinion: no formula to hold it to)."""
    if target.value and realised.value is not None:
        x = (realised.value / target.value * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    else:
        x = Decimal(rng.randint(8000, 11500)) / 100
    return Printed(fmt_decimal(x, 2) + ("%" if percent_sign else ""), x)


def _value(p: Printed, period: str, label: str, vkind: str) -> TruthTarget:
    return TruthTarget(period, p.raw, p.value, label, "empty" if p.raw in ("-", "N/A", "") else vkind)


def build_lkj(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """The report: title, foreword signed by the head, the measurement tables, the budget's realisation."""
    spec = DocSpec()
    title = "LAPORAN KINERJA INSTANSI PEMERINTAH"
    head = d.official
    spec.flow.append(Title((title, *(("(LKjIP)",) if rng.random() < 0.5 else ()), d.unit.upper(), f"TAHUN {d.year}")))
    spec.flow += [PageBreak(), Title(("KATA PENGANTAR",)), Para(_NARRATIVE[0]), Gap(),
                  Signatures((_signer(None, head, style, pangkat=rng.random() < 0.5),), place_date=f"{d.place}, {d.date}"),
                  PageBreak(), Title(("BAB III", "AKUNTABILITAS KINERJA")), Para(_NARRATIVE[1])]
    year = d.year
    sign = rng.random() < 0.7
    numbered = rng.choice(("one", "two"))  # one number column (the sasaran's) or two (the sasaran's, the indicator's)
    realised = {ind.name: _realised(rng, ind.kind) for s in d.sasaran for ind in s.indicators}
    capaian = {ind.name: _capaian(rng, ind.targets["Y"], realised[ind.name], sign) for s in d.sasaran for ind in s.indicators}

    # the year's measurement table
    if numbered == "two":
        head_a = ("No", "Tujuan/Sasaran", "No", style.h_indikator, f"Target {year}", f"Realisasi {year}", "Capaian")
        roles_a = ("no", "sasaran", "no", "indicator", "value", "value", "value")
    else:
        head_a = ("No.", style.h_sasaran, style.h_indikator, "Target", "Realisasi", "% Capaian")
        roles_a = ("no", "sasaran", "indicator", "value", "value", "value")
    rows: list[tuple[str, ...]] = [head_a]
    spans: list = []
    value_rows = []
    k = 0
    for s in d.sasaran:
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            k += 1
            lead = (s.no if j == 0 else "", s.name if j == 0 else "")
            number = (str(k),) if numbered == "two" else ()
            value_rows.append(len(rows))
            rows.append((*lead, *number, ind.name, ind.targets["Y"].raw, realised[ind.name].raw, capaian[ind.name].raw))
        if style.merge_sasaran and len(s.indicators) > 1:
            spans += [((c, top), (c, len(rows) - 1)) for c in (0, 1)]
    spec.flow += [Gap(), Para(f"Tabel 3.1 Capaian Kinerja Tahun {year}", align="center", bold=True),
                  TableSpec(tuple(rows), 1, roles_a, tuple(spans), (), "data", tuple(value_rows)), Gap()]

    # the realisation of the years before, sometimes with indicators only this table prints
    history = rng.random() < 0.7
    before: dict[str, dict[int, Printed]] = {}
    extras: list[tuple[Ind, Printed]] = []
    slip: str | None = None
    slipped = False
    if history:
        used = {ind.name.casefold() for s in d.sasaran for ind in s.indicators}
        for _ in range(rng.choice((0, 0, 1, 2))):
            stem, name = _indicator_name(rng, used)
            kind = draw_kind(rng, V.STEMS[stem])
            extras.append((Ind(name, None, kind, {}), Printed(d.marker, None)))
        n_cols = 8
        head_b1 = ("No", "Sasaran", "No", style.h_indikator, f"Target {year}", "Realisasi", "", "")
        head_b2 = ("", "", "", "", "", str(year), str(year - 1), str(year - 2))
        rows_b: list[tuple[str, ...]] = [head_b1, head_b2]
        spans_b = [((5, 0), (7, 0))] + [((c, 0), (c, 1)) for c in range(5)]
        value_b = []
        first = d.sasaran[0]
        listed = [(first, ind, None) for ind, _ in extras] + [(s, ind, s) for s in d.sasaran for ind in s.indicators]
        slip_candidates = [ind.name for s in d.sasaran for ind in s.indicators if realised[ind.name].value is not None]
        if slip_candidates and rng.random() < 0.3:
            slip = rng.choice(slip_candidates)
        first_of = {id(s.indicators[0]) for s in d.sasaran}  # each sasaran printed on its first row (the extras: the first's)
        for n, (s, ind, own) in enumerate(listed, start=1):
            before[ind.name] = {y: _realised(rng, ind.kind) if rng.random() < 0.85 else Printed(d.marker, None)
                                for y in (year - 1, year - 2)}
            target = ind.targets["Y"].raw if own is not None else d.marker
            now = realised[ind.name].raw if own is not None else ""
            if ind.name == slip:
                now = next((r for r in (_realised(rng, ind.kind).raw for _ in range(SLIP_DRAWS)) if r != now), now)
                slipped = now != realised[ind.name].raw
            value_b.append(len(rows_b))
            opens = n == 1 or (id(ind) in first_of and not (own is first and extras))
            rows_b.append((s.no if opens else "", s.name if opens else "", str(n), ind.name, target, now,
                           before[ind.name][year - 1].raw, before[ind.name][year - 2].raw))
        spec.flow += [Para(f"Tabel 3.2 Realisasi Kinerja Tahun {year - 2}-{year}", align="center", bold=True),
                      TableSpec(tuple(rows_b), 2, ("no", "sasaran", "no", "indicator") + ("value",) * (n_cols - 4),
                                tuple(spans_b), (), "data", tuple(value_b)), Gap()]

    # the budget's realisation: programmes and their kegiatan (no outputs in a regional report)
    spec.flow += [PageBreak(), Para(_NARRATIVE[2])]
    two_rows = rng.random() < 0.5
    fmt = rng.choice(("bare", "bare", "cents"))
    lines = [b for b in d.budget if b.level in ("program", "kegiatan")]
    spent: dict[str, int] = {}
    for b in lines:
        if b.level == "kegiatan":
            spent[b.name] = int(Decimal(b.amount) * Decimal(rng.randint(500, 1000)) / 1000)
    program: str | None = None
    for b in lines:
        if b.level == "program":
            program = b.name
            spent[b.name] = 0
        elif program is not None:
            spent[program] += spent[b.name]
    places = rng.choice((1, 2))

    def share(amount: int, used_: int) -> str:
        return fmt_decimal(Decimal(used_) * 100 / Decimal(amount), places) if amount else "0"

    header = [("No.", "Program / Kegiatan", "Alokasi Biaya", "", "%"), ("", "", "Anggaran (Rp)", "Realisasi (Rp)", "")] \
        if two_rows else [("No.", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "%")]
    rows_c: list[tuple[str, ...]] = list(header)
    budget_truth = []
    caps = rng.random() < 0.5
    for b in lines:
        name = b.name.upper() if (caps and b.level == "program") else b.name
        label = b.label if b.level == "program" else ""
        rows_c.append((label or "", name, rupiah(b.amount, fmt), rupiah(spent[b.name], fmt), share(b.amount, spent[b.name])))
        budget_truth.append(TruthBudget(name, b.amount, b.level, spent[b.name], share(b.amount, spent[b.name])))
    total, total_spent = sum(b.amount for b in lines if b.level == "program"), sum(spent[b.name] for b in lines if b.level == "program")
    rows_c.append(("JUMLAH", "", rupiah(total, fmt), rupiah(total_spent, fmt), share(total, total_spent)))
    spans_c = ([((2, 0), (3, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((4, 0), (4, 1))] if two_rows else [])
    spec.flow += [Para(f"Tabel 3.3 Realisasi Anggaran Tahun {year}", align="center", bold=True),
                  TableSpec(tuple(rows_c), len(header), ("no", "text", "amount", "amount", "value"), tuple(spans_c), (), "budget"),
                  Gap()]

    # the truth: every indicator once, in the order first printed, its periods from every table
    indicators = []
    for s in d.sasaran:
        for ind in s.indicators:
            real = [_value(realised[ind.name], "Y", "Realisasi", ind.kind.name)]
            if history:
                real += [_value(before[ind.name][y], f"Y:{y}", str(y), ind.kind.name) for y in (year - 1, year - 2)]
            target = ind.targets["Y"]
            indicators.append(TruthIndicator(
                ind.name, None, s.name, (_value(target, "Y", "Target", ind.kind.name),), tuple(real),
                (_value(capaian[ind.name], "Y", "Capaian", "percent"),),
            ))
    for ind, marker in extras:
        real = tuple(_value(before[ind.name][y], f"Y:{y}", str(y), ind.kind.name) for y in (year - 1, year - 2))
        # printed first in the second table, after every indicator of the first: the last ones first printed
        indicators.append(TruthIndicator(ind.name, None, d.sasaran[0].name, (_value(marker, "Y", "Target", ind.kind.name),), real))
    truth = TruthDocument(kind="lkj", layout_kind="lkj", title=title, indicators=tuple(indicators), budget=tuple(budget_truth),
                          parties=(_party("penandatangan", head, style),))
    return spec, truth, {"columns": numbered, "preamble": "False", "h_quarter": "n/a", "history": str(history),
                         "budget_header": "two_rows" if two_rows else "one_row", "slip": str(slipped)}


LKJ_BUILDERS = {"lkj": build_lkj}
__all__ = ["LKJ_BUILDERS", "LKJ_KINDS", "build_lkj"]
