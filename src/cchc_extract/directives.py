"""Directives: who must do what, with whom, by when.

One directive per item that asks someone to act (and one for the preamble when
the preamble itself carries a task).  Leads come, in this order of strength, from
the item itself (``Giao X``, ``Đề nghị X``, ``X chủ trì``, X as the subject at the
start of the item), from the nearest ancestor item whose text names them (a body
heading such as ``2. Công an tỉnh``), from the addressees of the preamble's
request, or from the Kính gửi list.  A body named as the actor of a later clause
is added to what the item inherits.  Nobody is guessed: an item that asks for
action with no lead gets warning W401.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import chain as concat
from typing import Any, Callable, Optional

import regex

from . import diagnostics
from .matchers import MatchContext
from .flat_rows import flat_rows
from .models import BodyRef, Directive, Document, list_validator, validate_rows
from .roles import QUOTED_SPEECH, Chain, Lexicon, Mention, build_chains, classify, default_lexicon, lower_once
from .startup_cache import compile_re, compile_regex
from .structure.labels import BULLET_SIGNS
from .table_directives import item_links, merge as merge_table_directives, settle_holders, table_row_paths, table_rows

SOFT_BREAK = compile_regex(rf"(?<![.;:!?\n][ \t]*)\n(?![ \t]*(?:\n|[-+–*{BULLET_SIGNS}]\s|(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s"
                           r"|[a-zđ]\)\s|Điều\s+\d))", regex.IGNORECASE)
# "1. Về công tác tuyên truyền" or "Bước 3: Tổng hợp (trong tháng 11/2024)" alone on its line: a topic
# or step title, so the break after it ends a line even without a stop ("Về X\nSở Y chủ trì ..." opens
# a new clause)
TOPIC_TITLE = compile_regex(r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]|[a-zđ][.)])?\s*(?:về\s|bước\s+\d+\s*[:.])",
                            regex.IGNORECASE)


def _soften_breaks(text: str, titled: bool = False) -> str:
    """A lone line break inside a sentence (hard-wrapped text, a part rejoined after a page
    break) is a space for the role patterns; same length, so offsets stay valid.  The break
    after a topic title line is kept (titled: the first line is a title paragraph)."""
    nl = text.find("\n")
    if nl > 0 and (titled or TOPIC_TITLE.match(text, 0, nl)):
        return SOFT_BREAK.sub(" ", text, pos=nl + 1)      # the text before pos is kept as it is
    return SOFT_BREAK.sub(" ", text)


def _is_title(pieces: list[str]) -> bool:
    """The first of an item's paragraphs is its title ("4. Chế độ báo cáo" set apart above
    "Các cơ quan, đơn vị báo cáo …"): one short line that ends no sentence, the next
    paragraph opening with a capital."""
    first, nxt = pieces[0].strip(), pieces[1].lstrip()
    return (len(first) <= 120 and "\n" not in first and first[-1:].isalnum()
            and nxt[:1].isupper())


SENTENCE_END = compile_regex(r"[.!?:](?=\s)|\n")
RECIPIENTS = compile_regex(r"kính\s+gửi\s*:?", regex.IGNORECASE)


@dataclass
class Unit:
    """A stretch of own text (normalized) split in parts, joined by newlines."""
    path: str
    parent: Optional[str]
    parts: list[tuple[int, int]]
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (local start, norm start)
    low: Optional[str] = None    # lower_once(text), once made (see _doc_lower and _chains)

    def build(self, norm_text: str, norm_low: Optional[str] = None) -> "Unit":
        """norm_low: the document's lowered text when it is aligned with it (see _doc_lower)."""
        if len(self.parts) == 1:
            return self._build_one(norm_text, norm_low)
        self.parts = sorted(self.parts)
        pieces, pos = [], 0
        for s, e in self.parts:
            self.offsets.append((pos, s))
            pieces.append(norm_text[s:e])
            pos += e - s + 1
        # a lone line break inside a sentence (hard-wrapped text, a part rejoined after a page
        # break) is a space for the role patterns; same length, so offsets stay valid
        text = "\n".join(pieces)
        self.text = _soften_breaks(text, _is_title(pieces)) if "\n" in text else text
        if norm_low is not None and "\u03a3" not in text:
            # = lower_once(self.text): slices of the lowered document, not a second lowering
            self.low = _softened_low("\n".join([norm_low[s:e] for s, e in self.parts]), text, self.text)
        self._starts = [s for s, _ in self.parts]
        self.end = max(e for _, e in self.parts)
        return self

    def _build_one(self, norm_text: str, norm_low: Optional[str]) -> "Unit":
        """build() of a unit of one part (most items): no sort, no join."""
        s, e = self.parts[0]
        self.offsets.append((0, s))
        text = norm_text[s:e]
        self.text = _soften_breaks(text) if "\n" in text else text
        if norm_low is not None and "\u03a3" not in text:
            self.low = _softened_low(norm_low[s:e], text, self.text)
        self._starts = [s]
        self.end = e
        return self

    def local(self, p: int) -> Optional[int]:
        """Unit offset of normalized offset p, or None when p is outside the own text."""
        k = bisect_right(self._starts, p) - 1
        if k < 0 or p >= self.parts[k][1]:
            return None
        return self.offsets[k][0] + p - self.parts[k][0]


def _softened_low(low: str, text: str, soft: str) -> str:
    """soft.lower(), given low = text.lower() with one lowered character per character, and
    soft = text with some line breaks made spaces (_soften_breaks).  Lowering maps no other
    character to a line break and keeps both, so low has text's breaks where text has them:
    each is replaced by soft's character there."""
    if soft is text:
        return low
    pieces = low.split("\n")
    out, pos = [pieces[0]], len(pieces[0])
    for piece in pieces[1:]:
        out.append(soft[pos])
        out.append(piece)
        pos += 1 + len(piece)
    return "".join(out)


@dataclass
class Roles:
    lead: list[int] = field(default_factory=list)       # body indices
    support: list[int] = field(default_factory=list)
    source: Optional[str] = None
    modality: Optional[str] = None
    # a request that asks its addressees differently ("đề nghị UBND các tỉnh … và yêu cầu Công an
    # các tỉnh …"): each addressee's name (case-folded) -> its modality, for the headings naming them
    asked: Optional[dict[str, str]] = None
    guided: bool = False   # the preamble's "hướng dẫn X … như sau:" named the lead (see _guided)


