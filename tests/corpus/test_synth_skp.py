"""The national SKP forms of corpus.synth: reproducible, read cell by cell in every medium, and
audited: every planted error is found and a consistent form reports nothing.

Each generation is read from a digital PDF (the templates' gridded rulings), a DOCX and an XLSX,
and (marked ``ocr``) from a scan; the e-Kinerja export from its XLSX. The figures over larger
samples, and for the unruled styles, are in docs/skp.md (``python -m benchmarks.skp_accuracy``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import score  # noqa: F401 - registers the checks of the printed SKP scores (score.skp_checks)
from audit import audit_documents
from benchmarks.skp_score import accuracy, score_document, score_file
from corpus.synth import (
    BKN_KINDS,
    LAYOUT_KINDS,
    MEDIA,
    PLANTABLE,
    TruthFile,
    generate,
    generate_skp,
)
from corpus.synth import ekinerja_export as export
from extract.pdf import tesseract
from extract.read import read_file

SEED = 7
SKP_CHECKS = {"skp_score_mismatch", "skp_arithmetic", "predikat_mismatch", "cascade_uncovered", "cascade_unknown_parent",
              "skp_period_mismatch"}
# measured on index 0 (a fair scan: 200 dpi, 0.3° skew, JPEG 80, a stamp): 0,947 0,849 0,833 0,952 1,000; a little under
SCAN_FLOORS = {"skp_pp46": 0.92, "skp_8_2021_jpt": 0.82, "skp_8_2021_ja": 0.80, "skp_6_2022": 0.92, "skp_6_2022_eval": 0.97}


def read(tmp_path: Path, g) -> list:
    path = tmp_path / g.truth.file
    path.write_bytes(g.data)
    return read_file(path).documents


def test_the_other_layouts_are_untouched() -> None:
    assert "skp_pp46" not in LAYOUT_KINDS and set(BKN_KINDS).isdisjoint(LAYOUT_KINDS)
    import json  # noqa: PLC0415

    docs = json.loads(generate(SEED, 0).truth.to_json())["documents"]
    assert docs and all("skp" not in d for d in docs)  # their truth JSON keeps its keys


@pytest.mark.parametrize("medium", MEDIA)
def test_a_form_is_reproducible(medium: str) -> None:
    a, b = generate_skp(SEED, 2, "skp_pp46", medium=medium), generate_skp(SEED, 2, "skp_pp46", medium=medium)
    assert a.data == b.data and a.truth == b.truth
    assert TruthFile.from_json(a.truth.to_json()) == a.truth
    assert generate_skp(SEED, 3, "skp_pp46", medium=medium).data != a.data


@pytest.mark.parametrize("medium", MEDIA)
@pytest.mark.parametrize("kind", BKN_KINDS)
def test_every_form_reads_every_cell(tmp_path: Path, kind: str, medium: str) -> None:
    for index in (0, 1):
        g = generate_skp(SEED, index, kind, medium=medium)
        fields = score_file(g.truth, read(tmp_path, g))
        assert fields and all(f.ok for f in fields), [(f.field, f.truth, f.got, f.where) for f in fields if not f.ok][:5]


def test_every_generation_prints_what_its_truth_says() -> None:
    """Spot checks on the truth: the forms' own words and numbers."""
    pp46 = generate_skp(SEED, 0, "skp_pp46").truth.documents[0]
    assert pp46.skp.form == "skp_pp46_2011" and pp46.skp.period.startswith("Jangka Waktu Penilaian 2 Januari s.d. 31 Desember")
    kegiatan = [i for i in pp46.skp.items if i.section == "utama"]
    cells = dict(kegiatan[0].cells)
    assert {"t:kuantitas", "r:kuantitas", "t:kualitas", "r:kualitas", "t:waktu", "r:waktu", "t:biaya", "perhitungan", "nilai"} <= set(cells)
    values = dict(pp46.skp.values)
    assert values["nilai_kinerja:label"] in ("Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk")
    jpt = generate_skp(SEED, 0, "skp_8_2021_jpt").truth.documents[0]
    assert dict(jpt.skp.values)["nilai_skp"] and all(dict(i.cells)["tertimbang"] for i in jpt.skp.items)
    ev = generate_skp(SEED, 0, "skp_6_2022_eval").truth.documents[0]
    assert {k for k, _ in ev.skp.values} == {"capaian_organisasi", "pola_distribusi", "rating_hasil_kerja", "rating_perilaku", "predikat"}


@pytest.mark.parametrize("medium", MEDIA)
@pytest.mark.parametrize("kind", BKN_KINDS)
def test_planted_errors_are_found_and_consistent_forms_are_silent(tmp_path: Path, kind: str, medium: str) -> None:
    for plant in (None, *PLANTABLE.get(kind, ())):
        g = generate_skp(SEED, 4, kind, medium=medium, plant=plant)
        (tmp_path / (plant or "none")).mkdir(exist_ok=True)
        path = tmp_path / (plant or "none") / g.truth.file
        path.write_bytes(g.data)
        found = sorted(f"{f.check}:{f.params.get('element', '')}" for f in audit_documents(read_file(path).documents).findings
                       if f.check in SKP_CHECKS)
        assert found == sorted(g.truth.documents[0].skp.planted), (plant, found)
        assert (plant is None) == (found == [])


def test_an_ekinerja_export_reads_every_evaluation(tmp_path: Path) -> None:
    data, truths = export(SEED, n_pegawai=3)
    path = tmp_path / "ekinerja_export.xlsx"
    path.write_bytes(data)
    docs = read_file(path).documents
    assert len(docs) == len(truths) == 15  # three pegawai, four triwulan and the year
    fields = [f for t, d in zip(truths, docs, strict=True) for f in score_document(path.name, t, d)]
    assert accuracy(fields) == 1.0, [(f.field, f.truth, f.got) for f in fields if not f.ok][:5]
    assert [d.skp.period.quarter for d in docs[:5]] == [1, 2, 3, 4, None]


@pytest.mark.parametrize("plant", ["predikat_mismatch", "skp_score_mismatch"])
def test_an_ekinerja_export_with_a_planted_error(tmp_path: Path, plant: str) -> None:
    data, truths = export(SEED, n_pegawai=2, plant=plant)
    path = tmp_path / "export.xlsx"
    path.write_bytes(data)
    result = audit_documents(read_file(path).documents)
    found = sorted(f"{f.check}:{f.params.get('element', '')}" for f in result.findings if f.check in SKP_CHECKS)
    assert found == sorted(p for t in truths for p in t.skp.planted)


@pytest.mark.ocr
@pytest.mark.parametrize("kind", BKN_KINDS)
def test_a_scan_of_every_generation(tmp_path: Path, kind: str) -> None:
    if not tesseract.available():
        if os.environ.get("CI"):
            pytest.fail("tesseract with ind+eng must be installed in CI (setup.sh APT_PACKAGES)")
        pytest.skip("tesseract with ind+eng is not installed")
    g = generate_skp(SEED, 0, kind, scan=True)
    docs = read(tmp_path, g)  # one OCR of the file (10-25 s) for both asserts
    fields = score_file(g.truth, docs)
    assert accuracy(fields) >= SCAN_FLOORS[kind], [(f.field, f.truth, f.got) for f in fields if not f.ok][:8]
    assert docs[0].form.value == g.truth.documents[0].skp.form
