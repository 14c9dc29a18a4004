"""New documents in each seed shape read too: nothing is keyed to a seed file.

Each fixture is a small made-up document (another unit, other numbers) written in one of the
shapes of the seed renderings; the assertions are the exact cells a person reads in it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.models import DocType, Document, Period, Role
from extract.rows import budget_rows, measure_rows
from extract.text.reader import read_text_documents
from extract.text.tables import role_of

TAB_DOSSIER = """\
**PERJANJIAN KINERJA
TAHUN 2025
KEPALA BIRO PERENCANAAN
KEMENTERIAN CONTOH**

No.\tSasaran Program/Kegiatan\tIndikator Kinerja\tTarget
1\tPerencanaan yang Berkualitas\t1a-N Indeks kualitas perencanaan\t3,50 (skala 4)
\t\t1b-N Persentase dokumen tepat waktu\t95%
2\tAnggaran yang Akuntabel\t2a-N Nilai kinerja anggaran\t90

Program/Kegiatan\tAnggaran
1. Program Dukungan Manajemen\tRp\t1.500.000.000
a. Perencanaan\tRp\t1.000.000.000
b. Penganggaran\tRp\t500.000.000

Jakarta, 2 Januari 2025

Sekretaris Jenderal

Kepala Biro Perencanaan

Budi Santoso

Siti Aminah
NIP 198001012005012001

RINCIAN TARGET KINERJA
KEPALA BIRO PERENCANAAN
TAHUN 2025

Kode SS/IKU\tSS dan IKU\tTarget\t\t\t\t\t\t
\t\tQ1\tQ2\tSmt. 1\tQ3\ts.d.Q3\tQ4\tY
1\tPerencanaan yang Berkualitas\t\t\t\t\t\t\t
1a-N\tIndeks kualitas perencanaan\t-\t3,00\t3,00\t-\t3,00\t3,50\t3,50
1b-N\tPersentase dokumen tepat waktu\t25%\t50%\t50%\t75%\t75%\t95%\t95%

Jakarta, 2 Januari 2025
Kepala Biro Perencanaan,

Siti Aminah
"""

LAYOUT_RINCIAN = """\
RINCIAN TARGET KINERJA
KEPALA DINAS CONTOH

No IKU
Target

Q1 Q2 Smt 1 Q3 s.d. Q3 Q4 Y

1
Meningkatnya layanan publik yang 
prima

1a-N
Indeks kepuasan 
masyarakat

- 3,1 3,1 - 3,1 3,2 3,2
(skala 4)

1b-N Persentase aduan selesai 20% 40% 40% 60% 60% 80% 80%

Jakarta, 3 Januari 2025
Kepala Dinas,

Rina Wati

NIP 197501012000032001
"""

HTML_CELLS = """\
PERJANJIAN KINERJA TAHUN 2025

Nomor\tSasaran\tIndikator Kinerja\tSumber Data\tPengukuran Kinerja\tTriwulan\t\t\t\tTahunan\tKeterangan
\t\t\t\t\tI\tII\tIII\tIV\t\t
Sasaran Strategis\t\t\t\t\t\t\t\t\t\t
1\tMeningkatnya <i>kualitas</i> data\tNilai kualitas data\te-Kinerja\t<p>Definisi :</p> <p>a. Satu;</p>\tN/A\t2,5\tN/A\t3,25\t3,25\tNilai
\t\t\t\t<p>b. Dua (lanjutan halaman)</p>\t\t\t\t\t\t
"""


def test_tab_dossier_in_the_seed_shape() -> None:
    docs = read_text_documents(TAB_DOSSIER, "contoh.txt", "contoh")
    assert [d.doc_type for d in docs] == [DocType.PK, DocType.RINCIAN_TARGET]
    pk, rincian = docs
    assert [(i.sasaran_no, i.code, i.name, i.target(Period.Y).value.raw) for i in pk.indicators] == [
        ("1", "1a-N", "Indeks kualitas perencanaan", "3,50 (skala 4)"),
        ("1", "1b-N", "Persentase dokumen tepat waktu", "95%"),
        ("2", "2a-N", "Nilai kinerja anggaran", "90"),
    ]
    assert pk.indicators[0].target(Period.Y).value.scale == Decimal("4")
    assert [(b.level, b.label, b.amount, b.parent) for b in pk.budget] == [
        ("program", "1.", 1_500_000_000, None),
        ("kegiatan", "a.", 1_000_000_000, "Program Dukungan Manajemen"),
        ("kegiatan", "b.", 500_000_000, "Program Dukungan Manajemen"),
    ]
    pp, pk2 = pk.party(Role.PIHAK_PERTAMA), pk.party(Role.PIHAK_KEDUA)
    assert (pp.name, pp.jabatan, pp.nip) == ("Siti Aminah", "Kepala Biro Perencanaan", "198001012005012001")
    assert (pk2.name, pk2.jabatan) == ("Budi Santoso", "Sekretaris Jenderal")
    assert (pk.header.year, pk.header.instansi, str(pk.header.date)) == (2025, "KEMENTERIAN CONTOH", "2025-01-02")
    row = rincian.indicators[1]
    assert [(t.period.value, t.value.raw) for t in row.targets] == [
        ("Q1", "25%"), ("Q2", "50%"), ("Smt1", "50%"), ("Q3", "75%"), ("sdQ3", "75%"), ("Q4", "95%"), ("Y", "95%"),
    ]
    assert rincian.party(Role.PENANDATANGAN).name == "Siti Aminah"
    assert pk.status.value == "ok" and rincian.status.value == "ok"


def test_layout_rendering_in_the_seed_shape() -> None:
    (doc,) = read_text_documents(LAYOUT_RINCIAN, "dinas.txt", "dinas")
    assert doc.doc_type is DocType.RINCIAN_TARGET
    got = [(i.sasaran_no, i.sasaran, i.code, i.name, [t.value.raw for t in i.targets]) for i in doc.indicators]
    assert got == [
        ("1", "Meningkatnya layanan publik yang prima", "1a-N", "Indeks kepuasan masyarakat",
         ["-", "3,1", "3,1", "-", "3,1", "3,2", "3,2 (skala 4)"]),
        ("1", "Meningkatnya layanan publik yang prima", "1b-N", "Persentase aduan selesai",
         ["20%", "40%", "40%", "60%", "60%", "80%", "80%"]),
    ]
    signer = doc.party(Role.PENANDATANGAN)
    assert (signer.name, signer.jabatan, signer.nip) == ("Rina Wati", "Kepala Dinas", "197501012000032001")


def test_html_cells_and_a_row_cut_by_a_page_break() -> None:
    (doc,) = read_text_documents(HTML_CELLS, "html.txt", "html")
    (ind,) = doc.indicators
    assert (ind.kategori, ind.sasaran, ind.name, ind.sumber_data, ind.satuan) == (
        "Sasaran Strategis", "Meningkatnya kualitas data", "Nilai kualitas data", "e-Kinerja", "Nilai",
    )
    assert ind.pengukuran == "Definisi : a. Satu; b. Dua (lanjutan halaman)"
    assert [(t.period.value, t.value.raw, t.value.value) for t in ind.targets] == [
        ("Q1", "N/A", None), ("Q2", "2,5", Decimal("2.5")), ("Q3", "N/A", None),
        ("Q4", "3,25", Decimal("3.25")), ("Y", "3,25", Decimal("3.25")),
    ]


def test_unrecognised_text_yields_no_document() -> None:
    assert read_text_documents("Notulen rapat.\n\nTidak ada tabel.\n", "x.txt", "x") == []


PK_TWO_SASARAN_ONE_NUMBER = """PERJANJIAN KINERJA TAHUN 2016
DINAS CONTOH PROVINSI CONTOH

NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET
1.\tMeningkatnya Penerapan Sistem Mutu\tJumlah kelompok yang menerapkan sistem mutu\t20 Kelompok
\tMeningkatnya Margin Usahatani\tPersentase margin usahatani :\t
\t\ta. Padi (%)\t32

Program\tAnggaran\tKeterangan
1. Program Peningkatan Produksi\tRp. 18.972.674.100,-\tAPBD
2. Program Pengembangan Komunikasi\tRp. 1.353.100,000,00\tAPBD
"""


def test_a_second_sasaran_under_one_number_opens_a_sasaran_and_a_garbled_amount_keeps_its_line() -> None:
    """(PK_Kadis_2016 in text: a '-nya' sasaran beside a heading without a target is no
    continuation; OCR's '1.353.100,000,00' is read from its digits and reported, and an amount that
    cannot be read at all ('1.353,100.000': groups of three, marks mixed, no cents) still keeps its line.)"""
    (doc,) = read_text_documents(PK_TWO_SASARAN_ONE_NUMBER, "pk.txt", "pk")
    assert [(i.sasaran_no, i.sasaran, i.name, i.parent, [t.value.raw for t in i.targets]) for i in doc.indicators] == [
        ("1", "Meningkatnya Penerapan Sistem Mutu", "Jumlah kelompok yang menerapkan sistem mutu", None, ["20 Kelompok"]),
        ("1", "Meningkatnya Margin Usahatani", "Padi (%)", "Persentase margin usahatani", ["32"]),
    ]
    assert [(b.label, b.name, b.amount, b.value.raw) for b in doc.budget] == [
        ("1.", "Program Peningkatan Produksi", 18972674100, "Rp. 18.972.674.100,-"),
        ("2.", "Program Pengembangan Komunikasi", 1353100000, "Rp. 1.353.100,000,00"),
    ]
    assert [p.location.cell for p in doc.issues if p.check == "irregular_grouping"] == ["Rp. 1.353.100,000,00"]
    assert not [p for p in doc.issues if p.check == "budget_amount_unreadable"]
    (doc,) = read_text_documents(PK_TWO_SASARAN_ONE_NUMBER.replace("1.353.100,000,00", "1.353,100.000"), "pk.txt", "pk")
    assert [(b.label, b.amount, b.value.raw) for b in doc.budget][1] == ("2.", None, "Rp. 1.353,100.000")
    assert [p.location.cell for p in doc.issues if p.check == "budget_amount_unreadable"] == ["Rp. 1.353,100.000"]


PK_SIGNATURE_OVER_NAME = """PERJANJIAN KINERJA TAHUN 2016
BIDANG PRODUKSI

Yang bertanda tangan di bawah ini :
Nama : Ir. R. ABDULLAH FATHUL ALIM, MP
Jabatan : Kepala Bidang Produksi
selanjutnya disebut PIHAK KESATU
Nama : Ir. DODY FIRMAN NUGRAHA
Jabatan : Kepala Dinas Peternakan Provinsi Jawa Barat
selanjutnya disebut PIHAK KEDUA

No\tSasaran Strategis\tIndikator Kinerja\tTarget
1\tMeningkatnya produksi ternak\tJumlah produksi daging (ton)\t741.709

Bandung, 22 April 2016
PIHAK KESATU
Ir. R. ABD
H FATHUL ALIM, MP
Pembina Tk. I
NIP. 19600915 199003 1 006
"""


def test_a_signature_that_cuts_the_name_in_two_lines_still_gives_the_official_rank_and_nip() -> None:
    """(PK_Kabid_Produksi: the signature scrawl over the name leaves 'Ir. R. ABD' / 'H FATHUL ALIM, MP';
    the NIP and rank under it belong to the PIHAK KESATU named in the 'Nama :' block.)"""
    (doc,) = read_text_documents(PK_SIGNATURE_OVER_NAME, "pk.txt", "pk")
    first = doc.party(Role.PIHAK_PERTAMA)
    assert (first.name, first.nip, first.pangkat, first.jabatan) == (
        "Ir. R. ABDULLAH FATHUL ALIM, MP", "196009151990031006", "Pembina Tk. I", "Kepala Bidang Produksi")
    assert len(doc.parties) == 2


def test_a_wrapped_sasaran_ending_in_lainnya_goes_on_the_row_above() -> None:
    """'Lainnya' ends in -nya but names no state reached: only Me-/Ter-/Ber-/Di- nouns open a sasaran."""
    text = ("PERJANJIAN KINERJA TAHUN 2024\nDINAS CONTOH\n\n"
            "NO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET\n"
            "1.\tMeningkatnya Kualitas Urusan Pemerintahan\tPersentase laporan yang\t90%\n"
            "\tLainnya\tdiselesaikan tepat waktu\t\n")
    (doc,) = read_text_documents(text, "pk.txt", "pk")
    assert [(i.sasaran, i.name) for i in doc.indicators] == [
        ("Meningkatnya Kualitas Urusan Pemerintahan Lainnya", "Persentase laporan yang diselesaikan tepat waktu"),
    ]


def test_an_skp_party_block_with_one_column_ends_at_hasil_kerja() -> None:
    from extract.text.parties import skp_block
    from extract.text.segment import read_lines

    lines = [ln for ln in read_lines(
        "SASARAN KINERJA PEGAWAI\nPEGAWAI YANG DINILAI\nNAMA : Andi Wijaya\nNIP : 197003271995031002\n"
        "HASIL KERJA\nJakarta, 30 Januari 2024\nPejabat Penilai Kinerja\nSri Mulyani Indrawati\n"
    ) if not ln.blank]
    start, end, tokens = skp_block(lines)
    assert (lines[start].text, lines[end].text) == ("PEGAWAI YANG DINILAI", "NIP : 197003271995031002")
    assert tokens == ["NAMA : Andi Wijaya", "NIP : 197003271995031002"]


def test_budget_row_numbers_behind_a_stray_quote_or_without_their_space() -> None:
    """(PK_Kadis_2016 p3, OCR: '“8. Program …' and '10.Program …'.)"""
    text = PK_TWO_SASARAN_ONE_NUMBER.replace(
        "2. Program Pengembangan Komunikasi\tRp. 1.353.100,000,00\tAPBD\n",
        "“8. Program Pengembangan Komunikasi\tRp. 1.353.100.000,00\tAPBD\n10.Program Penyediaan Prasarana\tRp. 571.170.000,-\tAPBN\n")
    (doc,) = read_text_documents(text, "pk.txt", "pk")
    assert [(b.label, b.name, b.amount) for b in doc.budget] == [
        ("1.", "Program Peningkatan Produksi", 18972674100),
        ("8.", "Program Pengembangan Komunikasi", 1353100000),
        ("10.", "Program Penyediaan Prasarana", 571170000),
    ]


def test_a_garbled_party_label_over_a_whole_name_is_not_half_of_it() -> None:
    """(PK_Sekdis: 'PIHAK KESATU' read 'IHAK KESATU' just above 'Drh. TINE NURASIH': no join.)"""
    text = PK_SIGNATURE_OVER_NAME.replace("Ir. R. ABDULLAH FATHUL ALIM, MP", "Drh. TINE NURASIH").replace(
        "PIHAK KESATU\nIr. R. ABD\nH FATHUL ALIM, MP\n", "IHAK KESATU\nDrh. TINE NURASIH\n")
    (doc,) = read_text_documents(text, "pk.txt", "pk")
    first = doc.party(Role.PIHAK_PERTAMA)
    assert (first.name, first.nip, first.pangkat) == ("Drh. TINE NURASIH", "196009151990031006", "Pembina Tk. I")


PK_YEAR_COLUMNS = """PERJANJIAN KINERJA TAHUN 2021
KEPALA BALAI CONTOH

