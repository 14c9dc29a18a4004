"""Which way an indicator is good: maximize, minimize or stabilize, and where that came from.

Order: the realisasi file (input), a phrase in the PK's measurement text (document), a
comparator printed in the target (target), a keyword in the name (keyword), the rule set's
default.

>>> from score.rules import load
>>> rs = load("kep36_ag_2012")
>>> polarity_of("Indeks ketimpangan antarwilayah", rules=rs)[:2]
(<Polarity.MINIMIZE: 'minimize'>, <PolarityOrigin.KEYWORD: 'keyword'>)
>>> polarity_of("Persentase penyelesaian tindak lanjut rekomendasi temuan", rules=rs)[:2]
(<Polarity.MAXIMIZE: 'maximize'>, <PolarityOrigin.DEFAULT: 'default'>)
>>> polarity_of("Persentase pengentasan penduduk miskin", rules=rs)
(<Polarity.MAXIMIZE: 'maximize'>, <PolarityOrigin.DEFAULT: 'default'>, "'miskin' overridden by 'pengentasan'")
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex as re

from normalize.text import clean_text
from normalize.values import Value
from score.models import Polarity, PolarityOrigin
from score.rules import RuleSet

__all__ = ["fold_words", "has_phrase", "polarity_of"]


@lru_cache(maxsize=8192)  # the same phrases are folded for every indicator of every PK
def fold_words(text: str | None) -> str:
    """Case, accents and punctuation folded to single spaces, words kept apart.

    >>> fold_words("  Indeks  Ketimpangan, antar-wilayah ")
    'indeks ketimpangan antar wilayah'
    """
    text = unicodedata.normalize("NFKD", clean_text(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.split(r"[\W_]+", text.casefold())).strip()


def has_phrase(text: str, phrases: Iterable[str]) -> str | None:
    """The first phrase found as whole words in ``text`` (both folded), or None.

    >>> has_phrase("Persentase penduduk miskin di Daerah Tertinggal", ["miskin"])
    'miskin'
    >>> has_phrase("Prevalensi penyakit ginjal", ["gini"]) is None
    True
    """
    folded = f" {fold_words(text)} "
    for phrase in phrases:
        if f" {fold_words(phrase)} " in folded:
            return phrase
    return None


def polarity_of(
    name: str,
    *,
    rules: RuleSet,
    given: Polarity | None = None,
    measurement: str | None = None,
    target: Value | None = None,
) -> tuple[Polarity, PolarityOrigin, str | None]:
    """The polarity of an indicator, its origin and what decided it (phrase, keyword, comparator).

    >>> from normalize.values import parse_value
    >>> from score.rules import load
    >>> polarity_of("Tingkat inflasi", rules=load("kep36_ag_2012"), target=parse_value("≤ 3,5%"))
    (<Polarity.MINIMIZE: 'minimize'>, <PolarityOrigin.TARGET: 'target'>, '≤')
    """
    if given is not None:
        return given, PolarityOrigin.INPUT, None
    rule = rules.polarity
    if measurement and rule.phrases is not None:
        for polarity, phrases in ((Polarity.MINIMIZE, rule.phrases.minimize),
                                  (Polarity.STABILIZE, rule.phrases.stabilize),
                                  (Polarity.MAXIMIZE, rule.phrases.maximize)):
            if (hit := has_phrase(measurement, phrases)) is not None:
                return polarity, PolarityOrigin.DOCUMENT, hit
    if target is not None and target.comparator in ("≤", "<"):
        return Polarity.MINIMIZE, PolarityOrigin.TARGET, target.comparator
    if target is not None and target.comparator in ("≥", ">"):
        return Polarity.MAXIMIZE, PolarityOrigin.TARGET, target.comparator
    if rule.keywords is not None and (hit := has_phrase(name, rule.keywords.minimize)) is not None:
        if (override := has_phrase(name, rule.keywords.maximize_override)) is None:
            return Polarity.MINIMIZE, PolarityOrigin.KEYWORD, hit
        return Polarity(rule.default), PolarityOrigin.DEFAULT, f"'{hit}' overridden by '{override}'"
    return Polarity(rule.default), PolarityOrigin.DEFAULT, None
