"""The national SKP forms of the three generations, laid out from the regulations' templates.

Each builder takes a dossier (one official, one year) and the file's :class:`Style` and returns
the printable flow, its truth (with a :class:`TruthSkp`) and its slice, like the other builders
of :mod:`corpus.synth._draw`; the kinds are only drawn when asked for (``kinds=BKN_KINDS``), so
the files of the other layouts and the accuracy sample stay as they were.

* ``skp_pp46`` — a PP 46/2011 book (Perka BKN 1/2013): FORMULIR SASARAN KERJA PEGAWAI NEGERI SIPIL
  (the two people, kegiatan with AK and the four targets), PENILAIAN CAPAIAN SASARAN KERJA
  (target and realisasi, penghitungan, nilai capaian, tugas tambahan and kreativitas) and
  PENILAIAN PRESTASI KERJA (SKP × 60 %, perilaku, jumlah, nilai rata-rata × 40 %, NPK);
* ``skp_8_2021_jpt`` / ``skp_8_2021_ja`` — PermenPANRB 8/2021: a JPT's IKI with realisasi, capaian,
  kategori, nilai capaian and nilai tertimbang, NILAI AKHIR SKP, perilaku and nilai kinerja; a
  JA/JF's target form (rencana kinerja atasan langsung, aspek, IKI, target);
* ``skp_6_2022`` / ``skp_6_2022_eval`` — PermenPANRB 6/2022: the plan (intervened RHK, aspek, IKI,
  target; the seven BerAKHLAK behaviours; the Lampiran) and its evaluation (realisasi, umpan
  balik, the two ratings and the predikat, capaian kinerja organisasi, pola distribusi).

The printed scores are computed here with the generator's own arithmetic (never with the
project's scorer), exactly and rounded half-up to two decimals as the forms print them; the
kategori of an 8/2021 IKI is the generator's own scheme (the issue states no bands). With
``plant`` a builder prints one number or label wrong on purpose and says so in the truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from corpus.synth import _vocab as V
from corpus.synth._draw import Dossier, Person, _printed_name, _signer, draw_name
from corpus.synth._spec import (
    DocSpec,
    Gap,
    PageBreak,
    Para,
    Signatures,
    TableSpec,
    Title,
)
from corpus.synth._style import Style
from corpus.synth._truth import (
    TruthDocument,
    TruthIndicator,
    TruthParty,
    TruthSkp,
    TruthSkpItem,
    TruthTarget,
)

BKN_KINDS = ("skp_pp46", "skp_8_2021_jpt", "skp_8_2021_ja", "skp_6_2022", "skp_6_2022_eval")
HUNDRED = Decimal(100)
MONTHS_UPPER = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER",
                "DESEMBER")

KEGIATAN = (
    ("Menyusun rencana kerja dan anggaran", "Dokumen"), ("Melaksanakan verifikasi dokumen pertanggungjawaban", "Berkas"),
    ("Menyusun laporan realisasi anggaran bulanan", "Laporan"), ("Mengelola arsip surat masuk dan keluar", "Surat"),
    ("Melaksanakan inventarisasi barang milik daerah", "Laporan"), ("Menyusun bahan rapat pimpinan", "Bahan"),
    ("Melaksanakan monitoring kegiatan lapangan", "Kegiatan"), ("Memberikan pelayanan informasi publik", "Layanan"),
    ("Menyusun rekapitulasi data kepegawaian", "Dokumen"), ("Menyusun konsep kebijakan teknis", "Konsep"),
    ("Melaksanakan pembinaan administrasi unit kerja", "Kali"), ("Menyusun laporan kinerja triwulanan", "Laporan"),
)
TUGAS_TAMBAHAN = ("Anggota tim penyusun LKjIP", "Sekretaris panitia pengadaan barang", "Anggota tim reformasi birokrasi",
                  "Narasumber sosialisasi peraturan")
KREATIVITAS = ("Menyusun aplikasi pengarsipan sederhana", "Membuat panduan layanan berbasis daring")
PERILAKU_PP46 = ("Orientasi Pelayanan", "Integritas", "Komitmen", "Disiplin", "Kerja Sama", "Kepemimpinan")
PERILAKU_8_2021 = ("Orientasi Pelayanan", "Komitmen", "Inisiatif Kerja", "Kerja Sama", "Kepemimpinan")
BERAKHLAK = (
    ("Berorientasi Pelayanan", "Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif dan dapat diandalkan"),
    ("Akuntabel", "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi"),
    ("Kompeten", "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
    ("Harmonis", "Menghargai setiap orang apapun latar belakangnya; suka menolong orang lain"),
    ("Loyal", "Memegang teguh ideologi Pancasila dan setia pada Negara Kesatuan Republik Indonesia"),
    ("Adaptif", "Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi"),
    ("Kolaboratif", "Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
)
EKSPEKTASI = ("Menyelesaikan layanan tepat waktu", "Menyusun laporan yang dapat dipertanggungjawabkan",
              "Mengikuti pengembangan kompetensi teknis", "Membangun suasana kerja yang kondusif", "Menjaga kerahasiaan data",
              "Menerapkan cara kerja baru", "Berbagi informasi dengan unit lain")
UMPAN_BALIK = ("Sesuai ekspektasi", "Perlu ditingkatkan", "Sangat baik", "Dilaksanakan dengan tertib", "Tepat waktu")
RHK = ("Tersusunnya dokumen perencanaan", "Terlaksananya pelayanan administrasi", "Tersedianya data dan informasi kinerja",
       "Terlaksananya pengelolaan keuangan", "Terselenggaranya koordinasi program", "Meningkatnya kualitas layanan publik")
IKI_BY_ASPEK = {
    "Kuantitas": ("Jumlah dokumen yang disusun", "dokumen", (4, 24)),
    "Kualitas": ("Persentase dokumen yang diterima tanpa revisi", "%", (90, 100)),
    "Waktu": ("Waktu penyelesaian dokumen", "bulan", (6, 12)),
}
PERSPEKTIF = ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran")
RATINGS = ("DI ATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DI BAWAH EKSPEKTASI")
MATRIX = {  # PermenPANRB 6/2022 as issue #19 states it: rows hasil kerja, columns perilaku
    "DI ATAS EKSPEKTASI": ("Sangat Baik", "Baik", "Kurang"),
    "SESUAI EKSPEKTASI": ("Baik", "Baik", "Kurang"),
    "DI BAWAH EKSPEKTASI": ("Butuh Perbaikan", "Butuh Perbaikan", "Sangat Kurang"),
}


# --- numbers as the forms print them ------------------------------------------------------------


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def id2(x: Decimal) -> str:
    """Two decimals, Indonesian: ``88,67``."""
    return f"{q2(x):f}".replace(".", ",")


def id_int(n: int) -> str:
    """``25.000.000``."""
    return f"{n:,}".replace(",", ".")


def sebutan(x: Decimal) -> str:
    """PP 46/2011's bands (issue #19), each from its lower bound."""
    return "Sangat Baik" if x >= 91 else "Baik" if x >= 76 else "Cukup" if x >= 61 else "Kurang" if x >= 51 else "Buruk"


