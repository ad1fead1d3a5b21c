"""Task tables (annex "Phụ lục" tables): each task row gives a directive; a row that opens with its
number (tabs, one cell per line) is also an item of kind ``row``, a markdown row (``| 1 | … |``) is
text of the item holding the table (see table_items).

Tables are found on the ORIGINAL lines, because the normalizer turns table pipes
into spaces: markdown/pipe rows (``| a | b |``) and rows whose cells are separated
by tabs.  A table is a task table when its header row names a responsible-body
column (header words are data: ``rules/_tables.yaml``); other tables (a site's
metadata table) are left alone.

Path scheme of row items (unique, table_items): ``<base>/<STT>`` where base is the path of the
item whose own text holds the table (none when the table stands outside every item or
after a ``PHỤ LỤC`` heading: ``<STT>``), as ANNOTATION.md builds a path from labels;
where one of a table's paths would repeat a path the document already has, its rows
go under ``<base>/t<N>`` (``annex/t<N>`` outside every item), N numbering the task
tables of the document from 1.  STT is the row's number cell stripped of ``.``/``)``
(``/`` -> ``-``), or the row's 1-based position among the table's data rows when the
cell is empty.  Rows under a section sub-header row (``| I | CẢI CÁCH THỂ CHẾ | | |``)
are its children: ``I/2``.  A repeated STT gets ``~k`` appended (k = 2, 3, ...).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex

from .normalize import fold_key
from .rules import rules_dir
from .space_tables import space_rows
from .startup_cache import compile_re, compile_regex, load_yaml

COLUMNS = ("number", "visited", "procedure", "lead", "support", "deadline", "task", "product", "target", "unit", "indicator",
           "other")
HEADER_LOOKAHEAD = 3          # the header row is among the first rows of a table
MIN_HEADER_CELLS = 3
MAX_HEADER_CELL = 80          # characters of a folded header cell
NAMED_SHARE = 0.6             # share of filled header cells that must name a column

# the table lines, as patterns (_row_lines finds the same lines with str methods, faster)
PIPE_LINE = compile_regex(r"(?m)^[ \t]*+\|[^\n]*+$")
TAB_LINE = compile_regex(r"(?m)^[^\n\t]*+\t[^\n]*+$")
SEPARATOR_ROW = compile_regex(r"^[\s|:\-+=]*+$")
COLUMN_NUMBERS = compile_regex(r"^\(?\d{1,2}\)?$")
ROMAN_OR_LETTER = compile_regex(r"^(?:[IVXLC]++|[A-ZĐ])[.)]?$")
LABEL_AND_TEXT = compile_regex(r"^((?:[IVXLC]++|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*+)[.)]?)\s++(\S.*)$", regex.S)
ANNEX_HEADING = compile_regex(r"(?m)^[ \t#*]*+PH[ỤU][ \t]++L[ỤU]C\b")


class TableRulesError(ValueError):
    """rules/_tables.yaml is malformed."""


# --- header vocabulary ---------------------------------------------------------

def load_header_rules(path: Optional[Path] = None) -> dict:
    """Strictly validated content of rules/_tables.yaml."""
    path = path or Path(rules_dir()) / "_tables.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or set(data) - {"columns", "comparators", "goal_words", "result_headers",
                                                  "result_examples", "examples"} or "columns" not in data:
        raise TableRulesError(f"{path}: expected keys 'columns' and optional 'comparators', 'goal_words', "
                              "'result_headers', 'result_examples', 'examples'")
    for key in ("goal_words", "result_headers"):
        words = data.get(key) or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise TableRulesError(f"{path}: {key!r} is a list of phrases")
    for ex in data.get("result_examples") or []:
        if not isinstance(ex, dict) or set(ex) != {"header", "expect"} or not isinstance(ex["header"], str) \
                or not isinstance(ex["expect"], list):
            raise TableRulesError(f"{path}: each result example needs 'header' (text) and 'expect' (cell indexes)")
    cmps = data.get("comparators") or {}
    if not isinstance(cmps, dict) or set(cmps) - {"ge", "gt", "le", "lt"} or not all(
            isinstance(v, list) and v and all(isinstance(w, str) and w.strip() for w in v) for v in cmps.values()):
        raise TableRulesError(f"{path}: 'comparators' maps ge/gt/le/lt to non-empty lists of phrases")
    cols = data["columns"]
    if not isinstance(cols, dict) or "lead" not in cols:
        raise TableRulesError(f"{path}: 'columns' must be a mapping that names 'lead'")
    for name, words in cols.items():
        if name not in COLUMNS:
            raise TableRulesError(f"{path}: unknown column {name!r} (known: {', '.join(COLUMNS)})")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise TableRulesError(f"{path}: column {name!r} needs a non-empty list of phrases")
    for ex in data.get("examples") or []:
        if not isinstance(ex, dict) or set(ex) != {"header", "expect"} or not isinstance(ex["header"], str):
            raise TableRulesError(f"{path}: each example needs exactly 'header' (text) and 'expect'")
        if ex["expect"] is not None and (not isinstance(ex["expect"], dict)
                                         or set(ex["expect"]) - set(COLUMNS)):
            raise TableRulesError(f"{path}: example expect must be null or a mapping of columns")
    return data


@lru_cache(maxsize=4)
def _column_patterns(path: Optional[Path] = None) -> tuple[tuple[str, regex.Pattern], ...]:
    cols = load_header_rules(path)["columns"]
    out = []
    for name, words in cols.items():
        alts = "|".join(regex.escape(fold_key(w)) for w in sorted(words, key=len, reverse=True))
        out.append((name, compile_regex(r"(?<!\w)(?:" + alts + r")(?!\w)")))
    return tuple(out)


@lru_cache(maxsize=4096)
def _fold(cell: str) -> str:
    """fold_key of a header cell (the same headers recur: cached)."""
    return fold_key(cell) if cell.strip() else ""


def header_columns(cells: list[str], path: Optional[Path] = None) -> Optional[dict[str, int]]:
    """Column name -> cell index when the cells are a task-table header, else None.

    A header has at least MIN_HEADER_CELLS short cells, most of which name a column
    (a line of prose that happens to hold tabs and "chủ trì" is no header)."""
    named = _name_cells(cells, path)
    if named is None:
        return None
    found, filled, count = named
    if "lead" not in found and "unit" in found and "target" in found and "task" not in found:
        found = {**found, "lead": found["unit"]}   # a table of targets per unit: the unit is the row's lead
    if "lead" not in found or filled < MIN_HEADER_CELLS or count < NAMED_SHARE * filled:
        return None
    if "visited" in found or "procedure" in found:
        return None    # a schedule of inspection visits, a catalogue of procedures: rows that set no task
    return found


_BULLETS = frozenset("-+•*–")


def _name_cells(cells: list[str], path: Optional[Path] = None) -> Optional[tuple[dict[str, int], int, int]]:
    """(column -> first cell naming it, filled cells, cells naming a column); None if a cell is long,
    or if the row opens with a bullet (a list entry whose words a Word copy split with tabs:
    "-<TAB>Các sở, ban, ngành,<TAB>đơn vị sự nghiệp<TAB>…<TAB>UBND tỉnh;")."""
    if cells and cells[0].strip() in _BULLETS:
        return None
    found: dict[str, int] = {}
    filled = named = 0
    for i, cell in enumerate(cells):
        key = _fold(cell)
        if not key:
            continue
        if len(key) > MAX_HEADER_CELL:
            return None
        filled += 1
        name = _column_of(key, path)
        if name is not None:
            named += 1
            if name != "other":
                found.setdefault(name, i)
    return found, filled, named


def _column_of(key: str, path: Optional[Path] = None) -> Optional[str]:
    """The column a folded header cell names (the first in rule order), or None."""
    return next((name for name, pat in _column_patterns(path) if pat.search(key)), None)


def target_columns(cells: list[str], path: Optional[Path] = None) -> list[int]:
    """Indexes of the header cells that name a target column ("Tỷ lệ hồ sơ trực tuyến (%)"); a cell in
    per cent is one whatever else its words name ("Kết quả số hóa được tái sử dụng (%)" is no product)."""
    return [i for i, cell in enumerate(cells) if (key := _fold(cell)) and ("%" in key or _column_of(key, path) == "target")]


@lru_cache(maxsize=4)
def _goal_words(path: Optional[Path] = None) -> Optional[regex.Pattern]:
    words = load_header_rules(path).get("goal_words") or []
    return compile_regex(r"(?<!\w)(?:" + "|".join(regex.escape(fold_key(w)) for w in words) + r")(?!\w)") \
        if words else None


@lru_cache(maxsize=4)
def _result_header(path: Optional[Path] = None) -> Optional[regex.Pattern]:
    words = load_header_rules(path).get("result_headers") or []
    alts = "|".join(regex.escape(fold_key(w)) for w in sorted(words, key=len, reverse=True))
    # at the cell's start, past any emphasis or bracket ("**Thực hiện năm 2023**")
    return compile_regex(r"^[\W_]*+(?:" + alts + r")(?!\w)") if words else None


def result_columns(cells: list[str], path: Optional[Path] = None) -> list[int]:
    """Indexes of the header cells that name a column of figures already reached."""
    pat = _result_header(path)
    return [i for i, cell in enumerate(cells) if pat is not None and (key := _fold(cell)) and pat.match(key)] \
        if pat is not None else []


def result_cells(original: str, path: Optional[Path] = None) -> list[tuple[int, int]]:
    """Original spans of the cells, under the header row of a pipe or tab table, of the
    columns result_columns names: sorted, one per cell."""
    out: list[tuple[int, int]] = []
    for block in _blocks(original):
        if len(block) < 2:
            continue
        s0, e0, _ = block[0]
        head = original[s0:e0]
        bounds = split_cells(head)
        cols = set(result_columns([head[a:b] for a, b in bounds], path))
        if not cols:
            continue
        for s, e, _ in block[1:]:
            if SEPARATOR_ROW.match(original[s:e]):      # "|---|---|"
                continue
            for i, (a, b) in enumerate(split_cells(original[s:e])):
                if i in cols and b > a:
                    out.append((s + a, s + b))
    return out


LEAD_IN_CHARS = 300   # the words before a table that say what its figures are


def sets_goals(original: str, table_start: int, path: Optional[Path] = None) -> bool:
    """The words just before a table of figures per unit set them as targets ("Giao chỉ tiêu …
    như sau:", "phấn đấu đạt …"); without such words the table reports figures ("Qua theo dõi,
    … một số đơn vị có tỷ lệ thấp như sau:"), and its rows are neither tasks nor targets."""
    pat = _goal_words(path)
    return pat is None or pat.search(fold_key(original[max(0, table_start - LEAD_IN_CHARS):table_start])) is not None


@lru_cache(maxsize=4)
def lead_in_comparators(path: Optional[Path] = None) -> tuple[tuple[str, regex.Pattern], ...]:
    """(comparator, pattern) of the words that, just before a table of targets, say how its
    figures are to be met ("phấn đấu đạt tối thiểu các chỉ tiêu sau:")."""
    cmps = load_header_rules(path).get("comparators") or {}
    return tuple((name, compile_regex(r"(?<!\w)(?:" + "|".join(regex.escape(fold_key(w)) for w in words)
                                      + r")(?!\w)")) for name, words in cmps.items())


def _sub_header(cells: list[str], columns: dict[str, int], path: Optional[Path]) -> Optional[dict[str, int]]:
    """The second line of a two-line header ("| | | Chủ trì | Phối hợp | |" under "Cơ quan
    thực hiện"): no number, and every filled cell names a column."""
    i = columns.get("number")
    if i is not None and i < len(cells) and cells[i].strip():
        return None
    named = _name_cells(cells, path)
    if named is None or not named[1] or named[2] < named[1]:
        return None
    return named[0]


def split_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe or tab row, relative to the line, blanks trimmed."""
    stripped = line.strip()
    if stripped.startswith("|"):
        lo = line.index("|") + 1
        right = line.rstrip()
        hi = len(right) - 1 if right.endswith("|") and len(right) - 1 >= lo else len(right)
        bounds, pos = [], lo
        while True:
            nxt = line.find("|", pos, hi)
            if nxt < 0:
                bounds.append((pos, hi))
                break
            bounds.append((pos, nxt))
            pos = nxt + 1
    else:
        bounds, pos = [], 0
        for piece in line.split("\t"):
            bounds.append((pos, pos + len(piece)))
            pos += len(piece) + 1
    out = []
    for s, e in bounds:
        cell = line[s:e]
        s2 = s + len(cell) - len(cell.lstrip())
        out.append((s2, max(s2, e - (len(cell) - len(cell.rstrip())))))
    return out


# --- tables ------------------------------------------------------------------

@dataclass
class Row:
    start: int                              # original span of the row's text
    end: int
    cells: list[tuple[int, int]]            # original spans of the cells
    label: str = ""
    path: str = ""                          # the row's own item path ("" when it is no item)
    item: Optional[str] = None              # the item its directive belongs to (see table_items)
    section: bool = False
    more: list[list[tuple[int, int]]] = field(default_factory=list)  # cells of continuation lines


@dataclass
class TaskTable:
    start: int                              # original span of the whole table
    end: int
    columns: dict[str, int]
    rows: list[Row] = field(default_factory=list)   # data rows (header rows excluded)
    targets: list[int] = field(default_factory=list)   # indexes of the target columns
    headers: list[str] = field(default_factory=list)   # the header row's cell texts
    piped: bool = False                     # markdown rows ("| 1 | ... |"): they make no items

    @property
    def rows_are_items(self) -> bool:
        """Rows open with their number (STT), a label, so each is an item; a markdown row opens
        with "|" and a table with no number column opens its rows with text: their rows are text
        of the item holding the table (ANNOTATION.md's label rule, as the blind annotators read it)."""
        return not self.piped and "number" in self.columns

    def cell(self, row: Row, column: str) -> Optional[tuple[int, int]]:
        """The column's cell on the row's first line."""
        i = self.columns.get(column)
        return row.cells[i] if i is not None and i < len(row.cells) else None

    def cells_of(self, row: Row, column: str) -> list[tuple[int, int]]:
        """The column's cells on every line of the row (a wrapped cell goes on below)."""
        i = self.columns.get(column)
        if i is None:
            return []
        return [line[i] for line in [row.cells, *row.more] if i < len(line) and line[i][1] > line[i][0]]

    def continues(self, cells: list[tuple[int, int]], texts: Optional[list[str]] = None) -> bool:
        """A line with no number under a numbered row: the wrapped rest of that row's cells when
        it holds no body and no time of its own, or when its task cell is empty or goes on in lower
        case (a wrapped cell: "2 | Số hóa hồ sơ …, | Trung tâm …;" / "  | bảo đảm tỷ lệ … | UBND các
        huyện"); a line opening a task of its own ("  | Công bố thủ tục | Sở B") is a row."""
        if not self.rows or "number" not in self.columns:
            return False
        prev = self.cell(self.rows[-1], "number")
        if prev is None or prev[1] == prev[0]:
            return False
        i = self.columns["number"]
        if i < len(cells) and cells[i][1] > cells[i][0]:
            return False
        own = False
        for col in ("lead", "deadline"):
            i = self.columns.get(col)
            if i is not None and i < len(cells) and cells[i][1] > cells[i][0]:
                own = True
        if not own:
            return True
        t = self.columns.get("task")
        if texts is None or t is None:
            return False
        task = texts[t] if t < len(texts) else ""
        first = next((c for c in task if c.isalpha()), "")
        return not first or first.islower()


def _blocks(original: str) -> list[list[tuple[int, int, bool]]]:
    """Runs of consecutive table lines: [(line start, line end, is_pipe)], original offsets."""
    lines: list[tuple[int, int, bool]] = []
    pipes, tabs = "|" in original, "\t" in original
    if pipes or tabs:
        pipe_lines, tab_lines = _row_lines(original, pipes, tabs)
        lines = pipe_lines + tab_lines
    lines.sort()
    blocks: list[list[tuple[int, int, bool]]] = []
    for s, e, pipe in lines:
        if e > s and original[e - 1] == "\r":
            e -= 1
        prev = blocks[-1][-1] if blocks else None
        if prev and prev[2] == pipe and original.count("\n", prev[1], s) == 1 and not original[prev[1]:s].strip():
            blocks[-1].append((s, e, pipe))
        else:
            blocks.append([(s, e, pipe)])
    return blocks


def tab_table_spans(original: str, path: Optional[Path] = None) -> list[tuple[int, int]]:
    """(start, end) of each run of tab-separated lines under a header row, whatever its columns (a
    schedule of visits, a list of units): a table copied from Word or Excel.  A header has
    MIN_HEADER_CELLS short cells or more, most of which name a column; lines that merely hold
    tabs among their words have none."""
    if "\t" not in original:
        return []
    out = []
    for block in _blocks(original):
        if len(block) < 2 or block[0][2]:
            continue
        s0, e0, _ = block[0]
        head = original[s0:e0]
        named = _name_cells([head[a:b] for a, b in split_cells(head)], path)
        if named is not None and named[1] >= MIN_HEADER_CELLS and named[2] >= NAMED_SHARE * named[1]:
            out.append((s0, block[-1][1]))
    return out


# a labelled paragraph whose label a Word copy followed by a tab ("1.\tNâng cao …", "a)\tRà soát …",
# "II.\tNHIỆM VỤ"): one label, one tab, the text; no table row (a row's number has no dot: "1\tTask\t…")
_LABEL_TAB = compile_re(r"[ \t]*(?:[IVXLC]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ][.)]|[-+•])\t[^\t]*$")


def _row_lines(original: str, pipes: bool, tabs: bool) -> tuple[list, list]:
    """The lines PIPE_LINE and TAB_LINE match (the latter filtered), as (start, end, is_pipe):
    the same spans as their finditer, from one split of the text instead of a regex scan."""
    pipe_lines: list[tuple[int, int, bool]] = []
    tab_lines: list[tuple[int, int, bool]] = []
    pos = 0
    for line in original.split("\n"):
        end = pos + len(line)
        if pipes and "|" in line and line.lstrip(" \t").startswith("|"):
            pipe_lines.append((pos, end, True))
        if tabs and "\t" in line and line.strip("\t \r").count("\t") >= 1 \
                and not line.lstrip(" ").startswith("|") and not _LABEL_TAB.match(line):
            tab_lines.append((pos, end, False))
        pos = end + 1
    if len(tab_lines) > 1:
        tab_lines += _cell_breaks(original, tab_lines)
    return pipe_lines, tab_lines


MAX_CELL_BREAKS = 3   # lines of one cell broken by a Word copy, between two lines of its row


def _cell_breaks(original: str, tab_lines: list) -> list:
    """Lines without a tab between two tab lines, with no blank line among them: the middle of a
    cell holding line breaks ("Phòng X\nChi cục Y\nChi cục Z" in one cell), kept in the table
    (tables._join_wrapped_tab_rows joins them back when the cells add up to the header's)."""
    out = []
    for (_, e1, _), (s2, _, _) in zip(tab_lines, tab_lines[1:]):
        gap = original[e1 + 1:s2 - 1] if s2 - 1 > e1 + 1 else ""
        if not gap or "\n\n" in gap or not gap.strip() or gap.count("\n") >= MAX_CELL_BREAKS:
            continue
        pos = e1 + 1
        for line in gap.split("\n"):
            if not line.strip():
                break
            out.append((pos, pos + len(line), False))
            pos += len(line) + 1
    return out


# a table copied from a PDF with one cell per line opens with its number column's header alone
# on a line ("STT" / "Nội dung" / "Cơ quan chủ trì" / …): the cheap test before reading lines
_CELL_LINE_HEADER = compile_regex(r"(?m)^[ \t]*+(?:STT|TT|Số TT|Số thứ tự)[ \t]*+\r?$")
_CELL_LINE_HEADS = frozenset({"STT", "TT", "Số TT", "Số thứ tự"})


def has_cell_line_header(original: str) -> bool:
    """_CELL_LINE_HEADER.search(original) is not None, by str methods: only the lines holding
    "TT" or "Số thứ tự" are read (the regex tried every line start: 2% of an extraction)."""
    for word in ("TT", "Số thứ tự"):
        i = original.find(word)
        while i >= 0:
            after = original[i + len(word):i + len(word) + 1]
            if after and after not in " \t\r\n":
                # every head ends its line's text ("TTHC" is none): the next place
                i = original.find(word, i + 1)
                continue
            start = original.rfind("\n", 0, i) + 1
            end = original.find("\n", i)
            end = len(original) if end < 0 else end
            line = original[start:end]
            if line[-1:] == "\r":
                line = line[:-1]
            if line.strip(" \t") in _CELL_LINE_HEADS:
                return True
            i = original.find(word, end)
    return False


_BARE_NUMBER = compile_regex(r"^\d{1,3}\.?$")
MAX_COLUMNS = 8


class _Lines:
    """(start, end) of the lines from `start` on, blanks trimmed (an empty line: start == end),
    read only as far as asked: a header that leads nowhere costs a few lines, not the text."""

    def __init__(self, original: str, start: int):
        self.text, self.pos, self.spans = original, start, []

    def upto(self, n: int) -> list[tuple[int, int]]:
        text, spans = self.text, self.spans
        while len(spans) < n and self.pos <= len(text):
            nl = text.find("\n", self.pos)
            end = len(text) if nl < 0 else nl
            line = text[self.pos:end]
            spans.append((self.pos + len(line) - len(line.lstrip()), self.pos + len(line.rstrip())))
            self.pos = end + 1
        return spans


def _cell_per_line_tables(original: str, path: Optional[Path] = None) -> list[TaskTable]:
    """Task tables whose cells each stand on a line: a header of K short lines naming the
    columns (the number column first), then rows of K lines, each opened by its bare number
    (1, 2, 3 …).  A row whose cells do not fill exactly K lines ends the table: a wrapped
    cell cannot be told from the next cell, so nothing is guessed (an empty cell is an empty line,
    and the next row must open with the next number)."""
    out = []
    for m in _CELL_LINE_HEADER.finditer(original):
        reader = _Lines(original, original.rfind("\n", 0, m.start()) + 1)
        cells = [original[a:b] for a, b in reader.upto(MAX_COLUMNS)]
        k = next((i for i, c in enumerate(cells) if not c or _BARE_NUMBER.match(c)), len(cells))
        columns = header_columns(cells[:k], path) if k >= MIN_HEADER_CELLS else None
        if not columns or columns.get("number") != 0:
            continue
        lines = reader.spans
        table = TaskTable(lines[0][0], lines[k - 1][1], columns)
        # an empty line is an empty cell (no partner, no product), except where a row cannot be without
        # one: its number or its task
        needed = {i for i in (0, columns.get("task")) if i is not None}
        pos, want = k, 1
        while len(reader.upto(pos + k + 1)) >= pos + k:
            row = lines[pos:pos + k]
            first = original[row[0][0]:row[0][1]].rstrip(".")
            nxt = original[lines[pos + k][0]:lines[pos + k][1]] if pos + k < len(lines) else ""
            if first != str(want) or any(row[i][0] == row[i][1] for i in needed) \
                    or (nxt.rstrip(".") != str(want + 1) and not _row_ends_table(nxt)):
                break
            table.rows.append(Row(row[0][0], row[-1][1], list(row)))
            table.end = row[-1][1]
            pos, want = pos + k, want + 1
        if table.rows:
            out.append(table)
    return out


def _row_ends_table(line: str) -> bool:
    """What may follow a cell-per-line table's last row: a blank line or a labelled line."""
    return not line or LABEL_AND_TEXT.match(line) is not None or line[:1] in "-+*•"


def _join_wrapped_tab_rows(original: str, rows: list, width: int) -> list:
    """Tab rows with line breaks inside a cell, joined: a break leaves the row's first line short
    of cells and the next lines (up to MAX_CELL_BREAKS) without a number, and their cells add up
    to the header's (each split cell counted once).  Pipe rows keep their empty cells and need no such test."""
    out, i = [], 0
    while i < len(rows):
        s, e, cells = rows[i]
        j, joined = i + 1, cells
        while len(joined) < width and j < len(rows) and j - i <= MAX_CELL_BREAKS:
            nxt = rows[j][2]
            if not nxt or _BARE_NUMBER.match(original[nxt[0][0]:nxt[0][1]]) \
                    or len(joined) + len(nxt) - 1 > width:
                break
            joined = joined[:-1] + [(joined[-1][0], nxt[0][1])] + nxt[1:]
            j += 1
        if j > i + 1 and len(joined) == width:
            out.append((s, rows[j - 1][1], joined))
            i = j
            continue
        out.append((s, e, cells))
        i += 1
    return out


def find_task_tables(original: str, path: Optional[Path] = None) -> list[TaskTable]:
    """Task tables of the original text, in document order."""
    out = _cell_per_line_tables(original, path) if has_cell_line_header(original) else []
    for block in _blocks(original):
        rows = [(s, e, [(s + a, s + b) for a, b in split_cells(original[s:e])]) for s, e, _ in block]
        table = _task_table(original, rows, block[0][2], path)
        if table is not None:
            out.append(table)
    for rows, head in space_rows(original, lambda cells: header_columns(cells, path)):
        table = _task_table(original, rows, False, path, head)
        if table is not None:
            out.append(table)
    out.sort(key=lambda t: t.start)
    return out


def _task_table(original: str, rows: list, piped: bool, path: Optional[Path],
                head: Optional[list[str]] = None) -> Optional[TaskTable]:
    """The task table of a run of rows [(line start, line end, cell spans)], or None when no
    header among its first rows names a responsible-body column.  `head`: the header's cell
    texts when they are not the first row's alone (a space-aligned header wrapped over lines)."""
    header_at, columns = None, None
    for k, (s, e, cells) in enumerate(rows[:HEADER_LOOKAHEAD]):
        columns = header_columns(head if k == 0 and head is not None else [original[a:b] for a, b in cells], path)
        if columns:
            header_at = k
            break
    if header_at is None:
        return None
    if "task" not in columns and columns.get("lead") == columns.get("unit") \
            and not sets_goals(original, rows[0][0], path):
        return None   # a report's figures per unit, not a table of targets
    head_row = header_at
    for k in range(header_at + 1, min(header_at + 3, len(rows))):
        s, e, cells = rows[k]
        if SEPARATOR_ROW.match(original[s:e]):
            continue
        sub = _sub_header([original[a:b] for a, b in cells], columns, path)
        if sub:
            columns = {**columns, **sub}
            header_at = k
        break
    table = TaskTable(rows[0][0], rows[-1][1], columns, piped=piped)
    if "target" in columns:
        head_cells = head if head_row == 0 and head is not None else [original[a:b] for a, b in rows[head_row][2]]
        table.targets, table.headers = target_columns(head_cells, path), head_cells
    body = rows[header_at + 1:]
    if not piped and head is None:
        body = _join_wrapped_tab_rows(original, body, len(rows[header_at][2]))
    for s, e, cells in body:
        texts = [original[a:b] for a, b in cells]
        if SEPARATOR_ROW.match(original[s:e]) or not any(t.strip(" *") for t in texts):
            continue
        nonempty = [t for t in texts if t.strip()]
        if len(nonempty) >= 3 and all(COLUMN_NUMBERS.match(t.strip()) for t in nonempty):
            continue                      # "| (1) | (2) | (3) |": column numbers under the header
        if table.continues(cells, texts):
            table.rows[-1].more.append(cells)
            table.rows[-1].end = e
        else:
            table.rows.append(Row(s, e, cells))
    return table if table.rows else None


# a header cell naming one year of a table of targets by year ("Năm 2021", "2025"), folded
_YEAR_HEAD = compile_regex(r"(?:năm\s+)?(?:19|20)\d\d")
MIN_YEAR_COLUMNS = 2


@dataclass
class YearTable:
    """A table of targets by year (| TT | Chỉ tiêu | Năm 2021 | … | Năm 2025 |): each figure alone
    under a year is that year's target for the indicator its row names."""
    start: int
    end: int
    indicator: int                       # index of the column naming each row's indicator
    years: list[int]                     # indexes of the year columns
    rows: list[list[tuple[int, int]]] = field(default_factory=list)   # data rows' cells, original offsets


def find_year_tables(original: str, path: Optional[Path] = None) -> list[YearTable]:
    """Tables whose header names an indicator column and two or more years; no task table (no
    lead column), so their rows are no items."""
    if "|" not in original and "\t" not in original:
        return []
    out: list[YearTable] = []
    for block in _blocks(original):
        rows = [[(s + a, s + b) for a, b in split_cells(original[s:e])] for s, e, _ in block]
        for k, cells in enumerate(rows[:HEADER_LOOKAHEAD]):
            keys = [_fold(original[a:b]) for a, b in cells]
            years = [i for i, key in enumerate(keys) if _YEAR_HEAD.fullmatch(key)]
            indicator = next((i for i, key in enumerate(keys) if key and _column_of(key, path) == "indicator"), None)
            if indicator is None or len(years) < MIN_YEAR_COLUMNS:
                continue
            body = [c for (s, e, _), c in zip(block[k + 1:], rows[k + 1:]) if not SEPARATOR_ROW.match(original[s:e])]
            out.append(YearTable(block[0][0], block[-1][1], indicator, years, body))
            break
    return out
