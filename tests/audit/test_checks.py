"""Every audit check on a small fixture that triggers it and a near miss that must not.

The fixtures under ``tests/fixtures/audit/`` are text renderings in the shape of the seeds
(upper-case titles, tab-separated tables, signature blocks) and run through the real path:
``read_text_documents`` then ``audit_documents``. A trigger is a one-line edit of a fixture
(``edit`` insists the edited text occurs exactly once), so each test says exactly what changed.

``base_dossier.txt`` is one consistent dossier of Andi Wijaya (Direktur Uji Coba, 2024) whose
documents already differ in the harmless ways the README promises to tolerate:

====  ==============================  ==========================================================
line  document (doc_id)               what is in it
====  ==============================  ==========================================================
1     PK (fx--01-pk)                  4 IKU (lines 7-10: 1a-CP "... BA 015" 100, 1b-CP 34,94%,
                                      2a-N 85, 2b-N 100); budget lines 16-19 (program 1.000.000.000
                                      = output 1.000.000.000 = 600.000.000 + 400.000.000); signed by
                                      Budi Santoso (pihak kedua, line 28) and Andi Wijaya (pihak
                                      pertama, line 31, NIP 197003271995031002)
34    Rincian Target (fx--02-...)     the 4 IKU by quarter (lines 42-46): "BA015", a cumulative
                                      trajectory with a carried-forward s.d.Q3 (1b-CP)
54    SKP (fx--03-skp)                party table at line 61; items at lines 75-78 with
                                      "100 (4 skala 5)" and "34,9 4%" as annual targets
93    Lampiran SKP (fx--04-...)       Jumlah Anggaran Rp 1.000.000.000 (line 102); quarters at
                                      lines 107-110
====  ==============================  ==========================================================

``quarters_only_ra.txt`` is a provincial PK with Triwulan I-IV columns only (cumulative 5/25/55/100,
additive 25/25/25/25 -> 100, N/A carried) and its Rencana Aksi; ``subordinate_pk.txt`` is the PK of
a Kepala Bagian whose pihak kedua is Andi Wijaya, for the cascade; ``inisiatif_strategis.txt`` is
appended to the base file, and ``regulation.txt`` is a reference text that belongs to no dossier.
"""

from __future__ import annotations

import pytest

from audit import CHECKS, AuditResult, Finding, audit_documents
from audit.checks import nip_problems
from extract.models import PERIOD_NAMES, Document, Period, Signature
from extract.text.reader import read_text_documents
from tests.extract.text.test_shapes import LKJ_MEASURES, LKJ_REPORT
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "audit"
BASE = "base_dossier.txt"
RA = "quarters_only_ra.txt"
SUB = "subordinate_pk.txt"
INISIATIF = "inisiatif_strategis.txt"
REGULATION = "regulation.txt"

PK, RT, SKP, LAM = "fx--01-pk", "fx--02-rincian_target", "fx--03-skp", "fx--04-lampiran_skp"
RA_PK, RA_DOC = "fx--01-pk", "fx--02-rencana_aksi"
NIP = "197003271995031002"

# rows of the base fixture, as they are printed (tabs included)
PK_2B = "2b-N Indeks maturitas penyelenggaraan SPIP\t100"
RT_1A = "1a-CP\tIndeks kualitas pengelolaan keuangan BA015\t-\t-\t-\t-\t-\t100\t100"
RT_2A = "2a-N\tNilai kinerja regulasi prioritas\t-\t40\t40\t60\t60\t85\t85"
RT_2B = "2b-N\tIndeks maturitas penyelenggaraan SPIP\t-\t-\t-\t-\t-\t100\t100\n"
RT_SASARAN_2 = "2\tSasaran Dua yang Optimal\t\t\t"
SKP_2A = "Nilai kinerja regulasi prioritas\t85\tProses Bisnis"
SKP_2B = "4.\t\tIndeks maturitas penyelenggaraan SPIP\t100\tProses Bisnis\n"
SKP_SASARAN_2 = "Sasaran Dua yang Optimal (Penugasan dari Menteri Contoh)"
LAM_1A = "1.\tIndeks kualitas pengelolaan keuangan BA 015\t-\t-\t-\t-\t-\t100\t100"
LAM_1B = "2.\tTingkat kepuasan pengguna layanan\t10%"
LAM_2A = "3.\tNilai kinerja regulasi prioritas\t-\t40\t40\t60\t60\t85\t85"
LAM_2B = "4.\tIndeks maturitas penyelenggaraan SPIP\t-\t-\t-\t-\t-\t100 (4 skala 5)\t100 (4 skala 5)\n"
LAM_ANGGARAN = "Jumlah Anggaran pada Direktorat Uji Coba sebesar Rp 1.000.000.000"
KEGIATAN_DUA = "b. Kegiatan Dua\t<i>Rp</i>\t400.000.000"


# --- helpers ------------------------------------------------------------------------------------


def fixture(name: str = BASE) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def edit(text: str, *pairs: tuple[str, str]) -> str:
    """Replace each ``old`` (which must occur exactly once) with ``new``."""
    for old, new in pairs:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the fixture"
        text = text.replace(old, new)
    return text


def read(text: str, source: str = BASE, stem: str = "fx") -> list[Document]:
    return read_text_documents(text, source, stem)


def audit(*files: tuple[str, str, str] | str) -> AuditResult:
    """Audit texts together; each file is ``text`` (read as the base fixture) or ``(text, source, stem)``."""
    docs: list[Document] = []
    for f in files:
        text, source, stem = (f, BASE, "fx") if isinstance(f, str) else f
        docs.extend(read(text, source, stem))
    return audit_documents(docs)


def of(result: AuditResult, check: str) -> list[Finding]:
    return [f for f in result.findings if f.check == check]


def checks(result: AuditResult) -> set[str]:
    return {f.check for f in result.findings}


def where(f: Finding) -> list[tuple[str, int | None]]:
    return [(e.doc_id, e.location.line) for e in f.evidence]


def one(result: AuditResult, check: str) -> Finding:
    found = of(result, check)
    assert len(found) == 1, f"expected one {check}, got {[(f.indicator_code, f.expected, f.found) for f in found]}"
    return found[0]


def score(result: AuditResult, family: str) -> tuple[int, int]:
    s = next(s for d in result.dossiers for s in d.scores if s.family == family)
    return s.checked, s.passed


# --- the fixtures themselves --------------------------------------------------------------------


def test_base_fixture_reads_as_intended() -> None:
    """Guard for every test below: the base fixture is read into the documents it describes."""
    docs = {d.doc_id: d for d in read(fixture())}
    assert list(docs) == [PK, RT, SKP, LAM]
    assert [i.code for i in docs[PK].indicators] == ["1a-CP", "1b-CP", "2a-N", "2b-N"]
    assert [i.location.line for i in docs[PK].indicators] == [7, 8, 9, 10]
    assert [i.location.line for i in docs[RT].indicators] == [42, 43, 45, 46]
    assert [i.location.line for i in docs[SKP].indicators] == [75, 76, 77, 78]
    assert [i.location.line for i in docs[LAM].indicators] == [107, 108, 109, 110]
    assert [(b.level, b.amount, b.location.line) for b in docs[PK].budget] == [
        ("program", 1_000_000_000, 16), ("output", 1_000_000_000, 17), ("kegiatan", 600_000_000, 18), ("kegiatan", 400_000_000, 19),
    ]
    assert [(p.role.value, p.name, p.nip) for p in docs[PK].parties] == [
        ("pihak_pertama", "Andi Wijaya", NIP), ("pihak_kedua", "Budi Santoso", None),
    ]
    assert [(p.role.value, p.name, p.nip) for p in docs[SKP].parties] == [
        ("pegawai", "Andi Wijaya", NIP), ("pejabat_penilai", "Budi Santoso", None),
    ]
    assert docs[LAM].header.jumlah_anggaran is not None and docs[LAM].header.jumlah_anggaran.amount == 1_000_000_000
    assert {d.header.year for d in docs.values()} == {2024}
    assert all(d.status.value == "ok" for d in docs.values())


def test_base_dossier_raises_nothing_and_checks_every_family() -> None:
    """The near misses of the base fixture ("100" vs "100 (4 skala 5)", "34,9 4%" vs "34,94%",
    "BA 015" vs "BA015", "(Penugasan dari ...)" after a sasaran, a carried-forward s.d.Q3, budget
    lines adding up exactly, a valid NIP, the same NIP on every document) raise no finding, and
    each family was really checked, not skipped."""
    result = audit(fixture())
    assert result.findings == []
    families = {s.family: (s.checked, s.passed) for d in result.dossiers for s in d.scores}
    for family in ("kelengkapan", "nama", "target", "trajectory", "anggaran", "penandatangan", "nip", "tahun"):
        checked, passed = families[family]
        assert checked > 0 and passed == checked, (family, checked, passed)


