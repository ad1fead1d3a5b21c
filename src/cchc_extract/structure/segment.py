"""Segmentation into the parts of Nghị định 30/2020 (Điều 8): header, body, closing, footer.

Works on Lines of the normalized text.  Tolerates a missing header, flattened
two-column header tables, web debris before/after the document and a repeated
opening block.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from ..chartest import CharTest
from .labels import match_label
from .lines import Line
from .vocab import (doc_type_line_re, header_mark_re, motto_matches, motto_search, prefix_re, site_menu_re,
                    unmarked_issuer_re)
from ..startup_cache import compile_regex

NUMBER_RE = compile_regex(
    r"(?:^|(?<=\s))Số\s*+(?:hiệu\s*+)?:?\s*+(?P<num>\d++[a-zA-Z]?)?\s*+[/-]\s*+"
    r"(?P<sym>[\p{L}\d&.]++(?:\s*+[-/]\s*+[\p{L}\d&.]++)*+)")
# the day and month may be written in words ("Hà Nội, ngày tám tháng Bảy năm 2021")
_DAY_WORDS = (r"(?i:(?:hai|ba)\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|sáu|bảy|tám|chín))?"
              r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)")
_MONTH_WORDS = r"(?i:giêng|mười(?:\s+(?:một|hai))?|chạp|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)"
# (a place holds no run of three blanks: that is a table cell's border the normaliser blanked,
# "V/v … trên Cổng Dịch vụ công quốc gia | Bạc Liêu, ngày …")
DATE_RE = compile_regex(
    r"(?P<place>\p{Lu}(?:[\p{L}.']| {1,2}+(?! )){0,40}?)\s*+,\s*+ngày\b[\s.…_]*+(?P<d>\d{1,2}|" + _DAY_WORDS + r"(?=\s+tháng))?[\s.…_]*+"
    r"(?:tháng|/|-)[\s.…_]*+(?P<m>\d{1,2}|" + _MONTH_WORDS + r"(?=\s+năm))?[\s.…_]*+(?:năm|/|-)[\s.…_]*+(?P<y>\d{4})?")


def find_number(t: str) -> Optional[regex.Match]:
    """NUMBER_RE.search(t), after a C-speed test for the literal it needs."""
    return NUMBER_RE.search(t) if "Số" in t else None


def find_date(t: str, pos: int = 0) -> Optional[regex.Match]:
    """DATE_RE.search(t, pos), after a C-speed test for the literal it needs."""
    return DATE_RE.search(t, pos) if "ngày" in t else None


VV_RE = compile_regex(r"^(?:V/v|V/V|v/v|Về\s+việc)[\s*_]*+:?[\s*_]*+")
_VV_INSIDE = compile_regex(r"(?<=\s)(?:V/v|V/V|v/v|Về\s+việc)[\s*_]*+:?[\s*_]*+")   # after the number cell
# the addressee line: "Kính gửi:", or a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:" / "CHỦ TỊCH UBND
# TỈNH điện:" (the sender's title in capitals, then "điện:"), both followed by the recipients
# (a tờ trình addresses its superior with "Kính trình:")
KINH_GUI_RE = compile_regex(r"^(?:Kính\s+(?:gửi|trình)[\s*_]*+:?|\p{Lu}[\p{Lu}\s.&-]{2,100}?\s(?:điện|ĐIỆN)[\s*_]*+:)[\s*_]*+")
NOI_NHAN_RE = compile_regex(r"^Nơi\s+nhận[\s*_]*+:?[\s*_]*+")
NOI_NHAN_FIRST = "Nơi"                  # literal start of a NOI_NHAN_RE match (a cheap test first)
# (and a markdown table's alignment row, its pipes made spaces: " :---: :---: ")
SEPARATOR_RE = compile_regex(r"^[-_=*.·~\s]{1,}$|^\s*:?-{3,}:?(?:\s+:?-{3,}:?)*\s*$")
# (and a markdown list's "* ", its star and the space: a lone "*" without one is emphasis)
DASH_ENTRY_RE = compile_regex(r"^(?:[-+•]|\*(?=[ \t]))\s*+")
DASH_FIRSTS = ("-", "+", "•", "* ", "*\t")   # DASH_ENTRY_RE matches exactly the texts starting with one
CLOSING_MARK = "./."
CLOSING_FALLBACK = compile_regex(
    r"^(?:Trên\s+đây\s+là|Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai(?:\s+thực\s+hiện)?|thực\s+hiện)"
    r"|Nhận\s+được\s+(?:công\s+văn|văn\s+bản)\s+này"
    r"|[\p{Lu}][\p{L} ]{0,70}?\s(?:yêu\s+cầu|đề\s+nghị|thông\s+báo)\s+(?:các|Thủ\s+trưởng|Giám\s+đốc|Chủ\s+tịch|đến)\b"
    r"|[\p{Lu}][\p{L} ]{0,70}?\sthông\s+báo\s+để\b"   # "Văn phòng Tỉnh ủy thông báo để … biết, thực hiện."
    r"|Nghị\s+quyết\s+này\s+(?:đã\s+)?được\s)")      # a resolution's adoption: "… được HĐND tỉnh … thông qua"
BODY_OPENER = compile_regex(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s|Để\s|Nhằm\s|Ngày\s+\d|Trong\s+(?:thời\s+gian|năm)|"
    r"Tiếp\s+theo|Sau\s+khi|Vừa\s+qua|Thời\s+gian\s+qua)")
NAME_RE = compile_regex(r"^(?:\p{Lu}\p{Ll}*+\s++){1,5}+\p{Lu}\p{Ll}*+$")
LOWER_START = compile_regex(r"^[\p{Ll}\d(]")


_LOWER_FIRST = CharTest(LOWER_START)     # LOWER_START depends on the first character only


def starts_lower(text: str) -> bool:
    """bool(LOWER_START.match(text)), by the first character."""
    return bool(text) and _LOWER_FIRST[text[0]]


# literal tests that every match passes, tried before the anchored patterns
_VV_STARTS = ("V/", "v/v", "Về")
_SEPARATOR_FIRST = CharTest(compile_regex(r"[-_=*.·~\s:]"))


def match_vv(t: str) -> Optional[regex.Match]:
    """VV_RE.match(t), after a test of its literal start."""
    return VV_RE.match(t) if t.startswith(_VV_STARTS) else None


# dash entries typed on the Kính gửi line itself ("Kính gửi: - Sở Nội vụ; - Sở Tài chính; - UBND …",
# a Word header flattened into one row): each a recipient of its own
_INLINE_ENTRY_BREAK = compile_regex(r";[ \t]*(?=[-+•][ \t])")


def _inline_entries(ln: Line) -> list[Line]:
    """The Kính gửi line's own text as one entry, or one per dash entry when it opens with one."""
    t = ln.text.lstrip(" |")
    if t[:1] not in ("-", "+", "•") or not _INLINE_ENTRY_BREAK.search(t):
        return [ln]
    out, base, pos = [], ln.start + len(ln.text) - len(t), 0
    for m in [*_INLINE_ENTRY_BREAK.finditer(t), None]:
        end = len(t) if m is None else m.start()
        piece = t[pos:end]
        lead = len(piece) - len(piece.lstrip(" \t"))
        piece = piece.strip(" \t")
        if piece:
            out.append(Line(ln.idx, base + pos + lead, base + pos + lead + len(piece), piece))
        pos = end if m is None else m.end()
    return out


