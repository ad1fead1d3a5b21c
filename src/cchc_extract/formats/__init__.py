"""Output formats: json, jsonl, csv, xlsx, ics.

Work is split in two so that a batch streams: `payload(fmt, doc, name)` runs
where the document was extracted (a worker process) and returns small,
picklable data; a writer from `open_writer` runs in the parent and appends
payloads to one combined output as they arrive.  Only `json` to a folder
writes one file per document (the worker writes it; see batch.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from ..models import Document

FORMATS = ("json", "jsonl", "csv", "xlsx", "ics")
# the one combined output a batch writes into --out DIR (csv: one file per table)
COMBINED = {"jsonl": "documents.jsonl", "csv": "directives.csv", "xlsx": "documents.xlsx",
            "ics": "deadlines.ics"}


def payload(fmt: str, doc: Document, name: str, pretty: bool = True) -> Any:
    if fmt == "json":
        return json_bytes(doc, pretty)
    if fmt == "jsonl":
        return json_bytes(doc, False)
    if fmt in ("csv", "xlsx"):
        from .rows import doc_rows

        return doc_rows(doc, name)
    if fmt == "ics":
        from .ical import events

        return events(doc, name)
    raise ValueError(f"unknown format {fmt!r}")


def json_bytes(doc: Document, pretty: bool = True) -> bytes:
    """The document's JSON (indented by 2 when pretty, else one line) and a newline, as UTF-8
    bytes: what the serializer makes, never decoded to str (a quarter of the cost) to be
    encoded back when written."""
    return doc.__pydantic_serializer__.to_json(doc, indent=2 if pretty else None) + b"\n"


def open_writer(fmt: str, dest: Optional[Path], stdout=None):
    """A writer for a combined output at file `dest` (None: stdout).

    For csv, `dest` names the directives table; the other tables go beside it
    as `<stem>.<table>.csv` (or `<table>.csv` when dest is `directives.csv`)."""
    from .writers import CsvWriter, IcsWriter, TextWriter, XlsxWriter

    cls = {"json": TextWriter, "jsonl": TextWriter, "csv": CsvWriter, "xlsx": XlsxWriter,
           "ics": IcsWriter}[fmt]
    return cls(dest, stdout)