No\tSasaran Kegiatan\tIndikator Kinerja\tBaseline\t\t\tTarget\t
\t\t\t2020\t2021\t2022\t2023\t2024
1\tBalai Contoh\tJumlah hasil penelitian terdaftar HKI\t45\t46\t47\t48\t49
\t\tNilai zona integritas\t81,0\t82,0\t83,0\t84,0\t85,0
"""


def test_year_columns_keep_their_year_and_the_baseline_is_no_target() -> None:
    """A PK 2021 whose table prints Baseline 2020-2022 and Target 2023-2024: the targets keep
    their years, the baseline is not a target, and which year the agreement promises is reported."""
    (doc,) = read_text_documents(PK_YEAR_COLUMNS, "balai.txt", "balai")
    assert [(i.name, [(t.period.value, t.year, t.value.raw) for t in i.targets]) for i in doc.indicators] == [
        ("Jumlah hasil penelitian terdaftar HKI", [("Y", 2023, "48"), ("Y", 2024, "49")]),
        ("Nilai zona integritas", [("Y", 2023, "84,0"), ("Y", 2024, "85,0")]),
    ]
    assert all(i.target(Period.Y) is None for i in doc.indicators)
    (issue,) = [p for p in doc.issues if p.check == "target_year_ambiguous"]
    assert "2023, 2024" in issue.message and "2021" in issue.message


def test_a_target_column_of_the_documents_own_year_is_its_year_target() -> None:
    text = PK_YEAR_COLUMNS.replace("TAHUN 2021", "TAHUN 2023")
    (doc,) = read_text_documents(text, "balai.txt", "balai")
    assert [[(t.period.value, t.year, t.value.raw) for t in i.targets] for i in doc.indicators] == [
        [("Y", None, "48"), ("Y", 2024, "49")], [("Y", None, "84,0"), ("Y", 2024, "85,0")],
    ]
    assert doc.indicators[0].target(Period.Y).value.raw == "48"
    assert not [p for p in doc.issues if p.check == "target_year_ambiguous"]


RENCANA_AKSI_MONTHLY = """RENCANA AKSI ATAS PERJANJIAN KINERJA DINAS CONTOH TAHUN 2026

No\tTujuan/ Sasaran Strategis/ Program\tIndikator Kinerja\tTarget Tahun 2026\tTarget Bulan\t\t\t\t\t\t\t\t\t\t\t
\t\t\t\tJanuari\tFebruari\tMaret\tApril\tMei\tJuni\tJuli\tAgustus\tSeptember\tOktober\tNovember\tDesember
1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16
\tMeningkatnya layanan publik\tIndeks kepuasan masyarakat\t0,9 Angka\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0,9
\tProgram Penunjang Urusan Pemerintahan Daerah\tPersentase urusan penunjang sesuai standar\t100 persen\t100\t100\t100\t100\t100\t100\t100\t100\t100\t100\t100\t100
"""


def test_monthly_targets_and_a_programme_among_the_sasaran() -> None:
    """A Rencana Aksi with 'Target Bulan' over Januari … Desember: one target a month beside the
    year's; a 'Program …' in the Tujuan/Sasaran/Program column is a programme (and no budget line)."""
    (doc,) = read_text_documents(RENCANA_AKSI_MONTHLY, "ra.txt", "ra")
    first, second = doc.indicators
    assert [(t.period.value, t.value.raw) for t in first.targets] == [
        ("Y", "0,9 Angka"), *[(f"M{m:02d}", "0") for m in range(1, 12)], ("M12", "0,9"),
    ]
    assert (first.kategori, second.kategori, second.sasaran) == (None, "program", "Program Penunjang Urusan Pemerintahan Daerah")
    assert doc.budget == []


PK_BALAI_ITEMS = """PERJANJIAN KINERJA TAHUN 2021
KEPALA BALAI CONTOH ALIH TEKNOLOGI

No\tProgram /kegiatan/Sasaran Program/Sasaran Kegiatan\tIndikator Kinerja\t\tTarget
1\tBalai Contoh Alih Teknologi\t\t\t
\t\t1\tJumlah hasil penelitian yang terdaftar HKI (invensi)\t48
\t\t2\tJumlah lisensi hasil penelitian (naskah lisensi)\t12

KEGIATAN\tANGGARAN
Kegiatan Dukungan Manajemen dan Instrumen Teknis\t
Invensi yang didaftarkan Perlindungan HKI\tRp. 13.329.636.000,-

Bogor, 01 Januari 2021
"""


def test_an_item_number_column_under_the_indicator_header_and_a_kegiatan_heading_over_its_outputs() -> None:
    """'Indikator Kinerja' over two columns (the item's number, then its name): the number is the
    item's, not part of its name; a 'Program/kegiatan/Sasaran …' column is the sasaran; the title's
    'KEPALA BALAI …' names the instansi; an amountless 'Kegiatan …' row heads the outputs under it."""
    (doc,) = read_text_documents(PK_BALAI_ITEMS, "balai.txt", "balai")
    assert [(i.sasaran_no, i.sasaran, i.item_no, i.name, i.targets[0].value.raw) for i in doc.indicators] == [
        ("1", "Balai Contoh Alih Teknologi", "1", "Jumlah hasil penelitian yang terdaftar HKI (invensi)", "48"),
        ("1", "Balai Contoh Alih Teknologi", "2", "Jumlah lisensi hasil penelitian (naskah lisensi)", "12"),
    ]
    assert doc.header.instansi == "BALAI CONTOH ALIH TEKNOLOGI"
    assert [(b.level.value, b.name, b.amount, b.parent) for b in doc.budget] == [
        ("kegiatan", "Kegiatan Dukungan Manajemen dan Instrumen Teknis", None, None),
        ("output", "Invensi yang didaftarkan Perlindungan HKI", 13329636000, "Kegiatan Dukungan Manajemen dan Instrumen Teknis"),
    ]


