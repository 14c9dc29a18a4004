"""The audit of the seed renderings against a list of findings written by hand.

``tests/data/seed_findings.tsv`` was written by a person reading ``corpus/seeds/000``, ``001``
and ``003`` (``002`` and ``004`` are regulations and are not audited) against the checks as the
README and ``audit/checks.py`` define them -- never by copying the pipeline's output. Each row
is one discrepancy: ``check``, the ``doc_id`` of the document where it is found (the non-PK side,
or the PK itself for its own budget), the PK indicator's code (or name when it has none), what
the reference says (``expected``), what the document says (``found``) and where to look (``note``).

Conventions used to compare a :class:`Finding` with a row:

* a finding's document is ``doc_ids[-1]`` -- the side that deviates, as ``emit/findings.py``
  writes it to ``findings.csv``;
* its key is the indicator code, else the indicator name, else ``expected`` (budget findings
  carry no indicator; the parent's amount tells the two 001 programs apart);
* findings of severity ``info`` are NOT ignored: the list includes the one the seeds really hold
  (the typo "penyelanggaraan" in 001's Lampiran SKP, reported as an ``info`` name mismatch
  because the similarity is >= 95 %), so every finding, whatever its severity, must be listed.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache

import pytest

from audit import AuditResult, Finding, audit_documents
from audit.registry import CHECKS as REGISTERED
from extract import read_file
from normalize.text import collapse
from tests.golden import ROOT

SEEDS = ROOT / "corpus" / "seeds"
SEED_FINDINGS = ROOT / "tests" / "data" / "seed_findings.tsv"
STEMS = ("000_fce74ff394373077", "001_34f370b0fcbb94ab", "002_87d30a3b4e7bba81", "003_8279123244737d0f", "004_a5684a56b4e34e0f")
S0, S1, S2, S3, S4 = STEMS
CHECKS = sorted(REGISTERED)

Key = tuple[str, str, str]


@cache
def _audit() -> AuditResult:
    docs = [d for stem in STEMS for d in read_file(SEEDS / f"{stem}.txt").documents]
    return audit_documents(docs)


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with SEED_FINDINGS.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _key_of_finding(f: Finding) -> Key:
    return (f.check, f.doc_ids[-1] if f.doc_ids else "", f.indicator_code or f.indicator_name or f.expected or "")


def _key_of_row(r: dict[str, str]) -> Key:
    return (r["check"], r["doc_id"], r["indicator_code"] or r["indicator_name"] or r["expected"])


def _found(check: str) -> Counter[Key]:
    return Counter(_key_of_finding(f) for f in _audit().findings if f.check == check)


def _expected(check: str) -> Counter[Key]:
    return Counter(_key_of_row(r) for r in _rows() if r["check"] == check)


# --- the list itself --------------------------------------------------------------------------


def test_seed_findings_list_is_well_formed() -> None:
    rows = _rows()
    assert rows, "the hand-written list is empty"
    doc_ids = {d.doc_id for stem in STEMS for d in read_file(SEEDS / f"{stem}.txt").documents}
    for r in rows:
        assert r["check"] in CHECKS, r
        assert r["doc_id"] in doc_ids, f"unknown document {r['doc_id']}"
        assert r["note"], f"every row says where to look: {r}"
    keys = [_key_of_row(r) for r in rows]
    assert len(keys) == len(set(keys)), "two rows with the same key cannot be told apart"


def test_no_finding_has_an_unknown_check_id() -> None:
    assert {f.check for f in _audit().findings} <= set(CHECKS)


# --- dossiers, read by hand ---------------------------------------------------------------------


def test_seed_dossiers() -> None:
    """000 is DJPK (Luky Alfirman), 001 DJPb (Astera Primanto Bhakti), 003 BKD DKI (Maria Qibtya), all
    2024; every document names its file's official, so each file is one dossier and nothing is
    unassigned. The regulations 002 and 004 belong to no dossier. No PK's pihak kedua (Sri Mulyani
    Indrawati, Heru Budi Hartono) signs a PK as pihak pertama, so there is no cascade pair."""
    result = _audit()
    groups = sorted(sorted(ds.doc_ids) for ds in result.dossiers)
    assert groups == [
        [f"{S0}--01-pk", f"{S0}--02-rincian_target", f"{S0}--03-inisiatif_strategis", f"{S0}--04-skp", f"{S0}--05-lampiran_skp"],
        [f"{S1}--01-pk", f"{S1}--02-rincian_target", f"{S1}--03-skp", f"{S1}--04-lampiran_skp"],
        [f"{S3}--01-pk", f"{S3}--02-rencana_aksi"],
    ]
    assert [ds.year for ds in result.dossiers] == [2024, 2024, 2024]
    assert result.unassigned == []
    assert len({ds.dossier_id for ds in result.dossiers}) == 3


# --- the findings, check by check ---------------------------------------------------------------

@pytest.mark.parametrize("check", CHECKS)
def test_seed_findings_match_the_hand_written_list(check: str) -> None:
    expected, found = _expected(check), _found(check)
    missing = expected - found
    unexpected = found - expected
    assert not missing and not unexpected, (
        f"{check}: not reported {sorted(missing.elements())}; reported but not in the list {sorted(unexpected.elements())}"
    )


def test_seed_findings_without_document_convention() -> None:
    """The same comparison ignoring which document a finding is filed under: what was found
    (check, indicator or amount) must equal the list even where the filing is questionable."""
    def loose(k: Key) -> tuple[str, str, str]:
        return (k[0], k[1].split("--")[0], k[2])

    expected = Counter(loose(_key_of_row(r)) for r in _rows())
    found = Counter(loose(_key_of_finding(f)) for f in _audit().findings)
    assert expected == found, f"not reported {sorted((expected - found).elements())}; unexpected {sorted((found - expected).elements())}"


@pytest.mark.parametrize("row", list(_rows()), ids=lambda r: f"{r['check']}:{r['doc_id'].split('--')[0][:3]}:{(r['indicator_code'] or r['indicator_name'] or r['expected'])[:30]}")
def test_seed_finding_values(row: dict[str, str]) -> None:
    """Each listed discrepancy is reported with the expected and found text an auditor reads in the
    source (whitespace collapsed); matched on check, file and key, whatever document it is filed under."""
    stem = row["doc_id"].split("--")[0]
    key = row["indicator_code"] or row["indicator_name"] or row["expected"]
    matches = [
        f for f in _audit().findings
        if f.check == row["check"] and any(d.startswith(stem + "--") for d in f.doc_ids)
        and (f.indicator_code or f.indicator_name or f.expected or "") == key
    ]
    if len(matches) > 1:  # the same indicator in several documents of the file: the row names which
        matches = [f for f in matches if row["doc_id"] in f.doc_ids]
    assert len(matches) == 1, f"{len(matches)} findings for {row}"
    f = matches[0]
    assert (collapse(f.expected or ""), collapse(f.found or "")) == (collapse(row["expected"]), collapse(row["found"]))
    if row["check"] in ("indicator_name_mismatch",) and "info" in row["note"]:
        assert f.severity.value == "info"


def test_each_alignment_row_names_its_indicators_by_their_places() -> None:
    """An alignment row says where each of its indicators stands in its document, so a reader
    finds them again without matching names (two indicators may share a name and no code)."""
    docs = {d.doc_id: d for stem in STEMS for d in read_file(SEEDS / f"{stem}.txt").documents}
    rows = _audit().alignment
    assert rows
    for a in rows:
        if a.pk_name is not None:
            assert (docs[a.ref_doc].indicators[a.pk_position].code, docs[a.ref_doc].indicators[a.pk_position].name) == (
                a.pk_code, a.pk_name)
        else:
            assert a.pk_position is None
        if a.name is not None:
            assert (docs[a.doc_id].indicators[a.position].code, docs[a.doc_id].indicators[a.position].name) == (a.code, a.name)
        else:
            assert a.position is None
    djpk_rt = [a for a in rows if a.doc_id == f"{S0}--02-rincian_target"]
    # the PK's twelfth indicator (1a, 1b, 1c, 2a, 2b, 2c, 3a, 3b, 3c, 4a, 4b, 5a) is in no Rincian Target row
    assert [(a.pk_code, a.pk_position, a.position) for a in djpk_rt if a.pk_code == "5a-CP"] == [("5a-CP", 11, None)]
