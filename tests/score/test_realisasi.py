"""Realisasi files (CSV / XLSX, Indonesian formats) and the template; end to end on a seed PK."""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from core.problems import Severity
from emit import write_realisasi_template
from extract import read_file
from extract.models import Document, Period
from score import (
    Colour,
    Polarity,
    load,
    read_realisasi,
    score_document,
    score_rows,
)
from score.realisasi import TEMPLATE_COLUMNS, parse_records
from tests.golden import ROOT

DATA = ROOT / "tests" / "data" / "score"
D = Decimal


@cache
def seed(stem: str) -> list[Document]:
    return read_file(ROOT / "corpus" / "seeds" / f"{stem}.txt").documents


def records(text: str, sep: str = ",") -> list[tuple[int, list[str]]]:
    return [(n, line.split(sep)) for n, line in enumerate(text.strip().splitlines(), start=1)]


def checks(result) -> list[str]:
    return [p.check for p in result.issues]


# --- reading ------------------------------------------------------------------------------------


def test_semicolon_csv_with_indonesian_numbers() -> None:
    got = read_realisasi(DATA / "realisasi_000_pk_djpk_2024.csv")
    rows = {(r.indicator_code, r.period): r for r in got.rows}
    assert rows["1a-CP", Period.Y].realisasi.value == D("92.4")
    assert rows["3b-N", Period.Y].realisasi.value == D("0.21")
    assert rows["1b-CP", Period.Y].cannot_exceed is True
    assert (rows["1a-CP", Period.Y].kendali, rows["1a-CP", Period.Y].validitas) == ("M", "E")
    assert rows["2a-CP", Period.Q4].realisasi.value == D("86")  # "TW IV"
    assert rows["3c-N", Period.Y].realisasi.is_empty
    assert all(p.component == "score" for p in got.issues)


def test_quoted_comma_decimals_in_a_comma_csv(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('indicator_code,period,realisasi,polaritas\n3b-N,Y,"0,21",min\n1a-CP,,"1.234,5",\n', encoding="utf-8")
    got = read_realisasi(path)
    assert [(r.indicator_code, r.period, r.realisasi.value, r.polaritas) for r in got.rows] == [
        ("3b-N", Period.Y, D("0.21"), Polarity.MINIMIZE), ("1a-CP", Period.Y, D("1234.5"), None)]
    assert got.issues == []


def test_unquoted_decimal_comma_is_reported_not_misread() -> None:
    got = parse_records(records("indicator_code,period,realisasi\n3b-N,Y,0,21"))
    assert got.rows == [] and checks(got) == ["realisasi_row_shape"]
    assert got.issues[0].severity is Severity.ERROR and got.issues[0].location.line == 2


def test_bad_rows_become_issues() -> None:
    text = """indicator_code;period;realisasi;polaritas;bobot;cascading;kendali
1a;Y;90;naik turun;;;
1b;bulan 13;90;;;;
;Y;90;;;;
1c;Y;18 Yo;;;;
1d;Y;1.250;;;;
1a;Y;91;;;;
1e;Y;Sangat baik;;;;
1f;Y;90;;150;mungkin;MM
"""
    got = parse_records(records(text, ";"), file="r.csv")
    assert [r.indicator_code for r in got.rows] == ["1a", "1c", "1d", "1e", "1f"]
    assert checks(got) == [
        "realisasi_bad_polaritas", "realisasi_bad_period", "realisasi_no_indicator", "realisasi_unreadable",
        "realisasi_ambiguous_separator", "realisasi_duplicate", "realisasi_not_a_number", "realisasi_bad_bobot",
        "realisasi_bad_cascading", "realisasi_bad_kendali",
    ]
    by_check = {p.check: p for p in got.issues}
    assert by_check["realisasi_bad_period"].location.line == 3
    assert by_check["realisasi_unreadable"].severity is Severity.ERROR
    assert by_check["realisasi_ambiguous_separator"].severity is Severity.WARNING
    assert by_check["realisasi_duplicate"].location.file == "r.csv"


def test_missing_columns_and_unknown_files(tmp_path: Path) -> None:
    assert checks(parse_records(records("kode,periode\n1a,Y"))) == ["realisasi_column_missing"]
    assert checks(parse_records(records("periode,realisasi\nY,90"))) == ["realisasi_column_missing"]
    assert checks(parse_records([])) == ["realisasi_empty"]
    (tmp_path / "r.json").write_text("{}")
    assert checks(read_realisasi(tmp_path / "r.json")) == ["realisasi_unreadable"]
    assert checks(read_realisasi(tmp_path / "missing.csv")) == ["realisasi_unreadable"]
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    assert checks(read_realisasi(tmp_path / "broken.xlsx")) == ["realisasi_unreadable"]


def test_extra_columns_are_reported_and_aliases_read() -> None:
    got = parse_records(records("Kode;Periode;Realisasi;Catatan\n1a;Triwulan II;85,5;ok", ";"))
    assert [(r.indicator_code, r.period, r.realisasi.value) for r in got.rows] == [("1a", Period.Q2, D("85.5"))]
    assert checks(got) == ["realisasi_column_ignored"]


def test_xlsx_with_percent_cells_and_text_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["indicator_code", "period", "realisasi", "cannot_exceed"])
    ws.append(["1a-CP", "Y", 92.4, None])
    ws.append(["1b-CP", "Y", 1.0, True])
    ws["C3"].number_format = "0%"  # shows 100%
    ws.append(["3b-N", "Y", "0,21", None])
    ws.append(["6a-CP", "Y", 0.101, None])
    ws["C5"].number_format = "0.0%"  # shows 10.1%
    path = tmp_path / "r.xlsx"
    wb.save(path)
    got = read_realisasi(path)
    assert [(r.indicator_code, r.realisasi.raw, r.realisasi.value) for r in got.rows] == [
        ("1a-CP", "92.4", D("92.4")), ("1b-CP", "100%", D("100")), ("3b-N", "0,21", D("0.21")),
        ("6a-CP", "10.1%", D("10.1"))]
    assert got.rows[1].cannot_exceed is True
    assert got.issues == []


