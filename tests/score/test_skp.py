"""SKP scores: the printed and the computed value of every element, side by side, by cited rule sets.

The fixtures are tests/fixtures/skp/ (see tests/extract/skp/test_skp.py); their numbers were written
to agree with the rules, so every row agrees, and a changed number shows in exactly its row.
"""

from __future__ import annotations

import csv
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from extract import read_file
from extract.models import Document
from extract.text.reader import read_text_documents
from score.rows import TABLES, SkpScoreRow, skp_score_rows
from score.rules import Basis, RuleSetError
from score.rules.skp import available, load, load_text
from score.skp import SkpScoreResult, score_skp, score_skps
from tests.extract.skp.test_skp import qualitative_6_2022
from tests.golden import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "skp"
D = Decimal


def doc(name: str, n: int = 0) -> Document:
    return read_file(FIXTURES / name).documents[n]


def table(result: SkpScoreResult) -> list[tuple]:
    """The rows' cells as ``skp_scores.csv`` writes them (a Decimal's text keeps its places: 88.67, 110.00)."""
    def text(d: Decimal | None) -> str | None:
        assert d is None or isinstance(d, Decimal)
        return None if d is None else str(d)

    return [(r.element, r.period, text(r.printed), text(r.computed), r.predikat_printed, r.predikat_computed, r.agrees)
            for r in skp_score_rows([result])]


# --- the rule sets --------------------------------------------------------------------------------


def test_every_rule_is_cited_or_says_why_and_every_ambiguity_is_declared() -> None:
    assert available() == ["permenpanrb_6_2022", "permenpanrb_8_2021", "pp46_2011"]
    for name in available():
        rules = load(name)
        assert rules.name == f"skp_{name}" and rules.form == rules.name
        for where, rule in rules.sourced():
            if rule.basis is Basis.REGULATION:
                assert rule.cite and all(c.document and c.section and c.quote for c in rule.cite), (name, where)
            else:
                assert rule.why, (name, where)
        used = {a for _, rule in rules.sourced() for a in rule.ambiguity} | set(rules.notes)
        used |= {a for _, rule in rules.sourced() for band in getattr(rule, "bands", ()) for a in band.ambiguity}
        assert used == {a.id for a in rules.ambiguities}, (name, used ^ {a.id for a in rules.ambiguities})


def test_the_numbers_are_the_ones_the_issue_states() -> None:
    pp46 = load("pp46_2011")
    assert (pp46.aspects.efficiency.threshold, pp46.aspects.efficiency.factor, pp46.aspects.efficiency.base) == (D(24), D("1.76"), D(76))
    assert (pp46.kegiatan.with_biaya, pp46.kegiatan.without_biaya, pp46.weights.skp, pp46.weights.perilaku) == (4, 3, D(60), D(40))
    assert [(b.label, b.min, b.max, b.synonyms) for b in pp46.sebutan.bands] == [
        ("Sangat Baik", D(91), None, ()), ("Baik", D(76), D(90), ()), ("Cukup", D(61), D(75), ()),
        ("Kurang", D(51), D(60), ("Sedang",)), ("Buruk", None, D(50), ())]
    r8 = load("permenpanrb_8_2021")
    assert [(p.skp, p.perilaku) for p in r8.weights.pairs()] == [(D(70), D(30)), (D(60), D(40))]
    # PermenPANRB 8/2021 Lampiran p. 93: Cukup 80-99 % -> 70-89, Kurang 60-79 % -> 50-69, Sangat Kurang
    # capaian / 59 x 49, over 110 % -> 120 (its kategori not named: not judged); the Baik and Sangat Baik
    # rules (p. 92) are in no copy here
    k = r8.kategori
    assert [(str(c), k.of(D(c)) and k.of(D(c)).label, k.nilai(D(c))[0]) for c in ("130", "110.5", "110", "100", "99.5", "99", "80",
                                                                                     "79.5", "60", "59", "0")] == [
        ("130", None, D(120)), ("110.5", None, D(120)), ("110", None, None), ("100", None, None),
        ("99.5", None, None), ("99", "Cukup", D(89)), ("80", "Cukup", D(70)), ("79.5", "Kurang", D("69.5")),
        ("60", "Kurang", D(50)), ("59", "Sangat Kurang", D(49)), ("0", "Sangat Kurang", D(0))]
    assert k.of(D("79.5")).alternatives == ("Cukup",) and k.nilai(D("79.5"))[1] == [D("69.5")]  # a gap: either band
    # PP 30/2019 Pasal 41 ayat (5): Sangat Baik 110-120 (and a new idea), Baik 90-120, Cukup 70 to under 90,
    # Kurang 50 to under 70, Sangat Kurang under 50
    pr = r8.predikat
    assert [(c, pr.of(D(c)).label, pr.of(D(c)).alternatives) for c in ("120", "110", "109.99", "90", "89.99", "70", "69.99",
                                                                           "50", "49.99")] == [
        ("120", "Baik", ("Sangat Baik",)), ("110", "Baik", ("Sangat Baik",)), ("109.99", "Baik", ()), ("90", "Baik", ()),
        ("89.99", "Cukup", ()), ("70", "Cukup", ()), ("69.99", "Kurang", ()), ("50", "Kurang", ()),
        ("49.99", "Sangat Kurang", ())]
    assert (pr.of(D(125)).label, pr.of(D(125)).alternatives, pr.of(D(125)).overlap) == ("Baik", ("Sangat Baik",), True)  # both end at 120
    m = load("permenpanrb_6_2022").matrix
    assert [[m.predikat(hk, p) for p in ("di_atas", "sesuai", "di_bawah")] for hk in ("di_atas", "sesuai", "di_bawah")] == [
        ["Sangat Baik", "Baik", "Kurang"], ["Baik", "Baik", "Kurang"], ["Butuh Perbaikan", "Butuh Perbaikan", "Sangat Kurang"]]


