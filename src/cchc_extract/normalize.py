"""Normalize text for matching while keeping an exact map back to the original.

Matching runs on `NormalizedText.text`; every span found there is mapped back
with `to_original` so that `original[start:end]` is what the analyst sees.

The map is a list of edits (normalized start/end, original start/end); text
between edits is copied unchanged, so a clean document costs nothing.  Steps:

1. ``nfc``: compose decomposed clusters (NFD input) to NFC.
2. ``clean``: one pass of named replacements -- unified spaces, dashes and
   quotes; CR/CRLF to LF; zero-width characters and soft hyphens removed;
   markdown ``**`` removed; table pipes to spaces; HTML ``<br>`` to a line break (a space in a
   task table's row), other HTML tags (``<p>``, ``<strong>``) removed and ``&nbsp;`` a space;
   old-style tone placement
   (``hoà``, ``uỷ``) folded to the form used in rules (``hòa``, ``ủy``);
   superscript footnote marks (``¹²³``) removed and recorded as marks.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

import regex

from .diacritics import restore_edits
from .startup_cache import compile_re, compile_regex
from .trie import unicode_classes
from .unmarked import unmarked_lines

# --- the edit map -----------------------------------------------------------


class OffsetMap:
    """Maps offsets of an edited string back to the string it was made from."""

    __slots__ = ("_ns", "_ne", "_os", "_oe", "_next", "_shift", "_wide")

    def __init__(self, edits: list[tuple[int, int, int, int]] | None = None):
        if not edits:           # the usual map of a step that changed nothing: no comprehensions
            self._ns, self._ne, self._os, self._oe = [], [], [], []
            self._next, self._shift, self._wide = [sys.maxsize], [0], frozenset()
            return
        self._ns = [e[0] for e in edits]
        self._ne = [e[1] for e in edits]
        self._os = [e[2] for e in edits]
        self._oe = [e[3] for e in edits]
        # For i = bisect_right(_ns, p): past the first i edits an offset moves by _shift[i], and
        # _next[i] is where the next edit starts.  A span that no edit starts in moves by one
        # shift, unless it starts inside edit i (numbered from 1) and that edit is in _wide: all
        # but deletions and one-for-one replacements, which the shift maps right.
        self._next = self._ns + [sys.maxsize]
        self._shift = [0] + [oe - ne for _, ne, _, oe in edits]
        self._wide = frozenset(i for i, (ns, ne, os_, oe) in enumerate(edits, 1)
                               if ne > ns and not ne - ns == oe - os_ == 1)

    def __bool__(self) -> bool:
        return bool(self._ns)

    def start(self, p: int) -> int:
        """Original offset of a span that starts at normalized offset p."""
        i = bisect_right(self._ns, p) - 1
        if i < 0:
            return p
        if p < self._ne[i]:
            return self._os[i]
        return self._oe[i] + (p - self._ne[i])

    def end(self, p: int) -> int:
        """Original offset of a span that ends at normalized offset p."""
        # last edit that starts strictly before p
        i = bisect_right(self._ns, p - 1) - 1
        if i < 0:
            return p
        if p <= self._ne[i]:
            return self._oe[i]
        return self._oe[i] + (p - self._ne[i])

    def starts(self, ps: list[int]) -> list[int]:
        """`start` of each p (one call for a whole list: the per-call overhead dominates)."""
        ns, ne, os_, oe = self._ns, self._ne, self._os, self._oe
        out = []
        for p in ps:
            i = bisect_right(ns, p) - 1
            out.append(p if i < 0 else os_[i] if p < ne[i] else oe[i] + (p - ne[i]))
        return out

    def span(self, p: int, q: int) -> tuple[int, int]:
        """NormalizedText.to_original of (p, q) under this map alone: `start` of p, `end` of q,
        never before the start (an empty span stays empty).  Inlined: one call, not two."""
        i = bisect_right(self._ns, p)
        if q > p and self._next[i] >= q and i not in self._wide:    # most spans: one shift
            d = self._shift[i]
            return p + d, q + d
        return self._span(p, q, i - 1)

    def _span(self, p: int, q: int, i: int) -> tuple[int, int]:
        """`span` of (p, q), i the last edit that starts at or before p (-1: none)."""
        s = p if i < 0 else self._os[i] if p < self._ne[i] else self._oe[i] + (p - self._ne[i])
        if q <= p:
            return s, s
        i = bisect_right(self._ns, q - 1) - 1
        e = q if i < 0 else self._oe[i] if q <= self._ne[i] else self._oe[i] + (q - self._ne[i])
        return s, (e if e > s else s)

    def spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`span` of each (start, end), its common case inlined."""
        ns, nxt, shift, wide, slow = self._ns, self._next, self._shift, self._wide, self._span
        out = []
        append = out.append
        for p, q in spans:
            i = bisect_right(ns, p)
            if q > p and nxt[i] >= q and i not in wide:
                d = shift[i]
                append((p + d, q + d))
            else:
                append(slow(p, q, i - 1))
        return out

    def ends(self, ps: list[int]) -> list[int]:
        """`end` of each p."""
        ns, ne, oe = self._ns, self._ne, self._oe
        out = []
        for p in ps:
            i = bisect_right(ns, p - 1) - 1
            out.append(p if i < 0 else oe[i] if p <= ne[i] else oe[i] + (p - ne[i]))
        return out


