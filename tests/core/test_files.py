"""Files written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core import files


def test_interrupted_write_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "tables" / "documents.csv"
    files.write_text(target, "old complete content\n")

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        files.write_text(target, "new content that never lands\n")
    assert target.read_text() == "old complete content\n"
    assert [p.name for p in target.parent.iterdir()] == ["documents.csv"]
