"""Extract every .txt document of a folder in parallel with dask.bag.

    python examples/dask_folder.py corpora out/dask            # local processes
    python examples/dask_folder.py corpora out/dask tcp://scheduler:8786

Writes out/dask/part-*.jsonl: one Document (JSON) per line.  Paths are passed
as pathlib.Path: `extract` takes a plain str as document *text*.
"""
from __future__ import annotations

import operator
import sys
from pathlib import Path

import dask.bag as db

from cchc_extract import extract


def extract_folder(folder: str | Path, out: str | Path, partitions: int = 8) -> list[str]:
    """Run extract() over folder/**/*.txt; returns the JSON Lines files written."""
    paths = sorted(Path(folder).rglob("*.txt"))
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    docs = bag.map(extract)  # Document objects: picklable, so they may cross processes
    lines = docs.map(operator.methodcaller("model_dump_json"))
    Path(out).mkdir(parents=True, exist_ok=True)
    return lines.to_textfiles(str(Path(out) / "part-*.jsonl"), encoding="utf-8")


def main(argv: list[str]) -> None:
    from dask.distributed import Client, LocalCluster

    folder, out = argv[0], argv[1]
    if len(argv) > 2:
        client = Client(argv[2])
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True))
    with client:
        for f in extract_folder(folder, out):
            print(f)


if __name__ == "__main__":
    main(sys.argv[1:])
