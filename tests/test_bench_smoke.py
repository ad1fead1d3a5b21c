"""`bench/run.py --quick` runs end to end with tiny sizes and writes its table."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_bench_quick_writes_the_results_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--data",
                        str(tmp_path / "data"), "--out", str(tmp_path / "out"), "--results", str(results)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    table = results.read_text(encoding="utf-8")
    assert "| measure | result | target | met |" in table and "cores" in table and "Python" in table
    for measure in ("throughput, 1 process", "speed-up --jobs 2", "cold start", "`cchc --help`",
                    "peak RSS, 40 documents", "time 0.15 MB / 0.03 MB", "gold dates found",
                    "Where the time goes", "machine speed gauge"):
        assert measure in table, f"{measure} missing:\n{table}"
    assert (tmp_path / "data" / "corpus").is_dir()  # inputs generated where told
