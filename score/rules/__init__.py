"""Rule sets are data: one TOML file per regulation in this folder, validated on load.

>>> "kep36_ag_2012" in available() and "permendesa_22_2017" in available()
True
>>> rs = load("kep36_ag_2012")
>>> rs.capaian.cap.max, rs.status["iku"].hijau_min, rs.iku_weights.weight("M", "E")
(Decimal('120'), Decimal('100'), Decimal('17'))
>>> rs.iku_weights.weight("H", "E") is None   # blank in the regulation's table
True
>>> load("permendesa_22_2017").capaian.cap is None
True

Adding a rule set needs only a new ``<name>.toml`` here. Numbers are read as exact ``Decimal``
(``tomllib`` with ``parse_float=Decimal``). Each rule says where it comes from (``basis``):
``regulation`` (cited from the rule set's own document), ``other_regulation`` (cited, with the
document named) or ``project`` (a choice of this project, with ``why``); silences and ambiguous
passages are listed as ``[[ambiguity]]`` and named by id where they are applied.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from normalize.text import fold_key

__all__ = [
    "Ambiguity", "Basis", "Citation", "RuleSet", "RuleSetError", "available", "load", "load_text",
]

Formula = Literal["rumus_i", "rumus_ii", "band"]
HUNDRED = Decimal(100)


class RuleSetError(ValueError):
    """A rule file that is missing, unreadable or invalid."""


class Basis(StrEnum):
    REGULATION = "regulation"
    OTHER_REGULATION = "other_regulation"
    PROJECT = "project"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Citation(_Frozen):
    """Where a number or rule is printed: document, section, line of the seed rendering, quote."""

    document: str | None = None  # None: the rule set's own document
    seed: str | None = None  # rendering the line refers to; None: the rule set's seed
    section: str
    line: int | None = None
    quote: str


class Sourced(_Frozen):
    """A rule with its provenance."""

    basis: Basis
    cite: tuple[Citation, ...] = ()
    why: str | None = None
    ambiguity: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _provenance(self) -> Sourced:
        if self.basis is Basis.REGULATION and not self.cite:
            raise ValueError("basis 'regulation' needs at least one cite")
        if self.basis is Basis.OTHER_REGULATION and not any(c.document for c in self.cite):
            raise ValueError("basis 'other_regulation' needs a cite naming its document")
        if self.basis is Basis.PROJECT and not self.why:
            raise ValueError("basis 'project' needs a 'why'")
        return self


class FormulaRule(Sourced):
    formula: Formula


class CapRule(Sourced):
    max: Decimal = Field(gt=0)


class ConversionRule(Sourced):
    met_value: Decimal = Field(gt=0)
    convert_when_not_met: bool = False


class CapaianRules(Sourced):
    places: int = Field(default=2, ge=0, le=6)
    maximize: FormulaRule
    minimize: FormulaRule
    stabilize: FormulaRule
    cap: CapRule | None = None
    conversion: ConversionRule | None = None


class StatusRule(Sourced):
    """hijau when x >= hijau_min; kuning when kuning_min <= x < hijau_min; merah below."""

    hijau_min: Decimal
    kuning_min: Decimal
    merah_header_printed: bool = True

    @model_validator(mode="after")
    def _ordered(self) -> StatusRule:
        if not self.kuning_min < self.hijau_min:
            raise ValueError("kuning_min must be below hijau_min")
        return self


StatusLevel = Literal["iku", "sasaran", "perspektif", "nko", "ckp"]


class IkuWeightTable(Sourced):
    """Weight (percent) by controllability (rows) and validity (columns); blank cells absent."""

    validity: tuple[str, ...]
    controllability: tuple[str, ...]
    table: dict[str, dict[str, Decimal]]

    @model_validator(mode="after")
    def _cells(self) -> IkuWeightTable:
        for row, cells in self.table.items():
            if row not in self.controllability:
                raise ValueError(f"weight row {row!r} is not a controllability level {self.controllability}")
            for col, w in cells.items():
                if col not in self.validity:
                    raise ValueError(f"weight column {col!r} is not a validity level {self.validity}")
                if not 0 < w <= HUNDRED:
                    raise ValueError(f"weight {row}/{col} = {w} is not a percentage in (0, 100]")
        return self

    def weight(self, kendali: str, validitas: str) -> Decimal | None:
        """The table's weight for a controllability and a validity letter, or None when blank."""
        return self.table.get(kendali.strip().upper(), {}).get(validitas.strip().upper())


