"""The tesseract binary: which models it has, where they live, and one run over an image.

Everything that calls tesseract (OCR of scanned pages, their orientation, the word list of
:mod:`extract.pdf.lexicon`) goes through here, so the binary is looked up and listed once.

Words are read in this process through tesserocr (the C API of the same libtesseract) when it is
installed and built against the tesseract the binary runs, so that the reading does not depend on
which of the two ran: the TSV rows are the same, byte for byte (:func:`tsv`). A page takes about
six readings (its cells, its words, amounts and row numbers read again); each start of the
binary loads the models again (0.19 s with ``ind+eng``) and passes the image through a PNG file,
which the API does not. Without tesserocr the binary is run, as before. The orientation
detection always runs the binary: the API's scores differ from the ``--psm 0`` the threshold
was measured on.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import threading

LANG = "ind+eng"
TIMEOUT = 120


class _NoListing(Exception):
    """tesseract could not be asked (missing, or its run failed): asked again next time, never kept."""


def _list_langs() -> str:
    """What ``tesseract --list-langs`` prints: the tessdata folder, then one model a line ('' without tesseract).
    Kept once it ran; a failed run (a timeout under load) is not kept, so a worker that reads file after
    file asks again rather than reading its other files without OCR."""
    try:
        return _listing()
    except _NoListing:
        return ""


@functools.cache
def _listing() -> str:  # (functools.cache keeps no exception)
    exe = shutil.which("tesseract")
    if not exe:
        raise _NoListing
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        raise _NoListing from None
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


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(image, lang: str, psm: int, whitelist: str | None = None, dpi: int = 300) -> str:
    """tesseract's TSV (header first) of a grayscale image (a numpy array or a PIL image): in this
    process when :func:`in_process`, else by the binary. RuntimeError when tesseract fails."""
    from PIL import Image  # noqa: PLC0415

    if in_process():
        api = _api(lang)
        api.SetPageSegMode(psm)
        api.SetVariable("user_defined_dpi", str(dpi))
        api.SetVariable("tessedit_char_whitelist", whitelist or "")
        api.SetImage(image if isinstance(image, Image.Image) else Image.fromarray(image))
        try:
            body = api.GetTSVText(0)
        finally:
            api.Clear()
        if body is None:
            raise RuntimeError(f"tesseract failed: no recognition result ({lang}, psm {psm})")
        return TSV_HEADER + "\n" + body
    proc = run(image, "-l", lang, "--psm", str(psm), "--dpi", str(dpi),
               *(["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []), "tsv")
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract failed: {proc.stderr.strip()[:200]}")
    return proc.stdout


def in_process() -> bool:
    """tesserocr is installed and runs the same tesseract as the binary (same version line). Without
    the models' listing the answer is no, and not kept (the listing may run next time)."""
    return available() and _in_process()


@functools.cache
def _in_process() -> bool:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as for the binary: one thread, the batch runs files side by side
    try:
        import tesserocr  # noqa: PLC0415
    except ImportError:
        return False
    exe = shutil.which("tesseract")
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, check=False) if exe else None
    except (OSError, subprocess.SubprocessError):
        return False
    binary = (out.stdout + out.stderr).split("\n", 1)[0].strip() if out else ""
    return bool(binary) and tesserocr.tesseract_version().split("\n", 1)[0].strip() == binary


_local = threading.local()


def _api(lang: str):  # noqa: ANN202 - tesserocr.PyTessBaseAPI, imported only when installed
    """This thread's API with ``lang`` loaded (kept: loading the models is what a start costs)."""
    import tesserocr  # noqa: PLC0415

    apis = _local.__dict__.setdefault("apis", {})
    key = (os.getpid(), lang)  # a forked worker makes its own
    if key not in apis:
        apis[key] = tesserocr.PyTessBaseAPI(path=tessdata(), lang=lang)
    return apis[key]
