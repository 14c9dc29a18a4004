"""The output of the extract stage: one :class:`Document` per agreement or regulation found.

Every row keeps its :class:`~core.problems.Location` (file and line or page) and every
value its raw text (:class:`~normalize.values.Value`). Problems met while reading are
collected in ``Document.issues``; ``Document.status`` is never ``ok`` when there are any.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field

from core.i18n import Text, name_terms
from core.problems import Location, Problem, Severity
from extract.skp.model import SkpSheet
from normalize.text import fold_key
from normalize.values import Value


class DocType(StrEnum):
    PK = "pk"
    RINCIAN_TARGET = "rincian_target"
    INISIATIF_STRATEGIS = "inisiatif_strategis"
    SKP = "skp"
    LAMPIRAN_SKP = "lampiran_skp"
    RENCANA_AKSI = "rencana_aksi"
    LKJ = "lkj"
    EVALUASI_RENJA = "evaluasi_renja"  # Permendagri 86/2017: a Renja's (an RKPD's) results per quarter, K and Rp
    REGULATION = "regulation"


DOC_TYPE_NAMES = name_terms(DocType, {
    DocType.PK: Text("Perjanjian Kinerja", "Performance Agreement (PK)"),
    DocType.RINCIAN_TARGET: Text("Rincian Target Kinerja", "Target breakdown (Rincian Target)"),
    DocType.INISIATIF_STRATEGIS: Text("Inisiatif Strategis", "Strategic initiatives"),
    DocType.SKP: Text("SKP", "Employee targets (SKP)"),
    DocType.LAMPIRAN_SKP: Text("Lampiran SKP", "SKP appendix (Lampiran SKP)"),
    DocType.RENCANA_AKSI: Text("Rencana Aksi", "Action plan (Rencana Aksi)"),
    DocType.LKJ: Text("Laporan Kinerja (LKj)", "Performance report (LKj)"),
    DocType.EVALUASI_RENJA: Text("Evaluasi Hasil Renja", "Work plan evaluation (Evaluasi Renja)"),
    DocType.REGULATION: Text("Peraturan", "Regulation"),
})


class SkpForm(StrEnum):
    """Which SKP form a document follows: the Kemenkeu IKU-style form (the PermenPANRB 6/2022 layout
    with a perspektif column), or one of the three generations of national BKN forms."""

    KEMENKEU_IKU = "skp_kemenkeu_iku"
    PP46_2011 = "skp_pp46_2011"
    PERMENPANRB_8_2021 = "skp_permenpanrb_8_2021"
    PERMENPANRB_6_2022 = "skp_permenpanrb_6_2022"


SKP_FORM_NAMES = name_terms(SkpForm, {
    SkpForm.KEMENKEU_IKU: Text("SKP Kemenkeu (IKU)", "Kemenkeu SKP (IKU style)"),
    SkpForm.PP46_2011: Text("SKP PP 46/2011", "SKP under PP 46/2011"),
    SkpForm.PERMENPANRB_8_2021: Text("SKP PermenPANRB 8/2021", "SKP under PermenPANRB 8/2021"),
    SkpForm.PERMENPANRB_6_2022: Text("SKP PermenPANRB 6/2022", "SKP under PermenPANRB 6/2022"),
})


class Status(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"
    SKIPPED = "skipped"


STATUS_NAMES = name_terms(Status, {
    Status.OK: Text("baik", "ok"),
    Status.PARTIAL: Text("sebagian", "partial"),
    Status.FAILED: Text("gagal", "failed"),
    Status.SKIPPED: Text("dilewati", "skipped"),
})


class Period(StrEnum):
    """Target periods; a PK's single annual target is ``Y``; a Rencana Aksi may set one a month."""

    Q1 = "Q1"
    Q2 = "Q2"
    SMT1 = "Smt1"
    Q3 = "Q3"
    SDQ3 = "sdQ3"
    Q4 = "Q4"
    Y = "Y"
    M01 = "M01"
    M02 = "M02"
    M03 = "M03"
    M04 = "M04"
    M05 = "M05"
    M06 = "M06"
    M07 = "M07"
    M08 = "M08"
    M09 = "M09"
    M10 = "M10"
    M11 = "M11"
    M12 = "M12"


