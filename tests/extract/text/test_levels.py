"""Programme / kegiatan / sub-kegiatan levels of a Permendagri realisasi sheet, from its own sums."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from extract import read_file
from extract.text.levels import split
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"

# a programme: kegiatan, each with 1..4 sub-kegiatan; every amount > 0 (a printed '-' is 0, see below)
_subs = st.lists(st.tuples(st.integers(1, 10**9), st.integers(1, 10**9)), min_size=1, max_size=4)
_programme = st.lists(_subs, min_size=1, max_size=6)


def _flatten(programme: list[list[tuple[int, int]]]) -> tuple[list[int], list[list[int]], list[bool]]:
    rows: list[list[int]] = []
    heads: list[bool] = []
    for subs in programme:
        rows.append([sum(s[0] for s in subs), sum(s[1] for s in subs)])
        heads.append(True)
        rows += [list(s) for s in subs]
        heads += [False] * len(subs)
    total = [sum(r[k] for r, h in zip(rows, heads, strict=True) if h) for k in range(2)]
    return total, rows, heads


@settings(max_examples=60, deadline=None)
@given(_programme)
def test_consistent_sums_give_the_printed_levels_back(programme: list[list[tuple[int, int]]]) -> None:
    total, rows, heads = _flatten(programme)
    got, exact = split(total, rows)
    assert got == heads
    assert exact == [2] * len(programme) + [2]  # every kegiatan exact in both periods, and the programme


@settings(max_examples=60, deadline=None)
@given(_programme)
def test_without_programme_totals_the_kegiatan_sums_decide(programme: list[list[tuple[int, int]]]) -> None:
    _, rows, heads = _flatten(programme)
    assert split([0, 0], rows)[0] == heads


def test_a_kegiatan_whose_sub_kegiatan_are_missing_is_placed_by_the_programme_total() -> None:
    """BPBD's 'Administrasi Keuangan' prints more than its sub-kegiatan add up to (rows left out of
    the sheet); only the programme's total says that the next row is a kegiatan, not one more sub."""
    total = [100, 0]
    rows = [[10, 0], [10, 0], [60, 0], [5, 0], [30, 0], [30, 0]]  # K 10=10 | K 60 > 5 | K 30=30
    assert split(total, rows)[0] == [True, False, True, False, True, False]


def test_a_block_whose_sub_kegiatan_would_spend_more_than_it_cannot_hold_them() -> None:
    rows = [[50, 50], [20, 20], [30, 30], [40, 40], [40, 40]]
    assert split([0, 0], rows)[0] == [True, False, False, True, False]


def test_rows_without_rp_go_under_the_kegiatan_above() -> None:
    rows = [[30, 0], [30, 0], [0, 0], [0, 0]]
    assert split([30, 0], rows) == ([True, False, False, False], [1, 1])


