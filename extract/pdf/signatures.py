"""Signed means signed: what a digital page shows over each signer's name.

A signed agreement exported to PDF carries the signature (or the stamp over it) as a picture placed
in the blank lines between the jabatan and the name; an unsigned draft leaves those lines empty. The
words of the page find the name, the page's pictures (not the page-sized image of a scan) say whether
anything was placed over it. On a scan the signature is ink in the page image: blobs of dark pixels
that no word read on the page explains (:func:`ink_marks`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.models import Signature
from extract.pdf.model import Box, Word
from extract.pdf.raster import components
from normalize.text import fold_key


@dataclass(frozen=True)
class SignatureSettings:
    """Where a signature over a name may lie, in units of the name's line height.

    ``reach``: the generated blocks (corpus/synth) leave 2-4 blank lines between the jabatan and the
    name; on the Kementan PK 2021 (four signature pictures on two pages) a picture starts 3.8-5.5 of
    the name's line heights above it and ends just over it or on it: 6 lines hold them all.
    ``spread``: a signature is wider than the name it signs by up to half the name's width each side
    (the stamp beside it, more: 1.0). ``max_picture``: a picture covering more of the page is the page
    itself (a scan), not a mark.
    """

    reach: float = 6.0
    spread: float = 1.0
    max_picture: float = 0.25
    #: On a scan: a pixel darker than ``ink_level`` (0-255) is ink. The generated scans draw the
    #: scrawl at 20-70 and the stamp at 90-150 on paper of 232-255 (corpus/synth/_scan.py); 170 sits
    #: between stamp and paper. Not swept yet.
    ink_level: int = 170
    #: A mark is at least this wide and tall (points). The marks measured: the Kementan signature
    #: pictures 52-61 x 43-69 pt, the ink blobs over the Dompu scan's signers 41-117 x 55-66 pt, the
    #: generated scrawl about 70 x 20 pt; a speck or a stray letter stays under 24 x 9.
    min_mark: tuple[float, float] = (24.0, 9.0)
    #: Room around each word read on the page (points) where ink belongs to the word.
    word_pad: float = 1.0
    #: A signer's name stands alone on its line: no other word within this many line heights either
    #: side (the Kementan PK's side-by-side names stand about 18 line heights apart; the colon of a
    #: "Nama : X" line stands a space or two before the name).
    name_gap: float = 4.0

    def __post_init__(self) -> None:
        if self.reach <= 0 or self.spread < 0 or not 0 < self.max_picture <= 1 or not 0 < self.ink_level < 255:
            raise ValueError(f"invalid signature settings: {self}")


DEFAULT = SignatureSettings()


def name_box(name: str, words: list[Word]) -> Box | None:
    """The box of the last place on the page where the words of one line spell ``name`` (case, spaces
    and punctuation ignored): a signature block closes the page.

    >>> w = [Word("Ketut", Box(10, 100, 40, 110)), Word("Gede", Box(43, 100, 70, 110)), Word("Mudiarta", Box(73, 100, 120, 110))]
    >>> name_box("Ketut Gede Mudiarta", w)
    Box(x0=10, y0=100, x1=120, y1=110)
    >>> name_box("Fadjry Djufry", w) is None
    True
    """
    key = fold_key(name)
    if not key:
        return None
    found: Box | None = None
    ordered = sorted(words, key=lambda w: (round(w.box.cy), w.box.x0))
    for i, first in enumerate(ordered):
        if not key.startswith(fold_key(first.text) or "\0"):
            continue
        box, text, used = first.box, fold_key(first.text), {i}
        for j in range(i + 1, len(ordered)):
            nxt = ordered[j]
            if text == key or abs(nxt.box.cy - first.box.cy) > first.box.height / 2 or not key.startswith(text):
                break
            box, text = box.union(nxt.box), text + fold_key(nxt.text)
            used.add(j)
        if text == key and _alone(box, [w for k, w in enumerate(ordered) if k not in used]):
            found = box
    return found


def nip_box(nip: str | None, words: list[Word]) -> Box | None:
    """The box of the last place where the words of one line print ``nip`` (spaces between its
    groups allowed): under a name the scan's signature hid from OCR, it still anchors the block.

    >>> w = [Word("NIP.", Box(10, 100, 30, 110)), Word("19660101", Box(33, 100, 80, 110)), Word("199103", Box(83, 100, 110, 110)),
    ...      Word("1", Box(113, 100, 116, 110)), Word("001", Box(119, 100, 135, 110))]
    >>> nip_box("196601011991031001", w)
    Box(x0=33, y0=100, x1=135, y1=110)
    """
    if not nip:
        return None
    found: Box | None = None
    ordered = sorted(words, key=lambda w: (round(w.box.cy), w.box.x0))
    for i, first in enumerate(ordered):
        digits = "".join(ch for ch in first.text if ch.isdigit())
        if not digits or not nip.startswith(digits):
            continue
        box = first.box
        for nxt in ordered[i + 1:]:
            more = "".join(ch for ch in nxt.text if ch.isdigit())
            if digits == nip or abs(nxt.box.cy - first.box.cy) > first.box.height / 2 or not more or not nip.startswith(digits + more):
                break
            box, digits = box.union(nxt.box), digits + more
        if digits == nip:
            found = box
    return found


def _alone(box: Box, others: list[Word], settings: SignatureSettings = DEFAULT) -> bool:
    """Whether a name stands alone on its line, as a signer's name does (``Nama : Budi`` in the
    agreement's opening lines is no signature line).

    >>> _alone(Box(300, 100, 380, 110), [Word("Nama", Box(60, 100, 90, 110)), Word(":", Box(150, 100, 153, 110))])
    True
    >>> _alone(Box(160, 100, 240, 110), [Word(":", Box(150, 100, 153, 110))])
    False
    """
    gap = settings.name_gap * max(box.height, 1.0)
    return not any(abs(w.box.cy - box.cy) < box.height / 2 and w.box.x1 > box.x0 - gap and w.box.x0 < box.x1 + gap for w in others)


def signature_over(name: Box, pictures: list[Box], settings: SignatureSettings = DEFAULT, kind: Signature = Signature.IMAGE,
                   lines_between: int = 0) -> Signature:
    """``kind`` (IMAGE, or INK for the marks of a scan) when a mark lies over the name (within
    ``reach`` line heights above it, overlapping its span widened by ``spread``), else NONE;
    ``lines_between``: the lines between the anchor and the signature (the name, over a NIP).

    >>> name = Box(100, 500, 180, 510)
    >>> signature_over(name, [Box(90, 450, 160, 498)]), signature_over(name, [Box(300, 450, 360, 498)])
    (<Signature.IMAGE: 'image'>, <Signature.NONE: 'none'>)
    """
    line = max(name.height, 1.0)
    pad = settings.spread * name.width / 2
    x0, x1, y0, y1 = name.x0 - pad, name.x1 + pad, name.y0 - (settings.reach + 1.5 * lines_between) * line, name.y1
    for p in pictures:
        if min(p.x1, x1) > max(p.x0, x0) and min(p.y1, y1) > max(p.y0, y0):
            return kind
    return Signature.NONE


def marks(pictures: list[Box], width: float, height: float, settings: SignatureSettings = DEFAULT) -> list[Box]:
    """The pictures that may be marks (a signature, a stamp): not the page-sized image of a scan."""
    area = max(width * height, 1.0)
    return [p for p in pictures if p.width * p.height / area <= settings.max_picture]


def ink_marks(image: np.ndarray, scale: float, words: list[Word], blank: list[Box] = (), settings: SignatureSettings = DEFAULT) -> list[Box]:
    """The marks on a scanned page: connected blobs of ink (``image`` grey, ``scale`` pixels per point)
    at least ``min_mark`` in size once every word read on the page and every box in ``blank`` (its
    tables) is taken out, in points.

    >>> page = np.full((200, 300), 255, np.uint8)
    >>> page[100:104, 50:250] = 40   # a stroke 200 px wide: 100 x 2 pt at scale 2
    >>> page[60:101, 60:64] = 40     # joined by a downstroke 40 px tall
    >>> ink_marks(page, 2.0, [])
    [Box(x0=24.5, y0=29.5, x1=125.5, y1=52.5)]
    >>> ink_marks(page, 2.0, [Word("Nama", Box(20, 25, 130, 55))])
    []
    """
    import cv2

    ink = (image < settings.ink_level).astype(np.uint8)
    h, w = ink.shape
    pad = settings.word_pad
    for box in [*(wd.box for wd in words), *blank]:
        x0, y0 = max(0, int((box.x0 - pad) * scale)), max(0, int((box.y0 - pad) * scale))
        x1, y1 = min(w, int((box.x1 + pad) * scale) + 1), min(h, int((box.y1 + pad) * scale) + 1)
        ink[y0:y1, x0:x1] = 0
    joined = cv2.dilate(ink, np.ones((3, 3), np.uint8))  # a scrawl's strokes, broken by the scanner, in one piece
    n, _, stats, _ = components(joined, 8)
    min_w, min_h = settings.min_mark
    out = []
    for i in range(1, n):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        if bw / scale >= min_w and bh / scale >= min_h:
            out.append(Box(x / scale, y / scale, (x + bw) / scale, (y + bh) / scale))
    return out
