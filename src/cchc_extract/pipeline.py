"""The extraction pipeline: text -> normalized text -> layout -> entities -> directives."""
from __future__ import annotations

import time
from bisect import bisect_right
from pathlib import Path
from typing import Optional

from . import diagnostics
from .gc_pause import collector_paused
from .matchers import Found, MatchContext, registry, select
from .models import Body, DateMention, Deadline, Document, Reference, Source, Target, validate_rows
from .normalize import NormalizedText, normalize
from .reading import DEFAULT_MAX_BYTES, read_bytes, read_path
from .rules import RuleSet, default_rules
from .structure import Layout, analyze
from .structure.records import footnote_models, item_models, segment_models
from .table_items import add_table_items

MODELS = {
    "references": (Reference, "r"),
    "dates": (DateMention, "t"),
    "bodies": (Body, "b"),
    "targets": (Target, "q"),
    "deadlines": (Deadline, "d"),
}

DEFAULT_BUDGET_S = 60.0

# A footnote cites a source or a statistic ("[2] Theo số liệu trên Cổng … đến ngày 31/5/2024, có
# 18/63 địa phương đạt trên 50%"): it sets no goal and no time limit, so its figures and times are
# neither targets nor deadlines (their dates, references and bodies are still read)
_NOT_IN_NOTES = ("targets", "deadlines")


def _outside_notes(found: list[Found], layout: Layout) -> list[Found]:
    notes = sorted((fn.start, fn.end) for fn in layout.footnotes)
    starts = [s for s, _ in notes]
    out = []
    for f in found:
        i = bisect_right(starts, f.start) - 1
        if i < 0 or f.start >= notes[i][1]:
            out.append(f)
    return out


def _entities(kind: str, found: list[Found], norm: NormalizedText, layout: Layout) -> list:
    if not found:  # nothing to map or validate (small documents: most kinds)
        return []
    model, prefix = MODELS[kind]
    original = norm.original
    spans = norm.spans_to_original([(f.start, f.end) for f in found])
    items = layout.items_at([f.start for f in found])
    rows = []
    for f, span, item, id_ in zip(found, spans, items, _ids(prefix, len(found))):
        # the winner's own fields become its row (Found.fields says so): a copy cost a quarter of it
        row = f.fields
        row["id"] = id_
        row["text"] = original[span[0]:span[1]]
        row["span"] = span
        row["rule"] = f.rule
        row["item"] = item
        rows.append(row)
    return validate_rows(model, rows)   # one validation per kind


_IDS: dict[str, list[str]] = {}
_IDS_KEPT = 4096        # ids kept per kind (memory stays bounded): most documents need fewer


def _ids(prefix: str, n: int) -> list[str]:
    """The ids prefix1 .. prefixN of n entities: formatting an int costs more than the rest of a
    row, so the first _IDS_KEPT of each kind are made once per process, as documents need them."""
    kept = _IDS.get(prefix, [])
    want = min(n, _IDS_KEPT)
    if len(kept) < want:   # a longer list replaces the kept one (never changed in place: threads)
        kept = _IDS[prefix] = kept + [f"{prefix}{i}" for i in range(len(kept) + 1, want + 1)]
    if n <= _IDS_KEPT:
        return kept[:n]
    return kept + [f"{prefix}{i}" for i in range(_IDS_KEPT + 1, n + 1)]


def extract_text(original: str, source: Optional[Source] = None, *, rules: Optional[RuleSet] = None,
                 budget_s: float = DEFAULT_BUDGET_S, keep_losers: bool = False,
                 ctx_out: Optional[list] = None) -> Document:
    """Extract a Document from already-decoded text (ctx_out, if given, receives the MatchContext).

    The cyclic garbage collector is paused meanwhile (gc_pause.py says why)."""
    with collector_paused():
        return _extract_text(original, source, rules, budget_s, keep_losers, ctx_out)


