"""Capaian of one indicator by a rule set: pure ``Decimal`` arithmetic, notes instead of exceptions.

The formulas (Permendesa PDTT 22/2017, Lampiran BAB III A.2):

* Rumus I, higher is better: realisasi / target x 100%
* Rumus II, lower is better: (target - (realisasi - target)) / target x 100%
* ``band`` (project rule for stabilize): 100% inside the target, Rumus I against the lower bound
  below it, Rumus II against the upper bound above it.

>>> rumus_i(Decimal("13"), Decimal("13"))
Decimal('100')
>>> rumus_ii(Decimal("14.90"), Decimal("13.41"))   # (14.90 + 1.49) / 14.90 x 100
Decimal('110')

A rule set then caps (KEP-36: 120%), converts a met target that cannot be exceeded (KEP-36:
to 120%) and colours the result (KEP-36: hijau >= 100, kuning >= 80, merah below).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from normalize.values import Kind, Value
from score.models import Colour, Polarity, quantize
from score.rules import Basis, Citation, RuleSet, StatusLevel

__all__ = [
    "HUNDRED",
    "Numbers",
    "Outcome",
    "ambiguity_note",
    "band",
    "cannot_exceed_reason",
    "capaian",
    "grade",
    "numbers",
    "rumus_i",
    "rumus_ii",
    "status_of",
    "where",
]

HUNDRED = Decimal(100)


# --- the formulas ------------------------------------------------------------------------------


def rumus_i(target: Decimal, realisasi: Decimal) -> Decimal:
    """Rumus I: realisasi / target x 100 (``target`` must not be 0).

    >>> rumus_i(Decimal("100"), Decimal("80"))
    Decimal('80')
    >>> rumus_i(Decimal("88"), Decimal("105.6"))
    Decimal('120.0')
    """
    return realisasi * HUNDRED / target


def rumus_ii(target: Decimal, realisasi: Decimal) -> Decimal:
    """Rumus II: (target - (realisasi - target)) / target x 100 (``target`` must not be 0).

    >>> rumus_ii(Decimal("0.23"), Decimal("0.23"))
    Decimal('100')
    >>> rumus_ii(Decimal("10"), Decimal("12"))
    Decimal('80')
    """
    return (target - (realisasi - target)) * HUNDRED / target


def band(low: Decimal, high: Decimal, realisasi: Decimal) -> Decimal:
    """100 inside [low, high]; Rumus I against ``low`` below it; Rumus II against ``high`` above.

    >>> band(Decimal(2), Decimal(4), Decimal(3)), band(Decimal(2), Decimal(4), Decimal(1)), band(Decimal(2), Decimal(4), Decimal(5))
    (Decimal('100'), Decimal('50'), Decimal('75'))
    """
    if realisasi < low:
        return rumus_i(low, realisasi)
    if realisasi > high:
        return rumus_ii(high, realisasi)
    return HUNDRED


# --- status ------------------------------------------------------------------------------------


def status_of(x: Decimal | None, hijau_min: Decimal, kuning_min: Decimal) -> Colour | None:
    """hijau when x >= hijau_min, kuning when kuning_min <= x < hijau_min, merah below.

    >>> [status_of(Decimal(v), Decimal(100), Decimal(80)).value for v in ("100", "99.99", "80", "79.99")]
    ['hijau', 'kuning', 'kuning', 'merah']
    """
    if x is None:
        return None
    if x >= hijau_min:
        return Colour.HIJAU
    if x >= kuning_min:
        return Colour.KUNING
    return Colour.MERAH


def grade(exact: Decimal | None, level: StatusLevel, rules: RuleSet) -> tuple[Colour | None, list[str]]:
    """The status of a value at ``level`` by the rule set (None when it prints no thresholds),
    with notes: a blank 'Merah' header in the source, a printed value across a boundary."""
    rule = rules.status.get(level)
    if rule is None or exact is None:
        return None, []
    colour = status_of(exact, rule.hijau_min, rule.kuning_min)
    notes: list[str] = []
    shown = quantize(exact, rules.capaian.places)
    if status_of(shown, rule.hijau_min, rule.kuning_min) is not colour:
        notes.append(f"status {colour} from the exact value {exact.normalize():f}, which prints as {shown}"
                     f"{ambiguity_note(rules, 'status_rounding')}")
    if colour is Colour.MERAH and not rule.merah_header_printed:
        notes.append(f"merah: the third column of the source's status table has a blank header"
                     f"{ambiguity_note(rules, 'status_merah_header')}")
    return colour, notes


# --- reading target and realisasi as numbers ----------------------------------------------------


@dataclass(frozen=True)
class Numbers:
    """The numbers to compare: a point target or a range (low, high), and the realisasi."""

    target: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    realisasi: Decimal | None = None
    notes: tuple[str, ...] = ()


def numbers(target: Value | None, realisasi: Value | None) -> Numbers:
    """Target and realisasi as comparable numbers, in the same reading.

    A target printed with two readings (``100 (4 skala 5)``) is compared on its scale when the
    realisasi is printed on the same scale; a label-only realisasi (``WTP``) takes the target's
    number for that label (``4 (WTP)``).

    >>> from normalize.values import parse_value as p
    >>> n = numbers(p("100 (4 skala 5)"), p("3,8 (skala 5)")); (n.target, n.realisasi)
    (Decimal('4'), Decimal('3.8'))
    >>> n = numbers(p("4 (WTP)"), p("WTP")); (n.target, n.realisasi)
    (Decimal('4'), Decimal('4'))
    >>> numbers(p("88,31-100,00"), p("90")).low
    Decimal('88.31')
    """
    notes: list[str] = []
    t = low = high = None
    if target is not None and not target.is_empty:
        if target.value is not None:
            t = target.value
        elif target.low is not None:
            low, high = target.low, target.high
        else:
            notes.append(f"target '{target.raw}' is not a number")
    r = None
    if realisasi is not None and not realisasi.is_empty:
        if realisasi.value is not None:
            r = realisasi.value
            t, r, scale_notes = _same_reading(target, t, realisasi)
            notes += scale_notes
        elif realisasi.label and target is not None and target.label == realisasi.label and target.value is not None:
            r = target.value
            notes.append(f"realisasi '{realisasi.raw}' read as {r}, the target's number for {realisasi.label}")
        else:
            notes.append(f"realisasi '{realisasi.raw}' is not a number")
    for what, v in (("target", target), ("realisasi", realisasi)):
        for issue in v.issues if v is not None else ():
            notes.append(f"{what}: {issue.message}")
    return Numbers(target=t, low=low, high=high, realisasi=r, notes=tuple(notes))


def _same_reading(target: Value | None, t: Decimal | None, realisasi: Value) -> tuple[Decimal | None, Decimal | None, list[str]]:
    r = realisasi.value
    if target is None or target.scale is None or t is None:
        return t, r, []
    two_readings = target.scale_value is not None and target.scale_value != target.value
    if realisasi.scale is not None:
        if realisasi.scale != target.scale:
            return t, None, [f"realisasi '{realisasi.raw}' is on another scale than the target '{target.raw}'"]
        if two_readings:
            return target.scale_value, realisasi.scale_value, [
                f"compared on the scale of {target.scale:f}: {realisasi.scale_value:f} against {target.scale_value:f}"]
        return t, r, []
    if two_readings and r is not None and r <= target.scale:
        note = (f"realisasi {r:f} read against {t:f}; if it is on the target's scale of {target.scale:f} "
                f"(target {target.scale_value:f}) write it as '{r:f} (skala {target.scale:f})'")
        return t, r, [note]
    return t, r, []


def cannot_exceed_reason(target: Value | None) -> str | None:
    """Why a target cannot be exceeded by its nature, or None.

    >>> from normalize.values import parse_value as p
    >>> cannot_exceed_reason(p("5 (skala 5)")), cannot_exceed_reason(p("4 (skala 5)"))
    ('the target is the top of its scale (5 of 5)', None)
    >>> cannot_exceed_reason(p("4 (WTP)"))
    'WTP is the best audit opinion'
    """
    if target is None:
        return None
    if target.scale is not None and target.scale_value is not None and target.scale_value == target.scale:
        return f"the target is the top of its scale ({target.scale_value:f} of {target.scale:f})"
    if target.kind is Kind.OPINION and target.label == "WTP":
        return "WTP is the best audit opinion"
    return None


# --- capaian by a rule set ----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    exact: Decimal | None
    capped: bool = False
    converted: bool = False
    notes: tuple[str, ...] = ()


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polarity: Polarity,
    rules: RuleSet,
    *,
    cannot_exceed: bool = False,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Outcome:
    """Capaian (percent, exact) of one indicator by the rule set, or None with a note saying why.

    >>> from score.rules import load
    >>> kep = load("kep36_ag_2012")
    >>> capaian(Decimal(100), Decimal(135), Polarity.MAXIMIZE, kep).exact
    Decimal('120')
    >>> capaian(Decimal(100), None, Polarity.MAXIMIZE, kep).notes
    ('no realisasi',)
    >>> o = capaian(Decimal(0), Decimal(3), Polarity.MAXIMIZE, kep); o.exact, o.notes[0][:13]
    (None, 'target is 0: ')
    """
    rule = getattr(rules.capaian, polarity.value)
    notes: list[str] = []
    if rule.basis is Basis.PROJECT:
        notes.append(f"{polarity} by project rule '{rule.formula}', not printed in {rules.short}"
                     f"{ambiguity_note(rules, f'{polarity.value}_formula')}")
    if realisasi is None:
        return Outcome(None, notes=(*notes, "no realisasi"))
    if rule.formula == "band":
        lo, hi = (low, high) if low is not None else (target, target)
    else:
        lo = hi = target
        if target is None and low is not None:
            why = f"target is a range ({low:f}-{high:f}): {rule.formula} needs one number; give polaritas 'stabil'"
            return Outcome(None, notes=(*notes, why))
    if lo is None or hi is None:
        return Outcome(None, notes=(*notes, "no target"))

    met = _met(polarity, lo, hi, realisasi)
    conv = rules.capaian.conversion
    if cannot_exceed:
        if conv is None:
            notes.append(f"cannot exceed its target, but {rules.short} prints no met-target conversion")
        elif met or conv.convert_when_not_met:
            notes.append(f"converted to {conv.met_value:f}%: cannot exceed its target and met it"
                         f"{where(rules, conv.cite[1:2] or conv.cite[:1])}")
            if not (lo <= realisasi <= hi):
                notes.append(f"realisasi {realisasi:f} is beyond a target said to be unexceedable; treated as met"
                             f"{ambiguity_note(rules, 'met_means_equal')}")
            return _cap(conv.met_value, rules, notes, converted=True)
        else:
            notes.append(f"not converted: cannot exceed its target but did not meet it{where(rules, conv.cite[-1:])}")

    if rule.formula == "band" and lo <= realisasi <= hi:
        return _cap(HUNDRED, rules, notes)
    divisor = hi if (rule.formula == "rumus_ii" or (rule.formula == "band" and realisasi > hi)) else lo
    if divisor <= 0:
        what = "0" if divisor == 0 else f"negative ({divisor:f})"
        why = (f"target is {what}: the formula divides by the target, capaian not computed"
               f"{ambiguity_note(rules, 'zero_or_negative_target')}")
        return Outcome(None, notes=(*notes, why))
    raw = _FORMULAS[rule.formula](lo, hi, realisasi)
    if raw < 0:
        notes.append(f"negative capaian {quantize(raw, rules.capaian.places)}%: no floor is printed"
                     f"{ambiguity_note(rules, 'negative_capaian')}")
    return _cap(raw, rules, notes)


_FORMULAS = {
    "rumus_i": lambda lo, hi, r: rumus_i(lo, r),
    "rumus_ii": lambda lo, hi, r: rumus_ii(hi, r),
    "band": band,
}


def _met(polarity: Polarity, low: Decimal, high: Decimal, realisasi: Decimal) -> bool:
    if polarity is Polarity.MAXIMIZE:
        return realisasi >= low
    if polarity is Polarity.MINIMIZE:
        return realisasi <= high
    return low <= realisasi <= high


def _cap(value: Decimal, rules: RuleSet, notes: list[str], *, converted: bool = False) -> Outcome:
    cap = rules.capaian.cap
    if cap is not None and value > cap.max:
        notes.append(f"capped at {cap.max:f}% from {quantize(value, rules.capaian.places)}%{where(rules, cap.cite[:1])}")
        return Outcome(cap.max, capped=True, converted=converted, notes=tuple(notes))
    return Outcome(value, converted=converted, notes=tuple(notes))


def where(rules: RuleSet, cites: tuple[Citation, ...]) -> str:
    """`` (<rule set> <section>)`` for the first citation, or nothing."""
    return f" ({cites[0].document or rules.short} {cites[0].section})" if cites else ""


def ambiguity_note(rules: RuleSet, id: str) -> str:
    """`` (ambiguity <id>)`` when the rule set declares it, else nothing."""
    return f" (ambiguity {id})" if rules.ambiguity(id) is not None else ""
