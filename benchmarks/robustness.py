"""A robustness corpus and a mutation run: the batch must survive every file.

    python benchmarks/robustness.py --variants 1000 --out /tmp/robust

Builds hostile inputs (truncated, bytes flipped, encrypted, empty, wrong extension, a
10,000-page file, deeply nested objects, not a PDF at all) plus random mutations of seed
PDFs, runs the pipeline over all of them and prints: inputs, manifest entries, statuses,
batch crashes (must be 0) and inputs missing from the manifest (must be 0).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pdf_bytes(pages: list[str], *, extra_objects: list[bytes] | None = None) -> bytes:
    """A minimal valid PDF with one line of text per page (hand-written objects, exact xref)."""
    objs: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, text in enumerate(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({_escape(text)}) Tj ET".encode("latin-1", "replace")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.extend(extra_objects or [])
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def nested_pdf(depth: int = 100_000) -> bytes:
    """A PDF whose page resources hold an array nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    return pdf_bytes(["PERJANJIAN KINERJA"], extra_objects=[b"<< /Deep " + nested + b" >>"])


def bomb_pdf(size: int = 200 * 1024 * 1024) -> bytes:
    """A stream that inflates from a few hundred KB to ``size`` bytes."""
    packed = zlib.compress(b"\x00" * size, 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return pdf_bytes(["PERJANJIAN KINERJA"], extra_objects=[stream])


def encrypted_pdf(base: bytes, password: str) -> bytes | None:
    try:
        import io

        from pypdf import PdfReader, PdfWriter
    except ImportError:
        return None
    reader = PdfReader(io.BytesIO(base))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def hostile_set() -> dict[str, bytes]:
    base = pdf_bytes(["PERJANJIAN KINERJA TAHUN 2024", "No. Sasaran Indikator Kinerja Target"])
    files = {
        "valid.pdf": base,
        "empty.pdf": b"",
        "not_a_pdf.pdf": b"PK\x03\x04 this is a zip header, not a PDF",
        "html_named.pdf": b"<html><body>Perjanjian Kinerja</body></html>",
        "pdf_named.txt": base,
        "truncated_half.pdf": base[: len(base) // 2],
        "truncated_header.pdf": base[:8],
        "no_xref.pdf": base.split(b"xref")[0],
        "zero_pages.pdf": pdf_bytes([]),
        "ten_thousand_pages.pdf": pdf_bytes([f"halaman {i}" for i in range(10_000)]),
        "nested.pdf": nested_pdf(),
        "bomb.pdf": bomb_pdf(),
    }
    for name, password in (("encrypted_empty_password.pdf", ""), ("encrypted_password.pdf", "rahasia")):
        enc = encrypted_pdf(base, password)
        if enc is not None:
            files[name] = enc
    return files


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random damage: flip bytes, cut, duplicate or delete a slice."""
    buf = bytearray(data)
    if not buf:
        return bytes(rng.randbytes(rng.randint(1, 64)))
    kind = rng.choice(("flip", "truncate", "splice", "delete", "zero"))
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == "truncate":
        del buf[rng.randrange(1, len(buf)) :]
    elif kind == "splice":
        a = rng.randrange(len(buf))
        buf[a:a] = buf[rng.randrange(len(buf)) :][: rng.randint(1, 512)]
    elif kind == "delete":
        a = rng.randrange(len(buf))
        del buf[a : a + rng.randint(1, 512)]
    else:
        a = rng.randrange(len(buf))
        buf[a : a + rng.randint(1, 256)] = b"\x00" * len(buf[a : a + rng.randint(1, 256)])
    return bytes(buf)


def build(out: Path, variants: int, seed: int = 2024, seeds: list[Path] | None = None) -> list[Path]:
    """Write the hostile set and ``variants`` mutations of the seed files into ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for name, data in hostile_set().items():
        (out / name).write_bytes(data)
        written.append(out / name)
    sources = [p.read_bytes() for p in (seeds or [])] or [hostile_set()["valid.pdf"]]
    rng = random.Random(seed)
    for i in range(variants):
        data = mutate(rng.choice(sources), rng)
        path = out / f"mutant_{i:05d}.pdf"
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variants", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kinerja-robustness"))
    parser.add_argument("--seed-pdfs", type=Path, nargs="*", default=None, help="PDFs to mutate (default: built-in)")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args(argv)
    inputs = args.out / "inputs"
    files = build(inputs, args.variants, seeds=args.seed_pdfs)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "run_pipeline.py"), str(inputs), "--out", str(args.out / "result"), "--quiet",
         "--no-cache", "--timeout", str(args.timeout)],
        capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    crashed = proc.returncode not in (0, 1)
    manifest_path = args.out / "result" / "manifest.json"
    entries = json.loads(manifest_path.read_text())["inputs"] if manifest_path.exists() else []
    seen = {Path(e["path"]).name for e in entries}
    missing = [f.name for f in files if f.name not in seen]
    statuses: dict[str, int] = {}
    for e in entries:
        statuses[e["status"]] = statuses.get(e["status"], 0) + 1
    report = {
        "inputs": len(files), "manifest_entries": len(entries), "statuses": statuses,
        "batch_crashed": crashed, "exit_code": proc.returncode, "missing_from_manifest": len(missing),
        "seconds": round(seconds, 1),
    }
    print(json.dumps(report, indent=2))
    if crashed:
        print(proc.stderr[-2000:], file=sys.stderr)
    return 1 if crashed or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
