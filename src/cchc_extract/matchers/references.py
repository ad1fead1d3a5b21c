"""References to other documents, from rules/references.yaml.

The rules find "type word + số + number/symbol (+ ngày …)"; this module fills
the fields the text around a match decides:
- type: from the type word as written (rules/_doctypes.yaml); a bare "số N/SYM"
  (coordination member, list after "các Kế hoạch của X:") takes the type word
  that governs it, else the type of the reference before it in the sentence;
- issuer: "của X" right after the number/date, cut at the title or a verb; a
  shared "của X" after a coordination ("A và B của X") goes to every member;
- title: "về …" after the number/date/issuer, to the end of the clause;
- suspect: the date is impossible as printed (kept as printed);
- warning W301 for a symbol whose type code is glued to the next code (QĐUBND).
A bare number that nothing names, and the document's own number, are dropped.
"""
from __future__ import annotations

import unicodedata

from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Callable, Optional

import regex

from .. import diagnostics
from ..doctypes import DocTypes, doc_types
from ..rules import FLAGS, RuleSet
from . import CONCURRENT, Found, MatchContext, scan, select
from .dates import day_value_from_text
from ..startup_cache import compile_re, compile_regex

# How far back a bare "số N/SYM" looks for the type word that governs it.
CONTEXT_WINDOW = 300
ISSUER_MAX_WORDS = 14
ISSUER_MAX_CHARS = 160
TITLE_MAX_CHARS = 400

_SPACES = compile_regex(r"\s+")
# A word without its punctuation.  Stdlib `re` (3x faster at findall) with regex's \s written
# out: re's \s also takes U+001C-U+001F (tests/test_scan_anchors.py compares every code point).
_WHITE_SPACE = "\\t\\n\\x0b\\x0c\\r\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_TOKEN = compile_re(r"[^" + _WHITE_SPACE + r",;:.()\[\]\"'!?]+")
_MARK = r"(?:\[\d{1,3}\]|\(\d{1,3}\))?"  # a footnote mark left in the text: [1], (1)
_ISSUER_LEAD = compile_regex(_MARK + r"\s*,?\s*của\s+", regex.I | FLAGS)
# A line break that ends a paragraph: a blank line, or a next line that starts a list
# item or bullet.  Any other line break is a hard wrap inside the sentence.
# (a line of capitals is a header line: "… của UBND huyện X" / "CỘNG HÒA XÃ HỘI …" in a V/v cell)
_BREAK = r"\n(?=[ \t]*(?:\n|[-+•*]|\d+(?:\.\d+)*[.)/]\s|\p{L}[.)/]\s|[IVX]+\.\s|\[\d|\p{Lu}{2,}[ \t]+\p{Lu}{2,}|$))"
# An issuer ends at punctuation, a footnote mark or the end of a paragraph.
_ISSUER_END = compile_regex(r"[,;:.()\[\]\"'!?]|\s-\s|" + _BREAK, FLAGS)
# A character that every _ISSUER_END match starts with (a mark, a line break) or has second (the
# dash of \s-\s): found by stdlib `re` far faster than the engine tries the pattern at each place
_ISSUER_END_AT = compile_re(r"[,;:.()\[\]\"'!?\n-]")
_TITLE_LEAD = compile_regex(_MARK + r"\s*,?\s*(?:về\s+việc|về|v/v)\s+", regex.I | FLAGS)
_TITLE_END = compile_regex(r";|:\s|\.(?=\s|$)|\[\d|" + _BREAK, FLAGS)
_SENTENCE_END = compile_regex(r"[.!?](?=\s+\p{Lu})|" + _BREAK, FLAGS)
_LIST_HEAD_BEFORE = compile_regex(r"(?:các|những)\s+\Z", regex.I | FLAGS)
_LIST_HEAD_AFTER = compile_regex(r"\s*(?:của|:|sau)", regex.I | FLAGS)
_FEW_WORDS = compile_regex(r"\s+(?:\p{L}+\s+){0,3}", FLAGS)
_COORDINATION_GAP = compile_regex(r"\A" + _MARK + r"\s*(?:,|,?\s*và)\s*\Z", regex.I | FLAGS)


