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
    _lowered: Optional[str] = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def lowered(self) -> str:
        """text.lower(), made once for the literal prefilters of every kind."""
        if self._lowered is None:
            self._lowered = self.norm.text.lower()
        return self._lowered


def scan(rules: list[Rule], text: str, timeout: float | None = None,
         lowered: Optional[str] = None) -> Iterator[tuple[Rule, Any]]:
    """Every (rule, match) of the rules over text, skipping rules whose literals are absent
    (`lowered`: text.lower(), when the caller has it)."""
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
    from .disjoint import greedy_disjoint

    ordered = sorted(cands, key=Found.sort_key.fget)
    real = [c for c in ordered if c.end > c.start]   # an empty candidate always loses
    keep = greedy_disjoint([(c.start, c.end) for c in real])
    winners = [c for c, k in zip(real, keep) if k]
    if len(winners) == len(ordered):
        losers: list[Found] = []
    else:
        chosen = set(map(id, winners))
        losers = [c for c in ordered if id(c) not in chosen]
    winners.sort(key=_span_key)
    return winners, losers


def _span_key(c: Found) -> tuple[int, int]:
    return c.start, c.end


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
