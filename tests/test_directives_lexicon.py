"""The role lexicon (rules/_roles.yaml): strict loading, and every example behaves as written."""
from __future__ import annotations

import pytest

from cchc_extract.errors import RuleError
from cchc_extract.roles import default_lexicon, example_failures, load_lexicon


def _cases():
    lex = default_lexicon()
    for t in lex.triggers:
        for s in t.spec.examples.match:
            yield pytest.param(t, s, True, id=f"{t.id}: {s!r}")
        for s in t.spec.examples.no_match:
            yield pytest.param(t, s, False, id=f"{t.id}: not {s!r}")


@pytest.mark.parametrize("trigger,text,should", list(_cases()))
def test_lexicon_example(trigger, text, should):
    assert default_lexicon().hits(trigger, text) is should


def test_every_entry_has_a_positive_example_and_no_failure():
    lex = default_lexicon()
    assert all(t.spec.examples.match for t in lex.triggers)
    assert example_failures(lex) == []


@pytest.mark.parametrize("bad,message", [
    ("entries:\n  - {id: x, slot: before, role: lead, modality: assign, pattern: 'a$',"
     " examples: {match: [a]}, extra: 1}\n", "extra"),
    ("entries:\n  - {id: x, slot: before, role: lead, pattern: 'a$', examples: {match: [a]}}\n", "modality"),
    ("entries:\n  - {id: x, slot: after, role: block, pattern: 'a', examples: {match: [a]}}\n", "start with ^"),
    ("entries:\n  - {id: x, slot: gap, role: continue, pattern: '^$nope', examples: {match: [a]}}\n",
     "undefined fragment"),
    ("entries:\n  - {id: x, slot: gap, role: continue, pattern: '^a', examples: {match: []}}\n",
     "no positive example"),
])
def test_strict_loader_rejects(tmp_path, bad, message):
    p = tmp_path / "_roles.yaml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_lexicon(p)
    assert message in str(exc.value)
