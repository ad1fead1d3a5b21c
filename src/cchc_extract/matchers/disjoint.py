"""Greedy choice of non-overlapping spans, in near-linear time.

Both `select` implementations take candidates in preference order and keep one when
it overlaps no span kept before.  Done on one sorted list of kept spans, each
`list.insert` is O(n), so a document with 10^5 candidates went quadratic.  Spans
that do not overlap transitively (clusters along the text) cannot affect each
other, so the same greedy choice is made per cluster, on short lists.
"""
from __future__ import annotations

from bisect import bisect_left


def greedy_disjoint(spans: list[tuple[int, int]]) -> list[bool]:
    """For spans given in preference order: whether the greedy choice keeps each one.

    Exactly the choice of the plain greedy loop (bisect into the sorted kept spans;
    clash when the kept span before ends after the start or the one after starts
    before the end), including its treatment of empty spans."""
    keep = [False] * len(spans)
    cluster: list[int] = []
    cluster_end = -1
    for i in sorted(range(len(spans)), key=spans.__getitem__):
        s, e = spans[i]
        if cluster and s >= cluster_end:   # nothing before can touch this span or later ones
            _choose(cluster, spans, keep)
            cluster = []
        cluster.append(i)
        cluster_end = max(cluster_end, e) if len(cluster) > 1 else e
    if cluster:
        _choose(cluster, spans, keep)
    return keep


def _choose(cluster: list[int], spans: list[tuple[int, int]], keep: list[bool]) -> None:
    if len(cluster) == 1:   # most clusters: a lone span is always kept
        keep[cluster[0]] = True
        return
    cluster.sort()   # back to preference order
    taken: list[tuple[int, int]] = []
    for i in cluster:
        s, e = span = spans[i]
        k = bisect_left(taken, span)
        if (k > 0 and taken[k - 1][1] > s) or (k < len(taken) and taken[k][0] < e):
            continue
        taken.insert(k, span)
        keep[i] = True
