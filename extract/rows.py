"""Flat, typed rows for the output tables (CSV, SQLite, Parquet, workbook).

Each table has one row model; its fields are the table's columns, in order. Other tools
rely on these names (``documents``, ``parties``, ``indicators``, ``targets``, ``measures``,
``budget``, ``issues``, ``findings``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from pydantic import BaseModel

from core.problems import Problem
from extract.models import Document, checks_counted


class DocumentRow(BaseModel):
    doc_id: str
    source_file: str
    doc_type: str
    unit: str | None
    year: int | None
    status: str
    pages: int | None
    issues: int
    doubts: str | None = None  # why a partial document is partial: its checks above info ("table_guessed ×2, ocr_low_confidence")
    form: str | None = None  # an SKP's form: skp_kemenkeu_iku, skp_pp46_2011, skp_permenpanrb_8_2021, skp_permenpanrb_6_2022
    instansi: str | None
    nomor: str | None
    place: str | None
    date: str | None
    e_signed: bool
    first_line: int | None
    last_line: int | None


class PartyRow(BaseModel):
    doc_id: str
    source_file: str
    role: str
    name: str
    nip: str | None
    jabatan: str | None
    pangkat: str | None
    unit_kerja: str | None
    signature: str | None = None  # electronic | image | ink | none; empty: not looked for (a text rendering)


class IndicatorRow(BaseModel):
    doc_id: str
    source_file: str
    doc_type: str
    sasaran_no: str | None
    sasaran: str | None
    indicator_code: str | None
    indicator_name: str
    perspektif: str | None
    satuan: str | None
    item_no: str | None
    kategori: str | None
    sumber_data: str | None
    line: int | None
    page: int | None


class _IndicatorRef(BaseModel):
    """The first columns of a per-period row: which document and which indicator."""

    doc_id: str
    source_file: str
    doc_type: str
    sasaran_no: str | None
    indicator_code: str | None
    indicator_name: str


class TargetRow(_IndicatorRef):
    period: str
    raw: str
    value: Decimal | None  # 34,94% -> 34.94
    kind: str
    unit: str | None
    scale: Decimal | None
    label: str | None
    comparator: str | None
    low: Decimal | None  # a range target ("88,31-100,00") has no value, a low and a high
    high: Decimal | None
    total: Decimal | None  # "100 dari 110 Organisasi": the 110
    line: int | None
    page: int | None
    year: int | None = None  # set when the column names a year other than the document's ("Target 2024" in a PK 2021)


class MeasureRow(_IndicatorRef):
    """What a measurement table prints beside a target: the realisasi, the capaian (%) and the rupiah realised."""

    measure: str  # realisasi | capaian | realisasi_rp (the rupiah spent, an Evaluasi Renja)
    period: str
    raw: str
    value: Decimal | None
    kind: str
    unit: str | None
    line: int | None
    page: int | None
    year: int | None = None  # set for a year other than the document's (a report's "Realisasi 2021" beside 2022)


class BudgetRow(BaseModel):
    doc_id: str
    source_file: str
    level: str
    label: str | None
    name: str
    amount: int | None  # exact rupiah
    parent: str | None
    raw: str
    line: int | None
    realisasi: int | None = None  # a budget-realisation table's (an LKj's): the rupiah spent, exact
    persen: str | None = None  # and the share it prints, as printed ("93,6")


class IssueRow(BaseModel):
    doc_id: str | None
    source_file: str
    check: str
    severity: str
    component: str
    message: str
    location: str
    page: int | None
    line: int | None
    cell: str | None


#: The tables of the extract stage and their row models, in output order.
TABLES: dict[str, type[BaseModel]] = {
    "documents": DocumentRow,
    "parties": PartyRow,
    "indicators": IndicatorRow,
    "targets": TargetRow,
    "measures": MeasureRow,
    "budget": BudgetRow,
    "issues": IssueRow,
}


def document_rows(docs: Iterable[Document]) -> Iterator[DocumentRow]:
    for d in docs:
        h = d.header
        yield DocumentRow(
            doc_id=d.doc_id, source_file=d.source_file, doc_type=d.doc_type.value, unit=h.unit, year=h.year,
            status=d.status.value, pages=d.pages, issues=len(d.issues), doubts=checks_counted(d.doubts()) or None,
            form=d.form.value if d.form else None,
            instansi=h.instansi, nomor=h.nomor,
            place=h.place, date=h.date.isoformat() if h.date else None, e_signed=h.e_signed,
            first_line=d.span[0] if d.span else None, last_line=d.span[1] if d.span else None,
        )


def party_rows(docs: Iterable[Document]) -> Iterator[PartyRow]:
    for d in docs:
        for p in d.parties:
            yield PartyRow(
                doc_id=d.doc_id, source_file=d.source_file, role=p.role.value, name=p.name, nip=p.nip,
                jabatan=p.jabatan, pangkat=p.pangkat, unit_kerja=p.unit_kerja,
                signature=p.signature.value if p.signature else None,
            )


def indicator_rows(docs: Iterable[Document]) -> Iterator[IndicatorRow]:
    for d in docs:
        for i in d.indicators:
            yield IndicatorRow(
                doc_id=d.doc_id, source_file=d.source_file, doc_type=d.doc_type.value, sasaran_no=i.sasaran_no,
                sasaran=i.sasaran, indicator_code=i.code, indicator_name=i.name, perspektif=i.perspektif,
                satuan=i.satuan, item_no=i.item_no, kategori=i.kategori, sumber_data=i.sumber_data,
                line=i.location.line, page=i.location.page,
            )


def target_rows(docs: Iterable[Document]) -> Iterator[TargetRow]:
    for d in docs:
        for i in d.indicators:
            for t in i.targets:
                v = t.value
                yield TargetRow(
                    doc_id=d.doc_id, source_file=d.source_file, doc_type=d.doc_type.value, sasaran_no=i.sasaran_no,
                    indicator_code=i.code, indicator_name=i.name, period=t.period.value, year=t.year, raw=v.raw,
                    value=v.value, kind=v.kind.value, unit=v.unit, scale=v.scale, label=v.label,
                    comparator=v.comparator, low=v.low, high=v.high, total=v.total,
                    line=t.location.line, page=t.location.page,
                )


def measure_rows(docs: Iterable[Document]) -> Iterator[MeasureRow]:
    for d in docs:
        for i in d.indicators:
            for measure in ("realisasi", "capaian", "realisasi_rp"):
                for t in getattr(i, measure):
                    v = t.value
                    yield MeasureRow(
                        doc_id=d.doc_id, source_file=d.source_file, doc_type=d.doc_type.value, sasaran_no=i.sasaran_no,
                        indicator_code=i.code, indicator_name=i.name, measure=measure, period=t.period.value, raw=v.raw,
                        value=v.value, kind=v.kind.value, unit=v.unit, line=t.location.line, page=t.location.page,
                        year=t.year,
                    )


def budget_rows(docs: Iterable[Document]) -> Iterator[BudgetRow]:
    for d in docs:
        for b in d.budget:
            yield BudgetRow(
                doc_id=d.doc_id, source_file=d.source_file, level=b.level, label=b.label, name=b.name,
                amount=b.amount, parent=b.parent, raw=b.value.raw, line=b.location.line,
                realisasi=b.realisasi.amount if b.realisasi is not None else None, persen=b.persen.raw if b.persen is not None else None,
            )


def issue_row(p: Problem, doc: Document | None = None) -> IssueRow:
    loc = p.location
    return IssueRow(
        doc_id=doc.doc_id if doc else None, source_file=doc.source_file if doc else (loc.file or ""), check=p.check,
        severity=p.severity.value, component=p.component, message=p.message, location=loc.short(), page=loc.page,
        line=loc.line, cell=loc.cell,
    )


def issue_rows(docs: Iterable[Document]) -> Iterator[IssueRow]:
    for d in docs:
        for p in d.issues:
            yield issue_row(p, d)


def extract_tables(docs: list[Document]) -> dict[str, list[BaseModel]]:
    """Every table of :data:`TABLES` for ``docs``."""
    return {
        "documents": list(document_rows(docs)),
        "parties": list(party_rows(docs)),
        "indicators": list(indicator_rows(docs)),
        "targets": list(target_rows(docs)),
        "measures": list(measure_rows(docs)),
        "budget": list(budget_rows(docs)),
        "issues": list(issue_rows(docs)),
    }
