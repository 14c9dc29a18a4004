"""Marks read beside or inside a scanned cell's words that are no part of what is printed: specks, a
ruling's edge, dust read as ``:``, ``;``, ``=``, ``-`` (:func:`drop_value_marks` for a cell that reads
as one value, with the spaces OCR passed over inside it put back; :func:`drop_text_specks` for a cell of
text). Used on the cells of ruled tables (:mod:`extract.pdf.ocr`) and of tables without a grid
(:mod:`extract.pdf.gridless`) alike.
"""

from __future__ import annotations

import itertools

import regex as re

from extract.models import MONTH_NAMES_ID
from extract.pdf.model import Box, Word  # noqa: F401 - Box for the doctests
from extract.pdf.tablerows import is_value_line
from normalize.values import Kind, parse_value

#: A token of marks alone (``:``, ``;``, ``=``, ``©``, ``*``, ``»``): never a value's part, but a dash
#: (a value of its own), a per cent sign, a bracket, a comparator or a sign may be (``≤ 8``, ``± 5%``).
_MARKS_ONLY = re.compile(r"^(?![-–—]+$)(?!.*[%()<>≤≥±+])[\p{P}\p{S}]+$")
#: marks read after a value's last character: after its ``%`` a full stop, comma, colon or semicolon; after a
#: figure, a bracket or a letter a colon or semicolon (``45:``, ``N/A:``). Not a full stop there: a grade ``BB``
#: read ``88.`` is no figure (seed 1 s1/8; and ``1 Dok.`` prints one), though an ``80`` is sometimes read ``80.``
_MARK_AFTER_VALUE = re.compile(r"(?<=%)[.,:;]+$|(?<=[\d)\p{L}])[:;]+$")
# a speck read as a quote after a value's word, or before a word of letters ("N/A"); before a digit it may be a
# misread code ("“1" for "1.1"), which must not read as a plausible other one
_QUOTE_MARKS = "\"“”‘’'`"
_QUOTED_START = f"^[{_QUOTE_MARKS}]+(?=\\p{{L}})"
_GLUED_QUOTES = re.compile(f"{_QUOTED_START}|[{_QUOTE_MARKS}]+$")


def drop_value_marks(words: list[Word]) -> list[Word]:
    """A cell that reads as one value once the tokens of marks alone are left out, the marks after its
    last figure, bracket, letter or ``%`` dropped (:data:`_MARK_AFTER_VALUE`) and the quotes glued to its
    words taken off is that value: specks and the edge of a ruling read as ``:``, ``=``, ``©`` beside a
    value (``49,49% :``, ``: Maks. 20%``, ``Min. ; 85%``, ``95%.``, ``45:``, ``N/A:``, ``4 (WTP) ©``, a
    column's number ``(2) :``), a speck read as a quote (``"N/A``, ``100%"``); with the spaces OCR passed
    over inside it put back (``3,7 (skala4)``, ``25Laporan``: :func:`_unglued`). A cell that is no value
    without them is left as read.

    >>> def texts(ts): return [w.text for w in drop_value_marks([Word(t, Box(0, 0, 1, 1)) for t in ts])]
    >>> texts([":", "Maks.", "20%"]), texts(["57%,"]), texts(["4", "(WTP)", "©"]), texts(["-"])
    (['Maks.', '20%'], ['57%'], ['4', '(WTP)'], ['-'])
    >>> texts(['"N/A']), texts(['100%"']), texts(['3,05"', "(skala", "4)"]), texts(["“Laporan"]), texts(["“1"])
    (['N/A'], ['100%'], ['3,05', '(skala', '4)'], ['“Laporan'], ['“1'])
    >>> texts(["Jumlah", ":", "laporan"]), texts(["1,5", "-", "2"]), texts(["≤", "8"]), texts(["±", "5%", ":"])
    (['Jumlah', ':', 'laporan'], ['1,5', '-', '2'], ['≤', '8'], ['±', '5%'])
    >>> texts(["(2)", ":"]), texts([":", "(12)"])  # a column's number
    (['(2)'], ['(12)'])
    >>> texts(["45:"]), texts(["N/A:"]), texts(["3,5", "(skala", "4);"]), texts(["88."]), texts(["1", "Dok."]), texts(["Catatan:"])
    (['45'], ['N/A'], ['3,5', '(skala', '4)'], ['88.'], ['1', 'Dok.'], ['Catatan:'])
    >>> texts(["3,7", "(skala4)"]), texts(["90(4", "skala", "5)"]), texts(["25Laporan"]), texts(["Ayat", "1(a)"])
    (['3,7', '(skala 4)'], ['90 (4', 'skala', '5)'], ['25 Laporan'], ['Ayat', '1(a)'])
    """
    kept = [w for w in words if not _MARKS_ONLY.match(w.text)]
    if kept:
        last = kept[-1]
        kept[-1] = Word(_MARK_AFTER_VALUE.sub("", last.text), last.box, last.conf)
    kept = [Word(bare, w.box, w.conf) if (bare := _GLUED_QUOTES.sub("", w.text)) and bare != w.text else w for w in kept]
    kept = [Word(spaced, w.box, w.conf) if (spaced := _unglued(w.text)) != w.text else w for w in kept]
    text = " ".join(w.text for w in kept)
    if not kept or text == " ".join(w.text for w in words):  # nothing to leave out: no value to parse
        return words
    if is_value_line(text) or _COLUMN_NUMBER.match(text) or parse_value(text).kind in (Kind.GRADE, Kind.OPINION, Kind.INDEX):
        return kept
    return words


