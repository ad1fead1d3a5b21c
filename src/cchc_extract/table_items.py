"""Put the rows of task tables into the layout: as items of kind ``row`` where a row opens with
its number (tab or one-cell-per-line tables), as text of the item holding the table where it
opens with "|" (markdown tables) or with text (a table with no number column: `_attach`).

Runs right after `structure.analyze` (before the matchers), so that entities in a
row get the row's path from `Layout.item_at`.  The path scheme is described in
`cchc_extract.tables`.  Items the structure pass saw inside a task table (a
``| 1. | ...`` row read as a numbered line) are replaced by the rows, and the table
is cut out of the own text of the item that holds it, so its bodies do not leak
into that item's directive.
"""
from __future__ import annotations

import heapq
from bisect import bisect_right
from typing import Optional

import regex

from .normalize import NormalizedText, to_normalized
from .startup_cache import compile_regex
from .structure import ItemNode, Layout
from .tables import ANNEX_HEADING, LABEL_AND_TEXT, ROMAN_OR_LETTER, Row, TaskTable, find_task_tables

ROLE_COLUMNS = ("lead", "support", "deadline", "product")
DEDUP_SUFFIX = compile_regex(r"^(.*)~\d+$", regex.S)     # structure's "made unique" suffix


def task_tables(layout: Layout) -> list[TaskTable]:
    """The task tables found by add_table_items (empty when none or not run)."""
    return getattr(layout, "task_tables", None) or []


def add_table_items(norm: NormalizedText, layout: Layout) -> list[TaskTable]:
    """Find task tables in norm.original and add one ItemNode per data row to layout.items.

    Cost: one pass over the items plus a bisect per table (no scan per table)."""
    original = norm.original
    tables = find_task_tables(original)  # (its tests of "|", tab and "TT" keep plain text cheap)
    layout.task_tables = tables          # read back by table_directives via task_tables()
    if not tables:
        return tables
    ranges = [(to_norm(norm, t.start), to_norm(norm, t.end)) for t in tables]
    owners = _owners(layout, norm.text, [ns for ns, _ in ranges])
    dropped = _clear(layout, ranges)
    if dropped:
        _restore_paths(layout, dropped)
    _trim_texts(owners, original, tables)
    used: set[str] = {it.path for it in layout.items}
    rows: list[ItemNode] = []
    n = 0
    for table, owner, (ts, te) in zip(tables, owners, ranges):
        if not table.rows_are_items:
            _attach(layout, norm.original, table, owner, ts, te)
            continue
        n += 1
        rows.extend(_row_items(norm, table, n, owner, used))
    # both lists are sorted by start; on a tie the structure's item comes first
    layout.items[:] = list(heapq.merge(layout.items, rows, key=lambda it: it.start))
    layout._index = None                 # item_at must see the rows and the cut parts
    # warnings about list numbering of the dropped items ("| 1. |" read as a label) are moot
    spans = [(t.start, t.end) for t in tables]
    layout.warnings[:] = [w for w in layout.warnings
                          if not (w.code in ("W203", "W204") and w.span and _inside(spans, w.span[0]))]
    return tables


def _attach(layout: Layout, original: str, table: TaskTable, owner: Optional[ItemNode],
            start: int, end: int) -> None:
    """A markdown table's rows make no items: a row opens with "|", not with a label, so by
    ANNOTATION.md's label rule it is text of the item that holds the table (as the blind
    annotators read it).  Its entities belong to that item (`Layout.attached`) and each row's
    directive goes to it; outside every item they belong to none (or to the preamble)."""
    layout._index = None                 # _clear cut the items' parts
    item = owner.path if owner is not None else layout.item_at(start)
    if owner is not None:
        layout.attached.append((start, end, owner.path))
    for row, _, _ in _read_rows(original, table):
        row.path, row.item = "", item


