"""The whitespace reader of unruled tables (extract/pdf/unruled.py), on lines of words set by hand and on generated pages."""

from __future__ import annotations

import pytest

from corpus.synth import LKJ_KINDS, generate
from extract.pdf import read_pdf
from extract.pdf.model import Box, Word
from extract.pdf.unruled import find_tables


def _line(y: float, items: list[tuple[str, float]], bold: bool = False, h: float = 8.0) -> list[Word]:
    """Words of one line: each text at its x, its words a space apart (4.4 pt a letter)."""
    out = []
    for text, x in items:
        for t in text.split():
            w = 4.4 * len(t)
            out.append(Word(t, Box(x, y, x + w, y + h), bold=bold))
            x += w + 2.2
    return out


#: the two header rows of a budget-realisation table whose "Anggaran" and "Realisasi" wrap onto "(Rp)"
BUDGET_HEADER = [["No.", "Program / Kegiatan", "Anggaran", "Realisasi", "%"], ["", "", "(Rp)", "(Rp)", ""]]


def _cells(table) -> list[list[str]]:
    return [[c.text if c else "" for c in row] for row in table.rows]


def test_a_cells_wrapped_bold_capitals_go_on_with_the_table() -> None:
    # a budget's programme names in bold capitals, each wrapped: the wrapped line is no heading that ends
    # the table (it stands a cell's line under its row, in the programme's column)
    words = [*_line(100, [("No", 50), ("Program/Kegiatan", 100), ("Anggaran", 300), ("Keterangan", 400)]),
             *_line(116, [("1", 50), ("PROGRAM PENUNJANG URUSAN", 100), ("1.000.000", 300), ("APBD", 400)], bold=True),
             *_line(127, [("PEMERINTAHAN DAERAH", 100)], bold=True),
             *_line(143, [("2", 50), ("PROGRAM PENGELOLAAN", 100), ("2.000.000", 300), ("APBD", 400)], bold=True),
             *_line(154, [("KEUANGAN DAERAH", 100)], bold=True)]
    (table,) = find_tables(words, 600)
    assert _cells(table)[1:] == [["1", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "1.000.000", "APBD"],
                                 ["2", "PROGRAM PENGELOLAAN KEUANGAN DAERAH", "2.000.000", "APBD"]]


def test_a_heading_in_bold_capitals_a_row_under_the_table_ends_it() -> None:
    words = [*_line(100, [("NO", 50), ("ASPEK PERILAKU", 100), ("NILAI", 300)]),
             *_line(116, [("1", 50), ("Orientasi Pelayanan", 100), ("86", 300)]),
             *_line(132, [("2", 50), ("Komitmen", 100), ("89", 300)]),
             *_line(150, [("NILAI KINERJA PEGAWAI", 50)], bold=True),
             *_line(166, [("1. Nilai SKP", 50), ("92,42", 250), ("x", 280), ("64,69", 330)])]
    (table,) = find_tables(words, 600)
    assert _cells(table) == [["NO", "ASPEK PERILAKU", "NILAI"], ["1", "Orientasi Pelayanan", "86"], ["2", "Komitmen", "89"]]


def test_a_numbered_header_alone_at_the_foot_of_a_page_over_its_page_number_carries_its_columns() -> None:
    # "NO | ASPEK PERILAKU | NILAI" is the page's last line of text but for the page number under it: its
    # rows are on the next page, which takes its columns from their whitespace
    header = _line(700, [("NO", 50), ("ASPEK PERILAKU", 100), ("NILAI", 300)])
    (alone,) = find_tables([*header, *_line(800, [("2", 290)])], 600)
    assert _cells(alone) == [["NO", "ASPEK PERILAKU", "NILAI"]]
    rows = [*_line(60, [("1", 50), ("Orientasi Pelayanan", 100), ("86", 300)]), *_line(76, [("2", 50), ("Komitmen", 100), ("89", 300)])]
    (rest,) = find_tables(rows, 600, carry=alone.layout)
    assert _cells(rest) == [["1", "Orientasi Pelayanan", "86"], ["2", "Komitmen", "89"]]


