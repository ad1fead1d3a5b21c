"""Score one document's prediction against its resolved gold, then sum and finalize.

`score_document` returns raw counts (ints and [correct, total] pairs) so that
documents add up to micro-averages; `finalize` turns counts into rates.  A kind
whose gold list is missing is "not annotated" and left out for that document.
"""
from __future__ import annotations

from typing import Any, Optional

from ..models import Document
from .gold import LOCATED_KINDS, GoldDoc, letters_digits
from .matching import match_footnotes, match_spans, match_starts
from .values import BODY_MATCH_MIN, body_similarity, body_tokens, same_value

FIELDS = {
    "references": ("type", "number", "symbol", "date", "issuer"),
    "dates": ("value",),
    "bodies": ("group", "level"),
    "targets": ("value", "unit", "comparator", "change"),
    "deadlines": ("due", "recurrence", "item"),
}
PATH_FIELDS = {"deadlines": ("item",)}       # hang on item paths: not scored for lossy docs
METADATA_FIELDS = ("doc_type", "number", "symbol", "issuer", "parent_issuer", "place", "date",
                   "subject", "recipients", "signer", "distribution")
SIGNER_FIELDS = ("name", "title", "authority")
KIND_ORDER = ("items", "footnotes", "metadata") + LOCATED_KINDS + ("assignments",)


def _acc(fields: dict[str, list[int]], name: str, ok: bool) -> None:
    c = fields.setdefault(name, [0, 0])
    c[0] += int(ok)
    c[1] += 1


def _score_entities(gd: GoldDoc, pred: Document, kind: str, details: list) -> dict[str, Any]:
    gold = getattr(gd.gold, kind)
    gspans = gd.spans[kind]
    preds = getattr(pred, kind)
    pspans = [tuple(p.span) for p in preds]
    pairs, exact = match_spans(gd.text, gspans, pspans)
    skip = PATH_FIELDS.get(kind, ()) if gd.gold.lossy else ()
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS[kind] if f not in skip}
    for i, j in pairs:
        for f in fields:
            _acc(fields, f, same_value(getattr(gold[i], f), getattr(preds[j], f, None)))
    status = {j: ("exact" if (i, j) in exact else "partial") for i, j in pairs}
    matched_gold = {i for i, _ in pairs}
    for j, p in enumerate(preds):
        details.append([kind, p.span[0], p.span[1], p.text, getattr(p, "rule", ""), status.get(j, "fp")])
    for i, g in enumerate(gold):
        if i not in matched_gold:
            details.append([kind, gspans[i][0], gspans[i][1], g.text, "", "fn"])
    return {"gold": len(gold), "pred": len(preds), "exact": len(exact), "partial": len(pairs),
            "fields": fields}


def _score_items(gd: GoldDoc, pred: Document) -> dict[str, Any]:
    gold, preds = gd.gold.items, pred.items
    pairs = match_starts(gd.text, gd.spans["items"], [tuple(p.span) for p in preds])
    fields: dict[str, list[int]] = {"label": [0, 0], "ends": [0, 0]}
    if not gd.gold.lossy:
        fields["path"] = [0, 0]
    for i, j in pairs:
        g, p = gold[i], preds[j]
        _acc(fields, "label", same_value(g.label, p.label))
        if "path" in fields:
            _acc(fields, "path", same_value(g.path, p.path))
        want = letters_digits(g.ends or "").casefold()
        if want:  # the prediction's own text must end with the gold `ends` (letters+digits)
            _acc(fields, "ends", letters_digits(p.text).casefold().endswith(want))
    return {"gold": len(gold), "pred": len(preds), "tp": len(pairs), "fields": fields}


def _score_footnotes(gd: GoldDoc, pred: Document) -> dict[str, Any]:
    gold, preds = gd.gold.footnotes, pred.footnotes
    pairs = match_footnotes(gd.text, gd.spans["footnotes"], [tuple(p.span) for p in preds])
    fields: dict[str, list[int]] = {"marker": [0, 0]}
    if not gd.gold.lossy:
        fields["anchor"] = [0, 0]
    for i, j in pairs:
        _acc(fields, "marker", same_value(gold[i].marker, preds[j].marker))
        if "anchor" in fields:
            _acc(fields, "anchor", same_value(gold[i].anchor, preds[j].anchor))
    return {"gold": len(gold), "pred": len(preds), "tp": len(pairs), "fields": fields}


def _score_metadata(gd: GoldDoc, pred: Document) -> dict[str, Any]:
    gm, pm = gd.gold.metadata, pred.metadata
    fields: dict[str, list[int]] = {}
    for name in METADATA_FIELDS:
        if name not in gm.model_fields_set:
            continue  # not annotated
        if name == "signer":
            for sub in SIGNER_FIELDS:
                g = getattr(gm.signer, sub) if gm.signer else None
                p = getattr(pm.signer, sub) if pm.signer else None
                _acc(fields, f"signer.{sub}", same_value(g, p))
        else:
            _acc(fields, name, same_value(getattr(gm, name), getattr(pm, name, None)))
    return {"fields": fields}


