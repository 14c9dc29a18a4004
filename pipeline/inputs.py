"""Inputs: files, folders (walked recursively) and zip archives, never writing outside the output folder."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.executors import Task

HIDDEN = (".", "_", "~")
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # a member that inflates more than this is treated as a decompression bomb


@dataclass(frozen=True)
class Rejected:
    display: str
    reason: str


def expand(inputs: list[str | Path], staging: Path) -> tuple[list[Task], list[Rejected]]:
    """Tasks for every file to read; zip members are unpacked (safely) under ``staging``."""
    tasks: list[Task] = []
    rejected: list[Rejected] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not any(part.startswith(HIDDEN) for part in p.relative_to(path).parts):
                    _add(p, tasks, rejected, staging)
        else:
            _add(path, tasks, rejected, staging)
    return tasks, rejected


def _add(path: Path, tasks: list[Task], rejected: list[Rejected], staging: Path) -> None:
    if path.suffix.lower() == ".zip" and path.is_file():
        _unzip(path, tasks, rejected, staging)
    else:
        tasks.append(Task(path=str(path), display=str(path)))


def safe_member_name(name: str) -> PurePosixPath | None:
    """The member's relative path, or None when it would leave the target folder (zip-slip).

    >>> safe_member_name("a/b.pdf"), safe_member_name("../../etc/passwd"), safe_member_name("/abs.txt")
    (PurePosixPath('a/b.pdf'), None, None)
    """
    p = PurePosixPath(name.replace("\\", "/"))
    if p.is_absolute() or not p.parts or any(part in ("..", "") for part in p.parts) or ":" in p.parts[0]:
        return None
    return p


def _unzip(archive: Path, tasks: list[Task], rejected: list[Rejected], staging: Path) -> None:
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        rejected.append(Rejected(str(archive), f"unreadable zip archive: {exc}"))
        return
    digest = hashlib.sha256(str(archive.resolve()).encode()).hexdigest()[:12]
    root = (staging / f"{archive.stem}-{digest}").resolve()
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            display = f"{archive}!{info.filename}"
            rel = safe_member_name(info.filename)
            if rel is None:
                rejected.append(Rejected(display, "unsafe path in zip archive (would write outside the output folder)"))
                continue
            if any(part.startswith(HIDDEN) for part in rel.parts):
                continue
            if info.file_size > MAX_MEMBER_BYTES or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO):
                rejected.append(Rejected(display, "zip member too large or compressed too well (decompression bomb?)"))
                continue
            target = (root / Path(*rel.parts)).resolve()
            if root not in target.parents:
                rejected.append(Rejected(display, "unsafe path in zip archive"))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as src, open(target, "wb") as dst:
                    copied = 0
                    while chunk := src.read(1 << 20):
                        copied += len(chunk)
                        if copied > MAX_MEMBER_BYTES:
                            raise ValueError("member larger than declared")
                        dst.write(chunk)
            except (zipfile.BadZipFile, ValueError, OSError, RuntimeError) as exc:
                rejected.append(Rejected(display, f"cannot unpack zip member: {exc}"))
                continue
            tasks.append(Task(path=str(target), display=display))