#: The periods of a target table in the order documents print them, the quarters, the months.
PERIODS: tuple[Period, ...] = (Period.Q1, Period.Q2, Period.SMT1, Period.Q3, Period.SDQ3, Period.Q4, Period.Y)
QUARTERS: tuple[Period, ...] = (Period.Q1, Period.Q2, Period.Q3, Period.Q4)
MONTHS: tuple[Period, ...] = tuple(Period(f"M{m:02d}") for m in range(1, 13))
#: The same as the readers name a column's role, by value: a target table's periods (``Q1`` … ``Y``),
#: the quarters, and any period (a realisasi table's months too).
PERIOD_ROLES: frozenset[str] = frozenset(p.value for p in PERIODS)
QUARTER_ROLES: frozenset[str] = frozenset(p.value for p in QUARTERS)
ANY_PERIOD_ROLES: frozenset[str] = frozenset(p.value for p in Period)
MONTH_NAMES_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                  "November", "Desember")
_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")

PERIOD_NAMES = name_terms(Period, {
    Period.Q1: Text("TW I", "Q1"),
    Period.Q2: Text("TW II", "Q2"),
    Period.SMT1: Text("Smt I", "H1"),
    Period.Q3: Text("TW III", "Q3"),
    Period.SDQ3: Text("s.d. TW III", "to Q3"),
    Period.Q4: Text("TW IV", "Q4"),
    Period.Y: Text("Tahunan", "Year"),
    **{m: Text(i, e) for m, i, e in zip(MONTHS, MONTH_NAMES_ID, _MONTH_NAMES_EN, strict=True)},
})


class Role(StrEnum):
    PIHAK_PERTAMA = "pihak_pertama"
    PIHAK_KEDUA = "pihak_kedua"
    PEGAWAI = "pegawai"
    PEJABAT_PENILAI = "pejabat_penilai"
    ATASAN_PEJABAT_PENILAI = "atasan_pejabat_penilai"  # PP 46/2011: the penilai's own superior, who receives the penilaian
    PENANDATANGAN = "penandatangan"


ROLE_NAMES = name_terms(Role, {
    Role.PIHAK_PERTAMA: Text("pihak pertama", "first party"),
    Role.PIHAK_KEDUA: Text("pihak kedua", "second party"),
    Role.PEGAWAI: Text("pegawai", "employee"),
    Role.PEJABAT_PENILAI: Text("pejabat penilai", "appraising official"),
    Role.ATASAN_PEJABAT_PENILAI: Text("atasan pejabat penilai", "appraising official's superior"),
    Role.PENANDATANGAN: Text("penanda tangan", "signatory"),
})


class Signature(StrEnum):
    """What shows a party signed: an electronic-signature mark (text or TTE QR code), a signature or
    stamp image over the name on a digital page, ink over the signature line of a scan; or nothing."""

    ELECTRONIC = "electronic"
    IMAGE = "image"
    INK = "ink"
    NONE = "none"


SIGNATURE_NAMES = name_terms(Signature, {
    Signature.ELECTRONIC: Text("tanda tangan elektronik", "electronic signature"),
    Signature.IMAGE: Text("gambar tanda tangan atau cap", "signature or stamp image"),
    Signature.INK: Text("tinta di atas nama", "ink over the name"),
    Signature.NONE: Text("tidak ada tanda tangan", "no signature"),
})


class Party(BaseModel):
    role: Role
    name: str
    nip: str | None = None
    jabatan: str | None = None
    pangkat: str | None = None
    unit_kerja: str | None = None
    signature: Signature | None = None  # None: not looked for (a text rendering shows no ink)
    location: Location = Location()

    @property
    def signed(self) -> bool | None:
        return None if self.signature is None else self.signature is not Signature.NONE

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name_key(self) -> str:
        return fold_key(self.name)


class Target(BaseModel):
    """One period's value of an indicator; ``year`` is set when the column names a year other than
    the document's own (a PK 2021 printing targets for 2023 and 2024)."""

    period: Period
    value: Value
    year: int | None = None
    location: Location = Location()


class Action(BaseModel):
    """One Rencana Aksi line: the action, its success criterion, the output and when; in the
    Pemda format also its follow-up plan, budget (rupiah, raw text kept) and who answers for it."""

    aksi: str | None = None
    program: str | None = None  # the programme heading printed over the kegiatan (Pemda format)
    kriteria: str | None = None
    output: str | None = None
    waktu: str | None = None
    rencana_tindak_lanjut: str | None = None
    anggaran: Value | None = None
    penanggung_jawab: str | None = None
    location: Location = Location()


