"""DOCX input (python-docx): the body, in order, rendered as the text reader's rendering.

* a data table becomes TAB rows (one line per row; a cell's paragraphs joined by spaces; the
  slots of a vertically merged or spanned cell are empty, as a PDF grid gives them);
* a ``Nama | : | …`` table becomes ``Nama : …`` lines (what the party reader expects);
* a layout table (one row whose cells stack paragraphs — side-by-side signature blocks) is
  read cell by cell, each paragraph a line, so every signer's name, rank and NIP stay together;
* paragraphs become lines; an explicit page break becomes a form feed.
"""

from __future__ import annotations

import io
import zipfile

import regex as re

from extract.models import Document, Signature, TableMethod
from extract.pdf.tablerows import is_numbering
from extract.text.tables import is_header_row
from extract.text.reader import read_text_documents
from normalize.text import clean_text

KV_LABEL = re.compile(r"^(?:Nama|NIP|Jabatan|Unit\s+Kerja|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?(?:\s*Ruang)?)?)\s*:?$", re.IGNORECASE)
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxError(Exception):
    """A DOCX that cannot be read at all; the message is the manifest reason."""


def open_docx(data: bytes):
    if not data:
        raise DocxError("empty file (0 bytes)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxError("not a DOCX: the file is not a zip package (an old binary .doc?)")
    try:
        import docx  # noqa: PLC0415

        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any failure is the file's fault
        raise DocxError(f"corrupt DOCX: {type(exc).__name__}: {exc}") from None


def _paragraph_lines(p) -> list[str]:
    text = p.text
    if "\t" in text:
        parts = [clean_text(x) for x in text.split("\t")]
        filled = [x for x in parts if x]
        if len(filled) >= 3:
            text = "\t".join(filled)  # tab stops used as a table
        elif filled and KV_LABEL.match(filled[0]) and len(filled) == 2:
            text = f"{filled[0].rstrip(' :')} : {filled[1].lstrip(': ')}"
        else:
            text = " ".join(filled)
    out = [clean_text(text) if "\t" not in text else text]
    if any(br.get(f"{W_NS}type") == "page" for br in p._p.iter(f"{W_NS}br")):  # noqa: SLF001
        out.append("\f")
    return out


def _cells(row) -> list:
    """The row's cells by grid column (python-docx repeats a spanned cell; keep the first)."""
    out, seen = [], set()
    for cell in row.cells:
        out.append(None if id(cell._tc) in seen else cell)  # noqa: SLF001
        seen.add(id(cell._tc))  # noqa: SLF001
    return out


def _cell_text(cell) -> str:
    return clean_text(" ".join(p.text for p in cell.paragraphs))


def _table_lines(table) -> list[str]:
    rows = table.rows
    grid = [_cells(r) for r in rows]
    texts = [[_cell_text(c) if c is not None else "" for c in r] for r in grid]
    # "Nama | : | value" (or "Nama | : value")
    if all(r and KV_LABEL.match(r[0]) for r in texts if any(r)):
        out = []
        for r in texts:
            rest = [x for x in r[1:] if x and x != ":"]
            out.append(f"{r[0].rstrip(' :')} : {' '.join(rest).lstrip(': ')}")
        return out
    # a layout table: few rows whose cells stack several paragraphs (signature blocks)
    stacked = any(sum(1 for p in c.paragraphs if p.text.strip()) >= 3 for r in grid for c in r if c is not None)
    if len(rows) <= 2 and stacked:
        out = []
        for r in grid:
            for c in r:
                if c is None:
                    continue
                out.extend(clean_text(p.text) for p in c.paragraphs if clean_text(p.text))
                out.append("")
        return out
    # a data table; a vertically merged cell's continuation slots are empty
    out = [""]
    prev: list = []
    for n, (r, cells) in enumerate(zip(texts, grid, strict=True)):
        if n == 1 and is_header_row(texts[0]) and is_numbering(r):
            r = [f"({t.strip('()')})" if t else t for t in r]  # the column-number row under the header is not data
        line = []
        for k, (t, c) in enumerate(zip(r, cells, strict=True)):
            merged = c is not None and k < len(prev) and prev[k] is not None and c._tc is prev[k]._tc  # noqa: SLF001
            vmerge = c is not None and c._tc.tcPr is not None and c._tc.tcPr.find(f"{W_NS}vMerge") is not None  # noqa: SLF001
            line.append("" if merged or (vmerge and _is_continue(c)) else t.replace("\t", " "))
        prev = cells
        if any(line):
            out.append("\t".join(line) if len(line) > 1 else line[0] + "\t")
    out.append("")
    return out


def _is_continue(cell) -> bool:
    v = cell._tc.tcPr.find(f"{W_NS}vMerge")  # noqa: SLF001
    return v is not None and v.get(f"{W_NS}val") in (None, "continue")


def render_docx(data: bytes) -> str:
    """The document body as one text rendering (TAB rows, lines, form feeds)."""
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    doc = open_docx(data)
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_paragraph_lines(Paragraph(child, doc)))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, doc)))
    text = "\n".join(lines).replace("\n\f\n", "\f").replace("\f\n", "\f").replace("\n\f", "\f")
    return text


def read_docx(data: bytes, source_file: str, stem: str) -> list[Document]:
    """Every document in one DOCX (raises :class:`DocxError` when the file cannot be read)."""
    text = render_docx(data)
    docs = read_text_documents(text, source_file, stem)
    paragraphs = _paragraphs(open_docx(data))
    for d in docs:
        for t in d.tables:
            t.method = TableMethod.DOCX
        for party in d.parties:
            if party.name and party.signature is None:
                party.signature = _signature(paragraphs, party.name)
    return docs


#: Paragraphs above a signer's name where a signature or stamp image may sit (the jabatan, the
#: blank lines left for the signature): the generated and real signature blocks leave two to four.
SIGNATURE_REACH = 5


def _paragraphs(doc) -> list[tuple[str, bool]]:
    """Every paragraph of the body, in tables too, in order: its text and whether it holds a picture."""
    out = []
    for p in doc.element.body.iter(f"{W_NS}p"):
        text = clean_text("".join(t.text or "" for t in p.iter(f"{W_NS}t")))
        picture = any(True for _ in p.iter(f"{W_NS}drawing")) or any(True for _ in p.iter(f"{W_NS}pict"))
        out.append((text, picture))
    return out


def _signature(paragraphs: list[tuple[str, bool]], name: str) -> Signature:
    """A picture on the signer's name or in the few paragraphs over it is a signature (or stamp)
    image; a DOCX without one is unsigned: Word holds no ink."""
    key = clean_text(name).casefold()
    for i, (text, _) in enumerate(paragraphs):
        if text.casefold() != key and not (text.casefold().startswith(key) and len(text) < len(key) + 40):
            continue
        if any(picture for _, picture in paragraphs[max(0, i - SIGNATURE_REACH) : i + 1]):
            return Signature.IMAGE
    return Signature.NONE
