"""normalize: every value printed in the seeds and in ../shared/real/, plus the formats the
issue lists, read exactly (tests/data/value_examples.tsv, written by hand from the sources).

Decisions behind the table: a cell with several quantities ("14 Jenis dan 40 Kabupaten dan
Kota") is kind text (its parts cannot be compared as one number); a trailing parenthetical
elaborates ("140 Kelompok (1400 orang)" is 140 Kelompok); a grouped amount ending in ",00"
or ",-" is rupiah even without "Rp".
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.values import Kind, format_number_id, format_percent, format_rupiah, parse_value
from tests.golden import ROOT

DATA = ROOT / "tests" / "data" / "value_examples.tsv"
ROWS = list(csv.DictReader(DATA.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
FIELDS = ("value", "kind", "unit", "scale", "scale_value", "label", "comparator", "low", "high", "total", "issue")
NUMERIC = {"value", "scale", "scale_value", "low", "high", "total"}

# Known failures: readings the table asks for that the reader does not give yet.
KNOWN_FAILURES: dict[str, str] = {}


def _expected(row: dict[str, str]) -> dict[str, object]:
    return {k: (Decimal(row[k]) if row[k] else None) if k in NUMERIC else row[k] for k in FIELDS}


def _got(raw: str) -> dict[str, object]:
    v = parse_value(raw, mend=True)
    got: dict[str, object] = {
        "value": v.value, "kind": v.kind.value, "unit": v.unit or "", "scale": v.scale,
        "scale_value": v.scale_value, "label": v.label or "", "comparator": v.comparator or "",
        "low": v.low, "high": v.high, "total": v.total, "issue": ",".join(i.check for i in v.issues),
    }
    if got["scale_value"] == got["value"] and v.scale is None:
        got["scale_value"] = None
    return got


def test_table_is_large_and_tagged() -> None:
    assert len(ROWS) >= 150
    sources = {r["source"].split(":")[0] for r in ROWS}
    assert {"format", "real"} <= sources and any(s.startswith("seed") for s in sources)
    assert sum(r["source"].startswith("real:") for r in ROWS) >= 60


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, id=f"{n}:{r['raw'][:30]}", marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[r["raw"]])]
                     if r["raw"] in KNOWN_FAILURES else [])
        for n, r in enumerate(ROWS, start=2)
    ],
)
def test_value_table(row: dict[str, str]) -> None:
    expected, got = _expected(row), _got(row["raw"])
    diffs = {k: (expected[k], got[k]) for k in FIELDS if expected[k] != got[k]}
    assert not diffs, f"{row['raw']!r} from {row['source']}: expected/got {diffs}"


def test_a_value_mended_of_a_scans_marks_is_read_so_only_where_a_value_is_asked_for() -> None:
    mended = [r["raw"] for r in ROWS if "value_repaired" in r["issue"].split(",")]
    assert len(mended) == 6
    for raw in mended:  # read strictly (a row's code, a label asked whether it is a value), none is a value
        strict = parse_value(raw)
        assert strict.value is None and strict.amount is None and "value_repaired" not in {i.check for i in strict.issues}, raw
    for raw, reading in (("1:20", None), ("07:30 WIB", None), ("80;85", None), ("98`30%", None), ("Rp 1“000.000", None)):
        assert parse_value(raw, mend=True).value is reading, raw  # a ratio, a time, digits a mark stands between


def test_raw_is_kept_and_unreadable_is_data() -> None:
    v = parse_value("12,3,4%")
    assert v.raw == "12,3,4%" and v.kind is Kind.NONE and [i.check for i in v.issues] == ["unreadable"]
    assert "12,3,4%" in v.issues[0].message


@pytest.mark.parametrize("junk", ["\x00", "%%%", "Rp", "Rp ,-", "((4 skala 5)", "9" * 400, "٣٤", "1e9999999", "-"])
def test_never_raises(junk: str) -> None:
    parse_value(junk)


# --- properties: format the Indonesian way, parse back, same Decimal -----------------------------

decimals = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=2)


@given(decimals)
def test_decimal_round_trip(d: Decimal) -> None:
    assert parse_value(format_number_id(d)).value == d


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_percent_round_trip(d: Decimal) -> None:
    v = parse_value(format_percent(d))
    assert v.kind is Kind.PERCENT and v.value == d


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trip(amount: int) -> None:
    v = parse_value(format_rupiah(amount))
    assert v.kind is Kind.RUPIAH and v.amount == amount and isinstance(v.amount, int) and not v.issues


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_single_group_is_reported_ambiguous(a: int, b: int) -> None:
    v = parse_value(f"{a}.{b:03d}")
    assert v.value == Decimal(a * 1000 + b) and [i.check for i in v.issues] == ["ambiguous_separator"]


# --- the command line ----------------------------------------------------------------------------


def test_cli_prints_one_json_object_per_value() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "normalize", "34,94%", "100 (4 skala 5)", "Rp 7.315.466.938.000", "-"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    objs = [json.loads(line) for line in out]
    assert [o["value"] for o in objs] == ["34.94", "100", "7315466938000", None]
    assert objs[1]["scale"] == "5" and objs[1]["kind"] == "index"
    assert set(objs[0]) == {"raw", "value", "kind", "unit", "scale", "scale_value", "label", "comparator", "low", "high", "total", "issues"}


# --- known failures: readings we want and do not give yet (strict: they must start passing) -------
# (none left: "Rp 2,5 M", the comparator phrases and "± 80%" are rows of the value table now)
