"""An e-Kinerja data export (XLSX): one PermenPANRB 6/2022 evaluation per row, each a document.

A workbook of the export holds a sheet of evaluations (one row each: the pegawai and the pejabat
penilai, ``periode``, ``tahun``, ``rating_hasil_kerja``, ``rating_perilaku``,
``predikat_kinerja``, …), a sheet of indikator rows (``target``, ``realisasi``,
``nilai_capaian``, …) and a sheet of perilaku rows, the last two tied to their evaluation by
``id_evaluasi`` (or, without it, by ``nip``, ``periode`` and ``tahun``). The spreadsheet reader
(:mod:`extract.sheet`) renders every sheet as TAB rows with a page break between sheets; this
module recognises the export by its column names and makes one :class:`~extract.models.Document`
per evaluation, every value located at its row (the sheet reader turns it into ``file!Sheet!C7``).

Columns are matched by name, case and spacing ignored (``Rating Hasil Kerja`` is
``rating_hasil_kerja``); a column the reader does not know is reported once (``info``), not guessed.
"""

from __future__ import annotations

import regex as re

from core.problems import Location, Problem, Severity
from extract.models import DocType, Document, Party, Role, SkpForm
from extract.skp.model import (
    PerilakuItem,
    SkpItem,
    SkpPeriod,
    SkpSection,
    SkpSheet,
    SkpValue,
    SkpValueKey,
)
from extract.skp.read import (
    indicators_of,
    label_word,
    perilaku_key,
    rating_of,
    read_period,
)
from extract.text.parties import nip_of
from extract.text.segment import Line
from normalize.text import clean_text, collapse
from normalize.values import Value, parse_value

#: The evaluation's ``nilai_*`` columns (an export's numeric scores; not recomputed: 6/2022 rates, it
#: sets no formula) and the value each is; the first filled one of a value is read.
NILAI_COLUMNS: tuple[tuple[str, SkpValueKey], ...] = (
    ("nilai_skp", SkpValueKey.NILAI_SKP), ("nilai_hasil_kerja", SkpValueKey.NILAI_SKP),
    ("nilai_perilaku", SkpValueKey.NILAI_PERILAKU), ("nilai_perilaku_kerja", SkpValueKey.NILAI_PERILAKU),
    ("nilai_kinerja", SkpValueKey.NILAI_KINERJA), ("nilai_akhir", SkpValueKey.NILAI_KINERJA),
    ("nilai_prestasi_kerja", SkpValueKey.NILAI_KINERJA),
)
EVALUATION_COLUMNS = frozenset({
    "id_evaluasi", "nip", "nama", "jabatan", "unit_kerja", "pangkat", "pangkat_golongan", "instansi", "nip_penilai",
    "nama_penilai", "jabatan_penilai", "unit_kerja_penilai", "pangkat_penilai", "periode", "tahun", "tanggal_mulai",
    "tanggal_selesai", "pendekatan", "rating_hasil_kerja", "rating_perilaku", "rating_perilaku_kerja",
    "predikat_kinerja", "capaian_organisasi", "capaian_kinerja_organisasi", "pola_distribusi", *(c for c, _ in NILAI_COLUMNS),
})
INDIKATOR_COLUMNS = frozenset({
    "id_evaluasi", "nip", "periode", "tahun", "no", "jenis", "perspektif", "rhk_atasan", "rhk", "aspek", "indikator",
    "target", "satuan", "realisasi", "nilai_capaian", "umpan_balik",
})
PERILAKU_COLUMNS = frozenset({"id_evaluasi", "nip", "periode", "tahun", "no", "perilaku", "ekspektasi", "umpan_balik"})


def column(label: str) -> str:
    """A column name as the export means it.

    >>> column("Rating Hasil Kerja"), column(" predikat_kinerja "), column("NIP Penilai")
    ('rating_hasil_kerja', 'predikat_kinerja', 'nip_penilai')
    """
    return re.sub(r"[^a-z0-9]+", "_", clean_text(label).casefold()).strip("_")


class _Sheet:
    """One sheet of the rendering as a table: its header's columns and its rows (line, cells)."""

    def __init__(self, header: Line, rows: list[Line]) -> None:
        self.header_line = header
        self.columns = [column(c) for c in header.raw.split("\t")]
        self.rows = [(ln, [clean_text(c) for c in ln.raw.split("\t")]) for ln in rows]

    def records(self) -> list[tuple[Line, dict[str, str]]]:
        out = []
        for ln, cells in self.rows:
            rec = {name: cells[i] for i, name in enumerate(self.columns) if name and i < len(cells) and cells[i]}
            if rec:
                out.append((ln, rec))
        return out

    def kind(self) -> str | None:
        cols = set(self.columns)
        if {"predikat_kinerja", "rating_hasil_kerja"} & cols and "nip" in cols:
            return "evaluasi"
        if "indikator" in cols and ({"target", "realisasi"} & cols):
            return "indikator"
        if "perilaku" in cols:
            return "perilaku"
        return None


