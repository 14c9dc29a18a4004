"""Consolidation by a rule set: NSS per sasaran, NKp per perspective, NKO, CKP and NKP.

Pure ``Decimal`` arithmetic on exact values (status on the exact value, quantized for output).
A value that needs something unknown (a capaian, a weight, a perspective) is ``None`` and a note
names what is missing: nothing is averaged over the rest, nothing is set to 0.

>>> weighted_mean([(Decimal(17), Decimal(110)), (Decimal(13), Decimal(90))])  # (1870 + 1170) / 30
Decimal('101.3333333333333333333333333')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from extract.models import Period
from score.capaian import HUNDRED, grade
from score.capaian import ambiguity_note as _amb
from score.capaian import where as _where
from score.models import (
    CkpScore,
    IkuScore,
    NkpScore,
    OrgScore,
    PerspectiveScore,
    SasaranScore,
    quantize,
)
from score.rules import RuleSet, StatusLevel

__all__ = [
    "ckp_from_nko", "ckp_from_variables", "mean", "nko_from_perspectives", "nko_from_sasaran", "nkp_pegawai",
    "nkp_perspective", "nss", "sasaran_weight", "weighted_mean",
]


def weighted_mean(pairs: Sequence[tuple[Decimal, Decimal]]) -> Decimal | None:
    """sum(w x value) / sum(w) for (weight, value) pairs; None when the weights sum to 0.

    >>> weighted_mean([(Decimal(40), Decimal(100)), (Decimal(30), Decimal(80)), (Decimal(30), Decimal(90))])
    Decimal('91')
    >>> weighted_mean([]) is None
    True
    """
    total = sum((w for w, _ in pairs), Decimal(0))
    if total == 0:
        return None
    return sum((w * v for w, v in pairs), Decimal(0)) / total


def mean(values: Sequence[Decimal]) -> Decimal | None:
    """The arithmetic mean, or None for no values.

    >>> mean([Decimal(100), Decimal(80)])
    Decimal('90')
    """
    return weighted_mean([(Decimal(1), v) for v in values])


def _keys(items: Sequence[object], attr: str = "key") -> str:
    return ", ".join(str(getattr(i, attr)) for i in items)


# --- NSS ---------------------------------------------------------------------------------------


def nss(key: str, ikus: Sequence[IkuScore], rules: RuleSet, *, period: Period, name: str | None = None) -> SasaranScore:
    """NSS of one sasaran strategis: its IKU capaian weighted by their weights, normalised."""
    perspectives = {i.perspective for i in ikus}
    score = SasaranScore(key=key, name=name, period=period, iku_keys=[i.key for i in ikus],
                         perspective=perspectives.pop() if len(perspectives) == 1 else None)
    if len(perspectives) > 1 or (score.perspective is None and any(i.perspective for i in ikus)):
        labels = sorted({i.perspective or "none" for i in ikus})
        score.notes.append(f"its IKU sit in different perspectives ({', '.join(labels)})")
    if rules.aggregation is None:
        score.notes.append(f"{rules.short} prints no consolidation per sasaran{_amb(rules, 'no_aggregation')}")
        return score
    no_capaian = [i for i in ikus if i.exact is None]
    no_weight = [i for i in ikus if i.weight is None]
    known = [i.weight for i in ikus if i.weight is not None]
    score.weight_sum = sum(known, Decimal(0)) if not no_weight else None
    if no_capaian:
        score.notes.append(f"no capaian for {_keys(no_capaian)}{_amb(rules, 'aggregate_missing')}")
    if len(ikus) == 1:
        if not no_capaian:
            score.exact = ikus[0].exact
            if no_weight:
                score.notes.append(f"one IKU: NSS is its capaian whatever its weight{_amb(rules, 'nss_normalisation')}")
    elif no_weight:
        score.notes.append(f"no weight for {_keys(no_weight)}: give bobot, or validitas and kendali, in the "
                           f"realisasi file{_amb(rules, 'aggregate_missing')}")
    elif not no_capaian:
        score.exact = weighted_mean([(i.weight, i.exact) for i in ikus if i.weight is not None and i.exact is not None])
        if score.weight_sum != HUNDRED:
            score.notes.append(f"IKU weights sum to {score.weight_sum:f}%, normalised to their sum"
                               f"{_amb(rules, 'nss_normalisation')}")
    _finish(score, "sasaran", rules)
    return score


def sasaran_weight(s: SasaranScore, rules: RuleSet) -> Decimal | None:
    """The weight of an NSS in NKp / NKO: the sum of its IKU weights, or 1 ('equal')."""
    if rules.aggregation is not None and rules.aggregation.sasaran_weights == "equal":
        return Decimal(1)
    return s.weight_sum


def _consolidate(items: Sequence[SasaranScore], rules: RuleSet, notes: list[str]) -> Decimal | None:
    """Weighted NSS, or None with notes naming what is missing."""
    missing = [s for s in items if s.exact is None]
    unweighted = [s for s in items if s.exact is not None and sasaran_weight(s, rules) is None]
    if missing:
        notes.append(f"no NSS for sasaran {_keys(missing)}{_amb(rules, 'aggregate_missing')}")
    if unweighted:
        notes.append(f"no weight for sasaran {_keys(unweighted)} (its IKU weights are unknown)"
                     f"{_amb(rules, 'nkp_sasaran_weights')}")
    if missing or unweighted or not items:
        return None
    return weighted_mean([(w, s.exact) for s in items if (w := sasaran_weight(s, rules)) is not None and s.exact is not None])


# --- NKp and NKO --------------------------------------------------------------------------------


def nkp_perspective(key: str, sasaran: Sequence[SasaranScore], rules: RuleSet, *, period: Period) -> PerspectiveScore:
    """NKp of one perspective: its NSS consolidated (an index); contribution = NKp x bobot / 100."""
    assert rules.perspectives is not None
    weight = rules.perspectives.weights.get(key)
    score = PerspectiveScore(key=key, name=rules.perspectives.names.get(key, key), period=period, weight=weight,
                             sasaran_keys=[s.key for s in sasaran])
    score.exact = _consolidate(sasaran, rules, score.notes)
    if score.exact is not None and weight is not None:
        score.contribution = quantize(score.exact * weight / HUNDRED, rules.capaian.places)
    _finish(score, "perspektif", rules)
    return score


def nko_from_perspectives(perspectives: Sequence[PerspectiveScore], stray: Sequence[SasaranScore], rules: RuleSet,
                          *, period: Period) -> OrgScore:
    """NKO of a unit with a strategy map: NKp weighted by the perspective weights."""
    assert rules.perspectives is not None
    score = OrgScore(period=period, strategy_map=True, method="perspectives")
    score.notes.append(f"perspective weights {_weights(rules)}{_where(rules, rules.perspectives.cite[:1])}"
                       f"{_amb(rules, 'perspective_weight_scope')}")
    if stray:
        score.notes.append(f"no single perspective for sasaran {_keys(stray)}")
    missing = [p for p in perspectives if p.exact is None]
    if missing:
        score.notes.append(f"no NKp for {_keys(missing)}")
    absent = [k for k in rules.perspectives.weights if k not in {p.key for p in perspectives}]
    if stray or missing or not perspectives:
        _finish(score, "nko", rules)
        return score
    pairs = [(p.weight, p.exact) for p in perspectives if p.weight is not None and p.exact is not None]
    total = sum((w for w, _ in pairs), Decimal(0))
    if absent:
        score.notes.append(f"no IKU in perspective {', '.join(absent)}: the others' weights ({total:f}%) "
                           f"normalised to their sum{_amb(rules, 'nko_missing_perspective')}")
    score.exact = weighted_mean(pairs)
    _finish(score, "nko", rules)
    return score


def nko_from_sasaran(sasaran: Sequence[SasaranScore], rules: RuleSet, *, period: Period, why: str | None = None) -> OrgScore:
    """NKO of a unit without a strategy map: its NSS consolidated."""
    score = OrgScore(period=period, strategy_map=False, method="sasaran")
    if why:
        score.notes.append(why)
    score.exact = _consolidate(sasaran, rules, score.notes)
    _finish(score, "nko", rules)
    return score


# --- CKP and NKP -------------------------------------------------------------------------------


def ckp_from_nko(nko: OrgScore, rules: RuleSet) -> CkpScore:
    """CKP of the head of a unit with a strategy map: its NKO, capped."""
    score = CkpScore(period=nko.period, method="nko")
    score.notes.append(f"CKP = NKO if the head served the whole year in the unit; not checked"
                       f"{_amb(rules, 'ckp_equals_nko')}")
    if nko.exact is None:
        score.notes.append("no NKO")
    else:
        score.exact = _cap_ckp(nko.exact, rules, score)
    _finish(score, "ckp", rules)
    return score


def ckp_from_variables(ikus: Sequence[IkuScore], rules: RuleSet, *, period: Period) -> CkpScore:
    """CKP without a strategy map: mean capaian of cascading and of non-cascading IKU, weighted 70/30."""
    assert rules.ckp is not None and rules.ckp.no_strategy_map is not None
    rule = rules.ckp.no_strategy_map
    score = CkpScore(period=period, method="variables")
    no_capaian = [i for i in ikus if i.exact is None]
    unknown = [i for i in ikus if i.cascading is None]
    if no_capaian:
        score.notes.append(f"no capaian for {_keys(no_capaian)}")
    if unknown:
        score.notes.append(f"cascading or not unknown for {_keys(unknown)}: give the cascading column"
                           f"{_amb(rules, 'cascading_detection')}")
    if no_capaian or unknown or not ikus:
        _finish(score, "ckp", rules)
        return score
    variables = [(rule.cascading, [i.exact for i in ikus if i.cascading and i.exact is not None]),
                 (rule.non_cascading, [i.exact for i in ikus if not i.cascading and i.exact is not None])]
    present = [(w, nv) for w, vals in variables if (nv := mean(vals)) is not None]
    score.notes.append(f"Nilai Variabel = mean capaian of its IKU{_amb(rules, 'ckp_variables')}")
    if len(present) < len(variables):
        score.notes.append(f"only one variable has IKU: CKP is its Nilai Variabel{_amb(rules, 'ckp_variables')}")
    value = weighted_mean(present)
    score.exact = None if value is None else _cap_ckp(value, rules, score)
    _finish(score, "ckp", rules)
    return score


def _cap_ckp(value: Decimal, rules: RuleSet, score: CkpScore) -> Decimal:
    cap = rules.ckp.cap if rules.ckp is not None else None
    if cap is not None and value > cap.max:
        score.capped = True
        score.notes.append(f"CKP capped at {cap.max:f}% from {quantize(value, rules.capaian.places)}%")
        return cap.max
    return value


def nkp_pegawai(ckp: Decimal, np: Decimal, jabatan: str, rules: RuleSet) -> NkpScore:
    """NKP = CKP x w_ckp / 100 + NP x w_np / 100 with the weights of the jabatan; CKP capped first.

    >>> from score.rules import load
    >>> nkp_pegawai(Decimal(110), Decimal(90), "Eselon IV", load("kep36_ag_2012")).value  # 82.5 + 22.5
    Decimal('105.00')
    """
    score = NkpScore(jabatan=jabatan, ckp=ckp, np=np)
    row = rules.nkp.for_jabatan(jabatan) if rules.nkp is not None else None
    if row is None:
        known = ", ".join(rules.nkp.weights) if rules.nkp is not None else "none"
        score.notes.append(f"no NKP weights for jabatan {jabatan!r} in {rules.short} (known: {known})")
        return score
    score.jabatan, weights = row
    score.weight_ckp, score.weight_np = weights.ckp, weights.np
    capped = ckp
    cap = rules.ckp.cap if rules.ckp is not None else None
    if cap is not None and ckp > cap.max:
        capped = cap.max
        score.notes.append(f"CKP capped at {cap.max:f}% before weighting")
    score.exact = (capped * weights.ckp + np * weights.np) / HUNDRED
    score.value = quantize(score.exact, rules.capaian.places)
    score.notes.append(f"NP taken on the same percent scale as CKP; NKP has no printed status"
                       f"{_amb(rules, 'nkp_np_scale')}")
    return score


# --- helpers -----------------------------------------------------------------------------------


def _finish(score: SasaranScore | PerspectiveScore | OrgScore | CkpScore, level: StatusLevel, rules: RuleSet) -> None:
    """Quantize the exact value and set the status by the rule set."""
    score.value = quantize(score.exact, rules.capaian.places)
    score.status, notes = grade(score.exact, level, rules)
    score.notes += notes


def _weights(rules: RuleSet) -> str:
    assert rules.perspectives is not None
    return "/".join(f"{w:f}" for w in rules.perspectives.weights.values())
