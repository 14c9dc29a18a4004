"""The fixed sample of synthetic files the CI test reads, and a perfect reading of a truth.

The sample is seed 7, files 0-35 as digital PDFs (every layout kind, ruling, font and header
variant occurs among them) and four of them again as scans: files whose whole dossier fits on
one page (OCR takes seconds per page), chosen once by looking at their truth and fixed here.
"""

from __future__ import annotations

from functools import cache

from corpus.synth import TruthFile, generate
from extract.models import BudgetLine, DocType, Document, Indicator, Party, Period, Role, Target
from normalize.values import Value

SEED = 7
DIGITAL = tuple(range(36))
SCANS = (8, 12, 13, 30)


@cache
def sample_truth(index: int) -> TruthFile:
    """The truth of digital file ``index`` of the sample (generated once per test session)."""
    return generate(SEED, index).truth


def perfect_documents(tf: TruthFile) -> list[Document]:
    """The documents a perfect reader would extract from the file (built from the truth)."""
    docs = []
    for n, td in enumerate(tf.documents, start=1):
        docs.append(Document(
            doc_id=f"{tf.file}--{n:02d}-{td.kind}", source_file=tf.file, doc_type=DocType(td.kind),
            indicators=[
                Indicator(name=i.name, code=i.code, sasaran=i.sasaran,
                          targets=[Target(period=Period(t.period), value=Value(raw=t.raw, value=t.value)) for t in i.targets])
                for i in td.indicators
            ],
            budget=[BudgetLine(level=b.level, name=b.name, amount=b.amount, value=Value(raw=str(b.amount), value=b.amount))
                    for b in td.budget],
            parties=[Party(role=Role(p.role), name=p.name, nip=p.nip) for p in td.parties],
        ))
    return docs


def perfect_tables(tf: TruthFile) -> dict[int, list[list[list[str]]]]:
    """Per page, one table per document as a perfect cell reader returns it: a header row of the
    printed period labels, then one row per indicator (code, name, values) and per budget line."""
    out: dict[int, list[list[list[str]]]] = {}
    for td in tf.documents:
        labels = list(dict.fromkeys(t.label for i in td.indicators for t in i.targets))
        rows = [["Kode", "Indikator", *labels, "Anggaran"]]
        for i in td.indicators:
            by_label = {t.label: t.raw for t in i.targets}
            rows.append([i.code or "", i.name, *[by_label.get(lb, "") for lb in labels], ""])
        for b in td.budget:
            rows.append(["", b.name, *[""] * len(labels), f"{b.amount:,}".replace(",", ".")])
        out.setdefault(td.first_page, []).append(rows)
    return out
