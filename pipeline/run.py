"""The batch: inputs in, each result streamed to the outputs as it arrives, then each dossier
audited and scored on its own, the report and the manifest last.

``run`` never raises for a bad input: each input gets a manifest entry with its status and
reason, and the exit status says whether any input failed. The batch process holds a bounded
window of documents (:mod:`pipeline.stream`) and one dossier at a time, never the batch.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.problems import Problem
from emit import RunWriter
from extract import FileResult, Status
from extract.models import ManifestEntry
from extract.pdf.settings import DEFAULT as DEFAULT_PDF, PdfSettings
from pipeline.cache import ResultCache
from pipeline.dossiers import DossierJob, DossierPool, audit_and_score, forked_dossiers, salt
from pipeline.executors import InlinePool, Limits, Pool, ProcessPool
from pipeline.inputs import expand
from pipeline.models import RunResult
from pipeline.stream import ordered_results
from extract.models import Document
from score import RealisasiRow, RuleSet, read_realisasi
from score import load as load_rules
from store import DossierResult, DossierSpec, Layout, RunIndex, write_file
from store.read import load_dossier


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
    window: int = 0  # inputs in flight or waiting to be written (0: 16 per worker, at least 64)
    dask_inputs: str = "auto"  # auto | shared | bytes: how inputs reach Dask workers
    report_pages: bool | None = None  # a page per dossier (None: when the batch is large)
    pdf: PdfSettings | None = None  # the PDF reader's thresholds (extract.pdf.settings; None: its defaults)


def _unique_stems(res: FileResult, index: RunIndex) -> None:
    """Two inputs with one name in different folders must not overwrite each other's outputs."""
    for doc in res.documents:
        owner = index.claim(doc.doc_id, res.path)
        if owner is not None:
            suffix = hashlib.sha256(res.path.encode()).hexdigest()[:8]
            if owner == res.path:  # the same input given twice
                suffix = hashlib.sha256(f"{res.path}#{index.count('inputs')}".encode()).hexdigest()[:8]
            stem, _, rest = doc.doc_id.partition("--")
            doc.doc_id = f"{stem}-{suffix}--{rest}"


def run(inputs: Iterable[str | Path], options: RunOptions) -> RunResult:
    started = time.perf_counter()
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    layout = Layout(out)
    rules = load_rules(options.rules)
    realisasi: list[RealisasiRow] = []
    score_issues: list[Problem] = []
    if options.realisasi is not None:
        real = read_realisasi(options.realisasi)
        realisasi, score_issues = real.rows, list(real.issues)
    tasks, rejected = expand(list(inputs), out / ".inputs")
    if options.pdf is not None:
        tasks = [replace(t, pdf=options.pdf) for t in tasks]
    # (the default settings, given or not, read as without: `--prefer-ocr auto` keeps the cache)
    reading_salt = "" if options.pdf in (None, DEFAULT_PDF) else repr(options.pdf)
    cache = ResultCache(out, salt=reading_salt) if options.use_cache else None
    index = RunIndex.create(layout.index)
    writer = RunWriter(out, index, lang=options.lang, parquet=options.parquet, pages=options.report_pages)
    dask = None
    try:
        if options.executor == "dask":
            if options.scheduler is None:
                raise ValueError("--executor dask needs --scheduler ADDRESS")
            from pipeline.dask import DaskRun  # noqa: PLC0415

            dask = DaskRun(options.scheduler, out, options.limits, inputs=options.dask_inputs)
        pool = _pool(options, dask, len(tasks))
        workers = options.workers or os.cpu_count() or 1
        window = options.window or max(64, 16 * (dask.workers() if dask else workers))

        def read(res: FileResult) -> None:
            if res.status is Status.FAILED and options.on_failure:
                options.on_failure(res.entry())

        with _progress(options.progress, len(tasks)) as advance:
            for res in ordered_results(tasks, pool, cache, window=window, on_read=read):
                _unique_stems(res, index)
                writer.add_file(res)
                advance(Path(res.path).name)
        for rej in rejected:
            res = FileResult(path=rej.display, status=Status.FAILED, reason=rej.reason)
            if options.on_failure:
                options.on_failure(res.entry())
            writer.add_file(res)
        index.commit()

        index.assign_keys()
        dossiers = index.count_keys()
        writer.start_dossiers(dossiers, score_issues)
        job_salt = salt(rules, realisasi)
        specs = index.dossiers(job_salt)
        for _spec, result, docs, page in _dossier_results(specs, options, layout, rules, realisasi, writer, dask):
            _store(layout, result)
            writer.add_dossier(result, docs, page)
        writer.add_unassigned(index.stubs("WHERE doc_id IN (SELECT unassigned FROM dossiers)"))
        summary = writer.close(time.perf_counter() - started)
    except BaseException as exc:
        writer.abort(exc)
        raise
    finally:
        index.close()
        if dask is not None:
            dask.close()
    return RunResult(out, summary)


def _pool(options: RunOptions, dask: object | None, files: int) -> Pool:
    if dask is not None:
        return dask.pool()  # type: ignore[attr-defined]
    if options.executor == "inline":
        return InlinePool()
    # no more workers than files: a one-file run's worker keeps OpenCV's threads (executors.ProcessPool)
    return ProcessPool(max(1, min(options.workers or os.cpu_count() or 1, files)), options.limits)


def _store(layout: Layout, result: DossierResult) -> None:
    path = layout.dossier_result(result.fingerprint)
    if not path.exists():
        write_file(path, result.model_dump_json())


def _dossier_results(specs: Iterable[DossierSpec], options: RunOptions, layout: Layout, rules: RuleSet,
                     realisasi: list[RealisasiRow], writer: RunWriter, dask: object | None
                     ) -> Iterator[tuple[DossierSpec, DossierResult, list[Document] | None, str | None]]:
    """Each dossier's result in order, from the cache or audited: on the Dask cluster, in forked
    processes (the process executor), or here (inline)."""
    if dask is not None:
        for spec, result, _ in dask.dossiers(specs, rules, realisasi):  # type: ignore[attr-defined]
            yield spec, result, None, None
    elif options.executor == "process" and "fork" in mp.get_all_start_methods():
        render = writer.pages.render if writer.pages is not None else None
        pool = DossierPool(options.workers or os.cpu_count() or 1, layout.out, rules, realisasi, render)
        for spec, result, page in forked_dossiers(specs, pool, layout):
            yield spec, result, None, page
    else:
        yield from _dossiers_here(specs, layout, rules, realisasi)


def _dossiers_here(specs: Iterable[DossierSpec], layout: Layout, rules: RuleSet, realisasi: list[RealisasiRow]
                   ) -> Iterator[tuple[DossierSpec, DossierResult, list[Document] | None, str | None]]:
    """Each dossier in this process: from the cache when its fingerprint is there, else audited and scored."""
    for spec in specs:
        try:
            yield spec, load_dossier(layout, spec.fingerprint), None, None
            continue
        except (OSError, ValueError):
            pass
        job = DossierJob(spec, rules, tuple(realisasi), out=str(layout.out))
        docs = job.documents()
        result = audit_and_score(spec, docs, rules, realisasi)
        yield spec, result, [docs[i] for i in spec.members], None


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
