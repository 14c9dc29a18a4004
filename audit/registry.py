"""The registry of audit checks, in the manner of camelot's ``PARSERS``.

Every kind of finding is a :class:`Check`: a stable id, the family its pass/fail tally counts
in, its usual severity, a title and a message template in both languages, and the typed
parameters the template names. The functions that look at the documents are registered with
:func:`runs` and declare the checks they report; :func:`audit.audit_documents` calls them in
registration order. The README's table of checks, the report's words for them and the
consistency families all come from here, so a new check is one declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

from pydantic import TypeAdapter

from core.i18n import Text, name_terms
from core.problems import Severity


class Family(StrEnum):
    """What a group of checks is about; the consistency score is tallied per family."""

    KELENGKAPAN = "kelengkapan"
    NAMA = "nama"
    TARGET = "target"
    TRAJECTORY = "trajectory"
    CAPAIAN = "capaian"
    REALISASI = "realisasi"
    ANGGARAN = "anggaran"
    PENANDATANGAN = "penandatangan"
    NIP = "nip"
    TAHUN = "tahun"
    CASCADING = "cascading"
    SKP = "skp"
    BERKAS = "berkas"


FAMILY_NAMES = name_terms(Family, {
    Family.KELENGKAPAN: Text("Kelengkapan indikator", "Indicator completeness"),
    Family.NAMA: Text("Nama indikator dan sasaran", "Indicator and objective names"),
    Family.TARGET: Text("Target", "Targets"),
    Family.TRAJECTORY: Text("Lintasan target", "Target trajectory"),
    Family.CAPAIAN: Text("Capaian tercetak", "Printed capaian"),
    Family.REALISASI: Text("Realisasi anggaran", "Realised spending"),
    Family.ANGGARAN: Text("Anggaran", "Budget"),
    Family.PENANDATANGAN: Text("Penanda tangan", "Signatories"),
    Family.NIP: Text("NIP", "NIP"),
    Family.TAHUN: Text("Tahun", "Year"),
    Family.CASCADING: Text("Cascading", "Cascading"),
    Family.SKP: Text("Nilai SKP", "SKP scores"),
    Family.BERKAS: Text("Berkas kinerja", "Dossiers"),
})


@dataclass(frozen=True)
class Check:
    """One kind of finding.

    ``params`` names the parameters of ``message`` and their types: a value given to a finding
    is validated against its type when the message is rendered, and a vocabulary term (a
    :class:`~extract.models.DocType`, a :class:`~extract.models.Period`) is put in the
    language of the run. ``compares`` says in English what the check compares (the README).
    """

    id: str
    family: Family
    severity: Severity
    title: Text
    message: Text
    params: Mapping[str, Any]
    compares: str
    variants: Mapping[str, Text] = field(default_factory=dict)  # other wordings, each naming some of the params
    scored: bool = True  # counted in the consistency score (informational checks are not)
    _adapters: Mapping[str, TypeAdapter] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        used = self.message.fields().union(*(v.fields() for v in self.variants.values()))
        if used != set(self.params):
            raise ValueError(f"{self.id}: the messages name {sorted(used)}, the check declares {sorted(self.params)}")
        object.__setattr__(self, "_adapters", MappingProxyType({k: TypeAdapter(t) for k, t in self.params.items()}))

    def check_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters as the finding stores them (JSON values), after checking each against
        its declared type; a missing or unexpected parameter is an error in the check's code."""
        if set(params) != set(self.params):
            raise ValueError(f"{self.id}: parameters {sorted(params)} given, {sorted(self.params)} declared")
        return {k: self._adapters[k].dump_python(self._adapters[k].validate_python(v), mode="json")
                for k, v in params.items()}

    def render(self, params: Mapping[str, Any], lang: str, variant: str | None = None) -> str:
        """The message (or the named variant) in ``lang`` with the finding's parameters."""
        typed = {}
        for k, adapter in self._adapters.items():
            try:
                typed[k] = adapter.validate_python(params[k])
            except (KeyError, ValueError):
                typed[k] = params.get(k, "?")  # a finding written by another version: show what it has
        template = self.variants.get(variant, self.message) if variant else self.message
        return template.format(lang, **typed)


#: Every check, by id, in registration order.
CHECKS: dict[str, Check] = {}

Scope = Literal["dossier", "batch"]


@dataclass(frozen=True)
class Runner:
    """A function that looks at documents and reports the checks it declares. ``dossier``
    runners see one dossier; ``batch`` runners see every dossier at once (cascading)."""

    name: str
    scope: Scope
    checks: tuple[str, ...]
    fn: Callable[..., None]


RUNNERS: list[Runner] = []


def declare(*checks: Check) -> tuple[str, ...]:
    """Add checks to the registry (ids are unique) and return their ids."""
    for c in checks:
        if c.id in CHECKS:
            raise ValueError(f"check {c.id!r} is declared twice")
        CHECKS[c.id] = c
    return tuple(c.id for c in checks)


def runs(*checks: Check, scope: Scope = "dossier") -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register the decorated function as the runner that reports ``checks``."""
    ids = declare(*checks)

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        RUNNERS.append(Runner(fn.__name__, scope, ids, fn))
        return fn

    return register


def runners(scope: Scope) -> Iterator[Runner]:
    return (r for r in RUNNERS if r.scope == scope)


def families() -> Mapping[str, Family]:
    """The family of every check, by id."""
    return {c.id: c.family for c in CHECKS.values()}


def markdown_table(lang: str = "en") -> str:
    """The README's table of checks: id, severity, family and what it compares.

    Checks that report the same comparison from two sides share a row (``a`` / ``b``)."""
    rows: list[list[Check]] = []
    for c in CHECKS.values():
        if rows and rows[-1][0].compares == c.compares:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = ["| check | severity | family | what it compares |", "| --- | --- | --- | --- |"]
    for group in rows:
        ids = " / ".join(f"`{c.id}`" for c in group)
        severities = " / ".join(dict.fromkeys(c.severity.value for c in group))
        lines.append(f"| {ids} | {severities} | {FAMILY_NAMES[group[0].family](lang)} | {group[0].compares} |")
    return "\n".join(lines)
