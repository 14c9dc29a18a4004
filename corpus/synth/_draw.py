"""Draw a dossier (one official, one year) and lay out its documents as printable flows.

Each builder takes the dossier and the file's :class:`Style` and returns the document's flow
(what gets printed), its truth (what a perfect reader must extract) and its own slice
parameters. The truth is written from the same variables the flow is printed from, never read
back from the output.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpus.synth import _vocab as V
from corpus.synth._spec import DocSpec, Gap, KeyValues, PageBreak, Para, Signatures, Signer, TableSpec, Title
from corpus.synth._style import Style
from corpus.synth._truth import TruthBudget, TruthDocument, TruthIndicator, TruthParty, TruthTarget
from corpus.synth._values import QUARTERS, TRIWULAN, Kind, Printed, draw_kind, rupiah, trajectory

LAYOUT_KINDS = ("pk", "pk_pemda", "rincian_target", "inisiatif_strategis", "skp", "lampiran_skp", "rencana_aksi")
DOC_TYPE = {"pk": "pk", "pk_pemda": "pk", "rincian_target": "rincian_target", "inisiatif_strategis": "inisiatif_strategis",
            "skp": "skp", "lampiran_skp": "lampiran_skp", "rencana_aksi": "rencana_aksi"}


@dataclass(frozen=True)
class Person:
    name: str
    nip: str | None
    jabatan: str
    pangkat: str | None


@dataclass(frozen=True)
class Ind:
    name: str
    code: str | None
    kind: Kind
    targets: dict[str, Printed]  # every period of QUARTERS


@dataclass(frozen=True)
class Sas:
    no: str
    name: str
    indicators: tuple[Ind, ...]


@dataclass(frozen=True)
class Budget:
    label: str | None
    name: str
    amount: int
    level: str


@dataclass(frozen=True)
class Dossier:
    year: int
    place: str
    date: str  # "30 Januari 2024" or "Januari 2024"
    tier: str  # pusat | pemda
    instansi: str  # "Kementerian Keuangan", "Pemerintah Kabupaten Sleman"
    unit: str
    official: Person
    superior: Person
    sasaran: tuple[Sas, ...]
    budget: tuple[Budget, ...]
    marker: str  # how an empty quarter is printed: "-" or "N/A"


# --- the dossier -----------------------------------------------------------------------------


def draw_nip(rng: random.Random) -> str:
    """18 digits: birth date, TMT (year and month, 20-30 years later), sex 1/2, sequence 001-009."""
    y = rng.randint(1964, 1992)
    birth = f"{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tmt = f"{y + rng.randint(21, 30)}{rng.randint(1, 12):02d}"
    return f"{birth}{tmt}{rng.choice('12')}{rng.randint(1, 9):03d}"


def draw_name(rng: random.Random) -> str:
    return rng.choice(V.PRE_TITLES) + rng.choice(V.GIVEN) + " " + rng.choice(V.FAMILY) + rng.choice(V.POST_TITLES)


def _indicator_name(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        stem = rng.choice(tuple(V.STEMS))
        name = f"{stem} {rng.choice(V.OBJECTS[stem])}"
        q = rng.choice(V.QUALIFIERS)
        if q:
            name += " " + q
        if name.casefold() not in used:
            used.add(name.casefold())
            return stem, name


def _code(scheme: str, s: int, j: int) -> str | None:
    if scheme == "cp":
        return f"{s}{'abcdefgh'[j - 1]}-{'CP' if (s + j) % 3 else 'N'}"
    if scheme == "iku":
        return f"IKU {s}.{j}"
    return None


def draw_dossier(rng: random.Random, style: Style) -> Dossier:
    """One official's year: unit, people, sasaran with indicators and targets, budget."""
    year = rng.randint(2019, 2026)
    tier = rng.choice(("pusat", "pemda"))
    if tier == "pusat":
        unit, jabatan, instansi, sup_jabatan = rng.choice(V.UNITS_PUSAT)
        place = "Jakarta"
    else:
        unit_name, jabatan = rng.choice(V.UNITS_PEMDA)
        level, region, sup_jabatan, place = rng.choice(V.REGIONS)
        instansi = f"Pemerintah {level} {region}"
        unit = f"{unit_name} {level} {region}"
        jabatan = f"{jabatan} {level} {region}" if rng.random() < 0.5 else jabatan
    if rng.random() < 0.3:  # an echelon above that is itself a civil servant
        sup_jabatan = "Sekretaris Daerah" if tier == "pemda" else "Sekretaris Jenderal"
        superior = Person(draw_name(rng), draw_nip(rng), sup_jabatan, rng.choice(V.PANGKAT))
    else:
        superior = Person(draw_name(rng), None, sup_jabatan, None)
    official = Person(draw_name(rng), draw_nip(rng), jabatan, rng.choice(V.PANGKAT))
    while superior.name == official.name:
        superior = Person(draw_name(rng), superior.nip, superior.jabatan, superior.pangkat)
    scheme = "none" if style.code_style == "none" else rng.choice(("cp", "iku"))
    marker = rng.choice(("-", "-", "N/A"))
    n_sas = rng.randint(4, 8) if style.big_tables else rng.randint(1, 4)
    used: set[str] = set()
    sas_names = rng.sample(V.SASARAN, n_sas)
    sasaran = []
    for s, sname in enumerate(sas_names, start=1):
        inds = []
        for j in range(1, rng.randint(1, 4 if style.big_tables else 3) + 1):
            stem, name = _indicator_name(rng, used)
            kind = draw_kind(rng, V.STEMS[stem])
            inds.append(Ind(name, _code(scheme, s, j), kind, trajectory(rng, kind, QUARTERS, marker)))
        sasaran.append(Sas(str(s), sname, tuple(inds)))
    day = rng.choice(("", f"{rng.randint(1, 28)} "))
    return Dossier(year, place, f"{day}{rng.choice(V.MONTHS[:3])} {year}", tier, instansi, unit, official, superior,
                   tuple(sasaran), _draw_budget(rng, tier), marker)