def build_directives(doc: Document, ctx: MatchContext, lexicon: Lexicon | None = None) -> list[Directive]:
    lex = lexicon or default_lexicon()
    lex.reset_memo()                         # memoized lexicon answers are per document
    norm = ctx.norm
    if norm is None or not doc.items and _preamble_range(doc, ctx) is None:
        return []
    bodies = _body_positions(doc, ctx)
    rows = table_row_paths(ctx)              # task-table rows: own module, see table_directives
    units = _item_units(doc, ctx, rows)
    flat = flat_rows(units, bodies, norm.text)   # rows of a task table flattened into lines (flat_rows.py)
    links = item_links(doc)              # one pass for the preamble, the items and the rows
    out: list[dict] = []                 # directive fields: validated together at the end

    pre_roles, pre_directive = _preamble(doc, ctx, bodies, lex, links)
    if pre_directive is None:
        note = _forward_note(ctx)
        if note is not None:   # the forwarding note's own instruction: the preamble's task, inherited by no item
            pre_directive = _preamble(doc, ctx, bodies, lex, links, note)[1]
    if pre_directive is not None:
        out.append(pre_directive)
    inherited_top = pre_roles if pre_roles.lead else _recipients(doc, ctx, bodies)
    if inherited_top.source == "recipients" and _preamble_requests(doc, ctx):
        # "Bộ Nông nghiệp và Môi trường đề nghị:" over headings naming its addressees: it asks them
        inherited_top = Roles(inherited_top.lead, [], "recipients", "request")
    # a reply ("… nhận được Công văn số … Bộ có ý kiến như sau:") states the law, then asks: a task
    # stands only in the items that ask ("đề nghị Ủy ban nhân dân tỉnh chỉ đạo …", "giao X …") and below
    reply = not pre_roles.lead and _is_reply(doc, ctx)
    asking: dict[str, bool] = {}
    asked = _preamble_asks(doc, ctx, lex)     # "... yêu cầu:": every item below is a task
    # lex.first("text", …, ("cue",)), fetched once; without the memo: an item's own text is
    # seldom repeated, so the memo would only cost a hash of the whole text per item
    cue = lex.plan("text", ("cue",)).find

    base: dict[str, Roles] = {}
    alias = _aliases(doc, ctx, bodies) if "sau đây" in ctx.lowered() else {}
    party = {i for i, b in enumerate(doc.bodies) if b.level == "party"}
    own_units = _own_units(doc, inherited_top)
    # items that name no actor (what an inspection covers …), and theirs; a quoted passage's
    # numbered lines ("… ban hành Chỉ thị với nội dung: “1. … 2. …”") are the quoted text's
    objects: set[str] = {it.path for it in getattr(ctx.layout, "items", None) or () if it.quoted}
    fields: dict[str, tuple[list[int], list[int]]] = {}   # task path -> (lead, support) of its field lines
    parents = {u.parent for u in units if u.parent}
    purpose: set[str] = set()        # a guidance's purpose sections and what they hold (see _no_step)
    for unit in units:
        if unit.path in objects or unit.parent in objects or _lists_objects(unit) or _reports_findings(unit) \
                or _tallies_files(unit) \
                or unit.path not in parents and (_lists_schedule(unit) or _tallies_arrears(unit)
                                                 or _lists_procedure(unit)) \
                or unit.path in parents and (_reports_results(unit) or _lists_papers_or_members(unit)) \
                or unit.path not in parents and "\n" in unit.text and _reports_results(unit):
            # "1. Đối tượng kiểm tra" / "a) Các sở, ban, ngành: …", findings, schedules, papers, members: no task
            objects.add(unit.path)
            continue
        parent_base = base.get(unit.parent, inherited_top) if unit.parent else inherited_top
        chains = _chains(unit, bodies, lex)
        field_role = _field_line(unit)
        if field_role:                   # "- Đơn vị chủ trì: X" under its task: the task's roles
            lead_ids, support_ids = fields.setdefault(unit.parent, ([], []))
            for c in chains:             # "- Cơ quan thực hiện: X chủ trì, phối hợp với Y": Y supports
                named = support_ids if field_role == "support" or c.role == "support" else lead_ids
                named.extend(_ids([c]))
            base[unit.path] = parent_base
            continue
        roles, own_base = _item_roles(chains, parent_base, unit, alias, party, own_units)
        base[unit.path] = own_base
        row = flat.get(unit.path) if flat else None
        if row is not None:              # its cells say who leads and who supports
            roles = Roles(row[0], row[1], "table", roles.modality or "assign")
        if reply:
            asks = asking[unit.path] = asking.get(unit.parent, False) or _ASKS.search(_unquoted(unit.text)) is not None
            if not asks:
                continue                 # "1. Về thẩm quyền …: Theo quy định tại …, X có thẩm quyền …"
        if not roles.lead and not roles.support and (
                not _asks_for_action(unit, asked, cue) or unit.path in parents and _bare_heading(unit.text)):
            continue                     # "Điều 3. Tổ chức thực hiện" over its clauses: they ask, it does not
        if pre_roles.guided and roles.source == "preamble" and not chains and _no_step(unit, purpose):
            continue                     # a guidance's "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích": no step to do
        if roles.source == "recipients" and _DECISION.match(unit.text):
            continue                     # "1. Thống nhất chủ trương …": the issuer's own decision
        out.append(_make(doc, ctx, unit.path, unit.parts[0], roles, links))
    if fields:
        out = _with_field_roles(out, fields, units, base, doc, ctx, links)
    _with_body_refs(doc, out)             # the table rows name theirs already
    rows_out = table_rows(doc, ctx, links)
    out = merge_table_directives(settle_holders(out, rows_out), rows_out)
    for i, row in enumerate(out, 1):
        row["id"] = f"a{i}"
    directives = validate_rows(Directive, out)    # one call, not one per directive
    for d in directives:
        if not d.lead:
            doc.warnings.append(diagnostics.warn(
                "W401", f"directive of item {d.item} names no responsible body" if d.item is not None
                else "directive of a table row in no item names no responsible body", span=d.span))
    return directives


# an item that opens with the issuer's decision on a proposal (a reply: "Thống nhất chủ trương …",
# "Không đồng ý đề xuất …", "Chấp thuận …") sets no task for the letter's addressees
# (its label as TOPIC_TITLE reads one)
_DECISION = compile_regex(r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*)[.)/]|[a-zđ][.)/])?\s*(?:không\s+)?"
                          r"(?:thống\s+nhất|đồng\s+ý|chấp\s+thuận|nhất\s+trí)\b", regex.IGNORECASE)


# a reply's own voice in the paragraph before its items (the letter it answers, or "trả lời"), and
# the words by which an item asks ("đề nghị hướng dẫn" quotes the question; "giao dịch" is a noun)
_REPLY = compile_regex(r"nhận\s+được\s+(?:(?-i:C)ông\s+văn|(?-i:V)ăn\s+bản|(?-i:T)ờ\s+trình)|(?:trả\s+lời|phúc\s+đáp)"
                       r"(?:\s+\w+){0,3}?\s+(?:như\s+sau|sau\s+đây)\s*:", regex.IGNORECASE)
# ("1. Về đề nghị cho phép …" names the proposal answered, "không yêu cầu nộp lại hồ sơ" what the law
# spares the citizen: neither asks)
_ASKS = compile_regex(r"(?<!\w)(?<!về\s)(?<!không\s)(?:(?:đề\s+nghị|yêu\s+cầu|kiến\s+nghị)\s+(?!hướng\s+dẫn|(?:của|tại|này|đó|nêu)\b)"
                      r"|giao\s+(?:cho\s+)?(?=(?-i:\p{Lu})|các\s))", regex.IGNORECASE)


def _is_reply(doc: Document, ctx: MatchContext) -> bool:
    """The letter answers another: its preamble says so, or its subject does ("V/v trả lời kiến nghị …")."""
    rng = _preamble_range(doc, ctx) if doc.items else None
    if rng is None:
        return False
    subject = (doc.metadata.subject or "").lower()
    return subject.startswith(("trả lời", "phúc đáp")) or _REPLY.search(ctx.norm.text, rng[0], rng[1]) is not None


# a task's field line under it, a bullet of its own: "- Đơn vị chủ trì: X", "- Cơ quan phối hợp: Y"
_FIELD_LINE = compile_regex(
    r"^[-+*\u2022]\s*(?:(?:đơn\s+vị|cơ\s+quan)(?:,\s*đơn\s+vị)?\s+)?"
    r"(?:(?P<lead>chủ\s+trì|thực\s+hiện)|(?P<support>phối\s+hợp))\s*:", regex.IGNORECASE)


def _field_line(unit: "Unit") -> Optional[str]:
    """'lead' or 'support' when the unit is a field line of the task above it, else None."""
    if not unit.parent or unit.text[:1] not in "-+*\u2022" or ":" not in unit.text:
        return None                      # (the pattern needs its colon)
    m = _FIELD_LINE.match(unit.text)
    return None if m is None else ("lead" if m.group("lead") else "support")


def _with_field_roles(out: list[dict], fields: dict[str, tuple[list[int], list[int]]], units: list,
                      base: dict, doc: Document, ctx: MatchContext, links: dict) -> list[dict]:
    """The directives with each task's roles taken from its field lines ("Nhiệm vụ 1: …" over
    "- Đơn vị chủ trì: X" / "- Đơn vị phối hợp: Y"): the lines are the task's table of who does
    it, so they replace the roles the task had (inherited or named in its own line)."""
    by_path = {u.path: u for u in units}
    made = {}
    for path, (lead, support) in fields.items():
        unit = by_path.get(path)
        if unit is None or not lead and not support:
            continue
        lead = _unique(lead)
        asked = base.get(path)           # the task keeps the request it is under
        roles = Roles(lead, [i for i in _unique(support) if i not in lead], "explicit",
                      asked.modality if asked is not None and asked.modality else "assign")
        made[path] = _make(doc, ctx, path, unit.parts[0], roles, links)
    kept = [d for d in out if d["item"] not in made]
    return sorted(kept + list(made.values()), key=lambda d: d["span"][0])