def efficiency(t: Decimal, r: Decimal) -> Decimal:
    eff = HUNDRED - r / t * HUNDRED
    x = (Decimal("1.76") * t - r) / t * HUNDRED
    return x if eff <= 24 else Decimal(76) - (x - HUNDRED)


def kategori_8_2021(capaian: Decimal) -> tuple[str, Decimal]:
    """The kategori and nilai capaian of a printed capaian: the Lampiran's formulas (page 93) below
    100 % and over 110 %; between them (page 92, not available) the generator's own line."""
    if capaian > 110:
        return "Sangat Baik", Decimal(120)
    if capaian > 100:
        return "Sangat Baik", Decimal(110) + (capaian - 100)
    if capaian == 100:
        return "Baik", Decimal(100)
    if capaian >= 80:
        return "Cukup", Decimal(70) + (capaian - 80)  # 70 + (89 - 70) / (99 - 80) × (capaian - 80)
    if capaian >= 60:
        return "Kurang", Decimal(50) + (capaian - 60)  # 50 + (69 - 50) / (79 - 60) × (capaian - 60)
    return "Sangat Kurang", capaian / 59 * 49


# --- shared layout --------------------------------------------------------------------------------


def _period(d: Dossier, quarter: int | None = None, style: str = "upper") -> str:
    if quarter is None:
        first, last = "1 JANUARI", "31 DESEMBER"
    else:
        first = f"1 {MONTHS_UPPER[3 * quarter - 3]}"
        last = f"{(31, 30, 30, 31)[quarter - 1]} {MONTHS_UPPER[3 * quarter - 1]}"
    return f"{first} SD {last} TAHUN {d.year}" if style == "upper" else f"{first.title()} s.d. {last.title()} {d.year}"


def _two_people(left_label: str, left: Person, left_unit: str, right_label: str, right: Person, right_unit: str,
                style: Style, labels: tuple[str, ...]) -> TableSpec:
    rows = [("NO", left_label, "", "NO", right_label, "")]
    values = ((_printed_name(left, style), _printed_name(right, style)), (left.nip or "-", right.nip or "-"),
              (left.pangkat or "-", right.pangkat or "-"), (left.jabatan, right.jabatan), (left_unit, right_unit))
    for n, (label, (a, b)) in enumerate(zip(labels, values, strict=True), start=1):
        rows.append((str(n), label, a, str(n), label, b))
    return TableSpec(tuple(rows), 1, ("no", "label", "text", "no", "label", "text"), (((1, 0), (2, 0)), ((4, 0), (5, 0))),
                     kind="parties")


def _people(d: Dossier) -> tuple[Person, Person]:
    """The pegawai and the pejabat penilai: the dossier's official and superior (a NIP for both)."""
    sup = d.superior
    if sup.nip is None:
        sup = Person(sup.name, _nip_for(sup.name, d.year), sup.jabatan, "Pembina Utama Madya, IV/d")
    return d.official, sup


def _atasan(pen: Person, year: int) -> Person:
    """PP 46's atasan pejabat penilai (the penilai's own superior), drawn from the penilai's name so
    that every other draw of the file stays as it was."""
    rng = random.Random(f"{pen.name}:{year}:atasan")
    name = draw_name(rng)
    return Person(name, _nip_for(name, year), rng.choice(("Sekretaris Daerah", "Kepala Badan Kepegawaian Daerah", "Asisten Administrasi Umum")),
                  "Pembina Utama Madya, IV/d")


def _nip_for(name: str, year: int) -> str:
    rng = random.Random(f"{name}:{year}:nip")
    y = rng.randint(1962, 1975)
    return f"{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{y + rng.randint(22, 28)}{rng.randint(1, 12):02d}1{rng.randint(1, 9):03d}"


def _parties(peg: Person, pen: Person, style: Style) -> tuple[TruthParty, ...]:
    return (TruthParty("pegawai", _printed_name(peg, style), peg.nip), TruthParty("pejabat_penilai", _printed_name(pen, style), pen.nip))


def _sign(d: Dossier, peg: Person, pen: Person, style: Style, pegawai_label: str, penilai_label: str,
          only_penilai: bool = False) -> Signatures:
    signers = (_signer(penilai_label, pen, style),) if only_penilai else (_signer(pegawai_label, peg, style), _signer(penilai_label, pen, style))
    return Signatures(signers, place_date=f"{d.place}, {d.date}")


def _item(no: str | None, section: str, name: str, cells: dict[str, str], **kw: str | None) -> TruthSkpItem:
    return TruthSkpItem(no=no, section=section, name=name, cells=tuple(sorted(cells.items())), **kw)


def _indicator(name: str, sasaran: str | None, target: str) -> TruthIndicator:
    return TruthIndicator(name, None, sasaran, (TruthTarget("Y", target, None, "TARGET", "bkn"),))


