"""Matcher for targets: rules/targets.yaml finds the head of each quantity
(comparator or number); this module decides how far its text runs and which
comparator and change it carries.

- Extent: from the head to the end of what it quantifies: the clause end
  (``;``, a sentence ``.``, a line break, an item label), cut before the next
  target of the same clause at the last ``,``/``và`` separating them, and before
  a purpose clause with its own subject (``để người dân ...``).
- Lists: a member with no comparator and no verb of its own inherits them from
  the list head ("giảm tối thiểu 10% A, 10% B và 100 C" -> ge, decrease for all);
  bare counts (rule field ``needs: list``) exist only as such members.
- Results are not targets: a quantity whose clause already says it happened
  (đã, đạt được), or whose sentence acknowledges what was done (ghi nhận, biểu dương),
  or whose clause opens with a period before the document's
  year ("Năm 2023, tỷ lệ ... đạt 98,7%" in a 2024 document), or names such a
  year before a result verb ("tỷ lệ ... năm 2023 đạt 99,2%"), is dropped; in a
  report (báo cáo) a figure without a comparator needs a goal word in its clause.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

import regex

from . import Found, MatchContext
from .clauses import clause_end, clause_start, past_at
from .deadlines import _ANCHOR_CHARS, _BLANK, AnchorStarts, _split_rules, scan_anchored
from .groups import group_dict, group_numbers
from ..flat_rows import has_key_line
from ..normalize import fold_key
from ..startup_cache import compile_regex
from ..table_items import task_tables, to_norm
from ..tables import (LEAD_IN_CHARS, find_task_tables, find_year_tables, lead_in_comparators, result_cells,
                      result_columns, tab_table_spans)

_FLAGS = regex.V1 | regex.I
_CONTROL_KEYS = ("extent", "needs", "anchors", "after")
# separators between two members of one clause; the last one before the next member is the cut
_SEPARATOR = compile_regex(r"(?r),\s*|\s+(?:và|hoặc)\s+", _FLAGS)
_CONNECTOR = compile_regex(r"(?:,|\s(?:và|hoặc))\s*$", _FLAGS)
# a purpose clause with its own subject ends the quantified text (004 consistency review)
_PURPOSE = compile_regex(
    r"\s+(?:để|nhằm)\s+(?=(?:người|nhân\s+dân|doanh\s+nghiệp|tổ\s+chức|cá\s+nhân|công\s+dân|các|mọi"
    r"|cơ\s+quan|cán\s+bộ|xã\s+hội)\b)", _FLAGS)
_ITEM_LABEL = compile_regex(r"\s[a-zđ]\)\s", _FLAGS)
# ", hoàn thành trước ngày …": a time limit after a comma is the deadline's clause, not the target's
# ", trong đó ưu tiên …", ", tập trung vào …", " (chi tiết tại Phụ lục …)": an aside after the
# quantified noun, not part of it
# (and who does it, in parentheses: "100% thủ tục … (Văn phòng HĐND và UBND huyện chủ trì, phối hợp …)")
# (and a request after it: ", đề nghị các cơ quan … tập trung thực hiện"; not "yêu cầu", a noun too)
_ASIDE = compile_regex(r",\s*(?:trong\s+đó|tập\s+trung\s+vào|ưu\s+tiên|chủ\s+yếu|đặc\s+biệt\s+là|đồng\s+thời"
                       r"|không(?=\s)|đề\s+nghị)\b"
                       r"|\s*\((?:chi\s+tiết|cụ\s+thể|xem|theo)\s+(?:tại\s+|ở\s+)?(?:phụ\s+lục|biểu|danh\s+mục)"
                       r"|\s*\((?=[^()\n]{0,120}?(?:\b(?:chủ\s+trì|phối\s+hợp\s+với|tham\s+mưu)\b|\sthực\s+hiện\s*(?:[);]|$)))", _FLAGS)
# (and what is then sent to whom: ", trình Ủy ban nhân dân tỉnh …", ", gửi Bộ Công Thương …")
_DEADLINE_CLAUSE = compile_regex(
    r",\s*(?=(?:thời\s+gian\s+)?(?:hoàn\s+thành|xong|chậm\s+nhất|thời\s+hạn|trước\s+ngày)\b"
    r"|(?:trình|gửi(?:\s+về)?|báo\s+cáo)\s+(?:(?-i:\p{Lu})|cấp\s+có\s+thẩm\s+quyền))", _FLAGS)
_MEASURE_TAIL = compile_regex(r"(?:\s+(?:đạt|là|ở\s+mức|bằng|chiếm))+\s*$", _FLAGS)
_TRIM = " \t\n,;:*"
# "tỷ lệ ... năm 2023 đạt 99,2%": a past year followed by a result verb before the quantity
_PAST_YEAR_RESULT = compile_regex(
    r"\bnăm\s+(?P<y>(?:19|20)\d{2})(?!\d)[^;.\n]{0,80}?\b(?:đạt|tăng|giảm|chiếm)\b", _FLAGS)
_PAST_YEAR_WORD = "năm"   # every _PAST_YEAR_RESULT match starts with it (lower case: see AnchorStarts)
# "20% hồ sơ đã được số hóa": đã right after the quantified noun (a far one belongs to a relative clause)
_PAST_AFTER = compile_regex(r"(?:\s+\S+){0,3}?\s+đã\b", _FLAGS)
# … unless the figure is a minimum asked for: "kiểm tra tối thiểu 10% số phiếu đã phát" (of the
# forms already handed out: a relative clause, the bound says what must be done)
_MINIMUM_AT = compile_regex(r"(?:tối\s+thiểu|ít\s+nhất|không\s+dưới)\s", _FLAGS)
# a share of what was counted ("còn 6.732 hồ sơ trễ hạn (chiếm 13,9%)"): a goal says "chiếm tỷ lệ ít nhất …"
_SHARE_BEFORE = compile_regex(r"\bchiếm(?:\s+(?:tỷ\s+lệ|khoảng|gần|hơn))?\s+$", _FLAGS)
_SHORTFALL_WORDS = ("chưa đạt", "vẫn còn")   # what a report finds lacking (see _reports_result)
# (a count, not a year or a period's number: "năm 2025 của địa phương, trong đó có tỷ lệ …")
_COUNTED_AT_RATE = compile_regex(r"(?<![\d%,./])(?<!(?:năm|tháng|quý|ngày|số)\s)\b(?!(?:19|20)\d\d\b)\d{1,4}(?:/\d{1,4})?"
                                 r"\s+(?:\p{L}+,?\s+){1,8}?có\s+tỷ\s+lệ\b", _FLAGS)
# ... or which units a measure is for ("biện pháp chấn chỉnh đối với cơ quan, đơn vị có tỷ lệ hài lòng dưới
# 80%", "khen thưởng các xã có tỷ lệ … trên 95%"): a threshold that picks them, no goal
_UNIT_WORD = r"(?:cơ\s+quan|đơn\s+vị|địa\s+phương|xã|phường|thị\s+trấn|huyện|sở|ngành|bộ\s+phận)"
_SELECTED_AT_RATE = compile_regex(r"(?:đối\s+với|cho|khen\s+thưởng|phê\s+bình|nhắc\s+nhở)\s+(?:các\s+|những\s+)?"
                                  + _UNIT_WORD + r"(?:\s*,\s*" + _UNIT_WORD + r")*\s+có\s+tỷ\s+lệ\b", _FLAGS)
_GOAL_VERB = compile_regex(r"phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|\bphải\b|\bcần\b", _FLAGS)
# a rank after the figure ("đạt 84,12%, xếp thứ 35/63"): only a result has one
_RANK_AFTER = compile_regex(r",?\s*(?:xếp\s+(?:thứ|hạng)|đứng\s+thứ)\s+\d", _FLAGS)
_BASELINE_BEFORE = compile_regex(r"\bso\s+với\b[^;.\n,]{0,40}$", _FLAGS)
# counted places in a ranking ("tăng ít nhất 05 bậc"): the unit is rank, not count
_RANK_NOUN = compile_regex(r"\s*(?:bậc|hạng)\b", _FLAGS)
# in a report (báo cáo) most figures are results; there a figure is a target only
# when its clause says it is required or aimed at
_GOAL_WORDS = compile_regex(
    r"phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|mục\s+tiêu|chỉ\s+tiêu|\bphải\b|\bcần\b|yêu\s+cầu|nhiệm\s+vụ", _FLAGS)
_THOUSANDS = compile_regex(r"\d{1,3}(?:\.\d{3})+")
# "Năm 2023, tỷ lệ ... đạt 98,7%": a clause opened by a period before the document's year reports a result
_PAST_PERIOD_OPENING = compile_regex(
    r"\s*(?:[-+]\s*|[a-zđ]\)\s*)?(?:trong\s+|cả\s+|kết\s+quả\s+|(?:tính\s+)?đến\s+(?:hết\s+)?)?(?:năm|quý|tháng|\d+\s+tháng|ngày)"
    r"[^,;.\n]{0,20}?(?P<y>(?:19|20)\d{2})(?!\d)", _FLAGS)

_FROM_PAST = compile_regex(r"\btừ\s+\d+(?:[.,]\d+)?\s*%\s+(?:của\s+|trong\s+)?(?:năm\s+)?(?P<y>(?:19|20)\d{2})(?!\d)"
                           r"[^;.\n]{0,20}?\s(?:lên|xuống|còn)\b", _FLAGS)
_FROM_PAST_YEAR = _FROM_PAST.groupindex["y"]
# the year groups by number (`regex` reads a group name only after a failed number read)
_OPENING_YEAR = _PAST_PERIOD_OPENING.groupindex["y"]
_HEAD_GROUPS = ("cmp", "pre", "num")   # the text starts at the first of these present (or the match)
_RESULT_YEAR = _PAST_YEAR_RESULT.groupindex["y"]


# "…, đã đi vào hoạt động ổn định; tỷ lệ … đạt 96,4%": "đạt" right before the figure goes on
# reporting when the sentence already said what happened and names no goal before the figure
_RESULT_VERB_BEFORE = compile_regex(r"\bđạt\s*$", _FLAGS)
_RATIO_SHARE_BEFORE = compile_regex(r"\d+\s*/\s*\d+(?:\s+[^\s()]+){1,5}\s*\(\s*(?:đạt|bằng|chiếm)?\s*$", _FLAGS)
_SAME_PERIOD_AFTER = compile_regex(r"\s*so\s+với\s+cùng\s+kỳ\b", _FLAGS)
_TO_DATE = compile_regex(r"\s*(?:[-+]\s*)?(?:đến|tính\s+đến|cho\s+đến|hiện)\s+nay\b", _FLAGS)
# a paragraph that opens looking back ("Thời gian qua, công tác … đạt nhiều kết quả. Chỉ số SIPAS
# đạt 80,15%", "Trong thời gian vừa qua, …", "Qua 3 năm triển khai, …") reports what was reached
_RETROSPECT = compile_regex(
    r"[ \t*#]*+(?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)][ \t]+|[-+•][ \t]+)?(?:\*\*)?"
    r"(?:(?:trong\s+)?thời\s+gian\s+(?:vừa\s+)?qua|năm\s+qua|qua\s+(?:\d+\s+năm|thời\s+gian)\s+(?:triển\s+khai|thực\s+hiện))\b",
    _FLAGS)
# a sentence that opens by naming where its figures come from ("Theo số liệu trên Hệ thống …, tỷ lệ … đạt
# 97,1%", "Theo báo cáo của các địa phương, …", "Theo kết quả khảo sát, …") reports them
_SOURCED = compile_regex(r"[ \t*#]*+(?:[-+•][ \t]+)?theo\s+(?:số\s+liệu|báo\s+cáo|thống\s+kê|kết\s+quả)\b", _FLAGS)
_AGAINST_GOALS = compile_regex(r"\bso\s+với\s+(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch)\b", _FLAGS)

# Literals that every match of a pattern holds, looked for in the lower case before the
# engine is called (most clauses hold none).  Their letters are among deadlines._ANCHOR_CHARS:
# a case-insensitive match of them stands where their lower case stands in the lower case.
_PURPOSE_WORDS = ("để", "nhằm")            # _PURPOSE
_PAST_WORDS = ("đã", "được", "đạt")        # clauses.past_in: đã, đạt được, mới … được, mới/chỉ đạt ("mới có N" not here: a count, no share)
_CONNECTOR_WORDS = (",", "và", "hoặc")      # _CONNECTOR
assert all(set(w) <= _ANCHOR_CHARS | {","} for w in (*_PURPOSE_WORDS, *_PAST_WORDS, *_CONNECTOR_WORDS, "đạt",
                                                     "ghi", "đánh", "biểu", "hoan", "khen", "phê"))


def _has(hay: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of the words lies whole within hay[start:end] (hay: the lower case for
    words with letters)."""
    return any(hay.find(w, start, end) >= 0 for w in words)


