"""Dates: calendar expressions from rules/dates.yaml, valued as partial ISO.

The rules find the text; this module turns their named groups (d, m, y, q, h,
y1, y2, and m2 / q2 ending a range of months or quarters) into a value.  A date that is impossible as printed keeps the printed
value and is marked suspect, with warning W302 (ANNOTATION.md "dates").
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Optional

from .. import diagnostics
from ..temporal import day_iso, half_iso, is_valid_day, month_iso, number_value as _number, quarter_iso, roman_or_int
from . import CONCURRENT, Found, MatchContext, scan, select
from .groups import group_dict
from ..startup_cache import compile_regex

_DIGITS = compile_regex(r"\d+")

# The first and last years a plausible period may span (2021-2025, not 1990-2095).
MAX_PERIOD_YEARS = 50


def entity_start(rule, m, groups: dict) -> int:
    """Start of the entity: the earliest participating group, which may sit in a
    look-behind (patterns start with a literal word the engine can search for fast)."""
    if "(?<=" not in rule.spec.pattern:
        return m.start()
    return min([m.start()] + [m.start(g) for g, v in groups.items() if v is not None])


def day_value(d: int, m: int, y: int) -> tuple[str, bool]:
    """(value, suspect) of a day as printed: 14/10/1025 -> ('1025-10-14', True)."""
    # days 1-28 exist in every month: most dates skip is_valid_day's calendar look-up
    valid = (1 <= d <= 28 and 1 <= m <= 12 and 1900 <= y <= 2100) or is_valid_day(y, m, d)
    return day_iso(y, m, d), not valid


def day_value_from_text(text: str) -> tuple[Optional[str], bool]:
    """Value of a full date text such as 'ngày 28/11/2023' or 'ngày 19 tháng 12 năm 2025'.

    Used by the reference matcher for the date inside a citation; the three
    figures are day, month, year in that order in every accepted form."""
    nums = [int(x) for x in _DIGITS.findall(text, concurrent=CONCURRENT)]
    if len(nums) != 3:
        return None, False
    return day_value(nums[0], nums[1], nums[2])


def _doc_year(ctx: MatchContext) -> Optional[int]:
    if ctx.doc_date and ctx.doc_date[:4].isdigit():
        return int(ctx.doc_date[:4])
    return None


# The groups a value is made of, read from m.groups() by number (rules/dates.yaml).
_VALUE_GROUPS = ("d", "m", "y", "q", "h", "y1", "y2", "m2", "q2")
_ABSENT = (None,)   # appended to m.groups(): index -1 reads a group the pattern lacks as None
_READERS: dict = {}   # pattern -> itemgetter of the value groups (load-time facts of the rules)


def _value_reader(rx) -> Callable[[tuple], tuple]:
    """(d, m, y, q, h, y1, y2, m2, q2) of a match, from `m.groups() + _ABSENT`: a rule's dict of
    groups is never built (most matches are values, and a group dict costs a short match)."""
    reader = _READERS.get(rx)
    if reader is None:
        index = rx.groupindex   # a fresh dict per read
        reader = _READERS[rx] = itemgetter(*(index[n] - 1 if n in index else -1 for n in _VALUE_GROUPS))
    return reader


def _value(d: Optional[str], mo: Optional[str], ys: Optional[str], q: Optional[str], h: Optional[str],
           y1: Optional[str], y2: Optional[str], ctx: MatchContext) -> tuple[Optional[str], bool]:
    """(value, suspect) of one match from its value groups (None: absent or not taking part)."""
    y = _number(ys) if ys else None   # figures, or a year in words
    if d and mo and y is not None:
        return day_value(_number(d), _number(mo), y)
    if mo and y is not None:
        m = _number(mo)
        return month_iso(y, m), not (1 <= m <= 12 and 1900 <= y <= 2100)
    if q and y is not None:
        qn = roman_or_int(q)
        return quarter_iso(y, qn or 0), not qn or not 1 <= qn <= 4
    if h:
        y = y if y is not None else _doc_year(ctx)
        if y is None:
            return None, False
        return half_iso(y, 1 if h.lower() == "đầu" else 2), False
    if y1 and y2:
        return f"{int(y1):04d}/{int(y2):04d}", False
    if y is not None:
        return f"{y:04d}", not 1900 <= y <= 2100
    return None, False


def _range_value(m1: Optional[str], m2: Optional[str], q1: Optional[str], q2: Optional[str],
                 ys: Optional[str]) -> Optional[str]:
    """"2024-03/2024-04" for months 3-4 of 2024, "2024-Q1/2024-Q2" for quarters I-II; None when the
    range runs backwards or past the year (no date: a ratio, a code)."""
    if not ys:
        return None
    y = int(ys)
    if m1 and m2:
        first, last = int(m1), int(m2)
        return f"{month_iso(y, first)}/{month_iso(y, last)}" if 1 <= first < last <= 12 else None
    first, last = roman_or_int(q1 or ""), roman_or_int(q2 or "")
    if first and last and 1 <= first < last <= 4:
        return f"{quarter_iso(y, first)}/{quarter_iso(y, last)}"
    return None


def _plausible(y1: Optional[str], y2: Optional[str]) -> bool:
    """Reject figure shapes that are not dates (a 2025-2021 'period')."""
    if y1 and y2:
        first, last = int(y1), int(y2)
        return first < last <= first + MAX_PERIOD_YEARS
    return True


def find(ctx: MatchContext) -> list[Found]:
    out: list[Found] = []
    any_suspect = False
    rule_seen = None
    for rule, m in scan(ctx.rules["dates"], ctx.text, ctx.timeout, ctx.lowered(), ctx.places()):
        if rule is not rule_seen:   # scan yields the matches of one rule in a row: read it once
            rule_seen, form = rule, rule.fields.get("form", "")
            rule_id, priority = rule.id, rule.priority
            behind = "(?<=" in rule.spec.pattern
            read = _value_reader(rule.regex)
        d, mo, y, q, h, y1, y2, m2, q2 = read(m.groups() + _ABSENT)
        if not _plausible(y1, y2):
            continue
        if m2 or q2:   # "Tháng 3-4/2024", "Quý I-II/2024": a range within one year
            value = _range_value(mo, m2, q, q2, y)
            if value is None:
                continue
            suspect = False
        else:
            value, suspect = _value(d, mo, y, q, h, y1, y2, ctx)
        any_suspect = any_suspect or suspect
        start = entity_start(rule, m, group_dict(m)) if behind else m.start()
        out.append(Found(start, m.end(), rule_id, {"value": value, "form": form, "suspect": suspect},
                         priority))
    if any_suspect:  # rare: select only then, to warn for winners alone
        # The pipeline selects again; the order is total, so it keeps the same winners.
        _warn_suspects(ctx, select(out)[0])
    return out


def _warn_suspects(ctx: MatchContext, winners: list[Found]) -> None:
    """W302 for every selected date that is impossible as printed."""
    for f in winners:
        if f.fields.get("suspect"):
            span = ctx.norm.to_original(f.start, f.end)
            ctx.warnings.append(diagnostics.warn(
                "W302", f"impossible date as printed: {ctx.text[f.start:f.end]!r} kept as {f.fields['value']}",
                span=span))

