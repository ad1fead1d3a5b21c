"""Matcher for responsible bodies: gazetteer names + name patterns from rules/bodies.yaml.

Technique (chosen on measurement, see bench/bodies_matcher.py): one stdlib `re`
scan of the lower-cased text with a trie alternation of every gazetteer name and
every pattern anchor; at each hit the name becomes a candidate (plus its
locality suffix) and the patterns anchored there are tried with `match`.
Candidates overlapping a blocker (systems, portals, indexes, abstract
authority) or lying in the header issuer lines, the signature block or a filing
line are dropped; a body inside a longer body name is dropped; the rest are
settled in the order of matchers.select (priority, then length) and given level /
group / canonical.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Optional

import regex

from ..gazetteer import Gazetteer, default_gazetteer
from ..normalize import to_normalized
from ..table_items import task_tables
from ..tables import tab_table_spans
from ..startup_cache import compile_regex
from ..structure.labels import BULLET_SIGNS
from . import Found, MatchContext
from .body_aliases import add_defined_aliases
from .body_fields import auto_group, auto_level, canonical_name
from .body_places import with_own_places
from .body_zones import MARKER_STARTS, merge_spans, skip_zones
from .disjoint import greedy_disjoint

CONTAINER_MIN_PRIORITY = 50   # fallback patterns (lower) never swallow a name
_LIST_END = re.compile(r"[.;:]")
_LIST_REACH = 400     # an enumeration ends at ".", ";" or ":" (line breaks may be wraps)


def lower_same_length(text: str) -> str:
    """text.lower() with offsets kept: U+0130 is the only letter whose lower case is longer."""
    return text.replace("\u0130", "i").lower()


def flat_text(text: str) -> str:
    """A name wrapped over two lines is still one name: match on a copy where line breaks
    are spaces (same length, so offsets need no map).  str.replace, not translate: it is
    an order of magnitude faster."""
    text = text.replace("\n", " ")
    for ch in "\r\t\v\f":   # the normalizer already turned CR and tabs into \n and spaces
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _flat_lower(ctx: MatchContext, flat: str) -> str:
    """lower_same_length(flat), from the document's lower case that every kind shares when
    it kept the offsets (lower() lengthens only U+0130; line breaks stay line breaks)."""
    low = ctx.lowered()
    if len(low) != len(flat):
        return lower_same_length(flat)
    return flat_text(low)


# A candidate is a plain tuple until it wins (tens of thousands per MB; a Found with its
# dict would cost more than the matching): (start, end, priority, rule id, spec, name end)
Cand = tuple


class _Hits:
    def __init__(self) -> None:
        self.cands: list[Cand] = []
        self.blocks: list[tuple[int, int]] = []
        self.members: list[Cand] = []
        self.heads: list[tuple[int, int]] = []
        self.marker_starts: list[int] = []    # where a skip-zone marker may start (body_zones)


def _entry_hit(g: Gazetteer, text: str, pos: int, entry, klen: int, hits: _Hits,
               line_breaks: str = "") -> bool:
    end = pos + klen
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False  # the name is only the start of a longer word
    if entry.locality:
        lm = g.locality.match(text, end)
        if lm is not None:
            # a locality's place name does not run onto a next line that starts with a
            # capital ("Văn phòng HĐND và UBND huyện" / "Chủ trì …"), as line_bound names
            end = _line_end(text, end, lm.end(), line_breaks) if line_breaks else lm.end()
        elif entry.locality_required:
            return False
    hits.cands.append((pos, end, entry.priority, entry.id, entry, pos + klen))
    return True


def _enum_hit(text: str, pos: int, en, hits: _Hits) -> None:
    m = en.head.match(text, pos)
    if m is None:
        return
    stop = _LIST_END.search(text, m.end(), m.end() + _LIST_REACH)
    end = stop.start() if stop else min(len(text), m.end() + _LIST_REACH)
    n = len(hits.members)
    for mm in en.members.finditer(text, m.end(), end):
        hits.members.append((mm.start(), mm.end(), 60, en.id, en, None))
    if len(hits.members) > n:
        # the head only announces its members; without any ("1. Các sở, ban, ngành:" over its
        # tasks, "cơ quan ngang Bộ:") it is a name like any other
        hits.heads.append(m.span())


def _scan(g: Gazetteer, text: str, low: str, line_breaks: str = "", tab_rows: Optional[Callable] = None) -> _Hits:
    """Candidates, blocked spans and enumeration heads; `text` is the flat text, `low` its
    lower case (same offsets), `line_breaks` the text before flattening, `tab_rows` (when the input
    holds tabs) whether the line starting at an offset is a row of tab-separated cells."""
    hits = _Hits()
    # A pattern is not retried at anchors inside its own previous match: without this a
    # long comma list ("cơ quan, cơ quan, …") would be re-matched from every member
    # (quadratic); a match starting inside another of the same rule would lose anyway.
    covered: dict = {}   # rule -> end of its last match (rules hash by identity)
    covered_end = covered.get
    cands, blocks, marker_starts = hits.cands, hits.blocks, hits.marker_starts
    # the same scan finds where body_zones' markers may start: one pass over the text
    table = g.scan_table(MARKER_STARTS)
    dispatch = table.dispatch
    for pos, key in table.starts(low, text):
        names, rules, marker, by_first = dispatch[key]
        if by_first is not None:
            rules = by_first.get(text[pos], rules)
        if marker:
            marker_starts.append(pos)
        for entry, klen in names:   # longest first: after a hit, shorter names are contained
            if _entry_hit(g, text, pos, entry, klen, hits, line_breaks):
                break
        for kind, obj, match in rules:
            if covered_end(obj, -1) > pos:
                continue
            if kind == "enum":
                _enum_hit(text, pos, obj, hits)
                continue
            mm = match(text, pos)
            if mm is None:
                continue
            covered[obj] = mm.end()
            if kind == "blocker":
                blocks.append(mm.span())
                continue
            s, e = mm.span("body") if obj.has_body and mm.group("body") else mm.span()
            if obj.line_bound or tab_rows is not None and _into_tab_row(line_breaks, s, e, tab_rows):
                e = _line_end(text, s, e, line_breaks)
            if e > s:
                cands.append((s, e, obj.priority, obj.id, obj, None))
    return hits


_LIST_SIGNS = " \t-+*" + BULLET_SIGNS


_LINE_LABEL = re.compile(r"(?:[a-dđeg-ik-vxy]|\d{1,2}(?:\.\d{1,2})*)[.)/][ \t]")


# a place name's rest at the start of a wrapped line, then the sentence going on in lower case or
# stopping ("… của Ủy ban nhân dân xã Mỹ" / "Lệ. Trong quá trình …", "UBND huyện Hướng" / "Hóa, …")
_NAME_REST = compile_regex(r"[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*)?(?:[ \t]+\p{Ll}|[.,;:)])")
_WRAP_MIN = 50      # a line this long that stops inside a name was wrapped, not ended
# hard wraps fall near a column (60-100): a longer line is a paragraph of its own, and a capitalised
# word and lower-case ones after it open the next ("2. Sở A, …, UBND phường Thành Đông" / "Khẩn trương
# rà soát …"); only the name's rest closed by a mark goes on there ("UBND huyện Hướng" / "Hóa, UBND …")
_WRAP_MAX = 110
_NAME_REST_CLOSED = compile_regex(r"[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*)?[.,;:)]")


def _name_wrapped(breaks: str, nl: int, nxt: int) -> bool:
    """The line break at nl cuts a name in a hard-wrapped paragraph ("… của UBND huyện Vĩnh" /
    "Tường về việc …"): a long line ending in a capitalised word, continued by the name's rest
    and lower-case words, with no list sign between."""
    if breaks[nl - 1:nl].isspace() or not breaks[nl - 1:nl].isalpha() or breaks[nl + 1:nxt].strip():
        return False
    ls = breaks.rfind("\n", 0, nl) + 1
    word = breaks.rfind(" ", ls, nl) + 1
    if nl - ls < _WRAP_MIN or len(breaks[ls:nl].strip()) < _WRAP_MIN or not breaks[word:word + 1].isupper():
        return False
    rest = _NAME_REST if nl - ls <= _WRAP_MAX else _NAME_REST_CLOSED
    return rest.match(breaks, nl + 1) is not None


def _into_tab_row(breaks: str, s: int, e: int, tab_rows: Callable[[int], bool]) -> bool:
    """The match runs over a line break onto a row of tab-separated cells (a table's next row:
    "… Trung tâm Phục vụ hành chính công xã" / "Thứ Năm<tab>Sáng<tab>…"): no name goes on there."""
    nl = breaks.find("\n", s, e)
    return nl >= 0 and tab_rows(nl + 1)


def _tab_rows(ctx: MatchContext) -> Optional[Callable[[int], bool]]:
    """A test of whether the (normalized) line starting at an offset holds a tab in the input (the
    normaliser turns tabs into spaces), or None when the input holds none."""
    original = ctx.norm.original
    if "\t" not in original:
        return None

    def test(pos: int) -> bool:
        at = ctx.norm.to_original(pos, pos)[0]
        end = original.find("\n", at)
        return "\t" in original[at:end if end >= 0 else len(original)]
    return test


def _line_end(flat: str, s: int, e: int, breaks: str) -> int:
    """e, or the end of the name's first line when the next line starts with a capital
    (`breaks`: the text with its line breaks, same offsets as `flat`)."""
    nl = breaks.find("\n", s, e)
    if nl < 0:
        return e
    nxt = nl + 1
    while nxt < e and breaks[nxt] in _LIST_SIGNS:    # "- Chủ trì …": a list sign opens the line
        nxt += 1
    if not breaks[nxt:nxt + 1].isupper() and not _LINE_LABEL.match(breaks, nxt):
        return e                         # (an item label, "a) …", "2. …", opens a new line too)
    if _name_wrapped(breaks, nl, nxt):
        return e
    while nl > s and flat[nl - 1] in " ,;:-":      # no slice of the text: this runs per match
        nl -= 1
    return nl


def _with_branches(branch, text: str, cands: list[Cand]) -> list[Cand]:
    """Candidates extended over a branch suffix (" - Chi nhánh khu vực X") that follows them."""
    out = []
    for c in cands:
        end = c[1]
        if text.startswith(" - ", end):
            m = branch.match(text, end)
            if m is not None:
                c = (c[0], m.end()) + c[2:]
        out.append(c)
    return out


def _outside(cands: list[Cand], merged: list[tuple[int, int]]) -> list[Cand]:
    """Candidates overlapping none of the disjoint sorted spans (one linear sweep)."""
    out = []
    i, n = 0, len(merged)
    for c in sorted(cands):
        while i < n and merged[i][1] <= c[0]:
            i += 1
        if i < n and merged[i][0] < c[1]:
            continue
        out.append(c)
    return out


def _drop_contained(cands: list[Cand]) -> tuple[list[Cand], list[Cand]]:
    """A body inside a longer body name is not a separate mention: (kept, contained)."""
    out, inner = [], []
    max_end = -1
    for c in sorted(cands, key=lambda c: (c[0], -c[1], -c[2], c[3])):
        if c[1] <= max_end:
            inner.append(c)
            continue
        out.append(c)
        if c[2] >= CONTAINER_MIN_PRIORITY and c[1] > max_end:
            max_end = c[1]
    return out, inner


def _select(cands: list[Cand]) -> list[Cand]:
    """matchers.select on tuples: the same total order (priority, length, start, rule)."""
    if _disjoint_in_order(cands):
        return list(cands)   # the usual case: nothing overlaps, the greedy choice keeps all
    ordered = sorted(cands, key=lambda c: (-c[2], c[0] - c[1], c[0], c[3]))
    kept = greedy_disjoint([(c[0], c[1]) for c in ordered])
    return sorted(c for c, k in zip(ordered, kept) if k)


def _disjoint_in_order(cands: list[Cand]) -> bool:
    """Non-empty spans, each starting at or after the end of the one before."""
    end = -1
    for c in cands:
        if c[0] < end or c[1] <= c[0]:
            return False
        end = c[1]
    return True


def _fill_gaps(winners: list[Cand], inner: list[Cand]) -> list[Cand]:
    """Give back contained names whose container lost to another mention."""
    if not inner:
        return winners
    extra = _select(_outside(inner, [(w[0], w[1]) for w in winners]))
    return sorted(winners + extra) if extra else winners


@lru_cache(maxsize=8192)
def _fields_of(spec, mention: str, rest: Optional[str], g: Gazetteer) -> dict:
    """Fields of a mention (cached: the same names recur all through a document; callers
    copy the dict)."""
    heads = getattr(spec, "head_abbreviations", None)
    if heads:
        mention = _expand_head(mention, heads)
    level = spec.level if spec.level != "auto" else auto_level(mention, spec.default, g)
    group = spec.group if spec.group != "auto" else auto_group(mention)
    if not group and rest is not None and rest[:5].lower() == " các ":
        group = True   # a group locality after the name: "Công an các tỉnh, thành phố"
    canonical_head = getattr(spec, "canonical", None)
    name = canonical_head + rest if canonical_head and rest is not None else mention
    return {"canonical": canonical_name(name, g), "group": bool(group), "level": level}


def _expand_head(mention: str, heads: tuple) -> str:
    """The mention with its first word (and a dot after it) spelt out, when it is one of heads."""
    for word, expansion in heads:
        if mention.startswith(word) and mention[len(word):len(word) + 1] in ("", " ", "."):
            return expansion + mention[len(word):].lstrip(".")
    return mention


def _found(c: Cand, text: str, g: Gazetteer) -> Found:
    start, end, priority, rule, spec, name_end = c
    if text.find(" Văn ", start, end) > 0 or text.find(" Thị ", start, end) > 0:
        end = _before_holder(text, start, end)
    elif end - start > 12 and text[end - 1:end].isalpha() and text[text.rfind(" ", start, end) + 1:end][:1].isupper():
        end = _before_holder(text, start, end, _HOLDER_SURNAMED)
    rest = text[name_end:end] if name_end is not None and name_end <= end else None
    fields = _fields_of(spec, text[start:end], rest, g).copy()
    if fields["level"] == "central":
        k = text.find(" - Chi nhánh ", start, end)
        if k > 0:   # a national body's branch ("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh X"): its place's level
            fields["level"] = auto_level(text[k + 3:end], "central", g)
    if fields["group"] and start >= 5 and text[start - 5:start] in _BLOC:
        start -= 5      # "khối sở, ban, ngành": a ranking's bloc of units is the group's name
    return Found(start, end, rule, fields, priority)


_BLOC = ("khối ", "Khối ", "KHỐI ")
# a holder's name after the body his office names ("Phó Chủ tịch UBND huyện Nguyễn Văn Tâm"): a
# person's name has "Văn" or "Thị" in its middle; the place a body is named by rarely does
_HOLDER = compile_regex(r"\s(?:huyện|quận|thị\s+xã|thành\s+phố|tỉnh|xã|phường|thị\s+trấn)\s+"
                        r"(\p{Lu}\p{Ll}*\s(?:Văn|Thị)\s\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)?)$")
_HOLDER_OFFICE = compile_regex(r"(?:Chủ\s+tịch|Bí\s+thư|Giám\s+đốc|Trưởng|Chánh|Thủ\s+trưởng)\s+$", regex.IGNORECASE)


# the same after any body, when the document names that person elsewhere ("đồng chí Danh Hoàng Sơn,
# Phó Chủ tịch …", or as its signer): a name without "Văn" or "Thị" is known only so
_HOLDER_ANY = compile_regex(r"\s(?:huyện|quận|thị\s+xã|thành\s+phố|tỉnh|xã|phường|thị\s+trấn)\s+"
                            r"(\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,3})$")
_PERSON = compile_regex(r"(?<!\w)(?:đồng\s+chí|đ/c|[ÔôOo]ng|[Bb]à)\s+(\p{Lu}\p{Ll}*(?:[ \t]\p{Lu}\p{Ll}*){1,3})")


def _named_people(ctx: MatchContext) -> set[str]:
    signer = getattr(getattr(getattr(ctx.layout, "metadata", None), "signer", None), "name", None)
    people = {" ".join(m.group(1).split()) for m in _PERSON.finditer(ctx.text)}
    return people | {" ".join(signer.split())} if signer else people


def _before_known_holders(ctx: MatchContext, found: list[Found]) -> None:
    """Cut a known person's name off the end of a body his office names (see _HOLDER_ANY)."""
    text, people = ctx.text, None
    for f in found:
        # most bodies end in a lower-case word ("Sở Nội vụ", "UBND tỉnh"): told without a search
        last = text.rfind(" ", f.start, f.end) + 1
        if not last or not text[last:last + 1].isupper() or not text[f.end - 1:f.end].isalpha():
            continue
        if not _HOLDER_OFFICE.search(text, max(0, f.start - 40), f.start):
            continue
        m = _HOLDER_ANY.search(text, f.start, f.end)
        if m is None:
            continue
        if people is None:
            people = _named_people(ctx)
        if " ".join(m.group(1).split()) in people:
            f.end = m.start(1) - 1
            f.fields = {**f.fields, "canonical": canonical_name(text[f.start:f.end], default_gazetteer())}


