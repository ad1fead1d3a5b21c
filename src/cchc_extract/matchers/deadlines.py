"""Matcher for deadlines: rules/deadlines.yaml patterns plus the context checks
that patterns cannot express, and the due computation (deadline_due).

Context checks (rule field `needs`, a control key removed from the output):
- completion: "trong năm 2023" is a deadline only when its clause says what
  must be completed or reached (hoàn thành, xong, a percentage), before it or,
  when the phrase opens the clause, after it; otherwise the year only says
  which tasks are meant ("Phấn đấu các Chỉ số ... trong năm 2026 nằm trong ...").
- horizon: "đến năm 2025" is a target year when it opens its clause or follows
  a goal word (phấn đấu, mục tiêu, bảo đảm); "đến hết năm" always is.
Every non-recurring phrase is dropped when the rest of its clause is in the
past tense (đã): that is a report of what happened, not a time limit.
"""
from __future__ import annotations

import regex

from .. import diagnostics
from . import Found, MatchContext, scan
from .clauses import clause_end, clause_start, opens_clause, past_in
from .deadline_due import compute_due, recurrence_of

_FLAGS = regex.V1 | regex.I
_COMPLETION_CUE = regex.compile(r"hoàn\s+thành|hoàn\s+tất|\bxong\b|dứt\s+điểm|\d\s?%", _FLAGS)
_GOAL_CUE = regex.compile(r"phấn\s+đấu|mục\s+tiêu|hoàn\s+thành|bảo\s+đảm|đảm\s+bảo", _FLAGS)
_CONTROL_KEYS = ("needs",)


def _context_ok(text: str, m, needs: str | None) -> bool:
    start, end = m.span()
    cs = clause_start(text, start)
    if needs == "completion":
        if m.groupdict().get("lead"):
            return True
        if _COMPLETION_CUE.search(text, cs, start):
            return True
        return opens_clause(text, start) and bool(
            _COMPLETION_CUE.search(text, end, clause_end(text, end)))
    if needs == "horizon":
        if regex.search(r"\bhết\b", m.group(), _FLAGS):
            return True
        return opens_clause(text, start) or bool(_GOAL_CUE.search(text, cs, start))
    return True


def find(ctx: MatchContext) -> list[Found]:
    text = ctx.text
    out: list[Found] = []
    for rule, m in scan(ctx.rules["deadlines"], text, ctx.timeout):
        fields = {k: v for k, v in rule.fields.items() if k not in _CONTROL_KEYS}
        g = m.groupdict()
        rec = recurrence_of(g.get("rec") or g.get("recq") or fields.get("recurrence"))
        start, end = m.span()
        if rec:
            out.append(Found(start, end, rule.id, {"due": None, "recurrence": rec, "resolved": True},
                             rule.priority))
            continue
        if not _context_ok(text, m, rule.fields.get("needs")):
            continue
        if not g.get("lead") and past_in(text, end, clause_end(text, end)):
            continue
        due, resolved, suspect = compute_due(g, before=bool(g.get("before")), doc_date=ctx.doc_date)
        span = ctx.norm.to_original(start, end)
        if suspect:
            ctx.warnings.append(diagnostics.warn(
                "W302", f"impossible date in deadline {m.group()!r}; due left null", span))
        elif not resolved:
            ctx.warnings.append(diagnostics.warn(
                "W303", f"{m.group()!r} has no year and the document no date", span))
        fields.update({"due": due, "recurrence": None, "resolved": resolved})
        out.append(Found(start, end, rule.id, fields, rule.priority))
    return out
