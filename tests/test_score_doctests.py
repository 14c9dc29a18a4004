"""The doctests of score/ (pyproject's testpaths does not list score/, so they run from here)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["score.rules", "score.models", "score.polarity", "score.capaian", "score.aggregate", "score.realisasi"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no doctests"
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
