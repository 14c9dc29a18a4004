"""Tables drawn without a full grid, read from word positions, rules and shaded bands.

Most tables in an archive have no vertical rulings: a line under each row, lines around the
header only, shaded bands, or nothing at all. Such a table is read in five small steps:

1. **header** (:func:`header_at`): the lines at the top of the table whose words are column
   labels. The words of one label stacked over several lines (``s.d.`` / ``TW`` / ``III``) are
   one label; a label standing over several (``Target`` over ``TW I … Y``) is their parent.
2. **columns** (:func:`boundaries`): one per label without children, cut in the body's
   whitespace between neighbouring labels.
3. **body** (:func:`body_lines`): the lines under the header until a signature's place and
   date, a new header, prose across the columns, or a gap wider than any row gap before it.
4. **rows** (:func:`row_spans`): cut at the horizontal rules and band edges under the header
   where the table has them; else each line that holds a whole value in a column of values
   opens a row (a value wrapped onto the next line, ``Rp`` / ``329.000.000``, stays with it).
5. **cells** (:func:`place_blocks`): in each column the text blocks (lines of one cell set
   close together) go to the rows they stand beside, by an alignment that lets one block span
   several rows (a sasaran merged down the rows of its indicators, set at their top or centred
   on them) and several blocks make one cell; a block's text goes to the first row it spans.

The result is a :class:`~extract.pdf.model.Table` with method ``pdf-words`` and the header as
its first rows, so the text reader reads it like every other table.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex as re

from extract.models import ANY_PERIOD_ROLES, TableMethod
from extract.pdf.marks import drop_text_specks, drop_value_marks
from extract.pdf.model import Box, Cell, Table, Word
from extract.pdf.render import Span, VisualLine, visual_lines
from extract.pdf.unruled import Layout, numbered_header, phrase_extents
from extract.text.parties import parse_place_date
from extract.text.rows import is_value_role
from extract.text.tables import is_header_row, role_of
from normalize.text import clean_text
from normalize.values import Kind, parse_value


@dataclass(frozen=True)
class Settings:
    """The proportions the reader decides by, each in line heights (``h``) unless it says otherwise. A
    text layer's word heights: the gaps between lines of OCR words are measured in the heights a text
    layer would give them (:func:`extract.pdf.render.type_extent`); the gaps between words on a line
    (the label gaps) in their ink's."""

    #: Two lines of one header label, or of one cell, stand closer than this (measured: wrapped
    #: lines are 0.1-0.3 h apart in the generated layouts and the real archives; rows 0.4 h and more).
    stack_gap: float = 0.55
    #: The lines of a header stand closer than this: a label's wrapped lines, and the row of
    #: labels under a parent (a header row's own padding: up to 1.3 h in the seed layouts).
    header_gap: float = 1.5
    #: A row of period labels (TW I … Y) stands this far under the Target label over it at most
    #: (2.7 h in the loosest generated header).
    period_row_gap: float = 4.0
    #: Words of one label on one line are a word space apart (0.25-0.35 h); columns further.
    label_gap: float = 0.5
    #: Two labels set closer than :attr:`label_gap` (cells without padding: "TARGET REALISASI", 0.40 h
    #: apart where the line's word spaces are 0.24 h) are cut where the gap is this many times the
    #: line's word space (the median gap under the label gap), when each piece names a column and together they name none
    #: (:func:`_split_labels`). Measured on the generated SKP forms set with touching cells: the gaps
    #: between labels there are 1.6-1.7 word spaces; a label's own word spaces differ by under 1.1.
    split_space: float = 1.4
    #: ... but pieces further apart that together name a column (read words also when they name what
    #: the first names, or are capitals naming nothing) are one label up to this far (:func:`_join_pieces`):
    #: OCR boxes hug the ink, so "Smt." and "1" stand 0.55 h apart on a 150-dpi scan (0.33 h in the PDF
    #: it was scanned from), and so do the words of a bold capital label ("RENCANA HASIL KERJA"), where
    #: no other column's label comes closer than 1.6 h
    label_join_gap: float = 1.0
    #: In a body of one row, a gap this wide (line heights) right after the cell over the left label's centre
    #: parts that cell from the next column's phrase (:func:`boundaries`): the words of one cell stand up to
    #: 0.57 h apart in OCR boxes ("Jumlah" / "dokumen" of a grey scan's Lampiran SKP; see label_join_gap), a
    #: sasaran's name and the indicator's left-aligned beside it 2.9 h in a loose generated PK (pk_years 19).
    #: A cautious bar, not the least gap between cells (two cells stand 0.57-0.88 h apart in pk_years 9):
    #: under it the widest gap decides, as in a body of many rows.
    cell_gap: float = 1.0
    #: A header is at most this many lines (a label wrapped over five lines under a parent).
    max_header_lines: int = 7
    #: A rule or band under the header counts as a row separator when it spans this share of the table's width.
    rule_span: float = 0.5
    #: Two lines with a rule between them across this share of both are no lines of one header: a
    #: rule over the header across the table keeps the block above out of it, where the rule under
    #: a parent label (Target over Q1 ... Y) spans only its children, 0.6-0.8 of the header's lines
    #: in the generated layouts (at 0.5, seed 2 lost 465 fields through parents cut from children).
    header_rule_span: float = 0.9
    #: Two lines of a column this close are one cell's wrapped text even with a band's edge between
    #: them (a ruling line always parts them): a cell merged down over rows whose text runs through the
    #: rows' stripes (an HTML table's row stripes show through its rowspan cells). Measured: such lines
    #: touch (0.05 h apart) where banded rows stand 1.2 h apart; at 0.35 (the loosest wrapped lines)
    #: tight rows were joined (seed 1: 40 slices down), at 0.12 none (64 up).
    through_gap: float = 0.12
    #: A lone label over a row of labels may be the table's title when centred over the row within
    #: this share of its width (a title cell spanning every column); a label wrapped over a side column
    #: is not (over the middle column of an odd number, only the words tell: `title_over_labels`).
    #: Measured: "HASIL KERJA" over the SKP's five labels of generated file s1/20 stands 0.009 of the
    #: row's width off its centre; a label over the first or last of three columns or more, 0.3 or more.
    title_centre: float = 0.1
    #: A rule cuts a column's cells where it crosses this share of the column's width: the rule under a
    #: row stops at a cell merged down beside it (none crosses it at all in the generated layouts).
    rule_column_span: float = 0.5
    #: The first line of a wrapped value ("Rp") takes the next text in its column as its end when it
    #: stands within this many line heights under it (a name's line between them: centred values).
    head_reach: float = 1.5
    #: The first body line may stand this far under the header (a loose table's first row).
    first_gap: float = 6.0
    #: A later line further below the last than this (and than twice the widest row gap so far) ends the table.
    end_gap: float = 3.0
    #: ... and than this many times the first row's gap under the header (that gap taken as ``end_gap`` at
    #: most): a loose table's rows stand as far apart as its first row stands under the header (3.05 h either
    #: way on a generated scan whose header lines are smaller than its body's), and its first row may be one
    #: line only. Text further down than 1.5 x 3 h is no row of it, however far the first row stood.
    first_row_gap: float = 1.5


SETTINGS = Settings()
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")
_ROMAN = re.compile(r"^[IVX]{1,4}\.?$")
YEAR = re.compile(r"^(?:19|20)\d{2}$")  # a year alone ("2024": a label's, a column's)
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]{3,}")
_WORD_OF_3 = re.compile(r"[^\W\d_]{3,}")
_SIGNATURE = re.compile(r"\bPIHAK\s+(?:KE)?(?:DUA|SATU|PERTAMA)\b|Pegawai\s+yang\s+Dinilai|Pejabat\s+Penilai|^NIP\b|\bMengetahui\b", re.I)
#: A report's caption ("Tabel 3.2 Realisasi Kinerja …", "Gambar 1.2 …"): the next table's or figure's, never a row of this one
_CAPTION = re.compile(r"^(?:Tabel|Table|Gambar|Grafik|Diagram|Bagan)\s+\d+(?:\.\d+)*\.?\s+\S", re.I)
_INCOMPLETE = re.compile(r"(?:\bRp\.?|\(\s*skala|\(|\d,|\d\s*[-–])$", re.I)  # a value cut by its cell's edge
#: a comparator in words whose number went on to the next line of its cell ("Tidak kurang" / "dari 45%")
_COMPARATOR_HEAD = re.compile(
    r"^(?:tidak\s+(?:kurang|lebih)(?:\s+dari)?|(?:kurang|lebih)\s+dari|paling\s+(?:sedikit|rendah|banyak|tinggi)"
    r"|min(?:imal|imum)?\.?|maks(?:imal|imum)?\.?)$", re.I)
_UP_TO = re.compile(r"^(?:s\.?\s?d\.?|s/d)$", re.I)  # "sampai dengan": the start of a label ("s.d. TW III"), never one alone
_OTHER_TABLE = re.compile(r"^(?=.*\bAnggaran\b)(?=.*\b(?:Program|Kegiatan)\b).{0,80}$", re.I)  # a budget table's header


def _text(words: Sequence[Word]) -> str:
    """The words' texts, a space between."""
    return " ".join(w.text for w in words)


def _other_table(lines: Sequence[VisualLine], settings: Settings = SETTINGS) -> bool:
    """The lines (one, or a line with the one set right under it: "Anggaran" over "No. Program /
    Kegiatan" over "(Rp)") head a budget table ("No | Program | Anggaran"): labels only. A row of
    targets whose indicator names a programme and whose perspective is "Anggaran" holds a value."""
    text = " ".join(w.text for ln in lines for w in ln.words)
    return bool(_OTHER_TABLE.match(text)) and not any(
        whole_value(_text(p)) for ln in lines for p in _phrases(ln, settings))


def _numbered_header(line: VisualLine, settings: Settings = SETTINGS) -> bool:
    """The line heads a table of its own (:func:`unruled.numbered_header`: "NO | ASPEK PERILAKU |
    NILAI" under an SKP's table of work)."""
    return numbered_header([_text(p) for p in _phrases(line, settings)])


def _labels_only(lines: Sequence[VisualLine], settings: Settings = SETTINGS) -> bool:
    """Every phrase of the lines names a column, or is a word or two ("(Rp)"): no name of an
    indicator that happens to say "anggaran" and "program"."""
    return all(role_of(t) is not None or len(t.split()) <= 2
               for ln in lines for t in (_text(p) for p in _phrases(ln, settings)))


# --- 1. the header -------------------------------------------------------------------------------


@dataclass
class Label(Span):
    """One column label: its words (over one or more lines) and the labels it stands over."""

    words: list[Word]
    children: list[Label] = field(default_factory=list)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        rows: list[list[Word]] = []
        for w in sorted(self.words, key=lambda w: (w.box.cy, w.box.x0)):
            if rows and abs(rows[-1][0].box.cy - w.box.cy) < 0.5 * w.box.height:
                rows[-1].append(w)
            else:
                rows.append([w])
        out = ""
        for r in rows:
            row = " ".join(w.text for w in sorted(r, key=lambda w: w.box.x0))
            # (a year broken by the cell's edge is one word again: "202" over "7")
            out = f"{out}{row}" if out and broken_year(out.rsplit(" ", 1)[-1], row.split(" ", 1)[0]) else f"{out} {row}".lstrip()
        return out