def _apply(text: str, pattern: regex.Pattern, replace) -> tuple[str, OffsetMap]:
    """Run `replace(match) -> str|None` over all matches; None keeps the match."""
    edits = []
    for m in pattern.finditer(text):
        rep = replace(m)
        if rep is not None and rep != m.group():
            edits.append((m.start(), m.end(), rep))
    return _edited(text, edits)


def _edited(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """text with each (start, end, replacement) applied (sorted, disjoint), and its map."""
    if not edits:
        return text, OffsetMap()
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = 0
    npos = 0
    for s, e, rep in edits:
        out.append(text[pos:s])
        npos += s - pos
        out.append(rep)
        spans.append((npos, npos + len(rep), s, e))
        npos += len(rep)
        pos = e
    out.append(text[pos:])
    return "".join(out), OffsetMap(spans)


# --- step 1: NFC ------------------------------------------------------------

_CLUSTER = compile_regex(r"\P{M}?\p{M}+")


def _nfc(text: str, is_nfc: bool) -> tuple[str, OffsetMap]:
    """text composed to NFC (is_nfc: the caller's is_normalized test of text, not repeated)."""
    if is_nfc:
        return text, OffsetMap()
    new, omap = _apply(text, _CLUSTER, lambda m: unicodedata.normalize("NFC", m.group()))
    if not unicodedata.is_normalized("NFC", new):  # singletons such as U+212B
        # fall back to per-character edits on top of the cluster edits
        chars = compile_regex(r".", regex.S)
        new2, omap2 = _apply(new, chars, lambda m: unicodedata.normalize("NFC", m.group()))
        return new2, _Chain([omap2, omap])
    return new, omap


# --- step 2: cleaning -------------------------------------------------------

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}

_TONES = {  # (vowel with tone) -> (base vowel, combining tone)
}
for _base in "aeyAEY":
    for _tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        _TONES[unicodedata.normalize("NFC", _base + _tone)] = (_base, _tone)


def _tone_fold(first: str, second: str) -> str:
    """'oà' -> 'òa', 'uỷ' -> 'ủy': move the tone to the first vowel (old style)."""
    base, tone = _TONES[second]
    return unicodedata.normalize("NFC", first + tone) + base


_TONED = "".join(_TONES)

