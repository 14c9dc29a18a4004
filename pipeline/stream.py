"""The batch's stream: every input's result, in input order, holding a bounded window.

Inputs are taken in order; an input whose bytes (and the reading code) are in the cache is
ready at once, any other goes to the pool. Results come back in any order and are handed on in
input order, so outputs do not depend on the executor or on timing.

What the batch process holds is bounded: at most ``window`` results with their documents. A
file that takes long (up to its time limit) would hold back every result after it; so with the
cache on, results beyond the window are not kept but read back from the cache (where they were
just written) when their turn comes, and the pool keeps working up to ``ahead`` inputs past the
one awaited. Without the cache, ``ahead`` is the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from extract import FileResult
from pipeline.cache import ResultCache, file_sha256
from pipeline.executors import Pool, Task

AHEAD_PER_WINDOW = 16


def ordered_results(tasks: Sequence[Task], pool: Pool, cache: ResultCache | None, *, window: int = 64,
                    ahead: int | None = None, on_read: Callable[[FileResult], None] | None = None
                    ) -> Iterator[FileResult]:
    """Each task's result in task order. ``on_read`` sees every result read (not cached) as it
    arrives, after the cache has it."""
    n = len(tasks)
    if ahead is None:
        ahead = window * AHEAD_PER_WINDOW if cache is not None else window
    ready: dict[int, FileResult | tuple[str, str]] = {}  # a (sha, display) pair: spilled to the cache
    held = 0  # results in ``ready`` with their documents
    taken = emitted = 0
    waiting: int | None = None  # a task not in the cache that found no free slot yet
    again: list[int] = []  # spilled results the cache lost (disk full?): read again
    try:
        while emitted < n:
            while again and pool.slots() > 0:
                k = again.pop()
                pool.submit(k, tasks[k])
            while taken < n and taken < emitted + ahead:
                if waiting is None:
                    task = tasks[taken]
                    if cache is not None and held < window:
                        cached = cache.get(file_sha256(task.path), task.display)
                        if cached is not None:
                            ready[taken] = cached
                            held += 1
                            taken += 1
                            continue
                    elif cache is not None and cache.has(sha := file_sha256(task.path), task.display):
                        ready[taken] = (sha or "", task.display)
                        taken += 1
                        continue
                    waiting = taken
                if pool.slots() <= 0:
                    break
                pool.submit(waiting, tasks[waiting])
                waiting = None
                taken += 1
            while emitted in ready:
                item = ready.pop(emitted)
                if isinstance(item, tuple):
                    res = cache.get(*item) if cache is not None else None
                    if res is None:
                        again.append(emitted)
                        break
                else:
                    res = item
                    held -= 1
                yield res
                emitted += 1
            if emitted < n and emitted not in ready:
                for key, res in pool.poll(0.2):
                    if cache is not None:
                        cache.put(res)
                    if on_read is not None:
                        on_read(res)
                    if held >= window and cache is not None and res.documents and cache.has(res.sha256, res.path):
                        ready[key] = (res.sha256 or "", tasks[key].display)
                    else:
                        ready[key] = res
                        held += 1
    finally:
        pool.close()