# what may open an item's first line before its words: a bullet or a label ("- ", "2.1. ", "a) ")
_LABEL_PREFIX = r"^\W*(?:(?:Điều\s+)?[\w.]+(?:[.)]|(?<=\d)-)\s+)?"     # "1- ": a Party document's
# a heading whose items list what an inspection, survey or assessment covers: the bodies named
# under it are its objects, not actors ("Đối tượng thực hiện" names actors and is not one)
_OBJECT_LIST = compile_regex(
    _LABEL_PREFIX + r"(?:(?:phạm\s+vi(?:\s*,|\s+và)\s+)?đối\s+tượng(?:\s+được)?"
    r"(?:(?:\s*,|\s+và)\s+(?:thời\s+gian|địa\s+bàn|phạm\s+vi|nội\s+dung))?|nội\s+dung)\s+"
    r"(?:kiểm\s+tra|giám\s+sát|khảo\s+sát|đánh\s+giá|thanh\s+tra)\s*:?\s*$"
    # a scope given inline ("2. Phạm vi: các sở, ban, ngành có thủ tục hành chính …; UBND các xã được
    # chọn mẫu.", "- Đối tượng áp dụng: …"): whom the plan covers, no task of theirs
    r"|" + _LABEL_PREFIX + r"(?:phạm\s+vi|đối\s+tượng)(?:\s+(?:áp\s+dụng|điều\s+chỉnh|kiểm\s+tra|giám\s+sát"
    r"|khảo\s+sát|đánh\s+giá|thanh\s+tra))?[ \t]*:[ \t]*\S", regex.IGNORECASE)


def _lists_objects(unit: "Unit") -> bool:
    # the pattern needs "đối tượng": a line whose lowered text lacks its last word cannot match
    # (lowering the line costs more than the regex call: only with the unit's lowered text).
    # Most units lack it anywhere: one `in`, before the first line is looked for
    low = unit.low
    if low is not None and _OBJECT_WORD not in low and _CONTENT_WORD not in low and _SCOPE_WORD not in low:
        return False
    line = _first_line(unit.text)
    if low is not None and low.find(_OBJECT_WORD, 0, len(line)) < 0 and low.find(_CONTENT_WORD, 0, len(line)) < 0 \
            and low.find(_SCOPE_WORD, 0, len(line)) < 0:
        return False
    return _OBJECT_LIST.match(line) is not None


_OBJECT_WORD = "tượng"
_CONTENT_WORD = "nội dung"     # "1. Nội dung kiểm tra": what the inspection covers
_SCOPE_WORD = "phạm vi"        # "2. Phạm vi: các sở, ban, ngành …": whom the plan covers


# a heading over what was found or done ("I. KẾT QUẢ KIỂM TRA", "1. Kết quả đạt được", "I. ĐÁNH GIÁ
# CHUNG"): the items under it describe, and a body heading one ("1. Ủy ban nhân dân xã X") is
# whom the findings are about, not who must act.  Not goals ("Kết quả cần đạt") nor a heading
# that also names tasks ("KẾT QUẢ KIỂM TRA VÀ YÊU CẦU KHẮC PHỤC")
_RESULTS_HEADING = compile_regex(
    _LABEL_PREFIX + r"(?:(?:kết\s+quả(?!\s+(?:cần|phải|dự\s+kiến|mong\s+đợi|đầu\s+ra|hướng\s+tới))"
    r"|tình\s+hình|đánh\s+giá\s+(?:chung|kết\s+quả|tình\s+hình))"
    # ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01": the tasks done, still results)
    r"(?![^\n]*\b(?:(?<!thực\s+hiện\s+)nhiệm\s+vụ|yêu\s+cầu|kiến\s+nghị|đề\s+xuất|giải\s+pháp|phương\s+hướng|khắc\s+phục))"
    r"[^\n]{0,100}$"
    # a decision that approves and publishes results ("Điều 1. Phê duyệt và công bố kết quả xác định
    # Chỉ số … cụ thể như sau:"): the rankings under it are findings
    r"|(?:phê\s+duyệt(?:\s+và\s+công\s+bố)?|công\s+bố)\s+kết\s+quả[^\n]{0,250}$)", regex.IGNORECASE)


def _reports_results(unit: "Unit") -> bool:
    return _RESULTS_HEADING.match(_first_line(unit.text)) is not None


# an item opened by what an assessment found ("a) Ưu điểm: …", "2. Tồn tại, hạn chế", "b) Nguyên nhân:
# …"): it describes, with its sub-items, and sets no task (every held-out gold: 39 items of 39);
# not when the line also names what to do ("Tồn tại, hạn chế và giải pháp khắc phục")
_FINDINGS = compile_regex(
    _LABEL_PREFIX + r"(?:\*\*)?(?:(?:ưu\s+điểm|tồn\s+tại|hạn\s+chế|nhược\s+điểm|nguyên\s+nhân|khó\s+khăn|kết\s+quả\s+đạt\s+được"
    r"|những\s+mặt\s+(?:làm\s+được|đạt\s+được))\b"
    r"(?![^\n:]*\b(?:nhiệm\s+vụ|yêu\s+cầu|kiến\s+nghị|đề\s+xuất|giải\s+pháp|phương\s+hướng|khắc\s+phục))"
    # ... or by an acknowledgement ("1. Ghi nhận Bộ Công an và các bộ, ngành đã tích cực triển khai …"):
    # it praises what was done, unless its paragraph also asks for something
    r"|(?:ghi\s+nhận|biểu\s+dương|đánh\s+giá\s+cao|hoan\s+nghênh|khen\s+ngợi)\b"
    r"(?![^\n]*\b(?:đề\s+nghị|giao|chủ\s+trì|khẩn\s+trương)\b))", regex.IGNORECASE)


# one opens every _FINDINGS match: looked for in one call (13 `in` tests cost more)
_FINDINGS_WORDS = compile_re("ưu|tồn|hạn|nhược|nguyên|khó|kết|những|ghi|biểu|đánh|hoan|khen").search


def _reports_findings(unit: "Unit") -> bool:
    head = (unit.low if unit.low is not None else unit.text.lower())[:40]
    return _FINDINGS_WORDS(head) is not None and _FINDINGS.match(unit.text) is not None


# a heading over the documents sent with the letter ("4. Tài liệu gửi kèm theo Công văn này, gồm:")
# or over who makes up a team ("2. Thành phần các Đoàn kiểm tra"): its items name papers or
# members, not tasks
_PAPERS_OR_MEMBERS = compile_regex(
    _LABEL_PREFIX + r"(?:(?:các\s+)?(?:tài\s+liệu|văn\s+bản|hồ\s+sơ|biểu\s+mẫu)\s+(?:được\s+)?(?:gửi\s+)?kèm\s+theo\b"
    # (not "Thành phần và nhiệm vụ của Đoàn kiểm tra": the team's tasks are below too)
    r"|thành\s+phần\b(?![^\n]*nhiệm\s+vụ))[^\n]{0,80}$"
    # a body set up or completed with its members ("Điều 1. Kiện toàn Ban Chỉ đạo …, gồm các thành viên
    # theo chức danh sau:")
    r"|[^\n]{0,300}\bgồm\s+(?:các\s+)?(?:thành\s+viên|ông(?:,|\s+và)?\s+bà)\b[^\n]{0,80}:\s*$", regex.IGNORECASE)


def _lists_papers_or_members(unit: "Unit") -> bool:
    head = (unit.low or unit.text[:60].lower())[:60]   # the lower case: a heading in capitals ("III. THÀNH PHẦN ĐOÀN …")
    line = _first_line(unit.text)
    return ("kèm" in head or "phần" in head or "gồm" in line) and _PAPERS_OR_MEMBERS.match(line) is not None


