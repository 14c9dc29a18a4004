"""Each dossier audited and scored on its own, from the store: the unit of work after extraction.

A dossier's result depends on its documents, the documents a batch check compares with (its
PKs' superiors, for cascading), the code of the stages and the scoring options; all of them go
into its fingerprint (:meth:`store.RunIndex.dossiers`), and the result is cached under it
(``OUT/.cache/dossiers/``). A rerun after new files arrive audits again only the dossiers whose
fingerprint changed: those the new documents joined, and those whose superiors changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection, wait
from pathlib import Path

from audit import audit_dossier
from extract.models import DocType, Document
from score import RealisasiRow, RuleSet, score_document, score_skps
from store import DossierResult, DossierSpec, Layout
from store.read import load_dossier

CODE_PACKAGES = ("core", "normalize", "extract", "audit", "score", "store")  # and this module: it composes the result


@cache
def code_version() -> str:
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for pkg in CODE_PACKAGES:
        for path in sorted((root / pkg).rglob("*")):
            if path.suffix in (".py", ".toml"):
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())  # what goes into a DossierResult is decided here (audit_and_score)
    return h.hexdigest()[:16]


def salt(rules: RuleSet, realisasi: Sequence[RealisasiRow]) -> str:
    """What besides its documents changes a dossier's result: the code, the rule set, the realisasi."""
    h = hashlib.sha256(code_version().encode())
    h.update(rules.model_dump_json().encode())
    for row in realisasi:
        h.update(row.model_dump_json().encode())
    return h.hexdigest()


@dataclass(frozen=True)
class DossierJob:
    """What a worker needs to audit and score one dossier: its spec, and the documents either as
    files on storage the worker shares (``out``) or as their JSON (``texts``, by doc_id)."""

    spec: DossierSpec
    rules: RuleSet
    realisasi: tuple[RealisasiRow, ...]
    out: str | None = None
    texts: tuple[tuple[str, bytes], ...] = ()

    def documents(self) -> dict[str, Document]:
        if self.texts:
            return {i: Document.model_validate_json(t) for i, t in self.texts}
        layout = Layout(Path(self.out or "."))
        return {i: Document.model_validate_json(layout.document(i).read_bytes())
                for i in (*self.spec.members, *self.spec.related)}


def audit_and_score(spec: DossierSpec, docs: dict[str, Document], rules: RuleSet,
                    realisasi: Sequence[RealisasiRow]) -> DossierResult:
    """The dossier's audit (its checks, and the batch checks against its related documents) and the
    capaian of each of its PKs."""
    members = [docs[i] for i in spec.members]
    context = [docs[i] for i in spec.context] if spec.context else members
    dossier, alignment = audit_dossier(spec.dossier_id, members, context)
    skp = next((d for d in members if d.doc_type is DocType.SKP), None)
    scores = [score_document(pk, realisasi, rules, dossier=spec.dossier_id, skp=skp)
              for pk in members if pk.doc_type is DocType.PK and pk.indicators]
    return DossierResult(fingerprint=spec.fingerprint, dossier=dossier, alignment=alignment, scores=scores,
                         skp=score_skps(members))


def run_job(job: DossierJob) -> DossierResult:
    """The unit of work on any executor (also a Dask worker)."""
    return audit_and_score(job.spec, job.documents(), job.rules, job.realisasi)


# ---------------------------------------------------------------- in forked processes (local executors)

Render = Callable[[DossierResult, list[Document]], str]


def _serve(conn: Connection, out: str, rules: RuleSet, realisasi: tuple[RealisasiRow, ...], render: Render | None,
           parent: int) -> None:
    """A dossier worker's loop: a spec in, its result (and page) out, until told to stop."""
    from pipeline.executors import _die_with_parent, incoming  # noqa: PLC0415

    _die_with_parent(parent)
    for spec in incoming(conn):
        try:
            job = DossierJob(spec, rules, realisasi, out=out)
            docs = job.documents()
            result = audit_and_score(spec, docs, rules, realisasi)
            page = render(result, [docs[i] for i in spec.members]) if render else None
            reply = json.dumps({"result": result.model_dump_json(), "page": page})
        except BaseException:  # noqa: BLE001 - the batch process does it again itself, where a real error shows
            reply = "null"
        conn.send_bytes(reply.encode("utf-8"))
    conn.close()
    os._exit(0)


