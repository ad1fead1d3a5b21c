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
        return _json_line(doc, 2 if pretty else None)
    if fmt == "jsonl":
        return _json_line(doc, None)
    if fmt in ("csv", "xlsx"):
        from .rows import doc_rows

        return doc_rows(doc, name)
    if fmt == "ics":
        from .ical import events

        return events(doc, name)
    raise ValueError(f"unknown format {fmt!r}")


def json_bytes(doc: Document, pretty: bool = True) -> bytes:
    """payload("json", ...) as UTF-8 bytes, for a file: no decoding to str and encoding back."""
    return doc.__pydantic_serializer__.to_json(doc, indent=2 if pretty else None) + b"\n"


def _json_line(doc: Document, indent: Optional[int]) -> str:
    """doc.model_dump_json(indent=indent) + "\n", for less: the serializer is called directly and
    the newline is appended in place (`text + "\n"` would copy the whole text once more)."""
    text = doc.__pydantic_serializer__.to_json(doc, indent=indent).decode()
    text += "\n"
    return text


def open_writer(fmt: str, dest: Optional[Path], stdout=None):
    """A writer for a combined output at file `dest` (None: stdout).

    For csv, `dest` names the directives table; the other tables go beside it
    as `<stem>.<table>.csv` (or `<table>.csv` when dest is `directives.csv`)."""
    from .writers import CsvWriter, IcsWriter, TextWriter, XlsxWriter

    cls = {"json": TextWriter, "jsonl": TextWriter, "csv": CsvWriter, "xlsx": XlsxWriter,
           "ics": IcsWriter}[fmt]
    return cls(dest, stdout)
