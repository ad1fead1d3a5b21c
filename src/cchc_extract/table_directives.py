"""One directive per task row of a task table (see `cchc_extract.tables`).

Its item is the row's own path where rows are items, else (a markdown table, whose rows
are text of the item holding it) that item's path, or null outside every item.

lead = the bodies inside the row's responsible-body cell, support = those inside
its "phối hợp" cell; modality ``assign``, lead_source ``table``; deadlines, targets
and references are those whose item is the row's path (of a markdown row: those inside it).  Section sub-header rows
make no directive.  A row whose responsible cell names no recognised body gets no
lead (build_directives then warns W401).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

import regex

from .matchers import MatchContext
from .models import Directive, Document, list_validator
from .startup_cache import compile_regex
from .table_items import task_tables
from .tables import Row, TaskTable


def table_row_paths(ctx: MatchContext) -> set[str]:
    """Paths of every table row that is an item (task and section rows): build_directives skips
    them.  A markdown table's rows are no items (see table_items._attach)."""
    if ctx.layout is None:
        return set()
    return {row.path for t in task_tables(ctx.layout) for row in t.rows if row.path}


def table_directives(doc: Document, ctx: MatchContext,
                     links: Optional[dict[str, dict[str, list[str]]]] = None) -> list[Directive]:
    """links: item path -> {deadlines|targets|references: ids}, when the caller has it."""
    return list_validator(Directive).validate_python(table_rows(doc, ctx, links))


def table_rows(doc: Document, ctx: MatchContext,
               links: Optional[dict[str, dict[str, list[str]]]] = None) -> list[dict]:
    """table_directives as the Directives' fields, not validated (build_directives validates
    every directive of a document in one call)."""
    tables = task_tables(ctx.layout) if ctx.layout is not None else []
    if not tables:
        return []
    starts = [b.span[0] for b in doc.bodies]     # bodies are in document order
    if links is None:
        links = item_links(doc)
    out = []
    located = None
    for table in tables:
        for row in table.rows:
            if row.section:
                continue
            if row.path:
                out.append(_row(doc, ctx, table, row, starts, links.get(row.path, {})))
            elif not table.rows_are_items:   # no item of its own: its entities are the ones inside it
                if located is None:
                    located = {k: (getattr(doc, k), [x.span[0] for x in getattr(doc, k)])
                               for k in ("deadlines", "targets", "references")}
                out.append(_row(doc, ctx, table, row, starts, _inside_row(located, row)))
    return out


def settle_holders(directives: list[dict], rows: list[dict]) -> list[dict]:
    """The directives of items that hold a markdown table (its rows' directives carry the
    holding item's path): the rows say who does each task, so a holder's roles that were only
    inherited (from a heading, the preamble, the recipients) give way to them, as an item's own
    "Giao X" replaces what it inherits; a holder that names its own actors keeps them, without
    the rows' deadlines, targets and references."""
    held: dict[str, set[str]] = {}
    for r in rows:
        if r["item"] is not None and r["lead"]:
            ids = held.setdefault(r["item"], set())
            for kind in ("deadlines", "targets", "references"):
                ids.update(r[kind])
    if not held:
        return directives
    out = []
    for d in directives:
        ids = held.get(d["item"])
        if ids is None:
            out.append(d)
        elif d["lead_source"] == "explicit":
            for kind in ("deadlines", "targets", "references"):
                d[kind] = [x for x in d[kind] if x not in ids]
            out.append(d)
    return out


def _inside_row(located: dict[str, tuple[list, list[int]]], row: Row) -> dict[str, list[str]]:
    """{deadlines|targets|references: ids} of the entities whose span lies inside the row
    (located: each kind's entities and their starts, in document order)."""
    out: dict[str, list[str]] = {}
    for kind, (ents, starts) in located.items():
        i = bisect_left(starts, row.start)
        ids = []
        while i < len(ents) and ents[i].span[0] < row.end:
            if ents[i].span[1] <= row.end:
                ids.append(ents[i].id)
            i += 1
        if ids:
            out[kind] = ids
    return out


def item_links(doc: Document) -> dict[str, dict[str, list[str]]]:
    """item path -> {deadlines|targets|references: ids}, in one pass over the entities."""
    links: dict[str, dict[str, list[str]]] = {}
    for kind in ("deadlines", "targets", "references"):
        for ent in getattr(doc, kind):
            if ent.item is not None:
                links.setdefault(ent.item, {}).setdefault(kind, []).append(ent.id)
    return links


