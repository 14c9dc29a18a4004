"""SKP rule sets are data: one TOML file per generation of the national SKP forms, validated on load.

>>> sorted(available())
['permenpanrb_6_2022', 'permenpanrb_8_2021', 'pp46_2011']
>>> rs = load("pp46_2011")
>>> rs.aspects.efficiency.factor, rs.weights.skp, rs.kegiatan.with_biaya
(Decimal('1.76'), Decimal('60'), 4)
>>> rs.sebutan.of(Decimal("84.66")).label, rs.sebutan.of(Decimal("90.5")).alternatives
('Baik', ('Sangat Baik',))
>>> r8 = load("permenpanrb_8_2021")
>>> hit = r8.predikat.of(Decimal("115"))
>>> hit.label, hit.alternatives, hit.overlap, r8.predikat.of(Decimal("89.99")).label
('Baik', ('Sangat Baik',), True, 'Cukup')
>>> r8.kategori.of(Decimal(105)) is None   # the rule of 100-110 % is on a page not available: not invented
True
>>> load("permenpanrb_6_2022").matrix.predikat("di_bawah", "sesuai")
'Butuh Perbaikan'

The files share the provenance vocabulary of :mod:`score.rules` (``basis``, ``cite``, ``why``,
``ambiguity``): every rule says where it comes from, and every silence or ambiguous passage is
an ``[[ambiguity]]`` named by id where it is applied (the notes of the scores carry the id).
The regulation texts are not in this repository: a citation names the regulation and the part
that sets the rule, and its ``quote`` states the rule as the project's issue #19 does (ambiguity
``citation_text`` in every file).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from normalize.text import fold_key
from score.rules import Ambiguity, RuleSetError, Sourced, _Frozen, read_named, read_toml, toml_names

__all__ = ["Band", "BandHit", "Bands", "Nilai", "SkpRuleSet", "available", "load", "load_text", "rules_for"]

HUNDRED = Decimal(100)


class Nilai(_Frozen):
    """The nilai a band gives a score inside it: a constant (``equals``), or the straight line through
    (``from[0]``, ``to[0]``) and (``from[1]``, ``to[1]``).

    >>> Nilai.model_validate({"from": [80, 99], "to": [70, 89]}).at(Decimal(90))
    Decimal('80')
    >>> Nilai(equals=Decimal(120)).at(Decimal(140))
    Decimal('120')
    """

    equals: Decimal | None = None
    from_: tuple[Decimal, Decimal] | None = Field(default=None, alias="from")
    to: tuple[Decimal, Decimal] | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> Nilai:
        line = self.from_ is not None and self.to is not None
        if (self.equals is not None) == line or (self.equals is not None and (self.from_ or self.to)):
            raise ValueError("a band's nilai is either `equals` or a line `from` … `to`")
        if line and self.from_[0] == self.from_[1]:  # type: ignore[index]
            raise ValueError("a nilai line needs two different `from` points")
        return self

    def at(self, x: Decimal) -> Decimal:
        if self.equals is not None:
            return self.equals
        (x0, x1), (y0, y1) = self.from_, self.to  # type: ignore[misc]
        return y0 + (y1 - y0) / (x1 - x0) * (x - x0)


class Band(_Frozen):
    """One label of a scale: ``min`` and ``max`` inclusive, ``over`` and ``under`` exclusive, any of
    them open; ``synonyms`` also read as it. A band the available text does not state
    (``stated = false``) holds its range but gives no label and no nilai: a score in it is not
    recomputed. A band whose nilai is stated but not its label (``labelled = false``) gives the
    nilai, and a printed label there is not judged."""

    label: str
    min: Decimal | None = None
    max: Decimal | None = None
    over: Decimal | None = None
    under: Decimal | None = None
    synonyms: tuple[str, ...] = ()
    stated: bool = True
    labelled: bool = True
    nilai: Nilai | None = None
    ambiguity: tuple[str, ...] = ()  # ambiguities a score in this band is noted with

    @model_validator(mode="after")
    def _bounds(self) -> Band:
        if self.min is not None and self.over is not None or self.max is not None and self.under is not None:
            raise ValueError(f"band {self.label!r}: a bound is either inclusive (min, max) or exclusive (over, under)")
        if self.bottom is not None and self.top is not None and (self.top < self.bottom or self.top == self.bottom
                                                                  and (self.over is not None or self.under is not None)):
            raise ValueError(f"band {self.label!r} holds no value")
        if not self.stated and (self.nilai is not None or self.ambiguity or not self.labelled):
            raise ValueError(f"band {self.label!r}: a band not stated has no nilai, label or ambiguity of its own")
        return self

    @property
    def bottom(self) -> Decimal | None:
        return self.min if self.min is not None else self.over

    @property
    def top(self) -> Decimal | None:
        return self.max if self.max is not None else self.under

    def holds(self, x: Decimal) -> bool:
        return ((self.min is None or x >= self.min) and (self.max is None or x <= self.max)
                and (self.over is None or x > self.over) and (self.under is None or x < self.under))

    def names(self) -> set[str]:
        return {fold_key(self.label), *(fold_key(s) for s in self.synonyms)}


class BandHit(_Frozen):
    """The band a value falls in; in a gap between printed bands (90,50 between ``76 - 90`` and
    ``91 ke atas``) the band whose lower bound it passed, with the neighbour as an alternative; where
    bands overlap (PP 30/2019: Baik 90–120 and Sangat Baik 110–120) the first, the others as
    alternatives (``overlap``)."""

    label: str
    alternatives: tuple[str, ...] = ()
    overlap: bool = False
    ambiguity: tuple[str, ...] = ()  # of the band (or bands) it is in

    @property
    def gap(self) -> bool:
        return bool(self.alternatives) and not self.overlap


class Bands(Sourced):
    """A scale of labels over a score; empty when the regulation's bands are not encoded."""

    bands: tuple[Band, ...] = ()

    def of(self, x: Decimal | None) -> BandHit | None:
        """The label of ``x``, or None when there is no value, no band, or only a band not stated.

        >>> b = load("pp46_2011").sebutan
        >>> b.of(Decimal(91)).label, b.of(Decimal(50)).label, b.of(Decimal("60.5")).alternatives
        ('Sangat Baik', 'Buruk', ('Cukup',))
        >>> k = load("permenpanrb_8_2021").kategori
        >>> k.of(Decimal(105)), k.of(Decimal("99.5")), k.of(Decimal("85")).label
        (None, None, 'Cukup')
        """
        found = self.bands_of(x)
        if not found or not all(b.labelled for b in found):
            return None
        first, *others = found
        inside = first.holds(x)  # type: ignore[arg-type]
        beyond = not inside and all(b.top is not None and b.top <= x for b in found)  # type: ignore[operator]
        return BandHit(label=first.label, alternatives=tuple(b.label for b in others), overlap=(inside or beyond) and bool(others),
                       ambiguity=tuple(dict.fromkeys(a for b in found for a in b.ambiguity)) if inside else ())

    def nilai(self, x: Decimal | None) -> tuple[Decimal | None, list[Decimal]]:
        """The nilai the band of ``x`` gives it, and what a neighbour across a gap or an overlap
        would give (also accepted); None where the band states no nilai.

        >>> k = load("permenpanrb_8_2021").kategori
        >>> k.nilai(Decimal(90)), k.nilai(Decimal(130)), k.nilai(Decimal(105))
        ((Decimal('80'), []), (Decimal('120'), []), (None, []))
        """
        found = self.bands_of(x)
        values = [b.nilai.at(x) if b.nilai is not None else None for b in found]  # type: ignore[arg-type]
        if not values or values[0] is None:
            return None, []
        return values[0], [v for v in values[1:] if v is not None]

    def bands_of(self, x: Decimal | None) -> list[Band]:
        """The bands ``x`` is in (in their order), or, in a gap, the band below then the band above
        (past the last band, every band ending there: PP 30/2019's Baik and Sangat Baik both end at
        120); nothing when there is no value or one of them is not stated."""
        if x is None or not self.bands:
            return []
        found = [b for b in self.bands if b.holds(x)]
        if not found:
            below = [b for b in self.bands if b.top is not None and b.top <= x]
            above = [b for b in self.bands if b.bottom is not None and b.bottom >= x]
            top = max((b.top for b in below), default=None)  # type: ignore[type-var]
            bottom = min((b.bottom for b in above), default=None)  # type: ignore[type-var]
            found = [b for b in below if b.top == top][: None if bottom is None else 1]
            found += [b for b in above if b.bottom == bottom][:1]
        return found if all(b.stated for b in found) else []

    def canonical(self, printed: str | None) -> str | None:
        """The band label a printed label means (``Sedang`` is ``Kurang``), or None when it is none."""
        if not printed:
            return None
        key = fold_key(printed)
        return next((b.label for b in self.bands if b.stated and key in b.names()), None)

    def accepts(self, printed: str, x: Decimal) -> bool | None:
        """Whether the printed label fits ``x`` (a synonym counts; in a gap or an overlap either
        neighbour does); None when nothing can be said (no bands, no value, a band not stated)."""
        hit = self.of(x)
        if hit is None:
            return None
        return self.canonical(printed) in (hit.label, *hit.alternatives)


