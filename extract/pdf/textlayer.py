"""Words from a page's text layer (pypdfium2), in displayed page coordinates; is the layer garbage?"""

from __future__ import annotations

import bisect
import ctypes
from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex as re

from extract.pdf.model import Box, Word

Transform = Callable[[float, float], tuple[float, float]]
BOLD_WEIGHT = 600  # pdfium's font weight: 400 regular, 700 bold


Affine = tuple[float, float, float, float, float, float]


def _affine(page: pdfium.PdfPage) -> tuple[Affine, float, float, int]:
    """PDF user space to displayed top-left coordinates as ``(a, b, e, c, d, f)``: x' = ax + by + e,
    y' = cx + dy + f (every coefficient of x and y is 0 or ±1: a page turns by quarter turns only,
    so each coordinate is exactly a difference of two numbers); the displayed size and the rotation."""
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation() % 360
    w, h = right - left, top - bottom
    if rotation == 90:
        return (0.0, 1.0, -bottom, 1.0, 0.0, -left), h, w, rotation
    if rotation == 180:
        return (-1.0, 0.0, right, 0.0, 1.0, -bottom), w, h, rotation
    if rotation == 270:
        return (0.0, -1.0, top, -1.0, 0.0, right), h, w, rotation
    return (1.0, 0.0, -left, 0.0, -1.0, top), w, h, 0


def page_transform(page: pdfium.PdfPage) -> tuple[Transform, float, float, int]:
    """A function from PDF user space to displayed top-left coordinates, and the displayed size."""
    (a, b, e, c, d, f), w, h, rotation = _affine(page)
    return (lambda x, y: (a * x + b * y + e, c * x + d * y + f)), w, h, rotation


def page_words(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None,
               walls: Sequence[tuple[float, float, float]] = ()) -> list[Word]:
    """The words of the text layer. A word ends at a space, a line break, a visible gap, or a
    vertical ruling line between two characters that cannot be one token (``walls``: x, top,
    bottom in displayed coordinates; :func:`_glued`): a value that overflows its cell to touch
    the next one's ("5.378.000.000Rp") is two words, one in each cell; so is a number set against
    a rupiah sign with no ruling between (:func:`_currency_at`)."""
    walls = sorted(walls)
    wall_xs = [w[0] for w in walls]

    def walled(lo: float, hi: float, y: float) -> bool:
        """A wall stands between x = lo and x = hi (lo < hi) at the height y."""
        k = bisect.bisect_right(wall_xs, lo)
        while k < len(walls) and walls[k][0] < hi:
            if walls[k][1] <= y <= walls[k][2]:
                return True
            k += 1
        return False

    tp = textpage or page.get_textpage()
    raw = tp.raw  # the handle itself: each call through the wrapper converts it again (a quarter of the calls' cost)
    n = pdfium_c.FPDFText_CountChars(raw)
    # the transform of :func:`page_transform` as x' = ax + by + e, y' = cx + dy + f, applied inline below
    # (a call a corner is a fifth of this loop); every coefficient is 0 or ±1, so each coordinate is the
    # same float the transform gives
    (a, b, e, c, d, f), _, _, _ = _affine(page)
    words: list[Word] = []
    chars: list[str] = []
    wx0 = wy0 = wx1 = wy1 = 0.0  # the current word's box
    lx1 = lcx = lcy = lh = 0.0  # the last character's right edge, centre and height
    have_last = False
    rect = pdfium_c.FS_RECTF()
    # (the rectangle's floats read through a view: one step, not a field each)
    rect_floats, rect_address = memoryview(rect).cast("B").cast("f"), ctypes.addressof(rect)
    handle = ctypes.cast(raw, ctypes.c_void_p).value
    get_unicode, get_box, get_weight = pdfium_c.FPDFText_GetUnicode, _GET_LOOSE_CHAR_BOX, _GET_FONT_WEIGHT
    first = 0  # the index of the current word's first character (its weight is the word's)

    def flush() -> None:
        if chars:
            text = "".join(chars).strip()
            if text:
                words.append(Word(text, Box(wx0, wy0, wx1, wy1), bold=get_weight(handle, first) >= BOLD_WEIGHT))
            chars.clear()

    is_generated = pdfium_c.FPDFText_IsGenerated
    codes = _codes(raw, n)
    for i in range(n):
        code = codes[i]
        if code == 0xFFFE:  # (the page's text gives this for PDFium's own marks: the character's code tells which)
            code = get_unicode(raw, i)
        if code == 2:  # PDFium's mark for a hyphen that ends a line: printed, so part of the word
            code = 0x2D
        if code in (0x0D, 0x0A) and have_last and is_generated(raw, i) == 1:
            continue  # a line break PDFium guessed (a hyphen sits lower than letters): the boxes decide
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or code in (0xFFFE, 0xFFFF):
            flush()
            have_last = False
            continue
        if not get_box(handle, i, rect_address):
            flush()
            continue
        left, top, right, bottom = rect_floats  # (FS_RECTF's order)
        x0, y0 = a * left + b * bottom + e, c * left + d * bottom + f
        x1, y1 = a * right + b * top + e, c * right + d * top + f
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        h = y1 - y0
        if x1 - x0 <= 0 and h <= 0:
            flush()
            continue
        cy = (y0 + y1) / 2
        # (comparisons, not min and max: a call per character is a fifth of this loop)
        if have_last:
            height = lh if lh > h else h  # noqa: FURB136
            if height < 1.0:  # noqa: PLR1730
                height = 1.0
            gap = x0 - lx1
            if abs(cy - lcy) >= 0.5 * height or gap > 0.25 * height or gap < -0.5 * height or \
                    (walls and chars and _glued(chars[-1], ch) and walled(lcx, (x0 + x1) / 2, cy)) or \
                    (ch == "R" and chars and chars[-1].isdigit() and _currency_at(raw, i, n)):
                flush()
        if chars:
            if x0 < wx0:  # noqa: PLR1730
                wx0 = x0
            if y0 < wy0:  # noqa: PLR1730
                wy0 = y0
            if x1 > wx1:  # noqa: PLR1730
                wx1 = x1
            if y1 > wy1:  # noqa: PLR1730
                wy1 = y1
        else:
            wx0, wy0, wx1, wy1 = x0, y0, x1, y1
            first = i
        chars.append(ch)
        lx1, lcx, lcy, lh, have_last = x1, (x0 + x1) / 2, cy, h, True
    flush()
    return join_letter_spaced(words)