@dataclass
class Header:
    lines: list[VisualLine]
    columns: list[Label]  # the labels without children, left to right
    parents: list[Label]
    numbering: VisualLine | None = None  # "(1) (2) (3)" under the labels

    @property
    def y1(self) -> float:
        """The header's foot: its labels' last line, or the column numbering under them."""
        return max(ln.y1 for ln in [*self.lines, *([self.numbering] if self.numbering is not None else [])])

    @property
    def type_y1(self) -> float:
        """The same foot as a text layer gives it (:attr:`VisualLine.type_y1`)."""
        return max(ln.type_y1 for ln in [*self.lines, *([self.numbering] if self.numbering is not None else [])])

    def parent_of(self, column: Label) -> Label | None:
        return next((p for p in self.parents if column in p.children), None)

    def roles(self) -> list[str | None]:
        out = []
        for c in self.columns:
            parent = self.parent_of(c)
            out.append(role_of(c.text, parent.text) if parent else role_of(c.text))
        return out


def label_pieces(line: VisualLine, settings: Settings = SETTINGS) -> list[list[Word]]:
    """A line's words cut into the labels a header of this reader would take them for (:func:`_phrases`)."""
    return _phrases(line, settings)


def _phrases(line: VisualLine, settings: Settings = SETTINGS) -> list[list[Word]]:
    """A line's words cut into labels: where the gap is wider than a word space, and between two
    labels set close that each name a column where together they name none (``TW I TW II``).
    Computed once per line and settings (the lists given are not to be changed)."""
    key = ("phrases", settings)
    if key not in line.memo:
        line.memo[key] = _cut_phrases(line, settings)
    return line.memo[key]


def _cut_phrases(line: VisualLine, settings: Settings) -> list[list[Word]]:
    ws = sorted(line.words, key=lambda w: w.box.x0)
    h = line.height
    out: list[list[Word]] = [[ws[0]]]
    for prev, w in zip(ws, ws[1:], strict=False):
        if w.box.x0 - prev.box.x1 > settings.label_gap * h or _UP_TO.match(w.text):
            out.append([w])  # (a label starts at "s.d.": labels set touching, "Triwulan s.d. TW", part there)
        else:
            out[-1].append(w)
    # the line's word space: the median of its gaps narrower than a label gap (two at least to tell it)
    spaces = sorted(g for prev, w in zip(ws, ws[1:], strict=False) if 0 < (g := w.box.x0 - prev.box.x1) <= settings.label_gap * h)
    wide = settings.split_space * spaces[len(spaces) // 2] if len(spaces) >= 2 else float("inf")
    return [piece for group in _join_pieces(out, h, settings) for piece in _split_labels(group, wide)]


#: The columns that name what a row is about: a label of one of them after its column, set close to the
#: label before it, says whose that label is (_join_pieces)
_NAMING = frozenset({"sasaran", "indicator"})


def _join_pieces(pieces: list[list[Word]], h: float, settings: Settings) -> list[list[Word]]:
    """Pieces of a line set within :attr:`Settings.label_join_gap` of each other are one label when
    each piece after the first names no column alone and together they name one, the first naming
    none ("Smt." "1"; "RENCANA" "HASIL" "KERJA"); a last piece that names a column joins pieces that
    name none when together they name one no label before them names ("Triwulan" "I"; not "TW" "I"
    after "TW I", where a numeral was lost). The longest such run is taken.

    OCR boxes hug the ink, and a line of capitals is measured by their height alone: word spaces come
    out 0.55 h wide on the scans, past :attr:`Settings.label_gap`. So read words are one label too
    when they name what the first names ("INDIKATOR" "KINERJA" "INDIVIDU", "Sasaran" "Program",
    "Target" "2022"), and read capitals naming nothing like the first (the parent "HASIL" "KERJA"),
    and a read word naming what a row is about (its sasaran or indicator, :data:`_NAMING`) whose column a
    label before names already, when with the piece before it it names that piece's column: the label
    says whose it is ("Indikator" "Sasaran" after the Sasaran column, "Target" "IKU" after the IKU's), no
    second Sasaran column; a value's label repeated is no such sign ("Indikator" | "Target" | "Realisasi"
    twice, column groups set tight);
    a text layer's word spaces need no such join ("Sasaran" "Program" set apart there are two columns)."""
    out: list[list[Word]] = []
    seen: set[str] = set()  # the columns the labels before name
    i = 0
    while i < len(pieces):
        run, best = pieces[i], i
        first = role_of(_text(run))
        read, caps = _read(run), _caps(run)
        for j in range(i + 1, len(pieces)):
            if pieces[j][0].box.x0 - pieces[j - 1][-1].box.x1 > settings.label_join_gap * h:
                break
            run = run + pieces[j]
            role = role_of(_text(run))
            named = role_of(_text(pieces[j]))
            if named is not None:  # a piece naming a column ends the run
                if first is None and role not in (None, *seen):
                    best = j  # ... joined to pieces naming none: "Triwulan" "I", "s.d." "TW" "III"
                elif read and _read(pieces[j]) and len(pieces[j]) == 1 and named in _NAMING and named in seen and role == first:
                    best = j  # read words: "Indikator" "Sasaran" after the Sasaran column, "Target" "IKU" after the IKU's
                break
            read, caps = read and _read(pieces[j]), caps and _caps(pieces[j])
            same = (role or "").partition("@")[0] == (first or "")  # the first's column (for a year: "Target" "2022")
            if (first is None and role is not None) or (read and same and (first is not None or caps)):
                best = j
        if best == i and _UP_TO.match(_text(pieces[i])) and i + 1 < len(pieces) \
                and pieces[i + 1][0].box.x0 - pieces[i][-1].box.x1 <= settings.label_join_gap * h:
            best = i + 1  # "s.d." is no label alone: "s.d." "TW" whose numeral wrapped onto the next line
        out.append([w for piece in pieces[i : best + 1] for w in piece])
        seen.add(role_of(_text(out[-1])) or "")
        i = best + 1
    return out


def _caps(words: list[Word]) -> bool:
    """Words in capitals only, two letters or more each (``HASIL KERJA``; not ``A.``, ``I``, ``TW1``)."""
    return all(len(w.text) >= 2 and w.text.isalpha() and w.text.isupper() for w in words)


def _read(words: list[Word]) -> bool:
    """Words OCR read (with a confidence), not a text layer's."""
    return all(w.conf is not None for w in words)


def _split_labels(words: list[Word], wide: float = float("inf")) -> list[list[Word]]:
    """``TW I TW II`` → ``TW I`` | ``TW II``: cut a phrase that names no column into the fewest
    pieces that each name a period; or, failing that, into pieces that each name a column, cut only
    where the words stand at least ``wide`` apart (labels of cells without padding: ``TARGET
    REALISASI`` → ``TARGET`` | ``REALISASI``). A phrase that names a column stays whole; other
    labels set a word space apart are one label: ``Target Kinerja Sasaran``.

    >>> ws = [Word(t, Box(x, 0, x + 27, 7.5)) for t, x in [("TARGET", 0), ("REALISASI", 30)]]
    >>> [_text(p) for p in _split_labels(ws)], [_text(p) for p in _split_labels(ws, wide=2.5)]
    (['TARGET REALISASI'], ['TARGET', 'REALISASI'])
    """
    text = _text(words)
    if len(words) < 2 or len(words) > 24 or role_of(text) is not None:
        return [words]
    # only period labels are set so close ("TW I TW II", "III IV"); a period label is one to four words ("s.d. TW III")
    cuts = _fewest_pieces(words, _period_label, lambda k: True, longest=4)
    if not cuts:
        cuts = _fewest_pieces(words, lambda t: role_of(t) is not None, lambda k: words[k].box.x0 - words[k - 1].box.x1 >= wide)
    if not cuts:
        return [words]
    out, start = [], 0
    for end in cuts:
        out.append(words[start:end])
        start = end
    return out


def _fewest_pieces(words: list[Word], names: Callable[[str], bool], cut_at: Callable[[int], bool],
                   longest: int = 8) -> list[int] | None:
    """The ends of the fewest pieces (two at least, of up to ``longest`` words) that each satisfy
    ``names``, cut only before a word ``k`` where ``cut_at(k)``; None when there are none."""
    n = len(words)
    best: list[list[int] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - longest), end):
            if best[start] is None or (start > 0 and not cut_at(start)) or not names(_text(words[start:end])):
                continue
            candidate = [*best[start], end]
            if best[end] is None or len(candidate) < len(best[end]):
                best[end] = candidate
    cuts = best[n]
    return cuts if cuts and len(cuts) >= 2 else None


def broken_year(head: str, tail: str) -> bool:
    """``head`` and ``tail`` are one year broken by its cell's edge: a label's year set in a column
    too narrow for it goes on, digit by digit, on the next line (``202`` / ``7``).

    >>> broken_year("202", "7"), broken_year("20", "27"), broken_year("2024", "2025"), broken_year("Smt.", "1")
    (True, True, False, False)
    >>> broken_year("12", "34"), broken_year("202", "77"), broken_year("19", "45 hari")
    (False, False, False)
    """
    return 0 < len(head) < 4 and head.isdigit() and tail.isdigit() and bool(YEAR.match(head + tail))


def _year_head(k: int, texts: Sequence[str]) -> bool:
    """``texts[k]`` (a line's labels, left to right) is the start of a year that ends a run of years
    set before it, two at least, the line's last labels all years (``2024 2025 2026 202``, maybe after
    other labels: ``Kinerja 2024 2025 202``, a label's wrapped end): the head of a year label broken by
    its cell's edge (:func:`broken_year`). A number beside fewer years, or before them, is a value (a
    row's number beside its cells: ``2 | Tahun penetapan | Tahun | 2025``), and so is one of four digits.

    >>> _year_head(3, ["2024", "2025", "2026", "202"]), _year_head(3, ["Kinerja", "2024", "2025", "202"])
    (True, True)
    >>> _year_head(0, ["2", "Tahun", "2025"]), _year_head(0, ["20", "2025"]), _year_head(2, ["Tahun", "2025", "20"])
    (False, False, False)
    >>> _year_head(2, ["2024", "2025", "203"]), _year_head(2, ["2024", "2025", "2027"]), _year_head(2, ["2024", "2025", "20", "Satuan"])
    (False, False, False)
    """
    label = texts[k]
    if not (0 < len(label) < 4 and label.isdigit()) or not all(YEAR.match(t) for t in texts[k + 1:]):
        return False
    j = k
    while j > 0 and YEAR.match(texts[j - 1]):
        j -= 1
    return k - j >= 2 and any(t.startswith(label) for t in texts[j:k])


def _label_line(line: VisualLine) -> bool:
    """A line that may belong to a header: labels only (words, periods, years, roman numerals),
    no value and no long run of prose. Computed once per line."""
    if "label_line" not in line.memo:
        line.memo["label_line"] = _is_label_line(line)
    return line.memo["label_line"]


def _is_label_line(line: VisualLine) -> bool:
    texts = [_text(p) for p in _phrases(line)]
    if _numbering(line):
        return True
    for k, t in enumerate(texts):
        if role_of(t) is not None:
            continue
        tokens = t.split()
        if any(_DIGIT.search(tok) and not (YEAR.match(tok) or _ROMAN.match(tok) or (tok == t and _year_head(k, texts)))
               for tok in tokens):
            return False
        if len(tokens) > 6:
            return False
    return True


