"""The ground truth of a generated file, known by construction (never read back from the PDF).

Plain frozen dataclasses with a JSON round trip. Numbers are kept as ``Decimal`` in memory and
as strings in JSON (``"34.94"``), rupiah as ``int``. ``kind`` is the project's ``DocType``
value (``pk``, ``rincian_target`` …); ``layout_kind`` tells the generator's own variant
(``pk_pemda`` is a ``pk`` with Triwulan I–IV columns).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

TRUTH_VERSION = 1


@dataclass(frozen=True)
class TruthTarget:
    """One period's target as printed (``raw``) and its normalised value (None for ``-``, grades, ranges)."""

    period: str  # Q1 Q2 Smt1 Q3 sdQ3 Q4 Y
    raw: str
    value: Decimal | None
    label: str  # the column label printed over it (``TW I``, ``Q1``, ``Target 2025`` …)
    vkind: str = ""  # how it is written (_values kinds, ``empty`` for - and N/A): a slice of the target fields


@dataclass(frozen=True)
class TruthIndicator:
    """An indicator; a report's also what it realised (``Y``, and ``Y:2021`` for a year before) and the
    capaian it prints; a table of year columns' also its baseline by year (each absent from the JSON where empty)."""

    name: str
    code: str | None = None
    sasaran: str | None = None
    targets: tuple[TruthTarget, ...] = ()
    realisasi: tuple[TruthTarget, ...] = ()
    capaian: tuple[TruthTarget, ...] = ()
    baseline: tuple[TruthTarget, ...] = ()


@dataclass(frozen=True)
class TruthBudget:
    """A budget line; in a budget-realisation table also what was spent and the share printed
    (absent from the JSON where None)."""

    name: str
    amount: int
    level: str  # program | output | kegiatan | inisiatif
    realisasi: int | None = None
    persen: str | None = None


@dataclass(frozen=True)
class TruthParty:
    role: str  # the project's Role values
    name: str
    nip: str | None = None


@dataclass(frozen=True)
class TruthSkpItem:
    """One work row of a national SKP form: every printed cell by field (``t:kuantitas``,
    ``r:waktu``, ``unit:kuantitas``, ``perhitungan``, ``nilai``, ``target``, ``realisasi``,
    ``capaian``, ``kategori``, ``tertimbang``, ``umpan_balik``), as printed."""

    no: str | None
    section: str  # utama | tambahan | tugas_tambahan | kreativitas
    name: str
    rhk: str | None = None
    parent: str | None = None
    aspek: str | None = None
    perspektif: str | None = None
    cells: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TruthSkp:
    """What a national SKP form prints beyond its indicators, known by construction: the period,
    the work rows, the behaviours (key, nilai, sebutan or ekspektasi), the values printed once
    (``SkpValueKey`` value -> number or label, as printed) and the errors planted on purpose
    (``check:element``)."""

    form: str  # SkpForm value
    period: str
    year: int
    quarter: int | None = None
    items: tuple[TruthSkpItem, ...] = ()
    perilaku: tuple[tuple[str, str, str], ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    planted: tuple[str, ...] = ()


@dataclass(frozen=True)
class TruthYears:
    """Where a PK of year columns prints its own year (``corpus.synth._years``): the ``case`` drawn
    (``target``: over a target column; ``baseline``: only under Baseline or Realisasi; ``absent``: over no
    column), every value column as (what it holds: target, baseline or realisasi; its year or None;
    its printed label), and the years a reader must name when it reports ``target_year_ambiguous``
    (the target columns' years; none when the year has its target column)."""

    year: int
    case: str
    columns: tuple[tuple[str, int | None, str], ...]
    candidates: tuple[int, ...] = ()


@dataclass(frozen=True)
class TruthDocument:
    kind: str  # DocType value
    layout_kind: str  # pk | pk_pemda | rincian_target | inisiatif_strategis | skp | lampiran_skp | rencana_aksi
    title: str
    indicators: tuple[TruthIndicator, ...] = ()
    budget: tuple[TruthBudget, ...] = ()
    parties: tuple[TruthParty, ...] = ()
    slice: dict[str, str] = field(default_factory=dict)  # the document's own slice parameters
    first_page: int = 1
    pages: int = 1
    skp: TruthSkp | None = None  # a national SKP form's sheet (absent from the JSON of other documents)
    years: TruthYears | None = None  # a PK of year columns' (absent from the JSON of other documents)


@dataclass(frozen=True)
class TruthFile:
    """One generated PDF: where it came from, how it was drawn (its slice) and what it holds."""

    seed: int
    index: int
    file: str
    slice: dict[str, str]
    documents: tuple[TruthDocument, ...]
    version: int = TRUTH_VERSION
    scan: dict[str, str] = field(default_factory=dict)  # exact scan parameters (the slice has them bucketed)

    def to_json(self) -> str:
        """Stable JSON: sorted keys, Decimals as strings, two-space indent."""
        data = asdict(self)
        for doc in data["documents"]:
            for key in ("skp", "years"):
                if doc.get(key) is None:
                    doc.pop(key, None)  # the files of the other layouts keep their JSON as it was
            for ind in doc["indicators"]:  # so do their indicators and budget lines (a report's alone carry these)
                for key in ("realisasi", "capaian", "baseline"):
                    if not ind.get(key):
                        ind.pop(key, None)
            for line in doc["budget"]:
                for key in ("realisasi", "persen"):
                    if line.get(key) is None:
                        line.pop(key, None)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=_encode) + "\n"

    @staticmethod
    def from_json(text: str) -> TruthFile:
        data = json.loads(text)
        docs = tuple(_document(d) for d in data["documents"])
        return TruthFile(seed=data["seed"], index=data["index"], file=data["file"], slice=dict(data["slice"]),
                         documents=docs, version=data["version"], scan=dict(data.get("scan", {})))