def test_quarters_only_fixture_raises_nothing() -> None:
    """Cumulative 5/25/55/100 -> 100, additive 25/25/25/25 -> 100, N/A/30/N/A/80 -> 80 and an index
    N/A/N/A/N/A/3,25 -> 3,25 are all consistent; the Rencana Aksi repeats the PK."""
    result = audit(fixture(RA))
    assert result.findings == []
    assert score(result, "trajectory") == (4, 4)


# --- indicator_missing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "row", "doc_id", "label", "severity"),
    [
        (BASE, SKP_2B, SKP, "SKP", "error"),
        (BASE, LAM_2B, LAM, "Lampiran SKP", "error"),
        (BASE, RT_2B, RT, "Rincian Target Kinerja", "warning"),
        (RA, "4\tMeningkatnya penggunaan produk dalam negeri\tPersentase belanja produk dalam negeri\t80\t", RA_DOC, "Rencana Aksi", "warning"),
    ],
    ids=["skp", "lampiran_skp", "rincian_target", "rencana_aksi"],
)
def test_indicator_missing(source: str, row: str, doc_id: str, label: str, severity: str) -> None:
    text = fixture(source)
    if source == RA:  # drop the whole Rencana Aksi row
        start = text.index(row)
        row = text[start : text.index("\n", start) + 1]
    result = audit(edit(text, (row, "")))
    f = one(result, "indicator_missing")
    assert f.severity.value == severity
    if source == BASE:
        assert (f.indicator_code, f.indicator_name) == ("2b-N", "Indeks maturitas penyelenggaraan SPIP")
        assert f.expected == "2b-N Indeks maturitas penyelenggaraan SPIP"
        assert where(f)[0] == (PK, 10) and where(f)[1][0] == doc_id
    else:
        assert (f.indicator_code, f.indicator_name) == (None, "Persentase belanja produk dalam negeri")
        assert f.expected == "Persentase belanja produk dalam negeri"
        assert where(f)[0] == (RA_PK, 25) and where(f)[1][0] == doc_id
    assert f.found is None
    assert f"tidak ada di {label}:" in f.message("id")
    assert checks(result) == {"indicator_missing"}


def test_indicator_missing_names_the_document_it_is_missing_from() -> None:
    f = one(audit(edit(fixture(), (SKP_2B, ""))), "indicator_missing")
    assert f.doc_ids == [PK, SKP]
    assert [e.doc_id for e in f.evidence] == [PK, SKP]


def test_indicator_missing_near_misses() -> None:
    """A reworded indicator between two aligned neighbours is paired (a name mismatch), not missing;
    an Inisiatif Strategis names only the IKU it serves and owes no other."""
    reworded = audit(edit(fixture(), (SKP_2A, "Persentase penyelesaian regulasi prioritas\t85\tProses Bisnis")))
    assert "indicator_missing" not in checks(reworded) and "indicator_extra" not in checks(reworded)
    inisiatif = fixture() + fixture(INISIATIF)  # an Inisiatif Strategis serving 2a-N only
    result = audit(inisiatif)
    assert [d.doc_ids for d in result.dossiers] == [[PK, RT, SKP, LAM, "fx--05-inisiatif_strategis"]]
    assert result.findings == []


def test_an_evaluasi_renja_owes_no_pk_indicator_and_one_beyond_the_pk_is_worth_knowing() -> None:
    """An Evaluasi Renja (Permendagri 86/2017) evaluates every programme and kegiatan of a work plan and
    no rule makes it repeat the PK: a PK indicator it leaves out is no finding, one it measures beyond
    the PK is info. The near miss: the same edit under the Rincian Target's title is a warning each."""
    swap = (RT_2B, "2c-N\tJumlah rekomendasi kebijakan fiskal\t-\t-\t-\t-\t-\t3\t3\n")
    renja = audit(edit(fixture(), ("**RINCIAN TARGET KINERJA", "**EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"), swap))
    assert [d.doc_ids for d in renja.dossiers] == [[PK, "fx--02-evaluasi_renja", SKP, LAM]]
    assert [(f.check, f.severity.value, f.doc_ids, f.indicator_name) for f in renja.findings] == [
        ("indicator_extra", "info", ["fx--02-evaluasi_renja"], "Jumlah rekomendasi kebijakan fiskal")]
    rincian = audit(edit(fixture(), swap))
    assert [(f.check, f.severity.value, f.doc_ids) for f in rincian.findings] == [
        ("indicator_missing", "warning", [PK, RT]), ("indicator_extra", "warning", [RT])]


# --- indicator_extra --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "added", "doc_id", "line", "code"),
    [
        (LAM_2B, "5.\tJumlah rekomendasi kebijakan fiskal\t-\t-\t-\t-\t-\t3\t3\n", LAM, 111, None),
        (SKP_2B, "5.\t\tJumlah rekomendasi kebijakan fiskal\t3\tProses Bisnis\n", SKP, 79, None),
        (RT_2B, "2c-N\tJumlah rekomendasi kebijakan fiskal\t-\t-\t-\t-\t-\t3\t3\n", RT, 47, "2c-N"),
    ],
    ids=["lampiran_skp", "skp", "rincian_target"],
)
def test_indicator_extra(after: str, added: str, doc_id: str, line: int, code: str | None) -> None:
    result = audit(edit(fixture(), (after, after + added)))
    f = one(result, "indicator_extra")
    assert f.severity.value == "warning"
    assert (f.indicator_code, f.indicator_name) == (code, "Jumlah rekomendasi kebijakan fiskal")
    assert f.found == (f"{code} " if code else "") + "Jumlah rekomendasi kebijakan fiskal"
    assert f.expected is None
    assert f.doc_ids == [doc_id]
    assert where(f) == [(doc_id, line)]
    assert checks(result) == {"indicator_extra"}


def test_indicator_extra_near_miss_rewording_is_paired() -> None:
    result = audit(edit(fixture(), (LAM_2A, LAM_2A.replace("Nilai kinerja regulasi prioritas", "Persentase penyelesaian regulasi prioritas"))))
    assert "indicator_extra" not in checks(result)
    paired = [a for a in result.alignment if a.doc_id == LAM and a.pk_code == "2a-N"]
    assert [(a.name, a.method) for a in paired] == [("Persentase penyelesaian regulasi prioritas", "position")]


# --- indicator_name_mismatch ------------------------------------------------------------------


def test_indicator_name_mismatch_reworded() -> None:
    result = audit(edit(fixture(), (SKP_2A, "Persentase penyelesaian regulasi prioritas\t85\tProses Bisnis")))
    f = one(result, "indicator_name_mismatch")
    assert f.severity.value == "warning"
    assert (f.indicator_code, f.indicator_name) == ("2a-N", "Nilai kinerja regulasi prioritas")
    assert (f.expected, f.found) == ("Nilai kinerja regulasi prioritas", "Persentase penyelesaian regulasi prioritas")
    assert f.doc_ids == [PK, SKP]
    assert where(f) == [(PK, 9), (SKP, 77)]
    assert checks(result) == {"indicator_name_mismatch"}


def test_indicator_name_mismatch_typo_is_info() -> None:
    """One letter off (001's "penyelanggaraan"): still reported, as info (similarity >= 95)."""
    result = audit(edit(fixture(), (LAM_2B, LAM_2B.replace("penyelenggaraan", "penyelanggaraan"))))
    f = one(result, "indicator_name_mismatch")
    assert f.severity.value == "info"
    assert f.indicator_code == "2b-N"
    assert (f.expected, f.found) == ("Indeks maturitas penyelenggaraan SPIP", "Indeks maturitas penyelanggaraan SPIP")
    assert where(f) == [(PK, 10), (LAM, 110)]
    assert checks(result) == {"indicator_name_mismatch"}


@pytest.mark.parametrize(
    "spelling",
    ["Nilai Kinerja Regulasi Prioritas", "NILAI KINERJA  REGULASI PRIORITAS", "Nilai kinerja regulasi-prioritas", "Nilai  kinerja regulasi prioritas."],
)
def test_indicator_name_near_misses(spelling: str) -> None:
    """Case, spacing and punctuation are not wording; "BA 015" vs "BA015" is in the base fixture."""
    result = audit(edit(fixture(), (SKP_2A, SKP_2A.replace("Nilai kinerja regulasi prioritas", spelling))))
    assert result.findings == []


