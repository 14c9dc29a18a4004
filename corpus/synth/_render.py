"""Typeset document flows with reportlab in a file's :class:`Style` (reproducible bytes).

Fonts: a family of the style resolves to the first font file found (reportlab's own Vera,
Debian's fonts-liberation and fonts-dejavu), else to a PDF standard font, so a machine without
the Debian fonts still renders every file (with a different face).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from corpus.synth._spec import DocSpec, Gap, KeyValues, PageBreak, Para, Signatures, TableSpec, Title
from corpus.synth._style import PADDINGS, SPACINGS, Style

_DEBIAN = Path("/usr/share/fonts/truetype")
FONT_FILES: dict[str, tuple[tuple[str, str], ...]] = {  # family -> (regular, bold) candidates, first found wins
    "sans": (("reportlab:Vera.ttf", "reportlab:VeraBd.ttf"),),
    "serif": (("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
              ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf")),
    "narrow": (("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
               ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf")),
    "wide_sans": (("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),),
}
STANDARD = {"sans": ("Helvetica", "Helvetica-Bold"), "serif": ("Times-Roman", "Times-Bold"),
            "narrow": ("Helvetica", "Helvetica-Bold"), "wide_sans": ("Helvetica", "Helvetica-Bold")}
MARGIN = 48.0


def _font_path(spec: str) -> Path:
    if spec.startswith("reportlab:"):
        import reportlab  # noqa: PLC0415

        return Path(reportlab.__file__).parent / "fonts" / spec.split(":", 1)[1]
    return _DEBIAN / spec


@cache
def fonts(family: str) -> tuple[str, str]:
    """(regular, bold) font names registered with reportlab for a style family."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for regular, bold in FONT_FILES[family]:
        rp, bp = _font_path(regular), _font_path(bold)
        if rp.exists() and bp.exists():
            names = (f"synth-{rp.stem}", f"synth-{bp.stem}")
            for name, path in zip(names, (rp, bp), strict=True):
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, str(path)))
            return names
    return STANDARD[family]


@dataclass
class _Ctx:
    style: Style
    regular: str
    bold: str
    size: float
    leading: float
    pad_v: float
    pad_h: float


def _ctx(style: Style) -> _Ctx:
    regular, bold = fonts(style.font)
    pad_v, lead = SPACINGS[style.spacing]
    return _Ctx(style, regular, bold, style.size, style.size * lead, pad_v, PADDINGS[style.padding])


def _pstyle(ctx: _Ctx, bold: bool = False, align: str = "left", size: float | None = None):
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415

    s = size or ctx.size
    return ParagraphStyle(
        f"s{bold}{align}{s}", fontName=ctx.bold if bold else ctx.regular, fontSize=s, leading=s * ctx.leading / ctx.size,
        alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}[align],
    )


def _para(text: str, style) -> object:
    from reportlab.platypus import Paragraph  # noqa: PLC0415

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


FLEX_MIN = {"sasaran": 80.0, "indicator": 120.0, "text": 60.0}  # pt: a text column never gets narrower
FLEX_WEIGHT = {"sasaran": 1.0, "indicator": 1.5, "text": 0.9}


