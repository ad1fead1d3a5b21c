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
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Optional

import regex
import yaml
from pydantic import Field, ValidationError

from .rules import RuleError, StrictModel, rules_dir
from .startup_cache import compile_re, compile_regex, load_yaml

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


@dataclass
class Lexicon:
    triggers: list[Trigger]
    _by: dict = field(default_factory=dict, repr=False)
    _plans: dict = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def of(self, slot: str, role: str | None = None) -> list[Trigger]:
        key = (slot, role)
        if key not in self._by:
            self._by[key] = [t for t in self.triggers if t.slot == slot and (role is None or t.role == role)]
        return self._by[key]

    def first(self, slot: str, text: str, roles: tuple[str, ...],
              low: Optional[str] = None) -> Optional[Trigger]:
        """The first entry (file order) of these roles that hits text (`low`: the same
        window in lower case, when the caller has it).  Answers are memoized per (slot, roles,
        window) until reset_memo(): a document repeats many windows ("", "Giao ", ":")."""
        window = text[-MAX_WINDOW:] if slot == "before" else text if slot == "text" else text[:MAX_WINDOW]
        memo_key = (slot, roles, window)
        found = self._memo.get(memo_key, _MISS)
        if found is not _MISS:
            return found
        plan = self._plans.get((slot, roles))
        if plan is None:
            plan = self._plans[(slot, roles)] = self._plan(slot, roles)
        found = None
        for t, lits, test in plan:
            if lits:
                if low is None:
                    low = window.lower()
                for lit in lits:     # str `in`: cheaper than a regex call on short windows
                    if lit in low:
                        break
                else:
                    continue
            if test(window) is not None:
                found = t
                break
        if len(self._memo) >= _MEMO_MAX:     # callers outside build_directives never reset it
            self._memo.clear()
        self._memo[memo_key] = found
        return found

    def _plan(self, slot: str, roles: tuple[str, ...]) -> tuple:
        """(trigger, literals, bound test) of the entries of these roles, in file order."""
        # 'before' patterns are REVERSE: match() is anchored at the end; 'text' ones are searched
        return tuple((t, tuple(t.spec.literals), t.regex.search if slot == "text" else t.regex.match)
                     for t in self.triggers if t.slot == slot and t.role in roles)

    def reset_memo(self) -> None:
        """Forget memoized answers (one document's windows; keeps memory bounded)."""
        self._memo.clear()

    @staticmethod
    def hits(t: Trigger, text: str) -> bool:
        """Whether one entry hits text (literal prefilter, then its pattern)."""
        window = _window(t.slot, text)
        if t.literals is not None and t.literals.search(window.lower()) is None:
            return False
        return _test(t, window)


_MISS = object()
_MEMO_MAX = 50_000


def _window(slot: str, text: str) -> str:
    """The part of text a slot looks at: anchored slots see MAX_WINDOW characters."""
    if slot == "before":
        return text[-MAX_WINDOW:]
    return text if slot == "text" else text[:MAX_WINDOW]


def _test(t: Trigger, window: str) -> bool:
    # 'before' patterns are REVERSE: match() is anchored at the end; 'text' ones are searched
    return (t.regex.search(window) if t.slot == "text" else t.regex.match(window)) is not None


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
            rx = compile_regex(_expand(e.pattern, spec.fragments),
                               FLAGS | (regex.REVERSE if e.slot == "before" else 0))
        except (KeyError, ValueError, regex.error) as exc:
            problems.append(f"{where}: pattern: {exc}")
            continue
        if regex.search(r"\$[a-z_]", _expand(e.pattern, spec.fragments)):
            problems.append(f"{where}: pattern: undefined fragment")  # a $name left unexpanded
            continue
        lits = compile_re("|".join(re.escape(x) for x in e.literals)) if e.literals else None
        triggers.append(Trigger(e.id, e.slot, e.role, e.modality, rx, e, lits))
    if problems:
        raise RuleError(problems)
    return Lexicon(triggers)


@lru_cache(maxsize=2)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def example_failures(lex: Lexicon) -> list[str]:
    """Every lexicon example that does not behave as documented."""
    out = []
    for t in lex.triggers:
        for s in t.spec.examples.match:
            if not lex.hits(t, s):
                out.append(f"{t.id}: should match {s!r}")
        for s in t.spec.examples.no_match:
            if lex.hits(t, s):
                out.append(f"{t.id}: should not match {s!r}")
    return out


# --- chains ------------------------------------------------------------------

@dataclass(slots=True)
class Mention:
    """A body mention inside a unit: unit-local offsets and the index of the Body."""
    start: int
    end: int
    index: int


@dataclass
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


LABEL = compile_regex(r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]|[a-zđ][.)](?=\s)|[-+•–]|Điều\s+\d+\.?)?\s*",
                      FLAGS)


