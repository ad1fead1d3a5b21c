"""Role lexicon (rules/_roles.yaml) and the analysis of body chains in one text unit.

A *unit* is the own text of an item (or the preamble) with the body
mentions inside it.  Adjacent mentions joined by list punctuation form a chain;
each chain gets at most one role from the text around it:
lead (Giao X / Đề nghị X / X chủ trì), support (phối hợp với X), subject (X is
the clause subject: an actor), or none (objects, places, owners, issuers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Optional

import regex
import yaml
from pydantic import Field, ValidationError

from .matchers import CONCURRENT
from .matchers.anchors import group_end
from .rules import RuleError, StrictModel, prefilter_word, rules_dir
from .startup_cache import compile_re, compile_regex, load_yaml
from .structure.labels import BULLET_SIGNS

FLAGS = regex.V1 | regex.UNICODE | regex.IGNORECASE
Slot = Literal["before", "after", "gap", "text"]
Role = Literal["lead", "support", "subject", "passive", "block", "continue", "introducer", "cue", "request"]
MAX_WINDOW = 400  # characters of context looked at around a chain (keeps matching linear)


_Strict = StrictModel


class LexExamples(_Strict):
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class LexEntry(_Strict):
    id: str
    slot: Slot
    role: Role
    pattern: str
    modality: Optional[Literal["assign", "request", "encourage"]] = None
    at_start: bool = False
    # a chain this entry opens heads its item only when a colon and lower-case duties follow on its line
    tasks_after_colon: bool = False
    literals: list[str] = Field(default_factory=list)
    description: str = ""
    examples: LexExamples


class LexFile(_Strict):
    fragments: dict[str, str] = Field(default_factory=dict)
    entries: list[LexEntry]


@dataclass(frozen=True)
class Trigger:
    id: str
    slot: str
    role: str
    modality: Optional[str]
    regex: Any
    spec: LexEntry
    literals: Any = None      # compiled alternation of the literals (stdlib re: one C call)
    test: Any = None          # window -> match or None: how this entry is tried (see _tester)
    source: str = ""          # the pattern with its fragments expanded
    whole: bool = False       # test is a forward fullmatch of the whole window


def _expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    """Replace $name by its (expanded) fragment in a non-capturing group; unknown names stay."""
    if depth > 10:
        raise KeyError("fragment nesting deeper than 10 (a cycle?)")

    def one(m: regex.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            return m.group(0)
        return "(?:" + _expand(fragments[name], fragments, depth + 1) + ")"

    return _NAME.sub(one, pattern)


_NAME = compile_regex(r"\$([a-z_][a-z0-9_]*)")


_MISS = object()
_MEMO_MAX = 50_000


class _Plan:
    """The entries of some roles in one slot, tried in file order, with the memo of its answers
    (per document: a document repeats many windows ("", "Giao ", ":"))."""

    __slots__ = ("steps", "heads", "edges", "memo", "_chosen")

    def __init__(self, steps: tuple, edges: Any = None, heads: Any = None):
        # (trigger, literal words, literal phrases or None, bound test, the one literal word or
        # None, loose test or None): most entries have one word, tested with one `in` and no
        # inner loop.  Entry i has bit 1 << i in the edges' masks
        self.steps = tuple((t, lits, phrases, test, lits[0] if len(lits) == 1 else None,
                            _loose_test(t) if edges is not None else None)
                           for t, lits, phrases, test in steps)
        # mask -> the steps it lets through, in order: most masks let few through, and a loop
        # over these alone costs less than a test of every step's bit
        self._chosen: dict[int, tuple] = {-1: self.steps}
        self.heads = heads           # an _EdgeMasks of the windows' openings, or None
        # (_EdgeMasks of the entries' openings, _LazyMasks of their ends) of a whole-window
        # plan, or None
        self.edges = edges
        self.memo: dict = {}

    def __call__(self, window: str, low: Optional[str] = None) -> Optional[Trigger]:
        """The first entry hitting window (`low`: window in lower case, when the caller has it)."""
        if self.heads is not None and not self.heads[window[:_HEAD]]:
            return None                  # before the memo: no hashing of a long window
        edges = self.edges
        if edges is not None:            # the same (see _whole_edges)
            need = edges[0][window[:_HEAD]]
            if not need or not edges[1].among(window[-_TAIL:], need):
                return None
        memo = self.memo
        found = memo.get(window, _MISS)
        if found is not _MISS:
            return found
        if len(memo) >= _MEMO_MAX:     # callers outside build_directives never reset it
            memo.clear()
        found = memo[window] = self.find(window, low)
        return found

    def find(self, window: str, low: Optional[str] = None, ends: int = -1) -> Optional[Trigger]:
        """__call__ without the memo (ends: the bits of the entries the window's end lets
        through, when the caller knows them: see _BeforeTests)."""
        if self.heads is not None:
            ends &= self.heads[window[:_HEAD]]     # only the entries its opening lets through
            if not ends:
                return None
        edges = self.edges
        # a whole-window plan: only the entries both the window's opening and its end let
        # through can hit it (see _whole_edges)
        mask = ends if edges is None else edges[1].among(window[-_TAIL:], edges[0][window[:_HEAD]])
        chosen = self._chosen.get(mask)
        if chosen is None:
            chosen = self._chosen_by(mask)
        folded = None
        for t, lits, phrases, test, word, loose in chosen:
            if lits:
                if low is None:
                    low = window.lower()
                if phrases is not None and len(low) == len(window):
                    # every character lowered to one (no İ): a hit needs a whole phrase, and
                    # starts where one does, so the search starts at the first phrase
                    first = phrases.search(low)
                    if first is not None and test(window, first.start(), None, CONCURRENT) is not None:
                        return t
                    continue
                if word is not None:             # str `in`: cheaper than a regex call on short windows
                    if word not in low:
                        continue
                else:
                    for lit in lits:
                        if lit in low:
                            break
                    else:
                        continue
            if loose is not None:                # the stdlib screen of the entry (see _loose_test)
                if folded is None:
                    folded = window.casefold()
                    if len(folded) != len(window):
                        folded = False           # a character folding to several: not screened
                if folded is not False and loose(folded) is None:
                    continue
            if test(window, None, None, CONCURRENT) is not None:    # (keeps the GIL: see CONCURRENT)
                return t
        return None

    def _chosen_by(self, mask: int) -> tuple:
        """The steps whose bits mask sets, kept (a mask is one of few: bounded all the same)."""
        if len(self._chosen) >= 4096:
            self._chosen = {-1: self.steps}
        chosen = self._chosen[mask] = tuple(step for i, step in enumerate(self.steps) if mask >> i & 1)
        return chosen


class _BeforeTests:
    """What classify asks first of a chain's 'before' window: (lead or support entry, passive
    entry), the last only when no lead or support entry hits (classify does not look at it
    then).  One memo for the two plans: one lookup per window, not two.  The subject entry is
    asked apart (its own plan), only when classify needs it."""

    __slots__ = ("lead", "passive", "lead_ends", "passive_ends", "memo")

    def __init__(self, lead: _Plan, passive: _Plan):
        self.lead, self.passive = lead, passive
        # most windows end in words no entry can end with ("… tại "), or only a few can ("… của ":
        # "với sự phối hợp của "): told by their last characters (see _EdgeMasks), without the
        # literal tests of the others
        self.lead_ends, self.passive_ends = _EdgeMasks(_end_tests(lead)), _end_test(passive)
        self.memo: dict = {}

    def __call__(self, window: str, low: Optional[str]) -> tuple:
        found = self.memo.get(window)
        if found is None:
            if len(self.memo) >= _MEMO_MAX:
                self.memo.clear()
            if low is None:
                low = window.lower()         # once for both plans
            end = window[-_TAIL:]
            ends = self.lead_ends[end]
            lead = self.lead.find(window, low, ends) if ends else None
            found = self.memo[window] = (lead, None) if lead is not None else \
                (None, self.passive.find(window, low) if self.passive_ends[end] else None)
        return found


def _end_tests(plan: _Plan) -> list:
    """The tests of the ends of a 'before' plan's windows, one per step (its bit): its entries
    are compiled REVERSE, matched from the end."""
    return [t.regex.match for t, *_ in plan.steps]


def _end_test(plan: _Plan) -> _EdgeTest:
    """The _EdgeTest of the ends of a 'before' plan's windows (see _end_tests)."""
    return _EdgeTest(_end_tests(plan))