def _column_needs(t: TableSpec, ctx: _Ctx, size: float) -> list[tuple[float, float]]:
    """Per column (least width, wanted width): nothing narrower than its longest word (a word is
    never broken), values and codes wanting their whole text (up to 70 pt), text columns a floor."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    pad = 2 * ctx.pad_h + 2
    body = [r for k, r in enumerate(t.rows) if k >= t.header_rows and k not in t.bands]
    out = []
    for c, role in enumerate(t.roles):
        texts = [r[c] for r in body if c < len(r) and r[c]] or ["-"]
        words = [w for x in texts for w in x.split()] or ["-"]
        head_words = [w for r in t.rows[: t.header_rows] for w in r[c].split()] or ["-"]
        word = max(max(stringWidth(w, ctx.regular, size) for w in words), max(stringWidth(w, ctx.bold, size) for w in head_words))
        full = max(stringWidth(x, ctx.regular, size) for x in texts)
        if role in FLEX_MIN:
            out.append((max(word + pad, FLEX_MIN[role]), max(word + pad, FLEX_MIN[role])))
        elif _overflows(t, ctx.style, c):
            head_word = max(stringWidth(w, ctx.bold, size) for w in head_words)
            least = max(full * 0.8, head_word) + 2 * ctx.pad_h  # narrower than its values: they cross the line
            out.append((least, least))
        elif role == "label":
            out.append((word + pad, word + pad))
        else:  # no, code, rp, value, amount
            out.append((word + pad, max(word, min(full, 70.0)) + pad))
    return out


def table_size(t: TableSpec, ctx: _Ctx, avail: float) -> float:
    """The type size a table is set in: the style's, or smaller until its least widths fit
    (a wide table gets smaller type rather than words broken inside, as people typeset it)."""
    size = ctx.size - (0.5 if t.kind == "data" else 0)
    while size > 5.5 and sum(a for a, _ in _column_needs(t, ctx, size)) > avail:
        size -= 0.5
    return size


def _widths(t: TableSpec, ctx: _Ctx, avail: float, size: float) -> list[float]:
    """Fixed columns (numbers, codes, values, amounts) get what they want while the text columns
    keep their floor, else shrink toward their least width; the text columns share the rest."""
    needs = _column_needs(t, ctx, size)
    flex = [c for c, role in enumerate(t.roles) if role in FLEX_MIN]
    fixed = [c for c in range(len(t.roles)) if c not in flex]
    flex_floor = sum(needs[c][0] for c in flex)
    want = sum(needs[c][1] for c in fixed)
    least = sum(needs[c][0] for c in fixed)
    room = avail - flex_floor
    if want <= room:
        width = {c: needs[c][1] for c in fixed}
    else:  # between least and wanted, in proportion
        k = max(0.0, min(1.0, (room - least) / (want - least))) if want > least else 0.0
        width = {c: needs[c][0] + k * (needs[c][1] - needs[c][0]) for c in fixed}
    spare = avail - sum(width.values()) - flex_floor
    total_w = sum(FLEX_WEIGHT[t.roles[c]] for c in flex) or 1.0
    for c in flex:
        width[c] = needs[c][0] + max(spare, 0.0) * FLEX_WEIGHT[t.roles[c]] / total_w
    if not flex and spare > 0:  # no text column: the fixed ones share the rest
        for c in fixed:
            width[c] += spare / len(fixed)
    return [width[c] for c in range(len(t.roles))]


def _overflows(t: TableSpec, style: Style, c: int) -> bool:
    """Only a data table's last column, when it holds values, overflows: its values start at the
    left padding and cross the table's right-hand line (neighbouring values never overprint)."""
    return style.overflow and t.kind == "data" and c == len(t.roles) - 1 and t.roles[c] == "value"


