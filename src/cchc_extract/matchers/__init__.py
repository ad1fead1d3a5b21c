"""Entity matchers: one module per kind, one signature, one explicit registry.

Each module exposes ``find(ctx: MatchContext) -> list[Found]`` returning
candidates in *normalized* offsets; the pipeline maps them back to the
original text.  Overlaps between candidates of one kind are settled by
`select`, whose order is total: higher priority, then longer, then earlier,
then rule id.
"""
from __future__ import annotations

import sys
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any, Callable, Iterator, Optional

import regex

from ..normalize import NormalizedText
from ..rules import Rule, RuleSet
from ..startup_cache import compile_regex
from .anchors import CONTEXT_LOWER, Anchor, anchor_of, unsafe_in


@dataclass(slots=True)     # slots: cheaper to make than an instance dict (a thousand per document)
class Found:
    start: int
    end: int
    rule: str
    # the entity's fields; a winner's dict becomes its entity row (the pipeline adds id, text,
    # span, rule and item to it in place), so no two candidates may share one
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
    memo: dict[str, Any] = field(default_factory=dict)   # what one matcher found once per document for another
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
         lowered: Optional[str] = None, places: Optional["_Places"] = None,
         skip: Optional[dict[str, set[int]]] = None) -> Iterator[tuple[Rule, Any]]:
    """Every (rule, match) of the rules over text, as rule.regex.finditer gives them, rule
    after rule, skipping rules whose literals are absent (`lowered`: text.lower(), when
    the caller has it).

    A rule whose matches start at a word or at a run of figures (matchers/anchors.py) is
    tried only there; `timeout` then bounds the rule's scan, checked between calls (every
    CLOCK_EVERY-th), as it bounds a finditer.  `skip`: rule id -> starts the caller knows that rule's match
    would lose at (read when the rule's turn comes: the caller may fill it from the matches
    of the rules before)."""
    if places is None or places.text is not text:
        places = _Places(text, lowered)
    for rule in rules:
        if rule.literals and not any(lit in places.lowered() for lit in rule.literals):
            continue
        starts = places.starts(anchor_of(rule.regex))
        if starts is not None and skip and skip.get(rule.id):
            left_out = skip[rule.id]
            starts = [p for p in starts if p not in left_out]   # a new list: `starts` is shared
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
# match_at reads the clock before every 16th call only: a read (time.monotonic, ~900 instructions)
# costs about as much as a failing anchored match, and most rules are tried at fewer places than
# that (4,288 reads per pass over the corpus became 180).  The time-out counts from the first read
# and stops a scan within 16 calls of passing; each call is bounded by MATCH_REACH.
CLOCK_EVERY = 16


def match_at(rx, text: str, starts: list[int], timeout: float | None) -> Iterator[Any]:
    """rx.finditer(text) when every match starts at one of `starts` (sorted): the same
    non-overlapping matches, each the one the engine finds at its start.

    `timeout` bounds the calls after the first CLOCK_EVERY, the clock being read before
    every CLOCK_EVERY-th call (see CLOCK_EVERY)."""
    deadline = None
    match = rx.match
    end = 0
    tried = 0
    for pos in starts:
        if pos < end:
            continue   # inside the previous match
        if timeout is not None:
            tried += 1
            if tried % CLOCK_EVERY == 0:
                if deadline is None:
                    deadline = time.monotonic() + timeout
                elif time.monotonic() > deadline:
                    raise TimeoutError(f"regex time-out: {rx.pattern[:60]!r} ran past {timeout}s")
        m = match(text, pos, pos + MATCH_REACH, CONCURRENT)
        if m is not None:
            end = m.end()
            yield m


FIGURE_RUN = compile_regex(r"\d+", regex.V1 | regex.UNICODE)
_MATCH_START = type(FIGURE_RUN.match("0")).start   # Match.start, for map() over a finditer
# FIGURE_RUN tests a Unicode property at every character, most of a scan's cost.  A text whose
# only figures are 0-9 has the same runs of [0-9]; every other figure (\d) lies beyond the BMP or
# in one of _OTHER_FIGURES (tests/test_matcher_shortcuts.py checks every code point); a search for
# one range costs the engine about what a search for 0-9 does (one class of both ranges, 5x more).
_ASCII_RUN = compile_regex(r"[0-9]+")
_OTHER_FIGURES = (compile_regex("[\u0660-\u1c59]"), compile_regex("[\ua620-\uff19]"))
# sys.getsizeof of a compact four-byte str, less its characters and terminator (CPython only)
_UCS4_SIZE_BASE = (sys.getsizeof("\U00010000") - 8) if sys.implementation.name == "cpython" else None


def figure_runs(text: str) -> list[int]:
    """Where the runs of figures (FIGURE_RUN's matches) start, ascending."""
    # CPython stores a str with four bytes per character exactly when one lies beyond the BMP;
    # the size errs only towards a four-byte size (a cached UTF-8 copy): then FIGURE_RUN scans
    within_bmp = _UCS4_SIZE_BASE is not None and sys.getsizeof(text) < _UCS4_SIZE_BASE + 4 * (len(text) + 1)
    if within_bmp and not any(rx.search(text, concurrent=CONCURRENT) for rx in _OTHER_FIGURES):
        runs = _ASCII_RUN.finditer(text, concurrent=CONCURRENT)
    else:
        runs = FIGURE_RUN.finditer(text, concurrent=CONCURRENT)
    return list(map(_MATCH_START, runs))


