"""A PK whose indicator table prints year columns, drawn from a dossier with its truth by construction.

A ministry's PK often copies its lampiran from the Renstra: beside the indicator, a baseline
(``Baseline``, ``Kondisi Awal``) or what was realised (``Realisasi``) of some years, then the
targets of several years (``Target 2023 | Target 2024 | Target 2025``, or ``Target`` over ``2023 |
2024 | 2025``). The agreement promises its own year's target; where that year stands decides what a
reader may take, and the draw says which of three cases the document is (:data:`YEAR_CASES`):

* ``target``: the agreement's year heads a target column. Its cells are the year's targets; the
  other target columns keep their years (truth periods ``Y`` and ``Y:2025``).
* ``baseline``: the year stands only under Baseline or Realisasi (the Kementan PK 2021 prints
  Baseline 2020-2022 and Target 2023-2024). No target of the year: the targets keep their years
  and the reader reports ``target_year_ambiguous`` with the years it could have meant.
* ``absent``: the year heads no column (a Renstra table of the years after, or last year's table
  copied). As ``baseline``.

The truth records the year's case, every column (:class:`TruthYears`) and the years a reader
must name in its finding (``candidates``: the target columns' years, none in case ``target``).
Drawn only when asked for (``corpus.synth.generate_pk_years``), so the default pool and every file
of the accuracy sample stay as they were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from corpus.synth._draw import (
    Dossier,
    Ind,
    _all_indicators,
    _budget_flow,
    _party,
    _pk_preamble,
    _pk_signatures,
    _satuan,
    _title_block,
    _vspans,
)
from corpus.synth._spec import DocSpec, Gap, TableSpec
from corpus.synth._style import Style
from corpus.synth._truth import (
    TruthBudget,
    TruthDocument,
    TruthIndicator,
    TruthTarget,
    TruthYears,
)
from corpus.synth._values import Kind, Printed, printed

YEAR_CASES = ("target", "baseline", "absent")
HEADERS = ("grouped", "flat")  # years under a group label (two header rows), or each column its own label
#: What stands before the targets: a baseline of some years, one baseline column without a year
#: ("Kondisi Awal"), what was realised in some years, or nothing.
BEFORE = ("baseline", "baseline_noyear", "realisasi", "none")

# the printed wordings, each one the reader's header grammar knows (extract.text.tables.role_of)
GROUP_TARGET = ("Target", "Target", "Target Kinerja")
GROUP_BEFORE = {"baseline": ("Baseline", "Baseline", "Kondisi Awal"), "realisasi": ("Realisasi", "Realisasi Kinerja")}
FLAT_TARGET = ("Target {y}", "Target Tahun {y}")
FLAT_BEFORE = {"baseline": ("Baseline {y}", "Baseline Tahun {y}", "Kondisi Awal {y}"),
               "realisasi": ("Realisasi {y}", "Realisasi Tahun {y}")}
UNDER_GROUP = ("{y}", "{y}", "Tahun {y}")  # a year under its group label
NOYEAR_BEFORE = ("Kondisi Awal", "Baseline")

#: A percent target never passes 100 however many years the path runs (a share of all cannot), nor an
#: index its scale.
_PERCENTS = frozenset({"percent", "percent_space", "percent_split", "comparator", "dash_late", "index_scale_double"})
#: Kinds printed as a word (an opinion, a grade, a range): every year prints the same.
_WORDS = frozenset({"opinion", "grade", "range"})


@dataclass(frozen=True)
class Column:
    """One value column of the year table: what it holds (``target``, ``baseline``, ``realisasi``),
    its year (None: a baseline without a year) and the label printed over its cells (its year
    under a group label, or the whole label)."""

    kind: str
    year: int | None
    label: str


def draw_years(rng: random.Random, year: int, case: str, before: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The years of the columns before the targets and of the targets, for the agreement's ``year``
    and ``case``; consecutive runs, as a Renstra table prints them."""
    n_target = rng.randint(2, 4)
    n_before = 0 if before == "none" else (1 if before == "baseline_noyear" else rng.randint(1, 3))
    if case == "target":  # the year among the targets, anywhere in the run
        first = year - rng.randint(0, n_target - 1)
        targets = tuple(range(first, first + n_target))
        befores = tuple(range(first - n_before, first))
    elif case == "baseline":  # the year among the years before (a baseline may run past it, a realisation not); the targets after
        last = year + (rng.randint(0, n_before - 1) if before == "baseline" else 0)
        befores = tuple(range(last - n_before + 1, last + 1))
        first = last + 1 + rng.choice((0, 0, 1))
        targets = tuple(range(first, first + n_target))
    else:  # the year nowhere: mostly a table of the years after it, else one of the years before it (a stale copy)
        if rng.random() < 0.7:
            first = year + rng.randint(1, 2)
            targets = tuple(range(first, first + n_target))
            befores = tuple(range(year - n_before, year))
        else:
            last = year - rng.randint(1, 2)
            targets = tuple(range(last - n_target + 1, last + 1))
            befores = tuple(range(targets[0] - n_before, targets[0]))
    if before == "baseline_noyear":
        befores = ()
    return befores, targets


