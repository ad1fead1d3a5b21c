"""Where bodies are not annotated: header issuer lines, signature block, filing lines.

The structure analyzer's segments are used when they exist, together with simple
layout facts of NĐ 30/2020 documents (which also cover what a segmenter may miss):
- the issuer block is the ALL-CAPS lines just above the "Số:" line;
- the signature block is a line starting with TM./KT./TL./TUQ./Q. and the
  ALL-CAPS lines under it, and any ALL-CAPS line after "Nơi nhận";
- filing lines in Nơi nhận ("- Lưu: VT, CVNC", "- CV: HCQT").
"""
from __future__ import annotations

from typing import Any

import re

# segment kinds (from structure.Layout.segments) that hold metadata, not body text
SKIP_KINDS = frozenset({"issuer", "parent_issuer", "signature", "motto", "national_motto", "filing",
                        "debris", "web_debris"})

# one stdlib-re scan for every layout line of interest (re scans these several times faster than `regex`)
_MARKERS = re.compile(
    r"(?m)^[*_ \t|]*(?:(?P<number>Số[ \t]*:)"
    r"|(?P<authority>(?:TM|KT|TL|TUQ|Q)[ \t]*\.[ \t]*[^\W\d_])"
    r"|(?P<recipients>[Nn]ơi[ \t]+nhận[ \t]*:)"
    r"|[-+•]?[ \t]*(?P<filing>(?:Lưu|CV)\b[^\n]*))")
_LINE = re.compile(r"(?m)^[*_ \t|]*Số[ \t]*:")
_AUTHORITY_LINE = re.compile(r"(?m)^[*_ \t|]*(?:TM|KT|TL|TUQ|Q)[ \t]*\.[ \t]*[^\W\d_]")
_RECIPIENTS_END = re.compile(r"(?mi)^[*_ \t|]*Nơi[ \t]+nhận[ \t]*:")
_FILING_LINE = re.compile(r"(?m)^[ \t]*[-+•]?[ \t]*(?:Lưu|CV)\b[^\n]*")
_LINE = re.compile(r"(?m)^[^\n]*")
_HEADER_REACH = 600      # characters above "Số:" that may hold the issuer block
_SIGNATURE_LINES = 6     # ALL-CAPS lines under an authority line


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _all_caps(line: str) -> bool:
    return any(c.isalpha() for c in line) and not any(c.islower() for c in line)


def _caps_lines(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """ALL-CAPS lines in [start, end) (blank lines skipped; stops at `limit` lines)."""
    out = []
    count = 0
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if not line.strip():
            continue
        if _all_caps(line):
            out.append(m.span())
            count += 1
            if limit is not None and count >= limit:
                break
        elif limit is not None:
            break
    return out


def _zones(text: str, skip_header: bool, skip_signature: bool) -> list[tuple[int, int]]:
    zones: list[tuple[int, int]] = []
    last_recipients = None
    for m in _MARKERS.finditer(text):
        kind = m.lastgroup
        if kind == "filing":
            zones.append(m.span("filing"))
        elif kind == "number" and skip_header:
            zones += _caps_lines(text, max(0, m.start() - _HEADER_REACH), m.start())
        elif kind == "authority" and skip_signature:
            line_start = text.rfind("\n", 0, m.start()) + 1
            zones += _caps_lines(text, line_start, len(text), limit=_SIGNATURE_LINES)
        elif kind == "recipients":
            last_recipients = m.end()
    if skip_signature and last_recipients is not None:
        zones += _caps_lines(text, last_recipients, len(text))
    return zones


def skip_zones(text: str, layout: Any = None) -> list[tuple[int, int]]:
    """Merged, sorted spans of the normalized text where no body is annotated."""
    segments = getattr(layout, "segments", None) or []
    zones = [(s, e) for k, s, e in segments if k in SKIP_KINDS]
    # the layout facts are kept even with segments: they also catch a repeated header
    # (web copies) and a signer's office line printed under the signature
    zones += _zones(text, True, True)
    return merge_spans(zones)