def _draw_budget(rng: random.Random, tier: str) -> tuple[Budget, ...]:
    """Programs over (outputs over) kegiatan; every parent's amount is the sum of its children's."""
    out: list[Budget] = []
    programs = rng.sample(V.PROGRAMS, rng.randint(1, 3))
    for p, prog in enumerate(programs, start=1):
        with_outputs = tier == "pusat" and rng.random() < 0.6
        groups: list[tuple[str | None, list[tuple[str, int]]]] = []
        for out_name in (rng.sample(V.OUTPUTS, rng.randint(1, 2)) if with_outputs else [None]):
            keg = [(k, rng.randint(20, 60_000) * 1000) for k in rng.sample(V.KEGIATAN, rng.randint(1, 3))]
            groups.append((out_name, keg))
        out.append(Budget(f"{p}.", prog, sum(a for _, ks in groups for _, a in ks), "program"))
        for out_name, keg in groups:
            if out_name is not None:
                out.append(Budget(None, out_name, sum(a for _, a in keg), "output"))
            for k, (kname, amount) in enumerate(keg):
                out.append(Budget(f"{'abcdefgh'[k]}.", kname, amount, "kegiatan"))
    # kegiatan names must be unique within the budget for the truth to be unambiguous
    seen: dict[str, int] = {}
    fixed = []
    for b in out:
        n = seen.get(b.name, 0)
        seen[b.name] = n + 1
        fixed.append(b if not n else Budget(b.label, f"{b.name} {'II III IV V'.split()[n - 1]}", b.amount, b.level))
    return tuple(fixed)


# --- printing helpers ------------------------------------------------------------------------


def _printed_name(p: Person, style: Style) -> str:
    return p.name.upper() if style.names_upper else p.name


def _nip_line(nip: str, style: Style) -> str:
    if style.nip_style == "spaced":
        return f"NIP {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return f"NIP. {nip}"


def _signer(label: str | None, p: Person, style: Style, pangkat: bool = False) -> Signer:
    above = ((label,) if label else ()) + (p.jabatan + ",",)
    below = ((p.pangkat,) if pangkat and p.pangkat else ()) + ((_nip_line(p.nip, style),) if p.nip else ())
    return Signer(above, _printed_name(p, style), below)


def _party(role: str, p: Person, style: Style) -> TruthParty:
    return TruthParty(role, _printed_name(p, style), p.nip)


