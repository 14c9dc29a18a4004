"""Words the generator draws from: indicator and sasaran stems, units, places, synthetic people.

Indicator names are built as ``stem + object [+ qualifier]`` (``Persentase`` + ``pegawai yang
mengikuti pengembangan kompetensi`` + ``sesuai standar``), so their length, and with it the
number of lines they wrap over, varies from one to five lines in a narrow column. The stems
follow what real PKs print (``Persentase …``, ``Indeks …``, ``Tingkat …``, ``Nilai …``,
``Jumlah …``, ``Rasio …``, ``Opini …``, ``Predikat …``). People are synthetic: a given name and
a family name drawn independently from common Indonesian names, never a real official.
"""

from __future__ import annotations

STEMS: dict[str, tuple[str, ...]] = {
    # stem -> the value kinds it usually carries (see _values.KINDS)
    "Persentase": ("percent", "percent_split", "percent_space", "comparator", "dash_late"),
    "Indeks": ("index_scale", "decimal", "number"),
    "Tingkat": ("percent", "percent_space", "comparator", "decimal"),
    "Nilai": ("number", "decimal", "index_scale_double", "grade", "range"),
    "Jumlah": ("count", "thousands", "count_unit"),
    "Rasio": ("decimal", "percent"),
    "Opini": ("opinion", "opinion_number"),
    "Predikat": ("grade",),
    "Skor": ("decimal", "index_scale"),
    "Capaian": ("percent", "comparator"),
    "Realisasi": ("rupiah",),
}

OBJECTS: dict[str, tuple[str, ...]] = {
    "Persentase": (
        "pegawai yang mengikuti pengembangan kompetensi",
        "rekomendasi hasil pemeriksaan BPK yang telah ditindaklanjuti",
        "penyelesaian pengaduan masyarakat",
        "realisasi anggaran",
        "dokumen perencanaan yang disusun tepat waktu",
        "layanan administrasi kepegawaian yang diselesaikan sesuai standar pelayanan",
        "desa yang menerapkan sistem keuangan desa",
        "sekolah dengan akreditasi minimal B",
        "penduduk yang memiliki jaminan kesehatan",
        "kasus penyakit menular yang ditangani",
        "jalan kabupaten dalam kondisi mantap",
        "rumah tangga yang mendapatkan akses air minum layak",
        "aset daerah yang tersertifikasi",
        "temuan pengawasan internal yang ditindaklanjuti",
        "produk hukum daerah yang diundangkan",
        "pelaku usaha mikro yang naik kelas",
        "penurunan jumlah temuan Inspektorat terhadap pelanggaran sistem pengendalian intern",
        "implementasi inisiatif strategis reformasi birokrasi dan transformasi kelembagaan",
    ),
    "Indeks": (
        "kepuasan masyarakat",
        "reformasi birokrasi",
        "profesionalitas ASN",
        "sistem merit pada aspek dan sub aspek manajemen ASN",
        "kualitas kebijakan",
        "maturitas sistem pengendalian intern pemerintah",
        "pembangunan manusia",
        "kualitas lingkungan hidup",
        "keterbukaan informasi publik",
        "sistem pemerintahan berbasis elektronik",
        "integritas organisasi",
        "kualitas belanja pusat dan daerah",
        "efektivitas pengelolaan keuangan daerah dan barang milik daerah",
    ),
    "Tingkat": (
        "kepuasan pengguna layanan",
        "kepatuhan penyampaian laporan keuangan",
        "efektivitas kerja sama antar daerah",
        "penyelesaian tindak lanjut hasil pengawasan",
        "partisipasi masyarakat dalam perencanaan pembangunan",
        "kesiapsiagaan daerah dalam penanggulangan bencana",
        "sinkronisasi perencanaan dan penganggaran belanja pemerintah pusat dan daerah",
        "pengangguran terbuka",
        "kemantapan jalan provinsi",
    ),
    "Nilai": (
        "SAKIP perangkat daerah",
        "evaluasi reformasi birokrasi",
        "kinerja anggaran",
        "kualitas data statistik sektoral",
        "evaluasi organisasi",
        "kinerja regulasi prioritas",
        "akuntabilitas kinerja instansi pemerintah",
        "tukar petani",
    ),
    "Jumlah": (
        "dokumen kebijakan yang ditetapkan",
        "desa mandiri",
        "wisatawan mancanegara",
        "UMKM yang difasilitasi",
        "kegiatan sosialisasi peraturan perundang-undangan",
        "penyuluh pertanian bersertifikat",
        "laporan monitoring dan evaluasi",
        "pelaku ekonomi kreatif yang mendapatkan pendampingan dan fasilitasi akses permodalan",
    ),
    "Rasio": (
        "belanja pegawai terhadap total belanja",
        "TKD yang berbasis kinerja terhadap TKD",
        "kemandirian keuangan daerah",
        "tenaga kesehatan per 1.000 penduduk",
    ),
    "Opini": ("BPK atas laporan keuangan", "BPK atas laporan keuangan pemerintah daerah"),
    "Predikat": ("SAKIP", "zona integritas", "kepatuhan standar pelayanan publik dari Ombudsman RI"),
    "Skor": ("pola pangan harapan", "kapabilitas APIP", "kualitas pengadaan barang dan jasa"),
    "Capaian": ("standar pelayanan minimal bidang kesehatan", "kinerja program prioritas daerah"),
    "Realisasi": ("pendapatan asli daerah", "penerimaan retribusi daerah", "penerimaan negara bukan pajak"),
}

