"""The loader of rules/bodies.yaml is strict and reports every problem at once."""
from __future__ import annotations

import textwrap

import pytest

from cchc_extract.errors import RuleError
from cchc_extract.gazetteer import load_gazetteer

EXAMPLES = "examples: {match: [{text: x}], no_match: [y]}"


def write(tmp_path, body: str):
    path = tmp_path / "bodies.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD = f"""
lists:
  provinces: [Hưng Yên]
fragments:
  locality: '(?:tỉnh(?:\\ \\L<provinces>)?)'
entries:
  - id: e.gov
    names: [Chính phủ]
    level: central
    {EXAMPLES}
patterns:
  - id: p.dept
    anchors: [sở]
    pattern: 'Sở\\ Nội\\ vụ'
    level: province
    {EXAMPLES}
"""


def test_a_good_file_loads(tmp_path):
    g = load_gazetteer(write(tmp_path, GOOD))
    assert g.entry_for("CHÍNH PHỦ").id == "e.gov"
    assert [p.id for p in g.patterns] == ["p.dept"]


def test_unknown_keys_are_refused(tmp_path):
    bad = GOOD.replace("    level: central", "    level: central\n    colour: red")
    with pytest.raises(RuleError) as err:
        load_gazetteer(write(tmp_path, bad))
    assert "colour" in str(err.value)


def test_every_problem_is_reported_at_once(tmp_path):
    bad = f"""
    entries:
      - id: dup
        names: [Chính phủ]
        level: central
        {EXAMPLES}
      - id: other
        names: [chính  PHỦ]
        level: central
        {EXAMPLES}
    patterns:
      - id: dup
        anchors: [x]
        pattern: 'a'
        level: other
        {EXAMPLES}
      - id: p.bad_regex
        anchors: [x]
        pattern: '(unclosed'
        level: other
        {EXAMPLES}
      - id: p.empty
        anchors: [x]
        pattern: 'a?'
        level: other
        {EXAMPLES}
      - id: p.no_examples
        anchors: [x]
        pattern: 'b'
        level: other
        examples: {{match: [], no_match: []}}
      - id: p.undefined_fragment
        anchors: [x]
        pattern: '$nowhere'
        level: other
        {EXAMPLES}
    """
    with pytest.raises(RuleError) as err:
        load_gazetteer(write(tmp_path, bad))
    problems = err.value.problems
    text = " | ".join(problems)
    assert "duplicate id" in text
    assert "also in dup" in text                   # same name after folding, two entries
    assert "p.bad_regex" in text
    assert "p.empty: pattern matches the empty string" in text
    assert "p.no_examples: no positive example" in text
    assert "p.no_examples: no negative example" in text
    assert "p.undefined_fragment" in text
    assert len(problems) >= 7


def test_an_enumeration_takes_member_lists_or_a_member_pattern_not_both(tmp_path):
    enum = """
enumerations:
  - id: en.units
    anchors: [các cục]
    head: 'các\\ cục\\ ?:\\ ?'
    {members}
    level: central
    {examples}
