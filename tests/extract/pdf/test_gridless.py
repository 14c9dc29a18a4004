"""Tables without a full grid (extract/pdf/gridless.py), each behaviour on a generated page (corpus.synth)."""

from __future__ import annotations

from functools import cache

from corpus.synth import LKJ_KINDS, generate, generate_pk_years, generate_skp
from extract.pdf import read_pdf
from extract.pdf.gridless import (
    Block,
    Label,
    Row,
    boundaries,
    find_tables,
    label_pieces,
    place_blocks,
    title_over_labels,
)
from extract.pdf.model import Box, Table, Word
from extract.pdf.reader import PdfReading
from extract.pdf.render import VisualLine, visual_lines


@cache
def _reading(seed: int, index: int) -> PdfReading:
    g = generate(seed, index)
    return read_pdf(g.pdf, g.truth.file, g.truth.file[:-4])


def _read_lines(lines: list[tuple[float, list[tuple[str, float, float]]]], conf: float | None, speck: float | None,
                specks: tuple[str, ...]) -> list[Word]:
    """The words of lines (their top, and each word's text and x extent), 8 pt high, as OCR reads them:
    the words in ``specks`` with the confidence ``speck``, the others with ``conf`` (None: a text layer)."""
    return [Word(t, Box(x0, y, x1, y + 8), speck if t in specks else conf) for y, spec in lines for t, x0, x1 in spec]


def _texts(table: Table) -> list[list[str]]:
    """A table's cell texts, row by row ('' for no cell)."""
    return [["" if c is None else c.text for c in row] for row in table.rows]


def _rows(seed: int, index: int, page: int, table: int = 0) -> list[list[str]]:
    """The cell texts of one table of a generated file's page (1-based page)."""
    return _texts(_reading(seed, index).contents[page - 1].tables[table])


def _year_rows(seed: int, case: str) -> list[list[str]]:
    """The cell texts of the first table of a generated PK with year columns (PDF)."""
    g = generate_pk_years(seed, 0, case=case, medium="pdf")
    return _texts(read_pdf(g.data, g.truth.file, g.truth.file[:-4]).contents[0].tables[0])


def test_a_year_label_broken_by_its_cells_edge_is_one_year_column() -> None:
    # the last of four year columns too narrow for "2027": "202" on the label's line, "7" under it; the
    # line of years was no label line and the four targets of each row were read as one cell
    g = generate_pk_years(37, 0, case="target", medium="pdf")
    rows = _texts(read_pdf(g.data, g.truth.file, g.truth.file[:-4]).contents[1].tables[0])
    assert rows[:4] == [
        ["No", "Sasaran", "Indikator Sasaran", "Satuan", "Target", "", "", ""],
        ["", "", "", "", "2024", "2025", "2026", "2027"],
        ["1", "Terkelolanya keuangan daerah yang sehat, transparan, dan akuntabel",
         "Predikat kepatuhan standar pelayanan publik dari Ombudsman RI sesuai standar", "Predikat", "BB", "BB", "BB", "BB"],
        ["2", "Perbaikan manajemen aparatur sipil negara berbasis sistem merit",
         "Rasio belanja pegawai terhadap total belanja lingkup perangkat daerah", "%", "85%", "87%", "89%", "91%"],
    ]
    assert rows[-1] == ["", "", "Skor kapabilitas APIP di lingkungan pemerintah provinsi", "Angka", "369,5", "384,3", "399,1",
                        "413,9"]


def test_a_broken_year_on_a_line_that_also_holds_a_labels_wrapped_end_is_one_year_column() -> None:
    # "Indikator" over "Kinerja", which stands on the line of years whose last, "202", goes on as "6"
    def line(y: float, spec: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y, x1, y + 8)) for t, x0, x1 in spec]

    words = (line(90, [("No", 20, 32), ("Indikator", 60, 105), ("Satuan", 300, 330), ("Target", 450, 480)])
             + line(100, [("Kinerja", 60, 97), ("2024", 400, 422), ("2025", 450, 472), ("202", 500, 516)])
             + line(109, [("6", 500, 505)])
             + line(116, [("1", 20, 25), ("Persentase", 60, 110), ("temuan", 113, 150), ("%", 310, 316), ("90%", 400, 420),
                          ("91%", 450, 470), ("92%", 500, 520)])
             + line(130, [("2", 20, 25), ("Nilai", 60, 90), ("SAKIP", 93, 130), ("Nilai", 300, 325), ("70", 405, 415),
                          ("71", 455, 465), ("72", 505, 515)]))
    (table,) = find_tables(words)
    assert _texts(table) == [["No", "Indikator Kinerja", "Satuan", "Target", "", ""], ["", "", "", "2024", "2025", "2026"],
                             ["1", "Persentase temuan", "%", "90%", "91%", "92%"], ["2", "Nilai SAKIP", "Nilai", "70", "71", "72"]]


def _tight_under_a_header(first: list[tuple[str, float, float]]) -> list[list[str]]:
    """The table of a header with ``first`` (words and x extents) set 2 pt under it and a row under that."""
    def line(y: float, spec: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y, x1, y + 8)) for t, x0, x1 in spec]

    words = (line(100, [("No", 20, 32), ("Indikator", 60, 105), ("Kinerja", 108, 145), ("Satuan", 300, 330), ("Target", 400, 430)])
             + line(110, first)
             + line(124, [("3", 20, 25), ("Persentase", 60, 110), ("temuan", 113, 150), ("%", 310, 316), ("90%", 405, 425)]))
    (table,) = find_tables(words)
    return _texts(table)


def test_a_row_number_beside_a_year_in_a_row_set_tight_under_the_header_is_no_broken_year() -> None:
    # near misses of the broken year: the row stands 2 pt under the labels and its number begins a year
    # on its line, in a sentence ("1" and "1945") or in a cell of its own ("2" and "2025"); a line of
    # other labels is no line of years: the row is the table's first, not the header's
    header = ["No", "Indikator Kinerja", "Satuan", "Target"]
    last = ["3", "Persentase temuan", "%", "90%"]
    assert _tight_under_a_header([("1", 20, 25), ("Sesuai", 60, 90), ("UUD", 93, 113), ("1945", 116, 138),
                                  ("Dokumen", 300, 340), ("Ada", 405, 420)]) == [header, ["1", "Sesuai UUD 1945", "Dokumen", "Ada"], last]
    assert _tight_under_a_header([("2", 20, 25), ("Tahun", 60, 90), ("penetapan", 93, 140), ("Tahun", 300, 330),
                                  ("2025", 405, 425)]) == [header, ["2", "Tahun penetapan", "Tahun", "2025"], last]


