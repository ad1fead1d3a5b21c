"""Item labels at the start of a paragraph: I. / Điều 1. / 1. or 1) / 1.2. / a) or a. / - / +,
the ordinal words of a chỉ thị's tasks: "Một là, …" / "Thứ nhất, …" (label "Một là"), and a plan's
tasks numbered with their noun: "Nhiệm vụ 1: …", "Chỉ tiêu 2: …" (label "Nhiệm vụ 1").

Điểm letters follow the Vietnamese alphabet (no f, j, w, z; no letters with
diacritics other than đ), per Nghị định 30/2020 Phụ lục I.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..startup_cache import compile_re, compile_regex

LETTERS = "abcdđeghiklmnopqrstuvxy"
LETTER_ORDER = {c: i for i, c in enumerate(LETTERS)}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

# Rank = depth class: a label pops every open item of equal or larger rank.  Parts come above
# all (Phần, Chương, a Party letter's "A. TÌNH HÌNH", Mục, Tiểu mục); ordinal words ("Một là")
# list a section's tasks under its heading, above any a) inside them.
RANK = {"part": 2, "chapter": 4, "letter_part": 5, "section": 6, "subsection": 8,
        "roman": 10, "dieu": 15, "decimal": 20, "multilevel": 20, "named": 30, "ordinal": 35, "letter": 40}
BULLETS = ("dash", "plus", "bullet")    # bullet: "•" and the like, or "* " (a markdown list)
BULLET_SIGNS = "•▪◦●○■□►➢✓"              # the signs of kind bullet besides "*" (roles and directives too)
# pictographs a chat copy marks its lines with ("🔹 Chủ trì …", "✅ Thông báo …", "📌 1. …"): arrows, dingbats,
# symbols and emoji, as a regex class (a variation selector may follow one: "➡️")
PICTOGRAPHS = "\u2190-\u2bff\U0001f000-\U0001faff"
_PICTOGRAPH_LINE = compile_regex(rf"[{PICTOGRAPHS}]\ufe0f?(?=[ \t]+\S)")

_LABEL = compile_regex(
    r"(?P<dieu>Điều\s++(?P<dn>\d{1,3})\s*+[.:])(?=\s|$)"
    # a typist's missing space ("3.Sở Tư pháp", "II.NHIỆM VỤ", "a)Tổ chức"): a capital right after
    # the mark still opens the item (structure warns W215)
    r"|(?P<roman>(?P<rn>[IVXL]{1,6}+)\.)(?=\s|\p{Lu})"
    r"|(?P<multi>(?P<mn>\d{1,2}+(?:\.\d{1,2}+)++)(?:\.|-(?=[ \t]+\p{Lu}))?)(?=\s)"      # "2.1-": Party numbering
    # ("1/" never glued: "01/NQ-CP" opens a wrapped line)
    # "1." and, less often, "1)" or "1/"; a Party document's "1-" before a capital ("1- Tăng cường …")
    r"|(?P<dec>(?P<dn2>\d{1,2}+)(?:[.)/](?=\s+\S)|[.)](?=\p{Lu})|-(?=[ \t]+\p{Lu})))"
    r"|(?P<letter>(?P<ln>[a-dđeg-ik-vxy])(?:[)./](?=\s+\S)|[).](?=\p{Lu})))"  # "a)"; less often "a." or "a/"
    r"|(?P<dash>-)(?=\s+\S)"
    r"|(?P<plus>\+)(?=\s+\S)"
    # Word's second-level bullet, a letter "o" once the list is copied as text, before a capital
    rf"|(?P<bullet>[{BULLET_SIGNS}]|\*(?!\*)|o(?=\s+\p{{Lu}}))(?=\s+\S)"
)


@dataclass(slots=True)      # one per distinct labelled line: no instance dict to build and free
class Label:
    text: str       # as written, e.g. "1.2." / "a)" / "-"
    kind: str       # roman, dieu, decimal, multilevel, letter, dash, plus, bullet
    key: str        # path component: "II", "1", "1.2", "a", "Điều 1"; bullets get -N later
    end: int        # offset (in the line) after the label
    number: int = 0  # value for ordering checks (roman/decimal/letter/dieu)

    @property
    def rank(self) -> float:
        if self.kind == "multilevel":
            return RANK["decimal"] + 5 * self.key.count(".")
        return RANK.get(self.kind, 100)


def roman_value(s: str) -> Optional[int]:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    if total <= 0 or total > 40 or to_roman(total) != s:
        return None
    return total


def to_roman(n: int) -> str:
    out = []
    for v, s in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


_FIRST = frozenset("-+IVXLĐ0123456789*o" + BULLET_SIGNS)
# _LABEL's groups by number: `regex` reads a group name as a number first, and the failed
# conversion (an error message formatted, then dropped) costs more than the match
_G = dict(_LABEL.groupindex)


_MEMO: dict[str, Optional[Label]] = {}
_UNSEEN = object()
_MEMO_MAX = 50_000


def reset_memo() -> None:
    """Forget memoized labels (called once per document: keeps memory bounded)."""
    _MEMO.clear()


def match_label(text: str) -> Optional[Label]:
    """The label opening a stripped paragraph, or None.  Several passes (segmenter, footer,
    notes, item tree) ask about the same line: answers are memoized (a Label is never mutated)."""
    lab = _MEMO.get(text, _UNSEEN)       # (no KeyError raised: half the calls are first asks)
    if lab is not _UNSEEN:
        return lab
    lab = _match_label(text)
    if len(_MEMO) < _MEMO_MAX:
        _MEMO[text] = lab
    return lab


_LETTER_SET = frozenset(LETTERS)         # what the `letter` alternative's first character accepts
_LETTER_MARKS = (")", ".", "/")          # what may close a letter label ("a)", "a.", "a/"; not "")

# a plan's tasks or targets numbered with their noun: "Nhiệm vụ 1: …", "Chỉ tiêu 2: …" (label
# "Nhiệm vụ 1", kind named), under a section or a numbered item, above its a) and dashes
# (a guidance's steps likewise: "Bước 1: Rà soát hiện trạng …", two blind annotators of two)
_NAMED = compile_regex(r"(?P<named>(?:Nhiệm vụ|Chỉ tiêu|Giải pháp|Mục tiêu|Nội dung|Bước) (?P<nn>\d{1,2}))"
                       r"(?=\s*[:.]\s*\S)")
_NAMED_STARTS = ("Nhiệm vụ ", "Chỉ tiêu ", "Giải pháp ", "Mục tiêu ", "Nội dung ", "Bước ")

# "Một là, …" … "Mười là, …" and "Thứ nhất, …" … "Thứ mười, …", followed by their comma
_ORDINAL_VALUES = {w: i for i, w in enumerate(
    ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"), 1)}
_ORDINAL = compile_regex(
    r"(?P<ordinal>(?P<cardinal>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là"
    r"|Thứ\s+(?P<nth>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))(?=\s*,\s*\S)"
    r"(?!\s*,\s*ngày\b)")      # "Thứ hai, ngày 12/6" is a weekday
_ORDINAL_STARTS = ("Một ", "Hai ", "Ba ", "Bốn ", "Năm ", "Sáu ", "Bảy ", "Tám ", "Chín ", "Mười ", "Thứ ")


def _ordinal_label(text: str) -> Optional[Label]:
    m = _ORDINAL.match(text)
    if m is None:
        return None
    word = (m.group("cardinal") or m.group("nth")).lower()
    value = 1 if word == "nhất" else 4 if word == "tư" else _ORDINAL_VALUES[word]
    key = " ".join(m.group("ordinal").split())
    return Label(key, "ordinal", key, m.end(), value)


def _match_label(text: str) -> Optional[Label]:
    if text.startswith(_ORDINAL_STARTS):   # a capitalised word: none of the other labels
        return _ordinal_label(text)
    if text.startswith(_NAMED_STARTS):
        m = _NAMED.match(text)
        return None if m is None else Label(m.group("named"), "named", m.group("named"), m.end(),
                                           int(m.group("nn")))
    if not text or (text[0] not in _FIRST and text[1:2] not in _LETTER_MARKS):
        if text and text[0] >= "\u2190":   # a pictograph opening a chat copy's line: its bullet
            m = _PICTOGRAPH_LINE.match(text)
            return None if m is None else Label(m.group(), "bullet", "-", m.end())   # path "-N", as a dash's
        return None                      # cheap test first: most lines are not labelled
    # the commonest labels, "a) x" and "- x", decided without the regex (the alternatives
    # start with distinct characters, so no earlier one can match these): a plain space
    # satisfies the lookahead's \s, and a letter or digit after it its \S
    c = text[0]
    if text[1:2] == ")" and c in _LETTER_SET and text[2:3] == " ":
        return Label(text[:2], "letter", c, 2, LETTER_ORDER[c])
    if (c == "-" or c == "+") and text[1:2] == " " and text[2:3].isalnum():
        return Label(c, "dash" if c == "-" else "plus", c, 1)
    m = _LABEL.match(text)
    if not m:
        return None
    kind = m.lastgroup                   # the outer group that matched (inner groups close first)
    group = m.group                      # by number: see _G
    if kind == "dieu":
        dn = group(_G["dn"])
        return Label(group(_G["dieu"]), "dieu", "Điều " + dn, m.end(), int(dn))
    if kind == "roman":
        rn = group(_G["rn"])
        v = roman_value(rn)
        return None if v is None else Label(group(_G["roman"]), "roman", rn, m.end(), v)
    if kind == "multi":
        key = group(_G["mn"])
        return Label(group(_G["multi"]), "multilevel", key, m.end(), int(key.rsplit(".", 1)[-1]))
    if kind == "dec":
        dn2 = group(_G["dn2"])
        return Label(group(_G["dec"]), "decimal", dn2, m.end(), int(dn2))
    if kind == "letter":
        c = group(_G["ln"])
        return Label(group(_G["letter"]), "letter", c, m.end(), LETTER_ORDER[c])
    if kind in BULLETS:
        return Label(group(_G[kind]), kind, group(_G[kind]), m.end())
    return None


def next_letter(c: str) -> Optional[str]:
    i = LETTER_ORDER.get(c)
    if i is None or i + 1 >= len(LETTERS):
        return None
    return LETTERS[i + 1]


# the sentence end is consumed rather than looked behind at (stdlib re, 2-3x faster); the
# scan then starts one character early so a label's own '.' can still end the sentence
_INLINE_SIBLING = compile_re(r"[.;!?]\s++(?P<lab>[a-dđeg-ik-vxy]\)|\d{1,2}\.)(?:\s++(?=\S)|\s*+$)")


def inline_siblings(text: str, label: Label) -> list[int]:
    """Offsets in `text` where the next sibling item starts on the same line.

    "... theo quy định. c) 95% người dân ..." holds items b) and c): a label that is
    the next letter (or next number, before a capital) in order and follows a
    sentence end opens a new item.
    """
    return sibling_starts(text, label.kind, label.key, label.number, max(label.end - 1, 0))


def sibling_starts(text: str, kind: str, key: str, number: int, pos: int = 0) -> list[int]:
    """inline_siblings for an item of this kind/key/number, scanning `text` from pos."""
    # literal tests first (one character, then the label): the first cut must be this label
    if kind == "letter":
        want = next_letter(key)
        if want is None or ")" not in text or want + ")" not in text:
            return []
    elif kind == "decimal":
        want = f"{number + 1}."
        if want[0] not in text or want not in text:
            return []
    else:
        return []
    cuts = []
    for m in _INLINE_SIBLING.finditer(text, pos):
        lab = m.group("lab")
        if kind == "letter" and want and lab[0] == want and lab.endswith(")"):
            cuts.append(m.start("lab"))
            want = next_letter(want)
        elif kind == "decimal" and lab == want and text[m.end():m.end() + 1].isupper():
            # (a number at a line end is too ambiguous: it must be followed by its capital)
            cuts.append(m.start("lab"))
            want = f"{int(want[:-1]) + 1}."
    return cuts