def test_ba_015_and_ba015_are_the_same_name() -> None:
    result = audit(fixture())
    rt = next(a for a in result.alignment if a.doc_id == RT and a.pk_code == "1a-CP")
    assert (rt.pk_name, rt.name) == ("Indeks kualitas pengelolaan keuangan BA 015", "Indeks kualitas pengelolaan keuangan BA015")
    assert rt.similarity == 100.0
    assert of(result, "indicator_name_mismatch") == []


# --- sasaran_name_mismatch --------------------------------------------------------------------


def test_sasaran_name_mismatch_reported_once_per_sasaran() -> None:
    """Sasaran 2 holds two indicators; its rewording is one finding, on its first indicator."""
    result = audit(edit(fixture(), (RT_SASARAN_2, "2\tSasaran Kedua yang Optimal\t\t\t")))
    f = one(result, "sasaran_name_mismatch")
    assert f.severity.value == "warning"
    assert f.indicator_code == "2a-N"
    assert (f.expected, f.found) == ("Sasaran Dua yang Optimal", "Sasaran Kedua yang Optimal")
    assert f.doc_ids == [PK, RT]
    assert where(f) == [(PK, 9), (RT, 45)]
    assert checks(result) == {"sasaran_name_mismatch"}


def test_sasaran_name_mismatch_in_skp_ignores_the_penugasan_note() -> None:
    result = audit(edit(fixture(), (SKP_SASARAN_2, "Sasaran Kedua yang Optimal (Penugasan dari Menteri Contoh)")))
    f = one(result, "sasaran_name_mismatch")
    assert (f.indicator_code, f.expected, f.found) == ("2a-N", "Sasaran Dua yang Optimal", "Sasaran Kedua yang Optimal")
    assert where(f) == [(PK, 9), (SKP, 77)]


@pytest.mark.parametrize(
    "old,new",
    [
        (RT_SASARAN_2, "2\tSASARAN DUA YANG OPTIMAL\t\t\t"),
        (SKP_SASARAN_2, "Sasaran Dua yang Optimal (Penugasan dari Menteri Lain)"),
        (SKP_SASARAN_2, "Sasaran Dua yang Optimal"),
    ],
    ids=["case", "other-penugasan-note", "no-penugasan-note"],
)
def test_sasaran_name_near_misses(old: str, new: str) -> None:
    assert audit(edit(fixture(), (old, new))).findings == []


# --- target_mismatch --------------------------------------------------------------------------


def test_target_mismatch_both_set_is_an_error() -> None:
    result = audit(edit(fixture(), (SKP_2A, "Nilai kinerja regulasi prioritas\t80\tProses Bisnis")))
    f = one(result, "target_mismatch")
    assert f.severity.value == "error"
    assert (f.indicator_code, f.expected, f.found) == ("2a-N", "85", "80")
    assert f.doc_ids == [PK, SKP]
    assert where(f) == [(PK, 9), (SKP, 77)]
    assert checks(result) == {"target_mismatch"}
    checked, passed = score(result, "target")
    assert passed == checked - 1


def test_target_mismatch_one_side_empty_is_a_warning() -> None:
    f = one(audit(edit(fixture(), (SKP_2A, "Nilai kinerja regulasi prioritas\t-\tProses Bisnis"))), "target_mismatch")
    assert f.severity.value == "warning"
    assert (f.indicator_code, f.expected, f.found) == ("2a-N", "85", "-")
    assert where(f) == [(PK, 9), (SKP, 77)]


def test_target_mismatch_in_the_rencana_aksi() -> None:
    text = edit(fixture(RA), ("Persentase belanja produk dalam negeri\t80\t", "Persentase belanja produk dalam negeri\t85\t"))
    f = one(audit(text), "target_mismatch")
    assert (f.indicator_name, f.expected, f.found, f.severity.value) == ("Persentase belanja produk dalam negeri", "80", "85", "error")
    assert where(f) == [(RA_PK, 25), (RA_DOC, 45)]


def test_target_mismatch_same_number_on_another_scale() -> None:
    text = edit(fixture(), (PK_2B, "2b-N Indeks maturitas penyelenggaraan SPIP\t3,25 (skala 4)"),
                (SKP_2B, SKP_2B.replace("\t100\t", "\t3,25 (skala 5)\t")))
    findings = [f for f in of(audit(text), "target_mismatch") if SKP in f.doc_ids]
    assert [(f.indicator_code, f.expected, f.found) for f in findings] == [("2b-N", "3,25 (skala 4)", "3,25 (skala 5)")]


@pytest.mark.parametrize(
    ("pk", "other"),
    [("100", "100 (4 skala 5)"), ("34,94%", "34,9 4%"), ("100%", "100 %"), ("3,25 (skala 4)", "3,25"), ("4 (skala 5)", "4 (Skala 5)")],
)
def test_target_near_misses(pk: str, other: str) -> None:
    text = edit(fixture(), (PK_2B, f"2b-N Indeks maturitas penyelenggaraan SPIP\t{pk}"),
                (SKP_2B, SKP_2B.replace("\t100\t", f"\t{other}\t")))
    assert [f for f in of(audit(text), "target_mismatch") if SKP in f.doc_ids] == []


def test_target_near_misses_in_the_base_were_compared() -> None:
    """The base's "100" / "100 (4 skala 5)" and "34,94%" / "34,9 4%" pairs were compared, not skipped."""
    result = audit(fixture())
    skp = {a.pk_code: a.method for a in result.alignment if a.doc_id == SKP}
    assert skp == {"1a-CP": "name", "1b-CP": "name", "2a-N": "name", "2b-N": "name"}
    assert score(result, "target") == (12 + 24, 12 + 24)  # 3 documents x 4 annual targets + 4 x 6 quarters


def test_target_mismatch_between_two_unreadable_targets() -> None:
    text = edit(fixture(), (PK_2B, "2b-N Indeks maturitas penyelenggaraan SPIP\tA (88)"),
                (SKP_2B, SKP_2B.replace("\t100\t", "\tB (75)\t")))
    findings = [f for f in of(audit(text), "target_mismatch") if SKP in f.doc_ids]
    assert [(f.expected, f.found) for f in findings] == [("A (88)", "B (75)")]


# --- quarterly_target_mismatch ----------------------------------------------------------------


def test_quarterly_target_mismatch() -> None:
    result = audit(edit(fixture(), (LAM_1B, "2.\tTingkat kepuasan pengguna layanan\t15%")))
    f = one(result, "quarterly_target_mismatch")
    assert f.severity.value == "error"
    assert (f.indicator_code, f.expected, f.found) == ("1b-CP", "10%", "15%")
    assert f.message("id") == "Target TW I berbeda antara Rincian Target Kinerja dan Lampiran SKP"
    assert f.message("en") == ("Q1 target differs between the Target breakdown (Rincian Target) and the SKP appendix "
                               "(Lampiran SKP)")
    assert f.doc_ids == [RT, LAM]
    assert where(f) == [(RT, 43), (LAM, 108)]
    assert checks(result) == {"quarterly_target_mismatch"}


def test_quarterly_target_mismatch_dash_against_a_target() -> None:
    """000's 4a-CP: the Rincian says "-" where the Lampiran SKP sets a target."""
    result = audit(edit(fixture(), (LAM_2A, "3.\tNilai kinerja regulasi prioritas\t10\t40\t40\t60\t60\t85\t85")))
    f = one(result, "quarterly_target_mismatch")
    assert (f.indicator_code, f.expected, f.found) == ("2a-N", "-", "10")
    assert f.message("en").startswith("Q1 target differs")
    assert where(f) == [(RT, 45), (LAM, 109)]
    assert checks(result) == {"quarterly_target_mismatch"}


def test_quarterly_near_misses() -> None:
    """Base: Q4 "34,94%" / "34,9 4%", Q4 "100" / "100 (4 skala 5)" and "-" / "-" are equal."""
    result = audit(fixture())
    assert of(result, "quarterly_target_mismatch") == []
    lam = {a.pk_code: a.method for a in result.alignment if a.doc_id == LAM}
    assert lam == {"1a-CP": "name", "1b-CP": "name", "2a-N": "name", "2b-N": "name"}


# --- trajectory_inconsistent ------------------------------------------------------------------


def _both(text: str, rt_row: str, lam_row: str, cells: str) -> str:
    """The same quarters (Q1 Q2 Smt1 Q3 sdQ3 Q4 Y) in the Rincian and the Lampiran, so only trajectory can fire."""
    rt_new = "\t".join(rt_row.split("\t")[:2]) + "\t" + cells
    lam_new = "\t".join(lam_row.split("\t")[:2]) + "\t" + cells
    return edit(text, (rt_row, rt_new), (lam_row, lam_new))