def test_first_row_far_under_a_column_numbering_row_still_belongs_to_the_table() -> None:
    # Rencana Aksi, very loose rows: the first row stands 6 line heights under the labels but
    # only 2.6 under the "(1) (2) …" row that closes the header. ("Target Kinerja Sasaran" stands over the
    # quarters, the other labels set between it and them: the header's top row.)
    rows = _rows(1, 46, 1)
    assert rows[:4] == [
        ["No", "Sasaran Strategis", "Indikator Sasaran", "Target Kinerja Sasaran", "", "", "", "Rencana Aksi"],
        ["", "", "", "TW I", "TW II", "TW III", "TW IV", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        ["", "", "Rasio TKD yang berbasis kinerja terhadap TKD tepat waktu", "-", "-", "-", "75%",
         "Pelaksanaan monitoring dan evaluasi triwulanan"],
    ]
    assert ["", "", "Tingkat penyelesaian tindak lanjut hasil pengawasan pada unit kerja eselon I", "22,96", "68,87",
            "73,46", "91,83", "Koordinasi dengan perangkat daerah terkait"] in rows


def test_banded_rows_on_a_page_going_on_without_the_header_are_cut_at_the_bands() -> None:
    # Lampiran SKP in shaded bands running over pages without repeating its header: the band
    # edges on page 2 cut its rows although the header they go on from is on page 1
    rows = _rows(1, 24, 2)
    values = [r[2:] for r in rows[3:] if any(r[2:])]
    assert values[:3] == [
        ["9%", "18%", "18%", "72%", "72%", "90%", "90%"],
        ["-", "-", "-", "-", "-", "4 (WTP)", "4 (WTP)"],
        ["-", "-", "-", "-", "-", "90%", "90%"],
    ]


def test_place_and_date_beside_the_other_partys_title_ends_the_table() -> None:
    # Rencana Aksi with tight rows: "Gubernur Kalimantan Timur," and "Samarinda, Maret 2020" stand
    # on one line under the table, the place and date one phrase of it
    rows = _rows(1, 25, 2)
    assert rows[-1][:4] == ["", "", "Indeks sistem merit pada aspek dan sub aspek manajemen ASN", "3,14 (skala 4)"]
    assert not any("Gubernur" in c or "Samarinda" in c for r in rows for c in r)


def test_lines_of_the_action_columns_open_no_row_of_their_own() -> None:
    # a Rencana Aksi with two actions to an indicator: the actions stay in their indicator's row
    rows = _rows(2, 74, 1)
    body = [r for r in rows[2:] if any(r)]
    assert [r[2:4] for r in body] == [
        ["Indeks efektivitas pengelolaan keuangan daerah dan barang milik daerah", "3,32 (skala 4)"],
        ["Tingkat penyelesaian tindak lanjut hasil pengawasan yang ditindaklanjuti dalam tahun berjalan", "Minimal 85%"],
    ]
    assert body[0][4].startswith("RA1. Penyusunan laporan capaian kinerja RA2. Penyusunan rencana kerja dan anggaran")


def test_a_wide_target_label_holds_every_period_under_it_and_smt_wraps_onto_its_number() -> None:
    # Lampiran SKP: "Target" is centred over Q1 … Y, nearer to "IKI" than to Q1's centre, and
    # "Smt." stands over its "1" on a line of its own
    rows = _rows(1, 102, 1)
    assert rows[:4] == [
        ["No", "IKI", "Target", "", "", "", "", "", ""],
        ["", "", "Q1", "Q2", "Smt. 1", "Q3", "s.d.Q3", "Q4", "Y"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["1.", "Capaian standar pelayanan minimal bidang kesehatan", "Maks. 10%", "Maks. 48%", "Maks. 48%", "Maks. 86%",
         "Maks. 86%", "Maks. 95%", "Maks. 95%"],
    ]


def test_a_name_column_holds_its_wrapped_lines_up_to_their_last_word() -> None:
    # touching padding: "eselon I" ends closer to Q1's values than any other row's name, and
    # "Jumlah" starts half a point left of the names' common edge
    assert _rows(1, 24, 1)[-1] == [
        "5.", "Jumlah laporan monitoring dan evaluasi pada unit kerja eselon I",
        "11.518", "23.037", "23.037", "51.833", "51.833", "57.592", "57.592",
    ]


def test_a_page_going_on_without_the_header_cuts_its_columns_in_its_own_body() -> None:
    # the table is set anew on page 2 (its columns 6 points left of page 1's): the names stay
    # in the name column instead of being read as headings across the table
    rows = _rows(1, 24, 2)
    assert [r[1:3] for r in rows[3:6]] == [
        ["Rasio belanja pegawai terhadap total belanja di lingkungan pemerintah provinsi", "9%"],
        ["Opini BPK atas laporan keuangan pemerintah daerah yang ditindaklanjuti dalam tahun berjalan", "-"],
        ["Rasio tenaga kesehatan per 1.000 penduduk sesuai standar", "-"],
    ]


def test_values_set_at_the_middle_of_a_banded_row_place_its_number_in_it() -> None:
    # banded rows, cells centred: the evidence that cells are centred is a wrapped name beside
    # one line of values inside a band, so "7." (at the middle of its tall row) stays in row 7
    rows = _rows(1, 24, 2)
    assert [r[:3] for r in rows[3:5]] == [
        ["6.", "Rasio belanja pegawai terhadap total belanja di lingkungan pemerintah provinsi", "9%"],
        ["7.", "Opini BPK atas laporan keuangan pemerintah daerah yang ditindaklanjuti dalam tahun berjalan", "-"],
    ]


def test_a_comparator_wrapped_before_its_number_opens_its_row_and_the_name_lines_stay_with_it() -> None:
    # tight rows, cells at the top: "Tidak kurang" / "dari 45%" is one value whose first line
    # opens the row; the name's fourth line stands nearer the next row's values, still in its own
    rows = _rows(1, 99, 1)
    assert rows[2:5] == [
        ["1.", "Persentase sekolah dengan akreditasi minimal B yang ditindaklanjuti dalam tahun berjalan",
         *["Tidak kurang dari 45%"], *["Tidak kurang dari 54%"] * 2, *["Tidak kurang dari 81%"] * 2,
         *["Tidak kurang dari 90%"] * 2],
        ["2.", "Capaian kinerja program prioritas daerah lingkup perangkat daerah", *["95%"] * 7],
        ["3.", "Realisasi penerimaan retribusi daerah tepat waktu", *["-"] * 5, "Rp 4.199.000.000", "Rp 4.199.000.000"],
    ]


def test_a_first_row_set_tight_under_the_header_is_no_wrapped_label() -> None:
    # no padding under the header: "Perbaikan manajemen" / "Rasio belanja pegawai terhadap total"
    # stand as close under the labels as a label's own second line
    rows = _rows(1, 58, 1)
    assert rows[:2] == [
        ["No", "Sasaran Strategis", "Indikator Sasaran", "TW I", "TW II", "TW III", "TW IV", "Target Tahunan", "Satuan"],
        ["1", "Perbaikan manajemen aparatur sipil negara berbasis sistem merit",
         "Rasio belanja pegawai terhadap total belanja di lingkungan pemerintah provinsi", *["34,95"] * 5, "Angka"],
    ]


def test_a_loose_row_of_periods_under_target_joins_the_header_with_one_label_wrapped() -> None:
    # "Target" stands 2.4 line heights over its periods, and "s.d. TW" wraps onto "III"
    rows = _rows(2, 71, 1)
    assert rows[:4] == [
        ["No", "IKI", "Target", "", "", "", "", "", ""],
        ["", "", "TW I", "TW II", "Smt. I", "TW III", "s.d. TW III", "TW IV", "Y"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["1.", "Nilai tukar petani", *["-"] * 5, "63,60-100,00", "63,60-100,00"],
    ]


def test_a_name_set_tight_under_labels_of_other_lines_is_no_label() -> None:
    # header labels on three staggered lines (Target, No | IKI, the periods) and the first
    # name's line right under them: it stands under no label of the line above it
    rows = _rows(2, 65, 1)
    assert rows[2] == ["1.", "Nilai evaluasi reformasi birokrasi yang ditindaklanjuti dalam tahun berjalan",
                       *["N/A"] * 5, "A", "A"]


def test_an_indicator_name_under_a_sasaran_heading_is_no_line_of_the_heading() -> None:
    # the heading starts in the number column, the name under it in the name column: the name's
    # first line does not go on with the heading even when set as close as a wrapped line
    rows = _rows(1, 95, 1)
    assert rows[4:6] == [
        ["Belanja negara yang berkualitas dan akuntabel", *[""] * 8],
        ["2", "Realisasi pendapatan asli daerah terhadap total sasaran yang ditetapkan dalam dokumen perencanaan "
              "jangka menengah daerah", *["N/A"] * 5, "Rp 3.290.000.000", "Rp 3.290.000.000"],
    ]


def test_period_labels_wrapped_onto_their_numbers_join_the_header_under_a_target_two_lines_up() -> None:
    # "Target" stands on the line of "Kode", over "SS/IKU" (the code label wrapped); the periods
    # under it are "Triwulan" / "I", "Semester" / "I" … each wrapped onto its number
    rows = _rows(2, 19, 1)
    assert rows[:2] == [
        ["Kode SS/IKU", "SS dan IKU", "Target", "", "", "", "", "", ""],
        ["", "", "Triwulan I", "Triwulan II", "Semester I", "Triwulan III", "s.d. TW III", "Triwulan IV", "Tahunan"],
    ]


def test_a_rule_over_the_header_keeps_the_identity_block_above_out_of_its_labels() -> None:
    # PK, rules over and under the header only, tight rows: "Unit / Kerja : Badan …" stands just
    # over the rule above "No | Sasaran | Indikator Sasaran …" and used to be read as labels
    rows = _rows(1, 2, 1)
    assert rows[0][:7] == ["No", "Sasaran", "Indikator Sasaran", "Satuan", "TW I", "TW II", "TW III"]
    assert not any(word in c for r in rows for c in r for word in ("Jabatan", "Unit Kerja", "Kepegawaian"))
    assert rows[2] == ["1", "Meningkatnya kualitas pelayanan publik", "Opini BPK atas laporan keuangan lingkup perangkat daerah",
                       "Opini", "N/A", "N/A", "N/A", "4 (WTP)", "4 (WTP)"]


def test_a_parent_takes_the_labels_of_one_row_and_not_a_label_set_higher_beside_them() -> None:
    # PK with year columns, landscape, 8-9 pt narrow type, lines under rows only: "Baseline" over 2021 and 2022,
    # "Target" over 2024 and 2025, and "No | Sasaran | Indikator | Satuan" set between the two rows (merged
    # cells, middle aligned), each row overlapping the next. "Satuan" and 2024 were taken into Baseline's run (its
    # half-column tolerance measured on the pitch of every label under it, the wide first columns among them), and
    # "Target" made a column of its own
    rows = _year_rows(6, "absent")
    assert rows[:2] == [
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Baseline", "", "Target", ""],
        ["", "", "", "", "2021", "2022", "2024", "2025"],
    ]


def test_a_one_line_name_set_tight_over_the_next_rows_is_that_rows_not_its_own() -> None:
    # PK, no rulings, tight rows, cells at the top: "2b-CP | Rasio tenaga kesehatan ... | 49,85" one line,
    # then "2c-CP | Realisasi penerimaan negara ... | Rp" with "4.977.000.000" wrapped under it. The name
    # lines stand as close as a wrapped cell's, and the row of 2c-CP, its middle under them, was not counted
    # beside them: 2b-CP took both names, and 2c-CP's targets had no indicator. (The codes stay together in
    # 2b-CP's row: two codes set so close look as a sasaran's code merged over its rows and wrapped,
    # "SS" / "01", and the place alone does not tell them apart.)
    rows = _year_rows(18, "target")
    assert [row[3:] for row in rows[5:7]] == [
        ["Rasio tenaga kesehatan per 1.000 penduduk sesuai standar", "49,85", "51,84"],
        ["Realisasi penerimaan negara bukan pajak lingkup perangkat daerah", "Rp 4.977.000.000", "Rp 5.375.000.000"],
    ]


def test_labels_set_touching_over_two_numbers_of_the_column_numbering_are_two_columns() -> None:
    # PK with year columns, cells without padding: "No" and "Sasaran Program" stand a word space apart and
    # read as one label over "(1)" and "(2)"; the numbering row, one number more than the columns, was read
    # as the table's first row (an indicator "(3)" with the targets "(6)", "(7)", "(8)")
    rows = _year_rows(30, "absent")
    assert rows[:3] == [
        ["No", "Sasaran Program", "Indikator Kinerja", "Baseline 2023", "Baseline 2024", "Target Tahun 2026",
         "Target Tahun 2027", "Target Tahun 2028"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        ["1", "Organisasi dan SDM yang berkinerja tinggi", "Persentase aset daerah yang tersertifikasi", "76,0 3%",
         "81,7 3%", "85,9 2%", "87,6 0%", "89,2 8%"],
    ]


def test_a_parent_line_over_a_header_whose_first_labels_start_the_table_takes_the_years() -> None:
    # PK with year columns, no rulings, one indicator: "Target" alone on the top line over 2020-2022, "No |
    # Sasaran Strategis | Indikator Kinerja Utama | Satuan | Baseline" set between it and the years (merged,
    # middle aligned). The middle line starts in the first column, so "Target" did not join it; "Baseline",
    # over none of the years, took the two nearest (both on its right) as a parent does when centred between
    # two labels, and the header so found was kept: the years had no Target
    rows = _year_rows(19, "target")
    assert rows == [
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Baseline", "Target", "", ""],
        ["", "", "", "", "", "2020", "2021", "2022"],
        ["1", "Meningkatnya kualitas sumber daya manusia aparatur", "Predikat SAKIP", "Predikat", "A", "A", "A", "A"],
    ]


def test_a_label_centred_between_two_parents_runs_of_years_stands_beside_them() -> None:
    # "Realisasi" over 2019 and 2020, "Target" over 2022-2024, and "Satuan" set between the two runs on the
    # labels' row between the parents and the years: a middle label among the periods of one parent is one of
    # them wrapped ("Smt." over its "1"), but this one stands between two parents' runs (a review's case)
    parents = (100, [("Realisasi", 380, 430), ("Target", 521, 551)])
    middle = (116, [("No", 20, 32), ("Tujuan", 60, 95), ("Indikator", 200, 245), ("Kinerja", 248, 285), ("Satuan", 455, 485)])
    years = (132, [("2019", 380, 402), ("2020", 410, 432), ("2022", 495, 517), ("2023", 525, 547), ("2024", 555, 577)])
    body = (150, [("1", 20, 25), ("Meningkatnya", 60, 130), ("Persentase", 200, 250), ("temuan", 253, 290), ("92%", 380, 400),
                  ("93%", 410, 430), ("%", 467, 473), ("100%", 495, 517), ("100%", 525, 547), ("100%", 555, 577)])
    assert _texts(find_tables(_read_lines([parents, middle, years, body], None, None, ()))[0]) == [
        ["No", "Tujuan", "Indikator Kinerja", "Realisasi", "", "Satuan", "Target", "", ""],
        ["", "", "", "2019", "2020", "", "2022", "2023", "2024"],
        ["1", "Meningkatnya", "Persentase temuan", "92%", "93%", "%", "100%", "100%", "100%"],
    ]


def test_a_label_between_a_one_year_run_and_a_five_year_run_stands_beside_them() -> None:
    # "Realisasi" over 2019 alone, "Satuan", then "Target" centred over 2020-2024: 2020 stands as near
    # Realisasi's centre as Target's, and "Satuan" was taken as a label among one parent's periods (a review's
    # case: the whole table was lost). The runs part at the widest gap between the two parents' centres
    ys = [380.0] + [448.0 + 34 * k for k in range(5)]
    parents = (100, [("Realisasi", 374, 408), ("Target", 537, 563)])
    middle = (116, [("No", 20, 32), ("Tujuan", 60, 95), ("Indikator", 200, 245), ("Kinerja", 248, 285), ("Satuan", 412, 438)])
    years = (132, [(str(2019 if n == 0 else 2019 + n), x, x + 22) for n, x in enumerate(ys)])
    body = (150, [("1", 20, 25), ("Meningkatnya", 60, 130), ("Persentase", 200, 250), ("temuan", 253, 290),
                  ("%", 422, 428), *(("92%", x, x + 20) for x in ys)])
    assert _texts(find_tables(_read_lines([parents, middle, years, body], None, None, ()))[0]) == [
        ["No", "Tujuan", "Indikator Kinerja", "Realisasi", "Satuan", "", "Target", "", "", ""],
        ["", "", "", "2019", "", "2020", "2021", "2022", "2023", "2024"],
        ["1", "Meningkatnya", "Persentase temuan", "92%", "%", "92%", "92%", "92%", "92%", "92%"],
    ]


def _cells(columns: list[tuple[str, float]], body: list[tuple[str, float]]) -> list[str]:
    """The cells of one body row (each phrase from its x on, words 2 pt apart) under labels (each from its x
    on, one column a label) as :func:`boundaries` cuts them; words 5 pt a letter, 8 pt high."""
    def words(pieces: list[tuple[str, float]], y: float) -> list[list[Word]]:
        out = []
        for text, x in pieces:
            out.append([])
            for t in text.split():
                out[-1].append(Word(t, Box(x, y, x + 5 * len(t), y + 8)))
                x += 5 * len(t) + 2
        return out

    labels = [Label(ws) for ws in words(columns, 100.0)]
    row = [w for ws in words(body, 130.0) for w in ws]
    cuts = boundaries(labels, visual_lines(row))
    cells: list[list[str]] = [[] for _ in labels]
    for w in row:
        cells[sum(1 for c in cuts if w.box.cx > c)].append(w.text)
    return [" ".join(c) for c in cells]


def test_one_body_row_is_cut_right_after_the_cell_over_the_left_labels_centre() -> None:
    # A sasaran and an indicator left-aligned in wide columns under centred labels: the only body row's widest
    # gap between the two labels' centres runs from the indicator's name up to its label's centre, and a cut
    # there left the indicator's column nothing ("... aparatur Predikat SAKIP" one cell); the sasaran's name
    # stands over its label's centre, and the cut goes right after it
    assert _cells([("Sasaran Strategis", 160.0), ("Indikator Kinerja Utama", 420.0), ("Satuan", 700.0)],
                  [("Meningkatnya kualitas aparatur", 60.0), ("Predikat SAKIP", 260.0), ("Predikat", 700.0)]) == [
        "Meningkatnya kualitas aparatur", "Predikat SAKIP", "Predikat"]
    # near miss: "Persentase capaian" ends before its label's centre, so no cell stands over it and the widest
    # gap decides: "Rp" stays with its amount
    assert _cells([("Indikator Kinerja", 140.0), ("Anggaran", 370.0), ("Keterangan", 520.0)],
                  [("Persentase capaian", 35.0), ("Rp", 335.0), ("150.000.000", 380.0), ("Tercapai", 520.0)]) == [
        "Persentase capaian", "Rp 150.000.000", "Tercapai"]


def test_a_rule_under_a_row_cuts_no_cell_merged_down_beside_it() -> None:
    # SKP with a rule under each row that stops at the Rencana Hasil Kerja merged over two to four
    # rows, its text centred across them: the text stays whole, in its first row
    rows = _rows(1, 3, 1)
    assert rows[3:8] == [
        ["1.", "Terwujudnya pengendalian dan pengawasan internal yang bernilai tambah", "Skor kapabilitas APIP sesuai standar",
         "72,15", "Penerima Layanan"],
        ["2.", "", "Capaian kinerja program prioritas daerah yang ditindaklanjuti dalam tahun berjalan", "Min. 85%",
         "Penerima Layanan"],
        ["3.", "Perbaikan manajemen aparatur sipil negara berbasis sistem merit", "Skor pola pangan harapan sesuai standar",
         "14,21", "Anggaran"],
        ["4.", "", "Indeks maturitas sistem pengendalian intern pemerintah di lingkungan pemerintah provinsi", "60",
         "Penguatan Internal"],
        ["5.", "Meningkatnya daya saing usaha mikro, kecil dan menengah", "Indeks kepuasan masyarakat lingkup perangkat daerah",
         "85", "Anggaran"],
    ]


def test_a_row_naming_a_programme_with_anggaran_as_its_perspective_is_no_budget_header() -> None:
    # SKP in bands: "11. | Capaian kinerja program prioritas daerah | 29,62% | Anggaran" used to end
    # the table as if a "Program … Anggaran" budget table began there; a row with a value is a row
    assert len(_reading(1, 94).contents[3].tables) == 1
    assert _rows(1, 94, 4)[-5:-3] == [
        ["11.", "", "Capaian kinerja program prioritas daerah", "29,62%", "Anggaran"],
        ["12.", "", "Nilai kualitas data statistik sektoral", "A", "Proses Bisnis"],
    ]


def test_a_period_labels_digit_wrapped_a_loose_line_under_it_stays_in_the_header() -> None:
    # Lampiran SKP without rules, very loose: "Smt." over "1" 0.6 line heights apart; the "1" used
    # to open the body as a row of its own, and the Smt. 1 column had no period
    rows = _rows(1, 51, 4)
    assert rows[:2] == [["No", "IKI", "Target", "", "", "", "", "", ""],
                        ["", "", "Q1", "Q2", "Smt. 1", "Q3", "s.d.Q3", "Q4", "Y"]]
    assert rows[2][2:] == ["N/A", "N/A", "N/A", "N/A", "N/A", "Rp 769.000.000", "Rp 769.000.000"]


def test_period_labels_set_too_close_to_part_are_cut_by_the_wrapped_ends_under_them() -> None:
    # Rincian Target, 12 pt, no rules: "Triwulan" and "s.d. TW" stand a word space apart over "III"
    # and "III"; they were one label over two columns
    rows = _rows(2, 60, 1)
    assert rows[1] == ["", "", "Triwulan I", "Triwulan II", "Semester I", "Triwulan III", "s.d. TW III", "Triwulan IV",
                       "Tahunan"]
    assert rows[3][0] == "1" and rows[3][2:] == ["100 %"] * 7


def test_an_amount_centred_on_its_row_wraps_around_the_name_and_stays_one_cell() -> None:
    # Rincian Target, rules only over and under the header and its "(1) (2) …" row, values centred:
    # "Rp" stands over the name's line and "7.465.000.000" under it; they were three rows
    rows = _rows(2, 12, 1)
    assert rows[3:5] == [
        ["1", "Perbaikan manajemen aparatur sipil negara berbasis sistem merit", "", "", "", "", "", "", ""],
        ["IKU 1.1", "Realisasi pendapatan asli daerah tepat waktu", "-", "-", "-", "-", "-", "Rp 7.465.000.000",
         "Rp 7.465.000.000"],
    ]
    assert rows[5][0] == "IKU 1.2" and len(rows) == 7


def test_a_budget_header_stacked_over_lines_ends_the_table_of_targets_above_it() -> None:
    # PK without rules, tight: "Anggaran" stands over "No. Program / Kegiatan" over "(Rp)"; the budget
    # rows were read as rows of the targets table
    rows = _rows(1, 113, 1)
    assert len(rows) == 5 and rows[-1][0] == "3"
    assert rows[1] == ["1", "Meningkatnya kualitas sumber daya manusia aparatur", "Rasio kemandirian keuangan daerah tepat waktu",
                       "85%"]


def test_a_title_row_over_the_labels_is_no_part_of_the_label_it_stands_over() -> None:
    # an SKP's HASIL KERJA table in shaded bands: the header's first row is the title, one cell over
    # every column with "HASIL KERJA" centred, set tight over the labels and so right over
    # "INDIKATOR KINERJA INDIVIDU"; joined to it the label named no column and the table was not
    # found (its first row read by the whitespace reader, the other six lost)
    rows = _rows(1, 20, 1)
    assert rows[0] == ["NO", "A. UTAMA", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"]
    assert [(r[0], r[3], r[4], r[5]) for r in rows[1:]] == [
        ("1.", "Rasio TKD yang berbasis kinerja terhadap TKD terhadap total sasaran yang ditetapkan dalam dokumen "
               "perencanaan jangka menengah daerah", "35,08%", "Proses Bisnis"),
        ("2.", "Persentase dokumen perencanaan yang disusun tepat waktu", "Tidak kurang dari 100%", "Anggaran"),
        ("3.", "Nilai tukar petani lingkup perangkat daerah", "BB", "Proses Bisnis"),
        ("4.", "Predikat kepatuhan standar pelayanan publik dari Ombudsman RI sesuai standar", "A", "Proses Bisnis"),
        ("5.", "Rasio belanja pegawai terhadap total belanja terhadap total sasaran yang ditetapkan dalam dokumen "
               "perencanaan jangka menengah daerah", "90%", "Proses Bisnis"),
        ("6.", "Realisasi penerimaan retribusi daerah lingkup perangkat daerah", "Rp 6.208.000.000", "Anggaran"),
        ("7.", "Capaian standar pelayanan minimal bidang kesehatan tepat waktu", "Tidak kurang dari 90%", "Anggaran"),
    ]


def _line(*phrases: tuple[str, float], y: float = 100.0) -> VisualLine:
    """One line of words 8 pt high: each phrase's words 3 pt apart from its x on."""
    words = []
    for text, x in phrases:
        for t in text.split():
            words.append(Word(t, Box(x, y, x + 5 * len(t), y + 8)))
            x += 5 * len(t) + 3
    return visual_lines(words)[0]


def test_a_label_alone_over_its_wrapped_end_is_no_title() -> None:
    """Near misses of the title rule: a label alone on the header's first line is that label wrapped
    when joined they name the column (a bottom-aligned "Indikator" over "Kinerja Utama"), when it
    stands over a side column ("Pagu" over "Anggaran") or is one word over the middle column
    ("Rencana" over "Kegiatan"); a title over a label naming its column is the title."""
    labels = (("No", 40), ("Sasaran", 100), ("Kinerja Utama", 210), ("Target", 320), ("Anggaran", 420))
    assert not title_over_labels(_line(("Indikator", 210)), _line(*labels, y=110))  # joined: the indicator
    assert not title_over_labels(_line(("Pagu", 420)), _line(*labels, y=110))  # over the last column, not centred
    middle = (("No", 40), ("Kegiatan", 230), ("Anggaran", 420))  # the middle column's label sits on the row's centre
    assert not title_over_labels(_line(("Rencana", 232)), _line(*middle, y=110))  # one word: wrapped
    titled = (("No", 40), ("Sasaran", 100), ("Indikator Kinerja Individu", 190), ("Target", 350), ("Anggaran", 420))
    assert title_over_labels(_line(("HASIL KERJA", 230)), _line(*titled, y=110))


def test_a_merged_cells_text_running_through_the_row_stripes_stays_whole() -> None:
    # Rencana Aksi in shaded bands (row stripes across every column, as an HTML table's show
    # through its rowspan cells): each sasaran is centred on its rows, its wrapped lines set
    # touching across a band edge ("pengelolaan keuangan" / "daerah"); rows stand 1.2 h apart
    rows = _rows(1, 14, 1)
    assert [r[:2] for r in rows if r[1]] == [
        ["NO", "Sasaran Kegiatan"],
        ["1", "Meningkatnya kualitas pengelolaan keuangan daerah"],
        ["2", "Sistem informasi yang andal dan terintegrasi"],
        ["3", "Meningkatnya akuntabilitas kinerja instansi pemerintah"],
    ]


def test_a_period_label_whose_number_stands_apart_in_tight_ocr_boxes_is_one_label() -> None:
    # The header of a banded Lampiran SKP scanned at 150 dpi (seed 1, file 24, the words tesseract
    # gave): OCR boxes hug the ink, so "Smt." and "1" stand 0.55 line heights apart (0.33 in the PDF
    # scanned); apart, neither named a column: the columns came out "Smt." | "1" | "Target Q3" and
    # the rows' values a column off (on the page itself no header was found at all)
    from extract.pdf.gridless import find_tables  # noqa: PLC0415

    def word(text: str, x0: float, x1: float, y0: float, y1: float) -> Word:
        return Word(text, Box(x0, y0, x1, y1), 95.0)

    header = [word("Target", 510, 553, 239, 251), word("No", 57, 73, 251, 260), word("IKI", 162, 178, 251, 260)] + [
        word(t, x0, x1, 262, 273 if t.startswith(("Q", "s.d")) else 271)
        for t, x0, x1 in [("Q1", 292, 309), ("Q2", 364, 381), ("Smt.", 425, 453), ("1", 459, 465), ("Q3", 509, 525),
                          ("s.d.Q3", 569, 610), ("Q4", 660, 678), ("Y", 752, 760)]]
    body = [word(t, x0, x1, 290, 300) for t, x0, x1 in [
        ("3.", 60, 70), ("Indeks", 80, 110), ("reformasi", 114, 156), ("birokrasi", 160, 200), ("-", 298, 302),
        ("-", 370, 374), ("-", 440, 444), ("-", 515, 519), ("-", 588, 592), ("149,0", 655, 682), ("149,0", 742, 769)]]
    body += [word(t, x0, x1, 314, 324) for t, x0, x1 in [
        ("4.", 60, 70), ("Predikat", 80, 118), ("zona", 122, 144), ("-", 298, 302), ("-", 370, 374), ("-", 440, 444),
        ("-", 515, 519), ("-", 588, 592), ("B", 665, 672), ("B", 752, 759)]]
    tables = find_tables(header + body)
    assert [[c.text if c else None for c in row] for row in tables[0].rows][-2:] == [
        ["3.", "Indeks reformasi birokrasi", "-", "-", "-", "-", "-", "149,0", "149,0"],
        ["4.", "Predikat zona", "-", "-", "-", "-", "-", "B", "B"],
    ]
    assert [c.text for c in tables[0].rows[1][2:]] == ["Q1", "Q2", "Smt. 1", "Q3", "s.d.Q3", "Q4", "Y"]


def test_bold_capital_labels_whose_ocr_word_spaces_pass_the_label_gap_are_whole_labels() -> None:
    # The SKP header of a banded scan (seed 1, file 24, page 4; the words tesseract gave): boxes of
    # bold capitals hug the ink, so "RENCANA" "HASIL" "KERJA" stand 0.55 line heights apart, past
    # the label gap; each word was a column of its own (nine columns for five), and every row of
    # the table was cut word by word. Pieces naming none join when together they name a column
    # ("RENCANA" "HASIL" "KERJA"), and read capitals naming what the first names are one label
    # ("INDIKATOR" "KINERJA" "INDIVIDU"). (The parent "HASIL" "KERJA" set 0.7 h apart, a title
    # over the labels, is no row of the table either way.)
    from extract.pdf.gridless import find_tables  # noqa: PLC0415

    def line(y0: float, y1: float, words: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y0, x1, y1), 95.0) for t, x0, x1 in words]

    header = line(373, 382, [("HASIL", 387, 425)]) + line(373, 384, [("KERJA", 432, 469)]) + line(396, 405, [
        ("NO", 66, 84), ("RENCANA", 131, 192), ("HASIL", 197, 235), ("INDIKATOR", 377, 447), ("INDIVIDU", 509, 567),
        ("TARGET", 649, 700), ("PERSPEKTIF", 721, 798)]) + line(396, 407, [("KERJA", 240, 278), ("KINERJA", 452, 504)])
    body = line(442, 451, [("1.", 65, 72), ("Belanja", 131, 172), ("negara", 177, 216), ("Realisasi", 308, 357),
                           ("penerimaan", 362, 429), ("negara", 435, 473), ("75%", 657, 681), ("Anggaran", 726, 780)])
    body += line(466, 475, [("2.", 64, 73), ("Organisasi", 131, 187), ("Tingkat", 307, 349), ("kesiapsiagaan", 354, 435),
                            ("daerah", 440, 479), ("Rp", 640, 652), ("355.000.000", 656, 705), ("Penguatan", 723, 783)])
    tables = find_tables(header + body)
    assert [[c.text if c else None for c in row] for row in tables[0].rows][-3:] == [
        ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"],
        ["1.", "Belanja negara", "Realisasi penerimaan negara", "75%", "Anggaran"],
        ["2.", "Organisasi", "Tingkat kesiapsiagaan daerah", "Rp 355.000.000", "Penguatan"],
    ]


def test_a_period_word_and_its_numeral_apart_in_ocr_boxes_are_one_label() -> None:
    # The Lampiran SKP of a grey scan (seed 1, file 15; the words tesseract gave, its "Il" and
    # "Semester |" read as the numerals they are): "Triwulan" and "I" stand 0.7 line heights apart,
    # past the label gap; "I" alone names Q1 (the numerals under a "Triwulan" parent), so the
    # quarters were columns of their own beside columns naming nothing, and Q1's values were lost
    from extract.pdf.gridless import find_tables  # noqa: PLC0415

    def line(y0: float, y1: float, words: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y0, x1, y1), 95.0) for t, x0, x1 in words]

    header = line(195, 204, [("Target", 578, 609)]) + line(205, 212, [("No", 56, 68), ("IKI", 223, 235)])
    header += line(214, 222, [("Triwulan", 393, 433), ("I", 438, 439), ("Triwulan", 449, 490), ("II", 494, 499),
                              ("Semester", 504, 552), ("I", 555, 557), ("Triwulan", 563, 604), ("III", 608, 616),
                              ("s.d.", 624, 641), ("TW", 644, 659), ("III", 663, 671), ("Triwulan", 681, 721),
                              ("IV", 726, 735), ("Y", 766, 772)])
    body = line(239, 246, [("2.", 59, 65), ("Jumlah", 200, 233), ("dokumen", 237, 279), ("5", 405, 410), ("Orang", 412, 440),
                           ("6", 480, 485), ("Orang", 487, 515), ("7", 540, 545), ("Orang", 547, 575), ("8", 597, 602),
                           ("Orang", 604, 632), ("9", 645, 650), ("Orang", 652, 680), ("10", 700, 710), ("Orang", 712, 740),
                           ("11", 755, 765), ("Orang", 767, 795)])
    tables = find_tables(header + body)
    rows = [[c.text if c else None for c in row] for row in tables[0].rows]
    assert rows[-2][2:] == ["Triwulan I", "Triwulan II", "Semester I", "Triwulan III", "s.d. TW III", "Triwulan IV", "Y"]
    assert rows[-1] == ["2.", "Jumlah dokumen", "5 Orang", "6 Orang", "7 Orang", "8 Orang", "9 Orang", "10 Orang", "11 Orang"]


def test_a_target_and_its_year_apart_in_ocr_boxes_are_one_label() -> None:
    # A Pemda PK on a grey 300-dpi scan (seed 2, file 10, page 5; the words tesseract gave): "Target"
    # and "2022" stand 0.57 line heights apart, past the label gap; "Target" names the year's
    # target and "2022" alone nothing, so the year was a column of its own and the rows under the
    # header were merged. Read words naming the first's column (for a year) join it.
    from extract.pdf.gridless import find_tables  # noqa: PLC0415

    def line(y0: float, y1: float, words: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y0, x1, y1), 96.0) for t, x0, x1 in words]

    header = line(119, 126, [("No.", 56, 71), ("Tujuan", 131, 163), ("Indikator", 276, 317), ("Kinerja", 321, 355),
                             ("Utama", 359, 389), ("Satuan", 446, 478), ("Target", 488, 519), ("2022", 523, 545)])
    body = line(140, 147, [("1", 60, 64), ("Meningkatnya", 131, 190), ("Panjang", 276, 310), ("jalan", 314, 336),
                           ("Km", 455, 467), ("120", 505, 520)])
    body += line(160, 167, [("2", 60, 64), ("Terkelolanya", 131, 188), ("Opini", 276, 300), ("BPK", 304, 322),
                            ("Opini", 448, 472), ("WTP", 506, 524)])
    rows = [[c.text if c else None for c in row] for row in find_tables(header + body)[0].rows]
    assert rows == [["No.", "Tujuan", "Indikator Kinerja Utama", "Satuan", "Target 2022"],
                    ["1", "Meningkatnya", "Panjang jalan", "Km", "120"],
                    ["2", "Terkelolanya", "Opini BPK", "Opini", "WTP"]]


