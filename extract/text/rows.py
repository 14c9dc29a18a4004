"""From logical table rows (cells by column role) to indicators, whatever the layout.

Both the tab-table reader and the layout reader hand :func:`assemble` a list of
:class:`Cells`; this module knows what a sasaran row, an indicator row, a category
heading, a continuation row and a Rencana Aksi line look like.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from core.problems import Location, Problem, Severity
from extract.models import (
    ANY_PERIOD_ROLES,
    Action,
    DocType,
    Indicator,
    Initiative,
    Period,
    Target,
)
from extract.text import levels
from normalize.text import collapse
from normalize.values import Kind, parse_value

MEASURE_ROLES = {f"{kind}:{p.value}": (kind, p) for kind in ("realisasi", "capaian", "realisasi_rp") for p in Period}
KEY_ROLES = {"no", "code", "waktu", "output", "biaya", "anggaran", "baseline", *ANY_PERIOD_ROLES, *MEASURE_ROLES}
#: The role of a column of one year: a target (``Y@2023``) or a baseline (``baseline@2021``).
YEAR_ROLE = re.compile(r"^(?P<kind>Y|baseline)@(?P<year>\d{4})$")
#: A measure of one year (an LKj's ``Realisasi`` over ``2022 | 2021 | 2020``): ``realisasi:Y@2021``; a quarter
#: of it under ``Realisasi 2022`` beside ``Realisasi 2023``: ``realisasi:Q1@2022``.
MEASURE_YEAR_ROLE = re.compile(r"^(?P<kind>realisasi|capaian):(?P<period>Q[1-4]|Smt1|sdQ3|Y)@(?P<year>\d{4})$")
#: The cells of the number column under a header cell merged over two (``Indikator Kinerja`` over
#: ``1 | Jumlah …``): the item's own number, no column of the header's.
ITEM_NO_ROLE = "item_no"


def target_of_role(role: str | None) -> tuple[Period, int | None] | None:
    """The period, and the year when the column names one, of a column of targets.

    >>> target_of_role("Q1"), target_of_role("Y@2023"), target_of_role("baseline@2021"), target_of_role("indicator")
    ((<Period.Q1: 'Q1'>, None), (<Period.Y: 'Y'>, 2023), None, None)
    """
    if role in ANY_PERIOD_ROLES:
        return Period(role), None
    if role and (m := YEAR_ROLE.match(role)) and m["kind"] == "Y":
        return Period.Y, int(m["year"])
    return None


def is_value_role(role: str | None) -> bool:
    """A column of targets, of a baseline or of one year's target (``Q1``, ``Y@2023``, ``baseline@2021``)."""
    return role in ANY_PERIOD_ROLES or bool(role and (role == "baseline" or YEAR_ROLE.match(role)))


def is_key_role(role: str) -> bool:
    """A number, code, target, measure or amount: a row that fills one is a row of its own."""
    return role in KEY_ROLES or bool(YEAR_ROLE.match(role) or MEASURE_YEAR_ROLE.match(role))


def measure_of_role(role: str | None) -> tuple[str, Period, int | None] | None:
    """What a column of measures holds: its kind, its period and the year it names, if any.

    >>> measure_of_role("realisasi:Q2"), measure_of_role("realisasi:Y@2021"), measure_of_role("Y@2021")
    (('realisasi', <Period.Q2: 'Q2'>, None), ('realisasi', <Period.Y: 'Y'>, 2021), None)
    >>> measure_of_role("realisasi:Q1@2022")
    ('realisasi', <Period.Q1: 'Q1'>, 2022)
    """
    if role in MEASURE_ROLES:
        kind, period = MEASURE_ROLES[role]
        return kind, period, None
    if role and (m := MEASURE_YEAR_ROLE.match(role)):
        return m["kind"], Period(m["period"]), int(m["year"])
    return None


TEXT_ROLES = (
    "sasaran", "indicator", "mixed", "perspektif", "satuan", "sumber_data", "pengukuran", "aksi", "kriteria",
    "output", "inisiatif", "output_outcome", "trajectory_kegiatan", "trajectory_output", "periode",
    "penanggung_jawab", "tindak_lanjut", "program_kegiatan",
)

