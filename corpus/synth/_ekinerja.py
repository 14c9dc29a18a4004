"""A synthetic e-Kinerja data export (XLSX): the PermenPANRB 6/2022 evaluations of one unit.

One atasan appraises several pegawai, each evaluated per triwulan and for the year. The workbook
has three sheets, as an export of the e-Kinerja application lays them out: ``Evaluasi`` (one row
per evaluation: the pegawai and the pejabat penilai, ``periode``, ``tahun``, the ratings,
``predikat_kinerja``, ``capaian_organisasi``, ``pola_distribusi``), ``Indikator`` (target,
satuan, realisasi and ``nilai_capaian`` of each IKI under its RHK and the atasan's RHK it
intervenes) and ``Perilaku`` (the seven BerAKHLAK values with ekspektasi and umpan balik), the
last two tied to their evaluation by ``id_evaluasi``. Numbers are stored as numbers and NIPs as
text, as an export stores them. The truth of each evaluation is a :class:`TruthDocument`.
"""

from __future__ import annotations

import io
import random
from decimal import ROUND_HALF_UP, Decimal

from corpus.synth._bkn import (
    BERAKHLAK,
    EKSPEKTASI,
    MATRIX,
    RATINGS,
    RHK,
    UMPAN_BALIK,
    _key,
)
from corpus.synth._draw import draw_dossier, draw_name, draw_nip
from corpus.synth._office import _fixed_zip
from corpus.synth._style import draw_style
from corpus.synth._truth import (
    TruthDocument,
    TruthIndicator,
    TruthParty,
    TruthSkp,
    TruthSkpItem,
    TruthTarget,
)

PERIODS = ("TRIWULAN I", "TRIWULAN II", "TRIWULAN III", "TRIWULAN IV", "TAHUNAN")
EVALUASI = ["id_evaluasi", "nip", "nama", "jabatan", "unit_kerja", "nip_penilai", "nama_penilai", "jabatan_penilai", "periode",
            "tahun", "pendekatan", "rating_hasil_kerja", "rating_perilaku", "predikat_kinerja", "capaian_organisasi",
            "pola_distribusi"]
INDIKATOR = ["id_evaluasi", "no", "jenis", "rhk_atasan", "rhk", "aspek", "indikator", "target", "satuan", "realisasi",
             "nilai_capaian", "umpan_balik"]
PERILAKU = ["id_evaluasi", "no", "perilaku", "ekspektasi", "umpan_balik"]
JABATAN = ("Analis Kebijakan", "Pranata Komputer", "Penata Kelola Sistem dan Teknologi Informasi", "Pengelola Keuangan",
           "Arsiparis", "Perencana")
IKI = (("Jumlah {obj} yang diselesaikan", "dokumen", 4, 24), ("Jumlah layanan {obj} yang diberikan", "layanan", 20, 120),
       ("Jumlah laporan {obj} yang disusun", "laporan", 1, 12))


def shown(x: Decimal) -> str:
    """A number as a sheet's General format shows it: ``90``, ``98,33``, ``98,3``."""
    if x == x.to_integral_value():
        return str(int(x))
    return f"{x.normalize():f}".replace(".", ",")


