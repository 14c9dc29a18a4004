"""How much of a page's text is made of real words: the judge between a scan's own OCR layer and ours.

The word lists are tesseract's own (the ``lstm-word-dawg`` of the installed ``ind`` and ``eng``
models, unpacked with ``combine_tessdata`` and ``dawg2wordlist``, both in Debian's tesseract-ocr):
about 227,000 words together, 76,000 of them Indonesian; no list is kept in this repository. A vendor OCR
layer that reads ``ternak`` as ``lernak`` and ``Meningkatnya`` as ``Meningkalnya`` scores lower
than a clean reading of the same page; names in capitals and numbers are left out of the count.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extract.pdf.tesseract import tessdata

_TOKEN = re.compile(r"[^\W\d_]{4,}")  # letters only, four or more


def _unpack(traineddata: Path, lang: str) -> set[str]:
    """The model's word list; empty when the tools are missing or fail (never an exception)."""
    if not (shutil.which("combine_tessdata") and shutil.which("dawg2wordlist")):
        return set()
    try:
        return _unpack_with_tools(traineddata, lang)
    except (OSError, subprocess.SubprocessError, UnicodeError):
        return set()


def _unpack_with_tools(traineddata: Path, lang: str) -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / f"{lang}.")
        subprocess.run(["combine_tessdata", "-u", str(traineddata), prefix], capture_output=True, timeout=60, check=False)
        unicharset, dawg, out = Path(prefix + "lstm-unicharset"), Path(prefix + "lstm-word-dawg"), Path(tmp) / "words"
        if not (unicharset.exists() and dawg.exists()):
            return set()
        subprocess.run(["dawg2wordlist", str(unicharset), str(dawg), str(out)], capture_output=True, timeout=60, check=False)
        if not out.exists():
            return set()
        return {w.strip().casefold() for w in out.read_text(encoding="utf-8", errors="replace").splitlines() if w.strip()}


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kinerja"


def words(langs: tuple[str, ...] = ("ind", "eng")) -> frozenset[str]:
    """The known words (case-folded) of tesseract's installed models; empty when there are none.

    Unpacking takes about 1.3 s, so the list is kept in ``~/.cache/kinerja`` under a name made
    of the models' sizes and times; it is simply unpacked again when that folder is not writable.
    Kept in memory per models' folder; without the folder (tesseract's listing failed) nothing is kept.
    """
    folder = tessdata()
    if folder is None:
        return frozenset()
    return _words(folder, langs)


@functools.cache
def _words(folder: str, langs: tuple[str, ...]) -> frozenset[str]:
    models = [Path(folder) / f"{lang}.traineddata" for lang in langs]
    models = [m for m in models if m.is_file()]
    if not models:
        return frozenset()
    try:
        stamp = "-".join(f"{m.stem}{m.stat().st_size}.{int(m.stat().st_mtime)}" for m in models)
    except OSError:
        return frozenset()
    cached = _cache_dir() / f"lexicon-{stamp}.txt"
    try:
        return frozenset(cached.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    known: set[str] = set()
    for m in models:
        known |= _unpack(m, m.stem)
    if known:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text("\n".join(sorted(known)), encoding="utf-8")
            tmp.replace(cached)
        except OSError:
            pass
    return frozenset(known)


def known_words(texts: Iterable[str], vocabulary: frozenset[str] | None = None) -> tuple[int, int] | None:
    """How many of the words (four letters or more, not all capitals) are in the vocabulary, and
    how many there are; None when there is no vocabulary.

    >>> vocab = frozenset({"meningkatnya", "produksi", "populasi", "ternak"})
    >>> known_words(["Meningkalnya produksi dan populasi lernak", "DODY 2016"], vocab)
    (2, 4)
    """
    vocab = words() if vocabulary is None else vocabulary
    if not vocab:
        return None
    tokens = [t for text in texts for t in _TOKEN.findall(text) if not t.isupper()]
    return sum(t.casefold() in vocab for t in tokens), len(tokens)


def known_share(texts: Iterable[str], vocabulary: frozenset[str] | None = None) -> float | None:
    """Share of the words (four letters or more, not all capitals) found in the vocabulary;
    None when there is no such word or no vocabulary.

    >>> vocab = frozenset({"meningkatnya", "produksi", "populasi", "ternak"})
    >>> known_share(["Meningkatnya produksi dan populasi ternak"], vocab)
    1.0
    >>> known_share(["Meningkalnya produksi dan populasi lernak", "DODY 2016"], vocab)
    0.5
    """
    counted = known_words(texts, vocabulary)
    if counted is None or not counted[1]:
        return None
    return round(counted[0] / counted[1], 3)