@pytest.mark.parametrize(
    ("cells", "expected", "found", "period"),
    [
        ("-\t40\t45\t60\t60\t85\t85", "40", "45", "Smt1"),
        ("-\t40\t40\t60\t65\t85\t85", "60", "65", "sdQ3"),
        ("-\t40\t40\t60\t60\t85\t90", "85", "90", "Y"),
        ("-\t40\t40\t60\t60\t-\t85", "60", "85", "Y"),  # Q4 "-": Y carries s.d.Q3 forward
        ("-\t-\t-\t-\t-\t-\t85", "-", "85", "Y"),  # 000's 4a-CP shape: no quarter at all but a Y
        ("-\t40\t40\t60\t60\t85\t-", "85", "-", "Y"),
    ],
    ids=["smt1-vs-q2", "sdq3-vs-q3", "y-vs-q4", "y-not-carried", "y-without-quarters", "q4-without-y"],
)
def test_trajectory_inconsistent_cumulative(cells: str, expected: str, found: str, period: str) -> None:
    result = audit(_both(fixture(), RT_2A, LAM_2A, cells))
    findings = of(result, "trajectory_inconsistent")
    assert [(f.doc_ids, f.indicator_code, f.expected, f.found, f.severity.value) for f in findings] == [
        ([RT], "2a-N", expected, found, "warning"), ([LAM], None, expected, found, "warning"),
    ]
    assert [f.indicator_name for f in findings] == ["Nilai kinerja regulasi prioritas"] * 2
    assert all(f"Target {PERIOD_NAMES[Period(period)]('id')} " in f.message("id") for f in findings)
    assert where(findings[0])[0] == (RT, 45) and where(findings[1])[0] == (LAM, 109)
    assert all(len(f.evidence) == 2 and f.evidence[0].text == found and f.evidence[1].text == expected for f in findings)
    assert checks(result) <= {"trajectory_inconsistent", "target_mismatch"}


@pytest.mark.parametrize(
    "cells",
    [
        "-\t40\t40\t60\t60\t85\t85",  # Smt1 = Q2, s.d.Q3 = Q3, Y = Q4
        "100\t-\t100\t-\t100\t-\t100",  # carried forward over every "-" quarter
        "-\t-\t-\t-\t-\t85\t85",  # nothing before Q4
        "-\t40\t40\t-\t40\t85\t85",  # s.d.Q3 carries Smt1 over an empty Q3
        "-\t40\t40\t-\t-\t85\t85",  # an empty s.d.Q3 over an empty Q3
        "-\t40\t40\t60\t60\t85\t85 %",  # spacing
    ],
    ids=["plain", "carried-forward", "q4-only", "sdq3-carries-smt1", "sdq3-empty", "spacing"],
)
def test_trajectory_cumulative_near_misses(cells: str) -> None:
    assert of(audit(_both(fixture(), RT_2A, LAM_2A, cells)), "trajectory_inconsistent") == []


def test_trajectory_inconsistent_quarters_only() -> None:
    text = edit(fixture(RA), ("25\t25\t25\t25\t100", "25\t25\t25\t20\t100"))
    result = audit(text)
    f = one(result, "trajectory_inconsistent")
    assert (f.doc_ids, f.indicator_code, f.severity.value) == ([RA_PK], None, "warning")
    assert f.indicator_name == "Persentase penyelesaian tindak lanjut temuan pemeriksaan"
    assert (f.expected, f.found) == ("20", "100")
    assert where(f) == [(RA_PK, 24)]
    assert checks(result) == {"trajectory_inconsistent"}


@pytest.mark.parametrize(
    "quarters",
    ["25\t25\t25\t25\t100", "25\t50\t75\t100\t100", "N/A\tN/A\t50\t50\t100", "N/A\t30\tN/A\tN/A\t30", "10\t20\t30\t40\t100"],
    ids=["additive", "cumulative", "additive-late", "carried-over-na", "additive-uneven"],
)
def test_trajectory_quarters_only_near_misses(quarters: str) -> None:
    text = edit(fixture(RA), ("25\t25\t25\t25\t100", quarters))
    assert of(audit(text), "trajectory_inconsistent") == []


# --- budget_sum_mismatch ----------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "total", "diff"), [("400.000.001", "Rp 1.000.000.001", "Rp 1"), ("399.999.999", "Rp 999.999.999", "Rp -1")])
def test_budget_sum_mismatch_off_by_one_rupiah(amount: str, total: str, diff: str) -> None:
    result = audit(edit(fixture(), (KEGIATAN_DUA, f"b. Kegiatan Dua\t<i>Rp</i>\t{amount}")))
    f = one(result, "budget_sum_mismatch")
    assert f.severity.value == "error"
    assert (f.expected, f.found) == ("Rp 1.000.000.000", total)
    assert (f.indicator_code, f.indicator_name) == (None, None)
    assert f.message("id") == f"Jumlah rincian anggaran 'Keluaran Contoh' tidak sama dengan pagunya; selisih {diff}"
    assert f.doc_ids == [PK]
    assert where(f) == [(PK, 17), (PK, 18), (PK, 19)]
    assert checks(result) == {"budget_sum_mismatch"}


def test_budget_sum_mismatch_program_against_its_outputs() -> None:
    result = audit(edit(fixture(), ("1. Program Contoh Pertama\t<i>Rp</i>\t1.000.000.000", "1. Program Contoh Pertama\t<i>Rp</i>\t1.000.000.001")))
    f = one(result, "budget_sum_mismatch")
    assert (f.expected, f.found) == ("Rp 1.000.000.001", "Rp 1.000.000.000")
    assert "'Program Contoh Pertama'" in f.message("en")
    assert where(f) == [(PK, 16), (PK, 17)]


def test_budget_sum_without_outputs() -> None:
    """001's shape: kegiatan straight under their program."""
    flat = edit(fixture(), ("Output Program: Keluaran Contoh\t<i>Rp</i>\t1.000.000.000\n", ""))
    assert audit(flat).findings == []
    f = one(audit(edit(flat, (KEGIATAN_DUA, "b. Kegiatan Dua\t<i>Rp</i>\t400.000.001"))), "budget_sum_mismatch")
    assert (f.expected, f.found) == ("Rp 1.000.000.000", "Rp 1.000.000.001")
    assert where(f) == [(PK, 16), (PK, 17), (PK, 18)]


def test_budget_sum_near_miss_exact() -> None:
    result = audit(fixture())
    assert of(result, "budget_sum_mismatch") == []
    assert score(result, "anggaran") == (3, 3)  # program = output, output = 2 kegiatan, Jumlah Anggaran = PK


# --- budget_total_mismatch --------------------------------------------------------------------


def test_budget_total_mismatch() -> None:
    result = audit(edit(fixture(), (LAM_ANGGARAN, LAM_ANGGARAN.replace("1.000.000.000", "1.000.000.001"))))
    f = one(result, "budget_total_mismatch")
    assert f.severity.value == "error"
    assert (f.expected, f.found) == ("Rp 1.000.000.000", "Rp 1.000.000.001")
    assert f.doc_ids == [PK, LAM]
    assert where(f)[0] == (PK, 16)
    assert checks(result) == {"budget_total_mismatch"}


def test_budget_total_mismatch_points_at_the_jumlah_anggaran_line() -> None:
    result = audit(edit(fixture(), (LAM_ANGGARAN, LAM_ANGGARAN.replace("1.000.000.000", "1.000.000.001"))))
    assert where(one(result, "budget_total_mismatch")) == [(PK, 16), (LAM, 102)]


def test_budget_total_unreadable_jumlah_anggaran_is_reported() -> None:
    text = edit(fixture(), (LAM_ANGGARAN, LAM_ANGGARAN + "1"))
    lampiran = read(text)[3]
    result = audit(text)
    assert lampiran.issues or of(result, "budget_total_mismatch")


def test_budget_total_near_misses() -> None:
    """Equal to the PK's programs (base); no Jumlah Anggaran stated: nothing to compare."""
    assert of(audit(fixture()), "budget_total_mismatch") == []
    result = audit(edit(fixture(), ("2.\t" + LAM_ANGGARAN + "\t\t\t\t\t\t\t\n", "")))
    assert result.findings == []
    assert score(result, "anggaran") == (2, 2)


# --- signatory_mismatch -----------------------------------------------------------------------


