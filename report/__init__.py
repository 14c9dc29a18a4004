"""report: the HTML audit report for people, drawn from the typed results (never written here:
:mod:`emit` writes every file).

* :mod:`report.view`: the typed view of a run or of one dossier (overview, IKU targets, capaian
  colours, findings, budget tree, consistency), its words from :mod:`report.i18n` in ``id`` or ``en``;
* :func:`report.html.render`: ``OUT/report.html``, one self-contained page (overview, then a
  section per dossier);
* :mod:`report.pages`: a large batch's summary, index and a page per dossier.
"""

from __future__ import annotations

from report.html import render

__all__ = ["render"]
