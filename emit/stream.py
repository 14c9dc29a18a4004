"""Tables written as their rows arrive: CSV appended, Parquet datasets in row groups, SQLite in
transactions, each in constant memory.

Every stream writes under a temporary name (``core.files``) and is renamed into place when the
run closes it, so a killed run leaves no partial table under a final name, and a rerun replaces
a whole table at once. What a stream holds in memory is bounded: a row group of Parquet
(:data:`ROW_GROUP` rows) and one transaction of SQLite. Flushes happen at row counts, never at
times, so the same rows give the same bytes.
"""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from core.files import atomic_path
from emit.schema import DECIMAL_SCALE, TableSpec, arrow_schema, sqlite_ddl, sqlite_indexes

ROW_GROUP = 10_000  # rows of one Parquet row group (held as Arrow columns until full)
# rows held as dicts before they become Arrow columns: a document's few rows at a time cost a conversion each
# (a sixth of the batch process's samples on the 60 built PDFs, py-spy); a thousand bound the dicts' memory
ARROW_CHUNK = 1_000
PART_ROWS = 1_000_000  # rows of one Parquet file of a dataset
SQLITE_BATCH = 20_000  # rows of one SQLite transaction
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


def decimal_or_none(d: Decimal | None) -> Decimal | None:
    """A decimal column's value for Parquet: exact up to 10 places (rounded past them), None when
    absent or past decimal128's reach (the raw text beside it keeps what was printed)."""
    if d is None or not d.is_finite():
        return None
    if isinstance(d.as_tuple().exponent, int) and d.as_tuple().exponent < -DECIMAL_SCALE:
        d = d.quantize(_QUANTUM)
    return d if d.adjusted() < 38 - DECIMAL_SCALE else None


class CsvStream:
    def __init__(self, stack: contextlib.ExitStack, path: Path, columns: list[str]) -> None:
        tmp = stack.enter_context(atomic_path(path))
        self.fh = stack.enter_context(open(tmp, "w", encoding="utf-8", newline=""))
        self.writer = csv.writer(self.fh, lineterminator="\n")
        self.writer.writerow(columns)
        self.columns = columns

    def add(self, dumped: list[dict[str, Any]]) -> None:
        cols = self.columns
        self.writer.writerows([_cell(d[c]) for c in cols] for d in dumped)

    def close(self) -> None:
        self.fh.flush()


