"""Shared infrastructure of every stage: problems as data, and their locations."""

from core.problems import Location, Problem, Severity

__all__ = ["Location", "Problem", "Severity"]
