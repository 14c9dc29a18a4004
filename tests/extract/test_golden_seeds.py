"""The seed renderings read exactly as a person reads them (golden/ written by hand)."""

from __future__ import annotations

import os
from functools import cache

import pytest

from extract import FileResult, read_file
from tests.golden import GOLDEN, PROPOSE_FLAG, ROOT, diff, load_golden, propose, propose_enabled

SEEDS = ROOT / "corpus" / "seeds"
GOLDEN_FILES = sorted(p for p in GOLDEN.glob("*.json"))


@cache
def _read(stem: str) -> FileResult:
    return read_file(SEEDS / f"{stem}.txt")


def test_golden_proposal_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not propose_enabled(), f"{PROPOSE_FLAG} must not be set in CI"


def test_every_seed_document_has_a_golden_file() -> None:
    found = {d.doc_id for p in SEEDS.glob("*.txt") for d in _read(p.stem).documents}
    assert found == {p.stem for p in GOLDEN_FILES}


@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_document_matches_golden(golden_path) -> None:
    golden = load_golden(golden_path)
    stem = golden["doc_id"].split("--")[0]
    docs = {d.doc_id: d for d in _read(stem).documents}
    assert golden["doc_id"] in docs, f"document {golden['doc_id']} not extracted; got {sorted(docs)}"
    doc = docs[golden["doc_id"]]
    if propose_enabled():
        propose(doc)
    problems = diff(golden, doc)
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)