class Tolerance(Sourced):
    """A printed number agrees with the computed one within ``units`` of its last printed decimal;
    ``places`` is how the computed value is shown when nothing is printed."""

    units: Decimal = Field(default=Decimal(1), ge=0)
    places: int = Field(default=2, ge=0, le=6)


class Efficiency(Sourced):
    """The time and cost aspects of PP 46: efisiensi = 100 − R/T × 100; at most ``threshold``:
    (``factor`` · T − R) / T × 100; above it: ``base`` − ((``factor`` · T − R) / T × 100 − 100)."""

    threshold: Decimal
    factor: Decimal
    base: Decimal


class Aspects(Sourced):
    kuantitas: Literal["ratio"] = "ratio"
    kualitas: Literal["ratio"] = "ratio"
    waktu: Literal["efficiency"] = "efficiency"
    biaya: Literal["efficiency"] = "efficiency"
    efficiency: Efficiency


class Kegiatan(Sourced):
    """A kegiatan's nilai: the sum of its aspects (perhitungan) over this many aspects."""

    with_biaya: int = Field(gt=0)
    without_biaya: int = Field(gt=0)


class CapaianSkp(Sourced):
    """NILAI CAPAIAN SKP: the mean of the kegiatan, plus these additions as printed."""

    additions: tuple[Literal["tugas_tambahan", "kreativitas"], ...] = ()


