"""Entity matchers: one module per kind, one signature, one explicit registry.

Each module exposes ``find(ctx: MatchContext) -> list[Found]`` returning
candidates in *normalized* offsets; the pipeline maps them back to the
original text.  Overlaps between candidates of one kind are settled by
`select`, whose order is total: higher priority, then longer, then earlier,
then rule id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from ..normalize import NormalizedText
from ..rules import Rule, RuleSet


@dataclass
class Found:
    start: int
    end: int
    rule: str
    fields: dict[str, Any]
    priority: int = 50

    @property
    def sort_key(self) -> tuple:
        return (-self.priority, -(self.end - self.start), self.start, self.rule)


@dataclass
class MatchContext:
    norm: NormalizedText
    rules: RuleSet
    doc_date: Optional[str] = None           # partial ISO date of the document
    layout: Any = None                        # structure.Layout, when known
    warnings: list = field(default_factory=list)
    timeout: float | None = 5.0               # per regex call backstop (seconds)
    found: dict[str, list[Found]] = field(default_factory=dict)  # earlier kinds' results
    losers: dict[str, list[Found]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.norm.text


def scan(rules: list[Rule], text: str, timeout: float | None = None) -> Iterator[tuple[Rule, Any]]:
    """Every (rule, match) of the rules over text, skipping rules whose literals are absent."""
    lowered = None
    for rule in rules:
        if rule.literals:
            if lowered is None:
                lowered = text.lower()
            if not any(lit in lowered for lit in rule.literals):
                continue
        for m in rule.regex.finditer(text, timeout=timeout):
            yield rule, m


def select(cands: list[Found]) -> tuple[list[Found], list[Found]]:
    """Greedy non-overlapping choice in the documented total order.

    Returns (winners in document order, losers)."""
    taken: list[tuple[int, int]] = []
    winners: list[Found] = []
    losers: list[Found] = []
    import bisect

    for c in sorted(cands, key=lambda c: c.sort_key):
        i = bisect.bisect_left(taken, (c.start, c.end))
        clash = False
        if i > 0 and taken[i - 1][1] > c.start:
            clash = True
        if i < len(taken) and taken[i][0] < c.end:
            clash = True
        if clash or c.end <= c.start:
            losers.append(c)
        else:
            taken.insert(i, (c.start, c.end))
            winners.append(c)
    winners.sort(key=lambda c: (c.start, c.end))
    return winners, losers


Finder = Callable[[MatchContext], list[Found]]


def registry() -> dict[str, Finder]:
    """Kinds in the order they run (later kinds may read earlier results)."""
    from . import bodies, dates, deadlines, references, targets

    return {
        "references": references.find,
        "dates": dates.find,
        "deadlines": deadlines.find,
        "targets": targets.find,
        "bodies": bodies.find,
    }
