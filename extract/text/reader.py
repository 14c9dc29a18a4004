"""Read a text rendering of a PDF into :class:`~extract.models.Document` objects."""

from __future__ import annotations

from datetime import date

import regex as re

from core.problems import Location, Problem, Severity
from extract.models import BudgetLevel, BudgetLine, DocType, Document, Header, Party, Period, RawTable, Role, Section, Signature, TableMethod
from extract.skp import ekinerja
from extract.skp.read import period_sheet, read_skp
from extract.skp.recognise import BKN_FORMS, form_of, skp_segments
from extract.text import budget as budget_mod
from extract.text import levels
from extract.text.layout import find_layout_table, read_layout_table
from extract.text.parties import MONTHS, resolve_parties, scan_skp_parties, skp_block
from extract.text.repeats import merge_repeated
from extract.text.rows import Cells, assemble
from extract.text.segment import (
    CAPTION,
    Line,
    Segment,
    guess_type_from_header,
    is_regulation,
    read_lines,
    split_documents,
    table_blocks,
    title_type,
)
from extract.text.tables import scan_blocks
from normalize.text import clean_text, collapse
from normalize.values import Kind, parse_value

SECTION_TITLES = re.compile(r"^(?P<t>DUKUNGAN SUMBER DAYA|SKEMA PERTANGGUNGJAWABAN|KONSEKUENSI)\b")
INSTANSI_START = re.compile(r"^(?:KEMENTERIAN|MENTERI|PEMERINTAH(?=\s+(?:PROVINSI|KABUPATEN|KOTA|DAERAH|REPUBLIK)\b)|BADAN|LEMBAGA|SEKRETARIAT|KOMISI|DINAS|INSPEKTORAT)\b")
STOP_INSTANSI = re.compile(r"^(?:TAHUN|NOMOR|PERIODE|PERJANJIAN|RINCIAN|SASARAN|LAMPIRAN|INISIATIF|RENCANA)\b")
# the unit or official under the instansi heading ("KEPALA BIDANG …", "BALAI …") is not part of it
STOP_UNIT = re.compile(r"^(?:DIREKTUR|DIREKTORAT|KEPALA|BIDANG|SEKSI|BALAI|UPTD?|SUB\s*BAG(?:IAN)?|SEKRETARIAT)\b")
JABATAN_START = re.compile(r"^(?:KEPALA|SEKRETARIS|DIREKTUR|INSPEKTUR|GUBERNUR|BUPATI|WALI\s*KOTA|CAMAT|DEPUTI|ASISTEN)\b")
# "Jumlah Anggaran", or a budget table's "TOTAL ANGGARAN" row (printed "ANGARAN" too)
JUMLAH_ANGGARAN = re.compile(r"(?:Jumlah|Total)\s+Ang+aran\b.*?(?P<amt>Rp\.?\s*\d[\d.,]*\d)", re.IGNORECASE)
#: A budget table's last row naming nothing but its total: ``Jumlah | Rp 6.249.001.000``, ``TOTAL | 1.250.000``.
TOTAL_ROW = re.compile(r"^(?:Jumlah|Total|Grand\s+Total)(?:\s+(?:Anggaran|Keseluruhan|Total|Biaya))?\s*:?\s*"
                       r"(?P<amt>(?:Rp\.?\s*)?\d[\d.,]*\d)\s*$", re.IGNORECASE)


def is_total(text: str, budget: bool = False) -> re.Match | None:
    """The budget's total on a line: "Jumlah Anggaran … Rp X" anywhere, or (``budget``: a line the
    budget reader took) a row of a total alone.

    >>> is_total("Jumlah Anggaran Kegiatan Rp 7.315.466.938.000")["amt"]
    'Rp 7.315.466.938.000'
    >>> is_total("Jumlah Rp. 6.249.001.000", budget=True)["amt"], is_total("Jumlah Rp. 6.249.001.000") is None
    ('Rp. 6.249.001.000', True)
    >>> is_total("Jumlah Desa Cinta Statistik Rp 5.000.000", budget=True) is None
    True
    """
    text = clean_text(text.replace("\t", " "))
    return JUMLAH_ANGGARAN.search(text) or (TOTAL_ROW.match(text) if budget else None)