# "Thường trực Tỉnh ủy ghi nhận kết quả …: tỷ lệ … đạt 38,6%; 100% cơ quan …": figures in a
# sentence that acknowledges or praises what was done are results, unless a goal is named after
# (or criticised: "Phê bình UBND các xã có tỷ lệ hồ sơ trễ hạn trên 5%")
_ACKNOWLEDGES = compile_regex(r"\b(?:ghi\s+nhận|đánh\s+giá\s+cao|biểu\s+dương|hoan\s+nghênh|khen\s+ngợi"
                              r"|phê\s+bình)\b", _FLAGS)
_ACKNOWLEDGES_WORDS = ("ghi", "đánh", "biểu", "hoan", "khen", "phê")   # one starts every match


def _acknowledged(text: str, low: str, c: "_Cand") -> bool:
    ss = c.sentence_from
    if not _has(low, _ACKNOWLEDGES_WORDS, ss, c.start):
        return False   # most sentences acknowledge nothing: skip the search
    m = _ACKNOWLEDGES.search(text, ss, c.start)
    return m is not None and not _GOAL_WORDS.search(text, m.end(), c.start)


def _sentence_start(text: str, pos: int) -> int:
    # the last ". " is looked for only after the last line break (a search back to the start
    # of the text costs as much as the text is long)
    nl = text.rfind("\n", 0, pos)
    return max(nl, text.rfind(". ", nl + 1, pos)) + 1


