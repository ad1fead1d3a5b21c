"""Task tables flattened into lines: a key line names the columns, each item below is a row.

A plan copied out of Word or a PDF often loses its table and keeps one line per row, cells joined
by a spaced dash, under a line in brackets that names the columns:

    (Lĩnh vực – Cơ quan chủ trì – Cơ quan phối hợp – Thời gian)
    a) Cải cách thủ tục hành chính – Văn phòng UBND tỉnh – Trung tâm PVHCC tỉnh, UBND các xã – Hằng tháng.

The key line is a task-table header by the same rules as a real table's (rules/_tables.yaml); an
item under the one holding it whose text splits into as many cells is a row, and the bodies in its
lead and support cells are its lead and support.  A dash inside a body's name ("Sở Lao động -
Thương binh và Xã hội") is no cell border, and one in the task's own words (the first column, "kinh tế -
xã hội") joins the extra cells to it.  The key line may be in square brackets too.
When the key names the time column last, a row's last cell is its deadline (time_cells, read
by the deadline matcher with the table-cell rules).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterator, Optional, Sequence

from .startup_cache import compile_regex
from .tables import header_columns

_BORDER = compile_regex(r"[ \t]+[–—-][ \t]+")
_KEY_LINE = compile_regex(r"^[ \t]*(?:\((?P<cells>[^()\n]{8,300})\)|\[(?P<square>[^\[\]\n]{8,300})\])[ \t]*:?[ \t]*$")


def key_columns(line: str) -> Optional[tuple[dict[str, int], int]]:
    """(column -> cell index, number of cells) of a bracketed key line, or None."""
    m = _KEY_LINE.match(line)
    if m is None:
        return None
    cells = [c.strip() for c in _BORDER.split(m.group("cells") or m.group("square"))]
    if len(cells) < 3:
        return None
    cols = header_columns(cells)
    return (cols, len(cells)) if cols and "lead" in cols else None


def has_key_line(text: str) -> bool:
    """Whether a line of text is a flattened table's key line (one opening with a bracket)."""
    for opener in ("(", "["):
        starts = [0] if text.startswith(opener) else []
        p = text.find("\n" + opener)
        while p >= 0:
            starts.append(p + 1)
            p = text.find("\n" + opener, p + 1)
        for ls in starts:
            le = text.find("\n", ls)
            if key_columns(text[ls:le if le >= 0 else len(text)].rstrip("\r")) is not None:
                return True
    return False


