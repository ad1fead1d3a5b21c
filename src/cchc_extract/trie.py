"""Regex alternations shaped as a prefix trie: each branch point is tried once.

A plain alternation of hundreds of names makes the engine retry every name at
every position; the trie shares prefixes ("ủy ban nhân dân", "ủy ban thường vụ
…") so a failing position costs one character test.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """Alternation of `words` (escaped) as a trie; a longer word is preferred to its prefix
    (kept in the start-up cache: the name lists give tries of thousands of nodes)."""
    from .startup_cache import cached

    words = tuple(words)
    return cached("trie", words, lambda: _trie(words))


def first_char_guard(words: Iterable[str]) -> str:
    """A look-ahead on the class of the words' first characters, to put before their trie.

    Under IGNORECASE `re` tries each branch of an alternation in turn (its quick skip of a
    branch whose first character differs works only for case-sensitive literals), so a
    trie that fails costs a jump per first character; the class fails in one test.  It
    only restates what every branch requires, so the matches are the same."""
    firsts = sorted({word[0] for word in words if word})
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])" if len(firsts) > 1 else ""


def _trie(words: tuple[str, ...]) -> str:
    root: dict = {}
    for word in words:
        if not word:
            raise ValueError("empty word in a trie")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _build(root) or "(?!)"


def _build(node: dict) -> str:
    branches = [re.escape(ch) + _build(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


# --- \p{..} classes for stdlib `re` -----------------------------------------------
# Latin letters with Vietnamese (Latin-1, Latin Extended A/B, Latin Extended Additional).
_LATIN = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]


def _class_body(category: str) -> str:
    chars = [chr(c) for c in _LATIN if unicodedata.category(chr(c)) == category]
    return "".join(re.escape(c) for c in chars)


_BODIES = {"Lu": _class_body("Lu"), "Ll": _class_body("Ll")}
_BODIES["L"] = _BODIES["Lu"] + _BODIES["Ll"]
_BODIES["M"] = "\u0300-\u036f"
_BODIES_KEY = tuple(sorted(_BODIES.items()))
_PROP = re.compile(r"\\p\{(Lu|Ll|L|M)\}|\\.|\[|\]")


def unicode_classes(pattern: str) -> str:
    """Rewrite \\p{Lu} \\p{Ll} \\p{L} \\p{M} (Latin script) into classes stdlib `re` accepts
    (kept in the start-up cache: the rewrite steps through every escape, about 20,000 in the
    gazetteer's patterns, and was a third of loading it)."""
    if "\\p{" not in pattern:
        return pattern
    from .startup_cache import cached

    # the classes in the key: another Unicode database gives other classes (a change to the
    # rewrite itself must rename the kind)
    return cached("unicode_classes", (pattern, _BODIES_KEY), lambda: _unicode_classes(pattern))


def _unicode_classes(pattern: str) -> str:
    out = []
    depth = 0  # inside a [...] class?
    pos = 0
    for m in _PROP.finditer(pattern):
        out.append(pattern[pos:m.start()])
        tok = m.group()
        if m.group(1):
            body = _BODIES[m.group(1)]
            out.append(body if depth else "[" + body + "]")
        else:
            if tok == "[" and not depth:
                depth = 1
            elif tok == "]" and depth:
                depth = 0
            out.append(tok)
        pos = m.end()
    out.append(pattern[pos:])
    return "".join(out)