def test_a_rule_file_naming_an_undeclared_ambiguity_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "score" / "rules" / "skp" / "pp46_2011.toml").read_text(encoding="utf-8")
    with pytest.raises(RuleSetError, match="undeclared ambiguities"):
        load_text(text.replace('ambiguity = ["band_gaps", "sedang"]', 'ambiguity = ["band_gaps", "nowhere"]'))
    with pytest.raises(RuleSetError, match="do not sum to 100"):
        load_text(text.replace("skp = 60", "skp = 65"))


# --- PP 46/2011 ------------------------------------------------------------------------------------


def test_pp46_printed_and_computed_side_by_side() -> None:
    result = score_skp(doc("pp46_book.txt"))
    assert (result.generation.value, result.rule_set, result.period.value) == ("skp_pp46_2011", "skp_pp46_2011", "Y")
    assert table(result) == [
        ("document", "Y", None, None, None, None, None),  # the rule set's ambiguities that touch every score
        ("kegiatan:1", "Y", "88.67", "88.67", None, None, True),
        ("kegiatan:2", "Y", "87.33", "87.33", None, None, True),
        ("kegiatan:3", "Y", "83.94", "83.94", None, None, True),
        ("tugas_tambahan", "Y", "1", None, None, None, None),
        ("nilai_capaian_skp", "Y", "87.65", "87.65", "Baik", "Baik", True),
        ("perilaku:orientasi_pelayanan", "Y", "80.00", None, "Baik", "Baik", True),
        ("perilaku:integritas", "Y", "82.00", None, "Baik", "Baik", True),
        ("perilaku:komitmen", "Y", "78.00", None, "Baik", "Baik", True),
        ("perilaku:disiplin", "Y", "85.00", None, "Baik", "Baik", True),
        ("perilaku:kerja_sama", "Y", "80.00", None, "Baik", "Baik", True),
        ("perilaku:kepemimpinan", "Y", "76.00", None, "Baik", "Baik", True),
        ("nilai_perilaku", "Y", "80.17", "80.17", "Baik", "Baik", True),
        ("nilai_prestasi_kerja", "Y", "84.66", "84.66", "Baik", "Baik", True),
    ]
    # exact arithmetic: (12/12 + 90/100 + 76 + …) — kegiatan 2 with biaya: (100 + 85 + 84,33… + 80) / 4
    assert result.score("kegiatan:2").exact == (D(100) + D(85) + (D("1.76") * 12 - 11) / 12 * 100 + D(80)) / 4
    assert result.score("nilai_prestasi_kerja").exact == (
        ((D(266) / 3 + result.score("kegiatan:2").exact + (D(230) / 240 * 100 + 80 + 76) / 3) / 3 + 1) * D("0.6")
        + D(481) / 6 * D("0.4"))
    # every ambiguity applied is named in the row
    assert "ambiguity biaya_absent" in result.score("kegiatan:1").note
    assert "ambiguity additions_table" in result.score("tugas_tambahan").note
    assert result.notes[0].startswith("ambiguity citation_text")
    assert skp_score_rows([result])[0].note == "; ".join(result.notes)  # in the output too, on the document's row


