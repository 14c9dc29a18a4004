"""An image-only PDF (a scan's pages) written with reportlab, its streams stored binary.

reportlab wraps every stream in ASCII85 by default, in pure Python: for a scan's page images that
was most of the time a generated scan took to write. The pictures are the same either way.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Iterator
from typing import Any


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """reportlab's settings for this PDF only: no timestamps or random ids, no ASCII85 (both are
    process-wide: restored after, so the other PDFs a process writes keep their own bytes)."""
    from reportlab import rl_config  # noqa: PLC0415

    before = rl_config.invariant, rl_config.useA85
    rl_config.invariant, rl_config.useA85 = 1, 0
    try:
        yield
    finally:
        rl_config.invariant, rl_config.useA85 = before


def image_pdf(pages: Iterable[tuple[float, float, Any]]) -> bytes:
    """A PDF of one picture a page: ``(width, height, picture)`` in points, the picture a PIL image
    or the bytes of an encoded one (a JPEG is embedded as it is)."""
    from reportlab.lib.utils import ImageReader  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    buf = io.BytesIO()
    with _binary_streams():
        c = canvas.Canvas(buf)
        for w, h, picture in pages:
            c.setPageSize((w, h))
            c.drawImage(ImageReader(io.BytesIO(picture) if isinstance(picture, bytes) else picture), 0, 0, width=w, height=h)
            c.showPage()
        c.save()
    return buf.getvalue()
