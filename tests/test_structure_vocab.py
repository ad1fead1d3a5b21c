"""The layout patterns kept as data in rules/_structure.yaml match their own examples."""
from __future__ import annotations

import pytest

from cchc_extract.structure import vocab

# key -> (compiled pattern, how the layout code applies it)
USES = {
    "unmarked_issuer_lines": (vocab.unmarked_issuer_re, "fullmatch"),
    "site_menu_lines": (vocab.site_menu_re, "search"),
}
EXAMPLES = vocab.vocab().get("pattern_examples", {})
CASES = [(key, text, want) for key, ex in EXAMPLES.items()
         for want, texts in (("match", ex.get("match", [])), ("no_match", ex.get("no_match", [])))
         for text in texts]


def test_every_pattern_list_has_examples_both_ways():
    assert set(EXAMPLES) == set(USES)
    for key, ex in EXAMPLES.items():
        assert ex.get("match") and ex.get("no_match"), key
        assert vocab.vocab()[key], key


@pytest.mark.parametrize("key,text,want", CASES, ids=[f"{k}:{w}:{t[:30]}" for k, t, w in CASES])
def test_pattern_example(key, text, want):
    compiled, how = USES[key]
    found = getattr(compiled(), how)(text) is not None
    assert found == (want == "match"), f"{key} {how} {text!r}"
