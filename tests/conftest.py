from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def rules():
    from cchc_extract.rules import default_rules

    return default_rules()


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in CORPUS_FILES}