CODE_RE = re.compile(
    r"^(?P<code>\d{1,2}[a-z]{1,2}(?:[.-][A-Z]{1,4})+|(?:IKU|IKK|IKP|IKSS|SS|SK|IK)(?:[.-]|\s)?\d+(?:\.\d+)*[a-z]?)(?=\s|$)\s*(?P<rest>.*)$"
)
NUMBER_RE = re.compile(r"^(?P<no>\d{1,3}(?:\.\d{1,3})*)\.?$")
PENUGASAN_RE = re.compile(r"\s*\(\s*(?P<note>Penugasan\b[^)]*)\)\s*$", re.IGNORECASE)
KATEGORI_RE = re.compile(r"^(?:Sasaran\s+(?:Strategis|Khusus|Operasional|Program|Kegiatan)|Tujuan)\b.*$", re.IGNORECASE)
#: The number column's own label: a row that prints it is a header (another table's, or one repeated), never data.
NO_LABEL_RE = re.compile(r"^(?:no\.?|nomor|no\.?\s*urut)$", re.IGNORECASE)
SKIP_ROW_RE = re.compile(r"^(?:[A-Z]\.\s*(?:UTAMA|TAMBAHAN)|HASIL KERJA|\(\d+\)(?:\s*\(\d+\))*)$")
#: The column's label printed in its cell before the sasaran: "Sasaran : Meningkatnya …"
SASARAN_LABEL_RE = re.compile(r"^(?:sasaran(?:\s+strategis)?|tujuan)\s*:\s*(?=\S)", re.IGNORECASE)
#: A table's summary rows in the indicator column: the total of the rows above or of the budget beside them
#: ("JUMLAH TOTAL"), never an indicator; an average of the capaian above ("Rata-rata capaian Indikator Utama
#: (Sasaran)"), unless it sets a target (a Setda's IKU "Rata-rata capaian kinerja perangkat daerah | 90%").
#: ("Rata-rata lama sekolah" and "Jumlah penduduk miskin" are indicators.)
_TOTAL_NAME = re.compile(r"^(?:jumlah(?:\s+total)?|total|grand\s+total)$", re.IGNORECASE)
_AVERAGE_NAME = re.compile(r"^(?:nilai\s+)?rata-?\s?rata\s+(?:nilai\s+)?capaian\b.*$", re.IGNORECASE)


@dataclass
class Cells:
    """One logical row: cell text by column role, with where it came from."""

    values: dict[str, str]
    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    assembled: bool = False  # rows rebuilt from a layout are whole; never continuations

    def get(self, role: str) -> str:
        return self.values.get(role, "")

    def filled(self) -> set[str]:
        return {k for k, v in self.values.items() if v}

    def merge(self, other: Cells) -> None:
        """Append a continuation row's cells (a row cut by a page break or a wrapped cell)."""
        for role, text in other.values.items():
            if text:
                self.values[role] = collapse(f"{self.values.get(role, '')} {text}")


@dataclass
class Assembly:
    indicators: list[Indicator] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    issues: list[Problem] = field(default_factory=list)
    unit: str | None = None  # the unit a Permendagri table names in its first row, above its programmes


# a nested sub-indicator starts with a bullet ("- Daging (ton)", "./ Prosentase …", "✓ …", "• …") or a letter ("a. Padi")
ITEM_MARK_RE = re.compile(r"^(?P<mark>-|–|•|·|✓|√|\./|\*|[a-z]\.(?=\s))\s*(?P<rest>\S.*)$")
# an indicator numbered inside its own cell: "1.1.2.1 Jumlah …", "0.0.0. Prosentase …"
ITEM_NUMBER_RE = re.compile(r"^(?P<no>\d{1,3}(?:\.\d{1,3})+\.?)\s+(?P<rest>\D.*)$")


# a sasaran is a state reached, written as a verb made noun: "Meningkatnya …", "Terwujudnya …"
SASARAN_START_RE = re.compile(r"^(?:Me|Ter|Ber|Di)\p{Ll}{3,}nya\b")  # not "Lainnya", "Selanjutnya"


