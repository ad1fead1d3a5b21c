"""Structure vocabulary loaded once from ``rules/_structure.yaml`` (data, not code)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from ..rules import rules_dir
from ..startup_cache import compile_regex, load_yaml


@lru_cache(maxsize=1)
def vocab() -> dict:
    path = Path(rules_dir()) / "_structure.yaml"
    try:
        data = load_yaml(path) or {}
    except OSError:
        data = {}
    data.setdefault("doc_type_lines", {})
    data.setdefault("type_codes", {})
    data.setdefault("signature_prefixes", ["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T"])
    data.setdefault("locality_words", ["tỉnh", "thành phố", "huyện", "xã", "phường", "quận", "thị xã"])
    data.setdefault("org_heads", ["Sở", "Bộ"])
    data.setdefault("org_names", ["Ủy ban nhân dân"])
    data.setdefault("fixed_terms", [])
    data.setdefault("motto_patterns", [r"CỘNG\s+H[ÒO]À?\s+XÃ\s+HỘI", r"Độc\s+lập\s*-\s*Tự\s+do"])
    data.setdefault("unmarked_issuer_lines", [])
    data.setdefault("site_menu_lines", [])
    return data


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def motto_re() -> regex.Pattern:
    return compile_regex("(?:" + "|".join(vocab()["motto_patterns"]) + ")", regex.I)


@lru_cache(maxsize=1)
def _motto_anchor():
    """The words every motto match starts with (read by matchers/anchors.py), or None."""
    from ..matchers.anchors import anchor_of
    anchor = anchor_of(motto_re())
    return anchor if anchor is not None and anchor.words and not anchor.figures else None


def may_hold_motto(t: str) -> bool:
    """A C-speed necessary condition for motto_re().search(t): a motto starts with one of
    the anchor words (found in t.lower() under IGNORECASE, unless t holds a character
    whose case variants defeat that test: then True)."""
    anchor = _motto_anchor()
    if anchor is None:
        return True
    low = t
    if anchor.ignore_case:
        low = t.lower()
        if len(low) != len(t) or (anchor.unsafe and any(ch in t for ch in anchor.unsafe)):
            return True
    for w in anchor.words:        # (a loop, not any() of a generator: most texts are short)
        if w in low:
            return True
    return False


def motto_search(t: str):
    """motto_re().search(t), after the cheap test."""
    return motto_re().search(t) if may_hold_motto(t) else None


def motto_matches(t: str) -> list:
    """list(motto_re().finditer(t)), after the cheap test."""
    return list(motto_re().finditer(t)) if may_hold_motto(t) else []


@lru_cache(maxsize=1)
def doc_type_line_re() -> regex.Pattern:
    """A type line, alone or with its author in capitals ("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    the Party form): group "type" is the type words."""
    return compile_regex(r"^(?P<type>" + _alt(vocab()["doc_type_lines"]) + r")"
                         r"(?:\s+CỦA(?:\s+[^\s\p{Ll}]+)+)?\s*:?$")


@lru_cache(maxsize=1)
def doc_type_opening_re() -> regex.Pattern:
    """A type line that goes on with its subject in capitals ("KẾ HOẠCH TIẾN HÀNH THANH TRA", an
    attached document's title): group "type" is the type words."""
    return compile_regex(r"^(?P<type>" + _alt(vocab()["doc_type_lines"]) + r")(?=\s+\S)")


@lru_cache(maxsize=1)
def prefix_re() -> regex.Pattern:
    return compile_regex(r"^(?:" + _alt(vocab()["signature_prefixes"]) + r")\s*\S")


@lru_cache(maxsize=1)
def prefix_starts() -> tuple[str, ...]:
    """The signing prefixes themselves: prefix_re() is their case-sensitive alternation at the
    start, so `t.startswith(prefix_starts())` is a C-speed necessary condition for
    prefix_re().match(t) (an empty prefix is a start of every text)."""
    return tuple(vocab()["signature_prefixes"])


@lru_cache(maxsize=1)
def locality_re() -> regex.Pattern:
    return compile_regex(r"(?<!\p{L})(?:" + _alt(vocab()["locality_words"]) + r")(?!\p{L})", regex.I)


def _any_of(key: str) -> regex.Pattern:
    """The case-insensitive alternation of vocab()[key]'s patterns (none: matches nothing)."""
    pats = vocab()[key]
    return compile_regex("|".join(f"(?:{p})" for p in pats) if pats else r"(?!)", regex.I)


@lru_cache(maxsize=1)
def unmarked_issuer_re() -> regex.Pattern:
    """An issuer's head line without capitals or marks (use with fullmatch)."""
    return _any_of("unmarked_issuer_lines")


@lru_cache(maxsize=1)
def site_menu_re() -> regex.Pattern:
    """A web page's menu, search box or breadcrumb line (use with search)."""
    return _any_of("site_menu_lines")


@lru_cache(maxsize=1)
def header_mark_re() -> regex.Pattern:
    marks = vocab().get("header_marks") or []
    if not marks:
        return compile_regex(r"(?!)")
    return compile_regex(r"^(?:" + _alt(marks) + r")(?:\s*[-,;/]?\s*(?:" + _alt(marks) + r"))*[.:]?$", regex.I)