def test_a_kegiatan_whose_realisasi_changed_shows_in_its_own_row_and_the_totals() -> None:
    text = (FIXTURES / "pp46_book.txt").read_text(encoding="utf-8").replace("\t80\t12\tBulan\t-\t251,83", "\t70\t12\tBulan\t-\t251,83")
    result = score_skp(read_text_documents(text, "pp46.txt", "pp46")[0])
    k3 = result.score("kegiatan:3")
    assert (k3.printed, k3.computed, k3.agrees, k3.leaf) == (D("83.94"), D("80.61"), False, True)
    assert "perhitungan printed 251,83, computed 241,83" in k3.note
    assert (result.score("nilai_capaian_skp").computed, result.score("nilai_capaian_skp").agrees) == (D("86.54"), False)
    assert all(s.agrees for s in result.sums)  # the printed numbers still add up among themselves


def test_a_kegiatan_without_a_target_is_not_recomputed_and_says_why() -> None:
    text = (FIXTURES / "pp46_book.txt").read_text(encoding="utf-8")
    text = text.replace("1\tMenyusun rencana kerja anggaran\t-\t12\tDokumen\t100\t12\tBulan\t-\t-\t12",
                        "1\tMenyusun rencana kerja anggaran\t-\t0\tDokumen\t100\t12\tBulan\t-\t-\t12")
    result = score_skp(read_text_documents(text, "pp46.txt", "pp46")[0])
    k1 = result.score("kegiatan:1")
    assert (k1.printed, k1.computed, k1.agrees) == (D("88.67"), None, None)
    assert "kuantitas: no target to divide by" in k1.note and "the printed nilai is used in the totals" in k1.note
    assert result.score("nilai_capaian_skp").agrees  # the printed 88,67 stands in for it


def test_a_target_form_alone_has_nothing_to_score() -> None:
    text = (FIXTURES / "pp46_book.txt").read_text(encoding="utf-8")
    target_form = text[: text.index("PENILAIAN CAPAIAN")]
    result = score_skp(read_text_documents(target_form, "skp.txt", "skp")[0])
    assert result.scores == [] and "a target form without realisasi: nothing to score" in result.notes
    (row,) = skp_score_rows([result])  # the output still says why the form gives no score
    assert (row.doc_id, row.element, row.printed, row.computed, row.agrees) == ("skp--01-skp", "document", None, None, None)
    assert row.note.endswith("; a target form without realisasi: nothing to score")


def test_an_evaluation_whose_numbers_were_all_lost_says_so() -> None:
    """A 6/2022 evaluation read with no realisasi, rating or predikat left (a scan that lost them):
    no score, one document row naming why."""
    from extract.skp.model import SkpValueKey  # noqa: PLC0415
    from score.skp import NOTHING_READ  # noqa: PLC0415

    evaluation = doc("skp_6_2022.txt", 1)
    assert evaluation.skp.evaluation
    sheet = evaluation.skp.model_copy(update={
        "items": [i.model_copy(update={"realisasi": None, "capaian": None}) for i in evaluation.skp.items],
        "values": [v for v in evaluation.skp.values if v.key not in (
            SkpValueKey.RATING_HASIL_KERJA, SkpValueKey.RATING_PERILAKU, SkpValueKey.PREDIKAT)]})
    result = score_skp(evaluation.model_copy(update={"skp": sheet}))
    assert result.scores == [] and result.notes[-1] == NOTHING_READ
    assert [r.element for r in skp_score_rows([result])] == ["document"]


def test_a_target_form_of_every_generation_says_it_has_nothing_to_score() -> None:
    """The 8/2021 JA/JF target form and the 6/2022 plan print no realisasi: one row each, saying so."""
    for name in ("skp_8_2021_ja.txt", "skp_6_2022.txt"):
        result = score_skp(doc(name))
        assert result.scores == [] and result.notes[-1] == "a target form without realisasi: nothing to score", name
        assert [(r.element, r.note) for r in skp_score_rows([result])] == [("document", "; ".join(result.notes))]


# --- PermenPANRB 8/2021 ----------------------------------------------------------------------------