def test_signatory_mismatch_pejabat_penilai_name() -> None:
    text = edit(fixture(), ("1\tNAMA\tAndi Wijaya\t1\tNAMA\tBudi Santoso", "1\tNAMA\tAndi Wijaya\t1\tNAMA\tCitra Lestari"))
    result = audit(text)
    f = one(result, "signatory_mismatch")
    assert f.severity.value == "error"
    assert (f.expected, f.found) == ("Budi Santoso", "Citra Lestari")
    assert f.message("id") == "Nama pejabat penilai pada SKP berbeda dengan pihak kedua pada PK"
    assert f.message("en") == ("The name of the appraising official in the Employee targets (SKP) differs from "
                               "the PK's second party")
    assert f.doc_ids == [PK, SKP]
    assert where(f)[0] == (PK, 28)
    assert where(f)[1] in [(SKP, 61), (SKP, 62)]  # the SKP's party table or its NAMA row
    assert checks(result) == {"signatory_mismatch"}


def test_signatory_mismatch_nip() -> None:
    text = edit(fixture(), ("2\tNIP\t197003271995031002\t2\tNIP\t-", "2\tNIP\t197003271995031003\t2\tNIP\t-"))
    result = audit(text)
    f = one(result, "signatory_mismatch")
    assert f.severity.value == "warning"
    assert (f.expected, f.found) == (NIP, "197003271995031003")
    assert where(f)[0] in [(PK, 31), (PK, 32)]  # Andi Wijaya's name or NIP line in the PK
    assert where(f)[1] in [(SKP, 61), (SKP, 63)]  # the SKP's party table or its NIP row
    assert checks(result) == {"signatory_mismatch"}


def test_signatory_mismatch_rencana_aksi_pihak_kedua() -> None:
    text = fixture(RA)
    cut = text.index("RENCANA AKSI")
    text = text[:cut] + text[cut:].replace("Dewi Anggraini", "Dewi Anggraeni")
    f = one(audit(text), "signatory_mismatch")
    assert (f.expected, f.found, f.severity.value) == ("Dewi Anggraini", "Dewi Anggraeni", "error")
    assert f.doc_ids == [RA_PK, RA_DOC]


@pytest.mark.parametrize(
    ("old", "new", "doc_id"),
    [
        ("1\tNAMA\tAndi Wijaya\t1", "1\tNAMA\tAndi Wijayanto\t1", SKP),
        ("Direktur Uji Coba,\n\nDitandatangani secara elektronik\nAndi Wijaya", "Direktur Uji Coba,\n\nDitandatangani secara elektronik\nAndi Wijayanto", RT),
    ],
    ids=["skp-pegawai", "rincian-signer"],
)
def test_signatory_mismatch_principal_name_within_one_file(old: str, new: str, doc_id: str) -> None:
    result = audit(edit(fixture(), (old, new)))
    f = one(result, "signatory_mismatch")
    assert (f.expected, f.found, f.severity.value) == ("Andi Wijaya", "Andi Wijayanto", "error")
    assert f.doc_ids == [PK, doc_id]


def test_signatory_mismatch_evaluasi_renja_signer() -> None:
    """The head who signs an Evaluasi Renja is the PK's pihak pertama, as the Rincian's signer is."""
    text = edit(fixture(), ("**RINCIAN TARGET KINERJA", "**EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"),
                ("Direktur Uji Coba,\n\nDitandatangani secara elektronik\nAndi Wijaya",
                 "Direktur Uji Coba,\n\nDitandatangani secara elektronik\nAndi Wijayanto"))
    f = one(audit(text), "signatory_mismatch")
    assert (f.expected, f.found, f.doc_ids) == ("Andi Wijaya", "Andi Wijayanto", [PK, "fx--02-evaluasi_renja"])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("1\tNAMA\tAndi Wijaya\t1\tNAMA\tBudi Santoso", "1\tNAMA\tANDI WIJAYA\t1\tNAMA\tBudi  Santoso"),
        ("Andi Wijaya\nNIP 197003271995031002\n", "Andi Wijaya\n"),  # the PK prints no NIP: nothing to compare
        ("2\tNIP\t197003271995031002\t2\tNIP\t-", "2\tNIP\t19700327 199503 1 002\t2\tNIP\t-"),  # grouped digits
    ],
    ids=["case-and-spacing", "nip-on-one-side-only", "nip-grouped"],
)
def test_signatory_near_misses(old: str, new: str) -> None:
    result = audit(edit(fixture(), (old, new)))
    assert result.findings == []
    assert score(result, "penandatangan")[0] > 0


# --- nip_invalid ------------------------------------------------------------------------------


BAD_NIPS = [
    ("197013271995031002", "birth date 1970-13-27 is not a real date"),
    ("197102291995031002", "birth date 1971-02-29 is not a real date"),
    ("197003271995131002", "TMT month 13 is not a month"),
    ("200003271995031002", "TMT 1995-03 is before the 18th birthday (2018-03-27)"),
    ("197003271988021002", "TMT 1988-02 is before the 18th birthday (1988-03-27)"),
    ("198002291998021002", "TMT 1998-02 is before the 18th birthday (1998-03-01)"),
    ("197003271995033002", "sex digit 3 is neither 1 nor 2"),
    ("197003271995031000", "sequence number 000"),
    ("1970032719950310021", "19 digits, not 18"),
]


@pytest.mark.parametrize(("nip", "problem"), BAD_NIPS, ids=[p for _, p in BAD_NIPS])
def test_nip_invalid(nip: str, problem: str) -> None:
    """The same bad NIP on every document is one finding, on the first document that prints it."""
    text = fixture().replace(NIP, nip)
    result = audit(text)
    f = one(result, "nip_invalid")
    assert f.severity.value == "error"
    assert f.found == nip and f.expected is None
    assert f.message("en") == f"Invalid NIP of Andi Wijaya: {problem}"
    assert f.doc_ids == [PK]
    assert where(f) in ([(PK, 31)], [(PK, 32)])  # Andi Wijaya's name or NIP line in the PK
    assert checks(result) == {"nip_invalid"}
    assert [p.render("en") for p in nip_problems(nip)] == [problem]


def test_nip_invalid_17_digits() -> None:
    f = one(audit(fixture().replace(NIP, "19700327199503100")), "nip_invalid")
    assert f.found == "19700327199503100"
    assert f.message("id") == "NIP Andi Wijaya tidak valid: 17 digit, bukan 18"


def test_nip_17_digits_direct() -> None:
    assert [p.render("en") for p in nip_problems("19700327199503100")] == ["17 digits, not 18"]


@pytest.mark.parametrize(
    "nip",
    ["197003271995031002", "197003271988031002", "198002291998031001", "196507191985032002", "19700327 199503 1 002"],
    ids=["valid", "tmt-in-the-18th-birthday-month", "born-29-february", "female", "grouped-digits"],
)
def test_nip_near_misses(nip: str) -> None:
    result = audit(fixture().replace(NIP, nip))
    assert result.findings == []
    assert score(result, "nip") == (1, 1)


# --- year_mismatch ----------------------------------------------------------------------------


def test_year_mismatch_within_a_file() -> None:
    old = "PERIODE PENILAIAN:\n1 JANUARI SD 31 DESEMBER TAHUN 2024"
    result = audit(edit(fixture(), (old, old.replace("2024", "2023"))))
    assert [d.doc_ids for d in result.dossiers] == [[PK, RT, SKP, LAM]]
    f = one(result, "year_mismatch")
    assert f.severity.value == "error"
    assert (f.expected, f.found) == ("2024", "2023")
    assert f.doc_ids == [LAM]
    assert where(f) in ([(LAM, 93)], [(LAM, 98)])  # the Lampiran's title or its PERIODE line
    assert checks(result) == {"year_mismatch"}


def test_year_near_misses() -> None:
    """Same year everywhere (base); a year read from the signing date only agrees too."""
    text = edit(fixture(), ("KEMENTERIAN CONTOH\nTAHUN 2024**", "KEMENTERIAN CONTOH**"))
    docs = {d.doc_id: d for d in read(text)}
    assert docs[RT].header.year == 2024  # from "Jakarta, 30 Januari 2024"
    assert audit(text).findings == []


# --- cascade_mismatch -------------------------------------------------------------------------


def _with_subordinate(sub: str) -> AuditResult:
    return audit((fixture(), "base_dossier.txt", "base"), (sub, "subordinate_pk.txt", "sub"))


def test_cascade_near_miss_sasaran_are_superior_indicators() -> None:
    result = _with_subordinate(fixture(SUB))
    assert result.findings == []
    assert [d.doc_ids for d in result.dossiers] == [
        ["base--01-pk", "base--02-rincian_target", "base--03-skp", "base--04-lampiran_skp"], ["sub--01-pk"],
    ]
    assert score(result, "cascading") == (2, 2)


