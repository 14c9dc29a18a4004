"""Where a run keeps what: the output folder's layout, in one place."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_ROWS_FOLDER = re.compile(r"^\.[^/]+\.rows\.[^/]+\.tmp$")  # (emit.workbook.WorkbookProcess)


@dataclass(frozen=True)
class Layout:
    out: Path

    @property
    def cache(self) -> Path:
        return self.out / ".cache"

    @property
    def index(self) -> Path:
        """The run's SQLite index (rebuilt by every run)."""
        return self.cache / "run.sqlite"

    @property
    def dossier_cache(self) -> Path:
        """Each dossier's audit and scores, by the fingerprint of its inputs."""
        return self.cache / "dossiers"

    @property
    def documents(self) -> Path:
        return self.out / "documents"

    @property
    def dossiers(self) -> Path:
        return self.out / "dossiers"

    @property
    def scores(self) -> Path:
        return self.out / "scores"

    @property
    def tables(self) -> Path:
        return self.out / "tables"

    @property
    def pages(self) -> Path:
        """The report's page per dossier, for a large batch."""
        return self.out / "report"

    def document(self, doc_id: str) -> Path:
        return self.documents / f"{doc_id}.json"

    def dossier_result(self, fingerprint: str) -> Path:
        return self.dossier_cache / fingerprint[:2] / f"{fingerprint}.json"

    def clean_temporaries(self) -> int:
        """Remove the temporary files a killed run left (``.<name>.<random>.tmp``, core.files), and the
        folder of the workbook's row files at the top of the folder (``.<name>.rows.<random>.tmp``,
        emit.workbook); no other folder."""
        removed = 0
        for folder in (self.out, self.documents, self.dossiers, self.scores, self.tables, self.pages):
            if not folder.is_dir():
                continue
            for root, dirs, files in os.walk(folder):
                if Path(root).name == ".cache" or ".cache" in Path(root).relative_to(self.out).parts:
                    continue
                for name in files:
                    if name.startswith(".") and ".tmp" in name:
                        Path(root, name).unlink(missing_ok=True)
                        removed += 1
                for name in [d for d in dirs if folder == self.out and _ROWS_FOLDER.match(d)]:
                    shutil.rmtree(Path(root, name), ignore_errors=True)
                    dirs.remove(name)
                    removed += 1
                if folder != self.tables and folder != self.pages:
                    break  # documents/, dossiers/, scores/ and OUT itself are flat
        return removed


    def remove_stale(self, written: Callable[[str, str], bool]) -> int:
        """Remove the JSON files an earlier run into the same folder left in ``documents/``,
        ``dossiers/`` and ``scores/`` and this run did not write (an input since removed or read
        into other documents, a dossier renamed): ``written(kind, name)`` says whether it did.
        The folders are listed as they are walked, never held whole."""
        removed = 0
        for kind, folder in (("documents", self.documents), ("dossiers", self.dossiers), ("scores", self.scores)):
            if not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".json") and entry.is_file() and not written(kind, entry.name[:-5]):
                        Path(entry.path).unlink(missing_ok=True)
                        removed += 1
        return removed


def write_file(path: Path, text: str | bytes) -> None:
    """``path`` written whole or not at all (a temporary name beside it, then a rename), without the
    fsync of :func:`core.files.write_text`: the many small files of a run (a document, a dossier, a
    page) cost a rename each, not a disk flush. A killed run leaves the old file or the new one,
    never half of either; the manifest, written last, is flushed (core.files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
