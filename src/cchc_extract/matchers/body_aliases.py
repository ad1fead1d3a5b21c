"""Short names a document defines for a body, and their later uses.

"Trung tâm Phục vụ hành chính công xã (sau đây gọi là Trung tâm)", "Ban Quản lý dự án đầu tư
xây dựng thành phố (Ban QLDA)": each later "Trung tâm" or "Ban QLDA" names that body, with its
level and group.  A bare parenthesis defines a short name only when it is an abbreviation (a
word of two capitals or more); "sau đây gọi là …" defines any capitalised one.  "gọi chung là"
names a class of several bodies, read elsewhere (directives, roles).
"""
from __future__ import annotations

from typing import Callable

import regex

from ..startup_cache import compile_regex
from . import Found

_DEFINES = compile_regex(
    r"[ \t]?\((?P<lead>(?:sau\s+đây\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s+)?"
    r"(?P<alias>\p{Lu}[\p{L}\d&.-]*(?:[ \t][\p{L}\d&.-]+){0,5})\)", regex.V1)
_ABBREVIATION = compile_regex(r"\p{Lu}[\p{Lu}.&-]*\p{Lu}")     # QLDA, P.TCKH, KH&ĐT
# the words that tie a defined name's head to the body it serves ("Tổ Thư ký giúp việc Hội đồng …"),
# and the heads that are bodies ("Bộ Chỉ số … của các cơ quan" is an index)
_TIES = compile_regex(r"[ \t](?:giúp\s+việc(?:\s+cho)?|trực\s+thuộc|thuộc)[ \t]", regex.V1)
_HEADS = ("Tổ ", "Ban ", "Hội đồng ", "Đoàn ", "Nhóm ", "Văn phòng ", "Trung tâm ", "Phòng ", "Bộ phận ",
          "Ủy ban ", "Cục ", "Vụ ", "Chi cục ", "Chi nhánh ", "Cơ quan ")
# a filing code ("Lưu: VT, TCCB.") names the drafting office's code, no body
_FILING = compile_regex(r"[-+•*\s]*Lưu\b", regex.V1)
_REACH = 48     # how far before the body the defined name's own head may start


def add_defined_aliases(text: str, found: list[Found], canonical: Callable[[str], str]) -> list[Found]:
    """found, plus every later use of a short name a body in it defines (sorted by start)."""
    if "(" not in text:
        return found
    aliases: list[tuple[int, str, Found]] = []      # (where the short name is defined, name, body)
    for f in found:
        if text[f.end:f.end + 2].lstrip(" \t")[:1] != "(":
            continue
        m = _DEFINES.match(text, f.end)
        if m is None:
            continue
        alias = m.group("alias").rstrip(".")
        body = f
        if not m.group("lead"):
            if not _ABBREVIATION.search(alias):
                continue             # "(Phòng Cải cách hành chính)": an aside, no short name
            if _field_initials(text[f.start:f.end], alias):
                continue             # "Bộ Giáo dục và Đào tạo (GDĐT)": the field's short name, no body's
        elif alias.lower() not in text[f.start:f.end].lower():
            body = _own_head(text, f, alias, canonical)
            if body is None:
                continue             # the short name is of something else
        aliases.append((m.start("alias"), alias, body))     # its own mention in the brackets too
    if not aliases:
        return found
    taken = sorted((f.start, f.end) for f in found)
    added: list[Found] = []
    for after, alias, body in aliases:
        for s in _uses(text, alias, after):
            e = s + len(alias)
            if any(ts < e and s < te for ts, te in taken):
                continue
            if _FILING.match(text, text.rfind("\n", 0, s) + 1):
                continue
            taken.append((s, e))
            added.append(Found(s, e, "alias.defined", dict(body.fields), body.priority))
    if body_replaced := [b for _, _, b in aliases if b not in found]:
        found = [f for f in found if not any(b.start <= f.start and f.end <= b.end for b in body_replaced)]
        found += body_replaced
    return sorted(found + added, key=lambda f: f.start)


def _field_initials(name: str, alias: str) -> bool:
    """The alias is the initials of a ministry's or department's field ("GDĐT" of "Bộ Giáo dục và
    Đào tạo", "TN&MT" of "Sở Tài nguyên và Môi trường"): it abbreviates the field, which the
    document then writes after other heads ("Sở GDĐT", "Phòng GDĐT").  An office's field initials
    ("Phòng Tổ chức cán bộ (TCCB)") stand for the office itself."""
    head, *words = name.split()
    words = [w for w in words if w not in ("và", "-", "&")]
    letters = [c for c in alias if c.isalpha()]
    return head in ("Bộ", "Sở") and len(words) >= 2 and [w[0].upper() for w in words] == letters


def _uses(text: str, alias: str, start: int):
    """Where alias stands as whole words in text from start (a plain search: an alias is the
    document's own, a pattern compiled for it would serve this document only)."""
    at = text.find(alias, start)
    while at >= 0:
        end = at + len(alias)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            yield at
        at = text.find(alias, end)


def _own_head(text: str, f: Found, alias: str, canonical: Callable[[str], str]) -> Found | None:
    """The body the short name stands for when it names a head serving f ("Tổ Thư ký giúp việc
    Hội đồng thẩm định Trung ương (sau đây gọi là Tổ Thư ký)"): from the head to f's end."""
    if not (alias + " ").startswith(_HEADS):
        return None
    lo = max(0, f.start - _REACH)
    at = text.rfind(alias, lo, f.start)
    if at < 0 or (at and (text[at - 1].isalnum())) or not _TIES.search(text, at + len(alias), f.start + 1):
        return None
    if any(c in text[at:f.start] for c in ".;:\n"):
        return None
    fields = dict(f.fields)
    fields["canonical"] = canonical(text[at:f.end])
    fields["group"] = False
    return Found(at, f.end, "alias.head", fields, f.priority)