class _Places:
    """Per-document memo of where the anchor words and the runs of figures start."""

    def __init__(self, text: str, lowered: Optional[str]):
        self.text, self._lowered = text, lowered
        self._found: dict[tuple[str, bool], list[int]] = {}
        # keyed by id(anchor): rule anchors are interned at load time (anchors._anchor), and
        # hashing the dataclass field by field on every look-up cost more than the look-up
        self._starts: dict[int, tuple[Anchor, Optional[list[int]]]] = {}
        self._groups: dict[int, tuple[list[int], dict[str, list[int]]]] = {}

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def starts(self, anchor: Optional[Anchor]) -> Optional[list[int]]:
        """Sorted places where the anchor's matches can start; None: scan the whole text."""
        if anchor is None:
            return None
        known = self._starts.get(id(anchor))
        if known is None:   # the anchor is kept with its places, so its id stays its own
            known = self._starts[id(anchor)] = (anchor, self._anchor_starts(anchor))
        return known[1]

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
        # Every filter below keeps the starts that pass one test of the text before them, so
        # their order is free: the literal endings go first, as they keep the fewest starts
        # (", " or a type code before a figure) at the cost of a set look-up each.
        for ends in anchor.ends:   # the literal text a look-behind wants before the start
            starts = _ending_with(text, starts, ends)
        for i, (must, test) in enumerate(anchor.before):   # the character before the start, as the look-behinds want it
            if i == 0 and not anchor.ends:   # the shared lists: grouped once by previous character
                starts = self._passing(starts, must, test)
            elif must:
                starts = [p for p in starts if p and test[text[p - 1]]]
            else:
                starts = [p for p in starts if not (p and test[text[p - 1]])]
        for test, blank in anchor.behind_blank:   # a character of a class, then white space, before the start
            starts = [p for p in starts if p > 1 and (test[text[p - 2]] or blank[text[p - 2]])]
        return starts

    def _passing(self, starts: list[int], must: bool, test) -> list[int]:
        """The starts whose previous character passes the test (`must`) or fails it (not
        `must`); a start at 0, which has none, fails every test.  The test is asked once per
        distinct previous character: several rules filter the same runs of figures."""
        kept = [run for before, run in self._by_previous(starts).items()
                if (before != "" and test[before]) == must]
        return sorted(chain(*kept))   # merges the ascending runs

    def _by_previous(self, starts: list[int]) -> dict[str, list[int]]:
        """The starts (ascending) grouped by the character before them ("" at 0), once per list."""
        known = self._groups.get(id(starts))
        if known is None:
            text = self.text
            groups: dict[str, list[int]] = {}
            for p in starts:
                before = text[p - 1] if p else ""
                run = groups.get(before)
                if run is None:
                    groups[before] = [p]
                else:
                    run.append(p)
            known = self._groups[id(starts)] = (starts, groups)   # the list kept: its id stays its own
        return known[1]

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
                found = figure_runs(hay)
            self._found[key] = found
        return found


def _ending_with(text: str, starts: list[int], ends: tuple[str, ...]) -> list[int]:
    """The starts where the text before ends with one of `ends`.  The character before the
    last is tested first: a set look-up costs less than str.endswith with a tuple of endings."""
    if min(map(len, ends)) < 2:
        return [p for p in starts if text.endswith(ends, 0, p)]
    second = frozenset(end[-2] for end in ends)
    return [p for p in starts if p > 1 and text[p - 2] in second and text.endswith(ends, 0, p)]


def select(cands: list[Found]) -> tuple[list[Found], list[Found]]:
    """Greedy non-overlapping choice in the documented total order.

    Returns (winners in document order, losers).  The candidates are taken along the
    text in clusters of transitively overlapping spans: a candidate alone in its cluster
    wins without being compared; only the members of a cluster are put in preference
    order (as disjoint.greedy_disjoint does, with the same choices)."""
    if _in_order_and_disjoint(cands):   # a kind's kept winners, selected again: all win
        return list(cands), []
    winners: list[Found] = []
    lost: list[Found] = []
    cluster: list[Found] = []
    cluster_end = -1
    for c in sorted(cands, key=_SPAN):
        if c.end <= c.start:
            lost.append(c)   # an empty candidate always loses
        elif cluster and c.start >= cluster_end:   # nothing before can touch this one or later ones
            _choose(cluster, winners, lost)
            cluster, cluster_end = [c], c.end
        else:
            cluster.append(c)
            cluster_end = max(cluster_end, c.end)
    if cluster:
        _choose(cluster, winners, lost)
    if not lost:
        return winners, []
    chosen = set(map(id, winners))
    losers = [c for c in cands if id(c) not in chosen]   # in the given order, then (stable) by preference
    losers.sort(key=_PREFERENCE)
    return winners, losers


_SPAN = attrgetter("start", "end")
_PREFERENCE = Found.sort_key.fget


def _choose(cluster: list[Found], winners: list[Found], lost: list[Found]) -> None:
    """The greedy choice within one cluster (its members in document order): in preference
    order, keep a candidate that overlaps none kept before; winners in document order."""
    if len(cluster) == 1:
        winners.append(cluster[0])
        return
    taken: list[tuple[int, int]] = []   # sorted spans kept so far
    kept: list[Found] = []
    for c in sorted(cluster, key=_PREFERENCE):   # stable: equal keys keep the given order
        s, e = span = c.start, c.end
        k = bisect_left(taken, span)
        if (k > 0 and taken[k - 1][1] > s) or (k < len(taken) and taken[k][0] < e):
            lost.append(c)
            continue
        taken.insert(k, span)
        kept.append(c)
    kept.sort(key=_SPAN)
    winners.extend(kept)


def _in_order_and_disjoint(cands: list[Found]) -> bool:
    """Whether the candidates are non-empty and each ends before the next starts (touching
    allowed): the greedy choice keeps them all, in this order."""
    end = -1
    for c in cands:
        if c.start < end or c.end <= c.start:
            return False
        end = c.end
    return True


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
