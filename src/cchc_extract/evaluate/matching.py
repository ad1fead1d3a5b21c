"""One-to-one matching of predicted to gold spans (ANNOTATION.md, "Scoring").

- exact: spans equal after trimming spaces and punctuation at both ends;
- partial: spans overlap by at least half of the shorter one.
Pairs are chosen greedily, exact pairs first, then by larger overlap, then by
closer start: entities of one kind do not overlap, so greedy is optimal in
practice and stays near-linear (candidates come from a sorted sweep).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Optional

import regex

Span = tuple[int, int]

_LEAD = regex.compile(r"[^\p{L}\p{M}\p{Nd}]++")
_ALNUM_CHAR = regex.compile(r"[\p{L}\p{M}\p{Nd}]")


def trim(doc: str, span: Span) -> Span:
    """Span without spaces and punctuation at both ends (unchanged when nothing would be left)."""
    s, e = span
    s, e = max(0, min(s, len(doc))), max(0, min(e, len(doc)))
    piece = doc[s:e]
    m = _LEAD.match(piece)
    lead = m.end() if m else 0
    if lead >= len(piece):
        return span
    k = len(piece)
    while k > lead and not _ALNUM_CHAR.match(piece[k - 1]):
        k -= 1
    return s + lead, s + k


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _candidates(gold: list[Span], pred: list[Span]) -> list[tuple[int, int, int]]:
    """(gold index, pred index, overlap) for every overlapping pair, via a sweep on pred starts."""
    order = sorted(range(len(pred)), key=lambda j: pred[j])
    starts = [pred[j][0] for j in order]
    longest = max((e - s for s, e in pred), default=0)
    out = []
    for i, g in enumerate(gold):
        k = bisect_left(starts, g[0] - longest)
        while k < len(order) and starts[k] < g[1]:
            j = order[k]
            ov = _overlap(g, pred[j])
            if ov > 0:
                out.append((i, j, ov))
            k += 1
    return out


def _greedy(scored: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    scored.sort(key=lambda t: t[0], reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def match_spans(doc: str, gold: list[Span], pred: list[Span]) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Partial one-to-one pairs (gold index, pred index), and the subset that is exact."""
    tg = [trim(doc, s) for s in gold]
    tp = [trim(doc, s) for s in pred]
    scored = []
    for i, j, ov in _candidates(tg, tp):
        shorter = min(tg[i][1] - tg[i][0], tp[j][1] - tp[j][0])
        exact = tg[i] == tp[j]
        if exact or 2 * ov >= shorter:
            scored.append(((exact, ov, -abs(tg[i][0] - tp[j][0])), i, j))
    pairs = _greedy(scored)
    exact = {(i, j) for i, j in pairs if tg[i] == tp[j]}
    return pairs, exact


def same_line_gap(doc: str) -> Callable[[int, int], Optional[int]]:
    """Distance between two starts when only non-letters/digits on one line lie between, else None."""
    def gap(a: int, b: int) -> Optional[int]:
        lo, hi = min(a, b), max(a, b)
        if hi - lo > 40:
            return None
        between = doc[lo:hi]
        if "\n" in between or _ALNUM_CHAR.search(between):
            return None
        return hi - lo
    return gap


def match_starts(doc: str, gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """Items: a prediction matches a gold item when their starts are equal or differ only by
    label punctuation, markup or spaces on the same line (a gold item resolved on letters
    and digits starts after a `-` label; a prediction may start at `**`)."""
    gap = same_line_gap(doc)
    order = sorted(range(len(pred)), key=lambda j: pred[j][0])
    starts = [pred[j][0] for j in order]
    scored = []
    for i, (gs, _) in enumerate(gold):
        k = bisect_left(starts, gs - 40)
        while k < len(order) and starts[k] <= gs + 40:
            d = gap(gs, starts[k])
            if d is not None:
                scored.append(((-d,), i, order[k]))
            k += 1
    return _greedy(scored)


def match_footnotes(doc: str, gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """Footnotes: matched by start (as items) or by any overlap of the regions."""
    gap = same_line_gap(doc)
    scored = []
    for i, j, ov in _candidates(gold, pred):
        scored.append(((1, ov), i, j))
    for i, j in match_starts(doc, gold, pred):
        scored.append(((2, -(gap(gold[i][0], pred[j][0]) or 0)), i, j))
    return _greedy(scored)
