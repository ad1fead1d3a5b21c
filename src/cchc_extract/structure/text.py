"""Cleaning of quoted values: as printed, minus what is not printed."""
from __future__ import annotations

import unicodedata

from ..startup_cache import compile_re, compile_regex

_MARKUP = compile_regex(r"\*\*|\|")
# stdlib re: one C call with little overhead on the many short values
_INVISIBLE = compile_re(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def clean(s: str, markup: bool = False, nfc: bool = False, plain: bool = False,
          spaced: bool = False) -> str:
    """NFC, no invisible characters (soft hyphens, zero-width), single spaces.

    markup=True also drops markdown bold and table pipes (metadata values); item texts keep
    "**" as written, like the gold's `ends`.  nfc=True: s is known to be NFC already
    (NormalizedText.nfc_quick), so its characters are not checked again.  plain=True (with
    nfc): s is made of characters of a NormalizedText.plain original and spaces, so only
    its line breaks and spaces can need a change.  spaced=True (with plain): s is one slice of a
    NormalizedText.spaced original, so it holds no two adjacent spaces and only its ends can.
    """
    if nfc and plain and not markup and "\n" not in s and (spaced or "  " not in s) \
            and s[:1] != " " and s[-1:] != " ":           # _single_spaced(s), inlined
        return s
    if not nfc:
        s = unicodedata.normalize("NFC", s)
    if _tidy(s) and not (markup and ("**" in s or "|" in s)):
        return s                         # most values: nothing to remove, spaces already single
    s = _INVISIBLE.sub("", s)
    if markup:
        s = _MARKUP.sub(" ", s)
    return " ".join(s.split())


def _tidy(s: str) -> bool:
    """Nothing for clean() to change: all characters printable (so no invisible characters and
    no whitespace but " ") and no double, leading or trailing space.  C-speed tests."""
    return s.isprintable() and _single_spaced(s)


def _single_spaced(s: str) -> bool:
    """No double, leading or trailing space."""
    return "  " not in s and s[:1] != " " and s[-1:] != " "
