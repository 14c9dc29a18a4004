"""Program / Output / Kegiatan budget lines of a PK, in any text layout.

A budget line ends with a rupiah amount (``<i>Rp</i>\\t6.500.705.000``, ``Rp. 79.534.353.000``).
Its level comes from its label: ``1.`` a program, ``Output Program:`` an output, ``a.`` a
kegiatan; a kegiatan belongs to the last output above it, or to the program.
"""

from __future__ import annotations

import regex as re

from core.problems import Location, Problem, Severity
from extract.models import BudgetLine
from extract.text.segment import Line
from normalize.text import clean_text, collapse
from normalize.values import Kind, parse_value

BUDGET_RE = re.compile(
    r"^(?P<label>\d{1,2}\.?(?=\s)|[a-z]{1,2}\.(?=\s))?\s*(?P<name>.*?\D)\s*(?P<rp>Rp\.?)\s*(?P<amount>\d[\d.,]*\d)\s*(?:,-)?$"
)
OUTPUT_PREFIX = re.compile(r"^Output\s+Program\s*:\s*", re.IGNORECASE)


def budget_text(line: Line) -> str:
    """The line as one string: tab cells joined by spaces, HTML stripped."""
    return clean_text(" ".join(line.raw.split("\t")))


def is_budget_line(line: Line) -> bool:
    return bool(BUDGET_RE.match(budget_text(line)))


def read_budget(lines: list[Line], file: str) -> tuple[list[BudgetLine], list[Problem]]:
    out: list[BudgetLine] = []
    issues: list[Problem] = []
    program: BudgetLine | None = None
    output: BudgetLine | None = None
    for line in lines:
        text = budget_text(line)
        m = BUDGET_RE.match(text)
        if not m:
            continue
        label = m.group("label")
        name = collapse(m.group("name"))
        raw_amount = f"{m.group('rp')} {m.group('amount')}"
        value = parse_value(raw_amount, expect=Kind.RUPIAH)
        loc = Location(file=file, line=line.no, cell=raw_amount)
        if OUTPUT_PREFIX.match(name):
            level, name, parent = "output", OUTPUT_PREFIX.sub("", name), program
        elif label and label[0].isdigit():
            level, parent = "program", None
        elif label:
            level, parent = "kegiatan", output or program
        elif name.casefold().startswith("program"):
            level, parent = "program", None
        else:
            level, parent = "kegiatan", output or program
        entry = BudgetLine(
            level=level, label=label, name=name, amount=value.amount, value=value,
            parent=parent.name if parent else None, location=loc,
        )
        for vi in value.issues:
            issues.append(Problem(check=vi.check, severity=Severity.WARNING, component="normalize", message=vi.message, location=loc))
        if value.amount is None:
            issues.append(Problem(
                check="budget_amount_unreadable", severity=Severity.ERROR,
                message=f"budget line '{name}' has no readable amount", location=loc,
            ))
        out.append(entry)
        if level == "program":
            program, output = entry, None
        elif level == "output":
            output = entry
    return out, issues
