"""Dossiers: one principal official and year; a document joins the PK of its own official only."""

from __future__ import annotations

from collections import defaultdict

from audit import audit_documents
from audit.dossiers import DossierNames, file_keys, group, principal, same_official
from extract.models import DocType, Document, Header, Indicator, Party, Role

FILE = "bundle.pdf"


def _doc(n: int, doc_type: DocType, *people: tuple[Role, str, str | None], year: int | None = 2024,
         file: str = FILE) -> Document:
    return Document(doc_id=f"{file.split('.')[0]}--{n:02d}-{doc_type.value}", source_file=file, doc_type=doc_type,
                    header=Header(year=year), parties=[Party(role=r, name=name, nip=nip) for r, name, nip in people])


def _pk(n: int, head: str, boss: str = "Bupati Contoh", *, nip: str | None = None, year: int | None = 2024,
        file: str = FILE) -> Document:
    pk = _doc(n, DocType.PK, (Role.PIHAK_PERTAMA, head, nip), (Role.PIHAK_KEDUA, boss, None), year=year, file=file)
    pk.indicators = [Indicator(name="Indeks kepuasan masyarakat")]
    return pk


def _skp(n: int, pegawai: str, penilai: str, *, nip: str | None = None, year: int | None = 2024, file: str = FILE) -> Document:
    return _doc(n, DocType.SKP, (Role.PEGAWAI, pegawai, nip), (Role.PEJABAT_PENILAI, penilai, None), year=year, file=file)


def _ids(dossiers: list[list[Document]]) -> list[list[str]]:
    return [[d.doc_id for d in g] for g in dossiers]


def _by_keys(docs: list[Document]) -> list[list[str]]:
    """The dossiers that :func:`file_keys` gives, file by file, in the order of their first document."""
    pk_heads = {principal(d) for d in docs if d.doc_type is DocType.PK}
    files: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        files[d.source_file].append(d)
    keys = {d.doc_id: k for members in files.values()
            for d, k in zip(members, file_keys(members, lambda w: w in pk_heads), strict=True)}
    out: dict[str, list[str]] = {}
    for d in docs:
        if keys[d.doc_id] is not None:
            out.setdefault(keys[d.doc_id], []).append(d.doc_id)
    return list(out.values())


def test_a_subordinates_skp_after_the_atasans_pk_is_a_dossier_of_its_own() -> None:
    docs = [_pk(1, "Rudi Hartono, S.T., M.T."), _skp(2, "Dewi Lestari, S.T.", "Rudi Hartono, S.T., M.T."),
            _skp(3, "Dewi Lestari, S.T.", "Rudi Hartono, S.T., M.T.")]
    assert _ids(group(docs)) == _by_keys(docs) == [["bundle--01-pk"], ["bundle--02-skp", "bundle--03-skp"]]


def test_the_evaluations_of_several_pegawai_in_a_file_without_a_pk_are_a_dossier_each() -> None:
    docs = [_skp(1, "Dewi Lestari, S.T.", "Rudi Hartono"), _skp(2, "Andi Saputra, S.Kom.", "Rudi Hartono"),
            _skp(3, "Dewi Lestari, S.T.", "Rudi Hartono")]
    assert _ids(group(docs)) == _by_keys(docs) == [["bundle--01-skp", "bundle--03-skp"], ["bundle--02-skp"]]
    result = audit_documents(docs[1:2])
    assert [f.check for f in result.findings] == ["dossier_unassigned"]


def test_a_misspelt_principal_joins_the_pk_of_its_file_and_is_reported_as_a_signatory_mismatch() -> None:
    docs = [_pk(1, "Andi Wijaya"), _skp(2, "Andi Wijayanto", "Bupati Contoh"), _pk(3, "Sri Rahayu"),
            _doc(4, DocType.RINCIAN_TARGET, (Role.PENANDATANGAN, "Sri Rahaju", None))]
    assert _ids(group(docs)) == _by_keys(docs) == [["bundle--01-pk", "bundle--02-skp"], ["bundle--03-pk", "bundle--04-rincian_target"]]
    result = audit_documents(docs)
    assert sorted((f.expected, f.found) for f in result.findings if f.check == "signatory_mismatch") == [
        ("Andi Wijaya", "Andi Wijayanto"), ("Sri Rahayu", "Sri Rahaju")]


def test_a_misspelt_principal_before_its_pk_joins_the_first_pk_of_its_official_after_it() -> None:
    docs = [_skp(1, "Andi Wijayanto", "Bupati Contoh"), _pk(2, "Sri Rahayu"), _pk(3, "Andi Wijaya")]
    assert _ids(group(docs)) == _by_keys(docs) == [["bundle--01-skp", "bundle--03-pk"], ["bundle--02-pk"]]


def test_a_document_without_a_principal_joins_the_pk_before_it_or_the_files_first_document() -> None:
    with_pk = [_doc(1, DocType.RINCIAN_TARGET), _pk(2, "Andi Wijaya"), _pk(3, "Sri Rahayu"), _doc(4, DocType.RINCIAN_TARGET)]
    assert _ids(group(with_pk)) == _by_keys(with_pk) == [
        ["bundle--01-rincian_target", "bundle--02-pk"], ["bundle--03-pk", "bundle--04-rincian_target"]]
    without_pk = [_skp(1, "Dewi Lestari", "Rudi Hartono", file="x.pdf"), _doc(2, DocType.RINCIAN_TARGET, file="x.pdf")]
    assert _ids(group(without_pk)) == _by_keys(without_pk) == [["x--01-skp", "x--02-rincian_target"]]


def test_an_official_without_a_pk_is_one_dossier_across_files_of_one_year() -> None:
    docs = [_skp(1, "Dewi Lestari", "Rudi Hartono", file="a.pdf"), _skp(1, "Dewi Lestari", "Rudi Hartono", file="b.pdf"),
            _skp(1, "Dewi Lestari", "Rudi Hartono", year=2023, file="c.pdf")]
    assert _ids(group(docs)) == _by_keys(docs) == [["a--01-skp", "b--01-skp"], ["c--01-skp"]]


def test_two_nips_that_differ_make_two_officials_however_alike_their_names() -> None:
    docs = [_pk(1, "Andi Wijaya", nip="197003271995031002"), _skp(2, "Andi Wijayanto", "Bupati Contoh", nip="198001012005011003")]
    assert _ids(group(docs)) == [["bundle--01-pk"], ["bundle--02-skp"]]
    head, pegawai = docs[0].parties[0], docs[1].parties[0]
    assert same_official(head, pegawai) is False
    assert same_official(head, pegawai.model_copy(update={"nip": "197003271995031002"})) is True


def test_dossiers_of_one_year_and_unit_are_numbered_in_order_and_never_collide() -> None:
    names = DossierNames()
    assert [names.claim("2024-biro-umum") for _ in range(3)] == ["2024-biro-umum", "2024-biro-umum-2", "2024-biro-umum-3"]
    # a unit whose own slug ends in a number takes the name first: the numbering steps over it
    assert names.claim("2024-biro-umum-5") == "2024-biro-umum-5"
    assert [names.claim("2024-biro-umum") for _ in range(3)] == ["2024-biro-umum-4", "2024-biro-umum-6", "2024-biro-umum-7"]
    assert names.claim("2024-biro-umum-2") == "2024-biro-umum-2-2"


def test_naming_many_dossiers_of_one_unit_keeps_each_name_unique() -> None:
    names = DossierNames()
    given = [names.claim("2024-dinas") for _ in range(5000)]
    assert len(set(given)) == 5000
    assert given[-1] == "2024-dinas-5000"
