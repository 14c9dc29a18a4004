"""Compare an extracted :class:`Document` with a hand-written golden file, field by field.

Golden files in ``golden/`` are written by a person reading the source document and are
never produced from the pipeline. ``KINERJA_GOLDEN_PROPOSE=1`` writes the pipeline's current
reading to ``golden/_proposed/`` so a person can diff it against the source by eye; it never
overwrites a golden file, and CI asserts the flag is off.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from extract.models import BudgetLine, Document, Target
from normalize.text import collapse

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"
PROPOSE_FLAG = "KINERJA_GOLDEN_PROPOSE"

PARTY_FIELDS = ("role", "name", "nip", "jabatan", "pangkat", "unit_kerja", "signed")
MEASURES = ("targets", "realisasi", "capaian", "realisasi_rp")  # per period: raw text and value
INDICATOR_FIELDS = (
    "sasaran_no", "sasaran", "sasaran_note", "kategori", "item_no", "code", "name", "perspektif", "satuan", "sumber_data",
)
BUDGET_FIELDS = ("level", "label", "name", "amount", "parent", "realisasi", "persen")
INITIATIVE_FIELDS = (
    "no", "iku", "inisiatif", "output_outcome", "trajectory_kegiatan", "trajectory_output", "periode", "penanggung_jawab",
)


def propose_enabled() -> bool:
    return os.environ.get(PROPOSE_FLAG, "") not in ("", "0")


def load_golden(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _norm(v: Any) -> Any:
    return (collapse(v) or None) if isinstance(v, str) else v  # an empty cell is no value


def _dec(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def reading(doc: Document) -> dict[str, Any]:
    """The document in the golden schema (used for diffs and for proposals)."""
    h = doc.header
    return {
        "doc_id": doc.doc_id,
        "source_file": doc.source_file,
        "doc_type": doc.doc_type.value,
        "header": {
            "instansi": h.instansi, "year": h.year, "nomor": h.nomor, "place": h.place,
            "date": h.date.isoformat() if h.date else None, "e_signed": h.e_signed,
            "jumlah_anggaran": h.jumlah_anggaran.amount if h.jumlah_anggaran else None,
        },
        "parties": [{k: (getattr(p, k).value if k == "role" else getattr(p, k)) for k in PARTY_FIELDS} for p in doc.parties],
        "indicators": [
            {
                **{k: getattr(i, k) for k in INDICATOR_FIELDS},
                **{
                    kind: {
                        period_key(t): {"raw": collapse(t.value.raw), "value": None if t.value.value is None else str(t.value.value)}
                        for t in getattr(i, kind)
                    }
                    for kind in MEASURES
                },
                "actions": [{"aksi": a.aksi, "kriteria": a.kriteria, "output": a.output, "waktu": a.waktu} for a in i.actions],
            }
            for i in doc.indicators
        ],
        "budget": [_budget_line(b) for b in doc.budget],
        "initiatives": [
            {**{k: getattr(x, k) for k in INITIATIVE_FIELDS}, "biaya": x.biaya.amount if x.biaya else None}
            for x in doc.initiatives
        ],
        "tables": [{"index": t.index, "rows": t.rows} for t in doc.tables] if doc.doc_type.value == "regulation" else [],
    }


def period_key(t: Target) -> str:
    """A period as golden files key it: ``Q1`` … ``Y``, ``M01`` … ``M12``, and ``Y:2023`` for a
    value of a year other than the document's own."""
    return t.period.value if t.year is None else f"{t.period.value}:{t.year}"


def _budget_line(b: BudgetLine) -> dict[str, Any]:
    out = {k: getattr(b, k) for k in BUDGET_FIELDS if k not in ("realisasi", "persen")}
    out["level"] = b.level.value
    out["realisasi"] = b.realisasi.amount if b.realisasi is not None else None
    out["persen"] = collapse(b.persen.raw) if b.persen is not None else None
    return out


def diff(golden: dict[str, Any], doc: Document) -> list[str]:
    """Every difference between golden and extracted, as readable lines (empty when equal)."""
    got = reading(doc)
    out: list[str] = []
    if golden["doc_type"] != got["doc_type"]:
        out.append(f"doc_type: expected {golden['doc_type']!r}, got {got['doc_type']!r}")
    for key, expected in golden.get("header", {}).items():
        if _norm(expected) != _norm(got["header"].get(key)):
            out.append(f"header.{key}: expected {expected!r}, got {got['header'].get(key)!r}")
    out += _list_diff("parties", golden.get("parties", []), got["parties"], PARTY_FIELDS)
    out += _list_diff("budget", golden.get("budget", []), got["budget"], BUDGET_FIELDS)
    out += _list_diff("initiatives", golden.get("initiatives", []), got["initiatives"], (*INITIATIVE_FIELDS, "biaya"))
    g_ind, x_ind = golden.get("indicators", []), got["indicators"]
    if len(g_ind) != len(x_ind):
        out.append(f"indicators: expected {len(g_ind)} rows, got {len(x_ind)}")
    for n, (g, x) in enumerate(zip(g_ind, x_ind, strict=False), start=1):
        tag = f"indicators[{n}] ({g.get('code') or g.get('item_no') or ''} {(g.get('name') or '')[:40]!r})"
        for k in INDICATOR_FIELDS:
            if k in g and _norm(g[k]) != _norm(x.get(k)):
                out.append(f"{tag}.{k}: expected {g[k]!r}, got {x.get(k)!r}")
        for kind in MEASURES:
            if kind != "targets" and kind not in g:
                continue  # a golden written before realisasi and capaian were read says nothing of them
            gt, xt = g.get(kind, {}), x[kind]
            for period in sorted(set(gt) | set(xt)):
                if period not in gt:
                    if xt[period]["raw"]:
                        out.append(f"{tag}.{kind}.{period}: not in golden, got {xt[period]!r}")
                    continue
                if period not in xt:
                    out.append(f"{tag}.{kind}.{period}: expected {gt[period]!r}, missing")
                    continue
                if _norm(gt[period]["raw"]) != _norm(xt[period]["raw"]) or _dec(gt[period]["value"]) != _dec(xt[period]["value"]):
                    out.append(f"{tag}.{kind}.{period}: expected {gt[period]!r}, got {xt[period]!r}")
        ga, xa = g.get("actions", []), x["actions"]
        out += _list_diff(f"{tag}.actions", ga, xa, ("aksi", "kriteria", "output", "waktu"))
    got_tables = {t["index"]: t["rows"] for t in got["tables"]}
    for table in golden.get("tables", []):
        rows = got_tables.get(table["index"])
        if rows is None:
            out.append(f"tables[{table['index']}]: missing")
        elif [[_norm(c) for c in r] for r in table["rows"]] != [[_norm(c) for c in r] for r in rows]:
            out.append(f"tables[{table['index']}]: expected {table['rows']!r}, got {rows!r}")
    return out


def _list_diff(name: str, golden: list[dict[str, Any]], got: list[dict[str, Any]], fields: tuple[str, ...]) -> list[str]:
    out = []
    if len(golden) != len(got):
        out.append(f"{name}: expected {len(golden)} entries, got {len(got)}")
    for n, (g, x) in enumerate(zip(golden, got, strict=False), start=1):
        for k in fields:
            if k in g and _norm(g[k]) != _norm(x.get(k)):
                out.append(f"{name}[{n}].{k}: expected {g[k]!r}, got {x.get(k)!r}")
    return out


def propose(doc: Document) -> Path:
    target = GOLDEN / "_proposed" / f"{doc.doc_id}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(reading(doc), ensure_ascii=False, indent=2), encoding="utf-8")
    return target
