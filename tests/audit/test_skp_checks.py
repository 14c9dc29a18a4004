"""The SKP checks, each on a fixture that triggers it and a near miss that must stay silent.

The fixtures are the consistent SKP forms of ``tests/fixtures/skp/`` (see tests/extract/skp/test_skp.py):
every printed score agrees with its rule set, every predikat with its band or matrix, every
intervened RHK is the atasan's, and every period lies in its PK's year, so the audit of all of them
together finds none of these checks. A trigger is a one-line edit of a fixture (``edit`` insists the
edited text occurs exactly once, or names which occurrence), so each test says exactly what changed.
"""

from __future__ import annotations

import pytest

import score  # noqa: F401 - registers the checks of the printed SKP scores (score.skp_checks)
from audit import AuditResult, Finding, audit_documents
from extract.models import Document
from extract.text.reader import read_text_documents
from score.skp import score_skp
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "skp"
PP46, JPT, JA, SKP6, PK = "pp46_book.txt", "skp_8_2021_jpt.txt", "skp_8_2021_ja.txt", "skp_6_2022.txt", "pk_atasan_2024.txt"
SKP_CHECKS = ("skp_score_mismatch", "skp_arithmetic", "predikat_mismatch", "cascade_uncovered", "cascade_unknown_parent",
              "skp_period_mismatch")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, occurrence: int | None = None) -> str:
    """Replace ``old`` with ``new``: its only occurrence, or the ``occurrence``-th (1-based) when it
    occurs several times (the 6/2022 plan and its evaluation repeat their rows)."""
    count = text.count(old)
    if occurrence is None:
        assert count == 1, f"{old!r} occurs {count} times in the fixture"
        return text.replace(old, new)
    assert count >= occurrence, f"{old!r} occurs {count} times, not {occurrence}"
    at = -1
    for _ in range(occurrence):
        at = text.index(old, at + 1)
    return text[:at] + new + text[at + len(old):]


def audit(**texts: str) -> AuditResult:
    """Audit the fixtures together: every fixture as is, except those given (file name -> text)."""
    docs: list[Document] = []
    for name in (PP46, JPT, JA, SKP6, PK):
        text = texts.get(name.replace(".txt", ""), fixture(name))
        docs.extend(read_text_documents(text, name, name.removesuffix(".txt")))
    return audit_documents(docs)


def of(result: AuditResult, check: str) -> list[Finding]:
    return [f for f in result.findings if f.check == check]


def one(result: AuditResult, check: str) -> Finding:
    found = of(result, check)
    assert len(found) == 1, f"expected one {check}, got {[(f.expected, f.found, f.message('en')) for f in found]}"
    others = [f.check for f in result.findings if f.check in SKP_CHECKS and f.check != check]
    assert not others, f"the edit also reports {others}"
    return found[0]


def skp_findings(result: AuditResult) -> list[str]:
    return [f"{f.check}: {f.message('en')}" for f in result.findings if f.check in SKP_CHECKS]


def test_the_consistent_fixtures_report_none_of_the_skp_checks() -> None:
    result = audit()
    assert skp_findings(result) == []
    checked = {s.family.value: s.checked for d in result.dossiers for s in d.scores if s.family.value in ("skp", "cascading")}
    assert checked["skp"] > 0 and checked["cascading"] > 0


# --- skp_score_mismatch ------------------------------------------------------------------------------


def test_a_kegiatan_whose_printed_nilai_does_not_follow_from_its_realisasi() -> None:
    # kegiatan 3's kualitas realised 70, not 80: (95,83 + 70 + 76) / 3 = 80,61, the form still prints 83,94
    row = "230\tBerkas\t80\t12\tBulan\t-\t251,83\t83,94"
    f = one(audit(pp46_book=edit(fixture(PP46), row, row.replace("\t80\t", "\t70\t"))), "skp_score_mismatch")
    assert (f.params["element"], f.found, f.expected, f.params["rule_set"]) == ("kegiatan:3", "83,94", "80,61", "skp_pp46_2011")
    assert f.evidence[0].location.page == 2 and f.message("id").startswith("kegiatan:3: tercetak 83,94")