def _before_holder(text: str, start: int, end: int, holder=_HOLDER) -> int:
    """`end`, or the end of the body before its holder's name when an office stands before it."""
    # most bodies have no office right before them: that short test first, the name search after
    if not _HOLDER_OFFICE.search(text, max(0, start - 40), start):
        return end
    m = holder.search(text, start, end)
    if m is None or m.group(1) in _NAMED_AFTER_PEOPLE:
        return end
    return m.start(1) - 1


# ... or a name of three words opened by one of the common family names ("Phó Chủ tịch Ủy ban nhân dân
# Thành phố Phạm Minh Tuấn"); a place named after a person is no holder ("Thành phố Hồ Chí Minh")
_HOLDER_SURNAMED = compile_regex(
    r"\s(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Tt]hành\s+phố|[Tt]ỉnh|[Xx]ã|[Pp]hường|[Tt]hị\s+trấn)\s+"
    r"((?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương|Lương|Mai|Đào"
    r"|Cao|Lâm|Hà|Tô|Đoàn|Trịnh|Quách|Châu|Tạ|Thái)\s\p{Lu}\p{Ll}*\s\p{Lu}\p{Ll}*)$")
_NAMED_AFTER_PEOPLE = frozenset({"Hồ Chí Minh"})


# "một số cấp ủy, người đứng đầu chưa …", "một số thành viên Ban Chỉ đạo chưa …": some of a group,
# named in a report of shortcomings, is nobody a task can be given to (no held-out gold has one)
_SOME = "một số "
# an e-mail or web address ("vpubnd@phutho.gov.vn", "https://ubnd.phutho.gov.vn"): its words are no bodies
_ADDRESS_KEYS = ("@", "://", "www.")
_ADDRESS_EDGE = frozenset(" \t\n<>()[]\"';,")


