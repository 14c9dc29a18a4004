"""Program / Output / Kegiatan budget lines of a PK, and a report's budget-realisation table, in any text layout.

A budget line ends with a rupiah amount (``<i>Rp</i>\\t6.500.705.000``, ``Rp. 79.534.353.000``).
Its level comes from its label: ``1.`` a program, ``Output Program:`` an output, ``a.`` a
kegiatan; a kegiatan belongs to the last output above it, or to the program.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex as re

from core.problems import Location, Problem, Severity
from extract.models import BudgetLevel, BudgetLine, Indicator
from extract.text.segment import Line
from extract.text.tables import (
    ANGGARAN_HEADER,
    is_header_row,
    is_subheader_row,
    role_of,
)
from normalize.text import clean_text, collapse
from normalize.values import Kind, parse_value

#: The levels a Permendagri realisasi sheet prints (``Indicator.kategori`` of its rows).
LEVELS_OF_SHEET = frozenset({BudgetLevel.PROGRAM, BudgetLevel.KEGIATAN, BudgetLevel.SUB_KEGIATAN})

BUDGET_RE = re.compile(
    r"^(?P<label>\d{1,2}\.?(?=\s)|[a-z]{1,2}\.(?=\s))?\s*(?P<name>.*?\D)\s*(?P<rp>Rp\.?)\s*(?P<amount>\d[\d.,]*\d)\s*(?:,-)?$"
)
OUTPUT_PREFIX = re.compile(r"^Output\s+Program\s*:\s*", re.IGNORECASE)


def budget_text(line: Line) -> str:
    """The line as one string: tab cells joined by spaces, HTML stripped."""
    return clean_text(" ".join(line.raw.split("\t")))


def is_budget_line(line: Line) -> bool:
    return bool(BUDGET_RE.match(budget_text(line)))


# a table cell holding a rupiah amount without "Rp": at least two thousands groups, optional ",00"/",-"
AMOUNT_CELL = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:\.\d{3,6}){2,}(?:,\d{1,2})?\s*(?:,-)?$|^(?:Rp\.?\s*)\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?\s*(?:,-)?$")
# an amount whose separators a scan garbled ("1.353.100,000,00"): still the row's amount (normalize reads what it can)
LOOSE_AMOUNT_CELL = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3}){2,}(?:,\d{1,2})?\s*(?:,-)?$")
# the pagu column's cell of a budget-realisation table: any amount, small ones too ("700.000")
COLUMN_AMOUNT_CELL = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})*(?:,\d{1,2})?\s*(?:,-)?$")
# the share a budget-realisation table prints after the amounts ("93,6", "100", "84,01 %")
SHARE_CELL = re.compile(r"^\d{1,3}(?:,\d{1,2})?\s*%?$")
LABEL_CELL = re.compile(r"^(?:\d{1,2}\.?|[a-z]{1,2}\.)$")
# "A. Program Utama | Rp …" over "1. …", "2. …": a group whose amount is the sum of the rows under it
GROUP_LABEL = re.compile(r"^[A-Z]\.$")
# a programme or kegiatan printed without an amount, over the rows that carry it
HEADING_CELL = re.compile(r"^(?:\d{1,2}\.?\s+)?(?:Program|Kegiatan)\b")


@dataclass
class BudgetMatch:
    label: str | None
    name: str
    raw_amount: str
    raw_realisasi: str = ""
    raw_persen: str = ""


@dataclass(frozen=True)
class BudgetColumns:
    """Where a budget-realisation table (an LKj's ``Anggaran (Rp) | Realisasi (Rp) | %``) prints a row's
    pagu, what was spent of it, and the share."""

    amount: int
    realisasi: int
    persen: int | None = None
    #: the header's labels were set one a line, not in the row's columns: a row's first amount after its
    #: name is the pagu, the next what was spent, a share after them the %
    by_order: bool = False
    width: int = 0  # the header's cells: a row with fewer left out a cell (its empty number, a merged JUMLAH)

    def at(self, cells: list[str]) -> tuple[int, int, int | None] | None:
        """Where this row's pagu, realisasi and share stand (None: the row has no pagu there). A row that
        does not fill the header's columns (its empty number cell left out, "JUMLAH" merged over two) is
        read by order."""
        if not self.by_order and len(cells) >= self.width and len(cells) > self.realisasi:
            if not COLUMN_AMOUNT_CELL.match(cells[self.amount]):
                return None
            return self.amount, self.realisasi, self.persen if self.persen is not None and self.persen < len(cells) else None
        first = next((i for i, c in enumerate(cells) if COLUMN_AMOUNT_CELL.match(c) and any(re.search(r"\p{L}{2}", b) for b in cells[:i])),
                     None)
        spent = first + (1 if self.by_order else self.realisasi - self.amount) if first is not None else len(cells)
        if first is None or spent >= len(cells) or not COLUMN_AMOUNT_CELL.match(cells[spent]):
            return None
        share = first + (2 if self.by_order or self.persen is None else self.persen - self.amount)
        return first, spent, share if share < len(cells) and SHARE_CELL.match(cells[share]) else None


#: A budget-realisation table's labels set one a line (its header read without rulings): "Anggaran Realisasi".
_ANGGARAN_REALISASI = re.compile(r"^(?:anggaran|pagu)(?:\s*\(\s*rp\.?\s*\))?\s+realisasi(?:\s*\(\s*rp\.?\s*\))?(?:\s*%|\s+persen(?:tase)?)?$",
                                 re.IGNORECASE)
BY_ORDER = BudgetColumns(0, 0, None, by_order=True)


@dataclass(frozen=True)
class BudgetRow:
    """A line the budget reader takes: the level its table's header names (``kegiatan`` under ``No |
    Kegiatan | Anggaran``), and the columns of a budget-realisation table."""

    level: BudgetLevel | None = None  # PROGRAM or KEGIATAN, when the header names one of them alone
    columns: BudgetColumns | None = None
    continues: bool = False  # the rest of the name of the row above, wrapped onto a line of its own


#: A budget-realisation table's column labels, beside its "Anggaran".
_REALISASI_HEADER = re.compile(r"^realisasi(?:\s+anggaran)?(?:\s*\(?\s*rp\.?\s*\)?)?$", re.IGNORECASE)
_PERSEN_HEADER = re.compile(r"^(?:\(?%\)?|persen(?:tase)?|capaian(?:\s*\(?%\)?)?|%\s*realisasi|realisasi\s*\(?%\)?)$", re.IGNORECASE)


def budget_columns(labels: list[str]) -> BudgetColumns | None:
    """The columns of a budget-realisation table from its header's labels (the rows of a header set
    over one another already joined per column); None for a budget without its realisation.

    >>> budget_columns(["No.", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "%"])
    BudgetColumns(amount=2, realisasi=3, persen=4, by_order=False, width=5)
    >>> budget_columns(["No", "Program", "Anggaran", "Keterangan"]) is None
    True
    """
    amount = next((i for i, t in enumerate(labels) if ANGGARAN_HEADER.match(t)), None)
    realisasi = next((i for i, t in enumerate(labels) if amount is not None and i > amount and _REALISASI_HEADER.match(t)), None)
    if amount is None or realisasi is None:
        return None
    persen = next((i for i, t in enumerate(labels) if i > realisasi and _PERSEN_HEADER.match(t)), None)
    return BudgetColumns(amount, realisasi, persen, width=len(labels))


def pagu_text(line: Line, columns: BudgetColumns | None) -> str:
    """A budget row's text up to its pagu: what a total row's reader reads (``JUMLAH | 13.353.153.913``,
    the realisasi and share beside it left out)."""
    cells = line.raw.split("\t")
    where = columns.at([clean_text(c) for c in cells]) if columns is not None else None
    return line.raw if where is None else "\t".join(cells[: where[0] + 1])


def _cells(line: Line) -> list[str]:
    return [clean_text(c) for c in line.raw.split("\t")]


def _tab_match(line: Line, headings: bool = False, columns: BudgetColumns | None = None) -> BudgetMatch | None:
    """A TAB row of a budget table: [label] name … [Rp] amount [source of funds …].

    With ``headings``, a row naming a programme without any amount (``Program Pengembangan
    Nilai Budaya`` over the kegiatan that carries the amount) is a budget line too. With the
    ``columns`` of a budget-realisation table, the amount is the pagu's column, not the last.
    """
    cells = _cells(line)
    idx = next((i for i in range(len(cells) - 1, -1, -1) if AMOUNT_CELL.match(cells[i])), None)
    spent = share = ""
    if columns is not None and (where := columns.at(cells)) is not None:
        idx, spent = where[0], cells[where[1]]
        share = cells[where[2]] if where[2] is not None else ""
    if idx is None and headings:  # under an Anggaran header: a garbled amount is kept (and reported)
        idx = next((i for i in range(len(cells) - 1, -1, -1) if LOOSE_AMOUNT_CELL.match(cells[i])), None)
    if idx is None:
        filled = [c for c in cells if c]
        if headings and filled and HEADING_CELL.match(filled[0]) and not re.search(r"\d{3}", " ".join(filled[1:])):
            label = m.group(1) if (m := re.match(r"^(\d{1,2}\.?)\s+", filled[0])) else None
            name = collapse(re.sub(r"^\d{1,2}\.?\s+", "", filled[0]))
            return BudgetMatch(label, name, "")
        return None
    before = [c for c in cells[:idx] if c]
    rp = ""
    if before and re.fullmatch(r"Rp\.?", before[-1]):
        rp = before.pop()
    label = None
    if before and (LABEL_CELL.match(before[0]) or GROUP_LABEL.match(before[0])):
        label = before.pop(0)
    name = collapse(" ".join(before))
    if re.search(r"(?:^|\s)Rp\.?(?=\s|$)", name):  # the currency printed beside a wrapped name
        rp = rp or "Rp"
        name = collapse(re.sub(r"(?:^|\s)Rp\.?(?=\s|$)", " ", name))
    if not name or not re.search(r"[A-Za-z]", name):
        return None
    # the number may sit in the name's cell, behind a stray quote or without its space ("“8. Program", "10.Program")
    if label is None and (m := re.match(r"^[“”\"'‘’]?(?:(?P<l>\d{1,2}\.?|[a-z]\.)\s+|(?P<l2>\d{1,2}\.)(?=[A-Z]))(?P<n>\D.*)$", name)):
        label, name = m.group("l") or m.group("l2"), m.group("n")
    amount = cells[idx]
    raw = amount if amount.startswith("Rp") else f"{rp or 'Rp'} {amount}"
    return BudgetMatch(label, name, raw, spent, share)


#: "Anggaran" and the label of the column after it set close on one line of a stacked header ("Anggaran Keterangan").
_ANGGARAN_AND_NOTE = re.compile(r"^anggaran(?:\s*\(\s*rp\.?\s*\))?\s+(?:ket\.?|keterangan|sumber\s+dana)$", re.IGNORECASE)
#: A label of a budget table's header on a line of its own, beside an "Anggaran" line.
_HEADER_PIECE = re.compile(r"^(?:no\.?|nomor|\(rp\.?\)(?:\s*\(rp\.?\))?|%|program|kegiatan|program\s*/\s*kegiatan|uraian|ket\.?|keterangan)$",
                           re.IGNORECASE)


def budget_line_numbers(lines: list[Line], prose: bool = True) -> dict[int, BudgetRow]:
    """Budget lines: "… Rp amount" anywhere (with ``prose``; a report's sentences end so too: "… sebesar
    Rp 630.395.770"), and TAB rows with an amount under an "Anggaran" header.

    The value says what the numbered rows are when the header says so (``"kegiatan"`` under
    ``No | Kegiatan | Anggaran``), and where a budget-realisation table prints its columns.
    """

    found: dict[int, BudgetRow] = {}
    in_budget = in_indicators = False
    stacked = False  # the labels of a budget header set one under another, each a line of its own
    kind: BudgetLevel | None = None
    columns: BudgetColumns | None = None
    above: list[str] = []  # the tab row before, when it printed no amount: a header's first row
    edges = _page_edges(lines)
    for n, ln in enumerate(lines):
        if not ln.is_tab_row:
            if not ln.blank and ln.no not in edges:  # a page's footer ends no table
                text = ln.text.strip()
                if ANGGARAN_HEADER.match(text) or _ANGGARAN_AND_NOTE.match(text):  # "Anggaran" / "No." / "Program / Kegiatan" / "(Rp)"
                    in_budget, in_indicators, stacked, kind, columns = True, False, True, None, None
                elif _ANGGARAN_REALISASI.match(text):  # "Anggaran Realisasi" / "(Rp) (Rp)"
                    in_budget, in_indicators, stacked, kind, columns = True, False, True, None, BY_ORDER
                elif in_budget and stacked and _REALISASI_HEADER.match(text):  # "Anggaran" / "Realisasi (Rp)" / "(Rp)"
                    columns = BY_ORDER
                elif in_budget and not stacked and columns is not None and _wrapped_name(lines, n, found):
                    found[ln.no] = BudgetRow(kind, columns, continues=True)
                elif not (stacked and _HEADER_PIECE.match(text)):
                    in_budget = in_indicators = stacked = False
            if prose and is_budget_line(ln):
                found[ln.no] = BudgetRow()
            continue
        stacked = False
        cells = _cells(ln)
        header_above, above = above, ([] if any(LOOSE_AMOUNT_CELL.match(c) for c in cells) else cells)
        if is_header_row(cells):
            in_indicators, in_budget = True, False
            continue
        if in_indicators and is_subheader_row(cells) and any(role_of(c) in ("Y", "realisasi:Y", "capaian:Y") for c in cells):
            continue  # "Target | Realisasi | … | Anggaran | Realisasi" under a measurement table's header
        if is_budget_line(ln) and not in_indicators:
            # a rupiah target in an indicator table ("Jumlah pendapatan … Rp 2.641.640.000.000") is not a budget line
            found[ln.no] = BudgetRow()
            continue
        if any(ANGGARAN_HEADER.search(c) for c in cells) and not any(AMOUNT_CELL.match(c) for c in cells):
            in_budget, in_indicators = True, False
            words = {c.casefold() for c in cells}
            kind = (
                BudgetLevel.KEGIATAN if "kegiatan" in words and "program" not in words
                else BudgetLevel.PROGRAM if "program" in words and "kegiatan" not in words
                else None
            )
            width = max(len(cells), len(header_above))
            padded = [*cells, *[""] * (width - len(cells))], [*header_above, *[""] * (width - len(header_above))]
            columns = budget_columns([c or a for c, a in zip(*padded, strict=True)])
            continue
        if in_budget and _tab_match(ln, headings=True, columns=columns) is not None:
            found[ln.no] = BudgetRow(kind, columns)
    return found


def _wrapped_name(lines: list[Line], n: int, found: dict[int, BudgetRow]) -> bool:
    """``lines[n]`` is the rest of a budget row's name, wrapped under it in a table set without rulings
    ("1. | Program Pengembangan Ekonomi | 175.283.000 | …" / "Kreatif melalui Pemanfaatan"): words without
    a digit, right under a budget row (or under another such line), and a row with its amounts after them."""
    line = lines[n]
    if re.search(r"\d", line.text) or not re.search(r"\p{L}{2}", line.text) or len(line.text) >= WRAPPED_NAME_LINE:
        return False
    above = next((ln for ln in reversed(lines[:n]) if not ln.blank), None)
    if above is None or above.no not in found or above.page != line.page or _TOTAL_CELL.match(_cells(above)[0]):
        return False
    for ln in lines[n + 1 :]:
        if ln.page != line.page:
            return False
        if ln.blank or (not ln.is_tab_row and not re.search(r"\d", ln.text)):
            continue
        return ln.is_tab_row and any(_THOUSANDS.match(c) for c in _cells(ln))
    return False


#: A line of a budget name wrapped in its cell is shorter than this (characters): the names of the generated
#: and real budget-realisation tables wrap at 30-60 ("Pemeliharaan Barang Milik Daerah Penunjang Urusan"), a line of
#: body text runs 70-90 (extract.text.parties.PROSE_LINE is 60 for the same reason).
WRAPPED_NAME_LINE = 60
_TOTAL_CELL = re.compile(r"^(?:jumlah|total|grand\s+total)\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?\s*(?:,-)?$")


def _page_edges(lines: list[Line]) -> set[int]:
    """The footers between two pieces of a table cut by a page break: a page's last text line
    ("Laporan Kinerja … 2022 38") when the next page goes on with a table row."""
    text = [ln for ln in lines if not ln.blank and ln.page is not None]
    return {before.no for before, after in itertools.pairwise(text)
            if before.page != after.page and not before.is_tab_row and after.is_tab_row}


def _match(line: Line, columns: BudgetColumns | None = None) -> BudgetMatch | None:
    m = BUDGET_RE.match(budget_text(line))
    if m and columns is None:
        return BudgetMatch(m.group("label"), collapse(m.group("name")), f"{m.group('rp')} {m.group('amount')}")
    return _tab_match(line, headings=True, columns=columns) if line.is_tab_row else None


def read_budget(
    lines: list[Line], file: str, rows: dict[int, BudgetRow] | None = None
) -> tuple[list[BudgetLine], list[Problem]]:
    out: list[BudgetLine] = []
    issues: list[Problem] = []
    program: BudgetLine | None = None
    output: BudgetLine | None = None
    heading: BudgetLine | None = None  # a kegiatan printed without an amount: the rows under it are its outputs
    rows = rows or {}
    for line in lines:
        row = rows.get(line.no, BudgetRow())
        if row.continues:
            if out:
                out[-1].name = collapse(f"{out[-1].name} {line.text}")
            continue
        m = _match(line, row.columns)
        if m is None:
            continue
        label, name, raw_amount = m.label, m.name, m.raw_amount
        value = parse_value(raw_amount, expect=Kind.RUPIAH, mend=True)
        printed = bool(raw_amount)  # a programme heading may carry no amount at all
        loc = Location(file=file, line=line.no, cell=raw_amount)
        if OUTPUT_PREFIX.match(name):
            level, name, parent = BudgetLevel.OUTPUT, OUTPUT_PREFIX.sub("", name), program
        elif heading is not None and printed and not HEADING_CELL.match(name):
            level, parent = BudgetLevel.OUTPUT, heading
        elif row.level is BudgetLevel.KEGIATAN and not name.casefold().startswith("program") or name.casefold().startswith("kegiatan ") and program is not None:
            level, parent = BudgetLevel.KEGIATAN, output or program
        elif row.level is BudgetLevel.PROGRAM and not (label and label[0].isalpha()):
            level, parent = BudgetLevel.PROGRAM, None  # rows under a "Program | Anggaran" header
        elif label and label[0].isdigit():
            level, parent = BudgetLevel.PROGRAM, None
        elif label:
            level, parent = BudgetLevel.KEGIATAN, output or program
        elif name.casefold().startswith("program"):
            level, parent = BudgetLevel.PROGRAM, None
        else:
            level, parent = BudgetLevel.KEGIATAN, output or program
        spent = parse_value(m.raw_realisasi, expect=Kind.RUPIAH, mend=True) if m.raw_realisasi else None
        share = parse_value(m.raw_persen, mend=True) if m.raw_persen else None
        entry = BudgetLine(
            level=level, label=label, name=name, amount=value.amount, value=value,
            parent=parent.name if parent else None, realisasi=spent, persen=share, location=loc,
        )
        issues.extend(value.problems(loc))
        for extra, column in ((spent, "realisasi_rp"), (share, "persen")):
            if extra is not None:
                issues.extend(extra.problems(loc.model_copy(update={"column": column, "cell": extra.raw})))
        if value.amount is None and printed:
            issues.append(Problem(
                check="budget_amount_unreadable", severity=Severity.ERROR,
                message=f"budget line '{name}' has no readable amount", location=loc,
            ))
        out.append(entry)
        if level is BudgetLevel.PROGRAM:
            program, output, heading = entry, None, None
        elif level is BudgetLevel.OUTPUT:
            output = entry if heading is None else output
        elif level is BudgetLevel.KEGIATAN:
            heading = None if printed else entry
    return _drop_subtotals(out), issues


def _drop_subtotals(lines: list[BudgetLine]) -> list[BudgetLine]:
    """Group rows (``A.``, ``B.``) whose amount is exactly the sum of the rows under them, up to the
    next group: subtotals of the budget, not lines of it (the raw table keeps them). A group that
    does not add up is kept, so the audit's sums can show it."""
    groups = [k for k, b in enumerate(lines) if b.label and GROUP_LABEL.match(b.label)]
    drop = set()
    for n, k in enumerate(groups):
        end = groups[n + 1] if n + 1 < len(groups) else len(lines)
        under = lines[k + 1 : end]
        if under and lines[k].amount is not None and all(b.amount is not None for b in under) \
                and sum(b.amount for b in under) == lines[k].amount:
            drop.add(k)
    return [b for k, b in enumerate(lines) if k not in drop]


def budget_from_actions(indicators: list[Indicator]) -> list[BudgetLine]:
    """A Rencana Aksi's budget: each programme heading and each kegiatan with its ANGGARAN, once,
    in the order they first appear (a kegiatan over several indicators prints its amount again)."""
    out: list[BudgetLine] = []
    seen: set[tuple[BudgetLevel, str]] = set()
    for ind in indicators:
        for a in ind.actions:
            if a.program and (BudgetLevel.PROGRAM, a.program) not in seen:
                seen.add((BudgetLevel.PROGRAM, a.program))
                out.append(BudgetLine(level=BudgetLevel.PROGRAM, name=a.program, amount=None, value=parse_value(""), location=a.location))
            if a.aksi and a.anggaran is not None and (BudgetLevel.KEGIATAN, a.aksi) not in seen:
                seen.add((BudgetLevel.KEGIATAN, a.aksi))
                out.append(BudgetLine(level=BudgetLevel.KEGIATAN, name=a.aksi, amount=a.anggaran.amount, value=a.anggaran,
                                      parent=a.program, location=a.location.model_copy(update={"cell": a.anggaran.raw})))
    return out


def budget_from_levels(indicators: list[Indicator]) -> list[BudgetLine]:
    """A Permendagri realisasi table's programmes, kegiatan and sub-kegiatan, once each, in order,
    each under the one it belongs to, numbered as the row is; its amount is the pagu the row prints
    (an Evaluasi Renja's Rp target for the year; none when it prints only what was spent), its
    realisasi the year's Rp spent when printed."""
    out: list[BudgetLine] = []
    seen: set[tuple[BudgetLevel, str, str | None]] = set()
    parents: dict[BudgetLevel, str] = {}
    above = {BudgetLevel.KEGIATAN: BudgetLevel.PROGRAM, BudgetLevel.SUB_KEGIATAN: BudgetLevel.KEGIATAN}
    for ind in indicators:
        if ind.kategori not in LEVELS_OF_SHEET or not ind.sasaran:
            continue
        level, name = BudgetLevel(ind.kategori), ind.sasaran
        parent = parents.get(above.get(level))
        if (level, name, parent) in seen:
            continue  # the same row's next indicator
        seen.add((level, name, parent))
        parents[level] = name
        if level is BudgetLevel.PROGRAM:
            parents.pop("kegiatan", None)  # a new programme closes the kegiatan of the one before
        spent = next((t.value for t in ind.realisasi_rp if t.period.value == "Y"), None)
        out.append(BudgetLine(level=level, label=ind.item_no, name=name, amount=ind.anggaran.amount if ind.anggaran else None,
                              value=ind.anggaran or parse_value(""), parent=parent, realisasi=spent, location=ind.location))
    return out
