"""Segmentation into the parts of Nghị định 30/2020 (Điều 8): header, body, closing, footer.

Works on Lines of the normalized text.  Tolerates a missing header, flattened
two-column header tables, web debris before/after the document and a repeated
opening block.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from .labels import match_label
from .lines import Line
from .vocab import doc_type_line_re, motto_re, prefix_re

NUMBER_RE = regex.compile(
    r"(?:^|(?<=\s))Số\s*+(?:hiệu\s*+)?:?\s*+(?P<num>\d++[a-zA-Z]?)?\s*+[/-]\s*+"
    r"(?P<sym>[\p{L}\d&.]++(?:\s*+[-/]\s*+[\p{L}\d&.]++)*+)")
DATE_RE = regex.compile(
    r"(?P<place>\p{Lu}[\p{L}.' ]{0,40}?)\s*+,\s*+ngày\b[\s.…_]*+(?P<d>\d{1,2})?[\s.…_]*+"
    r"(?:tháng|/|-)[\s.…_]*+(?P<m>\d{1,2})?[\s.…_]*+(?:năm|/|-)[\s.…_]*+(?P<y>\d{4})?")
VV_RE = regex.compile(r"^(?:V/v|V/V|v/v|Về\s+việc)\s*+:?\s*+")
KINH_GUI_RE = regex.compile(r"^Kính\s+gửi\s*+:?\s*+")
NOI_NHAN_RE = regex.compile(r"^Nơi\s+nhận\s*+:?\s*+")
SEPARATOR_RE = regex.compile(r"^[-_=*.·~\s]{1,}$")
DASH_ENTRY_RE = regex.compile(r"^[-+•]\s*+")
CLOSING_MARK = "./."
CLOSING_FALLBACK = regex.compile(
    r"^(?:Trên\s+đây\s+là|Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện"
    r"|Nhận\s+được\s+(?:công\s+văn|văn\s+bản)\s+này"
    r"|[\p{Lu}][\p{L} ]{0,70}?\s(?:yêu\s+cầu|đề\s+nghị|thông\s+báo)\s+(?:các|Thủ\s+trưởng|Giám\s+đốc|Chủ\s+tịch|đến)\b)")
NAME_RE = regex.compile(r"^(?:\p{Lu}\p{Ll}*+\s++){1,5}+\p{Lu}\p{Ll}*+$")
_LOWER_START = regex.compile(r"^[\p{Ll}\d(]")


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    return sum(1 for c in letters if c.isupper()) >= 0.9 * len(letters)


@dataclass
class Header:
    lo: int = 0                                 # first line of the document proper
    issuer_lines: list[tuple[int, int, int]] = field(default_factory=list)  # (line, start, end)
    motto: list[int] = field(default_factory=list)
    number: Optional[tuple[int, regex.Match]] = None
    date: Optional[tuple[int, regex.Match]] = None
    doc_type_line: Optional[int] = None
    subject: list[tuple[int, int]] = field(default_factory=list)        # normalized ranges
    subject_kind: str = ""                      # "vv" or "title"
    recipients: list[Line] = field(default_factory=list)
    kinh_gui: Optional[int] = None
    body_start: int = 0                         # line index where the body starts
    end: int = 0                                # normalized offset where the header ends


@dataclass
class Tail:
    body_end: int                               # line index (exclusive) of the body
    closing: Optional[tuple[int, int]] = None   # line range of the closing paragraph
    noi_nhan: Optional[int] = None
    distribution: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)


def blank_mode(lines: list[Line], lo: int, hi: int) -> bool:
    """True when paragraphs are separated by blank lines."""
    n = hi - lo
    return n > 0 and sum(1 for ln in lines[lo:hi] if ln.blank) >= 0.2 * n


def web_table_end(original_lines: list[str], lines: list[Line], lo: int, hi: int) -> int:
    """Line index after a site's metadata table ("| Số hiệu | ... |") near the top, else lo."""
    end = lo
    for i in range(lo, min(hi, lo + 40)):
        raw = original_lines[i].strip() if i < len(original_lines) else ""
        if raw.startswith("|") and raw.count("|") >= 3:
            end = i + 1
    return end


