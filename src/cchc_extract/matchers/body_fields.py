"""Fields of a body mention: level and group from its words, canonical name.

Level rules (gold conventions, ANNOTATION.md and the corpus notes):
- a locality phrase ("trên địa bàn tỉnh", "trong toàn tỉnh") is not a level;
- "các cấp", "từ cấp X đến cấp Y", "địa phương" make a mixed-level group: other;
- otherwise the level words present decide; two different levels: other;
- none: the rule's default.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..startup_cache import compile_regex

_LOCALITY = compile_regex(r"\s*(?:(?:được tổ chức theo ngành dọc\s+)?(?:đóng\s+)?trên địa bàn|trong toàn)\b.*$")
_MIXED = compile_regex(r"các cấp|từ cấp \w+ đến cấp|địa phương")
# "bộ" of a province's military command ("Bộ Chỉ huy quân sự tỉnh", "Bộ CHQS") is no ministry
# (a ministry by its abbreviation after "thuộc": "các đơn vị trực thuộc BQP", lower-cased here)
_CENTRAL = compile_regex(r"trung ương|chính phủ|(?<!\w)bộ(?! phận)(?! chỉ huy)(?! chqs)(?!\w)|quốc gia|quốc hội"
                         r"|thuộc b(?:qp|ca|nv|tc|tp|yt|ct|xd|ng|gtvt|khcn|khđt|gdđt|gd&đt|tttt|tt&tt|tnmt|nnmt"
                         r"|vhttdl|lđtbxh)(?![\w&])")
_PROVINCE = compile_regex(r"(?<!\w)(?:tỉnh|sở)(?!\w)")
# TX, TT: thị xã, thị trấn as abbreviated before a name ("UBND TX Phú Thọ", "UBND TT Châu Thành");
# "TT" before a body is Thường trực ("TT HĐND tỉnh"), no locality
_DISTRICT = compile_regex(r"(?<!\w)(?:huyện|quận|thị xã|tx\.?(?=\s))(?!\w)")
_COMMUNE = compile_regex(r"(?<!\w)(?:xã(?! hội)|phường|thị trấn|đặc khu"
                         r"|tt\.?(?=\s)(?!\s(?:hđnd|ubnd|hội|ủy|tỉnh|huyện|thành|thị|đảng|ban|mttq)))(?!\w)")
_CITY = compile_regex(r"(?<!\w)(?:thành phố|tp\.?)(?:\s+(\p{L}[\p{L} ]*))?")
_CENTRAL_CITY = compile_regex(r"\s*trực thuộc (?:trung ương|tw)(?!\w)")
_GLUED = compile_regex(r"(ubnd|hđnd)(?=\p{L})")   # "UBNDtỉnh" (a typo) reads as "UBND tỉnh"
_UNIT = r"(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|đặc khu)"
_GROUP = compile_regex(r"^(?:các|những|thành viên)(?!\w)|(?<!\w)(?:các|những|một số)\s+(?!khu\b(?!\s+phố))|cấp (?:huyện|xã)"
                       r"|(?<![\w/.,])\d{1,3}\s+(?:xã|phường|huyện|quận|thị trấn)(?!\w)"     # "UBND 08 phường"
                       rf"|(?<!\w){_UNIT}\s*(?:,|-|\svà)\s*{_UNIT}(?!\w)"   # "UBND quận, huyện"
                       r"|^(?:hđnd|hội đồng nhân dân),? (?:và )?(?:ubnd|ủy ban nhân dân)")  # both councils


def _key(mention: str) -> str:
    # the matcher works on normalized text already: lower case and collapsed spaces suffice
    return " ".join(mention.lower().split())


def auto_level(mention: str, default: str, g) -> str:
    return _auto_level(_key(mention), default, tuple(g.lists.get("central_cities", ())))


@lru_cache(maxsize=4096)
def _auto_level(key: str, default: str, cities: tuple) -> str:
    t = _LOCALITY.sub("", _GLUED.sub(r"\1 ", key))
    t = _CENTRAL_CITY.sub("", t)   # "tỉnh, thành phố trực thuộc Trung ương" are provinces
    if _MIXED.search(t):
        return "other"
    levels = set()
    if _CENTRAL.search(t):
        levels.add("central")
    if _PROVINCE.search(t):
        levels.add("province")
    district = bool(_DISTRICT.search(t))
    for m in _CITY.finditer(t):
        after = (m.group(1) or "").strip()
        # a centrally-run city's name, unless the mention's districts place it among them
        # ("các huyện, thị xã, thành phố Huế" of a province before Huế was made one)
        if after and not district and any(after.startswith(c) for c in cities):
            levels.add("province")
        elif after or district or "province" not in levels:
            levels.add("district")      # a city inside a province ("huyện, thị xã, thành phố")
    if district:
        levels.add("district")
    if _COMMUNE.search(t.replace("thị xã", "thịxã")):
        levels.add("commune")
    if len(levels) == 1:
        return levels.pop()
    return "other" if levels else default


def auto_group(mention: str) -> bool:
    return bool(_GROUP.search(_key(mention)))


_ABBR_CACHE: dict[int, tuple] = {}


def _abbr_regex(g):
    key = id(g)
    if key not in _ABBR_CACHE:
        keys = sorted(g.abbreviations, key=len, reverse=True)
        rx = compile_regex(r"(?<![\p{L}\d])(" + "|".join(regex.escape(k) for k in keys) + r")(?![\p{Lu}\d])(\p{Ll})?")
        _ABBR_CACHE[key] = (rx, g.abbreviations)
    return _ABBR_CACHE[key]


def canonical_name(mention: str, g) -> str:
    """The mention with abbreviations expanded and spaces collapsed ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh")."""
    _abbr_regex(g)
    return _canonical(mention, id(g))


@lru_cache(maxsize=4096)
def _canonical(mention: str, gid: int) -> str:
    rx, table = _ABBR_CACHE[gid]
    text = rx.sub(lambda m: table[m.group(1)] + (" " + m.group(2) if m.group(2) else ""), mention)
    text = text.replace("&", " và ")
    if "Uy ban" in text:
        text = text.replace("Uy ban", "Ủy ban")     # the hook an OCR or a typist dropped ($ubnd)
    return " ".join(text.split())