def _sheets(lines: list[Line]) -> list[_Sheet]:
    """Each page of the rendering (a sheet) whose first row is a TAB row of column names."""
    pages: dict[int | None, list[Line]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    out = []
    for page_lines in pages.values():
        rows = [ln for ln in page_lines if not ln.blank]
        if rows and rows[0].is_tab_row and all(re.fullmatch(r"[A-Za-z_ ]*", c.strip()) for c in rows[0].raw.split("\t")):
            out.append(_Sheet(rows[0], [ln for ln in rows[1:] if ln.is_tab_row]))
    return out


def read_export(lines: list[Line], source_file: str, stem: str) -> list[Document] | None:
    """The evaluations of an e-Kinerja export, or None when the rendering is not one."""
    sheets = _sheets(lines)
    evaluations = [s for s in sheets if s.kind() == "evaluasi"]
    if not evaluations:
        return None
    indikator = [rec for s in sheets if s.kind() == "indikator" for rec in s.records()]
    perilaku = [rec for s in sheets if s.kind() == "perilaku" for rec in s.records()]
    unknown = sorted({c for s in sheets for c in s.columns if c and c not in
                      {"evaluasi": EVALUATION_COLUMNS, "indikator": INDIKATOR_COLUMNS, "perilaku": PERILAKU_COLUMNS}.get(
                          s.kind() or "", frozenset())} | set())
    docs: list[Document] = []
    for sheet in evaluations:
        for line, rec in sheet.records():
            doc = _document(line, rec, indikator, perilaku, source_file, f"{stem}--{len(docs) + 1:02d}-{DocType.SKP.value}")
            if unknown:
                doc.issues.append(Problem(
                    check="export_column_unread", severity=Severity.INFO, component="extract",
                    message=f"columns of the e-Kinerja export not read: {', '.join(unknown)}",
                    location=Location(file=source_file, line=sheet.header_line.no)))
            doc.settle_status()
            docs.append(doc)
    return docs


def _key(rec: dict[str, str]) -> tuple[str, ...]:
    if rec.get("id_evaluasi"):
        return ("id", rec["id_evaluasi"])
    return ("nip", re.sub(r"\D", "", rec.get("nip", "")), fold_period(rec.get("periode", "")), rec.get("tahun", ""))


def fold_period(text: str) -> str:
    return collapse(text).casefold()


def _loc(file: str, line: Line, cell: str | None = None, col: str | None = None) -> Location:
    return Location(file=file, line=line.no, page=line.page, cell=cell, column=col)


def _value(raw: str | None, loc: Location, issues: list[Problem]) -> Value | None:
    if not raw:
        return None
    value = parse_value(raw)
    issues.extend(value.problems(loc))
    return value


def _document(line: Line, rec: dict[str, str], indikator: list[tuple[Line, dict[str, str]]],
              perilaku: list[tuple[Line, dict[str, str]]], file: str, doc_id: str) -> Document:
    doc = Document(doc_id=doc_id, source_file=file, doc_type=DocType.SKP, form=SkpForm.PERMENPANRB_6_2022,
                   span=(line.no, line.no), pages=1)
    key = _key(rec)
    issues = doc.issues
    # the people
    if rec.get("nama"):
        doc.parties.append(Party(role=Role.PEGAWAI, name=rec["nama"], nip=nip_of(rec.get("nip", "")), jabatan=rec.get("jabatan"),
                                 pangkat=rec.get("pangkat") or rec.get("pangkat_golongan"), unit_kerja=rec.get("unit_kerja"),
                                 location=_loc(file, line, rec["nama"], "nama")))
    if rec.get("nama_penilai"):
        doc.parties.append(Party(role=Role.PEJABAT_PENILAI, name=rec["nama_penilai"], nip=nip_of(rec.get("nip_penilai", "")),
                                 jabatan=rec.get("jabatan_penilai"), pangkat=rec.get("pangkat_penilai"),
                                 unit_kerja=rec.get("unit_kerja_penilai"), location=_loc(file, line, rec["nama_penilai"], "nama_penilai")))
    # the period
    periode, tahun = rec.get("periode", ""), rec.get("tahun", "")
    year = int(tahun) if re.fullmatch(r"(?:19|20)\d{2}", tahun) else None
    dates = f"{rec['tanggal_mulai']} s.d. {rec['tanggal_selesai']}" if rec.get("tanggal_mulai") and rec.get("tanggal_selesai") else ""
    got = read_period(dates) or read_period(f"{periode} {tahun}")
    raw_period = collapse(f"{periode} {tahun}" + (f" ({dates})" if dates else ""))
    period = SkpPeriod(raw=raw_period, location=_loc(file, line, periode or tahun, "periode"), year=year)
    if got is not None:
        start, end, y, quarter = got
        period = period.model_copy(update={"start": start, "end": end, "year": year or y, "quarter": quarter})
    if re.search(r"TRIWULAN", periode, re.IGNORECASE) and (q := read_period(f"{periode} {tahun}")) is not None:
        period = period.model_copy(update={"quarter": q[3]})
    sheet = SkpSheet(period=period, approach=(rec.get("pendekatan") or "").casefold() or None, evaluation=True)
    # the values printed once
    for col, vkey in (("rating_hasil_kerja", SkpValueKey.RATING_HASIL_KERJA), ("rating_perilaku", SkpValueKey.RATING_PERILAKU),
                      ("rating_perilaku_kerja", SkpValueKey.RATING_PERILAKU)):
        if rec.get(col) and sheet.value(vkey) is None:
            if rating_of(rec[col]) is None:
                issues.append(Problem(check="rating_unreadable", severity=Severity.WARNING, component="extract",
                                      message=f"{col} '{rec[col]}' is not a rating (di atas / sesuai / di bawah ekspektasi)",
                                      location=_loc(file, line, rec[col], col)))
            sheet.values.append(SkpValue(key=vkey, label=rec[col].upper(), location=_loc(file, line, rec[col], col)))
    if rec.get("predikat_kinerja"):
        sheet.values.append(SkpValue(key=SkpValueKey.PREDIKAT, label=label_word(rec["predikat_kinerja"]) or rec["predikat_kinerja"],
                                     location=_loc(file, line, rec["predikat_kinerja"], "predikat_kinerja")))
    for col in ("capaian_organisasi", "capaian_kinerja_organisasi"):
        if rec.get(col):
            sheet.values.append(SkpValue(key=SkpValueKey.CAPAIAN_ORGANISASI, label=rec[col], location=_loc(file, line, rec[col], col)))
            break
    if rec.get("pola_distribusi"):
        sheet.values.append(SkpValue(key=SkpValueKey.POLA_DISTRIBUSI, label=rec["pola_distribusi"],
                                     location=_loc(file, line, rec["pola_distribusi"], "pola_distribusi")))
    for col, vkey in NILAI_COLUMNS:
        if not rec.get(col):
            continue
        where = _loc(file, line, rec[col], col)
        taken = sheet.value(vkey)
        if taken is None:
            sheet.values.append(SkpValue(key=vkey, value=_value(rec[col], where, issues), location=where))
        elif taken.value is not None and parse_value(rec[col]).value != taken.value.value:
            issues.append(Problem(check="export_columns_disagree", severity=Severity.WARNING, component="extract",
                                  message=f"{col} '{rec[col]}' differs from {taken.location.column} '{taken.value.raw}' "
                                          f"(both the {vkey.value}); the first is read", location=where))
    # the indikator and perilaku rows of this evaluation
    for ln, row in indikator:
        if _key(row) != key and not (key[0] == "id" and _key(row)[0] != "id" and _fallback(row, rec)):
            continue
        name = row.get("indikator", "")
        if not name:
            continue
        target_raw = row.get("target", "")
        if row.get("satuan") and target_raw and not re.search(r"[^\d.,\s%-]", target_raw):
            target_raw = f"{target_raw} {row['satuan']}"
        section = SkpSection.TAMBAHAN if re.search(r"tambahan", row.get("jenis", ""), re.IGNORECASE) else SkpSection.UTAMA
        sheet.items.append(SkpItem(
            no=row.get("no"), section=section, name=name, rhk=row.get("rhk"), parent=row.get("rhk_atasan"),
            perspektif=row.get("perspektif"), aspek=row.get("aspek"),
            target=_value(target_raw, _loc(file, ln, row.get("target"), "target"), issues),
            realisasi=_value(row.get("realisasi"), _loc(file, ln, row.get("realisasi"), "realisasi"), issues),
            capaian=_value(row.get("nilai_capaian"), _loc(file, ln, row.get("nilai_capaian"), "nilai_capaian"), issues),
            umpan_balik=row.get("umpan_balik"), location=_loc(file, ln, name, "indikator"),
        ))
    for ln, row in perilaku:
        if _key(row) != key and not (key[0] == "id" and _key(row)[0] != "id" and _fallback(row, rec)):
            continue
        label = row.get("perilaku", "")
        if label:
            sheet.perilaku.append(PerilakuItem(key=perilaku_key(label), label=label, ekspektasi=row.get("ekspektasi"),
                                               umpan_balik=row.get("umpan_balik"), location=_loc(file, ln, label, "perilaku")))
    sheet.jpt = any(i.perspektif for i in sheet.items)
    doc.skp = sheet
    doc.indicators = indicators_of(sheet)
    doc.header.year = year or period.year
    doc.header.unit = rec.get("unit_kerja") or rec.get("jabatan")
    doc.header.instansi = rec.get("instansi")
    doc.header.title = "EVALUASI KINERJA PEGAWAI (e-Kinerja)"
    if not sheet.items:
        issues.append(Problem(check="skp_items_missing", severity=Severity.WARNING, component="extract",
                              message="the export holds no indikator row for this evaluation", location=_loc(file, line)))
    return doc


def _fallback(row: dict[str, str], rec: dict[str, str]) -> bool:
    """A row without ``id_evaluasi`` belongs to the evaluation of the same NIP, periode and tahun."""
    return (re.sub(r"\D", "", row.get("nip", "")) == re.sub(r"\D", "", rec.get("nip", ""))
            and fold_period(row.get("periode", "")) == fold_period(rec.get("periode", "")) and row.get("tahun") == rec.get("tahun"))


__all__ = ["column", "read_export"]
