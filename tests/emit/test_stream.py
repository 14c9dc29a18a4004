"""The table streams: Parquet datasets in parts and row groups, decimals, an aborted run's files,
the workbook written while the report is drawn, and the manifest written entry by entry."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import signal
import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from emit import outputs, stream, workbook, write_manifest
from emit.outputs import RunWriter
from emit.schema import specs, table_spec
from emit.stream import TableStreams, decimal_or_none
from extract.models import ManifestEntry, Status
from extract.rows import BudgetRow
from store import Layout, RunIndex, Summary


def _budget(n: int) -> list[BudgetRow]:
    return [BudgetRow(doc_id=f"d{i}", source_file="f.txt", level="program", label=None, name=f"P{i}", amount=i * 1000,
                      parent=None, raw=f"Rp {i}", line=i) for i in range(n)]


@pytest.mark.parametrize("value, expected", [
    (Decimal("34.94"), Decimal("34.94")), (Decimal(100), Decimal(100)), (None, None), (Decimal("NaN"), None),
    (Decimal("1.23456789012345"), Decimal("1.2345678901")), (Decimal("1e40"), None),
    (Decimal(7315466938000), Decimal(7315466938000)),
])
def test_decimal_cells_for_parquet_are_exact_to_ten_places_and_none_past_decimal128(
        value: Decimal | None, expected: Decimal | None) -> None:
    assert decimal_or_none(value) == expected


def test_a_dataset_in_parts_and_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(stream, "ROW_GROUP", 4)
    monkeypatch.setattr(stream, "PART_ROWS", 10)
    spec = table_spec("budget", BudgetRow)
    (tmp_path / "tables" / "budget").mkdir(parents=True)
    (tmp_path / "tables" / "budget" / "part-00007.parquet").write_bytes(b"an earlier run's part")
    with contextlib.ExitStack() as stack:
        streams = TableStreams(stack, tmp_path / "tables", tmp_path / "k.sqlite", [spec])
        rows = _budget(23)
        for i in range(0, 23, 5):
            streams.add("budget", rows[i:i + 5])
        streams.close()
    parts = sorted((tmp_path / "tables" / "budget").iterdir())
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.ParquetFile(p).metadata.num_rows for p in parts] == [10, 10, 3]
    assert [pq.ParquetFile(p).metadata.num_row_groups for p in parts] == [3, 3, 1]
    assert pq.read_table(tmp_path / "tables" / "budget").column("amount").to_pylist() == [i * 1000 for i in range(23)]
    assert (tmp_path / "tables" / "budget.csv").read_text().count("\n") == 24


def test_an_aborted_run_leaves_no_file_under_a_final_name(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="killed"), contextlib.ExitStack() as stack:
        streams = TableStreams(stack, tmp_path / "tables", tmp_path / "k.sqlite", specs())
        streams.add("budget", _budget(30))
        raise RuntimeError("killed")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def _outputs(out: Path) -> list[str]:
    """The files of a run under their final names and any temporary file or folder left, the workbook's
    row folder among them, empty or not (the index's cache aside)."""
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if (p.is_file() or p.name.startswith(".")) and ".cache" not in p.parts)


def _writer(out: Path, monkeypatch: pytest.MonkeyPatch) -> RunWriter:
    """A run's writer whose workbook process is forked, as a single-threaded batch's is (a patch made
    here reaches it; another test's Dask client may have left a thread that would make it spawned)."""
    monkeypatch.setattr(workbook, "_start_method", lambda: "fork")
    return RunWriter(out, RunIndex.create(Layout(out).index), pages=False)


def test_a_writer_aborted_mid_batch_stops_the_workbook_and_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = _writer(tmp_path / "out", monkeypatch)
    writer.workbook.add_dumped("budget", [r.model_dump() for r in _budget(2000)])  # (sent: a batch of rows)
    process = writer.workbook.proc
    writer.abort(RuntimeError("killed"))
    assert process.exitcode == -signal.SIGTERM  # stopped at once, not killed after a wait
    assert _outputs(tmp_path / "out") == []  # (nor the folder of its row files)


