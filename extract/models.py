"""The output of the extract stage: one :class:`Document` per agreement or regulation found.

Every row keeps its :class:`~core.problems.Location` (file and line or page) and every
value its raw text (:class:`~normalize.values.Value`). Problems met while reading are
collected in ``Document.issues``; ``Document.status`` is never ``ok`` when there are any.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field

from core.problems import Location, Problem
from normalize.text import fold_key
from normalize.values import Value


class DocType(StrEnum):
    PK = "pk"
    RINCIAN_TARGET = "rincian_target"
    INISIATIF_STRATEGIS = "inisiatif_strategis"
    SKP = "skp"
    LAMPIRAN_SKP = "lampiran_skp"
    RENCANA_AKSI = "rencana_aksi"
    REGULATION = "regulation"


class Status(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"
    SKIPPED = "skipped"


class Period(StrEnum):
    """Target periods; a PK's single annual target is ``Y``."""

    Q1 = "Q1"
    Q2 = "Q2"
    SMT1 = "Smt1"
    Q3 = "Q3"
    SDQ3 = "sdQ3"
    Q4 = "Q4"
    Y = "Y"


class Role(StrEnum):
    PIHAK_PERTAMA = "pihak_pertama"
    PIHAK_KEDUA = "pihak_kedua"
    PEGAWAI = "pegawai"
    PEJABAT_PENILAI = "pejabat_penilai"
    PENANDATANGAN = "penandatangan"


class Party(BaseModel):
    role: Role
    name: str
    nip: str | None = None
    jabatan: str | None = None
    pangkat: str | None = None
    unit_kerja: str | None = None
    location: Location = Location()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name_key(self) -> str:
        return fold_key(self.name)


class Target(BaseModel):
    period: Period
    value: Value
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
    actions: list[Action] = Field(default_factory=list)
    location: Location = Location()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name_key(self) -> str:
        return fold_key(self.name)

    def target(self, period: Period) -> Target | None:
        return next((t for t in self.targets if t.period is period), None)


class BudgetLine(BaseModel):
    level: str  # program | output | kegiatan | inisiatif
    label: str | None = None
    name: str
    amount: int | None = None
    value: Value
    parent: str | None = None
    location: Location = Location()


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


class RawTable(BaseModel):
    """A table as read, before interpretation: every extracted table reports where it came
    from, how it was read and a quality figure (share of rows with the expected cell count)."""

    index: int
    method: str  # text-tab | text-pipe | text-layout | pdf-text | pdf-ruling | camelot | ocr
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
    status: Status = Status.OK
    pages: int | None = None
    span: tuple[int, int] | None = None  # first and last line (text) or page (PDF)
    header: Header = Field(default_factory=Header)
    parties: list[Party] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: list[RawTable] = Field(default_factory=list)
    issues: list[Problem] = Field(default_factory=list)

    def settle_status(self) -> Status:
        """ok only without issues; partial when something was doubtful or guessed."""
        if self.status in (Status.FAILED, Status.SKIPPED):
            return self.status
        self.status = Status.PARTIAL if self.issues else Status.OK
        return self.status

    def party(self, role: Role) -> Party | None:
        return next((p for p in self.parties if p.role is role), None)


class FileResult(BaseModel):
    """What one input file gave: its documents, or the reason it gave none."""

    path: str
    sha256: str | None = None
    status: Status
    reason: str | None = None
    documents: list[Document] = Field(default_factory=list)
    seconds: float = 0.0
    issues: list[Problem] = Field(default_factory=list)