def _prose_under_labels(above: VisualLine, below: VisualLine, settings: Settings = SETTINGS) -> bool:
    """The first body line set tight under the header, not the labels wrapped: a phrase of three
    or more words, two of them lower-case words, naming no column under a label that already
    names one, or under none (``Indikator Sasaran``
    over ``Rasio belanja pegawai terhadap total``; a label's wrapped end is a word or two:
    ``Indikator Kinerja`` / ``Utama``)."""
    labels = _phrases(above, settings)
    for piece in _phrases(below, settings):
        text = _text(piece)
        lower = [w for w in piece if _LOWER_WORD.fullmatch(w.text) and w.text not in ("dan", "per", "dari", "atau")]
        if len(piece) < 3 or len(lower) < 2 or role_of(text) is not None:
            continue  # (labels are set in capitals, Title Case or a word or two: "Triwulan s.d. TW", "Target Tahun 2025")
        x0, x1 = piece[0].box.x0, piece[-1].box.x1
        over = [p for p in labels if min(p[-1].box.x1, x1) - max(p[0].box.x0, x0) > 0]
        if all(role_of(_text(p)) is not None for p in over):
            return True  # (under no label of that line at all: prose too, a label wraps under itself)
    return False


def title_over_labels(above: VisualLine, below: VisualLine, settings: Settings = SETTINGS) -> bool:
    """The table's title set tight over its row of labels (a header row spanning every column, its
    text centred: ``HASIL KERJA`` over ``NO | RENCANA HASIL KERJA | INDIKATOR KINERJA INDIVIDU | TARGET``),
    not the first line of the label it happens to stand over: one phrase of two words or more alone on
    its line, naming no column, centred over three labels or more (within ``title_centre`` of their
    width), the one under it naming a column that the two joined would not. ``Indikator`` over
    ``Kinerja Utama`` is a label wrapped (joined, they name the column); so is ``Pagu`` over a side
    column's ``Anggaran`` (not centred) and ``Rencana`` over the middle column's ``Kegiatan`` (centred
    like a title, but one word: a label wraps after a word, a title row names its part in two or more)."""
    top = _phrases(above, settings)
    pieces = _phrases(below, settings)
    if len(top) != 1 or len(top[0]) < 2 or len(pieces) < 3:
        return False
    title = _text(top[0])
    if role_of(title) is not None:
        return False
    x0, x1 = top[0][0].box.x0, top[0][-1].box.x1
    left, right = pieces[0][0].box.x0, pieces[-1][-1].box.x1
    if abs((x0 + x1) / 2 - (left + right) / 2) > settings.title_centre * (right - left):
        return False
    under = [_text(p) for p in pieces if min(p[-1].box.x1, x1) - max(p[0].box.x0, x0) > 0]
    return len(under) == 1 and role_of(under[0]) is not None and role_of(f"{title} {under[0]}") is None


def _with_wrapped_ends(line: VisualLine, nxt: VisualLine | None, settings: Settings = SETTINGS) -> list[str]:
    """The texts of a line's labels, each with the words set right under it on the next line
    (``nxt``) when that line is as close as a label's wrapped line (``Triwulan`` / ``II``)."""
    if nxt is not None and nxt.type_y0 - line.type_y1 >= settings.stack_gap * line.type_height:
        nxt = None
    out = []
    for piece in _phrases(line, settings):
        x0, x1 = piece[0].box.x0, piece[-1].box.x1
        under = [w for w in (nxt.words if nxt is not None else []) if min(w.box.x1, x1) - max(w.box.x0, x0) > 0]
        out.append(" ".join(w.text for w in [*piece, *sorted(under, key=lambda w: w.box.x0)]))
    return out


def _wrapped_numbers(above: VisualLine, below: VisualLine) -> bool:
    """A line of lone numbers, each the end of a period label wrapped over it (``Smt.`` / ``1``), or of a
    year broken by its cell's edge (``202`` / ``7``)."""
    if not below.words or not all(_DIGIT.fullmatch(w.text) for w in below.words):
        return False
    phrases = _phrases(above)
    for w in below.words:
        over = [p for p in phrases if min(p[-1].box.x1, w.box.x1) - max(p[0].box.x0, w.box.x0) > 0]
        if len(over) != 1 or (role_of(" ".join(x.text for x in over[0]) + " " + w.text) not in ANY_PERIOD_ROLES
                              and not broken_year(over[0][-1].text, w.text)):
            return False
    return True


def _numbering(line: VisualLine) -> bool:
    """``(1) (2) (3) …`` or ``1 2 3 …``: the row numbering the columns."""
    texts = [w.text for w in line.words]
    if len(texts) < 3 or not all(_NUMBERING.match(t) for t in texts):
        return False
    numbers = [int(t.strip("()")) for t in texts]
    return numbers == sorted(numbers) and numbers[0] <= 2


#: Labels that stand over others: the periods of a target, a realisation or a capaian, the
#: kegiatan and output of a trajectory, the months of a monthly plan.
_PARENT = re.compile(r"^(?:target|triwulan|tw|realisasi|capaian|trajectory|target\s+bulan|bulan|semester|baseline|kondisi\s+awal)\b", re.I)


def _period_label(text: str) -> bool:
    """A label of one period or one year (``TW II``, ``Smt. 1``, ``2023``), the kind set in a row under a parent."""
    return role_of(text) in ANY_PERIOD_ROLES or is_value_role(role_of(text, "Target"))


def _labels(lines: list[VisualLine], settings: Settings = SETTINGS,
            plain: Sequence[VisualLine] = ()) -> tuple[list[Label], list[Label]]:
    """Columns and parents of a header, bottom up. A piece of a label set over exactly one label
    below it is the same label wrapped (``TW`` over ``III``); a label such as ``Target`` or
    ``Realisasi`` set over two or more whose words it refines (periods, ``Kegiatan | Output``)
    is their parent — its reach is the run of labels below it, grown while the run stays
    centred under it. The labels of the ``plain`` lines are no parents: they stand beside the
    periods, centred between the parents and them (``Baseline`` merged over both rows)."""
    blocks: list[Label] = []  # labels built so far (from the lines below)
    parents: list[Label] = []
    plain_ids = {id(ln) for ln in plain}
    beside: set[int] = set()  # the labels of the plain lines: beside the periods, no parent's children
    for line in sorted(lines, key=lambda ln: -ln.y0):
        phrases = [q for p in _phrases(line, settings) if (q := [w for w in p if not _speck_mark(w)])]
        centres = [(p[0].box.x0 + p[-1].box.x1) / 2 for p in phrases]
        for k, words in enumerate(phrases):
            lo = (centres[k - 1] + centres[k]) / 2 if k else float("-inf")
            hi = (centres[k] + centres[k + 1]) / 2 if k + 1 < len(phrases) else float("inf")
            parent_like = bool(_PARENT.match(_text(words))) and id(line) not in plain_ids
            if parent_like:
                # a parent reaches over the labels under it up to its neighbours on the line, not
                # halfway to their centres: a wide "Target" beside a narrow "IKI" still holds "Q1"
                lo = phrases[k - 1][-1].box.x1 if k else lo
                hi = phrases[k + 1][0].box.x0 if k + 1 < len(phrases) else hi
            bottom = max(w.box.y1 for w in words)
            x0, x1 = min(w.box.x0 for w in words), max(w.box.x1 for w in words)
            text = _text(words)
            below = sorted((b for b in blocks if b.y0 >= bottom - 1 and lo <= b.cx < hi and _top_free(b, blocks)
                            and not (parent_like and id(b) in beside)), key=lambda b: b.cx)
            over = [b for b in below if min(b.x1, x1) - max(b.x0, x0) > 0]
            if not over and below and parent_like:  # centred between two labels: start from the two nearest
                cx = (x0 + x1) / 2
                over = sorted(below, key=lambda b: abs(b.cx - cx))[:2]
            groups = _split_over(words, over) if len(over) >= 2 else None
            run = _centred_run(_own(below, over, phrases, centres, k, blocks), over, (x0 + x1) / 2) \
                if parent_like and over and groups is None else []
            children = [b for b in run if role_of(b.text, text) is not None] if len(run) >= 2 else []
            if groups is not None:
                for block, group in zip(over, groups, strict=True):  # labels set close: "Triwulan s.d. TW" over "III", "III"
                    block.words.extend(group)
            elif len(children) >= 2 and len(children) >= len(run) - 1:
                parent = Label(list(words), [c for b in run for c in _leaves(b)])
                parents.append(parent)
                blocks = [b for b in blocks if b not in run] + [parent]
            elif len(over) == 1 and sum(1 for q in phrases if min(over[0].x1, q[-1].box.x1) - max(over[0].x0, q[0].box.x0) > 0) == 1:
                over[0].words.extend(words)  # the one piece over it: the same label, wrapped
            elif not (below and not over and _ocr_fragment(words)):
                blocks.append(Label(list(words)))
                if id(line) in plain_ids:
                    beside.add(id(blocks[-1]))
    columns = sorted((c for b in blocks for c in _leaves(b)), key=lambda c: c.cx)
    return columns, parents


#: What OCR reads a speck of the scan as: a mark no label is made of (``%``, ``/`` and brackets are)
_SPECK_MARKS = re.compile(r"^[_:;.,'\"`‘’“”~=+*°©|¦§»«\-—–]+$")


def _speck_mark(word: Word) -> bool:
    """An OCR word that is a speck read as a mark: no label, nor part of one (``_`` beside ``Target``
    kept it from being a parent; ``:`` beside ``SS/IKU``). Printed text is as printed."""
    return word.conf is not None and bool(_SPECK_MARKS.match(word.text))


def _ocr_fragment(words: list[Word]) -> bool:
    """One letter or figure read by OCR that names no column: a piece of a label the scan lost the rest
    of (seed 2 file 22: ``Target`` over the periods read ``T``). Set over the labels of a header but over
    none of them, it makes no column of its own."""
    return len(words) == 1 and words[0].conf is not None and sum(ch.isalnum() for ch in words[0].text) == 1 \
        and role_of(words[0].text) is None


def _split_over(words: list[Word], over: list[Label]) -> list[list[Word]] | None:
    """A phrase over two or more labels that is their tops set too close to part: each word goes
    to the label it stands most over, in order, and every label wrapped so names a column
    ("Triwulan" + "III", "s.d. TW" + "III"). None when that is not so (a parent, a title)."""
    groups: list[list[Word]] = [[] for _ in over]
    last = 0
    for w in sorted(words, key=lambda w: w.box.x0):
        k = max(range(len(over)), key=lambda n: (min(over[n].x1, w.box.x1) - max(over[n].x0, w.box.x0),
                                                 -abs(over[n].cx - w.box.cx)))
        if k < last:
            return None
        groups[k].append(w)
        last = k
    if any(not g for g in groups):
        return None
    texts = [" ".join(x.text for x in g) + " " + b.text for g, b in zip(groups, over, strict=True)]
    return groups if all(role_of(t) is not None for t in texts) else None


def _own(below: list[Label], over: list[Label], phrases: list[list[Word]], centres: list[float], k: int,
         blocks: list[Label]) -> list[Label]:
    """The labels a parent (phrase ``k`` of its line) may grow its run over: those it stands over, and
    those not claimed by another parent of the line (nearer its centre, while it stands over labels of
    its own). "Target" set over its year ("Target 2025" wrapped) does not take the first year of the
    "Realisasi" beside it; a wide "Target" beside a narrow "IKI" still takes the "Q1" nearer IKI's centre,
    and a "Realisasi" over four quarters between a "Target" and a "Capaian" with nothing under them still
    takes TW I and TW IV."""
    def stands_over(words: list[Word]) -> bool:
        x0, x1, y1 = words[0].box.x0, words[-1].box.x1, max(w.box.y1 for w in words)
        return any(b.y0 >= y1 - 1 and min(b.x1, x1) - max(b.x0, x0) > 0 for b in blocks)

    def claimed(b: Label) -> bool:
        j = min(range(len(centres)), key=lambda n: abs(centres[n] - b.cx))
        return j != k and bool(_PARENT.match(_text(phrases[j]))) and stands_over(phrases[j])

    return [b for b in below if b in over or not claimed(b)]


