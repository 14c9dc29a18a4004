"""report: the run for people -- an HTML audit report and an Excel workbook.

* :func:`report.html.render` / :func:`report.html.write_report`: ``OUT/report.html``, one
  self-contained page per batch (overview, then a section per dossier);
* :func:`report.xlsx.write_workbook`: ``OUT/kinerja.xlsx``, one sheet per table.
"""

from __future__ import annotations

from report.html import render, write_report
from report.xlsx import WORKBOOK_NAME, write_workbook

__all__ = ["WORKBOOK_NAME", "render", "write_report", "write_workbook"]
