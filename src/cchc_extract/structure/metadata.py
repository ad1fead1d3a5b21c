"""Header metadata (ANNOTATION.md "metadata") from the segmented header and footer."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

import regex

from ..models import Metadata, Signer
from ..normalize import NormalizedText, normalize
from ..temporal import number_value
from .casing import is_abbreviation, sentence_case
from .text import clean as clean_text
from .lines import Line
from .footer import Tail, signature_block
from .segment import Header
from .vocab import doc_type_line_re, locality_re, prefix_re, vocab
from ..startup_cache import compile_re, compile_regex

# (stdlib re: it runs on clean() output, whose only whitespace is " ", a space to both modules'
# \s, and which holds no line feed for $ to stop before)
_ENTRY_EDGES = compile_re(r"^[-+•*_\s]+|[\s;.,*_]+$")
_LOCALITY_NAME = r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,3}"
_COLLECTIVE = compile_regex(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)$")
_CLOSING_SUBJECT = compile_regex(
    r"^(?P<org>(?:Văn phòng|Ủy ban|UBND|HĐND|Hội đồng|Sở|Ban|Bộ|Cục|Chi cục|Tổng cục|Thường trực)\b[\p{L} ]*?)"
    r"\s+(?:trân\s+trọng\s+|kính\s+)?(?:yêu\s+cầu|đề\s+nghị|thông\s+báo|đề\s+nghị)\b")
_PARTY_COMMITTEE = compile_regex(r"^(?:TỈNH|THÀNH|HUYỆN|THỊ)\s+ỦY\b")   # "TỈNH ỦY …": an issuer of its own
_SYMBOL_SEP = compile_regex(r"[-/]")
_ACT_YEAR = compile_regex(r"(?:19|20)\d\d")
_WEB_ROW = compile_regex(r"^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|")
_WEB_TYPES = {"kế hoạch": "ke_hoach", "công văn": "cong_van", "thông báo": "thong_bao", "chỉ thị": "chi_thi",
              "quyết định": "quyet_dinh", "nghị quyết": "nghi_quyet", "báo cáo": "bao_cao",
              "tờ trình": "to_trinh", "hướng dẫn": "huong_dan", "chương trình": "chuong_trinh",
              "công điện": "cong_dien"}


def clean(s: str) -> str:
    """A value as printed: NFC, no markdown, no invisible characters, single spaces."""
    return clean_text(s, markup=True)


def web_table(original_lines: list[str], upto_line: int) -> dict[str, str]:
    """A site's metadata table: label (lower case, no colon) -> value; a row may hold two pairs."""
    out = {}
    for raw in original_lines[:upto_line]:
        row = raw.strip()
        if not _WEB_ROW.match(row):
            continue
        cells = [c.strip() for c in row.strip("|").split("|")]
        for k in range(0, len(cells) - 1, 2):
            label = clean(cells[k]).lower().rstrip(" :")
            if label:
                out[label] = clean(cells[k + 1])
    return out


