"""Files that misbehave, for the executors' tests: imported by a sandbox helper
(``KINERJA_SANDBOX_PRELOAD=tests.pipeline.misbehave``) or patched in by a test.

``hang.txt`` sleeps a minute, ``bomb.txt`` asks for 8 GB, ``crash.txt`` dies of SIGSEGV, a file
whose name starts with ``slow`` takes 0.2 s more; any other file is read as usual.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import time
from pathlib import Path

from extract import FileResult, Status, read_file


def misbehave(path: str, display: str | None = None, pdf=None) -> FileResult:
    name = Path(path).name
    if name == "hang.txt":
        time.sleep(60)
    if name == "bomb.txt":
        _ = bytearray(8 * 1024**3)  # far beyond the worker's memory limit
    if name == "crash.txt":
        faulthandler.disable()  # the crash is the test: no traceback dump on the runner's stderr
        os.kill(os.getpid(), signal.SIGSEGV)
    if name in ("ok1.txt", "ok2.txt"):
        return FileResult(path=path, status=Status.OK)
    if Path(display or path).name.startswith("slow"):
        time.sleep(0.2)
    return read_file(path, display=display, pdf=pdf)


if os.environ.get("KINERJA_SANDBOX_PRELOAD", "").find(__name__) >= 0:
    import pipeline.executors

    pipeline.executors.read_file = misbehave