@cache
def _skp_reading(kind: str, index: int) -> PdfReading:
    g = generate_skp(7, index, kind, rulings="any")  # the unruled national forms of benchmarks.skp_accuracy
    return read_pdf(g.data, g.truth.file, g.truth.file[:-4])


def test_labels_of_cells_without_padding_are_cut_where_they_stand_wider_than_a_word_space() -> None:
    # 8/2021 JPT form, no rulings, cells touching: "TARGET" and "REALISASI" stand 0.40 h apart (the
    # line's word spaces 0.24 h), under the label gap; read as one label "TARGET REALISASI" naming no
    # column, the header had no value column and the table was left to the whitespace reader
    table = next(t for t in _skp_reading("skp_8_2021_jpt", 2).contents[0].tables if "TARGET" in t.rows[0][4].text)
    rows = [["" if c is None else c.text for c in row] for row in table.rows]
    assert rows[0] == ["NO", "PERSPEKTIF", "RENCANA KINERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI",
                       "CAPAIAN IKI (%)", "KATEGORI CAPAIAN IKI", "NILAI CAPAIAN IKI", "NILAI TERTIMBANG"]
    assert ["2", "Proses Bisnis", "Terwujudnya tata kelola pemerintahan yang baik dan bersih",
            "Nilai kinerja regulasi prioritas sesuai standar", "70", "74", "105,71", "Sangat Baik", "115,71", "34,71"] in rows
    assert ["", "", "", "NILAI AKHIR SKP", "", "", "", "", "", "110,84"] == rows[-1]


