"""Programme, kegiatan and sub-kegiatan rows of a Permendagri realisasi table, told apart by their sums.

An Evaluasi Renja (``Urusan/Bidang Urusan/Program/Kegiatan | Indikator … | Realisasi Triwulan I–IV,
K and Rp``) prints its programmes in capitals (``PROGRAM …``), but a kegiatan and the
sub-kegiatan under it look alike: same font, same indent, no code. What tells them apart is the
arithmetic the table itself carries: a kegiatan's Rp is the sum of its sub-kegiatan's, and a
programme's the sum of its kegiatan's, period by period.

So the rows under a programme are split into blocks (a kegiatan and the sub-kegiatan after it, one at least)
so that as many sums as possible come out exact, and no block's sub-kegiatan spend more than
their kegiatan (nor the kegiatan more than their programme). Among equally good splits the one
with the fewest kegiatan wins. A kegiatan whose sums hold in no period is a guess and is
reported (``level_inferred``); so are rows that print no Rp at all (no sum can place them, so
the fewest kegiatan are assumed: they go under the kegiatan above).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from core.problems import Location, Problem, Severity
from extract.models import BudgetLevel, Indicator

PROGRAM, KEGIATAN, SUB_KEGIATAN = BudgetLevel.PROGRAM, BudgetLevel.KEGIATAN, BudgetLevel.SUB_KEGIATAN
MAX_STATES = 2_000  # splits kept per row while searching: the best-scoring; 90 rows with every split open take about 1 s


@dataclass
class Subject:
    """One programme, kegiatan or sub-kegiatan: its name, its indicators and its Rp per period."""

    name: str
    indicators: list[Indicator]
    rp: tuple[int, ...]

    @property
    def is_program(self) -> bool:
        return self.indicators[0].kategori == PROGRAM


def subjects(indicators: Sequence[Indicator], periods: Sequence[str]) -> list[Subject]:
    """Consecutive indicators of one subject (``sasaran``) form one subject; its Rp is the first printed.
    (The subject's Rp is printed on its first indicator's row: a row of the same name that prints
    its own Rp is a subject of its own, a sub-kegiatan named like its kegiatan.)"""
    out: list[Subject] = []
    for ind in indicators:
        if (out and out[-1].name == ind.sasaran and ind.kategori in (None, out[-1].indicators[0].kategori)
                and not (ind.realisasi_rp and out[-1].indicators[0].realisasi_rp)):
            out[-1].indicators.append(ind)
            continue
        out.append(Subject(name=ind.sasaran or ind.name, indicators=[ind], rp=()))
    for s in out:
        rp = []
        for p in periods:
            amounts = [t.value.amount for i in s.indicators for t in i.realisasi_rp if t.period.value == p and t.value.amount is not None]
            rp.append(amounts[0] if amounts else 0)
        s.rp = tuple(rp)
    return out


def split(total: Sequence[int], rows: Sequence[Sequence[int]]) -> tuple[list[bool], list[int]]:
    """Which rows under a programme are kegiatan (the first always is), and how many sums each
    kegiatan's block makes exact (programme-level sums are counted in the last element).

    ``total`` is the programme's Rp per period (zeros when it prints none), ``rows`` each row's.
    Below, the programme (30 | 50) is kegiatan A (30 | 20 = 10 + 20 | 20 + 0) and kegiatan B
    (0 | 30 = 0 | 30): A's block is exact in both periods, B's in one, the programme in both.

    >>> split([30, 50], [[30, 20], [10, 20], [20, 0], [0, 30], [0, 30]])
    ([True, False, False, True, False], [2, 1, 2])
    """
    n, q = len(rows), len(total)
    if n == 0:
        return [], [0]
    prefix = [tuple(0 for _ in range(q))]
    for r in rows:
        prefix.append(tuple(a + b for a, b in zip(prefix[-1], r, strict=True)))

    @cache
    def exact(a: int, b: int) -> int | None:
        """Kegiatan at ``a``, sub-kegiatan ``a+1 .. b-1``: how many sums are exact, None when the
        sub-kegiatan spend more than their kegiatan in some period."""
        subs = [prefix[b][k] - prefix[a + 1][k] for k in range(q)]
        head = rows[a]
        if any(subs[k] > head[k] for k in range(q)):
            return None
        return sum(1 for k in range(q) if head[k] > 0 and head[k] == subs[k])

    # a kegiatan is carried out through its sub-kegiatan (one at least) and its programme's total
    # bounds them; each rule is let go only when no split keeps it (a cut sheet, a wrong total)
    for lonely, bounded in ((False, any(total)), (True, any(total)), (True, False)):
        best = _search(n, q, rows, total if bounded else [0] * q, exact, lonely=lonely)
        if best is not None:
            break
    else:  # negative amounts: nothing fits, the rows stay one block
        return [True] + [False] * (n - 1), [0, 0]
    heads = sorted(best[2])
    blocks = [exact(a, b) or 0 for a, b in zip(heads, [*heads[1:], n], strict=True)]
    sums = [sum(rows[i][k] for i in heads) for k in range(q)]
    closing = sum(1 for k in range(q) if total[k] > 0 and total[k] == sums[k])
    return [i in heads for i in range(n)], [*blocks, closing]


def _search(n: int, q: int, rows: Sequence[Sequence[int]], total: Sequence[int],
            exact: Callable[[int, int], int | None], *, lonely: bool) -> tuple[int, int, tuple[int, ...]] | None:
    """The best split (score, -kegiatan count, kegiatan positions), by dynamic programming over the
    kegiatan positions and the kegiatan sums so far; None when no split is feasible."""
    use_total = any(total)
    states: list[dict[tuple[int, ...], tuple[int, int, tuple[int, ...]]]] = [{} for _ in range(n)]
    states[0][tuple(rows[0]) if use_total else ()] = (0, -1, (0,))
    best: tuple[int, int, tuple[int, ...]] | None = None
    for a in range(n):
        current = states[a]
        if len(current) > MAX_STATES:
            current = dict(sorted(current.items(), key=lambda kv: kv[1][:2], reverse=True)[:MAX_STATES])
        for sums, (score, count, path) in current.items():
            for b in range(a + 1, n + 1):
                if b == a + 1 and not lonely:
                    continue
                n_exact = exact(a, b)
                if n_exact is None:
                    break  # the block only grows: it stays infeasible
                if b == n:
                    closing = sum(1 for k in range(q) if total[k] > 0 and total[k] == sums[k]) if use_total else 0
                    candidate = (score + n_exact + closing, count, path)
                    if best is None or candidate[:2] > best[:2]:
                        best = candidate
                    continue
                nxt = tuple(s + v for s, v in zip(sums, rows[b], strict=True)) if use_total else ()
                if use_total and any(total[k] > 0 and nxt[k] > total[k] for k in range(q)):
                    continue
                candidate = (score + n_exact, count - 1, (*path, b))
                old = states[b].get(nxt)
                if old is None or candidate[:2] > old[:2]:
                    states[b][nxt] = candidate
    return best


def assign_levels(indicators: Sequence[Indicator], periods: Sequence[str], file: str | None) -> list[Problem]:
    """Set ``kategori`` (kegiatan / sub_kegiatan) on the rows under each programme; return what was guessed."""
    issues: list[Problem] = []
    groups: list[tuple[Subject | None, list[Subject]]] = []
    for s in subjects(indicators, periods):
        if s.is_program or not groups:
            groups.append((s if s.is_program else None, []))
            if s.is_program:
                continue
        groups[-1][1].append(s)
    for program, rows in groups:
        if not rows:
            continue
        heads, exact = split(program.rp if program else tuple(0 for _ in periods), [r.rp for r in rows])
        for row, head in zip(rows, heads, strict=True):
            for ind in row.indicators:
                ind.kategori = KEGIATAN if head else SUB_KEGIATAN
        silent = [r for r in rows[1:] if not any(r.rp)]
        if silent:
            where = silent[0].indicators[0].location
            issues.append(Problem(
                check="level_inferred", severity=Severity.WARNING, component="extract",
                message=f"{len(silent)} row(s) under '{program.name if program else 'the first programme'}' print no Rp, so no sum "
                        f"tells their level; the fewest kegiatan were assumed (first: '{silent[0].name}')",
                location=Location(file=file or where.file, page=where.page, line=where.line, table=where.table, row=where.row),
            ))
        kegiatan = [r for r, h in zip(rows, heads, strict=True) if h]
        for row, n_exact in zip(kegiatan, exact, strict=False):
            if n_exact == 0:
                where = row.indicators[0].location
                issues.append(Problem(
                    check="level_inferred", severity=Severity.WARNING, component="extract",
                    message=f"'{row.name}' taken for a kegiatan, though its Rp is the sum of the rows under it in no period "
                            "(the table prints no level; kegiatan and sub-kegiatan are told apart by their sums)",
                    location=Location(file=file or where.file, page=where.page, line=where.line, table=where.table, row=where.row),
                ))
    return issues

