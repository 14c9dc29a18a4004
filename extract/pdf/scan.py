"""A scanned page read by OCR, as named passes declared in order over one page context.

Each pass is a small function of a :class:`ScanPage` (the page's content being filled, its
image, the settings, and what earlier passes found); :data:`SCAN_PASSES` is their order. One can
be tested alone on a context built by hand, left out (``read_scan(..., passes=...)``), or swept
over its thresholds (``dataclasses.replace(settings, ...)``). The word repairs inside the two
OCR readings are declared the same way in :mod:`extract.pdf.ocr` (``PAGE_WORD_PASSES``).

    blank_pictures   photographs and charts (mid-tones over square inches) become paper
    clean            the shading kept (raster.shading), then paper flattened to white, specks removed (raster.clean_scan;
                     the specks kept aside, where a pale dash taken for one is found)
    deskew           ruling lines, or the lines of text, made level
    find_rulings     the ruling lines of the image and the grids they make
    read_cells       every non-empty cell, lines blanked, in one tesseract call
    fill_tables      cells filled with their words, header marks and period labels repaired, kept when valid
    keep_rules       the ruling lines and shaded bands no grid holds, for the reader of tables without one
    read_page_words  the text around the tables, read from the page with the tables blanked (a second,
                     doubtful reading of a line or a word left out; runs of doubtful words read again
                     where they stand; words whose boxes left out some of their ink read again whole;
                     where whole lines were passed over,
                     the page read again with its ruling lines blanked, the reading in more real words kept)
    flag_low_confidence  words with digits read below ``low_confidence``
    cross_read       amounts read again on their own; the ones that differ are reported
    find_ink         ink no word explains (a signature, a stamp): the signature evidence of extract.pdf.signatures

A page scanned sideways or upside down is found by its reading, not before it: when the words
read are mostly not words of the language (:func:`reads_upright`), tesseract's orientation
detection is asked how far the page is turned, and the passes run again on the page turned
upright; the reading with more real words is kept. Asking first cost every page 1-1.7 CPU
seconds of its 3-6 (the detection on a 2,000-pixel copy), for the few pages that lie turned.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from extract.pdf import lexicon, raster, signatures
from extract.pdf import ocr as ocr_mod
from extract.pdf.model import Box, PageContent, Table, Word
from extract.pdf.settings import DEFAULT, PdfSettings


@dataclass
class ScanPage:
    """One scanned page while its passes run."""

    content: PageContent
    image: np.ndarray  # grey, rendered at settings.dpi; each pass may replace it
    settings: PdfSettings = DEFAULT
    masks: raster.Masks | None = None  # the ruling lines (horizontal, vertical) of the image
    grids: list[Table] = field(default_factory=list)
    shade: np.ndarray | None = None  # the page's shading (raster.shading), turned with the image
    specks: np.ndarray | None = None  # the blots the cleaning took for specks, as on the flattened page (white elsewhere), turned with it
    cell_words: list[Word] = field(default_factory=list)
    _unruled: np.ndarray | None = field(default=None, repr=False)

    @property
    def scale(self) -> float:
        return self.settings.scale

    def unruled(self) -> np.ndarray:
        """The image with its ruling lines blanked (the masks of ``find_rulings``), made once for the
        passes after the last that changes the image: amounts read again, ink looked for."""
        if self._unruled is None:
            self._unruled = self.image.copy()
            if self.masks is not None:
                self._unruled[(self.masks[0] > 0) | (self.masks[1] > 0)] = 255
        return self._unruled


Pass = Callable[[ScanPage], None]


def blank_pictures(page: ScanPage) -> None:
    s = page.settings
    page.image, covered = raster.blank_pictures(page.image, s.scale, s.picture_window_pt, s.picture_share, s.picture_min_area_pt2)
    if covered:
        page.content.notes.append(f"pictures over {covered:.0%} of the page left out of OCR")


def clean(page: ScanPage) -> None:
    page.shade = raster.shading(page.image, page.settings)  # (flattening makes the shading paper)
    page.image, page.specks = raster.clean_scan(page.image, page.settings)


def deskew(page: ScanPage) -> None:
    page.image, angle = raster.deskew(page.image, page.settings)
    if angle:
        page.content.notes.append(f"deskewed by {angle:.2f} degrees")
        if page.shade is not None:
            page.shade = raster.turn(page.shade, angle)
        if page.specks is not None:
            page.specks = raster.turn(page.specks, angle)


def find_rulings(page: ScanPage) -> None:
    page.masks = raster.line_masks(page.image, without_type=True, settings=page.settings)  # once: the grid is found on them and the lines blanked with them
    page.grids = raster.find_grids(page.image, scale=page.scale, masks=page.masks)


def read_cells(page: ScanPage) -> None:
    page.cell_words = ocr_mod.ocr_cells(page.image, page.grids, page.scale, masks=page.masks, specks=page.specks)
    page.specks = None  # (a page's worth of pixels no later pass asks for)


def fill_tables(page: ScanPage) -> None:
    for grid in page.grids:
        raster.fill_from_words(grid, page.cell_words)
        ocr_mod.strip_header_marks(grid)
        ocr_mod.fix_period_header(grid)
        ocr_mod.fix_roman_quarters(grid)
        ocr_mod.fix_quarter_labels(grid)
        ocr_mod.fix_period_run(grid)
        grid.quality = ocr_quality(grid)
    page.content.tables = [g for g in page.grids if raster.validate_grid(g)]


def keep_rules(page: ScanPage) -> None:
    """The horizontal ruling lines and the shaded bands outside the page's ruled tables, as a digital
    page's rules and fills (:attr:`PageContent.rules`, :attr:`PageContent.fills`): a table ruled under
    its rows only, or only under its header, or banded, has no grid, and the reader of tables without
    one cuts its rows at them."""
    tables = page.content.tables
    edge = 2.0  # pt: a grid's own top and bottom lines lie on its box's edges, within a line's width and a pixel

    def outside(box: Box) -> bool:
        return not any(t.box.y0 - edge <= box.cy <= t.box.y1 + edge and min(box.x1, t.box.x1) > max(box.x0, t.box.x0)
                       for t in tables)

    if page.masks is not None:
        scale = page.scale
        for seg in raster.horizontal_segments(page.masks[0]):
            y = seg.pos / scale
            page.content.rules.append(Box(seg.start / scale, y - 0.5, seg.end / scale, y + 0.5))  # (as a PDF's: 1 pt high)
    if page.shade is not None:
        page.content.fills.extend(raster.bands(page.shade, page.settings))
    page.content.rules = [b for b in page.content.rules if outside(b)]
    page.content.fills = [b for b in page.content.fills if outside(b)]


def read_page_words(page: ScanPage) -> None:
    """The words outside the page's ruled tables. Where page layout passed over whole lines of them
    (:func:`ocr.missed_lines`) and the page has ruling lines outside its tables, the page is read
    again with those blanked (the strokes crossing them kept), and that reading kept when it holds
    more than ``reread_known_share`` times the real words of the first and reads no sure number of the
    first as something without a digit; the first reading's sure words of letters or digits where the
    second reads none (a row's code standing on a ruling) are kept with it, unless they stand on a
    ruling (a ruling read as "1" or "l")."""
    blank = [t.box for t in page.content.tables]
    words = ocr_mod.ocr_page_words(page.image, page.scale, blank=blank)
    if page.masks is not None and lexicon.words() and _rulings_outside(page, blank) \
            and ocr_mod.missed_lines(page.image, words, page.scale, blank, page.masks):
        again = ocr_mod.ocr_page_words(ocr_mod.without_rulings(page.image, page.masks, page.scale), page.scale, blank=blank)
        rulings = (page.masks[0] > 0) | (page.masks[1] > 0)
        again = again + [w for w in words if (w.conf or 0.0) >= ocr_mod.SURE and any(ch.isalnum() for ch in w.text)
                         and not any(_near(w.box, o.box) for o in again)  # (marks alone: specks of the rulings, mostly)
                         and not _on_ruling(w.box, rulings, page.scale, page.settings.reread_ruling_share)]
        before, after = lexicon.known_words(w.text for w in words), lexicon.known_words(w.text for w in again)
        if before is not None and after is not None and after[0] > page.settings.reread_known_share * before[0] \
                and not _numbers_lost(words, again):
            page.content.notes.append(f"read again with its ruling lines blanked: {after[0]} real words, not {before[0]}")
            words = again
    page.content.words = words


def _rulings_outside(page: ScanPage, blank: list[Box]) -> bool:
    """Ruling lines stand on the page outside the boxes (its tables read cell by cell)."""
    lines = (page.masks[0] > 0) | (page.masks[1] > 0)
    for b in blank:
        lines[ocr_mod.box_pixels(b, page.scale)] = False
    return bool(lines.any())


def _near(a: Box, b: Box) -> bool:
    """Two words' boxes overlap, or stand closer than a word space (a third of the taller one's height) on one line."""
    gap = max(b.x0 - a.x1, a.x0 - b.x1)
    return min(a.y1, b.y1) > max(a.y0, b.y0) and gap < max(a.height, b.height) / 3


def _numbers_lost(first: list[Word], second: list[Word]) -> list[Word]:
    """The sure numbers of the first reading (more digits than letters) the second reads as something without
    a digit ("12" as "lz"): words of the second stand by them, none with a digit. A number the second reads
    nothing for is no loss (the first's is kept beside it); nor is one the second reads in other pieces
    ("3,8(skala4)" as "3.8", "(skala", "4)")."""
    lost = []
    for w in first:
        digits, letters = sum(ch.isdigit() for ch in w.text), sum(ch.isalpha() for ch in w.text)
        if (w.conf or 0.0) < ocr_mod.SURE or digits <= letters:  # (a value: more digits than letters; "Q3", "7a-CP" name things)
            continue
        near = [o for o in second if _near(w.box, o.box)]
        if near and not any(ch.isdigit() for o in near for ch in o.text):
            lost.append(w)
    return lost


def _on_ruling(box: Box, rulings: np.ndarray, scale: float, share: float) -> bool:
    """Over ``share`` of the box's pixels lie on ruling lines (a ruling read as a letter or a digit)."""
    pixels = rulings[ocr_mod.box_pixels(box, scale)]
    return bool(pixels.size) and float(pixels.mean()) > share


def flag_low_confidence(page: ScanPage) -> None:
    low = page.settings.low_confidence
    page.content.low_confidence = [(w.text, w.conf, w.box) for w in page.content.words if w.conf is not None and w.conf < low]


def cross_read(page: ScanPage) -> None:
    tables = page.content.tables  # the amounts are read again without the ruling lines that cross their boxes
    kept = [w for w in page.cell_words if any(t.box.contains_point(w.box.cx, w.box.cy) for t in tables)]
    page.content.uncertain_digits = ocr_mod.cross_read_amounts(page.unruled(), kept + page.content.words, page.scale)


def find_ink(page: ScanPage) -> None:  # ruling lines are no ink of a signature
    page.content.ink = signatures.ink_marks(page.unruled(), page.scale, page.content.words, [t.box for t in page.content.tables])


SCAN_PASSES: tuple[Pass, ...] = (
    blank_pictures, clean, deskew, find_rulings, read_cells, fill_tables, keep_rules, read_page_words, flag_low_confidence,
    cross_read, find_ink,
)


def page_texts(content: PageContent) -> Iterator[str]:
    """The texts read on a page: its loose words and its tables' cells."""
    yield from (w.text for w in content.words)
    yield from (c.text for t in content.tables for r in t.rows for c in r if c is not None)


def reads_upright(content: PageContent, settings: PdfSettings = DEFAULT) -> bool:
    """The page was read the right way up: at least ``upright_min_words`` words checked against the
    language's word lists (:mod:`lexicon`), and ``upright_known_share`` of them real words. Without
    the word lists nothing can be told (False: the orientation detection decides)."""
    counted = lexicon.known_words(page_texts(content))
    if counted is None:
        return False
    known, total = counted
    return total >= settings.upright_min_words and known >= settings.upright_known_share * total


def read_scan(content: PageContent, image: np.ndarray, settings: PdfSettings = DEFAULT,
              passes: Sequence[Pass] = SCAN_PASSES) -> ScanPage:
    """Run the passes in order over the page; ``content`` is filled (source ``ocr``). A page whose
    reading is not upright (:func:`reads_upright`) and that tesseract's orientation detection
    finds turned is read again, turned upright; the reading with more real words is kept.

    A page whose ink runs down rather than across (:func:`raster.sideways_ratio`) is asked first (once:
    the answer, on the page as scanned, serves both ways) and, when the detection finds it turned a
    quarter, read turned first: kept when that reading is upright, so the page's garbage is never read
    (the builder's DJPK PK, page 1 turned a quarter: 27.9 s, 6.1 s so; 4.6 s upright)."""
    content.source = "ocr"
    blank = copy.deepcopy(content)  # (as the caller gave it: a few fields, no words yet)
    asked: tuple[int, float] | None = None  # the orientation detection's answer: clockwise turn, confidence
    turned: tuple[PageContent, ScanPage] | None = None
    if (ratio := raster.sideways_ratio(image, settings)) is not None and ratio >= settings.sideways_ratio:
        asked = ocr_mod.orientation(image)
        if asked[0] in (90, 270) and asked[1] >= settings.orientation_confidence:
            turned = _read_turned(blank, image, *asked, settings, passes)
            if reads_upright(turned[0], settings):
                return _kept(content, *turned)
    page = _run(content, image, settings, passes)
    if reads_upright(content, settings):
        return page
    turn, confidence = asked if asked is not None else ocr_mod.orientation(page.image)
    if not turn or confidence < settings.orientation_confidence:
        return page
    if turned is None:
        turned = _read_turned(blank, image, turn, confidence, settings, passes)
    before, after = lexicon.known_words(page_texts(content)), lexicon.known_words(page_texts(turned[0]))
    if before is not None and after is not None and after[0] < before[0]:
        content.notes.append(f"orientation detection said turned {turn} degrees (confidence {confidence:.1f}); "
                             "the page read turned had fewer real words and was kept as scanned")
        return page
    return _kept(content, *turned)


def _read_turned(blank: PageContent, image: np.ndarray, turn: int, confidence: float, settings: PdfSettings,
                 passes: Sequence[Pass]) -> tuple[PageContent, ScanPage]:
    """The page read turned ``turn`` degrees clockwise, into a copy of the caller's ``blank`` content."""
    turned = copy.deepcopy(blank)
    upright = np.rot90(image, k=-(turn // 90)).copy()
    turned.width, turned.height = upright.shape[1] / settings.scale, upright.shape[0] / settings.scale
    turned.notes.append(f"scanned sideways: turned {turn} degrees clockwise (orientation confidence {confidence:.1f})")
    return turned, _run(turned, upright, settings, passes)


def _kept(content: PageContent, turned: PageContent, again: ScanPage) -> ScanPage:
    """The turned reading, copied into the caller's ``content``."""
    for f in fields(PageContent):
        setattr(content, f.name, getattr(turned, f.name))
    again.content = content
    return again


def _run(content: PageContent, image: np.ndarray, settings: PdfSettings, passes: Sequence[Pass]) -> ScanPage:
    page = ScanPage(content, image, settings)
    for step in passes:
        step(page)
    return page


def ocr_quality(table: Table) -> float:
    """Mean OCR confidence of the table's filled cells, 0..1."""
    confs = [c.conf for r in table.rows for c in r if c is not None and c.conf is not None]
    return round(sum(confs) / len(confs) / 100, 3) if confs else 0.0