# a schedule line: who is visited or met when ("- Sở Tư pháp: ngày 14/5/2024;", "- UBND huyện A và
# UBND xã B: sáng thứ Ba, ngày 21/5/2024."): the bodies are the schedule's objects, set no task
_SCHEDULE_LINE = compile_regex(
    _LABEL_PREFIX + r"[^:\n]{3,160}:[ \t]*(?:(?:sáng|chiều|tối)[ \t]+)?(?:(?:thứ[ \t]+\p{L}+|chủ[ \t]+nhật)[ \t]*,?[ \t]*)?"
    r"(?:từ[ \t]+)?ngày[ \t]+\d{1,2}(?:[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?"
    r"(?:[ \t]*(?:đến|-|–)[ \t]*(?:ngày[ \t]+)?\d{1,2}(?:[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?)?[ \t]*[;.]?[ \t]*$",
    regex.IGNORECASE)


# a timetable step that names who does it ("2. Lập danh sách … (do UBND các xã thực hiện): từ ngày …")
_DONE_BY = compile_regex(r"\bdo\s+[^:()\n]{3,80}?\s+thực\s+hiện\b", regex.IGNORECASE)


def _lists_schedule(unit: "Unit") -> bool:
    text = unit.text
    return len(text) < 240 and ":" in text and "\n" not in text.rstrip() and _SCHEDULE_LINE.match(text.rstrip()) is not None \
        and _DONE_BY.search(text) is None


# a tally of what a body has left undone ("- Cục Khoáng sản Việt Nam: 02 nhiệm vụ quá hạn (…);"), as a
# reminder lists them before its requests: a report on the body, no task of it
_ARREARS_LINE = compile_regex(
    _LABEL_PREFIX + r"[^:\n]{3,160}:[ \t]*\d{1,4}[ \t]+[^\n;:]{0,40}?"
    r"(?:quá\s+hạn|trễ\s+hạn|chậm\s+tiến\s+độ|tồn\s+đọng|chưa\s+hoàn\s+thành|đã\s+hoàn\s+thành)", regex.IGNORECASE)


# a count of files a body handled late, as a reminder lists them before its requests (under "… vẫn để
# phát sinh nhiều hồ sơ trễ hạn, cụ thể:"): "+ UBND xã Quảng Sơn (huyện Đắk Glong): 35 hồ sơ;", "- Cấp
# xã: 214 hồ sơ, trong đó:", or two or more bodies with their counts ("- Cấp tỉnh: Sở Xây dựng 41 hồ
# sơ; Sở Tư pháp 27 hồ sơ."): the line holds nothing but the counts, so it reports and sets no task
_FILE_COUNT = r"\d{1,3}(?:\.\d{3})*[ \t]+hồ[ \t]+sơ(?:[ \t]*\([^()\n]{1,160}\))?"
_FILES_TALLY_LINE = compile_regex(
    _LABEL_PREFIX + r"(?:[^:;\n]{3,160}:[ \t]*" + _FILE_COUNT + r"(?:[ \t]*,[ \t]*trong[ \t]+đó[ \t]*:)?"
    r"|(?:[^:;\n]{2,40}:[ \t]*)?(?:[^:;\n\d]{3,160}?[ \t]+" + _FILE_COUNT + r"[ \t]*[;,][ \t]*){1,8}"
    r"[^:;\n\d]{3,160}?[ \t]+" + _FILE_COUNT + r")[ \t]*[;.]?[ \t]*$", regex.IGNORECASE)


def _tallies_files(unit: "Unit") -> bool:
    line = _first_line(unit.text)
    if "sơ" not in line:
        return False
    # (a tally line ends with its count, an aside or "trong đó:": most lines naming files end otherwise,
    # and are spared the pattern, whose lazy repeats cost most on a long line)
    end = line.rstrip(" \t;.,:*")
    return end.endswith(("sơ", ")", "đó")) and _FILES_TALLY_LINE.match(line) is not None


def _tallies_arrears(unit: "Unit") -> bool:
    if ":" not in unit.text:             # the colon it needs, first: most units hold none
        return False
    line = _first_line(unit.text)
    # (the words it needs, first: most first lines with a colon hold none of them)
    return ":" in line and ("hạn" in line or "độ" in line or "đọng" in line or "thành" in line) \
        and _ARREARS_LINE.match(line) is not None


# an entry of a catalogue of procedures ("1. Đăng ký thực hiện khuyến mại … - Mã số: 2.000050 - Cơ quan
# thực hiện: Cục Xúc tiến thương mại."): the body that handles the procedure, no task
_PROCEDURE_ENTRY = compile_regex(r"\bmã\s+(?:số|TTHC|thủ\s+tục(?:\s+hành\s+chính)?)\s*:?\s*[\d.]{3,}[^\n]*"
                                 r"\bcơ\s+quan\s+(?:thực\s+hiện|giải\s+quyết)\s*:", regex.IGNORECASE)


def _lists_procedure(unit: "Unit") -> bool:
    if unit.low is not None and "mã" not in unit.low:    # (every case of "mã" lowers to it)
        return False                     # one `in` over the unit: most hold no "mã" anywhere
    line = _first_line(unit.text)
    return ("Mã" in line or "mã" in line or "MÃ" in line) and _PROCEDURE_ENTRY.search(line) is not None


def _first_line(text: str) -> str:
    nl = text.find("\n")
    return text if nl < 0 else text[:nl]     # not split(): that copies the rest too


def _asks_for_action(unit: "Unit", preamble_asks: bool, cue: Callable[[str, Optional[str]], Any]) -> bool:
    """A leadless item is still a directive under a requesting preamble or when it uses an
    action word; an all-capitals section heading ("II. TỔ CHỨC THỰC HIỆN") is not.
    cue: the 'text' plan's find of the cue entries (Lexicon.plan): text, low -> entry or None."""
    text = unit.text
    first_line = _first_line(text)
    if _all_capitals(first_line) and "\n" not in text.strip():
        return False
    if preamble_asks:
        return True
    own = _unquoted(text)
    return cue(text, unit.low) is not None if own is text else cue(own, None) is not None


def _unquoted(text: str) -> str:
    """The text without the passages it quotes from another writer: a request quoted asks nothing
    of anyone here (the text itself when it quotes none)."""
    if '"' not in text:
        return text
    own = QUOTED_SPEECH.sub(":", text)    # ("Nội dung kiến nghị: “… Đề nghị Bộ …”")
    return own if own != text else text


# "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu": what a plan or guidance is for, no step in it
_PURPOSE = compile_regex(_LABEL_PREFIX + r"\W*(?:mục\s+đích|yêu\s+cầu)(?:\s*,\s*yêu\s+cầu)?\W*$", regex.IGNORECASE)


def _no_step(unit: "Unit", purpose: set[str]) -> bool:
    """Whether a unit naming no body under a guidance's inherited lead sets no step: a section
    heading in capitals, or a purpose section and what it holds (added to `purpose`)."""
    if unit.parent in purpose or _PURPOSE.match(_first_line(unit.text)):
        purpose.add(unit.path)
        return True
    return _all_capitals(_first_line(unit.text)) and "\n" not in unit.text.strip()


def _bare_heading(text: str) -> bool:
    """One short line with no closing mark: a title over sub-items, not a sentence."""
    t = text.strip()
    return len(t) <= 100 and "\n" not in t and t[-1:] not in ".;:!?"


def _all_capitals(line: str) -> bool:
    """line.upper() == line.  Upper-casing is per character and no character's upper case
    begins with itself unless it is itself, so a changed prefix settles it: most lines are
    told apart by their first words without upper-casing the whole line."""
    head = line[:24]
    return head.upper() == head and line.upper() == line