class _AnyMatch:
    """A boolean test with the per-document memo of its answers."""

    __slots__ = ("test", "memo")

    def __init__(self, test: Any):
        self.test = test
        self.memo: dict = {}

    def __call__(self, text: str) -> bool:
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= _MEMO_MAX:
                self.memo.clear()
            found = self.memo[text] = self.test(text)
        return found


@dataclass
class Lexicon:
    triggers: list[Trigger]
    _by: dict = field(default_factory=dict, repr=False)
    _plans: dict = field(default_factory=dict, repr=False)
    _joined: dict = field(default_factory=dict, repr=False)
    _before: Optional[_BeforeTests] = field(default=None, repr=False)
    _chain_tests: tuple = field(default=(), repr=False)

    def of(self, slot: str, role: str | None = None) -> list[Trigger]:
        key = (slot, role)
        if key not in self._by:
            self._by[key] = [t for t in self.triggers if t.slot == slot and (role is None or t.role == role)]
        return self._by[key]

    def first(self, slot: str, text: str, roles: tuple[str, ...],
              low: Optional[str] = None) -> Optional[Trigger]:
        """The first entry (file order) of these roles that hits text (`low`: the same
        window in lower case, when the caller has it).  Answers are memoized per (slot, roles,
        window) until reset_memo()."""
        return self.plan(slot, roles)(_window(slot, text), low)

    def plan(self, slot: str, roles: tuple[str, ...]) -> _Plan:
        """The memoized test of these roles in one slot: plan(window, low) is first() on a
        window already cut to the slot (hot callers fetch it once)."""
        plan = self._plans.get((slot, roles))
        if plan is None:
            steps = self._steps(slot, roles)
            # 'after' entries match at the window's start: most openings (" tổ chức …") fail all,
            # the others most entries
            heads = None
            if slot == "after" and steps:
                heads = _EdgeMasks([step[0].regex.match for step in steps])
            plan = self._plans[(slot, roles)] = _Plan(steps, _whole_edges([step[0] for step in steps]), heads)
        return plan

    def _steps(self, slot: str, roles: tuple[str, ...]) -> tuple:
        """(trigger, literal words, literal phrases, test) of the entries of these roles, in file
        order.  A 'text' entry is searched over a whole item: there one C search for its whole
        phrases on the lowered text rules out far more than a word (see _Plan.find)."""
        return tuple((t, tuple(prefilter_word(x) for x in t.spec.literals),
                      t.literals if slot == "text" else None, t.test)
                     for t in self.triggers if t.slot == slot and t.role in roles)

    def chain_tests(self) -> tuple:
        """classify's memoized tests: of a 'before' window (see _BeforeTests) and for a subject
        entry, and of an 'after' window for a lead or support entry, and for a block entry.
        Their bound __call__ methods: called per chain, a bound method is a plain function call
        (calling the instance itself goes through the slower type slot)."""
        if self._before is None:
            self._before = _BeforeTests(self.plan("before", ("lead", "support")),
                                        self.plan("before", ("passive",)))
            self._chain_tests = (self._before.__call__, self.plan("before", ("subject",)).__call__,
                                 self.plan("after", ("lead", "support")).__call__,
                                 self.plan("after", ("block",)).__call__)
        return self._chain_tests

    def any_match(self, slot: str, role: str) -> Any:
        """text -> whether some entry of this role matches at the start of text (literals not
        consulted), memoized like the plans (a document repeats its gaps: ", ", " và "): the
        bound __call__ of an _AnyMatch (see chain_tests)."""
        test = self._joined.get((slot, role))
        if test is None:
            test = self._joined[(slot, role)] = _AnyMatch(_any_matcher(slot, self.of(slot, role)))
        return test.__call__

    def reset_memo(self) -> None:
        """Forget memoized answers (one document's windows; keeps memory bounded)."""
        for plan in self._plans.values():
            plan.memo.clear()
        for test in self._joined.values():
            test.memo.clear()
        if self._before is not None:
            self._before.memo.clear()

    @staticmethod
    def hits(t: Trigger, text: str) -> bool:
        """Whether one entry hits text (literal prefilter, then its pattern)."""
        window = _window(t.slot, text)
        if t.literals is not None and t.literals.search(window.lower()) is None:
            return False
        return _test(t, window)


def _window(slot: str, text: str) -> str:
    """The part of text a slot looks at: anchored slots see MAX_WINDOW characters."""
    if slot == "before":
        return text[-MAX_WINDOW:]
    return text if slot == "text" else text[:MAX_WINDOW]


def _test(t: Trigger, window: str) -> bool:
    return t.test(window) is not None


def _tester(slot: str, whole: bool, expanded: str, rx: Any) -> Any:
    """How an entry is tried on its window.  'text' patterns are searched; 'after' and 'gap'
    ones match at the start.  'before' ones are compiled REVERSE, so match() is anchored at the
    end of the window: one attempt instead of a scan.  A 'before' pattern that must also start
    at the window's start (^..., no top-level |) matches the whole window or nothing, and a
    forward fullmatch() decides that faster: it fails at the first word that cannot begin it."""
    if slot == "text":
        return rx.search
    if whole:
        return compile_regex(expanded, FLAGS).fullmatch
    return rx.match


def _whole_edges(triggers: list[Trigger]) -> Any:
    """For a plan of whole-window entries (forward fullmatch): (_EdgeMasks of the entries'
    openings, _LazyMasks of their ends).  A window hit by an entry has an opening the entry can
    start (its forward fullmatch) and an end it can end (its REVERSE form matches from the end),
    so only the entries whose bits both masks set need a test: most windows ("Tăng cường …")
    none.  The ends are asked only about the entries an opening lets through.  None when the
    entries are not all of that kind."""
    if not triggers or not all(t.whole for t in triggers):
        return None
    return (_EdgeMasks([t.test for t in triggers]), _LazyMasks([t.regex.match for t in triggers]))


def _loose_test(t: Trigger) -> Any:
    """The fullmatch of the entry's stdlib loose form (loose_pattern) for a whole-window entry,
    or None: on the case-folded window it accepts every window the entry accepts, for a
    fraction of a 'regex' call (full case folding makes that one slow on long alternations)."""
    loose = loose_pattern(t.source) if t.whole else None
    return None if loose is None else compile_re(loose).fullmatch


