"""Glue: lines -> repeated block / debris -> header -> body / tail -> items, footnotes, metadata."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from .. import diagnostics
from ..normalize import NormalizedText
from . import ItemNode, Layout
from .footer import Tail, parse_tail, signature_block
from .attachments import Attachment, find_attachments
from .footnotes import build_footnotes, mark_digit_notes, mark_paren_notes
from .lines import Line, extend_notes, split_lines
from .metadata import MetaBuilder, web_table
from .segment import Header, blank_mode, find_repeat, header_anchor, parse_header, web_table_end
from .labels import reset_memo as reset_label_memo
from .tree import build_items
from ..startup_cache import compile_regex


_LINE_BREAK = compile_regex(r"\r\n|\r|\n")


def analyze_document(norm: NormalizedText) -> Layout:
    layout = Layout()
    if not norm.text or norm.text.isspace():      # (no stripped copy of the text)
        return layout
    reset_label_memo()                 # label answers are memoized per document
    lines = split_lines(norm)
    mark_digit_notes(lines, norm.marks)
    # the site table is only looked for near the top: split just that much of the original
    original_lines = _first_lines(norm.original, 60)
    note_end: dict[int, int] = {}
    loose = blank_mode(lines, 0, len(lines))
    if loose:
        extend_notes(lines, note_end)
    lo, table_end = _front_debris(norm, lines, original_lines, layout)
    lo, dup_items = _repeated_opening(norm, lines, lo, layout, loose)

    h = parse_header(lines, lo, len(lines), loose)
    if h.number is None and h.date is None and not h.issuer_lines:
        layout.warnings.append(diagnostics.warn("W201"))
    layout.segments.extend(header_segments(lines, h))
    attached = find_attachments(lines, h.body_start, len(lines))
    main_end = attached[0].start if attached else len(lines)
    tail = parse_tail(lines, h.body_start, main_end)
    after_body = tail.closing[1] if tail.closing else tail.body_end
    paren = frozenset(mark_paren_notes(lines, after_body))
    extend_notes(lines, note_end, after_body, loose)     # notes after the body, "(n)" ones included
    tail.signature = [ln for ln in tail.signature if ln.note is None]

    items, warns, first = build_items(norm, lines, h.body_start, tail.body_end, paren=paren,
                                      taken=frozenset(it.path for it in dup_items))
    layout.warnings.extend(warns)
    items += _attachment_items(norm, lines, attached, layout, loose, paren,
                               {it.path for it in items} | {it.path for it in dup_items})
    layout.items = dup_items + items
    if not items:
        layout.warnings.append(diagnostics.warn("W209"))
    _body_segments(lines, h.body_start, tail, first, layout)
    sig = signature_block(tail.signature, tail.gaps())     # read by the segments and the metadata
    _footer_segments(norm, lines, tail, layout, note_end, sig)
    layout.segments.sort(key=lambda s: (s[1], s[2]))

    anchor_of = _anchor_finder(items, layout.preamble)
    layout.footnotes, fwarns = build_footnotes(norm, lines, anchor_of, paren, note_end)
    layout.warnings.extend(fwarns)

    mb = MetaBuilder(norm, lines)
    mb.header(h)
    mb.complete_issuer(lines[tail.closing[0]] if tail.closing else None, from_header=bool(h.issuer_lines))
    mb.footer(tail, web_table(original_lines, table_end), sig)
    layout.metadata = mb.meta
    return layout


def _attachment_items(norm: NormalizedText, lines: list[Line], attached: list[Attachment], layout: Layout,
                      loose: bool, paren: frozenset, taken: set[str]) -> list[ItemNode]:
    """Items of each attached document, and an "attachment" segment.

    Their paths are the labels alone ("I/1/a"), as ANNOTATION.md defines a path and as
    annotators write an attached plan's items; only where one such path would repeat a path
    the document already has (taken: the main body's, an earlier attachment's) do all of
    that attachment's items go under its prefix ("kh/I/1/a"), so that no two items share one."""
    out: list[ItemNode] = []
    for k, att in enumerate(attached):
        hi = attached[k + 1].start if k + 1 < len(attached) else len(lines)
        ah = parse_header(lines, att.title, hi, loose)
        atail = parse_tail(lines, ah.body_start, hi)
        items, warns, _ = build_items(norm, lines, ah.body_start, atail.body_end, paren=paren)
        if any(it.path in taken for it in items):
            items, warns, _ = build_items(norm, lines, ah.body_start, atail.body_end, prefix=att.prefix,
                                          paren=paren)
        layout.warnings.extend(warns)
        taken.update(it.path for it in items)
        out.extend(items)
        layout.segments.append(("attachment", lines[att.start].start, _end_of(lines, att.start, hi, lines[att.start].end)))
    return out


