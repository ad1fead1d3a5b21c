#!/usr/bin/env python3
"""CPU seconds per MB for each pipeline stage, on the corpus documents.

Mirrors pipeline.extract_text step by step (normalize, structure, each matcher
kind incl. `select`, entity construction, directives, JSON) and times each with
time.process_time, so a loaded machine distorts little.  Usage:

    .venv/bin/python bench/profile_stages.py [--reps N] [--profile] [FILES...]

`--profile` also prints the top cProfile entries of whole extractions.
MB = 10^6 bytes of UTF-8 input.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _stages(text: str, acc: dict) -> None:
    """One extraction, mirroring pipeline.extract_text, adding CPU seconds to acc."""
    from cchc_extract import pipeline
    from cchc_extract.directives import build_directives
    from cchc_extract.formats import payload
    from cchc_extract.matchers import MatchContext, registry, select
    from cchc_extract.models import Document, Source
    from cchc_extract.normalize import normalize
    from cchc_extract.rules import default_rules
    from cchc_extract.structure import analyze

    clock = time.process_time
    t = clock()

    def lap(name: str) -> None:
        nonlocal t
        now = clock()
        acc[name] += now - t
        t = now

    from cchc_extract.structure.records import footnote_models, item_models, segment_models
    from cchc_extract.table_items import add_table_items

    doc = Document(source=Source(size=len(text.encode("utf-8"))))
    norm = normalize(text)
    lap("normalize")
    layout = analyze(norm)
    add_table_items(norm, layout)
    doc.metadata = layout.metadata
    lap("structure")
    doc.segments, doc.items, doc.footnotes = (segment_models(norm, layout), item_models(norm, layout),
                                              footnote_models(norm, layout))
    lap("models")
    ctx = MatchContext(norm=norm, rules=default_rules(), doc_date=doc.metadata.date, layout=layout,
                       warnings=doc.warnings)
    for kind, find in registry().items():
        winners, _ = select(find(ctx))
        ctx.found[kind] = winners
        lap(kind)
        setattr(doc, kind, pipeline._entities(kind, winners, norm, layout))
        lap("entities")
    doc.directives = build_directives(doc, ctx)
    lap("directives")
    payload("json", doc, "x")
    lap("json")


def _files(args: list[str]) -> list[Path]:
    return [Path(a) for a in args] if args else sorted((ROOT / "corpora").glob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from cchc_extract.pipeline import extract_text
    from cchc_extract.formats import payload

    texts = [p.read_text(encoding="utf-8") for p in _files(a.files)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:  # warm: lazily compiled rules and lexicons are start-up cost
        extract_text(t)
    acc: dict[str, float] = defaultdict(float)
    from cchc_extract.gc_pause import collector_paused

    for _ in range(a.reps):
        for t in texts:
            with collector_paused():      # as extract_text runs
                _stages(t, acc)
    t0 = time.process_time()
    for _ in range(a.reps):
        for t in texts:
            payload("json", extract_text(t), "x")
    whole = (time.process_time() - t0) / (mb * a.reps)
    total = sum(acc.values()) / (mb * a.reps)
    print(f"{mb * 1e3:.0f} kB x {a.reps} reps; CPU s/MB per stage:")
    for name, secs in acc.items():
        print(f"  {name:<11} {secs / (mb * a.reps):.3f}")
    print(f"  {'sum':<11} {total:.3f}")
    print(f"end to end (extract_text + JSON): {whole:.3f} s/MB = {1 / whole:.2f} MB/s")
    if a.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            payload("json", extract_text(t), "x")
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof).sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
