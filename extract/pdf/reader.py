"""Read a PDF into documents: triage each page, find its tables, render it as text, read the text.

Per page (pypdfium2 does the cheap part for every page):

* a page with a usable text layer and vector ruling lines: pdfplumber's ruling-line finder,
  run on the edges of the page's path objects (:mod:`extract.pdf.vector`, no pdfminer parse),
  gives the grid (``pdf-ruling``), camelot lattice when that grid fails validation
  (``camelot``); words outside ruled tables go to the unruled-table reader (``pdf-words``);
* a scan (one image covering the page): ruling lines are found in the rendered image;
  the cells take their words from the text layer when it is usable, otherwise every cell is
  OCR'd on its own (``ocr``) and so is the text around the tables;
* a page with no text and no image is empty.

The pages are rendered as one text (TAB rows, lines, form feeds between pages) that
:func:`extract.text.reader.read_text_documents` reads like any other rendering; the tables
it reports are then given their real method, page and quality, and every guess (columns
from word positions, low OCR confidence) becomes an issue of the document it belongs to.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field, replace

import numpy as np
import pypdfium2 as pdfium
import regex as re

from core.problems import Location, Problem, Severity
from extract.models import PERIOD_ROLES, Document, Signature, TableMethod
from extract.pdf import gridless, lexicon, raster, signatures, tesseract, unruled
from extract.pdf import scan as scan_mod
from extract.pdf.model import Box, Cell, PageContent, Table
from extract.pdf.ocr import GARBLED_LABEL
from extract.pdf.render import render_page, visual_lines
from extract.pdf.settings import DEFAULT, PdfSettings
from extract.pdf.ruling import camelot_tables, grid_tables
from extract.pdf.tablerows import header_count
from extract.pdf.textlayer import garbage_score, page_transform, page_words
from extract.pdf.vector import EdgePage, page_objects
from extract.text.reader import read_text_documents
from extract.text.rows import is_value_role, measure_of_role
from extract.text.tables import role_of

GARBAGE_LIMIT = DEFAULT.garbage_limit  # the thresholds live in extract.pdf.settings; this name stays for callers


class PdfError(Exception):
    """A PDF that cannot be read at all; the message is the manifest reason."""


@dataclass
class PageReport:
    number: int
    source: str  # text | ocr | empty | error
    seconds: float
    tables: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class PdfReading:
    documents: list[Document]
    text: str
    pages: list[PageReport]
    contents: list[PageContent]


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open a PDF from bytes (the empty password is tried); every failure is a :class:`PdfError`."""
    if not data:
        raise PdfError("empty file (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise PdfError("not a PDF: the file does not start with a %PDF- header")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # A document that parses but holds no page is refused with PDFium's *last* error code, which is
        # global state left by whatever load came before (an encrypted file's 4, a good file's 0): an
        # independent parser counts the pages first, and the code is trusted only when it counts some or
        # cannot parse the file either.
        if _count_pages_pdfminer(data) == 0:
            raise PdfError("PDF has no pages") from None
        code = getattr(exc, "err_code", None)
        if code == 4:
            raise PdfError("encrypted PDF: a password is required (the empty password was tried)") from None
        if code == 6:
            raise PdfError("encrypted PDF: unsupported security handler") from None
        if code == 3:
            raise PdfError("corrupt or truncated PDF: PDFium cannot parse its structure") from None
        raise PdfError(f"unreadable PDF: {exc}") from None
    if len(doc) == 0:
        doc.close()
        raise PdfError("PDF has no pages")
    return doc


def _count_pages_pdfminer(data: bytes) -> int | None:
    """Pages by pdfminer's independent parser (PDFium refuses a document with no pages); None when unreadable."""
    try:
        from pdfminer.pdfdocument import PDFDocument  # noqa: PLC0415
        from pdfminer.pdfpage import PDFPage  # noqa: PLC0415
        from pdfminer.pdfparser import PDFParser  # noqa: PLC0415

        document = PDFDocument(PDFParser(io.BytesIO(data)))
        return sum(1 for _ in PDFPage.create_pages(document))
    except Exception:  # noqa: BLE001 - any failure means: not countable
        return None


def read_pdf(data: bytes, source_file: str, stem: str, *, ocr: bool | None = None, prefer_ocr: bool | None = None,
             settings: PdfSettings | None = None) -> PdfReading:
    """Every document of one PDF (raises :class:`PdfError` when the file cannot be read at all).

    ``settings``: the thresholds (:mod:`extract.pdf.settings`; default: its defaults). ``ocr`` and ``prefer_ocr`` override theirs
    (``prefer_ocr``: True always OCR a scan's own text layer again and replace it, False never, None
    keep the reading with more real words)."""
    settings = settings if settings is not None else DEFAULT
    if ocr is not None:
        settings = replace(settings, ocr=ocr)
    if prefer_ocr is not None:
        settings = settings.with_prefer_ocr(prefer_ocr)
    doc = open_pdf(data)
    contents: list[PageContent] = []
    reports: list[PageReport] = []
    try:
        for index in range(len(doc)):
            started = time.perf_counter()
            try:
                page = doc[index]
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the file
                contents.append(PageContent(index + 1, 0, 0, source="error", notes=[f"page cannot be loaded: {exc}"]))
                reports.append(PageReport(index + 1, "error", 0.0, notes=[str(exc)]))
                continue
            try:
                content = _read_page(page, index, data, settings, carry=_carry(contents[-1]) if contents else None)
            except Exception as exc:  # noqa: BLE001
                content = PageContent(index + 1, 0, 0, source="error", notes=[f"internal error: {type(exc).__name__}: {exc}"])
            contents.append(content)
            reports.append(PageReport(
                index + 1, content.source, round(time.perf_counter() - started, 4),
                tables=[t.method for t in content.tables], notes=list(content.notes),
            ))
    finally:
        doc.close()
    if all(c.source == "error" for c in contents):
        notes = "; ".join(dict.fromkeys(n for c in contents for n in c.notes))[:300]
        if any(n.startswith("page cannot be loaded") for c in contents for n in c.notes):
            raise PdfError(f"corrupt PDF: no page could be read ({notes})")
        raise PdfError(f"internal error: no page could be read ({notes})")
    _repeated_headers(contents)
    _join_rows_cut_by_page_breaks(contents)
    restore_decimal_commas(contents, settings)
    restore_not_applicable(contents, settings)
    text, table_at, starts = _render(contents)
    documents = read_text_documents(text, source_file, stem)
    for d in documents:
        pages = _page_span(d.span, starts)  # (the text reader's span is in lines of the rendering)
        _annotate(d, contents, table_at, pages, source_file, settings.low_confidence)
        _sign(d, contents, pages)
    return PdfReading(documents, text, reports, contents)


def _read_page(
    page: pdfium.PdfPage, index: int, data: bytes, settings: PdfSettings = DEFAULT, *, carry: unruled.Layout | None = None
) -> PageContent:
    tf, width, height, rotation = page_transform(page)
    content = PageContent(index + 1, width, height, rotation=rotation)
    objects = page_objects(page, tf, width, height)
    walls = [] if objects.truncated else [(e["x0"], e["top"], e["bottom"]) for e in objects.edges if e["orientation"] == "v"]
    words = page_words(page, walls=walls)
    garbage = garbage_score(words) if words else 1.0
    usable_text = len(words) >= 3 and garbage < settings.garbage_limit
    if words and not usable_text:
        content.notes.append(f"text layer unusable (garbage score {garbage})")
    # a scan is one image over the page; a digital page may carry a background image under ruled text
    # (a scan's OCR layer may come with a stray rectangle; a ruled digital page has real lines)
    ruled = objects.horizontal + objects.vertical >= settings.ruled_edges
    scan = ((objects.image_cover >= settings.scan_image_cover and not (usable_text and ruled))
            or (not usable_text and objects.image_cover > settings.scan_image_cover_no_text))
    if scan and usable_text and _text_beside_pictures(words, objects.images, settings):
        scan = False  # a slide or a report page with pictures: its own text is read, its pictures are pictures
        content.notes.append(f"pictures over {objects.image_cover:.0%} of the page not read by OCR: "
                             "the page's own text stands beside them")
    pictures = signatures.marks([Box(*b) for b in objects.images], width, height)
    content.pictures = pictures
    if scan:
        image = raster.render_gray(page, settings.scale)
        can_ocr = settings.ocr and tesseract.available()
        if usable_text and not (can_ocr and settings.prefer_ocr != "never" and objects.image_cover >= settings.scan_image_cover):
            _scan_from_text_layer(content, image, words, settings)
        elif usable_text:  # a scan with its own OCR layer: read it again, keep the reading with more real words
            ours = PageContent(content.number, content.width, content.height, rotation=content.rotation)
            _scan_by_ocr(ours, image, settings)
            if settings.prefer_ocr == "always":
                content = ours
                content.notes.append("the scan's own text layer replaced by OCR")
            else:
                theirs = PageContent(content.number, content.width, content.height, rotation=content.rotation)
                _scan_from_text_layer(theirs, image, words, settings)
                ours_share, theirs_share = _known_share(ours), _known_share(theirs)
                keep_ours = ours_share is not None and (theirs_share is None or ours_share >= theirs_share)
                content = ours if keep_ours else theirs
                content.notes.append(
                    f"scan with its own text layer: {'OCR' if keep_ours else 'the text layer'} kept "
                    f"(known words: OCR {ours_share}, text layer {theirs_share})"
                )
        elif can_ocr:
            _scan_by_ocr(content, image, settings)
        else:
            content.source = "empty"
            content.notes.append("scanned page without a usable text layer; OCR " + ("disabled" if not settings.ocr else "not installed (tesseract)"))
        content.pictures, content.scanned = pictures, True
        _unruled(content, carry)
        return content
    if not words:
        content.source = "empty"
        return content
    content.words = words
    content.rules = [Box(e["x0"], e["top"] - 0.5, e["x1"], e["top"] + 0.5) for e in objects.edges if e["orientation"] == "h"]
    content.fills = [Box(*f) for f in objects.fills if f[2] - f[0] < 0.98 * width or f[3] - f[1] < 0.98 * height]
    if objects.truncated:
        content.notes.append("too many path objects to look for ruling lines (a drawing, not a form)")
    elif objects.present:
        tables, rejected = grid_tables(EdgePage(objects.edges, width, height), words)
        if rejected:
            content.notes.extend(f"ruling-line grid rejected: {r}" for r in rejected)
            fallback = camelot_tables(data, index + 1, height, words)
            fresh = [t for t in fallback if not any(_overlap(t, g) for g in tables)]
            if fresh:
                content.notes.append(f"camelot lattice gave {len(fresh)} table(s)")
            tables.extend(fresh)
        content.tables = tables
    _unruled(content, carry)
    return content


def _sign(doc: Document, contents: list[PageContent], pages: tuple[int, int] | None) -> None:
    """Each party's signature, from the pages of the document that print its name: a picture over the
    name on any of them is a signature (IMAGE), else ink over it on a scan (INK) (:mod:`extract.pdf.signatures`);
    a name printed only with nothing over it is unsigned (NONE); a name found nowhere is not judged (None).
    ``pages``: the document's first and last page."""
    if pages is None:
        return
    first, last = pages
    printed = [c for c in contents[first - 1 : last] if c.words]
    for party in doc.parties:
        if party.signature is not None or not party.name:
            continue
        found = []
        for c in printed:
            between = 0
            if (box := signatures.name_box(party.name, c.words)) is None:
                if (box := signatures.nip_box(party.nip, c.words)) is None:
                    continue
                between = 1  # the NIP under the name: a scrawl over the name may have hidden the name from OCR
            here = [signatures.signature_over(box, c.pictures, lines_between=between)]
            if c.scanned and c.ink is not None:
                here.append(signatures.signature_over(box, c.ink, kind=Signature.INK, lines_between=between))
            elif c.scanned:
                here.append(None)  # a scan whose ink was not looked at: no verdict from it
            if between and all(v in (Signature.NONE, None) for v in here):
                here = [None]  # a NIP alone ("NIP : …" in the opening lines too) only ever shows a signature
            found.extend(here)
        for verdict in (Signature.IMAGE, Signature.INK, Signature.NONE):
            if verdict in found and (verdict is not Signature.NONE or None not in found):
                party.signature = verdict
                break


def _text_beside_pictures(words: list, images: list[tuple[float, float, float, float]], settings: PdfSettings) -> bool:
    """Whether a page's text layer is its own text set beside its pictures, not a scan's OCR layer:
    a scan's layer lies on its one page-sized image, while a slide exported to PDF (a title over a
    picture of a table) or a report page with a figure has most of its words outside every picture.
    Such a page is read from its text layer like any digital page; OCR of its pictures (a photograph
    reads as thousands of specks) took a 17-page slide deck past the 300 s limit."""
    if not images or not words:
        return False
    outside = sum(1 for w in words if not any(x0 <= w.box.cx <= x1 and y0 <= w.box.cy <= y1 for x0, y0, x1, y1 in images))
    return outside >= settings.text_beside_pictures * len(words)


#: A period label of the page before's header is taken into the header printed again on the next
#: page where the latter reads as no label, :data:`ocr.GARBLED_LABEL` characters at most (the noise
#: OCR makes of a period label: "qi", "93", "sdg", "Sm. 1"), and where the two headers agree on this
#: many labels at least, wherever both name a column (No, Indikator, Target: the same header), and
#: its row on one period label at least.
REPEATED_AGREEING_LABELS = 2


def _repeated_headers(contents: list[PageContent]) -> None:
    """A table going on over the next page under its header printed again: the period labels that
    read as nothing there (``qi 2 Sm. 1 93 sdg Qs x`` for ``Q1 Q2 Smt. 1 Q3 s.d.Q3 Q4 Y``, a blurred
    150-dpi scan) are the page before's. Only where the two headers span their cells alike, name no
    column differently (a label read under its parent: "2023" under Target is a year's target, not
    TW I), agree on :data:`REPEATED_AGREEING_LABELS` labels, and the row taken into agrees on a period
    label already (the row of periods, partly read: a table of other columns keeps its own labels)."""
    for prev, nxt in zip(contents, contents[1:], strict=False):
        if not prev.tables or not nxt.tables:
            continue
        last = max(prev.tables, key=lambda t: t.box.y1)
        first = min(nxt.tables, key=lambda t: t.box.y0)
        n = header_count(last.rows)
        if not n or last.width != first.width or len(first.rows) <= n:
            continue
        before, after = last.rows[:n], first.rows[:n]
        if any(len(ra) != len(rb) or any((a is None) != (b is None) for a, b in zip(ra, rb, strict=True))
               for ra, rb in zip(before, after, strict=True)):
            continue  # spanned otherwise: another header
        roles_before, roles_after = _cell_roles(before), _cell_roles(after)
        both = [(x, y) for rx, ry in zip(roles_before, roles_after, strict=True) for x, y in zip(rx, ry, strict=True)]
        if any(x and y and x != y for x, y in both) or sum(1 for x, y in both if x and x == y) < REPEATED_AGREEING_LABELS:
            continue
        for ra, rb, rx, ry in zip(before, after, roles_before, roles_after, strict=True):
            if not any(x == y and x in PERIOD_ROLES for x, y in zip(rx, ry, strict=True)):
                continue
            for a, b, x, y in zip(ra, rb, rx, ry, strict=True):
                if a is not None and b is not None and x in PERIOD_ROLES and y is None and len(b.text.strip()) <= GARBLED_LABEL:
                    b.text, b.conf = a.text, None  # (the page before's words: no confidence of this page's)
                    b.lines = [(b.box.cy, a.text)]


#: A decimal written with a comma (``34,94``, ``1.250,5``, ``34,9 4%``'s ``34,9``), and one written with a
#: dot before one or two digits (``34.94``: a dot before three is a thousands separator, ``1.250``).
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d+(?:\.\d{3})*,\d{1,2}(?![\d.,])")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")


