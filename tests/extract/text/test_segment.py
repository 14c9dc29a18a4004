"""The title lines that start a document (extract/text/segment.py): each names its type, and near misses name none."""

from __future__ import annotations

import pytest

from extract.models import DocType
from extract.text.segment import read_lines, title_type


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", DocType.EVALUASI_RENJA),  # Permendagri 86/2017's form
        ("Evaluasi Terhadap Hasil RKPD", DocType.EVALUASI_RENJA),  # title case, the Pemda's own
        ("LAPORAN EVALUASI RENJA TAHUN 2024", DocType.EVALUASI_RENJA),
        ("FORMULIR EVALUASI HASIL PELAKSANAAN RENCANA KERJA PERANGKAT DAERAH", DocType.EVALUASI_RENJA),
        ("MONITORING DAN EVALUASI RENJA TRIWULAN IV", DocType.EVALUASI_RENJA),
        ("EVALUASI RENCANA KERJA DAN ANGGARAN TAHUN 2024", None),  # an RKA's evaluation: no Renja's form
        ("EVALUASI RENCANA KERJA TAHUNAN (RKT)", None),  # a ministry's annual plan
        ("RENCANA KERJA PERANGKAT DAERAH TAHUN 2025", None),  # the plan itself
        ("RINCIAN TARGET KINERJA", DocType.RINCIAN_TARGET),
    ],
)
def test_a_title_line_names_the_type_of_the_document_it_starts(title: str, doc_type: DocType | None) -> None:
    (line,) = read_lines(title)
    assert title_type(line) is doc_type
