"""Loader of ``rules/bodies.yaml``: the gazetteer of bodies, name patterns and blockers.

Same standards as rules.load_rules: strict models (unknown keys refused), every
pattern compiled at load, patterns matching "" refused, duplicate ids and
duplicate names refused, every entry / pattern / blocker must carry positive and
negative examples, and every problem is reported at once in one RuleError.

Patterns are compiled in VERBOSE mode (write a literal space as ``\\ ``) and may
use ``$fragment`` and ``\\L<list>`` from the file's own ``fragments`` / ``lists``.

Matching is two-stage (see bench/bodies_matcher.py for the measurements): one
scan of the lower-cased text with a trie alternation of every gazetteer name and
every pattern anchor (stdlib ``re``), then each pattern is tried (``match``)
only at the positions where one of its anchors starts.
"""
from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Literal, Optional, Union

import yaml
from pydantic import Field, ValidationError

from .errors import RuleError
from .normalize import fold_key
from .startup_cache import cached, compile_re, load_yaml
from .rules import StrictModel, _Loader, rules_dir
from .trie import first_char_guard, trie_pattern, unicode_classes

LevelSpec = Literal["central", "province", "district", "commune", "party", "other", "auto"]
Level = Literal["central", "province", "district", "commune", "party", "other"]

FLAGS = re.UNICODE | re.VERBOSE | re.IGNORECASE


_Strict = StrictModel


class BodyExample(_Strict):
    text: str
    span: Optional[str] = None                 # expected body text; default: all of `text`
    expect: dict[str, Any] = Field(default_factory=dict)


class BodyExamples(_Strict):
    match: list[BodyExample] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class EntrySpec(_Strict):
    id: str
    names: list[str]
    canonical: Optional[str] = None            # default: the name with abbreviations expanded
    level: LevelSpec
    default: Level = "other"
    group: Union[bool, Literal["auto"]] = False
    locality: bool = False                     # a locality suffix may follow
    locality_required: bool = False            # ... and must (the bare name is too vague)
    priority: int = 60
    description: str = ""
    examples: BodyExamples


class BlockerSpec(_Strict):
    """A pattern tried where one of its anchors starts (a blocker marks text that is no body)."""

    id: str
    anchors: list[str] = Field(min_length=1)
    pattern: str
    description: str = ""
    examples: BodyExamples


class PatternSpec(BlockerSpec):
    """A name pattern: a blocker's fields plus what the body it finds is."""

    priority: int = 50
    level: LevelSpec
    default: Level = "other"
    group: Union[bool, Literal["auto"]] = False
    # with level auto and no locality in the name: the level of the issuing body ("Trung tâm
    # Thông tin …" in a Sở's plan is the Sở's unit), `default` when the issuer is unknown
    issuer_level: bool = False
    # level and group of the body named just before in the same sentence ("UBND cùng cấp")
    antecedent_level: bool = False
    # the name stops at a line break before a capitalised word: names are matched on text with
    # line breaks flattened, and a pattern that takes capitalised words would run into the next line
    line_bound: bool = False
    # the mention's first word, when it is one of these, is read expanded for its level and
    # canonical name ("TT PVHCC tỉnh" is a Trung tâm, not a thị trấn)
    head_abbreviations: dict[str, str] = Field(default_factory=dict)


class EnumerationSpec(_Strict):
    id: str
    anchors: list[str] = Field(min_length=1)
    head: str                                  # pattern of the announcing head ("Các sở, ngành:")
    members: Union[str, list[str]] = Field(default_factory=list)   # the list(s) the elliptical members come from
    # ... or, for names no list can hold ("Các Cục: Thuế, Hải quan"), the pattern of one member
    member_pattern: str = ""
    level: Level
    group: bool = False
    description: str = ""
    examples: BodyExamples


class GazetteerFile(_Strict):
    description: str = ""
    abbreviations: dict[str, str] = Field(default_factory=dict)
    lists: dict[str, list[str]] = Field(default_factory=dict)
    fragments: dict[str, str] = Field(default_factory=dict)
    entries: list[EntrySpec]
    patterns: list[PatternSpec]
    blockers: list[BlockerSpec] = Field(default_factory=list)
    enumerations: list[EnumerationSpec] = Field(default_factory=list)