def test_8_2021_printed_and_computed_side_by_side() -> None:
    result = score_skp(doc("skp_8_2021_jpt.txt"))
    assert table(result) == [
        ("document", "Y", None, None, None, None, None),  # the rule set's ambiguities that touch every score
        ("iki:1", "Y", "110.00", "110.00", "Sangat Baik", None, True),  # 100-110 %: the rule is on a page not available
        ("nilai_iki:1", "Y", "110", None, None, None, None),
        ("iki:2", "Y", "100.00", "100.00", "Baik", None, True),
        ("nilai_iki:2", "Y", "100", None, None, None, None),
        ("iki:3", "Y", "120.00", "120.00", "Sangat Baik", None, True),  # over 110 %: nilai 120, its kategori not named
        ("nilai_iki:3", "Y", "120", "120", None, None, True),
        ("iki:4", "Y", "90.00", "90.00", "Cukup", "Cukup", True),  # 70 + (89 - 70) / (99 - 80) x (90 - 80)
        ("nilai_iki:4", "Y", "80", "80", None, None, True),
        ("iki:tambahan.1", "Y", "100.00", "100.00", "Baik", None, True),
        ("nilai_skp", "Y", "106.00", "106.00", None, None, True),
        ("perilaku:orientasi_pelayanan", "Y", "90", None, None, None, None),
        ("perilaku:komitmen", "Y", "88", None, None, None, None),
        ("perilaku:inisiatif_kerja", "Y", "85", None, None, None, None),
        ("perilaku:kerja_sama", "Y", "90", None, None, None, None),
        ("perilaku:kepemimpinan", "Y", "87", None, None, None, None),
        ("nilai_perilaku", "Y", "88.00", "88.00", None, None, True),
        ("nilai_kinerja", "Y", "100.60", "100.60", "Baik", "Baik", True),
    ]
    assert "ambiguity kategori_bands" in result.score("iki:1").note
    assert "ambiguity kategori_bands" in result.score("nilai_iki:1").note
    assert "ambiguity lower_better_formula" in result.score("iki:3").note
    assert "kategori Sangat Baik read as printed (ambiguity kategori_over_110" in result.score("iki:3").note
    assert "ambiguity kategori_over_110" in result.score("nilai_iki:3").note


def test_8_2021_weights_printed_60_40_are_the_peer_input_pair() -> None:
    text = (FIXTURES / "skp_8_2021_jpt.txt").read_text(encoding="utf-8")
    for old, new in (("106,00\tx 70%\t74,20", "106,00\tx 60%\t63,60"), ("88,00\tx 30%\t26,40", "88,00\tx 40%\t35,20"),
                     ("NILAI KINERJA\t\t\t100,60", "NILAI KINERJA\t\t\t98,80")):
        text = text.replace(old, new)
    result = score_skp(read_text_documents(text, "jpt.txt", "jpt")[0])
    final = result.score("nilai_kinerja")
    assert (final.printed, final.computed, final.agrees) == (D("98.80"), D("98.80"), True)
    assert "weights 60/40 as printed (with peer input (penilaian rekan kerja))" in final.note


def test_a_user_rule_file_may_state_the_band_no_available_text_does(tmp_path: Path) -> None:
    """The kategori of a capaian of 100-110 % is on a Lampiran page not available here: the shipped
    rule set declares the band unstated, and a user's own file may state it (here a made-up line)."""
    text = (ROOT / "score" / "rules" / "skp" / "permenpanrb_8_2021.toml").read_text(encoding="utf-8")
    unstated = '{ label = "Baik atau Sangat Baik", min = 100, max = 110, stated = false },'
    assert unstated in text
    path = tmp_path / "mine.toml"
    path.write_text(text.replace(unstated, '{ label = "Baik", min = 100, max = 100, nilai = { equals = 100 } },\n'
                                 '  { label = "Sangat Baik", over = 100, max = 110, nilai = { from = [100, 110], to = [100, 110] } },'),
                    encoding="utf-8")
    result = score_skp(doc("skp_8_2021_jpt.txt"), load(path))
    assert [row for row in table(result) if row[0] in ("iki:1", "nilai_iki:1", "iki:2", "nilai_iki:2")] == [
        ("iki:1", "Y", "110.00", "110.00", "Sangat Baik", "Sangat Baik", True),
        ("nilai_iki:1", "Y", "110", "110", None, None, True),
        ("iki:2", "Y", "100.00", "100.00", "Baik", "Baik", True),
        ("nilai_iki:2", "Y", "100", "100", None, None, True),
    ]