def test_bpbd_realisasi_sheet_k_rp_and_levels() -> None:
    """Read by eye from wishaputra__esakip__BPBD.pdf pages 1-4 (golden/real holds every row)."""
    doc = read_file(FIXTURES / "wishaputra__esakip__BPBD.pdf").documents[0]
    assert doc.header.instansi == "BADAN PENANGGULANGAN BENCANA DAERAH"  # the unit's own first row
    got = [
        (i.kategori, i.sasaran[:30], i.name[:30], {t.period.value: t.value.raw for t in i.realisasi},
         {t.period.value: t.value.amount for t in i.realisasi_rp})
        for i in doc.indicators[:5]
    ]
    assert got == [
        ("program", "PROGRAM PENUNJANG URUSAN PEMER", "Nilai LKE PMPRB Perangkat Daer", {},
         {"Q1": 8_526_244_688, "Q2": 15_271_758_613}),
        ("program", "PROGRAM PENUNJANG URUSAN PEMER", "Predikat SAKIP", {}, {}),
        ("kegiatan", "Perencanaan, Penganggaran, dan", "Persentase Cakupan Dokumen Per", {"Q1": "23,16%", "Q2": "16,37%"},
         {"Q1": 210_781_800, "Q2": 149_033_000}),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan Per", {"Q1": "4", "Q2": "2"},
         {"Q1": 116_475_000, "Q2": 58_403_000}),
        ("sub_kegiatan", "Koordinasi dan Penyusunan Doku", "Jumlah Dokumen RKA-SKPD dan La", {"Q1": "0", "Q2": "1"},
         {"Q1": None, "Q2": 17_755_000}),  # '-' is no amount
    ]
    levels = [b.level for b in doc.budget]
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("sub_kegiatan")) == (2, 9, 42)
    assert all(b.amount is None for b in doc.budget)  # the sheet prints what was spent, not a pagu
    kegiatan = [b for b in doc.budget if b.level == "kegiatan"]
    assert (kegiatan[1].name, kegiatan[1].parent) == (
        "Administrasi Keuangan Perangkat Daerah", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA")
    checks = {p.check for p in doc.issues}
    assert "indicator_without_target" not in checks  # a realisasi sheet prints no targets
    assert "level_inferred" in checks  # 'Administrasi Keuangan' and 'Administrasi Umum': no sum confirms them
    inferred = [p.message for p in doc.issues if p.check == "level_inferred" and "taken for a kegiatan" in p.message]
    assert [m.split("'")[1] for m in inferred] == ["Administrasi Keuangan Perangkat Daerah", "Administrasi Umum Perangkat Daerah"]


SHEET = "\n".join([
    "Urusan/Bidang Urusan/Program/Kegiatan\tIndikator Kinerja Program (Outcome)/Indikator Kinerja Kegiatan (Output)\t"
    "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023\t\t\t",
    "\t\tI\t\tII\t",
    "\t\tK\tRp\tK\tRp",
    "URUSAN PEMERINTAHAN BIDANG KEUANGAN\t\t\t\t\t",
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH\tNilai LKE PMPRB\t\t300\t\t500",
    "\tOPD yang menyusun laporan tepat waktu\t\t\t\t",
    "Penyusunan Dokumen Perencanaan\tPersentase dokumen\t50%\t100\t50%\t200",
    "Penyusunan Dokumen Perencanaan\tJumlah dokumen\t1\t100\t1\t200",
    "Administrasi Keuangan\tCakupan administrasi\t10%\t200\t20%\t300",
    "Penyusunan Dokumen Perencanaan\tJumlah laporan\t1\t200\t1\t300",
])


def test_sheet_rows_named_alike_an_acronym_line_and_an_urusan_heading() -> None:
    """A sub-kegiatan named like its kegiatan is a row of its own (it prints its own Rp); a line
    opening with an acronym ('OPD yang …') is no second indicator of the programme but goes on the
    first; a sub-kegiatan of the same name under another kegiatan is a budget line of its own; an
    URUSAN heading is not the unit."""
    from extract.text.reader import read_text_documents

    (doc,) = read_text_documents(SHEET, "sheet.txt", "sheet")
    assert [(i.kategori, i.sasaran, i.name) for i in doc.indicators] == [
        ("program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Nilai LKE PMPRB OPD yang menyusun laporan tepat waktu"),
        ("kegiatan", "Penyusunan Dokumen Perencanaan", "Persentase dokumen"),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan", "Jumlah dokumen"),
        ("kegiatan", "Administrasi Keuangan", "Cakupan administrasi"),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan", "Jumlah laporan"),
    ]
    assert [(b.level, b.name, b.parent) for b in doc.budget] == [
        ("program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", None),
        ("kegiatan", "Penyusunan Dokumen Perencanaan", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan", "Penyusunan Dokumen Perencanaan"),
        ("kegiatan", "Administrasi Keuangan", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan", "Administrasi Keuangan"),
    ]
    assert doc.header.instansi is None
    assert not [p for p in doc.issues if p.check == "level_inferred"]  # every sum holds
