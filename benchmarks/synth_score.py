"""Scoring of extracted documents against the synthetic truth (``corpus.synth``).

Two metrics, both per field with the slice parameters of the file and document attached:

**Field accuracy** (the project's typed output only). Per file, truth documents are paired with
extracted documents (same type first, then the most indicator names in common); each truth
document gives one ``kind`` field. Inside a pair, indicators are paired greedily by a score
(name likeness, the same code, nearby position) above :attr:`Settings.pair_min`; a paired
indicator gives ``name``, ``code`` (when the truth has one), ``sasaran`` (when the truth has
one; reported, not in the overall figure), and per truth period ``target_raw`` (whitespace
collapsed, exact) and ``target_value`` (Decimal equality, None for no value). An unpaired truth
indicator loses all its fields and no more, so one missing row costs only its own fields.
Budget lines pair on amount and name (``budget_name``, ``budget_amount``, ``budget_level``),
parties on name or NIP (``party_name``, ``party_nip`` when the truth has a NIP; NIPs compared as
digits). Whatever extracted item pairs with nothing (an extra document, indicator, period
target, budget line or party) counts as one wrong field (``extra_*``), so inventing rows costs.
A report (an LKj) is also scored on what its truth holds beyond targets: per period and year
``realisasi_raw``/``realisasi_value`` and ``capaian_raw``/``capaian_value``, per budget line of its
budget-realisation table ``budget_realisasi`` (exact rupiah) and ``budget_persen`` (as printed);
a realisasi or capaian it does not print costs one ``extra_measure``.

**Cell recovery** (every reader, ours included): the share of truth cells found in the right
place. A target cell (indicator × period) is recovered by a table reader when some table on the
document's pages has a row holding the indicator (a cell holds its code, or a piece of its name
of at least :attr:`Settings.fragment_min` characters) whose cell in a column headed by the
period's printed label (found in the rows above the first indicator row; a table without a
header takes the header of the previous table with as many columns) equals the printed value,
spaces and case ignored. A budget amount is recovered when a row holding a piece of the line's
name has a cell with the amount's digits. The project is scored on the same cells from its
typed output: the paired indicator's target for that period has the printed raw text, and a
budget line of the paired document has the amount and a name alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rapidfuzz import fuzz

from corpus.synth._truth import TruthDocument, TruthFile, TruthIndicator


@dataclass(frozen=True)
class Settings:
    """Thresholds of the matching; each chosen by looking at pairs, not tuned to a figure."""

    # an indicator pair needs this score (0-100 name likeness, +15 same code, -2 per row apart):
    # a name that lost one wrapped line still pairs (~70), two different indicators sharing a
    # stem ("Persentase …") stay below (~40-55 at distance)
    pair_min: float = 60.0
    # a budget line or party pairs at this name likeness (rapidfuzz ratio, 0-100), or on equal amount / NIP
    name_min: float = 70.0
    # a cell "holds" an indicator's name when it is a piece of it at least this long (characters),
    # long enough that the shared stems ("Persentase ", "Indeks kepuasan") do not count alone
    fragment_min: int = 18
    fragment_ratio: float = 92.0  # rapidfuzz partial_ratio for such a piece (OCR slips allowed)
    header_rows_max: int = 5  # a table's header is looked for in its first rows at most


SETTINGS = Settings()
OVERALL_FIELDS = frozenset({"kind", "name", "code", "target_raw", "target_value", "budget_name", "budget_amount",
                            "realisasi_raw", "realisasi_value", "capaian_raw", "capaian_value", "budget_realisasi", "budget_persen",
                            "extra_measure",
                            "budget_level", "party_name", "party_nip", "extra_document", "extra_indicator", "extra_target",
                            "extra_budget", "extra_party"})


@dataclass(frozen=True)
class FieldResult:
    file: str
    doc: int  # truth document number in the file (0-based), -1 for an extra extracted document
    field: str
    ok: bool
    truth: str
    got: str
    where: str  # the item: indicator name, budget line, party
    slices: dict[str, str] = field(default_factory=dict)


def ws(text: str | None) -> str:
    return " ".join((text or "").split())


def squash(text: str | None) -> str:
    """Spaces and case away: how a cell is compared in the cell metric."""
    return "".join((text or "").split()).casefold()


def digits(text: str | None) -> str:
    """The digits of an amount, cents (``,00``) and ``,-`` dropped."""
    t = (text or "").strip()
    for tail in (",00", ",-", ".00"):
        if t.endswith(tail):
            t = t[: -len(tail)]
    return "".join(c for c in t if c.isdigit())


def _dec(v: Any) -> Decimal | None:
    if v is None:
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def _likeness(a: str, b: str) -> float:
    a, b = ws(a).casefold(), ws(b).casefold()
    if not a or not b:
        return 0.0
    return 0.5 * fuzz.ratio(a, b) + 0.5 * fuzz.token_set_ratio(a, b)


def pair_greedy(scores: dict[tuple[int, int], float], minimum: float) -> dict[int, int]:
    """Truth index -> extracted index, best scores first, each side used once."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for (t, e), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < minimum or t in out or e in used:
            continue
        out[t] = e
        used.add(e)
    return out


