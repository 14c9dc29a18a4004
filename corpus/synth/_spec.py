"""What a generated document prints, before typesetting: a flow of titles, paragraphs, key-value
lines, tables and signature blocks. _draw builds it (with the truth beside it), _render typesets it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Para:
    text: str
    align: str = "justify"  # justify | left | center | right
    bold: bool = False


@dataclass(frozen=True)
class KeyValues:
    """``Nama    : Agus Santoso`` lines, labels aligned."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableSpec:
    """A table: ``rows`` are printed cells (header rows first); ``spans`` merge cells
    ((col0, row0), (col1, row1)) inclusive; ``roles`` name each column's content for widths
    (no, code, sasaran, indicator, value, amount, text, label, rp); ``bands`` are rows that
    span the whole width (a sasaran heading, ``A. UTAMA``)."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int
    roles: tuple[str, ...]
    spans: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    bands: tuple[int, ...] = ()
    kind: str = "data"  # data | budget | parties | budget_lines
    value_rows: tuple[int, ...] = ()  # rows whose value cells may overflow


@dataclass(frozen=True)
class Signer:
    above: tuple[str, ...]  # role label, jabatan lines
    name: str
    below: tuple[str, ...] = ()  # pangkat, NIP line


@dataclass(frozen=True)
class Signatures:
    signers: tuple[Signer, ...]
    place_date: str | None = None  # printed over the last signer (right) or over all (stacked)


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Gap:
    lines: float = 1.0


Flow = Title | Para | KeyValues | TableSpec | Signatures | PageBreak | Gap


@dataclass
class DocSpec:
    flow: list[Flow] = field(default_factory=list)
    wide: bool = False  # a table wide enough to want a landscape page