def _issued_apart(a: Found, b: Found, types: DocTypes) -> bool:
    """Symbols naming different issuers ("Nghị quyết số 190/2025/QH15 và Nghị quyết số
    206/NQ-CP … của Chính phủ"): the shared "của X" belongs to the last member only."""
    ca = types.issuer_code(a.fields.get("symbol") or "")
    cb = types.issuer_code(b.fields.get("symbol") or "")
    return ca is not None and cb is not None and ca != cb


def _type_word_regex(rules: RuleSet) -> regex.Pattern:
    """A type word ($loai_van_ban of the rule set)."""
    return _compile_type_word(rules.fragments.get("loai_van_ban", "(?!)"))


@lru_cache(maxsize=8)
def _compile_type_word(fragment: str) -> regex.Pattern:
    # (?<![\p{L}\d]) written as an alternation: the same characters, much faster under
    # IGNORECASE (see rules/references.yaml)
    return compile_regex("(?<!\\p{L}|\\d|\\u0345)(?:" + fragment + ")", FLAGS | regex.I)


def _clean(s: Optional[str]) -> Optional[str]:
    if not s or s.split() == [s]:   # no str.isspace() character, so no regex \s either
        return s
    return _SPACES.sub("", s)


def _initial_type(rule, type_word: Optional[str], type_code: Optional[str], types: DocTypes) -> Optional[str]:
    fixed = rule.fields.get("type")
    if fixed and fixed != "context":
        return fixed
    if type_word:
        return types.type_of_word(type_word)
    if type_code:
        return types.type_of_code(type_code)
    return None  # context: decided after selection


def _candidates(ctx: MatchContext) -> tuple[list[Found], dict[int, tuple]]:
    """Every rule match as a Found with empty fields, and its (rule, match) by id(Found).

    Fields are filled for the winners only (`_fill_fields`): most losers are the bare
    "số N/SYM" inside a longer citation, and nothing reads a loser's fields."""
    out = []
    matches: dict[int, tuple] = {}
    rules = ctx.rules["references"]
    yielding = _yielding(rules)
    skip: dict[str, set[int]] = {}   # rule id -> starts where its match would lose (see _yielding)
    rule_seen = None
    for rule, m in scan(rules, ctx.text, ctx.timeout, ctx.lowered(), ctx.places(), skip):
        if rule is not rule_seen:   # scan yields the matches of one rule in a row: read it once
            rule_seen, rule_id, priority = rule, rule.id, rule.priority
            behind = "(?<=" in rule.spec.pattern
            yielders = yielding.get(rule_id)
            last_end = -1
        start = _entity_start(rule, m) if behind else m.start()
        f = Found(start, m.end(), rule_id, {}, priority)
        out.append(f)
        matches[id(f)] = (rule, m)
        if yielders:
            if start >= last_end:   # overlapping no match of its own rule before: it wins its place
                for y in yielders:
                    skip.setdefault(y, set()).add(m.start())
            last_end = m.end()
    return out, matches


def _yielding(rules) -> dict[str, tuple[str, ...]]:
    """rule id -> ids of the rules that yield to it (fields.yields_to, rules/references.yaml):
    a yielding rule is not tried where this rule matched from the same start, unless a match
    of this rule before overlaps that match (then the place may go to the yielding rule)."""
    out: dict[str, tuple[str, ...]] = {}
    for r in rules:
        to = r.fields.get("yields_to")
        if to:
            out[to] = out.get(to, ()) + (r.id,)
    return out


def _entity_start(rule, m) -> int:
    """dates.entity_start without building the group dict, for a pattern with a look-behind:
    a group that did not participate starts at -1."""
    rx = rule.regex
    if rx.groups == len(rx.groupindex):
        # every group is named: m.regs holds the match's span and theirs, in one call
        return min([s for s, _ in m.regs if s >= 0])
    return min([m.start()] + [s for s in map(m.start, rx.groupindex) if s >= 0])


# The groups the fields are read from (rules/references.yaml), read from m.groups() by number:
# `regex` tries a group name as a number first (a failed conversion, an exception set and
# cleared), and rx.groupindex is a fresh dict per read.
_FIELD_GROUPS = ("type_word", "type_code", "number", "symbol", "date")
_ABSENT = (None,)   # appended to m.groups(): index -1 reads a group the pattern lacks as None
_READERS: dict = {}   # pattern -> itemgetter of the field groups (load-time facts of the rules)


