"""Regex alternations shaped as a prefix trie: each branch point is tried once.

A plain alternation of hundreds of names makes the engine retry every name at
every position; the trie shares prefixes ("ủy ban nhân dân", "ủy ban thường vụ
…") so a failing position costs one character test.
"""
from __future__ import annotations

import re
from typing import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """Alternation of `words` (escaped) as a trie; a longer word is preferred to its prefix."""
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
