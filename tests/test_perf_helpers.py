"""The speed helpers keep behaviour: the clustered greedy choice equals the plain
greedy loop, and the start-up cache returns what compiling / loading returns."""
from __future__ import annotations

import random
import re
from bisect import bisect_left

import pytest
import regex

from cchc_extract import startup_cache
from cchc_extract.matchers import Found, select
from cchc_extract.matchers.disjoint import greedy_disjoint


def _plain_greedy(spans):
    taken, keep = [], []
    for s, e in spans:
        k = bisect_left(taken, (s, e))
        if (k > 0 and taken[k - 1][1] > s) or (k < len(taken) and taken[k][0] < e):
            keep.append(False)
            continue
        taken.insert(k, (s, e))
        keep.append(True)
    return keep


def test_greedy_disjoint_equals_plain_loop_including_empty_spans():
    rnd = random.Random(7)
    for _ in range(3000):
        spans = []
        for _ in range(rnd.randint(0, 14)):
            s = rnd.randint(0, 25)
            spans.append((s, s + rnd.choice([0, 0, 1, 2, 3, 5, 9])))
        assert greedy_disjoint(spans) == _plain_greedy(spans), spans


def test_select_prefers_priority_then_length_and_drops_empty():
    cands = [Found(0, 10, "long", {}, 50), Found(5, 8, "high", {}, 90), Found(12, 12, "empty", {}, 99),
             Found(20, 25, "far", {}, 10)]
    winners, losers = select(cands)
    assert [w.rule for w in winners] == ["high", "far"]
    assert sorted(l.rule for l in losers) == ["empty", "long"]


def test_select_is_linear_enough_for_many_disjoint_candidates():
    # 200k non-overlapping candidates: the one-list greedy inserted into a list each time
    cands = [Found(i * 3, i * 3 + 2, "r", {}, 50 + i % 7) for i in range(200_000)]
    winners, losers = select(cands)
    assert len(winners) == 200_000 and not losers
    # out of document order they go through the greedy choice, which must stay near-linear too
    winners, losers = select(cands[::-1])
    assert winners == cands and not losers


def _plain_select(cands):
    ordered = sorted(cands, key=lambda c: c.sort_key)
    real = [c for c in ordered if c.end > c.start]   # an empty candidate always loses
    winners = [c for c, k in zip(real, _plain_greedy([(c.start, c.end) for c in real])) if k]
    chosen = set(map(id, winners))
    return sorted(winners, key=lambda c: (c.start, c.end)), [c for c in ordered if id(c) not in chosen]


def test_select_equals_plain_greedy_in_and_out_of_document_order():
    # the shortcut for candidates already in order and disjoint (a kind's kept winners) must
    # choose as the greedy loop does: touching spans all win, an empty one always loses
    rnd = random.Random(11)
    for _ in range(3000):
        cands, pos = [], 0
        for i in range(rnd.randint(0, 8)):
            pos += rnd.choice([-2, 0, 0, 1, 3])
            cands.append(Found(max(pos, 0), max(pos, 0) + rnd.choice([0, 1, 2, 4]), f"r{i}", {},
                               rnd.choice([40, 50, 60])))
            pos = cands[-1].end
        got = select(cands)
        want = _plain_select(cands)
        assert [id(c) for c in got[0]] == [id(c) for c in want[0]], cands
        assert [id(c) for c in got[1]] == [id(c) for c in want[1]], cands


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CCHC_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(startup_cache, "_entries", None)
    monkeypatch.setattr(startup_cache, "_used", set())
    monkeypatch.setattr(startup_cache, "_live", {})
    monkeypatch.setattr(startup_cache, "_dirty", False)
    return tmp_path


def _reload_from_disk():
    startup_cache._save()
    startup_cache._entries = None
    startup_cache._live.clear()


def test_cached_patterns_match_like_fresh_ones(fresh_cache):
    rx_pat = r"(?<![\p{L}\d])(?P<n>\d++)\s*(?:tháng|ngày)"
    re_pat = r"(?i)(?<![\w])(sở|ủy ban)\s+(?P<name>\w+)"
    startup_cache.compile_regex(rx_pat, regex.V1 | regex.IGNORECASE)
    startup_cache.compile_re(re_pat, re.UNICODE)
    _reload_from_disk()
    assert any(fresh_cache.iterdir())
    a = startup_cache.compile_regex(rx_pat, regex.V1 | regex.IGNORECASE)
    b = startup_cache.compile_re(re_pat, re.UNICODE)
    text = "Trong 12 THÁNG, Ủy ban Nhân dân và sở Tài chính"
    assert [m.span() for m in a.finditer(text)] == [m.span() for m in regex.compile(
        rx_pat, regex.V1 | regex.IGNORECASE).finditer(text)]
    fresh = re.compile(re_pat, re.UNICODE)
    assert [m.groupdict() for m in b.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]
    assert b.groupindex == fresh.groupindex and b.flags == fresh.flags


def test_bad_patterns_still_raise(fresh_cache):
    with pytest.raises(re.error):
        startup_cache.compile_re("(unclosed")
    with pytest.raises(regex.error):
        startup_cache.compile_regex("(unclosed")