def test_a_numbered_header_under_the_table_ends_it() -> None:
    # the same form: "NO | ASPEK PERILAKU | NILAI" under the table of work heads a table of its own;
    # the table of work ran on over the behaviours and the next page's scores
    tables = _skp_reading("skp_8_2021_jpt", 2).contents[0].tables
    work = next(t for t in tables if "TARGET" in t.rows[0][4].text)
    assert not any("Orientasi" in (c.text if c else "") for row in work.rows for c in row)
    behaviours = next(t for t in tables if t.rows[0][0] is not None and t.rows[0][0].text == "NO" and len(t.rows[0]) == 3)
    assert [[c.text if c else "" for c in row] for row in behaviours.rows] == [
        ["NO", "ASPEK PERILAKU", "NILAI"], ["1", "Orientasi Pelayanan", "87"], ["2", "Komitmen", "89"], ["3", "Inisiatif Kerja", "89"],
        ["4", "Kerja Sama", "90"], ["5", "Kepemimpinan", "82"], ["", "NILAI PERILAKU KERJA", "87,40"]]


def test_one_tight_pair_of_words_does_not_make_every_word_space_a_label_gap() -> None:
    # "Target Kinerja Sasaran" set with 2-pt word spaces, and a footnote mark 1.2 pt after its word: the
    # line's word space is its usual gap, not its narrowest, and the label stays whole
    ws = []
    x = 0.0
    for text, gap in [("No", 20.0), ("Target", 2.0), ("Kinerja", 2.0), ("Sasaran", 20.0), ("Indikator", 1.2), ("1)", 20.0), ("Satuan", 0.0)]:
        ws.append(Word(text, Box(x, 0, x + 5.0 * len(text), 8.0)))
        x += 5.0 * len(text) + gap
    assert [" ".join(w.text for w in p) for p in label_pieces(VisualLine(words=ws))] == [
        "No", "Target Kinerja Sasaran", "Indikator 1)", "Satuan"]


