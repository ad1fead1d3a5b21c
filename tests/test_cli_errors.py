"""The CLI on bad input: the documented exit code and ONE line on stderr naming
the input, never a traceback.  Runs the installed `cchc` as a user would."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_extract.legacy_tables import encode
from conftest import ROOT

CCHC = ROOT / ".venv" / "bin" / "cchc"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = [str(CCHC)] if CCHC.exists() else [sys.executable, "-m", "cchc_extract.cli"]
    return subprocess.run(cmd + list(args), input=stdin, capture_output=True, timeout=120)


def one_error_line(proc: subprocess.CompletedProcess, *names: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for name in names:
        assert name in lines[0]
    return lines[0]


def test_binary_file_exits_4(tmp_path: Path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary\xff\xfe" * 50)
    proc = run("extract", str(p))
    assert proc.returncode == 4
    one_error_line(proc, "scan.pdf")
    assert proc.stdout == b""


def test_binary_on_stdin_exits_4():
    proc = run("extract", "-", stdin=b"\x00\x01\x02\x03" * 100)
    assert proc.returncode == 4
    one_error_line(proc, "<stdin>")


def test_undecidable_encoding_exits_4_and_says_how_to_force(tmp_path: Path):
    p = tmp_path / "es.txt"
    p.write_bytes("El niño comió más jamón en España, señor. Mañana iremos a la montaña.".encode("cp1252"))
    proc = run("extract", str(p))
    assert proc.returncode == 4
    assert "--encoding" in one_error_line(proc, "es.txt")


def test_unknown_forced_encoding_exits_4(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text("Số: 12/UBND-VX", encoding="utf-8")
    proc = run("extract", "--encoding", "klingon", str(p))
    assert proc.returncode == 4
    one_error_line(proc, "klingon")


def test_too_large_exits_5(tmp_path: Path):
    p = tmp_path / "big.txt"
    p.write_text("Số: 12/UBND-VX\n" * 100, encoding="utf-8")
    proc = run("extract", "--max-bytes", "1000", str(p))
    assert proc.returncode == 5
    one_error_line(proc, "big.txt", "1000")


def test_too_large_on_stdin_exits_5():
    proc = run("extract", "--max-bytes", "10", "-", stdin=b"x" * 100)
    assert proc.returncode == 5
    one_error_line(proc, "<stdin>")


def test_missing_file_exits_6(tmp_path: Path):
    p = tmp_path / "nowhere.txt"
    proc = run("extract", str(p))
    assert proc.returncode == 6
    one_error_line(proc, "nowhere.txt")


def test_missing_input_with_output_option_exits_6(tmp_path: Path):
    proc = run("extract", "-o", str(tmp_path / "x.json"), str(tmp_path / "missing.txt"))
    assert proc.returncode == 6
    one_error_line(proc, "missing.txt")


def test_empty_file_is_valid_json_with_w101(tmp_path: Path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    proc = run("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert "W101" in [w["code"] for w in doc["warnings"]]
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_legacy_file_gives_json_with_w102(tmp_path: Path, enc):
    p = tmp_path / f"{enc}.txt"
    p.write_bytes(encode("Số: 12/UBND-VX\nCộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
                         "1. Các sở, ban, ngành khẩn trương thực hiện nghiêm túc.", enc))
    proc = run("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["source"]["encoding"] == enc
    assert "W102" in [w["code"] for w in doc["warnings"]]
