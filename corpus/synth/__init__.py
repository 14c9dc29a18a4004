"""Seeded synthetic dossiers with their ground truth: ``python -m corpus.synth --n N --seed S --out DIR [--scans]``.

(A package whose modules are ``__init__.py``, ``__main__.py`` and ``_*.py``: the pipeline walks
``corpus/`` and skips names that start with ``_`` or ``.``, so none of this code is read as an
input. Output goes to ``corpus/synth/_out/`` by default, a folder the pipeline skips and git ignores.)

Every file is a pure function of (seed, index): :func:`generate` draws the file's style
(font, size, ruling, spacing, padding, alignment, orientation, header wording …), a dossier
(unit, year, people with 18-digit NIPs, sasaran, indicators with targets in the whole value
grammar, budget) and one to three of its documents (PK, Pemda PK with Triwulan I-IV, Rincian
Target, Inisiatif Strategis, SKP, Lampiran SKP, Rencana Aksi), typesets them with reportlab
and, for a scan, degrades the rendered pages into an image-only PDF. The truth (:class:`TruthFile`)
is written from the same draws, never read back from the PDF; it records the slice parameters
the accuracy benchmark groups by.

A PK whose table prints year columns (Baseline, Realisasi, Target of several years; where the
agreement's year stands is drawn) comes only when asked for: :func:`generate_pk_years`, or
``python -m corpus.synth --pk-years any|target|baseline|absent`` (its text rendering and its PDF).
:func:`generate` never draws it, so every default file stays as it was.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `python corpus/synth` as well as `python -m corpus.synth`
    sys.path.insert(0, str(ROOT))

from corpus.synth._bkn import BKN_BUILDERS, BKN_KINDS, PLANTABLE  # noqa: E402
from corpus.synth._draw import BUILDERS, DOC_TYPE, LAYOUT_KINDS, draw_dossier  # noqa: E402
from corpus.synth._ekinerja import export as ekinerja_export  # noqa: E402
from corpus.synth._lkj import LKJ_BUILDERS, LKJ_KINDS
from corpus.synth._office import docx_bytes, xlsx_bytes  # noqa: E402
from corpus.synth._render import typeset  # noqa: E402
from corpus.synth._scan import ScanParams, draw_scan, scan_pdf  # noqa: E402
from corpus.synth._spec import DocSpec
from corpus.synth._style import Style, draw_style  # noqa: E402
from corpus.synth._text import text_bytes
from corpus.synth._truth import TruthDocument, TruthFile, TruthYears  # noqa: E402
from corpus.synth._years import YEAR_CASES, build_pk_years

OUT = ROOT / "corpus" / "synth" / "_out"
__all__ = ["ScanParams", "scan_pdf", "BKN_KINDS", "LKJ_KINDS", "PLANTABLE", "ekinerja_export", "GeneratedFile", "Generated", "generate", "generate_skp", "write", "file_name", "LAYOUT_KINDS",
           "MEDIA", "OFFICE_MEDIA", "generate_office", "TruthFile", "TruthDocument", "TruthYears", "YEAR_CASES", "YEAR_MEDIA", "generate_pk_years", "write_pk_years"]

# the national SKP forms are drawn only when asked for (kinds=BKN_KINDS): LAYOUT_KINDS, the default
# pool, is unchanged, so every file of the other layouts (and the accuracy sample) stays as it was
BUILDERS.update(BKN_BUILDERS)
DOC_TYPE.update({kind: "skp" for kind in BKN_KINDS})
# so is an LKj report (kinds=LKJ_KINDS)
BUILDERS.update(LKJ_BUILDERS)
DOC_TYPE.update({kind: "lkj" for kind in LKJ_KINDS})
MEDIA = ("pdf", "docx", "xlsx")


@dataclass(frozen=True)
class Generated:
    pdf: bytes
    truth: TruthFile


def file_name(seed: int, index: int, scan: bool) -> str:
    return f"synth_s{seed}_{index:05d}{'_scan' if scan else ''}.pdf"


def _rng(seed: int, index: int, stream: str) -> random.Random:
    """An independent stream per purpose, so adding a draw to one does not shift the others."""
    return random.Random(f"corpus.synth:{seed}:{index}:{stream}")


def draw_kinds(rng: random.Random, only: tuple[str, ...] | None = None) -> list[str]:
    """The layout kinds of one file: mostly one document, sometimes two or three of one dossier."""
    pool = only or LAYOUT_KINDS
    if rng.random() < 0.75 or len(pool) == 1:
        return [rng.choice(pool)]
    return rng.sample(pool, min(len(pool), rng.randint(2, 3)))


def _pages_bucket(n: int) -> str:
    return "1" if n == 1 else ("2" if n == 2 else "3+")


def _indicators_bucket(n: int) -> str:
    return "1-5" if n <= 5 else ("6-12" if n <= 12 else "13+")


def _draw_documents(seed: int, index: int, kinds: tuple[str, ...] | None) -> tuple[Style, list[str], list[DocSpec],
                                                                                 list[tuple[TruthDocument, dict[str, str]]]]:
    """The file (seed, index)'s style, its documents' kinds, and each document's flow, truth and slice."""
    style = draw_style(_rng(seed, index, "style"))
    dossier = draw_dossier(_rng(seed, index, "dossier"), style)
    plan = draw_kinds(_rng(seed, index, "plan"), kinds)
    specs, docs = [], []
    for k, kind in enumerate(plan):
        spec, truth, doc_slice = BUILDERS[kind](_rng(seed, index, f"doc{k}"), dossier, style)
        assert truth.kind == DOC_TYPE[kind]
        specs.append(spec)
        docs.append((truth, doc_slice))
    return style, plan, specs, docs