def _read_line(*pieces: tuple[str, float], gap: float) -> VisualLine:
    """One line of OCR words 6 pt high (with confidences): each piece from its x on, its words ``gap`` apart."""
    words = []
    for text, x in pieces:
        for t in text.split():
            words.append(Word(t, Box(x, 100, x + 4 * len(t), 106), conf=95.0))
            x += 4 * len(t) + gap
    return VisualLine(words=words)


def test_a_read_label_whose_second_word_names_a_column_named_before_is_one_label() -> None:
    # a scan's "Indikator Sasaran" (OCR word spaces 0.55 h) after the Sasaran column: one label naming
    # the indicator, not a second Sasaran column (s1/24's Rencana Aksi lost every row to it); so is
    # "Target IKU" after it
    line = _read_line(("NO", 40), ("Sasaran", 90), ("Indikator Sasaran", 180), ("Target IKU", 300), gap=3.3)
    assert [" ".join(w.text for w in p) for p in label_pieces(line)] == ["NO", "Sasaran", "Indikator Sasaran", "Target IKU"]
    # near misses: the same words first on the line (no Sasaran column before), two columns set apart,
    # and a header of column groups set tight (the reviewer's: a label naming a column again is no sign)
    first = _read_line(("NO", 40), ("Indikator Sasaran", 90), ("Target", 220), gap=3.3)
    assert [" ".join(w.text for w in p) for p in label_pieces(first)] == ["NO", "Indikator", "Sasaran", "Target"]
    apart = _read_line(("NO", 40), ("Sasaran", 90), ("Indikator", 180), ("Sasaran", 230), gap=3.3)
    assert [" ".join(w.text for w in p) for p in label_pieces(apart)] == ["NO", "Sasaran", "Indikator", "Sasaran"]
    groups = _read_line(("No Indikator Target Realisasi Indikator Target Realisasi", 40), gap=5.0)
    assert [" ".join(w.text for w in p) for p in label_pieces(groups)] == [
        "No", "Indikator", "Target", "Realisasi", "Indikator", "Target", "Realisasi"]
    cascade = _read_line(("Tujuan", 40), ("Indikator Tujuan", 80), ("Target", 160), ("Sasaran", 200),
                         ("Indikator Sasaran", 240), ("Target", 330), gap=2.5)
    assert [" ".join(w.text for w in p) for p in label_pieces(cascade)] == [
        "Tujuan", "Indikator Tujuan", "Target", "Sasaran", "Indikator Sasaran", "Target"]


def test_loose_rows_stand_as_far_apart_as_the_first_row_under_the_header() -> None:
    # A Pemda PK in very loose rows scanned (seed 2, file 7; the words tesseract gave, simplified):
    # the header's labels are smaller than the body's lines, so the gap between two rows is 3.05 of
    # the header's line heights, past the 3 that end a table when no row gap wider than a line's has
    # been seen (the first row's lines stand 0.7 apart). The first row stood as far under the header:
    # the rows after it are the table's, as they are on the page after (the table runs on there).
    from extract.pdf.gridless import find_tables

    def line(y0: float, *cells: tuple[str, float]) -> list[Word]:
        out = []
        for text, x0 in cells:
            x = x0
            for t in text.split():
                out.append(Word(t, Box(x, y0, x + 5 * len(t), y0 + (7 if y0 < 270 else 9.5)), 95.0))
                x += 5 * len(t) + 3
        return out

    words = line(256, ("No", 57), ("Sasaran Strategis", 85), ("Indikator Sasaran", 200), ("Target 2019", 430), ("Satuan", 524))
    words += line(285.6, ("1", 59), ("Meningkatnya", 85), ("Indeks keterbukaan", 200), ("96,92", 440), ("Angka", 526))
    words += line(300.0, ("partisipasi", 85), ("informasi publik", 200))
    words += line(315.6, ("masyarakat", 85))
    words += line(330.7, ("desa", 85))
    words += line(361.7, ("2", 59), ("Sistem", 85), ("Skor kapabilitas", 200), ("82,88", 440), ("Angka", 526))
    words += line(376.8, ("APIP", 200))
    words += line(407.9, ("Jumlah desa mandiri", 200), ("61.053", 440), ("Angka", 526))
    rules = [Box(53, y, 554, y + 1) for y in (250, 274, 350, 397, 428)]
    (table,) = find_tables(words, rules)
    assert [[c.text if c else "" for c in row] for row in table.rows][1:] == [
        ["1", "Meningkatnya partisipasi masyarakat desa", "Indeks keterbukaan informasi publik", "96,92", "Angka"],
        ["2", "Sistem", "Skor kapabilitas APIP", "82,88", "Angka"],
        ["", "", "Jumlah desa mandiri", "61.053", "Angka"],
    ]
    # a near miss: a first row 2.2 h under the header, rows set tight after it, and a sentence 5 h
    # under the table: past 1.5 x 3 h, no row of it however far the first row stood (OCR lines: h is a text
    # layer's word height on them, render.type_extent, 10.8 pt for the header's 7 pt of ink)
    words = line(256, ("No", 57), ("Sasaran Strategis", 85), ("Indikator Sasaran", 200), ("Target 2019", 430), ("Satuan", 524))
    words += line(291, ("1", 59), ("Meningkatnya", 85), ("Indeks keterbukaan", 200), ("96,92", 440), ("Angka", 526))
    words += line(316, ("2", 59), ("Sistem", 85), ("Skor kapabilitas", 200), ("82,88", 440), ("Angka", 526))
    words += line(385, ("Dengan anggaran sebesar", 85), ("Rp 1.250.000.000", 420))
    (table,) = find_tables(words)
    assert [c.text if c else "" for c in table.rows[-1]] == ["2", "Sistem", "Skor kapabilitas", "82,88", "Angka"]


def test_up_to_alone_is_no_label_and_joins_the_label_after_it() -> None:
    # A Rincian Target scanned at 150 dpi (seed 2, file 19; the boxes tesseract gave): "s.d." and "TW"
    # stand 3.1 pt apart, past a word space of the line's small type, and "III" wrapped onto the next
    # line; apart, eight pieces for seven columns, and the run of periods was read one column off
    spec = [("Triwulan", 214.8, 248.9), ("Triwulan", 260.4, 294.5), ("Semester", 306.0, 343.2), ("Triwulan", 354.5, 388.3),
            ("s.d.", 397.9, 411.4), ("TW", 414.5, 426.7), ("Triwulan", 439.0, 472.8), ("IV", 475.9, 483.6), ("Tahunan", 505.7, 539.5)]
    (line,) = visual_lines([Word(t, Box(x0, 178.8, x1, 184.6), 90.0) for t, x0, x1 in spec])
    assert [" ".join(w.text for w in p) for p in label_pieces(line)] == [
        "Triwulan", "Triwulan", "Semester", "Triwulan", "s.d. TW", "Triwulan IV", "Tahunan"]


def test_a_rule_the_header_letters_sit_on_ends_the_header_and_marks_beside_labels_name_nothing() -> None:
    # A Rincian Target on a 150-dpi scan turned upside down, a rule under each row set tight (seed 2,
    # file 13; the words tesseract gave, the rules the scan's): the period labels sit on the rule
    # under the header, their feet up to 0.6 pt past its centre (one box, round "TW III" and a speck,
    # 4.7 pt), so the first row's sasaran was read as labels of its own; and the specks "_" beside
    # "Target" and ":" and ";" beside "SS/IKU" and "TWI" kept "Target" from being the periods' parent
    from extract.pdf.gridless import find_tables

    spec = [
        ('fia', 269.28, 127.68, 276.48, 133.92), ('Kode', 63.6, 128.64, 86.64, 136.8), ('dan', 205.68, 128.64, 221.52, 136.08),
        ('SS', 192.0, 128.88, 202.56, 137.28), ('IKU', 224.64, 128.88, 242.88, 136.8),
        ('Target', 555.36, 128.88, 584.4, 138.24), ('_', 548.64, 129.12, 549.12, 129.6), (':', 59.04, 133.68, 59.52, 134.16),
        (';', 367.68, 134.4, 368.16, 134.88), ('SS/IKU', 57.84, 137.76, 90.72, 150.96), ('Q3', 530.64, 139.2, 606.0, 153.12),
        ('Y', 757.2, 139.92, 763.92, 148.08), ('s.d.Q3', 584.16, 140.16, 634.8, 149.04),
        ('TWI', 356.88, 140.4, 379.68, 148.08), ('Q2', 416.64, 140.4, 461.76, 149.04),
        ('Smt.I', 476.88, 140.4, 501.84, 149.04), ('Q4', 656.64, 140.4, 696.24, 148.08), (':', 511.2, 144.48, 511.68, 144.96),
        ('yang', 169.44, 150.48, 185.76, 164.4), ('Kebii', 99.6, 151.2, 120.72, 159.12),
        ('fiskal', 142.56, 151.44, 231.12, 161.52), ('ekspansif', 190.32, 151.44, 225.12, 161.52),
        ('konsolidatif', 230.16, 151.44, 277.68, 159.12), ('sasaran', 304.8, 160.32, 338.16, 174.24),
        ('—', 388.32, 160.32, 394.32, 174.24), ('+|§', 452.16, 160.32, 461.52, 174.24), ('=', 579.84, 160.32, 585.84, 174.24),
        ('kemandirian', 124.8, 161.28, 174.24, 173.28), ('74,48', 599.04, 162.48, 622.8, 176.64),
        ('=', 467.28, 162.96, 467.52, 163.68), ('1a-CP', 58.8, 163.2, 82.32, 170.64),
        ('keuangan', 177.6, 163.2, 215.04, 172.8), ('daerah', 218.16, 163.2, 244.32, 170.64),
        ('terhadap', 246.96, 163.2, 281.52, 173.04), ('total', 283.92, 163.2, 302.64, 170.64),
        ('—_Rasio', 99.36, 163.44, 121.92, 170.88), ('74,48', 358.08, 163.44, 379.68, 171.36),
        ('74,48', 417.6, 163.44, 439.68, 173.76), ('7448', 478.56, 163.44, 500.88, 171.6),
        ('7448', 539.52, 163.44, 561.84, 173.04), ('7448', 670.56, 163.44, 692.88, 171.36),
        ('74,48', 749.76, 163.44, 771.36, 171.6), ('dokumen', 192.0, 172.8, 229.44, 188.16),
        ('ditetapkan', 121.68, 173.76, 162.72, 185.28), ('dalam', 165.36, 173.76, 189.6, 181.2),
        ('jangka', 283.68, 173.76, 311.04, 183.36), ('©', 595.68, 175.2, 599.52, 178.08),
        ('yang', 99.36, 175.68, 118.8, 185.52), ('perencanaan', 232.08, 175.92, 281.76, 184.32),
    ]
    rules = [Box(52.8, 124.9, 801.6, 125.9), Box(338.4, 136.42, 801.36, 137.42), Box(53.04, 147.94, 801.36, 148.94),
             Box(53.28, 159.46, 801.36, 160.46)]
    tables = find_tables([Word(t, Box(x0, y0, x1, y1), 90.0) for t, x0, y0, x1, y1 in spec], rules)
    rows = [[c.text if c else None for c in row] for row in tables[0].rows]
    assert rows[0][:2] == ["Kode SS/IKU", "SS dan IKU"] and rows[0][-7:] == ["Target", "", "", "", "", "", ""]
    assert rows[1][-7:] == ["TWI", "Q2", "Smt.I", "Q3", "s.d.Q3", "Q4", "Y"]
    assert rows[2][1] == "Kebii fiskal yang ekspansif"


