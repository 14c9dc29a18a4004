"""A run read back from its output folder (:class:`store.StoreRun`): the stages' typed models,
a dossier at a time or whole, agreeing with the files the run wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.models import DocType, Document, Status
from store import Layout, StoreRun
from store.read import load_documents
from tests.shared import seed_run

DOSSIERS = [  # the seed dossiers: id, reference PK, documents, findings
    ("2024-direktur-jenderal-perimbangan-keuangan", "000_fce74ff394373077--01-pk", 5, 15),
    ("2024-direktur-jenderal-perbendaharaan", "001_34f370b0fcbb94ab--01-pk", 4, 5),
    ("2024-badan-kepegawaian-daerah-provinsi-dki-jakarta", "003_8279123244737d0f--01-pk", 2, 12),
]


@pytest.fixture(scope="module")
def out() -> Path:
    return seed_run()


def test_the_summary_and_manifest_are_the_runs(out: Path) -> None:
    run = StoreRun(out)
    s = run.summary
    assert (s.inputs, s.documents, s.ok, s.skipped, s.failed, s.findings, s.dossiers) == (5, 13, 13, 0, 0, 32, 3)
    written = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]
    assert [(e.path, e.status.value) for e in run.manifest] == [(e["path"], e["status"]) for e in written]
    assert {e.status for e in run.manifest} == {Status.OK}


def test_each_dossier_reads_back_with_its_own_documents(out: Path) -> None:
    run = StoreRun(out)
    results = list(run.dossier_results())
    assert [(r.dossier.dossier_id, r.dossier.reference, len(r.dossier.doc_ids), len(r.dossier.findings))
            for r in results] == DOSSIERS
    for r in results:
        docs = load_documents(Layout(out), r.dossier.doc_ids)
        assert [d.doc_id for d in docs] == r.dossier.doc_ids
        assert docs[0].doc_id == r.dossier.reference and docs[0].doc_type is DocType.PK
    assert [s.doc_id for s in run.scores] == [ref for _, ref, _, _ in DOSSIERS]


def test_documents_read_back_equal_their_json(out: Path) -> None:
    run = StoreRun(out)
    files = sorted((out / "documents").glob("*.json"))
    assert len(files) == len(run.documents) == 13
    by_id = {d.doc_id: d for d in run.documents}
    for path in files:
        assert by_id[path.stem] == Document.model_validate_json(path.read_bytes())
    assert run.index.outside() == ["002_87d30a3b4e7bba81--01-regulation", "004_a5684a56b4e34e0f--01-regulation"]