def generate(seed: int, index: int, scan: bool = False, kinds: tuple[str, ...] | None = None) -> Generated:
    """The file (seed, index): its PDF and its truth. ``scan``: the same file as an image-only scan."""
    style, plan, specs, docs = _draw_documents(seed, index, kinds)
    name = file_name(seed, index, scan)
    pdf, starts, pages, rows_cut = typeset(specs, style, title=name)
    bounds = [*starts, pages + 1]
    truths = []
    for k, (truth, doc_slice) in enumerate(docs):
        n_pages = bounds[k + 1] - bounds[k]
        sl = {**doc_slice, "doc_pages": _pages_bucket(n_pages), "indicators": _indicators_bucket(len(truth.indicators))}
        truths.append(replace(truth, slice=sl, first_page=bounds[k], pages=n_pages))
    file_slice = {**style.slice(), "docs_per_file": "1" if len(plan) == 1 else "2+", "file_pages": _pages_bucket(pages),
                  "rows_cut": str(rows_cut), "mode": "scan" if scan else "digital"}
    scan_exact: dict[str, str] = {}
    if scan:
        params = draw_scan(_rng(seed, index, "scan"), pages)
        pdf = scan_pdf(pdf, params, noise_seed=_rng(seed, index, "noise").getrandbits(63))
        file_slice.update(params.buckets())
        scan_exact = params.exact()
    truth_file = TruthFile(seed=seed, index=index, file=name, slice=file_slice, documents=tuple(truths), scan=scan_exact)
    return Generated(pdf, truth_file)


@dataclass(frozen=True)
class GeneratedFile:
    """One generated file in any medium: its bytes, its suffix and its truth."""

    data: bytes
    suffix: str
    truth: TruthFile


#: The rulings of the official templates: the PP 46 form of BKN's spreadsheet, the PermenPANRB 8/2021
#: lampiran and e-Kinerja's printouts are all ruled grids (a drawn unruled style is redrawn among these).
GRIDDED = ("grid", "double", "shaded_header")


