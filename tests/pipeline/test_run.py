"""The batch and its CLI: outputs, manifest, exit codes, bad inputs, atomic writes."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import run_pipeline
from extract.models import Document
from pipeline import RunOptions, run
from tests.golden import ROOT

CORPUS = ROOT / "corpus"

CONTRACT = {
    "documents.csv": ["doc_id", "source_file", "doc_type", "unit", "year", "status", "pages", "issues"],
    "parties.csv": ["doc_id", "source_file", "role", "name", "nip", "jabatan", "pangkat"],
    "indicators.csv": ["doc_id", "source_file", "doc_type", "sasaran_no", "sasaran", "indicator_code", "indicator_name", "perspektif", "satuan"],
    "targets.csv": ["doc_id", "source_file", "doc_type", "sasaran_no", "indicator_code", "indicator_name", "period", "raw", "value", "kind", "unit", "scale", "label"],
    "budget.csv": ["doc_id", "source_file", "level", "label", "name", "amount", "parent"],
    "findings.csv": ["check", "severity", "dossier", "doc_id", "indicator_code", "indicator_name", "message", "expected", "found", "location"],
}


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("out")
    code = run_pipeline.main([str(CORPUS / "seeds"), "--out", str(out), "--quiet"])
    return out, code


def test_corpus_run_exits_zero_and_writes_everything(corpus_run: tuple[Path, int]) -> None:
    out, code = corpus_run
    assert code == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["inputs"]) == 5 and all(e["status"] == "ok" for e in manifest["inputs"])
    assert all(len(e["sha256"]) == 64 and e["seconds"] >= 0 for e in manifest["inputs"])
    assert manifest["summary"]["documents"] == 13
    docs = sorted(p.stem for p in (out / "documents").glob("*.json"))
    assert len(docs) == 13 and "000_fce74ff394373077--04-skp" in docs
    assert not list(out.rglob("*.tmp")) and not [p for p in out.rglob(".*") if p.name != ".cache"]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_table_columns_follow_the_contract(corpus_run: tuple[Path, int], name: str) -> None:
    out, _ = corpus_run
    header = next(csv.reader((out / "tables" / name).open(encoding="utf-8")))
    assert header[: len(CONTRACT[name])] == CONTRACT[name]


def test_target_rows_carry_plain_decimals_and_exact_rupiah(corpus_run: tuple[Path, int]) -> None:
    out, _ = corpus_run
    targets = _csv(out / "tables" / "targets.csv")
    row = next(r for r in targets if r["doc_id"] == "000_fce74ff394373077--05-lampiran_skp" and r["raw"] == "34,9 4%" and r["period"] == "Y")
    assert (row["value"], row["kind"], row["indicator_name"]) == ("34.94", "percent", "Rasio TKD yang berbasis kinerja terhadap TKD")
    spip = next(r for r in targets if r["raw"] == "100 (4 skala 5)" and r["period"] == "Y")
    assert (spip["value"], spip["scale"], spip["kind"]) == ("100", "5", "index")
    budget = _csv(out / "tables" / "budget.csv")
    program = next(r for r in budget if r["name"] == "Program Dukungan Manajemen" and r["doc_id"].startswith("001_"))
    assert program["amount"] == "7235932585000" and program["level"] == "program"


def test_sqlite_holds_the_same_tables(corpus_run: tuple[Path, int]) -> None:
    out, _ = corpus_run
    con = sqlite3.connect(out / "kinerja.sqlite")
    try:
        for name in ("documents", "parties", "indicators", "targets", "measures", "budget", "findings", "alignment", "scores", "issues"):
            n_sql = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            assert n_sql == len(_csv(out / "tables" / f"{name}.csv")), name
        amount = con.execute("SELECT amount FROM budget WHERE name = 'Program Dukungan Manajemen' AND doc_id LIKE '001%'").fetchone()[0]
        assert amount == 7235932585000 and isinstance(amount, int)
    finally:
        con.close()


def test_document_json_loads_back_into_the_model(corpus_run: tuple[Path, int]) -> None:
    out, _ = corpus_run
    doc = Document.model_validate_json((out / "documents" / "001_34f370b0fcbb94ab--01-pk.json").read_text())
    assert doc.indicators[3].targets[0].value.raw == "3,25 (skala 4)"
    assert str(doc.indicators[3].targets[0].value.value) == "3.25"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "prose.txt").write_text("Catatan rapat tanpa tabel kinerja.\n", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (inputs / "notes.xyz").write_text("x")
    (inputs / "pk.txt").write_text((CORPUS / "seeds" / "003_8279123244737d0f.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    code = run_pipeline.main([str(inputs), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert code == 1
    entries = {Path(e["path"]).name: e for e in json.loads((out / "manifest.json").read_text())["inputs"]}
    assert entries["prose.txt"]["status"] == "skipped"
    assert entries["prose.txt"]["reason"] == "no performance table (seems to be: narrative text)"
    assert entries["binary.txt"]["status"] == "failed" and entries["binary.txt"]["reason"] == "not a text file: binary content"
    assert entries["notes.xyz"]["status"] == "skipped" and "unsupported" in entries["notes.xyz"]["reason"]
    assert entries["missing.txt"]["status"] == "failed" and entries["missing.txt"]["reason"] == "not found"
    assert entries["pk.txt"]["status"] == "ok" and len(entries["pk.txt"]["documents"]) == 2
    err = capsys.readouterr().err
    assert "failed:" in err and "binary.txt" in err and "missing.txt" in err and "prose.txt" not in err
    assert "documents" in err.splitlines()[-1]  # the closing summary


def test_a_run_whose_inputs_hold_nothing_to_read_is_skipped_and_exits_zero(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "prose.txt").write_text("Catatan rapat tanpa tabel kinerja.\n", encoding="utf-8")
    (inputs / "notes.xyz").write_text("x")
    out = tmp_path / "out"
    assert run_pipeline.main([str(inputs), "--out", str(out)]) == 0
    statuses = {Path(e["path"]).name: e["status"] for e in json.loads((out / "manifest.json").read_text())["inputs"]}
    assert statuses == {"prose.txt": "skipped", "notes.xyz": "skipped"}


def test_usage_error_exits_two(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py")], capture_output=True, text=True)
    assert proc.returncode == 2 and "usage" in proc.stderr.lower()


def test_same_file_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "pk.txt").write_text((CORPUS / "seeds" / "003_8279123244737d0f.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run([tmp_path / "a", tmp_path / "b"], RunOptions(out=tmp_path / "out"))
    ids = [d.doc_id for d in result.documents]
    assert len(ids) == len(set(ids)) == 4


def test_a_second_run_into_one_folder_removes_what_the_first_wrote_and_it_did_not(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("003_8279123244737d0f.txt", "000_fce74ff394373077.txt"):
        (inputs / name).write_text((CORPUS / "seeds" / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    first = {f"{d.doc_id}.json" for d in run([inputs], RunOptions(out=out)).documents}
    (inputs / "000_fce74ff394373077.txt").unlink()
    second = run([inputs], RunOptions(out=out))

    def names(folder: str) -> set[str]:
        return {p.name for p in (out / folder).glob("*.json")}

    assert names("documents") == {f"{d.doc_id}.json" for d in second.documents}
    assert names("documents") < first
    assert names("dossiers") == {f"{d.dossier_id}.json" for d in second.audit.dossiers}
    assert names("scores") == {f"{s.doc_id}.json" for s in second.scores}
    assert names("scores")  # the remaining dossier is scored


def test_installed_console_script_is_the_same_cli() -> None:
    exe = Path(sys.executable).parent / "run-pipeline"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--out" in proc.stdout


# --- scoring in the batch ----------------------------------------------------------------------

REALISASI = ROOT / "tests" / "data" / "score" / "realisasi_000_pk_djpk_2024.csv"


def test_realisasi_gives_capaian_rows_and_every_run_writes_a_template(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = run_pipeline.main([str(CORPUS / "seeds"), "--out", str(out), "--quiet", "--realisasi", str(REALISASI)])
    assert code == 0
    rows = [r for r in _csv(out / "tables" / "scores.csv") if r["level"] == "iku" and r["period"] == "Y"]
    by_key = {(r["dossier"], r["key"]): r for r in rows}
    ketimpangan = by_key[("2024-direktur-jenderal-perimbangan-keuangan", "3b-N")]
    # Rumus II (lower is better): (0,23 - (0,21 - 0,23)) / 0,23 = 0,25 / 0,23 = 108,695... -> 108.70
    assert (ketimpangan["capaian"], ketimpangan["status"], ketimpangan["polaritas"]) == ("108.70", "hijau", "minimize")
    missing = by_key[("2024-direktur-jenderal-perimbangan-keuangan", "2a-CP")]
    assert missing["capaian"] == "" and "no realisasi" in missing["note"]
    template = (out / "realisasi_template.csv").read_text(encoding="utf-8-sig").splitlines()
    assert template[0].startswith("doc_id,indicator_code,indicator_name")
    assert sum(line.startswith("001_34f370b0fcbb94ab--01-pk,1a-CP,") for line in template) == 1
    assert (out / "scores" / "000_fce74ff394373077--01-pk.json").exists()


def test_unknown_rule_set_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        run_pipeline.main([str(CORPUS / "seeds"), "--out", str(tmp_path), "--rules", "no_such_rules"])
    assert exc.value.code == 2


def test_lang_en_words_every_output_in_english(tmp_path: Path) -> None:
    """``--lang en``: the findings' messages in ``findings.csv``, the dossier JSON, the workbook and
    the report are English; the check ids, the printed values and the doc ids stay as they are."""
    import openpyxl

    code = run_pipeline.main([str(CORPUS / "seeds"), "--out", str(tmp_path), "--quiet", "--lang", "en", "--no-cache"])
    assert code == 0
    rows = _csv(tmp_path / "tables" / "findings.csv")
    by_check = {r["check"]: r["message"] for r in rows}
    assert by_check["quarterly_target_mismatch"] == (
        "Q4 target differs between the Target breakdown (Rincian Target) and the SKP appendix (Lampiran SKP)")
    assert by_check["budget_sum_mismatch"].startswith("The items under 'Program ")
    indonesian = ("tidak", "berbeda antara", "pada PK", "selisih", "Rumusan", "dipasangkan")
    assert not [m for m in by_check.values() if any(w in m for w in indonesian)]
    dossier = json.loads(next((tmp_path / "dossiers").glob("*perbendaharaan*.json")).read_text())
    assert all(f["message"] and f["params"] is not None for f in dossier["findings"])
    sheet = openpyxl.load_workbook(tmp_path / "kinerja.xlsx")["Findings"]
    header = [c.value for c in sheet[1]]
    messages = [row[header.index("message")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(messages) == sorted(r["message"] for r in rows)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert by_check["quarterly_target_mismatch"] in html
    assert not any(w in html for w in ("berbeda antara", "tidak sama dengan pagunya", "Rumusan sasaran"))


def test_prefer_ocr_flag_reaches_every_task_through_run_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``run_pipeline.py --prefer-ocr never`` -> ``RunOptions.pdf`` -> each ``Task.pdf`` -> ``read_file(pdf=...)``;
    without the flag the reader keeps its defaults (``pdf=None``)."""
    from pipeline import executors

    seen: list = []

    def fake_read(path, display=None, pdf=None):
        seen.append(pdf)
        return executors.FileResult(path=path, status=executors.Status.SKIPPED, reason="test")

    monkeypatch.setattr(executors, "read_file", fake_read)
    doc = tmp_path / "a.txt"
    doc.write_text("nothing to read", encoding="utf-8")
    run_pipeline.main([str(doc), "--out", str(tmp_path / "out"), "--quiet", "--executor", "inline", "--prefer-ocr", "never"])
    assert [s.prefer_ocr for s in seen] == ["never"]
    seen.clear()
    run_pipeline.main([str(doc), "--out", str(tmp_path / "out2"), "--quiet", "--executor", "inline"])
    assert seen == [None]


def test_sandbox_helper_reads_with_the_task_pdf_settings(tmp_path: Path) -> None:
    """A Dask worker's helper process gets the task's settings over its pipe: with ``ocr=False`` an
    image-only scan is reported unread instead of being OCR'd."""
    from corpus.synth import generate
    from extract.pdf.settings import PdfSettings
    from pipeline.executors import Limits, Task
    from pipeline.sandbox import Sandbox

    path = tmp_path / "scan.pdf"
    path.write_bytes(generate(1, 4, scan=True).pdf)
    box = Sandbox()
    try:
        result = box.read(Task(path=str(path), display="scan.pdf", pdf=PdfSettings(ocr=False)), Limits(seconds=60))
    finally:
        box.close()
    assert result.status.value == "skipped"
    assert result.reason == "no performance table: no page holds text (scanned page without a usable text layer; OCR disabled)"