# where an instansi heading goes on with the period ("… PERIODE PENILAIAN …", "… KABUPATEN BOYOLALI TAHUN 2026")
INSTANSI_END = re.compile(r"\s+(?:PERIODE\b|TAHUN\s+(?:ANGGARAN\s+)?(?:19|20)\d{2}\b).*$")
# a title that names the instansi after the document's kind, on one line
TITLE_NAMES_INSTANSI = re.compile(
    r"^(?:RENCANA\s+AKSI(?:\s+ATAS)?\s+)?(?:LAMPIRAN\s+)?PERJANJIAN\s+KINERJA\s+(?P<instansi>(?:KEMENTERIAN|BADAN|DINAS|INSPEKTORAT|SEKRETARIAT|LEMBAGA|KOMISI)\b.+)$"
)
# the official a PK's title names, where no instansi heading stands above it: "PERJANJIAN KINERJA TAHUN
# 2021 / KEPALA BALAI …" is the agreement of the head of that balai (a bidang or seksi is no instansi)
TITLE_OFFICIAL = re.compile(r"^KEPALA\s+(?P<instansi>(?:BALAI|BADAN|DINAS|KANTOR|UPTD?|LEMBAGA|INSPEKTORAT)\b.+)$")
YEAR_RE = re.compile(r"\b(?:TAHUN|Tahun)(?:\s+(?:ANGGARAN|Anggaran))?\s*:?\s+(?P<y>(?:19|20)\d{2})\b")


def doc_id_for(stem: str, index: int, doc_type: DocType) -> str:
    return f"{stem}--{index:02d}-{doc_type.value}"


def read_text_documents(text: str, source_file: str, stem: str) -> list[Document]:
    """Every document in one text rendering (an empty list when none is recognised)."""
    lines = read_lines(text)
    if is_regulation(text):
        return [_regulation(lines, text, source_file, stem)]
    exported = ekinerja.read_export(lines, source_file, stem)  # an e-Kinerja export: one document per evaluation
    if exported is not None:
        return exported
    docs: list[Document] = []
    for seg in skp_segments(split_documents(lines)):
        doc_type = seg.doc_type or guess_type_from_header(seg)
        if doc_type is None:
            continue
        doc = _agreement(seg, doc_type, source_file, doc_id_for(stem, len(docs) + 1, doc_type))
        if doc_type is DocType.LKJ and not (doc.indicators or doc.budget):
            continue  # a report's chapter without a performance table: nothing to read (the file is skipped as such)
        docs.append(doc)
    return docs


# --- regulations ----------------------------------------------------------------------------


def _regulation(lines: list[Line], text: str, source_file: str, stem: str) -> Document:
    doc = Document(doc_id=doc_id_for(stem, 1, DocType.REGULATION), source_file=source_file, doc_type=DocType.REGULATION)
    doc.span = (lines[0].no, lines[-1].no) if lines else None
    header = doc.header
    header.instansi = _instansi(lines)
    for line in lines[:80]:
        m = re.match(r"^NOMOR\s*:?\s*(?P<n>.+?)(?:\s+TAHUN\s+(?P<y>\d{4}))?$", line.text)
        if m:
            header.nomor = re.sub(r"\s*([-/])\s*", r"\1", collapse(m.group("n")))
            if m.group("y"):
                header.year = int(m.group("y"))
            break
    m = re.search(
        r"Ditetapkan\s+di\s+(?P<place>[A-Z][a-z]+)\s+[Pp]ada\s+tanggal\s+(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\s+(?P<y>\d{4})",
        collapse(text),
    )
    if m and m.group("m").casefold() in MONTHS:
        header.place = m.group("place")
        header.date = date(int(m.group("y")), MONTHS[m.group("m").casefold()], int(m.group("d")))
        header.date_raw = f"{m.group('d')} {m.group('m')} {m.group('y')}"
        header.year = header.year or int(m.group("y"))
    if header.year is None and header.nomor and (y := re.search(r"(?:19|20)\d{2}", header.nomor)):
        header.year = int(y.group(0))
    titles = [ln.text for ln in lines[:40] if re.match(r"^(?:PERATURAN|KEPUTUSAN)\b", ln.text)]
    header.title = titles[0] if titles else None
    doc.tables = scan_blocks(table_blocks(lines), source_file).raw_tables
    doc.settle_status()
    return doc