Builder = Callable[[random.Random, Dossier, Style], tuple[DocSpec, TruthDocument, dict[str, str]]]


# --- PP 46/2011 ---------------------------------------------------------------------------------------


def build_pp46(rng: random.Random, d: Dossier, style: Style, plant: str | None = None):
    """A PP 46/2011 book: the target form, the penilaian capaian and the penilaian prestasi kerja."""
    peg, pen = _people(d)
    year = min(d.year, 2020) if d.year > 2020 else d.year  # the form was used up to 2020
    d = Dossier(year, d.place, d.date.replace(str(d.year), str(year)), d.tier, d.instansi, d.unit, d.official, d.superior,
                d.sasaran, d.budget, d.marker)
    split_units = rng.random() < 0.6
    h_perhitungan = rng.choice(("PENGHITUNGAN", "PERHITUNGAN"))
    sebutan_inline = rng.random() < 0.4
    n_keg = rng.randint(2, 6)
    kegiatan = rng.sample(KEGIATAN, n_keg)
    rows_t, rows_c, items = [], [], []
    nilai_all: list[Decimal] = []
    planted: list[str] = []
    wrong_k = rng.randrange(n_keg) if plant == "skp_score_mismatch" else None
    for k, (name, unit) in enumerate(kegiatan, start=1):
        to = rng.choice((1, 2, 4, 6, 12, 24, 48, 120, 240))
        ro = to if rng.random() < 0.6 else max(1, to - rng.randint(1, max(1, to // 5)))
        tk, rk = 100, rng.choice((80, 85, 88, 90, 92, 95, 100))
        tw = 12
        rw = rng.choice((12, 12, 11, 10, 9))
        with_biaya = rng.random() < 0.35
        tb = rng.randint(5, 90) * 1_000_000 if with_biaya else 0
        rb = tb - rng.randint(0, tb // 10_000_000) * 1_000_000 if with_biaya else 0
        aspects = [Decimal(ro) / Decimal(to) * HUNDRED, Decimal(rk) / Decimal(tk) * HUNDRED, efficiency(Decimal(tw), Decimal(rw))]
        if with_biaya:
            aspects.append(efficiency(Decimal(tb), Decimal(rb)))
        perhitungan = sum(aspects, Decimal(0))
        nilai = perhitungan / len(aspects)
        printed_nilai = q2(nilai)
        if wrong_k == k - 1:
            rk -= 10  # the realisasi printed is not the one the perhitungan and nilai were computed from
            planted.append(f"skp_score_mismatch:kegiatan:{k}")
        nilai_all.append(printed_nilai)
        waktu_unit = rng.choice(("Bulan", "bln")) if split_units else "bulan"
        biaya_t = id_int(tb) if with_biaya else "-"
        biaya_r = id_int(rb) if with_biaya else "-"
        if split_units:
            t_cells = (str(to), unit, str(tk), str(tw), waktu_unit, biaya_t)
            r_cells = (str(ro), unit, str(rk), str(rw), waktu_unit, biaya_r)
        else:
            t_cells = (f"{to} {unit}", str(tk), f"{tw} {waktu_unit}", biaya_t)
            r_cells = (f"{ro} {unit}", str(rk), f"{rw} {waktu_unit}", biaya_r)
        rows_t.append((str(k), name, "-") + t_cells)
        rows_c.append((str(k), name, "-") + t_cells + ("-",) + r_cells + (id2(perhitungan), id2(printed_nilai)))
        cells = {"t:kuantitas": t_cells[0], "r:kuantitas": r_cells[0], "t:kualitas": str(tk), "r:kualitas": str(rk),
                 "t:waktu": t_cells[3 if split_units else 2], "r:waktu": r_cells[3 if split_units else 2],
                 "t:biaya": biaya_t, "r:biaya": biaya_r, "perhitungan": id2(perhitungan), "nilai": id2(printed_nilai)}
        if split_units:
            cells["unit:kuantitas"] = unit
        items.append(_item(str(k), "utama", name, cells))
    additions = Decimal(0)
    extra_rows = []
    if rng.random() < 0.6:
        tt = rng.choice(TUGAS_TAMBAHAN)
        additions += 1
        extra_rows.append(("1", f"Tugas Tambahan: {tt}", "1"))
        items.append(_item("1", "tugas_tambahan", tt, {"nilai": "1"}))
    if rng.random() < 0.3:
        kr = rng.choice(KREATIVITAS)
        additions += 3
        extra_rows.append(("2", f"Kreativitas: {kr}", "3"))
        items.append(_item("2", "kreativitas", kr, {"nilai": "3"}))
    skp = q2(sum(nilai_all, Decimal(0)) / len(nilai_all) + additions)
    skp_label = sebutan(skp)
    # the perilaku page
    labels = PERILAKU_PP46 if rng.random() < 0.6 else PERILAKU_PP46[:5]  # kepemimpinan for those who lead
    base = rng.randint(72, 90)
    values = [Decimal(min(100, max(50, base + rng.randint(-6, 6)))) for _ in labels]
    two_dec = rng.random() < 0.5
    show = (lambda x: id2(x)) if two_dec else (lambda x: f"{x:f}".split(".")[0])
    jumlah = sum(values, Decimal(0))
    rata = q2(jumlah / len(values))
    skp60, per40 = q2(skp * Decimal("0.6")), q2(rata * Decimal("0.4"))
    npk = skp60 + per40
    printed_jumlah = jumlah
    npk_label = sebutan(npk)
    if plant == "skp_arithmetic":
        printed_jumlah += 10
        planted.append("skp_arithmetic:jumlah_perilaku")
    if plant == "predikat_mismatch":
        npk_label = "Cukup" if npk_label in ("Sangat Baik", "Baik") else "Sangat Baik"  # never a neighbour across a gap
        planted.append("predikat_mismatch:nilai_prestasi_kerja")
    # --- page 1: the target form
    spec = DocSpec(wide=True)
    spec.flow.append(Title(("FORMULIR SASARAN KERJA", "PEGAWAI NEGERI SIPIL")))
    spec.flow += [Gap(), _two_people("I. PEJABAT PENILAI", pen, d.instansi, "II. PEGAWAI NEGERI SIPIL YANG DINILAI", peg, d.unit,
                                     style, ("Nama", "NIP", "Pangkat/Gol.Ruang", "Jabatan", "Unit Kerja")), Gap()]
    sub = ("KUANT/ OUTPUT", "", "KUAL/MUTU", "WAKTU", "", "BIAYA") if split_units else ("KUANT/ OUTPUT", "KUAL/MUTU", "WAKTU", "BIAYA")
    head0 = ("NO", "III. KEGIATAN TUGAS JABATAN", "AK", "TARGET") + ("",) * (len(sub) - 1)
    head1 = ("", "", "") + sub
    t_roles = ("no", "indicator", "label") + (("value", "label", "value", "value", "label", "amount") if split_units else
                                              ("value", "value", "value", "amount"))
    spans = [((3, 0), (2 + len(sub), 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1))]
    if split_units:
        spans += [((3, 1), (4, 1)), ((6, 1), (7, 1))]
    spec.flow += [TableSpec((head0, head1, *rows_t), 2, t_roles, tuple(spans), (), "data", tuple(range(2, 2 + len(rows_t)))), Gap()]
    spec.flow.append(Signatures((_signer("Pejabat Penilai,", pen, style), _signer("Pegawai Negeri Sipil Yang Dinilai,", peg, style)),
                                place_date=f"{d.place}, 2 Januari {d.year}"))
    # --- page 2: the penilaian capaian
    spec.flow += [PageBreak(), Title(("PENILAIAN CAPAIAN SASARAN KERJA", "PEGAWAI NEGERI SIPIL"))]
    period = f"Jangka Waktu Penilaian {_period(d, style='title').replace('1 Januari', '2 Januari')}"
    spec.flow += [Para(period, align="left"), Gap()]
    width = len(sub)
    c_head0 = ("NO", "I. Kegiatan Tugas Jabatan", "AK", "TARGET") + ("",) * (width - 1) + ("AK", "REALISASI") + ("",) * (width - 1) + (
        h_perhitungan, "NILAI CAPAIAN SKP")
    c_head1 = ("", "", "") + sub + ("",) + sub + ("", "")
    n_cols = len(c_head0)
    c_spans = [((3, 0), (2 + width, 0)), ((4 + width, 0), (3 + 2 * width, 0))] + [((c, 0), (c, 1)) for c in (0, 1, 2, 3 + width, n_cols - 2, n_cols - 1)]
    value_roles = ("value", "label", "value", "value", "label", "amount") if split_units else ("value", "value", "value", "amount")
    c_roles = ("no", "indicator", "label") + value_roles + ("label",) + value_roles + ("value", "value")
    body = list(rows_c)
    bands = []
    if extra_rows:
        bands.append(2 + len(body))
        body.append(("II. Tugas Tambahan dan Kreativitas :",) + ("",) * (n_cols - 1))
        for no, text, value in extra_rows:
            body.append((no, text) + ("",) * (n_cols - 3) + (value,))
    total_row = ("", "Nilai Capaian SKP") + ("",) * (n_cols - 3) + (f"{id2(skp)} ({skp_label})" if sebutan_inline else id2(skp),)
    body.append(total_row)
    if not sebutan_inline:
        body.append(("",) * (n_cols - 1) + (f"({skp_label})",))
    spec.flow += [TableSpec((c_head0, c_head1, *body), 2, c_roles, tuple(c_spans), tuple(bands), "data",
                            tuple(range(2, 2 + len(rows_c)))), Gap()]
    spec.flow.append(Signatures((_signer("Pejabat Penilai,", pen, style),), place_date=f"{d.place}, 31 Desember {d.year}"))
    # --- page 3: the penilaian prestasi kerja
    spec.flow += [PageBreak(), Title(("PENILAIAN PRESTASI KERJA", "PEGAWAI NEGERI SIPIL")), Para(period, align="left"), Gap()]
    p_rows: list[tuple[str, ...]] = [("UNSUR YANG DINILAI", "", "", "", "Jumlah"),
                                     ("a. Sasaran Kerja PNS (SKP)", "", f"{id2(skp)} x 60%", "", id2(skp60))]
    for n, (label, v) in enumerate(zip(labels, values, strict=True), start=1):
        p_rows.append(("b. Perilaku Kerja" if n == 1 else "", f"{n}. {label}", show(v), f"({sebutan(v)})", ""))
    p_rows += [("", "Jumlah", show(printed_jumlah), "", ""), ("", "Nilai rata - rata", id2(rata), f"({sebutan(rata)})", ""),
               ("", "Nilai Perilaku Kerja", f"{id2(rata)} x 40%", "", id2(per40)),
               ("NILAI PRESTASI KERJA", "", "", "", id2(npk)), ("", "", "", "", f"({npk_label})")]
    spec.flow += [TableSpec(tuple(p_rows), 1, ("text", "text", "value", "label", "value"), (((0, 0), (3, 0)),), (), "data",
                            tuple(range(1, len(p_rows)))), Gap()]
    atasan = _atasan(pen, d.year)  # receives the penilaian (Perka BKN 1/2013's "Diterima tanggal … Atasan Pejabat Penilai")
    spec.flow.append(Signatures((_signer("Pejabat Penilai,", pen, style), _signer("Atasan Pejabat Penilai,", atasan, style)),
                                place_date=f"{d.place}, 31 Desember {d.year}"))
    values_truth = [("nilai_skp", id2(skp)), ("nilai_skp:label", skp_label), ("skp_tertimbang", id2(skp60)),
                    ("jumlah_perilaku", show(printed_jumlah)), ("nilai_perilaku", id2(rata)), ("perilaku_tertimbang", id2(per40)),
                    ("nilai_kinerja", id2(npk)), ("nilai_kinerja:label", npk_label)]
    skp_truth = TruthSkp(
        form="skp_pp46_2011", period=period, year=d.year, items=tuple(items),
        perilaku=tuple((_key(label), show(v), sebutan(v)) for label, v in zip(labels, values, strict=True)),
        values=tuple(values_truth), planted=tuple(planted),
    )
    indicators = tuple(_indicator(i.name, None, dict(i.cells)["t:kuantitas"]) for i in items if i.section == "utama")
    truth = TruthDocument(kind="skp", layout_kind="skp_pp46", title="FORMULIR SASARAN KERJA PEGAWAI NEGERI SIPIL",
                          indicators=indicators, skp=skp_truth,
                          parties=(*_parties(peg, pen, style), TruthParty("atasan_pejabat_penilai", _printed_name(atasan, style), atasan.nip)))
    return spec, truth, {"columns": "split" if split_units else "joined", "preamble": "False", "h_quarter": "n/a"}


def _key(label: str) -> str:
    return label.casefold().replace(" ", "_")


# --- PermenPANRB 8/2021 ---------------------------------------------------------------------------------


def _numeric_targets(rng: random.Random, n: int) -> list[tuple[str, str, Decimal, Decimal, bool]]:
    """(target printed, realisasi printed, target, realisasi, lower-is-better) for IKI with numbers."""
    out = []
    for _ in range(n):
        kind = rng.choice(("percent", "number", "lower"))
        if kind == "percent":
            t = Decimal(rng.choice((75, 80, 85, 90, 95, 100)))
            r = t + Decimal(rng.choice((-10, -5, -2, 0, 0, 3, 5, 8)))
            out.append((f"{t:f}%", f"{r:f}%", t, r, False))
        elif kind == "number":
            t = Decimal(rng.choice((60, 70, 75, 80)))
            r = t + Decimal(rng.choice((-6, -3, 0, 0, 2, 4)))
            out.append((f"{t:f}", f"{r:f}", t, r, False))
        else:
            t = Decimal(rng.choice((5, 10, 15)))
            r = t - Decimal(rng.choice((0, 1, 2, -1)))
            out.append((f"≤ {t:f}%", f"{r:f}%", t, r, True))
    return out


def build_8_2021_jpt(rng: random.Random, d: Dossier, style: Style, plant: str | None = None):
    """A PermenPANRB 8/2021 JPT SKP with its penilaian: IKI by perspective, capaian, kategori, nilai,
    nilai tertimbang, NILAI AKHIR SKP, perilaku and nilai kinerja with the predikat."""
    peg, pen = _people(d)
    persp_column = rng.random() < 0.6
    weights = [Decimal(40), Decimal(30), Decimal(20), Decimal(10)]
    n = min(4, max(2, len([i for s in d.sasaran for i in s.indicators])))
    names = [(s.name, i.name) for s in d.sasaran for i in s.indicators][:n]
    while len(names) < n:
        names.append((rng.choice(V.SASARAN), f"Indeks kinerja {len(names) + 1}"))
    nums = _numeric_targets(rng, n)
    w = weights[:n]
    w = [x * HUNDRED / sum(w) for x in w]
    rows, items, tertimbang = [], [], []
    planted: list[str] = []
    head = ("NO", "PERSPEKTIF", "RENCANA KINERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI", "CAPAIAN IKI (%)",
            "KATEGORI CAPAIAN IKI", "NILAI CAPAIAN IKI", "NILAI TERTIMBANG") if persp_column else (
            "NO", "RENCANA KINERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI", "CAPAIAN IKI (%)",
            "KATEGORI CAPAIAN IKI", "NILAI CAPAIAN IKI", "NILAI TERTIMBANG")
    width = len(head)
    bands = []
    rows.append(("A. KINERJA UTAMA",) + ("",) * (width - 1))
    bands.append(1)
    wrong = rng.randrange(n) if plant == "skp_score_mismatch" else None
    for k, ((rhk, iki), (tp, rp, t, r, lower), weight) in enumerate(zip(names, nums, w, strict=True), start=1):
        persp = PERSPEKTIF[(k - 1) % 4]
        capaian = (Decimal(2) - r / t) * HUNDRED if lower else r / t * HUNDRED
        printed_capaian = q2(capaian) + (Decimal(5) if wrong == k - 1 else 0)
        if wrong == k - 1:
            planted.append(f"skp_score_mismatch:iki:{k}")
        kat, nilai = kategori_8_2021(q2(capaian))
        nilai = q2(nilai)
        tert = q2(nilai * weight / HUNDRED)
        tertimbang.append(tert)
        if not persp_column:
            bands.append(len(rows) + 1)  # the table's row: the header is row 0
            rows.append((f"Perspektif: {persp}",) + ("",) * (width - 1))
        cells = (str(k),) + ((persp,) if persp_column else ()) + (rhk, iki, tp, rp, id2(printed_capaian), kat, id2(nilai), id2(tert))
        rows.append(cells)
        items.append(_item(str(k), "utama", iki, {"target": tp, "realisasi": rp, "capaian": id2(printed_capaian), "kategori": kat,
                                                  "nilai": id2(nilai), "tertimbang": id2(tert)}, rhk=rhk, perspektif=persp))
    nilai_skp = sum(tertimbang, Decimal(0))
    printed_skp = nilai_skp + (Decimal(2) if plant == "skp_arithmetic" else 0)
    if plant == "skp_arithmetic":
        planted.append("skp_arithmetic:nilai_skp")
    rows.append(("NILAI AKHIR SKP",) + ("",) * (width - 2) + (id2(printed_skp),))
    labels = PERILAKU_8_2021
    pvalues = [Decimal(rng.randint(80, 95)) for _ in labels]
    per = q2(sum(pvalues, Decimal(0)) / len(pvalues))
    w_skp, w_per = (Decimal(70), Decimal(30)) if rng.random() < 0.7 else (Decimal(60), Decimal(40))
    skp_w, per_w = q2(printed_skp * w_skp / HUNDRED), q2(per * w_per / HUNDRED)
    final = skp_w + per_w
    predikat = "Sangat Baik" if final >= 110 else "Baik" if final >= 90 else "Cukup" if final >= 70 else "Kurang" if final >= 50 else "Sangat Kurang"
    spec = DocSpec(wide=True)
    spec.flow.append(Title(("SASARAN KINERJA PEGAWAI", "PEJABAT PIMPINAN TINGGI", d.instansi.upper(),
                            f"PERIODE PENILAIAN: {_period(d)}")))
    spec.flow += [Gap(), _two_people("PEGAWAI YANG DINILAI", peg, d.unit, "PEJABAT PENILAI KINERJA", pen, d.instansi, style,
                                     ("NAMA", "NIP", "PANGKAT/ GOL. RUANG", "JABATAN", "UNIT KERJA")), Gap()]
    roles = ("no",) + (("label",) if persp_column else ()) + ("sasaran", "indicator", "value", "value", "value", "label", "value", "value")
    spec.flow += [TableSpec((head, *rows), 1, roles, (((0, len(rows)), (width - 2, len(rows))),), tuple(bands), "data",
                            tuple(range(2, len(rows)))), Gap()]
    spec.flow.append(Para("PERILAKU KERJA", align="left", bold=True))
    p_rows = [("NO", "ASPEK PERILAKU", "NILAI")] + [(str(k), label, f"{v:f}") for k, (label, v) in enumerate(zip(labels, pvalues, strict=True), start=1)]
    p_rows.append(("", "NILAI PERILAKU KERJA", id2(per)))
    spec.flow += [TableSpec(tuple(p_rows), 1, ("no", "text", "value"), kind="data"), Gap()]
    spec.flow.append(Para("NILAI KINERJA PEGAWAI", align="left", bold=True))
    n_rows = [("1.", "Nilai SKP", id2(printed_skp), f"x {w_skp:f}%", id2(skp_w)),
              ("2.", "Nilai Perilaku Kerja", id2(per), f"x {w_per:f}%", id2(per_w)),
              ("", "NILAI KINERJA", "", "", id2(final)), ("", "PREDIKAT KINERJA", "", "", predikat)]
    spec.flow += [TableSpec(tuple(n_rows), 0, ("no", "text", "value", "label", "value"), kind="data"), Gap()]
    spec.flow.append(_sign(d, peg, pen, style, "Pegawai yang Dinilai", "Pejabat Penilai Kinerja"))
    skp_truth = TruthSkp(
        form="skp_permenpanrb_8_2021", period=f"PERIODE PENILAIAN: {_period(d)}", year=d.year, items=tuple(items),
        perilaku=tuple((_key(label), f"{v:f}", "") for label, v in zip(labels, pvalues, strict=True)),
        values=(("nilai_skp", id2(printed_skp)), ("skp_tertimbang", id2(skp_w)), ("nilai_perilaku", id2(per)),
                ("perilaku_tertimbang", id2(per_w)), ("nilai_kinerja", id2(final)), ("predikat", predikat)),
        planted=tuple(planted),
    )
    indicators = tuple(_indicator(i.name, i.rhk, dict(i.cells)["target"]) for i in items)
    truth = TruthDocument(kind="skp", layout_kind="skp_8_2021_jpt", title="SASARAN KINERJA PEGAWAI", indicators=indicators,
                          parties=_parties(peg, pen, style), skp=skp_truth)
    return spec, truth, {"columns": "perspektif" if persp_column else "bands", "preamble": "False", "h_quarter": "n/a"}


def _aspect_rows(rng: random.Random, rhk_count: int, parents: list[str]) -> list[tuple[str, str, str, str, str, str, str]]:
    """(no, parent, rhk, aspek, iki, target, unit) rows of a JA/JF form: each RHK with one to three aspects."""
    out = []
    rhks = rng.sample(RHK, rhk_count)
    for k, rhk in enumerate(rhks, start=1):
        parent = parents[(k - 1) % len(parents)]
        aspects = ["Kuantitas"] + rng.sample(["Kualitas", "Waktu"], rng.randint(0, 2))
        obj = rhk.split()[-1]
        for j, aspek in enumerate(aspects):
            base, unit, (lo, hi) = IKI_BY_ASPEK[aspek]
            iki = base.replace("dokumen", obj) if aspek != "Waktu" else f"Waktu penyelesaian {obj}"
            target = rng.randint(lo, hi)
            out.append((str(k) if j == 0 else "", parent if j == 0 else "", rhk if j == 0 else "", aspek, iki,
                        f"{target}%" if unit == "%" else f"{target} {unit}", str(k)))
    return out


def build_8_2021_ja(rng: random.Random, d: Dossier, style: Style, plant: str | None = None):
    """A PermenPANRB 8/2021 JA/JF SKP (target form): rencana kinerja atasan langsung, rencana
    kinerja, aspek, IKI, target; A. KINERJA UTAMA and B. KINERJA TAMBAHAN."""
    peg, pen = _people(d)
    parents = [s.name for s in d.sasaran]
    rows = _aspect_rows(rng, rng.randint(2, 4), parents)
    head = ("NO", "RENCANA KINERJA ATASAN LANGSUNG", "RENCANA KINERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET")
    body: list[tuple[str, ...]] = [("A. KINERJA UTAMA",) + ("",) * 5]
    bands = [1]
    items = []
    current: dict[str, str] = {}
    spans = []
    for no, parent, rhk, aspek, iki, target, group in rows:
        if no:
            current = {"no": no, "parent": parent, "rhk": rhk}
        body.append((no, parent, rhk, aspek, iki, target))
        items.append(_item(current["no"], "utama", iki, {"target": target}, rhk=current["rhk"], parent=current["parent"], aspek=aspek))
    if rng.random() < 0.5:
        bands.append(1 + len(body))
        body.append(("B. KINERJA TAMBAHAN",) + ("",) * 5)
        body.append(("1", "-", "Terlaksananya bimbingan teknis", "Kuantitas", "Jumlah bimbingan teknis yang diikuti", "2 kali"))
        items.append(_item("1", "tambahan", "Jumlah bimbingan teknis yang diikuti", {"target": "2 kali"},
                           rhk="Terlaksananya bimbingan teknis", parent=None, aspek="Kuantitas"))
    spec = DocSpec(wide=True)
    spec.flow.append(Title(("SASARAN KINERJA PEGAWAI", d.instansi.upper(), f"PERIODE PENILAIAN: {_period(d)}")))
    spec.flow += [Gap(), _two_people("PEGAWAI YANG DINILAI", peg, d.unit, "PEJABAT PENILAI KINERJA", pen, d.instansi, style,
                                     ("NAMA", "NIP", "PANGKAT/ GOL. RUANG", "JABATAN", "UNIT KERJA")), Gap()]
    spec.flow += [TableSpec((head, *body), 1, ("no", "sasaran", "sasaran", "label", "indicator", "value"), tuple(spans), tuple(bands),
                            "data", tuple(range(1, 1 + len(body)))), Gap()]
    spec.flow.append(_sign(d, peg, pen, style, "Pegawai yang Dinilai", "Pejabat Penilai Kinerja"))
    skp_truth = TruthSkp(form="skp_permenpanrb_8_2021", period=f"PERIODE PENILAIAN: {_period(d)}", year=d.year, items=tuple(items))
    indicators = tuple(_indicator(i.name, i.rhk, dict(i.cells)["target"]) for i in items)
    truth = TruthDocument(kind="skp", layout_kind="skp_8_2021_ja", title="SASARAN KINERJA PEGAWAI", indicators=indicators,
                          parties=_parties(peg, pen, style), skp=skp_truth)
    return spec, truth, {"columns": "aspek", "preamble": "False", "h_quarter": "n/a"}


# --- PermenPANRB 6/2022 ----------------------------------------------------------------------------------


def _realised(target: str, rng: random.Random) -> str:
    number, _, unit = target.partition(" ")
    if number.endswith("%"):
        n = int(number[:-1])
        return f"{max(0, min(100, n + rng.choice((-5, -2, 0, 0, 1))))}%"
    n = int(number)
    return f"{max(0, n + rng.choice((-2, -1, 0, 0, 0, 1)))} {unit}"


def _plan_6_2022(rng: random.Random, d: Dossier, jpt: bool) -> list[tuple[str, ...]]:
    parents = [s.name for s in d.sasaran]
    if jpt:
        out = []
        for k, (sas, ind) in enumerate(((x, i) for x in d.sasaran for i in x.indicators), start=1):
            if k > 5:
                break
            target = rng.choice(("80%", "90%", "100%", "75", "4 dokumen"))
            out.append((str(k), rng.choice(parents), sas.name, "", ind.name, target, PERSPEKTIF[(k - 1) % 4]))
        return out
    return [r[:6] + ("",) for r in _aspect_rows(rng, rng.randint(2, 4), parents)]


def build_6_2022(rng: random.Random, d: Dossier, style: Style, plant: str | None = None, evaluation: bool = False):
    """A PermenPANRB 6/2022 SKP (plan) or its evaluation."""
    peg, pen = _people(d)
    jpt = rng.random() < 0.35
    quarter = rng.choice((None, 1, 2, 3, 4)) if evaluation else None
    plan = _plan_6_2022(rng, d, jpt)
    planted: list[str] = []
    head = ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI" if jpt else "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA"] + ([] if jpt else ["ASPEK"]) + ["INDIKATOR KINERJA INDIVIDU", "TARGET"]
    if evaluation:
        head += ["REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"]
    width = len(head)
    body: list[tuple[str, ...]] = [("A. UTAMA",) + ("",) * (width - 1)]
    bands = [1]
    items = []
    current: dict[str, str] = {}
    last_persp = None
    for no, parent, rhk, aspek, iki, target, persp in plan:
        if jpt and persp != last_persp:
            bands.append(1 + len(body))
            body.append((f"Perspektif: {persp}",) + ("",) * (width - 1))
            last_persp = persp
        if no:
            current = {"no": no, "parent": parent, "rhk": rhk}
        cells = [no, parent, rhk] + ([] if jpt else [aspek]) + [iki, target]
        truth_cells = {"target": target}
        if evaluation:
            real, umpan = _realised(target, rng), rng.choice(UMPAN_BALIK)
            cells += [real, umpan]
            truth_cells |= {"realisasi": real, "umpan_balik": umpan}
        body.append(tuple(cells))
        items.append(_item(current["no"], "utama", iki, truth_cells, rhk=current["rhk"], parent=current["parent"],
                           aspek=None if jpt else aspek, perspektif=persp or None))
    if rng.random() < 0.5:
        bands.append(1 + len(body))
        body.append(("B. TAMBAHAN",) + ("",) * (width - 1))
        cells = ["1", "-", "Terlaksananya pendampingan pegawai baru"] + ([] if jpt else ["Kuantitas"]) + [
            "Jumlah pegawai baru yang didampingi", "3 orang"]
        truth_cells = {"target": "3 orang"}
        if evaluation:
            cells += ["3 orang", "Pendampingan berjalan baik"]
            truth_cells |= {"realisasi": "3 orang", "umpan_balik": "Pendampingan berjalan baik"}
        body.append(tuple(cells))
        items.append(_item("1", "tambahan", "Jumlah pegawai baru yang didampingi", truth_cells,
                           rhk="Terlaksananya pendampingan pegawai baru", parent=None, aspek=None if jpt else "Kuantitas"))
    hk, pr = rng.choice(RATINGS), rng.choice(RATINGS[:2] if rng.random() < 0.85 else RATINGS)
    predikat = MATRIX[hk][RATINGS.index(pr)]
    if plant == "predikat_mismatch":
        predikat = "Sangat Baik" if predikat != "Sangat Baik" else "Baik"
        planted.append("predikat_mismatch:predikat")
    spec = DocSpec(wide=True)
    first = "EVALUASI KINERJA PEGAWAI" if evaluation else "SASARAN KINERJA PEGAWAI"
    whom = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" if jpt else "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
    title = [first, "PENDEKATAN HASIL KERJA KUANTITATIF", whom, d.instansi.upper()]
    if evaluation:
        title.append(f"PERIODE: {'TRIWULAN ' + ['I', 'II', 'III', 'IV'][quarter - 1] if quarter else 'AKHIR'}")
    period_line = f"PERIODE PENILAIAN: {_period(d, quarter)}"
    spec.flow.append(Title(tuple(title + [period_line])))
    spec.flow += [Gap(), _two_people("PEGAWAI YANG DINILAI", peg, d.unit, "PEJABAT PENILAI KINERJA", pen, d.instansi, style,
                                     ("NAMA", "NIP", "PANGKAT/ GOL. RUANG", "JABATAN", "UNIT KERJA")), Gap()]
    values: list[tuple[str, str]] = []
    if evaluation:
        org = rng.choice(("ISTIMEWA", "BAIK", "BUTUH PERBAIKAN"))
        spec.flow += [Para(f"CAPAIAN KINERJA ORGANISASI: {org}", align="left"), Para("POLA DISTRIBUSI: Kurva Normal", align="left")]
        values += [("capaian_organisasi", org), ("pola_distribusi", "Kurva Normal")]
    spec.flow.append(Para("HASIL KERJA", align="left", bold=True))
    roles = ("no", "sasaran", "sasaran") + (() if jpt else ("label",)) + ("indicator", "value") + (("value", "text") if evaluation else ())
    body_rows = list(body)
    if evaluation:
        body_rows.append(("RATING HASIL KERJA*",) + ("",) * (width - 3) + (hk, ""))
        values.append(("rating_hasil_kerja", hk))
    spec.flow += [TableSpec((tuple(head), *body_rows), 1, roles, (), tuple(bands), "data", tuple(range(1, len(body_rows) + 1))), Gap()]
    spec.flow.append(Para("PERILAKU KERJA", align="left", bold=True))
    p_head = ("NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN") + (("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",) if evaluation else ())
    p_rows = [p_head]
    perilaku = []
    for n, ((label, guide), ekspektasi) in enumerate(zip(BERAKHLAK, rng.sample(EKSPEKTASI, 7), strict=True), start=1):
        row = (str(n), f"{label} - {guide}", ekspektasi)
        umpan = rng.choice(UMPAN_BALIK) if evaluation else ""
        p_rows.append(row + ((umpan,) if evaluation else ()))
        perilaku.append((_key(label), ekspektasi, umpan))
    if evaluation:
        p_rows.append(("RATING PERILAKU KERJA*", "", "", pr))
        values += [("rating_perilaku", pr), ("predikat", predikat)]
    spec.flow += [TableSpec(tuple(p_rows), 1, ("no", "indicator", "text") + (("text",) if evaluation else ()), kind="data"), Gap()]
    if evaluation:
        spec.flow += [Para(f"PREDIKAT KINERJA PEGAWAI*: {predikat.upper()}", align="left", bold=True)]
        spec.flow.append(Signatures((_signer("Pejabat Penilai Kinerja", pen, style),), place_date=f"{d.place}, {d.date}"))
    else:
        spec.flow.append(_sign(d, peg, pen, style, "Pegawai yang Dinilai", "Pejabat Penilai Kinerja"))
        spec.flow += [PageBreak(), Title(("LAMPIRAN SASARAN KINERJA PEGAWAI", d.instansi.upper(), period_line)),
                      Para("DUKUNGAN SUMBER DAYA", align="left", bold=True), Para("1. Perangkat kerja dan akses aplikasi", align="left"),
                      Para("SKEMA PERTANGGUNGJAWABAN", align="left", bold=True),
                      Para("1. Hasil kerja dilaporkan secara triwulanan kepada pejabat penilai", align="left"),
                      Para("KONSEKUENSI", align="left", bold=True),
                      Para("1. Apabila target tercapai diberikan penghargaan sesuai ketentuan yang berlaku", align="left")]
    skp_truth = TruthSkp(form="skp_permenpanrb_6_2022", period=period_line, year=d.year, quarter=quarter, items=tuple(items),
                         perilaku=tuple(perilaku), values=tuple(values), planted=tuple(planted))
    indicators = tuple(_indicator(i.name, i.rhk, dict(i.cells)["target"]) for i in items)
    truth = TruthDocument(kind="skp", layout_kind="skp_6_2022_eval" if evaluation else "skp_6_2022", title=first,
                          indicators=indicators, parties=_parties(peg, pen, style), skp=skp_truth)
    return spec, truth, {"columns": "jpt" if jpt else "aspek", "preamble": "False", "h_quarter": f"Q{quarter}" if quarter else "n/a"}


def build_6_2022_eval(rng: random.Random, d: Dossier, style: Style, plant: str | None = None):
    return build_6_2022(rng, d, style, plant, evaluation=True)


BKN_BUILDERS: dict[str, Callable] = {
    "skp_pp46": build_pp46, "skp_8_2021_jpt": build_8_2021_jpt, "skp_8_2021_ja": build_8_2021_ja,
    "skp_6_2022": build_6_2022, "skp_6_2022_eval": build_6_2022_eval,
}
#: The checks a builder can plant an error for.
PLANTABLE = {
    "skp_pp46": ("skp_score_mismatch", "skp_arithmetic", "predikat_mismatch"),
    "skp_8_2021_jpt": ("skp_score_mismatch", "skp_arithmetic"),
    "skp_6_2022_eval": ("predikat_mismatch",),
}