def _is_header_element(t: str) -> bool:
    return bool(NUMBER_RE.search(t) or DATE_RE.search(t) or motto_re().search(t)
                or KINH_GUI_RE.match(t) or VV_RE.match(t))


def parse_header(lines: list[Line], lo: int, hi: int) -> Header:
    h = Header(lo=lo, body_start=lo)
    blanks = blank_mode(lines, lo, hi)
    i = lo
    limit = min(hi, lo + 60)
    seen_any = False
    while i < limit:
        ln = lines[i]
        t = ln.text
        if ln.blank or SEPARATOR_RE.match(t):
            i += 1
            continue
        if ln.note is not None or match_label(t) is not None and not NUMBER_RE.search(t):
            break
        if KINH_GUI_RE.match(t):
            h.kinh_gui = i
            rest = t[KINH_GUI_RE.match(t).end():].strip()
            i += 1
            if rest:
                h.recipients.append(Line(ln.idx, ln.end - len(rest), ln.end, rest))
            while i < hi:
                nxt = lines[i]
                if nxt.blank:
                    i += 1
                    continue
                if DASH_ENTRY_RE.match(nxt.text) and not rest:
                    h.recipients.append(nxt)
                    i += 1
                    continue
                break
            h.body_start = i
            seen_any = True
            break
        consumed = False
        mm = motto_re().search(t)
        if mm:
            h.motto.append(i)
            rem = motto_re().sub(" ", t).strip(" -_|")
            if rem and is_upper(rem) and h.number is None and h.date is None and not DATE_RE.search(rem):
                # flattened two-column header: the issuer cell shares the line
                s = ln.start + t.find(rem)
                h.issuer_lines.append((i, s, s + len(rem)))
            consumed = True
        m = NUMBER_RE.search(t)
        if m and h.number is None:
            h.number = (i, m)
            before = t[:m.start()].strip(" -_|")
            if before and is_upper(before) and not mm:
                h.issuer_lines.append((i, ln.start + t.find(before), ln.start + t.find(before) + len(before)))
            consumed = True
        d = DATE_RE.search(t)
        if d and h.date is None and (d.group("y") or d.group("m") or "ngày" in t):
            h.date = (i, d)
            consumed = True
        if consumed:
            seen_any = True
            i += 1
            h.body_start = i
            # a V/v may share the line with the number in flattened tables
            continue
        v = VV_RE.match(t)
        if v:
            h.subject_kind = "vv"
            h.subject = [(ln.start + v.end(), ln.end)]
            i += 1
            while i < hi:
                nxt = lines[i]
                if nxt.blank or _is_header_element(nxt.text) or nxt.note is not None:
                    break
                if not blanks and not _LOWER_START.match(nxt.text):
                    break
                h.subject.append((nxt.start, nxt.end))
                i += 1
            h.body_start = i
            seen_any = True
            continue
        if doc_type_line_re().match(t):
            h.doc_type_line = i
            i += 1
            while i < hi and lines[i].blank:
                i += 1
            first = True
            while i < hi:
                nxt = lines[i]
                if nxt.blank or nxt.note is not None or _is_header_element(nxt.text):
                    break
                if not first and not blanks and not is_upper(nxt.text):
                    break
                if first and not blanks and not is_upper(nxt.text) and h.subject_kind:
                    break
                h.subject.append((nxt.start, nxt.end))
                h.subject_kind = "title"
                first = False
                i += 1
                if not blanks and not is_upper(nxt.text):
                    break
            h.body_start = i
            seen_any = True
            continue
        if is_upper(t) and len(t) < 120:
            if h.number is None and h.date is None and not h.subject:
                h.issuer_lines.append((i, ln.start, ln.end))
                seen_any = True
                i += 1
                h.body_start = i
                continue
            if not h.subject and (h.date is not None or h.number is not None):
                # title lines under a lost or absent type line
                while i < hi and not lines[i].blank and is_upper(lines[i].text) \
                        and not _is_header_element(lines[i].text):
                    h.subject.append((lines[i].start, lines[i].end))
                    i += 1
                h.subject_kind = "title"
                h.body_start = i
                continue
        break
    if not seen_any:
        h.body_start = lo
    h.end = lines[h.body_start - 1].end if h.body_start > lo else (lines[lo].start if lo < len(lines) else 0)
    return h