@dataclass(frozen=True, eq=False)   # hashed by identity (cache keys)
class Entry:
    id: str
    canonical: Optional[str]
    level: str
    default: str
    group: Union[bool, str]
    locality: bool
    locality_required: bool = False
    priority: int = 60


@dataclass(frozen=True, eq=False)   # hashed by identity (cache keys)
class Pattern:
    id: str
    regex: Any
    priority: int
    level: str
    default: str
    group: Union[bool, str]
    has_body: bool = False               # the emitted span is group `body`
    issuer_level: bool = False           # see PatternSpec.issuer_level
    antecedent_level: bool = False       # see PatternSpec.antecedent_level
    line_bound: bool = False             # see PatternSpec.line_bound
    head_abbreviations: Optional[tuple] = None   # see PatternSpec.head_abbreviations: (word, expansion) pairs


@dataclass(frozen=True, eq=False)   # hashed by identity (cache keys)
class Enumeration:
    id: str
    head: Any
    members: Any                         # regex over the member names, longest first
    level: str
    group: bool


@dataclass(eq=False)
class Gazetteer:
    entries: dict[str, Entry]            # fold_key(name) -> entry
    scanner: Any                         # stdlib re over lower-cased text: names and anchors
    handlers: dict[str, tuple]           # matched key -> ((kind, obj, key_len), ...) incl. its word prefixes
    locality: Any                        # regex: a locality suffix right after a name
    patterns: list[Pattern]
    blockers: list[Pattern]
    abbreviations: dict[str, str]
    lists: dict[str, list[str]]
    enumerations: list[Enumeration] = field(default_factory=list)
    spec: Optional[GazetteerFile] = field(default=None, repr=False)
    branch: Any = None                   # regex: " - Chi nhánh …" right after a body name
    _tables: dict = field(default_factory=dict, init=False, repr=False)

    def scan_table(self, stops: tuple[str, ...] = ()) -> ScanTable:
        """The scanner and its dispatch table, also reporting where one of `stops` (lower-case
        literals that are not names, wanted by the caller) starts; built once per `stops`."""
        if stops not in self._tables:
            self._tables[stops] = _scan_table(self.handlers, stops)
        return self._tables[stops]

    def name_starts(self, low: str) -> list[tuple[int, str]]:
        """(position, key) of every name or anchor starting in `low` (lower-cased text) after
        a non-word character or at the start, in order; keys may overlap."""
        return self.scan_table().starts(low)

    def entry_for(self, name: str) -> Optional[Entry]:
        return self.entries.get(fold_key(name))


@dataclass(frozen=True, eq=False)
class ScanTable:
    """The scan of names and anchors, ready for the matcher's hot loop."""

    scanner: Any          # over " " + lower-cased text: a boundary character, then group 1, the longest key
    scanner_bmp: Any      # the same, faster, for text within the BMP (see _bmp_boundary)
    key_at: Any           # the trie alone: the longest key at a position
    # key -> (((entry, key_len), ...) longest first, ((kind, rule, its regex's match or None), ...)
    # in handler order, whether a stop starts there, None or {character: rules}): where a key
    # has rules whose match must start with one of a few characters (a capital: "(?-i:Vụ|Cục) …"
    # at "vụ" of "nhiệm vụ"), the rules to try are looked up by the text's character at the
    # key, and the second item holds those for any other character (see _first_chars)
    dispatch: dict[str, tuple]
    # key -> offsets in the key just after a boundary character of its own, where another key
    # may start (one that fits the key's remaining characters); only keys that have some
    inner: dict[str, tuple[int, ...]]
    # keys left out of the tries and found by str.find (see _FOUND_APART), with their dispatch's
    # {character: rules}: a start is reported only where the text's character has rules
    apart: tuple[tuple[str, dict], ...] = ()

    def scanner_for(self, low: str) -> Any:
        return self.scanner_bmp if _within_bmp(low) else self.scanner

    def starts(self, low: str, text: Optional[str] = None) -> list[tuple[int, str]]:
        """(position, key) of every key starting in `low` after a boundary character or at the
        start, in order.  The scanner consumes the key it finds (a look-ahead costs `re` a
        frame at every boundary); the starts inside that key are tried one by one.  With
        `text` (the text `low` is the lower case of), a key of `apart` is reported only where
        the text's character at it has rules (elsewhere its start would do nothing)."""
        out: list[tuple[int, str]] = []
        append = out.append
        inner = self.inner.get
        key_at = self.key_at.match
        # " ": a boundary before 0; the consumed boundary character is at the key's position in `low`.
        # m[1], not m.group(1): a subscript costs less than a method call (one per key found)
        for m in self.scanner_for(low).finditer(" " + low):
            pos, key = m.start(), m[1]
            append((pos, key))
            offsets = inner(key)
            if offsets:
                for off in offsets:
                    k = key_at(low, pos + off)
                    if k is not None:
                        append((pos + off, k[0]))
        if self.apart:
            _add_apart(out, low, text, self.apart)
        return out


