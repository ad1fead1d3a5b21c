"""Anchors of rule patterns: the places where a rule's matches can start.

Most patterns start with a word ("ngày\\s+…", "(?=số…)(?<=…)số…") or with a figure
that follows no figure ("(?<![\\p{L}\\d/.-])(?P<d>\\d{1,2})…").  Scanning a whole text
with `regex` costs about as much as a thousand calls of `.match`, while `str.find`
of a word is nearly free; so `scan` finds the words (and the runs of figures) once
per document and tries each rule only there.

`leading` reads a pattern conservatively: it skips the zero-width look-arounds
the pattern starts with, then reads the first item: a run of letters, a figure
(\\d or 0-9), or a group whose every alternative starts so (an optional group adds
what follows it).  A figure counts only when a leading look-behind fails after a
figure, so that the match starts a run of figures.  Anything it does not
understand (a top-level `|`, inline flags, verbose mode, POSIX classes) gives
None: the rule is then scanned over the whole text as before.

Under IGNORECASE a word is searched for in text.lower().  That finds every place
the engine can match it, unless the text holds a character whose case variants
do not lower to the word's letter (ſ for s) or one that case-folds to several
letters (ẙ -> y + ring): `Anchor.unsafe` lists those for the word, and a text that
holds one is scanned whole (tests/test_scan_anchors.py checks every code point).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..chartest import CharTest

try:  # the engine's own case tables: exactly what a case-insensitive literal accepts
    from regex import _regex as _engine
    from regex._regex_core import FULL_CASE_FOLDING as _FULL_FOLD
except ImportError:  # pragma: no cover - another `regex` layout: scan whole texts
    _engine = None

_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
CONTEXT_LOWER = frozenset("\u03a3")   # str.lower() of Σ depends on its neighbours (final ς)
_QUANTIFIERS = "?*+{"


@dataclass(frozen=True)
class Anchor:
    """Where a rule's every match starts: at one of `words` (lower-cased when
    `ignore_case`), or, with `figures`, at the first figure of a run of figures."""
    words: tuple[str, ...]
    ignore_case: bool
    unsafe: frozenset[str]   # characters that make the lower-cased word search miss a match
    figures: bool = False
    # what the character before the start must (True) or must not (False) match, from the
    # leading look-behinds: a cheap test that spares most engine calls at runs of figures
    before: tuple[tuple[bool, "CharTest"], ...] = ()
    # the text before the start ends with one of these (a case-sensitive literal look-behind)
    ends: tuple[tuple[str, ...], ...] = ()
    # a look-behind (?<=C\s+) wants a character of C before the white space that ends at the
    # start: the character two before the start passes C or is white space (the second test)
    behind_blank: tuple[tuple["CharTest", "CharTest"], ...] = ()


def anchor_of(rx) -> Optional[Anchor]:
    """The anchor of a compiled rule pattern, or None: scan the whole text."""
    return _anchor(rx.pattern, rx.flags)


_INTERNED: dict[Anchor, Anchor] = {}


@lru_cache(maxsize=None)   # keyed by pattern text and flags: load-time work, done once
def _anchor(pattern: str, flags: int) -> Optional[Anchor]:
    """The anchor of the pattern, one object for equal anchors (so that `_Places` may key
    its memo by identity and rules with equal anchors share their starts)."""
    anchor = _read_anchor(pattern, flags)
    return anchor if anchor is None else _INTERNED.setdefault(anchor, anchor)


def _read_anchor(pattern: str, flags: int) -> Optional[Anchor]:
    try:
        lead = leading(pattern)
        before = tuple(dict.fromkeys((must, _char_test(item, flags)) for must, item in _before_items(pattern)))
        ends = () if flags & regex.IGNORECASE else _literal_ends(pattern)
        blank = tuple((_char_test(item, flags), _char_test("\\s", flags)) for item in _class_before_blank(pattern))
    except ValueError:   # unbalanced: let the engine report it
        return None
    if lead is None:
        return None
    words, figures = lead
    if not flags & regex.IGNORECASE or not words:
        return Anchor(tuple(sorted(words)), False, frozenset(), figures, before, ends, blank)
    if _engine is None:
        return None
    unsafe: set[str] = set()
    for w in words:
        chars = _unsafe_chars(w, flags)
        if chars is None:
            return None
        unsafe |= chars
    return Anchor(tuple(sorted({w.lower() for w in words})), True, frozenset(unsafe), figures, before, (),
                  blank)


def _unsafe_chars(word: str, flags: int) -> Optional[set[str]]:
    """Characters that the engine may match (part of) `word` with but whose lower() is not
    the word's letter; None when the word itself changes when case-folded."""
    low = word.lower()
    if len(low) != len(word) or _engine.fold_case(_FULL_FOLD, word) != low:
        return None
    unsafe = set()
    for c in word:   # case variants that lower to something else (ſ for s; K for k is fine)
        unsafe |= {chr(x) for x in _engine.get_all_cases(flags, ord(c))
                   if chr(x).lower() != c.lower() or chr(x) in CONTEXT_LOWER}
    for x in _engine.get_expand_on_folding():   # ß -> ss, ẙ -> y + ring: inside the word or across its end
        folded = _engine.fold_case(_FULL_FOLD, x)
        if folded in low or any(folded.startswith(low[j:]) for j in range(1, len(low))):
            unsafe.add(x)
    return unsafe