def _centred_run(below: list[Label], over: list[Label], cx: float) -> list[Label]:
    """The labels under a spanning label: those it overlaps, grown to both sides together or to one
    side (the widest run that fits) while the run's centre stays within half a column of its. The
    run is one row of labels: a label standing higher or lower than those it overlaps (``Satuan`` set
    beside the years, between ``Baseline`` and them) is none of its children, nor counted in the pitch."""
    top, foot = min(b.y0 for b in over), max(b.y1 for b in over)
    below = [b for b in below if b in over or min(b.y1, foot) - max(b.y0, top) >= 0.5 * min(b.y1 - b.y0, foot - top)]
    idx = [below.index(b) for b in over]
    lo, hi = min(idx), max(idx)
    pitch = [b.cx - a.cx for a, b in zip(below, below[1:], strict=False)]
    tol = 0.5 * statistics.median(pitch) if pitch else 0.0  # half a column: labels are centred on uneven columns

    def off(a: int, b: int) -> float:
        return abs((below[a].x0 + below[b].x1) / 2 - cx)

    while True:
        options = []
        if lo > 0 and hi + 1 < len(below):
            options.append((off(lo - 1, hi + 1), lo - 1, hi + 1))
        if lo > 0:
            options.append((off(lo - 1, hi), lo - 1, hi))
        if hi + 1 < len(below):
            options.append((off(lo, hi + 1), lo, hi + 1))
        fitting = [o for o in options if o[0] <= tol]
        if not fitting:
            return below[lo : hi + 1]
        _, lo, hi = max(fitting, key=lambda o: (o[2] - o[1], -o[0]))


def _leaves(label: Label) -> list[Label]:
    return [c for child in label.children for c in _leaves(child)] if label.children else [label]


def _top_free(block: Label, blocks: list[Label]) -> bool:
    """No other label stands between this one and the line above (it is the top of its column)."""
    return not any(o is not block and o.y1 <= block.y0 + 1 and min(o.x1, block.x1) - max(o.x0, block.x0) > 0 for o in blocks)


def _near(block: Label, x0: float, x1: float) -> bool:
    """A label piece stands over this block: they overlap, or their centres are close."""
    overlap = min(block.x1, x1) - max(block.x0, x0)
    return overlap > 0 or abs(block.cx - (x0 + x1) / 2) <= max(block.x1 - block.x0, x1 - x0)


def header_at(lines: list[VisualLine], i: int, settings: Settings = SETTINGS,
              rules: Sequence[Box] = (), cache: dict | None = None) -> tuple[Header, int] | None:
    """The header whose lines include ``lines[i]``, and the index of the first line after it;
    None when the lines there name no indicator (or programme) column. A horizontal rule across
    both of two lines (``header_rule_span`` of them) stands between two rows, never inside a header:
    the rule over a header keeps the identity block above it ("Unit / Kerja") out of its labels.
    ``cache``: the answers given already for these same ``lines`` (one page's, kept while its
    ``settings`` and ``rules`` live; the table search asks again for each line of a body), and the
    spans of lines found to make no header (:func:`_header_of_or_none`)."""
    if not _label_line(lines[i]):
        return None
    if cache is None:
        return _header_at(lines, i, settings, rules)
    key = (i, id(settings), id(rules))  # (by identity: hashing the page's rules on every ask is the cost saved)
    if key not in cache:
        cache[key] = _header_at(lines, i, settings, rules, cache)
    return cache[key]


def _middle(line: VisualLine) -> float:
    """Where a line's words are centred: the median of their middles (computed once per line)."""
    middle = line.memo.get("middle")
    if middle is None:
        middle = line.memo["middle"] = statistics.median((w.box.y0 + w.box.y1) / 2 for w in line.words)
    return middle


def _centred_between(top: VisualLine, middle: Sequence[VisualLine], below: Sequence[VisualLine],
                     settings: Settings = SETTINGS) -> int:
    """A header of two rows whose single labels are set centred between them (merged cells, middle
    aligned): the parents (``Kondisi Awal``, ``Target``) stand on the line over those labels, their
    years or periods on the line under (``below[0]``, each wrapped onto ``below[1]`` when that line
    stands as close as a label's wrapped line and holds only their ends: ``Tahun`` / ``2023``), and
    no label of the middle stands over or under either. Set loosely, the three rows are a header
    row's padding apart, and the middle one starts in the first column, as a table's first row would:
    the parents over it and the periods under it, beside its labels and never under them, tell the
    header's middle from a body row under a header. The number of lines under the middle that are
    the header's (0: none, this is no such header)."""
    tops = _phrases(top, settings)
    if not all(_PARENT.match(_text(p)) for p in tops):
        return 0  # (the most telling test first: the header is asked of every line that may start one)
    bottom = below[0]
    h = statistics.median(ln.type_height for ln in (top, *middle, bottom))
    if middle[0].type_y0 - top.type_y1 >= settings.header_gap * h or bottom.type_y0 - middle[-1].type_y1 >= settings.header_gap * h:
        return 0
    pieces = _phrases(bottom, settings)
    extents = [(p[0].box.x0, p[-1].box.x1) for p in pieces]
    readings = [([_text(p) for p in pieces], 1)]
    nxt = below[1] if len(below) > 1 else None
    if nxt is not None and nxt.type_y0 - bottom.type_y1 < settings.header_gap * h and all(
            any(min(w.box.x1, b) - max(w.box.x0, a) > 0 for a, b in extents) for w in nxt.words):
        # (a label's wrapped end set as loosely as a header row, as _wrapped_numbers allows)
        ends = [" ".join(w.text for w in sorted((w for w in nxt.words if min(w.box.x1, b) - max(w.box.x0, a) > 0),
                                                key=lambda w: w.box.x0)) for a, b in extents]
        readings.insert(0, ([f"{t} {e}".strip() for t, e in zip(readings[0][0], ends, strict=True)], 2))
    parents = [(p[0].box.x0, p[-1].box.x1) for p in tops]
    lines_under = next((n for texts, n in readings if len(texts) >= 2 and all(map(_period_label, texts))), 0)
    if not lines_under:
        return 0
    left, right = min(a for a, _ in extents), max(b for _, b in extents)
    if not all(left - h <= (a + b) / 2 <= right + h for a, b in parents):
        return 0  # (the parents stand over the periods' run: a short "Target" centred over three years)
    own = [(p[0].box.x0, p[-1].box.x1) for ln in middle for p in _phrases(ln, settings)]
    if any(min(b, d) - max(a, c) > 0 for a, b in own for c, d in [*parents, *extents]):
        return 0
    if any(_among_periods((a + b) / 2, extents, parents) for a, b in own):
        return 0  # (a label among one parent's periods is one of them wrapped, "Smt." over its "1", not beside them)
    return lines_under


def _among_periods(x: float, periods: Sequence[tuple[float, float]], parents: Sequence[tuple[float, float]]) -> bool:
    """``x`` stands between two periods of one parent's run, not between two parents' runs (``Satuan``
    between the ``Realisasi`` years and the ``Target`` years). The runs part at the widest gap between two
    periods that lies between two neighbouring parents' centres (a parent stands over the middle of its
    run, so the first year of a long run may stand nearer a short run's parent than its own).

    >>> years = [(0, 20), (30, 50), (100, 120), (130, 150)]
    >>> _among_periods(25, years, [(10, 40)]), _among_periods(75, years, [(10, 40), (110, 140)])
    (True, False)
    >>> _among_periods(25, years, [(10, 40), (110, 140)]), _among_periods(160, years, [(10, 40)])
    (True, False)
    >>> one_then_five = [(0, 20)] + [(60 + 30 * k, 80 + 30 * k) for k in range(5)]  # Realisasi 1 year, Target 5
    >>> _among_periods(40, one_then_five, [(-5, 25), (115, 145)]), _among_periods(85, one_then_five, [(-5, 25), (115, 145)])
    (False, True)
    """
    ordered = sorted(periods)
    k = next((n for n in range(len(ordered) - 1) if ordered[n][1] <= x <= ordered[n + 1][0]), None)
    if k is None:
        return False  # (before, after or over the periods)
    gaps = [(before[1], after[0]) for before, after in itertools.pairwise(ordered)]
    centres = sorted((a + b) / 2 for a, b in parents)
    for lo, hi in itertools.pairwise(centres):
        between = [n for n, (a, b) in enumerate(gaps) if lo < (a + b) / 2 < hi]
        if between and k == max(between, key=lambda n: gaps[n][1] - gaps[n][0]):
            return False
    return True


def _header_at(lines: list[VisualLine], i: int, settings: Settings, rules: Sequence[Box],
               cache: dict | None = None) -> tuple[Header, int] | None:
    h = lines[i].type_height  # (gaps in a text layer's word heights: render.type_extent)

    def ruled_apart(above: VisualLine, below: VisualLine) -> bool:
        x0, x1 = min(above.x0, below.x0), max(above.x1, below.x1)
        # (between the lines' middles, not their extremes: a scan's letters sit on the rule under
        # them, and one OCR box drawn round a numeral and a speck reaches past it)
        upper, lower = _middle(above), _middle(below)
        return any(upper < (r.y0 + r.y1) / 2 < lower
                   and min(r.x1, x1) - max(r.x0, x0) >= settings.header_rule_span * (x1 - x0) for r in rules)

    def joins(k: int, context: Sequence[VisualLine] = ()) -> bool:
        """``lines[k - 1]`` and ``lines[k]`` are two lines of one header: a label wrapped (set as
        close as a cell's lines), or a row of labels — most of its pieces naming a column — a
        header row's padding away. ``context``: the header's lines over the upper one (the Target
        over a period row may stand there, over a label's wrapped end)."""
        above, below = lines[k - 1], lines[k]
        if ruled_apart(above, below):
            return False
        gap = below.type_y0 - above.type_y1
        # (a line of lone digits each ending the period label over it — "Smt." / "1" — is that label's
        # wrapped end even set as loosely as a header row: measured 0.6 h in a very loose generated layout)
        if gap < settings.header_gap * h and _label_line(above) and _wrapped_numbers(above, below):
            return True
        if not (_label_line(above) and _label_line(below)) or _numbering(above) or _numbering(below):
            return False
        if gap < settings.stack_gap * h:
            return not _prose_under_labels(above, below, settings) and not title_over_labels(above, below, settings)
        # a row of labels under a parent never starts in the first column: a row that does is the
        # table's first row (a "Sasaran Strategis" heading), not part of its header
        first = min(w.box.x1 for w in above.words)
        if below.x0 < first:
            return False
        pieces = [_text(p) for p in _phrases(below, settings)]
        named = [role_of(t) is not None for t in pieces]
        if gap < settings.header_gap * h and sum(named) >= len(named) / 2:
            return True
        # a row of period labels under a Target (Triwulan …) label, however loosely the header is set
        parent = any(_PARENT.match(_text(p)) for ln in (*context, above) for p in _phrases(ln, settings))
        # (most of them: one may be wrapped onto the line below, "s.d. TW" over "III"; those
        # whose number went on to the next line count with it: "Triwulan" over "II")
        periods = sum(1 for t in _with_wrapped_ends(below, lines[k + 1] if k + 1 < len(lines) else None, settings)
                      if _period_label(t))
        return parent and periods >= 2 and periods >= len(pieces) - 1 and gap < settings.period_row_gap * h

    start = i
    while start > 0 and i - start < settings.max_header_lines and joins(start):
        start -= 1
    end = i + 1
    while end < len(lines) and end - start < settings.max_header_lines and joins(end, lines[start:end - 1]):
        end += 1
    found = _header_of_or_none(cache, lines, start, end, h, settings)
    for cut in range(end, start, -1) if start > 0 else ():
        # the lines found may be the middle of a header whose labels are centred between a line of parents
        # and one of their periods (the periods' first line may have joined the middle's): found or not
        # (a middle that starts in the first column does not join the parents' line over it, and its
        # "Baseline" beside the years took them as a parent does)
        under = _centred_between(lines[start - 1], lines[start:cut], lines[cut:cut + 2], settings) if cut < len(lines) else 0
        if under and end <= cut + under and cut + under - start + 1 <= settings.max_header_lines:
            centred = _header_of_or_none(cache, lines, start - 1, cut + under, h, settings, middle=lines[start:cut])
            return centred if centred is not None else found
    return found