def _first_lines(text: str, n: int, head: int = 8192) -> list[str]:
    """The first n lines of text (any line break): str.split, much faster, when there is no CR;
    of the first `head` characters when they hold n line feeds (the rest is neither copied nor
    searched: every break up to the n-th line feed lies in them, so the first n lines are the same)."""
    if len(text) > head and text.count("\n", 0, head) >= n:
        text = text[:head]
    if "\r" in text:
        return _LINE_BREAK.split(text, maxsplit=n)[:n]
    return text.split("\n", n)[:n]


def _front_debris(norm: NormalizedText, lines: list[Line], original_lines: list[str],
                  layout: Layout) -> tuple[int, int]:
    """Skip a site's metadata table and title lines above the header. Returns (first line, table end)."""
    lo = 0
    table_end = web_table_end(original_lines, lines, 0, len(lines))
    if table_end > 0:
        layout.segments.append(("debris", lines[0].start, lines[table_end - 1].end))
        layout.warnings.append(diagnostics.warn("W208", span=norm.to_original(lines[0].start, lines[table_end - 1].end)))
        lo = table_end
    anchor = header_anchor(lines, lo, len(lines))
    if anchor > lo:
        layout.segments.append(("debris", lines[lo].start, _end_of(lines, lo, anchor, lines[lo].start)))
        layout.warnings.append(diagnostics.warn("W208", span=norm.to_original(lines[lo].start, lines[anchor - 1].end)))
        lo = anchor
    return lo, table_end


def _repeated_opening(norm: NormalizedText, lines: list[Line], lo: int, layout: Layout,
                      loose: bool) -> tuple[int, list[ItemNode]]:
    """A repeated opening (a truncated preview copy): its items get "dup/" paths; the second copy is the document."""
    rep = find_repeat(lines)
    if rep and not _near_top(lines, lo, rep[0]):
        layout.warnings.append(diagnostics.warn(
            "W202", f"lines {rep[0] + 1}-{rep[1]} repeat at lines {rep[2] + 1}-{rep[3]}",
            span=norm.to_original(lines[rep[2]].start, lines[rep[3] - 1].end)))
        return lo, []
    if not rep:
        return lo, []
    a0, a1, b0, _ = rep
    layout.warnings.append(diagnostics.warn(
        "W202", f"lines {a0 + 1}-{a1} repeat at lines {b0 + 1}-{rep[3]}; the first copy is kept apart",
        span=norm.to_original(lines[a0].start, lines[a1 - 1].end)))
    layout.segments.append(("repeat", lines[a0].start, _end_of(lines, a0, b0, lines[a0].start)))
    dh = parse_header(lines, a0, b0, loose)
    items, warns, _ = build_items(norm, lines, dh.body_start, b0, prefix="dup/")
    layout.warnings.extend(warns)
    return b0, items


def _body_segments(lines: list[Line], bs: int, tail: Tail, first: int, layout: Layout) -> None:
    be = tail.body_end
    body_lo = lines[bs].start if bs < len(lines) else (lines[-1].end if lines else 0)
    body_hi = _end_of(lines, bs, be, body_lo)
    if body_hi > body_lo:
        layout.segments.append(("body", body_lo, body_hi))
        pre = (body_lo, first if first >= 0 else body_hi)
        if pre[1] > pre[0]:
            layout.preamble = pre
            layout.segments.append(("preamble", *pre))
    if tail.closing:
        cs, ce = tail.closing
        layout.segments.append(("closing", lines[cs].start, _end_of(lines, cs, ce, lines[cs].start)))


