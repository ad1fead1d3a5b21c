"""Every rule's own examples, run through its kind's full matcher.

Generic over ``rules/*.yaml`` (every kind; ``bodies.yaml`` and files starting
with ``_`` have their own loaders and are skipped), plus the examples of the
shared fragments in ``rules/_fragments*.yaml``.

Semantics:
- a ``match`` example passes when running the kind (``registry()[kind]`` on a
  MatchContext of ``normalize(text)`` with ``doc_date``, then ``select``; the
  kinds before it in registry order run first, as in the pipeline) yields an
  entity produced by THIS rule whose text, as written in the example, equals
  ``span`` (default: the whole text) and whose fields include ``expect``;
- a ``no_match`` example passes when the kind selects no entity produced by
  this rule in that text (another rule of the kind may match it);
- every rule must have at least one ``match`` example;
- a fragment ``match`` example must be matched whole by the fragment (or its
  ``span`` found inside it); a fragment ``no_match`` text must not be matched whole.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_extract.matchers import MatchContext, registry, select
from cchc_extract.normalize import normalize
from cchc_extract.rules import compile_pattern, default_rules, expand, rules_dir

RULES_DIR = rules_dir()


def _rule_files() -> list[Path]:
    return [p for p in sorted(RULES_DIR.glob("*.yaml"))
            if not p.name.startswith("_") and p.name != "bodies.yaml"]


def _raw_rules():
    """(kind, rule dict) of every rule file, read directly so a bad file still lists its rules."""
    for path in _rule_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for r in data.get("rules") or []:
            yield data.get("kind"), r


def _cases():
    pos, neg = [], []
    for kind, r in _raw_rules():
        ex = r.get("examples") or {}
        for e in ex.get("match") or []:
            pos.append(pytest.param(kind, r["id"], e, id=f"{r['id']}: {e.get('text')}"))
        for t in ex.get("no_match") or []:
            neg.append(pytest.param(kind, r["id"], t, id=f"{r['id']}: {t}"))
    return pos, neg


POSITIVE, NEGATIVE = _cases()


def _run(kind: str, text: str, doc_date=None):
    """Run the kinds up to `kind` in registry order; return (context, winners of kind)."""
    ctx = MatchContext(norm=normalize(text), rules=default_rules(), doc_date=doc_date)
    for k, find in registry().items():
        winners, _ = select(find(ctx))
        ctx.found[k] = winners
        if k == kind:
            return ctx, winners
    raise AssertionError(f"kind {kind!r} is not in the matcher registry")


def _describe(ctx, found) -> str:
    return "; ".join(f"{f.rule} {ctx.norm.original_slice(f.start, f.end)!r} {f.fields}" for f in found) or "nothing"


@pytest.mark.parametrize("kind,rule_id,example", POSITIVE)
def test_positive_example(kind, rule_id, example):
    text = example["text"]
    want = example.get("span") or text
    expect = example.get("expect") or {}
    ctx, found = _run(kind, text, example.get("doc_date"))
    hits = [f for f in found if f.rule == rule_id and ctx.norm.original_slice(f.start, f.end) == want]
    assert hits, f"{rule_id} did not produce {want!r}; found: {_describe(ctx, found)}"
    got = hits[0].fields
    wrong = {k: got.get(k, "<missing>") for k, v in expect.items() if got.get(k, "<missing>") != v}
    assert not wrong, f"{rule_id} on {want!r}: expected {expect}, differing fields {wrong}"


@pytest.mark.parametrize("kind,rule_id,text", NEGATIVE)
def test_negative_example(kind, rule_id, text):
    ctx, found = _run(kind, text)
    mine = [f for f in found if f.rule == rule_id]
    assert not mine, f"{rule_id} should not match {text!r}: {_describe(ctx, mine)}"


@pytest.mark.parametrize("kind,rule", [pytest.param(k, r, id=r.get("id")) for k, r in _raw_rules()])
def test_every_rule_has_a_positive_example(kind, rule):
    assert (rule.get("examples") or {}).get("match"), f"rule {rule.get('id')} has no positive example"


def test_rule_files_exist_and_load():
    assert _rule_files(), "no rule files"
    rs = default_rules()
    assert sum(len(v) for v in rs.kinds.values()) == sum(1 for _ in _raw_rules())


def _fragment_cases():
    out = []
    for path in sorted(RULES_DIR.glob("_fragments*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, spec in (data.get("fragments") or {}).items():
            ex = spec.get("examples") or {}
            for e in ex.get("match") or []:
                out.append(pytest.param(name, e, True, id=f"${name}: {e.get('text')}"))
            for t in ex.get("no_match") or []:
                out.append(pytest.param(name, {"text": t}, False, id=f"${name} not: {t}"))
    return out


@pytest.mark.parametrize("name,example,positive", _fragment_cases())
def test_fragment_example(name, example, positive):
    rs = default_rules()
    rx = compile_pattern(expand("$" + name, rs.fragments), True)
    text = normalize(example["text"]).text
    if positive:
        span = example.get("span")
        if span:
            assert any(m.group() == span for m in rx.finditer(text)), f"${name} does not find {span!r} in {text!r}"
        else:
            assert rx.fullmatch(text), f"${name} does not match {text!r} whole"
    else:
        assert not rx.fullmatch(text), f"${name} should not match {text!r} whole"


def test_every_fragment_has_a_positive_example():
    rs = default_rules()
    missing = [n for n, spec in rs.fragment_specs.items() if not spec.examples.match]
    assert not missing, f"fragments without a positive example: {missing}"

