"""Read a national SKP form (PP 46/2011, PermenPANRB 8/2021 or 6/2022) from its text rendering.

Every medium reaches this reader as the same rendering (TAB rows for table rows, plain lines for
the rest): a PDF's ruled or unruled tables, a scan's OCR'd cells, a DOCX table, a spreadsheet's
rows. The reader finds, by their column headers, the tables of work items (a PP 46 kegiatan
table with target and realisasi of the four aspects; an 8/2021 or 6/2022 table of rencana
(hasil) kerja and their IKI), and by their labels the values printed once (nilai capaian SKP,
perilaku, jumlah, nilai rata-rata, weights, NPK, nilai akhir SKP, ratings, predikat), wherever
they sit: in a table row or in a line of text. It never computes: :mod:`score.skp` does.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from core.problems import Location, Problem, Severity
from extract.models import Indicator, Party, Period, Role, SkpForm, Target
from extract.skp.model import (
    Aspect,
    AspectMeasure,
    PerilakuItem,
    SkpItem,
    SkpPeriod,
    SkpSection,
    SkpSheet,
    SkpValue,
    SkpValueKey,
)
from extract.text.parties import MONTHS, nip_of
from extract.text.segment import Line
from extract.text.tables import spelled_like
from normalize.text import clean_text, collapse
from normalize.values import Kind, Value, parse_value

# --- rows ----------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the rendering: a table row's cells, or a plain line as one cell."""

    line: Line
    cells: list[str]
    tab: bool

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]

    @property
    def text(self) -> str:
        return collapse(" ".join(self.filled))

    def loc(self, file: str, cell: str | None = None, column: str | None = None) -> Location:
        return Location(file=file, line=self.line.no, page=self.line.page, column=column, cell=cell)


_SPECK_TAIL = re.compile(r"(?<=\S)\s+[:;|_~\-–.,'`]+$")


def tidy(cell: str) -> str:
    """A cell without the speck a scan leaves after its text (``Tepat waktu -``, ``Susanti, M.Kes. :``);
    a cell that is only a dash keeps it (it prints 'none').

    >>> tidy("Tepat waktu -"), tidy("-"), tidy("Rudi Hartono, S.T. :"), tidy("12 bulan")
    ('Tepat waktu', '-', 'Rudi Hartono, S.T.', '12 bulan')
    """
    return _SPECK_TAIL.sub("", cell)


_LONE_NUMBER = re.compile(r"^(?:\d{1,3}(?:[.,]\d{1,2})?|\(\s*[A-Za-z ]{4,20}\s*\))$")


def rows_of(lines: list[Line]) -> list[Row]:
    """The rendering's rows. A line holding only a number or a sebutan (``91``, ``86,00``,
    ``(Baik)``, ``Baik``) goes on the line of text just above it (or the cell just above it on
    that row), as the next cell: a table read as loose lines (a scan whose grid was not found)
    prints each cell on a line of its own."""
    out: list[Row] = []
    last = -1  # the number of the last line a row took
    for ln in lines:
        if ln.is_tab_row:
            out.append(Row(ln, [tidy(clean_text(c.replace("**", ""))) for c in ln.raw.split("\t")], True))
            last = ln.no
        elif not ln.blank:
            if out and not out[-1].tab and (_LONE_NUMBER.match(ln.text) or _lone_label(ln.text)) and last == ln.no - 1:
                out[-1].cells.append(ln.text)  # ("81" then "(Baik)": each cell on a line of its own)
            else:
                out.append(Row(ln, [ln.text], False))
            last = ln.no
    return out


def _lone_label(text: str) -> bool:
    """A line that is a sebutan or predikat alone (``Baik``, ``Sangat Baik``)."""
    word = label_word(text)
    return word is not None and fold(text) == fold(word)


def fold(text: str) -> str:
    """A label folded for matching: lower case, letters and digits only, single spaces.

    >>> fold("KUANT/ OUTPUT"), fold("I. Kegiatan Tugas Jabatan"), fold("Kual/Mutu")
    ('kuant output', 'i kegiatan tugas jabatan', 'kual mutu')
    """
    return collapse(_NOT_WORD.sub(" ", text.casefold()))


_NOT_WORD = re.compile(r"[^\p{L}\p{N}]+")


@functools.lru_cache(maxsize=4096)  # a form's labels are asked for again on every row and in every reading
def header_label(text: str) -> str:
    """A header label folded, without the specks a scan leaves at its ends (tokens of one or two
    characters before or after the words): ``D0 INDIKATOR KINERJA INDIVIDU``, ``PEGAWAI YANG
    DINILAI st 2``. A label of one short word (``NO``, ``AK``) is kept.

    >>> header_label("D0 INDIKATOR KINERJA INDIVIDU"), header_label("PEGAWAI YANG DINILAI st 2"), header_label("AK"), header_label("I. Kegiatan")
    ('indikator kinerja individu', 'pegawai yang dinilai', 'ak', 'i kegiatan')
    """
    words = fold(text).split()
    while len(words) > 1 and len(words[0]) <= 2 and words[0] not in ("i", "ii", "iii", "no"):
        words.pop(0)
    while len(words) > 1 and len(words[-1]) <= 2 and words[-1] not in ("i", "ii", "iii"):
        words.pop()
    return " ".join(words)


# --- labels printed beside numbers ---------------------------------------------------------------

#: Sebutan and predikat words, longest first (so "Sangat Baik" is not read as "Baik").
LABEL_WORDS = ("Kurang/Misconduct", "Butuh Perbaikan", "Sangat Kurang", "Sangat Baik", "Istimewa", "Baik", "Cukup",
               "Sedang", "Kurang", "Buruk")
_LABEL_RE = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("/", r"\s*/\s*")
                                          for w in LABEL_WORDS) + r")\b", re.IGNORECASE)
_RATING_RE = re.compile(r"\b(?P<r>DI\s+ATAS|SESUAI|DI\s+BAWAH)\s+EKSPEKTASI\b", re.IGNORECASE)


def label_word(text: str) -> str | None:
    """The sebutan or predikat a cell prints, in its canonical spelling.

    >>> label_word("(BAIK)"), label_word("Sangat  baik"), label_word("84,71"), label_word("KURANG / MISCONDUCT")
    ('Baik', 'Sangat Baik', None, 'Kurang/Misconduct')
    """
    m = _LABEL_RE.search(text)
    if not m:
        return None
    key = fold(m.group(0))
    return next(w for w in LABEL_WORDS if fold(w) == key)


def rating_of(text: str) -> str | None:
    """``di atas`` / ``sesuai`` / ``di bawah`` ekspektasi, as ``di_atas`` / ``sesuai`` / ``di_bawah``.

    >>> rating_of("SESUAI EKSPEKTASI"), rating_of("Di Atas Ekspektasi"), rating_of("Baik")
    ('sesuai', 'di_atas', None)
    """
    m = _RATING_RE.search(text)
    return None if m is None else fold(m.group("r")).replace(" ", "_")


_NUMBER = re.compile(r"(?<![\w,.])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])|(?<![\w,.])-?\d+(?:[,.]\d+)?(?![\w])")
_WEIGHT = re.compile(r"[x×*]\s*(?P<w>\d{1,3}(?:[,.]\d+)?\s*%)", re.IGNORECASE)


def numbers(text: str) -> list[str]:
    """The numbers printed in a text, as printed (a weight ``x 60%`` excluded).

    >>> numbers("84,71 x 60%"), numbers("(Baik)"), numbers("Rp 25.000.000"), numbers("1. Orientasi Pelayanan 76,00")
    (['84,71'], [], ['25.000.000'], ['1', '76,00'])
    """
    text = _WEIGHT.sub(" ", text)
    return [m.group(0) for m in _NUMBER.finditer(text)]


