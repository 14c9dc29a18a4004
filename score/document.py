"""Score one PK against its realisasi by a rule set."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from audit.align import align
from core.problems import Location, Problem, Severity
from extract.models import DocType, Document, Indicator, Period
from normalize.text import collapse, fold_key
from normalize.values import Kind
from score.aggregate import (
    ckp_from_nko,
    ckp_from_variables,
    nko_from_perspectives,
    nko_from_sasaran,
    nkp_perspective,
    nss,
)
from score.capaian import ambiguity_note, cannot_exceed_reason, capaian, grade, numbers
from score.models import (
    CascadingOrigin,
    IkuScore,
    OrgScore,
    PolarityOrigin,
    SasaranScore,
    ScoreResult,
    WeightOrigin,
    quantize,
)
from score.polarity import polarity_of
from score.realisasi import RealisasiRow, indicator_keys
from score.rules import Basis, RuleSet, load

__all__ = ["score_document"]

_ORDER = list(Period)


def score_document(
    pk: Document,
    realisasi: Sequence[RealisasiRow],
    rules: RuleSet | str,
    *,
    dossier: str | None = None,
    skp: Document | None = None,
    strategy_map: bool | None = None,
    periods: Sequence[Period] | None = None,
) -> ScoreResult:
    """Capaian of every PK indicator in every period (Y, and every period the realisasi gives),
    consolidated by the rule set into NSS, NKp, NKO and CKP.

    ``skp`` lends its perspektif column to the PK's indicators, aligned as the audit aligns them
    (code, name, fuzzy name, position; a note says when not by code or name); a ``perspektif``
    in the realisasi file wins; realisasi rows whose ``doc_id`` names another document (or
    dossier) are left out;
    ``strategy_map`` says whether the unit has a Peta Strategi (None: assumed when every IKU has a
    perspective); ``periods`` restricts the periods scored.
    """
    rules = rules if isinstance(rules, RuleSet) else load(rules)
    result = ScoreResult(doc_id=pk.doc_id, dossier=dossier or pk.doc_id, rule_set=rules.name)
    if pk.doc_type is not DocType.PK:
        result.notes.append(f"document is a {pk.doc_type.value}, scored as a PK")
    keys = indicator_keys(pk.indicators)
    matched = _match(pk.indicators, keys, realisasi, result)
    wanted = set(periods) if periods is not None else {Period.Y} | {r.period for rows in matched for r in rows}
    result.periods = sorted(wanted, key=_ORDER.index)
    from_skp = _skp_perspektif(pk, skp)
    for period in result.periods:
        ikus = [
            _score_iku(ind, n, key, period, rows, rules, skp_label)
            for n, (ind, key, rows, skp_label) in enumerate(zip(pk.indicators, keys, matched, from_skp))
        ]
        result.ikus += ikus
        _consolidate(ikus, rules, result, period, strategy_map)
    result.notes += _silences(rules)
    return result


# --- matching realisasi rows to indicators -----------------------------------------------------


def _match(indicators: Sequence[Indicator], keys: list[str], rows: Sequence[RealisasiRow],
           result: ScoreResult) -> list[list[RealisasiRow]]:
    by_key = {fold_key(k): n for n, k in enumerate(keys)}
    names: dict[str, list[int]] = {}
    for n, ind in enumerate(indicators):
        names.setdefault(ind.name_key, []).append(n)
    out: list[list[RealisasiRow]] = [[] for _ in indicators]
    for row in rows:
        if row.doc_id and row.doc_id not in (result.doc_id, result.dossier):
            continue  # a row for another PK of the batch
        n = by_key.get(fold_key(row.indicator_code))
        for name in (row.indicator_name, row.indicator_code):
            if n is None and name and len(names.get(fold_key(name), [])) == 1:
                n = names[fold_key(name)][0]
        if n is None:
            result.issues.append(_issue("realisasi_unmatched", Severity.WARNING,
                                        f"realisasi for '{row.indicator_code}' fits no indicator of {result.doc_id}",
                                        row.location))
        elif any(r.period is row.period for r in out[n]):
            result.issues.append(_issue("realisasi_duplicate", Severity.ERROR,
                                        f"a second realisasi for {keys[n]} {row.period.value}; the first is used",
                                        row.location))
        else:
            out[n].append(row)
    return out


def _skp_perspektif(pk: Document, skp: Document | None) -> list[tuple[str, str] | None]:
    """The SKP's perspektif for each PK indicator, aligned as the audit aligns them, with the method."""
    out: list[tuple[str, str] | None] = [None] * len(pk.indicators)
    if skp is None:
        return out
    index = {id(ind): n for n, ind in enumerate(pk.indicators)}
    for pair in align(pk, skp):
        n = index.get(id(pair.ref))
        if n is not None and pair.other is not None and pair.other.perspektif:
            out[n] = (pair.other.perspektif, pair.method)
    return out


