"""The output folder's layout: what a killed run leaves is removed by the next."""

from __future__ import annotations

from pathlib import Path

from store import Layout


def test_a_killed_runs_temporary_files_and_workbook_row_folder_are_removed_and_nothing_else(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    left = [tmp_path / ".kinerja.xlsx.k2j4.tmp", tmp_path / "tables" / "targets" / ".part-00000.parquet.x1.tmp",
            tmp_path / ".kinerja.xlsx.rows.a8f3.tmp" / "tmp0sheet1"]
    kept = [tmp_path / "kinerja.xlsx", tmp_path / "tables" / "targets.csv", tmp_path / "notes.tmp",
            tmp_path / ".cache" / ".inflight.tmp", tmp_path / ".hidden" / "a.txt", tmp_path / ".user.tmp" / "notes.txt",
            tmp_path / "tables" / ".x.rows.y.tmp" / "kept"]
    for p in [*left, *kept]:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    assert layout.clean_temporaries() == 3
    assert [p for p in left if p.exists()] == [] and not (tmp_path / ".kinerja.xlsx.rows.a8f3.tmp").exists()
    assert [p for p in kept if not p.exists()] == []
