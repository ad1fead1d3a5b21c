"""Matcher for deadlines: rules/deadlines.yaml patterns plus the context checks
that patterns cannot express, and the due computation (deadline_due).

Context checks (rule field `needs`, a control key removed from the output):
- completion: "trong năm 2023" is a deadline only when its clause says what
  must be completed or reached (hoàn thành, xong, a percentage), before it or,
  when the phrase opens the clause, after it; otherwise the year only says
  which tasks are meant ("Phấn đấu các Chỉ số ... trong năm 2026 nằm trong ...").
- horizon: "đến năm 2025" is a target year when it opens its clause or follows
  a goal word (phấn đấu, mục tiêu, bảo đảm); "đến hết năm" always is.
- table: a cell holding only a time counts when an earlier table row names
  the time column ("Thời gian hoàn thành", "Thời hạn thực hiện"), or is the
  last cell of a row of a task table flattened into dash-joined lines under a
  key line that names the time column last (flat_rows.time_cells).
A phrase that opens its clause is dropped when the rest of the clause is in
the past tense (đã): that is a report of what happened, not a time limit.

Scanning: a rule with the control key `anchors` (the words every one of its matches
starts with) is tried only where one of them starts; a rule with `after` (its matches
start at a figure that follows one of these words and white space, the end of its
leading look-behind) only at such figures (see scan_anchored); the others are scanned
over the whole text.
"""
from __future__ import annotations

from typing import Any

import regex

from .. import diagnostics
from . import FIGURE_RUN, Found, MatchContext, match_at
from .anchors import Anchor, CharTest, occurrences
from .groups import group_dict, group_numbers
from .clauses import clause_end, clause_start, opens_clause, past_in
from .deadline_due import EVERY, NAMED_RECURRENCES, compute_due, counted_period, recurrence_of
from ..startup_cache import compile_regex
from ..rules import expand
from ..flat_rows import time_cells as flat_time_cells

_FLAGS = regex.V1 | regex.I
_COMPLETION_CUE = compile_regex(
    r"hoàn\s+thành|hoàn\s+tất|\bxong\b|dứt\s+điểm|\bban\s+hành\b|đưa\s+vào\s+(?:sử\s+dụng|vận\s+hành|hoạt\s+động)"
    r"|\d\s?%|\b(?:ít\s+nhất|tối\s+thiểu|không\s+dưới)\s+\d", _FLAGS)   # a quantity to reach
# a table column that holds completion times (the header comes before its cells)
_TIME_COLUMN = compile_regex(r"thời\s+(?:gian|hạn)\s+(?:hoàn\s+thành|thực\s+hiện)", _FLAGS)
_TIME_COLUMN_ANCHORS = ("thời",)   # the word every _TIME_COLUMN match starts with
# a goal verb right before the year ("phấn đấu / bảo đảm trong năm 2024 cắt giảm tối thiểu 20% …")
_STRIVE_BEFORE = compile_regex(r"(?:phấn\s+đấu|bảo\s+đảm|đảm\s+bảo),?\s+$", _FLAGS)
_GOAL_CUE = compile_regex(r"phấn\s+đấu|mục\s+tiêu|hoàn\s+thành|bảo\s+đảm|đảm\s+bảo", _FLAGS)
_THROUGH = compile_regex(r"\b(?:hết|cuối)\b", _FLAGS)   # "đến hết / đến cuối năm": always a limit
# the quantity to reach right after the year ("đến năm 2026 đạt 80%, đến năm 2030 đạt 100%")
_REACH_AFTER = compile_regex(r"\s*,?\s*(?:đạt|có)\s+(?:tối\s+thiểu\s+|ít\s+nhất\s+|trên\s+|từ\s+)?\d", _FLAGS)
# or right before it ("… đạt tối thiểu 90% từ năm 2026 và tối thiểu 95% đến năm 2030")
_REACH_BEFORE = compile_regex(r"\d(?:[.,]\d+)?\s*%\s*$", _FLAGS)
_CONTROL_KEYS = ("needs", "anchors", "after")
# optional left context is matched in lookbehinds (so that patterns start with
# their keyword and scan fast); these groups, when present, start the text
_PREFIX_GROUPS = ("pre", "lead", "latest")