def _issue(check: str, severity: Severity, message: str, location: Location) -> Problem:
    return Problem(check=check, severity=severity, message=message, component="score", location=location)


# --- one indicator in one period ---------------------------------------------------------------


def _first(rows: Sequence[RealisasiRow], attr: str, period: Period) -> Any:
    """The row's own value for ``attr``, else the first given on another row of the indicator."""
    own = [r for r in rows if r.period is period] + [r for r in rows if r.period is not period]
    return next((getattr(r, attr) for r in own if getattr(r, attr) is not None), None)


def _score_iku(ind: Indicator, position: int, key: str, period: Period, rows: Sequence[RealisasiRow], rules: RuleSet,
               skp_label: tuple[str, str] | None) -> IkuScore:
    target_row = ind.target(period)
    target = target_row.value if target_row is not None else None
    row = next((r for r in rows if r.period is period), None)
    realisasi = row.realisasi if row is not None else None
    notes: list[str] = []

    given = _first(rows, "polaritas", period)
    polarity, origin, reason = polarity_of(ind.name, rules=rules, given=given, measurement=ind.pengukuran,
                                           target=target)
    if origin is PolarityOrigin.DEFAULT:
        notes.append(f"polaritas {polarity.value} from default" + (f" ({reason})" if reason else ""))
    elif origin is not PolarityOrigin.INPUT:
        notes.append(f"polaritas {polarity.value} from {origin.value} '{reason}'")

    flag = _first(rows, "cannot_exceed", period)
    cannot_exceed = bool(flag)
    if flag is None and (why := cannot_exceed_reason(target)) is not None:
        cannot_exceed = True
        notes.append(f"cannot exceed its target: {why}{ambiguity_note(rules, 'cannot_exceed_which')}")

    nums = numbers(target, realisasi)
    notes += nums.notes
    out = capaian(nums.target, nums.realisasi, polarity, rules, cannot_exceed=cannot_exceed,
                  low=nums.low, high=nums.high)
    notes += out.notes
    if (not cannot_exceed and rules.capaian.conversion is not None and target is not None
            and target.kind is Kind.PERCENT and nums.target == 100 and nums.realisasi == 100):
        notes.append(f"met a 100% target: if it cannot exceed 100%, mark cannot_exceed = ya and {rules.short} "
                     f"converts it to {rules.capaian.conversion.met_value:f}%{ambiguity_note(rules, 'cannot_exceed_which')}")
    status, status_notes = grade(out.exact, "iku", rules)
    notes += status_notes

    label = _first(rows, "perspektif", period) or ind.perspektif
    if label is None and skp_label is not None:
        label, method = skp_label
        if method not in ("code", "name"):
            notes.append(f"perspektif from the SKP, aligned by {method}")
    perspective = rules.perspective_of(label)
    if label and perspective is None and rules.perspective_labels is not None:
        notes.append(f"perspektif '{label}' is not one of {rules.short}'s{ambiguity_note(rules, 'perspective_mapping')}")

    weight, weight_origin = _weight(rows, period, rules, notes)
    cascading, cascading_origin = _cascading(ind, rows, period, rules)
    return IkuScore(
        key=key, position=position, indicator_code=ind.code, indicator_name=ind.name, sasaran_no=ind.sasaran_no, sasaran=ind.sasaran,
        perspektif=label, perspective=perspective, period=period, target=target, realisasi=realisasi,
        polaritas=polarity, polaritas_origin=origin, polaritas_reason=reason, cannot_exceed=cannot_exceed,
        value=quantize(out.exact, rules.capaian.places), exact=out.exact, capped=out.capped, converted=out.converted,
        status=status, weight=weight, weight_origin=weight_origin, cascading=cascading,
        cascading_origin=cascading_origin, notes=notes,
    )