def _after_some(low: str) -> list[tuple[int, int]]:
    """The one-character spans where a name right after "một số " would start."""
    out: list[tuple[int, int]] = []
    p = low.find(_SOME)
    while p >= 0:
        out.append((p + len(_SOME), p + len(_SOME) + 1))
        p = low.find(_SOME, p + 1)
    return out


def _drop_starting_in(winners: list[Cand], spans: list[tuple[int, int]]) -> list[Cand]:
    """winners (in order of start) without those that start inside one of spans, found by
    bisection: the spans are few and the winners many."""
    starts = [c[0] for c in winners]
    drop: set[int] = set()
    for s, e in spans:
        i = bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            drop.add(i)
            i += 1
    return [c for i, c in enumerate(winners) if i not in drop] if drop else winners


def _address_spans(flat: str, low: str) -> list[tuple[int, int]]:
    """The runs of text around an address's "@", "://" or "www." up to white space or a bracket,
    found with str.find (a regex search for them tries every word of the text)."""
    out: list[tuple[int, int]] = []
    for key in _ADDRESS_KEYS:
        p = low.find(key)
        while p >= 0:
            s, e = p, p + len(key)
            while s > 0 and flat[s - 1] not in _ADDRESS_EDGE:
                s -= 1
            while e < len(flat) and flat[e] not in _ADDRESS_EDGE:
                e += 1
            if key != "@" or (s < p and e > p + 1):
                out.append((s, e))
            p = low.find(key, e)
    return out