CAPTION_INSTANSI = re.compile(r"^(?:Perangkat\s+Daerah|SKPD|OPD|Instansi)\s*:\s*(?P<instansi>\S.*)$", re.IGNORECASE)


def _instansi(lines: list[Line], limit: int = 40) -> str | None:
    """The upper-case heading naming the ministry or government, possibly over two lines; or a
    caption that names it (``Perangkat Daerah : Badan …``, as an Evaluasi Renja prints it); where
    there is neither, the unit whose head the title names (``PERJANJIAN KINERJA … / KEPALA BALAI …``)."""
    nonblank = [ln for ln in lines[:limit] if not ln.blank and not ln.is_tab_row and not ln.is_pipe_row]
    if caption := next((m for ln in nonblank if (m := CAPTION_INSTANSI.match(ln.text))), None):
        return collapse(caption["instansi"])
    return _instansi_heading(nonblank) or _instansi_heading(nonblank, official=True)


def _instansi_heading(nonblank: list[Line], official: bool = False) -> str | None:
    for i, line in enumerate(nonblank):
        text = INSTANSI_END.split(line.text)[0]
        if (m := CAPTION.match(line.text)) and title_type(line) is not None:
            text = INSTANSI_END.split(line.text[m.end():].upper())[0]  # "Tabel 2.1 Perjanjian Kinerja Inspektorat … Tahun 2022"
        if (m := TITLE_NAMES_INSTANSI.match(text)) and _upper(text):
            return collapse(m["instansi"])  # "RENCANA AKSI ATAS PERJANJIAN KINERJA BADAN … TAHUN 2026"
        if official:
            if not (i > 0 and (m := TITLE_OFFICIAL.match(text)) and _upper(text) and title_type(nonblank[i - 1]) is not None
                    and nonblank[i - 1].no == line.no - 1):
                continue
            text = m["instansi"]  # "PERJANJIAN KINERJA TAHUN 2021 / KEPALA BALAI …": the balai
        elif not INSTANSI_START.match(text) or not _upper(text):
            continue
        parts = [text]
        # the heading ends where the line goes on with the period ("… PERIODE PENILAIAN: …", "… TAHUN 2026")
        closed = line.raw.rstrip().endswith("**") or text != line.text
        j = i + 1
        while not closed and "INDONESIA" not in parts[-1] and j < len(nonblank) and nonblank[j].no == nonblank[j - 1].no + 1:
            nxt = nonblank[j].text
            if not _upper(nxt) or STOP_INSTANSI.match(nxt) or INSTANSI_START.match(nxt) or STOP_UNIT.match(nxt):
                break
            cut = INSTANSI_END.split(nxt)[0]
            parts.append(cut)
            closed = nonblank[j].raw.rstrip().endswith("**") or cut != nxt
            j += 1
        return collapse(" ".join(parts))
    return None


#: The unit an official heads, by the title of its head: "KEPALA DINAS X" heads DINAS X, "INSPEKTUR
#: KABUPATEN X" the INSPEKTORAT KABUPATEN X, "CAMAT X" the KECAMATAN X.
_HEAD_OF = (
    (re.compile(r"^KEPALA\s+(?P<rest>(?:DINAS|BADAN|BALAI|KANTOR|UPTD?|LEMBAGA|BIRO|PUSAT|SATUAN|DIREKTORAT|RUMAH\s+SAKIT)\b.+)$",
                re.IGNORECASE), ""),
    (re.compile(r"^INSPEKTUR\s+(?P<rest>(?:KABUPATEN|KOTA|PROVINSI|DAERAH|JENDERAL)\b.*)$", re.IGNORECASE), "INSPEKTORAT "),
    (re.compile(r"^SEKRETARIS\s+(?P<rest>DAERAH\b.+)$", re.IGNORECASE), "SEKRETARIAT "),
    (re.compile(r"^CAMAT\s+(?P<rest>\S.+)$", re.IGNORECASE), "KECAMATAN "),
)


