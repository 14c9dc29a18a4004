"""Split a text rendering into lines, table blocks and documents.

A rendering may be markdown with tab-separated or pipe tables, or a pdftotext-like layout
where cells are paragraphs. One file can hold several documents (a PK, its Rincian Target,
an SKP and its Lampiran ...): each starts at an upper-case title line, or, when the title
was lost, is recognised by its first table's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.models import DocType
from normalize.text import clean_text


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    raw: str
    page: int | None = None  # 1-based page when the rendering marks pages with form feeds

    @property
    def text(self) -> str:
        """The line without markdown emphasis, HTML and extra spaces (tabs become spaces)."""
        return clean_text(self.raw.replace("**", ""))

    @property
    def is_tab_row(self) -> bool:
        return "\t" in self.raw

    @property
    def is_pipe_row(self) -> bool:
        return self.raw.lstrip().startswith("|")

    @property
    def blank(self) -> bool:
        return not self.raw.strip().replace("*", "")


@dataclass
class Block:
    """A run of consecutive table rows (tab- or pipe-separated) in the file."""

    kind: str  # tab | pipe
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line no, raw cells)

    @property
    def first_line(self) -> int:
        return self.rows[0][0]


_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_lines(text: str) -> list[Line]:
    """Numbered lines; a form feed (as pdftotext writes between pages) starts a new page.

    >>> [(ln.no, ln.page, ln.raw) for ln in read_lines("a\\fb\\nc")]
    [(1, 1, 'a'), (2, 2, 'b'), (3, 2, 'c')]
    >>> read_lines("a\\nb\\n")[1].page is None, len(read_lines("a\\nb\\n"))
    (True, 2)
    """
    text = text.replace("\r\n", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    pages = text.split("\f")
    paged = len(pages) > 1
    out: list[Line] = []
    for page_no, page in enumerate(pages, start=1):
        if paged and page_no == len(pages) and not page.strip():
            break
        for raw in page.split("\n"):
            out.append(Line(len(out) + 1, raw, page_no if paged else None))
    return out


def table_blocks(lines: list[Line]) -> list[Block]:
    """Maximal runs of consecutive tab rows or pipe rows; pipe separator rows are dropped."""
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        kind = "pipe" if line.is_pipe_row else "tab" if line.is_tab_row else None
        if kind is None or (current is not None and current.kind != kind):
            if current is not None:
                blocks.append(current)
            current = None
        if kind is None:
            continue
        if kind == "pipe" and _PIPE_SEPARATOR.match(line.raw):
            if current is None:
                current = Block(kind)
            continue
        if current is None:
            current = Block(kind)
        if kind == "pipe":
            cells = line.raw.strip().split("|")
            if cells and not cells[0].strip():
                cells = cells[1:]
            if cells and not cells[-1].strip():
                cells = cells[:-1]
        else:
            cells = line.raw.split("\t")
        current.rows.append((line.no, cells))
    if current is not None and current.rows:
        blocks.append(current)
    return [b for b in blocks if b.rows]


# --- document boundaries -------------------------------------------------------------------

TITLES: list[tuple[re.Pattern[str], DocType]] = [
    (re.compile(r"^LAMPIRAN\s+SASARAN\s+KINERJA\s+PEGAWAI\b"), DocType.LAMPIRAN_SKP),
    (re.compile(r"^SASARAN\s+KINERJA\s+PEGAWAI\b"), DocType.SKP),
    # the national BKN forms: PP 46/2011's book (SASARAN KERJA, not KINERJA) and 6/2022's evaluation
    (re.compile(r"^(?:FORMULIR\s+)?SASARAN\s+KERJA(?:\s+PEGAWAI)?(?:\s+NEGERI\s+SIPIL)?\s*(?:\(SKP\))?$"), DocType.SKP),
    (re.compile(r"^PENILAIAN\s+CAPAIAN\s+SASARAN\s+KERJA\b"), DocType.SKP),
    (re.compile(r"^(?:DOKUMEN\s+)?PENILAIAN\s+PRESTASI\s+KERJA\b"), DocType.SKP),
    (re.compile(r"^BUKU\s+CATATAN\s+PENILAIAN\s+PERILAKU\b"), DocType.SKP),
    (re.compile(r"^(?:DOKUMEN\s+)?EVALUASI\s+KINERJA\s+PEGAWAI\b"), DocType.SKP),
    (re.compile(r"^RINCIAN\s+TARGET\s+KINERJA\b"), DocType.RINCIAN_TARGET),
    # an LKj measurement table (target, realisasi, capaian per indicator) holds targets like a Rincian
    (re.compile(r"^PENGUKURAN\s+KINERJA\b"), DocType.RINCIAN_TARGET),
    # Permendagri 86/2017's "Evaluasi terhadap Hasil Renja Perangkat Daerah" (and "... Hasil RKPD"): what a
    # work plan realised, quarter by quarter, against its targets - no agreement's targets
    (re.compile(r"^(?:LAPORAN\s+|FORMULIR\s+|(?:HASIL\s+)?MONITORING\s+DAN\s+)?EVALUASI\s+(?:TERHADAP\s+)?(?:HASIL\s+)?"
                r"(?:PELAKSANAAN\s+)?(?:RENJA|RKPD|RENCANA\s+KERJA(?!\s+(?:DAN\s+)?ANGGARAN|\s+TAHUNAN))\b"),
     DocType.EVALUASI_RENJA),
    (re.compile(r"^INISIATIF\s+STRATEGIS\b"), DocType.INISIATIF_STRATEGIS),
    (re.compile(r"^RENCANA\s+AKSI\b"), DocType.RENCANA_AKSI),
    (re.compile(r"^(?:LAMPIRAN\s+)?(?:PERNYATAAN\s+)?PERJANJIAN\s+KINERJA\b"), DocType.PK),
    # a report: its measurement tables, and the documents it prints as tables of its own (the PK of its chapter 2)
    (re.compile(r"^(?:LAPORAN\s+(?:AKUNTABILITAS\s+)?KINERJA|LKJIP|LAKIP|LAKIN)\b"), DocType.LKJ),
]
#: A table's caption in a report: "Tabel 2.1 Perjanjian Kinerja … Tahun 2022" names what the table is.
CAPTION = re.compile(r"^Tabel\s+\d+(?:\.\d+)*\.?\s+", re.IGNORECASE)
#: A report's chapter heading (a page number may cling to it: "16BAB III").
CHAPTER = re.compile(r"^\d{0,3}BAB\s+[IVX]+\b")

_REG_MARKERS = (
    re.compile(r"\bMenimbang\s*:", re.IGNORECASE),
    re.compile(r"\bMengingat\s*:", re.IGNORECASE),
    re.compile(r"\bMEMUTUSKAN\s*:"),
    re.compile(r"^\s*(?:PERATURAN|KEPUTUSAN)\b.*$|^\s*NOMOR\b", re.MULTILINE),
)


def is_regulation(text: str) -> bool:
    """A regulation (Peraturan/Keputusan) carries the consideranda near its top."""
    head = text[:20000]
    return sum(bool(p.search(head)) for p in _REG_MARKERS) >= 3


_TITLE_SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "pada", "untuk", "yang", "atas", "serta", "atau"})


def _title_case(text: str) -> bool:
    """``Rencana Aksi Tahun 2016``: a short line whose every word (but connectives) is capitalised.

    >>> _title_case("Rencana Aksi Tahun 2016"), _title_case("Rencana aksi ini disusun untuk 2016.")
    (True, False)
    """
    if len(text) > 80 or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return bool(words) and all(w[0].isupper() or w.casefold() in _TITLE_SMALL_WORDS for w in words)


def title_type(line: Line) -> DocType | None:
    """The document type a title line announces; titles are short, upper or title case."""
    if line.is_tab_row or line.is_pipe_row:
        return None
    text = CAPTION.sub("", line.text)
    if not text or len(text) > 160:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    if sum(c.isupper() for c in letters) / len(letters) < 0.9:
        if not _title_case(text):
            return None
        text = text.upper()
    for pattern, doc_type in TITLES:
        if pattern.match(text):
            return doc_type
    return None


@dataclass
class Segment:
    """The lines of one document inside a file."""

    doc_type: DocType | None
    lines: list[Line] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return (self.lines[0].no, self.lines[-1].no)


_INDICATOR_HEADER = re.compile(
    r"\b(?:Indikator\s+(?:Kinerja|Sasaran)|IKU|IKI|INDIKATOR\s+KINERJA\s+INDIVIDU)\b", re.IGNORECASE
)


def _has_indicator_rows(seg: Segment) -> bool:
    return any(_INDICATOR_HEADER.search(ln.text) for ln in seg.lines if ln not in seg.title_lines)


def split_documents(lines: list[Line]) -> list[Segment]:
    """Cut a file's lines into documents at title lines.

    A title of the same type as the current document does not start a new one while the
    current document has not yet shown its indicator table (a cover page, then the title
    of the agreement itself, then its lampiran).
    """
    segments: list[Segment] = []
    current = Segment(doc_type=None)
    report: Segment | None = None  # an LKj report: the documents it prints are tables inside it
    for line in lines:
        doc_type = title_type(line)
        if report is not None:
            if current is not report and (CAPTION.match(line.text) or CHAPTER.match(line.text)) and doc_type is None:
                segments.append(current)  # the next caption or chapter ends a document printed in the report
                current = report
            if current is not report or doc_type is DocType.LKJ:
                current.lines.append(line)  # the report's running title ("Laporan Kinerja … Tahun 2022") is no new one
                continue
            if doc_type is not None:  # a document printed inside the report, up to the next caption or chapter
                if not any(seg is report for seg in segments):
                    segments.append(report)
                current = Segment(doc_type=doc_type, lines=[line], title_lines=[line])
                continue
            current.lines.append(line)
            continue
        if doc_type is not None:
            continues = current.doc_type is doc_type and not _has_indicator_rows(current)
            untyped_preamble = current.doc_type is None and not _has_indicator_rows(current)
            if continues or untyped_preamble:
                current.doc_type = doc_type
            else:
                if current.lines:
                    segments.append(current)
                current = Segment(doc_type=doc_type)
            current.title_lines.append(line)
            current.lines.append(line)
            if doc_type is DocType.LKJ:
                report = current
            continue
        if current.title_lines and current.title_lines[-1].no == line.no - 1 and _continues_title(line):
            current.title_lines.append(line)
        current.lines.append(line)
    if current.lines and not any(s is current for s in segments):
        segments.append(current)
    return [s for s in segments if any(not ln.blank for ln in s.lines)]


def _continues_title(line: Line) -> bool:
    text = line.text
    if not text or line.is_tab_row or line.is_pipe_row or len(text) > 120:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.9


def guess_type_from_header(seg: Segment) -> DocType | None:
    """For a document whose title was lost: recognise it by its table header."""
    for line in seg.lines[:80]:
        t = line.text
        if re.search(r"RENCANA\s+HASIL\s+KERJA", t, re.IGNORECASE):
            return DocType.SKP
        if re.search(r"\bIKI\b", t):
            return DocType.LAMPIRAN_SKP
        # Permendagri 86/2017's Evaluasi Renja, whichever title a copy lost: the form's own column wording,
        # "Realisasi Kinerja Pada Triwulan I-IV" (K and Rp) or the Renja's figures "yang dievaluasi" (a sentence
        # naming the Renja and a realisation, or a Renja plan's "Realisasi ... s.d. tahun lalu", is neither)
        if re.search(r"\bRealisasi\s+Kinerja\s+Pada\s+Triwulan\b|\bRenja\b.*\byang\s+dievaluasi\b", t, re.IGNORECASE):
            return DocType.EVALUASI_RENJA
        if re.search(r"\bQ1\b.*\bQ2\b", t) or re.search(r"\bTriwulan\b", t, re.IGNORECASE):
            return DocType.RINCIAN_TARGET
        if re.search(r"Sasaran.*Indikator\s+Kinerja.*Target", t, re.IGNORECASE):
            return DocType.PK
    return None
