"""Directives never crash and always quote the source, whatever the items and bodies look like."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_extract.directives import build_directives
from cchc_extract.matchers import MatchContext
from cchc_extract.models import Body, Document, Item
from cchc_extract.normalize import normalize

WORDS = ["Giao", "Sở Nội vụ", "chủ trì", ",", "phối hợp với", "UBND tỉnh", ";", "Đề nghị", "yêu cầu",
         "Thủ trưởng", "các sở", "và", ":", "\n", "\n\n", "1.", "a)", "-", "do", "tại", "**", "¹", "hoà", "x"]


@st.composite
def documents(draw):
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=60)))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    items = []
    for k, (s, e) in enumerate(zip(cuts, cuts[1:])):
        if e > s:
            parent = items[-1].path if items and draw(st.booleans()) else None
            path = f"{parent}/{k}" if parent else str(k)
            items.append(Item(label="1.", path=path, kind="decimal", depth=0, parent=parent, text=text[s:e],
                              span=(s, e)))
    spans = sorted(draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 20)), max_size=10)))
    bodies = [Body(id=f"b{i}", text=text[s:min(n, s + w)], span=(s, min(n, s + w)), canonical="x")
              for i, (s, w) in enumerate(spans, 1)]
    return text, Document(items=items, bodies=bodies)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_never_crashes_and_quotes_the_source(case):
    text, doc = case
    ds = build_directives(doc, MatchContext(norm=normalize(text), rules=None))
    for d in ds:
        assert text[d.span[0]:d.span[1]] == d.text
        for b in d.lead + d.support:
            assert text[b.span[0]:b.span[1]] == b.text