def _continues_a_report(text: str, c: "_Cand") -> bool:
    if not _RESULT_VERB_BEFORE.search(text, c.clause_from, c.start):
        return False
    ss = c.sentence_from
    past = past_at(text, ss, c.clause_from)
    if past < 0:
        return False
    # "nêu rõ mức độ đạt được so với chỉ tiêu của tỉnh: tỷ lệ … đạt tối thiểu 50%": the goals the
    # result is measured against, restated after the colon
    colon = text.rfind(":", past, c.start)
    if colon >= 0 and _AGAINST_GOALS.search(text, past, colon):
        return False
    # a goal named after what happened still sets one ("đã …; phấn đấu đạt …"); the object of
    # the past clause does not ("đã hoàn thành các nhiệm vụ; tỷ lệ … đạt 46,8%")
    return not _GOAL_WORDS.search(text, _clause_end_after(text, past, c.clause_from), c.start)


def _clause_end_after(text: str, pos: int, limit: int) -> int:
    """End of the clause holding pos (the next ';' or ','), at most limit."""
    ends = [i for i in (text.find(";", pos, limit), text.find(",", pos, limit)) if i >= 0]
    return min(ends) if ends else limit


@dataclass
class _Cand:
    rule: object
    start: int               # where the text starts (comparator or quantity)
    qend: int                # end of the quantity ("%", "trở lên")
    value: float
    unit: str
    comparator: Optional[str]
    change: Optional[str]
    fixed: bool
    needs_list: bool
    end: int = 0
    clause_from: int = 0     # clause start before `start` and clause end after `qend`,
    clause_to: int = 0       # and the start of the sentence holding clause_from: read by
    sentence_from: int = 0   # several checks, so found once (see _with_clause)


def parse_number(s: str) -> Optional[float]:
    """'98' -> 98, '2,5' -> 2.5, '1.000' -> 1000, '99.5' -> 99.5."""
    s = s.strip()
    if "." in s and _THOUSANDS.fullmatch(s):
        return float(s.replace(".", ""))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def comparator_of(groups: dict) -> Optional[str]:
    """The comparator a match states, or None when it states none."""
    for name in ("ge", "gt", "le", "lt"):
        if groups.get(name):
            return name
    if groups.get("up"):
        return "ge"
    return None


def change_of(groups: dict) -> Optional[str]:
    if groups.get("dec"):
        return "decrease"
    if groups.get("inc"):
        return "increase"
    return None


def _candidates(ctx: MatchContext) -> tuple[list[_Cand], str]:
    """The candidates, one per head, and the same-length lower case of the text."""
    text = ctx.text
    out: list[_Cand] = []
    starts = AnchorStarts(text, ctx.lowered(), ctx.places())
    for rule, m in scan_anchored(_split_rules(ctx.rules["targets"])[0], text, ctx.lowered(), starts, ctx.timeout):
        g = group_dict(m)
        value = parse_number(g.get("num") or "")
        if value is None:
            continue
        # the text starts at the comparator (or the rank's "nhóm"), else at the number;
        # both may sit in the pattern's lookbehind, so take the earliest present
        start = min(s for s in map(m.start, group_numbers(m.re, _HEAD_GROUPS) + (0,)) if s >= 0)
        cmp_ = rule.fields.get("comparator") or comparator_of(g)
        fixed = rule.fields.get("extent") == "fixed"
        unit = rule.fields.get("unit", "count")
        if unit == "count" and _RANK_NOUN.match(text, m.end()):
            unit = "rank"
        out.append(_Cand(rule, start, m.end(), value, unit, cmp_,
                         change_of(g), fixed, rule.fields.get("needs") == "list"))
    # one candidate per head: the higher priority wins, then the longer match
    out.sort(key=lambda c: (c.start, -c.rule.priority, -(c.qend - c.start)))
    kept: list[_Cand] = []
    for c in out:
        if kept and c.start < kept[-1].qend:
            continue
        kept.append(c)
    return kept, starts.low