def _header_of_or_none(cache: dict | None, lines: list[VisualLine], start: int, end: int, h: float, settings: Settings,
                       middle: Sequence[VisualLine] = ()) -> tuple[Header, int] | None:
    """:func:`_header_of`, remembering in ``cache`` (:func:`header_at`'s) the spans of lines that make no
    header: the lines of one header each find the same span, and most spans asked make none (2,630 of
    2,711 on 20 of the built PDFs when this cache came, 786 of them asked before). A header found is
    made anew each time."""
    if cache is None:
        return _header_of(lines, start, end, h, settings, middle)
    key = ("no header", start, end, h, id(settings), tuple(map(id, middle)))
    if key in cache:
        return None
    found = _header_of(lines, start, end, h, settings, middle)
    if found is None:
        cache[key] = None
    return found


def _header_of(lines: list[VisualLine], start: int, end: int, h: float, settings: Settings,
               middle: Sequence[VisualLine] = ()) -> tuple[Header, int] | None:
    """The header of ``lines[start:end]`` (``middle``: its lines of labels centred between the parents and
    their periods, :func:`_centred_between`), and the index of the first line after it and its column
    numbering; None when its columns are not those of a table of targets."""
    head = lines[start:end]
    numbering = lines[end] if end < len(lines) and _numbering(lines[end]) and lines[end].type_y0 - lines[end - 1].type_y1 < 4 * h else None
    columns, parents = _labels(head, settings, plain=middle)
    if numbering is not None:
        columns = _split_by_numbering(columns, parents, numbering)
    texts = [c.text for c in columns]
    roles = Header(head, columns, parents).roles()
    if len(columns) < 3 or not ("indicator" in roles or "mixed" in roles) or not is_header_row(texts):
        return None  # a budget table, a party table: the text reader reads those from their lines
    if not any(is_value_role(r) or (r or "").startswith(("realisasi", "capaian")) or r in ("output", "biaya") for r in roles):
        return None  # a table of targets, measures or actions has value columns; without them it is another kind
    header = Header(head, columns, parents, numbering)
    return header, end + (1 if numbering else 0)


def _split_by_numbering(columns: list[Label], parents: list[Label], numbering: VisualLine) -> list[Label]:
    """A label standing over two or more numbers of the column numbering under the header is that many
    labels set touching (``No Sasaran Program`` over ``(1)`` and ``(2)``, cells without padding): its words
    go to the number each stands nearest, where every piece gets words and names a column. The numbering
    counts the columns; a label under a parent is left as it is, and so is one that names a column whole
    (``Sasaran Kegiatan`` merged over two numbered columns: ``Sasaran`` and ``Kegiatan`` each name one too).

    >>> def label(*words):  # (text, x0, x1) on one line
    ...     return Label([Word(t, Box(a, 100, b, 108)) for t, a, b in words])
    >>> numbering = VisualLine([Word(f"({n})", Box(x - 4, 120, x + 4, 128)) for n, x in enumerate((30, 90, 200), 1)])
    >>> [c.text for c in _split_by_numbering([label(("No", 20, 36), ("Sasaran", 44, 80), ("Program", 83, 120)),
    ...                                        label(("Indikator", 170, 200), ("Kinerja", 203, 230))], [], numbering)]
    ['No', 'Sasaran Program', 'Indikator Kinerja']
    >>> [c.text for c in _split_by_numbering([label(("Sasaran", 20, 60), ("Kegiatan", 64, 110)),
    ...                                        label(("Indikator", 170, 200), ("Kinerja", 203, 230))], [], numbering)]
    ['Sasaran Kegiatan', 'Indikator Kinerja']
    """
    numbers = sorted(w.box.cx for w in numbering.words)
    if len(numbers) <= len(columns):
        return columns
    out: list[Label] = []
    for col in columns:
        inside = [x for x in numbers if col.x0 <= x <= col.x1]
        if len(inside) < 2 or any(col in p.children for p in parents) or role_of(col.text) is not None:
            out.append(col)
            continue
        groups: list[list[Word]] = [[] for _ in inside]
        for w in col.words:
            groups[min(range(len(inside)), key=lambda k: abs(inside[k] - w.box.cx))].append(w)
        pieces = [Label(g) for g in groups if g]
        if len(pieces) == len(inside) and all(role_of(p.text) is not None for p in pieces):
            out.extend(pieces)
        else:
            out.append(col)
    return out


# --- 2. columns ------------------------------------------------------------------------------------


def boundaries(columns: Sequence[Label], body: Sequence[VisualLine], numbering: VisualLine | None = None,
               settings: Settings = SETTINGS) -> list[float]:
    """One x between each pair of neighbouring columns, between the two labels' centres (or the
    numbers of a column-numbering row): where the fewest body rows have a phrase across it (a
    line of one phrase — a heading over the row, a wrapped line of a name — does not count);
    among equals at the left edge many phrases share (a left-aligned column), then — in a body of one
    row of phrases, where the left column's cell stands over its label's centre (or its number's) —
    right after that cell when the gap there parts two cells (``settings.cell_gap``): the phrases
    after it are the next column's, however wide the gap before the next label (a sasaran's name,
    then the indicator's name left-aligned under a centred label); then in the widest whitespace,
    then nearest to halfway."""
    rows = [phrase_extents(ln.words) for ln in body]
    spans = [s for r in rows if len(r) >= 2 for s in r]
    single = [r[0] for r in rows if len(r) == 1]
    starts: dict[int, int] = {}
    for r in rows:
        for a, _ in r:
            starts[round(a)] = starts.get(round(a), 0) + 1
    firsts = sorted(a for r in rows for a, _ in r)
    one_row = sum(1 for r in rows if len(r) >= 2) == 1  # (rows alike share their gaps: the widest is the columns')
    apart = settings.cell_gap * statistics.median(ln.type_height for ln in body) if one_row else 0.0
    need = max(3, 0.25 * len(body))
    out: list[float] = []
    numbers = sorted(numbering.words, key=lambda w: w.box.x0) if numbering is not None else []
    for n, (a, b) in enumerate(zip(columns, columns[1:], strict=False)):
        lo, hi = a.cx, b.cx
        if len(numbers) == len(columns):  # "(1) (2) …" stands in the columns: between two numbers' centres
            lo, hi = numbers[n].box.cx, numbers[n + 1].box.cx
        target = (a.x1 + b.x0) / 2
        xs = sorted({lo, hi, *(x for s in spans for x in s if lo < x < hi)})
        filled = {end for start, end in spans if start < lo < end < hi} if one_row else set()  # the left cell, over its centre
        best = None
        for x0, x1 in zip(xs, xs[1:], strict=False):
            mid = (x0 + x1) / 2
            crossed = sum(1 for s in spans if s[0] < mid < s[1])
            aligned = sum(starts.get(round(x1) + d, 0) for d in (-1, 0, 1)) >= need
            parted = x0 in filled and x1 - x0 >= apart  # (right after the left column's cell, a cells' gap away)
            key = (crossed, not aligned, not parted, -(x1 - x0), abs(mid - target))
            if best is None or key < best[0]:
                best = (key, _aligned_cut(x0, x1, firsts) if aligned else _gap_cut(x0, x1, single))
        out.append(best[1] if best else target)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1])
    return out


def _aligned_cut(x0: float, x1: float, firsts: Sequence[float]) -> float:
    """The cut before a left-aligned column starting at about ``x1``: left of every phrase
    counted as starting there (rounded to the point, one point either side), so no first
    letter set a fraction further left (``J`` of ``Jumlah``) falls into the column before."""
    group = [a for a in firsts if abs(round(a) - round(x1)) <= 1]
    return max(x0, min(group, default=x1) - 0.5)


def _gap_cut(x0: float, x1: float, single: Sequence[tuple[float, float]]) -> float:
    """The middle of the whitespace ``x0 .. x1`` between two columns, narrowed by the lines of
    one phrase (a name's wrapped line, not counted when the gap was chosen): one that ends in the
    gap widens the column on its left (``eselon I`` reaching past the other rows' names), one
    that starts in it the column on its right; a line across the whole gap tells nothing."""
    lo, hi = x0, x1
    for a, b in single:
        if a <= x0 + 1 and x0 < b < x1:
            lo = max(lo, b)
        elif x0 < a < x1 and b >= x1 - 1:
            hi = min(hi, a)
    return (lo + hi) / 2 if lo < hi else (x0 + x1) / 2


def _column(x: float, bounds: Sequence[float]) -> int:
    return sum(1 for b in bounds if x > b)


def _word_column(w: Word, bounds: Sequence[float]) -> int:
    """A word's column: the one holding most of it."""
    edges = [float("-inf"), *bounds, float("inf")]
    best, share = 0, -1.0
    for c in range(len(edges) - 1):
        overlap = min(w.box.x1, edges[c + 1]) - max(w.box.x0, edges[c])
        if overlap > share:
            best, share = c, overlap
    return best


def _word_columns(line: VisualLine, bounds: Sequence[float]) -> list[int]:
    """The column of each of the line's words (:func:`_word_column`), in their order; once per line and bounds
    (a table's columns ask it of every line, one column after another)."""
    key = ("word columns", tuple(bounds))
    if key not in line.memo:
        line.memo[key] = [_word_column(w, bounds) for w in line.words]
    return line.memo[key]


# --- 3. the body -----------------------------------------------------------------------------------


def body_lines(lines: list[VisualLine], k: int, header: Header, settings: Settings = SETTINGS,
               *, top: bool = False, rules: Sequence[Box] = (), cache: dict | None = None, row_gap: float = 0.0) -> list[VisualLine]:
    """The table's lines from ``lines[k]`` on (``top``: at the top of a page, going on from the
    table on the page before, whose header stands there, and whose first row stood ``row_gap``
    under it; ``cache``: :func:`header_at`'s)."""
    h = statistics.median(ln.type_height for ln in header.lines)  # (gaps in a text layer's word heights)
    left, right = min(c.x0 for c in header.columns), max(c.x1 for c in header.columns)
    width = right - left
    body: list[VisualLine] = []
    widest, first = 0.0, row_gap
    while k < len(lines):
        ln = lines[k]
        gap = ln.type_y0 - (body[-1].type_y1 if body else header.type_y1)
        if not body and gap > settings.first_gap * h and not top:
            break
        if body and gap > max(settings.end_gap * h, 2.2 * widest, settings.first_row_gap * min(first, settings.end_gap * h)):
            break
        text = _text(ln.words)
        if _SIGNATURE.search(text) or _place_date(text) or any(_place_date(_text(p)) for p in _phrases(ln, settings)) \
                or (_read(ln.words) and any(_place_date(seg.text) for seg in ln.segments)):
            break  # (the place and date may stand beside the other party's title: one phrase of the line, or one part
            # of an OCR line, whose word spaces part its phrases: "Samarinda," "Maret" "2020")
        if body and _CAPTION.match(text):
            break
        close = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].type_y0 - ln.type_y1 < settings.stack_gap * h else None
        if body and (header_at(lines, k, settings, rules, cache) is not None or _other_table([ln], settings) or _numbered_header(ln, settings)
                     or (close is not None and _other_table([ln, close], settings) and _labels_only([ln, close], settings))):
            break
        if ln.x1 < left - 0.1 * width or ln.x0 > right + 0.1 * width:
            break
        if body:
            widest = max(widest, gap)
        elif not top:
            first = gap
        body.append(ln)
        k += 1
    return body


