"""The report's words, in Indonesian (default) and English.

Every label of the page is a field of :class:`Labels`, so a language that forgets one fails at
import, and a typo in a template is an error (the templates run with ``StrictUndefined``).
The words of the enumerations (statuses, periods, roles, document types, checks and their
families, ...) are not restated here: they come from the vocabularies their owners register
(:mod:`core.i18n`) and from the check registry (:mod:`audit.registry`). Numbers keep the
Indonesian notation in both languages (``Rp 79.534.353.000``, ``34,94%``): they are what the
auditor looks up in the source documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from audit.registry import CHECKS, Family
from core.i18n import labels_of
from core.problems import Severity
from extract.models import BudgetLevel, DocType, Period, Role, Signature, Status
from score.models import Colour


def _vocabularies(lang: str) -> dict[str, Mapping[str, str]]:
    """The enumerations' words in ``lang``, as :class:`Labels` fields."""
    return {
        "statuses": labels_of(Status, lang),
        "colours": labels_of(Colour, lang),
        "severities": labels_of(Severity, lang),
        "periods": labels_of(Period, lang),
        "roles": labels_of(Role, lang),
        "signatures": labels_of(Signature, lang),
        "doc_types": labels_of(DocType, lang),
        "budget_levels": labels_of(BudgetLevel, lang),
        "families": labels_of(Family, lang),
        "checks": MappingProxyType({c.id: c.title(lang) for c in CHECKS.values()}),
    }


@dataclass(frozen=True)
class Labels:
    lang: str
    title: str
    overview: str
    inputs: str
    documents: str
    findings: str
    pages: str
    lines: str
    reason: str
    file: str
    status: str
    failed_inputs: str
    all_read: str
    outside: str
    outside_findings: str
    contents: str
    dossier: str
    dossiers: str
    unit: str
    year: str
    officials: str
    name: str
    nip: str
    jabatan: str
    signed: str
    role: str
    doc_id: str
    doc_type: str
    issues: str
    iku: str
    iku_ref: str
    no_iku: str
    code: str
    indicator: str
    satuan: str
    trajectory: str
    capaian: str
    realisasi: str
    printed_capaian: str
    targets_from: str
    annual_from_pk: str
    capaian_chart: str
    capaian_note: str
    findings_by_check: str
    no_findings: str
    message: str
    expected: str
    found: str
    where: str
    more_evidence: str
    line: str
    page: str
    table: str
    row: str
    budget: str
    no_budget: str
    level: str
    item: str
    amount: str
    children_sum: str
    difference: str
    mismatch: str
    budget_total: str
    jumlah_anggaran: str
    consistency: str
    skp_scores: str  # an SKP's printed scores beside the ones its rule set gives
    skp_note: str
    element: str
    printed: str
    computed: str
    predikat: str
    family: str
    checked: str
    passed: str
    share: str
    total: str
    none: str
    index: str  # the dossier index of a large batch
    errors: str
    warnings: str
    back: str
    more_listed: str  # "{n} more: see {file}"
    index_pages: str
    statuses: Mapping[str, str]
    colours: Mapping[str, str]
    severities: Mapping[str, str]
    periods: Mapping[str, str]
    roles: Mapping[str, str]
    signatures: Mapping[str, str]
    doc_types: Mapping[str, str]
    budget_levels: Mapping[str, str]
    families: Mapping[str, str]
    checks: Mapping[str, str]

    def of(self, mapping: Mapping[str, str], key: str | None) -> str:
        """The label of ``key`` in one of the enumerations; the key itself when unknown."""
        if key is None:
            return self.none
        return mapping.get(key, key)