def restore_decimal_commas(contents: list[PageContent], settings: PdfSettings = DEFAULT) -> None:
    """A scanned file that prints its decimals with a comma has its dots read for commas put back.

    tesseract reads a decimal comma whose tail is faint, blurred or lost in a ruling as a dot
    (``24,66%`` read ``24.66%``, ``3,5 (skala 4)`` ``3.5 (skala 4)``). Where the value cells of a
    file's OCR tables (body cells under a header naming a period, a year's target or a measure) read
    at least ``settings.comma_decimals_min`` decimals with a comma and ``comma_decimals_ratio`` times as
    many as with a dot, those with a dot before one or two digits are commas; a file that writes its
    decimals with dots keeps them, and so does every cell outside a value column (a code ``1.2``)."""
    cells = _ocr_value_cells(contents)
    commas = sum(1 for cell in cells if _COMMA_DECIMAL.search(cell.text))
    dotted = [cell for cell in cells if _DOT_DECIMAL.search(cell.text)]
    if not dotted or commas < settings.comma_decimals_min or commas < settings.comma_decimals_ratio * len(dotted):
        return
    for cell in dotted:
        cell.text = _DOT_DECIMAL.sub(_comma, cell.text)
        cell.lines = [(y, _DOT_DECIMAL.sub(_comma, t)) for y, t in cell.lines]


