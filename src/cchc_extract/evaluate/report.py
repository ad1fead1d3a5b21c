"""Rich tables for `cchc eval` (the JSON is the scores dict itself)."""
from __future__ import annotations

from typing import Any, Optional

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..models import ENTITY_KINDS
from .thresholds import Gate


def _f(x: Optional[float]) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _table(title: str, cols: tuple[str, ...], left: int = 1) -> Table:
    t = Table(title=title, title_justify="left")
    for i, col in enumerate(cols):
        t.add_column(col, justify="left" if i < left else "right")
    return t


def entities_table(scores: dict[str, Any], title: str) -> Table:
    t = _table(title, ("kind", "gold", "pred", "exact P", "exact R", "exact F1",
                       "partial P", "partial R", "partial F1"))
    for kind in ENTITY_KINDS:
        s = scores.get(kind)
        if s is not None:
            ex, pa = s["exact"], s["partial"]
            t.add_row(kind, str(s["gold"]), str(s["pred"]), _f(ex["precision"]), _f(ex["recall"]),
                      _f(ex["f1"]), _f(pa["precision"]), _f(pa["recall"]), _f(pa["f1"]))
    return t


def structure_table(scores: dict[str, Any], title: str) -> Table:
    t = _table(title, ("kind", "gold", "pred", "P", "R", "F1"))
    for kind in ("items", "footnotes"):
        s = scores.get(kind)
        if s is not None:
            t.add_row(kind, str(s["gold"]), str(s["pred"]), _f(s["precision"]), _f(s["recall"]), _f(s["f1"]))
    a = scores.get("assignments")
    if a is not None:
        t.add_row("assignment items", str(a["items_gold"]), str(a["items_pred"]), "", "",
                  f"both {a['items_both']}")
        for role in ("lead", "support"):
            r = a[role]
            t.add_row(f"assignments {role}", str(r["gold"]), str(r["pred"]), _f(r["precision"]),
                      _f(r["recall"]), _f(r["f1"]))
    return t


def fields_table(scores: dict[str, Any], title: str) -> Table:
    """Field accuracy over matched pairs (metadata: over documents), every kind."""
    t = _table(title, ("kind", "field", "accuracy", "correct/total"), left=2)
    for kind, s in scores.items():
        if kind == "metadata":
            t.add_row(kind, "(all fields)", _f(s["accuracy"]), f"{s['correct']}/{s['total']}")
        for name, v in s.get("fields", {}).items():
            t.add_row(kind, name, _f(v["accuracy"]), f"{v['correct']}/{v['total']}")
    return t


def gates_table(gates: list[Gate]) -> Table:
    t = Table(title="Thresholds", title_justify="left")
    for col in ("metric", "min", "value", ""):
        t.add_column(col, justify="left" if col == "metric" else "right")
    for g in gates:
        mark = "n/a" if g.value is None else ("ok" if g.ok else "[bold red]FAIL[/]")
        t.add_row(g.metric, f"{g.minimum:.2f}", _f(g.value), mark)
    return t


def print_scores(console: Console, scores: dict[str, Any], title: str = "Corpus") -> None:
    console.print(structure_table(scores, f"{title}: structure and assignments"))
    console.print(entities_table(scores, f"{title}: entities"))
    console.print(fields_table(scores, f"{title}: field accuracy (matched pairs)"))


def print_per_doc(console: Console, per_doc: dict[str, dict[str, Any]]) -> None:
    """One compact line per document: the headline F1/accuracy of every kind."""
    kinds = ["items", "footnotes", "metadata", *ENTITY_KINDS, "lead", "support"]
    short = ["items", "fnote", "meta", "refs", "dates", "bodies", "targ", "dline", "lead", "supp"]
    t = Table(title="Per document (F1, entities partial; metadata accuracy)", title_justify="left")
    t.add_column("document", no_wrap=True)
    for k in short:
        t.add_column(k, justify="right")
    for name, s in per_doc.items():
        row = []
        for k in kinds:
            if k in ("lead", "support"):
                v = s.get("assignments", {}).get(k, {}).get("f1") if "assignments" in s else None
            elif k == "metadata":
                v = s.get("metadata", {}).get("accuracy") if "metadata" in s else None
            elif k in ENTITY_KINDS:
                v = s[k]["partial"]["f1"] if k in s else None
            else:
                v = s[k]["f1"] if k in s else None
            row.append(_f(v))
        t.add_row(escape(name), *row)
    console.print(t)


def _short(v: Any, n: int = 70) -> str:
    s = v if isinstance(v, str) else repr(v)
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def print_errors(console: Console, details: dict[str, list], kinds: set[str]) -> None:
    """Every miss, false positive and wrong field of the chosen kinds ('all' for every kind)."""
    t = Table(title="Errors (fn = missed gold, fp = wrong prediction, partial = other boundaries; "
                    "field: gold → predicted)",
              title_justify="left")
    for col in ("document", "kind", "where", "status", "rule", "text / problem"):
        t.add_column(col, overflow="fold")
    unknown = kinds - {"all", "items", "footnotes", "metadata", "assignments", *ENTITY_KINDS}
    if unknown:
        console.print(f"--errors: unknown kind(s) {', '.join(sorted(unknown))}")
    n = 0
    for doc, entries in details.items():
        for d in entries:
            if "all" not in kinds and d["kind"] not in kinds or d["status"] == "exact" and not d.get("wrong"):
                continue
            where = d.get("item") or (f"{d['span'][0]}-{d['span'][1]}" if "span" in d else "")
            parts = [_short(d["text"])] if "text" in d else []
            if "gold" in d:
                parts.append(f"gold: {_short(d['gold']['text'])}")
            for f, (g, p) in d.get("wrong", {}).items():
                parts.append(f"{f}: {_short(g, 50)} → {_short(p, 50)}")
            for key in ("missing_lead", "extra_lead", "missing_support", "extra_support", "modality"):
                if key in d:
                    parts.append(f"{key}: {_short(d[key], 120)}")
            t.add_row(escape(doc), d["kind"], escape(str(where)), d["status"], escape(d.get("rule") or ""),
                      escape("\n".join(parts)))
            n += 1
    console.print(t if n else "Errors: none for the chosen kinds")