@pytest.mark.parametrize(("old", "new"), [("266,00\t88,67", "266,00\t88,66"), ("349,33\t87,33", "349,33\t87,34")])
def test_a_nilai_within_one_unit_of_its_last_decimal_is_rounding(old: str, new: str) -> None:
    # 88,666… may be printed 88,66 (cut) or 88,67 (rounded); 87,3325 as 87,34 (the aspects rounded first)
    assert skp_findings(audit(pp46_book=edit(fixture(PP46), old, new))) == []


def test_an_iki_capaian_that_is_not_realisasi_over_target() -> None:
    row = "80%\t88%\t110,00"
    f = one(audit(skp_8_2021_jpt=edit(fixture(JPT), row, "80%\t88%\t112,00")), "skp_score_mismatch")
    assert (f.params["element"], f.found, f.expected) == ("iki:1", "112,00", "110,00")


def test_a_lower_is_better_capaian_by_either_formula_is_accepted() -> None:
    # ≤ 5% realised 4%: (2 − 4/5) × 100 = 120, or 5/4 × 100 = 125 (ambiguity lower_better_formula)
    row = "≤ 5%\t4%\t120,00"
    assert skp_findings(audit(skp_8_2021_jpt=edit(fixture(JPT), row, "≤ 5%\t4%\t125,00"))) == []



# IKI 4: 95% realised 85,5% is a capaian of 90 %, kategori Cukup, nilai 70 + (89 - 70) / (99 - 80) x (90 - 80) = 80
IKI4 = "95%\t85,5%\t90,00\tCukup\t80\t8,00"


def test_an_iki_nilai_capaian_that_is_not_its_kategori_formula() -> None:
    f = one(audit(skp_8_2021_jpt=edit(fixture(JPT), IKI4, IKI4.replace("\t80\t", "\t85\t"))), "skp_score_mismatch")
    assert (f.params["element"], f.found, f.expected, f.params["rule_set"]) == ("nilai_iki:4", "85", "80", "skp_permenpanrb_8_2021")


@pytest.mark.parametrize(("row", "why"), [
    ("95%\t85,5%\t90,00\tCukup\t81\t8,10", "within one unit of the printed 81's last decimal"),
    ("≤ 5%\t6%\t83,33\tCukup\t73,33\t8,00", "the capaian printed by T/R (accepted): its kategori and nilai follow it"),
    ("5%\t6%\t83,33\tCukup\t73,33\t8,00", "a lower-is-better capaian on a target printing no ≤ (accepted): the same"),
    ("100%\t115%\t115,00\tBaik\t120\t8,00", "over 110 %: nilai 120; the kategori, which the Lampiran does not name, not judged"),
    ("95%\t56,05%\t59,00\tSangat Kurang\t49\t4,90", "59 % x 49 / 59 = 49"),
    ("95%\t56,525%\t59,50\tKurang\t49,5\t4,95", "59,5 % lies between Sangat Kurang and Kurang: either kategori and line"),
    ("95%\t99,75%\t105,00\tBaik\t115\t11,50", "100-110 %: the rule is on a page not available, read as printed"),
])
def test_an_iki_kategori_and_nilai_that_follow_the_lampiran_are_silent(row: str, why: str) -> None:
    text = edit(fixture(JPT), IKI4, row)
    # the edited nilai tertimbang changes NILAI AKHIR SKP: keep the totals' arithmetic out of the question
    assert [f for f in skp_findings(audit(skp_8_2021_jpt=text)) if "nilai_skp" not in f and "nilai_kinerja" not in f] == [], why


def test_a_misprinted_realisasi_is_its_capaians_finding_alone() -> None:
    # 80% printed for 85,5%: the capaian 90,00 no longer follows; its kategori and nilai follow the printed 90,00
    f = one(audit(skp_8_2021_jpt=edit(fixture(JPT), IKI4, IKI4.replace("85,5%", "80%"))), "skp_score_mismatch")
    assert (f.params["element"], f.found, f.expected) == ("iki:4", "90,00", "84,21")


