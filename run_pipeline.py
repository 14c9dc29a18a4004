"""run-pipeline: read Indonesian performance documents into typed tables and audit them.

    python run_pipeline.py INPUT [INPUT ...] --out OUT [--workers N] [--executor dask --scheduler ADDRESS]
    python run_pipeline.py schema        # the JSON Schema of the document model
    python run_pipeline.py schema tables # the JSON Schema of every output table's row (or: schema targets)
    python run_pipeline.py checks [en|id] # the Markdown table of every registered check (the README's)

INPUT is a file, a folder (walked recursively) or a zip archive. OUT receives report.html (and
report/*.html for a large batch), kinerja.xlsx, documents/*.json, dossiers/*.json, scores/*.json,
tables/*.csv and tables/*/part-*.parquet, kinerja.sqlite, datapackage.json,
realisasi_template.csv and manifest.json (last), each written as the results arrive.

Exit status: 0 when every input was read, 1 when some input failed, 2 for a usage error.
This module is a thin layer over :mod:`pipeline`; everything it does is a library call.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.pdf.settings import DEFAULT as DEFAULT_PDF
from pipeline import ManifestEntry, RunOptions, RunResult, run
from pipeline.executors import Limits
from score import RuleSetError, available
from score import load as load_rules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run-pipeline",
        description="Extract, normalize and cross-check Perjanjian Kinerja, Rincian Target, SKP and Rencana Aksi documents.",
        epilog="Exit status: 0 all inputs read, 1 some input failed, 2 usage error.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders of documents")
    parser.add_argument("--out", "-o", required=True, type=Path, help="output folder")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--workers", "-j", type=int, default=0, help="worker processes (default: all cores)")
    parser.add_argument("--executor", choices=("process", "inline", "dask"), default="process",
                        help="process: isolated worker processes (default); inline: this process; dask: a Dask cluster")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per input file (default 300)")
    parser.add_argument("--max-memory", type=int, default=4096, help="MB of memory per worker (default 4096)")
    parser.add_argument("--no-cache", action="store_true", help="re-read every input even if unchanged since the last run")
    parser.add_argument("--prefer-ocr", choices=("auto", "always", "never"),
                        help="a scan with its own OCR layer: read it again and keep the reading with more real words "
                        "(auto, the default), always replace the layer by our OCR, or never OCR it (fast)")
    parser.add_argument("--realisasi", type=Path, help="CSV or XLSX: indicator_code, period (default Y), realisasi "
                        "[, polaritas max/min/stabil, doc_id]; fill OUT/realisasi_template.csv")
    parser.add_argument("--lang", choices=("id", "en"), default="id",
                        help="language of the report, the workbook and the findings' messages (default id)")
    parser.add_argument("--report", choices=("auto", "single", "pages"), default="auto",
                        help="report.html as one page, or a summary with a page per dossier (auto: pages for "
                        "a large batch)")
    parser.add_argument("--dask-inputs", choices=("auto", "shared", "bytes"), default="auto",
                        help="how inputs reach Dask workers: shared storage (the path), or bytes in the task "
                        "(auto: shared when the workers see the first input)")
    parser.add_argument("--rules", default="kep36_ag_2012", help=f"scoring rule set: {', '.join(available())} "
                        "or a path to a .toml (default kep36_ag_2012)")
    return parser


def print_schema(what: str | None = None) -> int:
    """``schema``: the document model; ``schema tables``: every output table's row; ``schema NAME``: one table."""
    import json

    from emit.schema import json_schema, specs
    from extract.models import Document

    if what is None:
        data = Document.model_json_schema()
    else:
        tables = {s.name: json_schema(s) for s in specs()}
        if what != "tables" and what not in tables:
            print(f"run-pipeline: schema: no table {what!r} (tables: {', '.join(tables)})", file=sys.stderr)
            return 2
        data = tables if what == "tables" else tables[what]
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def print_checks(lang: str = "en") -> int:
    """``checks``: the Markdown table of every check the stages register (the audit's and the score's)."""
    from audit.registry import markdown_table

    if lang not in ("en", "id"):
        print(f"run-pipeline: checks: no language {lang!r} (en, id)", file=sys.stderr)
        return 2
    print(markdown_table(lang))
    return 0


def _report_failure(entry: ManifestEntry) -> None:
    print(f"run-pipeline: failed: {entry.path}: {entry.reason}", file=sys.stderr)


def summary_text(result: RunResult, out: Path) -> str:
    s = result.summary
    return (
        f"run-pipeline: {s.inputs} inputs, {s.documents} documents "
        f"({s.ok} ok, {s.partial} partial), {s.pages} pages, {s.failed} failed, {s.skipped} skipped inputs, "
        f"{s.findings} findings in {s.dossiers} dossiers; {s.seconds:.2f}s -> {out}"
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["schema"]:
        return print_schema(argv[1] if len(argv) > 1 else None)
    if argv[:1] == ["checks"]:
        return print_checks(argv[1] if len(argv) > 1 else "en")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.executor == "dask" and not args.scheduler:
        parser.error("--executor dask needs --scheduler ADDRESS")
    if args.workers < 0 or args.timeout <= 0 or args.max_memory <= 0:
        parser.error("--workers, --timeout and --max-memory must be positive")
    try:
        load_rules(args.rules)
    except RuleSetError as exc:
        parser.error(f"--rules: {exc}")
    if args.realisasi is not None and not args.realisasi.is_file():
        parser.error(f"--realisasi: no such file: {args.realisasi}")
    options = RunOptions(
        out=args.out, progress=not args.quiet, on_failure=_report_failure, workers=args.workers,
        executor=args.executor, scheduler=args.scheduler, limits=Limits(seconds=args.timeout, memory_mb=args.max_memory),
        use_cache=not args.no_cache, realisasi=args.realisasi, rules=args.rules, lang=args.lang,
        report_pages={"auto": None, "single": False, "pages": True}[args.report], dask_inputs=args.dask_inputs,
        pdf=None if args.prefer_ocr is None else DEFAULT_PDF.with_prefer_ocr(args.prefer_ocr),
    )
    try:
        result = run(args.inputs, options)
    except OSError as exc:  # the output folder itself cannot be written
        print(f"run-pipeline: cannot write output to {args.out}: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(summary_text(result, args.out), file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