def _field_reader(rx) -> Callable[[tuple], tuple]:
    """(type_word, type_code, number, symbol, date) of a match, from `m.groups() + _ABSENT`."""
    reader = _READERS.get(rx)
    if reader is None:
        index = rx.groupindex
        reader = _READERS[rx] = itemgetter(*(index[n] - 1 if n in index else -1 for n in _FIELD_GROUPS))
    return reader


def _fill_fields(f: Found, rule, m, types: DocTypes) -> None:
    type_word, type_code, number, symbol, date_text = _field_reader(rule.regex)(m.groups() + _ABSENT)
    date, suspect = day_value_from_text(date_text) if date_text else (None, False)
    f.fields.update({
        "type": _initial_type(rule, type_word, type_code, types),
        "number": _clean(number),
        "symbol": _clean(symbol),
        "date": date,
        "issuer": None,
        "title": None,
        "suspect": suspect,
    })


def _governing_type(ctx: MatchContext, f: Found, prev: Optional[Found], types: DocTypes) -> Optional[str]:
    """Type of a bare 'số N/SYM': the governing type word, else the previous reference's type."""
    text = ctx.text
    lo = max(prev.end if prev else 0, f.start - CONTEXT_WINDOW)
    gap = text[lo:f.start]
    cut = 0
    for m in _SENTENCE_END.finditer(gap):
        cut = m.end()
    same_sentence = cut == 0 and prev is not None and lo == prev.end
    gap_from = lo + cut
    word_rx = _type_word_regex(ctx.rules)
    best = None
    for m in word_rx.finditer(text, gap_from, f.start):
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 12]
        # a word that heads a list ("các Kế hoạch …", "Kế hoạch của X: …", "văn bản: …")
        # or is qualified by a few words before the number ("văn bản chỉ đạo số …")
        if (_LIST_HEAD_BEFORE.search(before) or _LIST_HEAD_AFTER.match(after)
                or _FEW_WORDS.fullmatch(text, m.end(), f.start)):
            best = m
    if best is not None:
        return types.type_of_word(best.group())
    if same_sentence and prev.fields.get("type"):
        return prev.fields["type"]
    return None


def _issuer_end(words: list[str], n_inside: int, types: DocTypes, more: Optional[Callable[[], list[str]]] = None) -> int:
    """Index of the first word (of the first n_inside) that no longer belongs to the issuer.

    A stop can look ahead past the issuer's segment: `more()` gives the few words after it, read
    only when a test at word i could reach them (the tests at i read words i to i + _LOOK_AHEAD)."""
    lows = list(map(str.lower, words))
    stop_heads = _first_words(types.issuer_stops)
    # every test below wants one of these words at i: the other words are skipped in C
    for i in compress(range(n_inside), map(_test_heads(types).__contains__, lows)):
        if more is not None and i + _LOOK_AHEAD >= n_inside:
            extra = more()
            words, more = words + extra, None
            lows += map(str.lower, extra)   # past n_inside: the loop's own range never reaches them
        low = lows[i]
        # stop phrases are one to three words; capitalised, the word is part of a name
        if (low in stop_heads and words[i][0].islower()
                and any(" ".join(lows[i:i + n]) in types.issuer_stops for n in (3, 2, 1))):
            return i
        nxt = words[i + 1] if i + 1 < len(words) else ""
        # "và" + lower-case word or a type word: the issuer has ended ("Bộ Kế hoạch và Đầu tư" stays whole)
        if low == "và" and nxt and (nxt[0].islower() or _type_word_at(lows, i + 1, types)):
            return i
        # the next citation starts ("các" or a first word of a type word: the cheap test first)
        if (low == "các" or low in types.first_words) and _type_word_at(lows, i, types, cited=True):
            return i
    return n_inside


# The furthest word the tests at word i read: "và" at i, "các" at i + 1, a type word of up to four
# words after it (i + 5); "các" or a type word at i, "số" after four words (i + 5)
_LOOK_AHEAD = 5


@lru_cache(maxsize=8)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    """First words of single-spaced phrases: a word that is none of them starts no phrase."""
    return frozenset(p.split(" ")[0] for p in phrases)


_HEADS: dict[int, tuple] = {}   # id(types) -> (types, its test heads)