def _cells(text: str, inside: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of text's cells; `inside`: local spans of body names, whose dashes are kept."""
    cuts, pos = [], 0
    for m in _BORDER.finditer(text):
        if any(s < m.start() < e for s, e in inside):
            continue
        cuts.append((pos, m.start()))
        pos = m.end()
    cuts.append((pos, len(text)))
    return cuts


def _nearest_key(path: str, keys: dict) -> Optional[tuple[dict[str, int], int]]:
    """The key of the closest item above `path` that holds one ("III" for "III/1/a")."""
    parts = path.split("/")
    for k in range(len(parts) - 1, 0, -1):
        key = keys.get("/".join(parts[:k]))
        if key is not None:
            return key
    return None


def _free_text_first(cols: dict[str, int]) -> bool:
    """The first column holds the task's own words (no role, time or number column)."""
    return 0 not in {v for k, v in cols.items() if k != "task"}


def flat_rows(units: list, bodies, text: str) -> dict[str, tuple[list[int], list[int]]]:
    """path -> (lead, support body indices) of every item that is a row of a flattened task table.

    units: directives.Unit objects in document order; bodies: normalized (start, end) of every
    body in document order, with `.starts` for bisection; text: the normalized text."""
    keys = _keys_of(units, text)      # the key line: a paragraph of its own
    if not keys:
        return {}
    out: dict[str, tuple[list[int], list[int]]] = {}
    for u in units:
        if "–" not in u.text and " - " not in u.text:
            continue
        key = _nearest_key(u.path, keys)    # under the key's item, or under a group heading below it
        if key is None:
            continue
        cols, n = key
        first, stop = bisect_left(bodies.starts, u.parts[0][0]), bisect_left(bodies.starts, u.end)
        names = []
        for i in range(first, stop):
            s, e = bodies[i]
            ls = u.local(s)
            if ls is not None:
                names.append((ls, ls + e - s, i))
        cells = _cells(u.text, [(s, e) for s, e, _ in names])
        shift = 0
        if len(cells) == n - 1 and cols.get("number") == 0:
            shift = 1                    # "(STT - Nội dung - …)" over "1. Rà soát … - …": the label is the STT
        elif len(cells) > n and _free_text_first(cols):
            # a dash in the task's own words ("phát triển kinh tế - xã hội"): the extra cells are its
            cells = [(cells[0][0], cells[len(cells) - n][1])] + cells[len(cells) - n + 1:]
        elif len(cells) != n:
            continue

        def named(col: str) -> list[int]:
            k = cols.get(col)
            if k is None or k - shift < 0:
                return []
            a, b = cells[k - shift]
            return [i for s, e, i in names if a <= s and e <= b]
        lead = named("lead")
        if lead:
            out[u.path] = (lead, [i for i in named("support") if i not in lead])
    return out


def _keys_of(items, text: str) -> dict[str, tuple[dict[str, int], int]]:
    """path -> key columns of each item (ItemNode or directives.Unit) holding a key line as a
    paragraph of its own."""
    keys: dict[str, tuple[dict[str, int], int]] = {}
    for it in items:
        if len(it.parts) > 1 and ("(" in it.text or "[" in it.text):
            for s, e in it.parts[1:]:
                found = key_columns(text[s:e])
                if found is not None:
                    keys[it.path] = found
                    break
    return keys


def time_cells(ctx, rules: list) -> Iterator[tuple]:
    """(rule, match) for the time cell of each row of a flattened task table whose key names the
    time column last ("… – Thời gian hoàn thành)"): the row's last cell, when a table-cell rule
    (rules/deadlines.yaml, needs: table) matches it whole ("… – Sở Nội vụ – Quý II/2025.")."""
    items = getattr(getattr(ctx, "layout", None), "items", None)
    if not items or not rules:
        return
    text = ctx.text
    keys = _keys_of(items, text)
    if not keys:
        return
    for it in items:
        key = _nearest_key(it.path, keys)
        if key is None or not it.parts:
            continue
        cols, n = key
        if cols.get("deadline") != n - 1:
            continue
        s, e = it.parts[0]
        last = None
        borders = 0
        for m in _BORDER.finditer(text, s, e):
            borders += 1
            last = m
        # n - 1 borders, or n - 2 where the key's first column is the STT that the label holds
        if last is None or borders < n - 1 - (cols.get("number") == 0):
            continue
        cs, ce = last.end(), e
        while ce > cs and text[ce - 1] in " \t.;":
            ce -= 1
        if not 0 < ce - cs <= 60:
            continue
        # the whole cell, or each of its times ("Tháng 6/2026 và tháng 11/2026": two deadlines)
        found = _cell_time(rules, text, cs, ce)
        if found is not None:
            yield found
            continue
        ps = cs
        for sep in _TIME_SEP.finditer(text, cs, ce):
            found = _cell_time(rules, text, ps, sep.start())
            if found is not None:
                yield found
            ps = sep.end()
        if ps > cs:
            found = _cell_time(rules, text, ps, ce)
            if found is not None:
                yield found


_TIME_SEP = compile_regex(r"\s*[,;]\s*|\s+và\s+")


def _cell_time(rules: list, text: str, s: int, e: int) -> Optional[tuple]:
    for rule in rules:
        m = rule.regex.fullmatch(text, s, e)
        if m:
            return rule, m
    return None
