"""Tables in a pdftotext-like layout, where each cell became a paragraph.

There are no column separators: a sasaran number stands on its own line, a cell wraps over
several lines, a value and its qualifier sit on two lines (``3,25`` then ``(skala 4)``).
The reader classifies each line (number, indicator code, values, qualifier, perspective,
text) and runs a small state machine that rebuilds the rows as :class:`~extract.text.rows.Cells`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.text.rows import CODE_RE, Cells, split_code
from extract.text.segment import Line
from extract.text.tables import role_of
from normalize.text import collapse, join_wrapped
from normalize.values import Kind, parse_value

_HEADER_START = re.compile(
    r"^\s*(?:No\.?|NO|Nomor)\s+(?=.*\b(?:Indikator|INDIKATOR|IKU|IKI|RENCANA HASIL KERJA|Sasaran)\b)"
)
_HEADER_WORDS = re.compile(
    r"^(?:(?:No\.?|NO|Nomor|IKU|IKI|Target|TARGET|Sasaran\s+Program\s*/\s*Kegiatan|Indikator\s+Kinerja(?:\s+Individu)?|"
    r"RENCANA\s+HASIL\s+KERJA|INDIKATOR\s+KINERJA\s+INDIVIDU|PERSPEKTIF|Q[1-4]|Smt\.?\s*1|s\.\s*d\.\s*Q3|Y)\s*)+$"
)
_PERIOD_LINE = re.compile(r"^(?:(?:Q[1-4]|Smt\.?\s*1|s\.\s*d\.\s*Q3|Y|I|II|III|IV|Tahunan)\s*)+$")
_NUMBERING = re.compile(r"^(?:\(\d+\)\s*)+$")
_SKIP = re.compile(r"^(?:[A-Z]\.\s*(?:UTAMA|TAMBAHAN)|HASIL KERJA)$")
_END = re.compile(
    r"^(?:Program\s*/\s*Kegiatan\b|PERILAKU KERJA|KONSEKUENSI|DUKUNGAN SUMBER DAYA|SKEMA PERTANGGUNGJAWABAN|"
    r"[A-Z][a-z]+,\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}$|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|Ditandatangani)"
)
_PAREN = re.compile(r"^\((?:\s*\d[\d.,]*\s+)?(?:skala\s+\d+|WTP|WDP|TW|TMP|AA|A|BB|B|CC|C|D)\s*\)$", re.IGNORECASE)
_PENUGASAN = re.compile(r"^\(\s*Penugasan\b.*\)$", re.IGNORECASE)
_INT_LINE = re.compile(r"^(?P<no>\d{1,3})\.?$")
_INT_TEXT = re.compile(r"^(?P<no>\d{1,3})\.?\s+(?P<rest>\D.*)$")
PERSPEKTIF = re.compile(
    r"(?P<p>Penerima\s+Layanan|Proses\s+Bisnis|Penguatan\s+Internal(?:\s+atau\s+Anggaran)?|Pemangku\s+Kepentingan|"
    r"Stakeholder|Customer|Internal\s+Process|Learning\s+(?:and|&)\s+Growth|Financial)\s*$",
    re.IGNORECASE,
)
_PERSPEKTIF_TAIL = re.compile(r"^atau\s+Anggaran$", re.IGNORECASE)


def _value_token(tok: str) -> bool:
    if tok in ("-", "%"):
        return True
    v = parse_value(tok)
    return v.value is not None and v.kind in (Kind.NUMBER, Kind.PERCENT) and v.unit is None


def value_tokens(text: str) -> list[str] | None:
    """Split a line made only of values into its cells (``"- 30% 30% -"``), else None.

    >>> value_tokens("- - - - - 100% 100%")
    ['-', '-', '-', '-', '-', '100%', '100%']
    >>> value_tokens("100 %")
    ['100 %']
    >>> value_tokens("BA 999.07") is None
    True
    """
    toks = text.split()
    if not toks:
        return None
    out: list[str] = []
    for tok in toks:
        if tok == "%" and out:
            out[-1] += " %"
            continue
        if not _value_token(tok):
            return None
        out.append(tok)
    return out


def trailing_values(text: str, count: int) -> tuple[str, list[str]] | None:
    """Split exactly ``count`` value cells off the end of a line of text."""
    toks = text.split()
    if len(toks) <= count:
        return None
    tail = toks[-count:]
    if all(_value_token(t) for t in tail) and not _value_token(toks[-count - 1]):
        return " ".join(toks[:-count]), tail
    return None


@dataclass
class _Row:
    no: str | None = None
    code: str | None = None
    text: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    perspektif: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass
class LayoutTable:
    periods: list[str]
    has_perspektif: bool
    has_sasaran: bool
    rows: list[Cells] = field(default_factory=list)
    end_line: int | None = None


def find_layout_table(lines: list[Line], start: int = 0) -> tuple[int, LayoutTable] | None:
    """Find the next layout table header from ``start``; return its line index and shape."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if not _HEADER_START.match(text):
            continue
        periods: list[str] = []
        header_text = text
        j = i + 1
        while j < len(lines) and j <= i + 6:
            t = lines[j].text
            if not t:
                j += 1
                continue
            if _PERIOD_LINE.match(t):
                periods = _periods(t)
                header_text += " " + t
                j += 1
                continue
            if _HEADER_WORDS.match(t):
                header_text += " " + t
                j += 1
                continue
            break
        if not periods and re.search(r"\bTarget\b", header_text, re.IGNORECASE):
            periods = ["Y"]
        has_sasaran = bool(re.search(r"Sasaran|RENCANA HASIL KERJA|\bIKU\b", header_text))
        table = LayoutTable(
            periods=periods or ["Y"],
            has_perspektif=bool(re.search(r"PERSPEKTIF", header_text, re.IGNORECASE)),
            has_sasaran=has_sasaran,
        )
        return i, table
    return None


