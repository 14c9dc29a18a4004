"""SKP scores: every score a national SKP form prints, beside the value its rule set gives.

For each SKP document whose form has a rule set (:mod:`score.rules.skp`), :func:`score_skp`
recomputes, in exact ``Decimal``:

* **PP 46/2011** — each kegiatan's aspects (kuantitas and kualitas as ratios, waktu and biaya by
  the efficiency rule), its perhitungan and nilai; NILAI CAPAIAN SKP (the mean of the kegiatan
  plus the printed tugas tambahan and kreativitas); each perilaku aspect's sebutan; nilai
  rata-rata; NILAI PRESTASI KERJA (SKP × 60 % + perilaku × 40 %) and every sebutan;
* **PermenPANRB 8/2021** — each IKI's capaian (normal, lower-is-better, range), NILAI AKHIR SKP
  (the sum of the nilai tertimbang), nilai perilaku, nilai kinerja (70/30 or 60/40); each IKI's
  kategori and nilai capaian by the Lampiran's formulas (not where the available text states no
  rule: 100-110 %), and the predikat of PP 30/2019 Pasal 41;
* **PermenPANRB 6/2022** — each RHK's capaian where an export prints one, and the predikat from
  the matrix of the two printed ratings (the ratings themselves are the appraiser's judgement).

Each result is a list of :class:`SkpScore` rows (``element``, printed, computed, the predikat
printed and computed, whether they agree, notes naming every ambiguity applied), and the
:class:`SkpSum` relations among the printed numbers themselves (a jumlah that is not its sum, an
NPK that is not SKP × 60 % + perilaku × 40 % of the printed parts). Nothing raises: a number
that cannot be computed is ``None`` with a note.

>>> from decimal import Decimal as D
>>> rules = load("pp46_2011")
>>> [str(quantize(efficiency(D(12), D(r), rules), 4)) for r in (12, 11, 8, 13)]  # T = 12 months, R = 12, 11, 8, 13
['76.0000', '84.3333', '66.6667', '67.6667']
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

import regex as re
from pydantic import BaseModel, Field

from core.i18n import Text, name_terms
from core.problems import Location
from extract.models import Document, Period, SkpForm
from extract.skp.model import (
    Aspect,
    AspectMeasure,
    SkpItem,
    SkpSection,
    SkpSheet,
    SkpValue,
    SkpValueKey,
)
from normalize.values import Value, format_number_id
from score.rules.skp import SkpRuleSet, Tolerance, load, rules_for

__all__ = [
    "SkpScore", "SkpScoreResult", "SkpSum", "SumRelation", "agrees", "efficiency", "score_skp", "score_skps",
]

HUNDRED = Decimal(100)


class SumRelation(StrEnum):
    """How a printed total follows from other printed numbers."""

    SUM = "sum"  # jumlah
    MEAN = "mean"  # rata-rata (plus additions)
    QUOTIENT = "quotient"  # perhitungan / 4
    PRODUCT = "product"  # 84,71 x 60%
    WEIGHTED = "weighted"  # SKP x 60% + perilaku x 40%
    CARRIED = "carried"  # the same number printed again (the SKP carried to the prestasi page)


SUM_RELATION_NAMES = name_terms(SumRelation, {
    SumRelation.SUM: Text("jumlah", "the sum"),
    SumRelation.MEAN: Text("rata-rata", "the mean"),
    SumRelation.QUOTIENT: Text("hasil bagi", "the quotient"),
    SumRelation.PRODUCT: Text("hasil kali", "the product"),
    SumRelation.WEIGHTED: Text("jumlah tertimbang", "the weighted sum"),
    SumRelation.CARRIED: Text("nilai yang dicetak di tempat lain", "the value printed elsewhere"),
})


class SkpScore(BaseModel):
    """One element of an SKP: the score it prints and the score its rule set gives.

    ``computed`` is the exact value (``exact``) rounded half-up to the printed decimals (to the
    rule set's places when nothing is printed). ``predikat_expected`` is the label the *printed*
    value (or the printed ratings) calls for, ``predikat_computed`` the one the computed value
    calls for. ``agrees`` is None when there is nothing to compare. ``leaf`` rows are recomputed
    from the document's own targets and realisasi; the others are totals.
    """

    element: str
    period: Period
    printed: Decimal | None = None
    printed_raw: str | None = None
    computed: Decimal | None = None
    exact: Decimal | None = None
    predikat_printed: str | None = None
    predikat_computed: str | None = None
    predikat_expected: str | None = None
    predikat_agrees: bool | None = None
    value_agrees: bool | None = None  # the printed number against the computed one
    agrees: bool | None = None  # both, where each can be compared
    leaf: bool = False
    notes: list[str] = Field(default_factory=list)
    location: Location = Location()

    @property
    def note(self) -> str | None:
        return "; ".join(dict.fromkeys(self.notes)) or None


class SkpSum(BaseModel):
    """A printed total against the printed numbers it is made of (``expected`` exact)."""

    element: str
    relation: SumRelation
    printed: Decimal
    printed_raw: str
    expected: Decimal
    parts: list[str] = Field(default_factory=list)  # the parts as printed
    agrees: bool
    location: Location = Location()
    part_locations: list[Location] = Field(default_factory=list)


class SkpScoreResult(BaseModel):
    """Everything the score stage says about one SKP document."""

    doc_id: str
    source_file: str
    generation: SkpForm
    rule_set: str
    period: Period = Period.Y
    scores: list[SkpScore] = Field(default_factory=list)
    sums: list[SkpSum] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def score(self, element: str) -> SkpScore | None:
        return next((s for s in self.scores if s.element == element), None)


# --- arithmetic --------------------------------------------------------------------------------


def places_of(v: Decimal) -> int:
    """Decimals printed: ``88,67`` 2, ``76`` 0.

    >>> places_of(Decimal("88.67")), places_of(Decimal("76")), places_of(Decimal("1E+2"))
    (2, 0, 0)
    """
    exp = v.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def quantize(x: Decimal | None, places: int) -> Decimal | None:
    """>>> quantize(Decimal("84.655555"), 2), quantize(Decimal("88.665"), 2), quantize(None, 2)
    (Decimal('84.66'), Decimal('88.67'), None)
    """
    if x is None:
        return None
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def agrees(printed: Decimal, exact: Decimal, tolerance: Tolerance) -> bool:
    """Whether a printed number is the exact one, within ``tolerance.units`` of its last decimal.

    >>> t = load("pp46_2011").tolerance
    >>> agrees(Decimal("88.67"), Decimal("88.6666"), t), agrees(Decimal("88.69"), Decimal("88.6666"), t)
    (True, False)
    >>> agrees(Decimal("76"), Decimal("76.9"), t), agrees(Decimal("76"), Decimal("77.5"), t)
    (True, False)
    """
    step = Decimal(1).scaleb(-places_of(printed))
    return abs(printed - exact) <= tolerance.units * step


def efficiency(target: Decimal, realisasi: Decimal, rules: SkpRuleSet) -> Decimal:
    """The waktu or biaya aspect of a PP 46 kegiatan (Perka BKN 1/2013): efisiensi = 100 − R/T × 100;
    at most 24: (1,76 T − R) / T × 100; above: 76 − ((1,76 T − R) / T × 100 − 100).

    >>> efficiency(Decimal(25_000_000), Decimal(24_000_000), load("pp46_2011"))
    Decimal('80.00')
    """
    assert rules.aspects is not None
    e = rules.aspects.efficiency
    eff = HUNDRED - realisasi / target * HUNDRED
    x = (e.factor * target - realisasi) / target * HUNDRED
    return x if eff <= e.threshold else e.base - (x - HUNDRED)


def _num(v: Value | None) -> Decimal | None:
    return None if v is None else v.value


def _fmt(x: Decimal | None) -> str:
    return "-" if x is None else format_number_id(x)


class _Out:
    """The rows of one result being built."""

    def __init__(self, result: SkpScoreResult, rules: SkpRuleSet) -> None:
        self.result, self.rules = result, rules

    def row(self, element: str, printed: Value | None, exact: Decimal | None, *, location: Location,
            predikat_printed: str | None = None, predikat_computed: str | None = None, predikat_expected: str | None = None,
            predikat_agrees: bool | None = None, leaf: bool = False, notes: list[str] | None = None,
            accept: list[Decimal] | None = None) -> SkpScore:
        p = _num(printed)
        places = places_of(p) if p is not None else self.rules.tolerance.places
        agree: bool | None = None
        notes = list(notes or [])
        if p is not None and exact is not None:
            agree = agrees(p, exact, self.rules.tolerance)
            if not agree and accept and any(agrees(p, a, self.rules.tolerance) for a in accept):
                agree = True
        value_agrees = agree
        if predikat_agrees is False:
            agree = False
        elif agree is None and predikat_agrees is not None:
            agree = predikat_agrees
        score = SkpScore(
            element=element, period=self.result.period, printed=p, printed_raw=printed.raw if printed is not None else None,
            computed=quantize(exact, places), exact=exact, predikat_printed=predikat_printed,
            predikat_computed=predikat_computed, predikat_expected=predikat_expected, predikat_agrees=predikat_agrees,
            value_agrees=value_agrees, agrees=agree, leaf=leaf, notes=notes, location=location,
        )
        self.result.scores.append(score)
        return score

    def sum(self, element: str, relation: SumRelation, printed: Value | None, expected: Decimal | None,
            parts: list[Value], location: Location, part_locations: list[Location]) -> None:
        p = _num(printed)
        if p is None or expected is None or printed is None:
            return
        self.result.sums.append(SkpSum(
            element=element, relation=relation, printed=p, printed_raw=printed.raw, expected=expected,
            parts=[v.raw for v in parts], agrees=agrees(p, expected, self.rules.tolerance), location=location,
            part_locations=part_locations,
        ))


# --- PP 46/2011 --------------------------------------------------------------------------------


def aspect_score(m: AspectMeasure, rules: SkpRuleSet) -> tuple[Decimal | None, str | None]:
    """One aspect's score, or None and why not."""
    t, r = _num(m.target), _num(m.realisasi)
    if t is None or t == 0:
        return None, f"{m.aspect.value}: no target to divide by ({rules.note('zero_target')})"
    if r is None:
        return None, f"{m.aspect.value}: no realisasi"
    if m.aspect in (Aspect.KUANTITAS, Aspect.KUALITAS):
        return r / t * HUNDRED, None
    return efficiency(t, r, rules), None


def _biaya_counts(item: SkpItem) -> bool:
    b = item.aspect(Aspect.BIAYA)
    return b is not None and _num(b.target) is not None and _num(b.target) > 0  # type: ignore[operator]


def kegiatan_score(item: SkpItem, rules: SkpRuleSet) -> tuple[Decimal | None, Decimal | None, list[str]]:
    """A kegiatan's perhitungan and nilai (exact), or None with the notes that say why."""
    assert rules.kegiatan is not None
    counted = [Aspect.KUANTITAS, Aspect.KUALITAS, Aspect.WAKTU] + ([Aspect.BIAYA] if _biaya_counts(item) else [])
    notes: list[str] = []
    if not _biaya_counts(item):
        notes.append(f"without biaya: / {rules.kegiatan.without_biaya} ({rules.note('biaya_absent')})")
    scores: list[Decimal] = []
    for aspect in counted:
        m = item.aspect(aspect)
        if m is None:
            notes.append(f"{aspect.value}: not printed")
            continue
        s, why = aspect_score(m, rules)
        if s is None:
            notes.append(why or aspect.value)
        else:
            scores.append(s)
    if len(scores) != len(counted):
        return None, None, notes
    perhitungan = sum(scores, Decimal(0))
    divisor = rules.kegiatan.with_biaya if Aspect.BIAYA in counted else rules.kegiatan.without_biaya
    return perhitungan, perhitungan / divisor, notes


def _element(prefix: str, item: SkpItem, ordinal: int) -> str:
    no = re.sub(r"[^\w.]+", "", item.no or "") or str(ordinal)
    return f"{prefix}:{no}" if item.section in (SkpSection.UTAMA,) else f"{prefix}:{item.section.value}.{no}"


def _band_fields(bands, printed_label: str | None, printed: Decimal | None, exact: Decimal | None,
                 rules: SkpRuleSet, notes: list[str]) -> dict:
    """The predikat columns of a row scored on a band scale (sebutan, kategori, predikat)."""
    out: dict = {"predikat_printed": printed_label}
    if bands is None or not bands.bands:
        return out
    computed = bands.of(exact)
    expected = bands.of(printed) if printed is not None else computed
    out["predikat_computed"] = computed.label if computed else None
    out["predikat_expected"] = expected.label if expected else None
    if computed is not None and computed.gap:
        notes.append(f"{_fmt(exact)} lies between {computed.label} and {computed.alternatives[0]} ({rules.note('band_gaps')})")
    elif computed is not None and computed.overlap and rules.ambiguity("band_overlap"):
        notes.append(f"{_fmt(exact)} is {computed.label} or {' or '.join(computed.alternatives)} ({rules.note('band_overlap')})")
    if computed is not None:
        notes.extend(rules.note(a) for a in computed.ambiguity)
    if printed_label and (printed if printed is not None else exact) is not None:
        value = printed if printed is not None else exact
        out["predikat_agrees"] = bands.accepts(printed_label, value)  # type: ignore[arg-type]
        canonical = bands.canonical(printed_label)
        if canonical is not None and canonical.casefold() != printed_label.casefold() and rules.ambiguity("sedang"):
            notes.append(f"'{printed_label}' read as {canonical} ({rules.note('sedang')})")
    return out


def _score_pp46(sheet: SkpSheet, out: _Out) -> None:
    rules, result = out.rules, out.result
    assert rules.capaian_skp is not None and rules.weights is not None
    kegiatan = [i for i in sheet.items if i.section in (SkpSection.UTAMA, SkpSection.TAMBAHAN)]
    if not any(a.realisasi is not None for i in kegiatan for a in i.aspects) and sheet.value(SkpValueKey.NILAI_SKP) is None:
        result.notes.append(NOTHING_TO_SCORE)
        return
    nilai: list[Decimal | None] = []
    printed_nilai: list[Value] = []
    for n, item in enumerate(kegiatan, start=1):
        perhitungan, exact, notes = kegiatan_score(item, rules)
        element = _element("kegiatan", item, n)
        p_perh = _num(item.perhitungan)
        if perhitungan is not None and p_perh is not None and not agrees(p_perh, perhitungan, rules.tolerance):
            notes.append(f"perhitungan printed {item.perhitungan.raw}, computed {_fmt(quantize(perhitungan, places_of(p_perh)))}")  # type: ignore[union-attr]
        if exact is None and item.nilai is not None:
            notes.append("nilai not recomputed: the printed nilai is used in the totals")
        out.row(element, item.nilai, exact, location=item.location, leaf=True, notes=notes)
        nilai.append(exact if exact is not None else _num(item.nilai))
        if item.nilai is not None and item.nilai.value is not None:
            printed_nilai.append(item.nilai)
        if item.perhitungan is not None and item.nilai is not None and p_perh is not None and item.nilai.value is not None:
            divisor = rules.kegiatan.with_biaya if _biaya_counts(item) else rules.kegiatan.without_biaya  # type: ignore[union-attr]
            out.sum(element, SumRelation.QUOTIENT, item.nilai, p_perh / divisor, [item.perhitungan], item.location, [item.location])
    additions = Decimal(0)
    printed_additions: list[Value] = []
    for section in (SkpSection.TUGAS_TAMBAHAN, SkpSection.KREATIVITAS):
        if section.value not in rules.capaian_skp.additions:
            continue
        items = [i for i in sheet.items if i.section is section and i.nilai is not None and i.nilai.value is not None]
        if not items:
            continue
        value = sum((i.nilai.value for i in items), Decimal(0))  # type: ignore[union-attr,misc]
        additions += value
        printed_additions += [i.nilai for i in items]  # type: ignore[misc]
        printed = items[0].nilai if len(items) == 1 else Value(raw=" + ".join(i.nilai.raw for i in items), value=value)  # type: ignore[union-attr]
        out.row(section.value, printed, None, location=items[0].location, notes=[rules.note("additions_table")])
    # nilai capaian SKP
    total = sheet.value(SkpValueKey.NILAI_SKP)
    skp_exact = None
    if nilai and all(v is not None for v in nilai):
        skp_exact = sum(nilai, Decimal(0)) / len(nilai) + additions  # type: ignore[arg-type]
    notes = []
    printed_total = _num(total.value) if total else None
    out.row("nilai_capaian_skp", total.value if total else None, skp_exact, location=_where(total, sheet),
            notes=notes, **_band_fields(rules.sebutan, total.label if total else None, printed_total, skp_exact, rules, notes))
    if total is not None and total.value is not None and printed_nilai and len(printed_nilai) == len(kegiatan):
        mean = sum((v.value for v in printed_nilai), Decimal(0)) / len(printed_nilai) + additions  # type: ignore[misc]
        out.sum("nilai_capaian_skp", SumRelation.MEAN, total.value, mean, printed_nilai + printed_additions, total.location,
                [i.location for i in kegiatan])
    # perilaku
    perilaku_exact = _score_perilaku(sheet, out, rules.sebutan)
    # the weighted parts and the NPK
    _score_final(sheet, out, "nilai_prestasi_kerja", skp_exact, perilaku_exact, rules.sebutan)


def _where(v: SkpValue | None, sheet: SkpSheet) -> Location:
    if v is not None:
        return v.location
    return sheet.items[0].location if sheet.items else Location()


def _score_perilaku(sheet: SkpSheet, out: _Out, bands) -> Decimal | None:
    rules = out.rules
    values: list[Value] = []
    for p in sheet.perilaku:
        if p.nilai is None or p.nilai.value is None:
            continue
        values.append(p.nilai)
        notes: list[str] = []
        fields = _band_fields(bands, p.sebutan, p.nilai.value, None, rules, notes) if bands is not None else {"predikat_printed": p.sebutan}
        fields["predikat_computed"] = fields.get("predikat_expected")
        out.row(f"perilaku:{p.key}", p.nilai, None, location=p.location, notes=notes, **fields)
    exact = sum((v.value for v in values), Decimal(0)) / len(values) if values else None  # type: ignore[misc]
    jumlah = sheet.value(SkpValueKey.JUMLAH_PERILAKU)
    locs = [p.location for p in sheet.perilaku if p.nilai is not None]
    if jumlah is not None and values:
        out.sum("jumlah_perilaku", SumRelation.SUM, jumlah.value, sum((v.value for v in values), Decimal(0)), values,  # type: ignore[misc]
                jumlah.location, locs)
    mean = sheet.value(SkpValueKey.NILAI_PERILAKU)
    if mean is None and exact is None:
        return None
    notes = []
    if rules.ambiguity("kepemimpinan_only_structural") and values:
        notes.append(f"mean of {len(values)} aspects ({rules.note('kepemimpinan_only_structural')})")
    if rules.ambiguity("perilaku_mean") and values:
        notes.append(rules.note("perilaku_mean"))
    printed = _num(mean.value) if mean else None
    out.row("nilai_perilaku", mean.value if mean else None, exact, location=_where(mean, sheet), notes=notes,
            **_band_fields(bands, mean.label if mean else None, printed, exact, rules, notes))
    if mean is not None and mean.value is not None:
        if values:  # the mean of the printed aspects (a wrong jumlah is its own finding)
            out.sum("nilai_perilaku", SumRelation.MEAN, mean.value, exact, values, mean.location, locs)
        elif jumlah is not None and jumlah.value is not None and jumlah.value.value is not None and sheet.perilaku:
            out.sum("nilai_perilaku", SumRelation.QUOTIENT, mean.value, jumlah.value.value / len(sheet.perilaku),
                    [jumlah.value], mean.location, [jumlah.location])
    return exact


def _weights(sheet: SkpSheet, rules: SkpRuleSet) -> tuple[Decimal, Decimal, list[str]]:
    """The weights of SKP and perilaku: the pair the form prints when it is one of the rule set's,
    else the rule set's first pair."""
    assert rules.weights is not None
    w = rules.weights
    notes: list[str] = []
    skp_w = sheet.value(SkpValueKey.SKP_TERTIMBANG)
    per_w = sheet.value(SkpValueKey.PERILAKU_TERTIMBANG)
    printed = (_num(skp_w.weight) if skp_w else None, _num(per_w.weight) if per_w else None)
    for pair in w.pairs():
        if printed == (pair.skp, pair.perilaku):
            if pair.when:
                notes.append(f"weights {pair.skp:f}/{pair.perilaku:f} as printed ({pair.when})")
            return pair.skp, pair.perilaku, notes
    if any(x is not None for x in printed) and printed != (w.skp, w.perilaku):
        notes.append(f"the form prints weights {_fmt(printed[0])}/{_fmt(printed[1])}; the rule set's {w.skp:f}/{w.perilaku:f} are used")
    return w.skp, w.perilaku, notes


def _score_final(sheet: SkpSheet, out: _Out, element: str, skp_exact: Decimal | None, perilaku_exact: Decimal | None,
                 bands) -> None:
    rules = out.rules
    w_skp, w_per, notes = _weights(sheet, rules)
    nilai_skp, nilai_per = sheet.value(SkpValueKey.NILAI_SKP), sheet.value(SkpValueKey.NILAI_PERILAKU)
    skp_w, per_w = sheet.value(SkpValueKey.SKP_TERTIMBANG), sheet.value(SkpValueKey.PERILAKU_TERTIMBANG)
    final = sheet.value(SkpValueKey.NILAI_KINERJA)
    predikat = sheet.value(SkpValueKey.PREDIKAT)
    # the weighted parts against their printed bases, and the bases against the totals printed elsewhere
    for part, total, name in ((skp_w, nilai_skp, "nilai_skp"), (per_w, nilai_per, "nilai_perilaku")):
        base = _num(part.base) if part is not None else None
        if part is None or part.base is None or base is None:
            continue
        weight = _num(part.weight)
        if weight is not None and part.weight is not None and part.value is not None:
            out.sum(f"{name}_tertimbang", SumRelation.PRODUCT, part.value, base * weight / HUNDRED, [part.base, part.weight],
                    part.location, [part.location])
        if total is not None and total.value is not None and total.location != part.location:
            out.sum(f"{name}_tertimbang", SumRelation.CARRIED, part.base, _num(total.value), [total.value], part.location,
                    [total.location])
    if final is None and skp_exact is None:
        return
    exact = None
    if skp_exact is not None and perilaku_exact is not None:
        exact = skp_exact * w_skp / HUNDRED + perilaku_exact * w_per / HUNDRED
    if rules.weights is not None and rules.weights.alternatives and skp_exact is not None and perilaku_exact is not None:
        for pair in rules.weights.pairs():
            if (pair.skp, pair.perilaku) != (w_skp, w_per):
                alt = skp_exact * pair.skp / HUNDRED + perilaku_exact * pair.perilaku / HUNDRED
                if final is not None and final.value is not None and final.value.value is not None \
                        and agrees(final.value.value, alt, rules.tolerance):
                    notes.append(f"the printed value follows the {pair.skp:f}/{pair.perilaku:f} weights ({pair.when}); "
                                 f"{rules.note('weights_which')}")
                    exact = alt
    label = (final.label if final else None) or (predikat.label if predikat else None)
    printed = _num(final.value) if final else None
    fields = _band_fields(bands, label, printed, exact, rules, notes)
    if bands is not None and not bands.bands and label and rules.ambiguity("predikat_bands"):
        notes.append(rules.note("predikat_bands"))
    out.row(element, final.value if final else None, exact, location=_where(final, sheet), notes=notes, **fields)
    if final is None or final.value is None:
        return
    parts = (_num(skp_w.value) if skp_w else None, _num(per_w.value) if per_w else None)
    bases = (_num(nilai_skp.value) if nilai_skp else None, _num(nilai_per.value) if nilai_per else None)
    if parts[0] is not None and parts[1] is not None:
        out.sum(element, SumRelation.SUM, final.value, parts[0] + parts[1], [skp_w.value, per_w.value],  # type: ignore[union-attr,list-item]
                final.location, [skp_w.location, per_w.location])  # type: ignore[union-attr]
    elif bases[0] is not None and bases[1] is not None:
        out.sum(element, SumRelation.WEIGHTED, final.value, bases[0] * w_skp / HUNDRED + bases[1] * w_per / HUNDRED,
                [nilai_skp.value, nilai_per.value], final.location, [nilai_skp.location, nilai_per.location])  # type: ignore[union-attr,list-item]


# --- PermenPANRB 8/2021 --------------------------------------------------------------------------


def capaian_iki(target: Value, realisasi: Value, rules: SkpRuleSet) -> tuple[Decimal | None, list[Decimal], str, list[str]]:
    """The capaian of one IKI: the computed value, other accepted readings, the target's kind
    (normal, lower_better, range) and notes.

    >>> from normalize.values import parse_value as v
    >>> rs = load("permenpanrb_8_2021")
    >>> capaian_iki(v("80%"), v("88%"), rs)[:3]
    (Decimal('110.0'), [], 'normal')
    >>> c = capaian_iki(v("≤ 5%"), v("4%"), rs); (c[0], [str(x) for x in c[1]], c[2])
    (Decimal('120.0'), ['125.00'], 'lower_better')
    >>> capaian_iki(v("88,31-100,00"), v("90"), rs)[:3]
    (Decimal('100'), [], 'range')
    """
    assert rules.capaian_iki is not None
    t, r = target.value, realisasi.value
    notes: list[str] = []
    if r is None:
        return None, [], "normal", ["no realisasi"]
    if target.low is not None and target.high is not None:
        notes.append(rules.note("range_formula"))
        if target.low <= r <= target.high:
            return HUNDRED, [], "range", notes
        if r < target.low:
            return (r / target.low * HUNDRED if target.low else None), [], "range", notes
        return (Decimal(2) - r / target.high) * HUNDRED if target.high else None, [], "range", notes
    if t is None or t == 0:
        return None, [], "normal", ["no target to divide by (0 or not a number)"]
    lower = target.comparator in ("≤", "<") or bool(re.search(r"\bmaks|paling\s+tinggi", target.raw, re.IGNORECASE))
    if lower:
        notes.append(rules.note("lower_better_formula"))
        candidates = []
        for formula in rules.capaian_iki.lower_better:
            if formula == "rumus_ii":
                candidates.append((Decimal(2) - r / t) * HUNDRED)
            elif formula == "inverse" and r:
                candidates.append(t / r * HUNDRED)
        return (candidates[0] if candidates else None), candidates[1:], "lower_better", notes
    return r / t * HUNDRED, [], "normal", notes


def _score_nilai_iki(item: SkpItem, element: str, capaian: Decimal | None, others: list[Decimal], out: _Out,
                     notes: list[str]) -> None:
    """NILAI CAPAIAN IKI from the capaian by its kategori's formula, beside the printed one; the nilai
    of the ``others`` (the recomputed capaian, the readings of it also accepted) is accepted too."""
    rules = out.rules
    nilai, accept = rules.kategori.nilai(capaian) if rules.kategori is not None else (None, [])
    if item.nilai is None and nilai is None:
        return
    if nilai is not None and rules.kategori is not None:
        for other in others:
            value, also = rules.kategori.nilai(other)
            if value is None:  # a reading of the capaian in a range no available text gives a nilai: not judged
                nilai, accept, capaian = None, [], other
                break
            accept += [value, *also]
    if nilai is None and capaian is not None:
        notes = [*notes, f"not recomputed ({rules.note('kategori_bands')})"]
    elif capaian is None:
        notes = [*notes, "no capaian to recompute the nilai from"]
    elif rules.kategori is not None:
        band = rules.kategori.bands_of(capaian)[0]
        notes = [*notes, *(rules.note(a) for a in band.ambiguity if band.holds(capaian) and rules.note(a) not in notes)]
    out.row(element, item.nilai, nilai, location=item.location, leaf=True, notes=notes, accept=accept)


def _score_8_2021(sheet: SkpSheet, out: _Out) -> None:
    rules = out.rules
    items = [i for i in sheet.items if i.section in (SkpSection.UTAMA, SkpSection.TAMBAHAN)]
    for n, item in enumerate(items, start=1):
        element = _element("iki", item, n)
        notes: list[str] = []
        exact = None
        accept: list[Decimal] = []
        printed = _num(item.capaian)
        if item.target is not None and item.realisasi is not None:
            exact, accept, kind, notes = capaian_iki(item.target, item.realisasi, rules)
            if kind == "normal" and printed is not None and exact is not None and not agrees(printed, exact, rules.tolerance):
                lower = capaian_iki(item.target.model_copy(update={"comparator": "≤"}), item.realisasi, rules)
                if lower[0] is not None and any(agrees(printed, c, rules.tolerance) for c in [lower[0], *lower[1]]):
                    notes.append(f"the printed capaian follows a lower-is-better formula; the target prints no ≤ "
                                 f"({rules.note('polarity_source')})")
                    accept = [lower[0], *lower[1]]
            elif kind == "lower_better" and printed is not None and accept and exact is not None \
                    and not agrees(printed, exact, rules.tolerance) and any(agrees(printed, a, rules.tolerance) for a in accept):
                notes.append("the printed capaian follows T/R × 100")
        elif item.capaian is not None:
            notes.append("no target or realisasi printed to recompute the capaian from")
        if item.capaian is None and exact is None:
            continue
        # the kategori and the nilai follow the capaian the form prints (a misprinted realisasi or capaian
        # is its own row's finding, not the kategori's and the nilai's too); without one, the recomputed
        capaian = printed if printed is not None else exact
        band = rules.kategori.of(capaian) if rules.kategori is not None else None
        if item.kategori and band is None:
            # a range no available text states, or one whose nilai is stated and not its label: its own notes
            found = rules.kategori.bands_of(capaian) if rules.kategori is not None else []
            why = [rules.note(a) for a in found[0].ambiguity] if found else [rules.note("kategori_bands")]
            notes.append(f"kategori {item.kategori} read as printed ({'; '.join(why) or 'its band names no label'})")
        band_notes: list[str] = []
        fields = _band_fields(rules.kategori, item.kategori, printed, capaian, rules, band_notes)
        out.row(element, item.capaian, exact, location=item.location, leaf=True, notes=notes + band_notes, accept=accept,
                **fields)
        _score_nilai_iki(item, _element("nilai_iki", item, n), capaian, [c for c in (exact, *accept) if c is not None],
                         out, band_notes)
    # NILAI AKHIR SKP
    assert rules.nilai_skp is not None
    utama = [i for i in items if i.section is SkpSection.UTAMA]
    total = sheet.value(SkpValueKey.NILAI_SKP)
    tertimbang = [i.tertimbang for i in utama if i.tertimbang is not None and i.tertimbang.value is not None]
    nilai = [i.nilai for i in utama if i.nilai is not None and i.nilai.value is not None]
    skp_exact = None
    relation = SumRelation.SUM
    parts: list[Value] = []
    notes = [rules.note("nilai_skp_formula")]
    if utama and len(tertimbang) == len(utama):
        parts = tertimbang  # type: ignore[assignment]
        skp_exact = sum((v.value for v in parts), Decimal(0))  # type: ignore[misc]
        notes.insert(0, "the sum of the nilai tertimbang")
    elif utama and len(nilai) == len(utama) and rules.nilai_skp.fallback == "mean_nilai":
        parts, relation = nilai, SumRelation.MEAN  # type: ignore[assignment]
        skp_exact = sum((v.value for v in parts), Decimal(0)) / len(parts)  # type: ignore[misc]
        notes.insert(0, "the mean of the nilai capaian IKI (no nilai tertimbang printed)")
    if total is not None or skp_exact is not None:
        out.row("nilai_skp", total.value if total else None, skp_exact, location=_where(total, sheet), notes=notes,
                predikat_printed=total.label if total else None)
        if total is not None and total.value is not None and skp_exact is not None:
            out.sum("nilai_skp", relation, total.value, skp_exact, parts, total.location, [i.location for i in utama])
    if skp_exact is None and total is not None:
        skp_exact = _num(total.value)
    perilaku_exact = _score_perilaku(sheet, out, None)
    if perilaku_exact is None:
        perilaku_exact = _num(sheet.value(SkpValueKey.NILAI_PERILAKU).value) if sheet.value(SkpValueKey.NILAI_PERILAKU) else None  # type: ignore[union-attr]
    _score_final(sheet, out, "nilai_kinerja", skp_exact, perilaku_exact, rules.predikat)


# --- PermenPANRB 6/2022 --------------------------------------------------------------------------


def _score_6_2022(sheet: SkpSheet, out: _Out) -> None:
    rules = out.rules
    assert rules.matrix is not None
    items = [i for i in sheet.items if i.section in (SkpSection.UTAMA, SkpSection.TAMBAHAN)]
    groups: dict[tuple[SkpSection, str], list[SkpItem]] = {}
    for n, item in enumerate(items, start=1):
        groups.setdefault((item.section, item.no or str(n)), []).append(item)
    for n, item in enumerate(items, start=1):
        group = groups[(item.section, item.no or str(n))]
        element = _element("rhk", item, n)
        if len(group) > 1:
            element += f".{group.index(item) + 1}"
        t, r = _num(item.target), _num(item.realisasi)
        exact = r / t * HUNDRED if t and r is not None else None
        if item.capaian is None and exact is None:
            continue
        notes = [rules.note("nilai_capaian_export")] if item.capaian is not None else ["6/2022 prints no capaian: computed for reference"]
        out.row(element, item.capaian, exact, location=item.location, leaf=item.capaian is not None, notes=notes)
    ratings = {}
    for key, element in ((SkpValueKey.RATING_HASIL_KERJA, "rating_hasil_kerja"), (SkpValueKey.RATING_PERILAKU, "rating_perilaku")):
        v = sheet.value(key)
        ratings[key] = _rating(v.label) if v is not None else None
        if v is not None:
            out.row(element, None, None, location=v.location, predikat_printed=v.label, notes=[rules.note("rating_judgement")])
    for key in (SkpValueKey.NILAI_SKP, SkpValueKey.NILAI_PERILAKU, SkpValueKey.NILAI_KINERJA):  # an export's numbers
        if (v := sheet.value(key)) is not None and v.value is not None:
            out.row(key.value, v.value, None, location=v.location, notes=[rules.note("export_scores")])
    predikat = sheet.value(SkpValueKey.PREDIKAT)
    computed = rules.matrix.predikat(ratings[SkpValueKey.RATING_HASIL_KERJA], ratings[SkpValueKey.RATING_PERILAKU])
    if predikat is None and computed is None:
        return
    notes: list[str] = []
    printed = predikat.label if predikat else None
    canonical = rules.matrix.canonical(printed)
    if printed and canonical and canonical.casefold() != printed.casefold():
        notes.append(f"'{printed}' read as {canonical} ({rules.note('misconduct_label')})")
    if computed is None:
        notes.append("a rating is missing or unreadable: no predikat from the matrix")
    agree = None if computed is None or printed is None else canonical == computed
    out.row("predikat", None, None, location=_where(predikat, sheet), predikat_printed=printed, predikat_computed=computed,
            predikat_expected=computed, predikat_agrees=agree, notes=notes)


def _rating(label: str | None) -> str | None:
    if not label:
        return None
    m = re.search(r"\b(DI\s+ATAS|SESUAI|DI\s+BAWAH)\b", label, re.IGNORECASE)
    return None if m is None else re.sub(r"\s+", "_", m.group(1).casefold())


# --- entry points -----------------------------------------------------------------------------------

_SCORERS = {
    SkpForm.PP46_2011: _score_pp46,
    SkpForm.PERMENPANRB_8_2021: _score_8_2021,
    SkpForm.PERMENPANRB_6_2022: _score_6_2022,
}


def score_skp(doc: Document, rules: SkpRuleSet | str | None = None) -> SkpScoreResult | None:
    """The scores of one SKP document by its form's rule set (or ``rules``); None when the
    document is not a national SKP form. Never raises: a value that cannot be computed is a
    note."""
    if doc.skp is None or doc.form not in _SCORERS:
        return None
    if isinstance(rules, str):
        rules = load(rules)
    rules = rules or rules_for(doc.form.value)  # type: ignore[union-attr]
    if rules is None:
        return None
    period = doc.skp.period
    result = SkpScoreResult(
        doc_id=doc.doc_id, source_file=doc.source_file, generation=doc.form, rule_set=rules.name,  # type: ignore[arg-type]
        period=Period(f"Q{period.quarter}") if period and period.quarter else Period.Y,
        notes=[rules.note(i) for i in rules.notes],
    )
    try:
        _SCORERS[doc.form](doc.skp, _Out(result, rules))  # type: ignore[index]
    except (ArithmeticError, InvalidOperation, AssertionError, TypeError, ValueError) as exc:  # never stop an audit
        result.notes.append(f"could not be scored: {type(exc).__name__}: {exc}")
        return result
    if not result.scores and NOTHING_TO_SCORE not in result.notes:
        result.notes.append(NOTHING_TO_SCORE if not doc.skp.evaluation else NOTHING_READ)
    return result


NOTHING_TO_SCORE = "a target form without realisasi: nothing to score"
NOTHING_READ = "no printed score or realisasi was read: nothing to score"  # an evaluation whose numbers were all lost


def score_skps(docs: Iterable[Document]) -> list[SkpScoreResult]:
    """The SKP scores of every national SKP form among ``docs``, in document order."""
    return [r for d in docs if (r := score_skp(d)) is not None]