def match_kinh_gui(t: str) -> Optional[regex.Match]:
    """KINH_GUI_RE.match(t), after a test of the literals it needs."""
    return KINH_GUI_RE.match(t) if t.startswith("Kính") or "điện" in t or "ĐIỆN" in t else None


def is_separator(t: str) -> bool:
    """SEPARATOR_RE matches t (a rule line), after a test of its first character."""
    return _SEPARATOR_FIRST.starts(t) and SEPARATOR_RE.match(t) is not None


def ends_sentence(text: str) -> bool:
    """The line ends with sentence punctuation (closing quotes/brackets aside)."""
    t = text.rstrip(" \t\"')]}»*")
    return t[-1:] in (".", "!", "?", ":", ";", "…")


def wraps(entry: Line, nxt: Line) -> bool:
    """nxt continues a list entry wrapped onto the next line (no blank line, no entry end)."""
    if nxt.idx != entry.idx + 1 or ends_sentence(entry.text) or len(nxt.text) > 120:
        return False
    if starts_lower(nxt.text):
        return True
    return not (is_upper(nxt.text) or NAME_RE.match(nxt.text) or _is_header_element(nxt.text)
                or prefix_re().match(nxt.text) or NOI_NHAN_RE.match(nxt.text))


def join_lines(a: Line, b: Line) -> Line:
    """One entry from a line and its wrapped continuation (text joined by a space)."""
    return Line(a.idx, a.start, b.end, f"{a.text} {b.text}")


