"""Whole archives: executors agree, bad files are isolated, runs resume, zips are safe."""

from __future__ import annotations

import faulthandler
import mmap
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from extract import FileResult, Status
from pipeline import RunOptions, run
from pipeline import executors
from pipeline.executors import Limits, Task, run_processes
from tests.golden import ROOT
from tests.pipeline.outputs import documents_of, manifest_without_timing, tables_of
from tests.shared import seed_run

SEEDS = ROOT / "corpus" / "seeds"


@pytest.fixture(scope="module")
def inline_out() -> Path:
    return seed_run()


def test_process_pool_gives_the_same_outputs_as_inline(inline_out: Path, tmp_path: Path) -> None:
    run([SEEDS], RunOptions(out=tmp_path, executor="process", workers=2, use_cache=False))
    assert tables_of(tmp_path) == tables_of(inline_out)
    assert documents_of(tmp_path) == documents_of(inline_out)


def test_dask_local_cluster_gives_the_same_outputs(inline_out: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        run([SEEDS], RunOptions(out=tmp_path, executor="dask", scheduler=client, use_cache=False))
    assert tables_of(tmp_path) == tables_of(inline_out)


def _misbehave(path: str, display: str | None = None, pdf=None) -> FileResult:
    name = Path(path).name
    if name == "hang.txt":
        time.sleep(60)
    if name == "bomb.txt":
        _ = bytearray(8 * 1024**3)  # far beyond the worker's memory limit
    if name == "crash.txt":
        faulthandler.disable()  # the crash is the test: no traceback dump on the runner's stderr
        os.kill(os.getpid(), signal.SIGSEGV)
    return FileResult(path=path, status=Status.OK)


def test_hanging_exploding_and_crashing_files_are_stopped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executors, "read_file", _misbehave)
    names = ["ok1.txt", "hang.txt", "bomb.txt", "crash.txt", "ok2.txt"]
    for n in names:
        (tmp_path / n).write_text("x")
    tasks = [Task(path=str(tmp_path / n), display=n) for n in names]
    started = time.monotonic()
    results = run_processes(tasks, lambda i, r: None, workers=2, limits=Limits(seconds=2, memory_mb=512))
    assert time.monotonic() - started < 30
    by = {r.path: r for r in results}
    assert [r.path for r in results] == names
    assert by["ok1.txt"].status is Status.OK and by["ok2.txt"].status is Status.OK
    assert by["hang.txt"].status is Status.FAILED and by["hang.txt"].reason == "timed out after 2 s"
    assert by["bomb.txt"].status is Status.FAILED and "memory" in (by["bomb.txt"].reason or "")
    assert by["crash.txt"].status is Status.FAILED and "signal 11" in (by["crash.txt"].reason or "")


def _whose(path: str, display: str | None = None, pdf=None) -> FileResult:
    """A file "read" by the process that reads it: its pid as the reason (``hang.txt`` hangs)."""
    if Path(path).name == "hang.txt":
        time.sleep(60)
    return FileResult(path=path, status=Status.OK, reason=str(os.getpid()))


def _read_by(tmp_path: Path, names: list[str], workers: int, memory_mb: int = 8192) -> list[FileResult]:
    for n in names:
        (tmp_path / n).write_text("x")
    tasks = [Task(path=str(tmp_path / n), display=n) for n in names]
    return run_processes(tasks, lambda i, r: None, workers=workers, limits=Limits(seconds=2, memory_mb=memory_mb))


