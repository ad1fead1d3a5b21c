"""examples/dask_folder.py on a local dask cluster (two worker processes) over corpora/."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import CORPUS, CORPUS_FILES, ROOT
from cchc_extract.models import Document

distributed = pytest.importorskip("dask.distributed")


def _example():
    spec = importlib.util.spec_from_file_location("dask_folder", ROOT / "examples" / "dask_folder.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dask_example_on_local_cluster(tmp_path):
    example = _example()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    with cluster, distributed.Client(cluster):
        files = example.extract_folder(CORPUS, tmp_path, partitions=3)
    assert len(files) == 3
    docs = [Document.model_validate_json(line)
            for f in sorted(tmp_path.glob("part-*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(d.source.file for d in docs) == sorted(str(p) for p in CORPUS_FILES)
    assert all(d.source.sha256 and d.source.size > 0 for d in docs)