LKJ_REPORT = """LAPORAN KINERJA INSTANSI PEMERINTAH
DINAS CONTOH KABUPATEN CONTOH
TAHUN 2022

BAB II
PERENCANAAN KINERJA
Perjanjian kinerja Dinas Contoh Tahun 2022 adalah pernyataan komitmen untuk mencapai kinerja.
Tabel 2.1 Perjanjian Kinerja Dinas Contoh Kabupaten Contoh Tahun 2022

No.\tSasaran Strategis\tIndikator Kinerja\tTarget Tahunan
1.\tMeningkatnya akuntabilitas kinerja\tNilai Evaluasi AKIP\tA (83)
\t\tMaturitas SPIP\tLevel 3 (3,35)

Laporan Kinerja Instansi Pemerintah Tahun 2022
15No.\tProgram\tAnggaran\tKeterangan
A.\tProgram Utama\tRp. 1.000.000.000\tAPBD
1.\tProgram Pengawasan\tRp. 600.000.000\tAPBD
2.\tProgram Pendampingan\tRp. 400.000.000\tAPBD
B.\tProgram Penunjang\tRp. 250.000.000\tAPBD
1.\tProgram Penunjang Urusan Pemerintahan Daerah\tRp. 250.000.000\tAPBD

Laporan Kinerja Instansi Pemerintah Tahun 2022
16BAB III
AKUNTABILITAS KINERJA
Tabel 3.1 Capaian Kinerja Dinas Contoh Tahun 2022

No.\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\t% Capaian
1.\tMeningkatnya akuntabilitas kinerja\tNilai Evaluasi AKIP\tA (83)\tA (82,92)\t99,90%
"""


def test_a_report_prints_its_pk_as_a_captioned_table_between_its_running_titles() -> None:
    """An LKj report is a document of its own; the PK its chapter 2 prints under a caption ('Tabel
    2.1 Perjanjian Kinerja …') is another, from the caption to the next chapter, across the report's
    running title; the A./B. group rows of its budget that only add up the programmes under them are
    no budget lines; 'PEMERINTAH' in a report's title is no instansi."""
    lkj, pk = read_text_documents(LKJ_REPORT, "lkj.pdf", "lkj")
    assert (lkj.doc_id, pk.doc_id) == ("lkj--01-lkj", "lkj--02-pk")
    assert (pk.header.instansi, pk.header.year) == ("DINAS CONTOH KABUPATEN CONTOH", 2022)
    assert [(i.sasaran_no, i.name, i.targets[0].value.raw) for i in pk.indicators] == [
        ("1", "Nilai Evaluasi AKIP", "A (83)"), ("1", "Maturitas SPIP", "Level 3 (3,35)"),
    ]
    assert [(b.level.value, b.label, b.name, b.amount) for b in pk.budget] == [
        ("program", "1.", "Program Pengawasan", 600_000_000),
        ("program", "2.", "Program Pendampingan", 400_000_000),
        ("program", "1.", "Program Penunjang Urusan Pemerintahan Daerah", 250_000_000),
    ]
    assert lkj.header.instansi == "DINAS CONTOH KABUPATEN CONTOH"
    assert [(i.name, [t.value.raw for t in i.targets], [r.value.raw for r in i.realisasi]) for i in lkj.indicators] == [
        ("Nilai Evaluasi AKIP", ["A (83)"], ["A (82,92)"]),
    ]


def test_a_code_written_iku_space_number_before_the_name_is_the_indicators_code() -> None:
    text = TAB_DOSSIER.replace("1a-N Indeks kualitas perencanaan", "IKU 1.1 Indeks kualitas perencanaan").replace(
        "1b-N Persentase dokumen tepat waktu", "IKU 1.2 Persentase dokumen tepat waktu").replace(
        "2a-N Nilai kinerja anggaran", "IKU 2.1 Nilai kinerja anggaran")
    pk = read_text_documents(text, "contoh.txt", "contoh")[0]
    assert [(i.sasaran_no, i.code, i.name) for i in pk.indicators] == [
        ("1", "IKU 1.1", "Indeks kualitas perencanaan"),
        ("1", "IKU 1.2", "Persentase dokumen tepat waktu"),
        ("2", "IKU 2.1", "Nilai kinerja anggaran"),
    ]


def test_a_codes_letters_in_the_code_column_and_its_number_before_the_name_are_one_code() -> None:
    """A Rincian Target whose code column holds "IKU" and whose name column opens with "1.1" (a scan's
    columns parted at the gap inside "IKU 1.1"; seed 2 file 12): the row is an indicator's, not a header
    row for its "IKU", and its code is whole again."""
    text = TAB_DOSSIER.replace("1a-N\tIndeks kualitas perencanaan", "IKU\t1.1 Indeks kualitas perencanaan").replace(
        "1b-N\tPersentase dokumen tepat waktu", "IKU\t1.2 Persentase dokumen tepat waktu")
    rincian = next(d for d in read_text_documents(text, "contoh.txt", "contoh") if d.doc_type == DocType.RINCIAN_TARGET)
    assert [(i.sasaran_no, i.code, i.name, [t.value.raw for t in i.targets]) for i in rincian.indicators] == [
        ("1", "IKU 1.1", "Indeks kualitas perencanaan", ["-", "3,00", "3,00", "-", "3,00", "3,50", "3,50"]),
        ("1", "IKU 1.2", "Persentase dokumen tepat waktu", ["25%", "50%", "50%", "75%", "75%", "95%", "95%"]),
    ]


def _pk_with_budget(budget: str) -> Document:
    """The PK of TAB_DOSSIER with its budget table replaced by ``budget`` (lines), signed under it."""
    head, _, _ = TAB_DOSSIER.partition("Program/Kegiatan\tAnggaran")
    return read_text_documents(head + budget + "\nJakarta, 2 Januari 2025\n", "contoh.txt", "contoh")[0]


def test_a_budget_header_set_one_label_a_line_still_opens_the_budget() -> None:
    # a PDF's budget header "Anggaran (Rp)" set over two lines beside "No." and "Program / Kegiatan"
    # renders as four short lines; the rows under it are budget lines
    pk = _pk_with_budget(
        "Anggaran\nNo.\nProgram / Kegiatan\n(Rp)\n"
        "1. Program Dukungan Manajemen\t1.500.000.000\n"
        "a. Perencanaan\t1.000.000.000\n"
        "b. Penganggaran\t500.000.000\n"
    )
    assert [(b.level, b.label, b.name, b.amount, b.parent) for b in pk.budget] == [
        ("program", "1.", "Program Dukungan Manajemen", 1_500_000_000, None),
        ("kegiatan", "a.", "Perencanaan", 1_000_000_000, "Program Dukungan Manajemen"),
        ("kegiatan", "b.", "Penganggaran", 500_000_000, "Program Dukungan Manajemen"),
    ]


