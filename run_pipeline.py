"""run-pipeline: read Indonesian performance documents into typed tables and audit them.

    python run_pipeline.py INPUT [INPUT ...] --out OUT

INPUT is a file or a folder (walked recursively). OUT receives documents/*.json,
dossiers/*.json, tables/*.csv, kinerja.sqlite and manifest.json.

Exit status: 0 when every input was read, 1 when some input failed, 2 for a usage error.
This module is a thin layer over :mod:`pipeline`; everything it does is a library call.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import ManifestEntry, RunOptions, RunResult, run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run-pipeline",
        description="Extract, normalize and cross-check Perjanjian Kinerja, Rincian Target, SKP and Rencana Aksi documents.",
        epilog="Exit status: 0 all inputs read, 1 some input failed, 2 usage error.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders of documents")
    parser.add_argument("--out", "-o", required=True, type=Path, help="output folder")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    return parser


def _report_failure(entry: ManifestEntry) -> None:
    print(f"run-pipeline: failed: {entry.path}: {entry.reason}", file=sys.stderr)


def summary_text(result: RunResult, out: Path) -> str:
    s = result.summary
    return (
        f"run-pipeline: {s.inputs} inputs, {s.documents} documents "
        f"({s.ok} ok, {s.partial} partial), {s.failed} failed, {s.skipped} skipped inputs, "
        f"{s.findings} findings in {len(result.audit.dossiers)} dossiers; {s.seconds:.2f}s -> {out}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    options = RunOptions(out=args.out, progress=not args.quiet, on_failure=_report_failure)
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