def generate_skp(seed: int, index: int, kind: str, *, medium: str = "pdf", scan: bool = False,
                 plant: str | None = None, rulings: str = "gridded") -> GeneratedFile:
    """One national SKP form (``kind`` of :data:`BKN_KINDS`) as a PDF (``scan``: an image-only scan
    of it), a DOCX or an XLSX, drawn from the same streams as :func:`generate`; ``plant`` names a
    check (:data:`PLANTABLE`) the form then gives one reason to report, recorded in the truth.
    ``rulings``: ``gridded`` (the templates' ruled grids, :data:`GRIDDED`) or ``any`` (every ruling
    of the style draw, the unruled ones too)."""
    if kind not in BKN_KINDS or medium not in MEDIA or (scan and medium != "pdf"):
        raise ValueError(f"no {kind!r} in {medium!r}{' scan' if scan else ''}")
    if plant is not None and plant not in PLANTABLE.get(kind, ()):
        raise ValueError(f"{kind} cannot plant {plant!r}; it can plant {PLANTABLE.get(kind, ())}")
    style = draw_style(_rng(seed, index, "style"))
    if rulings == "gridded" and style.ruling not in GRIDDED:
        style = replace(style, ruling=_rng(seed, index, "bkn-ruling").choice(GRIDDED))
    dossier = draw_dossier(_rng(seed, index, "dossier"), style)
    spec, truth, doc_slice = BKN_BUILDERS[kind](_rng(seed, index, "doc0"), dossier, style, plant)
    name = file_name(seed, index, scan).replace(".pdf", f"_{kind}.{medium}")
    file_slice = {**style.slice(), "docs_per_file": "1", "mode": "scan" if scan else ("digital" if medium == "pdf" else medium)}
    scan_exact: dict[str, str] = {}
    if medium == "pdf":
        data, starts, pages, rows_cut = typeset([spec], style, title=name)
        truth = replace(truth, slice={**doc_slice, "doc_pages": _pages_bucket(pages)}, first_page=1, pages=pages)
        file_slice.update({"file_pages": _pages_bucket(pages), "rows_cut": str(rows_cut)})
        if scan:
            params = draw_scan(_rng(seed, index, "scan"), pages)
            data = scan_pdf(data, params, noise_seed=_rng(seed, index, "noise").getrandbits(63))
            file_slice.update(params.buckets())
            scan_exact = params.exact()
    else:
        data = docx_bytes([spec], name) if medium == "docx" else xlsx_bytes([spec], name)
        truth = replace(truth, slice=doc_slice)
    truth_file = TruthFile(seed=seed, index=index, file=name, slice=file_slice, documents=(truth,), scan=scan_exact)
    return GeneratedFile(data, f".{medium}", truth_file)


#: The media a dossier's documents are also typed into: a Word file and a workbook (:mod:`corpus.synth._office`).
OFFICE_MEDIA = ("docx", "xlsx")


def generate_office(seed: int, index: int, medium: str, kinds: tuple[str, ...] | None = None) -> GeneratedFile:
    """The documents of the file (seed, index) of :func:`generate` (the same style, dossier and
    documents, drawn from the same streams) typed into a Word file or a workbook (``medium`` of
    :data:`OFFICE_MEDIA`) instead of typeset: the tables an office keeps in DOCX and XLSX, each
    document on sheets of its own. The truth is the PDF's but for its pages: each document keeps the
    default first page and page count (1), a sheet being no page."""
    if medium not in OFFICE_MEDIA:
        raise ValueError(f"no dossier in {medium!r}: the office media are {OFFICE_MEDIA}")
    style, plan, specs, docs = _draw_documents(seed, index, kinds)
    truths = [replace(truth, slice={**doc_slice, "indicators": _indicators_bucket(len(truth.indicators))}) for truth, doc_slice in docs]
    name = file_name(seed, index, False).replace(".pdf", f".{medium}")
    data = docx_bytes(specs, name) if medium == "docx" else xlsx_bytes(specs, name)
    file_slice = {**style.slice(), "docs_per_file": "1" if len(plan) == 1 else "2+", "mode": medium}
    return GeneratedFile(data, f".{medium}", TruthFile(seed=seed, index=index, file=name, slice=file_slice,
                                                      documents=tuple(truths)))


#: The media of a PK of year columns: its text rendering (in the shape of the seed renderings) and a digital PDF.
YEAR_MEDIA = ("txt", "pdf")


