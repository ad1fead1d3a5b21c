"""A body named with its place alone, when the place is the document's own.

A district's plan writes "Kho bạc Nhà nước Vị Xuyên", "Viettel Vị Xuyên", "Trung tâm Viễn thông Vị
Xuyên": the branch of a body in the district, named without "huyện".  A bare capitalised name
after a body is read as its place only when the document's issuer (or the body above it) names
that unit with its kind ("Ủy ban nhân dân huyện Vị Xuyên"): elsewhere a capitalised word after a
body may open the next name or sentence.  (A province's name needs none of this: the gazetteer's
locality list already has it, so "thành phố" here is a city inside a province.)
"""
from __future__ import annotations

from typing import Callable

import regex

from ..startup_cache import compile_regex
from . import Found, MatchContext

# a unit word and the name after it in the issuer ("… huyện Vị Xuyên", "UBND tỉnh Hà Giang")
_UNIT_NAME = compile_regex(r"\b(?P<kind>tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\s+"
                           r"(?P<name>\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){0,3})", regex.V1)
_LEVEL = {"tỉnh": "province", "thành phố": "district", "huyện": "district", "quận": "district",
          "thị xã": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune"}
# bodies whose level becomes their place's: a national body's local branch ("Kho bạc Nhà nước Vị
# Xuyên"); an enterprise's branch stays "other", as the corpus keeps Bưu điện and Viettel
_PLACED_LEVELS = ("central",)


def own_places(ctx: MatchContext) -> dict[str, str]:
    """{name: level} of the units the document's issuer names."""
    meta = getattr(ctx.layout, "metadata", None)
    out: dict[str, str] = {}
    for value in (getattr(meta, "issuer", None), getattr(meta, "parent_issuer", None)):
        for m in _UNIT_NAME.finditer(value or ""):
            out.setdefault(m.group("name"), _LEVEL[" ".join(m.group("kind").split())])
    return out


def with_own_places(ctx: MatchContext, found: list[Found], canonical: Callable[[str], str]) -> None:
    """Extend each body followed by " <one of the document's own unit names>" over the name."""
    places = None
    text = ctx.text
    for f in found:
        nxt = text[f.end:f.end + 2]
        if len(nxt) < 2 or nxt[0] not in " \n" or not nxt[1].isupper():
            continue        # most bodies: no capitalised word after them
        if places is None:
            places = own_places(ctx)
            if not places:
                return
        for name, level in places.items():
            end = f.end + 1 + len(name)
            # across a line break only where the sentence goes on (a wrapped line, not the next entry)
            if text[f.end + 1:end] == name and not text[end:end + 1].isalnum() and (
                    nxt[0] == " " or (text[end:end + 1] == " " and text[end + 1:end + 2].islower())):
                f.end = end
                fields = {**f.fields, "canonical": canonical(text[f.start:end])}
                if fields.get("level") in _PLACED_LEVELS and not fields.get("group"):
                    fields["level"] = level
                f.fields = fields
                break
