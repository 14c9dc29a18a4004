"""A file read with its time and memory limits, from any process: also a Dask worker's.

A Dask worker runs tasks in threads of a process that may be a daemon, so it can neither fork
safely nor start multiprocessing children. Each worker thread instead keeps a helper process
(``python -m pipeline.sandbox``, started once, single-threaded, with the heavy modules already
imported) and sends it one file at a time; the helper reads the files in a forked worker with the
same limits as the local executor (:class:`pipeline.executors.ProcessPool`): a file that hangs
is killed after its seconds, one that explodes hits its address-space limit, a crash is
reported -- and the helper goes on with a fresh worker. The helper dies with the worker (PR_SET_PDEATHSIG).

Protocol on the helper's stdin/stdout: a 4-byte big-endian length, then JSON. ``KINERJA_SANDBOX_PRELOAD``
(comma-separated modules) is imported by the helper first (tests patch the reader there).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path

from extract import FileResult, Status
from extract.pdf.raster import one_thread
from extract.pdf.settings import PdfSettings
from pipeline.executors import Limits, ProcessPool, Task, _die_with_parent

PRELOAD_VAR = "KINERJA_SANDBOX_PRELOAD"
ROOT = Path(__file__).resolve().parent.parent


def _send(fh, data: bytes) -> None:
    fh.write(struct.pack(">I", len(data)) + data)
    fh.flush()


def _recv(fh) -> bytes | None:
    head = fh.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack(">I", head)
    data = fh.read(n)
    return data if len(data) == n else None


def serve() -> None:
    """The helper's loop: one request, one file read under its limits, one reply."""
    _die_with_parent(os.getppid())
    one_thread()  # OpenCV: a Dask worker's threads each read a file beside the others
    for name in filter(None, os.environ.get(PRELOAD_VAR, "").split(",")):
        importlib.import_module(name)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but replies on the reply channel
    pool: ProcessPool | None = None  # one worker, kept while the limits asked for stay the same
    try:
        while (data := _recv(stdin)) is not None:
            req = json.loads(data)
            limits = Limits(seconds=req["seconds"], memory_mb=req["memory_mb"])
            if pool is None or pool.limits != limits:
                if pool is not None:
                    pool.close()
                pool = ProcessPool(1, limits)
            pdf = PdfSettings(**req["pdf"]) if req.get("pdf") is not None else None
            pool.submit(0, Task(path=req["path"], display=req["display"], pdf=pdf))
            done: list = []
            while not done:
                done = pool.poll(0.5)
            _send(stdout, done[0][1].model_dump_json().encode("utf-8"))
    finally:
        if pool is not None:
            pool.close()


class Sandbox:
    """A helper process owned by one thread."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        return subprocess.Popen([sys.executable, "-m", "pipeline.sandbox"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, cwd=str(ROOT), env=env)

    def read(self, task: Task, limits: Limits) -> FileResult:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        req = {"path": task.path, "display": task.display, "seconds": limits.seconds, "memory_mb": limits.memory_mb,
               "pdf": None if task.pdf is None else dataclasses.asdict(task.pdf)}
        try:
            _send(self.proc.stdin, json.dumps(req).encode())
            reply = _recv(self.proc.stdout)
        except (BrokenPipeError, OSError):
            reply = None
        if reply is None:  # the helper itself died: a new one next time
            self.close()
            return FileResult(path=task.display, status=Status.FAILED, reason="worker crashed (sandbox lost)")
        return FileResult.model_validate_json(reply)

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            self.proc = None


_local = threading.local()


def read_limited(task: Task, limits: Limits) -> FileResult:
    """``task`` read in this thread's helper, under ``limits``."""
    box = getattr(_local, "box", None)
    if box is None:
        box = _local.box = Sandbox()
    return box.read(task, limits)


if __name__ == "__main__":
    serve()
