"""OCR with tesseract (Debian: tesseract-ocr, tesseract-ocr-ind; :mod:`extract.pdf.tesseract`), language ``ind+eng``.

Whole-page OCR misreads values that touch ruling lines (``78 %`` came out as ``18 Yo``), so
table cells are read on their own: the ruling lines are erased, every non-empty cell is
cropped and the crops are stacked one under the other, with white space between them, into
a single image that tesseract reads in one call (one process start, not one per cell). Each
word is mapped back to its cell and page position and keeps its confidence. The text around
the tables is read from the page with the tables blanked out.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import functools
import io
import itertools
import statistics
import subprocess
from collections.abc import Iterator, Sequence

import numpy as np
import regex as re

from extract.models import PERIOD_ROLES, QUARTER_ROLES
from extract.pdf import lexicon
from extract.pdf.gridless import YEAR, label_pieces
from extract.pdf.marks import drop_text_specks, drop_value_marks
from extract.pdf.model import Box, Cell, Table, Word
from extract.pdf.raster import (
    SPECK_INK,
    SPECK_SIZE_PT,
    component_labels,
    components,
    line_masks,
)
from extract.pdf.render import VisualLine, visual_lines
from extract.pdf.tablerows import is_value_line
from extract.pdf.tesseract import LANG, has_osd, run, tsv
from extract.text.tables import role_of


def run_tsv(image: np.ndarray, psm: int, lang: str = LANG, whitelist: str | None = None) -> list[dict[str, str]]:
    """tesseract's TSV rows (level 5 = words) for a grayscale image."""
    reader = csv.DictReader(io.StringIO(tsv(image, lang, psm, whitelist)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = [r for r in reader if r.get("level") == "5" and (r.get("text") or "").strip()]
    _stroke_numerals(rows)
    return [r for r in rows if _keep(r)]


_LINE_KEY = ("page_num", "block_num", "par_num", "line_num")


#: A stroke at most this many of the word before's heights after it is set a word space after it
#: (a word space reads 0.25-0.55 h; a ruling beside text stands clear of it)
STROKE_SPACE = 1.0
#: ... and it is a letter when its height is this share of the word's or less ("eselon" 1.0, "an" 1.4):
#: a vertical ruling crossing a line runs past its letters
STROKE_HEIGHT = 1.5
#: ... and this share or more: a capital stands as high as the word's letters with ascenders, at least
#: its x-height (0.55-0.7); a speck read "|" is a dot (2 px where "Kepemimpinan" is 31: a PP 46 scan
#: whose behaviour row took it for "Kepemimpinan I" and lost its score)
STROKE_MIN_HEIGHT = 0.6


def _stroke_after(prev: dict[str, str], row: dict[str, str]) -> bool:
    """``row`` (a stroke) stands a word space after ``prev`` and no higher than a letter of it: the
    capital I of a sans type read as ``|`` (``unit kerja eselon |``).

    >>> word = {"left": "100", "top": "50", "width": "60", "height": "20"}
    >>> _stroke_after(word, {"left": "166", "top": "50", "width": "4", "height": "20"})
    True
    >>> _stroke_after(word, {"left": "190", "top": "50", "width": "4", "height": "20"}), \\
    ...     _stroke_after(word, {"left": "166", "top": "30", "width": "4", "height": "60"}), \\
    ...     _stroke_after(word, {"left": "166", "top": "68", "width": "2", "height": "2"})
    (False, False, False)
    """
    h = float(prev["height"])
    gap = float(row["left"]) - (float(prev["left"]) + float(prev["width"]))
    return h > 0 and 0 <= gap <= STROKE_SPACE * h and STROKE_MIN_HEIGHT * h <= float(row["height"]) <= STROKE_HEIGHT * h


def _stroke_numerals(rows: list[dict[str, str]]) -> None:
    """A rank's level after ``Tk.`` / ``Tingkat`` is always ``I`` (Pembina Tk. I, Penata Muda
    Tingkat I), and a lone stroke after a period word is the numeral ``I`` (``Semester |``); a thin
    ``I`` there is read as ``|``, which would be dropped as a ruling remnant.

    >>> rows = [dict(zip((*_LINE_KEY, "text"), (1, 1, 1, 1, t))) for t in ["Tk.", "|", "Semester", "|", "Semester", "1", "|"]]
    >>> _stroke_numerals(rows); [r["text"] for r in rows]
    ['Tk.', 'I', 'Semester', 'I', 'Semester', '1', '|']

    A lone stroke set a word space after a word in small letters and about as high is ``I`` too
    (``eselon |``, :func:`_stroke_after`); a ruling's remnant stands apart or runs higher than the
    line. After capitals it stays a stroke: a remnant beside ``WTP`` read ``WTP I`` (s1/6).
    """
    for prev, row in zip(rows, rows[1:], strict=False):
        same_line = all(prev.get(k) == row.get(k) for k in _LINE_KEY)
        text, before = row["text"].strip(), prev["text"].strip()
        rank = text in ("|", "l", "1") and before.rstrip(".").casefold() in ("tk", "tingkat")
        period = text in ("|", "l") and _PERIOD_WORD.match(before) is not None
        if same_line and (rank or period or (text == "|" and before.isalpha() and not before.isupper()
                                             and _stroke_after(prev, row))):
            row["text"] = "I"


_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENT_CONF = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)
MIN_ORIENTATION_CONFIDENCE = 3.0  # correct turns of the real scans scored 4.5-14.6


def orientation(image: np.ndarray) -> tuple[int, float]:
    """How far a scanned page is turned: the clockwise rotation (0, 90, 180, 270) that makes it
    upright, by tesseract's orientation detection (``--psm 0``), and its confidence.
    (0, 0.0) when the model is missing or tesseract cannot tell."""
    from PIL import Image  # noqa: PLC0415

    if not has_osd():
        return 0, 0.0
    small = Image.fromarray(image)
    if max(small.size) > 2000:  # detection needs letters, not full resolution
        small.thumbnail((2000, 2000))
    try:
        proc = run(small, "--psm", "0")
    except (OSError, subprocess.SubprocessError):
        return 0, 0.0
    text = proc.stdout + proc.stderr
    rotate, conf = _ROTATE.search(text), _ORIENT_CONF.search(text)
    if rotate is None or conf is None:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(conf.group(1))


_SPECK = re.compile(r"^[|¦.,'`‘’“”]+$")


def _keep(r: dict[str, str]) -> bool:
    """Ruling-line remnants (``|``) and lone specks (``.``, ``'``) are not words."""
    return not _SPECK.match(r["text"].strip())


def _word(r: dict[str, str], dx: float, dy: float, scale: float) -> Word:
    left, top, w, h = (float(r[k]) for k in ("left", "top", "width", "height"))
    return Word(r["text"].strip(), Box((left + dx) / scale, (top + dy) / scale, (left + w + dx) / scale, (top + h + dy) / scale),
                conf=max(float(r.get("conf") or 0), 0.0))


def ocr_page_words(image: np.ndarray, scale: float, blank: list[Box] | None = None) -> list[Word]:
    """Words of the page outside the given boxes (tables), with confidences: tesseract's page layout
    without the lines it read twice (:func:`drop_ghost_lines`), its doubtful runs read again
    (:func:`reread_doubtful`), then :data:`PAGE_WORD_PASSES`."""
    work = image.copy()
    for b in blank or []:
        work[int(b.y0 * scale) : int(b.y1 * scale) + 1, int(b.x0 * scale) : int(b.x1 * scale) + 1] = 255
    if not (work < 128).any():
        return []
    lines: dict[tuple, list[Word]] = {}
    for r in run_tsv(work, psm=3):
        lines.setdefault(tuple(r.get(k) for k in _LINE_KEY), []).append(_word(r, 0, 0, scale))
    words = reread_doubtful(drop_ghost_lines(list(lines.values())), work, scale)
    for step in PAGE_WORD_PASSES:
        words = step(words, work, scale)
    return words


# --- the repairs of a page's words, as passes declared in order: (words, page image, scale) -> words ---


def split_tall_words(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A "word" several lines high (a column of list marks read as one) read again as lines (:func:`_split_tall`)."""
    return _split_tall(words, image, scale)


def drop_page_specks(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """Letters or digits under 0.4 of the usual word height are specks (:func:`drop_specks`)."""
    return drop_specks(words)


def drop_lone_doubtful(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A letter or two read with little confidence and standing alone is a speck (:func:`drop_lone_specks`)."""
    return drop_lone_specks(words)


def drop_double_readings(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A word read a second time over part of another (a piece of it) is no word of its own (:func:`drop_repeated`)."""
    return drop_repeated(words)


def reread_short_boxes(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A word whose box tesseract drew short of its ink, read again with the ink it left out (:func:`reread_cut_words`)."""
    return reread_cut_words(image, words, scale)


def recover_missed_words(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """Ink page segmentation passed over, read on its own (:func:`recover_missed`); specks dropped
    again (a dropped speck's ink is a blob again)."""
    return drop_specks(words + recover_missed(image, words, scale))


def recover_missed_dashes(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """Dashes page segmentation passed over (:func:`recover_dashes`); last, so that no other
    repair's choice of words to read again depends on them."""
    return words + recover_dashes(image, words, scale)


#: what tesseract reads for a short flat stroke blurred by the scan, when it reads a mark at all
_DASH_MARK = re.compile(r"^[;:]{1,2}$")


def fix_dash_marks(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A word of one or two marks (``;``, ``:``) whose ink is one short flat stroke with paper all
    around it, for half a word's height each side, is a dash: a blurred hyphen alone in a cell reads
    ``;`` (a heavily blurred 150-dpi scan printed five of a Lampiran SKP's "-" so). A real ``;`` or
    ``:`` is two marks one over the other (:func:`dash_in_cell` takes no such pair for a stroke); a
    mark beside a value or a word has their ink in its crop (two strokes, no dash), and the edge of a
    ruling read as a mark runs out of the crop (no stroke with paper all around it)."""
    if not any(_DASH_MARK.match(w.text) for w in words):
        return words
    _, usual = _sure_words(words, scale)
    pad = max(WORD_PAD, int(usual / 2))
    out = []
    for w in words:
        if _DASH_MARK.match(w.text):
            crop, x0, y0 = _word_crop(image, w.box, scale, pad)
            dash = _dash(crop, x0, y0, scale) if crop.size else None
            if dash is not None and _inside(dash.box, crop.shape, x0, y0, scale):
                w = Word("-", w.box, conf=dash.conf)  # (the box tesseract drew: a word's height, as a text layer gives a dash)
        out.append(w)
    return out


def _inside(box: Box, shape: tuple[int, ...], x0: int, y0: int, scale: float) -> bool:
    """An ink box (points) that keeps a pixel of paper from each edge of the crop it was found in."""
    left, top = round(box.x0 * scale) - x0, round(box.y0 * scale) - y0
    right, foot = round(box.x1 * scale) - x0, round(box.y1 * scale) - y0  # (the last inked pixel: _ink_box)
    return left >= 1 and top >= 1 and right <= shape[1] - 2 and foot <= shape[0] - 2


def split_missed_spaces(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A space tesseract passed over, put back from the blank inside the word (:func:`split_wide_gaps`)."""
    return split_wide_gaps(image, words, scale)


def fix_tokens(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """One-way confusions of single tokens (:func:`fix_token`)."""
    return [Word(fix_token(w.text), w.box, w.conf) for w in words]


def fix_stroke_capitals(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A small i read where the scan shows one unbroken stroke is a capital, a capital I read where it
    shows a dot over the stem a small i (:func:`fix_stroke_i`)."""
    fix_stroke_i(image, words, scale)
    return words


def fix_percent_signs(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """``Yo`` after a number or in brackets is ``%`` (:func:`fix_percent`)."""
    fix_percent(words)
    return words


def reread_percent_figures(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A ``%`` read as figures (``2496``), read again (:func:`restore_percent_signs`)."""
    return restore_percent_signs(image, words, scale)


def fix_item_marks(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """``c,`` after ``b.`` is ``c.``; marks misread between two clean ones (:func:`fix_item_letters`,
    :func:`fix_item_sequence`)."""
    fix_item_letters(words)
    fix_item_sequence(words)
    return words


#: The marks OCR makes of a Roman numeral's thin strokes: I l i 1 | ! v, and II as a quote.
_NUMERAL_INK = "IiLlVv1|!\"'‘’“”"
_QUARTER_STROKES = re.compile(f"^[{_NUMERAL_INK}WHUu]{{1,3}}$")  # ... alone on their own line, strokes run together too: " Hl Wl Ul Iv
#: The numerals under ``Triwulan`` stand this far under its line at most, in its line heights (a loose header: 1.3).
QUARTER_LINE_GAP = 2.0
#: The quarters' columns are one width: the gaps between their numerals differ by this share of the gap at most.
QUARTER_SPACING = 0.15


def fix_quarter_numerals(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """The numerals ``I II III IV`` on the line under a ``Triwulan`` label outside a ruled table
    (lines under its rows only, or none), read as strokes (``" Hl IV``, ``Il Wl IV``) with the thin
    ``I`` often lost as a ruling's remnant: three or four such marks side by side (other labels'
    wrapped ends may stand beside them), set at even gaps and centred under the label, are the
    four quarters in their order, when those read as I, II, III widen in that order (a row's
    values ``1 1 1 1`` do not) and none read clean as another numeral. A numeral lost from an end
    (:func:`_lost_first` says which) is put back in its place, a gap from its neighbour; it was not
    read, so it carries no confidence.

    >>> def w(text, x0, y0, width=8.0): return Word(text, Box(x0, y0, x0 + width, y0 + 8), 80.0)
    >>> marks = [w('"', 505, 191, 5.8), w("Hl", 577, 191, 7.9), w("IV", 649, 191, 8.9)]
    >>> fixed = fix_quarter_numerals([w("Triwulan", 558, 172, 42.0), *marks], None, 1.0)
    >>> sorted((round(x.box.x0), x.text) for x in fixed if x.box.y0 > 180)
    [(432, 'I'), (505, 'II'), (577, 'III'), (649, 'IV')]
    """
    lines = visual_lines(words)
    added: list[Word] = []
    for above, line in itertools.pairwise(lines):
        labels = [p[0] for p in label_pieces(above) if len(p) == 1 and p[0].text.casefold() == "triwulan"]
        if len(labels) != 1 or line.y0 - above.y1 > QUARTER_LINE_GAP * above.height:
            continue  # (a label of its own: "LAPORAN TRIWULAN" is a title)
        runs = [list(g) for is_mark, g in itertools.groupby(line.words, key=lambda w: bool(_QUARTER_STROKES.match(w.text))) if is_mark]
        runs = [r for r in runs if 3 <= len(r) <= 4]  # (beside them the wrapped ends of other labels: "Strategis", "2023")
        if not runs:
            continue
        label = labels[0].box.cx
        marks = min(runs, key=lambda r: abs((r[0].box.cx + r[-1].box.cx) / 2 - label))
        if [m.text for m in marks] == list(_ROMAN):
            continue
        xs = [m.box.cx for m in marks]
        gaps = [b - a for a, b in itertools.pairwise(xs)]
        gap = statistics.mean(gaps)
        if gap <= 0 or max(gaps) - min(gaps) > QUARTER_SPACING * gap:
            continue
        first = _lost_first(marks, xs, gap, label) if len(marks) == 3 else False
        if first is None:
            continue
        places = range(1, 4) if first else range(len(marks))  # each mark's numeral
        if not _numerals_widen([(m, _ROMAN[k]) for m, k in zip(marks, places, strict=False)]):
            continue
        if any(m.text in _ROMAN and m.text != _ROMAN[k] for m, k in zip(marks, places, strict=False)):
            continue  # (a numeral read clean is never made another)
        centre = (xs[0] - gap + xs[-1]) / 2 if first else (xs[0] + xs[-1] + (gap if len(marks) == 3 else 0)) / 2
        if abs(centre - label) > gap / 2:
            continue
        lost = None
        if len(marks) == 3:  # the lost one, a gap beyond its neighbour, where nothing was read
            model, shift = (marks[0], -gap) if first else (marks[-1], gap)
            lost = Word(_ROMAN[0] if first else _ROMAN[3], Box(model.box.x0 + shift, model.box.y0, model.box.x1 + shift, model.box.y1), None)
            if any(abs(w.box.cx - lost.box.cx) < gap / 2 for w in line.words):
                continue
        for m, k in zip(marks, places, strict=False):
            m.text = _ROMAN[k]
        if lost is not None:
            added.append(lost)
    return words + added


def _lost_first(marks: list[Word], xs: list[float], gap: float, label: float) -> bool | None:
    """Of three numerals read, whether the one lost is the first (I) rather than the last (IV):
    as a numeral read clean says (``IV`` last: I was lost), else as the four stand centred under
    the label, by a quarter of a gap at least; None when neither tells."""
    for k, m in enumerate(marks):
        if m.text in _ROMAN:
            j = _ROMAN.index(m.text)
            if j in (k, k + 1):
                return j == k + 1
    off_first, off_last = abs((xs[0] - gap + xs[-1]) / 2 - label), abs((xs[0] + xs[-1] + gap) / 2 - label)
    if abs(off_first - off_last) < gap / 4:
        return None
    return off_first < off_last


QUARTER_WIDEN = 1.2  # each of I II III is one stroke wider than the one before: its box this much wider at least


def _numerals_widen(pairs: list[tuple[Word, str]]) -> bool:
    """Whether the marks read as I, II, III widen in that order (a row of values ``1 1 1 1`` or
    ``1 l 1 1`` does not): each at least ``QUARTER_WIDEN`` times the one before it."""
    widths = [m.box.x1 - m.box.x0 for m, numeral in pairs if numeral in ("I", "II", "III")]
    return all(b >= QUARTER_WIDEN * a for a, b in itertools.pairwise(widths))


#: A period label whose numeral may stand on the line under it ("Triwulan" / "II", "s.d. TW" / "III").
_NUMBERED_PERIOD = re.compile(r"^(?:triwulan|semester|tw|trw\.?|smt\.?)$", re.IGNORECASE)
#: A Roman numeral's stroke is at least this share of the tallest stroke under the label (a speck is lower),
#: and a stroke of I at most this share of its height wide (the generated scans: 8-9 x 32-33 px at 300 dpi);
#: a V is wider.
NUMERAL_STROKE_HEIGHT = 0.6
NUMERAL_STROKE_WIDTH = 0.4
#: A row of ink across this share of a label's width is a ruling line, not a numeral: a label is a word wide
#: (Triwulan: 140 px at 300 dpi) and its numeral III some 40 px; a line under a tight header crossed the
#: crop from end to end, touching the I under "Semester", which read as one wide stroke, V.
NUMERAL_RULE_SHARE = 0.6


def numeral_of_strokes(ink: np.ndarray) -> str | None:
    """The Roman numeral I, II, III, IV or V an ink mask shows, by its strokes: components as tall as the
    tallest (:data:`NUMERAL_STROKE_HEIGHT`), left to right, narrow ones an I each and a wide one a V
    (:data:`NUMERAL_STROKE_WIDTH`); None for ink of another shape (a letter, a digit, nothing).

    >>> ink = np.zeros((40, 60), bool); ink[4:36, 5:13] = ink[4:36, 21:29] = True
    >>> numeral_of_strokes(ink)
    'II'
    >>> ink[4:36, 37:60] = True  # a wide stroke after them
    >>> numeral_of_strokes(ink) is None  # (no numeral is I I V)
    True
    """
    n, _, stats, _ = components(ink.astype(np.uint8), 8)
    comps = [tuple(int(v) for v in stats[k][:4]) for k in range(1, n) if stats[k][4] >= 4]
    if not comps:
        return None
    tallest = max(c[3] for c in comps)
    strokes = sorted((c for c in comps if c[3] >= NUMERAL_STROKE_HEIGHT * tallest), key=lambda c: c[0])
    marks = "".join("I" if w <= NUMERAL_STROKE_WIDTH * h else "V" for _x, _y, w, h in strokes)
    return marks if marks in ("I", "II", "III", "IV", "V") else None


def read_period_numerals(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """The Roman numerals on the line under period labels set without them ("Triwulan Triwulan Semester"
    over "I II I"), read from their strokes (:func:`numeral_of_strokes`) under each label: tesseract loses
    a lone I as a speck and reads II as ``ll``, III as ``1``, ``Wl`` or ``git``, and the labels run together
    without them. The line is the numerals' when each of its words may be their reading
    (:func:`_numeral_reading`: strokes, a wrapped period word, doubtful letters under a label); a numeral
    read clean as another is never changed. The numeral takes their place (their confidence, or none
    when nothing was read there)."""
    lines = visual_lines(words)
    drop: set[int] = set()
    added: list[Word] = []
    for j, line in enumerate(lines):
        if not j or not any(_QUARTER_STROKES.match(w.text) or (w.conf or 0.0) < DOUBTFUL for w in line.words):
            continue
        h = lines[j - 1].height
        if line.y0 - lines[j - 1].y1 > QUARTER_LINE_GAP * h:
            continue
        # each label's span, and its reach: from the word before it to the word after it on its line (None at an end)
        labels: list[tuple[float, float, tuple[float, float] | None]] = []
        for above in lines[max(j - 2, 0) : j]:  # (a label line's other labels may wrap onto a line between: "SS/IKU")
            ws = above.words
            for k, w in enumerate(ws):
                nxt = ws[k + 1] if k + 1 < len(ws) else None
                if not _NUMBERED_PERIOD.match(w.text) or (nxt is not None and re.match(r"^(?:[IVX]{1,4}|\d)\b", nxt.text)):
                    continue
                up_to = k > 0 and ws[k - 1].text.casefold() in ("s.d.", "s.d", "sd", "s/d")
                first = ws[k - 1] if up_to else w
                reach = (ws[k - 1].box.x1, nxt.box.x0) if k > 0 and not up_to and nxt is not None else None
                labels.append((first.box.x0, w.box.x1, reach))
        if not labels or not all(_numeral_reading(w, labels) for w in line.words):
            continue
        top, bottom = int((line.y0 - 0.2 * h) * scale), int((line.y1 + 0.2 * h) * scale) + 1
        if len(labels) == 1 and labels[0][2] is not None:  # one label over the quarters' numerals ("Triwulan" / "I II III IV")
            x0, x1 = labels[0][2]
            under = [w for w in line.words if x0 <= w.box.cx <= x1]
            found = _numerals_across(image, top, bottom, x0, x1, scale)
            if found and [n for n, _ in found] == list(_ROMAN[: len(found)]) and len(found) >= 3 and len(found) >= len(under):
                drop.update(id(w) for w in under)
                conf = min((w.conf for w in under if w.conf is not None), default=None)
                added.extend(Word(n, box, conf) for n, box in found)
                continue
        for x0, x1, _reach in labels:
            under = [w for w in line.words if x0 <= w.box.cx <= x1]
            crop = image[max(top, 0) : bottom, max(int(x0 * scale), 0) : int(x1 * scale) + 1]
            if crop.size == 0:
                continue
            ink = crop < ink_level(crop)
            ink[ink.mean(axis=1) > NUMERAL_RULE_SHARE] = False  # a ruling line under the header, which a stroke may touch
            numeral = numeral_of_strokes(ink)
            if numeral is None or any(w.text in _ROMAN and w.text != numeral for w in under):
                continue
            drop.update(id(w) for w in under)
            box = _ink_box(ink, max(int(x0 * scale), 0), max(top, 0), scale)
            added.append(Word(numeral, box, min((w.conf for w in under if w.conf is not None), default=None)))
    if not added:
        return words
    return [w for w in words if id(w) not in drop] + added


def _numeral_reading(word: Word, labels: list[tuple[float, float, tuple[float, float] | None]]) -> bool:
    """A word on the line under period labels that may be their numerals' reading: strokes
    (:data:`_QUARTER_STROKES`), a period word wrapped onto the line ("s.d." over "TW III"), or letters
    read doubtfully under one of the labels (``git`` for III). A doubtful dash or figure is a value,
    and the line a row of values (its blot would read as a V)."""
    return bool(_QUARTER_STROKES.match(word.text) or _NUMBERED_PERIOD.match(word.text)
                or (word.text.isalpha() and (word.conf or 0.0) < DOUBTFUL
                    and any(x0 <= word.box.cx <= x1 for x0, x1, _ in labels)))


def _numerals_across(image: np.ndarray, top: int, bottom: int, x0: float, x1: float, scale: float) -> list[tuple[str, Box]]:
    """The numerals standing in a band of the page (pixel rows ``top`` to ``bottom``, from ``x0`` to ``x1`` in
    points), left to right: its ink cut into groups where a gap wider than a stroke's height parts them, each
    read by its strokes; empty when one group is no numeral."""
    crop = image[max(top, 0) : bottom, max(int(x0 * scale), 0) : int(x1 * scale) + 1]
    if crop.size == 0:
        return []
    ink = crop < ink_level(crop)
    columns = np.flatnonzero(ink.any(axis=0))
    if not len(columns):
        return []
    rows = np.flatnonzero(ink.any(axis=1))
    gap = max(rows[-1] - rows[0] + 1, 1)
    cuts = [0, *(np.flatnonzero(np.diff(columns) > gap) + 1).tolist(), len(columns)]
    left, high = max(int(x0 * scale), 0), max(top, 0)
    out = []
    for a, b in itertools.pairwise(cuts):
        part = ink[:, columns[a] : columns[b - 1] + 1]
        numeral = numeral_of_strokes(part)
        if numeral is None:
            return []
        out.append((numeral, _ink_box(part, left + int(columns[a]), high, scale)))
    return out


def _ink_box(ink: np.ndarray, left: int, top: int, scale: float) -> Box:
    """The box, in points, of an ink mask whose top-left pixel stands at (``left``, ``top``) on the page."""
    ys, xs = np.nonzero(ink)
    return Box((left + int(xs.min())) / scale, (top + int(ys.min())) / scale, (left + int(xs.max())) / scale, (top + int(ys.max())) / scale)


def fix_period_words(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """A line of period labels outside a ruled table (the header of a table without a grid) read
    as ``01 02 Smt. 1 03 s.d.Q3 Q4 Y``: its labels restored as a ruled header's cells are
    (:func:`period_label_fixes`, :func:`period_run_fixes`, each word a piece), on a line where
    one label at least reads clean."""
    lines = visual_lines(words)
    for line in lines:
        texts = [w.text for w in line.words]
        if not any(role_of(t) in PERIOD_ROLES for t in texts):
            continue  # (no label read clean: a line of codes, "1 01 02 03 Program Penunjang", is no header)
        for k, text in period_label_fixes(texts).items():
            line.words[k].text = text
        for k, text in period_run_fixes([w.text for w in line.words], tokens=True).items():
            line.words[k].text = text
        for k, text in period_numeral_fixes([w.text for w in line.words]).items():
            line.words[k].text = text
    return _label_period_runs(words, lines)


#: A label's wrapped line stands under it closer than this many line heights (s1/22's "Triwulan" /
#: "II": touching; gridless joins a label's lines up to 0.55 h). A row's line may stand as close in a
#: tight table: so only a line of labels' ends (numerals, a year) is taken for one.
STACKED_NUMERAL_GAP = 1.0
_NUMERAL_STROKES = re.compile(r"^[IVXivxl1|!\"“”]{1,4}$")  # (looser than _STROKES: these are dropped, not read as a numeral; II read as a quote)


def _label_box(words: Sequence[Word]) -> Box:
    """The box of the words of one label on one line: across all of them, and as high as the band
    their letters and digits share (one OCR box drawn round a numeral and a speck under it reaches
    4 pt down past the rule under the line; a mark's own box is no band of the line).

    >>> _label_box([Word("_TW", Box(530.6, 140.2, 606.0, 149.0)), Word("Ill", Box(552.7, 139.2, 568.1, 153.1)),
    ...             Word("'", Box(570.0, 140.2, 571.0, 140.7))])
    Box(x0=530.6, y0=140.2, x1=606.0, y1=149.0)
    """
    union = functools.reduce(Box.union, (w.box for w in words))
    lettered = [w.box for w in words if any(ch.isalnum() for ch in w.text)] or [w.box for w in words]
    top, bottom = max(b.y0 for b in lettered), min(b.y1 for b in lettered)
    return Box(union.x0, top, union.x1, bottom) if top < bottom else union


def _label_period_runs(words: list[Word], lines: list[VisualLine]) -> list[Word]:
    """A line of labels read partly as noise (``TWI TWH. TWIll TW IV``, ``Triwulan Triwulan
    Triwulan Triwulan IV``): its labels as a header reader cuts them, restored as a ruled header's
    cells are (:func:`period_run_fixes`; a piece of marks only, a rule's fragment, is no label
    there); the words of a label put right are one word, and a numeral wrapped under it, read
    as strokes, is dropped (the label now holds it) from a line of labels' ends (numerals, a year)."""
    fixed: dict[int, Word | None] = {}  # id(word) -> the label's one word, or None: the label's other words
    for n, line in enumerate(lines):  # (the words' lines, as fix_period_words found them)
        if not any(role_of(w.text) in PERIOD_ROLES for w in line.words):
            continue
        pieces = [p for p in label_pieces(line) if any(ch.isalnum() for w in p for ch in w.text)]  # (a mark is no label)
        under = [ln for ln in lines[n + 1 : n + 2] if ln.y0 - line.y1 < STACKED_NUMERAL_GAP * line.height
                 and all(_NUMERAL_STROKES.match(w.text) or YEAR.match(w.text) for w in ln.words)]  # (labels' ends only)
        for k, text in period_run_fixes([" ".join(w.text for w in p) for p in pieces]).items():
            ws = pieces[k]
            box = _label_box(ws)
            fixed[id(ws[0])] = Word(text, box, min((w.conf for w in ws if w.conf is not None), default=None))
            fixed.update({id(w): None for w in ws[1:]})
            # the label's numeral wrapped under it ("Triwulan" / "II"), read as strokes: now in the label
            fixed.update({id(w): None for ln in under for w in ln.words
                          if box.x0 <= w.box.cx <= box.x1 and _NUMERAL_STROKES.match(w.text)})
    if not fixed:
        return words
    return [fixed.get(id(w), w) for w in words if fixed.get(id(w), w) is not None]


_PERIOD_WORD = re.compile(r"^(?:Triwulan|TW|Tw|Semester|Smt\.?)$")
_STROKES = re.compile(r"^(?:[Il1|!]{1,3}|[Il1|!][Vv])$")  # I, II, III, IV as thin strokes read: Il, Ill, l, 1I, lV


def period_numeral_fixes(words: Sequence[str]) -> dict[int, str]:
    """The roman numeral after a period word, read as the strokes it is made of (``Triwulan Il``,
    ``TW Ill``, ``Semester l``): in a sans face ``I``, ``l``, ``1`` and ``|`` are one stroke. The
    word's place after ``Triwulan``/``TW``/``Semester`` says it is a numeral; a clean ``I``-``IV`` or
    arabic digits (``1``, ``11``) are left as read.

    >>> period_numeral_fixes(["Triwulan", "I", "Triwulan", "Il", "Semester", "l", "TW", "Ill", "TW", "lV", "Y"])
    {3: 'II', 5: 'I', 7: 'III', 9: 'IV'}
    >>> period_numeral_fixes(["Semester", "1", "Triwulan", "IV", "Jumlah", "Il", "Semester", "11"])  # (arabic: left)
    {}
    """
    out: dict[int, str] = {}
    for k in range(1, len(words)):
        text = words[k].strip()
        if _PERIOD_WORD.match(words[k - 1].strip()) and _STROKES.match(text) and text not in _ROMAN and not text.isdigit():
            out[k] = "I" * (len(text) - 1) + "V" if text[-1] in "Vv" else "I" * len(text)
    return out


PAGE_WORD_PASSES = (
    split_tall_words, drop_page_specks, drop_lone_doubtful, drop_double_readings, reread_short_boxes, recover_missed_words,
    split_missed_spaces, fix_tokens, fix_stroke_capitals,
    fix_percent_signs, reread_percent_figures, fix_item_marks, fix_quarter_numerals, read_period_numerals, fix_period_words,
    fix_dash_marks, recover_missed_dashes,
)


SPECK_HEIGHT = 0.4  # a letter or digit under 0.4 of the usual word height is a speck of the scan, not text
#: A dash narrower than this share of the usual word height is a speck read as one: the dashes of
#: the generated scans (seed 1) are 0.26-0.52 h wide, the specks read as dashes 0.04-0.09 h.
SPECK_DASH_WIDTH = 0.15


def drop_specks(words: list[Word]) -> list[Word]:
    """Dust in a scan's margin reads as a letter or a digit (a ``7`` 2.9 pt high beside text 8.5 pt
    high); on the line of a wrapped name it would open a row of its own. A short word of letters or
    digits under 0.4 of the median height of the words read with confidence is such a speck. The
    lowest printed letters (``a``, ``e``, x-height) stand at about 0.55; dashes and dots are kept,
    but a dash narrower than :data:`SPECK_DASH_WIDTH` of that height is a speck too (a printed dash
    is wider than high: a speck read as one is a dot).

    >>> ws = [Word(t, Box(0, 0, 30, 8.5), 95) for t in ["Program", "Sistem", "Pelaporan", "Capaian", "dan"]]
    >>> ws += [Word("7", Box(-100, 2, -97, 4.9), 62), Word("a.", Box(40, 3.5, 44, 8.5), 90), Word("-", Box(50, 4, 54, 5), 90)]
    >>> ws += [Word("-", Box(60, 4, 60.7, 4.7), 58)]
    >>> [w.text for w in drop_specks(ws)]
    ['Program', 'Sistem', 'Pelaporan', 'Capaian', 'dan', 'a.', '-']
    """
    heights = [w.box.height for w in words if (w.conf or 0) >= 50]
    if len(heights) < 5:
        return words
    h = statistics.median(heights)
    return [w for w in words if not (w.box.height < SPECK_HEIGHT * h and len(w.text) <= 2 and any(ch.isalnum() for ch in w.text))
            and not (_DASHES.match(w.text) and w.box.width < SPECK_DASH_WIDTH * h)]


_DASHES = re.compile(r"^[-–—]+$")

#: A word of one or two letters read under this confidence, with no word beside it on its line, is a
#: speck: speckle over a header read "a" at 24 (s1/15), and the header took it for a label over two
#: columns. The letters of that page read right scored 80-97, its header's "Y" alone 93.
LONE_SPECK_CONFIDENCE = 30.0
#: ... beside: within this many of its own heights on its line (a word space is 0.25-0.55 h)
LONE_SPECK_REACH = 1.5
#: ... and no taller than this share of the page's usual word height: a doubtful token one and a half
#: lines high is something else, the numerals of a label wrapped under it (s2/3: "iy" 11.5 pt high
#: where words are 7, over "I" and "II"), which the header's repairs read from its place
LONE_SPECK_HEIGHT = 1.3
_LETTERS_ONLY = re.compile(r"^\p{L}{1,2}$")


def drop_lone_specks(words: list[Word]) -> list[Word]:
    """Drop a word of one or two letters read under :data:`LONE_SPECK_CONFIDENCE`, no taller than
    :data:`LONE_SPECK_HEIGHT` of the usual word height, that has no word within
    :data:`LONE_SPECK_REACH` of its height on its line. Digits (row numbers), dashes and
    marks are left to the other passes; a doubtful letter beside other words is read again with
    them (:func:`reread_doubtful`).

    >>> ws = [Word(t, Box(x, 205, x + 12, 212), 96) for t, x in [("No", 56), ("IKI", 222), ("Target", 577), ("Y", 766)]]
    >>> ws += [Word("a", Box(488, 205, 505, 212), 24), Word("iy", Box(420, 120, 434, 132), 0),
    ...        Word("b", Box(100, 300, 104, 307), 20), Word("kata", Box(106, 300, 120, 307), 90)]
    >>> [w.text for w in drop_lone_specks(ws)]
    ['No', 'IKI', 'Target', 'Y', 'iy', 'b', 'kata']
    """
    sure, usual = _sure_words(words, 1.0)  # (the usual height in points)
    if not sure:
        return words
    line = LONE_SPECK_HEIGHT * usual

    by_y = sorted(words, key=lambda o: o.box.cy)
    ys = [o.box.cy for o in by_y]
    reach = 0.5 * max(o.box.height for o in words)  # no word of another line is nearer than this in y

    def alone(w: Word) -> bool:
        h = max(w.box.height, 1.0)
        near = by_y[bisect.bisect_left(ys, w.box.cy - reach) : bisect.bisect_right(ys, w.box.cy + reach)]
        return not any(o is not w and abs(o.box.cy - w.box.cy) < 0.5 * max(h, o.box.height)
                       and max(o.box.x0 - w.box.x1, w.box.x0 - o.box.x1) < LONE_SPECK_REACH * h for o in near)

    return [w for w in words if not (w.conf is not None and w.conf < LONE_SPECK_CONFIDENCE and _LETTERS_ONLY.match(w.text)
                                     and w.box.height <= line and alone(w))]


#: A line of tesseract's page layout read over the words of another line (a second, doubtful reading of the
#: same ink): its words stand on the other's band, each overlapping one of them or within this many of its
#: own heights beside one (a word space is 0.25-0.55 h; the next column stands 2 h and more away) ...
GHOST_REACH = 0.5
#: ... and it is read with less than this confidence by letters, where the words under it are read surer.
#: Measured on s2/9 of the scans: "aga k ATA h jaka" read at 39 over "Opini BPK … unit kerja" read at 96
GHOST_CONFIDENCE = 60.0


def drop_ghost_lines(lines: list[list[Word]]) -> list[list[Word]]:
    """Drop the lines of tesseract's page layout that are a second, doubtful reading of another line's ink:
    every word of the line stands on the band of a word of another line (half its height or more shared)
    and overlaps it or stands within :data:`GHOST_REACH` of its height beside it, one word at least
    overlaps one, and the line's letters are read under :data:`GHOST_CONFIDENCE` and less sure than the
    words it stands on. Interleaved with the real line, such words came into names: ``Opini aga BPK atas
    laporan k keuangan pemerintah ATA daerah h``.

    >>> real = [Word(t, Box(x0, 441.4, x1, 448.1), 96) for t, x0, x1 in
    ...         [("Opini", 234, 251), ("BPK", 253, 267), ("laporan", 283, 305), ("keuangan", 311, 335)]]
    >>> ghost = [Word("aga", Box(243, 441.4, 250, 446.4), 9), Word("k", Box(307, 441.1, 311, 446.4), 92)]
    >>> other = [Word("eselon", Box(234, 450, 253, 457), 40), Word("I", Box(255, 450, 257, 457), 41)]
    >>> [[w.text for w in ln] for ln in drop_ghost_lines([real, ghost, other])]
    [['Opini', 'BPK', 'laporan', 'keuangan'], ['eselon', 'I']]
    """
    if len(lines) < 2:
        return lines

    def under(w: Word, others: list[Word]) -> tuple[list[Word], bool]:
        h = max(w.box.height, 1.0)
        near, over = [], False
        for o in others:
            shared = min(w.box.y1, o.box.y1) - max(w.box.y0, o.box.y0)
            if shared < 0.5 * min(h, max(o.box.height, 1.0)):
                continue
            gap = max(o.box.x0 - w.box.x1, w.box.x0 - o.box.x1)
            if gap < GHOST_REACH * h:
                near.append(o)
                over = over or gap < 0
        return near, over

    ghosts: set[int] = set()
    for k, line in enumerate(lines):
        if not line or _letter_confidence(line) >= GHOST_CONFIDENCE:
            continue
        others = [o for j, ln in enumerate(lines) if j != k and j not in ghosts for o in ln]
        found = [under(w, others) for w in line]
        if all(near for near, _ in found) and any(over for _, over in found):
            beneath = list({id(o): o for near, _ in found for o in near}.values())
            if _letter_confidence(beneath) > _letter_confidence(line):
                ghosts.add(k)
    return [ln for k, ln in enumerate(lines) if k not in ghosts]


#: A word lying this share of its width or more over another word of its line, whose letters are a piece of that
#: word's, is that word read twice: "an" over the "an" of "dan" (s2/14's header, 96 sure both), which cut the label
#: "SS dan IKU" in two columns. Two words side by side overlap by a letter's width at most (0.1-0.3 of a short word)
DOUBLE_OVERLAP = 0.6
#: ... unless the piece is read this much surer than the word it lies over ("75" at 96 under "175" at 20)
DOUBLE_SURER = 20.0
_LETTERS_DIGITS = re.compile(r"[^\p{L}\p{N}]+")


def drop_repeated(words: list[Word]) -> list[Word]:
    """Drop a word that lies :data:`DOUBLE_OVERLAP` of its width or more over a longer word on its line (half
    the height shared) and whose letters and digits are a piece of that word's, not read :data:`DOUBLE_SURER`
    surer than it: a second reading of its ink.

    >>> ws = [Word("SS", Box(127.9, 121, 144.5, 129), 95), Word("dan", Box(140.4, 121, 152.9, 129), 97),
    ...       Word("an", Box(145.2, 122, 154.3, 130), 97), Word("IKU", Box(157.7, 121, 170.6, 129), 96)]
    >>> [w.text for w in drop_repeated(ws)]
    ['SS', 'dan', 'IKU']
    >>> ws = [Word("1", Box(50, 0, 53, 8), 90), Word("1.1", Box(50, 10, 60, 18), 90), Word("dan", Box(0, 0, 12, 8), 90)]
    >>> [w.text for w in drop_repeated(ws)]  # other lines, no overlap: kept
    ['1', '1.1', 'dan']
    >>> [w.text for w in drop_repeated([Word("75", Box(100, 0, 108, 8), 96), Word("175", Box(97, 0, 108, 8), 20)])]
    ['75', '175']
    """
    keys = [_LETTERS_DIGITS.sub("", w.text).casefold() for w in words]
    # a word's candidates share its band: their tops lie between its top less the tallest word's height and its bottom
    by_top = sorted(range(len(words)), key=lambda k: words[k].box.y0)
    tops = [words[k].box.y0 for k in by_top]
    tallest = max((w.box.height for w in words), default=0.0)
    gone: set[int] = set()
    for i, w in enumerate(words):
        if not keys[i]:
            continue
        for j in sorted(by_top[bisect.bisect_left(tops, w.box.y0 - tallest) : bisect.bisect_left(tops, w.box.y1)]):
            o = words[j]
            if j == i or j in gone or len(keys[j]) <= len(keys[i]) or keys[i] not in keys[j]:
                continue
            if (w.conf or 0.0) > (o.conf or 0.0) + DOUBLE_SURER:
                continue  # the piece read much surer than the whole: the whole is the doubtful reading ("175" for "75")
            shared = min(w.box.y1, o.box.y1) - max(w.box.y0, o.box.y0)
            over = min(w.box.x1, o.box.x1) - max(w.box.x0, o.box.x0)
            if shared >= 0.5 * min(w.box.height, o.box.height) and over >= DOUBLE_OVERLAP * max(w.box.width, 1e-6):
                gone.add(i)
                break
    return [w for k, w in enumerate(words) if k not in gone] if gone else words


# words under this confidence, side by side on a line, are read again (reread_doubtful): the settings'
# low_confidence; the noise of a row read against one baseline measured 0-53 (s1/24), its words read right 90-97
DOUBTFUL = 60.0
# ... and their new reading kept when this much surer, by letters: that row read again gained 40-60 points; a
# stacked label's one word read again by chance ('"TT' 36 -> '"1' 78) is why single words are left alone
REREAD_GAIN = 10.0


def _letter_confidence(words: Sequence[Word]) -> float:
    letters = sum(len(w.text) for w in words)
    return sum((w.conf or 0.0) * len(w.text) for w in words) / letters if letters else 0.0


def reread_doubtful(lines: list[list[Word]], image: np.ndarray, scale: float) -> list[Word]:
    """The words of the page's lines (as tesseract's page layout found them), those read with
    little confidence read again as words wherever they stand (tesseract's sparse text, ``--psm
    11``), all in one call. Page layout takes a table's row for one line of text when its columns
    stand at different heights (the first line of a wrapped name beside values centred on the row):
    the words are then read against one baseline and come out as noise (``MN POON OME AN ngk soni``
    for ``Jumlah laporan monitoring dan 11.518 23.037``). Read alone, each keeps its own. Each run
    of two words or more under ``DOUBTFUL`` on a line is read again with the lines' height around
    it; the words whose middles lie in the run's box are replaced by the new reading's when that is
    ``REREAD_GAIN`` surer by letters (a word the new reading has nothing over stays: a row's number
    that sparse reading passes over)."""
    words = [x for ln in lines for x in ln]
    runs: list[Box] = []
    for ln in lines:
        run: list[Word] = []
        for x in [*ln, None]:
            if x is not None and (x.conf or 0.0) < DOUBTFUL and x.text.strip():
                run.append(x)
                continue
            if len(run) >= 2:  # (one doubtful word alone is left to the repairs: a stacked label's "III")
                runs.append(Box(min(r.box.x0 for r in run), min(r.box.y0 for r in run),
                                max(r.box.x1 for r in run), max(r.box.y1 for r in run)))
            run = []
    if not runs:
        return words
    h, w = image.shape
    crops: list[tuple[np.ndarray, int, int]] = []
    for box in runs:
        pad = int(0.5 * box.height * scale) + 2
        x0, y0 = max(0, int(box.x0 * scale) - pad), max(0, int(box.y0 * scale) - pad)
        x1, y1 = min(w, int(box.x1 * scale) + pad), min(h, int(box.y1 * scale) + pad)
        crops.append((image[y0:y1, x0:x1], x0, y0))
    found = read_sheet(crops, scale, LANG, psm=11)
    out = list(words)
    for k, box in enumerate(runs):
        old = [x for x in out if box.contains_point(x.box.cx, x.box.cy)]
        new = [x for x in found.get(k, []) if x.text and box.contains_point(x.box.cx, x.box.cy)]
        if not new or _letter_confidence(new) < _letter_confidence(old) + REREAD_GAIN:
            continue
        gone = {id(x) for x in old if any(_overlaps(x.box, n.box) for n in new)}
        out = [x for x in out if id(x) not in gone] + new
    return out


def _overlaps(a: Box, b: Box) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


SURE = 50.0  # a word read at least this sure tells where the page's lines are and how high its type is


WORD_PAD = 3  # px: a word's box grown by this much covers its ink's blur (recover_missed, recover_dashes)


def _covered(shape: tuple[int, ...], words: Sequence[Word], scale: float) -> np.ndarray:
    """Where the words' boxes (grown by ``WORD_PAD``) lie on the page image."""
    covered = np.zeros(shape[:2], dtype=bool)
    for w in words:
        covered[max(0, int(w.box.y0 * scale) - WORD_PAD) : max(0, int(w.box.y1 * scale) + WORD_PAD + 1),
                max(0, int(w.box.x0 * scale) - WORD_PAD) : max(0, int(w.box.x1 * scale) + WORD_PAD + 1)] = True
    return covered


def _sure_words(words: Sequence[Word], scale: float) -> tuple[list[Word], float]:
    """The words read with confidence and their usual height in pixels (the median); none when
    fewer than five: too few to tell the lines of the page by."""
    sure = [w for w in words if (w.conf or 0) >= SURE]
    if len(sure) < 5:
        return [], 0.0
    return sure, statistics.median(w.box.height for w in sure) * scale


MISSED_CONFIDENCE = 80.0  # ink that page segmentation passed over, read on its own, is kept this sure


def _word_blobs(ink: np.ndarray, usual: float) -> list[tuple[int, int, int, int]]:
    """The word-sized blobs of ``ink`` (x, y, w, h in pixels): its marks joined across a letter's
    and a word space's gaps, half a word's height to twice it high, 0.4 of it wide at least, and
    inked over 3 % of their box at least (a blob of joined grain is not)."""
    import cv2  # noqa: PLC0415 - OpenCV comes with camelot

    joined = cv2.dilate(ink, np.ones((max(1, int(usual * 0.15)), max(3, int(usual * 0.5))), np.uint8))
    n, _, stats, _ = components(joined, 8)
    return [(int(x), int(y), int(w), int(h)) for x, y, w, h, _area in stats[1:n]
            if 0.5 * usual <= h <= 2.0 * usual and w >= 0.4 * usual and ink[y : y + h, x : x + w].sum() >= 0.03 * w * h]


def recover_missed(image: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """Words the page segmentation passed over. tesseract's page layout drops short words that
    stand apart, such as the row numbers ``4.`` and ``5.`` of a budget list whose other numbers it
    reads (1507018874 p3). Ink that no word's box covers is grouped into word-sized blobs
    (:func:`_word_blobs`); a blob within the text's left and right edges and on the line of a word
    read already is read on its own (all such blobs in one tesseract call) and kept when tesseract
    is sure of it. Dust, stamps and signatures away from the lines, or read without confidence, stay out.
    """
    sure, usual = _sure_words(words, scale)
    if not sure:
        return []
    left_edge, right_edge = min(w.box.x0 for w in sure) * scale, max(w.box.x1 for w in sure) * scale
    ink = ((image < 128) & ~_covered(image.shape, words, scale)).astype(np.uint8)
    if not ink.any():
        return []
    crops: list[tuple[np.ndarray, int, int]] = []
    for x, y, w, h in _word_blobs(ink, usual):
        if x < left_edge - usual or x + w > right_edge + usual:
            continue
        cy = (y + h / 2) / scale
        if not any(s.box.y0 <= cy <= s.box.y1 for s in sure):
            continue  # on no line of text
        inked = np.flatnonzero(ink[y : y + h, x : x + w].any(axis=0))  # (the blob is dilated: its ink's own ends)
        if inked.size and inked[-1] - inked[0] < SLIVER_WIDTH * usual \
                and _touching(x + int(inked[0]), x + int(inked[-1]) + 1, cy, words, scale, usual):
            continue  # the end of a word whose box tesseract drew short, read again with it (or not) by reread_cut_words
        x0, y0 = max(0, x - 4), max(0, y - 4)
        crops.append((image[y0 : y + h + 4, x0 : x + w + 4], x0, y0))
    if not crops:
        return []
    found = [w for ws in read_sheet(crops, scale, LANG).values() for w in ws]
    return [w for w in found if (w.conf or 0) >= MISSED_CONFIDENCE and any(ch.isalnum() for ch in w.text)]


#: Ink no word's box covers that stands closer than this many of the usual word heights to a word on its
#: line (beyond the box's ``WORD_PAD``) is a piece of that word, its box drawn short by tesseract (s2/9: the
#: "k" of "keuangan" next to its box, read again alone as "ke"); a word space is 0.25-0.55 h
SLIVER_GAP = 0.1
#: ... and is narrower than this many word heights: a letter or two ("k", "ih": 0.3-0.6 h). Wider ink beside a
#: word may hold a word of its own that page segmentation passed over ("daerah" after "pemerintah", 2.5 h)
SLIVER_WIDTH = 1.0


def _touching(x0: int, x1: int, cy: float, words: Sequence[Word], scale: float, usual: float) -> list[Word]:
    """The words on the line through ``cy`` (points) whose boxes the ink between pixels ``x0`` and ``x1``
    touches: within :data:`SLIVER_GAP` of the usual height (``usual`` pixels) beyond a box's pad."""
    reach = SLIVER_GAP * usual + WORD_PAD
    return [w for w in words if w.box.y0 <= cy <= w.box.y1 and max(w.box.x0 * scale - x1, x0 - w.box.x1 * scale) < reach]


def reread_cut_words(image: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """Words whose box tesseract drew short of their ink, read again whole. Ink no word's box covers that
    touches one word's box on its line (:data:`SLIVER_GAP`) is a piece of that word: ``ngendalian`` read
    from 301 pt where ``pengendalian`` begins at 290, its ``pe`` left out. The word's box grown over that
    ink is read on its own (all such in one tesseract call), and the new reading kept when it is one word,
    read at least ``MISSED_CONFIDENCE`` sure, with more letters than the old."""
    sure, usual = _sure_words(words, scale)
    if not sure:
        return words
    ink = ((image < 128) & ~_covered(image.shape, words, scale)).astype(np.uint8)
    if not ink.any():
        return words
    grown: dict[int, tuple[Word, int, int, int, int]] = {}  # id(word) -> the word, its box grown over the ink (pixels)
    for x, y, w, h in _word_blobs(ink, usual):
        inked = np.flatnonzero(ink[y : y + h, x : x + w].any(axis=0))
        if not inked.size:
            continue
        ix0, ix1 = x + int(inked[0]), x + int(inked[-1]) + 1
        touched = _touching(ix0, ix1, (y + h / 2) / scale, words, scale, usual)
        if len(touched) != 1:
            continue
        word = touched[0]
        box = word.box
        _, gx0, gy0, gx1, gy1 = grown.get(id(word)) or (word, *(int(v * scale) for v in (box.x0, box.y0, box.x1, box.y1)))
        grown[id(word)] = (word, min(gx0, ix0), min(gy0, y), max(gx1, ix1), max(gy1, y + h))
    if not grown:
        return words
    order = list(grown.values())
    crops = []
    for _word, x0, y0, x1, y1 in order:
        x0, y0 = max(0, x0 - 4), max(0, y0 - 4)
        crops.append((image[y0 : y1 + 4, x0 : x1 + 4], x0, y0))
    found = read_sheet(crops, scale, LANG)
    new: dict[int, Word] = {}
    for k, (word, *_box) in enumerate(order):
        read = found.get(k, [])
        if len(read) == 1 and (read[0].conf or 0) >= MISSED_CONFIDENCE \
                and sum(ch.isalnum() for ch in read[0].text) > sum(ch.isalnum() for ch in word.text):
            new[id(word)] = read[0]
    return [new.get(id(w), w) for w in words]


#: A line of ink no word covers counts as a line page segmentation passed over when its blobs, side
#: by side, are this many of the usual word heights wide at least (a table's row: 10 and more; a
#: signature's strokes or a stamp's rim stand apart, in blobs of their own)
MISSED_LINE_WIDTH = 3.0


def missed_lines(image: np.ndarray, words: list[Word], scale: float, blank: Sequence[Box] = (),
                 masks: tuple[np.ndarray, np.ndarray] | None = None) -> int:
    """How many lines of text page segmentation passed over whole: ink that no word's box covers,
    outside ``blank`` (the tables read cell by cell) and off the ruling lines (``masks``, found
    here when not given), in word-sized blobs (:func:`_word_blobs`) on no line of the words read,
    the blobs of each line :data:`MISSED_LINE_WIDTH` wide at least. tesseract's page layout can
    drop a run of a ruled table's rows set tight (their letters touch the rulings: seed 2 file 13
    lost ten). Fewer than five words read sure: none counted (no line to tell them from).

    Blobs go to one line when they share half the shorter one's height."""
    sure, usual = _sure_words(words, scale)
    if not sure:
        return 0
    h_mask, v_mask = masks if masks is not None else line_masks(image)
    ink = ((image < 128) & (h_mask == 0) & (v_mask == 0) & ~_covered(image.shape, words, scale)).astype(np.uint8)
    for b in blank:
        ink[box_pixels(b, scale)] = 0
    if not ink.any():
        return 0
    blobs = sorted((y, y + h, w) for x, y, w, h in _word_blobs(ink, usual)
                   if not any(s.box.y0 <= (y + h / 2) / scale <= s.box.y1 for s in sure))
    lines: list[list[int]] = []  # per line: its top, its bottom and its blobs' width
    for y0, y1, w in blobs:
        line = next((ln for ln in lines if min(ln[1], y1) - max(ln[0], y0) > 0.5 * min(y1 - y0, ln[1] - ln[0])), None)
        if line is None:
            lines.append([y0, y1, w])
        else:
            line[2] += w
    return sum(1 for ln in lines if ln[2] >= MISSED_LINE_WIDTH * usual)


#: A dash on the page, in the words' usual height: at most DASH_HIGH high and DASH_WIDTHS long (the generated
#: scans' hyphens measure 0.08-0.2 high and 0.3-0.6 long; a ruling is longer, a dot as high as long); its
#: middle at DASH_LEVELS of a word's box on its line from the top and the foot (a hyphen stands at 0.5-0.6,
#: a ruling under the row at 0.9 and more); and DASH_REACH from a word read on its line or another dash
#: (a table's columns stand 4-9 apart; a scrawl beside a signature, 80 away, is no dash)
DASH_HIGH = 1 / 3
DASH_WIDTHS = (0.25, 1.5)
DASH_LEVELS = (0.3, 0.2)
DASH_REACH = 12.0


def recover_dashes(image: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """Dashes standing alone on a line of text, which tesseract's page layout drops: a table without
    a grid prints "-" for an empty target in most of its cells (a banded Lampiran SKP lost 81 of
    them over the generated scans). A dash is a piece of ink no word covers, flat (``DASH_LENGTH``
    times as long as high, ``DASH_HIGH`` and ``DASH_WIDTHS`` of the words' usual height), whose
    middle lies on a line of words read with confidence at a hyphen's height (``DASH_LEVELS``: not
    at the words' foot, where a ruling under the row shows between them), within ``DASH_REACH`` of
    a word of the line or another dash, touching no word's box (a ruling's piece or a descender's
    tail cut off by it), and with no other such stroke over or under it (an ``=``). The shape is
    :func:`dash_in_cell`'s, measured against the page's type instead of a cell's pixels. Its box
    is a word's height."""
    sure, usual = _sure_words(words, scale)
    if not sure:
        return []
    covered = _covered(image.shape, words, scale)
    ink = ((image < FAINT_INK) & ~covered).astype(np.uint8)
    n, _, stats, _ = components(ink, 8)
    strokes: list[tuple[int, int, int, int, list[Word]]] = []
    for x, y, w, h, _area in stats[1:n]:
        if not (h <= DASH_HIGH * usual and DASH_WIDTHS[0] * usual <= w <= DASH_WIDTHS[1] * usual and w >= DASH_LENGTH * h):
            continue
        cy = (y + h / 2) / scale
        line = [s for s in sure if s.box.y0 <= cy <= s.box.y1]
        top, foot = DASH_LEVELS
        if not any(s.box.y0 + top * s.box.height <= cy <= s.box.y1 - foot * s.box.height for s in line):
            continue  # on no line of text, or at its foot (a ruling under the row, seen between its words)
        if covered[max(0, y - 1) : y + h + 1, max(0, x - 1) : x + w + 1].any():
            continue  # cut off by a word's box: a piece of a ruling running under it, or of a letter's tail
        band = (cy - usual / scale / 2, cy + usual / scale / 2)  # the words beside it, set a little higher or lower
        strokes.append((int(x), int(y), int(w), int(h), [s for s in sure if s.box.y0 < band[1] and s.box.y1 > band[0]]))
    stacked = {k for k, a in enumerate(strokes) for b in strokes if a is not b  # the two bars of an "=": as long, close
               and min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0]) and abs(a[1] - b[1]) < usual / 2
               and min(a[2], b[2]) >= 0.7 * max(a[2], b[2])}
    kept: list[tuple[int, int, int, int]] = []
    todo = [s for k, s in enumerate(strokes) if k not in stacked]
    reach = DASH_REACH * usual
    while todo:  # near a word of its line, or near a dash kept already (a row of dashes across the columns)
        near = [s for s in todo if any(min(abs(s[0] - q.box.x1 * scale), abs(q.box.x0 * scale - s[0] - s[2])) <= reach
                                       for q in s[4])
                or any(abs(s[1] - k[1]) < usual and min(abs(s[0] - k[0] - k[2]), abs(k[0] - s[0] - s[2])) <= reach for k in kept)]
        if not near:
            break
        kept.extend(s[:4] for s in near)
        todo = [s for s in todo if s not in near]
    half = usual / 2  # (a word's height, as a text layer gives a dash: a flat box would make its line's height)
    return [Word("-", Box(x / scale, (y + h / 2 - half) / scale, (x + w) / scale, (y + h / 2 + half) / scale), conf=90.0)
            for x, y, w, h in sorted(kept)]


WORD_GAP = 0.45  # a blank run inside a word this wide (of the usual word height) is a space tesseract missed
SAME_LETTERS_CONFIDENCE = 50.0  # the two halves, read again apart, spell the joined word: only a space is added
SPLIT_CONFIDENCE = 80.0  # halves that spell it otherwise are kept this sure, and surer than the joined word
_NUMBER_ONLY = re.compile(r"^[\d.,]+$")  # a narrow '1' leaves gaps of 0.4 inside 113.889


def _word_crop(image: np.ndarray, box: Box, scale: float, pad: int = 0) -> tuple[np.ndarray, int, int]:
    """The pixels of a word's box (edges included) grown by ``pad`` pixels each side, and its top-left
    corner in page pixels."""
    x0, y0 = max(0, int(box.x0 * scale) - pad), max(0, int(box.y0 * scale) - pad)
    return image[y0 : int(box.y1 * scale) + 1 + pad, x0 : int(box.x1 * scale) + 1 + pad], x0, y0


def ink_level(crop: np.ndarray) -> float:
    """The grey level under which a pixel of a word's crop is ink: half-way between its darkest
    strokes (the 2nd percentile) and its paper (the 90th), and never under 128. A fixed 128 took
    the faint strokes of pale or uneven toner for paper and found blanks inside words
    (``INDIKA TOR``, ``JABA TAN``), while tesseract read them whole.

    >>> black, faint = np.full((10, 10), 255, np.uint8), np.full((10, 10), 255, np.uint8)
    >>> black[4:6] = 0; faint[4:6] = 150
    >>> ink_level(black), ink_level(faint)
    (128.0, 202.5)
    """
    dark, paper = np.percentile(crop, 2), np.percentile(crop, 90)
    return float(max(128.0, (dark + paper) / 2))


def _widest_gap(ink_columns: np.ndarray) -> tuple[int, int] | None:
    """The widest run of blank columns between the first and the last inked one, or None.

    >>> _widest_gap(np.array([0, 1, 1, 0, 0, 0, 1, 0, 1, 0], dtype=bool))
    (3, 6)
    >>> _widest_gap(np.array([1, 1, 1], dtype=bool)) is None
    True
    """
    inked = np.flatnonzero(ink_columns)
    if len(inked) < 2:
        return None
    steps = np.diff(inked)
    k = int(np.argmax(steps))
    return (int(inked[k]) + 1, int(inked[k + 1])) if steps[k] > 1 else None


def split_wide_gaps(image: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """The words, those that hold a space tesseract passed over split in two (:func:`wide_gap_halves`)."""
    halves = wide_gap_halves(image, words, scale)
    return [h for i, w in enumerate(words) for h in (halves[i] if i in halves else (w,))]


def wide_gap_halves(image: np.ndarray, words: list[Word], scale: float) -> dict[int, tuple[Word, Word]]:
    """Words that hold a space tesseract passed over, by index, with their two halves.

    tesseract joins a short word to its neighbour across a full space: ``Tw 3`` comes out as
    ``Tw3`` (and ``Tw 1`` as ``Twi``), the real scan 1507018874's ``95 %`` as ``95%``. Inside a
    word the blank between two letters stays under 0.42 of the usual word height on the real
    and built scans (a narrow ``1`` in ``11``); these spaces measure 0.48 to 0.67. A word with
    a blank run of 0.45 or more is read again with the run widened (all such words in one
    tesseract call). Two halves that spell the joined word are kept (only a space is added); two
    that spell it otherwise (``Tw`` ``1`` for ``Twi``) only when tesseract is sure of both, and
    surer than it was of the joined word. Numbers made of digits and separators are never split, and
    halves that read a figure as another are not kept (``75%`` read again ``15 %``).
    """
    sure, usual = _sure_words(words, scale)
    if not sure:
        return {}
    widen = max(1, int(usual))
    crops: list[tuple[np.ndarray, int, int]] = []
    cuts: list[tuple[int, int, int]] = []  # word index, first blank column, first inked column after it (page px)
    for i, w in enumerate(words):
        if len(w.text) < 2 or _NUMBER_ONLY.match(w.text):
            continue
        crop, x0, y0 = _word_crop(image, w.box, scale)
        if crop.size == 0:
            continue
        gap = _widest_gap((crop < ink_level(crop)).any(axis=0))
        if gap is None or gap[1] - gap[0] < WORD_GAP * usual:
            continue
        wide = np.full((crop.shape[0], crop.shape[1] + widen), 255, dtype=np.uint8)
        wide[:, : gap[0]] = crop[:, : gap[0]]
        wide[:, gap[0] + widen :] = crop[:, gap[0] :]
        crops.append((wide, x0, y0))
        cuts.append((i, x0 + gap[0], x0 + gap[1]))
    if not crops:
        return {}
    halves: dict[int, tuple[Word, Word]] = {}
    for k, read in read_sheet(crops, scale, LANG).items():
        i, left_end, right_start = cuts[k]
        w = words[i]
        if len(read) != 2:
            continue
        a, b = (r.text for r in read)
        if _figure_changed(w.text, a + b):
            continue  # a space is put back, not a figure changed (75% read again 15 %, its 7 cut by a ruling)
        surest = min(r.conf or 0 for r in read)
        if surest < (SAME_LETTERS_CONFIDENCE if a + b == w.text else max(SPLIT_CONFIDENCE, (w.conf or 0) + 1e-9)):
            continue
        halves[i] = (Word(a, Box(w.box.x0, w.box.y0, left_end / scale, w.box.y1), read[0].conf),
                     Word(b, Box(right_start / scale, w.box.y0, w.box.x1, w.box.y1), read[1].conf))
    return halves


def _figure_changed(before: str, after: str) -> bool:
    """Whether ``after`` reads a figure of ``before`` as another figure (a letter read as one, or a
    figure dropped, is no such change).

    >>> _figure_changed("75%", "15%"), _figure_changed("30Orang", "3Orang"), _figure_changed("Twi", "Tw1")
    (True, False, False)
    """
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return any(op == "replace" and any(c.isdigit() for c in before[i0:i1]) and any(c.isdigit() for c in after[j0:j1])
               for op, i0, i1, j0, j1 in ops)


AMOUNT_WORD = re.compile(r"^(?:Rp\.?)?\d{1,3}(?:[.,]\d{3})+(?:,\d{2})?[,.\-]*$|^\d{4,}$")  # 950.000.000,00, 19600803
CROSS_READ_CONFIDENCE = 50.0  # a second reading below this says nothing


def cross_read_amounts(image: np.ndarray, words: list[Word], scale: float) -> list[tuple[Word, str, float]]:
    """Second readings of the amounts and long numbers that disagree with the first.

    A digit misread inside an amount reads as a clean amount (``950.000.000,00`` read
    ``950.000.060,00`` at confidence 86, its noisy ``0`` taken for a ``6``): no confidence
    threshold catches it. Each word shaped as a grouped amount or a run of four digits or more is
    cut out of the page along its own box and read again on its own, grey, digits and separators
    only (all of them in one tesseract call). Where that reading is sure enough and its digits are
    not the first reading's, the pair is returned, ``(word, second text, second confidence)``: the
    reader cannot know which is right and reports both, it changes nothing. Binarised crops and the
    ``eng`` model alone were tried and rejected: they read this scan's flagged ``1`` as ``4``.
    The numbering of rows (``1.1.2.1``) and values with a unit or ``%`` are not amounts and are
    left out: read without their context they come back empty or with letters turned to digits.
    """
    spots: list[int] = []
    crops: list[tuple[np.ndarray, int, int]] = []
    for i, w in enumerate(words):
        if not AMOUNT_WORD.match(w.text):
            continue
        x0, y0 = max(0, int(w.box.x0 * scale) - 6), max(0, int(w.box.y0 * scale) - 6)
        crop = image[y0 : max(0, int(w.box.y1 * scale) + 6), x0 : max(0, int(w.box.x1 * scale) + 6)]
        if crop.size:
            spots.append(i)
            crops.append((crop, x0, y0))
    if not crops:
        return []
    again = read_sheet(crops, scale, LANG, whitelist="0123456789.,Rp")
    out: list[tuple[Word, str, float]] = []
    for n, i in enumerate(spots):
        second = again.get(n, [])
        if not second:
            continue
        text = "".join(w.text for w in second)
        conf = min(w.conf or 0.0 for w in second)
        if conf >= CROSS_READ_CONFIDENCE and _digits(text) != _digits(words[i].text):
            out.append((words[i], text, conf))
    return out


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


TALL_WORD = 2.0  # a "word" over twice the usual word height spans lines
TALL_KEEP_CONFIDENCE = 60.0  # such a word read again to nothing stays when tesseract was this sure of it


def _split_tall(words: list[Word], image: np.ndarray, scale: float) -> list[Word]:
    """Page segmentation may take a column of list marks (``p.`` … ``v.`` down the left edge) for
    one block and read it as one word several lines high (``Cc``, confidence 0); that word would
    tie those lines into one. Each such word is read again on its own as a block of lines and
    replaced by what that reading finds at a word's height. When it finds nothing, a word read
    with confidence (``KURASIH`` with a signature's stroke through it) stays; a guess goes."""
    heights = [w.box.height for w in words if (w.conf or 0) >= 50]
    if len(heights) < 5:
        return words
    usual = statistics.median(heights)
    tall = sorted((w for w in words if w.box.height > TALL_WORD * usual), key=lambda w: -w.box.height)
    if not tall:
        return words
    others = [w for w in words if w.box.height <= TALL_WORD * usual]
    done: list[Box] = []
    found: list[Word] = []
    pad = 40
    for w in tall:
        if any(b.contains_point(w.box.cx, w.box.cy) for b in done):
            continue  # inside a taller one read already
        done.append(w.box)
        x0, y0 = max(int(w.box.x0 * scale) - 4, 0), max(int(w.box.y0 * scale) - 4, 0)
        crop = np.pad(image[y0 : int(w.box.y1 * scale) + 5, x0 : int(w.box.x1 * scale) + 5], pad, constant_values=255)
        again = [_word(r, x0 - pad, y0 - pad, scale) for r in run_tsv(crop, psm=6)]
        again = [n for n in again if n.box.height <= 1.6 * usual and not any(o.box.contains_point(n.box.cx, n.box.cy) for o in others)]
        found.extend(again or ([w] if (w.conf or 0) >= TALL_KEEP_CONFIDENCE else []))
    return others + found


def ocr_cells(image: np.ndarray, tables: list[Table], scale: float,
              masks: tuple[np.ndarray, np.ndarray] | None = None, specks: np.ndarray | None = None) -> list[Word]:
    """Read every non-empty cell of the tables in one tesseract call; words in page coordinates.

    ``specks``: the blots the cleaning removed (:func:`raster.clean_scan`), where an empty cell's pale
    dash may be (:func:`dash_taken_for_speck`).

    Cells that read as a number with something odd after it are read again with the English
    model alone: the Indonesian model reads ``%`` as ``Yo`` (``60 %`` -> ``60 Yo``); the
    English reading is kept when it is a clean value and the other is not.
    """

    if not tables:
        return []
    clean = without_rulings(image, masks or line_masks(image), scale)  # the ruling lines, blanked before OCR
    reach = max(2, int(CROSSING_REACH_PT * scale))
    crops: list[tuple[np.ndarray, int, int]] = []  # crop, x0, y0 (page pixels)
    faint_dashes: list[tuple[int, int, int, Word]] = []  # a cell holding only a blurred hyphen
    numbering: dict[int, int] = {}  # crops of the first column under the header (row numbers): their table
    for t_i, table in enumerate(tables):
        for r_i, row in enumerate(table.rows):
            for c_i, cell in enumerate(row):
                if cell is None:
                    continue
                x0, y0 = int(cell.box.x0 * scale) + 4, int(cell.box.y0 * scale) + 4
                x1, y1 = int(cell.box.x1 * scale) - 4, int(cell.box.y1 * scale) - 4
                if x1 - x0 < 8 or y1 - y0 < 8:
                    continue
                if cell.box.x1 >= table.box.x1 - 1:  # the last column: its text may run on past the table's edge
                    x1 = _run_on(clean, x1, y0, y1, scale, edge=int(table.box.x1 * scale))
                crop, y0 = _cell_crop(clean, x0, y0, x1, y1, int(cell.box.y0 * scale), int(cell.box.y1 * scale), reach)
                if (crop < 128).sum() < 12:
                    faint = int((crop < FAINT_INK).sum())
                    if (dash := _faint_dash(crop, x0, y0, scale, faint)) is not None:
                        faint_dashes.append((t_i, r_i, c_i, dash))
                        continue
                    if faint < FAINT_TEXT_PT2 * scale * scale:
                        if specks is not None:  # (a speckled page: the cleaning may have taken a dash for a speck)
                            removed = specks[y0 : y0 + crop.shape[0], x0:x1]
                            if dash := dash_taken_for_speck(crop, x0, y0, scale) or dash_taken_for_speck(removed, x0, y0, scale):
                                faint_dashes.append((t_i, r_i, c_i, dash))
                        continue
                    crop = darkened(crop)  # small type blurred pale: read at full contrast, as its own ink
                if c_i == 0 and r_i > 0:
                    numbering[len(crops)] = t_i
                crops.append((crop, x0, y0))
    if not crops:
        return [d for *_, d in faint_dashes]
    dashes = {k: w for k, (c, x0, y0) in enumerate(crops) if (w := _dash(c, x0, y0, scale)) is not None}
    first = read_sheet(crops, scale, LANG)
    _split_cell_words(first, clean, scale)
    for ws in first.values():
        fix_stroke_i(clean, ws, scale)
    for k, w in dashes.items():  # tesseract often sees nothing in a cell holding only "-", or a mark (";")
        if not first.get(k) or (len(first[k]) == 1 and _DASH_MARK.match(first[k][0].text)):
            first[k] = [w]
    for ws in first.values():
        for n, w in enumerate(ws):
            fixed = fix_token(w.text)
            if fixed != w.text:
                ws[n] = Word(fixed, w.box, w.conf)
        fix_percent(ws, cell=True)
        fix_item_letters(ws)
    first = {k: drop_text_specks(drop_value_marks(ws)) for k, ws in first.items()}
    retry = [k for k, ws in first.items() if _suspicious_value(" ".join(w.text for w in ws))]
    if retry:
        second = read_sheet([crops[k] for k in retry], scale, "eng")
        for n, k in enumerate(retry):
            words = second.get(n, [])
            text = " ".join(w.text for w in words)
            if words and is_value_line(text):
                first[k] = words
    _reread_numbers(first, crops, numbering, scale)
    _restore_dots(first, clean, scale)
    restored = iter(restore_percent_signs(clean, [w for ws in first.values() for w in ws], scale))
    first = {k: [next(restored) for _ in ws] for k, ws in first.items()}
    _restore_check_marks(first, crops, scale)
    for ws in first.values():
        if len(ws) >= 2 and ws[-1].text == "-" and ws[-2].text.endswith(","):
            ws[-2] = Word(ws[-2].text + "-", ws[-2].box.union(ws[-1].box), min(ws[-2].conf or 0, ws[-1].conf or 0))
            del ws[-1]
    return [w for k in sorted(first) for w in first[k]] + [d for *_, d in faint_dashes]


def without_rulings(image: np.ndarray, masks: tuple[np.ndarray, np.ndarray], scale: float) -> np.ndarray:
    """A copy of the image with its ruling lines (``masks``: horizontal, vertical) blanked, and the
    strokes that cross them put back (:func:`restore_crossings`): what OCR reads a ruled page by."""
    h_mask, v_mask = masks
    clean = image.copy()
    clean[(h_mask > 0) | (v_mask > 0)] = 255
    restore_crossings(clean, image, h_mask, v_mask, scale)
    return clean


def box_pixels(box: Box, scale: float) -> tuple[slice, slice]:
    """The rows and columns of a page image a box (in points) covers, its edges' pixels included."""
    return (slice(max(0, int(box.y0 * scale)), max(0, int(box.y1 * scale) + 1)),
            slice(max(0, int(box.x0 * scale)), max(0, int(box.x1 * scale) + 1)))


CROSSING_REACH_PT = 2.5  # a stroke crossing a ruling (a descender of tightly set rows) reaches this far past it


def restore_crossings(clean: np.ndarray, image: np.ndarray, h_mask: np.ndarray, v_mask: np.ndarray, scale: float) -> None:
    """Put back, in ``clean`` (the page with its ruling lines blanked), the ink of the lines where a
    stroke crosses them: ink on both sides of the blanked band within ``CROSSING_REACH_PT``. In
    rows set tight, the descenders of ``yang``, ``kinerja``, ``terhadap`` cross the ruling under
    them; blanking the whole line cut them, and tesseract read ``vang``, ``kineria``, ``terhadan``.
    A ruling alone (paper on one side) stays blank; a stroke that ends on a ruling paler than itself
    is put back too (:func:`_restore_on_pale_rule`).

    >>> img = np.full((40, 40), 255, np.uint8); img[20:23, :] = 0; img[10:30, 15:17] = 0  # a line, a stroke across it
    >>> h = np.zeros_like(img); h[19:24, :] = 1
    >>> clean = img.copy(); clean[h > 0] = 255
    >>> restore_crossings(clean, img, h, np.zeros_like(img), 3.0)
    >>> int(clean[21, 15]), int(clean[21, 5])
    (0, 255)
    """
    import cv2  # noqa: PLC0415

    t = max(3, int(CROSSING_REACH_PT * scale))
    ink = image < 128
    across, down = h_mask > 0, v_mask > 0
    rulings = across | down
    span = max(3, int(PALE_RULE_SPAN_PT * scale))
    for mask, kernel, other in ((across, (1, t), down), (down, (t, 1), across)):
        if not mask.any():
            continue
        outside = (ink & ~mask).astype(np.uint8)
        k = np.ones((kernel[1], kernel[0]), np.uint8)
        before = cv2.dilate(outside, k, anchor=(kernel[0] - 1, kernel[1] - 1)) > 0  # ink within t above (left)
        after = cv2.dilate(outside, k, anchor=(0, 0)) > 0  # ... and within t below (right)
        across = mask & ink & before & after
        clean[across] = image[across]
        _restore_on_pale_rule(clean, image, mask & ~other, ink & ~rulings, span, across=kernel[0] == 1)


PALE_RULE_SPAN_PT = 3.0  # along a ruling, a stroke narrower than this (a comma's tail, 1 pt; a bold stem, 1.5 pt) is no part of it
PALE_RULE_CONTRAST = 40  # a stroke's ink this much darker than the ruling under it (s1/34: tail 34-75, its ruling 121-129)


def _restore_on_pale_rule(clean: np.ndarray, image: np.ndarray, mask: np.ndarray, ink_outside: np.ndarray,
                          span: int, *, across: bool) -> None:
    """Put back, in ``clean``, a stroke that runs into a ruling paler than itself and ends there (a
    decimal comma's tail on the line under a tightly set row, which blanking the line left a full
    stop: ``3,28`` read ``3.28``): the ink on the line darker by :data:`PALE_RULE_CONTRAST` than
    the line itself (the line with its narrow strokes closed over ``span`` pixels along it; ``across``:
    the lines run across the page, else down it), joined to ink off the rulings; ``mask``: the lines'
    pixels outside the lines the other way (their crossing is no stroke). On a ruling as dark as the
    ink, only a stroke's pixels in the margin the mask takes beside the ruling come back (the ruling's
    blurred edge is paler than the stroke); on the ruling itself only what crosses it is put back
    (:func:`restore_crossings`).

    >>> img = np.full((30, 60), 255, np.uint8); img[20:23, :] = 125; img[14:22, 30:33] = 40  # a grey line, a tail into it
    >>> mask = np.zeros(img.shape, bool); mask[19:24, :] = True
    >>> clean = img.copy(); clean[mask] = 255
    >>> _restore_on_pale_rule(clean, img, mask, (img < 128) & ~mask, 12, across=True)
    >>> int(clean[21, 31]), int(clean[21, 10])
    (40, 255)
    """
    import cv2

    page, lines = (image, mask) if across else (image.T, mask.T)  # lines across: each row of them closed alone
    lanes = np.flatnonzero(lines.any(axis=1))
    if not len(lanes):
        return
    pixels = np.ascontiguousarray(page[lanes])
    closed = cv2.morphologyEx(pixels, cv2.MORPH_CLOSE, np.ones((1, span), np.uint8))
    lane, along = np.nonzero(lines[lanes] & (pixels < 128) & (closed.astype(np.int16) - pixels >= PALE_RULE_CONTRAST))
    if not len(lane):
        return
    ys, xs = (lanes[lane], along) if across else (along, lanes[lane])
    y0, y1, x0, x1 = max(0, ys.min() - 1), ys.max() + 2, max(0, xs.min() - 1), xs.max() + 2
    region = np.zeros((y1 - y0, x1 - x0), bool)  # the darker pixels, on the stretch that holds them
    region[ys - y0, xs - x0] = True
    n, labels = component_labels(region.astype(np.uint8), 8)
    touching = cv2.dilate(ink_outside[y0:y1, x0:x1].astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    keep = np.zeros(n, bool)
    keep[np.unique(labels[region & touching])] = True
    keep[0] = False
    back = keep[labels]
    clean[y0:y1, x0:x1][back] = image[y0:y1, x0:x1][back]


def _cell_crop(clean: np.ndarray, x0: int, y0: int, x1: int, y1: int, top: int, bottom: int, reach: int) -> tuple[np.ndarray, int]:
    """A cell's pixels (``x0 .. x1``, ``y0 .. y1``, inside its rulings ``top`` and ``bottom``) and
    the crop's first row. A letter of the cell whose descender crosses the ruling under it is
    taken whole (the crop goes on down to its end), and a piece of a letter of the row above that
    hangs into the cell (its middle is above ``top``) is left out; a cell whose ink stays inside
    its rulings is the plain crop.

    >>> page = np.full((60, 30), 255, np.uint8); page[15:32, 5:8] = 0; page[0:15, 20:23] = 0
    >>> crop, first = _cell_crop(page, 2, 14, 28, 26, 10, 30, 8)
    >>> first, crop.shape[0], int(crop[30 - first, 6 - 2]), int(crop[14 - first, 21 - 2])
    (14, 18, 0, 255)
    """
    import cv2  # noqa: PLC0415

    crop = clean[y0:y1, x0:x1]
    ey0, ey1 = max(0, top - reach), min(clean.shape[0], bottom + reach)
    if ey1 - ey0 < 3 or x1 <= x0:
        return crop, y0
    region = clean[ey0:ey1, x0:x1]
    n, labels, stats, _ = components((region < 128).astype(np.uint8), 8)
    if n <= 1:
        return crop, y0
    ctop = stats[:, cv2.CC_STAT_TOP] + ey0
    cbot = ctop + stats[:, cv2.CC_STAT_HEIGHT]  # exclusive
    middle = (ctop + cbot) / 2
    inside = (cbot > y0) & (ctop < y1)  # in the plain crop
    mine = (middle >= top) & (middle <= bottom)
    mine[0] = inside[0] = False
    foreign = inside & ~mine
    longer = mine & ((cbot > y1) | (ctop < y0)) & inside
    if not foreign.any() and not longer.any():
        return crop, y0
    new0 = int(min(y0, ctop[longer].min())) if longer.any() else y0
    new1 = int(max(y1, cbot[longer].max())) if longer.any() else y1
    out = clean[new0:new1, x0:x1].copy()
    sub = labels[new0 - ey0 : new1 - ey0]
    keep = np.zeros(n, bool)
    keep[mine] = True
    outside_rows = np.ones(new1 - new0, bool)
    outside_rows[y0 - new0 : y1 - new0] = False
    drop = ~keep[sub] & (sub > 0)
    drop[~outside_rows] &= foreign[sub[~outside_rows]]  # inside the plain crop only foreign pieces go
    out[drop] = 255
    return out, new0


RUN_ON_GAP_PT = 3.0  # a blank this wide (a word space and more) ends text that runs on past a table's edge


def _run_on(clean: np.ndarray, x1: int, y0: int, y1: int, scale: float, edge: int | None = None) -> int:
    """The right end of a last-column cell's text that runs on across the table's right ruling
    (an amount wider than its column: ``Rp 7.800.000.000`` was cut to ``Rp 7.800.000.01``):
    the first blank of ``RUN_ON_GAP_PT`` after the ruling (the ruling itself is blanked already).
    Where no ink touches the ruling from inside, the cell ends at it; so it does where the ink
    ends within ``RUN_ON_GAP_PT`` of the ruling at ``edge`` (what is left of a real scan's ruling
    after blanking is no text: taking it in read ``65,45 %`` as ``6545 %``).

    >>> page = np.full((20, 100), 255, np.uint8); page[5:15, 10:60] = 0
    >>> _run_on(page, 40, 0, 20, 1.0), _run_on(page, 70, 0, 20, 1.0), _run_on(page, 40, 0, 20, 1.0, edge=58)
    (60, 70, 40)
    """
    gap = max(2, int(RUN_ON_GAP_PT * scale))
    inside = clean[y0:y1, max(0, x1 - gap) : x1]
    if inside.size == 0 or not (inside < 128).any(axis=0)[-max(1, gap // 2) :].any():
        return x1
    ink = (clean[y0:y1, x1:] < 128).any(axis=0)
    blank = 0
    for k, inked in enumerate(ink):
        blank = 0 if inked else blank + 1
        if blank >= gap:
            end = x1 + k - blank + 1
            return end if edge is None or end > edge + gap else x1
    return x1 + len(ink)


def _split_cell_words(first: dict[int, list[Word]], clean: np.ndarray, scale: float) -> None:
    """:func:`wide_gap_halves` over the words of all cells at once (one tesseract call)."""
    slots = [(k, n) for k in sorted(first) for n in range(len(first[k]))]
    halves = wide_gap_halves(clean, [first[k][n] for k, n in slots], scale)
    for i in sorted(halves, reverse=True):  # from the end, so the earlier slots keep their place
        k, n = slots[i]
        first[k][n : n + 1] = halves[i]


_CODE_L = re.compile(r"^[lI|]([a-z]{1,2}-[A-Z]{1,4})$")


_NUMBER_END = re.compile(r"\d[\d.,]*$")


def fix_percent(words: list[Word], cell: bool = False) -> None:
    """The Indonesian model reads ``%`` as ``Yo``: after a number (``10,90 Yo``), in brackets
    (``Padi (Yo)``) or alone in a cell (a Satuan column) it can only be ``%`` — no Indonesian word
    is spelt so. ``cell``: the words are one table cell's.

    >>> ws = [Word(t, Box(0, 0, 1, 1)) for t in ["10,90", "Yo", "Padi", "(Yo)", "Yogya"]]
    >>> fix_percent(ws); [w.text for w in ws]
    ['10,90', '%', 'Padi', '(%)', 'Yogya']
    """
    if len(words) == 1 and words[0].text == "Yo" and cell:  # a cell of its own (Satuan): no word is spelt so
        words[0] = Word("%", words[0].box, words[0].conf)
        return
    for n, w in enumerate(words):
        if w.text == "(Yo)":
            words[n] = Word("(%)", w.box, w.conf)
        elif w.text in ("Yo", "Yo.", "Yo,") and n and _NUMBER_END.search(words[n - 1].text):
            words[n] = Word("%" + w.text[2:], w.box, w.conf)


_SMALL_I_WORD = re.compile(r"^i(\p{Ll}+)(\p{P}*)$")
_CAPITAL_I_WORD = re.compile(r"^I(\p{Ll}{2,})(\p{P}*)$")  # (a capital then small letters: a sentence's first word, or an i misread)


def fix_stroke_i(image: np.ndarray, words: list[Word], scale: float) -> None:
    """The first letter of a word read as ``i`` or ``I``, decided by its ink. A word read with a small
    ``i`` whose first letter is one unbroken stroke (:func:`_one_stroke_first_letter`) has a capital
    ``I`` or an ``l`` (a sans-serif face draws both as a bar), the one that makes a known word
    (tesseract's word list): the built scan of seed 001 read ``Indeks`` as ``indeks`` at confidence
    91; on the real and built scans every small ``i`` read right shows the blank between its dot and
    its stem (63 of 63); a pale dot, no ink under 128, is looked for at the word's own ink level too
    (s1/22 read ``instansi`` right and the rule made it ``Instansi``). A word read with a capital
    ``I`` whose first letter shows a dot over the stem (:func:`_dotted_first_letter`) has a small
    ``i``: the generated scans read ``instansi`` as ``Instansi`` in 27 fields, each with its dot,
    and no capital ``I`` has one.

    >>> bar, small_i = np.full((30, 60), 255, np.uint8), np.full((30, 60), 255, np.uint8)
    >>> bar[2:28, 2:5] = 0; small_i[2:6, 2:5] = 0; small_i[9:28, 2:5] = 0
    >>> for img in (bar, small_i):
    ...     img[12:28, 10:50] = 0  # the rest of the word
    >>> ws = [Word("indeks", Box(0, 0, 60, 30), 91.0)]
    >>> fix_stroke_i(bar, ws, 1.0); ws[0].text
    'Indeks'
    >>> ws = [Word("indeks", Box(0, 0, 60, 30), 91.0)]
    >>> fix_stroke_i(small_i, ws, 1.0); ws[0].text
    'indeks'
    >>> dotted, stroke = [Word("Instansi", Box(0, 0, 60, 30), 91.0)], [Word("Indeks", Box(0, 0, 60, 30), 91.0)]
    >>> fix_stroke_i(small_i, dotted, 1.0); fix_stroke_i(bar, stroke, 1.0); dotted[0].text, stroke[0].text
    ('instansi', 'Indeks')
    """

    known = None
    for n, w in enumerate(words):
        if (capital := _CAPITAL_I_WORD.match(w.text)) is not None:
            if _dotted_first_letter(image, w.box, scale):
                words[n] = Word("i" + capital.group(1) + capital.group(2), w.box, w.conf)
            continue
        m = _SMALL_I_WORD.match(w.text)
        if m is None or not _one_stroke_first_letter(image, w.box, scale) or _dotted_first_letter(image, w.box, scale) is not False:
            continue  # (a pale dot is no ink under 128: looked for at the word's own ink level too)
        known = known if known is not None else lexicon.words()
        hits = [c + m.group(1) for c in "Il" if (c + m.group(1)).casefold() in known]
        if len(hits) == 1:  # both known (or neither): left as read
            words[n] = Word(hits[0] + m.group(2), w.box, w.conf)


def _one_stroke_first_letter(image: np.ndarray, box: Box, scale: float) -> bool:
    """Whether a word's first letter is one unbroken stroke of ink under 128, with no paler waist
    (the measure the small-i rule was taken with: 63 of 63 small i read right show a blank)."""
    grey = _word_crop(image, box, scale)[0]
    crop = grey < 128
    if (first := _first_letter(crop)) is None:
        return False
    start, end = first
    rows = np.flatnonzero(crop[:, start:end].any(axis=1))
    if len(rows) < 2 or (np.diff(rows) > 1).any():
        return False  # a dot above a stem: the small i it was read as
    # (a blurred scan joins the dot to the stem, but the join stays paler: a small i)
    return not _paler_waist(grey[rows[0] : rows[-1] + 1, start:end])


def _first_letter(ink: np.ndarray) -> tuple[int, int] | None:
    """The columns (from, to) of a word crop's first letter, its ink mask given: up to the first
    blank column; None without ink, or when the letter touches the next (no stroke of its own to
    look at: wider than 0.3 of the crop's height).

    >>> ink = np.zeros((10, 12), bool); ink[2:9, 1:3] = True; ink[4:9, 5:11] = True
    >>> _first_letter(ink), _first_letter(np.zeros((10, 12), bool))
    ((1, 3), None)
    """
    columns = ink.any(axis=0)
    inked = np.flatnonzero(columns)
    if not len(inked):
        return None
    blank = np.flatnonzero(~columns[inked[0] :])
    end = int(inked[0]) + (int(blank[0]) if len(blank) else len(columns) - int(inked[0]))
    return None if end - inked[0] > 0.3 * ink.shape[0] else (int(inked[0]), end)


DOT_SHADE = 0.3  # of the way from paper to the stroke: an i's dot a pale scan left greyer than this (s1/22: paper 235, stem 104, dot 160)


def _dotted_first_letter(image: np.ndarray, box: Box, scale: float) -> bool | None:
    """Whether a word's first letter is a dot over a stem (True) or one unbroken stroke (False);
    None when it has no ink of its own to look at (it touches the next letter). A dot is ink with
    a blank under it (:func:`ink_level`), a grey mark over the stem with paler rows between (pale
    toner leaves the dot under the ink level), or a paler waist in the stroke (blur filled the
    blank); a dot is ``DOT_WIDTH`` as wide as the stem, and a mark that goes on far up out of the box
    is a letter of the line above (:func:`_ink_over`).

    >>> word = np.full((30, 40), 235, np.uint8); word[9:28, 2:5] = 100; word[12:28, 10:38] = 100
    >>> _dotted_first_letter(word, Box(0, 0, 40, 30), 1.0)
    False
    >>> word[2:6, 2:5] = 165; _dotted_first_letter(word, Box(0, 0, 40, 30), 1.0)  # a pale dot over it
    True
    >>> _dotted_first_letter(word, Box(0, 50, 40, 70), 1.0) is None  # (a box off the image)
    True
    """
    grey, gx, gy = _word_crop(image, box, scale)
    if grey.size == 0:
        return None
    level = ink_level(grey)
    if (first := _first_letter(grey < level)) is None:
        return None
    start, end = first
    letter = grey[:, start:end]
    darkest = letter.min(axis=1).astype(float)
    inked_rows = np.flatnonzero(darkest < level)
    if len(inked_rows) < 2:
        return None
    breaks = np.flatnonzero(np.diff(inked_rows) > 1)
    stem = inked_rows[breaks[-1] + 1 :] if len(breaks) else inked_rows  # the last run of ink rows: the stem
    paper = float(np.percentile(grey, 90))
    mark = paper - DOT_SHADE * (paper - float(darkest[stem].min()))

    def over(rows: np.ndarray) -> int:  # rows of ink going on up out of the box from a mark on its top row
        return _ink_over(image, gx + start, gx + end, gy, mark) if rows[0] == 0 else 0

    marked = np.flatnonzero(darkest[: stem[0]] < mark)
    runs = np.split(marked, np.flatnonzero(np.diff(marked) > 1) + 1) if len(marked) else []
    if runs and runs[-1][-1] == stem[0] - 1:  # grey rows down to the stem: its blurred end, or a dot blur joined
        joined = runs.pop()
        if over(joined) <= DOT_HEIGHT * (end - start) - (stem[0] - joined[0]) and _paler_waist(grey[joined[0] : stem[-1] + 1, start:end]):
            return True
    if runs:  # a mark over the stem, paler rows between: the one nearest the stem
        dot = runs[-1]
        stem_width = int((letter[stem[len(stem) // 2]] < level).sum())
        dot_width = int((letter[dot].min(axis=0) < mark).sum())
        if dot_width >= DOT_WIDTH * stem_width and len(dot) + over(dot) <= DOT_HEIGHT * (end - start):
            return True
    return _paler_waist(grey[stem[0] : stem[-1] + 1, start:end])


DOT_WIDTH = 0.5  # of the stem's width: an i's dot is about as wide as its stem; a speck a pixel or two
DOT_HEIGHT = 2.0  # of the letter's width: an i's dot is about as high as its stem is wide; the hook of a letter of the
# line above hanging into the box (seed 1's scan 34: 20 px over a stem 5 px wide) is higher


def _ink_over(image: np.ndarray, x0: int, x1: int, top: int, mark: float) -> int:
    """How many rows of ink go on up over page row ``top``, from columns ``x0 .. x1``: a stroke
    followed up row by row, each row's ink touching the row's below, beside those columns too (a
    mark that touches the top of a word's box: tesseract's box may cut a dot by a row; a letter of
    the line above reaches far up, its hook coming down beside the stem and curling under it)."""
    width = x1 - x0
    lo = max(0, x0 - width)
    near = image[:, lo : x1 + width] < mark
    cols = np.zeros(near.shape[1], bool)
    cols[x0 - lo : x1 - lo] = True
    up = 0
    while top - up - 1 >= 0 and up < 4 * width and near.shape[1]:
        row = near[top - up - 1]
        reach = cols | np.roll(cols, 1) | np.roll(cols, -1)  # (touching: a column either side)
        if not (row & reach).any():
            break
        grown = row & reach
        while True:  # the ink of the row joined to what touches
            more = row & (grown | np.roll(grown, 1) | np.roll(grown, -1))
            if (more == grown).all():
                break
            grown = more
        cols = grown
        up += 1
    return up


WAIST_PALER = 0.35  # of the way from the stroke's grey to white: the blurred blank between an i's dot and its stem


def _paler_waist(stroke: np.ndarray) -> bool:
    """Whether a vertical stroke (grey pixels, top to bottom) has a paler row in its upper half
    between darker ones: the blank between the dot and the stem of an ``i`` that a blurred scan
    filled in (blur of 1.8 px at 300 dpi read ``implementasi`` as a bar and made it ``Implementasi``).

    >>> bar = np.full((30, 4), 40, np.uint8)
    >>> blurred_i = bar.copy(); blurred_i[6:8] = 150
    >>> _paler_waist(bar), _paler_waist(blurred_i)
    (False, True)
    """
    if stroke.shape[0] < 5:
        return False
    darkest = stroke.min(axis=1).astype(float)
    dark = float(np.median(darkest))
    pale = dark + WAIST_PALER * (255 - dark)
    upper = darkest[: max(2, int(0.6 * len(darkest)))]
    for k in range(1, len(upper) - 1):
        if upper[k] >= pale and upper[:k].min() < pale and darkest[k + 1 :].min() < pale:
            return True
    return False


_ITEM_COMMA = re.compile(r"^([b-z])[,;]$")


def fix_item_letters(words: list[Word]) -> None:
    """An item letter read with a comma is the letter with its dot when the letter before it
    was an item already (``a. … b. … c, Tata kelola`` -> ``c.``): a lone letter and a comma is
    no Indonesian word.

    >>> ws = [Word(t, Box(0, 0, 1, 1)) for t in ["a.", "Satu", "b.", "Dua", "c,", "Tiga", "x,"]]
    >>> fix_item_letters(ws); [w.text for w in ws]
    ['a.', 'Satu', 'b.', 'Dua', 'c.', 'Tiga', 'x,']
    """
    seen: set[str] = set()
    for n, w in enumerate(words):
        m = _ITEM_COMMA.match(w.text)
        if m and f"{chr(ord(m.group(1)) - 1)}." in seen:
            words[n] = Word(m.group(1) + ".", w.box, w.conf)
        seen.add(words[n].text)


_ITEM = re.compile(r"^([a-z])\.$")


def fix_item_sequence(words: list[Word]) -> None:
    """List marks misread between two clean ones: lines opening ``f.``, ``9.``, ``h.`` at one left
    edge make the middle mark ``g.`` (``I.`` between ``k.`` and ``m.`` is ``l.``; ``Uu,`` and
    ``V.`` between ``t.`` and ``w.`` are ``u.`` and ``v.``). Only where the letters of the two
    clean marks count exactly the lines between them, and each mark in between is a short
    token that is no mark of its own.

    >>> ws = [Word(t, Box(50, y, 50 + 8, y + 7)) for t, y in (("f.", 0), ("9.", 10), ("h.", 20), ("I.", 30))]
    >>> ws += [Word("Satu", Box(62, y, 90, y + 7)) for y in (0, 10, 20, 30)]
    >>> fix_item_sequence(ws); [w.text for w in ws[:4]]
    ['f.', 'g.', 'h.', 'I.']
    """

    firsts = [ln.words[0] for ln in visual_lines(words) if ln.words]
    index = {id(w): n for n, w in enumerate(words)}
    clean = [i for i, w in enumerate(firsts) if _ITEM.match(w.text)]
    for a, b in zip(clean, clean[1:], strict=False):
        wa, wb = firsts[a], firsts[b]
        if b - a < 2 or ord(wb.text[0]) - ord(wa.text[0]) != b - a or abs(wa.box.x0 - wb.box.x0) > 3:
            continue
        middle = firsts[a + 1 : b]
        if all(len(w.text) <= 3 and abs(w.box.x0 - wa.box.x0) <= 3 and not _ROW_NUMBER_OR_MARK.match(w.text) for w in middle):
            for k, w in enumerate(middle, start=1):
                words[index[id(w)]] = Word(chr(ord(wa.text[0]) + k) + ".", w.box, w.conf)


_ROW_NUMBER_OR_MARK = re.compile(r"^(?:\d{2,}\.?|[a-z]\.|[IVX]{2,}\.)$")


_BANG = re.compile(r"^(\p{L}*)!(\p{L}*)([.,;:)]?)$")


def fix_exclamation(text: str) -> str:
    """``!`` in or after a word is a thin ``l`` or ``I`` the scan broke (``interna!``,
    ``DK!``, ``!bukota``), when exactly one of the two makes a known word (tesseract's own word
    list); an exclamation after a word stays."""
    m = _BANG.match(text)
    if m is None or not (m.group(1) or m.group(2)):
        return text

    known = lexicon.words()
    hits = [m.group(1) + c + m.group(2) for c in "lI" if (m.group(1) + c + m.group(2)).casefold() in known]
    return hits[0] + m.group(3) if len(hits) == 1 else text


#: The letters a descender's loss leaves (a ruling blanked under a tight row, a pale or blurred scan):
#: ``g`` read ``a``, ``j`` read ``i``, ``y`` read ``v``, ``p`` read ``n``.
_DESCENDER_LOSS = {"a": "g", "i": "j", "v": "y", "n": "p"}
_LOWER_WORD = re.compile(r"^(\p{Lu}?\p{Ll}{2,})([.,;:)]?)$")
DESCENDER_CHANGES = 3  # at most this many letters put back in one word (``masvarakat``: 1; ``tinaai``: 2)
DESCENDER_PLACES = 12  # a word with more letters that may have lost one is left as read (``pembanaunan``: 5)


def fix_descenders(text: str) -> str:
    """A word that is no Indonesian word is the one its lost descenders make, when exactly one
    Indonesian word (tesseract's ``ind`` list) comes of putting back the fewest of them: ``vang``
    ``kineria`` ``keuanaan`` ``Taraet`` ``mendanatkan`` are ``yang`` ``kinerja`` ``keuangan``
    ``Target`` ``mendapatkan``. Words in capitals, with figures, and known words stay; so does a
    word two Indonesian words come of alike, and the last letter of a capitalised word (names end
    in ``-ina`` ``-ana``: ``Sarina`` ``Liana`` are no ``Saring`` ``Liang``). An English word the
    Indonesian list lacks may be taken for a misreading (``undated``); the archives are Indonesian."""
    m = _LOWER_WORD.match(text)
    if m is None:
        return text
    word, tail = m.groups()
    known = lexicon.words(("ind",))
    if not known or word.casefold() in known:
        return text
    last = len(word) - 1 if word[0].isupper() else len(word)  # (a name's last letter stays: Sarina, Liana are no Saring, Liang)
    places = [k for k, c in enumerate(word[:last]) if c in _DESCENDER_LOSS]
    if len(places) > DESCENDER_PLACES:
        return text
    for n in range(1, min(DESCENDER_CHANGES, len(places)) + 1):
        hits = []
        for chosen in itertools.combinations(places, n):
            letters = list(word)
            for k in chosen:
                letters[k] = _DESCENDER_LOSS[letters[k]]
            if "".join(letters).casefold() in known:
                hits.append("".join(letters))
        if hits:
            return hits[0] + tail if len(hits) == 1 else text
    return text


def fix_token(text: str) -> str:
    """Confusions that only make sense one way: ``la-CP`` is the code ``1a-CP``; ``l``/``I``
    between digits or dots is ``1`` (``1.l.2`` -> ``1.1.2``).

    An academic title is never followed by a comma: ``Ir,`` is ``Ir.``; nor is ``Smt`` (Semester):
    ``Smt,`` is ``Smt.``. A Rencana Aksi's codes (``RA1.``, ``T/O1.1.1.``) hold digits after their
    letters: ``RAI.`` is ``RA1.``, ``T/0`` is ``T/O``, ``T/OL.1.1.`` is ``T/O1.1.1.``, and such a code
    ends with a dot, not a comma.

    >>> fix_token("la-CP"), fix_token("T/O1.l.1."), fix_token("Ibu"), fix_token("Ir,"), fix_token("Smt,")
    ('1a-CP', 'T/O1.1.1.', 'Ibu', 'Ir.', 'Smt.')
    >>> fix_token("RAI."), fix_token("T/02.1.1."), fix_token("T/OL.1.1."), fix_token("T/O2.1.1,"), fix_token("RAIN")
    ('RA1.', 'T/O2.1.1.', 'T/O1.1.1.', 'T/O2.1.1.', 'RAIN')

    The Indonesian model reads ``%`` as ``Yo`` or ``Y6``; glued to a number (``8,3 8Yo``, ``100Y6``) it
    can be nothing else:

    >>> fix_token("8Yo"), fix_token("85,77Yo"), fix_token("100Y6"), fix_token("Yogya")
    ('8%', '85,77%', '100%', 'Yogya')

    A lone ``¥`` is a ``Y`` (the yen sign is no word of these documents; the year's column is headed ``Y``):

    >>> fix_token("¥"), fix_token("¥100")
    ('Y', '¥100')

    A comparator's abbreviation and its number read as one token get the space between them back
    (``Maks. 32%``; the token stays one word):

    >>> fix_token("Maks.32%"), fix_token("Min.85%"), fix_token("Maks.l5%"), fix_token("Maks."), fix_token("Min.l")
    ('Maks. 32%', 'Min. 85%', 'Maks. 15%', 'Maks.', 'Min.l')
    """
    text = re.sub(r"^(Ir|Drs|Dra|Smt)[,;]$", r"\1.", text)
    text = "Y" if text == "¥" else fix_descenders(fix_exclamation(text))
    text = _CODE_L.sub(r"1\1", text)
    text = re.sub(r"(?<=\d)(?:Yo|Y6)$", "%", text)
    text = re.sub(r"^RA[Il|](?=[.\d])", "RA1", text)
    text = re.sub(r"^T/[0O]([lLI|]|(?=\d))", lambda m: "T/O" + ("1" if m.group(1) else ""), text)
    text = re.sub(r"^(T/O\d+(?:\.\d+)+),$", r"\1.", text)
    text = re.sub(r"(?<=[\d.])[lI](?=[\d.])", "1", text)
    return re.sub(r"^(Maks|Min)\.(?=\d)", r"\1. ", text)


_PERIOD_OCR = re.compile(r"^[QO0]\s?([1-4lIi])$")
_PERIOD_OCR_9 = re.compile(r"^9([1-4lIi])$")
_SD_PERIOD_OCR = re.compile(r"^(s\.?\s?d\.?)\s?[QO09]\s?([1-4lIi])$")
_PERIOD_CLEAN = re.compile(r"^(?:Q[1-4]|Smt\.?\s?[12]|s\.?\s?d\.?\s?Q[1-4])$", re.IGNORECASE)


def _period_look(text: str) -> str | None:
    """The quarter a label read like one names (``Ql``, ``01``, ``O4``: Q1, Q1, Q4), or None."""
    m = _PERIOD_OCR.match(text)
    return f"Q{_quarter(m.group(1))}" if m else None


def fix_period_header(table: Table) -> None:
    """A row of period labels read as ``Ql Q2 Smt. 1 Q3 s.d. 03 04 Y``: restore ``Q1 … Q4``
    (:func:`period_label_fixes`, each cell a piece)."""
    for row in table.rows:
        cells = [c for c in row if c is not None and c.text.strip()]
        for k, text in period_label_fixes([c.text for c in cells]).items():
            _set_text(cells[k], text)


def period_label_fixes(pieces: Sequence[str]) -> dict[int, str]:
    """The pieces of one row (its cells, or the words of a line) to be read as period labels, with
    their labels: ``Q1`` … ``Q4`` for ``Ql``, ``01``, ``O4``, and ``s.d. Q3`` for ``s.d. 03``. The row is
    one of period labels when most of its pieces are such labels, or when two of them read clean
    and three at least read like one (the labels beside ``No | Kode | Indikator Kinerja``).

    >>> period_label_fixes(["IKI", "01", "02", "Smt.", "1", "03", "s.d.Q3", "Q4", "Y"])
    {1: 'Q1', 2: 'Q2', 5: 'Q3', 6: 's.d. Q3'}
    >>> period_label_fixes(["Kode", "01", "Program", "02"])  # codes, not labels
    {}
    >>> period_label_fixes(["91", "92", "Smt. 1", "Q3", "s.d.Q3", "Q4"]), period_label_fixes(["91", "92", "93", "94"])
    ({0: 'Q1', 1: 'Q2', 4: 's.d. Q3'}, {})
    """
    texts = [t.strip() for t in pieces]
    hits = [k for k, t in enumerate(texts) if _PERIOD_OCR.match(t)]
    sds = [k for k, t in enumerate(texts) if _SD_PERIOD_OCR.match(t)]
    clean = sum(1 for t in texts if t and _PERIOD_CLEAN.match(t))
    filled = sum(1 for t in texts if t)
    nines = _quarters_read_with_a_nine(texts) if clean >= 2 else {}
    hits = sorted(hits + list(nines))
    if not ((len(hits) >= 3 and len(hits) >= filled // 2) or (clean >= 2 and len(hits) + len(sds) >= 3)):
        return {}
    out: dict[int, str] = {}
    for k in hits:
        out[k] = nines.get(k) or _period_look(texts[k])
    for k in sds:
        m = _SD_PERIOD_OCR.match(texts[k])
        out[k] = f"{m.group(1)} Q{_quarter(m.group(2))}"
    return {k: t for k, t in out.items() if t != texts[k]}


def _quarters_read_with_a_nine(texts: Sequence[str]) -> dict[int, str]:
    """The labels read ``91`` … ``94`` (a Q whose tail reads as a 9) that are the quarters they name
    beside the labels read clean: each a quarter not read elsewhere in the row, standing after every clean
    quarter before it and before every one after it (``91 92 Q3 Q4``; not ``Q3 s.d.Q3 91 92``: values).

    >>> _quarters_read_with_a_nine(["91", "92", "Smt. 1", "Q3", "s.d.Q3", "Q4"]), _quarters_read_with_a_nine(["Q1", "Q2", "91"])
    ({0: 'Q1', 1: 'Q2'}, {})
    >>> _quarters_read_with_a_nine(["Capaian", "Q3", "s.d.Q3", "91", "92", "93", "94"])
    {}
    """
    clean = {k: int(t[-1]) for k, t in enumerate(texts) if re.fullmatch(r"Q[1-4]", t)}
    out: dict[int, str] = {}
    for k, t in enumerate(texts):
        m = _PERIOD_OCR_9.match(t)
        if not m:
            continue
        q = int(_quarter(m.group(1)))
        if q in clean.values() or any(j < k and v > q or j > k and v < q for j, v in clean.items()):
            return {}  # one out of place: they are values
        out[k] = f"Q{q}"
    return out


def fix_roman_quarters(table: Table) -> None:
    """The quarters ``I II III IV`` under a label over four columns (``Triwulan``, ``Target Kinerja
    Sasaran``): thin strokes that tesseract reads as ``I " 1 Iv`` or ``l Il Ul Iv``, or misses (a
    lone ``I`` is taken for a ruling's remnant). A row holding nothing but short marks in those four
    columns, two of them at least, is that row of labels. A ``Triwulan`` cell stands over the four
    when it is followed by three empty or covered slots, and a mark under it is any short one without
    a figure of 2 to 9; another label must span the four cells under it, edge to edge, and every
    mark must be made of strokes (``I`` ``l`` ``i`` ``1`` ``v``, quotes): ``Vol Sat`` under
    ``Anggaran`` are labels of their own, and a tick ``v`` in a body row spans no columns."""
    for above, row in zip(table.rows, table.rows[1:], strict=False):
        for cols, triwulan in _quarter_columns(above, row):
            if any(c is not None and c.text.strip() for k, c in enumerate(row) if k not in cols):
                continue
            marks = [row[k] for k in cols]
            filled = [c for c in marks if c is not None and c.text.strip()]
            mark = _QUARTER_MARKS if triwulan else _STROKE_MARKS
            if len(filled) < 2 or not all(mark.fullmatch(c.text.strip()) for c in filled):
                continue
            for c, label in zip(marks, ("I", "II", "III", "IV"), strict=True):
                if c is not None:
                    _set_text(c, label)
            break


QUARTER_SPAN_PT = 2.0  # a label spans the cells under it when its edges are theirs, this near (one grid's rulings)


def _quarter_columns(above: list, row: list) -> Iterator[tuple[list[int], bool]]:
    """The four columns each label of ``above`` stands over, and whether it reads ``Triwulan``:
    a ``Triwulan`` cell followed by three empty or covered slots; another label spanning the four
    cells of ``row`` under it (the three slots after it covered), edge to edge."""
    for k, cell in enumerate(above):
        if cell is None or not cell.text.strip():
            continue
        after, under = above[k + 1 : k + 4], row[k : k + 4]
        if len(after) < 3:
            continue
        if re.fullmatch(r"\s*Triwulan\s*", cell.text, re.IGNORECASE):
            if all(c is None or not c.text.strip() for c in after):
                yield [k, k + 1, k + 2, k + 3], True
        elif (all(c is None for c in after) and len(under) == 4 and under[0] is not None and under[3] is not None
              and abs(cell.box.x0 - under[0].box.x0) <= QUARTER_SPAN_PT and abs(cell.box.x1 - under[3].box.x1) <= QUARTER_SPAN_PT):
            yield [k, k + 1, k + 2, k + 3], False


_QUARTER_MARKS = re.compile(r"[^2-9]{1,4}")  # under "Triwulan": any short mark without a figure of 2 to 9
_STROKE_MARKS = re.compile(f"[{_NUMERAL_INK}.]{{1,4}}")  # ... in a cell of their own, a speck beside them: I " 1 Iv Il


_TW_LIKE = re.compile(r"^[TtIl|]?[Ww][A-Za-z1|!]{0,3}$")  # TW I .. TW IV as blurred 150-dpi scans give them: Twi, Twit, wu, TWiv
_SD_TW_LIKE = re.compile(r"^s\.?d\.?[TtIl|]?[Ww][A-Za-z1|!]{0,3}$", re.IGNORECASE)
_SMT_LIKE = re.compile(r"^Smt\.?[A-Za-z1|!]{0,2}$", re.IGNORECASE)
_ROMAN = ("I", "II", "III", "IV")


def fix_quarter_labels(table: Table) -> None:
    """A header row with exactly four cells like ``TW`` and a short mark (``Twi Twit wu TWiv``:
    the thin strokes of I, II, III at 150 dpi are read as i, t, u or lost) holds the quarters in
    their order: TW I, TW II, TW III, TW IV. A cell like ``Smt.`` between the second and the third
    is ``Smt. I``, one like ``s.d. TW`` between the third and the fourth ``s.d. TW III``. The row
    must show it is one of labels: one of the four read clean, or a ``Smt.``, ``s.d.`` or ``Y``
    cell beside them, and nothing longer than a label.

    >>> from extract.pdf.model import Cell
    >>> labels = ["Twi", "Twit", "Smt. b", "wu", "sd. TW ul", "TW Iv", "Y"]
    >>> t = Table(Box(0, 0, 10, 1), [[Cell(Box(0, 0, 1, 1), x) for x in labels]], "ocr")
    >>> fix_quarter_labels(t); [c.text for c in t.rows[0]]
    ['TW I', 'TW II', 'Smt. I', 'TW III', 's.d. TW III', 'TW IV', 'Y']
    """
    for row in table.rows:
        cells = [c for c in row if c is not None and c.text.strip()]
        if not cells or any(len(c.text.strip()) > 12 for c in cells if not re.match(r"(?i)^(target|kode|ss|iku|no)", c.text.strip())):
            continue
        squeezed = [(c, re.sub(r"\s+", "", c.text)) for c in cells]
        tws = [k for k, (_, t) in enumerate(squeezed) if _TW_LIKE.match(t)]
        if len(tws) != 4:
            continue
        clean = sum(1 for k in tws if re.fullmatch(r"TW\s?(?:I|II|III|IV)", squeezed[k][0].text.strip()))
        others = [k for k, (_, t) in enumerate(squeezed) if k not in tws and (_SD_TW_LIKE.match(t) or _SMT_LIKE.match(t) or t in ("Y", "Tahunan"))]
        if not clean and not others:
            continue
        for k, label in zip(tws, _ROMAN, strict=True):
            _set_text(squeezed[k][0], f"TW {label}")
        for k in others:
            c, t = squeezed[k]
            if _SMT_LIKE.match(t) and tws[1] < k < tws[2]:
                _set_text(c, "Smt. I")
            elif _SD_TW_LIKE.match(t) and tws[2] < k < tws[3]:
                _set_text(c, "s.d. TW III")


#: The period columns of a table of targets, in the order they are printed: a Rincian Target's seven,
#: and the four quarters of a Pemda PK (each label in the styles the archives print them in).
_PERIOD_RUNS: tuple[tuple[tuple[str, ...], dict[str, tuple[str, ...]]], ...] = (
    (("Q1", "Q2", "Smt1", "Q3", "sdQ3", "Q4", "Y"), {"Q": ("Q1", "Q2", "Smt. 1", "Q3", "s.d.Q3", "Q4", "Y"),
                                                     "TW": ("TW I", "TW II", "Smt. I", "TW III", "s.d. TW III", "TW IV", "Y")}),
    (("Q1", "Q2", "Q3", "Q4"), {"Q": ("Q1", "Q2", "Q3", "Q4"), "TW": ("TW I", "TW II", "TW III", "TW IV"),
                                "Triwulan": ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")}),
)


_HEADER_MARK = re.compile(r"^[-–—•·:;|'\"‘’“”~_=]+\s+(?=\p{L})")


def _header_rows(table: Table) -> Iterator[list[Cell]]:
    """The cells of each row over the table's first row of values (two cells like ``-``, ``19%``,
    ``57,06``): its header; the body's rows are no labels."""
    for row in table.rows:
        cells = [c for c in row if c is not None]
        if sum(1 for c in cells if _VALUE_CELL.match(c.text.strip())) >= 2:
            return
        yield cells


def strip_header_marks(table: Table) -> None:
    """A mark before a label in the rows over the table's first row of values is a speck or a
    ruling's remnant the scan left: ``- Indikator Kinerja`` (uneven toner, s1/6) is ``Indikator
    Kinerja``. In the body such a mark is an item's dash and stays.

    >>> from extract.pdf.model import Cell
    >>> t = Table(Box(0, 0, 10, 2), [[Cell(Box(0, 0, 1, 1), x) for x in ("No", "- Indikator Kinerja", "Target")],
    ...                              [Cell(Box(0, 1, 1, 2), x) for x in ("1", "- Rapat koordinasi", "80%", "-")]], "ocr")
    >>> strip_header_marks(t); [[c.text for c in r] for r in t.rows]
    [['No', 'Indikator Kinerja', 'Target'], ['1', '- Rapat koordinasi', '80%', '-']]
    """
    for cells in _header_rows(table):
        for c in cells:
            stripped = _HEADER_MARK.sub("", c.text.strip())
            if stripped != c.text.strip():
                _set_text(c, stripped)


def fix_period_run(table: Table) -> None:
    """A row of period labels read partly as noise (:func:`period_run_fixes`, each cell a piece),
    among the rows over the table's first row of values (its header)."""
    for cells in _header_rows(table):
        for k, text in period_run_fixes([c.text for c in cells]).items():
            _set_text(cells[k], text)


def period_run_fixes(pieces: Sequence[str], *, tokens: bool = False) -> dict[int, str]:
    """The pieces of a row of period labels read partly as noise (``qi 0 Set. 1 Q3 sdg Qs Y``: a bold
    serif at 150 dpi and heavy JPEG), with the labels they are: the run of periods its clean labels
    stand in. Seven pieces side by side whose labels that read clean are each the period of its
    place in a Rincian Target's order (``02`` in Q2's place reads clean too, but one label at least
    must read with its letters; two at least, or one beside labels that read ``Triwulan``/``TW`` and
    a mark), and whose others are short (``GARBLED_LABEL`` letters: ``s.d. TW Ill``), name nothing
    and are empty once at most, are those seven periods; four such pieces, the four quarters. The
    others are written in the style of the clean ones (``Q3`` or ``TW III``). ``tokens``: the pieces
    are a line's words, where a label may be two (``TW`` ``I``): a run is taken only of pieces each
    one token like ``Q1`` (``Ql``, ``02``, ``09``).

    >>> period_run_fixes(["", "qi", "0", "Set. 1", "Q3", "sdg", "Qs", "Y"])  # ('qi' names Q1)
    {2: 'Q2', 3: 'Smt. 1', 5: 's.d.Q3', 6: 'Q4'}
    >>> period_run_fixes(["", "", "Ql", "2 Q2", "Smt, 1", "", "ai", "Q4", "Tahunan"])
    {2: 'Q1', 3: 'Q2', 4: 'Smt. 1', 5: 'Q3', 6: 's.d.Q3'}
    >>> period_run_fixes(["Satuan", "Triwulan !", 'Triwulan "', "Triwulan m", "Triwulan IV", "Target 2024"])
    {1: 'Triwulan I', 2: 'Triwulan II', 3: 'Triwulan III'}
    >>> period_run_fixes(["No", "Tujuan", "IKU", "Ql", "02", "09", "04", "Tahunan", "Satuan"], tokens=True)
    {3: 'Q1', 4: 'Q2', 5: 'Q3', 6: 'Q4'}
    >>> period_run_fixes(["SS/IKU", "TWI", "TWH.", "Smt. I", "TW II", "s.d. TW UI", "TW IV", "Y"])  # (TW III, a stroke lost)
    {2: 'TW II', 4: 'TW III', 5: 's.d. TW III'}
    >>> period_run_fixes(["TW I", "TW I", "TW III", "TW IV"])  # (II with a stroke lost; a numeral two strokes off is no slip)
    {1: 'TW II'}
    >>> period_run_fixes(["TW I", "TW I", "TW I", "TW IV"])
    {}
    >>> period_run_fixes(["IKI", "TW", "I", "TW", "II", "Smt.", "I", "Target", "TW", "il"], tokens=True)  # labels of words
    {}
    >>> period_run_fixes(["3", "Indeks", "-", "Q2", "0", "19%", "Q4"])  # a body row
    {}
    >>> period_run_fixes(["IKI", "Q1", "Q2", "Smt.", "1", "Q3", "s.d.Q3", "Q4", "Y"])  # words: no run of seven, nor four
    {}
    >>> period_run_fixes(["1", "02", "03", "04", "Program Penunjang Urusan"])  # codes: no label read as one
    {}
    >>> period_run_fixes(["1", "Monev", "Q1", "", "", "", "", "Q4", ""])  # mostly empty: no run
    {}
    """
    texts = [t.strip() for t in pieces]
    roles = [role_of(t) for t in texts]
    for periods, styles in _PERIOD_RUNS:
        n = len(periods)
        score, start = max(((_period_run(texts[k : k + n], roles[k : k + n], periods), k) for k in range(len(texts) - n + 1)),
                           default=(0, 0))
        if not score or any(r in periods for k, r in enumerate(roles) if not start <= k < start + n):
            continue  # (a period named outside the run too: the run is misplaced, "Smt." "1" taken for Q3 Q4)
        if tokens and not all(_Q_LIKE.match(t) or roles[start + k] == periods[k] for k, t in enumerate(texts[start : start + n])):
            continue
        run = texts[start : start + n]
        style = next((st for st in ("Triwulan", "TW") if st in styles and any(_STYLE[st].match(t) for t in run)), "Q")
        return {start + k: styles[style][k] for k in range(n) if roles[start + k] != periods[k]}
    return {}


def _period_run(texts: Sequence[str], roles: Sequence[str | None], periods: Sequence[str]) -> int:
    """How many of the pieces read clean as the periods of their places; 0 when they are no run of
    them (one label at least must read as a label, not as a bare number like ``02``, and one piece
    at most may be empty)."""
    clean = prefixed = 0
    lettered = False
    if sum(1 for t in texts if not t) > 1:
        return 0
    for text, r, p in zip(texts, roles, periods, strict=True):
        if r == p or (p in QUARTER_ROLES and _period_look(text) == p):
            clean += 1
            lettered = lettered or not text[:1].isdigit()
        elif p in QUARTER_ROLES and _QUARTER_MARK.match(text) and (r not in PERIOD_ROLES or _one_stroke_off(text, r, p)):
            prefixed += 1
        elif r is not None or len(text) > GARBLED_LABEL or (_VALUE_LIKE.search(text) and not _Q_LIKE.match(text)):
            return 0
    if not lettered or not (clean >= 2 or (clean >= 1 and clean + prefixed >= 3)):
        return 0
    if all(r == p for r, p in zip(roles, periods, strict=True)):
        return 0  # (read clean throughout: nothing to mend)
    return clean


_QUARTER_MARK = re.compile(r"(?i)^(?:triwulan|tw)\s*\S{0,3}$")  # "Triwulan !", "TW m": the word clean, the numeral not
_STYLE = {"Triwulan": re.compile(r"(?i)^triwulan\b"), "TW": re.compile(r"(?i)^tw\b")}
_Q_LIKE = re.compile(r"^[QO0]\s?\S$")  # "09" where Q3 stands: a label misread, no value
_VALUE_LIKE = re.compile(r"\d{2}|%|^-$")
_VALUE_CELL = re.compile(r"^(?:-|N/?A|.*\d.*(?:%|\d[.,]\d).*|\d+)$")  # a cell of the body: "-", "19%", "57,06", "80"
#: a label read as noise is this long at most: "s.d. TW Ill" (11), "Triwulan !" (10); a value cell's
#: text ("Tidak kurang dari 80%") is longer or holds figures
GARBLED_LABEL = 12


#: The strokes of the numerals I, II and III, by the quarter each names
_STROKES_OF = {"Q1": 1, "Q2": 2, "Q3": 3}
_STROKE_NUMERAL = re.compile(r"(?i)^(?:triwulan|tw)\s*(I{1,3})$")


def _one_stroke_off(text: str, read: str, place: str) -> bool:
    """A quarter's label whose numeral of strokes has one stroke lost or one too many (``TW II`` read
    where ``TW III`` stands): I, II and III differ by one stroke, which blur and JPEG take or add.
    ``read``: the quarter the label names; ``place``: the quarter of its place in the run.

    >>> _one_stroke_off("TW II", "Q2", "Q3"), _one_stroke_off("Triwulan III", "Q3", "Q2"), _one_stroke_off("TWII", "Q2", "Q3")
    (True, True, True)
    >>> _one_stroke_off("TW IV", "Q4", "Q3"), _one_stroke_off("TW I", "Q1", "Q3"), _one_stroke_off("Q2", "Q2", "Q3")
    (False, False, False)
    """
    m = _STROKE_NUMERAL.match(text)
    return (m is not None and read in _STROKES_OF and place in _STROKES_OF
            and abs(_STROKES_OF[read] - _STROKES_OF[place]) == 1 and len(m.group(1)) == _STROKES_OF[read])


def _quarter(digit: str) -> str:
    return "1" if digit in "lIi" else digit


def _set_text(cell, text: str) -> None:
    cell.text = text
    cell.lines = [(cell.lines[0][0] if cell.lines else cell.box.cy, text)]


FAINT_INK = 180  # on flattened paper: a thin stroke blurred by the scan (a hyphen) keeps no pixel under 128
# ... nor does small type blurred by a 150-dpi scan: a cell's "8 %" in 8-pt serif kept 415-657 pixels under
# FAINT_INK and none under 128 (its darkest 116-128), a blurred hyphen 18-24 (1.0-1.4 pt2 at 300 dpi)
FAINT_TEXT_PT2 = 6.0
PALE_INK = 200  # ... and a hyphen printed pale by uneven toner, where one under FAINT_INK finds no stroke
PALE_DASH_CORE_PX = 3  # ... whose core keeps this many pixels under FAINT_INK (s1/6's: 3-11; a smudge's: none)


def darkened(crop: np.ndarray) -> np.ndarray:
    """The crop stretched so its darkest pixel is black and the paper stays white: pale ink read in
    one image with dark (one threshold for all) would fall on the paper's side.

    >>> darkened(np.array([[255, 180, 120]], np.uint8)).tolist()
    [[255, 113, 0]]
    """
    low = int(crop.min())
    if low >= 255:
        return crop
    return np.clip((crop.astype(np.float32) - low) * (255.0 / (255 - low)), 0, 255).astype(np.uint8)


#: a dash is this many times as long as high at least: a hyphen of 8-pt type scanned at 150 dpi measures
#: 6 x 4 px at 300 dpi under FAINT_INK (1.5); a dot or a speck is as high as long (a full stop 4 x 4 to 5 x 5)
DASH_LENGTH = 1.4
#: px at 300 dpi, under the ink threshold: a hyphen of 8-pt narrow type (about 2.2 pt long) scanned at 150 dpi keeps
#: 5 x 3 to 7 x 3 (seed 1 file 39, ten dashes); grain of a 150-dpi scan is 2 x 2 to 3 x 3 (two grains side by side are
#: two strokes, no dash)
DASH_MIN_PX = 5
#: px, measured under FAINT_INK, where blur widens every mark: a hyphen 6 px long at least (SMALL_FAINT_HYPHEN of the
#: tests: 6 x 4), a blurred grain 5 x 3 (3 x 3 under 128)
FAINT_DASH_MIN_PX = 6
DASH_SPECK_PX = 2  # grey toner's grain beside a dash: 1 or 2 px (seed 2 file 18, 300 dpi); a full stop is 9 or more
DASH_MAX_INK = 2 * 8 * 60  # px: twice the most ink a dash holds (8 x 60 px at most, below), specks and all


def dash_in_cell(crop: np.ndarray, x0: int, y0: int, scale: float, ink: int = 128) -> Word | None:
    """A cell whose only ink is one short flat stroke holds a dash. A small hyphen blurred by
    the scan is 9 px long over 4 or 5 rows of ink at 300 dpi, under twice as long as high (a 150-dpi
    scan's, read at 300 dpi, 6 x 4 px: ``DASH_LENGTH``; narrow type's 5 x 3: ``DASH_MIN_PX``), and one
    stroke (specks aside); a dot or a bullet is as high as long, and a
    letter is higher than 8 px. ``ink``: the grey level
    under which a pixel is ink (a heavily blurred hyphen is nowhere darker than 126). Specks of
    ``DASH_SPECK_PX`` pixels or fewer beside it are no ink of the cell (grey toner's grain).

    >>> cell = np.full((40, 60), 255, np.uint8); cell[20:22, 25:33] = 0; cell[5, 5] = cell[35, 50] = 0
    >>> dash_in_cell(cell, 0, 0, 1.0).text
    '-'
    """
    import cv2

    ink_mask = (crop < ink).astype(np.uint8)
    if int(ink_mask.sum()) > DASH_MAX_INK:
        return None  # (a cell of text, not looked into further)
    n, labels, stats, _ = components(ink_mask, 8)
    specks = [k for k in range(1, n) if stats[k, cv2.CC_STAT_AREA] <= DASH_SPECK_PX]
    if n - 1 - len(specks) != 1:
        return None  # (a dash is one stroke: two grains side by side are none)
    if specks:
        ink_mask[np.isin(labels, specks)] = 0
    ys, xs = np.nonzero(ink_mask)
    if len(xs) == 0:
        return None
    h, w = ys.max() - ys.min() + 1, xs.max() - xs.min() + 1
    if h <= 8 and (DASH_MIN_PX if ink <= 128 else FAINT_DASH_MIN_PX) <= w <= 60 and w >= DASH_LENGTH * h:
        return Word("-", _ink_box(ink_mask, x0, y0, scale), conf=90.0)
    return None


def dash_taken_for_speck(cell: np.ndarray, x0: int, y0: int, scale: float) -> Word | None:
    """The dash of a cell left empty: ``cell`` (its pixels of the blots :func:`raster.despeckle` removed,
    white elsewhere; or the cell as cleaned, where a pale dash stayed) holds one blot that is
    clearly the largest (:data:`SPECK_DASH_LEAD`), printed pale (no pixel under :data:`FAINT_INK`), as wide
    as high at least (blurred, two of s1/8's measure 5 x 5) and no more than four times, no higher than a
    speck, of a dash's ink (:data:`SPECK_DASH_MIN_PT2`), and stands in the middle of the cell's width
    (:data:`SPECK_DASH_MIDDLE`) and in the middle half of its height. Asked only of a speckled page's empty
    cells (:func:`ocr_cells`): a pale smudge of a clean scan is no dash (:func:`_faint_dash`). The speck
    thresholds are the defaults' (``raster.SPECK_INK``, ``SPECK_SIZE_PT``).

    A short hyphen printed pale and blurred by a 150-dpi scan with heavy JPEG is a blot of 6-8 x 4-6 px at
    300 dpi, as small as grey toner's grain, and was taken for one (seed 1 file 8: 15 value cells printed
    ``-`` read empty, each blot within 5 px of its cell's middle across, at 0.52-0.55 of its height, one to
    three blots a cell); grain falls anywhere, as often higher than wide, and a heavily speckled page's
    empty cell holds many blots of one size (seed 1 file 34: 3-28, 8-27 px each).

    >>> cell = np.full((60, 160), 255, np.uint8); cell[28:33, 77:85] = 190
    >>> dash_taken_for_speck(cell, 0, 0, 300 / 72).text
    '-'
    >>> cell[10:14, 20:25] = 190  # a grain beside it, smaller: still the dash
    >>> dash_taken_for_speck(cell, 0, 0, 300 / 72).text
    '-'
    >>> cell[28:33, 77:85] = 255; cell[28:33, 120:128] = 190  # the largest blot off the middle: grain
    >>> dash_taken_for_speck(cell, 0, 0, 300 / 72) is None
    True
    >>> grain = np.full((60, 160), 255, np.uint8); grain[28:33, 77:83] = 190; grain[10:15, 20:26] = 190
    >>> dash_taken_for_speck(grain, 0, 0, 300 / 72) is None  # two blots of one size: grain, wherever they stand
    True
    >>> edge = np.full((60, 160), 255, np.uint8); edge[2:7, 77:85] = 190  # at the cell's top edge
    >>> tall = np.full((60, 160), 255, np.uint8); tall[27:34, 78:83] = 190  # higher than wide
    >>> dash_taken_for_speck(edge, 0, 0, 300 / 72) is None, dash_taken_for_speck(tall, 0, 0, 300 / 72) is None
    (True, True)

    Near the bounds: 0.15 of the width off the middle (the bound 0.1), a grain of 0.88 of the blot's ink beside
    it (0.8; one of 0.75 is passed over), a dark core (under FAINT_INK), a blot of 16 px (20), one higher than
    wide (4 x 5) and one as wide as high (5 x 5):

    >>> def blot(x=77, w=8, h=5, grain=0, core=190):
    ...     c = np.full((60, 160), 255, np.uint8); c[28:28 + h, x : x + w] = 190; c[30, x + 2] = core
    ...     if grain: c[5:5 + grain // 5, 20:25] = 190
    ...     return dash_taken_for_speck(c, 0, 0, 300 / 72) is not None
    >>> blot(), blot(x=101), blot(grain=35), blot(grain=30), blot(core=150), blot(w=4, h=4), blot(w=4), blot(w=5)
    (True, False, False, True, False, False, False, True)
    """
    import cv2

    n, labels, stats, _ = components((cell < SPECK_INK).astype(np.uint8), 8)
    if n <= 1:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    k = 1 + int(np.argmax(areas))
    x, y, w, h, area = (int(stats[k, c]) for c in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP, cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT,
                                                   cv2.CC_STAT_AREA))
    others = np.delete(areas, k - 1)
    if area < SPECK_DASH_MIN_PT2 * scale * scale or (others.size and int(others.max()) > SPECK_DASH_LEAD * area):
        return None
    blot = labels == k
    if int(cell[blot].min()) < FAINT_INK:
        return None  # (a blot with a dark core is measured as ink, at FAINT_INK: dash_in_cell)
    rows, cols = cell.shape
    if h <= w <= 4 * h and h <= SPECK_SIZE_PT * scale and abs(x + w / 2 - cols / 2) <= SPECK_DASH_MIDDLE * cols \
            and abs(y + h / 2 - rows / 2) <= rows / 4:
        return Word("-", _ink_box(blot, x0, y0, scale), conf=60.0)
    return None


#: share of a cell's width: a blot this near its middle is where a centred dash stands (seed 1 file 8's
#: within 0.03 of it; its grain beside them 0.2-0.45 away)
SPECK_DASH_MIDDLE = 0.1
#: pt²: a dash's blot holds this much ink at least (seed 1 file 8: 22-35 px at 300 dpi, 1.3-2.0 pt²; 20 px here).
#: Most single grains hold less (s1/34: 8-20 px), not all, nor two run together (up to 27): SPECK_DASH_LEAD and the
#: blot's shape and place tell those
SPECK_DASH_MIN_PT2 = 1.15
#: ... and no other blot of the cell holds more than this share of its ink (the grain beside s1/8's dashes:
#: 0.76 at most; two grains run together on the speckled s1/34 beside one: 0.85)
SPECK_DASH_LEAD = 0.8


def _faint_dash(crop: np.ndarray, x0: int, y0: int, scale: float, faint: int) -> Word | None:
    """The dash of a cell with no dark ink: measured under :data:`FAINT_INK`, else under
    :data:`PALE_INK` when its core is printed (``faint``: the crop's pixels under FAINT_INK, at least
    :data:`PALE_DASH_CORE_PX`). Uneven toner prints a hyphen of small type at 97-172 at its darkest
    (seed 1 file 6, 150 dpi): under FAINT_INK it keeps 5-11 pixels, or falls apart in two, where
    under PALE_INK it is one stroke of 25-52; a grey smudge of a real scan (the number column of
    PK_Kabid_Produksi's page 3), darkest at 190, keeps none and is no dash."""
    if faint >= 12 and (dash := dash_in_cell(crop, x0, y0, scale, FAINT_INK)) is not None:
        return dash
    if faint >= PALE_DASH_CORE_PX and int((crop < PALE_INK).sum()) >= 12:
        return dash_in_cell(crop, x0, y0, scale, PALE_INK)
    return None


def _dash(crop: np.ndarray, x0: int, y0: int, scale: float) -> Word | None:
    """The cell's dash measured at the dark ink, else at the faint: the scan rounds a short hyphen, and
    one of 8-pt narrow type at 150 dpi (seed 1 file 39) keeps 5 x 4 px under 128, no longer than
    :data:`DASH_LENGTH` times its height, and 8 x 5 under ``FAINT_INK``."""
    return dash_in_cell(crop, x0, y0, scale) or dash_in_cell(crop, x0, y0, scale, FAINT_INK)


# a number with something odd after it: "%" read by the Indonesian model as Yo, or as 96 set apart ("52,54 96",
# "10,6 096" for "10,6 0%": a percentage whose figures were spaced)
_ODD_VALUE = re.compile(r"^\S*\d[\d.,]*\s*(?:Yo|yo|%o|Vo|o/o|°/o|9o|0/0)$|^\S*\d,\d+\s+\d?96$")


def _suspicious_value(text: str) -> bool:
    return bool(_ODD_VALUE.match(text.strip()))


_ROW_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*\)?\.?$")  # 2, (2), 2., 3.1, 1.2.1.
_ITEM_MARK = re.compile(r"^(?:[a-zA-Z]|[IVXivx]{1,4})[.)]?$|^[-–•]$")


def _reread_numbers(first: dict[int, list[Word]], crops: list, numbering: dict[int, int], scale: float) -> None:
    """A row number the Indonesian model read as letters (``2.`` as ``ae``) is read again with
    digits only; the digits are kept when they form a row number with good confidence. An item
    letter (``a.``) or a roman numeral is a real mark and is left alone, unless nearly all the
    marks of its column are numbers (``7`` read as ``r`` under ``1`` … ``6``)."""
    def mark(k: int) -> str | None:
        ws = first.get(k)
        return ws[0].text if ws and len(ws) == 1 and len(ws[0].text) <= 4 else None

    numbered: dict[int, list[bool]] = {}  # per table: which first-column marks read as numbers
    for k, t_i in numbering.items():
        if (m := mark(k)) is not None:
            numbered.setdefault(t_i, []).append(bool(_ROW_NUMBER.match(m)))

    def numbers_column(t_i: int) -> bool:  # three numbers at least, and no more than one mark in four else
        flags = numbered.get(t_i, [])
        return flags.count(True) >= 3 and flags.count(False) <= len(flags) // 4

    odd = [k for k in sorted(numbering) if (m := mark(k)) is not None and not _ROW_NUMBER.match(m)
           and (not _ITEM_MARK.match(m) or numbers_column(numbering[k]))]
    if not odd:
        return
    import cv2  # noqa: PLC0415 - OpenCV comes with camelot

    pad = 60
    for k in odd:  # a few cells: one line each, binarised (grey specks make tesseract see letters)
        crop, x0, y0 = crops[k]
        _, binary = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        band = _first_ink_band(binary < 128)
        if band is None:
            continue
        # the mark's line alone: a tall merged cell read as one line is shrunk to a line's height
        top, bottom, left, right = band
        binary = binary[top:bottom, left:right]
        x0, y0 = x0 + left, y0 + top
        rows = run_tsv(np.pad(binary, pad, constant_values=255), psm=7, lang="eng", whitelist="0123456789.")
        if len(rows) == 1 and _ROW_NUMBER.match(rows[0]["text"].strip()) and float(rows[0]["conf"]) >= OCR_RETRY_CONFIDENCE:
            first[k] = [_word(rows[0], x0 - pad, y0 - pad, scale)]


def _first_ink_band(ink: np.ndarray, gap: int = 3, min_height: int = 6) -> tuple[int, int, int, int] | None:
    """The first run of rows holding ink at least ``min_height`` rows tall (rows ``gap`` apart or
    closer are one run; a speck is no line of text: a digit at 300 dpi is 20-40 rows) and the columns
    its ink spans, as top, bottom, left, right (ends excluded); None without one.

    >>> ink = np.zeros((40, 10), bool); ink[0, 1] = True; ink[4:12, 3:6] = True; ink[30:40, 8] = True
    >>> _first_ink_band(ink)
    (4, 12, 3, 6)
    """
    rows = np.flatnonzero(ink.any(axis=1))
    if not len(rows):
        return None
    cuts = [0, *(np.flatnonzero(np.diff(rows) > gap) + 1).tolist(), len(rows)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        top, bottom = int(rows[a]), int(rows[b - 1]) + 1
        if bottom - top >= min_height:
            cols = np.flatnonzero(ink[top:bottom].any(axis=0))
            return top, bottom, int(cols[0]), int(cols[-1]) + 1
    return None


OCR_RETRY_CONFIDENCE = 60.0
_DIGITS_AND_DOTS = re.compile(r"^\d[\d.]*$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")  # 1.1.2.1, 3.100, 378.165.000


#: what tesseract's Indonesian model makes of a blurred ``%`` after figures: ``24%`` read ``2496``, ``71%`` ``719``,
#: ``57%`` ``578`` (the generated scans, seed 1 files 6, 7, 11 and 15: 150 dpi, light or no blur)
_PERCENT_AS_FIGURES = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?(?:96|9|8)$")
_PERCENT_READING = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?%$")


def restore_percent_signs(image: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """A percentage whose sign was read as figures (``2496`` for ``24%``), put right by reading its word
    again with the English model and only figures, separators and ``%`` allowed (all such words of the
    page in one tesseract call): the second reading is kept when it is the first's figures less the
    misread tail, then ``%``, read with :data:`OCR_RETRY_CONFIDENCE`. A word whose ink holds no ``%``
    reads its figures again (``2019`` stays ``2019``). Not caught: a last figure crossed by a pen's
    stroke also reads ``%`` (``1998`` as ``199%``: 7 of 1,560 such words drawn by a review, none of
    2,400 blurred or speckled; a third reading with figures alone read them no surer)."""
    spots = [n for n, w in enumerate(words) if _PERCENT_AS_FIGURES.match(w.text)]
    if not spots:
        return words
    crops = [_word_crop(image, words[n].box, scale) for n in spots]
    again = read_sheet(crops, scale, "eng", whitelist="0123456789.,%")
    out = list(words)
    for i, n in enumerate(spots):
        old, new = words[n], again.get(i, [])
        if len(new) != 1 or (new[0].conf or 0) < OCR_RETRY_CONFIDENCE or not _PERCENT_READING.match(text := new[0].text):
            continue
        if old.text.startswith(text[:-1]) and old.text[len(text) - 1 :] in ("96", "9", "8"):
            out[n] = Word(text, old.box, min(old.conf or 0, new[0].conf or 0))
    return out


def _restore_dots(first: dict[int, list[Word]], clean: np.ndarray, scale: float) -> None:
    """Dots the cell reading lost between digits (``1.1.2.1`` read as ``11.21``, ``1.2`` as ``12``).

    Every word made of two or more digits and dots is cut out of the page along its own box,
    binarised, and read again (all of them in one tesseract call) with digits and dots only. The
    second reading is kept only when it has exactly the same digits in the same order, more dots,
    the shape of a numbering or a grouped number, and good confidence: dots are added, never a
    digit changed (``1.2.1.1`` read again as ``4.2.1.1`` keeps the first reading).
    """
    import cv2  # noqa: PLC0415 - OpenCV comes with camelot

    spots: list[tuple[int, int]] = []  # (crop key, word index)
    crops: list[tuple[np.ndarray, int, int]] = []
    for k, ws in first.items():
        for n, w in enumerate(ws):
            if not _DIGITS_AND_DOTS.match(w.text) or sum(ch.isdigit() for ch in w.text) < 2:
                continue
            x0, y0 = max(0, int(w.box.x0 * scale) - 6), max(0, int(w.box.y0 * scale) - 6)
            x1, y1 = int(w.box.x1 * scale) + 6, int(w.box.y1 * scale) + 6
            crop = clean[y0:y1, x0:x1]
            if crop.size == 0:
                continue
            _, binary = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
            spots.append((k, n))
            crops.append((binary, x0, y0))
    if not crops:
        return
    again = read_sheet(crops, scale, "eng", whitelist="0123456789.")
    for i, (k, n) in enumerate(spots):
        old, new = first[k][n], again.get(i, [])
        if len(new) != 1 or (new[0].conf or 0) < OCR_RETRY_CONFIDENCE:
            continue
        text = new[0].text
        if (_DOTTED.match(text) and text.replace(".", "") == old.text.replace(".", "")
                and text.count(".") > old.text.count(".")):
            first[k][n] = Word(text, old.box, min(old.conf or 0, new[0].conf or 0))


_CHECK_LIKE = frozenset({"v", "V", "¥", "J", "/", "\\/", "Vv", "vv", "✔", "√"})


def _restore_check_marks(first: dict[int, list[Word]], crops: list[tuple[np.ndarray, int, int]], scale: float) -> None:
    """Check-mark bullets (``✓ Prosentase kelahiran``) nest sub-indicators; tesseract drops the
    glyph or reads it ``v``. A line whose first word is such a reading, before a capital, gets
    ``✓``; so does a line with one compact blot of ink just left of its first word, where a
    wrapped line has none (its lines hang under the first word, not under the mark)."""
    for k, ws in first.items():
        crop, cx0, cy0 = crops[k]
        lines: list[list[int]] = []
        for n, w in enumerate(ws):
            if lines and abs(ws[lines[-1][0]].box.cy - w.box.cy) < 0.5 * max(w.box.height, 1.0):
                lines[-1].append(n)
            else:
                lines.append([n])
        marks: list[tuple[int, Word]] = []
        for line in lines:
            head = ws[line[0]]
            nxt = ws[line[1]] if len(line) > 1 else None
            if head.text in _CHECK_LIKE and nxt is not None and nxt.text[:1].isupper():
                ws[line[0]] = Word("✓", head.box, head.conf)
                continue
            if not head.text[:1].isalpha() or not head.text[:1].isupper():
                continue  # a number, a dash, an item letter: marked already
            lh = head.box.height * scale
            x1 = int(head.box.x0 * scale) - cx0 - 2
            x0 = max(0, int(x1 - 2.5 * lh))
            y0, y1 = max(0, int(head.box.y0 * scale) - cy0), int(head.box.y1 * scale) - cy0
            region = crop[y0:y1, x0:x1] if x1 > x0 else crop[0:0, 0:0]
            ys, xs = np.nonzero(region < 128)
            if len(xs) < 6:
                continue
            w_px, h_px = xs.max() - xs.min() + 1, ys.max() - ys.min() + 1
            if 0.4 * lh <= h_px <= 1.3 * lh and 0.3 * lh <= w_px <= 1.5 * lh and x1 - (x0 + xs.max()) >= 1:
                box = Box(float(cx0 + x0 + xs.min()) / scale, float(cy0 + y0 + ys.min()) / scale,
                          float(cx0 + x0 + xs.max() + 1) / scale, float(cy0 + y0 + ys.max() + 1) / scale)
                marks.append((line[0], Word("✓", box, head.conf)))
        for n, mark in reversed(marks):
            ws.insert(n, mark)


SHEET_HEIGHT = 30000  # tesseract refuses an image higher than 32767 px ("Image too large")
SHEET_GAP, SHEET_MARGIN = 60, 30  # white between stacked crops, and left of them


def read_sheet(crops: list[tuple[np.ndarray, int, int]], scale: float, lang: str, whitelist: str | None = None,
               psm: int = 6) -> dict[int, list[Word]]:
    """Stack the crops into one image, read it once, and give each crop its words (page coordinates).
    ``psm``: tesseract's page segmentation (6, one block of text; 11, words wherever they stand).

    The crops of a page of tall cells can stack higher than tesseract takes: they are then read
    in as few sheets as fit (a crop higher than a sheet on its own is cut to the sheet's height)."""
    gap = SHEET_GAP
    out: dict[int, list[Word]] = {}
    start, height = 0, gap
    for k, (crop, _, _) in enumerate(crops):
        if k > start and height + crop.shape[0] + gap > SHEET_HEIGHT:
            out.update({start + n: ws for n, ws in _read_one_sheet(crops[start:k], scale, lang, whitelist, psm).items()})
            start, height = k, gap
        height += min(crop.shape[0], SHEET_HEIGHT - 2 * gap) + gap
    out.update({start + n: ws for n, ws in _read_one_sheet(crops[start:], scale, lang, whitelist, psm).items()})
    return out


def _read_one_sheet(crops: list[tuple[np.ndarray, int, int]], scale: float, lang: str, whitelist: str | None,
                    psm: int = 6) -> dict[int, list[Word]]:
    gap, margin = SHEET_GAP, SHEET_MARGIN
    crops = [(c[: SHEET_HEIGHT - 2 * gap], x0, y0) for c, x0, y0 in crops]
    width = max(c.shape[1] for c, _, _ in crops) + 2 * margin
    height = sum(c.shape[0] + gap for c, _, _ in crops) + gap
    sheet = np.full((height, width), 255, dtype=np.uint8)
    bands: list[tuple[int, int, int, int]] = []  # top, bottom, page x0, page y0
    y = gap
    for crop, x0, y0 in crops:
        sheet[y : y + crop.shape[0], margin : margin + crop.shape[1]] = crop
        bands.append((y, y + crop.shape[0], x0, y0))
        y += crop.shape[0] + gap
    out: dict[int, list[Word]] = {}
    for r in run_tsv(sheet, psm=psm, lang=lang, whitelist=whitelist):
        cy = float(r["top"]) + float(r["height"]) / 2
        k = next((k for k, b in enumerate(bands) if b[0] - gap / 2 <= cy <= b[1] + gap / 2), None)
        if k is None:
            continue
        top, _bottom, x0, y0 = bands[k]
        out.setdefault(k, []).append(_word(r, x0 - margin, y0 - top, scale))
    return out
