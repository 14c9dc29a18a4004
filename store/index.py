"""The run's index in SQLite: one row per input and per document, the dossier each document
belongs to, and an index of the PKs' parties for the batch-wide checks.

Nothing here holds the batch: documents are added one at a time as they are read, dossiers
are assigned by a pass over the index (a file at a time) and handed out one at a time.

Dossier keys (:func:`audit.dossiers.file_keys`) need one fact about the whole batch -- whether
an official signs a PK anywhere -- which is a lookup in ``docs`` (indexed). Cascading needs the
PKs whose pihak pertama is a given official: ``docs.pk_head`` (indexed).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from audit.dossiers import DossierNames, dossier_id, file_keys, principal
from extract.models import DocType, Document, ManifestEntry, Role

SCHEMA = """
CREATE TABLE inputs (position INTEGER PRIMARY KEY, entry TEXT NOT NULL);
CREATE TABLE docs (
    position INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, source_file TEXT NOT NULL,
    doc_type TEXT NOT NULL, year INTEGER, principal TEXT, pk_head TEXT, pk_boss TEXT, sha TEXT NOT NULL,
    stub TEXT NOT NULL, dossier_key TEXT, dossier TEXT
);
CREATE INDEX docs_pk_principal ON docs (principal) WHERE doc_type = 'pk';
CREATE INDEX docs_pk_head ON docs (pk_head) WHERE pk_head IS NOT NULL;
CREATE INDEX docs_file ON docs (source_file, position);
CREATE TABLE dossiers (
    position INTEGER PRIMARY KEY, dossier_id TEXT NOT NULL UNIQUE, dossier_key TEXT NOT NULL, first INTEGER NOT NULL,
    unit TEXT, year INTEGER, documents INTEGER NOT NULL, fingerprint TEXT NOT NULL, unassigned TEXT,
    findings INTEGER, errors INTEGER, warnings INTEGER
);
CREATE TABLE scored (doc_id TEXT PRIMARY KEY);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def stub(doc: Document) -> Document:
    """What grouping and naming a dossier read of a document: its header and parties."""
    return doc.model_copy(update={"indicators": [], "budget": [], "initiatives": [], "sections": [], "tables": [],
                                  "issues": []})


@dataclass(frozen=True)
class DossierSpec:
    """One dossier to audit: its id, its members and the related documents of other dossiers
    (cascading superiors), by doc_id in batch order, and the fingerprint of all of them."""

    position: int
    dossier_id: str
    members: tuple[str, ...]
    related: tuple[str, ...]
    fingerprint: str
    context: tuple[str, ...] = ()  # members and related, in batch order
    unassigned: str | None = None  # the doc_id of a lone document that is not a PK
    stubs: tuple[Document, ...] = field(default=(), compare=False, repr=False)