#: "not applicable" as OCR reads it in a value cell: N/A, its slash read as a letter or a stroke (NIA, NYA, Nya,
#: N1A, N|A), or lost (NA)
_NOT_APPLICABLE = re.compile(r"^N\s*([/IYl1|!]?)\s*A$", re.IGNORECASE)


def restore_not_applicable(contents: list[PageContent], settings: PdfSettings = DEFAULT) -> None:
    """A scanned file's "N/A" whose slash OCR read as a letter or a stroke, or lost, is put back.

    In narrow type at 150 dpi the slash of ``N/A`` reads ``I``, ``Y``, ``1`` or nothing (``NIA``,
    ``NYA``, ``NA``). No document prints ``NIA`` or ``NYA`` for a value, so those are always
    ``N/A``; a document may print ``NA`` itself, so a bare ``NA`` is taken for ``N/A`` only where
    the file's value cells (:func:`value_cells`) read a slash, or a letter in its place, in at
    least ``settings.not_applicable_slashed_share`` of their not-applicable cells."""
    cells = [(cell, m) for cell in _ocr_value_cells(contents) if (m := _NOT_APPLICABLE.match(cell.text.strip()))]
    if not cells:
        return
    slashed = sum(1 for _, m in cells if m[1])
    bare_too = slashed >= settings.not_applicable_slashed_share * len(cells)
    for cell, m in cells:
        if (m[1] and m[1] != "/") or (not m[1] and bare_too):
            cell.text = "N/A"
            cell.lines = [(y, "N/A") for y, _ in cell.lines[:1]]


