"""Unambiguous phrases given back their diacritics on lines typed without them.

The lines are the ones `unmarked.unmarked_lines` finds (plain ASCII, read as Vietnamese).  Guessing
every word's marks is not safe (`ban` is bạn, bán or bản), but an administrative phrase whose bare
form can be only one thing (`chu tri` → `chủ trì`, `Cong an xa` → `Công an xã`, `ngay` before a
figure → `ngày`) can be read back.  The phrases are data (rules/_unaccented.yaml).  A bare form has
as many characters as its marked one (NFC: one code point per letter), so the edits are one
character for one: offsets do not move, and an entity's `text` is still the line as typed.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .errors import RuleError
from .startup_cache import compile_regex, load_yaml


def bare(s: str) -> str:
    """s without its diacritics, đ as d (one character for one, for NFC letters)."""
    d = unicodedata.normalize("NFD", s)
    return "".join(c for c in d if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


@dataclass(frozen=True)
class Restorer:
    marked: dict            # bare phrase, lower case -> the phrase with its marks
    capital: frozenset      # bare phrases written with a capital: restored only when typed so
    phrases: regex.Pattern  # any bare phrase, whole words, longest first
    figures: regex.Pattern  # a word restored only before a figure ("ngay 15/4", "nam 2026")
    examples: tuple


def load(path: Path) -> Restorer:
    data = load_yaml(path) or {}
    problems: list[str] = []
    marked: dict[str, str] = {}
    capital = set()
    for phrase in data.get("phrases", []):
        phrase = unicodedata.normalize("NFC", phrase)
        key = bare(phrase)
        if len(key) != len(phrase):
            problems.append(f"{path.name}: phrase {phrase!r}: its bare form is not one character for one")
            continue
        low = key.lower()
        if low in marked and marked[low] != phrase:
            problems.append(f"{path.name}: phrases {marked[low]!r} and {phrase!r} have one bare form")
            continue
        marked[low] = phrase
        if phrase[:1].isupper():
            capital.add(low)
    figures = {bare(w).lower(): unicodedata.normalize("NFC", w) for w in data.get("before_figures", [])}
    if problems:
        raise RuleError(problems)
    alt = "|".join(regex.escape(k) for k in sorted(marked, key=len, reverse=True))
    fig = "|".join(regex.escape(k) for k in sorted(figures, key=len, reverse=True))
    marked.update(figures)
    return Restorer(marked, frozenset(capital),
                    compile_regex(r"(?<![\w])(?:" + alt + r")(?![\w])", regex.IGNORECASE),
                    compile_regex(r"(?<![\w])(?:" + fig + r")(?=\s+(?:\d|[IVX]+\b))", regex.IGNORECASE),
                    tuple((e["text"], e["restored"]) for e in data.get("examples", [])))


@lru_cache(maxsize=1)
def restorer() -> Restorer:
    from .rules import rules_dir
    return load(Path(rules_dir()) / "_unaccented.yaml")


def restore_edits(text: str, lines: list[tuple[int, int]], r: Restorer | None = None) -> tuple[list, int]:
    """(edits, phrases restored) for the unmarked `lines` of text: one (i, i + 1, letter) per
    letter given back its marks, in the case it was typed in."""
    r = r or restorer()
    edits: list[tuple[int, int, str]] = []
    count = 0
    for s, e in lines:
        for rx in (r.figures, r.phrases):
            for m in rx.finditer(text, s, e):
                typed = m.group()
                low = typed.lower()
                if low in r.capital and not typed[:1].isupper():
                    continue     # "phong trao" is no Phòng
                count += 1
                for k, (a, b) in enumerate(zip(typed, r.marked[low])):
                    if a != b and a.lower() != b:
                        edits.append((m.start() + k, m.start() + k + 1, b.upper() if a.isupper() else b))
    return sorted(set(edits)), count


def restore(line: str, r: Restorer | None = None) -> str:
    """The line with its phrases given back their marks (for the examples and tests)."""
    from .unmarked import unmarked_lines
    edits, _ = restore_edits(line, unmarked_lines(line), r)
    out = list(line)
    for i, _, ch in edits:
        out[i] = ch
    return "".join(out)