def weight_of(text: str) -> str | None:
    """>>> weight_of("84,71 x 60%"), weight_of("84,71")
    ('60%', None)
    """
    m = _WEIGHT.search(text)
    return None if m is None else m.group("w").replace(" ", "")


# --- the period ----------------------------------------------------------------------------------

_MONTH = r"(?:" + "|".join(MONTHS) + r")"
_PERIOD = re.compile(
    rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d{{2}}))?\s*"
    rf"(?:s\.?\s*/?\s*d\.?|sd|sampai\s+dengan|hingga|[-–])\s*"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?:tahun\s+)?(?P<y2>(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_TRIWULAN = re.compile(r"\bTRIWULAN\s+(?P<q>IV|III|II|I|[1-4])\b(?!\s*[-–]\s*(?:IV|4))", re.IGNORECASE)
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def read_period(text: str) -> tuple[dt.date | None, dt.date | None, int | None, int | None] | None:
    """Start, end, year and quarter of a printed period; None when the text prints none.

    >>> read_period("PERIODE PENILAIAN : 1 JANUARI SD 31 DESEMBER TAHUN 2024")
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 2024, None)
    >>> read_period("Jangka Waktu Penilaian 2 Januari s.d. 31 Desember 2014")[0]
    datetime.date(2014, 1, 2)
    >>> read_period("PERIODE: 1 APRIL SD 30 JUNI TAHUN 2023")[2:]
    (2023, 2)
    >>> read_period("Periode Penilaian : TRIWULAN III Tahun 2024")
    (None, None, 2024, 3)
    """
    m = _PERIOD.search(text)
    if m:
        y2 = int(m.group("y2"))
        y1 = int(m.group("y1")) if m.group("y1") else y2
        try:
            start = dt.date(y1, MONTHS[m.group("m1").casefold()], int(m.group("d1")))
            end = dt.date(y2, MONTHS[m.group("m2").casefold()], int(m.group("d2")))
        except ValueError:
            return None
        quarter = None
        if start.year == end.year and (start.month - 1) // 3 == (end.month - 1) // 3 and end.month - start.month <= 2 \
                and not (start.month == 1 and end.month == 12):
            quarter = (start.month - 1) // 3 + 1
        return start, end, end.year, quarter
    q = _TRIWULAN.search(text)
    if q:
        y = re.search(r"\b((?:19|20)\d{2})\b", text)
        return None, None, int(y.group(1)) if y else None, _QUARTER[q.group("q").casefold()]
    return None


def _period(rows: list[Row], file: str) -> SkpPeriod | None:
    found: SkpPeriod | None = None
    for k, row in enumerate(rows[:120]):
        text = row.text
        if not re.search(r"PERIODE|JANGKA\s+WAKTU|TRIWULAN|\bs\.?\s*d\.?\b|\bSD\b", text, re.IGNORECASE):
            continue
        nxt = rows[k + 1].text if k + 1 < len(rows) else ""
        # a period wrapped onto the next line ("1 JANUARI SD 31" / "DESEMBER TAHUN 2024"), not a line of its own
        for candidate in (text, f"{text} {nxt}") if read_period(nxt) is None else (text,):
            got = read_period(candidate)
            if got is None or (got[0] is None and got[3] is None):
                continue
            start, end, year, quarter = got
            if found is not None and found.start is None and start is not None:
                # a triwulan, then its dates: the dates give the year the triwulan line does not
                found = found.model_copy(update={"start": start, "end": end, "year": found.year or year,
                                                 "quarter": found.quarter or quarter})
                break
            if found is None:
                found = SkpPeriod(raw=candidate if candidate == text else f"{text} {nxt}", start=start, end=end,
                                  year=year, quarter=quarter, location=row.loc(file))
            break
        if found is not None and found.start is not None:
            break
    return found


# --- PP 46/2011 ------------------------------------------------------------------------------------

_PP46_TOP = [
    (re.compile(r"^no$"), "no"),
    (re.compile(r"kegiatan"), "kegiatan"),
    (re.compile(r"^(?:ak|angka kredit)$"), "ak"),
    (re.compile(r"^target"), "t"),
    (re.compile(r"^realisasi"), "r"),
    (re.compile(r"^(?:penghitungan|perhitungan)"), "perhitungan"),
    (re.compile(r"^nilai capaian"), "nilai"),
]
_PP46_SUB = [
    (re.compile(r"\bkuant"), Aspect.KUANTITAS),
    (re.compile(r"\b(?:kual|mutu)\b"), Aspect.KUALITAS),
    (re.compile(r"\bwaktu$"), Aspect.WAKTU),
    (re.compile(r"\bbiaya$"), Aspect.BIAYA),
]


def pp46_roles(header: list[list[str]]) -> list[str | None]:
    """Column roles of a PP 46 kegiatan table from its header rows: ``no``, ``kegiatan``, ``ak_t``,
    ``t:kuantitas`` (and ``t:kuantitas:unit`` for the unit's own column), …, ``ak_r``, ``r:…``,
    ``perhitungan``, ``nilai``. The aspects under TARGET come first and those under REALISASI
    second, so a header whose two rows were read as one (a scan: ``TARGI KUAL/MUTU``) maps too.

    >>> pp46_roles([["NO", "III. KEGIATAN TUGAS JABATAN", "AK", "TARGET", "", "", "", "", ""],
    ...             ["", "", "", "KUANT/ OUTPUT", "", "KUAL/MUTU", "WAKTU", "", "BIAYA"]])
    ['no', 'kegiatan', 'ak_t', 't:kuantitas', 't:kuantitas:unit', 't:kualitas', 't:waktu', 't:waktu:unit', 't:biaya']
    >>> pp46_roles([["NO", "Kegiatan Tugas Jabatan", "AK", "KUANT/ OUTPUT", "TARGI KUAL/MUTU", "T WAKTU", "BIAYA", "AK",
    ...              "KUANT/ OUTPUT", "REALIS KUAL/MUTU", "ASI WAKTU", "BIAYA", "PENGHITUNGAN", "NILAI CAPAIAN SKP"]])[3:]
    ['t:kuantitas', 't:kualitas', 't:waktu', 't:biaya', 'ak_r', 'r:kuantitas', 'r:kualitas', 'r:waktu', 'r:biaya', 'perhitungan', 'nilai']
    """
    width = max(len(r) for r in header)
    top = [header_label(c) for c in header[0]] + [""] * (width - len(header[0]))
    sub = [header_label(c) for c in header[1]] + [""] * (width - len(header[1])) if len(header) > 1 else [""] * width
    roles: list[str | None] = [None] * width
    group: str | None = None
    kuant_seen = 0
    last: Aspect | None = None
    unit_taken = False
    for i in range(width):
        aspect = _aspect_label(sub[i]) or _aspect_label(top[i])
        if aspect is not None:
            if aspect is Aspect.KUANTITAS:
                kuant_seen += 1
            side = "t" if kuant_seen <= 1 else "r"
            roles[i] = f"{side}:{aspect.value}"
            group, last, unit_taken = side, aspect, False
            continue
        if top[i]:
            group = next((role for pattern, role in _PP46_TOP if pattern.search(top[i])), None)
            last, unit_taken = None, False
            if group == "ak":
                group = "ak_r" if kuant_seen else "ak_t"
            if group not in ("t", "r"):
                roles[i] = group
            continue
        if group in ("t", "r"):
            if not sub[i] and last in (Aspect.KUANTITAS, Aspect.WAKTU) and not unit_taken:
                roles[i] = f"{group}:{last.value}:unit"
                unit_taken = True
        elif group in ("kegiatan", "perhitungan", "nilai"):
            roles[i] = group  # a label merged over several columns
    return roles


def _aspect_label(text: str) -> Aspect | None:
    return next((a for pattern, a in _PP46_SUB if pattern.search(text)), None) if text else None


def _is_pp46_header(row: Row) -> bool:
    folded = [header_label(c) for c in row.cells]
    aspects = sum(_aspect_label(c) is not None for c in folded)
    return any("kegiatan" in c for c in folded) and (any(c.startswith("target") for c in folded) or aspects >= 3)


def _is_subheader(row: Row) -> bool:
    folded = [header_label(c) for c in row.filled]
    return bool(folded) and sum(any(p.search(c) for p, _ in _PP46_SUB) for c in folded) >= 2


def _column_numbers(row: Row) -> bool:
    filled = row.filled
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled)


@dataclass
class _Reading:
    file: str
    items: list[SkpItem] = field(default_factory=list)
    values: list[SkpValue] = field(default_factory=list)
    perilaku: list[PerilakuItem] = field(default_factory=list)
    issues: list[Problem] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # lines read as part of the form

    def value(self, key: SkpValueKey) -> SkpValue | None:
        return next((v for v in self.values if v.key is key), None)

    def put(self, value: SkpValue) -> None:
        if self.value(value.key) is None:
            self.values.append(value)


def _value(raw: str, loc: Location, issues: list[Problem], expect: Kind | None = None) -> Value | None:
    raw = collapse(raw)
    if not raw:
        return None
    value = parse_value(raw, expect=expect)
    issues.extend(value.problems(loc))
    return value


def _cells_by_role(row: Row, roles: list[str | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, role in enumerate(roles):
        if role is None or i >= len(row.cells) or not row.cells[i]:
            continue
        out[role] = collapse(f"{out.get(role, '')} {row.cells[i]}")
    return out


def _pp46_tables(rows: list[Row], r: _Reading) -> tuple[list[SkpItem], list[SkpItem]]:
    """The kegiatan of the target form and of the penilaian capaian (either may be missing). A table
    whose header a scan lost is read by the template of its width (:data:`PP46_TEMPLATES`)."""
    target_items: list[SkpItem] = []
    capaian_items: list[SkpItem] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        if not (row.tab and _is_pp46_header(row)):
            k += 1
            continue
        header = [row.cells]
        r.used.add(row.line.no)
        k += 1
        while k < len(rows) and rows[k].tab and (_is_subheader(rows[k]) or _column_numbers(rows[k])):
            if _is_subheader(rows[k]):
                header.append(rows[k].cells)
            r.used.add(rows[k].line.no)
            k += 1
        roles = pp46_roles(header)
        capaian = any(role and role.startswith("r:") for role in roles)
        k = _pp46_rows(rows, k, roles, r, capaian_items if capaian else target_items)
    for out, capaian in ((capaian_items, True), (target_items, False)):
        if out:
            continue
        for k, row in enumerate(rows):
            width = len(row.cells)
            template = PP46_TEMPLATES.get((capaian, width))
            if row.tab and template and row.line.no not in r.used and re.fullmatch(r"1\.?", row.cells[0]) and row.cells[1]:
                _pp46_rows(rows, k, pp46_roles(template), r, out)
                if out:
                    r.issues.append(_template_issue(row, r.file, width, "kegiatan"))
                break
    return target_items, capaian_items


def _pp46_rows(rows: list[Row], k: int, roles: list[str | None], r: _Reading, out: list[SkpItem]) -> int:
    """The rows of one PP 46 kegiatan table from ``rows[k]`` on; the index after its last row."""
    section = SkpSection.UTAMA
    while k < len(rows) and _in_table(rows[k], roles) and not _is_pp46_header(rows[k]):
        row = rows[k]
        if _column_numbers(row) or _is_subheader(row):
            r.used.add(row.line.no)
            k += 1
            continue
        if _pp46_total(row, r):
            r.used.add(row.line.no)
            k += 1
            # the sebutan printed on the row under the nilai: "(Baik)"
            if k < len(rows) and rows[k].tab and len(rows[k].filled) == 1 and label_word(rows[k].filled[0]) \
                    and not numbers(rows[k].filled[0]):
                total = r.value(SkpValueKey.NILAI_SKP)
                if total is not None and total.label is None:
                    r.values[r.values.index(total)] = total.model_copy(update={"label": label_word(rows[k].filled[0])})
                r.used.add(rows[k].line.no)
                k += 1
            continue
        cells = _cells_by_role(row, roles)
        name = cells.get("kegiatan", "")
        band = _band(row, cells)
        if band is not None:
            section = band
            r.used.add(row.line.no)
            k += 1
            continue
        if not name:
            k += 1
            continue
        r.used.add(row.line.no)
        item_section, name = _addition(name, section)
        if item_section in (SkpSection.TUGAS_TAMBAHAN, SkpSection.KREATIVITAS) and name.strip() in ("-", "–", ""):
            k += 1
            continue  # "Kreativitas: -": none
        out.append(_pp46_item(row, cells, roles, item_section, name, r))
        k += 1
    return k


def _template_issue(row: Row, file: str, width: int, what: str) -> Problem:
    return Problem(check="skp_header_from_template", severity=Severity.WARNING, component="extract",
                   message=f"the {what} table has no header the reader recognises (a scan may have lost it); its "
                           f"{width} columns are read as the form's template of {width} columns", location=row.loc(file))


#: The PP 46 tables' headers by (penilaian capaian?, number of columns): units in their own columns or not.
PP46_TEMPLATES: dict[tuple[bool, int], list[list[str]]] = {
    (False, 9): [["NO", "KEGIATAN", "AK", "TARGET", "", "", "", "", ""], ["", "", "", "KUANT", "", "KUAL", "WAKTU", "", "BIAYA"]],
    (False, 7): [["NO", "KEGIATAN", "AK", "TARGET", "", "", ""], ["", "", "", "KUANT", "KUAL", "WAKTU", "BIAYA"]],
    (True, 18): [["NO", "KEGIATAN", "AK", "TARGET", "", "", "", "", "", "AK", "REALISASI", "", "", "", "", "", "PENGHITUNGAN", "NILAI CAPAIAN"],
                 ["", "", "", "KUANT", "", "KUAL", "WAKTU", "", "BIAYA", "", "KUANT", "", "KUAL", "WAKTU", "", "BIAYA", "", ""]],
    (True, 14): [["NO", "KEGIATAN", "AK", "TARGET", "", "", "", "AK", "REALISASI", "", "", "", "PENGHITUNGAN", "NILAI CAPAIAN"],
                 ["", "", "", "KUANT", "KUAL", "WAKTU", "BIAYA", "", "KUANT", "KUAL", "WAKTU", "BIAYA", "", ""]],
}


def _in_table(row: Row, roles: list[str | None]) -> bool:
    """A table row, or a line a table prints across its width: a section band (``A. UTAMA``, ``II. Tugas
    Tambahan dan Kreativitas``, ``Perspektif Penerima Layanan``) or a total (``Nilai Capaian SKP 87,65``,
    ``NILAI AKHIR SKP 106,00``), which a spreadsheet or an unruled page renders as a line of text."""
    if row.tab:
        return True
    text = row.text
    if len(text) > 120:
        return False
    if _band(row, {}) is not None or any(p.match(text) for p, _ in _SECTION_BAND) or _PERSPEKTIF_BAND.match(text):
        return True
    return bool(re.match(r"^(?:nilai\s+capaian\s+skp|nilai\s+akhir\s+skp)\b.*\d", text, re.IGNORECASE))


_TT = re.compile(r"^(?:[a-z]\.\s*|\d+\.\s*)?tugas\s+tambahan\b\s*:?\s*", re.IGNORECASE)
_KR = re.compile(r"^(?:[a-z]\.\s*|\d+\.\s*)?kreativitas\b\s*:?\s*", re.IGNORECASE)


def _band(row: Row, cells: dict[str, str]) -> SkpSection | None:
    """A row that only names a part of the table: ``II. Tugas Tambahan dan Kreativitas``, ``a. Tugas
    Tambahan``, ``b. Kreativitas``, ``I. Kegiatan Tugas Jabatan``."""
    text = row.text
    if numbers(re.sub(r"^\s*(?:[IVX]+|[a-z]|\d+)\.\s*", "", text)):
        return None
    if re.search(r"tugas\s+tambahan\s+dan\s+kreativitas", text, re.IGNORECASE):
        return SkpSection.TUGAS_TAMBAHAN
    if _TT.match(text) and not _TT.sub("", text):
        return SkpSection.TUGAS_TAMBAHAN
    if _KR.match(text) and not _KR.sub("", text):
        return SkpSection.KREATIVITAS
    if re.match(r"^(?:I\.\s*)?kegiatan\s+tugas\s+jabatan", text, re.IGNORECASE):
        return SkpSection.UTAMA
    return None


def _addition(name: str, section: SkpSection) -> tuple[SkpSection, str]:
    """``Tugas Tambahan: …`` and ``Kreativitas: …`` name their own section."""
    if _TT.match(name):
        return SkpSection.TUGAS_TAMBAHAN, _TT.sub("", name)
    if _KR.match(name):
        return SkpSection.KREATIVITAS, _KR.sub("", name)
    return section, name


def _pp46_item(row: Row, cells: dict[str, str], roles: list[str | None], section: SkpSection, name: str,
               r: _Reading) -> SkpItem:
    file = r.file
    no = re.sub(r"\.$", "", cells.get("no", "")) or None
    item = SkpItem(no=no, section=section, name=name, location=row.loc(file, cell=name, column="kegiatan"))
    issues = r.issues
    if cells.get("ak_t"):
        item.ak_target = _value(cells["ak_t"], row.loc(file, cells["ak_t"], "ak_t"), issues)
    if cells.get("ak_r"):
        item.ak_realisasi = _value(cells["ak_r"], row.loc(file, cells["ak_r"], "ak_r"), issues)
    for aspect in Aspect:
        t_raw, r_raw = cells.get(f"t:{aspect.value}", ""), cells.get(f"r:{aspect.value}", "")
        unit = cells.get(f"t:{aspect.value}:unit") or cells.get(f"r:{aspect.value}:unit")
        if not (t_raw or r_raw):
            continue
        expect = Kind.RUPIAH if aspect is Aspect.BIAYA and re.search(r"\bRp", t_raw + r_raw) else None
        target = _value(t_raw, row.loc(file, t_raw, f"target:{aspect.value}"), issues, expect)
        realisasi = _value(r_raw, row.loc(file, r_raw, f"realisasi:{aspect.value}"), issues, expect)
        if unit is None and target is not None and target.unit and aspect is not Aspect.BIAYA:
            unit = target.unit
        item.aspects.append(AspectMeasure(aspect=aspect, target=target, realisasi=realisasi, unit=unit,
                                          location=row.loc(file, t_raw or r_raw, aspect.value)))
    if cells.get("perhitungan"):
        item.perhitungan = _value(cells["perhitungan"], row.loc(file, cells["perhitungan"], "perhitungan"), issues)
    nilai_raw = cells.get("nilai", "")
    if not nilai_raw and section in (SkpSection.TUGAS_TAMBAHAN, SkpSection.KREATIVITAS):
        found = [n for c in row.cells[1:] for n in numbers(c)]
        nilai_raw = found[-1] if found else ""
    if nilai_raw:
        item.nilai = _value(nilai_raw, row.loc(file, nilai_raw, "nilai"), issues)
    return item


def _pp46_total(row: Row, r: _Reading) -> bool:
    """``Nilai Capaian SKP | … | 84,71`` (and its sebutan) under the kegiatan."""
    text = row.text
    if not re.search(r"nilai\s+capaian\s+skp", text, re.IGNORECASE) or re.search(r"target|realisasi", text, re.IGNORECASE):
        return False
    found = numbers(text)
    if not found:
        return False
    raw = found[-1]
    loc = row.loc(r.file, raw, "nilai_capaian_skp")
    r.put(SkpValue(key=SkpValueKey.NILAI_SKP, value=_value(raw, loc, r.issues), label=label_word(text), location=loc))
    return True


_PARTY_LABELS = [
    (re.compile(r"^nama$"), "name"),
    (re.compile(r"^nip$"), "nip"),
    (re.compile(r"^pangkat"), "pangkat"),
    (re.compile(r"^jabatan"), "jabatan"),
    (re.compile(r"^unit\s+(?:kerja|organisasi)"), "unit_kerja"),
]


def two_parties(rows: list[Row], r: _Reading, form: SkpForm) -> list[Party]:
    """The party table: ``NO | I. PEJABAT PENILAI | | NO | II. PEGAWAI NEGERI SIPIL YANG DINILAI |``
    (PP 46: the penilai on the left) or ``NO | PEGAWAI YANG DINILAI | | NO | PEJABAT PENILAI KINERJA |``
    (8/2021, 6/2022): two people side by side; each label's value is the next filled cell. The
    table is found by its heading, or by a row with two ``Nama`` labels under a heading a scan
    garbled (the side that says ``dinilai`` is the pegawai's, else the form's usual order)."""
    for k, row in enumerate(rows):
        if not row.tab:
            continue
        folded = [header_label(c) for c in row.cells]
        penilai = next((i for i, c in enumerate(folded) if re.search(r"pejabat penilai(?: kinerja)?$", c)), None)
        pegawai = next((i for i, c in enumerate(folded) if re.search(r"yang dinilai$", c)), None)
        header = k
        penilai_found = penilai is not None and pegawai is not None
        if penilai_found:
            high = max(penilai, pegawai)
            right_start = high - 1 if high >= 1 and folded[high - 1] in ("no", "") else high
        else:
            names = [i for i, c in enumerate(folded) if c == "nama"]
            if len(names) < 2:
                continue
            right_start = names[1] - 1 if folded[names[1] - 1] in ("", "1", "no") else names[1]
            header = k - 1 if k and rows[k - 1].tab else k
            head = [header_label(c) for c in rows[header].cells] if header != k else []
            dinilai = next((i for i, c in enumerate(head) if "dinilai" in c), None)
            pegawai_left = (dinilai < right_start) if dinilai is not None else form is not SkpForm.PP46_2011
            penilai, pegawai = (right_start, 0) if pegawai_left else (0, right_start)
        people: dict[Role, dict[str, str]] = {Role.PEJABAT_PENILAI: {}, Role.PEGAWAI: {}}
        left = Role.PEJABAT_PENILAI if penilai < pegawai else Role.PEGAWAI
        right = Role.PEGAWAI if left is Role.PEJABAT_PENILAI else Role.PEJABAT_PENILAI
        r.used.add(rows[header].line.no)
        first = header + 1 if header != k or penilai_found else k  # a lost heading: the Nama row is the first
        for row2 in rows[first : first + 11]:
            if not row2.tab:
                break
            labels = [(i, key) for i, c in enumerate(row2.cells) for pattern, key in _PARTY_LABELS if pattern.match(header_label(c))]
            if not labels:
                break
            r.used.add(row2.line.no)
            for i, key in labels:
                value = next((c for c in row2.cells[i + 1:] if c), "")
                if value and any(p.match(header_label(value)) for p, _ in _PARTY_LABELS):
                    value = ""
                people[right if i >= right_start else left].setdefault(key, value)
        out = []
        for role in (Role.PEGAWAI, Role.PEJABAT_PENILAI):
            fields = people[role]
            if not fields.get("name"):
                continue
            out.append(Party(role=role, name=person_name(fields["name"]), nip=nip_in(fields.get("nip", "")),
                             pangkat=_dash(fields.get("pangkat")), jabatan=_dash(fields.get("jabatan")),
                             unit_kerja=_dash(fields.get("unit_kerja")), location=rows[header].loc(r.file)))
        return out
    return []


_SPECK_WORD = re.compile(r"^(?:\p{Ll}{1,3}|\d{1,3}|[^\p{L}\p{N}]+)$")


def person_name(text: str) -> str:
    """A name without the specks a scan leaves after it (lower-case bits, lone digits): names and
    their degrees are capitalised or end with a dot.

    >>> person_name("Eko Kurniawan, M.Kes. 8 h oar"), person_name("Siti Nur"), person_name("dr. Ani")
    ('Eko Kurniawan, M.Kes.', 'Siti Nur', 'dr. Ani')
    """
    words = collapse(text).split()
    while len(words) > 1 and _SPECK_WORD.match(words[-1]):
        words.pop()
    return " ".join(words)


def nip_in(text: str) -> str | None:
    """The NIP in a cell, also with a scan's specks around it.

    >>> nip_in("196909051992091009 So"), nip_in("NIP. 19690905 199209 1 009"), nip_in("-")
    ('196909051992091009', '196909051992091009', None)
    """
    found = nip_of(text)
    if found is not None:
        return found
    m = re.search(r"(?<!\d)(\d{8})\s?(\d{6})\s?(\d)\s?(\d{3})(?!\d)", text)
    return "".join(m.groups()) if m else None


def _dash(text: str | None) -> str | None:
    text = collapse(text)
    return None if text in ("", "-") else text


# --- 8/2021 and 6/2022 item tables -----------------------------------------------------------------

_ITEM_LABELS = [
    (re.compile(r"^no$"), "no"),
    (re.compile(r"^perspektif"), "perspektif"),
    (re.compile(r"^rencana (?:hasil kerja|kinerja|kerja) (?:atasan|pimpinan)"), "parent"),
    (re.compile(r"^rencana (?:hasil kerja|kinerja)$"), "rhk"),
    (re.compile(r"^aspek$"), "aspek"),
    (re.compile(r"^(?:indikator kinerja individu|iki)$"), "iki"),
    (re.compile(r"^target"), "target"),
    (re.compile(r"^realisasi"), "realisasi"),
    (re.compile(r"^(?:persentase )?capaian iki"), "capaian"),
    (re.compile(r"^kategori"), "kategori"),
    (re.compile(r"^nilai capaian"), "nilai"),
    (re.compile(r"^nilai tertimbang"), "tertimbang"),
    (re.compile(r"^umpan balik"), "umpan_balik"),
]


def item_roles(cells: list[str]) -> list[str | None]:
    """Column roles of an 8/2021 or 6/2022 table of work from its header row.

    >>> item_roles(["NO", "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
    ...             "INDIKATOR KINERJA INDIVIDU", "TARGET"])
    ['no', 'parent', 'rhk', 'aspek', 'iki', 'target']
    >>> item_roles(["NO", "RENCANA KINERJA", "IKI", "TARGET", "REALISASI", "CAPAIAN IKI (%)", "KATEGORI CAPAIAN IKI"])
    ['no', 'rhk', 'iki', 'target', 'realisasi', 'capaian', 'kategori']
    """
    return [item_role(c) if c else None for c in cells]


#: The labels of the tables of work as the forms print them, without spaces, for a label a scan misread
#: (``ANDIKATOR KINERJAINDIVIDU``): the role of the one it is like (:func:`extract.text.tables.spelled_like`).
_ITEM_SPELLED = {"perspektif": "perspektif", "rencanahasilkerja": "rhk", "rencanakinerja": "rhk",
                 "indikatorkinerjaindividu": "iki", "realisasi": "realisasi", "capaianiki": "capaian",
                 "persentasecapaianiki": "capaian", "kategoricapaianiki": "kategori", "nilaicapaianiki": "nilai",
                 "nilaitertimbang": "tertimbang", "umpanbalik": "umpan_balik"}


@functools.lru_cache(maxsize=4096)
def item_role(text: str) -> str | None:
    """The role of one header label of a table of work: by the forms' patterns, else by the spelling
    it is like (a scan's letters misread, its spaces lost).

    >>> item_role("INDIKATOR KINERJA INDIVIDU"), item_role("(000 ANDIKATOR KINERJAINDIVIDU =~"), item_role("RENCANA HASIL KERJ4")
    ('iki', 'iki', 'rhk')
    >>> item_role("SATUAN"), item_role("KINERJA"), item_role("D0 INDIKATOR KlNERJA INDIVIDU st 2")
    (None, None, 'iki')
    """
    label = header_label(text)
    role = next((role for pattern, role in _ITEM_LABELS if pattern.search(label)), None)
    return role if role is not None else spelled_like(label, _ITEM_SPELLED)


def _is_item_header(row: Row) -> bool:
    roles = [r for r in item_roles(row.cells) if r]
    return "iki" in roles and bool({"rhk", "parent", "target"} & set(roles))


# a band's words may run together or carry a scan's specks after them ("A.KINERJAUTAMA eg sles. A")
_SECTION_BAND = [
    (re.compile(r"^(?:[A-B]\s*[.,]?\s*)?(?:kinerja\s*)?utama\b(?!\s+\p{Ll}{4,}\s+\p{Ll}{4,})", re.IGNORECASE), SkpSection.UTAMA),
    (re.compile(r"^(?:[A-B]\s*[.,]?\s*)?(?:kinerja\s*)?tambahan\b(?!\s+\p{Ll}{4,}\s+\p{Ll}{4,})", re.IGNORECASE), SkpSection.TAMBAHAN),
]
_PERSPEKTIF_BAND = re.compile(r"^(?:[IVX]+\.\s*|\d+\.\s*)?perspektif\s*:?\s*(?P<p>.+)$", re.IGNORECASE)
_PERSPEKTIF_AFTER = re.compile(r"\bperspektif\s*[:;]?\s*(?P<p>.+)$", re.IGNORECASE)  # after a section's band, in one heading


def _items(rows: list[Row], r: _Reading, form: SkpForm) -> list[SkpItem]:
    """The work rows of an 8/2021 or 6/2022 form, under every header of their table; a table whose
    header a scan lost is read by the form's template of its width (:data:`ITEM_TEMPLATES`)."""
    items: list[SkpItem] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        if not (row.tab and _is_item_header(row)):
            k += 1
            continue
        r.used.add(row.line.no)
        k = _item_rows(rows, k + 1, item_roles(row.cells), r, items)
    if items:
        return items
    for k, row in enumerate(rows):
        template = ITEM_TEMPLATES.get((form, len(row.cells)))
        if row.tab and template and any(p.match(row.filled[0]) for p, _ in _SECTION_BAND) and len(row.filled) == 1:
            _item_rows(rows, k, list(template), r, items)
            if items:
                r.issues.append(_template_issue(row, r.file, len(row.cells), "work"))
            break
    return items


#: The columns of the forms' tables of work by their number, as the templates print them (issue #19).
ITEM_TEMPLATES: dict[tuple[SkpForm, int], tuple[str | None, ...]] = {
    (SkpForm.PERMENPANRB_8_2021, 10): ("no", "perspektif", "rhk", "iki", "target", "realisasi", "capaian", "kategori", "nilai",
                                       "tertimbang"),
    (SkpForm.PERMENPANRB_8_2021, 9): ("no", "rhk", "iki", "target", "realisasi", "capaian", "kategori", "nilai", "tertimbang"),
    (SkpForm.PERMENPANRB_8_2021, 6): ("no", "parent", "rhk", "aspek", "iki", "target"),
    (SkpForm.PERMENPANRB_6_2022, 5): ("no", "parent", "rhk", "iki", "target"),
    (SkpForm.PERMENPANRB_6_2022, 6): ("no", "parent", "rhk", "aspek", "iki", "target"),
    (SkpForm.PERMENPANRB_6_2022, 7): ("no", "parent", "rhk", "iki", "target", "realisasi", "umpan_balik"),
    (SkpForm.PERMENPANRB_6_2022, 8): ("no", "parent", "rhk", "aspek", "iki", "target", "realisasi", "umpan_balik"),
}


def _item_rows(rows: list[Row], k: int, roles: list[str | None], r: _Reading, items: list[SkpItem]) -> int:
    """The rows of one table of work from ``rows[k]`` on; the index after its last row."""
    section = SkpSection.UTAMA
    carried: dict[str, str] = {}
    pending: dict[str, str] = {}
    while k < len(rows) and _in_table(rows[k], roles):
        row = rows[k]
        if _is_item_header(row):
            if item_roles(row.cells) != roles:
                break
            r.used.add(row.line.no)  # the header repeated after a page break
            k += 1
            continue
        if _column_numbers(row) or (not _cells_by_role(row, roles).get("iki") and _labelled_total(row, r)):
            r.used.add(row.line.no)
            k += 1
            continue
        filled = row.filled
        if len(filled) == 1 and not numbers(filled[0]):
            text = filled[0]
            band = next((s for p, s in _SECTION_BAND if p.match(text)), None)
            persp = _PERSPEKTIF_BAND.match(text)
            if band is not None:
                # (the section's band and the first perspektif's, read as one heading: its perspektif holds)
                after = _PERSPEKTIF_AFTER.search(text)
                section, carried, pending = band, ({"perspektif": collapse(after.group("p"))} if after else {}), {}
                r.used.add(row.line.no)
                k += 1
                continue
            if persp is not None:
                carried, pending = {"perspektif": collapse(persp.group("p"))}, {}
                r.used.add(row.line.no)
                k += 1
                continue
            if re.fullmatch(r"HASIL\s+KERJA|PERILAKU\s+KERJA", text, re.IGNORECASE):
                if re.match(r"PERILAKU", text, re.IGNORECASE):
                    break
                k += 1
                continue
        cells = _cells_by_role(row, roles)
        if not cells:
            k += 1
            continue
        r.used.add(row.line.no)
        if not cells.get("iki"):
            if items and not cells.get("no") and not cells.get("target") and not ({"rhk", "parent"} & set(cells)):
                _merge_into(items[-1], cells)  # a cell's text wrapped onto a row of its own
            else:
                for key in ("no", "perspektif", "parent", "rhk"):
                    if cells.get(key):
                        pending[key] = collapse(f"{pending.get(key, '')} {cells[key]}")
            k += 1
            continue
        for key in ("perspektif", "parent", "rhk", "no"):
            value = cells.get(key) or pending.get(key)
            if value:
                carried[key] = value  # a merged cell prints its text once, over the rows it spans
        pending = {}
        items.append(_item(row, {**carried, **cells}, section, r))
        k += 1
    return k


def _merge_into(item: SkpItem, cells: dict[str, str]) -> None:
    for key in ("parent", "rhk"):
        if cells.get(key):
            setattr(item, key, collapse(f"{getattr(item, key) or ''} {cells[key]}"))
    if cells.get("umpan_balik"):
        item.umpan_balik = collapse(f"{item.umpan_balik or ''} {cells['umpan_balik']}")


def _item(row: Row, cells: dict[str, str], section: SkpSection, r: _Reading) -> SkpItem:
    file, issues = r.file, r.issues
    no = re.sub(r"\.$", "", cells.get("no", "")) or None
    item = SkpItem(no=no, section=section, name=cells["iki"], rhk=cells.get("rhk"), parent=_dash(cells.get("parent")),
                   perspektif=cells.get("perspektif"), aspek=cells.get("aspek"),
                   location=row.loc(file, cells["iki"], "iki"))
    for key in ("target", "realisasi", "capaian", "nilai", "tertimbang"):
        if cells.get(key):
            setattr(item, key, _value(cells[key], row.loc(file, cells[key], key), issues))
    if cells.get("kategori"):
        item.kategori = label_word(cells["kategori"]) or cells["kategori"]
    if cells.get("umpan_balik"):
        item.umpan_balik = cells["umpan_balik"]
    return item


# --- values printed once -----------------------------------------------------------------------------

_TOTALS: list[tuple[re.Pattern[str], SkpValueKey]] = [
    (re.compile(r"nilai\s+akhir\s+skp", re.IGNORECASE), SkpValueKey.NILAI_SKP),
    (re.compile(r"^(?:a\.\s*)?sasaran\s+kerja\s+(?:pegawai|pns)|\(SKP\)", re.IGNORECASE), SkpValueKey.SKP_TERTIMBANG),
    (re.compile(r"^(?:\d+\.\s*)?nilai\s+skp\b", re.IGNORECASE), SkpValueKey.SKP_TERTIMBANG),
    (re.compile(r"nilai\s+rata\s*-?\s*rata", re.IGNORECASE), SkpValueKey.NILAI_PERILAKU),
    (re.compile(r"^(?:\d+\.\s*)?nilai\s+perilaku(?:\s+kerja)?\b", re.IGNORECASE), SkpValueKey.PERILAKU_TERTIMBANG),
    (re.compile(r"nilai\s+prestasi\s+kerja|^(?:\d+\.\s*)?nilai\s+kinerja(?:\s+pegawai)?\b", re.IGNORECASE), SkpValueKey.NILAI_KINERJA),
    (re.compile(r"rating\s+hasil\s+kerja", re.IGNORECASE), SkpValueKey.RATING_HASIL_KERJA),
    (re.compile(r"rating\s+perilaku", re.IGNORECASE), SkpValueKey.RATING_PERILAKU),
    (re.compile(r"^(?:\d+\.\s*)?predikat(?:\s+kinerja)?(?:\s+pegawai)?\b", re.IGNORECASE), SkpValueKey.PREDIKAT),
    (re.compile(r"capaian\s+kinerja\s+organisasi", re.IGNORECASE), SkpValueKey.CAPAIAN_ORGANISASI),
    (re.compile(r"pola\s+distribusi", re.IGNORECASE), SkpValueKey.POLA_DISTRIBUSI),
]


def _labelled_total(row: Row, r: _Reading) -> bool:
    """A value printed once, in a table row or a line: ``NILAI AKHIR SKP | 105,20``, ``a. Sasaran Kerja
    PNS (SKP) | 84,71 x 60% | 50,83``, ``RATING HASIL KERJA : SESUAI EKSPEKTASI``."""
    # labels that say what they are anywhere in the row; the others ("Nilai SKP", "Predikat") only as
    # the row's first label, after its item number ("1.", "a.")
    first = next((c for c in row.cells if c and not re.fullmatch(r"(?:\d{1,2}|[a-z])\s*[.)]?", c)), "")
    text = row.text
    for pattern, key in _TOTALS:
        anywhere = key in _ANYWHERE or (key is SkpValueKey.NILAI_KINERJA and re.search(r"nilai\s+prestasi\s+kerja", text, re.IGNORECASE))
        if not pattern.search(text if anywhere else first):
            continue
        if r.value(key) is not None:
            return False  # printed once: a second label of it is some other text
        return _put_total(row, key, r)
    return False


_ANYWHERE = frozenset({SkpValueKey.NILAI_SKP, SkpValueKey.NILAI_PERILAKU, SkpValueKey.RATING_HASIL_KERJA, SkpValueKey.RATING_PERILAKU,
                       SkpValueKey.CAPAIAN_ORGANISASI, SkpValueKey.POLA_DISTRIBUSI})


def _after_label(row: Row) -> str | None:
    """The text of a table row's cells after its label cell (the first that holds letters)."""
    if not row.tab:
        return None
    cells = [c for c in row.cells if c]
    at = next((i for i, c in enumerate(cells) if re.search(r"\p{L}{3}", c)), None)
    return None if at is None or at + 1 >= len(cells) else " ".join(cells[at + 1:])


def _label_below(rows: list[Row], n: int, r: _Reading) -> None:
    """A sebutan printed alone on the row under a total (``84,66`` over ``(Baik)``) is the total's;
    a row that says more is not (``PREDIKAT KINERJA Baik`` under ``NILAI KINERJA 98,71``)."""
    if n + 1 >= len(rows) or not r.values:
        return
    below = rows[n + 1]
    total = r.values[-1]
    if len(below.filled) == 1 and _lone_label(below.filled[0]) \
            and total.label is None and total.value is not None and total.location.line == rows[n].line.no:
        r.values[-1] = total.model_copy(update={"label": label_word(below.filled[0])})
        r.used.add(below.line.no)


def _put_total(row: Row, key: SkpValueKey, r: _Reading) -> bool:
    text = row.text
    loc = row.loc(r.file, column=key.value)
    if key in (SkpValueKey.RATING_HASIL_KERJA, SkpValueKey.RATING_PERILAKU):
        rating = _RATING_RE.search(text)
        if rating is None:
            return False
        r.put(SkpValue(key=key, label=collapse(rating.group(0)).upper(), location=row.loc(r.file, rating.group(0), key.value)))
        return True
    if key is SkpValueKey.PREDIKAT:
        label = label_word(re.sub(r"^.*?predikat(?:\s+kinerja)?(?:\s+pegawai)?", "", text, flags=re.IGNORECASE))
        if label is None:
            return False
        r.put(SkpValue(key=key, label=label, location=row.loc(r.file, label, key.value)))
        return True
    if key in (SkpValueKey.CAPAIAN_ORGANISASI, SkpValueKey.POLA_DISTRIBUSI):
        rest = collapse(re.sub(r"^.*?(?:organisasi|distribusi)\s*\*?\s*:?\s*", "", text, flags=re.IGNORECASE))
        if not rest:
            return False
        r.put(SkpValue(key=key, label=rest, location=row.loc(r.file, rest, key.value)))
        return True
    # a number, maybe a weight and the weighted product: "84,71 x 60% 50,83"
    body = re.sub(r"^.*?(?:\(SKP\)|rata\s*-?\s*rata|akhir\s+skp|prestasi\s+kerja|kinerja(?:\s+pegawai)?|nilai\s+skp|perilaku(?:\s+kerja)?)",
                  "", text, count=1, flags=re.IGNORECASE)
    found = numbers(body)
    weight = weight_of(body)
    after = _after_label(row)
    if after is not None and numbers(after):
        found = numbers(after)  # a scan's specks stay in the label's cell: the numbers are in the cells after it
        weight = weight_of(after) or weight
    if not found:
        return False
    label = label_word(body)
    if key in (SkpValueKey.SKP_TERTIMBANG, SkpValueKey.PERILAKU_TERTIMBANG):
        base_key = SkpValueKey.NILAI_SKP if key is SkpValueKey.SKP_TERTIMBANG else SkpValueKey.NILAI_PERILAKU
        base = _value(found[0], row.loc(r.file, found[0], base_key.value), r.issues)
        if weight is None:
            # "Nilai SKP 105,20" without a weight is the value itself
            if r.value(base_key) is None:
                r.put(SkpValue(key=base_key, value=base, label=label, location=row.loc(r.file, found[0], base_key.value)))
            return True
        product = _value(found[-1], row.loc(r.file, found[-1], key.value), r.issues) if len(found) > 1 else None
        r.put(SkpValue(key=key, value=product, base=base, weight=_value(weight, loc, r.issues), label=label,
                       location=row.loc(r.file, found[-1] if len(found) > 1 else found[0], key.value)))
        if key is SkpValueKey.PERILAKU_TERTIMBANG and r.value(SkpValueKey.NILAI_PERILAKU) is None:
            r.put(SkpValue(key=SkpValueKey.NILAI_PERILAKU, value=base, label=label,
                           location=row.loc(r.file, found[0], SkpValueKey.NILAI_PERILAKU.value)))
        if key is SkpValueKey.SKP_TERTIMBANG and r.value(SkpValueKey.NILAI_SKP) is None:
            r.put(SkpValue(key=SkpValueKey.NILAI_SKP, value=base, location=row.loc(r.file, found[0], SkpValueKey.NILAI_SKP.value)))
        return True
    raw = found[0] if key is not SkpValueKey.NILAI_SKP else found[-1]
    r.put(SkpValue(key=key, value=_value(raw, row.loc(r.file, raw, key.value), r.issues), label=label,
                   location=row.loc(r.file, raw, key.value)))
    return True


# --- behaviours ------------------------------------------------------------------------------------

PERILAKU_LABELS: dict[SkpForm, tuple[str, ...]] = {
    SkpForm.PP46_2011: ("Orientasi Pelayanan", "Integritas", "Komitmen", "Disiplin", "Kerja Sama", "Kepemimpinan"),
    SkpForm.PERMENPANRB_8_2021: ("Orientasi Pelayanan", "Komitmen", "Inisiatif Kerja", "Kerja Sama", "Kepemimpinan"),
    SkpForm.PERMENPANRB_6_2022: ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif",
                                 "Kolaboratif"),
}


def perilaku_key(label: str) -> str:
    """>>> perilaku_key("Kerja sama"), perilaku_key("Berorientasi Pelayanan")
    ('kerja_sama', 'berorientasi_pelayanan')
    """
    return fold(label).replace(" ", "_")


def _label_re(label: str) -> re.Pattern[str]:
    words = label.split()
    return re.compile(r"^(?:(?:[a-z]\.\s*)?perilaku\s+kerja\s*)?(?:\d{1,2}\s*[.)]?\s*)?" + r"\s*".join(map(re.escape, words)) + r"\b",
                      re.IGNORECASE)


def _perilaku(rows: list[Row], form: SkpForm, r: _Reading) -> None:
    labels = PERILAKU_LABELS[form]
    patterns = [(label, _label_re(label)) for label in labels]
    columns: dict[str, int] = {}
    seen: set[str] = set()
    for row in rows:
        folded = [header_label(c) for c in row.cells]
        if row.tab and any(c.startswith("ekspektasi") for c in folded) and len(row.filled) >= 2:
            columns = {}
            for i, c in enumerate(folded):
                if c.startswith("ekspektasi"):
                    columns["ekspektasi"] = i
                elif c.startswith("umpan balik"):
                    columns["umpan_balik"] = i
            r.used.add(row.line.no)
            continue
        for i, cell in enumerate(row.cells):
            hit = next(((label, p) for label, p in patterns if p.match(cell.strip())), None)
            if hit is None:
                continue
            label, _ = hit
            key = perilaku_key(label)
            if key in seen:
                break
            seen.add(key)
            r.used.add(row.line.no)
            rest = row.cells[i + 1:]
            inline = _label_re(label).sub("", cell.strip())
            # the cells after the label first: a scan's specks beside the label may hold a digit
            nums = ([n for c in rest for n in numbers(_strip_item_no(c))] or numbers(inline)) if form is not SkpForm.PERMENPANRB_6_2022 else []
            nilai = _value(nums[0], row.loc(r.file, nums[0], f"perilaku:{key}"), r.issues) if nums else None
            sebutan = next((w for c in rest if (w := label_word(c))), None) if form is not SkpForm.PERMENPANRB_6_2022 else None
            ekspektasi = umpan = None
            if form is SkpForm.PERMENPANRB_6_2022:
                ekspektasi = _cell(row, columns.get("ekspektasi")) or next(
                    (re.sub(r"^Ekspektasi\s+Khusus\s+Pimpinan\s*:?\s*", "", c, flags=re.IGNORECASE) for c in rest
                     if re.match(r"Ekspektasi", c, re.IGNORECASE)), None)
                umpan = _cell(row, columns.get("umpan_balik"))
                if ekspektasi:
                    ekspektasi = re.sub(r"^Ekspektasi\s+Khusus\s+Pimpinan\s*:?\s*", "", ekspektasi, flags=re.IGNORECASE) or None
            r.perilaku.append(PerilakuItem(key=key, label=label, nilai=nilai, sebutan=sebutan, ekspektasi=ekspektasi,
                                           umpan_balik=umpan, location=row.loc(r.file, cell, f"perilaku:{key}")))
            break
        else:
            first = next((c for c in row.cells if re.search(r"\p{L}", c)), "")
            if r.perilaku and r.value(SkpValueKey.JUMLAH_PERILAKU) is None and re.match(r"^jumlah\b", header_label(first)):
                found = numbers(_after_label(row) or "") or numbers(row.text)
                if found:
                    loc = row.loc(r.file, found[0], SkpValueKey.JUMLAH_PERILAKU.value)
                    r.put(SkpValue(key=SkpValueKey.JUMLAH_PERILAKU, value=_value(found[0], loc, r.issues), location=loc))
                    r.used.add(row.line.no)


def _strip_item_no(text: str) -> str:
    return re.sub(r"^\s*\d{1,2}\s*[.)]\s+", "", text)


def _cell(row: Row, index: int | None) -> str | None:
    if index is None or index >= len(row.cells):
        return None
    return row.cells[index] or None


# --- putting it together -----------------------------------------------------------------------------


@dataclass
class SkpReading:
    """What the reader made of one SKP document."""

    sheet: SkpSheet
    indicators: list[Indicator]
    parties: list[Party]
    issues: list[Problem]
    used: set[int]


def read_skp(lines: list[Line], form: SkpForm, file: str) -> SkpReading:
    """The sheet, indicators and parties of one national SKP form (``form`` as recognised)."""
    rows = rows_of(lines)
    r = _Reading(file=file)
    parties: list[Party] = []
    parties = two_parties(rows, r, form)
    if form is SkpForm.PP46_2011:
        target_items, capaian_items = _pp46_tables(rows, r)
        r.items = _join_pp46(target_items, capaian_items)
    else:
        r.items = _items(rows, r, form)
    for n, row in enumerate(rows):
        if row.line.no not in r.used and _labelled_total(row, r):
            r.used.add(row.line.no)
            _label_below(rows, n, r)
    _perilaku(rows, form, r)
    title = " ".join(row.text for row in rows[:12] if not row.tab)
    sheet = SkpSheet(
        period=_period(rows, file),
        approach=(m.group(1).casefold() if (m := re.search(r"PENDEKATAN\s+HASIL\s+KERJA\s+(KUANTITATIF|KUALITATIF)", title, re.IGNORECASE))
                  else None),
        jpt=bool(re.search(r"PIMPINAN\s+TINGGI", title, re.IGNORECASE)) or any(i.perspektif for i in r.items),
        evaluation=any(i.realisasi is not None or any(a.realisasi is not None for a in i.aspects) for i in r.items)
        or bool(re.search(r"EVALUASI\s+KINERJA|PENILAIAN\s+CAPAIAN", title, re.IGNORECASE)),
        items=r.items, perilaku=r.perilaku, values=r.values,
    )
    if not r.items:
        r.issues.append(Problem(check="skp_items_missing", severity=Severity.WARNING, component="extract",
                                message=f"no work items were recognised in this {form.value} form",
                                location=Location(file=file, line=lines[0].no if lines else None)))
    return SkpReading(sheet, indicators_of(sheet), parties, r.issues, r.used)


def _join_pp46(target_items: list[SkpItem], capaian_items: list[SkpItem]) -> list[SkpItem]:
    """The penilaian capaian's rows (target and realisasi) when the document has them, else the
    target form's; a kegiatan of the target form the penilaian lacks (by its number, or a name
    alike: a scan may garble one of the two) is kept (it has no realisasi)."""
    if not capaian_items:
        return target_items
    numbers_ = {i.no for i in capaian_items if i.section is SkpSection.UTAMA and i.no}
    names = [fold(i.name) for i in capaian_items]

    def known(item: SkpItem) -> bool:
        return (item.no in numbers_) or any(fuzz.partial_ratio(fold(item.name), n) >= 85 for n in names)

    extra = [i for i in target_items if i.section is SkpSection.UTAMA and not known(i)]
    return capaian_items + extra


def indicators_of(sheet: SkpSheet) -> list[Indicator]:
    """The SKP's work as indicator rows: each kegiatan or IKI with its (kuantitas) target and its
    realisasi (for the year, or for the quarter a triwulan evaluation covers); the rencana (hasil)
    kerja as the sasaran. PP 46's tugas tambahan and kreativitas set no target and are not indicators."""
    out: list[Indicator] = []
    rhk_no: dict[str, int] = {}
    quarter = sheet.period.quarter if sheet.period else None
    # a triwulan evaluation prints that quarter's target and realisasi; a plan or a year's, the year's
    real_period = Period(f"Q{quarter}") if quarter else Period.Y
    target_period = real_period if sheet.evaluation else Period.Y
    for item in sheet.items:
        if item.section in (SkpSection.TUGAS_TAMBAHAN, SkpSection.KREATIVITAS):
            continue
        target, realisasi, satuan = item.target, item.realisasi, None
        kuant = item.aspect(Aspect.KUANTITAS)
        if kuant is not None:
            target, realisasi, satuan = kuant.target, kuant.realisasi, kuant.unit
        elif target is not None:
            satuan = target.unit
        if item.rhk:
            rhk_no.setdefault(fold(item.rhk), len(rhk_no) + 1)
        ind = Indicator(
            sasaran_no=str(rhk_no[fold(item.rhk)]) if item.rhk else None, sasaran=item.rhk, item_no=item.no,
            kategori="Kinerja Tambahan" if item.section is SkpSection.TAMBAHAN else None, name=item.name,
            perspektif=item.perspektif, satuan=satuan, location=item.location,
        )
        if target is not None:
            ind.targets.append(Target(period=target_period, value=target, location=item.location.model_copy(
                update={"column": "target", "cell": target.raw})))
        if realisasi is not None:
            ind.realisasi.append(Target(period=real_period, value=realisasi, location=item.location.model_copy(
                update={"column": "realisasi", "cell": realisasi.raw})))
        out.append(ind)
    return out


def period_sheet(lines: list[Line], file: str) -> SkpSheet:
    """A sheet with only the period, for the Kemenkeu form (read by the generic table reader)."""
    return SkpSheet(period=_period(rows_of(lines), file))


__all__ = ["SkpReading", "fold", "indicators_of", "label_word", "numbers", "period_sheet", "rating_of", "read_period",
           "read_skp"]