QUALIFIERS = (
    "", "", "", "", "",
    "lingkup perangkat daerah",
    "tepat waktu",
    "sesuai standar",
    "pada unit kerja eselon I",
    "di lingkungan pemerintah provinsi",
    "yang ditindaklanjuti dalam tahun berjalan",
    "terhadap total sasaran yang ditetapkan dalam dokumen perencanaan jangka menengah daerah",
)

SASARAN = (
    "Meningkatnya akuntabilitas kinerja instansi pemerintah",
    "Meningkatnya kualitas pelayanan publik",
    "Terwujudnya tata kelola pemerintahan yang baik dan bersih",
    "Meningkatnya kualitas sumber daya manusia aparatur",
    "Meningkatnya kualitas pengelolaan keuangan daerah",
    "Belanja negara yang berkualitas dan akuntabel",
    "Kebijakan fiskal yang ekspansif konsolidatif",
    "Meningkatnya derajat kesehatan masyarakat",
    "Meningkatnya kualitas infrastruktur jalan dan jembatan",
    "Terwujudnya pengendalian dan pengawasan internal yang bernilai tambah",
    "Organisasi dan SDM yang berkinerja tinggi",
    "Meningkatnya daya saing usaha mikro, kecil dan menengah",
    "Terkelolanya keuangan daerah yang sehat, transparan, dan akuntabel",
    "Meningkatnya kualitas lingkungan hidup",
    "Sistem informasi yang andal dan terintegrasi",
    "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
    "Perbaikan manajemen aparatur sipil negara berbasis sistem merit",
    "Meningkatnya kualitas perencanaan pembangunan daerah yang terintegrasi, partisipatif dan berbasis data",
)

PROGRAMS = (
    "Program Penunjang Urusan Pemerintahan Daerah",
    "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    "Program Pengelolaan Keuangan Daerah",
    "Program Kepegawaian Daerah",
    "Program Dukungan Manajemen",
    "Program Kebijakan Fiskal",
    "Program Pengelolaan Belanja Negara",
    "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    "Program Penyelenggaraan Pengawasan",
    "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan Intelektual",
    "Program Penyelenggaraan Jalan",
    "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro",
)

OUTPUTS = (
    "Tata Kelola Organisasi dan Sumber Daya Manusia",
    "Sistem Teknologi Informasi",
    "Kebijakan Bidang Perencanaan",
    "Layanan Perkantoran",
    "Penganggaran Berbasis Kinerja",
    "Sistem Pengendalian dan Pengawasan Institusi",
)

KEGIATAN = (
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pengelolaan Sistem Informasi dan Teknologi",
    "Monitoring dan Evaluasi Kinerja Anggaran",
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Koordinasi dan Sinkronisasi Penerapan SPIP",
    "Pengelolaan Risiko, Pengendalian, dan Pengawasan Internal",
    "Komunikasi, Edukasi, dan Standardisasi",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
)

