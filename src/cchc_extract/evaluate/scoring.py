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


def _missed(details: list, kind: str, gold: list, gspans: list, pairs: list[tuple[int, int]]) -> None:
    matched = {i for i, _ in pairs}
    for i, g in enumerate(gold):
        if i not in matched:
            details.append({"kind": kind, "span": list(gspans[i]), "text": g.text, "rule": "", "status": "fn"})


def _region_details(details: list, kind: str, gd: GoldDoc, preds: list, pairs: list[tuple[int, int]],
                    wrong: dict[int, dict[str, list]]) -> None:
    """Items/footnotes: unmatched predictions (fp), matched ones with a wrong field, missed gold (fn)."""
    gold_of = {j: i for i, j in pairs}
    for j, p in enumerate(preds):
        if j not in gold_of or j in wrong:
            d = {"kind": kind, "span": list(p.span), "text": p.text[:80], "rule": "",
                 "status": "fp" if j not in gold_of else "matched"}
            if j in wrong:
                d["wrong"] = wrong[j]
            details.append(d)
    _missed(details, kind, getattr(gd.gold, kind), gd.spans[kind], pairs)


def _score_entities(gd: GoldDoc, pred: Document, kind: str, details: list) -> dict[str, Any]:
    gold = getattr(gd.gold, kind)
    gspans = gd.spans[kind]
    preds = getattr(pred, kind)
    pspans = [tuple(p.span) for p in preds]
    pairs, exact = match_spans(gd.text, gspans, pspans)
    skip = PATH_FIELDS.get(kind, ()) if gd.gold.lossy else ()
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS[kind] if f not in skip}
    gold_of = {j: i for i, j in pairs}
    wrong: dict[int, dict[str, list]] = {}
    for i, j in pairs:
        for f in fields:
            gv, pv = getattr(gold[i], f), getattr(preds[j], f, None)
            _acc(fields, f, same_value(gv, pv))
            if not same_value(gv, pv):
                wrong.setdefault(j, {})[f] = [gv, pv]
    for j, p in enumerate(preds):
        d = {"kind": kind, "span": list(p.span), "text": p.text, "rule": getattr(p, "rule", ""),
             "status": "fp" if j not in gold_of else "exact" if (gold_of[j], j) in exact else "partial"}
        if d["status"] == "partial":
            i = gold_of[j]
            d["gold"] = {"span": list(gspans[i]), "text": gold[i].text}
        if j in wrong:
            d["wrong"] = wrong[j]   # field: [gold, predicted]
        details.append(d)
    _missed(details, kind, gold, gspans, pairs)
    return {"gold": len(gold), "pred": len(preds), "exact": len(exact), "partial": len(pairs),
            "fields": fields}


def _score_items(gd: GoldDoc, pred: Document, details: list) -> dict[str, Any]:
    gold, preds = gd.gold.items, pred.items
    pairs = match_starts(gd.text, gd.spans["items"], [tuple(p.span) for p in preds])
    fields: dict[str, list[int]] = {"label": [0, 0], "ends": [0, 0]}
    if not gd.gold.lossy:
        fields["path"] = [0, 0]
    wrong: dict[int, dict[str, list]] = {}
    for i, j in pairs:
        g, p = gold[i], preds[j]
        checks = {"label": (same_value(g.label, p.label), g.label, p.label)}
        if "path" in fields:
            checks["path"] = (same_value(g.path, p.path), g.path, p.path)
        want = letters_digits(g.ends or "")
        if want:  # the prediction's own text must end with the gold `ends` (letters+digits)
            ok = letters_digits(p.text).endswith(want)
            checks["ends"] = (ok, g.ends, p.text[-len(g.ends or "") - 20:])
        for name, (ok, gv, pv) in checks.items():
            _acc(fields, name, ok)
            if not ok:
                wrong.setdefault(j, {})[name] = [gv, pv]
    _region_details(details, "items", gd, preds, pairs, wrong)
    return {"gold": len(gold), "pred": len(preds), "tp": len(pairs), "fields": fields}


def _score_footnotes(gd: GoldDoc, pred: Document, details: list) -> dict[str, Any]:
    gold, preds = gd.gold.footnotes, pred.footnotes
    pairs = match_footnotes(gd.text, gd.spans["footnotes"], [tuple(p.span) for p in preds])
    fields: dict[str, list[int]] = {"marker": [0, 0]}
    if not gd.gold.lossy:
        fields["anchor"] = [0, 0]
    wrong: dict[int, dict[str, list]] = {}
    for i, j in pairs:
        for name in fields:
            gv, pv = getattr(gold[i], name), getattr(preds[j], name)
            _acc(fields, name, same_value(gv, pv))
            if not same_value(gv, pv):
                wrong.setdefault(j, {})[name] = [gv, pv]
    _region_details(details, "footnotes", gd, preds, pairs, wrong)
    return {"gold": len(gold), "pred": len(preds), "tp": len(pairs), "fields": fields}