def test_a_budget_row_of_its_total_alone_is_the_jumlah_anggaran_not_a_line() -> None:
    # the Dompu PK 2022 prints its budget as "Kegiatan | Anggaran" rows closed by "Jumlah | Rp …"
    pk = _pk_with_budget(
        "Kegiatan\tAnggaran\n"
        "1. Program Dukungan Manajemen\tRp. 1.500.000.000\n"
        "2. Program Penyediaan Data\tRp. 500.000.000\n"
        "Jumlah\tRp. 2.000.000.000\n"
    )
    assert [(b.level, b.label, b.name, b.amount) for b in pk.budget] == [
        ("program", "1.", "Program Dukungan Manajemen", 1_500_000_000),
        ("program", "2.", "Program Penyediaan Data", 500_000_000),
    ]
    assert pk.header.jumlah_anggaran is not None
    assert (pk.header.jumlah_anggaran.raw, pk.header.jumlah_anggaran.value) == ("Rp. 2.000.000.000", 2_000_000_000)
    assert not [i for i in pk.indicators if i.name.startswith("Jumlah")]


def test_subtotal_rows_under_each_programme_are_no_lines_and_the_jumlah_anggaran_is_the_total() -> None:
    pk = _pk_with_budget(
        "Kegiatan\tAnggaran\n"
        "1. Program Dukungan Manajemen\tRp. 1.500.000.000\n"
        "Jumlah\tRp. 1.500.000.000\n"
        "2. Program Penyediaan Data\tRp. 500.000.000\n"
        "Jumlah\tRp. 500.000.000\n"
        "Jumlah Anggaran\tRp. 2.000.000.000\n"
    )
    assert [(b.name, b.amount) for b in pk.budget] == [
        ("Program Dukungan Manajemen", 1_500_000_000), ("Program Penyediaan Data", 500_000_000),
    ]
    assert pk.header.jumlah_anggaran.value == 2_000_000_000


@pytest.mark.parametrize("numbering", [
    "(1)\t2)\t(3)\ta)",  # the Dompu PK 2022 scan: "(1) (2) (3) (4)" came out of OCR with a bracket lost and a number as a letter
    "(1)\t(2)\t(3)\t44)",  # a generated Rincian Target scan (seed 2 file 14): "(8)" came out "48)", an indicator "(2)"
])
def test_a_column_numbering_row_as_ocr_leaves_it_is_no_indicator(numbering: str) -> None:
    header = "No.\tSasaran Program/Kegiatan\tIndikator Kinerja\tTarget\n"
    text = TAB_DOSSIER.replace(header, header + numbering + "\n", 1)
    pk = read_text_documents(text, "contoh.txt", "contoh")[0]
    assert [(i.sasaran_no, i.code, i.name, i.target(Period.Y).value.raw) for i in pk.indicators] == [
        ("1", "1a-N", "Indeks kualitas perencanaan", "3,50 (skala 4)"),
        ("1", "1b-N", "Persentase dokumen tepat waktu", "95%"),
        ("2", "2a-N", "Nilai kinerja anggaran", "90"),
    ]


def test_a_header_label_after_a_stray_mark_still_names_its_column() -> None:
    """A generated Pemda PK scanned on grey toner (seed 1, file 8): a speck before the indicator
    label was read ': Indikator Kinerja Utama'; the header named no indicator column and all nine
    rows were lost ('target_without_indicator')."""
    text = (
        "PERJANJIAN KINERJA TAHUN 2024\nBADAN PENGEMBANGAN SUMBER DAYA MANUSIA\n\n"
        "No\tSasaran Program\t: Indikator Kinerja Utama\tSatuan\tTriwulan I\tTriwulan II\tTriwulan III\tTriwulan IV\tTarget 2024\n"
        "1\tMeningkatnya kualitas pengelolaan keuangan daerah\tCapaian kinerja program prioritas daerah\t%\t30%\t38%\t56%\t75%\t75%\n"
        "\t\tRasio kemandirian keuangan daerah\t%\t10%\t57%\t76%\t95%\t95%\n"
    )
    (pk,) = read_text_documents(text, "grey.txt", "grey")
    assert role_of(": Indikator Kinerja Utama") == "indicator" and role_of("- Kegiatan") is None  # (a dash is an item's)
    assert [(i.name, [t.value.raw for t in i.targets]) for i in pk.indicators] == [
        ("Capaian kinerja program prioritas daerah", ["30%", "38%", "56%", "75%", "75%"]),
        ("Rasio kemandirian keuangan daerah", ["10%", "57%", "76%", "95%", "95%"]),
    ]


def test_header_labels_a_scan_misread_name_their_columns_by_the_labels_they_are_like() -> None:
    """An SKP scanned over a dotted background (a generated scan, seed 1, file 30): its header read
    '“> RENCANA HASIL KERJA' and '(000 ANDIKATOR KINERJAINDIVIDU =~'; no indicator column was named
    and all seven rows were lost. A label is compared with the printed ones without its marks,
    spaces and the specks at its ends; two labels run together ('No Sasaran Strategis') are no
    misreading of one."""
    text = (
        "PERJANJIAN KINERJA TAHUN 2024\nBIRO PERENCANAAN\n\n"
        "No\t> 5asaran Strategis\t(000 lndikator KinerjaUtama =~\tTarget\n"
        "1\tMeningkatnya kualitas perencanaan\tIndeks kualitas perencanaan\t3,50 (skala 4)\n"
        "2\tAnggaran yang akuntabel\tNilai kinerja anggaran\t90\n"
    )
    (pk,) = read_text_documents(text, "scan.txt", "scan")
    assert [(i.sasaran, i.name, i.target(Period.Y).value.raw) for i in pk.indicators] == [
        ("Meningkatnya kualitas perencanaan", "Indeks kualitas perencanaan", "3,50 (skala 4)"),
        ("Anggaran yang akuntabel", "Nilai kinerja anggaran", "90"),
    ]
    assert role_of("> rencana hasil kerja") == "sasaran" and role_of("No Sasaran Strategis") is None
    # a body row's item (a dash, a number) is no label, nor is a printed label of another column a letter away
    assert [role_of(t) for t in ("- Indikator Kinerja", "1. Sasaran Strategis", "a) Anggaran", "Sumber Dana")] == [None] * 4