def _start(m) -> int:
    start = m.start()
    for number in group_numbers(m.re, _PREFIX_GROUPS):
        s = m.start(number)
        if 0 <= s < start:
            start = s
    return start


# a sentence that commends or criticises what was done: its times are past periods, not deadlines
_JUDGED = compile_regex(r"\b(?:phê\s+bình|biểu\s+dương|khen\s+ngợi|ghi\s+nhận)\b", regex.V1 | regex.I)
_JUDGED_WORDS = ("phê", "biểu", "khen", "ghi")
_SENTENCE_MARKS = ".;:\n"


def _judged(text: str, start: int) -> bool:
    lo = max(0, start - 300)        # a sentence this long has long named what it judges
    ss = max(lo - 1, *(text.rfind(c, lo, start) for c in _SENTENCE_MARKS)) + 1
    low = text[ss:start].lower()
    return any(w in low for w in _JUDGED_WORDS) and _JUDGED.search(low) is not None


# a heading that names the period its tasks are for ("2. Nhiệm vụ trọng tâm trong quý IV năm 2025",
# "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM"): the items under it have their own deadlines
_TASKS_HEADING = compile_regex(
    r"[ \t*#]*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)][ \t]+(?:\*\*)?(?:các[ \t]+)?(?:phương[ \t]+hướng,?[ \t]+)?"
    r"nhiệm[ \t]+vụ(?:,?[ \t]+giải[ \t]+pháp)?(?:[ \t]+(?:trọng[ \t]+tâm|chủ[ \t]+yếu|cụ[ \t]+thể|công[ \t]+tác))?[ \t]+",
    regex.V1 | regex.I)
_HEADING_END = compile_regex(r"[ \t*:.]*(?:\n|\Z)", regex.V1)


# what was done by a time already past ("giấy phép … do các đơn vị thuộc Bộ cấp trước ngày 01/7/2025",
# "hồ sơ đã tiếp nhận trước ngày …"): the time dates that act, it sets no limit
_DONE_BEFORE = compile_regex(
    r"(?:\bđã|\bdo\s[^,;.\n]{1,80}?"
    # ... or the papers it qualifies ("rà soát hồ sơ TTHC tiếp nhận trước ngày 01/7/2025 tại …")
    r"|\b(?:hồ\s+sơ|giấy\s+phép|văn\s+bản|thủ\s+tục|dữ\s+liệu)(?:\s[^\s,;.]+){0,3}?\s(?:được|đã\s+được)?)"
    r"\s?(?:cấp|ban\s+hành|phê\s+duyệt|tiếp\s+nhận|giải\s+quyết|công\s+bố|ký|thực\s+hiện"
    r"|đăng\s+ký|cấp\s+phép|phát\s+sinh|hình\s+thành)\s*$", regex.V1 | regex.I)
_DONE_WORDS = ("do", "đã", "hồ sơ", "giấy phép", "văn bản", "thủ tục", "dữ liệu")   # one opens every match


def _done_before(text: str, start: int) -> bool:
    lo = max(0, start - 120)
    window = text[lo:start]
    return any(w in window for w in _DONE_WORDS) and _DONE_BEFORE.search(text, lo, start) is not None


# A term already over when the document was signed names a past period ("hồ sơ quá hạn trong quý I
# năm 2025" in April, "bị trừ điểm trong năm 2024"), not a limit, unless the sentence restates the
# task it was set for ("Thông báo số 96/TB-VP: giao Sở X …, thời hạn trước ngày 15/4/2024; đến nay
# chưa báo cáo": a list of overdue tasks, whose terms annotators keep).
_ASSIGNED = compile_regex(r"(?<!\w)(?:(?:giao|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)(?:\s+cho)?\s+\p{Lu}|được\s+giao\b)",
                          regex.V1)