_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")  # a column's number in the row under a header: "(2)"
#: The spaces of a value that OCR passes over, put back: a figure and the bracket after it that opens a word or
#: a scale ("3,88(skala", "4(WTP)", "90(4" before "skala 5)"; not a code's "5(2)", "1.1(a)"), "skala" and its figure
#: ("(skala4)"), a count and its unit ("25Laporan").
_GLUED = (
    (re.compile(r"^([\d.,]*\d)\((?=skala|\p{L}{2,}|[\d.,]+$)", re.IGNORECASE), r"\1 ("),
    (re.compile(r"(?<=\bskala)(?=\d)", re.IGNORECASE), " "),
    (re.compile(r"^(\d+)(?=\p{Lu}\p{Ll}{2,}$)"), r"\1 "),
)


def _unglued(text: str) -> str:
    """A value's word with the spaces OCR passed over put back (:data:`_GLUED`).

    >>> _unglued("3,88(skala4)"), _unglued("4(WTP)"), _unglued("25Laporan"), _unglued("Rp510.000.000"), _unglued("(4")
    ('3,88 (skala 4)', '4 (WTP)', '25 Laporan', 'Rp510.000.000', '(4')
    >>> _unglued("90(4"), _unglued("5(2)"), _unglued("1.1(a)"), _unglued("2020(1)")
    ('90 (4', '5(2)', '1.1(a)', '2020(1)')
    """
    for pattern, spaced in _GLUED:
        text = pattern.sub(spaced, text)
    return text


#: Marks alone in a cell of text read with less confidence than this are specks: the generated scans of seed 1
#: (files 0-23) hold 40 such tokens in their text cells, read at 8-79 (median 53), none of them printed.
SPECK_MARK_CONF = 80.0
_TEXT_MARK = re.compile(r"^[\p{P}\p{S}]+$")
_MEANT_MARK = re.compile(r"[%()<>≤≥±+/&]")  # a per cent sign, a bracket, a comparator, a slash: printed
_BULLET = re.compile(r"^[-–—•·*]+$")
# a range's ends: numbers, months, a bound or an amount ("Min. 85% - Maks. 95%", "Rp 1.500.000 - Rp 2.000.000")
_RANGE_END = re.compile(r"^(?:[<>≤≥]?\d[\d.,]*%?|maks\.?|min\.?|rp\.?|" + "|".join(MONTH_NAMES_ID) + r")$", re.IGNORECASE)


