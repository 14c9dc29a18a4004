"""Capaian of one IKU, computed by hand from the regulation texts.

KEP-36/AG/2012 (corpus/seeds/002_...txt) BAB II B "Capaian IKU":
  a) max 120% (line 178); e) an IKU that cannot exceed its target: met -> 120%, not met -> not
  converted (lines 182-184); status hijau >= 100%, kuning 80% <= x < 100%, merah < 80% (line 190).
Permendesa PDTT 22/2017 (corpus/seeds/004_...txt) Lampiran BAB III A.2:
  Rumus I = realisasi / target x 100% (line 992); Rumus II = (target - (realisasi - target)) /
  target x 100% (line 1005); no cap, no conversion, no colours.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.models import DocType, Document, Indicator, Period, Target
from normalize.values import parse_value
from score import Colour, Polarity, PolarityOrigin, load, score_document
from score.capaian import band, capaian, numbers, rumus_i, rumus_ii, status_of
from score.realisasi import RealisasiRow

KEP = load("kep36_ag_2012")
PDTT = load("permendesa_22_2017")
D = Decimal


def iku(target: str, realisasi: str | None, *, name: str = "Indeks kualitas belanja", rules=KEP, **row):
    """Score one indicator with annual target ``target`` against ``realisasi`` (None: no row)."""
    pk = Document(doc_id="t--01-pk", source_file="t.txt", doc_type=DocType.PK, indicators=[
        Indicator(sasaran_no="1", sasaran="S", code="1a", name=name,
                  targets=[Target(period=Period.Y, value=parse_value(target))]),
    ])
    rows = [] if realisasi is None else [RealisasiRow(indicator_code="1a", realisasi=parse_value(realisasi), **row)]
    return score_document(pk, rows, rules).ikus[0]


# --- the formulas ------------------------------------------------------------------------------


def test_rumus_i_plain() -> None:
    # Rumus I: 92,4 / 88 x 100% = 1,05 x 100% = 105,00% -> hijau (>= 100%)
    s = iku("88", "92,4")
    assert (s.capaian, s.status, s.capped, s.converted) == (D("105.00"), Colour.HIJAU, False, False)
    assert s.polaritas is Polarity.MAXIMIZE and s.polaritas_origin is PolarityOrigin.DEFAULT


def test_rumus_ii_lower_is_better_target_14_90_realisasi_13_41() -> None:
    # Rumus II: (14,90 - (13,41 - 14,90)) / 14,90 x 100% = (14,90 + 1,49) / 14,90 x 100%
    #         = 16,39 / 14,90 x 100% = 1,10 x 100% = 110,00%
    # (Permendesa Tabel 6 prints target 14.90 for "Persentase penduduk miskin di Daerah Tertinggal";
    #  its Realisasi cell is blank in the seed, 13.41 is a hand example.)
    assert rumus_ii(D("14.90"), D("13.41")) == D("110")
    for rules, status in ((PDTT, None), (KEP, Colour.HIJAU)):
        s = iku("14.90", "13,41", name="Persentase penduduk miskin di Daerah Tertinggal", rules=rules)
        assert s.polaritas is Polarity.MINIMIZE and s.polaritas_origin is PolarityOrigin.KEYWORD
        assert (s.capaian, s.status) == (D("110.00"), status)


def test_rumus_ii_on_the_seed_ketimpangan_target_0_23() -> None:
    # "Indeks ketimpangan antarwilayah", target 0,23 (PK DJPK 2024): lower is better (keyword).
    # Rumus II with realisasi 0,21: (0,23 - (0,21 - 0,23)) / 0,23 x 100% = 0,25 / 0,23 x 100%
    #   = 108,695652...% -> 108,70% (half up) -> hijau
    s = iku("0,23", "0,21", name="Indeks ketimpangan antarwilayah")
    assert (s.polaritas, s.polaritas_reason, s.capaian, s.status) == (Polarity.MINIMIZE, "ketimpangan", D("108.70"), Colour.HIJAU)
    # read with Rumus I by mistake it would be 0,21 / 0,23 = 91,30% (kuning): the polarity matters
    assert iku("0,23", "0,21", name="Indeks ketimpangan antarwilayah", polaritas=Polarity.MAXIMIZE).capaian == D("91.30")


def test_permendesa_examples_are_classified_as_the_regulation_does() -> None:
    # Tabel 5 (Rumus I): "Jumlah daerah tertinggal ... yang terentaskan", target 13
    # Tabel 6 (Rumus II): "Persentase penduduk miskin di Daerah Tertinggal", target 14.90
    t5 = iku("13", "13", rules=PDTT, name="Jumlah daerah tertinggal yang memiliki karakteristik kewilayahan dan "
                                          "kondisi situasional tertentu yang terentaskan")
    assert t5.polaritas is Polarity.MAXIMIZE and t5.capaian == D("100.00")  # 13 / 13 x 100%
    assert iku("14.90", "14,90", rules=PDTT, name="Persentase penduduk miskin di Daerah Tertinggal").polaritas is Polarity.MINIMIZE


# --- the 120% cap (KEP-36 II.B a) -------------------------------------------------------------


def test_cap_at_120_percent() -> None:
    # Rumus I: 100 / 80 x 100% = 125% > 120% -> 120,00%, capped
    s = iku("80", "100")
    assert (s.capaian, s.capped, s.status) == (D("120.00"), True, Colour.HIJAU)
    assert any("capped at 120% from 125.00%" in n for n in s.notes)
    # Rumus II: (10 - (7 - 10)) / 10 x 100% = 13 / 10 x 100% = 130% -> 120,00%
    assert iku("10", "7", polaritas=Polarity.MINIMIZE).capaian == D("120.00")
    # Permendesa prints no cap: 125,00% stays
    p = iku("80", "100", rules=PDTT)
    assert (p.capaian, p.capped, p.status) == (D("125.00"), False, None)


# --- met-target conversion (KEP-36 II.B e) ------------------------------------------------------


def test_met_target_that_cannot_be_exceeded_converts_to_120() -> None:
    # e) 1): realisasi 100% = target 100% on an IKU that cannot exceed it -> 120%
    s = iku("100%", "100%", cannot_exceed=True)
    assert (s.capaian, s.converted, s.capped, s.status) == (D("120.00"), True, False, Colour.HIJAU)
    # without the flag the same numbers give 100,00% and a hint to set it
    plain = iku("100%", "100%")
    assert (plain.capaian, plain.converted) == (D("100.00"), False)
    assert any("mark cannot_exceed" in n for n in plain.notes)


def test_unmet_target_that_cannot_be_exceeded_is_not_converted() -> None:
    # e) 2): realisasi 95% < target 100% -> not converted: 95 / 100 x 100% = 95,00% -> kuning
    s = iku("100%", "95%", cannot_exceed=True)
    assert (s.capaian, s.converted, s.status) == (D("95.00"), False, Colour.KUNING)
    assert any(n.startswith("not converted") for n in s.notes)


def test_conversion_for_a_minimize_zero_target_needs_no_division() -> None:
    # "zero incidents": target 0, realisasi 0, cannot go lower -> met -> 120% (no division by 0)
    s = iku("0", "0", name="Jumlah insiden keamanan informasi", cannot_exceed=True)
    assert (s.polaritas, s.capaian, s.converted) == (Polarity.MINIMIZE, D("120.00"), True)
    # realisasi 1: not met, and Rumus II would divide by the zero target -> no capaian, a note
    s = iku("0", "1", name="Jumlah insiden keamanan informasi", cannot_exceed=True)
    assert s.capaian is None and any(n.startswith("target is 0") for n in s.notes)


def test_top_of_scale_and_wtp_cannot_be_exceeded() -> None:
    # target "5 (skala 5)" is the top of its scale: 5 of 5 met -> 120%; 4,5 of 5 -> 90% (kuning)
    assert (iku("5 (skala 5)", "5 (skala 5)").capaian, iku("5 (skala 5)", "4,5").capaian) == (D("120.00"), D("90.00"))
    # "4 (WTP)": WTP is the best opinion; realisasi "WTP" is the target's 4 -> met -> 120%
    s = iku("4 (WTP)", "WTP", name="Indeks opini BPK atas LKPP dan BUN")
    assert (s.capaian, s.converted) == (D("120.00"), True)
    # Permendesa has no conversion: 4 / 4 x 100% = 100,00%, with a note
    p = iku("4 (WTP)", "WTP", name="Indeks opini BPK atas LKPP dan BUN", rules=PDTT)
    assert p.capaian == D("100.00") and any("no met-target conversion" in n for n in p.notes)


def test_two_readings_of_a_target_compared_on_its_scale() -> None:
    # "100 (4 skala 5)" with realisasi "3,8 (skala 5)": compared on the scale, 3,8 / 4 x 100% = 95,00%
    assert iku("100 (4 skala 5)", "3,8 (skala 5)").capaian == D("95.00")
    # a bare 4 is read against 100 (4%), with a note that it may be on the scale
    s = iku("100 (4 skala 5)", "4")
    assert s.capaian == D("4.00") and any("skala 5" in n for n in s.notes)


# --- status boundaries (KEP-36 II.B tabel status) ------------------------------------------------


@pytest.mark.parametrize(("target", "realisasi", "capaian", "status"), [
    ("100", "100", "100.00", Colour.HIJAU),   # 100 / 100 = 100%: hijau (>= 100%)
    ("100", "99,99", "99.99", Colour.KUNING),  # just under 100%: kuning
    ("100", "80", "80.00", Colour.KUNING),     # exactly 80%: kuning (80% <= x)
    ("3", "2,4", "80.00", Colour.KUNING),      # 2,4 / 3 = 0,8 exactly: kuning
    ("100", "79,99", "79.99", Colour.MERAH),   # under 80%: merah
])
def test_status_boundaries_rumus_i(target: str, realisasi: str, capaian: str, status: Colour) -> None:
    s = iku(target, realisasi)
    assert (s.capaian, s.status) == (D(capaian), status)


def test_status_boundaries_rumus_ii() -> None:
    # (10 - (12 - 10)) / 10 x 100% = 8 / 10 x 100% = 80% exactly -> kuning
    assert iku("10", "12", polaritas=Polarity.MINIMIZE).status is Colour.KUNING
    # (10 - (12,001 - 10)) / 10 x 100% = 7,999 / 10 x 100% = 79,99% -> merah
    s = iku("10", "12,001", polaritas=Polarity.MINIMIZE)
    assert (s.capaian, s.status) == (D("79.99"), Colour.MERAH)
    # the IKU status table's third header is blank in the source: said on merah
    assert any("blank header" in n for n in s.notes)
    # (10 - (10 - 10)) / 10 = 100% -> hijau
    assert iku("10", "10", polaritas=Polarity.MINIMIZE).status is Colour.HIJAU


def test_status_is_decided_on_the_exact_value() -> None:
    # 79,996 / 100 x 100% = 79,996% prints as 80,00 (half up) but is below 80%: merah, with a note
    s = iku("100", "79,996")
    assert (s.capaian, s.exact, s.status) == (D("80.00"), D("79.996"), Colour.MERAH)
    assert any("prints as 80.00" in n for n in s.notes)


# --- nothing invented --------------------------------------------------------------------------


def test_missing_realisasi_gives_none_not_zero() -> None:
    s = iku("88", None)
    assert (s.capaian, s.exact, s.status) == (None, None, None)
    assert "no realisasi" in s.notes
    blank = iku("88", "")  # a template row left blank
    assert blank.capaian is None and "no realisasi" in blank.notes


def test_zero_target_is_a_note_not_an_exception() -> None:
    s = iku("0", "5")
    assert s.capaian is None and any("target is 0" in n for n in s.notes)
    assert capaian(D(0), D(5), Polarity.MINIMIZE, PDTT).exact is None


def test_negative_capaian_is_kept_with_a_note() -> None:
    # Rumus II: (10 - (25 - 10)) / 10 x 100% = -5 / 10 x 100% = -50%; no floor is printed
    s = iku("10", "25", polaritas=Polarity.MINIMIZE)
    assert (s.capaian, s.status) == (D("-50.00"), Colour.MERAH)
    assert any("negative capaian" in n for n in s.notes)


def test_unreadable_or_text_realisasi() -> None:
    s = iku("88", "18 Yo")
    assert s.capaian is None and any("not a number" in n for n in s.notes) and "no realisasi" in s.notes


# --- stabilize (project rule, both rule sets) -------------------------------------------------


def test_stabilize_band() -> None:
    # target 2-4: inside -> 100%; 1 < 2: Rumus I on 2 = 1 / 2 = 50%; 5 > 4: Rumus II on 4 = (4 - 1) / 4 = 75%
    got = [iku("2-4", r, polaritas=Polarity.STABILIZE).capaian for r in ("3", "1", "5")]
    assert got == [D("100.00"), D("50.00"), D("75.00")]
    s = iku("2-4", "3", polaritas=Polarity.STABILIZE)
    assert any("project rule 'band'" in n for n in s.notes)
    # a point target: equal -> 100%
    assert iku("3", "3", polaritas=Polarity.STABILIZE).capaian == D("100.00")


def test_range_target_needs_stabilize() -> None:
    s = iku("88,31-100,00", "90")
    assert s.capaian is None and any("target is a range" in n for n in s.notes)


def test_target_comparator_sets_polarity() -> None:
    # "≤ 5%" is lower-is-better: Rumus II with 4%: (5 - (4 - 5)) / 5 x 100% = 120%
    s = iku("≤ 5%", "4%", name="Tingkat inflasi")
    assert (s.polaritas, s.polaritas_origin, s.capaian) == (Polarity.MINIMIZE, PolarityOrigin.TARGET, D("120.00"))


def test_input_polarity_wins() -> None:
    s = iku("0,23", "0,21", name="Indeks ketimpangan antarwilayah", polaritas=Polarity.MAXIMIZE)
    assert s.polaritas_origin is PolarityOrigin.INPUT


def test_numbers_reads_labels_and_ranges() -> None:
    n = numbers(parse_value("4 (WTP)"), parse_value("WDP"))
    assert n.realisasi is None and "not a number" in n.notes[0]


# --- properties --------------------------------------------------------------------------------

positive = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)
nonneg = st.decimals(min_value=D("0"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)


@given(t=positive, r=nonneg, polarity=st.sampled_from(list(Polarity)), cannot_exceed=st.booleans())
def test_capaian_never_exceeds_the_cap(t: Decimal, r: Decimal, polarity: Polarity, cannot_exceed: bool) -> None:
    out = capaian(t, r, polarity, KEP, cannot_exceed=cannot_exceed)
    assert out.exact is not None and out.exact <= D(120)
    if out.capped or out.converted:
        assert out.exact == D(120)


@given(t=positive)
def test_rumus_i_and_ii_agree_when_realisasi_equals_target(t: Decimal) -> None:
    assert rumus_i(t, t) == rumus_ii(t, t) == D(100)


@given(t=positive, r=nonneg)
def test_rumus_i_and_ii_mirror_around_100(t: Decimal, r: Decimal) -> None:
    # r/t + (2t - r)/t = 2: the two formulas are reflections of each other around 100%
    assert abs(rumus_i(t, r) + rumus_ii(t, r) - D(200)) < D("1e-20")
    assert band(t, t, r) == min(rumus_i(t, r), rumus_ii(t, r))


@given(a=st.decimals(min_value=-200, max_value=200, places=3), b=st.decimals(min_value=-200, max_value=200, places=3))
def test_status_is_monotone(a: Decimal, b: Decimal) -> None:
    order = {Colour.MERAH: 0, Colour.KUNING: 1, Colour.HIJAU: 2}
    lo, hi = sorted((a, b))
    assert order[status_of(lo, D(100), D(80))] <= order[status_of(hi, D(100), D(80))]  # type: ignore[index]
