"""Writing a run: every output file, as the results arrive.

:class:`RunWriter` is fed by the batch in order -- each input's file result as it is read
(:meth:`~RunWriter.add_file`), then each dossier's audit and scores
(:meth:`~RunWriter.add_dossier`) -- and writes at once what each gives: the document JSON, its
rows of every table (CSV, Parquet, SQLite, the workbook, the realisasi template), the dossier
JSON, the scores JSON, the report's page of a dossier. :meth:`~RunWriter.close` draws a small
batch's report from the store while the workbook is written, finishes the streams, puts the
workbook, the tables and the report in place, writes ``datapackage.json`` and the manifest last.

Every file is written atomically (:mod:`core.files`) or streamed under a temporary name and
renamed into place when complete (:mod:`emit.stream`). Strings are made from the typed values
here, at the writers, and nowhere before. :func:`write_outputs` writes a run held in memory
through the same writer.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from audit import unassigned_finding
from audit.models import Dossier
from audit.rows import audit_tables
from core.files import atomic_open, atomic_path, write_json, write_text
from core.problems import Problem
from emit.pages import PageWriter
from emit.schema import datapackage, specs
from emit.stream import TableStreams
from emit.workbook import WORKBOOK_NAME, WorkbookProcess
from extract.models import DocType, Document, FileResult, ManifestEntry, Status
from report.html import REPORT_NAME, render
from report.pages import wants_pages
from score.realisasi import TEMPLATE_COLUMNS, template_rows
from store import DossierResult, Layout, RunIndex, StoreRun, Summary, write_file
from store.rows import document_tables, dossier_tables, input_row, score_issue_rows

SQLITE_NAME = "kinerja.sqlite"
MANIFEST_NAME = "manifest.json"
TEMPLATE_NAME = "realisasi_template.csv"
TEMPLATE_FILE = {"encoding": "utf-8-sig", "newline": ""}  # with a BOM: spreadsheets open it as UTF-8


def _template_writer(fh: TextIO) -> csv.DictWriter:
    writer = csv.DictWriter(fh, fieldnames=TEMPLATE_COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    return writer


def write_realisasi_template(pks: Document | Sequence[Document], path: Path) -> int:
    """Write the realisasi template of one PK or several to ``path`` atomically (the batch writes
    ``OUT/realisasi_template.csv`` of all its PKs as they are read); returns the row count. Rows
    carry the PK's doc_id, so one file serves a whole batch."""
    rows = [row for pk in ([pks] if isinstance(pks, Document) else pks) for row in template_rows(pk)]
    with atomic_open(Path(path), "w", **TEMPLATE_FILE) as fh:
        _template_writer(fh).writerows(rows)
    return len(rows)