def test_a_worker_reads_file_after_file_and_none_outlives_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One worker process reads the files one after another (its caches warm), not one process a file;
    when the batch is done no worker is left."""
    monkeypatch.setattr(executors, "read_file", _whose)
    results = _read_by(tmp_path, [f"f{i}.txt" for i in range(5)], workers=1)
    assert [r.status for r in results] == [Status.OK] * 5
    assert len({r.reason for r in results}) == 1 and results[0].reason != str(os.getpid())
    assert multiprocessing.active_children() == []


def test_a_worker_is_replaced_after_a_hung_file_and_after_its_share_of_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file after one that hung is read by a fresh worker; a worker that has read FILES_PER_WORKER
    files gives way to a fresh one."""
    monkeypatch.setattr(executors, "read_file", _whose)
    monkeypatch.setattr(executors, "FILES_PER_WORKER", 2)
    results = _read_by(tmp_path, ["a.txt", "hang.txt", "b.txt", "c.txt", "d.txt", "e.txt"], workers=1)
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK, Status.OK, Status.OK, Status.OK]
    assert results[1].reason == "timed out after 2 s"
    a, b, c, d, e = (r.reason for r in results if r.status is Status.OK)
    assert a != b == c != d == e  # (a's worker killed with the hung file; b and c one worker's two, then d's)


def _make_archive(folder: Path, copies: int) -> None:
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        src = seeds[i % len(seeds)]
        shutil.copy(src, folder / f"doc{i:03d}_{src.name}")


def _processes_mentioning(text: str) -> list[int]:
    pids = []
    for proc_dir in Path("/proc").glob("[0-9]*"):
        try:
            if text.encode() in (proc_dir / "cmdline").read_bytes():
                pids.append(int(proc_dir.name))
        except OSError:
            continue
    return pids


@pytest.fixture(scope="module")
def archive_and_reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("kill")
    archive = tmp / "archive"
    _make_archive(archive, 30)
    reference = tmp / "reference"
    run([archive], RunOptions(out=reference, executor="inline", use_cache=False))
    return archive, reference


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file's bytes but the manifest's (timings), which is compared without them."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(out).parts and p.name != "manifest.json"}


@pytest.mark.parametrize("phase", ["reading", "dossiers"])
def test_a_run_killed_with_sigkill_resumes_to_the_same_outputs(archive_and_reference: tuple[Path, Path],
                                                                tmp_path: Path, phase: str) -> None:
    """Killed while files are read (some results cached, some tables half streamed) or while dossiers are
    audited (every file read, some dossiers cached), the rerun writes the same bytes as a run never killed."""
    archive, reference = archive_and_reference
    out = tmp_path / "out"
    cmd = [sys.executable, str(ROOT / "run_pipeline.py"), str(archive), "--out", str(out), "--quiet", "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ready() -> bool:
        if phase == "reading":
            return len(list((out / ".cache").glob("*/*.json"))) >= 5
        return any((out / ".cache" / "dossiers").glob("*/*.json"))

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not ready():
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)
    assert not _processes_mentioning(str(archive)), "workers of a killed batch must not live on"
    cached_before = len(list((out / ".cache").glob("*/*.json")))
    if phase == "reading":
        assert 5 <= cached_before < 30, "the run should have been killed part-way"
    else:
        assert cached_before == 30 and len(list((out / ".cache" / "dossiers").glob("*/*.json"))) < 3
    assert not (out / "manifest.json").exists()
    assert not (out / "tables" / "targets.csv").exists(), "no table is left half written under its name"

    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert tables_of(out) == tables_of(reference)
    assert documents_of(out) == documents_of(reference)
    assert manifest_without_timing(out) == manifest_without_timing(reference)
    assert _outputs(out) == _outputs(reference), "parquet, sqlite, workbook and report too, byte for byte"


def test_rerun_skips_unchanged_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run([SEEDS], RunOptions(out=out, executor="inline"))
    calls: list[str] = []
    real = executors.read_file
    monkeypatch.setattr(executors, "read_file", lambda p, display=None, pdf=None: calls.append(p) or real(p, display=display, pdf=pdf))
    run([SEEDS], RunOptions(out=out, executor="inline"))
    assert calls == []