# --- the template ---------------------------------------------------------------------------------


def test_template_of_a_pk_with_codes(tmp_path: Path) -> None:
    pk = seed("000_fce74ff394373077")[0]
    path = tmp_path / "realisasi_template.csv"
    assert write_realisasi_template(pk, path) == 22
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == TEMPLATE_COLUMNS
    assert (rows[7]["indicator_code"], rows[7]["indicator_name"], rows[7]["period"], rows[7]["target"]) == (
        "3b-N", "Indeks ketimpangan antarwilayah", "Y", "0,23")
    assert all(r["realisasi"] == "" for r in rows)
    # read back unfilled: 22 rows, no issue, every capaian None with "no realisasi"
    back = read_realisasi(path)
    assert (len(back.rows), back.issues) == (22, [])
    res = score_document(pk, back.rows, load("kep36_ag_2012"))
    assert all(i.capaian is None and "no realisasi" in i.notes for i in res.ikus)


def test_template_of_a_pk_without_codes_and_with_quarters(tmp_path: Path) -> None:
    pk = seed("003_8279123244737d0f")[0]
    path = tmp_path / "t.csv"
    write_realisasi_template(pk, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first = [(r["indicator_code"], r["period"], r["target"]) for r in rows if r["indicator_code"] == "IKU-01"]
    assert first == [("IKU-01", "Q4", "319,53"), ("IKU-01", "Y", "319,53")]  # N/A quarters left out
    # fill two cells and score: the codes IKU-nn find their indicators again
    for r in rows:
        if (r["indicator_code"], r["period"]) == ("IKU-01", "Y"):
            r["realisasi"] = "325,1"
        if (r["indicator_code"], r["period"]) == ("IKU-06", "Q1"):
            r["realisasi"] = "4"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=TEMPLATE_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    res = score_document(pk, read_realisasi(path).rows, load("permendesa_22_2017"))
    got = {(i.key, i.period): i for i in res.ikus}
    # Rumus I: 325,1 / 319,53 x 100% = 101,7431...% -> 101,74
    assert got["IKU-01", Period.Y].capaian == D("101.74")
    # Q1 target 5 (%): 4 / 5 x 100% = 80,00%
    assert got["IKU-06", Period.Q1].capaian == D("80.00")
    assert res.periods == [Period.Q1, Period.Q2, Period.Q3, Period.Q4, Period.Y]


# --- end to end on the seed PK (DJPK 2024) ----------------------------------------------------------


def test_seed_pk_scored_by_hand() -> None:
    pk, _, _, skp, _ = seed("000_fce74ff394373077")
    real = read_realisasi(DATA / "realisasi_000_pk_djpk_2024.csv")
    res = score_document(pk, real.rows, load("kep36_ag_2012"), dossier="djpk-2024", skp=skp)
    y = {i.key: i for i in res.ikus if i.period is Period.Y}
    # 1a-CP: 92,4 / 88 x 100% = 105,00% hijau
    assert (y["1a-CP"].capaian, y["1a-CP"].status) == (D("105.00"), Colour.HIJAU)
    # 1b-CP: 100% of 100%, cannot exceed -> converted to 120%
    assert (y["1b-CP"].capaian, y["1b-CP"].converted) == (D("120.00"), True)
    # 1c-CP: 95 / 100 = 95,00% kuning
    assert (y["1c-CP"].capaian, y["1c-CP"].status) == (D("95.00"), Colour.KUNING)
    # 3a-N: 30,2 / 34,94 x 100% = 86,4338...% -> 86,43 kuning
    assert y["3a-N"].capaian == D("86.43")
    # 3b-N ketimpangan (lower is better): (0,23 - (0,21 - 0,23)) / 0,23 = 0,25 / 0,23 = 108,6956...% -> 108,70
    assert (y["3b-N"].polaritas, y["3b-N"].capaian) == (Polarity.MINIMIZE, D("108.70"))
    # 3c-N: left blank -> None, never 0
    assert y["3c-N"].capaian is None and "no realisasi" in y["3c-N"].notes
    # 6a-CP: 101 / 91 x 100% = 110,989...% -> 110,99; 6b-CP: 100 / 100 = 100%
    assert (y["6a-CP"].capaian, y["6b-CP"].capaian) == (D("110.99"), D("100.00"))
    nss = {s.key: s for s in res.sasaran if s.period is Period.Y}
    # NSS 1 = (17 x 105 + 13 x 120 + 11 x 95) / (17 + 13 + 11) = (1785 + 1560 + 1045) / 41 = 4390 / 41
    #       = 107,0731...% -> 107,07 hijau (M/E 17%, M/P 13%, H/P 11%)
    assert (nss["1"].value, nss["1"].status) == (D("107.07"), Colour.HIJAU)
    # NSS 6 = (17 x 10100/91 + 11 x 100) / 28 = (1886,8131... + 1100) / 28 = 106,6718...% -> 106,67
    assert nss["6"].value == D("106.67")
    # NSS 3: 3c-N has no realisasi -> None
    assert nss["3"].value is None
    # the SKP lends the perspectives: sasaran 4 and 7 mix perspectives in the SKP (a finding, not a guess)
    assert y["1a-CP"].perspective == "stakeholder" and y["9b-CP"].perspective == "learning_growth"
    assert any("different perspectives" in n for n in nss["4"].notes)
    # the realisasi for 9z-X fits nothing; TW IV for 2a-CP has no target in the PK
    assert [p.check for p in res.issues] == ["realisasi_unmatched"]
    q4 = {i.key: i for i in res.ikus if i.period is Period.Q4}
    assert q4["2a-CP"].capaian is None and "no target" in q4["2a-CP"].notes
    rows = score_rows(res)
    assert {r.level for r in rows} == {"iku", "sasaran", "perspektif", "nko", "ckp"}
    assert all(r.dossier == "djpk-2024" and r.rule_set == "kep36_ag_2012" for r in rows)


def test_rows_for_another_pk_are_left_out(tmp_path: Path) -> None:
    # both DJPK (000) and DJPb (001) PKs have an IKU 1a-CP: doc_id keeps their realisasi apart
    djpk, djpb = seed("000_fce74ff394373077")[0], seed("001_34f370b0fcbb94ab")[0]
    path = tmp_path / "batch.csv"
    path.write_text(f"doc_id;indicator_code;realisasi\n{djpk.doc_id};1a-CP;92,4\n{djpb.doc_id};1a-CP;100%\n"
                    f";1c-CP;99\n", encoding="utf-8")
    rows = read_realisasi(path).rows
    a, b = score_document(djpk, rows, "kep36_ag_2012"), score_document(djpb, rows, "kep36_ag_2012")
    first = lambda res, key: next(i for i in res.ikus if i.key == key)
    assert first(a, "1a-CP").realisasi.raw == "92,4" and first(b, "1a-CP").realisasi.raw == "100%"
    assert first(a, "1c-CP").realisasi.raw == first(b, "1c-CP").realisasi.raw == "99"  # no doc_id: any PK
    assert a.issues == b.issues == []
    # the template carries the doc_id
    write_realisasi_template(djpk, tmp_path / "t.csv")
    assert read_realisasi(tmp_path / "t.csv").rows[0].doc_id == djpk.doc_id


def test_unmatched_and_duplicate_rows_passed_directly() -> None:
    from normalize.values import parse_value
    from score.realisasi import RealisasiRow

    pk = seed("000_fce74ff394373077")[0]
    rows = [RealisasiRow(indicator_code="1a-CP", realisasi=parse_value("90")),
            RealisasiRow(indicator_code="1A-cp", realisasi=parse_value("91")),
            RealisasiRow(indicator_code="x", indicator_name="Indeks integritas organisasi", realisasi=parse_value("99"))]
    res = score_document(pk, rows, "kep36_ag_2012")
    y = {i.key: i for i in res.ikus}
    assert y["1a-CP"].realisasi.raw == "90" and y["1c-CP"].realisasi.raw == "99"  # matched by name
    assert [p.check for p in res.issues] == ["realisasi_duplicate"]