def _table(t: TableSpec, ctx: _Ctx, avail: float, split_in_row: bool = False):
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415

    st = ctx.style
    size = table_size(t, ctx, avail)
    widths = _widths(t, ctx, avail, size)
    body_left = _pstyle(ctx, size=size)
    body_center = _pstyle(ctx, size=size, align="center")
    head = _pstyle(ctx, bold=True, align="center", size=size)
    data = []
    for r, row in enumerate(t.rows):
        cells = []
        for c, text in enumerate(row):
            role = t.roles[c]
            if r < t.header_rows:
                cells.append(_para(text, head))
            elif r in t.bands:
                cells.append(_para(text, _pstyle(ctx, bold=True, size=size)) if c == 0 else "")
            elif _overflows(t, st, c):
                cells.append(text)  # a plain string never wraps: it crosses the table's right-hand line
            elif role in ("value", "no", "label") and t.kind != "budget_lines":
                cells.append(_para(text, body_center))
            elif role == "amount":
                cells.append(_para(text, _pstyle(ctx, size=size, align="right")))
            else:
                cells.append(_para(text, body_left))
        data.append(cells)
    if t.kind == "budget_lines":
        data[0] = [_para(x, _pstyle(ctx, bold=True, size=size)) for x in t.rows[0]]
    repeat = t.header_rows if st.repeat_header and t.kind == "data" else 0
    table = Table(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT", splitInRow=1 if split_in_row else 0)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), ctx.regular, size),
        ("VALIGN", (0, 0), (-1, -1), st.valign),
        ("LEFTPADDING", (0, 0), (-1, -1), ctx.pad_h), ("RIGHTPADDING", (0, 0), (-1, -1), ctx.pad_h),
        ("TOPPADDING", (0, 0), (-1, -1), ctx.pad_v), ("BOTTOMPADDING", (0, 0), (-1, -1), ctx.pad_v),
    ]
    if _overflows(t, st, len(t.roles) - 1):
        cmds.append(("ALIGN", (-1, t.header_rows), (-1, -1), "LEFT"))
    cmds += [("SPAN", a, b) for a, b in t.spans]
    cmds += [("SPAN", (0, r), (-1, r)) for r in t.bands]
    n = len(t.rows)
    h = t.header_rows - 1
    ruling = st.ruling if t.kind in ("data", "parties", "budget") else "none"
    black = colors.black
    if ruling == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, black))
    elif ruling == "rows":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.5, black)] + [("LINEBELOW", (0, r), (-1, r), 0.5, black) for r in range(n)]
    elif ruling == "header":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.8, black), ("LINEBELOW", (0, h), (-1, h), 0.8, black)]
    elif ruling == "bands":
        cmds.append(("ROWBACKGROUNDS", (0, t.header_rows), (-1, -1), [colors.Color(0.88, 0.88, 0.88), colors.white]))
        cmds.append(("BACKGROUND", (0, 0), (-1, h), colors.Color(0.75, 0.75, 0.75)))
    elif ruling == "shaded_header":
        cmds += [("GRID", (0, 0), (-1, -1), 0.5, black), ("BACKGROUND", (0, 0), (-1, h), colors.Color(0.8, 0.8, 0.8))]
    elif ruling == "double":
        cmds += [("GRID", (0, 0), (-1, -1), 0.5, black), ("BOX", (0, 0), (-1, -1), 0.6, black, None, None, None, 2, 1.5),
                 ("LINEBELOW", (0, h), (-1, h), 0.6, black, None, None, None, 2, 1.5)]
    table.setStyle(TableStyle(cmds))
    return table


def _signatures(s: Signatures, ctx: _Ctx, avail: float) -> list:
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle  # noqa: PLC0415

    center = _pstyle(ctx, align="center")
    bold = _pstyle(ctx, bold=True, align="center")

    def block(signer, with_date: bool) -> list:
        out = [_para(s.place_date, center)] if with_date and s.place_date else []
        out += [_para(x, center) for x in signer.above]
        out.append(Spacer(1, ctx.size * 3.5))
        out.append(_para(signer.name, bold))
        out += [_para(x, center) for x in signer.below]
        return out

    if ctx.style.signature == "side" and len(s.signers) > 1:
        cols = [block(sig, k == len(s.signers) - 1) for k, sig in enumerate(s.signers)]
        if s.place_date:  # the left block gets a blank line where the right one has its place and date
            cols[0] = [_para(" ", center)] + cols[0]
        t = Table([cols], colWidths=[avail / len(cols)] * len(cols), hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [Spacer(1, ctx.size), KeepTogether([t])]
    out: list = [Spacer(1, ctx.size)]
    width = min(avail, 260.0)
    for k, sig in enumerate(s.signers):
        t = Table([[block(sig, k == 0)]], colWidths=[width], hAlign="RIGHT" if k % 2 == 0 else "LEFT")
        out += [KeepTogether([t]), Spacer(1, ctx.size)]
    return out


def _keyvalues(kv: KeyValues, ctx: _Ctx, avail: float):
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    lw = max(stringWidth(k, ctx.regular, ctx.size) for k, _ in kv.pairs) + 8
    left = _pstyle(ctx)
    t = Table([[_para(k, left), ":", _para(v, left)] for k, v in kv.pairs], colWidths=[lw, 10, avail - lw - 10], hAlign="LEFT")
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ctx.regular, ctx.size), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