def test_a_last_rows_label_wrapped_onto_a_line_of_its_own_stays_in_the_row() -> None:
    # 6/2022 evaluation, a rule under each row: "RATING HASIL" / "KERJA*" over two lines beside its
    # "SESUAI EKSPEKTASI"; "KERJA*", alone in the number column after the last value, was taken for a
    # title after the table and the table ended over it. A rating under a row whose number column is
    # empty there (a rule under the header only) is no wrapped end: it stays out of that row
    table = _skp_reading("skp_6_2022_eval", 17).contents[0].tables[0]
    rows = [["" if c is None else c.text for c in row] for row in table.rows]
    assert rows[-1] == ["RATING HASIL KERJA*", "", "", "", "", "", "SESUAI EKSPEKTASI", ""]
    table = _skp_reading("skp_6_2022_eval", 24).contents[0].tables[0]
    rows = [["" if c is None else c.text for c in row] for row in table.rows]
    assert rows[-1] == ["", "", "", "Waktu", "Waktu penyelesaian administrasi", "6 bulan", "6 bulan", "Dilaksanakan dengan tertib"]


def test_specks_beside_a_value_in_a_cell_read_by_ocr_are_left_out() -> None:
    # Scans without a grid (seed 1 files 7, 20 and 3): a speck or a ruling's edge beside a value read as
    # ":" or ";" ("49,49% :", "Min. ; 85%"), as a ruled table's cells are mended, nor does the cell take
    # the speck's low confidence; printed text stays
    from extract.pdf.gridless import find_tables

    def table(conf: float | None, speck: float | None) -> Table:
        return find_tables(_read_lines([
            (100, [("No", 50, 62), ("Indikator", 100, 140), ("Kinerja", 143, 175), ("Target", 300, 330), ("Satuan", 400, 430)]),
            (115, [("1", 52, 56), ("Jumlah", 100, 130), ("desa", 133, 150), ("49,49%", 300, 330), (":", 333, 334), ("%", 405, 412)]),
            (128, [("2", 52, 56), ("Nilai", 100, 120), ("SAKIP", 123, 150), ("85%", 300, 318), ("Indeks", 400, 430)]),
            (141, [("3", 52, 56), ("Skor", 100, 120), ("evaluasi", 123, 150), ("Min.", 300, 316), (";", 318, 319),
                   ("85%", 321, 338), ("%", 405, 412)]),
        ], conf, speck, (":", ";")))[0]

    ocr, printed = table(90.0, 20.0), table(None, None)
    assert [r[2].text for r in ocr.rows] == ["Target", "49,49%", "85%", "Min. 85%"]
    assert [ocr.rows[1][2].conf, ocr.rows[3][2].conf] == [90.0, 90.0]
    assert [r[2].text for r in printed.rows] == ["Target", "49,49% :", "85%", "Min. ; 85%"]


def test_a_cells_wrapped_lines_chained_into_one_page_line_by_the_columns_beside_it_keep_their_order() -> None:
    # An Inisiatif Strategis scanned without rulings, rows set tight (seed 2, file 20): each column's
    # lines centred on the row stand half a line from the next column's, and the page's lines, made
    # by overlap, chained two lines of one cell into one; read left to right they interleaved
    # ("Jumlah ditetapkan kebijakan dokumen yang"). The OCR words of the header and the first row:
    from extract.pdf.gridless import find_tables

    spec = [
        ("Inisiatif", 282.2, 137.8, 331.2, 147.1), ("Periode", 534.2, 138.0, 583.0, 147.1),
        ("Penanggung", 614.4, 138.2, 693.8, 149.5), ("No.", 61.9, 144.0, 82.1, 152.9),
        ("IKU", 156.5, 144.0, 177.4, 152.9), ("Output/Outcome", 385.9, 143.8, 492.5, 155.0),
        ("Biaya", 718.1, 143.8, 751.9, 155.3), ("(Rp)", 757.9, 143.8, 783.4, 155.0),
        ("Strategis", 277.2, 149.8, 335.3, 161.5), ("Pelaksanaan", 518.4, 150.0, 598.3, 159.1),
        ("Jawab", 633.8, 150.0, 673.0, 161.3), ("(1)", 63.8, 162.7, 80.4, 173.3),
        ("(2)", 158.4, 162.7, 175.2, 173.3), ("(3)", 297.6, 162.7, 314.4, 173.3),
        ("(4)", 431.0, 162.7, 447.8, 173.3), ("(5)", 550.1, 163.0, 566.4, 173.3),
        ("(6)", 645.6, 163.0, 662.4, 173.3), ("(7)", 742.6, 163.0, 759.4, 173.3),
        ("sistem", 315.8, 176.4, 352.1, 185.5), ("Penguatan", 251.0, 176.6, 310.8, 187.7),
        ("Jumlah", 95.3, 181.9, 134.2, 193.4), ("dokumen", 139.2, 181.9, 191.8, 191.3),
        ("pengendalian", 251.0, 188.2, 327.1, 199.7), ("Meningkatnya", 375.4, 188.4, 455.0, 199.7),
        ("Sub", 622.3, 188.4, 642.2, 197.5), ("Bagian", 647.5, 188.4, 685.7, 199.7), ("1", 69.4, 194.4, 74.4, 203.0),
        ("kebijakan", 97.0, 193.9, 150.5, 205.2), ("2026-2027", 527.8, 194.2, 588.5, 203.3),
        ("750.000.000", 721.9, 194.2, 793.4, 203.8), ("yang", 155.5, 196.3, 182.6, 205.4),
        ("intern", 251.0, 200.4, 283.0, 209.5), ("berbasis", 288.5, 200.4, 335.8, 209.5),
        ("kecepatan", 375.4, 200.4, 433.2, 211.7), ("layanan", 438.7, 200.4, 483.1, 211.7),
        ("Keuangan", 625.9, 200.6, 682.3, 211.7), ("ditetapkan", 96.5, 205.9, 157.2, 217.4),
        ("risiko", 251.0, 212.4, 280.1, 221.5)]
    (table,) = find_tables([Word(t, Box(x0, y0, x1, y1), 96.0) for t, x0, y0, x1, y1 in spec])
    assert [c.text for c in table.rows[2]] == [
        "1", "Jumlah dokumen kebijakan yang ditetapkan", "Penguatan sistem pengendalian intern berbasis risiko",
        "Meningkatnya kecepatan layanan", "2026-2027", "Sub Bagian Keuangan", "750.000.000"]


def test_specks_inside_a_name_in_a_cell_read_by_ocr_are_left_out() -> None:
    # Scans (seed 1 files 5 and 7): a speck read as "-" or ":" with little confidence inside a sasaran
    # ("Belanja negara yang berkualitas - dan akuntabel"); a dash opening a line is an item's mark and
    # stays, and so does a mark read sure or printed (a text layer's words have no confidence)
    from extract.pdf.gridless import find_tables

    def names(conf: float | None, speck: float | None) -> list[str]:
        words = _read_lines([
            (100, [("No", 50, 62), ("Indikator", 100, 140), ("Kinerja", 143, 175), ("Target", 300, 330)]),
            (115, [("1", 52, 56), ("Belanja", 100, 130), ("negara", 133, 160), ("-", 163, 166), ("dan", 169, 185),
                   ("akuntabel", 188, 230), ("85%", 300, 318)]),
            (128, [("2", 52, 56), ("-", 100, 104), ("Kegiatan", 107, 140), ("utama", 143, 170), (":", 173, 174), ("90%", 300, 318)]),
        ], conf, speck, ("-", ":"))
        return [r[1].text for r in find_tables(words)[0].rows]

    assert names(90.0, 40.0) == ["Indikator Kinerja", "Belanja negara dan akuntabel", "- Kegiatan utama"]
    assert names(90.0, 95.0) == ["Indikator Kinerja", "Belanja negara - dan akuntabel", "- Kegiatan utama :"]
    assert names(None, None) == ["Indikator Kinerja", "Belanja negara - dan akuntabel", "- Kegiatan utama :"]


def test_a_lone_quote_read_before_a_names_first_word_is_left_out_and_the_name_kept_whole() -> None:
    # A Rincian Target scanned without rulings (seed 2 file 19 of the scan benchmark): a speck before the name
    # read as a quote, "‘Realisasi.penerimaan retribusi …"; its first word mended on its own box, the cell lost
    # every word after it (only the last word's mending was looked for) and the indicator its row
    from extract.pdf.gridless import find_tables

    words = _read_lines([
        (100, [("No", 50, 62), ("Indikator", 100, 140), ("Kinerja", 143, 175), ("Target", 300, 330)]),
        (115, [("1", 52, 56), ("‘Realisasi", 100, 135), ("penerimaan", 138, 180), ("retribusi", 183, 220), ("N/A", 300, 318)]),
        (128, [("2", 52, 56), ("Nilai", 100, 120), ("SAKIP", 123, 150), ("85%", 300, 318)]),
    ], 91.0, None, ())
    assert [r[1].text for r in find_tables(words)[0].rows] == ["Indikator Kinerja", "Realisasi penerimaan retribusi", "Nilai SAKIP"]


def test_a_reports_table_reads_each_number_in_its_ruled_row_and_no_caption_as_a_row() -> None:
    # an LKj report (seed 1, file 15), its table 3.1 with a rule under each row and its caption "Tabel 3.1" above
    # it: each number and tujuan stays in its ruled row (the alignment once set "3" a row low and the tujuan a row
    # high), and no caption is read into a row. (Written when the generator set this table without rulings,
    # a caption "Tabel 3.2" under its last row read as the end of that row's name.)
    g = generate(1, 15, kinds=LKJ_KINDS)
    reading = read_pdf(g.pdf, g.truth.file, g.truth.file[:-4])
    rows = [["" if c is None else c.text for c in row] for row in reading.contents[2].tables[0].rows]
    assert rows[-2:] == [["3", "Belanja negara yang berkualitas dan akuntabel", "Skor kapabilitas APIP", "3,01 (skala 4)",
                          "2,71 (skala 4)", "90,03"],
                         ["", "", "Rasio TKD yang berbasis kinerja terhadap TKD yang ditindaklanjuti dalam tahun berjalan",
                          "85%", "94%", "110,59"]]
    assert [r[0] for r in rows] == ["No.", "1", "", "", "2", "3", ""]
    assert not any("Tabel" in c for row in rows for c in row)