class Perspectives(Sourced):
    weights: dict[str, Decimal]
    names: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _sum(self) -> Perspectives:
        if sum(self.weights.values()) != HUNDRED:
            raise ValueError(f"perspective weights sum to {sum(self.weights.values())}, not 100")
        return self


class PerspectiveLabels(Sourced):
    map: dict[str, str]


class Aggregation(Sourced):
    nss: Literal["weighted_mean"] = "weighted_mean"
    sasaran_weights: Literal["iku_weight_sum", "equal"] = "iku_weight_sum"


class NoStrategyMap(Sourced):
    cascading: Decimal = Field(gt=0)
    non_cascading: Decimal = Field(gt=0)
    within_variable: Literal["mean"] = "mean"

    @model_validator(mode="after")
    def _sum(self) -> NoStrategyMap:
        if self.cascading + self.non_cascading != HUNDRED:
            raise ValueError("cascading + non_cascading weights must sum to 100")
        return self


class CkpRules(Sourced):
    cap: CapRule | None = None
    no_strategy_map: NoStrategyMap | None = None


class CascadingCodes(Sourced):
    suffix: dict[str, bool]


class NkpWeight(_Frozen):
    ckp: Decimal = Field(ge=0)
    np: Decimal = Field(ge=0)


class NkpRules(Sourced):
    weights: dict[str, NkpWeight]

    @model_validator(mode="after")
    def _sum(self) -> NkpRules:
        for jabatan, w in self.weights.items():
            if w.ckp + w.np != HUNDRED:
                raise ValueError(f"NKP weights of {jabatan!r} sum to {w.ckp + w.np}, not 100")
        return self

    def for_jabatan(self, jabatan: str) -> tuple[str, NkpWeight] | None:
        """The table row for a jabatan, matched case- and space-insensitively.

        >>> load("kep36_ag_2012").nkp.for_jabatan("eselon  iv")[1].ckp
        Decimal('75')
        """
        key = fold_key(jabatan)
        return next(((j, w) for j, w in self.weights.items() if fold_key(j) == key), None)


class Phrases(Sourced):
    maximize: tuple[str, ...] = ()
    minimize: tuple[str, ...] = ()
    stabilize: tuple[str, ...] = ()


class Keywords(Sourced):
    minimize: tuple[str, ...] = ()
    maximize_override: tuple[str, ...] = ()


class PolarityRules(Sourced):
    default: Literal["maximize", "minimize", "stabilize"] = "maximize"
    phrases: Phrases | None = None
    keywords: Keywords | None = None


class Ambiguity(_Frozen):
    id: str
    about: str
    says: str
    handling: str