class _PageMark:
    """A zero-size flowable that notes the page its document starts on."""

    def __new__(cls, pages: list[int]):
        from reportlab.platypus.flowables import Flowable  # noqa: PLC0415

        class Mark(Flowable):
            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return (0, 0)

            def draw(self) -> None:
                pages.append(self.canv.getPageNumber())

        return Mark()


def typeset(docs: list[DocSpec], style: Style, title: str) -> tuple[bytes, list[int], int, bool]:
    """The file's PDF bytes, the first page of each document (1-based), the page count, and
    whether rows had to be cut by page breaks (a merged cell taller than a page cannot move whole
    to the next page; such a file is typeset again with rows allowed to split, as word processors do)."""
    from reportlab.platypus.doctemplate import LayoutError  # noqa: PLC0415

    try:
        return (*_typeset(docs, style, title, split_in_row=False), False)
    except (LayoutError, TypeError):  # reportlab raises a TypeError while describing some LayoutErrors
        return (*_typeset(docs, style, title, split_in_row=True), True)


def _typeset(docs: list[DocSpec], style: Style, title: str, split_in_row: bool) -> tuple[bytes, list[int], int]:
    from reportlab import rl_config  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Spacer  # noqa: PLC0415
    from reportlab.platypus import PageBreak as RLPageBreak  # noqa: PLC0415

    rl_config.invariant = 1
    ctx = _ctx(style)
    buf = io.BytesIO()
    pw, ph = A4
    lw, lh = landscape(A4)
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                          title=title, author="corpus.synth")
    templates = [
        PageTemplate("portrait", frames=[Frame(MARGIN, MARGIN, pw - 2 * MARGIN, ph - 2 * MARGIN, id="p")], pagesize=A4),
        PageTemplate("landscape", frames=[Frame(MARGIN, MARGIN, lw - 2 * MARGIN, lh - 2 * MARGIN, id="l")], pagesize=(lw, lh)),
    ]

    def is_wide(spec: DocSpec) -> bool:
        return style.orientation == "landscape" or (style.orientation == "mixed" and spec.wide)

    if docs and is_wide(docs[0]):
        templates.reverse()  # the first page is drawn on the first template
    doc.addPageTemplates(templates)
    starts: list[int] = []
    story: list = []
    for n, spec in enumerate(docs):
        wide = is_wide(spec)
        template = "landscape" if wide else "portrait"
        avail = (lw if wide else pw) - 2 * MARGIN
        if n:
            story += [NextPageTemplate(template), RLPageBreak()]
        story.append(_PageMark(starts))
        for item in spec.flow:
            if isinstance(item, Title):
                story += [_para(line, _pstyle(ctx, bold=True, align="center", size=ctx.size + 1.5)) for line in item.lines]
                story.append(Spacer(1, ctx.size))
            elif isinstance(item, Para):
                story.append(_para(item.text, _pstyle(ctx, bold=item.bold, align=item.align)))
                story.append(Spacer(1, ctx.size * 0.4))
            elif isinstance(item, KeyValues):
                story.append(_keyvalues(item, ctx, avail))
            elif isinstance(item, TableSpec):
                story.append(_table(item, ctx, avail, split_in_row))
            elif isinstance(item, Signatures):
                story += _signatures(item, ctx, avail)
            elif isinstance(item, Gap):
                story.append(Spacer(1, ctx.size * item.lines))
            elif isinstance(item, PageBreak):
                story += [NextPageTemplate(template), RLPageBreak()]
    doc.build(story)
    return buf.getvalue(), starts, doc.page
