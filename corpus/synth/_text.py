"""Write document flows as a text rendering, in the shape of the seed renderings (``corpus/seeds/*.txt``).

Titles in ``**…**``, paragraphs and ``Nama : …`` lines as they are, a table as one line per row with
its cells between tabs (a merged cell printed in its first cell, the cells it covers left empty), the
signature blocks one after the other, a blank line between items.
What the text prints is the spec's cells, nothing else: the truth of the spec is the text's truth.
"""

from __future__ import annotations

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


def _table(t: TableSpec) -> list[str]:
    return ["\t".join(" ".join(cell.split()) for cell in row) for row in t.rows]


def _signatures(s: Signatures) -> list[str]:
    out = [s.place_date, ""] if s.place_date else []
    for signer in s.signers:
        out += [*signer.above, "", "", signer.name, *signer.below, ""]
    return out


def text_bytes(docs: list[DocSpec]) -> bytes:
    """The documents' flows as one UTF-8 text rendering (documents one after the other, as in one file)."""
    lines: list[str] = []
    for spec in docs:
        for item in spec.flow:
            if isinstance(item, Title):
                lines += ["**" + "\n".join(item.lines) + "**", ""]
            elif isinstance(item, Para):
                lines += [item.text, ""]
            elif isinstance(item, KeyValues):
                lines += [f"{key} : {value}" for key, value in item.pairs] + [""]
            elif isinstance(item, TableSpec):
                lines += [*_table(item), ""]
            elif isinstance(item, Signatures):
                lines += _signatures(item)
            elif isinstance(item, (PageBreak, Gap)):
                lines.append("")
        lines += ["", ""]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