def _lapsed(due: str, doc_date: str | None, text: str, start: int) -> bool:
    if not doc_date or len(doc_date) != 10 or due >= doc_date:
        return False
    lo = max(0, start - 400)
    ss = max(text.rfind("\n", lo, start), text.rfind(". ", lo, start)) + 1
    return _ASSIGNED.search(text, ss or lo, start) is None


def _names_tasks_period(text: str, start: int, end: int) -> bool:
    """Is the phrase at start..end the period a tasks heading names (see _TASKS_HEADING)?"""
    ls = text.rfind("\n", 0, start) + 1
    return start - ls < 80 and _TASKS_HEADING.fullmatch(text, ls, start) is not None \
        and _HEADING_END.match(text, end) is not None


def _context_ok(text: str, m, needs: str | None, g: dict, outline: Any = None) -> bool:
    """`g`: the match's group_dict; `outline`: _outline_line of the rule set."""
    start, end = _start(m), m.end()
    if needs == "task_line":
        if outline is None:
            return True
        ls = text.rfind("\n", 0, start)
        return outline.fullmatch(text, max(ls, 0), start) is None
    cs = clause_start(text, start)
    if needs == "completion":
        if g.get("lead") or g.get("verb"):
            return True
        if _COMPLETION_CUE.search(text, cs, start):
            return True
        # "phấn đấu trong năm 2026 có 100% công chức …": the year the goal right before it aims at
        if _STRIVE_BEFORE.search(text, max(cs, start - 14), start) is not None:
            return bool(_COMPLETION_CUE.search(text, end, clause_end(text, end)))
        return opens_clause(text, start) and bool(
            _COMPLETION_CUE.search(text, end, clause_end(text, end)))
    if needs == "horizon":
        if _THROUGH.search(text, start, end):
            return True
        return opens_clause(text, start) or bool(_GOAL_CUE.search(text, cs, start)) \
            or _REACH_AFTER.match(text, end) is not None \
            or _REACH_BEFORE.search(text, max(cs, start - 12), start) is not None
    return True


_OUTLINES: dict[int, tuple] = {}     # id(fragments) -> (fragments, the compiled outline test)


def _outline_line(rules) -> Any:
    """The rule set's $dl_outline_line (a report outline's line up to a period), compiled once to be
    tried forward from a line's start: a lookbehind scanning back over the line cost twice the rule."""
    fragments = getattr(rules, "fragments", None) or {}
    if "dl_outline_line" not in fragments:
        return None
    hit = _OUTLINES.get(id(fragments))
    if hit is None or hit[0] is not fragments:
        rx = compile_regex(expand("$dl_outline_line", fragments) + r"\s+", _FLAGS)
        hit = _OUTLINES[id(fragments)] = (fragments, rx)
    return hit[1]


_CELL = compile_regex(r"\S+(?: \S+)*")   # words split by single spaces: one table cell
MAX_TABLE_ROWS = 400


def _is_header_row(text: str, header) -> bool:
    ls = text.rfind("\n", 0, header.start()) + 1
    le = text.find("\n", header.end())
    le = len(text) if le < 0 else le
    return le - ls <= 40 or text.find("  ", ls, le) >= 0