def instansi_headed_by(jabatan: str | None) -> str | None:
    """The unit an official's title says they head, in the title's own case; None for a title
    that heads no unit of its own (a Kepala Bidang heads part of one).

    >>> instansi_headed_by("INSPEKTUR KABUPATEN JOMBANG"), instansi_headed_by("Kepala Dinas Pertanian Kabupaten Bantul")
    ('INSPEKTORAT KABUPATEN JOMBANG', 'Dinas Pertanian Kabupaten Bantul')
    >>> instansi_headed_by("Inspektur Jenderal"), instansi_headed_by("Kepala Bidang Produksi") is None
    ('Inspektorat Jenderal', True)
    """
    text = collapse(jabatan or "").rstrip(",")
    for pattern, unit in _HEAD_OF:
        if m := pattern.match(text):
            prefix = unit if text.isupper() else unit.title()
            return collapse(f"{prefix}{m['rest']}")
    return None


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.9


# --- agreements -----------------------------------------------------------------------------


def _agreement(seg: Segment, doc_type: DocType, source_file: str, doc_id: str) -> Document:
    doc = Document(doc_id=doc_id, source_file=source_file, doc_type=doc_type, span=seg.span)
    lines = seg.lines
    if doc_type in (DocType.SKP, DocType.LAMPIRAN_SKP):
        doc.form = form_of(lines)
    bkn = doc_type is DocType.SKP and doc.form in BKN_FORMS  # a national form: its own reader (extract.skp)
    line_text = {ln.no: ln.text for ln in lines}
    # a PK's budget, and a report's budget-realisation table
    budget_kinds = budget_mod.budget_line_numbers(lines, prose=doc_type is DocType.PK) if doc_type in (DocType.PK, DocType.LKJ) else {}
    # a total row of a budget-realisation table is read up to its pagu (its realisasi and share beside it)
    pagu = {ln.no: budget_mod.pagu_text(ln, columns) for ln in lines
            if ln.no in budget_kinds and (columns := budget_kinds[ln.no].columns) is not None}
    line_text.update(pagu)
    budget_lines = {no for no in budget_kinds if not is_total(line_text[no], budget=True)}
    blocks = []
    for block in table_blocks(lines):  # the budget's lines, its Jumlah Anggaran too, are no rows of a table of targets
        block.rows = [(no, cells) for no, cells in block.rows if no not in budget_kinds]
        if block.rows:
            blocks.append(block)

    excluded: set[int] = {ln.no for ln in seg.title_lines} | budget_lines
    scan = scan_blocks(blocks, source_file)
    doc.tables = list(scan.raw_tables)
    rows_by_table: list[tuple[list[Cells], set[str]]] = [(t.rows, t.role_set) for t in scan.tables]
    if not scan.tables:
        start = 0
        while (found := find_layout_table(lines, start)) is not None:
            index, table = found
            table = read_layout_table(lines, index, table)
            roles = {"no", "code", "indicator", *table.periods}
            if any("sasaran" in r.values for r in table.rows):
                roles.add("sasaran")
            if table.has_perspektif:
                roles.add("perspektif")
            for row in table.rows:  # each row knows its table (a report's repeated indicators merge across tables only)
                row.table = len(doc.tables)
            rows_by_table.append((table.rows, roles))
            doc.tables.append(RawTable(
                index=len(doc.tables), method=TableMethod.TEXT_LAYOUT, quality=_layout_quality(table.rows, table.periods),
                rows=[[r.values.get(k, "") for k in ("no", "sasaran", "code", "indicator", *table.periods)] for r in table.rows],
                location=Location(file=source_file, line=lines[index].no),
            ))
            end = table.end_line or lines[index].no
            excluded |= {ln.no for ln in lines if lines[index].no <= ln.no <= end}
            start = next((k for k, ln in enumerate(lines) if ln.no > end), len(lines))

    unit: str | None = None
    if bkn:
        rows_by_table = []
    for rows, roles in rows_by_table:
        assembly = assemble(rows, roles, doc_type, source_file)
        unit = unit or assembly.unit
        doc.indicators.extend(assembly.indicators)
        doc.initiatives.extend(assembly.initiatives)
        doc.issues.extend(assembly.issues)

    if doc_type in (DocType.PK, DocType.LKJ):
        doc.budget, issues = budget_mod.read_budget([ln for ln in lines if ln.no in budget_lines], source_file, budget_kinds)
        doc.issues.extend(issues)
    elif doc_type is DocType.RENCANA_AKSI:
        doc.budget = budget_mod.budget_from_actions(doc.indicators)
    sheet = any(i.realisasi_rp or i.kategori in (levels.KEGIATAN, levels.SUB_KEGIATAN) for i in doc.indicators)
    if not doc.budget and sheet and any(i.kategori == levels.PROGRAM for i in doc.indicators):
        # a realisasi sheet's programmes and kegiatan (a plan that names a programme among its sasaran has no budget)
        doc.budget = budget_mod.budget_from_levels(doc.indicators)
    for ini in doc.initiatives:
        if ini.biaya is not None:
            doc.budget.append(BudgetLine(
                level=BudgetLevel.INISIATIF, label=ini.no, name=ini.inisiatif, amount=ini.biaya.amount, value=ini.biaya,
                location=ini.location,
            ))

    table_parties: list[Party] = []
    if bkn and doc.form is not None:
        skp = read_skp(lines, doc.form, source_file)
        doc.skp, doc.indicators = skp.sheet, skp.indicators
        doc.issues.extend(skp.issues)
        table_parties = skp.parties
    elif doc.form is not None:
        doc.skp = period_sheet(lines, source_file)
    if doc_type is DocType.SKP and not bkn:
        table_parties = scan_skp_parties(lines, source_file)
        if (block := skp_block(lines)) is not None:
            excluded |= {ln.no for ln in lines[block[0] : block[1] + 1]}
    doc.sections = _sections(lines, source_file)
    for section in doc.sections:
        excluded |= set(range(section.location.line or 0, (section.location.line or 0) + section.span))
    title_jabatan = _fill_header(doc, seg, lines, set(budget_kinds), pagu)
    doc.header.instansi = doc.header.instansi or unit
    doc.parties, sig = resolve_parties(doc_type, _runs(lines, excluded), source_file, doc.header.jabatan, table_parties)
    first = doc.party(Role.PIHAK_PERTAMA)
    if first is not None and first.jabatan is None and doc_type is DocType.PK and title_jabatan:
        # the PK's title names the official who promises ("KEPALA SEKSI …") when the signature does not
        first.jabatan = title_jabatan
    if doc.header.instansi is None and doc_type is DocType.LKJ and (signer := doc.party(Role.PENANDATANGAN)) is not None:
        doc.header.instansi = instansi_headed_by(signer.jabatan)  # a report signed by the head of its unit
    doc.header.e_signed = sig.e_signed or any(re.search(r"Ditandatangani\s+secara\s+elektronik", ln.text, re.IGNORECASE) for ln in lines)
    if doc.header.e_signed:  # the mark of an electronic signature (BSrE) signs every party of the document
        for party in doc.parties:
            party.signature = party.signature or Signature.ELECTRONIC
    doc.header.place = sig.place
    doc.header.date_raw = sig.date_raw
    if sig.ymd:
        try:
            doc.header.date = date(*sig.ymd)
        except ValueError:
            doc.issues.append(Problem(check="date_invalid", severity=Severity.WARNING, message=f"signing date '{sig.date_raw}' is not a real date", location=Location(file=source_file)))
    if doc.header.year is None and doc.skp is not None and doc.skp.period is not None and doc.skp.period.year:
        doc.header.year = doc.skp.period.year  # an SKP's year is its period's
    if doc.header.year is None and doc.header.date:
        doc.header.year = doc.header.date.year
    _settle_target_years(doc)
    if doc_type is DocType.LKJ:  # a report measures its indicators in table after table
        doc.indicators, merged = merge_repeated(doc.indicators, source_file)
        doc.issues.extend(merged)
    doc.header.unit = _unit(doc)
    _check_shape(doc)
    _paginate(doc, lines)
    doc.settle_status()
    return doc


