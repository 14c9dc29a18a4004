"""Build PDFs of the seed dossiers in several layouts: ``python -m corpus.build [--out DIR]``.

(A package, not ``corpus/build.py``: the pipeline walks ``corpus/`` and skips only names that
start with ``_`` or ``.``, so the code lives in ``__init__.py``/``__main__.py``.)

The seed renderings (``corpus/seeds/000_*.txt``, ``001_*.txt``, ``003_*.txt``) are parsed
with the text reader's own pieces (lines, document boundaries, TAB tables, the layout-table
reader for the pdftotext-like seed 001) and typeset with reportlab, one document per page
run, in these layouts:

``ruled``      A4 portrait, tables with ruling lines
``unruled``    A4 portrait, the same tables without any line (whitespace only)
``landscape``  mixed orientation: agreements portrait, target/plan tables on landscape pages
``multipage``  tables in large type, so they run across pages with their header repeated
``scan``       the ``ruled`` pages as images only (no text layer), slightly skewed, as a scanner makes them

The output is ``<out>/<seed stem>.<layout>.pdf``; it is generated, never edited by hand, and
the same documents must come out of every layout (tests/test_corpus_build.py compares each
with the hand-written golden of the seed). Output is reproducible (reportlab invariant mode).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `python corpus/build.py` as well as `python -m corpus.build`
    sys.path.insert(0, str(ROOT))

from corpus.imagepdf import image_pdf  # noqa: E402
from extract.text.layout import find_layout_table, read_layout_table  # noqa: E402
from extract.text.segment import Line, read_lines, split_documents, table_blocks  # noqa: E402
from extract.text.tables import is_header_row, is_subheader_row  # noqa: E402
from normalize.text import clean_text  # noqa: E402

SEEDS = ("000_fce74ff394373077", "001_34f370b0fcbb94ab", "003_8279123244737d0f")
LAYOUTS = ("ruled", "unruled", "landscape", "multipage", "scan")
OUT = ROOT / "corpus" / "built"
WIDE_TYPES = ("RINCIAN TARGET", "INISIATIF STRATEGIS", "RENCANA AKSI", "LAMPIRAN SASARAN")
ROLE_LABELS = {
    "no": "No", "sasaran": "Sasaran", "code": "Kode", "indicator": "Indikator Kinerja", "perspektif": "Perspektif",
    "Q1": "Q1", "Q2": "Q2", "Smt1": "Smt 1", "Q3": "Q3", "sdQ3": "s.d. Q3", "Q4": "Q4", "Y": "Target",
}


@dataclass
class Block:
    kind: str  # text | blank | table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header: int = 0  # header rows of a table


@dataclass
class SeedDoc:
    title: str
    blocks: list[Block]

    @property
    def wide(self) -> bool:
        return any(self.title.startswith(t) for t in WIDE_TYPES)


def _cell(raw: str) -> str:
    """A cell as printed: HTML paragraphs become line breaks, everything else plain text."""
    return clean_text(raw.replace("**", ""), keep_breaks=True)


def _header_rows(rows: list[list[str]]) -> int:
    if not rows or not is_header_row(rows[0]):
        return 0
    n = 1
    while n < len(rows) and is_subheader_row(rows[n]):
        n += 1
    return n


def _layout_tables(lines: list[Line]) -> list[tuple[int, int, Block]]:
    """The pdftotext-like tables of a document (seed 001), as (first line, last line, table)."""
    out: list[tuple[int, int, Block]] = []
    start = 0
    while (found := find_layout_table(lines, start)) is not None:
        index, table = found
        table = read_layout_table(lines, index, table)
        roles = ["no"]
        if any(r.values.get("sasaran") for r in table.rows):
            roles.append("sasaran")
        roles += ["code", "indicator", *table.periods]
        if table.has_perspektif:
            roles.append("perspektif")
        header = [ROLE_LABELS.get(r, r) for r in roles]
        if len(table.periods) > 1:
            header = [("Target " if r == "Y" else "") + ROLE_LABELS.get(r, r) if r != "Y" else "Y" for r in roles]
        if "sasaran" in roles and any("RENCANA HASIL KERJA" in ln.text for ln in lines[index : index + 3]):
            header = [{"sasaran": "Rencana Hasil Kerja", "indicator": "Indikator Kinerja Individu"}.get(r, h) for r, h in zip(roles, header, strict=True)]
        if lines[index].text.isupper():  # keep the header's case (SKP headers are upper case)
            header = [h.upper() for h in header]
        rows = [header] + [[r.values.get(role, "") for role in roles] for r in table.rows]
        end = table.end_line or lines[index].no
        out.append((lines[index].no, end, Block("table", rows=rows, header=1)))
        start = next((k for k, ln in enumerate(lines) if ln.no > end), len(lines))
    return out


def seed_documents(text: str) -> list[SeedDoc]:
    """The seed's documents as printable blocks, in reading order."""
    docs: list[SeedDoc] = []
    for seg in split_documents(read_lines(text)):
        tab = {no: b for b in table_blocks(seg.lines) for no, _ in b.rows}
        layout = [] if tab else _layout_tables(seg.lines)
        blocks: list[Block] = []
        done: set[int] = set()
        for line in seg.lines:
            if line.no in tab:
                b = tab[line.no]
                if id(b) not in done:
                    done.add(id(b))
                    rows = [[_cell(c) for c in cells] for _, cells in b.rows]
                    width = max(len(r) for r in rows)
                    rows = [r + [""] * (width - len(r)) for r in rows]
                    blocks.append(Block("table", rows=rows, header=_header_rows(rows)))
                continue
            region = next((t for t in layout if t[0] <= line.no <= t[1]), None)
            if region is not None:
                if id(region) not in done:
                    done.add(id(region))
                    blocks.append(region[2])
                continue
            text_ = clean_text(line.raw.replace("**", ""))
            blocks.append(Block("text", text=text_) if text_ else Block("blank"))
        title = " ".join(clean_text(ln.raw.replace("**", "")) for ln in seg.title_lines)
        docs.append(SeedDoc(title, blocks))
    return docs


