"""Words from a page's text layer (pypdfium2), in displayed page coordinates; is the layer garbage?"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex as re

from extract.pdf.model import Box, Word

Transform = Callable[[float, float], tuple[float, float]]


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


def _box(tf: Transform, l: float, b: float, r: float, t: float) -> Box:
    xa, ya = tf(l, b)
    xb, yb = tf(r, t)
    return Box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


def page_words(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None) -> list[Word]:
    """The words of the text layer. A word ends at a space, a line break, or a visible gap."""
    tf, _, _, _ = page_transform(page)
    tp = textpage or page.get_textpage()
    n = tp.count_chars()
    words: list[Word] = []
    cur_text: list[str] = []
    cur_box: Box | None = None
    last: Box | None = None
    rect = pdfium_c.FS_RECTF()

    def flush() -> None:
        nonlocal cur_text, cur_box
        if cur_text and cur_box is not None:
            text = "".join(cur_text).strip()
            if text:
                words.append(Word(text, cur_box))
        cur_text, cur_box = [], None

    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or code in (0xFFFE, 0xFFFF, 2):
            flush()
            last = None
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect)):
            flush()
            continue
        box = _box(tf, rect.left, rect.bottom, rect.right, rect.top)
        if box.width <= 0 and box.height <= 0:
            flush()
            continue
        if last is not None:
            height = max(last.height, box.height, 1.0)
            same_line = abs(box.cy - last.cy) < 0.5 * height
            gap = box.x0 - last.x1
            if not same_line or gap > 0.25 * height or gap < -0.5 * height:
                flush()
        cur_text.append(ch)
        cur_box = box if cur_box is None else cur_box.union(box)
        last = box
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
