"""The numbered item tree of the body: labels, paths, own text (rejoined), regions."""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

import regex

from ..models import Warning_
from ..normalize import NormalizedText
from ..startup_cache import compile_regex
from . import ItemNode
from .labels import BULLETS, LETTER_ORDER, LETTERS, Label, inline_siblings, match_label, roman_value, sibling_starts, to_roman
from .lines import Line
from .segment import ends_sentence, starts_lower
from .text import clean
from .warnlimit import Warner

_NOTE_ONLY = compile_regex(r"^\(.*\)[.;]?$")               # "(Nhiệm vụ cụ thể theo Phụ lục đính kèm)."
# a part of the body, a level above its I./1. items: "PHẦN I. KẾT QUẢ …", "Chương II", "Mục 1",
# a Party letter's "A. TÌNH HÌNH"; its title, if any, opens with a capital ("Phần II của Kế hoạch …"
# is a sentence)
_SECTION = compile_regex(r"^(?:(?P<word>PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|Tiểu mục)\s+(?P<num>[IVXL]+|\d+|(?:thứ|Thứ|THỨ)\s+\p{L}+)\b"
                         r"(?P<punct>\s*[.:]|\s*-(?=\s))?(?=\s*(?:\p{Lu}|$))"
                         r"|(?P<letter>[A-ZĐ])(?P<dot>\.)\s+\p{Lu}{2,})")
_SECTION_KIND = {"phần": "part", "chương": "chapter", "mục": "section", "tiểu mục": "subsection"}
# what a _SECTION match starts with: one of its words, or a capital and "." (C-speed tests first)
_SECTION_WORDS = ("PHẦN", "Phần", "CHƯƠNG", "Chương", "MỤC", "Mục", "Tiểu mục")
_SECTION_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def _may_be_section(text: str) -> bool:
    """A necessary condition for _SECTION.match(text)."""
    return text.startswith(_SECTION_WORDS) or (text[1:2] == "." and text[0] in _SECTION_FIRST)
_BRACKET_MARK = compile_regex(r"\[\^?\d{1,3}\]")
# the sign a bullet's path is written with, where it is not the bullet's own (held-out golds: "•"
# items pathed "-N" 24 times in three documents, "•N" 7 times in two; "*" keeps its own, 42 to 30)
PATH_SIGN = {"•": "-"}


class _Open:
    """An item still open on the stack, with what its children so far tell."""
    __slots__ = ("node", "label", "kind", "rank", "bullets", "letters", "decimals", "cont")

    def __init__(self, node: ItemNode, label: Label, rank: float):
        self.node = node
        self.label = label
        self.kind = label.kind        # the label's kind and rank, read at every push and pop
        self.rank = rank              # label.rank (a computed property: the caller has it)
        self.bullets: dict = {}       # sign ("-", "+", "•", "o") -> count of bullet children
        self.letters: list = []       # letter numbers of letter children seen
        self.decimals: list = []
        self.cont: list = []          # indexes into node.parts of new-paragraph continuations


