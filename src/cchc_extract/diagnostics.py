"""The catalogue of warning codes put on the output (never raised)."""
from __future__ import annotations

from .models import Warning_

CODES: dict[str, str] = {
    # reading and normalization
    "W101": "empty input",
    "W102": "input converted from a legacy or non-UTF-8 encoding",
    "W103": "mojibake (double-encoded UTF-8) repaired",
    "W104": "input was not in NFC form; normalized for matching",
    "W105": "per-document time budget exceeded; later stages skipped",
    "W106": "replacement characters (U+FFFD) in the input: text was damaged before it reached us",
    "W107": "a kind could not be read in this document (digits this Python cannot convert); it is left empty",
    # structure
    "W201": "no header found (issuer, number or date line missing)",
    "W202": "a block of the document is repeated",
    "W203": "a list restarts with no parent heading; attached to the nearest parent present",
    "W204": "duplicate item path made unique",
    "W205": "footnote mark without a footnote text",
    "W206": "footnote text without a mark in the body",
    "W207": "paragraph rejoined across a page break or footnote block",
    "W208": "web debris or metadata table outside the document",
    "W209": "no labelled items found",
    "W210": "line breaks lost in a copy were put back (before the layout words, labels and dashes)",
    "W211": "lines typed without Vietnamese diacritics: only the listed administrative phrases in them are read",
    "W212": "letters that a scan's OCR puts for digits inside numbers (l, O) were read as 1, 0",
    "W213": "the input is a web site's JSON export: its string lines were read as the document's lines",
    "W214": "the misreading \"xă\" (no Vietnamese word) was read as \"xã\" (commune)",
    "W215": "a label typed without its space (\"3.Sở …\", \"II.NHIỆM VỤ\") was read as a label",
    # entities
    "W301": "document number, symbol or citation word looks mistyped (kept as written)",
    "W302": "impossible date as printed (kept, marked suspect)",
    "W303": "relative deadline left unresolved: the document has no date",
    "W304": "ambiguous entity overlap resolved by priority",
    # directives
    "W401": "directive names no responsible body",
}


def warn(code: str, message: str | None = None, span: tuple[int, int] | None = None) -> Warning_:
    if code not in CODES:
        raise KeyError(f"unknown warning code {code}")
    return Warning_(code=code, message=message or CODES[code], span=span)