def quarter_labels(h_quarter: str) -> dict[str, str]:
    """The printed label of each period for a header style (``roman``: under a ``Triwulan`` group)."""
    return {
        "q": {"Q1": "Q1", "Q2": "Q2", "Smt1": "Smt. 1", "Q3": "Q3", "sdQ3": "s.d.Q3", "Q4": "Q4"},
        "tw": {"Q1": "TW I", "Q2": "TW II", "Smt1": "Smt. I", "Q3": "TW III", "sdQ3": "s.d. TW III", "Q4": "TW IV"},
        "triwulan": {"Q1": "Triwulan I", "Q2": "Triwulan II", "Smt1": "Semester I", "Q3": "Triwulan III",
                     "sdQ3": "s.d. TW III", "Q4": "Triwulan IV"},
        "roman": {"Q1": "I", "Q2": "II", "Smt1": "Smt. I", "Q3": "III", "sdQ3": "s.d. TW III", "Q4": "IV"},
    }[h_quarter]


def _target_label(style: Style, year: int) -> str:
    return style.h_target.format(year=year)


def _targets(ind: Ind, periods: tuple[str, ...], labels: dict[str, str]) -> tuple[TruthTarget, ...]:
    def vkind(p: str) -> str:
        return "empty" if ind.targets[p].raw in ("-", "N/A") else ind.kind.name

    return tuple(TruthTarget(p, ind.targets[p].raw, ind.targets[p].value, labels[p], vkind(p)) for p in periods)


def _numbering(n: int) -> tuple[str, ...]:
    return tuple(f"({k})" for k in range(1, n + 1))


