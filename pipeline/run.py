"""The batch: inputs in, every stage over one result, outputs written atomically.

``run`` never raises for a bad input: each input gets a manifest entry with its status and
reason, and the exit status says whether any input failed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from audit import AuditResult, audit_documents
from emit.rows import TABLES, all_tables
from audit.models import Alignment
from emit.findings import FindingRow, ScoreRow, consistency_rows, finding_rows
from emit.writers import write_csv, write_json, write_sqlite, write_text
from extract import Document, FileResult, Status, read_file

HIDDEN = (".", "_", "~")


class ManifestEntry(BaseModel):
    path: str
    sha256: str | None = None
    status: Status
    reason: str | None = None
    documents: list[str] = Field(default_factory=list)
    seconds: float = 0.0


class Summary(BaseModel):
    inputs: int = 0
    documents: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    findings: int = 0
    seconds: float = 0.0


class RunResult(BaseModel):
    manifest: list[ManifestEntry] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    audit: AuditResult = Field(default_factory=AuditResult)
    summary: Summary = Field(default_factory=Summary)

    @property
    def exit_code(self) -> int:
        return 1 if any(e.status is Status.FAILED for e in self.manifest) else 0


@dataclass
class RunOptions:
    out: Path
    progress: bool = False
    on_failure: Callable[[ManifestEntry], None] | None = None
    extra_outputs: list[str] = field(default_factory=list)


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders walked recursively in name order, hidden files left out."""
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(HIDDEN) for part in p.relative_to(path).parts)
            )
        else:
            out.append(path)
    return out


def _unique_stems(results: list[FileResult]) -> None:
    """Two inputs with one name in different folders must not overwrite each other's outputs."""
    seen: dict[str, str] = {}
    for res in results:
        for doc in res.documents:
            if doc.doc_id in seen and seen[doc.doc_id] != res.path:
                suffix = (res.sha256 or "x")[:8]
                stem, _, rest = doc.doc_id.partition("--")
                doc.doc_id = f"{stem}-{suffix}--{rest}"
            seen[doc.doc_id] = res.path


def run(inputs: Iterable[str | Path], options: RunOptions) -> RunResult:
    started = time.perf_counter()
    paths = expand_inputs(inputs)
    results: list[FileResult] = []
    with _progress(options.progress, len(paths)) as advance:
        for path in paths:
            if not path.exists():
                res = FileResult(path=str(path), status=Status.FAILED, reason="not found")
            else:
                res = read_file(path)
            results.append(res)
            if res.status is Status.FAILED and options.on_failure:
                options.on_failure(_entry(res))
            advance(path.name)
    _unique_stems(results)
    result = RunResult(manifest=[_entry(r) for r in results])
    result.documents = [d for r in results for d in r.documents]
    result.audit = audit_documents(result.documents)
    _summarise(result, len(paths), time.perf_counter() - started)
    write_outputs(result, options.out)
    return result


def _entry(res: FileResult) -> ManifestEntry:
    return ManifestEntry(
        path=res.path, sha256=res.sha256, status=res.status, reason=res.reason,
        documents=[d.doc_id for d in res.documents], seconds=res.seconds,
    )


def _summarise(result: RunResult, inputs: int, seconds: float) -> None:
    s = result.summary
    s.inputs = inputs
    s.documents = len(result.documents)
    for d in result.documents:
        if d.status is Status.OK:
            s.ok += 1
        elif d.status is Status.PARTIAL:
            s.partial += 1
    s.failed = sum(e.status is Status.FAILED for e in result.manifest)
    s.skipped = sum(e.status is Status.SKIPPED for e in result.manifest)
    s.findings = len(result.audit.findings)
    s.seconds = round(seconds, 3)


def write_outputs(result: RunResult, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for doc in result.documents:
        write_text(out / "documents" / f"{doc.doc_id}.json", doc.model_dump_json(indent=2) + "\n")
    for dossier in result.audit.dossiers:
        write_text(out / "dossiers" / f"{dossier.dossier_id}.json", dossier.model_dump_json(indent=2) + "\n")
    tables = all_tables(result.documents)
    findings = list(finding_rows(result.audit.findings))
    for name, rows in tables.items():
        write_csv(out / "tables" / f"{name}.csv", TABLES[name], rows)
    scores = list(consistency_rows(result.audit.dossiers))
    write_csv(out / "tables" / "findings.csv", FindingRow, findings)
    write_csv(out / "tables" / "alignment.csv", Alignment, result.audit.alignment)
    write_csv(out / "tables" / "scores.csv", ScoreRow, scores)
    sqlite_tables = {name: (TABLES[name], rows) for name, rows in tables.items()}
    sqlite_tables["findings"] = (FindingRow, findings)
    sqlite_tables["alignment"] = (Alignment, result.audit.alignment)
    sqlite_tables["scores"] = (ScoreRow, scores)
    write_sqlite(out / "kinerja.sqlite", sqlite_tables)
    write_json(out / "manifest.json", {
        "summary": result.summary.model_dump(mode="json"),
        "inputs": [e.model_dump(mode="json") for e in result.manifest],
    })


class _progress:
    """A rich progress bar on a terminal; silent otherwise."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self._bar = None

    def __enter__(self) -> Callable[[str], None]:
        if not self.enabled:
            return lambda _name: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), transient=True,
        )
        self._bar.__enter__()
        task = self._bar.add_task("", total=self.total)

        def advance(name: str) -> None:
            assert self._bar is not None
            self._bar.update(task, advance=1, description=name)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