def _place_date(text: str) -> bool:
    pd = parse_place_date(text)
    return pd is not None and pd[0] is not None and pd[1] is not None


# --- 4. rows -----------------------------------------------------------------------------------------


@dataclass
class Row:
    y0: float
    y1: float
    lines: list[VisualLine] = field(default_factory=list)
    heading: bool = False  # a heading across the table (a sasaran over its indicators): its text, whole
    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def separators(rules: Sequence[Box], fills: Sequence[Box], x0: float, x1: float, y0: float, y1: float,
               settings: Settings = SETTINGS, column: tuple[float, float] | None = None) -> list[float]:
    """The ys of the horizontal rules and band edges that cut the table's rows: inside its
    vertical extent, across at least ``rule_span`` of its width. With ``column`` (its x-range),
    only the rules that cross most of that column: a cell merged down over rows has no rule
    through it (the rule under a row stops at the merged Rencana Hasil Kerja beside it)."""
    width = max(x1 - x0, 1.0)
    ys: list[float] = []
    for boxes, edges in ((rules, lambda b: ((b.y0 + b.y1) / 2,)), (fills, lambda b: (b.y0, b.y1))):
        for box in boxes:
            if min(box.x1, x1) - max(box.x0, x0) < settings.rule_span * width:
                continue
            if column is not None and boxes is rules and \
                    min(box.x1, column[1]) - max(box.x0, column[0]) < settings.rule_column_span * (column[1] - column[0]):
                continue
            ys.extend(y for y in edges(box) if y0 < y < y1)
    merged: list[float] = []
    for y in sorted(ys):
        if merged and y - merged[-1] < 1.5:
            continue
        merged.append(y)
    return merged


def value_columns(body: Sequence[VisualLine], roles: Sequence[str | None], bounds: Sequence[float]) -> set[int]:
    """Columns of values: a target period, a measure, an amount (by the label), or holding whole
    values on most of the lines where they hold anything."""
    out = {c for c, r in enumerate(roles) if r is not None and (is_value_role(r) or r.startswith(("realisasi", "capaian"))
                                                                  or r in ("anggaran", "biaya"))}
    by_column = [_texts_by_column(ln, bounds) for ln in body]
    for c in range(len(roles)):
        if roles[c] in ("no", "code", "mixed"):
            continue  # row numbers and codes are no values
        texts = [t[c] for t in by_column if t.get(c)]
        if len(texts) >= 2 and sum(whole_value(t) for t in texts) >= 0.7 * len(texts):
            out.add(c)
    return out


def _text_in(line: VisualLine, bounds: Sequence[float], c: int) -> str:
    return _texts_by_column(line, bounds).get(c, "")


def _texts_by_column(line: VisualLine, bounds: Sequence[float]) -> dict[int, str]:
    """The line's text in each column it reaches (its words left to right); once per line and bounds."""
    key = ("columns", tuple(bounds))
    if key not in line.memo:
        out: dict[int, list[str]] = {}
        for w, c in sorted(zip(line.words, _word_columns(line, bounds), strict=True), key=lambda wc: wc[0].box.x0):
            out.setdefault(c, []).append(w.text)
        line.memo[key] = {c: " ".join(ts) for c, ts in out.items()}
    return line.memo[key]


def headings(body: list[VisualLine], values: set[int], bounds: Sequence[float], settings: Settings = SETTINGS,
             *, numbered: bool = False) -> list[Row]:
    """Lines set across the table as one phrase from its first column over others, with no value
    in the columns of values: a heading over the rows under it (a sasaran printed as a band). A
    heading wrapped onto the next line (set as close as one cell's lines, one phrase, no value
    either) goes on. ``numbered``: the first column holds the row numbers, so words standing
    alone in it are a heading too (``Sasaran`` / ``Khusus`` set in the narrow number column)."""
    out: list[Row] = []
    for ln in body:
        phrases = _phrases(ln, settings)
        if len(phrases) != 1 or any(whole_value(_text_in(ln, bounds, c)) for c in values):
            continue
        across = bool(bounds) and ln.x0 < bounds[0] < ln.x1  # from the first column over the next
        across = across or (numbered and bool(bounds) and ln.x1 <= bounds[0] and bool(_WORD_OF_3.search(_text(ln.words))))
        follows = (bool(out) and out[-1].lines[-1] is _previous(body, ln)
                   and ln.type_y0 - out[-1].lines[-1].type_y1 < settings.stack_gap * ln.type_height)
        if follows:  # a heading's wrapped line is set as its first: from the same left edge, or centred the same
            head = out[-1].lines[0]
            follows = abs(ln.x0 - head.x0) < 0.5 * ln.height or abs((ln.x0 + ln.x1) - (head.x0 + head.x1)) < ln.height
        if follows:
            out[-1].lines.append(ln)
            out[-1].y1 = ln.y1
        elif across:
            out.append(Row(ln.y0, ln.y1, [ln], heading=True))
    return out


def _previous(body: list[VisualLine], ln: VisualLine) -> VisualLine | None:
    k = body.index(ln)
    return body[k - 1] if k else None


def row_spans(body: list[VisualLine], cuts: Sequence[float], values: set[int], bounds: Sequence[float],
              key: int | None = None, settings: Settings = SETTINGS) -> list[Row]:
    """The table's rows: between the separators when there are some, else one per line that
    holds a whole value in a column of values. A value wrapped in its cell stays with its row:
    its second line when the first ends cut (``Rp`` / ``329.000.000``), or when the name beside
    it goes on in lower case on that line (``34,9`` / ``4%`` beside ``… terhadap`` / ``TKD``)."""
    if len(cuts) >= 2 or (cuts and len(body) > 1):
        edges = [body[0].y0 - 1, *cuts, body[-1].y1 + 1]
        rows = [Row(a, b) for a, b in zip(edges, edges[1:], strict=False)]
        for ln in body:
            row = next((r for r in rows if r.y0 <= (ln.y0 + ln.y1) / 2 < r.y1), rows[-1])
            row.lines.append(ln)
        rows = [r for r in rows if r.lines]
        if len(rows) >= 2:
            return rows
    anchors: list[Row] = []
    last: dict[int, str] = {}
    heads: dict[int, VisualLine] = {}  # a value's first line per column ("Rp") not yet completed, and where
    previous: VisualLine | None = None
    for ln in body:
        here = {c: _text_in(ln, bounds, c) for c in values}
        here = {c: t for c, t in here.items() if t}
        whole = [c for c, t in here.items() if whole_value(t) or _value_head(t)]
        tails = [c for c, t in here.items() if c in last and (_INCOMPLETE.search(last[c]) or _COMPARATOR_HEAD.match(last[c]))]
        # (a value centred on a row may wrap around the name's line: "Rp" over it, the amount under it)
        tails += [c for c in here if c in heads and c not in tails and ln.type_y0 - heads[c].type_y1 < settings.head_reach * ln.type_height]
        name = _text_in(ln, bounds, key) if key is not None else ""
        if (anchors and previous is not None and name[:1].islower() and key is not None and _text_in(previous, bounds, key)
                and ln.type_y0 - previous.type_y1 < settings.stack_gap * ln.type_height and previous in anchors[-1].lines):
            tails = [c for c in here if c in last]  # the name goes on: so do the values beside it
        previous = ln
        if whole and not (tails and len(tails) >= len(here) / 2):
            anchors.append(Row(ln.y0, ln.y1, [ln]))
            last = dict(here)
        elif anchors and tails:
            anchors[-1].lines.append(ln)
            anchors[-1].y1 = max(anchors[-1].y1, ln.y1)
            for c in tails:
                last[c] = last.get(c, "") + " " + here[c]
        for c, t in here.items():
            if _open_head(t):
                heads[c] = ln
            else:
                heads.pop(c, None)
    return _heads_into_next(anchors, bounds, values, key)


def _heads_into_next(rows: list[Row], bounds: Sequence[float], values: set[int], key: int | None) -> list[Row]:
    """A row of nothing but the first lines of wrapped values ("Rp", "Rp") and no name is the top of
    the row under it, its values centred on that row's name."""
    out: list[Row] = []
    for n, row in enumerate(rows):
        texts = [_text_in(ln, bounds, c) for ln in row.lines for c in values]
        texts = [t for t in texts if t]
        nameless = key is None or not any(_text_in(ln, bounds, key) for ln in row.lines)
        if n + 1 < len(rows) and nameless and texts and all(_open_head(t) for t in texts):
            nxt = rows[n + 1]
            nxt.lines[:0] = row.lines
            nxt.y0 = min(nxt.y0, row.y0)
            continue
        out.append(row)
    return out


def whole_value(text: str) -> bool:
    """A cell that is one whole target or measure: a number, percent, amount, index, grade or
    opinion (``4 (WTP)``, ``BB``), a range, a comparator in words, or ``-`` / ``N/A``.

    >>> [whole_value(t) for t in ("4 (WTP)", "BB", "Tidak kurang dari 85%", "-", "88,31-100,00", "Rp", "partisipatif", "4)")]
    [True, True, True, True, True, False, False, False]
    """
    text = clean_text(text)
    if text in ("-", "N/A", "NA", "n/a"):
        return True
    v = parse_value(text)
    if v.kind in (Kind.TEXT, Kind.NONE):
        return False
    return not v.issues or v.value is not None or v.low is not None or v.label is not None


def _open_head(text: str) -> bool:
    """The first line of a wrapped value, not yet a value itself (``Rp``, not ``3,25 (skala 4)``)."""
    return _value_head(text) and not whole_value(text)


def _value_head(text: str) -> bool:
    """The first line of a value wrapped in its cell: ``Rp``, ``3,50 (skala``."""
    return (bool(_INCOMPLETE.search(text)) and bool(re.search(r"\d|Rp", text))) or bool(_COMPARATOR_HEAD.match(clean_text(text)))


# --- 5. cells ----------------------------------------------------------------------------------------