def _paragraph_start(lines: list[Line], i: int, lo: int) -> int:
    """Walk back over a paragraph split by footnote blocks or page breaks."""
    while _LOWER_START.match(lines[i].text):
        j = i - 1
        while j >= lo and (lines[j].blank or lines[j].note is not None):
            j -= 1
        if j < lo:
            break
        i = j
    return i


def parse_tail(lines: list[Line], lo: int, hi: int) -> Tail:
    """Closing paragraph, Nơi nhận list and signature block after the body."""
    noi = None
    first_prefix = None
    close_line = None
    for i in range(lo, hi):
        t = lines[i].text
        if not t or lines[i].note is not None:
            continue
        if close_line is None and CLOSING_MARK in t:
            close_line = i
        if noi is None and NOI_NHAN_RE.match(t):
            noi = i
        if first_prefix is None and prefix_re().match(t) and is_upper(t[:20]):
            first_prefix = i
    end = min(x for x in (noi, first_prefix, hi) if x is not None)
    tail = Tail(body_end=end, noi_nhan=noi)
    if close_line is not None and close_line < end:
        start = _paragraph_start(lines, close_line, lo)
        if match_label(lines[start].text) is None:
            tail.closing = (start, close_line + 1)
            tail.body_end = start
        else:
            tail.body_end = close_line + 1
    else:
        # no "./.": the last unlabelled paragraph may still be a closing formula
        j = end - 1
        while j >= lo and (lines[j].blank or lines[j].note is not None):
            j -= 1
        if j >= lo:
            start = _paragraph_start(lines, j, lo)
            if match_label(lines[start].text) is None and CLOSING_FALLBACK.match(lines[start].text):
                tail.closing = (start, j + 1)
                tail.body_end = start
    if noi is not None:
        i = noi + 1
        rest = lines[noi].text[NOI_NHAN_RE.match(lines[noi].text).end():].strip()
        if rest and DASH_ENTRY_RE.match(rest):
            ln = lines[noi]
            tail.distribution.append(Line(ln.idx, ln.end - len(rest), ln.end, rest))
        while i < hi:
            ln = lines[i]
            if ln.blank:
                i += 1
                continue
            if DASH_ENTRY_RE.match(ln.text):
                tail.distribution.append(ln)
                i += 1
                continue
            break
    dist_idx = {ln.idx for ln in tail.distribution}
    start = tail.closing[1] if tail.closing else tail.body_end
    for ln in lines[start:hi]:
        if ln.blank or ln.note is not None or ln.idx in dist_idx or ln.idx == noi:
            continue
        tail.signature.append(ln)
    return tail


def find_repeat(lines: list[Line], min_chars: int = 400, min_lines: int = 4) -> Optional[tuple[int, int, int, int]]:
    """A run of identical non-blank lines occurring twice: (a0, a1, b0, b1) line ranges.

    Linear: each line is looked up once in a dict of first occurrences; a run is
    only extended from a line that starts it.
    """
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    first: dict[str, int] = {}
    k = 0
    n = len(content)
    while k < n:
        i = content[k]
        t = lines[i].text
        j_pos = first.get(t)
        if j_pos is not None and len(t) >= 20:
            a, b, run, chars = j_pos, k, 0, 0
            while b + run < n and a + run < k and lines[content[a + run]].text == lines[content[b + run]].text:
                chars += len(lines[content[b + run]].text)
                run += 1
            back = 0
            while a - back - 1 >= 0 and a + 0 > 0 and lines[content[a - back - 1]].text == lines[content[b - back - 1]].text \
                    and b - back - 1 > a + run - 1:
                back += 1
                chars += len(lines[content[a - back]].text)
            if run + back >= min_lines and chars >= min_chars:
                a0, a1 = content[a - back], content[a + run - 1] + 1
                b0, b1 = content[b - back], content[b + run - 1] + 1
                return a0, a1, b0, b1
            k += max(run, 1)
            continue
        first.setdefault(t, k)
        k += 1
    return None