def drop_text_specks(words: list[Word]) -> list[Word]:
    """A cell of text (two words of three letters or more) read by OCR without its tokens of marks
    alone read under ``SPECK_MARK_CONF``: specks and a ruling's edge read as ``-``, ``:``, ``;``,
    ``=]``, ``?`` inside a name (``Belanja negara yang berkualitas - dan akuntabel``). A dash or a
    bullet opening a line is an item's mark and stays (``Jumlah populasi ternak`` over ``- Sapi
    Potong``); a per cent sign, a bracket, a comparator or a slash is printed; a word read as a value
    cell's or printed (no confidence) is left as it is.

    >>> def texts(ts, conf=40.0):  # (the words of one line, left to right)
    ...     return [w.text for w in drop_text_specks([Word(t, Box(40 * k, 0, 40 * k + 30, 8), conf) for k, t in enumerate(ts)])]
    >>> texts(["Belanja", "negara", "-", "dan", ":"]), texts(["-", "Kegiatan", "utama", ";"]), texts(["Satuan", "(%)", "dari"])
    (['Belanja', 'negara', 'dan'], ['-', 'Kegiatan', 'utama'], ['Satuan', '(%)', 'dari'])
    >>> texts(["Belanja", "negara", "-", "dan"], conf=92.0), texts(["85%", ":"]), texts(["Belanja", "negara", "-"], conf=None)
    (['Belanja', 'negara', '-', 'dan'], ['85%', ':'], ['Belanja', 'negara', '-'])
    >>> two = [Word("Jumlah", Box(0, 0, 30, 8), 90), Word("ternak", Box(33, 0, 60, 8), 90), Word("-", Box(0, 12, 4, 20), 50),
    ...        Word("Sapi", Box(8, 12, 30, 20), 90), Word("Potong", Box(33, 12, 60, 20), 90)]
    >>> [w.text for w in drop_text_specks(two)]  # a bullet opening the second line
    ['Jumlah', 'ternak', '-', 'Sapi', 'Potong']
    >>> texts(["Renstra", "Tahun", "2020", "-", "2024"]), texts(["Januari", "-", "Desember", "berjalan"])  # ranges
    (['Renstra', 'Tahun', '2020', '-', '2024'], ['Januari', '-', 'Desember', 'berjalan'])
    >>> texts(["Anggaran", "sebesar", "5.000.000,", "-"]), texts(["|", "-", "Sapi", "Potong"])  # an amount's dash; a bullet
    (['Anggaran', 'sebesar', '5.000.000,', '-'], ['-', 'Sapi', 'Potong'])
    """
    if sum(1 for w in words if sum(ch.isalpha() for ch in w.text) >= 3) < 2:
        return words

    def on_line(o: Word, w: Word) -> bool:
        return o is not w and min(o.box.y1, w.box.y1) - max(o.box.y0, w.box.y0) > 0.5 * w.box.height

    def speck(w: Word) -> bool:
        return (w.conf is not None and w.conf < SPECK_MARK_CONF and bool(_TEXT_MARK.match(w.text))
                and not _MEANT_MARK.search(w.text))

    specks = [w for w in words if speck(w)]
    printed = [w for w in words if not speck(w)]

    def meant(w: Word) -> bool:
        """A bullet opening its line (no word but specks before it), a dash between two numbers,
        periods or months (``2020 - 2024``, ``Januari - Desember``), or a dash after an amount's comma
        (``5.000.000,-``; after a word's comma it is a speck: ``terintegrasi, - partisipatif``)."""
        if not _BULLET.match(w.text):
            return False
        before = [o for o in printed if on_line(o, w) and o.box.x1 <= w.box.x0 + 0.5 * w.box.height]
        after = [o for o in printed if on_line(o, w) and o.box.x0 >= w.box.x1 - 0.5 * w.box.height]
        if not before:
            return True
        left = max(before, key=lambda o: o.box.x1).text
        right = min(after, key=lambda o: o.box.x0).text if after else ""
        return re.search(r"\d,$", left) is not None or (_RANGE_END.match(left) is not None and _RANGE_END.match(right) is not None)

    gone = {id(w) for w in specks if not meant(w)}
    kept = [w for w in words if id(w) not in gone] if gone else words
    return _without_glued_stops(_without_lone_quotes(kept))