def _periods(text: str) -> list[str]:
    text = re.sub(r"Smt\.?\s*1", "Smt1", text)
    text = re.sub(r"s\.\s*d\.\s*Q3", "sdQ3", text)
    out = []
    for tok in text.split():
        role = role_of(tok, "Triwulan")
        if role:
            out.append(role)
    return out


def read_layout_table(lines: list[Line], start: int, table: LayoutTable) -> LayoutTable:
    """Rebuild the rows of a layout table whose header is at ``lines[start]``."""
    need = len(table.periods)
    region: list[Line] = []
    i = start
    while i < len(lines):
        t = lines[i].text
        if i > start + 6 and _END.match(t):
            break
        region.append(lines[i])
        i += 1
    table.end_line = region[-1].no if region else None
    coded = any(CODE_RE.match(ln.text) and split_code(ln.text)[0] for ln in region)

    body = [ln for ln in region if not _is_header_line(ln.text)]
    sasaran: _Row | None = None
    pending: _Row | None = None  # a numbered block whose role is not known yet
    pending_text_closed = False
    cur: _Row | None = None
    last: _Row | None = None
    rows: list[Cells] = []

    def emit_sasaran(s: _Row) -> None:
        rows.append(Cells({"no": s.no or "", "sasaran": _sasaran_text(s)}, line=s.line, assembled=True))

    def finish() -> None:
        nonlocal cur, last
        if cur is None:
            return
        if not cur.values:
            joined = join_wrapped(cur.text)
            split = trailing_values(joined, need)
            if split:
                cur.text, cur.values = [split[0]], split[1]
        values = (cur.values + ["-"] * need)[:need] if cur.values else [""] * need
        cells = {"no": cur.no or "", "code": cur.code or "", "indicator": join_wrapped(cur.text)}
        cells.update(dict(zip(table.periods, values, strict=True)))
        if cur.perspektif:
            cells["perspektif"] = cur.perspektif
        rows.append(Cells(cells, line=cur.line, assembled=True))
        last, cur = cur, None

    def promote_pending() -> None:
        nonlocal pending, sasaran
        if pending is not None:
            sasaran = pending
            emit_sasaran(pending)
            pending = None

    def add_values(tokens: list[str]) -> None:
        assert cur is not None
        cur.values.extend(tokens)

    def next_text(k: int) -> str:
        for ln in body[k + 1 :]:
            if ln.text:
                return ln.text
        return ""

    prev_blank = True
    for k, line in enumerate(body):
        text = line.text
        if not text:
            if pending is not None and pending.text:
                pending_text_closed = True
            prev_blank = True
            continue
        new_para = prev_blank
        prev_blank = False
        if _NUMBERING.match(text) or _SKIP.match(text):
            continue
        if _PENUGASAN.match(text):
            note = collapse(text.strip("()"))
            target = pending or sasaran
            if target is not None:
                target.note = note
            continue
        if _PAREN.match(text):
            owner = cur if cur is not None and cur.values else last
            if owner is not None and owner.values:
                owner.values[-1] = f"{owner.values[-1]} {text}"
            continue
        code, rest = split_code(text)
        if code and CODE_RE.match(text):
            if pending is not None:
                promote_pending()
            finish()
            cur = _Row(code=code, line=line.no)
            _take_text(cur, rest, need, table)
            continue
        m_int = _INT_LINE.match(text)
        if m_int:
            follows = next_text(k)
            is_value = cur is not None and not _complete(cur, need, table) and bool(cur.text) and (
                bool(cur.values) or not _is_plain_text(follows)
            )
            if is_value:
                add_values([text])
                continue
            finish()
            if pending is not None:
                promote_pending()
            pending = _Row(no=m_int.group("no"), line=line.no)
            pending_text_closed = False
            continue
        m_it = _INT_TEXT.match(text)
        if m_it and (cur is None or _complete(cur, need, table)) and not value_tokens(text):
            finish()
            if pending is not None:
                promote_pending()
            rest = m_it.group("rest")
            split = trailing_values(rest, need) if need > 1 else None
            if split:
                cur = _Row(no=m_it.group("no"), text=[split[0]], values=split[1], line=line.no)
            else:
                pending = _Row(no=m_it.group("no"), text=[rest], line=line.no)
                pending_text_closed = False
            continue
        persp = PERSPEKTIF.search(text) if table.has_perspektif else None
        head = text[: persp.start()].strip() if persp else text
        tokens = value_tokens(head) if head else []
        if tokens is not None and (tokens or persp):
            if pending is not None and cur is None:
                cur = _Row(no=pending.no, text=pending.text, line=pending.line)
                pending = None
            owner = cur if cur is not None else last
            if owner is None:
                continue
            if tokens:
                owner.values.extend(tokens)
            if persp:
                owner.perspektif = collapse(persp.group("p"))
            continue
        if _PERSPEKTIF_TAIL.match(text) and (cur or last) and (cur or last).perspektif:  # type: ignore[union-attr]
            owner = cur if cur is not None else last
            assert owner is not None
            owner.perspektif = collapse(f"{owner.perspektif} {text}")
            continue
        # plain text
        if pending is not None:
            if not pending_text_closed and (not new_para or not pending.text):
                pending.text.append(text)
                continue
            if not pending.text:
                pending.text.append(text)
                continue
            if coded and cur is None:
                pending.text.append(text)
                continue
            promote_pending()
        if cur is not None and not _complete(cur, need, table) and not cur.values:
            if persp:
                cur.text.append(head)
                cur.perspektif = collapse(persp.group("p"))
            else:
                cur.text.append(text)
            continue
        finish()
        cur = _Row(line=line.no)
        _take_text(cur, text, need, table)
    finish()
    if pending is not None:
        promote_pending()
    table.rows = rows
    return table


