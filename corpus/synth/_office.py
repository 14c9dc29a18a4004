"""The same document flows written as a Word file (python-docx) or a workbook (openpyxl).

The forms that offices fill in on a computer exist as DOCX and XLSX as well as printed: the PP
46/2011 SKP was a spreadsheet in most offices, the 8/2021 and 6/2022 forms are often typed into
Word. A flow (:mod:`corpus.synth._spec`) becomes:

* DOCX — titles and paragraphs as paragraphs, a table as a Word table (merged cells merged), the
  signatures as one layout table whose cells stack each signer's lines, page breaks as breaks;
* XLSX — one sheet per page, every line a row of one cell, a table as rows of cells (a merged
  range keeps its text in its first cell), the signatures one under the other.

Both are reproducible: the same flow gives the same bytes (fixed document properties and times).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from corpus.synth._spec import (
    DocSpec,
    Gap,
    KeyValues,
    PageBreak,
    Para,
    Signatures,
    TableSpec,
    Title,
)

_EPOCH = dt.datetime(2024, 1, 1)


def docx_bytes(docs: list[DocSpec], title: str) -> bytes:
    import docx  # noqa: PLC0415
    from docx.enum.text import WD_BREAK  # noqa: PLC0415

    d = docx.Document()
    props = d.core_properties
    props.title, props.author, props.created, props.modified, props.last_modified_by = title, "corpus.synth", _EPOCH, _EPOCH, ""
    props.revision = 1
    for n, spec in enumerate(docs):
        if n:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for item in spec.flow:
            if isinstance(item, Title):
                for line in item.lines:
                    d.add_paragraph().add_run(line).bold = True
            elif isinstance(item, Para):
                d.add_paragraph().add_run(item.text).bold = item.bold
            elif isinstance(item, KeyValues):
                for k, v in item.pairs:
                    d.add_paragraph(f"{k} : {v}")
            elif isinstance(item, TableSpec):
                _docx_table(d, item)
            elif isinstance(item, Signatures):
                _docx_signatures(d, item)
            elif isinstance(item, Gap):
                d.add_paragraph("")
            elif isinstance(item, PageBreak):
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue())


def _docx_table(d, t: TableSpec) -> None:
    width = len(t.roles)
    table = d.add_table(rows=len(t.rows), cols=width)
    table.style = "Table Grid"
    covered: set[tuple[int, int]] = set()
    spans = list(t.spans) + [((0, r), (width - 1, r)) for r in t.bands]
    for (c0, r0), (c1, r1) in spans:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (c, r) != (c0, r0):
                    covered.add((c, r))
    grid = [row.cells for row in table.rows]  # (a plain grid until merged: table.cell walks every cell each call)
    for r, row in enumerate(t.rows):
        for c, text in enumerate(row):
            if (c, r) not in covered and text:
                grid[r][c].text = text
    for (c0, r0), (c1, r1) in spans:
        if (c0, r0) != (c1, r1):
            table.cell(r0, c0).merge(table.cell(r1, c1))


def _docx_signatures(d, s: Signatures) -> None:
    table = d.add_table(rows=1, cols=len(s.signers))
    for k, signer in enumerate(s.signers):
        cell = table.cell(0, k)
        lines = ([s.place_date] if s.place_date and k == len(s.signers) - 1 else []) + list(signer.above) + ["", signer.name] + list(signer.below)
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def xlsx_bytes(docs: list[DocSpec], title: str) -> bytes:
    import openpyxl  # noqa: PLC0415

    wb = openpyxl.Workbook()
    wb.properties.creator, wb.properties.title = "corpus.synth", title
    wb.properties.created = wb.properties.modified = _EPOCH
    ws = wb.active
    ws.title = "Hal 1"
    pages = 1
    written = 0  # rows of the current sheet (openpyxl does not count an empty row it appended)

    def new_sheet():
        nonlocal pages, ws, written
        pages += 1
        ws = wb.create_sheet(f"Hal {pages}")
        written = 0

    def append(cells: list) -> None:
        nonlocal written
        ws.append(cells)
        written += 1

    for n, spec in enumerate(docs):
        if n:
            new_sheet()
        for item in spec.flow:
            if isinstance(item, Title):
                for line in item.lines:
                    append([line])
                append([])
            elif isinstance(item, Para):
                append([item.text])
            elif isinstance(item, KeyValues):
                for k, v in item.pairs:
                    append([f"{k} : {v}"])
            elif isinstance(item, TableSpec):
                first = written + 1
                for row in item.rows:
                    append([_cell(x) for x in row])
                for (c0, r0), (c1, r1) in list(item.spans) + [((0, r), (len(item.roles) - 1, r)) for r in item.bands]:
                    if (c0, r0) != (c1, r1):
                        ws.merge_cells(start_row=first + r0, start_column=c0 + 1, end_row=first + r1, end_column=c1 + 1)
            elif isinstance(item, Signatures):
                if item.place_date:
                    append([item.place_date])
                for signer in item.signers:
                    for line in (*signer.above, "", signer.name, *signer.below):
                        append([line] if line else [])
            elif isinstance(item, Gap):
                append([])
            elif isinstance(item, PageBreak):
                new_sheet()
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue())


def _cell(text: str) -> str | None:
    """Every cell as text, as a typist leaves a form's numbers (``84,71``, ``12 Laporan``)."""
    return text or None


def _fixed_zip(data: bytes) -> bytes:
    """The package again with every member's time fixed, so equal content gives equal bytes (openpyxl
    stamps the saving time into docProps/core.xml whatever the properties say: it is set back too)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            member = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                member = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                rb"\g<1>" + _EPOCH.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", member)
            dst.writestr(fixed, member)
    return out.getvalue()
