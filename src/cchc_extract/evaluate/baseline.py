"""`cchc eval --baseline OLD.json`: gains and losses against a previous `--json` run
(style.md lesson 10): metric deltas, then predicted entities gained and lost per
document and per rule id, so a rule edit is reviewed by its effect."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from rich.console import Console
from rich.table import Table

from ..errors import UnreadableError

HEADLINE = ("precision", "recall", "f1", "accuracy")
MAX_LISTED = 40


def load_baseline(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableError(f"{path}: cannot read the baseline ({' '.join(str(exc).split())[:160]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("scores"), dict):
        raise UnreadableError(f"{path}: not a `cchc eval --json` output (no scores)")
    return data


def _leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix, node


def metric_deltas(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    o = dict(_leaves(old))
    out = []
    for key, value in _leaves(new):
        if key.rsplit(".", 1)[-1] not in HEADLINE:
            continue
        before = o.get(key)
        if isinstance(value, (int, float)) and isinstance(before, (int, float)) and abs(value - before) > 1e-9:
            out.append({"metric": key, "old": before, "new": value, "delta": round(value - before, 4)})
    return out


def _predicted(details: list) -> dict[tuple, dict]:
    """(kind, start, end) -> detail, for predicted entities (not the missed gold ones)."""
    return {(d["kind"], *d["span"]): d for d in details
            if d["status"] != "fn" and "span" in d and d["kind"] not in ("items", "footnotes")}


def _status(d: dict) -> str:
    return f"{d['status']}+wrong" if d.get("wrong") else d["status"]


def entity_changes(old_details: dict[str, list], new_details: dict[str, list]) -> list[dict[str, Any]]:
    """Every predicted entity that appeared, disappeared or changed status (or field values)."""
    out = []
    for doc in sorted(set(old_details) | set(new_details)):
        old, new = _predicted(old_details.get(doc, [])), _predicted(new_details.get(doc, []))
        for key in sorted(set(old) | set(new), key=lambda k: (k[1], k[0])):
            o, n = old.get(key), new.get(key)
            if o is not None and n is not None and o.get("wrong") == n.get("wrong") and o["status"] == n["status"]:
                continue
            d = n or o
            change = "gained" if o is None else "lost" if n is None else "changed"
            out.append({"document": doc, "kind": d["kind"], "span": d["span"], "text": d["text"],
                        "rule": d["rule"], "change": change,
                        "old": _status(o) if o else None, "new": _status(n) if n else None})
    return out


def _good(status: Any) -> int:
    """Rank of a status: exact > partial > with a wrong field > false positive (0)."""
    return {"exact": 4, "partial": 3, "exact+wrong": 2, "partial+wrong": 1}.get(status, 0)


def _effect(c: dict[str, Any]) -> int:
    """+1 when the change helps (a right entity gained, a wrong one dropped), -1 when it hurts."""
    if c["change"] == "changed":
        return (_good(c["new"]) > _good(c["old"])) - (_good(c["new"]) < _good(c["old"]))
    if c["change"] == "gained":
        return 1 if _good(c["new"]) else -1
    return -1 if _good(c["old"]) else 1


def diff(baseline: dict[str, Any], scores: dict[str, Any], details: dict[str, list]) -> dict[str, Any]:
    changes = entity_changes(baseline.get("details", {}), details)
    by_doc, by_rule = Counter(), Counter()
    for c in changes:
        e = _effect(c)
        by_doc[(c["document"], "better" if e > 0 else "worse" if e < 0 else "same")] += 1
        by_rule[(f"{c['kind']}:{c['rule'] or '-'}", "better" if e > 0 else "worse" if e < 0 else "same")] += 1
    def table(counter: Counter) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (name, way), n in sorted(counter.items()):
            out.setdefault(name, {"better": 0, "worse": 0, "same": 0})[way] = n
        return out
    return {"metrics": metric_deltas(baseline["scores"], scores), "entities": changes,
            "by_document": table(by_doc), "by_rule": table(by_rule)}


def print_baseline(console: Console, name: str, baseline: dict[str, Any], run) -> dict[str, Any]:
    d = diff(baseline, run.scores, run.details)
    t = Table(title=f"Against baseline {name}: metrics that moved", title_justify="left")
    for col in ("metric", "old", "new", "delta"):
        t.add_column(col, justify="left" if col == "metric" else "right")
    for m in d["metrics"]:
        colour = "green" if m["delta"] > 0 else "red"
        t.add_row(m["metric"], f"{m['old']:.3f}", f"{m['new']:.3f}", f"[{colour}]{m['delta']:+.3f}[/]")
    console.print(t if d["metrics"] else "Against baseline: no metric moved")
    for title, rows in (("per document", d["by_document"]), ("per rule", d["by_rule"])):
        if not rows:
            continue
        t = Table(title=f"Entity changes {title} (better = right entity gained or wrong one dropped)",
                  title_justify="left")
        for col in (title.split()[-1], "better", "worse", "same"):
            t.add_column(col, justify="left" if col not in ("better", "worse", "same") else "right")
        for name, c in rows.items():
            t.add_row(name, str(c["better"]), str(c["worse"]), str(c["same"]))
        console.print(t)
    if d["entities"]:
        t = Table(title=f"Entities gained / lost / changed (first {MAX_LISTED})", title_justify="left")
        for col in ("document", "kind", "rule", "change", "old → new", "text"):
            t.add_column(col)
        for c in d["entities"][:MAX_LISTED]:
            t.add_row(c["document"], c["kind"], c["rule"] or "-", c["change"],
                      f"{c['old'] or '-'} → {c['new'] or '-'}", c["text"][:60])
        console.print(t)
    return d
