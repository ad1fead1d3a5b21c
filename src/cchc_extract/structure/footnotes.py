"""Footnotes: notes (superscript-led lines, "[n] …" lines) paired with their marks in the text."""
from __future__ import annotations

from typing import Callable, Optional

from ..models import Warning_
from ..normalize import NormalizedText
from . import FootnoteNode
from .lines import Line
from .text import clean
from .warnlimit import Warner
from ..startup_cache import compile_regex

_INLINE_BRACKET = compile_regex(r"\[\^?(\d{1,3})\]")     # "[1]", a markdown converter's "[^1]"
_INLINE_PAREN = compile_regex(r"(?<=[\p{L}\d.,;:)\"'])\((\d{1,2})\)")    # "… của Chính phủ(1)"
PAREN_NOTE = compile_regex(r"^\((\d{1,2})\)\s+(?=\S)")
_UNIT_BEFORE = compile_regex(r"\d\s*(?:k|c|d)?m$")     # m², km² are units, not marks


def mark_paren_notes(lines: list[Line], lo: int) -> set[str]:
    """ "(1) …" lines after the body are notes (only there: in the body they are ordinary text)."""
    found = set()
    for ln in lines[lo:]:
        if ln.note is None and ln.text:
            m = PAREN_NOTE.match(ln.text)
            if m:
                ln.note, ln.note_start, ln.paren = m.group(1), ln.start + m.end(), True
                found.add(m.group(1))
    return found


# a note whose superscript was lost at the page foot while its mark in the text kept it:
# "1 Quyết định số 1052/QĐ-UBND …" (an item's number always has its "." or ")")
_DIGIT_NOTE = compile_regex(r"^(\d{1,2})[ \t]+(?=\p{Lu})")


def mark_digit_notes(lines: list[Line], marks: list) -> None:
    """A line opened by a bare number and a capital is a note's text when a superscript mark of
    that number stands in the running text above it and no note line took it yet; the first such
    line after the mark only."""
    if not marks:
        return
    openers = {ln.mark_pos for ln in lines if ln.note is not None}
    pending: dict[str, int] = {}          # marker -> position of its first running-text mark
    for m in marks:
        if m.norm_pos not in openers and m.marker.isdigit():
            pending.setdefault(m.marker, m.norm_pos)
    for ln in lines:
        if ln.note is not None and not ln.paren:
            pending.pop(ln.note, None)    # that marker has its note line already
    if not pending:
        return
    for ln in lines:
        t = ln.text
        if ln.note is None and t and t[0].isdigit():
            m = _DIGIT_NOTE.match(t)
            if m and pending.get(m.group(1), ln.start) < ln.start:
                ln.note, ln.note_start = m.group(1), ln.start + m.end()
                del pending[m.group(1)]


def find_marks(norm: NormalizedText, lines: list[Line],
               paren: frozenset = frozenset(), notes: Optional[list[Line]] = None
               ) -> list[tuple[str, int, int, Optional[tuple[int, int]]]]:
    """Marks in running text: (marker, norm start, norm end, original span or None).
    notes: the lines with a note, when the caller has them (one pass over the lines saved)."""
    if notes is None:
        notes = [ln for ln in lines if ln.note is not None]
    note_lines = {ln.idx for ln in notes}
    out = []
    text = norm.text
    openers = {ln.mark_pos for ln in notes if ln.mark_pos >= 0}   # only a note line has a mark_pos
    for m in norm.marks:
        p = m.norm_pos
        if p in openers:
            continue                      # a mark opening a line opens a footnote text
        if _UNIT_BEFORE.search(text[max(0, p - 6):p]):
            continue
        out.append((m.marker, p, p, m.span))
    # each mark pattern needs its bracket: a text without any has no inline mark to look for
    if "[" in text or (paren and "(" in text):
        out.extend(_inline_marks(text, lines, note_lines, paren))
    out.sort(key=lambda x: x[1])
    return out


def _inline_marks(text: str, lines: list[Line], note_lines: set[int],
                  paren: frozenset) -> list[tuple[str, int, int, None]]:
    """"[n]" marks, and "(n)" ones for the markers in paren, in the lines outside notes."""
    out = []
    for ln in lines:
        if not ln.text or ln.idx in note_lines:
            continue
        seg = text[ln.start:ln.end]
        if "[" in seg:                    # each mark pattern needs its bracket: cheap tests first
            for m in _INLINE_BRACKET.finditer(seg):
                out.append((m.group(1), ln.start + m.start(), ln.start + m.end(), None))
        if paren and "(" in seg:
            for m in _INLINE_PAREN.finditer(seg):
                if m.group(1) in paren:
                    out.append(("(" + m.group(1), ln.start + m.start(), ln.start + m.end(), None))
    return out


def build_footnotes(norm: NormalizedText, lines: list[Line], anchor_of: Callable[[int], Optional[str]],
                    paren: frozenset = frozenset(),
                    note_end: Optional[dict[int, int]] = None) -> tuple[list[FootnoteNode], list[Warning_]]:
    warner = Warner()
    note_lines = [ln for ln in lines if ln.note is not None]
    notes = [ln for ln in note_lines if not ln.note_cont]
    note_end = note_end or {}
    marks = find_marks(norm, lines, paren, note_lines)
    used = [False] * len(marks)
    by_marker: dict[str, list[int]] = {}
    for k, mk in enumerate(marks):
        by_marker.setdefault(mk[0], []).append(k)
    nxt: dict[str, int] = {}
    out = []
    for ln in notes:
        end = lines[note_end.get(ln.idx, ln.idx)].end
        fn = FootnoteNode(marker=ln.note, start=ln.note_start, end=end,
                          text=clean(norm.original_slice(ln.note_start, end), nfc=norm.nfc_quick,
                                     plain=norm.plain))
        want = "(" + ln.note if ln.paren else ln.note
        cands = by_marker.get(want, [])
        j = nxt.get(want, 0)
        if j < len(cands):                 # the first unused mark with this marker
            k = cands[j]
            nxt[want] = j + 1
            _, s, e, ospan = marks[k]
            used[k] = True
            fn.mark = (s, e)
            fn.mark_original = ospan
            fn.anchor = anchor_of(max(s - 1, 0))
        else:
            warner.add("W206", f"footnote {ln.note} has no mark in the text",
                       span=norm.to_original(ln.start, ln.end))
        out.append(fn)
    for k, (marker, s, e, ospan) in enumerate(marks):
        if not used[k] and not marker.startswith("("):   # "(n)" in text is often not a mark
            warner.add("W205", f"mark {marker} has no footnote text", span=ospan or norm.to_original(s, e))
    return out, warner.finish()
