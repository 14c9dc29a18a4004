"""Run the extract stage over many files: in-process, in isolated worker processes, or on Dask.

Every executor returns one :class:`FileResult` per task, in task order, whatever happens to
the file: a worker that times out, exceeds its memory limit or crashes gives a ``failed``
result with the reason. Results are identical whatever the executor.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from extract import FileResult, Status, read_file
from extract.pdf.raster import one_thread
from extract.pdf.settings import PdfSettings
from extract.read import OUT_OF_MEMORY


@dataclass(frozen=True)
class Task:
    path: str
    display: str
    pdf: PdfSettings | None = None  # the PDF reader's thresholds (None: its defaults)


@dataclass(frozen=True)
class Limits:
    seconds: float | None = 300.0  # per file
    memory_mb: int | None = 4096  # address space per worker


Callback = Callable[[int, FileResult], None]


def extract_task(task: Task) -> FileResult:
    """The unit of work, importable by any executor (also Dask workers)."""
    if not os.path.exists(task.path):
        return FileResult(path=task.display, status=Status.FAILED, reason="not found")
    result = read_file(task.path, display=os.path.basename(task.display), pdf=task.pdf)
    result.path = task.display
    return result


def run_inline(tasks: Sequence[Task], done: Callback) -> list[FileResult]:
    return run_pool(InlinePool(), tasks, done)


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a batch that was killed (Linux: PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(1)


def _worker(conn: Connection, memory_mb: int | None, parent: int) -> None:
    """A worker's loop: a task in, its result out, until the batch sends None or goes. A file that runs
    the worker out of memory is reported and ends the worker (what is left of its heap is not trusted)."""
    _die_with_parent(parent)
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):  # pragma: no cover - platform without limits
            pass
    for task in incoming(conn):
        spent = FileResult(path=task.display, status=Status.FAILED, reason=f"{OUT_OF_MEMORY} ({memory_mb} MB)")
        try:
            result = extract_task(task)
        except MemoryError:
            result = spent
        try:
            reply = result.model_dump_json().encode("utf-8")
        except MemoryError:  # (the result itself too large to write out under the limit)
            result, reply = spent, spent.model_dump_json().encode("utf-8")
        conn.send_bytes(reply)
        if _spent(result):
            conn.close()
            return


def incoming(conn: Connection) -> Iterator:
    """What a worker's batch sends it, one item at a time, until it sends None or goes."""
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        yield item


def _spent(result: FileResult) -> bool:
    """The file ran its worker out of memory (read_file says so in its reason): what is left of the
    worker's heap is not trusted, and a fresh worker takes the next file."""
    return result.status is Status.FAILED and (result.reason or "").startswith(OUT_OF_MEMORY)


#: Modules the extract stage imports only when a page needs them. Workers are forked from the batch
#: process, so what the batch process has not imported each worker imports again (and each one that
#: replaces it): pdfplumber alone is 80 ms, a third of reading a short PDF. (camelot, a rare fallback
#: that takes a second to import, stays lazy.)
PRELOAD = ("pdfplumber.table", "numpy", "cv2", "PIL.Image", "pdfminer.pdfparser", "pdfminer.pdfdocument", "pdfminer.pdfpage")


def preload() -> None:
    """Import :data:`PRELOAD` in this process, so forked workers start with them."""
    import importlib  # noqa: PLC0415

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional module missing is the worker's problem, reported there
            pass


class Pool:
    """Runs tasks by key: ``submit`` while ``slots()`` says there is room, ``poll`` for what
    finished. A task that fails in any way still finishes, with a ``failed`` result."""

    def slots(self) -> int:
        raise NotImplementedError

    def submit(self, key: int, task: Task) -> None:
        raise NotImplementedError

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class InlinePool(Pool):
    """In this process, one task at a time (tests, debugging)."""

    def __init__(self) -> None:
        self.queue: list[tuple[int, Task]] = []

    def slots(self) -> int:
        return 0 if self.queue else 1

    def submit(self, key: int, task: Task) -> None:
        self.queue.append((key, task))

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        done = [(k, extract_task(t)) for k, t in self.queue]
        self.queue.clear()
        return done


#: Files a worker reads before it is replaced by a fresh one. A worker forked for every file starts
#: with the batch process's caches, cold (the label vocabulary, text cleaning): on 60 built PDFs that
#: was a quarter of the reading's CPU (26.9 s against 21.7 s read in one process). A worker that reads
#: file after file keeps them warm; replacing it now and then bounds what a long batch may leave in
#: its heap, at one cold start (about 0.1 s) per this many files.
FILES_PER_WORKER = 200

#: A worker whose address space has grown this many MB past its start is replaced. Each file is read
#: under the same address-space limit, and a reused worker must not leave a file much less room than
#: a fresh one would: reading files one after another in one process, the address space grew 8 MB over
#: 12 built digital PDFs, 359 MB at the first scan (tesseract's models), 1.2 GB after camelot's fallback
#: (pyarrow's allocator). So digital files keep their worker, and a scan or a fallback page hands the
#: next file to a fresh one, which starts from the batch process's own size (itself about 300 MB over a batch).
WORKER_GROWTH_MB = 256


