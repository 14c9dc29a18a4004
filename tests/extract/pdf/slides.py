"""A synthetic slide deck exported to PDF: 16:9 pages, a title and a footer as text, and pictures
(a table pasted as a picture, a photograph-like picture, a chart); every fourth slide is a
picture alone, without any text. The pathology of issue #18:
a 17-page deck of pictures of tables with little text ran past the 300 s limit.

    python -m tests.extract.pdf.slides OUT.pdf   # writes the deck
    python -m tests.extract.pdf.slides --time    # reads it and prints the seconds of every page
"""

from __future__ import annotations

import io
import sys

import numpy as np

PAGES = 17
SIZE = (960.0, 540.0)  # 16:9 in points (13.33 x 7.5 in, PowerPoint's widescreen)


def table_picture(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """A ruled table with text, drawn as pixels (150 dpi): what a pasted screenshot holds."""
    import cv2  # noqa: PLC0415

    w, h = 1500, 90 + 60 * rows
    img = np.full((h, w), 255, np.uint8)
    xs = np.linspace(20, w - 20, cols + 1).astype(int)
    ys = [20, 90] + [90 + 60 * (r + 1) for r in range(rows)]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, 2)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 0, 2)
    for c in range(cols):
        cv2.putText(img, ["No", "Indikator", "Target", "Realisasi", "Capaian", "Ket"][c % 6], (xs[c] + 10, 65),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2, cv2.LINE_AA)
        for r in range(rows):
            text = f"{r + 1}" if c == 0 else f"{rng.integers(10, 999)},{rng.integers(0, 99):02d}%"
            cv2.putText(img, text, (xs[c] + 10, ys[r + 2] - 20), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2, cv2.LINE_AA)
    return img


def photo(rng: np.random.Generator) -> np.ndarray:
    """A photograph-like picture: smooth shapes and grain (what makes page segmentation slow)."""
    import cv2  # noqa: PLC0415

    h, w = 900, 1400
    base = cv2.resize(rng.integers(0, 255, (9, 14)).astype(np.uint8), (w, h), interpolation=cv2.INTER_CUBIC)
    grain = rng.normal(0, 28, (h, w))
    return np.clip(base + grain, 0, 255).astype(np.uint8)


def chart(rng: np.random.Generator) -> np.ndarray:
    import cv2  # noqa: PLC0415

    img = np.full((700, 1200), 255, np.uint8)
    for k in range(8):
        top = int(rng.integers(100, 600))
        cv2.rectangle(img, (80 + k * 135, top), (180 + k * 135, 650), int(rng.integers(40, 180)), -1)
        cv2.putText(img, f"TW {k % 4 + 1}", (85 + k * 135, 690), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    return img


def deck(pages: int = PAGES, seed: int = 18) -> bytes:
    """The deck as PDF bytes (reportlab, invariant: the same bytes every time)."""
    from PIL import Image  # noqa: PLC0415
    from reportlab import rl_config  # noqa: PLC0415
    from reportlab.lib.utils import ImageReader  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    rl_config.invariant = 1
    rng = np.random.default_rng(seed)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=SIZE)
    w, h = SIZE
    for n in range(pages):
        bare = n % 4 == 3  # every fourth slide is a picture alone (no text layer at all)
        if not bare:
            c.setFont("Helvetica-Bold", 28)
            c.drawString(48, h - 64, f"Capaian Kinerja Triwulan {n % 4 + 1}")
        kind = n % 3
        picture = table_picture(rng, 8, 6) if kind == 0 else (photo(rng) if kind == 1 else chart(rng))
        png = io.BytesIO()
        Image.fromarray(picture).save(png, format="PNG")
        pw = w - 96
        ph = min(h - 150, pw * picture.shape[0] / picture.shape[1])
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 48, 60, width=pw, height=ph)
        if not bare:
            c.setFont("Helvetica", 11)
            c.drawString(48, 30, f"Dinas Komunikasi dan Informatika - Evaluasi Kinerja {2024} - {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def time_deck() -> None:
    """Read the deck and print the seconds of every page (a measurement: nothing is asserted)."""
    import os  # noqa: PLC0415
    import time  # noqa: PLC0415

    from extract.pdf.reader import read_pdf  # noqa: PLC0415

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.perf_counter()
    reading = read_pdf(deck(), "deck.pdf", "deck")
    for p in reading.pages:
        print(f"page {p.number:2d} {p.source:5s} {p.seconds:6.2f} s  {'; '.join(p.notes)[:90]}")
    print(f"{len(reading.pages)} pages in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    if sys.argv[1:] == ["--time"]:
        time_deck()
    else:
        with open(sys.argv[1], "wb") as fh:
            fh.write(deck())
