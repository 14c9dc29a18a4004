"""Ruling lines in a page image (scans): render, find horizontal and vertical lines, build grids.

Lines are what survives a morphological opening with a long thin kernel (OpenCV); each line
is a connected component of that mask. A table is a set of horizontal and vertical lines
that touch; its cells are the slots between consecutive lines, and two slots are one
(spanning) cell when no ruling separates them — checked on the line masks themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import regex

from extract.models import TableMethod
from extract.pdf.model import Box, Cell, Table, Word
from extract.pdf.ruling import fill_cells, validate
from extract.pdf.settings import DEFAULT, PdfSettings

DPI = DEFAULT.dpi
SCALE = DEFAULT.scale  # pixels per point


def components(binary: np.ndarray, connectivity: int = 8) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """``cv2.connectedComponentsWithStats``: the count, labels, stats and centroids of a binary
    image's connected components; the labels 16-bit where OpenCV can say they do not fit.

    The same labels, stats and centroids either way; 16-bit labels take a third of the time (a
    300 dpi A4 page of ink, one thread: 90 -> 27 ms; an OCR'd page asks for some twenty such).
    OpenCV raises when its labels, provisional ones included, outgrow 16 bits (a page of noise; a
    comb of 141 teeth bands already), and they are counted again in 32 bits; before OpenCV 4.13
    it did not (opencv/opencv#27582: memory was overwritten), so 32 bits are asked of those.
    """
    import cv2

    return _labelled(cv2.connectedComponentsWithStats, binary, connectivity)


def component_labels(binary: np.ndarray, connectivity: int = 8) -> tuple[int, np.ndarray]:
    """``cv2.connectedComponents``, 16-bit labels as :func:`components` (59 -> 17 ms a page)."""
    import cv2

    return _labelled(cv2.connectedComponents, binary, connectivity)


def _labelled(label: Callable[..., tuple], binary: np.ndarray, connectivity: int) -> tuple:
    import cv2

    if sixteen_bit_overflow_raises():
        try:
            return label(binary, connectivity=connectivity, ltype=cv2.CV_16U)
        except cv2.error:  # (a wrong image raises again below, as it would have)
            pass
    return label(binary, connectivity=connectivity, ltype=cv2.CV_32S)


@functools.cache
def sixteen_bit_overflow_raises() -> bool:
    """Whether this OpenCV raises on labels that outgrow 16 bits (4.13 and later)."""
    import cv2

    release = regex.match(r"(\d+)\.(\d+)", cv2.__version__)
    return release is not None and (int(release[1]), int(release[2])) >= (4, 13)


def one_thread() -> None:
    """OpenCV on one thread in this process, as tesseract is (:func:`extract.pdf.tesseract.in_process`):
    for a process that reads files side by side with others, one per core, where OpenCV's own
    threads only contend. Two processes reading two seed scans on two cores: 29.4 s with
    OpenCV's two threads each, 26.1 s with one (2026-12-07, one run each way).

    Call it in the process that forks the readers, before it forks them (they inherit it), never in a
    forked child: in a child forked from a process whose OpenCV threads had run, ``setNumThreads``
    waits for threads the child does not have, for ever (OpenCV 4.13; its own work in such a child
    runs)."""
    import cv2

    cv2.setNumThreads(1)


@dataclass
class Segment:
    pos: float  # y of a horizontal line, x of a vertical one (pixels)
    start: float
    end: float
    thickness: float = 0.0  # across the line (pixels, as the mask holds it; a column ruling's is read: _closed)


def render_gray(page: pdfium.PdfPage, scale: float = SCALE) -> np.ndarray:
    """The page as a grayscale uint8 array (0 black … 255 white), as displayed (rotation applied)."""
    bitmap = page.render(scale=scale, grayscale=True)
    image = bitmap.to_numpy()
    if image.ndim == 3:
        image = image[..., 0]
    return np.ascontiguousarray(image)


def skew_angle(image: np.ndarray) -> float:
    """The page's skew in degrees, from the slope of its long horizontal ruling lines (0 when none)."""
    horizontal, _ = line_masks(image)
    n, labels, stats, _ = components(horizontal, 8)
    angles: list[tuple[float, float]] = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if w < image.shape[1] * 0.3:
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == i)
        if len(xs) < 50:
            continue
        slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
        angles.append((float(np.degrees(np.arctan(slope))), float(w)))
    if not angles:
        return profile_skew_angle(image)
    angles.sort()
    total = sum(w for _, w in angles)
    acc = 0.0
    for a, w in angles:  # length-weighted median
        acc += w
        if acc >= total / 2:
            return a
    return 0.0


MAX_SKEW = DEFAULT.max_skew  # degrees: a page turned further is no skewed scan


def profile_skew_angle(image: np.ndarray, max_deg: float = MAX_SKEW, factor: int = 4) -> float:
    """The page's skew in degrees, as :func:`skew_angle` gives it, from its lines of text: the
    turn that makes the rows of ink sharpest (the sum of squared steps of the row profile of a
    quarter-size image, searched in 0.5°, then 0.1°, then 0.02° steps). Ruling lines are found
    only when the page is nearly level (a thin line tilted by 1.5° breaks into runs shorter than
    the opening's kernel), and a scan skewed by 2.5° read 1 % of its fields without this.

    >>> page = np.full((400, 400), 255, np.uint8)
    >>> for y in range(60, 360, 30):
    ...     page[y : y + 8, 40:360] = 0
    >>> import cv2
    >>> tilted = cv2.warpAffine(page, cv2.getRotationMatrix2D((200, 200), 2.0, 1.0), (400, 400), borderValue=255)
    >>> abs(profile_skew_angle(tilted) - -2.0) < 0.15  # the turn back (a 100 px thumbnail: within a step)
    True
    """
    import cv2  # noqa: PLC0415

    ink = (image < 160).astype(np.float32)
    small = cv2.resize(ink, (max(1, image.shape[1] // factor), max(1, image.shape[0] // factor)), interpolation=cv2.INTER_AREA)
    h, w = small.shape

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(small, cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0), (w, h),
                                flags=cv2.INTER_LINEAR, borderValue=0)
        return float((np.diff(turned.sum(axis=1)) ** 2).sum())

    best = 0.0
    for step, reach in ((0.5, max_deg), (0.1, 0.5), (0.02, 0.1)):
        steps = np.arange(best - reach, best + reach + 1e-9, step)
        best = float(max(steps, key=sharpness))
    return round(best, 2) if abs(best) >= 0.01 else 0.0


def deskew(image: np.ndarray, settings: PdfSettings = DEFAULT) -> tuple[np.ndarray, float]:
    """The image turned so its ruling lines (or, without long ones, its lines of text) are level;
    only when skewed by ``min_skew`` to ``max_skew`` degrees (0.1-5)."""
    angle = skew_angle(image)
    if abs(angle) < settings.min_skew or abs(angle) > settings.max_skew:
        return image, 0.0
    return turn(image, angle), angle


def turn(image: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``angle`` degrees (counter-clockwise) about its centre, white where it leaves the page."""
    import cv2  # noqa: PLC0415

    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


SHADE_FACTOR = 4  # the shading is looked for at a quarter of the scan's size (75 dpi): bands are rows high


def shading(image: np.ndarray, settings: PdfSettings = DEFAULT) -> np.ndarray:
    """The page's background at 1/:data:`SHADE_FACTOR` of its size: every stroke of text closed over
    by a closing ``shade_kernel_pt`` wide and high, what is left the paper and its shading.

    >>> page = np.full((400, 800), 255, np.uint8); page[100:180, 40:760] = 224; page[130:140, 100:300] = 0
    >>> small = shading(page, PdfSettings(dpi=72))
    >>> small.shape, int(small[35, 50]), int(small[5, 50])  # the band's text is gone, its shade stays
    ((100, 200), 224, 255)
    """
    import cv2  # noqa: PLC0415

    small = cv2.resize(image, (max(1, image.shape[1] // SHADE_FACTOR), max(1, image.shape[0] // SHADE_FACTOR)),
                       interpolation=cv2.INTER_AREA)
    s = settings.scale / SHADE_FACTOR
    kw, kh = (max(1, int(k * s)) | 1 for k in settings.shade_kernel_pt)
    return cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (kw, kh)))


def bands(shade: np.ndarray, settings: PdfSettings = DEFAULT) -> list[Box]:
    """The shaded bands and headers of a page's :func:`shading`, in points: where it is
    ``shade_contrast`` darker than the lightest paper around, cut where its shade steps (a header
    over a band of another shade is two), each at least ``band_min_width_pt`` wide and
    ``band_min_height_pt`` high.

    >>> page = np.full((100, 200), 255, np.uint8); page[20:40, 10:190] = 191; page[40:55, 10:190] = 224
    >>> [(round(b.y0), round(b.y1)) for b in bands(page, PdfSettings(dpi=72 * SHADE_FACTOR))]
    [(20, 40), (40, 55)]
    """
    import cv2  # noqa: PLC0415

    s = settings.scale / SHADE_FACTOR

    def rect(w_pt: float, h_pt: float) -> np.ndarray:
        return cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, int(w_pt * s)) | 1, max(1, int(h_pt * s)) | 1))

    k = max(1, int(settings.shade_reference_pt * s)) | 1
    light = cv2.dilate(shade, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))).astype(np.float32)
    paper = shade.astype(np.float32)
    dark = (paper < light * (1 - settings.shade_contrast)).astype(np.uint8)
    step = np.zeros_like(paper)
    step[1:-1] = np.abs(paper[2:] - paper[:-2]) / 2
    edges = cv2.morphologyEx((step > light * settings.shade_contrast / 2).astype(np.uint8), cv2.MORPH_OPEN,
                             rect(settings.band_min_width_pt / 2, 0))
    dark[edges > 0] = 0
    dark = cv2.morphologyEx(dark, cv2.MORPH_OPEN, rect(settings.band_min_width_pt / 2, settings.band_min_height_pt / 2))
    n, _, stats, _ = components(dark, 4)
    out: list[Box] = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if w / s < settings.band_min_width_pt or h / s < settings.band_min_height_pt or area < 0.5 * w * h:
            continue  # (a band fills its box; what is left of a skewed line of bold type closed over does not)
        out.append(Box(x / s, (y - 1) / s, (x + w) / s, (y + h + 1) / s))  # (the row of its edge, cut above)
    return sorted(out, key=lambda b: (b.y0, b.x0))


PAPER_KERNEL_PT = DEFAULT.paper_kernel_pt  # the measurements behind these are in extract.pdf.settings
SPECK_SIZE_PT = DEFAULT.speck_size_pt
SPECK_INK = DEFAULT.speck_ink
SPECK_GAP_PT = DEFAULT.speck_gap_pt


def flatten_paper(image: np.ndarray, scale: float = SCALE, kernel_pt: float = PAPER_KERNEL_PT,
                  white: int | None = None) -> np.ndarray:
    """The page divided by its paper: grey paper, uneven toner and shaded cells become white, ink
    keeps its contrast. The paper is what a grey closing leaves (every stroke thinner than the
    kernel filled in with the paper around it); a shaded band or cell, wider than the kernel,
    counts as paper, so its text stands on white afterwards. tesseract binarises each image with
    one global threshold: on a stack of cells, some shaded, that threshold fell between white and
    the shade, and a shaded header read ``Na ran ae`` for ``Indikator Kinerja``.

    >>> img = np.full((60, 60), 200, np.uint8); img[20:24, 10:50] = 60  # grey paper, one stroke
    >>> out = flatten_paper(img, 1.0, 25)
    >>> int(out[5, 5]), int(out[22, 30]) < 90
    (255, True)
    """
    import cv2  # noqa: PLC0415

    k = max(3, int(round(kernel_pt * scale)) | 1)
    paper = cv2.morphologyEx(image, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    if white is not None and np.percentile(paper[::4, ::4], 1) >= white:
        return image  # white paper, no shading: nothing to flatten (and the image stays as scanned)
    out = image.astype(np.float32) * (255.0 / np.maximum(paper, 1).astype(np.float32))
    return np.clip(out, 0, 255).astype(np.uint8)


def despeckle(image: np.ndarray, scale: float = SCALE, size_pt: float = SPECK_SIZE_PT, gap_pt: float = SPECK_GAP_PT,
              ink: int = SPECK_INK, min_specks: int = 0) -> np.ndarray:
    """The page without specks: round blots of ink no larger than ``size_pt`` with no other ink
    within ``gap_pt`` become paper. Dust read as ``'``, ``:`` or ``©`` opened rows and broke
    words; light speckle (0.05 % of pixels) took one built scan from 166 to 42 of 181 fields.
    A dot of text (a full stop, a decimal comma, the dot of an ``i``, a colon beside its label)
    has a letter within a space's width, and a lone hyphen in a cell is long and flat, so both stay.

    >>> img = np.full((80, 80), 255, np.uint8)
    >>> img[10:13, 10:13] = 0; img[40:44, 40:70] = 0; img[45:48, 72:75] = 0  # a speck; a stroke with its full stop
    >>> out = despeckle(img, 1.0, 8, 12)
    >>> int(out[11, 11]), int(out[46, 73]), int(out[42, 50])
    (255, 0, 0)
    """
    import cv2  # noqa: PLC0415

    binary = (image < ink).astype(np.uint8)  # faint specks too: tesseract's own threshold may take them for ink
    n, labels, stats, _ = components(binary, 8)
    if n <= 1:
        return image
    size, gap = size_pt * scale, max(1, int(round(gap_pt * scale)))
    x, y, w, h, area = (stats[:, k] for k in range(5))
    small = (w <= size) & (h <= size) & (w <= 2 * h) & (h <= 2 * w)
    small[0] = False
    if not small.any():
        return image
    integral = cv2.integral(binary)
    rows, cols = binary.shape
    x0, y0 = np.clip(x - gap, 0, cols), np.clip(y - gap, 0, rows)
    x1, y1 = np.clip(x + w + gap, 0, cols), np.clip(y + h + gap, 0, rows)
    around = integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]
    drop = small & (around <= area)  # nothing but its own ink within the gap
    if int(drop.sum()) < max(1, min_specks):
        return image  # a few specks are left as scanned (a clean scan's dots are not touched)
    out = image.copy()
    out[drop[labels]] = 255
    return out


def blank_pictures(image: np.ndarray, scale: float = SCALE, window_pt: float = DEFAULT.picture_window_pt,
                   share: float = DEFAULT.picture_share, min_area_pt2: float = DEFAULT.picture_min_area_pt2) -> tuple[np.ndarray, float]:
    """The page with its photographs and other pictures blanked, and the share of the page they
    covered. A picture is where most pixels are mid-tones (neither paper nor ink) over windows of
    half an inch, in one piece of four square inches or more: a photograph's grain reads as thousands of
    specks (a slide's photograph took 9.7 s of OCR for no word). Printed text, even grey toner, is
    paper for the most part around its strokes, and a shaded cell is lighter than mid-tone.

    >>> page = np.full((600, 600), 255, np.uint8); page[100:400, 100:500] = 120; page[450:460, 50:550] = 0
    >>> out, covered = blank_pictures(page, 1.0, 36, 0.5, 4 * 72 * 72)
    >>> int(out[250, 300]), int(out[455, 300]), round(covered, 2)
    (255, 0, 0.33)
    """
    import cv2  # noqa: PLC0415

    step = 8
    small = cv2.resize(image, (max(1, image.shape[1] // step), max(1, image.shape[0] // step)), interpolation=cv2.INTER_AREA)
    mid = ((small > 50) & (small < 190)).astype(np.float32)  # a synthetic shaded header is ~204, its ink under 50
    k = max(3, int(window_pt * scale / step))
    dense = cv2.boxFilter(mid, -1, (k, k)) > share
    dense = cv2.morphologyEx(dense.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))  # its darkest and lightest parts too
    n, labels, stats, _ = components(dense, 8)
    big = np.zeros(n, bool)
    big[1:] = stats[1:, cv2.CC_STAT_AREA] * (step / scale) ** 2 >= min_area_pt2
    if not big.any():
        return image, 0.0
    mask = cv2.resize(big[labels].astype(np.uint8), (image.shape[1], image.shape[0]), interpolation=cv2.INTER_NEAREST) > 0
    out = image.copy()
    out[mask] = 255
    return out, float(mask.mean())


def clean_scan(image: np.ndarray, settings: PdfSettings = DEFAULT) -> tuple[np.ndarray, np.ndarray | None]:
    """A scanned page ready for OCR: paper flattened to white (where it is not white), then specks
    removed (where there are many). A clean scan is left exactly as scanned. With it, the blots removed
    as they stood on the flattened page, white elsewhere (None when none was): a lone short dash is as
    small as a speck, and a cell is read for one there (:func:`extract.pdf.ocr.dash_taken_for_speck`).

    >>> page = np.full((400, 400), 255, np.uint8); page[::40, ::40] = 60  # 100 specks
    >>> cleaned, specks = clean_scan(page)
    >>> int(cleaned.min()), int((specks == 60).sum())
    (255, 100)
    """
    flat = flatten_paper(image, settings.scale, settings.paper_kernel_pt, settings.paper_white)
    cleaned = despeckle(flat, settings.scale, settings.speck_size_pt, settings.speck_gap_pt, settings.speck_ink, settings.min_specks)
    return cleaned, (np.where(cleaned > flat, flat, 255).astype(np.uint8, copy=False) if cleaned is not flat else None)


def _ink(image: np.ndarray) -> np.ndarray:
    import cv2  # noqa: PLC0415 - OpenCV comes with camelot

    _, binary = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def sideways_ratio(image: np.ndarray, settings: PdfSettings = DEFAULT) -> float | None:
    """How much more a page's ink joins smeared down than smeared across: the pieces of ink (ruling
    lines left out) smeared across by ``sideways_smear_pt`` over the pieces smeared down, at half the
    scan's resolution. Letters of an upright line join across into words, so an upright page gives
    well under 1 and a page turned a quarter well over (:attr:`PdfSettings.sideways_ratio`). None
    when either count is under ``sideways_min_pieces``: too little text to tell.

    >>> page = np.full((1200, 900), 255, np.uint8)
    >>> for y in range(60, 1140, 30):  # lines of words of four letters 10 px high, 4 px apart
    ...     for x in range(60, 800, 86):
    ...         for letter in range(4):
    ...             page[y : y + 10, x + 14 * letter : x + 14 * letter + 10] = 0
    >>> sideways_ratio(page), sideways_ratio(np.rot90(page).copy())
    (0.25, 4.0)
    >>> sideways_ratio(page[:150]) is None  # two lines of words: too little to tell
    True
    """
    import cv2  # noqa: PLC0415

    small = cv2.resize(image, (image.shape[1] // 2, image.shape[0] // 2), interpolation=cv2.INTER_AREA)
    across, down = line_masks(small)
    ink = ((small < 160) & (across == 0) & (down == 0)).astype(np.uint8)
    reach = max(2, round(settings.sideways_smear_pt * settings.scale / 2))
    pieces_across = component_labels(cv2.dilate(ink, np.ones((1, reach), np.uint8)), 8)[0] - 1
    pieces_down = component_labels(cv2.dilate(ink, np.ones((reach, 1), np.uint8)), 8)[0] - 1
    if min(pieces_across, pieces_down) < settings.sideways_min_pieces:
        return None
    return pieces_across / pieces_down


def line_masks(image: np.ndarray, *, faint: bool = False, without_type: bool = False,
               settings: PdfSettings = DEFAULT) -> tuple[np.ndarray, np.ndarray]:
    """Masks of horizontal and vertical ruling lines (long thin runs of ink).

    ``without_type``: the runs through a line of type left out (:func:`type_runs`), for the masks a
    level page's grid is found on and its lines blanked with before OCR. The skew is measured on
    the plain masks: there, leaving the runs out moved the skew found by 0.02-0.03 degrees on
    two generated scans, and their readings with it (s1/2 11 -> 35 fields wrong, s2/13 59 -> 134).

    ``faint``: a thin scanned line wanders by a pixel and its grain leaves holes, so it is
    thickened across and its holes closed before one long unbroken run is asked of it. That
    finds the grid of a pale scan (PK_Kadis_2016); the plain masks blank the lines before OCR,
    where a thickened mask would eat into digits that touch a ruling."""
    import cv2  # noqa: PLC0415

    binary = _ink(image)
    h, w = binary.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 25, 20), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 40, 20)))
    across_h, across_v = binary, binary
    if faint:
        across_h = cv2.morphologyEx(cv2.dilate(binary, np.ones((3, 1), np.uint8)), cv2.MORPH_CLOSE, np.ones((1, 3), np.uint8))
        across_v = cv2.morphologyEx(cv2.dilate(binary, np.ones((1, 3), np.uint8)), cv2.MORPH_CLOSE, np.ones((3, 1), np.uint8))
    horizontal = cv2.morphologyEx(across_h, cv2.MORPH_OPEN, hk)
    vertical = cv2.morphologyEx(across_v, cv2.MORPH_OPEN, vk)
    if without_type:
        horizontal[type_runs(horizontal, binary, vertical, settings)] = 0
    # bridge small breaks in scanned lines
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horizontal, vertical


def type_runs(runs: np.ndarray, ink: np.ndarray, down: np.ndarray | None = None, settings: PdfSettings = DEFAULT) -> np.ndarray:
    """Where the horizontal ``runs`` (long thin runs of ``ink``) run through a line of type, not along a
    ruling: a thin run with ink in most of its columns both just above it and just below it
    (``PdfSettings.strike_*``), whose ends meet no vertical ruling (``down``: the mask of vertical runs,
    a ruling among them as long as ``strike_ruling_min_pt`` at least: a letter's stem is shorter). Blurred
    bold type runs its letters together at mid-height, inside its cell's padding; a ruling has
    paper on both sides, crossed here and there by a letter of a row set tight, and a ruling one
    cell long between rows of bold type set tight runs from one vertical ruling to the next.

    >>> ink = np.zeros((120, 400), np.uint8)  # 30 pt high at 4 px a point
    >>> ink[10:12, :] = 255  # a ruling line, a letter's stem crossing it
    >>> ink[6:16, 50:53] = 255
    >>> for x in range(20, 380, 12):  # a line of type, its letters run together at mid-height
    ...     ink[35:50, x : x + 9] = 255
    >>> ink[42:44, 20:377] = 255
    >>> runs = np.zeros_like(ink); runs[10:12, :] = 255; runs[42:44, 20:377] = 255
    >>> at_four = PdfSettings(dpi=288)  # 4 px a point
    >>> strikes = type_runs(runs, ink, settings=at_four)
    >>> bool(strikes[42, 100]), bool(strikes[10, 100])
    (True, False)
    >>> down = np.zeros_like(ink); down[:, 18:20] = 255; down[:, 377:379] = 255  # the run meets two vertical rulings, 30 pt long
    >>> bool(type_runs(runs, ink, down, settings=at_four)[42, 100])
    False
    >>> stems = np.zeros_like(ink); stems[35:50, 18:20] = 255; stems[35:50, 377:379] = 255  # two letters' stems
    >>> bool(type_runs(runs, ink, stems, settings=at_four)[42, 100])
    True
    """
    s = settings.scale
    near, far = (max(1, round(v * s)) for v in settings.strike_band_pt)
    thickest = settings.strike_max_thickness_pt * s
    tallest = settings.strike_ruling_min_pt * s
    n, labels, stats, _ = components(runs, 8)
    down_labels = down_stats = None
    if down is not None and n > 1:
        _, down_labels, down_stats, _ = components(down, 8)
    height, width = ink.shape
    strikes = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if h > thickest:
            continue
        above = ink[max(0, y - far) : max(0, y - near + 1), x : x + w]
        below = ink[min(height, y + h - 1 + near) : min(height, y + h + far), x : x + w]
        if min(above.size, below.size) == 0:
            continue
        if min((above > 0).any(axis=0).mean(), (below > 0).any(axis=0).mean()) <= settings.strike_ink_share:
            continue
        if down_labels is not None:
            rows = slice(max(0, y - far), min(height, y + h + far))
            ends = np.concatenate((down_labels[rows, max(0, x - far) : x + far].ravel(),
                                   down_labels[rows, max(0, x + w - far) : min(width, x + w + far)].ravel()))
            if any(down_stats[k][3] >= tallest for k in set(ends.tolist()) - {0}):
                continue  # its end meets a vertical ruling, longer than any letter's stem
        strikes.append(i)
    if not strikes:
        return np.zeros(runs.shape, dtype=bool)
    lookup = np.zeros(n, dtype=bool)
    lookup[strikes] = True
    return lookup[labels]


def _segments(mask: np.ndarray, horizontal: bool) -> list[Segment]:
    n, _, stats, _ = components(mask, 8)
    out: list[Segment] = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if horizontal:
            if w < 4 * h:
                continue
            out.append(Segment(y + h / 2, x, x + w, h))
        else:
            if h < 4 * w:
                continue
            out.append(Segment(x + w / 2, y, y + h, w))
    return out


def horizontal_segments(mask: np.ndarray) -> list[Segment]:
    """The horizontal lines of a mask of them (:func:`line_masks`), each a run at least four times as long as thick."""
    return _segments(mask, True)


def _merge_positions(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


Masks = tuple[np.ndarray, np.ndarray]


def find_grids(image: np.ndarray, scale: float = SCALE, masks: Masks | None = None) -> list[Table]:
    """Every ruled table in the image, as a grid of cells in page points (text not filled yet).

    The rulings are looked for as printed first; when the faint reading of them (thin grainy
    lines, :func:`line_masks`) covers clearly more of the page with tables, it is taken instead
    (a pale scan whose grid fell apart). Where both agree the plain grid is kept: its lines sit
    where the ink is, and OCR of a small cell is that sensitive."""
    plain = _find_grids(image, scale, masks or line_masks(image))  # ``masks``: the caller's (scan.find_rulings: without runs of type)
    faint = _find_grids(image, scale, line_masks(image, faint=True))
    return faint if _area(faint) > 1.3 * _area(plain) else plain


def _area(tables: list[Table]) -> float:
    return sum((t.box.x1 - t.box.x0) * (t.box.y1 - t.box.y0) for t in tables)


def _find_grids(image: np.ndarray, scale: float, masks: Masks) -> list[Table]:
    import cv2  # noqa: PLC0415

    horizontal, vertical = masks
    union = cv2.bitwise_or(horizontal, vertical)
    n, labels, stats, _ = components(union, 8)
    tables: list[Table] = []
    tol = 0.012 * DPI * 3  # ~ 3 pt
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if w < 0.15 * image.shape[1] or h < 20:
            continue
        region = labels[y : y + h, x : x + w] == i
        vs = [s for s in _segments((vertical[y : y + h, x : x + w] * region).astype(np.uint8), False) if s.end - s.start > 12]
        hs = [s for s in _segments((horizontal[y : y + h, x : x + w] * region).astype(np.uint8), True)
              if s.end - s.start > 0.3 * w or _closed(s, vs, tol)]
        ys = _merge_positions([s.pos for s in hs], tol)
        xs = _merge_positions([s.pos for s in vs], tol)
        if len(ys) < 2 or len(xs) < 2:
            continue
        hmask = horizontal[y : y + h, x : x + w]
        vmask = vertical[y : y + h, x : x + w]
        for part_ys, part_xs in _stacked(ys, xs, vs, tol):
            part_vs = [s for s in vs if s.end > part_ys[0] and s.start < part_ys[-1]]
            open_top, open_bottom = _open_ends(part_vs, part_xs, part_ys, tol)
            runs = [s for s in part_vs if any(abs(s.pos - v) <= tol for v in part_xs)]
            part_ys = ([min(s.start for s in runs)] if open_top else []) + part_ys + ([max(s.end for s in runs)] if open_bottom else [])
            table = _grid(part_xs, part_ys, hmask, vmask, x, y, scale)
            if table is not None:
                table.open_top, table.open_bottom = open_top, open_bottom
                tables.append(table)
    tables.sort(key=lambda t: t.box.y0)
    return tables


def _closed(line: Segment, vs: list[Segment], tol: float) -> bool:
    """Whether a horizontal ruling ends on a column ruling at both its ends: the line under a
    group's label (``Triwulan`` over ``I II III IV``) spans only the group's columns, a quarter of
    the table's width, and is a row's ruling all the same. A line ends on a thick ruling anywhere
    across it: the run of a line that meets one takes in the ruling's width (and the masks' dilation),
    so its end lies half the ruling's thickness further from the ruling's middle than at a thin one
    (the line under a ``Target`` over the last columns of seed 2 file 16 ends 13 px from the middle of
    the table's outer border, 14 px of ink at 300 dpi, where ``tol`` is 10.8)."""
    def ends_on(x: float) -> bool:
        return any(abs(v.pos - x) <= tol + v.thickness / 2 and v.start - tol <= line.pos <= v.end + tol for v in vs)

    return ends_on(line.start) and ends_on(line.end)


def _stacked(ys: list[float], xs: list[float], vs: list[Segment], tol: float) -> list[tuple[list[float], list[float]]]:
    """Tables set one right under the other touch, so their rulings are one connected shape;
    where the column rulings of one band of rows and of the next are not one the other's subset
    (a spanning cell only drops rulings), a new table starts. Each part with its own columns."""
    def columns(a: float, b: float) -> frozenset[float]:
        return frozenset(x for x in xs if any(abs(s.pos - x) <= tol and s.start <= a + 0.4 * (b - a) and s.end >= b - 0.4 * (b - a) for s in vs))

    bands = [columns(a, b) for a, b in zip(ys, ys[1:], strict=False)]
    parts: list[tuple[list[float], list[float]]] = []
    start = 0
    for i in range(1, len(bands) + 1):
        if i == len(bands) or (len(bands[i - 1]) >= 2 and len(bands[i]) >= 2 and not (bands[i - 1] <= bands[i] or bands[i] <= bands[i - 1])):
            cols = sorted(frozenset().union(*bands[start:i]))
            if len(cols) >= 2:
                parts.append((ys[start : i + 1], cols))
            start = i
    return parts or [(ys, xs)]


def _open_ends(vs: list[Segment], xs: list[float], ys: list[float], tol: float) -> tuple[bool, bool]:
    """Whether the table's column rulings run on past its first or last horizontal line: a row
    that the page break cut (no ruling closes it; its rest is on the next page) or that opens
    the page (its start is on the page before). Every column ruling must run on, by a line of
    text at least, for the cut to be read."""
    def runs_on(edge, beyond) -> bool:
        ends = [next((edge(s) for s in vs if abs(s.pos - x) <= tol and beyond(edge(s))), None) for x in xs]
        return all(e is not None for e in ends)

    reach = 3 * tol  # ~9 pt: a line of text
    bottom = runs_on(lambda s: s.end, lambda e: e > ys[-1] + reach)
    top = runs_on(lambda s: s.start, lambda e: e < ys[0] - reach)
    return top, bottom


def _has_vertical(vmask: np.ndarray, x: float, y0: float, y1: float) -> bool:
    """Whether a column ruling parts the row ``y0 .. y1`` at ``x``: its middle half is mostly ruled,
    up to both its ends. A stroke of a letter that touches the ruling under the row (the ``l`` of
    ``Triwulan`` centred over its group's middle ruling, in rows set tight) rules its lower part
    only; a ruling the scan broke somewhere in between still reaches both ends."""
    xi = int(round(x))
    a, b = int(y0 + 0.25 * (y1 - y0)), int(y1 - 0.25 * (y1 - y0))
    if b <= a:
        return True
    strip = vmask[a:b, max(xi - 14, 0) : xi + 15]
    if strip.size == 0:
        return False
    ruled = strip.max(axis=1) > 0
    end = max(1, len(ruled) // 4)
    return float(ruled.mean()) >= 0.6 and bool(ruled[:end].any()) and bool(ruled[-end:].any())


def _has_horizontal(hmask: np.ndarray, y: float, x0: float, x1: float) -> bool:
    yi = int(round(y))
    a, b = int(x0 + 0.2 * (x1 - x0)), int(x1 - 0.2 * (x1 - x0))
    if b <= a:
        return True
    strip = hmask[max(yi - 14, 0) : yi + 15, a:b]
    return strip.size > 0 and float((strip.max(axis=0) > 0).mean()) >= 0.6


def _grid(xs, ys, hmask, vmask, ox: int, oy: int, scale: float) -> Table | None:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(n_rows):
        for c in range(n_cols):
            if c > 0 and not _has_vertical(vmask, xs[c], ys[r], ys[r + 1]):
                union((r, c - 1), (r, c))
            if r > 0 and not _has_horizontal(hmask, ys[r], xs[c], xs[c + 1]):
                union((r - 1, c), (r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)

    def pt(px: float, origin: int) -> float:
        return (px + origin) / scale

    rows: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for anchor, members in groups.items():
        r0 = min(m[0] for m in members)
        c0 = min(m[1] for m in members)
        r1 = max(m[0] for m in members)
        c1 = max(m[1] for m in members)
        rows[r0][c0] = Cell(Box(pt(xs[c0], ox), pt(ys[r0], oy), pt(xs[c1 + 1], ox), pt(ys[r1 + 1], oy)))
    box = Box(pt(xs[0], ox), pt(ys[0], oy), pt(xs[-1], ox), pt(ys[-1], oy))
    return Table(box, rows, method=TableMethod.OCR)


def fill_from_words(table: Table, words: list[Word]) -> None:

    fill_cells(table, words)


def validate_grid(table: Table) -> bool:

    return validate(table) is None