def find(ctx: MatchContext) -> list[Found]:
    g = default_gazetteer()
    text = ctx.text
    # every pattern is anchored and written linear (possessive repeats, bounded word loops),
    # so no time-out is needed: the scan is one pass plus a `match` per anchor hit
    flat = flat_text(text)
    flat_low = _flat_lower(ctx, flat)
    hits = _scan(g, flat, flat_low, text, _tab_rows(ctx))
    if g.branch is not None:
        hits.cands = _with_branches(g.branch, flat, hits.cands)
    zones = merge_spans(_not_listed(skip_zones(text, ctx.layout, hits.marker_starts), hits.heads) + hits.heads)
    # members are dropped by zones only; any order will do (_drop_contained sorts)
    kept = _outside(hits.cands, merge_spans(hits.blocks + zones)) + _outside(hits.members, zones)
    if "\t" in ctx.norm.original:
        # cut before the choice: a name run over a cell border ("… công phường<TAB>Văn phòng …")
        # must not beat the next cell's own name
        kept = _within_cells(ctx, kept)
    outer, inner = _drop_contained(kept)
    winners = _select(outer)
    if len(winners) < len(outer):   # else every contained name lies in a winner
        winners = _fill_gaps(winners, inner)
    dropped = _after_some(flat_low) + _address_spans(flat, flat_low)
    if dropped:
        winners = _drop_starting_in(winners, dropped)
    found = [_found(c, text, g) for c in winners]
    _before_known_holders(ctx, found)
    with_own_places(ctx, found, lambda name: canonical_name(name, g))
    tier = issuer_tier(ctx, g)
    if tier:
        city = tier == "province" and issuer_is_city(ctx)
        own = tier == "province" and not _addressed_below(ctx, g)
        short = _issuer_short_names(ctx)
        for k, (c, f) in enumerate(zip(winners, found)):
            _in_context(f, c[4], text[c[0]:c[1]], tier, g, city)
            if own and _own_office(f, c, text, g, found[k - 1] if k else None):
                f.fields["level"] = "province"
            if short and not f.fields["group"] and text[c[0]:c[1]].lower() in short:
                f.fields["level"] = tier   # the issuer named short: "Cục Thuế" in Cục Thuế tỉnh X's plan
    for k, c in enumerate(winners):   # after the issuer context: the antecedent's final fields
        if k and getattr(c[4], "antecedent_level", False):
            _like_antecedent(found[k], found[k - 1], text)
    return add_defined_aliases(text, found, lambda name: canonical_name(name, g))


