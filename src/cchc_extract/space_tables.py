"""Tables whose columns are aligned with runs of spaces: a PDF converted to text with its layout
kept (``pdftotext -layout``, a copy from a print preview).  No pipe, no tab: a cell is a run of
text between gaps of two spaces or more, and belongs to the column it stands under (the header's,
or the first row's where the header is centred over its columns).

    STT  Nhiệm vụ                        Cơ quan chủ trì      Thời gian
                                                              hoàn thành
    1    Rà soát quy trình, cung cấp     Văn phòng UBND tỉnh  Quý I/2026
         dịch vụ công trực tuyến

`space_rows` returns each such table as physical lines with one cell span per header column,
the form `tables.find_task_tables` reads pipe and tab rows in, so the task-table rules
(header words, wrapped cells, continuation lines) apply unchanged.
"""
from __future__ import annotations

from typing import Callable, Optional

from .startup_cache import compile_re

GAP = "  "           # the fewest spaces between two columns
SCREEN_GAP = "   "   # a layout-kept table has at least one gap this wide: the cheap test of a text
MIN_COLUMNS = 3
MAX_HEAD_LINES = 3   # a header cell may wrap over this many lines ("Thời gian" / "hoàn thành")
SLACK = 2            # a cell may start this many characters left of its column (ragged layout)

Span = tuple[int, int]
LineCells = tuple[int, int, list[Span]]    # (line start, line end, one cell span per column)


def segments(line: str) -> list[Span]:
    """(start, end) of the runs of text of a line separated by GAP or more spaces."""
    out: list[Span] = []
    i, n = 0, len(line)
    while i < n:
        if line[i] in " \f":   # (a page break's form feed opens the first line of a page)
            i += 1
            continue
        j = line.find(GAP, i)
        end = n if j < 0 else j
        out.append((i, i + len(line[i:end].rstrip())))
        i = end
    return out


