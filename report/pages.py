"""The report of a large batch: ``report.html`` a summary with an index, and a page per dossier
(``report/<dossier>.html``); still self-contained files that link each other, no server.

A batch of more than :data:`PAGES_FROM_DOSSIERS` dossiers or :data:`PAGES_FROM_DOCUMENTS`
documents gets pages; a smaller one the single page of :mod:`report.html`. Each dossier's page
is drawn when its dossier is done, from its own documents, so drawing the report never holds the
batch. The summary lists the first :data:`LISTED` failed inputs and documents outside any
dossier (``manifest.json`` has every input) and indexes :data:`INDEX_PAGE` dossiers a page
(``report/index-002.html``, ...).
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.models import Document, Status
from report.html import REPORT_NAME, environment
from report.i18n import Labels
from report.view import (
    DossierPage,
    IndexRow,
    SummaryView,
    anchor,
    build_dossier,
    build_overview,
)
from store import DossierResult, StoreRun

PAGES_FROM_DOSSIERS = 50
PAGES_FROM_DOCUMENTS = 400
LISTED = 500
INDEX_PAGE = 1000


def wants_pages(*, documents: int, dossiers: int) -> bool:
    return dossiers > PAGES_FROM_DOSSIERS or documents > PAGES_FROM_DOCUMENTS


def dossier_href(dossier_id: str) -> str:
    return f"{anchor(dossier_id)}.html"


def dossier_page(result: DossierResult, docs: list[Document], lb: Labels) -> str:
    """The page of one dossier, from its own documents (any process may draw it)."""
    view = DossierPage(lb, build_dossier(result.dossier, docs, result.alignment, result.scores, result.skp, lb),
                       back=f"../{REPORT_NAME}")
    return environment().get_template("dossier.html.j2").render(view=view)


def summary_pages(run: StoreRun, lb: Labels) -> Iterator[tuple[str, bool, str]]:
    """The summary and index pages of a run, each as (name, whether it is ``OUT/report.html``
    rather than a page in ``OUT/report/``, its HTML)."""
    failed, failed_n = [], 0
    for e in run.index.manifest():
        if e.status is Status.FAILED:
            failed_n += 1
            if len(failed) < LISTED:
                failed.append(e)
    outside_ids = run.index.outside()
    outside = run.documents_of(outside_ids[:LISTED])
    unassigned = run.unassigned_findings(LISTED)
    overview = build_overview(lb, run, failed, outside, unassigned)
    rows = list(_index(run))
    pages = max(1, -(-len(rows) // INDEX_PAGE))
    names = [REPORT_NAME] + [f"index-{n:03d}.html" for n in range(2, pages + 1)]
    env = environment().get_template("summary.html.j2")
    for n in range(pages):
        here_top = n == 0  # OUT/report.html; the other index pages are in OUT/report/
        hrefs = tuple((str(k + 1), _relative(names[k], k == 0, here_top)) for k in range(pages))
        prefix = "report/" if here_top else ""
        index = tuple(IndexRow(prefix + r.href, r.dossier_id, r.unit, r.year, r.documents, r.findings, r.errors,
                               r.warnings) for r in rows[n * INDEX_PAGE:(n + 1) * INDEX_PAGE])
        view = SummaryView(
            lb, overview, len(rows),
            lb.more_listed.format(n=failed_n - len(failed), file="manifest.json") if failed_n > len(failed) else None,
            lb.more_listed.format(n=len(outside_ids) - len(outside), file="tables/documents.csv")
            if len(outside_ids) > len(outside) else None,
            index, hrefs, n + 1,
        )
        yield names[n], here_top, env.render(view=view)


def _index(run: StoreRun) -> Iterator[IndexRow]:
    for _pos, ident, unit, year, documents, findings, errors, warnings, _fp, _lone in run.index.dossier_rows():
        yield IndexRow(dossier_href(ident), ident, unit or ident, year, documents, findings or 0, errors or 0,
                       warnings or 0)


def _relative(name: str, top: bool, from_top: bool) -> str:
    """The link to index page ``name`` (``top``: it is OUT/report.html) from a page at the top or in report/."""
    if top:
        return name if from_top else f"../{name}"
    return f"report/{name}" if from_top else name
