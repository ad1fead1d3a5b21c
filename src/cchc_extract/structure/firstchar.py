"""First-character tests: a C-speed necessary condition before an anchored regex is tried."""
from __future__ import annotations


class FirstChar(dict):
    """char -> whether `pattern` matches that one character (the pattern is what a longer
    anchored pattern's first character must match): the engine is asked once per
    character, then a dict lookup answers."""

    def __init__(self, pattern):
        super().__init__()
        self.pattern = pattern

    def __missing__(self, ch: str) -> bool:
        if len(self) >= 4096:
            self.clear()   # bounded, whatever scripts the documents use
        known = self[ch] = self.pattern.match(ch) is not None
        return known

    def starts(self, text: str) -> bool:
        """text is non-empty and its first character passes."""
        return bool(text) and self[text[0]]
