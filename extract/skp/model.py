"""What an SKP form prints beyond its indicator rows: every target, realisation and score as printed.

One :class:`SkpSheet` per SKP document, whatever the generation. Every number is a
:class:`~normalize.values.Value` (raw text kept) and every row keeps its
:class:`~core.problems.Location`; nothing here is computed (the score stage recomputes, the audit
compares). Labels printed beside numbers (a sebutan ``(Baik)``, a kategori, a rating, a predikat)
are kept as printed text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field

from core.i18n import Text, name_terms
from core.problems import Location
from normalize.values import Value


class SkpSection(StrEnum):
    """Where an item stands: the main work (PP 46's kegiatan tugas jabatan, A. UTAMA / KINERJA UTAMA),
    additional work (B. TAMBAHAN), and PP 46's tugas tambahan and kreativitas."""

    UTAMA = "utama"
    TAMBAHAN = "tambahan"
    TUGAS_TAMBAHAN = "tugas_tambahan"
    KREATIVITAS = "kreativitas"


SKP_SECTION_NAMES = name_terms(SkpSection, {
    SkpSection.UTAMA: Text("kinerja utama", "main work"),
    SkpSection.TAMBAHAN: Text("kinerja tambahan", "additional work"),
    SkpSection.TUGAS_TAMBAHAN: Text("tugas tambahan", "additional task"),
    SkpSection.KREATIVITAS: Text("kreativitas", "creativity"),
})


class Aspect(StrEnum):
    """The four aspects of a PP 46/2011 target (Perka BKN 1/2013): output, quality, time, cost."""

    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"


ASPECT_NAMES = name_terms(Aspect, {
    Aspect.KUANTITAS: Text("kuantitas/output", "quantity/output"),
    Aspect.KUALITAS: Text("kualitas/mutu", "quality"),
    Aspect.WAKTU: Text("waktu", "time"),
    Aspect.BIAYA: Text("biaya", "cost"),
})


class AspectMeasure(BaseModel):
    """One aspect of a PP 46 kegiatan: its target and realisasi as printed, and the unit printed
    beside the number (``Laporan``, ``bulan``)."""

    aspect: Aspect
    target: Value | None = None
    realisasi: Value | None = None
    unit: str | None = None
    location: Location = Location()


class SkpItem(BaseModel):
    """One row of an SKP's work: a PP 46 kegiatan, an 8/2021 or 6/2022 IKI under its rencana
    (hasil) kerja, or a tugas tambahan / kreativitas line."""

    no: str | None = None
    section: SkpSection = SkpSection.UTAMA
    name: str  # the kegiatan (PP 46) or the indikator kinerja individu
    rhk: str | None = None  # the rencana (hasil) kerja the IKI measures
    parent: str | None = None  # the atasan's (pimpinan's) rencana kerja or RHK it intervenes, as printed
    perspektif: str | None = None  # a JPT's perspective (column or band)
    aspek: str | None = None  # kuantitas / kualitas / waktu, as printed (8/2021 JA/JF, 6/2022)
    ak_target: Value | None = None  # angka kredit (PP 46)
    ak_realisasi: Value | None = None
    aspects: list[AspectMeasure] = Field(default_factory=list)  # PP 46: the four aspects
    target: Value | None = None  # 8/2021, 6/2022: the IKI's target
    realisasi: Value | None = None
    capaian: Value | None = None  # 8/2021 CAPAIAN IKI; e-Kinerja nilai_capaian
    kategori: str | None = None  # 8/2021 KATEGORI CAPAIAN IKI, as printed
    perhitungan: Value | None = None  # PP 46 PENGHITUNGAN
    nilai: Value | None = None  # PP 46 NILAI CAPAIAN SKP of the row; 8/2021 NILAI CAPAIAN IKI
    tertimbang: Value | None = None  # 8/2021 NILAI TERTIMBANG
    umpan_balik: str | None = None  # 6/2022 umpan balik berkelanjutan
    location: Location = Location()

    def aspect(self, aspect: Aspect) -> AspectMeasure | None:
        return next((a for a in self.aspects if a.aspect is aspect), None)


class PerilakuItem(BaseModel):
    """One behaviour: PP 46's six aspects and 8/2021's five with a number and a sebutan; 6/2022's
    seven BerAKHLAK values with the pimpinan's ekspektasi and the umpan balik."""

    key: str  # the label folded to a slug: orientasi_pelayanan, kerja_sama, berorientasi_pelayanan, …
    label: str
    nilai: Value | None = None
    sebutan: str | None = None
    ekspektasi: str | None = None
    umpan_balik: str | None = None
    location: Location = Location()


class SkpValueKey(StrEnum):
    """A number or label an SKP prints once: its totals, weights, ratings and predikat."""

    NILAI_SKP = "nilai_skp"  # PP 46 NILAI CAPAIAN SKP; 8/2021 NILAI AKHIR SKP
    SKP_TERTIMBANG = "skp_tertimbang"  # the SKP times its weight (× 60 %, × 70 %)
    JUMLAH_PERILAKU = "jumlah_perilaku"
    NILAI_PERILAKU = "nilai_perilaku"  # PP 46 nilai rata-rata; 8/2021 nilai perilaku kerja
    PERILAKU_TERTIMBANG = "perilaku_tertimbang"  # perilaku times its weight (× 40 %, × 30 %)
    NILAI_KINERJA = "nilai_kinerja"  # PP 46 NILAI PRESTASI KERJA; 8/2021 nilai kinerja pegawai
    RATING_HASIL_KERJA = "rating_hasil_kerja"  # 6/2022
    RATING_PERILAKU = "rating_perilaku"
    PREDIKAT = "predikat"  # 8/2021, 6/2022 predikat kinerja pegawai
    CAPAIAN_ORGANISASI = "capaian_organisasi"  # 6/2022 capaian kinerja organisasi
    POLA_DISTRIBUSI = "pola_distribusi"


SKP_VALUE_NAMES = name_terms(SkpValueKey, {
    SkpValueKey.NILAI_SKP: Text("nilai SKP", "SKP score"),
    SkpValueKey.SKP_TERTIMBANG: Text("nilai SKP tertimbang", "weighted SKP score"),
    SkpValueKey.JUMLAH_PERILAKU: Text("jumlah nilai perilaku kerja", "sum of the behaviour scores"),
    SkpValueKey.NILAI_PERILAKU: Text("nilai perilaku kerja", "behaviour score"),
    SkpValueKey.PERILAKU_TERTIMBANG: Text("nilai perilaku kerja tertimbang", "weighted behaviour score"),
    SkpValueKey.NILAI_KINERJA: Text("nilai prestasi/kinerja", "performance score"),
    SkpValueKey.RATING_HASIL_KERJA: Text("rating hasil kerja", "work results rating"),
    SkpValueKey.RATING_PERILAKU: Text("rating perilaku kerja", "behaviour rating"),
    SkpValueKey.PREDIKAT: Text("predikat kinerja", "performance rating (predikat)"),
    SkpValueKey.CAPAIAN_ORGANISASI: Text("capaian kinerja organisasi", "organisation's performance"),
    SkpValueKey.POLA_DISTRIBUSI: Text("pola distribusi", "distribution pattern"),
})


class SkpValue(BaseModel):
    """A total, rating or predikat printed once: the number (if any), the weight printed beside it
    (``x 60%``) and the number it weighs (``base``, ``84,71`` in ``84,71 x 60% = 50,83``), the label
    (sebutan, rating, predikat) as printed."""

    key: SkpValueKey
    value: Value | None = None
    base: Value | None = None
    weight: Value | None = None
    label: str | None = None
    location: Location = Location()


class SkpPeriod(BaseModel):
    """The period the SKP covers, as printed and read: ``1 JANUARI SD 31 DESEMBER TAHUN 2024``,
    ``Jangka Waktu Penilaian 2 Januari s.d. 31 Desember 2014``, ``TRIWULAN II``."""

    raw: str
    start: dt.date | None = None
    end: dt.date | None = None
    year: int | None = None
    quarter: int | None = None  # an evaluation of one triwulan (1-4); None for the year
    location: Location = Location()


class SkpSheet(BaseModel):
    """Everything an SKP document prints about the work and its scores, as printed."""

    period: SkpPeriod | None = None
    approach: str | None = None  # kuantitatif | kualitatif (6/2022)
    jpt: bool = False  # a form for pejabat pimpinan tinggi (perspectives)
    evaluation: bool = False  # the document prints realisasi (a penilaian or an evaluasi)
    items: list[SkpItem] = Field(default_factory=list)
    perilaku: list[PerilakuItem] = Field(default_factory=list)
    values: list[SkpValue] = Field(default_factory=list)

    def value(self, key: SkpValueKey) -> SkpValue | None:
        return next((v for v in self.values if v.key is key), None)