class MetaBuilder:
    def __init__(self, norm: NormalizedText, lines: list[Line]):
        self.norm = norm
        self.lines = lines
        self.meta = Metadata()

    def orig(self, s: int, e: int, key: Optional[str] = None) -> str:
        os_, oe = self.norm.to_original(s, e)
        if key:
            self.meta.spans[key] = (os_, oe)
        return self.norm.original[os_:oe]

    def entry(self, ln: Line) -> str:
        return _ENTRY_EDGES.sub("", clean(self.orig(ln.start, ln.end)))

    # -- header --------------------------------------------------------------
    def header(self, h: Header) -> None:
        md = self.meta
        if h.number:
            i, m = h.number
            base = self.lines[i].start
            num, sym = _numbers(m, "num", "sym")
            if m.group(num):
                md.number = m.group(num)
                self.meta.spans["number"] = self.norm.to_original(base + m.start(num), base + m.end(num))
            md.symbol = "".join(clean(self.orig(base + m.start(sym), base + m.end(sym), "symbol")).split())
        if h.date:
            i, m = h.date
            base = self.lines[i].start
            place, y, mo, d = _numbers(m, "place", "y", "m", "d")
            md.place = clean(self.orig(base + m.start(place), base + m.end(place), "place")).strip(" ,|")
            md.date = partial_date(m.group(y), m.group(mo), m.group(d))
            self.meta.spans["date"] = self.norm.to_original(base + m.start(), base + m.end())
        if h.subject:
            parts = [clean(self.orig(s, e)) for s, e in h.subject]
            md.subject = " ".join(p for p in parts if p) or None
            self.meta.spans["subject"] = self.norm.to_original(h.subject[0][0], h.subject[-1][1])
        md.recipients = [e for e in (self.entry(ln) for ln in h.recipients) if e]
        if h.recipients:
            self.meta.spans["recipients"] = self.norm.to_original(h.recipients[0].start, h.recipients[-1].end)
        self._issuer(h)
        self._doc_type(h)

    def _issuer(self, h: Header) -> None:
        groups: list[list[tuple[int, int, int]]] = []
        prev = ""
        for ent in h.issuer_lines:
            text = self.norm.text[ent[1]:ent[2]]
            if groups and (_continues(text) or _wrapped(prev, text) or _rest_of_name(prev, text)):
                groups[-1].append(ent)
            else:
                groups.append([ent])
            prev = text
        if not groups:
            return
        names = []
        for g in groups:
            raw = " ".join(clean(self.orig(s, e)) for _, s, e in g)
            names.append((sentence_case(raw), self.norm.to_original(g[0][1], g[-1][2])))
        self.meta.issuer, self.meta.spans["issuer"] = names[-1]
        if len(names) > 1:
            self.meta.parent_issuer, self.meta.spans["parent_issuer"] = names[-2]

    def _doc_type(self, h: Header) -> None:
        v = vocab()
        md = self.meta
        if h.doc_type_line is not None:
            ln = self.lines[h.doc_type_line]
            m = doc_type_line_re().match(ln.text)
            key = " ".join((m.group("type") if m else ln.text.rstrip(":")).split()).upper()
            md.doc_type = v["doc_type_lines"].get(key, "other")
            md.spans["doc_type"] = self.norm.to_original(ln.start, ln.end)
            return
        if h.subject_kind == "vv":
            md.doc_type = "cong_van"
            return
        if md.symbol:
            parts = [p for p in _SYMBOL_SEP.split(md.symbol) if p]
            normative = bool(parts) and _ACT_YEAR.fullmatch(parts[0]) is not None
            if normative:                  # "30/2020/NĐ-CP": a legal normative act
                parts = parts[1:]
            codes = {k.upper(): t for k, t in v["type_codes"].items()}
            code = parts[0].upper() if parts else ""
            if code in codes:
                md.doc_type = codes[code]
            else:
                # NĐ 30: a công văn's ký hiệu has no type code; NĐ/TT/… acts are outside the enum
                md.doc_type = "other" if normative else "cong_van"

    # -- fallbacks from the rest of the document ------------------------------
    def complete_issuer(self, closing: Optional[Line], from_header: bool) -> None:
        md = self.meta
        if md.issuer is None and closing is not None:
            m = _CLOSING_SUBJECT.match(closing.text)
            if m:
                md.issuer = clean(self.orig(closing.start + m.start("org"), closing.start + m.end("org")))
                from_header = False
        words = md.issuer.split() if md.issuer else []
        if not words:   # nothing left after cleaning: no issuer rather than an empty one
            md.issuer = None
            return
        last = words[-1].lower()
        loc_words = [w.lower() for w in vocab()["locality_words"]]
        if last in loc_words and not from_header:
            name = self._locality(last)
            if name:
                md.issuer = f"{md.issuer} {name}"
        elif _COLLECTIVE.match(normalize(md.issuer).text):        # "Uỷ ban …" folds to "Ủy ban …"
            found = self._locality(None)
            if found:
                md.issuer = f"{md.issuer} {found}"

    def _locality(self, level: Optional[str]) -> Optional[str]:
        """Most frequent "<level> <Proper Name>" in the text (the document's own locality)."""
        levels = (level,) if level else tuple(vocab()["locality_words"])
        pat = _locality_pattern(levels)
        # the full pattern is tried only where a level word starts (overlapping starts kept):
        # the same matches as pat.finditer, without a lookbehind test at every character
        text = self.norm.text
        counts = Counter()
        done = 0
        for p in _starts_of(text, levels):
            if p < done:
                continue
            m = pat.match(text, p)
            if m is not None:
                counts[(m.group(1), m.group(2))] += 1
                done = m.end()
        if not counts:
            return None
        (lvl, name), _ = counts.most_common(1)[0]
        return name if level else f"{lvl} {name}"

    # -- footer --------------------------------------------------------------
    def footer(self, t: Tail, web: dict[str, str], sig: Optional[tuple] = None) -> None:
        """sig: signature_block(t.signature, t.gaps()) when the caller has it."""
        md = self.meta
        if t.noi_nhan is not None:
            md.distribution = [e for e in (self.entry(ln) for ln in t.distribution) if e]
            if t.distribution:
                md.spans["distribution"] = self.norm.to_original(t.distribution[0].start, t.distribution[-1].end)
        self._signer(sig or signature_block(t.signature, t.gaps()), web)
        if md.doc_type is None and web.get("loại văn bản"):
            md.doc_type = _WEB_TYPES.get(web["loại văn bản"].lower(), "other")

    def _signer(self, sig: tuple, web: dict[str, str]) -> None:
        """sig: the signature block, name line and rest (signature_block)."""
        block, name_line, _ = sig
        auth: list[tuple[str, Line, Line]] = []
        title = None
        for ln in block:
            text = clean(self.orig(ln.start, ln.end))
            if prefix_re().match(ln.text):
                auth.append((text, ln, ln))
                title = None
            elif auth and len(text.split()) == 1 and title is None:
                prev, a, _ = auth[-1]
                auth[-1] = (f"{prev} {text}", a, ln)       # a prefix line broken over two lines
            else:
                title = (text, ln)
        name = (clean(self.orig(name_line.start, name_line.end)), name_line) if name_line else None
        if not block and name is None and not web.get("người ký"):
            return
        signer = Signer()
        if auth:
            signer.authority = " / ".join(a for a, _, _ in auth)
            self.meta.spans["signer.authority"] = self.norm.to_original(auth[0][1].start, auth[-1][2].end)
        if title:
            signer.title = title[0]
            self.meta.spans["signer.title"] = self.norm.to_original(title[1].start, title[1].end)
        if name:
            signer.name = name[0]
            self.meta.spans["signer.name"] = self.norm.to_original(name[1].start, name[1].end)
        elif web.get("người ký"):
            signer.name = web["người ký"]
        self.meta.signer = signer