# above this many apart starts, one sort costs less than an insert each
_INSERT_AT_MOST = 64


def _add_apart(out: list[tuple[int, str]], low: str, text: Optional[str],
               apart: tuple[tuple[str, dict], ...]) -> None:
    """Add to `out`, in order, the starts of each `apart` key that the tries no longer report:
    after a boundary character, where the tries found no longer key (one that begins with the
    key) nor an earlier apart key, and, with `text`, where the text's character is one of the
    key's `chars`.  Few starts are inserted one by one; many are appended and sorted, as an
    insert per start moves the list's tail (quadratic on a document of megabytes)."""
    extra: list[tuple[int, str]] = []
    taken: set[int] = set()
    for key, chars in apart:
        pos = low.find(key)
        while pos >= 0:
            if ((text is None or text[pos] in chars) and (pos == 0 or _BOUNDARY_RX.match(low, pos - 1))
                    and pos not in taken):
                i = bisect_left(out, (pos,))
                if i == len(out) or out[i][0] != pos:
                    extra.append((pos, key))
                    taken.add(pos)
            pos = low.find(key, pos + 1)
    if len(extra) <= _INSERT_AT_MOST:
        for start in extra:
            out.insert(bisect_left(out, start), start)
    else:
        out.extend(extra)
        out.sort()


def _scan_table(handlers: dict[str, tuple], stops: tuple[str, ...]) -> ScanTable:
    keys = sorted(set(handlers).union(stops))
    dispatch = {}
    firsts: dict = {}
    for key in keys:
        # The trie reports the longest key.  Where a stop lengthens a name key, the names'
        # scan (without stops) had found that name key there: the stop stands for it.
        name = next((key[:i] for i in range(len(key), 0, -1) if key[:i] in handlers), None)
        names, rules = _split_handlers(handlers[name]) if name else ((), ())
        rules, by_first = _rules_by_first(rules, firsts)
        dispatch[key] = (names, rules, key.startswith(stops), by_first)
    keyset = set(keys)
    inner = cached("inner_starts", (tuple(keys), _BOUNDARY), lambda: _inner_table(keys))
    # a key found apart must not be the longer key of a shorter one (the tries would report
    # the shorter one where it now reports the key), and its starts must do nothing unless the
    # text's character there has rules
    apart = tuple((key, dispatch[key][3]) for key in _FOUND_APART
                  if key in dispatch and _rules_only_by_first(dispatch[key])
                  and not any(key[:i] in keyset for i in range(1, len(key))))
    found_apart = {key for key, _ in apart}
    tried = [key for key in keys if key not in found_apart]
    return ScanTable(_compile_scanner(tried), _compile_scanner(tried, _bmp_boundary()),
                     compile_re(trie_pattern(tried)), dispatch, inner, apart)


# Keys found by str.find, not by the scanner: "vụ" (nhiệm vụ, dịch vụ: among the commonest
# words) anchors only rules that want a capital ("Vụ Pháp chế"); reported by the scanner, every
# lower-case one cost a start that did nothing
_FOUND_APART = ("vụ",)


def _rules_only_by_first(handling: tuple) -> bool:
    """No names, no rules for a character that no rule names, no stop: a start does something
    only where the text's character is one of those its rules must start with."""
    names, rules, stop, by_first = handling
    return not names and not rules and not stop and by_first is not None


