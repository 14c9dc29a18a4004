"""The HTML audit report: one self-contained page (inline CSS and SVG, no script, nothing fetched).

The page is drawn by ``templates/report.html.j2`` from the typed view of :mod:`report.view`,
with autoescaping on: every text that comes from a document is escaped, so an indicator named
``<script>alert(1)</script>`` shows that text and runs nothing. A Content-Security-Policy meta
tag forbids scripts and fetches as a second line of defence.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from report.i18n import labels
from report.input import RunData
from report.view import build

TEMPLATES = Path(__file__).parent / "templates"
REPORT_NAME = "report.html"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render(result: RunData, *, lang: str = "id") -> str:
    """The report of one run as an HTML string; ``lang`` is ``id`` (default) or ``en``."""
    view = build(result, labels(lang))
    return environment().get_template("report.html.j2").render(view=view)