class Indicator(BaseModel):
    sasaran_no: str | None = None
    sasaran: str | None = None
    sasaran_note: str | None = None
    kategori: str | None = None
    item_no: str | None = None
    code: str | None = None
    name: str
    parent: str | None = None
    perspektif: str | None = None
    satuan: str | None = None
    sumber_data: str | None = None
    pengukuran: str | None = None
    targets: list[Target] = Field(default_factory=list)
    # what a measurement or evaluation table prints beside the target (LKj "Pengukuran Kinerja",
    # Evaluasi Renja): the realisation and the printed capaian (%), per period, raw text kept
    realisasi: list[Target] = Field(default_factory=list)
    capaian: list[Target] = Field(default_factory=list)
    realisasi_rp: list[Target] = Field(default_factory=list)  # Evaluasi Renja: the rupiah spent, per period
    anggaran: Value | None = None  # Evaluasi Renja: the pagu of the row's programme, kegiatan or sub-kegiatan for the year
    actions: list[Action] = Field(default_factory=list)
    location: Location = Location()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name_key(self) -> str:
        return fold_key(self.name)

    def target(self, period: Period) -> Target | None:
        """The target of a period of the document's own year (a column of another year is not it)."""
        return next((t for t in self.targets if t.period is period and t.year is None), None)


class BudgetLevel(StrEnum):
    """Where a budget line stands: a PK's Program → Output → Kegiatan, a realisasi sheet's
    Program → Kegiatan → Sub Kegiatan, an Inisiatif Strategis' cost."""

    PROGRAM = "program"
    OUTPUT = "output"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    INISIATIF = "inisiatif"


BUDGET_LEVEL_NAMES = name_terms(BudgetLevel, {
    BudgetLevel.PROGRAM: Text("Program", "Programme"),
    BudgetLevel.OUTPUT: Text("Output", "Output"),
    BudgetLevel.KEGIATAN: Text("Kegiatan", "Activity"),
    BudgetLevel.SUB_KEGIATAN: Text("Sub Kegiatan", "Sub-activity"),
    BudgetLevel.INISIATIF: Text("Inisiatif", "Initiative"),
})


#: The levels of a budget hierarchy, from the top (an Inisiatif stands apart).
BUDGET_HIERARCHY: tuple[BudgetLevel, ...] = (
    BudgetLevel.PROGRAM, BudgetLevel.OUTPUT, BudgetLevel.KEGIATAN, BudgetLevel.SUB_KEGIATAN,
)


class BudgetLine(BaseModel):
    """One line of a budget: its pagu (``amount``, exact rupiah, ``value`` as printed) and, in a
    budget-realisation table, what was spent (``realisasi``) and the printed share (``persen``)."""

    level: BudgetLevel
    label: str | None = None
    name: str
    amount: int | None = None
    value: Value
    parent: str | None = None
    realisasi: Value | None = None
    persen: Value | None = None
    location: Location = Location()


@dataclass
class BudgetNode:
    """A budget line and the lines under it."""

    line: BudgetLine
    children: list[BudgetNode] = field(default_factory=list)

    @property
    def children_total(self) -> int | None:
        """The sum of the children's amounts; None when no child has one."""
        amounts = [c.line.amount for c in self.children if c.line.amount is not None]
        return sum(amounts) if amounts else None

    @property
    def adds_up(self) -> bool | None:
        """Whether every child has an amount and they sum to this line's; None when there is
        nothing to compare (no children, or no amount on this line)."""
        if not self.children or self.line.amount is None:
            return None
        return all(c.line.amount is not None for c in self.children) and self.children_total == self.line.amount


def budget_tree(lines: Sequence[BudgetLine], levels: Sequence[BudgetLevel] = BUDGET_HIERARCHY[:3]) -> list[BudgetNode]:
    """The lines of ``levels`` as a tree, in document order (a PK's Program → Output → Kegiatan by
    default). A line hangs under the latest line of a higher level whose name is its ``parent``,
    else under the nearest higher line seen; a line with no higher line before it is a root."""
    roots: list[BudgetNode] = []
    latest: dict[BudgetLevel, BudgetNode] = {}
    for line in lines:
        if line.level not in levels:
            continue
        node = BudgetNode(line)
        depth = levels.index(line.level)
        higher = [latest[lv] for lv in reversed(levels[:depth]) if lv in latest]
        named = [n for n in higher if line.parent is not None and n.line.name == line.parent]
        parent = (named or higher or [None])[0]
        (parent.children if parent else roots).append(node)
        latest[line.level] = node
        for lower in levels[depth + 1:]:
            latest.pop(lower, None)
    return roots


def tree_total(roots: Sequence[BudgetNode]) -> int | None:
    """The budget's total: the sum of its top lines' amounts (a PK's programmes); None when none has one."""
    amounts = [r.line.amount for r in roots if r.line.amount is not None]
    return sum(amounts) if amounts else None


def walk(nodes: Sequence[BudgetNode]) -> Iterator[BudgetNode]:
    """Every node of a budget tree, depth first, in document order."""
    for node in nodes:
        yield node
        yield from walk(node.children)


