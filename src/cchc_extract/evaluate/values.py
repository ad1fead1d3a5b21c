"""Value normalization for field accuracy, and body-text similarity for assignments."""
from __future__ import annotations

import unicodedata
from typing import Any

import regex

from ..normalize import normalize


def norm_value(v: Any) -> Any:
    """Numbers as numbers, strings NFC with whitespace collapsed ('' is null), lists item-wise."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = " ".join(unicodedata.normalize("NFC", v).split())
        return s or None
    if isinstance(v, (list, tuple)):
        return [norm_value(x) for x in v] or None   # an empty list is "none" like null
    return v


def same_value(gold: Any, pred: Any) -> bool:
    g, p = norm_value(gold), norm_value(pred)
    if isinstance(g, float) and isinstance(p, float):
        return abs(g - p) <= 1e-9 * max(1.0, abs(g))
    return g == p


# --- body texts (assignments) -------------------------------------------------

# Long forms folded to the abbreviation documents use interchangeably, so that
# "Ủy ban nhân dân tỉnh" and "UBND tỉnh" are the same body text.
_ABBREVIATIONS = (
    ("ủy ban nhân dân", "ubnd"),
    ("hội đồng nhân dân", "hđnd"),
    ("văn phòng", "vp"),
)
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]++")


def body_tokens(text: str) -> tuple[str, ...]:
    s = normalize(text).text.casefold()
    s = " ".join(_WORD.findall(s))
    for long, short in _ABBREVIATIONS:
        s = s.replace(long, short)
    return tuple(s.split())


def _longest_common_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def body_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Dice coefficient on the longest common run of words: 2*run / (len a + len b)."""
    if not a or not b:
        return 0.0
    return 2 * _longest_common_run(a, b) / (len(a) + len(b))


BODY_MATCH_MIN = 0.5  # strictly above: "UBND tỉnh" vs "UBND huyện" (0.5) is no match