def test_zip_inputs_are_read_and_zip_slip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEEDS / "003_8279123244737d0f.txt", "2024/bkd/003_8279123244737d0f.txt")
        zf.writestr("../../escape.txt", "PERJANJIAN KINERJA")
        zf.writestr("/abs.txt", "PERJANJIAN KINERJA")
    out = tmp_path / "out"
    result = run([archive], RunOptions(out=out, executor="inline"))
    status = {Path(e.path.split("!")[-1]).name: (e.status, e.reason) for e in result.manifest}
    assert status["003_8279123244737d0f.txt"][0] is Status.OK
    assert status["escape.txt"][0] is Status.FAILED and "unsafe path" in (status["escape.txt"][1] or "")
    assert status["abs.txt"][0] is Status.FAILED
    assert not (tmp_path / "escape.txt").exists() and not (out.parent / "escape.txt").exists()
    assert len(result.documents) == 2
    assert result.manifest[0].path.endswith("batch.zip!2024/bkd/003_8279123244737d0f.txt")


def test_parquet_tables_match_the_csv_ones(inline_out: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(inline_out / "tables" / "budget")
    rows = (inline_out / "tables" / "budget.csv").read_text(encoding="utf-8").count("\n") - 1
    assert table.num_rows == rows
    assert str(table.schema.field("amount").type) == "int64"
    assert [p.name for p in (inline_out / "tables" / "budget").iterdir()] == ["part-00000.parquet"]


def test_schema_command_prints_the_document_schema() -> None:
    import json

    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Document" and "indicators" in schema["properties"]


def _grows(path: str, display: str | None = None, pdf=None) -> FileResult:
    """``big.txt`` leaves its worker's address space 400 MB larger (as a scan's models or a fallback's
    allocator do); ``oom.txt`` runs out of memory inside the reader, which reports it."""
    name = Path(path).name
    if name == "big.txt":
        _KEEP.append(mmap.mmap(-1, 400 * 1024 * 1024))  # reserved, never touched
    if name == "oom.txt":
        return FileResult(path=path, status=Status.FAILED, reason="memory limit exceeded while reading: MemoryError: ")
    return FileResult(path=path, status=Status.OK, reason=str(os.getpid()))


_KEEP: list = []


def test_a_worker_grown_past_its_share_of_memory_or_out_of_it_hands_the_next_file_to_a_fresh_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file after one that grew its worker's address space by more than WORKER_GROWTH_MB, or after
    one the reader reports out of memory, is read by a fresh worker: no file has less room under the
    limit than the growth allowed; files that leave the worker as it was keep it."""
    monkeypatch.setattr(executors, "read_file", _grows)
    results = _read_by(tmp_path, ["a.txt", "b.txt", "big.txt", "c.txt", "oom.txt", "d.txt"], workers=1)
    a, b, big, c, oom, d = results
    assert oom.status is Status.FAILED and oom.reason.startswith("memory limit exceeded")
    assert a.reason == b.reason == big.reason != c.reason != d.reason and c.reason != a.reason


def test_workers_forked_from_a_process_whose_opencv_threads_ran_read_their_files(tmp_path: Path) -> None:
    """A batch started from a process that has run OpenCV on its threads (a scan read inline before):
    its side-by-side workers read their files, none waits for ever on OpenCV's thread pool."""
    for n in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / n).write_text("PERJANJIAN KINERJA TAHUN 2025\n")
    script = (
        "import sys, numpy as np, cv2\n"
        "cv2.setNumThreads(2); img = (np.random.rand(2000, 2000) * 255).astype(np.uint8)\n"
        "cv2.GaussianBlur(img, (31, 31), 0); cv2.resize(img, (4000, 4000))  # OpenCV's threads run\n"
        "from pipeline.executors import Limits, Task, run_processes\n"
        f"tasks = [Task(path={str(tmp_path)!r} + '/' + n, display=n) for n in ('a.txt', 'b.txt', 'c.txt')]\n"
        "res = run_processes(tasks, lambda i, r: None, workers=2, limits=Limits(seconds=20, memory_mb=None))\n"
        "print([r.reason or r.status.value for r in res])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert "timed out" not in out.stdout and out.stdout.count("'") == 6, out.stdout