# a clause break: [.;:!?] + blank, or a newline.  Searched REVERSE from pos, so the first
# hit is the one ending last (one call instead of an rfind per break string)
_BREAK = compile_regex(r"[.;:!?][ \n\t]|\n", regex.REVERSE)


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause holding pos: after the last [.;:!?] + blank, or newline."""
    lo = max(floor, pos - MAX_WINDOW)
    m = _BREAK.search(text, lo, pos)
    return m.end() if m is not None else lo


def build_chains(text: str, mentions: list[Mention], lex: Lexicon) -> list[Chain]:
    """Group mentions joined by list punctuation into chains (document order)."""
    gaps = [g.regex.match for g in lex.of("gap", "continue")]
    chains: list[Chain] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if chains:
            last = chains[-1]
            gap = text[last.end:m.start]
            if m.start >= last.end and len(gap) <= 80 and _any_match(gaps, gap):
                last.mentions.append(m)
                last.end = max(last.end, m.end)
                continue
            if m.start < last.end:      # overlapping mentions: keep the first
                continue
        chains.append(Chain([m], m.start, m.end))
    return chains


def _any_match(tests: list, text: str) -> bool:
    for test in tests:
        if test(text) is not None:
            return True
    return False


def classify(text: str, chains: list[Chain], lex: Lexicon) -> list[Chain]:
    """Give every chain its role from the text around it (see rules/_roles.yaml)."""
    body_start = LABEL.match(text).end()
    chains = _merge_heading_line(text, chains, body_start)
    prev: Optional[Chain] = None
    for ch in chains:
        cs = _clause_start(text, ch.start, body_start)          # at most MAX_WINDOW back
        before = text[cs:ch.start]
        nl = text.find("\n", ch.end, ch.end + MAX_WINDOW)
        after = text[ch.end:nl if nl >= 0 else ch.end + MAX_WINDOW]
        blow, alow = before.lower(), after.lower()      # for the literal prefilters, once
        t = lex.first("before", before, ("lead", "support"), blow)
        if t is not None:
            if t.role == "support" and prev is not None and prev.passive and prev.end >= cs \
                    and not text[prev.end:ch.start].strip(" ,").lower().startswith("và"):
                pass                     # "do X phối hợp với Y": both are agents of a passive
            else:
                ch.role, ch.modality, ch.trigger = t.role, t.modality, t.id
            prev = ch
            continue
        ch.passive = lex.first("before", before, ("passive",), blow) is not None
        subj = lex.first("before", before, ("subject",), blow)
        # only positions between the label and the chain ("a) Sở Tư pháp ...", "Thủ trưởng các sở ...")
        ch.at_unit_start = cs == body_start and subj is not None and subj.spec.at_start
        if ch.at_unit_start and text.rfind("\n", body_start, ch.start) < 0:
            # "2. Công an tỉnh", "5. Văn phòng UBND tỉnh:", "2. Sở Tài chính: Chủ trì, ..."
            ch.heading = (not after.strip(" \t:.;") or after.lstrip().startswith(":")) and not ch.passive
        if not ch.passive:
            after_role = lex.first("after", after, ("lead", "support"), alow)
            if after_role is not None:
                ch.role, ch.modality, ch.trigger = after_role.role, after_role.modality, after_role.id
            elif ch.heading:
                ch.role, ch.trigger = "subject", "heading"
            elif subj is not None and lex.first("after", after, ("block",), alow) is None \
                    and not _continues_list(text, cs, prev):
                ch.role, ch.trigger = "subject", subj.id
        prev = ch
    return chains


HEADING_GAP = compile_regex(r"^\s*(?:[,;]|và)\s*(?:và\s+)?$", FLAGS)


def _merge_heading_line(text: str, chains: list[Chain], body_start: int) -> list[Chain]:
    """A first line made only of body names ("3. Các sở, ban, ngành; UBND các huyện") is one
    heading chain, even where ';' would otherwise end a list."""
    nl = text.find("\n", body_start)
    line_end = len(text) if nl < 0 else nl
    first = [c for c in chains if c.start < line_end]
    if len(first) < 2 or text[first[-1].end:line_end].strip(" \t:.;"):
        return chains
    if not all(HEADING_GAP.match(text[a.end:b.start]) for a, b in zip(first, first[1:])):
        return chains
    merged = Chain([m for c in first for m in c.mentions], first[0].start, first[-1].end)
    return [merged] + chains[len(first):]


def _continues_list(text: str, clause_start: int, prev: Optional[Chain]) -> bool:
    """A chain right after '; ' that closed the previous clause continues that list
    ("đôn đốc A, B; C kịp thời triển khai"): it shares the previous chain's role."""
    if prev is None or prev.role is not None:
        return False
    between = text[prev.end:clause_start]
    return between.strip() in (";",)
