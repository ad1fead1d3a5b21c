"""Batch extraction: workers, streamed outputs, failures isolated and recorded."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cchc_extract import batch, errors
from cchc_extract.batch import run_extract, unique_names
from cchc_extract.models import DateMention, Document


@pytest.fixture
def stub(monkeypatch):
    """A tiny stand-in extractor (forked workers inherit it): one date per 'ngày';
    'BOOM' in the text is an internal bug.  Keeps these tests off the real rules."""
    from cchc_extract import pipeline, rules

    def fake_extract_text(text, source=None, **kw):
        if "BOOM" in text:
            raise RuntimeError("kaboom")
        if "DIE" in text:  # a worker killed mid-document (out of memory, native crash)
            import os

            os._exit(9)
        doc = Document(source=source) if source else Document()
        i = text.find("ngày")
        if i >= 0:
            doc.dates.append(DateMention(text="ngày", span=(i, i + 4)))
        return doc

    monkeypatch.setattr(pipeline, "extract_text", fake_extract_text)
    monkeypatch.setattr(rules, "default_rules", lambda *a, **k: None)


def _tree(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Hưng Yên, ngày 5 tháng 3 năm 2024", encoding="utf-8")
    (src / "sub" / "a.txt").write_text("Kế hoạch ngày 1/1/2024", encoding="utf-8")
    (src / "c.txt").write_text("Không có gì", encoding="utf-8")
    (src / "skip.md").write_text("not a .txt", encoding="utf-8")
    return src


def _errors(out):
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_folder_keeps_subfolders_and_isolates_bad_files(tmp_path, stub, capsys, jobs):
    src = _tree(tmp_path)
    (src / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (src / "big.txt").write_text("ngày " * 100, encoding="utf-8")
    (src / "bug.txt").write_text("BOOM", encoding="utf-8")
    out = tmp_path / "out"
    rc = run_extract([str(src), str(tmp_path / "missing.txt")], out=out, jobs=jobs, quiet=True,
                     max_bytes=200)
    assert rc == errors.EXIT_FAILURES
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a.json", "c.json", "sub/a.json"]
    assert Document.model_validate_json((out / "sub" / "a.json").read_text()).dates[0].text == "ngày"
    recs = {r["path"].rsplit("/", 1)[-1]: r for r in _errors(out)}
    assert {k: (r["code"], r["exit_code"]) for k, r in recs.items()} == {
        "bin.txt": ("E101", errors.EXIT_NOT_TEXT), "big.txt": ("E103", errors.EXIT_TOO_LARGE),
        "bug.txt": ("E000", errors.EXIT_INTERNAL), "missing.txt": ("E104", errors.EXIT_UNREADABLE)}
    assert all(r["message"] for r in recs.values())
    assert len(written) + len(recs) == 7  # every input is an output or an error
    err = capsys.readouterr().err
    assert err.count("cchc: error:") == 4 and "kaboom" in err
    assert not list(out.rglob("*.tmp"))


def test_a_dead_worker_fails_its_input_and_the_batch_ends(tmp_path, stub):
    src = _tree(tmp_path)
    (src / "die.txt").write_text("DIE", encoding="utf-8")
    out = tmp_path / "out"
    assert run_extract([str(src)], out=out, jobs=2, quiet=True) == errors.EXIT_FAILURES
    assert len(list(out.rglob("*.json"))) == 3
    (rec,) = _errors(out)
    assert rec["path"].endswith("die.txt") and "died" in rec["message"]


def test_all_good_exits_0_and_summary_counts(tmp_path, stub, capsys):
    out = tmp_path / "out"
    assert run_extract([str(_tree(tmp_path))], out=out, jobs=2) == 0
    err = capsys.readouterr().err
    assert "3 input(s): 3 written, 0 skipped, 0 failed" in err and "dates 2" in err and "MB/s" in err
    assert _errors(out) == []


def test_single_bad_input_exits_with_its_own_code_and_one_line(tmp_path, stub, capsys):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert run_extract([str(bad)]) == errors.EXIT_NOT_TEXT
    cap = capsys.readouterr()
    assert cap.out == "" and len(cap.err.strip().splitlines()) == 1
    assert run_extract([str(tmp_path / "none.txt")], out=tmp_path / "o") == errors.EXIT_UNREADABLE
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_skip_existing_resumes(tmp_path, stub, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    run_extract([str(src)], out=out, jobs=1, quiet=True)
    (out / "a.json").write_text("kept", encoding="utf-8")
    (out / "c.json").unlink()
    assert run_extract([str(src)], out=out, jobs=1, skip_existing=True) == 0
    assert (out / "a.json").read_text() == "kept" and (out / "c.json").exists()
    assert "1 written, 2 skipped" in capsys.readouterr().err
    run_extract([str(src)], out=out, jobs=1, quiet=True)
    assert (out / "a.json").read_text() != "kept"


def test_interrupted_combined_output_leaves_nothing_half_written(tmp_path, stub, monkeypatch):
    src, out = _tree(tmp_path), tmp_path / "out"
    real, seen = batch.process, []

    def interrupt_second(opts, task):
        seen.append(task)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(opts, task)

    monkeypatch.setattr(batch, "process", interrupt_second)
    with pytest.raises(KeyboardInterrupt):
        run_extract([str(src)], out=out, fmt="jsonl", jobs=1, quiet=True)
    assert list(out.iterdir()) == []  # no documents.jsonl, no errors.jsonl, no temp file


@pytest.mark.parametrize("fmt,names", [
    ("jsonl", {"documents.jsonl"}), ("xlsx", {"documents.xlsx"}), ("ics", {"deadlines.ics"}),
    ("csv", {"directives.csv", "documents.csv", "dates.csv"})])
def test_combined_formats_write_one_output_in_dir(tmp_path, stub, fmt, names):
    out = tmp_path / "out"
    assert run_extract([str(_tree(tmp_path))], out=out, fmt=fmt, jobs=2, quiet=True) == 0
    assert names <= {p.name for p in out.iterdir()}
    assert not list(out.rglob("*.json"))
    if fmt == "jsonl":
        lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        assert sorted(Document.model_validate_json(x).source.file.rsplit("/", 1)[-1] for x in lines) == \
            ["a.txt", "a.txt", "c.txt"]


def test_several_inputs_need_a_folder_or_a_stream_format(tmp_path, stub):
    src = _tree(tmp_path)
    with pytest.raises(batch.UsageError):
        run_extract([str(src)])
    with pytest.raises(batch.UsageError):
        run_extract([str(src)], fmt="yaml")


def _slow_echo(task):
    import time

    time.sleep(0.002)
    return ("ok", task[0], task[1], 0, {}, 0, None)


def test_pool_feeds_through_a_bounded_window():
    """Inputs are pulled lazily: never more than the window in flight, however many."""
    from cchc_extract.worker_pool import StreamingPool

    pool = StreamingPool(_slow_echo, ((str(i), f"n{i}") for i in range(300)), jobs=2, window=8)
    seen = peak = 0
    try:
        for _ in pool:
            seen += 1
            peak = max(peak, len(pool.pending))
    finally:
        pool.close()
    assert seen == 300 and 0 < peak <= 8


def test_unique_names():
    got = [n for _, n in unique_names([("x/a.txt", "a"), ("y/a.txt", "a"), ("z/a.txt", "a"), ("b", "b")])]
    assert got == ["a", "a~2", "a~3", "b"]


def test_cli_stdout_holds_only_data(tmp_path):
    """Batch to stdout: every stdout line is a document; summary and no progress bar on stderr."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(f"Văn bản {i}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "cchc_extract.cli", "extract", str(src), "-f", "jsonl",
                        "-j", "2"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len([Document.model_validate_json(x) for x in r.stdout.splitlines()]) == 3
    assert "3 written" in r.stderr and "\x1b[" not in r.stderr  # not a terminal: no bar
    r = subprocess.run([sys.executable, "-m", "cchc_extract.cli", "extract", "-", "-f", "jsonl"],
                       input="Hà Nội, ngày 5 tháng 3 năm 2024\n", capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and r.stderr == ""
    assert Document.model_validate_json(r.stdout).source.file == "<stdin>"