def to_norm(norm: NormalizedText, p: int) -> int:
    """Normalized offset of original offset p (a line start or a cell boundary)."""
    return to_normalized(norm, p)


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Is pos inside one of the sorted, disjoint ranges?"""
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _owners(layout: Layout, text: str, positions: list[int]) -> list[Optional[ItemNode]]:
    """For each position: the item whose own text (else region) holds it, unless a PHỤ LỤC
    heading stands between that text and the position (then None: the table is an annex)."""
    parts = sorted((s, e, k) for k, it in enumerate(layout.items) for s, e in (it.parts or [(it.start, it.end)]))
    pstarts = [p[0] for p in parts]
    istarts = [it.start for it in layout.items]
    out: list[Optional[ItemNode]] = []
    for pos in positions:
        owner, from_ = None, pos
        i = bisect_right(pstarts, pos) - 1
        if i >= 0 and parts[i][0] <= pos < parts[i][1]:
            owner, from_ = layout.items[parts[i][2]], parts[i][0]
        else:
            # in no own text: the latest item (looking a few back) whose region holds pos
            k = bisect_right(istarts, pos) - 1
            for j in range(k, max(-1, k - 50), -1):
                it = layout.items[j]
                if it.start <= pos < it.end:
                    owner, from_ = it, it.start
                    break
        if owner is not None and ANNEX_HEADING.search(text, from_, pos):
            owner = None
        out.append(owner)
    return out


def _clear(layout: Layout, ranges: list[tuple[int, int]]) -> dict[str, Optional[str]]:
    """Drop items that start inside a table; cut the tables out of the others' own text."""
    dropped = {it.path: it.parent for it in layout.items if _inside(ranges, it.start)}
    if dropped:
        layout.items[:] = [it for it in layout.items if it.path not in dropped]
    starts = [s for s, _ in ranges]
    for it in layout.items:
        while it.parent in dropped:          # a child after the table: up to a kept ancestor
            it.parent = dropped[it.parent]
        parts = it.parts or [(it.start, it.end)]
        cut = []
        for s, e in parts:
            # the tables overlapping [s, e): from the last starting at or before s
            k = max(0, bisect_right(starts, s) - 1)
            pos = s
            while k < len(ranges) and ranges[k][0] < e:
                ts, te = ranges[k]
                if te > pos:
                    if ts > pos:
                        cut.append((pos, ts))
                    pos = max(pos, te)
                k += 1
            if pos < e:
                cut.append((pos, e))
        if cut != parts:
            it.parts = cut or parts
    return dropped


def _trim_texts(owners: list[Optional[ItemNode]], original: str, tables: list[TaskTable]) -> None:
    """An item whose own text ran into a task table (its owner) ends before it: the rows are its
    children.  A markdown table's rows are no items: the table stays in the text (its `ends`)."""
    for table, owner in zip(tables, owners):
        if owner is None or not table.rows_are_items:
            continue
        nl = original.find("\n", table.start)
        head = original[table.start:nl if nl >= 0 else table.end].strip("|* \t")   # its first row
        k = owner.text.find(head) if head else -1
        if k < 0 and "\t" in head:   # the item's text is normalized: a tab there is a space
            k = owner.text.find(head.replace("\t", " "))
        if k > 0:
            owner.text = owner.text[:k].rstrip("|* \t\n")


def _restore_paths(layout: Layout, dropped: dict[str, Optional[str]]) -> None:
    """Give back the paths the dropped rows took: "2. Sở Tài chính" after a "| 2. |" row was
    made unique as ``I/2~2``; with the row gone it is ``I/2`` again (children follow)."""
    kept = {it.path for it in layout.items}
    renames: dict[str, str] = {}
    for it in layout.items:
        old_parent = it.parent
        path = it.path
        if old_parent in renames and path.startswith(old_parent + "/"):
            path = renames[old_parent] + path[len(old_parent):]
        m = DEDUP_SUFFIX.match(path)
        if m and m.group(1) in dropped and m.group(1) not in kept:
            path = m.group(1)
        if path != it.path and path not in kept:
            kept.discard(it.path)
            kept.add(path)
            renames[it.path] = path
            it.path = path
        if old_parent in renames:
            it.parent = renames[old_parent]
    if renames:
        layout.warnings[:] = [w for w in layout.warnings if not (
            w.code == "W204" and any(w.message.endswith(f" as {old}") for old in renames))]


def _clean(cell: str) -> str:
    return " ".join(cell.replace("**", "").split())


def _row_cells(original: str, row: Row) -> list[str]:
    """Cleaned cell texts; a cell wrapped over continuation lines is joined with spaces."""
    cells = [_clean(original[a:b]) for a, b in row.cells]
    for line in row.more:
        for i, (a, b) in enumerate(line):
            piece = _clean(original[a:b])
            if not piece:
                continue
            if i >= len(cells):
                cells.extend([""] * (i + 1 - len(cells)))
            cells[i] = f"{cells[i]} {piece}" if cells[i] else piece
    return cells


def _read_rows(original: str, table: TaskTable):
    """(row, its cleaned cells, its STT as written) of each data row, with row.label (the STT, or
    the row's position when the cell is empty) and row.section set."""
    content_col = table.columns.get("task")
    number_col = table.columns.get("number", 0)
    for k, row in enumerate(table.rows, 1):
        cells = _row_cells(original, row)
        label, content = _label_and_content(cells, number_col, content_col)
        row.label = label or str(k)
        row.section = _is_section(table, row, cells, label, content)
        yield row, cells, label