def _test_heads(types: DocTypes) -> frozenset[str]:
    """The words at which a test of _issuer_end can stop the issuer (DocTypes holds dicts: no hash)."""
    hit = _HEADS.get(id(types))
    if hit is None or hit[0] is not types:
        hit = _HEADS[id(types)] = (types, _first_words(types.issuer_stops) | types.first_words | {"và", "các"})
    return hit[1]


def _type_word_at(lows: list[str], i: int, types: DocTypes, cited: bool = False) -> bool:
    """Whether a type word starts at token i (with `cited`: followed by "số" or a figure)."""
    if lows[i:i + 1] == ["các"]:
        i += 1
    if i >= len(lows) or lows[i] not in types.first_words:
        return False
    for n in (4, 3, 2, 1):
        if i + n <= len(lows) and " ".join(lows[i:i + n]) in types.words:
            if not cited:
                return True
            after = lows[i + n] if i + n < len(lows) else ""
            return after == "số" or after[:1].isdigit()
    return False


def _as_printed(ctx: MatchContext, start: int, end: int, normalized: str) -> str:
    """The issuer spelt as the document prints it ("Uỷ ban" stays "Uỷ", the normalizer's tone
    placement aside), in NFC and with single spaces; the normalized words when the original
    span holds anything else (a footnote mark, a replaced character)."""
    os_, oe = ctx.norm.to_original(start, end)
    printed = unicodedata.normalize("NFC", " ".join(ctx.norm.original[os_:oe].split()))
    return printed if len(printed) == len(normalized) else normalized


def _issuer_and_title(ctx: MatchContext, f: Found, next_start: int, types: DocTypes) -> tuple[int, Optional[str], Optional[str]]:
    """(end of the issuer, issuer, title) read right after the reference."""
    text = ctx.text
    limit = min(next_start, f.end + TITLE_MAX_CHARS)
    pos = f.end
    issuer = None
    m = _ISSUER_LEAD.match(text, pos, limit, CONCURRENT)
    if m:
        start = m.end()
        # The issuer lies before the first punctuation; its words end at a stop word.
        e = _issuer_end_match(text, start, min(limit, start + ISSUER_MAX_CHARS))
        seg_end = e.start() if e else min(limit, start + ISSUER_MAX_CHARS)
        inside = _words_between(text, start, seg_end)
        # a few words past the segment, so that a stop can see the word after it
        k = min(_issuer_end(inside, len(inside), types,
                            lambda: _TOKEN.findall(text, seg_end, min(len(text), seg_end + 40))[:5]),
                ISSUER_MAX_WORDS)
        if k:
            pos = _end_of_words(text, start, inside[:k])
            issuer = _as_printed(ctx, start, pos, " ".join(inside[:k]))
    title = None
    t = _TITLE_LEAD.match(text, pos, limit, CONCURRENT)
    if t:
        e = _TITLE_END.search(text, t.end(), limit, CONCURRENT)
        body = text[t.end():e.start() if e else limit].strip().rstrip(",")
        title = " ".join(body.split()) or None
    return pos, issuer, title


def _issuer_end_match(text: str, start: int, end: int):
    """_ISSUER_END.search(text, start, end): the pattern tried only where _ISSUER_END_AT finds
    that a match can start, in order (the first that matches is the leftmost match)."""
    find, match = _ISSUER_END_AT.search, _ISSUER_END.match
    c = find(text, start, end)
    while c is not None:
        q = c.start()
        p = q - 1 if text[q] == "-" else q   # \s-\s starts before its dash
        if p >= start:
            m = match(text, p, end, CONCURRENT)
            if m is not None:
                return m
        c = find(text, q + 1, end)
    return None


# White space to str.split() but not to `regex`'s \s (nor to _TOKEN)
_SPLIT_ONLY_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")


def _words_between(text: str, start: int, end: int) -> list[str]:
    """_TOKEN.findall(text, start, end) for a span that holds no punctuation of _TOKEN's (an
    issuer's segment ends at the first): its words are those str.split() finds, at a fraction
    of the cost, unless the span holds one of _SPLIT_ONLY_SPACE."""
    span = text[start:end]
    if any(c in span for c in _SPLIT_ONLY_SPACE):
        return _TOKEN.findall(text, start, end)
    return span.split()


