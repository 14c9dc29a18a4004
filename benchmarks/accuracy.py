"""Field accuracy of the project's extraction on synthetic documents, per slice, beside competitors.

    python benchmarks/accuracy.py --n 300 --seed 1                      # digital files
    python benchmarks/accuracy.py --n 40 --seed 1 --scans               # image-only scans
    python benchmarks/accuracy.py --n 100 --seed 1 --competitors all    # + img2table, camelot, pdfplumber
    python benchmarks/accuracy.py --n 100 --seed 1 --media xlsx         # the same dossiers typed into workbooks (or docx)

Generates files ``start .. start+n-1`` of ``corpus.synth`` (seed, index) into ``OUT/files``,
reads each with ``extract.read.read_file`` and scores it against its truth
(benchmarks/synth_score.py says how fields and cells are matched). Writes to ``OUT`` (default
``benchmarks/_out/accuracy-<mode>-s<seed>``):

``report.md``    overall field accuracy, per field, the worst slices, every slice, seconds per page,
                 and the cell-recovery metric of every reader per slice
``slices.csv``   metric, reader, slice parameter, value, ok, total, accuracy
``errors.csv``   every wrong field: file, document, field, truth, got, item
``summary.json`` the headline figures

Digital files, scans and office files are never mixed in one run (``--digital``, the default,
``--scans`` or ``--media docx|xlsx``: :func:`corpus.synth.generate_office`, the documents of the
same (seed, index) typed into a Word file or a workbook; a document counts as one page).
This is a measurement: nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth_score import OVERALL_FIELDS, CellResult, FieldResult, score_cells, score_cells_typed, score_fields  # noqa: E402
from corpus.synth import LAYOUT_KINDS, LKJ_KINDS, OFFICE_MEDIA, generate, generate_office, truth_path  # noqa: E402
from extract.pdf.raster import one_thread

COMPETITORS = ("img2table", "camelot_stream", "camelot_network", "pdfplumber_text")
OURS = "kinerja"


@dataclass(frozen=True)
class Limits:
    """Reporting thresholds (not goals: the goals of issue #18 are in GOALS)."""

    min_slice_fields: int = 40  # a slice value with fewer fields is listed but left out of "worst slices" (too noisy)
    worst: int = 10  # how many worst slices the report lists


@dataclass(frozen=True)
class Goals:
    """The targets of issue #18 (field accuracy), shown beside the measured figures."""

    digital_overall: float = 0.98
    digital_slice: float = 0.95
    scan_overall: float = 0.92
    scan_slice: float = 0.85


LIMITS = Limits()
GOALS = Goals()


@dataclass
class FileRun:
    file: str
    index: int
    pages: int
    seconds: float
    status: str
    fields: list[FieldResult] = field(default_factory=list)
    cells: dict[str, list[CellResult]] = field(default_factory=dict)  # reader -> cells
    reader_seconds: dict[str, float] = field(default_factory=dict)
    reader_errors: dict[str, str] = field(default_factory=dict)


def run_file(seed: int, index: int, scan: bool, files: Path, competitors: Sequence[str] = (),
             kinds: tuple[str, ...] | None = None, medium: str = "pdf") -> FileRun:
    """Generate one file, read it with the project (and the competitors, on a PDF), score it."""
    from extract.read import read_file  # noqa: PLC0415

    if medium == "pdf":
        g = generate(seed, index, scan=scan, kinds=kinds)
        truth, data = g.truth, g.pdf
        pages = sum(d.pages for d in truth.documents)
    else:
        office = generate_office(seed, index, medium, kinds=kinds)
        truth, data = office.truth, office.data
        pages = len(truth.documents)  # (a document counts as one page)
    path = files / truth.file
    path.write_bytes(data)
    truth_path(path).write_text(truth.to_json(), encoding="utf-8")
    started = time.perf_counter()
    result = read_file(path)
    seconds = time.perf_counter() - started
    run = FileRun(truth.file, index, pages, seconds, result.status.value)
    run.fields = score_fields(truth, result.documents)
    run.cells[OURS] = score_cells_typed(truth, result.documents)
    run.reader_seconds[OURS] = seconds
    if competitors:
        from benchmarks.synth_readers import run_reader  # noqa: PLC0415

        for name in competitors:
            started = time.perf_counter()
            tables, error = run_reader(name, path, scan)
            run.reader_seconds[name] = time.perf_counter() - started
            if error:
                run.reader_errors[name] = error
            run.cells[name] = score_cells(truth, tables)
    return run


def run_all(seed: int, indices: Sequence[int], scan: bool, files: Path, competitors: Sequence[str] = (),
            competitor_indices: set[int] | None = None, kinds: tuple[str, ...] | None = None, workers: int = 1,
            medium: str = "pdf") -> list[FileRun]:
    """Every file of ``indices`` (competitors only on ``competitor_indices``), in index order."""
    files.mkdir(parents=True, exist_ok=True)
    chosen = set(indices) if competitor_indices is None else competitor_indices
    jobs = [(seed, i, scan, files, tuple(competitors) if i in chosen else (), kinds, medium) for i in indices]
    if workers <= 1:
        return [run_file(*j) for j in jobs]
    one_thread()  # (before the fork, as the pipeline's pool does: the workers read side by side and inherit it)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run_file, *zip(*jobs, strict=True)))


# --- aggregation -----------------------------------------------------------------------------


def accuracy(items: Iterable[bool]) -> tuple[int, int, float]:
    ok = total = 0
    for x in items:
        total += 1
        ok += bool(x)
    return ok, total, (ok / total if total else float("nan"))


def overall_fields(runs: Sequence[FileRun]) -> list[FieldResult]:
    return [f for r in runs for f in r.fields if f.field in OVERALL_FIELDS]


def by_slice(results: Iterable[FieldResult | CellResult]) -> dict[tuple[str, str], list[bool]]:
    """(slice parameter, value) -> outcomes of every field or cell carrying it."""
    out: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for f in results:
        for k, v in f.slices.items():
            out[(k, v)].append(f.ok)
    return out


def worst_slices(results: Sequence[FieldResult], limits: Limits = LIMITS) -> list[tuple[str, str, int, int, float]]:
    rows = []
    for (k, v), oks in by_slice(results).items():
        ok, total, acc = accuracy(oks)
        if total >= limits.min_slice_fields:
            rows.append((k, v, ok, total, acc))
    return sorted(rows, key=lambda r: (r[4], r[0], r[1]))[: limits.worst]


def _pct(x: float) -> str:
    return "—" if x != x else f"{100 * x:.1f}%"


def report(runs: Sequence[FileRun], seed: int, scan: bool, readers: Sequence[str], medium: str = "pdf") -> tuple[str, list[list[str]], dict]:
    """The Markdown report, the slice rows for slices.csv and the summary."""
    fields = overall_fields(runs)
    ok, total, acc = accuracy(f.ok for f in fields)
    pages = sum(r.pages for r in runs)
    secs = sum(r.seconds for r in runs)
    mode = "scans" if scan else ("digital" if medium == "pdf" else medium)
    goal_all, goal_slice = (GOALS.scan_overall, GOALS.scan_slice) if scan else (GOALS.digital_overall, GOALS.digital_slice)
    lines = [f"# Field accuracy on synthetic {mode} files (seed {seed}, {len(runs)} files, {pages} pages)", ""]
    lines.append(f"Overall field accuracy: **{_pct(acc)}** ({ok:,} of {total:,} fields; goal {_pct(goal_all)}, "
                 f"no slice under {_pct(goal_slice)}). Seconds per page: **{secs / max(pages, 1):.3f}** "
                 f"({secs:.1f} s for {pages} pages, one process).")
    statuses = defaultdict(int)
    for r in runs:
        statuses[r.status] += 1
    lines += ["", "File status: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())), ""]
    lines += ["## Per field", "", "| field | ok | total | accuracy |", "| --- | ---: | ---: | ---: |"]
    per_field: dict[str, list[bool]] = defaultdict(list)
    for r in runs:
        for f in r.fields:
            per_field[f.field].append(f.ok)
    for name in sorted(per_field):
        o, t, a = accuracy(per_field[name])
        note = "" if name in OVERALL_FIELDS else " (not in overall)"
        lines.append(f"| {name}{note} | {o:,} | {t:,} | {_pct(a)} |")
    lines += ["", f"## Worst {LIMITS.worst} slices (at least {LIMITS.min_slice_fields} fields)", "",
              "| slice | value | ok | total | accuracy |", "| --- | --- | ---: | ---: | ---: |"]
    for k, v, o, t, a in worst_slices(fields):
        lines.append(f"| {k} | {v} | {o:,} | {t:,} | {_pct(a)} |")
    # every slice: our fields beside every reader's cells
    field_slices = by_slice(fields)
    cell_slices = {rd: by_slice([c for r in runs for c in r.cells.get(rd, [])]) for rd in readers}
    cell_all = {rd: accuracy(c.ok for r in runs for c in r.cells.get(rd, [])) for rd in readers}
    comp_runs = [r for r in runs if len(r.cells) > 1]
    lines += ["", "## Cell recovery (every reader on the same cells)", ""]
    if comp_runs and len(comp_runs) != len(runs):
        lines.append(f"Competitors ran on {len(comp_runs)} of the {len(runs)} files; the '{OURS}' cell figures below are on "
                     "those files only.")
        cell_slices[OURS] = by_slice([c for r in comp_runs for c in r.cells[OURS]])
        cell_all[OURS] = accuracy(c.ok for r in comp_runs for c in r.cells[OURS])
    lines += ["", "| reader | cells ok | cells | recovery | seconds/page | files failed |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for rd in readers:
        o, t, a = cell_all[rd]
        rr = [r for r in runs if rd in r.cells]
        sp = sum(r.reader_seconds.get(rd, 0) for r in rr) / max(sum(r.pages for r in rr), 1)
        failed = sum(1 for r in rr if rd in r.reader_errors)
        lines.append(f"| {rd} | {o:,} | {t:,} | {_pct(a)} | {sp:.3f} | {failed} |")
    head = "| slice | value | fields | field acc. | " + " | ".join(f"{rd} cells" for rd in readers) + " |"
    lines += ["", "## Every slice", "", "Field accuracy of the project, then each reader's cell recovery.", "", head,
              "| --- | --- | ---: | ---: |" + " ---: |" * len(readers)]
    rows_csv: list[list[str]] = []
    keys = sorted(set(field_slices) | {k for rd in readers for k in cell_slices[rd]})
    for k, v in keys:
        fo, ft, fa = accuracy(field_slices.get((k, v), []))
        rows_csv.append(["field", OURS, k, v, str(fo), str(ft), f"{fa:.4f}"])
        cells = []
        for rd in readers:
            co, ct, ca = accuracy(cell_slices[rd].get((k, v), []))
            cells.append(_pct(ca))
            rows_csv.append(["cell", rd, k, v, str(co), str(ct), f"{ca:.4f}"])
        lines.append(f"| {k} | {v} | {ft:,} | {_pct(fa)} | " + " | ".join(cells) + " |")
    summary = {
        "mode": mode, "seed": seed, "files": len(runs), "pages": pages, "field_accuracy": acc, "fields": total,
        "seconds_per_page": secs / max(pages, 1),
        "worst_slices": [{"slice": k, "value": v, "accuracy": a, "fields": t} for k, v, _o, t, a in worst_slices(fields)],
        "cell_recovery": {rd: cell_all[rd][2] for rd in readers},
    }
    return "\n".join(lines) + "\n", rows_csv, summary


def write_outputs(out: Path, runs: Sequence[FileRun], seed: int, scan: bool, readers: Sequence[str], medium: str = "pdf") -> dict:
    out.mkdir(parents=True, exist_ok=True)
    md, rows, summary = report(runs, seed, scan, readers, medium)
    (out / "report.md").write_text(md, encoding="utf-8")
    with open(out / "slices.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["metric", "reader", "slice", "value", "ok", "total", "accuracy"])
        w.writerows(rows)
    with open(out / "errors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "doc", "kind", "field", "truth", "got", "item"])
        for r in runs:
            for f in r.fields:
                if not f.ok:
                    w.writerow([f.file, f.doc, f.slices.get("kind", ""), f.field, f.truth, f.got, f.where])
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/accuracy.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--kinds", nargs="*", choices=LAYOUT_KINDS + LKJ_KINDS,
                        help="only files of these document kinds (the LKj report only when named)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--scans", action="store_true", help="image-only scans of the files")
    mode.add_argument("--digital", action="store_true", help="digital files (the default)")
    mode.add_argument("--media", choices=OFFICE_MEDIA, help="the files' documents typed into a Word file or a workbook")
    parser.add_argument("--competitors", nargs="*", default=[], help=f"'all' or some of {', '.join(COMPETITORS)}")
    parser.add_argument("--competitor-n", type=int, help="run the competitors on the first N files only")
    parser.add_argument("--workers", type=int, default=1, help="processes (seconds per page are per process)")
    args = parser.parse_args(argv)
    competitors = list(COMPETITORS) if args.competitors == ["all"] else args.competitors
    for c in competitors:
        if c not in COMPETITORS:
            parser.error(f"unknown competitor {c!r}")
    if args.media and competitors:
        parser.error("--competitors read PDFs: not with --media")
    scan = bool(args.scans)
    medium = args.media or "pdf"
    label = "scans" if scan else ("digital" if medium == "pdf" else medium)
    out = args.out or ROOT / "benchmarks" / "_out" / f"accuracy-{label}-s{args.seed}"
    indices = list(range(args.start, args.start + args.n))
    comp = set(indices[: args.competitor_n]) if args.competitor_n else None
    started = time.perf_counter()
    runs = run_all(args.seed, indices, scan, out / "files", competitors, comp, tuple(args.kinds) if args.kinds else None,
                   max(1, args.workers), medium)
    summary = write_outputs(out, runs, args.seed, scan, [OURS, *competitors] if medium == "pdf" else [OURS], medium)
    print(f"{summary['mode']}: field accuracy {_pct(summary['field_accuracy'])} over {summary['fields']:,} fields, "
          f"{summary['files']} files, {summary['pages']} pages, {summary['seconds_per_page']:.3f} s/page "
          f"(wall {time.perf_counter() - started:.0f} s)")
    for w in summary["worst_slices"]:
        print(f"  worst: {w['slice']}={w['value']}: {_pct(w['accuracy'])} ({w['fields']} fields)")
    for rd, a in summary["cell_recovery"].items():
        print(f"  cells {rd}: {_pct(a)}")
    print(out / "report.md")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract: one thread per process, as the pipeline runs it
    raise SystemExit(main())
