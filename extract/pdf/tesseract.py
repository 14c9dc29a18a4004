"""The tesseract binary: which models it has, where they live, and one run over an image.

Everything that calls tesseract (OCR of scanned pages, their orientation, the word list of
:mod:`extract.pdf.lexicon`) goes through here, so the binary is looked up and listed once.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile

LANG = "ind+eng"
TIMEOUT = 120


@functools.cache
def _list_langs() -> str:
    """What ``tesseract --list-langs`` prints: the tessdata folder, then one model a line ('' without tesseract)."""
    exe = shutil.which("tesseract")
    if not exe:
        return ""
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout + out.stderr


def languages() -> frozenset[str]:
    """The models tesseract has installed (empty when tesseract is missing)."""
    return frozenset(_list_langs().split())


def tessdata() -> str | None:
    """The folder of tesseract's models, as ``--list-langs`` names it."""
    m = re.search(r'"([^"]+)"', _list_langs())
    return m.group(1) if m else None


def available() -> bool:
    """tesseract is installed with the Indonesian and English models."""
    return {"ind", "eng"} <= languages()


def has_osd() -> bool:
    """tesseract's orientation model (``osd``, Debian's tesseract-ocr-osd) is installed."""
    return "osd" in languages()


def run(image, *args: str) -> subprocess.CompletedProcess[str]:
    """tesseract over a grayscale image (a numpy array or a PIL image), output on stdout."""
    from PIL import Image  # noqa: PLC0415

    fd, path = tempfile.mkstemp(suffix=".png")
    os.close(fd)
    try:
        (image if isinstance(image, Image.Image) else Image.fromarray(image)).save(path)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        return subprocess.run(["tesseract", path, "stdout", *args], capture_output=True, text=True,
                              timeout=TIMEOUT, check=False, env=env)
    finally:
        os.unlink(path)