def test_yaml_cache_follows_file_content(fresh_cache, tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("a: [1, 2]\n", encoding="utf-8")
    first = startup_cache.load_yaml(f)
    first["a"].append(3)                     # callers may change what they get
    assert startup_cache.load_yaml(f) == {"a": [1, 2]}
    _reload_from_disk()
    f.write_text("a: [5]\n", encoding="utf-8")
    assert startup_cache.load_yaml(f) == {"a": [5]}


def test_cached_values_come_back_from_the_cache_file(fresh_cache):
    import sys

    calls = []
    assert startup_cache.cached("t", ("a", "b"), lambda: calls.append(1) or "ab") == "ab"
    _reload_from_disk()
    assert startup_cache.cached("t", ("a", "b"), lambda: calls.append(1) or "other") == "ab"
    assert calls == [1]                       # built once, then read back from the file
    # one cache per exact interpreter: compiled re code differs between bug-fix releases
    assert startup_cache._path().name.startswith(f"patterns-py{'.'.join(map(str, sys.version_info[:3]))}-")


def test_a_cached_value_is_rebuilt_when_the_code_that_derives_it_changes(fresh_cache, tmp_path):
    # the caller's module source is part of the key: an edit of the builder is a miss, not a stale hit
    mod = tmp_path / "derive.py"
    src = ("from cchc_extract import startup_cache\n"
           "def value():\n    return startup_cache.cached('derived', ('k',), lambda: {'v': %d})\n")

    def load(n: int) -> dict:
        mod.write_text(src % n, encoding="utf-8")
        ns: dict = {"__file__": str(mod)}
        exec(compile(mod.read_text(encoding="utf-8"), str(mod), "exec"), ns)
        return ns

    assert load(1)["value"]() == {"v": 1}
    _reload_from_disk()
    assert load(1)["value"]() == {"v": 1}
    startup_cache._SOURCES.clear()            # a new process reads the edited source
    assert load(2)["value"]() == {"v": 2}


def test_groups_read_by_number_equal_the_named_reads():
    import regex

    from cchc_extract.matchers.groups import group_dict, group_numbers

    rx = regex.compile(r"(?P<pre>trước\s+)?(ngày)\s+(?P<d>\d+)(?:/(?P<m>\d+))?")
    for text in ("trước ngày 5/6", "ngày 12"):
        m = rx.search(text)
        assert group_dict(m) == m.groupdict()
        assert list(group_dict(m)) == list(m.groupdict())
    assert group_numbers(rx, ("m", "absent", "pre")) == (rx.groupindex["m"], rx.groupindex["pre"])


def test_a_new_save_keeps_only_the_patterns_in_use(fresh_cache):
    """Stale patterns (an edited rule, an older release) must not pile up in the cache file:
    it is loaded at every start, so its size is start-up time and memory."""
    startup_cache.compile_regex(r"cũ\d+")          # a pattern of yesterday's rules
    startup_cache.compile_regex(r"giữ\d+")
    _reload_from_disk()
    startup_cache._used.clear()
    startup_cache._dirty = False
    startup_cache.compile_regex(r"giữ\d+")         # today's process uses this one (a cache hit) ...
    startup_cache.compile_regex(r"mới\d+")         # ... and compiles a new one: the file is rewritten
    _reload_from_disk()
    keys = {k[1] for k in startup_cache._load() if k[0] == "regex"}
    assert keys == {r"giữ\d+", r"mới\d+"}


def test_entities_given_every_field_share_one_fields_set_and_stay_assignable():
    from cchc_extract import extract
    from cchc_extract.models import Body, validate_rows

    doc = extract("Kính gửi: Sở Nội vụ, Sở Tư pháp, Sở Tài chính.\nĐề nghị các sở báo cáo trước ngày 15/3/2025.\n")
    sets = {id(b.model_fields_set) for b in doc.bodies}
    assert len(doc.bodies) >= 3 and len(sets) == 1          # one shared set, not one each
    assert doc.bodies[0].model_fields_set == set(Body.model_fields)
    doc.bodies[0].level = "province"                          # assignment adds a name already there
    assert doc.bodies[1].model_fields_set == set(Body.model_fields)


def test_rows_validated_in_chunks_equal_one_validation(monkeypatch):
    from cchc_extract import models

    rows = [{"text": f"Sở {i}", "span": (i, i + 4), "canonical": f"Sở {i}", "id": f"b{i}"} for i in range(10)]
    whole = models.validate_rows(models.Body, rows)
    monkeypatch.setattr(models, "_CHUNK", 3)
    chunked = models.validate_rows(models.Body, rows)
    assert chunked == whole and len(chunked) == 10
    # rows not given every field keep their own set: it tells which were given
    assert all(b.model_fields_set == {"text", "span", "canonical", "id"} for b in chunked)
    assert len({id(b.model_fields_set) for b in chunked}) == 10


def test_entity_ids_kept_per_process_are_the_formatted_ones_beyond_the_kept_count_too():
    from cchc_extract.pipeline import _IDS_KEPT, _ids

    assert _ids("q", 3) == ["q1", "q2", "q3"]
    many = _ids("q", _IDS_KEPT + 2)
    assert many == [f"q{i}" for i in range(1, _IDS_KEPT + 3)]
    assert _ids("q", 2) == ["q1", "q2"] and _ids("r", 1) == ["r1"]   # a longer ask does not change a shorter one