#: A report's chapter 3 as a PDF renders it (TAB rows, a form feed between pages): the year's measurement
#: table, the realisation of the years before under a "Realisasi" spanning three year columns, a table beside
#: the budget whose summary rows are no indicators, and the budget-realisation table cut by a page break under
#: the page's footer. The second table prints one realisation that the other two do not (82,92 for 81,59).
#: No heading names the unit: its head signs the report.
LKJ_MEASURES = """LAPORAN KINERJA INSTANSI PEMERINTAH
TAHUN 2022

Tabel 3.3 Capaian Kinerja Sasaran
No\tTujuan/Sasaran\tNo\tIndikator Kinerja\tTarget 2022\tRealisasi 2022\tCapaian
1\tMeningkatnya hasil pengawasan yang berkualitas\t1\tMaturitas SPIP\tLevel 3 (3,35)\tLevel 3 (3,157)\t94,24%
2\tMeningkatnya akuntabilitas perangkat daerah\t2\tNilai Evaluasi AKIP PD\tNilai A (83)\tNilai A (81,59)\t98,30%

Tabel 3.4 Realisasi Kinerja
No\tSasaran\tNo\tIndikator Kinerja\tTarget 2022\tRealisasi\t\t
\t\t\t\t\t2022\t2021\t2020
1\tMeningkatnya hasil pengawasan yang berkualitas\t1\tPersentase LK SKPD sesuai SAP\tN/A\t\tN/A\t100%
\t\t2\tMaturitas SPIP\tLevel 3 (3,35)\tLevel 3 (3,157)\tLevel 3 (3,346)\tLevel 3 (3,02)
\t\t3\tNilai Evaluasi AKIP PD\tA (83)\tA (82,92)\tA (82,92)\tN/A

Tabel 3.8 Perbandingan Realisasi Kinerja dan Realisasi Anggaran
SASARAN/ PROGRAM\tINDIKATOR PROGRAM\tKinerja\t\t\tAnggaran\t\t
\t\tTarget\tRealisasi\tCapaian %\tAnggaran\tRealisasi\tCapaian %
Sasaran : Meningkatnya akuntabilitas perangkat daerah\tNilai Evaluasi AKIP PD\tNilai A (83)\tNilai A (81,59)\t98,30\t\t\t
\tRata-rata capaian Indikator Utama (Sasaran)\t\t\t96,27\t\t\t
Program Penyelenggaraan Pengawasan\tPersentase tindak lanjut hasil pengawasan\t93\t86,71\t93,24\t630.395.770\t524.058.289\t83,13
\tJUMLAH TOTAL\t\t\t\t630.395.770\t524.058.289\t83,13

Tabel 3.13 Jumlah Anggaran dan Realisasi APBD Tahun 2022
No.\tProgram / Kegiatan\tAlokasi Biaya\t\t%
\t\tAnggaran (Rp)\tRealisasi (Rp)\t
1.\tPROGRAM PENYELENGGARAAN PENGAWASAN\t630.395.770\t524.058.289\t83,13
\tPenyelenggaraan Pengawasan Internal\t600.664.770\t507.455.689\t84,5

Laporan Kinerja Instansi Pemerintah Tahun 2022 38\f\tAdministrasi Barang Milik Daerah\t29.731.000\t16.602.600\t55,8
JUMLAH\t\t630.395.770\t524.058.289\t83,13

Laporan ini disusun sebagai pertanggungjawaban kinerja dan disampaikan kepada
Bupati Contoh.

Contoh, 30 Januari 2023
INSPEKTUR KABUPATEN CONTOH

BUDI SANTOSO, S.E.
NIP. 19700101 199503 1 002
"""


def test_a_report_measures_each_indicator_once_over_its_tables() -> None:
    """The report's indicators once each, in the order first printed, their periods from every table
    (the years before kept by year); a value one table prints against two others is reported, the
    others' kept; the average and total rows are no indicators; a programme's indicator is its own."""
    lkj = read_text_documents(LKJ_MEASURES, "lkj.pdf", "lkj")[0]

    def measures(values: list) -> dict[str, str]:
        return {t.period.value + (f":{t.year}" if t.year else ""): t.value.raw for t in values}

    assert [(i.sasaran_no, i.item_no, i.kategori, i.sasaran, i.name, measures(i.targets), measures(i.realisasi),
             measures(i.capaian)) for i in lkj.indicators] == [
        ("1", "1", None, "Meningkatnya hasil pengawasan yang berkualitas", "Maturitas SPIP", {"Y": "Level 3 (3,35)"},
         {"Y": "Level 3 (3,157)", "Y:2021": "Level 3 (3,346)", "Y:2020": "Level 3 (3,02)"}, {"Y": "94,24%"}),
        ("2", "2", None, "Meningkatnya akuntabilitas perangkat daerah", "Nilai Evaluasi AKIP PD", {"Y": "Nilai A (83)"},
         {"Y": "Nilai A (81,59)", "Y:2021": "A (82,92)", "Y:2020": "N/A"}, {"Y": "98,30%"}),
        ("1", "1", None, "Meningkatnya hasil pengawasan yang berkualitas", "Persentase LK SKPD sesuai SAP", {"Y": "N/A"},
         {"Y:2021": "N/A", "Y:2020": "100%"}, {}),
        (None, None, "program", "Program Penyelenggaraan Pengawasan", "Persentase tindak lanjut hasil pengawasan",
         {"Y": "93"}, {"Y": "86,71"}, {"Y": "93,24"}),
    ]
    conflicts = [p for p in lkj.issues if p.check == "measure_conflict"]
    assert [(p.location.cell, p.location.row) for p in conflicts] == [("A (82,92)", 5)]
    assert "kept 'Nilai A (81,59)', printed in 2 of 3 tables" in conflicts[0].message
    assert not [p for p in lkj.issues if p.check == "indicator_without_target"]


def test_a_budget_realisation_table_reads_pagu_realisasi_and_share_by_its_header_across_a_page_footer() -> None:
    """Anggaran, Realisasi and % by the columns the header names (two header rows), the row after the page's
    footer still the table's, the JUMLAH row the jumlah anggaran; the signer of the report heads its unit, and
    the last words of a paragraph that name a Bupati are no jabatan."""
    lkj = read_text_documents(LKJ_MEASURES, "lkj.pdf", "lkj")[0]
    assert [(b.level.value, b.label, b.name, b.amount, b.realisasi.amount, b.persen.raw, b.parent) for b in lkj.budget] == [
        ("program", "1.", "PROGRAM PENYELENGGARAAN PENGAWASAN", 630_395_770, 524_058_289, "83,13", None),
        ("kegiatan", None, "Penyelenggaraan Pengawasan Internal", 600_664_770, 507_455_689, "84,5",
         "PROGRAM PENYELENGGARAAN PENGAWASAN"),
        ("kegiatan", None, "Administrasi Barang Milik Daerah", 29_731_000, 16_602_600, "55,8",
         "PROGRAM PENYELENGGARAAN PENGAWASAN"),
    ]
    assert lkj.header.jumlah_anggaran.value == 630_395_770
    signer = lkj.party(Role.PENANDATANGAN)
    assert (signer.name, signer.jabatan, lkj.header.instansi) == (
        "BUDI SANTOSO, S.E.", "INSPEKTUR KABUPATEN CONTOH", "INSPEKTORAT KABUPATEN CONTOH")


def test_a_budget_realisation_table_without_rulings_reads_its_rows_by_order_and_their_wrapped_names() -> None:
    """Set without rulings, the header's labels come one a line ("Anggaran Realisasi", "(Rp)") and a long name
    wraps onto lines of its own under its row: the first amount after the name is the pagu, the next what was
    spent, the share after them; the wrapped words finish the name; the JUMLAH row is the total."""
    head, _, _ = LKJ_MEASURES.partition("Tabel 3.13")
    text = head + (
        "Tabel 3.3 Realisasi Anggaran Tahun 2022\n\nNo.\nProgram / Kegiatan\nAlokasi Biaya\n%\n\nAnggaran Realisasi\n"
        "(Rp)\n(Rp)\n\n"
        "1.\tProgram Pengembangan Ekonomi\t175.283.000,00\t113.158.280,00\t64,6\n"
        "Kreatif melalui Pemanfaatan dan\nPerlindungan Hak Kekayaan\n\n"
        "Administrasi Keuangan Perangkat\t58.936.000,00\t38.249.464,00\t64,9\nDaerah\n"
        "JUMLAH\t175.283.000,00\t113.158.280,00\t64,6\n\n"
        "Berdasarkan tabel di atas realisasi anggaran mencapai 64,6 persen dari pagu.\n"
    )
    lkj = read_text_documents(text, "lkj.pdf", "lkj")[0]
    assert [(b.level.value, b.label, b.name, b.amount, b.realisasi.amount, b.persen.raw) for b in lkj.budget] == [
        ("program", "1.", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan",
         175_283_000, 113_158_280, "64,6"),
        ("kegiatan", None, "Administrasi Keuangan Perangkat Daerah", 58_936_000, 38_249_464, "64,9"),
    ]
    assert lkj.header.jumlah_anggaran.value == 175_283_000


