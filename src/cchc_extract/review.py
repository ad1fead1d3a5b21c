"""`cchc show FILE --html OUT.html`: one self-contained review page.

The document is rendered with every entity highlighted by kind, in the look of
spaCy's displaCy, followed by the directives table and the warnings.

Why not displaCy itself: its "ent" style cannot show overlapping entities (a
date inside a reference or a deadline is the rule here), and its "span" style
re-tokenises the text with a spaCy tokenizer, so a character span that ends
inside a token (``tháng **12/2022``) cannot be shown exactly, and it lays every
token out as a separate block, losing the lines of the document.  So the page
is our own HTML, with displaCy's colours, fonts and rounded marks; overlapping
entities are nested <mark> elements, and a mark that crosses another one's end
is split into fragments that share its data-id.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable

from .models import Document

KINDS = {  # kind -> (label, displaCy-like colour)
    "references": ("REF", "#aa9cfc"),
    "dates": ("DATE", "#bfe1d9"),
    "bodies": ("BODY", "#7aecec"),
    "targets": ("TARGET", "#feca74"),
    "deadlines": ("DEADLINE", "#ff9561"),
}

CSS = """
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif,
"Apple Color Emoji","Segoe UI Emoji";margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.doc{line-height:2.6;white-space:pre-wrap;direction:ltr;border:1px solid #ddd;border-radius:6px;
padding:1rem 1.5rem}
mark.entity{padding:0.3em 0.45em;margin:0 0.15em;line-height:1;border-radius:0.35em;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.entity mark.entity{padding:0.15em 0.3em}
mark .label{font-size:0.62em;font-weight:bold;line-height:1;border-radius:0.35em;
text-transform:uppercase;vertical-align:middle;margin-left:0.4rem;color:#333}
table{border-collapse:collapse;width:100%;font-size:0.9rem}
th,td{border:1px solid #ddd;padding:0.3rem 0.5rem;vertical-align:top;text-align:left}
th{background:#f5f5f5}.legend mark{margin-right:0.6rem}.muted{color:#888}
"""


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _entities(doc: Document) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, id, tooltip) of every entity with a non-empty span."""
    out = []
    for kind in KINDS:
        for ent in getattr(doc, kind):
            s, e = ent.span
            if e <= s:
                continue
            extra = {k: v for k, v in ent.model_dump().items()
                     if k not in ("text", "span", "id") and v not in (None, "", False, [], {})}
            tip = f"{kind} {ent.id}: " + ", ".join(f"{k}={v}" for k, v in extra.items())
            out.append((s, e, kind, ent.id, tip))
    return out


def _open(kind: str, ent_id: str, tip: str, first: bool) -> str:
    colour = KINDS[kind][1]
    cont = "" if first else " cont"
    return (f'<mark class="entity {kind}{cont}" data-kind="{_e(kind)}" data-id="{_e(ent_id)}" '
            f'style="background:{colour}" title="{_e(tip)}">')


def render_marked(text: str, entities: Iterable[tuple[int, int, str, str, str]]) -> str:
    """The text with nested <mark> elements; linear in text + entities (boundaries only)."""
    ents = sorted(entities, key=lambda x: (x[0], -x[1], x[2]))
    n = len(text)
    ents = [x for x in ents if 0 <= x[0] < x[1] <= n]
    opens: dict[int, list] = {}
    closes: dict[int, list] = {}
    for x in ents:
        opens.setdefault(x[0], []).append(x)
        closes.setdefault(x[1], []).append(x)
    points = sorted(set(opens) | set(closes) | {0, n})
    out: list[str] = []
    stack: list[tuple] = []
    started: set[int] = set()
    for a, b in zip(points, points[1:] + [n]):
        ending = closes.get(a, [])
        if ending:
            end_ids = {id(x) for x in ending}
            reopen = []
            while any(id(x) in end_ids for x in stack):
                top = stack.pop()
                out.append(_label(top) + "</mark>" if id(top) in end_ids else "</mark>")
                if id(top) not in end_ids:
                    reopen.append(top)
            for x in reversed(reopen):        # crossing marks continue as fragments
                out.append(_open(x[2], x[3], x[4], False))
                stack.append(x)
        for x in opens.get(a, []):
            out.append(_open(x[2], x[3], x[4], id(x) not in started))
            started.add(id(x))
            stack.append(x)
        if b > a:
            out.append(_e(text[a:b]))
    while stack:
        out.append(_label(stack.pop()) + "</mark>")
    return "".join(out)


def _label(x: tuple) -> str:
    return f'<span class="label">{_e(KINDS[x[2]][0])}</span>'


def _cell(items: Iterable[str]) -> str:
    vals = [v for v in items if v]
    return "<br>".join(_e(v) for v in vals) if vals else '<span class="muted">–</span>'


def _directives_table(doc: Document) -> str:
    deadlines = {d.id: d for d in doc.deadlines}
    targets = {t.id: t for t in doc.targets}
    refs = {r.id: r for r in doc.references}
    rows = []
    for d in doc.directives:
        due = [(deadlines[i].due or deadlines[i].recurrence or deadlines[i].text) for i in d.deadlines
               if i in deadlines]
        tg = [f"{targets[i].text}" for i in d.targets if i in targets]
        rf = [refs[i].text for i in d.references if i in refs]
        rows.append(
            f'<tr data-directive="{_e(d.id)}"><td>{_e(d.item)}</td>'
            f"<td>{_cell(b.text for b in d.lead)}</td><td>{_cell(b.text for b in d.support)}</td>"
            f"<td>{_e(d.modality or '')}{' (' + _e(d.lead_source) + ')' if d.lead_source else ''}</td>"
            f"<td>{_cell(due)}</td><td>{_cell(tg)}</td><td>{_cell(rf)}</td></tr>")
    head = ("<tr><th>item</th><th>lead</th><th>support</th><th>modality</th><th>deadline due</th>"
            "<th>targets</th><th>references</th></tr>")
    body = "".join(rows) or '<tr><td colspan="7" class="muted">no directives</td></tr>'
    return f'<table class="directives">{head}{body}</table>'


def _warnings_table(doc: Document, text: str) -> str:
    rows = []
    for w in doc.warnings:
        where = text[w.span[0]:w.span[1]][:80] if w.span else ""
        span = f"{w.span[0]}–{w.span[1]}" if w.span else ""
        rows.append(f'<tr class="warning"><td>{_e(w.code)}</td><td>{_e(w.message)}</td>'
                    f"<td>{_e(span)}</td><td>{_e(where)}</td></tr>")
    body = "".join(rows) or '<tr><td colspan="4" class="muted">no warnings</td></tr>'
    return f'<table class="warnings"><tr><th>code</th><th>message</th><th>span</th><th>text</th></tr>{body}</table>'


def render_page(doc: Document, text: str, title: str = "") -> str:
    legend = "".join(f'<mark class="entity" style="background:{c}">{_e(k)} <span class="label">{_e(l)}</span></mark>'
                     for k, (l, c) in KINDS.items())
    counts = ", ".join(f"{len(getattr(doc, k))} {k}" for k in KINDS)
    m = doc.metadata
    meta = " · ".join(_e(x) for x in (m.doc_type, m.number and f"số {m.number}", m.symbol, m.issuer, m.date) if x)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title or 'cchc review')}</title><style>{CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1><p>{meta}</p><p class=\"legend\">{legend}</p><p class=\"muted\">{_e(counts)}</p>"
        f'<div class="doc">{render_marked(text, _entities(doc))}</div>'
        f"<h2>Directives ({len(doc.directives)})</h2>{_directives_table(doc)}"
        f"<h2>Warnings ({len(doc.warnings)})</h2>{_warnings_table(doc, text)}"
        "</body></html>\n")


def write_review(path: Path, html_out: Path) -> Path:
    """Extract `path` and write the review page to `html_out`."""
    from .pipeline import extract_text
    from .reading import read_path

    path, html_out = Path(path), Path(html_out)
    decoded, source = read_path(path)
    doc = extract_text(decoded.text, source)
    doc.warnings[0:0] = decoded.warnings
    html_out.write_text(render_page(doc, decoded.text, path.name), encoding="utf-8")
    return html_out