# --- typesetting ----------------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    """Bitstream Vera, shipped inside reportlab, so the output does not depend on system fonts."""
    import reportlab  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    base = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(base / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(base / "VeraBd.ttf")))
    return "Vera", "VeraBd"


def _col_widths(rows: list[list[str]], total: float, font: str, size: float) -> list[float]:
    """Column widths: never narrower than the column's longest word (a value must not wrap
    inside itself), the rest shared by how much text each column holds."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    width = max(len(r) for r in rows)
    floor, need = [], []
    for c in range(width):
        texts = [r[c] for r in rows if c < len(r)]
        words = [w for t in texts for w in t.split()] or [""]
        floor.append(max(stringWidth(w, font, size) for w in words) + 8)
        longest = max((max((len(x) for x in t.split("\n")), default=0) for t in texts), default=0)
        need.append(min(max(longest, 4), 60) ** 0.8)
    spare = total - sum(floor)
    if spare <= 0:
        return [f * total / sum(floor) for f in floor]
    return [f + spare * n / sum(need) for f, n in zip(floor, need, strict=True)]


def _floor_width(rows: list[list[str]], font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    width = max(len(r) for r in rows)
    return sum(
        max((stringWidth(w, font, size) for r in rows if c < len(r) for w in r[c].split()), default=0) + 8
        for c in range(width)
    )


def _story(docs: list[SeedDoc], layout: str, page_w: float, page_h: float, margin: float):
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle  # noqa: PLC0415

    regular, bold = _fonts()
    size = 8.5
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.25)
    cell = ParagraphStyle("cell", parent=body, fontSize=size - 0.5, leading=(size - 0.5) * 1.2)
    head = ParagraphStyle("head", parent=cell, fontName=bold)
    story = []
    for n, doc in enumerate(docs):
        wide = layout == "landscape" and doc.wide
        if n:
            story.append(NextPageTemplate("landscape" if wide else "portrait"))
            story.append(PageBreak())
        elif wide:
            story.insert(0, NextPageTemplate("landscape"))
        avail = (page_h if wide else page_w) - 2 * margin
        for block in doc.blocks:
            if block.kind == "blank":
                story.append(Spacer(1, size * 1.1))
            elif block.kind == "text":
                story.append(Paragraph(escape(block.text), body))
            else:
                fs = 13.0 if layout == "multipage" else size - 0.5  # big type: tables run over pages
                while fs > 5 and _floor_width(block.rows, bold, fs) > avail:
                    fs -= 0.5  # a wide table gets smaller type rather than words broken inside
                t_cell = ParagraphStyle("t_cell", parent=cell, fontSize=fs, leading=fs * 1.2)
                t_head = ParagraphStyle("t_head", parent=head, fontSize=fs, leading=fs * 1.2)
                data = [
                    [Paragraph(escape(c).replace("\n", "<br/>"), t_head if r < block.header else t_cell) for c in row]
                    for r, row in enumerate(block.rows)
                ]
                widths = _col_widths(block.rows, avail, bold, fs)
                table = Table(data, colWidths=widths, repeatRows=block.header, splitInRow=1, hAlign="LEFT")
                style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
                if layout != "unruled":
                    style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
                    # the line under a repeated header is not drawn above a row split by the page break
                    style += [("LINEBELOW", (0, r), (-1, r), 0.6, colors.black) for r in range(block.header)]
                else:
                    style += [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
                table.setStyle(TableStyle(style))
                story.append(Spacer(1, size * 0.5))
                story.append(table)
                story.append(Spacer(1, size * 0.5))
    return story


def typeset(docs: list[SeedDoc], layout: str) -> bytes:
    """One PDF of the seed's documents in a text layout (every layout but ``scan``)."""
    from reportlab import rl_config  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate  # noqa: PLC0415

    rl_config.invariant = 1  # no timestamps or random ids: the same seed gives the same bytes
    size = A4
    margin = 42
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
                          title=f"seed {layout}", author="corpus.build")
    pw, ph = size
    lw, lh = landscape(size)
    doc.addPageTemplates([
        PageTemplate("portrait", frames=[Frame(margin, margin, pw - 2 * margin, ph - 2 * margin, id="p")], pagesize=size),
        PageTemplate("landscape", frames=[Frame(margin, margin, lw - 2 * margin, lh - 2 * margin, id="l")], pagesize=(lw, lh)),
    ])
    doc.build(_story(docs, layout, pw, ph, margin))
    return buf.getvalue()


