"""The whole chain on Dask, against real ``dask scheduler`` and ``dask worker`` processes started
here on loopback ports (and a LocalCluster in test_archive): the same outputs as inline, inputs by
shared path or as bytes, the per-file limits on the workers, nothing lost when a worker dies."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract import Status
from pipeline import RunOptions, run
from pipeline.executors import Limits
from tests.golden import ROOT
from tests.pipeline.outputs import documents_of, manifest_without_timing, tables_of
from tests.pipeline.test_archive import SEEDS

pytest.importorskip("distributed")

PRELOAD = "tests.pipeline.misbehave"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A scheduler and ``workers`` single-threaded workers (no nanny: a killed worker stays dead)."""

    def __init__(self, tmp: Path, workers: int) -> None:
        self.port = _port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "KINERJA_SANDBOX_PRELOAD": PRELOAD,
                    "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        bindir = Path(sys.executable).parent
        self.scheduler = subprocess.Popen(
            [str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.workers = [
            subprocess.Popen(
                [str(bindir / "dask"), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                 "--host", "127.0.0.1", "--local-directory", str(tmp / f"worker-{n}"), "--name", f"w{n}"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for n in range(workers)
        ]
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(self.address, timeout=5) as client:
                    client.wait_for_workers(workers, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def close(self) -> None:
        """The workers first, then the scheduler (stopped together, the workers took 10 s to exit)."""
        for group in (self.workers, [self.scheduler]):
            for proc in group:
                if proc.poll() is None:
                    proc.terminate()
            for proc in group:
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("cluster"), workers=2)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture(scope="module")
def inline_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("inline")
    run([SEEDS], RunOptions(out=out, executor="inline", use_cache=False))
    return out


def _same_run(a: Path, b: Path) -> None:
    assert tables_of(a) == tables_of(b)
    assert documents_of(a) == documents_of(b)
    assert manifest_without_timing(a) == manifest_without_timing(b)
    assert sorted(p.name for p in (a / "dossiers").iterdir()) == sorted(p.name for p in (b / "dossiers").iterdir())
    assert (a / "report.html").read_bytes() == (b / "report.html").read_bytes()


@pytest.mark.parametrize("inputs", ["shared", "bytes"])
def test_real_scheduler_and_workers_give_the_same_outputs(cluster: Cluster, inline_out: Path, tmp_path: Path,
                                                          inputs: str) -> None:
    result = run([SEEDS], RunOptions(out=tmp_path, executor="dask", scheduler=cluster.address, use_cache=False,
                                     dask_inputs=inputs))
    assert result.exit_code == 0 and result.summary.dossiers == 3
    _same_run(tmp_path, inline_out)


def test_limits_hold_on_the_workers(cluster: Cluster, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    names = ["ok1.txt", "hang.txt", "bomb.txt", "crash.txt", "ok2.txt"]
    for n in names:
        (inputs / n).write_text("x")
    result = run([inputs], RunOptions(out=tmp_path / "out", executor="dask", scheduler=cluster.address, use_cache=False,
                                      limits=Limits(seconds=3, memory_mb=512)))
    by = {Path(e.path).name: e for e in result.manifest}
    assert by["ok1.txt"].status is Status.OK and by["ok2.txt"].status is Status.OK
    assert by["hang.txt"].status is Status.FAILED and by["hang.txt"].reason == "timed out after 3 s"
    assert by["bomb.txt"].status is Status.FAILED and "memory" in (by["bomb.txt"].reason or "")
    assert by["crash.txt"].status is Status.FAILED and "signal 11" in (by["crash.txt"].reason or "")
    assert result.exit_code == 1


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(12):  # 0.2 s each at least (tests/pipeline/misbehave.py): the kill lands part-way
        shutil.copy(seeds[i % len(seeds)], archive / f"slow{i:03d}_{seeds[i % len(seeds)].name}")
    reference = tmp_path / "reference"
    run([archive], RunOptions(out=reference, executor="inline", use_cache=False))

    c = Cluster(tmp_path, workers=2)
    try:
        out = tmp_path / "out"
        done: dict[str, object] = {}
        thread = threading.Thread(target=lambda: done.update(result=run(
            [archive], RunOptions(out=out, executor="dask", scheduler=c.address))))
        thread.start()
        deadline = time.monotonic() + 60
        while len(list((out / ".cache").glob("*/*.json"))) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert 4 <= len(list((out / ".cache").glob("*/*.json"))) < 12, "the worker dies mid-batch"
        victim = c.workers[0]
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        thread.join(120)
        assert not thread.is_alive()
    finally:
        c.close()
    result = done["result"]
    assert result.exit_code == 0, [e.reason for e in result.manifest if e.reason]
    assert all(e.status is Status.OK for e in result.manifest)
    _same_run(out, reference)
