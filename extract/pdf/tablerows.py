"""From a table's cells (with their lines and positions) to the rows written as TAB lines.

What a ruled grid does not say by itself are restored here from line positions:

* a cell that holds several logical rows — one ruled row listing three programmes with three
  amounts, or an indicator with nested sub-indicators (``1.1.1 Jumlah produksi`` then
  ``- Daging (ton)`` … each with its own target on its own line) — is split into one row per
  value, each value going to the item whose lines it stands beside;
* each such row keeps its own item mark or number (``- Daging``, ``1.1.2.1 Jumlah …``), from
  which the text reader nests the sub-indicators under their heading.
"""

from __future__ import annotations

import regex as re

from extract.pdf.model import Cell, Table
from extract.text.rows import target_of_role
from extract.text.tables import header_roles, is_header_row, is_subheader_row
from normalize.text import clean_text, join_wrapped
from normalize.values import Kind, parse_value

ITEM_MARK = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?(?=\s|$)|[-–•·✓√]\s*|\./\s*|[a-z]\.\s+|\d{1,2}\)\s+)")
# a comparator misread by OCR ("≤ 8" as "s8"): still one value per line, reported later as unreadable
_MANGLED_VALUE = re.compile(r"^[s≤≥<>]\s?\d[\d.,]*$")
VALUE_KINDS = (Kind.NUMBER, Kind.PERCENT, Kind.RUPIAH, Kind.INDEX)


def is_value_line(text: str) -> bool:
    """A line that is one whole value (``741.709``, ``98 %``, ``Rp 1.250.000,00``, ``≤ 8``, ``-``)."""
    text = clean_text(text)
    if text in ("-", "N/A"):
        return True
    if not re.search(r"\d", text) or len(text.split()) > 3:
        return False
    v = parse_value(text)
    return v.value is not None and v.kind in VALUE_KINDS


def cell_text(cell: Cell | None) -> str:
    """The cell's text; a bold heading that opens it is kept apart as ``<b>…</b>``."""
    if cell is None:
        return ""
    text = join_wrapped([t for _, t in cell.lines]) if cell.lines else clean_text(cell.text)
    if cell.heading:
        heading = clean_text(cell.heading)
        if text.startswith(heading) and text[len(heading):].strip():
            return f"<b>{heading}</b> {text[len(heading):].strip()}"
    return text


def header_count(rows: list[list[Cell | None]]) -> int:
    texts = [[cell_text(c) for c in r] for r in rows[:3]]
    if not texts or not is_header_row(texts[0]):
        return 0
    n = 1
    while n < len(texts) and (is_subheader_row(texts[n]) or all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts[n] if t)):
        n += 1
    return n


def table_rows(table: Table) -> list[list[str]]:
    """The table's rows as cell strings, nested rows split, dotted codes in their own column."""
    width = table.width
    if width < 2:
        return []
    rows = [r + [None] * (width - len(r)) for r in table.rows]
    n_head = header_count(rows)
    head_text = [[cell_text(c) for c in r] for r in rows[:n_head]]
    roles = header_roles(head_text) if head_text else [None] * width
    out: list[list[str]] = [
        [f"({t})" if re.fullmatch(r"\d{1,2}", t) else t for t in r] if k and is_numbering(r) else list(r)
        for k, r in enumerate(head_text)
    ]
    body: list[list[str]] = []
    for row in rows[n_head:]:
        for band in _bands(row):
            body.extend(_split_row(band, roles))
    body = [r for r in body if any(r)]
    return out + body


def is_numbering(texts: list[str]) -> bool:
    """The row numbering the columns under a header: ``1 2 3 4 5`` or ``(1) (2) …``."""
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in filled)


def _lines(cell: Cell | None) -> list[tuple[float, str]]:
    return [(y, clean_text(t)) for y, t in (cell.lines if cell else []) if clean_text(t)]