def test_a_user_rule_file_leaving_an_ambiguity_out_still_scores(tmp_path: Path) -> None:
    # the 100-110 % band stated without a nilai and the ambiguity of the unstated band dropped: the note says so
    text = (ROOT / "score" / "rules" / "skp" / "permenpanrb_8_2021.toml").read_text(encoding="utf-8")
    text = text.replace('{ label = "Baik atau Sangat Baik", min = 100, max = 110, stated = false },',
                        '{ label = "Baik", min = 100, max = 100 }, { label = "Sangat Baik", over = 100, max = 110 },')
    text = text.replace('ambiguity = ["kategori_bands", "band_gaps", "target_maksimal"]', 'ambiguity = ["band_gaps", "target_maksimal"]')
    start = text.index('[[ambiguity]]\nid = "kategori_bands"')
    text = text[:start] + text[text.index("[[ambiguity]]", start + 1):]
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    result = score_skp(doc("skp_8_2021_jpt.txt"), load(path))
    row = result.score("nilai_iki:1")
    assert (row.printed, row.computed) == (D(110), None)
    assert "ambiguity kategori_bands (not declared by skp_permenpanrb_8_2021)" in row.note


@pytest.mark.parametrize(("band", "error"), [
    ('{ label = "X", over = 110, under = 100 }', "holds no value"),
    ('{ label = "X", min = 100, under = 100 }', "holds no value"),
    ('{ label = "X", min = 100, max = 110, stated = false, nilai = { equals = 120 } }', "not stated has no nilai"),
])
def test_a_band_that_holds_nothing_or_states_what_it_does_not_is_refused(tmp_path: Path, band: str, error: str) -> None:
    text = (ROOT / "score" / "rules" / "skp" / "permenpanrb_8_2021.toml").read_text(encoding="utf-8")
    path = tmp_path / "bad.toml"
    path.write_text(text.replace('{ label = "Baik atau Sangat Baik", min = 100, max = 110, stated = false },', band + ","),
                    encoding="utf-8")
    with pytest.raises(RuleSetError, match=error):
        load(path)


# --- PermenPANRB 6/2022 ----------------------------------------------------------------------------


def test_6_2022_predikat_from_the_matrix_of_the_printed_ratings() -> None:
    plan, evaluation = read_file(FIXTURES / "skp_6_2022.txt").documents
    assert score_skp(plan).scores == []  # a plan prints no realisasi and no rating
    assert table(score_skp(evaluation)) == [
        ("document", "Y", None, None, None, None, None),  # the rule set's ambiguities that touch every score
        ("rhk:1.1", "Y", None, "98.33", None, None, None),
        ("rhk:1.2", "Y", None, "101.05", None, None, None),
        ("rhk:1.3", "Y", None, "100.00", None, None, None),
        ("rhk:2", "Y", None, "100.00", None, None, None),
        ("rhk:tambahan.1", "Y", None, "100.00", None, None, None),
        ("rating_hasil_kerja", "Y", None, None, "SESUAI EKSPEKTASI", None, None),
        ("rating_perilaku", "Y", None, None, "DI ATAS EKSPEKTASI", None, None),
        ("predikat", "Y", None, None, "Baik", "Baik", True),
    ]


def test_a_qualitative_evaluation_is_rated_by_the_matrix_and_computes_no_capaian() -> None:
    """PENDEKATAN HASIL KERJA KUALITATIF: the targets are described, not counted, so no indicator has a
    capaian to recompute; the predikat still comes from the matrix of the two printed ratings."""
    _, evaluation = qualitative_6_2022()
    assert table(score_skp(evaluation)) == [
        ("document", "Y", None, None, None, None, None),
        ("rating_hasil_kerja", "Y", None, None, "SESUAI EKSPEKTASI", None, None),
        ("rating_perilaku", "Y", None, None, "DI ATAS EKSPEKTASI", None, None),
        ("predikat", "Y", None, None, "Baik", "Baik", True),
    ]