def test_a_kategori_judged_on_the_printed_capaian_carries_no_read_as_printed_note() -> None:
    # 99,5 % recomputed lies next to the range no available text states; the printed 90,00 is Cukup, not Kurang
    text = edit(fixture(JPT), IKI4, "100%\t99,5%\t90,00\tKurang\t80\t8,00")
    kategori = [f for f in audit(skp_8_2021_jpt=text).findings if f.check == "predikat_mismatch"]
    assert [(f.params["element"], f.found, f.expected) for f in kategori] == [("iki:4", "Kurang", "Cukup")]
    result = score_skp(read_text_documents(text, "jpt.txt", "jpt")[0])
    assert "read as printed" not in (result.score("iki:4").note or "")


def test_an_iki_kategori_that_is_not_the_band_of_its_capaian() -> None:
    # 90 % is Cukup; Butuh Perbaikan is a predikat of PermenPANRB 6/2022, not a kategori of 8/2021
    f = one(audit(skp_8_2021_jpt=edit(fixture(JPT), IKI4, IKI4.replace("Cukup", "Butuh Perbaikan"))), "predikat_mismatch")
    assert (f.params["element"], f.found, f.expected, f.params["basis"]) == ("iki:4", "Butuh Perbaikan", "Cukup", "90,00")


@pytest.mark.parametrize(("nilai", "predikat", "silent"), [
    ("100,60", "Sangat Baik", False),  # Sangat Baik needs 110-120 (PP 30/2019 Pasal 41 ayat (5) huruf a)
    ("110,00", "Sangat Baik", True),   # 110-120 is Baik, or Sangat Baik with a new idea the form does not show
    ("110,00", "Baik", True),
    ("89,99", "Baik", False),          # Cukup: 70 to under 90
])
def test_an_8_2021_predikat_against_pp_30_2019(nilai: str, predikat: str, silent: bool) -> None:
    text = edit(fixture(JPT), "\tNILAI KINERJA\t\t\t100,60\n\tPREDIKAT KINERJA\t\t\tBaik",
                f"\tNILAI KINERJA\t\t\t{nilai}\n\tPREDIKAT KINERJA\t\t\t{predikat}")
    found = [f for f in audit(skp_8_2021_jpt=text).findings if f.check == "predikat_mismatch"]
    if silent:
        assert found == []
    else:
        (f,) = found
        assert (f.params["element"], f.found, f.params["basis"]) == ("nilai_kinerja", predikat, nilai)


# --- skp_arithmetic ----------------------------------------------------------------------------------


def test_a_jumlah_that_is_not_the_sum_of_the_aspects() -> None:
    f = one(audit(pp46_book=edit(fixture(PP46), "Jumlah\t481,00", "Jumlah\t491,00")), "skp_arithmetic")
    assert (f.params["element"], f.params["relation"], f.found, f.expected) == ("jumlah_perilaku", "sum", "491,00", "481,00")
    assert f.message("en") == ("jumlah_perilaku: printed 491,00, but the sum of the printed 80,00, 82,00, 78,00, 85,00, 80,00, "
                               "76,00 is 481,00")


def test_an_npk_that_is_not_skp_times_60_plus_perilaku_times_40() -> None:
    text = edit(fixture(PP46), "NILAI PRESTASI KERJA\t\t\t\t84,66", "NILAI PRESTASI KERJA\t\t\t\t85,66")
    f = one(audit(pp46_book=text), "skp_arithmetic")
    assert (f.params["element"], f.found, f.expected) == ("nilai_prestasi_kerja", "85,66", "84,66")


def test_a_weighted_product_that_is_not_the_product() -> None:
    # 87,65 x 60% = 52,59; printed 53,59 (and the NPK printed from the right product)
    text = edit(fixture(PP46), "87,65 x 60%\t\t52,59", "87,65 x 60%\t\t53,59")
    found = of(audit(pp46_book=text), "skp_arithmetic")
    assert [(f.params["element"], f.params["relation"], f.found, f.expected) for f in found] == [
        ("nilai_skp_tertimbang", "product", "53,59", "52,59"), ("nilai_prestasi_kerja", "sum", "84,66", "85,66")]