def _bands(row: list[Cell | None]) -> list[list[Cell | None]]:
    """A ruled row that holds several rows one under the other, set apart by a blank line
    across every column and no ruling (a scan: sasaran 1 with its indicators, a blank line,
    sasaran 2 …), cut at those blank lines. A band must fill two cells or more, else the gap
    is a paragraph break inside a row and the row stays whole."""
    ys = sorted(y for c in row if c is not None for y, t in c.lines if clean_text(t))
    pitches = sorted(b - a for c in row if c is not None for (a, _), (b, _) in zip(c.lines, c.lines[1:], strict=False) if b > a)
    if len(ys) < 4 or not pitches:
        return [row]
    pitch = pitches[len(pitches) // 4]  # the spacing of a cell's wrapped lines (the gaps are the rarer, wider ones)
    cuts = [(a + b) / 2 for a, b in zip(ys, ys[1:], strict=False) if b - a > 1.7 * pitch]
    if not cuts:
        return [row]
    edges = [float("-inf"), *cuts, float("inf")]
    bands: list[list[Cell | None]] = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        band: list[Cell | None] = []
        for c in row:
            lines = [(y, t) for y, t in (c.lines if c else []) if lo < y < hi]
            heading = c.heading if c is not None and c.lines and lines and lines[0] == c.lines[0] else None
            band.append(None if c is None else Cell(c.box, " ".join(t for _, t in lines), c.conf, lines, heading))
        bands.append(band)
    if any(sum(1 for c in band if c is not None and c.lines) < 2 for band in bands):
        return [row]
    return bands


def _split_row(row: list[Cell | None], roles: list[str | None]) -> list[list[str]]:
    texts = [cell_text(c) for c in row]
    lines = [_lines(c) for c in row]
    filled = [i for i, ls in enumerate(lines) if ls]
    # one ruled row listing several rows line by line (programmes and their amounts)
    counts = {len(lines[i]) for i in filled}
    if len(filled) >= 2 and len(counts) == 1 and (n := counts.pop()) >= 2:
        if any(all(is_value_line(t) for _, t in lines[i]) for i in filled):
            ys = [[y for y, _ in lines[i]] for i in filled]
            aligned = all(abs(ys[0][k] - other[k]) < 4 for other in ys[1:] for k in range(n))
            if aligned:
                return [[lines[i][k][1] if i in filled else "" for i in range(len(row))] for k in range(n)]
    key_cols = [
        i for i, r in enumerate(roles)
        if target_of_role(r) and len(lines[i]) >= 2 and all(is_value_line(t) or _MANGLED_VALUE.match(t) for _, t in lines[i])
        and any(is_value_line(t) for _, t in lines[i])
    ]
    ind = roles.index("indicator") if "indicator" in roles else roles.index("mixed") if "mixed" in roles else None
    if not key_cols or ind is None or len(lines[ind]) < 2:
        return [texts]
    key = key_cols[0]
    items = _items(lines[ind])
    values = lines[key]
    assign = _assign(items, values)
    if assign is None:
        items = _items_by_values(lines[ind], values)
        assign = _assign(items, values)
        if assign is None or any(item[0][1][:1].islower() for item in items[1:]):
            return [texts]  # an item cannot open in lower case: one wrapped name whose value wraps too ("34,9" / "4%")
    out: list[list[str]] = []
    for k, item in enumerate(items):
        r = [""] * len(row)
        if k == 0:
            r = [t if i not in key_cols and i != ind else "" for i, t in enumerate(texts)]
        r[ind] = join_wrapped([t for _, t in item])
        for col in key_cols:
            r[col] = " ".join(t for y, t in lines[col] if _owner(items, y) == k)
        out.append(r)
    return out


def _items(lines: list[tuple[float, str]]) -> list[list[tuple[float, str]]]:
    items: list[list[tuple[float, str]]] = []
    for y, t in lines:
        if not items or ITEM_MARK.match(t):
            items.append([(y, t)])
        else:
            items[-1].append((y, t))
    return items


def _items_by_values(lines: list[tuple[float, str]], values: list[tuple[float, str]]) -> list[list[tuple[float, str]]]:
    """Without item marks: each value closes the item of the lines down to it."""
    items: list[list[tuple[float, str]]] = [[]]
    vals = sorted(y for y, _ in values)
    for y, t in lines:
        items[-1].append((y, t))
        if vals and y >= vals[0] - 3:
            vals.pop(0)
            items.append([])
    return [it for it in items if it]


def _owner(items: list[list[tuple[float, str]]], y: float) -> int:
    for k, item in enumerate(items):
        if item[0][0] - 4 <= y <= item[-1][0] + 4:
            return k
    above = [k for k, item in enumerate(items) if item[0][0] <= y]
    return above[-1] if above else 0


def _assign(items: list[list[tuple[float, str]]], values: list[tuple[float, str]]) -> list[int] | None:
    owners = [_owner(items, y) for y, _ in values]
    return owners if len(set(owners)) == len(owners) else None