class _Screen:
    """The joined match, after the same call of its stdlib-re loose form (loose_pattern) on the
    case-folded text: that one accepts every text the joined pattern accepts and costs a
    fraction of it (the 'regex' module is slow on these long alternations), so a text it
    rejects needs no further test.  Used only when every character folds to one (no ß, İ, ﬁ):
    then the folded text lines up with the text and full case folding is per character."""

    __slots__ = ("exact", "loose")

    def __init__(self, exact: Any, loose: Any):
        self.exact, self.loose = exact, loose

    def __call__(self, window: str) -> Any:
        folded = window.casefold()
        if len(folded) == len(window) and self.loose(folded) is None:
            return None
        return self.exact(window, None, None, CONCURRENT)


_HEAD = 3     # characters of a window's opening looked up in an _EdgeTest (whole-window plans)
_TAIL = 3     # characters of a window's end looked up in an _EdgeTest ('before' plans)


class _EdgeMemo(dict):
    """edge -> what the tests' partial matches say of a window with that opening (or that end),
    asked once per edge of a few characters (a property of the patterns, like a class table).
    For a whole-window test the edge is the window's first characters and the test a forward
    fullmatch; for a 'before' test (REVERSE, matched from the end) the window's last characters
    and the test its match.  Bounded, whatever scripts the documents use."""

    def __init__(self, tests: list):
        super().__init__()
        self._tests = tests

    def __missing__(self, edge: str):
        if len(self) >= 4096:
            self.clear()
        known = self[edge] = self._of(edge)
        return known

    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other


class _EdgeTest(_EdgeMemo):
    """edge -> whether some window with it can be hit by one of the tests: a window whose edge
    fails needs no further test."""

    def _of(self, edge: str) -> bool:
        return any(test(edge, concurrent=CONCURRENT, partial=True) is not None for test in self._tests)


class _EdgeMasks(_EdgeMemo):
    """edge -> the bit mask of the tests that let it through (bit i: tests[i]): an _EdgeTest
    per test, in one lookup.  A window is hit by no test when no test lets both its opening and
    its end through."""

    def _of(self, edge: str) -> int:
        return sum(1 << i for i, test in enumerate(self._tests)
                   if test(edge, concurrent=CONCURRENT, partial=True) is not None)


class _LazyMasks(dict):
    """edge -> (the bits asked so far, those of them whose tests let it through): an _EdgeMasks
    that runs a test only when a caller needs its bit (each is a partial match, costly under
    full case folding).  A whole-window plan asks about a window's end only for the entries its
    opening lets through: few ("Đối với …": one), and none for most windows."""

    def __init__(self, tests: list):
        super().__init__()
        self._tests = tests

    def among(self, edge: str, need: int) -> int:
        """The bits of need whose tests let edge through."""
        known = self.get(edge)
        if known is None or need & ~known[0]:
            known = self._ask(edge, need, known)
        return need & known[1]

    def _ask(self, edge: str, need: int, known: Optional[tuple]) -> tuple:
        asked, ok = known if known is not None else (0, 0)
        for i, test in enumerate(self._tests):
            bit = 1 << i
            if need & bit and not asked & bit:
                asked |= bit
                if test(edge, concurrent=CONCURRENT, partial=True) is not None:
                    ok |= bit
        if known is None and len(self) >= 4096:      # bounded, like _EdgeMemo
            self.clear()
        known = self[edge] = (asked, ok)
        return known

    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other


def loose_pattern(pattern: str) -> Optional[str]:
    """A stdlib-re pattern that, matched IGNORECASE on the case-folded text, accepts at least
    what `pattern` (a 'regex' pattern under FLAGS) accepts: word boundaries and lookarounds are
    dropped (they only narrow), the rest is kept as written.  re's \\s holds regex's (and
    \\x1c-\\x1f besides); folding maps no character out of what a written character or set
    takes (see loose_failures).  None when pattern uses anything else."""
    out, i, n, in_class = [], 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            e = pattern[i + 1:i + 2]
            if e == "b" and not in_class:
                i += 2
                continue
            if e not in _LOOSE_ESCAPES:
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif in_class:
            if c == "[" or c.casefold() != c:
                return None              # a nested set (V1), a letter folding to several
            in_class = c != "]"
            out.append(c)
            i += 1
        elif c == "[":
            in_class, j = True, i + 1
            j += pattern[j:j + 1] == "^"
            j += pattern[j:j + 1] == "]"
            out.append(pattern[i:j])
            i = j
        elif c == "(" and pattern.startswith("(?", i):
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                try:
                    i = group_end(pattern, i)   # a lookaround only narrows: dropped
                except ValueError:
                    return None
            else:
                return None
        elif c in "*+?}" and pattern[i + 1:i + 2] == "+":
            return None                  # possessive
        elif c.casefold() != c:
            return None                  # upper case, or a letter folding to several
        else:
            out.append(c)
            i += 1
    return "".join(out)


def loose_failures(pattern: str) -> list[str]:
    """Every character for which loose_pattern(pattern), on the case-folded text, could reject
    what pattern accepts (checked over all code points; none expected).  Only characters that
    fold to one are looked at: _Screen and _Plan.find do not use loose patterns on other
    texts, and on these full case folding is simple folding, character by character."""
    every = _single_fold_chars()
    plain = regex.sub(r"\\.|\[(?:\\.|[^\]\\])*\]|\(\?(?::|<?[=!])", " ", pattern)
    # each written character, each set and \\s: every character the pattern takes for one
    # of them (ignoring case) folds to a character the loose pattern takes for it
    units = {re.escape(c) for c in plain if c not in "()[]{}?*+|^$\\ "}
    units |= set(regex.findall(r"\[(?:\\.|[^\]\\])*\]", pattern)) | {r"\s"}
    out = []
    for unit in sorted(units):
        taken = "".join(regex.findall(unit, every, FLAGS))
        if re.fullmatch(f"(?:{unit})*", taken.casefold()) is None:
            bad = [c for c in taken if re.fullmatch(unit, c.casefold()) is None]
            out.append(f"{unit}: {bad[:5]!r} fold out of it")
    return out


@lru_cache(maxsize=1)
def _single_fold_chars() -> str:
    """Every code point that case-folds to one character."""
    return "".join(c for c in map(chr, range(0x110000)) if len(c.casefold()) == 1)


_LOOSE_ESCAPES = set("snt") | set(r".\-()[]{}|*+?^$/,;:!&#~'\"<>=%@`")


def _joinable(pattern: str) -> bool:
    """Whether pattern keeps its meaning as one branch of a larger alternation: no inline
    flags (they would reach the other branches) and no group references (numbers shift)."""
    return regex.search(r"\(\?[a-zA-Z-]+[:)]|\\\d|\(\?P=|\\g<", pattern) is None


