"""The rule loader refuses bad rule directories and lists every problem at once."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cchc_extract.errors import RuleError
from cchc_extract.rules import load_rules

FRAGMENTS = """\
fragments:
  so:
    description: a number
    pattern: '\\d+'
    examples: {match: [{text: '12'}]}
"""


def _write(d: Path, name: str, text: str) -> None:
    (d / name).write_text(textwrap.dedent(text), encoding="utf-8")


def _rule(rid: str, pattern: str, extra: str = "") -> str:
    return (f"  - id: {rid}\n    pattern: '{pattern}'\n"
            f"    examples: {{match: [{{text: 'x 12'}}]}}\n{extra}")


def _problems(d: Path) -> list[str]:
    with pytest.raises(RuleError) as exc:
        load_rules(d)
    return exc.value.problems


def test_a_good_directory_loads(tmp_path):
    _write(tmp_path, "_fragments.yaml", FRAGMENTS)
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n" + _rule("demo.so", "x $so"))
    rs = load_rules(tmp_path)
    assert [r.id for r in rs["demo"]] == ["demo.so"]
    assert rs["demo"][0].regex.search("x 12").group() == "x 12"


def test_unknown_key_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n" + _rule("demo.a", "x", "    colour: red\n"))
    problems = _problems(tmp_path)
    assert any("demo.yaml" in p and "colour" in p for p in problems), problems


def test_unknown_top_level_key_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nversion: 2\nrules:\n" + _rule("demo.a", "x"))
    assert any("version" in p for p in _problems(tmp_path))


def test_bad_regex_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n" + _rule("demo.bad", "(x"))
    problems = _problems(tmp_path)
    assert any("demo.bad" in p and "pattern" in p for p in problems), problems


def test_pattern_matching_the_empty_string_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n" + _rule("demo.empty", "x?"))
    problems = _problems(tmp_path)
    assert any("demo.empty" in p and "empty" in p for p in problems), problems


def test_duplicate_ids_are_refused_across_files(tmp_path):
    _write(tmp_path, "a.yaml", "kind: a\nrules:\n" + _rule("same.id", "x"))
    _write(tmp_path, "b.yaml", "kind: b\nrules:\n" + _rule("same.id", "y"))
    problems = _problems(tmp_path)
    assert any("same.id" in p and "duplicate" in p for p in problems), problems


def test_undefined_fragment_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n" + _rule("demo.frag", "x $nowhere"))
    problems = _problems(tmp_path)
    assert any("demo.frag" in p and "nowhere" in p for p in problems), problems


def test_rule_without_positive_example_is_refused(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules:\n  - id: demo.lonely\n    pattern: 'x'\n")
    problems = _problems(tmp_path)
    assert any("demo.lonely" in p and "positive example" in p for p in problems), problems


def test_bad_fragment_regex_is_refused(tmp_path):
    _write(tmp_path, "_fragments.yaml", "fragments:\n  broken: {pattern: '[x'}\n")
    problems = _problems(tmp_path)
    assert any("broken" in p for p in problems), problems


def test_every_problem_is_reported_at_once(tmp_path):
    _write(tmp_path, "_fragments.yaml", FRAGMENTS)
    _write(tmp_path, "a.yaml", "kind: a\nrules:\n"
           + _rule("a.unknown_key", "x", "    colour: red\n"))
    _write(tmp_path, "b.yaml", "kind: b\nrules:\n"
           + _rule("b.bad_regex", "(x")
           + _rule("b.empty", "x*")
           + _rule("b.undefined", "$nowhere")
           + _rule("b.bad_regex", "y"))
    problems = _problems(tmp_path)
    text = "\n".join(problems)
    for needle in ("colour", "b.bad_regex: pattern", "b.empty", "nowhere", "duplicate"):
        assert needle in text, f"{needle!r} not reported in:\n{text}"
    assert len(problems) >= 5


def test_yaml_syntax_error_is_reported_with_the_file(tmp_path):
    _write(tmp_path, "demo.yaml", "kind: demo\nrules: [\n")
    assert any("demo.yaml" in p for p in _problems(tmp_path))


def test_the_shipped_rules_load():
    rs = load_rules()
    assert rs["references"] and rs["dates"]
