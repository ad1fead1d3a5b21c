"""Calendar helpers shared by the date and deadline matchers.

Values are partial ISO strings (ANNOTATION.md): ``2023-11-28``, ``2023-11``,
``2023-Q1``, ``2024-H1``, ``2023``, ``2021/2025``.  Nothing here reads the
clock: relative forms resolve against a reference date passed in.
"""
from __future__ import annotations

import calendar
import datetime as _dt
from typing import Optional

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}


def roman_or_int(s: str) -> Optional[int]:
    s = s.strip().upper()
    if s in ROMAN:
        return ROMAN[s]
    return int(s) if s.isdigit() else None


# a day, month or year written in words, as formal documents date themselves ("ngày tám tháng Bảy năm
# 2021", "năm hai nghìn không trăm hai mươi sáu")
_UNIT_WORDS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
               "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "giêng": 1, "chạp": 12}


def number_value(s: str) -> int:
    """int of figures, or of Vietnamese number words ("hai mươi mốt" -> 21, "mười hai" -> 12,
    "hai nghìn không trăm hai mươi sáu" -> 2026, "hai nghìn linh năm" -> 2005)."""
    if s.isdigit():
        return int(s)
    words = s.lower().split()
    if not words or (words[0] != "mười" and words[0] not in _UNIT_WORDS):
        return int(s)   # a digit int() does not know raises ValueError, as any figure would
    total = group = last = 0      # thousands done, the hundreds-tens of the group, the last unit word
    for w in words:
        if w == "mười":
            group += 10
        elif w == "mươi":
            group, last = group + last * 10, 0
        elif w == "trăm":
            group, last = group + last * 100, 0
        elif w in ("nghìn", "ngàn"):
            total, group, last = total + (group + last) * 1000, 0, 0
        elif w not in ("linh", "lẻ"):
            last = _UNIT_WORDS.get(w, 0)
    return total + group + last


def is_valid_day(y: int, m: int, d: int) -> bool:
    """A real calendar day in a plausible year for an administrative text."""
    if not (1900 <= y <= 2100 and 1 <= m <= 12):
        return False
    return 1 <= d <= calendar.monthrange(y, m)[1]


def day_iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter_iso(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def half_iso(y: int, h: int) -> str:
    return f"{y:04d}-H{h}"


def last_day_of_month(y: int, m: int) -> str:
    return day_iso(y, m, calendar.monthrange(y, m)[1])


def day_before(y: int, m: int, d: int) -> str:
    return (_dt.date(y, m, d) - _dt.timedelta(days=1)).isoformat()


def end_of(value: str) -> Optional[str]:
    """The last day covered by a partial ISO value ('2023-Q1' -> '2023-03-31')."""
    try:
        if "/" in value:
            return end_of(value.split("/")[1])
        if len(value) == 4:
            return f"{value}-12-31"
        y = int(value[:4])
        rest = value[5:]
        if rest.startswith("Q"):
            return last_day_of_month(y, int(rest[1:]) * 3)
        if rest.startswith("H"):
            return last_day_of_month(y, 6 if rest[1:] == "1" else 12)
        if len(value) == 7:
            return last_day_of_month(y, int(rest))
        if len(value) == 10:
            return value
    except (ValueError, IndexError):
        return None
    return None


def start_of(value: str) -> Optional[str]:
    """The first day covered by a partial ISO value ('2023-Q2' -> '2023-04-01')."""
    try:
        if "/" in value:
            return start_of(value.split("/")[0])
        if len(value) == 4:
            return f"{value}-01-01"
        y = int(value[:4])
        rest = value[5:]
        if rest.startswith("Q"):
            return day_iso(y, (int(rest[1:]) - 1) * 3 + 1, 1)
        if rest.startswith("H"):
            return day_iso(y, 1 if rest[1:] == "1" else 7, 1)
        if len(value) == 7:
            return day_iso(y, int(rest), 1)
        if len(value) == 10:
            return value
    except (ValueError, IndexError):
        return None
    return None