class RuleSet(_Frozen):
    """One regulation's scoring rules, as data."""

    schema_: int = Field(alias="schema")
    name: str
    short: str
    document: str
    issued: dt.date | None = None
    seed: str | None = None
    capaian: CapaianRules
    status: dict[StatusLevel, StatusRule] = Field(default_factory=dict)
    iku_weights: IkuWeightTable | None = None
    perspectives: Perspectives | None = None
    perspective_labels: PerspectiveLabels | None = None
    aggregation: Aggregation | None = None
    ckp: CkpRules | None = None
    cascading_codes: CascadingCodes | None = None
    nkp: NkpRules | None = None
    polarity: PolarityRules
    ambiguities: tuple[Ambiguity, ...] = Field(default=(), alias="ambiguity")

    @model_validator(mode="after")
    def _consistent(self) -> RuleSet:
        if self.schema_ != 1:
            raise ValueError(f"unknown rule-set schema {self.schema_}")
        known = {a.id for a in self.ambiguities}
        if len(known) != len(self.ambiguities):
            raise ValueError("ambiguity ids must be unique")
        for where, rule in self.sourced():
            missing = set(rule.ambiguity) - known
            if missing:
                raise ValueError(f"{where} names undeclared ambiguities {sorted(missing)}")
        if self.perspective_labels is not None:
            if self.perspectives is None:
                raise ValueError("perspective_labels without perspectives")
            unknown = set(self.perspective_labels.map.values()) - set(self.perspectives.weights)
            if unknown:
                raise ValueError(f"perspective_labels map to unknown perspectives {sorted(unknown)}")
        if self.aggregation is not None and self.aggregation.sasaran_weights == "iku_weight_sum" and self.iku_weights is None:
            raise ValueError("sasaran_weights 'iku_weight_sum' needs an iku_weights table")
        return self

    def sourced(self) -> list[tuple[str, Sourced]]:
        """Every rule with its provenance, named by its path in the file."""
        out: list[tuple[str, Sourced]] = [("capaian", self.capaian), ("polarity", self.polarity)]
        c = self.capaian
        out += [(f"capaian.{k}", r) for k, r in (("maximize", c.maximize), ("minimize", c.minimize),
                                                  ("stabilize", c.stabilize), ("cap", c.cap),
                                                  ("conversion", c.conversion)) if r is not None]
        out += [(f"status.{k}", r) for k, r in self.status.items()]
        for key in ("iku_weights", "perspectives", "perspective_labels", "aggregation", "ckp",
                    "cascading_codes", "nkp"):
            rule = getattr(self, key)
            if rule is not None:
                out.append((key, rule))
        if self.ckp is not None:
            out += [(f"ckp.{k}", r) for k, r in (("cap", self.ckp.cap), ("no_strategy_map", self.ckp.no_strategy_map))
                    if r is not None]
        out += [(f"polarity.{k}", r) for k, r in (("phrases", self.polarity.phrases),
                                                   ("keywords", self.polarity.keywords)) if r is not None]
        return out

    def citations(self) -> list[tuple[str, Citation]]:
        """Every citation with the rule it supports, its document and seed filled in."""
        out = []
        for where, rule in self.sourced():
            for c in rule.cite:
                out.append((where, c.model_copy(update={
                    "document": c.document or self.short, "seed": c.seed or (None if c.document else self.seed),
                })))
        return out

    def ambiguity(self, id: str) -> Ambiguity | None:
        return next((a for a in self.ambiguities if a.id == id), None)

    def perspective_of(self, label: str | None) -> str | None:
        """The perspective key for a printed label (SKP perspektif column or English name).

        >>> load("kep36_ag_2012").perspective_of("Penguatan Internal atau Anggaran")
        'learning_growth'
        """
        if not label or self.perspective_labels is None:
            return None
        key = fold_key(label)
        for printed, perspective in self.perspective_labels.map.items():
            if fold_key(printed) == key:
                return perspective
        if self.perspectives is not None and key in {fold_key(p) for p in self.perspectives.weights}:
            return next(p for p in self.perspectives.weights if fold_key(p) == key)
        return None


_FOLDER = "score.rules"


def toml_names(folder: str) -> list[str]:
    """Names of the rule sets in a package folder (one per ``*.toml``), sorted."""
    return sorted(p.name[:-5] for p in resources.files(folder).iterdir() if p.name.endswith(".toml"))


def read_toml(name: str | Path) -> tuple[str, str] | None:
    """The text and origin of a rule set given as the path of a ``.toml`` file (a user's own), or
    None when ``name`` names one in ``folder`` (see :func:`read_named`)."""
    if not (isinstance(name, Path) or str(name).endswith(".toml")):
        return None
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise RuleSetError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def read_named(name: str, folder: str, what: str = "rule set") -> str:
    """The text of the rule set ``<name>.toml`` in a package folder."""
    names = toml_names(folder)
    if name not in names:
        raise RuleSetError(f"unknown {what} {name!r}; available: {', '.join(names)}")
    return resources.files(folder).joinpath(f"{name}.toml").read_text(encoding="utf-8")


def available() -> list[str]:
    """Names of the rule sets in this folder (one per ``*.toml``), sorted."""
    return toml_names(_FOLDER)


def load(name: str | Path) -> RuleSet:
    """Load and validate a rule set: ``name`` of a file ``<name>.toml`` in this folder, or the path
    of a ``.toml`` file elsewhere (a user's own rule set)."""
    if (found := read_toml(name)) is not None:
        return load_text(found[0], origin=found[1])
    return _load_named(str(name))


@cache
def _load_named(name: str) -> RuleSet:
    rules = load_text(read_named(name, _FOLDER), origin=f"{name}.toml")
    if rules.name != name:
        raise RuleSetError(f"{name}.toml declares name {rules.name!r}")
    return rules


def load_text(text: str, *, origin: str = "<text>") -> RuleSet:
    """Parse and validate a rule set from TOML text."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{origin}: not valid TOML: {exc}") from exc
    try:
        return RuleSet.model_validate(data)
    except ValueError as exc:
        raise RuleSetError(f"{origin}: {exc}") from exc
