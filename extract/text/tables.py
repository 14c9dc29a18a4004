"""Tables whose cells are separated (tab-separated rows, markdown pipe rows).

A table's header may span two rows (``Target`` over ``Q1 … Y``, ``Triwulan`` over
``I … IV``); a header repeated after a page break continues the table; a first row without
key cells after the break continues the row cut by the break.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz, process

from extract.models import (
    ANY_PERIOD_ROLES,
    MONTH_NAMES_ID,
    MONTHS,
    RawTable,
    TableMethod,
)
from extract.text.rows import (
    ITEM_NO_ROLE,
    MEASURE_YEAR_ROLE,
    YEAR_ROLE,
    Cells,
    rejoin_code,
)
from extract.text.segment import Block
from normalize.text import clean_text

_PERIOD_LABELS = [
    (re.compile(r"^(?:q|tw|trw|triwulan)\s*\.?\s*(?:1|i)$"), "Q1"),
    (re.compile(r"^(?:q|tw|trw|triwulan)\s*\.?\s*(?:2|ii)$"), "Q2"),
    (re.compile(r"^(?:q|tw|trw|triwulan)\s*\.?\s*(?:3|iii)$"), "Q3"),
    (re.compile(r"^(?:q|tw|trw|triwulan)\s*\.?\s*(?:4|iv)$"), "Q4"),
    (re.compile(r"^(?:smt|semester)\s*\.?\s*(?:1|i)$"), "Smt1"),
    (re.compile(r"^s\s*\.?\s*d\s*\.?\s*(?:q|tw)\s*\.?\s*(?:3|iii)$"), "sdQ3"),
    (re.compile(r"^(?:y|tahunan|target\s+tahunan|target(?:\s+(?:iku|kinerja))?)$"), "Y"),
]
#: A year as a column label ("2023", "Tahun 2023"), alone or after a Target or Baseline label.
_YEAR_LABEL = re.compile(r"^(?:(?P<kind>target(?:\s+(?:iku|kinerja))?|baseline|kondisi\s+awal)\s+)?(?:tahun\s+)?(?P<year>(?:19|20)\d{2})$")
_BASELINE_LABEL = re.compile(r"^(?:baseline|kondisi\s+(?:awal|eksisting)|capaian\s+awal)(?:\s+(?:tahun\s+)?(?:19|20)\d{2})?$")
#: Month labels of a monthly plan (``Januari`` … ``Desember``, ``Jan`` … ``Des``), by the period they name.
_MONTH_LABELS = {
    **{name.casefold(): period.value for name, period in zip(MONTH_NAMES_ID, MONTHS, strict=True)},
    **{name.casefold()[:3]: period.value for name, period in zip(MONTH_NAMES_ID, MONTHS, strict=True)},
    "agt": "M08", "ags": "M08", "sept": "M09", "nop": "M11", "nopember": "M11", "pebruari": "M02",
}
_ROMAN = {"i": "Q1", "ii": "Q2", "iii": "Q3", "iv": "Q4"}
_VOLUME_LABELS = frozenset({"volume", "vol", "vol.", "jumlah", "nilai", "angka"})
_SUB_LABELS = _VOLUME_LABELS | {"satuan", "ikt", "iku", "iki", "ssrn strag", "sasaran"}
_MONEY_LABELS = frozenset({"rp", "rp.", "(rp)", "rupiah", "anggaran", "keuangan"})
_KINERJA_LABELS = frozenset({"k", "kinerja", "fisik"})
_SHARE_LABELS = frozenset({"%", "(%)"})
_ROLE_LABELS = [
    (re.compile(r"^(?:no\.?|nomor|no\.?\s*urut)$"), "no"),
    # a measurement table (LKj "Pengukuran Kinerja"): what was realised, and the printed capaian
    # of one year: "Realisasi 2021" beside "Realisasi 2022" (the document's own year is settled by the reader)
    (re.compile(r"^realisasi(?:\s+kinerja)?\s+(?:tahun\s+)?(?P<year>(?:19|20)\d{2})$"), "realisasi:Y@{year}"),
    (re.compile(r"^realisasi(?:\s+kinerja)?$"), "realisasi:Y"),
    # an Evaluasi Renja: "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023" over I … IV, each over K and Rp
    (re.compile(r"^realisasi(?:\s+kinerja)?(?:\s+(?:dan\s+anggaran\s+)?(?:pada\s+)?(?:triwulan|tw)(?:\s+[ivx\d]+(?:\s*[-–]\s*[ivx\d]+)?)?)?(?:\s*tahun\s+\d{4})?$"),
     "realisasi:Y"),
    (re.compile(r"^(?:%\s*)?capaian(?:\s+kinerja)?(?:\s*\(?%\)?)?\s+(?:tahun\s+)?(?P<year>(?:19|20)\d{2})$"), "capaian:Y@{year}"),
    (re.compile(r"^(?:%\s*)?capaian(?:\s+kinerja)?(?:\s*\(?%\)?)?$"), "capaian:Y"),
    (re.compile(r"^kode(?:\s+ss\s*/\s*iku|\s+iku)?$"), "code"),
    (re.compile(r"^ss\s+dan\s+iku$"), "mixed"),
    # the row's subject in a Permendagri table: a programme, kegiatan or sub-kegiatan (the level is its own)
    (re.compile(r"^(?:(?:bidang\s+)?urusan\s*/\s*)+(?:(?:bidang\s+)?urusan\s+pemerintahan\s+daerah\s+dan\s+)?program\s*/\s*kegiatan"
                r"(?:\s*/\s*sub\s*kegiatan)?$"), "program_kegiatan"),
    # the Permendagri 86 Evaluasi Renja: the year's target (K over Rp) and the year's realisation, against the
    # Renstra's target for its last year; what was realised before the year, or the Renstra's, is no column here
    (re.compile(r"^target\s+kinerja\s+dan\s+anggaran\s+renja\b.*\btahun\s+berjalan\b.*$"), "Y"),
    (re.compile(r"^target\s+renstra\b.*?\btahun\s+(?P<year>(?:19|20)\d{2})\b.*$"), "Y@{year}"),
    (re.compile(r"^realisasi\s+capaian\s+kinerja\s+dan\s+anggaran\s+renja\b.*\bdievaluasi$"), "realisasi:Y"),
    (re.compile(r"^(?:sasaran.*|tujuan(?:\s*/\s*sasaran.*)?|rencana\s+hasil\s+kerja|kinerja\s+utama.*)$"), "sasaran"),
    # "Program/Kegiatan/Sasaran Program/Sasaran Kegiatan": the levels a PK may set in its sasaran column
    (re.compile(r"^(?:program|kegiatan)(?:\s*/\s*(?:program|kegiatan|sub\s*kegiatan))*\s*/\s*sasaran\b.*$"), "sasaran"),
    (re.compile(r"^indikator\s+kegiatan$"), "kriteria"),  # Rencana Aksi (Pemda): the kegiatan's own measure
    (re.compile(r"^target\s+kegiatan$"), "output"),
    (re.compile(r"^(?:program\s*(?:dan|/|&)\s*kegiatan|kegiatan)$"), "aksi"),
    (re.compile(r"^rencana\s+tindak\s+lanjut.*$"), "tindak_lanjut"),
    (re.compile(r"^anggaran(?:\s*\(rp\.?\))?$"), "anggaran"),
    (re.compile(r"^(?:indikator.*|iku|iki)$"), "indicator"),
    (re.compile(r"^(?:[ivx]+\.\s*)?kegiatan\s+tugas\s+(?:jabatan|pokok)$"), "indicator"),  # PP 46/2011's SKP: its kegiatan
    (re.compile(r"^sumber\s+data$"), "sumber_data"),
    (re.compile(r"^(?:pengukuran\s+kinerja|metode.*|definisi.*|penjelasan.*|cara\s+pengukuran.*|formulasi.*)$"), "pengukuran"),
    (re.compile(r"^(?:keterangan|satuan)$"), "satuan"),
    (re.compile(r"^perspektif$"), "perspektif"),
    (re.compile(r"^rencana\s+aksi.*$"), "aksi"),
    (re.compile(r"^kriteria\s+keberhasilan$"), "kriteria"),
    (re.compile(r"^target\s*/\s*output$"), "output"),
    (re.compile(r"^waktu.*$"), "waktu"),
    (re.compile(r"^inisiatif\s+strategis$"), "inisiatif"),
    (re.compile(r"^output\s*/\s*outcome$"), "output_outcome"),
    (re.compile(r"^periode(?:\s+pelaksanaan)?$"), "periode"),
    (re.compile(r"^penanggung\s*jawab$"), "penanggung_jawab"),
    (re.compile(r"^biaya.*$"), "biaya"),
]


#: marks before a label that are no part of it: a scan's speck read ": Indikator Kinerja Utama" (the
#: header then named no indicator column and the table was lost). A dash or a bullet is not among them:
#: "- Kegiatan" in a body cell is an item, no label (a scan's header read "- Indikator" is mended where
#: it is read, extract.pdf.ocr.strip_header_marks)
_LEADING_NOISE = re.compile(r"^[\s:;|'\"‘’“”~_=]+")


@functools.lru_cache(maxsize=65536)
def role_of(label: str, parent: str = "") -> str | None:
    """The column role a header label announces.

    >>> role_of("Smt. 1"), role_of("s.d.Q3"), role_of("III", "Triwulan"), role_of("Target IKU")
    ('Smt1', 'sdQ3', 'Q3', 'Y')
    >>> role_of("Target Tahun 2025"), role_of("Target 2025"), role_of("Tujuan"), role_of("Tujuan/ Sasaran Strategis")
    ('Y@2025', 'Y@2025', 'sasaran', 'sasaran')
    >>> role_of("2023", "Target"), role_of("2021", "Baseline"), role_of("Baseline"), role_of("2023")
    ('Y@2023', 'baseline@2021', 'baseline', None)
    >>> role_of("Januari", "Target Bulan"), role_of("Des"), role_of("Agustus", "Realisasi")
    ('M01', 'M12', 'realisasi:M08')
    >>> role_of("Target/Output"), role_of("Output", "Trajectory"), role_of("IKI")
    ('output', 'trajectory_output', 'indicator')
    >>> role_of("Target Renstra Perangkat Daerah Pada Tahun 2030 (Akhir Periode Renstra Perangkat Daerah)")
    'Y@2030'
    >>> role_of("Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi")
    'realisasi:Y'
    >>> role_of("Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun 2024") is None
    True

    A measurement table's realisation of one year, and the budget's own realisation beside it:

    >>> role_of("Realisasi 2021"), role_of("2020", "Realisasi"), role_of("Realisasi"), role_of("Realisasi", "Anggaran")
    ('realisasi:Y@2021', 'realisasi:Y@2020', 'realisasi:Y', 'realisasi_rp:Y')
    >>> role_of("Capaian %", "Anggaran") is None, role_of("Anggaran", "Anggaran"), role_of("Target", "Anggaran")
    (True, 'anggaran', 'anggaran')
    >>> role_of("TW I", "Realisasi 2023"), role_of("Volume", "Realisasi 2023"), role_of("Satuan", "Realisasi 2023")
    ('realisasi:Q1@2023', 'realisasi:Y@2023', 'realisasi_satuan')
    >>> role_of("Target", "Capaian 2023"), role_of("Realisasi", "Capaian 2023"), role_of("%", "Capaian 2023")
    ('Y@2023', 'realisasi:Y@2023', 'capaian:Y@2023')
    """
    text = _LEADING_NOISE.sub("", clean_text(label).casefold().rstrip(":").strip())
    if not text:
        return None
    parent_text = clean_text(parent).casefold()
    if m := _YEAR_LABEL.match(text):  # a column of one year: "Target 2025", or "2023" under Target or Baseline
        kind = m["kind"] or parent_text
        if kind.startswith("target") and role_of(parent or "Target") == "Y":
            return f"Y@{m['year']}"
        if _BASELINE_LABEL.match(kind):
            return f"baseline@{m['year']}"
        if not m["kind"] and (measure := role_of(parent)) in ("realisasi:Y", "capaian:Y"):
            return f"{measure}@{m['year']}"  # "2021" under "Realisasi"
    if _BASELINE_LABEL.match(text):
        return "baseline"
    if parent and ANGGARAN_HEADER.match(parent_text) and text not in _VOLUME_LABELS:
        # the budget's own columns beside a measurement table's: its pagu, what was spent of it, and the share
        if role_of(text) == "realisasi:Y" or text.startswith("realisasi"):
            return "realisasi_rp:Y"
        if role_of(text) == "capaian:Y" or text in _SHARE_LABELS:
            return None
        if role_of(text) == "Y" or text.startswith(("target", "pagu", "alokasi")):
            return "anggaran"
    measure = role_of(parent) if parent_text.startswith(("realisasi", "capaian", "target")) else None
    if measure and YEAR_ROLE.match(measure) and measure.startswith("Y@") and text in _VOLUME_LABELS | {"satuan"}:
        return measure if text != "satuan" else "satuan"  # Volume / Satuan under "Target 2025"
    if measure and (m := MEASURE_YEAR_ROLE.match(measure)):  # under "Realisasi 2023": its volume, its quarters
        if text in _VOLUME_LABELS:
            return measure
        own = role_of(label)
        if own == "Y":
            return f"Y@{m['year']}"  # "Capaian 2023" over "Target | Realisasi | %": the year's target
        if own in ("realisasi:Y", "capaian:Y") or text in _SHARE_LABELS:
            return f"{own or 'capaian:Y'}@{m['year']}"
        period = own if own in ANY_PERIOD_ROLES else role_of(label, "Triwulan")
        if period in ANY_PERIOD_ROLES and period != "Y":
            return f"{m['kind']}:{period}@{m['year']}"  # a quarter of that year's realisation
        measure = f"{m['kind']}:Y"
    if measure in ("Y", "realisasi:Y", "capaian:Y"):  # under Target / Realisasi / Capaian %
        kind = measure.split(":")[0] if ":" in measure else ""
        if text in _VOLUME_LABELS:
            return measure
        if text == "satuan":
            return "satuan" if not kind else f"{kind}_satuan"  # the realisation's unit repeats the target's
        if kind == "capaian" and text in ("ikt", "iku", "iki"):
            return measure
        if kind == "capaian" and text.startswith(("ssrn", "sasaran")):
            return "capaian_sasaran"  # the capaian of the whole sasaran, printed once
        period = role_of(label)
        if period in ANY_PERIOD_ROLES:
            return f"{kind}:{period}" if kind else period
    if parent_text.startswith("trajectory") and text in ("kegiatan", "output"):
        return f"trajectory_{text}"
    if (month := _MONTH_LABELS.get(text.rstrip("."))) is not None:
        return month
    if text in _ROMAN and (parent_text.startswith(("triwulan", "tw", "trw", "target")) or not parent_text):
        return _ROMAN[text]
    for pattern, role in _PERIOD_LABELS:
        if pattern.match(text):
            return role
    for pattern, role in _ROLE_LABELS:
        if m := pattern.match(text):
            return role.format(**m.groupdict())
    spelled = like_label(text)
    return role_of(spelled, parent) if spelled and spelled != text else None


#: Header labels of some length as the forms print them: a label a scan misread (a letter wrong, its
#: spaces lost, a speck read before it) is the one it is ``LABEL_LIKE`` like (:func:`like_label`).
SPELLED_LABELS = ("indikator kinerja", "indikator kinerja utama", "indikator kinerja individu", "indikator sasaran",
                  "indikator kegiatan", "sasaran strategis", "sasaran program", "sasaran kegiatan", "rencana hasil kerja",
                  "rencana aksi", "kriteria keberhasilan", "inisiatif strategis", "penanggung jawab", "perspektif",
                  "keterangan", "realisasi", "anggaran", "sumber data")
#: Printed labels of other columns a letter away from one of those: a text likest one of them is no misreading
#: ("Sumber Dana", the funding source, is 90 like "Sumber Data").
NEIGHBOUR_LABELS = ("sumber dana", "sumber daya", "prospektif")
# rapidfuzz ratio, spaces left out: "andikatorkinerjaindividu" is 96 like "indikatorkinerjaindividu", one letter wrong in
# a label of 9 or 10 letters 88.9 or 90; the labels above are at most 73 like one another
LABEL_LIKE = 88
LABEL_LIKE_MIN = 8  # letters: a shorter label (No, IKU, Target, Satuan) is read only as printed
LABEL_LIKE_LENGTH = 1  # letters more or fewer: two labels run together ("No Sasaran Strategis", 94 like) are no misreading
_SPELLED = {label.replace(" ", ""): label for label in SPELLED_LABELS}
_NEIGHBOURS = tuple(label.replace(" ", "") for label in NEIGHBOUR_LABELS)
_LABEL_NOISE = re.compile(r"[^\p{L}\p{N}]+")
_CODE_TOKEN = re.compile(r"\d[.,/]\d")  # "1.1 Realisasi" is a code and a name, no label
# a body row's item: a dash or a bullet, or a number, a letter or a roman numeral with its point or bracket
_ITEM_START = re.compile(r"^\s*(?:[-–—•·*]|\(?(?:\d{1,3}|\p{L}|[ivxlIVXL]{1,4})[.)])")
YEAR = re.compile(r"^(?:19|20)\d{2}$")  # a year alone ("2024")


def like_label(text: str) -> str | None:
    """The printed header label a misread one stands for, or None (:func:`spelled_like`).

    >>> like_label("(000 andikator kinerjaindividu =~"), like_label("> rencana hasil kerj4"), like_label("persentase")
    ('indikator kinerja individu', 'rencana hasil kerja', None)
    >>> like_label("no sasaran strategis"), like_label("sumber dana"), like_label("1. indikator kinerja")  # no misreadings
    (None, None, None)
    """
    return spelled_like(text, _SPELLED, _NEIGHBOURS)


def spelled_like(text: str, spellings: Mapping[str, str], neighbours: Sequence[str] = ()) -> str | None:
    """What ``spellings`` (labels without spaces, to what they stand for) gives for the one ``text``
    is like: compared without spaces or marks, and without specks at its ends (a letter alone, marks
    and digits that are no year: ``(000``); ``LABEL_LIKE`` like and of its length within
    ``LABEL_LIKE_LENGTH``, and likest that one among ``neighbours`` too. A text with a code in it
    (``1.1 Realisasi``) or opening with an item's mark (``-``, ``1.``, ``a)``) is a row's, no label.

    >>> spelled_like("TARGFT KINERJA", {"targetkinerja": "Y"}), spelled_like("Tar", {"tar": "x"})
    ('Y', None)
    >>> spelled_like("IKU 1.1 Realisasi", {"realisasi": "r"}), spelled_like("Rea1isasi", {"realisasi": "r"})
    (None, 'r')
    >>> spelled_like("- Realisasi", {"realisasi": "r"}), spelled_like("2024 Realisasi", {"realisasi": "r"})
    (None, None)
    """
    if _CODE_TOKEN.search(text) or _ITEM_START.match(text):
        return None
    tokens = text.casefold().split()

    def speck(token: str) -> bool:
        bare = _LABEL_NOISE.sub("", token)
        return len(bare) <= 1 or (bare.isdigit() and not YEAR.match(bare))

    while len(tokens) > 1 and speck(tokens[0]):
        tokens.pop(0)
    while len(tokens) > 1 and speck(tokens[-1]):
        tokens.pop()
    spelled = "".join(_LABEL_NOISE.sub("", t) for t in tokens)
    if len(spelled) < LABEL_LIKE_MIN:
        return None
    near = [s for s in (*spellings, *neighbours) if abs(len(s) - len(spelled)) <= LABEL_LIKE_LENGTH]
    best = process.extractOne(spelled, near, scorer=fuzz.ratio, score_cutoff=LABEL_LIKE) if near else None
    return spellings.get(best[0]) if best else None


def header_roles(rows: list[list[str]]) -> list[str | None]:
    """Column roles from the header rows: the second refines the first, a third tells a realisasi's
    K (kinerja) from its Rp under each period.

    >>> header_roles([["Program", "Indikator", "Realisasi Triwulan", "", ""], ["", "", "I", "", "II"], ["", "", "K", "Rp", "K"]])
    [None, 'indicator', 'realisasi:Q1', 'realisasi_rp:Q1', 'realisasi:Q2']

    A number column before the indicators, after the sasaran's own, numbers the indicators:

    >>> header_roles([["No", "Sasaran", "No", "Indikator Kinerja", "Target 2022", "Realisasi", "", ""],
    ...               ["", "", "", "", "", "2022", "2021", "2020"]])
    ['no', 'sasaran', 'item_no', 'indicator', 'Y@2022', 'realisasi:Y@2022', 'realisasi:Y@2021', 'realisasi:Y@2020']

    Under the year's target of an Evaluasi Renja its Rp is the pagu, and a % under a quarter its capaian:

    >>> header_roles([["Indikator", "Target Kinerja dan Anggaran Renja Tahun Berjalan", "", "Realisasi Triwulan", "", ""],
    ...               ["", "", "", "I", "", ""], ["", "K", "Rp", "K", "%", "Rp"]])
    ['indicator', 'Y', 'anggaran', 'realisasi:Q1', 'capaian:Q1', 'realisasi_rp:Q1']
    """
    width = max(len(r) for r in rows)
    top = [clean_text(c) for c in rows[0]] + [""] * (width - len(rows[0]))
    roles = [role_of(c) for c in top]
    sub = [""] * width
    if len(rows) > 1:
        sub = _split_merged([clean_text(c) for c in rows[1]] + [""] * (width - len(rows[1])))
        parent = ""
        for i in range(width):
            parent = top[i] or parent
            if sub[i]:
                refined = role_of(sub[i], parent)
                if refined:
                    roles[i] = refined
    for extra in rows[2:]:  # a third row: K (kinerja) and Rp (the money) under each period of a realisasi
        labels = [clean_text(c).casefold() for c in extra] + [""] * (width - len(extra))
        for i, label in enumerate(labels):
            base = roles[i]
            if base is None and i > 0 and not top[i] and not sub[i]:  # under the period cell merged over K and Rp
                base = (roles[i - 1] or "").replace("_rp:", ":").replace("capaian:", "realisasi:")
            if label in _MONEY_LABELS and base == "Y":  # the year's target over its K and its Rp: the budget
                roles[i] = "anggaran"
                continue
            if not label or not base or not base.startswith("realisasi:"):
                if label and base and YEAR_ROLE.match(base) and label in _MONEY_LABELS:
                    roles[i] = None  # the Rp of another year's target
                continue
            if label in _MONEY_LABELS:
                roles[i] = base.replace("realisasi:", "realisasi_rp:")
            elif label in _KINERJA_LABELS:
                roles[i] = base
            elif label in _SHARE_LABELS:  # K, % and Rp under each period: the % is the capaian
                roles[i] = base.replace("realisasi:", "capaian:")
    if "program_kegiatan" in roles:  # the row's subject is its programme or kegiatan; a sasaran printed once is no row's
        roles = [None if r == "sasaran" else r for r in roles]
    for i in range(1, width):  # a header cell merged over two columns (a bullet column, then the text)
        if not top[i] and not sub[i] and roles[i] is None and roles[i - 1] in ("indicator", "sasaran") and top[i - 1]:
            roles[i] = roles[i - 1]
    if roles.count("no") > 1:  # "No | Sasaran | No | Indikator": the second number column numbers the indicators
        for i in range(roles.index("no") + 1, width - 1):
            if roles[i] == "no" and roles[i + 1] == "indicator":
                roles[i] = ITEM_NO_ROLE
    return roles


def _split_merged(sub: list[str]) -> list[str]:
    """Sub-header labels printed in one cell over two columns (``Volume Satuan`` above the volume
    and the unit) go back to their columns when the columns after the cell have no label.

    >>> _split_merged(["", "Volume Satuan", "", "IKT"])
    ['', 'Volume', 'Satuan', 'IKT']
    """
    out = list(sub)
    for i, text in enumerate(sub):
        words = text.split()
        if len(words) < 2 or text.casefold() in _SUB_LABELS:
            continue
        if all(w.casefold() in _SUB_LABELS for w in words) and i + len(words) <= len(sub) and not any(sub[i + 1 : i + len(words)]):
            out[i : i + len(words)] = words
    return out


def is_header_row(cells: list[str]) -> bool:
    """A header row names an indicator column and at least one other known column. A row whose one
    label is a code's letters with the code's number opening the next cell is an indicator's row
    (``IKU | 1.1 Realisasi pendapatan | - | ...``: a scan's columns parted at the gap inside "IKU 1.1").

    >>> is_header_row(["Kode", "Indikator Kinerja", "Target"]), is_header_row(["IKU", "1.1 Realisasi", "-", "Rp 7.465.000.000"])
    (True, False)
    >>> is_header_row(["Indikator Kinerja", "1", "2", "3"]), is_header_row(["IKU", "Target 2025"])
    (True, True)
    """
    texts = [t for c in cells if (t := clean_text(c))]
    roles = [role_of(t) for t in texts]
    labelled = [k for k, r in enumerate(roles) if r is not None]
    if len(labelled) == 1 and (k := labelled[0]) + 1 < len(texts) and rejoin_code(texts[k], texts[k + 1])[0] != texts[k]:
        return False
    return "indicator" in roles or "mixed" in roles or ("sasaran" in roles and roles.count(None) <= len(roles) // 2 and len(roles) >= 3)


def is_subheader_row(cells: list[str]) -> bool:
    texts = [clean_text(c) for c in cells if clean_text(c)]
    return bool(texts) and all(
        role_of(t, "Triwulan") in ANY_PERIOD_ROLES or _YEAR_LABEL.match(t.casefold()) or t.casefold() in ("kegiatan", "output") or _measure_label(t)
        or t.casefold() in _MONEY_LABELS | _KINERJA_LABELS | _SHARE_LABELS
        or role_of(t) in ("realisasi:Y", "capaian:Y") or ANGGARAN_HEADER.match(t)  # Target | Realisasi | Capaian under "Kinerja"
        for t in texts
    )


def _measure_label(text: str) -> bool:
    """``Volume``, ``Satuan``, ``IKT``, ``Ssrn Strag`` or several of them in one cell."""
    folded = text.casefold()
    return folded in _SUB_LABELS or all(w in _SUB_LABELS for w in folded.split())


_NUMBERING = re.compile(r"^\(\d+\)$")


def _column_numbers(filled: list[str]) -> bool:
    """The row under a header that numbers its columns: ``1 2 3 4 5`` (or ``(1) (2) …``).

    >>> _column_numbers(["1", "2", "3", "4", "5"]), _column_numbers(["2", "3", "7", "8"]), _column_numbers(["1", "Baik"])
    (True, True, False)
    """
    if len(filled) < 3 or not all(t.isdigit() for t in filled):
        return False
    numbers = [int(t) for t in filled]
    return numbers == sorted(set(numbers)) and numbers[0] <= 3


def _numbering_row(filled: list[str]) -> bool:
    """A row numbering the columns: ``(1) (2) …`` (OCR's slips too), or bare numbers in order."""
    return all(_NUMBERING.match(t) for t in filled) or _marked_numbers(filled) or _column_numbers(filled)


_MARK = re.compile(r"^\(?(?P<v>[0-9A-Za-z]{1,2})\)?$")


def _marked_numbers(filled: list[str]) -> bool:
    """``(1) (2) (3) (4)``, also as a scan's OCR leaves it: a bracket lost, or one number read as a
    letter or its bracket as a digit before it (``(1) 2) (3) a)``, ``48)`` for ``(8)``). Every cell a
    bracketed mark, each number its place in the row.

    >>> _marked_numbers(["(1)", "2)", "(3)", "a)"]), _marked_numbers(["(1)", "(2)", "(3)"]), _marked_numbers(["a)", "b)", "c)"])
    (True, True, False)
    >>> _marked_numbers(["(1)", "(3)", "(2)"]), _marked_numbers(["1)", "2)"]), _marked_numbers(["(1)", "(2)", "c)", "d)"])
    (False, False, False)
    >>> _marked_numbers(["(1)", "(2)", "(3)", "44)", "(5)"]), _marked_numbers(["(1)", "(2)", "(3)", "47)", "(5)"])  # "(" read as 4
    (True, False)
    >>> _marked_numbers(["(1)", "(2)", "(3)", "(14)"])  # both brackets printed: a 14, no slip
    False
    """
    marks = [_MARK.match(t) for t in filled]
    if len(filled) < 3 or not all(m and ("(" in t or ")" in t) for m, t in zip(marks, filled, strict=True)):
        return False
    values = [m["v"] for m in marks if m]
    first = next((int(v) - k for k, v in enumerate(values) if v.isdigit()), None)
    if first is None or not 0 <= first <= 2:
        return False

    def slip(k: int, v: str) -> bool:  # a number read as a letter, or its lost bracket read as a digit ("48)" for "(8)")
        return not v.isdigit() or (len(v) == 2 and first + k < 10 and v[1] == str(first + k) and not filled[k].startswith("("))

    wrong = [k for k, v in enumerate(values) if not (v.isdigit() and int(v) == first + k)]
    return len(wrong) <= (1 if len(values) >= 4 else 0) and all(slip(k, values[k]) for k in wrong)
_SHORT_LABELS = frozenset({"ket", "ket.", "jumlah", "uraian"})
# a budget table's column label: the whole cell ("Anggaran", "Pagu Anggaran (Rp)", "Anggaran Tahun 2024"), never a
# sasaran that names it ("Anggaran yang Akuntabel")
ANGGARAN_HEADER = re.compile(
    r"^(?:(?:jumlah|pagu|alokasi|total|nilai)\s+)?anggaran(?:\s*\(?\s*rp\.?\s*\)?|\s*\(rupiah\))?(?:\s+(?:tahun\s+)?(?:19|20)\d{2})?$",
    re.IGNORECASE,
)


# the number column's label, a page's folio maybe clinging to it ("15No.")
_NO_LABEL = re.compile(r"^\d{0,3}(?:no\.?|nomor)$", re.IGNORECASE)
# the first column of a budget with no number column: "Program/ Kegiatan Tahun 2020", "Kegiatan", "Sub Kegiatan"
_BUDGET_SUBJECT = re.compile(r"^(?:program|kegiatan|sub[\s-]*kegiatan)(?:\s*/\s*(?:program|kegiatan|sub[\s-]*kegiatan))*"
                             r"(?:\s+(?:tahun\s+)?(?:19|20)\d{2})?$", re.IGNORECASE)


def _other_header(filled: list[str], first: str = "") -> bool:
    """The header of a table of another kind (``No. | Kegiatan | Anggaran | Ket.``, a budget under
    the targets): every cell a column label, none of them an indicator column; or a budget's header
    (a number column, or a programme label in the first column (``first``: its text), and an anggaran
    label beside no indicator column: ``15No. | Program | Anggaran``, ``Program/ Kegiatan Tahun 2020 | | Anggaran``)."""
    if len(filled) < 2 or is_header_row(filled):
        return False
    if ((_NO_LABEL.match(filled[0]) or _BUDGET_SUBJECT.match(first)) and any(ANGGARAN_HEADER.search(t) for t in filled)
            and not any(role_of(t) == "indicator" for t in filled)):
        return True
    return len(filled) >= 3 and all(role_of(t) or t.casefold() in _SHORT_LABELS for t in filled)


_END_MARKERS = re.compile(r"^(?:PERILAKU KERJA|KONSEKUENSI|DUKUNGAN SUMBER DAYA|SKEMA PERTANGGUNGJAWABAN)\b")


@dataclass
class LogicalTable:
    """One indicator table, possibly continued over several blocks (page breaks)."""

    header: list[list[str]]
    roles: list[str | None]
    rows: list[Cells] = field(default_factory=list)
    raw: RawTable | None = None
    ended: bool = False

    @property
    def role_set(self) -> set[str]:
        return {r for r in self.roles if r}


_BULLET = frozenset({"-", "–", "•", "·", "*"})
_ITEM_NO = re.compile(r"^\d{1,3}\.?$")
_HEADING = re.compile(r"^\s*<b>(?P<heading>.+?)</b>\s*(?P<rest>\S.*)$", re.DOTALL)


def to_cells(cells: list[str], roles: list[str | None], line: int, table: int, row: int) -> Cells:
    values: dict[str, str] = {}
    for i, role in enumerate(roles):
        if role is None or i >= len(cells):
            continue
        raw = cells[i]
        if role == "aksi" and (m := _HEADING.match(raw)):  # "<b>Program …</b> Kegiatan …" (PDF font weight)
            values["program"] = clean_text(m.group("heading"))
            raw = m.group("rest")
        text = clean_text(raw)
        if text:
            if values.get(role) in _BULLET:  # the bullet column of a header cell merged over two
                values[role] = text
            elif i > 0 and roles[i - 1] == role and _ITEM_NO.match(values.get(role, "")) and clean_text(cells[i - 1]) == values[role]:
                values[ITEM_NO_ROLE] = values[role].rstrip(".")  # its number column: "1 | Jumlah …" is item 1
                values[role] = text
            else:
                values[role] = f"{values[role]} {text}" if role in values else text
    return Cells(values=values, line=line, table=table, row=row)


@dataclass
class TableScan:
    tables: list[LogicalTable] = field(default_factory=list)
    raw_tables: list[RawTable] = field(default_factory=list)
    other_rows: list[tuple[int, list[str]]] = field(default_factory=list)  # rows outside indicator tables


def scan_blocks(blocks: list[Block], file: str, start_index: int = 0) -> TableScan:
    """Group a document's table blocks into logical indicator tables; keep every block raw too."""
    scan = TableScan()
    current: LogicalTable | None = None
    for block in blocks:
        index = start_index + len(scan.raw_tables)
        raw_rows = [[clean_text(c) for c in cells] for _, cells in block.rows]
        width = max(len(r) for r in raw_rows)
        quality = sum(len(r) == width for r in raw_rows) / len(raw_rows)
        scan.raw_tables.append(RawTable(
            index=index, method=TableMethod(f"text-{block.kind}"), quality=round(quality, 3), rows=raw_rows,
            location={"file": file, "line": block.first_line},
        ))
        if current is not None and not current.ended and not is_header_row(block.rows[0][1]):
            # a block without its own header continues the open table only if it has its shape
            first = [clean_text(c) for c in block.rows[0][1]]
            if len(first) != len(current.roles) and not any(is_header_row(c) for _, c in block.rows[:3]):
                current.ended = True
        pending_header: list[list[str]] | None = None
        for row_no, (line_no, cells) in enumerate(block.rows):
            texts = [clean_text(c) for c in cells]
            filled = [t for t in texts if t]
            if not filled:
                continue
            if pending_header is not None:
                if len(pending_header) > 1 and _numbering_row(filled):
                    continue  # the column numbers between two header rows
                if is_subheader_row(cells):
                    pending_header.append(cells)
                    continue
                current = _open_table(scan, current, pending_header, index)
                pending_header = None
            if is_header_row(cells):
                pending_header = [cells]
                continue
            if _END_MARKERS.match(filled[0]) or _other_header(filled, texts[0] if texts else ""):
                if current is not None:
                    current.ended = True
                scan.other_rows.append((line_no, cells))
                continue
            if current is None or current.ended:
                scan.other_rows.append((line_no, cells))
                continue
            if _numbering_row(filled):
                continue
            current.rows.append(to_cells(cells, current.roles, line_no, index, row_no + 1))
        if pending_header is not None:
            current = _open_table(scan, current, pending_header, index)
    return scan


def _open_table(scan: TableScan, current: LogicalTable | None, header: list[list[str]], index: int) -> LogicalTable:
    roles = header_roles(header)
    if current is not None and not current.ended and current.roles == roles:
        return current  # header repeated after a page break
    table = LogicalTable(header=header, roles=roles)
    scan.tables.append(table)
    return table
