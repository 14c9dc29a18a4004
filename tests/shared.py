"""What the test workers compute once per run and share: reads of slow (scanned) files, the
built corpus, and the pipeline's run over the seed corpus.

The suite runs on several workers (pytest-xdist). A scanned PDF takes 10–70 s to OCR, and the
tests that look at one scan may land on different workers; so the first worker to need a
result computes it under a file lock and stores it in the run's folder, and every other worker
reads it back. The folder is made by ``tests/conftest.py`` for the run and removed after it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from extract import FileResult, read_file
from extract.pdf.settings import PdfSettings
from pipeline import RunOptions, run

RUN_DIR_VAR = "KINERJA_TEST_RUN_DIR"


def run_dir() -> Path:
    """The folder this test run shares between its workers."""
    path = os.environ.get(RUN_DIR_VAR)
    if not path:  # a module imported outside pytest: a folder of its own
        path = tempfile.mkdtemp(prefix="kinerja-tests-")
        os.environ[RUN_DIR_VAR] = path
    Path(path).mkdir(parents=True, exist_ok=True)
    return Path(path)


@contextlib.contextmanager
def locked(name: str) -> Iterator[Path]:
    """Hold the run-wide lock ``name`` (other workers wait) and yield the folder of that name."""
    folder = run_dir() / name
    folder.mkdir(parents=True, exist_ok=True)
    with open(run_dir() / f"{name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def once(name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name``, filled by ``make(folder)`` the first time any worker asks for it."""
    with locked(name) as folder:
        done = folder / ".done"
        if not done.exists():
            make(folder)
            done.touch()
    return folder


def read_once(path: str | Path, pdf: PdfSettings | None = None) -> FileResult:
    """``read_file(path, pdf=pdf)``, computed once per test run."""
    key = hashlib.sha256(f"{Path(path).resolve()}|{pdf!r}".encode()).hexdigest()[:20]
    with locked(f"read-{key}") as folder:
        cached = folder / "result.json"
        if cached.exists():
            return FileResult.model_validate_json(cached.read_text(encoding="utf-8"))
        result = read_file(path, pdf=pdf)
        cached.write_text(result.model_dump_json(), encoding="utf-8")
        return result


def seed_run() -> Path:
    """The output folder of one pipeline run over the seed corpus (inline, no cache), made once per
    test run and shared by every test that only reads a run's outputs; a test that writes into
    its output folder (a rerun, a killed run) makes its own."""
    def make(folder: Path) -> None:
        run([Path(__file__).resolve().parents[1] / "corpus" / "seeds"],
            RunOptions(out=folder / "out", executor="inline", use_cache=False))

    return once("seed-run", make) / "out"