def _table_cells(text: str, rules: list, starts: "AnchorStarts", read: list = ()):
    """(rule, match) for every table cell that is only a time, in the rows below a
    header naming the time column (at most MAX_TABLE_ROWS lines per header); not in the
    task tables whose columns are known (`read`: their normalized spans)."""
    # the header is the prefilter; it must sit in a table row (cells split by 2+ spaces,
    # pipes being spaces by now) or be a short line of its own (one cell per line)
    headers = [h for h in match_at(_TIME_COLUMN, text, starts.of(_TIME_COLUMN_ANCHORS), None)
               if rules and _is_header_row(text, h) and not any(s <= h.start() < e for s, e in read)]
    for i, header in enumerate(headers):
        stop = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        ls = text.find("\n", header.end()) + 1
        rows = 0
        while 0 < ls < stop and rows < MAX_TABLE_ROWS:
            le = text.find("\n", ls)
            le = len(text) if le < 0 else le
            rows += 1
            # table rows: cells split by 2+ spaces (pipes are spaces by now), or a short lone cell
            if le - ls <= 40 or text.find("  ", ls, le) >= 0:
                for cell in _CELL.finditer(text, ls, le):
                    if cell.end() - cell.start() <= 40:
                        for rule in rules:
                            m = rule.regex.fullmatch(text, cell.start(), cell.end())
                            if m:
                                yield rule, m
                                break
            ls = le + 1


class AnchorStarts:
    """Where words start in a document: its lower case, with the same offsets as the text
    (lower() lengthens only U+0130, which matches "i" case-insensitively), searched once
    per word.  `places` (MatchContext.places()) shares the word places and the runs of
    figures that the other kinds' scans found."""

    def __init__(self, text: str, lowered: str, places=None) -> None:
        self.text = text
        self.low = lowered if len(lowered) == len(text) else text.replace("\u0130", "i").lower()
        self._places = places if places is not None and places.text is text else None
        self._memo: dict[tuple[str, ...], list[int]] = {}
        self._words: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}
        self._after_memo: dict[tuple[str, ...], list[int]] = {}
        self._blank_figures: list[tuple[int, int]] | None = None

    def of(self, words: tuple[str, ...]) -> list[int]:
        """Ascending offsets where one of the lower-case `words` starts (not to be changed)."""
        if words not in self._memo:
            if len(words) == 1:
                self._memo[words] = self.word_starts(words[0])
            else:
                self._memo[words] = sorted(set().union(*map(self.word_starts, words)))
        return self._memo[words]

    def word_starts(self, word: str) -> list[int]:
        """Every place of the lower-case word (overlapping ones too), ascending."""
        found = self._words.get(word)
        if found is None:
            if self._places is not None and self._places.lowered() is self.low:
                # the same search (str.find over the same lower case), shared with other kinds:
                # what places.starts() gives a one-word case-insensitive anchor with nothing
                # unsafe, nothing before and no endings, without building and hashing one
                found = self._places._find(self.low, word, True)
            else:
                found = occurrences(self.low, word)
            self._words[word] = found
        return found

    def has(self, word: str) -> bool:
        """word in self.low, from the word's places when they are known."""
        found = self._words.get(word)
        if found is not None:
            return bool(found)
        present = self._present.get(word)
        if present is None:
            present = self._present[word] = word in self.low
        return present

    def after(self, words: tuple[str, ...]) -> list[int]:
        """Ascending offsets of the runs of figures that follow one of the lower-case
        `words` and white space (\\s, at least one character)."""
        if words not in self._after_memo:
            low = self.low
            self._after_memo[words] = [p for p, word_end in self._figures_after_blanks()
                                       if low.endswith(words, 0, word_end)]
        return self._after_memo[words]

    def _figures_after_blanks(self) -> list[tuple[int, int]]:
        """(start, end of the text before its white space) of each run of figures that
        white space precedes; made once per document."""
        if self._blank_figures is None:
            text, blank = self.text, _BLANK
            if self._places is not None and self._places.text is text:
                starts = self._places.starts(_FIGURE_AFTER_BLANK)
            else:
                runs = (m.start() for m in FIGURE_RUN.finditer(text))
                starts = [p for p in runs if p and blank[text[p - 1]]]
            out = []
            for p in starts:
                j = p - 1
                while j > 0 and blank[text[j - 1]]:
                    j -= 1
                out.append((p, j))
            self._blank_figures = out
        return self._blank_figures