class Perilaku(Sourced):
    """The behaviour score: the mean of the aspects printed with a number."""

    method: Literal["mean"] = "mean"
    aspects: tuple[str, ...] = ()


class WeightPair(_Frozen):
    skp: Decimal = Field(ge=0)
    perilaku: Decimal = Field(ge=0)
    when: str | None = None

    @model_validator(mode="after")
    def _sum(self) -> WeightPair:
        if self.skp + self.perilaku != HUNDRED:
            raise ValueError(f"weights {self.skp} + {self.perilaku} do not sum to 100")
        return self


class Weights(Sourced):
    """The final score: SKP × ``skp`` % + perilaku × ``perilaku`` % (or an alternative pair)."""

    skp: Decimal = Field(ge=0)
    perilaku: Decimal = Field(ge=0)
    alternatives: tuple[WeightPair, ...] = ()

    @model_validator(mode="after")
    def _sum(self) -> Weights:
        if self.skp + self.perilaku != HUNDRED:
            raise ValueError(f"weights {self.skp} + {self.perilaku} do not sum to 100")
        return self

    def pairs(self) -> list[WeightPair]:
        return [WeightPair(skp=self.skp, perilaku=self.perilaku), *self.alternatives]


class CapaianIki(Sourced):
    """Capaian IKI by the target's kind: ``normal`` (higher is better), ``lower_better`` (a
    printed ``≤``/``maks``), ``range`` (a target range)."""

    normal: Literal["ratio"] = "ratio"
    lower_better: tuple[Literal["rumus_ii", "inverse"], ...] = ()
    range: Literal["inside_100"] | None = None


class NilaiSkp(Sourced):
    """8/2021 NILAI AKHIR SKP: the sum of the printed nilai tertimbang, or (without them) the
    mean of the nilai capaian IKI."""

    method: Literal["sum_tertimbang"] = "sum_tertimbang"
    fallback: Literal["mean_nilai"] | None = None


class Matrix(Sourced):
    """6/2022: the predikat of a rating of the hasil kerja (row) and of the perilaku (column)."""

    ratings: tuple[str, ...]
    table: dict[str, dict[str, str]]
    labels: Bands | None = None  # the predikat labels and their synonyms (no numbers)

    @model_validator(mode="after")
    def _complete(self) -> Matrix:
        for hk in self.ratings:
            if set(self.table.get(hk, {})) != set(self.ratings):
                raise ValueError(f"matrix row {hk!r} must name every rating {self.ratings}")
        return self

    def predikat(self, hasil_kerja: str | None, perilaku: str | None) -> str | None:
        if hasil_kerja is None or perilaku is None:
            return None
        return self.table.get(hasil_kerja, {}).get(perilaku)

    def canonical(self, printed: str | None) -> str | None:
        if not printed:
            return None
        if self.labels is not None and (c := self.labels.canonical(printed)):
            return c
        key = fold_key(printed)
        return next((p for row in self.table.values() for p in row.values() if fold_key(p) == key), None)


class Judgement(Sourced):
    """A printed rating the regulation leaves to the pejabat penilai: read, not recomputed."""

    ratings: tuple[str, ...] = ()