def test_a_target_over_its_year_leaves_the_first_year_of_the_realisasi_beside_it() -> None:
    # an LKj report's table set tight without rulings: "Target" over "2025" (one label wrapped) beside "Realisasi"
    # over "2025 | 2024 | 2023"; the first 2025 under Realisasi is nearer Realisasi than Target: it was taken by
    # Target as a second year, and "Realisasi" wrapped onto "2024"
    g = generate(1, 2, kinds=LKJ_KINDS)
    reading = read_pdf(g.pdf, g.truth.file, g.truth.file[:-4])
    rows = [["" if c is None else c.text for c in row] for row in reading.contents[2].tables[1].rows]
    assert rows[:2] == [["No", "Sasaran", "No", "Indikator Sasaran", "Target 2025", "Realisasi", "", ""],
                        ["", "", "", "", "", "2025", "2024", "2023"]]


def _centred_words(phrases: list[tuple[str, float]], y: float) -> list[Word]:
    """Words of 5 pt a letter, 3 pt apart, each phrase centred on its x, 8 pt high at ``y``."""
    out = []
    for text, cx in phrases:
        x = cx - (sum(5 * len(t) for t in text.split()) + 3 * (len(text.split()) - 1)) / 2
        for t in text.split():
            out.append(Word(t, Box(x, y, x + 5 * len(t), y + 8)))
            x += 5 * len(t) + 3
    return out


def test_a_realisasi_between_a_target_and_a_capaian_with_nothing_under_them_holds_all_its_quarters() -> None:
    # near miss of the rule above: TW I is nearer the narrow "Target" and TW IV the "Capaian", but neither stands
    # over a label of its own (each spans both header rows): the four quarters are the Realisasi's
    words = (_centred_words([("No", 20), ("Indikator Kinerja", 110), ("Target", 230), ("Realisasi", 340), ("Capaian", 450)], 100)
             + _centred_words([("TW I", 280), ("TW II", 320), ("TW III", 360), ("TW IV", 400)], 112)
             + _centred_words([("1", 20), ("Indeks kepuasan", 110), ("80", 230), ("20", 280), ("40", 320), ("60", 360),
                               ("82", 400), ("102", 450)], 135))
    (table,) = find_tables(words)
    assert [["" if c is None else c.text for c in row] for row in table.rows] == [
        ["No", "Indikator Kinerja", "Target", "Realisasi", "", "", "", "Capaian"],
        ["", "", "", "TW I", "TW II", "TW III", "TW IV", ""],
        ["1", "Indeks kepuasan", "80", "20", "40", "60", "82", "102"],
    ]


def _ocr_words(lines: list[list[tuple[str, float, float, float, float]]]) -> list[Word]:
    """Words as tesseract gave them (text and box), read with confidence 95."""
    return [Word(t, Box(x0, y0, x1, y1), 95.0) for line in lines for t, x0, y0, x1, y1 in line]


# The words tesseract read on a generated PK scanned at 300 dpi, turned 180 degrees (seed 1, file 28): a
# header ruled above and below, set very loose, whose labels wrap ("Sasaran" / "Strategis") 5.5 pt under
# their first line. Their ink boxes stand 6-8 pt high where a text layer's stand 10.
_LOOSE_OCR_HEADER = [
    [("No", 59.5, 182.6, 70.8, 188.9), ("Sasaran", 98.2, 182.6, 133.4, 188.9), ("Indikator", 176.4, 182.4, 216.7, 188.9),
     ("Sasaran", 220.1, 182.6, 255.4, 188.9), ("Triwulan", 338.4, 182.4, 376.8, 188.9), ("Target", 446.2, 182.6, 475.4, 190.3),
     ("Tahun", 478.6, 182.4, 505.9, 188.9), ("Satuan", 517.7, 182.4, 548.2, 188.9)],
    [("Strategis", 95.8, 194.4, 136.1, 202.3), ("2023", 465.6, 194.6, 487.0, 200.9)],
    [("I", 298.0, 210.7, 300.5, 216.7), ("II", 332.6, 210.7, 337.4, 216.7), ("III", 353.0, 210.7, 360.5, 216.7),
     ("IV", 400.1, 210.7, 408.2, 216.7)],
    [("1", 63.4, 266.6, 66.7, 272.6), ("Terwujudnya", 79.4, 266.4, 130.6, 274.3), ("Tingkat", 159.4, 266.4, 188.9, 274.3),
     ("partisipasi", 192.5, 266.4, 232.3, 274.3), ("-", 298.8, 270.0, 301.2, 270.7), ("-", 333.8, 270.0, 336.2, 270.7),
     ("-", 355.9, 270.0, 357.8, 270.7), ("Tidak", 377.8, 266.4, 399.1, 272.9), ("kurang", 402.7, 266.4, 429.4, 274.3),
     ("Tidak", 450.2, 266.4, 471.6, 272.6), ("kurang", 475.2, 266.4, 501.6, 274.3), ("%", 529.7, 266.6, 536.4, 272.9)],
    [("pengendalian", 80.2, 278.6, 133.2, 286.6), ("masyarakat", 160.1, 278.6, 206.4, 286.6), ("dalam", 209.8, 278.6, 233.5, 285.1),
     ("dari", 386.4, 278.6, 400.8, 285.1), ("95%", 404.6, 278.9, 421.7, 285.1), ("dari", 458.9, 278.6, 473.0, 285.1),
     ("95%", 476.9, 278.9, 493.9, 285.1)],
]


def test_an_ocr_header_whose_labels_wrap_as_far_as_a_text_layer_would_is_one_header() -> None:
    """The gaps between OCR lines are measured in a text layer's word heights (render.type_extent): the
    header's wrapped line joins it, where in the ink's own heights it stood 0.63 of one apart (past the
    0.55 a label's wrapped line stands) and no header was found."""
    words = _ocr_words(_LOOSE_OCR_HEADER)
    (table,) = find_tables(words)
    assert [c.text if c else "" for c in table.rows[0]] == [
        "No", "Sasaran Strategis", "Indikator Sasaran", "Triwulan", "", "", "", "Target Tahun 2023", "Satuan"]
    assert [c.text if c else "" for c in table.rows[1]] == ["", "", "", "I", "II", "III", "IV", "", ""]
    assert [c.text for c in table.rows[2]] == [
        "1", "Terwujudnya pengendalian", "Tingkat partisipasi masyarakat dalam", "-", "-", "-", "Tidak kurang dari 95%",
        "Tidak kurang dari 95%", "%"]


def test_one_ocr_letter_over_a_header_between_its_labels_is_no_column() -> None:
    """A generated Rincian Target scanned at 150 dpi (seed 2, file 22): its "Target" label over the periods
    was read "T" (and a speck "_"); joined to the header, it stood over no label and made a column of its
    own between Q3 and s.d. Q3, and the value "35 Kegiatan" was cut in two there."""
    lines = [
        [("T", 598.8, 140.4, 604.8, 147.4), ("_", 604.3, 140.9, 629.0, 149.0)],
        [("SS", 233.0, 154.8, 243.6, 161.5), ("dan", 246.7, 154.8, 263.3, 161.5), ("IKU", 266.9, 154.8, 281.8, 161.8)],
        [("SS/IKU", 55.9, 160.6, 85.2, 168.0)],
        [("Q1", 444.5, 168.7, 457.0, 176.6), ("Q2", 490.6, 168.7, 503.0, 176.4), ("Smt.", 528.7, 168.7, 548.9, 175.7),
         ("1", 552.5, 168.7, 557.3, 175.7), ("Q3", 585.6, 168.7, 597.6, 176.4), ("s.d. Q3", 628.3, 167.5, 657.1, 178.6),
         ("Q4", 698.9, 167.5, 711.6, 178.3), ("Y", 768.0, 169.0, 773.8, 175.4)],
        [("(1)", 64.6, 196.6, 76.8, 204.5), ("(2)", 251.3, 196.6, 263.5, 204.2), ("(3)", 444.7, 196.6, 457.0, 204.2),
         ("(4)", 490.8, 196.6, 503.0, 204.2), ("(5)", 536.9, 196.6, 549.1, 204.2), ("(6)", 585.4, 196.6, 598.1, 204.2),
         ("7)", 636.7, 196.6, 649.0, 204.2), ("(8)", 698.6, 196.6, 711.4, 204.5), ("(9)", 764.4, 196.3, 776.6, 204.2)],
        [("1", 55.7, 225.1, 59.0, 231.8), ("Meningkatnya", 88.1, 225.1, 143.8, 233.3), ("daya", 146.4, 225.1, 165.8, 233.3),
         ("saing", 168.7, 225.4, 189.6, 233.3)],
        [("KU", 55.0, 253.0, 67.4, 259.7), ("1.1", 70.8, 252.7, 82.6, 259.7), ("jumlah", 87.4, 253.0, 114.2, 261.1),
         ("wisatawan", 117.4, 253.2, 159.4, 259.7), ("4", 429.1, 253.0, 433.9, 259.2), ("Kegiatan", 436.8, 253.0, 472.3, 261.1),
         ("8", 475.4, 252.7, 480.0, 259.7), ("Kegiatan", 482.6, 252.7, 518.4, 261.1), ("8", 522.0, 252.7, 526.8, 259.4),
         ("Kegiatan", 529.2, 252.7, 564.5, 261.1), ("35", 568.1, 252.7, 577.0, 259.7), ("Kegiatan", 580.1, 253.0, 615.4, 261.1),
         ("35", 619.2, 252.7, 628.3, 259.7), ("Kegiatan", 631.4, 253.0, 666.7, 261.1), ("39", 681.6, 252.7, 690.5, 259.4),
         ("Kegiatan", 693.4, 252.7, 728.6, 261.1), ("39", 742.8, 253.7, 751.9, 260.4), ("Kegiatan", 754.8, 253.9, 790.1, 262.1)],
    ]
    words = _ocr_words(lines)
    (table,) = find_tables(words)
    assert [c.text for c in table.rows[0]] == ["SS/IKU", "SS dan IKU", "Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y"]
    assert [c.text for c in table.rows[3]][2:] == ["4 Kegiatan", "8 Kegiatan", "8 Kegiatan", "35 Kegiatan", "35 Kegiatan",
                                                  "39 Kegiatan", "39 Kegiatan"]