def pair_indicators(truth: Sequence[TruthIndicator], got: Sequence[Any], s: Settings = SETTINGS) -> dict[int, int]:
    scores = {}
    for t, ti in enumerate(truth):
        for e, ei in enumerate(got):
            sc = _likeness(ti.name, ei.name) + (15 if ti.code and ti.code == ei.code else 0) - 2 * abs(t - e)
            scores[(t, e)] = sc
    return pair_greedy(scores, s.pair_min)


def pair_documents(truth: Sequence[TruthDocument], got: Sequence[Any]) -> dict[int, int]:
    """Truth document -> extracted document: same type first, then shared indicator names, then order."""
    scores = {}
    for t, td in enumerate(truth):
        names = {ws(i.name).casefold() for i in td.indicators}
        for e, ed in enumerate(got):
            common = sum(1 for i in ed.indicators if ws(i.name).casefold() in names)
            same = 1000 if ed.doc_type.value == td.kind else 0
            scores[(t, e)] = same + 10 * common - abs(t - e)
    return pair_greedy(scores, 1.0)


def _slices(tf: TruthFile, td: TruthDocument | None) -> dict[str, str]:
    out = dict(tf.slice)
    if td is not None:
        out.update(td.slice)
        out["kind"] = td.layout_kind
    return out


def score_fields(tf: TruthFile, docs: Sequence[Any], s: Settings = SETTINGS) -> list[FieldResult]:
    """Every field of the file's truth, right or wrong, plus one wrong field per extra extracted item."""
    out: list[FieldResult] = []
    pairs = pair_documents(tf.documents, docs)
    for t, td in enumerate(tf.documents):
        sl = _slices(tf, td)
        e = pairs.get(t)
        ed = docs[e] if e is not None else None
        got_kind = ed.doc_type.value if ed is not None else "<missing>"
        out.append(FieldResult(tf.file, t, "kind", got_kind == td.kind, td.kind, got_kind, td.title, sl))
        out += _indicator_fields(tf, t, td, ed.indicators if ed is not None else [], sl, s)
        out += _budget_fields(tf, t, td, ed.budget if ed is not None else [], sl, s)
        out += _party_fields(tf, t, td, ed.parties if ed is not None else [], sl, s)
    for e, ed in enumerate(docs):
        if e not in pairs.values():
            out.append(FieldResult(tf.file, -1, "extra_document", False, "", ed.doc_type.value, ed.doc_id, _slices(tf, None)))
    return out


