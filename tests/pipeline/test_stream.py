"""Streaming: results handed on in input order whatever order they arrive in, within a bounded
window; a rerun writes the same bytes; new files re-audit only the dossiers they touch; the
per-document dossier keys group as the audit's own grouping does."""

from __future__ import annotations

import importlib
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from audit import audit_documents, file_keys
from audit.dossiers import group, principal
from extract import FileResult, Status, read_file
from extract.models import DocType
from pipeline import RunOptions, run
from pipeline.executors import Pool, Task
from pipeline.stream import ordered_results
from tests.golden import ROOT

run_module = importlib.import_module("pipeline.run")
SEEDS = ROOT / "corpus" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


class ShufflingPool(Pool):
    """Takes every task it is given and finishes them last-submitted first, a few at a time."""

    def __init__(self, slots: int) -> None:
        self.n, self.queue, self.most = slots, [], 0

    def slots(self) -> int:
        return self.n - len(self.queue)

    def submit(self, key: int, task: Task) -> None:
        self.queue.append((key, task))
        self.most = max(self.most, len(self.queue))

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        done = self.queue[-2:][::-1]
        del self.queue[-2:]
        return [(k, FileResult(path=t.display, status=Status.OK)) for k, t in done]


@pytest.mark.parametrize("window", [1, 3, 8])
def test_results_come_in_input_order_within_the_window(window: int) -> None:
    tasks = [Task(path=f"/nonexistent/{i}.txt", display=f"{i}.txt") for i in range(40)]
    pool = ShufflingPool(slots=100)
    held = []
    taken = []
    original = pool.submit

    def submit(key: int, task: Task) -> None:
        taken.append(key)
        original(key, task)

    pool.submit = submit  # type: ignore[method-assign]
    out = []
    for res in ordered_results(tasks, pool, None, window=window):
        out.append(res.path)
        held.append(len(taken) - len(out))
    assert out == [t.display for t in tasks]
    assert max(held) < window, "never more than the window between taken and handed on"


def _files(out: Path) -> dict[str, bytes]:
    skip = {"manifest.json"}
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(out).parts and p.name not in skip}


def test_a_rerun_writes_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    run([SEEDS], RunOptions(out=a, executor="inline", use_cache=False))
    run([SEEDS], RunOptions(out=b, executor="process", workers=2, use_cache=False))
    first = _files(a)
    assert {"kinerja.sqlite", "kinerja.xlsx", "report.html", "tables/targets/part-00000.parquet",
            "datapackage.json"} <= set(first)
    assert _files(b) == first
    run([SEEDS], RunOptions(out=a, executor="inline"))  # from the caches
    assert _files(a) == first


def test_new_files_reaudit_only_the_dossiers_they_touch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("000_fce74ff394373077.txt", "001_34f370b0fcbb94ab.txt", "003_8279123244737d0f.txt"):
        shutil.copy(SEEDS / name, inputs / name)
    out = tmp_path / "out"
    audited: list[str] = []
    real = run_module.audit_and_score
    monkeypatch.setattr(run_module, "audit_and_score",
                        lambda spec, *a: audited.append(spec.dossier_id) or real(spec, *a))
    run([inputs], RunOptions(out=out, executor="inline"))
    assert len(audited) == 3
    audited.clear()
    run([inputs], RunOptions(out=out, executor="inline"))
    assert audited == [], "nothing changed: every dossier from the cache"
    shutil.copy(SEEDS / "003_8279123244737d0f.txt", inputs / "005_dki_copy.txt")  # joins the DKI dossier
    result = run([inputs], RunOptions(out=out, executor="inline"))
    assert audited == ["2024-badan-kepegawaian-daerah-provinsi-dki-jakarta"]
    assert result.summary.dossiers == 3
    fresh = tmp_path / "fresh"
    run([inputs], RunOptions(out=fresh, executor="inline", use_cache=False))
    assert _files(out) == _files(fresh), "incremental and fresh runs agree"


