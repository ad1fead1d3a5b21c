"""Flat rows of a Document for analysts' tables (CSV files, xlsx sheets).

One table of directives (who must do what, by when), one of documents
(header metadata) and one per entity kind, each with its text and span.
Columns come from the models, so a field added to models.py shows up here.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..models import Body, DateMention, Deadline, Document, Item, Reference, Target, Warning_

LIST_SEP = " | "   # joins list cells; ';' and ',' occur inside body names

DIRECTIVE_COLUMNS = ["document", "id", "item", "text", "lead", "support", "modality", "lead_source",
                     "deadline_due", "deadlines", "targets", "references", "start", "end"]
DOCUMENT_COLUMNS = ["document", "sha256", "doc_type", "number", "symbol", "issuer", "place",
                    "date", "subject", "items", "directives", "warnings"]
ENTITY_MODELS = {"items": Item, "references": Reference, "dates": DateMention, "bodies": Body,
                 "targets": Target, "deadlines": Deadline, "warnings": Warning_}


LEADING = ("document", "id", "item", "path", "label", "code", "text", "start", "end")


def _model_columns(model) -> list[str]:
    """Who/where/what first, then the kind's own fields, the producing rule last."""
    cols = ["document"]
    for name in model.model_fields:
        cols.extend(("start", "end") if name == "span" else (name,))
    rest = [c for c in cols if c not in LEADING and c != "rule"]
    return [c for c in LEADING if c in cols] + rest + (["rule"] if "rule" in cols else [])


SHEETS: dict[str, list[str]] = {"directives": DIRECTIVE_COLUMNS, "documents": DOCUMENT_COLUMNS}
SHEETS.update({kind: _model_columns(m) for kind, m in ENTITY_MODELS.items()})


def cell(value: Any) -> Any:
    """A value a CSV writer and openpyxl both accept."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(cell(v)) for v in value)
    return str(value)


def _entity_row(document: str, obj, columns: list[str]) -> list:
    data = obj.model_dump()
    span = data.pop("span", None) or (None, None)
    data.update(document=document, start=span[0], end=span[1])
    return [cell(data.get(c)) for c in columns]


def _texts(ids: Iterable[str], by_id: dict) -> list[str]:
    return [by_id[i].text for i in ids if i in by_id]


def directive_rows(doc: Document, document: str) -> list[list]:
    deadlines = {d.id: d for d in doc.deadlines}
    targets = {t.id: t for t in doc.targets}
    refs = {r.id: r for r in doc.references}
    rows = []
    for d in doc.directives:
        due = [deadlines[i].due for i in d.deadlines if i in deadlines and deadlines[i].due]
        rows.append([document, d.id, d.item, d.text, cell([b.text for b in d.lead]),
                     cell([b.text for b in d.support]), d.modality, d.lead_source, cell(due),
                     cell(_texts(d.deadlines, deadlines)), cell(_texts(d.targets, targets)),
                     cell(_texts(d.references, refs)), d.span[0], d.span[1]])
    return rows


def document_row(doc: Document, document: str) -> list:
    m = doc.metadata
    return [document, doc.source.sha256, m.doc_type, m.number, m.symbol, m.issuer,
            m.place, m.date, m.subject, len(doc.items), len(doc.directives), len(doc.warnings)]


def doc_rows(doc: Document, document: str) -> dict[str, list[list]]:
    """Every table's rows for one document (small: built in a worker, sent to the writer)."""
    out = {"directives": directive_rows(doc, document), "documents": [document_row(doc, document)]}
    for kind in ENTITY_MODELS:
        cols = SHEETS[kind]
        out[kind] = [_entity_row(document, obj, cols) for obj in getattr(doc, kind)]
    return out