def is_upper(text: str) -> bool:
    if len(text) > 300:                  # header and signature lines are short
        return False
    letters = "".join(filter(str.isalpha, text))     # filter/map: the loops run in C
    if len(letters) < 2:
        return False
    return sum(map(str.isupper, letters)) >= 0.9 * len(letters)


@dataclass
class Header:
    lo: int = 0                                 # first line of the document proper
    issuer_lines: list[tuple[int, int, int]] = field(default_factory=list)  # (line, start, end)
    motto: list[tuple[int, int]] = field(default_factory=list)   # normalized spans
    number: Optional[tuple[int, regex.Match]] = None
    date: Optional[tuple[int, regex.Match]] = None
    doc_type_line: Optional[int] = None
    subject: list[tuple[int, int]] = field(default_factory=list)        # normalized ranges
    subject_kind: str = ""                      # "vv" or "title"
    recipients: list[Line] = field(default_factory=list)
    kinh_gui: Optional[int] = None
    body_start: int = 0                         # line index where the body starts
    end: int = 0                                # normalized offset where the header ends


def blank_mode(lines: list[Line], lo: int, hi: int) -> bool:
    """True when paragraphs are separated by blank lines.

    Judged on the lines that open items or notes (hard-wrapped paragraphs add many
    non-blank lines); with few of those, on the share of blank lines.
    """
    n = hi - lo
    if n <= 0:
        return False
    opened = preceded = 0
    for i in range(max(lo, 1), hi):
        ln = lines[i]
        text = ln.text
        if not text or ln.note_cont or not (ln.note is not None or match_label(text)):
            continue
        above = lines[i - 1].text
        if text.startswith(DASH_FIRSTS) and above.startswith(DASH_FIRSTS):
            continue                     # dash lists are written tight, whatever the paragraphs do
        opened += 1
        preceded += not above
    if opened >= 3:
        return preceded >= 0.6 * opened
    return sum(1 for ln in lines[lo:hi] if not ln.text) >= 0.2 * n


# a label and its value; some sites print two pairs a row ("| Số hiệu: | 7815/BGTVT-VP | Loại văn bản: | Công văn |")
_WEB_ROW = compile_regex(r"^\|\s*([^|]{1,40}?)\s*\|\s*([^|]*?)\s*\|(?:\s*([^|]{1,40}?)\s*\|\s*([^|]*?)\s*\|)?\s*$")


def web_table_end(original_lines: list[str], lines: list[Line], lo: int, hi: int) -> int:
    """Line index after a site's metadata table ("| Số hiệu | 138/KH-UBND |") near the top, else lo.

    A row has exactly two cells, a short label that is not itself a header cell (a
    document's own header is often a table too: "| Số: 45/KH-UBND | Bắc Ninh, ngày … |").
    """
    end, rows = lo, 0
    for i in range(lo, min(hi, lo + 40, len(original_lines))):
        row = original_lines[i].strip()
        m = row.startswith("|") and _WEB_ROW.match(row)
        if m and not _is_header_element(m.group(1)) and not _is_header_element(m.group(2)) \
                and not is_upper(m.group(1)) and not (m.group(3) and _is_header_element(m.group(4))):
            end, rows = i + 1, rows + 1
        elif row and not row.startswith("|") and (rows or _is_header_element(row)):
            break        # the table has ended, or the document's header began: later two-cell rows
            #              (a signature table) are the document's
    return end if rows >= 2 else lo


