"""`cchc eval`: exit codes, thresholds gate, JSON keys."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cchc_extract.cli import app
from cchc_extract.errors import EXIT_EVAL_BELOW, EXIT_OK, EXIT_RULES
from cchc_extract.evaluate import cli as eval_cli
from cchc_extract.models import ENTITY_KINDS, DateMention, Document, Item

CORPUS = Path(__file__).resolve().parents[1] / "corpora"

TEXT = "Kế hoạch\n1. Rà soát trong tháng 12/2022.\n2. Báo cáo trước ngày 20/12/2022.\n"
GOLD = {
    "document": "a.txt",
    "items": [{"label": "1.", "path": "1", "text": "1. Rà soát", "ends": "tháng 12/2022."},
              {"label": "2.", "path": "2", "text": "2. Báo cáo", "ends": "ngày 20/12/2022."}],
    "dates": [{"text": "tháng 12/2022", "value": "2022-12"},
              {"text": "ngày 20/12/2022", "value": "2022-12-20"}],
}


def _span(piece: str) -> tuple[int, int]:
    s = TEXT.index(piece)
    return s, s + len(piece)


def perfect(text: str, source=None) -> Document:
    return Document(
        items=[Item(label="1.", path="1", kind="decimal", depth=1, span=_span("1. Rà"),
                    text="1. Rà soát trong tháng 12/2022."),
               Item(label="2.", path="2", kind="decimal", depth=1, span=_span("2. Báo"),
                    text="2. Báo cáo trước ngày 20/12/2022.")],
        dates=[DateMention(text="tháng 12/2022", span=_span("tháng 12/2022"), value="2022-12"),
               DateMention(text="ngày 20/12/2022", span=_span("ngày 20/12/2022"), value="2022-12-20")])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "a.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    (tmp_path / "thresholds.yaml").write_text(
        "gates:\n  items.f1: 0.97\n  items.fields.path: 0.95\n  dates.partial.f1: 0.97\n"
        "  dates.fields.value.accuracy: 0.97\n  targets.partial.f1: 0.9\n", encoding="utf-8")
    return d


def run(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def test_gate_passes_with_perfect_predictions(corpus, monkeypatch):
    monkeypatch.setattr(eval_cli, "_extract", perfect)
    r = run(str(corpus), "--json", "--thresholds", str(corpus.parent / "thresholds.yaml"))
    assert r.exit_code == EXIT_OK, r.output
    out = json.loads(r.stdout)
    assert out["passed"] and out["scores"]["items"]["f1"] == 1.0
    # targets is not annotated here: n/a, never a failure
    assert {g["metric"]: g["value"] for g in out["gates"]}["targets.partial.f1"] is None


def test_gate_fails_with_exit_3_and_names_the_failed_metrics(corpus, monkeypatch):
    monkeypatch.setattr(eval_cli, "_extract", lambda text, source=None: Document())
    th = str(corpus.parent / "thresholds.yaml")
    r = run(str(corpus), "--thresholds", th)
    assert r.exit_code == EXIT_EVAL_BELOW
    assert "items.f1" in r.stderr and "dates.partial.f1" in r.stderr
    assert run(str(corpus), "--thresholds", th, "--no-gate").exit_code == EXIT_OK


def test_gold_that_does_not_resolve_exits_7(corpus, monkeypatch):
    monkeypatch.setattr(eval_cli, "_extract", perfect)
    bad = dict(GOLD, dates=[{"text": "ngày 21/12/2022", "value": "2022-12-21"}])
    (corpus / "a.gold.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    r = run(str(corpus))
    assert r.exit_code == EXIT_RULES
    assert "dates[0]" in r.stderr and "ngày 21/12/2022" in r.stderr


def test_unknown_threshold_metric_is_an_error(corpus, monkeypatch):
    monkeypatch.setattr(eval_cli, "_extract", perfect)
    th = corpus.parent / "bad.yaml"
    th.write_text("gates:\n  items.fields.pathh: 0.9\n", encoding="utf-8")
    r = run(str(corpus), "--thresholds", str(th))
    assert r.exit_code == EXIT_RULES and "pathh" in r.stderr


def test_table_output_and_per_doc(corpus, monkeypatch):
    monkeypatch.setattr(eval_cli, "_extract", perfect)
    r = run(str(corpus), "--per-doc", "--thresholds", str(corpus.parent / "thresholds.yaml"))
    assert r.exit_code == EXIT_OK, r.output
    assert "dates" in r.stdout and "a.txt" in r.stdout and "Thresholds" in r.stdout


def test_eval_on_the_corpus_reports_every_kind():
    """Scores are not asserted here: the extractors are written in parallel (see test_eval_gate.py)."""
    r = run(str(CORPUS), "--json", "--no-gate")
    assert r.exit_code == EXIT_OK, r.stderr
    out = json.loads(r.stdout)
    kinds = {"items", "footnotes", "metadata", "assignments", *ENTITY_KINDS}
    assert kinds <= set(out["scores"])
    for kind in ENTITY_KINDS:
        assert {"exact", "partial", "fields", "gold", "pred"} <= set(out["scores"][kind])
    assert len(out["per_doc"]) == len(list(CORPUS.glob("*.gold.yaml")))


def test_baseline_reports_gains_and_losses(corpus, tmp_path, monkeypatch):
    th = str(corpus.parent / "thresholds.yaml")
    monkeypatch.setattr(eval_cli, "_extract", lambda text, source=None: Document(
        dates=[DateMention(text="tháng 12/2022", span=_span("tháng 12/2022"), value="2022-12", rule="d.month"),
               DateMention(text="Kế hoạch", span=_span("Kế hoạch"), value="2022", rule="d.bad")]))
    old = run(str(corpus), "--json", "--no-gate", "--thresholds", th)
    base = tmp_path / "base.json"
    base.write_text(old.stdout, encoding="utf-8")
    monkeypatch.setattr(eval_cli, "_extract", perfect)
    r = run(str(corpus), "--json", "--no-gate", "--thresholds", th, "--baseline", str(base))
    d = json.loads(r.stdout)["baseline"]
    changes = {(c["text"], c["change"]) for c in d["entities"]}
    assert ("ngày 20/12/2022", "gained") in changes and ("Kế hoạch", "lost") in changes
    assert ("tháng 12/2022", "gained") not in changes       # unchanged entity is not listed
    assert any(m["metric"] == "dates.partial.f1" and m["delta"] > 0 for m in d["metrics"])
    assert d["by_rule"]["dates:d.bad"]["better"] == 1        # a wrong entity dropped
    table = run(str(corpus), "--no-gate", "--thresholds", th, "--baseline", str(base))
    assert "Against baseline" in table.stdout and "ngày 20/12/2022" in table.stdout


def test_errors_option_lists_misses_and_wrong_fields(corpus, monkeypatch):
    def half(text, source=None):
        doc = perfect(text)
        doc.items[1].path = "II"
        doc.dates[0].value = "[2022]"      # brackets must not be eaten as rich markup
        doc.dates.pop()
        return doc
    monkeypatch.setattr(eval_cli, "_extract", half)
    r = run(str(corpus), "--no-gate", "--errors", "items,dates", "--thresholds",
            str(corpus.parent / "thresholds.yaml"))
    assert r.exit_code == EXIT_OK, r.output
    errors = r.stdout[r.stdout.index("Errors"):]
    assert "ngày 20/12/2022" in errors and "fn" in errors          # missed date
    assert "[2022]" in errors and "2022-12" in errors               # wrong value, gold → predicted
    assert "path: 2 → II" in errors


def test_spans_index_the_text_as_decoded_from_utf8_with_its_bom(corpus, monkeypatch):
    (corpus / "a.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    seen = {}

    def shifted(text, source=None):
        seen["text"] = text
        doc = perfect(text)
        for e in doc.items + doc.dates:
            e.span = (e.span[0] + 1, e.span[1] + 1)
        return doc
    monkeypatch.setattr(eval_cli, "_extract", shifted)
    r = run(str(corpus), "--json", "--thresholds", str(corpus.parent / "thresholds.yaml"))
    assert r.exit_code == EXIT_OK, r.output
    assert seen["text"].startswith("\ufeff")
    assert json.loads(r.stdout)["scores"]["dates"]["exact"]["f1"] == 1.0