def _comma(m: re.Match) -> str:
    return m[0].replace(".", ",")


def _ocr_value_cells(contents: list[PageContent]) -> list[Cell]:
    """The value cells (:func:`value_cells`) of a file's OCR tables: a text layer's cells are what was printed."""
    return [cell for c in contents if c.source == "ocr" for t in c.tables for cell in value_cells(t)]


def value_cells(table: Table) -> list[Cell]:
    """The body cells of a table under a header cell naming a period, a year's target or a measure."""
    n = header_count(table.rows)
    if not n:
        return []
    column: dict[int, str] = {}
    for roles in _cell_roles(table.rows[:n]):
        column.update({k: r for k, r in enumerate(roles) if r})
    values = {k for k, r in column.items()
              if is_value_role(r) or ((m := measure_of_role(r)) is not None and m[0] in ("realisasi", "capaian"))}
    return [cell for row in table.rows[n:] for k, cell in enumerate(row) if cell is not None and k in values]


def _cell_roles(rows: list[list]) -> list[list[str | None]]:
    """The column each header cell names, a lower row's label read under the label over it
    (``2023`` under ``Target``: the year's target)."""
    out: list[list[str | None]] = []
    for k, row in enumerate(rows):
        parent, roles = "", []
        for c, cell in enumerate(row):
            above = rows[0][c] if c < len(rows[0]) else None
            parent = above.text if above is not None and above.text.strip() else parent
            text = cell.text if cell is not None else ""
            roles.append((role_of(text, parent) if k and parent else role_of(text)) if text.strip() else None)
        out.append(roles)
    return out