def _step(rng: random.Random, kind: Kind) -> Decimal:
    """How much the target moves a year: 2-8 % of the year's target (a Renstra raises its targets by small
    steps), at the kind's precision, one unit at least (so two years' targets differ where the kind allows)."""
    unit = Decimal(1).scaleb(-kind.places)
    if kind.name == "rupiah":
        unit = Decimal(1_000_000)
    step = (kind.annual * Decimal(rng.randint(2, 8)) / 100 / unit).to_integral_value() * unit
    return max(step, unit)


def _capped(kind: Kind, x: Decimal) -> Decimal:
    """``x`` held under what the kind can print: 100 for a percent whose target is a share (at most 100),
    the scale for an index on a scale; a value that fell to nothing or under is the year's target."""
    if x <= 0:
        return kind.annual
    if kind.name in _PERCENTS and kind.annual <= 100:
        return min(x, Decimal(100))
    if kind.name == "index_scale":
        return min(x, Decimal(kind.scale))
    return x


def year_path(rng: random.Random, ind: Ind, years: tuple[int, ...], year: int) -> dict[int, Printed]:
    """The targets of ``years``: the agreement's year's is the dossier's own annual target, the others
    a step a year away from it (a percent held at 100, a word or an opinion the same every year)."""
    kind = ind.kind
    if kind.annual is None or kind.name in _WORDS or kind.name == "opinion_number":
        return {y: ind.targets["Y"] for y in years}
    step = _step(rng, kind)
    out = {}
    for y in years:
        out[y] = ind.targets["Y"] if y == year else printed(kind, _capped(kind, kind.annual + step * (y - year)))
    return out


def _before_value(rng: random.Random, kind: Kind, target: Printed, marker: str) -> Printed:
    """What a baseline or a realisation prints for a year: near that year's target, sometimes the
    empty marker (an indicator new in the Renstra has no baseline)."""
    if rng.random() < 0.1:
        return Printed(marker, None)
    if target.value is None or kind.name in _WORDS or kind.name == "opinion_number":
        return target
    unit = Decimal(1).scaleb(-kind.places) if kind.name != "rupiah" else Decimal(1_000_000)
    x = (target.value * Decimal(rng.randint(90, 104)) / 100 / unit).to_integral_value() * unit
    return printed(kind, _capped(kind, x))


def _columns(rng: random.Random, header: str, before: str, befores: tuple[int, ...], targets: tuple[int, ...],
             ) -> tuple[list[Column], str, str]:
    """The value columns with their printed labels, and the group labels (grouped header) over them."""
    group_target = rng.choice(GROUP_TARGET)
    before_kind = "realisasi" if before == "realisasi" else "baseline"
    group_before = rng.choice(GROUP_BEFORE[before_kind])
    under = rng.choice(UNDER_GROUP)
    flat_target, flat_before = rng.choice(FLAT_TARGET), rng.choice(FLAT_BEFORE[before_kind])
    cols: list[Column] = []
    if before == "baseline_noyear":
        cols.append(Column("baseline", None, rng.choice(NOYEAR_BEFORE)))
    for y in befores:
        cols.append(Column(before_kind, y, under.format(y=y) if header == "grouped" else flat_before.format(y=y)))
    for y in targets:
        cols.append(Column("target", y, under.format(y=y) if header == "grouped" else flat_target.format(y=y)))
    return cols, group_before, group_target


def build_pk_years(rng: random.Random, d: Dossier, style: Style, case: str | None = None,
                   ) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A PK whose lampiran prints year columns; ``case`` (of :data:`YEAR_CASES`) where the agreement's
    year stands, drawn when None. Returns the flow, the truth and the document's slice."""
    case = case or rng.choice(YEAR_CASES)
    if case not in YEAR_CASES:
        raise ValueError(f"no year case {case!r}; the cases are {YEAR_CASES}")
    header = rng.choice(HEADERS)
    before = rng.choice(BEFORE if case != "baseline" else ("baseline", "baseline", "realisasi"))
    befores, targets = draw_years(rng, d.year, case, before)
    cols, group_before, group_target = _columns(rng, header, before, befores, targets)
    satuan = rng.random() < 0.5
    preamble = rng.random() < 0.4

    spec = DocSpec(wide=True)
    title = f"PERJANJIAN KINERJA TAHUN {d.year}"
    if preamble:
        spec.flow += _pk_preamble(d, style, title)
    spec.flow.append(_title_block([title, d.official.jabatan.upper(), d.instansi.upper()]))
    table, indicators = _year_table(rng, d, style, cols, header, group_before, group_target, satuan)
    spec.flow += [Gap(), table, Gap(), *_budget_flow(d, style, d.budget), _pk_signatures(d, style)]
    candidates = () if case == "target" else targets
    years = TruthYears(year=d.year, case=case, columns=tuple((c.kind, c.year, c.label) for c in cols), candidates=candidates)
    truth = TruthDocument(
        kind="pk", layout_kind="pk_years", title=title, indicators=indicators,
        budget=tuple(TruthBudget(b.name, b.amount, b.level) for b in d.budget),
        parties=(_party("pihak_pertama", d.official, style), _party("pihak_kedua", d.superior, style)),
        years=years,
    )
    return spec, truth, {"columns": "years", "preamble": str(preamble), "h_quarter": "n/a", "year_case": case,
                         "year_header": header, "year_before": before}