def _end_of_words(text: str, start: int, words: list[str]) -> int:
    """End of the last of `words`, the tokens found in order from `start`: only separators
    stand between two tokens, so each word's first place from there is its own."""
    pos = start
    for w in words:
        pos = text.find(w, pos) + len(w)
    return pos


def _is_self(ctx: MatchContext, f: Found) -> bool:
    """The document's own number (a site title, a repeated header) is not a reference."""
    md = getattr(ctx.layout, "metadata", None)
    return bool(md and md.number and md.symbol and f.fields["number"] == md.number
                and f.fields["symbol"] == _clean(md.symbol)
                and f.fields["date"] in (None, md.date))  # same number, other date: another document


_YEAR_PREFIX = compile_regex(r"^(?:19|20)\d{2}/")   # compiled once: regex.sub() looks it up per call


def _warn_glued_symbol(ctx: MatchContext, f: Found, types: DocTypes) -> None:
    sym = f.fields.get("symbol") or ""
    if "-" in sym:
        return  # codes joined by "-" (KH-UBND): the test below would return too, after a regex call
    # the year prefix starts with "19" or "20": a cheap test before the regex call
    body = _YEAR_PREFIX.sub("", sym) if sym.startswith(("19", "20")) else sym
    if "-" in body or "/" in body:
        return
    code = types.code_prefix(body)
    rest = body[len(code):] if code else ""
    # QĐUBND: a type code glued to an issuer code.  QH12 (Quốc hội, term 12) and QĐi are well formed.
    if code and len(rest) > 1 and not rest.isdigit():
        ctx.warnings.append(diagnostics.warn(
            "W301", f"symbol {sym!r} has its type code {code!r} glued to the next code (kept as written)",
            span=ctx.norm.to_original(f.start, f.end)))


def _warn_mistyped(ctx: MatchContext, f: Found, mistyped: dict[str, str]) -> None:
    """A citation read despite a typo in its words (mistyped: rule id -> its fields.mistyped, how
    the word should read)."""
    should = mistyped.get(f.rule)
    if should:
        ctx.warnings.append(diagnostics.warn(
            "W301", f"mistyped citation {ctx.text[f.start:f.end]!r} read as if it had {should!r}",
            span=ctx.norm.to_original(f.start, f.end)))


def find(ctx: MatchContext) -> list[Found]:
    types = doc_types(str(ctx.rules.directory))
    cands, matches = _candidates(ctx)
    winners, _ = select(cands)
    for f in winners:
        _fill_fields(f, *matches[id(f)], types)
    needs_previous = {r.id for r in ctx.rules["references"] if r.fields.get("after_reference")}
    mistyped = {r.id: r.fields["mistyped"] for r in ctx.rules["references"] if r.fields.get("mistyped")}
    kept: list[Found] = []
    for f in winners:
        prev = kept[-1] if kept else None
        if f.rule in needs_previous and not (prev and _COORDINATION_GAP.match(ctx.text[prev.end:f.start])):
            continue  # "…, 13/QĐ-UBND" counts only right after another reference
        if f.fields["type"] is None:
            f.fields["type"] = (_governing_type(ctx, f, prev, types)
                                or types.type_of_symbol(f.fields["symbol"] or ""))
            if f.fields["type"] is None:
                continue  # a bare number with nothing that says what it numbers
        if not _is_self(ctx, f):
            kept.append(f)
    for i, f in enumerate(kept):
        nxt = kept[i + 1].start if i + 1 < len(kept) else len(ctx.text)
        _, f.fields["issuer"], f.fields["title"] = _issuer_and_title(ctx, f, nxt, types)
        _warn_glued_symbol(ctx, f, types)
        _warn_mistyped(ctx, f, mistyped)
    # A shared "của X" after a coordination goes back to every member before it:
    # "A và B của X" (any types), "A số 1, số 2 của X" (a comma joins members of one type).
    for i in range(len(kept) - 2, -1, -1):
        a, b = kept[i], kept[i + 1]
        if a.fields["issuer"] is not None or not b.fields["issuer"]:
            continue
        gap = _COORDINATION_GAP.match(ctx.text[a.end:b.start])
        if gap and ("và" in gap.group().lower() or a.fields["type"] == b.fields["type"]) \
                and not _issued_apart(a, b, types):
            a.fields["issuer"] = b.fields["issuer"]
    # Only the kept winners: a dropped winner's losers must not come back when the
    # pipeline selects again.
    return kept