# \s exactly as the rule patterns read it (asked of the engine, char by char, memoized)
_BLANK = CharTest(regex.compile(r"\s", _FLAGS))
# a run of figures with white space before it (matchers/anchors.py: figure runs are found
# once per document and shared by every kind's scan)
_FIGURE_AFTER_BLANK = Anchor((), False, frozenset(), True, ((True, _BLANK),))


# Characters an anchor may hold: each matches, case-insensitively (regex V1 full case
# folding), exactly the characters whose lower case it is, U+0130 aside (see AnchorStarts),
# and no character folds to a run of them (checked over every code point).  Not "s"
# (long s folds to it), nor f/j/w/z (ligatures and other multi-character folds).
_ANCHOR_CHARS = frozenset("aăâbcdđeêghiklmnoôơpqrtuưvxy"
                          "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ%")
_AFTER_CHARS = _ANCHOR_CHARS | {","}   # a comma has no case: it matches only itself


def _control_words(rule, key: str, chars: frozenset) -> tuple[str, ...]:
    """The rule's words under `key` in lower case; () when it has none or one could be missed."""
    words = tuple(a.lower() for a in rule.fields.get(key) or ())
    return words if all(w and set(w) <= chars for w in words) else ()


def _anchor_words(rule) -> tuple[str, ...]:
    """The rule's anchors in lower case; () when it has none or one could be missed."""
    return _control_words(rule, "anchors", _ANCHOR_CHARS)


_RULE_WORDS: dict[int, tuple] = {}   # id(rule) -> (rule, anchors, after, literals implied)


def _rule_words(rule) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(anchors, after words, whether the literal prefilter is implied by the anchors) of a
    rule, read once: every anchor is one of the literals, so where no literal occurs no
    anchor does, and the rule finds nothing either way."""
    hit = _RULE_WORDS.get(id(rule))
    if hit is None or hit[0] is not rule:
        anchors = _anchor_words(rule)
        implied = bool(anchors) and set(anchors) <= set(rule.literals)
        hit = _RULE_WORDS[id(rule)] = (rule, anchors, _control_words(rule, "after", _AFTER_CHARS), implied)
    return hit[1:]


def _literals_present(rule, lowered: str, starts: AnchorStarts, implied: bool) -> bool:
    """The literal prefilter of matchers.scan (any literal in the lower case)."""
    if starts.low is not lowered:
        return any(lit in lowered for lit in rule.literals)
    return implied or any(map(starts.has, rule.literals))


def scan_anchored(rules: list, text: str, lowered: str, starts: AnchorStarts, timeout: float | None):
    """matchers.scan, trying a rule with `anchors` only where one of them starts (each
    match starts at an anchor in the lower case, see _ANCHOR_CHARS), and a rule with
    `after` only at the runs of figures that follow one of its words and white space."""
    for rule in rules:
        anchors, after, implied = _rule_words(rule)
        if rule.literals and not _literals_present(rule, lowered, starts, implied):
            continue   # the same prefilter as matchers.scan, on the same lower case
        if anchors:
            found = match_at(rule.regex, text, starts.of(anchors), timeout)
        elif after:
            found = match_at(rule.regex, text, starts.after(after), timeout)
        else:
            found = rule.regex.finditer(text, timeout=timeout)
        for m in found:
            yield rule, m


_SPLITS: dict[int, tuple] = {}   # id(rule list) -> (rule list, scanned rules, table-cell rules)


def _split_rules(rules: list) -> tuple[list, list]:
    """(rules scanned over the text, rules for table cells) of a rule list, split once."""
    if not rules:   # a rule set without deadlines gives a fresh [] each time: keep none
        return [], []
    hit = _SPLITS.get(id(rules))
    if hit is None or hit[0] is not rules:
        table = [r for r in rules if r.fields.get("needs") == "table"]
        hit = _SPLITS[id(rules)] = (rules, [r for r in rules if r.fields.get("needs") != "table"], table)
    return hit[1], hit[2]


def _matches(ctx: MatchContext):
    scanned, table = _split_rules(ctx.rules["deadlines"])
    lowered = ctx.lowered()
    starts = AnchorStarts(ctx.text, lowered, ctx.places())
    yield from scan_anchored(scanned, ctx.text, lowered, starts, ctx.timeout)
    # time cells of the task tables found on the original lines (tab tables, "Thời gian" columns),
    # read by their column; the scan of cells below a time header leaves those tables to them
    # (a "Bắt đầu" column beside "Hoàn thành" holds times that are no deadlines)
    from ..table_items import task_tables, time_cells, to_norm
    layout = getattr(ctx, "layout", None)
    read = [(to_norm(ctx.norm, t.start), to_norm(ctx.norm, t.end)) for t in task_tables(layout)] if layout else []
    yield from _table_cells(ctx.text, table, starts, read)
    yield from time_cells(ctx, table)
    yield from flat_time_cells(ctx, table)     # rows of a task table flattened into lines


_DURATION_UNIT = {"ngày": "D", "tuần": "W", "tháng": "M", "năm": "Y"}


# "Đến hết năm 2026, tỷ lệ … dữ liệu đã số hóa … đạt 50%": an end point after the document's date is
# a goal's time, and "đã" there qualifies a noun ("dữ liệu đã số hóa", data already digitised)
_END_POINT = compile_regex(r"đến\s+(?:hết|cuối)\s", regex.V1 | regex.I)


def _ahead(text: str, start: int, g: dict, ctx) -> bool:
    """Is the phrase at start an end point ("đến hết …") that falls after the document's date?"""
    if not _END_POINT.match(text, start):
        return False
    due, _, _ = compute_due(g, before=bool(g.get("before")), doc_date=ctx.doc_date)
    return bool(due and ctx.doc_date and len(ctx.doc_date) == 10 and len(due) == 10 and due > ctx.doc_date)