def _whole_window(pattern: str) -> bool:
    """Whether every match of pattern starts at the start of the text: it begins with ^ and
    has no top-level alternative.  Atomic groups and possessive quantifiers are excluded: they
    could make a forward and a backward search disagree."""
    if not pattern.startswith("^") or "(?>" in pattern or regex.search(r"[*+?}]\+", pattern):
        return False
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "[":
                return False            # a nested set (V1) or [:class:]: not worth parsing
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":      # a leading ] is a member, not the end
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and strictly validate the role lexicon; all problems reported at once."""
    path = Path(path) if path else rules_dir() / "_roles.yaml"
    try:
        spec = LexFile.model_validate(load_yaml(path))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError([f"{path.name}: {exc}"]) from None
    except ValidationError as exc:
        raise RuleError([f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}"
                         for e in exc.errors()]) from None
    problems: list[str] = []
    triggers: list[Trigger] = []
    seen: set[str] = set()
    for e in spec.entries:
        where = f"{path.name} {e.id}"
        if e.id in seen:
            problems.append(f"{where}: duplicate id")
            continue
        seen.add(e.id)
        if not e.examples.match:
            problems.append(f"{where}: no positive example")
        if any(lit != lit.lower() or not lit.strip() for lit in e.literals):
            problems.append(f"{where}: literals must be non-empty lower case")
        if e.role == "lead" and e.modality is None:
            problems.append(f"{where}: a lead entry needs a modality")
        if e.slot == "before" and not e.pattern.endswith("$"):
            problems.append(f"{where}: a 'before' pattern must end with $")
        if e.slot in ("after", "gap") and not e.pattern.startswith("^"):
            problems.append(f"{where}: an '{e.slot}' pattern must start with ^")
        try:
            # 'before' patterns end at $: compiled REVERSE, match() starts at the end of the
            # text, so a test costs one attempt instead of a scan over the window
            expanded = _expand(e.pattern, spec.fragments)
            rx = compile_regex(expanded, FLAGS | (regex.REVERSE if e.slot == "before" else 0))
        except (KeyError, ValueError, regex.error) as exc:
            problems.append(f"{where}: pattern: {exc}")
            continue
        if regex.search(r"\$[a-z_]", expanded):
            problems.append(f"{where}: pattern: undefined fragment")  # a $name left unexpanded
            continue
        # words of a literal may be split by any run of spaces or a line end, as in the patterns
        lits = compile_re("|".join(r"\s+".join(map(re.escape, x.split())) for x in e.literals)) if e.literals else None
        whole = e.slot == "before" and _whole_window(expanded)
        triggers.append(Trigger(e.id, e.slot, e.role, e.modality, rx, e, lits,
                                _tester(e.slot, whole, expanded, rx), expanded, whole))
    if problems:
        raise RuleError(problems)
    return Lexicon(triggers)


@lru_cache(maxsize=2)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def example_failures(lex: Lexicon) -> list[str]:
    """Every lexicon example that does not behave as documented, and every character that
    would break the loose pattern of a screened entry (see loose_failures): a whole-window one,
    or one of a joined 'after' or 'gap' test (Lexicon.any_match)."""
    out = [f"{t.id}: {msg}" for t in lex.triggers
           if (t.whole or t.slot in ("after", "gap")) and loose_pattern(t.source) is not None
           for msg in loose_failures(t.source)]
    for t in lex.triggers:
        for s in t.spec.examples.match:
            if not lex.hits(t, s):
                out.append(f"{t.id}: should match {s!r}")
            elif not _edges_pass(t, _window(t.slot, s)):
                out.append(f"{t.id}: an edge test (_EdgeTest) rejects {s!r}")
        for s in t.spec.examples.no_match:
            if lex.hits(t, s):
                out.append(f"{t.id}: should not match {s!r}")
    return out


def _edges_pass(t: Trigger, window: str) -> bool:
    """Whether the _EdgeTest lookups of the plans holding t let a window it hits through."""
    if t.slot == "after":
        return t.regex.match(window[:_HEAD], partial=True) is not None
    if t.slot == "gap":         # see _any_matcher and _whole_ends
        if t.regex.match(window[:_HEAD], partial=True) is None:
            return False
        rx = compile_regex(t.source, FLAGS | regex.REVERSE)
        return window[-1:] == "\n" or rx.match(window[-_TAIL:], partial=True) is not None
    if t.slot != "before":
        return True
    if t.regex.match(window[-_TAIL:], partial=True) is None:
        return False
    forward = compile_regex(t.source, FLAGS)
    return not t.whole or forward.fullmatch(window[:_HEAD], partial=True) is not None


# --- chains ------------------------------------------------------------------

@dataclass(slots=True)
class Mention:
    """A body mention inside a unit: unit-local offsets and the index of the Body."""
    start: int
    end: int
    index: int


@dataclass(slots=True)
class Chain:
    mentions: list[Mention]
    start: int
    end: int
    role: Optional[str] = None          # lead, support, subject or None
    modality: Optional[str] = None
    trigger: Optional[str] = None
    at_unit_start: bool = False         # first words of the unit (after its label)
    heading: bool = False               # the unit's first line is only this chain
    passive: bool = False               # agent of a passive clause ("do X ...")


LABEL = compile_regex(rf"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*)(?:[.)/]|-(?=\s))|[a-zđ][./)](?=\s)|[-+–*{BULLET_SIGNS}]|Điều\s+\d+\.?)?\s*",
                      FLAGS)


def _label_end(text: str) -> int:
    """LABEL.match(text).end(), told without the 'regex' call (full case folding makes it
    costly) for the usual openings, where each character LABEL looks at is an ASCII one or a
    non-blank (regex's \\s lies within str.isspace): "- X" (2), "1. X", "a) X" (3), a word
    that opens no label ("Thực hiện …": 0).  Any other text: LABEL itself."""
    c0, c1 = text[:1], text[1:2]
    if c0 in _ASCII_BULLETS:
        if c1 == " " and not text[2:3].isspace():
            return 2
    elif c0 in _ASCII_DIGITS or c0 in _ASCII_LETTERS:
        if c1 in _LABEL_MARKS:
            if text[2:3] == " " and not text[3:4].isspace():
                return 3
        elif c0 in _ASCII_LETTERS and c0 not in _ROMAN_LETTERS:
            return 0             # no roman numeral, no "x)" / "x.", no bullet, no "Điều"
    return LABEL.match(text, None, None, CONCURRENT).end()


_ASCII_BULLETS = frozenset("-+*")
_ASCII_DIGITS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ROMAN_LETTERS = frozenset("IVXLCivxlc")
_LABEL_MARKS = frozenset("./)")     # "1.", "a)", and "1/", "a/" in some provinces


def _clause_start(text: str, pos: int, floor: int, rare: bool = True, lines: bool = True) -> int:
    """Start of the clause holding pos: the end of the last break ([.;:!?] + blank, or a
    newline) lying within max(floor, pos - MAX_WINDOW)..pos, else that bound.  Reverse str
    scans (C, no regex backtracking): the last newline, then a mark after it.  rare: whether
    text holds a '!' or '?' at all (see _has_rare_marks); without them, three scans, not five.
    lines: whether text holds a line break at all (most units do not: see _soften_breaks).
    (Comparisons, not max(): a call of the builtin costs more than the scans here.)"""
    lo = pos - MAX_WINDOW
    if lo < floor:
        lo = floor
    rfind = text.rfind
    nl = rfind("\n", lo, pos) if lines else -1
    start, end = nl if nl > lo else lo, pos - 1     # a mark needs its blank before pos
    marks = _ALL_MARKS if rare else _COMMON_MARKS
    while end > start:
        p = -1                                       # the last of the marks in text[start:end], or -1
        for mark in marks:
            q = rfind(mark, start, end)
            if q > p:
                p = q
        if p < 0:
            break
        if text[p + 1] in " \t\n" and not (text[p] == ":" and _ROLE_LABEL.search(text, max(start, p - 48), p, CONCURRENT)):
            return p + 2
        end = p          # "1.5", "08:00", "Đơn vị chủ trì: X" (the label is the role): look further back
    return nl + 1 if nl >= 0 else lo


_COMMON_MARKS = ".;:"
_ALL_MARKS = ".;:!?"      # "!" and "?" only where a text holds them (see _has_rare_marks)

# a task list's labelled field: the colon after it does not end the clause that names the role;
# nor does an enumeration's head ("phối hợp với các Bộ: Tài chính, Tư pháp": its members), nor a
# colon before the partners ("chủ trì, phối hợp với: A; B; C rà soát …")
_ROLE_LABEL = compile_regex(r"(?:chủ\s+trì(?:\s+(?:soạn\s+thảo|tham\s+mưu|xây\s+dựng)(?:\s+[^\s:;.,]+){0,4})?"
                            r"|phối\s+hợp(?:\s+(?:với|cùng))?|thực\s+hiện|triển\s+khai"
                            r"|(?<!\w)các\s+(?:bộ|sở|cục|vụ|tổng\s+cục)(?:\s*,\s*ngành)?)\s*$", FLAGS)


def _has_rare_marks(text: str) -> bool:
    """Whether text holds a '!' or a '?' (few do: two scans of the unit once, instead of two
    per clause start asked)."""
    return "!" in text or "?" in text


_START = attrgetter("start")


# the object of a request or assignment listed with semicolons: "đề nghị các Vụ, Cục; Sở Y tế các tỉnh;
# các bệnh viện … thực hiện", or a labelled field's ("Đơn vị phối hợp: A; B") (after another word, "; X"
# opens a clause of its own: "phối hợp với UBND các huyện; Sở Tài chính bố trí …")
_LIST_VERB_BEFORE = compile_regex(r"(?:đề\s+nghị|yêu\s+cầu|giao)\s+$"
                                  r"|(?:chủ\s+trì|phối\s+hợp(?:\s+với)?|thực\s+hiện)\s*:\s*$", FLAGS)   # (a field's label, a list after its colon)


_PARTNERS_BEFORE = compile_regex(r"phối\s+hợp\s+(?:với|cùng)\s*:?\s+$", FLAGS)


# a list that opens its line or item ("3. Các sở, ban, ngành tỉnh; UBND các xã, phường căn cứ …"): its
# semicolons part the subjects of the clause that follows
_LINE_OPENING = compile_regex(r"[ \t]*+(?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)][ \t]+|[-+•*][ \t]+)?", FLAGS)


def _semicolon_list(text: str, chain: "Chain", m: "Mention") -> bool:
    gap = text[chain.end:m.start]
    if gap.strip() != ";":
        return False
    first = chain.mentions[0].start
    if _LIST_VERB_BEFORE.search(text, max(0, first - 16), first, CONCURRENT) is not None:
        return True
    # partners listed with semicolons ("phối hợp với Bộ Thông tin và Truyền thông; Văn phòng Chính phủ;
    # Bảo hiểm xã hội Việt Nam bảo đảm …"): three or more names are one list; after two, "; X" may
    # open a clause of its own ("phối hợp với UBND các huyện; Sở Tài chính bố trí kinh phí")
    if (text.find(";", first, chain.end) >= 0 or text[m.end:m.end + 3].lstrip()[:1] == ";") \
            and _PARTNERS_BEFORE.search(text, max(0, first - 24), first, CONCURRENT) is not None:
        return True
    line_start = text.rfind("\n", 0, first) + 1
    return first - line_start <= 12 and _LINE_OPENING.fullmatch(text, line_start, first, CONCURRENT) is not None


# a defining aside after a name ("các Bộ, cơ quan ngang Bộ (sau đây gọi chung là Bộ, ngành) và UBND các
# tỉnh …"): the short name inside is no chain of its own, and the list goes on after the aside
_ALIAS_BEFORE = compile_regex(r"\(\s*sau\s+đây\s+(?:được\s+)?(?:gọi\s+)?(?:chung\s+|tắt\s+)?(?:là|gọi\s+là)\s+$", FLAGS)
_LEADING_ALIAS = compile_regex(r"\s*\(\s*sau\s+đây\b[^()\n]{0,120}\)", FLAGS)
# how many a group holds, said in brackets ("Các sở, ban, ngành tỉnh (19 cơ quan) và UBND các huyện (11
# đơn vị) thực hiện …"): the list goes on after it
_COUNT_ASIDE = compile_regex(r"\s*\(\s*\d{1,4}\s+[^()\n\d]{1,30}\)", FLAGS)


def _in_alias(text: str, start: int) -> bool:
    lo = max(0, start - 40)
    return text.find("sau", lo, start) >= 0 and _ALIAS_BEFORE.search(text, lo, start, CONCURRENT) is not None


def _unit_in_brackets(text: str, end: int, m: Mention) -> bool:
    """The mention alone fills the brackets opening right after a chain's end and names a unit by its
    full name ("(Cục Kiểm soát thủ tục hành chính)"), not the chain's short name ("(P.TCKH)") nor the
    body above it ("Phòng Cải cách hành chính (Sở Nội vụ)")."""
    if text[end:m.start].strip() != "(":
        return False
    close = text.find(")", m.end, m.end + 3)
    return close >= 0 and not text[m.end:close].strip() and _SUB_UNIT.match(text, m.start, m.end) is not None


# a unit inside a body, by its full name (a head word and a name in lower-case words)
_SUB_UNIT = compile_regex(r"(?:Cục|Vụ|Phòng|Trung\s+tâm|Chi\s+cục|Thanh\s+tra)\s+\p{Lu}[^()\n]*\s\p{Ll}")


def build_chains(text: str, mentions: list[Mention], lex: Lexicon) -> list[Chain]:
    """Group mentions joined by list punctuation into chains (document order)."""
    joins = lex.any_match("gap", "continue")
    chains: list[Chain] = []
    for m in sorted(mentions, key=_START):
        if chains:
            last = chains[-1]
            gap_end = m.start
            if text[last.end:last.end + 2].lstrip()[:1] == "(" and m.start <= last.end + 200:
                if _in_alias(text, m.start):
                    continue                # the short name defined in the aside
                if _unit_in_brackets(text, last.end, m):
                    # "Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính) theo dõi": the unit that does
                    # it, named in brackets, is one of the chain, which runs to the closing bracket
                    last.mentions.append(m)
                    last.end = text.index(")", m.end) + 1
                    continue
                aside = _LEADING_ALIAS.match(text, last.end, m.start, CONCURRENT) \
                    or _COUNT_ASIDE.match(text, last.end, m.start, CONCURRENT)
                gap_start = aside.end() if aside is not None else last.end
            else:
                gap_start = last.end
            # a gap over 80 characters joins nothing: told before it is sliced
            if gap_start <= gap_end <= gap_start + 80 and (joins(text[gap_start:gap_end])
                                                            or _semicolon_list(text, last, m)) \
                    and not _closes_fronted_time(text, last, gap_start, gap_end):
                last.mentions.append(m)
                if m.end > last.end:
                    last.end = m.end
                continue
            if m.start < last.end:      # overlapping mentions: keep the first
                continue
        chains.append(Chain([m], m.start, m.end))
    return chains


# a time said first whose event names a body ("Trong thời hạn 03 ngày làm việc kể từ ngày nhận được yêu
# cầu của Hội đồng thẩm định Trung ương, các sở, ngành chủ trì …"): its comma closes it, and the next
# body is the clause's subject, no member of a list with the event's body
_FRONTED_EVENT = compile_regex(
    r"[ \t]*+(?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)][ \t]+|[-+•][ \t]+)?"
    r"(?:trong\s+thời\s+hạn|kể\s+từ|(?:ngay\s+)?sau\s+khi|chậm\s+nhất)\s[^,;:.\n]{1,200}", FLAGS)


def _closes_fronted_time(text: str, last: Chain, gap_start: int, gap_end: int) -> bool:
    comma = text.find(",", gap_start, gap_end)
    if comma < 0:
        return False
    ls = text.rfind("\n", 0, last.start) + 1
    return _FRONTED_EVENT.fullmatch(text, ls, comma, CONCURRENT) is not None


def _any_matcher(slot: str, entries: list[Trigger]) -> Any:
    if entries and slot in ("after", "gap") and all(_joinable(t.source) for t in entries):
        source = "|".join(f"(?:{t.source})" for t in entries)
        joined = compile_regex(source, FLAGS)
        loose = loose_pattern(source)
        if loose is not None:
            # most texts (gaps between bodies) join nothing: the stdlib screen of the joined
            # pattern rejects them for a fraction of a 'regex' call (see _Screen)
            screen = _Screen(joined.match, compile_re(loose).match).__call__   # (see chain_tests)
            ends = _whole_ends(entries)
            if ends is not None:
                # a text ending in "\n" may be matched up to the break only: not told by its end
                return lambda text: ((text[-1:] == "\n" or ends[text[-_TAIL:]])
                                     and screen(text) is not None)
            return lambda text: screen(text) is not None
        return lambda text: joined.match(text, None, None, CONCURRENT) is not None
    tests = [t.regex.match for t in entries]
    if entries and slot in ("after", "gap"):
        # not joinable (the gap entries hold a (?-i:…) name): each entry is still tried only on
        # a text whose opening one of them can start (they match at the start) and, when each
        # ends with $, whose end one can end (see _whole_ends): most gaps (" tại ", " về ") neither
        heads = _EdgeTest(tests)
        ends = _whole_ends(entries)
        if ends is not None:
            return lambda text: (heads[text[:_HEAD]] and (text[-1:] == "\n" or ends[text[-_TAIL:]])
                                 and _any_match(tests, text))
        return lambda text: heads[text[:_HEAD]] and _any_match(tests, text)
    return lambda text: _any_match(tests, text)


def _whole_ends(entries: list[Trigger]) -> Optional[_EdgeTest]:
    """The _EdgeTest of the ends of the texts the entries match, when each entry ends with $ (a
    match runs to the end of the text, or to a final line break): each pattern compiled REVERSE,
    matched from the end.  Most gaps end in words no list joint ends with."""
    if not all(t.source.endswith("$") and not t.source.endswith("\\$") for t in entries):
        return None
    return _EdgeTest([compile_regex(t.source, FLAGS | regex.REVERSE).match for t in entries])


def _any_match(tests: list, text: str) -> bool:
    for test in tests:
        if test(text, None, None, CONCURRENT) is not None:
            return True
    return False


_LOWER = object()     # classify(low=...) not given: lower the text here
_UNASKED = object()   # classify: the subject entries not tried yet on this chain's window


def classify(text: str, chains: list[Chain], lex: Lexicon, low: Any = _LOWER,
             needed_from: int = 0) -> list[Chain]:
    """Give every chain its role from the text around it (see rules/_roles.yaml).
    low: lower_once(text), when the caller has it.  needed_from: only the chains starting there
    or later need a role; earlier ones are classified only as far as those depend on them."""
    body_start = _label_end(text)
    lines = "\n" in text                       # most units hold no line break (_soften_breaks)
    first_nl = text.find("\n", body_start) if lines else -1    # the end of the first line
    title_end = _title_end(text, body_start, first_nl)
    chains = _merge_heading_line(text, chains, body_start, first_nl)
    first = _first_needed(text, chains, needed_from, body_start) if needed_from > 0 else 0
    if first == len(chains):
        return chains
    before_tests, before_subject, after_lead, after_block = lex.chain_tests()
    if low is _LOWER:
        low = lower_once(text)                  # for the literal prefilters
    prev: Optional[Chain] = None
    rare = _has_rare_marks(text)
    quoted = '"' in text
    for ch in (chains[first:] if first else chains):
        if quoted and _in_quoted_speech(text, ch):
            prev = ch
            continue
        # both windows are at most MAX_WINDOW long: they are the slots' windows as they are
        cs = _clause_start(text, ch.start, body_start, rare, lines)   # at most MAX_WINDOW back
        before = text[cs:ch.start]
        blow = before.lower() if low is None else low[cs:ch.start]
        t, passive = before_tests(before, blow)
        if t is not None:
            if t.role == "support" and prev is not None and prev.passive and prev.end >= cs \
                    and prev.trigger != "passive_doer" \
                    and not text[prev.end:ch.start].strip(" ,").lower().startswith("và"):
                pass                     # "do X phối hợp với Y": both are agents of a passive
            else:
                ch.role, ch.modality, ch.trigger = t.role, t.modality, t.id
            prev = ch
            continue
        ch.passive = passive is not None
        # the after window, only now: a chain named by a lead or support entry does not need it
        nl = text.find("\n", ch.end, ch.end + MAX_WINDOW) if lines else -1
        after_end = nl if nl >= 0 else ch.end + MAX_WINDOW
        after = text[ch.end:after_end]
        alow = after.lower() if low is None else low[ch.end:after_end]
        if after[:1].isspace() and after[1:2].isupper():
            holder = _HOLDER_NAME.match(after, None, None, CONCURRENT)
            if holder is not None:   # "Phó Chủ tịch UBND tỉnh Nguyễn Đăng Khoa kết luận …": the verb after the name
                after, alow = after[holder.end():], alow[holder.end():]
        # the subject entries matter only at the unit start or for a chain that no after entry
        # names: asked then, not for every chain.  A unit start: only positions between the
        # label and the chain ("a) Sở Tư pháp ...", "Thủ trưởng các sở ...")
        at_start = cs == body_start or cs == title_end or (
            cs > body_start and text[cs - 2:cs].strip() == ":" and _ENUM_HEAD.fullmatch(text, body_start, cs, CONCURRENT) is not None)
        if at_start and before and before[-2:-1] == "," and before[0] not in "–-":
            fronted = _FRONTED_TIME.match(before, 0, None, CONCURRENT)
            if fronted is None and text[body_start:first_nl if first_nl >= 0 else len(text)].rstrip().endswith(":"):
                fronted = _FRONTED_GROUND.match(before, 0, None, CONCURRENT)
            if fronted is not None and fronted.end() == len(before):
                before, blow = "", ""
        subj = before_subject(before, blow) if at_start else _UNASKED
        ch.at_unit_start = at_start and subj is not None and subj.spec.at_start
        # (or on the line right after the item's title: "I. NHIỆM VỤ CHUNG" / "Đối với Thủ trưởng các đơn vị thuộc Bộ:")
        if ch.at_unit_start and (text.rfind("\n", body_start, ch.start) < 0
                                 or cs == title_end and text.find("\n", ch.end) < 0):
            # "2. Công an tỉnh", "5. Văn phòng UBND tỉnh:", "2. Sở Tài chính: Chủ trì, ..."
            ch.heading = bool(HEADING_TAIL.match(after, None, None, CONCURRENT)
                              or HEADING_COLON.match(after, None, None, CONCURRENT)
                              or subj.id == _ADDRESSEE_HEADING and _titled_line(text, first_nl)) and not ch.passive
        if subj is not None and subj is not _UNASKED and subj.spec.tasks_after_colon \
                and not HEADING_DUTIES.match(after, None, None, CONCURRENT):
            ch.heading, ch.at_unit_start, subj = False, False, None
        if not ch.heading and after[:2].lstrip()[:1] == "(" and after_lead(after, alow) is None:
            # "Sở Nội vụ (cơ quan thường trực) thẩm định …", "Tổ giúp việc (thành lập theo Quyết định
            # số …) thẩm định …": the verb after the aside is the chain's (the aside is no attribute);
            # a role in brackets ("Sở Tài chính (chủ trì), …") is no aside: it is the chain's role
            aside = _ASIDE_AFTER.match(after, None, None, CONCURRENT)
            if aside is not None:
                after, alow = after[aside.end():], alow[aside.end():]
        if ch.passive and _PASSIVE_DOER.match(after, None, None, CONCURRENT):
            # "(do UBND các xã, phường thực hiện, gửi Sở Nội vụ)": the agent who does the task
            ch.role, ch.modality, ch.trigger = "lead", "assign", "passive_doer"
        elif not ch.passive:
            after_role = after_lead(after, alow)
            if after_role is not None and after_role.role == "lead" and _DIRECTED.search(blow):
                after_role = None   # "… hướng dẫn, đôn đốc các địa phương thực hiện;": the verb's object
            elif after_role is not None and after_role.role == "support" and _DIRECTED_PARTNER.search(blow):
                after_role = None   # "chỉ đạo các sở … phối hợp thực hiện": told to work with the doer, no partner of it
            if after_role is not None:
                ch.role, ch.modality, ch.trigger = after_role.role, after_role.modality, after_role.id
            elif ch.heading:
                ch.role, ch.trigger = "subject", "heading"
            elif lines and _opens_paragraph(text, cs, ch.start, after):
                # "Phòng Nội vụ: chủ trì …" opening a later paragraph of the item: its subject
                ch.role, ch.trigger = "subject", "paragraph_heading"
            elif cs == ch.start and _ends_colon_list(text, cs, ch.end):
                # "a) Báo cáo kết quả … quý III: Sở Xây dựng, UBND huyện A.": the bodies listed
                # after the task's colon, ending the item, are the ones that owe it
                ch.role, ch.trigger = "lead", "colon_list"
            else:
                if subj is _UNASKED:
                    subj = before_subject(before, blow)
                if subj is not None and after_block(after, alow) is None \
                        and not _continues_list(text, cs, prev):
                    ch.role, ch.trigger = "subject", subj.id
        prev = ch
    return chains


_QUOTE_REACH = 600      # how far a quotation's marks are looked for around a chain
_QUOTE_MIN = 20         # a quotation holding fewer characters beside a name only names it
# the same passage as a whole, for text read without its chains (directives._unquoted)
QUOTED_SPEECH = compile_regex(r':[ \t]*"[^"]{%d,%d}"' % (_QUOTE_MIN, _QUOTE_REACH), FLAGS)


def _in_quoted_speech(text: str, ch: Chain) -> bool:
    """The chain stands in a passage quoted after a colon ("Nội dung kiến nghị: “… Đề nghị Bộ Công
    Thương hướng dẫn …”", "quy định: “…”"): the words are another writer's, no task of this document.
    (The normaliser has made every double quote '"'.)  A quote that holds little more than the name
    ("thành lập: “Tổ công nghệ số cộng đồng”") only names it."""
    opening = text.rfind('"', max(0, ch.start - _QUOTE_REACH), ch.start)
    if opening < 0 or text[max(0, opening - 3):opening].rstrip()[-1:] != ":":
        return False
    closing = text.find('"', ch.end, ch.end + _QUOTE_REACH)
    return closing >= 0 and (ch.start - opening - 1) + (closing - ch.end) >= _QUOTE_MIN


# after a passive's agent ("do X"): the verb that makes it the task's doer, then the clause ends
# (a short qualifier may stand between: "do Ủy ban nhân dân các phường nơi đặt trụ sở cũ thực hiện, …")
# ("Hệ thống do X phối hợp với Y triển khai" names who built a thing: no task of theirs)
# ("nhiệm vụ này do Bộ Tổng Tham mưu chủ trì, phối hợp với Bộ Công an thực hiện.": the one who leads it, and
# the partner after "phối hợp với" supports); how often or how soon may follow the verb ("việc tuyên
# truyền do Phòng Văn hóa - Xã hội thực hiện thường xuyên.")
_PASSIVE_DOER = compile_regex(r"^\s*(?:(?:(?!phối\s+hợp|với\s|và\s)[^,;:.()\n]){1,40}?\s)?"
                              r"(?:chủ\s+trì(?:\s*,\s*phối\s+hợp\s+với\s+[^;:.()\n]{1,150}?)?\s+)?thực\s+hiện"
                              r"(?:\s+(?:thường\s+xuyên|liên\s+tục|kịp\s+thời|ngay|định\s+kỳ|hằng\s+(?:ngày|tuần|tháng|quý|năm)))?"
                              r"\s*(?:[,;).]|$)",
                              FLAGS)
# "2. Đối với các đại học, học viện và trường cao đẳng tuyển sinh ngành …": a heading that names whom its
# items are for, whatever qualifies them after the first name, as long as the line ends as a title does
_ADDRESSEE_HEADING = "subject.doi_voi_heading"


def _titled_line(text: str, nl: int) -> bool:
    line = (text if nl < 0 else text[:nl]).rstrip()
    return len(line) <= 240 and line[-1:] not in ".;!?"


_PARAGRAPH_HEAD = compile_regex(r"^[ \t]*:[ \t]*\p{Ll}")
# a bracketed aside right after a chain, closed on its line, then a lower-case word (a verb)
_ASIDE_AFTER = compile_regex(r"[ \t]?\([^()\n;]{1,200}\)(?=[ \t]+\p{Ll})")
# the name of the body's holder right after it, opened by a common family name, before a lower-case verb
_HOLDER_NAME = compile_regex(
    r"\s+(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương|Lương|Mai|Đào"
    r"|Cao|Lâm|Hà|Tô|Đoàn|Trịnh|Quách|Châu|Tạ|Thái)(?:\s\p{Lu}\p{Ll}*){1,3}(?=\s+\p{Ll})")
# a heading that lists elliptical names under their kind ("6. Các sở: Kế hoạch và Đầu tư, Công Thương"):
# its members start the item as a heading body does
_ENUM_HEAD = compile_regex(r"\s*(?:các|những)\s+(?:sở|bộ)(?:\s*,\s*ngành)?\s*:\s*", FLAGS)
# a time said before the subject opens the sentence: "3. Từ tháng 10/2025, các cơ quan … thực hiện …",
# "Trong năm 2025, Sở Nội vụ …": the subject still opens the clause that asks
# ("Đến nay, Sở … đã …" tells what has been done: no time of a task)
_FRONTED_TIME = compile_regex(r"\s*(?!đến\s+nay\b)(?:từ|trong|đến|kể\s+từ|ngay\s+sau\s+khi|sau\s+khi|trước|chậm\s+nhất|hằng|hàng|định\s+kỳ)"
                              r"\s[^,;:.\n]{1,60}?,\s*", FLAGS)
# ... and so does a ground said first when the line then lists the subject's duties ("Điều 2. Căn cứ kết
# quả Chỉ số CCHC năm 2024, các bộ … có trách nhiệm:"); in a task sentence ("2. Căn cứ kết quả …, các cơ
# quan, đơn vị, địa phương tổ chức quán triệt …") the subject is not the item's own heading
# a chain right after a verb of overseeing is its object ("theo dõi, hướng dẫn, đôn đốc các địa phương
# thực hiện;"), whom the doer oversees: the verb after it ("thực hiện") is not its own task
_DIRECTED = compile_re(r"(?:đôn\s+đốc|hướng\s+dẫn|theo\s+dõi|kiểm\s+tra|giám\s+sát|hỗ\s+trợ)\s*$")
# ... and a chain after a verb of directing whose own verb is "phối hợp" is the one directed to cooperate
_DIRECTED_PARTNER = compile_re(r"(?:chỉ\s+đạo|đôn\s+đốc|hướng\s+dẫn)\s*$")
_FRONTED_GROUND = compile_regex(r"\s*(?:căn\s+cứ|trên\s+cơ\s+sở)\s[^,;:.\n]{1,60}?,\s*", FLAGS)


# what a list after a colon may close with; the labels whose colon lists members, places or
# objects, not the bodies that owe a task ("Thành phần: …", "Đối tượng kiểm tra: …")
_LIST_TAIL = " \t\n.;"
_NOT_OWERS = compile_regex(r"[ \t]*(?:(?:[-+•*]|\p{L}[.)]|[\dIVX]+(?:\.\d+)*[.)/])[ \t]*)?(?:thành\s+phần|đối\s+tượng|"
                           r"tham\s+dự|tham\s+gia|mời|kính\s+gửi|nơi\s+nhận|địa\s+điểm|gồm|chủ\s+trì|phối\s+hợp)", FLAGS)


def _ends_colon_list(text: str, cs: int, end: int) -> bool:
    """The chain opens its clause right after a colon and nothing but a full stop follows it in the
    unit: a task's list of owing bodies (see classify)."""
    k = cs - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] != ":" or text[end:].strip(_LIST_TAIL):
        return False
    line = text.rfind("\n", 0, k) + 1
    return _NOT_OWERS.match(text, line, k, CONCURRENT) is None


def _opens_paragraph(text: str, cs: int, start: int, after: str) -> bool:
    """The chain alone opens a paragraph, or a clause after a semicolon, and a colon then lower-case
    task text follow ("Văn phòng UBND huyện: chỉ đạo …", "…; Sở Tài chính: bố trí kinh phí …"); a
    list after the colon ("Các Sở: Nội vụ, Tư pháp") starts a capital."""
    mark = text[cs - 1:cs]
    if mark == " ":
        mark = text[cs - 2:cs - 1]
    return mark in ("\n", ";") and not text[cs:start].strip() \
        and _PARAGRAPH_HEAD.match(after, None, None, CONCURRENT) is not None


def _title_end(text: str, body_start: int, nl: int) -> int:
    """Where the item's first paragraph starts when its first line is a title that kept its line
    break ("4. Chế độ báo cáo\nCác cơ quan …": a break softened into a space is no title), else -1.
    nl: text.find("\n", body_start)."""
    if nl <= body_start or not (text[nl - 1].isalnum() or text[nl - 1] == ")"):
        return -1      # (a title may end with its time in brackets: "Bước 3: Tổng hợp (trong tháng 11/2024)")
    return nl + 1


def _first_needed(text: str, chains: list[Chain], needed_from: int, body_start: int) -> int:
    """Index of the first chain classify must analyse so that every chain starting at or after
    needed_from gets the role a full pass gives it.  A chain looks back at the one before only
    when that one ends inside its clause (passive agents) or only ';' lies between them (a list
    continued across clauses); a chain that does neither is classified the same with no
    predecessor, so the analysis can start there."""
    k = next((i for i, c in enumerate(chains) if c.start >= needed_from), len(chains))
    if k == len(chains):
        return k
    while k > 0:
        prev, ch = chains[k - 1], chains[k]
        cs = _clause_start(text, ch.start, body_start)
        if prev.end < cs and text[prev.end:cs].strip() != ";":
            break
        k -= 1
    return k


def lower_once(text: str) -> Optional[str]:
    """text.lower() when its slices are the lowered slices of text: no character whose lower
    case is longer (İ) or depends on its neighbours (Σ); else None (lower each window)."""
    low = text.lower()
    return low if len(low) == len(text) and "\u03a3" not in text else None


# the rest of a heading line after its bodies: nothing, ":" or an alias aside
# ("1. Các bộ, …, UBND các tỉnh (sau đây gọi chung là bộ, ngành, địa phương):")
# a heading's body may carry its holder's office in apposition ("a) Giám đốc Sở Nội vụ - Phó Trưởng ban
# Thường trực:", "d) Chủ tịch UBND các huyện - Thành viên Ban Chỉ đạo:")
# ("… Sở Thông tin và Truyền thông, Phó Trưởng ban Thường trực"); with a colon, the member's tasks may follow
# on the line ("4. Đồng chí Giám đốc Công an tỉnh, Ủy viên: chỉ đạo …")
# (or the group a ranking put them in: "1. Sở Dân tộc và Tôn giáo và UBND các xã, phường thuộc nhóm Yếu")
# (or the holder of the office named: "1. Chủ tịch UBND xã - Ông Nguyễn Thanh Phong")
_APPOSITION = (r"(?:\s*\([^()\n]{1,160}\))?(?:(?:\s+[-–]|,)\s+(?:[Pp]hó|[Tt]rưởng|[Ủủ]y\s+viên|[Tt]hành\s+viên|"
               r"[Tt]hường\s+trực|[Tt]ổ\s+trưởng|[Tt]ổ\s+phó|(?:Ông|Bà|Đồng\s+chí|đồng\s+chí)(?=\s+\p{Lu}))\b[^\n:;.()]{0,60}"
               r"(?:\s*\([^()\n]{1,80}\))?)?"
               r"(?:\s+(?:thuộc|xếp)\s+(?:nhóm|khối|loại)\s[^\n:;.()]{1,40})?")
HEADING_TAIL = compile_regex(r"^" + _APPOSITION + r"[ \t:.;]*$")
HEADING_COLON = compile_regex(r"^" + _APPOSITION + r"[ \t]*:")
HEADING_DUTIES = compile_regex(r"^" + _APPOSITION + r"[ \t]*:[ \t]*\p{Ll}")   # "…: phụ trách …"
HEADING_GAP = compile_regex(r"^\s*(?:[,;]|và)\s*(?:và\s+)?$", FLAGS)


def _merge_heading_line(text: str, chains: list[Chain], body_start: int, nl: int) -> list[Chain]:
    """A first line made only of body names ("3. Các sở, ban, ngành; UBND các huyện") is one
    heading chain, even where ';' would otherwise end a list.  nl: text.find("\n", body_start)."""
    if len(chains) < 2:
        return chains
    if nl < 0:                           # one line: every chain is on it
        line_end, k = len(text), len(chains)
    else:
        line_end, k = nl, 0
        while k < len(chains) and chains[k].start < line_end:
            k += 1
    if k >= 2 and text[chains[k - 1].end:line_end].strip(" \t:.;"):
        # "4. Các sở, ban, ngành tỉnh; UBND các xã, phường: Căn cứ …": the names before the
        # heading's colon, the task after it on the same line
        colon = text.find(":", chains[0].end, line_end)
        k = 0
        while k < len(chains) and colon >= 0 and chains[k].end <= colon:
            k += 1
        if colon < 0 or k < 2 or text[chains[k - 1].end:colon].strip():
            return chains
    if k < 2:
        return chains
    for a, b in zip(chains, chains[1:k]):
        if not HEADING_GAP.match(text[a.end:b.start], None, None, CONCURRENT):
            return chains
    merged = Chain([m for c in chains[:k] for m in c.mentions], chains[0].start, chains[k - 1].end)
    return [merged] + chains[k:]


def _continues_list(text: str, clause_start: int, prev: Optional[Chain]) -> bool:
    """A chain right after '; ' that closed the previous clause continues that list
    ("đôn đốc A, B; C kịp thời triển khai"): it shares the previous chain's role."""
    if prev is None or prev.role is not None:
        return False
    between = text[prev.end:clause_start]
    return between.strip() in (";",)