class TreeBuilder:
    def __init__(self, text: str, prefix: str = ""):
        self.text = text
        self.prefix = prefix
        self.items: list[ItemNode] = []
        self.warn = Warner()
        self.paths: set[str] = set()
        self.by_path: dict[str, ItemNode] = {}    # this builder's items (paths are unique)
        self.dups: dict[str, int] = {}
        self.restarts: list[tuple[ItemNode, int]] = []   # (parent, index of the first item) of each restarted list
        self.stack: list[_Open] = []
        root = Label("", "root", "", 0)
        self.root = _Open(ItemNode("", "", "root", 0, None, 0, 0, ""), root, root.rank)
        self.current: Optional[_Open] = None
        self.gap = False          # a footnote block or blank run since the last content line
        self.mark_re = _BRACKET_MARK
        # the text of each (start, end) range, and the indexes of those that had marks cut
        # out: build_items reads the original instead
        self.sources = lambda spans: ([text[s:e] for s, e in spans], ())
        self.nfc = False          # uncut texts from `sources` are NFC (NormalizedText.nfc_quick)
        self.plain = False        # ... and made of plain characters (NormalizedText.plain)
        self.spaced = False       # ... and single-spaced (NormalizedText.spaced)
        self.note_gap = False     # the gap holds a footnote block (a page foot)
        self.last_open = False    # the last content line ends without sentence punctuation

    # -- the stack -----------------------------------------------------------
    def _parent_for(self, lab: Label, rank: float) -> _Open:
        st = self.stack
        kind = lab.kind
        if kind in BULLETS:
            # a bullet's sibling has its sign ("•" under "-", "o" under "•" nest): signs of
            # kind bullet differ from each other as "-" from "+"
            for i in range(len(st) - 1, -1, -1):
                if st[i].kind == kind and st[i].label.text == lab.text:
                    del st[i:]
                    break
                if st[i].kind not in BULLETS:
                    break
            return st[-1] if st else self.root
        while st and (st[-1].kind in BULLETS or st[-1].rank >= rank):
            st.pop()
        if kind == "multilevel":
            head = lab.key.rsplit(".", 1)[0]
            # "2.1." never sits under "1.": drop decimals whose number is not its prefix
            while st and st[-1].kind in ("decimal", "multilevel") and st[-1].label.key != head:
                st.pop()
        return st[-1] if st else self.root

    def add_item(self, lab: Label, start: int, end: int, under: Optional[_Open] = None) -> None:
        """Open an item; `under` (an open item) is its parent whatever the ranks say."""
        rank = lab.rank
        if under is not None:
            self.close_above(under)
            parent = under
        else:
            parent = self._parent_for(lab, rank)
        kind = lab.kind
        ppath = parent.node.path
        if kind in BULLETS:
            # a round bullet is pathed as a dash ("1/-2"), as most annotators write it; it shares
            # the dash's count under one parent, so the two never give one path twice
            sign = PATH_SIGN.get(lab.text, lab.text) if lab.key != "-" else "-"   # (a pictograph's key: see labels)
            n = parent.bullets.get(sign, 0) + 1
            parent.bullets[sign] = n
            key = f"{sign}{n}"
            path = f"{ppath}/{key}" if ppath else f"{self.prefix}{key}"
        else:
            key = lab.key
            seen = parent.letters if kind == "letter" else parent.decimals if kind == "decimal" else None
            path = f"{ppath}/{key}" if ppath else f"{self.prefix}{key}"
            if seen is not None and path in self.paths and self._repeats(path, start, end):
                seen = None      # an item pasted again word for word: its copy, not a restarted list
            if seen is not None:
                if seen and lab.number <= seen[-1]:
                    if not self.warn.over("W203"):      # (a message is made only when kept)
                        self.warn.add("W203", f"list restarts at {lab.text} with no parent heading; attached "
                                      f"to {parent.node.path or 'the top level'}", span=(start, start + len(lab.text)))
                    self._drop_lead_in()
                    if lab.number == (0 if kind == "letter" else 1) and parent.node.path:   # "1." or "a)" again
                        self.restarts.append((parent.node, len(self.items)))
                elif seen and lab.number > seen[-1] + 1:
                    # numbers skipped: the headings in between were lost with their text
                    if not self.warn.over("W203"):
                        self.warn.add("W203", f"numbering skips to {lab.text}: headings in between are missing",
                                      span=(start, start + len(lab.text)))
                    self._drop_lead_in()
                seen.append(lab.number)
        echoed = None
        if path in self.paths and not path.startswith("dup/") and self._repeats(path, start, end):
            # the same labelled line again (a block pasted twice): the copy, as the corpus marks it
            if not self.warn.over("W204"):
                self.warn.add("W204", f"item {path} is repeated word for word; the copy is dup/{path}",
                              span=(start, start + len(lab.text)))
            first = self.by_path[path]
            if self.items and self.items[-1] is first and len(first.parts) == 1:
                echoed = first   # a heading printed twice in a row: what follows is the first's
                # (not a whole item pasted twice, heading and paragraph: the copy keeps its own text)
            path = f"dup/{path}"
        if path in self.paths:
            base = path
            k = self.dups.get(base, 1) + 1
            while f"{base}~{k}" in self.paths:
                k += 1
            self.dups[base] = k
            path = f"{base}~{k}"
            if not self.warn.over("W204"):
                self.warn.add("W204", f"duplicate item path {base} made unique as {path}",
                              span=(start, start + len(lab.text)))
        self.paths.add(path)
        # positional: label, path, kind, depth, parent, start, end, text, parts
        node = ItemNode(lab.text, path, kind, len(self.stack) + 1, ppath or None, start, end, "",
                        [(start, end)])
        node.quoted = under is not None
        self.items.append(node)
        self.by_path[path] = node
        # a heading printed twice in a row ("II. NHIỆM VỤ" / "II. NHIỆM VỤ"): the copy is an item
        # of its own, and the items below stay the first one's (it has none yet)
        op = _Open(echoed if echoed is not None else node, lab, rank)
        self.stack.append(op)
        self.current = op
        self.gap = False

    def close_above(self, item: _Open) -> None:
        """Close the items opened after `item` (still open), which becomes the current one."""
        st = self.stack
        for i in range(len(st) - 1, -1, -1):
            if st[i] is item:
                del st[i + 1:]
                self.current = item
                return

    def _repeats(self, path: str, start: int, end: int) -> bool:
        """The item already at `path` opens with the same line as the one at start..end."""
        first = self.by_path.get(path)
        return first is not None and self.text[first.start:first.end] == self.text[start:end]

    def _drop_lead_in(self) -> None:
        """Paragraphs just before a restarted list belong to its lost heading, not the item above."""
        cur = self.current
        if cur and cur.cont:
            cut = cur.cont[0]
            del cur.node.parts[cut:]
            cur.cont.clear()

    def add_text(self, ln: Line, same_paragraph: bool, rejoin: bool = False) -> bool:
        """Append an unlabelled paragraph to the current item; False when there is none.

        same_paragraph: the line goes on with the sentence above (not a new paragraph);
        rejoin: it does so across a page break or footnote block (warned as W207).
        """
        cur = self.current
        if cur is None:
            return False
        if ln.text[:1] == "(" and _NOTE_ONLY.match(ln.text) and not self._heading_only(cur):   # a cheap test first
            return True   # a note on the text above ("(Nhiệm vụ cụ thể theo Phụ lục)"): no item's own text
        if same_paragraph:
            if self.gap and rejoin:
                self.warn.add("W207", span=(ln.start, ln.end))
        else:
            cur.cont.append(len(cur.node.parts))
        cur.node.parts.append((ln.start, ln.end))
        self.gap = False
        return True

    def _heading_only(self, cur: _Open) -> bool:
        """The item so far is one heading line ("III. NHIỆM VỤ CỤ THỂ"): a note line under it
        ("(Chi tiết tại bảng dưới đây)") says what the heading holds, and is its text."""
        parts = cur.node.parts
        if len(parts) != 1:
            return False
        s, e = parts[0]
        return not self.text[s:e].rstrip().endswith((".", ";", ":", "!", "?", ")"))

    # -- finishing -----------------------------------------------------------
    def _fill_lost_headings(self) -> None:
        """A list restarted under P whose section ends where P's next sibling is P + 2 ("II. …" with 1-4,
        then "1. Văn phòng Bộ …" to "7.", then "IV. …") was under the lost heading P + 1: its items are
        pathed under it ("III/1", as annotators write them), their copies made unique as dup/ paths."""
        for parent, first in reversed(self.restarts):
            number = _number_of(parent)
            if number is None:
                continue
            nxt = next((k for k in range(first, len(self.items)) if self.items[k].parent == parent.parent
                        and self.items[k].kind == parent.kind), None)
            if nxt is None or _number_of(self.items[nxt]) != number + 2:
                continue
            key = _key_of(parent.kind, number + 1)
            lost = f"{parent.parent}/{key}" if parent.parent else f"{self.prefix}{key}"
            old, taken = parent.path + "/", set(self.paths)
            renamed: dict[str, str] = {}
            for it in self.items[first:nxt]:
                dup = it.path.startswith("dup/")
                path = it.path[4:] if dup else it.path
                if not path.startswith(old):
                    continue
                parts = path[len(old):].split("/")
                parts[0] = parts[0].split("~")[0]         # "1~2": the restarted list's own "1"
                new = lost + "/" + "/".join(parts)
                if dup or new in taken:
                    new = "dup/" + new
                taken.add(new)
                renamed[it.path] = new
            if not renamed:
                continue
            for it in self.items[first:nxt]:
                if it.path in renamed:
                    it.path = renamed[it.path]
                    it.parent = lost if it.parent == parent.path else renamed.get(it.parent, it.parent)
            if not self.warn.over("W203"):
                self.warn.add("W203", f"the list restarted under {parent.path} is read under its lost heading {lost}")

    def finish(self) -> list[ItemNode]:
        if self.restarts:
            self._fill_lost_headings()
        by_path = {it.path: it for it in self.items}
        mark_re = self.mark_re
        paren_marks = mark_re is not _BRACKET_MARK      # "(n)" marks too, not only "[n]"
        texts, cut = self.sources([p for it in self.items for p in it.parts])   # one call: all parts
        k = 0
        for it in self.items:
            parts = it.parts
            n = len(parts)
            if n == 1:
                e = parts[0][1]
                joined = texts[k]
                spaced = self.spaced      # one slice of the original: no two adjacent spaces
            else:
                joined = " ".join(texts[k:k + n])
                e = max([e for _, e in parts])
                spaced = False
            # NFC as read unless marks were cut out (what was around them now meets)
            nfc = self.nfc and not (cut and any(j in cut for j in range(k, k + n)))
            k += n
            if "[" in joined or (paren_marks and "(" in joined):   # what a mark starts with
                joined, subs = mark_re.subn("", joined)
                nfc = nfc and not subs
            it.text = clean(joined, nfc=nfc, plain=self.plain, spaced=spaced)
            it.end = e
        for it in reversed(self.items):
            if it.parent and it.parent in by_path:
                p = by_path[it.parent]
                p.end = max(p.end, it.end)
        return self.items


