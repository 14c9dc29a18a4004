"""Tables to files: CSV, one SQLite database, Parquet; each typed by its row model and
written atomically (:mod:`core.files`)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from core.files import atomic_path, write_text


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


def csv_text(columns: Sequence[str], rows: Sequence[BaseModel]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        data = row.model_dump()
        writer.writerow([_cell(data[c]) for c in columns])
    return buf.getvalue()


def write_csv(path: Path, model: type[BaseModel], rows: Sequence[BaseModel]) -> None:
    write_text(path, csv_text(list(model.model_fields), rows))


_SQL_TYPES = {int: "INTEGER", float: "REAL", bool: "INTEGER"}


def _sql_type(annotation: Any) -> str:
    for py, sql in _SQL_TYPES.items():
        if annotation is py or (hasattr(annotation, "__args__") and py in annotation.__args__):
            return sql
    return "TEXT"


def write_sqlite(path: Path, tables: Mapping[str, tuple[type[BaseModel], Sequence[BaseModel]]]) -> None:
    """One SQLite database with a table per row model; written whole, then renamed into place."""
    with atomic_path(path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            for name, (model, rows) in tables.items():
                cols = list(model.model_fields)
                decl = ", ".join(f'"{c}" {_sql_type(model.model_fields[c].annotation)}' for c in cols)
                con.execute(f'CREATE TABLE "{name}" ({decl})')
                marks = ", ".join("?" for _ in cols)
                con.executemany(
                    f'INSERT INTO "{name}" VALUES ({marks})',
                    ([_sql_value(d[c]) for c in cols] for d in (r.model_dump() for r in rows)),
                )
            con.commit()
        finally:
            con.close()


def _sql_value(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    return v


def write_parquet(path: Path, model: type[BaseModel], rows: Sequence[BaseModel]) -> bool:
    """The table as Parquet (pyarrow), typed from the row model; False when pyarrow is missing."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the parquet extra is not installed
        return False
    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    fields = []
    for name, info in model.model_fields.items():
        is_bool = info.annotation is bool or bool(getattr(info.annotation, "__args__", ())) and bool in info.annotation.__args__
        fields.append(pa.field(name, pa.bool_() if is_bool else types[_sql_type(info.annotation)]))
    schema = pa.schema(fields)
    data = [r.model_dump() for r in rows]
    table = pa.Table.from_pylist(data, schema=schema)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)
    return True