def _rules_by_first(rules: tuple, memo: dict) -> tuple[tuple, Optional[dict[str, tuple]]]:
    """(rules for a character no rule names, {character: rules}) of a key's rules, each kept in
    order where its match can start with the character; (rules, None) when none is restricted.
    A call to `match` that fails costs several thousand instructions, a dict look-up a few.
    `memo` holds each rule's first characters (a rule serves many keys; its cache key is its
    whole pattern, compared character by character)."""
    firsts = []
    for kind, obj, _ in rules:
        if obj not in memo:
            memo[obj] = None if kind == "enum" else _first_chars(obj.regex)
        firsts.append(memo[obj])
    if all(f is None for f in firsts):
        return rules, None
    chars = set().union(*(f for f in firsts if f is not None))
    by_first = {ch: tuple(r for r, f in zip(rules, firsts) if f is None or ch in f) for ch in sorted(chars)}
    return tuple(r for r, f in zip(rules, firsts) if f is None), by_first


def _first_chars(rx: Any) -> Optional[frozenset[str]]:
    """The characters a match of rx must start with, when its pattern names them case-sensitively
    (look-arounds before them skipped: "(?<![\\w])(?-i:Vụ|Cục)\\ …" -> {"V", "C"}); None when any
    character may.  Read from the parse tree by `re`'s own parser (kept in the start-up cache);
    anything not understood gives None."""
    return cached("first_chars", (rx.pattern, int(rx.flags)), lambda: _parse_first_chars(rx.pattern, rx.flags))


def _parse_first_chars(pattern: str, flags: int) -> Optional[frozenset[str]]:
    try:
        from re import _constants as c, _parser
        chars, empty = _first_of_seq(_parser.parse(pattern, flags).data, flags, c)
    except Exception:  # noqa: BLE001 - private API changed: no restriction, the same matches
        return None
    return frozenset(chars) if chars and not empty else None