def _number_of(node: ItemNode) -> Optional[int]:
    """The value of a roman, decimal or letter item's label ("III." 3, "2." 2, "b)" 2), else None."""
    key = node.label.rstrip(".)/-")
    if node.kind == "roman":
        return roman_value(key)
    if node.kind == "decimal":
        return int(key) if key.isdigit() else None
    if node.kind == "letter":
        i = LETTER_ORDER.get(key)
        return None if i is None else i + 1
    return None


def _key_of(kind: str, number: int) -> str:
    """The path key of the item of that kind and value (3: "III", "3" or "c")."""
    if kind == "roman":
        return to_roman(number)
    return str(number) if kind == "decimal" else LETTERS[number - 1]


def build_items(norm: NormalizedText, lines: list[Line], lo: int, hi: int, prefix: str = "",
                paren: frozenset = frozenset(), taken: frozenset = frozenset()
                ) -> tuple[list[ItemNode], list[Warning_], int]:
    """Items of body lines [lo, hi) (taken: paths other items already have). Returns items,
    warnings (with original spans) and the offset of the first item."""
    tb = TreeBuilder(norm.text, prefix)
    tb.warn = Warner(to_original=norm.to_original)       # warnings carry original spans
    tb.paths.update(taken)
    tb.sources = _source_reader(norm)
    tb.nfc = norm.nfc_quick
    tb.plain = norm.plain
    tb.spaced = norm.spaced
    if paren:
        alt = "|".join(sorted(paren))
        tb.mark_re = regex.compile(r"\[\d{1,3}\]|(?<=[\p{L}\d.,;:)\"'])\((?:" + alt + r")\)")
    piped = "|" in norm.original
    quoted = 0      # lines still to read inside a quotation opened on a line above
    owner: Optional[_Open] = None    # the item quoting it
    blockquote = False               # the line above was a markdown blockquote's
    for ln in lines[lo:hi]:
        text = ln.text
        if not text:
            tb.gap = True
            continue
        if ln.note is not None:
            tb.gap = tb.note_gap = True
            continue
        if ln.quote and not quoted and tb.current is not None:
            # a markdown blockquote ("> 1. …") is a quoted passage for as long as its lines last
            quoted, owner = _QUOTE_LINES, tb.current
        elif quoted and not ln.quote and ln.text and owner is not None and blockquote:
            quoted = 0
            tb.close_above(owner)
        blockquote = ln.quote
        if quoted:
            # a quoted passage ("… ban hành Chỉ thị với nội dung: “1. … 2. … 3. …”") belongs to
            # the quoting item: its numbered lines are the quoted text's and nest under that item,
            # whatever their rank; when it closes, the document's own list goes on.  A blockquote's
            # own lines keep it open; a quotation mark closes the other kind
            quoted = _QUOTE_LINES if ln.quote else 0 if '"' in text else quoted - 1
            lab = match_label(text)
            if lab is not None and lab.kind in _NUMBERED and owner is not None and owner in tb.stack:
                tb.add_item(lab, ln.start, ln.start + len(text.rstrip()), under=owner)
            else:
                tb.add_text(ln, True, False)
            if not quoted and owner is not None:
                tb.close_above(owner)
            tb.last_open = not ends_sentence(text)
            tb.gap = tb.note_gap = False
            continue
        if '"' in text and text.count('"') % 2 and tb.current is not None and _QUOTE_OPENS.search(text):
            # (before any item there is nothing to quote into: labels count as usual)
            quoted = _QUOTE_LINES
            owner = tb.current
            lab = match_label(text[1:]) if text[0] == '"' else None
            if lab is not None and lab.kind in _NUMBERED and owner is not None:
                # the quotation opens with its first numbered line ("“1. Người đứng đầu …")
                tb.add_item(lab, ln.start + 1, ln.start + len(text.rstrip()), under=owner)
                tb.last_open = not ends_sentence(text)
                tb.gap = tb.note_gap = False
                continue
        lab = match_label(text)
        if lab is not None and piped and _stt_cell(norm, ln):
            lab = None                   # "| 1.1 | Tiêu chí | 2 |": a table's number column, no item
        if lab is None and len(text) <= _BARE_LABEL_MAX:
            lab = _bare_label(text)      # "1." alone, its text on the next line (a PDF's column)
        if lab is None and _may_be_section(text):
            lab = _section_label(text)
        if lab is None:
            if _is_heading(text):
                if _titles(tb.current, tb.text):
                    tb.add_text(ln, False)   # "Chương I" / "QUY ĐỊNH CHUNG": the part's title line
                    continue
                tb.current = None        # an unnumbered heading is nobody's continuation
                continue
            # the sentence goes on: a wrapped line (no gap, the line above unfinished), or after a
            # page break / footnote block a lower-case start or an unfinished line above
            wrapped = not tb.gap and tb.last_open
            rejoin = tb.gap and (text[0].islower() or (tb.note_gap and tb.last_open))
            same = wrapped or rejoin or starts_lower(text)
            cut = _sibling_cut(tb, text)
            if cut:                       # "… theo quy định. c) 95% …" inside a wrapped line
                head = text[:cut].rstrip()
                tb.add_text(Line(ln.idx, ln.start, ln.start + len(head), head), same, rejoin)
                _add_labelled(tb, Line(ln.idx, ln.start + cut, ln.end, text[cut:]))
            else:
                tb.add_text(ln, same, rejoin)
            tb.last_open = not ends_sentence(text)
            tb.gap = tb.note_gap = False
            continue
        _add_labelled(tb, ln, lab)
        tb.last_open = not ends_sentence(text)
        tb.note_gap = False
    items = tb.finish()
    first = items[0].start if items else -1
    return items, tb.warn.finish(), first


