"""Group documents into dossiers: the documents of one unit and year.

Documents are linked when they name the same principal official (the PK's pihak pertama,
the SKP's pegawai, a Rincian's signer) and, across files, carry the same year; a
document without a principal joins the dossier of its own file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

import regex as re

from extract.models import DocType, Document, Role
from normalize.text import fold_key

PRINCIPAL_ROLES = (Role.PIHAK_PERTAMA, Role.PEGAWAI, Role.PENANDATANGAN)


def principal(doc: Document) -> str | None:
    for role in PRINCIPAL_ROLES:
        p = doc.party(role)
        if p is not None:
            return p.name_key
    return None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group(docs: list[Document]) -> list[list[Document]]:
    """Dossiers in input order; regulations are reference texts and belong to none.

    Documents naming the same principal official are linked (within a file, and across
    files when the year matches too). A document whose official signs no PK in the batch
    joins the PK before it in its own file, so that a wrong name is reported as a
    signatory mismatch instead of hiding in a dossier of its own.
    """
    agreements = [d for d in docs if d.doc_type is not DocType.REGULATION]
    uf = _UnionFind(len(agreements))
    by_file_principal: dict[tuple[str, str], int] = {}
    by_year_principal: dict[tuple[int, str], int] = {}
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(agreements):
        who = principal(doc)
        by_file[doc.source_file].append(i)
        if who:
            if (doc.source_file, who) in by_file_principal:
                uf.union(i, by_file_principal[(doc.source_file, who)])
            by_file_principal.setdefault((doc.source_file, who), i)
            if doc.header.year is not None:
                key = (doc.header.year, who)
                if key in by_year_principal:
                    uf.union(i, by_year_principal[key])
                by_year_principal.setdefault(key, i)
    pk_principals = {principal(d) for d in agreements if d.doc_type is DocType.PK and principal(d)}
    for members in by_file.values():
        pks = [i for i in members if agreements[i].doc_type is DocType.PK]
        for i in members:
            doc = agreements[i]
            if doc.doc_type is DocType.PK or (principal(doc) in pk_principals and principal(doc)):
                continue
            # a document that names no PK's official belongs to the PK before it in its file
            before = [j for j in pks if j < i]
            anchor = before[-1] if before else (pks[0] if pks else members[0])
            uf.union(i, anchor)
    groups: dict[int, list[Document]] = defaultdict(list)
    for i, doc in enumerate(agreements):
        groups[uf.find(i)].append(doc)
    return [groups[k] for k in sorted(groups)]


def dossier_year(docs: list[Document]) -> int | None:
    years = Counter(d.header.year for d in docs if d.header.year is not None)
    return years.most_common(1)[0][0] if years else None


def dossier_unit(docs: list[Document]) -> str | None:
    for doc_type in (DocType.PK, DocType.SKP, DocType.RINCIAN_TARGET, DocType.LAMPIRAN_SKP):
        for d in docs:
            if d.doc_type is doc_type and d.header.unit:
                return d.header.unit
    return next((d.header.unit for d in docs if d.header.unit), None)


def dossier_id(docs: list[Document], taken: set[str]) -> str:
    year = dossier_year(docs)
    unit = dossier_unit(docs) or (principal(docs[0]) or docs[0].source_file)
    slug = re.sub(r"[^a-z0-9]+", "-", unit.casefold()).strip("-")[:60] or "unit"
    base = f"{year or 'tahun-tidak-diketahui'}-{slug}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def same_person(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and fold_key(a) == fold_key(b)


def file_keys(docs: list[Document], signs_pk: Callable[[str], bool]) -> list[str | None]:
    """The dossier key of each document of one file, computed without the rest of the batch
    except ``signs_pk(name_key)``: does that official sign a PK anywhere in the batch?

    Documents with one key form one dossier. The key is the year and the principal official
    (``y2024|<name key>``); within a file every document of one official takes the year of the
    first of them that has one (``f<file>|<name key>`` when none has). A document whose official
    signs no PK takes the key of the PK before it in its file (or the file's first PK, or the
    file's first document), as :func:`group` anchors it; a PK without a principal is a dossier
    of its own (``d<doc_id>``); a regulation has no key (None).

    The keys group exactly as :func:`group` on every batch where no file mixes years for one
    official and where the documents of an official who signs no PK all fall to one anchor (one
    file, no PK between them); :func:`group` links those cases transitively (union-find), merging
    the dossiers involved, where the keys keep them apart.
    """
    agreements = [d for d in docs if d.doc_type is not DocType.REGULATION]
    who = {id(d): principal(d) for d in agreements}
    year_of: dict[str, int] = {}
    for d in agreements:
        w = who[id(d)]
        if w and d.header.year is not None:
            year_of.setdefault(w, d.header.year)

    def own(d: Document) -> str:
        w = who[id(d)]
        if not w:
            return f"d{d.doc_id}"
        return f"y{year_of[w]}|{w}" if w in year_of else f"f{d.source_file}|{w}"

    pks = [n for n, d in enumerate(agreements) if d.doc_type is DocType.PK]
    keys: dict[int, str] = {}
    for n, d in enumerate(agreements):
        w = who[id(d)]
        if d.doc_type is DocType.PK or (w and signs_pk(w)):
            keys[id(d)] = own(d)
            continue
        before = [j for j in pks if j < n]
        anchor = agreements[before[-1] if before else (pks[0] if pks else 0)]
        keys[id(d)] = own(d) if anchor is d else ""
    for n, d in enumerate(agreements):  # anchored documents take their anchor's key
        if keys[id(d)] == "":
            before = [j for j in pks if j < n]
            anchor = agreements[before[-1] if before else (pks[0] if pks else 0)]
            keys[id(d)] = keys[id(anchor)]
    return [keys.get(id(d)) for d in docs]