def _table_targets(ctx: MatchContext, year_tables: Optional[list] = None) -> list[Found]:
    """A target for each figure alone in a target column of a table of targets
    (tables.TaskTable.targets), or under a year of a table of targets by year
    (tables.YearTable), read whole by the table-cell rules."""
    rules = _split_rules(ctx.rules["targets"])[1]
    if not rules:
        return []
    layout = ctx.layout
    original = ctx.norm.original
    tables = task_tables(layout) if layout is not None else find_task_tables(original)
    out: list[Found] = []
    for table in tables:
        if not table.targets:
            continue
        comparator = _lead_in_comparator(ctx.norm, table.start)
        reached = set(result_columns(table.headers))
        for col in table.targets:
            if col in reached:      # "Kết quả thực hiện năm 2024 (%)": figures reached, not set
                continue
            measure = " ".join(table.headers[col].split()).strip("* ") if col < len(table.headers) else ""
            unit = _table_unit(measure)
            for row in table.rows:
                if not row.section and col < len(row.cells):
                    _figure(ctx, rules, row.cells[col], unit, comparator, measure, out)
    for table in find_year_tables(original) if year_tables is None else year_tables:
        comparator = _lead_in_comparator(ctx.norm, table.start)
        for cells in table.rows:
            if table.indicator >= len(cells):
                continue
            a, b = cells[table.indicator]
            measure = " ".join(original[a:b].split()).strip("* ")
            unit = _table_unit(measure)
            # the row's own words say how its figures are met ("Chỉ số SIPAS đạt tối thiểu | 84% | 86%")
            row_comparator = _comparator_in(measure) or comparator
            for col in table.years:
                if col < len(cells):
                    _figure(ctx, rules, cells[col], unit, row_comparator, measure, out)
    return out


def _table_unit(measure: str) -> str:
    """percent when the column's or row's name says % or tỷ lệ, else count."""
    key = fold_key(measure)
    return "percent" if "%" in key or "tỷ lệ" in key else "count"


def _figure(ctx: MatchContext, rules, cell: tuple[int, int], unit: str, comparator: str, measure: str,
            out: list[Found]) -> None:
    """The target of a cell holding one figure alone (original offsets), if a table-cell rule reads it."""
    a, b = cell
    if not 0 < b - a <= 20:      # ("Tối thiểu 97,5%": a bound and a figure)
        return
    ns, ne = to_norm(ctx.norm, a), to_norm(ctx.norm, b)
    for rule in rules:
        m = rule.regex.fullmatch(ctx.text, ns, ne)
        value = parse_number(m.group("num")) if m else None
        if value is None:
            continue
        fields = {k: v for k, v in rule.fields.items() if k not in _CONTROL_KEYS}
        # a rule that names its unit and comparator ("Nhóm 20": rank, le) keeps them; a bound in the
        # cell ("Tối thiểu 75") sets the cell's own
        bound = m.groupdict().get("bound")
        fields.update({"value": value, "unit": fields.get("unit") or ("percent" if "%" in ctx.text[ns:ne] else unit),
                       "comparator": fields.get("comparator") or (bound and _comparator_in(bound)) or comparator,
                       "change": None, "measure": measure})
        out.append(Found(ns, ne, rule.id, fields, rule.priority))
        return


def _lead_in_comparator(norm, table_start: int) -> str:
    """ge/le when the text just before the table says so ("phấn đấu đạt tối thiểu …:"), else eq."""
    return _comparator_in(norm.original[max(0, table_start - LEAD_IN_CHARS):table_start]) or "eq"


def _comparator_in(words: str) -> Optional[str]:
    """ge/le/gt/lt when the words say how figures are to be met ("tối thiểu", "không quá"), else None."""
    key = fold_key(words)
    for name, pat in lead_in_comparators():
        if pat.search(key):
            return name
    return None


def _with_clause(text: str, c: _Cand) -> _Cand:
    c.clause_from = clause_start(text, c.start)
    c.clause_to = clause_end(text, c.qend)
    c.sentence_from = _sentence_start(text, c.clause_from)
    return c


def _is_member(text: str, low: str, prev: _Cand, cur: _Cand) -> bool:
    """cur directly continues prev's list: same clause, joined by a connector."""
    if cur.start > prev.clause_to:
        return False
    lo = max(prev.qend, cur.start - 12)
    return _has(low, _CONNECTOR_WORDS, lo, cur.start) and _CONNECTOR.search(text, lo, cur.start) is not None


_NOTE_MARK_END = compile_regex(r"\[\d{1,3}\]$", _FLAGS)


def _extent(text: str, low: str, c: _Cand, nxt: Optional[_Cand]) -> int:
    """`low`: the lower case of text with its offsets (AnchorStarts.low).  Each cut is searched
    for only where a literal that every match of it holds occurs (see _has)."""
    if c.fixed:
        return c.qend
    end = c.clause_to
    if text.find(")", c.qend, end) >= 0:
        m = _ITEM_LABEL.search(text, c.qend, end)
        if m:
            end = m.start()
    if nxt is not None and nxt.start < end:
        sep = _SEPARATOR.search(text, c.qend, nxt.start)
        end = sep.start() if sep else nxt.start
    if _has(low, _PURPOSE_WORDS, c.qend, end):
        m = _PURPOSE.search(text, c.qend, end)
        if m:
            end = m.start()
    comma = text.find(",", c.qend, end)
    if comma >= 0:
        m = _first_match(_DEADLINE_CLAUSE, text, _places_of(text, ",", comma, end), end)
        if m:
            end = m.start()
    comma = comma if comma < end else -1   # a clause cut at its first comma has none left
    paren = text.find("(", c.qend, end)
    if comma >= 0 or paren >= 0:
        m = _first_match(_ASIDE, text, _aside_starts(text, c.qend, comma, paren, end), end)
        if m:
            end = m.start()
    close = text.find(")", c.qend, end)
    if close >= 0 and text.find("(", c.qend, close) < 0:
        end = close          # "(đạt 50%) ...": the quantity sits inside a parenthesis
    while end > c.qend and text[end - 1] in _TRIM:
        end -= 1
    return end


def _places_of(text: str, ch: str, pos: int, end: int):
    """The places of ch in text[pos:end], from pos (one of them), ascending."""
    while pos >= 0:
        yield pos
        pos = text.find(ch, pos + 1, end)


