"""Which SKP form a document follows, and which title lines belong to one SKP document.

The generations print different words, so a document is recognised by what it prints (its
titles and its table headers), never by its year:

* **PP 46/2011** (Perka BKN 1/2013): ``SASARAN KERJA PEGAWAI NEGERI SIPIL`` (*kerja*, not
  *kinerja*), ``PENILAIAN CAPAIAN SASARAN KERJA``, ``PENILAIAN PRESTASI KERJA``, the column
  ``KEGIATAN TUGAS JABATAN``, the party heading ``PEGAWAI NEGERI SIPIL YANG DINILAI``;
* **PermenPANRB 8/2021**: ``RENCANA KINERJA`` (not *rencana hasil kerja*), ``CAPAIAN IKI``,
  ``KATEGORI CAPAIAN IKI``, ``NILAI TERTIMBANG``, ``NILAI AKHIR SKP``, ``KINERJA UTAMA``;
* **PermenPANRB 6/2022**: ``RENCANA HASIL KERJA … YANG DIINTERVENSI``, an ``ASPEK`` column,
  ``EVALUASI KINERJA PEGAWAI``, ``RATING HASIL KERJA``, ``PREDIKAT KINERJA PEGAWAI``,
  ``EKSPEKTASI KHUSUS PIMPINAN`` beside the BerAKHLAK behaviours;
* the **Kemenkeu IKU-style** form is the 6/2022 layout with a ``PERSPEKTIF`` column beside
  ``RENCANA HASIL KERJA`` and none of the national form's marks above.

>>> from extract.text.segment import read_lines
>>> form_of(read_lines("FORMULIR SASARAN KERJA\\nPEGAWAI NEGERI SIPIL\\nNO\\tIII. KEGIATAN TUGAS JABATAN\\tAK\\tTARGET"))
<SkpForm.PP46_2011: 'skp_pp46_2011'>
>>> form_of(read_lines("SASARAN KINERJA PEGAWAI\\nNO\\tRENCANA HASIL KERJA\\tINDIKATOR KINERJA INDIVIDU\\tTARGET\\tPERSPEKTIF"))
<SkpForm.KEMENKEU_IKU: 'skp_kemenkeu_iku'>
>>> form_of(read_lines("SASARAN KINERJA PEGAWAI\\nNO\\tRENCANA KINERJA\\tINDIKATOR KINERJA INDIVIDU\\tTARGET\\tREALISASI\\tCAPAIAN IKI"))
<SkpForm.PERMENPANRB_8_2021: 'skp_permenpanrb_8_2021'>
>>> form_of(read_lines("EVALUASI KINERJA PEGAWAI\\nRATING HASIL KERJA : SESUAI EKSPEKTASI"))
<SkpForm.PERMENPANRB_6_2022: 'skp_permenpanrb_6_2022'>
"""

from __future__ import annotations

import regex as re

from extract.models import DocType, SkpForm
from extract.text.segment import Line, Segment

#: The forms read by :mod:`extract.skp.read` (the Kemenkeu form keeps the generic table reader).
BKN_FORMS = frozenset({SkpForm.PP46_2011, SkpForm.PERMENPANRB_8_2021, SkpForm.PERMENPANRB_6_2022})

# the parts of a PP 46/2011 book, each a title; a second title of one part starts another book
PP46_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("formulir", re.compile(r"^(?:FORMULIR\s+)?SASARAN\s+KERJA(?:\s+PEGAWAI)?(?:\s+NEGERI\s+SIPIL)?\s*(?:\(SKP\))?$")),
    ("capaian", re.compile(r"^PENILAIAN\s+CAPAIAN\s+SASARAN\s+KERJA\b")),
    ("prestasi", re.compile(r"^(?:DOKUMEN\s+)?PENILAIAN\s+PRESTASI\s+KERJA\b")),
    ("perilaku", re.compile(r"^BUKU\s+CATATAN\s+PENILAIAN\s+PERILAKU\b")),
)

_PP46 = re.compile(
    r"\bSASARAN\s+KERJA\s+PEGAWAI\s+NEGERI\s+SIPIL\b|\bPENILAIAN\s+CAPAIAN\s+SASARAN\s+KERJA\b|"
    r"\bPENILAIAN\s+PRESTASI\s+KERJA\b|\bKEGIATAN\s+TUGAS\s+JABATAN\b|\bPEGAWAI\s+NEGERI\s+SIPIL\s+YANG\s+DINILAI\b",
    re.IGNORECASE,
)
_8_2021 = re.compile(
    r"\bCAPAIAN\s+IKI\b|\bKATEGORI\s+CAPAIAN\b|\bNILAI\s+TERTIMBANG\b|\bNILAI\s+AKHIR\s+SKP\b|"
    r"\bRENCANA\s+KINERJA\s+ATASAN\b|\bKINERJA\s+(?:UTAMA|TAMBAHAN)\b|(?:^|\t)[ ]*RENCANA\s+KINERJA[ ]*(?:\t|$)",
    re.IGNORECASE | re.MULTILINE,
)
_6_2022 = re.compile(
    r"\bYANG\s+DIINTERVENSI\b|\bEVALUASI\s+KINERJA\s+PEGAWAI\b|\bRATING\s+(?:HASIL\s+KERJA|PERILAKU)\b|"
    r"\bPREDIKAT\s+KINERJA\s+PEGAWAI\b|\bEKSPEKTASI\s+KHUSUS\s+PIMPINAN\b|(?:^|\t)[ ]*ASPEK[ ]*(?:\t|$)",
    re.IGNORECASE | re.MULTILINE,
)
_PERSPEKTIF_COLUMN = re.compile(r"RENCANA\s+HASIL\s+KERJA[\t ][^\n]*\bPERSPEKTIF\b", re.IGNORECASE)
_SKP_TITLE = re.compile(r"\b(?:LAMPIRAN\s+)?SASARAN\s+KINERJA\s+PEGAWAI\b|\bPENDEKATAN\s+HASIL\s+KERJA\b", re.IGNORECASE)


