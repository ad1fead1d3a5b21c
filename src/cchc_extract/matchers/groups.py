"""A pattern's named groups read by number.

`regex` reads a group name only after failing to read it as a number, which raises and
formats a TypeError: each named access (m.start("y"), m.group("num")) and each group of a
groupdict() costs about as much as a short match.  The numbers are facts of the rule
patterns, looked up once per pattern."""
from __future__ import annotations

_ITEMS: dict = {}     # pattern -> ((name, index into m.groups()), ...)
_NUMBERS: dict = {}   # (pattern, names) -> numbers of those of the names it has


def group_dict(m) -> dict:
    """m.groupdict() (same keys, order and values), read by group number."""
    items = _ITEMS.get(m.re)
    if items is None:
        items = _ITEMS[m.re] = tuple((name, number - 1) for name, number in m.re.groupindex.items())
    values = m.groups()
    return {name: values[i] for name, i in items}


def group_numbers(rx, names: tuple[str, ...]) -> tuple[int, ...]:
    """The numbers of the groups of rx named in `names` (in that order; absent names left out)."""
    key = (rx, names)
    numbers = _NUMBERS.get(key)
    if numbers is None:
        index = rx.groupindex   # a fresh dict per read
        numbers = _NUMBERS[key] = tuple(index[n] for n in names if n in index)
    return numbers