def scan_of(pdf: bytes, dpi: int = 200, skew: float = 0.35) -> bytes:
    """The pages as images only: rendered, turned by ``skew`` degrees, 1-bit, no text layer."""
    import pypdfium2 as pdfium  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    src = pdfium.PdfDocument(pdf)

    def pages() -> Iterator[tuple[float, float, Image.Image]]:
        for i in range(len(src)):
            page = src[i]
            w, h = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
            yield w, h, image.point(lambda v: 255 if v > 150 else 0).convert("1")

    return image_pdf(pages())


def build_seed(stem: str, layout: str, seeds: Path = ROOT / "corpus" / "seeds") -> bytes:
    text = (seeds / f"{stem}.txt").read_text(encoding="utf-8")
    docs = seed_documents(text)
    if layout == "scan":
        return scan_of(typeset(docs, "ruled"))
    return typeset(docs, layout)


def build(out: Path = OUT, stems: tuple[str, ...] = SEEDS, layouts: tuple[str, ...] = LAYOUTS) -> list[Path]:
    """Write every seed in every layout to ``out`` (atomically); return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem in stems:
        for layout in layouts:
            target = out / f"{stem}.{layout}.pdf"
            tmp = target.with_suffix(".pdf.tmp")
            tmp.write_bytes(build_seed(stem, layout))
            os.replace(tmp, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--seed", action="append", choices=SEEDS, help="only this seed (repeatable)")
    parser.add_argument("--layout", action="append", choices=LAYOUTS, help="only this layout (repeatable)")
    args = parser.parse_args(argv)
    for path in build(args.out, tuple(args.seed or SEEDS), tuple(args.layout or LAYOUTS)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
