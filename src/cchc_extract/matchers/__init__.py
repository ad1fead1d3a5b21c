"""Entity matchers: one module per kind, one signature, one explicit registry.

Each module exposes ``find(ctx: MatchContext) -> list[Found]`` returning
candidates in *normalized* offsets; the pipeline maps them back to the
original text.  Overlaps between candidates of one kind are settled by
`select`, whose order is total: higher priority, then longer, then earlier,
then rule id.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Callable, Iterator, Optional

import regex

from ..normalize import NormalizedText
from ..rules import Rule, RuleSet
from ..startup_cache import compile_regex
from .anchors import CONTEXT_LOWER, Anchor, anchor_of, unsafe_in
from .disjoint import greedy_disjoint


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
    _places: Any = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def lowered(self) -> str:
        """text.lower(), made once for the literal prefilters of every kind."""
        if self._lowered is None:
            self._lowered = self.norm.text.lower()
        return self._lowered

    def places(self) -> "_Places":
        """Where anchor words and runs of figures start: found once per document, shared by
        every kind's `scan`."""
        if self._places is None:
            self._places = _Places(self.norm.text, self.lowered())
        return self._places


def scan(rules: list[Rule], text: str, timeout: float | None = None,
         lowered: Optional[str] = None, places: Optional["_Places"] = None) -> Iterator[tuple[Rule, Any]]:
    """Every (rule, match) of the rules over text, as rule.regex.finditer gives them, rule
    after rule, skipping rules whose literals are absent (`lowered`: text.lower(), when
    the caller has it).

    A rule whose matches start at a word or at a run of figures (matchers/anchors.py) is
    tried only there; `timeout` then bounds the rule's whole scan, checked between calls,
    as it bounds a finditer."""
    if places is None or places.text is not text:
        places = _Places(text, lowered)
    for rule in rules:
        if rule.literals and not any(lit in places.lowered() for lit in rule.literals):
            continue
        starts = places.starts(anchor_of(rule.regex))
        if starts is None:
            for m in rule.regex.finditer(text, concurrent=CONCURRENT, timeout=timeout):
                yield rule, m
        else:
            for m in match_at(rule.regex, text, starts, timeout):
                yield rule, m


# No entity is near this long; a match tried at an anchor sees at most this much text after it, so
# one call stays bounded on hostile input although it carries no time-out of its own (a time-out
# per call costs ~2 us, more than most matches)
MATCH_REACH = 2000
# `regex`'s `concurrent` argument, positional: False keeps the GIL through a call.  By default a
# call releases and takes it back around its work and its allocations, ~15% of a short match;
# documents are matched in worker processes, never in threads that could use it.
CONCURRENT = False


def match_at(rx, text: str, starts: list[int], timeout: float | None) -> Iterator[Any]:
    """rx.finditer(text) when every match starts at one of `starts` (sorted): the same
    non-overlapping matches, each the one the engine finds at its start."""
    deadline = None if timeout is None else time.monotonic() + timeout
    match = rx.match
    end = 0
    for pos in starts:
        if pos < end:
            continue   # inside the previous match
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(f"regex time-out: {rx.pattern[:60]!r} ran past {timeout}s")
        m = match(text, pos, pos + MATCH_REACH, CONCURRENT)
        if m is not None:
            end = m.end()
            yield m


FIGURE_RUN = compile_regex(r"\d+", regex.V1 | regex.UNICODE)


class _Places:
    """Per-document memo of where the anchor words and the runs of figures start."""

    def __init__(self, text: str, lowered: Optional[str]):
        self.text, self._lowered = text, lowered
        self._found: dict[tuple[str, bool], list[int]] = {}
        self._starts: dict[Anchor, Optional[list[int]]] = {}

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def starts(self, anchor: Optional[Anchor]) -> Optional[list[int]]:
        """Sorted places where the anchor's matches can start; None: scan the whole text."""
        if anchor is None:
            return None
        if anchor not in self._starts:
            self._starts[anchor] = self._anchor_starts(anchor)
        return self._starts[anchor]

    def _anchor_starts(self, anchor: Anchor) -> Optional[list[int]]:
        if anchor.ignore_case:
            hay = self.lowered()
            if len(hay) != len(self.text) or unsafe_in(anchor, self.text):
                return None   # offsets would shift, or a match could hide from the search
        else:
            hay = self.text
        lists = [self._find(hay, w, anchor.ignore_case) for w in anchor.words]
        if anchor.figures:
            lists.append(self._find(self.text, "", False))
        starts = lists[0] if len(lists) == 1 else sorted(chain(*lists))   # merges sorted runs
        text = self.text
        for must, test in anchor.before:   # the character before the start, as the look-behinds want it
            if must:
                starts = [p for p in starts if p and test[text[p - 1]]]
            else:
                starts = [p for p in starts if not (p and test[text[p - 1]])]
        for ends in anchor.ends:   # the literal text a look-behind wants before the start
            starts = [p for p in starts if text.endswith(ends, 0, p)]
        return starts

    def _find(self, hay: str, word: str, ignore_case: bool) -> list[int]:
        """Every place of the word in hay (overlapping ones too); word "": runs of figures."""
        key = (word, ignore_case)
        found = self._found.get(key)
        if found is None:
            if (word and not ignore_case and len(self.lowered()) == len(self.text)
                    and CONTEXT_LOWER.isdisjoint(word)):
                # the exact word stands where its lower-case form stands in text.lower()
                found = [p for p in self._find(self.lowered(), word.lower(), True)
                         if self.text.startswith(word, p)]
            elif word:
                found = []
                find = hay.find
                i = find(word)
                while i >= 0:
                    found.append(i)
                    i = find(word, i + 1)
            else:
                found = [m.start() for m in FIGURE_RUN.finditer(hay, concurrent=CONCURRENT)]
            self._found[key] = found
        return found


def select(cands: list[Found]) -> tuple[list[Found], list[Found]]:
    """Greedy non-overlapping choice in the documented total order.

    Returns (winners in document order, losers)."""
    if _in_order_and_disjoint(cands):   # a kind's kept winners, selected again: all win
        return list(cands), []
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


def _in_order_and_disjoint(cands: list[Found]) -> bool:
    """Whether the candidates are non-empty and each ends before the next starts (touching
    allowed): the greedy choice keeps them all, in this order."""
    end = -1
    for c in cands:
        if c.start < end or c.end <= c.start:
            return False
        end = c.end
    return True


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