def _indicator_fields(tf: TruthFile, t: int, td: TruthDocument, got: Sequence[Any], sl: dict[str, str],
                      s: Settings) -> list[FieldResult]:
    out: list[FieldResult] = []
    pairs = pair_indicators(td.indicators, got, s)
    for i, ti in enumerate(td.indicators):
        gi = got[pairs[i]] if i in pairs else None
        where = ti.name
        missing = "<missing row>"
        out.append(FieldResult(tf.file, t, "name", gi is not None and ws(gi.name) == ws(ti.name), ti.name,
                               ws(gi.name) if gi else missing, where, sl))
        if ti.code:
            got_code = (gi.code or "") if gi else missing
            out.append(FieldResult(tf.file, t, "code", gi is not None and ws(gi.code) == ws(ti.code), ti.code, got_code, where, sl))
        if ti.sasaran:
            got_sas = ws(gi.sasaran) if gi else missing
            out.append(FieldResult(tf.file, t, "sasaran", gi is not None and ws(gi.sasaran) == ws(ti.sasaran), ti.sasaran,
                                   got_sas, where, sl))
        by_period = {tg.period.value: tg for tg in gi.targets} if gi else {}
        for tt in ti.targets:
            tsl = {**sl, "value_kind": tt.vkind, "period": tt.period}
            g = by_period.get(tt.period)
            raw = ws(g.value.raw) if g else (missing if gi is None else "<missing period>")
            out.append(FieldResult(tf.file, t, "target_raw", g is not None and raw == ws(tt.raw), tt.raw, raw,
                                   f"{where} [{tt.period}]", tsl))
            val = _dec(g.value.value) if g else None
            ok = g is not None and val == tt.value
            out.append(FieldResult(tf.file, t, "target_value", ok, str(tt.value), str(val) if g else raw,
                                   f"{where} [{tt.period}]", tsl))
        for kind, measures in (("realisasi", ti.realisasi), ("capaian", ti.capaian)):  # a report's, by period and year
            got_measures = {m.period.value + (f":{m.year}" if m.year else ""): m for m in getattr(gi, kind)} if gi else {}
            for tt in measures:
                tsl = {**sl, "value_kind": tt.vkind, "period": tt.period.split(":")[0]}
                g = got_measures.get(tt.period)
                raw = ws(g.value.raw) if g else (missing if gi is None else "<missing period>")
                out.append(FieldResult(tf.file, t, f"{kind}_raw", g is not None and raw == ws(tt.raw), tt.raw, raw,
                                       f"{where} [{kind} {tt.period}]", tsl))
                val = _dec(g.value.value) if g else None
                out.append(FieldResult(tf.file, t, f"{kind}_value", g is not None and val == tt.value, str(tt.value),
                                       str(val) if g else raw, f"{where} [{kind} {tt.period}]", tsl))
            if gi is not None and td.kind == "lkj":  # a report's measure the truth does not print: invented
                printed = {tt.period for tt in measures}
                for key, g in got_measures.items():
                    if key not in printed and ws(g.value.raw):
                        out.append(FieldResult(tf.file, t, "extra_measure", False, "", f"{kind} {key}={ws(g.value.raw)}", where, sl))
        if gi is not None:
            periods = {tt.period for tt in ti.targets}
            for g in gi.targets:
                if g.period.value not in periods and ws(g.value.raw):
                    out.append(FieldResult(tf.file, t, "extra_target", False, "", f"{g.period.value}={ws(g.value.raw)}",
                                           where, sl))
    for e, gi in enumerate(got):
        if e not in pairs.values():
            out.append(FieldResult(tf.file, t, "extra_indicator", False, "", ws(gi.name), ws(gi.name), sl))
    return out