def test_the_workbook_is_written_while_the_report_is_drawn_and_in_place_before_the_manifest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def record(name: str, function):
        def recorded(*args, **kwargs):
            calls.append(name)
            return function(*args, **kwargs)
        return recorded

    monkeypatch.setattr(outputs, "render", record("report drawn", outputs.render))
    monkeypatch.setattr(workbook.WorkbookProcess, "finish", record("workbook told", workbook.WorkbookProcess.finish))
    monkeypatch.setattr(workbook.WorkbookProcess, "close", record("workbook in place", workbook.WorkbookProcess.close))
    monkeypatch.setattr(outputs, "write_manifest", record("manifest", outputs.write_manifest))
    out = tmp_path / "out"
    writer = _writer(out, monkeypatch)
    writer.workbook.add_dumped("budget", [r.model_dump() for r in _budget(3)])
    writer.close(1.0)
    assert [c for c in calls if c != "workbook told"] == ["report drawn", "workbook in place", "manifest"]
    assert calls.index("workbook told") < calls.index("report drawn")
    assert {"kinerja.xlsx", "report.html", "manifest.json", "kinerja.sqlite"} <= set(_outputs(out))
    assert writer.workbook.proc.exitcode == 0
    cells = {c.value for ws in openpyxl.load_workbook(out / "kinerja.xlsx").worksheets for r in ws.iter_rows() for c in r}
    assert {"P0", "P1", "P2", "Rp 2"} <= cells


@pytest.mark.parametrize("failing", ["report", "tables", "workbook", "slow workbook"])
def test_a_failure_while_closing_puts_no_output_in_place_and_leaves_no_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """Whichever step of the close fails, the writer's abort leaves no workbook, CSV table, database,
    report or manifest under its final name and no temporary file; a workbook still being written
    when the batch aborts is stopped at once (SIGTERM), not waited for and killed."""
    def fail(*_args, **_kwargs):
        raise OSError(f"{failing} failed")

    write = workbook.WorkbookWriter.write
    started = tmp_path / "writing"
    if failing == "report":
        monkeypatch.setattr(outputs, "render", fail)
    elif failing == "tables":
        monkeypatch.setattr(stream.TableStreams, "close", fail)
    elif failing == "workbook":  # (in the workbook's process, forked with this patch)
        monkeypatch.setattr(workbook.WorkbookWriter, "write", fail)
    else:
        def slow(book: workbook.WorkbookWriter) -> None:
            started.touch()
            time.sleep(60)
            write(book)

        monkeypatch.setattr(workbook.WorkbookWriter, "write", slow)
        monkeypatch.setattr(outputs, "render", fail)
    out = tmp_path / "out"
    writer = _writer(out, monkeypatch)
    writer.workbook.add_dumped("budget", [r.model_dump() for r in _budget(3)])
    with pytest.raises((OSError, RuntimeError), match="failed"):
        writer.close(1.0)
    if failing == "slow workbook":
        for _ in range(600):  # (the abort comes while the file is being written)
            if started.exists():
                break
            time.sleep(0.05)
        assert started.exists()
    writer.abort(RuntimeError("close failed"))
    process = writer.workbook.proc
    assert not process.is_alive() and process.exitcode != -signal.SIGKILL
    if failing == "slow workbook":
        assert process.exitcode == -signal.SIGTERM
    # (a Parquet dataset's parts are put in place as each is complete, the last when the tables close:
    # before the workbook is)
    parts = [f"tables/{spec.name}/part-00000.parquet" for spec in specs()] if failing == "workbook" else []
    assert _outputs(out) == sorted(parts)


def test_tables_that_cannot_open_leave_no_workbook_process_and_no_file(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # the workbook's process starts first; the writer that would abort it never reaches the batch
    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(outputs, "TableStreams", fail)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        _writer(out, monkeypatch)
    assert [p for p in multiprocessing.active_children() if p.name == "kinerja-workbook"] == []
    assert _outputs(out) == []


def test_the_manifest_is_the_json_of_the_whole(tmp_path: Path) -> None:
    entries = [ManifestEntry(path=f"in/{i}.pdf", sha256="ab" * 32, status=Status.OK, seconds=0.5, documents=[f"d{i}"])
               for i in range(3)]
    summary = Summary(inputs=3, documents=3, ok=3)
    for case, items in (("three", entries), ("none", [])):
        path = tmp_path / f"{case}.json"
        write_manifest(path, summary, iter(items))
        whole = {"summary": summary.model_dump(mode="json"), "inputs": [e.model_dump(mode="json") for e in items]}
        assert path.read_text(encoding="utf-8") == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
