"""How a file is typeset and worded: one :class:`Style` drawn per file, recorded as its slice.

Every field is one slice parameter of the accuracy benchmark. The draw is a pure function of
the random stream it is given, so a file's style comes back with its (seed, index).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

FONTS = ("sans", "serif", "narrow", "wide_sans")  # families; _render resolves each to a font file or a standard font
RULINGS = ("grid", "rows", "header", "none", "bands", "shaded_header", "double")
SPACINGS = {"tight": (0.5, 1.05), "normal": (2.0, 1.2), "loose": (4.0, 1.3), "very_loose": (8.0, 1.5)}  # padding pt, leading factor
PADDINGS = {"touching": 0.5, "small": 2.0, "normal": 3.5, "wide": 6.0}  # cell side padding, pt


@dataclass(frozen=True)
class Style:
    font: str
    size: float  # body size, pt (8-12)
    ruling: str
    spacing: str
    padding: str
    valign: str  # TOP | MIDDLE
    orientation: str  # portrait | landscape | mixed (tables on landscape pages)
    repeat_header: bool  # a table running over pages repeats its header rows
    overflow: bool  # value columns narrower than their text: values cross the ruling line
    merge_sasaran: bool  # a sasaran's cell spans its indicator rows (else printed on the first row only)
    numbering_row: bool  # a (1) (2) (3) row under the header
    signature: str  # side | stacked
    nip_style: str  # plain | spaced (NIP 19650719 198503 2 002)
    names_upper: bool  # signers' names printed in capitals
    h_sasaran: str
    h_indikator: str
    h_target: str
    h_quarter: str  # q (Q1) | tw (TW I) | triwulan (Triwulan I) | roman (I under a Triwulan group label)
    budget_style: str  # table | lines
    code_style: str  # none | prefix (in the indicator cell) | column
    big_tables: bool  # many indicators in large type: tables run over pages

    def slice(self) -> dict[str, str]:
        """The style as slice parameters (strings; the size bucketed)."""
        out = {k: str(v) for k, v in asdict(self).items()}
        out["size"] = "8-9" if self.size < 9.5 else ("10-11" if self.size < 11.5 else "12")
        return out


def draw_style(rng: random.Random) -> Style:
    """One file's style; each parameter drawn on its own so every slice value gets documents."""
    size = rng.choice((8.0, 8.5, 9.0, 10.0, 10.5, 11.0, 12.0))
    return Style(
        font=rng.choice(FONTS),
        size=size,
        ruling=rng.choice(RULINGS),
        spacing=rng.choice(tuple(SPACINGS)),
        padding=rng.choice(tuple(PADDINGS)),
        valign=rng.choice(("TOP", "MIDDLE")),
        orientation=rng.choice(("portrait", "portrait", "landscape", "mixed")),
        repeat_header=rng.random() < 0.6,
        overflow=rng.random() < 0.2,
        merge_sasaran=rng.random() < 0.6,
        numbering_row=rng.random() < 0.3,
        signature=rng.choice(("side", "stacked")),
        nip_style=rng.choice(("plain", "spaced")),
        names_upper=rng.random() < 0.3,
        h_sasaran=rng.choice(("Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan", "Tujuan", "Sasaran")),
        h_indikator=rng.choice(("Indikator Kinerja", "IKU", "Indikator Sasaran", "Indikator Kinerja Utama")),
        h_target=rng.choice(("Target", "Target {year}", "Target Tahun {year}")),
        h_quarter=rng.choice(("q", "tw", "triwulan", "roman")),
        budget_style=rng.choice(("table", "lines")),
        code_style=rng.choice(("none", "none", "prefix", "column")),
        big_tables=rng.random() < 0.25,
    )
