"""The whitespace reader of unruled tables (extract/pdf/unruled.py), on lines of words set by hand."""

from __future__ import annotations

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
