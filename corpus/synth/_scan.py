"""Scans of generated PDFs: render, degrade like a scanner or copier, wrap back as images only.

Pages are rendered with pypdfium2 at the drawn resolution, then (in this order) toned (grey or
uneven toner), stamped or signed over, blurred, speckled, skewed, a page possibly turned by 90°
or 180°, and JPEG-encoded at the drawn quality. The result is an image-only PDF (no text layer).
Every step draws from a numpy generator seeded from (seed, index), so a scan is reproducible.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass

import numpy as np

from corpus.imagepdf import image_pdf


@dataclass(frozen=True)
class ScanParams:
    dpi: int
    skew: float  # degrees, + counter-clockwise
    blur: float  # Gaussian sigma in pixels at 200 dpi (scaled with dpi)
    speckle: float  # share of pixels turned to ink or paper
    toner: str  # normal | grey | uneven
    jpeg: int  # quality 20-90
    turned_page: int  # 0-based page turned, -1 none
    turned: int  # 0 | 90 | 180
    stamp: bool  # a round stamp and a signature scrawl over the signature area

    def exact(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()}

    def buckets(self) -> dict[str, str]:
        """The parameters bucketed for slicing."""
        a = abs(self.skew)
        return {
            "scan_dpi": str(self.dpi),
            "scan_skew": "<1" if a < 1 else ("1-2" if a < 2 else "2-3"),
            "scan_blur": "none" if self.blur == 0 else ("light" if self.blur < 0.9 else "heavy"),
            "scan_speckle": "none" if self.speckle == 0 else ("light" if self.speckle < 0.002 else "heavy"),
            "scan_toner": self.toner,
            "scan_jpeg": "20-40" if self.jpeg < 40 else ("40-70" if self.jpeg < 70 else "70-90"),
            "scan_turned": str(self.turned),
            "scan_stamp": str(self.stamp),
        }


def draw_scan(rng: random.Random, pages: int) -> ScanParams:
    """Scan parameters over the whole range of issue #18, mild settings drawn more often than
    harsh ones (an archive holds more fair scans than bad ones); each drawn on its own, so every
    bucket of every parameter gets files. Shares: skew |s|<1° 50 %, 1-2° 30 %, 2-3° 20 %; blur none
    50 %, light 35 %, heavy 15 %; speckle none 60 %, light 30 %, heavy 10 %; toner normal 60 %,
    grey 20 %, uneven 20 %; a page turned 20 % (90° or 180°); a stamp 30 %; dpi and JPEG uniform."""
    turned = rng.choices((0, 90, 180), weights=(8, 1, 1))[0]
    magnitude = rng.choices(((0.0, 1.0), (1.0, 2.0), (2.0, 3.0)), weights=(5, 3, 2))[0]
    return ScanParams(
        dpi=rng.choice((150, 200, 300)),
        skew=round(rng.choice((-1, 1)) * rng.uniform(*magnitude), 2),
        blur=rng.choices((0.0, 0.6, 1.2), weights=(10, 7, 3))[0],
        speckle=rng.choices((0.0, 0.0005, 0.003), weights=(6, 3, 1))[0],
        toner=rng.choices(("normal", "grey", "uneven"), weights=(3, 1, 1))[0],
        jpeg=rng.randint(20, 90),
        turned_page=rng.randrange(pages) if turned else -1,
        turned=turned,
        stamp=rng.random() < 0.3,
    )


def _tone(img: np.ndarray, toner: str, g: np.random.Generator) -> np.ndarray:
    ink = 255.0 - img.astype(np.float32)
    if toner == "grey":
        ink *= g.uniform(0.55, 0.75)
    elif toner == "uneven":
        h, w = img.shape
        x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
        y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
        field = 0.45 + 0.55 * (0.5 + 0.5 * np.cos(math.pi * (x * g.uniform(0.5, 1.5) + y * g.uniform(0.2, 1.0))))
        ink *= field
    paper = g.uniform(232, 250) if toner != "normal" else 255.0
    return np.clip(paper - ink * paper / 255.0, 0, 255).astype(np.uint8)


def _stamp(img: np.ndarray, g: np.random.Generator, dpi: int) -> np.ndarray:
    """A stamp ring with text and a signature scrawl in the lower third, over whatever is printed there."""
    import cv2  # noqa: PLC0415

    h, w = img.shape
    out = img.copy()
    cx, cy = int(g.uniform(0.15, 0.8) * w), int(g.uniform(0.62, 0.9) * h)
    r = int(0.45 * dpi)
    tone = int(g.uniform(90, 150))
    cv2.circle(out, (cx, cy), r, tone, max(2, dpi // 60))
    cv2.circle(out, (cx, cy), int(r * 0.72), tone, max(1, dpi // 100))
    cv2.putText(out, "SEKRETARIAT", (cx - int(r * 0.62), cy + int(r * 0.08)), cv2.FONT_HERSHEY_SIMPLEX, dpi / 450, tone, max(1, dpi // 120))
    pts = []
    x0, y0 = cx - r, cy - int(r * 0.3)
    for k in range(40):
        t = k / 39
        pts.append((int(x0 + t * 2.2 * r), int(y0 + math.sin(t * g.uniform(8, 14)) * r * 0.35 + g.normal(0, r * 0.03))))
    cv2.polylines(out, [np.array(pts, dtype=np.int32)], False, int(g.uniform(20, 70)), max(2, dpi // 80))
    return np.minimum(img, out)


def degrade(img: np.ndarray, p: ScanParams, g: np.random.Generator, page: int, stamp_here: bool) -> np.ndarray:
    """One rendered page (grey, uint8) as the scanner returns it."""
    import cv2  # noqa: PLC0415

    out = _tone(img, p.toner, g)
    if stamp_here:
        out = _stamp(out, g, p.dpi)
    if p.blur:
        out = cv2.GaussianBlur(out, (0, 0), p.blur * p.dpi / 200)
    if p.speckle:
        mask = g.random(out.shape) < p.speckle
        out = out.copy()
        out[mask] = np.where(g.random(int(mask.sum())) < 0.7, 30, 255).astype(np.uint8)
    h, w = out.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), p.skew, 1.0)
    out = cv2.warpAffine(out, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=int(out[0:5, 0:5].mean()))
    if page == p.turned_page:
        out = np.ascontiguousarray(np.rot90(out, k=p.turned // 90))
    return out


def scan_pdf(pdf: bytes, p: ScanParams, noise_seed: int) -> bytes:
    """The PDF as an image-only scan with the given parameters."""
    import pypdfium2 as pdfium  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    g = np.random.default_rng(noise_seed)
    src = pdfium.PdfDocument(pdf)
    stamp_page = len(src) - 1 if p.stamp else -1  # the signatures are on the last page

    def pages() -> Iterator[tuple[float, float, bytes]]:
        for i in range(len(src)):
            page = src[i]
            w, h = page.get_size()
            img = np.asarray(page.render(scale=p.dpi / 72, grayscale=True).to_pil().convert("L"))
            out = degrade(img, p, g, i, i == stamp_page)
            if i == p.turned_page and p.turned == 90:
                w, h = h, w
            jpg = io.BytesIO()
            Image.fromarray(out).save(jpg, format="JPEG", quality=p.jpeg, dpi=(p.dpi, p.dpi))
            yield w, h, jpg.getvalue()

    try:
        return image_pdf(pages())
    finally:
        src.close()