class CapaianRhk(Sourced):
    """6/2022: a capaian per RHK, as an export prints it (``nilai_capaian``)."""

    formula: Literal["ratio"] = "ratio"


class SkpRuleSet(_Frozen):
    """One generation's SKP rules, as data."""

    schema_: int = Field(alias="schema")
    name: str
    short: str
    document: str
    form: Literal["skp_pp46_2011", "skp_permenpanrb_8_2021", "skp_permenpanrb_6_2022"]
    notes: tuple[str, ...] = ()  # ambiguity ids every score of this rule set carries in its result's notes
    tolerance: Tolerance
    aspects: Aspects | None = None
    kegiatan: Kegiatan | None = None
    capaian_skp: CapaianSkp | None = None
    perilaku: Perilaku | None = None
    weights: Weights | None = None
    sebutan: Bands | None = None
    capaian_iki: CapaianIki | None = None
    kategori: Bands | None = None
    nilai_skp: NilaiSkp | None = None
    predikat: Bands | None = None
    matrix: Matrix | None = None
    ratings: Judgement | None = None
    capaian_rhk: CapaianRhk | None = None
    ambiguities: tuple[Ambiguity, ...] = Field(default=(), alias="ambiguity")

    @model_validator(mode="after")
    def _consistent(self) -> SkpRuleSet:
        if self.schema_ != 1:
            raise ValueError(f"unknown rule-set schema {self.schema_}")
        known = {a.id for a in self.ambiguities}
        if len(known) != len(self.ambiguities):
            raise ValueError("ambiguity ids must be unique")
        for where, rule in self.sourced():
            named = set(rule.ambiguity) | {a for b in getattr(rule, "bands", ()) for a in b.ambiguity}
            missing = named - known
            if missing:
                raise ValueError(f"{where} names undeclared ambiguities {sorted(missing)}")
        if set(self.notes) - known:
            raise ValueError(f"notes name undeclared ambiguities {sorted(set(self.notes) - known)}")
        return self

    def sourced(self) -> list[tuple[str, Sourced]]:
        """Every rule with its provenance, named by its path in the file."""
        out: list[tuple[str, Sourced]] = []
        for key in ("tolerance", "aspects", "kegiatan", "capaian_skp", "perilaku", "weights", "sebutan", "capaian_iki",
                    "kategori", "nilai_skp", "predikat", "matrix", "ratings", "capaian_rhk"):
            rule = getattr(self, key)
            if rule is not None:
                out.append((key, rule))
        if self.aspects is not None:
            out.append(("aspects.efficiency", self.aspects.efficiency))
        if self.matrix is not None and self.matrix.labels is not None:
            out.append(("matrix.labels", self.matrix.labels))
        return out

    def ambiguity(self, id: str) -> Ambiguity | None:
        return next((a for a in self.ambiguities if a.id == id), None)

    def note(self, id: str) -> str:
        """The note a score carries for an ambiguity: its id and how this rule set handles it (a user's
        rule file that leaves an ambiguity out still scores: the note says so)."""
        a = self.ambiguity(id)
        if a is None:
            return f"ambiguity {id} (not declared by {self.name})"
        return f"ambiguity {id}: {a.handling}"


_FOLDER = "score.rules.skp"


def available() -> list[str]:
    """Names of the SKP rule sets in this folder (one per ``*.toml``), sorted."""
    return toml_names(_FOLDER)


def load(name: str | Path) -> SkpRuleSet:
    """Load and validate an SKP rule set: ``name`` of a file in this folder, or a ``.toml`` path."""
    if (found := read_toml(name)) is not None:
        return load_text(found[0], origin=found[1])
    return _load_named(str(name))


@cache
def _load_named(name: str) -> SkpRuleSet:
    rules = load_text(read_named(name, _FOLDER, "SKP rule set"), origin=f"{name}.toml")
    if rules.name != f"skp_{name}":
        raise RuleSetError(f"{name}.toml declares name {rules.name!r}")
    return rules


def load_text(text: str, *, origin: str = "<text>") -> SkpRuleSet:
    """Parse and validate an SKP rule set from TOML text."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{origin}: not valid TOML: {exc}") from exc
    try:
        return SkpRuleSet.model_validate(data)
    except ValueError as exc:
        raise RuleSetError(f"{origin}: {exc}") from exc


FILES = {"skp_pp46_2011": "pp46_2011", "skp_permenpanrb_8_2021": "permenpanrb_8_2021",
         "skp_permenpanrb_6_2022": "permenpanrb_6_2022"}


def rules_for(form: str) -> SkpRuleSet | None:
    """The rule set of an SKP form (``SkpForm`` value), or None for a form without one."""
    name = FILES.get(str(form))
    return load(name) if name else None
