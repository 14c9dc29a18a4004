"""Reading accuracy of the national SKP forms against their synthetic truth (``corpus.synth`` BKN kinds).

Per truth document one field each for the form, the period (year and quarter), the two people's
names and NIPs; per work row its name, rencana (hasil) kerja, intervened parent, aspek and
perspektif where the truth has them, and every printed cell (targets and realisasi of each
aspect, units, perhitungan, nilai, capaian, kategori, nilai tertimbang, umpan balik); per
behaviour its nilai and sebutan (PP 46, 8/2021) or its ekspektasi and umpan balik (6/2022); and
every value printed once (totals, weights' products, ratings, predikat). A row read from nothing
in the truth costs one field (``extra_item``). Texts are compared with their spacing collapsed,
labels without regard to case; numbers as printed (``88,67`` is not ``88.67``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from corpus.synth._truth import TruthDocument, TruthFile, TruthSkpItem
from extract.models import Document, Role
from extract.skp.model import Aspect, SkpItem, SkpValueKey


@dataclass(frozen=True)
class SkpField:
    file: str
    field: str
    ok: bool
    truth: str
    got: str
    where: str


def _ws(text: object) -> str:
    return " ".join(str(text or "").split())


def _label(text: object) -> str:
    return _ws(text).casefold().replace("kurang/misconduct", "kurang")


def _raw(v) -> str:
    return "" if v is None else _ws(v.raw)


def item_cell(item: SkpItem, field: str) -> str:
    """The reading of one truth cell name on a read item."""
    if ":" in field:
        kind, aspect = field.split(":")
        m = item.aspect(Aspect(aspect))
        if m is None:
            return ""
        if kind == "unit":
            return _ws(m.unit)
        return _raw(m.target if kind == "t" else m.realisasi)
    if field in ("kategori", "umpan_balik"):
        return _ws(getattr(item, field))
    return _raw(getattr(item, field))


_VALUE_KEYS = {"nilai_skp": SkpValueKey.NILAI_SKP, "skp_tertimbang": SkpValueKey.SKP_TERTIMBANG,
               "jumlah_perilaku": SkpValueKey.JUMLAH_PERILAKU, "nilai_perilaku": SkpValueKey.NILAI_PERILAKU,
               "perilaku_tertimbang": SkpValueKey.PERILAKU_TERTIMBANG, "nilai_kinerja": SkpValueKey.NILAI_KINERJA,
               "rating_hasil_kerja": SkpValueKey.RATING_HASIL_KERJA, "rating_perilaku": SkpValueKey.RATING_PERILAKU,
               "predikat": SkpValueKey.PREDIKAT, "capaian_organisasi": SkpValueKey.CAPAIAN_ORGANISASI,
               "pola_distribusi": SkpValueKey.POLA_DISTRIBUSI}
_LABELS = {SkpValueKey.RATING_HASIL_KERJA, SkpValueKey.RATING_PERILAKU, SkpValueKey.PREDIKAT, SkpValueKey.CAPAIAN_ORGANISASI,
           SkpValueKey.POLA_DISTRIBUSI}


def _pair(truth: list[TruthSkpItem], got: list[SkpItem]) -> list[tuple[TruthSkpItem, SkpItem | None]]:
    """Each truth row with the read row of its section whose name is most alike (at least 60)."""
    free = list(got)
    out = []
    for t in truth:
        best, score = None, 60.0
        for g in free:
            if g.section.value != t.section:
                continue
            s = fuzz.ratio(_ws(t.name).casefold(), _ws(g.name).casefold())
            if s > score:
                best, score = g, s
        if best is not None:
            free.remove(best)
        out.append((t, best))
    return out


def score_document(file: str, truth: TruthDocument, doc: Document | None) -> list[SkpField]:
    """Every field of one truth SKP against the document read from it (None: not read at all)."""
    out: list[SkpField] = []
    skp = truth.skp
    assert skp is not None

    def add(field: str, expected: str, got: str, where: str, label: bool = False) -> None:
        ok = (_label(expected) == _label(got)) if label else (_ws(expected) == _ws(got))
        out.append(SkpField(file, field, ok, _ws(expected), _ws(got), where))

    sheet = doc.skp if doc is not None else None
    add("form", skp.form, doc.form.value if doc is not None and doc.form else "", truth.title)
    period = sheet.period if sheet is not None else None
    add("period", f"{skp.year} Q{skp.quarter}" if skp.quarter else str(skp.year),
        "" if period is None else (f"{period.year} Q{period.quarter}" if period.quarter else str(period.year)), "period")
    for p in truth.parties:
        party = doc.party(Role(p.role)) if doc is not None else None
        add("party_name", p.name, party.name if party else "", p.role)
        if p.nip:
            add("party_nip", p.nip, party.nip or "" if party else "", p.role)
    got_items = list(sheet.items) if sheet is not None else []
    pairs = _pair(list(skp.items), got_items)
    for t, g in pairs:
        where = f"{t.section} {t.no} {t.name}"
        add("item_name", t.name, g.name if g else "", where)
        for attr in ("rhk", "parent", "aspek", "perspektif"):
            value = getattr(t, attr)
            if value:
                add(f"item_{attr}", value, getattr(g, attr) if g else "", where)
        for field, raw in t.cells:
            add(f"cell_{field.split(':')[0]}" if ":" in field else f"cell_{field}", raw, item_cell(g, field) if g else "", f"{where} [{field}]",
                label=field == "kategori")
    paired = {id(g) for _, g in pairs if g is not None}
    for g in got_items:
        if id(g) not in paired:
            out.append(SkpField(file, "extra_item", False, "", g.name, g.section.value))
    by_key = {p.key: p for p in sheet.perilaku} if sheet is not None else {}
    for key, a, b in skp.perilaku:
        p = by_key.get(key)
        if skp.form == "skp_permenpanrb_6_2022":
            add("perilaku_ekspektasi", a, p.ekspektasi if p else "", key)
            if b:
                add("perilaku_umpan_balik", b, p.umpan_balik if p else "", key)
        else:
            add("perilaku_nilai", a, _raw(p.nilai) if p else "", key)
            if b:
                add("perilaku_sebutan", b, p.sebutan if p else "", key, label=True)
    for key, expected in skp.values:
        name, _, part = key.partition(":")
        vkey = _VALUE_KEYS[name]
        v = sheet.value(vkey) if sheet is not None else None
        if part == "label" or vkey in _LABELS:
            add("value_label", expected, (v.label if v else "") or "", key, label=True)
        else:
            add("value", expected, _raw(v.value) if v else "", key)
    return out


def score_file(truth: TruthFile, docs: list[Document]) -> list[SkpField]:
    """Every SKP truth document of a file against the SKP documents read from it, in order."""
    skps = [d for d in docs if d.doc_type.value == "skp"]
    out = []
    for k, td in enumerate(d for d in truth.documents if d.skp is not None):
        out += score_document(truth.file, td, skps[k] if k < len(skps) else None)
    for extra in skps[len([d for d in truth.documents if d.skp is not None]):]:
        out.append(SkpField(truth.file, "extra_document", False, "", extra.doc_id, "document"))
    return out


def accuracy(fields: list[SkpField]) -> float:
    return sum(f.ok for f in fields) / len(fields) if fields else 1.0