@lru_cache(maxsize=None)
def _char_test(item: str, flags: int) -> CharTest:
    return CharTest(regex.compile(item, flags))


def _before_items(pattern: str) -> tuple[tuple[bool, str], ...]:
    """(must match, item) for the character before a match, from the leading look-behinds:
    (?<!A|B) with one-character alternatives: the character matches none of them;
    (?<=…) whose alternatives all end with \\s, \\x20 or a punctuation mark: it matches one."""
    out = []
    for look in _skip_lookarounds(pattern, 0)[1]:
        if not look.startswith(("(?<!", "(?<=")):
            continue
        alts = _split_alternatives(look[4:-1])
        if look.startswith("(?<!") and all(map(_is_one_char, alts)):
            out.append((False, "|".join(alts)))
        elif look.startswith("(?<="):
            lasts = [_blank_end(a) for a in alts]
            if all(lasts):
                out.append((True, "|".join(lasts)))
    return tuple(out)


def _class_before_blank(pattern: str) -> tuple[str, ...]:
    """The one-character items C of the leading look-behinds (?<=C\\s+) (C may sit in a
    (?:…) group, as a fragment does): the character before the white space ends in C."""
    out = []
    for look in _skip_lookarounds(pattern, 0)[1]:
        if not look.startswith("(?<="):
            continue
        alts = _split_alternatives(look[4:-1])
        if len(alts) != 1 or not alts[0].endswith("\\s+"):
            continue
        item = alts[0][:-3]
        if (len(item) - len(item.rstrip("\\"))) % 2:
            continue   # an escaped backslash, then "s+"
        while item.startswith("(?:") and item.endswith(")") and group_end(item, 0) == len(item):
            item = item[3:-1]
        if item and _is_one_char(item):
            out.append(item)
    return tuple(out)


_MAX_ENDS = 200
_FLAG_ON = regex.compile(r"\(\?[a-zA-Z]*[a-zA-Z](?:\)|:)")   # (?i), (?x:…): inline flags switched on


def _literal_ends(pattern: str) -> tuple[tuple[str, ...], ...]:
    """For each leading (?<=…) of a case-sensitive pattern whose alternatives all end with
    literal text: those endings (the text before a match ends with one of them)."""
    out = []
    for look in _skip_lookarounds(pattern, 0)[1]:
        if not look.startswith("(?<=") or _FLAG_ON.search(look):
            continue
        ends: set[str] = set()
        for alt in _split_alternatives(look[4:-1]):
            got = _ends_of(alt)
            if not got:
                ends = set()
                break
            ends |= got
        if ends:
            out.append(tuple(sorted(ends)))
    return tuple(out)


def _ends_of(alt: str) -> Optional[set[str]]:
    """The literal texts one of which every match of `alt` ends with; None when it ends
    with anything else (a class, an escape other than a character code, a quantifier)."""
    ends = {""}
    for kind, item in reversed(_items(alt)):
        if kind == "zero":
            continue   # a look-around consumes nothing
        if kind == "char":
            ends = {item + e for e in ends}
            continue
        if kind == "group":
            fulls = [_full_literal(a) for a in _split_alternatives(item)]
            if all(f is not None for f in fulls) and len(fulls) * len(ends) <= _MAX_ENDS:
                ends = {f + e for f in fulls for e in ends}
                continue
            inner = [_ends_of(a) for a in _split_alternatives(item)]
            if all(inner) and sum(map(len, inner)) * len(ends) <= _MAX_ENDS:
                ends = {i + e for sub in inner for i in sub for e in ends}
        break
    return {e for e in ends if e} if all(ends) else None


