"""Problems are data: every issue met while reading or scoring a document is a :class:`Problem`.

Each problem type has a stable slug (``check``), a severity, a human message and a
:class:`Location` that says where to look (file, page or line, table, row, raw cell).
Stages *collect* problems; they never raise for a bad document. (The audit's findings,
:class:`audit.models.Finding`, compare several documents: they carry a check id of the audit
registry, a severity and evidence with a :class:`Location` on each side.)
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.i18n import Text, name_terms


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_NAMES = name_terms(Severity, {
    Severity.ERROR: Text("kesalahan", "error"),
    Severity.WARNING: Text("peringatan", "warning"),
    Severity.INFO: Text("info", "info"),
})


class Location(BaseModel):
    """Where a problem or a value sits in its source.

    ``line`` is the 1-based line in a text rendering; ``page`` the 1-based page of a PDF.
    """

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    sheet: str | None = None  # a spreadsheet's sheet, with ``ref`` its cell ("B12") or row ("12:12")
    ref: str | None = None

    def short(self) -> str:
        """A compact human form, e.g. ``000.txt:L22 table 1 row 3 [Target] '34,9 4%'``, or for a
        spreadsheet ``renja.xlsx!TW IV!P14 [realisasi:Q1] '15%'``."""
        parts: list[str] = []
        where = self.file or "?"
        if self.sheet is not None:
            where += f"!{self.sheet}!{self.ref or ''}"
        if self.page is not None:
            where += f" p.{self.page}"
        if self.line is not None:
            where += f":L{self.line}"
        parts.append(where)
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"[{self.column}]")
        if self.cell is not None:
            parts.append(repr(self.cell))
        return " ".join(parts)


class Problem(BaseModel):
    """One problem met while reading or scoring a document (component ``extract``, ``normalize``
    or ``score``); the audit's findings are :class:`audit.models.Finding`, worded through the
    check registry."""

    model_config = ConfigDict(frozen=True)

    check: str
    severity: Severity
    message: str
    component: str = "extract"
    location: Location = Location()

    def __str__(self) -> str:  # pragma: no cover - convenience
        return f"{self.severity}:{self.check}: {self.message} @ {self.location.short()}"
