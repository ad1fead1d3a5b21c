"""The due date of a deadline phrase: pure calendar logic, no clock.

`When` is the calendar expression of a phrase (a day, month, quarter, half,
year or period, its year possibly missing).  `due_of` gives the last day that
still meets the deadline: the end of the expression for "trong/đến hết/chậm
nhất", and the day before it for "trước" (trước ngày 15/02 -> 14/02; trước
tháng 12 -> 30/11; trước quý II -> 31/03).  A missing year is taken from the
document date and rolled to the next year when the period would already be
over at that date; without a document date the phrase stays unresolved.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from .. import temporal

RECURRENCE = {"ngày": "daily", "tuần": "weekly", "tháng": "monthly", "quý": "quarterly",
              "năm": "yearly"}


@dataclass(frozen=True)
class When:
    unit: str                 # day, month, quarter, half, year, period
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    q: Optional[int] = None   # quarter 1-4
    h: Optional[int] = None   # half 1-2
    y0: Optional[int] = None  # first year of a period

    def iso(self) -> Optional[str]:
        """Partial ISO value (needs the year)."""
        if self.y is None:
            return None
        if self.unit == "day":
            return temporal.day_iso(self.y, self.m, self.d)
        if self.unit == "month":
            return temporal.month_iso(self.y, self.m)
        if self.unit == "quarter":
            return temporal.quarter_iso(self.y, self.q)
        if self.unit == "half":
            return temporal.half_iso(self.y, self.h)
        if self.unit == "period":
            return f"{self.y0:04d}/{self.y:04d}"
        return f"{self.y:04d}"

    def valid(self) -> bool:
        if self.unit == "day":
            return (self.m is not None and self.d is not None
                    and temporal.is_valid_day(self.y if self.y else 2000, self.m, self.d))
        if self.unit == "month":
            return self.m is not None and 1 <= self.m <= 12
        if self.unit == "period":
            return self.y0 is not None and self.y is not None and self.y0 <= self.y
        return True


def _int(s: Optional[str]) -> Optional[int]:
    """The number, or None (also for digits this Python's int() does not know)."""
    if not s:
        return None
    try:
        return temporal.number_value(s)       # figures, or a month in words ("tháng Tám")
    except ValueError:
        return None


def when_from_groups(g: dict) -> Optional[When]:
    """Build a When from a match's named groups (d, m, q, h, y, y0)."""
    y = _int(g.get("y"))
    if g.get("d"):
        return When("day", y, _int(g.get("m")), _int(g["d"]))
    if g.get("m"):
        return When("month", y, _int(g["m"]))
    if g.get("q"):
        return When("quarter", y, q=temporal.roman_or_int(g["q"]))
    if g.get("h"):
        return When("half", y, h=1 if g["h"].lower() == "đầu" else 2)
    if g.get("y0"):
        return When("period", y, y0=_int(g["y0"]))
    if y is not None:
        return When("year", y)
    return None


def _doc_year(doc_date: Optional[str]) -> Optional[int]:
    if doc_date and len(doc_date) >= 4 and doc_date[:4].isdigit():
        return int(doc_date[:4])
    return None


def resolve_year(when: When, doc_date: Optional[str]) -> Optional[When]:
    """Fill a missing year from the document date; None when there is none."""
    if when.y is not None:
        return when
    year = _doc_year(doc_date)
    if year is None:
        return None
    filled = replace(when, y=year)
    if not filled.valid():        # 29/02 in a non-leap year: keep the printed day, fail later
        return filled
    doc_start = temporal.start_of(doc_date) if len(doc_date) >= 7 else None
    end = temporal.end_of(filled.iso() or "")
    if doc_start and end and end < doc_start:
        filled = replace(filled, y=year + 1)   # already over at the document date: next year
    return filled


def _before(when: When) -> Optional[str]:
    """Last day before the expression starts."""
    start = temporal.start_of(when.iso() or "")
    if start is None:
        return None
    y, m, d = (int(x) for x in start.split("-"))
    return temporal.day_before(y, m, d)


def due_of(when: When, before: bool) -> Optional[str]:
    """Due date (ISO day) of a resolved When, or None for an impossible date."""
    if when.y is None or not when.valid():
        return None
    if before:
        return _before(when)
    return temporal.end_of(when.iso() or "")


def compute_due(groups: dict, before: bool, doc_date: Optional[str]) -> tuple[Optional[str], bool, bool]:
    """(due, resolved, suspect) for a matched phrase.

    resolved is False when a relative form has no document date to resolve against;
    suspect is True when the printed date does not exist."""
    when = when_from_groups(groups)
    if when is None:
        return None, False, False
    if not when.valid():          # no such day or month whatever the year (31/4, tháng 13)
        return None, False, True
    full = resolve_year(when, doc_date)
    if full is None:
        return None, False, False
    if not full.valid():
        return None, False, True
    return due_of(full, before), True, False


def recurrence_of(unit: Optional[str]) -> Optional[str]:
    return RECURRENCE.get((unit or "").lower())


EVERY = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y"}
# the recurrences the gold format names (ANNOTATION.md: monthly, quarterly, yearly); a daily or
# weekly cycle says how often in `every` alone, as a counted period without a name does
NAMED_RECURRENCES = frozenset({"monthly", "quarterly", "yearly"})
_PERIOD_UNIT = {"ngày": (1, "D"), "tuần": (1, "W"), "tháng": (1, "M"), "quý": (3, "M"), "năm": (1, "Y")}
_NAMED = {(1, "M"): "monthly", (3, "M"): "quarterly", (12, "M"): "yearly", (1, "Y"): "yearly"}


def counted_period(n: str, unit: str) -> tuple[str, Optional[str]]:
    """A counted period ("6", "tháng") as an ISO 8601 duration ("P6M"), and the named recurrence
    it equals ("03 tháng": quarterly), or None when it has no name."""
    mult, code = _PERIOD_UNIT[" ".join(unit.lower().split())]
    count = int(n) * mult
    return f"P{count}{code}", _NAMED.get((count, code))
