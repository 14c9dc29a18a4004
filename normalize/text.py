"""Text clean-up for cells and names: HTML fragments, NBSP, unicode dashes, line-wrap hyphens.

>>> clean_text("<i>Rp</i>\\u00a07.315.466.938.000")
'Rp 7.315.466.938.000'
>>> clean_text("<p>a. Satu</p> <p>b. Dua</p>")
'a. Satu b. Dua'
>>> clean_text("Indeks Capaian $\\\\geq 100\\\\%$")
'Indeks Capaian ≥ 100%'
>>> join_wrapped(["PENGELO-", "LAAN KINERJA"])
'PENGELOLAAN KINERJA'
>>> join_wrapped(["Undang-", "Undang Dasar"])
'Undang-Undang Dasar'
>>> fold_key("Indeks kualitas pengelolaan Keuangan BA 015") == fold_key("Indeks Kualitas Pengelolaan keuangan BA015")
True
"""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

import regex as re

_TAG_BREAK = re.compile(r"(?i)</?(?:p|br|li|ul|ol|div|tr)\b[^>]*>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_LATEX = [
    (re.compile(r"\\geq?\b|\\ge\b"), "≥"),
    (re.compile(r"\\leq?\b|\\le\b"), "≤"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\$"), ""),
]
_WS = re.compile(r"\s+")
_WRAP_END = re.compile(r"(\p{L}+)-$")
_WORD_START = re.compile(r"\p{L}+")


def strip_html(text: str, *, keep_breaks: bool = False) -> str:
    """Remove HTML tags (``<p>``, ``<i>`` …) and unescape entities.

    With ``keep_breaks`` block tags become newlines, so paragraphs stay apart.

    >>> strip_html("<p>a</p><p>b &amp; c</p>", keep_breaks=True).split()
    ['a', 'b', '&', 'c']
    """
    text = _TAG_BREAK.sub("\n" if keep_breaks else " ", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def clean_text(text: str | None, *, keep_breaks: bool = False) -> str:
    """Normalize one cell or line: no HTML, plain spaces and dashes, LaTeX comparators, trimmed.

    ``keep_breaks`` keeps single newlines (between paragraphs), otherwise all
    whitespace collapses to one space.
    """
    if not text:
        return ""
    return _clean(text, keep_breaks)


@lru_cache(maxsize=1 << 16)
def _clean(text: str, keep_breaks: bool) -> str:
    """:func:`clean_text` proper; cached, since a rendering reads the same cells many times."""
    text = strip_html(text, keep_breaks=keep_breaks)
    text = text.translate(_ZERO_WIDTH).translate(_DASHES).translate(_SPACES)
    text = text.replace(">=", "≥").replace("=>", "≥").replace("<=", "≤").replace("=<", "≤")
    for pattern, repl in _LATEX:
        text = pattern.sub(repl, text)
    text = unicodedata.normalize("NFC", text)
    if keep_breaks:
        lines = (_WS.sub(" ", ln).strip() for ln in text.split("\n"))
        return "\n".join(ln for ln in lines if ln)
    return _WS.sub(" ", text).strip()


def _kept_hyphen(left: str, right: str) -> bool:
    """Is ``left-`` + ``right`` a compound rather than one word cut by the line end?"""
    lf, rf = left.casefold(), right.casefold()
    if lf == rf or any(lf.endswith(rf[:k]) for k in range(3, len(rf) + 1)):  # Undang-Undang, perundang-undangan
        return True
    return not _VOWEL.search(lf) or not _VOWEL.search(rf)  # RKA-SKPD, RAD-PPK


_VOWEL = re.compile(r"[aeiou]")


def join_wrapped(lines: list[str]) -> str:
    """Join the lines of one wrapped cell with spaces, undoing line-wrap hyphenation.

    A hyphen at a line end is dropped when the word continues on the next line in the
    same case (``PENGELO-`` + ``LAAN``), but kept, without a space, for reduplication
    (``Undang-`` + ``Undang``, ``Perundang-`` + ``undangan``) and between acronyms
    (``RKA-`` + ``SKPD``: a part without a vowel is no syllable).

    >>> join_wrapped(["Peraturan Perundang-", "undangan"]), join_wrapped(["Dokumen RKA-", "SKPD"])
    ('Peraturan Perundang-undangan', 'Dokumen RKA-SKPD')
    >>> join_wrapped(["Penanga-", "nan bencana"])
    'Penanganan bencana'
    """
    out = ""
    for raw in lines:
        line = clean_text(raw)
        if not line:
            continue
        if not out:
            out = line
            continue
        m = _WRAP_END.search(out) if out[-1] == "-" else None  # (the search scans the whole text: only where it can match)
        n = _WORD_START.match(line)
        if m and n:
            left, right = m.group(1), n.group(0)
            same_case = (left.isupper() and right.isupper()) or (left[-1].islower() and right[0].islower())
            if same_case and not _kept_hyphen(left, right):
                out = out[:-1] + line
                continue
            out += line
            continue
        out += " " + line
    return out


def fold_key(text: str | None) -> str:
    """A comparison key: case, accents, spacing and punctuation folded away.

    >>> fold_key("  Tingkat  Kualitas, Pengelolaan-TIK ")
    'tingkatkualitaspengelolaantik'
    """
    if not text:
        return ""
    return _fold(text)


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", clean_text(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text.casefold())


def collapse(text: str | None) -> str:
    """Whitespace collapsed and trimmed, nothing else changed.

    >>> collapse(" a \\n b ")
    'a b'
    """
    return _WS.sub(" ", text or "").strip()
