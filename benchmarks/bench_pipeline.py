"""Speed of the pipeline against a bare pdfplumber loop, on the same PDFs, in one run.

    python benchmarks/bench_pipeline.py --docs 500 --workers 2

Builds ``--docs`` PDFs with the corpus builder (``python -m corpus.build``) by copying its
layouts, then measures, each in a fresh process:

* the pipeline (``run_pipeline.py``: triage, extraction, normalization, audit, every output);
* a bare loop that opens each PDF with pdfplumber and calls ``extract_tables`` on every page.

Prints docs/s, pages/s, wall seconds and peak memory (largest process) of both and their
ratio. This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_LOOP = """
import sys, pdfplumber
from pathlib import Path
pages = 0
for p in sorted(Path(sys.argv[1]).glob("*.pdf")):
    try:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                pages += 1
    except Exception:
        pass
print(pages)
"""


def build_inputs(folder: Path, docs: int) -> int:
    """``docs`` PDFs made from the corpus builder's layouts; returns their page count."""
    built = ROOT / "corpus" / "built"
    if not any(built.glob("*.pdf")):
        subprocess.run([sys.executable, "-m", "corpus.build"], cwd=ROOT, check=True)
    sources = sorted(p for p in built.glob("*.pdf") if ".scan." not in p.name)  # digital layouts: OCR is timed apart
    if not sources:
        raise SystemExit("the corpus builder produced no PDFs")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(docs):
        src = sources[i % len(sources)]
        shutil.copy(src, folder / f"{i:05d}_{src.name}")
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(p)) for p in folder.glob("*.pdf"))


WRAPPER = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
    "print('PEAK', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(p.returncode)"
)


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (MB) of the largest process the command ran."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:3]} failed: {proc.stderr[-1000:]}")
    peak_kb = int(proc.stderr.rsplit("PEAK", 1)[1].split()[0])
    return seconds, peak_kb // 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kinerja-bench"))
    args = parser.parse_args(argv)
    inputs = args.work / "inputs"
    pages = build_inputs(inputs, args.docs)

    bare_s, bare_mb = timed([sys.executable, "-c", BARE_LOOP, str(inputs)])
    pipe_s, pipe_mb = timed([
        sys.executable, str(ROOT / "run_pipeline.py"), str(inputs), "--out", str(args.work / "out"), "--quiet",
        "--no-cache", "--workers", str(args.workers),
    ])
    report = {
        "docs": args.docs, "pages": pages, "workers": args.workers,
        "pipeline": {"seconds": round(pipe_s, 2), "docs_per_s": round(args.docs / pipe_s, 1),
                     "pages_per_s": round(pages / pipe_s, 1), "peak_mb": pipe_mb},
        "bare_pdfplumber_loop": {"seconds": round(bare_s, 2), "docs_per_s": round(args.docs / bare_s, 1),
                                 "pages_per_s": round(pages / bare_s, 1), "peak_mb": bare_mb},
        "speedup": round(bare_s / pipe_s, 2),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
