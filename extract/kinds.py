"""What a file that holds no performance table seems to be, from the words of its first pages.

A cover, a table of contents, a foreword or a narrative chapter of a report is not a failure to
read: it is reported as ``skipped`` with the reason ``no performance table`` and the kind it
seems to be, so an auditor can tell an archive's chapters from its broken files.

>>> guess_kind("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2022 ... BAB II PERENCANAAN KINERJA")
'LKj report chapter'
>>> guess_kind("DAFTAR ISI\\nKATA PENGANTAR ..... i\\nBAB I PENDAHULUAN ..... 1")
'table of contents'
>>> guess_kind("")
'a file without text'
>>> guess_kind("Rapat koordinasi", widescreen=True)
'presentation'
"""

from __future__ import annotations

import regex as re

#: Kinds in the order they are tried; the first whose pattern matches the text wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("table of contents", re.compile(r"\bDAFTAR\s+ISI\b", re.I)),
    ("LKj report chapter", re.compile(r"\bLAPORAN\s+(?:AKUNTABILITAS\s+)?KINERJA\b|\bL(?:KjIP|KIP|AKIP|AKIN)\b", re.I)),
    ("foreword", re.compile(r"\bKATA\s+PENGANTAR\b", re.I)),
    ("Renstra", re.compile(r"\bRENCANA\s+STRATEGIS\b|\bRENSTRA\b", re.I)),
    ("Renja", re.compile(r"\bRENCANA\s+KERJA\b|\bRENJA\b", re.I)),
    ("decree or regulation", re.compile(r"\b(?:SURAT\s+)?KEPUTUSAN\b|\bPERATURAN\b", re.I)),
    ("report chapter", re.compile(r"\bBAB\s+[IVX]+\b")),
)


def guess_kind(text: str, *, widescreen: bool = False) -> str:
    """The kind of document ``text`` (its first pages) seems to be; ``widescreen``: its pages
    are 16:9 or wider, as a slide deck exported to PDF is."""
    if widescreen:
        return "presentation"
    if not text.strip():
        return "a file without text"
    head = text[:6000]
    for kind, pattern in KINDS:
        if pattern.search(head):
            return kind
    return "narrative text"