def test_cascade_mismatch() -> None:
    sub = edit(fixture(SUB), ("2\tTingkat kepuasan pengguna layanan\t", "2\tMeningkatnya kualitas layanan kantin pegawai\t"))
    result = _with_subordinate(sub)
    f = one(result, "cascade_mismatch")
    assert f.severity.value == "warning"
    assert (f.indicator_name, f.found, f.expected) == ("Indeks kepuasan layanan bagian", "Meningkatnya kualitas layanan kantin pegawai", None)
    assert f.dossier == "2024-kepala-bagian-uji-coba"
    assert f.doc_ids == ["sub--01-pk", "base--01-pk"]
    assert where(f)[0] == ("sub--01-pk", 18)
    assert [e.doc_id for e in f.evidence] == ["sub--01-pk", "base--01-pk"]
    assert checks(result) == {"cascade_mismatch"}


def test_cascade_matches_a_superior_sasaran_and_skips_other_years() -> None:
    sub = edit(fixture(SUB), ("2\tTingkat kepuasan pengguna layanan\t", "2\tSasaran Dua yang Optimal\t"))
    assert _with_subordinate(sub).findings == []
    other_year = edit(fixture(SUB), ("TAHUN 2024", "TAHUN 2023"), ("Jakarta, 30 Januari 2024", "Jakarta, 30 Januari 2023"),
                      ("2\tTingkat kepuasan pengguna layanan\t", "2\tMeningkatnya kualitas layanan kantin pegawai\t"))
    result = _with_subordinate(other_year)
    assert of(result, "cascade_mismatch") == []


# --- dossiers ---------------------------------------------------------------------------------


def test_dossier_of_one_file() -> None:
    result = audit(fixture())
    [d] = result.dossiers
    assert (d.dossier_id, d.unit, d.year) == ("2024-direktur-uji-coba", "Direktur Uji Coba", 2024)
    assert d.doc_ids == [PK, RT, SKP, LAM]
    assert d.officials == ["Andi Wijaya", "Budi Santoso"]
    assert result.unassigned == []
    changed = audit(edit(fixture(), (SKP_2A, SKP_2A.replace("85", "80"))))
    assert [f.dossier for f in changed.findings] == [d.dossier_id]
    assert changed.dossiers[0].findings == changed.findings


def _split(text: str) -> tuple[str, str]:
    """The base file cut in two: PK + Rincian Target, and SKP + Lampiran SKP."""
    cut = text.index("**SASARAN KINERJA PEGAWAI")
    return text[:cut], text[cut:]


def test_dossier_joins_files_of_the_same_official_and_year() -> None:
    head, tail = _split(fixture())
    result = audit((head, "a.txt", "a"), (tail, "b.txt", "b"))
    assert [d.doc_ids for d in result.dossiers] == [["a--01-pk", "a--02-rincian_target", "b--01-skp", "b--02-lampiran_skp"]]
    assert result.findings == []


def test_dossier_keeps_other_years_apart() -> None:
    head, tail = _split(fixture())
    result = audit((head, "a.txt", "a"), (tail.replace("2024", "2023"), "b.txt", "b"))
    assert [(d.year, d.doc_ids) for d in result.dossiers] == [
        (2024, ["a--01-pk", "a--02-rincian_target"]), (2023, ["b--01-skp", "b--02-lampiran_skp"]),
    ]
    assert of(result, "year_mismatch") == []
    assert result.unassigned == []  # two documents of one official form a dossier even without a PK


def test_dossier_unassigned_single_document() -> None:
    head, tail = _split(fixture())
    skp_only = tail[: tail.index("LAMPIRAN SASARAN KINERJA PEGAWAI")].replace("2024", "2023")
    result = audit((head, "a.txt", "a"), (skp_only, "b.txt", "b"))
    assert result.unassigned == ["b--01-skp"]
    f = one(result, "dossier_unassigned")
    assert (f.severity.value, f.doc_ids, f.dossier) == ("info", ["b--01-skp"], "")


def test_dossier_document_without_principal_joins_its_file() -> None:
    """A Rincian Target whose signature was lost still belongs to the dossier of its file."""
    text = edit(fixture(), ("Direktur Uji Coba,\n\nDitandatangani secara elektronik\nAndi Wijaya\n", "\n"))
    docs = {d.doc_id: d for d in read(text)}
    assert docs[RT].parties == []
    result = audit(text)
    assert [d.doc_ids for d in result.dossiers] == [[PK, RT, SKP, LAM]]
    assert result.findings == []


def test_dossier_ids_are_unique_and_regulations_belong_to_none() -> None:
    other = fixture().replace("Andi Wijaya", "Rina Kusuma").replace(NIP, "198105122006042001")
    regulation = fixture(REGULATION)
    reg_docs = read(regulation, "reg.txt", "reg")
    assert [d.doc_type.value for d in reg_docs] == ["regulation"]
    result = audit((fixture(), "a.txt", "a"), (other, "b.txt", "b"), (regulation, "reg.txt", "reg"))
    assert [d.dossier_id for d in result.dossiers] == ["2024-direktur-uji-coba", "2024-direktur-uji-coba-2"]
    assert all(not doc_id.startswith("reg--") for d in result.dossiers for doc_id in d.doc_ids)
    assert result.findings == [] and result.unassigned == []


# --- every check has a trigger and a near miss ------------------------------------------------

TRIGGERS = {
    "realisasi_sum_mismatch": lambda: audit((edit(fixture(REALISASI_FX), (LOGISTIK, LOGISTIK.replace("400.000", "350.000"))), REALISASI_FX, "rt")),
    "capaian_printed_mismatch": lambda: audit((edit(fixture(CAPAIAN_FX), (KREDIT_UMKM, KREDIT_UMKM.replace("93,81", "98,81"))), CAPAIAN_FX, "pk4")),
    "budget_share_mismatch": lambda: audit((edit(LKJ_MEASURES, ("16.602.600\t55,8", "16.602.600\t65,8")), "lkj.pdf", "lkj")),
    "indicator_missing": lambda: audit(edit(fixture(), (SKP_2B, ""))),
    "indicator_extra": lambda: audit(edit(fixture(), (LAM_2B, LAM_2B + "5.\tJumlah rekomendasi kebijakan fiskal\t-\t-\t-\t-\t-\t3\t3\n"))),
    "indicator_name_mismatch": lambda: audit(edit(fixture(), (SKP_2A, SKP_2A.replace("Nilai kinerja", "Persentase penyelesaian")))),
    "sasaran_name_mismatch": lambda: audit(edit(fixture(), (RT_SASARAN_2, "2\tSasaran Kedua yang Optimal\t\t\t"))),
    "target_mismatch": lambda: audit(edit(fixture(), (SKP_2A, SKP_2A.replace("85", "80")))),
    "quarterly_target_mismatch": lambda: audit(edit(fixture(), (LAM_1B, LAM_1B.replace("10%", "15%")))),
    "trajectory_inconsistent": lambda: audit(_both(fixture(), RT_1A, LAM_1A, "-\t-\t-\t-\t-\t-\t100")),
    "budget_sum_mismatch": lambda: audit(edit(fixture(), (KEGIATAN_DUA, KEGIATAN_DUA + "1"))),
    "budget_total_mismatch": lambda: audit(edit(fixture(), (LAM_ANGGARAN, LAM_ANGGARAN.replace("1.000.000.000", "999.999.999")))),
    "signatory_mismatch": lambda: audit(edit(fixture(), ("NAMA\tBudi Santoso", "NAMA\tCitra Lestari"))),
    "nip_invalid": lambda: audit(fixture().replace(NIP, "197003271995031000")),
    "year_mismatch": lambda: audit(edit(fixture(), ("PERIODE PENILAIAN:\n1 JANUARI SD 31 DESEMBER TAHUN 2024", "PERIODE PENILAIAN:\n1 JANUARI SD 31 DESEMBER TAHUN 2023"))),
    "cascade_mismatch": lambda: _with_subordinate(edit(fixture(SUB), ("Tingkat kepuasan pengguna layanan\t", "Meningkatnya kantin pegawai\t"))),
    "dossier_without_pk": lambda: audit(fixture()[fixture().index("**RINCIAN TARGET KINERJA"):]),
    "dossier_unassigned": lambda: audit((fixture(CAPAIAN_FX), CAPAIAN_FX, "pk4")),
    "party_unsigned": lambda: _signed({"pihak_kedua": Signature.NONE}),
    "signing_date_unusual": lambda: audit(fixture().replace("Jakarta, 30 Januari 2024", "Jakarta, 5 Januari 2025", 1)),
}
NEAR_MISSES = {
    "party_unsigned": lambda: _signed({"pihak_kedua": Signature.IMAGE}),
    "realisasi_sum_mismatch": lambda: audit((fixture(REALISASI_FX), REALISASI_FX, "rt")),
    "capaian_printed_mismatch": lambda: audit((fixture(CAPAIAN_FX), CAPAIAN_FX, "pk4")),
    "budget_share_mismatch": lambda: audit((LKJ_MEASURES, "lkj.pdf", "lkj")),
    "cascade_mismatch": lambda: _with_subordinate(fixture(SUB)),
    "trajectory_inconsistent": lambda: audit(fixture(RA)),
}

