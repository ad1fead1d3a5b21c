"""Clause bounds around a match, used to read the context of deadlines and targets.

A clause ends at ``;``, a sentence full stop (a ``.`` followed by a space or
the end; dots inside numbers and symbols do not count) or a line break that
starts a new paragraph, item or table row (not one that only wraps a sentence).  Searches
are bounded by a window so that long lines without punctuation stay linear.
"""
from __future__ import annotations

import regex

from ..startup_cache import compile_regex

WINDOW = 600

# A line break ends a clause when it starts a new paragraph, item or table row: the
# next line is blank or starts with a list label, a bullet, a pipe or a row's bare number before a
# column gap ("3    Triển khai …", a table whose columns are aligned with spaces); or it starts with
# a capital after a line that does not stop mid-phrase (lower-case word or comma); or it opens a
# field line (a few words and a colon: "Đơn vị chủ trì: Cục …", "Thời gian hoàn thành: …").
# Hard-wrapped text ("... của Chính\nphủ ...", "số\n01/NQ-CP") continues the clause.
_NEW_LINE_STARTS = (
    r"\n(?=[ \t]*(?:\n|$|[-+•*|]|\d+(?:\.\d+)*[.)/]\s|[a-zđ][)/]\s|\d{1,3}[ ]{3,}\S))"
    r"|(?<![\p{Ll},][ \t]*)\n(?=[ \t]*\p{Lu})"
    # ... or it opens a field line, whatever the line before ends with ("Đơn vị chủ trì: …")
    r"|\n(?=[ \t]*\p{Lu}[\p{L} ]{0,40}:[ \t])"
    # ... or it ends a heading: a short labelled line without punctuation that does not stop
    # on a linking word ("1. Đánh giá chung"; not a wrapped "a) Giao Sở Nội vụ phối hợp với")
    r"|\n(?<=(?:^|\n)[ \t]*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)/][ \t][^\n.;:,]{1,60}"
    r"(?<!\b(?:của|và|với|các|cho|tại|về|theo|trong|là|để|được|những|từ)[ \t]*)\n)(?=[ \t]*\p{Lu})")
# a clause boundary (":" also opens a clause, so it counts when looking back)
_BOUNDARY_FWD = compile_regex(r"[;]|\.(?=\s|$)|" + _NEW_LINE_STARTS)
_BOUNDARY_BACK = compile_regex(r"(?r)[;:]|\.(?=\s|$)|" + _NEW_LINE_STARTS)
LOOKAHEAD = 16   # characters past pos that the boundary lookaheads may need to see
# what may stand between the clause start and a phrase that opens the clause
_OPENER = compile_regex(
    r"\s*(?:[-+•*]\s*|(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s*)?\s*", regex.V1 | regex.I)
# đã; đạt được; "mới cắt giảm được" (only managed to: a result so far); "mới đạt", "chỉ đạt" (only reached);
# "mới có 41/63 tỉnh" (only so many have: a count so far; not "mới có thể", only then can)
_PAST = compile_regex(r"\bđã\b|\bđạt\s+được\b|\bmới\s+(?:\p{L}+\s+){1,4}?được\b|\b(?:mới|chỉ)\s+đạt\b"
                      r"|\bmới\s+có\s+\d", regex.V1 | regex.I)


def clause_start(text: str, pos: int, window: int = WINDOW) -> int:
    """Offset just after the last clause boundary before pos (or pos - window).

    The reverse search may look LOOKAHEAD characters past pos, so that a line
    break right before pos is told apart from a wrapped line; boundaries found
    at or after pos are skipped."""
    lo = max(0, pos - window)
    hi = min(len(text), pos + LOOKAHEAD)
    while True:
        m = _BOUNDARY_BACK.search(text, lo, hi)
        if m is None:
            return lo
        if m.start() < pos:
            return m.end()
        hi = m.start()


def clause_end(text: str, pos: int, window: int = WINDOW) -> int:
    """Offset of the next clause boundary at or after pos (or pos + window, or the end)."""
    hi = min(len(text), pos + window)
    m = _BOUNDARY_FWD.search(text, pos, hi)
    return m.start() if m else hi


def opens_clause(text: str, start: int) -> bool:
    """True when only a list label or spaces stand between the clause start and `start`."""
    cs = clause_start(text, start)
    return _OPENER.fullmatch(text, cs, start) is not None


def past_in(text: str, start: int, end: int) -> bool:
    """True when the span says the action already happened (đã, đạt được)."""
    return _PAST.search(text, start, end) is not None


def past_at(text: str, start: int, end: int) -> int:
    """Offset of the first past marker (đã, đạt được) in the span, or -1."""
    m = _PAST.search(text, start, end)
    return -1 if m is None else m.start()