def _lines(original: str) -> list[Span]:
    """(start, end) of every line of the text, a "\\r" left out."""
    out, pos, n = [], 0, len(original)
    while pos <= n:
        nl = original.find("\n", pos)
        end = n if nl < 0 else nl
        out.append((pos, end - 1 if end > pos and original[end - 1] == "\r" else end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _column_of(starts: list[int], pos: int) -> int:
    """Index of the column a cell starting at `pos` stands under (-1: left of every column)."""
    col = -1
    for i, s in enumerate(starts):
        if pos + SLACK >= s:
            col = i
        else:
            break
    return col


def _cells(line_start: int, line: str, starts: list[int]) -> Optional[list[Span]]:
    """One span per column (empty where the line has nothing under it); None when the line does
    not fit the columns: text left of the first column, or running on past the start of the
    column after its own (a heading or a note below the table, not a wrapped cell)."""
    spans: list[Optional[Span]] = [None] * len(starts)
    for a, b in segments(line):
        col = _column_of(starts, a)
        if col < 0 or (col + 1 < len(starts) and b > starts[col + 1] + SLACK):
            return None
        prev = spans[col]
        spans[col] = (line_start + a, line_start + b) if prev is None else (prev[0], line_start + b)
    out: list[Span] = []
    for i, span in enumerate(spans):
        if span is None:
            at = line_start + min(starts[i], len(line))
            span = (at, at)
        out.append(span)
    return out


def _header_lines(original: str, first: list[Span], lines: list[Span], k: int,
                  header_test: Callable[[list[str]], Optional[dict]]) -> Optional[tuple[int, list[str]]]:
    """(lines the header takes, its cell texts) when line k opens a header: its cells, joined
    with the cells wrapped onto the lines below it (up to MAX_HEAD_LINES in all; their first
    column empty: before the first row, such a line can only be the header's), name the columns."""
    s, _ = lines[k]
    starts = [a for a, _ in first]
    texts = [original[s + a:s + b] for a, b in first]
    taken = 1
    while taken < MAX_HEAD_LINES and k + taken < len(lines):
        s2, e2 = lines[k + taken]
        cells = _cells(s2, original[s2:e2], starts)
        if cells is None or not original[s2:e2].strip() or cells[0][1] > cells[0][0]:
            break
        texts = [f"{t} {original[a:b]}".strip() if b > a else t for t, (a, b) in zip(texts, cells)]
        taken += 1
    return (taken, texts) if header_test(texts) else None


def space_rows(original: str, header_test: Callable[[list[str]], Optional[dict]]
               ) -> list[tuple[list[LineCells], list[str]]]:
    """Each space-aligned table whose header passes `header_test` (given the header's cell
    texts), as (rows, header cell texts): the header's first line, then every physical line
    below the header that fits the columns, over blank lines and page footers that a new row
    follows, up to a line that does not fit or a blank line after which no row follows."""
    if SCREEN_GAP not in original:
        return []
    out: list[tuple[list[LineCells], list[str]]] = []
    lines: Optional[list[Span]] = None
    pos, taken_to = 0, -1
    while True:
        hit = original.find(SCREEN_GAP, pos)
        if hit < 0:
            break
        ls = original.rfind("\n", 0, hit) + 1
        nl = original.find("\n", hit)
        pos = len(original) if nl < 0 else nl + 1
        if ls <= taken_to:
            continue
        line = original[ls:pos].rstrip("\r\n")
        first = segments(line)
        if len(first) < MIN_COLUMNS or first[0][0] > SLACK:
            continue
        if lines is None:
            lines = _lines(original)
        k = _line_index(lines, ls)
        head = _header_lines(original, first, lines, k, header_test)
        if head is None:
            continue
        taken, texts = head
        he = lines[k + taken - 1][1]
        rows: list[LineCells] = [(ls, he, [(ls + a, ls + b) for a, b in first])]
        starts = _data_starts(original, lines, k + taken, first)
        i = k + taken
        while i < len(lines):
            s, e = lines[i]
            text = original[s:e]
            if _between_rows(text):
                # blank lines and a page's footer between rows: the table goes on where a row follows
                j = i + 1
                while j < len(lines) and _between_rows(original[lines[j][0]:lines[j][1]]):
                    j += 1
                if j >= len(lines):
                    break
                s2, e2 = lines[j]
                cells = _cells(s2, original[s2:e2], starts)
                if cells is None or cells[0][1] == cells[0][0]:
                    break
                i = j
                continue
            cells = _cells(s, text, starts)
            if cells is None:
                break
            rows.append((s, e, cells))
            i += 1
        if len(rows) > 1:
            out.append((rows, texts))
            taken_to = rows[-1][1]
            pos = max(pos, taken_to)
    return out


# what may stand between two rows besides blank lines: a page's footer ("Trang 1/2", "- 3 -", a bare
# page number) and the form feed of a page break
_PAGE_MARK = compile_re(r"[\s\f]*(?:Trang\s+\d+(?:\s*/\s*\d+)?|-\s*\d{1,3}\s*-|\d{1,3})?[\s\f]*")


def _between_rows(text: str) -> bool:
    return not text.strip() or _PAGE_MARK.fullmatch(text) is not None


def _data_starts(original: str, lines: list[Span], i: int, head: list[Span]) -> list[int]:
    """Where the columns start: under a header whose cells are centred over their columns
    ("      Nội dung      " over a left-aligned task), the first row's cells tell, when it has as
    many; otherwise the header's."""
    while i < len(lines) and _between_rows(original[lines[i][0]:lines[i][1]]):
        i += 1
    if i < len(lines):
        row = segments(original[lines[i][0]:lines[i][1]])
        if len(row) == len(head) and abs(row[0][0] - head[0][0]) <= SLACK:
            return [a for a, _ in row]
    return [a for a, _ in head]


def _line_index(lines: list[Span], start: int) -> int:
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid][0] < start:
            lo = mid + 1
        else:
            hi = mid
    return lo
