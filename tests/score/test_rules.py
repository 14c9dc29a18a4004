"""The rule files against the regulations: the numbers in score/rules/*.toml are checked against
the tables the pipeline itself extracts from the regulation seed, and every citation's quote
against the seed line it names."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract import read_file
from extract.models import Document, RawTable
from normalize.text import collapse
from normalize.values import parse_value
from score.rules import Basis, RuleSetError, available, load, load_text
from tests.golden import ROOT

KEP_SEED = "corpus/seeds/002_87d30a3b4e7bba81.txt"
D = Decimal


@cache
def kep_doc() -> Document:
    return read_file(ROOT / KEP_SEED).documents[0]


def table(header_first: list[str]) -> RawTable:
    found = [t for t in kep_doc().tables if t.rows and t.rows[0][: len(header_first)] == header_first]
    assert found, f"no table starting {header_first} in {[t.rows[0] for t in kep_doc().tables]}"
    return found[0]


def test_available_rule_sets() -> None:
    assert available() == ["kep36_ag_2012", "permendesa_22_2017"]
    for name in available():
        assert load(name).name == name


# --- numbers against the extracted tables -------------------------------------------------------


def test_iku_weight_table_matches_the_extracted_table() -> None:
    # [['', 'E', 'P', 'A'], ['H', '', '11%', '9%'], ['M', '17%', '13%', '11%'], ['L', '22%', '17%', '']]
    t = table(["", "E", "P", "A"])
    rules = load("kep36_ag_2012").iku_weights
    assert rules is not None
    validity = t.rows[0][1:]
    assert tuple(validity) == rules.validity
    assert tuple(r[0] for r in t.rows[1:]) == rules.controllability
    checked = 0
    for row in t.rows[1:]:
        for col, cell in zip(validity, row[1:]):
            v = parse_value(cell)
            expected = v.value if not v.is_empty else None  # a blank cell has no weight
            assert rules.weight(row[0], col) == expected, (row[0], col, cell)
            checked += 1
    assert checked == 9


def test_nkp_jabatan_table_matches_the_extracted_table() -> None:
    t = table(["Jabatan", "CKP", "NP"])
    rules = load("kep36_ag_2012").nkp
    assert rules is not None
    extracted = {row[0]: (parse_value(row[1]).value, parse_value(row[2]).value) for row in t.rows[1:]}
    assert extracted == {j: (w.ckp, w.np) for j, w in rules.weights.items()}
    assert len(extracted) == 7


_LEVEL_WORDS = {"Indeks Capaian": "iku", "NSS": "sasaran", "NKp": "perspektif", "NKO": "nko", "CKP": "ckp"}


def test_status_tables_match_the_extracted_tables() -> None:
    rules = load("kep36_ag_2012")
    tables = [t for t in kep_doc().tables if t.rows and t.rows[0][:2] == ["Hijau", "Kuning"]]
    seen = set()
    for t in tables:
        hijau, kuning, merah = t.rows[1]
        level = next(lvl for word, lvl in _LEVEL_WORDS.items() if word in hijau)
        percents = [[parse_value(p).value for p in re.findall(r"\d+%", cell)] for cell in (hijau, kuning, merah)]
        rule = rules.status[level]  # type: ignore[index]
        assert percents == [[rule.hijau_min], [rule.kuning_min, rule.hijau_min], [rule.kuning_min]], level
        assert rule.merah_header_printed == (t.rows[0][2] == "Merah"), level
        seen.add(level)
    assert seen == set(rules.status) == {"iku", "sasaran", "perspektif", "nko", "ckp"}


def test_cascading_weights_match_the_extracted_table() -> None:
    t = table(["No", "Uraian", "Pegawai yang memiliki Peta Strategi"])
    row = next(r for r in t.rows if r[1] == "Perhitungan Bobot IKU")
    cascading, non_cascading = (parse_value(p).value for p in re.findall(r"\d+%", row[3]))
    rule = load("kep36_ag_2012").ckp.no_strategy_map  # type: ignore[union-attr]
    assert (rule.cascading, rule.non_cascading) == (cascading, non_cascading) == (D(70), D(30))


def test_numbers_outside_tables_are_in_their_quotes() -> None:
    rules = load("kep36_ag_2012")
    quotes = lambda rule: " ".join(c.quote for c in rule.cite)
    assert "120%" in quotes(rules.capaian.cap) and rules.capaian.cap.max == D(120)
    assert "120%" in quotes(rules.capaian.conversion) and rules.capaian.conversion.met_value == D(120)
    assert "maksimal 120%" in quotes(rules.ckp.cap) and rules.ckp.cap.max == D(120)
    text = quotes(rules.perspectives)
    for name, key, weight in (("Stakeholder", "stakeholder", 40), ("Internal Process", "internal_process", 30),
                              ("Learning and Growth", "learning_growth", 30)):
        assert f"Perspektif {name} sebesar **{weight}%**" in text
        assert rules.perspectives.weights[key] == D(weight)


# --- citations ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kep36_ag_2012", "permendesa_22_2017"])
def test_every_quote_is_on_its_line(name: str) -> None:
    rules = load(name)
    cites = rules.citations()
    assert cites
    for where, cite in cites:
        assert cite.seed and cite.line, f"{where}: citation without seed or line"
        line = (ROOT / cite.seed).read_text(encoding="utf-8").splitlines()[cite.line - 1]
        assert collapse(cite.quote) in collapse(line), f"{where}: {cite.quote!r} not on {cite.seed}:{cite.line}"


@pytest.mark.parametrize("name", ["kep36_ag_2012", "permendesa_22_2017"])
def test_every_rule_says_where_it_comes_from(name: str) -> None:
    for where, rule in load(name).sourced():
        if rule.basis is Basis.PROJECT:
            assert rule.why, where
        else:
            assert rule.cite, where


def test_ambiguity_ids_named_by_the_code_are_declared() -> None:
    used = set()
    for path in (ROOT / "score").glob("*.py"):
        used |= set(re.findall(r"(?:ambiguity_note|_amb)\(rules, ['\"](\w+)['\"]\)", path.read_text(encoding="utf-8")))
    assert len(used) >= 15, used  # the regex still finds the references
    declared = {a.id for name in available() for a in load(name).ambiguities}
    assert used - {"maximize_formula", "minimize_formula"} <= declared, sorted(used - declared)
    assert {"status_merah_header", "nss_normalisation", "stabilize_formula", "no_cap"} <= declared


# --- the loader -------------------------------------------------------------------------------------

MINIMAL = """
schema = 1
name = "mini"
short = "Mini"
document = "A test rule set"
[capaian]
basis = "project"
why = "test"
[capaian.maximize]
formula = "rumus_i"
basis = "project"
why = "test"
[capaian.minimize]
formula = "rumus_ii"
basis = "project"
why = "test"
[capaian.stabilize]
formula = "band"
basis = "project"
why = "test"
[capaian.cap]
max = 150
basis = "project"
why = "test"
[polarity]
basis = "project"
why = "test"
"""


def test_a_new_rule_set_is_only_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    rules = load(path)
    assert (rules.name, rules.capaian.cap.max, rules.status) == ("mini", D(150), {})
    from score import score_document
    from tests.score.test_aggregate import pk_and_rows

    pk, rows = pk_and_rows()
    res = score_document(pk, rows, rules)
    assert (res.ikus[0].capaian, res.ikus[0].status) == (D("110.00"), None)


@pytest.mark.parametrize(("change", "message"), [
    ('max = 150', "max = -1"),  # cap must be positive
    ('why = "test"\n[polarity]', '[polarity]'),  # project rule without why
])
def test_invalid_rule_sets_are_refused(change: str, message: str) -> None:
    bad = MINIMAL.replace(change, message, 1)
    with pytest.raises(RuleSetError):
        load_text(bad)


def test_weights_must_sum_to_100() -> None:
    bad = MINIMAL + """
[perspectives]
basis = "project"
why = "test"
[perspectives.weights]
a = 40
b = 40
"""
    with pytest.raises(RuleSetError, match="sum to 80"):
        load_text(bad)


def test_undeclared_ambiguity_is_refused() -> None:
    with pytest.raises(RuleSetError, match="undeclared"):
        load_text(MINIMAL.replace('formula = "band"', 'formula = "band"\nambiguity = ["nope"]'))


def test_unknown_rule_set_and_bad_toml() -> None:
    with pytest.raises(RuleSetError, match="unknown rule set"):
        load("nope")
    with pytest.raises(RuleSetError, match="not valid TOML"):
        load_text("schema = ")
    with pytest.raises(RuleSetError, match="cannot be read"):
        load(Path("/nonexistent/x.toml"))


def test_numbers_are_exact_decimals() -> None:
    rules = load_text(MINIMAL.replace("max = 150", "max = 120.5"))
    assert rules.capaian.cap.max == D("120.5") and isinstance(rules.capaian.cap.max, Decimal)
