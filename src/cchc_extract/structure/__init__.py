"""Document structure: segments, the numbered item tree, footnotes, header metadata.

`analyze(norm)` returns a `Layout` in *normalized* offsets; the pipeline maps
spans back to the original.
"""
from __future__ import annotations

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


@dataclass
class FootnoteNode:
    marker: str
    start: int
    end: int
    text: str
    anchor: Optional[str] = None
    mark: Optional[tuple[int, int]] = None   # normalized span of the mark in the body


@dataclass
class Layout:
    segments: list[tuple[str, int, int]] = field(default_factory=list)
    items: list[ItemNode] = field(default_factory=list)
    footnotes: list[FootnoteNode] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[Warning_] = field(default_factory=list)
    preamble: Optional[tuple[int, int]] = None   # normalized range of the preamble

    def item_at(self, pos: int) -> Optional[str]:
        """Path of the item whose own text holds pos; 'preamble'; a footnote's anchor; or None."""
        for fn in self.footnotes:
            if fn.start <= pos < fn.end:
                return fn.anchor
        best = None
        for it in self.items:
            for s, e in (it.parts or [(it.start, it.end)]):
                if s <= pos < e:
                    best = it.path
        if best is not None:
            return best
        if self.preamble and self.preamble[0] <= pos < self.preamble[1]:
            return "preamble"
        return None

    def segment_at(self, pos: int) -> Optional[str]:
        for kind, s, e in self.segments:
            if s <= pos < e:
                return kind
        return None


def analyze(norm: NormalizedText) -> Layout:
    """Placeholder: replaced by the real segmenter."""
    return Layout()