def _first_of_seq(items: Any, flags: int, c: Any) -> tuple[Optional[set[str]], bool]:
    """(first characters or None for any, whether the sequence may match empty)."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _first_of_item(op, av, flags, c)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def _first_of_item(op: Any, av: Any, flags: int, c: Any) -> tuple[Optional[set[str]], bool]:
    caseless = flags & re.IGNORECASE
    if op is c.LITERAL:
        return (None, False) if caseless else ({chr(av)}, False)
    if op is c.IN:
        if caseless or not all(o is c.LITERAL for o, _ in av):
            return None, False
        return {chr(ch) for _, ch in av}, False
    if op is c.SUBPATTERN:
        _, add, remove, sub = av
        return _first_of_seq(sub.data, (flags | add) & ~remove, c)
    if op is c.BRANCH:
        out: set[str] = set()
        empty = False
        for alt in av[1]:
            chars, alt_empty = _first_of_seq(alt.data, flags, c)
            if chars is None:
                return None, False
            out |= chars
            empty = empty or alt_empty
        return out, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        if high == 0:
            return set(), True
        chars, empty = _first_of_seq(sub.data, flags, c)
        return chars, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _first_of_seq(av.data, flags, c)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True      # zero-width: the character at the start is the next item's
    return None, False


def _inner_table(keys: list[str]) -> dict[str, tuple[int, ...]]:
    """{key: _inner_starts(key)} for the keys that have some (kept in the start-up cache: a tenth
    of loading the gazetteer)."""
    keyset = set(keys)
    return {key: offsets for key in keys if (offsets := _inner_starts(key, keys, keyset))}


def _inner_starts(key: str, keys: list[str], keyset: set[str]) -> tuple[int, ...]:
    """Offsets just after the boundary characters of `key` where a key of `keys` (sorted; the
    same as `keyset`) may start: one that is a prefix of the key's rest, or that the rest is a
    prefix of (the rest may be empty: any key may follow the key's last character)."""
    out = []
    for off in range(1, len(key) + 1):
        if not _BOUNDARY_RX.match(key, off - 1):
            continue
        rest = key[off:]
        i = bisect_left(keys, rest)
        if (i < len(keys) and keys[i].startswith(rest)) or any(rest[:n] in keyset for n in range(1, len(rest))):
            out.append(off)
    return tuple(out)


# The scanner's start boundary.  `re` tests \w with several Unicode table look-ups per
# character, most of the scan's time; a class listing the BMP characters that are not word
# characters costs one look-up.  It treats every character beyond the BMP as a word
# character, so it serves only text within the BMP (nearly all text; the rest gets the \w
# version).  A positive class, not a negated one: `re` tests it with one step fewer.
_BOUNDARY = r"[^\w/&-]"
_BOUNDARY_RX = re.compile(_BOUNDARY)


@lru_cache(maxsize=1)
def _bmp_boundary() -> str:
    return cached("bmp_boundary_class", (sys.version_info[:3],), _build_bmp_boundary)


def _build_bmp_boundary() -> str:
    codes = array("I", range(0x10000))     # every BMP character, built in C (chr() is slow)
    if sys.byteorder == "big":
        codes.byteswap()
    bmp = codes.tobytes().decode("utf-32-le", "surrogatepass")
    return "[" + "".join(_class_range(m.start(), m.end() - 1) for m in re.finditer(_BOUNDARY + "+", bmp)) + "]"


def _class_range(first: int, last: int) -> str:
    esc = re.escape(chr(first))
    return esc if first == last else esc + "-" + re.escape(chr(last))


def _within_bmp(text: str) -> bool:
    """Whether no character of text lies beyond the BMP.  CPython stores a str with four
    bytes per character exactly when one does, so its size answers without a pass over the
    text (encoding it to UTF-16 cost a copy per document).  The size test errs only towards
    False (a str carrying a cached UTF-8 copy), which picks the \\w scanner: slower, same keys."""
    if _UCS4_SIZE_BASE is None:
        return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
    return sys.getsizeof(text) < _UCS4_SIZE_BASE + 4 * (len(text) + 1)


# sys.getsizeof of a compact four-byte str, less its characters and terminator (CPython only)
_UCS4_SIZE_BASE = (sys.getsizeof("\U00010000") - 8) if sys.implementation.name == "cpython" else None


def _split_handlers(hs: tuple) -> tuple[tuple, tuple]:
    names = tuple((obj, klen) for kind, obj, klen in hs if kind == "entry")
    rules = tuple((kind, obj, obj.regex.match if kind != "enum" else None)
                  for kind, obj, _ in hs if kind != "entry")
    return names, rules


_FRAGMENT_REF = re.compile(r"\$(?:\{([a-z_][a-z0-9_]*)\}|([a-z_][a-z0-9_]*))")
_LIST_REF = re.compile(r"\\L<(\w+)>")


def expand(pattern: str, fragments: dict[str, str], _depth: int = 0) -> str:
    """Replace $name / ${name} by its fragment (expanded, in a group); only names used."""
    if _depth > 10:
        raise KeyError("fragment nesting deeper than 10 (a cycle?)")

    def one(m: re.Match) -> str:
        name = m.group(1) or m.group(2)
        return "(?:" + expand(fragments[name], fragments, _depth + 1) + ")"

    return _FRAGMENT_REF.sub(one, pattern)


def _add_city_variants(e: Any, entry: Entry, entries: dict) -> None:
    """A provincial office named with "tỉnh" has a twin in a city ("Thanh tra tỉnh" ->
    "Thanh tra thành phố"): a centrally-run city's (province) or a provincial city's (district).
    The twin's level is read from its words (the city named after it, else district; the
    issuer's context may still make an unnamed one the issuer's own, see matchers/bodies.py)."""
    if e.level != "province":
        return
    twin = None
    for name in e.names:
        if not name.endswith(" tỉnh"):
            continue
        key = fold_key(name[:-len("tỉnh")] + "thành phố")
        if key in entries:
            continue
        if twin is None:
            twin = Entry(e.id, None, "auto", "district", e.group, e.locality, e.locality_required, e.priority)
        entries[key] = twin


def _compile(pattern: str, fragments: dict[str, str], lists: dict[str, list[str]]) -> Any:
    """Expand fragments, lists and \\p{..} classes; compile with stdlib `re`.

    Stdlib `re` (3.11: possessive quantifiers, atomic groups, scoped flags) compiles these
    patterns several times faster than `regex` and matches them faster too (measured in
    bench/bodies_matcher.py); a \\L<list> becomes a trie alternation."""
    expanded = expand(pattern, fragments)
    expanded = _LIST_REF.sub(lambda m: "(?:" + _trie_of(lists, m.group(1)) + ")", expanded)
    return compile_re(unicode_classes(expanded), FLAGS)


def _trie_of(lists: dict[str, list[str]], name: str) -> str:
    if name not in lists:
        raise KeyError(f"list {name}")
    cache = _TRIES.setdefault(id(lists), {})
    if name not in cache:
        # re.escape escapes spaces, as VERBOSE needs; the guard spares a failing trie its branches
        cache[name] = first_char_guard(lists[name]) + trie_pattern(lists[name])
    return cache[name]


_TRIES: dict[int, dict[str, str]] = {}
def _check_examples(where: str, ex: BodyExamples, problems: list[str]) -> None:
    if not ex.match:
        problems.append(f"{where}: no positive example")
    if not ex.no_match:
        problems.append(f"{where}: no negative example")


def _word_prefixes(key: str) -> list[str]:
    """key and its prefixes that end at a word boundary ("sở, ngành" -> "sở", "sở,", "sở, ngành")."""
    cuts = [i for i in range(1, len(key)) if key[i - 1].isalnum() != key[i].isalnum()]
    return [key[:i] for i in cuts] + [key]


def _scanner(entries: dict[str, Entry], anchored: list[tuple[str, Any, list[str]]]):
    """One trie over names and anchors; each key maps to the handlers of itself and its word prefixes."""
    own: dict[str, list] = {}
    for key, entry in entries.items():
        own.setdefault(key, []).append(("entry", entry, len(key)))
    for kind, obj, anchors in anchored:
        for a in anchors:
            own.setdefault(a, []).append((kind, obj, len(a)))
    handlers = {}
    for key in own:
        hs: list = []
        for prefix in _word_prefixes(key):
            for h in own.get(prefix, ()):
                # a rule anchored twice runs once; each name of an entry is its own handler
                if not any(h[1] is x[1] and (h[0] != "entry" or h[2] == x[2]) for x in hs):
                    hs.append(h)
        # longest names first: once one is found the shorter ones would only be contained in it
        hs.sort(key=lambda h: -h[2] if h[0] == "entry" else 0)
        handlers[key] = tuple(hs)
    return _compile_scanner(sorted(own), lookahead=True), handlers


def _compile_scanner(keys: list[str], boundary: str = _BOUNDARY, lookahead: bool = False) -> Any:
    # no end boundary here: anchors may be glued to the next word ("UBNDtỉnh"); names check it.
    # The start boundary is the consumed character before the name, not a lookbehind: a
    # leading character class lets `re` skip ahead in C (see ScanTable.starts)
    trie = trie_pattern(keys)
    return compile_re(boundary + (r"(?=(" + trie + r"))" if lookahead else "(" + trie + ")"))


def _read(path: Path) -> GazetteerFile:
    try:
        raw = load_yaml(path, _Loader)
        return GazetteerFile.model_validate(raw)
    except OSError as exc:
        raise RuleError([f"{path.name}: cannot read: {exc}"]) from None
    except yaml.YAMLError as exc:
        raise RuleError([f"{path.name}: YAML: {exc}"]) from None
    except ValidationError as exc:
        raise RuleError([f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}"
                         for e in exc.errors()]) from None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    path = Path(path) if path else rules_dir() / "bodies.yaml"
    spec = _read(path)
    problems: list[str] = []
    lists = {k: [fold_key(v) for v in vs] for k, vs in spec.lists.items()}
    for k, vs in lists.items():
        if any(not v for v in vs):
            problems.append(f"{path.name} list {k}: empty name")
    fragments = dict(spec.fragments)
    # a fragment is checked where it is used; an unused one is compiled on its own here
    sources = " ".join([p.pattern for p in (*spec.patterns, *spec.blockers)]
                       + [e.head for e in spec.enumerations] + list(fragments.values()) + ["$locality"])
    used = {a or b for a, b in _FRAGMENT_REF.findall(sources)}
    for name, pat in fragments.items():
        if name in used:
            continue
        try:
            _compile(pat, fragments, lists)
        except (KeyError, ValueError, re.error) as exc:
            problems.append(f"{path.name} fragment {name}: pattern: {exc}")

    seen_ids: set[str] = set()

    def new_id(kind: str, id_: str) -> bool:
        if id_ in seen_ids:
            problems.append(f"{path.name} {kind} {id_}: duplicate id")
            return False
        seen_ids.add(id_)
        return True

    entries: dict[str, Entry] = {}
    for e in spec.entries:
        where = f"{path.name} entry {e.id}"
        if not new_id("entry", e.id):
            continue
        _check_examples(where, e.examples, problems)
        if e.locality_required and not e.locality:
            problems.append(f"{where}: locality_required needs locality: true")
        entry = Entry(e.id, e.canonical, e.level, e.default, e.group, e.locality, e.locality_required,
                      e.priority)
        for name in e.names:
            key = fold_key(name)
            if not key:
                problems.append(f"{where}: empty name")
            elif key in entries and entries[key] is not entry:
                problems.append(f"{where}: name {name!r} also in {entries[key].id}")
            else:
                entries[key] = entry
        _add_city_variants(e, entry, entries)

    anchored: list[tuple[str, Any, list[str]]] = []

    def compile_one(kind: str, p, source: str) -> Any:
        where = f"{path.name} {kind} {p.id}"
        try:
            rx = _compile(source, fragments, lists)
        except KeyError as exc:
            problems.append(f"{where}: pattern: undefined fragment or list {exc}")
            return None
        except (ValueError, re.error) as exc:
            problems.append(f"{where}: pattern: {exc}")
            return None
        if rx.search("") is not None:
            problems.append(f"{where}: pattern matches the empty string")
            return None
        return rx

    def anchors_of(kind: str, p) -> list[str]:
        keys = [fold_key(a) for a in p.anchors]
        if any(not k for k in keys):
            problems.append(f"{path.name} {kind} {p.id}: empty anchor")
        return [k for k in keys if k]

    patterns: list[Pattern] = []
    blockers: list[Pattern] = []
    for kind, specs, out in (("pattern", spec.patterns, patterns), ("blocker", spec.blockers, blockers)):
        for p in specs:
            if not new_id(kind, p.id):
                continue
            _check_examples(f"{path.name} {kind} {p.id}", p.examples, problems)
            rx = compile_one(kind, p, p.pattern)
            if rx is None:
                continue
            obj = Pattern(p.id, rx, getattr(p, "priority", 0), getattr(p, "level", "other"),
                          getattr(p, "default", "other"), getattr(p, "group", False),
                          "body" in rx.groupindex, getattr(p, "issuer_level", False),
                          getattr(p, "antecedent_level", False), getattr(p, "line_bound", False),
                          tuple(getattr(p, "head_abbreviations", {}).items()) or None)
            out.append(obj)
            anchored.append((kind, obj, anchors_of(kind, p)))

    enumerations: list[Enumeration] = []
    for en in spec.enumerations:
        where = f"{path.name} enumeration {en.id}"
        if not new_id("enumeration", en.id):
            continue
        _check_examples(where, en.examples, problems)
        member_lists = [en.members] if isinstance(en.members, str) else en.members
        unknown = [m for m in member_lists if m not in lists]
        if unknown or bool(member_lists) == bool(en.member_pattern):
            problems.append(f"{where}: members: unknown list(s) {unknown}" if unknown else
                            f"{where}: give either members (lists) or member_pattern")
            continue
        head = compile_one("enumeration", en, en.head)
        if head is None:
            continue
        if en.member_pattern:
            member_rx = compile_one("enumeration", en, en.member_pattern)
            if member_rx is None:
                continue
        else:
            names = {x for m in member_lists for x in lists[m]}
            alternation = "|".join(re.escape(x) for x in sorted(names, key=lambda x: (-len(x), x)))
            member_rx = compile_re(r"(?<![\w])(?:" + alternation + r")(?![\w])", re.IGNORECASE)
        obj = Enumeration(en.id, head, member_rx, en.level, en.group)
        enumerations.append(obj)
        anchored.append(("enum", obj, anchors_of("enumeration", en)))

    locality = branch = None
    scanner = handlers = None
    try:
        # "Công an các tỉnh, thành phố": the same body in every unit of a level (a group)
        group_loc = r"$group_locality|" if "group_locality" in fragments else ""
        locality = _compile(r"\ (?:" + group_loc + r"$locality)", fragments, lists)
        branch = _compile(r"$branch_suffix", fragments, lists) if "branch_suffix" in fragments else None
        scanner, handlers = _scanner(entries, anchored)
    except (KeyError, ValueError, re.error) as exc:
        problems.append(f"{path.name}: cannot build the name scanner: {exc}")
    finally:
        _TRIES.pop(id(lists), None)
    if problems:
        raise RuleError(problems)
    return Gazetteer(entries, scanner, handlers, locality, patterns, blockers,
                     dict(spec.abbreviations), lists, enumerations, spec, branch)


@lru_cache(maxsize=4)
def default_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process (immutable data)."""
    return load_gazetteer(Path(path) if path else None)