def _full_literal(alt: str) -> Optional[str]:
    """The text `alt` always matches when it is literal throughout (look-arounds aside)."""
    out = ""
    for kind, item in _items(alt):
        if kind == "char":
            out += item
        elif kind == "group":
            inner = [_full_literal(a) for a in _split_alternatives(item)]
            if len(inner) != 1 or inner[0] is None:
                return None
            out += inner[0]
        elif kind != "zero":
            return None
    return out


_CODE = regex.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")


def _items(alt: str) -> list[tuple[str, str]]:
    """The alternative as (kind, text) items: ("char", c) a literal character, ("zero", …) a
    look-around, ("group", body) a plain or (?-i:…) group, ("other", …) anything else
    (a quantified item counts as other)."""
    items: list[tuple[str, str]] = []
    i = 0
    while i < len(alt):
        c = alt[i]
        if c == "(":
            end = group_end(alt, i)
            head = _plain_group_head(alt, i) or (5 if alt.startswith("(?-i:", i) else None)
            if alt.startswith(_LOOKAROUNDS, i):
                items.append(("zero", alt[i:end]))
            elif head:
                items.append(("group", alt[i + head:end - 1]))
            else:
                items.append(("other", alt[i:end]))
            i = end
        elif c == "\\":
            code = _CODE.match(alt, i)
            if code:
                items.append(("char", chr(int(code.group(1) or code.group(2), 16))))
                i = code.end()
            else:
                nxt = alt[i + 1:i + 2]
                items.append(("char", nxt) if nxt and not nxt.isalnum() else ("other", alt[i:i + 2]))
                i += 2
        elif c == "[":
            end = _class_end(alt, i)
            items.append(("other", alt[i:end]))
            i = end
        elif c in ".^$|":
            items.append(("other", c))
            i += 1
        elif c in "?*+{":
            if items:
                items[-1] = ("other", items[-1][1])   # a quantified item is no literal
            i = alt.find("}", i) + 1 if c == "{" else i + 1
            if i == 0:
                raise ValueError("unterminated quantifier")
        else:
            items.append(("char", c))
            i += 1
    return items


def _is_one_char(item: str) -> bool:
    """An escape (\\d, \\p{L}, \\u0345), a plain class or a punctuation mark."""
    if len(item) == 1:
        return not item.isalnum() and item not in "\\()[]{}|*+?.^$"
    if item.startswith("[") and item.endswith("]"):
        try:
            return _class_end(item, 0) == len(item)
        except ValueError:
            return False
    if item in ("\\d", "\\s", "\\w"):
        return True
    return regex.fullmatch(r"\\(?:p\{\w+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})", item) is not None


def unsafe_in(anchor: Anchor, text: str) -> bool:
    """Whether the text holds a character that defeats the lower-cased word search."""
    return any(ch in text for ch in anchor.unsafe)


# --- reading a pattern ---------------------------------------------------------------

def leading(pattern: str) -> Optional[tuple[set[str], bool]]:
    """(words, figures): every match of `pattern` starts with one of the literal words or,
    when `figures`, with a figure that follows no figure; None when unsure."""
    if "(?x" in pattern or "[:" in pattern or "\\Q" in pattern:
        return None   # verbose mode, POSIX classes, quoting: not read here
    if _has_top_level_bar(pattern):
        return None
    i, looks = _skip_lookarounds(pattern, 0)
    lead = _lead_at(pattern, i)
    if lead is None or (lead[1] and not any(map(_no_figure_before, looks))):
        return None   # a figure that may follow a figure: any figure could start a match
    return lead


def _skip_lookarounds(p: str, i: int) -> tuple[int, list[str]]:
    """Index after the zero-width look-arounds at p[i], and their texts."""
    looks = []
    while p.startswith(_LOOKAROUNDS, i):
        end = group_end(p, i)
        looks.append(p[i:end])
        i = end
    return i, looks


def _lead_at(p: str, i: int) -> Optional[tuple[set[str], bool]]:
    """How the text matched from p[i] on starts: (words, figures), None when unsure."""
    i, _ = _skip_lookarounds(p, i)
    if i >= len(p):
        return None
    if p[i].isalpha():
        j = i
        while j < len(p) and p[j].isalpha():
            j += 1
        if j < len(p) and p[j] in _QUANTIFIERS:
            j -= 1   # the last letter is optional or repeated
        return ({p[i:j]}, False) if j > i else None
    if p.startswith("\\d", i) or p[i] in "0123456789":
        after = i + (2 if p[i] == "\\" else 1)
        return (set(), True) if _at_least_once(p, after) else None
    if p[i] == "(":
        return _group_lead(p, i)
    return None


