"""Render an upper-case header name in the sentence case of Phụ lục II (NĐ 30/2020).

"ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" -> "Ủy ban nhân dân tỉnh Hưng Yên";
"BAN CHỈ ĐẠO CCHC TỈNH" -> "Ban Chỉ đạo CCHC tỉnh".  Rules: abbreviations stay
as printed; the first word and fixed organisation names keep their capitals; a
proper name after a level word (tỉnh, huyện, …) is capitalised; after a head
word (Sở, Bộ, …) the field's first word and a word after "và" are capitalised; a province's
name ending the line is capitalised even without a level word ("SỞ Y TẾ QUẢNG NGÃI").
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..normalize import normalize
from .vocab import vocab
from ..startup_cache import compile_re, compile_regex

# onsets include the clusters of minority-language place names (Krông Bông, Plei Ku, Đắk Drông),
# and their final k (Đắk Lắk), so that "KRÔNG", "ĐẮK" read as words, not abbreviations kept in capitals
# (stdlib re: literal characters and classes of them only, so it matches what `regex` would,
# at a third of the cost per word)
_SYLLABLE = compile_re(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghkmpstv][lr]|[bcdđghklmnpqrstvx])?"
    r"[aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnptk])?$")


def is_abbreviation(token: str) -> bool:
    letters = "".join(filter(str.isalpha, token))     # filter/map: the loops run in C
    if len(letters) < 2 or not letters.isupper():
        return False
    return not _SYLLABLE.match(letters.lower())


@lru_cache(maxsize=1)
def _patterns():
    v = vocab()
    names = sorted([*v["org_names"], *v["fixed_terms"]], key=len, reverse=True)
    name_re = compile_regex(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\p{L})", regex.I)
    canon = {n.lower(): n for n in names}
    committees = ["tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "đảng ủy",    # a place name follows
                  "tỉnh đoàn", "thành đoàn", "huyện đoàn", "quận đoàn", "thị đoàn"]
    # a school's name follows its kind ("TRƯỜNG THCS HOẰNG ĐẠO" is "Trường THCS Hoằng Đạo")
    schools = ["trường " + k for k in ("thcs", "thpt", "th", "mn", "tiểu học", "mầm non", "mẫu giáo",
                                        "trung học cơ sở", "trung học phổ thông", "ptdtbt", "ptdtnt")]
    loc = sorted(list(v["locality_words"]) + committees + schools,
                 key=len, reverse=True)
    loc_re = compile_regex(r"(?<!\p{L})(" + "|".join(regex.escape(w) for w in loc) + r")((?:\s+\S+)+)$", regex.I)
    heads = sorted(v["org_heads"], key=len, reverse=True)
    # "bộ" of "Đảng bộ" is no head: "ĐẢNG BỘ TỈNH HÀ TĨNH" is "Đảng bộ tỉnh Hà Tĩnh"
    head_re = compile_regex(r"(?<!\p{L})(?<!đảng\s)(" + "|".join(regex.escape(h) for h in heads) + r")\s+(\p{Ll}+)", regex.I)
    locword = compile_regex(r"^(?:" + "|".join(regex.escape(w) for w in loc) + r")$", regex.I)
    after_va = compile_regex(r"(?<=\bvà\s)(\p{Ll})")
    return name_re, canon, loc_re, head_re, locword, after_va, _province_end()


def _province_end():
    """A province's name ending a header name, and its printed form by lower case (the bodies
    gazetteer's list: the one list of the provinces)."""
    from ..gazetteer import default_gazetteer
    provinces = default_gazetteer().lists.get("provinces", [])
    canon = {normalize(p).text.lower(): p for p in provinces}
    alt = "|".join(regex.escape(k) for k in sorted(canon, key=len, reverse=True))
    return compile_regex(r"(?<=\s)(?:" + alt + r")$", regex.I) if canon else None, canon


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def sentence_case(name: str) -> str:
    words = name.split()
    if not words:
        return ""
    if not any(is_upper_word(w) for w in words):
        return " ".join(words)          # already in normal case: keep as printed
    printed = " ".join(w if is_abbreviation(w) else w.lower() for w in words)
    # the rules run on the tone-folded form ("uỷ" -> "ủy") so that both spelling styles match;
    # only the resulting capitals are carried back onto the printed letters
    folded = normalize(printed).text
    if len(folded) != len(printed):
        folded = printed
    cased = _case_rules(folded)
    if len(cased) != len(printed):
        return cased
    out = "".join([p.upper() if c.isupper() else p for p, c in zip(printed, cased)])
    if all(is_upper_word(w) or is_abbreviation(w) for w in words):
        return out
    # a word printed in normal case beside upper-case lines ("Uy ban nhan dan" read without its marks
    # over "TỈNH QUẢNG TRỊ") keeps its printed form: the rules know no unmarked names
    kept = []
    for w, c in zip(words, out.split(" ")):
        kept.append(c if is_upper_word(w) or is_abbreviation(w) else w)
    return " ".join(kept)


def _case_rules(s: str) -> str:
    name_re, canon, loc_re, head_re, locword, after_va, (province_re, provinces) = _patterns()
    # the first head only: in "Sở Nội vụ tỉnh …" the "vụ" of the field is no head of its own
    s = head_re.sub(lambda m: _cap(m.group(1)) + " " + _cap(m.group(2)), s, count=1)
    s = after_va.sub(lambda m: m.group(1).upper(), s) if head_re.search(s) else s
    s = name_re.sub(lambda m: canon.get(m.group(0).lower(), m.group(0)), s)
    m = loc_re.search(s)
    names = [n.span() for n in name_re.finditer(s)] if m else ()
    while m and any(a <= m.start(1) and m.end(1) < b for a, b in names):   # "xã" of "Xã hội" is none
        m = loc_re.search(s, m.start(1) + 1)
    if m:
        tail = " ".join(w if is_abbreviation(w) or locword.match(w) else _cap(w) for w in m.group(2).split())
        # "Quận 1": named by its number; "Thành phố Hồ Chí Minh": named after a person (Phụ lục II)
        level = _cap(m.group(1)) if tail.isdigit() or tail in _NAMED_AFTER_PEOPLE else m.group(1)
        s = s[:m.start(1)] + level + " " + tail
    elif province_re is not None:   # no level word: "Sở Y tế Quảng Ngãi", "Công an Hà Tĩnh"
        p = province_re.search(s)
        if p:
            s = s[:p.start()] + " ".join(map(_cap, p.group(0).split()))
    return _cap(_COUNTRY.sub("Việt Nam", s))


# place names that are a person's name: the level word before them is capitalised too
_NAMED_AFTER_PEOPLE = frozenset({"Hồ Chí Minh"})
_COUNTRY = compile_regex(r"(?<!\p{L})việt\ nam(?!\p{L})")   # "BẢO HIỂM XÃ HỘI VIỆT NAM": the country's name


def is_upper_word(w: str) -> bool:
    letters = "".join(filter(str.isalpha, w))
    return len(letters) >= 2 and all(map(str.isupper, letters))