def generate_pk_years(seed: int, index: int, *, case: str | None = None, medium: str = "pdf") -> GeneratedFile:
    """A PK whose table prints year columns (corpus.synth._years), drawn from the same streams as
    :func:`generate` (the file's style and dossier are those of (seed, index)); ``case`` (of
    :data:`YEAR_CASES`: the agreement's year over a target column, only under Baseline/Realisasi, or
    over none) is drawn when None. Such a table is wide: a portrait style is mostly laid out in landscape.
    Only drawn when asked for, so :func:`generate` and every default file stay as they were."""
    if medium not in YEAR_MEDIA or (case is not None and case not in YEAR_CASES):
        raise ValueError(f"no PK of year columns for case {case!r} in {medium!r}")
    style = draw_style(_rng(seed, index, "style"))
    if style.orientation == "portrait" and _rng(seed, index, "years-orientation").random() < 0.75:
        style = replace(style, orientation="landscape")
    dossier = draw_dossier(_rng(seed, index, "dossier"), style)
    case = case or _rng(seed, index, "years-case").choice(YEAR_CASES)
    spec, truth, doc_slice = build_pk_years(_rng(seed, index, "doc0"), dossier, style, case)
    name = file_name(seed, index, False).replace(".pdf", f"_pk_years_{case}.{medium}")
    file_slice = {**style.slice(), "docs_per_file": "1", "mode": "digital" if medium == "pdf" else medium}
    if medium == "pdf":
        data, _starts, pages, rows_cut = typeset([spec], style, title=name)
        truth = replace(truth, slice={**doc_slice, "doc_pages": _pages_bucket(pages)}, first_page=1, pages=pages)
        file_slice.update({"file_pages": _pages_bucket(pages), "rows_cut": str(rows_cut)})
    else:
        data = text_bytes([spec])
        truth = replace(truth, slice=doc_slice)
    truth_file = TruthFile(seed=seed, index=index, file=name, slice=file_slice, documents=(truth,))
    return GeneratedFile(data, f".{medium}", truth_file)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write(out: Path, n: int, seed: int, scans: bool = False, start: int = 0, kinds: tuple[str, ...] | None = None) -> list[Path]:
    """Generate files start..start+n-1 into ``out`` (PDF and ``.truth.json`` beside it); return the PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + n):
        g = generate(seed, index, scan=scans, kinds=kinds)
        pdf_path = out / g.truth.file
        _atomic_write(pdf_path, g.pdf)
        _atomic_write(truth_path(pdf_path), g.truth.to_json().encode("utf-8"))
        written.append(pdf_path)
    return written


def write_pk_years(out: Path, n: int, seed: int, start: int = 0, case: str | None = None) -> list[Path]:
    """PKs of year columns start..start+n-1 into ``out``, each in every medium of :data:`YEAR_MEDIA`
    with its truth beside it (``<file name>.truth.json``: the text and the PDF of one draw share a stem);
    ``case`` None draws each file's case. Return the files."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + n):
        for medium in YEAR_MEDIA:
            g = generate_pk_years(seed, index, case=case, medium=medium)
            path = out / g.truth.file
            _atomic_write(path, g.data)
            _atomic_write(path.with_name(path.name + ".truth.json"), g.truth.to_json().encode("utf-8"))
            written.append(path)
    return written


def truth_path(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.stem + ".truth.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20, help="number of files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first index (one file: --start I --n 1)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--scans", action="store_true", help="write the files as image-only scans")
    parser.add_argument("--kinds", nargs="*", choices=LAYOUT_KINDS + BKN_KINDS + LKJ_KINDS,
                        help="only these document kinds (the national SKP forms and the LKj report only when named)")
    parser.add_argument("--pk-years", choices=("any", *YEAR_CASES),
                        help="write PKs of year columns instead (text and PDF): the agreement's year over a target column, "
                             "only under Baseline/Realisasi, over none, or drawn (any)")
    args = parser.parse_args(argv)
    if args.pk_years:
        for path in write_pk_years(args.out, args.n, args.seed, args.start, None if args.pk_years == "any" else args.pk_years):
            print(path)
        return 0
    for path in write(args.out, args.n, args.seed, args.scans, args.start, tuple(args.kinds) if args.kinds else None):
        print(path)
    return 0