def _settle_target_years(doc: Document) -> None:
    """A column of the document's own year ("Target 2024" in a PK 2024) is its year's target;
    columns of other years keep their year. When no column holds the document's year, which of
    them the agreement promises is a reader's question: reported, never guessed."""
    year = doc.header.year
    years: set[int] = set()
    for ind in doc.indicators:
        plain = ind.target(Period.Y) is not None
        for t in ind.targets:
            if t.year is not None and t.year == year and not plain:
                t.year = None
            elif t.year is not None:
                years.add(t.year)
        for measures in (ind.realisasi, ind.capaian):  # "Realisasi 2022" in a report of 2022 is the year's own
            plain_periods = {m.period for m in measures if m.year is None}
            for m in measures:
                if m.year is not None and m.year == year and m.period not in plain_periods:
                    m.year = None
    if years and not any(ind.target(Period.Y) for ind in doc.indicators):
        printed = ", ".join(str(y) for y in sorted(years))
        doc.issues.append(Problem(
            check="target_year_ambiguous", severity=Severity.WARNING, component="extract",
            message=f"the targets are printed for {printed}, none for the document's year {year or '(unknown)'}:"
                    " the year the agreement promises is not read",
            location=Location(file=doc.source_file),
        ))


def _paginate(doc: Document, lines: list[Line]) -> None:
    """When the rendering marks pages, every location also names its page."""
    page_of = {ln.no: ln.page for ln in lines if ln.page is not None}
    if not page_of:
        return

    def fix(loc: Location) -> Location:
        if loc.line in page_of and loc.page is None:
            return loc.model_copy(update={"page": page_of[loc.line]})
        return loc

    for ind in doc.indicators:
        ind.location = fix(ind.location)
        for t in (*ind.targets, *ind.realisasi, *ind.capaian, *ind.realisasi_rp):
            t.location = fix(t.location)
        for a in ind.actions:
            a.location = fix(a.location)
    for group in (doc.budget, doc.parties, doc.initiatives, doc.sections, doc.tables):
        for item in group:
            item.location = fix(item.location)
    doc.issues = [p.model_copy(update={"location": fix(p.location)}) for p in doc.issues]
    pages = sorted(set(page_of.values()))
    doc.pages = pages[-1] - pages[0] + 1


