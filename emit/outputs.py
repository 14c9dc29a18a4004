"""Writing a run: every output file, in one place.

:func:`write_outputs` takes a run's typed results (:class:`report.input.RunData`) and writes
each document and dossier as JSON, each stage's tables (:mod:`extract.rows`, :mod:`audit.rows`,
:mod:`score.rows`) as CSV, one SQLite database and Parquet, the realisasi template, the report
and the workbook, and the manifest last. Every file is written atomically
(:mod:`core.files`). Strings are made from the typed values here, at the writers, and
nowhere before.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

from audit.models import Dossier
from audit.rows import TABLES as AUDIT_TABLES
from audit.rows import finding_rows
from core.files import write_json, write_text
from emit.writers import write_csv, write_parquet, write_sqlite
from extract.models import DocType
from extract.rows import TABLES as EXTRACT_TABLES
from extract.rows import extract_tables, issue_row
from report import WORKBOOK_NAME, write_report, write_workbook
from report.input import RunData
from score import all_score_rows, write_template
from score.rows import TABLES as SCORE_TABLES


def write_outputs(result: RunData, out: Path, *, parquet: bool = True, lang: str = "id") -> None:
    """Every output of a run under ``out``; messages and labels in ``lang`` (``id`` or ``en``)."""
    out.mkdir(parents=True, exist_ok=True)
    scores = all_score_rows(result.audit.dossiers, result.scores)
    with _beside(write_workbook, result, out / WORKBOOK_NAME, lang=lang):  # the slowest writer, on the other core
        for doc in result.documents:
            write_text(out / "documents" / f"{doc.doc_id}.json", doc.model_dump_json(indent=2) + "\n")
        for dossier in result.audit.dossiers:
            write_text(out / "dossiers" / f"{dossier.dossier_id}.json", dossier_json(dossier, lang))
        tables = extract_tables(list(result.documents))
        findings = list(finding_rows(result.audit.findings, lang))
        for name, rows in tables.items():
            write_csv(out / "tables" / f"{name}.csv", EXTRACT_TABLES[name], rows)
        pks = [d for d in result.documents if d.doc_type is DocType.PK and d.indicators]
        write_template(pks, out / "realisasi_template.csv")
        for res in result.scores:
            write_text(out / "scores" / f"{res.doc_id}.json", res.model_dump_json(indent=2) + "\n")
        score_issues = [*result.score_issues, *(p for s in result.scores for p in s.issues)]
        tables["issues"] = tables["issues"] + [issue_row(p) for p in score_issues]
        sqlite_tables = {name: (EXTRACT_TABLES[name], rows) for name, rows in tables.items()}
        sqlite_tables["findings"] = (AUDIT_TABLES["findings"], findings)
        sqlite_tables["alignment"] = (AUDIT_TABLES["alignment"], list(result.audit.alignment))
        sqlite_tables["scores"] = (SCORE_TABLES["scores"], scores)
        for name in ("findings", "alignment", "scores"):
            write_csv(out / "tables" / f"{name}.csv", *sqlite_tables[name])
        write_sqlite(out / "kinerja.sqlite", sqlite_tables)
        if parquet:
            for name, (model, rows) in sqlite_tables.items():
                write_parquet(out / "tables" / f"{name}.parquet", model, rows)
        write_report(result, out, lang=lang)
    write_json(out / "manifest.json", {
        "summary": result.summary.model_dump(mode="json"),
        "inputs": [e.model_dump(mode="json") for e in result.manifest],
    })


def dossier_json(dossier: Dossier, lang: str) -> str:
    """A dossier as its model dumps, each finding with its message worded in ``lang`` beside its parameters."""
    data = dossier.model_dump(mode="json")
    for finding, dumped in zip(dossier.findings, data["findings"], strict=True):
        dumped["message"] = finding.message(lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _beside:
    """Run ``fn(*args, **kwargs)`` in a forked process while the block runs; wait for it at the
    end and raise if it failed. The child inherits the result from memory (nothing is pickled).
    Where fork is not available, or other threads run, ``fn`` simply runs first."""

    def __init__(self, fn: Callable[..., object], *args: object, **kwargs: object) -> None:
        self.call = (fn, args, kwargs)
        self.proc = None

    def __enter__(self) -> None:
        import multiprocessing as mp  # noqa: PLC0415

        fn, args, kwargs = self.call
        if "fork" not in mp.get_all_start_methods() or threading.active_count() > 1:
            fn(*args, **kwargs)  # forking a process that runs threads (a Dask client) is not safe
            return
        self.proc = mp.get_context("fork").Process(target=_run_child, args=(fn, args, kwargs), daemon=True)
        self.proc.start()

    def __exit__(self, *exc: object) -> None:
        if self.proc is None:
            return
        self.proc.join()
        if self.proc.exitcode != 0 and exc[0] is None:
            fn = self.call[0]
            raise RuntimeError(f"{fn.__module__}.{fn.__name__} failed in its process (exit code {self.proc.exitcode})")


def _run_child(fn: Callable[..., object], args: tuple, kwargs: dict) -> None:
    try:
        fn(*args, **kwargs)
    except BaseException:
        import traceback  # noqa: PLC0415

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