def _join_rows_cut_by_page_breaks(contents: list[PageContent]) -> None:
    """A row cut by a page break (no ruling under it at the foot of the page) goes on in the first
    body row of the next page's first table: join that fragment back onto the row."""
    moved: dict[int, list] = {}  # id(table) -> the row (on an earlier page) its last row was joined to
    for prev, nxt in zip(contents, contents[1:], strict=False):
        if not prev.tables or not nxt.tables:
            continue
        last = max(prev.tables, key=lambda t: t.box.y1)
        first = min(nxt.tables, key=lambda t: t.box.y0)
        if not last.open_bottom or last.width != first.width or not last.rows:
            continue
        n_head = header_count(first.rows)
        if n_head >= len(first.rows):
            continue
        fragment = first.rows[n_head]
        row = moved.get(id(last), last.rows[-1])
        if n_head + 1 == len(first.rows):  # the fragment was the whole body: its continuation joins the same row
            moved[id(first)] = row
        for c, piece in enumerate(fragment):
            if piece is None or not piece.text.strip():
                continue
            target = row[c] if c < len(row) else None
            if target is None:  # the slot is covered by a spanning cell: find its owner to the left
                target = next((row[k] for k in range(c - 1, -1, -1) if row[k] is not None), None)
            if target is None:
                continue
            base = target.lines[-1][0] if target.lines else target.box.y1
            target.lines = target.lines + [(base + 10 * (k + 1), t) for k, (_, t) in enumerate(piece.lines)]
            target.text = " ".join(t for _, t in target.lines)
        del first.rows[n_head]
        first.notes.append("first row joined to the row cut by the page break on the page before")