def _by_address(function: Callable, restype: type, *argtypes: type) -> Callable:
    """A PDFium function of pypdfium2's bindings called through a prototype of plain C types: a
    text page's handle and a rectangle given as their addresses (ints) skip the bindings' pointer
    conversions, which were half the cost of a call (0.77 -> 0.42 us, measured on a built PDF's
    page: a call a character was a third of reading the text layer)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


#: ``FPDF_BOOL FPDFText_GetLooseCharBox(FPDF_TEXTPAGE, int index, FS_RECTF* rect)``
_GET_LOOSE_CHAR_BOX = _by_address(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                                  ctypes.c_void_p)
#: ``int FPDFText_GetFontWeight(FPDF_TEXTPAGE, int index)``
_GET_FONT_WEIGHT = _by_address(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int, ctypes.c_void_p, ctypes.c_int)


def _codes(raw: ctypes.c_void_p, n: int) -> list[int]:
    """The codes of the page's ``n`` characters, by index: the page's text in one call (a call a
    character was 4 % of reading a digital page). PDFium writes each character as one UTF-16 unit,
    its own marks (2, a hyphen that ends a line) and a character mapped to code 0 as U+FFFE, which
    the caller asks again; it leaves out control characters and characters past the BMP named by
    glyph names, and the text then comes back short: such a page, and one whose text holds a
    surrogate, is read a character a call. (Measured with PDFium 159: on every page of the
    real fixtures the only difference from a call a character was 2 read U+FFFE.)

    >>> import io
    >>> from reportlab.pdfgen import canvas
    >>> buf = io.BytesIO(); pdf = canvas.Canvas(buf); pdf.drawString(72, 720, "Rp 7.315.466 (34,94%)"); pdf.save()
    >>> tp = pdfium.PdfDocument(buf.getvalue())[0].get_textpage()
    >>> n = pdfium_c.FPDFText_CountChars(tp.raw)
    >>> _codes(tp.raw, n) == [pdfium_c.FPDFText_GetUnicode(tp.raw, i) for i in range(n)], "".join(map(chr, _codes(tp.raw, n)))
    (True, 'Rp 7.315.466 (34,94%)')
    """
    buf = (ctypes.c_ushort * (n + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, n, buf) if n else 0
    codes = buf[:n]
    if written != n + 1 or any(0xD800 <= c <= 0xDFFF for c in codes):
        return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(n)]
    return codes


def _currency_at(tp: pdfium.PdfTextPage | ctypes.c_void_p, i: int, n: int) -> bool:
    """Character ``i`` opens "Rp" (then no letter): a number's end set against it is the end of a
    value and the start of the next one ("5.226.000.000Rp 5.226.000.000": two cells touching, no
    ruling between), never one token: the rupiah sign comes before an amount."""
    get = pdfium_c.FPDFText_GetUnicode
    if i + 1 >= n or get(tp, i + 1) != ord("p"):
        return False
    return i + 2 >= n or not chr(get(tp, i + 2) or 32).isalpha()


def _glued(before: str, after: str) -> bool:
    """Two characters that cannot be one token: a number's end against a letter ("000Rp"), a
    letter against a digit, a per cent sign against either. Text that overflows its cell over a
    ruling line goes on in one class ("5.378.000.|000", "perangk|at") and stays one word."""
    return ((before.isdigit() and after.isalpha()) or (before.isalpha() and after.isdigit())
            or (before == "%" and after.isalnum()))


def join_letter_spaced(words: list[Word]) -> list[Word]:
    """Text set with wide letter spacing (``P R O V I N S I  J A W A``) comes as one word per
    letter. A run of three or more one-letter words on one line whose gaps are all narrow is one
    word per stretch of even gaps; a gap well above the run's usual one is a word space.

    >>> ws = [Word(c, Box(x, 0, x + 5, 9)) for c, x in zip("TAHUN2016", [0, 7, 14, 21, 28, 40, 47, 54, 61])]
    >>> [w.text for w in join_letter_spaced(ws)]
    ['TAHUN', '2016']
    """
    out: list[Word] = []
    i = 0
    while i < len(words):
        j = i
        while (j + 1 < len(words) and len(words[j + 1].text) == 1 and len(words[j].text) == 1
               and _same_line(words[j], words[j + 1]) and 0 <= words[j + 1].box.x0 - words[j].box.x1 < 0.9 * words[j].box.height):
            j += 1
        if j - i + 1 < 3:
            out.append(words[i])
            i += 1
            continue
        run = words[i : j + 1]
        gaps = [b.box.x0 - a.box.x1 for a, b in zip(run, run[1:], strict=False)]
        usual = sorted(gaps)[len(gaps) // 2]
        start = 0
        for k in range(1, len(run) + 1):
            if k == len(run) or gaps[k - 1] > max(1.8 * usual, usual + 1.5):
                part = run[start:k]
                box = Box(part[0].box.x0, min(w.box.y0 for w in part), part[-1].box.x1, max(w.box.y1 for w in part))
                out.append(Word("".join(w.text for w in part), box, bold=part[0].bold))
                start = k
        i = j + 1
    return out


def _same_line(a: Word, b: Word) -> bool:
    return abs(a.box.cy - b.box.cy) < 0.5 * max(a.box.height, b.box.height, 1.0)


_WORDLIKE = re.compile(
    r"^[\(\"'“]?(?:\p{Lu}?\p{Ll}{1,}|\p{Lu}{2,}|\p{Lu}|\d[\d.,/%-]*|[\p{L}]+[-/][\p{L}]+|\p{Lu}\p{Ll}*\.(?:\p{Lu}\p{Ll}*\.?)*)"
    r"[\)\"'”.,:;%]*$"
)


def garbage_score(words: list[Word]) -> float:
    """Share of tokens that do not look like words or numbers (0: clean, 1: garbage).

    >>> garbage_score([Word(t, Box(0, 0, 1, 1)) for t in "PERJANJIAN KINERJA Tahun 2016 ,: ~.".split()])
    0.333
    """
    if not words:
        return 1.0
    bad = sum(1 for w in words if not _WORDLIKE.match(w.text))
    return round(bad / len(words), 3)