def _row_items(norm: NormalizedText, table: TaskTable, n: int, owner: Optional[ItemNode],
               used: set[str]) -> list[ItemNode]:
    """The rows' items.  Their paths are the labels of the holding item and their own STT
    (`III/1/2`, `2` outside every item), as ANNOTATION.md defines a path and as annotators who
    make rows items write them; only where one would repeat a path the document already has
    do the table's rows go under `<base>/t<N>` (`annex/t<N>` outside every item)."""
    trial = set(used)
    rows, clash = _rows_under(norm, table, owner, owner.path if owner else "", trial, used)
    if clash:
        rows, _ = _rows_under(norm, table, owner, f"{owner.path if owner else 'annex'}/t{n}", used, used)
    else:
        used |= trial
    return rows


def _rows_under(norm: NormalizedText, table: TaskTable, owner: Optional[ItemNode], base: str,
                taken: set[str], before: set[str]) -> tuple[list[ItemNode], bool]:
    """Row items with paths under base (paths made unique in taken); and whether a row's path
    was one the document had before (in before)."""
    original = norm.original
    clash = False
    base_parent, base_depth = (owner.path, owner.depth) if owner else (None, 0)
    out: list[ItemNode] = []
    section: Optional[ItemNode] = None
    for k, (row, cells, label) in enumerate(_read_rows(original, table), 1):
        seg = (label.rstrip(".)").replace("/", "-").replace(" ", "-") or str(k)) if label else str(k)
        parent, depth = (section.path, section.depth) if section and not row.section else (base_parent, base_depth)
        prefix = section.path if section and not row.section else base
        wanted = f"{prefix}/{seg}" if prefix else seg
        clash = clash or wanted in before
        path = _unique(wanted, taken)
        row.path = row.item = path
        rs, re_ = to_norm(norm, row.start), to_norm(norm, row.end)
        item = ItemNode(label=row.label, path=path, kind="row", depth=depth + 1, parent=parent,
                        start=rs, end=re_, text=" | ".join(cells), parts=[(rs, re_)])
        out.append(item)
        if row.section:
            section = item
        elif section is not None:
            section.end = max(section.end, re_)   # a section's region runs over its rows
    return out, clash


def _label_and_content(cells: list[str], number_col: int, content_col: Optional[int]) -> tuple[str, str]:
    """(STT as written, task text); an STT cell holding "I. CẢI CÁCH ..." gives both."""
    first = cells[number_col] if number_col < len(cells) else ""
    content = cells[content_col] if content_col is not None and content_col < len(cells) else ""
    m = LABEL_AND_TEXT.match(first)
    if m:
        return m.group(1), content or m.group(2)
    if ROMAN_OR_LETTER.match(first) or (first and len(first) <= 8 and any(c.isdigit() for c in first)):
        return first, content
    return "", content or first


def _is_section(table: TaskTable, row: Row, cells: list[str], label: str, content: str) -> bool:
    """A sub-header row: no body, date or product cell filled, and a roman/letter label or capitals."""
    for col in ROLE_COLUMNS:
        i = table.columns.get(col)
        if i is not None and i < len(cells) and cells[i]:
            return False
    letters = [c for c in content if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    return bool(ROMAN_OR_LETTER.match(label)) or upper


def _unique(path: str, used: set[str]) -> str:
    out, k = path, 1
    while out in used:
        k += 1
        out = f"{path}~{k}"
    used.add(out)
    return out


def time_cells(ctx, rules: list):
    """(rule, match) for each time-column cell of a task table that one of the table-cell
    rules matches whole: the deadline matcher's own cell scan needs a "Thời gian hoàn
    thành" header and cells split by 2+ spaces, so it misses "Thời gian"/"Tiến độ"
    columns and tab-separated tables."""
    layout = getattr(ctx, "layout", None)
    tables = task_tables(layout) if layout is not None else []
    if not tables or not rules:
        return
    norm, text = ctx.norm, ctx.text
    for table in tables:
        for row in table.rows:
            cell = None if row.section else table.cell(row, "deadline")
            if cell is None or not 0 < cell[1] - cell[0] <= 60:
                continue
            ns, ne = to_norm(norm, cell[0]), to_norm(norm, cell[1])
            while ne > ns and text[ne - 1].isspace():
                ne -= 1
            # a note in brackets after the time is no part of it ("Tháng 9/2023<br>(đợt 1)": a web
            # page's cell, its "<br>" a space by now)
            note = text.rfind(" (", ns, ne) if text[ne - 1:ne] == ")" else -1
            for rule in rules:
                m = rule.regex.fullmatch(text, ns, ne)
                if m is None and note > ns:
                    m = rule.regex.fullmatch(text, ns, note)
                if m:
                    yield rule, m
                    break
