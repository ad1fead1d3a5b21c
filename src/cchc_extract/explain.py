"""`cchc explain FILE [--kind K]`: every entity with the rule that produced it and
the candidates it beat (overlapping candidates of the same kind that `select`
dropped), as Rich tables.  `--kind directives` shows who leads each item and why."""
from __future__ import annotations

from bisect import bisect_left
from pathlib import Path
from typing import Optional

from rich.console import Console
from rich.table import Table

from .errors import EXIT_USAGE, CchcError
from .matchers import Found
from .models import ENTITY_KINDS, Document

KINDS = ENTITY_KINDS + ("directives",)


class KindError(CchcError):
    exit_code = EXIT_USAGE
    code = "E002"


def beaten(winners: list[Found], losers: list[Found]) -> list[list[Found]]:
    """For each winner, the losers overlapping it (both in normalized offsets)."""
    order = sorted(losers, key=lambda f: f.start)
    starts = [f.start for f in order]
    longest = max((f.end - f.start for f in order), default=0)
    out = []
    for w in winners:
        i = bisect_left(starts, w.start - longest)
        hits = []
        while i < len(order) and order[i].start < w.end:
            if order[i].end > w.start:
                hits.append(order[i])
            i += 1
        out.append(hits)
    return out


def explain_rows(doc: Document, ctx, kind: str) -> list[tuple[str, ...]]:
    """Rows: id, text, span, rule, details (fields), beaten candidates."""
    if kind == "directives":
        return [(d.id, d.item, f"{d.span[0]}–{d.span[1]}", d.lead_source or "",
                 f"lead: {', '.join(b.text for b in d.lead) or '—'}; "
                 f"support: {', '.join(b.text for b in d.support) or '—'}; {d.modality or ''}", "")
                for d in doc.directives]
    ents = getattr(doc, kind)
    winners = ctx.found.get(kind, []) if ctx is not None else []
    losers = ctx.losers.get(kind, []) if ctx is not None else []
    lost = beaten(winners, losers) if len(winners) == len(ents) else [[] for _ in ents]
    rows = []
    for ent, beat in zip(ents, lost):
        fields = {k: v for k, v in ent.model_dump().items()
                  if k not in ("id", "text", "span", "rule") and v not in (None, "", False, [], {})}
        desc = "; ".join(f"{_quote(ctx, f)} ({f.rule}, p{f.priority})" for f in beat)
        rows.append((ent.id, ent.text, f"{ent.span[0]}–{ent.span[1]}", ent.rule,
                     ", ".join(f"{k}={v}" for k, v in fields.items()), desc))
    return rows


def _quote(ctx, f: Found) -> str:
    s, e = ctx.norm.to_original(f.start, f.end)
    text = ctx.norm.original[s:e]
    return repr(text if len(text) <= 60 else text[:57] + "...")


def run_explain(path: Path, kind: Optional[str] = None, console: Optional[Console] = None) -> None:
    from .pipeline import extract_with_context
    from .reading import read_path

    if kind is not None and kind not in KINDS:
        raise KindError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    decoded, source = read_path(Path(path))
    doc, ctx = extract_with_context(decoded.text, source)
    doc.warnings[0:0] = decoded.warnings     # reading problems (encoding, mojibake) come first
    console = console or Console()
    for k in ([kind] if kind else list(KINDS)):
        rows = explain_rows(doc, ctx, k)
        table = Table(title=f"{k} ({len(rows)})", show_lines=False, expand=False)
        if k == "directives":
            cols = ("id", "item", "span", "lead source", "roles", "")
        else:
            cols = ("id", "text", "span", "rule", "fields", "beat")
        for c in cols[:5] + ((cols[5],) if cols[5] else ()):
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(r[:5] + ((r[5],) if cols[5] else ())), end_section=False)
        console.print(table)
    if doc.warnings:
        wt = Table(title=f"warnings ({len(doc.warnings)})")
        for c in ("code", "message", "span"):
            wt.add_column(c, overflow="fold")
        for w in doc.warnings:
            wt.add_row(w.code, w.message, f"{w.span[0]}–{w.span[1]}" if w.span else "")
        console.print(wt)
