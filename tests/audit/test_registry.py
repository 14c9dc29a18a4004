"""The check registry: every check declared once, worded in both languages, listed in the README."""

from __future__ import annotations

import re

import pytest

from audit import CHECKS, Check, Family
from audit.registry import RUNNERS, markdown_table
from core.i18n import Text
from core.problems import Severity
from tests.golden import ROOT


def test_every_check_has_a_title_and_a_message_in_both_languages() -> None:
    for check in CHECKS.values():
        for lang in ("id", "en"):
            assert check.title(lang).strip() and check.message(lang).strip(), check.id
        assert check.message("id") != check.message("en"), f"{check.id}: the English is not English"


def test_every_registered_check_is_reported_by_one_runner() -> None:
    reported = [c for r in RUNNERS for c in r.checks]
    assert len(reported) == len(set(reported))
    assert set(reported) | {"dossier_unassigned"} == set(CHECKS)


def test_a_message_naming_a_parameter_the_check_does_not_declare_is_refused() -> None:
    with pytest.raises(ValueError, match="the messages name"):
        Check("x_check", Family.NIP, Severity.ERROR, Text("X", "X"), Text("NIP {nip}", "NIP {nip}"), {}, "nothing")


def test_a_finding_with_a_parameter_of_the_wrong_type_is_refused() -> None:
    from audit.checks import YEAR_MISMATCH, Context

    ctx = Context(dossier="d", docs=[])
    with pytest.raises(ValueError):
        ctx.find(YEAR_MISMATCH, evidence=[], doc="not a doc type", year=2024, dossier_year=2023)


def test_the_readme_lists_exactly_the_registered_checks() -> None:
    import score  # noqa: F401, PLC0415 - the score stage registers the checks of the printed SKP scores

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "README's table of checks: paste the output of `run-pipeline checks`"
    listed = set(re.findall(r"`([a-z_]+)`", markdown_table()))
    assert listed == set(CHECKS)


def test_the_checks_command_prints_every_registered_check_in_either_language() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    def table(*lang: str) -> str:
        return subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "checks", *lang], capture_output=True,
                              text=True, check=True).stdout

    english = table()
    assert english.startswith("| check | severity | family | what it compares |")
    assert "| `skp_score_mismatch` | warning | SKP scores |" in english  # registered by the score stage
    assert "| `year_mismatch` |" in english and "| `year_mismatch` |" in table("id")
    bad = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "checks", "fr"], capture_output=True, text=True)
    assert bad.returncode == 2 and "no language 'fr'" in bad.stderr