def is_continuation(row: Cells, roles: set[str]) -> bool:
    """A row with no number, code, target or other key cell continues the row above.

    A row whose indicator starts with an item mark (``- Daging``) or its own number
    (``1.1.2 Jumlah …``) is a (sub-)indicator, not a continuation; so is a row whose sasaran
    opens with a ``-nya`` noun (``Meningkatnya …``) beside an indicator.
    """
    filled = row.filled()
    text = row.get("indicator") or row.get("mixed")
    if row.get(ITEM_NO_ROLE):
        return False  # numbered in a column of its own under the indicator's header
    if ITEM_MARK_RE.match(text) or ITEM_NUMBER_RE.match(text):
        return False
    if SASARAN_START_RE.match(row.get("sasaran")) and text:
        return False  # "Meningkatnya …", "Tersedianya …": a sasaran opens here, it does not go on
    return bool(filled) and not any(is_key_role(r) for r in filled & roles)


class Nesting:
    """Parents of nested sub-indicators, the way a reader sees them on the page.

    An unmarked indicator (numbered ``1.1.2`` or not) is a base; a marked item (``-``,
    ``./``, ``a.``) hangs under the item above it, and marks nest by kind like a bulleted
    list (a new kind opens a level, a kind already open closes the levels under it). A
    sub-indicator's parent is the name of the item it hangs under, and it carries that
    item's number unless it has its own letter. Headings without targets are dropped
    afterwards (:func:`drop_headings`).
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.base: Indicator | None = None
        self.stack: list[tuple[str, Indicator]] = []
        self.parents: set[int] = set()

    def place(self, ind: Indicator, mark: str | None) -> None:
        if mark is None:
            self.stack = []
            self.base = ind
            return
        kind = "letter" if re.fullmatch(r"[a-z]\.", mark) else "-" if mark in ("-", "–") else mark
        kinds = [k for k, _ in self.stack]
        if kind in kinds:
            del self.stack[kinds.index(kind):]
        above = self.stack[-1][1] if self.stack else self.base
        if kind == "letter":
            ind.item_no = mark.rstrip(".")
        if above is not None:
            ind.parent = above.name
            self.parents.add(id(above))
            if ind.item_no is None:
                ind.item_no = above.item_no
        self.stack.append((kind, ind))


def drop_headings(indicators: list[Indicator], parents: set[int]) -> list[Indicator]:
    """A heading (an indicator others hang under) that has no target of its own is not an indicator."""
    return [
        ind for ind in indicators
        if not (id(ind) in parents and all(t.value.is_empty for t in ind.targets))
    ]


def split_code(text: str) -> tuple[str | None, str]:
    """``"1a-CP Indeks kualitas"`` -> ``("1a-CP", "Indeks kualitas")``.

    >>> split_code("1a-CP Indeks kualitas belanja")
    ('1a-CP', 'Indeks kualitas belanja')
    >>> split_code("IKU 2.1 Skor kapabilitas APIP")
    ('IKU 2.1', 'Skor kapabilitas APIP')
    >>> split_code("Indeks kualitas belanja")
    (None, 'Indeks kualitas belanja')
    """
    m = CODE_RE.match(text.strip())
    if m and re.search(r"[a-zA-Z]", m.group("code")) and re.search(r"\d", m.group("code")):
        return m.group("code"), m.group("rest").strip()
    return None, text.strip()


#: A code's letters alone ("IKU" of "IKU 1.1"): what a code column holds when its number fell past the column's edge ...
CODE_PREFIX_RE = re.compile(r"^(?:IKU|IKK|IKP|IKSS|SS|SK|IK)$")
#: ... and the number, in levels, opening the name beside it ("1.1 Realisasi"; "3 Dokumen" is a value with its unit).
DOTTED_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+\S")


def rejoin_code(code_cell: str, text: str) -> tuple[str, str]:
    """A code cut at its column's edge, its letters in the code cell and its number opening the name
    beside it (a scan's columns parted at the gap inside "IKU 1.1"), set whole again; else as given.

    >>> rejoin_code("IKU", "1.1 Realisasi pendapatan asli daerah")
    ('IKU 1.1', 'Realisasi pendapatan asli daerah')
    >>> rejoin_code("IKU", "Realisasi pendapatan asli daerah")
    ('IKU', 'Realisasi pendapatan asli daerah')
    >>> rejoin_code("1.1", "Realisasi pendapatan"), rejoin_code("IKU", "3 Dokumen perencanaan"), rejoin_code("IKU", "1.1")
    (('1.1', 'Realisasi pendapatan'), ('IKU', '3 Dokumen perencanaan'), ('IKU', '1.1'))
    """
    if CODE_PREFIX_RE.match(code_cell.strip()) and DOTTED_NUMBER_RE.match(text.strip()):
        code, rest = split_code(f"{code_cell.strip()} {text.strip()}")
        if code is not None:
            return code, rest
    return code_cell, text


def _heads_numbers(number: str, rows: list[Cells], row: Cells) -> bool:
    """A numbered row of a ``Kode SS/IKU`` column is a sasaran when some row is numbered under it
    (``1`` over ``1.1``), or, where no row is, when it sets no target of its own."""
    codes = [NUMBER_RE.sub(r"\g<no>", r.get("code")) for r in rows if NUMBER_RE.match(r.get("code") or "")]
    if any(c.startswith(number + ".") for c in codes):
        return True
    if any("." in c for c in codes):
        return False  # numbered in levels, and nothing under this one: an indicator (1.3)
    return not any(v for k, v in row.values.items() if target_of_role(k))


def split_penugasan(text: str) -> tuple[str, str | None]:
    """Move a trailing ``(Penugasan dari …)`` out of a sasaran.

    >>> split_penugasan("Belanja Negara yang Berkualitas (Penugasan dari Menteri Keuangan)")
    ('Belanja Negara yang Berkualitas', 'Penugasan dari Menteri Keuangan')
    """
    m = PENUGASAN_RE.search(text)
    if not m:
        return text.strip(), None
    return text[: m.start()].strip(), collapse(m.group("note"))


def assemble(rows: list[Cells], roles: set[str], doc_type: DocType, file: str) -> Assembly:
    """Turn logical rows into indicators (and initiatives), carrying sasaran down."""
    out = Assembly()
    numbers_items = _numbers_items(rows, roles, doc_type)
    merged: list[Cells] = []
    for row in rows:
        if not row.filled():
            continue
        single = [v for v in row.values.values() if v]
        if len(single) == 1 and SKIP_ROW_RE.match(single[0]):
            continue
        if NO_LABEL_RE.match(row.get("no")) and len(single) >= 2:
            continue  # "NO | PROGRAM | ANGGARAN | KET": the header of the table below
        if merged and not row.assembled and is_continuation(row, roles) and not _is_kategori(row) and not _second_indicator(row, roles):
            merged[-1].merge(row)
            continue
        merged.append(Cells(dict(row.values), row.line, row.page, row.table, row.row))

    sasaran_no: str | None = None
    sasaran: str | None = None
    note: str | None = None
    kategori: str | None = None
    heading_kategori: str | None = None  # the kategori a programme in the sasaran column interrupts
    ordinal = 0
    program: str | None = None  # a Rencana Aksi's programme heading, carried down to the kegiatan under it
    subject: str | None = None  # a Permendagri table's programme, kegiatan or sub-kegiatan, carried down
    subject_level: str | None = None
    nesting = Nesting()
    urusan = _urusan_rows(merged)
    first_subject = next((r for r in merged if r.get("program_kegiatan")), None)
    for row in merged:
        loc = Location(file=file, line=row.line, page=row.page, table=row.table, row=row.row)
        if _is_kategori(row):
            kategori = collapse(next(v for v in row.values.values() if v))
            continue
        if (heading := _group_heading(row, roles)) is not None:
            sasaran_no, sasaran, note = heading[0], *split_penugasan(heading[1])
            ordinal += 1
            continue
        no = NUMBER_RE.sub(r"\g<no>", row.get("no")) if NUMBER_RE.match(row.get("no")) else row.get("no") or None
        code_cell = row.get("code")
        indicator_text = row.get("indicator")
        mixed = row.get("mixed")
        if code_cell and mixed:
            code_cell, mixed = rejoin_code(code_cell, mixed)
        elif code_cell and indicator_text:
            code_cell, indicator_text = rejoin_code(code_cell, indicator_text)
        if mixed:
            # "Kode SS/IKU | SS dan IKU": a number heads the rows numbered under it (1 over 1.1, 1.2)
            # or sets no target: a sasaran row; a code (1a-CP), or a number under another, an indicator
            code, _ = split_code(code_cell) if code_cell else (None, "")
            if code is None and NUMBER_RE.match(code_cell or "") and _heads_numbers(NUMBER_RE.sub(r"\g<no>", code_cell), merged, row):
                sasaran_no = NUMBER_RE.sub(r"\g<no>", code_cell)
                sasaran, note = split_penugasan(mixed)
                continue
            indicator_text = mixed
        if row.get("program_kegiatan"):
            subject = row.get("program_kegiatan")
            subject_level = levels.PROGRAM if PROGRAM_RE.match(subject) else None
            sasaran, kategori = subject, subject_level
            if (not indicator_text and subject_level is None and not any(i.kategori == levels.PROGRAM for i in out.indicators)
                    and subject.isupper() and not re.search(r"\bURUSAN\b", subject) and row is first_subject):
                out.unit = out.unit or subject  # the unit's own row above its first programme (its totals: the sum of all)
                continue
            if id(row) in urusan:
                continue
        if row.get("sasaran"):
            new_sasaran, new_note = split_penugasan(SASARAN_LABEL_RE.sub("", row.get("sasaran")))
            if new_sasaran != sasaran or (no and not numbers_items):
                ordinal += 1
            sasaran, note = new_sasaran, new_note
            # a "Tujuan/ Sasaran/ Program" column names programmes among its sasaran: they are programmes
            if PROGRAM_RE.match(new_sasaran):
                kategori, heading_kategori = levels.PROGRAM, kategori if kategori != levels.PROGRAM else heading_kategori
            elif kategori == levels.PROGRAM and not row.get("program_kegiatan"):
                kategori = heading_kategori
            if not numbers_items:
                sasaran_no = no or sasaran_no
        if numbers_items and doc_type in (DocType.SKP,) and "sasaran" in roles:
            sasaran_no = str(ordinal) if sasaran else None
        code = (split_code(code_cell)[0] or code_cell) if code_cell else None
        inner_code, name = split_code(indicator_text)
        code = code or inner_code
        mark = None
        item_number = row.get(ITEM_NO_ROLE) or None  # numbered in a column of its own
        if item_number is None and (m_item := ITEM_MARK_RE.match(name)):
            mark, name = m_item.group("mark"), m_item.group("rest").strip()
        elif item_number is None and (m_item := ITEM_NUMBER_RE.match(name)):
            item_number, name = m_item.group("no"), m_item.group("rest").strip()
        name = re.sub(r"\s*:$", "", name)  # a heading that introduces its items ("Jumlah produksi :")
        if _TOTAL_NAME.match(name) or (_AVERAGE_NAME.match(name) and not any(row.get(r) for r in roles if target_of_role(r))):
            continue
        if no or row.get("sasaran"):
            nesting.base, nesting.stack = None, []  # a new numbered row starts a new list
        if not name and row.get("program_kegiatan") and any(row.get(r) for r in MEASURE_ROLES):
            out.issues.append(Problem(
                check="indicator_unnamed", severity=Severity.WARNING, component="extract",
                message=f"'{subject}' prints its realisasi but no indicator; kept as an unnamed indicator", location=loc,
            ))
        elif not name and not row.get("inisiatif") and not row.get("output") and not row.get("aksi"):
            if any(v for k, v in row.values.items() if target_of_role(k)):
                out.issues.append(Problem(
                    check="target_without_indicator", severity=Severity.WARNING, component="extract",
                    message="a row has targets but no indicator name", location=loc,
                ))
            continue
        program = row.get("program") or program
        if not name and out.indicators and (row.get("output") or row.get("aksi")):
            _add_action(out.indicators[-1], row, loc, program)
            continue
        indicator = Indicator(
            sasaran_no=sasaran_no,
            sasaran=sasaran,
            sasaran_note=note,
            kategori=kategori,
            item_no=item_number or (no if numbers_items else None),
            code=code,
            name=name,
            perspektif=row.get("perspektif") or None,
            satuan=row.get("satuan") or None,
            sumber_data=row.get("sumber_data") or None,
            pengukuran=row.get("pengukuran") or None,
            location=loc,
        )
        nesting.place(indicator, mark)
        for role in sorted((r for r in roles if target_of_role(r)), key=_period_order):
            period, year = target_of_role(role)
            indicator.targets.append(_value_cell(row.get(role), role, period, loc, out.issues, year=year))
        # the year's own measures, then those of the years before, the latest first (as a report prints them)
        for role in [*(r for r in MEASURE_ROLES if r in roles), *sorted((r for r in roles if MEASURE_YEAR_ROLE.match(r)), key=_latest_first)]:
            if raw := row.get(role):
                kind, period, year = measure_of_role(role)
                expect = Kind.RUPIAH if kind == "realisasi_rp" else None
                getattr(indicator, kind).append(_value_cell(raw, role, period, loc, out.issues, expect=expect, year=year))
        if "program_kegiatan" in roles and row.get("anggaran"):
            indicator.anggaran = parse_value(row.get("anggaran"), expect=Kind.RUPIAH, mend=True)
        # a kegiatan cell merged over this indicator's row too: the row prints its own measure and
        # budget, the kegiatan is the one above
        carried = (out.indicators[-1].actions[-1].aksi if not row.get("aksi") and row.get("anggaran") and row.get("kriteria")
                   and out.indicators and out.indicators[-1].actions else None)
        if row.get("aksi") or row.get("output") or carried:
            _add_action(indicator, row, loc, program, carried=carried)
        if row.get("inisiatif"):
            biaya = parse_value(row.get("biaya"), expect=Kind.RUPIAH, mend=True) if row.get("biaya") else None
            out.initiatives.append(Initiative(
                no=no, iku=name or None, inisiatif=row.get("inisiatif"),
                output_outcome=row.get("output_outcome") or None,
                trajectory_kegiatan=row.get("trajectory_kegiatan") or None,
                trajectory_output=row.get("trajectory_output") or None,
                periode=row.get("periode") or None, penanggung_jawab=row.get("penanggung_jawab") or None,
                biaya=biaya, location=loc,
            ))
        out.indicators.append(indicator)
    out.indicators = drop_headings(out.indicators, nesting.parents)
    if "program_kegiatan" in roles and any(i.kategori == levels.PROGRAM for i in out.indicators):
        periods = [p.value for p in Period if f"realisasi_rp:{p.value}" in roles]
        out.issues.extend(levels.assign_levels(out.indicators, periods, file))
    return out


PROGRAM_RE = re.compile(r"^PROGRAM\b", re.IGNORECASE)


def _urusan_rows(rows: list[Cells]) -> set[int]:
    """The rows of a Permendagri table that name an urusan or bidang urusan (``UNSUR PENUNJANG URUSAN
    PEMERINTAHAN``, ``PERENCANAAN``, ``Keuangan``): a subject without an indicator that is no programme
    and stands above one (urusan, bidang urusan, program, kegiatan, sub-kegiatan, in that order).
    Their sums are no budget line and they are no indicator. Returns the rows' ids."""
    subjects = [r for r in rows if r.get("program_kegiatan")]
    out: set[int] = set()
    above_program = False  # the next subject down is a programme, or an urusan above one
    for row in reversed(subjects):
        program = bool(PROGRAM_RE.match(row.get("program_kegiatan")))
        heading = not program and not row.get("indicator") and not row.get("mixed") and above_program
        if heading:
            out.add(id(row))
        above_program = program or heading
    return out


def _second_indicator(row: Cells, roles: set[str]) -> bool:
    """In a Permendagri table each indicator of a programme has its own row under the programme's
    merged cell, even with nothing else filled (``Predikat SAKIP`` under ``Nilai LKE …``); a
    wrapped line would go on in lower case."""
    text = row.get("indicator")
    first = text.split()[0] if text else ""
    # "Predikat SAKIP" opens an indicator; "OPD yang disusun …" (an acronym) may go on a wrapped one
    return "program_kegiatan" in roles and bool(first) and not row.get("program_kegiatan") and first[0].isupper() and not first.isupper()


def _value_cell(raw: str, role: str, period: Period, loc: Location, issues: list[Problem], expect: Kind | None = None,
                year: int | None = None) -> Target:
    """One period's cell (a target, a realisasi, a capaian) read as a value; its reading problems go to ``issues``."""
    value = parse_value(raw, expect=expect, mend=True)
    where = loc.model_copy(update={"column": role, "cell": raw})
    issues.extend(value.problems(where))
    return Target(period=period, value=value, year=year, location=where)


_PERIOD_INDEX = {p.value: i for i, p in enumerate(Period)}


def _latest_first(role: str) -> tuple[int, int]:
    """A measure of one year's place: the latest year first, its periods in the year's order."""
    _, period, year = measure_of_role(role) or ("", Period.Y, 0)
    return -(year or 0), _PERIOD_INDEX[period.value]


def _period_order(role: str) -> tuple[int, str]:
    """Targets in the order of the periods, a year's beside the year's (``Q1`` … ``Y``, ``Y@2023``, ``Y@2024``, ``M01`` …)."""
    period, _ = target_of_role(role) or (Period.Y, None)
    return (_PERIOD_INDEX[period.value], role)


def _add_action(indicator: Indicator, row: Cells, loc: Location, program: str | None = None, carried: str | None = None) -> None:
    prev = indicator.actions[-1] if indicator.actions else None
    aksi = row.get("aksi") or (prev.aksi if prev else None) or carried
    kriteria = row.get("kriteria") or (prev.kriteria if prev and not row.get("aksi") else None)
    anggaran = parse_value(row.get("anggaran"), expect=Kind.RUPIAH, mend=True) if row.get("anggaran") else None
    indicator.actions.append(Action(
        aksi=aksi, program=program if aksi else None, kriteria=kriteria, output=row.get("output") or None, waktu=row.get("waktu") or None,
        rencana_tindak_lanjut=row.get("tindak_lanjut") or None, anggaran=anggaran,
        penanggung_jawab=row.get("penanggung_jawab") or None, location=loc,
    ))


_HEADING_NUMBER = re.compile(r"^(?P<no>\d{1,2}(?:\.\d{1,2})*|[A-Z]|[IVX]{1,4})[.)]?\s+(?P<text>\S.*)$")


def _group_heading(row: Cells, roles: set[str]) -> tuple[str | None, str] | None:
    """A row whose only text stands in the number column and is no number — a heading over the
    rows under it, printed across the table (a sasaran set as a band over its indicators) — in a
    table that has no sasaran column of its own: ``(number, sasaran)``; None for any other row."""
    if "sasaran" in roles or "mixed" in roles or "program_kegiatan" in roles:
        return None
    filled = [(k, v) for k, v in row.values.items() if v]
    if len(filled) != 1 or filled[0][0] != "no" or NUMBER_RE.match(filled[0][1]) or SKIP_ROW_RE.match(filled[0][1]):
        return None
    text = collapse(filled[0][1])
    if len(text.split()) < 2:
        return None
    m = _HEADING_NUMBER.match(text)
    return (m.group("no"), m.group("text")) if m else (None, text)


def _is_kategori(row: Cells) -> bool:
    filled = [(k, v) for k, v in row.values.items() if v]
    return len(filled) == 1 and bool(KATEGORI_RE.match(filled[0][1])) and filled[0][0] in ("no", "code", "mixed", "sasaran")


def _numbers_items(rows: list[Cells], roles: set[str], doc_type: DocType) -> bool:
    """Does the NO column number indicator rows (SKP, Lampiran SKP) rather than sasaran?"""
    if "no" not in roles:
        return False
    if "sasaran" not in roles and "mixed" not in roles:
        return True
    numbered_without_sasaran = any(
        r.get("no") and not r.get("sasaran") and (r.get("indicator")) and not is_continuation(r, roles) for r in rows
    )
    return numbered_without_sasaran