class RunIndex:
    """``OUT/.cache/run.sqlite``: made fresh by each run (``create``), read by ``open``."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._docs = 0
        self._inputs = 0

    @classmethod
    def create(cls, path: Path) -> RunIndex:
        path.parent.mkdir(parents=True, exist_ok=True)
        for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
            p.unlink(missing_ok=True)
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA journal_mode = OFF")  # scratch: a killed run rebuilds it
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -8000")  # 8 MB of pages, whatever the batch
        con.executescript(SCHEMA)
        con.execute("BEGIN")
        return cls(con)

    @classmethod
    def open(cls, path: Path) -> RunIndex:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(con)

    def commit(self) -> None:
        if self.con.in_transaction:
            self.con.execute("COMMIT")
        self.con.execute("BEGIN")

    def close(self) -> None:
        if self.con.in_transaction:
            self.con.execute("COMMIT")
        self.con.close()

    # ---------------------------------------------------------------- writing

    def claim(self, doc_id: str, path: str) -> str | None:
        """The path of the input that already gave ``doc_id``, if any."""
        row = self.con.execute("SELECT path FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def add_input(self, entry: ManifestEntry) -> None:
        self.con.execute("INSERT INTO inputs VALUES (?, ?)", (self._inputs, entry.model_dump_json()))
        self._inputs += 1

    def add_document(self, doc: Document, path: str, sha: str) -> None:
        head = boss = None
        if doc.doc_type is DocType.PK and doc.indicators:
            h, b = doc.party(Role.PIHAK_PERTAMA), doc.party(Role.PIHAK_KEDUA)
            head, boss = (h.name_key if h else None), (b.name_key if b else None)
        self.con.execute(
            "INSERT INTO docs (position, doc_id, path, source_file, doc_type, year, principal, pk_head, pk_boss, sha, stub)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self._docs, doc.doc_id, path, doc.source_file, doc.doc_type.value, doc.header.year, principal(doc), head,
             boss, sha, stub(doc).model_dump_json()),
        )
        self._docs += 1

    def add_scored(self, doc_id: str) -> None:
        """A score file was written for ``doc_id`` by this run."""
        self.con.execute("INSERT OR IGNORE INTO scored VALUES (?)", (doc_id,))

    def written(self, kind: str, name: str) -> bool:
        """Did this run write ``name`` (a doc_id or a dossier_id) as a file of ``kind``
        (``documents``, ``dossiers`` or ``scores``)?"""
        table, column = {"documents": ("docs", "doc_id"), "dossiers": ("dossiers", "dossier_id"),
                         "scores": ("scored", "doc_id")}[kind]
        return self.con.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (name,)).fetchone() is not None  # table and column from the mapping above

    def set_meta(self, key: str, value: object) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value, default=str)))

    def meta(self, key: str, default: object = None) -> object:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    # ---------------------------------------------------------------- dossiers

    def assign_keys(self) -> None:
        """The dossier key of every document, a file (source name) at a time."""
        def signs_pk(name_key: str) -> bool:
            return self.con.execute("SELECT 1 FROM docs WHERE doc_type = 'pk' AND principal = ? LIMIT 1",
                                    (name_key,)).fetchone() is not None

        cur = self.con.execute("SELECT position, source_file, stub FROM docs ORDER BY source_file, position")
        batch: list[tuple[int, Document]] = []
        current: str | None = None
        updates: list[tuple[str | None, int]] = []

        def flush() -> None:
            docs = [d for _, d in batch]
            for (pos, _), key in zip(batch, file_keys(docs, signs_pk), strict=True):
                updates.append((key, pos))
            batch.clear()

        for pos, source, text in cur:
            if source != current and batch:
                flush()
            current = source
            batch.append((pos, Document.model_validate_json(text)))
            if len(updates) > 10_000:
                self.con.executemany("UPDATE docs SET dossier_key = ? WHERE position = ?", updates)
                updates.clear()
                self.commit()  # a transaction's dirty pages stay in memory: commit as it goes
        if batch:
            flush()
        self.con.executemany("UPDATE docs SET dossier_key = ? WHERE position = ?", updates)
        self.con.execute("CREATE INDEX docs_dossier ON docs (dossier_key, position)")

    def count_keys(self) -> int:
        return self.con.execute("SELECT count(DISTINCT dossier_key) FROM docs").fetchone()[0]

    def dossiers(self, salt: str) -> Iterator[DossierSpec]:
        """Each dossier in batch order (by its first document), named as :func:`audit.dossiers.dossier_id`
        names it, with the fingerprint of its members' and related documents' contents and ``salt``
        (the code and the options that change a dossier's result)."""
        names = DossierNames()
        keys = self.con.execute(
            "SELECT dossier_key, min(position) AS first FROM docs WHERE dossier_key IS NOT NULL "
            "GROUP BY dossier_key ORDER BY first").fetchall()
        for n, (key, first) in enumerate(keys):
            rows = self.con.execute(
                "SELECT doc_id, sha, stub, position FROM docs WHERE dossier_key = ? ORDER BY position", (key,)).fetchall()
            stubs = [Document.model_validate_json(r[2]) for r in rows]
            ident = dossier_id(stubs, names)
            related = self._related(key)
            h = hashlib.sha256(salt.encode())
            h.update(ident.encode())
            for doc_id, sha, _, _ in rows:
                h.update(f"\0m{doc_id}\0{sha}".encode())
            for doc_id, sha, _ in related:
                h.update(f"\0r{doc_id}\0{sha}".encode())
            context = tuple(r[0] for r in sorted([(r[0], r[3]) for r in rows] + [(r[0], r[2]) for r in related],
                                                 key=lambda r: r[1]))
            lone = stubs[0].doc_id if len(stubs) == 1 and stubs[0].doc_type is not DocType.PK else None
            spec = DossierSpec(n, ident, tuple(r[0] for r in rows), tuple(r[0] for r in related), h.hexdigest(),
                               context, lone, tuple(stubs))
            self.con.execute(
                "INSERT INTO dossiers (position, dossier_id, dossier_key, first, documents, fingerprint, unassigned)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", (n, ident, key, first, len(rows), spec.fingerprint, lone))
            self.con.execute("UPDATE docs SET dossier = ? WHERE dossier_key = ?", (ident, key))
            if n % 500 == 499:
                self.commit()
            yield spec

    def _related(self, key: str) -> list[tuple[str, str, int]]:
        """The PKs (outside the dossier) whose pihak pertama is the pihak kedua of a PK in it, of the same
        year or without one: what the cascading check compares with."""
        rows = self.con.execute(
            "SELECT DISTINCT sup.doc_id, sup.sha, sup.position FROM docs sub JOIN docs sup ON sup.pk_head = sub.pk_boss "
            "WHERE sub.dossier_key = ? AND sub.pk_boss IS NOT NULL AND sup.dossier_key IS NOT ? "
            "AND (sub.year IS NULL OR sup.year IS NULL OR sub.year = sup.year) ORDER BY sup.position", (key, key))
        return [(r[0], r[1], r[2]) for r in rows]

    def record_dossier(self, dossier_id: str, unit: str | None, year: int | None, findings: int, errors: int,
                       warnings: int) -> None:
        self.con.execute("UPDATE dossiers SET unit = ?, year = ?, findings = ?, errors = ?, warnings = ? WHERE dossier_id = ?",
                         (unit, year, findings, errors, warnings, dossier_id))

    # ---------------------------------------------------------------- reading

    def manifest(self) -> Iterator[ManifestEntry]:
        for (text,) in self.con.execute("SELECT entry FROM inputs ORDER BY position"):
            yield ManifestEntry.model_validate_json(text)

    def doc_ids(self) -> Iterator[str]:
        for (doc_id,) in self.con.execute("SELECT doc_id FROM docs ORDER BY position"):
            yield doc_id

    def stubs(self, where: str = "", args: tuple = ()) -> Iterator[Document]:
        for (text,) in self.con.execute(f"SELECT stub FROM docs {where} ORDER BY position", args):
            yield Document.model_validate_json(text)

    def outside(self) -> list[str]:
        """Documents in no dossier (regulations)."""
        return [r[0] for r in self.con.execute("SELECT doc_id FROM docs WHERE dossier IS NULL ORDER BY position")]

    def dossier_rows(self) -> Iterator[tuple]:
        """(position, dossier_id, unit, year, documents, findings, errors, warnings, fingerprint, unassigned)."""
        yield from self.con.execute(
            "SELECT position, dossier_id, unit, year, documents, findings, errors, warnings, fingerprint, unassigned "
            "FROM dossiers ORDER BY position")

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
