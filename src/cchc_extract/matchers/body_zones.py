"""Where bodies are not annotated: header issuer lines, signature block, filing lines.

The structure analyzer's segments are used when they exist, together with simple
layout facts of NĐ 30/2020 documents (which also cover what a segmenter may miss,
and text whose line breaks were lost):
- the issuer block is the ALL-CAPS text just above the "Số:" line;
- the signature block starts at TM./KT./TL./TUQ. followed by ALL-CAPS text, and
  any ALL-CAPS line (or run of 3+ capitalised words) after "Nơi nhận";
- filing entries in Nơi nhận ("- Lưu: VT, CVNC", "- CV: HCQT").
"ALL-CAPS text" is a run of words without a lower-case letter, so it works both
line by line and on a document flattened to one line.
"""
from __future__ import annotations

import re
from itertools import repeat
from typing import Any, Iterator, Optional

from ..trie import unicode_classes
from .anchors import occurrences
from ..structure.lines import page_heads

# segment kinds (from structure.Layout.segments) that hold metadata, not body text
# (web debris and mottos are not needed: site chrome and the national or Party motto
# name no body, and a segmenter may mistake wrapped body text for them)
SKIP_KINDS = frozenset({"issuer", "parent_issuer", "motto", "signature", "filing"})   # the motto or a banner names no body

# stdlib re: simple patterns that re scans several times faster than `regex`.
# Markers: "Số:", "TM./KT./TL./TUQ. X", "Nơi nhận:" and filing entries ("Lưu: VT, …", "CV: …",
# "Lưu Văn phòng Tỉnh ủy"),
# each after white space, "*", "|" or at the start, as (literal head, pattern of the rest).
# Every alternative starts with a literal letter, so `re` skips in C to those letters (a
# pattern starting with a look-around is tried at every position); the boundary is checked
# after that letter (2-character look-behind).  The first letter tells the kind.  Lower-case
# "nơi nhận:" has its own pattern: "n" starts too many words to be a first letter here.
_AFTER_BOUNDARY = r"(?<![^\s*|].)"
_FILING_TAIL = r"[ \t]*[^\s;.]+(?:[ \t,&]+[^\s;.]+)*"
_AUTHORITY_TAIL = r"[ \t]*\.[ \t]*[^\W\d_]"
_RECIPIENTS_TAIL = r"[ \t]+nhận[ \t]*:"
_MARKER_FORMS = (
    ("Số", r"[ \t]*:"),
    ("TM", _AUTHORITY_TAIL), ("KT", _AUTHORITY_TAIL), ("TL", _AUTHORITY_TAIL), ("TUQ", _AUTHORITY_TAIL),
    ("Nơi", _RECIPIENTS_TAIL),
    ("Lưu", r"[ \t]*:" + _FILING_TAIL), ("Lưu", r"[ \t]+VT\b" + _FILING_TAIL),
    ("Lưu", r"[ \t]+Văn[ \t]+phòng\b" + _FILING_TAIL),      # the Party's form: "Lưu Văn phòng Tỉnh ủy."
    ("CV", r"[ \t]*:" + _FILING_TAIL),
)
_MARKER_KIND = {"S": "number", "T": "authority", "K": "authority", "N": "recipients", "n": "recipients",
                "L": "filing", "C": "filing"}


def _marker_pattern(head: str, rest: str) -> str:
    return head[0] + _AFTER_BOUNDARY + re.escape(head[1:]) + rest


_MARKERS = re.compile("|".join(_marker_pattern(*form) for form in _MARKER_FORMS), re.M)
_LOWER_RECIPIENTS = re.compile(_marker_pattern("nơi", _RECIPIENTS_TAIL), re.M)
_MARKER_FIRST = frozenset(head[0] for head, _ in _MARKER_FORMS)   # where a _MARKERS match can start
# "Số:" is found apart, by str.find of its capital "Số": the lower-case "số" ("một số", "số hóa")
# is among the commonest words, and the bodies scanner would report every one of them
_FOUND_APART = "Số"
# every other marker starts with one of these (lower-cased): where the bodies scanner finds one
# after a non-word character, a marker may start (see _markers)
MARKER_STARTS = tuple(sorted({head.lower() for head, _ in _MARKER_FORMS if head != _FOUND_APART}))
# a run of words without lower-case letters (spaces/tabs between words, not line breaks)
_WORD = unicode_classes(r"[^\s\p{Ll}]*\p{Lu}[^\s\p{Ll}]*")
_CAPS_RUN = re.compile(rf"(?<!\S){_WORD}(?:[ \t]+{_WORD})*(?!\S)")
_LINE = re.compile(r"(?m)^[^\n]*")
_SYMBOL = re.compile(unicode_classes(r"[ \t]*\d*[ \t]*/[ \t]*\p{Lu}"))   # "Số: 138/KH-UBND", "Số: /UBND-NC"
_HEADER_REACH = 600      # characters above "Số:" that may hold the issuer block
_SIGNATURE_LINES = 6     # ALL-CAPS lines under an authority line
_FIRST_NUMBER_REACH = 3000   # a "Số:" inside a line counts only near the top (text without line breaks)


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
    # map over the str methods: the same tests without a Python frame per character
    return any(map(str.isalpha, line)) and not any(map(str.islower, line))


def _caps_runs(text: str, start: int, end: int, min_words: int = 1) -> list[tuple[int, int]]:
    return [m.span() for m in _CAPS_RUN.finditer(text, start, end)
            if len(m.group().split()) >= min_words]


