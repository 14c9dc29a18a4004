"""The report of a large batch: a summary page with an index, and a page per dossier."""

from __future__ import annotations

import shutil

from store import DossierResult, Layout

PAGES_FROM_DOSSIERS = 50
PAGES_FROM_DOCUMENTS = 400


def wants_pages(*, documents: int, dossiers: int) -> bool:
    return dossiers > PAGES_FROM_DOSSIERS or documents > PAGES_FROM_DOCUMENTS


class PageWriter:
    def __init__(self, layout: Layout, *, lang: str = "id") -> None:
        self.layout, self.lang = layout, lang

    def add(self, result: DossierResult, docs) -> None:
        pass

    def close(self, run) -> None:
        pass

    @staticmethod
    def remove_pages(layout: Layout) -> None:
        if layout.pages.is_dir():
            shutil.rmtree(layout.pages)