def _take_text(row: _Row, text: str, need: int, table: LayoutTable) -> None:
    """Put a line's text in a row; a perspective or ``need`` values at its end are cells."""
    if not text:
        return
    if table.has_perspektif:
        persp = PERSPEKTIF.search(text)
        if persp:
            row.perspektif = collapse(persp.group("p"))
            text = text[: persp.start()].strip()
            split = trailing_values(text, need)
            if split:
                text, row.values = split[0], split[1]
            row.text.append(text)
            return
    if need > 1:
        split = trailing_values(text, need)
        if split:
            row.text.append(split[0])
            row.values = split[1]
            return
    row.text.append(text)


def _complete(row: _Row, need: int, table: LayoutTable) -> bool:
    if table.has_perspektif:
        return row.perspektif is not None
    return len(row.values) >= need


def _is_plain_text(text: str) -> bool:
    if not text:
        return False
    if _PAREN.match(text) or _PENUGASAN.match(text) or _INT_LINE.match(text) or value_tokens(text):
        return False
    if PERSPEKTIF.match(text) or (CODE_RE.match(text) and split_code(text)[0]):
        return False
    return True


def _is_header_line(text: str) -> bool:
    return bool(text) and (bool(_HEADER_START.match(text)) or bool(_HEADER_WORDS.match(text)) or bool(_PERIOD_LINE.match(text)))


def _sasaran_text(s: _Row) -> str:
    text = join_wrapped(s.text)
    if s.note:
        text = f"{text} ({s.note})"
    return text