def merge(directives: list[dict], rows: list[dict]) -> list[dict]:
    """Insert the row directives in document order without reordering the others (both as
    Directive fields, see table_rows)."""
    if not rows:
        return directives
    out: list[dict] = []
    i = 0
    for d in directives:
        while i < len(rows) and rows[i]["span"][0] < d["span"][0]:
            out.append(rows[i])
            i += 1
        out.append(d)
    out.extend(rows[i:])
    return out


def _bodies_in(doc: Document, starts: list[int], cells: list[tuple[int, int]]) -> list[dict]:
    """The fields of a BodyRef of every body inside the cells."""
    out = []
    for s, e in cells:
        for i in range(bisect_left(starts, s), len(starts)):
            b = doc.bodies[i]
            if b.span[0] >= e:
                break
            if b.span[1] <= e:
                out.append({"text": b.text, "span": b.span, "body": b.id or None})
    return out


def _row(doc: Document, ctx: MatchContext, table: TaskTable, row: Row, starts: list[int],
         own: dict[str, list[str]]) -> dict:
    lead = _bodies_in(doc, starts, table.cells_of(row, "lead"))
    support = _bodies_in(doc, starts, table.cells_of(row, "support"))
    # "| Sở A, Sở B |" in a cell headed "Cơ quan chủ trì, phối hợp": the first body leads
    if table.columns.get("support") is None and table.columns.get("lead") is not None and len(lead) > 1 \
            and _joint_header(ctx, table):
        lead, support = lead[:1], lead[1:]
    if len(lead) > 1:
        lead, also = _says_support(ctx.norm.original, lead)
        support = also + support
    if table.columns.get("support") is None:
        # no support column: the task cell names them ("Chủ trì, phối hợp với Văn phòng UBND tỉnh …")
        text = ctx.norm.original
        support += [r for r in _bodies_in(doc, starts, table.cells_of(row, "task"))
                    if _SUPPORT_BEFORE.search(text, max(0, r["span"][0] - 200), r["span"][0])]
    taken = {r["span"] for r in lead}
    support = [r for r in support if r["span"] not in taken]
    raw = ctx.norm.original[row.start:row.end]
    s = row.start + len(raw) - len(raw.lstrip())
    e = max(s, row.end - (len(raw) - len(raw.rstrip())))
    return {
        "text": ctx.norm.original[s:e], "span": (s, e), "item": row.item,
        "lead": lead, "support": support, "modality": "assign", "lead_source": "table" if lead else None,
        "deadlines": list(own.get("deadlines", [])), "targets": list(own.get("targets", [])),
        "references": list(own.get("references", [])),
    }


# a lead cell that names the roles itself ("Đoàn thanh tra chủ trì; Thanh tra tỉnh phối hợp", "Sở A chủ
# trì, phối hợp với Sở B"): the bodies so marked support
_SUPPORT_AFTER = compile_regex(r"[ \t]*(?:\([^()\n|]{0,60}\)[ \t]*)?phối[ \t]+hợp\b(?![ \t]+với)", regex.IGNORECASE)
_SUPPORT_BEFORE = compile_regex(r"phối[ \t]+hợp[ \t]+với[ \t]+(?:[^;|\n]{0,200}?)$", regex.IGNORECASE)


def _says_support(text: str, lead: list[dict]) -> tuple[list[dict], list[dict]]:
    """(lead, support) of a lead cell's bodies, by the roles its words give them; all lead unless
    one is left leading."""
    support = [r for r in lead if _SUPPORT_AFTER.match(text, r["span"][1])
               or _SUPPORT_BEFORE.search(text, max(0, r["span"][0] - 200), r["span"][0])]
    if not support or len(support) == len(lead):
        return lead, []
    kept = [r for r in lead if r not in support]
    return kept, support


def _joint_header(ctx: MatchContext, table: TaskTable) -> bool:
    """Does the lead column's header also say "phối hợp" (one column for both roles)?"""
    header = ctx.norm.original[table.start:table.rows[0].start] if table.rows else ""
    return "phối hợp" in header.lower() or "phoi hop" in header.lower()
