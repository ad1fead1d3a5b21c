"""Loader of ``rules/bodies.yaml``: the gazetteer of bodies, name patterns and blockers.

Same standards as rules.load_rules: strict models (unknown keys refused), every
pattern compiled at load, patterns matching "" refused, duplicate ids and
duplicate names refused, every entry / pattern / blocker must carry positive and
negative examples, and every problem is reported at once in one RuleError.

Patterns are compiled in VERBOSE mode (write a literal space as ``\\ ``) and may
use ``$fragment`` and ``\\L<list>`` from the file's own ``fragments`` / ``lists``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Optional, Union

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .normalize import fold_key
from .rules import _Loader, rules_dir

LevelSpec = Literal["central", "province", "district", "commune", "party", "other", "auto"]
Level = Literal["central", "province", "district", "commune", "party", "other"]

FLAGS = regex.V1 | regex.UNICODE | regex.VERBOSE


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
    description: str = ""
    examples: BodyExamples


class PatternSpec(_Strict):
    id: str
    pattern: str
    priority: int = 50
    level: LevelSpec
    default: Level = "other"
    group: Union[bool, Literal["auto"]] = False
    description: str = ""
    examples: BodyExamples


class BlockerSpec(_Strict):
    id: str
    pattern: str
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


@dataclass(frozen=True)
class Entry:
    id: str
    canonical: Optional[str]
    level: str
    default: str
    group: Union[bool, str]
    locality: bool
    priority: int = 60


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: Any
    priority: int
    level: str
    default: str
    group: Union[bool, str]


@dataclass
class Gazetteer:
    entries: dict[str, Entry]            # fold_key(name) -> entry
    names_regex: Any                     # one alternation over all entry names (+ locality)
    patterns: list[Pattern]
    blockers: list[Pattern]
    abbreviations: dict[str, str]
    lists: dict[str, list[str]]
    spec: GazetteerFile = field(repr=False)

    def entry_for(self, name: str) -> Optional[Entry]:
        return self.entries.get(fold_key(name))


_FRAGMENT_REF = regex.compile(r"\$(?:\{([a-z_][a-z0-9_]*)\}|([a-z_][a-z0-9_]*))")
_LIST_REF = regex.compile(r"\\L<(\w+)>")


def expand(pattern: str, fragments: dict[str, str], _depth: int = 0) -> str:
    """Replace $name / ${name} by its fragment (expanded, in a group); only names used."""
    if _depth > 10:
        raise KeyError("fragment nesting deeper than 10 (a cycle?)")

    def one(m: regex.Match) -> str:
        name = m.group(1) or m.group(2)
        return "(?:" + expand(fragments[name], fragments, _depth + 1) + ")"

    return _FRAGMENT_REF.sub(one, pattern)


def _compile(pattern: str, fragments: dict[str, str], lists: dict[str, list[str]]) -> Any:
    expanded = expand(pattern, fragments)
    used = {name: lists[name] for name in set(_LIST_REF.findall(expanded))}
    return regex.compile(expanded, FLAGS | regex.IGNORECASE, **used)


def _names_pattern() -> str:
    # Names with a locality suffix first; a name is never glued to a symbol
    # ("KH-UBND", "ĐBQH&HĐND") nor followed by a letter.
    return (r"(?<![\w/&-])(?:(?P<loc_name>\L<loc_names>)(?P<loc>\ $locality)?"
            r"|(?P<fixed_name>\L<fixed_names>))(?!\w)")


def _check_examples(where: str, ex: BodyExamples, problems: list[str]) -> None:
    if not ex.match:
        problems.append(f"{where}: no positive example")
    if not ex.no_match:
        problems.append(f"{where}: no negative example")


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    path = Path(path) if path else rules_dir() / "bodies.yaml"
    try:
        with open(path, encoding="utf-8") as fh:
            raw = yaml.load(fh, Loader=_Loader)
        spec = GazetteerFile.model_validate(raw)
    except OSError as exc:
        raise RuleError([f"{path.name}: cannot read: {exc}"]) from None
    except yaml.YAMLError as exc:
        raise RuleError([f"{path.name}: YAML: {exc}"]) from None
    except ValidationError as exc:
        raise RuleError([f"{path.name}: {'.'.join(map(str, e['loc']))}: {e['msg']}"
                         for e in exc.errors()]) from None

    problems: list[str] = []
    lists = {k: [fold_key(v) for v in vs] for k, vs in spec.lists.items()}
    for k, vs in spec.lists.items():
        if any(not v.strip() for v in vs):
            problems.append(f"{path.name} list {k}: empty name")
    fragments = dict(spec.fragments)
    for name, pat in fragments.items():
        try:
            _compile(pat, fragments, lists)
        except (KeyError, ValueError, regex.error) as exc:
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
        entry = Entry(e.id, e.canonical, e.level, e.default, e.group, e.locality)
        for name in e.names:
            key = fold_key(name)
            if not key:
                problems.append(f"{where}: empty name")
            elif key in entries and entries[key] is not entry:
                problems.append(f"{where}: name {name!r} also in {entries[key].id}")
            else:
                entries[key] = entry

    def compile_all(specs, kind: str) -> list[Pattern]:
        out = []
        for p in specs:
            where = f"{path.name} {kind} {p.id}"
            if not new_id(kind, p.id):
                continue
            _check_examples(where, p.examples, problems)
            try:
                rx = _compile(p.pattern, fragments, lists)
            except KeyError as exc:
                problems.append(f"{where}: pattern: undefined fragment or list {exc}")
                continue
            except (ValueError, regex.error) as exc:
                problems.append(f"{where}: pattern: {exc}")
                continue
            if rx.search("") is not None:
                problems.append(f"{where}: pattern matches the empty string")
                continue
            out.append(Pattern(p.id, rx, getattr(p, "priority", 0), getattr(p, "level", "other"),
                               getattr(p, "default", "other"), getattr(p, "group", False)))
        return out

    patterns = compile_all(spec.patterns, "pattern")
    blockers = compile_all(spec.blockers, "blocker")
    names_regex = None
    try:
        loc_names = sorted({k for k, v in entries.items() if v.locality}, key=len, reverse=True)
        fixed_names = sorted({k for k, v in entries.items() if not v.locality}, key=len, reverse=True)
        names_regex = _compile(_names_pattern(), fragments,
                               {**lists, "loc_names": loc_names or ["\x00"],
                                "fixed_names": fixed_names or ["\x00"]})
    except (KeyError, ValueError, regex.error) as exc:
        problems.append(f"{path.name} entries: cannot build the name alternation: {exc}")
    if problems:
        raise RuleError(problems)
    return Gazetteer(entries, names_regex, patterns, blockers, dict(spec.abbreviations), lists, spec)


@lru_cache(maxsize=4)
def default_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process (immutable data)."""
    return load_gazetteer(Path(path) if path else None)