def export(seed: int, n_pegawai: int = 3, *, plant: str | None = None) -> tuple[bytes, list[TruthDocument]]:
    """The export of one unit's evaluations and the truth of each (in the order of the rows).
    ``plant``: ``predikat_mismatch`` (one predikat not the matrix's) or ``skp_score_mismatch`` (one
    nilai_capaian not realisasi / target × 100)."""
    import openpyxl  # noqa: PLC0415

    rng = random.Random(f"corpus.synth.ekinerja:{seed}")
    style = draw_style(random.Random(f"corpus.synth.ekinerja:{seed}:style"))
    d = draw_dossier(random.Random(f"corpus.synth.ekinerja:{seed}:dossier"), style)
    penilai_name, penilai_nip, penilai_jabatan = d.official.name, d.official.nip, d.official.jabatan
    wb = openpyxl.Workbook()
    wb.properties.creator = "corpus.synth"
    ev_ws = wb.active
    ev_ws.title = "Evaluasi"
    ev_ws.append(EVALUASI)
    in_ws = wb.create_sheet("Indikator")
    in_ws.append(INDIKATOR)
    pe_ws = wb.create_sheet("Perilaku")
    pe_ws.append(PERILAKU)
    truths: list[TruthDocument] = []
    planted_at = (rng.randrange(n_pegawai), rng.randrange(len(PERIODS))) if plant else None
    for p in range(n_pegawai):
        name, nip, jabatan = draw_name(rng), draw_nip(rng), rng.choice(JABATAN)
        plan = []
        for k, rhk in enumerate(rng.sample(RHK, rng.randint(1, 3)), start=1):
            pattern, satuan, lo, hi = rng.choice(IKI)
            plan.append((str(k), rng.choice([s.name for s in d.sasaran]), rhk, pattern.format(obj=rhk.split()[-1]), satuan,
                         rng.randint(lo, hi)))
        for q, periode in enumerate(PERIODS):
            ev_id = f"EV-{d.year}-{p + 1:02d}-{q + 1}"
            hk, pr = rng.choice(RATINGS), rng.choice(RATINGS[:2] if rng.random() < 0.85 else RATINGS)
            predikat = MATRIX[hk][RATINGS.index(pr)]
            planted: list[str] = []
            here = planted_at == (p, q)
            if here and plant == "predikat_mismatch":
                predikat = "Sangat Baik" if predikat != "Sangat Baik" else "Baik"
                planted.append("predikat_mismatch:predikat")
            org = rng.choice(("ISTIMEWA", "BAIK", "BUTUH PERBAIKAN"))
            ev_ws.append([ev_id, nip, name, jabatan, d.unit, penilai_nip, penilai_name, penilai_jabatan, periode, d.year,
                          "Kuantitatif", hk, pr, predikat.upper(), org, "Kurva Normal"])
            items = []
            for n, (no, parent, rhk, iki, satuan, annual) in enumerate(plan):
                target = annual if periode == "TAHUNAN" else max(1, round(annual * (q + 1) / 4))
                real = max(0, target + rng.choice((-2, -1, 0, 0, 0, 1)))
                capaian = (Decimal(real) / Decimal(target) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                if here and plant == "skp_score_mismatch" and n == 0:
                    capaian += 7
                    planted.append(f"skp_score_mismatch:rhk:{no}")
                umpan = rng.choice(UMPAN_BALIK)
                in_ws.append([ev_id, int(no), "Utama", parent, rhk, "Kuantitas", iki, target, satuan, real, float(capaian), umpan])
                items.append(TruthSkpItem(no=no, section="utama", name=iki, rhk=rhk, parent=parent, aspek="Kuantitas", cells=tuple(sorted({
                    "target": f"{target} {satuan}", "realisasi": str(real), "capaian": shown(capaian), "umpan_balik": umpan}.items()))))
            perilaku = []
            for n, ((label, _), ekspektasi) in enumerate(zip(BERAKHLAK, EKSPEKTASI, strict=True), start=1):
                umpan = rng.choice(UMPAN_BALIK)
                pe_ws.append([ev_id, n, label, ekspektasi, umpan])
                perilaku.append((_key(label), ekspektasi, umpan))
            quarter = None if periode == "TAHUNAN" else q + 1
            skp = TruthSkp(form="skp_permenpanrb_6_2022", period=f"{periode} {d.year}", year=d.year, quarter=quarter,
                           items=tuple(items), perilaku=tuple(perilaku), planted=tuple(planted),
                           values=(("rating_hasil_kerja", hk), ("rating_perilaku", pr), ("predikat", predikat),
                                   ("capaian_organisasi", org), ("pola_distribusi", "Kurva Normal")))
            truths.append(TruthDocument(
                kind="skp", layout_kind="ekinerja_export", title="EVALUASI KINERJA PEGAWAI (e-Kinerja)",
                indicators=tuple(TruthIndicator(i.name, None, i.rhk, (TruthTarget("Y", dict(i.cells)["target"], None, "target", "bkn"),))
                                 for i in items),
                parties=(TruthParty("pegawai", name, nip), TruthParty("pejabat_penilai", penilai_name, penilai_nip)), skp=skp,
            ))
    for ws in (ev_ws, in_ws):
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.isdigit() and len(cell.value) == 18:
                    cell.number_format = "@"  # NIPs as text
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue()), truths