ID = Labels(
    lang="id",
    title="Laporan Audit Perjanjian Kinerja",
    overview="Ringkasan batch",
    inputs="Berkas masukan",
    documents="Dokumen",
    findings="Temuan",
    pages="Halaman",
    lines="Baris",
    reason="Alasan",
    file="Berkas",
    status="Status",
    failed_inputs="Masukan yang gagal dibaca",
    all_read="Semua masukan terbaca.",
    outside="Dokumen di luar berkas kinerja",
    outside_findings="Temuan di luar berkas kinerja",
    contents="Daftar berkas kinerja",
    dossier="Berkas kinerja",
    dossiers="berkas kinerja",
    unit="Unit kerja",
    year="Tahun",
    officials="Pejabat",
    name="Nama",
    nip="NIP",
    jabatan="Jabatan",
    signed="Tanda tangan",
    role="Peran",
    doc_id="ID dokumen",
    doc_type="Jenis",
    issues="Isu ekstraksi",
    iku="Indikator Kinerja Utama (IKU)",
    iku_ref="Acuan",
    no_iku="Tidak ada indikator.",
    code="Kode",
    indicator="Indikator",
    satuan="Satuan",
    trajectory="Lintasan triwulan",
    capaian="Capaian",
    realisasi="Realisasi",
    printed_capaian="Capaian tertulis",
    targets_from="Target periodik dari",
    annual_from_pk="target tahunan dari PK",
    capaian_chart="Capaian per IKU",
    capaian_note="Garis putus-putus: 100%.",
    findings_by_check="Temuan per jenis pemeriksaan",
    no_findings="Tidak ada temuan.",
    message="Uraian",
    expected="Acuan",
    found="Ditemukan",
    where="Lokasi",
    more_evidence="bukti lainnya",
    line="baris",
    page="hlm.",
    table="tabel",
    row="baris tabel",
    budget="Anggaran",
    no_budget="Tidak ada rincian anggaran.",
    level="Tingkat",
    item="Uraian",
    amount="Pagu",
    children_sum="Jumlah rincian",
    difference="Selisih",
    mismatch="tidak sama",
    budget_total="Total pagu program",
    jumlah_anggaran="Jumlah anggaran (Lampiran SKP)",
    consistency="Skor konsistensi",
    skp_scores="Nilai SKP",
    skp_note="nilai tercetak dan hitungan ulang menurut",
    element="Unsur",
    printed="Tercetak",
    computed="Hitungan ulang",
    predikat="Sebutan / predikat",
    family="Kelompok pemeriksaan",
    checked="Diperiksa",
    passed="Lolos",
    share="Persentase",
    total="Total",
    none="–",
    index="Indeks berkas",
    errors="Galat",
    warnings="Peringatan",
    back="Kembali ke ringkasan",
    more_listed="{n} lainnya: lihat {file}",
    index_pages="Halaman indeks",
    **_vocabularies("id"),
)

EN = Labels(
    lang="en",
    title="Performance Agreement Audit Report",
    overview="Batch overview",
    inputs="Input files",
    documents="Documents",
    findings="Findings",
    pages="Pages",
    lines="Lines",
    reason="Reason",
    file="File",
    status="Status",
    failed_inputs="Inputs that could not be read",
    all_read="Every input was read.",
    outside="Documents outside any dossier",
    outside_findings="Findings outside any dossier",
    contents="Dossiers",
    dossier="Dossier",
    dossiers="dossiers",
    unit="Unit",
    year="Year",
    officials="Officials",
    name="Name",
    nip="NIP",
    jabatan="Position",
    signed="Signature",
    role="Role",
    doc_id="Document ID",
    doc_type="Type",
    issues="Extraction issues",
    iku="Key performance indicators (IKU)",
    iku_ref="Reference",
    no_iku="No indicators.",
    code="Code",
    indicator="Indicator",
    satuan="Unit of measure",
    trajectory="Quarterly trajectory",
    capaian="Achievement",
    realisasi="Realisation",
    printed_capaian="Achievement as printed",
    targets_from="Period targets from",
    annual_from_pk="annual target from the PK",
    capaian_chart="Achievement per IKU",
    capaian_note="Dashed line: 100%.",
    findings_by_check="Findings by check",
    no_findings="No findings.",
    message="Description",
    expected="Expected",
    found="Found",
    where="Where to look",
    more_evidence="more pieces of evidence",
    line="line",
    page="p.",
    table="table",
    row="row",
    budget="Budget",
    no_budget="No budget lines.",
    level="Level",
    item="Item",
    amount="Amount",
    children_sum="Sum of items",
    difference="Difference",
    mismatch="does not add up",
    budget_total="Total of programmes",
    jumlah_anggaran="Budget total (Lampiran SKP)",
    consistency="Consistency score",
    skp_scores="SKP scores",
    skp_note="printed scores and the ones recomputed by",
    element="Element",
    printed="Printed",
    computed="Recomputed",
    predikat="Rating label",
    family="Check family",
    checked="Checked",
    passed="Passed",
    share="Share",
    total="Total",
    none="–",
    index="Dossier index",
    errors="Errors",
    warnings="Warnings",
    back="Back to the overview",
    more_listed="{n} more: see {file}",
    index_pages="Index pages",
    **_vocabularies("en"),
)

LANGUAGES: Mapping[str, Labels] = MappingProxyType({"id": ID, "en": EN})


def labels(lang: str = "id") -> Labels:
    """The labels of ``lang`` (``id`` or ``en``).

    >>> labels("en").of(labels("en").periods, "Smt1")
    'H1'
    >>> labels().of(labels().checks, "a_new_check")
    'a_new_check'
    """
    try:
        return LANGUAGES[lang]
    except KeyError:
        raise ValueError(f"unknown report language {lang!r}; choose one of {', '.join(LANGUAGES)}") from None
