"""Reading accuracy of the national SKP forms: ``python -m benchmarks.skp_accuracy [--digital N] [--scans N]``.

For every generation (``corpus.synth`` BKN kinds) the share of printed fields read exactly
(:mod:`benchmarks.skp_score`: every cell of every work row, the behaviours, the totals, ratings
and predikat, the people, the period), per medium: digital PDF with the templates' gridded
rulings, digital PDF in the unruled styles (``rulings='any'``, redrawn until unruled), DOCX, XLSX,
scans (the corpus.synth scan degradations, harsh ones included), and the e-Kinerja export. Prints a
Markdown table (docs/skp.md keeps the measured one).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.skp_score import SkpField, accuracy, score_document, score_file  # noqa: E402
from corpus.synth import BKN_KINDS, GRIDDED, generate_skp  # noqa: E402
from corpus.synth._ekinerja import export  # noqa: E402
from extract.read import read_file  # noqa: E402

SEED = 7


def _read(tmp: Path, g) -> list:
    path = tmp / g.truth.file
    path.write_bytes(g.data)
    return read_file(path).documents


def measure(kind: str, mode: str, n: int, tmp: Path, start: int = 0) -> list[SkpField]:
    fields: list[SkpField] = []
    index = start
    taken = 0
    while taken < n:
        if mode == "unruled":
            g = generate_skp(SEED, index, kind, rulings="any")
            index += 1
            if g.truth.slice["ruling"] in GRIDDED:
                continue
        else:
            medium = "pdf" if mode in ("digital", "scan") else mode
            g = generate_skp(SEED, index, kind, medium=medium, scan=mode == "scan")
            index += 1
        fields += score_file(g.truth, _read(tmp, g))
        taken += 1
    return fields


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.skp_accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--digital", type=int, default=20, help="files per generation and medium (digital, docx, xlsx, unruled)")
    parser.add_argument("--scans", type=int, default=4, help="scanned files per generation (10-70 s each)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp())
    modes = [("digital", args.digital), ("unruled", args.digital), ("docx", args.digital), ("xlsx", args.digital), ("scan", args.scans)]
    print("| generation | " + " | ".join(m for m, _ in modes) + " |")
    print("| --- | " + " | ".join("---:" for _ in modes) + " |")
    worst: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for kind in BKN_KINDS:
        cells = []
        for mode, n in modes:
            if n <= 0:
                cells.append("-")
                continue
            started = time.perf_counter()
            fields = measure(kind, mode, n, tmp)
            worst[mode].update(f.field for f in fields if not f.ok)
            cells.append(f"{accuracy(fields):.3f} ({sum(f.ok for f in fields):,}/{len(fields):,}, {time.perf_counter() - started:.0f} s)")
        print(f"| {kind} | " + " | ".join(cells) + " |", flush=True)
    data, truths = export(SEED, n_pegawai=4)
    path = tmp / "ekinerja_export.xlsx"
    path.write_bytes(data)
    docs = read_file(path).documents
    fields = [f for t, d in zip(truths, docs, strict=False) for f in score_document(path.name, t, d)]
    print(f"\ne-Kinerja export (4 pegawai x 5 periods = {len(truths)} evaluations): {accuracy(fields):.3f} "
          f"({sum(f.ok for f in fields)}/{len(fields)})")
    for mode, counter in worst.items():
        if counter:
            print(f"{mode}: most missed fields {dict(counter.most_common(5))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