def test_a_letterhead_of_number_colon_and_dots_is_no_header() -> None:
    # "Nomor : ......" has the "No" label's role, but a colon and dots are no labels: the letterhead
    # ending a page was read as a header alone, its lines as one row
    words = [*_line(100, [("Nomor", 50), (":", 150), ("............", 170)]), *_line(112, [("Lampiran", 50), (":", 150), ("-", 170)]),
             *_line(124, [("Perihal", 50), (":", 150), ("Perjanjian Kinerja", 170)])]
    assert find_tables(words, 600) == []


def test_a_budget_header_of_labels_middle_aligned_beside_wrapped_ones_heads_the_table() -> None:
    # "Anggaran (Rp)" and "Realisasi (Rp)" wrapped over two lines, "No.", "Program / Kegiatan" and "%" set at
    # their middle: three lines, each over the one before, none a header alone; the table was not read. The first
    # two make the header, "(Rp)" its second row
    words = [*_line(100, [("Anggaran", 300), ("Realisasi", 380)]),
             *_line(105, [("No.", 50), ("Program / Kegiatan", 100), ("%", 460)]),
             *_line(110, [("(Rp)", 310), ("(Rp)", 390)]),
             *_line(124, [("1.", 50), ("Program Penyelenggaraan Pengawasan", 100), ("59.913.000", 300), ("48.196.525", 380),
                          ("80,4", 460)]),
             *_line(137, [("Administrasi Kepegawaian Perangkat Daerah", 100), ("19.786.000", 300), ("11.159.304", 380),
                          ("56,4", 460)])]
    (table,) = find_tables(words, 600)
    assert _cells(table) == [*BUDGET_HEADER,
                             ["1.", "Program Penyelenggaraan Pengawasan", "59.913.000", "48.196.525", "80,4"],
                             ["", "Administrasi Kepegawaian Perangkat Daerah", "19.786.000", "11.159.304", "56,4"]]


