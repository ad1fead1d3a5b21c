"""Output models of a Layout's segments, items and footnotes, spans mapped to the original.

Each list is validated in one call (a TypeAdapter of the list checks exactly what a model
constructor per element checks, for much less), and its spans are mapped in one call.
"""
from __future__ import annotations

from ..models import Footnote, Item, Segment, list_validator, validate_rows
from ..normalize import NormalizedText
from . import Layout


def segment_models(norm: NormalizedText, layout: Layout) -> list[Segment]:
    segs = layout.segments
    spans = norm.spans_to_original([(s, e) for _, s, e in segs])
    return list_validator(Segment).validate_python([{"kind": k, "span": sp} for (k, _, _), sp in zip(segs, spans)])


def item_models(norm: NormalizedText, layout: Layout) -> list[Item]:
    items = layout.items
    spans = norm.spans_to_original([(it.start, it.end) for it in items])
    return validate_rows(Item, [
        {"label": it.label, "path": it.path, "kind": it.kind, "depth": it.depth, "parent": it.parent,
         "text": it.text, "span": sp, "ends": _last_words(it.text, 8)}
        for it, sp in zip(items, spans)])


def _last_words(text: str, n: int) -> str:
    """" ".join(text.split()[-n:]), without splitting the whole text: rsplit with n splits
    yields the last n words (and, ahead of them, the unsplit rest)."""
    return " ".join(text.rsplit(None, n)[-n:])


def footnote_models(norm: NormalizedText, layout: Layout) -> list[Footnote]:
    if not layout.footnotes:  # most documents
        return []
    rows = []
    for fn in layout.footnotes:
        mark = fn.mark_original or (norm.to_original(*fn.mark) if fn.mark else None)
        rows.append({"marker": fn.marker, "text": fn.text, "span": norm.to_original(fn.start, fn.end),
                     "anchor": fn.anchor, "mark_span": mark})
    return validate_rows(Footnote, rows)