def _is_header_element(t: str) -> bool:
    return bool(find_number(t) or find_date(t) or motto_search(t)
                or match_kinh_gui(t) or match_vv(t))


def parse_header(lines: list[Line], lo: int, hi: int, blanks: Optional[bool] = None) -> Header:
    """Read the header cells from line lo on; stop at the first line that belongs to the body."""
    return _HeaderReader(lines, lo, hi, blanks).read()


def _outside(t: str, matches: list) -> Optional[tuple[int, int]]:
    """The longest stretch of t outside the matches, trimmed of spaces and rules (start, end)."""
    best = None
    edges = [0] + [x for m in matches for x in m.span()] + [len(t)]
    for a, b in zip(edges[::2], edges[1::2]):
        while a < b and t[a] in " -_|":
            a += 1
        while b > a and t[b - 1] in " -_|":
            b -= 1
        if b > a and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return best


class _HeaderReader:
    def __init__(self, lines: list[Line], lo: int, hi: int, blanks: Optional[bool] = None):
        self.lines, self.lo, self.hi = lines, lo, hi
        self.h = Header(lo=lo, body_start=lo)
        self.blanks = blank_mode(lines, lo, hi) if blanks is None else blanks
        self.seen_any = False

    def read(self) -> Header:
        h, lines = self.h, self.lines
        i, limit = self.lo, min(self.hi, self.lo + 60)
        while i < limit:
            start = i
            ln = lines[i]
            t = ln.text
            if ln.blank or is_separator(t) or header_mark_re().match(t):
                i += 1
                continue
            if ln.note is not None or prefix_re().match(t) or (
                    match_label(t) is not None and not find_number(t)):
                break
            if match_kinh_gui(t):
                i = self._recipients(i)
                break
            if self._cells(i):
                i += 1
            elif match_vv(t):
                i = self._vv(i)
            elif doc_type_line_re().match(t):
                i = self._title(i)
            elif (is_upper(t) and len(t) < 120 or unmarked_issuer_re().fullmatch(t)) \
                    and h.number is None and h.date is None and not h.subject:
                h.issuer_lines.append((i, ln.start, ln.end))
                i += 1
            elif is_upper(t) and len(t) < 120 and not h.subject and (h.date or h.number):
                i = self._upper_title(i)          # title lines under a lost or absent type line
            elif h.subject_kind == "vv" and starts_lower(t) and h.subject and \
                    lines[i - 1].start <= h.subject[-1][0] <= lines[i - 1].end:
                # "V/v rà soát …   Hà Nội, ngày …" / "và điều kiện …": the V/v cell wraps under the date
                h.subject.append((ln.start, ln.end))
                i += 1
            else:
                break
            if i <= start:   # a reader that consumed nothing: stop rather than loop forever
                break
            self.seen_any = True
            h.body_start = i
        if not self.seen_any:
            h.body_start = self.lo
        while h.body_start < self.hi and lines[h.body_start].blank:
            h.body_start += 1
        if h.date is None and self.seen_any and h.body_start < self.hi:
            self._glued_date(h.body_start)
        h.end = lines[h.body_start - 1].end if h.body_start > self.lo else (
            lines[self.lo].start if self.lo < len(lines) else 0)
        return h

    def _glued_date(self, i: int) -> None:
        """"Đồng Tháp, ngày 08 tháng 9 năm 2025 Thực hiện …": the place-date cell glued to the first
        body paragraph (a copy that lost the line break) is still the document's date; the line
        stays in the body."""
        t = self.lines[i].text
        d = find_date(t)
        if d is not None and d.start() == 0 and d.group("y"):
            self.h.date = (i, d)

    def _cells(self, i: int) -> bool:
        """Motto, number and date cells (several may share a flattened line). True if any."""
        h, ln = self.h, self.lines[i]
        t = ln.text
        found = False
        mottos = motto_matches(t)
        if mottos:
            h.motto.extend((ln.start + x.start(), ln.start + x.end()) for x in mottos)
            cell = _outside(t, mottos)
            if cell and h.number is None and h.date is None:
                s, e = cell                         # the issuer cell shares the line
                if is_upper(t[s:e]) and not find_date(t[s:e]):
                    h.issuer_lines.append((i, ln.start + s, ln.start + e))
            found = True
        m = find_number(t)
        if m and h.number is None:
            h.number = (i, m)
            before = t[:m.start()].strip(" -_|")
            if before and is_upper(before) and not mottos:
                s = ln.start + t.find(before)
                h.issuer_lines.append((i, s, s + len(before)))
            found = True
            self._vv_after_number(ln, m.end())
        # the place starts after any number or motto cell flattened onto the same line
        skip = max([m.end() if m else 0] + [x.end() for x in mottos])
        d = find_date(t, skip)
        if d and h.date is None and (d.group("y") or d.group("m") or "ngày" in t):
            h.date = (i, d)
            found = True
            v = match_vv(t)
            if v and not h.subject and d.start() > v.end():
                # "V/v … Hà Nội, ngày …": subject and date cells on one line
                h.subject_kind = "vv"
                h.subject = [(ln.start + v.end(), ln.start + len(t[:d.start()].rstrip()))]
        return found

    def _vv_after_number(self, ln: Line, pos: int) -> None:
        """"Số: 12/UBND-VP V/v …" in one cell (a Word header flattened into a pipe row): the
        subject runs from the V/v to the cell's end, or to the date cell on the same line."""
        h, t = self.h, ln.text
        v = _VV_INSIDE.search(t, pos)
        if h.subject or v is None or t[pos:v.start()].strip(" |"):
            return
        end = t.find("|", v.end())
        end = len(t) if end < 0 else end
        d = find_date(t, v.end())
        if d is not None and d.start() < end:
            end = d.start()
        text = t[v.end():end].rstrip(" ,|")
        if text:
            h.subject_kind = "vv"
            h.subject = [(ln.start + v.end(), ln.start + v.end() + len(text))]

    def _recipients(self, i: int) -> int:
        """The "Kính gửi" list: inline, dash entries, or one addressee on the next line."""
        h, lines = self.h, self.lines
        ln = lines[i]
        h.kinh_gui = i
        rest = ln.text[KINH_GUI_RE.match(ln.text).end():].strip()
        i += 1
        if rest:
            h.recipients += _inline_entries(Line(ln.idx, ln.end - len(rest), ln.end, rest))
        while i < self.hi:
            nxt = lines[i]
            if nxt.blank:
                i += 1
                continue
            if DASH_ENTRY_RE.match(nxt.text) and not rest:
                h.recipients.append(nxt)
                i += 1
                continue
            if h.recipients and wraps(h.recipients[-1], nxt) and not BODY_OPENER.match(nxt.text):
                h.recipients[-1] = join_lines(h.recipients[-1], nxt)     # an entry wrapped over two lines
                i += 1
                continue
            if not h.recipients and not rest and len(nxt.text) < 160 and not BODY_OPENER.match(nxt.text) \
                    and match_label(nxt.text) is None and nxt.note is None:
                h.recipients.append(nxt)
                i += 1
            break
        self.seen_any = True
        h.body_start = i
        return i

    def _vv(self, i: int) -> int:
        """ "V/v …" and its continuation lines (lower-case ones when paragraphs are not blank-separated)."""
        h, lines = self.h, self.lines
        ln = lines[i]
        h.subject_kind = "vv"
        h.subject = [(ln.start + VV_RE.match(ln.text).end(), ln.end)]
        i += 1
        while i < self.hi:
            nxt = lines[i]
            if nxt.blank or nxt.note is not None or _is_header_element(nxt.text) or BODY_OPENER.match(nxt.text):
                break
            if header_mark_re().match(nxt.text.strip()):   # "HỎA TỐC" printed under the V/v cell
                break
            if not self.blanks and not starts_lower(nxt.text) and not self._block_goes_on(i):
                break
            h.subject.append((nxt.start, nxt.end))
            i += 1
        return i

    def _block_goes_on(self, i: int) -> bool:
        """Line i continues a V/v block though it starts with a capital ("Chỉ số cải cách …"):
        the line above ends no sentence, and a blank line closes the block within 3 lines of
        short lines (the block is set apart from what follows, as a header cell is), or the next
        header element does (the national motto of a two-column header read column by column)."""
        lines = self.lines
        if ends_sentence(lines[i - 1].text):
            return False
        for j in range(i, min(self.hi, i + 3)):
            t = lines[j].text
            if lines[j].blank:
                return j > i
            if len(t) > 100 or match_kinh_gui(t) or BODY_OPENER.match(t) or match_label(t) is not None:
                return False
            if j > i and _is_header_element(t):
                return True
        return False

    def _title(self, i: int) -> int:
        """The type line (KẾ HOẠCH, THÔNG BÁO, …) and the title lines under it."""
        h, lines = self.h, self.lines
        h.doc_type_line = i
        i += 1
        while i < self.hi and lines[i].blank:
            i += 1
        first = True
        while i < self.hi:
            nxt = lines[i]
            upper = is_upper(nxt.text)
            if nxt.blank or nxt.note is not None or is_separator(nxt.text) or (
                    _is_header_element(nxt.text) and not (first and match_vv(nxt.text))):
                break                              # (a rule line "-----" under the title ends it)
            wrapped = not first and starts_lower(nxt.text) and not ends_sentence(lines[i - 1].text)
            if not first and not wrapped and (BODY_OPENER.match(nxt.text) or match_label(nxt.text)
                                              or (not self.blanks and not upper)):
                break
            if first and not self.blanks and not upper and h.subject_kind:
                break
            h.subject.append((nxt.start, nxt.end))
            h.subject_kind = "title"
            first = False
            i += 1
            if not self.blanks and not upper and not (i < self.hi and starts_lower(lines[i].text)):
                break                              # one sentence-case title line, then the body
        return i

    def _upper_title(self, i: int) -> int:
        h, lines = self.h, self.lines
        while i < self.hi and not lines[i].blank and is_upper(lines[i].text) \
                and not _is_header_element(lines[i].text):
            h.subject.append((lines[i].start, lines[i].end))
            i += 1
        h.subject_kind = "title"
        return i