def _within_cells(ctx: MatchContext, winners: list[Cand]) -> list[Cand]:
    """Names cut at a tab inside a table: copied from Word or Excel, its cells are separated by
    tabs (read as spaces for matching), so "…của Sở<TAB>Hằng quý" is the body "Sở", then a time
    cell, and "UBND huyện Đăk Hà<TAB>Ngày 14/6/2022" a unit, then its visit's date.  A tab in
    running text stays a space."""
    original = ctx.norm.original
    spans = [(t.start, t.end) for t in task_tables(ctx.layout)] if ctx.layout is not None else []
    spans += tab_table_spans(original)
    if not spans:
        return winners
    tabs = []
    for start, end in spans:
        k = original.find("\t", start, end)
        while k >= 0:
            tabs.append(to_normalized(ctx.norm, k))
            k = original.find("\t", k + 1, end)
    tabs = sorted(set(tabs))
    out = []
    for c in winners:
        start, end = c[0], c[1]
        i = bisect_right(tabs, start)
        if i < len(tabs) and tabs[i] < end:
            end = tabs[i]
            while end > start and ctx.text[end - 1] == " ":
                end -= 1
            if end - start < 2:
                continue
            c = (start, end) + c[2:5] + ((min(c[5], end) if c[5] is not None else None),)
        out.append(c)
    return out


