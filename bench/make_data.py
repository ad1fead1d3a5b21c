"""Benchmark inputs, generated at run time under bench/data/ (git-ignored).

Everything is made from the corpus documents: replicated copies for
throughput, short slices for the many-documents memory runs, and one long
document repeated to a given size for the scaling runs.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def replicated_corpus(folder: Path, min_bytes: int) -> tuple[int, int]:
    """Copies of the corpus in copy_NNNN/ sub-folders until >= min_bytes; (files, bytes)."""
    fresh(folder)
    blobs = [(p.name, p.read_bytes()) for p in corpus_files()]
    total = files = rep = 0
    while total < min_bytes:
        sub = folder / f"copy_{rep:04d}"
        sub.mkdir()
        for name, data in blobs:
            (sub / name).write_bytes(data)
            total += len(data)
            files += 1
        rep += 1
    return files, total


def _slices(max_chars: int) -> list[str]:
    """Corpus text cut at line ends into pieces of about max_chars."""
    out = []
    for p in corpus_files():
        piece: list[str] = []
        size = 0
        for line in p.read_text(encoding="utf-8").splitlines(keepends=True):
            piece.append(line)
            size += len(line)
            if size >= max_chars:
                out.append("".join(piece))
                piece, size = [], 0
        if piece:
            out.append("".join(piece))
    return out


def many_documents(folder: Path, count: int, max_chars: int = 1500) -> int:
    """count small documents (corpus slices) in sub-folders of 1000; returns total bytes."""
    fresh(folder)
    slices = _slices(max_chars)
    total = 0
    for i in range(count):
        sub = folder / f"d{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        data = slices[i % len(slices)].encode("utf-8")
        (sub / f"doc_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def long_text(n_bytes: int) -> str:
    """One document of about n_bytes UTF-8: the corpus texts repeated end to end."""
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    unit = "\n".join(texts) + "\n"
    unit_bytes = len(unit.encode("utf-8"))
    reps, rest = divmod(n_bytes, unit_bytes)
    text = unit * reps
    if rest:  # cut on a line end, by characters ~ bytes ratio
        part = unit[: int(len(unit) * rest / unit_bytes)]
        text += part[: part.rfind("\n") + 1] if "\n" in part else part
    return text
