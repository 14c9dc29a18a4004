"""Align the indicators of a dossier's documents to its reference document (the PK).

Pairs are found by indicator code, then by exact name, then by fuzzy name (rapidfuzz), and
last by position: an indicator left between two aligned neighbours pairs with the one left
between their partners. Every pair records how it was made and its name similarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from core.i18n import Text, name_terms
from extract.models import Document, Indicator
from normalize.text import clean_text

FUZZY_ACCEPT = 85.0
POSITION_FLOOR = 40.0


class AlignMethod(StrEnum):
    """How two indicators were paired (``none``: an indicator without a partner)."""

    CODE = "code"
    NAME = "name"
    FUZZY = "fuzzy"
    POSITION = "position"
    NONE = "none"


ALIGN_METHOD_NAMES = name_terms(AlignMethod, {
    AlignMethod.CODE: Text("kode", "code"),
    AlignMethod.NAME: Text("nama", "name"),
    AlignMethod.FUZZY: Text("kemiripan nama", "fuzzy name"),
    AlignMethod.POSITION: Text("urutan", "position"),
    AlignMethod.NONE: Text("tanpa pasangan", "none"),
})


@dataclass(frozen=True)
class Pair:
    ref: Indicator | None
    other: Indicator | None
    method: AlignMethod
    similarity: float


def similarity(a: str, b: str) -> float:
    """Name similarity in percent, insensitive to case, spacing and word order.

    >>> similarity("Indeks kualitas pengelolaan Keuangan BA 015", "Indeks Kualitas Pengelolaan keuangan BA015")
    100.0
    """
    x, y = clean_text(a).casefold(), clean_text(b).casefold()
    if x.replace(" ", "") == y.replace(" ", ""):
        return 100.0
    return round(max(fuzz.token_sort_ratio(x, y), fuzz.ratio(x, y)), 1)


def align(ref: Document, other: Document) -> list[Pair]:
    """Pairs in the reference order, then the other document's unmatched indicators."""
    refs, others = ref.indicators, other.indicators
    match: dict[int, tuple[int, AlignMethod, float]] = {}
    used: set[int] = set()

    def take(i: int, j: int, method: AlignMethod) -> None:
        match[i] = (j, method, similarity(refs[i].name, others[j].name))
        used.add(j)

    code_index = {o.code: j for j, o in enumerate(others) if o.code}
    for i, r in enumerate(refs):
        if r.code and r.code in code_index and code_index[r.code] not in used:
            take(i, code_index[r.code], AlignMethod.CODE)
    name_index: dict[str, int] = {}
    for j, o in enumerate(others):
        name_index.setdefault(o.name_key, j)
    for i, r in enumerate(refs):
        if i not in match and r.name_key in name_index and name_index[r.name_key] not in used:
            take(i, name_index[r.name_key], AlignMethod.NAME)
    candidates = sorted(
        (
            (similarity(r.name, o.name), i, j)
            for i, r in enumerate(refs) if i not in match
            for j, o in enumerate(others) if j not in used
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score < FUZZY_ACCEPT:
            break
        if i not in match and j not in used:
            take(i, j, AlignMethod.FUZZY)
    # position: a gap of one between aligned neighbours on both sides
    for i in range(len(refs)):
        if i in match:
            continue
        before = match.get(i - 1)
        after = match.get(i + 1)
        lo = before[0] if before else (-1 if i == 0 else None)
        hi = after[0] if after else (len(others) if i == len(refs) - 1 else None)
        if lo is None or hi is None or hi - lo != 2:
            continue
        j = lo + 1
        if j not in used and similarity(refs[i].name, others[j].name) >= POSITION_FLOOR:
            take(i, j, AlignMethod.POSITION)

    pairs = [
        Pair(r, others[match[i][0]], match[i][1], match[i][2]) if i in match else Pair(r, None, AlignMethod.NONE, 0.0)
        for i, r in enumerate(refs)
    ]
    pairs += [Pair(None, o, AlignMethod.NONE, 0.0) for j, o in enumerate(others) if j not in used]
    return pairs