def _footer_segments(norm: NormalizedText, lines: list[Line], tail: Tail, layout: Layout,
                     note_end: dict[int, int], sig: tuple) -> None:
    """sig: signature_block of the tail's signature lines."""
    segs = layout.segments
    if tail.noi_nhan is not None:
        end = tail.distribution[-1].end if tail.distribution else lines[tail.noi_nhan].end
        segs.append(("distribution", lines[tail.noi_nhan].start, end))
    block, name_line, rest = sig
    # a concurrent office between title and name ("GIÁM ĐỐC SỞ NỘI VỤ") is the signer's too
    between = [ln for ln in tail.signature if ln.text and block[-1].idx < ln.idx < name_line.idx] \
        if block and name_line else []
    sig_lines = block + between + ([name_line] if name_line else [])
    for ln in sig_lines:                 # per line: a flattened footer interleaves Nơi nhận entries
        segs.append(("signature", ln.start, ln.end))
    notes = [ln for ln in lines if ln.note is not None]      # in line order: one pass for both uses
    last_note = notes[-1].idx if notes else -1
    last_sig = sig_lines[-1].idx if sig_lines else -1
    debris = [ln for ln in rest if ln.idx > max(last_note, last_sig, tail.noi_nhan or -1)]
    if debris:                           # "Đăng xuất" and other site lines after the document
        segs.append(("debris", debris[0].start, debris[-1].end))
        layout.warnings.append(diagnostics.warn("W208", span=norm.to_original(debris[0].start, debris[-1].end)))
    for ln in notes:
        if not ln.note_cont:
            segs.append(("footnote", ln.start, lines[note_end.get(ln.idx, ln.idx)].end))


def _near_top(lines: list[Line], lo: int, i: int, reach: int = 15) -> bool:
    """A repeated opening starts among the first lines of the document proper."""
    if i < lo:
        return False
    return sum(1 for ln in lines[lo:i] if ln.text) < reach


def _end_of(lines: list[Line], lo: int, hi: int, default: int) -> int:
    """End offset of the last non-blank, non-footnote line in [lo, hi)."""
    for ln in reversed(lines[lo:hi]):
        if ln.text and ln.note is None:
            return ln.end
    return default


def _anchor_finder(items: list[ItemNode], preamble):
    parts = sorted((s, e, it.path) for it in items for s, e in it.parts)
    starts = [p[0] for p in parts]
    first = items[0].start if items else None

    def anchor_of(pos: int) -> Optional[str]:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and parts[i][0] <= pos < parts[i][1]:
            return parts[i][2]
        if preamble and preamble[0] <= pos < preamble[1]:
            return "preamble"
        if first is not None and pos < first:
            return "preamble"
        return None
    return anchor_of


def header_segments(lines: list[Line], h: Header) -> list[tuple[str, int, int]]:
    """Fine segments of the header: issuer, motto, number, place_date, doc_type, subject, recipients."""
    out = []
    for i, s, e in h.issuer_lines:
        out.append(("issuer", s, e))
    for s, e in h.motto:
        out.append(("motto", s, e))
    if h.number:
        i, m = h.number
        out.append(("number", lines[i].start + m.start(), lines[i].start + m.end()))
    if h.date:
        i, m = h.date
        out.append(("place_date", lines[i].start + m.start(), lines[i].start + m.end()))
    if h.doc_type_line is not None:
        ln = lines[h.doc_type_line]
        out.append(("doc_type", ln.start, ln.end))
    if h.subject:
        out.append(("subject", h.subject[0][0], h.subject[-1][1]))
    if h.kinh_gui is not None:
        end = h.recipients[-1].end if h.recipients else lines[h.kinh_gui].end
        out.append(("recipients", lines[h.kinh_gui].start, end))
    return out
