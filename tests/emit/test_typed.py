"""Typed outputs for other tools: decimals as decimal128 in Parquet and NUMERIC in SQLite beside
their raw text, primary and foreign keys with indexes, a Frictionless ``datapackage.json``, the
JSON Schema of every table -- and DuckDB sums a value column without a cast."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from emit.schema import registry, specs
from tests.golden import ROOT
from tests.shared import seed_run


@pytest.fixture(scope="module")
def out() -> Path:
    return seed_run()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_duckdb_sums_the_parquet_values_without_a_cast(out: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    (total,) = duckdb.connect().execute(f"select sum(value) from '{out}/tables/targets/*.parquet'").fetchone()
    expected = sum(Decimal(r["value"]) for r in _csv(out / "tables" / "targets.csv") if r["value"])
    assert isinstance(total, Decimal) and total == expected
    (kind,) = duckdb.connect().execute(f"select typeof(value) from '{out}/tables/targets/*.parquet' limit 1").fetchone()
    assert kind == "DECIMAL(38,10)"
    (amount,) = duckdb.connect().execute(
        f"select amount from '{out}/tables/budget/*.parquet' where name = 'Program Dukungan Manajemen' "
        "and doc_id like '001%'").fetchone()
    assert amount == 7_235_932_585_000


def test_parquet_keeps_the_raw_text_beside_the_decimal(out: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(out / "tables" / "targets")
    assert str(table.schema.field("value").type) == "decimal128(38, 10)"
    rows = table.to_pylist()
    row = next(r for r in rows if r["doc_id"] == "000_fce74ff394373077--05-lampiran_skp" and r["raw"] == "34,9 4%"
               and r["period"] == "Y")
    assert row["value"] == Decimal("34.94") and row["kind"] == "percent"
    assert table.num_rows == len(_csv(out / "tables" / "targets.csv"))
    scores = pq.read_table(out / "tables" / "scores")
    assert str(scores.schema.field("capaian").type) == "decimal128(38, 10)"


def test_sqlite_has_numeric_values_keys_and_indexes(out: Path) -> None:
    con = sqlite3.connect(out / "kinerja.sqlite")
    try:
        decl = {r[1]: r[2] for r in con.execute("PRAGMA table_info(targets)")}
        assert decl["value"] == "NUMERIC" and decl["raw"] == "TEXT" and decl["line"] == "INTEGER"
        value, raw, kind = con.execute(
            "SELECT value, raw, typeof(value) FROM targets WHERE raw = '34,9 4%' AND period = 'Y'").fetchone()
        assert (value, raw, kind) == (34.94, "34,9 4%", "real")
        assert con.execute("SELECT typeof(value) FROM targets WHERE raw = '100%' LIMIT 1").fetchone() == ("integer",)
        pk = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[5]]
        assert pk == ["doc_id"]
        fks = {(r[2], r[3], r[4]) for r in con.execute("PRAGMA foreign_key_list(targets)")}
        assert fks == {("documents", "doc_id", "doc_id")}
        fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(findings)")}
        assert fks == {("dossiers", "dossier"), ("documents", "doc_id")}
        assert con.execute("PRAGMA foreign_key_check").fetchall() == [], "every key refers to a row"
        indexes = {r[1] for r in con.execute("PRAGMA index_list(targets)")}
        assert "targets_doc_id" in indexes
        plan = " ".join(r[3] for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM targets WHERE doc_id = '001_34f370b0fcbb94ab--01-pk'"))
        assert "targets_doc_id" in plan
        joined = con.execute(
            "SELECT count(*) FROM targets t JOIN documents d ON d.doc_id = t.doc_id JOIN dossier_documents m "
            "ON m.doc_id = d.doc_id JOIN dossiers s ON s.dossier_id = m.dossier_id "
            "WHERE s.dossier_id = '2024-direktur-jenderal-perbendaharaan'").fetchone()[0]
        assert joined == con.execute(
            "SELECT count(*) FROM targets WHERE doc_id LIKE '001_34f370b0fcbb94ab%'").fetchone()[0] > 0
    finally:
        con.close()


def test_datapackage_describes_every_table(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    names = [r["name"] for r in package["resources"]]
    assert names == list(registry())
    for resource in package["resources"]:
        path = out / resource["path"]
        header = next(csv.reader(path.open(encoding="utf-8")))
        assert [f["name"] for f in resource["schema"]["fields"]] == header, resource["name"]
        for fk in resource["schema"].get("foreignKeys", []):
            assert fk["reference"]["resource"] in names
    targets = next(r for r in package["resources"] if r["name"] == "targets")
    fields = {f["name"]: f["type"] for f in targets["schema"]["fields"]}
    assert (fields["value"], fields["raw"], fields["line"]) == ("number", "string", "integer")
    assert targets["schema"]["foreignKeys"] == [
        {"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}]
    documents = next(r for r in package["resources"] if r["name"] == "documents")
    assert documents["schema"]["primaryKey"] == ["doc_id"]


def test_every_value_parses_as_its_declared_type(out: Path) -> None:
    """What datapackage.json promises holds for every cell of every CSV."""
    for spec in specs():
        for row in _csv(out / "tables" / f"{spec.name}.csv"):
            for c in spec.columns:
                v = row[c.name]
                if v == "":
                    assert not c.required or c.kind == "string", (spec.name, c.name)
                    continue
                if c.kind == "integer":
                    int(v)
                elif c.kind in ("decimal", "number"):
                    Decimal(v)
                elif c.kind == "boolean":
                    assert v in ("true", "false")


def test_schema_command_covers_the_tables() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "schema", "tables"], capture_output=True,
                          text=True, check=True)
    schemas = json.loads(proc.stdout)
    assert list(schemas) == list(registry())
    targets = schemas["targets"]
    assert targets["title"] == "targets" and targets["properties"]["value"]["format"] == "decimal"
    assert targets["x-foreignKeys"] == [{"column": "doc_id", "table": "documents", "target": "doc_id"}]
    one = json.loads(subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "schema", "findings"],
                                    capture_output=True, text=True, check=True).stdout)
    assert one["title"] == "findings" and "message" in one["properties"]


def test_frictionless_validates_the_package_and_its_keys(out: Path, tmp_path: Path) -> None:
    """The reference implementation of the Table Schema reads every table with its types and checks
    every primary and foreign key; a dangling ``doc_id`` is caught."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package(str(out / "datapackage.json")).validate()
    assert report.valid, [(t.name, [e.message for e in t.errors][:3]) for t in report.tasks if not t.valid]
    assert {t.name for t in report.tasks} == set(registry())
    broken = tmp_path / "broken"
    shutil.copytree(out, broken, ignore=shutil.ignore_patterns(".cache", "documents", "report*", "*.xlsx"))
    lines = (broken / "tables" / "targets.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = "no-such-document" + lines[1][lines[1].index(","):]
    (broken / "tables" / "targets.csv").write_text("".join(lines), encoding="utf-8")
    report = frictionless.Package(str(broken / "datapackage.json")).validate()
    assert [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid] == [("targets", ["foreign-key"])]


def test_a_finding_outside_any_dossier_is_written_to_every_format(tmp_path: Path) -> None:
    """``dossier_unassigned`` findings have no dossier: the reference is empty, written as null —
    a batch of SKPs with no PK of their own once stopped on Parquet's non-nullable ``dossier``."""
    import run_pipeline  # noqa: PLC0415

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("pp46_book.txt", "skp_8_2021_jpt.txt"):
        shutil.copy(ROOT / "tests" / "fixtures" / "skp" / name, inputs / name)
    assert run_pipeline.main([str(inputs), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    with (tmp_path / "out" / "tables" / "findings.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["check"], r["dossier"], r["doc_id"]) for r in rows] == [
        ("dossier_unassigned", "", "pp46_book--01-skp"), ("dossier_unassigned", "", "skp_8_2021_jpt--01-skp"),
    ]
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(tmp_path / "out" / "tables" / "findings").column("dossier").to_pylist() == [None, None]
    con = sqlite3.connect(tmp_path / "out" / "kinerja.sqlite")
    assert con.execute("select count(*) from findings where dossier is null").fetchone() == (2,)
    con.close()


def test_a_column_is_decimal_because_its_row_model_types_it_so() -> None:
    """No column is taken for a number by its name: the row model's ``Decimal`` says it, and the
    raw texts beside (a score's ``target`` as printed) stay strings."""
    kinds = {(s.name, c.name): c.kind for s in specs() for c in s.columns}
    assert {kinds[k] for k in (("skp_scores", "printed"), ("skp_scores", "computed"), ("scores", "capaian"),
                               ("targets", "value"), ("targets", "scale"), ("measures", "value"))} == {"decimal"}
    assert kinds[("scores", "target")] == kinds[("targets", "raw")] == "string"
    for s in specs():
        for c in s.columns:
            if c.kind == "decimal":
                assert "Decimal" in str(s.model.model_fields[c.name].annotation), (s.name, c.name)