def _aside_starts(text: str, lo: int, comma: int, paren: int, end: int) -> list[int]:
    """Where an _ASIDE match in text[lo:end] can start, ascending: at a comma, or at the white
    space before an opening parenthesis (its first character, no earlier than lo; a place
    within that white space gives the same result as its first).  `comma`, `paren`: the
    first of each in text[lo:end] (or -1)."""
    out = list(_places_of(text, ",", comma, end))
    for p in _places_of(text, "(", paren, end):
        while p > lo and _BLANK[text[p - 1]]:
            p -= 1
        out.append(p)
    out.sort()
    return out


def _first_match(rx, text: str, starts, end: int):
    """rx.search(text, lo, end) when every match of rx in text[lo:end] starts at one of
    `starts` (ascending, from lo): a regex search tries every character in between."""
    for p in starts:
        m = rx.match(text, p, end)
        if m:
            return m
    return None


def _without_note_mark(text: str, start: int, end: int) -> int:
    """`end`, before a footnote mark that ends text[start:end] ("… năm 2023[2]"): the mark is the
    note's, not the target's."""
    if text[end - 1:end] == "]":
        m = _NOTE_MARK_END.search(text, start, end)
        if m:
            return m.start()
    return end


def _cell_end(norm, start: int, end: int, tab_tables: list[tuple[int, int]], dashes: bool = False) -> int:
    """`end`, or where a table cell boundary cuts text[start:end] ("| 100% xã, phường | Sở Nội vụ |",
    a tab of a Word table copied as text, inside one of `tab_tables`: original ranges; elsewhere
    a tab is only spacing; a spaced en dash of a flattened row): normalizing turned the original's
    pipe, tab or dash into a space or a hyphen, so it is looked up in the original."""
    os_, oe = norm.to_original(start, end)
    original = norm.original
    bar = original.find("|", os_, oe)
    tab = original.find("\t", os_, oe) if tab_tables else -1
    if tab >= 0 and any(ts <= tab < te for ts, te in tab_tables) and (bar < 0 or tab < bar):
        bar = tab
    # a spaced en or em dash (the normaliser made it a hyphen) borders a cell of a task table
    # flattened into a line: "… 100% kết quả được số hóa – Trung tâm Phục vụ hành chính công xã – …"
    for dash in (" – ", " — ") if dashes else ():   # only in a document with a flattened table
        k = original.find(dash, os_, oe)
        if k >= 0 and (bar < 0 or k < bar):
            bar = k
    if bar < 0:
        return end
    cut = start + bisect_left(range(start, end), bar, key=lambda p: norm.to_original(p, p + 1)[0])
    while cut > start and norm.text[cut - 1] in _TRIM:
        cut -= 1
    return cut


_COLUMN_GAP = "   "       # the normalizer keeps runs of three spaces or more: they separate columns
_TAB_ROW = compile_regex(r"[ \t]*+\d{1,3}\.?\t")   # "2\tTỷ lệ …": the next row of a tab table


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _row_end(norm, start: int, end: int, tabs: list[tuple[int, int]]) -> int:
    """`end`, or where text[start:end] leaves its cell for the next column (a run of three spaces
    or more, a table aligned with spaces) or its row for the next one (a line break before a row
    of one of the tab tables `tabs`, original spans: normalizing turned the original's tab into a
    space, so it is looked up there)."""
    text = norm.text
    gap = text.find(_COLUMN_GAP, start, end)
    if gap >= 0:
        end = gap
    if tabs:
        nl = text.find("\n", start, end)
        while nl >= 0:
            at = norm.to_original(nl + 1, nl + 1)[0]
            if _in_spans(tabs, at) and _TAB_ROW.match(norm.original, at):
                end = nl
                break
            nl = text.find("\n", nl + 1, end)
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return end


def _cell_start(norm, start: int, qend: int, tabs: list[tuple[int, int]]) -> int:
    """`start`, or just after a tab of a tab table between it and the figure: a comparator in the
    cell before ("… đạt tối thiểu\t84%\t86%": the row's words) reads the figure's cell, not its own."""
    os_, oq = norm.to_original(start, qend)
    k = norm.original.rfind("\t", os_, oq)
    return start if k < 0 or not _in_spans(tabs, k) else to_norm(norm, k + 1)


def _measure(text: str, c: _Cand) -> str:
    after = text[c.qend:c.end].strip(_TRIM)
    if after:
        return after
    # "Mức độ hài lòng ... đạt tối thiểu 91%": what is measured stands before
    before = text[c.clause_from:c.start]
    before = before.rsplit(",", 1)[-1]
    return _MEASURE_TAIL.sub("", before).strip(_TRIM)


# a score, not a target: points ("tối đa 12 điểm") or a scoring rule's threshold ("từ 98% trở lên thì
# được 2/2 điểm; … dưới 95% không chấm điểm")
_POINTS_AFTER = compile_regex(r"\s*điểm\b", _FLAGS)
_SCORING_CLAUSE = compile_regex(r"\bthì\s+(?:được\s+|đạt\s+|bị\s+)?(?:trừ\s+|cộng\s+)?\d+(?:[.,/]\d+)*\s+điểm\b"
                                r"|\bkhông\s+(?:được\s+)?chấm\s+điểm\b"
                                # "… đạt 100% thì chấm điểm tối đa; từ 80% đến dưới 100% thì chấm 1/2 số điểm"
                                r"|\bthì\s+(?:được\s+)?chấm(?:\s+[^\s;.]+){0,3}?\s+điểm\b", _FLAGS)
# a band of a scoring scale ("hoàn thành 100% kế hoạch: 3 điểm; từ 80% đến dưới 100%: 1,5 điểm; dưới
# 80%: 0"): the figure, then a colon and the points, on a line that awards points
_BAND_AFTER = compile_regex(r"[^;|:\n]{0,80}:\s*\d+(?:[.,]\d+)?(?![\d%])", _FLAGS)


def _is_score(text: str, low: str, c: _Cand) -> bool:
    if low.find("điểm", c.qend, c.clause_to) < 0:
        # most clauses award no points: skip the searches; a band's line awards them elsewhere
        if text.find(":", c.qend, c.qend + 82) < 0 or not _BAND_AFTER.match(text, c.qend):
            return False
        ls, le = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.qend)
        return low.find("điểm", ls, le if le >= 0 else len(text)) >= 0
    return (_POINTS_AFTER.match(text, c.qend) is not None or _BAND_AFTER.match(text, c.qend) is not None
            or _SCORING_CLAUSE.search(text, c.qend, c.clause_to) is not None)