def _score_metadata(gd: GoldDoc, pred: Document, details: list) -> dict[str, Any]:
    gm, pm = gd.gold.metadata, pred.metadata
    fields: dict[str, list[int]] = {}
    wrong: dict[str, list] = {}
    for name in METADATA_FIELDS:
        if name not in gm.model_fields_set:
            continue  # not annotated
        if name == "signer":
            for sub in SIGNER_FIELDS:
                g = getattr(gm.signer, sub) if gm.signer else None
                p = getattr(pm.signer, sub) if pm.signer else None
                _acc(fields, f"signer.{sub}", same_value(g, p))
                if not same_value(g, p):
                    wrong[f"signer.{sub}"] = [g, p]
        else:
            g, p = getattr(gm, name), getattr(pm, name, None)
            _acc(fields, name, same_value(g, p))
            if not same_value(g, p):
                wrong[name] = [g, p]
    if wrong:
        details.append({"kind": "metadata", "status": "wrong", "wrong": wrong})
    return {"fields": fields}


def _match_bodies(gold: list[tuple[str, ...]], pred: list[tuple[str, ...]]) -> tuple[set[int], set[int]]:
    """Matched gold and predicted indices, one-to-one, most similar first."""
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
    return used_g, used_p


def _unique(texts: list[str]) -> tuple[list[tuple[str, ...]], list[str]]:
    """Distinct body texts (by their normalized words): tokens and the first text as written."""
    toks: list[tuple[str, ...]] = []
    written: list[str] = []
    for t in texts:
        tok = body_tokens(t)
        if tok and tok not in toks:
            toks.append(tok)
            written.append(t)
    return toks, written


def _score_assignments(gd: GoldDoc, pred: Document, details: list) -> dict[str, Any]:
    """Per item: set F1 of lead and support bodies; items on one side only are all FN / all FP."""
    gold = {a.item: a for a in gd.gold.assignments}
    plead: dict[str, list[str]] = {}
    psupp: dict[str, list[str]] = {}
    pmod: dict[str, Optional[str]] = {}
    for d in pred.directives:
        if d.item is None:               # in no item: no assignment (ANNOTATION.md: one per item)
            continue
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
        miss: dict[str, list[str]] = {}
        for role, pmap in (("lead", plead), ("support", psupp)):
            gb, gw = _unique(getattr(g, role)) if g else ([], [])
            pb, pw = _unique(pmap.get(item, [])) if item in pitems else ([], [])
            mg, mp = _match_bodies(gb, pb)
            c = out[role]
            c["gold"] += len(gb)
            c["pred"] += len(pb)
            c["tp"] += len(mg)
            miss[f"missing_{role}"] = [t for i, t in enumerate(gw) if i not in mg]
            miss[f"extra_{role}"] = [t for j, t in enumerate(pw) if j not in mp]
        if g is not None and item in pitems:
            ok = same_value(g.modality, pmod.get(item))
            _acc(out["fields"], "modality", ok)
            if not ok:
                miss["modality"] = [g.modality, pmod.get(item)]
        if any(miss.values()):
            status = "fn" if item not in pitems else "fp" if g is None else "partial"
            details.append({"kind": "assignments", "item": item, "status": status,
                            **{k: v for k, v in miss.items() if v}})
    return out


def score_document(gd: GoldDoc, pred: Document) -> tuple[dict[str, Any], list]:
    """Raw counts for every annotated kind, and per-entity details: every prediction with its
    status (exact, partial, fp; wrong fields as [gold, predicted]) and every missed gold (fn)."""
    raw: dict[str, Any] = {}
    details: list = []
    g = gd.gold
    if g.items is not None:
        raw["items"] = _score_items(gd, pred, details)
    if g.footnotes is not None:
        raw["footnotes"] = _score_footnotes(gd, pred, details)
    if g.metadata is not None:
        raw["metadata"] = _score_metadata(gd, pred, details)
    for kind in LOCATED_KINDS:
        if getattr(g, kind) is not None:
            raw[kind] = _score_entities(gd, pred, kind, details)
    if g.assignments is not None and not g.lossy:  # assignments hang on paths
        raw["assignments"] = _score_assignments(gd, pred, details)
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