def _budget_fields(tf: TruthFile, t: int, td: TruthDocument, got: Sequence[Any], sl: dict[str, str],
                   s: Settings) -> list[FieldResult]:
    scores = {}
    for i, tb in enumerate(td.budget):
        for e, gb in enumerate(got):
            like = fuzz.ratio(ws(tb.name).casefold(), ws(gb.name).casefold())
            scores[(i, e)] = like + (50 if gb.amount == tb.amount else 0) - 0.5 * abs(i - e)
    pairs = pair_greedy(scores, s.name_min)
    out = []
    for i, tb in enumerate(td.budget):
        gb = got[pairs[i]] if i in pairs else None
        miss = "<missing line>"
        out.append(FieldResult(tf.file, t, "budget_name", gb is not None and ws(gb.name) == ws(tb.name), tb.name,
                               ws(gb.name) if gb else miss, tb.name, sl))
        out.append(FieldResult(tf.file, t, "budget_amount", gb is not None and gb.amount == tb.amount, str(tb.amount),
                               str(gb.amount) if gb else miss, tb.name, sl))
        out.append(FieldResult(tf.file, t, "budget_level", gb is not None and gb.level == tb.level, tb.level,
                               gb.level if gb else miss, tb.name, sl))
        if tb.realisasi is not None:  # a budget-realisation table's: what was spent, and the share printed
            spent = gb.realisasi.amount if gb is not None and gb.realisasi is not None else None
            out.append(FieldResult(tf.file, t, "budget_realisasi", spent == tb.realisasi, str(tb.realisasi),
                                   str(spent) if gb else miss, tb.name, sl))
            share = ws(gb.persen.raw) if gb is not None and gb.persen is not None else ""
            out.append(FieldResult(tf.file, t, "budget_persen", share == ws(tb.persen), tb.persen or "", share if gb else miss,
                                   tb.name, sl))
    for e, gb in enumerate(got):
        if e not in pairs.values():
            out.append(FieldResult(tf.file, t, "extra_budget", False, "", f"{gb.level}: {ws(gb.name)} = {gb.amount}",
                                   ws(gb.name), sl))
    return out


def _party_fields(tf: TruthFile, t: int, td: TruthDocument, got: Sequence[Any], sl: dict[str, str],
                  s: Settings) -> list[FieldResult]:
    scores = {}
    for i, tp in enumerate(td.parties):
        for e, gp in enumerate(got):
            like = fuzz.ratio(ws(tp.name).casefold(), ws(gp.name).casefold())
            same_nip = tp.nip is not None and digits(gp.nip) == tp.nip
            scores[(i, e)] = max(like, 100.0 if same_nip else 0.0)
    pairs = pair_greedy(scores, s.name_min)
    out = []
    for i, tp in enumerate(td.parties):
        gp = got[pairs[i]] if i in pairs else None
        miss = "<missing party>"
        out.append(FieldResult(tf.file, t, "party_name", gp is not None and ws(gp.name) == ws(tp.name), tp.name,
                               ws(gp.name) if gp else miss, tp.role, sl))
        if tp.nip:
            out.append(FieldResult(tf.file, t, "party_nip", gp is not None and digits(gp.nip) == tp.nip, tp.nip,
                                   (gp.nip or "") if gp else miss, tp.role, sl))
    for e, gp in enumerate(got):
        if e not in pairs.values():
            out.append(FieldResult(tf.file, t, "extra_party", False, "", f"{gp.role.value}: {gp.name}", gp.name, sl))
    return out


# --- cell recovery ---------------------------------------------------------------------------

Table = list[list[str]]  # rows of cell texts


@dataclass(frozen=True)
class CellResult:
    file: str
    doc: int
    cell: str  # target | amount
    ok: bool
    where: str
    slices: dict[str, str] = field(default_factory=dict)


def holds(cell: str, ind_name: str, code: str | None, s: Settings = SETTINGS) -> bool:
    """Whether a cell holds the indicator: its code as the cell's first word, or a piece of its name."""
    c = ws(cell).casefold()
    n = ws(ind_name).casefold()
    if not c:
        return False
    if code and (c == code.casefold() or c.startswith(code.casefold() + " ")):
        return True
    if n in c:
        return True
    if len(c) < min(s.fragment_min, len(n)):
        return False
    return c in n or fuzz.partial_ratio(c, n) >= s.fragment_ratio


def _label_match(cell: str, label: str) -> bool:
    """A header cell names the period when its words are the label's words, or end with them."""
    cw, lw = ws(cell).casefold().split(), ws(label).casefold().split()
    return bool(lw) and len(cw) >= len(lw) and cw[-len(lw):] == lw