_BARE_LABEL_MAX = 8
_QUOTE_LINES = 12   # a quotation left open longer is taken as an unpaired mark: labels count again
# where a quoted passage opens (normalize made every quotation mark '"'): at the line's start or after
# the colon that announces it ("… trong đó yêu cầu: “1. …"); a stray mark inside a sentence opens none
_QUOTE_OPENS = compile_regex(r'^"|:\s*"')
_NUMBERED = frozenset({"roman", "dieu", "decimal", "multilevel", "letter"})


def _stt_cell(norm, ln: Line) -> bool:
    """The line is a row of a pipe table with two cells or more whose first cell holds only a
    number ("| 1.1 | Ban hành kế hoạch | 2 | 2 |"): the table's STT column.  A task table's rows
    become items by table_items; a row of any other table (criteria, scores, results) is none.
    A scraped page's one-cell rows ("| 1. Sở Nội vụ chủ trì … |") keep their labels."""
    os_, _ = norm.to_original(ln.start, ln.end)
    original = norm.original
    line_start = original.rfind("\n", 0, os_) + 1
    head = original[line_start:os_]
    if head.strip(" \t") != "|":
        return False
    nl = original.find("\n", os_)
    bar = original.find("|", os_, nl if nl >= 0 else len(original))
    return bar > 0 and original[os_:bar].strip(" \t*.").replace(".", "").isdigit()


