"""A per-code cap on structure warnings: a broken document must not drown the output (or the clock)."""
from __future__ import annotations

from collections import Counter
from typing import Callable, Optional

from .. import diagnostics
from ..models import Warning_

CAP = 20


class Warner:
    def __init__(self, cap: int = CAP, to_original: Optional[Callable[[int, int], tuple[int, int]]] = None):
        self.cap = cap
        # maps a normalized span to the original before the warning is built (a model's
        # field set afterwards is validated again)
        self.to_original = to_original
        self.out: list[Warning_] = []
        self.count: Counter = Counter()

    def add(self, code: str, message: Optional[str] = None, span: Optional[tuple[int, int]] = None) -> None:
        self.count[code] += 1
        if self.count[code] <= self.cap:
            if span is not None and self.to_original is not None:
                span = self.to_original(*span)
            self.out.append(diagnostics.warn(code, message, span=span))

    def over(self, code: str) -> bool:
        """True when `code` has reached its cap: one more is counted, and the caller need not
        make its message (add would drop it).  Else False: the caller adds it."""
        n = self.count[code]
        if n >= self.cap:
            self.count[code] = n + 1
            return True
        return False

    def finish(self) -> list[Warning_]:
        for code, n in self.count.items():
            if n > self.cap:
                self.out.append(diagnostics.warn(
                    code, f"{diagnostics.CODES[code]} ({n - self.cap} more not listed)"))
        return self.out