def test_a_nilai_akhir_skp_that_is_not_the_sum_of_the_nilai_tertimbang() -> None:
    text = edit(fixture(JPT), "\tNILAI KINERJA\t\t\t100,60", "\tNILAI KINERJA\t\t\t101,60")
    f = one(audit(skp_8_2021_jpt=text), "skp_arithmetic")
    assert (f.params["element"], f.found, f.expected) == ("nilai_kinerja", "101,60", "100,60")


def test_an_npk_within_one_unit_of_its_parts_is_rounding() -> None:
    text = edit(fixture(PP46), "NILAI PRESTASI KERJA\t\t\t\t84,66", "NILAI PRESTASI KERJA\t\t\t\t84,65")
    assert skp_findings(audit(pp46_book=text)) == []


# --- predikat_mismatch -------------------------------------------------------------------------------


def test_a_sebutan_that_is_not_the_band_of_the_printed_npk() -> None:
    text = edit(fixture(PP46), "84,66\n\t\t\t\t(Baik)", "84,66\n\t\t\t\t(Sangat Baik)")
    f = one(audit(pp46_book=text), "predikat_mismatch")
    assert (f.params["element"], f.found, f.expected, f.params["basis"]) == ("nilai_prestasi_kerja", "Sangat Baik", "Baik", "84,66")


def test_a_6_2022_predikat_that_is_not_the_matrix_of_the_ratings() -> None:
    # sesuai ekspektasi (hasil kerja) x di atas ekspektasi (perilaku) is Baik
    text = edit(fixture(SKP6), "PREDIKAT KINERJA PEGAWAI*: BAIK", "PREDIKAT KINERJA PEGAWAI*: SANGAT BAIK")
    f = one(audit(skp_6_2022=text), "predikat_mismatch")
    assert (f.params["element"], f.found, f.expected) == ("predikat", "Sangat Baik", "Baik")


def test_kurang_misconduct_is_the_matrix_kurang() -> None:
    text = edit(fixture(SKP6), "\t\t\tDI ATAS EKSPEKTASI", "\t\t\tDI BAWAH EKSPEKTASI")
    text = edit(text, "PREDIKAT KINERJA PEGAWAI*: BAIK", "PREDIKAT KINERJA PEGAWAI*: KURANG/MISCONDUCT")
    assert skp_findings(audit(skp_6_2022=text)) == []


PRESTASI = """PENILAIAN PRESTASI KERJA
PEGAWAI NEGERI SIPIL

Jangka Waktu Penilaian 2 Januari s.d. 31 Desember 2015

a. Sasaran Kerja PNS (SKP)\t\t{skp} x 60%\t\t{skp60}
b. Perilaku Kerja\t1. Orientasi Pelayanan\t{p}\t({label})\t
\t2. Integritas\t{p}\t({label})\t
\t3. Komitmen\t{p}\t({label})\t
\t4. Disiplin\t{p}\t({label})\t
\t5. Kerja Sama\t{p}\t({label})\t
\tNilai rata - rata\t{p}\t({label})\t
\tNilai Perilaku Kerja\t{p} x 40%\t\t{p40}
NILAI PRESTASI KERJA\t\t\t\t{npk}
\t\t\t\t({npk_label})
"""


@pytest.mark.parametrize(("values", "silent"), [
    # 'Sedang' is read as Kurang (51-60)
    ({"skp": "58,00", "skp60": "34,80", "p": "56,00", "label": "Sedang", "p40": "22,40", "npk": "57,20", "npk_label": "Sedang"}, True),
    # 90,50 lies between Baik (76-90) and Sangat Baik (91 ke atas): either label is accepted
    ({"skp": "90,50", "skp60": "54,30", "p": "90,50", "label": "Sangat Baik", "p40": "36,20", "npk": "90,50", "npk_label": "Baik"}, True),
    # 'Sedang' is not Cukup
    ({"skp": "65,00", "skp60": "39,00", "p": "65,00", "label": "Sedang", "p40": "26,00", "npk": "65,00", "npk_label": "Cukup"}, False),
])
def test_band_gaps_and_sedang(values: dict[str, str], silent: bool) -> None:
    docs = read_text_documents(PRESTASI.format(**values), "prestasi.txt", "prestasi")
    found = [f for f in audit_documents(docs).findings if f.check in SKP_CHECKS]
    if silent:
        assert found == []
    else:
        assert {(f.check, f.params["element"]) for f in found} == {("predikat_mismatch", f"perilaku:{k}") for k in (
            "orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama")} | {("predikat_mismatch", "nilai_perilaku")}


