"""Signature blocks read as parties (extract.text.parties): role labels paired with the names under them."""

from __future__ import annotations

from extract.models import Role
from extract.text.parties import scan_signatures
from extract.text.segment import read_lines


def _signers(text: str) -> list[tuple[Role | None, str, str | None]]:
    return [(s.role, s.name, s.nip) for s in scan_signatures([read_lines(text)]).signers]


def test_the_atasan_pejabat_penilai_label_gives_its_own_role_beside_the_pejabat_penilai() -> None:
    text = ("Contoh, 31 Desember 2014\nPejabat Penilai,\n\nDrs. Hendra Gunawan, M.Si.\nNIP. 196805121993031004\n\n"
            "Atasan Pejabat Penilai Yang Menilai,\n\nIr. Bambang Prasetyo, M.M.\nNIP. 196503101990031002\n")
    assert _signers(text) == [
        (Role.PEJABAT_PENILAI, "Drs. Hendra Gunawan, M.Si.", "196805121993031004"),
        (Role.ATASAN_PEJABAT_PENILAI, "Ir. Bambang Prasetyo, M.M.", "196503101990031002"),
    ]


def test_a_sentence_naming_the_atasan_pejabat_penilai_is_no_label() -> None:
    """Near miss: the regulation's prose names the role at the start of a line, a sentence long."""
    text = ("Atasan pejabat penilai dapat mengubah nilai prestasi kerja yang diberikan pejabat penilai.\n"
            "Pejabat Penilai,\n\nDrs. Hendra Gunawan, M.Si.\nNIP. 196805121993031004\n")
    assert _signers(text) == [(Role.PEJABAT_PENILAI, "Drs. Hendra Gunawan, M.Si.", "196805121993031004")]


def _jabatans(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.jabatan) for s in scan_signatures([read_lines(text)]).signers]


def test_the_last_words_of_a_sentence_that_name_an_official_are_no_jabatan() -> None:
    """A report's foreword: "… disampaikan kepada" / "Bupati Contoh." ends the sentence, the jabatan is the signer's."""
    text = ("Laporan ini disusun sebagai pertanggungjawaban kinerja dan disampaikan kepada\nBupati Contoh.\n\n"
            "Contoh, 30 Januari 2023\nINSPEKTUR KABUPATEN CONTOH\n\nBUDI SANTOSO, S.E.\nNIP. 19700101 199503 1 002\n")
    assert _jabatans(text) == [("BUDI SANTOSO, S.E.", "INSPEKTUR KABUPATEN CONTOH")]


def test_a_jabatan_under_a_closed_sentence_or_after_an_abbreviation_stays_a_jabatan() -> None:
    """Near misses: a jabatan right under a sentence that ended ("… yang diperlukan."), and one opened by
    "a.n." (lower case, an abbreviation), are the signers' titles."""
    closed = ("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi\n"
              "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan.\n"
              "Bupati Contoh\nKepala Dinas Contoh\n\nBudi Santoso\n\nSiti Aminah\nNIP 198001012005012001\n")
    assert _jabatans(closed) == [("Budi Santoso", "Bupati Contoh"), ("Siti Aminah", "Kepala Dinas Contoh")]
    behalf = ("Contoh, 2 Januari 2025\n\na.n. Sekretaris Daerah\n\nKepala Bagian Umum\n\nBudi Santoso\n\n"
              "Siti Aminah\nNIP 198001012005012001\n")
    assert _jabatans(behalf) == [("Budi Santoso", "a.n. Sekretaris Daerah"), ("Siti Aminah", "Kepala Bagian Umum")]


def test_a_sentence_of_its_own_or_a_line_opening_with_a_hyphenated_word_is_no_jabatan() -> None:
    """A long line mostly in lower case is a sentence even after a closed one ("Kepala Dinas menyampaikan terima
    kasih …"); "masing-masing Kepala Perangkat Daerah" goes on with a sentence."""
    thanks = ("Laporan Kinerja ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas.\n"
              "Kepala Dinas menyampaikan terima kasih kepada seluruh pegawai atas kerja kerasnya\n"
              "selama tahun 2023 sehingga target kinerja dapat tercapai dengan baik dan optimal.\n\n")
    each = "Laporan ini disampaikan kepada\nmasing-masing Kepala Perangkat Daerah\nsebagai bahan evaluasi.\n\n"
    block = "Contoh, 30 Januari 2024\nKEPALA DINAS KESEHATAN KABUPATEN CONTOH\n\ndr. BUDI SANTOSO, M.Kes\nNIP. 19700101 199503 1 002\n"
    for prose in (thanks, each):
        assert _jabatans(prose + block) == [("dr. BUDI SANTOSO, M.Kes", "KEPALA DINAS KESEHATAN KABUPATEN CONTOH")]