@lru_cache(maxsize=16)   # keyed by the vocabulary's level words: built once
def _locality_pattern(levels: tuple[str, ...]) -> regex.Pattern:
    alt = "|".join(regex.escape(w) for w in sorted(levels, key=len, reverse=True))
    return compile_regex(r"(?<!\p{L})(" + alt + r")\s(" + _LOCALITY_NAME + r")(?!\p{L})")


def _starts_of(text: str, words: tuple[str, ...]) -> list[int]:
    """Sorted offsets where a word starts (overlaps included) and a locality name can follow:
    one space character, then no lower-case letter (str.find and two C-speed tests that every
    match passes: regex's \\s is a subset of str.isspace, and no \\p{Lu} letter is islower)."""
    found = set()
    for w in words:
        n = len(w)
        p = text.find(w)
        while p >= 0:
            if text[p + n:p + n + 1].isspace():
                after = text[p + n + 1:p + n + 2]
                if after and not after.islower():
                    found.add(p)
            p = text.find(w, p + 1)
    return sorted(found)


def _numbers(m, *names: str) -> list[int]:
    """The numbers of named groups: `regex` reads a group name as a number first, and the
    failed conversion (an error message formatted, then dropped) costs more than the lookup."""
    index = m.re.groupindex
    return [index[n] for n in names]


def _continues(text: str) -> bool:
    """An issuer line that continues the line above ("TỈNH HƯNG YÊN" under "ỦY BAN NHÂN DÂN")."""
    words = text.split()
    if len(words) <= 1:
        return True
    up = text.upper()
    loc = [w.upper() for w in vocab()["locality_words"]]
    return any(up == w or up.startswith(w + " ") for w in loc) and not _PARTY_COMMITTEE.match(up)


def _rest_of_name(prev: str, text: str) -> bool:
    """A narrow column wrapped a name: "CỤC KIỂM SOÁT" / "THỦ TỤC HÀNH CHÍNH", "BAN CHỈ ĐẠO CẢI CÁCH" /
    "HÀNH CHÍNH". The line opens no name (no head word, fixed name or abbreviation) and the line
    above opens one without a locality ("… TỈNH X" completes a name)."""
    up, above = text.upper().strip(), prev.upper().strip()
    first = up.split()[0] if up else ""
    if not up or _opens_name(up) or is_abbreviation(first) or not _opens_name(above):
        return False
    return not locality_re().search(above)


def _opens_name(up: str) -> bool:
    """Whether an upper-case line is or starts with a head word (Sở, Ban …) or a fixed name (Công an …)."""
    names, prefixes = _name_openers()
    return up in names or up.startswith(prefixes)


@lru_cache(maxsize=1)
def _name_openers() -> tuple[frozenset[str], tuple[str, ...]]:
    v = vocab()
    names = frozenset(w.upper() for w in (*v["org_heads"], *v["org_names"]))
    return names, tuple(n + " " for n in names)


def _wrapped(prev: str, text: str) -> bool:
    """A long name wrapped onto the next line: "BỘ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG", "BỘ VĂN HÓA,
    THỂ THAO" / "VÀ DU LỊCH", "BỘ LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI"."""
    head = text.lstrip()[:3].upper()
    tail = prev.rstrip()[-3:].upper()
    return head in ("VÀ ", "& ") or tail.endswith((",", "-", "–", "&", " VÀ"))


def partial_date(y: Optional[str], m: Optional[str], d: Optional[str]) -> Optional[str]:
    if not y:
        return None
    if not m:
        return y
    mi = number_value(m)
    if not 1 <= mi <= 12:
        return y
    if not d:
        return f"{y}-{mi:02d}"
    return f"{y}-{mi:02d}-{number_value(d):02d}"