# the SKP checks' triggers and near misses live beside their own fixtures
from tests.audit.test_skp_checks import SKP_NEAR_MISSES, SKP_TRIGGERS  # noqa: E402

TRIGGERS.update(SKP_TRIGGERS)
NEAR_MISSES.update(SKP_NEAR_MISSES)


def test_every_check_id_has_a_trigger() -> None:
    assert set(TRIGGERS) == set(CHECKS)


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_trigger_and_near_miss(check: str) -> None:
    # (a lone LKj measurement table fits no dossier with a PK: its dossier_unassigned note is not the check's)
    found = {f.check for f in TRIGGERS[check]().findings}
    assert (found if check == "dossier_unassigned" else found - {"dossier_unassigned"}) == {check}
    near = NEAR_MISSES.get(check, lambda: audit(fixture()))()
    assert of(near, check) == []


# --- capaian_printed_mismatch -------------------------------------------------------------------

CAPAIAN_FX = "pengukuran_kinerja.txt"  # the LAmpiran4 layout (an LKj measurement table), as text
KREDIT_UMKM = "Persentase Kredit yang Disalurkan ke UMKM\t21\t%\t19,70\t%\t93,81"


def test_capaian_printed_follows_from_target_and_realisasi() -> None:
    # 16.542 / 16.478 = 100,39; 6,40 / 8 = 80,00; 19,70 / 21 = 93,81; the lower-is-better
    # 'kredit macet' 5 against 4: (2 - 4/5) = 120,00
    result = audit((fixture(CAPAIAN_FX), CAPAIAN_FX, "pk4"))
    assert of(result, "capaian_printed_mismatch") == []
    assert [(s.family, s.checked, s.passed) for d in result.dossiers for s in d.scores if s.family == "capaian"] == [("capaian", 4, 4)]


def test_capaian_printed_mismatch_names_the_three_cells() -> None:
    text = edit(fixture(CAPAIAN_FX), (KREDIT_UMKM, KREDIT_UMKM.replace("93,81", "98,81")))
    findings = of(audit((text, CAPAIAN_FX, "pk4")), "capaian_printed_mismatch")
    assert [(f.indicator_name, f.expected, f.found, f.severity.value) for f in findings] == [
        ("Persentase Kredit yang Disalurkan ke UMKM", "93,81 (realisasi / target × 100)", "98,81", "warning"),
    ]
    assert [(e.text, e.location.line, e.location.column) for e in findings[0].evidence] == [
        ("98,81", 16, "capaian:Y"), ("21", 16, "Y"), ("19,70", 16, "realisasi:Y"),
    ]


def test_a_printed_capaian_mended_of_a_scans_marks_is_checked_to_its_own_decimals() -> None:
    # 19,70 / 21 = 93,81; printed "94;81" (a scan's semicolon for the comma, read as 94,81 with value_repaired) is one
    # unit of its second decimal off by 100, not within a unit of a whole number (its raw text shows no comma)
    text = edit(fixture(CAPAIAN_FX), (KREDIT_UMKM, KREDIT_UMKM.replace("93,81", "94;81%")))
    findings = of(audit((text, CAPAIAN_FX, "pk4")), "capaian_printed_mismatch")
    assert [(f.expected, f.found) for f in findings] == [("93,81 (realisasi / target × 100)", "94;81%")]


# --- realisasi_sum_mismatch -----------------------------------------------------------------------

REALISASI_FX = "realisasi_triwulan.txt"  # an Evaluasi Renja sheet (the BPBD layout), as text
LOGISTIK = "Penyediaan Bahan Logistik Kantor\tJumlah Paket Bahan Logistik Kantor yang Disediakan\t2\t400.000"


def test_a_realisasi_sheet_without_its_title_is_an_evaluasi_renja_by_the_forms_column() -> None:
    """The sheet prints no title, only the form's "Realisasi Kinerja Pada Triwulan I - IV" over its quarters;
    the near miss: a sentence over a Triwulan header that names the Renja and a realisation leaves a
    Rincian Target what it is."""
    assert [d.doc_id for d in read(fixture(REALISASI_FX), REALISASI_FX, "rt")] == ["rt--01-evaluasi_renja"]
    text = fixture()
    start = text.index("Kode SS/IKU")
    table = text[start : text.index("\n\n", start)]  # the Rincian's table alone, its title lost
    assert [d.doc_id for d in read(table, BASE, "rt")] == ["rt--01-rincian_target"]
    note = "Target triwulan disusun selaras dengan Renja dan realisasi tahun lalu.\n"
    assert [d.doc_id for d in read(note + table, BASE, "rt")] == ["rt--01-rincian_target"]


def test_an_evaluasi_renja_as_reference_is_owed_no_indicator() -> None:
    """A dossier with no agreement is checked against its Evaluasi Renja (here a report's table captioned
    so); the report, which measures fewer or other indicators than the Renja evaluates, owes it none."""
    report = edit(LKJ_MEASURES, ("Tabel 3.4 Realisasi Kinerja", "Tabel 3.4 Evaluasi Hasil Renja Tahun 2022"))
    result = audit((report, "lkj.pdf", "lkj"))
    assert [(d.doc_ids, d.reference) for d in result.dossiers] == [(["lkj--01-lkj", "lkj--02-evaluasi_renja"],
                                                                    "lkj--02-evaluasi_renja")]
    assert not checks(result) & {"indicator_missing", "indicator_extra"}


def test_realisasi_sums_hold_in_every_period() -> None:
    # programme 1.500.000 = 500.000 + 1.000.000 (Q1), 2.600.000 = 600.000 + 2.000.000 (Q2); each kegiatan
    # the sum of its sub-kegiatan ('-' is nothing spent)
    result = audit((fixture(REALISASI_FX), REALISASI_FX, "rt"))
    assert of(result, "realisasi_sum_mismatch") == []
    assert [(s.family, s.checked, s.passed) for d in result.dossiers for s in d.scores if s.family == "realisasi"] == [
        ("realisasi", 6, 6)]


def test_realisasi_sum_mismatch_names_the_kegiatan_and_its_rows() -> None:
    text = edit(fixture(REALISASI_FX), (LOGISTIK, LOGISTIK.replace("400.000", "350.000")))
    findings = of(audit((text, REALISASI_FX, "rt")), "realisasi_sum_mismatch")
    assert [(f.indicator_name, f.expected, f.found, f.severity.value) for f in findings] == [
        ("Cakupan Administrasi Umum Perangkat Daerah", "Rp 950.000", "1.000.000", "warning"),
    ]
    assert findings[0].message("id") == (
        "Realisasi TW I 'Administrasi Umum Perangkat Daerah' tercetak 1.000.000, jumlah 2 Sub Kegiatan di "
        "bawahnya Rp 950.000; selisih Rp 50.000")
    assert [(e.text, e.location.column) for e in findings[0].evidence] == [
        ("1.000.000", "realisasi_rp:Q1"), ("350.000", "realisasi_rp:Q1"), ("600.000", "realisasi_rp:Q1"),
    ]


def test_realisasi_sum_skips_a_period_whose_amount_could_not_be_read() -> None:
    """A garbled amount is reported by normalize; the sum check does not count it as 0 as well."""
    text = edit(fixture(REALISASI_FX), (LOGISTIK, LOGISTIK.replace("400.000", "4OO.000")))
    result = audit((text, REALISASI_FX, "rt"))
    assert of(result, "realisasi_sum_mismatch") == []
    assert [(s.checked, s.passed) for d in result.dossiers for s in d.scores if s.family == "realisasi"] == [(5, 5)]


# --- signed means signed ----------------------------------------------------------------------------


def _signed(signatures: dict[str, Signature | None], e_signed: bool = False) -> AuditResult:
    docs = read(fixture())
    for d in docs:
        d.header.e_signed = e_signed
        for p in d.parties:
            p.signature = signatures.get(p.role.value)
    return audit_documents(docs)


