"""Words in the two languages of the outputs: Indonesian (the documents' own) and English.

A :class:`Text` holds one label or one message template in both languages. A template names
its parameters (``{doc}``); :meth:`Text.format` fills them in the language asked for, and a
parameter that is a term of a vocabulary (a document type, a period, a role) is translated
too. The owner of each vocabulary registers its names next to the type
(:func:`name_terms`), so every enumeration has exactly one place where its words live.

>>> from enum import StrEnum
>>> class Colour(StrEnum):
...     RED = "red"
>>> _ = name_terms(Colour, {Colour.RED: Text("merah", "red")})
>>> Text("Warna {c}", "Colour {c}").format("id", c=Colour.RED)
'Warna merah'
>>> term(Colour.RED, "en"), term(3, "id")
('red', '3')
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Literal, Protocol, TypeVar, runtime_checkable

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class Text:
    """One label or message template, in Indonesian (``id``) and English (``en``)."""

    id: str
    en: str

    def __post_init__(self) -> None:
        if self.fields("id") != self.fields("en"):
            raise ValueError(f"the two languages name different parameters: {self.id!r} / {self.en!r}")

    def __call__(self, lang: str) -> str:
        """The text in ``lang`` (``id`` or ``en``)."""
        if lang == "id":
            return self.id
        if lang == "en":
            return self.en
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")

    def fields(self, lang: str = "id") -> frozenset[str]:
        """The names of the parameters the template uses.

        >>> sorted(Text("{a} dan {b}", "{b} and {a}").fields())
        ['a', 'b']
        """
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self(lang)) if name)

    def format(self, lang: str, /, **params: object) -> str:
        """The template in ``lang`` with every parameter put in as :func:`term` words it."""
        return self(lang).format(**{k: term(v, lang) for k, v in params.items()})


@runtime_checkable
class Renders(Protocol):
    """A value that words itself (a structured message parameter)."""

    def render(self, lang: str) -> str: ...


_VOCABULARIES: dict[type, Mapping[object, Text]] = {}


def name_terms(kind: type[E], names: Mapping[E, Text]) -> Mapping[E, Text]:
    """Register the words of every member of the enumeration ``kind``; a member left out is an
    error at import time, so a new member cannot reach an output without its words."""
    missing = [m.value for m in kind if m not in names]  # type: ignore[attr-defined]
    if missing:
        raise ValueError(f"{kind.__name__}: no words for {', '.join(map(str, missing))}")
    frozen = MappingProxyType(dict(names))
    _VOCABULARIES[kind] = frozen
    return frozen


def vocabulary(kind: type[E]) -> Mapping[E, Text]:
    """The registered words of an enumeration (KeyError when it has none)."""
    return _VOCABULARIES[kind]  # type: ignore[return-value]


def labels_of(kind: type[E], lang: str) -> Mapping[str, str]:
    """An enumeration's words in one language, keyed by member value (for templates and tables)."""
    return MappingProxyType({m.value: t(lang) for m, t in vocabulary(kind).items()})  # type: ignore[attr-defined]


def term(value: object, lang: str) -> str:
    """A parameter in words: a vocabulary term translated, a structured value rendered, a list
    joined with ``; ``, anything else as ``str``."""
    if isinstance(value, Enum) and type(value) in _VOCABULARIES:
        return _VOCABULARIES[type(value)][value](lang)
    if isinstance(value, Renders):
        return value.render(lang)
    if isinstance(value, list | tuple):
        return "; ".join(term(v, lang) for v in value)
    return str(value)

