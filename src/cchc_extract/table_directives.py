"""One directive per task row of a task table (see `cchc_extract.tables`).

lead = the bodies inside the row's responsible-body cell, support = those inside
its "phối hợp" cell; modality ``assign``, lead_source ``table``; deadlines, targets
and references are those whose item is the row's path.  Section sub-header rows
make no directive.  A row whose responsible cell names no recognised body gets no
lead (build_directives then warns W401).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from .matchers import MatchContext
from .models import Directive, Document, list_validator
from .table_items import task_tables
from .tables import Row, TaskTable


def table_row_paths(ctx: MatchContext) -> set[str]:
    """Paths of every table row (task and section rows): build_directives skips them."""
    return {row.path for t in task_tables(ctx.layout) for row in t.rows} if ctx.layout is not None else set()


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
    for table in tables:
        for row in table.rows:
            if not row.section and row.path:
                out.append(_row(doc, ctx, table, row, starts, links.get(row.path, {})))
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
    taken = {r["span"] for r in lead}
    support = [r for r in support if r["span"] not in taken]
    raw = ctx.norm.original[row.start:row.end]
    s = row.start + len(raw) - len(raw.lstrip())
    e = max(s, row.end - (len(raw) - len(raw.rstrip())))
    return {
        "text": ctx.norm.original[s:e], "span": (s, e), "item": row.path,
        "lead": lead, "support": support, "modality": "assign", "lead_source": "table" if lead else None,
        "deadlines": list(own.get("deadlines", [])), "targets": list(own.get("targets", [])),
        "references": list(own.get("references", [])),
    }


def _joint_header(ctx: MatchContext, table: TaskTable) -> bool:
    """Does the lead column's header also say "phối hợp" (one column for both roles)?"""
    header = ctx.norm.original[table.start:table.rows[0].start] if table.rows else ""
    return "phối hợp" in header.lower() or "phoi hop" in header.lower()