def _by_keys(docs: list) -> list[list[str]]:
    pk_principals = {principal(d) for d in docs if d.doc_type is DocType.PK and principal(d)}
    files: dict[str, list] = defaultdict(list)
    for d in docs:
        files[d.source_file].append(d)
    keys = {}
    for members in files.values():
        for d, k in zip(members, file_keys(members, lambda w: w in pk_principals), strict=True):
            keys[d.doc_id] = k
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if keys[d.doc_id] is not None:
            groups[keys[d.doc_id]].append(d.doc_id)
    return sorted(groups.values())


def test_dossier_keys_group_as_the_audit_does() -> None:
    docs = [d for p in sorted(SEEDS.glob("*.txt")) for d in read_file(p).documents]
    docs += [d for p in sorted((FIXTURES / "audit").glob("*.txt")) for d in read_file(p).documents]
    assert _by_keys(docs) == sorted([d.doc_id for d in g] for g in group(docs))


def test_each_dossier_alone_gives_the_batch_audit(tmp_path: Path) -> None:
    result = run([SEEDS], RunOptions(out=tmp_path, executor="inline", use_cache=False))
    docs = [d for p in sorted(SEEDS.glob("*.txt")) for d in read_file(p).documents]
    batch = audit_documents(docs)
    assert result.audit.model_dump() == batch.model_dump()


def test_no_temporary_file_is_left_and_the_index_is_internal(tmp_path: Path) -> None:
    run([SEEDS], RunOptions(out=tmp_path, executor="inline", use_cache=False))
    assert not [p for p in tmp_path.rglob("*") if ".tmp" in p.name]
    assert (tmp_path / ".cache" / "run.sqlite").exists()


class DocumentPool(ShufflingPool):
    """Finishes tasks in reverse, each with one document and the file's sha (so the cache keeps it)."""

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        from extract.models import Document
        from pipeline.cache import file_sha256

        done = self.queue[::-1]
        self.queue.clear()
        return [(k, FileResult(path=t.display, status=Status.OK, sha256=file_sha256(t.path), documents=[
            Document(doc_id=f"{Path(t.display).stem}--01-pk", source_file=Path(t.display).name, doc_type=DocType.PK)]))
            for k, t in done]


def test_past_the_window_results_wait_in_the_cache(tmp_path: Path) -> None:
    """A slow first file does not stop the others: they are read ahead, kept in the cache rather than
    in memory, and handed on in order once it is done."""
    from pipeline.cache import ResultCache

    tasks = []
    for i in range(30):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"file {i}")
        tasks.append(Task(path=str(path), display=path.name))
    pool = DocumentPool(slots=100)
    cache = ResultCache(tmp_path / "out")
    out = [(res.path, [d.doc_id for d in res.documents]) for res in
           ordered_results(tasks, pool, cache, window=2, ahead=20)]
    assert out == [(t.display, [f"{Path(t.display).stem}--01-pk"]) for t in tasks]
    assert pool.most == 20, "the pool ran 20 inputs ahead of the one awaited, with 2 results in memory"
    assert len(list(cache.root.glob("*.json"))) == 30


def test_a_dossier_worker_that_dies_is_replaced_and_its_dossier_done(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    dossiers = importlib.import_module("pipeline.dossiers")
    real = dossiers.audit_and_score
    parent = os.getpid()

    def dies_once(spec, *args):  # noqa: ANN001, ANN202
        if os.getpid() != parent and "perbendaharaan" in spec.dossier_id:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(spec, *args)

    monkeypatch.setattr(dossiers, "audit_and_score", dies_once)
    reference = tmp_path / "reference"
    run([SEEDS], RunOptions(out=reference, executor="inline", use_cache=False))
    out = tmp_path / "out"
    result = run([SEEDS], RunOptions(out=out, executor="process", workers=1, use_cache=False))
    assert result.summary.dossiers == 3
    assert _files(out) == _files(reference)
