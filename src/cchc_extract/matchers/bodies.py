"""Matcher for responsible bodies: gazetteer names + name patterns from rules/bodies.yaml.

Technique (chosen on measurement, see bench/bodies_matcher.py): one `regex`
alternation over every gazetteer name (``\\L<names>`` named list, matched as a
trie inside the regex engine) plus a few dozen compositional patterns, each one
linear scan over the normalized text.  Candidates overlapping a blocker
(systems, portals, indexes, abstract authority) or lying in the header issuer
lines, the signature block or a filing line are dropped; the rest are settled
by `select` (priority, then length) and given level / group / canonical.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

import regex

from ..gazetteer import Gazetteer, default_gazetteer
from ..normalize import fold_key
from . import Found, MatchContext, select
from .body_fields import auto_group, auto_level, canonical_name
from .body_zones import merge_spans, skip_zones

NAME_PRIORITY = 60


def _name_candidates(g: Gazetteer, text: str, timeout: Optional[float]) -> list[Found]:
    out = []
    for m in g.names_regex.finditer(text, timeout=timeout):
        name = m.group("loc_name") or m.group("fixed_name")
        entry = g.entry_for(name)
        if entry is None:  # cannot happen: the alternation is built from the entries
            continue
        out.append(Found(m.start(), m.end(), entry.id, {"_entry": entry}, entry.priority))
    return out


def _pattern_candidates(g: Gazetteer, text: str, timeout: Optional[float]) -> list[Found]:
    out = []
    for p in g.patterns:
        has_body = "body" in p.regex.groupindex
        for m in p.regex.finditer(text, timeout=timeout):
            s, e = m.span("body") if has_body and m.group("body") is not None else m.span()
            if e > s:
                out.append(Found(s, e, p.id, {"_pattern": p}, p.priority))
    return out


def _blocked(g: Gazetteer, text: str, timeout: Optional[float]) -> list[tuple[int, int]]:
    spans = []
    for b in g.blockers:
        spans.extend(m.span() for m in b.regex.finditer(text, timeout=timeout))
    return merge_spans(spans)


def _overlaps_any(s: int, e: int, merged: list[tuple[int, int]]) -> bool:
    """True when [s, e) overlaps one of the disjoint sorted spans."""
    i = bisect_right(merged, (e, -1)) - 1
    while i >= 0 and merged[i][0] >= e:
        i -= 1
    return i >= 0 and merged[i][1] > s


def _fields(f: Found, text: str, g: Gazetteer) -> dict:
    mention = text[f.start:f.end]
    spec = f.fields.get("_entry") or f.fields.get("_pattern")
    level = spec.level if spec.level != "auto" else auto_level(mention, spec.default, g)
    group = spec.group if spec.group != "auto" else auto_group(mention)
    entry = f.fields.get("_entry")
    canonical = canonical_name(mention, g, entry)
    return {"canonical": canonical, "group": bool(group), "level": level}


def find(ctx: MatchContext) -> list[Found]:
    g = default_gazetteer()
    text = ctx.text
    timeout = ctx.timeout
    try:
        cands = _name_candidates(g, text, timeout) + _pattern_candidates(g, text, timeout)
        blocked = _blocked(g, text, timeout)
    except TimeoutError:  # a pathological input: report, never crash
        from .. import diagnostics

        ctx.warnings.append(diagnostics.warn("W105", "bodies: regex time-out; bodies not extracted"))
        return []
    zones = skip_zones(text, ctx.layout)
    kept = [c for c in cands
            if not _overlaps_any(c.start, c.end, blocked) and not _overlaps_any(c.start, c.end, zones)]
    winners, _ = select(kept)
    out = []
    for f in winners:
        out.append(Found(f.start, f.end, f.rule, _fields(f, text, g), f.priority))
    return out


def fold(s: str) -> str:  # re-exported for tests and the bench
    return fold_key(s)