# --- cascade_uncovered -------------------------------------------------------------------------------


def test_an_atasan_iku_no_subordinate_intervenes() -> None:
    row = "2\tMeningkatnya kualitas perencanaan pembangunan jalan\tPersentase dokumen perencanaan jalan yang tepat waktu\t100%"
    text = edit(fixture(PK), row, row + "\n3\tTerwujudnya akuntabilitas keuangan bidang\tNilai evaluasi SAKIP bidang\t80")
    f = one(audit(pk_atasan_2024=text), "cascade_uncovered")
    assert (f.indicator_name, f.params["atasan"], f.params["count"]) == ("Nilai evaluasi SAKIP bidang", "Rudi Hartono, S.T., M.T.", 2)
    assert f.dossier.startswith("2024-") and f.evidence[0].doc_id == "pk_atasan_2024--01-pk"


def test_an_iku_whose_sasaran_a_subordinate_intervenes_in_other_words_is_covered() -> None:
    text = edit(fixture(SKP6), "Meningkatnya kondisi jalan kabupaten yang mantap", "Meningkatnya kondisi jalan kabupaten mantap", 1)
    text = edit(text, "Meningkatnya kondisi jalan kabupaten yang mantap", "Meningkatnya kondisi jalan kabupaten mantap", 1)
    assert skp_findings(audit(skp_6_2022=text)) == []


def test_a_pk_without_subordinate_skp_in_the_batch_is_not_checked() -> None:
    docs = read_text_documents(fixture(PK), PK, "pk_atasan_2024")
    result = audit_documents(docs)
    assert [f for f in result.findings if f.check.startswith("cascade")] == []


# --- cascade_unknown_parent --------------------------------------------------------------------------


def test_an_rhk_that_intervenes_no_rhk_of_its_atasan() -> None:
    text = edit(fixture(SKP6), "Meningkatnya kualitas perencanaan pembangunan jalan", "Terwujudnya pelayanan perizinan yang prima", 1)
    f = one(audit(skp_6_2022=text), "cascade_unknown_parent")
    assert (f.found, f.params["atasan"], f.evidence[0].doc_id) == (
        "Terwujudnya pelayanan perizinan yang prima", "Rudi Hartono, S.T., M.T.", "skp_6_2022--01-skp")
    assert f.params["best"] < 70


def test_an_8_2021_rencana_kinerja_atasan_is_looked_up_in_the_atasan_skp() -> None:
    text = edit(fixture(JA), "Menurunnya keluhan layanan infrastruktur", "Meningkatnya pendapatan asli daerah")
    f = one(audit(skp_8_2021_ja=text), "cascade_unknown_parent")
    assert (f.found, f.params["atasan"]) == ("Meningkatnya pendapatan asli daerah", "Ir. Bambang Sutrisno, M.T.")


def test_an_rhk_whose_atasan_has_no_document_in_the_batch_is_not_checked() -> None:
    text = edit(fixture(SKP6), "Meningkatnya kualitas perencanaan pembangunan jalan", "Terwujudnya pelayanan perizinan yang prima", 1)
    result = audit_documents(read_text_documents(text, SKP6, "skp_6_2022"))
    assert of(result, "cascade_unknown_parent") == []


# --- skp_period_mismatch -----------------------------------------------------------------------------

EVAL_PERIOD = "PERIODE: AKHIR\nPERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2024"