def test_a_reports_measures_and_budget_rows_keep_their_year_and_realisation() -> None:
    lkj = read_text_documents(LKJ_MEASURES, "lkj.pdf", "lkj")[0]
    rows = [(r.indicator_name, r.measure, r.period, r.year, r.raw) for r in measure_rows([lkj])]
    assert rows[:4] == [
        ("Maturitas SPIP", "realisasi", "Y", None, "Level 3 (3,157)"),
        ("Maturitas SPIP", "realisasi", "Y", 2021, "Level 3 (3,346)"),
        ("Maturitas SPIP", "realisasi", "Y", 2020, "Level 3 (3,02)"),
        ("Maturitas SPIP", "capaian", "Y", None, "94,24%"),
    ]
    assert [(r.name, r.amount, r.realisasi, r.persen) for r in budget_rows([lkj])][:1] == [
        ("PROGRAM PENYELENGGARAAN PENGAWASAN", 630_395_770, 524_058_289, "83,13"),
    ]


def test_an_indicator_named_like_a_summary_row_that_sets_a_target_is_an_indicator() -> None:
    """Near miss of the summary rows: a Setda's IKU "Rata-rata capaian kinerja perangkat daerah | 90%"."""
    text = ("PERJANJIAN KINERJA\nTAHUN 2025\nSEKRETARIS DAERAH KABUPATEN CONTOH\n\nNo.\tSasaran\tIndikator Kinerja\tTarget\n"
            "1\tMeningkatnya kinerja perangkat daerah\tRata-rata capaian kinerja perangkat daerah\t90%\n"
            "2\tMeningkatnya pelayanan\tIndeks kepuasan masyarakat\t85\n")
    pk = read_text_documents(text, "pk.txt", "pk")[0]
    assert [(i.name, i.targets[0].value.raw) for i in pk.indicators] == [
        ("Rata-rata capaian kinerja perangkat daerah", "90%"), ("Indeks kepuasan masyarakat", "85"),
    ]


def test_one_name_under_two_sasaran_is_two_indicators_whichever_order_the_next_table_lists_them() -> None:
    head = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2022\n\nTabel 3.1 Capaian Kinerja\n"
            "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n"
            "1\tMeningkatnya mutu pendidikan dasar\tPersentase sekolah terakreditasi A\t60%\t55%\t91,67%\n"
            "2\tMeningkatnya mutu pendidikan menengah\tPersentase sekolah terakreditasi A\t40%\t44%\t110,00%\n\n"
            "Tabel 3.2 Realisasi Kinerja\nNo\tSasaran\tIndikator Kinerja\tTarget 2022\tRealisasi\t\t\n\t\t\t\t2022\t2021\t2020\n")
    rows = ["2\tMeningkatnya mutu pendidikan menengah\tPersentase sekolah terakreditasi A\t40%\t44%\t38%\t35%\n",
            "1\tMeningkatnya mutu pendidikan dasar\tPersentase sekolah terakreditasi A\t60%\t55%\t50%\t45%\n"]
    for listed in (rows, rows[::-1]):
        lkj = read_text_documents(head + "".join(listed), "lkj.pdf", "lkj")[0]
        assert [(i.sasaran, {t.year: t.value.raw for t in i.realisasi}) for i in lkj.indicators] == [
            ("Meningkatnya mutu pendidikan dasar", {None: "55%", 2021: "50%", 2020: "45%"}),
            ("Meningkatnya mutu pendidikan menengah", {None: "44%", 2021: "38%", 2020: "35%"}),
        ]
        assert not [p for p in lkj.issues if p.check == "measure_conflict"]


def test_quarters_under_a_realisasi_of_one_year_are_realised_not_targets() -> None:
    text = ("RENCANA AKSI\nTAHUN 2023\nDINAS CONTOH KABUPATEN CONTOH\n\n"
            "No\tIndikator Kinerja\tTarget 2023\t\t\t\tRealisasi 2023\t\t\t\n"
            "\t\tTW I\tTW II\tTW III\tTW IV\tTW I\tTW II\tTW III\tTW IV\n"
            "1\tIndeks kepuasan masyarakat\t20\t40\t60\t80\t18\t39\t61\t79\n")
    ra = read_text_documents(text, "ra.txt", "ra")[0]
    ind = ra.indicators[0]
    assert ({t.period.value: t.value.raw for t in ind.targets}, {t.period.value: t.value.raw for t in ind.realisasi}) == (
        {"Q1": "20", "Q2": "40", "Q3": "60", "Q4": "80"}, {"Q1": "18", "Q2": "39", "Q3": "61", "Q4": "79"})


def test_a_reports_sentences_ending_in_an_amount_and_rows_short_of_a_cell_keep_the_budget_as_printed() -> None:
    """A report's prose "… sebesar Rp 630.395.770" is no budget line; a row that leaves out its empty number
    cell, and a JUMLAH merged over two columns, are read by order (pagu, realisasi, share)."""
    head, _, _ = LKJ_MEASURES.partition("Tabel 3.13")
    text = head + (
        "Pada tahun 2022 Inspektorat mendapatkan alokasi anggaran sebesar\nRp 630.395.770 dan terealisasi sebesar Rp 524.058.289\n\n"
        "Tabel 3.13 Jumlah Anggaran dan Realisasi APBD Tahun 2022\nNo.\tProgram / Kegiatan\tAnggaran (Rp)\tRealisasi (Rp)\t%\n"
        "1.\tPROGRAM PENYELENGGARAAN PENGAWASAN\t630.395.770\t524.058.289\t83,13\n"
        "Penyelenggaraan Pengawasan Internal\t600.664.770\t507.455.689\t84,5\n"
        "\tAdministrasi Barang Milik Daerah\t29.731.000\t16.602.600\t55,8\n"
        "JUMLAH\t630.395.770\t524.058.289\t83,13\n\n"
        "Sisa anggaran yang tidak terserap pada tahun 2022 adalah Rp 106.337.481\n"
    )
    lkj = read_text_documents(text, "lkj.pdf", "lkj")[0]
    assert [(b.name, b.amount, b.realisasi.amount, b.persen.raw) for b in lkj.budget] == [
        ("PROGRAM PENYELENGGARAAN PENGAWASAN", 630_395_770, 524_058_289, "83,13"),
        ("Penyelenggaraan Pengawasan Internal", 600_664_770, 507_455_689, "84,5"),
        ("Administrasi Barang Milik Daerah", 29_731_000, 16_602_600, "55,8"),
    ]
    assert lkj.header.jumlah_anggaran.value == 630_395_770