def _bare_label(text: str) -> Optional[Label]:
    """A numbered label standing alone on its line ("1.", "a)", "II.", "2.1."): PDF and Word
    exports put an item's number in a column of its own, its text on the next line."""
    lab = match_label(text + " x")
    return lab if lab is not None and lab.kind in _NUMBERED and lab.end == len(text) else None


def _section_label(text: str) -> Optional[Label]:
    """The label of a part line ("PHẦN I." -> kind part, key "PHẦN I"), or None."""
    m = _SECTION.match(text)
    if m is None:
        return None
    if m.group("letter"):
        return Label(m.group("letter") + ".", "letter_part", m.group("letter"), m.end("dot"))
    key = f"{m.group('word')} {' '.join(m.group('num').split())}"
    end = m.end("punct") if m.group("punct") else m.end("num")
    return Label(text[:end].strip(), _SECTION_KIND[m.group("word").lower()], key, end)


def _add_labelled(tb: TreeBuilder, ln: Line, lab: Optional[Label] = None) -> None:
    """Items opened by a labelled line, split where the next sibling starts on the same line."""
    lab = lab or match_label(ln.text)
    if lab is None:
        return
    if ln.text[lab.end:lab.end + 1].isupper() and not tb.warn.over("W215"):
        tb.warn.add("W215", f"label {lab.text} is glued to its text; read as a label",
                    span=(ln.start, ln.start + lab.end))
    cuts = inline_siblings(ln.text, lab)
    if not cuts:                         # the usual case: one item for the whole line
        tb.add_item(lab, ln.start, ln.start + len(ln.text.rstrip()))
        return
    bounds = [0] + cuts + [len(ln.text)]
    for k in range(len(bounds) - 1):
        s, e = bounds[k], bounds[k + 1]
        piece = ln.text[s:e].rstrip()
        plab = lab if k == 0 else match_label(piece + " ")   # "c)" may end the line
        if plab is not None:
            tb.add_item(plab, ln.start + s, ln.start + s + len(piece))


