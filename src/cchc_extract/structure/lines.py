"""Lines of the normalized text, with the footnote facts each line carries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..normalize import Mark, NormalizedText
from .labels import BULLETS, PICTOGRAPHS, match_label
from ..startup_cache import compile_re, compile_regex

# "[1] …" and a markdown converter's "[^1]: …" open a note's text
BRACKET_NOTE = compile_regex(r"\[\^?(\d{1,3})\]:?\s*")
# a page number left on its own line by PDF/Word text extraction ("2", "- 2 -", "Trang 2"):
# a page break, not content, so the paragraph it cuts is rejoined like one cut by a blank line
PAGE_NUMBER = compile_regex(r"(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?")
# ... or a running header or footer that ends with its page ("Kế hoạch số 45/KH-UBND ngày 08/3/2022 - Trang 2/4")
RUNNING_HEAD = compile_regex(r"[^\n]{1,100}?\s[-–|]\s*Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?")
RUNNING_HEAD_MAX = 120
# ... or, right after a page number, the issuer's name repeated at the top of the new page ("2" then
# "BỘ KHOA HỌC VÀ CÔNG NGHỆ"): one of the document's first lines again, in capitals
HEAD_LINES = 4
# pictographs and the spaces after them before a line's label (see split_lines)
_DECORATION = compile_regex(rf"(?:[{PICTOGRAPHS}]\ufe0f?)+[ \t]+")
# spaces and markdown emphasis (*italic*, _italic_) around a line are not its content
_EDGE = " \t\r\f\v*_"
# ... except a star that opens a markdown list item: "* " then text, no closing star
_STAR_BULLET = compile_regex(r"[ \t]{0,3}\*[ \t]+\S(?!.*\*\s*$)")
# a markdown heading's hashes or a blockquote's ">" before a line's content ("## 1. Về …", "> 2. …")
_MD_PREFIX = compile_regex(r"(?:#{1,6}|>(?:[ \t]*>)*)[ \t]+")


@dataclass(slots=True)
class Line:
    idx: int
    start: int          # normalized offset of the first non-space character
    end: int            # normalized offset after the last non-space character
    text: str           # stripped content
    note: Optional[str] = None       # footnote marker when the line is a footnote's text
    note_start: int = 0              # where the note's own text starts (after the marker)
    paren: bool = False              # a "(n) …" note (its marks are "(n)" in the text)
    mark_pos: int = -1               # position of the superscript that opens the note
    note_cont: bool = False          # a wrapped continuation line of the note above
    quote: bool = False              # a markdown blockquote line ("> 1. …"): quoted text

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(norm: NormalizedText) -> list[Line]:
    """One Line per physical line; a line whose start carries a mark is a footnote line."""
    at_pos: dict[int, Mark] = {m.norm_pos: m for m in norm.marks}
    # the marks' positions in order, and the first not before the current line (lines run forward:
    # each line tests only that one, not every offset up to its text)
    mark_at = sorted(at_pos)
    k, n_marks = 0, len(mark_at)
    out: list[Line] = []
    append = out.append
    pos = 0
    stars = "*" in norm.text              # most documents have no markdown: no bullet test per line
    raws = norm.text.split("\n")
    after_page = False                    # only blank lines since a page number
    for idx, raw in enumerate(raws):
        stripped = raw.strip(_EDGE)
        page = bool(stripped) and len(stripped) <= 10 and PAGE_NUMBER.fullmatch(stripped) is not None
        if not stripped or page \
                or ("Trang" in stripped and len(stripped) <= RUNNING_HEAD_MAX and RUNNING_HEAD.fullmatch(stripped)) \
                or after_page and stripped.isupper() and _repeats_head(raws, idx, stripped):
            append(Line(idx, pos, pos, ""))
            pos += len(raw) + 1
            after_page = page or (after_page and not stripped)
            continue
        after_page = False
        # the leading edge: raw starts with stripped unless there are edge characters to skip
        s = pos if raw[0] not in _EDGE else pos + len(raw) - len(raw.lstrip(_EDGE))
        if stars and "*" in raw[:4] and _STAR_BULLET.match(raw):     # "* Nội dung": a list bullet, kept
            s = pos + len(raw) - len(raw.lstrip(" \t"))
            stripped = raw[s - pos:].rstrip(_EDGE)
        quote = False
        if stripped[0] in "#>":
            quote = stripped[0] == ">"
            m = _MD_PREFIX.match(stripped)
            if m and m.end() < len(stripped):
                rest = stripped[m.end():]
                s += m.end() + len(rest) - len(rest.lstrip(_EDGE))
                stripped = rest.lstrip(_EDGE)
        if stripped[0] >= "\u2190":
            # "📌 1. Trung tâm …": a pictograph before a label only decorates it; the line starts at the label
            m = _DECORATION.match(stripped)
            if m is not None:
                lab = match_label(stripped[m.end():])
                if lab is not None and lab.kind not in BULLETS:
                    s += m.end()
                    stripped = stripped[m.end():]
        line = Line(idx, s, s + len(stripped), stripped)
        line.quote = quote
        mark = None
        if k < n_marks:
            while k < n_marks and mark_at[k] < pos:
                k += 1
            if k < n_marks and mark_at[k] <= s:     # the mark may sit before leading spaces
                mark = at_pos[mark_at[k]]
        if mark is not None:
            line.note, line.note_start, line.mark_pos = mark.marker, s, mark.norm_pos
        elif stripped[0] == "[":
            m = BRACKET_NOTE.match(stripped)
            if m and len(stripped) > m.end():
                line.note, line.note_start = m.group(1), s + m.end()
        append(line)
        pos += len(raw) + 1
    return out


def _repeats_head(raws: list[str], idx: int, stripped: str) -> bool:
    """The line repeats one of the document's first HEAD_LINES non-blank lines (its issuer)."""
    seen = 0
    for raw in raws[:idx]:
        head = raw.strip(_EDGE)
        if head:
            if head == stripped:
                return True
            seen += 1
            if seen == HEAD_LINES:
                break
    return False


