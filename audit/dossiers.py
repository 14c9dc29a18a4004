"""Group documents into dossiers: the documents of one unit and year.

A dossier is one principal official (the PK's pihak pertama, the SKP's pegawai, a Rincian's or a
Rencana Aksi's signer) and one year. Documents naming the same principal are linked within a file,
and across files when they carry the same year. A document whose official signs no PK in the
batch joins a PK of its own file only when that PK's pihak pertama is the same official under a
misspelt name (:func:`same_official`: the same NIP, or a name that differs by a slip), so that
the slip is reported as a signatory mismatch; a document of another official (a subordinate's SKP
bundled after the atasan's PK, the evaluations of several pegawai in one e-Kinerja export) keeps a
dossier of its own, and alone there it is ``dossier_unassigned``. A document without a principal
joins the PK before it in its file (else the file's first PK, else the file's first document).
A report (LKj) whose official signs no PK joins the PK it prints as a table, one that names no
pihak pertama of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

import regex as re
from rapidfuzz import fuzz

from extract.models import DocType, Document, Party, Role
from normalize.text import fold_key

PRINCIPAL_ROLES = (Role.PIHAK_PERTAMA, Role.PEGAWAI, Role.PENANDATANGAN)
SAME_NAME_RATIO = 85  # rapidfuzz ratio of two folded names above which they are one name misspelt


def principal_party(doc: Document) -> Party | None:
    return next((p for role in PRINCIPAL_ROLES if (p := doc.party(role)) is not None), None)


def principal(doc: Document) -> str | None:
    return p.name_key if (p := principal_party(doc)) is not None else None


def same_official(a: Party | None, b: Party | None) -> bool:
    """The same official, perhaps under a misspelt name: the same folded name; else, when both
    print a NIP, the same NIP; else names that differ by a slip (a letter or two, a title more).

    >>> p = lambda name, nip=None: Party(role=Role.PEGAWAI, name=name, nip=nip)
    >>> same_official(p("Andi Wijaya"), p("Andi Wijayanto")), same_official(p("Andi Wijaya"), p("Dr. Andi Wijaya, M.Si."))
    (True, True)
    >>> same_official(p("Dewi Lestari, S.T."), p("Rudi Hartono, S.T., M.T."))
    False
    >>> same_official(p("Andi Wijaya", "197003271995031002"), p("Andi Wijayanto", "198001012005011003"))
    False
    """
    if a is None or b is None or not a.name_key or not b.name_key:
        return False
    if a.name_key == b.name_key:
        return True
    nips = [re.sub(r"\D", "", p.nip or "") for p in (a, b)]
    if all(nips):
        return nips[0] == nips[1]
    short, long = sorted((a.name_key, b.name_key), key=len)
    return fuzz.ratio(a.name_key, b.name_key) >= SAME_NAME_RATIO or (len(short) >= 6 and short in long)


def _pks(agreements: list[Document], members: list[int]) -> list[int]:
    """The positions of a file's PKs (``members``: the file's documents, in order)."""
    return [j for j in members if agreements[j].doc_type is DocType.PK]


def _anchor(i: int, agreements: list[Document], members: list[int], pks: list[int],
            signs_pk: Callable[[str], bool]) -> int | None:
    """The document of its file that document ``i`` joins (itself: none), or None: it keeps its
    own principal's dossier. ``members``: the positions of the file's documents, in order;
    ``pks``: those of them that are PKs (:func:`_pks`, once per file)."""
    doc = agreements[i]
    mine = principal_party(doc)
    who = mine.name_key if mine is not None else None
    if doc.doc_type is DocType.PK or (who and signs_pk(who)):
        return None
    if not who:
        before = [j for j in pks if j < i]
        return before[-1] if before else (pks[0] if pks else members[0])
    same = [j for j in pks if same_official(mine, agreements[j].party(Role.PIHAK_PERTAMA))]
    if not same and doc.doc_type is DocType.LKJ:  # a report and the PK it prints as a table, signed by no one
        same = [j for j in pks if agreements[j].party(Role.PIHAK_PERTAMA) is None]
    before = [j for j in same if j < i]
    return before[-1] if before else (same[0] if same else None)


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

    Documents naming the same principal official are linked (within a file, and across files
    when the year matches too). A document whose official signs no PK in the batch joins the
    PK of its file whose pihak pertama is the same official misspelt (:func:`same_official`;
    the one before it, else the first after), so that the slip is reported as a signatory
    mismatch; a document of another official keeps its own dossier. A document without a
    principal joins the PK before it in its file (else the file's first PK, else its first
    document).
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
        pks = _pks(agreements, members)
        for i in members:
            anchor = _anchor(i, agreements, members, pks, pk_principals.__contains__)
            if anchor is not None:
                uf.union(i, anchor)
    groups: dict[int, list[Document]] = defaultdict(list)
    for i, doc in enumerate(agreements):
        groups[uf.find(i)].append(doc)
    return [groups[k] for k in sorted(groups)]


def dossier_year(docs: list[Document]) -> int | None:
    years = Counter(d.header.year for d in docs if d.header.year is not None)
    return years.most_common(1)[0][0] if years else None


def dossier_unit(docs: list[Document]) -> str | None:
    for doc_type in (DocType.PK, DocType.SKP, DocType.RINCIAN_TARGET, DocType.LAMPIRAN_SKP, DocType.EVALUASI_RENJA):
        for d in docs:
            if d.doc_type is doc_type and d.header.unit:
                return d.header.unit
    return next((d.header.unit for d in docs if d.header.unit), None)


class DossierNames:
    """The names already given in a batch, so that each dossier's is unique: the second dossier
    of one year and unit is ``<base>-2``, the third ``<base>-3``. The next number of each base
    is kept, so naming N dossiers of one unit is linear in N (a scan of the names taken was
    quadratic: a national archive has thousands of dossiers of one unit name)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, base: str) -> str:
        """``base`` if it is free, else ``base-n`` with the smallest n not yet given for it."""
        if base not in self.taken:
            self.taken.add(base)
            return base
        n = self._next.get(base, 2)
        while f"{base}-{n}" in self.taken:  # a name such as 'x-2' may have been given as a base of its own
            n += 1
        self._next[base] = n + 1
        ident = f"{base}-{n}"
        self.taken.add(ident)
        return ident