def _group_lead(p: str, i: int) -> Optional[tuple[set[str], bool]]:
    head = _plain_group_head(p, i)
    if head is None:
        return None
    end = group_end(p, i)
    words: set[str] = set()
    figures = False
    for alt in _split_alternatives(p[i + head:end - 1]):
        got = _lead_at(alt, 0)
        if got is None:
            return None
        words |= got[0]
        figures = figures or got[1]
    if _at_least_once(p, end):
        return words, figures
    if p.startswith("?", end):   # an optional group: the match may also start after it
        after = end + 1 + p.startswith(("?", "+"), end + 1)
        rest = _lead_at(p, after)
        return None if rest is None else (words | rest[0], figures or rest[1])
    return None


def _at_least_once(p: str, j: int) -> bool:
    """Whether the item that ends before p[j] is required (no ?, * or {0,…} after it)."""
    if j >= len(p) or p[j] not in "?*{":
        return True
    if p[j] == "{":
        digits = ""
        for c in p[j + 1:]:
            if not c.isdigit():
                break
            digits += c
        return bool(digits) and int(digits) >= 1
    return False


def _no_figure_before(look: str) -> bool:
    """Whether a leading look-behind fails where a figure precedes: (?<!…) with an
    alternative \\d or a class that lists \\d, or (?<=…) whose alternatives all end with
    \\s or \\x20 (white space is never a figure)."""
    if look.startswith("(?<!"):
        return any(alt == "\\d" or _class_lists_digit(alt) for alt in _split_alternatives(look[4:-1]))
    if look.startswith("(?<="):
        return all(_blank_end(alt) in ("\\s", "\\x20") for alt in _split_alternatives(look[4:-1]))
    return False


def _blank_end(alt: str) -> Optional[str]:
    """The last item of the alternative when it is \\s or \\x20 (optionally repeated:
    + or ++) or a punctuation mark; else None."""
    core = alt.rstrip("+")
    if len(alt) - len(core) > 2:
        return None
    for esc in ("\\s", "\\x20"):
        if core.endswith(esc):
            before = core[:-len(esc)]
            escaped = (len(before) - len(before.rstrip("\\"))) % 2   # an escaped backslash, then s
            return None if escaped else esc
    if core[-1:] in (",", ";", ":") and not core.endswith("\\" + core[-1:]):
        return "\\" + core[-1]
    return None


def _class_lists_digit(alt: str) -> bool:
    """A plain class [...] (no negation, nesting or set operation) that lists \\d."""
    if not (alt.startswith("[") and alt.endswith("]")) or alt.startswith("[^"):
        return False
    inner = alt[1:-1]
    if any(op in inner for op in ("[", "]", "--", "&&", "||", "~~")):
        return False
    i = 0
    while i < len(inner):
        if inner[i] == "\\":
            if inner[i + 1:i + 2] == "d":
                return True
            i += 2
        else:
            i += 1
    return False


def _plain_group_head(p: str, i: int) -> Optional[int]:
    """Length of the opening of a capturing or non-capturing group at p[i], else None."""
    if p.startswith("(?:", i):
        return 3
    if p.startswith("(?P<", i):
        close = p.find(">", i)
        return close + 1 - i if close > 0 else None
    if not p.startswith("(?", i):
        return 1
    return None


def _tokens(p: str):
    """(index, char, depth) of the pattern's characters outside escapes and classes."""
    depth = 0
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced )")
        yield i, c, depth
        i += 1


def _class_end(p: str, i: int) -> int:
    """Index after the character class opening at p[i] (sets may nest in version 1)."""
    depth = 0
    j = i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
            j += 1
            if j < len(p) and p[j] == "^":
                j += 1
            if j < len(p) and p[j] == "]":
                j += 1   # a leading ] is a literal
            continue
        if c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError("unterminated class")


def group_end(p: str, i: int) -> int:
    """Index after the group opening at p[i]."""
    for j, c, depth in _tokens(p[i:]):
        if c == ")" and depth == 0:
            return i + j + 1
    raise ValueError("unterminated group")


def _has_top_level_bar(p: str) -> bool:
    return any(c == "|" and depth == 0 for _, c, depth in _tokens(p))


def _split_alternatives(body: str) -> list[str]:
    cuts = [j for j, c, depth in _tokens(body) if c == "|" and depth == 0]
    bounds = [-1] + cuts + [len(body)]
    return [body[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def occurrences(hay: str, word: str) -> list[int]:
    """Every place of `word` in `hay`, overlapping ones too (str.find skips to a literal several
    times faster than a search by a pattern)."""
    out = []
    pos = hay.find(word)
    while pos >= 0:
        out.append(pos)
        pos = hay.find(word, pos + 1)
    return out
