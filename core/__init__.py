"""core: what every stage shares — problems as data and their locations, words in two
languages (:mod:`core.i18n`), and files written whole or not at all (:mod:`core.files`)."""

from core.problems import Location, Problem, Severity

__all__ = ["Location", "Problem", "Severity"]