"""
    free = GOOD + enum.format(members="member_pattern: '(?-i:\\p{Lu})\\w*'", examples=EXAMPLES)
    g = load_gazetteer(write(tmp_path, free))
    assert [m.group() for m in g.enumerations[0].members.finditer("Các Cục: Thuế, Hải quan")] == [
        "Các", "Cục", "Thuế", "Hải"]
    both = GOOD + enum.format(members="members: [provinces]\n    member_pattern: 'x'", examples=EXAMPLES)
    neither = GOOD + enum.format(members="", examples=EXAMPLES)
    for bad in (both, neither):
        with pytest.raises(RuleError) as err:
            load_gazetteer(write(tmp_path, bad))
        assert "either members (lists) or member_pattern" in str(err.value)


def test_patterns_need_anchors(tmp_path):
    bad = GOOD.replace("    anchors: [sở]\n", "")
    with pytest.raises(RuleError) as err:
        load_gazetteer(write(tmp_path, bad))
    assert "anchors" in str(err.value)


def test_yaml_syntax_error_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError):
        load_gazetteer(write(tmp_path, "entries: [\n"))


def test_the_shipped_gazetteer_loads():
    from cchc_extract.gazetteer import default_gazetteer

    g = default_gazetteer()
    assert g.entry_for("Uỷ ban Thường vụ Quốc hội") is not None   # tone placement folded
    assert len(g.lists["provinces"]) >= 34 + 63 - 11 - 23        # both lists, shared names once


def test_the_first_characters_of_a_rule_are_read_from_its_pattern():
    # a rule is not tried at a name whose first character its match cannot start with: the set
    # must hold every such character, and None (any) wherever the pattern is not understood
    import regex
    from cchc_extract.gazetteer import _parse_first_chars
    flags = regex.V1 | regex.I
    assert _parse_first_chars(r"(?<![\w])(?-i:Vụ|Cục)\s+\w+", flags) == {"V", "C"}
    assert _parse_first_chars(r"(?-i:(?:Ban\s+)?Vụ)", flags) == {"B", "V"}   # an optional word: both
    assert _parse_first_chars(r"Vụ|Cục", flags) is None                        # caseless: any case
    assert _parse_first_chars(r"(?-i:[AB]?)\w+", flags) is None                # may start empty: any
    assert _parse_first_chars(r"(?-i:\p{Lu})", flags) is None                  # not read by re: any


def test_a_key_found_apart_is_reported_only_where_its_rules_can_start():
    # "vụ" is found by str.find, not by the scanner: with the text, its start is reported only
    # where the text's character is one its rules start with (a capital: "Vụ Pháp chế"), and
    # every other start is the same as without the text (random texts of the pieces around it)
    import random
    from cchc_extract.gazetteer import default_gazetteer
    from cchc_extract.matchers.bodies import MARKER_STARTS

    table = default_gazetteer().scan_table(MARKER_STARTS)
    apart = dict(table.apart)
    assert "vụ" in apart and "V" in apart["vụ"] and "v" not in apart["vụ"]
    pieces = ["vụ", "Vụ", "VỤ", "nhiệm vụ", "Nội vụ", "Sở Nội vụ", "Vụ Pháp chế", " ", ", ", "dịch", "(", "-"]
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        low = text.lower()
        every = table.starts(low)
        wanted = [(p, k) for p, k in every if k not in apart or text[p] in apart[k]]
        assert table.starts(low, text) == wanted, text
    text = "thực hiện nhiệm vụ; Vụ Pháp chế chủ trì"
    assert [(p, k) for p, k in table.starts(text.lower(), text) if k == "vụ"] == [(text.index("Vụ"), "vụ")]


def test_many_apart_starts_are_merged_in_order_as_one_by_one_inserts_would(monkeypatch):
    # past gazetteer._INSERT_AT_MOST apart starts, they are appended and sorted (inserting each
    # moved the list's tail: quadratic on a document of megabytes); the starts are the same
    import random
    from cchc_extract import gazetteer
    from cchc_extract.matchers.bodies import MARKER_STARTS

    table = gazetteer.default_gazetteer().scan_table(MARKER_STARTS)
    pieces = ["Vụ Pháp chế", " nhiệm vụ", " Sở Nội vụ", ", Vụ Tổ chức", " Bộ Tài chính", "\n", " và "]
    rnd = random.Random(7)
    text = "".join(rnd.choice(pieces) for _ in range(3 * gazetteer._INSERT_AT_MOST * len(pieces)))
    low = text.lower()
    merged = table.starts(low, text)
    assert sum(1 for _, k in merged if k == "vụ") > gazetteer._INSERT_AT_MOST
    assert merged == sorted(merged) and len({p for p, _ in merged}) == len(merged)
    monkeypatch.setattr(gazetteer, "_INSERT_AT_MOST", 10 ** 9)
    assert table.starts(low, text) == merged
