"""Document structure: segments, the numbered item tree, footnotes, header metadata.

`analyze(norm)` returns a `Layout` in *normalized* offsets; the pipeline maps
spans back to the original.
"""
from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..models import Metadata, Warning_
from ..normalize import NormalizedText


@dataclass
class ItemNode:
    label: str
    path: str
    kind: str                      # roman, decimal, multilevel, letter, dash, plus, dieu
    depth: int
    parent: Optional[str]
    start: int                     # normalized span of the item's region
    end: int
    text: str                      # own text, cleaned (rejoined, marks removed)
    parts: list[tuple[int, int]] = field(default_factory=list)  # normalized ranges of own text
    quoted: bool = False           # a numbered line of a passage another item quotes (no task)


@dataclass
class FootnoteNode:
    marker: str
    start: int
    end: int
    text: str
    anchor: Optional[str] = None
    mark: Optional[tuple[int, int]] = None   # normalized span of the mark in the body
    mark_original: Optional[tuple[int, int]] = None  # original span of a removed superscript mark


@dataclass
class Layout:
    segments: list[tuple[str, int, int]] = field(default_factory=list)
    items: list[ItemNode] = field(default_factory=list)
    footnotes: list[FootnoteNode] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[Warning_] = field(default_factory=list)
    preamble: Optional[tuple[int, int]] = None   # normalized range of the preamble
    # normalized ranges that belong to an item without being its own text (a markdown task
    # table inside it: its rows' directives are built apart, see table_items)
    attached: list[tuple[int, int, str]] = field(default_factory=list)

    _index: Optional[tuple] = field(default=None, repr=False, compare=False)

    def _build_index(self) -> tuple:
        key = (len(self.items), len(self.footnotes), len(self.attached))
        if self._index is None or self._index[0] != key:
            fns = sorted((fn.start, fn.end, fn.anchor) for fn in self.footnotes)
            parts = sorted([(s, e, it.path) for it in self.items for s, e in (it.parts or [(it.start, it.end)])]
                           + self.attached)
            self._index = (key, fns, [f[0] for f in fns], parts, [p[0] for p in parts])
        return self._index

    def item_at(self, pos: int) -> Optional[str]:
        """Path of the item whose own text holds pos; 'preamble'; a footnote's anchor; or None."""
        _, fns, fstarts, parts, pstarts = self._build_index()
        i = bisect_right(fstarts, pos) - 1
        if i >= 0 and fns[i][0] <= pos < fns[i][1]:
            return fns[i][2]
        i = bisect_right(pstarts, pos) - 1
        if i >= 0 and parts[i][0] <= pos < parts[i][1]:
            return parts[i][2]
        if self.preamble and self.preamble[0] <= pos < self.preamble[1]:
            return "preamble"
        return None

    def items_at(self, positions: list[int]) -> list[Optional[str]]:
        """`item_at` of each position, in one call (the per-call overhead dominates)."""
        _, fns, fstarts, parts, pstarts = self._build_index()
        pre = self.preamble
        # footnotes follow most positions: one comparison before a search among them
        fn_first = fstarts[0] if fstarts else sys.maxsize
        out: list[Optional[str]] = []
        append = out.append
        for pos in positions:
            if pos >= fn_first:
                i = bisect_right(fstarts, pos) - 1      # >= 0: fstarts[0] <= pos
                if pos < fns[i][1]:
                    append(fns[i][2])
                    continue
            i = bisect_right(pstarts, pos) - 1
            if i >= 0 and pos < parts[i][1]:        # parts[i][0] <= pos: bisect_right's answer
                append(parts[i][2])
            elif pre and pre[0] <= pos < pre[1]:
                append("preamble")
            else:
                append(None)
        return out

    def segment_at(self, pos: int) -> Optional[str]:
        for kind, s, e in self.segments:
            if s <= pos < e:
                return kind
        return None


def analyze(norm: NormalizedText) -> Layout:
    """Segments, items, footnotes and header metadata of a normalized document."""
    return _analyzer()(norm)


_ANALYZER: list = []      # analysis.analyze_document, once imported


def _analyzer():
    """analysis.analyze_document, imported late (its submodules import the classes above)
    and once: an import statement per document costs more than the call."""
    if not _ANALYZER:
        from .analysis import analyze_document
        _ANALYZER.append(analyze_document)
    return _ANALYZER[0]
