"""One indicator, once: a report's measurement tables print the same indicators again and again.

An LKj report measures its indicators in several tables (the year's target, realisasi and
capaian; the realisasi of the years before; against the Renstra; beside the budget; the
efficiency of each), each a row per indicator. The report's indicator is one: its periods are
the union of what the tables print, each of its other fields the first table's that prints it.

Where the tables disagree on one period's value, the value most of them print is kept (the
earliest of them on a tie) and the disagreement is reported as ``measure_conflict`` at the cell
that was not kept: a report that prints 81,59 in five tables and 82,92 in one has a slip, and its
reader should see both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from core.problems import Problem, Severity
from extract.models import Indicator, Target
from normalize.text import collapse

#: The per-period lists of an indicator, merged value by value.
_MEASURES = ("targets", "realisasi", "capaian", "realisasi_rp")
#: The fields a later table may fill when the first table that printed the indicator left them empty.
_FIELDS = ("sasaran_no", "sasaran", "sasaran_note", "item_no", "code", "perspektif", "satuan", "sumber_data", "pengukuran",
           "parent", "anggaran")


def indicator_key(ind: Indicator) -> tuple[str | None, str]:
    """What makes two rows one indicator: its name as written (case and spacing aside), and its level.

    >>> indicator_key(Indicator(name="Maturitas  SPIP")) == indicator_key(Indicator(name="maturitas SPIP"))
    True
    """
    return ind.kategori, collapse(ind.name).casefold()


def _vote(value: Target) -> Hashable:
    """The reading two cells must share to be the same value: the number (3 and 3,00 are one), else the text."""
    return value.value.value if value.value.value is not None else collapse(value.value.raw).casefold()


def _cell(t: Target) -> str:
    where = ", ".join(f"{k} {v}" for k, v in (("page", t.location.page), ("table", t.location.table), ("row", t.location.row))
                      if v is not None)
    return f"'{t.value.raw}'" + (f" ({where})" if where else "")


def _merge_values(name: str, kind: str, occurrences: list[list[Target]], file: str) -> tuple[list[Target], list[Problem]]:
    """One value per period (and year) from the lists of every occurrence, in the order first printed."""
    by_period: dict[tuple[str, int | None], list[Target]] = {}
    for values in occurrences:
        for t in values:
            by_period.setdefault((t.period.value, t.year), []).append(t)
    merged: list[Target] = []
    problems: list[Problem] = []
    for (period, year), cells in by_period.items():
        printed = [t for t in cells if t.value.raw.strip()] or cells[:1]
        votes = Counter(_vote(t) for t in printed)
        firsts: dict[Hashable, Target] = {}  # each reading's first cell, in the order printed
        for t in printed:
            firsts.setdefault(_vote(t), t)
        best = max(votes.values())
        kept_vote, kept = next((v, t) for v, t in firsts.items() if votes[v] == best)
        merged.append(kept)
        label = period if year is None else f"{period} {year}"
        for vote, other in firsts.items():
            if vote != kept_vote:
                problems.append(Problem(
                    check="measure_conflict", severity=Severity.WARNING, component="extract",
                    message=f"'{name}' {kind} {label}: the report prints {_cell(other)} here and {_cell(kept)} elsewhere;"
                            f" kept {kept.value.raw!r}, printed in {best} of {len(printed)} tables",
                    location=other.location.model_copy(update={"file": other.location.file or file}),
                ))
    return merged, problems


def merge_repeated(indicators: list[Indicator], file: str) -> tuple[list[Indicator], list[Problem]]:
    """The report's indicators once each, in the order first printed. A row joins an indicator of its name
    that no row of its own table has joined yet, the one under the same sasaran where there are several;
    rows of one table are never merged (one name under two sasaran is two indicators)."""
    groups: list[list[Indicator]] = []
    by_key: dict[tuple[str | None, str], list[int]] = {}
    for ind in indicators:
        key = indicator_key(ind)
        free = [g for g in by_key.get(key, [])
                if ind.location.table is None or all(m.location.table != ind.location.table for m in groups[g])]
        if free:
            same = [g for g in free if _sasaran(groups[g][0]) == _sasaran(ind) and _sasaran(ind)]
            groups[(same or free)[0]].append(ind)
            continue
        by_key.setdefault(key, []).append(len(groups))
        groups.append([ind])
    out: list[Indicator] = []
    problems: list[Problem] = []
    for group in groups:
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        update: dict[str, object] = {}
        for name in _FIELDS:
            if getattr(first, name) is None:
                update[name] = next((getattr(g, name) for g in group if getattr(g, name) is not None), None)
        for kind in _MEASURES:
            values, found = _merge_values(first.name, kind, [getattr(g, kind) for g in group], file)
            update[kind] = values
            problems.extend(found)
        out.append(first.model_copy(update=update))
    return out, problems


def _sasaran(ind: Indicator) -> str:
    return collapse(ind.sasaran or "").casefold()
