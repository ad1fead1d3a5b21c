"""Cost grows linearly with the input: 10x the text costs about 10x the time.

A 5 MB document of repeated corpus text goes through the whole pipeline and is
timed against a 0.5 MB one in the same test, so machine speed cancels out.  A
quadratic step anywhere (a scan per entity over the whole text, a regex that
backtracks over the document) makes the ratio approach 100.
"""
from __future__ import annotations

import gc
import time

import pytest

from cchc_extract.pipeline import extract_text

from conftest import CORPUS_FILES

MAX_RATIO = 15


def _document(size: int) -> str:
    """Corpus texts repeated (whole documents, each as written) up to `size` UTF-8 bytes."""
    texts = [p.read_text(encoding="utf-8") for p in CORPUS_FILES]
    unit = "\n\n".join(texts)
    n = max(1, round(size / len(unit.encode("utf-8"))))
    return "\n\n".join([unit] * n)


def _timed(text: str) -> tuple[float, object]:
    # CPU time of this process: other work on a shared machine does not count against us
    gc.collect()
    t0 = time.process_time()
    doc = extract_text(text, budget_s=600)
    return time.process_time() - t0, doc


@pytest.mark.skipif(not CORPUS_FILES, reason="no corpus texts")
def test_ten_times_the_input_costs_about_ten_times_the_time():
    small, big = _document(500_000), _document(5_000_000)
    _timed(small[:20_000])  # warm up: rule loading and regex compilation are not part of the cost
    t_small, doc_small = _timed(small)
    t_big, doc_big = _timed(big)
    ratio = t_big / t_small
    size_ratio = len(big) / len(small)
    # Same text repeated: every kind finds about size_ratio times as many entities.
    assert len(doc_big.references) >= 0.9 * size_ratio * len(doc_small.references)
    assert len(doc_big.dates) >= 0.9 * size_ratio * len(doc_small.dates)
    assert not any(w.code == "W105" for w in doc_big.warnings), "time budget exceeded"
    assert ratio < MAX_RATIO * size_ratio / 10, (
        f"0.5 MB took {t_small:.2f}s, 5 MB took {t_big:.2f}s: ratio {ratio:.1f} for {size_ratio:.1f}x the text")