_PERIOD_MONTH = compile_regex(r"quý\s+(IV|I{1,3}|[1-4])\b|tháng\s+(\d{1,2})\b|(\d{1,2})\s+tháng"
                              r"|ngày\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\b", _FLAGS)   # (a day counts by its month)
_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _period_over(m, doc_year: int, doc_month: int) -> bool:
    """The period an opening names (_PAST_PERIOD_OPENING) ended before the document's month: a
    year before its year, or a quarter or month of its year already over."""
    year = int(m.group(_OPENING_YEAR))
    if year != doc_year:
        return year < doc_year
    p = _PERIOD_MONTH.search(m.group())
    if p is None or not doc_month:
        return False             # the document's own year, the whole of it: not over
    q, month, months, day_month = p.groups()
    end = 3 * (_QUARTER.get(q.upper()) or int(q)) if q else int(month or months or day_month)
    return end < doc_month


def _bound_segment(text: str, c: _Cand) -> int:
    """Where the past markers that make c a result may stand: its clause, or for a bounded or
    changed figure ("giảm tối thiểu 50%") only the part after the clause's last comma, and after
    "đạt" only the words just before it, since a past participle further back qualifies a noun
    of the task ("chuẩn hóa dữ liệu đã số hóa, giảm tối thiểu 50% số bản ghi sai lệch")."""
    if c.comparator is None and c.change is None:
        return c.clause_from
    lo = max(c.clause_from, text.rfind(",", c.clause_from, c.start) + 1)
    # "… dữ liệu đã số hóa … đạt tối thiểu 40%": the result verb before the bound is the figure's
    # own; a past marker before its words ("đã đạt", "mới đạt") still makes it a result
    m = _RESULT_VERB_BEFORE.search(text, max(lo, c.start - 8), c.start)
    return max(lo, m.start() - 6) if m is not None else lo