def test_an_skp_period_outside_the_year_of_the_pk_it_carries_out() -> None:
    text = edit(fixture(SKP6), EVAL_PERIOD, EVAL_PERIOD.replace("TAHUN 2024", "TAHUN 2023"))
    found = of(audit(skp_6_2022=text), "skp_period_mismatch")
    assert [(f.doc_ids, f.params["year"], f.params["whose"], f.found) for f in found] == [
        (["skp_6_2022--02-skp", "pk_atasan_2024--01-pk"], 2024, "pejabat_penilai", "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2023")]
    assert found[0].message("en").endswith("(the appraising official's PK)")


def test_a_period_spanning_two_years_is_outside_the_pk_year() -> None:
    text = edit(fixture(SKP6), EVAL_PERIOD, "PERIODE: AKHIR\nPERIODE PENILAIAN: 1 JULI 2023 SD 30 JUNI TAHUN 2024")
    (f,) = of(audit(skp_6_2022=text), "skp_period_mismatch")
    assert f.params["year"] == 2024


@pytest.mark.parametrize("period", ["2 JANUARI SD 31 DESEMBER TAHUN 2024", "1 APRIL SD 30 JUNI TAHUN 2024"])
def test_a_period_inside_the_pk_year_is_silent(period: str) -> None:
    text = edit(fixture(SKP6), EVAL_PERIOD, f"PERIODE: AKHIR\nPERIODE PENILAIAN: {period}")
    assert skp_findings(audit(skp_6_2022=text)) == []


# --- never raises --------------------------------------------------------------------------------------


def test_unscorable_forms_never_raise() -> None:
    text = fixture(PP46)
    for old, new in (("\t12\tDokumen\t100\t12\tBulan\t-\t-\t12", "\t0\tDokumen\t0\t0\tBulan\t-\t-\tx"),
                     ("Jumlah\t481,00", "Jumlah\tdelapan"), ("84,66", "84,,66")):
        text = text.replace(old, new, 1)
    result = audit_documents(read_text_documents(text, PP46, "pp46_book"))
    assert isinstance(result, AuditResult)


# --- the shared table of triggers and near misses (tests/audit/test_checks.py) ----------------------
#
# Each trigger's batch reports its check and nothing else but dossier_unassigned notes: the 6/2022
# plan is taken without its evaluation (the two would form a dossier without a PK, an info note).


def _plan(text: str | None = None) -> str:
    text = fixture(SKP6) if text is None else text
    return text[: text.index("EVALUASI KINERJA PEGAWAI")]


def _evaluation(text: str | None = None) -> str:
    text = fixture(SKP6) if text is None else text
    return text[text.index("EVALUASI KINERJA PEGAWAI"):]


def _batch(*files: tuple[str, str]) -> AuditResult:
    docs: list[Document] = []
    for text, stem in files:
        docs.extend(read_text_documents(text, f"{stem}.txt", stem))
    return audit_documents(docs)


_IKU_3 = "\n3\tTerwujudnya akuntabilitas keuangan bidang\tNilai evaluasi SAKIP bidang\t80"
_PK_ROW_2 = "2\tMeningkatnya kualitas perencanaan pembangunan jalan\tPersentase dokumen perencanaan jalan yang tepat waktu\t100%"