INISIATIF = (
    "Integrasi dan konektivitas data keuangan desa",
    "Digitalisasi layanan administrasi kepegawaian",
    "Penguatan sistem pengendalian intern berbasis risiko",
    "Pembangunan dasbor kinerja terpadu",
    "Penyusunan peta proses bisnis organisasi",
    "Pengembangan aplikasi monitoring tindak lanjut",
    "Penerapan manajemen talenta aparatur",
    "Percepatan sertifikasi aset tanah pemerintah daerah",
)

OUTCOMES = (
    "Tersedianya data yang mutakhir dan terintegrasi",
    "Meningkatnya kecepatan layanan",
    "Laporan monitoring triwulanan",
    "Dokumen kebijakan yang ditetapkan",
    "Aplikasi yang dapat digunakan seluruh unit kerja",
)

PENANGGUNG_JAWAB = ("Sekretariat", "Bidang Perencanaan", "Sub Bagian Keuangan", "Bidang Pengawasan", "Dit. Sistem Informasi")

UNITS_PEMDA = (
    ("Dinas Kesehatan", "Kepala Dinas Kesehatan"),
    ("Badan Kepegawaian Daerah", "Kepala Badan Kepegawaian Daerah"),
    ("Badan Perencanaan Pembangunan Daerah", "Kepala Badan Perencanaan Pembangunan Daerah"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("Inspektorat Daerah", "Inspektur"),
    ("Dinas Koperasi dan Usaha Mikro", "Kepala Dinas Koperasi dan Usaha Mikro"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah"),
    ("Dinas Pariwisata dan Kebudayaan", "Kepala Dinas Pariwisata dan Kebudayaan"),
)

UNITS_PUSAT = (
    ("Direktorat Jenderal Perimbangan Keuangan", "Direktur Jenderal Perimbangan Keuangan", "Kementerian Keuangan", "Menteri Keuangan"),
    ("Direktorat Jenderal Pembangunan Desa", "Direktur Jenderal Pembangunan Desa", "Kementerian Desa", "Menteri Desa"),
    ("Sekretariat Jenderal", "Sekretaris Jenderal", "Kementerian Pertanian", "Menteri Pertanian"),
    ("Badan Pengembangan Sumber Daya Manusia", "Kepala Badan Pengembangan Sumber Daya Manusia", "Kementerian Kesehatan", "Menteri Kesehatan"),
    ("Inspektorat Jenderal", "Inspektur Jenderal", "Kementerian Perhubungan", "Menteri Perhubungan"),
)

REGIONS = (
    ("Kabupaten", "Sleman", "Bupati Sleman", "Sleman"),
    ("Kabupaten", "Boyolali", "Bupati Boyolali", "Boyolali"),
    ("Kota", "Bandung", "Wali Kota Bandung", "Bandung"),
    ("Provinsi", "Jawa Barat", "Gubernur Jawa Barat", "Bandung"),
    ("Provinsi", "Kalimantan Timur", "Gubernur Kalimantan Timur", "Samarinda"),
    ("Kabupaten", "Dompu", "Bupati Dompu", "Dompu"),
    ("Kota", "Padang", "Wali Kota Padang", "Padang"),
    ("Provinsi", "Sulawesi Selatan", "Gubernur Sulawesi Selatan", "Makassar"),
)

GIVEN = (
    "Agus", "Budi", "Siti", "Dewi", "Rina", "Hendra", "Yuliana", "Bambang", "Sri", "Eko", "Nurul", "Wahyu",
    "Fitri", "Rahmat", "Andi", "Lestari", "Dian", "Ahmad", "Indah", "Joko", "Ratna", "Teguh", "Maya", "Arif",
)
FAMILY = (
    "Santoso", "Wibowo", "Rahayu", "Hidayat", "Saputra", "Kurniawan", "Pratama", "Susanti", "Lubis", "Siregar",
    "Nasution", "Hasibuan", "Wijaya", "Setiawan", "Marlina", "Gunawan", "Suryadi", "Handayani", "Permana", "Utomo",
)
PRE_TITLES = ("", "", "", "Dr. ", "Ir. ", "Drs. ", "H. ", "Hj. ")
POST_TITLES = ("", "", "", ", S.E., M.Si.", ", S.T., M.T.", ", M.Kes.", ", S.H.", ", M.Ak.")
PANGKAT = ("Pembina Utama Madya, IV/d", "Pembina Utama Muda, IV/c", "Pembina Tk. I, IV/b", "Pembina, IV/a", "Penata Tk. I, III/d")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")