def test_a_name_wrapped_around_its_middle_aligned_values_is_one_row_with_them() -> None:
    # each name wrapped over two lines, its values set between them (overlapping both): the line over the values
    # was the row before's; a name on one line stands on its values' line (the rows stand clear of the header:
    # a line of text tight under it goes on with its labels)
    words = [*_line(100, [("No.", 50), ("Program/Kegiatan", 100), ("Anggaran", 300), ("Realisasi", 380)]),
             *_line(126, [("Program Pengembangan Ekonomi Kreatif melalui", 100)]),
             *_line(131, [("1.", 50), ("95.776.000", 300), ("84.068.876", 380)]),
             *_line(136, [("Pemanfaatan Hak Kekayaan Intelektual", 100)]),
             *_line(150, [("Monitoring dan Evaluasi Kinerja Anggaran", 100), ("54.507.000", 300), ("50.855.031", 380)]),
             *_line(164, [("Perencanaan, Penganggaran, dan Evaluasi", 100)]),
             *_line(169, [("70.000", 300), ("48.650", 380)]),
             *_line(174, [("Kinerja Perangkat Daerah", 100)])]
    (table,) = find_tables(words, 600)
    assert _cells(table)[1:] == [
        ["1.", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan Hak Kekayaan Intelektual", "95.776.000", "84.068.876"],
        ["", "Monitoring dan Evaluasi Kinerja Anggaran", "54.507.000", "50.855.031"],
        ["", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "70.000", "48.650"]]


def test_a_top_aligned_names_wrapped_line_stays_with_the_values_above_it() -> None:
    # the near miss: values on the first line of their name (no line overlaps another); the wrapped line, nearer
    # the next row's values than its own, stays in its row
    words = [*_line(100, [("No.", 50), ("Program/Kegiatan", 100), ("Anggaran", 300), ("Realisasi", 380)]),
             *_line(116, [("1.", 50), ("Program Pengembangan Ekonomi Kreatif", 100), ("95.776.000", 300), ("84.068.876", 380)]),
             *_line(126, [("melalui Pemanfaatan Hak Kekayaan", 100)]),
             *_line(136, [("Intelektual", 100)]),
             *_line(148, [("Monitoring dan Evaluasi Kinerja Anggaran", 100), ("54.507.000", 300), ("50.855.031", 380)])]
    (table,) = find_tables(words, 600)
    assert _cells(table)[1:] == [
        ["1.", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan Hak Kekayaan Intelektual", "95.776.000", "84.068.876"],
        ["", "Monitoring dan Evaluasi Kinerja Anggaran", "54.507.000", "50.855.031"]]


def test_a_generated_lkj_budget_table_of_middle_aligned_rows_reads_every_row() -> None:
    # seed 1 file 4 of the LKj reports: shaded bands, cells touching, 12 pt, middle-aligned; the table was not read
    g = generate(1, 4, kinds=LKJ_KINDS)
    reading = read_pdf(g.pdf, g.truth.file, g.truth.file[:-4])
    (table,) = reading.contents[3].tables
    assert _cells(table)[:6] == [
        ["No.", "Program / Kegiatan", "Anggaran", "Realisasi", "%"],
        ["", "", "(Rp)", "(Rp)", ""],
        ["1.", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan Intelektual",
         "95.776.000", "84.068.876", "87,8"],
        ["", "Monitoring dan Evaluasi Kinerja Anggaran", "54.507.000", "50.855.031", "93,3"],
        ["", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "70.000", "48.650", "69,5"],
        ["", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "41.199.000", "33.165.195", "80,5"]]
    assert _cells(table)[-1] == ["JUMLAH", "", "199.267.000", "162.434.887", "81,5"]
    assert len(table.rows) == 13


def test_the_first_line_of_a_name_wrapped_around_its_values_is_no_line_of_the_header() -> None:
    # seed 1 file 14 of the LKj reports: "Program Perencanaan, ... Pembangunan" set tight under "(Rp)", its values
    # between it and "Daerah": it was read as a third header line, and the row's name as "Daerah"
    g = generate(1, 14, kinds=LKJ_KINDS)
    reading = read_pdf(g.pdf, g.truth.file, g.truth.file[:-4])
    table = next(t for t in reading.contents[3].tables if "Anggaran" in _cells(t)[0])
    assert _cells(table)[:4] == [
        ["No.", "Program / Kegiatan", "Anggaran", "Realisasi", "%"],
        ["", "", "(Rp)", "(Rp)", ""],
        ["1.", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "64.013.000", "50.513.155", "78,9"],
        ["", "Monitoring dan Evaluasi Kinerja Anggaran", "19.195.000", "17.025.965", "88,7"]]


def test_value_boxes_a_little_taller_than_the_line_pitch_keep_a_top_aligned_table_top_aligned() -> None:
    # every line's box 0.5 pt over the next: no line of values stands between two lines of one name, so the
    # third line of the first name stays in its row ('Intelektual' went on to row 2 when any overlap counted)
    words = [*_line(100, [("No.", 50), ("Program/Kegiatan", 100), ("Anggaran", 300), ("Realisasi", 380)], h=9.5),
             *_line(115, [("1.", 50), ("Program Pengembangan Ekonomi Kreatif", 100), ("95.776.000", 300), ("84.068.876", 380)], h=9.5),
             *_line(124, [("melalui Pemanfaatan Hak Kekayaan", 100)], h=9.5),
             *_line(133, [("Intelektual", 100)], h=9.5),
             *_line(142, [("2.", 50), ("Monitoring dan Evaluasi Kinerja Anggaran", 100), ("54.507.000", 300), ("50.855.031", 380)], h=9.5)]
    (table,) = find_tables(words, 600)
    assert _cells(table)[1:] == [
        ["1.", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan Hak Kekayaan Intelektual", "95.776.000", "84.068.876"],
        ["2.", "Monitoring dan Evaluasi Kinerja Anggaran", "54.507.000", "50.855.031"]]


def test_a_caption_touching_a_header_line_makes_no_header_with_it() -> None:
    # the caption's box over the header's by a point: the header line is a header alone, the caption no label
    words = [*_line(100, [("Tabel 3.1 Realisasi Anggaran per Program", 150)]),
             *_line(107, [("No.", 50), ("Program/Kegiatan", 100), ("Anggaran", 300), ("Realisasi", 380)]),
             *_line(129, [("1.", 50), ("Program Pengembangan Ekonomi", 100), ("95.776.000", 300), ("84.068.876", 380)]),
             *_line(143, [("2.", 50), ("Monitoring dan Evaluasi Kinerja", 100), ("54.507.000", 300), ("50.855.031", 380)])]
    (table,) = find_tables(words, 600)
    assert _cells(table) == [["No.", "Program/Kegiatan", "Anggaran", "Realisasi"],
                             ["1.", "Program Pengembangan Ekonomi", "95.776.000", "84.068.876"],
                             ["2.", "Monitoring dan Evaluasi Kinerja", "54.507.000", "50.855.031"]]


def test_a_name_that_says_anggaran_and_kegiatan_around_its_values_is_no_header() -> None:
    # a budget table going on over a page without its header: "Penyusunan Rencana Anggaran" / values / "Kegiatan
    # Perangkat Daerah" set over one another say what a budget header says, but hold values
    words = [*_line(60, [("Penyusunan Rencana Anggaran", 100)]),
             *_line(65, [("2.", 50), ("95.776.000", 300), ("84.068.876", 380), ("87,8", 460)]),
             *_line(70, [("Kegiatan Perangkat Daerah", 100)]),
             *_line(84, [("Monitoring dan Evaluasi Kinerja", 100), ("54.507.000", 300), ("50.855.031", 380), ("93,3", 460)])]
    assert find_tables(words, 600) == []


def test_a_names_first_line_under_a_label_it_starts_with_is_still_the_bodys() -> None:
    # the first line of a name set tight under the header and starting where the label starts, its values at its
    # middle: it passed for the label's wrapped rest before the values were looked at
    words = [*_line(97, [("No.", 60), ("Program / Kegiatan", 90), ("Anggaran", 300), ("Realisasi", 380), ("%", 460)]),
             *_line(105.8, [("(Rp)", 310), ("(Rp)", 390)]),
             *_line(115.2, [("Program Perencanaan, Pengendalian dan", 90)]),
             *_line(119.4, [("1.", 60), ("64.013.000", 300), ("50.513.155", 380), ("78,9", 460)]),
             *_line(123.6, [("Evaluasi Pembangunan Daerah", 90)]),
             *_line(133, [("Monitoring dan Evaluasi Kinerja Anggaran", 90), ("19.195.000", 300), ("17.025.965", 380), ("88,7", 460)])]
    (table,) = find_tables(words, 600)
    assert _cells(table) == [*BUDGET_HEADER,
                             ["1.", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "64.013.000", "50.513.155", "78,9"],
                             ["", "Monitoring dan Evaluasi Kinerja Anggaran", "19.195.000", "17.025.965", "88,7"]]


def test_a_header_of_lines_set_over_one_another_ends_the_table_above() -> None:
    def table(y: float) -> list[Word]:
        return [*_line(y, [("Anggaran", 300), ("Realisasi", 380)]),
                *_line(y + 5, [("No.", 50), ("Program / Kegiatan", 100), ("%", 460)]),
                *_line(y + 10, [("(Rp)", 310), ("(Rp)", 390)]),
                *_line(y + 24, [("1.", 50), ("Program Penyelenggaraan Pengawasan", 100), ("59.913.000", 300), ("48.196.525", 380),
                                ("80,4", 460)]),
                *_line(y + 37, [("2.", 50), ("Administrasi Kepegawaian", 100), ("19.786.000", 300), ("11.159.304", 380),
                                ("56,4", 460)])]
    # (the first table's last row took the second's header in: "2. No." | "Administrasi Kepegawaian Program /
    # Kegiatan" | "19.786.000 Anggaran (Rp)"; then the second was read as the rest of the first, its header a row)
    first, second = find_tables([*table(100), *table(150)], 600)
    assert _cells(first) == _cells(second) == [
        *BUDGET_HEADER,
        ["1.", "Program Penyelenggaraan Pengawasan", "59.913.000", "48.196.525", "80,4"],
        ["2.", "Administrasi Kepegawaian", "19.786.000", "11.159.304", "56,4"]]


#: a measurement table's header whose "Realisasi" spans the three years under it, the one-line labels set
#: between the two lines (middle-aligned in the two-line header cell), the three lines touching (h = 8)
YEARS_HEADER = [(492, [("Realisasi", 580)]),
                (500, [("No", 50), ("Sasaran", 80), ("Indikator Sasaran", 200), ("Target 2021", 420)]),
                (508, [("2021", 520), ("2020", 590), ("2019", 660)])]


def test_a_label_over_the_years_its_header_line_leaves_heads_them() -> None:
    # "Realisasi" stands over "2021 2020 2019", right of every label of the line under it: the header's
    # first line; the years refine it, "2021" too although it starts left of the label's reach
    words = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    words += [*_line(524, [("1", 50), ("Sasaran satu", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)]),
              *_line(540, [("2", 50), ("Sasaran dua", 80), ("Indeks dua", 200), ("75", 420), ("76", 520), ("70", 590), ("-", 660)])]
    (table,) = find_tables(words, 800)
    assert _cells(table) == [["No", "Sasaran", "Indikator Sasaran", "Target 2021", "Realisasi", "", ""],
                             ["", "", "", "", "2021", "2020", "2019"],
                             ["1", "Sasaran satu", "Indeks satu", "90%", "91%", "88%", "85%"],
                             ["2", "Sasaran dua", "Indeks dua", "75", "76", "70", "-"]]


def test_a_caption_over_a_header_line_is_no_label_of_it() -> None:
    # the table's caption set touching the header, over its labels: not a label line of the header
    words = [*_line(492, [("Tabel 3.2 Realisasi", 150)]), *_line(500, [("No", 50), ("Sasaran", 80), ("Target", 300), ("Realisasi", 400)]),
             *_line(516, [("1", 50), ("Sasaran satu", 80), ("90%", 300), ("91%", 400)]),
             *_line(532, [("2", 50), ("Sasaran dua", 80), ("75", 300), ("76", 400)])]
    (table,) = find_tables(words, 600)
    assert _cells(table)[0] == ["No", "Sasaran", "Target", "Realisasi"] and len(table.rows) == 3


def test_a_middle_aligned_names_first_line_at_the_top_of_a_page_opens_the_carried_rows() -> None:
    # the header alone at the foot of a page; the next page starts with the first line of a sasaran wrapped
    # around its row's values, in one column, set tight over the line of values
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    assert _cells(alone) == [["No", "Sasaran", "Indikator Sasaran", "Target 2021", "Realisasi", "", ""],
                             ["", "", "", "", "2021", "2020", "2019"]]
    rows = [*_line(60, [("Belanja negara", 80)]),
            *_line(69, [("1", 50), ("yang akuntabel", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)]),
            *_line(86, [("2", 50), ("Sasaran dua", 80), ("Indeks dua", 200), ("75", 420), ("76", 520), ("70", 590), ("-", 660)])]
    (rest,) = find_tables(rows, 800, carry=alone.layout)
    # under a header with no row of its own the line can only begin the first row
    assert _cells(rest) == [["1", "Belanja negara yang akuntabel", "Indeks satu", "90%", "91%", "88%", "85%"],
                            ["2", "Sasaran dua", "Indeks dua", "75", "76", "70", "-"]]


@pytest.mark.parametrize(("top", "first"), [
    ((60, [("Perspektif Pelanggan", 80)]), ["", "Perspektif Pelanggan", "", "", "", "", ""]),  # a heading over its group
    ((60, [("(lanjutan)", 660)]), ["", "", "", "", "", "", "(lanjutan)"]),  # a note in a value column
])
def test_a_line_over_the_first_carried_row_that_its_name_does_not_go_on_from_stays_a_row(top, first) -> None:
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    rows = [*_line(*top), *_line(69, [("1", 50), ("Sasaran satu", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590),
                                      ("85%", 660)])]
    (rest,) = find_tables(rows, 800, carry=alone.layout)
    assert _cells(rest) == [first, ["1", "Sasaran satu", "Indeks satu", "90%", "91%", "88%", "85%"]]


def test_two_lines_over_the_first_carried_row_set_apart_by_more_than_its_leading_are_still_its_top() -> None:
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    rows = [*_line(60, [("Belanja", 80)]), *_line(72, [("negara", 80)]),
            *_line(81, [("1", 50), ("yang akuntabel", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)]),
            *_line(97, [("2", 50), ("Sasaran dua", 80), ("Indeks dua", 200), ("75", 420), ("76", 520), ("70", 590), ("-", 660)])]
    (rest,) = find_tables(rows, 800, carry=alone.layout)
    assert _cells(rest) == [["1", "Belanja negara yang akuntabel", "Indeks satu", "90%", "91%", "88%", "85%"],
                            ["2", "Sasaran dua", "Indeks dua", "75", "76", "70", "-"]]


def test_a_line_in_one_column_at_the_top_of_a_page_under_rows_of_the_page_before_stays_a_row_of_its_own() -> None:
    # the table above had rows: whether the line ends its last row (a top-aligned cell cut by the page break)
    # or begins the next (a middle-aligned one), the line alone does not tell: it is kept as a row
    words = [*_line(700, [("No", 50), ("Sasaran", 80), ("Target", 300), ("Realisasi", 400)]),
             *_line(716, [("1", 50), ("Sasaran satu", 80), ("90%", 300), ("91%", 400)]),
             *_line(732, [("2", 50), ("Sasaran dua", 80), ("75", 300), ("76", 400)])]
    (table,) = find_tables(words, 600)
    rows = [*_line(60, [("yang lain", 80)]), *_line(69, [("3", 50), ("Sasaran tiga", 80), ("60", 300), ("61", 400)])]
    (rest,) = find_tables(rows, 600, carry=table.layout)
    assert _cells(rest) == [["", "yang lain", "", ""], ["3", "Sasaran tiga", "60", "61"]]


def test_at_most_two_lines_in_one_column_open_the_carried_rows() -> None:
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    rows = [*_line(78, [("1", 50), ("akuntabel", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)]),
            *_line(95, [("2", 50), ("Sasaran dua", 80), ("Indeks dua", 200), ("75", 420), ("76", 520), ("70", 590), ("-", 660)])]
    two = [*_line(60, [("negara", 80)]), *_line(69, [("yang", 80)])]
    assert find_tables([*_line(51, [("Belanja", 80)]), *two, *rows], 800, carry=alone.layout) == []  # three: none
    (rest,) = find_tables([*two, *rows], 800, carry=alone.layout)
    assert _cells(rest)[0][:2] == ["1", "negara yang akuntabel"]


def test_lines_in_two_columns_at_the_top_of_a_page_open_no_carried_rows() -> None:
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    rows = [*_line(60, [("Belanja negara", 80)]), *_line(69, [("Indeks", 200)]),
            *_line(78, [("1", 50), ("yang akuntabel", 80), ("satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)])]
    assert find_tables(rows, 800, carry=alone.layout) == []


def _header_over(over_y: float, over: list, labels: list, years: list, xs: list, width: float = 800):
    """A header of ``labels`` under a line ``over`` set at ``over_y``, the ``years`` under both, two rows."""
    words = [*_line(over_y, over), *_line(500, labels), *_line(508, years)]
    for k, y in enumerate((524, 540)):
        words += _line(y, [(str(k + 1), 50), (f"Indeks {k + 1}", 80), *[(f"{60 + k + j}", x) for j, x in enumerate(xs)]])
    return find_tables(words, width)


def test_a_line_of_prose_in_one_column_at_the_top_of_a_page_opens_no_carried_rows() -> None:
    # the same line a paragraph's space over the rows: not the top of a cell, the table above does not go on
    header = [w for y, items in YEARS_HEADER for w in _line(y, items)]
    (alone,) = find_tables([*header, *_line(800, [("4", 400)])], 800)
    rows = [*_line(60, [("Belanja negara", 80)]),
            *_line(76, [("1", 50), ("yang akuntabel", 80), ("Indeks satu", 200), ("90%", 420), ("91%", 520), ("88%", 590), ("85%", 660)])]
    assert find_tables(rows, 800, carry=alone.layout) == []


def test_a_label_over_its_years_a_line_above_the_header_still_heads_them() -> None:
    # "Realisasi" 0.69 of a line over the header (LKj seed 3 file 21), not touching it
    (table,) = _header_over(486.5, [("Realisasi", 580)], [("No", 50), ("Indikator", 80), ("Target 2021", 420)],
                            [("2021", 520), ("2020", 590), ("2019", 660)], [420, 520, 590, 660])
    assert _cells(table) == [["No", "Indikator", "Target 2021", "Realisasi", "", ""], ["", "", "", "2021", "2020", "2019"],
                             ["1", "Indeks 1", "60", "61", "62", "63"], ["2", "Indeks 2", "61", "62", "63", "64"]]


def test_a_note_over_the_headers_right_edge_with_nothing_under_it_heads_no_column() -> None:
    # "Keterangan" touching the header, right of its labels, no labels under it: not the header's
    words = [*_line(492, [("Keterangan", 470)]), *_line(500, [("No", 50), ("Indikator", 80), ("Target", 300), ("Realisasi", 400)]),
             *_line(516, [("1", 50), ("Indeks satu", 80), ("80%", 300), ("70%", 400)]),
             *_line(532, [("2", 50), ("Indeks dua", 80), ("81%", 300), ("71%", 400)])]
    (table,) = find_tables(words, 700)
    assert _cells(table) == [["No", "Indikator", "Target", "Realisasi"], ["1", "Indeks satu", "80%", "70%"],
                             ["2", "Indeks dua", "81%", "71%"]]


def test_a_label_over_the_header_takes_a_year_its_neighbour_would_take_alone() -> None:
    # "Target" (no year) would take "2021" alone and not be refined by it: Realisasi, centred over
    # 2021 2020 2019, takes it; Target stays one column
    (table,) = _header_over(492, [("Realisasi", 580)], [("No", 50), ("Indikator", 80), ("Target", 420)],
                            [("2021", 520), ("2020", 590), ("2019", 660)], [420, 520, 590, 660])
    assert _cells(table)[:3] == [["No", "Indikator", "Target", "Realisasi", "", ""], ["", "", "", "2021", "2020", "2019"],
                                 ["1", "Indeks 1", "60", "61", "62", "63"]]


def test_a_spanning_label_takes_no_year_standing_under_another_label() -> None:
    # "Target Renstra" has no role for the years under it, yet they are its: Realisasi takes only its own
    words = [*_line(500, [("No", 50), ("Indikator Kinerja", 80), ("Target Renstra", 260), ("Realisasi", 439)]),
             *_line(512, [("2025", 260), ("2026", 310), ("2022", 400), ("2023", 450), ("2024", 500)])]
    for k, y in enumerate((528, 544)):
        words += _line(y, [(str(k + 1), 50), (f"Indeks {k + 1}", 80), *[(f"{60 + k + j}", x) for j, x in enumerate((260, 310, 400, 450, 500))]])
    (table,) = find_tables(words, 700)
    # (Target Renstra's two years stay one column, as before: no role for a year under it)
    assert _cells(table) == [["No", "Indikator Kinerja", "Target Renstra", "Realisasi", "", ""],
                             ["", "", "2025 2026", "2022", "2023", "2024"],
                             ["1", "Indeks 1", "60 61", "62", "63", "64"], ["2", "Indeks 2", "61 62", "63", "64", "65"]]


def test_two_labels_side_by_side_each_over_its_own_years() -> None:
    (table,) = _header_over(492, [("Target", 430), ("Realisasi", 560)], [("No", 50), ("Indikator", 80)],
                            [("2024", 420), ("2025", 470), ("2024", 560), ("2025", 610)], [420, 470, 560, 610])
    assert _cells(table) == [["No", "Indikator", "Target", "", "Realisasi", ""], ["", "", "2024", "2025", "2024", "2025"],
                             ["1", "Indeks 1", "60", "61", "62", "63"], ["2", "Indeks 2", "61", "62", "63", "64"]]


def test_a_caption_restating_a_label_of_the_header_heads_no_column() -> None:
    # "Realisasi Kinerja" close over the header's right edge, the header's own Realisasi over the years
    (table,) = _header_over(490, [("Realisasi Kinerja", 480)], [("No", 50), ("Indikator", 80), ("Target 2024", 300), ("Realisasi", 420)],
                            [("2022", 400), ("2023", 470), ("2024", 540)], [300, 400, 470, 540])
    assert _cells(table)[:2] == [["No", "Indikator", "Target 2024", "Realisasi", "", ""], ["", "", "", "2022", "2023", "2024"]]


def test_a_note_over_the_last_of_a_labels_years_leaves_them_to_it() -> None:
    # "Realisasi" close over the last of Target's years takes it alone, is no label of the header, and
    # the header is read again without it: Target keeps its three years
    (table,) = _header_over(490, [("Realisasi", 440)], [("No", 50), ("Indikator", 80), ("Target", 380)],
                            [("2023", 340), ("2024", 395), ("2025", 450)], [340, 395, 450])
    assert _cells(table) == [["No", "Indikator", "Target", "", ""], ["", "", "2023", "2024", "2025"],
                             ["1", "Indeks 1", "60", "61", "62"], ["2", "Indeks 2", "61", "62", "63"]]


def test_a_label_over_a_header_with_a_wrapped_label_still_heads_its_years() -> None:
    # the line over the header does not count toward the three lines a header's labels may run over
    words = [*_line(492, [("Realisasi", 580)]), *_line(500, [("No", 50), ("Indikator Kinerja", 80), ("Target 2021", 420)]),
             *_line(508, [("Utama", 80)]), *_line(516, [("2021", 520), ("2020", 590), ("2019", 660)]),
             *_line(532, [("1", 50), ("Indeks 1", 80), ("60", 420), ("61", 520), ("62", 590), ("63", 660)])]
    (table,) = find_tables(words, 800)
    assert _cells(table) == [["No", "Indikator Kinerja Utama", "Target 2021", "Realisasi", "", ""],
                             ["", "", "", "2021", "2020", "2019"], ["1", "Indeks 1", "60", "61", "62", "63"]]


def test_a_label_taken_alone_by_a_neighbour_leaves_no_empty_run() -> None:
    # "TW II" goes to Target alone, then to "Realisasi 2023" centred over it and 2024: no crash, every label kept
    words = [*_line(500, [("No", 50), ("Indikator Kinerja", 80), ("Target", 340), ("Realisasi 2023", 520)]),
             *_line(512, [("TW II", 480), ("2024", 570)]),
             *_line(528, [("1", 50), ("Indeks 1", 80), ("60", 340), ("61", 480), ("62", 570)])]
    (table,) = find_tables(words, 700)
    assert _cells(table)[0][:3] == ["No", "Indikator Kinerja", "Target"] and len(table.rows) == 3


def test_a_two_digit_number_overhanging_into_an_empty_column_at_the_top_of_a_page_goes_on_with_the_table() -> None:
    # the numbers right-aligned in a narrow column: the page before's single digits put its boundary just left
    # of them, and "10" reaches over it into the sasaran column, empty on its line (LKj seed 1 file 24, page 6)
    words = [*_line(700, [("No", 50), ("Sasaran", 80), ("No", 228), ("Indikator", 260), ("Target", 450)]),
             *_line(716, [("1", 52), ("Sasaran yang sangat panjang sekali", 80), ("8", 236), ("Indeks 8", 260), ("81%", 450)]),
             *_line(732, [("9", 236), ("Indeks 9", 260), ("82%", 450)])]
    (table,) = find_tables(words, 600)
    rows = [*_line(60, [("10", 224), ("Indeks sepuluh", 260), ("90%", 450)]), *_line(76, [("11", 224), ("Indeks sebelas", 260), ("91%", 450)])]
    (rest,) = find_tables(rows, 600, carry=table.layout)
    assert _cells(rest) == [["", "", "10", "Indeks sepuluh", "90%"], ["", "", "11", "Indeks sebelas", "91%"]]