SKP_TRIGGERS = {
    "skp_score_mismatch": lambda: _batch((edit(fixture(PP46), "\t80\t12\tBulan\t-\t251,83", "\t70\t12\tBulan\t-\t251,83"), "pp46")),
    "skp_arithmetic": lambda: _batch((edit(fixture(PP46), "Jumlah\t481,00", "Jumlah\t491,00"), "pp46")),
    "predikat_mismatch": lambda: _batch((edit(_evaluation(), "PREDIKAT KINERJA PEGAWAI*: BAIK", "PREDIKAT KINERJA PEGAWAI*: SANGAT BAIK"), "ev")),
    "cascade_uncovered": lambda: _batch((edit(fixture(PK), _PK_ROW_2, _PK_ROW_2 + _IKU_3), "pk"), (_plan(), "plan")),
    "cascade_unknown_parent": lambda: _batch((fixture(JPT), "jpt"), (edit(fixture(JA), "Menurunnya keluhan layanan infrastruktur",
                                                                            "Meningkatnya pendapatan asli daerah"), "ja")),
    "skp_period_mismatch": lambda: _batch((fixture(PK), "pk"), (edit(_evaluation(), EVAL_PERIOD, EVAL_PERIOD.replace("2024", "2023")), "ev")),
}
SKP_NEAR_MISSES = {
    "skp_score_mismatch": lambda: _batch((edit(fixture(PP46), "266,00\t88,67", "266,00\t88,66"), "pp46")),
    "skp_arithmetic": lambda: _batch((edit(fixture(PP46), "NILAI PRESTASI KERJA\t\t\t\t84,66", "NILAI PRESTASI KERJA\t\t\t\t84,65"), "pp46")),
    "predikat_mismatch": lambda: _batch((edit(edit(_evaluation(), "\t\t\tDI ATAS EKSPEKTASI", "\t\t\tDI BAWAH EKSPEKTASI"),
                                              "PREDIKAT KINERJA PEGAWAI*: BAIK", "PREDIKAT KINERJA PEGAWAI*: KURANG/MISCONDUCT"), "ev")),
    "cascade_uncovered": lambda: _batch((fixture(PK), "pk"), (_plan(), "plan")),
    "cascade_unknown_parent": lambda: _batch((fixture(JPT), "jpt"), (fixture(JA), "ja")),
    "skp_period_mismatch": lambda: _batch((fixture(PK), "pk"), (edit(_evaluation(), EVAL_PERIOD, EVAL_PERIOD.replace("1 JANUARI", "2 JANUARI")), "ev")),
}


def test_the_shared_triggers_report_their_check_and_the_near_misses_stay_silent() -> None:
    for check, trigger in SKP_TRIGGERS.items():
        assert {f.check for f in trigger().findings} - {"dossier_unassigned"} == {check}, check
        assert of(SKP_NEAR_MISSES[check](), check) == [], check
        assert {f.check for f in SKP_NEAR_MISSES[check]().findings} - {"dossier_unassigned"} == set(), check


def test_a_subordinate_skp_bundled_after_its_atasans_pk_keeps_its_own_dossier() -> None:
    docs = read_text_documents(fixture(PK) + "\f" + fixture(SKP6), "bundle.txt", "bundle")
    result = audit_documents(docs)
    assert [d.doc_ids for d in result.dossiers] == [["bundle--01-pk"], ["bundle--02-skp", "bundle--03-skp"]]
    assert {f.check for f in result.findings} <= {"dossier_without_pk"}


def test_the_evaluations_of_two_pegawai_in_one_export_are_two_dossiers(tmp_path) -> None:
    from extract.read import read_file  # noqa: PLC0415
    from tests.extract.skp.test_skp import export_workbook  # noqa: PLC0415

    ev = ["SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "BAIK"]
    rows = [["EV-1", "199002142015032006", "Dewi Lestari, S.T.", "Penata Kelola", "Bidang Bina Marga", "197808092003121004",
             "Rudi Hartono, S.T., M.T.", "Kepala Bidang", "TAHUNAN", 2024, *ev],
            ["EV-2", "199305012019022001", "Andi Saputra, S.Kom.", "Pranata Komputer", "Bidang Bina Marga", "197808092003121004",
             "Rudi Hartono, S.T., M.T.", "Kepala Bidang", "TAHUNAN", 2024, *ev]]
    indikator = [["EV-1", 1, "Utama", "-", "Tersusunnya data jalan", "Kuantitas", "Jumlah ruas jalan yang disurvei", 30, "ruas", 30, 100],
                 ["EV-2", 1, "Utama", "-", "Terkelolanya aplikasi", "Kuantitas", "Jumlah modul aplikasi", 4, "modul", 4, 100]]
    path = tmp_path / "export.xlsx"
    path.write_bytes(export_workbook(rows, indikator, []))
    result = audit_documents(read_file(path).documents)
    assert [d.doc_ids for d in result.dossiers] == [["export--01-skp"], ["export--02-skp"]]
