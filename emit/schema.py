"""The typed schema of every output table, from the stages' row models.

One :class:`TableSpec` per table of the registries (:data:`extract.rows.TABLES`,
:data:`audit.rows.TABLES`, :data:`score.rows.TABLES`, :data:`store.rows.TABLES`), read from the
row model's fields: a new table or column flows into every writer without an edit here.

* Column types: ``int`` is an integer, ``float`` a real, ``bool`` a boolean, ``Decimal`` a
  decimal: ``decimal128(38, 10)`` in Parquet, ``NUMERIC`` in SQLite, ``number`` in the Table
  Schema, its text in CSV (``str(Decimal)``: ``34.94``, and an exponent for the very small or
  large, ``1E-13``); the raw text stays beside it (``raw``).
* Keys: ``documents.doc_id``, ``dossiers.dossier_id`` and ``inputs.position`` are primary keys;
  every other ``doc_id`` / ``ref_doc`` column refers to ``documents``, every ``dossier`` /
  ``dossier_id`` column to ``dossiers``. SQLite declares them and indexes every foreign key;
  ``datapackage.json`` describes them (Frictionless Table Schema).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from audit.rows import TABLES as AUDIT_TABLES
from extract.rows import TABLES as EXTRACT_TABLES
from score.rows import TABLES as SCORE_TABLES
from store.rows import TABLES as STORE_TABLES

DECIMAL_PRECISION, DECIMAL_SCALE = 38, 10

PRIMARY_KEYS = {"documents": ("doc_id",), "dossiers": ("dossier_id",), "inputs": ("position",)}
#: column name -> (table, column) it refers to
REFERENCES = {"doc_id": ("documents", "doc_id"), "ref_doc": ("documents", "doc_id"), "reference": ("documents", "doc_id"),
              "dossier": ("dossiers", "dossier_id"), "dossier_id": ("dossiers", "dossier_id")}


def registry() -> dict[str, type[BaseModel]]:
    """Every table of a run, in output order: the extract stage's, the audit's, the score's, the run's."""
    return {**EXTRACT_TABLES, **AUDIT_TABLES, **SCORE_TABLES, **STORE_TABLES}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # integer | number | decimal | boolean | string
    required: bool
    enum: bool = False  # a string whose values are a vocabulary (status, doc_type, ...)


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[BaseModel]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _types(annotation: Any) -> set[Any]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return {t for a in get_args(annotation) for t in _types(a)}
    return {origin or annotation}


def column_kind(annotation: Any) -> str:
    kinds = _types(annotation) - {type(None)}
    if bool in kinds:
        return "boolean"
    if Decimal in kinds:
        return "decimal"
    if int in kinds:
        return "integer"
    if float in kinds:
        return "number"
    return "string"


def table_spec(name: str, model: type[BaseModel]) -> TableSpec:
    pk = PRIMARY_KEYS.get(name, ())
    fks = tuple(
        ForeignKey(c, *REFERENCES[c]) for c in model.model_fields
        if c in REFERENCES and (name, c) != (REFERENCES[c][0], REFERENCES[c][1])
    )
    referring = {fk.column for fk in fks} - set(pk)
    # a reference may be empty, written as null: a finding outside any dossier has no dossier
    columns = tuple(
        Column(c, column_kind(info.annotation), type(None) not in _types(info.annotation) and c not in referring)
        for c, info in model.model_fields.items()
    )
    return TableSpec(name, model, columns, pk, fks)


def specs() -> list[TableSpec]:
    return [table_spec(n, m) for n, m in registry().items()]


# ---------------------------------------------------------------- SQLite

_SQL = {"integer": "INTEGER", "number": "REAL", "decimal": "NUMERIC", "boolean": "INTEGER", "string": "TEXT"}


def sqlite_ddl(spec: TableSpec) -> str:
    cols = [f'"{c.name}" {_SQL[c.kind]}{" NOT NULL" if c.required and c.name in spec.primary_key else ""}'
            for c in spec.columns]
    if spec.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(repr(k).replace(chr(39), chr(34)) for k in spec.primary_key)})")
    for fk in spec.foreign_keys:
        cols.append(f'FOREIGN KEY ("{fk.column}") REFERENCES "{fk.table}" ("{fk.target}")')
    return f'CREATE TABLE "{spec.name}" ({", ".join(cols)})'


def sqlite_indexes(spec: TableSpec) -> list[str]:
    return [f'CREATE INDEX "{spec.name}_{fk.column}" ON "{spec.name}" ("{fk.column}")' for fk in spec.foreign_keys]


# ---------------------------------------------------------------- Parquet


def arrow_schema(spec: TableSpec):  # -> pyarrow.Schema
    import pyarrow as pa

    types_ = {"integer": pa.int64(), "number": pa.float64(), "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
              "boolean": pa.bool_(), "string": pa.string()}
    return pa.schema([pa.field(c.name, types_[c.kind], nullable=not c.required) for c in spec.columns])


# ---------------------------------------------------------------- Frictionless / JSON Schema

_FRICTIONLESS = {"integer": "integer", "number": "number", "decimal": "number", "boolean": "boolean",
                 "string": "string"}


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The table's Frictionless Table Schema."""
    fields = []
    for c in spec.columns:
        field: dict[str, Any] = {"name": c.name, "type": _FRICTIONLESS[c.kind]}
        if c.kind == "decimal":
            field["description"] = "an exact decimal (Parquet decimal128(38, 10), SQLite NUMERIC)"
        if c.kind == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        if c.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [{"fields": fk.column, "reference": {"resource": fk.table, "fields": fk.target}}
                                 for fk in spec.foreign_keys]
    return schema


def datapackage(names: list[str] | None = None) -> dict[str, Any]:
    """``datapackage.json``: every table as a CSV resource with its Table Schema; the Parquet
    dataset and the SQLite table of the same name hold the same rows."""
    resources = []
    for spec in specs():
        if names is not None and spec.name not in names:
            continue
        resources.append({
            "name": spec.name, "path": f"tables/{spec.name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            "schema": table_schema(spec),
            "parquet": f"tables/{spec.name}/*.parquet", "sqlite": {"path": "kinerja.sqlite", "table": spec.name},
        })
    return {"profile": "tabular-data-package", "name": "kinerja", "resources": resources}


def json_schema(spec: TableSpec) -> dict[str, Any]:
    """The JSON Schema of one row of the table (its row model's), with the column kinds and keys."""
    schema = spec.model.model_json_schema()
    schema["title"] = spec.name
    for c in spec.columns:
        prop = schema["properties"][c.name]
        if c.kind == "decimal":
            prop["format"] = "decimal"
    if spec.primary_key:
        schema["x-primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["x-foreignKeys"] = [{"column": fk.column, "table": fk.table, "target": fk.target} for fk in spec.foreign_keys]
    return schema
