import gc
from pathlib import Path

from cchc_extract import pipeline
from cchc_extract.gc_pause import collector_paused

CORPUS = Path(__file__).resolve().parents[1] / "corpora"


def test_collector_is_paused_during_extraction_and_restored_after():
    seen = []
    real = pipeline._extract_text

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    pipeline._extract_text, saved = spy, real
    try:
        assert gc.isenabled()
        pipeline.extract_text("Số: 12/KH-UBND\nKế hoạch\n1. Sở Nội vụ chủ trì.\n")
    finally:
        pipeline._extract_text = saved
    assert seen == [False]
    assert gc.isenabled()


def test_nested_pauses_reenable_only_when_the_outer_one_ends():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_leaves_no_reference_cycles():
    # the premise of the pause: reference counting alone frees everything extraction makes
    text = (CORPUS / "002_6823da2f530e9a1f.txt").read_text(encoding="utf-8")
    gc.collect()
    gc.disable()
    try:
        doc = pipeline.extract_text(text)
        assert doc.items and doc.bodies
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_batch_keeps_the_collector_paused_while_it_writes_and_frozen_objects_aside(tmp_path, monkeypatch):
    # batch.process covers reading and writing too: the Document is gone before the collector
    # runs again; open_results freezes what start-up built, so passes skip it
    from cchc_extract import batch, formats

    src = tmp_path / "a.txt"
    src.write_text("Số: 12/KH-UBND\nKế hoạch\n1. Sở Nội vụ chủ trì.\n", encoding="utf-8")
    seen = []
    real = formats.json_bytes   # what a json batch into a folder writes

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(formats, "json_bytes", spy)
    gc.unfreeze()
    try:
        results = list(batch.open_results(batch.Options(out_dir=str(tmp_path / "out")),
                                          iter([(str(src), "a")]), jobs=1))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert [r[0] for r in results] == ["ok"] and (tmp_path / "out" / "a.json").exists()
    assert seen == [False]
    assert gc.isenabled()