class ParquetStream:
    """``tables/<name>/part-NNNNN.parquet``: a dataset in parts of :data:`PART_ROWS` rows, each in
    row groups of :data:`ROW_GROUP` rows. Parts of an earlier run are replaced when this one closes."""

    def __init__(self, stack: contextlib.ExitStack, folder: Path, spec: TableSpec) -> None:
        self.stack, self.folder, self.spec = stack, folder, spec
        self.schema = arrow_schema(spec)
        self.decimals = [c.name for c in spec.columns if c.kind == "decimal"]
        self.keys = [fk.column for fk in spec.foreign_keys]
        self.buffer: list[Any] = []  # pyarrow Tables, ROW_GROUP rows at most in all
        self.pending: list[dict[str, Any]] = []  # rows not yet in the buffer, ARROW_CHUNK at most
        self.buffered = 0
        self.parts: list[Path] = []
        self.writer = None
        self.part_rows = 0
        self._part: contextlib.ExitStack | None = None

    def _open_part(self) -> None:
        import pyarrow.parquet as pq

        path = self.folder / f"part-{len(self.parts):05d}.parquet"
        self.parts.append(path)
        self._part = contextlib.ExitStack()
        tmp = self._part.enter_context(atomic_path(path))
        self.writer = pq.ParquetWriter(tmp, self.schema, compression="zstd")
        self.part_rows = 0

    def _close_part(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        if self._part is not None:
            self._part.close()
            self._part = None

    def add(self, dumped: list[dict[str, Any]]) -> None:
        """Rows as their models dump them; held as Arrow columns (a tenth of the memory of the dicts),
        :data:`ARROW_CHUNK` rows at a time, until a row group is full."""
        for d in dumped:
            row = dict(d)
            for c in self.decimals:
                row[c] = decimal_or_none(row[c])
            for c in self.keys:
                if row[c] == "":
                    row[c] = None
            self.pending.append(row)
        self.buffered += len(dumped)
        if len(self.pending) >= ARROW_CHUNK:
            self._convert()
        if self.buffered >= ROW_GROUP:
            self._flush()

    def _convert(self) -> None:
        import pyarrow as pa

        if self.pending:
            self.buffer.append(pa.Table.from_pylist(self.pending, schema=self.schema))
            self.pending = []

    def _flush(self, final: bool = False) -> None:
        """Write whole row groups (and, at the end, the rest); a part ends at :data:`PART_ROWS` rows."""
        import pyarrow as pa

        self._convert()
        table = pa.concat_tables(self.buffer) if self.buffer else self.schema.empty_table()
        self.buffer = []
        while table.num_rows >= ROW_GROUP or (final and (table.num_rows or not self.parts)):
            if self.writer is None:
                self._open_part()
            take = min(table.num_rows, ROW_GROUP, PART_ROWS - self.part_rows)
            if take:
                self.writer.write_table(table.slice(0, take).combine_chunks())
                self.part_rows += take
            table = table.slice(take)
            if self.part_rows >= PART_ROWS:
                self._close_part()
            if final and not table.num_rows:
                break
        if table.num_rows:
            self.buffer.append(table)
        self.buffered = table.num_rows

    def close(self) -> None:
        self._flush(final=True)
        self._close_part()
        for stale in self.folder.glob("part-*.parquet"):
            if stale not in self.parts:
                stale.unlink()
        self.folder.with_suffix(".parquet").unlink(missing_ok=True)  # the single file of earlier versions

    def abort(self) -> None:
        if self._part is not None:
            if self.writer is not None:
                with contextlib.suppress(Exception):
                    self.writer.close()
            self._part.__exit__(RuntimeError, RuntimeError("aborted"), None)


class SqliteStream:
    """One SQLite database, a table per spec (typed columns, primary and foreign keys), filled in
    transactions of :data:`SQLITE_BATCH` rows; indexes on every foreign key made at the end."""

    def __init__(self, stack: contextlib.ExitStack, path: Path, specs: list[TableSpec]) -> None:
        self.path = stack.enter_context(atomic_path(path))
        self.con = sqlite3.connect(self.path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode = MEMORY")
        self.con.execute("PRAGMA synchronous = OFF")  # the file is renamed into place only when complete
        self.specs = {s.name: s for s in specs}
        self.con.execute("BEGIN")
        for spec in specs:
            self.con.execute(sqlite_ddl(spec))
        self.pending = 0
        self._insert = {
            s.name: f'INSERT INTO "{s.name}" VALUES ({", ".join("?" for _ in s.columns)})' for s in specs
        }
        self._plans = {s.name: [(c.name, c.kind, c.name in {fk.column for fk in s.foreign_keys}) for c in s.columns]
                       for s in specs}

    def add(self, name: str, dumped: list[dict[str, Any]]) -> None:
        plan = self._plans[name]
        self.con.executemany(self._insert[name], ([_sql_value(d[c], kind, key) for c, kind, key in plan] for d in dumped))
        self.pending += len(dumped)
        if self.pending >= SQLITE_BATCH:
            self.con.execute("COMMIT")
            self.con.execute("BEGIN")
            self.pending = 0

    def close(self) -> None:
        for spec in self.specs.values():
            for ddl in sqlite_indexes(spec):
                self.con.execute(ddl)
        self.con.execute("COMMIT")
        self.con.close()

    def abort(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.con.close()


def _sql_value(v: Any, kind: str, key: bool) -> Any:
    if isinstance(v, bool):
        return int(v)
    if key and v == "":
        return None  # no dossier: NULL, not a dangling key
    if kind == "decimal" and v is not None:
        return str(v)  # NUMERIC affinity stores it as a number
    return v


class TableStreams:
    """Every table of a run as CSV (``tables/<name>.csv``), Parquet (``tables/<name>/``) and one
    SQLite database, fed a table's rows at a time."""

    def __init__(self, stack: contextlib.ExitStack, tables: Path, sqlite_path: Path, specs: list[TableSpec],
                 *, parquet: bool = True) -> None:
        self.specs = {s.name: s for s in specs}
        self.csv = {s.name: CsvStream(stack, tables / f"{s.name}.csv", s.names) for s in specs}
        self.parquet: dict[str, ParquetStream] = {}
        if parquet:
            try:
                import pyarrow  # noqa: F401
            except ImportError:  # pragma: no cover - the parquet extra is not installed
                parquet = False
        if parquet:
            self.parquet = {s.name: ParquetStream(stack, tables / s.name, s) for s in specs}
        self.sqlite = SqliteStream(stack, sqlite_path, specs)
        stack.callback(self._abort_on_error)
        self._closed = False
        self.counts = dict.fromkeys(self.specs, 0)

    def add(self, name: str, rows: Iterable[BaseModel]) -> None:
        self.add_dumped(name, [r.model_dump() for r in rows])

    def add_dumped(self, name: str, dumped: list[dict[str, Any]]) -> None:
        """Rows as their models dump them (``model_dump()``)."""
        if not dumped:
            return
        self.counts[name] += len(dumped)
        self.csv[name].add(dumped)
        if name in self.parquet:
            self.parquet[name].add(dumped)
        self.sqlite.add(name, dumped)

    def add_tables(self, tables: dict[str, list[BaseModel]]) -> None:
        for name, rows in tables.items():
            self.add(name, rows)

    def close(self) -> None:
        for s in self.csv.values():
            s.close()
        for p in self.parquet.values():
            p.close()
        self.sqlite.close()
        self._closed = True

    def _abort_on_error(self) -> None:
        if not self._closed:
            for p in self.parquet.values():
                p.abort()
            self.sqlite.abort()
