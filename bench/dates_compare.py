"""Our date matcher vs dateparser.search.search_dates(text, languages=['vi']).

Same text for both; speed ratio, and how many gold dates (corpora/*.gold.yaml
`dates:`) each finds.  A gold date counts as found when a prediction overlaps
its span and agrees with its value at the gold's precision (year, month, day;
quarters, halves and periods compare on the year: dateparser has no such forms).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import yaml


def gold_dates(gold_path: Path, text: str) -> list[tuple[int, int, str]]:
    """(start, end, value); spans resolved as ANNOTATION.md says when absent."""
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    out, pos = [], 0
    for d in data.get("dates") or []:
        if d.get("span"):
            s, e = d["span"]
        else:
            s = text.find(d["text"], pos)
            if s < 0:
                continue
            e = s + len(d["text"])
        pos = e
        out.append((s, e, str(d.get("value") or "")))
    return out


def precision_parts(value: str) -> tuple[int, ...]:
    """'2023-11-28' -> (2023, 11, 28); '2023-Q1', '2021/2025', '2023' -> (year,)."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    return tuple(int(g) for g in m.groups() if g) if m else ()


def _found(gold, preds) -> int:
    n = 0
    for gs, ge, gv in gold:
        want = precision_parts(gv)
        for ps, pe, pv in preds:
            if ps < ge and gs < pe and want and pv[: len(want)] == want:
                n += 1
                break
    return n


def _dateparser(text: str) -> tuple[float, list]:
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    res = search_dates(text, languages=["vi"]) or []
    secs = time.perf_counter() - t0
    preds, pos = [], 0
    for sub, when in res:
        s = text.find(sub, pos)
        if s < 0:
            continue
        pos = s + len(sub)
        preds.append((s, pos, (when.year, when.month, when.day)))
    return secs, preds


def _ours(text: str) -> tuple[float, list]:
    from cchc_extract.matchers import MatchContext, dates, select
    from cchc_extract.normalize import normalize
    from cchc_extract.rules import default_rules
    from cchc_extract.structure import analyze

    rules = default_rules()
    t0 = time.perf_counter()
    norm = normalize(text)
    t1 = time.perf_counter()
    layout = analyze(norm)  # structure is not date matching: not timed
    t2 = time.perf_counter()
    ctx = MatchContext(norm=norm, rules=rules, doc_date=layout.metadata.date, layout=layout)
    winners, _ = select(dates.find(ctx))
    secs = (t1 - t0) + (time.perf_counter() - t2)
    preds = []
    for f in winners:
        s, e = norm.to_original(f.start, f.end)
        preds.append((s, e, precision_parts(str(f.fields.get("value") or ""))))
    return secs, preds


def compare(docs: list[tuple[str, Path]], max_chars: int | None = None) -> dict:
    """docs: (text path, gold path) pairs; max_chars cuts each text (quick mode)."""
    res = {"gold": 0, "chars": 0, "ours_s": 0.0, "dp_s": 0.0, "ours_found": 0, "dp_found": 0,
           "ours_preds": 0, "dp_preds": 0}
    _ours("ngày 1/1/2024")  # warm-up: rule loading is not matching
    _dateparser("ngày 1/1/2024")
    for txt, gold_path in docs:
        text = txt.read_text(encoding="utf-8")
        if max_chars:
            text = text[:max_chars]
        gold = [g for g in gold_dates(gold_path, txt.read_text(encoding="utf-8")) if g[1] <= len(text)]
        o_s, o_p = _ours(text)
        d_s, d_p = _dateparser(text)
        res["gold"] += len(gold)
        res["chars"] += len(text)
        res["ours_s"] += o_s
        res["dp_s"] += d_s
        res["ours_found"] += _found(gold, o_p)
        res["dp_found"] += _found(gold, d_p)
        res["ours_preds"] += len(o_p)
        res["dp_preds"] += len(d_p)
    return res