def _runs(lines: list[Line], excluded: set[int]) -> list[list[Line]]:
    """The document's free text in runs; tables, titles, sections and key-value blocks cut them."""
    runs: list[list[Line]] = [[]]
    for ln in lines:
        if ln.no in excluded or ln.is_tab_row or ln.is_pipe_row:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(ln)
    return [r for r in runs if r]


def _layout_quality(rows: list[Cells], periods: list[str]) -> float:
    ind = [r for r in rows if r.values.get("indicator")]
    if not ind:
        return 0.0
    full = sum(all(r.values.get(p) for p in periods) for r in ind)
    return round(full / len(ind), 3)


def _fill_header(doc: Document, seg: Segment, lines: list[Line], budget: frozenset[int] | set[int] = frozenset(),
                 pagu: dict[int, str] | None = None) -> str | None:
    """Fill the header; return the official's title as printed in the title lines (KEPALA …), if any.
    ``pagu``: the budget-realisation rows' text up to their pagu, by line number."""
    header: Header = doc.header
    title_text = collapse(" ".join(ln.text for ln in seg.title_lines))
    header.title = title_text or None
    if m := re.search(r"NOMOR\s*:?\s*(?P<n>[A-Z0-9][\w.-]*(?:\s*/\s*[\w.-]+)*)", title_text):
        header.nomor = re.sub(r"\s*/\s*", "/", m.group("n"))
    # a sheet without a letterhead may name its unit in the page footer (the last lines)
    header.instansi = _instansi(lines, limit=60) or _instansi([ln for ln in lines if not ln.blank][-4:])
    jabatan_lines = [
        ln.text for ln in seg.title_lines[1:]
        if not STOP_INSTANSI.match(ln.text) and not INSTANSI_START.match(ln.text) and re.search(r"[A-Z]{3}", ln.text)
    ]
    official = [t for t in jabatan_lines if JABATAN_START.match(t)]
    if jabatan_lines:
        # an official's title ("KEPALA SEKSI …") beats a unit line ("BALAI …") above it
        header.jabatan = collapse((official or jabatan_lines)[0]).title()
    # a label and its value may sit on two lines: "Tahun Anggaran" / ": 2016"
    joined = [f"{ln.text} {lines[k + 1].text}" if k + 1 < len(lines) and lines[k + 1].text.startswith(":") else ln.text
              for k, ln in enumerate(lines)]
    for text in [title_text, *joined]:
        if m := YEAR_RE.search(text):
            header.year = int(m.group("y"))
            break
    # the first "Jumlah Anggaran … Rp"; else the budget's last row of a total alone (the rows before it
    # may be subtotals: "Jumlah" under each programme)
    found = next(((ln, m) for ln in lines if (m := is_total(ln.raw))), None)
    if found is None:
        found = next(((ln, m) for ln in reversed(lines)
                      if ln.no in budget and (m := is_total((pagu or {}).get(ln.no, ln.raw), budget=True))), None)
    if found is not None:
        ln, m = found
        value = parse_value(m.group("amt"), expect=Kind.RUPIAH)
        loc = Location(file=doc.source_file, line=ln.no, page=ln.page, cell=m.group("amt"))
        header.jumlah_anggaran, header.jumlah_anggaran_location = value, loc
        doc.issues.extend(value.problems(loc))
    return collapse(official[0]) if official else None