def _scan_from_text_layer(content: PageContent, image: np.ndarray, words: list, settings: PdfSettings = DEFAULT) -> None:
    """A scan's cells, found along the ruling lines of the image, filled from its text layer."""
    content.source = "text"
    content.words = words
    grids = raster.find_grids(image, scale=settings.scale)
    for grid in grids:
        raster.fill_from_words(grid, words)
        grid.method = TableMethod.PDF_RULING_IMAGE
    content.tables = [g for g in grids if raster.validate_grid(g)]
    content.ink = signatures.ink_marks(image, settings.scale, words, [t.box for t in content.tables])


def _scan_by_ocr(content: PageContent, image: np.ndarray, settings: PdfSettings = DEFAULT) -> None:
    """A scan read by OCR: the passes of :mod:`extract.pdf.scan` in their order (cleaned, deskewed,
    cells read along the ruling lines, the text around them read from the page with the tables
    blanked out, amounts read twice), read again turned upright when it lies turned."""
    scan_mod.read_scan(content, image, settings)


def _known_share(content: PageContent) -> float | None:
    """Share of the page's words (loose and in its tables) that are real words (:mod:`lexicon`)."""
    return lexicon.known_share(scan_mod.page_texts(content))


def _overlap(a: Table, b: Table) -> bool:
    return min(a.box.x1, b.box.x1) > max(a.box.x0, b.box.x0) and min(a.box.y1, b.box.y1) > max(a.box.y0, b.box.y0)


