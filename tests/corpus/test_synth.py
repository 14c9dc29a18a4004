"""corpus.synth: reproducible files with their truth, the benchmark's scoring, and an accuracy floor.

The floors are a regression guard set a little under the accuracy measured on this fixed sample
(tests/corpus/synth_sample.py), not a goal: when extraction improves, raise them.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from benchmarks.accuracy import OURS, overall_fields, run_all
from benchmarks.synth_score import OVERALL_FIELDS, score_cells, score_fields
from extract.models import Target
from extract.read import read_file
from corpus.synth import LAYOUT_KINDS, OFFICE_MEDIA, ScanParams, TruthFile, generate, generate_office, scan_pdf
from extract.pdf import tesseract
from tests.corpus.synth_sample import DIGITAL, SCANS, SEED, perfect_documents, perfect_tables, sample_truth

# measured on this sample (see the commit that sets them); a little under, so noise does not fail CI
DIGITAL_FLOOR = 0.94  # measured 0.950 (3,454 of 3,636 fields) on 2026-12-05 (session 9; was 0.945 after branches digital, sheet, scan; #18)
SCAN_FLOOR = 0.68  # measured 0.706 (254 of 360 fields) on 2026-12-05 (session 12; was 0.465 after branch scan, 0.069 before)
CLEAN_SCAN_FLOOR = 0.93  # file 30 scanned clean (200 dpi, 0.4°, no noise): measured 0.968 (60 of 62; was 0.710), as its digital twin


def _page_texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


@pytest.mark.parametrize("index", [0, 5, 11])
def test_same_seed_and_index_give_the_same_file(index: int) -> None:
    a, b = generate(SEED, index), generate(SEED, index)
    assert a.truth.to_json() == b.truth.to_json()
    assert _page_texts(a.pdf) == _page_texts(b.pdf)
    assert a.pdf == b.pdf  # reportlab's invariant mode: no timestamps, no random ids
    other = generate(SEED + 1, index)
    assert other.truth.to_json() != a.truth.to_json()


def test_a_scan_is_reproducible_and_has_no_text_layer() -> None:
    a, b = generate(SEED, SCANS[0], scan=True), generate(SEED, SCANS[0], scan=True)
    assert a.pdf == b.pdf
    assert a.truth.to_json() == b.truth.to_json()
    assert all(not t.strip() for t in _page_texts(a.pdf))
    digital = generate(SEED, SCANS[0])
    assert [d.indicators for d in a.truth.documents] == [d.indicators for d in digital.truth.documents]
    assert a.truth.slice["mode"] == "scan" and a.truth.scan["dpi"] in ("150", "200", "300")


def test_truth_round_trips_through_json() -> None:
    t = sample_truth(3)
    assert TruthFile.from_json(t.to_json()) == t


def test_truth_values_follow_the_grammar() -> None:
    """Spot checks on the truth itself: NIPs of 18 digits, values that are what the raw text says."""
    seen_raw = set()
    for index in DIGITAL:
        for doc in sample_truth(index).documents:
            for p in doc.parties:
                assert p.nip is None or (len(p.nip) == 18 and p.nip.isdigit() and p.nip[14] in "12")
            for ind in doc.indicators:
                for t in ind.targets:
                    seen_raw.add(t.raw)
                    if t.raw in ("-", "N/A") or t.vkind in ("grade", "opinion", "range"):
                        assert t.value is None
                    if t.vkind == "percent_split":
                        assert " " in t.raw and t.raw.endswith("%")
    assert {"-", "WTP"} <= seen_raw or {"N/A", "WTP"} <= seen_raw


def test_the_sample_covers_every_slice_value() -> None:
    slices: dict[str, set[str]] = {}
    for index in DIGITAL:
        tf = sample_truth(index)
        for k, v in tf.slice.items():
            slices.setdefault(k, set()).add(v)
        for d in tf.documents:
            slices.setdefault("kind", set()).add(d.layout_kind)
    assert slices["kind"] == set(LAYOUT_KINDS)
    assert slices["ruling"] == {"grid", "rows", "header", "none", "bands", "shaded_header", "double"}
    assert slices["font"] == {"sans", "serif", "narrow", "wide_sans"}
    assert slices["h_quarter"] == {"q", "tw", "triwulan", "roman"}
    assert slices["orientation"] == {"portrait", "landscape", "mixed"}
    assert slices["docs_per_file"] == {"1", "2+"}


def test_a_perfect_reading_scores_every_field_and_cell() -> None:
    for index in (0, 1, 2, 3, 4):
        tf = sample_truth(index)
        fields = score_fields(tf, perfect_documents(tf))
        assert fields and all(f.ok for f in fields), [f for f in fields if not f.ok][:3]
        cells = score_cells(tf, perfect_tables(tf))
        assert cells and all(c.ok for c in cells), [c for c in cells if not c.ok][:3]


def test_a_missing_row_costs_only_its_own_fields() -> None:
    tf = next(t for t in map(sample_truth, DIGITAL) if len(t.documents[0].indicators) >= 3)
    docs = perfect_documents(tf)
    dropped = docs[0].indicators.pop(1)
    wrong = [f for f in score_fields(tf, docs) if not f.ok]
    truth_ind = tf.documents[0].indicators[1]
    expected = 1 + bool(truth_ind.code) + bool(truth_ind.sasaran) + 2 * len(truth_ind.targets)
    assert len(wrong) == expected
    assert {f.where.split(" [")[0] for f in wrong} == {dropped.name}


def test_an_invented_row_costs_one_field() -> None:
    tf = sample_truth(0)
    docs = perfect_documents(tf)
    docs[0].indicators.append(docs[0].indicators[0].model_copy(update={"name": "Jumlah baris yang tidak ada di dokumen"}))
    wrong = [f for f in score_fields(tf, docs) if not f.ok]
    assert [(f.field, f.got) for f in wrong] == [("extra_indicator", "Jumlah baris yang tidak ada di dokumen")]


def test_a_wrong_value_costs_its_raw_and_value_fields() -> None:
    tf = sample_truth(0)
    docs = perfect_documents(tf)
    ind = docs[0].indicators[0]
    t0 = ind.targets[0]
    ind.targets[0] = replace_target(t0, raw="12345", value="12345")
    wrong = sorted(f.field for f in score_fields(tf, docs) if not f.ok)
    assert wrong == ["target_raw", "target_value"]


def replace_target(t: Target, raw: str, value: str) -> Target:
    """The target with another printed text and value."""
    return t.model_copy(update={"value": t.value.model_copy(update={"raw": raw, "value": Decimal(value)})})


def _accuracy(runs) -> float:
    fields = overall_fields(runs)
    return sum(f.ok for f in fields) / len(fields)


def test_digital_accuracy_floor(tmp_path: Path) -> None:
    runs = run_all(SEED, DIGITAL, False, tmp_path)
    acc = _accuracy(runs)
    assert len(runs) == len(DIGITAL) and all(OURS in r.cells for r in runs)
    assert acc >= DIGITAL_FLOOR, f"field accuracy {acc:.4f} fell under the floor {DIGITAL_FLOOR}"


@pytest.mark.ocr
def test_scan_accuracy_floor(tmp_path: Path) -> None:
    if not tesseract.available():
        if os.environ.get("CI"):
            pytest.fail("tesseract with ind+eng must be installed in CI (setup.sh APT_PACKAGES)")
        pytest.skip("tesseract with ind+eng is not installed")
    runs = run_all(SEED, SCANS, True, tmp_path)
    acc = _accuracy(runs)
    assert acc >= SCAN_FLOOR, f"scan field accuracy {acc:.4f} fell under the floor {SCAN_FLOOR}"


@pytest.mark.ocr
def test_a_clean_scan_reads_as_well_as_its_digital_twin(tmp_path: Path) -> None:
    """The OCR path on a fair scan (no noise, 200 dpi, 0.4° skew): the same fields as the digital file."""
    if not tesseract.available():
        if os.environ.get("CI"):
            pytest.fail("tesseract with ind+eng must be installed in CI (setup.sh APT_PACKAGES)")
        pytest.skip("tesseract with ind+eng is not installed")
    g = generate(SEED, 30)
    path = tmp_path / "clean_scan.pdf"
    path.write_bytes(scan_pdf(g.pdf, ScanParams(200, 0.4, 0.0, 0.0, "normal", 85, -1, 0, False), noise_seed=1))
    fields = [f for f in score_fields(g.truth, read_file(path).documents) if f.field in OVERALL_FIELDS]
    acc = sum(f.ok for f in fields) / len(fields)
    assert acc >= CLEAN_SCAN_FLOOR, f"clean scan field accuracy {acc:.4f} fell under {CLEAN_SCAN_FLOOR}"


@pytest.mark.parametrize("medium", OFFICE_MEDIA)
def test_a_dossier_typed_into_an_office_file_holds_the_documents_of_its_pdf(medium: str) -> None:
    office, pdf = generate_office(SEED, 16, medium), generate(SEED, 16)
    assert office.data == generate_office(SEED, 16, medium).data
    assert office.truth.file == f"synth_s{SEED}_00016.{medium}" and office.truth.slice["mode"] == medium
    assert [(d.kind, d.indicators, d.budget, d.parties) for d in office.truth.documents] == \
        [(d.kind, d.indicators, d.budget, d.parties) for d in pdf.truth.documents]


@pytest.mark.parametrize("medium", OFFICE_MEDIA)
def test_dossiers_typed_into_office_files_read_as_drawn(tmp_path: Path, medium: str) -> None:
    """Every field of 16 generated dossiers as Word files and as workbooks, the sasaran included: measured
    100 % on 60 files of seed 1 and 200 of seed 2 in both media (a sasaran set as a band, a budget header
    led by its programme column and a bracketed column numbering were misread before; 2026-12-07)."""
    runs = run_all(SEED, range(16), False, tmp_path, medium=medium)
    wrong = [(f.file, f.field, f.truth, f.got) for r in runs for f in r.fields if not f.ok]
    assert len(runs) == 16 and sum(len(r.fields) for r in runs) == 1828
    assert wrong == []
