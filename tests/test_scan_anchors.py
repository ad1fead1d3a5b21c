"""matchers.scan tries an anchored rule only where its words or runs of figures start
(matchers/anchors.py).  It must give exactly what rule.regex.finditer gives: checked
here on the corpus and on texts built to defeat the word search, and the two facts
the search relies on are checked over every code point."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from cchc_extract.matchers import scan
from cchc_extract.matchers.anchors import _FULL_FOLD, _engine, anchor_of, leading
from cchc_extract.normalize import normalize
from cchc_extract.rules import FLAGS, Rule, compile_pattern, default_rules

ROOT = Path(__file__).resolve().parents[1]
ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _all_rules():
    return [r for rules in default_rules().kinds.values() for r in rules]


def _anchored():
    return [r for r in _all_rules() if anchor_of(r.regex) is not None]


def _spans(rule, matches):
    return [(m.span(), m.groups()) for m in matches]


TRICKY = [
    "Kế hoạch ſố 12/KH-UBND ngày 05/3/2024",       # ſ: a case variant of s that lower() keeps
    "Kế hoạch số 1/KH-UBND, Kế hoạch ſố 12/KH-UBND",
    "NGÀY 05/3/2024 và ngàẙ 06/3/2024; Ngày 7/3/2024",
    "gİai đoạn 2021-2025, GIAI ĐOẠN 2022-2026",    # İ lowers to two characters
    "Luật Đất đai số 45/2013/QH13, Bộ luật Lao động số 45/2019/QH14",
    "QĐ số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND; NĐ 30/2020/NĐ-CP",
    "١٢/٣/٢٠٢٣ và 2021-2025, 12/05/2023 ２０２１-２０２５",  # other figures
    "số số 12/KH-UBND số12/KH",
    "ngày ngày 12/5/2023 tháng tháng 5/2023 năm năm 2023",
    "12 345/UBND-NC, 1 2/KH-UBND",
]


def _texts():
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
    return [normalize(t).text for t in docs] + TRICKY + [t.upper() for t in TRICKY]


def _plain_scan(rule, text):
    """What scan gave before anchors: the literal prefilter, then finditer over the text."""
    if rule.literals and not any(lit in text.lower() for lit in rule.literals):
        return []
    return list(rule.regex.finditer(text))


@pytest.mark.parametrize("rule", _anchored(), ids=lambda r: r.id)
def test_scan_gives_what_finditer_gives(rule):
    for text in _texts():
        assert _spans(rule, (m for _, m in scan([rule], text))) == _spans(rule, _plain_scan(rule, text))


def test_most_rules_of_references_and_dates_are_anchored():
    ids = {r.id for r in _anchored()}
    assert {"ref.loai_so", "ref.so_tiep_noi", "date.ngay_so", "date.nam", "date.ngay_tran"} <= ids


def test_case_variants_of_anchor_letters_lower_to_the_letter_or_are_listed_unsafe():
    for rule in _anchored():
        anchor = anchor_of(rule.regex)
        if not anchor.ignore_case:
            continue
        for c in {c for w in anchor.words for c in w}:
            for x in regex.findall(regex.escape(c), ALL_CHARS, FLAGS | regex.IGNORECASE):
                assert x.lower() == c or x in anchor.unsafe, (rule.id, c, x)


def test_every_character_that_folds_to_several_is_known_to_the_engine():
    expanding = set(_engine.get_expand_on_folding())
    several = {x for x in ALL_CHARS if len(_engine.fold_case(_FULL_FOLD, x)) > 1}
    assert several <= expanding


def test_white_space_is_never_a_figure():
    """A look-behind ending in \\s or \\x20 puts no figure before the match."""
    assert regex.findall(r"(?=\d)\s", ALL_CHARS, FLAGS) == []
    assert regex.findall(r"(?=\d)\s", ALL_CHARS, FLAGS | regex.IGNORECASE) == []


@pytest.mark.parametrize("pattern, expected", [
    (r"ngày\s+\d", ({"ngày"}, False)),
    (r"(?=số\s)(?<=x\s)số\s", ({"số"}, False)),
    (r"(?P<w>Luật|Bộ\s+luật)\s", ({"Luật", "Bộ"}, False)),
    (r"(?<=\x20)(?:số\s*)?(?P<n>\d+)/", ({"số"}, True)),
    (r"(?<![\p{L}\d/.-])(?P<y>(?:19|20)\d{2})", (set(), True)),
    (r"(?=\d)(?<=,\x20|\x20và\x20)\d+", (set(), True)),
    (r"abc?d", ({"ab"}, False)),
    (r"ngày|tháng", None),                 # top-level alternation
    (r"(?:ngày)?\d", None),                # a figure that may follow a figure
    (r"\d+/\d+", None),                    # no look-behind keeps it off a run of figures
    (r"(?<![\p{L}/])\d", None),            # nor one without \d
    (r"(?<=\\s)\d", None),                 # an escaped backslash, then s
    (r"(?i)ngày", None),                   # inline flags
    (r"(?x) ngày", None),
    (r"\d?ngày", None),
    (r"(?:ngày|)x", None),                 # an empty alternative
    (r"[a-z]ngày", None),
])
def test_leading(pattern, expected):
    assert leading(pattern) == expected


def test_a_rule_tried_at_its_words_still_times_out():
    """The timeout bounds an anchored rule's whole scan, checked between calls."""
    rule = Rule("evil", "test", 50, compile_pattern(r"x(?:a|aa)+y", True), {}, (), "test", None)
    assert anchor_of(rule.regex) is not None
    with pytest.raises(TimeoutError):
        list(scan([rule], "xaaaa" * 1000, timeout=1e-9))


def test_issuer_tokens_in_re_are_the_regex_tokens():
    """references._TOKEN is written for stdlib `re` with regex's \\s spelled out: the same
    words on every code point."""
    from cchc_extract.matchers import references

    tokens_in_regex = regex.compile(r"[^\s,;:.()\[\]\"'!?]+")
    assert references._TOKEN.findall(ALL_CHARS) == tokens_in_regex.findall(ALL_CHARS)


@pytest.mark.parametrize("pattern, expected", [
    (r"(?=\d)(?<=,\x20|\x20và\x20)\d", ((" và ", ", "),)),
    (r"(?<=(?<![\p{L}\d])(?P<c>(?:(?-i:NQ|QĐ)(?!\p{L})))\x20)\d", (("NQ ", "QĐ "),)),
    (r"(?<=(?:ab|c)\s)\d", ()),                 # ends with \s: no literal
    (r"(?<=x(?:ab|c+)\x20)\d", ((" ",),)),      # c+ is no literal: the end stops there
    (r"(?<=(?i)ab\x20)\d", ()),                 # case-insensitive inside
    (r"(?<=a?b)\d", (("b",),)),
    (r"(?<!ab)\d", ()),
])
def test_literal_ends(pattern, expected):
    from cchc_extract.matchers.anchors import _literal_ends

    assert _literal_ends(pattern) == expected


def test_regex_white_space_is_python_white_space():
    """references._clean skips the regex when str.split() finds no white space."""
    assert all(c.isspace() for c in regex.findall(r"\s", ALL_CHARS))