def test_score_skps_scores_only_the_national_forms() -> None:
    docs = [d for name in ("pp46_book.txt", "skp_6_2022.txt", "pk_atasan_2024.txt") for d in read_file(FIXTURES / name).documents]
    docs += read_file(ROOT / "corpus" / "seeds" / "000_fce74ff394373077.txt").documents  # the Kemenkeu form: no rule set
    assert [r.doc_id for r in score_skps(docs)] == ["pp46_book--01-skp", "skp_6_2022--01-skp", "skp_6_2022--02-skp"]


# --- the table ---------------------------------------------------------------------------------------


def test_skp_scores_is_a_table_of_the_score_stage_with_the_issue_columns() -> None:
    assert TABLES["skp_scores"] is SkpScoreRow
    assert list(SkpScoreRow.model_fields) == ["doc_id", "source_file", "generation", "element", "period", "printed", "computed",
                                              "predikat_printed", "predikat_computed", "agrees", "note"]
    schema = SkpScoreRow.model_json_schema()
    assert set(schema["properties"]) == set(SkpScoreRow.model_fields) and set(schema["required"]) >= {"doc_id", "element"}


def test_skp_scores_reach_every_output_of_a_run(tmp_path: Path) -> None:
    """``skp_scores`` is written by the batch like every table: CSV, SQLite and Parquet; a target form
    with nothing to score keeps one row saying so, and the report says it too."""
    import run_pipeline  # noqa: PLC0415

    inputs = tmp_path / "in"
    inputs.mkdir()
    names = ("pp46_book.txt", "skp_8_2021_jpt.txt", "skp_8_2021_ja.txt")
    for name in names:
        (inputs / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / "out"
    run_pipeline.main([str(inputs), "--out", str(out), "--quiet"])
    with (out / "tables" / "skp_scores.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    (target_form,) = [(r["element"], r["printed"], r["agrees"], r["note"]) for r in rows if r["doc_id"] == "skp_8_2021_ja--01-skp"]
    assert target_form[:3] == ("document", "", "") and target_form[3].endswith("; a target form without realisasi: nothing to score")
    read = [r for r in rows if r["element"] == "nilai_prestasi_kerja"]
    assert read == [{
        "doc_id": "pp46_book--01-skp", "source_file": "pp46_book.txt", "generation": "skp_pp46_2011",
        "element": "nilai_prestasi_kerja", "period": "Y", "printed": "84.66", "computed": "84.66", "predikat_printed": "Baik",
        "predikat_computed": "Baik", "agrees": "true", "note": ""}]
    con = sqlite3.connect(out / "kinerja.sqlite")
    assert con.execute("select count(*), sum(agrees) from skp_scores where generation = 'skp_permenpanrb_8_2021'").fetchone() == (19, 10)
    con.close()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert ('<tr><td class="mono">nilai_prestasi_kerja</td><td class="num">84,66</td><td class="num">84,66</td>'
            '<td>Baik</td>') in html  # the report's SKP section, Indonesian numbers
    assert html.count("a target form without realisasi: nothing to score") == 1
    import openpyxl  # noqa: PLC0415

    sheet = openpyxl.load_workbook(out / "kinerja.xlsx")["Skor SKP"]
    npk = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[3] == "nilai_prestasi_kerja")
    assert npk[:7] == ("pp46_book--01-skp", "pp46_book.txt", "skp_pp46_2011", "nilai_prestasi_kerja", "Y", 84.66, 84.66)
    assert [r[3] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "skp_8_2021_ja--01-skp"] == ["document"]
    pyarrow = pytest.importorskip("pyarrow.parquet")
    assert pyarrow.read_table(out / "tables" / "skp_scores").num_rows == len(skp_score_rows(score_skps(
        d for name in names for d in read_file(FIXTURES / name).documents)))


@pytest.mark.parametrize("name", ["pp46_book.txt", "skp_8_2021_jpt.txt", "skp_6_2022.txt"])
def test_every_cell_unreadable_zero_or_empty_still_scores_the_rest(name: str) -> None:
    """A score that cannot be computed is a note, never an exception that loses the other rows."""
    import regex as re  # noqa: PLC0415

    text = (FIXTURES / name).read_text(encoding="utf-8")
    for m in re.finditer(r"(?<=\t)[^\t\n]*\d[^\t\n]*(?=\t|\n)", text):
        for repl in ("0", "x1", "-"):
            for d in read_text_documents(text[: m.start()] + repl + text[m.end():], name, "f"):
                result = score_skp(d)
                assert result is None or not [n for n in result.notes if n.startswith("could not be scored")], (m.group(0), repl)