def _match_bodies(gold: list[tuple[str, ...]], pred: list[tuple[str, ...]]) -> int:
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            sim = body_similarity(g, p)
            if sim > BODY_MATCH_MIN:
                scored.append((sim, i, j))
    scored.sort(reverse=True)
    used_g, used_p = set(), set()
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def _unique(texts: list[str]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for t in texts:
        tok = body_tokens(t)
        if tok and tok not in out:
            out.append(tok)
    return out


def _score_assignments(gd: GoldDoc, pred: Document) -> dict[str, Any]:
    """Per item: set F1 of lead and support bodies; items on one side only are all FN / all FP."""
    gold = {a.item: a for a in gd.gold.assignments}
    plead: dict[str, list[str]] = {}
    psupp: dict[str, list[str]] = {}
    pmod: dict[str, Optional[str]] = {}
    for d in pred.directives:
        plead.setdefault(d.item, []).extend(b.text for b in d.lead)
        psupp.setdefault(d.item, []).extend(b.text for b in d.support)
        if pmod.get(d.item) is None:
            pmod[d.item] = d.modality
    pitems = {k for k in plead if plead[k] or psupp[k]}
    out: dict[str, Any] = {"items_gold": len(gold), "items_pred": len(pitems),
                           "items_both": len(pitems & set(gold)),
                           "lead": {"gold": 0, "pred": 0, "tp": 0}, "support": {"gold": 0, "pred": 0, "tp": 0},
                           "fields": {"modality": [0, 0]}}
    for item in sorted(set(gold) | pitems):
        g = gold.get(item)
        for role, pmap in (("lead", plead), ("support", psupp)):
            gb = _unique(getattr(g, role)) if g else []
            pb = _unique(pmap.get(item, [])) if item in pitems else []
            c = out[role]
            c["gold"] += len(gb)
            c["pred"] += len(pb)
            c["tp"] += _match_bodies(gb, pb)
        if g is not None and item in pitems:
            _acc(out["fields"], "modality", same_value(g.modality, pmod.get(item)))
    return out


def score_document(gd: GoldDoc, pred: Document) -> tuple[dict[str, Any], list]:
    """Raw counts for every annotated kind, and per-entity details (for --baseline)."""
    raw: dict[str, Any] = {}
    details: list = []
    g = gd.gold
    if g.items is not None:
        raw["items"] = _score_items(gd, pred)
    if g.footnotes is not None:
        raw["footnotes"] = _score_footnotes(gd, pred)
    if g.metadata is not None:
        raw["metadata"] = _score_metadata(gd, pred)
    for kind in LOCATED_KINDS:
        if getattr(g, kind) is not None:
            raw[kind] = _score_entities(gd, pred, kind, details)
    if g.assignments is not None and not g.lossy:  # assignments hang on paths
        raw["assignments"] = _score_assignments(gd, pred)
    return raw, details


# --- sums and rates ------------------------------------------------------------


def add_raw(total: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    for k, v in raw.items():
        if isinstance(v, dict):
            add_raw(total.setdefault(k, {}), v)
        elif isinstance(v, list):
            cur = total.setdefault(k, [0] * len(v))
            for i, x in enumerate(v):
                cur[i] += x
        else:
            total[k] = total.get(k, 0) + v
    return total


def _r(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def prf(tp: int, pred: int, gold: int) -> dict[str, Any]:
    """P/R/F1; nothing predicted is precision 1, nothing to find is recall 1."""
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "precision": _r(p), "recall": _r(r), "f1": _r(f)}


def _fields(fields: dict[str, list[int]]) -> dict[str, Any]:
    return {k: {"correct": c, "total": t, "accuracy": _r(c / t) if t else None}
            for k, (c, t) in fields.items()}


def finalize(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in KIND_ORDER:
        if kind not in raw:
            continue
        r = raw[kind]
        if kind in ("items", "footnotes"):
            out[kind] = {"gold": r["gold"], "pred": r["pred"], **prf(r["tp"], r["pred"], r["gold"]),
                         "fields": _fields(r["fields"])}
        elif kind == "metadata":
            c = sum(x[0] for x in r["fields"].values())
            t = sum(x[1] for x in r["fields"].values())
            out[kind] = {"correct": c, "total": t, "accuracy": _r(c / t) if t else None,
                         "fields": _fields(r["fields"])}
        elif kind == "assignments":
            out[kind] = {k: r[k] for k in ("items_gold", "items_pred", "items_both")}
            for role in ("lead", "support"):
                c = r[role]
                out[kind][role] = {"gold": c["gold"], "pred": c["pred"], **prf(c["tp"], c["pred"], c["gold"])}
            out[kind]["fields"] = _fields(r["fields"])
        else:
            out[kind] = {"gold": r["gold"], "pred": r["pred"],
                         "exact": prf(r["exact"], r["pred"], r["gold"]),
                         "partial": prf(r["partial"], r["pred"], r["gold"]),
                         "fields": _fields(r["fields"])}
    return out