class Initiative(BaseModel):
    no: str | None = None
    iku: str | None = None
    inisiatif: str
    output_outcome: str | None = None
    trajectory_kegiatan: str | None = None
    trajectory_output: str | None = None
    periode: str | None = None
    penanggung_jawab: str | None = None
    biaya: Value | None = None
    location: Location = Location()


class Section(BaseModel):
    """A titled list in a document, e.g. a Lampiran SKP's DUKUNGAN SUMBER DAYA."""

    title: str
    items: list[str] = Field(default_factory=list)
    span: int = 1  # lines from the title to the last item
    location: Location = Location()


class TableMethod(StrEnum):
    """How a table was read."""

    TEXT_TAB = "text-tab"  # a text rendering's TAB-separated rows
    TEXT_PIPE = "text-pipe"  # a text rendering's | pipe | rows
    TEXT_LAYOUT = "text-layout"  # a text rendering laid out with spaces (pdftotext -layout)
    DOCX = "docx"  # a Word table
    PDF_RULING = "pdf-ruling"  # a PDF's vector ruling lines (pdfplumber's table finder)
    PDF_RULING_IMAGE = "pdf-ruling-image"  # a scan's ruling lines in the image, cells from its text layer
    CAMELOT = "camelot"  # camelot's lattice reader, where a ruled grid failed validation
    PDF_WORDS = "pdf-words"  # an unruled PDF table rebuilt from word positions
    OCR = "ocr"  # a scan read by tesseract cell by cell


class RawTable(BaseModel):
    """A table as read, before interpretation: every extracted table reports where it came
    from, how it was read and a quality figure (share of rows with the expected cell count)."""

    index: int
    method: TableMethod
    page: int | None = None
    quality: float = 1.0
    rows: list[list[str]] = Field(default_factory=list)
    location: Location = Location()


class Header(BaseModel):
    title: str | None = None
    jabatan: str | None = None
    instansi: str | None = None
    unit: str | None = None
    year: int | None = None
    nomor: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_raw: str | None = None
    e_signed: bool = False
    jumlah_anggaran: Value | None = None
    jumlah_anggaran_location: Location | None = None


class Document(BaseModel):
    model_config = ConfigDict(validate_assignment=False)

    doc_id: str
    source_file: str
    doc_type: DocType
    form: SkpForm | None = None  # an SKP's (or Lampiran SKP's) form; None for other documents
    status: Status = Status.OK
    pages: int | None = None
    span: tuple[int, int] | None = None  # first and last line (text) or page (PDF)
    header: Header = Field(default_factory=Header)
    parties: list[Party] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    skp: SkpSheet | None = None  # a BKN SKP form's targets, realisasi, scores and behaviours, as printed
    tables: list[RawTable] = Field(default_factory=list)
    issues: list[Problem] = Field(default_factory=list)

    def settle_status(self) -> Status:
        """ok only without doubtful issues; partial when something was doubtful or guessed (an
        ``info`` issue, a note such as ``1.250`` read the Indonesian way, leaves it ok)."""
        if self.status in (Status.FAILED, Status.SKIPPED):
            return self.status
        self.status = Status.PARTIAL if self.doubts() else Status.OK
        return self.status

    def doubts(self) -> list[Problem]:
        """The issues that make the document partial: every one above ``info``."""
        return [p for p in self.issues if p.severity is not Severity.INFO]

    def party(self, role: Role) -> Party | None:
        return next((p for p in self.parties if p.role is role), None)


def checks_counted(problems: Iterable[Problem]) -> str:
    """The checks of some problems, the most frequent first, each with its count when over one:
    ``table_guessed ×2, ocr_low_confidence`` (why a document or a file is partial)."""
    counts = Counter(p.check for p in problems)
    return ", ".join(f"{check} ×{n}" if n > 1 else check for check, n in counts.most_common())


class FileOutcome(BaseModel):
    """How reading one input file went: its status, the reason when it is not ``ok``, the time."""

    path: str
    sha256: str | None = None
    status: Status
    reason: str | None = None
    seconds: float = 0.0


class FileResult(FileOutcome):
    """What one input file gave: its documents, or the reason it gave none."""

    documents: list[Document] = Field(default_factory=list)
    issues: list[Problem] = Field(default_factory=list)

    def entry(self) -> ManifestEntry:
        """The file's line in the manifest: its outcome and the ids of its documents."""
        return ManifestEntry(**self.model_dump(include=set(FileOutcome.model_fields)),
                             documents=[d.doc_id for d in self.documents])


class ManifestEntry(FileOutcome):
    """One input in ``manifest.json``: its outcome and the ids of the documents it gave."""

    documents: list[str] = Field(default_factory=list)