def _header_end(table: Table, doc: TruthDocument, s: Settings) -> int:
    """Rows above the first row holding any of the document's indicators (at most header_rows_max)."""
    for r, row in enumerate(table[: s.header_rows_max + 1]):
        if any(holds(c, i.name, i.code, s) for c in row for i in doc.indicators):
            return r
    return min(len(table), s.header_rows_max)


def column_labels(table: Table, doc: TruthDocument, inherited: list[list[str]] | None, s: Settings = SETTINGS) -> list[list[str]]:
    """Per column, the header cells above the first indicator row (or those of the table before)."""
    h = _header_end(table, doc, s)
    width = max((len(r) for r in table), default=0)
    cols = [[ws(row[c]) for row in table[:h] if c < len(row) and ws(row[c])] for c in range(width)]
    if not any(cols) and inherited is not None and len(inherited) == width:
        return inherited
    return cols


def score_cells(tf: TruthFile, tables_by_page: dict[int, list[Table]], s: Settings = SETTINGS) -> list[CellResult]:
    """Cell recovery of a table reader: every truth target cell and budget amount, found or not."""
    out: list[CellResult] = []
    for t, td in enumerate(tf.documents):
        sl = _slices(tf, td)
        tables = [tb for p in range(td.first_page, td.first_page + td.pages) for tb in tables_by_page.get(p, [])]
        labelled: list[tuple[Table, list[list[str]]]] = []
        previous: list[list[str]] | None = None
        for tb in tables:
            labels = column_labels(tb, td, previous, s)
            labelled.append((tb, labels))
            previous = labels if any(labels) else previous
        for ind in td.indicators:
            rows = [(tb, labels, row) for tb, labels in labelled for row in tb
                    if any(holds(c, ind.name, ind.code, s) for c in row)]
            for tt in ind.targets:
                want = squash(tt.raw)
                ok = any(
                    c < len(row) and squash(row[c]) == want and any(_label_match(x, tt.label) for x in labels[c])
                    for _tb, labels, row in rows for c in range(len(labels))
                )
                out.append(CellResult(tf.file, t, "target", ok, f"{ind.name} [{tt.period}]",
                                      {**sl, "value_kind": tt.vkind, "period": tt.period}))
        for b in td.budget:
            want = str(b.amount)
            ok = any(
                any(holds(c, b.name, None, s) for c in row) and any(digits(c) == want for c in row)
                for tb, _ in labelled for row in tb
            )
            out.append(CellResult(tf.file, t, "amount", ok, b.name, sl))
    return out


def score_cells_typed(tf: TruthFile, docs: Sequence[Any], s: Settings = SETTINGS) -> list[CellResult]:
    """The cell metric from the project's typed output (same cells as :func:`score_cells`)."""
    out: list[CellResult] = []
    pairs = pair_documents(tf.documents, docs)
    for t, td in enumerate(tf.documents):
        sl = _slices(tf, td)
        ed = docs[pairs[t]] if t in pairs else None
        got = ed.indicators if ed is not None else []
        ipairs = pair_indicators(td.indicators, got, s)
        for i, ind in enumerate(td.indicators):
            gi = got[ipairs[i]] if i in ipairs else None
            by_period = {g.period.value: g for g in gi.targets} if gi is not None else {}
            for tt in ind.targets:
                g = by_period.get(tt.period)
                ok = g is not None and squash(g.value.raw) == squash(tt.raw)
                out.append(CellResult(tf.file, t, "target", ok, f"{ind.name} [{tt.period}]",
                                      {**sl, "value_kind": tt.vkind, "period": tt.period}))
        budget = ed.budget if ed is not None else []
        for b in td.budget:
            ok = any(gb.amount == b.amount and fuzz.ratio(ws(gb.name).casefold(), ws(b.name).casefold()) >= s.name_min
                     for gb in budget)
            out.append(CellResult(tf.file, t, "amount", ok, b.name, sl))
    return out


def rate(items: Iterable[bool]) -> tuple[int, int]:
    ok = total = 0
    for x in items:
        total += 1
        ok += bool(x)
    return ok, total