_SINGLE = {}            # character -> replacement, for the one-character kinds
for _chars, _rep in (("\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200b))), " "),
                     ("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),                # zero-width
                     ("".join(map(chr, range(0x2010, 0x2016))) + "\u2212", "-"),       # dashes
                     ("\u2018\u2019\u201a\u2032", "'"),
                     ("\u201c\u201d\u201e\u2033\u00ab\u00bb", '"'),
                     ("\u00d0", "Đ"),                                                 # eth -> Đ
                     ("|", " ")):                                                     # table pipes
    _SINGLE.update(dict.fromkeys(_chars, _rep))
# Step 2 is one scan, whose kinds can never overlap: every kind but `tone` is one
# non-letter character (or starts with one), a tone match two letters (o/u + a toned
# a/e/y) that no other kind starts with.  The pattern opens with one character class, so
# stdlib re skips to candidates in C (an alternation of the kinds could not be prefiltered,
# and two class scans cost twice): a one-character kind, or o/u with the tone pair's
# second letter.  Where a non-tone match can start: "\r" (CR, CRLF), "*" ("**"), a
# superscript run, the rest.  Old/new tone placement: only open syllables oa/oe/uy, never
# after q; the scan drops pairs an ASCII letter follows (a closed syllable, the commonest
# case), the conditions around the pair are tested on the few left.
_SPECIAL_CHARS = "\r*<&" + SUPERSCRIPT_DIGITS + "".join(_SINGLE)
# an HTML line break a web page or a converter left in the text (in a table cell, most often):
# a line break, so that a header cell's lines read as the printed header's lines
_HTML_BREAK = compile_regex(r"<br\s*/?>", regex.I)
# the other tags a scraped page leaves (paragraphs, emphasis, spans): removed, as markdown's "**" is
_HTML_TAG = compile_regex(r"</?(?:p|strong|em|b|i|u|span|div|font|sup|sub)(?:\s[^<>\n]{0,200})?>", regex.I)
# its character entities: "&nbsp;" is a space
_HTML_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">"}


def _stacks_lines(text: str, s: int) -> bool:
    """The "<br>" at s stacks a header's or a signature's lines: outside a table, or in a row of
    at most two cells.  In a wider row (a task table) it only wraps a cell's text: a space, so
    that the row stays one line."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    line = text[ls:le if le >= 0 else len(text)]
    return not line.lstrip().startswith("|") or line.count("|") <= 3
_TONE_FIRST = "oOuU"
# what text.clean folds or drops: whitespace but " " and "\n" (every character str.isspace
# accepts: general category Zs, or bidirectional class WS, B or S) and invisible characters.
# The scan also looks for those it does not edit, at no cost per character, so that a
# document with none is known (NormalizedText.plain).
_NOT_PLAIN = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200b)))
              + "\u2028\u2029\u202f\u205f\u3000" + "\u00ad\u200b\u200c\u200d\u2060\ufeff")
_STEP2 = compile_re("[" + re.escape(_SPECIAL_CHARS + _TONE_FIRST
                                    + "".join(sorted(set(_NOT_PLAIN) - set(_SPECIAL_CHARS)))) + "]"
                    "(?:(?<=[" + _TONE_FIRST + "])[" + _TONED + "](?![A-Za-z])|(?<![" + _TONE_FIRST + "]))")
# what after a pair makes the syllable closed (a soft hyphen or zero-width character
# inside a word does not end it)
_LETTER_AHEAD = compile_regex(r"[\u00ad\u200b-\u200d\u2060]*+\p{L}")


def _step2_edits(text: str, sups: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], bool]:
    """(start, end, replacement) of every kind, in text order, and whether text holds no
    _NOT_PLAIN character; superscript runs also go to sups."""
    edits = []
    plain = True
    done = 0                    # end of the last non-tone match: "***" is "**" and a lone "*"
    for m in _STEP2.finditer(text):
        s = m.start()
        c = text[s]
        if c in _TONE_FIRST:
            rep = _tone_edit(text, s)
            if rep is not None:
                edits.append((s, s + 2, rep))
            continue
        if c in _NOT_PLAIN:
            plain = False
            if c not in _SPECIAL_CHARS:
                continue                                         # looked for, not edited
        if s < done:
            continue
        if c == "\r":                                           # CR or CRLF -> LF
            e, rep = (s + 2 if text[s + 1:s + 2] == "\n" else s + 1), "\n"
        elif c == "*":                                           # markdown bold: removed
            if text[s + 1:s + 2] != "*":
                continue
            e, rep = s + 2, ""
        elif c == "<":                                           # "<br>": a line break
            m = _HTML_BREAK.match(text, s)
            if m is not None:
                e, rep = m.end(), "\n" if _stacks_lines(text, s) else " "
            else:                                                # "<p>", "</strong>": removed
                m = _HTML_TAG.match(text, s)
                if m is None:
                    continue
                e, rep = m.end(), ""
        elif c == "&":                                           # "&nbsp;": a space
            semi = text.find(";", s + 2, s + 7)
            rep = _HTML_ENTITY.get(text[s:semi + 1]) if semi > 0 else None
            if rep is None:
                continue
            e = semi + 1
        elif c in SUPERSCRIPT_DIGITS:                            # footnote marks: removed, recorded
            e = s + 1
            while e < len(text) and text[e] in _SUP_VALUE:
                e += 1
            rep = ""
            sups.append((s, e, text[s:e]))
        else:
            e, rep = s + 1, _SINGLE[c]
        edits.append((s, e, rep))
        done = e
    return edits, plain


def _tone_edit(text: str, s: int) -> str | None:
    """The folded form of the o/u + toned vowel pair at s ("hoà" -> "hòa"), or None to keep it."""
    if (s and text[s - 1] in "qQ") or _LETTER_AHEAD.match(text, s + 2):
        return None                                              # "quý"; "hoàn" (closed)
    first, second = text[s], text[s + 1]
    base = _TONES[second][0]
    if (base in "yY" and first in "oO") or (base in "aAeE" and first in "uU"):
        return None                                              # "oý", "uà": not oa/oe/uy
    return _tone_fold(first, second)


class _Chain:
    """Composition of maps: maps[0] is applied first (the last step's map)."""

    def __init__(self, maps: list):
        self.maps = [m for m in maps if m]

    def __bool__(self) -> bool:
        return bool(self.maps)

    def start(self, p: int) -> int:
        for m in self.maps:
            p = m.start(p)
        return p

    def end(self, p: int) -> int:
        for m in self.maps:
            p = m.end(p)
        return p

    def span(self, p: int, q: int) -> tuple[int, int]:
        """NormalizedText.to_original of (p, q) through every step."""
        s = self.start(p)
        e = self.end(q) if q > p else s
        return s, max(s, e)

    def spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`span` of each (start, end), each step mapping the whole list in one call."""
        starts = self.starts([s for s, _ in spans])
        ends = self.ends([e for _, e in spans])
        return [(s, s if e1 <= s1 else max(s, e)) for (s1, e1), s, e in zip(spans, starts, ends)]

    def starts(self, ps: list[int]) -> list[int]:
        for m in self.maps:
            ps = m.starts(ps)
        return ps

    def ends(self, ps: list[int]) -> list[int]:
        for m in self.maps:
            ps = m.ends(ps)
        return ps


@dataclass
class Mark:
    """A footnote mark found in the text (superscript or bracketed)."""

    marker: str
    norm_pos: int          # position in the normalized text where it stood
    span: tuple[int, int]  # span of the mark in the original


@dataclass
class NormalizedText:
    original: str
    text: str
    _map: object = field(repr=False, default=None)
    marks: list[Mark] = field(default_factory=list)
    was_nfc: bool = True
    # NFC's quick check passed on the original: every character may stand in NFC and no
    # adjacent marks are out of order, so every substring of it is NFC too (and so is a
    # join of such substrings with spaces, a space being a stable boundary)
    nfc_quick: bool = field(default=False, repr=False, compare=False)
    # the original holds no whitespace but " " and "\n" and no invisible character (known only
    # with nfc_quick): text.clean need not test its substrings character by character
    plain: bool = field(default=False, repr=False, compare=False)
    # ... and (with plain) holds no two adjacent spaces: no substring of it needs that test
    spaced: bool = field(default=False, repr=False, compare=False)
    # line breaks put back where a copy lost them (see lost_breaks): spaces that became "\n"
    breaks_restored: int = field(default=0, repr=False, compare=False)
    ocr_digits: int = field(default=0, repr=False, compare=False)   # letters read as digits (_ocr_digits)
    json_export: bool = field(default=False, repr=False, compare=False)   # read from a JSON export (_json_lines)
    ocr_xa: int = field(default=0, repr=False, compare=False)    # "xă" read as "xã" (_ocr_xa)
    # phrases of lines typed without diacritics given back their marks (diacritics.py)
    marks_restored: int = field(default=0, repr=False, compare=False)
    # the first such line (original offsets) and how many there are, or None
    unmarked: Optional[tuple] = field(default=None, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        m = self._map       # None when nothing was edited (`not m` would call OffsetMap.__bool__)
        if m is None:
            return start, end
        return m.span(start, end)

    def spans_to_original(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` of each (start, end), in one call."""
        m = self._map
        if m is None:
            return [(s, e) for s, e in spans]
        return m.spans(spans)

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def normalize(original: str) -> NormalizedText:
    nfc = unicodedata.normalize("NFC", original)   # the original itself when the quick check passes
    quick = nfc is original
    was_nfc = quick or nfc == original     # = unicodedata.is_normalized("NFC", original)
    text1, map1 = _nfc(original, was_nfc)
    sups: list[tuple[int, int, str]] = []  # (start, end, marks) in text1
    edits, plain = _step2_edits(text1, sups)
    doubled, spaced = _doubled_spaces(text1)
    if doubled:
        edits = sorted(edits + doubled)    # spaces are never inside a step-2 edit
    glued = _glued_commas(text1)
    if glued:
        covered = _covered(edits)
        edits = sorted(edits + [g for g in glued if g[0] not in covered])
    breaks = lost_breaks(text1, edits=edits)
    if breaks:
        edits = sorted(edits + breaks)
    else:
        breaks = run_on_labels(text1, _covered(edits))
        if breaks:
            edits = sorted(edits + breaks)
    ocr = _ocr_digits(text1)
    if ocr:
        edits = sorted(edits + ocr)       # digits are never inside another edit
    quoted = _quote_marks(text1) if ">" in text1 and ("\n>" in text1 or text1[0] == ">") else []
    if quoted:                            # (marks at line starts: a step edits them only as the '>' they are)
        covered = _covered(edits)
        edits = sorted(edits + [q for q in quoted if q[0] not in covered])
    debris = _line_end_debris(text1)
    if debris:                            # (a mark another step already edits is left to it)
        covered = _covered(edits)
        edits = sorted(edits + [d for d in debris if d[0] not in covered])
    ocr_x = _ocr_xa(text1)
    if ocr_x:
        edits = sorted(edits + ocr_x)     # a letter inside a word: never inside another edit
    wrapped = _json_lines(text1, edits) if _JSON_START.match(text1) else []
    if wrapped:
        edits = sorted(edits + wrapped)   # quotes and structure lines lie outside the other edits
    restored = 0
    unmarked = unmarked_lines(text1)       # (lines typed without diacritics; W211 reports them)
    if unmarked:
        covered = _covered(edits)
        letters, restored = restore_edits(text1, unmarked)
        edits = sorted(edits + [x for x in letters if x[0] not in covered])   # one letter for one
    text2, map2 = _edited(text1, edits)
    plain = quick and plain               # (quick: text1 is the original)
    norm = NormalizedText(original, text2, _compose(map2, map1) or None, [], was_nfc, quick, plain,
                          plain and spaced)
    norm.breaks_restored = len(breaks)
    norm.ocr_digits = len(ocr)
    norm.json_export = bool(wrapped)
    norm.ocr_xa = len(ocr_x)
    norm.marks_restored = restored
    if unmarked:
        (s, e), n = unmarked[0], len(unmarked)
        norm.unmarked = ((map1.start(s), map1.end(e)) if map1 else (s, e), n)
    if sups:
        marks: list[Mark] = []
        for s, e, digits in sups:
            npos = _forward(map2, s)
            os_, oe = map1.start(s) if map1 else s, map1.end(e) if map1 else e
            marks.append(Mark("".join(_SUP_VALUE[c] for c in digits), npos, (os_, oe)))
        norm.marks = marks
    return norm


# OCR leaves a stray "|" or "_" after the last word of a line ("… một số nội dung sau: _", "… Đề án 06 |"):
# a blank put in its place (one character for one) lets a line end where the rules expect it. Not a
# table row's pipe: the line opens with no "|" and holds no other one.
_DEBRIS_KEYS = (" |\n", " _\n", " |\r", " _\r")


# An e-mail quotes the letter it forwards or answers with "> " before each line ("> Kính gửi:", "> - Các
# sở …;", "> 1. Đối với …"); read as blanks (one character for one), the letter's layout is seen as
# printed.  Only a run of three or more such lines that holds a letter's layout line (Kính gửi, Nơi
# nhận): a quotation inside a letter ("> 1. …" under its heading) keeps its marks, and a lone "> 95%"
# is a comparator.
_QUOTE_PREFIX = compile_re(r"^(?:>[ \t]?)+", re.M)
_MIN_QUOTED_LINES = 3
_QUOTED_LETTER = compile_re(r"^(?:>[ \t]?)+(?:\*\*)?(?:Kính\s+gửi|Nơi\s+nhận)", re.M)


def _quote_marks(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) >= _MIN_QUOTED_LINES and _QUOTED_LETTER.search(text, run[0][0], run[-1][1] + 200):
            out.extend((i, i + 1, " ") for s, e in run for i in range(s, e) if text[i] == ">")
        run.clear()

    for m in _QUOTE_PREFIX.finditer(text):
        if run and text.count("\n", run[-1][0], m.start()) != 1:   # not the next line: a new run
            close()
        run.append(m.span())
    close()
    return out


def _covered(edits: list) -> set[int]:
    """The offsets the edits (start, end, replacement) cover."""
    return {p for s, e, _ in edits for p in range(s, max(e, s + 1))}


def _line_end_debris(text: str) -> list[tuple[int, int, str]]:
    # (a key's mark, "|" or "_", is found first: one character is found at memchr's speed, where a
    # key's search stops at every space)
    keys = [k for k in _DEBRIS_KEYS if k[1] in text and k in text]
    if not keys:
        return []
    out = []
    for key in keys:
        i = text.find(key)
        while i >= 0:
            ls = text.rfind("\n", 0, i) + 1
            line = text[ls:i + 2]
            if line.strip() != line[-1] and not line.lstrip().startswith("|") and line.count("|") <= 1:
                out.append((i + 1, i + 2, " "))
            i = text.find(key, i + 2)
    return sorted(set(out))


# OCR and hasty typing put "ă" for "ã" in "xã" (the commune: "UBND xă Nghi Phong"); "xă" is no
# Vietnamese word, so the whole word "xă" is read as "xã".  One character for one.
# Found by their second letter: a one-character search runs at memchr's speed, where each two-
# character word took a slower scan of its own (the edits' order is the caller's sort).
_XA_MISREAD = {"ă": ("x", "X", "ã"), "Ă": ("X", "X", "Ã")}     # letter: (first letters, replacement)


def _ocr_xa(text: str) -> list[tuple[int, int, str]]:
    out = []
    for second, (lower, upper, letter) in _XA_MISREAD.items():
        j = text.find(second, 1)
        while j >= 0:
            i, end = j - 1, j + 1            # the word text[i:end]: "xă", "Xă" or "XĂ"
            if text[i] in (lower, upper) and (i == 0 or not text[i - 1].isalnum()) \
                    and (end == len(text) or not text[end].isalnum()):
                out.append((j, end, letter))
            j = text.find(second, end)
    return out


# A web site's export as JSON ({"id": …, "noi_dung": ["<p>…</p>", "<p>…</p>"]}): one string per
# paragraph, one per line.  When most lines are such strings, each loses its quotes (and an escaped
# quote its backslash) and the lines of the JSON structure around them are emptied: what is left is
# the text, offsets mapped as for any edit.
_JSON_START = compile_re(r"\s*[{\[]")
_JSON_STRING_LINE = compile_re(r'(?m)^([ \t]*")((?:[^"\\\n]|\\.)*)("[ \t]*,?[ \t]*)$')
_JSON_ESCAPED_QUOTE = compile_re(r'\\(["\\/])')


def _json_lines(text: str, edits: list) -> list[tuple[int, int, str]]:
    """Edits reading a JSON export's string lines as the document's lines; [] for other text.
    `edits`: the other steps' edits (a structure line holding one is left as it is)."""
    lines = text.count("\n") + 1
    found = list(_JSON_STRING_LINE.finditer(text))
    if len(found) * 2 < lines:
        return []
    taken = {s for s, _, _ in edits} | {e - 1 for _, e, _ in edits}
    out = []
    pos = 0
    for m in found:
        if m.start() > pos:                            # the JSON structure between string lines
            out.extend(_blank(text, pos, m.start() - 1, taken))
        # the quotes, an escaped quote's backslash and the comma: single characters no other step
        # edits (the indentation and trailing blanks stay, to the line's edges)
        out.append((m.end(1) - 1, m.end(1), ""))
        out.extend((q.start(), q.start() + 1, "") for q in _JSON_ESCAPED_QUOTE.finditer(text, m.start(2), m.end(2)))
        out.append((m.start(3), m.start(3) + 1, ""))
        comma = text.find(",", m.start(3), m.end(3))
        if comma >= 0:
            out.append((comma, comma + 1, ""))
        pos = m.end() + 1
    if pos < len(text):
        out.extend(_blank(text, pos, len(text), taken))
    return out


def _blank(text: str, start: int, end: int, taken: set) -> list[tuple[int, int, str]]:
    """Edits emptying the lines of text[start:end], keeping their line breaks."""
    out = []
    ls = start
    while ls < end:
        le = text.find("\n", ls, end)
        le = end if le < 0 else le
        if le > ls and not any(p in taken for p in range(ls, le)):
            out.append((ls, le, ""))
        ls = le + 1
    return out


# A scanned page's OCR reads "1" as "l" and "0" as "O" inside numbers ("2l5/TB-UBND", "ngày l5/l0/2023",
# "5O%"): in a run of digits and those letters alone, holding both, each letter is its digit. One
# character for one: offsets do not move. A word never touches a digit, so no word changes.
# A scan shows it in its header too (the number, the date), so only a text whose first characters
# hold such a run is scanned whole: a scan of every text would cost 3% of an extraction.
_OCR_RUN = compile_re(r"(?<!\w)(?=[\dlO]*\d)(?=[\dlO]*[lO])[\dlO]{2,}(?!\w)")
_OCR_DIGIT = {"l": "1", "O": "0"}
OCR_HEAD = 2000
# what every such run holds: an "l" or "O" next to a digit (the definition; _ocr_pair tests it
# first, where _OCR_RUN's search, a look-behind first, tries every character of the head)
_OCR_PAIR = compile_re(r"[lO](?:(?<=\d[lO])|(?=\d))")


def _ocr_pair(head: str) -> bool:
    """_OCR_PAIR.search(head) is not None (re's \\d is str.isdecimal), its letters found by
    str.find at memchr's speed: the engine's scan for a class tests every character."""
    for letter in "lO":
        p = head.find(letter)
        while p >= 0:
            if head[p - 1:p].isdecimal() or head[p + 1:p + 2].isdecimal():
                return True
            p = head.find(letter, p + 1)
    return False


def _ocr_digits(text: str) -> list[tuple[int, int, str]]:
    """One-character edits turning OCR's letters in numbers into digits (W212 reports them)."""
    if not _ocr_pair(text[:OCR_HEAD]) or _OCR_RUN.search(text, 0, OCR_HEAD) is None:
        return []
    return [(m.start() + k, m.start() + k + 1, _OCR_DIGIT[c]) for m in _OCR_RUN.finditer(text)
            for k, c in enumerate(m.group()) if c in _OCR_DIGIT]


# A text whose line breaks were lost (copied from an e-mail or a web form) runs its header, its
# recipients and its a) / b) items together in a few very long lines.  Such a line is recognised by
# the layout words of NĐ 30/2020 that open a line of their own in every directive; when one long
# line holds two of them, a space is put back as the line break before each of them in the long
# lines, and before the labels and dashes that follow a sentence mark.  One space for one "\n":
# offsets do not move.
# a run-on line: longer than any line of a directive's header or of most paragraphs (a header that
# lost its breaks runs issuer, number, V/v, national motto and Kính gửi into some 300 characters)
_LONG_LINE = 200
_LAYOUT_WORDS = (r"CỘNG\x20HÒA\x20XÃ\x20HỘI|Độc\x20lập\x20-\x20Tự\x20do|Số\x20?:\x20?\d|V/v\x20|Kính\x20gửi\x20?:"
                 r"|Nơi\x20nhận\x20?:|(?:TM|KT|TL|TUQ)\.\x20\p{Lu}{2}")
_LAYOUT_BREAK = compile_regex(r"(?<=\S)\x20(?=(?:" + _LAYOUT_WORDS + r"))")
_LABEL_BREAK = compile_regex(
    r"(?<=[.;:])\x20(?=(?:[IVX]{1,4}\.|\d{1,2}\.|[a-zđ]\)|[-+•])\x20\p{Lu})"    # "…; - Bảng", "…: a) Các"
    r"|(?<=\p{L}|\d)\x20(?=[a-zđ]\)\x20\p{Lu})"                                 # a title, then "a) Các …"
    r"|(?<=\.)\x20(?=(?:Thực\x20hiện|Căn\x20cứ|Trong\x20quá\x20trình|Trên\x20đây)\b)"   # the body's opening
    # the signer's title under the authority line ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"), and the name
    r"|(?<=(?:KT|TM|TL|TUQ)\.\x20\p{Lu}[\p{Lu}\x20,]{1,40}?)(?<!PHÓ)(?<!,)\x20(?=(?:PHÓ\x20)?(?:THỨ\x20TRƯỞNG|CHỦ\x20TỊCH"
    r"|CHỦ\x20NHIỆM|GIÁM\x20ĐỐC|CHÁNH\x20VĂN\x20PHÒNG|TRƯỞNG\x20BAN|BỘ\x20TRƯỞNG|CỤC\x20TRƯỞNG|VỤ\x20TRƯỞNG"
    r"|TRƯỞNG\x20PHÒNG|BÍ\x20THƯ)\b)"
    # the rule under the issuer's name ("VĂN PHÒNG CHÍNH PHỦ ------- Số: …") on a line of its own
    r"|(?<=\p{Lu})\x20(?=-{3,}\x20)"
    # "… PHÓ GIÁM ĐỐC (Đã ký) Nguyễn Thị Mỹ Hạnh": the signing note on a line of its own, then the name
    r"|(?<=\p{Lu}{2})\x20(?=\([Đđ]ã\x20ký(?:\x20số)?\))|(?<=\([Đđ]ã\x20ký(?:\x20số)?\))\x20(?=\p{Lu}\p{Ll})"
    # the issuer under its parent: "UBND TỈNH KHÁNH HÒA SỞ NỘI VỤ"
    r"|(?<=(?:UBND|ỦY\x20BAN\x20NHÂN\x20DÂN)\x20(?:TỈNH|THÀNH\x20PHỐ|HUYỆN|QUẬN|THỊ\x20XÃ)(?:\x20\p{Lu}+){1,4})"
    r"\x20(?=(?:SỞ|BAN|VĂN\x20PHÒNG|PHÒNG|TRUNG\x20TÂM|THANH\x20TRA)\x20\p{Lu})"
    r"|(?<=\p{Lu}{2})\x20(?=\p{Lu}\p{Ll}+(?:\x20\p{Lu}\p{Ll}*){1,3}\s*$)")
_LAYOUT_START = compile_regex(r"[\x20\t]*(?:" + _LAYOUT_WORDS + r")")
_MIN_LAYOUT_WORDS = 2     # one long line holding two of them: its breaks were lost


# layout words that open a line of their own in every directive (see _LAYOUT_WORDS)
_RUN_ON_KEYS = ("CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Kính gửi", "Nơi nhận")


def _runs_on(text: str) -> bool:
    """Whether one of _RUN_ON_KEYS follows a word and a single space on its line."""
    for key in _RUN_ON_KEYS:
        p = text.find(key)
        while p >= 2:
            if text[p - 1] == " " and not text[p - 2].isspace():
                return True
            p = text.find(key, p + 1)
    return False


# A body whose header kept its breaks can still run its items on: an e-mail joined each section's
# lines into one ("II. CHỈ TIÊU NĂM 2026 1. Trên 98% …; 2. Tỷ lệ … III. NHIỆM VỤ 1. … a) Thủ trưởng …").
# In a long line holding at least two labels that follow a sentence mark, a title in capitals or a
# title's last word, the space before each is put back as the line break.
# (stdlib re, its look-behinds of one width each: the long lines of every document are scanned)
_BODY_LABEL_BREAK = compile_re(unicode_classes(
    r"(?<=[.;:])\x20(?=(?:[IVX]{1,4}\.|\d{1,2}\.|[a-zđ]\)|[-+•])\x20\p{Lu})"      # "…; 2. Tỷ lệ", "…: a) Các"
    r"|(?:(?<=\p{L})|(?<=\d))\x20(?=[a-zđ]\)\x20\p{Lu})"                          # a title, then "a) Thủ trưởng"
    r"|(?:(?<=\p{Lu}\p{Lu})|(?<=\p{Lu}\p{Lu}\x20\d\d\d\d))\x20(?=(?:[IVX]{1,4}|\d{1,2})\.\x20\p{Lu})"))   # "YÊU CẦU 1. Mục", "NĂM 2026 1. Trên"
# what every such line holds: a second item's label inside a line (two finds, each a whole-text
# scan for the usual text, spare it the search for long lines)
_BODY_LABEL_KEYS = (" 2. ", " b) ")
_MIN_BODY_LABELS = 2


def run_on_labels(text: str, taken: set = frozenset()) -> list[tuple[int, int, str]]:
    """Edits putting back the line breaks before the item labels of long run-on body lines (see
    _BODY_LABEL_BREAK); [] for the usual text.  `taken`: offsets other edits hold."""
    if len(text) < _LONG_LINE or not any(k in text for k in _BODY_LABEL_KEYS):
        return []
    out = []
    for line in _LONG_LINE_RE.finditer(text):      # the long lines, found at C speed
        cuts = [m.start() for m in _BODY_LABEL_BREAK.finditer(text, line.start(), line.end())
                if m.start() not in taken]
        if len(cuts) >= _MIN_BODY_LABELS:
            out += [(c, c + 1, "\n") for c in cuts]
    return out


_LONG_LINE_RE = compile_re(r"[^\n]{%d,}" % (_LONG_LINE + 1))


def lost_breaks(text: str, taken: set = frozenset(), edits: list = ()) -> list[tuple[int, int, str]]:
    """Edits turning back into line breaks the spaces that stood for them in a text whose breaks
    were lost (see _LAYOUT_WORDS); [] for a text with no such line.  `taken`: the first and last
    offsets of the other edits (spaces are never inside one); or `edits`, the other edits
    themselves (start, end, replacement): their offsets are then collected only when needed."""
    # such a text runs a layout word on after other words: a few finds (C speed) spare the usual
    # text, whose layout words open their lines (or stand after a column's run of blanks), the walk
    if len(text) < _LONG_LINE or not _runs_on(text):
        return []
    if edits:
        taken = set(taken) | {s for s, _, _ in edits} | {e - 1 for _, e, _ in edits}
    longs, ls = [], 0
    while ls < len(text):
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        if le - ls > _LONG_LINE:
            longs.append((ls, le))
        ls = le + 1
    if not any(len(_LAYOUT_BREAK.findall(text, s, e)) >= _MIN_LAYOUT_WORDS for s, e in longs):
        return []
    # a shorter line with one of them inside or at its start lost its breaks too ("Nơi nhận: … KT. GIÁM
    # ĐỐC …", "Kính gửi: - Bộ Nội vụ; - Bộ Tư pháp; …")
    taken_lines = set(longs)
    ls = 0
    while ls < len(text):
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        if (ls, le) not in taken_lines and (_LAYOUT_BREAK.search(text, ls, le) or _LAYOUT_START.match(text, ls, le)):
            longs.append((ls, le))
        ls = le + 1
    out = []
    for s, e in longs:
        for rx in (_LAYOUT_BREAK, _LABEL_BREAK):
            out += [(m.start(), m.end(), "\n") for m in rx.finditer(text, s, e) if m.start() not in taken]
    return sorted(set(out))


def _doubled_spaces(text: str) -> tuple[list[tuple[int, int, str]], bool]:
    """Edits folding a doubled space between two letters or figures into one: OCR and
    justified PDF text double spaces inside names ("Sở Nội  vụ"), which no rule expects.
    Runs of three or more spaces are left alone: they separate columns (structure/footer.py).
    Also whether text holds no two adjacent spaces at all (NormalizedText.spaced)."""
    edits = []
    find = text.find
    i = find("  ")
    spaced = i < 0
    while i >= 0:
        if i and text[i - 1].isalnum() and text[i + 2:i + 3].isalnum():
            edits.append((i, i + 2, " "))
        i = find("  ", i + 2)
    return edits, spaced


# a comma typed with no space after it between two words ("UBND các huyện,thành phố", "Các sở,ban,
# ngành"): the space put back, so a list reads as lists are written (figures keep theirs: "46,3%")
# (the comma first: `re` then looks for commas only, and most are followed by a space; a look-behind
# first was tried at every character, and cost as much as the rest of the normaliser)
_GLUED_COMMA = compile_re(r",(?=[^\W\d_])")


def _glued_commas(text: str) -> list[tuple[int, int, str]]:
    return [(i, i + 1, ", ") for i in (m.start() for m in _GLUED_COMMA.finditer(text))
            if i and text[i - 1].isalpha()]


def _compose(last, first):
    """The map of two steps: a step that edited nothing drops out (each map call saved
    counts: spans are mapped back one by one in every stage)."""
    if not first:
        return last
    if not last:
        return first
    return _Chain([last, first])


def _forward(omap: OffsetMap, p: int) -> int:
    """Position in the edited text of original offset p (p at an edit start)."""
    if not omap:
        return p
    i = bisect_right(omap._os, p) - 1
    if i < 0:
        return p
    if p < omap._oe[i]:
        return omap._ns[i]
    return omap._ne[i] + (p - omap._oe[i])


def to_normalized(norm: NormalizedText, p: int) -> int:
    """Normalized offset of original offset p (p inside an edit: the edit's normalized start).

    The inverse of `NormalizedText.to_original` for offsets at character boundaries that
    no edit spans (line starts, table pipes); O(log edits)."""
    return _forward_any(norm._map, p)


def _forward_any(omap, p: int) -> int:
    if not omap:
        return p
    if isinstance(omap, _Chain):          # maps[0] is the last step: undo the first step first
        for sub in reversed(omap.maps):
            p = _forward_any(sub, p)
        return p
    return _forward(omap, p)


def fold_key(s: str) -> str:
    """A match key: NFC, tone placement folded, lower case, spaces collapsed."""
    n = normalize(s).text
    return " ".join(n.lower().split())