MAX_WRAPPED_LINES = 8


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the paragraph holding pos: back over line breaks that only wrap a sentence (the
    line goes on in lower case, or the line before ends with no sentence mark), as a PDF's hard
    wrapping leaves them."""
    ls = text.rfind("\n", 0, pos) + 1
    for _ in range(MAX_WRAPPED_LINES):
        if ls == 0:
            break
        prev = text.rfind("\n", 0, ls - 1) + 1
        before = text[prev:ls - 1].rstrip()
        if not before or (before[-1] in ".:;!?" and not text[ls:ls + 1].islower()):
            break
        ls = prev
    return ls


def _reports_result(text: str, low: str, c: _Cand, doc_year: Optional[int], doc_month: int = 0) -> bool:
    """`low`: the lower case of text with its offsets (AnchorStarts.low)."""
    cs, start = c.clause_from, c.start
    if _is_score(text, low, c):
        return True
    if c.comparator is None and _has(low, ("chiếm",), max(cs, start - 16), start) \
            and _SHARE_BEFORE.search(text, max(cs, start - 16), start):
        return True
    if _RANK_AFTER.match(text, c.qend):
        return True
    # the share a count works out to ("Hoàn thành 19/22 nhiệm vụ (đạt 86,4%)"): a result
    if text.find("(", max(cs, start - 12), start) >= 0 and _RATIO_SHARE_BEFORE.search(text, max(cs, start - 64), start):
        return True
    # a shortfall reported ("Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu tỉnh giao (40%)"), or what still
    # remains ("vẫn còn 17 tỉnh, thành phố có tỷ lệ dưới 15%"), unless a goal verb follows it
    # ("… chưa đạt; phấn đấu năm 2024 đạt 50%")
    ss = text.rfind("\n", 0, start) + 1   # each mark looked for after the last one found
    ss = text.rfind(".", ss, start) + 1 or ss
    ss = text.rfind(";", ss, start) + 1 or ss
    for marker in _SHORTFALL_WORDS:
        short = low.find(marker, ss, start)
        if short >= 0 and not _GOAL_VERB.search(text, short, start):
            return True
    # how many units stand at a rate ("37 xã, phường, đặc khu có tỷ lệ … trễ hạn trên 5%", "21/63 địa
    # phương có tỷ lệ dưới 10%"): a count of what is, unless a goal verb says it is aimed at
    if low.find("có tỷ lệ", ss, start) >= 0:
        m = _COUNTED_AT_RATE.search(text, ss, start)
        if m is not None and not _GOAL_VERB.search(text, ss, start):
            return True
        m = _SELECTED_AT_RATE.search(text, ss, start)
        if m is not None and not _GOAL_VERB.search(text, m.start(), start):
            return True
    if _has(low, _PAST_WORDS, cs, start):
        # a past marker before a goal verb is that clause's own ("theo danh mục đã thống nhất, bảo
        # đảm 100% dữ liệu … được đồng bộ": the list was agreed, the share is aimed at)
        p = past_at(text, _bound_segment(text, c), start)
        if p >= 0 and not _GOAL_VERB.search(text, p, start):
            return True
    if _has(low, ("đã",), c.qend, c.clause_to) and _PAST_AFTER.match(text, c.qend, c.clause_to) \
            and not _MINIMUM_AT.match(text, start):
        return True
    if _has(low, ("đạt",), cs, start) and _continues_a_report(text, c) or _acknowledged(text, low, c):
        return True
    # "đạt 46,7%, tăng 9,2% so với cùng kỳ năm 2024": a change on the same period of last year
    if _has(low, ("cùng kỳ",), c.qend, c.clause_to) and _SAME_PERIOD_AFTER.match(text, c.qend) \
            and not _GOAL_WORDS.search(text, c.sentence_from, start):
        return True
    ps = _paragraph_start(text, start)
    if _has(low, ("qua",), ps, start) and _RETROSPECT.match(text, ps) and not _GOAL_VERB.search(text, ps, start):
        return True
    ss = c.sentence_from
    if text[ss:ss + 12].lstrip(" \t*#-+•").lower().startswith("theo") and _SOURCED.match(text, ss) \
            and not _GOAL_WORDS.search(text, ss, start):
        return True
    # "Đến nay, 100% cơ quan … đã kết nối": what holds to date
    if _has(low, ("nay",), cs, start) and _TO_DATE.match(text, cs, start) and not _GOAL_WORDS.search(text, cs, start):
        return True
    if doc_year is None:
        return False
    # "tăng từ 14% năm 2022 lên 26% trong 7 tháng đầu năm 2023": a change from a past year's figure,
    # told with no goal named, reports what happened (both figures)
    ss = c.sentence_from
    lo = max(ss, text.rfind(";", ss, cs) + 1)
    if _has(low, ("lên", "xuống", "còn"), lo, min(len(text), c.qend + 80)):
        m = _FROM_PAST.search(text, lo, min(len(text), c.qend + 80))
        if m is not None and int(m.group(_FROM_PAST_YEAR)) < doc_year and m.start() <= c.qend \
                and not _GOAL_WORDS.search(text, lo, m.start()):
            return True
    # the opening names a year: "19" or "20" stands in the clause before the quantity; a sentence
    # opened so reports on in its later clauses too ("Trong quý III/2025, … đạt 97,6%; … đạt 41,2%")
    m = _PAST_PERIOD_OPENING.match(text, cs, start) if _has(text, ("20", "19"), cs, start) else None
    if m is None:
        ss = c.sentence_from
        if ss < cs and _has(text, ("20", "19"), ss, cs) and not _GOAL_WORDS.search(text, ss, start):
            m = _PAST_PERIOD_OPENING.match(text, ss, cs)
        # ... and a paragraph so opened, in its later sentences ("Năm 2023, công tác CCHC … đạt nhiều
        # kết quả. Chỉ số … xếp thứ 9/63; tỷ lệ … đạt 98,6%"), when no goal is named on the way
        ps = _paragraph_start(text, ss)      # (back over a PDF's hard wraps)
        if m is None and ps < ss and _has(text, ("20", "19"), ps, ss) and not _GOAL_WORDS.search(text, ps, start):
            m = _PAST_PERIOD_OPENING.match(text, ps, ss)
    if m is not None and _period_over(m, doc_year, doc_month):
        return True
    if low.find(_PAST_YEAR_WORD, cs, start) < 0:
        return False   # most clauses name no year: skip the search
    for m in _PAST_YEAR_RESULT.finditer(text, cs, start):
        if int(m.group(_RESULT_YEAR)) < doc_year and not _BASELINE_BEFORE.search(text, cs, m.start()):
            return True
    return False


# a section that reports (its heading: "I. KẾT QUẢ ĐẠT ĐƯỢC", "PHẦN I. KẾT QUẢ THỰC HIỆN …", "1. Tình hình
# …"), and the article of a decision that announces results ("Điều 1. Công bố Chỉ số …", when the
# decision's subject is "công bố …"): figures under it are results unless a goal is named
# ("Kết quả cần đạt", "Kết quả dự kiến" name goals)
_RESULT_HEADING = compile_regex(
    r"(?:kết\s+quả(?!\s+(?:cần|phải|dự\s+kiến|mong\s+đợi|đầu\s+ra|hướng\s+tới))|tình\s+hình"
    r"|đánh\s+giá\s+(?:chung|kết\s+quả|tình\s+hình|việc\s+thực\s+hiện)|(?:những\s+)?(?:tồn\s+tại|hạn\s+chế|khó\s+khăn))\b"
    # not a heading that also names what to do ("II. KẾT QUẢ KIỂM TRA VÀ NHIỆM VỤ ĐỐI VỚI TỪNG ĐƠN VỊ")
    r"(?![^\n]*\b(?:nhiệm\s+vụ|yêu\s+cầu|kiến\s+nghị|đề\s+xuất|giải\s+pháp|phương\s+hướng|khắc\s+phục))",
    _FLAGS)
# an item opened by what an assessment found, whatever its length ("a) Ưu điểm: … đạt 98,7%")
_FINDINGS_FIRST = frozenset("ưƯnNtThHkK")   # the first letters _FINDINGS_LEAD can match
_FINDINGS_LEAD = compile_regex(r"(?:ưu\s+điểm|nhược\s+điểm|(?:những\s+)?(?:tồn\s+tại|hạn\s+chế)(?:,\s*hạn\s+chế)?"
                               r"|kết\s+quả\s+đạt\s+được)\s*:", _FLAGS)
_ANNOUNCES = compile_regex(r"(?:về\s+việc\s+)?(?:phê\s+duyệt\s+và\s+)?công\s+bố\b", _FLAGS)
_HEADING_MAX = 120


# a report's section of what comes next ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"): its figures are goals
_GOAL_HEADING = compile_regex(r"(?:phương\s+hướng|nhiệm\s+vụ|giải\s+pháp|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|đề\s+xuất|kiến\s+nghị)\b", _FLAGS)


def _result_sections(ctx: MatchContext, heading_rx=_RESULT_HEADING) -> tuple[str, ...]:
    """Paths of the items that report results (see _RESULT_HEADING), as path prefixes; with
    heading_rx=_GOAL_HEADING, of the items that set goals."""
    layout = ctx.layout
    items = getattr(layout, "items", None) or ()
    subject = getattr(getattr(layout, "metadata", None), "subject", None) or ""
    announces = heading_rx is _RESULT_HEADING and bool(_ANNOUNCES.match(subject))
    parents = {it.parent for it in items if it.parent}
    text = ctx.text
    out = []
    for it in items:
        own = it.text[len(it.label):].lstrip(" .:)") if it.text.startswith(it.label) else it.text
        # a heading line over paragraphs of its own ("1. Kết quả đạt được" / "Giai đoạn 2021 - 2023, …")
        line_end = text.find("\n", it.start, it.end)
        if line_end >= 0 and text[line_end:it.end].strip():
            first = text[it.start:line_end].rstrip()
            if len(first) <= _HEADING_MAX and not first.endswith((".", ";", ":")):
                own = own[:max(0, len(first) - len(it.label))]
        heading = it.path in parents or (len(own) <= _HEADING_MAX and not own.rstrip().endswith((".", ";")))
        if heading and heading_rx.match(own) or announces and _ANNOUNCES.match(own) \
                or heading_rx is _RESULT_HEADING and own[:1] in _FINDINGS_FIRST and _FINDINGS_LEAD.match(own):
            out.append(it.path)
    return tuple(out)


def _in_results(ctx: MatchContext, sections: tuple[str, ...], pos: int) -> bool:
    path = ctx.layout.item_at(pos) if sections else None
    return bool(path) and any(path == s or path.startswith(s + "/") for s in sections)


def _reached_cells(ctx: MatchContext):
    """A test of whether a (normalized) offset lies in a table cell under a header of figures
    already reached ("Kết quả 6 tháng đầu năm 2025"), or None when the text has no such cell."""
    original = ctx.norm.original
    cells = result_cells(original) if "|" in original or "\t" in original else []
    if not cells:
        return None
    starts = [a for a, _ in cells]

    def inside(pos: int) -> bool:
        at = ctx.norm.to_original(pos, pos + 1)[0]
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < cells[i][1]
    return inside


def _is_report(ctx: MatchContext) -> bool:
    metadata = getattr(ctx.layout, "metadata", None)
    return getattr(metadata, "doc_type", None) == "bao_cao"


_QUOTE_REACH = 600      # as roles._QUOTE_REACH: how far a quotation's marks are looked for
_QUOTE_MIN = 20         # a quotation holding fewer characters only names something


def _in_quoted_speech(text: str, start: int, end: int) -> bool:
    """The figure stands in a petition quoted after its colon ("Ủy ban nhân dân xã kiến nghị: “Chỉ tiêu …
    đạt 80% trong năm 2026 là quá cao …”"): the petitioner's words, no goal this document sets.  A higher
    directive quoted as adopted ("Chỉ thị số 08/CT-TTg … nêu rõ: “… bảo đảm 100% hồ sơ …”") still sets one."""
    opening = text.rfind('"', max(0, start - _QUOTE_REACH), start)
    if opening < 0:
        return False
    colon = text.rfind(":", max(0, opening - 3), opening)
    if colon < 0 or text[colon + 1:opening].strip() or not _PETITION_BEFORE.search(text, max(0, colon - 40), colon):
        return False
    closing = text.find('"', end, end + _QUOTE_REACH)
    return closing >= 0 and closing - opening > _QUOTE_MIN


_PETITION_BEFORE = compile_regex(r"(?:kiến\s+nghị|phản\s+ánh|đề\s+xuất|đề\s+nghị|câu\s+hỏi|hỏi|vướng\s+mắc)\s*$", _FLAGS)


def find(ctx: MatchContext) -> list[Found]:
    text = ctx.text
    doc_year = int(ctx.doc_date[:4]) if ctx.doc_date and ctx.doc_date[:4].isdigit() else None
    doc_month = int(ctx.doc_date[5:7]) if doc_year and ctx.doc_date[5:7].isdigit() else 0
    report = _is_report(ctx)
    accepted: list[_Cand] = []
    head_ctx: tuple[Optional[str], Optional[str]] = (None, None)
    cands, low = _candidates(ctx)
    results = _result_sections(ctx) if cands else ()
    goals = _result_sections(ctx, _GOAL_HEADING) if cands and report else ()
    reached = _reached_cells(ctx) if cands else None
    quoted = '"' in text       # (the normaliser has made every double quote '"')
    for c in cands:
        if _reports_result(text, low, _with_clause(text, c), doc_year, doc_month) \
                or (reached and reached(c.start)) or quoted and _in_quoted_speech(text, c.start, c.qend):
            continue
        prev = accepted[-1] if accepted else None
        member = prev is not None and _is_member(text, low, prev, c)
        if c.needs_list and not (member and (head_ctx[0] not in (None, "eq") or head_ctx[1])):
            continue
        if member and c.comparator is None and c.change is None:
            c.comparator, c.change = head_ctx
        elif member and c.change is None and head_ctx[1] and c.comparator == head_ctx[0]:
            # "cắt giảm ít nhất 30% A, ít nhất 30% B": the verb governs a list that repeats its
            # comparator; another comparator ("giảm tối thiểu 10% A, trên 5% B") starts a statement
            c.change = head_ctx[1]
        else:
            head_ctx = (c.comparator, c.change)
        # a figure under a results heading reports, bounded or not ("Có 09 đơn vị đạt trên 90%"); in a
        # report outside its goals, an unbounded one does; either unless goal words precede it
        if (_in_results(ctx, results, c.start) or report and c.comparator is None
                and not _in_results(ctx, goals, c.start)) \
                and not _GOAL_WORDS.search(text, c.clause_from, c.start):
            continue
        accepted.append(c)
    out: list[Found] = []
    original = ctx.norm.original
    tab_tables = [(t.start, t.end) for t in task_tables(ctx.layout)] \
        if "\t" in original and ctx.layout is not None and accepted else []
    # a spaced dash borders cells only under a flattened table's key line ("giai đoạn 2021 – 2025" is text)
    dashes = (" – " in original or " — " in original) and has_key_line(original)
    piped = "|" in original or bool(tab_tables) or dashes
    # the tab tables (a tab elsewhere is spacing): task tables, tables of targets by year, any other
    year_tables = find_year_tables(original)   # ([] at once for a text with no pipe and no tab)
    tabs = sorted({*tab_tables, *((t.start, t.end) for t in year_tables),
                   *tab_table_spans(original)}) if "\t" in original and accepted else []
    for i, c in enumerate(accepted):
        nxt = accepted[i + 1] if i + 1 < len(accepted) else None
        c.end = _extent(text, low, c, nxt)
        if piped:
            c.end = _cell_end(ctx.norm, c.qend, c.end, tab_tables, dashes)
        c.end = _row_end(ctx.norm, c.qend, c.end, tabs)
        if tabs:
            c.start = _cell_start(ctx.norm, c.start, c.qend, tabs)
        c.end = _without_note_mark(text, c.qend, c.end)
        fields = {k: v for k, v in c.rule.fields.items() if k not in _CONTROL_KEYS}
        fields.update({"value": c.value, "unit": c.unit, "comparator": c.comparator or "eq",
                       "change": c.change, "measure": _measure(text, c)})
        out.append(Found(c.start, c.end, c.rule.id, fields, c.rule.priority))
    if _split_rules(ctx.rules["targets"])[1] and ("|" in ctx.norm.original or "\t" in ctx.norm.original):
        out.extend(_table_targets(ctx, year_tables))
    return out
