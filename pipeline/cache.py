"""A content-hash cache in the output folder: a rerun skips inputs whose bytes (and the code
that reads them) did not change, and a killed run resumes where it stopped."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from store import write_file
from extract import FileResult

CODE_PACKAGES = ("core", "normalize", "extract")


@cache
def code_version() -> str:
    """A hash of the source of the stages whose output is cached."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for pkg in CODE_PACKAGES:
        for path in sorted((root / pkg).rglob("*.py")):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def file_sha256(path: str | Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


class ResultCache:
    def __init__(self, out: Path, salt: str = "") -> None:
        """``salt``: what else the results depend on (the PDF reader's settings when not its defaults)."""
        version = code_version() if not salt else f"{code_version()}-{hashlib.sha256(salt.encode()).hexdigest()[:8]}"
        self.root = out / ".cache" / version

    def _path(self, sha: str, display: str) -> Path:
        name = hashlib.sha256(Path(display).name.encode()).hexdigest()[:8]  # doc ids derive from the name
        return self.root / f"{sha}-{name}.json"

    def get(self, sha: str | None, display: str) -> FileResult | None:
        if not sha:
            return None
        path = self._path(sha, display)
        try:
            result = FileResult.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        result.path = display
        return result

    def has(self, sha: str | None, display: str) -> bool:
        return bool(sha) and self._path(sha, display).exists()

    def put(self, result: FileResult) -> None:
        if result.sha256 and not (result.reason or "").startswith(("timed out", "worker", "memory", "internal")):
            write_file(self._path(result.sha256, result.path), result.model_dump_json())