def form_of(lines: list[Line]) -> SkpForm | None:
    """The SKP form the lines of one document follow, or None when they follow none."""
    text = "\n".join(ln.raw.replace("**", "") for ln in lines)
    if _PP46.search(text):
        return SkpForm.PP46_2011
    if _8_2021.search(text) and not re.search(r"RENCANA\s+HASIL\s+KERJA", text, re.IGNORECASE):
        return SkpForm.PERMENPANRB_8_2021
    # the Kemenkeu form also says "Ekspektasi Khusus Pimpinan": its perspektif column decides first
    if _PERSPEKTIF_COLUMN.search(text) and not re.search(r"\bYANG\s+DIINTERVENSI\b|\bRATING\s+HASIL\s+KERJA\b", text, re.IGNORECASE):
        return SkpForm.KEMENKEU_IKU
    if _6_2022.search(text):
        return SkpForm.PERMENPANRB_6_2022
    if _8_2021.search(text):
        return SkpForm.PERMENPANRB_8_2021
    if re.search(r"\bIKI\b", text) and re.search(r"\b(?:Q1|TW\s*I|Triwulan)\b", text, re.IGNORECASE) and _SKP_TITLE.search(text):
        return SkpForm.KEMENKEU_IKU  # the Kemenkeu Lampiran SKP: each IKI by quarter
    if _SKP_TITLE.search(text):
        return SkpForm.PERMENPANRB_6_2022
    return None


def pp46_part(line: Line) -> str | None:
    """The part of a PP 46/2011 book a title line opens (``formulir``, ``capaian``, ``prestasi``,
    ``perilaku``), or None.

    >>> from extract.text.segment import Line
    >>> pp46_part(Line(1, "PENILAIAN CAPAIAN SASARAN KERJA")), pp46_part(Line(1, "SASARAN KINERJA PEGAWAI"))
    ('capaian', None)
    """
    if line.is_tab_row or line.is_pipe_row:
        return None
    text = line.text.upper()
    return next((name for name, pattern in PP46_PARTS if pattern.match(text)), None)


def skp_segments(segments: list[Segment]) -> list[Segment]:
    """The documents of a file with the parts of an SKP kept together.

    * the parts of a PP 46/2011 book (the target form, the penilaian capaian, the penilaian
      prestasi kerja, the behaviour notes) are one document; a part printed a second time
      starts the next book;
    * a PermenPANRB 6/2022 SKP's LAMPIRAN (dukungan sumber daya, skema pertanggungjawaban,
      konsekuensi, with no indicator table of its own) belongs to the SKP before it; the
      Kemenkeu Lampiran SKP, which sets each IKI's quarterly targets, stays a document.
    """
    out: list[Segment] = []
    for seg in segments:
        for part in _split_books(seg):
            prev = out[-1] if out else None
            if prev is not None and prev.doc_type is DocType.SKP and part.doc_type is DocType.LAMPIRAN_SKP \
                    and not _indicator_table(part) and form_of(prev.lines) is SkpForm.PERMENPANRB_6_2022:
                prev.lines.extend(part.lines)
                continue
            out.append(part)
    return out


def _split_books(seg: Segment) -> list[Segment]:
    if seg.doc_type is not DocType.SKP:
        return [seg]
    parts: list[Segment] = []
    current = Segment(doc_type=seg.doc_type)
    seen: set[str] = set()
    titles = {id(ln) for ln in seg.title_lines}
    for line in seg.lines:
        part = pp46_part(line)
        if part is not None and part in seen and current.lines:
            parts.append(current)
            current = Segment(doc_type=seg.doc_type)
            seen = set()
        if part is not None:
            seen.add(part)
        current.lines.append(line)
        if id(line) in titles:
            current.title_lines.append(line)
    parts.append(current)
    return [p for p in parts if p.lines]


def _indicator_table(seg: Segment) -> bool:
    return any(ln.is_tab_row and re.search(r"\b(?:IKI|INDIKATOR\s+KINERJA)\b", ln.text, re.IGNORECASE) for ln in seg.lines)
