"""Words from a page's text layer (pypdfium2), in displayed page coordinates; is the layer garbage?"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex as re

from extract.pdf.model import Box, Word

Transform = Callable[[float, float], tuple[float, float]]
BOLD_WEIGHT = 600  # pdfium's font weight: 400 regular, 700 bold


def page_transform(page: pdfium.PdfPage) -> tuple[Transform, float, float, int]:
    """A function from PDF user space to displayed top-left coordinates, and the displayed size."""
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation() % 360
    w, h = right - left, top - bottom
    if rotation == 90:
        return (lambda x, y: (y - bottom, x - left)), h, w, rotation
    if rotation == 180:
        return (lambda x, y: (right - x, y - bottom)), w, h, rotation
    if rotation == 270:
        return (lambda x, y: (top - y, right - x)), h, w, rotation
    return (lambda x, y: (x - left, top - y)), w, h, 0


def page_words(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None) -> list[Word]:
    """The words of the text layer. A word ends at a space, a line break, or a visible gap."""
    tf, _, _, _ = page_transform(page)
    tp = textpage or page.get_textpage()
    n = tp.count_chars()
    words: list[Word] = []
    chars: list[str] = []
    wx0 = wy0 = wx1 = wy1 = 0.0  # the current word's box
    lx1 = lcy = lh = 0.0  # the last character's right edge, centre and height
    have_last = False
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    get_weight = pdfium_c.FPDFText_GetFontWeight
    first = 0  # the index of the current word's first character (its weight is the word's)

    def flush() -> None:
        if chars:
            text = "".join(chars).strip()
            if text:
                words.append(Word(text, Box(wx0, wy0, wx1, wy1), bold=get_weight(tp, first) >= BOLD_WEIGHT))
            chars.clear()

    is_generated = pdfium_c.FPDFText_IsGenerated
    for i in range(n):
        code = get_unicode(tp, i)
        if code == 2:  # PDFium's mark for a hyphen that ends a line: printed, so part of the word
            code = 0x2D
        if code in (0x0D, 0x0A) and have_last and is_generated(tp, i) == 1:
            continue  # a line break PDFium guessed (a hyphen sits lower than letters): the boxes decide
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or code in (0xFFFE, 0xFFFF):
            flush()
            have_last = False
            continue
        if not get_box(tp, i, rect_ref):
            flush()
            continue
        x0, y0 = tf(rect.left, rect.bottom)
        x1, y1 = tf(rect.right, rect.top)
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        h = y1 - y0
        if x1 - x0 <= 0 and h <= 0:
            flush()
            continue
        cy = (y0 + y1) / 2
        if have_last:
            height = max(lh, h, 1.0)
            gap = x0 - lx1
            if abs(cy - lcy) >= 0.5 * height or gap > 0.25 * height or gap < -0.5 * height:
                flush()
        if chars:
            wx0, wy0, wx1, wy1 = min(wx0, x0), min(wy0, y0), max(wx1, x1), max(wy1, y1)
        else:
            wx0, wy0, wx1, wy1 = x0, y0, x1, y1
            first = i
        chars.append(ch)
        lx1, lcy, lh, have_last = x1, cy, h, True
    flush()
    return words


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
