"""The value grammar: target values as Indonesian documents print them, with their normalised value.

A value *kind* says how a target is written (``percent`` -> ``34,94%``, ``index_scale`` ->
``3,50 (skala 4)``, ``opinion_number`` -> ``4 (WTP)`` …). The normalised value follows the
conventions the project documents (README "Values"): a percent, number or index is its number,
``100 (4 skala 5)`` is 100, ``4 (WTP)`` is 4, a comparator keeps its number (``Min. 80%`` is
80), ``1.250`` is 1250, and ``-``, ``N/A``, grades, opinions in words and ranges have no value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

QUARTERS = ("Q1", "Q2", "Smt1", "Q3", "sdQ3", "Q4", "Y")  # a Rincian Target's / Lampiran SKP's periods
TRIWULAN = ("Q1", "Q2", "Q3", "Q4", "Y")  # a Pemda PK's / Rencana Aksi's periods

# kinds whose quarters can be a cumulative trajectory of the annual number (an index, a scale,
# a grade or an amount of money is printed for the year only, or repeated every quarter)
CUMULATIVE = frozenset({"percent", "percent_space", "percent_split", "decimal", "number", "count", "thousands",
                        "count_unit", "comparator"})
REPEATABLE = CUMULATIVE | {"index_scale", "index_scale_double"}


@dataclass(frozen=True)
class Printed:
    raw: str
    value: Decimal | None


def fmt_decimal(x: Decimal, places: int, thousands: bool = False) -> str:
    """``Decimal('1234.5'), 2`` -> ``1.234,50`` (thousands dots only when asked)."""
    q = x.quantize(Decimal(1).scaleb(-places)) if places else x.quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    text = f"{abs(q):f}"
    whole, _, frac = text.partition(".")
    if thousands:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ".".join([whole, *groups])
    return sign + whole + ("," + frac if frac else "")


def rupiah(amount: int, style: str) -> str:
    """An amount as a budget prints it: ``Rp 7.315.466.938.000``, ``Rp7.315.466.938``, ``7.315.466.938,00``."""
    digits = fmt_decimal(Decimal(amount), 0, thousands=True)
    return {"rp_space": f"Rp {digits}", "rp_tight": f"Rp{digits}", "rp_dot": f"Rp. {digits}",
            "cents": f"{digits},00", "bare": digits, "dash": f"{digits},-"}[style]


@dataclass(frozen=True)
class Kind:
    """How one indicator writes its targets: the kind, its annual magnitude, and print options."""

    name: str
    annual: Decimal | None
    places: int = 0
    text: str = ""  # the printed word of grades/opinions/ranges/units
    scale: int = 0


def draw_kind(rng: random.Random, kinds: tuple[str, ...]) -> Kind:
    """An indicator's value kind and annual target."""
    k = rng.choice(kinds)
    if k in ("percent", "percent_space", "dash_late", "comparator"):
        places = rng.choice((0, 0, 0, 2))
        annual = Decimal(rng.choice((75, 80, 85, 90, 95, 100, 100))) if places == 0 else Decimal(rng.randint(2000, 9999)) / 100
        return Kind(k, annual, places, text=rng.choice(("Min.", "Minimal", "Tidak kurang dari", "Maks.")) if k == "comparator" else "")
    if k == "percent_split":
        return Kind(k, Decimal(rng.randint(1000, 9999)) / 100, 2)
    if k == "decimal":
        places = rng.choice((1, 2, 2))
        return Kind(k, Decimal(rng.randint(10, 9999)) / (10**places), places)
    if k == "number":
        return Kind(k, Decimal(rng.choice((60, 70, 75, 78, 80, 85, 88, 90, 100))), 0)
    if k == "count":
        return Kind(k, Decimal(rng.randint(1, 60)), 0)
    if k == "thousands":
        return Kind(k, Decimal(rng.randint(1001, 98999)), 0)
    if k == "count_unit":
        return Kind(k, Decimal(rng.randint(1, 40)), 0, text=rng.choice(("Dokumen", "Laporan", "Desa", "Orang", "Kegiatan")))
    if k == "index_scale":
        places = rng.choice((2, 2, 1))
        return Kind(k, Decimal(rng.randint(250, 400)) / 100 if places == 2 else Decimal(rng.randint(25, 40)) / 10, places, scale=4)
    if k == "index_scale_double":
        return Kind(k, Decimal(rng.choice((80, 90, 100))), 0, scale=5)
    if k == "opinion":
        return Kind(k, None, text="WTP")
    if k == "opinion_number":
        return Kind(k, Decimal(4), text="WTP")
    if k == "grade":
        return Kind(k, None, text=rng.choice(("A", "BB", "B", "AA")))
    if k == "range":
        low = Decimal(rng.randint(6000, 8999)) / 100
        return Kind(k, None, 2, text=f"{fmt_decimal(low, 2)}-100,00")
    if k == "rupiah":
        return Kind(k, Decimal(rng.randint(10, 9000) * 1_000_000), 0)
    raise ValueError(k)