# the preamble ends asking with "đề nghị" and nothing after its colon ("Bộ … đề nghị:", "… trân trọng đề
# nghị các đơn vị thực hiện một số nội dung sau:"), no "yêu cầu" or "giao" beside it
_REQUEST_END = compile_regex(r"\bđề\s+nghị\b(?![^.\n]{0,200}\b(?:yêu\s+cầu|giao)\b)[^.\n]{0,200}:\s*$", regex.IGNORECASE)


def _preamble_requests(doc: Document, ctx: MatchContext) -> bool:
    rng = _preamble_range(doc, ctx)
    if not rng:
        return False
    tail = ctx.norm.text[max(rng[0], rng[1] - 300):rng[1]].rstrip()
    return tail.endswith(":") and _REQUEST_END.search(tail) is not None


def _preamble_asks(doc: Document, ctx: MatchContext, lex: Lexicon) -> bool:
    rng = _preamble_range(doc, ctx)
    return bool(rng) and lex.first("before", ctx.norm.text[max(rng[0], rng[1] - 300):rng[1]],
                                   ("request",)) is not None


# --- positions ----------------------------------------------------------------

def _to_norm(norm, p: int) -> int:
    """Normalized offset whose original start is the first at or after p (monotone map)."""
    if not norm._map:
        return p
    lo, hi = 0, len(norm.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if norm._map.start(mid) < p:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Bodies(list):
    """Normalized (start, end) of every Body, in document order, with their starts for bisect."""

    def __init__(self, spans: list[tuple[int, int]]):
        super().__init__(spans)
        self.starts = [s for s, _ in spans]


def _body_positions(doc: Document, ctx: MatchContext) -> Bodies:
    found = ctx.found.get("bodies") or []
    if len(found) == len(doc.bodies):
        return Bodies([(f.start, f.end) for f in found])
    return Bodies([(_to_norm(ctx.norm, b.span[0]), _to_norm(ctx.norm, b.span[1])) for b in doc.bodies])


def _item_units(doc: Document, ctx: MatchContext, skip: set[str]) -> list[Unit]:
    """The units of every item whose path is not in skip (task-table rows)."""
    text, low = ctx.norm.text, _doc_lower(ctx)
    layout_items = getattr(ctx.layout, "items", None) or []
    if layout_items:
        return [Unit(it.path, it.parent, list(it.parts or [(it.start, it.end)])).build(text, low)
                for it in layout_items if it.path not in skip]
    # hand-built documents: own text = the item's region minus its children's regions
    regions = {it.path: (_to_norm(ctx.norm, it.span[0]), _to_norm(ctx.norm, it.span[1])) for it in doc.items}
    children: dict[str, list[tuple[int, int]]] = {}
    for c in doc.items:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(regions[c.path])
    units = []
    for it in doc.items:
        s, e = regions[it.path]
        kids = sorted(children.get(it.path, []))
        parts, pos = [], s
        for ks, ke in kids:
            if ks > pos:
                parts.append((pos, min(ks, e)))
            pos = max(pos, ke)
        if pos < e:
            parts.append((pos, e))
        if it.path not in skip:
            units.append(Unit(it.path, it.parent, parts or [(s, e)]).build(text, low))
    return units


def _doc_lower(ctx: MatchContext) -> Optional[str]:
    """The normalized text in lower case (made once per document for the matchers) when every
    character lowers to one: then a slice of it without Σ is lower_once of the same slice."""
    low = ctx.lowered()
    return low if len(low) == len(ctx.norm.text) else None


def _chains(unit: Unit, bodies: "Bodies", lex: Lexicon, needed_from: int = 0) -> list[Chain]:
    """The unit's body chains with their roles (needed_from: see roles.classify)."""
    lo, hi = unit.parts[0][0], unit.end      # parts are sorted by build()
    first, stop = bisect_left(bodies.starts, lo), bisect_left(bodies.starts, hi)
    if len(unit.parts) == 1:                 # every body starting in [lo, hi) is inside
        mentions = [Mention(s - lo, e - lo, i) for i, (s, e) in enumerate(bodies[first:stop], first)]
    else:
        mentions = []
        for i in range(first, stop):
            s, e = bodies[i]
            ls = unit.local(s)
            if ls is not None:
                mentions.append(Mention(ls, ls + (e - s), i))
    if not mentions:
        return []                        # no body named: nothing to classify
    if unit.low is None:
        unit.low = lower_once(unit.text)
    return classify(unit.text, build_chains(unit.text, mentions, lex), lex, unit.low, needed_from)


# --- roles --------------------------------------------------------------------

def _ids(chains: list[Chain]) -> list[int]:
    return [m.index for c in chains for m in c.mentions]


def _item_roles(chains: list[Chain], inherited: Roles, unit: Unit,
                alias: Optional[dict[int, str]] = None, party: frozenset | set = frozenset(),
                own_units: frozenset | set = frozenset()) -> tuple[Roles, Roles]:
    """(roles of this item, roles its children inherit).  alias: see _aliases; party: the indices
    of Party bodies; own_units: those of the issuer's own units (see _own_units)."""
    if not chains:
        return _inherited_roles(inherited, unit)
    explicit, starting, added, support = _by_role(chains)
    if starting and not explicit and party and _led_by_party_organ(starting[0], inherited, unit, party):
        starting = []     # the state body is what the inherited Party organ leads: the organ keeps the lead
    if starting and not explicit and alias and _renames(starting, inherited, alias):
        added, starting = starting + added, []   # the short name of what it inherits: kept, not replaced
    if starting and explicit and starting[0].heading and _delegates(unit.text, starting[0], explicit[0]):
        starting = []     # "- Các bộ: giao Vụ Tổ chức cán bộ chủ trì …": the addressee hands the task on
    if explicit or starting:
        lead = _unique(_ids(starting) + _ids(explicit))
        heading = bool(starting) and starting[0].heading
        # a lead named with its own verb (Giao, Đề nghị) says how; a subject or a heading keeps the
        # request it is under ("Sở Nội vụ đề nghị: … 3. Đối với UBND các xã: …" is still a request)
        modality = _first_modality(explicit) or _own_modality(unit) or (
            _heading_modality(inherited, unit, starting[0], own_units) if heading else None) \
            or inherited.modality or "assign"
        roles = Roles(_unique(lead + _ids(added)), [], "heading" if heading else "explicit", modality)
        taken = set(roles.lead)
        roles.support = [i for i in _unique(support) if i not in taken]
        # children inherit the named lead; a task intro ("X chủ trì, phối hợp với Y:") also its support
        child = Roles(lead, [] if heading else list(roles.support), "heading", modality)
        return roles, child
    if added:
        own = _ids(added)
        named = {alias[i] for i in own if i in alias and not alias[i].startswith("list:")} if alias else ()
        # an inherited body the item names again by its short name is the item's own mention
        kept = [i for i in inherited.lead if alias.get(i) not in named] if named else inherited.lead
        lead = _unique(kept + own)
    else:
        lead = _unique(inherited.lead)
    taken = set(lead)
    sup = [i for i in _unique(inherited.support + support if support else inherited.support) if i not in taken]
    source = inherited.source if inherited.lead else ("explicit" if lead else None)
    own = _own_modality(unit)
    roles = Roles(lead, sup, source, own or inherited.modality or "assign")
    child = _for_children(inherited, own)
    if support and unit.text.rstrip().endswith(":"):
        # a task intro naming only whom to work with ("2. Phối hợp với X, Y thực hiện các nhiệm vụ
        # sau:"): its tasks below are done with them too
        child = Roles(child.lead, sup, child.source, child.modality)
    return roles, child


# the words between an addressee's colon and the one it hands its task to ("Ủy ban nhân dân các tỉnh:
# giao Sở Nội vụ chủ trì …")
_HANDED_ON = compile_regex(r"\s*:\s*giao\s+(?:nhiệm\s+vụ\s+)?(?:cho\s+)?", regex.IGNORECASE)


def _delegates(text: str, heading: Chain, lead: Chain) -> bool:
    return heading.end < lead.start and _HANDED_ON.fullmatch(text, heading.end, lead.start) is not None


# "Ủy ban nhân dân các huyện, thị xã, thành phố (sau đây gọi chung là UBND cấp huyện)"
_ALIAS_PAREN = r"\(\s*sau\s+đây\s+(?:được\s+)?(?:gọi\s+)?(?:chung\s+|tắt\s+)?(?:là|gọi\s+là)\s+"
_ALIAS = compile_regex(r"\s*" + _ALIAS_PAREN, regex.IGNORECASE)
_ALIAS_SEARCH = compile_regex(_ALIAS_PAREN, regex.IGNORECASE)
_BLANKS_BEFORE = compile_regex(r"\s*", regex.REVERSE)     # match(text, 0, p): the blanks ending at p


class _AliasSpots:
    """Where _ALIAS can match: one search of the document for its parenthesis (it holds no other
    "(", so the hits cannot overlap), each hit widened by the blanks before it.  A match at p
    needs a hit whose widened start lies at or before p and whose "(" lies at or after p: a
    bisect per body, instead of a _ALIAS.match per body (the 'regex' module looks for a
    required string up to the end of the text there: a scan of the rest of the document)."""

    def __init__(self, text: str):
        hits = [m.span() for m in _ALIAS_SEARCH.finditer(text)]
        self.parens = [s for s, _ in hits]
        self.ends = [e for _, e in hits]
        self.starts = [_BLANKS_BEFORE.match(text, 0, p).start() for p in self.parens]

    def bound(self, p: int) -> int:
        """Where a match of _ALIAS at p would end (it matches up to there or not at all: the
        same as the hit after the blanks), or -1 when it cannot match at p."""
        k = bisect_left(self.parens, p)
        return self.ends[k] if k < len(self.parens) and self.starts[k] <= p else -1


def _aliases(doc: Document, ctx: MatchContext, bodies: "Bodies") -> dict[int, str]:
    """Body index -> a key it shares with the short name the text gives it, and with every
    mention of either name: one body under two names.  The short name of a list of bodies
    ("A, B (sau đây gọi chung là bộ, ngành, địa phương)") gets a key starting "list:", shared
    by the members and every mention of the short name."""
    text = ctx.norm.text
    keys: dict[int, str] = {}
    by_name: Optional[dict[str, list[int]]] = None
    spots = _AliasSpots(text)
    if not spots.parens:
        return keys
    for i, (start, end) in enumerate(bodies):
        bound = spots.bound(end)
        if bound < 0:
            continue
        m = _ALIAS.match(text, end, bound)
        if m is None:
            continue
        close = text.find(")", m.end())
        k = i + 1
        while k < len(bodies) and bodies[k][0] < m.end():
            k += 1
        if close < 0 or k == len(bodies) or bodies[k][1] > close:
            continue                  # no body named inside the parenthesis
        key = doc.bodies[k].canonical.lower()
        first = i
        while first and text[bodies[first - 1][1]:bodies[first][0]].strip(" ,;") in ("", "và"):
            first -= 1        # the members of a listed group
        if first < i:
            key = "list:" + key
            for k in range(first, i + 1):
                keys[k] = key
        if by_name is None:           # made once, at the first short name: one pass over the bodies
            by_name = {}
            for j, b in enumerate(doc.bodies):
                by_name.setdefault(b.canonical.lower(), []).append(j)
        for name in (key.removeprefix("list:"), "" if first < i else doc.bodies[i].canonical.lower()):
            for j in by_name.get(name, ()):
                keys[j] = key
    return keys


def _renames(chains: list[Chain], inherited: Roles, alias: dict[int, str]) -> bool:
    """Every body of the chains is the short name of the list of bodies the item inherits."""
    inherited_keys = {alias.get(i) for i in inherited.lead}
    return all(alias.get(m.index, "").startswith("list:") and alias[m.index] in inherited_keys
               for c in chains for m in c.mentions)


def _inherited_roles(inherited: Roles, unit: Unit) -> tuple[Roles, Roles]:
    """_item_roles of a unit naming no body: the inherited lead and support as they are (every
    Roles is built with unique lists and support apart from lead, and never changed: shared)."""
    own = _own_modality(unit)
    roles = Roles(inherited.lead, inherited.support, inherited.source if inherited.lead else None,
                  own or inherited.modality or "assign")
    return roles, _for_children(inherited, own)


def _for_children(inherited: Roles, own: Optional[str]) -> Roles:
    """What the children of an item that names no lead of its own inherit: its roles, and its own
    modality over the inherited one ("2. Trong thời gian tới, đề nghị …: 2.1. …" asks, not orders)."""
    child_source = "heading" if inherited.source in ("heading", "explicit") else inherited.source
    modality = own or inherited.modality
    if child_source == inherited.source and modality == inherited.modality:
        return inherited       # the same roles again (a Roles is never changed once made)
    return Roles(inherited.lead, inherited.support, child_source, modality, inherited.asked)


# the issuer's own units, by the word its own name starts with ("các đơn vị thuộc Bộ", "Các đơn vị trực
# thuộc Sở Y tế" in a Sở Y tế's letter)
_OWN_UNITS = compile_regex(r"\b(?:trực\s+)?thuộc\s+(?P<kind>Bộ|Sở|Tổng\s+cục|Cục)(?:\s+(?P<name>\S.*))?$",
                           regex.IGNORECASE)


def _own_units(doc: Document, addressees: Roles) -> set[int]:
    """Indices of the bodies that name the issuer's own units without being among the letter's
    addressees: a ministry that asks the provinces does not ask those, it gives them their tasks
    ("3. Đối với các đơn vị thuộc Bộ Tài chính: …"); own units it addresses (Kính gửi, "Bộ Y tế đề
    nghị các Vụ, Cục, …, các bệnh viện trực thuộc Bộ Y tế") keep the way they were asked."""
    issuer = (doc.metadata.issuer or "").casefold()
    out: set[int] = set()
    if not issuer:
        return out
    asked = {doc.bodies[j].text.casefold() for j in addressees.lead} | set(addressees.asked or ())
    for i, b in enumerate(doc.bodies):
        if "thuộc" not in b.text or b.text.casefold() in asked:
            continue
        m = _OWN_UNITS.search(b.text)
        if m is None or not issuer.startswith(m.group("kind").casefold() + " "):
            continue
        name = m.group("name")
        if name is None or issuer == f"{m.group('kind')} {name}".casefold():
            out.add(i)
    return out


def _heading_modality(inherited: Roles, unit: Unit, heading: Chain, own_units: frozenset | set) -> Optional[str]:
    """A body heading's modality: the issuer's own units are given tasks ("assign") even under a
    request to others; else how the preamble asked that body (_asked_as)."""
    if own_units and heading.mentions and all(m.index in own_units for m in heading.mentions):
        return "assign"
    return _asked_as(inherited, unit, heading)


def _asked_as(inherited: Roles, unit: Unit, heading: Chain) -> Optional[str]:
    """The modality the preamble asked the heading's body with, when it asked its addressees
    differently ("II. ĐỐI VỚI CÔNG AN CÁC TỈNH" under "… và yêu cầu Công an các tỉnh …": assign)."""
    if not inherited.asked:
        return None
    name = unit.text[heading.mentions[0].start:heading.mentions[0].end].casefold()
    for asked, modality in inherited.asked.items():
        if asked.startswith(name) or name.startswith(asked):
            return modality
    return None


# "Lãnh đạo UBND tỉnh chỉ đạo …" under a Party organ's heading ("2.1. Ban cán sự đảng UBND tỉnh"):
# the organ leads (lãnh đạo, chỉ đạo: verbs) the state body, which is its object, not "the
# leaders of UBND tỉnh" acting
_PARTY_LEADERSHIP = compile_regex(_LABEL_PREFIX + r"(?:(?:lãnh|chỉ)\s+đạo(?:\s*,\s*|\s+và\s+)?){1,2}\s*$",
                                  regex.IGNORECASE)


def _led_by_party_organ(chain: Chain, inherited: Roles, unit: Unit, party: frozenset | set) -> bool:
    """Whether the unit opens "Lãnh đạo <state body> …" under an inherited lead of Party bodies."""
    if not inherited.lead or not all(i in party for i in inherited.lead):
        return False
    if any(m.index in party for m in chain.mentions):
        return False      # "Lãnh đạo Huyện ủy …": a Party body's leaders act
    text = unit.text
    line_start = text.rfind("\n", 0, chain.start) + 1
    return _PARTY_LEADERSHIP.match(text[line_start:chain.start]) is not None


def _first_modality(chains: list[Chain]) -> Optional[str]:
    """The modality of the first chain that has one, or None (a loop: cheaper than next() over a
    generator for these short lists)."""
    for c in chains:
        if c.modality:
            return c.modality
    return None


def _by_role(chains: list[Chain]) -> tuple[list[Chain], list[Chain], list[Chain], list[int]]:
    """(lead chains, subject chains at the unit start, other subject chains, support body
    indices), in document order: one pass over the chains."""
    explicit: list[Chain] = []
    starting: list[Chain] = []
    added: list[Chain] = []
    support: list[int] = []
    for c in chains:
        role = c.role
        if role == "lead":
            explicit.append(c)
        elif role == "subject":
            (starting if c.at_unit_start else added).append(c)
        elif role == "support":
            support.extend(m.index for m in c.mentions)
    return explicit, starting, added, support


# "đề nghị …" opening the item, or after an opening adverbial ("Trong thời gian tới, đề nghị …")
OPENING_MODALITY = compile_regex(_LABEL_PREFIX + r"(?:[^\W\d][^,.;:\n]{0,60}?,\s*)?(?:(đề\s+nghị)|(khuyến\s+khích))\b",
                                 regex.IGNORECASE)


# an intro that asks of the bodies its items name ("UBND tỉnh kiến nghị, đề xuất một số nội dung sau:"
# over "1. Đối với Bộ Nội vụ"): a report's proposals to the bodies above it are requests
_ASKING_INTRO = compile_regex(r"(?<!\w)(?:kiến\s+nghị|đề\s+nghị)(?:,\s*đề\s+xuất)?\s[^.\n:]{0,160}?"
                              r"(?:sau|như\s+sau|sau\s+đây)\s*:\s*$", regex.IGNORECASE)


def _own_modality(unit: Unit) -> Optional[str]:
    head = unit.text[:120]
    low = head.lower() if unit.low is None else unit.low[:120]
    if unit.text.rstrip().endswith(":") and _ASKING_INTRO.search(unit.text[-220:].rstrip()):
        return "request"
    if "đề" not in low and "khuyến" not in low:     # a word the pattern needs: skip the call
        return None
    m = OPENING_MODALITY.match(head)
    if not m:
        return None
    return "request" if m.group(1) else "encourage"


def _unique(xs: list[int]) -> list[int]:
    if len(xs) < 2:
        return list(xs)                 # most lists: no dict needed
    return list(dict.fromkeys(xs))      # first occurrences, in order


# --- preamble and recipients -------------------------------------------------

def _preamble(doc: Document, ctx: MatchContext, bodies, lex: Lexicon,
              links: dict[str, dict[str, list[str]]], rng: Optional[tuple[int, int]] = None) -> tuple[Roles, Optional[dict]]:
    """The preamble's roles (what the items inherit) and its own directive (rng: another range read as
    the preamble, see _forward_note)."""
    rng = rng or _preamble_range(doc, ctx)
    if rng is None:
        return Roles(), None
    unit = Unit("preamble", None, [rng]).build(ctx.norm.text, _doc_lower(ctx))
    # the request is in the last paragraph (earlier ones tell the background): only chains
    # from there on are looked at below, so only they (and what they depend on) are classified
    # (markdown's heading or quote marks of the first item's line may end the range: "…sau:\n\n# I.")
    para_start = unit.text.rstrip(" \t\n#>*").rfind("\n") + 1
    # a letter without items may give its tasks in several paragraphs after the line that
    # asks for them ("Chủ tịch UBND huyện yêu cầu:"): all of them are the request
    asks_from = _after_asking_line(unit.text) if not doc.items else None
    if asks_from is not None:
        para_start = min(para_start, asks_from)
    chains = _chains(unit, bodies, lex, para_start)
    asked = [c for c in chains if c.role in ("lead", "subject") and c.start >= para_start]
    guided = False
    if not asked:
        asked = _guided(unit.text, chains, para_start)
        guided = bool(asked)
    if not asked:
        return Roles(), None
    last = asked[-1]
    sent_start = asks_from if asks_from is not None else _sentence_start(unit.text, last.start)
    request = [c for c in asked if c.start >= sent_start]
    lead = _unique(_ids(request))
    modality = next((c.modality for c in request if c.modality), None) or "assign"
    asked = {unit.text[m.start:m.end].casefold(): c.modality for c in request if c.modality for m in c.mentions}
    if len(set(asked.values())) < 2:
        asked = None
    taken = set(lead)
    support = _unique([i for i in _ids([c for c in chains if c.role == "support" and c.start >= sent_start])
                       if i not in taken])
    # items inherit the addressees (and who they work with: "X chủ trì, phối hợp với Y thực hiện:")
    roles = Roles(lead, support, "preamble", modality, asked, guided)
    # what the sentence asks after its last named body: only "thực hiện các nội dung sau:"?
    tail = max(c.end for c in chains if c.role in ("lead", "subject", "support") and c.start >= sent_start)
    rest = unit.text[tail:_sentence_end(unit.text, last.end)]
    if guided or lex.first("after", rest, ("introducer",)) is not None:
        return roles, None               # the guidance introduces its items: no task of its own
    own = Roles(lead, support, "explicit", modality)
    s = rng[0] + sent_start
    e = rng[0] + _sentence_end(unit.text, last.end)
    d = _make(doc, ctx, "preamble", (s, e), own, links)
    # entities of a stand-in preamble (a letter's only paragraph) carry no item: link by span
    ds, de = d["span"]
    for kind in ("deadlines", "targets", "references"):
        ids = d[kind]
        ids.extend(x.id for x in getattr(doc, kind)
                   if x.item is None and ds <= x.span[0] and x.span[1] <= de and x.id not in ids)
    return roles, d


# an e-mail forward above the letter: its header lines, and where the forwarding note ends (its sign-off,
# the forwarded message's own header)
_MAIL_HEADER = compile_regex(r"(?m)^[ \t]*(?:From|Từ)[ \t]*:.*\n(?:[ \t]*(?:Sent|Date|To|Cc|Gửi|Đến|Ngày)[ \t]*:.*\n)*"
                             r"[ \t]*(?:Subject|Tiêu đề|Chủ đề)[ \t]*:.*\n")
_NOTE_END = compile_regex(r"(?m)^[ \t]*(?:Trân trọng|Thân (?:gửi|chào)|-{3,}[ \t]*(?:Original|Forwarded) Message|(?:From|Từ)[ \t]*:)")


def _forward_note(ctx: MatchContext) -> Optional[tuple[int, int]]:
    """The note an e-mail forward puts above the letter ("Kính chuyển Phòng Nội vụ Công văn số …
    Thừa lệnh Phó Chủ tịch UBND huyện: giao Phòng Nội vụ chủ trì …"), which the layout reads as debris
    before the letter's header: its own instruction is the document's preamble task when the letter's
    preamble sets none (two held-out annotators of two whose note gives one)."""
    segs = getattr(ctx.layout, "segments", None) or []
    if not segs or segs[0][0] != "debris":
        return None
    text, (_, lo, hi) = ctx.norm.text, segs[0]
    head = _MAIL_HEADER.search(text, lo, hi)
    if head is None:
        return None
    end = _NOTE_END.search(text, head.end(), hi)
    stop = end.start() if end is not None else hi
    return (head.end(), stop) if text[head.end():stop].strip() else None


def _after_asking_line(text: str) -> Optional[int]:
    """Where the paragraphs after the last line ending with a colon begin, or None."""
    body = text.rstrip()
    colon = body.rfind(":\n")
    while colon >= 0 and not body[colon + 2:].strip():
        colon = body.rfind(":\n", 0, colon)
    return colon + 2 if colon >= 0 else None


# the document's own guidance names whom it guides: "Sở Nội vụ hướng dẫn các sở, ban, ngành và UBND
# các xã (sau đây gọi chung là cơ quan, đơn vị) thực hiện tự đánh giá như sau:" (they do its steps)
_GUIDES = compile_regex(r"(?<!\w)hướng\s+dẫn\s+(?:cho\s+)?$", regex.IGNORECASE)
_AS_FOLLOWS = compile_regex(r"(?:như\s+sau|sau\s+đây|(?:nội\s+dung|bước|nhiệm\s+vụ)\s+(?:cụ\s+thể\s+)?sau)\s*:\s*$",
                            regex.IGNORECASE)


def _guided(text: str, chains: list[Chain], para_start: int) -> list[Chain]:
    """The chain that a preamble's "hướng dẫn X … như sau:" guides, as the items' lead (modality
    assign); [] when the last paragraph is no such sentence."""
    for c in chains:
        if c.start >= para_start and c.role is None and _GUIDES.search(text, max(0, c.start - 16), c.start):
            end = _sentence_end(text, c.end)
            if _AS_FOLLOWS.search(text[c.end:end].rstrip()):
                c.role, c.modality, c.trigger = "lead", "assign", "guided"
                return [c]
    return []


def _sentence_start(text: str, pos: int) -> int:
    last = 0
    for m in SENTENCE_END.finditer(text, 0, pos):
        if m.group() != ":":
            last = m.end()
    return last


def _sentence_end(text: str, pos: int) -> int:
    m = compile_regex(r"[.!?](?=\s|$)|\n").search(text, pos)
    return m.end() if m else len(text)


def _preamble_range(doc: Document, ctx: MatchContext) -> Optional[tuple[int, int]]:
    if ctx.layout is not None and getattr(ctx.layout, "preamble", None):
        return tuple(ctx.layout.preamble)
    if not doc.items:
        # a letter with no numbered items: its only paragraph (ending ./.) is the request itself
        segs = getattr(ctx.layout, "segments", None) or []
        return next(((s, e) for k, s, e in segs if k == "closing"), None)
    if getattr(ctx.layout, "items", None):
        return None                      # the segmenter saw items and no preamble before them
    first = min(_to_norm(ctx.norm, it.span[0]) for it in doc.items)
    text = ctx.norm.text
    start = max(0, text.rfind("\n\n", 0, max(0, first - 2)))   # the paragraph before the first item
    return (start, first) if first > start else None


# a report or a submission goes up to the body that asked for it or decides on it: its addressees
# take no task from it ("Kính trình: UBND tỉnh" over a tờ trình's points)
_UPWARD = ("bao_cao", "to_trinh")


def _recipients(doc: Document, ctx: MatchContext, bodies) -> Roles:
    """The Kính gửi list: from the layout's segment, the metadata span, or the text itself."""
    if doc.metadata.doc_type in _UPWARD:
        return Roles()
    text = ctx.norm.text
    seg = next(((s, e) for k, s, e in (getattr(ctx.layout, "segments", None) or []) if k == "recipients"), None)
    span = (doc.metadata.spans or {}).get("recipients")
    if seg:
        lo, hi = seg
    elif span:
        lo, hi = _to_norm(ctx.norm, span[0]), _to_norm(ctx.norm, span[1])
    else:
        head = text[:6000]       # slices: a regex call on the whole text costs its length
        m = RECIPIENTS.search(head)
        if not m:
            return Roles()
        # the block ends at the first blank line not followed by another "- ..." entry
        block = text[m.end():m.end() + 3000]
        para = compile_regex(r"\n[ \t]*\n(?![ \t]*[-+•])").search(block, 2)
        lo, hi = m.end(), m.end() + (para.start() if para else len(block))
    opener = _TELEGRAM_OPENER.match(text, lo, hi)
    if opener:                   # "THỦ TƯỚNG CHÍNH PHỦ điện:": the sender, not an addressee
        lo = opener.end()
    first = bisect_left(bodies.starts, lo)
    lead = []
    for i in range(first, len(bodies)):
        if bodies[i][0] >= hi:
            break
        if bodies[i][1] <= hi:
            lead.append(i)
    if lead and _all_above_issuer(doc, ctx, lead):
        return Roles()      # a reply or report up the hierarchy: its addressee asks, the issuer acts
    return Roles(lead, [], "recipients", "assign") if lead else Roles()


_RANK = {"commune": 0, "district": 1, "province": 2, "central": 3}
# a công điện's line before its addressees names its sender ("THỦ TƯỚNG CHÍNH PHỦ điện:")
_TELEGRAM_OPENER = compile_regex(r"\s*[^\n:]{2,80}?\s(?:điện|ĐIỆN)\s*:", regex.V1)


def _all_above_issuer(doc: Document, ctx: MatchContext, lead: list[int]) -> bool:
    """Every addressee stands above the issuer (a province writing to a ministry: "Kính gửi: Bộ
    Nội vụ"), so the letter answers or reports to them and sets them no task."""
    from .gazetteer import default_gazetteer
    from .matchers.bodies import issuer_tier

    rank = _RANK.get(issuer_tier(ctx, default_gazetteer()))
    return rank is not None and all(_RANK.get(doc.bodies[i].level, -1) > rank for i in lead)


# --- output -------------------------------------------------------------------

def _make(doc: Document, ctx: MatchContext, path: str, nspan: tuple[int, int], roles: Roles,
          links: dict[str, dict[str, list[str]]]) -> dict:
    """The fields of a Directive (build_directives validates them all in one call), lead and
    support as body indices (the Roles' lists, never changed) until _with_body_refs."""
    s, e = ctx.norm.to_original(*nspan)
    # trim surrounding blanks so the span quotes the words
    raw = ctx.norm.original[s:e]
    s += len(raw) - len(raw.lstrip())
    e -= len(raw) - len(raw.rstrip())
    own = links.get(path, _NO_LINKS)
    lead, support = roles.lead, roles.support
    if len(lead) > 1 or len(support) > 1:    # one body named twice ("Sở Nội vụ", and typed bare "So Noi vu")
        lead, support = _one_per_name(doc, lead, support)
    return {
        "text": ctx.norm.original[s:e], "span": (s, e), "item": path,
        "lead": lead, "support": support,
        "modality": roles.modality, "lead_source": roles.source if roles.lead else None,
        "deadlines": list(own.get("deadlines", ())), "targets": list(own.get("targets", ())),
        "references": list(own.get("references", ())),
    }


def _one_per_name(doc: Document, lead: list[int], support: list[int]) -> tuple[list[int], list[int]]:
    """lead and support each with the first mention of each body name (its canonical name, any
    case); a body may still lead and support through two mentions, as annotators list it. The
    Roles' lists themselves are shared and never changed."""
    bodies = doc.bodies
    out = []
    for ids in (lead, support):
        kept = []
        seen: set[str] = set()
        for i in ids:
            name = bodies[i].canonical.lower()
            if name not in seen:
                seen.add(name)
                kept.append(i)
        out.append(kept if len(kept) < len(ids) else ids)
    return out[0], out[1]


def _with_body_refs(doc: Document, rows: list[dict]) -> None:
    """Replace the body indices of the rows' lead and support (see _make) by BodyRefs: one per
    body named (children repeat their parent's lead; a BodyRef is never mutated, so directives
    share it: validation keeps instances), all made in one validation call."""
    named = dict.fromkeys(concat.from_iterable([r["lead"] for r in rows] + [r["support"] for r in rows]))
    if not named:
        return
    bodies = doc.bodies
    refs = list_validator(BodyRef).validate_python(
        [{"text": b.text, "span": b.span, "body": b.id or None} for b in map(bodies.__getitem__, named)])
    made = dict(zip(named, refs)).__getitem__
    for row in rows:
        row["lead"] = list(map(made, row["lead"]))
        row["support"] = list(map(made, row["support"]))


_NO_LINKS: dict[str, list[str]] = {}