def test_party_unsigned_names_the_party_whose_block_shows_nothing() -> None:
    result = _signed({"pihak_pertama": Signature.IMAGE, "pihak_kedua": Signature.NONE, "pegawai": Signature.INK,
                      "pejabat_penilai": Signature.IMAGE})
    f = one(result, "party_unsigned")
    assert (f.params, f.severity.value, f.found, where(f)) == (
        {"role": "pihak_kedua", "name": "Budi Santoso", "doc": "pk"}, "warning", "none", [(PK, 28)],
    )
    assert "Budi Santoso" in CHECKS["party_unsigned"].render(f.params, "en")


@pytest.mark.parametrize("signature, e_signed", [(Signature.IMAGE, False), (None, False), (Signature.NONE, True)])
def test_party_unsigned_near_misses(signature: Signature | None, e_signed: bool) -> None:
    """A picture over the name, a block not looked at (a text rendering) and an electronically signed
    document are not unsigned."""
    result = _signed(dict.fromkeys(("pihak_pertama", "pihak_kedua", "pegawai", "pejabat_penilai"), signature), e_signed)
    assert of(result, "party_unsigned") == []


@pytest.mark.parametrize("date, variant, severity", [
    ("Jakarta, 30 November 2023", None, "warning"),  # before its year (and before the December of the DIPA)
    ("Jakarta, 5 Januari 2025", None, "warning"),  # after its year
    ("Jakarta, 31 Maret 2024", "late", "info"),  # a day past KEP-36/AG/2012's latest deadline
])
def test_signing_date_unusual_outside_the_year_or_past_the_deadline(date: str, variant: str | None, severity: str) -> None:
    text = fixture().replace("Jakarta, 30 Januari 2024", date, 1)  # the PK's signature block
    f = one(audit(text), "signing_date_unusual")
    assert (f.variant, f.severity.value, f.params["year"], f.doc_ids) == (variant, severity, 2024, [PK])


@pytest.mark.parametrize("date", ["Jakarta, 1 Desember 2023", "Jakarta, 30 Maret 2024"])
def test_signing_date_near_misses(date: str) -> None:
    """The December before the year (the DIPA is approved then) and the deadline's own day are usual."""
    text = fixture().replace("Jakarta, 30 Januari 2024", date, 1)
    assert of(audit(text), "signing_date_unusual") == []


def _skp_signed(date: str) -> str:
    """The base dossier with its SKP (the third signature block) signed on ``date``."""
    text, block = fixture(), "Jakarta, 30 Januari 2024"
    at = -1
    for _ in range(3):
        at = text.index(block, at + 1)
    assert text[: at].count("SASARAN KINERJA PEGAWAI") == 1  # (the SKP's block, not the Lampiran's)
    return text[:at] + date + text[at + len(block):]


def test_an_skp_signed_outside_its_year_is_unusual() -> None:
    f = one(audit(_skp_signed("Jakarta, 5 Januari 2025")), "signing_date_unusual")
    assert (f.variant, f.severity.value, f.params["year"], f.params["date"], f.doc_ids) == (None, "warning", 2024,
                                                                                            "2025-01-05", [SKP])


def test_an_skp_that_prints_realisasi_is_signed_after_its_period_and_that_is_usual() -> None:
    """A 6/2022 plan and its evaluation, both signed in January 2025 for the year 2024: the plan is
    signed outside its year, the evaluation (it prints realisasi) as it should be, once the year is over."""
    text = (ROOT / "tests" / "fixtures" / "skp" / "skp_6_2022.txt").read_text(encoding="utf-8")
    text = edit(text, ("Contoh, 2 Januari 2024", "Contoh, 6 Januari 2025"), ("Contoh, 31 Desember 2024", "Contoh, 7 Januari 2025"))
    f = one(audit((text, "skp_6_2022.txt", "skp_6_2022")), "signing_date_unusual")
    assert (f.doc_ids, f.params["date"]) == (["skp_6_2022--01-skp"], "2025-01-06")


@pytest.mark.parametrize("date", ["Jakarta, 1 Desember 2023", "Jakarta, 31 Maret 2024", "Jakarta, 30 Desember 2024"])
def test_an_skp_signed_in_its_year_is_held_to_no_deadline(date: str) -> None:
    """The PK's deadline (KEP-36/AG/2012) is no SKP's: an SKP signed on 31 March or in December is usual."""
    assert of(audit(_skp_signed(date)), "signing_date_unusual") == []


# --- a report and the PK it prints ----------------------------------------------------------------


def test_a_reports_printed_capaian_is_checked_against_the_years_own_realisasi() -> None:
    # the report prints the realisasi of 2020 and 2021 beside 2022's: 3,157 / 3,35 = 94,24 and 81,59 / 83 = 98,30
    # hold for 2022, and the capaian is never held against another year's realisasi
    result = audit((LKJ_MEASURES, "lkj.pdf", "lkj"))
    assert of(result, "capaian_printed_mismatch") == []
    assert [(s.checked, s.passed) for d in result.dossiers for s in d.scores if s.family == "capaian"] == [(3, 3)]


def test_a_signed_report_joins_the_pk_it_prints_and_is_held_to_what_it_promised() -> None:
    # the report's PK (its Tabel 2.1) names no party; the report is signed by its head: one dossier, where a PK
    # indicator the report does not measure is missing from it, and an indicator measured beyond the PK is worth a note
    text = LKJ_REPORT + (
        "\t\tPengelolaan Data Kinerja\t90%\t92%\t102,22%\n\n"
        "Contoh, 30 Januari 2023\nKEPALA DINAS CONTOH KABUPATEN CONTOH\n\nBUDI SANTOSO, S.E.\nNIP. 19700101 199503 1 002\n"
    )
    result = audit((text, "lkj.pdf", "lkj"))
    assert [sorted(d.doc_ids) for d in result.dossiers] == [["lkj--01-lkj", "lkj--02-pk"]]
    assert [(f.check, f.severity.value, f.indicator_name) for f in result.findings if f.check.startswith("indicator_")] == [
        ("indicator_missing", "warning", "Maturitas SPIP"),
        ("indicator_extra", "info", "Pengelolaan Data Kinerja"),
    ]


def test_a_budget_lines_printed_share_follows_from_its_realisasi_and_pagu() -> None:
    # 16.602.600 of 29.731.000 is 55,84 %: printed 55,8 it holds (one unit of the last decimal), printed 65,8 it does not
    assert of(audit((LKJ_MEASURES, "lkj.pdf", "lkj")), "budget_share_mismatch") == []
    findings = of(audit((edit(LKJ_MEASURES, ("16.602.600\t55,8", "16.602.600\t65,8")), "lkj.pdf", "lkj")), "budget_share_mismatch")
    assert [(f.expected, f.found, f.severity.value) for f in findings] == [("55,84 (realisasi / pagu × 100)", "65,8", "warning")]
    assert [(e.text, e.location.column) for e in findings[0].evidence] == [
        ("65,8", "persen"), ("Rp 29.731.000", None), ("16.602.600", "realisasi_rp"),
    ]


def test_a_reports_budget_whose_sub_kegiatan_print_like_its_kegiatan_raises_no_budget_sum() -> None:
    # Program / Kegiatan / Sub Kegiatan rows printed alike (no label, no level in the name): the levels are not
    # told apart, so the sums are not held against them (each kegiatan would seem to hold its sub-kegiatan twice)
    text = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2023\n\nTabel 3.10 Realisasi Anggaran Tahun 2023\n"
            "No.\tProgram / Kegiatan / Sub Kegiatan\tAnggaran (Rp)\tRealisasi (Rp)\t%\n"
            "1.\tProgram Penunjang Urusan Pemerintahan Daerah\t1.000.000.000\t900.000.000\t90,00\n"
            "\tPerencanaan, Penganggaran, dan Evaluasi Kinerja\t600.000.000\t540.000.000\t90,00\n"
            "\tPenyusunan Dokumen Perencanaan\t300.000.000\t270.000.000\t90,00\n"
            "\tEvaluasi Kinerja Perangkat Daerah\t300.000.000\t270.000.000\t90,00\n"
            "\tAdministrasi Keuangan Perangkat Daerah\t400.000.000\t360.000.000\t90,00\n"
            "\tPenyediaan Gaji dan Tunjangan ASN\t400.000.000\t360.000.000\t90,00\n"
            "JUMLAH\t\t1.000.000.000\t900.000.000\t90,00\n")
    result = audit((text, "lkj.pdf", "lkj"))
    assert of(result, "budget_sum_mismatch") == [] and of(result, "budget_share_mismatch") == []
