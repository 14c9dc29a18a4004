"""The output of the score stage: capaian per IKU and its consolidations (NSS, NKp, NKO, CKP, NKP).

Every number is a ``Decimal``: ``capaian`` / ``value`` quantized to the rule set's places
(ROUND_HALF_UP), ``exact`` unrounded (status is decided on it). Nothing unknown is invented: a
missing realisasi gives ``capaian=None`` and the note ``no realisasi`` (never 0), an unknown
weight leaves the consolidated value ``None`` and a note says what is missing.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from core.i18n import Text, name_terms
from core.problems import Problem
from extract.models import Period
from normalize.values import Value


class Polarity(StrEnum):
    MAXIMIZE = "maximize"
    MINIMIZE = "minimize"
    STABILIZE = "stabilize"


class PolarityOrigin(StrEnum):
    INPUT = "input"  # the realisasi file's polaritas column
    DOCUMENT = "document"  # a phrase in the PK's measurement column ("semakin kecil semakin baik")
    TARGET = "target"  # a comparator printed in the target (≤ minimize, ≥ maximize)
    KEYWORD = "keyword"  # a keyword in the indicator name ("ketimpangan")
    DEFAULT = "default"  # the rule set's default


class WeightOrigin(StrEnum):
    INPUT = "input"  # the realisasi file's bobot column
    TABLE = "table"  # the rule set's table of weights, by kendali and validitas


class CascadingOrigin(StrEnum):
    INPUT = "input"  # the realisasi file's cascading column
    CODE = "code"  # the suffix of the indicator's code (-CP, -N)


class Colour(StrEnum):
    HIJAU = "hijau"
    KUNING = "kuning"
    MERAH = "merah"


COLOUR_NAMES = name_terms(Colour, {
    Colour.HIJAU: Text("hijau", "green"),
    Colour.KUNING: Text("kuning", "amber"),
    Colour.MERAH: Text("merah", "red"),
})


def quantize(x: Decimal | None, places: int = 2) -> Decimal | None:
    """Round half up to ``places`` decimals (None stays None).

    >>> quantize(Decimal("79.995")), quantize(Decimal("110")), quantize(None)
    (Decimal('80.00'), Decimal('110.00'), None)
    """
    if x is None:
        return None
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


class _Scored(BaseModel):
    """A value (quantized), its exact form, its status and the notes that explain it."""

    period: Period
    value: Decimal | None = None
    exact: Decimal | None = None
    status: Colour | None = None
    notes: list[str] = Field(default_factory=list)

    @property
    def note(self) -> str | None:
        return "; ".join(self.notes) or None


class IkuScore(_Scored):
    """One indicator in one period: target against realisasi, by the rule set."""

    key: str  # the indicator code, or IKU-nn (its position in the PK) when it has none
    position: int = 0  # the indicator's index among the PK's indicators
    indicator_code: str | None = None
    indicator_name: str
    sasaran_no: str | None = None
    sasaran: str | None = None
    perspektif: str | None = None  # the printed label (SKP or realisasi file)
    perspective: str | None = None  # the rule set's perspective key
    target: Value | None = None
    realisasi: Value | None = None
    polaritas: Polarity = Polarity.MAXIMIZE
    polaritas_origin: PolarityOrigin = PolarityOrigin.DEFAULT
    polaritas_reason: str | None = None  # the keyword, phrase or comparator that decided it
    cannot_exceed: bool = False
    capped: bool = False
    converted: bool = False
    weight: Decimal | None = None  # percent, from the input or the rule set's table
    weight_origin: WeightOrigin | None = None
    cascading: bool | None = None
    cascading_origin: CascadingOrigin | None = None

    @property
    def capaian(self) -> Decimal | None:
        return self.value


class SasaranScore(_Scored):
    """NSS: the IKU of one sasaran strategis consolidated by their weights."""

    key: str
    name: str | None = None
    perspective: str | None = None
    iku_keys: list[str] = Field(default_factory=list)
    weight_sum: Decimal | None = None  # sum of the IKU weights used, percent


class PerspectiveScore(_Scored):
    """NKp: the NSS of one perspective consolidated; ``contribution`` = NKp x bobot perspektif."""

    key: str
    name: str | None = None
    weight: Decimal | None = None
    contribution: Decimal | None = None
    sasaran_keys: list[str] = Field(default_factory=list)


class OrgScore(_Scored):
    """NKO: the NKp (with a strategy map) or the NSS (without) consolidated."""

    strategy_map: bool = False
    method: Literal["perspectives", "sasaran", "none"] = "none"  # what the NKO consolidates


class CkpScore(_Scored):
    """CKP of the PK's first party: NKO with a strategy map, the two variables without one."""

    method: Literal["nko", "variables", "none"] = "none"  # the NKO (strategy map) or the two variables
    capped: bool = False


class NkpScore(BaseModel):
    """NKP = CKP x w_ckp + NP x w_np, weights by jabatan."""

    jabatan: str
    ckp: Decimal
    np: Decimal
    weight_ckp: Decimal | None = None
    weight_np: Decimal | None = None
    value: Decimal | None = None
    exact: Decimal | None = None
    status: Colour | None = None
    notes: list[str] = Field(default_factory=list)


class ScoreResult(BaseModel):
    """Everything the score stage says about one PK."""

    doc_id: str
    dossier: str
    rule_set: str
    periods: list[Period] = Field(default_factory=list)
    ikus: list[IkuScore] = Field(default_factory=list)
    sasaran: list[SasaranScore] = Field(default_factory=list)
    perspectives: list[PerspectiveScore] = Field(default_factory=list)
    nko: list[OrgScore] = Field(default_factory=list)
    ckp: list[CkpScore] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # about the whole document and rule set
    issues: list[Problem] = Field(default_factory=list)  # realisasi rows that fit no indicator, ...
