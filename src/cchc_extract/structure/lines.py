"""Lines of the normalized text, with the footnote facts each line carries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from ..normalize import Mark, NormalizedText

BRACKET_NOTE = regex.compile(r"\[(\d{1,3})\]\s*")
# spaces and markdown emphasis (*italic*, _italic_) around a line are not its content
_EDGE = " \t\r\f\v*_"


@dataclass
class Line:
    idx: int
    start: int          # normalized offset of the first non-space character
    end: int            # normalized offset after the last non-space character
    text: str           # stripped content
    note: Optional[str] = None       # footnote marker when the line is a footnote's text
    note_start: int = 0              # where the note's own text starts (after the marker)
    paren: bool = False              # a "(n) …" note (its marks are "(n)" in the text)
    mark_pos: int = -1               # position of the superscript that opens the note

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(norm: NormalizedText) -> list[Line]:
    """One Line per physical line; a line whose start carries a mark is a footnote line."""
    at_pos: dict[int, Mark] = {m.norm_pos: m for m in norm.marks}
    out: list[Line] = []
    append = out.append
    pos = 0
    for idx, raw in enumerate(norm.text.split("\n")):
        stripped = raw.strip(_EDGE)
        if not stripped:
            append(Line(idx, pos, pos, ""))
            pos += len(raw) + 1
            continue
        s = pos + len(raw) - len(raw.lstrip(_EDGE))
        line = Line(idx, s, s + len(stripped), stripped)
        mark = None
        if at_pos:
            for p in range(pos, s + 1):       # the mark may sit before leading spaces
                mark = at_pos.get(p)
                if mark is not None:
                    break
        if mark is not None:
            line.note, line.note_start, line.mark_pos = mark.marker, s, mark.norm_pos
        elif stripped[0] == "[":
            m = BRACKET_NOTE.match(stripped)
            if m and len(stripped) > m.end():
                line.note, line.note_start = m.group(1), s + m.end()
        append(line)
        pos += len(raw) + 1
    return out


def line_start_marks(lines: list[Line]) -> set[int]:
    """Normalized positions of marks that open a footnote line (not marks in running text)."""
    return {ln.start for ln in lines if ln.note is not None}