class RunWriter:
    """Every output of one run under ``out``, written as the results arrive; messages and
    labels in ``lang`` (``id`` or ``en``)."""

    def __init__(self, out: Path, index: RunIndex, *, lang: str = "id", parquet: bool = True,
                 pages: bool | None = None) -> None:
        self.layout = Layout(out)
        self.index = index
        self.lang = lang
        self.summary = Summary()
        self.layout.clean_temporaries()
        self._stack = contextlib.ExitStack()
        # first: it need not inherit the streams' files; not in the stack: it is written while the report
        # is drawn and put in place before the streams' files (close), and stopped after them (abort)
        self.workbook = WorkbookProcess(out / WORKBOOK_NAME, lang=lang)
        try:
            self.tables = TableStreams(self._stack, self.layout.tables, out / SQLITE_NAME, specs(), parquet=parquet)
            tmp = self._stack.enter_context(atomic_path(out / TEMPLATE_NAME))
            self._template = _template_writer(self._stack.enter_context(open(tmp, "w", **TEMPLATE_FILE)))
        except BaseException as exc:
            self._closed = False
            self.abort(exc)  # (no writer reaches the batch to abort: the workbook's process and files go here)
            raise
        self.pages: PageWriter | None = None
        self.want_pages = pages  # None: by the batch's size
        self._inputs = 0
        self._closed = False

    # ---------------------------------------------------------------- as files are read

    def _rows(self, tables: dict) -> None:
        for name, rows in tables.items():
            dumped = [r.model_dump() for r in rows]
            if dumped:
                self.tables.add_dumped(name, dumped)
                self.workbook.add_dumped(name, dumped)

    def add_file(self, res: FileResult) -> None:
        """One input's result (its documents' ids already unique in the batch)."""
        s = self.summary
        s.inputs += 1
        s.failed += res.status is Status.FAILED
        s.skipped += res.status is Status.SKIPPED
        for doc in res.documents:
            self.add_document(doc, res.path)
        entry = res.entry()
        self.index.add_input(entry)
        self._rows({"inputs": [input_row(self._inputs, entry)]})
        self._inputs += 1
        if self._inputs % 500 == 0:
            self.index.commit()

    def add_document(self, doc: Document, path: str) -> None:
        text = doc.model_dump_json(indent=2) + "\n"
        write_file(self.layout.document(doc.doc_id), text)
        self.index.add_document(doc, path, hashlib.sha256(text.encode()).hexdigest())
        self._rows(document_tables([doc]))
        if doc.doc_type is DocType.PK and doc.indicators:
            self._template.writerows(template_rows(doc))
        s = self.summary
        s.documents += 1
        s.pages += doc.pages or 0
        s.ok += doc.status is Status.OK
        s.partial += doc.status is Status.PARTIAL

    # ---------------------------------------------------------------- as dossiers are audited

    def start_dossiers(self, dossiers: int, score_issues: list[Problem]) -> None:
        """Before the first dossier: how many there are (a large batch gets a page per dossier) and
        the issues of the realisasi file, which lead the score stage's issues."""
        self.index.set_meta("score_issues", [p.model_dump(mode="json") for p in score_issues])
        self._rows(score_issue_rows(score_issues))
        self.summary.dossiers = dossiers
        pages = self.want_pages
        if pages is None:
            pages = wants_pages(documents=self.summary.documents, dossiers=dossiers)
        if pages:
            self.pages = PageWriter(self.layout, lang=self.lang)

    def add_dossier(self, result: DossierResult, docs: list[Document] | None = None, page: str | None = None) -> None:
        """One dossier's outputs; ``docs`` (its documents) or ``page`` (its report page, drawn
        elsewhere) spare reading its documents again when the report has pages."""
        dossier = result.dossier
        write_file(self.layout.dossiers / f"{dossier.dossier_id}.json", dossier_json(dossier, self.lang))
        for score in result.scores:
            write_file(self.layout.scores / f"{score.doc_id}.json", score.model_dump_json(indent=2) + "\n")
            self.index.add_scored(score.doc_id)
        self._rows(dossier_tables(dossier, result.alignment, result.scores, self.lang))
        self.summary.findings += len(dossier.findings)
        tally = [f.severity.value for f in dossier.findings]
        self.index.record_dossier(dossier.dossier_id, dossier.unit, dossier.year,
                                  len(tally), tally.count("error"), tally.count("warning"))
        if self.pages is not None:
            self.pages.add(result, docs, page)

    def add_unassigned(self, stubs: Iterable[Document]) -> None:
        """The ``dossier_unassigned`` notes, after every dossier."""
        findings = [unassigned_finding(d) for d in stubs]
        self.summary.findings += len(findings)
        self._rows(audit_tables(findings, [], self.lang))

    # ---------------------------------------------------------------- the end

    def close(self, seconds: float) -> Summary:
        """Draw the report (a small batch's, while the workbook is written), finish every stream, put
        the workbook, the tables and the report in place, write ``datapackage.json`` and the manifest (last)."""
        self.summary.seconds = round(seconds, 3)
        self.index.set_meta("summary", self.summary.model_dump(mode="json"))
        self.index.commit()
        self.layout.remove_stale(self.index.written)
        # the workbook is written in its process while a small batch's report is drawn here; then the
        # workbook, the tables and the report are put in place, in that order: a small batch's report that
        # cannot be drawn, tables that cannot be closed or a workbook that cannot be written leave none of
        # them (a Parquet dataset's parts are in place as each is complete, the last when the tables close;
        # a large batch's summary pages are drawn after the rest is in place)
        self.workbook.finish()
        run = StoreRun(self.layout.out, self.index)
        html = render(run, lang=self.lang) if self.pages is None else None
        self.tables.close()
        self.workbook.close()
        self._stack.close()
        self._closed = True
        if self.pages is not None:
            self.pages.close(run)
        else:
            write_text(self.layout.out / REPORT_NAME, html)
            PageWriter.remove_pages(self.layout)
        write_json(self.layout.out / "datapackage.json", datapackage())
        write_manifest(self.layout.out / MANIFEST_NAME, self.summary, self.index.manifest())
        return self.summary

    def abort(self, exc: BaseException | None = None) -> None:
        try:
            if not self._closed:
                self._stack.__exit__(type(exc) if exc else RuntimeError, exc or RuntimeError("aborted"), None)
        finally:
            self.workbook.abort()  # (nothing once in place; stopped, and no file left, while it is written)


def write_manifest(path: Path, summary: Summary, entries: Iterable[ManifestEntry]) -> None:
    """``manifest.json``: the summary and one entry per input, streamed (the same text as
    ``json.dumps(..., indent=2)`` of the whole)."""
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{\n  "summary": ')
        fh.write(textwrap.indent(json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2), "  ")[2:])
        fh.write(',\n  "inputs": [')
        first = True
        for e in entries:
            fh.write("\n" if first else ",\n")
            fh.write(textwrap.indent(json.dumps(e.model_dump(mode="json"), ensure_ascii=False, indent=2), "    "))
            first = False
        fh.write("]\n}\n" if first else "\n  ]\n}\n")


def dossier_json(dossier: Dossier, lang: str) -> str:
    """A dossier as its model dumps, each finding with its message worded in ``lang`` beside its parameters."""
    data = dossier.model_dump(mode="json")
    for finding, dumped in zip(dossier.findings, data["findings"], strict=True):
        dumped["message"] = finding.message(lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
