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