class DossierPool:
    """Dossiers audited and scored in ``workers`` processes forked once for the dossier phase (their
    caches stay warm from one dossier to the next), each dossier's report page drawn there too when
    the report has pages. A dossier whose worker fails is done again in the batch process, where a
    real error shows."""

    def __init__(self, workers: int, out: Path, rules: RuleSet, realisasi: Sequence[RealisasiRow],
                 render: Render | None) -> None:
        self.ctx = mp.get_context("fork")
        self.out, self.rules, self.realisasi, self.render = out, rules, tuple(realisasi), render
        self.idle: list[Connection] = []
        self.busy: dict[Connection, tuple[int, DossierSpec]] = {}
        self.procs: dict[Connection, mp.process.BaseProcess] = {}
        for _ in range(max(1, workers)):
            self._start()

    def _start(self) -> None:
        here, there = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve, args=(there, str(self.out), self.rules, self.realisasi, self.render,
                                                     os.getpid()), daemon=True)
        proc.start()
        there.close()
        self.idle.append(here)
        self.procs[here] = proc

    def slots(self) -> int:
        return len(self.idle)

    def submit(self, key: int, spec: DossierSpec) -> None:
        conn = self.idle.pop()
        try:
            conn.send(spec)
        except OSError:
            pass  # a dead worker: poll finds its pipe closed and does the dossier here
        self.busy[conn] = (key, spec)

    def poll(self, timeout: float) -> list[tuple[int, DossierResult, str | None]]:
        done = []
        for conn in wait(list(self.busy), timeout=timeout):
            key, spec = self.busy.pop(conn)  # type: ignore[index]
            try:
                data = json.loads(conn.recv_bytes())
                self.idle.append(conn)
            except (EOFError, OSError, ValueError):  # the worker died: another takes its place
                data = None
                proc = self.procs.pop(conn)
                proc.join(5)
                conn.close()
                self._start()
            if data:
                result, page = DossierResult.model_validate_json(data["result"]), data["page"]
            else:
                job = DossierJob(spec, self.rules, self.realisasi, out=str(self.out))
                docs = job.documents()
                result = audit_and_score(spec, docs, self.rules, self.realisasi)
                page = self.render(result, [docs[i] for i in spec.members]) if self.render else None
            done.append((key, result, page))
        return done

    def close(self) -> None:
        for conn in self.idle:
            try:
                conn.send(None)
            except OSError:
                pass
        for conn, proc in self.procs.items():
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join(5)
            conn.close()
        self.idle.clear()
        self.busy.clear()
        self.procs.clear()


def forked_dossiers(specs: Iterable[DossierSpec], pool: DossierPool, layout: Layout, *, window: int = 64
                    ) -> Iterator[tuple[DossierSpec, DossierResult, str | None]]:
    """Each dossier's result (and page) in order: from the cache, or from ``pool``."""
    ready: dict[int, tuple[DossierSpec, DossierResult, str | None]] = {}
    pending: dict[int, DossierSpec] = {}
    it = enumerate(specs)
    taken = emitted = 0
    exhausted = False
    waiting: tuple[int, DossierSpec] | None = None
    try:
        while True:
            while not exhausted and taken < emitted + window:
                if waiting is None:
                    nxt = next(it, None)
                    if nxt is None:
                        exhausted = True
                        break
                    n, spec = nxt
                    try:
                        ready[n] = (spec, load_dossier(layout, spec.fingerprint), None)
                        taken += 1
                        continue
                    except (OSError, ValueError):
                        waiting = (n, spec)
                if pool.slots() <= 0:
                    break
                n, spec = waiting
                pool.submit(n, spec)
                pending[n] = spec
                waiting = None
                taken += 1
            while emitted in ready:
                yield ready.pop(emitted)
                emitted += 1
            if exhausted and emitted == taken and waiting is None:
                return
            if emitted not in ready:
                for n, result, page in pool.poll(0.2):
                    ready[n] = (pending.pop(n), result, page)
    finally:
        pool.close()
