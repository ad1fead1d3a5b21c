"""`cchc explain`: entities with their rule and the candidates they beat."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from cchc_extract.explain import KindError, beaten, explain_rows, run_explain
from cchc_extract.matchers import Found, MatchContext
from cchc_extract.models import DateMention, Document
from cchc_extract.normalize import normalize


def test_beaten_finds_overlapping_losers_only():
    w = [Found(10, 20, "win.a", {}), Found(30, 40, "win.b", {})]
    losers = [Found(0, 5, "far", {}), Found(12, 25, "cross", {}), Found(0, 100, "long", {}),
              Found(20, 30, "between", {}), Found(35, 38, "inside", {})]
    got = [[f.rule for f in hits] for hits in beaten(w, losers)]
    assert got == [["long", "cross"], ["long", "inside"]]


def test_rows_show_rule_fields_and_beaten_candidates():
    text = "trước ngày 20/5/2024"
    norm = normalize(text)
    ctx = MatchContext(norm=norm, rules=None)
    ctx.found["dates"] = [Found(6, 20, "date.ngay_so", {"value": "2024-05-20"}, 60)]
    ctx.losers["dates"] = [Found(11, 20, "date.ngay_tran", {}, 45)]
    doc = Document(dates=[DateMention(id="t1", text="ngày 20/5/2024", span=(6, 20), rule="date.ngay_so",
                                      value="2024-05-20", form="day")])
    (row,) = explain_rows(doc, ctx, "dates")
    assert row[:4] == ("t1", "ngày 20/5/2024", "6–20", "date.ngay_so")
    assert "value=2024-05-20" in row[4]
    assert "'20/5/2024' (date.ngay_tran, p45)" == row[5]


def test_run_explain_prints_tables(tmp_path: Path):
    src = tmp_path / "doc.txt"
    src.write_text("Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Nội vụ chủ trì rà soát trước ngày 20/5/2024.\n",
                   encoding="utf-8")
    console = Console(record=True, width=200)
    run_explain(src, None, console=console)
    out = console.export_text()
    for title in ("references (", "dates (", "bodies (", "targets (", "deadlines (", "directives ("):
        assert title in out
    console = Console(record=True, width=200)
    run_explain(src, "dates", console=console)
    assert "directives (" not in console.export_text()


def test_unknown_kind_is_a_usage_error(tmp_path: Path):
    src = tmp_path / "doc.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(KindError) as exc:
        run_explain(src, "nope")
    assert exc.value.exit_code == 2


def test_cli_explain_and_show(tmp_path: Path):
    from typer.testing import CliRunner

    from cchc_extract.cli import app

    src = tmp_path / "doc.txt"
    src.write_text("Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Nội vụ chủ trì rà soát.\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["explain", str(src), "--kind", "bodies"])
    assert res.exit_code == 0 and "bodies (" in res.output
    res = runner.invoke(app, ["explain", str(src), "--kind", "nope"])
    assert res.exit_code == 2 and "unknown kind" in res.output
    out = tmp_path / "p.html"
    res = runner.invoke(app, ["show", str(src), "--html", str(out)])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