def _unit(doc: Document) -> str | None:
    for role in (Role.PIHAK_PERTAMA, Role.PEGAWAI, Role.PENANDATANGAN):
        p = doc.party(role)
        if p is not None and (p.unit_kerja or p.jabatan):
            return p.unit_kerja or p.jabatan
    return doc.header.jabatan


def _sections(lines: list[Line], file: str) -> list[Section]:
    sections: list[Section] = []
    current: Section | None = None
    for line in lines:
        text = clean_text(line.raw.replace("\t", " "))
        if m := SECTION_TITLES.match(text):
            current = Section(title=m.group("t"), location=Location(file=file, line=line.no))
            sections.append(current)
            continue
        if current is None:
            continue
        if m := re.match(r"^(?P<n>\d{1,2})\.?\s+(?P<t>\D.*)$", text):
            current.items.append(collapse(m.group("t")))
            current.span = line.no - (current.location.line or line.no) + 1
        elif text and (re.match(r"^(?:No|NO)\b", text) or _upper(text) or not re.match(r"^\d", text)):
            current = None
    return sections


def _check_shape(doc: Document) -> None:
    """A document that should carry indicators but none were read is reported, not silently empty."""
    if doc.doc_type is not DocType.REGULATION and not doc.indicators:
        doc.issues.append(Problem(
            check="no_indicators", severity=Severity.ERROR,
            message=f"no indicator rows were recognised in this {doc.doc_type.value}",
            location=Location(file=doc.source_file, line=doc.span[0] if doc.span else None),
        ))
    # a realisasi report (an Evaluasi Renja) prints what was realised, not the targets
    report_only = not any(i.targets for i in doc.indicators) and any(i.realisasi or i.realisasi_rp for i in doc.indicators)
    for ind in doc.indicators:
        if not ind.targets and doc.doc_type not in (DocType.INISIATIF_STRATEGIS,) and not report_only:
            doc.issues.append(Problem(
                check="indicator_without_target", severity=Severity.WARNING,
                message=f"indicator '{ind.name}' has no target column", location=ind.location,
            ))


__all__ = ["doc_id_for", "read_text_documents"]
