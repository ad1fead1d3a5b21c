"""Character tests: whether one character matches a one-character pattern, asked of the
engine once per character and then answered from a dict (a C-speed necessary condition
before an anchored pattern is tried)."""
from __future__ import annotations


class CharTest(dict):
    """char -> whether it matches a one-character item, asked of the engine on first use
    (a property of the pattern, like a class table).  Compared by identity."""

    def __init__(self, rx):
        super().__init__()
        self._rx = rx

    def __missing__(self, ch: str) -> bool:
        if len(self) >= 4096:
            self.clear()   # bounded, whatever scripts the documents use
        known = self[ch] = self._rx.fullmatch(ch) is not None
        return known

    def starts(self, text: str) -> bool:
        """text is non-empty and its first character passes."""
        return bool(text) and self[text[0]]

    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other