def _encode(obj: Any) -> str:
    if isinstance(obj, Decimal):
        return str(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def _document(d: dict[str, Any]) -> TruthDocument:
    return TruthDocument(
        kind=d["kind"], layout_kind=d["layout_kind"], title=d["title"],
        indicators=tuple(
            TruthIndicator(
                name=i["name"], code=i["code"], sasaran=i["sasaran"], targets=_values(i["targets"]),
                realisasi=_values(i.get("realisasi", ())), capaian=_values(i.get("capaian", ())),
                baseline=_values(i.get("baseline", ())),
            )
            for i in d["indicators"]
        ),
        budget=tuple(TruthBudget(b["name"], int(b["amount"]), b["level"], b.get("realisasi"), b.get("persen")) for b in d["budget"]),
        parties=tuple(TruthParty(p["role"], p["name"], p["nip"]) for p in d["parties"]),
        slice=dict(d["slice"]), first_page=d["first_page"], pages=d["pages"], skp=_skp(d.get("skp")),
        years=_years(d.get("years")),
    )


def _values(items: Any) -> tuple[TruthTarget, ...]:
    return tuple(TruthTarget(t["period"], t["raw"], None if t["value"] is None else Decimal(t["value"]), t["label"], t["vkind"])
                 for t in items)


def _years(d: dict[str, Any] | None) -> TruthYears | None:
    if d is None:
        return None
    return TruthYears(year=d["year"], case=d["case"], columns=tuple((c[0], c[1], c[2]) for c in d["columns"]),
                      candidates=tuple(d["candidates"]))


def _skp(d: dict[str, Any] | None) -> TruthSkp | None:
    if d is None:
        return None
    return TruthSkp(
        form=d["form"], period=d["period"], year=d["year"], quarter=d["quarter"],
        items=tuple(TruthSkpItem(no=i["no"], section=i["section"], name=i["name"], rhk=i["rhk"], parent=i["parent"],
                                 aspek=i["aspek"], perspektif=i["perspektif"], cells=tuple(tuple(c) for c in i["cells"]))
                    for i in d["items"]),
        perilaku=tuple(tuple(p) for p in d["perilaku"]), values=tuple(tuple(v) for v in d["values"]),
        planted=tuple(d["planted"]),
    )
