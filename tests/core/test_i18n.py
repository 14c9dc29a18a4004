"""Texts in two languages, and the vocabularies their owners register."""

from __future__ import annotations

from enum import StrEnum

import pytest

from core.i18n import Text, labels_of, name_terms, term
from extract.models import DocType, Period, Role


def test_a_text_whose_languages_name_different_parameters_is_refused() -> None:
    with pytest.raises(ValueError, match="different parameters"):
        Text("Target {period} berbeda", "{quarter} target differs")


def test_parameters_that_are_vocabulary_terms_are_put_in_the_language_asked_for() -> None:
    text = Text("Target {period} pada {doc} ({n})", "The {period} target of the {doc} ({n})")
    assert text.format("id", period=Period.SMT1, doc=DocType.LAMPIRAN_SKP, n=3) == "Target Smt I pada Lampiran SKP (3)"
    assert text.format("en", period=Period.SMT1, doc=DocType.LAMPIRAN_SKP, n=3) == (
        "The H1 target of the SKP appendix (Lampiran SKP) (3)")


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        Text("a", "b")("fr")


def test_an_enumeration_registered_without_words_for_every_member_is_refused() -> None:
    class Mood(StrEnum):
        GOOD = "good"
        BAD = "bad"

    with pytest.raises(ValueError, match="Mood: no words for bad"):
        name_terms(Mood, {Mood.GOOD: Text("baik", "good")})


def test_every_member_of_the_document_vocabularies_has_words_in_both_languages() -> None:
    for kind in (DocType, Period, Role):
        for lang in ("id", "en"):
            words = labels_of(kind, lang)
            assert set(words) == {m.value for m in kind} and all(words.values())
    assert term(Role.PEJABAT_PENILAI, "id") == "pejabat penilai"
    assert term([Period.Q1, "x"], "en") == "Q1; x"
