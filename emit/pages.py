"""The report's files: ``OUT/report.html`` of a run held in memory, and the pages of a large
batch (a dossier's page as its dossier is done, the summary and index pages at the end), each
written atomically. :mod:`report.html` and :mod:`report.pages` draw them."""

from __future__ import annotations

from pathlib import Path

from core.files import write_text
from extract.models import Document
from report.html import REPORT_NAME, render
from report.i18n import labels
from report.input import RunData
from report.pages import dossier_href, dossier_page, summary_pages
from store import DossierResult, Layout, StoreRun, write_file
from store.read import load_documents


def write_report(result: RunData, out: Path, *, lang: str = "id") -> Path:
    """Write ``out/report.html`` atomically (temporary file, then rename) and return its path."""
    path = out / REPORT_NAME
    write_text(path, render(result, lang=lang))
    return path


class PageWriter:
    """Writes each dossier's page as it comes, then the summary and index pages."""

    def __init__(self, layout: Layout, *, lang: str = "id") -> None:
        self.layout, self.labels = layout, labels(lang)
        self.written: set[str] = set()

    def render(self, result: DossierResult, docs: list[Document]) -> str:
        """The page of one dossier (from its own documents; any process may draw it)."""
        return dossier_page(result, docs, self.labels)

    def add(self, result: DossierResult, docs: list[Document] | None = None, page: str | None = None) -> None:
        """Write the dossier's page (drawn here unless ``page`` is given)."""
        if page is None:
            page = self.render(result, docs if docs is not None else load_documents(self.layout, result.dossier.doc_ids))
        name = dossier_href(result.dossier.dossier_id)
        write_file(self.layout.pages / name, page)
        self.written.add(name)

    def close(self, run: StoreRun) -> None:
        """Write the summary and index pages; remove the pages of an earlier run that this one has not."""
        for name, top, html in summary_pages(run, self.labels):
            if top:
                write_file(self.layout.out / name, html)
            else:
                write_file(self.layout.pages / name, html)
                self.written.add(name)
        for stale in self.layout.pages.glob("*.html"):
            if stale.name not in self.written:
                stale.unlink()

    @staticmethod
    def remove_pages(layout: Layout) -> None:
        """A small batch's single page replaces the pages of an earlier, larger run."""
        if layout.pages.is_dir():
            for page in layout.pages.glob("*.html"):
                page.unlink()
            if not any(layout.pages.iterdir()):
                layout.pages.rmdir()