def _extract_text(original: str, source: Optional[Source], rules: Optional[RuleSet], budget_s: float,
                  keep_losers: bool, ctx_out: Optional[list]) -> Document:
    t0 = time.monotonic()
    rules = rules or default_rules()
    source = source or Source(size=len(original.encode("utf-8", "surrogatepass")))
    if not original or original.isspace():      # = not original.strip(), without the copy
        doc = Document(source=source)
        doc.warnings.append(diagnostics.warn("W101"))
        return doc
    norm = normalize(original)
    layout = analyze(norm)
    add_table_items(norm, layout)        # task-table rows become items (before matching: item_at)
    # made once the metadata is known: a default Metadata would be built and thrown away
    doc = Document(source=source, metadata=layout.metadata)
    warnings = doc.warnings
    if not norm.was_nfc:
        warnings.append(diagnostics.warn("W104"))
    if norm.breaks_restored:
        warnings.append(diagnostics.warn("W210", f"{norm.breaks_restored} line breaks put back"))
    if norm.ocr_digits:
        warnings.append(diagnostics.warn("W212", f"{norm.ocr_digits} letters in numbers read as digits"))
    if norm.ocr_xa:
        warnings.append(diagnostics.warn("W214", f"{norm.ocr_xa} \"xă\" read as \"xã\""))
    if norm.json_export:
        warnings.append(diagnostics.warn("W213", "a JSON export: the text is read from its string lines"))
    if norm.unmarked:   # (found by normalize: the normalized text holds the marks given back)
        (s, e), n = norm.unmarked
        warnings.append(diagnostics.warn(
            "W211", f"{n} line(s) typed without Vietnamese diacritics: {norm.marks_restored} administrative "
                    f"phrase(s) read with their marks, other words there are not read", span=(s, e)))
    if "\ufffd" in original:
        i = original.index("\ufffd")
        warnings.append(diagnostics.warn("W106", span=(i, i + 1)))
    warnings.extend(layout.warnings)
    doc.segments = segment_models(norm, layout)
    doc.items.extend(item_models(norm, layout))
    doc.footnotes.extend(footnote_models(norm, layout))

    ctx = MatchContext(norm=norm, rules=rules, doc_date=doc.metadata.date, layout=layout,
                       warnings=warnings)
    if ctx_out is not None:
        ctx_out.append(ctx)
    for kind, find in registry().items():
        if time.monotonic() - t0 > budget_s:
            warnings.append(diagnostics.warn(
                "W105", f"time budget of {budget_s:.0f}s exceeded before {kind}; {kind} and later kinds not extracted"))
            break
        try:
            found = find(ctx)
        except TimeoutError:  # a regex ran past MatchContext.timeout: skip the kind, keep the document
            warnings.append(diagnostics.warn(
                "W105", f"a {kind} pattern ran past the {ctx.timeout}s regex timeout; {kind} not extracted"))
            found = []
        except ValueError as exc:  # regex's \d knows newer Unicode digits than int(): skip the kind
            warnings.append(diagnostics.warn("W107", f"{kind} not extracted: {exc}"))
            found = []
        winners, losers = select(found)
        if kind in _NOT_IN_NOTES and layout.footnotes and winners:
            winners = _outside_notes(winners, layout)
        ctx.found[kind] = winners
        if keep_losers:
            ctx.losers[kind] = losers
        setattr(doc, kind, _entities(kind, winners, norm, layout))

    doc.directives = _directive_builder()(doc, ctx)
    doc.warnings.sort(key=lambda w: (w.span or (-1, -1), w.code))
    return doc


_DIRECTIVES: list = []    # directives.build_directives, once imported


def _directive_builder():
    """directives.build_directives, imported late (it uses every kind) and once: an import
    statement per document costs more than the call."""
    if not _DIRECTIVES:
        from .directives import build_directives
        _DIRECTIVES.append(build_directives)
    return _DIRECTIVES[0]


def extract(text_or_path, *, rules: Optional[RuleSet] = None, max_bytes: int = DEFAULT_MAX_BYTES,
            encoding: Optional[str] = None) -> Document:
    """Extract from a str of document text, a Path, or bytes.

    A ``str`` is taken as document text; pass a ``pathlib.Path`` to read a file.
    """
    if isinstance(text_or_path, Path):
        decoded, source = read_path(text_or_path, max_bytes=max_bytes, encoding=encoding)
    elif isinstance(text_or_path, (bytes, bytearray)):
        decoded, source = read_bytes(bytes(text_or_path), max_bytes=max_bytes, encoding=encoding)
    else:
        return extract_text(str(text_or_path), rules=rules)
    doc = extract_text(decoded.text, source, rules=rules)
    doc.warnings[0:0] = decoded.warnings
    return doc


def extract_with_context(original: str, source: Optional[Source] = None, *,
                         rules: Optional[RuleSet] = None) -> tuple[Document, Optional[MatchContext]]:
    """Extract keeping the losing candidates; returns (doc, ctx) for `cchc explain`.

    ctx is None when the input is empty (nothing was matched)."""
    box: list = []
    doc = extract_text(original, source, rules=rules, keep_losers=True, ctx_out=box)
    return doc, (box[0] if box else None)