def _duration_fields(g: dict) -> dict:
    """A period counted from an event (`within`) or a lead time before one (`before`, when the rule
    names it `lead_n`): no calendar due date; the period as an ISO 8601 duration."""
    lead = bool(g.get("lead_n"))
    n, unit = (g["lead_n"], g["lead_u"]) if lead else (g["dur_n"], g["dur_u"])
    period = f"P{int(n)}{_DURATION_UNIT[' '.join(unit.lower().split())]}"
    return {"due": None, "recurrence": None, "resolved": False, "within": None if lead else period,
            "before": period if lead else None, "working_days": bool(g.get("work"))}


_OUTPUT_FIELDS: dict[int, tuple] = {}   # id(rule) -> (rule, its fields without the control keys)


def _output_fields(rule) -> dict:
    """The rule's fields without the control keys, made once per rule (not to be changed)."""
    hit = _OUTPUT_FIELDS.get(id(rule))
    if hit is None or hit[0] is not rule:
        hit = _OUTPUT_FIELDS[id(rule)] = (rule, {k: v for k, v in rule.fields.items() if k not in _CONTROL_KEYS})
    return hit[1]


# the figure a past period gave, right after it ("… đúng hạn trong quý I/2025 đạt 97,6%")
_MEASURED = compile_regex(r"\s*,?\s*(?:chỉ\s+|mới\s+|vẫn\s+)?(?:đạt|là|chiếm)\s+(?:tỷ\s+lệ\s+)?\d", regex.IGNORECASE)


def _in_results(ctx: MatchContext, pos: int) -> bool:
    """pos lies under a heading that reports results (targets.py's sections, found once per document)."""
    from .targets import _in_results as in_sections, _result_sections
    sections = ctx.memo.get("result_sections")
    if sections is None:
        sections = ctx.memo["result_sections"] = _result_sections(ctx)
    return ctx.layout is not None and in_sections(ctx, sections, pos)