def test_a_label_starts_at_s_d_where_period_labels_touch() -> None:
    """The header of a generated Rincian Target scan (seed 2, file 12; its numerals read from their strokes):
    "Triwulan Triwulan Semester Triwulan s.d. TW" set touching over I II I III III, read as the phrases
    "Triwulan Triwulan", "Semester Triwulan s.d." and "TW": no label ends with "s.d.", so the second
    phrase over I, III and III could not be parted and the columns were lost. A label starts there."""
    lines = [
        [("Target", 566.9, 140.9, 605.8, 151.2)],
        [("Kode", 61.2, 148.8, 89.8, 157.2)],
        [("SS", 202.8, 155.3, 216.2, 163.4), ("dan", 220.8, 155.0, 241.9, 163.4), ("IKU", 247.4, 155.3, 266.4, 163.4),
         ("Triwulan", 374.4, 157.0, 424.8, 165.1), ("Triwulan", 428.6, 156.7, 479.0, 165.4), ("Semester", 483.6, 157.0, 539.0, 165.4),
         ("Triwulan", 541.9, 157.0, 592.8, 165.4), ("s.d.", 596.2, 156.7, 616.1, 165.4), ("TW", 620.6, 157.2, 639.1, 165.1)],
        [("SS/IKU", 56.4, 161.5, 94.1, 170.4), ("Triwulan", 646.6, 163.0, 697.0, 171.6), ("IV", 702.7, 163.4, 713.5, 171.4),
         ("Tahunan", 734.4, 163.2, 784.8, 171.6)],
        [("I", 398.9, 169.7, 400.8, 177.4), ("II", 451.2, 169.9, 456.7, 177.4), ("I", 509.5, 169.7, 511.7, 177.4),
         ("III", 563.0, 169.7, 572.4, 177.4), ("III", 612.5, 169.7, 622.3, 177.4)],
        [("(1)", 67.7, 186.0, 82.6, 195.8), ("(2)", 227.0, 186.2, 241.9, 195.8), ("(3)", 392.6, 186.0, 407.5, 195.8),
         ("(4)", 446.9, 186.0, 461.8, 195.8), ("(5)", 503.5, 186.0, 518.4, 195.8), ("(6)", 560.2, 186.0, 575.0, 195.8),
         ("(7)", 610.1, 186.0, 625.0, 195.8), ("(8)", 672.5, 186.0, 687.8, 195.8), ("(9)", 752.6, 186.2, 767.5, 195.8)],
        [("IKU", 56.0, 230.0, 75.0, 238.4), ("1.2", 79.0, 230.0, 92.0, 238.4), ("Jumlah", 97.9, 230.0, 130.0, 238.4),
         ("UMKM", 133.0, 230.0, 160.0, 238.4), ("1", 393.0, 230.0, 398.0, 238.4), ("Orang", 400.0, 230.0, 425.0, 238.4),
         ("3", 447.0, 230.0, 452.0, 238.4), ("Orang", 454.0, 230.0, 479.0, 238.4), ("3", 503.0, 230.0, 508.0, 238.4),
         ("Orang", 510.0, 230.0, 535.0, 238.4), ("5", 560.0, 230.0, 565.0, 238.4), ("Orang", 567.0, 230.0, 592.0, 238.4),
         ("5", 610.0, 230.0, 615.0, 238.4), ("Orang", 617.0, 230.0, 642.0, 238.4), ("6", 672.0, 230.0, 677.0, 238.4),
         ("Orang", 679.0, 230.0, 704.0, 238.4), ("6", 752.0, 230.0, 757.0, 238.4), ("Orang", 759.0, 230.0, 784.0, 238.4)],
    ]
    words = _ocr_words(lines)
    (table,) = find_tables(words)
    assert [c.text if c else "" for c in table.rows[1]] == [
        "", "", "Triwulan I", "Triwulan II", "Semester I", "Triwulan III", "s.d. TW III", "Triwulan IV", "Tahunan"]
    assert [c.text for c in table.rows[3]][2:] == ["1 Orang", "3 Orang", "3 Orang", "5 Orang", "5 Orang", "6 Orang", "6 Orang"]


def test_a_text_layer_line_whose_part_reads_as_a_place_and_date_stays_in_the_table() -> None:
    """The body ends at a line with a place and date set apart only on OCR lines, whose word spaces part
    a signature's "Samarinda," "Maret" "2020" into phrases; a text layer's line keeps its phrases, and a
    remark "Laporan Bulanan, Maret 2020" in one (an independent review's case) is no signature's date."""
    def line(y: float, spec: list[tuple[str, float, float]]) -> list[Word]:
        return [Word(t, Box(x0, y, x1, y + 8)) for t, x0, x1 in spec]

    words = (line(100, [("No", 40, 52), ("Indikator", 80, 115), ("Kinerja", 118, 145), ("Target", 260, 285), ("Keterangan", 330, 375)])
             + line(118, [("1.", 42, 48), ("Persentase", 80, 120), ("dokumen", 123, 155), ("100%", 262, 282), ("Tepat", 330, 350)])
             + line(132, [("2.", 42, 48), ("Jumlah", 80, 105), ("laporan", 108, 135), ("5", 262, 266), ("Laporan", 330, 360),
                          ("Bulanan,", 363, 395), ("Maret", 408, 430), ("2020", 433, 450)])
             + line(146, [("3.", 42, 48), ("Nilai", 80, 98), ("SAKIP", 101, 125), ("BB", 262, 272), ("Evaluasi", 330, 362)]))
    (table,) = find_tables(words)
    assert [c.text for c in table.rows[-1]] == ["3.", "Nilai SAKIP", "BB", "Evaluasi"]


def test_a_speck_on_a_rule_whose_row_is_gone_leaves_its_column_placed() -> None:
    """An OCR speck just under a rule, the row above the rule gone (an independent review's case): the
    blocks of the column are placed as without the rules, never all dropped."""
    def block(y0: float, y1: float) -> Block:
        return Block([(y0, y1, [Word("x", Box(0, y0, 10, y1), 95.0)])])

    blocks = [block(99.5, 100.8), block(105, 115), block(125, 135)]
    rows = [Row(100, 120), Row(120, 140)]
    assert place_blocks(blocks, rows, one_per_row=False, walls=[100, 120]) == [0, 0, 1]


def test_a_cells_last_wrapped_line_set_a_loose_line_apart_stays_in_its_ruled_row() -> None:
    """The words tesseract read on a generated PK scanned at 300 dpi, set very loose with a rule under each
    row (seed 2, file 7): the sasaran "Sistem informasi yang andal dan terintegrasi" wraps over three lines,
    the last 6 pt under the one before (its own block), and was set in the next row, beside "Skor
    kapabilitas APIP", which had no sasaran line of its own. Between the rules it stays in its row."""
    header = [("No", 55.0, 209.0, 66.0, 216.2), ("Sasaran", 72.0, 208.8, 106.0, 216.2), ("Strategis", 109.0, 208.8, 148.0, 218.2),
              ("Indikator", 170.0, 208.6, 210.0, 216.0), ("Sasaran", 214.0, 208.8, 250.0, 216.0),
              ("Target", 300.0, 208.8, 330.0, 216.0)]
    body = [[("(1)", 56.0, 255.1, 67.0, 264.0), ("(2)", 104.0, 254.9, 115.0, 264.0), ("(3)", 204.0, 254.9, 215.0, 264.0),
             ("(4)", 310.0, 255.1, 321.0, 264.0)],
            [("1", 60.0, 286.1, 63.0, 293.0), ("Meningkatnya", 70.0, 285.6, 128.0, 295.2), ("Indeks", 150.0, 285.8, 176.0, 293.3),
             ("keterbukaan", 179.0, 285.8, 226.0, 293.0), ("96,92", 300.0, 285.8, 322.0, 294.0)],
            [("partisipasi", 69.0, 300.0, 112.0, 311.0)],
            [("masyarakat", 70.0, 315.8, 115.0, 325.2), ("dalam", 118.0, 315.6, 140.0, 323.3)],
            [("pembangunan", 70.0, 330.7, 125.0, 340.1), ("desa", 128.0, 330.7, 146.0, 340.1)],
            [("2", 59.0, 362.2, 62.0, 369.1), ("Sistem", 70.0, 361.9, 96.0, 369.1), ("informasi", 99.0, 361.7, 136.0, 369.1),
             ("Realisasi", 150.0, 361.9, 185.0, 369.1), ("penerimaan", 188.0, 362.2, 232.0, 371.3), ("80", 300.0, 362.0, 310.0, 369.0)],
            [("yang", 70.0, 378.7, 89.0, 386.2), ("andal", 92.0, 376.8, 113.0, 384.0), ("dan", 116.0, 376.8, 130.0, 384.0),
             ("retribusi", 150.0, 376.8, 183.0, 384.0), ("daerah", 186.0, 376.8, 212.0, 384.0)],
            [("terintegrasi", 70.0, 392.2, 118.0, 401.3)],
            [("Skor", 150.0, 422.9, 168.0, 430.1), ("kapabilitas", 171.0, 422.9, 214.0, 432.2), ("APIP", 217.0, 423.1, 236.0, 430.1),
             ("82,88", 300.0, 422.9, 322.0, 431.0)]]
    rules = [Box(53.0, y - 0.5, 554.0, y + 0.5) for y in (197.8, 243.8, 350.8, 411.7, 442.8)]
    (table,) = find_tables(_ocr_words([header, *body]), rules)
    assert [[c.text if c is not None else None for c in row] for row in table.rows] == [
        ["No", "Sasaran Strategis", "Indikator Sasaran", "Target"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["1", "Meningkatnya partisipasi masyarakat dalam pembangunan desa", "Indeks keterbukaan", "96,92"],
        ["2", "Sistem informasi yang andal dan terintegrasi", "Realisasi penerimaan retribusi daerah", "80"],
        ["", "", "Skor kapabilitas APIP", "82,88"]]


def _header_centred_between(years: list[tuple[float, list[tuple[str, float, float]]]], body_top: float = 150) -> list[Word]:
    """A PK table whose No/Tujuan/Indikator cells, merged over two header rows and middle aligned, stand on
    a line of their own between the parents (Baseline, Target Kinerja) and the year labels under them,
    every line a loose header row's padding apart (the layout of corpus.synth's PKs of year columns)."""
    parents = (100, [("Baseline", 400, 440), ("Target", 480, 510), ("Kinerja", 513, 550)])
    middle = (116, [("No", 20, 32), ("Tujuan", 60, 95), ("Indikator", 200, 245), ("Kinerja", 248, 285)])
    body = [(body_top, [("1", 20, 25), ("Meningkatnya", 60, 130), ("Persentase", 200, 250), ("temuan", 253, 290),
                   ("92%", 392, 410), ("-", 432, 436), ("100%", 470, 492), ("100%", 505, 527), ("100%", 540, 562)]),
            (body_top + 20, [("2", 20, 25), ("Meningkatnya", 60, 130), ("Nilai", 200, 225), ("SAKIP", 228, 260),
                   ("70", 395, 405), ("72", 430, 440), ("75", 475, 485), ("78", 510, 520), ("80", 545, 555)])]
    return _read_lines([parents, middle, *years, *body], None, None, ())


def test_single_labels_centred_between_the_parents_and_their_years_are_one_header() -> None:
    """The parents over the middle line and the years under it, standing beside its labels, never over or
    under them: one header of three lines (a body row under a header would have no years under it)."""
    years = [(132, [("2019", 390, 412), ("2020", 425, 447), ("2022", 465, 487), ("2023", 500, 522), ("2024", 535, 557)])]
    (table,) = find_tables(_header_centred_between(years))
    rows = [["" if c is None else c.text for c in row] for row in table.rows]
    assert rows[-2:] == [["1", "Meningkatnya", "Persentase temuan", "92%", "-", "100%", "100%", "100%"],
                         ["2", "Meningkatnya", "Nilai SAKIP", "70", "72", "75", "78", "80"]]
    assert rows[0][:3] == ["No", "Tujuan", "Indikator Kinerja"] and "2023" in rows[1]


def test_years_wrapped_under_tahun_below_centred_labels_join_the_header_with_their_ends() -> None:
    """``Tahun`` / ``2023``: each year label wrapped onto a second line, as loosely as a header row."""
    years = [(132, [("Tahun", 390, 412), ("Tahun", 425, 447), ("Tahun", 465, 487), ("Tahun", 500, 522), ("Tahun", 535, 557)]),
             (146, [("2019", 392, 410), ("2020", 427, 445), ("2022", 467, 485), ("2023", 502, 520), ("2024", 537, 555)])]
    (table,) = find_tables(_header_centred_between(years, body_top=166))  # (the two lines 0.75 of a line apart)
    rows = [["" if c is None else c.text for c in row] for row in table.rows]
    assert rows[-1] == ["2", "Meningkatnya", "Nilai SAKIP", "70", "72", "75", "78", "80"]
    assert "Tahun 2023" in [c for r in rows[:3] for c in r]

