"""NSS, NKp, NKO, CKP and NKP on a small hand example, by KEP-36/AG/2012.

Weights from the table in BAB II B (seed lines 198-202), rows = kendali, columns = validitas:
    |   | E   | P   | A   |
    | H |     | 11% | 9%  |
    | M | 17% | 13% | 11% |
    | L | 22% | 17% |     |
Perspective weights (lines 216-218): Stakeholder 40%, Internal Process 30%, Learning and Growth 30%.
NKP weights by jabatan (lines 345-351). CKP max 120% (line 366). Without a strategy map: IKU
cascading 70%, non-cascading 30% (line 363).

The example PK (every target 100, maximize, so capaian = realisasi):
    sasaran 1, Stakeholder:          A 1a-CP  M/E 17%  realisasi 110 -> 110%
                                     B 1b-N   M/P 13%  realisasi 90  -> 90%
    sasaran 2, Internal Process:     C 2a-CP  H/P 11%  realisasi 85  -> 85%
    sasaran 3, Learning and Growth:  D 3a-CP  L/E 22%  realisasi 70  -> 70%
                                     E 3b-N   H/A 9%   realisasi 100 -> 100%
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extract.models import DocType, Document, Indicator, Period, Target
from normalize.values import parse_value
from score import Colour, load, nkp_pegawai, score_document, score_rows
from score.aggregate import mean, weighted_mean
from score.realisasi import RealisasiRow

KEP = load("kep36_ag_2012")
D = Decimal

#        code     sasaran perspektif                          kendali validitas realisasi
EXAMPLE = [
    ("1a-CP", "1", "Penerima Layanan", "M", "E", "110"),
    ("1b-N", "1", "Penerima Layanan", "M", "P", "90"),
    ("2a-CP", "2", "Proses Bisnis", "H", "P", "85"),
    ("3a-CP", "3", "Penguatan Internal atau Anggaran", "L", "E", "70"),
    ("3b-N", "3", "Penguatan Internal atau Anggaran", "H", "A", "100"),
]


def pk_and_rows(example=EXAMPLE, *, perspektif: bool = True, weights: bool = True):
    pk = Document(doc_id="ex--01-pk", source_file="ex.txt", doc_type=DocType.PK, indicators=[
        Indicator(sasaran_no=s, sasaran=f"Sasaran {s}", code=code, name=f"Indikator {code}",
                  targets=[Target(period=Period.Y, value=parse_value("100"))])
        for code, s, *_ in example
    ])
    rows = [
        RealisasiRow(indicator_code=code, realisasi=parse_value(r), perspektif=p if perspektif else None,
                     kendali=k if weights else None, validitas=v if weights else None)
        for code, _, p, k, v, r in example
    ]
    return pk, rows


def by_key(items):
    return {i.key: i for i in items}


def test_nss_nkp_nko_with_a_strategy_map() -> None:
    pk, rows = pk_and_rows()
    res = score_document(pk, rows, KEP)
    assert [i.weight for i in res.ikus] == [D(17), D(13), D(11), D(22), D(9)]
    nss = by_key(res.sasaran)
    # NSS 1 = (17 x 110 + 13 x 90) / (17 + 13) = (1870 + 1170) / 30 = 3040 / 30 = 101,333... -> 101,33 hijau
    assert (nss["1"].value, nss["1"].status, nss["1"].weight_sum) == (D("101.33"), Colour.HIJAU, D(30))
    assert any("sum to 30%, normalised" in n for n in nss["1"].notes)
    # NSS 2 = one IKU: 85 -> kuning
    assert (nss["2"].value, nss["2"].status) == (D("85.00"), Colour.KUNING)
    # NSS 3 = (22 x 70 + 9 x 100) / (22 + 9) = (1540 + 900) / 31 = 2440 / 31 = 78,709677... -> 78,71 merah
    assert (nss["3"].value, nss["3"].status) == (D("78.71"), Colour.MERAH)
    assert any("blank header" in n for n in nss["3"].notes)  # the NSS status table's 'Merah' is missing
    # NKp: one sasaran per perspective, so NKp = NSS; contribution = NKp x bobot
    nkp = by_key(res.perspectives)
    assert [p.key for p in res.perspectives] == ["stakeholder", "internal_process", "learning_growth"]
    assert (nkp["stakeholder"].value, nkp["stakeholder"].weight, nkp["stakeholder"].contribution) == (D("101.33"), D(40), D("40.53"))
    assert (nkp["internal_process"].value, nkp["internal_process"].contribution) == (D("85.00"), D("25.50"))
    assert (nkp["learning_growth"].value, nkp["learning_growth"].status) == (D("78.71"), Colour.MERAH)
    # NKO = 40% x 101,333... + 30% x 85 + 30% x 78,709677...
    #     = 40,533333... + 25,5 + 23,612903... = 89,646236... -> 89,65 kuning
    (nko,) = res.nko
    assert (nko.value, nko.status, nko.strategy_map, nko.method) == (D("89.65"), Colour.KUNING, True, "perspectives")
    # CKP of the unit head = NKO (KEP-36 III.B.1), 89,65 kuning
    (ckp,) = res.ckp
    assert (ckp.value, ckp.status, ckp.method) == (D("89.65"), Colour.KUNING, "nko")
    assert any("not checked" in n for n in ckp.notes)


def test_two_sasaran_in_one_perspective_weigh_by_their_iku_weights() -> None:
    # add sasaran 4 in Stakeholder: F 4a-CP L/P 17%, realisasi 130 -> 130% capped to 120%
    pk, rows = pk_and_rows([*EXAMPLE, ("4a-CP", "4", "Penerima Layanan", "L", "P", "130")])
    res = score_document(pk, rows, KEP)
    assert by_key(res.ikus)["4a-CP"].capaian == D("120.00")
    # NKp Stakeholder = (30 x 101,333... + 17 x 120) / (30 + 17) = (3040 + 2040) / 47 = 5080 / 47
    #                 = 108,085106... -> 108,09 hijau
    stake = by_key(res.perspectives)["stakeholder"]
    assert (stake.value, stake.status, stake.sasaran_keys) == (D("108.09"), Colour.HIJAU, ["1", "4"])
    # NKO = 40% x 108,085106... + 30% x 85 + 30% x 78,709677... = 43,234042... + 25,5 + 23,612903...
    #     = 92,346945... -> 92,35 kuning
    assert res.nko[0].value == D("92.35")


def test_without_a_strategy_map_nko_from_nss_and_ckp_from_variables() -> None:
    pk, rows = pk_and_rows(perspektif=False)
    res = score_document(pk, rows, KEP)
    (nko,) = res.nko
    # NKO = NSS weighted by the sum of their IKU weights = every IKU pooled:
    #   (17x110 + 13x90 + 11x85 + 22x70 + 9x100) / (17+13+11+22+9) = 6415 / 72 = 89,097222... -> 89,10 kuning
    assert (nko.value, nko.status, nko.strategy_map, nko.method) == (D("89.10"), Colour.KUNING, False, "sasaran")
    assert any("strategy_map_detection" in n for n in nko.notes)
    assert res.perspectives == []
    # CKP without a strategy map: cascading (-CP) A, C, D: (110 + 85 + 70) / 3 = 88,333...;
    # non-cascading (-N) B, E: (90 + 100) / 2 = 95;
    # CKP = 70% x 88,333... + 30% x 95 = 61,8333... + 28,5 = 90,333... -> 90,33 kuning
    (ckp,) = res.ckp
    assert (ckp.value, ckp.status, ckp.method) == (D("90.33"), Colour.KUNING, "variables")
    assert [i.cascading_origin for i in res.ikus] == ["code"] * 5


def test_strategy_map_can_be_told() -> None:
    pk, rows = pk_and_rows()
    res = score_document(pk, rows, KEP, strategy_map=False)
    assert res.nko[0].method == "sasaran" and res.nko[0].value == D("89.10")


def test_unknown_weight_is_reported_never_invented() -> None:
    pk, rows = pk_and_rows(weights=False)
    res = score_document(pk, rows, KEP)
    nss = by_key(res.sasaran)
    # two IKU without weights: no NSS, a note asking for them
    assert nss["1"].value is None and any("no weight for 1a-CP, 1b-N" in n for n in nss["1"].notes)
    # one IKU: the NSS is its capaian whatever its weight
    assert nss["2"].value == D("85.00") and any("whatever its weight" in n for n in nss["2"].notes)
    assert res.nko[0].value is None and res.ckp[0].value is None


def test_blank_cell_of_the_weight_table_is_no_weight() -> None:
    # H/E is blank in the table
    pk, rows = pk_and_rows([("1a-CP", "1", "Penerima Layanan", "H", "E", "100"),
                            ("1b-N", "1", "Penerima Layanan", "M", "P", "100")])
    res = score_document(pk, rows, KEP)
    a = by_key(res.ikus)["1a-CP"]
    assert a.weight is None and any("no weight in KEP-36/AG/2012's table for H/E" in n for n in a.notes)
    assert res.sasaran[0].value is None


def test_given_bobot_overrides_the_table() -> None:
    pk, rows = pk_and_rows([("1a-CP", "1", "Penerima Layanan", "M", "E", "110"),
                            ("1b-N", "1", "Penerima Layanan", "M", "P", "90")])
    rows[0] = rows[0].model_copy(update={"bobot": D(60)})
    rows[1] = rows[1].model_copy(update={"bobot": D(40)})
    res = score_document(pk, rows, KEP)
    # NSS = (60 x 110 + 40 x 90) / 100 = (6600 + 3600) / 100 = 102; weights sum to 100: no normalisation note
    assert res.sasaran[0].value == D("102.00")
    assert not any("normalised" in n for n in res.sasaran[0].notes)
    assert [i.weight_origin for i in res.ikus] == ["input", "input"]


def test_missing_realisasi_leaves_every_consolidation_empty() -> None:
    pk, rows = pk_and_rows()
    rows[0] = rows[0].model_copy(update={"realisasi": parse_value("")})  # template row left blank for 1a-CP
    res = score_document(pk, rows, KEP)
    assert by_key(res.ikus)["1a-CP"].capaian is None
    assert by_key(res.sasaran)["1"].value is None
    assert any("no capaian for 1a-CP" in n for n in by_key(res.sasaran)["1"].notes)
    assert by_key(res.perspectives)["stakeholder"].value is None
    assert res.nko[0].value is None and res.ckp[0].value is None
    # without its row at all, 1a-CP has no perspective either: NKO from NSS, still None
    res = score_document(pk, rows[1:], KEP)
    assert res.nko[0].method == "sasaran" and res.nko[0].value is None


def test_missing_perspective_normalises_the_others() -> None:
    # only sasaran 2 (Internal Process, 85) and 3 (Learning and Growth, 78,709677...)
    pk, rows = pk_and_rows(EXAMPLE[2:])
    res = score_document(pk, rows, KEP)
    # NKO = (30 x 85 + 30 x 78,709677...) / (30 + 30) = (2550 + 2361,2903...) / 60 = 81,854838... -> 81,85
    assert res.nko[0].value == D("81.85")
    assert any("no IKU in perspective stakeholder" in n for n in res.nko[0].notes)


def test_permendesa_has_no_consolidation() -> None:
    pk, rows = pk_and_rows()
    res = score_document(pk, rows, load("permendesa_22_2017"))
    assert res.sasaran == [] and res.perspectives == [] and res.ckp == []
    assert res.nko[0].value is None and "no consolidation" in res.nko[0].notes[0]
    assert [i.capaian for i in res.ikus] == [D("110.00"), D("90.00"), D("85.00"), D("70.00"), D("100.00")]
    assert all(i.status is None for i in res.ikus)


# --- NKP per jabatan (KEP-36 III.B.3) -----------------------------------------------------------


def test_nkp_by_jabatan() -> None:
    # Eselon I 70/30: 70% x 110 + 30% x 90 = 77 + 27 = 104,00
    assert nkp_pegawai(D(110), D(90), "Eselon I", KEP).value == D("104.00")
    # Eselon IV 75/25: 75% x 110 + 25% x 90 = 82,5 + 22,5 = 105,00
    assert nkp_pegawai(D(110), D(90), "Eselon IV", KEP).value == D("105.00")
    # Pelaksana 75/25: 75% x 80 + 25% x 100 = 60 + 25 = 85,00
    assert nkp_pegawai(D(80), D(100), "pelaksana", KEP).value == D("85.00")
    # Pejabat Fungsional 70/30: 70% x 100 + 30% x 95 = 70 + 28,5 = 98,50
    assert nkp_pegawai(D(100), D(95), "Pejabat Fungsional", KEP).value == D("98.50")
    # CKP 130 is capped at 120 first (III.C): Eselon II 70% x 120 + 30% x 80 = 84 + 24 = 108,00
    s = nkp_pegawai(D(130), D(80), "Eselon II", KEP)
    assert (s.value, s.status) == (D("108.00"), None)
    assert any("capped" in n for n in s.notes)


def test_nkp_unknown_jabatan() -> None:
    s = nkp_pegawai(D(100), D(100), "Direktur", KEP)
    assert s.value is None and "no NKP weights" in s.notes[0]


# --- flat rows ---------------------------------------------------------------------------------


def test_score_rows() -> None:
    pk, rows = pk_and_rows()
    res = score_document(pk, rows, KEP, dossier="unit-2024")
    out = score_rows(res)
    levels = [r.level for r in out]
    assert levels == ["iku"] * 5 + ["sasaran"] * 3 + ["perspektif"] * 3 + ["nko", "ckp"]
    first = out[0].model_dump()
    assert str(first["capaian"]) == "110.00"  # its places kept, as the CSV writes it
    assert {k: first[k] for k in ("dossier", "level", "key", "period", "target", "realisasi", "polaritas",
                                  "capaian", "status", "rule_set")} == {
        "dossier": "unit-2024", "level": "iku", "key": "1a-CP", "period": "Y", "target": "100", "realisasi": "110",
        "polaritas": "maximize", "capaian": D("110.00"), "status": "hijau", "rule_set": "kep36_ag_2012"}
    nko = out[-2]
    assert (nko.key, str(nko.capaian), nko.status) == ("nko", "89.65", "kuning")
    assert "bobot 40%" in out[8].note


# --- properties --------------------------------------------------------------------------------

pct = st.decimals(min_value=0, max_value=120, places=2)
weight = st.decimals(min_value=D("0.5"), max_value=100, places=1)


@given(st.lists(st.tuples(weight, pct), min_size=1, max_size=8))
def test_weighted_mean_lies_between_the_extremes(pairs) -> None:
    m = weighted_mean(pairs)
    assert m is not None and min(v for _, v in pairs) <= m <= max(v for _, v in pairs)


@given(st.lists(pct, min_size=1, max_size=8))
def test_equal_weights_give_the_mean(values) -> None:
    assert weighted_mean([(D(17), v) for v in values]) == mean(values)