def _unruled(content: PageContent, carry: unruled.Layout | None = None) -> None:
    """Tables without a ruled grid among the words no ruled table holds: first those whose header
    :mod:`gridless` understands (columns from their labels, rows from rules, bands or values),
    with the rest of each set under it in other columns; then, by the older whitespace reader,
    what is left (lines going on from a table on the page before, tables without such a header)."""
    loose = [w for w in content.words if not any(t.box.contains_point(w.box.cx, w.box.cy, 1.0) for t in content.tables)]
    grid_carry = carry if isinstance(carry, gridless.GridLayout) else None
    found = gridless.find_tables(loose, content.rules, content.fills, carry=grid_carry)
    if grid_carry is not None and found and found[0].notes[0].startswith("the table of the page before"):
        carry = None  # the page's top went on with it: nothing left for the whitespace reader to carry
    loose = [w for w in loose if not any(t.box.contains_point(w.box.cx, w.box.cy, 1.0) for t in found)]
    for table in list(found):  # a table that goes on under itself in other columns, without a header
        lines = visual_lines(loose)
        k = next((n for n, ln in enumerate(lines) if ln.y0 > table.box.y1), len(lines))
        last = table
        while (below := unruled.continue_below(lines, k, last))[0] is not None:
            last, k = below
            found.append(last)
        loose = [w for w in loose if not any(t.box.contains_point(w.box.cx, w.box.cy, 1.0) for t in found)]
    content.tables.extend(found)
    for table in unruled.find_tables(loose, content.width, carry=carry):
        content.tables.append(table)


def _carry(content: PageContent) -> unruled.Layout | None:
    """The columns of an unruled table that runs to the foot of the page (it may go on over the
    next page without its header); None when the page ends otherwise."""
    if not content.tables or not content.words:
        return None
    last = max(content.tables, key=lambda t: t.box.y1)
    below = [w for w in content.words if last.box.y1 + 1 < w.box.cy < 0.92 * content.height]  # a footer may follow
    if last.method is not TableMethod.PDF_WORDS or last.layout is None or below:
        return None
    return last.layout


def _render(contents: list[PageContent]) -> tuple[str, dict[int, tuple[int, int]], list[int]]:
    """All pages as one text; for each table's first line number its (page, table index); each page's first line."""
    pages: list[str] = []
    table_at: dict[int, tuple[int, int]] = {}
    starts: list[int] = []
    offset = 1
    for content in contents:
        starts.append(offset)
        rendered = render_page(content)
        lines = rendered.lines or [""]
        for t_index, line0 in rendered.table_lines.items():
            table_at[offset + line0] = (content.number, t_index)
        pages.append("\n".join(lines))
        offset += len(lines)
    return "\f".join(pages) + "\f", table_at, starts


