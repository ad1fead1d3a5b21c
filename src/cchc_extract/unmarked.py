"""Paragraphs typed without Vietnamese diacritics ("Uy ban nhan dan cac quan chu tri …").

Every rule reads marked Vietnamese.  Guessing every word's marks back is not safe (`ban` is
bạn, bán or bản): only the phrases whose bare form is unambiguous are read back (diacritics.py,
on the lines found here), and the document gets a warning (W211) that says where, so an analyst
knows why the rest of those paragraphs gave nothing.

A line counts when it is plain ASCII, has MIN_WORDS words, most of them are
syllables typed without their marks (viet_syllables.is_bare_syllable: "truoc", "nguoi") and at least MIN_CUES of them are common
words of administrative Vietnamese written without their marks; English or code
fails the syllable test, a list of names the cue test.
"""
from __future__ import annotations


import re

from .startup_cache import compile_re, compile_regex
from .viet_syllables import is_bare_syllable

MIN_CHARS = 40
MIN_WORDS = 8
SYLLABLE_SHARE = 0.8
MIN_CUES = 3

# function words and frequent words of a directive, as they read without their marks
CUES = frozenset("""
cac cua va voi duoc trong theo nhung thuc hien chu tri phoi hop truoc ngay nam thang
tinh huyen xa quan phuong uy ban nhan dan don vi co bao cao nhiem vu hanh chinh cai cach
tai ve de nay khi tren den so giao yeu cau de nghi trach
""".split())

_WORD = compile_regex(r"[A-Za-z]+")
# a line of MIN_CHARS or more plain ASCII characters: found by one scan, no copy of the text's lines
_ASCII_LINE = compile_re(r"^[\t -~]{%d,}$" % MIN_CHARS, re.M)


# the commonest of the cues: text without marks holds one of them, marked text hardly ever (it
# writes "các", "và", "của"), so a text holding none is passed over by a few C-speed searches
_COMMON_CUES = (" cac ", " va ", " cua ")


def unmarked_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` that reads as Vietnamese without its marks."""
    # the lines _ASCII_LINE matches, found by str.find and isascii (a flag of the line's copy, one
    # line at a time): marked text has hardly any, so the cue searches (each stops at every space)
    # mostly go untried
    found, pos, n = [], 0, len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        if end - pos >= MIN_CHARS:
            line = text[pos:end]
            if line.isascii() and _ASCII_LINE.fullmatch(line):
                found.append((pos, line))
        pos = end + 1
    if not found or not any(cue in text for cue in _COMMON_CUES):
        return []
    return [(s, s + len(line)) for s, line in found if _reads_unmarked(line)]


def _reads_unmarked(line: str) -> bool:
    words = [w.lower() for w in _WORD.findall(line)]
    if len(words) < MIN_WORDS:
        return False
    if sum(1 for w in words if is_bare_syllable(w)) < SYLLABLE_SHARE * len(words):
        return False
    return len(CUES.intersection(words)) >= MIN_CUES