# a page number's line (stdlib re: its scan for the line break is several times faster than `regex`'s)
_PAGE_LINE = compile_re(r"\n[ \t]*(?:-[ \t]*)?(?:[Tt]rang[ \t]+)?\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?(?:[ \t]*-)?[ \t]*\n")


def page_heads(text: str) -> list[tuple[int, int]]:
    """Spans of the issuer's name repeated at the top of a page, the first non-blank line after a
    page number's (see HEAD_LINES): page furniture, where no entity is read."""
    out = []
    raws = None
    for m in _PAGE_LINE.finditer(text):
        s = m.end()
        while True:                      # past blank lines
            nl = text.find("\n", s)
            e = len(text) if nl < 0 else nl
            if text[s:e].strip():
                break
            if nl < 0:
                return out
            s = nl + 1
        line = text[s:e].strip(_EDGE)
        if not (4 <= len(line) <= 120 and line.isupper()):
            continue
        if raws is None:
            raws = text[:m.start()].split("\n", 40)[:40]
        if _repeats_head(raws, len(raws), line):
            lead = len(text[s:e]) - len(text[s:e].lstrip(_EDGE))
            out.append((s + lead, s + lead + len(line)))
    return out


def line_start_marks(lines: list[Line]) -> set[int]:
    """Normalized positions of marks that open a footnote line (not marks in running text)."""
    return {ln.start for ln in lines if ln.note is not None}


def extend_notes(lines: list[Line], note_end: dict[int, int], lo: int = 0, loose: bool = True) -> None:
    """Wrapped footnote texts: the lines right under a note line (no blank between, no mark of
    their own) continue the note -- any such line when paragraphs are blank-separated (loose),
    else only while the line above is unfinished (no sentence punctuation at its end).

    note_end maps the opener's line index to the index of its last line.
    """
    i, n = lo, len(lines)
    while i < n:
        ln = lines[i]
        if ln.note is None or ln.note_cont or i in note_end:
            i += 1
            continue
        j = i + 1
        while j < n and not lines[j].blank and lines[j].note is None \
                and _continues_note(lines[j - 1].text, lines[j].text, loose):
            lines[j].note, lines[j].note_start, lines[j].note_cont = ln.note, lines[j].start, True
            lines[j].paren = ln.paren
            j += 1
        note_end[i] = j - 1
        i = j


def _continues_note(above: str, line: str, loose: bool) -> bool:
    last = above.rstrip(" \t\"')»")[-1:]
    if not loose:
        return last not in (".", "!", "?", ";", ":", "…")
    finished = last in (".", "!", "?", "…")      # a ";" only ends one entry of the note's list
    if match_label(line) is not None:
        return False                      # a numbered item resumes the body
    # a finished note followed by a lower-case line: the body resumes after the page foot
    return not (finished and line[:1].islower())
