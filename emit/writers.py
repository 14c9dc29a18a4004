"""Writers for the output folder. Every file is written to a temporary name in the same
folder and renamed into place, so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel


_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are for sharing
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def write_text(path: Path, text: str) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_json(path: Path, data: Any) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


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
