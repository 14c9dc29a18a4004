"""The report of a large batch: a summary with an index, a page per dossier."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import RunOptions, run
from report.pages import wants_pages
from tests.golden import ROOT
from tests.report.test_html import dom

SEEDS = ROOT / "corpus" / "seeds"
PERBEN = "2024-direktur-jenderal-perbendaharaan"


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("paged")
    run([SEEDS], RunOptions(out=out, executor="inline", use_cache=False, report_pages=True))
    return out


def test_a_large_batch_gets_pages() -> None:
    assert not wants_pages(documents=13, dossiers=3)
    assert wants_pages(documents=13, dossiers=51) and wants_pages(documents=401, dossiers=3)


def test_summary_indexes_a_page_per_dossier(paged: Path) -> None:
    summary = (paged / "report.html").read_text(encoding="utf-8")
    root = dom(summary)
    assert not root.find_all("section", "dossier"), "the dossiers are on their own pages"
    links = [a.attrs["href"] for a in root.find_all("a")]
    assert links == [f"report/dossier-{d}.html" for d in (
        "2024-direktur-jenderal-perimbangan-keuangan", PERBEN, "2024-badan-kepegawaian-daerah-provinsi-dki-jakarta")]
    rows = [[td.text for td in r.find_all("td")] for r in root.find_all("table", "index")[0].find_all("tr")[1:]]
    # 4 documents; budget_sum_mismatch x2 (error), sasaran_name_mismatch x2 (warning), one near-identical name (info)
    assert rows[1] == [PERBEN, "Direktur Jenderal Perbendaharaan", "2024", "4", "5", "2", "2"]
    tiles = {t.find_all("span", "l")[0].text: t.find_all("span", "n")[0].text for t in root.find_all("div", "tile")}
    assert tiles["Dokumen"] == "13" and tiles["Temuan"] == "32"
    assert sorted(p.name for p in (paged / "report").iterdir()) == sorted(link.split("/")[1] for link in links)


def test_a_dossier_page_is_self_contained_and_holds_its_findings(paged: Path) -> None:
    html = (paged / "report" / f"dossier-{PERBEN}.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "default-src 'none'" in html
    assert re.findall(r"""\b(?:src|href)\s*=\s*["']([^"'#][^"']*)""", html) == ["../report.html"]
    root = dom(html)
    (section,) = root.find_all("section", "dossier")
    group = next(g for g in section.find_all("details", "group") if "budget_sum_mismatch" in g.text)
    assert any("Rp 79.534.353.000" in r.text and "Rp 79.524.353.000" in r.text for r in group.find_all("tr", "finding"))


def test_a_smaller_rerun_removes_the_pages(paged: Path) -> None:
    run([SEEDS], RunOptions(out=paged, executor="inline", report_pages=False))
    assert not (paged / "report").exists()
    assert dom((paged / "report.html").read_text(encoding="utf-8")).find_all("section", "dossier")