def find_repeat(lines: list[Line], min_chars: int = 200, min_lines: int = 4) -> Optional[tuple[int, int, int, int]]:
    """A run of identical non-blank lines occurring twice: (a0, a1, b0, b1) line ranges.

    Linear: each line is looked up once in a dict of first occurrences; a run is
    only extended from a line that starts it.
    """
    content = [i for i, ln in enumerate(lines) if ln.text]
    first: dict[str, int] = {}
    k = 0
    n = len(content)
    while k < n:
        i = content[k]
        t = lines[i].text
        j_pos = first.setdefault(t, k)    # a line seen before keeps its first occurrence
        if j_pos != k and len(t) >= 20:
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
        k += 1
    return None


_SO_START = compile_regex(r"^Số\b")


def header_anchor(lines: list[Line], lo: int, hi: int, look: int = 25) -> int:
    """First line of the document proper when a few lines of site debris precede it, else lo.

    The header is anchored on the motto, a "Số:" line or the date line; the upper-case
    issuer lines just above the anchor belong to it.
    """
    content = [i for i in range(lo, min(hi, lo + look * 2)) if not lines[i].blank][:look]
    if not content:
        return lo
    first = lines[content[0]].text
    if is_upper(first) or _is_header_element(first) or doc_type_line_re().match(first) \
            or unmarked_issuer_re().fullmatch(first):
        # (a site's name in capitals over its menu is no issuer: "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH X" /
        # "Trang chủ | Giới thiệu | …"; the header is then found by its motto as below)
        if len(content) < 2 or not site_menu_re().search(lines[content[1]].text):
            return lo
    for k, i in enumerate(content):
        t = lines[i].text
        if motto_search(t) or _SO_START.match(t) and NUMBER_RE.search(t) or DATE_RE.match(t):
            j = k
            # the issuer's lines above, and the rule under them ("UBND HUYỆN X" / "-------")
            while j > 0 and (is_upper(above := lines[content[j - 1]].text) and len(above) < 80
                             or is_separator(above) or unmarked_issuer_re().fullmatch(above)):
                j -= 1
            if j == 0 or any(match_label(lines[c].text) for c in content[:j]):
                return lo
            return content[j]
    return lo