def _sibling_cut(tb: TreeBuilder, text: str) -> int:
    """Where the current item's next sibling starts inside an unlabelled line (0: nowhere)."""
    cur = tb.current
    if cur is None:
        return 0
    lab = cur.label
    cuts = sibling_starts(text, lab.kind, lab.key, lab.number)
    return cuts[0] if cuts else 0


def _source_reader(norm: NormalizedText):
    """Texts of normalized ranges as written in the original, superscript marks cut out
    (the ranges are mapped to the original in one call), and the indexes of the cut ones."""
    original = norm.original
    marks = sorted(m.span for m in norm.marks)
    starts = [m[0] for m in marks]

    def source(os_: int, oe: int) -> str:
        i = bisect_left(starts, os_)
        if i >= len(marks) or marks[i][0] >= oe:
            return original[os_:oe]
        out, pos = [], os_
        while i < len(marks) and marks[i][0] < oe:
            out.append(original[pos:marks[i][0]])
            pos = max(pos, marks[i][1])
            i += 1
        out.append(original[pos:oe])
        return "".join(out)

    def sources(spans: list[tuple[int, int]]) -> tuple[list[str], set[int]]:
        """The texts, and the indexes of those that had marks cut out."""
        ospans = norm.spans_to_original(spans)
        if not marks:
            return [original[s:e] for s, e in ospans], set()
        texts = [source(s, e) for s, e in ospans]
        cut = {j for j, (s, e) in enumerate(ospans) if len(texts[j]) != e - s}
        return texts, cut
    return sources


def _titles(cur, text: str) -> bool:
    """The open item is a part's bare label ("Chương II", "PHẦN THỨ NHẤT") whose title the next
    upper-case line gives."""
    if cur is None or cur.kind not in ("part", "chapter", "section", "subsection") or len(cur.node.parts) != 1:
        return False
    s, e = cur.node.parts[0]
    return text[s:e].strip() == cur.label.text.strip()


def _is_heading(text: str) -> bool:
    """An upper-case line of a few words: a heading that lost (or never had) its number."""
    if len(text) > 200 or not text.isupper():   # isupper: C-speed necessary condition
        return False
    words = text.split()
    if not 2 <= len(words) <= 20:
        return False
    letters = "".join(filter(str.isalpha, text))     # filter/map: the loops run in C
    return len(letters) >= 6 and all(map(str.isupper, letters))