def _year_table(rng: random.Random, d: Dossier, style: Style, cols: list[Column], header: str, group_before: str,
                group_target: str, satuan: bool) -> tuple[TableSpec, tuple[TruthIndicator, ...]]:
    """The lampiran: No | sasaran | [Kode] | indikator | [Satuan] | the value columns; its truth per indicator."""
    code_col = style.code_style == "column" and any(i.code for _, i in _all_indicators(d))
    lead = ["No", style.h_sasaran] + (["Kode"] if code_col else []) + [style.h_indikator] + (["Satuan"] if satuan else [])
    roles = ("no", "sasaran") + (("code",) if code_col else ()) + ("indicator",) + (("label",) if satuan else ()) \
        + ("value",) * len(cols)
    q0 = len(lead)
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if header == "grouped":
        head0, head1 = list(lead), [""] * q0
        for k, c in enumerate(cols):
            if c.year is None:  # "Kondisi Awal" without a year: its label over both header rows
                head0.append(c.label)
                head1.append("")
                spans.append(((q0 + k, 0), (q0 + k, 1)))
                continue
            starts = k == 0 or cols[k - 1].kind != c.kind or cols[k - 1].year is None
            head0.append((group_target if c.kind == "target" else group_before) if starts else "")
            head1.append(c.label)
        for k, c in enumerate(cols):  # each group label spans its run of years
            if c.year is not None and head0[q0 + k]:
                end = k
                while end + 1 < len(cols) and cols[end + 1].kind == c.kind and cols[end + 1].year is not None:
                    end += 1
                if end > k:
                    spans.append(((q0 + k, 0), (q0 + end, 0)))
        spans += [((c, 0), (c, 1)) for c in range(q0)]
        rows: list[tuple[str, ...]] = [tuple(head0), tuple(head1)]
    else:
        rows = [tuple(lead + [c.label for c in cols])]
    if style.numbering_row:
        rows.append(tuple(f"({k})" for k in range(1, len(roles) + 1)))
    n_head = len(rows)
    value_rows: list[int] = []
    truth: list[TruthIndicator] = []
    for s in d.sasaran:
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            path = year_path(rng, ind, tuple(sorted({c.year for c in cols if c.year is not None} | {d.year})), d.year)
            cells: list[Printed] = []
            for c in cols:
                if c.kind == "target":
                    cells.append(path[c.year])
                else:
                    ref = path[c.year] if c.year is not None else path[min(path)]
                    cells.append(_before_value(rng, ind.kind, ref, d.marker))
            name_cell = f"{ind.code} {ind.name}" if ind.code and not code_col else ind.name
            row = [s.no if j == 0 else "", s.name if j == 0 else ""] + ([ind.code or ""] if code_col else []) + [name_cell] \
                + ([_satuan(ind.kind)] if satuan else []) + [p.raw for p in cells]
            value_rows.append(len(rows))
            rows.append(tuple(row))
            truth.append(_indicator_truth(ind, s.name, cols, cells, d.year))
        if style.merge_sasaran:
            spans += _vspans(range(2), top, len(rows) - 1)
    table = TableSpec(tuple(rows), n_head, roles, tuple(spans), (), "data", tuple(value_rows))
    return table, tuple(truth)


def _indicator_truth(ind: Ind, sasaran: str, cols: list[Column], cells: list[Printed], year: int) -> TruthIndicator:
    """What a perfect reader takes from the row: the targets by year (the agreement's year's as ``Y``),
    the realisations by year (the year's own as ``Y``, as a report's), the baselines by year (``Y:2022``,
    ``Y`` for one without a year): no baseline or realisation is ever a target."""
    def value(p: Printed, c: Column) -> TruthTarget:
        period = "Y" if c.year is None or c.year == year else f"Y:{c.year}"
        label = c.label
        return TruthTarget(period, p.raw, p.value, label, "empty" if p.raw in ("-", "N/A") else ind.kind.name)

    by_kind: dict[str, list[TruthTarget]] = {"target": [], "realisasi": [], "baseline": []}
    for c, p in zip(cols, cells, strict=True):
        by_kind[c.kind].append(value(p, c))
    return TruthIndicator(ind.name, ind.code, sasaran, tuple(by_kind["target"]), tuple(by_kind["realisasi"]),
                          baseline=tuple(by_kind["baseline"]))


__all__ = ["BEFORE", "HEADERS", "YEAR_CASES", "build_pk_years", "draw_years", "year_path"]