def dossier_id(docs: list[Document], names: DossierNames) -> str:
    """The dossier's name: its year and unit (else its principal official, else its file) as a slug,
    made unique among ``names``.

    >>> from extract.models import Header
    >>> doc = Document(doc_id="a", doc_type=DocType.PK, source_file="f.txt", header=Header(year=2024, unit="Biro Umum"))
    >>> names = DossierNames()
    >>> [dossier_id([doc], names) for _ in range(3)]
    ['2024-biro-umum', '2024-biro-umum-2', '2024-biro-umum-3']
    """
    year = dossier_year(docs)
    unit = dossier_unit(docs) or (principal(docs[0]) or docs[0].source_file)
    slug = re.sub(r"[^a-z0-9]+", "-", unit.casefold()).strip("-")[:60] or "unit"
    return names.claim(f"{year or 'tahun-tidak-diketahui'}-{slug}")


def same_person(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and fold_key(a) == fold_key(b)


def file_keys(docs: list[Document], signs_pk: Callable[[str], bool]) -> list[str | None]:
    """The dossier key of each document of one file, computed without the rest of the batch
    except ``signs_pk(name_key)``: does that official sign a PK anywhere in the batch?

    Documents with one key form one dossier. The key is the year and the principal official
    (``y2024|<name key>``); within a file every document of one official takes the year of the
    first of them that has one (``f<file>|<name key>`` when none has). A document whose official
    signs no PK takes the key of the PK of its file that :func:`group` anchors it to (the same
    official misspelt), else its own; a document without a principal takes the key of the PK
    before it in its file (or the file's first PK, or the file's first document); a PK without a
    principal is a dossier of its own (``d<doc_id>``); a regulation has no key (None).

    The keys group exactly as :func:`group` on every batch where no file mixes years for one
    official and no document joined to a PK under a misspelt name shares its official and year
    with a document of another file; :func:`group` links those cases transitively (union-find),
    merging the dossiers involved, where the keys keep them apart.
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

    members = list(range(len(agreements)))
    pks = _pks(agreements, members)
    anchors = {n: _anchor(n, agreements, members, pks, signs_pk) for n in members}
    keys: dict[int, str] = {}
    for n, d in enumerate(agreements):  # the anchors first: a PK, or a document anchored to itself
        if anchors[n] is None or anchors[n] == n:
            keys[id(d)] = own(d)
    for n, d in enumerate(agreements):  # anchored documents take their anchor's key
        a = n
        while id(agreements[a]) not in keys:
            a = anchors[a]
        keys[id(d)] = keys[id(agreements[a])]
    return [keys.get(id(d)) for d in docs]
