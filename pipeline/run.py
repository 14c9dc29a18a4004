"""The batch: inputs in, every stage over one result, outputs written atomically.

``run`` never raises for a bad input: each input gets a manifest entry with its status and
reason, and the exit status says whether any input failed.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from audit import audit_documents
from emit import write_outputs
from extract import DocType, FileResult, Status
from extract.models import ManifestEntry
from pipeline.cache import ResultCache, file_sha256
from pipeline.executors import Limits, run_dask, run_inline, run_processes
from pipeline.inputs import expand
from pipeline.models import RunResult
from score import RealisasiRow, read_realisasi, score_document
from score import load as load_rules


@dataclass
class RunOptions:
    out: Path
    progress: bool = False
    on_failure: Callable[[ManifestEntry], None] | None = None
    workers: int = 0  # 0: all cores
    executor: str = "process"  # process | inline | dask
    scheduler: str | object | None = None  # Dask scheduler address or Client
    limits: Limits = field(default_factory=Limits)
    use_cache: bool = True
    parquet: bool = True
    realisasi: Path | None = None
    rules: str = "kep36_ag_2012"
    lang: str = "id"  # id | en: the report, the workbook and the findings' messages


def _unique_stems(results: list[FileResult]) -> None:
    """Two inputs with one name in different folders must not overwrite each other's outputs."""
    seen: dict[str, str] = {}
    for res in results:
        for doc in res.documents:
            if doc.doc_id in seen and seen[doc.doc_id] != res.path:
                suffix = hashlib.sha256(res.path.encode()).hexdigest()[:8]
                stem, _, rest = doc.doc_id.partition("--")
                doc.doc_id = f"{stem}-{suffix}--{rest}"
            seen[doc.doc_id] = res.path


def run(inputs: Iterable[str | Path], options: RunOptions) -> RunResult:
    started = time.perf_counter()
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    tasks, rejected = expand(list(inputs), out / ".inputs")
    cache = ResultCache(out) if options.use_cache else None
    results: list[FileResult | None] = [None] * len(tasks)
    todo: list[int] = []
    for i, task in enumerate(tasks):
        cached = cache.get(file_sha256(task.path), task.display) if cache else None
        if cached is not None:
            results[i] = cached
        else:
            todo.append(i)

    with _progress(options.progress, len(tasks)) as advance:
        for i in range(len(tasks)):
            if results[i] is not None:
                advance(Path(tasks[i].display).name)

        def done(k: int, res: FileResult) -> None:
            i = todo[k]
            results[i] = res
            if cache is not None:
                cache.put(res)
            if res.status is Status.FAILED and options.on_failure:
                options.on_failure(res.entry())
            advance(Path(tasks[i].display).name)

        batch = [tasks[i] for i in todo]
        if options.executor == "inline":
            run_inline(batch, done)
        elif options.executor == "dask":
            if options.scheduler is None:
                raise ValueError("--executor dask needs --scheduler ADDRESS")
            run_dask(batch, done, options.scheduler)
        else:
            run_processes(batch, done, options.workers or os.cpu_count() or 1, options.limits)

    final = [r for r in results if r is not None]
    for rej in rejected:
        res = FileResult(path=rej.display, status=Status.FAILED, reason=rej.reason)
        final.append(res)
        if options.on_failure:
            options.on_failure(res.entry())
    _unique_stems(final)
    result = RunResult(manifest=[r.entry() for r in final])
    result.documents = [d for r in final for d in r.documents]
    result.audit = audit_documents(result.documents)
    _score(result, options)
    _summarise(result, len(final), time.perf_counter() - started)
    write_outputs(result, out, parquet=options.parquet, lang=options.lang)
    return result


def _score(result: RunResult, options: RunOptions) -> None:
    """Capaian, NSS, NKp, NKO per dossier PK; without realisasi every IKU says "no realisasi"."""
    rules = load_rules(options.rules)
    rows: list[RealisasiRow] = []
    if options.realisasi is not None:
        real = read_realisasi(options.realisasi)
        rows, result.score_issues = real.rows, list(real.issues)
    by_id = {d.doc_id: d for d in result.documents}
    for dossier in result.audit.dossiers:
        members = [by_id[i] for i in dossier.doc_ids if i in by_id]
        skp = next((d for d in members if d.doc_type is DocType.SKP), None)
        for pk in (d for d in members if d.doc_type is DocType.PK and d.indicators):
            result.scores.append(score_document(pk, rows, rules, dossier=dossier.dossier_id, skp=skp))


def _summarise(result: RunResult, inputs: int, seconds: float) -> None:
    s = result.summary
    s.inputs = inputs
    s.documents = len(result.documents)
    s.pages = sum(d.pages or 0 for d in result.documents)
    for d in result.documents:
        if d.status is Status.OK:
            s.ok += 1
        elif d.status is Status.PARTIAL:
            s.partial += 1
    s.failed = sum(e.status is Status.FAILED for e in result.manifest)
    s.skipped = sum(e.status is Status.SKIPPED for e in result.manifest)
    s.findings = len(result.audit.findings)
    s.seconds = round(seconds, 3)


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
