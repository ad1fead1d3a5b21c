"""Runs every example of rules/bodies.yaml through the whole bodies matcher.

Positive examples must yield a body with the expected text, fields and rule id;
negative examples must yield no body at all (for blockers: the blocker pattern
itself must not match them).
"""
from __future__ import annotations

import pytest

from cchc_extract.gazetteer import default_gazetteer
from cchc_extract.matchers import MatchContext
from cchc_extract.matchers.bodies import find
from cchc_extract.normalize import normalize
from cchc_extract.rules import RuleSet


def bodies_in(text: str):
    norm = normalize(text)
    ctx = MatchContext(norm=norm, rules=RuleSet({}, {}, {}, None))
    out = []
    for f in find(ctx):
        s, e = norm.to_original(f.start, f.end)
        assert text[s:e] == norm.original[s:e]
        out.append((text[s:e], f))
    return out


def _cases():
    spec = default_gazetteer().spec
    groups = (("entry", spec.entries), ("pattern", spec.patterns),
              ("blocker", spec.blockers), ("enumeration", spec.enumerations))
    for kind, items in groups:
        for item in items:
            for ex in item.examples.match:
                yield pytest.param(kind, item.id, "match", ex, id=f"{item.id}: {ex.text}")
            for text in item.examples.no_match:
                yield pytest.param(kind, item.id, "no_match", text, id=f"{item.id}: NOT {text}")


@pytest.mark.parametrize("kind, rule_id, polarity, example", list(_cases()))
def test_example(kind, rule_id, polarity, example):
    if kind == "blocker":
        g = default_gazetteer()
        rx = next(b.regex for b in g.blockers if b.id == rule_id)
        if polarity == "match":
            assert rx.search(normalize(example.text).text), "blocker does not match"
            assert bodies_in(example.text) == [], "a body survived inside a blocked name"
        else:
            assert rx.search(normalize(example).text) is None
        return
    if polarity == "no_match":
        found = bodies_in(example)
        assert found == [], f"unexpected bodies: {[t for t, _ in found]}"
        return
    want = example.span or example.text
    found = bodies_in(example.text)
    hits = [f for t, f in found if t == want]
    assert hits, f"{want!r} not found; got {[(t, f.rule) for t, f in found]}"
    f = hits[0]
    assert f.rule == rule_id
    for key, value in example.expect.items():
        assert f.fields[key] == value, f"{key}: {f.fields[key]!r} != {value!r}"


def test_every_entry_and_pattern_has_examples():
    spec = default_gazetteer().spec
    for item in [*spec.entries, *spec.patterns, *spec.blockers, *spec.enumerations]:
        assert item.examples.match and item.examples.no_match, item.id