@dataclass
class Block:
    """Lines of one column set close together: the text of one cell (or of a cell merged down)."""

    lines: list[tuple[float, float, list[Word]]]  # (y0, y1, words) per line

    @property
    def y0(self) -> float:
        return self.lines[0][0]

    @property
    def y1(self) -> float:
        return self.lines[-1][1]

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def column_blocks(body: Sequence[VisualLine], bounds: Sequence[float], c: int, cuts: Sequence[float],
                  settings: Settings = SETTINGS, ruled: Sequence[float] = ()) -> list[Block]:
    """The blocks of column ``c``: its lines, cut where they stand apart or a separator runs between
    (``ruled``: the separators that are ruling lines; a band's edge between two lines set touching
    cuts nothing, ``Settings.through_gap``)."""
    pieces = []
    for ln in body:
        ws = [w for w, k in zip(ln.words, _word_columns(ln, bounds), strict=True) if k == c]
        if ws:  # (the page line's extent: the rows and blocks are cut at the page's lines)
            pieces.append((min(w.box.y0 for w in ws), max(w.box.y1 for w in ws), [w for own in stacked_lines(ws) for w in own]))
    blocks: list[Block] = []
    for y0, y1, ws in pieces:
        h = statistics.median(w.box.height for w in ws)
        above = (blocks[-1].lines[-1][0] + blocks[-1].lines[-1][1]) / 2 if blocks else 0.0
        gap = y0 - blocks[-1].y1 if blocks else 0.0
        mid = (y0 + y1) / 2
        if blocks and gap < settings.stack_gap * h and not any(above < y < mid for y in ruled) and (
                gap < settings.through_gap * h or not any(above < y < mid for y in cuts)):
            blocks[-1].lines.append((y0, y1, ws))
        else:
            blocks.append(Block([(y0, y1, ws)]))
    return blocks


STACKED_WORD = 0.7  # of the median height: a line of one word is a word this tall at least ("m³": the ³ read alone)
# of the words' median height: tesseract's lines on seed 1's first 20 generated scans (2,379 words) stand 0.88 h apart
# and more for 95 % of them (1.83 h the median), and 95 % of a line's words have their middles within 0.27 h of its
# median (99 %: 0.63, skew over a long line); a step between two words taken in order of height is smaller still
STACKED_STEP = 0.6


def stacked_lines(words: Sequence[Word]) -> list[list[Word]]:
    """One column's words of one page line, as the lines they stand on, top to bottom, each left to
    right. A page line gathers words by their overlap, and a chain of them across columns set at
    different heights (a cell's wrapped name beside others centred on the row) can take two lines
    of one column: read left to right they interleave (``Jumlah kebijakan dokumen yang`` for
    ``Jumlah dokumen`` over ``kebijakan yang``). Words are cut apart where their middles step down
    more than ``STACKED_STEP`` of their height, when the parts stand over one another and each is a
    line (two words, or one ``STACKED_WORD`` tall).

    >>> ws = [Word(t, Box(x, y, x + 40, y + 10)) for t, x, y in
    ...       (("Jumlah", 0, 0), ("dokumen", 45, 0), ("kebijakan", 2, 12), ("yang", 47, 12))]
    >>> [" ".join(w.text for w in ln) for ln in stacked_lines(ws)]
    ['Jumlah dokumen', 'kebijakan yang']
    """
    if not words:
        return []
    by_y = sorted(words, key=lambda w: w.box.cy)
    h = statistics.median(w.box.height for w in words)
    lines: list[list[Word]] = [[by_y[0]]]
    for w in by_y[1:]:
        if w.box.cy - lines[-1][-1].box.cy > STACKED_STEP * h:
            lines.append([w])
        else:
            lines[-1].append(w)

    def over(a: list[Word], b: list[Word]) -> bool:
        return min(max(w.box.x1 for w in a), max(w.box.x1 for w in b)) > max(min(w.box.x0 for w in a), min(w.box.x0 for w in b))

    def line(part: list[Word]) -> bool:  # (a superscript or a speck alone, set high or low, is no line)
        return len(part) > 1 or part[0].box.height >= STACKED_WORD * h

    if len(lines) < 2 or not all(map(line, lines)) or not all(over(a, b) for a, b in itertools.pairwise(lines)):
        return [sorted(words, key=lambda w: w.box.x0)]
    return [sorted(ln, key=lambda w: w.box.x0) for ln in lines]


def valign(blocks: Sequence[Block], value_lines: Sequence[VisualLine]) -> str:
    """How the table sets a cell's text in a taller row: ``top`` or ``centre``. The evidence is a
    cell of a column of words (the indicator's name first, an action, a measure) wrapped over
    lines beside values that take one line: the values stand at its first line (top) or at its
    middle (centre). Without such a cell, top (then a merged cell's text stands in its first row
    either way). ``blocks``: the word columns' blocks, the key column's first (it decides a tie)."""
    votes = {"top": 0, "centre": 0}
    for b in blocks:
        if len(b.lines) < 2:
            continue
        beside = [ln for ln in value_lines if b.y0 - 1 <= (ln.y0 + ln.y1) / 2 <= b.y1 + 1]
        if len(beside) != 1:
            continue
        anchor = (beside[0].y0 + beside[0].y1) / 2
        first = (b.lines[0][0] + b.lines[0][1]) / 2
        votes["top" if abs(anchor - first) <= abs(anchor - b.cy) else "centre"] += 1
    return "centre" if votes["centre"] > votes["top"] else "top"


def place_blocks(blocks: Sequence[Block], rows: Sequence[Row], *, one_per_row: bool, mode: str = "top",
                 walls: Sequence[float] = ()) -> list[int | None]:
    """For each block, the index of the first row it goes to.

    An alignment in order of both: a block may span several rows (a cell merged down, set at its
    first row's top or centred on the rows, as ``mode`` says) and several blocks may make one
    row's cell; the placement whose blocks stand closest to their rows wins. ``one_per_row``: the
    column has a cell in every row (the indicator's), so a block is never spread over several
    rows; one standing beside two rows is cut between them. ``walls``: the rules drawn across the
    column; a block goes to the rows between the two walls around its middle (a cell's last wrapped
    line, set a loose line apart, is no next row's: seed 2 file 7's "terintegrasi"). Where no such
    placement exists (a speck on a wall, its row gone), the walls are let go rather than the column.
    """
    if not blocks or not rows:
        return [None] * len(blocks)
    cost, place = _align(blocks, rows, mode, one_per_row, walls)
    if cost == float("inf") and walls:
        return _align(blocks, rows, mode, one_per_row)[1]
    return place