#: a speck read as a full stop glued to a word of small letters (four at least: ``dll.``, ``dsb.``, ``kec.`` are
#: abbreviations), or to a word's comma
_GLUED_STOP = re.compile(r"^(?:\p{Ll}{4,}|.*\p{L},)\.$")
#: abbreviations of four letters or more written in small letters (``maks. lima``, ``prov. jawa``): a precaution,
#: no reading of the benchmarks or the real files met one
_SMALL_ABBREVIATIONS = frozenset({"maks.", "prov.", "pend.", "lamp.", "pemb.", "angg."})
#: what goes on a phrase: a word of small letters (two at least; an item's letter, ``b.`` or ``b)``, opens one)
_PHRASE_GOES_ON = re.compile(r"^\p{Ll}{2}")


def _without_glued_stops(words: list[Word]) -> list[Word]:
    """A full stop OCR read glued to a word of a cell of text, before a word in small letters, is a speck:
    a phrase goes on after it (``pembangunan. desa``, ``keuangan. daerah``, ``terintegrasi,. partisipatif``),
    where a sentence would start with a capital and an item with its letter (``daerah. b. meningkatnya``). A
    word printed (no confidence), an abbreviation (``Kab.``, ``dll.``, :data:`_SMALL_ABBREVIATIONS`) and the
    cell's last word are left as they are.

    >>> def texts(ts):
    ...     return [w.text for w in _without_glued_stops([Word(t, Box(40 * k, 0, 40 * k + 30, 8), 90.0) for k, t in enumerate(ts)])]
    >>> texts(["pembangunan.", "desa"]), texts(["terintegrasi,.", "partisipatif"]), texts(["daerah.", "Meningkatnya"])
    (['pembangunan', 'desa'], ['terintegrasi,', 'partisipatif'], ['daerah.', 'Meningkatnya'])
    >>> texts(["sarana", "dll.", "dan"]), texts(["kualitas", "daerah."]), texts(["Prov.", "jawa"]), texts(["maks.", "lima"])
    (['sarana', 'dll.', 'dan'], ['kualitas', 'daerah.'], ['Prov.', 'jawa'], ['maks.', 'lima'])
    >>> texts(["pembangunan", "daerah.", "b.", "meningkatnya"]), texts(["daerah.", "b)", "desa"])  # items
    (['pembangunan', 'daerah.', 'b.', 'meningkatnya'], ['daerah.', 'b)', 'desa'])
    """
    glued = [k for k, (w, after) in enumerate(itertools.pairwise(words))
             if w.conf is not None and _GLUED_STOP.match(w.text) and w.text.casefold() not in _SMALL_ABBREVIATIONS
             and _PHRASE_GOES_ON.match(after.text)]
    if not glued:
        return words
    out = list(words)
    for k in glued:
        out[k] = Word(words[k].text[:-1], words[k].box, words[k].conf)
    return out


_QUOTED_END = f"(?<=\\p{{L}})[{_QUOTE_MARKS}]+$"
_LONE_QUOTE = re.compile(f"{_QUOTED_START}|{_QUOTED_END}")  # a quote before a word's first letter or after its last


def _without_lone_quotes(words: list[Word]) -> list[Word]:
    """A quote mark glued to a word of a cell of text read by OCR, the only quote mark of the cell, is a
    speck (``pelayanan “minimal``, ``ditindaklanjuti “dalam tahun berjalan``): a quotation prints two.
    A word printed (no confidence) is left as it is.

    >>> ws = [Word(t, Box(40 * k, 0, 40 * k + 30, 8), 90.0) for k, t in enumerate(["standar", "“minimal", "bidang"])]
    >>> [w.text for w in _without_lone_quotes(ws)]
    ['standar', 'minimal', 'bidang']
    >>> ws = [Word(t, Box(40 * k, 0, 40 * k + 30, 8), 90.0) for k, t in enumerate(["program", "“Desa", "Mandiri”"])]
    >>> [w.text for w in _without_lone_quotes(ws)]  # a quotation: two marks
    ['program', '“Desa', 'Mandiri”']
    """
    marks = sum(ch in _QUOTE_MARKS for w in words for ch in w.text)
    if marks != 1:
        return words
    out = []
    for w in words:
        if w.conf is not None and any(ch in _QUOTE_MARKS for ch in w.text):
            bare = _LONE_QUOTE.sub("", w.text)
            if bare != w.text and bare:
                w = Word(bare, w.box, w.conf)
        out.append(w)
    return out