def test_a_pk_budgets_programme_heading_on_a_line_of_its_own_is_no_wrapped_name() -> None:
    """Near miss of a wrapped budget name: a PK's programme printed without an amount under the kegiatan above."""
    pk = _pk_with_budget(
        "No\tProgram/Kegiatan\tAnggaran\n1.\tProgram Penunjang Urusan Pemerintahan\tRp 1.500.000.000\n"
        "\ta. Administrasi Keuangan\tRp 1.000.000.000\n\tb. Administrasi Umum\tRp 500.000.000\n"
        "Program Peningkatan Pelayanan Kesehatan\n\ta. Pelayanan Puskesmas\tRp 700.000.000\n"
    )
    assert [(b.label, b.name) for b in pk.budget] == [
        ("1.", "Program Penunjang Urusan Pemerintahan"), ("a.", "Administrasi Keuangan"), ("b.", "Administrasi Umum"),
        ("a.", "Pelayanan Puskesmas"),
    ]


def test_rows_read_from_a_layout_know_their_table() -> None:
    """As rows of a TAB table do: a report merges its repeated indicators across tables only, never in one."""
    (doc,) = read_text_documents(LAYOUT_RINCIAN, "dinas.txt", "dinas")
    assert [(i.location.table, t.index) for i in doc.indicators for t in doc.tables] == [(0, 0), (0, 0)]


def test_target_realisasi_and_share_under_a_capaian_of_one_year_and_a_bare_jumlah_row() -> None:
    """"Capaian 2023" over "Target | Realisasi | %" holds the year's target, realisasi and capaian; a Rencana Aksi's
    "Jumlah" row of targets is a total, no indicator."""
    text = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2023\n\nTabel 3.1 Capaian Kinerja\n"
            "No\tSasaran\tIndikator Kinerja\tCapaian 2023\t\t\n\t\t\tTarget\tRealisasi\t%\n"
            "1\tMeningkatnya akuntabilitas\tNilai SAKIP\t80\t82\t102,5\n")
    ind = read_text_documents(text, "lkj.pdf", "lkj")[0].indicators[0]
    assert [(k, [(t.period.value, t.year, t.value.raw) for t in getattr(ind, k)]) for k in ("targets", "realisasi", "capaian")] == [
        ("targets", [("Y", None, "80")]), ("realisasi", [("Y", None, "82")]), ("capaian", [("Y", None, "102,5")])]
    ra = ("RENCANA AKSI\nTAHUN 2023\nDINAS CONTOH KABUPATEN CONTOH\n\nNo\tIndikator Kinerja\tTarget\tTarget Triwulan\t\t\t\n"
          "\t\t\tI\tII\tIII\tIV\n1\tJumlah kunjungan wisatawan mancanegara\t400\t100\t200\t300\t400\n"
          "2\tJumlah kunjungan wisatawan nusantara\t4000\t1000\t2000\t3000\t4000\n\tJumlah\t4400\t1100\t2200\t3300\t4400\n")
    assert [i.name for i in read_text_documents(ra, "ra.txt", "ra")[0].indicators] == [
        "Jumlah kunjungan wisatawan mancanegara", "Jumlah kunjungan wisatawan nusantara"]


def test_a_budget_row_that_fills_the_header_is_read_by_its_columns_one_short_by_the_headers_offsets() -> None:
    """A Volume column before the pagu keeps the row read by column; a row without its number cell is read from
    its first amount, with the header's own offsets (the % after a Sisa column, not the Sisa)."""
    head = "LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2023\n\n"
    volume = (head + "Tabel 3.10 Realisasi Anggaran\nNo.\tProgram / Kegiatan\tVolume\tAnggaran (Rp)\tRealisasi (Rp)\t%\n"
              "1.\tProgram Penunjang Urusan Pemerintahan Daerah\t12\t1.000.000\t900.000\t90,00\n")
    assert [(b.amount, b.realisasi.amount, b.persen.raw) for b in read_text_documents(volume, "lkj.pdf", "lkj")[0].budget] == [
        (1_000_000, 900_000, "90,00")]
    rest = (head + "Tabel 3.10 Realisasi Anggaran\nNo.\tProgram / Kegiatan\tAnggaran (Rp)\tRealisasi (Rp)\tSisa Anggaran (Rp)\t%\n"
            "1.\tProgram Penunjang Urusan Pemerintahan Daerah\t1.000.000\t900.000\t100.000\t90,00\n"
            "Administrasi Umum\t500.000\t500.000\t0\t100,00\n")
    assert [(b.name, b.amount, b.realisasi.amount, b.persen.raw) for b in read_text_documents(rest, "lkj.pdf", "lkj")[0].budget] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", 1_000_000, 900_000, "90,00"),
        ("Administrasi Umum", 500_000, 500_000, "100,00"),
    ]


def test_quarters_under_the_realisasi_of_two_years_keep_their_years() -> None:
    """"Realisasi 2022" and "Realisasi 2023", each over TW I-IV, in a report of 2023: the quarters of 2022 keep
    their year, those of 2023 are the report's own (they were joined cell by cell: "10 18")."""
    text = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2023\n\n"
            "No\tIndikator Kinerja\tTarget 2023\tRealisasi 2022\t\t\t\tRealisasi 2023\t\t\t\n"
            "\t\t\tTW I\tTW II\tTW III\tTW IV\tTW I\tTW II\tTW III\tTW IV\n"
            "1\tIndeks kepuasan masyarakat\t80\t10\t20\t30\t40\t18\t39\t61\t79\n")
    ind = read_text_documents(text, "lkj.pdf", "lkj")[0].indicators[0]
    assert [(t.period.value, t.year, t.value.raw) for t in ind.realisasi] == [
        ("Q1", None, "18"), ("Q2", None, "39"), ("Q3", None, "61"), ("Q4", None, "79"),
        ("Q1", 2022, "10"), ("Q2", 2022, "20"), ("Q3", 2022, "30"), ("Q4", 2022, "40"),
    ]


def test_a_budget_header_led_by_its_programme_column_ends_the_targets_and_is_no_indicator() -> None:
    """``Program/ Kegiatan Tahun 2020 | | Anggaran`` (no number column) under the targets was read as an
    indicator named ``Anggaran``; its budget lines stay the budget's."""
    text = ("PERJANJIAN KINERJA TAHUN 2020\nKEPALA DINAS CONTOH PROVINSI UJI\n\n"
            "No.\tTujuan\tIndikator Kinerja Utama\tTarget Tahun 2020\n"
            "1\tMeningkatnya kualitas layanan\tIKU 1.1 Indeks kepuasan masyarakat\t90%\n\n"
            "Program/ Kegiatan Tahun 2020\t\tAnggaran\t\n"
            "1. Program Penunjang Urusan Pemerintahan Daerah\tRp\t99.246.000\t\n"
            "a. Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah\tRp\t99.246.000\t\n")
    (doc,) = read_text_documents(text, "pk.txt", "pk")
    assert [(i.code, i.name, i.targets[0].value.raw) for i in doc.indicators] == [("IKU 1.1", "Indeks kepuasan masyarakat", "90%")]
    assert [(b.name, b.amount) for b in doc.budget] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", 99246000), ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 99246000)]
