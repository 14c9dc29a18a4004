"""The flat rows of extracted documents (``documents.csv`` and its siblings)."""

from __future__ import annotations

from extract import read_file
from extract.rows import document_rows
from tests.golden import ROOT


def test_a_partial_documents_row_names_the_checks_that_made_it_partial_and_an_ok_ones_none() -> None:
    sheet = read_file(ROOT / "tests" / "fixtures" / "pdf" / "rendyirawann__esakip-v2__EVALUASI_RENJA_BAPPEDALITBANG_TAHUN_2025.xlsx")
    seed = read_file(ROOT / "corpus" / "seeds" / "003_8279123244737d0f.txt")
    rows = [(r.doc_type, r.status, r.issues, r.doubts) for r in document_rows(sheet.documents + seed.documents)]
    # two issues, one a note (info, its hidden rows): the warning is what made it partial, as the file's reason
    # says (its "1.970"s are numbers stored in a thousands format: no separator doubt)
    assert rows[0] == ("evaluasi_renja", "partial", 2, "level_inferred")
    assert sheet.reason == "partial: level_inferred"
    assert rows[1:] == [("pk", "ok", 0, None), ("rencana_aksi", "ok", 0, None)]