def _caps_lines(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """ALL-CAPS lines in [start, end) (blank lines skipped; stops at `limit` lines or a mixed line)."""
    out = []
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if not line.strip():
            continue
        if not _all_caps(line):
            if limit is not None:
                break
            continue
        out.append(m.span())
        if limit is not None and len(out) >= limit:
            break
    return out


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip(" \t*|")


def _marker_at(text: str, pos: int) -> Optional[re.Match]:
    # most places the scanner reports are lower-case words: test the first letter before
    # calling the engine (_MARKERS' letters are capitals, _LOWER_RECIPIENTS' is "n")
    first = text[pos:pos + 1]
    if first in _MARKER_FIRST:
        return _MARKERS.match(text, pos)
    return _LOWER_RECIPIENTS.match(text, pos) if first == "n" else None


def _lower_recipients(text: str) -> Iterator[re.Match]:
    # str.find skips to a rare literal several times faster than a search by `re`
    pos = text.find("nơi")
    while pos >= 0:
        m = _LOWER_RECIPIENTS.match(text, pos)
        if m:
            yield m
        pos = text.find("nơi", pos + 1)


def _markers(text: str, starts: Optional[list[int]] = None) -> Iterator[re.Match]:
    """The markers left to right, none starting inside another: what one finditer over both
    patterns gives (a lower-case "nơi nhận:" holds no first letter of the others).
    `starts`: ascending positions that include every marker's start but "Số:"'s (one of
    MARKER_STARTS after a non-word character), when the caller has them; else the text is searched.
    Either way a marker is a match of its pattern at some position: more positions tried
    find no other markers."""
    if starts is None:
        found = [*_MARKERS.finditer(text), *_lower_recipients(text)]
        found.sort(key=re.Match.start)
    else:
        starts = sorted(starts + occurrences(text, _FOUND_APART))
        found = [m for m in map(_marker_at, repeat(text), starts) if m]
    last_end = 0
    for m in found:
        if m.start() >= last_end:
            last_end = m.end()
            yield m


def _zones(text: str, marker_starts: Optional[list[int]] = None) -> list[tuple[int, int]]:
    zones: list[tuple[int, int]] = []
    last_recipients = None
    for m in _markers(text, marker_starts):
        kind = _MARKER_KIND[text[m.start()]]
        if kind == "filing":
            if _at_line_start(text, m.start()) or text[max(0, m.start() - 2):m.start()].strip() == "-":
                zones.append(m.span())
        elif kind == "number":
            window = (max(0, m.start() - _HEADER_REACH), m.start())
            if _at_line_start(text, m.start()):
                zones += _caps_runs(text, *window)
            elif m.start() < _FIRST_NUMBER_REACH or _SYMBOL.match(text, m.end()):
                # lost line breaks: only runs long enough to be an issuer name ("ỦY BAN NHÂN DÂN")
                zones += _caps_runs(text, *window, min_words=3)
        elif kind == "authority":
            run = _CAPS_RUN.match(text, m.start())
            if run:
                zones.append(run.span())
            line_end = text.find("\n", m.start())
            if line_end >= 0:
                zones += _caps_lines(text, line_end + 1, len(text), limit=_SIGNATURE_LINES)
        elif kind == "recipients":
            last_recipients = m.end()
    if last_recipients is not None:
        # capitals under "Nơi nhận" are the signer's block, except on an entry's line: a
        # recipient may be all capitals ("- Chủ tịch, các PCT UBND TP;")
        caps = (_caps_lines(text, last_recipients, len(text))
                + _caps_runs(text, last_recipients, len(text), min_words=3))
        zones += [span for span in caps if not _on_entry_line(text, span[0])]
    return zones


ENTRY_MARKS = frozenset("-+•–")     # what a Nơi nhận entry's line opens with


def _on_entry_line(text: str, pos: int) -> bool:
    """pos is in the text of a Nơi nhận entry: its line opens with a list mark ("- ", "+ ", "• ")
    and no column gap (a tab, 3+ spaces) comes between: a signer's block typed in a right-hand
    column beside the entries stays out."""
    line_start = text.rfind("\n", 0, pos) + 1
    if pos == line_start:   # a whole line: its text up to the next gap or the line's end
        line_end = text.find("\n", pos)
        pos = line_end if line_end >= 0 else len(text)
    before = text[line_start:pos].lstrip(" \t*")
    if before[:1] not in ENTRY_MARKS or before[1:2] not in (" ", "\t"):
        return False
    entry = before[2:].rstrip()
    return "\t" not in entry and "   " not in entry



def skip_zones(text: str, layout: Any = None, marker_starts: Optional[list[int]] = None
               ) -> list[tuple[int, int]]:
    """Merged, sorted spans of the normalized text where no body is annotated
    (`marker_starts`: see _markers)."""
    segments = getattr(layout, "segments", None) or []
    zones = [(s, e) for k, s, e in segments if k in SKIP_KINDS]
    return merge_spans(zones + _zones(text, marker_starts) + _enacting_authority(text) + page_heads(text))


_GROUNDS = "\nCăn cứ"
_AUTHORITY_REACH = 3000    # the grounds of a decision open near its top


def _enacting_authority(text: str) -> list[tuple[int, int]]:
    """The enacting authority of a decision or resolution: the ALL-CAPS line right above its
    first "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X", "HỘI ĐỒNG NHÂN DÂN TỈNH X"), which
    names the issuer, as the header does, not a body given a task; a council's term line
    under it ("KHÓA XVIII, KỲ HỌP THỨ 9") is passed over."""
    pos = text.find(_GROUNDS, 0, _AUTHORITY_REACH)
    if pos < 0:
        return []
    end = pos
    while end > 0 and text[end - 1] in " \t\n":     # blank lines between
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    if _TERM_LINE.match(line) and start > 0:        # the council's term and session
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
    return [(start, end)] if line.strip() and _all_caps(line) else []


_TERM_LINE = re.compile(r"\s*(?:KHÓA|KHOÁ)\s+[IVXLC\d]+\b")