def _weight(rows: Sequence[RealisasiRow], period: Period, rules: RuleSet,
            notes: list[str]) -> tuple[Decimal | None, WeightOrigin | None]:
    bobot = _first(rows, "bobot", period)
    if bobot is not None:
        return bobot, WeightOrigin.INPUT
    validitas, kendali = _first(rows, "validitas", period), _first(rows, "kendali", period)
    if validitas is None or kendali is None or rules.iku_weights is None:
        return None, None
    w = rules.iku_weights.weight(kendali, validitas)
    if w is None:
        notes.append(f"no weight in {rules.short}'s table for {kendali}/{validitas}"
                     f"{ambiguity_note(rules, 'weight_gaps')}")
        return None, None
    return w, WeightOrigin.TABLE


def _cascading(ind: Indicator, rows: Sequence[RealisasiRow], period: Period, rules: RuleSet) -> tuple[bool | None, CascadingOrigin | None]:
    given = _first(rows, "cascading", period)
    if given is not None:
        return bool(given), CascadingOrigin.INPUT
    if rules.cascading_codes is not None and ind.code and "-" in ind.code:
        suffix = ind.code.rsplit("-", 1)[1].strip().upper()
        if suffix in rules.cascading_codes.suffix:
            return rules.cascading_codes.suffix[suffix], CascadingOrigin.CODE
    return None, None


# --- consolidation per period ------------------------------------------------------------------


def _consolidate(ikus: list[IkuScore], rules: RuleSet, result: ScoreResult, period: Period,
                 strategy_map: bool | None) -> None:
    if rules.aggregation is None:
        result.nko.append(OrgScore(period=period, method="none", notes=[
            f"{rules.short} prints no consolidation: no NSS, NKp or NKO{ambiguity_note(rules, 'no_aggregation')}"]))
        return
    groups: dict[str, list[IkuScore]] = {}  # by sasaran number, else by the sasaran's folded text
    for iku in ikus:
        groups.setdefault(iku.sasaran_no or fold_key(iku.sasaran) or "-", []).append(iku)
    sasaran = [nss(g[0].sasaran_no or collapse(g[0].sasaran) or "-", g, rules, period=period, name=g[0].sasaran)
               for g in groups.values()]
    result.sasaran += sasaran

    without = [i for i in ikus if i.perspective is None]
    has_map = bool(strategy_map) if strategy_map is not None else (not without and rules.perspectives is not None)
    if has_map and rules.perspectives is not None:
        by_perspective: dict[str, list[SasaranScore]] = {}
        for s in sasaran:
            if s.perspective is not None:
                by_perspective.setdefault(s.perspective, []).append(s)
        perspectives = [nkp_perspective(k, by_perspective[k], rules, period=period)
                        for k in rules.perspectives.weights if k in by_perspective]
        result.perspectives += perspectives
        nko = nko_from_perspectives(perspectives, [s for s in sasaran if s.perspective is None], rules, period=period)
        if strategy_map is None:
            nko.notes.insert(0, f"strategy map assumed: every IKU has a perspective"
                                f"{ambiguity_note(rules, 'strategy_map_detection')}")
    else:
        if strategy_map is False:
            why = "no strategy map (as told): NKO from NSS"
        elif rules.perspectives is None:
            why = f"{rules.short} prints no perspectives: NKO from NSS"
        else:
            why = (f"no perspective for {len(without)} of {len(ikus)} IKU: scored as a unit without a strategy map, "
                   f"NKO from NSS{ambiguity_note(rules, 'strategy_map_detection')}")
        nko = nko_from_sasaran(sasaran, rules, period=period, why=why)
    result.nko.append(nko)
    if rules.ckp is not None:
        if nko.strategy_map:
            result.ckp.append(ckp_from_nko(nko, rules))
        elif rules.ckp.no_strategy_map is not None:
            result.ckp.append(ckp_from_variables(ikus, rules, period=period))


def _silences(rules: RuleSet) -> list[str]:
    """What the rule set's own regulation does not print, said once per document."""
    notes = []
    borrowed = {c.document for name in ("maximize", "minimize")
                for rule in [getattr(rules.capaian, name)] if rule.basis is Basis.OTHER_REGULATION
                for c in rule.cite if c.document}
    if borrowed:
        notes.append(f"{rules.short} prints no capaian formula: Rumus I and II of {', '.join(sorted(borrowed))}"
                     f"{ambiguity_note(rules, 'formula_source')}")
    if rules.capaian.cap is None:
        notes.append(f"{rules.short} prints no maximum capaian{ambiguity_note(rules, 'no_cap')}")
    if not rules.status:
        notes.append(f"{rules.short} prints no status colours{ambiguity_note(rules, 'no_status')}")
    return notes
