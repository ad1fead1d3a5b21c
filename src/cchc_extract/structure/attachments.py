"""Documents attached after the signature (NĐ 30/2020, Phụ lục I: an attached document
carries "(Kèm theo Quyết định số … ngày … của …)" under its title).

A Quyết định "ban hành kèm theo" a Kế hoạch, Quy chế or Chương trình is followed, after
its signature and Nơi nhận, by that document: its own header block, a title line
("KẾ HOẠCH"), the subject, the "(Ban hành kèm theo …)" line and a body with numbered
items.  Those items are tasks of the main document.  Their paths are their labels
("II/1/a"); each attachment also gets a prefix named after its type ("kh/"), which
analysis puts before its paths only where they would repeat the main document's items
("1", "II/1") or an earlier attachment's.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..startup_cache import compile_regex
from ..chartest import CharTest
from .lines import Line
from .segment import NUMBER_RE, DATE_RE, is_upper
from .vocab import doc_type_line_re, doc_type_opening_re, header_mark_re, motto_search, prefix_re, vocab

# "(Ban hành kèm theo Quyết định số …", "Kèm theo Công văn số …", "(Kèm theo Kế hoạch này)"
_ATTACHED_TO = compile_regex(
    r"^[(\[]?\s*(?:được\s+)?(?:ban\s+hành\s+)?kèm\s+theo\s+(?:quyết\s+định|công\s+văn|kế\s+hoạch|nghị\s+quyết"
    r"|chỉ\s+thị|thông\s+báo|tờ\s+trình|văn\s+bản|chương\s+trình|đề\s+án|quy\s+chế|hướng\s+dẫn)\b", regex.I)
# what an _ATTACHED_TO match can start with: a bracket, a space, or the first letter of
# "được", "ban" or "kèm" (same flags): a necessary condition, tested by the first character
_ATTACHED_FIRST = CharTest(compile_regex(r"[(\[\s]|đ|b|k", regex.I))
_RULE = compile_regex(r"^[-_=*.\s]+$")          # a separator line under the header cells
# an appendix of the document ("PHỤ LỤC", "PHỤ LỤC II", "PHỤ LỤC SỐ 01") with its "(Kèm theo …)" line
# (or "Phụ lục" alone on its line: a title-case mark over the appendix's capitalised title)
_ANNEX_TITLE = compile_regex(r"^\W*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:(?:SỐ|Số|số)\s+)?(?:[IVXLC]+|\d{1,2}))?\W*$")
TITLE_REACH = 4      # non-blank lines from the "kèm theo" line up to the title (subject lines between)
HEADER_REACH = 12    # lines above the title that may still be its header block


@dataclass
class Attachment:
    start: int          # index of the first line (its header block, else its title)
    title: int          # index of the title line ("KẾ HOẠCH")
    prefix: str         # path prefix of its items where their labels would collide: "kh/"


def find_attachments(lines: list[Line], lo: int, hi: int) -> list[Attachment]:
    """Attached documents that start in lines[lo:hi] (lo: the main body's first line).

    The "kèm theo" lines are found first (a first-character and a substring test per line), and
    a title is looked for only above them: most documents have none, and then this costs one pass."""
    found: list[Attachment] = []
    used: dict[str, int] = {}
    for k in range(lo, hi):
        t = lines[k].text
        if _ATTACHED_FIRST.starts(t) and ("kèm" in t or "Kèm" in t or "KÈM" in t) and _ATTACHED_TO.match(t):
            title = _title_above(lines, k, max(lo, found[-1].title + 1 if found else lo))
            if title is not None:
                start = _header_start(lines, title, found[-1].title + 1 if found else lo)
                found.append(Attachment(start, title, _prefix(lines[title].text, used)))
    return found


def _title_above(lines: list[Line], k: int, floor: int) -> int | None:
    """The title line ("KẾ HOẠCH") within TITLE_REACH non-blank lines above line k."""
    title_re = doc_type_line_re()
    seen = 0
    for j in range(k - 1, floor - 1, -1):
        t = lines[j].text
        if not t:
            continue
        if title_re.match(t) and is_upper(t) or _ANNEX_TITLE.match(t) \
                or is_upper(t) and doc_type_opening_re().match(t):   # "KẾ HOẠCH TIẾN HÀNH THANH TRA"
            return j
        seen += 1
        if seen >= TITLE_REACH:
            return None
    return None


def _header_start(lines: list[Line], title: int, floor: int) -> int:
    """The first line of the attachment's header block above its title: issuer lines in
    capitals, the motto, separator rules, "Số: …" and the place-date line."""
    start = title
    for j in range(title - 1, max(floor, title - HEADER_REACH) - 1, -1):
        t = lines[j].text
        if not t:
            continue
        if prefix_re().match(t):         # "KT. CHỦ TỊCH": the main document's signature
            break
        if (is_upper(t) or motto_search(t) or _RULE.match(t) or header_mark_re().match(t)
                or NUMBER_RE.search(t) or DATE_RE.search(t)):
            start = j
            continue
        break
    return start


def _prefix(title: str, used: dict[str, int]) -> str:
    """"kh/" for KẾ HOẠCH (a second one: "kh2/"); the codes are in rules/_structure.yaml."""
    codes = vocab().get("attachment_prefixes", {})
    key = " ".join(title.rstrip(":").split()).upper()
    if _ANNEX_TITLE.match(key):
        key = "PHỤ LỤC"            # numbered appendices share the prefix: annex/, annex2/, …
    elif key not in codes and (m := doc_type_opening_re().match(key)) is not None:
        key = m.group("type")      # a title with its subject: its type words name the prefix
    base = str(codes.get(key, "att"))
    used[base] = used.get(base, 0) + 1
    n = used[base]
    return f"{base}/" if n == 1 else f"{base}{n}/"