def printed(kind: Kind, x: Decimal | None) -> Printed:
    """The target cell for magnitude ``x`` written the kind's way (``x`` None: the kind's word)."""
    n = kind.name
    if n in ("opinion", "grade", "range"):
        return Printed(kind.text, None)
    if n == "opinion_number":
        return Printed(f"{fmt_decimal(x, 0)} ({kind.text})", x)
    assert x is not None
    p = kind.places
    if n in ("percent", "dash_late"):
        return Printed(fmt_decimal(x, p) + "%", x.quantize(Decimal(1).scaleb(-p)))
    if n == "percent_space":
        return Printed(fmt_decimal(x, p) + " %", x.quantize(Decimal(1).scaleb(-p)))
    if n == "percent_split":  # a narrow cell broke the number before its last digit: "34,9 4%"
        text = fmt_decimal(x, 2)
        return Printed(text[:-1] + " " + text[-1] + "%", x.quantize(Decimal("0.01")))
    if n == "comparator":
        return Printed(f"{kind.text} {fmt_decimal(x, p)}%", x.quantize(Decimal(1).scaleb(-p)))
    if n in ("decimal", "number", "count"):
        return Printed(fmt_decimal(x, p), x.quantize(Decimal(1).scaleb(-p)))
    if n == "thousands":
        return Printed(fmt_decimal(x, 0, thousands=True), x)
    if n == "count_unit":
        return Printed(f"{fmt_decimal(x, 0)} {kind.text}", x)
    if n == "index_scale":
        return Printed(f"{fmt_decimal(x, p)} (skala {kind.scale})", x.quantize(Decimal(1).scaleb(-p)))
    if n == "index_scale_double":
        return Printed(f"{fmt_decimal(x, 0)} ({int(x) * kind.scale // 100} skala {kind.scale})", x)
    if n == "rupiah":
        return Printed("Rp " + fmt_decimal(x, 0, thousands=True), x)
    raise ValueError(n)


def _empty(marker: str) -> Printed:
    return Printed(marker, None)


def trajectory(rng: random.Random, kind: Kind, periods: tuple[str, ...], marker: str) -> dict[str, Printed]:
    """Targets for ``periods``: a cumulative path to the annual target, the annual target in every
    quarter, or ``marker`` (``-`` / ``N/A``) until the last quarter. Smt1 repeats Q2, s.d.Q3 repeats Q3."""
    annual = printed(kind, kind.annual)
    if kind.name in CUMULATIVE:
        shape = rng.choice(("cumulative", "cumulative", "flat", "late"))
    else:
        shape = rng.choice(("flat", "late")) if kind.name in REPEATABLE else "late"
    out: dict[str, Printed] = {}
    if shape == "cumulative":
        fractions = sorted(rng.sample((Decimal("0.1"), Decimal("0.2"), Decimal("0.25"), Decimal("0.4"), Decimal("0.5"),
                                       Decimal("0.6"), Decimal("0.7"), Decimal("0.75"), Decimal("0.8"), Decimal("0.9")), 3))
        steps = {"Q1": fractions[0], "Q2": fractions[1], "Q3": fractions[2]}
        for q, f in steps.items():
            x = kind.annual * f
            if kind.places == 0 or kind.name in ("count", "thousands", "count_unit"):
                x = x.quantize(Decimal(1))
            out[q] = printed(kind, max(x, Decimal(1)) if kind.places == 0 else x)
    elif shape == "flat":
        out = {q: annual for q in ("Q1", "Q2", "Q3")}
    else:
        out = {q: _empty(marker) for q in ("Q1", "Q2", "Q3")}
    out["Smt1"] = out["Q2"]
    out["sdQ3"] = out["Q3"]
    out["Q4"] = annual
    out["Y"] = annual
    return {p: out[p] for p in periods}