def _align(blocks: Sequence[Block], rows: Sequence[Row], mode: str, one_per_row: bool,
           walls: Sequence[float] = ()) -> tuple[float, list[int | None]]:
    """Dynamic programming over (blocks placed, rows covered): a step places one block over one
    or more rows, or two or more blocks in one row, or leaves a row without a block; with ``walls``,
    only on rows overlapping the room between the walls around the block's middle."""
    nb, nr = len(blocks), len(rows)
    inf = float("inf")
    edges = [-inf, *sorted(walls), inf]
    room = [next((a, b) for a, b in itertools.pairwise(edges) if a <= blk.cy < b) for blk in blocks]

    # (more than a point: a row cut at a band's edge may stand 1.5 pt off its rule)
    fits = [[min(r.y1, hi) - max(r.y0, lo) > 1 for r in rows] for lo, hi in room]

    scale = statistics.median([r.y1 - r.y0 for r in rows] or [1.0]) or 1.0
    cost = [[inf] * (nr + 1) for _ in range(nb + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (nr + 1) for _ in range(nb + 1)]
    cost[0][0] = 0.0
    top = mode == "top"

    def pos(y0: float, y1: float) -> float:
        return y0 if top else (y0 + y1) / 2

    block_pos = [pos(b.y0, b.y1) for b in blocks]
    row_y0, row_y1 = [r.y0 for r in rows], [r.y1 for r in rows]
    empty_row = 0.6  # a row without a cell in this column (an empty cell) costs this much
    skip = 2.0 if one_per_row else empty_row
    for i in range(nb + 1):
        cost_i, back_i = cost[i], back[i]
        for j in range(nr + 1):
            base = cost_i[j]
            if base == inf:
                continue
            if j < nr:  # a row left empty
                c = base + skip
                if c < cost_i[j + 1]:
                    cost_i[j + 1], back_i[j + 1] = c, (i, j)
            if i < nb:
                fits_i, at = fits[i], block_pos[i]
                cost_n, back_n = cost[i + 1], back[i + 1]
                for m in range(1, (1 if one_per_row else nr - j) + 1):  # one block over m rows
                    if j + m > nr or not fits_i[j + m - 1]:
                        break
                    c = base + abs(at - pos(row_y0[j], row_y1[j + m - 1])) / scale + 0.05 * (m - 1)
                    if c < cost_n[j + m]:
                        cost_n[j + m], back_n[j + m] = c, (i, j)
                for m in range(2, nb - i + 1):  # m blocks in one row
                    if j >= nr or not fits_i[j] or not fits[i + m - 1][j]:
                        break
                    c = base + abs(pos(blocks[i].y0, blocks[i + m - 1].y1) - pos(row_y0[j], row_y1[j])) / scale + 0.1 * (m - 1)
                    if c < cost[i + m][j + 1]:
                        cost[i + m][j + 1], back[i + m][j + 1] = c, (i, j)
    place: list[int | None] = [None] * nb
    i, j = nb, nr
    if cost[i][j] == inf:
        return inf, place
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None
        pi, pj = prev
        for k in range(pi, i):
            place[k] = pj
        i, j = pi, pj
    return cost[nb][nr], place


def label_rows(columns: dict[int, list[Block]], rows: list[Row], h: float) -> list[Row]:
    """Rows of their own for cells that stand beside no row of values: a sasaran set on its own
    row above its indicators (``1 | Pengelolaan keuangan … |  |  |``), an indicator without a
    target. Blocks of several columns standing side by side make one such row."""
    def beside(b: Block) -> bool:
        return any(b.y0 < r.y1 + 0.3 * h and b.y1 > r.y0 - 0.3 * h for r in rows)

    loose = sorted((b for blocks in columns.values() for b in blocks if not beside(b)), key=lambda b: b.y0)
    out: list[Row] = []
    for b in loose:
        if out and b.y0 < out[-1].y1:
            out[-1].y1 = max(out[-1].y1, b.y1)
        else:
            out.append(Row(b.y0, b.y1))
    return sorted(rows + out, key=lambda r: r.y0)


def _split_for_rows(blocks: list[Block], rows: Sequence[Row], mode: str = "centre") -> list[Block]:
    """A block of a one-per-row column standing beside two or more rows (two names set as close
    as the lines of one): its lines go to the row each stands nearest (``centre``), or, where
    cells are set at the top of their rows (``top``), to the last row starting above it (a
    name's fourth line stands nearer the next row's values than its own, still in its row)."""
    out: list[Block] = []
    for b in blocks:
        # (cells set at the top of their rows: a row whose top stands in the block is beside it though its
        # middle is not, its value wrapped under the block's last line, "Rp" / "4.977.000.000" beside a
        # one-line name set tight)
        beside = [r for r in rows if r.y0 - 1 <= b.cy <= r.y1 + 1 or (b.y0 <= r.cy <= b.y1)
                  or (mode == "top" and b.y0 < r.y0 < b.y1)]
        if len(beside) < 2 or len(b.lines) < 2:
            out.append(b)
            continue
        groups: dict[int, list[tuple[float, float, list[Word]]]] = {}
        for line in b.lines:
            cy = (line[0] + line[1]) / 2
            if mode == "top":
                near = max((k for k in range(len(beside)) if beside[k].y0 <= cy), default=0)
            else:
                near = min(range(len(beside)), key=lambda k: abs(cy - beside[k].cy))
            groups.setdefault(near, []).append(line)
        out.extend(Block(groups[k]) for k in sorted(groups))
    return out


# --- the table ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridLayout(Layout):
    """The columns of a table this reader read (as the whitespace reader's :class:`Layout`), and
    its header: a table that runs on over the next page without its header goes on there."""

    header: Header | None = None
    row_gap: float = 0.0  # how far under the header its first row stood


def find_tables(words: list[Word], rules: Sequence[Box] = (), fills: Sequence[Box] = (),
                settings: Settings = SETTINGS, carry: GridLayout | None = None) -> list[Table]:
    """The tables among a page's loose words that have a header this reader understands; with
    ``carry`` (a table of the page before that ran to its foot), first the lines at the top of the
    page that go on with it, under its header."""
    lines = visual_lines(words)
    cache: dict = {}  # header_at's answers on this page
    tables: list[Table] = []
    i = 0
    plan = carry is not None and carry.header is not None and "aksi" in carry.header.roles()
    if carry is not None and carry.header is not None and not plan and lines and header_at(lines, 0, settings, rules, cache) is None:
        # (a plan's rows are its actions, several to an indicator: the whitespace reader carries those)
        table = read_table(lines, carry.header, 0, rules, fills, settings, repeated=True, cache=cache, row_gap=carry.row_gap)
        if table is not None:
            tables.append(table)
            while i < len(lines) and lines[i].y0 < table.box.y1:
                i += 1
    while i < len(lines):
        found = header_at(lines, i, settings, rules, cache)
        table = read_table(lines, found[0], found[1], rules, fills, settings, cache=cache) if found else None
        if table is None:
            i += 1
            continue
        tables.append(table)
        while i < len(lines) and lines[i].y0 < table.box.y1:
            i += 1
    return tables


def read_table(lines: list[VisualLine], header: Header, k: int, rules: Sequence[Box], fills: Sequence[Box],
               settings: Settings = SETTINGS, *, repeated: bool = False, cache: dict | None = None, row_gap: float = 0.0) -> Table | None:
    """The table under ``header`` from ``lines[k]`` on. ``repeated``: the header is the one of the
    table on the page before (this page goes on with it) and the body starts at the top of the
    page. The columns are cut in this page's body either way: a table split over pages may be
    set anew on each (its columns a few points apart), so the cuts of the page before can miss.
    ``row_gap``: how far under its header the first row of the table on the page before stood."""
    body = body_lines(lines, k, header, settings, top=repeated, rules=rules, cache=cache, row_gap=row_gap)
    if not body:
        return None
    if not repeated:
        row_gap = body[0].type_y0 - header.type_y1
    bounds = boundaries(header.columns, body, header.numbering, settings)
    roles = header.roles()
    left = min(min(c.x0 for c in header.columns), min(ln.x0 for ln in body))
    right = max(max(c.x1 for c in header.columns), max(ln.x1 for ln in body))
    # (a rule over the first line of the body — under the header, or under its "(1) (2) (3)" row —
    # closes the header and parts no rows; a header repeated from the page before stands there)
    top = body[0].y0 - 1 if repeated else body[0].y0 - 0.5
    cuts = separators(rules, fills, left, right, top, body[-1].y1 + 2, settings)
    values = value_columns(body, roles, bounds)
    heads = headings(body, values, bounds, settings, numbered=roles[0] == "no")
    last_value = max((ln.y1 for ln in body if any(whole_value(_text_in(ln, bounds, c)) for c in values)), default=None)
    if last_value is not None:  # a heading with no row under it ends the table (a budget table's title after it)
        dropped = [h for h in heads if h.y0 > last_value and not _wrapped_end(h, body, cuts, settings)]
        heads = [h for h in heads if h.y0 <= last_value]
        if dropped:
            body = [ln for ln in body if ln.y0 < dropped[0].y0]
    in_heading = {id(ln) for h in heads for ln in h.lines}
    rest = [ln for ln in body if id(ln) not in in_heading]
    key = roles.index("indicator") if "indicator" in roles else roles.index("mixed") if "mixed" in roles else None
    rows = row_spans(rest, cuts, values, bounds, key, settings) if rest else []
    if not rows:
        return None  # no row of values: not a table of targets (or only a row going on from the page before)
    # lines before the first row or after the last belong to the nearest row
    n_cols = len(header.columns)
    cells: list[list[list[Block]]]
    edges = [left, *bounds, right]
    bottom = body[-1].y1 + 2  # (the body less a heading dropped after the last value)
    by_column: dict[int, list[Block]] = {}
    walls: dict[int, list[float]] = {}  # the rules drawn across each column
    for c in range(n_cols):  # each column cut by the rules across it and the bands, its rules apart
        span = (edges[c], edges[c + 1])
        walls[c] = separators(rules, (), left, right, top, bottom, settings, column=span)
        by_column[c] = column_blocks(rest, bounds, c, separators(rules, fills, left, right, top, bottom, settings, column=span),
                                     settings, ruled=walls[c])
    value_lines = [ln for ln in rest if any(_text_in(ln, bounds, c) for c in values)]
    words_first = ([key] if key is not None else []) + [c for c in range(n_cols) if c != key and c not in values]
    mode = valign([b for c in words_first for b in by_column[c]], value_lines) if rows else "top"
    if not cuts:
        # (only the columns that name a row — its sasaran, indicator — open one: the lines of the
        # columns after them, several actions or outputs of one indicator, stay in its row, and a
        # row number alone is a number centred on merged rows, no row)
        naming = [c for c in (range(n_cols) if key is None else range(key + 1)) if roles[c] != "no"]
        rows = label_rows({c: b for c, b in by_column.items() if c not in values and c in naming}, rows,
                          statistics.median(ln.height for ln in rest))
    cells = [[[] for _ in range(n_cols)] for _ in rows]
    for c in range(n_cols):
        blocks = by_column[c]
        one = c == key or c in values
        if one:
            blocks = _split_for_rows(blocks, rows, mode)
        for block, r in zip(blocks, place_blocks(blocks, rows, one_per_row=one, mode=mode, walls=walls[c]), strict=True):
            if r is not None:
                cells[r][c].append(block)
    table_rows: list[list[Cell | None]] = _header_rows(header, bounds)
    body_rows = [([_cell(cells[r][c]) for c in range(n_cols)], row.y0) for r, row in enumerate(rows)]
    for h in heads:  # the heading's text whole in the first column, the others empty
        words = [w for ln in h.lines for w in ln.words]
        block = Block([(ln.y0, ln.y1, sorted(ln.words, key=lambda w: w.box.x0)) for ln in h.lines])
        body_rows.append(([_cell([block])] + [Cell(Box(0, 0, 0, 0)) for _ in range(n_cols - 1)], min(w.box.y0 for w in words)))
    body_rows.sort(key=lambda r: r[1])
    table_rows.extend(r for r, _ in body_rows)
    box = Box(left - 1, min(ln.y0 for ln in header.lines) - 1, right + 1, body[-1].y1 + 1)
    filled = [sum(1 for c in r if c is not None and c.text) for r, _ in body_rows]
    quality = round(sum(1 for f in filled if f >= 2) / len(filled), 3) if filled else 0.0
    ruling = "rules or bands" if cuts else "line spacing and values"
    note = f"{n_cols} columns from header labels, {len(rows)} rows by {ruling}"
    if repeated:
        note = f"the table of the page before going on without its header: {note}"
        box = Box(box.x0, min(ln.y0 for ln in body) - 1, box.x1, box.y1)
    table = Table(box, table_rows, method=TableMethod.PDF_WORDS, quality=quality, notes=[note])
    # the columns, for a table that runs on over the next page without its header
    table.layout = GridLayout([(c.x0, c.x1, c.text) for c in header.columns], list(bounds),
                              statistics.median(ln.height for ln in header.lines), header, row_gap)
    return table


#: A label's wrapped end, alone on its line, is this many words at most ("KERJA*"); a title after the
#: table is more ("Program Peningkatan Kapasitas Aparatur Daerah")
WRAPPED_END_WORDS = 2


def _wrapped_end(heading: Row, body: Sequence[VisualLine], cuts: Sequence[float], settings: Settings = SETTINGS) -> bool:
    """A heading of a word or two set under a line of a row as close as a cell's lines are, under
    that line's words and with no rule between, is the row's label wrapped ("RATING HASIL" /
    "KERJA*" beside the last row's value), not a title after the table (nor a label of its own
    under a row whose column is empty there)."""
    first = heading.lines[0]
    if len(heading.lines) > 1 or len(first.words) > WRAPPED_END_WORDS:
        return False
    above = [ln for ln in body if ln.y1 <= first.y0 + 0.5 * first.height]
    if not above or first.type_y0 - above[-1].type_y1 >= settings.stack_gap * first.type_height:
        return False
    if any(_middle(above[-1]) < c < _middle(first) for c in cuts):
        return False
    return any(min(w.box.x1, v.box.x1) > max(w.box.x0, v.box.x0) for w in first.words for v in above[-1].words)


def _without_ocr_specks(words: list[Word]) -> dict[int, Word]:
    """The words of a cell read by OCR with the specks beside its value left out (``49,49% :``,
    ``85% =``, ``Min. ; 85%``: :func:`extract.pdf.marks.drop_value_marks`) and those inside its text
    (``berkualitas - dan``: :func:`extract.pdf.marks.drop_text_specks`), as a ruled table's cells are,
    by the id of the word they were; printed text, and a cell that is no value without them, as read."""
    if not any(w.conf is not None for w in words):
        return {id(w): w for w in words}
    kept = drop_text_specks(drop_value_marks(words))
    if kept is words:
        return {id(w): w for w in words}
    out: dict[int, Word] = {}
    j = 0
    for w in words:  # (in order: a word kept may be a new one on the old one's box: its marks after "%" or a lone quote dropped)
        if j < len(kept) and (kept[j] is w or kept[j].box == w.box):
            out[id(w)] = kept[j]
            j += 1
    return out


def _header_rows(header: Header, bounds: Sequence[float]) -> list[list[Cell | None]]:
    """The header as one row of labels, or two where labels stand over others (the parent's text
    in its first child's column, the children's under it), and the numbering row if any."""
    def cell(label: Label | list[Word]) -> Cell:
        label = label if isinstance(label, Label) else Label(label)
        if not label.words:
            return Cell(Box(0, 0, 0, 0))
        box = Box(label.x0, label.y0, label.x1, label.y1)
        return Cell(box, label.text, None, [((label.y0 + label.y1) / 2, label.text)])

    n = len(header.columns)
    if header.parents:
        top: list[Cell | None] = [Cell(Box(0, 0, 0, 0)) for _ in range(n)]
        sub: list[Cell | None] = [Cell(Box(0, 0, 0, 0)) for _ in range(n)]
        for c, col in enumerate(header.columns):
            parent = header.parent_of(col)
            if parent is None:
                top[c] = cell(col)
            else:
                sub[c] = cell(col)
                if c == min(header.columns.index(x) for x in parent.children):
                    top[c] = cell(parent)
        rows = [top, sub]
    else:
        rows = [[cell(col) for col in header.columns]]
    if header.numbering is not None:
        rows.append([cell([w for w in header.numbering.words if _column(w.box.cx, bounds) == c]) for c in range(n)])
    return rows


def _cell(blocks: list[Block]) -> Cell:
    if not blocks:
        return Cell(Box(0, 0, 0, 0))
    words = [w for b in blocks for _, _, ws in b.lines for w in ws]
    box = Box(min(w.box.x0 for w in words), min(w.box.y0 for w in words), max(w.box.x1 for w in words),
              max(w.box.y1 for w in words))
    kept = _without_ocr_specks(words)
    lines = [((y0 + y1) / 2, " ".join(clean_text(kept[id(w)].text) for w in ws if id(w) in kept))
             for b in blocks for y0, y1, ws in b.lines]
    if len(kept) < len(words):
        lines = [(y, t) for y, t in lines if t]  # (a line of marks only, left out)
    confs = [w.conf for w in kept.values() if w.conf is not None]  # (a speck left out says nothing of the value)
    return Cell(box, " ".join(t for _, t in lines), min(confs) if confs else None, lines)