def _annotate(
    doc: Document, contents: list[PageContent], table_at: dict[int, tuple[int, int]], pages: tuple[int, int] | None,
    file: str, low_confidence: float = DEFAULT.low_confidence,
) -> None:
    """Give the document's tables their PDF method, page and quality; report every guess; its span
    becomes ``pages`` (its first and last page)."""
    pages_of_doc: set[int] = set()
    for raw in doc.tables:
        where = table_at.get(raw.location.line or -1)
        if where is None:
            continue
        page_no, t_index = where
        table = contents[page_no - 1].tables[t_index]
        raw.method = table.method
        raw.page = page_no
        raw.quality = round(min(raw.quality, table.quality), 3)
        if table.method is TableMethod.PDF_WORDS:
            doc.issues.append(Problem(
                check="table_guessed", severity=Severity.WARNING,
                message=f"table columns reconstructed from word positions ({'; '.join(table.notes) or 'no ruling lines'})",
                location=Location(file=file, page=page_no, line=raw.location.line, table=raw.index),
            ))
    first, last = pages if pages is not None else (None, None)
    if first is not None and last is not None:
        pages_of_doc = set(range(first, last + 1))
        doc.pages = last - first + 1
    for content in contents:
        if content.number not in pages_of_doc:
            continue
        if content.source == "ocr":
            doc.issues.append(Problem(
                check="ocr_page", severity=Severity.INFO, component="extract",
                message=next((f"{n}: its text was read by OCR (tesseract ind+eng)" for n in content.notes if "own text layer" in n),
                             "page has no usable text layer; its text was read by OCR (tesseract ind+eng)"),
                location=Location(file=file, page=content.number),
            ))
            for t_index, table in enumerate(content.tables):
                for r_i, row in enumerate(table.rows):
                    for c_i, cell in enumerate(row):
                        if cell is not None and cell.conf is not None and cell.conf < low_confidence and cell.text.strip():
                            doc.issues.append(Problem(
                                check="ocr_low_confidence", severity=Severity.WARNING,
                                message=f"OCR read '{cell.text}' with confidence {cell.conf:.0f}",
                                location=Location(file=file, page=content.number, table=t_index, row=r_i + 1,
                                                  column=str(c_i + 1), cell=cell.text),
                            ))
            for word, second, conf in content.uncertain_digits:
                t_index, r_i, c_i, cell_text = _cell_at(content.tables, word.box.cx, word.box.cy)
                doc.issues.append(Problem(
                    check="ocr_digits_uncertain", severity=Severity.WARNING,
                    message=(f"OCR read '{word.text}' (confidence {word.conf or 0:.0f}); read again on its own it is "
                             f"'{second}' (confidence {conf:.0f}): check its digits against the page"),
                    location=Location(file=file, page=content.number, table=t_index,
                                      row=None if r_i is None else r_i + 1,
                                      column=None if c_i is None else str(c_i + 1), cell=cell_text or word.text),
                ))
            for text, conf, _box in content.low_confidence:
                if any(ch.isdigit() for ch in text):
                    doc.issues.append(Problem(
                        check="ocr_low_confidence", severity=Severity.WARNING,
                        message=f"OCR read '{text}' with confidence {conf:.0f}",
                        location=Location(file=file, page=content.number, cell=text),
                    ))
        if content.source == "empty":
            doc.issues.append(Problem(
                check="page_unread", severity=Severity.WARNING,
                message="; ".join(content.notes) or "page has no text", location=Location(file=file, page=content.number),
            ))
        elif content.source == "error":
            doc.issues.append(Problem(
                check="page_unread", severity=Severity.ERROR,
                message="; ".join(content.notes), location=Location(file=file, page=content.number),
            ))
    doc.span = (first, last) if first is not None and last is not None else doc.span
    doc.settle_status()


def _cell_at(tables: list[Table], x: float, y: float) -> tuple[int | None, int | None, int | None, str | None]:
    """(table, row, column) indexes and text of the cell holding the point, or Nones outside every table."""
    for t_index, table in enumerate(tables):
        for r_i, row in enumerate(table.rows):
            for c_i, cell in enumerate(row):
                if cell is not None and cell.box.contains_point(x, y, 1.0):
                    return t_index, r_i, c_i, cell.text
    return None, None, None, None


def _page_span(span: tuple[int, int] | None, starts: list[int]) -> tuple[int, int] | None:
    """The first and last page of a span of lines of the rendering (``starts``: each page's first line)."""
    if span is None:
        return None
    first, last = _page_of_line(span[0], starts), _page_of_line(span[1], starts)
    return (first, last) if first is not None and last is not None else None


def _page_of_line(line: int, starts: list[int]) -> int | None:
    page = None
    for number, start in enumerate(starts, start=1):
        if start <= line:
            page = number
    return page