def _address_space_mb(pid: int) -> int | None:
    """A process's address space (VmSize) in MB; None where /proc does not tell."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    start_mb: int | None  # its address space when it started (the batch process's, forked)
    files: int = 0  # read so far


class ProcessPool(Pool):
    """Worker processes (forked), ``workers`` at a time, each reading one file after another under the
    time and memory limits; a worker whose file hangs, explodes or crashes is stopped, the file
    reported, and a fresh worker takes the next file (and one after :data:`FILES_PER_WORKER` files)."""

    def __init__(self, workers: int, limits: Limits) -> None:
        self.ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        if self.ctx.get_start_method() == "fork":
            preload()
        self.workers, self.limits = max(1, workers), limits
        if self.workers > 1:  # the workers read side by side: OpenCV on one thread each, set here for them to inherit
            one_thread()
        self.idle: list[_Worker] = []
        self.running: dict[Connection, tuple[int, Task, _Worker, float]] = {}
        self.alive: list[_Worker] = []  # every worker started and not yet stopped (close stops them all)

    def slots(self) -> int:
        return self.workers - len(self.running)

    def _start(self) -> _Worker:
        mine, theirs = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker, args=(theirs, self.limits.memory_mb, os.getpid()), daemon=True)
        proc.start()
        theirs.close()
        worker = _Worker(proc, mine, _address_space_mb(os.getpid()))
        self.alive.append(worker)
        return worker

    def submit(self, key: int, task: Task) -> None:
        worker = self.idle.pop() if self.idle else self._start()
        if not worker.proc.is_alive():  # (gone while idle: killed from outside)
            self._stop(worker)
            worker = self._start()
        try:
            worker.conn.send(task)
        except (BrokenPipeError, OSError):  # a worker that went while idle: a fresh one takes the file
            self._stop(worker)
            worker = self._start()
            worker.conn.send(task)
        self.running[worker.conn] = (key, task, worker, time.monotonic())

    def _stop(self, worker: _Worker) -> None:
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(5)
        worker.conn.close()
        if worker in self.alive:
            self.alive.remove(worker)

    def _release(self, worker: _Worker) -> None:
        """Back to the idle workers, or replaced when it has read its share or grown past
        :data:`WORKER_GROWTH_MB`."""
        worker.files += 1
        size = _address_space_mb(worker.proc.pid) if worker.proc.pid is not None else None
        grown = size is not None and worker.start_mb is not None and size - worker.start_mb > WORKER_GROWTH_MB
        if worker.files >= FILES_PER_WORKER or grown or not worker.proc.is_alive():
            self._retire(worker)
        else:
            self.idle.append(worker)

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        worker.proc.join(5)
        self._stop(worker)

    def poll(self, timeout: float) -> list[tuple[int, FileResult]]:
        done: list[tuple[int, FileResult]] = []
        if not self.running:
            return done
        for conn in wait(list(self.running), timeout=timeout):
            key, task, worker, _ = self.running.pop(conn)  # type: ignore[index]
            try:
                res = FileResult.model_validate_json(conn.recv_bytes())
            except (EOFError, OSError, ValueError):
                worker.proc.join(5)
                res = _crashed(task, worker.proc.exitcode, self.limits)
                self._stop(worker)
            else:
                if _spent(res):
                    self._stop(worker)  # (it ends itself after such a file)
                else:
                    self._release(worker)
            done.append((key, res))
        now = time.monotonic()
        for conn, (key, task, worker, started) in list(self.running.items()):
            if self.limits.seconds is not None and now - started > self.limits.seconds:
                self._stop(worker)
                del self.running[conn]
                done.append((key, FileResult(path=task.display, status=Status.FAILED,
                                             reason=f"timed out after {self.limits.seconds:g} s",
                                             seconds=round(now - started, 3))))
        return done

    def close(self) -> None:
        """Every worker stopped: the idle ones told to go, any other (reading, or between a result
        and the idle list when an interrupt came) killed."""
        idle = list(self.idle)
        for worker in idle:
            self._retire(worker)
        for worker in list(self.alive):
            self._stop(worker)
        self.running.clear()
        self.idle.clear()


def run_pool(pool: Pool, tasks: Sequence[Task], done: Callback) -> list[FileResult]:
    """Every task through ``pool``; ``done(i, result)`` as each finishes; the results in task order."""
    results: list[FileResult | None] = [None] * len(tasks)
    pending = list(enumerate(tasks))[::-1]
    try:
        while pending or any(r is None for r in results):
            while pending and pool.slots() > 0:
                pool.submit(*pending.pop())
            for i, res in pool.poll(0.2):
                results[i] = res
                done(i, res)
    finally:
        pool.close()
    return [r for r in results if r is not None]


def run_processes(tasks: Sequence[Task], done: Callback, workers: int, limits: Limits) -> list[FileResult]:
    """``workers`` worker processes, each file under the limits; hung or exploding files are stopped."""
    return run_pool(ProcessPool(workers, limits), tasks, done)


def _crashed(task: Task, exitcode: int | None, limits: Limits) -> FileResult:
    if exitcode is not None and exitcode < 0:
        why = f"worker killed by signal {-exitcode}"
        if -exitcode == 9 and limits.memory_mb:
            why += f" (memory limit {limits.memory_mb} MB?)"
    else:
        why = f"worker crashed (exit code {exitcode})"
    return FileResult(path=task.display, status=Status.FAILED, reason=why)


def run_dask(tasks: Sequence[Task], done: Callback, scheduler: str | object) -> list[FileResult]:
    """The same tasks on a Dask distributed cluster (``scheduler`` is an address or a Client)."""
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(extract_task, list(tasks), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[FileResult | None] = [None] * len(tasks)
        for future in as_completed(futures):
            i = index[future.key]
            try:
                res = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker failure is this file's result
                res = FileResult(path=tasks[i].display, status=Status.FAILED, reason=f"dask worker failed: {exc}")
            results[i] = res
            done(i, res)
        return [r for r in results if r is not None]
    finally:
        if client is not scheduler:
            client.close()