def find(ctx: MatchContext) -> list[Found]:
    text = ctx.text
    out: list[Found] = []
    outline = _outline_line(ctx.rules)
    for rule, m in _matches(ctx):
        fields = _output_fields(rule)   # shared: copied below before it is filled in
        g = group_dict(m)
        start, end = _start(m), m.end()
        if g.get("every_n"):   # "định kỳ 6 tháng": recurs, named or not
            every, rec = counted_period(g["every_n"], g["every_u"])
            out.append(Found(start, end, rule.id, {"due": None, "recurrence": rec, "every": every,
                                                   "resolved": True}, rule.priority))
            continue
        rec = recurrence_of(g.get("rec") or g.get("recq") or g.get("recm") or fields.get("recurrence"))
        if rec:
            named = rec if rec in NAMED_RECURRENCES else None   # "hằng tuần": every P1W, no name
            out.append(Found(start, end, rule.id, {"due": None, "recurrence": named, "every": EVERY[rec],
                                                   "resolved": True}, rule.priority))
            continue
        if g.get("dur_n") or g.get("lead_n"):   # counted from an event, or a lead time before one
            out.append(Found(start, end, rule.id, _duration_fields(g), rule.priority))
            continue
        if "within" in fields:   # a period the rule names ("ngay trong ngày"): from an event too
            out.append(Found(start, end, rule.id, {"due": None, "recurrence": None, "resolved": False,
                                                   "within": fields["within"], "working_days": False},
                             rule.priority))
            continue
        if not _context_ok(text, m, rule.fields.get("needs"), g, outline):
            continue
        if (not (g.get("lead") or g.get("verb")) and opens_clause(text, start)
                and past_in(text, end, clause_end(text, end)) and not _ahead(text, start, g, ctx)):
            continue  # "Trong tháng 3/2023, Sở đã tiếp nhận ...": a time adverbial of a report
        if _judged(text, start):
            continue  # "Phê bình các xã có tỷ lệ trễ hạn trên 5% trong tháng 10/2025": a past period
        if _names_tasks_period(text, start, end):
            continue  # "2. Nhiệm vụ trọng tâm trong quý IV/2025": what the items under it are for
        due, resolved, suspect = compute_due(g, before=bool(g.get("before")), doc_date=ctx.doc_date)
        if due and not suspect and not (g.get("lead") or g.get("verb")) and _lapsed(due, ctx.doc_date, text, start):
            continue
        if (due and ctx.doc_date and len(ctx.doc_date) == 10 and due < ctx.doc_date
                and not (g.get("lead") or g.get("verb"))
                and (opens_clause(text, start) or rule.fields.get("needs") == "table"
                     or past_in(text, end, clause_end(text, end)) or _done_before(text, start)
                     or _MEASURED.match(text, end) is not None or _in_results(ctx, start))):
            # "Trong quý III/2025, tỷ lệ … đạt 97,6%" in October: a period over, reported on; a
            # table's time already past when the document was signed: a lapsed limit it reports;
            # "tỷ lệ … trong quý I/2025 mới đạt 27,6%" written in April: what the period gave; a
            # past time under a results heading ("I. KẾT QUẢ": "tổ chức hội nghị … trong tháng 02/2025")
            continue
        if suspect and g.get("d") and "ngày" not in text[start:end].lower():
            continue  # a bare "12/63" that is no day at all (a rank, a ratio): not a date
        span = ctx.norm.to_original(start, end)
        if suspect:
            ctx.warnings.append(diagnostics.warn(
                "W302", f"impossible date in deadline {text[start:end]!r}; due left null", span))
        elif not resolved:
            ctx.warnings.append(diagnostics.warn(
                "W303", f"{text[start:end]!r} has no year and the document no date", span))
        fields = dict(fields)
        fields.update({"due": due, "recurrence": None, "resolved": resolved})
        out.append(Found(start, end, rule.id, fields, rule.priority))
    return out
