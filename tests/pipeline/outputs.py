"""What the pipeline's tests compare between two runs' output folders."""

from __future__ import annotations

import json
from pathlib import Path


def tables_of(out: Path) -> dict[str, str]:
    """Every CSV table of a run, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "tables").glob("*.csv"))}


def documents_of(out: Path) -> dict[str, str]:
    """Every document JSON of a run, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "documents").glob("*.json"))}


def manifest_without_timing(out: Path) -> list[dict[str, object]]:
    """The manifest's entries without their seconds (two runs of the same inputs compare equal)."""
    entries = json.loads((out / "manifest.json").read_text())["inputs"]
    return [{k: v for k, v in e.items() if k != "seconds"} for e in entries]