def _vspans(cols: range, top: int, bottom: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [((c, top), (c, bottom)) for c in cols] if bottom > top else []


def _all_indicators(d: Dossier) -> list[tuple[Sas, Ind]]:
    return [(s, i) for s in d.sasaran for i in s.indicators]


def _title_block(lines: list[str]) -> Title:
    return Title(tuple(lines))


# --- the documents ---------------------------------------------------------------------------


def _pk_preamble(d: Dossier, style: Style, title: str) -> list:
    """A PK's first page: its title, the two parties named, the promise, their signatures."""
    return [
        _title_block([title, d.official.jabatan.upper(), d.instansi.upper()]),
        Para("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
             "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"),
        KeyValues((("Nama", _printed_name(d.official, style)), ("Jabatan", d.official.jabatan))),
        Para("selanjutnya disebut PIHAK PERTAMA", align="left"),
        KeyValues((("Nama", _printed_name(d.superior, style)), ("Jabatan", d.superior.jabatan))),
        Para("selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA", align="left"),
        Para("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
             "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan."),
        _pk_signatures(d, style),
        PageBreak(),
    ]


def build_pk(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A ministry-style PK: optional agreement text, the lampiran table (sasaran, indikator,
    target), the programme budget and the two signatures."""
    spec = DocSpec()
    title = f"PERJANJIAN KINERJA TAHUN {d.year}"
    preamble = rng.random() < 0.5
    columns = rng.choice(("std", "satuan", "band"))
    if preamble:
        spec.flow += _pk_preamble(d, style, title)
    spec.flow.append(_title_block([title, d.official.jabatan.upper(), d.instansi.upper()]))
    y_label = _target_label(style, d.year)
    table, indicators = _pk_table(d, style, columns, y_label)
    spec.flow += [Gap(), table, Gap()]
    budget = d.budget
    spec.flow += _budget_flow(d, style, budget)
    spec.flow.append(_pk_signatures(d, style))
    truth = TruthDocument(
        kind="pk", layout_kind="pk", title=title, indicators=indicators,
        budget=tuple(TruthBudget(b.name, b.amount, b.level) for b in budget),
        parties=(_party("pihak_pertama", d.official, style), _party("pihak_kedua", d.superior, style)),
    )
    return spec, truth, {"columns": columns, "preamble": str(preamble), "h_quarter": "n/a"}


def _pk_signatures(d: Dossier, style: Style) -> Signatures:
    return Signatures((_signer("PIHAK KEDUA,", d.superior, style), _signer("PIHAK PERTAMA,", d.official, style, pangkat=True)),
                      place_date=f"{d.place}, {d.date}")


def _pk_table(d: Dossier, style: Style, columns: str, y_label: str) -> tuple[TableSpec, tuple[TruthIndicator, ...]]:
    code_col = style.code_style == "column" and any(i.code for _, i in _all_indicators(d))
    head: list[str] = ["No."]
    roles: list[str] = ["no"]
    if columns != "band":
        head.append(style.h_sasaran)
        roles.append("sasaran")
    if code_col:
        head.append("Kode")
        roles.append("code")
    head.append(style.h_indikator)
    roles.append("indicator")
    if columns == "satuan":
        head.append("Satuan")
        roles.append("label")
    head.append(y_label)
    roles.append("value")
    rows: list[tuple[str, ...]] = [tuple(head)]
    if style.numbering_row:
        rows.append(_numbering(len(head)))
    n_head = len(rows)
    spans, bands, value_rows = [], [], []
    truth = []
    k = 0
    for s in d.sasaran:
        if columns == "band":
            bands.append(len(rows))
            rows.append((f"{s.name}",) + ("",) * (len(head) - 1))
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            k += 1
            first = j == 0
            cells: list[str] = []
            cells.append(s.no if (first and columns != "band") else (str(k) if columns == "band" else ""))
            if columns != "band":
                cells.append(s.name if first else "")
            name_cell = ind.name
            if ind.code and not code_col:
                name_cell = f"{ind.code} {ind.name}"
            if code_col:
                cells.append(ind.code or "")
            cells.append(name_cell)
            if columns == "satuan":
                cells.append(_satuan(ind.kind))
            cells.append(ind.targets["Y"].raw)
            value_rows.append(len(rows))
            rows.append(tuple(cells))
            truth.append(TruthIndicator(ind.name, ind.code, s.name, _targets(ind, ("Y",), {"Y": y_label})))
        if style.merge_sasaran and columns != "band":
            spans += _vspans(range(0, 2), top, len(rows) - 1)
    return TableSpec(tuple(rows), n_head, tuple(roles), tuple(spans), tuple(bands), "data", tuple(value_rows)), tuple(truth)


def _satuan(kind: Kind) -> str:
    return {"percent": "%", "percent_space": "%", "percent_split": "%", "comparator": "%", "dash_late": "%",
            "index_scale": "Indeks", "index_scale_double": "Nilai", "opinion": "Opini", "opinion_number": "Opini",
            "grade": "Predikat", "range": "Nilai", "count_unit": "-", "rupiah": "Rupiah"}.get(kind.name, "Angka")


def _budget_flow(d: Dossier, style: Style, budget: tuple[Budget, ...]) -> list:
    amount_style = {"table": ("bare", "cents", "rp_space", "rp_dot"), "lines": ("bare", "bare")}
    fmt = random.Random(f"{d.official.nip}:{d.year}:amount").choice(amount_style[style.budget_style])
    if style.budget_style == "lines":  # the ministry layout: "1. Program X   Rp   6.500.705.000", no rulings
        rows = [("Program/ Kegiatan Tahun " + str(d.year), "", "Anggaran")]
        for b in budget:
            name = f"Output Program: {b.name}" if b.level == "output" else (f"{b.label} {b.name}" if b.label else b.name)
            rows.append((name, "Rp", rupiah(b.amount, fmt)))
        return [TableSpec(tuple(rows), 1, ("text", "rp", "amount"), kind="budget_lines"), Gap()]
    rows2 = [("No.", "Program / Kegiatan", "Anggaran (Rp)")]
    for b in budget:
        name = f"Output Program: {b.name}" if b.level == "output" else b.name
        rows2.append((b.label or "", name, rupiah(b.amount, fmt)))
    return [TableSpec(tuple(rows2), 1, ("no", "text", "amount"), kind="budget"), Gap()]


def build_pk_pemda(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A regional PK with Triwulan I-IV and an annual column, the official's Nama/NIP/Jabatan
    lines over it, an optional programme budget and the two signatures (Pihak Kesatu/Kedua)."""
    spec = DocSpec(wide=True)
    title = f"PERJANJIAN KINERJA TAHUN {d.year}"
    spec.flow.append(_title_block([title, d.unit.upper()]))
    spec.flow.append(KeyValues((("Nama", _printed_name(d.official, style)), ("NIP", d.official.nip or "-"),
                                ("Jabatan", d.official.jabatan), ("Unit Kerja", d.unit))))
    labels = quarter_labels(style.h_quarter)
    y_label = rng.choice(("Tahunan", "Target Tahunan", _target_label(style, d.year)))
    labels = {**labels, "Y": y_label}
    periods = TRIWULAN
    grouped = style.h_quarter == "roman"
    satuan_first = style.overflow  # the annual column is then the last one, the one that overflows
    head0 = ["No", style.h_sasaran, style.h_indikator] + (["Satuan"] if satuan_first else [])
    q0 = len(head0)
    tail = [] if satuan_first else ["Satuan"]
    if grouped:
        head0 += ["Triwulan", "", "", ""] + [y_label] + tail
        head1 = [""] * q0 + [labels[p] for p in ("Q1", "Q2", "Q3", "Q4")] + [""] * (1 + len(tail))
        rows: list[tuple[str, ...]] = [tuple(head0), tuple(head1)]
        spans = [((q0, 0), (q0 + 3, 0))] + [((c, 0), (c, 1)) for c in (*range(q0), *range(q0 + 4, len(head0)))]
    else:
        head0 += [labels[p] for p in periods] + tail
        rows = [tuple(head0)]
        spans = []
    roles = ("no", "sasaran", "indicator") + (("label",) if satuan_first else ()) + ("value",) * 5 + (() if satuan_first else ("label",))
    if style.numbering_row:
        rows.append(_numbering(len(roles)))
    n_head = len(rows)
    truth, value_rows = [], []
    for s in d.sasaran:
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            value_rows.append(len(rows))
            sat = (_satuan(ind.kind),)
            rows.append((s.no if j == 0 else "", s.name if j == 0 else "", ind.name, *(sat if satuan_first else ()),
                         *[ind.targets[p].raw for p in periods], *(() if satuan_first else sat)))
            truth.append(TruthIndicator(ind.name, None, s.name, _targets(ind, periods, labels)))
        if style.merge_sasaran:
            spans += _vspans(range(0, 2), top, len(rows) - 1)
    spec.flow += [Gap(), TableSpec(tuple(rows), n_head, roles, tuple(spans), (), "data", tuple(value_rows)), Gap()]
    with_budget = rng.random() < 0.5
    budget = tuple(b for b in d.budget if b.level == "program") if with_budget else ()
    if budget:
        fmt = rng.choice(("bare", "cents", "rp_space"))
        rows2 = [("No", "Program", "Anggaran", "Keterangan")]
        rows2 += [(str(n), b.name, rupiah(b.amount, fmt), "APBD") for n, b in enumerate(budget, start=1)]
        spec.flow += [TableSpec(tuple(rows2), 1, ("no", "text", "amount", "label"), kind="budget"), Gap()]
    spec.flow.append(Signatures((_signer("PIHAK KEDUA,", d.superior, style), _signer("PIHAK KESATU,", d.official, style, pangkat=True)),
                                place_date=f"{d.place}, {d.date}"))
    truth_doc = TruthDocument(
        kind="pk", layout_kind="pk_pemda", title=title, indicators=tuple(truth),
        budget=tuple(TruthBudget(b.name, b.amount, b.level) for b in budget),
        parties=(_party("pihak_pertama", d.official, style), _party("pihak_kedua", d.superior, style)),
    )
    return spec, truth_doc, {"columns": "triwulan", "preamble": "False", "h_quarter": style.h_quarter}


def _period_header(style: Style, y_label: str) -> tuple[dict[str, str], str]:
    """Labels for a seven-period table; ``roman`` is not printed there (no roman s.d./Smt labels)."""
    hq = "q" if style.h_quarter == "roman" else style.h_quarter
    return {**quarter_labels(hq), "Y": y_label}, hq


def build_rincian(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A Rincian Target Kinerja: sasaran rows and their IKU with seven periods under Target."""
    spec = DocSpec(wide=True)
    title = "RINCIAN TARGET KINERJA"
    spec.flow.append(_title_block([title, d.official.jabatan.upper(), d.instansi.upper(), f"TAHUN {d.year}"]))
    labels, hq = _period_header(style, rng.choice(("Y", "Tahunan")))
    mixed = rng.random() < 0.6
    if mixed:
        head0 = ("Kode SS/IKU", "SS dan IKU", "Target", "", "", "", "", "", "")
        roles = ("code", "indicator") + ("value",) * 7
    else:
        head0 = ("No", style.h_indikator, "Target", "", "", "", "", "", "")
        roles = ("no", "indicator") + ("value",) * 7
    head1 = ("", "") + tuple(labels[p] for p in QUARTERS)
    rows: list[tuple[str, ...]] = [head0, head1]
    spans = [((2, 0), (8, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1))]
    if style.numbering_row:
        rows.append(_numbering(9))
    n_head = len(rows)
    truth, value_rows, bands = [], [], []
    k = 0
    for s in d.sasaran:
        j = 0
        if mixed:  # the sasaran's own row: its number in the code column, its name in the SS dan IKU column
            rows.append((s.no, s.name) + ("",) * 7)
        else:  # a bold band across the table
            bands.append(len(rows))
            rows.append((s.name,) + ("",) * 8)
        for ind in s.indicators:
            k += 1
            j += 1
            value_rows.append(len(rows))
            first = ind.code if mixed and ind.code else (f"{s.no}.{j}" if mixed else str(k))
            name_cell = ind.name if mixed or not ind.code else f"{ind.code} {ind.name}"
            rows.append((first, name_cell) + tuple(ind.targets[p].raw for p in QUARTERS))
            truth.append(TruthIndicator(ind.name, ind.code, s.name, _targets(ind, QUARTERS, labels)))
    spec.flow += [Gap(), TableSpec(tuple(rows), n_head, roles, tuple(spans), tuple(bands), "data", tuple(value_rows)), Gap()]
    spec.flow.append(Signatures((_signer(None, d.official, style, pangkat=rng.random() < 0.5),), place_date=f"{d.place}, {d.date}"))
    truth_doc = TruthDocument(kind="rincian_target", layout_kind="rincian_target", title=title, indicators=tuple(truth),
                              parties=(_party("penandatangan", d.official, style),))
    return spec, truth_doc, {"columns": "mixed" if mixed else "split", "preamble": "False", "h_quarter": hq}


def build_inisiatif(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """An Inisiatif Strategis: one initiative per IKU with its output, period, owner and cost."""
    spec = DocSpec(wide=True)
    title = "INISIATIF STRATEGIS"
    spec.flow.append(_title_block([title, d.official.jabatan.upper(), d.instansi.upper(), f"TAHUN {d.year}"]))
    rows: list[tuple[str, ...]] = [("No.", "IKU", "Inisiatif Strategis", "Output/Outcome", "Periode Pelaksanaan",
                                    "Penanggung Jawab", "Biaya (Rp)")]
    if style.numbering_row:
        rows.append(_numbering(7))
    n_head = len(rows)
    names = rng.sample(V.INISIATIF, min(len(V.INISIATIF), len(_all_indicators(d))))
    truth, budget, value_rows = [], [], []
    fmt = rng.choice(("rp_tight", "rp_space", "bare"))
    for k, ((_s, ind), ini) in enumerate(zip(_all_indicators(d), names, strict=False), start=1):
        amount = rng.randint(5, 900) * 10_000_000
        value_rows.append(len(rows))
        rows.append((str(k), ind.name, ini, rng.choice(V.OUTCOMES), f"{d.year}-{d.year + rng.randint(0, 2)}",
                     rng.choice(V.PENANGGUNG_JAWAB), rupiah(amount, fmt)))
        truth.append(TruthIndicator(ind.name, None, None, ()))
        budget.append(TruthBudget(ini, amount, "inisiatif"))
    roles = ("no", "indicator", "text", "text", "label", "label", "amount")
    spec.flow += [Gap(), TableSpec(tuple(rows), n_head, roles, (), (), "data", tuple(value_rows)), Gap()]
    spec.flow.append(Signatures((_signer(None, d.official, style),), place_date=f"{d.place}, {d.date}"))
    truth_doc = TruthDocument(kind="inisiatif_strategis", layout_kind="inisiatif_strategis", title=title,
                              indicators=tuple(truth), budget=tuple(budget), parties=(_party("penandatangan", d.official, style),))
    return spec, truth_doc, {"columns": "std", "preamble": "False", "h_quarter": "n/a"}


def _skp_title(d: Dossier, lampiran: bool) -> Title:
    first = "LAMPIRAN SASARAN KINERJA PEGAWAI" if lampiran else "SASARAN KINERJA PEGAWAI"
    lines = [first] + ([] if lampiran else ["PENDEKATAN HASIL KERJA KUANTITATIF",
                                            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"])
    return _title_block(lines + [d.instansi.upper(), f"PERIODE PENILAIAN : 1 JANUARI SD 31 DESEMBER TAHUN {d.year}"])


def _skp_signatures(d: Dossier, style: Style) -> Signatures:
    return Signatures((_signer("Pegawai yang Dinilai", d.official, style), _signer("Pejabat Penilai Kinerja", d.superior, style)),
                      place_date=f"{d.place}, {d.date}")


def build_skp(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """An SKP: the two-person table (pegawai, pejabat penilai) and HASIL KERJA with the
    rencana hasil kerja (the sasaran), indikator kinerja individu, target and perspektif."""
    spec = DocSpec()
    spec.flow.append(_skp_title(d, lampiran=False))
    o, s_ = d.official, d.superior
    prow = [("NO", "PEGAWAI YANG DINILAI", "", "NO", "PEJABAT PENILAI KINERJA", "")]
    fields = (("NAMA", _printed_name(o, style), _printed_name(s_, style)), ("NIP", o.nip or "-", s_.nip or "-"),
              ("PANGKAT/ GOL. RUANG", o.pangkat or "-", s_.pangkat or "-"), ("JABATAN", o.jabatan, s_.jabatan),
              ("UNIT KERJA", d.unit, d.instansi))
    for n, (label, a, b) in enumerate(fields, start=1):
        prow.append((str(n), label, a, str(n), label, b))
    spec.flow += [Gap(), TableSpec(tuple(prow), 1, ("no", "label", "text", "no", "label", "text"),
                                   (((1, 0), (2, 0)), ((4, 0), (5, 0))), kind="parties"), Gap()]
    rows: list[tuple[str, ...]] = [("HASIL KERJA", "", "", "", ""),
                                   ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF")]
    spans = [((0, 0), (4, 0))]
    if style.numbering_row:
        rows.append(_numbering(5))
    n_head = len(rows)
    bands = [len(rows)]
    rows.append(("A. UTAMA", "", "", "", ""))
    truth, value_rows = [], []
    perspektif = ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran")
    k = 0
    for s in d.sasaran:
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            k += 1
            value_rows.append(len(rows))
            rows.append((f"{k}.", s.name if j == 0 else "", ind.name, ind.targets["Y"].raw, rng.choice(perspektif)))
            truth.append(TruthIndicator(ind.name, None, s.name, _targets(ind, ("Y",), {"Y": "TARGET"})))
        if style.merge_sasaran:
            spans += _vspans(range(1, 2), top, len(rows) - 1)
    spec.flow += [TableSpec(tuple(rows), n_head, ("no", "sasaran", "indicator", "value", "label"), tuple(spans), tuple(bands),
                            "data", tuple(value_rows)), Gap()]
    spec.flow.append(_skp_signatures(d, style))
    title = "SASARAN KINERJA PEGAWAI"
    truth_doc = TruthDocument(kind="skp", layout_kind="skp", title=title, indicators=tuple(truth),
                              parties=(_party("pegawai", o, style), _party("pejabat_penilai", s_, style)))
    return spec, truth_doc, {"columns": "std", "preamble": "False", "h_quarter": "n/a"}


def build_lampiran_skp(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A Lampiran SKP: the resources and reporting lists, then each IKI with seven periods."""
    spec = DocSpec(wide=True)
    spec.flow.append(_skp_title(d, lampiran=True))
    spec.flow += [Para("DUKUNGAN SUMBER DAYA", align="left", bold=True),
                  Para(f"1. {rng.randint(20, 600)} pegawai pada unit", align="left"),
                  Para("2. Pegawai membutuhkan peralatan kerja antara lain komputer/laptop, alat tulis, dan lain-lain.", align="left"),
                  Para("SKEMA PERTANGGUNGJAWABAN", align="left", bold=True),
                  Para("1. Hasil kerja dilaporkan secara triwulanan", align="left")]
    labels, hq = _period_header(style, "Y")
    rows: list[tuple[str, ...]] = [("No", "IKI", "Target", "", "", "", "", "", ""),
                                   ("", "") + tuple(labels[p] for p in QUARTERS)]
    spans = [((2, 0), (8, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1))]
    if style.numbering_row:
        rows.append(_numbering(9))
    n_head = len(rows)
    truth, value_rows = [], []
    for k, (_s, ind) in enumerate(_all_indicators(d), start=1):
        value_rows.append(len(rows))
        rows.append((f"{k}.", ind.name) + tuple(ind.targets[p].raw for p in QUARTERS))
        truth.append(TruthIndicator(ind.name, None, None, _targets(ind, QUARTERS, labels)))
    spec.flow += [Gap(), TableSpec(tuple(rows), n_head, ("no", "indicator") + ("value",) * 7, tuple(spans), (), "data",
                                   tuple(value_rows)), Gap()]
    spec.flow.append(_skp_signatures(d, style))
    title = "LAMPIRAN SASARAN KINERJA PEGAWAI"
    truth_doc = TruthDocument(kind="lampiran_skp", layout_kind="lampiran_skp", title=title, indicators=tuple(truth),
                              parties=(_party("pegawai", d.official, style), _party("pejabat_penilai", d.superior, style)))
    return spec, truth_doc, {"columns": "std", "preamble": "False", "h_quarter": hq}


AKSI = ("Penyusunan rencana kerja dan anggaran", "Pelaksanaan monitoring dan evaluasi triwulanan",
        "Koordinasi dengan perangkat daerah terkait", "Penyusunan laporan capaian kinerja",
        "Sosialisasi kebijakan kepada pemangku kepentingan", "Pendampingan penyusunan dokumen")


def build_rencana_aksi(rng: random.Random, d: Dossier, style: Style) -> tuple[DocSpec, TruthDocument, dict[str, str]]:
    """A Rencana Aksi: either targets per triwulan beside the planned actions, or the annual
    IKU target with actions, success criteria, outputs and timing."""
    spec = DocSpec(wide=True)
    title = f"RENCANA AKSI TAHUN {d.year}"
    spec.flow.append(_title_block([title, d.official.jabatan.upper(), d.instansi.upper()]))
    quarterly = rng.random() < 0.6
    truth, value_rows, spans = [], [], []
    if quarterly:
        labels = quarter_labels(style.h_quarter)
        head0 = ("No", style.h_sasaran, style.h_indikator, "Target Kinerja Sasaran", "", "", "", "Rencana Aksi")
        head1 = ("", "", "") + tuple(labels[p] for p in ("Q1", "Q2", "Q3", "Q4")) + ("",)
        rows: list[tuple[str, ...]] = [head0, head1]
        spans = [((3, 0), (6, 0))] + [((c, 0), (c, 1)) for c in (0, 1, 2, 7)]
        roles = ("no", "sasaran", "indicator", "value", "value", "value", "value", "text")
        periods = ("Q1", "Q2", "Q3", "Q4")
    else:
        labels = {"Y": "Target IKU"}
        rows = [("NO", style.h_sasaran, style.h_indikator, "Target IKU", "Rencana Aksi", "Kriteria Keberhasilan",
                 "Target/Output", "Waktu")]
        roles = ("no", "sasaran", "indicator", "value", "text", "text", "text", "label")
        periods = ("Y",)
    if style.numbering_row:
        rows.append(_numbering(8))
    n_head = len(rows)
    for s in d.sasaran:
        top = len(rows)
        for j, ind in enumerate(s.indicators):
            value_rows.append(len(rows))
            first = (s.no if j == 0 else "", s.name if j == 0 else "")
            if quarterly:
                rows.append(first + (ind.name,) + tuple(ind.targets[p].raw for p in periods) + (rng.choice(AKSI),))
            else:
                n_aksi = rng.randint(1, 2)
                itop = len(rows)
                for a in range(n_aksi):
                    lead = first + (ind.name, ind.targets["Y"].raw) if a == 0 else ("", "", "", "")
                    rows.append(lead + (f"RA{a + 1}. {rng.choice(AKSI)}", f"KK{a + 1}.1 Tersusunnya dokumen pendukung",
                                        f"T/O{a + 1}.1.1. Laporan pelaksanaan", f"Tw {rng.randint(1, 4)}"))
                if style.merge_sasaran:
                    spans += _vspans(range(2, 4), itop, len(rows) - 1)
            truth.append(TruthIndicator(ind.name, None, s.name, _targets(ind, periods, labels)))
        if style.merge_sasaran:
            spans += _vspans(range(0, 2), top, len(rows) - 1)
    spec.flow += [Gap(), TableSpec(tuple(rows), n_head, roles, tuple(spans), (), "data", tuple(value_rows)), Gap()]
    spec.flow.append(Signatures((_signer(None, d.superior, style), _signer(None, d.official, style)), place_date=f"{d.place}, {d.date}"))
    truth_doc = TruthDocument(kind="rencana_aksi", layout_kind="rencana_aksi", title=title, indicators=tuple(truth),
                              parties=(_party("pihak_pertama", d.official, style), _party("pihak_kedua", d.superior, style)))
    return spec, truth_doc, {"columns": "quarterly" if quarterly else "aksi", "preamble": "False",
                             "h_quarter": style.h_quarter if quarterly else "n/a"}


BUILDERS = {
    "pk": build_pk, "pk_pemda": build_pk_pemda, "rincian_target": build_rincian, "inisiatif_strategis": build_inisiatif,
    "skp": build_skp, "lampiran_skp": build_lampiran_skp, "rencana_aksi": build_rencana_aksi,
}