def _addressed_below(ctx: MatchContext, g: Gazetteer) -> bool:
    """The document is addressed to district or commune bodies (Kính gửi: UBND các huyện …)."""
    meta = getattr(ctx.layout, "metadata", None)
    return any(auto_level(r, "", g) in ("district", "commune") for r in getattr(meta, "recipients", None) or ())


def _own_office(f: Found, c: Cand, text: str, g: Gazetteer, before: Optional[Found]) -> bool:
    """One office named alone, without a locality, in the document of a province-level body
    not addressed to districts or communes is the issuer's own: a Sở's "Phòng Kế hoạch - Tài
    chính", "Phòng NC" of the provincial office in its Nơi nhận.  A district's office is named
    with its district, as a group ("các Phòng Y tế"), or after its district's body in the same
    sentence ("UBND cấp huyện …, Phòng Nội vụ là cơ quan thường trực")."""
    if f.fields.get("level") != "district" or f.fields.get("group") \
            or getattr(c[4], "default", None) != "district":
        return False
    mention = text[c[0]:c[1]]
    if not _OFFICE.match(mention) or auto_level(mention, "", g) \
            or _PLURAL_BEFORE.search(text, max(0, c[0] - 8), c[0]):
        return False
    if before is not None and before.fields.get("level") in ("district", "commune"):
        gap = text[before.end:c[0]]
        if ". " not in gap and "\n\n" not in gap and ";" not in gap:
            return False
    return True


