"""The whole chain on a Dask cluster: each file read on a worker under its time and memory
limits (:mod:`pipeline.sandbox`), then each dossier audited and scored on a worker.

Inputs reach the workers through storage they share with the client (the task carries the
path), or, where there is none, as bytes in the task (``inputs="bytes"``; ``"auto"`` asks the
workers whether they see the first input). The same goes for the documents a dossier's task
reads: paths under the output folder, or their JSON. The client keeps a bounded number of
tasks on the cluster and hands results on in order (:mod:`pipeline.stream`). A worker lost
mid-batch loses nothing: the scheduler runs its tasks again elsewhere (a task whose worker died
three times fails with its reason, like any other file).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from extract import FileResult, Status
from pipeline.dossiers import DossierJob, run_job
from pipeline.executors import Limits, Pool, Task
from pipeline.sandbox import read_limited
from score import RealisasiRow, RuleSet
from store import DossierResult, DossierSpec, Layout
from store.read import load_dossier


def extract_on_worker(task: Task, limits: Limits, data: bytes | None = None) -> FileResult:
    """One file on a worker: from the shared path, or from ``data`` written to a local temporary file."""
    if data is None:
        return read_limited(task, limits)
    with tempfile.TemporaryDirectory(prefix="kinerja-input-") as tmp:
        local = Path(tmp) / (Path(task.display.split("!")[-1]).name or "input")
        local.write_bytes(data)
        result = read_limited(Task(path=str(local), display=task.display, pdf=task.pdf), limits)
    return result


def dossier_on_worker(spec: DossierSpec, rules: RuleSet, realisasi: Sequence[RealisasiRow], out: str | None,
                      texts: tuple[tuple[str, bytes], ...]) -> DossierResult:
    return run_job(DossierJob(spec, rules, tuple(realisasi), out=out, texts=texts))


def _sees(path: str, size: int) -> bool:
    try:
        return os.path.getsize(path) == size
    except OSError:
        return False


class DaskRun:
    """A client on the cluster for one batch."""

    def __init__(self, scheduler: str | object, out: Path, limits: Limits, *, inputs: str = "auto") -> None:
        from distributed import Client

        self.own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self.own else scheduler
        self.out, self.limits = out, limits
        self.inputs = inputs
        self.shared_out: bool | None = None

    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def _shared(self, path: str) -> bool:
        try:
            size = os.path.getsize(path)
        except OSError:
            return True  # the client cannot read it either: the worker reports it
        seen = self.client.run(_sees, path, size)
        return bool(seen) and all(seen.values())

    def pool(self) -> Pool:
        return DaskPool(self)

    def dossiers(self, specs: Iterable[DossierSpec], rules: RuleSet, realisasi: list[RealisasiRow]
                 ) -> Iterator[tuple[DossierSpec, DossierResult, None]]:
        """Each dossier's result in order: from the cache, or from a task on the cluster."""
        layout = Layout(self.out)
        token = uuid.uuid4().hex
        scattered = self.client.scatter({f"rules-{token}": rules, f"realisasi-{token}": tuple(realisasi)}, broadcast=True)
        rules_f, real_f = scattered[f"rules-{token}"], scattered[f"realisasi-{token}"]
        queue: deque[tuple[DossierSpec, object]] = deque()
        window = 4 * self.workers() + 8
        specs_it = iter(specs)
        exhausted = False
        while True:
            while not exhausted and len(queue) < window:
                spec = next(specs_it, None)
                if spec is None:
                    exhausted = True
                    break
                try:
                    queue.append((spec, load_dossier(layout, spec.fingerprint)))
                    continue
                except (OSError, ValueError):
                    pass
                ids = (*spec.members, *spec.related)
                if self.shared_out is None:
                    self.shared_out = self.inputs != "bytes" and self._shared(str(layout.document(ids[0])))
                texts = () if self.shared_out else tuple((i, layout.document(i).read_bytes()) for i in ids)
                future = self.client.submit(dossier_on_worker, spec, rules_f, real_f,
                                            str(self.out) if self.shared_out else None, texts, pure=False)
                queue.append((spec, future))
            if not queue:
                return
            spec, item = queue.popleft()
            if isinstance(item, DossierResult):
                result = item
            else:
                try:
                    result = item.result()  # type: ignore[attr-defined]
                except Exception:  # noqa: BLE001 - lost three times over: done here (a real error raises here)
                    result = run_job(DossierJob(spec, rules, tuple(realisasi), out=str(self.out)))
            yield spec, result, None

    def close(self) -> None:
        if self.own:
            self.client.close()


class DaskPool(Pool):
    """Files on the cluster, a bounded number at a time."""

    def __init__(self, run: DaskRun) -> None:
        self.run = run
        self.client = run.client
        self.futures: dict[object, tuple[int, Task]] = {}
        self.capacity = 2 * run.workers() + 2
        self.shared: bool | None = None if run.inputs == "auto" else run.inputs == "shared"

    def slots(self) -> int:
        return self.capacity - len(self.futures)

    def submit(self, key: int, task: Task) -> None:
        if self.shared is None:
            self.shared = self.run._shared(task.path)
        data = None
        if not self.shared:
            try:
                data = Path(task.path).read_bytes()
            except OSError:
                data = None  # not found here either: the worker says so
        future = self.client.submit(extract_on_worker, task, self.run.limits, data, pure=False)
        self.futures[future] = (key, task)

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        deadline = time.monotonic() + timeout
        while True:
            done = [f for f in self.futures if f.done()]  # type: ignore[attr-defined]
            if done or time.monotonic() >= deadline or not self.futures:
                break
            time.sleep(0.01)
        out = []
        for f in done:
            key, task = self.futures.pop(f)
            try:
                res = f.result()  # type: ignore[attr-defined]
            except Exception as exc:  # noqa: BLE001 - a lost task is this file's result
                res = FileResult(path=task.display, status=Status.FAILED, reason=f"dask worker failed: {exc}")
            out.append((key, res))
        return out

    def close(self) -> None:
        for f in self.futures:
            f.cancel()  # type: ignore[attr-defined]
        self.futures.clear()
