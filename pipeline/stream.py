"""The batch's stream: every input's result, in input order, holding a bounded window.

Inputs are taken in order; an input whose bytes (and the reading code) are in the cache is
ready at once, any other goes to the pool. Results come back in any order and are handed on in
input order, so outputs do not depend on the executor or on timing. At most ``window`` inputs
are between "taken" and "handed on": a file that takes long holds back at most that many
results, and the batch process never holds more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from extract import FileResult
from pipeline.cache import ResultCache, file_sha256
from pipeline.executors import Pool, Task


def ordered_results(tasks: Sequence[Task], pool: Pool, cache: ResultCache | None, *, window: int = 64,
                    on_read: Callable[[FileResult], None] | None = None) -> Iterator[FileResult]:
    """Each task's result in task order. ``on_read`` sees every result read (not cached) as it
    arrives, after the cache has it."""
    n = len(tasks)
    ready: dict[int, FileResult] = {}
    taken = emitted = 0
    waiting: int | None = None  # a task not in the cache that found no free slot yet
    try:
        while emitted < n:
            while taken < n and taken < emitted + window:
                if waiting is None:
                    task = tasks[taken]
                    cached = cache.get(file_sha256(task.path), task.display) if cache is not None else None
                    if cached is not None:
                        ready[taken] = cached
                        taken += 1
                        continue
                    waiting = taken
                if pool.slots() <= 0:
                    break
                pool.submit(waiting, tasks[waiting])
                waiting = None
                taken += 1
            while emitted in ready:
                yield ready.pop(emitted)
                emitted += 1
            if emitted < n and emitted not in ready:
                for key, res in pool.poll(0.2):
                    if cache is not None:
                        cache.put(res)
                    if on_read is not None:
                        on_read(res)
                    ready[key] = res
    finally:
        pool.close()
