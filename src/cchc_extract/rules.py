"""Rule files: YAML data loaded into strict models and compiled once.

A rule file (``rules/<kind>.yaml``) holds ``kind`` and a list of ``rules``;
``rules/_fragments.yaml`` holds named regex pieces that patterns reference as
``$name`` or ``${name}``.  Loading checks everything and reports every problem
at once (file, rule id, field): unknown keys, bad regexes, patterns that match
the empty string, duplicate ids, undefined fragments, rules with no positive
example.
"""
from __future__ import annotations

import os
import string
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .startup_cache import compile_regex, load_yaml

try:  # libyaml is much faster at start-up when present
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class StrictModel(BaseModel):
    """Base of every data-file model: an unknown key is an error, never ignored."""

    model_config = ConfigDict(extra="forbid")


_Strict = StrictModel


class Example(_Strict):
    text: str
    span: Optional[str] = None      # expected entity text; default: all of `text`
    expect: dict[str, Any] = Field(default_factory=dict)
    doc_date: Optional[str] = None  # reference date for relative forms


class Examples(_Strict):
    match: list[Example] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class RuleSpec(_Strict):
    id: str
    pattern: str
    priority: int = 50
    description: str = ""
    fields: dict[str, Any] = Field(default_factory=dict)
    literals: list[str] = Field(default_factory=list)
    ignore_case: bool = True
    examples: Examples = Field(default_factory=Examples)


class RuleFileSpec(_Strict):
    kind: str
    description: str = ""
    rules: list[RuleSpec]


class FragmentSpec(_Strict):
    pattern: str
    description: str = ""
    examples: Examples = Field(default_factory=Examples)


class FragmentFileSpec(_Strict):
    description: str = ""
    fragments: dict[str, FragmentSpec]


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    priority: int
    regex: Any
    fields: dict
    literals: tuple[str, ...]
    source: str
    spec: RuleSpec = field(compare=False, repr=False)


@dataclass
class RuleSet:
    kinds: dict[str, list[Rule]]
    fragments: dict[str, str]
    fragment_specs: dict[str, FragmentSpec]
    directory: Path

    def __getitem__(self, kind: str) -> list[Rule]:
        return self.kinds.get(kind, [])


FLAGS = regex.V1 | regex.UNICODE


def rules_dir() -> Path:
    env = os.environ.get("CCHC_RULES_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    # a checkout / editable install keeps rules/ at the repo root; `pip install .` puts a copy
    # under <prefix>/share/cchc-extract/rules (pyproject's data-files)
    for cand in (here.parents[2] / "rules", Path(sys.prefix) / "share" / "cchc-extract" / "rules"):
        if cand.is_dir():
            return cand
    raise RuleError([f"rules directory not found (looked beside {here}); set CCHC_RULES_DIR"])


def prefilter_word(literal: str) -> str:
    """The longest word of a literal: a text may break a phrase over a line end or two
    spaces ("thời gian hoàn\nthành"), so only a single word is a safe substring test."""
    return max(literal.lower().split() or [literal.lower()], key=len)


class _Template(string.Template):
    idpattern = r"[a-z_][a-z0-9_]*"


def expand(pattern: str, fragments: dict[str, str], _depth: int = 0) -> str:
    """Replace $name / ${name} by the (expanded) fragment, wrapped in a group."""
    if _depth > 10:
        raise KeyError("fragment nesting deeper than 10 (a cycle?)")
    if "$" not in pattern:
        return pattern
    return _Template(pattern).substitute(_LazyFragments(fragments, _depth))


class _LazyFragments:
    """Expands only the fragments a pattern references (eager expansion of every
    fragment at every level made any nested fragment exceed the depth limit)."""

    def __init__(self, fragments: dict[str, str], depth: int):
        self.fragments, self.depth = fragments, depth

    def __getitem__(self, name: str) -> str:
        return "(?:" + expand(self.fragments[name], self.fragments, self.depth + 1) + ")"


def compile_pattern(pattern: str, ignore_case: bool) -> Any:
    flags = FLAGS | (regex.IGNORECASE if ignore_case else 0)
    return compile_regex(pattern, flags)  # cached on disk: compiling is most of a cold start


def _load_yaml(path: Path) -> Any:
    return load_yaml(path, _Loader)


def _errors(exc: ValidationError, where: str) -> list[str]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        out.append(f"{where}: {loc}: {err['msg']}")
    return out


def load_rules(directory: Path | None = None) -> RuleSet:
    directory = Path(directory) if directory else rules_dir()
    problems: list[str] = []
    fragments: dict[str, str] = {}
    fragment_specs: dict[str, FragmentSpec] = {}
    for frag_path in sorted(directory.glob("_fragments*.yaml")):
        try:
            ff = FragmentFileSpec.model_validate(_load_yaml(frag_path))
        except ValidationError as exc:
            problems += _errors(exc, frag_path.name)
            continue
        except yaml.YAMLError as exc:
            problems.append(f"{frag_path.name}: YAML: {exc}")
            continue
        for k, v in ff.fragments.items():
            if k in fragments:
                problems.append(f"{frag_path.name} {k}: fragment defined twice")
            fragment_specs[k] = v
            fragments[k] = v.pattern
    for name, pat in fragments.items():
        try:
            compile_pattern(expand(pat, fragments), True)
        except (KeyError, ValueError, regex.error) as exc:
            problems.append(f"fragment {name}: pattern: {exc}")

    kinds: dict[str, list[Rule]] = {}
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_") or path.name == "bodies.yaml":
            continue  # fragments, role lexicons and the gazetteer have their own loaders
        try:
            spec = RuleFileSpec.model_validate(_load_yaml(path))
        except ValidationError as exc:
            problems += _errors(exc, path.name)
            continue
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: YAML: {exc}")
            continue
        for r in spec.rules:
            where = f"{path.name} {r.id}"
            if r.id in seen:
                problems.append(f"{where}: duplicate id (also in {seen[r.id]})")
                continue
            seen[r.id] = path.name
            if not r.examples.match:
                problems.append(f"{where}: no positive example")
            try:
                rx = compile_pattern(expand(r.pattern, fragments), r.ignore_case)
            except KeyError as exc:
                problems.append(f"{where}: pattern: undefined fragment {exc}")
                continue
            except (ValueError, regex.error) as exc:
                problems.append(f"{where}: pattern: {exc}")
                continue
            if rx.fullmatch("") is not None or rx.search("") is not None:
                problems.append(f"{where}: pattern matches the empty string")
                continue
            kinds.setdefault(spec.kind, []).append(
                Rule(r.id, spec.kind, r.priority, rx, dict(r.fields),
                     tuple(prefilter_word(x) for x in r.literals), path.name, r)
            )
    if problems:
        raise RuleError(problems)
    return RuleSet(kinds, fragments, fragment_specs, directory)


@lru_cache(maxsize=4)
def default_rules(directory: str | None = None) -> RuleSet:
    """The rule set, loaded once per process (rules are immutable data)."""
    return load_rules(Path(directory) if directory else None)