def _not_listed(zones: list[tuple[int, int]], heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """zones without those that open right after an enumeration head: in a Nơi nhận,
    "Các Bộ: TC, KH&ĐT, TP" is a run of capitalised words like a signer's name, but it is
    the list the head announces."""
    if not heads or not zones:
        return zones
    after = {e + k for _, e in heads for k in (0, 1)}
    return [z for z in zones if z[0] not in after]


def _like_antecedent(f: Found, before: Found, text: str) -> None:
    """"UBND cùng cấp" takes the level and group of the body named just before it, when no
    sentence or paragraph ends between them."""
    gap = text[before.end:f.start]
    if ". " in gap or "\n\n" in gap or ";" in gap:
        return
    level = before.fields["level"]
    if level == "party":   # "các huyện ủy … lãnh đạo chính quyền cùng cấp": the State's body of that level
        m = _COMMITTEE_WORD.search(text, before.start, before.end)
        level = _PARTY_COMMITTEE_LEVEL[m.group(1).lower()] if m else "other"
    f.fields["level"] = level
    f.fields["group"] = before.fields["group"]


# the level of a Party committee by its name: Tỉnh ủy, Huyện/Quận/Thị ủy (Thành ủy is either)
_COMMITTEE_WORD = re.compile(r"(?i)\b(tỉnh|huyện|quận|thị)\s+ủy\b")
_PARTY_COMMITTEE_LEVEL = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị": "district"}


def issuer_tier(ctx: MatchContext, g: Gazetteer) -> str:
    """The level of the body that issued the document (its header), '' when unknown: the
    issuer line, else its parent line ("VĂN PHÒNG" under "UBND TỈNH ...")."""
    meta = getattr(ctx.layout, "metadata", None)
    for name in (getattr(meta, "issuer", None), getattr(meta, "parent_issuer", None)):
        if name:
            level = auto_level(name, "", g) or _listed_level(name, g)
            if level:
                return level
    return ""


def _listed_level(name: str, g: Gazetteer) -> str:
    """The level the gazetteer gives the name itself when its words name none ("Bảo hiểm xã hội
    Việt Nam", "Ngân hàng Nhà nước Việt Nam": central)."""
    entry = g.entry_for(name)
    return entry.level if entry is not None and entry.level != "auto" else ""


def _issuer_short_names(ctx: MatchContext) -> frozenset[str]:
    """The issuer's name without its locality, lower case ("cục thuế" for "Cục Thuế tỉnh Nghệ
    An"): a mention of it is the issuer itself, at the issuer's level whatever its words say."""
    meta = getattr(ctx.layout, "metadata", None)
    name = (getattr(meta, "issuer", None) or "").lower()
    m = _ISSUER_LOCALITY.search(name)
    return frozenset((name[:m.start()].rstrip(),)) if m and m.start() >= 4 else frozenset()


_ISSUER_LOCALITY = compile_regex(r"\s(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\b")


def issuer_is_city(ctx: MatchContext) -> bool:
    """The issuer (or its parent) is a centrally-run city ("UBND THÀNH PHỐ HẢI PHÒNG")."""
    meta = getattr(ctx.layout, "metadata", None)
    return any(name and _CITY_WORD.search(name)
               for name in (getattr(meta, "issuer", None), getattr(meta, "parent_issuer", None)))


def _in_context(f: Found, spec, mention: str, tier: str, g: Gazetteer, city: bool = False) -> None:
    """Fields that depend on who writes.  The issuer's own offices ("các phòng, ban, đơn vị")
    are at its level; in a commune's document an office named without a locality ("Phòng Kinh
    tế", "các phòng chuyên môn") is the commune's own (NĐ 150/2025 gives communes their Phòng
    Kinh tế, Phòng Văn hóa - Xã hội); in a central body's document "UBND cấp tỉnh" means every
    province, a group; in a centrally-run city's document an unnamed "thành phố" is that city
    ("UBND thành phố", "các sở, ban, ngành thành phố": province)."""
    if city and f.fields.get("level") == "district" and _UNNAMED_CITY.search(mention):
        level = auto_level(_UNNAMED_CITY.sub("tỉnh", mention), "", g)
        if level == "province":
            f.fields["level"] = level
        return
    # every _OWN_OFFICES match holds a comma: most mentions are spared the engine call
    if f.fields.get("level") == "other" and "," in mention and _OWN_OFFICES.match(mention):
        f.fields["level"] = tier
    elif getattr(spec, "issuer_level", False) and not auto_level(mention, "", g):
        f.fields["level"] = tier
    elif tier == "commune":
        if getattr(spec, "level", None) == "auto" and getattr(spec, "default", None) == "district" \
                and not auto_level(mention, "", g):
            f.fields["level"] = "commune"
    elif tier == "central" and not f.fields.get("group") and _PROVINCE_TIER.search(mention):
        f.fields["group"] = True


_CITY_WORD = compile_regex(r"\bthành\s+phố\b", regex.IGNORECASE)
# "thành phố" or "TP" with no name after it ("UBND TP", "HĐND TP"; not "TP. Hồ Chí Minh"); the city
# writes its own "Thành phố" with a capital ("Ủy ban nhân dân Thành phố")
_UNNAMED_CITY = compile_regex(r"(?:\b(?i:thành\s+phố)|(?<!\w)TP)(?!\w)(?!\.?\s+\p{Lu})")
_PROVINCE_TIER = compile_regex(r"\bcấp\s+tỉnh\b", regex.IGNORECASE)
_OFFICE = compile_regex(r"(?:[Pp]hòng|P\.)(?!\w)")
_PLURAL_BEFORE = compile_regex(r"(?<!\w)(?:các|những)\s+$", regex.IGNORECASE)   # "các Phòng Y tế": every district's
_OWN_OFFICES = compile_regex(r"(?:(?:các|những)\s+)?phòng\s*,", regex.IGNORECASE)   # "các phòng, ban, đơn vị"
